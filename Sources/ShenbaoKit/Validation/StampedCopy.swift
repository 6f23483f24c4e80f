import Foundation

/// What a PDF shows as the stamped copy of a book: the seals on its pages and which page holds the
/// 承诺书 (found in the text layer, or — for a scan — by OCR of the top of its last pages). Worked out
/// in the worker process that reads the PDF; the submission rules check it against the call's
/// `submission.seals`. OCR text is only used to find a page, never as a value.
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
    /// What could not be done (OCR data missing, a page that would not render), in Chinese.
    public var problems: [String]

    /// Inspects the PDF at `path` (already read as `document`); `declarationTitles` are the titles its
    /// 承诺书 may have (the calls it may belong to).
    static func inspect(path: String, document: Document, declarationTitles: [String]) -> StampedCopy {
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
            let keys = declarationTitles.map(\.labelKey)
            copy.declarationPage = document.blocks.reversed().lazy.compactMap { block -> Int? in
                guard case .paragraph(let paragraph) = block, keys.contains(paragraph.text.labelKey) else { return nil }
                return paragraph.page
            }.first
            return copy
        }
        guard !declarationTitles.isEmpty, copy.pageCount > 1 else { return copy }
        do {
            // The 承诺书 closes the book: look for its title at the top of the last pages.
            let recognizer = try TextRecognizer.shared()
            let pdf = try PopplerDocument(path: path)
            for page in stride(from: copy.pageCount, through: max(2, copy.pageCount - 2), by: -1) {
                let image = try OCRPage.render(pdf, page: page - 1, dpi: OCRPage.headingDPI)
                let read = recognizer.recognize(image, region: PixelRect(x: 0, y: 0, width: image.width, height: image.height / 3))
                if declarationTitles.contains(where: { TolerantMatch.contains($0, in: read.text) }) {
                    copy.declarationPage = page
                    break
                }
            }
        } catch {
            copy.problems.append("未能识别扫描件文字：\(error.message)")
        }
        return copy
    }
}
