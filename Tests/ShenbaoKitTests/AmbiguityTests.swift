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

/// No wrong value in silence: columns told by their header text, tables continued with their header
/// repeated, and every doubtful place left out with a reason instead of guessed.
@Suite struct AmbiguityTests {
    let years = ["2020 年度", "2021 年度", "2022 年度"]

    /// Guangdong's 企业经营状况 block: a `年度` header row over rows of figures (one per year column).
    func financeRows(_ keys: [String], years: [String], figures: (String, String) -> String) -> [[Any]] {
        var rows: [[Any]] = [[("年度", 2)] + years]
        let labels = ["revenue": "总营收 (万元)", "ai_hardware": "其中: AI 硬件收入", "ai_software": "AI 软件收入",
                      "ai_service": "AI 服务收入", "profit": "企业总利润", "rnd": "年度研发投入"]
        for key in keys {
            rows.append([(labels[key] ?? key, 2)] + years.map { figures(key, $0) })
        }
        return rows
    }

    /// A figure that says which year and row it belongs to, so a value from the wrong column shows.
    func figure(_ key: String, _ year: String) -> String {
        let base = ["revenue": 1000, "ai_hardware": 100, "ai_software": 200, "ai_service": 300, "profit": 50, "rnd": 80][key] ?? 0
        return String(base + Int(year.prefix(4))! - 2000)
    }

    func book(_ tables: [Table]) -> Document {
        var blocks: [Block] = [.paragraph(Paragraph(text: "一、申报单位基本情况表"))]
        for table in tables { blocks.append(.table(table)) }
        return Document(path: "gd.docx", format: .docx, blocks: blocks)
    }

    func expectFinance(_ record: Record, keys: [String], file: String = #fileID, line: Int = #line) {
        for key in keys {
            for year in years {
                let id = "fin.\(year.prefix(4)).\(key)"
                #expect(record.fields[id] == .number(Double(figure(key, year))!), "\(id): \(String(describing: record.fields[id]))")
            }
        }
    }

    @Test func yearColumnsInAnotherOrderAreToldByTheirHeader() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let reversed = Array(years.reversed())
        let table = makeTable(columns: 5, financeRows(["revenue", "profit"], years: reversed, figures: figure))
        let record = Extractor(spec: spec).extract(book([table]))
        expectFinance(record, keys: ["revenue", "profit"])
        #expect(record.locations["fin.2022.profit"]?.how == .matrix)
        #expect(record.locations["fin.2022.profit"]?.label == "2022年度")
    }

    @Test func aTableContinuedAsASecondTableWithItsHeaderRepeated() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let first = makeTable(columns: 5, financeRows(["revenue", "ai_hardware", "ai_software"], years: years, figures: figure))
        // The second part repeats the header, with the years in another order.
        let second = makeTable(columns: 5, financeRows(["ai_service", "profit", "rnd"], years: Array(years.reversed()), figures: figure))
        let record = Extractor(spec: spec).extract(book([first, second]))
        expectFinance(record, keys: ["revenue", "ai_hardware", "ai_software", "ai_service", "profit", "rnd"])
        #expect(record.ambiguous.isEmpty)
    }

    @Test func aHeaderRepeatedInsideOneTableIsTheOneThatCounts() throws {
        // A PDF table continued on the next page comes back as one table with its header row twice.
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let top = financeRows(["revenue", "ai_hardware"], years: years, figures: figure)
        let bottom = financeRows(["profit", "rnd"], years: ["2021 年度", "2022 年度", "2020 年度"], figures: figure)
        let record = Extractor(spec: spec).extract(book([makeTable(columns: 5, top + bottom)]))
        expectFinance(record, keys: ["revenue", "ai_hardware", "profit", "rnd"])
    }

    @Test func aContinuationWithoutItsHeaderIsLeftOutWithAReason() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let first = makeTable(columns: 5, financeRows(["revenue"], years: years, figures: figure))
        var rest = financeRows(["profit"], years: years, figures: figure)
        rest.removeFirst()
        let record = Extractor(spec: spec).extract(book([first, makeTable(columns: 5, rest)]))
        expectFinance(record, keys: ["revenue"])
        #expect(record.fields["fin.2022.profit"] == nil)
        let reason = try #require(record.ambiguous["fin.2022.profit"])
        #expect(reason.contains("没有表头"))
        let findings = Validator(spec: spec, today: "2026-12-02").validate(record)
        #expect(findings.contains { $0.rule == "field.ambiguous" && $0.field == "fin.2022.profit" && $0.severity == .warning })
        #expect(!findings.contains { $0.rule == "field.required" && $0.field == "fin.2022.profit" })
        #expect(!findings.contains { $0.rule == "field.unreadable" && $0.field == "fin.2022.profit" })
    }

    @Test func aHeaderThatDoesNotNameTheYearLeavesTheRowOut() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let table = makeTable(columns: 5, financeRows(["revenue"], years: ["2019 年度", "2020 年度", "2021 年度"], figures: figure))
        let record = Extractor(spec: spec).extract(book([table]))
        #expect(record.fields["fin.2020.revenue"] == .number(1020))
        #expect(record.fields["fin.2022.revenue"] == nil)
        #expect(record.ambiguous["fin.2022.revenue"]?.contains("没有「2022 年度」") == true)
    }

    @Test func twoPlacesThatDisagreeAreNotGuessed() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let table = makeTable(columns: 2, [
            ["单位名称", "光谷智造科技有限公司"],
            ["统一社会信用代码", "91420100MA4K2Y3J1P"],
            ["单位地址", "武汉市洪山区"],
            ["单位地址", "武汉市江夏区"],
        ])
        let blocks: [Block] = [.paragraph(Paragraph(text: "一、单位基本情况表")), .table(table)]
        let record = Extractor(spec: spec).extract(Document(path: "b.docx", format: .docx, blocks: blocks))
        #expect(record.fields["org.address"] == nil)
        #expect(record.ambiguous["org.address"]?.contains("内容不同") == true)
        #expect(record.unparsed["org.address"] == "武汉市洪山区；武汉市江夏区")
        #expect(record.fields["org.name"] == .string("光谷智造科技有限公司"))
        #expect(record.locations["org.name"]?.how == .right)
        #expect(record.locations["org.name"]?.section == "一、单位基本情况表")
    }

    @Test func annotatedLabelsValuesInTheLabelCellAndUnitCells() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let table = makeTable(columns: 4, [
            ["单位名称：", ("光谷智造科技有限公司", 3)],
            ["统一社会信用代码（18位）", ("91420100MA4K2Y3J1P", 3)],
            [("单位地址（详细到门牌号）：武汉市东湖新技术开发区光谷大道77号", 3), ""],
            ["2025年营业收入", "42636.1", "万元", ""],
            ["2025年人工智能营业收入（元）", ("30000000", 3)],
            ["员工总数（人）", "356", "人", ""],
        ])
        let blocks: [Block] = [.paragraph(Paragraph(text: "一、单位基本情况表")), .table(table)]
        let record = Extractor(spec: spec).extract(Document(path: "b.docx", format: .docx, blocks: blocks))
        #expect(record.fields["org.name"] == .string("光谷智造科技有限公司"))
        #expect(record.fields["org.uscc"] == .string("91420100MA4K2Y3J1P"))
        #expect(record.fields["org.address"] == .string("武汉市东湖新技术开发区光谷大道77号"))
        #expect(record.fields["org.revenue_2025"] == .number(42636.1))
        #expect(record.fields["org.ai_revenue_2025"] == .number(3000))
        #expect(record.fields["org.staff_total"] == .int(356))
    }
}
