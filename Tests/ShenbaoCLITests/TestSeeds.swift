import Foundation

/// Seeds for the tests that generate books: a fixed list, so a failure replays exactly. A soak run names
/// more seeds itself (`SHENBAO_SEEDS=101,202 swift test`), so any failure it finds replays with the same line.
enum TestSeeds {
    static func seeds(_ fixed: [Int]) -> [Int] {
        let extra = (ProcessInfo.processInfo.environment["SHENBAO_SEEDS"] ?? "").split(separator: ",").compactMap { Int($0) }
        return fixed + extra.filter { !fixed.contains($0) }
    }
}
