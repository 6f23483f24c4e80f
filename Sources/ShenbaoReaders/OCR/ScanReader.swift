import ShenbaoModel
import ShenbaoSupport

/// OCR of the pages of a scanned PDF that the checks need — not of the whole book: the first pages
/// (cover and first tables, where the key fields are) and the top of the last pages (the 承诺书's title).
public enum ScanReader {
    /// How many pages from the start are read: the cover and the tables after it.
    public static let firstPageCount = 3

    /// OCR of the first `firstPageCount` pages at `OCRPage.verifyDPI`.
    public static func firstPages(of path: String) throws(ReadError) -> [ScanPageText] {
        let recognizer = try TextRecognizer.shared()
        let pdf = try PopplerDocument(path: path)
        var pages: [ScanPageText] = []
        for index in 0..<min(pdf.pageCount, firstPageCount) {
            pages.append(recognizer.readScan(try OCRPage.render(pdf, page: index, dpi: OCRPage.verifyDPI), page: index + 1))
        }
        return pages
    }

    /// Resolution of the pass that looks for section headings on the pages not read in full.
    public static let sectionDPI = 100

    /// Which of `titles` (section headings such as 二、工业模型基本情况表) appear on pages `pages` (1-based) of
    /// the PDF at `path`, each page read whole at `sectionDPI`, stopping once every title is found.
    public static func titles(_ titles: [String], on pages: ClosedRange<Int>, of path: String) throws(ReadError) -> Set<String> {
        let recognizer = try TextRecognizer.shared()
        let pdf = try PopplerDocument(path: path)
        var found = Set<String>()
        for page in pages where page >= 1 && page <= pdf.pageCount && found.count < titles.count {
            let text = recognizer.recognize(ScanCleaner.cleaned(try OCRPage.render(pdf, page: page - 1, dpi: sectionDPI))).text
            for title in titles where !found.contains(title) && TolerantMatch.contains(title, in: text) { found.insert(title) }
        }
        return found
    }

    /// The last page among the final three whose top third shows one of `titles` (the 承诺书 closes the book).
    /// Two passes a page, as Tesseract reads a lone large title unsteadily (承诺书 came back 承活节 at 150 dpi
    /// on one scan and 承诺蔬 at 100 dpi on another, never wrong at both): cleaned at `OCRPage.headingDPI`,
    /// then as rendered at 100 dpi.
    public static func pageTitled(_ titles: [String], nearTheEndOf path: String) throws(ReadError) -> Int? {
        let recognizer = try TextRecognizer.shared()
        let pdf = try PopplerDocument(path: path)
        let count = pdf.pageCount
        guard !titles.isEmpty, count > 1 else { return nil }
        func top(_ image: GreyImage) -> GreyImage {
            image.cropped(to: PixelRect(x: 0, y: 0, width: image.width, height: image.height / 3))
        }
        func shows(_ image: GreyImage) -> Bool {
            let text = recognizer.recognize(image).text
            return titles.contains { TolerantMatch.contains($0, in: text) }
        }
        for page in stride(from: count, through: max(2, count - 2), by: -1) {
            if shows(ScanCleaner.cleaned(top(try OCRPage.render(pdf, page: page - 1, dpi: OCRPage.headingDPI)))) { return page }
            if shows(top(try OCRPage.render(pdf, page: page - 1, dpi: 100))) { return page }
        }
        return nil
    }
}
