/// Puts an `XMLTree` together, element by element in document order; used by `XMLTreeParser` and by
/// the copy of a libxml2 tree, so both give the same shape.
struct XMLTreeBuilder: ~Copyable {
    private let source: [UInt8]
    private var decoded: [UInt8] = []
    private var elements: GrowingBuffer<XMLTree.Element>
    private var attributes: GrowingBuffer<XMLTree.Attribute>
    private var texts: GrowingBuffer<XMLTree.Text>
    private(set) var declarations: [XMLTree.Declaration] = []
    private var namespaces: [String] = []
    private var namespaceIndex: [String: Int32] = [:]
    /// Where the attributes of the element about to be opened begin.
    private var firstPendingAttribute: Int32 = 0
    /// The open elements, innermost last, with their last text so far.
    private var open = GrowingBuffer<(element: Int32, lastText: Int32)>()

    init(source: [UInt8], expectedElements: Int = 0) {
        self.source = source
        elements = GrowingBuffer(capacity: expectedElements)
        attributes = GrowingBuffer(capacity: expectedElements)
        texts = GrowingBuffer(capacity: expectedElements / 2)
    }

    /// The index the next element will get.
    var nextElement: Int32 { Int32(elements.count) }

    /// The declaration in scope inside the innermost open element (-1 outside any).
    var scope: Int32 { open.last.map { elements[Int($0.element)].scope } ?? -1 }

    /// The index of a namespace URI, added when new.
    mutating func namespace(_ uri: String) -> Int32 {
        if let index = namespaceIndex[uri] { return index }
        let index = Int32(namespaces.count)
        namespaces.append(uri)
        namespaceIndex[uri] = index
        return index
    }

    /// A span over bytes of the source (which the parser takes only when shorter than `Int32.max / 2` bytes,
    /// so offsets fit without a check).
    func sourceSpan(_ range: Range<Int>) -> XMLTree.Span {
        XMLTree.Span(start: Int32(truncatingIfNeeded: range.lowerBound), count: Int32(truncatingIfNeeded: range.count))
    }

    /// Keeps `bytes` (decoded from the source) and returns their span.
    mutating func keep<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> XMLTree.Span {
        let start = decoded.count
        decoded.append(contentsOf: bytes)
        return XMLTree.Span(start: ~Int32(start), count: Int32(decoded.count - start))
    }

    /// Declares a namespace on the element about to be opened (`nextElement`); returns the new scope.
    mutating func declare(prefix: XMLTree.Span, namespace: Int32, parent: Int32) -> Int32 {
        declarations.append(XMLTree.Declaration(prefix: prefix, namespace: namespace, parent: parent, element: nextElement))
        return Int32(declarations.count - 1)
    }

    /// Adds an attribute of the element about to be opened.
    mutating func addAttribute(localName: XMLTree.Span, value: XMLTree.Span) {
        attributes.append(XMLTree.Attribute(localName: localName, value: value))
    }

    /// Opens an element: its attributes are those added since the last element opened.
    mutating func openElement(localName: XMLTree.Span, namespace: Int32, scope: Int32) {
        let index = nextElement
        elements.append(XMLTree.Element(localName: localName, namespace: namespace, scope: scope,
                                        firstAttribute: firstPendingAttribute, attributeEnd: Int32(attributes.count)))
        firstPendingAttribute = Int32(attributes.count)
        open.append((index, -1))
    }

    /// Adds character data to the innermost open element.
    mutating func addText(_ span: XMLTree.Span) {
        guard span.count > 0, let current = open.last else { return }
        let index = Int32(texts.count)
        texts.append(XMLTree.Text(value: span))
        if current.lastText >= 0 {
            texts[Int(current.lastText)].next = index
        } else {
            elements[Int(current.element)].firstText = index
        }
        open[open.count - 1].lastText = index
    }

    /// Closes the innermost open element: its descendants are the elements added since it was opened.
    mutating func closeElement() {
        elements[Int(open.removeLast().element)].end = nextElement
    }

    /// The tree, which takes the builder's memory over.
    consuming func build() -> XMLTree {
        XMLTree(source: source, decoded: decoded, elements: elements.take(), attributes: attributes.take(), texts: texts.take(),
                declarations: declarations, namespaces: namespaces)
    }
}
