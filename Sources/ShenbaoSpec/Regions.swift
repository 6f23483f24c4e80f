import Foundation
import Yams
import ShenbaoModel

/// The regions (市州) of a province, in their official order, with the spellings unit names use —
/// a YAML list a call's `summary.yaml` names (`Templates/lists/hubei-regions.yaml`). `武汉市经济和信息化局` → 武汉市; `恩施土家族苗族自治州经济和信息化局` → 恩施州.
public struct Regions: Sendable, Equatable {
    public struct Region: Sendable, Decodable, Equatable {
        public var name: String
        public var aliases: [String]?
    }

    public let regions: [Region]

    public init(regions: [Region]) {
        self.regions = regions
    }

    public init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        self.init(regions: try YAMLDecoder().decode([Region].self, from: text))
    }

    /// The region a unit's name or a written region names: the spelling found earliest in the text
    /// (the longest one at the same place); nil when none is there.
    public func region(in text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }
        var best: (offset: Int, length: Int, name: String)?
        for region in regions {
            for spelling in [region.name] + (region.aliases ?? []) where !spelling.isEmpty {
                guard let range = compact.range(of: spelling) else { continue }
                let offset = compact.distance(from: compact.startIndex, to: range.lowerBound)
                if best == nil || offset < best!.offset || (offset == best!.offset && spelling.count > best!.length) {
                    best = (offset, spelling.count, region.name)
                }
            }
        }
        return best?.name
    }

    /// The position of a region in the official order; unknown regions come last.
    public func rank(of name: String) -> Int {
        regions.firstIndex { $0.name == name } ?? regions.count
    }
}
