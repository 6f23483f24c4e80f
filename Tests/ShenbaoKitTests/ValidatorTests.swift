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

/// Each kind of defect, seeded one at a time into an otherwise clean record, is reported as an error
/// on the right field id with its stable rule code; the clean record raises no error.
@Suite struct ValidatorTests {
    static func cleanHubei() throws -> (CallSpec, Record) {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let record = Extractor(spec: spec).extract(ExtractorTests().hubeiBook())
        return (spec, record)
    }

    static func cleanGuangdong() throws -> (CallSpec, Record) {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        var fields: [String: FieldValue] = [
            "cover.scenario_name": .string("智能质检"), "cover.applicant": .string("粤智科技有限公司"), "cover.date": .string("2023-10-20"),
            "org.name": .string("粤智科技有限公司"), "org.uscc": .string("91440101MA5CJQ4N59"), "org.address": .string("广州市天河区1号"),
            "org.scale": .string("规模以上"), "org.listing": .string("尚未上市"), "org.nature": .string("民营企业"),
            "org.tech_directions": .strings(["大模型技术"]), "org.industries": .strings(["制造"]),
            "org.intro": .string("简介"), "org.core_tech": .string("技术"), "org.rnd_plan": .string("计划"), "org.team": .string("团队"),
            "scenario.name": .string("智能质检"), "scenario.address": .string("广州"), "scenario.period": .range(start: "2023-01-01", end: "2024-06-30"),
            "scenario.org": .string("粤智科技有限公司"), "scenario.type": .string("制造"), "scenario.techs": .strings(["计算机视觉"]),
            "scenario.intro": .string("简介"), "scenario.key_tech": .string("技术"), "scenario.effect": .string("成效"),
            "team.staff_total": .int(100), "team.rnd_staff": .int(40), "team.ai_rnd_staff": .int(20), "team.masters_plus": .int(30), "team.mid_title_plus": .int(10),
            "tech.patents": .int(10), "tech.ai_invention_patents": .int(3), "tech.software_copyrights": .int(5), "tech.evaluated_products": .int(1),
            "tech.national_platforms": .int(0), "tech.provincial_platforms": .int(1), "tech.standards": .int(0),
            "awards.national": .int(0), "awards.provincial": .int(1),
        ]
        for role in ["head", "ai_lead", "contact"] {
            fields["org.\(role).name"] = .string("张三"); fields["org.\(role).title"] = .string("经理")
            fields["org.\(role).mobile"] = .string("13800000000"); fields["org.\(role).email"] = .string("a@b.cn")
        }
        for year in ["2020", "2021", "2022"] {
            fields["fin.\(year).revenue"] = .number(1000); fields["fin.\(year).ai_hardware"] = .number(100)
            fields["fin.\(year).ai_software"] = .number(200); fields["fin.\(year).ai_service"] = .number(300)
            fields["fin.\(year).profit"] = .number(-50); fields["fin.\(year).rnd"] = .number(80)
        }
        return (spec, Record(call: spec.id, file: "gd.docx", fields: fields))
    }

    @Test func cleanBooksRaiseNoError() throws {
        for (spec, record) in [try Self.cleanHubei(), try Self.cleanGuangdong()] {
            let findings = Validator(spec: spec, today: "2026-11-23").validate(record)
            #expect(findings.filter { $0.severity == .error }.isEmpty, "\(spec.id): \(findings.map(\.message))")
        }
    }

    /// (description, change to the clean record, expected rule, expected field)
    typealias Seed = (String, @Sendable (inout Record) -> Void, String, String)

    static let hubeiSeeds: [Seed] = [
        ("required missing", { $0.fields["org.address"] = nil }, "field.required", "org.address"),
        ("uscc check digit", { $0.fields["org.uscc"] = .string("91420100MA4K2Y3J1Q") }, "field.uscc.check-digit", "org.uscc"),
        ("uscc length", { $0.fields["org.uscc"] = .string("91420100MA4K2Y3J1") }, "field.uscc.format", "org.uscc"),
        ("uscc character", { $0.fields["org.uscc"] = .string("91420100MA4K2Y3JIP") }, "field.uscc.format", "org.uscc"),
        ("phone junk", { $0.fields["org.head.phone"] = .string("12345") }, "field.phone.format", "org.head.phone"),
        ("date implausible", { $0.fields["cover.date"] = .string("1026-03-26") }, "field.date.implausible", "cover.date"),
        ("unreadable number", { $0.fields["org.staff_total"] = nil; $0.unparsed["org.staff_total"] = "约三百人" }, "field.unreadable", "org.staff_total"),
        ("negative money", { $0.fields["org.revenue_2025"] = .number(-5) }, "field.number.negative", "org.revenue_2025"),
        ("params not positive", { $0.fields["model.params_100m"] = .number(0) }, "field.number.not-positive", "model.params_100m"),
        ("two natures ticked", { $0.fields["org.nature"] = nil; $0.unparsed["org.nature"] = "国有企业；民营企业" }, "choice.multiple", "org.nature"),
        ("other without note", { $0.fields["model.service_modes"] = .strings(["网页", "其他"]) }, "choice.other-note", "model.service_modes"),
        ("cover differs", { $0.fields["cover.applicant"] = .string("别的公司") }, "cross.equals", "org.name"),
        ("category differs", { $0.fields["model.category"] = .string("任务型模型") }, "cross.equals", "model.category"),
        ("ai revenue over total", { $0.fields["org.ai_revenue_2025"] = .number(20000) }, "cross.at-most", "org.ai_revenue_2025"),
        ("rnd staff over total", { $0.fields["org.rnd_staff"] = .int(999) }, "cross.at-most", "org.rnd_staff"),
        ("range reversed", { $0.fields["model.dev_period"] = .range(start: "2026-01", end: "2025-12") }, "field.range.order", "model.dev_period"),
        ("four consortium members", { $0.fields["org.consortium"] = .strings(["甲", "乙", "丙", "丁"]) }, "list.max-items", "org.consortium"),
    ]

    static let guangdongSeeds: [Seed] = [
        ("landline where mobile asked", { $0.fields["org.head.mobile"] = .string("020-83134288") }, "field.phone.mobile", "org.head.mobile"),
        ("email", { $0.fields["org.contact.email"] = .string("a@b") }, "field.email", "org.contact.email"),
        ("url", { $0.fields["org.website"] = .string("不详 网站") }, "field.url", "org.website"),
        ("four techs", { $0.fields["scenario.techs"] = .strings(["大模型技术", "AI 芯片", "智能计算", "机器人"]) }, "choice.count", "scenario.techs"),
        ("listed without code", { $0.fields["org.listing"] = .string("科创板") }, "field.required", "org.stock_code"),
        ("ai revenue over total", { $0.fields["fin.2021.ai_service"] = .number(900) }, "cross.sum-at-most", "fin.2021.revenue"),
        ("patents", { $0.fields["tech.ai_invention_patents"] = .int(11) }, "cross.at-most", "tech.ai_invention_patents"),
        ("scenario org differs", { $0.fields["scenario.org"] = .string("粤智公司") }, "cross.equals", "scenario.org"),
    ]

    @Test(arguments: hubeiSeeds.indices)
    func hubeiDefectIsReportedOnItsField(index: Int) throws {
        let (spec, clean) = try Self.cleanHubei()
        try expectSeed(Self.hubeiSeeds[index], spec: spec, clean: clean)
    }

    @Test(arguments: guangdongSeeds.indices)
    func guangdongDefectIsReportedOnItsField(index: Int) throws {
        let (spec, clean) = try Self.cleanGuangdong()
        try expectSeed(Self.guangdongSeeds[index], spec: spec, clean: clean)
    }

    func expectSeed(_ seed: Seed, spec: CallSpec, clean: Record) throws {
        var record = clean
        seed.1(&record)
        let errors = Validator(spec: spec, today: "2026-11-23").validate(record).filter { $0.severity == .error }
        #expect(errors.contains { $0.rule == seed.2 && $0.field == seed.3 }, "\(seed.0): \(errors.map { "\($0.rule) \($0.field ?? "")" })")
        #expect(errors.allSatisfy { !$0.message.isEmpty && $0.message.unicodeScalars.contains(where: \.isCJK) })
    }

    @Test func checkDigitMatchesPublishedExamples() {
        for code in ["91350200776049653A", "91440101MA5CJQ4N59", "913502000728319549"] {
            #expect(UnifiedSocialCreditCode.problem(in: code) == nil, "\(code)")
        }
        #expect(UnifiedSocialCreditCode.problem(in: "91350200776049653B") == .checkCharacter(expected: "A"))
    }
}

/// Reader notes are warnings collected, not thrown away: findings under their own codes in `validate`,
/// `{code, message}` objects in `extract`'s JSON.
@Suite struct ReaderNoteFindingTests {
    @Test func notesBecomeFindingsAndJSONWithTheirCodes() throws {
        let spec = try #require(try CallSpecLoader(directory: templatesDirectory()).loadAll().first { $0.id == "hubei-industrial-model-2026" })
        var record = Record(call: spec.id, file: "book.docx")
        record.notes = [ReaderNote(.trackedChanges, "文档含有修订痕迹，已按接受全部修订后的内容读取"),
                        ReaderNote(.junkTextPages, "第 3 页的文字无法识别")]
        let findings = Validator(spec: spec, today: "2026-12-02").validate(record).filter { $0.rule.hasPrefix("read.") }
        #expect(findings.map(\.rule) == ["read.tracked-changes", "read.junk-text-pages"])
        #expect(findings.map(\.severity) == [.info, .warning])
        let line = RecordJSONWriter.line(for: record)
        #expect(line.contains(#""notes":[{"code":"read.tracked-changes","message":"文档含有修订痕迹，已按接受全部修订后的内容读取"}"#), "\(line)")
        // Every kind has a code of the read. family, and the codes differ.
        let codes = ReaderNote.Kind.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count && codes.allSatisfy { $0.hasPrefix("read.") })
    }
}
