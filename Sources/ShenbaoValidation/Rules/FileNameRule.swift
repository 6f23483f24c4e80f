import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.file-name`: a call that prescribes file names (Guangdong: 单位名称-应用场景名称) gets
/// books named otherwise — an error in a submission folder, a warning for a book checked on its own.
package struct FileNameRule: SubmissionRule {
    package static let codes = [
        RuleCode("submission.file-name", "the file name the call prescribes (Guangdong: 单位名称-应用场景名称)"),
    ]

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
            return Finding(outcome.submission.folder == nil ? .warning : .error, rule: "submission.file-name",
                           message: "文件名「\(book.file.lastPathComponent)」不符合要求，应为「\(labels)」：\(expected).\(book.file.fileExtension)")
        }
    }
}
