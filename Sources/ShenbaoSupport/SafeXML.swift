import CLibXML2
import Foundation
import ShenbaoModel

/// An XML document parsed by libxml2 with every network, entity and DTD feature off.
///
/// Parsing uses `XML_PARSE_NONET` and never `NOENT`, `DTDLOAD` or `HUGE`; libxml2's own messages are
/// silenced; and any document with an internal or external DTD subset is rejected before anyone walks
/// it (asking for the text of an entity reference would expand it: the billion-laughs trap). Nodes
/// (`XMLElement`) point into this object's tree: callers keep the `SafeXML` alive
/// (`withExtendedLifetime`) while they use them.
package final class SafeXML {
    private let document: xmlDocPtr

    /// libxml2 wants one initialisation before threads parse concurrently; Swift runs this once.
    private static let parserInitialized: Void = xmlInitParser()

    /// Parses `bytes`; `partName` only names the part in error messages.
    package init(bytes: [UInt8], partName: String) throws(ReadError) {
        guard bytes.count < Int(Int32.max) else {
            throw ReadError.limitExceeded("\(partName) 过大")
        }
        _ = Self.parserInitialized
        shenbao_xml_silence()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), partName, nil, options)
                }
            }
        }
        guard let parsed else {
            throw ReadError.damaged("文档内容损坏（\(partName) 不是格式正确的 XML）")
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw ReadError.limitExceeded("\(partName) 含有 DTD 声明（正常的 Word 文档不会有），疑似恶意构造的文件，已拒绝读取")
        }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The libxml2 document, for code that edits the tree (templates); valid while this object lives.
    package var documentPointer: xmlDocPtr { document }

    /// The document serialised as UTF-8 XML with its declaration.
    package func serialized() -> [UInt8] {
        Self.serialize(document)
    }

    /// Any libxml2 document serialised as UTF-8 XML with its declaration.
    package static func serialize(_ document: xmlDocPtr) -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &memory, &size, "UTF-8")
        guard let memory else { return [] }
        defer { shenbao_xml_free(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    /// The document element.
    package var root: XMLElement? {
        xmlDocGetRootElement(document).map(XMLElement.init)
    }
}

/// An element of a `SafeXML` tree, read through libxml2's node pointers (no copies).
package struct XMLElement {
    package let node: xmlNodePtr

    /// The child elements, in document order.
    package var children: XMLChildren { XMLChildren(first: node.pointee.children) }

    /// The first child element with this local name.
    package func child(_ localName: StaticString) -> XMLElement? {
        for child in children where child.hasName(localName) { return child }
        return nil
    }

    /// Whether the local name is `localName`. (Names are `StaticString`s, compared in place with libxml2's:
    /// a `String` argument would be copied out to a C string at every one of the walk's comparisons.)
    package func hasName(_ localName: StaticString) -> Bool {
        equals(node.pointee.name, localName)
    }

    /// The value of the first attribute with this local name, whatever its namespace.
    package func attribute(_ localName: StaticString) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if equals(current.pointee.name, localName) {
                return Self.text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The concatenated text and CDATA children (entity references are never expanded;
    /// `SafeXML` rejects documents that could contain them).
    package var text: String {
        Self.text(of: node.pointee.children)
    }

    private static func text(of first: xmlNodePtr?) -> String {
        var result = ""
        var current = first
        while let node = current {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
               let content = node.pointee.content {
                result += String(cString: content)
            }
            current = node.pointee.next
        }
        return result
    }
}

/// The element children of a node (text, comments and processing instructions are skipped).
package struct XMLChildren: Sequence, IteratorProtocol {
    private var cursor: xmlNodePtr?

    package init(first: xmlNodePtr?) { cursor = first }

    package mutating func next() -> XMLElement? {
        while let node = cursor {
            cursor = node.pointee.next
            if node.pointee.type == XML_ELEMENT_NODE { return XMLElement(node: node) }
        }
        return nil
    }
}

/// Compares a libxml2 string with a name written in the source, in place.
private func equals(_ a: UnsafePointer<xmlChar>, _ b: StaticString) -> Bool {
    b.withUTF8Buffer { name in
        guard let start = name.baseAddress else { return a.pointee == 0 }
        return a.withMemoryRebound(to: CChar.self, capacity: name.count + 1) { text in
            start.withMemoryRebound(to: CChar.self, capacity: name.count) { strncmp(text, $0, name.count) == 0 && text[name.count] == 0 }
        }
    }
}
