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
    package static let codes: [RuleCode] = [
        .submissionSealFound, .submissionSealMissing, .submissionScanPagesMissing, .submissionStampUnchecked,
        .submissionSignature, .submissionSignatureInvalid,
    ]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard !spec.submission.seals.isEmpty else { return [] }
        var findings: [Finding] = []
        for pdf in outcome.books where pdf.isPDF {
            guard let copy = pdf.stamped else { continue }
            let name = pdf.file.lastPathComponent
            for problem in copy.problems {
                findings.append(Finding(.stampUnchecked(name, problem: problem)))
            }
            for signature in copy.signatures {
                findings.append(Finding(.signature(name, signature)))
            }
            for seal in copy.seals {
                findings.append(Finding(.sealFound(name, seal), location: SourceLocation(page: seal.page)))
            }
            for section in copy.missingSections {
                findings.append(Finding(.sectionNotInCopy(name, section: section)))
            }
            for required in spec.submission.seals {
                let page: Int?
                switch required.page {
                case .cover: page = copy.pageCount > 0 ? 1 : nil
                case .declaration: page = copy.declarationPage
                }
                guard let page else {
                    let title = spec.submission.declaration?.title ?? "承诺书"
                    findings.append(Finding(.sealPageNotInCopy(name, title: title, label: required.label)))
                    continue
                }
                if !copy.seals.contains(where: { $0.page == page && $0.kind == .round }) {
                    findings.append(Finding(.sealMissing(name, page: page, onCover: required.page == .cover, label: required.label),
                                            location: SourceLocation(page: page)))
                }
            }
        }
        return findings
    }
}

extension RuleCode {
    static let submissionSealFound = RuleCode("submission.seal-found", "a seal on the stamped PDF (page, size, place), info")
    static let submissionSealMissing = RuleCode("submission.seal-missing", "a place the call's submission.seals names without a seal on its page")
    static let submissionScanPagesMissing = RuleCode("submission.scan-pages-missing", "the 承诺书 page or a section heading not in the stamped copy")
    static let submissionStampUnchecked = RuleCode("submission.stamp-unchecked", "what could not be checked on the stamped copy")
    static let submissionSignature = RuleCode("submission.signature", "a digital signature that matches the file, with its signer, info")
    static let submissionSignatureInvalid = RuleCode("submission.signature-invalid", "a digital signature that does not match (the file changed after signing)")
}

/// `file`: the stamped PDF's name.
extension RuleMessage {
    static func stampUnchecked(_ file: String, problem: String) -> RuleMessage {
        RuleMessage(.submissionStampUnchecked, .warning, "\(file)：\(problem)")
    }

    /// Info for a signature that matches the file, a warning for one that does not.
    static func signature(_ file: String, _ signature: DigitalSignature) -> RuleMessage {
        let who = signature.signer.isEmpty ? "（未写明签名人）" : "「\(signature.signer)」"
        let when = signature.signedAt.map { "，签名时间 \($0)" } ?? ""
        switch signature.status {
        case .valid:
            return RuleMessage(.submissionSignature, .info, "\(file) 带有数字签名：签名人\(who)\(when)，签名与文件内容一致（未联网核验证书）")
        case .changedAfterSigning:
            return RuleMessage(.submissionSignatureInvalid, .warning, "\(file) 的数字签名（签名人\(who)\(when)）与文件内容不符：文件在签名后被修改过")
        case .invalid:
            return RuleMessage(.submissionSignatureInvalid, .warning, "\(file) 的数字签名（签名人\(who)\(when)）无法验证")
        }
    }

    static func sealFound(_ file: String, _ seal: StampedCopy.SealMark) -> RuleMessage {
        RuleMessage(.submissionSealFound, .info, "\(file) 第\(seal.page)页有\(seal.kind == .square ? "方形印章" : "圆形公章")"
            + "（直径约\(Int(seal.diameter.rounded()))毫米，距页面左边\(Int(seal.x.rounded()))毫米、上边\(Int(seal.y.rounded()))毫米）")
    }

    static func sectionNotInCopy(_ file: String, section: String) -> RuleMessage {
        RuleMessage(.submissionScanPagesMissing, .warning, "\(file) 中找不到「\(section)」，扫描件可能缺页")
    }

    static func sealPageNotInCopy(_ file: String, title: String, label: String) -> RuleMessage {
        RuleMessage(.submissionScanPagesMissing, .warning, "\(file) 中找不到「\(title)」页，无法确认「\(label)」处已盖章")
    }

    static func sealMissing(_ file: String, page: Int, onCover: Bool, label: String) -> RuleMessage {
        RuleMessage(.submissionSealMissing, .warning, "\(file) 第\(page)页（\(onCover ? "封面" : "承诺书")）"
            + "「\(label)」处没有找到公章")
    }
}
