import CPoppler
import ShenbaoModel
import ShenbaoSupport

/// Reads a PDF into the neutral model, rebuilding lines and table rows from glyph positions.
///
/// Pages are processed one at a time and released, so memory does not grow with page count.
/// Per page: glyphs with boxes and the marks the page paints, in one pass over its content without
/// rendering (`PageContentDocument`), form check boxes as ☑/☐ glyphs (`CheckBoxWidgets`), table
/// rules among the marks (`RuleDetector`), grids (`TableGridBuilder`), then tables and paragraphs
/// (`PageLayout`). A document without a
/// text layer, or whose text is mostly junk from fonts without a Unicode map, is marked `scanned`.
public enum PDFReader {
    /// Reads the `.pdf` file at `path`.
    public static func read(path: String) throws(ReadError) -> Document {
        try PDFBombCheck.check(path: path)
        let document = try PopplerDocument(path: path)
        let contents = PageContentDocument(path: path)
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw ReadError.damaged("PDF 文件没有任何页面，无法读取") }
        guard pageCount <= maxPages else {
            throw ReadError.limitExceeded("PDF 文件共 \(pageCount) 页，超过 \(maxPages) 页的上限，疑似恶意构造的文件；请只提交申报书本身")
        }

        var blocks: [Block] = []
        var notes: [ReaderNote] = []
        var pagesWithoutText: [Int] = []
        var junkPages: [Int] = []
        var unreadablePages: [Int] = []
        var greyPages: Set<Int> = []
        var slowPages: [Int] = []
        /// Pages with almost no text layer and ink like text drawn as outlines.
        var outlinedPages: [Int] = []
        /// Pages with text, and fewer glyphs than a page of text has.
        var sparsePages: [Int] = []
        /// The table ending `blocks`, with its column lines, which the next page may continue.
        var lastTable: TableContinuation.Placed?
        let clock = ContinuousClock()
        for index in 0..<pageCount {
            let pageNumber = index + 1
            let start = clock.now
            let outcome = document.withPage(index) { page in
                contents?.page(index).map { content in
                    (result: read(page: page, number: pageNumber, content: content, slow: clock.now - start > rulesBudget),
                     colour: content.paintsColour)
                }
            } ?? nil
            guard let (result, colour) = outcome else {
                unreadablePages.append(pageNumber)
                continue
            }
            if !colour { greyPages.insert(pageNumber) }
            if result.skippedRules { slowPages.append(pageNumber) }
            if result.outlined { outlinedPages.append(pageNumber) }
            if result.tally.glyphs > 0, !result.tally.isJunk, result.tally.glyphs < ScanDetector.outlinedGlyphs {
                sparsePages.append(pageNumber)
            }
            if result.tally.glyphs == 0 {
                pagesWithoutText.append(pageNumber)
            } else if result.tally.isJunk {
                junkPages.append(pageNumber)
            } else {
                append(result, to: &blocks, lastTable: &lastTable)
            }
        }

        if unreadablePages.count == pageCount {
            throw ReadError.damaged("PDF 文件已损坏，没有一页可以读取；请重新导出后提交")
        }
        let usablePages = pageCount - pagesWithoutText.count - junkPages.count - unreadablePages.count
        // Text drawn as outlines, and no page with more text than a page number or a header:
        // nothing of the book can be read, as in a scan.
        let outlinedBook = !outlinedPages.isEmpty && sparsePages.count == usablePages
        if outlinedBook {
            blocks = []
            pagesWithoutText = (pagesWithoutText + sparsePages).sorted()
        }
        let scanned = usablePages == 0 || outlinedBook
        if !junkPages.isEmpty {
            notes.append(ReaderNote(.junkTextPages, "PDF 字体缺少 ToUnicode 映射，第 \(pageList(junkPages)) 页的文字无法识别（读出的是乱码），已忽略这些页的文字；请从原始 Word 文件重新导出 PDF"))
        }
        if !pagesWithoutText.isEmpty {
            notes.append(ReaderNote(.pagesWithoutText, scanned && junkPages.isEmpty
                ? "PDF 没有文字层（可能是扫描件、图片或文字已转为曲线），无法提取内容；请提交可复制文字的 PDF 或 Word 文件"
                : "第 \(pageList(pagesWithoutText)) 页没有文字层（可能是扫描页）"))
        }
        if !slowPages.isEmpty {
            notes.append(ReaderNote(.oversizedPages, "第 \(pageList(slowPages)) 页内容异常庞大，未识别其中的表格，按普通文字读取"))
        }
        if !unreadablePages.isEmpty {
            notes.append(ReaderNote(.damagedPages, "第 \(pageList(unreadablePages)) 页无法读取（文件部分损坏）"))
        }
        return Document(path: path, format: .pdf, blocks: blocks, scanned: scanned, pageCount: pageCount, notes: notes,
                        greyPages: greyPages)
    }

    /// Appends a page's blocks; a table that starts the page and continues the table that ended
    /// the previous page is merged into it (`TableContinuation`).
    static func append(_ result: PageResult, to blocks: inout [Block], lastTable: inout TableContinuation.Placed?) {
        var pageBlocks = result.blocks[...]
        if let previous = lastTable, let first = result.firstTable,
           let merged = TableContinuation.merged(previous, first), case .table? = blocks.last {
            blocks[blocks.count - 1] = .table(merged.table)
            pageBlocks = pageBlocks.dropFirst()
            lastTable = pageBlocks.isEmpty ? merged : nil
        }
        blocks += pageBlocks
        if !pageBlocks.isEmpty { lastTable = result.lastTable }
    }

    /// What one page yields.
    struct PageResult {
        package var blocks: [Block]
        /// The page's first block when it is a table, with its column lines.
        var firstTable: TableContinuation.Placed?
        /// The page's last block when it is a table, with its column lines.
        var lastTable: TableContinuation.Placed?
        var tally: ScanDetector.Tally
        /// The page was too slow to read, so its tables were not rebuilt.
        var skippedRules = false
        /// The page's text is drawn as outlines: it has ink like a page of text and (almost) no text layer.
        var outlined = false
    }

    /// More pages than this are refused before any is read: a book with its attachments has a few
    /// hundred.
    static let maxPages = 1_000

    /// A page that took longer than this to read has no tables rebuilt: its content is pathological
    /// (a decompression bomb, hatching), and its marks are not worth sorting into rules.
    static let rulesBudget = Duration.seconds(2)

    /// Lays out page `number` (1-based) from its `content`; `slow` when reading it took longer than `rulesBudget`.
    static func read(page: OpaquePointer, number: Int, content: PageContent, slow: Bool) -> PageResult {
        let text = content.glyphs
        let tally = ScanDetector.tally(text)
        guard tally.glyphs > 0, !tally.isJunk else { return PageResult(blocks: [], tally: tally) }
        var grids: [PDFTableGrid] = []
        var dividers: [Rule] = []
        var skippedRules = false
        var outlined = false
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let checkBoxes = CheckBoxWidgets.glyphs(of: page, height: height)
        var glyphs = text + checkBoxes
        if !slow {
            let rules = RuleDetector.rules(in: content.marks, pageArea: width * height, glyphs: text,
                                           widgets: checkBoxes.map(\.box))
            glyphs += rules.checkBoxes
            outlined = ScanDetector.isOutlined(glyphs: text.count, looseInk: rules.looseInk)
            grids = PageLayout.tables(TableGridBuilder.grids(from: rules), glyphs: glyphs)
            dividers = rules.vertical
        } else {
            skippedRules = true
        }
        let layout = PageLayout.layout(glyphs: glyphs, grids: grids, dividers: dividers, page: number, pageWidth: width)
        var result = PageResult(blocks: layout.blocks, tally: tally, skippedRules: skippedRules, outlined: outlined)
        if case .table? = layout.blocks.first { result.firstTable = layout.tables.first }
        if case .table? = layout.blocks.last { result.lastTable = layout.tables.last }
        return result
    }

    /// "1、3、5–9" style page list, shortened after ten entries.
    static func pageList(_ pages: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < pages.count {
            var end = index
            while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
            parts.append(end > index ? "\(pages[index])–\(pages[end])" : "\(pages[index])")
            index = end + 1
        }
        return parts.count > 10 ? parts.prefix(10).joined(separator: "、") + " 等" : parts.joined(separator: "、")
    }
}
