import ShenbaoModel
import ShenbaoSupport

/// Rebuilds one page's blocks: ruled tables become `.table` blocks with their glyphs assigned to
/// cells; the remaining glyphs become lines, and lines between tables become paragraphs.
/// Blocks come out top to bottom.
enum PageLayout {
    /// A page's blocks, top to bottom, and its tables with their geometry, in the order of the grids.
    package struct Page {
        package var blocks: [Block]
        package var tables: [TableContinuation.Placed]
    }

    /// - Parameters:
    ///   - dividers: the page's vertical rules, which cut text outside tables into separate lines (`LineBuilder`).
    ///   - pageWidth: the page width in points; with the text's left margin it gives where full lines
    ///     end (margins are taken as symmetric), so short cover lines of equal length
    ///     (申报单位：… / 模型名称：…) are not joined into one paragraph.
    package static func layout(glyphs: [Glyph], grids: [PDFTableGrid], dividers: [Rule] = [], page: Int, pageWidth: Double) -> Page {
        var cellGlyphs = grids.map { [[Glyph]](repeating: [], count: $0.cells.count) }
        var looseGlyphs: [Glyph] = []
        for glyph in glyphs where !grids.contains(where: { isCutOff(glyph, by: $0) }) {
            let x = glyph.box.midX, y = glyph.box.midY
            if let (table, cell) = grids.enumerated().lazy
                .compactMap({ table, grid in grid.cellIndex(x: x, y: y).map { (table, $0) } }).first {
                cellGlyphs[table][cell].append(glyph)
            } else {
                looseGlyphs.append(glyph)
            }
        }

        var items: [(top: Double, block: Block)] = []
        let tables = grids.enumerated().map { index, grid in table(grid, glyphs: cellGlyphs[index], page: page) }
        for (grid, placed) in zip(grids, tables) {
            items.append((grid.box.y0, .table(placed.table)))
        }
        let lines = LineBuilder.lines(from: looseGlyphs, dividers: dividers)
        let leftMargin = lines.map(\.box.x0).min() ?? 0
        let rightEdge = max(pageWidth.isFinite ? pageWidth - leftMargin : 0, grids.map(\.box.x1).max() ?? 0)
        var run: [TextLine] = []
        let tableTops = grids.map(\.box.y0).sorted()
        func flush() {
            guard let first = run.first else { return }
            for text in ParagraphBuilder.paragraphs(from: run, rightEdge: rightEdge, breakOnIndent: true) {
                items.append((first.box.y0, .paragraph(Paragraph(text: text, page: page))))
            }
            run = []
        }
        for line in lines {
            if let last = run.last, tableTops.contains(where: { last.box.midY < $0 && $0 < line.box.midY }) {
                flush()
            }
            run.append(line)
        }
        flush()
        // A stable sort keeps a run's paragraphs in order (they share the run's top).
        let blocks = items.enumerated().sorted { ($0.element.top, $0.offset) < ($1.element.top, $1.offset) }
            .map(\.element.block)
        return Page(blocks: blocks, tables: tables)
    }

    /// Whether a glyph is cut off by the clipped bottom of a table: within its columns, it crosses
    /// the bottom, or starts less than half its height below it.
    static func isCutOff(_ glyph: Glyph, by grid: PDFTableGrid) -> Bool {
        guard grid.clippedBottom else { return false }
        let bottom = grid.box.y1
        return grid.box.x0 <= glyph.box.midX && glyph.box.midX <= grid.box.x1
            && glyph.box.y1 > bottom && glyph.box.y0 < bottom + glyph.box.height / 2
    }

    /// The grids that are tables: a single ruled box with no text in it (a frame, a signature or
    /// stamp box) is not one; kept, it would also split the paragraph around it.
    package static func tables(_ grids: [PDFTableGrid], glyphs: [Glyph]) -> [PDFTableGrid] {
        grids.filter { !isEmptyBox($0, glyphs: glyphs) }
    }

    static func isEmptyBox(_ grid: PDFTableGrid, glyphs: [Glyph]) -> Bool {
        guard grid.cells.count == 1 else { return false }
        return !glyphs.contains { grid.cellIndex(x: $0.box.midX, y: $0.box.midY) != nil }
    }

    /// The model table for a grid, each cell's glyphs rebuilt into lines and paragraphs, with the
    /// grid's column lines and the cells whose last line is full (a page break may have cut them).
    package static func table(_ grid: PDFTableGrid, glyphs: [[Glyph]], page: Int) -> TableContinuation.Placed {
        var fullCells = Set<Int>()
        let cells = grid.cells.enumerated().map { index, cell in
            let lines = LineBuilder.lines(from: glyphs[index])
            let rightEdge = grid.box(of: cell).x1 - cellPadding
            if let last = lines.last, rightEdge - last.box.x1 <= ParagraphBuilder.shortLine * last.glyphHeight {
                fullCells.insert(index)
            }
            let paragraphs = ParagraphBuilder.paragraphs(from: lines, rightEdge: rightEdge)
            let blocks: [Block] = paragraphs.isEmpty
                ? [.paragraph(Paragraph(inlines: [], page: page))]
                : paragraphs.map { .paragraph(Paragraph(text: $0, page: page)) }
            return TableCell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
                             blocks: blocks)
        }
        return TableContinuation.Placed(
            table: Table(cells: cells, rowCount: grid.rowCount, columnCount: grid.columnCount, page: page),
            columnLines: grid.columnLines, fullCells: fullCells)
    }

    /// Typical left/right cell padding in Word and LibreOffice tables (0.19 cm), in points.
    static let cellPadding = 5.4
}
