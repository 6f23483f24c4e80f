import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// The validation result of a whole run, in input order.
public struct ValidationReport: Sendable {
    public var submissions: [SubmissionOutcome]

    package init(submissions: [SubmissionOutcome]) { self.submissions = submissions }

    /// Counts for the summary line and JSON.
    public struct Summary: Sendable, Encodable {
        public var submissions: Int
        public var documents: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var unreadable: Int
    }

    public var summary: Summary {
        let all = submissions.flatMap { $0.findings + $0.books.flatMap(\.findings) }
        return Summary(submissions: submissions.count, documents: submissions.map(\.books.count).reduce(0, +),
                       errors: all.filter { $0.severity == .error }.count,
                       warnings: all.filter { $0.severity == .warning }.count,
                       infos: all.filter { $0.severity == .info }.count,
                       unreadable: submissions.flatMap(\.books).filter { $0.error != nil && $0.error?.code != "call.unknown" }.count)
    }

    /// Whether any error was found (exit code 1).
    public var hasErrors: Bool { summary.errors > 0 }
}
