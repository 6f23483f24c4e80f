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

    /// Counted in place: a report of 10,000 books holds some 50,000 findings, which a copy of each cost more
    /// than the counting.
    public var summary: Summary {
        var summary = Summary(submissions: submissions.count, documents: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0)
        func count(_ findings: [Finding]) {
            for finding in findings {
                switch finding.severity {
                case .error: summary.errors += 1
                case .warning: summary.warnings += 1
                case .info: summary.infos += 1
                }
            }
        }
        for submission in submissions {
            summary.documents += submission.books.count
            count(submission.findings)
            for book in submission.books {
                count(book.findings)
                if let error = book.error, error.code != "call.unknown" { summary.unreadable += 1 }
            }
        }
        return summary
    }

    /// Whether any error was found (exit code 1).
    public var hasErrors: Bool { summary.errors > 0 }
}
