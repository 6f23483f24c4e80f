import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Finds a narrative passage of the book by its heading (Hubei's `1.项目概述。…`, which feeds the
/// 汇总表's 工业模型项目描述): the text after the heading in its paragraph and the paragraphs that
/// follow, up to the next numbered item or heading. The blank form's own instruction
/// (`包括立项的背景…`) is not a passage.
enum PassageFinder {
    static let instructionPrefixes = ["包括", "（包括", "(包括"]
    /// The number before a heading's text (`1.`, `（二）`), with the spaces around it.
    private static let leadingNumber = TextPattern(#"^\s*(\d+\s*[.、．]|[（(][一二三四五六七八九十\d]+[)）])\s*"#)
    /// A paragraph opening the next numbered item, which ends a passage.
    private static let nextItem = TextPattern(#"^\s*(\d+\s*[.、．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"#)

    package static func passage(_ heading: String, in document: Document) -> String? {
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { return paragraph.text.trimmingWhitespace() }
            return nil
        }
        let key = heading.labelKey
        let keyIsByteComparable = key.isByteComparable
        for (index, text) in paragraphs.enumerated() {
            // A paragraph whose key lacks the heading's cannot start with it (known on bytes where bytes compare characters).
            if keyIsByteComparable, !text.labelKey.containsBytes(key), text.isByteComparable { continue }
            let stripped = leadingNumber.replacingMatches(in: text, with: "")
            guard stripped.labelKey.hasPrefix(key), let range = stripped.range(of: heading.trimmingWhitespace()) ?? stripped.range(of: heading) else { continue }
            var first = String(stripped[range.upperBound...]).trimmingWhitespace()
            while let mark = first.first, "。：:.，, ".contains(mark) { first.removeFirst() }
            var lines = first.isEmpty ? [] : [first]
            for next in paragraphs.dropFirst(index + 1) {
                if nextItem.matches(next) { break }
                if !next.isEmpty { lines.append(next) }
            }
            let passage = lines.joined(separator: "\n")
            if passage.isEmpty || instructionPrefixes.contains(where: { passage.hasPrefix($0) }) { continue }
            return passage
        }
        return nil
    }
}
