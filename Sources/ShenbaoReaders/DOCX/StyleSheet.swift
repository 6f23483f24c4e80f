import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Paragraph style names, heading levels and list numbering from `word/styles.xml`.
struct StyleSheet {
    private struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numId: Int?
        var numLevel: Int?
    }

    private var styles: [String: Style] = [:]

    /// No styles: paragraphs keep their style ids and only `w:outlineLvl` gives heading levels.
    package init() {}

    /// The elements `init(root:)` reads: a styles part need not be stored whole (most of it is run, table
    /// and latent style properties).
    package static let elementsRead = XMLElementFilter(namesByDepth: [
        ["style"], ["name", "basedOn", "pPr"], ["outlineLvl", "numPr"], ["numId", "ilvl"],
    ])

    /// Reads the paragraph styles of a parsed styles part (all of it, or what `elementsRead` keeps).
    package init(root: XMLNode) {
        for element in root.children where element.hasName("style") {
            guard let id = element.attribute("styleId"),
                  element.attribute("type").map({ $0 == "paragraph" }) ?? true else { continue }
            let properties = element.child("pPr")
            let outline = properties?.child("outlineLvl")?.attribute("val").flatMap { Int($0) }
            let numbering = properties?.child("numPr")
            styles[id] = Style(name: element.child("name")?.attribute("val"),
                               basedOn: element.child("basedOn")?.attribute("val"),
                               outlineLevel: outline,
                               numId: numbering?.child("numId")?.attribute("val").flatMap { Int($0) },
                               numLevel: numbering?.child("ilvl")?.attribute("val").flatMap { Int($0) })
        }
    }

    /// The display name of a style id (the id itself when styles.xml does not define it).
    package func name(of id: String) -> String {
        styles[id]?.name ?? id
    }

    /// The heading level of a paragraph style: from its name ("heading 2", "Title", "标题 2") or its
    /// own or inherited `w:outlineLvl` (0 → 1; 9 means body text).
    package func headingLevel(of id: String) -> Int? {
        var current: String? = id
        var visited: Set<String> = []
        while let styleId = current, visited.insert(styleId).inserted, visited.count <= 32 {
            let style = styles[styleId]
            if let level = Self.headingLevel(named: style?.name ?? styleId) { return level }
            if let outline = style?.outlineLevel { return Self.headingLevel(outline: outline) }
            current = style?.basedOn
        }
        return nil
    }

    /// The list (`w:numId`) and level (`w:ilvl`) a paragraph style gives its paragraphs, each taken
    /// from the nearest style in the `basedOn` chain that sets it.
    package func numbering(of id: String) -> (numId: Int?, level: Int?) {
        var numId: Int?
        var level: Int?
        var current: String? = id
        var visited: Set<String> = []
        while let styleId = current, visited.insert(styleId).inserted, visited.count <= 32, numId == nil || level == nil {
            let style = styles[styleId]
            numId = numId ?? style?.numId
            level = level ?? style?.numLevel
            current = style?.basedOn
        }
        return (numId, level)
    }

    /// The heading level of an explicit `w:outlineLvl` value, or nil for body text.
    package static func headingLevel(outline: Int) -> Int? {
        (0...8).contains(outline) ? outline + 1 : nil
    }

    /// Heading level implied by a style name: "heading N", "标题 N" (N in 1…9), "Title"/"标题".
    package static func headingLevel(named name: String) -> Int? {
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered == "title" || lowered == "标题" { return 1 }
        for prefix in ["heading", "标题"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }
}
