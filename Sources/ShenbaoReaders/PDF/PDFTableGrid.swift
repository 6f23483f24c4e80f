import ShenbaoModel
import ShenbaoSupport

/// A table found from ruled lines: grid lines, and cells as rectangles of grid units
/// (a merged cell spans several).
struct PDFTableGrid: Sendable, Equatable {
    /// Cell rectangle in grid units.
    struct Cell: Sendable, Equatable {
        package var row: Int
        package var column: Int
        package var rowSpan: Int
        package var columnSpan: Int
    }

    /// Row boundaries (y, top to bottom) and column boundaries (x, left to right), in points.
    var rowLines: [Double]
    var columnLines: [Double]
    package var cells: [Cell]
    /// The table's bottom border is the page's clip (a page break cut the table): text crossing it
    /// or just below it is a line cut off, printed again at the top of the next page.
    var clippedBottom = false

    package var rowCount: Int { rowLines.count - 1 }
    package var columnCount: Int { columnLines.count - 1 }
    package var box: Box {
        Box(x0: columnLines.first ?? 0, y0: rowLines.first ?? 0, x1: columnLines.last ?? 0, y1: rowLines.last ?? 0)
    }

    /// The box of a cell, in points.
    package func box(of cell: Cell) -> Box {
        Box(x0: columnLines[cell.column], y0: rowLines[cell.row],
            x1: columnLines[cell.column + cell.columnSpan], y1: rowLines[cell.row + cell.rowSpan])
    }

    /// The index of the cell holding a point, if any.
    func cellIndex(x: Double, y: Double) -> Int? {
        guard let row = rowLines.lastIndex(where: { $0 <= y }), row < rowCount,
              let column = columnLines.lastIndex(where: { $0 <= x }), column < columnCount else { return nil }
        return cells.firstIndex {
            $0.row <= row && row < $0.row + $0.rowSpan && $0.column <= column && column < $0.column + $0.columnSpan
        }
    }
}

/// Turns a page's rules into table grids.
///
/// Rules that cross or touch (within `tolerance`) form one table. Its distinct rule positions
/// are the grid lines; two neighbouring grid units belong to the same (merged) cell when no rule
/// separates them along at least `coverage` of their common edge. Grid units not closed by rules
/// on the outside (the ragged right edge of a table whose rows differ in width) are dropped.
enum TableGridBuilder {
    /// Points within which rules touch and rule positions are the same grid line.
    package static let tolerance = 2.5
    /// Fraction of an edge a rule must cover to separate two grid units.
    package static let coverage = 0.6
    /// Smallest row height or column width, in points (closer rules are one line drawn twice).
    static let minimumGap = 3.0

    /// More rules than this in one direction is hatching or a drawing, not a form: no tables.
    static let maximumRules = 2_000

    static func grids(from rules: Rules) -> [PDFTableGrid] {
        let horizontal = rules.horizontal, vertical = rules.vertical
        guard horizontal.count <= maximumRules, vertical.count <= maximumRules else { return [] }
        var sets = DisjointSets(count: horizontal.count + vertical.count)
        for (h, hRule) in horizontal.enumerated() {
            for (v, vRule) in vertical.enumerated() where touches(horizontal: hRule, vertical: vRule) {
                sets.union(h, horizontal.count + v)
            }
        }
        var groups: [Int: (h: [Rule], v: [Rule])] = [:]
        for index in 0..<(horizontal.count + vertical.count) {
            let root = sets.find(index)
            if index < horizontal.count {
                groups[root, default: ([], [])].h.append(horizontal[index])
            } else {
                groups[root, default: ([], [])].v.append(vertical[index - horizontal.count])
            }
        }
        return groups.values.compactMap { grid(horizontal: $0.h, vertical: $0.v) }
            .sorted { $0.box.y0 < $1.box.y0 }
    }

    static func touches(horizontal: Rule, vertical: Rule) -> Bool {
        vertical.position >= horizontal.start - tolerance && vertical.position <= horizontal.end + tolerance
            && horizontal.position >= vertical.start - tolerance && horizontal.position <= vertical.end + tolerance
    }

    /// The grid of one group of connected rules, or nil when they do not enclose a cell.
    package static func grid(horizontal ruledRows: [Rule], vertical ruledColumns: [Rule]) -> PDFTableGrid? {
        let clippedSides = clippedEdges(ruledColumns, across: ruledRows)
        let horizontal = ruledRows + clippedSides.map(\.edge)
        let vertical = ruledColumns + clippedEdges(ruledRows, across: ruledColumns).map(\.edge)
        let rows = positions(horizontal), columns = positions(vertical)
        guard rows.count >= 2, columns.count >= 2 else { return nil }
        let rowCount = rows.count - 1, columnCount = columns.count - 1

        /// Whether a rule at `position` covers enough of [start, end].
        func ruled(_ rules: [Rule], at position: Double, from start: Double, to end: Double) -> Bool {
            let covered = rules.filter { abs($0.position - position) <= tolerance }
                .map { max(0, min($0.end, end) - max($0.start, start)) }.reduce(0, +)
            return covered >= coverage * (end - start)
        }
        func unit(_ row: Int, _ column: Int) -> Int { row * columnCount + column }

        var sets = DisjointSets(count: rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if column + 1 < columnCount,
                   !ruled(vertical, at: columns[column + 1], from: rows[row], to: rows[row + 1]) {
                    sets.union(unit(row, column), unit(row, column + 1))
                }
                if row + 1 < rowCount,
                   !ruled(horizontal, at: rows[row + 1], from: columns[column], to: columns[column + 1]) {
                    sets.union(unit(row, column), unit(row + 1, column))
                }
            }
        }
        var extents: [Int: (r0: Int, c0: Int, r1: Int, c1: Int, closed: Bool)] = [:]
        var unitCounts: [Int: Int] = [:]
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let closed = ruled(vertical, at: columns[0], from: rows[row], to: rows[row + 1]) || column > 0
                let closedRight = ruled(vertical, at: columns[columnCount], from: rows[row], to: rows[row + 1])
                    || column < columnCount - 1
                let closedTop = ruled(horizontal, at: rows[0], from: columns[column], to: columns[column + 1]) || row > 0
                let closedBottom = ruled(horizontal, at: rows[rowCount], from: columns[column], to: columns[column + 1])
                    || row < rowCount - 1
                let isClosed = closed && closedRight && closedTop && closedBottom
                let root = sets.find(unit(row, column))
                unitCounts[root, default: 0] += 1
                if let extent = extents[root] {
                    extents[root] = (min(extent.r0, row), min(extent.c0, column), max(extent.r1, row),
                                     max(extent.c1, column), extent.closed && isClosed)
                } else {
                    extents[root] = (row, column, row, column, isClosed)
                }
            }
        }
        // A region that does not fill its bounding rectangle is the padding around a table nested in a
        // cell (Chromium draws the nested table apart from the cell's borders): not a cell, since its
        // rectangle would cover the nested table's cells.
        let cells = extents.filter { root, extent in
            extent.closed && unitCounts[root] == (extent.r1 - extent.r0 + 1) * (extent.c1 - extent.c0 + 1)
        }.values
            .map { PDFTableGrid.Cell(row: $0.r0, column: $0.c0, rowSpan: $0.r1 - $0.r0 + 1, columnSpan: $0.c1 - $0.c0 + 1) }
            .sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        guard !cells.isEmpty else { return nil }
        return PDFTableGrid(rowLines: rows, columnLines: columns, cells: cells,
                            clippedBottom: clippedSides.contains { $0.atEnd })
    }

    /// The borders of a table that the page's clip hid. Chromium clips a page's content to the
    /// page box less its margins: a table as wide as the text area loses its right border (its
    /// horizontal rules stop at the clip), and a table cut by a page break has no bottom border on
    /// the first page and no top border on the next (its vertical rules stop at the clip). Where at
    /// least two rules of one direction end at the group's outermost position on a side and no
    /// perpendicular rule lies within `clippedEdgeGap` of it, a rule is added there across the
    /// whole table.
    static func clippedEdges(_ rules: [Rule], across: [Rule]) -> [(edge: Rule, atEnd: Bool)] {
        guard rules.count >= 2, !across.isEmpty else { return [] }
        var edges: [(Rule, Bool)] = []
        for atEnd in [true, false] {
            let position = atEnd ? rules.map(\.end).max()! : rules.map(\.start).min()!
            guard !across.contains(where: { abs($0.position - position) <= clippedEdgeGap }) else { continue }
            let reaching = rules.filter { abs((atEnd ? $0.end : $0.start) - position) <= tolerance }.map(\.position)
            guard reaching.count >= 2, let first = reaching.min(), let last = reaching.max(), last - first >= minimumGap
            else { continue }
            // The clip cuts across the whole table: the edge spans the table's extent that way.
            let start = min(first, across.map(\.start).min()!), end = max(last, across.map(\.end).max()!)
            edges.append((Rule(position: position, start: start, end: end), atEnd))
        }
        return edges
    }

    /// A clipped border is added only this far (points) from every vertical rule: rules that merely
    /// overshoot a border do not make a column.
    static let clippedEdgeGap = 6.0

    /// Distinct rule positions, sorted, with positions closer than `minimumGap` merged.
    package static func positions(_ rules: [Rule]) -> [Double] {
        var result: [Double] = []
        for position in rules.map(\.position).sorted() {
            if let last = result.last, position - last < minimumGap { continue }
            result.append(position)
        }
        return result
    }
}

/// Union–find over 0..<count.
struct DisjointSets {
    private var parent: [Int]

    package init(count: Int) { parent = Array(0..<count) }

    package mutating func find(_ element: Int) -> Int {
        var root = element
        while parent[root] != root { root = parent[root] }
        var current = element
        while parent[current] != root {
            let next = parent[current]
            parent[current] = root
            current = next
        }
        return root
    }

    package mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
