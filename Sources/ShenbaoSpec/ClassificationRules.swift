import Foundation
import Yams
import ShenbaoModel

/// The statistics rules of an enterprise call (武汉市人工智能企业培育库, seed 002), loaded from
/// `Templates/<call>/classification.yaml` so thresholds and weights are data.
public struct ClassificationRules: Sendable, Equatable {
    /// Share (%) an enterprise must exceed to be core.
    public var coreShare: Double
    /// Percent of revenue counted for a core enterprise.
    public var coreCounted: Double
    /// AI revenue (万元) above which an enterprise is core even below `coreShare`…
    public var coreRevenue: Double
    /// …as long as its share does not exceed this (%).
    public var coreRevenueShareLimit: Double
    /// Share (%) an enterprise must exceed to be related.
    public var relatedShare: Double
    public var softwareCounted: Double
    public var hardwareCounted: Double
    /// Whether a tie between software and hardware revenue counts as software.
    public var tieIsSoftware: Bool
    /// AI产业链环节 values that, alone, make an enterprise hardware when no revenue split is given.
    public var hardwareChainLayers: [String]
    /// The catalogue fields the rules read (`fields:` of classification.yaml).
    public var fields: Fields

    /// Field ids of the figures a classification reads.
    public struct Fields: Sendable, Equatable {
        public var name: String
        public var revenue: String
        public var aiRevenue: String
        public var softwareRevenue: String
        public var hardwareRevenue: String
        public var chainLayers: String
    }

    /// Loads `classification.yaml` from a call's folder; nil when the call has none.
    public static func load(from folder: String) throws -> ClassificationRules? {
        let path = folder + "/classification.yaml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        guard let root = try Yams.load(yaml: text) as? [String: Any] else {
            throw CallSpecLoader.LoadError(description: "\(path) 格式有误")
        }
        func number(_ section: String, _ key: String) throws -> Double {
            guard let group = root[section] as? [String: Any], let value = group[key] else {
                throw CallSpecLoader.LoadError(description: "\(path) 缺少 \(section).\(key)")
            }
            return (value as? Double) ?? (value as? Int).map(Double.init) ?? 0
        }
        func field(_ key: String) throws -> String {
            guard let group = root["fields"] as? [String: Any], let id = group[key] as? String, !id.isEmpty else {
                throw CallSpecLoader.LoadError(description: "\(path) 缺少 fields.\(key)（分类所读字段的编号）")
            }
            return id
        }
        return ClassificationRules(
            coreShare: try number("core", "share-above"), coreCounted: try number("core", "counted"),
            coreRevenue: try number("core-by-revenue", "ai-revenue-above"),
            coreRevenueShareLimit: try number("core-by-revenue", "share-not-above"),
            relatedShare: try number("related", "share-above"),
            softwareCounted: try number("related", "software-counted"), hardwareCounted: try number("related", "hardware-counted"),
            tieIsSoftware: (root["tie-goes-to"] as? String ?? "software") == "software",
            hardwareChainLayers: root["hardware-chain-layers"] as? [String] ?? [],
            fields: Fields(name: try field("name"), revenue: try field("revenue"), aiRevenue: try field("ai-revenue"),
                           softwareRevenue: try field("software-revenue"), hardwareRevenue: try field("hardware-revenue"),
                           chainLayers: try field("chain-layers")))
    }
}
