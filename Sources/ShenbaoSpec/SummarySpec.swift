import Foundation
import Yams
import ShenbaoModel

/// A call's summary table (汇总表) as data, from `Templates/<call>/summary.yaml`: the title pattern, the
/// lines above and below the table, the columns (header, where the value comes from, width) and the
/// row order. The Word layout is the call's `summary.xml`; the same columns feed the .xlsx and the .csv.
public struct SummarySpec: Sendable {
    /// One column of the table.
    public struct Column: Sendable, Decodable, Equatable {
        /// The column's name in the Word template's row (`{{applicant}}`).
        public var key: String
        /// The header as the notice prints it.
        public var header: String
        /// Sources tried in order: a field id, `passage:NAME`, `passage:NAME~100`, `region`, `index`.
        public var from: [String]
        /// Width in characters at the table's font size.
        public var width: Double
        /// `center` centres the cells; otherwise they are left-aligned.
        public var align: String?

        public var centered: Bool { align == "center" }
    }

    /// Where the 市州 (or city) of a row and of the title comes from.
    public struct RegionRule: Sendable, Decodable {
        /// Field ids whose text names the region (the recommending unit, a 市（州） field).
        public var from: [String]
        /// The regions file in the call's folder.
        public var names: String
        /// What the title shows when the region is not known (a blank to fill in by hand).
        public var blank: String
    }

    /// Row order: grouped by region in the regions file's order, then input order; or input order only.
    public enum Order: String, Sendable, Decodable {
        case region, input
    }

    /// The attachment label printed at the top left (`附件2`), or empty.
    public var label: String
    /// Mustache pattern of the title: `{{region}}`, `{{recommender}}`, `{{contact}}`, `{{contact_name}}`, `{{contact_phone}}`.
    public var title: String
    public var above: [String]
    public var below: [String]
    /// Fields naming the recommending unit, used when `--recommender` is not given and all rows agree.
    public var recommender: [String]
    public var region: RegionRule?
    public var regions: Regions?
    public var order: Order
    public var columns: [Column]
    /// The Word template (`summary.xml`) of the call.
    public var template: String
    /// The places of the stamped table that must carry the recommending unit's seal (`seals:`), by the
    /// label printed there (`推荐单位（盖章）`); checked by `shenbao check-stamp`.
    public var seals: [String] = []

    private struct File: Decodable {
        var label: String?
        var title: String
        var above: [String]?
        var below: [String]?
        var recommender: [String]?
        var region: RegionRule?
        var order: Order?
        var seals: [String]?
        var columns: [Column]
    }

    /// Why a summary spec could not be loaded.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The summary spec of `call`, from its folder; checks that every field a column names is in the catalogue.
    public static func load(for call: CallSpec) throws(LoadError) -> SummarySpec {
        let path = "\(call.directory)/summary.yaml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LoadError(description: "申报类别 \(call.id) 没有汇总表格式（应有 \(path)）")
        }
        let file: File
        do { file = try YAMLDecoder().decode(File.self, from: text) } catch {
            throw LoadError(description: "\(path) 格式有误：\(error)")
        }
        guard !file.columns.isEmpty else { throw LoadError(description: "\(path) 没有列（columns）") }
        var regions: Regions?
        if let rule = file.region {
            do { regions = try Regions(path: "\(call.directory)/\(rule.names)") } catch {
                throw LoadError(description: "\(call.directory)/\(rule.names) 无法读取：\(error)")
            }
        }
        let fieldSources = file.columns.flatMap(\.from) + (file.recommender ?? []) + (file.region?.from ?? [])
        for source in fieldSources where !source.hasPrefix("passage:") && source != "region" && source != "index" {
            guard call.field(source) != nil else {
                throw LoadError(description: "\(path) 引用了目录中没有的字段 \(source)")
            }
        }
        if file.columns.contains(where: { $0.from.contains("region") }) && regions == nil {
            throw LoadError(description: "\(path) 的列用到 region，但没有 region 设置")
        }
        var spec = SummarySpec(label: file.label ?? "", title: file.title, above: file.above ?? [], below: file.below ?? [],
                               recommender: file.recommender ?? [], region: file.region, regions: regions,
                               order: file.order ?? .input, columns: file.columns, template: "\(call.directory)/summary.xml")
        spec.seals = file.seals ?? []
        return spec
    }
}
