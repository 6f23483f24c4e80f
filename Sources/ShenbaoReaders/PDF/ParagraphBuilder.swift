import ShenbaoModel
import ShenbaoSupport

/// Joins consecutive lines into paragraphs.
///
/// A new paragraph starts where the vertical gap exceeds the block's usual gap between lines
/// (its median, so double-spaced text is not cut at every line) by `paragraphGap`, or where the
/// previous line stops clearly short of the block's right edge (which also covers a first-line
/// indent after it). Outside tables, a line starting right of the previous one (an indent, or a
/// centred line — unless it is the centred last line of a wrapped centred paragraph, set closer than
/// the block's usual gap) also starts a
/// paragraph; inside cells it does not, since table labels are often
/// centred and the second line of a centred label would look indented. A line opening a numbered item
/// (`（五）`, `1.`) always starts a paragraph.
///
/// Wrapped lines are joined without a space between CJK characters; an ASCII word and the non-CJK
/// text after it (a word, or a box printed as `£`) get a space, unless the previous line is one
/// unbroken token (LibreOffice breaks a long e-mail or number mid-word).
enum ParagraphBuilder {
    /// A vertical gap larger than the median gap by this many glyph heights separates paragraphs.
    static let paragraphGap = 0.5
    /// With `breakOnIndent`, a line starting more than this many glyph heights right of the previous one starts a paragraph.
    package static let indent = 1.0
    /// A line ending more than this many glyph heights before the right edge ends its paragraph.
    static let shortLine = 1.6
    /// Lines whose centres (or left edges) differ by less than this many glyph heights are aligned.
    static let centring = 0.5
    /// A gap smaller than the block's usual gap by this many glyph heights is a wrap inside a paragraph.
    static let tightGap = 0.3

    /// - Parameters:
    ///   - lines: lines of one text block (a cell, or the text between two tables), top to bottom.
    ///   - rightEdge: where full lines end; nil to use the longest line.
    ///   - breakOnIndent: whether a line starting right of the previous one starts a paragraph.
    package static func paragraphs(from lines: [TextLine], rightEdge: Double? = nil, breakOnIndent: Bool = false) -> [String] {
        guard let first = lines.first else { return [] }
        let right = max(rightEdge ?? 0, lines.map(\.box.x1).max() ?? first.box.x1)
        let gaps = zip(lines, lines.dropFirst()).map { $1.box.y0 - $0.box.y1 }.sorted()
        let usualGap = gaps.isEmpty ? 0 : gaps[(gaps.count - 1) / 2]
        var paragraphs: [String] = [first.text]
        for (previous, line) in zip(lines, lines.dropFirst()) {
            let height = max(previous.glyphHeight, line.glyphHeight)
            let gap = line.box.y0 - previous.box.y1
            // Full: the line ends near the edge, or the next line's first word would not have fitted after it.
            let room = right - previous.box.x1
            let full = room <= shortLine * height || room < line.firstWordWidth
            // The last line of a centred paragraph (a cover line that wraps) sits centred under the full line above.
            let centredUnder = abs((line.box.x0 + line.box.x1) - (previous.box.x0 + previous.box.x1)) / 2 < centring * height
            // Lines set closer than the block's usual gap, on the same left edge, are one wrapped paragraph
            // even when the first stops short (a cover line spaced apart from the next ones).
            let wrapped = gap < usualGap - tightGap * height && (abs(line.box.x0 - previous.box.x0) < centring * height || centredUnder)
            let startsNew = gap > usualGap + paragraphGap * height
                || (!full && !wrapped)
                || (breakOnIndent && line.box.x0 - previous.box.x0 > indent * height && !wrapped)
                || startsNumberedItem(line.text)
            if startsNew {
                paragraphs.append(line.text)
            } else {
                paragraphs[paragraphs.count - 1] = join(paragraphs[paragraphs.count - 1], line.text,
                                                        previousLine: previous.text)
            }
        }
        return paragraphs
    }

    /// Whether a line opens a numbered item (`（五）…`, `五、…`, `1.项目概述`, `(2)`), which always starts a
    /// paragraph even when the line before it ran to the right edge. `1.5倍` is not an item.
    static func startsNumberedItem(_ text: String) -> Bool {
        // Most lines start with something no item starts with: skip the expression for them.
        guard let first = text.unicodeScalars.first(where: { !isSpace($0) }), itemStarts.contains(first)
                || first.properties.generalCategory == .decimalNumber else { return false }
        return numberedItem.matches(text)
    }

    private static let numberedItem = TextPattern(#"^\s*([（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))"#)
    /// What a numbered item can start with besides a digit.
    private static let itemStarts = Set("（(一二三四五六七八九十".unicodeScalars)

    /// Whitespace as Unicode has it, or a separator: at least every scalar `\s` matches.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Joins a wrapped line to the text before it.
    static func join(_ text: String, _ next: String, previousLine: String) -> String {
        guard let last = text.unicodeScalars.last, let first = next.unicodeScalars.first else { return text + next }
        let wordBoundary = isASCIIWordEnd(last) && !first.properties.isWhitespace && !SpacingNormalizer.isCJK(first)
        let brokenToken = !previousLine.contains(" ")
        return wordBoundary && !brokenToken ? text + " " + next : text + next
    }

    /// ASCII letters, digits and the punctuation that can end an ASCII word before a wrap.
    static func isASCIIWordEnd(_ scalar: Unicode.Scalar) -> Bool {
        SpacingNormalizer.isASCIIAlphanumeric(scalar) || ",.;:!?)".unicodeScalars.contains(scalar)
    }
}
