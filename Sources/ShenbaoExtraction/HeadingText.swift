import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Text under a heading, found line by line: a heading line (`一、申请理由（包括…）`, `1、项目研究背景`,
/// `立项依据：`) is recognised by its words with the ordinal, notes in brackets and colons left out; its
/// text runs to the next heading of the same numbering (`一、` → `二、`, `1、` → `2、`, `（1）` → `（2）`).
enum HeadingText {
    /// A heading line's key: no ordinal, no bracketed notes, no colons or spaces.
    package static func key(_ line: String) -> String {
        LabelMatcher.bare(withoutOrdinal(line).labelKey)
    }

    /// The line without its leading ordinal.
    static func withoutOrdinal(_ line: String) -> String {
        guard let range = pattern.firstMatch(in: line) else { return line }
        return String(line[range.upperBound...])
    }

    /// A line's numbering style (`一、` and `三、` share one, `1、` another), or nil when it has none.
    package static func style(_ line: String) -> String? {
        guard let range = pattern.firstMatch(in: line) else { return nil }
        var style = ""
        for character in line[range].filter({ !$0.isWhitespace }).foldingFullWidth {
            if character.isNumber, character.isASCII { if style.last != "9" { style.append("9") } }
            else if "一二三四五六七八九十".contains(character) { if style.last != "九" { style.append("九") } }
            else { style.append(character) }
        }
        return style
    }

    /// The text below the heading `key` in `lines`: the rest of the heading line after a colon, then
    /// every line up to the next heading of the same numbering style. Nil when no line is the heading.
    package static func text(under key: String, in lines: [String]) -> String? {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace()
            let lineKey = Self.key(trimmed)
            var first: String?
            if lineKey == key {
                first = nil
            } else if lineKey.hasPrefix(key), let colon = trimmed.firstIndex(where: { ":：".contains($0) }),
                      Self.key(String(trimmed[..<colon])) == key {
                first = String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace()
            } else {
                continue
            }
            let style = Self.style(trimmed)
            var body: [String] = first.map { [$0] }?.filter { !$0.isEmpty } ?? []
            for next in lines[(index + 1)...] {
                if let style, Self.style(next.trimmingWhitespace()) == style { break }
                body.append(next)
            }
            return body.joined(separator: "\n")
        }
        return nil
    }

    /// The lines of `text` after the line that starts with `from` (and what follows it on that line)
    /// up to the line that starts with `to`; nil when `from` is not there.
    package static func between(_ text: String, from: String?, to: String?) -> String? {
        var lines = text.components(separatedBy: "\n")
        if let from {
            let fromKey = key(from)
            guard let start = lines.firstIndex(where: { key($0).hasPrefix(fromKey) }) else { return nil }
            let line = withoutOrdinal(lines[start].trimmingWhitespace())
            var rest = ""
            if let colon = line.firstIndex(where: { ":：".contains($0) }) { rest = String(line[line.index(after: colon)...]).trimmingWhitespace() }
            lines = (rest.isEmpty ? [] : [rest]) + lines[(start + 1)...]
        }
        if let to {
            let toKey = key(to)
            if let end = lines.firstIndex(where: { key($0).hasPrefix(toKey) }) { lines = Array(lines[..<end]) }
        }
        return lines.joined(separator: "\n")
    }

    package static let pattern = TextPattern(#"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\[?\d{1,2}\]?[、.．](?!\d)|\d{1,2}\s)\s*"#)
}
