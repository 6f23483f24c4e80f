import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.file-name`: a call that prescribes file names (Guangdong: 单位名称-应用场景名称) gets
/// books named otherwise — an error in a submission folder, a warning for a book checked on its own.
package struct FileNameRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionFileName]

    /// The file name (without extension) the call prescribes for this book's files, when it prescribes one and
    /// the book has every part of it: `单位名称-应用场景名称`.
    package static func prescribedStem(for record: Record, spec: CallSpec) -> String? {
        let parts = spec.submission.fileName
        let values = parts.compactMap { record.fields[$0]?.displayText }
        guard !parts.isEmpty, values.count == parts.count else { return nil }
        return values.joined(separator: "-")
    }

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        let parts = spec.submission.fileName
        guard let record = outcome.primary, let expected = Self.prescribedStem(for: record, spec: spec) else { return [] }
        return outcome.books.filter { $0.record != nil }.compactMap { book in
            let stem = book.file.fileStem
            guard stem.labelKey.replacingOccurrences(of: "—", with: "-") != expected.labelKey,
                  !stem.labelKey.hasPrefix(expected.labelKey) else { return nil }
            let labels = parts.compactMap { spec.field($0)?.displayLabel }.joined(separator: "-")
            return Finding(.wrongFileName(book.file, labels: labels, expected: expected,
                                          severity: outcome.submission.folder == nil ? .warning : .error))
        }
    }
}

extension RuleCode {
    static let submissionFileName = RuleCode("submission.file-name", "the file name the call prescribes (Guangdong: 单位名称-应用场景名称)")
}

extension RuleMessage {
    /// An error in a submission folder, a warning for a book checked on its own.
    static func wrongFileName(_ file: String, labels: String, expected: String, severity: Finding.Severity) -> RuleMessage {
        RuleMessage(.submissionFileName, severity,
                    "文件名「\(file.lastPathComponent)」不符合要求，应为「\(labels)」：\(expected).\(file.fileExtension)")
    }
}
