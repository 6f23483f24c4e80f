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

    /// Chinese numerals (zero as 〇, ○ or 零), mixed forms and partial dates, which keep what is given.
    @Test(arguments: [
        ("二〇二六年三月二十六日", "2026-03-26"), ("二零二六年三月", "2026-03"), ("二〇二六年", "2026"), ("2026年3月", "2026-03"),
        ("二〇二六年十二月三十一日", "2026-12-31"), ("二○二六年三月二十六日", "2026-03-26"), ("二零二六年十月一日", "2026-10-01"),
        ("2026年三月", "2026-03"), ("2026年三月二十六日", "2026-03-26"), ("二〇二六年3月26日", "2026-03-26"),
        ("2026年", "2026"), ("二〇二六 年 三 月 十 日", "2026-03-10"), ("二〇二四年二月二十九日", "2024-02-29"),
        ("２０２６年１１月", "2026-11"), ("2026年3月26号", "2026-03-26"), ("二〇二六年元月", "2026-01"),
    ])
    func datesInChineseNumeralsAndPartialDates(text: String, expected: String) {
        #expect(DateParser.parse(text) == expected, "\(text)")
    }

    /// Never guessed: an impossible day or month, a numeral that is no number, four digits without 年.
    @Test(arguments: ["二〇二六年二月三十日", "二〇二五年二月二十九日", "二〇二六年十三月", "二〇二六年三月三十二日",
                      "二〇二六年四月三十一日", "二〇二六年三二十月", "2026年2月30日", "2026", "二〇二六"])
    func impossibleChineseDatesAreNotDates(text: String) {
        #expect(DateParser.parse(text) == nil, "\(text) → \(DateParser.parse(text) ?? "")")
    }

    @Test(arguments: [
        ("二〇二四年一月至二〇二五年十二月", "2024-01", "2025-12"),
        ("二〇二四年一月一日至二〇二五年十二月三十一日", "2024-01-01", "2025-12-31"),
        ("2024年三月—2025年六月", "2024-03", "2025-06"),
        ("二〇二四年至二〇二六年", "2024", "2026"),
    ])
    func dateRangesInChineseNumerals(text: String, start: String, end: String) {
        let range = DateParser.parseRange(text)
        #expect(range?.start == start, "\(text)")
        #expect(range?.end == end, "\(text)")
    }

    @Test func aRangeWithAnImpossibleEndIsNoRange() {
        #expect(DateParser.parseRange("二〇二四年一月至二〇二五年二月三十日") == nil)
    }

    @Test func dateFieldsParseThroughValueParser() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let date = try #require(spec.fields.first { $0.type == .date })
        let range = try #require(spec.fields.first { $0.type == .daterange })
        #expect(ValueParser.parse("二〇二六年三月二十六日", as: date) == .value(.string("2026-03-26")))
        #expect(ValueParser.parse("二〇二六年二月三十日", as: date) == .unparsed("二〇二六年二月三十日"))
        #expect(ValueParser.parse("二〇二四年一月至二〇二五年十二月", as: range) == .value(.range(start: "2024-01", end: "2025-12")))
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

    @Test(arguments: [
        ("027-87654321转8001", "027-87654321-8001"), ("027-87654321分机8001", "027-87654321-8001"),
        ("(027)87654321", "027-87654321"), ("（027）87654321", "027-87654321"), ("(027)-87654321", "027-87654321"),
        ("+86 138 0000 0000", "13800000000"), ("+86-13800000000", "13800000000"), ("0086 13800000000", "13800000000"),
        ("138-0000-0000", "13800000000"), ("+86 138-0000-0000", "13800000000"), ("+86 27 8765 4321", "027-87654321"),
        ("027 8765 4321", "027-87654321"),
    ])
    func writtenFormsNormalise(text: String, expected: String) {
        #expect(PhoneNormalizer.normalize(text) == expected, "\(text)")
        #expect(PhoneNumber.kind(of: PhoneNormalizer.normalize(text)) != nil, "\(text)")
    }

    @Test func extensionsAreLandlines() {
        #expect(PhoneNumber.kind(of: "027-87654321-8001") == .landline)
        #expect(PhoneNumber.kind(of: "13800000000") == .mobile)
        #expect(PhoneNumber.kind(of: "138-0000-0000") == nil, "the rule works on normalised numbers")
    }
}

/// Phone numbers as applicants write them, through the parser and the phone rule of a real call.
@Suite struct PhoneValidationTests {
    static func phoneFindings(_ text: String, field id: String, call: String) throws -> [Finding] {
        let (spec, clean) = call.hasPrefix("hubei") ? try ValidatorTests.cleanHubei() : try ValidatorTests.cleanGuangdong()
        let field = try #require(spec.field(id), "\(id)")
        guard case .value(let value) = ValueParser.parse(text, as: field) else {
            Issue.record("\(text) is not a value of \(id)")
            return []
        }
        var record = clean
        record.fields[id] = value
        return Validator(spec: spec, today: "2026-11-23").validate(record).filter { $0.rule.hasPrefix("field.phone") }
    }

    @Test(arguments: ["027-87654321转8001", "027-87654321-8001", "(027)87654321", "（027）87654321", "+86 138 0000 0000",
                      "+86-13800000000", "0086 13800000000", "138-0000-0000"])
    func phoneFieldAcceptsEveryWrittenForm(text: String) throws {
        let findings = try Self.phoneFindings(text, field: "org.head.phone", call: "hubei-industrial-model-2026")
        #expect(findings.isEmpty, "\(text): \(findings.map(\.message))")
    }

    @Test(arguments: ["+86 138 0000 0000", "+86-13800000000", "0086 13800000000", "138-0000-0000", "(+86)13800000000"])
    func mobileOnlyFieldAcceptsAMobileWithCountryCode(text: String) throws {
        let findings = try Self.phoneFindings(text, field: "org.head.mobile", call: "guangdong-ai-scenario-2023")
        #expect(findings.isEmpty, "\(text): \(findings.map(\.message))")
    }

    @Test func mobileOnlyFieldStillRefusesALandlineWithExtension() throws {
        let findings = try Self.phoneFindings("027-87654321转8001", field: "org.head.mobile", call: "guangdong-ai-scenario-2023")
        #expect(findings.map(\.rule) == ["field.phone.mobile"], "\(findings.map(\.message))")
    }
}

@Suite struct ChoiceReaderTests {
    let natures = ["国有企业", "合资企业", "民营企业", "外资企业", "事业单位", "其他"]

    /// The quick test for marks agrees with the mark sets on every scalar of the first plane.
    @Test func markTestAgreesWithTheMarkSets() {
        let marks = ChoiceReader.checkedMarks.union(ChoiceReader.uncheckedMarks)
        var disagreements: [UInt32] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            if ChoiceReader.isMark(character) != marks.contains(character) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
        #expect(ChoiceReader.isMark("☑") && ChoiceReader.isMark("\u{F0A8}") && !ChoiceReader.isMark("民"))
    }

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

    /// The byte-level key (with its fast paths for ASCII and U+4000–U+9FFF) against the rule it implements, read
    /// character by character, for every scalar of ASCII, CJK punctuation and kana, the ideographs and the
    /// half/full-width forms, each between two ideographs.
    @Test func byteLevelKeysFollowTheCharacterRule() {
        func byCharacter(_ text: String) -> String {
            var out = ""
            for character in text.foldingFullWidth where !character.isWhitespace && character != ":" && character != "：" {
                switch character {
                case "【", "〔", "[": out.append("(")
                case "】", "〕", "]": out.append(")")
                default: out.append(character)
                }
            }
            return out
        }
        var mismatches: [UInt32] = []
        for value in [0x00...0x7F, 0x3000...0x30FF, 0x4000...0x9FFF, 0xFF00...0xFFEF].joined() {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "甲\(Character(scalar))乙"
            if !text.labelKey.utf8.elementsEqual(byCharacter(text).utf8) { mismatches.append(scalar.value) }
        }
        #expect(mismatches.isEmpty, "scalars keyed differently: \(mismatches.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func spacesBetweenCJKAndDigitsAreDropped() {
        #expect("武汉市青年路 560 号".collapsingSpaces == "武汉市青年路560号")
        #expect("Wang  Wei".collapsingSpaces == "Wang Wei")
    }
}
