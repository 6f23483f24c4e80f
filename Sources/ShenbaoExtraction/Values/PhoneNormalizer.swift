import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Normalises phone numbers: ASCII digits, no spaces, no +86/0086; a mobile is 11 digits without
/// hyphens (`138-0000-0000` → `13800000000`); a landline keeps the hyphen after its area code
/// (`027-85317019`, `(027)85317019`), an extension (`转807`, `分机807`) is written `-807`.
public enum PhoneNormalizer {
    /// A cell that may hold several numbers (`027-85317019，138 0000 0000`): each normalised, joined by `，`.
    public static func normalizeAll(_ text: String) -> String {
        var parts = text.foldingFullWidth.split(whereSeparator: isSeparator).map(String.init)
        // Numbers separated only by spaces: split there when joining them would make an over-long number.
        if parts.count == 1, parts[0].filter(\.isNumber).count > 13 {
            parts = parts[0].split(separator: " ").map(String.init)
        }
        return parts.map(normalize).filter { !$0.isEmpty }.joined(separator: "，")
    }

    /// Whether a character separates two numbers in one cell (`，,、;；/` or a line break); compared one by one
    /// (a search of a string of them per character cost more than the rest of the normalising).
    private static func isSeparator(_ character: Character) -> Bool {
        switch character {
        case "，", ",", "、", ";", "；", "/", "\n": true
        default: false
        }
    }

    public static func normalize(_ text: String) -> String {
        var value = text.foldingFullWidth.trimmingWhitespace()
        // (None of these is in ASCII text, as most numbers are once folded to half width.)
        if !value.utf8.allSatisfy({ $0 < 0x80 }) {
            value = value.replacingOccurrences(of: "分机", with: "-").replacingOccurrences(of: "转", with: "-")
                .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "－", with: "-")
                .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        }
        value = value.filter { !$0.isWhitespace }
        var international = false
        for prefix in ["+86-", "+86", "0086-", "0086", "(+86)", "(86)", "(0086)"] where value.hasPrefix(prefix) {
            value.removeFirst(prefix.count)
            international = true
            break
        }
        // (027)85317019 → 027-85317019
        if value.hasPrefix("("), let close = value.firstIndex(of: ")") {
            let rest = value[value.index(after: close)...].drop { $0 == "-" }
            value = String(value[value.index(after: value.startIndex)..<close]) + "-" + rest
        }
        // After +86 a landline drops its trunk 0: +86 27 8765 4321 → 027-87654321.
        if international, let first = value.first, ("2"..."9").contains(first) {
            value = "0" + value
        }
        // A mobile written in groups: 138-0000-0000 → 13800000000.
        if isGroupedMobile(value) {
            return value.filter(\.isNumber)
        }
        let digitsOnly = value.filter(\.isNumber)
        if digitsOnly == value, digitsOnly.hasPrefix("0"), !digitsOnly.hasPrefix("00"), (10...12).contains(digitsOnly.count) {
            // A landline written without its hyphen: split after the area code.
            let areaLength = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]
                .contains(String(digitsOnly.prefix(3))) ? 3 : 4
            return String(digitsOnly.prefix(areaLength)) + "-" + digitsOnly.dropFirst(areaLength)
        }
        return value
    }

    /// Whether the number is a mobile, hyphens or not: `^1[3-9]\d-?\d{4}-?\d{4}$`, read directly in ASCII
    /// text (where `\d` is 0–9 and no line break is left for `$` to stop before).
    private static let groupedMobile = TextPattern(#"^1[3-9]\d-?\d{4}-?\d{4}$"#)

    static func isGroupedMobile(_ value: String) -> Bool {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return groupedMobile.matches(value)
        }
        var bytes = Array(value.utf8)[...]
        func digits(_ count: Int) -> Bool {
            guard bytes.count >= count, bytes.prefix(count).allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            bytes = bytes.dropFirst(count)
            return true
        }
        func optionalHyphen() { if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() } }
        guard bytes.first == UInt8(ascii: "1"), bytes.count >= 2, (0x33...0x39).contains(bytes[bytes.startIndex + 1]) else { return false }
        bytes = bytes.dropFirst(2)
        guard digits(1) else { return false }
        optionalHyphen()
        guard digits(4) else { return false }
        optionalHyphen()
        return digits(4) && bytes.isEmpty
    }
}
