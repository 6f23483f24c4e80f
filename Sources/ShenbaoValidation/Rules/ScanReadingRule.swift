import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// The findings of a scanned book read on its own: it has no text to check field by field, so it gets
/// `read.scanned` (warning, saying which key fields OCR read and which it could not), one
/// `read.ocr-field` (info) per key field read — with its page and confidence, to be checked against the
/// paper — and `read.ocr-failed` (warning) when OCR could not run.
package struct ScanReadingRule: ValidationRule {
    package static let codes = [
        RuleCode("read.scanned", "a scan: no text to check field by field; says which key fields OCR read"),
        RuleCode("read.ocr-field", "a key field OCR read on a scan, with page and confidence (info)"),
        RuleCode("read.ocr-failed", "OCR could not run (recognition data missing …)"),
    ]

    package static func findings(for record: Record, spec: CallSpec?) -> [Finding] {
        readingFindings(for: record, spec: spec) + ReaderNoteRule.findings(for: record)
    }

    private static func readingFindings(for record: Record, spec: CallSpec?) -> [Finding] {
        guard let ocr = record.ocr else {
            return [Finding(.warning, rule: "read.scanned", message: BookExtractor.scannedMessage)]
        }
        if let problem = ocr.problem {
            return [Finding(.warning, rule: "read.scanned", message: BookExtractor.scannedMessage),
                    Finding(.warning, rule: "read.ocr-failed", message: problem)]
        }
        guard let spec else {
            return [Finding(.warning, rule: "read.scanned", message: "扫描件（无文字层），文字识别也未能判断其申报类别，无法读取和校验字段")]
        }
        let keyFields = spec.submission.keyFields.compactMap(spec.field).filter { ScanEvidence.isVerifiable($0.type) }
        let unread = keyFields.filter { ocr.fields[$0.id] == nil }.map(\.quoted)
        var message = "扫描件（无文字层），无法逐项读取和校验字段；文字识别读出 \(keyFields.count - unread.count) 个关键字段，仅供核对"
        if !unread.isEmpty { message += "；未能读出\(unread.joined(separator: "、"))" }
        var findings = [Finding(.warning, rule: "read.scanned", message: message)]
        for field in keyFields {
            guard let value = ocr.fields[field.id] else { continue }
            findings.append(Finding(.info, rule: "read.ocr-field", field: field.id, section: field.section,
                                    location: SourceLocation(page: value.page),
                                    message: "文字识别读出\(field.quoted)「\(value.text)」（第\(value.page)页，置信度 \(value.confidence)），请以原件为准"))
        }
        return findings
    }
}
