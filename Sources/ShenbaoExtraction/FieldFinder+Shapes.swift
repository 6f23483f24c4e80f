import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Forms of other shapes than label-and-value, each named by the field's locator: a heading with its
/// text in the same cell or the paragraphs below, a choice marked in the cells below its options, a
/// list read from the rows of a column-headed table; and the narrowing of any text found (`from`,
/// `to`, `capture`, `unit`).
extension FieldFinder {
    /// The text under the field's label used as a heading: in a cell (any line of it may be the
    /// heading), else in the scope's paragraphs.
    func findUnderHeading(_ field: FieldSpec, scope: Range<Int>) -> Found? {
        let keys = matcher.keys(for: field.locator.label).map(HeadingText.key).filter { !$0.isEmpty }
        for ref in index.tables where scope.contains(ref.blockIndex) {
            for (position, cellKeys) in ref.keys.enumerated() where keys.contains(where: { cellKeys.key.containsBytes($0) }) {
                let cell = ref.table.cells[position]
                let lines = cell.text.components(separatedBy: "\n")
                for key in keys {
                    guard let text = HeadingText.text(under: key, in: lines) else { continue }
                    var found = self.found(text, cell: cell, in: ref, label: nil, how: .heading)
                    found.location.label = field.locator.label
                    return found
                }
            }
        }
        let paragraphs = index.paragraphs.filter { scope.contains($0.blockIndex) }
        let lines = paragraphs.map(\.text)
        for key in keys {
            guard let start = paragraphs.firstIndex(where: { HeadingText.key($0.text).hasPrefix(key) }),
                  let text = HeadingText.text(under: key, in: Array(lines[start...])) else { continue }
            return Found(text: text, location: SourceLocation(page: paragraphs[start].paragraph.page,
                                                              label: field.locator.label, how: .heading), labelCell: nil)
        }
        return nil
    }

    /// A choice whose options are printed right of its label, each marked (a letter, √, ☑) in the cell
    /// below it: the text handed on reads `☑C ☐A ☐B`, as a ticked list would.
    func findMarkedBelow(_ field: FieldSpec, scope: Range<Int>) -> Found? {
        let spellings = matcher.spellings(for: field.locator.label)
        for (address, _) in index.cells(matching: spellings) {
            let ref = index.tables[address.table]
            guard scope.contains(ref.blockIndex) else { continue }
            let label = ref.table.cells[address.position]
            let row = ref.table.cells(inRow: label.row).filter { $0.column >= label.column + label.columnSpan }
            var marks: [String] = []
            var firstMarked: TableCell?
            for option in field.options {
                guard let cell = row.first(where: { $0.text.labelKey == option.labelKey }) else { continue }
                let below = ref.table.cell(row: cell.row + cell.rowSpan, column: cell.column)
                let marked = below.map { $0.column == cell.column && !$0.text.labelKey.isEmpty } ?? false
                if marked, firstMarked == nil { firstMarked = below }
                marks.append((marked ? CheckMark.checked : CheckMark.unchecked) + option)
            }
            guard !marks.isEmpty else { continue }
            var found = self.found(marks.joined(separator: " "), cell: firstMarked ?? label, in: ref, label: label, how: .marked)
            found.labelCell = nil
            return found
        }
        return nil
    }

    /// A list from a table headed by `columns`: one item per row below the header, `列名：值；列名：值`.
    func findRows(_ field: FieldSpec, columns: [String], scope: Range<Int>) -> Found? {
        let wanted = columns.map { matcher.spellings(for: $0) }
        for ref in index.tables where scope.contains(ref.blockIndex) {
            let table = ref.table
            for row in 0..<table.rowCount {
                let cells = table.cells(inRow: row)
                let headers = wanted.map { spelling in
                    cells.first { cell in ref.keys(of: cell).map { matcher.match($0, label: spelling) != nil } ?? false }
                }
                guard headers.allSatisfy({ $0 != nil }) else { continue }
                var items: [String] = []
                for next in (row + 1)..<table.rowCount {
                    let parts = zip(columns, headers.compactMap { $0 }).compactMap { name, header -> String? in
                        guard let cell = table.cell(row: next, column: header.column), cell.row == next else { return nil }
                        var text = cell.text.split(separator: "\n").map { String($0).trimmingWhitespace() }.joined()
                        while let last = text.last, "；;，,。".contains(last) { text.removeLast() }
                        return text.isEmpty ? nil : "\(name.trimmingWhitespace())：\(text)"
                    }
                    if parts.isEmpty { break }
                    items.append(parts.joined(separator: "；"))
                }
                var found = self.found(items.joined(separator: "\n"), cell: cells[0], in: ref, label: nil, how: .rows)
                found.location.label = columns.joined(separator: " | ")
                return found
            }
        }
        return nil
    }

    /// The text found, narrowed as the locator says (`from`/`to` markers, a `capture` pattern), with
    /// the locator's money unit; nil when a marker or the pattern is not there.
    func narrowed(_ found: Found, by locator: FieldLocator) -> Found? {
        var found = found
        if locator.from != nil || locator.to != nil {
            guard let text = HeadingText.between(found.text, from: locator.from, to: locator.to) else { return nil }
            found.text = text
        }
        if let pattern = locator.capture {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: found.text, range: NSRange(found.text.startIndex..., in: found.text)),
                  match.numberOfRanges > 1 else { return nil }
            found.text = found.text.substring(match.range(at: 1))
        }
        if found.unit == nil { found.unit = locator.unit }
        return found
    }
}
