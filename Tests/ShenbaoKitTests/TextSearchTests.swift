import Foundation
import Testing
import ShenbaoModel
import ShenbaoTestSupport
@testable import ShenbaoValidation

/// The searches rules run over every line of a book give what the Foundation searches they replaced gave.
@Suite struct TextSearchTests {
    /// Pieces texts are made of: Chinese, ASCII, full-width forms, digits of other scripts, combining and
    /// prepended marks, spaces of several kinds, and the separators pledges are numbered with.
    static let pieces = [
        "", "承诺", "书", "营业执照", "1", "2", "12", "123", "０", "７", "١", "٣", ".", "．", "、", "。", " ", "\u{3000}", "\u{A0}", "\t",
        "a", "é", "e\u{301}", "\u{301}", "\u{0600}", "\r", "\n", "\r\n", "🇨", "🇳", "\u{200D}", "\u{FE0F}", "（", "(", "一", "十", "本单位", "签字", "盖章", "😀", "\u{200B}",
    ]

    static func text(_ random: inout SeededRandom, pieces: Int) -> String {
        (0..<Int.random(in: 0...pieces, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func containsTextIsFoundationsContains(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<4_000 {
            let haystack = Self.text(&random, pieces: 8)
            let needle = Self.text(&random, pieces: 2)
            #expect(haystack.containsText(needle) == haystack.contains(needle), "\(haystack.debugDescription) ∋ \(needle.debugDescription)")
        }
    }

    @Test(arguments: [1, 7, 42] as [UInt64])
    func pledgeNumberIsTheRegularExpressions(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        for _ in 0..<4_000 {
            let line = Self.text(&random, pieces: 5)
            let trimmed = line.trimmingWhitespace().foldingFullWidth
            let expected = trimmed.range(of: #"^\d{1,2}(?=[.、．])"#, options: .regularExpression).flatMap { Int(trimmed[$0]) }
            #expect(StructureRule.pledgeNumber(line) == expected, "\(line.debugDescription)")
        }
    }
}
