import Foundation

/// Reads dates as applicants write them: `2026年3月26日`, `2026.03.26`, `2026/3/26`, `2026-03-26`,
/// and partial dates (`2026年3月`, `2026-03`) which keep only what is given.
public enum DateParser {
    /// One date occurrence inside a text.
    public struct Match: Equatable, Sendable {
        /// "YYYY-MM-DD" or "YYYY-MM" (or "YYYY" for a bare year with 年).
        public var value: String
        public var range: Range<String.Index>
    }

    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<!\d)(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})(?!\d)(?:\s*(?:月|[./\-])\s*(\d{1,2})(?!\d)\s*日?|\s*月(?!\s*\d))?"#)

    /// Every date in the text, in order.
    public static func matches(in text: String) -> [Match] {
        let folded = text.foldingFullWidth
        let nsRange = NSRange(folded.startIndex..., in: folded)
        return pattern.matches(in: folded, range: nsRange).compactMap { result in
            guard let range = Range(result.range, in: folded),
                  let year = Int(folded.substring(result.range(at: 1))),
                  let month = Int(folded.substring(result.range(at: 2))),
                  (1900...2100).contains(year), (1...12).contains(month) else { return nil }
            if result.range(at: 3).location != NSNotFound, let day = Int(folded.substring(result.range(at: 3))) {
                guard isValid(year: year, month: month, day: day) else { return nil }
                return Match(value: String(format: "%04d-%02d-%02d", year, month, day), range: range)
            }
            return Match(value: String(format: "%04d-%02d", year, month), range: range)
        }
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

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }
}

extension String {
    /// The text of an NSRange in this string ("" when out of range).
    func substring(_ range: NSRange) -> String {
        guard range.location != NSNotFound, let swiftRange = Range(range, in: self) else { return "" }
        return String(self[swiftRange])
    }
}
