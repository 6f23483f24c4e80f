import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Template guidance an applicant left in an answer: a note in brackets that tells how to fill the
/// field (`（详细到门牌号）`, `（不超过500字）`, `（与营业执照一致）`), before or after the answer, in the same
/// paragraph or on a line of its own. Only a bracketed note that starts like an instruction, and sits at
/// the start or end of a line, is guidance; brackets inside an answer (`某某（武汉）有限公司`) are kept.
package enum GuidanceText {
    /// How guidance notes begin.
    static let openings = ["请", "须", "需", "应", "不超过", "不少于", "不多于", "限", "如有", "如无", "如基于", "如为", "如是",
                           "若有", "若无", "例如", "注：", "注:", "填写", "详细到", "与营业执照", "必填", "选填", "可不填", "可选"]

    /// The text without guidance notes.
    package static func removing(from text: String) -> String {
        // (Most answers hold no bracket at all: told from the bytes, before any character is formed. A bracket byte
        // is a bracket character unless a combining mark follows it.)
        guard text.containsByte(UInt8(ascii: "(")) || text.containsBytes("（"),
              text.isMadeOfOwnCharacters || text.contains(where: { $0 == "（" || $0 == "(" }) else { return text }
        let lines = text.lines().map { strippedLine(String($0)) }
        return lines.filter { !$0.trimmingWhitespace().isEmpty || lines.count == 1 }.joined(separator: "\n")
    }

    private static func strippedLine(_ line: String) -> String {
        var line = line.trimmingWhitespace()
        var changed = true
        while changed {
            changed = false
            if let first = line.first, "（(".contains(first), let close = line.firstIndex(where: { "）)".contains($0) }),
               isGuidance(line[line.index(after: line.startIndex)..<close]) {
                line = String(line[line.index(after: close)...]).trimmingWhitespace()
                changed = true
            }
            if let last = line.last, "）)".contains(last), let open = line.lastIndex(where: { "（(".contains($0) }),
               isGuidance(line[line.index(after: open)..<line.index(before: line.endIndex)]) {
                line = String(line[..<open]).trimmingWhitespace()
                changed = true
            }
        }
        return line
    }

    private static func isGuidance(_ note: Substring) -> Bool {
        let note = note.trimmingPrefix { $0 == " " || $0 == "\u{3000}" }
        return !note.contains(where: { "（(）)".contains($0) }) && openings.contains { note.hasPrefix($0) }
    }
}
