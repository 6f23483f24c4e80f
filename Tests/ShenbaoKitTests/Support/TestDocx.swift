import Foundation

/// Builds small `.docx` files in a temporary folder from a `w:body` fragment.
enum TestDocx {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"

    /// A `word/document.xml` around `body`, declaring the prefixes the tests use.
    static func documentXML(body: String, namespace: String = transitional) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(namespace)" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:x9="urn:example:unknown" \
        mc:Ignorable="w14"><w:body>\(body)</w:body></w:document>
        """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """

    /// The package relationships pointing at the main part `target`.
    static func packageRels(target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="\(target)"/></Relationships>
        """
    }

    /// A styles part defining each `(id, name, outlineLevel)` as a paragraph style.
    static func stylesXML(_ styles: [(id: String, name: String, outline: Int?)]) -> String {
        let defined = styles.map { style in
            let outline = style.outline.map { "<w:pPr><w:outlineLvl w:val=\"\($0)\"/></w:pPr>" } ?? ""
            return "<w:style w:type=\"paragraph\" w:styleId=\"\(style.id)\"><w:name w:val=\"\(style.name)\"/>\(outline)</w:style>"
        }.joined()
        return "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(transitional)\">\(defined)</w:styles>"
    }

    /// Writes a docx holding `body` (and `styles`, when given) and returns its path.
    static func make(body: String, namespace: String = transitional, styles: String? = nil) throws -> String {
        var entries: [(name: String, content: TestZipWriter.Content)] = [
            ("[Content_Types].xml", .text(contentTypes)),
            ("_rels/.rels", .text(packageRels(target: "word/document.xml"))),
            ("word/document.xml", .text(documentXML(body: body, namespace: namespace))),
        ]
        if let styles { entries.append(("word/styles.xml", .text(styles))) }
        return try package(entries)
    }

    /// Writes a zip with exactly these entries and returns its path.
    static func package(_ entries: [(name: String, content: TestZipWriter.Content)]) throws -> String {
        let path = directory.appendingPathComponent("\(UUID().uuidString).docx").path
        try TestZipWriter.write(entries, to: path)
        return path
    }

    /// Writes raw bytes (not a zip) and returns the path.
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = directory.appendingPathComponent("\(UUID().uuidString).docx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-docx-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}

/// Paragraph/run shorthands for test bodies.
enum W {
    static func p(_ content: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(content)</w:p>"
    }

    static func r(_ text: String) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func tc(_ text: String, properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>\(p(r(text)))</w:tc>"
    }
}
