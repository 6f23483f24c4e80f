import Testing
@testable import ShenbaoKit

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("1,234.5", 1234.5), ("１２３", 123), ("500万元", 500), ("1.2亿元", 12000), ("-35.5", -35.5),
        ("12,000,000元", 1200), ("  88 万 ", 88),
    ])
    func moneyIsReadIn万元(text: String, expected: Double) {
        #expect(NumberParser.parse(text, toTenThousands: true) == expected)
    }

    @Test func countsRejectFractionsAndWords() {
        #expect(NumberParser.parseInt("120人") == 120)
        #expect(NumberParser.parseInt("12.5") == nil)
        #expect(NumberParser.parseInt("约一百") == nil)
        #expect(NumberParser.parse("1.2.3") == nil)
    }
}

@Suite struct DateParserTests {
    @Test(arguments: [
        ("2026年3月26日", "2026-03-26"), ("2026.03.26", "2026-03-26"), ("2026/3/26", "2026-03-26"),
        ("2026-03-26", "2026-03-26"), ("2026-03", "2026-03"), ("2026年3月", "2026-03"), ("２０２６年３月２６日", "2026-03-26"),
        ("2026 年 3 月 26 日", "2026-03-26"),
    ])
    func datesInEveryWrittenForm(text: String, expected: String) {
        #expect(DateParser.parse(text) == expected)
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(DateParser.parse("2026年2月30日") == nil)
        #expect(DateParser.parse("2026年13月") == nil)
    }

    @Test(arguments: [
        ("2024年1月—2025年12月", "2024-01", "2025-12"),
        ("2024年1月1日至2025年12月31日", "2024-01-01", "2025-12-31"),
        ("2024.01-2025.12", "2024-01", "2025-12"),
        ("2024/01/01 ~ 2025/12/31", "2024-01-01", "2025-12-31"),
        ("2023年1月1日到2024年6月30日", "2023-01-01", "2024-06-30"),
    ])
    func dateRanges(text: String, start: String, end: String) {
        let range = DateParser.parseRange(text)
        #expect(range?.start == start)
        #expect(range?.end == end)
    }
}

@Suite struct PhoneNormalizerTests {
    @Test(arguments: [
        ("138 0000 0000", "13800000000"), ("+86 13800000000", "13800000000"), ("027-85317019", "027-85317019"),
        ("02785317019", "027-85317019"), ("(027)85317019", "027-85317019"), ("０２７－８７１８１９８７转８０７", "027-87181987-807"),
    ])
    func phonesNormalise(text: String, expected: String) {
        #expect(PhoneNormalizer.normalize(text) == expected)
    }
}

@Suite struct ChoiceReaderTests {
    let natures = ["国有企业", "合资企业", "民营企业", "外资企业", "事业单位", "其他"]

    @Test(arguments: [
        "☐国有企业 ☐合资企业 ☑民营企业 ☐外资企业 ☐事业单位 ☐其他（请注明）",
        "□国有企业 □合资企业 ■民营企业 □外资企业 □事业单位 □其他（请注明）",
        "☐国有企业 ☐合资企业 ☒民营企业 ☐外资企业 ☐事业单位 ☐其他",
        "国有企业  合资企业  √民营企业  外资企业  事业单位  其他",
        "国有企业  合资企业  民营企业√  外资企业  事业单位  其他",
        "民营企业",
    ])
    func everyMarkingStyleChoosesTheSameOption(text: String) {
        #expect(ChoiceReader.read(text, options: natures).map(\.value) == ["民营企业"])
    }

    @Test func wingdingsLettersFromAPDFAreBoxes() {
        let modes = ["APP", "网页", "API接口", "其他"]
        #expect(ChoiceReader.read("RAPP R网页RAPI接口 £其他 (请注明)", options: modes).map(\.value) == ["APP", "网页", "API接口"])
        #expect(ChoiceReader.read("£APP R网页 £API接口 £其他", options: modes).map(\.value) == ["网页"])
    }

    @Test func otherCarriesItsNote() {
        let text = "☐国有企业 ☐合资企业 ☐民营企业 ☐外资企业 ☐事业单位 ☑其他（请注明）：社会服务机构"
        #expect(ChoiceReader.read(text, options: natures).map(\.value) == ["其他：社会服务机构"])
    }

    @Test func blankListChoosesNothing() {
        #expect(ChoiceReader.read("☐国有企业 ☐合资企业 ☐民营企业 ☐外资企业 ☐事业单位 ☐其他", options: natures).isEmpty)
        #expect(ChoiceReader.read("国有企业 合资企业 民营企业 外资企业 事业单位 其他", options: natures).isEmpty)
    }

    @Test func multichoiceKeepsFormOrderAndOverlappingOptions() {
        let options = ["大模型技术", "AI 芯片", "智能传感器", "智能计算", "无人机（船）", "其他"]
        let text = "☑大模型技术 ☐AI芯片 ☐智能传感器 ☑智能计算 ☑无人机(船) ☐其他："
        #expect(ChoiceReader.read(text, options: options).map(\.value) == ["大模型技术", "智能计算", "无人机（船）"])
    }
}

@Suite struct StringNormalizationTests {
    @Test func labelKeysIgnoreSpacesBracketWidthAndColons() {
        #expect("姓 名（万元）：".labelKey == "姓名(万元)")
        #expect("2025 年度模型研 发成本 (万元)".labelKey == "2025年度模型研发成本(万元)")
    }

    @Test func spacesBetweenCJKAndDigitsAreDropped() {
        #expect("武汉市青年路 560 号".collapsingSpaces == "武汉市青年路560号")
        #expect("Wang  Wei".collapsingSpaces == "Wang Wei")
    }
}
