/// Something a reader noticed and worked around — as pandoc's readers collect warnings instead of
/// throwing them: tracked changes accepted, footnotes left out, pages of junk text ignored. Each has a
/// stable code (`read.…`); `extract` lists them under `notes`, `validate` reports them as findings.
public struct ReaderNote: Sendable, Equatable, Codable {
    /// What was noticed; the raw value is the finding's rule code.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case trackedChanges = "read.tracked-changes"
        case embeddedContent = "read.embedded-content"
        case textBoxes = "read.text-boxes"
        case footnotes = "read.footnotes"
        case comments = "read.comments"
        case damagedStyles = "read.damaged-styles"
        case damagedNumbering = "read.damaged-numbering"
        case junkTextPages = "read.junk-text-pages"
        case pagesWithoutText = "read.pages-without-text"
        case oversizedPages = "read.oversized-pages"
        case damagedPages = "read.damaged-pages"
        case converted = "read.converted"

        /// Whether some of the book's text was not read (reported as a warning), rather than read another
        /// way or left out by design (info).
        public var leftTextOut: Bool {
            switch self {
            case .embeddedContent, .damagedStyles, .damagedNumbering, .junkTextPages, .pagesWithoutText, .oversizedPages, .damagedPages:
                return true
            case .trackedChanges, .textBoxes, .footnotes, .comments, .converted:
                return false
            }
        }
    }

    public var kind: Kind
    /// What happened, in Chinese.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var code: String { kind.rawValue }

    package enum CodingKeys: String, CodingKey { case kind = "code", message }
}
