import Foundation
import ShenbaoKit
import ShenbaoWriters

/// One inbox and its submissions as the API answers `GET /api/v1/inboxes/{id}`.
struct InboxDetail: Encodable {
    var inbox: InboxSummary
    /// The submissions as the table shows them (`sort`, `order`, `q`, `show` as on the page).
    var submissions: [StoredSubmission]
    /// 统一社会信用代码 held by more than one submission of the inbox (重复申报).
    var duplicateCodes: [String]

    /// The answer's JSON: the bytes `APIResponse.json(_:)` makes of this value (keys sorted, dates as ISO 8601 in
    /// whole seconds), written by hand. An inbox lists all its submissions unless a page is asked for, and through
    /// `JSONEncoder` a 1,000-row inbox cost 10–17 ms of the desk's CPU a request (bench/desk_latency.py).
    /// `InboxDetailJSONTests` holds the two to the same bytes.
    var json: [UInt8] {
        var out = JSONBytes(reserving: 1_024 + submissions.count * 480)
        out.append("{\"duplicateCodes\":[")
        for (index, code) in duplicateCodes.enumerated() {
            if index > 0 { out.append(",") }
            out.string(code)
        }
        out.append("],\"inbox\":")
        Self.write(inbox, to: &out)
        out.append(",\"submissions\":[")
        for (index, submission) in submissions.enumerated() {
            if index > 0 { out.append(",") }
            Self.write(submission, to: &out)
        }
        out.append("]}")
        return out.bytes
    }

    private static func write(_ inbox: InboxSummary, to out: inout JSONBytes) {
        out.append("{\"bureau\":")
        out.string(inbox.bureau)
        out.append(",\"callID\":")
        out.string(inbox.callID)
        out.append(",\"callTitle\":")
        out.string(inbox.callTitle)
        out.append(",\"id\":")
        out.integer(Int(inbox.id))
        if let quota = inbox.quota {
            out.append(",\"quota\":")
            out.integer(quota)
        }
        out.append(",\"recommended\":")
        out.integer(inbox.recommended)
        out.append(",\"region\":")
        out.string(inbox.region)
        out.append(",\"submissions\":")
        out.integer(inbox.submissions)
        out.append("}")
    }

    private static func write(_ submission: StoredSubmission, to out: inout JSONBytes) {
        out.append("{")
        if let applicant = submission.applicant {
            out.append("\"applicant\":")
            out.string(applicant)
            out.append(",")
        }
        out.append("\"arrivedAt\":")
        date(submission.arrivedAt, to: &out)
        if let callID = submission.callID {
            out.append(",\"callID\":")
            out.string(callID)
        }
        if let decision = submission.decision {
            out.append(",\"decision\":")
            out.string(decision.rawValue)
        }
        out.append(",\"decisionNote\":")
        out.string(submission.decisionNote)
        out.append(",\"errors\":")
        out.integer(submission.errors)
        out.append(",\"hasPDF\":")
        out.boolean(submission.hasPDF)
        out.append(",\"hasWord\":")
        out.boolean(submission.hasWord)
        out.append(",\"id\":")
        out.integer(Int(submission.id))
        out.append(",\"inboxID\":")
        out.integer(Int(submission.inboxID))
        out.append(",\"name\":")
        out.string(submission.name)
        if let project = submission.projectName {
            out.append(",\"projectName\":")
            out.string(project)
        }
        out.append(",\"stampedCopy\":{")
        if let agreement = submission.stampedCopy.agreement {
            out.append("\"agreement\":")
            out.string(agreement.rawValue)
            out.append(",")
        }
        out.append("\"sealsFound\":")
        out.integer(submission.stampedCopy.sealsFound)
        out.append(",\"sealsMissing\":")
        out.integer(submission.stampedCopy.sealsMissing)
        out.append("},\"uploadID\":")
        out.integer(Int(submission.uploadID))
        if let uscc = submission.uscc {
            out.append(",\"uscc\":")
            out.string(uscc)
        }
        out.append(",\"warnings\":")
        out.integer(submission.warnings)
        out.append("}")
    }

    /// `date` as the encoder's `.iso8601` strategy writes it: UTC, whole seconds (the fraction dropped, not rounded).
    private static func date(_ date: Date, to out: inout JSONBytes) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ count: Int) {
            var width = 1
            var power: Int32 = 10
            while value >= power, width < 10 { width += 1; power &*= 10 }
            for _ in width..<max(width, count) { out.append("0") }
            out.integer(Int(value))
        }
        out.append("\"")
        digits(parts.tm_year + 1900, 4)
        out.append("-")
        digits(parts.tm_mon + 1, 2)
        out.append("-")
        digits(parts.tm_mday, 2)
        out.append("T")
        digits(parts.tm_hour, 2)
        out.append(":")
        digits(parts.tm_min, 2)
        out.append(":")
        digits(parts.tm_sec, 2)
        out.append("Z\"")
    }
}
