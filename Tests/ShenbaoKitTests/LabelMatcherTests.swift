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

@Suite struct LabelMatcherTests {
    @Test func inlineValueEndsAtTheNextOptionOrMark() throws {
        let matcher = LabelMatcher(spec: try loadSpec("guangdong-ai-scenario-2023"))
        let keys = matcher.keys(for: "股票代码")
        #expect(matcher.valueAfter(label: keys, in: "新三板挂牌√   股票代码：870876   尚未上市", atStart: false) == "870876")
        #expect(matcher.valueAfter(label: keys, in: "☑新三板挂牌 股票代码: 870876 ☐尚未上市", atStart: false) == "870876 ")
        #expect(matcher.valueAfter(label: keys, in: "股票代码 870876", atStart: false) == nil)
        #expect(matcher.valueAfter(label: keys, in: "新三板挂牌   股票代码: _____   尚未上市√", atStart: false) == "_____")
    }

    @Test func coverLineNeedsASeparatorAfterTheLabel() throws {
        let matcher = LabelMatcher(spec: try loadSpec("guangdong-ai-scenario-2023"))
        let keys = matcher.keys(for: "申报单位")
        #expect(matcher.valueAfter(label: keys, in: "申报单位：粤智科技有限公司", atStart: true) == "粤智科技有限公司")
        #expect(matcher.valueAfter(label: keys, in: "申报单位承诺书", atStart: true) == nil)
        #expect(matcher.valueAfter(label: matcher.keys(for: "申报日期"), in: "申报日期2026年3月", atStart: true) == "2026年3月")
    }
}
