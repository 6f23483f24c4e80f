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

/// What the DOCX reader used to lose on other projects' own test files (pandoc, docx2python,
/// docx4j, mammoth, python-docx, Apache POI): drop-down form fields, Symbol-font characters, list
/// numbers and bullets, footnotes. Expected texts were checked against the XML and against
/// LibreOffice's rendering of each file.
@Suite struct PeerSuiteLossTests {
    // MARK: Helpers

    /// Reads a file of the public corpus; fails (not skips) when `../shared` is missing.
    private func corpus(_ relative: String) throws -> Document {
        try #require(Corpus.available, "缺少 ../shared/corpus/public，无法运行同类项目测试文件的检查")
        return try DOCXReader.read(path: Corpus.path(relative))
    }

    private func texts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph): return [paragraph.text]
            case .table(let table): return table.cells.flatMap { texts($0.blocks) }
            }
        }
    }

    private func cellTexts(_ document: Document) -> [String] {
        document.blocks.flatMap { block -> [String] in
            if case .table(let table) = block { return table.cells.map(\.text) } else { return [] }
        }
    }

    /// A docx with `body`, and `numbering` as word/numbering.xml when given.
    private func make(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> Document {
        var entries: [(name: String, content: TestZipWriter.Content)] = [
            ("[Content_Types].xml", .text(TestDocx.contentTypes)),
            ("_rels/.rels", .text(TestDocx.packageRels(target: "word/document.xml"))),
            ("word/document.xml", .text(TestDocx.documentXML(body: body))),
        ]
        if let numbering {
            let part = """
                <?xml version="1.0"?><w:numbering xmlns:w="\(TestDocx.transitional)" \
                xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\(numbering)</w:numbering>
                """
            entries.append(("word/numbering.xml", .text(part)))
        }
        if let styles { entries.append(("word/styles.xml", .text(styles))) }
        return try DOCXReader.read(path: TestDocx.package(entries))
    }

    // MARK: 1. Drop-down form fields

    /// docx2python's check_drop_my.docx: a legacy FORMDROPDOWN without `w:result` shows its first
    /// entry; content-control drop-downs show their displayed text, a placeholder reads as empty.
    @Test func legacyDropDownShowsItsEntry() throws {
        let lines = texts(try corpus("docx2python/check_drop_my.docx").blocks)
        let field = try #require(lines.firstIndex(of: "User dropdown (Piihan B)"))
        #expect(lines[field + 1] == "Piihan B")
        #expect(lines.contains("my_item_A"))
        #expect(lines.contains("my_item_B"))
        #expect(!lines.contains("Choose an item."))
    }

    /// Apache POI's tika-3816.docx: a drop-down content control wrapping a whole table cell and
    /// still showing "Choose an item." reads as an empty cell, like placeholders elsewhere.
    @Test func dropDownControlWrappingCellShowingPlaceholderIsEmpty() throws {
        let table = try #require(try corpus("apache-poi/tika-3816.docx").blocks.compactMap { block -> Table? in
            if case .table(let table) = block { table } else { nil }
        }.first)
        #expect(table.cell(row: 1, column: 0)?.text == "")
        #expect(table.cell(row: 1, column: 1)?.text == "Here is just a sample")
    }

    /// `w:result` picks the entry; the field's (empty or stale) result runs are not added.
    @Test func legacyDropDownUsesResultIndex() throws {
        let field = """
            <w:r><w:t>学历：</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="学历"/>\
            <w:enabled/><w:ddList><w:result w:val="2"/><w:listEntry w:val="请选择"/><w:listEntry w:val="博士"/>\
            <w:listEntry w:val="硕士"/><w:listEntry w:val="学士"/></w:ddList></w:ffData></w:fldChar></w:r>\
            <w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>请选择</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>（全日制）</w:t></w:r>
            """
        let bad = """
            <w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:ddList><w:result w:val="9"/><w:default w:val="1"/>\
            <w:listEntry w:val="男"/><w:listEntry w:val="女"/></w:ddList></w:ffData></w:fldChar></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>
            """
        #expect(texts(try make(W.p(field) + W.p(W.r("性别：") + bad)).blocks) == ["学历：硕士（全日制）", "性别：女"])
    }

    // MARK: 2. Symbol font

    /// mammoth's simple-list.docx: the bullet is U+F0B7 in the Symbol font, which Word draws as •.
    @Test func symbolFontBulletOfPeerFile() throws {
        #expect(texts(try corpus("mammoth-js/simple-list.docx").blocks) == ["•\tApple", "•\tBanana"])
    }

    /// Runs in Symbol and `w:sym` in Symbol read as the Adobe Symbol glyphs (≤ not £), in both the
    /// byte and the F0xx form; Wingdings boxes stay checkboxes.
    @Test func symbolFontCharactersMapToUnicode() throws {
        let symbolRun = "<w:r><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr><w:t>\u{A3}\u{B3}\u{B8}abpS</w:t></w:r>"
        func sym(_ font: String, _ code: String) -> String { "<w:r><w:sym w:font=\"\(font)\" w:char=\"\(code)\"/></w:r>" }
        let body = W.p(W.r("x") + symbolRun)
            + W.p(W.r("a") + sym("Symbol", "F0A3") + W.r("b") + sym("Symbol", "F0B4") + W.r("c")
                + sym("Symbol", "F0B1") + sym("Symbol", "F0B0") + sym("Symbol", "F0E5") + sym("Symbol", "F0D6")
                + sym("Symbol", "F0A5") + sym("Symbol", "F0B9") + sym("Symbol", "F0BB") + sym("Symbol", "F0AE"))
            + W.p(sym("Wingdings", "F0FE") + W.r("是") + sym("Wingdings", "F0A8") + W.r("否"))
        let document = try make(body)
        #expect(texts(document.blocks) == ["x≤≥÷αβπΣ", "a≤b×c±°∑√∞≠≈→", "☑是☐否"])
    }

    // MARK: 3. List numbering

    /// docx4j's NumberingImplicitNumId.docx: numbering comes from paragraph styles, the numId only
    /// from the `basedOn` chain, the level from each style.
    @Test func styleNumberingOfPeerFile() throws {
        let lines = texts(try corpus("docx4j/NumberingImplicitNumId.docx").blocks)
        #expect(lines.contains("Section 1.\tGENERAL.  "))
        #expect(lines.contains { $0.hasPrefix("1.1\tBlah blah") })
        #expect(lines.contains { $0.hasPrefix("(a)\tblah blah") })
        #expect(lines.contains("Section 2.\tOTHER.  "))
        #expect(lines.contains { $0.hasPrefix("2.2\tblah blah") })
    }

    /// docx2python's Pages file: `w:numStyleLink`, `w:startOverride`, lists sharing one definition.
    @Test func startOverridesAndLinkedStylesOfPeerFile() throws {
        let lines = texts(try corpus("docx2python/created-in-pages-bulleted-lists.docx").blocks)
        #expect(lines.map { String($0.prefix(3)) }.dropFirst() == ["1.\t", "A.\t", "B.\t", "C.\t", "2.\t", "D.\t", "E.\t", "F.\t"])
        #expect(lines.contains("D.\t42"))
    }

    /// docx2python's strict.docx: numbering in the strict (ISO) namespace reads the same.
    @Test func strictNamespaceListsOfPeerFile() throws {
        let lines = texts(try corpus("docx2python/strict.docx").blocks)
        #expect(lines.prefix(4) == ["•\tBullet1", "•\tBullet2", "1.\tNumber1", "2.\tNumber2"])
    }

    /// pandoc's table_with_list_cell.docx: bullets and numbers inside a table cell.
    @Test func listsInTableCellOfPeerFile() throws {
        let cells = cellTexts(try corpus("pandoc/table_with_list_cell.docx"))
        #expect(cells.contains("1.\tCell with\n2.\tA\n3.\tNumbered list."))
        #expect(cells.contains { $0.hasPrefix("•\tCell with\n•\tA") })
    }

    /// Chinese formats, `lvlText` with several levels (`w:isLgl` writes the upper level in decimals),
    /// level restart, `numId` 0, start values, suffixes, a blank numbered paragraph that still counts,
    /// a Wingdings box bullet read as a checkbox, and a format in alternate content (its fallback).
    @Test func chineseNumberingFormats() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>\
            </w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0A8}"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><mc:AlternateContent><mc:Choice Requires="w14">\
            <w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/>\
            </mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>\
            <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>\
            <w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>\
            <w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
            """
        func numbered(_ text: String, _ numId: Int, _ level: Int = 0) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr>\(W.r(text))</w:p>"
        }
        let materials = (1...7).map { numbered("材料\($0)", 1) }.joined()
        let body = numbered("申报书", 2) + numbered("预算", 2) + numbered("总则", 1) + numbered("细则", 1, 1)
            + numbered("细则", 1, 1) + numbered(" ", 1) + numbered("附则", 1) + numbered("细则", 1, 1)
            + numbered("不编号", 0) + materials + numbered("同意", 3) + numbered("甲", 4) + numbered("乙", 4) + numbered("第一", 5)
        let lines = texts(try make(body, numbering: numbering).blocks)
        #expect(lines == [
            "九、申报书", "十、预算", "（一）总则", "1.1 细则", "1.2 细则", "（三）附则", "3.1 细则", "不编号",
            "（四）材料1", "（五）材料2", "（六）材料3", "（七）材料4", "（八）材料5", "（九）材料6", "（十）材料7",
            "☐\t同意", "①甲", "②乙", "01. 第一",
        ], "\(lines)")
    }

    /// A damaged numbering part loses labels only, with a note.
    @Test func damagedNumberingPartOnlyLosesLabels() throws {
        let body = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\(W.r("正文"))</w:p>"
        let document = try make(body, numbering: "<w:num w:numId=\"1\">")
        #expect(texts(document.blocks) == ["正文"])
        #expect(document.notes.contains { $0.message.contains("编号定义") })
    }

    // MARK: 4. Footnotes and endnotes

    /// pandoc's notes.docx: note texts stay out of the body, the reference marks are not glued to
    /// the text, and the user is told.
    @Test func footnotesAndEndnotesOfPeerFileAreReported() throws {
        let document = try corpus("pandoc/notes.docx")
        #expect(texts(document.blocks) == ["A footnote", "Test footnote. Test endnote."])
        #expect(document.notes.map(\.message).contains("文档含有脚注 1 条、尾注 1 条，其文字未计入正文"))
    }

    /// Apache POI's table_footnotes.docx: a cell with a footnote reference keeps its exact text.
    @Test func footnoteInTableCellKeepsCellText() throws {
        let document = try corpus("apache-poi/table_footnotes.docx")
        #expect(cellTexts(document).contains("slove"))
        #expect(document.notes.map(\.message).contains("文档含有脚注 1 条，其文字未计入正文"))
    }

    /// mammoth's endnotes.docx and pandoc's comments.docx.
    @Test func endnotesAndCommentsOfPeerFilesAreReported() throws {
        let endnotes = try corpus("mammoth-js/endnotes.docx")
        #expect(texts(endnotes.blocks) == ["Ouch."])
        #expect(endnotes.notes.map(\.message).contains("文档含有尾注 2 条，其文字未计入正文"))
        let comments = try corpus("pandoc/comments.docx")
        #expect(comments.notes.map(\.message).contains("文档含有批注 5 条，其文字未读取"))
    }
}
