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

@Suite struct CSVTextTests {
    @Test func quotingAndFormulaGuard() {
        #expect(CSVText.escape("a,b") == "\"a,b\"")
        #expect(CSVText.escape("027-1\n138") == "\"027-1\n138\"")
        #expect(CSVText.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVText.escape("-5530.24") == "-5530.24")
        #expect(CSVText.document([["表头"], ["值"]]) == "\u{FEFF}表头\r\n值\r\n")
    }
}
