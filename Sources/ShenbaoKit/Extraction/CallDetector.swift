/// Tells which call a book belongs to from its own words (title and section headings), for books
/// submitted without `--call`.
public enum CallDetector {
    /// The best-matching call, or nil when none of their phrases appear (or two calls tie).
    public static func detect(_ document: Document, among specs: [CallSpec]) -> CallSpec? {
        let text = document.blocks.prefix(400).map(\.text).joined(separator: "\n").labelKey
        let scored = specs.map { spec in
            (spec, spec.detect.filter { !$0.labelKey.isEmpty && text.contains($0.labelKey) }.count)
        }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        guard let best = scored.first else { return nil }
        if scored.count > 1 && scored[1].1 == best.1 { return nil }
        return best.0
    }
}
