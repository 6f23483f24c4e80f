import CPoppler
import Foundation
import Testing
import ShenbaoTestSupport
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

/// The LibreOffice export of `Fixtures/pdf/application_form.docx` (see `make_fixtures.py`).
@Suite struct PDFReaderFixtureTests {
    static let document = Result { try PDFReader.read(path: PDFFixture.path("application_form.pdf")) }

    var document: Document { get throws { try Self.document.get() } }
    var tables: [Table] {
        get throws { try document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } } }
    }

    @Test func readsThreeTablesAndTheTextAroundThem() throws {
        let document = try document
        #expect(!document.scanned)
        #expect(document.pageCount == 1)
        #expect(try tables.map { [$0.rowCount, $0.columnCount] } == [[7, 7], [4, 5], [7, 2]])
        let paragraphs = document.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.map(\.text) == [
            "湖北省工业领域专用模型项目申报书", "申报单位：武汉智造未来科技有限公司", "一、单位基本情况表",
            "二、应用场景申报表", "申报日期：2026年4月1日",
        ])
        #expect(paragraphs.allSatisfy { $0.page == 1 })
        // Reading order: the heading comes right before its table.
        guard case .paragraph(let heading) = document.blocks[2], case .table = document.blocks[3] else {
            Issue.record("heading and table out of order")
            return
        }
        #expect(heading.text == "一、单位基本情况表")
    }

    @Test func drawnCheckBoxesAndARowCutByAPageBreak() throws {
        let document = try PDFReader.read(path: PDFFixture.path("checkboxes_pagebreak.pdf"))
        let tables = document.blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
        #expect(document.pageCount == 2)
        #expect(tables.map { [$0.rowCount, $0.columnCount] } == [[4, 2]])
        let table = try #require(tables.first)
        #expect(table.page == 1)
        #expect(table.value(rightOf: "单位性质")?.split(separator: " ") == ["☐国家机关", "☑民营企业", "☐外资企业"])
        #expect(table.value(rightOf: "上市情况") == "未上市")
        #expect(table.value(rightOf: "单位简介") == String(repeating: "本单位成立于二〇一五年，专注工业视觉与智能制造软件。", count: 14))
    }

    @Test func valueSitsRightOfItsLabel() throws {
        let table = try tables[0]
        #expect(table.value(rightOf: "单位名称") == "武汉智造未来科技有限公司")
        #expect(table.value(rightOf: "统一社会信用代码") == "91420100MA4K2B3C4D")
        // LibreOffice's CJK/Latin spacing (珞喻路 1037 号 A 座) is undone.
        #expect(table.value(rightOf: "单位地址") == "武汉市洪山区珞喻路1037号A座")
        #expect(table.page == 1)
    }

    @Test func rowWithThreeLabelValuePairs() throws {
        let table = try tables[0]
        let row = table.cells(inRow: 4).map(\.text)
        #expect(row == ["联系人情况", "负责人姓名", "张三", "职务", "总经理", "电话", "13800001111"])
        #expect(table.cells(inRow: 5).map(\.text) == ["申报人姓名", "李四", "职务", "项目经理", "电话", "13900002222"])
    }

    @Test func groupLabelSpansItsRows() throws {
        let table = try tables[0]
        let group = try #require(table.cells.first { $0.text == "联系人情况" })
        #expect(group.rowSpan == 2 && group.columnSpan == 1)
        #expect(table.cell(row: 5, column: 0)?.text == "联系人情况")
        // A value merged across the six value columns is one cell.
        #expect(table.cell(row: 0, column: 4)?.text == "武汉智造未来科技有限公司")
        #expect(table.cells(inRow: 0).count == 2)
    }

    @Test func wrappedLongValueIsOneCellWithTheOriginalText() throws {
        let table = try tables[0]
        let cell = try #require(table.cells.first { $0.row == 6 && $0.column == 1 })
        #expect(cell.columnSpan == 6)
        #expect(cell.blocks.count == 1)
        #expect(cell.text.filter { !$0.isWhitespace } == PDFFixture.longIntroduction)
        // Its vertically centred label was not glued into the value's lines.
        #expect(table.cell(row: 6, column: 0)?.text == "单位情况介绍")
    }

    @Test func checkboxGlyphsStayInTheText() throws {
        let table = try tables[0]
        let text = try #require(table.value(rightOf: "单位性质"))
        #expect(text == "☐国有企业 ☐合资企业 ☑民营企业 ☐外资企业 ☐事业单位 ☐其他（请注明）")
    }

    @Test func matrixIntersectionOfHeaderAndRowLabel() throws {
        let table = try tables[1]
        #expect(table.cells(inRow: 0).map(\.text) == ["联系方式", "姓 名", "职 务", "手 机", "电子邮箱"])
        #expect(table.value(row: "单位负责人", column: "姓 名") == "王五")
        #expect(table.value(row: "AI技术负责人", column: "职 务") == "首席科学家")
        #expect(table.value(row: "申报联系人", column: "手 机") == "13500005555")
        // An e-mail that LibreOffice broke across two lines is rejoined without a space.
        #expect(table.value(row: "AI技术负责人", column: "电子邮箱") == "zhaoliu@example.com")
    }

    @Test func fullWidthLabelRowIsFollowedByItsValueRow() throws {
        let table = try tables[2]
        #expect(table.value(below: "应用场景类型（限选1项）") == "☑制造 ☐医疗 ☐交通 ☐教育 ☐其他：")
        let intro = try #require(table.value(below: "应用场景简介"))
        #expect(intro.filter { !$0.isWhitespace } == PDFFixture.sceneIntroduction)
        #expect(table.value(rightOf: "项目建设起止时间") == "2024年3月1日至2026年6月30日")
    }

    @Test func shortLineEndsAParagraphInsideACell() throws {
        let table = try tables[2]
        let cell = try #require(table.cells.first { $0.row == 6 && $0.column == 1 })
        #expect(cell.blocks.map(\.text) == ["检测效率提升三倍。", "年节约成本400万元。"])
    }
}

/// Real-world files from the shared corpus.
@Suite(.enabled(if: PDFFixture.corpus != nil, "shared corpus not found"))
struct PDFReaderCorpusTests {
    func path(_ relative: String) -> String { (PDFFixture.corpus ?? "") + "/" + relative }

    @Test(arguments: ["pdfjs/issue3371.pdf", "pdfjs/pr6531_1.pdf", "pdfjs/print_protection.pdf"])
    func passwordProtectedPDFIsEncrypted(file: String) {
        #expect(throws: ReadError.encrypted("PDF 文件设置了密码，无法读取；请提交未加密的 PDF")) {
            try PDFReader.read(path: path(file))
        }
    }

    @Test func encryptedWithEmptyUserPasswordIsReadable() throws {
        let document = try PDFReader.read(path: path("pdfjs/bug900822.pdf"))
        #expect(document.blocks.map(\.text).joined().contains("Test test"))
    }

    @Test(arguments: ["pdfjs/REDHAT-1531897-0.pdf", "pdfjs/issue18986.pdf", "pdfjs/bug1980958.pdf"])
    func brokenPDFIsDamaged(file: String) {
        #expect {
            try PDFReader.read(path: path(file))
        } throws: { error in
            guard let error = error as? ReadError, case .damaged(let message) = error else { return false }
            return message.contains("损坏")
        }
    }

    @Test(arguments: ["pdfjs/poppler-395-0-fuzzed.pdf", "pdfjs/poppler-742-0-fuzzed.pdf",
                      "pdfjs/poppler-937-0-fuzzed.pdf", "pdfjs/GHOSTSCRIPT-698804-1-fuzzed.pdf",
                      "pdfjs/PDFBOX-3148-2-fuzzed.pdf"])
    func fuzzedPDFIsDamagedOrReadWithoutCrash(file: String) {
        do {
            let document = try PDFReader.read(path: path(file))
            #expect(document.format == .pdf)
        } catch {
            #expect(error.code == "read.damaged")
        }
    }

    @Test(arguments: ["cn-wbj12138-VocationalCollege/0_315_科技创新体系建设工程.pdf",
                      "cn-wbj12138-VocationalCollege/0_415X_先进制造业集群培育工程.pdf"])
    func imageOnlyPrintIsScanned(file: String) throws {
        let document = try PDFReader.read(path: path(file))
        #expect(document.scanned)
        #expect(document.blocks.isEmpty)
        #expect(document.notes.contains { $0.message.contains("没有文字层") })
    }

    @Test func cjkTextPDFGivesRealChinese() throws {
        let document = try PDFReader.read(path: path("cn-PingGuoHenHaoChi-CommitmentLetter/承诺书.pdf"))
        #expect(!document.scanned)
        #expect(document.pageCount == 3)
        let text = document.blocks.map(\.text).joined()
        #expect(text.contains("参与声明及健康安全责任承诺书"))
        #expect(!text.unicodeScalars.contains { ScanDetector.isJunk($0) })
    }

    @Test func governmentNoticeTableIsRebuilt() throws {
        let document = try PDFReader.read(path: path("cn-thisDy-NATIONAL/发明专利申请初步审查合格通知书.pdf"))
        #expect(!document.scanned)
        #expect(document.blocks.map(\.text).joined().contains("南京市白下区中山东路198号"))
        // The date right of the 发文日 box's side, level with the contact line, is not read into it.
        #expect(document.blocks.map(\.text).contains("柏尚春(025-84698058)"))
    }

    @Test func checkBoxesDrawnAsPicturesAreRead() throws {
        // Each box is a small image with a soft mask.
        let document = try PDFReader.read(path: path("pdfjs/160F-2019.pdf"))
        #expect(document.blocks.map(\.text).joined().contains("oui ☐ non ☐"))
    }

    @Test(arguments: ["pdfjs/arial_unicode_ab_cidfont.pdf", "pdfjs/issue3405r.pdf", "pdfjs/XiaoBiaoSong.pdf"])
    func fontsWithoutUnicodeMapAreScannedNotGarbage(file: String) throws {
        let document = try PDFReader.read(path: path(file))
        #expect(document.scanned)
        #expect(document.blocks.isEmpty)
        #expect(document.notes.contains { $0.message.contains("ToUnicode") })
    }

    @Test func documentReaderDispatchesToThePDFReader() throws {
        let document = try DocumentReader.read(path: path("cn-PingGuoHenHaoChi-CommitmentLetter/承诺书.pdf"))
        #expect(document.format == .pdf)
    }
}

/// The geometry steps on their own.
@Suite struct PDFGeometryTests {
    func glyphs(_ text: String, x: Double, y: Double, width: Double = 10, gap: Double = 0) -> [Glyph] {
        text.unicodeScalars.enumerated().map { index, scalar in
            let x0 = x + Double(index) * (width + gap)
            return Glyph(scalar: scalar, box: Box(x0: x0, y0: y, x1: x0 + width, y1: y + 13))
        }
    }

    @Test func cjkLatinSpacingIsRemovedAndWordSpacingKept() {
        #expect(SpacingNormalizer.normalize("大街 1 号") == "大街1号")
        #expect(SpacingNormalizer.normalize("2026 年 3 月") == "2026年3月")
        #expect(SpacingNormalizer.normalize("AI 技术负责人") == "AI技术负责人")
        #expect(SpacingNormalizer.normalize("Hello world A & B") == "Hello world A & B")
        #expect(SpacingNormalizer.normalize("姓 名") == "姓 名")
    }

    @Test func linesFollowGeometryNotInputOrder() {
        // A label vertically centred between two value lines stays its own line.
        let value1 = glyphs("第一行", x: 100, y: 0), value2 = glyphs("第二行", x: 100, y: 15)
        let label = glyphs("标签", x: 10, y: 7.5)
        // In any order the glyphs come (fixed seeds, so a failing order can be replayed).
        for seed in UInt64(1)...8 {
            var random = SeededRandom(seed: seed)
            let lines = LineBuilder.lines(from: (value2 + label + value1).shuffled(using: &random))
            #expect(lines.map(\.text) == ["第一行", "标签", "第二行"], "seed \(seed)")
        }
    }

    @Test func verticalRuleBetweenGlyphsCutsTheLine() {
        // A contact line and, right of a box's side, a date on the same height (a notice's 发文日 box).
        let band = glyphs("柏尚春", x: 100, y: 100) + glyphs("2023", x: 300, y: 98)
        let side = Rule(position: 250, start: 50, end: 200)
        #expect(LineBuilder.lines(from: band, dividers: [side]).map(\.text) == ["柏尚春", "2023"])
        // A rule that ends above the text, or one under a glyph, cuts nothing.
        let short = Rule(position: 250, start: 50, end: 105)
        #expect(LineBuilder.lines(from: band, dividers: [short]).map(\.text) == ["柏尚春  2023"])
        #expect(LineBuilder.lines(from: band, dividers: [Rule(position: 105, start: 50, end: 200)]).count == 1)
    }

    @Test func wordSizedGapsBecomeSpaces() {
        let line = LineBuilder.line(from: glyphs("ab", x: 0, y: 0, width: 5) + glyphs("cd", x: 14, y: 0, width: 5))
        #expect(line.text == "ab cd")
        #expect(LineBuilder.line(from: glyphs("☐国有", x: 0, y: 0, gap: -0.02)).text == "☐国有")
    }

    @Test func wrappedLinesJoinWithoutSpacesBetweenCJK() {
        #expect(ParagraphBuilder.join("本单位成立于", "二〇一五年", previousLine: "本单位成立于") == "本单位成立于二〇一五年")
        #expect(ParagraphBuilder.join("The quick brown", "fox", previousLine: "The quick brown") == "The quick brown fox")
        #expect(ParagraphBuilder.join("wangwu@exa", "mple.com", previousLine: "wangwu@exa") == "wangwu@example.com")
    }

    @Test func equalShortCoverLinesStaySeparateParagraphs() {
        // Two cover lines of the same length, single-spaced, on an A4 page with a 90 pt left margin.
        let cover = glyphs("申报单位：某某公司", x: 90, y: 100) + glyphs("模型名称：某某模型", x: 90, y: 115)
        let blocks = PageLayout.layout(glyphs: cover, grids: [], page: 2, pageWidth: 595.3).blocks
        #expect(blocks.map(\.text) == ["申报单位：某某公司", "模型名称：某某模型"])
        // Lines that reach the right margin are one wrapped paragraph.
        let body = glyphs(String(repeating: "字", count: 41), x: 90, y: 100)
            + glyphs("完。", x: 90, y: 115)
        #expect(PageLayout.layout(glyphs: body, grids: [], page: 1, pageWidth: 595.3).blocks.count == 1)
        // A centred title line after a full line starts its own paragraph.
        let title = body.prefix(41) + glyphs("标题", x: 280, y: 115)
        #expect(PageLayout.layout(glyphs: Array(title), grids: [], page: 1, pageWidth: 595.3).blocks.count == 2)
    }

    @Test func doubleSpacedWrappedLinesStayOneParagraph() {
        // Full lines 31 pt apart with 13 pt boxes: the 18 pt gaps are this text's normal leading.
        let full = String(repeating: "字", count: 41)
        let lines = (0..<4).flatMap { glyphs(full, x: 90, y: 100 + Double($0) * 31) }
        #expect(PageLayout.layout(glyphs: lines, grids: [], page: 1, pageWidth: 595.3).blocks.count == 1)
        // A gap well beyond that leading starts a new paragraph, even after a full line.
        let spaced = lines + glyphs(full, x: 90, y: 260)
        #expect(PageLayout.layout(glyphs: spaced, grids: [], page: 1, pageWidth: 595.3).blocks.count == 2)
    }

    @Test func junkThresholdIsThirtyPercent() {
        let real = glyphs("申报单位名称武汉", x: 0, y: 0)
        let pua = glyphs("\u{E001}\u{E002}\u{E003}\u{E004}", x: 0, y: 20)
        #expect(!ScanDetector.tally(real + pua.prefix(3)).isJunk)  // 3 of 11 = 27 %
        #expect(ScanDetector.tally(real + pua).isJunk)  // 4 of 12 = 33 %
        #expect(ScanDetector.tally(glyphs("\u{FFFD}\u{FFFD}", x: 0, y: 0)).isJunk)
        #expect(!ScanDetector.tally([]).isJunk)
    }

    @Test func oddRectanglesNeverTrap() {
        let nan = PopplerRectangle(x1: .nan, y1: 0, x2: 1, y2: 1)
        let infinite = PopplerRectangle(x1: 0, y1: -.infinity, x2: 1, y2: 1)
        let inverted = PopplerRectangle(x1: 10, y1: 20, x2: 5, y2: 8)
        #expect(GlyphExtractor.sanitized(nan) == nil)
        #expect(GlyphExtractor.sanitized(infinite) == nil)
        #expect(GlyphExtractor.sanitized(inverted) == Box(x0: 5, y0: 8, x1: 10, y1: 20))
        let zero = [Glyph(scalar: "甲", box: Box(x0: 3, y0: 3, x1: 3, y1: 3)),
                    Glyph(scalar: "乙", box: Box(x0: 3, y0: 3, x1: 3, y1: 3))]
        #expect(LineBuilder.lines(from: zero).map(\.text) == ["甲乙"])
        #expect(ParagraphBuilder.paragraphs(from: []).isEmpty)
    }

    @Test func gridFromRulesKeepsMergedCells() throws {
        // Two rows, three columns; row 0's last two units are merged (no rule between them).
        let rules = Rules(
            horizontal: [Rule(position: 0, start: 0, end: 300), Rule(position: 20, start: 0, end: 300),
                         Rule(position: 40, start: 0, end: 300)],
            vertical: [Rule(position: 0, start: 0, end: 40), Rule(position: 100, start: 0, end: 40),
                       Rule(position: 200, start: 20, end: 40), Rule(position: 300, start: 0, end: 40)])
        let grid = try #require(TableGridBuilder.grids(from: rules).first)
        #expect(grid.rowCount == 2 && grid.columnCount == 3)
        #expect(grid.cells.contains(PDFTableGrid.Cell(row: 0, column: 1, rowSpan: 1, columnSpan: 2)))
        #expect(grid.cells.count == 5)
        #expect(grid.cellIndex(x: 250, y: 10).map { grid.cells[$0].column } == 1)
        #expect(TableGridBuilder.grids(from: Rules(horizontal: rules.horizontal)).isEmpty)
    }

    @Test func joinedRuleKeepsTheLeftmostStart() {
        // A check box's bottom edge found a hair above the row border it touches, and the border.
        let joined = RuleDetector.joined([Rule(position: 294.75, start: 198.5, end: 212),
                                          Rule(position: 295.5, start: 74, end: 515.5)])
        #expect(joined.count == 1)
        #expect(joined.first.map { [$0.start, $0.end] } == [74, 515.5])
    }

    @Test func rulesComeFromThinStraightMarksOutsideText() {
        // A page with a 12 pt line of text at y 100–112, painted with: a border through the text
        // (longer than any character), an underline under two characters, a thick bar, a slanted stroke.
        let text = glyphs("申报单位名称", x: 50, y: 100)
        func straight(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PaintedMark {
            PaintedMark(box: Box(x0: x0, y0: y0, x1: x1, y1: y1))
        }
        let marks = [straight(40, 105.75, 400, 106.25), straight(50, 108, 70, 108.5), straight(40, 200, 400, 210),
                     straight(40, 300, 40.5, 400), PaintedMark(box: Box(x0: 100, y0: 300, x1: 200, y1: 400))]
        let rules = RuleDetector.rules(in: marks, pageArea: 595 * 842, glyphs: text)
        #expect(rules.horizontal == [Rule(position: 106, start: 40, end: 400)])
        #expect(rules.vertical == [Rule(position: 40.25, start: 300, end: 400)])
        // Loose ink counts only on pages with almost no text: here six glyphs, the bar and the stroke.
        let looseArea: Double = 360 * 10 + 100 * 100
        #expect(rules.looseInk == looseArea / (595 * 842))
    }

    @Test func drawnSquaresBecomeCheckBoxGlyphs() throws {
        // A 12 pt square whose bottom edge lies on a row border, inside a two-row table.
        var rules = Rules(
            horizontal: [Rule(position: 0, start: 0, end: 300), Rule(position: 28, start: 100, end: 112),
                         Rule(position: 40, start: 0, end: 300), Rule(position: 80, start: 0, end: 300)],
            vertical: [Rule(position: 0, start: 0, end: 80), Rule(position: 100, start: 28, end: 40),
                       Rule(position: 112, start: 28, end: 40), Rule(position: 300, start: 0, end: 80)])
        let empty = DrawnCheckBoxes.extract(from: &rules, marks: [], glyphs: [])
        #expect(empty.map(\.scalar) == ["☐"])
        #expect(empty.first?.box == Box(x0: 100, y0: 28, x1: 112, y1: 40))
        // The square's edges are gone; the row border it sits on stays.
        #expect(rules.vertical.map(\.position) == [0, 300])
        #expect(rules.horizontal.map(\.position) == [0, 40, 80])
        #expect(TableGridBuilder.grids(from: rules).first.map { [$0.rowCount, $0.columnCount] } == [2, 1])

        // The same square with a cross in it is checked; one with text in it is a tiny cell.
        var crossed = Rules(horizontal: [Rule(position: 28, start: 100, end: 112), Rule(position: 40, start: 100, end: 112)],
                            vertical: [Rule(position: 100, start: 28, end: 40), Rule(position: 112, start: 28, end: 40)])
        let tiny = crossed
        // The cross's two slanted strokes, as painted marks (their bounding boxes).
        let cross = [PaintedMark(box: Box(x0: 100, y0: 28, x1: 112, y1: 40)),
                     PaintedMark(box: Box(x0: 100, y0: 28, x1: 112, y1: 40))]
        #expect(DrawnCheckBoxes.extract(from: &crossed, marks: cross, glyphs: []).map(\.scalar) == ["☑"])
        var cell = tiny
        #expect(DrawnCheckBoxes.extract(from: &cell, marks: cross, glyphs: glyphs("8", x: 102, y: 28)).isEmpty)
        #expect(cell == tiny)
    }

    @Test func wideGapBetweenCJKAndDigitsKeepsItsSpace() {
        // LibreOffice's own CJK/Latin spacing (2 pt here) goes; a blank after a label (8 pt) stays.
        let tight = glyphs("申报日期", x: 0, y: 0) + glyphs("2026", x: 42, y: 0)
        #expect(LineBuilder.lines(from: tight).map(\.text) == ["申报日期2026"])
        let wide = glyphs("申报日期", x: 0, y: 0) + glyphs("2026", x: 48, y: 0)
        #expect(LineBuilder.lines(from: wide).map(\.text) == ["申报日期  2026"])
        // A wrapped ASCII word and a box printed as £ keep the space between them.
        #expect(ParagraphBuilder.join("股票代码: 430322", "£尚未上市", previousLine: "股票代码: 430322") == "股票代码: 430322 £尚未上市")
    }

    /// A two-column label/value table placed with column lines 0, 100, 400.
    func placed(_ rows: [(String, String)], fullCells: Set<Int> = [], page: Int) -> TableContinuation.Placed {
        let cells = rows.enumerated().flatMap { row, texts in
            [TableCell(row: row, column: 0, blocks: texts.0.isEmpty ? [] : [.paragraph(Paragraph(text: texts.0, page: page))]),
             TableCell(row: row, column: 1, blocks: texts.1.isEmpty ? [] : [.paragraph(Paragraph(text: texts.1, page: page))])]
        }
        return TableContinuation.Placed(table: Table(cells: cells, rowCount: rows.count, columnCount: 2, page: page),
                                        columnLines: [0, 100, 400], fullCells: fullCells)
    }

    @Test func tableContinuedOnTheNextPageIsMerged() throws {
        let first = placed([("单位名称", "某公司"), ("单位简介", "本单位成立于")], fullCells: [3], page: 2)
        // A row cut by the break: its label cell on the next page is empty.
        let cut = try #require(TableContinuation.merged(first, placed([("", "二〇一五年。"), ("联系人", "张三")], page: 3)))
        #expect(cut.table.rowCount == 3 && cut.table.page == 2)
        #expect(cut.table.value(rightOf: "单位简介") == "本单位成立于二〇一五年。")
        #expect(cut.table.value(rightOf: "联系人") == "张三")
        // A label cut by the break (its last line full), with its value left on the first page.
        let longLabel = placed([("近三年通过省级以上鉴定或第三方科技", "14")], fullCells: [0], page: 2)
        let label = try #require(TableContinuation.merged(longLabel, placed([("成果评价的新产品数", "")], page: 3)))
        #expect(label.table.rowCount == 1)
        #expect(label.table.value(rightOf: "近三年通过省级以上鉴定或第三方科技成果评价的新产品数") == "14")
        // A new row: label and value under lines that are not full.
        let rows = try #require(TableContinuation.merged(first, placed([("联系人", "张三")], page: 3)))
        #expect(rows.table.rowCount == 3)
        #expect(rows.table.value(rightOf: "单位简介") == "本单位成立于")
        // A label wrapped across the break leaves only its unit on the next page, beside the rest of the value.
        let wrapped = placed([("研发成本组成", "购买服务21万元；")], page: 2)
        let unit = try #require(TableContinuation.merged(wrapped, placed([("(万元)", "员工工资59万元。")], page: 3)))
        #expect(unit.table.rowCount == 1)
        #expect(unit.table.value(rightOf: "研发成本组成\n(万元)")?.contains("员工工资59万元。") == true)
        // Another table (other outer edges) is not merged.
        var other = placed([("联系人", "张三")], page: 3)
        other.columnLines = [0, 100, 300]
        #expect(TableContinuation.merged(first, other) == nil)
    }
}

/// Test inputs: the committed fixtures and the shared corpus.
enum PDFFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pdf")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `../shared/corpus/public` next to the package root, else `/work/shared/corpus/public`.
    static let corpus: String? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { break }
            directory.deleteLastPathComponent()
        }
        let candidates = [directory.deletingLastPathComponent().appendingPathComponent("shared/corpus/public").path,
                          "/work/shared/corpus/public"]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/manifest.tsv") }
    }()

    /// The texts `make_fixtures.py` puts in the wrapped cells (without whitespace).
    static let longIntroduction = "本单位成立于二〇一五年，主营工业视觉检测与智能制造软件，拥有研发人员一百二十人，"
        + "其中人工智能方向博士八人。公司自主研发的缺陷检测大模型已在汽车零部件、钢铁和电子装配"
        + "等行业的四十余条产线落地应用，累计为客户节约质检成本三千余万元，并牵头制定团体标准两项。"
    static let sceneIntroduction = "场景面向汽车焊装车间，利用多模态大模型对焊点图像和工艺参数进行联合分析，"
        + "实现缺陷实时识别、根因追溯与参数自动优化，检测准确率由百分之九十二提升到百分之九十九点五，"
        + "单条产线每年减少返工损失约四百万元。"
}

/// The label lookups extraction does, written against the model only.
extension Table {
    /// The text of the cell right after the first cell whose text is `label`.
    func value(rightOf label: String) -> String? {
        guard let cell = cells.first(where: { $0.text == label }) else { return nil }
        return self.cell(row: cell.row, column: cell.column + cell.columnSpan)?.text
    }

    /// The text of the cell under the first cell whose text is `label`.
    func value(below label: String) -> String? {
        guard let cell = cells.first(where: { $0.text == label }) else { return nil }
        return self.cell(row: cell.row + cell.rowSpan, column: cell.column)?.text
    }

    /// The text where the row labelled `row` meets the column headed `column`.
    func value(row: String, column: String) -> String? {
        guard let rowCell = cells.first(where: { $0.text == row }),
              let columnCell = cells.first(where: { $0.text == column }) else { return nil }
        return cell(row: rowCell.row, column: columnCell.column)?.text
    }
}
