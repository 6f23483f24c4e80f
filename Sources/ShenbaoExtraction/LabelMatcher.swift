import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Compares printed labels the way a clerk would: ignoring spaces, bracket width and colons, and
/// treating a call's aliases (社会统一信用代码 / 统一社会信用代码) as the same label.
package struct LabelMatcher: Sendable {
    private let aliasGroups: [[String]]
    private let hintKeys: [String]
    /// `hintKeys` as UTF-8 bytes, when every hint can be matched on bytes (see `ScannedBytes`).
    private let hintKeyBytes: [[UInt8]]?
    /// The hint keys' UTF-8 bytes by their first byte (most hints start with a bracket), for `holdsHint`.
    private let hintsByFirstByte: [(first: UInt8, hints: [[UInt8]])]
    /// The spellings of every label, row label and anchor label the call's locators name, worked out once
    /// (looked up by `NormalizedKey`: hashing a Chinese `String` normalises it on every look-up).
    private let spellingsByLabel: [NormalizedKey: (label: String, spellings: Spellings)]

    package init(spec: CallSpec) {
        let aliasGroups = spec.aliases.map { $0.map(\.labelKey) }
        self.aliasGroups = aliasGroups
        // (Longest first; each key's length in characters counted once, not at every comparison.)
        hintKeys = spec.hints.map(\.labelKey).filter { !$0.isEmpty }.map { (key: $0, length: $0.count) }
            .sorted { $0.length > $1.length }.map(\.key)
        let byteComparable = hintKeys.allSatisfy(\.isByteComparable)
        hintKeyBytes = byteComparable ? hintKeys.map { Array($0.utf8) } : nil
        hintsByFirstByte = Dictionary(grouping: hintKeys.map { Array($0.utf8) }, by: { $0[0] })
            .map { (first: $0.key, hints: $0.value) }.sorted { $0.first < $1.first }
        var spellings: [NormalizedKey: (String, Spellings)] = [:]
        for locator in spec.fields.map(\.locator) {
            for label in [locator.label, locator.row, locator.after].compactMap({ $0 }) {
                spellings[NormalizedKey(label)] = (label, Spellings(Self.keys(for: label, aliasGroups: aliasGroups)))
            }
        }
        spellingsByLabel = spellings
    }

    /// Every key a label may be printed as.
    package func keys(for label: String) -> [String] {
        spellings(for: label).keys
    }

    /// A label's spellings (its keys, with and without bracketed notes).
    func spellings(for label: String) -> Spellings {
        // (Strings compare by canonical equivalence; the cached label must be the same bytes.)
        if let cached = spellingsByLabel[NormalizedKey(label)], cached.label.hasSameBytes(as: label) { return cached.spellings }
        return Spellings(Self.keys(for: label, aliasGroups: aliasGroups))
    }

    /// Every key a label may be printed as, worked out from the label and the call's aliases.
    private static func keys(for label: String, aliasGroups: [[String]]) -> [String] {
        let key = label.labelKey
        var keys = [key]
        for group in aliasGroups where group.contains(key) {
            keys += group.filter { $0 != key }
        }
        return keys
    }

    /// How a piece of text relates to a label.
    package enum Match: Int, Comparable {
        /// The whole text is the label.
        case exact = 3
        /// The first line is the label (a hint or note follows below it).
        case firstLine = 2
        /// The label with a note or unit in brackets added or dropped (`统一社会信用代码（18位）`,
        /// `员工总数（人）`): the same words outside the brackets.
        case annotated = 1

        package static func < (lhs: Match, rhs: Match) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A label's spellings as label keys, and the same without bracketed notes, worked out once.
    struct Spellings {
        package let keys: [String]
        /// `keys` as they are matched against cells.
        let normalized: [NormalizedKey]
        let bare: [NormalizedKey]

        package init(_ keys: [String]) {
            self.keys = keys
            normalized = keys.map(NormalizedKey.init)
            bare = keys.map(LabelMatcher.bare).filter { !$0.isEmpty }.map(NormalizedKey.init)
        }
    }

    /// Whether a cell is the label.
    func match(_ cell: BookIndex.CellKeys, label spellings: Spellings) -> Match? {
        let keys = spellings.normalized
        if cell.exact.isIn(keys) { return .exact }
        if cell.firstLine.isIn(keys) || cell.withoutHints.isIn(keys) { return .firstLine }
        if !cell.bare.isEmpty, cell.bare.isIn(spellings.bare) { return .annotated }
        return nil
    }

    /// A label key without its bracketed notes and units: `统一社会信用代码(18位)` → `统一社会信用代码`.
    package static func bare(_ key: String) -> String {
        guard key.containsByte(UInt8(ascii: "(")) else { return key }
        // Where every scalar is a character of its own, the brackets are found in the bytes.
        if key.isMadeOfOwnCharacters {
            return String(decoding: outsideBrackets(key.utf8, open: UInt8(ascii: "("), close: UInt8(ascii: ")")), as: UTF8.self)
        }
        return String(outsideBrackets(key, open: "(", close: ")"))
    }

    /// The elements outside brackets (nested ones too; a stray closing bracket is dropped).
    private static func outsideBrackets<Text: Sequence>(_ text: Text, open: Text.Element, close: Text.Element) -> [Text.Element]
    where Text.Element: Equatable {
        var out: [Text.Element] = []
        var depth = 0
        for element in text {
            switch element {
            case open: depth += 1
            case close: depth = max(0, depth - 1)
            default: if depth == 0 { out.append(element) }
            }
        }
        return out
    }

    /// The units `moneyUnit` knows, longest first, with their UTF-8 bytes.
    private static let moneyUnits = ["亿元", "万元", "千元", "元"].map { (unit: $0, bytes: Array($0.utf8)) }

    /// The money unit a label prints in brackets (`营业收入（元）` → `元`), when it names one.
    static func moneyUnit(in key: String) -> String? {
        // Where every scalar is a character of its own, brackets and units are found on the bytes.
        if key.isMadeOfOwnCharacters {
            var inside: [UInt8] = []
            var depth = 0
            var found: String?
            for byte in key.utf8 {
                switch byte {
                case UInt8(ascii: "("): depth += 1; inside.removeAll(keepingCapacity: true)
                case UInt8(ascii: ")"):
                    depth = max(0, depth - 1)
                    found = moneyUnits.first { inside.count >= $0.bytes.count && inside.suffix($0.bytes.count).elementsEqual($0.bytes) }?.unit ?? found
                default: if depth > 0 { inside.append(byte) }
                }
            }
            return found
        }
        var inside = ""
        var depth = 0
        var units: [String] = []
        for character in key {
            switch character {
            case "(": depth += 1; inside = ""
            case ")":
                depth = max(0, depth - 1)
                for (unit, _) in moneyUnits where inside.hasSuffix(unit) { units.append(unit); break }
            default: if depth > 0 { inside.append(character) }
            }
        }
        return units.last
    }

    /// A cell that is `label：value` from its start: everything after the colon, every line of it
    /// (`单位地址：武汉市…研发楼` wrapped onto `516室`).
    func valueOfLabelledCell(label keys: [String], in text: String) -> String? {
        valueAfter(label: keys, in: text, atStart: true, colonAndAllLines: true)
    }

    /// The text after `label` and its separator when `text` contains `label：value`
    /// (or, with `atStart`, when it simply starts with the label, as cover lines do).
    func valueAfter(label keys: [String], in text: String, atStart: Bool, colonAndAllLines: Bool = false) -> String? {
        let scanned = ScannedText(text)
        for key in keys.sorted(by: { $0.count > $1.count }) {
            let keyCharacters = Array(key)
            guard !keyCharacters.isEmpty, keyCharacters.count <= scanned.key.count else { continue }
            let positions = atStart ? [0] : Array(0...(scanned.key.count - keyCharacters.count))
            for position in positions where scanned.key[position..<position + keyCharacters.count].elementsEqual(keyCharacters) {
                let rawEnd = scanned.source[position + keyCharacters.count - 1] + 1
                var rest = Self.droppingBracketNote(String(scanned.characters[rawEnd...]))
                // Inline, a colon must follow the label; at the start of a line, any separator will do.
                let colon = rest.trimmingWhitespace().first.map { ":：".contains($0) } ?? false
                // (A digit or Latin letter may follow directly: PDFs lose the space before `2026年`.)
                let separated = rest.first.map { ":：_＿ \t\u{3000}".contains($0) || ($0.isASCII && ($0.isLetter || $0.isNumber)) } ?? true
                if atStart && !colonAndAllLines ? !separated : !colon { continue }
                if let newline = rest.firstIndex(of: "\n"), !atStart { rest = String(rest[..<newline]) }
                rest = rest.trimmingWhitespace()
                while let first = rest.first, ":：".contains(first) { rest = String(rest.dropFirst()).trimmingWhitespace() }
                if !atStart && !colonAndAllLines {
                    // An inline value ends at the next checkbox mark, tab, or a wide gap (two spaces or more).
                    if let mark = rest.firstIndex(where: { ChoiceReader.checkedMarks.contains($0) || ChoiceReader.uncheckedMarks.contains($0) || $0 == "\t" }) {
                        rest = String(rest[..<mark])
                    }
                    if let gap = Self.wideGap.firstMatch(in: rest) {
                        rest = String(rest[..<gap.lowerBound])
                    }
                }
                return rest
            }
        }
        return nil
    }

    /// Two spaces or more (ordinary, ideographic or no-break): where an inline value ends.
    private static let wideGap = TextPattern(#"[ \x{3000}\x{00A0}]{2,}"#)

    /// Text after a label without the note in brackets that may follow it (`（18位）：…` → `：…`).
    static func droppingBracketNote(_ text: String) -> String {
        let trimmed = text.drop { $0 == " " || $0 == "\u{3000}" }
        guard let open = trimmed.first, "(（".contains(open),
              let close = trimmed.firstIndex(where: { ")）".contains($0) }) else { return text }
        let note = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        guard note.count <= 12, !note.contains("\n") else { return text }
        return String(trimmed[trimmed.index(after: close)...])
    }

    /// The text without the form's printed hints (`(加盖公章)`, grey instructions in cells).
    package func removingHints(from text: String) -> String {
        holdsHint(text.labelKey) ? removingEveryHint(from: text) : text
    }

    /// Whether `text` says nothing but the form's printed hints (`removingHints(from:)` leaves an empty key).
    func isBlankButHints(_ text: String) -> Bool {
        keyWithoutHints(of: text, key: text.labelKey).isEmpty
    }

    /// The label key of `text` without the form's printed hints, given the label key of the whole text.
    func keyWithoutHints(of text: String, key: String) -> String {
        holdsHint(key) ? removingEveryHint(from: text).labelKey : key
    }

    /// Whether a label key holds any of the form's hints (their bytes; hints starting with a byte the key does not
    /// hold are not searched for).
    private func holdsHint(_ key: String) -> Bool {
        key.withUTF8Bytes { key in
            guard let start = key.baseAddress else { return false }
            for group in hintsByFirstByte where memchr(start, Int32(group.first), key.count) != nil {
                for hint in group.hints where hint.count <= key.count {
                    if hint.withUnsafeBufferPointer({ firstOffset(of: $0, in: key) }) != nil { return true }
                }
            }
            return false
        }
    }

    /// The text with every hint it holds cut out, one at a time, longest hints first.
    private func removingEveryHint(from text: String) -> String {
        if let hintKeyBytes, let removed = Self.removingEveryHint(hintKeyBytes, from: Array(text.utf8)) {
            return String(decoding: removed, as: UTF8.self)
        }
        var characters = Array(text)
        var removedAny = true
        while removedAny {
            removedAny = false
            let scanned = ScannedText(String(characters))
            for hint in hintKeys {
                let hintCharacters = Array(hint)
                guard hintCharacters.count <= scanned.key.count else { continue }
                for position in 0...(scanned.key.count - hintCharacters.count)
                where scanned.key[position..<position + hintCharacters.count].elementsEqual(hintCharacters) {
                    let start = scanned.source[position]
                    let end = scanned.source[position + hintCharacters.count - 1] + 1
                    characters.removeSubrange(start..<end)
                    removedAny = true
                    break
                }
                if removedAny { break }
            }
        }
        return String(characters)
    }

    /// `removingEveryHint` on UTF-8 bytes; nil when the text needs the character-level path.
    private static func removingEveryHint(_ hints: [[UInt8]], from text: [UInt8]) -> [UInt8]? {
        guard var scanned = ScannedBytes(text) else { return nil }
        while let (hint, position) = hints.lazy.compactMap({ hint in scanned.firstKeyOffset(of: hint).map { (hint, $0) } }).first {
            scanned.removeText(underKey: position..<position + hint.count)
        }
        return scanned.text
    }
}
