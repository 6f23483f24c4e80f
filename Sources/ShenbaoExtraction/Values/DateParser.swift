import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads dates as applicants write them: `2026年3月26日`, `2026.03.26`, `2026/3/26`, `2026-03-26`,
/// in Chinese numerals (`二〇二六年三月二十六日`, zero as 〇, ○ or 零, mixed forms like `2026年三月`),
/// and partial dates (`2026年3月` → `2026-03`, `二〇二六年` → `2026`) which keep only what is given.
/// Nothing is guessed: an impossible date (`二月三十日`) is no date.
public enum DateParser {
    /// One date occurrence inside a text.
    public struct Match: Equatable, Sendable {
        /// "YYYY-MM-DD" or "YYYY-MM" (or "YYYY" for a bare year with 年).
        public var value: String
        public var range: Range<String.Index>
    }

    /// Year, then month (and day) — or a year with 年 alone (a bare year; four digits without 年 are no date).
    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{4})\s*(?:(?:年|[./\-])\s*(\d{1,2})(?!\d)(?:\s*(?:月|[./\-])\s*(\d{1,2})(?!\d)\s*[日号]?|\s*月(?!\s*\d))?|年(?!\s*\d))"#)

    /// Every date in the text, in order. The ranges are in the text with full-width characters folded and
    /// Chinese numerals of dates written as digits.
    public static func matches(in text: String) -> [Match] {
        let folded = arabicNumerals(text.foldingFullWidth)
        let nsRange = NSRange(folded.startIndex..., in: folded)
        return pattern.matches(in: folded, range: nsRange).compactMap { result in
            guard let range = Range(result.range, in: folded),
                  let year = Int(folded.substring(result.range(at: 1))),
                  (1900...2100).contains(year) else { return nil }
            guard result.range(at: 2).location != NSNotFound else {
                return Match(value: digits(year, 4), range: range)
            }
            guard let month = Int(folded.substring(result.range(at: 2))), (1...12).contains(month) else { return nil }
            if result.range(at: 3).location != NSNotFound, let day = Int(folded.substring(result.range(at: 3))) {
                guard isValid(year: year, month: month, day: day) else { return nil }
                return Match(value: "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))", range: range)
            }
            return Match(value: "\(digits(year, 4))-\(digits(month, 2))", range: range)
        }
    }

    /// A non-negative number in at least `width` digits, zeros in front (`String(format: "%04d")` without the
    /// formatter, which cost more than the rest of reading a date).
    private static func digits(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The single date in a text; nil when there is none, or more than one.
    public static func parse(_ text: String) -> String? {
        let found = matches(in: text)
        return found.count == 1 ? found[0].value : nil
    }

    /// A date range: two dates joined by 至, 到, —, –, -, ~ or ～.
    public static func parseRange(_ text: String) -> (start: String, end: String)? {
        let found = matches(in: text)
        guard found.count == 2 else { return nil }
        return (found[0].value, found[1].value)
    }

    // MARK: Chinese numerals

    private static let chineseDigits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "O": 0, "o": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    /// A year of four digits, some Chinese (`二〇二六`, `二0二六`, `二O二六`), before 年.
    private static let chineseYear = try! NSRegularExpression(pattern: #"(?<![\d一二三四五六七八九〇○零])([\d一二三四五六七八九〇○零Oo]{4})(?=\s*年)"#)
    /// A month (after 年) or a day (after 月) in Chinese numerals, before 月 / 日 or 号.
    private static let chineseMonth = try! NSRegularExpression(pattern: #"(?<=年)(\s*)([一二三四五六七八九十〇零元]{1,3})(?=\s*月)"#)
    private static let chineseDay = try! NSRegularExpression(pattern: #"(?<=月)(\s*)([一二三四五六七八九十〇零]{1,4})(?=\s*[日号])"#)

    /// The text with the Chinese numerals of dates written in digits: `二〇二六年三月二十六日` → `2026年3月26日`.
    /// A numeral that is no number (`三二十`) becomes `99`, which no month or day accepts.
    static func arabicNumerals(_ text: String) -> String {
        guard text.contains(where: { (chineseDigits[$0] != nil && !$0.isASCII) || $0 == "十" || $0 == "元" }) else { return text }
        var result = replacing(chineseYear, in: text) { groups in
            let digits = groups[1].map { $0.isASCII && $0.isNumber ? $0.wholeNumberValue : chineseDigits[$0] }
            // Only a year with a Chinese numeral in it: `2O26` stays what it is.
            guard digits.allSatisfy({ $0 != nil }), groups[1].contains(where: { !$0.isASCII }) else { return groups[1] }
            return digits.map { String($0!) }.joined()
        }
        for pattern in [chineseMonth, chineseDay] {
            result = replacing(pattern, in: result) { groups in
                groups[1] + String(smallNumber(groups[2]) ?? 99)
            }
        }
        return result
    }

    /// 1–99 written in Chinese (`三`, `十`, `十二`, `二十`, `三十一`; `元` for the first month); nil otherwise.
    static func smallNumber(_ text: String) -> Int? {
        if text == "元" { return 1 }
        let characters = Array(text)
        func digit(_ c: Character) -> Int? { chineseDigits[c].flatMap { $0 == 0 ? nil : $0 } }
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : digit(characters[0])
        case 2:
            if characters[0] == "十" { return digit(characters[1]).map { 10 + $0 } }
            if characters[1] == "十" { return digit(characters[0]).map { $0 * 10 } }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digit(characters[0]), let units = digit(characters[2]) else { return nil }
            return tens * 10 + units
        default: return nil
        }
    }

    /// `text` with each match of `pattern` replaced by what `replacement` makes of its groups (0 = the match).
    private static func replacing(_ pattern: NSRegularExpression, in text: String, _ replacement: ([String]) -> String) -> String {
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { text.substring(match.range(at: $0)) }
            result += text[last..<range.lowerBound] + replacement(groups)
            last = range.upperBound
        }
        return result + text[last...]
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }
}
