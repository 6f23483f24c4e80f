import Foundation
import Testing
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoReaders
import ShenbaoTestSupport

/// The two ways of building an `XMLTree` — `XMLTreeParser` on the bytes, and a copy of libxml2's tree —
/// give the same tree wherever the parser takes a document on, and the parser leaves to libxml2 what it
/// does not read.
@Suite struct XMLTreeTests {
    /// Every element, attribute, text and namespace declaration of a tree, one per line; with a filter, only the
    /// elements it keeps.
    static func outline(_ tree: XMLTree, keeping filter: XMLElementFilter? = nil) -> String {
        var lines: [String] = []
        func visit(_ node: XMLNode, depth: Int) {
            if let filter, depth > 0,
               !Array(node.name.utf8).withUnsafeBufferPointer({ filter.keeps(depth: depth - 1, name: $0) }) { return }
            let indent = String(repeating: " ", count: depth)
            let namespace = node.namespaceIdentity.map { tree.namespaces[$0] } ?? "-"
            lines.append("\(indent)<\(node.name)> {\(namespace)}")
            for declaration in node.declarations { lines.append("\(indent)  xmlns:\(declaration.prefix)=\(declaration.uri ?? "nil")") }
            for attribute in node.attributes { lines.append("\(indent)  @\(attribute.name)=\(attribute.value.debugDescription)") }
            if !node.text.isEmpty { lines.append("\(indent)  text \(node.text.debugDescription)") }
            for child in node.children { visit(child, depth: depth + 1) }
        }
        if let root = tree.root { visit(root, depth: 0) }
        return lines.joined(separator: "\n")
    }

    /// The tree libxml2 makes of `bytes`, as an outline; nil when libxml2 refuses them.
    static func libxml2Outline(_ bytes: [UInt8]) -> String? {
        guard let xml = try? SafeXML(bytes: bytes, partName: "test.xml") else { return nil }
        return withExtendedLifetime(xml) { outline(XMLTree.copy(of: xml)) }
    }

    /// The XML parts of every Word file of the public corpus (Word, WPS, LibreOffice, Apache POI, fuzzed
    /// ones) and of the samples: where the parser reads a part, its tree is libxml2's.
    @Test func realPartsGiveLibxml2sTree() throws {
        func documents(under folder: String) -> [String] {
            let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
            return names.filter { $0.hasSuffix(".docx") }.map { folder + "/" + $0 }
        }
        let files = (sharedDirectory().map { documents(under: $0 + "/corpus/public") } ?? []) + documents(under: packageRoot() + "/Samples")
        #expect(files.count > 150)
        var parsed = 0
        var refused = 0
        for file in files.sorted() {
            guard let archive = try? ZipArchive(path: file) else { continue }
            for name in archive.entryNames where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
                guard let bytes = try? archive.read(name) else { continue }
                let expected = Self.libxml2Outline(bytes)
                guard let tree = XMLTreeParser.parse(bytes) else {
                    refused += 1
                    continue
                }
                parsed += 1
                #expect(expected != nil, "\(file) \(name): read, but libxml2 refuses it")
                if let expected, Self.outline(tree) != expected {
                    let difference = zip(Self.outline(tree).split(separator: "\n"), expected.split(separator: "\n")).first { $0 != $1 }
                    Issue.record("\(file) \(name): the trees differ: \(difference.map { "\($0.0) ≠ \($0.1)" } ?? "in length")")
                }
            }
        }
        // Nearly every real part is read by the parser itself (only broken or unusual ones go to libxml2).
        #expect(parsed > 2_000)
        #expect(refused * 20 < parsed, "\(refused) parts left to libxml2 of \(parsed + refused)")
    }

    /// Every styles part of the corpus and the samples, read with the style sheet's filter: the tree holds what
    /// the whole tree holds, less the elements the filter leaves out.
    @Test func filteredStylesPartsKeepWhatTheStyleSheetReads() throws {
        let folders = (sharedDirectory().map { [$0 + "/corpus/public"] } ?? []) + [packageRoot() + "/Samples"]
        let files = folders.flatMap { folder in
            ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? [])
                .filter { $0.hasSuffix(".docx") }.map { folder + "/" + $0 }
        }
        var compared = 0
        var leftOut = 0
        for file in files.sorted() {
            guard let archive = try? ZipArchive(path: file), let bytes = try? archive.read("word/styles.xml") else { continue }
            guard let filtered = XMLTreeParser.parse(bytes, keeping: StyleSheet.elementsRead) else { continue }
            // (The whole tree is this parser's or, for a part it reads only filtered, libxml2's; a part broken only
            // where the filter does not read has no whole tree to compare with.)
            guard let tree = try? XMLTree.parse(bytes, partName: "styles.xml") else { continue }
            #expect(Self.outline(filtered) == Self.outline(tree, keeping: StyleSheet.elementsRead), "\(file)")
            if Self.outline(filtered).count < Self.outline(tree).count { leftOut += 1 }
            compared += 1
        }
        #expect(compared > 100)
        // (A few parts hold nothing but paragraph styles' names.)
        #expect(leftOut * 10 > compared * 9, "something left out of only \(leftOut) of \(compared) parts")
    }

    /// What a filter leaves out is read past, checked only for where it ends: its start tag must end well, its end
    /// tag be found outside comments and CDATA sections (which must end), elements of its own name nest; a DOCTYPE
    /// still sends the part to libxml2. Other tags, names, references and prefixes inside it are not looked at.
    @Test func filteredPartsAreReadPastToTheirEnd() throws {
        let filter = XMLElementFilter(namesByDepth: [["keep"], ["inner"]])
        let bytes = Array("<r><keep a=\"1\">x<skip b=\"&amp;\" c='>'><keep/>y<![CDATA[<z></skip>]]><!-- </skip> --><?pi <q>?><skip d=\"1\"><skip/></skip></skip><inner c=\"2\">t</inner></keep><skip/><keep/></r>".utf8)
        let tree = try #require(XMLTreeParser.parse(bytes, keeping: filter))
        #expect(Self.outline(tree) == Self.outline(try #require(XMLTreeParser.parse(bytes)), keeping: filter))
        #expect(Self.outline(tree) == "<r> {-}\n <keep> {-}\n   @a=\"1\"\n   text \"x\"\n  <inner> {-}\n    @c=\"2\"\n    text \"t\"\n <keep> {-}")
        for broken in ["<r><skip></r>", "<r><skip b=\"<\"/></r>", "<r><skip b=\"1/></r>", "<r><skip / ></r>", "<r><skip><!-- x</skip></r>",
                       "<r><skip><![CDATA[x</skip></r>", "<r><skip><!DOCTYPE x></skip></r>", "<r><skip></ skip></r>",
                       "<r><skip></skip x></r>", "<r><skip><skip></skip></r>", "<r><skip><!-- </skip> --></r>"] {
            #expect(XMLTreeParser.parse(Array(broken.utf8), keeping: filter) == nil, "\(broken)")
            #expect(XMLTreeParser.parse(Array(broken.utf8)) == nil, "\(broken)")
        }
        // Inside an element left out, what would stop a whole read does not matter: the tree is the same.
        let deep = "<r><skip>" + String(repeating: "<a>", count: XMLTreeParser.maxDepth) + "</skip><keep/></r>"
        for lenient in ["<r><skip b=\"&nbsp;\"/><keep/></r>", "<r><skip>]]></skip><keep/></r>", "<r><skip p:x=\"1\"/><keep/></r>",
                        "<r><skip xmlns:p=\"urn:p\"><p:a/></skip><keep/></r>", "<r><skip b=\"1\" b=\"2\"/><keep/></r>",
                        "<r><skip><1a/><a></b></skip><keep/></r>", "<r><skip><a x=\"</skipped>\"/ ></skip><keep/></r>", deep] {
            let kept = try #require(XMLTreeParser.parse(Array(lenient.utf8), keeping: filter), "\(lenient)")
            #expect(Self.outline(kept) == "<r> {-}\n <keep> {-}", "\(lenient)")
        }
    }

    /// Parts written to exercise what the parser reads: each must give libxml2's tree.
    @Test(arguments: [
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a xmlns="urn:a"><b x="1"/></a>"#,
        "\u{FEFF}<a><b>x</b></a>",
        "<a>&lt;&gt;&amp;&apos;&quot;&#20013;&#x6587;&#10;</a>",
        "<a>line\r\nnext\rthird</a>",
        "<a x=\"one\ttwo\nthree\r\nfour\" y='&#10;&#9;kept'/>",
        "<a><![CDATA[<not markup> & ]]>tail<![CDATA[]]></a>",
        "<a><!-- a comment --><?pi data?>text<!--x--></a>\n<!-- after -->",
        "<p:a xmlns:p=\"urn:p\" xmlns:q=\"urn:q\"><q:b p:x=\"1\" q:y=\"2\"><p:c xmlns:p=\"urn:other\"/></q:b></p:a>",
        "<a xmlns=\"urn:a\"><b xmlns=\"\"><c/></b><d/></a>",
        "<p:a q:x=\"1\" xmlns:q=\"urn:q\" y=\"2\" xmlns:p=\"urn:p\" xmlns=\"urn:d\"><b q:z=\"3\" xmlnsx=\"4\"/></p:a>",
        "<a xml:space=\"preserve\"> spaced </a>",
        "<w:document xmlns:w=\"urn:w\" xmlns:mc=\"urn:mc\"><w:body>  <w:p><w:r><w:t xml:space=\"preserve\">中文 text</w:t></w:r></w:p>\n</w:body></w:document>",
        "<a  b = \"1\"   c='2' ></a >",
        "<w:a xmlns:w=\"urn:w\"><w:b w:x=\"1\" w:y=\"&amp;\r\n\" x=\"2\"/><w:bc/><w:b></w:b\n></w:a>",
    ])
    func writtenPartsGiveLibxml2sTree(_ text: String) throws {
        let bytes = Array(text.utf8)
        let tree = try #require(XMLTreeParser.parse(bytes), "the parser should read this")
        #expect(Self.outline(tree) == Self.libxml2Outline(bytes))
    }

    /// What the parser leaves to libxml2: the tree then comes from libxml2, or its error.
    @Test(arguments: [
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
        "<a>&nbsp;</a>",
        "<a><b></a></b>",
        "<a>",
        "<a></a><b></b>",
        "text<a/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a p:x=\"1\"/>",
        "<a xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:x=\"1\" q:x=\"2\"/>",
        "<?xml version=\"1.0\" encoding=\"GBK\"?><a/>",
        "<a>\u{1}</a>",
        "<a>]]></a>",
        "<a><!-- x -- y --></a>",
        "<a x=\"<\"/>",
        "<a b=\"1\"c=\"2\"/>",
        "<a>&#0;</a>",
        "<名/>",
        "<a xmlns:p=\"urn:p\" xmlns:p=\"urn:q\"/>",
        "<a xmlns=\"urn:p\" xmlns=\"urn:p\"/>",
        "<a xmlns:p=\"urn:p\" p:x=\"1\" p:x=\"2\"/>",
        "<ab></abc>",
        "<abc></ab>",
        "<w:p xmlns:w=\"urn:w\"></w:p.x>",
        "<w:p xmlns:w=\"urn:w\"></w:p:x>",
        "<a x=\"1\"></a x>",
    ])
    func leftToLibxml2(_ text: String) {
        #expect(XMLTreeParser.parse(Array(text.utf8)) == nil)
    }

    /// Bytes that are not UTF-8, or characters XML does not allow, are left to libxml2.
    @Test func invalidCharactersAreLeftToLibxml2() {
        for bytes: [UInt8] in [[0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E], [0x3C, 0x61, 0x3E, 0xEF, 0xBF, 0xBE, 0x3C, 0x2F, 0x61, 0x3E],
                               [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E], [0x3C, 0x61, 0x3E, 0xC3, 0x3C, 0x2F, 0x61, 0x3E]] {
            #expect(XMLTreeParser.parse(bytes) == nil)
        }
    }

    /// A part with a DTD is refused as `SafeXML` refuses it; a broken one is reported as damaged.
    @Test func hostileAndBrokenPartsKeepTheirErrors() {
        do {
            _ = try XMLTree.parse(Array("<a><b></a>".utf8), partName: "word/document.xml")
            Issue.record("a broken part was read")
        } catch {
            guard case .damaged(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.contains("word/document.xml"))
        }
        do {
            _ = try XMLTree.parse(Array("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".utf8), partName: "word/document.xml")
            Issue.record("a part with a DTD was read")
        } catch {
            guard case .limitExceeded = error else { Issue.record("\(error)"); return }
        }
    }

    /// Deep nesting goes to libxml2, which stops at its own limit.
    @Test func deepNestingIsLeftToLibxml2() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(XMLTreeParser.parse(Array(deep.utf8)) == nil)
        let shallow = String(repeating: "<a>", count: 150) + String(repeating: "</a>", count: 150)
        #expect(XMLTreeParser.parse(Array(shallow.utf8)) != nil)
    }
}
