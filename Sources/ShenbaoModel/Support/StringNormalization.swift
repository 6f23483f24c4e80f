import Foundation
import CGlibcExtras

extension String {
    /// The string without leading/trailing whitespace (including full-width spaces): Unicode's
    /// White_Space scalars, the set Foundation's `.whitespacesAndNewlines` holds.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !LabelKeyBytes.isWhitespace($0.value) }),
              let last = scalars.lastIndex(where: { !LabelKeyBytes.isWhitespace($0.value) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Full-width ASCII (ｆｕｌｌ－ｗｉｄｔｈ, １２３, ＠) folded to half-width; the ideographic space to a space.
    package var foldingFullWidth: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Runs of whitespace collapsed to one space, and spaces between a CJK character and an ASCII
    /// letter or digit removed (LibreOffice's PDFs add them; `大街 1 号` → `大街1号`).
    package var collapsingSpaces: String {
        // (Text with no whitespace but line breaks is its own result.)
        guard unicodeScalars.contains(where: { $0 != "\n" && LabelKeyBytes.isWhitespace($0.value) }) else { return self }
        let scalars = Array(unicodeScalars)
        // (Written as UTF-8 bytes: appending to a scalar view costs more than the rest of the work.)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var before: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if LabelKeyBytes.isWhitespace(scalar.value) && scalar != "\n" {
                var end = index
                while end < scalars.count, LabelKeyBytes.isWhitespace(scalars[end].value), scalars[end] != "\n" { end += 1 }
                let after = end < scalars.count ? scalars[end] : nil
                let atEdge = before == nil || before == "\n" || after == nil || after == "\n"
                let betweenCJKAndASCII = before.map { $0.isCJK } == true && after.map { $0.isASCIIAlphanumeric } == true
                    || before.map { $0.isASCIIAlphanumeric } == true && after.map { $0.isCJK } == true
                    || before.map { $0.isCJK } == true && after.map { $0.isCJK } == true
                if !atEdge && !betweenCJKAndASCII {
                    out.append(0x20)
                    before = " "
                }
                index = end
                continue
            }
            UTF8.encode(scalar) { out.append($0) }
            before = scalar
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key a label is compared by: full-width folded, no whitespace, no colons, brackets unified.
    /// `姓 名（万元）：` and `姓名(万元)` compare equal. Character by character, so a key position always
    /// maps back to one character of the text (see `ScannedText`).
    ///
    /// Worked out on the UTF-8 bytes where every scalar is a character of its own (all the Chinese, Latin
    /// and symbols of a form), and character by character only for text with combining marks and the like.
    package var labelKey: String {
        // (A text that is its own key, as most cells of a Chinese form are, is not copied.)
        withUTF8Bytes { LabelKeyBytes.isOwnKey($0) ? self : LabelKeyBytes.key(of: $0) } ?? labelKeyByCharacter
    }

    /// `labelKey` worked out on grapheme clusters (text where one character may be several scalars).
    private var labelKeyByCharacter: String {
        var out = ""
        for character in foldingFullWidth {
            switch character {
            case _ where character.isWhitespace: continue
            case "【", "〔", "[": out.append("(")
            case "】", "〕", "]": out.append(")")
            case ":", "：": continue
            default: out.append(character)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    /// Han ideographs and CJK punctuation/full-width forms.
    package var isCJK: Bool {
        switch value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    package var isASCIIAlphanumeric: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }
}

extension String {
    /// Whether every character of the string is one scalar no other spelling equals
    /// (`LabelKeyBytes.isByteComparable`): comparing such strings' bytes compares their characters.
    package var isByteComparable: Bool {
        withUTF8Bytes(LabelKeyBytes.isByteComparable)
    }

    /// Calls `body` with the string's UTF-8 bytes, in place where they lie contiguous (native and small
    /// strings: no copy, no retain), else from a copy.
    @inlinable package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }

    /// What `split(separator: "\n")` gives (the non-empty lines), cut on the bytes: a line feed is always a
    /// character of its own, except after a carriage return (CR LF is one character, not split at), so text
    /// holding one takes the character path.
    package func nonEmptyLines() -> [Substring] {
        containsByte(0x0D) ? split(separator: "\n") : linesCutOnBytes(omittingEmpty: true)
    }

    /// Every line, empty ones too: what `split(separator: "\n", omittingEmptySubsequences: false)` gives, cut on
    /// the bytes as `nonEmptyLines` cuts.
    package func lines() -> [Substring] {
        containsByte(0x0D) ? split(separator: "\n", omittingEmptySubsequences: false) : linesCutOnBytes(omittingEmpty: false)
    }

    /// The lines between line feeds, found with memchr (splitting the UTF-8 view walks it a byte at a time).
    private func linesCutOnBytes(omittingEmpty: Bool) -> [Substring] {
        let view = utf8
        var lines: [Substring] = []
        withUTF8Bytes { bytes in
            var start = 0
            while true {
                let end = start < bytes.count
                    ? memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start).map {
                        UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer($0))
                    } ?? bytes.count
                    : bytes.count
                if !(omittingEmpty && end == start) {
                    let lower = view.index(view.startIndex, offsetBy: start)
                    lines.append(Substring(view[lower..<view.index(lower, offsetBy: end - start)]))
                }
                guard end < bytes.count else { break }
                start = end + 1
            }
        }
        return lines
    }

    /// Whether every scalar is a character of its own (`LabelKeyBytes.isOwnCharacter`): such text can be cut
    /// and searched on its bytes.
    package var isMadeOfOwnCharacters: Bool {
        unicodeScalars.allSatisfy(LabelKeyBytes.isOwnCharacter)
    }

    /// `split(separator:)` at an ASCII character other than CR and LF, empty pieces left out: cut on the bytes
    /// where every scalar is a character of its own (`LabelKeyBytes.isOwnCharacter`), character by character
    /// otherwise (where a combining mark after the separator would make one character of the two).
    package func splittingCharacters(at separator: UInt8) -> [Substring] {
        guard isMadeOfOwnCharacters else {
            return split(separator: Character(Unicode.Scalar(separator)))
        }
        return utf8.split(separator: separator).map { Substring($0) }
    }

    /// Whether the string's UTF-8 holds `byte`, found with memchr (`utf8.contains` walks the view a byte
    /// at a time, ≈ 30 instructions a byte).
    package func containsByte(_ byte: UInt8) -> Bool {
        withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The string with every `byte` (an ASCII character) replaced by `replacement`, as Foundation's
    /// `replacingOccurrences` gives it; the string itself, not a copy, when it holds no such byte.
    package func replacingOccurrences(ofByte byte: UInt8, with replacement: String) -> String {
        containsByte(byte) ? replacingOccurrences(of: String(UnicodeScalar(byte)), with: replacement) : self
    }

    /// Whether the string's UTF-8 starts with `prefix`'s bytes (memcmp, not `utf8.starts(with:)`'s walk).
    package func startsWithBytes(_ prefix: String) -> Bool {
        withUTF8Bytes { bytes in
            prefix.withUTF8Bytes { head in
                head.count <= bytes.count && (head.isEmpty || memcmp(bytes.baseAddress!, head.baseAddress!, head.count) == 0)
            }
        }
    }

    /// Whether the two strings have the same UTF-8 bytes (equal strings, unless one spells a character another
    /// way: a test that never normalises).
    package func hasSameBytes(as other: String) -> Bool {
        utf8.count == other.utf8.count && startsWithBytes(other)
    }

    /// Whether the string sorts before `other` by their UTF-8 bytes (the order of `JSONEncoder`'s sorted keys).
    package func precedesByBytes(_ other: String) -> Bool {
        withUTF8Bytes { a in
            other.withUTF8Bytes { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
    }

    /// Whether the string holds `needle` as a run of UTF-8 bytes: an exact, allocation-free search for
    /// label keys (which are already normalised), without Foundation's locale-aware folding.
    package func containsBytes(_ needle: String) -> Bool {
        withUTF8Bytes { hay in needle.withUTF8Bytes { pin in firstOffset(of: pin, in: hay) != nil } }
    }

    /// Whether the string holds `text` as Foundation's `contains` finds it (an empty text is in none): on the
    /// bytes where both are `isByteComparable`, the cost of a search that rules run over every line of a book.
    package func containsText(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return isByteComparable && text.isByteComparable ? containsBytes(text) : contains(text)
    }
}

/// Where the bytes of `needle` first occur in `haystack`. An empty needle occurs at 0. A short haystack is searched
/// from each place the needle's first byte occurs (memchr, then memcmp); a long one with the C library's `memmem`,
/// whose set-up costs more than a short search but which does not stop at every `<` of XML or at every lead byte
/// of Chinese text.
package func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let pinStart = needle.baseAddress, !needle.isEmpty else { return 0 }
    guard needle.count <= haystack.count, let hayStart = haystack.baseAddress else { return nil }
    if haystack.count >= 512 {
        guard let found = memmem(hayStart, haystack.count, pinStart, needle.count) else { return nil }
        return UnsafeRawPointer(hayStart).distance(to: UnsafeRawPointer(found))
    }
    let lastStart = hayStart + (haystack.count - needle.count)
    var from = hayStart
    while from <= lastStart,
          let found = memchr(from, Int32(needle[0]), lastStart - from + 1)?.assumingMemoryBound(to: UInt8.self) {
        if memcmp(found, pinStart, needle.count) == 0 { return hayStart.distance(to: found) }
        from = UnsafePointer(found) + 1
    }
    return nil
}

extension String {
    /// The text of an NSRange in this string ("" when out of range).
    package func substring(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let swiftRange = Range(range, in: self) else { return "" }
        return String(self[swiftRange])
    }
}
