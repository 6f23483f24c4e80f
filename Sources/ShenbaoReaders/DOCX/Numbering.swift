import Foundation
import ShenbaoModel
import ShenbaoSupport

/// List numbering from the numbering part (`word/numbering.xml`): the label ("1.", "（三）", "•",
/// a checkbox …) that Word draws before each numbered paragraph.
///
/// Counters follow Word: lists (`w:num`) sharing an abstract definition continue one another, a
/// `w:startOverride` restarts a level the first time its list is used, and using a level restarts
/// the levels below it (`w:lvlRestart` may say otherwise). A missing or damaged part only loses
/// labels; levels beyond 9 and absurd start values are ignored or clamped.
struct Numbering {
    static let levelCount = 9
    /// Start values and counters are clamped to this (the part is untrusted input).
    static let maxCounter = 1_000_000

    /// One level of an abstract definition (`w:lvl`).
    private struct Level {
        let start: Int
        let format: String
        let text: String
        let suffix: String
        /// `w:lvlRestart`: restart after levels shallower than this (0 = never); nil = after any.
        let restart: Int?
        let isLegal: Bool
        let fonts: RunFonts?
        let paragraphStyle: String?

        init(_ element: XMLNode) {
            start = Numbering.clamped(Numbering.integer(element.child("start"))) ?? 1
            // Word wraps newer formats in alternate content; the fallback names a classic one.
            let formatElement = element.child("numFmt")
                ?? element.child("AlternateContent")?.child("Fallback")?.child("numFmt")
            format = formatElement?.attribute("val") ?? "decimal"
            text = element.child("lvlText")?.attribute("val") ?? ""
            suffix = element.child("suff")?.attribute("val") ?? "tab"
            restart = Numbering.integer(element.child("lvlRestart"))
            isLegal = element.child("isLgl").map { BodyReader.onOff($0.attribute("val")) } ?? false
            fonts = RunFonts(runProperties: element.child("rPr"))
            paragraphStyle = element.child("pStyle")?.attribute("val")
        }
    }

    /// A list instance (`w:num`).
    private struct Instance {
        var abstractId: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    /// The running counters of one abstract definition.
    private struct Counters {
        var values: [Int?] = Array(repeating: nil, count: Numbering.levelCount)
        var starts: [Int?] = Array(repeating: nil, count: Numbering.levelCount)
    }

    private var abstracts: [Int: [Int: Level]] = [:]
    /// `w:numStyleLink` of an abstract definition, and the definition carrying each `w:styleLink`.
    private var numStyleLinks: [Int: String] = [:]
    private var styleLinks: [String: Int] = [:]
    private var instances: [Int: Instance] = [:]
    private var counters: [Int: Counters] = [:]
    private var usedInstances: Set<Int> = []

    /// No numbering part: no labels.
    package init() {}

    /// Reads the definitions of a parsed numbering part.
    package init(root: XMLNode) {
        for element in root.children {
            if element.hasName("abstractNum"), let id = Self.integer(element, "abstractNumId") {
                abstracts[id] = Self.levels(in: element)
                if let link = element.child("numStyleLink")?.attribute("val") { numStyleLinks[id] = link }
                if let link = element.child("styleLink")?.attribute("val") { styleLinks[link] = id }
            } else if element.hasName("num"), let id = Self.integer(element, "numId"),
                      let abstractId = Self.integer(element.child("abstractNumId")) {
                var instance = Instance(abstractId: abstractId)
                for override in element.children where override.hasName("lvlOverride") {
                    guard let level = Self.integer(override, "ilvl"), (0..<Self.levelCount).contains(level) else { continue }
                    if let start = Self.clamped(Self.integer(override.child("startOverride"))) {
                        instance.startOverrides[level] = start
                    }
                    if let definition = override.child("lvl") { instance.levelOverrides[level] = Level(definition) }
                }
                instances[id] = instance
            }
        }
    }

    /// The level of list `numId` whose `w:pStyle` is `styleId` (how a heading style picks its level).
    package func level(linkedTo styleId: String, numId: Int) -> Int? {
        guard let instance = instances[numId] else { return nil }
        let levels = abstracts[resolved(instance.abstractId)] ?? [:]
        return (0..<Self.levelCount).first { level in
            (instance.levelOverrides[level] ?? levels[level])?.paragraphStyle == styleId
        }
    }

    /// Counts one paragraph of list `numId` at `level` and returns its label followed by the level's
    /// suffix (tab, space or nothing); empty for an unknown list or a level without text.
    package mutating func label(numId: Int, level: Int) -> [Inline] {
        guard (0..<Self.levelCount).contains(level), let instance = instances[numId] else { return [] }
        let abstractId = resolved(instance.abstractId)
        let levels = abstracts[abstractId] ?? [:]
        func definition(_ index: Int) -> Level? { instance.levelOverrides[index] ?? levels[index] }
        guard let current = definition(level) else { return [] }

        var state = counters[abstractId] ?? Counters()
        if usedInstances.insert(numId).inserted {
            for (overridden, start) in instance.startOverrides {
                state.starts[overridden] = start
                state.values[overridden] = nil
            }
        }
        func start(_ index: Int) -> Int { state.starts[index] ?? definition(index)?.start ?? 1 }
        state.values[level] = min((state.values[level].map { $0 + 1 }) ?? start(level), Self.maxCounter)
        for deeper in (level + 1)..<Self.levelCount {
            let restart = definition(deeper)?.restart
            if restart.map({ level < $0 }) ?? true { state.values[deeper] = nil }
        }
        counters[abstractId] = state

        var inlines = InlineBuffer()
        var characters = current.text.makeIterator()
        while let character = characters.next() {
            if character == "%", let placeholder = characters.next() {
                guard let number = placeholder.wholeNumberValue, (1...Self.levelCount).contains(number) else { continue }
                let index = number - 1
                let format = current.isLegal && index < level ? "decimal" : (definition(index)?.format ?? "decimal")
                inlines.append(text: NumberFormat.text(state.values[index] ?? start(index), format: format))
            } else {
                appendGlyph(character, fonts: current.fonts, to: &inlines)
            }
        }
        guard !inlines.inlines.isEmpty else { return [] }
        switch current.suffix {
        case "space": inlines.append(text: " ")
        case "nothing": break
        default: inlines.append(.tab)
        }
        return inlines.inlines
    }

    /// A literal character of a level's text: symbol-font glyphs by their meaning (an unknown one is
    /// a bullet), box glyphs as checkboxes.
    private func appendGlyph(_ character: Character, fonts: RunFonts?, to inlines: inout InlineBuffer) {
        for scalar in character.unicodeScalars {
            if let font = fonts?.symbolFont(for: scalar) {
                inlines.append(SymbolFonts.inline(font: font, code: scalar.value) ?? .text("•"))
            } else if scalar == "☐" {
                inlines.append(.checkbox(checked: false))
            } else if scalar == "☑" || scalar == "☒" {
                inlines.append(.checkbox(checked: true))
            } else {
                inlines.append(text: String(Character(scalar)))
            }
        }
    }

    /// Follows `w:numStyleLink` to the definition that holds the levels (one hop, as Word writes it).
    private func resolved(_ abstractId: Int) -> Int {
        guard let link = numStyleLinks[abstractId], let target = styleLinks[link] else { return abstractId }
        return target
    }

    private static func levels(in abstract: XMLNode) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for element in abstract.children where element.hasName("lvl") {
            guard let index = integer(element, "ilvl"), (0..<levelCount).contains(index), levels[index] == nil
            else { continue }
            levels[index] = Level(element)
        }
        return levels
    }

    private static func integer(_ element: XMLNode?, _ attribute: StaticString = "val") -> Int? {
        element?.attribute(attribute).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func clamped(_ value: Int?) -> Int? {
        value.map { min(max($0, 0), maxCounter) }
    }
}
