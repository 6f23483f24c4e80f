import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Shortens a passage to about `target` characters for a summary cell (工业模型项目描述（100字左右）):
/// the passage's lines are joined, and it is cut after the sentence end (。！？；) closest to `target`
/// within half to one and a half times `target`. A passage already that short is kept whole; one with
/// no sentence end in reach is cut at `target` and marked with `…`.
public enum PassageCut {
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "!", "?", ";"]

    public static func cut(_ passage: String, near target: Int) -> String {
        let lines = passage.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        let text = Array(lines.joined())
        guard text.count > target else { return String(text) }
        var best: Int?
        for (index, character) in text.enumerated() where sentenceEnds.contains(character) {
            let length = index + 1
            guard length * 2 >= target, length * 2 <= target * 3 else { continue }
            if best == nil || abs(length - target) < abs(best! - target) { best = length }
        }
        if let best {
            var result = String(text[..<best])
            // A clause cut at `；` ends the description as a sentence.
            if let last = result.last, last == "；" || last == ";" { result = String(result.dropLast()) + "。" }
            return result
        }
        return String(text[..<target]) + "…"
    }
}
