import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.seal-missing` (warning): a place the call says must be stamped (`submission.seals`: the
/// cover's 申报单位（盖章）, the 承诺书's 申请单位（盖章）) has no seal on its page of the stamped PDF;
/// `submission.scan-pages-missing` (warning): the 承诺书 page is not in the stamped copy;
/// `submission.seal-found` (info): each seal found, with its page and place; `submission.stamp-unchecked`
/// (warning): what could not be checked on the stamped copy (a page that would not render, OCR data missing);
/// `submission.signature` (info): a digital signature that matches the file, with its signer;
/// `submission.signature-invalid` (warning): one that does not (the file was changed after signing).
package struct SealRule: SubmissionRule {
    package static let codes = [
        RuleCode("submission.seal-found", "a seal on the stamped PDF (page, size, place), info"),
        RuleCode("submission.seal-missing", "a place the call's submission.seals names without a seal on its page"),
        RuleCode("submission.scan-pages-missing", "the 承诺书 page or a section heading not in the stamped copy"),
        RuleCode("submission.stamp-unchecked", "what could not be checked on the stamped copy"),
        RuleCode("submission.signature", "a digital signature that matches the file, with its signer, info"),
        RuleCode("submission.signature-invalid", "a digital signature that does not match (the file changed after signing)"),
    ]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard !spec.submission.seals.isEmpty else { return [] }
        var findings: [Finding] = []
        for pdf in outcome.books where pdf.isPDF {
            guard let copy = pdf.stamped else { continue }
            let name = pdf.file.lastPathComponent
            for problem in copy.problems {
                findings.append(Finding(.warning, rule: "submission.stamp-unchecked", message: "\(name)：\(problem)"))
            }
            for signature in copy.signatures {
                let who = signature.signer.isEmpty ? "（未写明签名人）" : "「\(signature.signer)」"
                let when = signature.signedAt.map { "，签名时间 \($0)" } ?? ""
                switch signature.status {
                case .valid:
                    findings.append(Finding(.info, rule: "submission.signature",
                                            message: "\(name) 带有数字签名：签名人\(who)\(when)，签名与文件内容一致（未联网核验证书）"))
                case .changedAfterSigning:
                    findings.append(Finding(.warning, rule: "submission.signature-invalid",
                                            message: "\(name) 的数字签名（签名人\(who)\(when)）与文件内容不符：文件在签名后被修改过"))
                case .invalid:
                    findings.append(Finding(.warning, rule: "submission.signature-invalid",
                                            message: "\(name) 的数字签名（签名人\(who)\(when)）无法验证"))
                }
            }
            for seal in copy.seals {
                findings.append(Finding(.info, rule: "submission.seal-found", location: SourceLocation(page: seal.page),
                                        message: "\(name) 第\(seal.page)页有\(seal.kind == .square ? "方形印章" : "圆形公章")"
                                            + "（直径约\(Int(seal.diameter.rounded()))毫米，距页面左边\(Int(seal.x.rounded()))毫米、上边\(Int(seal.y.rounded()))毫米）"))
            }
            for section in copy.missingSections {
                findings.append(Finding(.warning, rule: "submission.scan-pages-missing",
                                        message: "\(name) 中找不到「\(section)」，扫描件可能缺页"))
            }
            for required in spec.submission.seals {
                let page: Int?
                switch required.page {
                case .cover: page = copy.pageCount > 0 ? 1 : nil
                case .declaration: page = copy.declarationPage
                }
                guard let page else {
                    let title = spec.submission.declaration?.title ?? "承诺书"
                    findings.append(Finding(.warning, rule: "submission.scan-pages-missing",
                                            message: "\(name) 中找不到「\(title)」页，无法确认「\(required.label)」处已盖章"))
                    continue
                }
                if !copy.seals.contains(where: { $0.page == page && $0.kind == .round }) {
                    findings.append(Finding(.warning, rule: "submission.seal-missing", location: SourceLocation(page: page),
                                            message: "\(name) 第\(page)页（\(required.page == .cover ? "封面" : "承诺书")）"
                                                + "「\(required.label)」处没有找到公章"))
                }
            }
        }
        return findings
    }
}
