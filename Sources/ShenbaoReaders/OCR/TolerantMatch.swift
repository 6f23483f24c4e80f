import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Whether a known value (a company name, a 统一社会信用代码, a project name, a date) appears in OCR text,
/// tolerating what OCR gets wrong.
///
/// - Both sides are normalised: full-width folded (NFKC), spaces, punctuation and symbols dropped
///   (`申报单位：宜昌 睿视…` ≈ `申报单位宜昌睿视…`), ASCII letters upper-cased.
/// - Letters and digits OCR confuses (O/D/Q↔0, I/L↔1, Z↔2, S↔5, B↔8, G↔6) compare equal at no cost;
///   they are counted as `confusions`.
/// - The value is searched as an approximate substring (Sellers' algorithm: edit distance to the
///   best-matching window of the text, a misread character costing 1 and a missing or extra one 2), and
///   accepted when the distance is within `allowedErrors`:
///   one error per six characters that tell one name from another (a generic ending such as 有限公司
///   does not count), none for values shorter than six. A 统一社会信用代码 allows no real error (see
///   `findUSCC`); a date none (see `findDate`).
public enum TolerantMatch {
    /// What the value is, which decides the tolerance.
    public enum Kind: Sendable {
        /// Free text: a project or model name, an address.
        case text
        /// An organisation name: the generic ending (有限公司, 研究院…) does not earn tolerance.
        case organisation
    }

    /// The best place the value was found.
    public struct Match: Sendable, Equatable {
        /// The OCR text of the matching window, as it was read (spaces and punctuation included).
        public var found: String
        /// Edits (substitutions, insertions, deletions) between the normalised value and window,
        /// not counting confusions.
        public var distance: Int
        /// Confusable letters/digits taken as equal (O for 0 …).
        public var confusions: Int
        /// The most edits accepted for this value.
        public var allowed: Int
        public var accepted: Bool { distance <= allowed }
    }

    // MARK: Normalisation

    /// The normalised form of `text` (what is compared).
    public static func normalise(_ text: String) -> String {
        String(normalised(text).map(\.character))
    }

    /// Normalised characters, each with the range of the original character it came from.
    package static func normalised(_ text: String) -> [(character: Character, source: Range<String.Index>)] {
        var out: [(Character, Range<String.Index>)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let folded = String(text[index..<next]).precomposedStringWithCompatibilityMapping
            for character in folded where keeps(character) {
                let upper = character.isASCII ? Character(character.uppercased()) : character
                out.append((upper == "〇" ? "0" : upper, index..<next))
            }
            index = next
        }
        return out
    }

    private static func keeps(_ character: Character) -> Bool {
        if character == "〇" { return true }
        return character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return false
            }
        }
    }

    /// The digit an ASCII letter is confused with, or the character itself.
    static func confusionClass(_ character: Character) -> Character {
        switch character {
        case "O", "D", "Q": return "0"
        case "I", "L": return "1"
        case "Z": return "2"
        case "S": return "5"
        case "B": return "8"
        case "G": return "6"
        default: return character
        }
    }

    // MARK: Tolerance

    /// Generic endings of organisation names, longest first.
    package static let genericEndings = ["股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "研究院", "研究所",
                                 "集团", "公司", "大学", "学院", "中心"]

    /// The most edits accepted for `value`: one per six distinctive characters.
    public static func allowedErrors(for value: String, kind: Kind = .text) -> Int {
        var length = normalise(value).count
        if kind == .organisation, let ending = genericEndings.first(where: { value.hasSuffix($0) }) {
            length -= ending.count
        }
        return max(0, length) / 6
    }

    // MARK: Search

    /// The best approximate occurrence of `value` in `text` (nil when either is empty after normalising).
    public static func find(_ value: String, in text: String, kind: Kind = .text) -> Match? {
        let allowed = allowedErrors(for: value, kind: kind)
        return search(Array(normalise(value)), in: text, allowed: allowed)
    }

    /// Whether `value` appears in `text` within its tolerance.
    public static func contains(_ value: String, in text: String, kind: Kind = .text) -> Bool {
        find(value, in: text, kind: kind)?.accepted ?? false
    }

    /// Sellers' algorithm: edit distance of `pattern` to its best-matching window of `text`, with the window.
    /// What a character too many or too few costs: two errors. OCR misreads characters (睿 → 窜) far more
    /// than it drops or adds them, while another version of a name often differs by one character left out
    /// (工业视觉检测模型 / 工业视觉检测大模型); at cost 1 that pair was accepted, at 2 no wrong value was (see README).
    static let indelCost = 2

    package static func search(_ pattern: [Character], in text: String, allowed: Int) -> Match? {
        let haystack = normalised(text)
        guard !pattern.isEmpty, !haystack.isEmpty else { return nil }
        struct Cell: Comparable {
            var cost: Int, confusions: Int, start: Int
            static func < (a: Cell, b: Cell) -> Bool { (a.cost, a.confusions) < (b.cost, b.confusions) }
        }
        let m = pattern.count
        // Column j holds, for each pattern prefix, the best window ending before haystack[j].
        var previous = (0...m).map { Cell(cost: $0, confusions: 0, start: 0) }
        var current = previous
        var best: (cell: Cell, end: Int)? = nil
        for j in 1...haystack.count {
            let character = haystack[j - 1].character
            current[0] = Cell(cost: 0, confusions: 0, start: j)
            for i in 1...m {
                var diagonal = previous[i - 1]
                if pattern[i - 1] != character {
                    if character.isASCII && pattern[i - 1].isASCII
                        && confusionClass(character) == confusionClass(pattern[i - 1]) {
                        diagonal.confusions += 1
                    } else {
                        diagonal.cost += 1
                    }
                }
                var skipText = previous[i]; skipText.cost += indelCost        // an extra character in the text
                var skipPattern = current[i - 1]; skipPattern.cost += indelCost // a character of the value missing
                current[i] = min(diagonal, skipText, skipPattern)
            }
            if best == nil || current[m] < best!.cell { best = (current[m], j) }
            swap(&previous, &current)
        }
        guard let (cell, end) = best, cell.start < end else { return nil }
        let found = String(text[haystack[cell.start].source.lowerBound..<haystack[end - 1].source.upperBound])
        return Match(found: found, distance: cell.cost, confusions: cell.confusions, allowed: allowed)
    }

    // MARK: 统一社会信用代码

    /// Letters that are never in a code (GB 32100 leaves out I, O, Z, S, V) and what OCR misread them from.
    static let impossibleLetters: [Character: Character] = ["O": "0", "I": "1", "Z": "2", "S": "5", "V": "U"]
    /// Look-alikes that are both allowed in a code; which one was printed is decided by the check character.
    static let ambiguousPairs: [Character: Character] = ["B": "8", "8": "B", "G": "6", "6": "G", "L": "1", "1": "L"]

    /// Finds a 统一社会信用代码 in OCR text. The OCR window is repaired on its own, without looking at
    /// `code` (but for one spare character, dropped where that leaves a reading that repairs to it): letters
    /// a code never has become the digit they resemble (O→0, I→1, Z→2, S→5, V→U), and
    /// when the result fails the GB 32100 check character, the fewest look-alike swaps (B↔8, G↔6, L↔1; one,
    /// then two) that make it validate are made. Accepted only when a repaired code validates and equals
    /// `code` (a printed code other than `code` would have to differ from it only in look-alike places and
    /// still validate); any other difference is a different code or a misread
    /// that cannot be told from one (one real substitution always breaks the check character), so
    /// `allowed` is 0 and `distance` is at least 1 for a refused window.
    public static func findUSCC(_ code: String, in text: String) -> Match? {
        let expected = Array(normalise(code))
        guard var match = search(expected, in: text, allowed: 0) else { return nil }
        let window = Array(normalise(match.found))
        // One character too many (a stroke read as a letter of its own: 1 read 1I) is dropped, where what
        // is left repairs to the code.
        let readings = window.count == expected.count + 1
            ? window.indices.map { index in var shorter = window; shorter.remove(at: index); return shorter } : [window]
        if let reading = readings.first(where: { repairUSCC($0).contains(expected) }) {
            match.distance = 0
            match.confusions = zip(reading, expected).filter { $0 != $1 }.count + (window.count - reading.count)
        } else {
            match.distance = max(match.distance, 1)
        }
        return match
    }

    /// The valid codes an 18-character OCR reading can be with the fewest repairs (usually one; several when
    /// different look-alike swaps each satisfy the check character — then the reading only shows that the
    /// printed code is one of them).
    package static func repairUSCC(_ reading: [Character]) -> [[Character]] {
        guard reading.count == 18 else { return [] }
        func valid(_ code: [Character]) -> Bool { UnifiedSocialCreditCode.problem(in: String(code)) == nil }
        let fixed = reading.map { impossibleLetters[$0] ?? $0 }
        if valid(fixed) { return [fixed] }
        let positions = fixed.indices.filter { ambiguousPairs[fixed[$0]] != nil }
        func swapped(_ at: [Int]) -> [Character] {
            var candidate = fixed
            for position in at { candidate[position] = ambiguousPairs[fixed[position]]! }
            return candidate
        }
        let singles = positions.map { swapped([$0]) }.filter(valid)
        if !singles.isEmpty { return singles }
        var pairs: [[Character]] = []
        for (a, first) in positions.enumerated() {
            for second in positions[(a + 1)...] where valid(swapped([first, second])) { pairs.append(swapped([first, second])) }
        }
        return pairs
    }

    // MARK: Dates

    /// Finds a date (`2026-03-21`, `2026年3月21日`, `2026/3/21`, or a month `2026-03`) in OCR text, in any of
    /// those spellings with or without spaces (`2026 年 3 月 21 日`) and leading zeros. Digits must agree
    /// exactly (one wrong digit is another date); look-alike letters (O for 0) are folded first and counted.
    public static func findDate(_ value: String, in text: String) -> Match? {
        let parts = value.split { !$0.isNumber }.compactMap { Int($0) }
        guard parts.count == 2 || parts.count == 3 else { return nil }
        return findDate(year: parts[0], month: parts[1], day: parts.count == 3 ? parts[2] : nil, in: text)
    }

    /// Finds year-month(-day) in OCR text; see `findDate(_:in:)`.
    public static func findDate(year: Int, month: Int, day: Int?, in text: String) -> Match? {
        // Characters with digits folded (and where they came from); separators kept as one mark.
        var folded: [(character: Character, source: Range<String.Index>, confused: Bool)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            for character in String(text[index..<next]).precomposedStringWithCompatibilityMapping {
                if character.isWhitespace { continue }
                let upper = character.isASCII ? Character(character.uppercased()) : character
                let digit = confusionClass(upper)
                if upper.isASCII, upper.isLetter, digit.isNumber, neighboursDigit(text, index) {
                    folded.append((digit, index..<next, true))
                } else {
                    folded.append((upper, index..<next, false))
                }
            }
            index = next
        }
        // Number runs with the separator after each.
        var runs: [(value: Int, digits: Int, first: Int, last: Int)] = []
        var position = 0
        while position < folded.count {
            guard folded[position].character.isASCII, folded[position].character.isNumber else { position += 1; continue }
            let start = position
            while position < folded.count, folded[position].character.isASCII, folded[position].character.isNumber { position += 1 }
            let digits = String(folded[start..<position].map(\.character))
            runs.append((Int(digits.prefix(9)) ?? -1, digits.count, start, position - 1))
        }
        func separator(_ from: Int, _ to: Int) -> Bool { // between two runs: one date mark at most
            let between = folded[(from + 1)..<to].map(\.character)
            return between.count <= 1 && between.allSatisfy { "年月./-—_".contains($0) }
        }
        func match(first: Int, last: Int) -> Match {
            var end = last
            if end + 1 < folded.count, folded[end + 1].character == (day == nil ? "月" : "日") { end += 1 }
            let confusions = folded[first...end].filter(\.confused).count
            return Match(found: String(text[folded[first].source.lowerBound..<folded[end].source.upperBound]),
                         distance: 0, confusions: confusions, allowed: 0)
        }
        let needed = day == nil ? 2 : 3
        if runs.count >= needed {
            for start in 0...(runs.count - needed) {
                let group = runs[start..<(start + needed)]
                let values = group.map(\.value)
                guard group.first!.digits == 4, values[0] == year, values[1] == month,
                      day == nil || values[2] == day else { continue }
                guard zip(group.dropLast(), group.dropFirst()).allSatisfy({ separator($0.last, $1.first) }) else { continue }
                return match(first: group.first!.first, last: group.last!.last)
            }
        }
        // Written together: 20260321.
        let compact = String(format: "%04d%02d", year, month) + (day.map { String(format: "%02d", $0) } ?? "")
        if let run = runs.first(where: { $0.digits == compact.count
                && String(folded[$0.first...$0.last].map(\.character)) == compact }) {
            return match(first: run.first, last: run.last)
        }
        return nil
    }

    /// Whether the character at `index` has a digit right before or after it (so a letter there is likely a digit).
    private static func neighboursDigit(_ text: String, _ index: String.Index) -> Bool {
        if index > text.startIndex, text[text.index(before: index)].isASCII, text[text.index(before: index)].isNumber { return true }
        let next = text.index(after: index)
        return next < text.endIndex && text[next].isASCII && text[next].isNumber
    }
}
