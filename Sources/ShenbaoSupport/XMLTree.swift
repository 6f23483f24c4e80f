import Foundation
import ShenbaoModel

/// An XML document held as flat arrays (elements, attributes, text, namespace declarations) over its
/// bytes, for reading large parts quickly: a walk follows array indices, names are compared in place
/// and nothing is allocated per element.
///
/// `parse` reads plain, well-formed UTF-8 XML itself (`XMLTreeParser`); any document it does not take
/// on — a DTD, a syntax error, another encoding, an entity other than the five predefined ones — is
/// parsed by libxml2 (`SafeXML`, with its limits and messages) and copied into the same shape, so both
/// ways give the same tree, and a hostile or broken part gets the error it always got.
package final class XMLTree {
    /// Where a name or value is: `start` ≥ 0 is an offset into the document's bytes, a negative one
    /// (`~offset`) into the bytes decoded while parsing (entity references, line ends).
    struct Span {
        var start: Int32
        var count: Int32
    }

    struct Element {
        var localName: Span
        /// Index into `namespaces`, or -1 for no namespace.
        var namespace: Int32
        /// The innermost namespace declaration in scope (index into `declarations`), or -1.
        var scope: Int32
        /// One past the element's last descendant. Elements are stored in document order, so the first child
        /// (if any) is the next element, and each child's `end` is its next sibling, up to this element's `end`.
        var end: Int32 = -1
        var firstAttribute: Int32
        var attributeEnd: Int32
        var firstText: Int32 = -1
    }

    struct Attribute {
        var localName: Span
        var value: Span
    }

    /// A run of character data (text or CDATA) directly inside an element, chained in document order.
    struct Text {
        var value: Span
        var next: Int32 = -1
    }

    /// A namespace declaration (`xmlns`, `xmlns:p`), chained to the one in scope where it was made.
    struct Declaration {
        /// Empty for the default namespace.
        var prefix: Span
        /// Index into `namespaces`; -1 when a default namespace is undeclared (`xmlns=""`).
        var namespace: Int32
        var parent: Int32
        /// The element that makes the declaration.
        var element: Int32
    }

    /// The document's bytes followed by the bytes decoded while parsing, and the elements, attributes and
    /// texts: all owned by the tree and never changed. Nodes reach them through a plain pointer, so that a
    /// walk reads them without reference counting.
    struct Buffers {
        let storage: UnsafeMutableBufferPointer<UInt8>
        let sourceCount: Int
        let elements: UnsafeMutableBufferPointer<Element>
        let attributes: UnsafeMutableBufferPointer<Attribute>
        let texts: UnsafeMutableBufferPointer<Text>

        /// The bytes of a span.
        func bytes(_ span: Span) -> UnsafeBufferPointer<UInt8> {
            let start = span.start >= 0 ? Int(span.start) : sourceCount + Int(~span.start)
            return UnsafeBufferPointer(start: storage.baseAddress! + start, count: Int(span.count))
        }

        func string(_ span: Span) -> String {
            String(decoding: bytes(span), as: UTF8.self)
        }

        func equals(_ span: Span, _ name: StaticString) -> Bool {
            Int(span.count) == name.utf8CodeUnitCount
                && (span.count == 0 || memcmp(bytes(span).baseAddress!, name.utf8Start, Int(span.count)) == 0)
        }

        func equals(_ span: Span, _ text: String) -> Bool {
            text.withUTF8Bytes { text in
                Int(span.count) == text.count && (text.isEmpty || memcmp(bytes(span).baseAddress!, text.baseAddress!, text.count) == 0)
            }
        }
    }

    let buffers: UnsafeMutablePointer<Buffers>
    let declarations: [Declaration]
    /// Namespace URIs, each once.
    package let namespaces: [String]

    /// A tree over its bytes; it takes over the memory of `elements`, `attributes` and `texts` (see `GrowingBuffer`).
    init(source: [UInt8], decoded: [UInt8], elements: UnsafeMutableBufferPointer<Element>,
         attributes: UnsafeMutableBufferPointer<Attribute>, texts: UnsafeMutableBufferPointer<Text>,
         declarations: [Declaration], namespaces: [String]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, source.count + decoded.count))
        _ = storage.initialize(fromContentsOf: source)
        _ = UnsafeMutableBufferPointer(rebasing: storage[source.count...]).initialize(fromContentsOf: decoded)
        buffers = .allocate(capacity: 1)
        buffers.initialize(to: Buffers(storage: storage, sourceCount: source.count, elements: elements,
                                       attributes: attributes, texts: texts))
        self.declarations = declarations
        self.namespaces = namespaces
    }

    deinit {
        buffers.pointee.storage.deallocate()
        buffers.pointee.elements.deallocate()
        buffers.pointee.attributes.deallocate()
        buffers.pointee.texts.deallocate()
        buffers.deallocate()
    }

    /// Parses `bytes` (see the type's notes); `partName` names the part in error messages. With a `filter`, the
    /// tree may leave out the elements it does not keep (a part read by libxml2 is copied whole).
    package static func parse(_ bytes: [UInt8], partName: String, keeping filter: XMLElementFilter? = nil) throws(ReadError) -> XMLTree {
        if let tree = XMLTreeParser.parse(bytes, keeping: filter) { return tree }
        let xml = try SafeXML(bytes: bytes, partName: partName)
        return withExtendedLifetime(xml) { copy(of: xml) }
    }

    /// The document element.
    package var root: XMLNode? {
        buffers.pointee.elements.isEmpty ? nil : XMLNode(tree: self, buffers: buffers, index: 0)
    }
}

/// An element of an `XMLTree` (the tree is kept alive by whoever walks it: a node holds no reference).
package struct XMLNode {
    unowned(unsafe) let tree: XMLTree
    /// The tree's buffers, for the reads every walk makes (no reference counting).
    let buffers: UnsafePointer<XMLTree.Buffers>
    let index: Int32

    private var element: XMLTree.Element { buffers.pointee.elements[Int(index)] }

    /// The local name (without prefix).
    package var name: String { buffers.pointee.string(element.localName) }

    /// Whether the local name is `localName`, compared in place.
    package func hasName(_ localName: StaticString) -> Bool {
        buffers.pointee.equals(element.localName, localName)
    }

    /// The element's namespace, as an index into the tree's `namespaces` (equal URIs, equal indices), or nil.
    package var namespaceIdentity: Int? {
        element.namespace >= 0 ? Int(element.namespace) : nil
    }

    /// Whether the element's namespace URI is one of `uris`.
    package func inNamespace(_ uris: [String]) -> Bool {
        guard let identity = namespaceIdentity else { return false }
        return uris.contains(tree.namespaces[identity])
    }

    /// The child elements, in document order.
    package var children: XMLNodeChildren { XMLNodeChildren(tree: tree, buffers: buffers, cursor: index + 1, end: element.end) }

    /// The first child element with this local name.
    package func child(_ localName: StaticString) -> XMLNode? {
        for child in children where child.hasName(localName) { return child }
        return nil
    }

    /// The value of the first attribute with this local name, whatever its namespace.
    package func attribute(_ localName: StaticString) -> String? {
        let element = element
        var index = Int(element.firstAttribute)
        while index < Int(element.attributeEnd) {
            let attribute = buffers.pointee.attributes[index]
            if buffers.pointee.equals(attribute.localName, localName) { return buffers.pointee.string(attribute.value) }
            index += 1
        }
        return nil
    }

    /// The concatenated text and CDATA directly inside the element.
    package var text: String {
        var next = element.firstText
        guard next >= 0 else { return "" }
        let first = buffers.pointee.texts[Int(next)]
        if first.next < 0 { return buffers.pointee.string(first.value) }
        var bytes: [UInt8] = []
        while next >= 0 {
            let text = buffers.pointee.texts[Int(next)]
            bytes.append(contentsOf: buffers.pointee.bytes(text.value))
            next = text.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The namespace URI a prefix stands for in scope of this element.
    package func namespaceURI(forPrefix prefix: String) -> String? {
        var scope = element.scope
        while scope >= 0 {
            let declaration = tree.declarations[Int(scope)]
            if declaration.prefix.count > 0, buffers.pointee.equals(declaration.prefix, prefix) {
                return declaration.namespace >= 0 ? tree.namespaces[Int(declaration.namespace)] : nil
            }
            scope = declaration.parent
        }
        return prefix == "xml" ? XMLTreeParser.xmlNamespace : nil
    }

    /// The namespace declarations this element makes, as (prefix, URI) in document order (empty prefix:
    /// the default namespace; nil URI: undeclared).
    package var declarations: [(prefix: String, uri: String?)] {
        tree.declarations.filter { $0.element == index }.map {
            (buffers.pointee.string($0.prefix), $0.namespace >= 0 ? tree.namespaces[Int($0.namespace)] : nil)
        }
    }

    /// The attributes as (local name, value), in document order.
    package var attributes: [(name: String, value: String)] {
        let element = element
        return buffers.pointee.attributes[Int(element.firstAttribute)..<Int(element.attributeEnd)].map {
            (buffers.pointee.string($0.localName), buffers.pointee.string($0.value))
        }
    }
}

/// The child elements of an `XMLNode`.
package struct XMLNodeChildren: Sequence, IteratorProtocol {
    unowned(unsafe) let tree: XMLTree
    let buffers: UnsafePointer<XMLTree.Buffers>
    /// The next child, when below `end`.
    var cursor: Int32
    /// The parent's `end`.
    let end: Int32

    package mutating func next() -> XMLNode? {
        guard cursor < end else { return nil }
        let node = XMLNode(tree: tree, buffers: buffers, index: cursor)
        cursor = buffers.pointee.elements[Int(cursor)].end
        return node
    }
}
