/// The neutral document model that every reader produces and everything downstream reads.
///
/// Like pandoc's AST, it keeps only what form extraction needs: block structure (paragraphs and
/// tables resolved to a grid), checkbox marks, style/heading hints and page positions.
public struct Document: Sendable, Equatable {
    /// The format the document was read from.
    public enum SourceFormat: String, Sendable, Codable {
        case docx, pdf, data
    }

    /// Where the file came from (as given on the command line).
    public var path: String
    public var format: SourceFormat
    /// Body content in reading order.
    public var blocks: [Block]
    /// True when the file has no usable text layer (a scan, or CJK without ToUnicode).
    public var scanned: Bool
    /// Number of pages, when the format has pages.
    public var pageCount: Int?
    /// Things the reader noticed but could work around (never fatal).
    public var notes: [ReaderNote]
    /// Pages (from 1) on which everything painted is a shade of grey, as the PDF reader found while reading
    /// them: no red seal can be on them. Empty when not known (other formats, pages it could not read).
    public var greyPages: Set<Int>

    public init(path: String, format: SourceFormat, blocks: [Block] = [], scanned: Bool = false,
                pageCount: Int? = nil, notes: [ReaderNote] = [], greyPages: Set<Int> = []) {
        self.path = path
        self.format = format
        self.blocks = blocks
        self.scanned = scanned
        self.pageCount = pageCount
        self.notes = notes
        self.greyPages = greyPages
    }
}

/// A block of content: a paragraph or a table.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
}

/// A paragraph: inline content plus layout hints.
public struct Paragraph: Sendable, Equatable {
    public var inlines: [Inline]
    /// The paragraph style id or name, when the source has one.
    public var style: String?
    /// 1 for a title/heading 1, 2 for heading 2 …; nil for body text.
    public var headingLevel: Int?
    /// 1-based page number, when known (PDF always; DOCX not).
    public var page: Int?

    public init(inlines: [Inline], style: String? = nil, headingLevel: Int? = nil, page: Int? = nil) {
        self.inlines = inlines
        self.style = style
        self.headingLevel = headingLevel
        self.page = page
    }

    /// A paragraph of plain text (checkbox glyphs ☐☑☒■□ inside it stay text; see `Inline`).
    public init(text: String, page: Int? = nil) {
        self.init(inlines: [.text(text)], page: page)
    }

    /// The paragraph as text; checkbox marks render as ☑ (checked) and ☐ (unchecked),
    /// line breaks as "\n", tabs as "\t".
    public var text: String {
        // (Most paragraphs are one run of text: no new string.)
        if inlines.count == 1, case .text(let text) = inlines[0] { return text }
        var result = ""
        for inline in inlines { result += inline.text }
        return result
    }
}

/// Inline content of a paragraph.
public enum Inline: Sendable, Equatable {
    case text(String)
    /// A checkbox, whatever way the source marked it (glyph, symbol font, content control, form field).
    case checkbox(checked: Bool)
    case lineBreak
    case tab

    /// The inline as text: checkboxes as ☑/☐.
    public var text: String {
        switch self {
        case .text(let string): return string
        case .checkbox(let checked): return checked ? CheckMark.checked : CheckMark.unchecked
        case .lineBreak: return "\n"
        case .tab: return "\t"
        }
    }
}

/// The canonical glyphs the model uses for checkbox marks in text.
public enum CheckMark {
    public static let checked = "☑"
    public static let unchecked = "☐"
}
