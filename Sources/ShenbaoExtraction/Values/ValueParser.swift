import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Turns the raw text found for a field into its typed value.
public enum ValueParser {
    /// A list item's number or bullet (`1.`, `（2）`, `•`) with the spaces around it.
    private static let listMarker = TextPattern(#"^\s*(\d+[.、．)]|[（(]\d+[）)]|[-•·])\s*"#)

    /// The outcome of parsing one field's text.
    public enum Outcome: Equatable, Sendable {
        /// Nothing written (blank, underscores, or only the form's own hint).
        case blank
        case value(FieldValue)
        /// Text is there but is not a value of the field's type; kept for the validator.
        case unparsed(String)
    }

    /// Parses `raw` as a value of `field`.
    public static func parse(_ raw: String, as field: FieldSpec) -> Outcome {
        let text = cleaned(raw, keepLines: field.type == .longtext || field.type == .list || field.type == .choice || field.type == .multichoice)
        if text.isEmpty { return .blank }
        switch field.type {
        case .text:
            return .value(.string(text.replacingOccurrences(ofByte: 0x0A, with: " ")))
        case .longtext:
            return .value(.string(text))
        case .uscc:
            return .value(.string(text.foldingFullWidth.filter { !$0.isWhitespace }.uppercased()))
        case .phone:
            return .value(.string(PhoneNormalizer.normalizeAll(text)))
        case .email:
            return .value(.string(text.foldingFullWidth.filter { !$0.isWhitespace }))
        case .url:
            return .value(.string(text.foldingFullWidth.filter { !$0.isWhitespace }))
        case .date:
            return DateParser.parse(text).map { .value(.string($0)) } ?? .unparsed(text)
        case .daterange:
            return DateParser.parseRange(text).map { .value(.range(start: $0.start, end: $0.end)) } ?? .unparsed(text)
        case .int:
            return NumberParser.parseInt(text).map { .value(.int($0)) } ?? .unparsed(text)
        case .money:
            return NumberParser.parse(text, toTenThousands: true).map { .value(.number($0)) } ?? .unparsed(text)
        case .decimal:
            return NumberParser.parse(text).map { .value(.number($0)) } ?? .unparsed(text)
        case .choice:
            let choices = ChoiceReader.read(text, options: field.options)
            if choices.isEmpty { return hasWriting(text, besides: field.options) ? .unparsed(text) : .blank }
            if choices.count == 1 { return .value(.string(choices[0].value)) }
            // More than one ticked on a single-choice field: keep them all for the validator to report.
            return .unparsed(choices.map(\.value).joined(separator: "；"))
        case .multichoice:
            let choices = ChoiceReader.read(text, options: field.options)
            if choices.isEmpty { return hasWriting(text, besides: field.options) ? .unparsed(text) : .blank }
            return .value(.strings(choices.map(\.value)))
        case .list:
            let items = text.split(separator: "\n").map { item in
                listMarker.replacingMatches(in: String(item), with: "")
                    .trimmingWhitespace()
            }.filter { !$0.isEmpty && $0 != "无" }
            return items.isEmpty ? .blank : .value(.strings(items))
        }
    }

    /// Trims, collapses spaces, drops fill-in underscores; keeps line breaks only when asked.
    package static func cleaned(_ raw: String, keepLines: Bool) -> String {
        let text = spacingFillIns(raw.replacingOccurrences(ofByte: 0x0D, with: "\n"))
        // (Most values are one line: no splitting into characters, and collapsing spaces again would change nothing.)
        let oneLine = !text.containsByte(0x0A)
        let lines = (oneLine ? [Substring(text)] : text.nonEmptyLines())
            .map { String($0).collapsingSpaces.trimmingWhitespace() }.filter { !$0.isEmpty }
        let joined = keepLines || oneLine ? lines.joined(separator: "\n") : lines.joined(separator: " ").collapsingSpaces
        let value = joined.trimmingWhitespace()
        // A dash or 无 alone means "nothing" (a value of two characters at most, four bytes each at most: the
        // comparison is not made for the rest).
        if !keepLines, value.utf8.count <= 8 {
            switch value {
            case "无", "/", "-", "—", "——": return ""
            default: break
            }
        }
        return value
    }

    /// Tabs and fill-in blanks (two or more `_`/`＿` in a row) as one space each.
    static func spacingFillIns(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x5F }) || text.containsBytes("＿") else { return text }
        var out = String.UnicodeScalarView()
        var underscores = String.UnicodeScalarView()
        func flush() {
            if underscores.count >= 2 { out.append(" ") } else { out.append(contentsOf: underscores) }
            underscores.removeAll()
        }
        for scalar in text.unicodeScalars {
            if scalar == "_" || scalar == "＿" {
                underscores.append(scalar)
                continue
            }
            flush()
            out.append(scalar == "\t" ? " " : scalar)
        }
        flush()
        return String(out)
    }

    /// Whether a checkbox cell holds writing besides the printed options and marks.
    static func hasWriting(_ text: String, besides options: [String]) -> Bool {
        var rest = text.labelKey
        for option in options { rest = rest.replacingOccurrences(of: option.labelKey, with: "") }
        rest.removeAll { ChoiceReader.checkedMarks.contains($0) || ChoiceReader.uncheckedMarks.contains($0) || "(请注明):：_".contains($0) }
        return !rest.isEmpty
    }
}
