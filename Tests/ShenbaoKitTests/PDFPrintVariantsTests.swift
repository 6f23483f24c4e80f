import Foundation
import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoSpec
@testable import ShenbaoReaders
@testable import ShenbaoExtraction
@testable import ShenbaoStatistics
@testable import ShenbaoValidation
@testable import ShenbaoWriters
@testable import ShenbaoPipeline

/// PDFs as applicants make them other than with LibreOffice: Chromium's print (Type 3 CJK fonts,
/// clipped borders, nested tables drawn apart), Ghostscript's re-distilled fonts, text drawn as
/// outlines; and tables cut by page breaks.
@Suite struct PDFPrintVariantsGeometryTests {
    func glyph(_ scalar: Unicode.Scalar, x: Double, y0: Double, y1: Double, width: Double) -> Glyph {
        Glyph(scalar: scalar, box: Box(x0: x, y0: y0, x1: x + width, y1: y1))
    }

    @Test func type3GlyphBoxesShrinkToTheirEmBox() {
        // Chromium's Noto CJK as Type 3: poppler gives 11.5 pt glyphs boxes 29.9 pt tall, baseline at 0.7308.
        let top = 173.0, bottom = 202.9
        let run = [glyph("企", x: 91.5, y0: top, y1: bottom, width: 11.5), glyph("业", x: 103, y0: top, y1: bottom, width: 11.5)]
        // A run of punctuation alone, in the same font and size, on the next line.
        let punctuation = [glyph("）", x: 91.5, y0: 186, y1: 215.9, width: 11.5)]
        // A Latin font with sane metrics is left alone.
        let latin = [glyph("9", x: 116, y0: 255.8, y1: 268.5, width: 6)]
        let tightened = GlyphExtractor.tightened(run + punctuation + latin)
        let baseline = top + (bottom - top) * 0.95 / 1.3
        for glyph in tightened.prefix(2) {
            #expect(abs(glyph.box.y0 - (baseline - 0.88 * 11.5)) < 0.01)
            #expect(abs(glyph.box.y1 - (baseline + 0.12 * 11.5)) < 0.01)
        }
        #expect(abs(tightened[2].box.height - 11.5) < 0.01)
        #expect(tightened[3] == latin[0])
        // LibreOffice's CJK boxes (1.3 em) stay as they are.
        let libreOffice = [glyph("企", x: 79.5, y0: 151.1, y1: 166.7, width: 12)]
        #expect(GlyphExtractor.tightened(libreOffice) == libreOffice)
    }

    @Test func clippedRightAndBottomBordersCloseTheTable() throws {
        // Rows end at the clip (x 522) with no right border; vertical rules run into the page's bottom clip.
        let horizontal = [Rule(position: 100, start: 85, end: 522), Rule(position: 130, start: 85, end: 522)]
        let vertical = [Rule(position: 85, start: 100, end: 742), Rule(position: 140, start: 100, end: 742)]
        let grid = try #require(TableGridBuilder.grids(from: Rules(horizontal: horizontal, vertical: vertical)).first)
        #expect(grid.columnLines == [85, 140, 522] && grid.rowLines == [100, 130, 742])
        #expect(grid.cells.count == 4 && grid.clippedBottom)
        // A glyph crossing the clipped bottom is a cut-off line; one inside the last row is not.
        let cut = Glyph(scalar: "组", box: Box(x0: 168, y0: 741.6, x1: 180, y1: 753.5))
        let inside = Glyph(scalar: "业", box: Box(x0: 168, y0: 700, x1: 180, y1: 712))
        #expect(PageLayout.isCutOff(cut, by: grid) && !PageLayout.isCutOff(inside, by: grid))
        // Rules that merely overshoot a drawn border add no column.
        let overshoot = [Rule(position: 100, start: 85, end: 524), Rule(position: 130, start: 85, end: 524)]
        let closed = vertical.map { Rule(position: $0.position, start: 100, end: 130) } + [Rule(position: 522, start: 100, end: 130)]
        let ruled = try #require(TableGridBuilder.grids(from: Rules(horizontal: overshoot, vertical: closed)).first)
        #expect(ruled.columnLines == [85, 140, 522] && !ruled.clippedBottom)
    }

    @Test func paddingAroundANestedTableIsNoCell() throws {
        // Outer cell 100–300 × 0–60 holding a table of two cells drawn from its top, 5 pt in from
        // its sides and 10 pt above its bottom: the padding left is a U around the nested table.
        let horizontal = [Rule(position: 0, start: 0, end: 300), Rule(position: 60, start: 0, end: 300),
                          Rule(position: 50, start: 105, end: 295)]
        let vertical = [Rule(position: 0, start: 0, end: 60), Rule(position: 100, start: 0, end: 60),
                        Rule(position: 300, start: 0, end: 60), Rule(position: 105, start: 0, end: 50),
                        Rule(position: 200, start: 0, end: 50), Rule(position: 295, start: 0, end: 50)]
        let grid = try #require(TableGridBuilder.grids(from: Rules(horizontal: horizontal, vertical: vertical)).first)
        let boxes = grid.cells.map { grid.box(of: $0) }
        #expect(boxes.contains(Box(x0: 105, y0: 0, x1: 200, y1: 50)))
        #expect(boxes.contains(Box(x0: 200, y0: 0, x1: 295, y1: 50)))
        #expect(boxes.contains(Box(x0: 0, y0: 0, x1: 100, y1: 60)))
        // No cell covers the nested cells.
        #expect(!boxes.contains { $0.x0 <= 105 && $0.x1 >= 295 && $0.y0 <= 0 && $0.y1 >= 50 })
        #expect(grid.cellIndex(x: 150, y: 30).map { grid.box(of: grid.cells[$0]) } == Box(x0: 105, y0: 0, x1: 200, y1: 50))
    }

    @Test func aLineIsFullWhenTheNextWordWouldNotHaveFitted() {
        // Ghostscript's tight 12 pt boxes: 22.6 pt left after 股票代码：, and 000157 is 36 pt wide.
        func line(_ text: String, x0: Double, x1: Double, y: Double, firstWord: Double) -> TextLine {
            TextLine(box: Box(x0: x0, y0: y, x1: x1, y1: y + 12), text: text, glyphHeight: 12, firstWordWidth: firstWord)
        }
        let first = line("☑主板 ☐新三板挂牌 股票代码：", x0: 159.5, x1: 488, y: 322, firstWord: 0)
        let wrapped = line("000157 ☐尚未上市", x0: 159.5, x1: 257, y: 338, firstWord: 36)
        #expect(ParagraphBuilder.paragraphs(from: [first, wrapped], rightEdge: 510.6)
            == ["☑主板 ☐新三板挂牌 股票代码：000157 ☐尚未上市"])
        let newParagraph = line("公司简介", x0: 159.5, x1: 207.5, y: 338, firstWord: 12)
        #expect(ParagraphBuilder.paragraphs(from: [first, newParagraph], rightEdge: 510.6).count == 2)
        // The first unbreakable unit: an ASCII word; a bracket with the character after it.
        let digits = "000157 ☐".unicodeScalars.enumerated().compactMap { index, scalar in
            scalar == " " ? nil : Glyph(scalar: scalar, box: Box(x0: Double(index) * 6, y0: 0, x1: Double(index) * 6 + 6, y1: 12))
        }
        #expect(LineBuilder.firstWordWidth(digits, height: 12) == 36)
        let bracket = "（请注明）".unicodeScalars.enumerated().map { index, scalar in
            Glyph(scalar: scalar, box: Box(x0: Double(index) * 12, y0: 0, x1: Double(index) * 12 + 12, y1: 12))
        }
        #expect(LineBuilder.firstWordWidth(bracket, height: 12) == 24)
    }

    /// A table of full-width rows placed with column lines 0, 400.
    func fullWidth(_ rows: [String], fullCells: Set<Int> = [], page: Int) -> TableContinuation.Placed {
        let cells = rows.enumerated().map { row, text in
            TableCell(row: row, column: 0, blocks: text.isEmpty ? [] : [.paragraph(Paragraph(text: text, page: page))])
        }
        return TableContinuation.Placed(table: Table(cells: cells, rowCount: rows.count, columnCount: 1, page: page),
                                        columnLines: [0, 400], fullCells: fullCells)
    }

    @Test func fullWidthValueCutBetweenParagraphsGoesOn() throws {
        let first = fullWidth(["应用场景简介", "本场景面向城市管理部门的实际需求。"], page: 3)
        let merged = try #require(TableContinuation.merged(first, fullWidth(["项目总投资2800万元，已完成建设。", "人工智能关键技术及产品"], page: 4)))
        #expect(merged.table.rowCount == 3)
        #expect(merged.table.value(below: "应用场景简介") == "本场景面向城市管理部门的实际需求。\n项目总投资2800万元，已完成建设。")
        #expect(merged.table.cell(row: 1, column: 0)?.blocks.count == 2)
        // A heading row that did not fit stays a row of its own.
        let heading = try #require(TableContinuation.merged(first, fullWidth(["人工智能关键技术及产品", "采用大模型技术。"], page: 4)))
        #expect(heading.table.rowCount == 4)
        #expect(heading.table.value(below: "应用场景简介") == "本场景面向城市管理部门的实际需求。")
    }

    @Test func valueCutBetweenParagraphsStartsANewParagraph() throws {
        let cells = [TableCell(row: 0, column: 0, blocks: [.paragraph(Paragraph(text: "单位简介", page: 2))]),
                     TableCell(row: 0, column: 1, blocks: [.paragraph(Paragraph(text: "现有员工2757人。", page: 2))])]
        let first = TableContinuation.Placed(table: Table(cells: cells, rowCount: 1, columnCount: 2, page: 2),
                                             columnLines: [0, 100, 400])
        let next = [TableCell(row: 0, column: 0, blocks: []),
                    TableCell(row: 0, column: 1, blocks: [.paragraph(Paragraph(text: "公司组建了研发团队。", page: 3))])]
        let merged = try #require(TableContinuation.merged(first, TableContinuation.Placed(
            table: Table(cells: next, rowCount: 1, columnCount: 2, page: 3), columnLines: [0, 100, 400])))
        #expect(merged.table.rowCount == 1)
        #expect(merged.table.value(rightOf: "单位简介") == "现有员工2757人。\n公司组建了研发团队。")
    }

    @Test func newRowOfAMergedLabelIsNotJoined() throws {
        // 奖励荣誉 spans two rows; the break falls between them.
        func row(_ texts: [String], page: Int) -> TableContinuation.Placed {
            let cells = texts.enumerated().map { column, text in
                TableCell(row: 0, column: column, blocks: text.isEmpty ? [] : [.paragraph(Paragraph(text: text, page: page))])
            }
            return TableContinuation.Placed(table: Table(cells: cells, rowCount: 1, columnCount: 3, page: page),
                                            columnLines: [0, 60, 300, 400])
        }
        let merged = try #require(TableContinuation.merged(row(["奖励荣誉", "获得国家（部）级奖励数（个）", "0"], page: 2),
                                                           row(["", "获得省级奖励数（个）", "3"], page: 3)))
        #expect(merged.table.rowCount == 2)
        #expect(merged.table.value(rightOf: "获得国家（部）级奖励数（个）") == "0")
        #expect(merged.table.value(rightOf: "获得省级奖励数（个）") == "3")
        #expect(merged.table.cells.first { $0.text == "奖励荣誉" }?.rowSpan == 2)
    }
}

/// PDFs made at test time with Chromium and Ghostscript.
@Suite struct PDFPrintVariantsToolTests {
    @Test(.enabled(if: systemTool("chromium") != nil, "chromium not installed"))
    func chromiumPrintIsReadAsTables() throws {
        let folder = try makeTemporaryFolderURL("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let paragraphs = (1...60).map { "<p>第\($0)段，本单位持续投入研发。</p>" }.joined()
        // A narrow label column (labels one character a line), a table wider than the text area (its
        // right border clipped), a nested table, and a cell running over the page break.
        let html = """
            <html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC";font-size:12pt}
            table{width:103%;border:1px solid #000} td{border:1px solid #000} td.l{width:2em} p{margin:0}</style></head><body>
            <p>一、单位基本情况表</p>
            <table><tr><td class="l">单位名称</td><td>武汉智造未来科技有限公司</td></tr>
            <tr><td class="l">联系人情况</td><td><table style="width:100%"><tr><td>负责人姓名</td><td>张三</td><td>电话</td>
            <td>13800001111</td></tr></table></td></tr>
            <tr><td class="l">单位简介</td><td>\(paragraphs)</td></tr>
            <tr><td class="l">上市情况</td><td>未上市</td></tr></table></body></html>
            """
        let htmlFile = folder.appendingPathComponent("book.html"), pdf = folder.appendingPathComponent("book.pdf")
        try html.write(to: htmlFile, atomically: true, encoding: .utf8)
        try runQuietly(try #require(systemTool("chromium")),
                     ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                      "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                      "--print-to-pdf=\(pdf.path)", htmlFile.absoluteString], in: folder)
        try #require(FileManager.default.fileExists(atPath: pdf.path), "chromium wrote no PDF")
        let document = try PDFReader.read(path: pdf.path)
        let tables = document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        #expect(table.value(rightOf: "单位名称") == "武汉智造未来科技有限公司")
        #expect(table.value(rightOf: "负责人姓名") == "张三")
        #expect(table.value(rightOf: "电话") == "13800001111")
        #expect(table.value(rightOf: "上市情况") == "未上市")
        let introduction = table.value(rightOf: "单位简介")
        #expect(introduction == (1...60).map { "第\($0)段，本单位持续投入研发。" }.joined(separator: "\n"))
    }

    @Test(.enabled(if: systemTool("gs") != nil, "ghostscript not installed"))
    func textDrawnAsOutlinesIsLikeAScan() throws {
        let folder = try makeTemporaryFolderURL("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gs = try #require(systemTool("gs"))
        let outlined = folder.appendingPathComponent("outlined.pdf").path
        try runQuietly(gs, ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                          "-o", outlined, PDFFixture.path("application_form.pdf")], in: folder)
        try #require(FileManager.default.fileExists(atPath: outlined), "gs wrote no PDF")
        let document = try PDFReader.read(path: outlined)
        #expect(document.scanned && document.blocks.isEmpty)
        #expect(document.notes.contains { $0.message.contains("没有文字层") })
        // With a real page number stamped on the outlines, it still is.
        let numbered = folder.appendingPathComponent("numbered.pdf").path
        try runQuietly(gs, ["-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-o", numbered, "-c",
                          "<< /EndPage { exch pop 2 ne { /Helvetica findfont 9 scalefont setfont 290 30 moveto (- 1 -) show true } { false } ifelse } >> setpagedevice",
                          "-f", outlined], in: folder)
        try #require(FileManager.default.fileExists(atPath: numbered), "gs wrote no PDF")
        let stamped = try PDFReader.read(path: numbered)
        #expect(stamped.scanned && stamped.blocks.isEmpty)
    }
}
