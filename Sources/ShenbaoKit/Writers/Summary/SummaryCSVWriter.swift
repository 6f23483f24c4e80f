import Foundation

/// Writes a summary table as CSV: UTF-8 with a BOM (so Excel opens it as Chinese), CRLF line ends,
/// the header row and then one line per row — the table only, for import into other systems.
public enum SummaryCSVWriter {
    public static func render(_ table: SummaryTable) -> String {
        var out = "\u{FEFF}"
        for row in [table.headers] + table.rows {
            out += row.map(quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public static func write(_ table: SummaryTable, to path: String, inputs: [String] = []) throws {
        try AtomicFile.write(Data(render(table).utf8), to: path, inputs: inputs)
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
