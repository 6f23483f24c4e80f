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

/// The locator vocabulary for forms of other shapes, on model documents (the real forms these come from
/// are read end to end by PublicFormCallsTests), and the rules that come with it.
@Suite struct LocatorTests {
    func fixtureSpec(_ id: String) throws -> CallSpec {
        try CallSpecLoader(directory: packageRoot() + "/Tests/Fixtures/calls").load(id)
    }

    @Test func theLabelAfterAnotherOneAndChoicesMarkedBelow() throws {
        let spec = try fixtureSpec("jiangsu-innovation-training")
        let cover = makeTable(columns: 2, [
            ["项目负责人：", "邓莹"], ["联系电话：", "13900000001"], ["指导教师：", "胡凯"], ["联系电话：", "13900000002"],
        ])
        let main = makeTable(columns: 6, [
            [("项目来源", 2), "A", "B", "C", "来源项目名称"],
            ["^", "", "√", "", "某企业委托课题"],
        ])
        let record = Extractor(spec: spec).extract(Document(path: "b.docx", format: .docx, blocks: [
            .table(cover), .paragraph(Paragraph(text: "填表说明")), .table(main),
        ]))
        #expect(record.fields["cover.leader_phone"] == .string("13900000001"))
        #expect(record.fields["cover.teacher_phone"] == .string("13900000002"))
        #expect(record.fields["project.source"] == .string("B"))
        #expect(record.locations["project.source"]?.how == .marked)
        #expect(record.fields["project.source_name"] == .string("某企业委托课题"))
        #expect(record.locations["project.source_name"]?.how == .below)
    }

    @Test func headingsMarkersAndCapturePatterns() throws {
        let spec = try fixtureSpec("dachuang-application")
        let cell = """
            三、项目方案与进度安排：
            第一阶段（2019.5--2019.8）：
            （1）编写前端；
            （2）编写接口。
            第二阶段(二〇一九年九月至二〇一九年十二月)：
            （1）搭建服务器。
            """
        let blocks: [Block] = [
            .paragraph(Paragraph(text: "申报书")),
            .table(makeTable(columns: 1, [["一、项目简介：（200字以内）：\n本项目做一件事。"]])),
            .table(makeTable(columns: 1, [[cell]])),
        ]
        let record = Extractor(spec: spec).extract(Document(path: "d.docx", format: .docx, blocks: blocks))
        #expect(record.fields["summary"] == .string("本项目做一件事。"))
        #expect(record.locations["summary"]?.how == .heading)
        #expect(record.fields["plan.stage1.period"] == .range(start: "2019-05", end: "2019-08"))
        #expect(record.fields["plan.stage2.period"] == .range(start: "2019-09", end: "2019-12"))
        #expect(record.fields["plan.stage1.tasks"] == .strings(["编写前端；", "编写接口。"]))
        #expect(record.fields["plan.stage2.tasks"] == .strings(["搭建服务器。"]))
        #expect(record.fields["plan.stage3.period"] == nil)
    }

    @Test func headingTextRunsToTheNextHeadingOfItsNumbering() {
        let lines = ["二、项目方案", "1、研究背景（说明）", "现状。", "（1）细节", "2、研究目标", "目标。"]
        #expect(HeadingText.text(under: "研究背景", in: lines) == "现状。\n（1）细节")
        #expect(HeadingText.text(under: "研究目标", in: lines) == "目标。")
        #expect(HeadingText.text(under: "项目方案", in: lines) == lines.dropFirst().joined(separator: "\n"))
        #expect(HeadingText.text(under: "经费", in: lines) == nil)
        #expect(HeadingText.between("立项依据：甲\n乙\n前期准备：丙", from: "立项依据", to: "前期准备") == "甲\n乙")
        #expect(HeadingText.between("甲", from: "立项依据", to: nil) == nil)
    }

    @Test func lengthLimitsCountAsWordDoes() throws {
        // 本项目基于 (5) + Python + 3 + 开发 (2) + 。
        #expect(LengthRule.wordCount("本项目基于Python 3开发。") == 10)
        let spec = try fixtureSpec("dachuang-application")
        var record = Record(call: spec.id, file: "d.docx")
        record.fields["summary"] = .string(String(repeating: "字", count: 201))
        let findings = Validator(spec: spec, today: "2026-12-02").validate(record)
        #expect(findings.contains { $0.rule == "field.too-long" && $0.field == "summary" && $0.message.contains("限200字") })
        record.fields["summary"] = .string(String(repeating: "字", count: 200))
        #expect(!Validator(spec: spec, today: "2026-12-02").validate(record).contains { $0.rule == "field.too-long" })
    }

    @Test func aPDFCopyIsOptionalWhereTheCallSaysSo() throws {
        #expect(try fixtureSpec("dachuang-application").submission.pdfRequired == false)
        #expect(try loadSpec("hubei-industrial-model-2026").submission.pdfRequired == true)
    }
}
