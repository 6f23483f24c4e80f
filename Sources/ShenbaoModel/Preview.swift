import Foundation

/// What a clerk sees of a file beside the fields read from it: a PDF's pages as images with the seals
/// found outlined, or a Word book's text. One answer of `shenbao worker preview`; exactly one of
/// `outline`, `page`, `text` or `error` is set.
public struct Preview: Sendable, Equatable, Codable {
    /// A PDF at a glance: its page count, the size of the pages that may be previewed and which of them carry a seal.
    public struct Outline: Sendable, Equatable, Codable {
        public var pageCount: Int
        /// Width and height in points of pages 1, 2, … (at most `Preview.pageLimit` of them).
        public var pageSizes: [Size]
        /// The pages among `pageSizes` on which `SealDetector` finds a seal.
        public var sealPages: [Int]

        public init(pageCount: Int, pageSizes: [Size], sealPages: [Int]) {
            self.pageCount = pageCount
            self.pageSizes = pageSizes
            self.sealPages = sealPages
        }
    }

    public struct Size: Sendable, Equatable, Codable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// One PDF page rendered as a PNG, each seal found on it outlined.
    public struct Page: Sendable, Equatable, Codable {
        /// 1-based.
        public var number: Int
        public var pageCount: Int
        /// The PNG file (base64 in JSON).
        public var png: Data
        public var width: Int
        public var height: Int
        /// The seals `SealDetector` finds on the page, as outlined on the image.
        public var seals: [SealBox]

        public init(number: Int, pageCount: Int, png: Data, width: Int, height: Int, seals: [SealBox]) {
            self.number = number
            self.pageCount = pageCount
            self.png = png
            self.width = width
            self.height = height
            self.seals = seals
        }
    }

    /// A seal on a rendered page: its box in the image's pixels (origin top-left) and its centre and
    /// size in millimetres, as the stamped-copy inspection reports them.
    public struct SealBox: Sendable, Equatable, Codable {
        public var kind: Seal.Kind
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
        public var centreMM: [Double]
        public var diameterMM: Double

        public init(kind: Seal.Kind, x: Int, y: Int, width: Int, height: Int, centreMM: [Double], diameterMM: Double) {
            self.kind = kind
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.centreMM = centreMM
            self.diameterMM = diameterMM
        }
    }

    /// A Word book's text as the neutral document model gives it, capped at `Preview.textLimit` characters.
    public struct Text: Sendable, Equatable, Codable {
        public var blocks: [TextBlock]
        /// Whether text was left out at the cap.
        public var truncated: Bool

        public init(blocks: [TextBlock], truncated: Bool) {
            self.blocks = blocks
            self.truncated = truncated
        }
    }

    /// A paragraph (with its heading level, if any) or a table as rows of cells.
    public struct TextBlock: Sendable, Equatable, Codable {
        public var paragraph: String?
        public var headingLevel: Int?
        /// The cells that start in each grid row, left to right.
        public var rows: [[TextCell]]?

        public init(paragraph: String, headingLevel: Int? = nil) {
            self.paragraph = paragraph
            self.headingLevel = headingLevel
        }

        public init(rows: [[TextCell]]) {
            self.rows = rows
        }
    }

    /// A table cell's text and the grid columns and rows it spans (nil for one).
    public struct TextCell: Sendable, Equatable, Codable {
        public var text: String
        public var columns: Int?
        public var rows: Int?

        public init(text: String, columns: Int = 1, rows: Int = 1) {
            self.text = text
            self.columns = columns > 1 ? columns : nil
            self.rows = rows > 1 ? rows : nil
        }
    }

    /// Pages a preview shows at most (the first ones).
    public static let pageLimit = 30
    /// Characters of a Word book's text a preview carries at most.
    public static let textLimit = 200_000

    public var outline: Outline?
    public var page: Page?
    public var text: Text?
    /// Why there is no preview, in Chinese.
    public var error: String?

    public init(outline: Outline? = nil, page: Page? = nil, text: Text? = nil, error: String? = nil) {
        self.outline = outline
        self.page = page
        self.text = text
        self.error = error
    }
}
