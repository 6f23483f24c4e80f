import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec

/// A call's catalogue as label keys, worked out once per call instead of once per book: every label the
/// call prints, its checkbox options, the column labels of its matrices, and what a table's row label
/// may say without being a label the catalogue does not know.
package struct CatalogueKeys: Sendable {
    package let matcher: LabelMatcher
    /// Keys of every label the call prints: a cell holding one is a label, never a value.
    let knownLabels: Set<NormalizedKey>
    /// The known labels of two characters or more, with their length in characters (labels a cover
    /// line's value may run into).
    let longerLabels: [(key: String, length: Int)]
    /// Keys of every printed checkbox option of the call.
    let options: Set<String>
    /// For each row label a locator names, the column labels printed with any of its spellings (its header row).
    let columnLabelsByRow: [String: LabelMatcher.Spellings]
    /// The known labels, section names, table headers and options: a row label holding one of these
    /// (or starting with one of two characters or more) is not reported as unmatched.
    let printed: Set<String>
    /// The call's sections in catalogue order, each with the key its heading is found by (`BookIndex.sectionKey`).
    let sections: [(name: String, key: String)]

    package init(spec: CallSpec) {
        let matcher = LabelMatcher(spec: spec)
        self.matcher = matcher
        var known: Set<String> = []
        var columns: [String: [String]] = [:]
        for field in spec.fields {
            for key in matcher.keys(for: field.locator.label) { known.insert(key) }
            if let row = field.locator.row {
                for key in matcher.keys(for: row) {
                    known.insert(key)
                    columns[key, default: []] += matcher.keys(for: field.locator.label)
                }
            }
            for part in field.label.split(separator: "/") { known.insert(String(part).labelKey) }
        }
        known.remove("")
        knownLabels = Set(known.map(NormalizedKey.init))
        longerLabels = known.map { ($0, $0.count) }.filter { $0.1 >= 2 }
        var byRow: [String: LabelMatcher.Spellings] = [:]
        for row in spec.fields.compactMap(\.locator.row) where byRow[row] == nil {
            byRow[row] = LabelMatcher.Spellings(matcher.keys(for: row).flatMap { columns[$0] ?? [] })
        }
        columnLabelsByRow = byRow
        options = Set(spec.fields.flatMap(\.options).map(\.labelKey))
        var printed = known
        sections = spec.sections.map { ($0, BookIndex.sectionKey($0)) }
        for section in sections { printed.insert(section.key) }
        for header in spec.headers { printed.insert(header.labelKey) }
        printed.formUnion(options)
        self.printed = printed
    }
}
