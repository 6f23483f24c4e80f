import CLibXML2
import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Prepares Word XML for Mustache: puts back together `{{tags}}` that Word split over several runs
/// (the whole tag goes into the run where it starts, which keeps its formatting; the other runs keep
/// theirs), and lifts section tags that stand for whole rows or paragraphs out of the text:
/// `{{#rows}}` in a row's first cell and `{{/rows}}` in a later cell of the same row repeat the row; a paragraph
/// holding nothing but `{{#items}}` or `{{/items}}` repeats the paragraphs between them.
enum PlaceholderMerger {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let tagPattern = try! NSRegularExpression(pattern: #"\{\{.*?\}\}"#, options: [.dotMatchesLineSeparators])

    static func prepare(_ xml: SafeXML) {
        guard let root = xmlDocGetRootElement(xml.documentPointer) else { return }
        var paragraphs: [xmlNodePtr] = []
        var rows: [xmlNodePtr] = []
        collect(root, paragraphs: &paragraphs, rows: &rows, depth: 0)
        for paragraph in paragraphs { mergeTags(in: paragraph) }
        for row in rows { hoistRowSection(row) }
        for paragraph in paragraphs { hoistParagraphSection(paragraph) }
    }

    private static func collect(_ node: xmlNodePtr, paragraphs: inout [xmlNodePtr], rows: inout [xmlNodePtr], depth: Int) {
        guard depth < 200 else { return }
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if isWord(current, "p") { paragraphs.append(current) }
            if isWord(current, "tr") { rows.append(current) }
            collect(current, paragraphs: &paragraphs, rows: &rows, depth: depth + 1)
        }
    }

    /// The `w:t` nodes of a paragraph in order (not those of paragraphs nested in text boxes).
    private static func textNodes(of paragraph: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        func walk(_ node: xmlNodePtr, depth: Int) {
            guard depth < 100 else { return }
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                if isWord(current, "t") { result.append(current); continue }
                if isWord(current, "p") || isWord(current, "txbxContent") || isWord(current, "delText") { continue }
                walk(current, depth: depth + 1)
            }
        }
        walk(paragraph, depth: 0)
        return result
    }

    /// Moves each tag that spans several `w:t` nodes wholly into the node where it starts.
    private static func mergeTags(in paragraph: xmlNodePtr) {
        let nodes = textNodes(of: paragraph)
        guard nodes.count > 1 else { return }
        var texts = nodes.map { Array(content(of: $0)) }
        let joined = String(texts.joined())
        guard joined.contains("{{") else { return }
        var starts: [Int] = []
        var offset = 0
        for text in texts { starts.append(offset); offset += text.count }
        let nsJoined = joined as NSString
        let matches = tagPattern.matches(in: joined, range: NSRange(location: 0, length: nsJoined.length))
        // Character offsets (not UTF-16) of every tag.
        let characters = Array(joined)
        var utf16ToCharacter: [Int] = []
        for (index, character) in characters.enumerated() {
            for _ in 0..<String(character).utf16.count { utf16ToCharacter.append(index) }
        }
        utf16ToCharacter.append(characters.count)
        var changed = false
        for match in matches.reversed() {
            let start = utf16ToCharacter[match.range.location]
            let end = utf16ToCharacter[match.range.location + match.range.length]
            guard let first = starts.lastIndex(where: { $0 <= start }),
                  let last = starts.lastIndex(where: { $0 < end }), first != last else { continue }
            let tag = Array(characters[start..<end])
            for index in stride(from: last, through: first, by: -1) {
                let local = max(0, start - starts[index])..<min(texts[index].count, end - starts[index])
                texts[index].removeSubrange(local)
                if index == first { texts[index].insert(contentsOf: tag, at: local.lowerBound) }
            }
            changed = true
        }
        guard changed else { return }
        for (node, text) in zip(nodes, texts) { setContent(of: node, String(text)) }
    }

    /// `{{#name}}` in a row's first cell with its `{{/name}}` in a later cell: the tags move outside the row.
    /// A section opened and closed inside one cell (a list of options) is left where it is.
    private static func hoistRowSection(_ row: xmlNodePtr) {
        let cells = textNodes(ofCells: row)
        guard cells.count > 1, let firstCell = cells.first else { return }
        let first = firstCell.map(content).joined()
        guard let open = first.range(of: #"\{\{[#^]\s*([^}]+?)\s*\}\}"#, options: .regularExpression) else { return }
        let openTag = String(first[open])
        let name = openTag.dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
        let closeTag = "{{/\(name)}}"
        guard !first.contains(closeTag), cells.dropFirst().contains(where: { $0.map(content).joined().contains(closeTag) }) else { return }
        let nodes = cells.flatMap { $0 }
        remove(openTag, from: nodes)
        remove(closeTag, from: nodes)
        insertText(openTag, before: row)
        insertText(closeTag, after: row)
    }

    /// A paragraph that holds nothing but a section tag becomes the bare tag between paragraphs.
    private static func hoistParagraphSection(_ paragraph: xmlNodePtr) {
        guard paragraph.pointee.parent != nil else { return }
        let text = textNodes(of: paragraph).map(content).joined().trimmingCharacters(in: .whitespaces)
        guard text.range(of: #"^\{\{[#^/]\s*[^}]+\}\}$"#, options: .regularExpression) != nil else { return }
        insertText(text, before: paragraph)
        xmlUnlinkNode(paragraph)
        xmlFreeNode(paragraph)
    }

    /// The `w:t` nodes of each cell of a row.
    private static func textNodes(ofCells row: xmlNodePtr) -> [[xmlNodePtr]] {
        var result: [[xmlNodePtr]] = []
        var child = row.pointee.children
        while let cell = child {
            child = cell.pointee.next
            guard isWord(cell, "tc") else { continue }
            var nodes: [xmlNodePtr] = []
            var inner = cell.pointee.children
            while let paragraph = inner {
                inner = paragraph.pointee.next
                if isWord(paragraph, "p") { nodes += textNodes(of: paragraph) }
            }
            result.append(nodes)
        }
        return result
    }

    private static func remove(_ tag: String, from nodes: [xmlNodePtr]) {
        for node in nodes {
            let text = content(of: node)
            if let range = text.range(of: tag) {
                var changed = text
                changed.removeSubrange(range)
                setContent(of: node, changed)
                return
            }
        }
    }

    private static func insertText(_ text: String, before node: xmlNodePtr) {
        guard let textNode = xmlNewText(text) else { return }
        xmlAddPrevSibling(node, textNode)
    }

    private static func insertText(_ text: String, after node: xmlNodePtr) {
        guard let textNode = xmlNewText(text) else { return }
        xmlAddNextSibling(node, textNode)
    }

    private static func isWord(_ node: xmlNodePtr, _ name: String) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let href = node.pointee.ns?.pointee.href else { return false }
        return String(cString: node.pointee.name) == name && String(cString: href) == wordNamespace
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { shenbao_xml_free(text) }
        return String(cString: text)
    }

    /// Replaces a `w:t`'s text (escaped by libxml2) and keeps its spaces.
    private static func setContent(of node: xmlNodePtr, _ text: String) {
        if let escaped = xmlEncodeSpecialChars(node.pointee.doc, text) {
            xmlNodeSetContent(node, escaped)
            shenbao_xml_free(escaped)
        }
        xmlSetProp(node, "xml:space", "preserve")
    }
}
