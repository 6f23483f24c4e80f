import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// A book's blocks indexed for extraction: its tables (nested ones too, numbered in reading order),
/// its top-level paragraphs, and where each section of the call's catalogue begins and ends.
package struct BookIndex {
    struct TableRef {
        /// 1-based number of the table in reading order.
        package let number: Int
        /// Index of the top-level block the table is (or sits inside).
        let blockIndex: Int
        package let table: Table
        /// Each cell's text and label keys, computed once (parallel to `table.cells`).
        package let keys: [CellKeys]
        /// Grid position (row, column) of each cell's top-left corner → its index in `table.cells`.
        private let positions: [GridPoint: Int]

        private struct GridPoint: Hashable {
            let row: Int
            let column: Int
        }

        package init(number: Int, blockIndex: Int, table: Table, keys: [CellKeys]) {
            self.number = number
            self.blockIndex = blockIndex
            self.table = table
            self.keys = keys
            var positions: [GridPoint: Int] = [:]
            for (index, cell) in table.cells.enumerated() { positions[GridPoint(row: cell.row, column: cell.column)] = index }
            self.positions = positions
        }

        /// The keys of one of the table's cells.
        package func keys(of cell: TableCell) -> CellKeys? {
            positions[GridPoint(row: cell.row, column: cell.column)].map { keys[$0] }
        }
    }

    /// A cell's text and the keys it is compared by (a class: handed to every comparison, it is shared, not
    /// copied key by key).
    final class CellKeys: Sendable {
        package let text: String
        /// The whole text as a label key.
        package let key: String
        /// `key` as it is matched against labels.
        let exact: NormalizedKey
        /// The first line as a label key (a label with a note below it).
        let firstLine: NormalizedKey
        /// The text without the form's hints, as a label key.
        let withoutHints: NormalizedKey
        /// `withoutHints` without bracketed notes and units (`员工总数（人）` → `员工总数`).
        let bare: NormalizedKey

        package init(_ cell: TableCell, matcher: LabelMatcher) {
            text = cell.text
            key = text.labelKey
            exact = NormalizedKey(key)
            // (A text of one line is its own first line.)
            firstLine = Self.firstLine(of: text).map { NormalizedKey($0.labelKey) } ?? exact
            let withoutHints = key.isEmpty ? "" : matcher.keyWithoutHints(of: text, key: key)
            self.withoutHints = withoutHints.hasSameBytes(as: key) ? exact : NormalizedKey(withoutHints)
            let bare = LabelMatcher.bare(withoutHints)
            self.bare = bare.hasSameBytes(as: withoutHints) ? self.withoutHints : NormalizedKey(bare)
        }

        /// The first line that is not empty (what `split(separator: "\n").first` gives); nil for a text of one line.
        static func firstLine(of text: String) -> String? {
            guard text.containsByte(0x0A) else { return nil }
            return text.nonEmptyLines().first.map(String.init) ?? ""
        }
    }

    struct ParagraphRef {
        let blockIndex: Int
        package let paragraph: Paragraph
        package let text: String
        /// The text as a label key, to pass over paragraphs that cannot hold a label quickly.
        package let key: String

        package init(blockIndex: Int, paragraph: Paragraph) {
            self.blockIndex = blockIndex
            self.paragraph = paragraph
            text = paragraph.text
            key = text.labelKey
        }
    }

    /// A cell of the book: its table's place in `tables` and its place in that table's `cells`.
    struct CellAddress: Hashable, Comparable {
        package let table: Int
        package let position: Int

        package static func < (a: CellAddress, b: CellAddress) -> Bool { (a.table, a.position) < (b.table, b.position) }
    }

    let blockCount: Int
    let tables: [TableRef]
    let paragraphs: [ParagraphRef]
    /// Section name → the top-level blocks it covers; absent when its heading was not found (by `NormalizedKey`:
    /// hashing a Chinese `String` normalises it on every look-up).
    let sections: [NormalizedKey: Range<Int>]
    /// Cells by the keys a label may be matched by (see `LabelMatcher.match`), so finding a label's
    /// cells costs a look-up, not a pass over every cell.
    private let byKey: [NormalizedKey: [CellAddress]]
    private let byFirstLine: [NormalizedKey: [CellAddress]]
    private let byBare: [NormalizedKey: [CellAddress]]

    package init(document: Document, catalogue: CatalogueKeys) {
        let matcher = catalogue.matcher
        blockCount = document.blocks.count
        var tables: [TableRef] = []
        var paragraphs: [ParagraphRef] = []
        // Each top-level block's heading key (see `locateSections`): a paragraph's key, or a table's first cell's.
        var headingKeys: [String] = []
        headingKeys.reserveCapacity(document.blocks.count)
        func collect(_ table: Table, blockIndex: Int, depth: Int) {
            tables.append(TableRef(number: tables.count + 1, blockIndex: blockIndex, table: table,
                                   keys: table.cells.map { CellKeys($0, matcher: matcher) }))
            guard depth < 16 else { return }
            for cell in table.cells {
                for case .table(let nested) in cell.blocks { collect(nested, blockIndex: blockIndex, depth: depth + 1) }
            }
        }
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                paragraphs.append(ParagraphRef(blockIndex: index, paragraph: paragraph))
                headingKeys.append(paragraphs[paragraphs.count - 1].key)
            case .table(let table):
                let ref = tables.count
                collect(table, blockIndex: index, depth: 0)
                headingKeys.append(tables[ref].keys.first?.key ?? "")
            }
        }
        self.tables = tables
        self.paragraphs = paragraphs
        self.sections = Self.locateSections(catalogue.sections, blocks: document.blocks, keys: headingKeys)
        let cellCount = tables.reduce(0) { $0 + $1.keys.count }
        var byKey = [NormalizedKey: [CellAddress]](minimumCapacity: cellCount)
        var byFirstLine = [NormalizedKey: [CellAddress]](minimumCapacity: cellCount)
        var byBare = [NormalizedKey: [CellAddress]](minimumCapacity: cellCount)
        for (tableIndex, ref) in tables.enumerated() {
            for (position, keys) in ref.keys.enumerated() where !keys.key.isEmpty {
                let address = CellAddress(table: tableIndex, position: position)
                byKey[keys.exact, default: []].append(address)
                byFirstLine[keys.firstLine, default: []].append(address)
                if keys.withoutHints != keys.firstLine { byFirstLine[keys.withoutHints, default: []].append(address) }
                if !keys.bare.isEmpty { byBare[keys.bare, default: []].append(address) }
            }
        }
        self.byKey = byKey
        self.byFirstLine = byFirstLine
        self.byBare = byBare
    }

    /// Every cell that is the label, with how well it matches, in reading order.
    func cells(matching label: LabelMatcher.Spellings) -> [(address: CellAddress, match: LabelMatcher.Match)] {
        // A label is in a few cells: a list searched in place costs less than a dictionary. Past 16 cells (a hostile
        // book may print one label thousands of times) the list's places are looked up in a dictionary instead.
        var best: [(address: CellAddress, match: LabelMatcher.Match)] = []
        var places: [CellAddress: Int]?
        func note(_ addresses: [CellAddress]?, _ match: LabelMatcher.Match) {
            for address in addresses ?? [] {
                if let place = places.map({ $0[address] }) ?? best.firstIndex(where: { $0.address == address }) {
                    if best[place].match <= match { best[place].match = match }
                    continue
                }
                best.append((address, match))
                if places != nil {
                    places?[address] = best.count - 1
                } else if best.count > 16 {
                    places = Dictionary(uniqueKeysWithValues: best.indices.map { (best[$0].address, $0) })
                }
            }
        }
        for key in label.bare { note(byBare[key], .annotated) }
        for key in label.normalized { note(byFirstLine[key], .firstLine) }
        for key in label.normalized { note(byKey[key], .exact) }
        return best.sorted { $0.address < $1.address }
    }

    /// The blocks of a section, or nil when the book has no recognisable heading for it.
    package func range(of section: String) -> Range<Int>? {
        sections[NormalizedKey(section)]
    }

    /// Finds each section's heading in order; a section runs to the next found heading.
    /// `封面` (the cover) runs from the start to the first heading.
    /// `keys` holds each block's heading key: a paragraph's label key, or its table's first cell's ("" for none).
    private static func locateSections(_ sections: [(name: String, key: String)], blocks: [Block], keys: [String]) -> [NormalizedKey: Range<Int>] {
        var starts: [(name: String, start: Int)] = []
        var searchFrom = 0
        for (name, key) in sections where name != "封面" {
            if let start = headingIndex(of: name, key: key, in: blocks, keys: keys, from: searchFrom) {
                starts.append((name, start))
                searchFrom = start + 1
            }
        }
        var result: [NormalizedKey: Range<Int>] = [:]
        for (offset, entry) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].start : blocks.count
            result[NormalizedKey(entry.name)] = entry.start..<max(end, entry.start + 1)
        }
        if sections.contains(where: { $0.name == "封面" }) {
            result[NormalizedKey("封面")] = 0..<(starts.first?.start ?? blocks.count)
        }
        return result
    }

    /// The block that heads a section: a short paragraph naming it (ordinal ignored), preferring one
    /// followed closely by a table (so a table of contents is passed over), or a table whose first cell names it.
    /// `key` is the section's `sectionKey`, `keys` holds each block's heading key.
    private static func headingIndex(of section: String, key: String, in blocks: [Block], keys: [String], from start: Int) -> Int? {
        guard !key.isEmpty else { return nil }
        var candidates: [Int] = []
        for index in blocks.indices.dropFirst(start) where keys[index].containsBytes(key) && keys[index].count <= key.count + 8 {
            switch blocks[index] {
            case .paragraph(let paragraph):
                if sameOrdinal(paragraph.text, section) { candidates.append(index) }
            case .table:
                candidates.append(index)
            }
        }
        return candidates.first { index in
            blocks[index...].prefix(4).contains { if case .table = $0 { return true } else { return false } }
        } ?? candidates.first
    }

    /// Whether a heading line carries the section's ordinal, or none: `（三）工业模型基本情况表` in a list of
    /// materials does not head `二、工业模型基本情况表`.
    package static func sameOrdinal(_ line: String, _ section: String) -> Bool {
        let lineOrdinal = ordinal(of: line)
        return lineOrdinal.isEmpty || lineOrdinal == ordinal(of: section)
    }

    /// The leading ordinal of a line as written (`二、`, `（三）`, `1.`), spaces removed; "" when none.
    package static func ordinal(of line: String) -> String {
        guard let range = ordinalPattern.firstMatch(in: line) else { return "" }
        return line[range].filter { !$0.isWhitespace }.foldingFullWidth
    }

    static let ordinalPattern = TextPattern(#"^\s*[（(]?[一二三四五六七八九十\d]+[)）]?[、.．]?"#)

    /// A section name without its ordinal (`一、单位基本情况表` → `单位基本情况表`).
    package static func sectionKey(_ section: String) -> String {
        ordinalPattern.replacingMatches(in: section, with: "").labelKey
    }
}
