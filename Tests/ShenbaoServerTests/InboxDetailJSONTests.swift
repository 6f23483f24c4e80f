import Foundation
import Testing
import ShenbaoKit
import ShenbaoTestSupport
@testable import ShenbaoServer

/// The inbox API's hand-written JSON is byte for byte what the encoder makes of the same value.
@Suite struct InboxDetailJSONTests {
    /// Texts a submission's names can hold: quotes, backslashes, control characters, slashes, Chinese, emoji.
    static let texts = [
        "", "武汉睿视科技有限公司", "a \"quoted\" name", #"back\slash"#, "tab\tand\nnew line\r", "\u{01}\u{1F}\u{7F}",
        "路径/带/斜杠", "😀 emoji", "\u{0008}\u{000C}", "混合 mixed \\\" 文本",
    ]

    static func submission(_ random: inout SeededRandom, id: Int64) -> StoredSubmission {
        func text() -> String { texts.randomElement(using: &random)! }
        func maybe() -> String? { Bool.random(using: &random) ? text() : nil }
        let agreements: [StampedCopyStatus.Agreement?] = [nil, .agrees, .differs, .unchecked]
        // Whole seconds, fractions just under a second, before 1970 and far ahead: the encoder drops the fraction.
        let seconds = [0, 1.4, 1.9999, -0.5, 1_796_650_000.9999, 4_102_444_799.5, Double(Int.random(in: 0...2_000_000_000, using: &random))]
        return StoredSubmission(
            id: id, inboxID: Int64.random(in: 1...9, using: &random), uploadID: Int64.random(in: 1...Int64(Int32.max), using: &random),
            name: text(), callID: maybe(), applicant: maybe(), projectName: maybe(), uscc: maybe(),
            hasWord: Bool.random(using: &random), hasPDF: Bool.random(using: &random),
            errors: Int.random(in: 0...120, using: &random), warnings: Int.random(in: 0...1_000_000, using: &random),
            arrivedAt: Date(timeIntervalSince1970: seconds.randomElement(using: &random)!),
            decision: [nil, Decision.recommended, .notRecommended].randomElement(using: &random)!, decisionNote: text(),
            stampedCopy: StampedCopyStatus(sealsFound: Int.random(in: 0...3, using: &random), sealsMissing: Int.random(in: 0...2, using: &random),
                                           agreement: agreements.randomElement(using: &random)!))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func handWrittenJSONIsTheEncodersBytes(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let submissions = (0..<200).map { Self.submission(&random, id: Int64($0) + 1) }
        let inbox = InboxSummary(id: Int64(seed), callID: "hubei-industrial-model-2026", callTitle: Self.texts.randomElement(using: &random)!,
                                 bureau: "武汉市经信局", region: Self.texts.randomElement(using: &random)!,
                                 quota: Bool.random(using: &random) ? Int.random(in: 0...50, using: &random) : nil,
                                 submissions: submissions.count, recommended: submissions.filter { $0.decision == Decision.recommended }.count)
        for detail in [InboxDetail(inbox: inbox, submissions: submissions, duplicateCodes: ["91420100MA4KX1234A", "a\"b"]),
                       InboxDetail(inbox: inbox, submissions: [], duplicateCodes: [])] {
            let expected = try APIResponse.encoded(detail)
            #expect(String(decoding: detail.json, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
