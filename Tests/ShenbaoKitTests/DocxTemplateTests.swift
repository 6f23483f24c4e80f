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

/// The Word template engine: tags split over runs, repeated rows and paragraphs, checkbox options,
/// escaping — checked by reading the rendered document back with the DOCX reader.
@Suite struct DocxTemplateTests {
    func run(_ text: String, bold: Bool = false) -> String {
        "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    func render(body: String, context: [String: Any]) throws -> Document {
        let template = try TestDocx.make(body: body)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-render-\(UUID().uuidString).docx").path
        try DocxTemplate(path: template).render(context, to: output, inputs: [template])
        return try DOCXReader.read(path: output)
    }

    @Test func tagSplitOverRunsIsMergedIntoItsFirstRun() throws {
        let body = "<w:p>" + run("单位：{{or") + run("g.na", bold: true) + run("me}}（盖章）") + "</w:p>"
        let document = try render(body: body, context: ["org": ["name": "甲 & 乙 <公司>"]])
        #expect(document.blocks.first?.text == "单位：甲 & 乙 <公司>（盖章）")
    }

    @Test func rowLoopRepeatsTheRowAndKeepsTheHeader() throws {
        let body = """
        <w:tbl><w:tr><w:tc><w:p>\(run("序号"))</w:p></w:tc><w:tc><w:p>\(run("名称"))</w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p>\(run("{{#rows}}{{n"))\(run("o}}"))</w:p></w:tc><w:tc><w:p>\(run("{{name}}{{/rows}}"))</w:p></w:tc></w:tr></w:tbl>
        """
        let document = try render(body: body, context: ["rows": [["no": "1", "name": "甲"], ["no": "2", "name": "乙"]]])
        guard case .table(let table)? = document.blocks.first else { Issue.record("no table"); return }
        #expect(table.rowCount == 3)
        #expect(table.cells(inRow: 2).map(\.text) == ["2", "乙"])
    }

    @Test func paragraphLoopAndOptionsAndLineBreaks() throws {
        let body = "<w:p>\(run("{{#items.org.consortium}}"))</w:p><w:p>\(run("- {{text}}"))</w:p><w:p>\(run("{{/items.org.consortium}}"))</w:p>"
            + "<w:p>\(run("{{#options.org.nature}}{{mark}}{{text}} {{/options.org.nature}}"))</w:p>"
            + "<w:p>\(run("{{org.intro}}"))</w:p>"
        let spec = try loadSpec("hubei-industrial-model-2026")
        let record = Record(call: spec.id, file: "x", fields: [
            "org.consortium": .strings(["武汉理工大学", "华中数控"]),
            "org.nature": .string("其他：民办非企业单位"),
            "org.intro": .string("第一段。\n第二段。"),
        ])
        let document = try render(body: body, context: TemplateContext.make(record: record, spec: spec))
        let texts = document.blocks.map(\.text)
        #expect(texts.prefix(2) == ["- 武汉理工大学", "- 华中数控"])
        #expect(texts[2] == "☐国有企业 ☐合资企业 ☐民营企业 ☐外资企业 ☐事业单位 ☑其他（请注明）：民办非企业单位 ")
        #expect(texts[3] == "第一段。\n第二段。")
    }

    @Test func draftMarksMissingValues() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let context = TemplateContext.make(record: nil, spec: spec, draft: true)
        #expect((context["org"] as? [String: Any])?["uscc"] as? String == "【待补充：统一社会信用代码】")
    }

    @Test func unpairedSectionIsAClearError() throws {
        let template = try TestDocx.make(body: "<w:p>\(run("{{#rows}}"))</w:p>")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-render-\(UUID().uuidString).docx").path
        #expect(throws: DocxTemplate.RenderError.self) { try DocxTemplate(path: template).render([:], to: output) }
        #expect(!FileManager.default.fileExists(atPath: output), "a failed render left a file")
    }
}
