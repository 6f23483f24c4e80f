import Testing
import ShenbaoTestSupport
@testable import ShenbaoModel
@testable import ShenbaoSpec
@testable import ShenbaoExtraction

/// The byte-level string helpers must give what the character-level operations they replace give.
@Suite struct ByteStringTests {
    /// Texts built from pieces that trip character-level splitting: CR LF (one character), combining marks
    /// after a separator, tabs, empty lines, CJK and full-width text. Fixed seed, so every run sees the same.
    static let texts: [String] = {
        let pieces = ["申报", "单位", "\n", "\r\n", "\r", "\t", "/", "/\u{338}", "e\u{301}", "é", "（万元）", " ", "", "a", "Ｚ", "\u{F902}", "\n\n"]
        var generator = SeededRandom(seed: 20261206)
        var texts = ["", "\n", "a\nb", "\n\n申报\n单位", "a\r\nb\nc", "x/y/z", "/a//b/", "甲/\u{338}乙", "\t", "a\t\tb\n\n\tc\r\n"]
        for _ in 0..<400 {
            let count = Int(generator.next() % 9)
            texts.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        return texts
    }()

    @Test func linesAreThoseSplittingCharactersGives() {
        for text in Self.texts {
            #expect(text.nonEmptyLines().map(String.init) == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
    }

    @Test func splittingAtASlashIsSplittingCharacters() {
        for text in Self.texts {
            #expect(text.splittingCharacters(at: UInt8(ascii: "/")).map(String.init) == text.split(separator: "/").map(String.init),
                    "\(text.debugDescription)")
        }
    }

    /// A scanned text, whichever way it was made (scalar by scalar, or character by character when a scalar is
    /// not a character of its own): its characters are the text's, its key is the text's label key, each key
    /// character maps back to a character with that key, and the key's scalars are there exactly when each key
    /// character is one byte-comparable scalar.
    @Test func scannedTextIsTheTextAndItsKey() {
        let marked = Self.texts + ["□ 人工智能（AI）☑ 其他：【 】", "ｅ\u{301}：[x]\u{3000}", "☑\u{FE0F}选项"]
        for text in marked {
            let scanned = ScannedText(text)
            #expect(scanned.characters == Array(text), "\(text.debugDescription)")
            #expect(String(scanned.key) == text.labelKey, "\(text.debugDescription)")
            #expect(scanned.source.count == scanned.key.count)
            for (offset, index) in scanned.source.enumerated() {
                #expect(String(scanned.characters[index]).labelKey.contains(scanned.key[offset]), "\(text.debugDescription)")
            }
            let scalars = scanned.key.allSatisfy { $0.unicodeScalars.count == 1 && LabelKeyBytes.isByteComparable($0.unicodeScalars.first!) }
                ? scanned.key.map { $0.unicodeScalars.first!.value } : nil
            #expect(scanned.keyScalars == scalars, "\(text.debugDescription)")
        }
    }

    @Test func allLinesAreThoseSplittingCharactersKeepingEmptyOnesGives() {
        for text in Self.texts {
            #expect(text.lines().map(String.init) == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                    "\(text.debugDescription)")
        }
        #expect(GuidanceText.removing(from: "（请填写）\n甲（某某）\n（不超过500字）") == "甲（某某）")
    }

    @Test func byteComparisonsAgreeWithTheBytes() {
        for (a, b) in zip(Self.texts, Self.texts.dropFirst()) {
            #expect(a.hasSameBytes(as: b) == a.utf8.elementsEqual(b.utf8))
            #expect(a.startsWithBytes(b) == a.utf8.starts(with: b.utf8))
            #expect(a.precedesByBytes(b) == a.utf8.lexicographicallyPrecedes(b.utf8))
            #expect(a.containsByte(0x0A) == a.utf8.contains(0x0A))
        }
    }

    /// `moneyUnit` on the bytes (keys of characters of their own) says what it says character by character (a
    /// combining accent at the end sends a key down that path without touching its brackets).
    @Test func moneyUnitOnBytesIsMoneyUnitByCharacters() {
        let pieces = ["(", ")", "元", "万元", "亿", "千", "营业收入", "x", "(万元)", "((元)"]
        var generator = SeededRandom(seed: 7)
        var keys = ["营业收入(万元)", "(元)(万元)", "收入(万元)x)", "((亿元)元)", "(元", "元)", ""]
        for _ in 0..<500 {
            keys.append((0..<Int(generator.next() % 7)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for key in keys {
            #expect(LabelMatcher.moneyUnit(in: key) == LabelMatcher.moneyUnit(in: key + "x\u{300}"), "\(key)")
        }
        #expect(LabelMatcher.moneyUnit(in: "营业收入(万元)") == "万元")
        #expect(LabelMatcher.moneyUnit(in: "净利润(亿元)") == "亿元")
    }

    /// A catalogue's lines: cut at CR or LF (blank lines left out), cells at tabs (empty cells kept).
    @Test func tabSeparatedLinesAreTheCatalogueRows() {
        for text in Self.texts {
            let expected = text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D })
                .map { line in line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) } }
            #expect(CallSpecLoader.tabSeparatedLines(text) == expected, "\(text.debugDescription)")
        }
    }

    /// Cutting out what a run of key bytes comes from gives what scanning the shortened text anew gives (each
    /// scalar's key depends on it alone), for runs at every place of texts holding spaces, brackets and full-width
    /// letters the key drops or folds.
    @Test func removingUnderAKeyRangeIsScanningAnew() throws {
        let pieces = ["申报", "单位", " ", "\u{3000}", "（", "）", "(", "Ａ", "b", "万元", "\t", "请填写"]
        var generator = SeededRandom(seed: 20261207)
        var checked = 0
        for _ in 0..<200 {
            let text = (0..<Int(generator.next() % 8 + 1)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let scanned = try #require(ScannedBytes(Array(text.utf8)))
            // Runs on scalar boundaries only, as a found key is.
            let boundaries = (0...scanned.key.count).filter {
                $0 == 0 || $0 == scanned.key.count || scanned.sourceStart[$0] != scanned.sourceStart[$0 - 1]
            }
            for start in boundaries.dropLast() {
                for end in boundaries where end > start {
                    var cut = scanned
                    cut.removeText(underKey: start..<end)
                    let anew = try #require(ScannedBytes(cut.text))
                    #expect(cut.key == anew.key && cut.sourceStart == anew.sourceStart && cut.sourceEnd == anew.sourceEnd,
                            "\(text.debugDescription) without key bytes \(start)..<\(end)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000)
    }

    /// `firstOffset` finds what a plain search over the bytes finds.
    @Test func firstOffsetIsThePlainSearch() {
        var generator = SeededRandom(seed: 7)
        for _ in 0..<2_000 {
            let haystack = (0..<Int(generator.next() % 24)).map { _ in UInt8(generator.next() % 3) + 0x61 }
            let needle = (0..<Int(generator.next() % 4)).map { _ in UInt8(generator.next() % 3) + 0x61 }
            let plain = needle.isEmpty ? 0 : haystack.indices.first { start in
                start + needle.count <= haystack.count && Array(haystack[start..<start + needle.count]) == needle
            }
            let found = haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { firstOffset(of: $0, in: hay) } }
            #expect(found == plain, "\(needle) in \(haystack)")
        }
    }
}
