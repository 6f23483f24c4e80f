import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Joins a table that a page break split in two.
///
/// A table that goes on at the top of the next page comes out of the page layout as a second
/// table, and a row split by the break leaves part of its text (a long `单位简介`) in each. When a
/// page starts with a table whose outer edges are those of the table that ended the previous
/// page, it is appended to that table on the union of both tables' column lines:
/// - its first row continues the previous last row when each of its cells lies under a cell of the
///   same columns and either its cell in the label column (the leftmost cell that starts in that
///   last row) is empty or only a bracketed note (`(万元)`, the wrapped end of the label), or each of its cells is empty or lies under a cell whose last line is
///   full (the break cut that cell's paragraph; a new row's label and value are rarely both under
///   full lines): each of its cells' text is appended to the cell above;
/// - otherwise its rows are new rows, and an empty first-row cell left of the label column, under
///   a cell of the same columns, continues that (vertically merged) cell, such as `人才团队`;
/// - the merged table keeps the first table's page.
enum TableContinuation {
    /// A table with the x positions of its column lines, in points.
    struct Placed: Sendable, Equatable {
        package var table: Table
        var columnLines: [Double]
        /// Indices in `table.cells` of the cells whose last line is full.
        var fullCells: Set<Int> = []
    }

    /// Points within which two column lines, or two tables' outer edges, are the same.
    package static let tolerance = 2.5

    /// `next` appended to `previous`, or nil when it is not the same table (its outer edges differ).
    package static func merged(_ previous: Placed, _ next: Placed) -> Placed? {
        guard let left = previous.columnLines.first, let right = previous.columnLines.last,
              let nextLeft = next.columnLines.first, let nextRight = next.columnLines.last,
              abs(left - nextLeft) <= tolerance, abs(right - nextRight) <= tolerance,
              previous.table.rowCount > 0
        else { return nil }
        let lines = union(previous.columnLines, next.columnLines)
        guard let above = remapped(previous, to: lines), let below = remapped(next, to: lines) else { return nil }

        let lastRow = previous.table.rowCount - 1
        var cells = above
        /// The index of the previous table's cell covering the last row with exactly `cell`'s columns.
        func cellAbove(_ cell: TableCell) -> Int? {
            cells.firstIndex {
                $0.column == cell.column && $0.columnSpan == cell.columnSpan && $0.covers(row: lastRow, column: cell.column)
            }
        }
        let labelColumn = cells.filter { $0.row == lastRow }.map(\.column).min()
        let firstRow = below.filter { $0.row == 0 }
        let label = labelColumn.flatMap { column in firstRow.first { $0.covers(row: 0, column: column) } }
        /// Whether a first-row cell can be the rest of the cell above: empty, or under a full last line.
        func goesOn(_ cell: TableCell) -> Bool {
            isEmpty(cell) || (cell.column == labelColumn && isBracketedNote(cell))
                || cellAbove(cell).map(previous.fullCells.contains) == true
        }
        /// Cells that would each have to start a new paragraph of the cell above (one break cuts
        /// one cell between paragraphs; two such cells are a new row of a merged label, `奖励荣誉`).
        let newParagraphs = firstRow.filter { !goesOn($0) }.count
        let splitRow = label.map { label in
            ((isEmpty(label) || isBracketedNote(label)) && newParagraphs <= 1) || newParagraphs == 0
                || (firstRow.count == 1 && label.columnSpan == lines.count - 1
                    && continuesSentences(label, cellAbove(label).map { cells[$0] }))
        } == true && firstRow.allSatisfy { cellAbove($0) != nil }

        let offset = splitRow ? lastRow : previous.table.rowCount
        var full = Array(repeating: false, count: cells.count)
        for (index, var cell) in below.enumerated() {
            if cell.row == 0, let above = cellAbove(cell),
               splitRow || (isEmpty(cell) && cell.column <= (labelColumn ?? 0) && newParagraphs > 0) {
                cells[above].blocks = appended(cells[above].blocks, cell.blocks,
                                               joining: previous.fullCells.contains(above))
                cells[above].rowSpan = offset + cell.rowSpan - cells[above].row
                full[above] = next.fullCells.contains(index)
                continue
            }
            cell.row += offset
            cells.append(cell)
            full.append(next.fullCells.contains(index))
        }
        let order = cells.indices.sorted { (cells[$0].row, cells[$0].column) < (cells[$1].row, cells[$1].column) }
        let table = Table(cells: order.map { cells[$0] }, rowCount: offset + next.table.rowCount,
                          columnCount: lines.count - 1, page: previous.table.page)
        return Placed(table: table, columnLines: lines,
                      fullCells: Set(order.indices.filter { full[order[$0]] }))
    }

    /// Both sets of column lines, sorted, with lines closer than `tolerance` taken as one.
    package static func union(_ a: [Double], _ b: [Double]) -> [Double] {
        var result: [Double] = []
        for line in (a + b).sorted() {
            if let last = result.last, line - last <= tolerance { continue }
            result.append(line)
        }
        return result
    }

    /// The table's cells with columns renumbered on `lines`; nil when a column line is not among them.
    static func remapped(_ placed: Placed, to lines: [Double]) -> [TableCell]? {
        func index(_ column: Int) -> Int? {
            guard column < placed.columnLines.count else { return nil }
            let x = placed.columnLines[column]
            return lines.firstIndex { abs($0 - x) <= tolerance }
        }
        var cells: [TableCell] = []
        for var cell in placed.table.cells {
            guard let start = index(cell.column), let end = index(cell.column + cell.columnSpan), end > start else {
                return nil
            }
            cell.column = start
            cell.columnSpan = end - start
            cells.append(cell)
        }
        return cells
    }

    /// Whether a row that is one cell as wide as the table goes on with the text of the one-cell
    /// row above, cut between two paragraphs: both end a sentence, so neither is a heading such as
    /// `应用场景简介` (a value row always follows its heading, so a value row does not start a page's
    /// rows on its own).
    static func continuesSentences(_ cell: TableCell, _ above: TableCell?) -> Bool {
        guard let above, cell.column == 0, above.column == 0, cell.columnSpan == above.columnSpan,
              case .paragraph(let first)? = cell.blocks.first(where: { !$0.text.isEmpty }),
              case .paragraph(let last)? = above.blocks.last(where: { !$0.text.isEmpty })
        else { return false }
        return endsSentence(first.text) && endsSentence(last.text)
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.trimmingCharacters(in: .whitespaces).last else { return false }
        return "。！？；.!?;".contains(last)
    }

    package static func isEmpty(_ cell: TableCell) -> Bool {
        cell.text.allSatisfy(\.isWhitespace)
    }

    /// Whether a label cell holds only a note in brackets (`(万元)`, `（个）`): the wrapped end of the
    /// label above it, never a label of its own.
    static func isBracketedNote(_ cell: TableCell) -> Bool {
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = text.first, let last = text.last, text.count <= 12, !text.contains("\n") else { return false }
        return "(（".contains(first) && ")）".contains(last)
    }

    /// A cell's paragraphs with the continuation's appended: when the cell's last line is full
    /// (`joining`), the paragraph cut by the page break is joined with the continuation's first one;
    /// otherwise the break fell between paragraphs. The others follow.
    static func appended(_ blocks: [Block], _ continuation: [Block], joining: Bool = true) -> [Block] {
        let kept = blocks.filter { !$0.text.isEmpty }
        let added = continuation.filter { !$0.text.isEmpty }
        guard !added.isEmpty else { return blocks }
        guard joining, case .paragraph(var last)? = kept.last, case .paragraph(let first) = added[0] else {
            return kept + added
        }
        last.inlines = [.text(ParagraphBuilder.join(last.text, first.text, previousLine: last.text))]
        return kept.dropLast() + [.paragraph(last)] + added.dropFirst()
    }
}
