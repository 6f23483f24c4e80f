import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.word-missing` / `submission.pdf-missing`: the notices ask for both an editable Word
/// file and a (stamped) PDF (a call whose notice asks for no PDF says `submission: {pdf: optional}`); `submission.scanned-pdf` (info): the PDF is a scan, compared with the
/// Word file only on its key fields, by OCR (`StampedCopyAgreementRule`).
package struct SubmissionFilesRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionWordMissing, .submissionPDFMissing, .submissionScannedPDF, .submissionAttachment]

    /// A file of the submission that is no book of any call (a scanned 营业执照, an 审计报告).
    package static let attachment = Finding(.attachment)

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard outcome.submission.folder != nil else { return [] }
        var findings: [Finding] = []
        let books = outcome.books
        // A book that is there but unreadable is already reported by its read error.
        if !books.contains(where: { $0.isWord && ($0.record != nil || $0.error?.code.hasPrefix("read.") == true) }) {
            findings.append(Finding(.wordMissing))
        }
        let pdfs = books.filter { $0.isPDF && $0.record != nil }
        if spec.submission.pdfRequired,
           !books.contains(where: { $0.isPDF && ($0.record != nil || $0.error?.code.hasPrefix("read.") == true) }) {
            findings.append(Finding(.pdfMissing))
        }
        for pdf in pdfs where pdf.record?.scanned == true {
            let checked = pdf.stamped?.pagesRead.isEmpty == false
            findings.append(Finding(.scannedPDF(pdf.file, checkedByOCR: checked)))
        }
        return findings
    }
}

extension RuleCode {
    static let submissionWordMissing = RuleCode("submission.word-missing", "no editable Word book")
    static let submissionPDFMissing = RuleCode("submission.pdf-missing", "no stamped PDF (unless the call says pdf: optional)")
    static let submissionScannedPDF = RuleCode("submission.scanned-pdf", "the PDF is a scan, compared by OCR only, info")
    static let submissionAttachment = RuleCode("submission.attachment", "a file that is no book (a scanned 营业执照), info")
}

extension RuleMessage {
    static let wordMissing = RuleMessage(.submissionWordMissing, .error, "缺少可编辑的 Word 版申报书（.docx）")
    static let pdfMissing = RuleMessage(.submissionPDFMissing, .error, "缺少加盖公章的 PDF 版申报书")
    static let attachment = RuleMessage(.submissionAttachment, .info, "附件材料（不是申报书），未校验内容")

    static func scannedPDF(_ file: String, checkedByOCR checked: Bool) -> RuleMessage {
        RuleMessage(.submissionScannedPDF, .info, "\(file.lastPathComponent) 是扫描件（无文字层），"
            + (checked ? "已由文字识别与 Word 版核对关键字段，其余内容未逐项核对" : "未能与 Word 版逐项核对"))
    }
}
