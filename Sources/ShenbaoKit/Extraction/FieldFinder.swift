/// Finds the raw text of each catalogue field in an indexed book, following the field's locator:
/// the value right of its label, in the row below a full-width label row, after `标签：`, at a matrix
/// intersection, or on a cover line (`申报单位 ____`).
struct FieldFinder {
    /// Raw text found for a field and where.
    struct Found {
        var text: String
        var location: SourceLocation
        /// The label cell used (to tell labels from unmatched ones).
        var labelCell: (table: Int, row: Int, column: Int)?
    }

    let index: BookIndex
    let matcher: LabelMatcher
    /// Keys of every label the call prints: a cell holding one is a label, never a value.
    let knownLabels: Set<String>
    /// Keys of every printed checkbox option of the call.
    let options: Set<String>

    init(index: BookIndex, spec: CallSpec, matcher: LabelMatcher) {
        self.index = index
        self.matcher = matcher
        var known: Set<String> = []
        for field in spec.fields {
            for key in matcher.keys(for: field.locator.label) { known.insert(key) }
            if let row = field.locator.row { for key in matcher.keys(for: row) { known.insert(key) } }
            for part in field.label.split(separator: "/") { known.insert(String(part).labelKey) }
        }
        known.remove("")
        knownLabels = known
        options = Set(spec.fields.flatMap(\.options).map(\.labelKey))
    }

    /// The field's raw text, searched first in its own section, then in the whole book.
    func find(_ field: FieldSpec) -> Found? {
        let whole = 0..<index.blockCount
        var scopes: [Range<Int>] = []
        if let section = index.range(of: field.section) { scopes.append(section) }
        if field.section != "封面" || scopes.isEmpty { scopes.append(whole) }
        let cover = field.section == "封面"
        for scope in scopes {
            if cover, let found = findInParagraphs(field, scope: scope, cover: true) { return found }
            if let found = findInTables(field, scope: scope) { return found }
            if let found = findInParagraphs(field, scope: scope, cover: cover) { return found }
        }
        return nil
    }

    // MARK: - Tables

    private func findInTables(_ field: FieldSpec, scope: Range<Int>) -> Found? {
        let labelKeys = matcher.keys(for: field.locator.label)
        let rowKeys = field.locator.row.map { matcher.keys(for: $0) }
        let tables = index.tables.filter { scope.contains($0.blockIndex) }
        // Label cells, strongest match first, then in reading order.
        var candidates: [(ref: BookIndex.TableRef, cell: TableCell, match: LabelMatcher.Match)] = []
        for ref in tables {
            for (position, keys) in ref.keys.enumerated() {
                if let match = matcher.match(keys, label: labelKeys) { candidates.append((ref, ref.table.cells[position], match)) }
            }
        }
        candidates.sort { $0.match > $1.match }
        if let rowKeys {
            let anchored = candidates.map { candidate in
                (candidate, candidate.ref.table.cells.indices.filter { position in
                    let key = candidate.ref.keys[position].key
                    return candidate.ref.table.cells[position] != candidate.cell
                        && rowKeys.contains { key == $0 || (key.hasPrefix($0) && !$0.isEmpty) }
                }.map { candidate.ref.table.cells[$0] })
            }
            // The label shares a row with the row label: the value is right of the label.
            for (candidate, anchors) in anchored where anchors.contains(where: { rowsOverlap($0, candidate.cell) }) {
                return valueRight(of: candidate.cell, in: candidate.ref)
            }
            // The label is a column header above the row label's row: the value is where they cross.
            for (candidate, anchors) in anchored {
                for anchor in anchors where candidate.cell.row + candidate.cell.rowSpan <= anchor.row {
                    guard let cell = candidate.ref.table.cell(row: anchor.row, column: candidate.cell.column),
                          cell != anchor else { continue }
                    return found(valueText(cell), cell: cell, in: candidate.ref, label: candidate.cell)
                }
            }
        } else if let best = candidates.first {
            return valueRight(of: best.cell, in: best.ref)
        }
        // `标签：值` inside a cell (e.g. 股票代码: 600001 within the 上市情况 options).
        for ref in tables {
            for (position, keys) in ref.keys.enumerated() where labelKeys.contains(where: { keys.key.contains($0) }) {
                let cell = ref.table.cells[position]
                if let rowKeys, !ref.table.cells(coveringRow: cell.row).contains(where: { other in
                    rowKeys.contains { other.text.labelKey.hasPrefix($0) } }) { continue }
                if let value = matcher.valueAfter(label: labelKeys, in: keys.text, atStart: false) {
                    return found(removingTrailingOptions(value), cell: cell, in: ref, label: nil)
                }
            }
        }
        return nil
    }

    /// An inline value without the printed options that follow it (`股票代码: 300679 尚未上市`).
    private func removingTrailingOptions(_ value: String) -> String {
        var words = value.split(whereSeparator: \.isWhitespace).map(String.init)
        while let last = words.last, options.contains(last.labelKey) { words.removeLast() }
        return words.joined(separator: " ")
    }

    private func rowsOverlap(_ a: TableCell, _ b: TableCell) -> Bool {
        a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan
    }

    /// The value of a label cell: the next cell to its right; for a label spanning the whole row,
    /// the row(s) below it.
    private func valueRight(of label: TableCell, in ref: BookIndex.TableRef) -> Found {
        let table = ref.table
        let right = table.cells(coveringRow: label.row).first { $0.column >= label.column + label.columnSpan }
        if let right {
            return found(valueText(right), cell: right, in: ref, label: label)
        }
        var texts: [String] = []
        var firstCell: TableCell?
        var row = label.row + label.rowSpan
        while row < table.rowCount && texts.count < 3 {
            let cells = table.cells(inRow: row)
            guard let first = cells.first else { row += 1; continue }
            if isLabel(first.text) { break }
            firstCell = firstCell ?? first
            texts.append(cells.map(\.text).joined(separator: "\n"))
            // A row holding only the form's hint is followed by the real value.
            if !matcher.removingHints(from: texts.last ?? "").labelKey.isEmpty { break }
            row += 1
        }
        guard let firstCell else { return Found(text: "", location: location(of: label, in: ref), labelCell: nil) }
        return found(texts.joined(separator: "\n"), cell: firstCell, in: ref, label: label)
    }

    /// A value cell's text; a cell that holds another printed label counts as empty.
    private func valueText(_ cell: TableCell) -> String {
        isLabel(cell.text) ? "" : cell.text
    }

    private func isLabel(_ text: String) -> Bool {
        let key = text.labelKey
        return !key.isEmpty && knownLabels.contains(key)
    }

    private func found(_ text: String, cell: TableCell, in ref: BookIndex.TableRef, label: TableCell?) -> Found {
        Found(text: text, location: location(of: cell, in: ref),
              labelCell: label.map { (ref.number, $0.row, $0.column) })
    }

    private func location(of cell: TableCell, in ref: BookIndex.TableRef) -> SourceLocation {
        SourceLocation(table: ref.number, row: cell.row + 1, column: cell.column + 1, page: ref.table.page)
    }

    // MARK: - Paragraphs

    /// A paragraph starting with the label (cover lines), or holding `标签：值`.
    private func findInParagraphs(_ field: FieldSpec, scope: Range<Int>, cover: Bool) -> Found? {
        let labelKeys = matcher.keys(for: field.locator.label)
        for ref in index.paragraphs where scope.contains(ref.blockIndex) && labelKeys.contains(where: { ref.key.contains($0) }) {
            let text = ref.text
            if cover, let value = coverValue(labelKeys, in: text) {
                return Found(text: value, location: SourceLocation(page: ref.paragraph.page), labelCell: nil)
            }
            if let value = matcher.valueAfter(label: labelKeys, in: text, atStart: false) {
                return Found(text: value, location: SourceLocation(page: ref.paragraph.page), labelCell: nil)
            }
        }
        return nil
    }

    /// `申报单位 ____ (加盖公章)` / `申报单位：某某公司`: the line starts with the label, then a colon,
    /// a space or an underscore.
    private func coverValue(_ labelKeys: [String], in text: String) -> String? {
        guard let rest = matcher.valueAfter(label: labelKeys, in: text, atStart: true) else { return nil }
        return isLabel(rest) ? nil : rest
    }
}
