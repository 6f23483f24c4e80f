import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

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
    }

    public var pageCount: Int
    public var seals: [SealMark]
    /// The page holding the 承诺书 (one of the calls' declaration titles), when it was found.
    public var declarationPage: Int?
    /// Digital signatures of a text PDF.
    public var signatures: [DigitalSignature] = []
    /// For a scan: OCR of its first pages (the cover and the first tables), where the key fields are.
    public var pagesRead: [ScanPageText] = []
    /// What could not be done (OCR data missing, a page that would not render), in Chinese.
    public var problems: [String]

    /// Inspects the PDF at `path` (already read as `document`); `declarationTitles` are the titles its
    /// 承诺书 may have (the calls it may belong to); `pagesRead` the OCR of a scan's first pages when its
    /// extraction already read them.
    package static func inspect(path: String, document: Document, declarationTitles: [String],
                        pagesRead: [ScanPageText]? = nil) -> StampedCopy {
        var copy = StampedCopy(pageCount: document.pageCount ?? 0, seals: [], declarationPage: nil, problems: [])
        do {
            copy.seals = try SealDetector.seals(in: path).map {
                SealMark(page: $0.page, kind: $0.kind, x: ($0.centreMM.x * 10).rounded() / 10,
                         y: ($0.centreMM.y * 10).rounded() / 10, diameter: ($0.diameterMM * 10).rounded() / 10)
            }
        } catch {
            copy.problems.append("未能检查印章：\(error.message)")
        }
        if !document.scanned {
            copy.signatures = (try? PopplerDocument(path: path)).map(DigitalSignature.signatures) ?? []
            let keys = declarationTitles.map(\.labelKey)
            copy.declarationPage = document.blocks.reversed().lazy.compactMap { block -> Int? in
                guard case .paragraph(let paragraph) = block, keys.contains(paragraph.text.labelKey) else { return nil }
                return paragraph.page
            }.first
            return copy
        }
        do {
            if let pagesRead { copy.pagesRead = pagesRead } else { copy.pagesRead = try ScanReader.firstPages(of: path) }
            copy.declarationPage = try ScanReader.pageTitled(declarationTitles, nearTheEndOf: path)
        } catch {
            copy.problems.append("未能识别扫描件文字：\(error.message)")
        }
        return copy
    }
}
