/// What OCR read of a scanned book that has no text layer: the pages it read and the key fields it could
/// read on them, each with its page and confidence. A record's `fields` stay empty for a scan; these values
/// are shown as read by OCR (`extract`'s `ocr` object, cells marked in the 汇总表), never as the book's text.
public struct OCRReading: Sendable, Equatable, Codable {
    /// A value read beside its printed label.
    public struct Value: Sendable, Equatable, Codable {
        public var text: String
        /// 1-based page it was read on.
        public var page: Int
        /// Tesseract's confidence in the row it was read from, 0–100.
        public var confidence: Int

        public init(text: String, page: Int, confidence: Int) {
            self.text = text
            self.page = page
            self.confidence = confidence
        }
    }

    /// Field id → the value read.
    public var fields: [String: Value]
    /// Mean confidence of the pages read, 0–100.
    public var confidence: Int
    /// The pages read, as rows of text (what the stamped-copy checks compare a Word book with).
    public var pages: [ScanPageText]
    /// Why OCR could not be done (recognition data missing …), in Chinese; nil when it ran.
    public var problem: String?

    public init(fields: [String: Value], confidence: Int, pages: [ScanPageText], problem: String? = nil) {
        self.fields = fields
        self.confidence = confidence
        self.pages = pages
        self.problem = problem
    }
}
