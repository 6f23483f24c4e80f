import ShenbaoModel
import ShenbaoSupport

/// Reads a Word (OOXML) document into the neutral model.
///
/// The main part is found through the package's `officeDocument` relationship (falling back to
/// `word/document.xml`); paragraph style names and heading levels come from the styles part, list
/// labels from the numbering part. Both transitional and strict WordprocessingML are read. See
/// `BodyReader` for the reading rules.
public enum DOCXReader {
    /// Reads the `.docx` file at `path`. Throws `ReadError` with a Chinese message; never traps.
    public static func read(path: String) throws(ReadError) -> Document {
        let archive = try ZipArchive(path: path)
        let mainPart = try mainPartName(in: archive)
        guard let bytes = try archive.read(mainPart) else {
            throw ReadError.notThisFormat("文件不是有效的 Word 文档（缺少 word/document.xml）")
        }
        try BodyReader.refuseOversizedTables(bytes)
        let xml = try XMLTree.parse(bytes, partName: mainPart)
        // Nodes point into `xml`: keep it alive until the walk is over.
        defer { withExtendedLifetime(xml) {} }
        guard let root = xml.root, root.hasName("document"), root.inNamespace(OOXMLNamespace.wordprocessing) else {
            throw ReadError.notThisFormat("文件不是 Word 文档（主文档不是 WordprocessingML，可能是 Excel 或 PowerPoint 文件）")
        }
        var notes: [ReaderNote] = []
        let relationships = try PackageRelationships(of: mainPart, in: archive)
        let styles = try supportingPart("styles", relationships: relationships, in: archive, notes: &notes,
                                        damaged: { ReaderNote(.damagedStyles, "样式表（\($0)）损坏，已忽略段落样式") }, empty: StyleSheet(),
                                        cache: lastStyles, elementsRead: StyleSheet.elementsRead, make: StyleSheet.init(root:))
        let numbering = try supportingPart("numbering", relationships: relationships, in: archive, notes: &notes,
                                           damaged: { ReaderNote(.damagedNumbering, "编号定义（\($0)）损坏，已忽略自动编号") }, empty: Numbering(),
                                           cache: lastNumbering, elementsRead: nil, make: Numbering.init(root:))
        let reader = BodyReader(styles: styles, numbering: numbering)
        var blocks: [Block] = []
        if let body = root.child("body") {
            blocks = try reader.blocks(in: body)
        }
        if reader.sawTrackedChanges {
            notes.append(ReaderNote(.trackedChanges, "文档含有修订痕迹，已按接受全部修订后的内容读取"))
        }
        if reader.sawAltChunk {
            notes.append(ReaderNote(.embeddedContent, "文档嵌入了外部内容（altChunk），这部分未读取"))
        }
        if reader.sawTextBoxes {
            notes.append(ReaderNote(.textBoxes, "文档含有文本框，其中的文字已放在所在段落之后"))
        }
        notes += referenceNotes(reader)
        return Document(path: path, format: .docx, blocks: blocks, notes: notes)
    }

    /// Notes about footnotes, endnotes and comments, which are left out of the body on purpose.
    private static func referenceNotes(_ reader: BodyReader) -> [ReaderNote] {
        var notes: [ReaderNote] = []
        let kinds = [("脚注", reader.footnoteCount), ("尾注", reader.endnoteCount)].filter { $0.1 > 0 }
        if !kinds.isEmpty {
            let counts = kinds.map { "\($0.0) \($0.1) 条" }.joined(separator: "、")
            notes.append(ReaderNote(.footnotes, "文档含有\(counts)，其文字未计入正文"))
        }
        if reader.commentCount > 0 {
            notes.append(ReaderNote(.comments, "文档含有批注 \(reader.commentCount) 条，其文字未读取"))
        }
        return notes
    }

    /// The main document part: the target of the package's officeDocument relationship when that
    /// part exists, else `word/document.xml`.
    private static func mainPartName(in archive: ZipArchive) throws(ReadError) -> String {
        let package = try PackageRelationships(of: "", in: archive)
        if let target = package.target(ofTypeEndingWith: "officeDocument"), archive.contains(target) {
            return target
        }
        return "word/document.xml"
    }

    /// The styles and numbering parts last read in this process (see `LastPartCache`).
    private static let lastStyles = LastPartCache<StyleSheet>()
    private static let lastNumbering = LastPartCache<Numbering>()

    /// A part the main part relates to (styles, numbering), read with `make` from its tree (of the elements
    /// `elementsRead` keeps, or all); `empty` when it is missing. A part stored exactly as the last one read well
    /// is taken from `cache` without being inflated again.
    /// A part damaged where it is read only loses what it adds (with a note); damage only inside the elements a
    /// filter leaves out is not looked for (see `XMLTreeParser`). A hostile part (DTD, oversized) stops the read.
    private static func supportingPart<Part>(_ kind: String, relationships: PackageRelationships, in archive: ZipArchive,
                                             notes: inout [ReaderNote], damaged: (String) -> ReaderNote, empty: Part,
                                             cache: LastPartCache<Part>, elementsRead: XMLElementFilter?,
                                             make: (XMLNode) -> Part) throws(ReadError) -> Part {
        let name = relationships.target(ofTypeEndingWith: kind) ?? "word/\(kind).xml"
        let stored = archive.storedEntry(name)
        if let part = cache.part(storedAs: stored) { return part }
        guard let bytes = try archive.read(name) else { return empty }
        do {
            let xml = try XMLTree.parse(bytes, partName: name, keeping: elementsRead)
            defer { withExtendedLifetime(xml) {} }
            guard let part = xml.root.map(make) else { return empty }
            cache.remember(part, storedAs: stored)
            return part
        } catch .damaged {
            notes.append(damaged(name))
            return empty
        }
    }
}
