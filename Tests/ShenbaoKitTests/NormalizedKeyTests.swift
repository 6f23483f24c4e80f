import Foundation
import Testing
@testable import ShenbaoModel
@testable import ShenbaoExtraction

/// `NormalizedKey` compares label keys by bytes; it must say "equal" exactly when Swift's string equality
/// (canonical equivalence) does, or a label would stop matching a cell it matched before.
@Suite struct NormalizedKeyTests {
    @Test func equalExactlyWhenTheStringsAre() {
        let pairs: [(String, String)] = [
            ("申报单位", "申报单位"),
            ("申报单位", "申报单"),
            ("", ""),
            ("", "申"),
            ("\u{F902}", "\u{8ECA}"),             // a CJK compatibility ideograph and the ideograph it stands for
            ("\u{2F800}", "\u{4E3D}"),            // the same, in the supplementary plane
            ("é", "e\u{301}"),                    // precomposed and combining
            ("\u{2ADC}", "\u{2ADD}\u{338}"),      // a scalar NFC itself decomposes
            ("\u{212B}", "\u{C5}"),               // the ångström sign and Å
            ("企业名称(盖章)", "企业名称(盖章)"),
            ("企业名称(盖章)", "企业名称(签字)"),
            ("ABC", "abc"),
        ]
        for (a, b) in pairs {
            let x = NormalizedKey(a), y = NormalizedKey(b)
            #expect((x == y) == (a == b), "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
            if a == b { #expect(x.hashValue == y.hashValue) }
            #expect(x.text == a)
        }
        let keys: Set<NormalizedKey> = [NormalizedKey("\u{F902}輛"), NormalizedKey("单位")]
        #expect(keys.contains(NormalizedKey("\u{8ECA}輛")))
        #expect(!keys.contains(NormalizedKey("单")))
    }

    /// What the byte comparison rests on: every scalar `isByteComparable` accepts is its own NFC form, so two
    /// strings of such scalars are canonically equivalent only when their bytes are the same.
    @Test func byteComparableScalarsAreTheirOwnNFC() {
        var changed: [UInt32] = []
        for value in UInt32(0)..<0x30000 {
            guard let scalar = Unicode.Scalar(value), LabelKeyBytes.isByteComparable(scalar) else { continue }
            let text = String(Character(scalar))
            if !text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8) { changed.append(value) }
        }
        #expect(changed.isEmpty, "NFC changes \(changed.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func byteComparableOnBytesAgreesWithScalars() {
        for text in ["申报单位", "Ａ１（万元）", "e\u{301}", "\u{F902}", "\u{2000}x", "☑是 □否", "\u{20122}", "\u{2F800}", ""] {
            #expect(text.isByteComparable == text.unicodeScalars.allSatisfy(LabelKeyBytes.isByteComparable), "\(text)")
        }
    }

    /// A cell's first line, found on the bytes, is what splitting on "\n" gives.
    @Test func firstLineIsTheFirstNonEmptyLine() {
        for text in ["项目名称\n（不超过30字）", "\n\n项目名称\n说明", "项目名称", "a\r\nb\nc", "\n", "", "甲\n\n乙"] {
            let expected: String? = text.utf8.contains(0x0A) ? text.split(separator: "\n").first.map(String.init) ?? "" : nil
            #expect(BookIndex.CellKeys.firstLine(of: text) == expected, "\(text.debugDescription)")
        }
    }
}
