import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Finds the raw text of each catalogue field in an indexed book, following the field's locator:
/// the value right of its label, in the row below a full-width label row, after `标签：`, where a row
/// label meets the column its header names, or on a cover line (`申报单位 ____`).
///
/// Where the value's place is ambiguous — two places that disagree, a column header that does not
/// name the field, a value cell spanning several columns — the field is reported as ambiguous with
/// the reason, never guessed.
package struct FieldFinder {
    /// A cell of the book: table number (1-based, reading order) and grid position.
    struct CellID: Hashable {
        package let table: Int
        package let row: Int
        package let column: Int
    }

    /// Raw text found for a field and where.
    package struct Found {
        package var text: String
        package var location: SourceLocation
        /// The label cell used (to tell labels from unmatched ones).
        var labelCell: CellID?
        /// A money unit printed in the value's label or in a cell of its own right of the value (`元`),
        /// used when the value names none.
        package var unit: String?
    }

    /// What the search for one field came to.
    package enum Outcome {
        case found(Found)
        /// Left out: why (in Chinese), the places that disagree, and where the first of them is.
        case ambiguous(reason: String, texts: [String], location: SourceLocation?)
    }

    package let index: BookIndex
    /// The call's labels, options and matrix columns as keys.
    let catalogue: CatalogueKeys
    package var matcher: LabelMatcher { catalogue.matcher }
    /// Keys of every label the call prints: a cell holding one is a label, never a value.
    var knownLabels: Set<NormalizedKey> { catalogue.knownLabels }

    /// The cells of each row label asked for: the fields of a matrix share their row labels, and finding one
    /// reads every cell of the book.
    private let rowLabelCells = RowLabelCells()

    package init(index: BookIndex, catalogue: CatalogueKeys) {
        self.index = index
        self.catalogue = catalogue
    }

    /// The field's raw text, searched first in its own section, then in the whole book.
    package func find(_ field: FieldSpec) -> Outcome? {
        let whole = 0..<index.blockCount
        var scopes: [(range: Range<Int>, section: String?)] = []
        if let section = index.range(of: field.section) { scopes.append((section, field.section)) }
        let cover = field.section == "封面"
        if !cover || scopes.isEmpty { scopes.append((whole, nil)) }
        for scope in scopes {
            let outcome = findByShape(field, scope: scope.range)
                ?? (cover ? findInParagraphs(field, scope: scope.range, cover: true).map(Outcome.found) : nil)
                ?? findInTables(field, scope: scope.range)
                ?? findInParagraphs(field, scope: scope.range, cover: cover).map(Outcome.found)
            guard let outcome else { continue }
            guard case .found(var found) = outcome else { return outcome }
            found.location.section = scope.section
            return narrowed(found, by: field.locator).map(Outcome.found)
        }
        return nil
    }

    /// The fields whose locator names a shape other than label-and-value: a heading with its text, a
    /// choice marked below its options, a list of table rows.
    private func findByShape(_ field: FieldSpec, scope: Range<Int>) -> Outcome? {
        let locator = field.locator
        if locator.heading { return findUnderHeading(field, scope: scope).map(Outcome.found) }
        if locator.markedBelow { return findMarkedBelow(field, scope: scope).map(Outcome.found) }
        if let columns = locator.columns { return findRows(field, columns: columns, scope: scope).map(Outcome.found) }
        return nil
    }

    // MARK: - Tables

    private typealias Candidate = (ref: BookIndex.TableRef, cell: TableCell, match: LabelMatcher.Match, address: BookIndex.CellAddress)

    private func findInTables(_ field: FieldSpec, scope: Range<Int>) -> Outcome? {
        let spellings = matcher.spellings(for: field.locator.label)
        let labelKeys = spellings.keys
        var candidates: [Candidate] = []
        for (address, match) in index.cells(matching: spellings) {
            let ref = index.tables[address.table]
            guard scope.contains(ref.blockIndex) else { continue }
            // A cell printing another field's label is that field's, not a loose match of this one.
            if match == .annotated && knownLabels.contains(ref.keys[address.position].exact) { continue }
            candidates.append((ref, ref.table.cells[address.position], match, address))
        }
        if field.locator.after != nil || field.locator.occurrence != nil {
            // The n-th label (after another one): the place is named, nothing to agree on.
            guard let chosen = occurrence(of: candidates, field: field, scope: scope) else { return nil }
            return .found(valueRight(of: chosen.cell, in: chosen.ref, field: field, labelKeys: labelKeys))
        }
        if let row = field.locator.row {
            if let outcome = findByRow(field, row: row, label: spellings,
                                       candidates: candidates, scope: scope) { return outcome }
        } else if let best = candidates.map(\.match).max() {
            let strongest = candidates.filter { $0.match == best }
            return agreeing(strongest.map { valueRight(of: $0.cell, in: $0.ref, field: field, labelKeys: labelKeys) }, field: field)
        }
        return findInline(field, labelKeys: labelKeys, tables: index.tables.filter { scope.contains($0.blockIndex) })
    }

    /// The candidate the locator's `after` and `occurrence` name, in reading order.
    private func occurrence(of candidates: [Candidate], field: FieldSpec, scope: Range<Int>) -> Candidate? {
        var remaining = candidates.sorted { $0.address < $1.address }
        if let after = field.locator.after {
            let anchors = index.cells(matching: matcher.spellings(for: after))
                .filter { scope.contains(index.tables[$0.address.table].blockIndex) }
            guard let anchor = anchors.first?.address else { return nil }
            remaining = remaining.filter { anchor < $0.address }
        }
        let number = max(1, field.locator.occurrence ?? 1)
        return remaining.count >= number ? remaining[number - 1] : nil
    }

    /// A field with a row label: right of its label in the row label's row, or in a matrix where the
    /// row label's row meets the column whose header (the nearest header row above) names it.
    private func findByRow(_ field: FieldSpec, row: String, label: LabelMatcher.Spellings, candidates: [Candidate],
                           scope: Range<Int>) -> Outcome? {
        let labelKeys = label.keys
        let anchors = rowLabelCells.addresses(of: row) { rowLabelAddresses($0) }
            .map { (ref: index.tables[$0.table], cell: index.tables[$0.table].table.cells[$0.position]) }
            .filter { scope.contains($0.ref.blockIndex) }
        guard !anchors.isEmpty else { return nil }
        // The label shares a row with the row label: the value is right of the label.
        var sameRow: [Found] = []
        for candidate in candidates {
            if anchors.contains(where: { $0.ref.number == candidate.ref.number && $0.cell != candidate.cell
                                         && rowsOverlap($0.cell, candidate.cell) }) {
                sameRow.append(valueRight(of: candidate.cell, in: candidate.ref, field: field, labelKeys: labelKeys))
            }
        }
        if !sameRow.isEmpty { return agreeing(sameRow, field: field) }
        // A matrix: the column is told by its header's text, in the header row nearest above the row.
        var values: [Found] = []
        var problems: [(String, SourceLocation)] = []
        for anchor in anchors {
            switch matrixValue(field, anchor: anchor.cell, in: anchor.ref, row: row, label: label) {
            case .found(let found): values.append(found)
            case .ambiguous(let reason, _, let location): problems.append((reason, location ?? self.location(of: anchor.cell, in: anchor.ref)))
            case nil: continue
            }
        }
        if !values.isEmpty, problems.isEmpty { return agreeing(values, field: field) }
        if let problem = problems.first {
            return .ambiguous(reason: problem.0, texts: values.map(\.text), location: problem.1)
        }
        return nil
    }

    /// The cells holding a row label, in reading order: the row label itself, or a cell starting with it
    /// (`负责人姓名（法定代表人）`).
    private func rowLabelAddresses(_ row: String) -> [BookIndex.CellAddress] {
        let rowKeys = matcher.keys(for: row)
        var addresses = Set(index.cells(matching: LabelMatcher.Spellings(rowKeys)).map(\.address))
        for (tableIndex, ref) in index.tables.enumerated() {
            for position in ref.keys.indices
            where rowKeys.contains(where: { !$0.isEmpty && ref.keys[position].key.startsWithBytes($0) }) {
                addresses.insert(BookIndex.CellAddress(table: tableIndex, position: position))
            }
        }
        return addresses.sorted()
    }

    /// The value where a row label's row meets the column headed by the field's label.
    private func matrixValue(_ field: FieldSpec, anchor: TableCell, in ref: BookIndex.TableRef,
                             row locatorRow: String, label spellings: LabelMatcher.Spellings) -> Outcome? {
        let table = ref.table
        // (Every row label a locator names has its entry.)
        let siblings = catalogue.columnLabelsByRow[locatorRow] ?? LabelMatcher.Spellings([])
        // (The label and the row label as printed, for the reasons below.)
        var label: String { field.locator.label.trimmingWhitespace() }
        var rowLabel: String { anchor.text.trimmingWhitespace().collapsingSpaces }
        // The nearest row above that prints any column label of this row label.
        var headerRow: Int?
        var row = anchor.row - 1
        while row >= 0 && headerRow == nil {
            if table.cellIndices(inRow: row).contains(where: { isAny(ref.keys[$0], of: siblings) }) { headerRow = row }
            row -= 1
        }
        guard let headerRow else {
            return .ambiguous(reason: "表\(ref.number)中「\(rowLabel)」所在行的上方没有表头，无法确定哪一格是「\(label)」",
                              texts: [], location: location(of: anchor, in: ref))
        }
        let headers = table.cellIndices(inRow: headerRow).filter { matcher.match(ref.keys[$0], label: spellings) != nil }
            .map { table.cells[$0] }
        guard headers.count == 1, let header = headers.first else {
            let reason = headers.isEmpty
                ? "表\(ref.number)第\(headerRow + 1)行的表头中没有「\(label)」一列，「\(rowLabel)」一行的数值无法对应"
                : "表\(ref.number)第\(headerRow + 1)行的表头中有\(headers.count)列都是「\(label)」"
            return .ambiguous(reason: reason, texts: [], location: location(of: anchor, in: ref))
        }
        guard let cell = table.cell(row: anchor.row, column: header.column), cell != anchor else { return nil }
        guard cell.column == header.column, cell.columnSpan == header.columnSpan else {
            return .ambiguous(reason: "表\(ref.number)第\(anchor.row + 1)行的单元格与表头「\(label)」列对不齐（合并或拆分了单元格）",
                              texts: [cell.text], location: location(of: cell, in: ref))
        }
        var text = valueText(cell, in: ref)
        // A list under a row label spanning several rows (成员, one per row): every row's cell in the column.
        if field.type == .list, anchor.rowSpan > 1 {
            text = (anchor.row..<(anchor.row + anchor.rowSpan)).compactMap { row in
                table.cell(row: row, column: header.column).flatMap { $0.row == row && $0.column == header.column ? $0 : nil }
            }.map { valueText($0, in: ref) }.filter { !$0.trimmingWhitespace().isEmpty }.joined(separator: "\n")
        }
        var found = self.found(text, cell: cell, in: ref, label: header, how: .matrix)
        found.location.label = header.text.trimmingWhitespace().collapsingSpaces
        found.unit = unit(rightOf: cell, in: ref) ?? LabelMatcher.moneyUnit(in: key(of: anchor, in: ref))
        return .found(found)
    }

    private func isAny(_ keys: BookIndex.CellKeys, of labels: LabelMatcher.Spellings) -> Bool {
        !keys.key.isEmpty && matcher.match(keys, label: labels) != nil
    }

    /// One value when every place found says the same (blank places aside); ambiguous otherwise.
    private func agreeing(_ founds: [Found], field: FieldSpec) -> Outcome? {
        guard let first = founds.first else { return nil }
        var distinct: [Found] = []
        var distinctKeys: [NormalizedKey] = []
        for found in founds {
            let key = found.text.labelKey
            guard !matcher.keyWithoutHints(of: found.text, key: key).isEmpty else { continue }
            let normalized = NormalizedKey(key)
            guard !distinctKeys.contains(normalized) else { continue }
            distinct.append(found)
            distinctKeys.append(normalized)
        }
        if distinct.count <= 1 { return .found(distinct.first ?? first) }
        let places = distinct.prefix(3).map { "\($0.location.description)「\($0.text.trimmingWhitespace().prefix(20))」" }
        return .ambiguous(reason: "找到\(distinct.count)处「\(field.locator.label.trimmingWhitespace())」，内容不同：" + places.joined(separator: "、"),
                          texts: distinct.map(\.text), location: distinct[0].location)
    }

    /// `标签：值` inside a cell (e.g. 股票代码: 600001 within the 上市情况 options).
    private func findInline(_ field: FieldSpec, labelKeys: [String], tables: [BookIndex.TableRef]) -> Outcome? {
        let rowKeys = field.locator.row.map { matcher.keys(for: $0) }
        var founds: [Found] = []
        for ref in tables {
            for (position, keys) in ref.keys.enumerated() where labelKeys.contains(where: { keys.key.containsBytes($0) }) {
                let cell = ref.table.cells[position]
                if let rowKeys, !ref.table.cells(coveringRow: cell.row).contains(where: { other in
                    rowKeys.contains { other.text.labelKey.hasPrefix($0) } }) { continue }
                let whole = matcher.valueOfLabelledCell(label: labelKeys, in: keys.text)
                if let value = whole ?? matcher.valueAfter(label: labelKeys, in: keys.text, atStart: false) {
                    var found = self.found(whole ?? removingTrailingOptions(value), cell: cell, in: ref, label: nil, how: .inline)
                    found.location.label = field.locator.label.trimmingWhitespace()
                    founds.append(found)
                }
            }
        }
        return agreeing(founds, field: field)
    }

    /// An inline value without the printed options that follow it (`股票代码: 300679 尚未上市`).
    private func removingTrailingOptions(_ value: String) -> String {
        var words = value.split(whereSeparator: \.isWhitespace).map(String.init)
        while let last = words.last, catalogue.options.contains(last.labelKey) { words.removeLast() }
        return words.joined(separator: " ")
    }

    private func rowsOverlap(_ a: TableCell, _ b: TableCell) -> Bool {
        a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan
    }

    /// The value of a label cell: the next cell to its right; for a label spanning the whole row,
    /// the row(s) below it. When that is empty and the label cell itself goes on after the label
    /// (`单位地址：武汉市…`), what follows the label.
    private func valueRight(of label: TableCell, in ref: BookIndex.TableRef, field: FieldSpec, labelKeys: [String]) -> Found {
        let table = ref.table
        let labelUnit = LabelMatcher.moneyUnit(in: key(of: label, in: ref))
        // A header row (the cell right of the label is another label): the value is below the label.
        if let right = table.cells(coveringRow: label.row).first(where: { $0.column >= label.column + label.columnSpan }),
           isLabel(right, in: ref), let below = cell(below: label, in: table), !isLabel(below, in: ref) {
            var found = self.found(below.text, cell: below, in: ref, label: label, how: .below)
            found.unit = labelUnit
            return found
        }
        if let right = table.cells(coveringRow: label.row).first(where: { $0.column >= label.column + label.columnSpan }) {
            var found = self.found(valueText(right, in: ref), cell: right, in: ref, label: label, how: .right)
            // A label spanning several rows (联合体成员 one per row): the value is every row's cell right of it.
            if label.rowSpan > 1, field.type == .list || field.type == .longtext {
                let rows = (label.row + 1)..<(label.row + label.rowSpan)
                let more = rows.compactMap { row in
                    table.cells(inRow: row).first { $0.column >= label.column + label.columnSpan }
                }.map { valueText($0, in: ref) }
                found.text = ([found.text] + more).filter { !$0.trimmingWhitespace().isEmpty }.joined(separator: "\n")
            }
            if isBlankButHints(found.text, of: right, in: ref), let own = textAfterLabel(label, labelKeys: labelKeys) {
                found = self.found(own, cell: label, in: ref, label: label, how: .inline)
            }
            found.unit = unit(rightOf: right, in: ref) ?? labelUnit
            return found
        }
        // A label in a row of its own but not across the whole table: the value is the cell below it.
        if label.column > 0 || label.columnSpan < table.columnCount {
            guard let below = cell(below: label, in: table) else {
                return Found(text: "", location: location(of: label, in: ref), labelCell: nil)
            }
            var found = self.found(valueText(below, in: ref), cell: below, in: ref, label: label, how: .below)
            found.unit = labelUnit
            return found
        }
        var texts: [String] = []
        var firstCell: TableCell?
        var row = label.row + label.rowSpan
        while row < table.rowCount && texts.count < 3 {
            let cells = table.cells(inRow: row)
            guard let first = cells.first else { row += 1; continue }
            if isLabel(first, in: ref) { break }
            firstCell = firstCell ?? first
            texts.append(cells.map(\.text).joined(separator: "\n"))
            // A row holding only the form's hint is followed by the real value.
            if !matcher.isBlankButHints(texts.last ?? "") { break }
            row += 1
        }
        guard let firstCell else {
            if let own = textAfterLabel(label, labelKeys: labelKeys) {
                return self.found(own, cell: label, in: ref, label: label, how: .inline)
            }
            return Found(text: "", location: location(of: label, in: ref), labelCell: nil)
        }
        var found = self.found(texts.joined(separator: "\n"), cell: firstCell, in: ref, label: label, how: .below)
        found.unit = labelUnit
        return found
    }

    /// The cell directly below a label, with the label's columns exactly.
    private func cell(below label: TableCell, in table: Table) -> TableCell? {
        guard let below = table.cell(row: label.row + label.rowSpan, column: label.column), below.row > label.row,
              below.column == label.column, below.columnSpan == label.columnSpan else { return nil }
        return below
    }

    /// What a label cell holds after its label (`单位地址：\n武汉市…`), when it is more than a hint.
    private func textAfterLabel(_ label: TableCell, labelKeys: [String]) -> String? {
        guard let rest = matcher.valueAfter(label: labelKeys, in: label.text, atStart: true) ?? {
            // An annotated label (`单位地址（详细到门牌号）：…`): the text after its first colon.
            guard let colon = label.text.firstIndex(where: { ":：".contains($0) }) else { return nil }
            return String(label.text[label.text.index(after: colon)...])
        }() else { return nil }
        return matcher.isBlankButHints(rest) ? nil : rest
    }

    /// A unit written in a cell of its own right of a value (`42636.1 | 万元`).
    private func unit(rightOf cell: TableCell, in ref: BookIndex.TableRef) -> String? {
        guard let next = ref.table.cells(coveringRow: cell.row).first(where: { $0.column >= cell.column + cell.columnSpan }) else { return nil }
        let key = key(of: next, in: ref)
        // (No spelling of a unit is longer than `单位亿元`, four characters of at most four bytes each, counting the
        // compatibility ideographs that equal them: a longer key is not compared.)
        guard key.utf8.count <= 16 else { return nil }
        return Self.unitSpellings.first { key == $0.spelling }?.unit
    }

    /// The keys of a cell that names a money unit by itself (`万元`, `(万元)`, `单位万元`), largest unit first.
    private static let unitSpellings = ["亿元", "万元", "千元", "元"].flatMap { unit in
        [unit, "(\(unit))", "单位\(unit)"].map { (spelling: $0, unit: unit) }
    }

    /// A value cell's text; a cell that holds another printed label counts as empty.
    func valueText(_ cell: TableCell, in ref: BookIndex.TableRef) -> String {
        isLabel(cell, in: ref) ? "" : cell.text
    }

    /// `matcher.isBlankButHints(text)`, taken from the index's keys when `text` is the whole text of `cell`.
    private func isBlankButHints(_ text: String, of cell: TableCell, in ref: BookIndex.TableRef) -> Bool {
        if text.isEmpty { return true }
        if let keys = ref.keys(of: cell), text.hasSameBytes(as: keys.text) { return keys.withoutHints.isEmpty }
        return matcher.isBlankButHints(text)
    }

    /// A cell's label key, as the index worked it out.
    private func key(of cell: TableCell, in ref: BookIndex.TableRef) -> String {
        ref.keys(of: cell)?.key ?? cell.text.labelKey
    }

    /// Whether a cell of the book prints one of the call's labels.
    func isLabel(_ cell: TableCell, in ref: BookIndex.TableRef) -> Bool {
        isLabelKey(ref.keys(of: cell)?.exact ?? NormalizedKey(cell.text.labelKey))
    }

    func isLabel(_ text: String) -> Bool {
        isLabelKey(NormalizedKey(text.labelKey))
    }

    /// Whether a label key is one of the call's printed labels.
    private func isLabelKey(_ key: NormalizedKey) -> Bool {
        !key.isEmpty && knownLabels.contains(key)
    }

    func found(_ text: String, cell: TableCell, in ref: BookIndex.TableRef, label: TableCell?,
               how: SourceLocation.Method) -> Found {
        var location = location(of: cell, in: ref)
        location.label = label.map { $0.text.trimmingWhitespace().collapsingSpaces }
        location.how = how
        return Found(text: text, location: location,
                     labelCell: label.map { CellID(table: ref.number, row: $0.row, column: $0.column) })
    }

    func location(of cell: TableCell, in ref: BookIndex.TableRef) -> SourceLocation {
        SourceLocation(table: ref.number, row: cell.row + 1, column: cell.column + 1, page: cell.page ?? ref.table.page)
    }

    // MARK: - Paragraphs

    /// A paragraph starting with the label (cover lines), or holding `标签：值`.
    private func findInParagraphs(_ field: FieldSpec, scope: Range<Int>, cover: Bool) -> Found? {
        let labelKeys = matcher.keys(for: field.locator.label)
        for ref in index.paragraphs where scope.contains(ref.blockIndex) && labelKeys.contains(where: { ref.key.containsBytes($0) }) {
            let text = ref.text
            if cover, let value = coverValue(labelKeys, in: text) {
                return paragraphFound(value, ref: ref, field: field, how: .cover)
            }
            if let value = matcher.valueAfter(label: labelKeys, in: text, atStart: false) {
                return paragraphFound(value, ref: ref, field: field, how: .paragraph)
            }
        }
        return nil
    }

    private func paragraphFound(_ value: String, ref: BookIndex.ParagraphRef, field: FieldSpec,
                                how: SourceLocation.Method) -> Found {
        Found(text: cuttingAtNextLabel(value),
              location: SourceLocation(page: ref.paragraph.page, label: field.locator.label.trimmingWhitespace(), how: how),
              labelCell: nil)
    }

    /// A line's value up to the next printed label and its colon: two cover items on one line
    /// (`申报单位：某某公司  模型名称：某某模型`) are two values.
    private func cuttingAtNextLabel(_ value: String) -> String {
        let characters = Array(value)
        for (index, character) in characters.enumerated() where character == "：" || character == ":" {
            let before = ScannedText(String(characters[..<index]))
            let key = String(before.key)
            for (label, length) in catalogue.longerLabels where key.count > length && key.hasSuffix(label) {
                let start = before.source[before.key.count - length]
                return String(characters[..<start]).trimmingWhitespace()
            }
        }
        return value
    }

    /// `申报单位 ____ (加盖公章)` / `申报单位：某某公司`: the line starts with the label, then a colon,
    /// a space or an underscore.
    private func coverValue(_ labelKeys: [String], in text: String) -> String? {
        guard let rest = matcher.valueAfter(label: labelKeys, in: text, atStart: true) else { return nil }
        return isLabel(rest) ? nil : rest
    }
}
