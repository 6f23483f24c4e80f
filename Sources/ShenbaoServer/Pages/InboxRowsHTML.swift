import ShenbaoKit

/// The inbox table's body rows as HTML, written directly rather than through Mustache: with 100 rows a page, the
/// template engine's per-value lookups and escaping were most of the inbox page's time (bench/desk_latency.py,
/// perf). The markup is the same a Mustache section would make; every text is escaped.
enum InboxRowsHTML {
    struct Row {
        var id: Int64
        var applicant: String
        var project: String
        var uscc: String
        var duplicate: Bool
        var errors: Int
        var warnings: Int
        var copy: String
        var copyBad: Bool
        var decision: String
        var arrived: String
        var word: String
        var pdf: String
    }

    static func render(_ rows: some Sequence<Row>) -> String {
        var html = ""
        html.reserveCapacity(512 * 100)
        for row in rows {
            html += "<tr data-errors=\"\(row.errors)\">\n  <td><a href=\"/submissions/\(row.id)\">"
            escape(row.applicant, into: &html)
            html += "</a>"
            if row.duplicate { html += " <strong class=\"tag\">重复申报</strong>" }
            html += "</td><td>"
            escape(row.project, into: &html)
            html += "</td><td class=\"code\">"
            escape(row.uscc, into: &html)
            html += "</td>\n  <td class=\"\(row.errors > 0 ? "bad" : "")\">\(row.errors)</td>"
            html += "<td class=\"\(row.warnings > 0 ? "warn" : "")\">\(row.warnings)</td>\n  <td class=\"\(row.copyBad ? "bad" : "")\">"
            escape(row.copy, into: &html)
            html += "</td>\n  <td>"
            escape(row.decision, into: &html)
            html += "</td><td class=\"nowrap\">"
            escape(row.arrived, into: &html)
            html += "</td><td>\(row.word)</td><td>\(row.pdf)</td>\n</tr>\n"
        }
        return html
    }

    /// Appends `text` escaped, as Mustache's `{{…}}` does.
    static func escape(_ text: String, into html: inout String) { html += text.xmlEscaped }
}
