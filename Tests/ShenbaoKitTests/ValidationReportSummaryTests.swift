import Foundation
import Testing
import ShenbaoExtraction
import ShenbaoTestSupport
@testable import ShenbaoValidation

/// `ValidationReport.summary` counts in place; these reports, made at random from fixed seeds, hold it to the
/// plain definition: every finding of every submission and book counted by severity, and the books left
/// unread for any reason but being of no call.
@Suite struct ValidationReportSummaryTests {
    @Test(arguments: [UInt64(3), 17, 2026])
    func summaryCountsWhatTheReportHolds(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let severities: [Finding.Severity] = [.error, .warning, .info]
        func findings() throws -> [Finding] {
            try (0..<Int.random(in: 0...4, using: &random)).map { index in
                let severity = severities.randomElement(using: &random)!
                let json = #"{"severity":"\#(severity.rawValue)","rule":"test.\#(index)","message":"第\#(index)条"}"#
                return try JSONDecoder().decode(Finding.self, from: Data(json.utf8))
            }
        }
        var submissions: [SubmissionOutcome] = []
        for number in 0..<Int.random(in: 20...60, using: &random) {
            let books = try (0..<Int.random(in: 0...3, using: &random)).map { index -> BookOutcome in
                let file = "收件/\(number)/\(index).docx"
                let code = ["read.corrupt", "call.unknown", "read.timeout", nil].randomElement(using: &random)!
                return BookOutcome(file: file, error: code.map { BookError(file: file, code: $0, message: "无法读取") },
                                   findings: try findings())
            }
            submissions.append(SubmissionOutcome(submission: Submission(folder: "收件/\(number)", files: books.map(\.file)),
                                                 books: books, findings: try findings()))
        }
        let report = ValidationReport(submissions: submissions)
        let all = submissions.flatMap { $0.findings + $0.books.flatMap(\.findings) }
        let summary = report.summary
        #expect(summary.submissions == submissions.count)
        #expect(summary.documents == submissions.map(\.books.count).reduce(0, +))
        #expect(summary.errors == all.filter { $0.severity == .error }.count)
        #expect(summary.warnings == all.filter { $0.severity == .warning }.count)
        #expect(summary.infos == all.filter { $0.severity == .info }.count)
        #expect(summary.unreadable == submissions.flatMap(\.books).filter { $0.error != nil && $0.error?.code != "call.unknown" }.count)
        #expect(report.hasErrors == (summary.errors > 0))
        #expect(summary.errors + summary.warnings + summary.infos == all.count)
    }
}
