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

        package init(text: String, page: Int, confidence: Int, label: Int, whole: Bool, row: Int) {
            self.text = text
            self.page = page
            self.confidence = confidence
            self.label = label
            self.whole = whole
            self.row = row
        }
    }
}
