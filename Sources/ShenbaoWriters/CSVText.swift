import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// CSV as Excel opens it correctly: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, and text that
/// Excel would run as a formula (`=…`, `+…`, `@…`, `-` before a non-digit) prefixed with `'`.
package enum CSVText {
    /// The whole file: BOM, then each row.
    package static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(escape).joined(separator: ",") + "\r\n" }.joined()
    }

    package static func escape(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+@".contains(first) || (first == "-" && !(text.dropFirst().first?.isNumber ?? false)) {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
