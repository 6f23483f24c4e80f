import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// `validate --format json`: `{"documents": [{"file", "call", "submission", "findings": […]}], "summary": {…}}`.
/// Submission and inbox findings are listed under the submission's Word book (or its first file).
public enum ReportJSONWriter {
    struct DocumentEntry: Encodable {
        package var file: String
        package var call: String?
        package var submission: String?
        package var scanned: Bool
        package var findings: [FindingEntry]
    }

    struct FindingEntry: Encodable {
        package var severity: String
        package var rule: String
        package var field: String?
        package var label: String?
        package var section: String?
        package var location: String?
        package var table: Int?
        package var row: Int?
        package var page: Int?
        package var message: String
    }

    package struct Output: Encodable {
        var documents: [DocumentEntry]
        package var summary: ValidationReport.Summary
    }

    public static func render(_ report: ValidationReport, specs: [CallSpec]) -> String {
        let documents = ReportRows.documents(of: report).map { document in
            let spec = specs.first { $0.id == document.call }
            return DocumentEntry(file: document.file, call: document.call, submission: document.submission,
                                 scanned: document.scanned, findings: document.findings.map { finding in
                FindingEntry(severity: finding.severity.rawValue, rule: finding.rule, field: finding.field,
                             label: finding.field.flatMap { spec?.field($0)?.displayLabel }, section: finding.section,
                             location: finding.location?.description.nilIfEmpty, table: finding.location?.table,
                             row: finding.location?.row, page: finding.location?.page, message: finding.message)
            })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Output(documents: documents, summary: report.summary))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The report flattened to one entry per document, submission findings attached to its main file.
enum ReportRows {
    package struct Document {
        package var file: String
        package var call: String?
        package var submission: String?
        package var scanned: Bool
        package var findings: [Finding]
    }

    package static func documents(of report: ValidationReport) -> [Document] {
        var result: [Document] = []
        for outcome in report.submissions {
            let folder = outcome.submission.folder
            var documents = outcome.books.map {
                Document(file: $0.file, call: $0.record?.call, submission: folder, scanned: $0.record?.scanned ?? false,
                         findings: $0.findings)
            }
            if !outcome.findings.isEmpty {
                if let main = documents.firstIndex(where: { Submission.editableExtensions.contains($0.file.fileExtension) && $0.call != nil })
                    ?? documents.firstIndex(where: { $0.call != nil }) {
                    documents[main].findings += outcome.findings
                } else {
                    documents.append(Document(file: outcome.submission.name, call: outcome.call, submission: folder,
                                              scanned: false, findings: outcome.findings))
                }
            }
            result += documents
        }
        return result
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
