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

/// Each call's 汇总表 format loads, names only catalogue fields, prints the columns the notice prints,
/// and its Word template agrees with it and has the layout of an official attachment.
@Suite struct SummarySpecTests {
    static let calls = ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023", "hubei-ai-annual-report-2023", "miit-ai-innovation-2018"]

    /// The columns of each summary table as the seeds and shared/forms/README.md print them.
    static let expectedHeaders: [String: [String]] = [
        "hubei-industrial-model-2026": ["序号", "市州", "申报单位名称", "工业模型名称", "工业模型类别", "模型服务行业",
                                        "工业模型项目描述(100字左右)", "联系人", "联系方式"],
        "guangdong-ai-scenario-2023": ["序号", "申报单位名称", "应用场景名称", "申报方向", "联系人", "联系电话"],
        "hubei-ai-annual-report-2023": ["序号", "企业名称", "AI 赋能新型工业化典型应用场景", "主要产品及服务", "企业负责人",
                                        "联系方式(固话、手机)", "企业填报人", "联系方式(固话、手机)", "电子邮箱"],
        "miit-ai-innovation-2018": ["序号", "申报单位", "项目名称", "项目类别", "申报方向", "联系人", "联系电话"],
    ]

    @Test(arguments: calls)
    func specLoadsWithTheNoticesColumns(call: String) throws {
        let spec = try SummarySpec.load(for: try loadSpec(call))
        #expect(spec.columns.map(\.header) == Self.expectedHeaders[call])
        #expect(spec.columns.first?.from == ["index"])
        #expect(Set(spec.columns.map(\.key)).count == spec.columns.count, "column keys must be unique")
        #expect(spec.columns.allSatisfy { $0.width > 0 })
    }

    @Test(arguments: calls)
    func wordTemplateMatchesTheSpecAndTheLayoutRules(call: String) throws {
        let spec = try SummarySpec.load(for: try loadSpec(call))
        let xml = try String(contentsOfFile: spec.template, encoding: .utf8)
        // Landscape: the attribute and the swapped page size; GB/T 9704 margins turned with the page.
        #expect(xml.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(xml.contains(#"w:top="1587" w:right="1984" w:bottom="1474" w:left="2098""#))
        // The table fills the type width; one grid column per summary column.
        let grid = try #require(xml.range(of: "<w:tblGrid>.*?</w:tblGrid>", options: .regularExpression)).map { String(xml[$0]) }!
        let widths = grid.matches(of: /w:gridCol w:w="(\d+)"/).map { Int($0.1)! }
        #expect(widths.count == spec.columns.count)
        #expect(widths.reduce(0, +) == 16838 - 2098 - 1984)
        // Header row repeats on each page, rows never split; header texts in order.
        #expect(xml.contains("<w:cantSplit/><w:tblHeader/>"))
        let headerRow = try #require(xml.range(of: "<w:tr>.*?</w:tr>", options: .regularExpression)).map { String(xml[$0]) }!
        let texts = headerRow.matches(of: /<w:t xml:space="preserve">([^<]*)<\/w:t>/).map { String($0.1) }
        #expect(texts == spec.columns.map(\.header))
        // The data row names every column key.
        for column in spec.columns { #expect(xml.contains("{{\(column.key)}}") || xml.contains("{{#rows}}{{\(column.key)}}")) }
        // Fonts named for Chinese text, with fallbacks in the font table.
        #expect(xml.contains(#"w:eastAsia="方正小标宋简体""#) && xml.contains(#"w:eastAsia="仿宋_GB2312""#))
        #expect(xml.contains(#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#))
        #expect(xml.contains(#"<w:sz w:val="44"/>"#), "title 二号")
        #expect(xml.contains(#"<w:lang w:val="en-US" w:eastAsia="zh-CN""#))
    }

    @Test func bothHubeiCallsShareOneRegionList() throws {
        let a = try SummarySpec.load(for: try loadSpec("hubei-industrial-model-2026"))
        let b = try SummarySpec.load(for: try loadSpec("hubei-ai-annual-report-2023"))
        #expect(a.region?.names == "../lists/hubei-regions.yaml" && b.region?.names == a.region?.names)
        #expect(a.regions?.region(in: "恩施土家族苗族自治州经济和信息化局") == "恩施州" && a.regions == b.regions)
    }

    @Test func aCallWithoutSummaryIsAClearError() throws {
        #expect(throws: SummarySpec.LoadError.self) { try SummarySpec.load(for: try loadSpec("wuhan-ai-enterprise-2025")) }
    }
}
