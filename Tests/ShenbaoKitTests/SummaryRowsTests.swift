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

/// Rows of the 汇总表 from records: 市州 from the recommending unit, the description cut from the
/// 项目概述, order, duplicates, data columns, title and lines.
@Suite struct SummaryRowsTests {
    let call: CallSpec
    let builder: SummaryBuilder

    init() throws {
        call = try loadSpec("hubei-industrial-model-2026")
        builder = SummaryBuilder(call: call, spec: try SummarySpec.load(for: call))
    }

    func record(_ name: String, recommender: String?, overview: String? = nil, file: String? = nil) -> Record {
        var record = Record(call: call.id, file: file ?? "\(name).docx", fields: [
            "org.name": .string(name), "model.name": .string(name + "模型"), "model.category": .string("任务型模型"),
            "model.industries": .strings(["原材料", "其他：能源"]), "cover.contact": .string("张三"),
            "cover.contact_phone": .string("027-85317019"),
        ])
        if let recommender { record.fields["cover.recommender"] = .string(recommender) }
        if let overview { record.passages["项目概述"] = overview }
        return record
    }

    @Test(arguments: [
        ("武汉市经济和信息化局", "武汉市"), ("恩施土家族苗族自治州经济和信息化局", "恩施州"), ("恩施州经信局", "恩施州"),
        ("神农架林区经济和信息化局", "神农架林区"), ("襄樊市经信委", "襄阳市"), ("潜江市经济和信息化局", "潜江市"),
        ("武汉东湖新技术开发区管委会", "武汉市"), ("湖北省经济和信息化厅", nil),
    ] as [(String, String?)])
    func regionFromTheRecommendingUnit(unit: String, region: String?) {
        #expect(builder.spec.regions?.region(in: unit) == region)
    }

    @Test func rowsOrderedByRegionThenInputWithIndexAndFormattedValues() {
        let table = builder.build(records: [
            record("乙公司", recommender: "宜昌市经济和信息化局"),
            record("甲公司", recommender: "武汉市经济和信息化局"),
            record("丙公司", recommender: "武汉市经济和信息化局"),
            record("丁公司", recommender: "神农架林区经济和信息化局"),
        ])
        #expect(table.rows.map { $0[0] } == ["1", "2", "3", "4"])
        #expect(table.rows.map { $0[1] } == ["武汉市", "武汉市", "宜昌市", "神农架林区"])
        #expect(table.rows.map { $0[2] } == ["甲公司", "丙公司", "乙公司", "丁公司"])
        #expect(table.rows[0][5] == "原材料、其他：能源")
        #expect(table.rows[0][7...8] == ["张三", "027-85317019"])
        // Several regions: the title's XX is left blank for the clerk.
        #expect(table.title == "______市工业领域专用模型申报信息汇总表")
    }

    @Test func titleAndLinesFromTheRecommenderGivenOrAgreedByTheBooks() {
        let books = [record("甲公司", recommender: "恩施土家族苗族自治州经济和信息化局"), record("乙公司", recommender: "恩施土家族苗族自治州经济和信息化局")]
        let agreed = builder.build(records: books)
        #expect(agreed.title == "恩施州工业领域专用模型申报信息汇总表")
        #expect(agreed.above == ["推荐单位：恩施土家族苗族自治州经济和信息化局（盖章）", "联系人及联系方式："])
        let given = builder.build(records: books, recommender: "武汉市经济和信息化局", contact: "沈顺 027-85317019")
        #expect(given.title == "武汉市工业领域专用模型申报信息汇总表")
        #expect(given.above == ["推荐单位：武汉市经济和信息化局（盖章）", "联系人及联系方式：沈顺 027-85317019"])
    }

    @Test func unknownRegionIsLeftBlankWithANote() {
        let table = builder.build(records: [record("甲公司", recommender: nil)])
        #expect(table.rows[0][1] == "")
        #expect(table.notes.count == 1 && table.notes[0].contains("市州") && table.notes[0].contains("未填写"))
    }

    /// A scan whose 推荐单位 OCR could not read: the note says so, not that the applicant left it blank.
    @Test func aScanWhoseRecommenderWasNotReadIsNotCalledBlank() {
        var scan = record("乙公司", recommender: nil, file: "乙公司.pdf")
        scan.scanned = true
        scan.ocr = OCRReading(fields: ["org.name": .init(text: "乙公司", page: 1, confidence: 90)], confidence: 88, pages: [])
        let notes = builder.build(records: [scan]).notes
        #expect(notes.contains { $0.contains("无法确定所属市州（扫描件，文字识别未能读出）") }, "\(notes)")
        #expect(!notes.contains { $0.contains("未填写") })
    }

    @Test func descriptionIsTheOverviewCutAtASentenceEndNear100() throws {
        let first = "本模型由甲公司自主研发，立项于2024年，旨在解决制造企业生产过程中质量波动大、人工经验依赖强等痛点问题。" // 52
        let second = "国内外同类模型多以通用大模型为主，行业适配不足，本模型面向细分行业深度适配。" // 38 → 90
        let third = "目前本项目已完成模型训练与试点验证，下一步将在二十家企业推广应用，并持续迭代模型能力，形成可复制的行业解决方案。" // long
        let table = builder.build(records: [record("甲公司", recommender: "武汉市经信局", overview: first + "\n" + second + "\n" + third)])
        let description = table.rows[0][6]
        #expect(description == first + second)
        #expect((60...130).contains(description.count))
    }

    @Test func passageCutRules() {
        #expect(PassageCut.cut("短的概述。", near: 100) == "短的概述。")
        let noStop = String(repeating: "字", count: 150)
        #expect(PassageCut.cut(noStop, near: 100) == String(repeating: "字", count: 100) + "…")
        let clause = String(repeating: "甲", count: 95) + "；" + String(repeating: "乙", count: 80) + "。"
        #expect(PassageCut.cut(clause, near: 100) == String(repeating: "甲", count: 95) + "。")
    }

    @Test func aDataColumnNamedLikeTheHeaderIsUsedAsGiven() throws {
        var row = record("甲公司", recommender: "武汉市经信局", overview: String(repeating: "很长的概述。", count: 40))
        row.passages["工业模型项目描述（100字左右）"] = "数据中给出的描述。"
        let table = builder.build(records: [row])
        #expect(table.rows[0][6] == "数据中给出的描述。")
    }

    @Test func theSameRowTwiceIsListedOnce() {
        let table = builder.build(records: [record("甲公司", recommender: "武汉市经信局", file: "a/甲.docx"),
                                            record("甲公司", recommender: "武汉市经信局", file: "a/甲.pdf")])
        #expect(table.rows.count == 1)
        #expect(table.notes.contains { $0.contains("只列一次") })
    }

    @Test func contactSplitsIntoNameAndPhone() {
        #expect(SummaryBuilder.splitContact("沈顺 027-85317019") == ("沈顺", "027-85317019"))
        #expect(SummaryBuilder.splitContact("刘磊，电话：020-83134288") == ("刘磊", "020-83134288"))
        #expect(SummaryBuilder.splitContact("刘磊") == ("刘磊", ""))
    }

    @Test func annualReportBlanksAndDataRows() throws {
        let call = try loadSpec("hubei-ai-annual-report-2023")
        let builder = SummaryBuilder(call: call, spec: try SummarySpec.load(for: call))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-summary-\(UUID().uuidString).csv").path
        try """
        市（州）,企业名称,企业负责人,企业负责人/联系方式(固话、手机),电子邮箱
        黄冈,甲公司,王五,"0713-8881234，13912345678",a@b.cn
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let records = try DataFileReader(spec: call).read(path: path)
        let blank = builder.build(records: records + [Record(call: call.id, file: "x", fields: ["company.name": .string("乙公司"), "report.city": .string("武汉市")])])
        #expect(blank.title == "_____市（州）人工智能重点企业报送表")
        #expect(blank.below == ["_____市（州）经信局报送联系人：_____，电话：_____"])
        let table = builder.build(records: records, contact: "周前进 85316971")
        #expect(table.title == "黄冈市人工智能重点企业报送表")
        #expect(table.below == ["黄冈市经信局报送联系人：周前进，电话：85316971"])
        #expect(table.rows[0] == ["1", "甲公司", "", "", "王五", "0713-8881234\n13912345678", "", "", "a@b.cn"])
    }
}
