import Foundation
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
import ShenbaoTestSupport

/// Valid records of the rich calls, field by field from the catalogue: USCCs with their check character,
/// mobiles and landlines, full and partial dates, options including 其他 with a note, multichoice within
/// its limit, lists, long texts of several paragraphs, and blanks for optional fields — with the
/// catalogue's cross rules kept (cover equals body, parts ≤ totals).
struct RecordGenerator {
    var random: SeededRandom
    let spec: CallSpec

    init(spec: CallSpec, seed: UInt64) {
        self.spec = spec
        random = SeededRandom(seed: seed)
    }

    static let places = ["武汉", "襄阳", "宜昌", "十堰", "荆州", "黄石", "广州", "深圳", "东莞", "佛山", "珠海", "中山"]
    static let words = ["睿视", "蓝海", "云图", "楚天", "智联", "长江", "华芯", "星河", "数智", "天工", "明途", "精诚"]
    static let trades = ["智能科技", "信息技术", "智能装备", "数据科技", "软件"]
    static let names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴昊", "彭嘉霞", "欧阳明"]
    static let titles = ["总经理", "董事长", "技术总监", "研发经理", "总工程师", "副总经理", "项目经理"]
    static let notes = ["能源电力", "民办非企业单位", "边缘一体机", "小程序", "农业", "水务", "智慧园区"]
    static let sentences = [
        "公司成立于2012年，是一家专注于工业人工智能的国家高新技术企业。",
        "团队由博士领衔，围绕质量检测与生产调度开展技术攻关，累计获得发明专利39项。",
        "模型采用行业知识增强的预训练与指令微调相结合的技术路线，支持私有化部署。",
        "试点应用后检测效率提升45%，年节约成本约320万元。",
        "购买服务771万元，主要用于算力租赁和数据标注；",
        "下一步将在20家企业推广应用，并参与制定团体标准2项。",
        "平台接入设备3200余台，日均处理数据2.5TB（含图像与时序数据）。",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A USCC (统一社会信用代码) with a valid GB 32100-2015 check character.
    mutating func uscc() -> String {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var body = Array("91") + Array(pick(["420100", "420300", "440100", "441900", "440300"]))
        for _ in 0..<9 { body.append(pick(charset)) }
        let sum = zip(body, weights).reduce(0) { $0 + charset.firstIndex(of: $1.0)! * $1.1 }
        let check = (31 - sum % 31) % 31
        return String(body) + String(charset[check])
    }

    mutating func mobile() -> String { "1\(int(3...9))" + (0..<9).map { _ in String(int(0...9)) }.joined() }

    mutating func phone(mobileOnly: Bool) -> String {
        if mobileOnly || chance(0.6) { return mobile() }
        return pick(["027", "0710", "020", "0769"]) + "-" + String(int(2...8)) + (0..<7).map { _ in String(int(0...9)) }.joined()
    }

    mutating func money(_ range: ClosedRange<Int>) -> Double {
        let cents = int(range.lowerBound * 100...range.upperBound * 100)
        return chance(0.4) ? Double(cents / 100) : Double(cents) / 100
    }

    mutating func date(years: ClosedRange<Int>, partial: Bool = false) -> String {
        let year = int(years), month = int(1...12)
        if partial { return String(format: "%04d-%02d", year, month) }
        return String(format: "%04d-%02d-%02d", year, month, int(1...28))
    }

    mutating func longtext() -> String {
        (0..<int(1...3)).map { _ in pick(Self.sentences) }.joined(separator: "\n")
    }

    mutating func option(_ field: FieldSpec, among options: [String]? = nil) -> String {
        let chosen = pick(options ?? field.options)
        return ChoiceReader.isOther(chosen) ? "其他：" + pick(Self.notes) : chosen
    }

    mutating func options(_ field: FieldSpec, max: Int) -> [String] {
        let count = int(1...max)
        var picked: [String] = []
        while picked.count < count {
            let candidate = pick(field.options)
            if !picked.contains(candidate) { picked.append(candidate) }
        }
        let ordered = field.options.filter(picked.contains)
        let note = pick(Self.notes)
        return ordered.map { ChoiceReader.isOther($0) ? "其他：" + note : $0 }
    }

    /// One valid record.
    mutating func record() -> Record {
        var fields: [String: FieldValue] = [:]
        let company = pick(Self.places) + pick(Self.words) + pick(Self.trades) + "有限公司"
        let project = pick(Self.words) + pick(["智能质检", "排产调度", "设备预测性维护", "智能配色", "信贷风控", "城市内涝预警"])
            + pick(["模型", "平台", "系统"])
        for field in spec.fields {
            if !field.required && chance(0.35) { continue }
            let value: FieldValue
            switch field.type {
            case .text:
                let last = field.id.split(separator: ".").last.map(String.init) ?? ""
                switch last {
                case "name" where field.id.hasPrefix("org.") && field.id.split(separator: ".").count == 2: value = .string(company)
                case "name", "contact": value = .string(pick(Self.names))
                case "recommender": value = .string(pick(Self.places) + "市经济和信息化局")
                case "title": value = .string(pick(Self.titles))
                case "stock_code": value = .string(String(int(430_001...873_999)))
                default: value = .string(pick(Self.places) + pick(["市", "区"]) + pick(Self.words) + "路\(int(1...999))号")
                }
            case .longtext: value = .string(longtext())
            case .uscc: value = .string(uscc())
            case .phone: value = .string(phone(mobileOnly: field.label.contains("手") || field.rule.contains("mobile")))
            case .email: value = .string(pick(["wang", "li", "zhang", "info", "ai"]) + "\(int(1...99))@" + pick(["example.com", "yuntu.com.cn", "ruishi-ai.cn"]))
            case .url: value = .string(pick(["https://www.", "http://www.", "www."]) + pick(["yuntu", "ruishi", "lanhai"]) + pick([".com", ".com.cn", ".cn"]))
            case .date: value = .string(date(years: 2023...2025))
            case .daterange:
                let partial = chance(0.5)
                let start = date(years: 2021...2023, partial: partial)
                value = .range(start: start, end: date(years: 2024...2025, partial: partial))
            case .int: value = .int(int(0...5000))
            case .money: value = .number(money(0...90000))
            case .decimal: value = .number(max(0.5, money(1...2000)))
            case .choice: value = .string(option(field))
            case .multichoice: value = .strings(options(field, max: field.rule.contains("3") ? 3 : 4))
            case .list: value = .strings((0..<int(1...3)).map { _ in pick(Self.places) + pick(Self.words) + "科技有限公司：负责数据采集与模型部署" })
            }
            fields[field.id] = value
        }
        // Cross rules: cover equals body, parts within totals.
        func set(_ id: String, _ value: FieldValue?) { if spec.field(id) != nil { fields[id] = value } }
        set("cover.applicant", .string(company))
        set("scenario.org", .string(company))
        set("org.name", .string(company))
        set("model.name", .string(project))
        set("cover.model_name", .string(project))
        set("scenario.name", .string(project))
        set("cover.scenario_name", .string(project))
        if let category = spec.field("cover.model_category") {
            let chosen = pick(category.options)
            set("cover.model_category", .string(chosen))
            set("model.category", .string(chosen))
        }
        if spec.field("org.revenue_2025") != nil {
            let revenue = money(1000...90000)
            set("org.revenue_2025", .number(revenue))
            set("org.ai_revenue_2025", .number((revenue * Double(int(0...100)) / 100).rounded()))
            let staff = int(20...5000)
            set("org.staff_total", .int(staff))
            set("org.rnd_staff", .int(int(0...staff)))
            set("model.params_100m", .number(Double(int(1...20000)) / 10))
            set("model.train_data_tb", .number(Double(int(1...9999)) / 100))
        }
        for year in [2020, 2021, 2022] where spec.field("fin.\(year).revenue") != nil {
            let parts = (0..<3).map { _ in money(0...3000) }
            set("fin.\(year).ai_hardware", .number(parts[0]))
            set("fin.\(year).ai_software", .number(parts[1]))
            set("fin.\(year).ai_service", .number(parts[2]))
            set("fin.\(year).revenue", .number((parts.reduce(0, +) + money(0...50000) + 1).rounded()))
            set("fin.\(year).profit", .number(Double(int(-300_000...800_000)) / 100))
        }
        if spec.field("team.staff_total") != nil {
            let staff = int(30...6000), rnd = int(10...staff)
            set("team.staff_total", .int(staff))
            set("team.rnd_staff", .int(rnd))
            set("team.ai_rnd_staff", .int(int(0...rnd)))
            set("team.masters_plus", .int(int(0...staff)))
            set("team.mid_title_plus", .int(int(0...staff)))
            let patents = int(0...300)
            set("tech.patents", .int(patents))
            set("tech.ai_invention_patents", .int(int(0...patents)))
        }
        if let listing = spec.field("org.listing") {
            let chosen = pick(listing.options)
            set("org.listing", .string(chosen))
            set("org.stock_code", chosen == "尚未上市" ? nil : .string(String(int(430_001...873_999))))
        }
        return Record(call: spec.id, file: "generated", fields: fields)
    }
}
