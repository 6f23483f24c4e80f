/// What extraction returns for one book: field id → typed value, in the catalogue's terms.
public struct Record: Sendable, Equatable {
    /// The call id the book was read as; nil for a scanned book whose call could not be told.
    public var call: String?
    /// The file the record came from.
    public var file: String
    /// True when the source had no usable text (scanned PDF): fields are then empty, not wrong.
    public var scanned: Bool
    /// Field id → value; absent or blank fields are not present.
    public var fields: [String: FieldValue]
    /// Labels seen in the book's tables that the call's catalogue does not know.
    public var unmatched: [String]
    /// Where each field was found (table/row/column or page), for findings.
    public var locations: [String: SourceLocation]
    /// Raw text of fields whose value could not be parsed as their type (kept for the validator).
    public var unparsed: [String: String]
    /// Narrative passages the call names (heading → text), e.g. 项目概述 for the 汇总表's description.
    public var passages: [String: String] = [:]
    /// Fields left out because their place in the book is ambiguous (two candidate cells that disagree,
    /// a column header that does not match): field id → why, in Chinese. Never guessed.
    public var ambiguous: [String: String] = [:]
    /// What the reader noticed and worked around (tracked changes accepted, footnotes not read …), in Chinese.
    public var notes: [ReaderNote] = []
    /// For a scan: what OCR read of its first pages (key fields marked as read by OCR, never in `fields`).
    public var ocr: OCRReading?

    public init(call: String?, file: String, scanned: Bool = false, fields: [String: FieldValue] = [:],
                unmatched: [String] = [], locations: [String: SourceLocation] = [:], unparsed: [String: String] = [:]) {
        self.call = call
        self.file = file
        self.scanned = scanned
        self.fields = fields
        self.unmatched = unmatched
        self.locations = locations
        self.unparsed = unparsed
    }
}

/// Where in a book a value was found, and how.
public struct SourceLocation: Sendable, Equatable, Codable {
    /// How a value was located relative to its printed label.
    public enum Method: String, Sendable, Codable {
        /// The cell right of the label cell.
        case right
        /// The row(s) below a label spanning the whole row.
        case below
        /// Where the row label's row meets the column whose header names the field (`2021 年度`).
        case matrix
        /// After `标签：` inside the label's own cell.
        case inline
        /// A cover line: `申报单位：某某公司` or `申报单位 ____`.
        case cover
        /// After `标签：` in a body paragraph.
        case paragraph
        /// The text under a heading, in its cell or in the paragraphs after it.
        case heading
        /// A choice marked in the cells below its printed options.
        case marked
        /// The rows of a table headed by the field's column labels.
        case rows
    }

    /// The book section searched (as the catalogue names it), when the value was found inside it.
    public var section: String?
    /// 1-based index of the table in the book, when the value is in a table.
    public var table: Int?
    /// 1-based grid row and column in that table.
    public var row: Int?
    public var column: Int?
    /// 1-based page, when known.
    public var page: Int?
    /// The label text as printed in the book, that the value was found by.
    public var label: String?
    /// How the value was located.
    public var how: Method?

    public init(section: String? = nil, table: Int? = nil, row: Int? = nil, column: Int? = nil, page: Int? = nil,
                label: String? = nil, how: Method? = nil) {
        self.section = section
        self.table = table
        self.row = row
        self.column = column
        self.page = page
        self.label = label
        self.how = how
    }

    /// In Chinese, e.g. `表2 第3行` or `第4页`.
    public var description: String {
        var parts: [String] = []
        if let table { parts.append("表\(table)") }
        if let row { parts.append("第\(row)行") }
        if let page { parts.append("第\(page)页") }
        return parts.joined(separator: " ")
    }
}
