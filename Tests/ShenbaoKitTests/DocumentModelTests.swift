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

@Suite struct DocumentModelTests {
    @Test func mergedCellCoversItsGridPositions() {
        let table = Table(cells: [
            TableCell(row: 0, column: 0, rowSpan: 2, text: "联系人情况"),
            TableCell(row: 0, column: 1, text: "负责人姓名"),
            TableCell(row: 1, column: 1, text: "申报人姓名"),
        ], rowCount: 2, columnCount: 2)
        #expect(table.cell(row: 1, column: 0)?.text == "联系人情况")
        #expect(table.cells(coveringRow: 1).map(\.text) == ["联系人情况", "申报人姓名"])
        #expect(table.cells(inRow: 1).map(\.text) == ["申报人姓名"])
    }

    @Test func checkboxesRenderAsCanonicalGlyphs() {
        let paragraph = Paragraph(inlines: [.checkbox(checked: true), .text("国有企业"), .checkbox(checked: false), .text("其他")])
        #expect(paragraph.text == "☑国有企业☐其他")
    }
}
