import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `inbox.deadline`: with `--deadline`, a submission whose files were last changed after that day
/// (China time) arrived late. File modification times (measured with the submission) stand in for the date of arrival.
package struct DeadlineRule: InboxRule {
    package static let codes: [RuleCode] = [.inboxDeadline]

    package func check(_ outcomes: [SubmissionOutcome], specs: [String: CallSpec], options: InboxOptions) -> [(Int, Finding)] {
        guard let deadline = options.deadline else { return [] }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return outcomes.enumerated().compactMap { index, outcome in
            let dates = outcome.submission.files.compactMap { outcome.submission.facts[$0]?.modified }
            guard let latest = dates.max() else { return nil }
            let day = formatter.string(from: latest)
            guard day > deadline else { return nil }
            return (index, Finding(.late(changed: day, deadline: deadline)))
        }
    }
}

extension RuleCode {
    static let inboxDeadline = RuleCode("inbox.deadline", "files changed after --deadline")
}

extension RuleMessage {
    static func late(changed day: String, deadline: String) -> RuleMessage {
        RuleMessage(.inboxDeadline, .error, "逾期提交：材料最后修改于 \(day)，截止日期为 \(deadline)")
    }
}
