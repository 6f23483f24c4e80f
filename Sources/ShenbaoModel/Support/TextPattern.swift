import Foundation

/// A regular expression compiled once, for patterns tried on every line, cell or value.
///
/// `String.range(of:options: .regularExpression)` and `replacingOccurrences(of:with:options: .regularExpression)`
/// look their pattern up in Foundation's cache at every call, under a key formatted by reflection, which
/// costs more than matching a short text. This is the same ICU expression with the same (default) options,
/// so it finds the same matches.
package struct TextPattern: @unchecked Sendable {
    private let expression: NSRegularExpression

    /// `pattern` must be valid: it is written in the source, and a typo stops the program at its first use.
    package init(_ pattern: String) {
        expression = try! NSRegularExpression(pattern: pattern)
    }

    /// The first match in `text`, if any.
    package func firstMatch(in text: String) -> Range<String.Index>? {
        let found = expression.rangeOfFirstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        return found.location == NSNotFound ? nil : Range(found, in: text)
    }

    /// Whether `text` holds a match.
    package func matches(_ text: String) -> Bool {
        expression.rangeOfFirstMatch(in: text, range: NSRange(text.startIndex..., in: text)).location != NSNotFound
    }

    /// `text` with every match replaced by `template` (`$1` for a group, as `replacingOccurrences`).
    package func replacingMatches(in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
