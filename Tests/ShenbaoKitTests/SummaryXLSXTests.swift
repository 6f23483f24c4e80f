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

/// The workbook's parts: title merged across the columns, header frozen and printed on every page,
/// landscape A4, widths, escaped inline strings; and the CSV's BOM and quoting.
@Suite struct SummaryXLSXTests {
    func table() throws -> SummaryTable {
        let call = try loadSpec("guangdong-ai-scenario-2023")
        let builder = SummaryBuilder(call: call, spec: try SummarySpec.load(for: call))
        return builder.build(records: [
            Record(call: call.id, file: "a.docx", fields: ["org.name": .string("甲<&>公司"), "scenario.name": .string("场景，一"),
                                                           "scenario.type": .string("制造"), "org.contact.name": .string("李四"),
                                                           "org.contact.mobile": .string("13912345678")]),
        ], recommender: "广州市工业和信息化局", contact: "王五 020-12345678")
    }

    @Test func workbookParts() throws {
        let entries = SummaryXLSXWriter.entries(try table())
        let parts = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
        #expect(entries.first?.name == "[Content_Types].xml")
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        // Title row 1, one line above, header row 3, one row, two lines below.
        #expect(sheet.contains(#"<mergeCell ref="A1:F1"/>"#) && sheet.contains(#"<mergeCell ref="A2:F2"/>"#))
        #expect(sheet.contains(#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"orientation="landscape""#) && sheet.contains(#"paperSize="9""#))
        #expect(sheet.contains("甲&lt;&amp;&gt;公司"))
        #expect(sheet.contains(#"<c r="A3" s="3" t="inlineStr"><is><t xml:space="preserve">序号</t>"#))
        #expect(sheet.matches(of: /<col min/).count == 6)
        #expect(sheet.contains("<mergeCell ref=\"A6:F6\"/>"), "line below")
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总表'!$3:$3</definedName>"#))
        #expect(parts["xl/styles.xml"]?.contains("<b/>") == true)
    }

    @Test func columnNames() {
        #expect(SummaryXLSXWriter.columnName(0) == "A")
        #expect(SummaryXLSXWriter.columnName(25) == "Z")
        #expect(SummaryXLSXWriter.columnName(26) == "AA")
    }

    @Test func csvHasBOMHeaderAndQuotes() throws {
        let csv = SummaryCSVWriter.render(try table())
        #expect(csv.hasPrefix("\u{FEFF}序号,申报单位名称,应用场景名称,申报方向,联系人,联系电话\r\n"))
        #expect(csv.contains("1,甲<&>公司,\"场景，一\",制造,李四,13912345678\r\n") == false, "a full-width comma needs no quotes")
        #expect(csv.contains("1,甲<&>公司,场景，一,制造,李四,13912345678\r\n"))
    }
}
