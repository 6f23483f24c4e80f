import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads which options of a printed checkbox list are chosen, whatever way they were marked:
/// a box before each option (☑/☐, ☒/☐, ■/□), a tick next to the chosen one only (√ ✓), or the
/// unchosen options deleted so only the chosen text is left.
public enum ChoiceReader {
    /// Marks that mean "chosen".
    static let checkedMarks: Set<Character> = ["☑", "☒", "■", "√", "✓", "✔", "⊠", "▣", "☛", "●", "\u{F0FE}", "\u{F0FD}", "\u{F078}", "\u{F052}", "\u{F054}", "\u{F053}"]
    /// Marks that mean "not chosen".
    static let uncheckedMarks: Set<Character> = ["☐", "□", "▢", "○", "\u{F0A8}", "\u{F06F}", "\u{F0A3}", "\u{F071}"]
    /// The scalars of all marks, checked or not (each mark is one scalar).
    private static let markScalars: Set<UInt32> = Set(checkedMarks.union(uncheckedMarks).compactMap { $0.onlyScalar?.value })
    /// For each block of 256 scalars below U+10000, whether a mark is in it (worked out from `markScalars`).
    private static let markBlocks: [Bool] = (0..<256).map { block in markScalars.contains { $0 >> 8 == block } }

    /// Whether a character is a mark, checked or not: most characters of a text are told apart by the
    /// block their scalar is in alone.
    static func isMark(_ character: Character) -> Bool {
        guard let value = character.onlyScalar?.value else { return false }
        if value < 0x10000, !markBlocks[Int(value >> 8)] { return false }
        return markScalars.contains(value)
    }

    /// Marks that only ever appear next to a chosen option.
    static let tickMarks: Set<Character> = ["√", "✓", "✔"]

    /// One chosen option: its printed text and, for 其他, the note written after it.
    public struct Choice: Equatable, Sendable {
        public var option: String
        public var note: String?

        /// The value as the catalogue shapes it: the option text, or `其他：<note>`.
        public var value: String {
            guard let note, !note.isEmpty else { return option }
            return "\(option)：\(note)"
        }
    }

    /// The chosen options in form order. `options` are the catalogue's printed options.
    public static func read(_ text: String, options: [String]) -> [Choice] {
        let scanned = ScannedText(symbolLettersAsMarks(text, options: options))
        let occurrences = locate(options: options, in: scanned)
        guard !occurrences.isEmpty else { return [] }
        let marks = scanned.characters.indices.filter { isMark(scanned.characters[$0]) }
        var chosen: [Int: Occurrence] = [:]
        let boxCount = marks.filter { !tickMarks.contains(scanned.characters[$0]) }.count
        if marks.isEmpty {
            // Unchosen options deleted: what is left is what was chosen (a blank full list means nothing chosen).
            if occurrences.count < options.count || options.count == 1 {
                for occurrence in occurrences { chosen[occurrence.option] = occurrence }
            }
        } else if boxCount >= occurrences.count {
            // A box before every option: each option takes the last mark between it and the previous option.
            var previousEnd = 0
            for occurrence in occurrences {
                if let mark = marks.last(where: { $0 >= previousEnd && $0 < occurrence.start }),
                   checkedMarks.contains(scanned.characters[mark]) {
                    chosen[occurrence.option] = occurrence
                }
                previousEnd = occurrence.end
            }
        } else {
            // Ticks beside the chosen options only: each checked mark goes to the nearest option.
            for mark in marks where checkedMarks.contains(scanned.characters[mark]) {
                let nearest = occurrences.min { distance($0, mark) < distance($1, mark) }
                if let nearest { chosen[nearest.option] = nearest }
            }
        }
        return chosen.keys.sorted().map { index in
            let option = options[index]
            guard isOther(option), let occurrence = chosen[index] else { return Choice(option: option) }
            return Choice(option: option, note: note(after: occurrence, in: scanned, marks: marks))
        }
    }

    /// Wingdings 2 boxes printed without their font show as letters: `R` (☑), `T`/`S` (☒) and `£` (☐).
    /// Where they stand right before printed options, read them as the boxes they are.
    static func symbolLettersAsMarks(_ text: String, options: [String]) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "£" || $0 == "R" || $0 == "T" || $0 == "S" }) else { return text }
        var characters = Array(text)
        let keys = options.map(\.labelKey).filter { !$0.isEmpty }
        var converted = 0
        for index in characters.indices where isSymbolLetter(characters[index]) {
            let before = index == 0 ? " " : characters[index - 1]
            guard before.isWhitespace || checkedMarks.contains(before) || uncheckedMarks.contains(before) || "£R".contains(before) || before.unicodeScalars.first?.isCJK == true else { continue }
            let following = String(characters[(index + 1)...]).labelKey
            guard keys.contains(where: { following.hasPrefix($0) }) else { continue }
            characters[index] = characters[index] == "£" ? "☐" : "☑"
            converted += 1
        }
        // A lone letter before one option could be part of the text; boxes come in lists.
        return converted >= 2 ? String(characters) : text
    }

    /// `R £ T S` standing alone: a symbol font's tick and box typed as letters.
    private static func isSymbolLetter(_ character: Character) -> Bool {
        switch character.onlyScalar {
        case "R", "£", "T", "S": return true
        default: return false
        }
    }

    /// Whether an option is the free-text "其他".
    public static func isOther(_ option: String) -> Bool {
        option.labelKey.hasPrefix("其他") || option.labelKey.hasPrefix("其它")
    }

    struct Occurrence {
        package var option: Int
        package var start: Int
        package var end: Int
    }

    static func distance(_ occurrence: Occurrence, _ mark: Int) -> Int {
        mark < occurrence.start ? occurrence.start - mark - 1 : max(0, mark - occurrence.end)
    }

    /// Finds each option once, longest first so `AI 芯片` is not mistaken inside a longer option.
    static func locate(options: [String], in scanned: ScannedText) -> [Occurrence] {
        var taken = [Bool](repeating: false, count: scanned.key.count)
        var found: [Occurrence] = []
        let keys = options.map { OptionKey($0.labelKey) }
        let order = options.indices.sorted { keys[$0].count > keys[$1].count }
        for index in order {
            let key = keys[index]
            let position: Int?
            if let textScalars = scanned.keyScalars, let keyScalars = key.scalars {
                position = firstFreeOccurrence(of: keyScalars, in: textScalars, taken: taken)
            } else {
                position = firstFreeOccurrence(of: key.characters(), in: scanned.key, taken: taken)
            }
            guard let position else { continue }
            for offset in position..<position + key.count { taken[offset] = true }
            found.append(Occurrence(option: index, start: scanned.source[position],
                                    end: scanned.source[position + key.count - 1] + 1))
        }
        return found.sorted { $0.start < $1.start }
    }

    /// An option's label key, as scalar values when every character of it is one byte-comparable scalar (nearly
    /// always: worked out from the bytes, with no grapheme breaking), else as characters.
    struct OptionKey {
        let key: String
        let scalars: [UInt32]?
        /// How many characters the key has.
        let count: Int

        init(_ key: String) {
            self.key = key
            // (Each scalar of such a key is a character of its own: label keys hold no line ends.)
            scalars = key.isByteComparable ? key.unicodeScalars.map(\.value) : nil
            count = scalars?.count ?? key.count
        }

        /// The key's characters.
        func characters() -> [Character] { Array(key) }
    }

    /// The first position where `key` stands in `text` on positions none of which is `taken`.
    private static func firstFreeOccurrence<Element: Equatable>(of key: [Element], in text: [Element], taken: [Bool]) -> Int? {
        guard let first = key.first, key.count <= text.count else { return nil }
        for position in 0...(text.count - key.count) where text[position] == first && !taken[position] {
            if text[position..<position + key.count].elementsEqual(key), !taken[position..<position + key.count].contains(true) {
                return position
            }
        }
        return nil
    }

    /// The note written after a chosen 其他: up to the next mark or line end, without 请注明 and separators.
    static func note(after occurrence: Occurrence, in scanned: ScannedText, marks: [Int]) -> String? {
        let nextMark = marks.first { $0 >= occurrence.end } ?? scanned.characters.count
        var note = String(scanned.characters[occurrence.end..<nextMark])
        if let newline = note.firstIndex(of: "\n") { note = String(note[..<newline]) }
        for filler in ["（请注明）", "(请注明)", "请注明", "（", "）", "(", ")"] {
            if note.trimmingWhitespace().hasPrefix(filler) {
                note = String(note.trimmingWhitespace().dropFirst(filler.count))
            }
        }
        let trimmed = note.trimmingCharacters(in: CharacterSet(charactersIn: "：:_＿ \u{3000}\t）)"))
        return trimmed.isEmpty ? nil : trimmed.collapsingSpaces
    }
}

/// Text alongside its label key (no whitespace, brackets unified), with a map back to positions.
package struct ScannedText {
    package let characters: [Character]
    package let key: [Character]
    /// For each key character, its index in `characters`.
    package let source: [Int]
    /// The key's scalar values when each key character is one scalar with no other spelling
    /// (`LabelKeyBytes.isByteComparable`): such characters are equal exactly when their scalars are, and
    /// integers compare faster than characters.
    package let keyScalars: [UInt32]?

    package init(_ text: String) {
        var characters: [Character] = []
        var key: [Character] = []
        var keyScalars: [UInt32]? = []
        var source: [Int] = []
        if !text.containsByte(0x0D), text.isMadeOfOwnCharacters {
            // Every scalar is a character of its own (a carriage return would make one with a line feed): the
            // characters are the scalars, with no grapheme breaking.
            let capacity = text.utf8.count
            characters.reserveCapacity(capacity)
            key.reserveCapacity(capacity)
            keyScalars?.reserveCapacity(capacity)
            source.reserveCapacity(capacity)
            for scalar in text.unicodeScalars {
                let character = Character(scalar)
                characters.append(character)
                let keyScalar: Unicode.Scalar
                switch LabelKeyBytes.keyScalar(for: scalar) {
                case .drop: continue
                case .ascii(let byte): keyScalar = Unicode.Scalar(byte)
                case .same: keyScalar = scalar
                }
                key.append(keyScalar == scalar ? character : Character(keyScalar))
                if LabelKeyBytes.isByteComparable(keyScalar) { keyScalars?.append(keyScalar.value) } else { keyScalars = nil }
                source.append(characters.count - 1)
            }
        } else {
            characters = Array(text)
            key.reserveCapacity(characters.count)
            source.reserveCapacity(characters.count)
            for (index, character) in characters.enumerated() {
                guard let scalar = character.onlyScalar else {
                    // A character of several scalars: its own label key, worked out in full.
                    for keyCharacter in String(character).labelKey {
                        key.append(keyCharacter)
                        source.append(index)
                    }
                    continue
                }
                switch LabelKeyBytes.keyScalar(for: scalar) {
                case .drop: continue
                case .ascii(let byte): key.append(Character(Unicode.Scalar(byte)))
                case .same: key.append(character)
                }
                source.append(index)
            }
            keyScalars = Self.scalarValues(key)
        }
        self.characters = characters
        self.key = key
        self.source = source
        self.keyScalars = keyScalars
    }

    /// The characters as scalar values when each is one scalar with no other spelling (see `keyScalars`).
    private static func scalarValues(_ characters: [Character]) -> [UInt32]? {
        var values: [UInt32] = []
        values.reserveCapacity(characters.count)
        for character in characters {
            guard let scalar = character.onlyScalar, LabelKeyBytes.isByteComparable(scalar) else { return nil }
            values.append(scalar.value)
        }
        return values
    }
}

private extension Character {
    /// The character's scalar when it is one scalar.
    var onlyScalar: Unicode.Scalar? {
        let scalars = unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return scalar
    }
}
