/// A table resolved to a grid: every cell knows its grid row/column and its spans, so a
/// horizontally merged (`gridSpan`) or vertically merged (`vMerge`) cell is one cell that covers
/// several grid positions.
public struct Table: Sendable, Equatable {
    /// The distinct cells, in reading order (row by row, left to right).
    public var cells: [TableCell] { didSet { rows = Self.rowIndex(cells, rowCount: rowCount) } }
    public var rowCount: Int { didSet { rows = Self.rowIndex(cells, rowCount: rowCount) } }
    public var columnCount: Int
    /// 1-based page of the table's first row, when known.
    public var page: Int?
    /// For each grid row, the indices of the cells covering it, left to right (so lookups stay
    /// linear on tables of many thousand rows).
    private var rows: [[Int]]

    public init(cells: [TableCell], rowCount: Int, columnCount: Int, page: Int? = nil) {
        self.cells = cells
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.page = page
        self.rows = Self.rowIndex(cells, rowCount: rowCount)
    }

    /// The cell covering a grid position, or nil where the row has no cell there.
    public func cell(row: Int, column: Int) -> TableCell? {
        guard rows.indices.contains(row) else { return nil }
        return rows[row].lazy.map { self.cells[$0] }.first { $0.covers(row: row, column: column) }
    }

    /// The distinct cells that start in a grid row, left to right.
    public func cells(inRow row: Int) -> [TableCell] {
        cellIndices(inRow: row).map { cells[$0] }
    }

    /// The distinct cells covering a grid row (including vertically merged ones from above), left to right.
    public func cells(coveringRow row: Int) -> [TableCell] {
        guard rows.indices.contains(row) else { return [] }
        return rows[row].map { cells[$0] }
    }

    /// The positions in `cells` of the cells that start in a grid row, left to right (`cells(inRow:)` without
    /// copying the cells).
    public func cellIndices(inRow row: Int) -> [Int] {
        guard rows.indices.contains(row) else { return [] }
        return rows[row].filter { cells[$0].row == row }
    }

    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs.cells == rhs.cells && lhs.rowCount == rhs.rowCount && lhs.columnCount == rhs.columnCount && lhs.page == rhs.page
    }

    private static func rowIndex(_ cells: [TableCell], rowCount: Int) -> [[Int]] {
        var rows = [[Int]](repeating: [], count: max(0, rowCount))
        for (index, cell) in cells.enumerated() {
            let first = max(0, cell.row), last = min(rowCount, cell.row + max(1, cell.rowSpan))
            guard first < last else { continue }
            for row in first..<last { rows[row].append(index) }
        }
        for row in rows.indices { rows[row].sort { cells[$0].column < cells[$1].column } }
        return rows
    }
}

/// One table cell: its place in the grid and its content (which may hold nested tables).
public struct TableCell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var blocks: [Block]

    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, blocks: [Block]) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.blocks = blocks
    }

    /// Convenience for a cell holding one plain-text paragraph.
    public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String) {
        self.init(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
                  blocks: [.paragraph(Paragraph(text: text))])
    }

    /// Whether the cell covers a grid position.
    public func covers(row: Int, column: Int) -> Bool {
        self.row <= row && row < self.row + rowSpan && self.column <= column && column < self.column + columnSpan
    }

    /// The page the cell's first paragraph sits on, when the reader knows pages.
    public var page: Int? {
        for case .paragraph(let paragraph) in blocks { if let page = paragraph.page { return page } }
        return nil
    }

    /// The cell's paragraphs as text, one per line; nested tables contribute their cells' text.
    public var text: String {
        // (Most cells are one paragraph: no array, no joining.)
        if blocks.count == 1, case .paragraph(let paragraph) = blocks[0] { return paragraph.text }
        return blocks.map(\.text).joined(separator: "\n")
    }
}

extension Block {
    /// The block as plain text (tables: cells separated by tabs, rows by newlines).
    public var text: String {
        switch self {
        case .paragraph(let paragraph):
            return paragraph.text
        case .table(let table):
            return (0..<table.rowCount).map { row in
                table.cells(inRow: row).map(\.text).joined(separator: "\t")
            }.joined(separator: "\n")
        }
    }
}
