import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.scan-mismatch`: the stamped PDF is not the same book as the Word file — one of the call's
/// key fields (`submission.key-fields`: 单位名称, 统一社会信用代码, the project or model name …) differs.
///
/// - A **text PDF** is compared on the values read from it (error: both texts are certain).
/// - A **scan** is compared on what OCR read of its first pages (`StampedCopy.pagesRead`), by
///   `TolerantMatch` (warning: OCR can only fail to find a value, it cannot prove the printed one differs;
///   the message says what the scan shows beside the label, so a clerk can look at that page). A field whose
///   label the scan does not show is not judged but listed as `submission.scan-unchecked`.
package struct StampedCopyAgreementRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionScanMismatch, .submissionScanUnchecked]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard let word = outcome.books.first(where: { $0.isWord })?.record else { return [] }
        var findings: [Finding] = []
        for pdf in outcome.books where pdf.isPDF {
            let name = pdf.file.lastPathComponent
            if let record = pdf.record, !record.scanned, record.call == word.call {
                for id in spec.submission.keyFields {
                    guard let field = spec.field(id), let a = word.fields[id], let b = record.fields[id],
                          !CrossFieldRule.sameText(a, b) else { continue }
                    findings.append(Finding(.copyDiffers(name, field, word: a.displayText, pdf: b.displayText),
                                            field: id, section: field.section))
                }
            } else if let pages = pdf.stamped?.pagesRead, !pages.isEmpty {
                findings += scanFindings(word: word, pages: pages, file: name, spec: spec)
            }
        }
        return findings
    }

    /// Each key field of the Word book looked for in the OCR text of the scan's first pages. A value not
    /// found where its label is read is a mismatch; a field whose label cannot be read there either (a poor
    /// scan, pages missing, not this book) is not judged — one `submission.scan-unchecked` warning lists them.
    private func scanFindings(word: Record, pages: [ScanPageText], file: String, spec: CallSpec) -> [Finding] {
        let text = pages.map(\.text).joined(separator: "\n")
        var findings: [Finding] = []
        var unchecked: [String] = []
        for id in spec.submission.keyFields {
            guard let field = spec.field(id), let value = word.fields[id]?.displayText, !value.isEmpty,
                  ScanEvidence.isVerifiable(field.type) else { continue }
            if ScanEvidence.find(value, type: field.type, in: text)?.accepted == true { continue }
            guard let shown = ScanEvidence.besideLabel(spec.labelVariants(of: field), on: pages).first else {
                unchecked.append(field.quoted)
                continue
            }
            findings.append(Finding(.scanDiffers(file, field, word: value, shown: shown.text, page: shown.page),
                                    field: id, section: field.section))
        }
        if !unchecked.isEmpty {
            findings.append(Finding(.scanUnchecked(file, pages: pages.count, labels: unchecked)))
        }
        return findings
    }
}

extension RuleCode {
    static let submissionScanMismatch = RuleCode("submission.scan-mismatch", "the stamped PDF is not the same book as the Word file (a key field differs)")
    static let submissionScanUnchecked = RuleCode("submission.scan-unchecked", "key fields whose labels a scan's first pages do not show, so they could not be compared")
}

extension RuleMessage {
    /// A text PDF whose key field differs from the Word book's (an error: both texts are certain).
    static func copyDiffers(_ file: String, _ field: FieldSpec, word: String, pdf: String) -> RuleMessage {
        RuleMessage(.submissionScanMismatch, .error, "Word 版与 PDF 版（\(file)）的\(field.quoted)不一致：「\(word)」/「\(pdf)」")
    }

    /// A scan where OCR did not find the Word book's value; `shown` is what it read beside the label on `page`.
    static func scanDiffers(_ file: String, _ field: FieldSpec, word: String, shown: String, page: Int) -> RuleMessage {
        let there = shown.isEmpty ? "扫描件第\(page)页该处为空白或无法识别"
            : "扫描件第\(page)页该处为「\(String(shown.prefix(40)))」"
        return RuleMessage(.submissionScanMismatch, .warning,
                           "盖章扫描件（\(file)）中没有找到 Word 版的\(field.quoted)「\(word)」：\(there)，请核对是否为同一版本")
    }

    static func scanUnchecked(_ file: String, pages: Int, labels: [String]) -> RuleMessage {
        RuleMessage(.submissionScanUnchecked, .warning, "\(file)：扫描件前\(pages)页中识别不出\(labels.joined(separator: "、"))栏目"
            + "（扫描质量太差、缺页，或不是这份申报书的扫描件），未能与 Word 版核对")
    }
}
