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

/// Reads a docx built from a body fragment.
private func read(_ body: String, namespace: String = TestDocx.transitional, styles: String? = nil) throws -> Document {
    try DOCXReader.read(path: TestDocx.make(body: body, namespace: namespace, styles: styles))
}

private func paragraphs(_ blocks: [Block]) -> [Paragraph] {
    blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
}

private func tables(_ blocks: [Block]) -> [Table] {
    blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
}

/// Every table in the blocks, nested ones included.
private func allTables(_ blocks: [Block]) -> [Table] {
    tables(blocks).flatMap { [$0] + $0.cells.flatMap { allTables($0.blocks) } }
}

private func checkboxes(_ paragraph: Paragraph) -> [Bool] {
    paragraph.inlines.compactMap { if case .checkbox(let checked) = $0 { checked } else { nil } }
}

/// The `ReadError` thrown by `body`, or nil.
private func readError(_ body: () throws -> Void) -> ReadError? {
    do {
        try body()
        return nil
    } catch let error as ReadError {
        return error
    } catch {
        return nil
    }
}

@Suite struct DOCXReaderTextTests {
    /// The quick count before parsing refuses more than `maxCells` cell tags, and counts `<w:tc>` and `<w:tc …>`
    /// only (not `<w:tcPr>`, `<w:tcW>`).
    @Test func tooManyCellTagsAreRefusedBeforeParsing() throws {
        let limit = BodyReader.maxCells
        let properties = Array(String(repeating: "<w:tcPr/><w:tcW w:w=\"1\"/>", count: limit + 1).utf8)
        try BodyReader.refuseOversizedTables(properties)
        try BodyReader.refuseOversizedTables(Array(String(repeating: "<w:tc>", count: limit).utf8))
        for cell in ["<w:tc>", "<w:tc w:x=\"1\">", "<w:tc/>", "<w:tc\n>"] {
            #expect(throws: ReadError.self) { try BodyReader.refuseOversizedTables(Array(String(repeating: cell, count: limit + 1).utf8)) }
        }
    }

    @Test func textSplitAcrossRunsJoins() throws {
        let document = try read(W.p(W.r("{{or") + "<w:proofErr w:type=\"spellStart\"/>" + W.r("g.na")
            + "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>" + W.r("me}}")))
        #expect(paragraphs(document.blocks).map(\.inlines) == [[.text("{{org.name}}")]])
    }

    @Test func tabsBreaksAndHyphens() throws {
        let document = try read(W.p("""
            <w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t>\
            <w:noBreakHyphen/><w:t>E</w:t><w:softHyphen/></w:r>
            """))
        #expect(paragraphs(document.blocks).first?.inlines
            == [.text("A"), .tab, .text("B"), .lineBreak, .text("C"), .lineBreak, .text("D-E")])
    }

    @Test func trackedChangesReadAsAccepted() throws {
        let document = try read(W.p(W.r("保留") + "<w:ins w:id=\"1\" w:author=\"a\">\(W.r("插入"))</w:ins>"
            + "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\">\(W.r("移出"))</w:moveFrom>"
            + "<w:moveTo w:id=\"4\" w:author=\"a\">\(W.r("移入"))</w:moveTo>"))
        #expect(paragraphs(document.blocks).map(\.text) == ["保留插入移入"])
        #expect(document.notes.contains { $0.message.contains("修订") })
    }

    @Test func deletedParagraphMarkJoinsNextParagraph() throws {
        let deletedMark = "<w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr>"
        let document = try read("<w:p>\(deletedMark)\(W.r("甲"))</w:p>" + W.p(W.r("乙")) + W.p(W.r("丙")))
        #expect(paragraphs(document.blocks).map(\.text) == ["甲乙", "丙"])
    }

    @Test func fieldInstructionsDroppedResultsKept() throws {
        let document = try read(W.p(W.r("姓名：")
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText> MERGEFIELD name </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(W.r("嵌套结果"))"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\(W.r("张三"))"
            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:fldSimple w:instr=\" PAGE \">\(W.r("，第3页"))</w:fldSimple>"))
        #expect(paragraphs(document.blocks).map(\.text) == ["姓名：张三，第3页"])
    }

    @Test func unterminatedFieldDoesNotHideLaterParagraphs() throws {
        let document = try read(W.p("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>X</w:instrText></w:r>")
            + W.p(W.r("后文")))
        #expect(paragraphs(document.blocks).map(\.text) == ["后文"])
    }

    @Test func alternateContentTakesOneBranch() throws {
        func body(requires: String) -> String {
            W.p("<w:r><mc:AlternateContent><mc:Choice Requires=\"\(requires)\"><w:t>选择</w:t></mc:Choice>"
                + "<mc:Fallback><w:t>备选</w:t></mc:Fallback></mc:AlternateContent></w:r>")
        }
        #expect(paragraphs(try read(body(requires: "x9")).blocks).map(\.text) == ["备选"])
        #expect(paragraphs(try read(body(requires: "w14")).blocks).map(\.text) == ["选择"])
    }

    @Test func wrappersAreReadThrough() throws {
        let document = try read(W.p("<w:sdt><w:sdtPr/><w:sdtContent>\(W.r("A"))</w:sdtContent></w:sdt>"
            + "<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\">\(W.r("B"))</w:hyperlink>"
            + "<w:smartTag w:element=\"x\">\(W.r("C"))</w:smartTag>"
            + "<w:customXml w:element=\"y\">\(W.r("D"))</w:customXml>")
            + "<w:sdt><w:sdtPr/><w:sdtContent>\(W.p(W.r("块级")))</w:sdtContent></w:sdt>"
            + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\(W.p(W.r("单击此处输入文字")))</w:sdtContent></w:sdt>")
        #expect(paragraphs(document.blocks).map(\.text) == ["ABCD", "块级"])
    }

    @Test func textBoxReadOnceAfterItsParagraph() throws {
        let box = "<w:txbxContent>\(W.p(W.r("框内文字")))</w:txbxContent>"
        let document = try read(W.p(W.r("前") + """
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>\
            <wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>\
            </mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict>\
            </mc:Fallback></mc:AlternateContent></w:r>
            """ + W.r("后")) + W.p(W.r("下一段")))
        #expect(paragraphs(document.blocks).map(\.text) == ["前后", "框内文字", "下一段"])
    }

    @Test func rubyKeepsBaseTextAndAltChunkIsNoted() throws {
        let document = try read(W.p("<w:r><w:ruby><w:rubyPr/><w:rt>\(W.r("shēn"))</w:rt>"
            + "<w:rubyBase>\(W.r("申"))</w:rubyBase></w:ruby></w:r>" + W.r("报"))
            + "<w:altChunk r:id=\"rId5\" xmlns:r=\"urn:r\"/>")
        #expect(paragraphs(document.blocks).map(\.text) == ["申报"])
        #expect(document.notes.contains { $0.message.contains("altChunk") })
    }

    @Test func unicodeCheckGlyphsStayText() throws {
        let glyphs = "☐ ☑ ☒ ■ □ √ ✓"
        let document = try read(W.p(W.r(glyphs)))
        #expect(paragraphs(document.blocks).first?.inlines == [.text(glyphs)])
    }

    @Test func emptyParagraphsDropped() throws {
        let document = try read(W.p("") + W.p(W.r("  ")) + W.p(W.r("内容")))
        #expect(document.blocks.count == 1)
    }

    @Test func styleNamesAndHeadingLevels() throws {
        let styles = TestDocx.stylesXML([("1", "heading 1", 0), ("a3", "标题 2", nil), ("Outline", "大纲", 2),
                                         ("Title", "Title", nil), ("Normal", "Normal", nil)])
        let document = try read(W.p(W.r("一"), style: "1") + W.p(W.r("二"), style: "a3") + W.p(W.r("三"), style: "Outline")
            + W.p(W.r("题"), style: "Title") + W.p(W.r("正文"), style: "Normal") + W.p(W.r("无样式"), style: "Missing")
            + "<w:p><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr>\(W.r("直接大纲"))</w:p>", styles: styles)
        let result = paragraphs(document.blocks)
        #expect(result.map(\.style) == ["heading 1", "标题 2", "大纲", "Title", "Normal", "Missing", nil])
        #expect(result.map(\.headingLevel) == [1, 2, 3, 1, nil, nil, 4])
    }

    /// A styles part broken where the style sheet reads it costs its styles, with a note; one odd only inside
    /// run properties (which the style sheet leaves out) keeps them.
    @Test func damagedStylesPartIsNoted() throws {
        let body = W.p(W.r("一"), style: "1")
        let style = "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>"
        let open = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(TestDocx.transitional)\">"
        let broken = try read(body, styles: open + style + "<w:pPr><w:outlineLvl w:val=\"0\"></w:pPr></w:style></w:styles>")
        #expect(broken.notes.map(\.kind) == [.damagedStyles])
        #expect(paragraphs(broken.blocks).map(\.style) == ["1"])
        #expect(paragraphs(broken.blocks).map(\.headingLevel) == [nil])
        let odd = try read(body, styles: open + style + "<w:rPr><w:lang w:val=\"&nbsp;\" x:y=\"1\"/></w:rPr></w:style></w:styles>")
        #expect(odd.notes.isEmpty)
        #expect(paragraphs(odd.blocks).map(\.headingLevel) == [1])
    }

    @Test func strictNamespaceIsRead() throws {
        let document = try read(W.p(W.r("严格格式")) + "<w:tbl><w:tr>\(W.tc("格"))</w:tr></w:tbl>",
                                namespace: TestDocx.strict)
        #expect(paragraphs(document.blocks).map(\.text) == ["严格格式"])
        #expect(tables(document.blocks).first?.cell(row: 0, column: 0)?.text == "格")
    }

    @Test func elementsOfOtherNamespacesIgnored() throws {
        let document = try read(W.p("<x9:r><w:t>外来</w:t></x9:r>" + W.r("本地")))
        #expect(paragraphs(document.blocks).map(\.text) == ["本地"])
    }
}

@Suite struct DOCXReaderTableTests {
    private let grid3 = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    private let restart = "<w:vMerge w:val=\"restart\"/>"
    private let proceed = "<w:vMerge/>"

    @Test func gridSpanAndVerticalMerge() throws {
        let body = "<w:tbl>\(grid3)"
            + "<w:tr>\(W.tc("A", properties: "<w:gridSpan w:val=\"2\"/>"))\(W.tc("B", properties: restart))</w:tr>"
            + "<w:tr>\(W.tc("C"))\(W.tc("D"))<w:tc><w:tcPr>\(proceed)</w:tcPr><w:p/></w:tc></w:tr>"
            + "<w:tr>\(W.tc("E", properties: restart))\(W.tc("F"))\(W.tc("G"))</w:tr>"
            + "<w:tr>\(W.tc("", properties: "<w:vMerge w:val=\"continue\"/>"))\(W.tc("H"))\(W.tc("I"))</w:tr></w:tbl>"
        let table = try #require(tables(try read(body).blocks).first)
        #expect(table.rowCount == 4)
        #expect(table.columnCount == 3)
        #expect(table.cells.count == 9)
        #expect(table.cell(row: 0, column: 1)?.text == "A")
        #expect(table.cell(row: 1, column: 2)?.text == "B")
        #expect(table.cell(row: 3, column: 0)?.text == "E")
        let b = try #require(table.cells.first { $0.text == "B" })
        #expect((b.row, b.column, b.rowSpan, b.columnSpan) == (0, 2, 2, 1))
        #expect(table.cells(inRow: 3).map(\.text) == ["H", "I"])
    }

    @Test func gridBeforeAndShortRows() throws {
        let body = "<w:tbl>\(grid3)<w:tr>\(W.tc("1"))\(W.tc("2"))\(W.tc("3"))</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>\(W.tc("中"))</w:tr>"
            + "<w:tr>\(W.tc("短"))</w:tr></w:tbl>"
        let table = try #require(tables(try read(body).blocks).first)
        #expect(table.cell(row: 1, column: 0) == nil)
        #expect(table.cell(row: 1, column: 1)?.text == "中")
        #expect(table.cell(row: 1, column: 2) == nil)
        #expect(table.cells(inRow: 2).map(\.text) == ["短"])
        #expect(table.cell(row: 2, column: 1) == nil)
    }

    @Test func nestedTableStaysInsideItsCell() throws {
        let inner = "<w:tbl><w:tr>\(W.tc("内1"))\(W.tc("内2"))</w:tr></w:tbl>"
        let body = "<w:tbl><w:tr><w:tc>\(W.p(W.r("外")))\(inner)<w:p/></w:tc>\(W.tc("旁"))</w:tr></w:tbl>"
        let outer = try #require(tables(try read(body).blocks).first)
        let cell = try #require(outer.cell(row: 0, column: 0))
        let nested = try #require(tables(cell.blocks).first)
        #expect(paragraphs(cell.blocks).map(\.text) == ["外"])
        #expect(nested.cells(inRow: 0).map(\.text) == ["内1", "内2"])
        #expect(outer.cells.count == 2)
    }

    @Test func inconsistentGridsAreClamped() throws {
        let body = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>\(W.tc("无上", properties: proceed))\(W.tc("宽", properties: "<w:gridSpan w:val=\"99999\"/>"))</w:tr>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"70000\"/></w:trPr>\(W.tc("远"))</w:tr>"
            + "<w:tr>\(W.tc("负", properties: "<w:gridSpan w:val=\"-3\"/>"))</w:tr></w:tbl>"
        let table = try #require(tables(try read(body).blocks).first)
        #expect(table.cells.map(\.text) == ["无上", "宽", "远", "负"])
        #expect(table.columnCount == 2)
        #expect(table.cell(row: 0, column: 1)?.text == "宽")
        #expect(table.cell(row: 1, column: 1)?.text == "远")
        #expect(table.cells.allSatisfy { $0.column + $0.columnSpan <= 2 && $0.columnSpan >= 1 })
    }

    @Test func deletedRowsAndWrappedRowsAndCells() throws {
        let body = "<w:tbl><w:tr><w:trPr><w:del w:id=\"1\" w:author=\"a\"/></w:trPr>\(W.tc("删"))</w:tr>"
            + "<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:customXml>\(W.tc("包"))</w:customXml></w:tr></w:sdtContent></w:sdt></w:tbl>"
        let table = try #require(tables(try read(body).blocks).first)
        #expect(table.rowCount == 1)
        #expect(table.cells.map(\.text) == ["包"])
    }
}

@Suite struct DOCXReaderCheckboxTests {
    private func contentControl(_ checked: String?) -> String {
        let state = checked.map { $0.isEmpty ? "<w14:checked/>" : "<w14:checked w14:val=\"\($0)\"/>" } ?? ""
        return "<w:sdt><w:sdtPr><w14:checkbox>\(state)<w14:checkedState w14:val=\"2612\"/>"
            + "<w14:uncheckedState w14:val=\"2610\"/></w14:checkbox></w:sdtPr>"
            + "<w:sdtContent>\(W.r("☒"))</w:sdtContent></w:sdt>"
    }

    @Test func contentControlCheckboxes() throws {
        let values: [String?] = ["1", "0", "true", "false", "", nil]
        let document = try read(W.p(values.map(contentControl).joined(separator: W.r("|"))))
        let paragraph = try #require(paragraphs(document.blocks).first)
        #expect(checkboxes(paragraph) == [true, false, true, false, true, false])
        #expect(paragraph.text == "☑|☐|☑|☐|☑|☐")
    }

    private func formField(_ checkBox: String) -> String {
        "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Check1\"/><w:enabled/>"
            + "<w:checkBox><w:sizeAuto/>\(checkBox)</w:checkBox></w:ffData></w:fldChar></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    }

    @Test func legacyFormFieldCheckboxes() throws {
        let document = try read(W.p(formField("<w:default w:val=\"1\"/>") + W.r("甲")
            + formField("<w:default w:val=\"0\"/>") + W.r("乙")
            + formField("<w:default w:val=\"0\"/><w:checked/>") + W.r("丙")
            + formField("<w:default w:val=\"1\"/><w:checked w:val=\"false\"/>") + W.r("丁")
            + formField("") + W.r("戊")))
        let paragraph = try #require(paragraphs(document.blocks).first)
        #expect(paragraph.text == "☑甲☐乙☑丙☐丁☐戊")
    }

    private func sym(_ font: String, _ char: String) -> String {
        "<w:r><w:sym w:font=\"\(font)\" w:char=\"\(char)\"/></w:r>"
    }

    @Test func symbolCharacters() throws {
        let document = try read(W.p(sym("Wingdings", "F0FE") + sym("Wingdings", "F0A8") + sym("Wingdings", "F078")
            + sym("Wingdings", "F06F") + sym("Wingdings 2", "F052") + sym("Wingdings 2", "00A3")
            + sym("Wingdings 2", "F054") + sym("Symbol", "F0D6") + sym("Wingdings", "F04A") + sym("宋体", "2610")))
        let paragraph = try #require(paragraphs(document.blocks).first)
        #expect(paragraph.inlines == [.checkbox(checked: true), .checkbox(checked: false), .checkbox(checked: true),
                                      .checkbox(checked: false), .checkbox(checked: true), .checkbox(checked: false),
                                      .checkbox(checked: true), .text("√☐")])
    }

    private func fontRun(_ text: String, _ fonts: String) -> String {
        "<w:r><w:rPr><w:rFonts \(fonts)/></w:rPr><w:t>\(text)</w:t></w:r>"
    }

    @Test func symbolFontTextRuns() throws {
        let wingdings2 = "w:ascii=\"Wingdings 2\" w:hAnsi=\"Wingdings 2\""
        let wingdings = "w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\""
        let wpsStyle = "w:hint=\"eastAsia\" w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"Wingdings 2\""
        let document = try read(W.p(fontRun("R", wingdings2) + W.r("是") + fontRun("£", wingdings2) + W.r("否")
            + fontRun("T", wingdings2) + fontRun("þ", wingdings) + fontRun("¨", wingdings) + fontRun("ý", wingdings)
            + fontRun("o", wingdings) + fontRun("£", wpsStyle) + fontRun("R", wpsStyle) + W.r("R£")))
        let paragraph = try #require(paragraphs(document.blocks).first)
        #expect(paragraph.text == "☑是☐否☑☑☐☑☐☐RR£")
        #expect(checkboxes(paragraph) == [true, false, true, true, false, true, false, false])
    }
}

@Suite struct DOCXReaderPackageTests {
    private func parts(main: String, rels: String, document: String) -> [(name: String, content: TestZipWriter.Content)] {
        [("[Content_Types].xml", .text(TestDocx.contentTypes)), ("_rels/.rels", .text(TestDocx.packageRels(target: rels))),
         (main, .text(document))]
    }

    @Test func mainDocumentFoundThroughRelationship() throws {
        let path = try TestDocx.package(parts(main: "custom/main part.xml", rels: "/custom/main%20part.xml",
                                              document: TestDocx.documentXML(body: W.p(W.r("另一路径")))))
        #expect(paragraphs(try DOCXReader.read(path: path).blocks).map(\.text) == ["另一路径"])
    }

    @Test func brokenRelationshipFallsBackToConventionalName() throws {
        let path = try TestDocx.package(parts(main: "word/document.xml", rels: "word/missing.xml",
                                              document: TestDocx.documentXML(body: W.p(W.r("回退")))))
        #expect(paragraphs(try DOCXReader.read(path: path).blocks).map(\.text) == ["回退"])
    }

    @Test func nonZipAndMissingDocumentAreReadErrors() throws {
        let junk = try TestDocx.file(Array("这不是压缩包".utf8))
        #expect(readError { _ = try DOCXReader.read(path: junk) }?.code == "read.not-this-format")

        let noDocument = try TestDocx.package([("[Content_Types].xml", .text(TestDocx.contentTypes))])
        let missing = readError { _ = try DOCXReader.read(path: noDocument) }
        #expect(missing?.code == "read.not-this-format")
        #expect(missing?.message.contains("word/document.xml") == true)

        let valid = try Array(Data(contentsOf: URL(fileURLWithPath: try TestDocx.make(body: W.p(W.r("x"))))))
        let truncated = try TestDocx.file(Array(valid.prefix(valid.count / 2)))
        #expect(readError { _ = try DOCXReader.read(path: truncated) }?.code == "read.damaged")

        #expect(readError { _ = try DOCXReader.read(path: "/nonexistent/none.docx") } != nil)
    }

    @Test func malformedXMLAndOtherPackagesAreReadErrors() throws {
        let broken = try TestDocx.package(parts(main: "word/document.xml", rels: "word/document.xml",
                                                document: "<w:document xmlns:w=\"\(TestDocx.transitional)\"><w:body>"))
        #expect(readError { _ = try DOCXReader.read(path: broken) }?.code == "read.damaged")

        let workbook = try TestDocx.package(parts(main: "xl/workbook.xml", rels: "xl/workbook.xml",
                                                  document: "<workbook xmlns=\"urn:x\"/>"))
        #expect(readError { _ = try DOCXReader.read(path: workbook) }?.code == "read.not-this-format")
    }

    @Test func externalEntityRejected() throws {
        let document = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <w:document xmlns:w="\(TestDocx.transitional)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        let path = try TestDocx.package(parts(main: "word/document.xml", rels: "word/document.xml", document: document))
        let error = readError { _ = try DOCXReader.read(path: path) }
        #expect(error?.code == "read.limit-exceeded")
        #expect(error?.message.contains("root:") == false)

        let external = document.replacingOccurrences(of: "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]",
                                                     with: "SYSTEM \"file:///etc/passwd\"")
            .replacingOccurrences(of: "&xxe;", with: "x")
        let externalPath = try TestDocx.package(parts(main: "word/document.xml", rels: "word/document.xml",
                                                      document: external))
        #expect(readError { _ = try DOCXReader.read(path: externalPath) }?.code == "read.limit-exceeded")
    }

    @Test func billionLaughsRejected() throws {
        var entities = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document = """
            <?xml version="1.0"?><!DOCTYPE w:document [\(entities)]>\
            <w:document xmlns:w="\(TestDocx.transitional)"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
            """
        let path = try TestDocx.package(parts(main: "word/document.xml", rels: "word/document.xml", document: document))
        // Refused (by libxml2's entity limits or for its DTD) before anything is expanded.
        let code = readError { _ = try DOCXReader.read(path: path) }?.code
        #expect(code == "read.limit-exceeded" || code == "read.damaged", "\(String(describing: code))")
    }

    @Test func zipBombsRejected() throws {
        let huge = try TestDocx.package([("_rels/.rels", .text(TestDocx.packageRels(target: "word/document.xml"))),
                                         ("word/document.xml", .zeros(300 << 20))])
        #expect(try FileManager.default.attributesOfItem(atPath: huge)[.size] as? Int ?? 0 < 1 << 20)
        let error = readError { _ = try DOCXReader.read(path: huge) }
        #expect(error?.code == "read.limit-exceeded")
        #expect(error?.message.contains("压缩炸弹") == true)

        // Under the size cap, but compressed about a thousandfold.
        let dense = try TestDocx.package([("word/document.xml", .zeros(24 << 20))])
        #expect(readError { _ = try DOCXReader.read(path: dense) }?.code == "read.limit-exceeded")
    }

    @Test func archiveEnforcesTotalAndEntryCountLimits() throws {
        let entries: [(name: String, content: TestZipWriter.Content)] = (0..<5).map { ("part\($0).xml", .text(String(repeating: "x", count: 1000))) }
        let path = try TestDocx.package(entries)
        let tight = ZipArchive.Limits(maxEntrySize: 4000, maxTotalSize: 2500, maxEntries: 10)
        let archive = try ZipArchive(path: path, limits: tight)
        #expect(try archive.read("part0.xml")?.count == 1000)
        #expect(try archive.read("PART1.XML")?.count == 1000)
        #expect(readError { _ = try archive.read("part2.xml") }?.code == "read.limit-exceeded")
        #expect(try archive.read("absent.xml") == nil)

        let few = ZipArchive.Limits(maxEntries: 3)
        #expect(readError { _ = try ZipArchive(path: path, limits: few) }?.code == "read.limit-exceeded")
    }

    /// An entry whose data does not inflate to its CRC is refused as damaged (a wrong CRC, a flipped byte in the
    /// deflated data); one whose declared size is wrong is read as its data inflates, the size never being trusted.
    @Test func damagedEntriesAreRefused() throws {
        // Varied text, so that it is stored deflated over many blocks.
        var state: UInt32 = 20_261_207
        let text = (0..<4_000).map { _ -> String in
            state = state &* 1_103_515_245 &+ 12_345
            return "<w:t>\(state >> 16)</w:t>"
        }.joined()
        let good = try TestDocx.package([("part.xml", .text(text))])
        let archive = try ZipArchive(path: good)
        #expect(try archive.read("part.xml") == Array(text.utf8))
        #expect(archive.entriesInflatedWhole == 1, "read through libzip, not inflated whole by libdeflate")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: good)))
        func offsets(of signature: [UInt8]) -> [Int] {
            (0...(bytes.count - 4)).filter { Array(bytes[$0..<$0 + 4]) == signature }
        }
        let local = try #require(offsets(of: [0x50, 0x4B, 0x03, 0x04]).first)
        let central = try #require(offsets(of: [0x50, 0x4B, 0x01, 0x02]).first)
        let dataStart = local + 30 + Int(bytes[local + 26]) + Int(bytes[local + 27]) << 8 + Int(bytes[local + 28]) + Int(bytes[local + 29]) << 8
        // (CRC at 14 in the local header and 16 in the central one; uncompressed size at 22 and 24.)
        func patched(_ changes: [(Int, (UInt8) -> UInt8)]) throws -> String {
            var copy = bytes
            for (offset, change) in changes { copy[offset] = change(copy[offset]) }
            return try TestDocx.file(copy)
        }
        let flip: (UInt8) -> UInt8 = { $0 ^ 0x5A }
        let damages: [(String, [(Int, (UInt8) -> UInt8)])] = [("CRC", [(local + 14, flip), (central + 16, flip)]),
                                                              ("data", [(dataStart + 200, flip)])]
        for (what, changes) in damages {
            let error = readError { _ = try ZipArchive(path: try patched(changes)).read("part.xml") }
            #expect(error?.code == "read.damaged", "\(what): \(String(describing: error))")
        }
        let sizes: [(String, (UInt8) -> UInt8)] = [("size too small", { $0 &- 1 }), ("size too big", { $0 &+ 1 })]
        for (what, change) in sizes {
            let path = try patched([(local + 22, change), (central + 24, change)])
            #expect(try ZipArchive(path: path).read("part.xml") == Array(text.utf8), "\(what)")
        }
    }

    @Test func deepNestingIsReadErrorNotCrash() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "<w:customXml>", count: depth) + W.p(W.r("深")) + String(repeating: "</w:customXml>", count: depth)
        }
        #expect(paragraphs(try read(nested(100)).blocks).map(\.text) == ["深"])
        // Within libxml2's depth limit but beyond the reader's own.
        #expect(readError { _ = try read(nested(200)) }?.code == "read.limit-exceeded")
        // Beyond libxml2's limit: the part does not parse.
        #expect(readError { _ = try read(nested(300)) } != nil)
    }

    /// A 5 MB main part is read whole (its speed is measured in bench/, not here).
    @Test func fiveMegabyteDocumentIsReadWhole() throws {
        let row = "<w:tr>\(W.tc("单元格甲"))\(W.tc("单元格乙", properties: "<w:gridSpan w:val=\"2\"/>"))</w:tr>"
        let paragraph = W.p("<w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\"/></w:rPr><w:t>申报单位名称</w:t></w:r>"
            + W.r("（盖章）") + "<w:proofErr w:type=\"spellStart\"/>" + W.r("：某某人工智能科技有限公司"))
        var body = ""
        var rounds = 0
        while body.utf8.count < 5 << 20 {
            body += String(repeating: paragraph, count: 50) + "<w:tbl>" + String(repeating: row, count: 20) + "</w:tbl>"
            rounds += 1
        }
        let path = try TestDocx.make(body: body)
        let document = try DOCXReader.read(path: path)
        #expect(paragraphs(document.blocks).count == rounds * 50)
        #expect(paragraphs(document.blocks).first?.text == "申报单位名称（盖章）：某某人工智能科技有限公司")
        #expect(document.blocks.filter { if case .table = $0 { return true } else { return false } }.count == rounds)
    }
}

@Suite(.enabled(if: Corpus.available)) struct DOCXReaderCorpusTests {
    @Test func legacyCheckboxStates() throws {
        let document = try DOCXReader.read(path: Corpus.path("docx2python/checked-true-false.docx"))
        let result = paragraphs(document.blocks)
        #expect(result.count == 8)
        for paragraph in result {
            let expected = ["1", "true"].contains(paragraph.text.split(separator: " ").last.map(String.init) ?? "")
            #expect(paragraph.inlines.first == .checkbox(checked: expected), "\(paragraph.text)")
        }
    }

    @Test func contentControlCheckboxesWithoutGlyphs() throws {
        let document = try DOCXReader.read(path: Corpus.path("docx2python/check_drop_my.docx"))
        let texts = paragraphs(document.blocks).map(\.text)
        #expect(texts.contains("[user checked]☑[user checked]"))
        #expect(texts.contains("[my unchecked]☐[my unchecked]"))
        #expect(!texts.joined().contains("☒"))
    }

    @Test func trackedChangesInWordFiles() throws {
        let deletion = try DOCXReader.read(path: Corpus.path("pandoc/track_changes_deletion.docx"))
        #expect(paragraphs(deletion.blocks).map(\.text) == ["This is a text with a deletion."])
        let move = try DOCXReader.read(path: Corpus.path("pandoc/track_changes_move.docx"))
        #expect(paragraphs(move.blocks).map(\.text)
            == ["Here is some text.", "Here is the text to be moved.", "Here is some more text."])
    }

    @Test func alternateMainDocumentPathWithStyles() throws {
        let document = try DOCXReader.read(path: Corpus.path("pandoc/alternate_document_path.docx"))
        let first = try #require(paragraphs(document.blocks).first)
        #expect(first.text == "Test")
        #expect(first.style == "heading 1")
        #expect(first.headingLevel == 1)
    }

    @Test func strictWordFile() throws {
        let document = try DOCXReader.read(path: Corpus.path("docx2python/strict.docx"))
        #expect(paragraphs(document.blocks).map(\.text).prefix(2) == ["•\tBullet1", "•\tBullet2"])
        let table = try #require(tables(document.blocks).first)
        #expect(table.cells(inRow: 1).map(\.text) == ["Cellba", "Cellbb"])
    }

    @Test func chineseApplicationFormWithMergedCellsAndSymbolBoxes() throws {
        let document = try DOCXReader.read(path: Corpus.path("cn-wkf16-EEA_Management/申报表.docx"))
        #expect(paragraphs(document.blocks).contains { $0.text == "福州大学晋江校区大学生学科竞赛集训基地" })
        let all = allTables(document.blocks)
        let audience = try #require(all.first { $0.cells.contains { $0.text == "面向学生" } })
        let label = try #require(audience.cells.first { $0.text == "面向学生" })
        let value = try #require(audience.cells(inRow: label.row).first { $0.column == label.column + label.columnSpan })
        // "√" is typed text; the two empty boxes are w:sym Wingdings 2 00A3.
        #expect(paragraphs(value.blocks).first?.inlines
            == [.text("√所有学生 "), .checkbox(checked: false), .text("研究生 "), .checkbox(checked: false), .text("本科生")])
        let leader = try #require(audience.cells.first { $0.text == "基地负责人简介" })
        #expect(leader.rowSpan == 2)
        let team = try #require(audience.cells.first { $0.text == "教师指导团队情况" })
        #expect(team.rowSpan == 6)
        #expect(audience.cell(row: team.row + 5, column: team.column)?.text == "教师指导团队情况")
    }

    @Test func externalEntityFileRejected() {
        let error = readError { _ = try DOCXReader.read(path: Corpus.path("apache-poi/ExternalEntityInText.docx")) }
        #expect(error?.code == "read.limit-exceeded")
    }

    /// Every docx in the corpus either reads or fails with a `ReadError`; files the manifest marks as
    /// broken or encrypted fail, and the rest read.
    @Test func wholeCorpusReadsOrFailsCleanly() throws {
        let manifest = try String(contentsOfFile: Corpus.path("manifest.tsv"), encoding: .utf8)
        var read = 0
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, fields[3] == "docx" else { continue }
            let expectFailure = ["broken", "encrypted", "XXE"].contains { fields[4].contains($0) }
                || fields[0] == "apache-poi/stress025.docx"  // its "main document" is a theme part
            let error = readError { _ = try DOCXReader.read(path: Corpus.path(fields[0])) }
            #expect((error != nil) == expectFailure, "\(fields[0]): \(error?.message ?? "read")")
            if error == nil { read += 1 }
        }
        #expect(read > 150)
    }
}
