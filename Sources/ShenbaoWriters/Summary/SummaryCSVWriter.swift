import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes a summary table as CSV: UTF-8 with a BOM (so Excel opens it as Chinese), CRLF line ends,
/// the header row and then one line per row — the table only, for import into other systems.
public enum SummaryCSVWriter {
    public static func render(_ table: SummaryTable) -> String {
        CSVText.document([table.headers] + table.rows)
    }

    public static func write(_ table: SummaryTable, to path: String, inputs: [String] = []) throws {
        try AtomicFile.write(Data(render(table).utf8), to: path, inputs: inputs)
    }
}
