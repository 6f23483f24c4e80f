import CLibXML2
import Foundation

/// A streaming read of an XML document's start tags (libxml2's SAX2 interface, no tree built), for a
/// part of which only a few attributes are wanted, such as the styles part of a Word document, which
/// is hundreds of KiB in books made from python-docx's template.
///
/// Only plain well-formed XML is scanned: a document with a DTD, one that is not well-formed, or an
/// attribute value holding an entity or character reference (`&`) makes `scan` give up, and the
/// caller parses it with `SafeXML`, which rejects or reports it as it always has. Parsing options are
/// `SafeXML`'s (`XML_PARSE_NONET`, never `NOENT` or `DTDLOAD`), and the scan stops at the DTD.
package enum XMLTagScanner {
    /// One start tag, valid only inside the `visit` call that receives it.
    package struct Tag {
        /// 0 for the document element, 1 for its children, and so on.
        package let depth: Int
        fileprivate let localName: UnsafePointer<xmlChar>
        fileprivate let attributeCount: Int
        /// libxml2's attribute array: local name, prefix, URI, value start, value end, per attribute.
        fileprivate let attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        fileprivate let scan: Scan

        /// Whether the local name is `name`.
        package func hasName(_ name: String) -> Bool {
            localName.withMemoryRebound(to: CChar.self, capacity: 1) { strcmp($0, name) == 0 }
        }

        /// The value of the first attribute with this local name, whatever its namespace.
        package func attribute(_ name: String) -> String? {
            guard let attributes else { return nil }
            for index in 0..<attributeCount {
                let base = attributes + index * 5
                guard let attributeName = base[0], let start = base[3], let end = base[4] else { continue }
                guard attributeName.withMemoryRebound(to: CChar.self, capacity: 1, { strcmp($0, name) == 0 }) else { continue }
                let value = UnsafeBufferPointer(start: start, count: end - start)
                if value.contains(UInt8(ascii: "&")) { scan.gaveUp = true }
                return String(decoding: value, as: UTF8.self)
            }
            return nil
        }
    }

    /// Calls `visit` with each start tag in document order; false when the document is not one this
    /// scanner reads (see the type's notes) — what `visit` saw is then to be thrown away.
    package static func scan(_ bytes: [UInt8], visit: (Tag) -> Void) -> Bool {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return false }
        shenbao_xml_silence()
        return withoutActuallyEscaping(visit) { visit in
            let scan = Scan(visit: visit)
            let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, nil)
            guard let context else { return false }
            defer { xmlFreeParserCtxt(context) }
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            var handler = xmlSAXHandler()
            handler.initialized = UInt32(XML_SAX2_MAGIC)
            handler.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
                guard let user, let localName else { return }
                let scan = Unmanaged<Scan>.fromOpaque(user).takeUnretainedValue()
                scan.visit(Tag(depth: scan.depth, localName: localName, attributeCount: Int(attributeCount),
                               attributes: attributes, scan: scan))
                scan.depth += 1
            }
            handler.endElementNs = { user, _, _, _ in
                guard let user else { return }
                Unmanaged<Scan>.fromOpaque(user).takeUnretainedValue().depth -= 1
            }
            handler.internalSubset = { user, _, _, _ in
                guard let user else { return }
                let scan = Unmanaged<Scan>.fromOpaque(user).takeUnretainedValue()
                scan.gaveUp = true
                if let parser = scan.parser { xmlStopParser(parser) }
            }
            context.pointee.sax.pointee = handler
            context.pointee.userData = Unmanaged.passUnretained(scan).toOpaque()
            scan.parser = context
            let parsed = withExtendedLifetime(scan) {
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlParseChunk(context, $0, Int32(buffer.count), 1)
                    }
                }
            }
            return parsed == 0 && context.pointee.wellFormed != 0 && !scan.gaveUp
                && context.pointee.myDoc == nil
        }
    }

    /// The state of one scan, reached from libxml2's callbacks.
    fileprivate final class Scan {
        let visit: (Tag) -> Void
        var depth = 0
        var gaveUp = false
        var parser: xmlParserCtxtPtr?

        init(visit: @escaping (Tag) -> Void) { self.visit = visit }
    }
}
