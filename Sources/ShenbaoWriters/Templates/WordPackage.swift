import CLibXML2
import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// The parts of a Word package, loaded from a `.docx` or from its Flat-OPC XML form (one readable
/// XML file, as Word saves "Word XML Document" — what `Templates/` keeps so diffs stay readable),
/// and written back as a `.docx`.
struct WordPackage {
    /// Part name (no leading slash, e.g. `word/document.xml`) → bytes.
    package var parts: [String: [UInt8]]
    /// Part name → content type, for `[Content_Types].xml`.
    var contentTypes: [String: String]

    static let flatOPCNamespace = "http://schemas.microsoft.com/office/2006/xmlPackage"

    /// Loads a `.docx` or Flat-OPC `.xml` template.
    package init(path: String) throws(ReadError) {
        let head = try FileSniffer.firstBytes(of: path, count: 4)
        if FileSniffer.kind(of: head) == .zip {
            try self.init(docx: path)
        } else {
            guard let data = FileManager.default.contents(atPath: path) else { throw ReadError.unreadable("无法读取模板 \(path)") }
            try self.init(flatOPC: [UInt8](data), name: path)
        }
    }

    private init(docx path: String) throws(ReadError) {
        let archive = try ZipArchive(path: path)
        var parts: [String: [UInt8]] = [:]
        for name in archive.entryNames where name != "[Content_Types].xml" {
            parts[name] = try archive.read(name)
        }
        var types: [String: String] = [:]
        if let bytes = try archive.read("[Content_Types].xml") {
            let xml = try SafeXML(bytes: bytes, partName: "[Content_Types].xml")
            var defaults: [String: String] = [:]
            for element in xml.root?.children ?? XMLChildren(first: nil) {
                if element.hasName("Default"), let ext = element.attribute("Extension"), let type = element.attribute("ContentType") {
                    defaults[ext.lowercased()] = type
                }
                if element.hasName("Override"), let name = element.attribute("PartName"), let type = element.attribute("ContentType") {
                    types[String(name.drop { $0 == "/" })] = type
                }
            }
            for name in parts.keys where types[name] == nil {
                types[name] = defaults[(name as NSString).pathExtension.lowercased()]
            }
        }
        self.parts = parts
        self.contentTypes = types
    }

    private init(flatOPC bytes: [UInt8], name: String) throws(ReadError) {
        let xml = try SafeXML(bytes: bytes, partName: name)
        guard let root = xml.root, root.hasName("package") else {
            throw ReadError.notThisFormat("模板 \(name) 不是 Word 文档（.docx）或 Word XML 文档（Flat OPC）")
        }
        var parts: [String: [UInt8]] = [:]
        var types: [String: String] = [:]
        for part in root.children where part.hasName("part") {
            guard let partName = part.attribute("name").map({ String($0.drop { $0 == "/" }) }) else { continue }
            types[partName] = part.attribute("contentType")
            if let data = part.child("xmlData"), let element = data.children.first(where: { _ in true }) {
                parts[partName] = Self.standalone(element)
            } else if let data = part.child("binaryData") {
                parts[partName] = Data(base64Encoded: data.text, options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
            }
        }
        guard parts["word/document.xml"] != nil else { throw ReadError.damaged("模板 \(name) 缺少 word/document.xml") }
        self.parts = parts
        self.contentTypes = types
    }

    /// An element copied into a document of its own and serialised, with the namespaces it uses.
    private static func standalone(_ element: XMLElement) -> [UInt8] {
        guard let document = xmlNewDoc("1.0") else { return [] }
        defer { xmlFreeDoc(document) }
        guard let copy = xmlDocCopyNode(element.node, document, 1) else { return [] }
        xmlDocSetRootElement(document, copy)
        xmlReconciliateNs(document, copy)
        return SafeXML.serialize(document)
    }

    /// The package as `.docx` zip entries, `[Content_Types].xml` first.
    package func entries() -> [ZipWriter.Entry] {
        var overrides = ""
        for name in parts.keys.sorted() where !name.hasSuffix(".rels") {
            guard let type = contentTypes[name] else { continue }
            overrides += "<Override PartName=\"/\(name.xmlEscaped)\" ContentType=\"\(type.xmlEscaped)\"/>"
        }
        let types = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>\
        \(overrides)</Types>
        """
        let ordered = parts.keys.sorted { ($0 == "_rels/.rels" ? 0 : 1, $0) < ($1 == "_rels/.rels" ? 0 : 1, $1) }
        return [ZipWriter.Entry("[Content_Types].xml", text: types)] + ordered.map { ZipWriter.Entry($0, parts[$0] ?? []) }
    }
}

extension String {
    /// The text with XML's five special characters escaped (HTML's too: the desk's table rows use it).
    package var xmlEscaped: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                     || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return self }
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
