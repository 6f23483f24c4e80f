import Foundation

/// Seeds for the tests that generate books: a fixed list, so a failure replays exactly. A soak run
/// (`SHENBAO_SOAK=1 swift test`) adds one seed from the clock, printed in every failure message.
enum TestSeeds {
    static func seeds(_ fixed: [Int]) -> [Int] {
        guard ProcessInfo.processInfo.environment["SHENBAO_SOAK"] == "1" else { return fixed }
        return fixed + [Int(Date().timeIntervalSince1970) % 100_000]
    }
}
