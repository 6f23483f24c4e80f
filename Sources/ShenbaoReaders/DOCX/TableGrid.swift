import ShenbaoModel
import ShenbaoSupport

/// Resolves WordprocessingML table rows into a grid: `w:gridBefore` offsets, `w:gridSpan` widths and
/// `w:vMerge` continuations (which lengthen the cell above instead of becoming cells).
///
/// Inconsistent input never traps: a continuation with nothing above becomes an ordinary cell, spans
/// are clamped to the declared grid, and positions past `maxColumns` are dropped.
struct TableGrid {
    /// No real table is this wide (Word allows 63 columns).
    static let maxColumns = 512

    private(set) var cells: [TableCell] = []
    private let declaredColumns: Int
    private var row = -1
    private var column = 0
    private var widest = 0
    /// Grid column → index of the cell covering it in the previous / current row.
    private var coveringPrevious: [Int: Int] = [:]
    private var coveringCurrent: [Int: Int] = [:]

    /// `declaredColumns` is the number of `w:tblGrid/w:gridCol` (0 when absent).
    package init(declaredColumns: Int) {
        self.declaredColumns = min(max(declaredColumns, 0), Self.maxColumns)
    }

    /// Starts the next row, whose first cell sits after `skipping` grid columns (`w:gridBefore`).
    mutating func startRow(skipping before: Int) {
        row += 1
        // (The two maps trade places and keep their room: a row's map is the size of the one before.)
        swap(&coveringPrevious, &coveringCurrent)
        coveringCurrent.removeAll(keepingCapacity: true)
        let limit = declaredColumns > 0 ? declaredColumns - 1 : Self.maxColumns - 1
        column = min(max(before, 0), limit)
    }

    /// Lengthens the cell above the current position (a `w:vMerge` continuation). Returns false when
    /// there is none, in which case the caller adds an ordinary cell instead.
    mutating func continueCell(span: Int) -> Bool {
        guard let index = coveringPrevious[column] else { return false }
        let width = clamped(span)
        cells[index].rowSpan = row - cells[index].row + 1
        for covered in column..<(column + width) { coveringCurrent[covered] = index }
        column += width
        widest = max(widest, column)
        return true
    }

    /// Adds a cell at the current position.
    mutating func addCell(span: Int, blocks: [Block]) {
        guard column < Self.maxColumns else { return }
        let width = clamped(span)
        cells.append(TableCell(row: row, column: column, columnSpan: width, blocks: blocks))
        for covered in column..<(column + width) { coveringCurrent[covered] = cells.count - 1 }
        column += width
        widest = max(widest, column)
    }

    /// The resolved table.
    package var table: Table {
        Table(cells: cells, rowCount: row + 1, columnCount: max(declaredColumns, widest))
    }

    private func clamped(_ span: Int) -> Int {
        let limit = declaredColumns > column ? declaredColumns : Self.maxColumns
        return min(max(span, 1), max(limit - column, 1))
    }
}
