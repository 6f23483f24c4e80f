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
    package static let codes: [RuleCode] = [.readScanned, .readOCRField, .readOCRFailed]

    package static func findings(for record: Record, spec: CallSpec?) -> [Finding] {
        readingFindings(for: record, spec: spec) + ReaderNoteRule.findings(for: record)
    }

    private static func readingFindings(for record: Record, spec: CallSpec?) -> [Finding] {
        guard let ocr = record.ocr else {
            return [Finding(.scanned)]
        }
        if let problem = ocr.problem {
            return [Finding(.scanned), Finding(.ocrFailed(problem))]
        }
        guard let spec else {
            return [Finding(.scannedOfNoCall)]
        }
        let keyFields = spec.submission.keyFields.compactMap(spec.field).filter { ScanEvidence.isVerifiable($0.type) }
        let unread = keyFields.filter { ocr.fields[$0.id] == nil }.map(\.quoted)
        var findings = [Finding(.scanned(keyFieldsRead: keyFields.count - unread.count, unread: unread))]
        for field in keyFields {
            guard let value = ocr.fields[field.id] else { continue }
            findings.append(Finding(.ocrField(field, text: value.text, page: value.page, confidence: value.confidence),
                                    field: field.id, section: field.section, location: SourceLocation(page: value.page)))
        }
        return findings
    }
}

extension RuleCode {
    static let readScanned = RuleCode("read.scanned", "a scan: no text to check field by field; says which key fields OCR read")
    static let readOCRField = RuleCode("read.ocr-field", "a key field OCR read on a scan, with page and confidence (info)")
    static let readOCRFailed = RuleCode("read.ocr-failed", "OCR could not run (recognition data missing …)")
}

extension RuleMessage {
    /// A scan, with nothing OCR read to say.
    static let scanned = RuleMessage(.readScanned, .warning, BookExtractor.scannedMessage)
    static let scannedOfNoCall = RuleMessage(.readScanned, .warning, "扫描件（无文字层），文字识别也未能判断其申报类别，无法读取和校验字段")

    /// A scan of a call: how many key fields OCR read, and the labels of those it could not.
    static func scanned(keyFieldsRead: Int, unread: [String]) -> RuleMessage {
        var text = "扫描件（无文字层），无法逐项读取和校验字段；文字识别读出 \(keyFieldsRead) 个关键字段，仅供核对"
        if !unread.isEmpty { text += "；未能读出\(unread.joined(separator: "、"))" }
        return RuleMessage(.readScanned, .warning, text)
    }

    static func ocrFailed(_ problem: String) -> RuleMessage {
        RuleMessage(.readOCRFailed, .warning, problem)
    }

    static func ocrField(_ field: FieldSpec, text: String, page: Int, confidence: Int) -> RuleMessage {
        RuleMessage(.readOCRField, .info, "文字识别读出\(field.quoted)「\(text)」（第\(page)页，置信度 \(confidence)），请以原件为准")
    }
}
