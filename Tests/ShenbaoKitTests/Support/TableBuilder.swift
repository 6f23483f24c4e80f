import Foundation
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoSpec
@testable import ShenbaoReaders
@testable import ShenbaoExtraction
@testable import ShenbaoStatistics
@testable import ShenbaoValidation
@testable import ShenbaoWriters
@testable import ShenbaoPipeline
@_exported import ShenbaoTestSupport

/// Builds model tables in tests: each row lists its cells as text, `span:` widens a cell, and
/// `"^"` continues the vertically merged cell above in that grid column.
func makeTable(columns: Int, _ rows: [[Any]]) -> Table {
    var cells: [TableCell] = []
    for (rowIndex, row) in rows.enumerated() {
        var column = 0
        for item in row {
            while cells.contains(where: { $0.covers(row: rowIndex, column: column) }) { column += 1 }
            let (text, span): (String, Int) = {
                if let pair = item as? (String, Int) { return pair }
                return (item as? String ?? "", 1)
            }()
            if text == "^", let above = cells.lastIndex(where: { $0.column == column && $0.row + $0.rowSpan == rowIndex }) {
                cells[above].rowSpan += 1
                column += cells[above].columnSpan
                continue
            }
            cells.append(TableCell(row: rowIndex, column: column, columnSpan: span, text: text))
            column += span
        }
    }
    return Table(cells: cells, rowCount: rows.count, columnCount: columns)
}

/// The checkout's `Templates/` folder.
func templatesDirectory() -> String {
    packageRoot() + "/Templates"
}

func loadSpec(_ id: String) throws -> CallSpec {
    try CallSpecLoader(directory: templatesDirectory()).load(id)
}
