import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Form extraction: reads a book (any reader's `Document`) as a record of one call's catalogue.
public struct Extractor: Sendable {
    public let spec: CallSpec
    private let catalogue: CatalogueKeys

    public init(spec: CallSpec) {
        self.spec = spec
        self.catalogue = CatalogueKeys(spec: spec)
    }

    /// Starts the regular-expression engine (ICU builds its character classes on the first pattern a process
    /// compiles: about 1 ms) with the pattern every book's sections are found by. A command calls this before
    /// it forks its workers, while the calls load on another thread, so that no worker pays it.
    public static func compilePatterns() {
        _ = BookIndex.ordinalPattern
    }

    /// Every catalogue field found in the document, typed; plus the labels the catalogue does not know.
    public func extract(_ document: Document) -> Record {
        var record = Record(call: spec.id, file: document.path, scanned: document.scanned)
        record.notes = document.notes
        guard !document.scanned else { return record }
        let matcher = catalogue.matcher
        let index = BookIndex(document: document, catalogue: catalogue)
        let finder = FieldFinder(index: index, catalogue: catalogue)
        var usedLabelCells: Set<FieldFinder.CellID> = []
        for field in spec.fields {
            switch finder.find(field) {
            case nil:
                continue
            case .ambiguous(let reason, let texts, let location):
                record.ambiguous[field.id] = reason
                record.unparsed[field.id] = texts.map { $0.trimmingWhitespace() }.joined(separator: "；")
                record.locations[field.id] = location
            case .found(let found):
                if let cell = found.labelCell { usedLabelCells.insert(cell) }
                var text = GuidanceText.removing(from: matcher.removingHints(from: found.text))
                if field.type == .money, let unit = found.unit, !text.contains(where: { "元万亿".contains($0) }) { text += unit }
                switch ValueParser.parse(text, as: field) {
                case .blank:
                    continue
                case .value(let value):
                    record.fields[field.id] = value
                    record.locations[field.id] = found.location
                case .unparsed(let raw):
                    record.unparsed[field.id] = raw
                    record.locations[field.id] = found.location
                }
            }
        }
        record.unmatched = unmatchedLabels(index: index, used: usedLabelCells)
        if let overview = spec.submission.overview, let passage = PassageFinder.passage(overview, in: document) {
            record.passages[overview] = passage
        }
        return record
    }

    /// Row labels (first cells of table rows) that match nothing in the catalogue.
    private func unmatchedLabels(index: BookIndex, used: Set<FieldFinder.CellID>) -> [String] {
        let known = catalogue.printed
        var seen: [String] = []
        for ref in index.tables {
            for (position, first) in ref.table.cells.enumerated() where first.column == 0 {
                guard ref.table.cells(coveringRow: first.row).count > 1,
                      !used.contains(FieldFinder.CellID(table: ref.number, row: first.row, column: first.column)) else { continue }
                let key = ref.keys[position].key
                guard !key.isEmpty, key.count <= 24, !known.contains(key),
                      key.unicodeScalars.contains(where: \.isCJK),
                      !key.contains(where: \.isNumber) || key.contains("年") else { continue }
                let text = first.text.trimmingWhitespace().collapsingSpaces
                guard !seen.contains(text) else { continue }
                if known.contains(where: { key.hasPrefix($0) && $0.count >= 2 }) { continue }
                seen.append(text)
            }
        }
        return seen
    }
}
