import Foundation

/// Builds hostile input files at test time (no binaries are committed): zips written with libzip and
/// patched byte by byte where libzip refuses to write the attack, PDFs written object by object.
public enum HostileFiles {
    /// The content of one zip entry.
    public typealias Content = TestZipWriter.Content

    // MARK: Zip

    /// Writes `entries` (in order) to a new zip at `path`.
    public static func zip(_ entries: [(name: String, content: Content)], to path: String) throws {
        try TestZipWriter.write(entries, to: path)
    }

    /// A docx package around a `word/document.xml` text (plus extra entries).
    public static func docx(_ documentXML: Content, to path: String,
                     extra: [(name: String, content: Content)] = [], mainTarget: String = "word/document.xml") throws {
        try zip([
            ("[Content_Types].xml", .text(contentTypes)),
            ("_rels/.rels", .text(packageRels(target: mainTarget))),
            ("word/document.xml", documentXML),
        ] + extra, to: path)
    }

    /// Replaces every occurrence of `placeholder` by `name` (same length) in a written zip: names are
    /// stored uncompressed in the local and central headers and no checksum covers them, so this makes
    /// entries libzip would refuse to write (duplicate names).
    public static func rename(_ placeholder: String, to name: String, in path: String) throws {
        let from = Array(placeholder.utf8), to = Array(name.utf8)
        precondition(from.count == to.count)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var index = 0
        while index + from.count <= bytes.count {
            if bytes[index] == from[0] && Array(bytes[index..<index + from.count]) == from {
                bytes.replaceSubrange(index..<index + from.count, with: to)
                index += from.count
            } else {
                index += 1
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    public static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A `word/document.xml` around `body`, with an optional DOCTYPE before the root.
    public static func documentXML(body: String, doctype: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\(doctype)"
            + "<w:document xmlns:w=\"\(wordNamespace)\"><w:body>\(body)</w:body></w:document>"
    }

    public static func paragraph(_ text: String) -> String {
        "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    public static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    public static func packageRels(target: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="\(target)"/></Relationships>
        """
    }

    /// The start of an OLE compound file (legacy .doc, and Office's wrapper of a password-protected
    /// .docx) followed by filler.
    public static func compoundFile(streamName: String) -> [UInt8] {
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        bytes += [UInt8](repeating: 0, count: 16) + [0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00]
        bytes += [UInt8](repeating: 0xFF, count: 512 - bytes.count)
        // A directory-entry-like UTF-16LE stream name (WordDocument / EncryptionInfo), then junk.
        for unit in streamName.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var state: UInt32 = 12345
        for _ in 0..<8_192 {
            state = state &* 1_103_515_245 &+ 12_345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        return bytes
    }

    // MARK: PDF

    /// A minimal PDF of `pages` pages, each showing one line of Helvetica text. With `encrypted`, it
    /// carries a Standard security handler whose user password is not empty (so no reader can open it
    /// without the password).
    public static func pdf(pages: Int, encrypted: Bool = false) -> [UInt8] {
        var out = "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n"
        var offsets: [Int] = []
        var objects: [String] = []
        func add(_ body: String) -> Int {
            objects.append(body)
            return objects.count
        }
        // 1 catalog, 2 page tree, 3 font; then page/content pairs.
        _ = add("<< /Type /Catalog /Pages 2 0 R >>")
        _ = add("")  // page tree, filled in below
        _ = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var kids: [String] = []
        for number in 1...pages {
            let stream = "BT /F1 12 Tf 72 720 Td (Page \(number) of a long book) Tj ET"
            let page = objects.count + 1
            _ = add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(page + 1) 0 R >>")
            _ = add("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
            kids.append("\(page) 0 R")
        }
        objects[1] = "<< /Type /Pages /Count \(pages) /Kids [\(kids.joined(separator: " "))] >>"
        var encrypt = ""
        if encrypted {
            let o = String(repeating: "4A", count: 32), u = String(repeating: "7B", count: 32)
            let number = add("<< /Filter /Standard /V 1 /R 2 /O <\(o)> /U <\(u)> /P -44 >>")
            encrypt = " /Encrypt \(number) 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
        }
        var bytes = Array(out.utf8)
        out = ""
        for (index, body) in objects.enumerated() {
            offsets.append(bytes.count)
            bytes += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = bytes.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(encrypt) >>\nstartxref\n\(xref)\n%%EOF\n"
        return bytes + Array(table.utf8)
    }

    /// A copy of a PDF whose cross-reference table and `startxref` point at the wrong places.
    public static func breakingXref(_ pdf: [UInt8]) -> [UInt8] {
        var bytes = pdf
        /// Byte offsets just after each occurrence of `word` (PDFs are bytes, not UTF-8).
        func ends(of word: String) -> [Int] {
            let needle = Array(word.utf8)
            var found: [Int] = []
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle {
                    found.append(index + needle.count)
                    index += needle.count
                } else {
                    index += 1
                }
            }
            return found
        }
        // Garble the offsets of every classic xref table (digits → 9) and the last startxref value (→ 7).
        let trailers = ends(of: "trailer")
        for start in ends(of: "\nxref") {
            let end = trailers.first { $0 > start } ?? min(start + 4_000, bytes.count)
            for index in start..<end where (0x30...0x39).contains(bytes[index]) {
                bytes[index] = 0x39
            }
        }
        if let start = ends(of: "startxref").last {
            for index in start..<min(start + 16, bytes.count) where (0x30...0x39).contains(bytes[index]) {
                bytes[index] = 0x37
            }
        }
        return bytes
    }

}

/// A TCP socket bound to a port of 127.0.0.1 that the system picks (free at that moment), and the port. Close the
/// socket to hand the port to a server started next.
public func boundLoopbackSocket() throws -> (descriptor: Int32, port: UInt16) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestZipWriter.Failure(description: "socket failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard bound == 0, named == 0 else {
        close(descriptor)
        throw TestZipWriter.Failure(description: "bind failed")
    }
    return (descriptor, UInt16(bigEndian: address.sin_port))
}

/// A TCP listener on 127.0.0.1 that never accepts: any connection attempt stays in its backlog,
/// so `wasContacted` tells whether anything tried to fetch from it.
public final class SilentListener: @unchecked Sendable {
    public let port: UInt16
    private let socketDescriptor: Int32

    public init() throws {
        let (descriptor, port) = try boundLoopbackSocket()
        guard listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw TestZipWriter.Failure(description: "listen failed")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        self.port = port
    }

    deinit { close(socketDescriptor) }

    /// Whether any client connected since the listener was opened.
    public var wasContacted: Bool {
        let client = accept(socketDescriptor, nil, nil)
        if client >= 0 {
            close(client)
            return true
        }
        return false
    }
}

extension HostileFiles {
    /// A one-page PDF whose content is a JBIG2 stream announcing a 100000 × 100000 page and region
    /// (1.16 GiB decoded) in 80 bytes, as in pdf.js's `bomb_giant.pdf`.
    public static func jbig2BombPDF() -> [UInt8] {
        func u32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        let side: UInt32 = 100_000
        // Segment 0: page information (type 48), page 1, 19 bytes: width, height, resolutions, flags, striping.
        var jbig2 = u32(0) + [48, 0, 1] + u32(19) + u32(side) + u32(side) + u32(0) + u32(0) + [0, 0, 0]
        // Segment 1: immediate lossless generic region (type 38), region info 17 bytes + flags + AT pixels + data.
        let payload: [UInt8] = [0x00, 0x03, 0xFF, 0xFD, 0xFF, 0x02, 0xFE, 0xFE] + [UInt8](repeating: 0xFF, count: 24) + [0xFF, 0xAC]
        jbig2 += u32(1) + [38, 0, 1] + u32(UInt32(18 + payload.count)) + u32(side) + u32(side) + u32(0) + u32(0) + [0, 0] + payload
        return [UInt8](TestPDF.build([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".utf8),
            TestPDF.stream(Data(jbig2), dictionary: "/Filter /JBIG2Decode"),
        ]))
    }

    /// A one-page PDF showing a 200000 × 150000 grey image whose Flate data is a few bytes.
    public static func imageBombPDF() -> [UInt8] {
        [UInt8](TestPDF.build([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>".utf8),
            TestPDF.stream(Data([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
                              dictionary: "/Type /XObject /Subtype /Image /Width 200000 /Height 150000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"),
            TestPDF.stream(Data("q 595 0 0 842 0 0 cm /Im1 Do Q".utf8)),
        ]))
    }
}
