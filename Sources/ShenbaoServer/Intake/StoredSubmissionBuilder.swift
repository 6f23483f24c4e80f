import Foundation
import ShenbaoKit

/// A submission the pipeline read, as the store keeps it: every file copied into the blob store first, the
/// fields with their labels as the form prints them, and the stamped copy's status for the inbox table.
struct StoredSubmissionBuilder {
    let desk: Desk
    /// The folder the submission's files were read from.
    let root: String
    let spec: CallSpec

    /// `replacement`: the path (relative to `root`) of the file a re-upload brought.
    func submission(_ outcome: SubmissionOutcome, replacement: String?) throws -> NewUpload.Submission {
        let byPath = Dictionary(outcome.books.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let labels = Dictionary(spec.fields.map { ($0.id, $0.displayLabel) }, uniquingKeysWith: { first, _ in first })
        var files: [NewUpload.File] = []
        for path in outcome.submission.files {
            let blob: (sha256: String, size: Int64)
            do { blob = try desk.blobs.store(contentsOf: path) } catch {
                throw DeskError(.init(code: 507, reasonPhrase: "Insufficient Storage"), "文件 \(relative(path)) 无法保存（\(error)），请联系管理员")
            }
            let book = byPath[path]
            let kind = book == nil || book?.findings.contains(where: { $0.rule == "submission.attachment" }) == true ? "attachment"
                : book?.error != nil ? "unread" : "book"
            let fields = spec.fields.compactMap { field in
                book?.record?.fields[field.id].map { ExtractedField(id: field.id, label: field.displayLabel, value: $0.displayText) }
            }
            files.append(NewUpload.File(name: relative(path), sha256: blob.sha256, size: blob.size, kind: kind,
                                        fields: book?.record?.call == spec.id ? fields : [],
                                        readError: book?.error.map(\.message), findings: (book?.findings ?? []).map { Self.stored($0, labels: labels) },
                                        isReplacement: relative(path) == replacement))
        }
        let record = outcome.primary
        let text = { (id: String?) in id.flatMap { record?.fields[$0]?.displayText } }
        let projectField = spec.submission.keyFields.first {
            $0 != spec.submission.applicantCode && $0 != spec.submission.applicantName && !$0.contains("recommender")
        }
        let name = outcome.submission.name
        return NewUpload.Submission(
            name: name == root ? "（上传的文件）" : relative(name), callID: outcome.call, applicant: text(spec.submission.applicantName),
            projectName: text(projectField), uscc: text(spec.submission.applicantCode),
            hasWord: outcome.books.contains { $0.isWord && $0.record != nil }, hasPDF: outcome.books.contains { $0.isPDF && $0.record != nil },
            stampedCopy: Self.status(outcome), files: files, findings: outcome.findings.map { Self.stored($0, labels: labels) })
    }

    private func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path.lastPathComponentText
    }

    /// Seals found and missing, and whether the stamped copy agrees with the Word book — said only when a
    /// comparison was made: a text PDF of the same call, or a scan whose first pages OCR read.
    static func status(_ outcome: SubmissionOutcome) -> StampedCopyStatus {
        let rules = (outcome.findings + outcome.books.flatMap(\.findings)).map(\.rule)
        var status = StampedCopyStatus(sealsFound: rules.filter { $0 == "submission.seal-found" }.count,
                                       sealsMissing: rules.filter { $0 == "submission.seal-missing" }.count)
        let word = outcome.books.first { $0.isWord }?.record
        let compared = word != nil && outcome.books.contains { book in
            guard book.isPDF else { return false }
            if let record = book.record, !record.scanned, record.call == word?.call { return true }
            return !(book.stamped?.pagesRead.isEmpty ?? true)
        }
        if rules.contains("submission.scan-mismatch") {
            status.agreement = .differs
        } else if rules.contains("submission.scan-unchecked") {
            status.agreement = .unchecked
        } else if compared {
            status.agreement = .agrees
        }
        return status
    }

    private static func stored(_ finding: Finding, labels: [String: String]) -> StoredFinding {
        StoredFinding(submissionID: 0, fileID: nil, severity: finding.severity.rawValue, rule: finding.rule, field: finding.field,
                      label: finding.field.flatMap { labels[$0] }, message: finding.message)
    }
}
