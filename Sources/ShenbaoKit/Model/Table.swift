/// A table resolved to a grid: every cell knows its grid row/column and its spans, so a
/// horizontally merged (`gridSpan`) or vertically merged (`vMerge`) cell is one cell that covers
/// several grid positions.
public struct Table: Sendable, Equatable {
    /// The distinct cells, in reading order (row by row, left to right).
    public var cells: [TableCell]
    public var rowCount: Int
    public var columnCount: Int
    /// 1-based page of the table's first row, when known.
    public var page: Int?

    public init(cells: [TableCell], rowCount: Int, columnCount: Int, page: Int? = nil) {
        self.cells = cells
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.page = page
    }

    /// The cell covering a grid position, or nil where the row has no cell there.
    public func cell(row: Int, column: Int) -> TableCell? {
        cells.first { $0.covers(row: row, column: column) }
    }

    /// The distinct cells that start in a grid row, left to right.
    public func cells(inRow row: Int) -> [TableCell] {
        cells.filter { $0.row == row }.sorted { $0.column < $1.column }
    }

    /// The distinct cells covering a grid row (including vertically merged ones from above), left to right.
    public func cells(coveringRow row: Int) -> [TableCell] {
        cells.filter { $0.row <= row && row < $0.row + $0.rowSpan }.sorted { $0.column < $1.column }
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

    /// The cell's paragraphs as text, one per line; nested tables contribute their cells' text.
    public var text: String {
        blocks.map(\.text).joined(separator: "\n")
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
