import Foundation

/// What OCR read on one page of a scan, as rows: the words Tesseract found, gathered by the line they sit
/// on across the page (a table's label column and value column are separate blocks to Tesseract; side by
/// side again here, so 「统一社会信用代码 9142…」 is one row, as on paper).
///
/// This is OCR text: used to verify values known from elsewhere and, for a scan on its own, shown only
/// as read by OCR — never as the book's own text.
public struct ScanPageText: Sendable, Equatable, Codable {
    /// One line of the page.
    public struct Row: Sendable, Equatable, Codable {
        /// Words left to right, a space where they stand apart.
        public var text: String
        /// Tesseract's mean confidence of its words, 0–100.
        public var confidence: Int

        public init(text: String, confidence: Int) {
            self.text = text
            self.confidence = confidence
        }
    }

    /// 1-based page number.
    public var page: Int
    /// The rows, top to bottom.
    public var rows: [Row]
    /// Tesseract's mean confidence for the page, 0–100.
    public var confidence: Int

    public init(page: Int, rows: [Row], confidence: Int) {
        self.page = page
        self.rows = rows
        self.confidence = confidence
    }

    /// All rows, one a line.
    public var text: String { rows.map(\.text).joined(separator: "\n") }

    /// A row that starts with a printed label, and what follows the label on it.
    public struct Beside: Sendable, Equatable {
        /// What the row shows after the label, bracketed notes such as （加盖公章） left out.
        public var text: String
        public var page: Int
        /// The row's confidence, 0–100.
        public var confidence: Int
        /// Which of the labels asked for (0 = the first) the row starts with.
        public var label: Int
        /// Whether the whole label was read, not only its first characters (a label cell that wraps:
        /// 「单位名 / 称」).
        public var whole: Bool
        /// The row's index on its page.
        public var row: Int
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
