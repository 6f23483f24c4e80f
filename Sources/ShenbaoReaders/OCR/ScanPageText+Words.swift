import Foundation
import ShenbaoModel
import ShenbaoSupport

extension ScanPageText {
    /// Gathers `words` into rows: a word joins the row whose vertical extent holds its middle.
    package init(page: Int, words: [RecognizedWord], confidence: Int) {
        var rows: [(top: Int, bottom: Int, words: [RecognizedWord])] = []
        for word in words.sorted(by: { $0.box.y + $0.box.height / 2 < $1.box.y + $1.box.height / 2 }) {
            guard !word.text.trimmingCharacters(in: .whitespaces).isEmpty, word.box.height > 0 else { continue }
            let middle = word.box.y + word.box.height / 2
            if let last = rows.indices.last, rows[last].top <= middle, middle <= rows[last].bottom {
                rows[last].words.append(word)
            } else {
                rows.append((word.box.y, word.box.y + word.box.height, [word]))
            }
        }
        self.init(page: page, rows: rows.map { row in
            let sorted = row.words.sorted { $0.box.x < $1.box.x }
            let height = max(1, row.bottom - row.top)
            var line = ""
            var end: Int?
            for word in sorted {
                if let end, word.box.x - end > height { line += " " }
                line += word.text.trimmingCharacters(in: .whitespaces)
                end = word.box.x + word.box.width
            }
            let confidence = sorted.map(\.confidence).reduce(0, +) / Double(sorted.count)
            return Row(text: line, confidence: Int(confidence.rounded()))
        }, confidence: confidence)
    }

    /// The rows that start with one of `labels` — whole, or its first three characters or more — after at
    /// most two border marks (a table border read as 丨, 一 or I).
    public func rows(besideLabel labels: [String]) -> [Beside] {
        var found: [Beside] = []
        let keys = labels.map(TolerantMatch.normalise)
        for (index, row) in rows.enumerated() {
            let characters = TolerantMatch.normalised(row.text)
            let text = String(characters.map(\.character))
            // A label read whole wins over one read in part (申报单位 whole, not 申报单位名称 in part).
            var best: Beside?
            for (rank, key) in keys.enumerated() where !key.isEmpty {
                for skip in 0...min(2, characters.count) {
                    // Only border marks may come first: 「（二）申报单位相关证明材料」 is a heading, not 申报单位's row.
                    guard text.prefix(skip).allSatisfy({ Self.borderMarks.contains($0) }) else { break }
                    let shared = zip(text.dropFirst(skip), key).prefix { $0 == $1 }.count
                    guard shared == key.count || shared >= 3 else { continue }
                    let end = skip + shared
                    let after = end < characters.count ? String(row.text[characters[end].source.lowerBound...]) : ""
                    let candidate = Beside(text: Self.withoutNotes(after), page: page, confidence: row.confidence,
                                           label: rank, whole: shared == key.count, row: index)
                    if best == nil || (candidate.whole && best?.whole == false) { best = candidate }
                    break
                }
                if best?.whole == true { break }
            }
            if let best { found.append(best) }
        }
        return found
    }

    /// What OCR reads a table border as, once punctuation is dropped.
    static let borderMarks: Set<Character> = ["一", "丨", "I", "L", "1"]

    /// `text` without bracketed notes and the spaces and marks around it.
    static func withoutNotes(_ text: String) -> String {
        text.replacingOccurrences(of: "[（(《][^）)》]*[）)》]?", with: "", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters).union(.symbols))
    }
}
