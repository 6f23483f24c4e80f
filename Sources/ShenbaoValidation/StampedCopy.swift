import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// What a PDF shows as the stamped copy of a book: the seals on its pages, which page holds the 承诺书,
/// its digital signatures and — for a scan — what OCR read on the pages the checks need. Worked out in
/// the worker process that reads the PDF; the submission rules check it against the call's
/// `submission.seals` and the Word book's key fields. OCR text only verifies values known from the Word
/// book (or is shown as read by OCR); it is never taken for the book's own text.
public struct StampedCopy: Sendable, Equatable, Codable {
    /// A seal found on a page, in mm from the page's top-left corner.
    public struct SealMark: Sendable, Equatable, Codable {
        public var page: Int
        public var kind: Seal.Kind
        public var x: Double
        public var y: Double
        public var diameter: Double

        package init(page: Int, kind: Seal.Kind, x: Double, y: Double, diameter: Double) {
            self.page = page
            self.kind = kind
            self.x = x
            self.y = y
            self.diameter = diameter
        }
    }

    public var pageCount: Int
    public var seals: [SealMark]
    /// The page holding the 承诺书 (one of the calls' declaration titles), when it was found.
    public var declarationPage: Int?
    /// Digital signatures of a text PDF.
    public var signatures: [DigitalSignature] = []
    /// For a scan: OCR of its first pages (the cover and the first tables), where the key fields are.
    public var pagesRead: [ScanPageText] = []
    /// For a scan: the book's section headings (`structure.sections`) found on none of its pages.
    public var missingSections: [String] = []
    /// What could not be done (OCR data missing, a page that would not render), in Chinese.
    public var problems: [String]

    package init(pageCount: Int, seals: [SealMark], declarationPage: Int?, signatures: [DigitalSignature] = [],
                 pagesRead: [ScanPageText] = [], problems: [String]) {
        self.pageCount = pageCount
        self.seals = seals
        self.declarationPage = declarationPage
        self.signatures = signatures
        self.pagesRead = pagesRead
        self.problems = problems
    }
}
