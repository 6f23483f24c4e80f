import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Tells which call a book belongs to from its own words (title and section headings), for books
/// submitted without `--call`.
public enum CallDetector {
    /// The best-matching call, or nil when none of their phrases appear (or two calls tie).
    public static func detect(_ document: Document, among specs: [CallSpec]) -> CallSpec? {
        let blocks = document.blocks.prefix(400)
        let text = piecewiseKey(blocks) ?? Array(blocks.map(\.text).joined(separator: "\n").labelKey.utf8)
        return text.withUnsafeBufferPointer { text in
            best(among: specs) { phrase in
                let key = phrase.labelKey
                return !key.isEmpty && key.withUTF8Bytes { firstOffset(of: $0, in: text) != nil }
            }
        }
    }

    /// The label key of the blocks' text (`Block.text` of each, joined by line breaks), put together from the keys
    /// of their paragraphs and cells: the separators are whitespace, which a key leaves out, so where every piece
    /// is keyed byte by byte the pieces' keys make the whole text's key without the whole text being built. Nil when
    /// a piece needs the character-level key.
    private static func piecewiseKey(_ blocks: ArraySlice<Block>) -> [UInt8]? {
        var pieces: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                pieces.append(paragraph.text)
            case .table(let table):
                for row in 0..<table.rowCount {
                    for index in table.cellIndices(inRow: row) { pieces.append(table.cells[index].text) }
                }
            }
        }
        // Every key written into one buffer (a key is never longer than its text).
        let room = pieces.reduce(0) { $0 + $1.utf8.count }
        guard room > 0 else { return [] }
        var complete = true
        let key = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            var written = 0
            for piece in pieces {
                guard let length = piece.withUTF8Bytes({ LabelKeyBytes.write($0, to: buffer.baseAddress! + written) }) else {
                    complete = false
                    break
                }
                written += length
            }
            count = complete ? written : 0
        }
        return complete ? key : nil
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
