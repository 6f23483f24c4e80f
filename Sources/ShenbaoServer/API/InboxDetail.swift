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
        out.beginObject()
        out.key("duplicateCodes")
        out.array(duplicateCodes) { code, out in out.string(code) }
        out.key("inbox")
        Self.write(inbox, to: &out)
        out.key("submissions")
        out.array(submissions, element: Self.write(_:to:))
        out.endObject()
        return out.bytes
    }

    private static func write(_ inbox: InboxSummary, to out: inout JSONBytes) {
        out.beginObject()
        out.member("bureau", inbox.bureau)
        out.member("callID", inbox.callID)
        out.member("callTitle", inbox.callTitle)
        out.member("id", Int(inbox.id))
        out.member("quota", inbox.quota)
        out.member("recommended", inbox.recommended)
        out.member("region", inbox.region)
        out.member("submissions", inbox.submissions)
        out.endObject()
    }

    private static func write(_ submission: StoredSubmission, to out: inout JSONBytes) {
        out.beginObject()
        out.member("applicant", submission.applicant)
        out.key("arrivedAt")
        date(submission.arrivedAt, to: &out)
        out.member("callID", submission.callID)
        out.member("decision", submission.decision?.rawValue)
        out.member("decisionNote", submission.decisionNote)
        out.member("errors", submission.errors)
        out.member("hasPDF", submission.hasPDF)
        out.member("hasWord", submission.hasWord)
        out.member("id", Int(submission.id))
        out.member("inboxID", Int(submission.inboxID))
        out.member("name", submission.name)
        out.member("projectName", submission.projectName)
        out.key("stampedCopy")
        out.beginObject()
        out.member("agreement", submission.stampedCopy.agreement?.rawValue)
        out.member("sealsFound", submission.stampedCopy.sealsFound)
        out.member("sealsMissing", submission.stampedCopy.sealsMissing)
        out.endObject()
        out.member("uploadID", Int(submission.uploadID))
        out.member("uscc", submission.uscc)
        out.member("warnings", submission.warnings)
        out.endObject()
    }

    /// `date` as the encoder's `.iso8601` strategy writes it: UTC, whole seconds (the fraction dropped, not rounded).
    private static func date(_ date: Date, to out: inout JSONBytes) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func digits(_ value: Int32, _ count: Int) {
            let text = String(value)
            for _ in text.utf8.count..<max(text.utf8.count, count) { out.append("0") }
            out.append(unquoted: text)
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
