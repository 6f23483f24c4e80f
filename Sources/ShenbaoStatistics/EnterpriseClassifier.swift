import Foundation
import ShenbaoModel
import ShenbaoSpec

/// The class of an enterprise under the statistics rules.
public enum EnterpriseClass: String, Sendable, Codable, CaseIterable {
    case core = "人工智能核心企业"
    case relatedSoftware = "相关企业（软件）"
    case relatedHardware = "相关企业（硬件）"
    case excluded = "不纳入"
}

/// One enterprise's classification: its class, the revenue counted into statistics and why.
public struct Classification: Sendable, Equatable {
    public var file: String
    public var name: String
    public var enterpriseClass: EnterpriseClass
    /// Total revenue (万元) and AI revenue of the 全年 figures, and the share (%).
    public var revenue: Double
    public var aiRevenue: Double
    public var share: Double
    /// Percent of revenue counted, and the amount (万元).
    public var countedPercent: Double
    public var countedValue: Double
    /// Stable code of the rule that decided, and its explanation in Chinese.
    public var rule: String
    public var reason: String
}

/// Classifies enterprise records (武汉市人工智能企业培育库) by the seed's statistics rules.
public struct EnterpriseClassifier: Sendable {
    public let rules: ClassificationRules

    public init(rules: ClassificationRules) {
        self.rules = rules
    }

    /// The classification of one record; nil when it lacks the 全年 总收入 or AI业务收入 to decide.
    public func classify(_ record: Record) -> Classification? {
        guard let revenue = record.fields[rules.fields.revenue]?.number,
              let aiRevenue = record.fields[rules.fields.aiRevenue]?.number else { return nil }
        let share = revenue > 0 ? aiRevenue / revenue * 100 : 0
        let name = record.fields[rules.fields.name]?.displayText ?? record.file
        let kind = isHardware(record) ? EnterpriseClass.relatedHardware : .relatedSoftware
        let kindPercent = kind == .relatedHardware ? rules.hardwareCounted : rules.softwareCounted
        let shareText = String(format: "%.2f%%", share)
        func result(_ enterpriseClass: EnterpriseClass, percent: Double, rule: String, reason: String) -> Classification {
            Classification(file: record.file, name: name, enterpriseClass: enterpriseClass, revenue: revenue, aiRevenue: aiRevenue,
                           share: share, countedPercent: percent, countedValue: (revenue * percent / 100 * 100).rounded() / 100,
                           rule: rule, reason: reason)
        }
        /// Whether AI revenue is more than `percent` of revenue, decided on the amounts (no rounding at the threshold).
        func exceeds(_ percent: Double) -> Bool {
            ((aiRevenue * 100 - percent * revenue) * 1_000_000).rounded() > 0
        }
        if exceeds(rules.coreShare) {
            return result(.core, percent: rules.coreCounted, rule: "core.share",
                          reason: "AI业务收入占比 \(shareText) 超过 \(Self.show(rules.coreShare))%：核心企业，营业收入 \(Self.show(rules.coreCounted))% 纳入统计")
        }
        if ((aiRevenue - rules.coreRevenue) * 1_000_000).rounded() > 0 && !exceeds(rules.coreRevenueShareLimit) {
            return result(.core, percent: kindPercent, rule: "core.revenue",
                          reason: "AI业务收入 \(Self.show(aiRevenue)) 万元超过 \(Self.show(rules.coreRevenue)) 万元（占比 \(shareText)）：纳入核心企业，产值按\(kind.rawValue)规则 \(Self.show(kindPercent))% 统计")
        }
        if exceeds(rules.relatedShare) {
            return result(kind, percent: kindPercent, rule: kind == .relatedHardware ? "related.hardware" : "related.software",
                          reason: "AI业务收入占比 \(shareText) 超过 \(Self.show(rules.relatedShare))%：\(kind.rawValue)，营业收入 \(Self.show(kindPercent))% 纳入统计")
        }
        return result(.excluded, percent: 0, rule: "excluded",
                      reason: "AI业务收入占比 \(shareText) 未超过 \(Self.show(rules.relatedShare))%，AI业务收入未超过 \(Self.show(rules.coreRevenue)) 万元：不纳入统计")
    }

    /// Software or hardware: the larger of 软件收入 and 硬件收入; with neither, the AI产业链环节.
    func isHardware(_ record: Record) -> Bool {
        let software = record.fields[rules.fields.softwareRevenue]?.number
        let hardware = record.fields[rules.fields.hardwareRevenue]?.number
        if software != nil || hardware != nil {
            let (s, h) = (software ?? 0, hardware ?? 0)
            return h > s || (h == s && !rules.tieIsSoftware)
        }
        guard case .strings(let layers)? = record.fields[rules.fields.chainLayers], !layers.isEmpty else { return false }
        return layers.allSatisfy { rules.hardwareChainLayers.contains($0) }
    }

    package static func show(_ value: Double) -> String { FieldValue.number(value).displayText }
}

/// Totals over many classifications: count and counted value per class, and overall.
public struct ClassificationTotals: Sendable, Equatable, Encodable {
    public struct Line: Sendable, Equatable, Encodable {
        public var enterprises: Int
        public var revenue: Double
        public var countedValue: Double
    }
    public var byClass: [String: Line]
    public var all: Line
    /// Records that could not be classified (no 全年 figures).
    public var unclassified: Int

    public init(_ classifications: [Classification], unclassified: Int) {
        var byClass: [String: Line] = [:]
        for enterpriseClass in EnterpriseClass.allCases {
            let members = classifications.filter { $0.enterpriseClass == enterpriseClass }
            byClass[enterpriseClass.rawValue] = Line(enterprises: members.count, revenue: Self.sum(members.map(\.revenue)),
                                                     countedValue: Self.sum(members.map(\.countedValue)))
        }
        self.byClass = byClass
        all = Line(enterprises: classifications.count, revenue: Self.sum(classifications.map(\.revenue)),
                   countedValue: Self.sum(classifications.map(\.countedValue)))
        self.unclassified = unclassified
    }

    package static func sum(_ values: [Double]) -> Double { roundedSum(values) }
}
