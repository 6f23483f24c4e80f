import CLibXML2
import Foundation

extension XMLTree {
    /// A copy of a tree libxml2 parsed (for documents `XMLTreeParser` leaves to it); `xml` must stay
    /// alive during the call.
    package static func copy(of xml: SafeXML) -> XMLTree {
        var builder = XMLTreeBuilder(source: [])
        if let root = xml.root { copy(root.node, into: &builder) }
        return builder.build()
    }

    private static func copy(_ node: xmlNodePtr, into builder: inout XMLTreeBuilder) {
        var scope = builder.scope
        var declaration = node.pointee.nsDef
        while let current = declaration {
            let prefix = current.pointee.prefix.map { builder.keep(bytes(of: $0)) } ?? XMLTree.Span(start: 0, count: 0)
            scope = builder.declare(prefix: prefix, namespace: namespace(current.pointee.href, in: &builder), parent: scope)
            declaration = current.pointee.next
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            var value: [UInt8] = []
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += bytes(of: content) }
                child = text.pointee.next
            }
            builder.addAttribute(localName: builder.keep(bytes(of: current.pointee.name)), value: builder.keep(value))
            attribute = current.pointee.next
        }
        builder.openElement(localName: builder.keep(bytes(of: node.pointee.name)),
                            namespace: namespace(node.pointee.ns?.pointee.href, in: &builder), scope: scope)
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                copy(current, into: &builder)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { builder.addText(builder.keep(bytes(of: content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        builder.closeElement()
    }

    /// The index of a namespace URI; -1 for none, and for the empty URI of an undeclared default namespace.
    private static func namespace(_ href: UnsafePointer<xmlChar>?, in builder: inout XMLTreeBuilder) -> Int32 {
        guard let href, href.pointee != 0 else { return -1 }
        return builder.namespace(String(cString: href))
    }

    private static func bytes(of string: UnsafePointer<xmlChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: string, count: strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self)))
    }
}
