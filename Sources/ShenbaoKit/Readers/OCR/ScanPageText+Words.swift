import Foundation

extension ScanPageText {
    /// Gathers `words` into rows: a word joins the row whose vertical extent holds its middle.
    init(page: Int, words: [RecognizedWord], confidence: Int) {
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
}
