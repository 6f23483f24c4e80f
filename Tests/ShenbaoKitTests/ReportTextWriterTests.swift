import Foundation
import Testing
import ShenbaoExtraction
@testable import ShenbaoValidation
@testable import ShenbaoWriters

/// The text report of `validate` is read by a clerk at a terminal: every message is printed whole.
@Suite struct ReportTextWriterTests {
    @Test func aLongMessageIsPrintedWhole() throws {
        let message = "文件名「guangdong-s28-01.docx」不符合要求，应为「企业名称-应用场景名称」：珠海新锐智能科技有限公司-智慧公交客流预测与智能调度平台.docx"
        let json = #"{"severity":"error","rule":"submission.file-name","message":"\#(message)"}"#
        let finding = try JSONDecoder().decode(Finding.self, from: Data(json.utf8))
        let book = BookOutcome(file: "收件/甲/guangdong-s28-01.docx", findings: [finding])
        let report = ValidationReport(submissions: [SubmissionOutcome(submission: Submission(folder: "收件/甲", files: [book.file]),
                                                                     books: [book], findings: [])])
        let text = ReportTextWriter.render(report, specs: [])
        #expect(text.contains(message), "\(text)")
        #expect(!text.contains("…"), "\(text)")
    }

    @Test func onlyTheLastColumnIsKeptWhole() {
        let table = TextTable(header: ["甲", "乙"], rows: [["一二三四五六七八九十", "一二三四五六七八九十"]])
        #expect(table.render(maxWidth: 8) == "甲" + String(repeating: " ", count: 7) + "乙\n一二三…  一二三…")
        #expect(table.render(maxWidth: 8, wholeLastColumn: true) == "甲" + String(repeating: " ", count: 7) + "乙\n一二三…  一二三四五六七八九十")
    }
}
