import Foundation

extension String {
    /// The string without leading/trailing whitespace (including full-width spaces).
    package func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}")))
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
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace && scalar != "\n" {
                var end = index
                while end < scalars.count, scalars[end].properties.isWhitespace, scalars[end] != "\n" { end += 1 }
                let before = out.last
                let after = end < scalars.count ? scalars[end] : nil
                let atEdge = before == nil || before == "\n" || after == nil || after == "\n"
                let betweenCJKAndASCII = before.map { $0.isCJK } == true && after.map { $0.isASCIIAlphanumeric } == true
                    || before.map { $0.isASCIIAlphanumeric } == true && after.map { $0.isCJK } == true
                    || before.map { $0.isCJK } == true && after.map { $0.isCJK } == true
                if !atEdge && !betweenCJKAndASCII { out.append(" ") }
                index = end
                continue
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    /// The key a label is compared by: full-width folded, no whitespace, no colons, brackets unified.
    /// `姓 名（万元）：` and `姓名(万元)` compare equal. Computed character by character, so a key
    /// position always maps back to one character of the text (see `ScannedText`).
    package var labelKey: String {
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
        isASCII && (properties.isAlphabetic || ("0"..."9").contains(self))
    }
}

extension String {
    /// Whether the string holds `needle` as a run of UTF-8 bytes: an exact, allocation-free search for
    /// label keys (which are already normalised), without Foundation's locale-aware folding.
    package func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard pin.count <= hay.count else { return false }
                let first = pin[0]
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < pin.count && hay[start + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}

extension String {
    /// The text of an NSRange in this string ("" when out of range).
    package func substring(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let swiftRange = Range(range, in: self) else { return "" }
        return String(self[swiftRange])
    }
}
