import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.file-name`: a call that prescribes file names (Guangdong: 单位名称-应用场景名称) gets
/// books named otherwise — an error in a submission folder, a warning for a book checked on its own.
package struct FileNameRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionFileName]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        let parts = spec.submission.fileName
        guard !parts.isEmpty, let record = outcome.primary else { return [] }
        let values = parts.compactMap { record.fields[$0]?.displayText }
        guard values.count == parts.count else { return [] }
        let expected = values.joined(separator: "-")
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
