import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads numbers as applicants write them: full-width digits, thousands separators, units
/// (`万元`, `亿元`, `元`, `人`, `个`, `%`), a minus sign in any of its forms.
public enum NumberParser {
    /// The number in `text`, scaled to 万元 when `toTenThousands` and the text names 元 or 亿.
    /// Returns nil when the text holds no number or more than one.
    public static func parse(_ text: String, toTenThousands: Bool = false) -> Double? {
        let (cleaned, scale) = cleanedOnScalars(text, toTenThousands: toTenThousands)
            ?? cleanedByCharacter(text, toTenThousands: toTenThousands)
        guard isPlainNumber(cleaned.utf8), let value = Double(cleaned) else { return nil }
        return (value * scale * 1_000_000).rounded() / 1_000_000
    }

    /// An integer count; nil when the text is not a whole number.
    public static func parseInt(_ text: String) -> Int? {
        guard let value = parse(text), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The units a number may be written with, dropped before reading it (in this order).
    private static let units = ["万元", "亿元", "万", "亿", "元", "人", "个", "项", "%", "TB", "tb", "T"]

    /// The text without spaces, separators and units, and the factor to 万元 its unit calls for: full
    /// width folded, `−`/`－` as `-`, character by character (any text).
    private static func cleanedByCharacter(_ text: String, toTenThousands: Bool) -> (String, Double) {
        var cleaned = text.foldingFullWidth
            .replacingOccurrences(of: "−", with: "-")
            .replacingOccurrences(of: "－", with: "-")
            .replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "，", with: "")
            .filter { !$0.isWhitespace }
        var scale = 1.0
        if toTenThousands {
            if cleaned.contains("亿") { scale = 10_000 }
            else if cleaned.contains("万") { scale = 1 }
            else if cleaned.hasSuffix("元") { scale = 0.0001 }
        }
        for unit in units {
            cleaned = cleaned.replacingOccurrences(of: unit, with: "")
        }
        return (cleaned, scale)
    }

    /// `cleanedByCharacter` in one pass over the scalars, for text of ASCII, CJK ideographs and
    /// punctuation, full-width forms and `−` only (where every scalar is a character, compared by its
    /// value); nil for any other text. Dropping each unit in turn leaves no `万亿元人个项%` at all, then
    /// `TB`, `tb` and `T` go, each in one left-to-right pass as `replacingOccurrences` does.
    private static func cleanedOnScalars(_ text: String, toTenThousands: Bool) -> (String, Double)? {
        var scalars: [Unicode.Scalar] = []
        var hasYi = false, hasWan = false, lastKept: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0..<0x80, 0x3000...0x303F, 0x4E00...0x9FFF: break
            case 0xFF01...0xFF5E: value -= 0xFEE0
            case 0x2212: value = 0x2D
            default: return nil
            }
            // Separators and whitespace (the ideographic space, folded full width, is whitespace too).
            if value == 0x2C || LabelKeyBytes.isWhitespace(value) { continue }
            let folded = Unicode.Scalar(value)!
            lastKept = folded
            switch folded {
            case "亿": hasYi = true; continue
            case "万": hasWan = true; continue
            case "元", "人", "个", "项", "%": continue
            default: scalars.append(folded)
            }
        }
        var scale = 1.0
        if toTenThousands {
            if hasYi { scale = 10_000 }
            else if hasWan { scale = 1 }
            else if lastKept == "元" { scale = 0.0001 }
        }
        for unit in [["T", "B"], ["t", "b"], ["T"]] as [[Unicode.Scalar]] {
            scalars = removing(unit, from: scalars)
        }
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: scalars)
        return (String(cleaned), scale)
    }

    /// `scalars` without each occurrence of `unit`, found left to right without overlaps.
    private static func removing(_ unit: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if index + unit.count <= scalars.count, scalars[index..<index + unit.count].elementsEqual(unit) {
                index += unit.count
            } else {
                kept.append(scalars[index])
                index += 1
            }
        }
        return kept
    }

    /// Whether the text is `[-+]?(\d+\.?\d*|\.\d+)` in ASCII. (Digits of other scripts would match `\d`
    /// but are no `Double`, and the text holds no line break for `$` to stop before.)
    private static func isPlainNumber(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        guard let point = bytes.first else { return !integer.isEmpty }
        guard point == UInt8(ascii: "."), bytes.dropFirst().allSatisfy(isDigit) else { return false }
        return !integer.isEmpty || bytes.count > 1
    }
}
