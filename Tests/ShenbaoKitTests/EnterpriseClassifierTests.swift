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

/// The 武汉市人工智能企业培育库 statistics rules, pinned on and around every threshold.
@Suite struct EnterpriseClassifierTests {
    let classifier: EnterpriseClassifier

    init() throws {
        let spec = try loadSpec("wuhan-ai-enterprise-2025")
        classifier = EnterpriseClassifier(rules: try #require(try ClassificationRules.load(from: spec.directory)))
    }

    func record(total: Double, ai: Double, software: Double? = nil, hardware: Double? = nil, layers: [String]? = nil) -> Record {
        var fields: [String: FieldValue] = ["biz.annual.total_revenue": .number(total), "biz.annual.ai_revenue": .number(ai)]
        if let software { fields["biz.annual.software_revenue"] = .number(software) }
        if let hardware { fields["biz.annual.hardware_revenue"] = .number(hardware) }
        if let layers { fields["tech.chain_layers"] = .strings(layers) }
        return Record(call: "wuhan-ai-enterprise-2025", file: "t", fields: fields)
    }

    /// (total, ai, software, hardware, class, counted value, rule)
    static let cases: [(Double, Double, Double?, Double?, EnterpriseClass, Double, String)] = [
        (10000, 5000.01, 1, 0, .core, 10000, "core.share"),          // just above 50 %
        (3000, 1500, 1, 0, .relatedSoftware, 1500, "related.software"), // exactly 50 %, AI revenue ≤ 2000: not core
        (8000, 4000, 1, 0, .core, 4000, "core.revenue"),             // exactly 50 % but AI revenue > 2000: core, valued 50 %
        (9000, 2000, 0, 1, .relatedHardware, 1800, "related.hardware"), // AI revenue exactly 2000 is not above it
        (100000, 2000.01, 1, 0, .core, 50000, "core.revenue"),       // just above 2000 at 2 %: core, software 50 %
        (20000, 5000, 1000, 4000, .core, 4000, "core.revenue"),      // core by revenue, hardware: 20 %
        (5000, 1000, 1, 0, .excluded, 0, "excluded"),                // exactly 20 %: not related
        (5000, 1000.01, 1, 0, .relatedSoftware, 2500, "related.software"), // just above 20 %
        (4000, 1200, 600, 600, .relatedSoftware, 2000, "related.software"), // tie software/hardware: software
        (0, 0, nil, nil, .excluded, 0, "excluded"),                  // no revenue at all
    ]

    @Test(arguments: cases.indices)
    func thresholdCase(index: Int) {
        let (total, ai, software, hardware, expectedClass, counted, rule) = Self.cases[index]
        let result = classifier.classify(record(total: total, ai: ai, software: software, hardware: hardware))
        #expect(result?.enterpriseClass == expectedClass)
        #expect(result?.countedValue == counted)
        #expect(result?.rule == rule)
    }

    @Test func withoutARevenueSplitTheChainLayerDecides() {
        #expect(classifier.classify(record(total: 6000, ai: 1800, layers: ["基础层"]))?.enterpriseClass == .relatedHardware)
        #expect(classifier.classify(record(total: 6000, ai: 1800, layers: ["基础层", "应用层"]))?.enterpriseClass == .relatedSoftware)
        #expect(classifier.classify(record(total: 6000, ai: 1800))?.enterpriseClass == .relatedSoftware)
    }

    @Test func recordsWithoutAnnualFiguresAreNotClassified() {
        #expect(classifier.classify(Record(call: "wuhan-ai-enterprise-2025", file: "t")) == nil)
    }

    @Test func totalsAddUpPerClass() {
        let items = [record(total: 10000, ai: 6000, software: 1, hardware: 0), record(total: 5000, ai: 1500, software: 1, hardware: 0),
                     record(total: 5000, ai: 100, software: 1, hardware: 0)].compactMap(classifier.classify)
        let totals = ClassificationTotals(items, unclassified: 1)
        #expect(totals.all.countedValue == 12500)
        #expect(totals.byClass[EnterpriseClass.core.rawValue]?.enterprises == 1)
        #expect(totals.byClass[EnterpriseClass.excluded.rawValue]?.revenue == 5000)
        #expect(totals.unclassified == 1)
    }
}

/// hubei-ai-annual-report-2023 and miit-ai-innovation-2018 data rules.
@Suite struct EnterpriseReportTests {
    @Test func totalsAreDerivedFromEntryCodesAndChecked() throws {
        let spec = try loadSpec("hubei-ai-annual-report-2023")
        var record = spec.derivingTotals(Record(call: spec.id, file: "r", fields: [
            "revenue.0101": .number(850), "revenue.0202": .number(320.5), "revenue.0206": .number(600)]))
        #expect(record.fields["revenue.0100"] == .number(850))
        #expect(record.fields["revenue.0200"] == .number(920.5))
        #expect(record.fields["revenue.0300"] == nil)
        #expect(record.fields["revenue.0000"] == .number(1770.5))
        #expect(spec.isKeyEnterprise(record))
        record.fields["revenue.0100"] = .number(900)
        let findings = Validator(spec: spec, today: "2026-11-23").validate(record)
        #expect(findings.contains { $0.rule == "cross.sum-equals" && $0.field == "revenue.0100" })
    }

    @Test func exactlyOneHundredIsNotAKeyEnterprise() throws {
        let spec = try loadSpec("hubei-ai-annual-report-2023")
        #expect(!spec.isKeyEnterprise(spec.derivingTotals(Record(call: spec.id, file: "r", fields: ["revenue.0303": .number(100)]))))
        #expect(spec.isKeyEnterprise(spec.derivingTotals(Record(call: spec.id, file: "r", fields: ["revenue.0303": .number(100.01)]))))
    }

    @Test func directionMustBelongToItsCategory() throws {
        let spec = try loadSpec("miit-ai-innovation-2018")
        let record = Record(call: spec.id, file: "p", fields: [
            "project.category": .string("智能产品类"), "project.direction": .string("安全保障体系")])
        let findings = Validator(spec: spec, today: "2026-11-23").validate(record)
        #expect(findings.contains { $0.rule == "field.wrong-group" && $0.field == "project.direction" })
    }

    @Test func businessCatalogueMatchesTheFieldsAndTheirSums() throws {
        let spec = try loadSpec("hubei-ai-annual-report-2023")
        let text = try String(contentsOfFile: spec.directory + "/business-catalogue.tsv", encoding: .utf8)
        let codes = text.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t").first ?? "") }
        #expect(codes.count == 21)
        #expect(Set(codes.map { "revenue.\($0)" }) == Set(spec.fields.filter { $0.id.hasPrefix("revenue.") }.map(\.id)))
        // Every entry code (two last digits not 00) is a part of its group's total.
        for code in codes where !code.hasSuffix("00") {
            let group = "revenue." + code.prefix(2) + "00"
            #expect(spec.checks.contains { if case .sumEquals(group, let parts) = $0 { return parts.contains("revenue.\(code)") } else { return false } })
        }
    }
}
