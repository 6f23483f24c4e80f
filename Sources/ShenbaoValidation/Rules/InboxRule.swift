import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A rule across all submissions of an inbox (one bureau's intake).
package protocol InboxRule: ValidationRule {
    /// Findings to add, each for the submission at an index.
    func check(_ outcomes: [SubmissionOutcome], specs: [String: CallSpec], options: InboxOptions) -> [(Int, Finding)]
}

/// Settings of an inbox check given on the command line.
public struct InboxOptions: Sendable {
    /// Submissions whose files were last changed after this day (YYYY-MM-DD) are late.
    public var deadline: String?

    public init(deadline: String? = nil) {
        self.deadline = deadline
    }
}
