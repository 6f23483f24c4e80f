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

/// Where in a book a value was found.
public struct SourceLocation: Sendable, Equatable, Codable {
    /// 1-based index of the table in the book, when the value is in a table.
    public var table: Int?
    /// 1-based grid row and column in that table.
    public var row: Int?
    public var column: Int?
    /// 1-based page, when known.
    public var page: Int?

    public init(table: Int? = nil, row: Int? = nil, column: Int? = nil, page: Int? = nil) {
        self.table = table
        self.row = row
        self.column = column
        self.page = page
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
