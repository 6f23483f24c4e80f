import ShenbaoModel
import ShenbaoSupport

/// Walks a WordprocessingML body (or a table cell, text box or content control) into model blocks.
///
/// Reading rules, in short:
/// - tracked changes are read as if accepted: `w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` and
///   deleted table rows dropped, a paragraph whose mark was deleted joins the next one;
/// - `mc:AlternateContent` contributes one branch: the first `mc:Choice` whose required namespaces
///   the reader understands, else `mc:Fallback`;
/// - field instructions (`w:instrText`, and everything between a field's begin and separate) are
///   dropped, field results kept; a legacy checkbox form field becomes a checkbox, a legacy drop-down
///   form field its chosen entry;
/// - content controls are read through (`w:sdtContent`), except checkbox controls (one checkbox,
///   glyph skipped) and controls still showing their placeholder text (read as empty);
/// - text boxes (`w:txbxContent`) are read as blocks placed after the paragraph that anchors them;
/// - numbered paragraphs start with their list label (see `Numbering`);
/// - ruby (phonetic guide) keeps its base text; math and imported external content (`w:altChunk`)
///   are not read; footnote, endnote and comment references are counted, not read (their text would
///   otherwise be glued to the label or value it annotates).
final class BodyReader {
    /// Deeper element nesting than this is refused (libxml2 itself stops at 256).
    static let maxDepth = 160
    /// More simultaneously open fields than this are not tracked (only malformed files get here).
    static let maxOpenFields = 64
    /// More text (Unicode scalars) or table cells than this is refused: a real book has tens of
    /// thousands of characters and a few thousand cells, and extraction time grows with both
    /// (a 50 MB paragraph took about a minute to extract, a 100,000-row table 8 s).
    static let maxCharacters = 1_000_000
    static let maxCells = 50_000

    /// Refuses a main part with more `<w:tc>` start tags than `maxCells` before it is parsed: a quick count on
    /// the bytes, so a 100,000-row table is turned away in milliseconds rather than after a parse of millions of
    /// elements (no book has a hundredth of that many cells). Cells spelt with another prefix are still counted
    /// one by one as the body is read. A part too short to hold more than `maxCells` such tags (each takes at least
    /// six bytes: `<w:tc` and the byte after it) is not searched: the count could not exceed the limit.
    static func refuseOversizedTables(_ bytes: [UInt8]) throws(ReadError) {
        guard bytes.count > maxCells * 6 else { return }
        let tag = Array("<w:tc".utf8)
        let count = bytes.withUnsafeBufferPointer { buffer in
            tag.withUnsafeBufferPointer { tag -> Int in
                var cells = 0
                var offset = 0
                while cells <= maxCells,
                      let found = firstOffset(of: tag, in: UnsafeBufferPointer(rebasing: buffer[offset...])) {
                    let end = offset + found + tag.count
                    offset = end
                    // `<w:tc>` or `<w:tc …>`, not `<w:tcPr>` or `<w:tcW>`.
                    guard end < buffer.count else { break }
                    switch buffer[end] {
                    case UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), 0x09, 0x0A, 0x0D: cells += 1
                    default: break
                    }
                }
                return cells
            }
        }
        if count > maxCells { throw tablesTooLarge }
    }

    /// The error for more than `maxCells` table cells.
    private static var tablesTooLarge: ReadError {
        .limitExceeded("文档中的表格过大（超过 \(maxCells) 个单元格），疑似恶意构造的文件；正常的申报书远小于此")
    }

    private var characters = 0
    private var cells = 0

    private let styles: StyleSheet
    private var numbering: Numbering
    private var depth = 0
    /// Which part of a complex field the reader is in.
    private enum FieldPart {
        case instruction, result
        /// The result of a drop-down form field, already written from its `w:ffData`.
        case hiddenResult
    }

    /// Open complex fields, innermost last.
    private var openFields: [FieldPart] = []
    private var openInstructions = 0

    /// Whether tracked changes were seen.
    private(set) var sawTrackedChanges = false
    /// Whether text boxes were read.
    private(set) var sawTextBoxes = false
    /// Whether the body imports external content (`w:altChunk`), which is not read.
    private(set) var sawAltChunk = false
    /// References to footnotes, endnotes and comments seen in the body (their text is not read).
    private(set) var footnoteCount = 0
    private(set) var endnoteCount = 0
    private(set) var commentCount = 0

    package init(styles: StyleSheet, numbering: Numbering = Numbering()) {
        self.styles = styles
        self.numbering = numbering
    }

    /// The blocks of a block container (`w:body`, `w:tc`, `w:txbxContent`, …).
    package func blocks(in container: XMLNode) throws(ReadError) -> [Block] {
        var blocks: [Block] = []
        var carried: [Inline] = []
        try appendBlocks(of: container, to: &blocks, carrying: &carried)
        flush(&carried, to: &blocks)
        return blocks
    }

    // MARK: Blocks

    private func appendBlocks(of container: XMLNode, to blocks: inout [Block],
                              carrying carried: inout [Inline]) throws(ReadError) {
        try enter()
        defer { depth -= 1 }
        for child in container.children {
            if let branch = alternateContentBranch(child) {
                try appendBlocks(of: branch, to: &blocks, carrying: &carried)
                continue
            }
            guard isWordprocessing(child) else { continue }
            // Nearly every child is a paragraph: told by comparing its name in place, the rest by a name string.
            if child.hasName("p") {
                try appendParagraph(child, to: &blocks, carrying: &carried)
                continue
            }
            switch child.name {
            case "tbl":
                flush(&carried, to: &blocks)
                blocks.append(.table(try table(child)))
            case "sdt":
                if let content = child.child("sdtContent"), !showsPlaceholder(child) {
                    try appendBlocks(of: content, to: &blocks, carrying: &carried)
                }
            case "customXml", "ins", "moveTo":
                try appendBlocks(of: child, to: &blocks, carrying: &carried)
            case "altChunk":
                sawAltChunk = true
            default:
                break
            }
        }
    }

    private func appendParagraph(_ paragraph: XMLNode, to blocks: inout [Block],
                                 carrying carried: inout [Inline]) throws(ReadError) {
        var buffer = InlineBuffer()
        buffer.append(contentsOf: carried)
        carried = []
        var textBoxes: [Block] = []
        try appendInlines(of: paragraph, to: &buffer, textBoxes: &textBoxes)
        endParagraphFields()

        let properties = paragraph.child("pPr")
        if properties?.child("rPr")?.child("del") != nil {
            // The paragraph mark was deleted: with the change accepted, this text joins the next paragraph.
            sawTrackedChanges = true
            carried = buffer.inlines
        } else {
            let styleId = properties?.child("pStyle")?.attribute("val")
            // Counted even when the paragraph is blank (Word numbers it); shown only when it is not.
            let label = listLabel(properties: properties, styleId: styleId)
            if !buffer.isBlank {
                var level = styleId.flatMap(styles.headingLevel(of:))
                if let outline = properties?.child("outlineLvl")?.attribute("val").flatMap({ Int($0) }) {
                    level = StyleSheet.headingLevel(outline: outline)
                }
                // (Most paragraphs have no list label: their inlines are the buffer's, already joined.)
                var inlines = buffer.inlines
                if !label.isEmpty {
                    var labelled = InlineBuffer()
                    labelled.append(contentsOf: label + inlines)
                    inlines = labelled.inlines
                }
                blocks.append(.paragraph(Paragraph(inlines: inlines, style: styleId.map(styles.name(of:)), headingLevel: level)))
            }
        }
        blocks += textBoxes
    }

    /// The list label of a paragraph: its own `w:numPr`, else (numId and level separately) its
    /// style's; `w:numId` 0 means not numbered.
    private func listLabel(properties: XMLNode?, styleId: String?) -> [Inline] {
        let own = properties?.child("numPr")
        var numId = integer(own?.child("numId"))
        var level = integer(own?.child("ilvl"))
        if let styleId, numId == nil || level == nil {
            let inherited = styles.numbering(of: styleId)
            numId = numId ?? inherited.numId
            level = level ?? inherited.level
        }
        guard let numId, numId != 0 else { return [] }
        let resolvedLevel = level ?? styleId.flatMap { numbering.level(linkedTo: $0, numId: numId) } ?? 0
        return numbering.label(numId: numId, level: resolvedLevel)
    }

    /// Emits inlines left over from a paragraph whose mark was deleted, when nothing follows to join.
    private func flush(_ carried: inout [Inline], to blocks: inout [Block]) {
        var buffer = InlineBuffer()
        buffer.append(contentsOf: carried)
        carried = []
        if !buffer.isBlank { blocks.append(.paragraph(Paragraph(inlines: buffer.inlines))) }
    }

    // MARK: Tables

    private func table(_ table: XMLNode) throws(ReadError) -> Table {
        try enter()
        defer { depth -= 1 }
        let declared = table.child("tblGrid")?.children.filter { $0.hasName("gridCol") }.count ?? 0
        var grid = TableGrid(declaredColumns: declared)
        for (row, rowPlaceholder) in try descendants(named: "tr", of: table) {
            let properties = row.child("trPr")
            if properties?.child("del") != nil {
                sawTrackedChanges = true
                continue
            }
            grid.startRow(skipping: integer(properties?.child("gridBefore")) ?? 0)
            for (cell, placeholder) in try descendants(named: "tc", of: row, inPlaceholder: rowPlaceholder) {
                cells += 1
                if cells > Self.maxCells { throw Self.tablesTooLarge }
                let cellProperties = cell.child("tcPr")
                let span = integer(cellProperties?.child("gridSpan")) ?? 1
                let merge = cellProperties?.child("vMerge").map { $0.attribute("val") ?? "continue" }
                if let merge, merge != "restart", grid.continueCell(span: span) { continue }
                grid.addCell(span: span, blocks: placeholder ? [] : try blocks(in: cell))
            }
        }
        return grid.table
    }

    /// Rows of a table or cells of a row, looking through the content controls and custom XML that
    /// may wrap them; each flagged when a wrapping control still shows its placeholder (read as empty).
    private func descendants(named name: StaticString, of parent: XMLNode, inPlaceholder: Bool = false)
        throws(ReadError) -> [(element: XMLNode, placeholder: Bool)] {
        try enter()
        defer { depth -= 1 }
        var found: [(element: XMLNode, placeholder: Bool)] = []
        for child in parent.children where isWordprocessing(child) {
            if child.hasName(name) {
                found.append((child, inPlaceholder))
            } else if child.hasName("customXml") {
                found += try descendants(named: name, of: child, inPlaceholder: inPlaceholder)
            } else if child.hasName("sdt"), let content = child.child("sdtContent") {
                found += try descendants(named: name, of: content, inPlaceholder: inPlaceholder || showsPlaceholder(child))
            }
        }
        return found
    }

    // MARK: Inlines

    private func appendInlines(of container: XMLNode, to buffer: inout InlineBuffer,
                               textBoxes: inout [Block]) throws(ReadError) {
        try enter()
        defer { depth -= 1 }
        for child in container.children {
            if let branch = alternateContentBranch(child) {
                try appendInlines(of: branch, to: &buffer, textBoxes: &textBoxes)
                continue
            }
            guard isWordprocessing(child) else { continue }
            // Runs and paragraph properties, most of the children, are told by comparing their names in place.
            if child.hasName("r") {
                try appendRunContent(of: child, fonts: RunFonts(runProperties: child.child("rPr")),
                                     to: &buffer, textBoxes: &textBoxes)
                continue
            }
            if child.hasName("pPr") { continue }
            switch child.name {
            case "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo":
                try appendInlines(of: child, to: &buffer, textBoxes: &textBoxes)
            case "ins", "moveTo":
                sawTrackedChanges = true
                try appendInlines(of: child, to: &buffer, textBoxes: &textBoxes)
            case "del", "moveFrom":
                sawTrackedChanges = true
            case "sdt":
                if let checked = contentControlCheckbox(child) {
                    if openInstructions == 0 { buffer.append(.checkbox(checked: checked)) }
                } else if let content = child.child("sdtContent"), !showsPlaceholder(child) {
                    try appendInlines(of: content, to: &buffer, textBoxes: &textBoxes)
                }
            default:
                break
            }
        }
    }

    /// The content of a `w:r` (or of an `mc:AlternateContent` branch inside one).
    private func appendRunContent(of run: XMLNode, fonts: RunFonts?, to buffer: inout InlineBuffer,
                                  textBoxes: inout [Block]) throws(ReadError) {
        try enter()
        defer { depth -= 1 }
        for child in run.children {
            if let branch = alternateContentBranch(child) {
                try appendRunContent(of: branch, fonts: fonts, to: &buffer, textBoxes: &textBoxes)
                continue
            }
            guard isWordprocessing(child) else { continue }
            // Run properties and text, most of the children, are told by comparing their names in place.
            if child.hasName("rPr") { continue }
            if child.hasName("t") {
                if openInstructions == 0 { try appendText(of: child, fonts: fonts, to: &buffer) }
                continue
            }
            let name = child.name
            if name == "fldChar" {
                fieldCharacter(child, to: &buffer)
                continue
            }
            if name == "drawing" || name == "pict" || name == "object" {
                for box in try textBoxContents(in: child) {
                    sawTextBoxes = true
                    textBoxes += try blocks(in: box)
                }
                continue
            }
            guard openInstructions == 0 else { continue }
            switch name {
            case "tab", "ptab":
                buffer.append(.tab)
            case "br", "cr":
                buffer.append(.lineBreak)
            case "noBreakHyphen":
                buffer.append(text: "-")
            case "sym":
                appendSymbol(child, to: &buffer)
            case "footnoteReference":
                footnoteCount += 1
            case "endnoteReference":
                endnoteCount += 1
            case "commentReference":
                commentCount += 1
            case "ruby":
                // Phonetic guides: keep the base text, drop the annotation above it.
                if let base = child.child("rubyBase") {
                    try appendInlines(of: base, to: &buffer, textBoxes: &textBoxes)
                }
            default:
                break
            }
        }
    }

    /// The text of a `w:t`, counted against `maxCharacters`.
    private func appendText(of element: XMLNode, fonts: RunFonts?, to buffer: inout InlineBuffer) throws(ReadError) {
        let text = element.text
        // Scalars counted on the bytes: each begins with a byte that is not a continuation byte.
        characters += text.withUTF8Bytes { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
        if characters > Self.maxCharacters {
            throw ReadError.limitExceeded("文档文字过多（超过 \(Self.maxCharacters / 10_000) 万字），疑似恶意构造的文件；正常的申报书远小于此")
        }
        appendText(text, fonts: fonts, to: &buffer)
    }

    private func appendText(_ text: String, fonts: RunFonts?, to buffer: inout InlineBuffer) {
        guard let fonts else {
            buffer.append(text: text)
            return
        }
        for scalar in text.unicodeScalars {
            if let font = fonts.symbolFont(for: scalar) {
                if let inline = SymbolFonts.inline(font: font, code: scalar.value) { buffer.append(inline) }
            } else {
                buffer.append(text: String(Character(scalar)))
            }
        }
    }

    private func appendSymbol(_ symbol: XMLNode, to buffer: inout InlineBuffer) {
        guard let font = symbol.attribute("font"), let hex = symbol.attribute("char"),
              let code = UInt32(hex, radix: 16) else { return }
        if SymbolFonts.isSymbolFont(font) {
            if let inline = SymbolFonts.inline(font: font, code: code) { buffer.append(inline) }
        } else if code < 0xE000 || code > 0xF8FF, let scalar = Unicode.Scalar(code) {
            buffer.append(text: String(Character(scalar)))
        }
    }

    /// Text boxes inside a drawing, picture or embedded object (one branch of any alternate content).
    private func textBoxContents(in element: XMLNode) throws(ReadError) -> [XMLNode] {
        try enter()
        defer { depth -= 1 }
        var found: [XMLNode] = []
        for child in element.children {
            if let branch = alternateContentBranch(child) {
                found += try textBoxContents(in: branch)
            } else if child.hasName("txbxContent"), isWordprocessing(child) {
                found.append(child)
            } else {
                found += try textBoxContents(in: child)
            }
        }
        return found
    }

    // MARK: Fields and checkboxes

    private func fieldCharacter(_ character: XMLNode, to buffer: inout InlineBuffer) {
        switch character.attribute("fldCharType") {
        case "begin":
            let formData = character.child("ffData")
            let dropDown = formData?.child("ddList")
            if openInstructions == 0, let box = formData?.child("checkBox") {
                buffer.append(.checkbox(checked: Self.formCheckboxState(box)))
            } else if openInstructions == 0, let dropDown {
                buffer.append(text: Self.dropDownChoice(dropDown))
            }
            if openFields.count >= Self.maxOpenFields, openFields.removeFirst() != .result { openInstructions -= 1 }
            openFields.append(dropDown == nil ? .instruction : .hiddenResult)
            openInstructions += 1
        case "separate":
            if openFields.last == .instruction {
                openFields[openFields.count - 1] = .result
                openInstructions -= 1
            }
        case "end":
            if let part = openFields.popLast(), part != .result { openInstructions -= 1 }
        default:
            break
        }
    }

    /// A field instruction never spans paragraphs: switch unfinished ones to their result so a
    /// malformed field cannot hide the rest of the document.
    private func endParagraphFields() {
        guard openInstructions > 0 else { return }
        openFields = openFields.map { _ in .result }
        openInstructions = 0
    }

    /// The state of a legacy form checkbox: `w:checked` overrides `w:default`; a bare element is on.
    static func formCheckboxState(_ box: XMLNode) -> Bool {
        if let checked = box.child("checked") { return onOff(checked.attribute("val")) }
        if let initial = box.child("default") { return onOff(initial.attribute("val")) }
        return false
    }

    /// The entry a legacy drop-down form field shows: `w:result` (an index into the entries), else
    /// `w:default`, else the first entry; empty when there are no entries.
    private static func dropDownChoice(_ list: XMLNode) -> String {
        let entries = list.children.filter { $0.hasName("listEntry") }.map { $0.attribute("val") ?? "" }
        let chosen = [list.child("result"), list.child("default")].lazy
            .compactMap { $0?.attribute("val").flatMap { Int($0) } }
            .first { entries.indices.contains($0) }
        return chosen.map { entries[$0] } ?? entries.first ?? ""
    }

    /// The state of a content-control checkbox (`w14:checkbox`), or nil when `sdt` is something else.
    private func contentControlCheckbox(_ sdt: XMLNode) -> Bool? {
        guard let box = sdt.child("sdtPr")?.child("checkbox") else { return nil }
        guard let checked = box.child("checked") else { return false }
        return Self.onOff(checked.attribute("val"))
    }

    /// An OOXML on/off value: absent means on.
    static func onOff(_ value: String?) -> Bool {
        switch value?.lowercased() {
        case "0", "false", "off": return false
        default: return true
        }
    }

    private func showsPlaceholder(_ sdt: XMLNode) -> Bool {
        guard let flag = sdt.child("sdtPr")?.child("showingPlcHdr") else { return false }
        return Self.onOff(flag.attribute("val"))
    }

    // MARK: Helpers

    /// The branch to read when `element` is `mc:AlternateContent` (nil when it is not, or when no
    /// branch qualifies: then the whole element is skipped).
    private func alternateContentBranch(_ element: XMLNode) -> XMLNode? {
        guard element.hasName("AlternateContent"), element.inNamespace(OOXMLNamespace.markupCompatibility)
        else { return nil }
        for branch in element.children {
            if branch.hasName("Choice") {
                let prefixes = (branch.attribute("Requires") ?? "").split(separator: " ")
                let understood = !prefixes.isEmpty && prefixes.allSatisfy { prefix in
                    branch.namespaceURI(forPrefix: String(prefix)).map(OOXMLNamespace.understood.contains) ?? false
                }
                if understood { return branch }
            } else if branch.hasName("Fallback") {
                return branch
            }
        }
        return nil
    }

    private func isWordprocessing(_ element: XMLNode) -> Bool {
        guard let identity = element.namespaceIdentity else { return false }
        if identity == wordprocessingNamespace { return true }
        guard element.inNamespace(OOXMLNamespace.wordprocessing) else { return false }
        wordprocessingNamespace = identity
        return true
    }

    /// The namespace last found to be WordprocessingML's (nearly every element of a body is in one):
    /// the URI comparison is skipped for the elements in it.
    private var wordprocessingNamespace: Int?

    private func integer(_ element: XMLNode?) -> Int? {
        element?.attribute("val").flatMap { Int($0) }
    }

    private func enter() throws(ReadError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ReadError.limitExceeded("文档结构嵌套过深（超过 \(Self.maxDepth) 层），疑似恶意构造的文件")
        }
    }
}
