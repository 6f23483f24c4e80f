import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads numbers as applicants write them: full-width digits, thousands separators, units
/// (`万元`, `亿元`, `元`, `人`, `个`, `%`), a minus sign in any of its forms.
public enum NumberParser {
    /// A plain decimal number, once units and separators are gone.
    private static let decimal = TextPattern(#"^[-+]?(\d+\.?\d*|\.\d+)$"#)

    /// The number in `text`, scaled to 万元 when `toTenThousands` and the text names 元 or 亿.
    /// Returns nil when the text holds no number or more than one.
    public static func parse(_ text: String, toTenThousands: Bool = false) -> Double? {
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
        for unit in ["万元", "亿元", "万", "亿", "元", "人", "个", "项", "%", "TB", "tb", "T"] {
            cleaned = cleaned.replacingOccurrences(of: unit, with: "")
        }
        guard !cleaned.isEmpty, decimal.matches(cleaned),
              let value = Double(cleaned) else { return nil }
        return (value * scale * 1_000_000).rounded() / 1_000_000
    }

    /// An integer count; nil when the text is not a whole number.
    public static func parseInt(_ text: String) -> Int? {
        guard let value = parse(text), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }
}
