/// Form extraction: reads a book (any reader's `Document`) as a record of one call's catalogue.
public struct Extractor: Sendable {
    public let spec: CallSpec
    private let matcher: LabelMatcher

    public init(spec: CallSpec) {
        self.spec = spec
        self.matcher = LabelMatcher(spec: spec)
    }

    /// Every catalogue field found in the document, typed; plus the labels the catalogue does not know.
    public func extract(_ document: Document) -> Record {
        var record = Record(call: spec.id, file: document.path, scanned: document.scanned)
        guard !document.scanned else { return record }
        let index = BookIndex(document: document, sections: spec.sections, matcher: matcher)
        let finder = FieldFinder(index: index, spec: spec, matcher: matcher)
        var usedLabelCells: Set<String> = []
        for field in spec.fields {
            guard let found = finder.find(field) else { continue }
            if let cell = found.labelCell { usedLabelCells.insert("\(cell.table):\(cell.row):\(cell.column)") }
            let text = matcher.removingHints(from: found.text)
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
        record.unmatched = unmatchedLabels(index: index, finder: finder, used: usedLabelCells)
        if let overview = spec.submission.overview, let passage = PassageFinder.passage(overview, in: document) {
            record.passages[overview] = passage
        }
        return record
    }

    /// Row labels (first cells of table rows) that match nothing in the catalogue.
    private func unmatchedLabels(index: BookIndex, finder: FieldFinder, used: Set<String>) -> [String] {
        var known = finder.knownLabels
        for section in spec.sections { known.insert(BookIndex.sectionKey(section)) }
        for header in spec.headers { known.insert(header.labelKey) }
        for field in spec.fields { for option in field.options { known.insert(option.labelKey) } }
        var seen: [String] = []
        for ref in index.tables {
            for (position, first) in ref.table.cells.enumerated() where first.column == 0 {
                guard ref.table.cells(coveringRow: first.row).count > 1,
                      !used.contains("\(ref.number):\(first.row):\(first.column)") else { continue }
                let text = first.text.trimmingWhitespace().collapsingSpaces
                let key = ref.keys[position].key
                guard !key.isEmpty, key.count <= 24, !known.contains(key),
                      key.unicodeScalars.contains(where: \.isCJK),
                      !key.contains(where: \.isNumber) || key.contains("年"),
                      !seen.contains(text) else { continue }
                if known.contains(where: { key.hasPrefix($0) && $0.count >= 2 }) { continue }
                seen.append(text)
            }
        }
        return seen
    }
}
