/// Which elements of a part a reader looks at, by local name and depth below the document element: a tree parsed
/// with a filter holds only those elements (with their attributes and text) and the document element; the parser
/// reads past the rest to their end tags without reading them (see `XMLTreeParser.Parser.skipElement`). A styles
/// part of 350 KiB holds about 9,000 elements, of which the style sheet reads a few hundred.
package struct XMLElementFilter: Sendable {
    /// For each depth below the document element (children of the document element first), the local names
    /// kept there; an element is kept when it and all its ancestors are.
    let namesByDepth: [[[UInt8]]]

    /// `namesByDepth[0]` are the document element's children kept, `namesByDepth[1]` their children kept, and
    /// so on; nothing deeper than the last level is kept.
    package init(namesByDepth: [[String]]) {
        self.namesByDepth = namesByDepth.map { $0.map { Array($0.utf8) } }
    }

    /// Whether an element at `depth` below the document element, named by the bytes at `name`, is kept (its
    /// ancestors being kept).
    func keeps(depth: Int, name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard depth < namesByDepth.count else { return false }
        for kept in namesByDepth[depth] where kept.count == name.count {
            if kept.withUnsafeBufferPointer({ $0.elementsEqual(name) }) { return true }
        }
        return false
    }
}
