import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Tells which call a book belongs to from its own words (title and section headings), for books
/// submitted without `--call`.
public enum CallDetector {
    /// The best-matching call, or nil when none of their phrases appear (or two calls tie).
    public static func detect(_ document: Document, among specs: [CallSpec]) -> CallSpec? {
        let text = document.blocks.prefix(400).map(\.text).joined(separator: "\n").labelKey
        return best(among: specs) { phrase in
            let key = phrase.labelKey
            return !key.isEmpty && text.containsBytes(key)
        }
    }

    /// The best-matching call for the OCR text of a scan's first pages, its phrases matched as OCR allows
    /// (`TolerantMatch`: one misread character per six).
    public static func detect(scanText text: String, among specs: [CallSpec]) -> CallSpec? {
        best(among: specs) { TolerantMatch.contains($0, in: text) }
    }

    /// The call with the most phrases that `appears`; nil when none appears or two tie.
    private static func best(among specs: [CallSpec], appears: (String) -> Bool) -> CallSpec? {
        let scored = specs.map { spec in (spec, spec.detect.filter(appears).count) }
            .filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        guard let best = scored.first else { return nil }
        if scored.count > 1 && scored[1].1 == best.1 { return nil }
        return best.0
    }
}
