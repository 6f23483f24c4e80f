import Foundation

/// A hostile input file and what reading it must give.
public struct HostileCase: Sendable {
    /// What a case must give.
    public enum Expect: Sendable {
        /// An error with one of these codes.
        case error(Set<String>)
        /// Either a record or an error with a stable code (but never a crash or a timeout).
        case resultOrError
    }

    public var file: String
    public var expect: Expect
    /// Words the error message must contain.
    public var mentions: [String] = []

    public init(file: String, expect: Expect, mentions: [String] = []) {
        self.file = file
        self.expect = expect
        self.mentions = mentions
    }

    /// The file's name.
    public var name: String { (file as NSString).lastPathComponent }
}

/// The hostile suite, built at test time (no binaries are committed): zip and entity bombs, XXE, path
/// traversal and duplicate entry names, files that are not (complete) Word documents, legacy and
/// password-protected Word, pathological structure and sizes, encrypted, truncated, damaged, huge and
/// decompression-bomb PDFs. Shared by the CLI's batch test and the web desk's upload test.
public enum HostileCases {
    /// The good book read beside them (its .pdf is the base of the damaged PDFs).
    public static let goodBook = packageRoot() + "/Samples/hubei-industrial-model-2026/武汉睿视智能科技有限公司-睿视纺织印染智能配色模型.docx"
    static let title = HostileFiles.paragraph("湖北省工业领域专用模型项目申报书")

    /// The cases whose attack is in the zip itself (bombs, entry names leaving the folder): hostile as a
    /// `.zip` parcel too, where an unpacker would write their entries to disk.
    public static let zipAttacks: Set<String> = ["zip-bomb.docx", "zip-bomb-styles.docx", "traversal-entry.docx", "traversal-target.docx"]

    /// Builds every hostile file in `folder` (the XXE cases point at 127.0.0.1:`port`, a `SilentListener`'s)
    /// and says what each must give.
    public static func make(in folder: String, port: UInt16) throws -> [HostileCase] {
        typealias H = HostileFiles
        var cases: [HostileCase] = []
        func docx(_ name: String, _ xml: H.Content, extra: [(name: String, content: H.Content)] = [],
                  mainTarget: String = "word/document.xml", _ expect: HostileCase.Expect, mentions: [String] = []) throws {
            let path = folder + "/" + name
            try H.docx(xml, to: path, extra: extra, mainTarget: mainTarget)
            cases.append(HostileCase(file: path, expect: expect, mentions: mentions))
        }
        func raw(_ name: String, _ bytes: [UInt8], _ expect: HostileCase.Expect, mentions: [String] = []) throws {
            let path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            cases.append(HostileCase(file: path, expect: expect, mentions: mentions))
        }
        let plain = H.Content.text(H.documentXML(body: title + H.paragraph("单位名称：测试公司")))

        // Zip bombs: a 600 MiB entry of zeros (about 600 KB compressed), as the main part and as the styles part.
        try docx("zip-bomb.docx", .zeros(600 << 20), .error(["read.limit-exceeded"]), mentions: ["压缩炸弹"])
        try docx("zip-bomb-styles.docx", plain, extra: [("word/styles.xml", .zeros(300 << 20))],
                 .error(["read.limit-exceeded"]), mentions: ["压缩炸弹"])

        // Entity attacks in document.xml.
        let lol = (1...9).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }.joined()
        try docx("billion-laughs.docx", .text(H.documentXML(body: H.paragraph("&lol9;"),
                 doctype: "<!DOCTYPE w:document [<!ENTITY lol0 \"lol\">\(lol)]>")), .error(["read.limit-exceeded", "read.damaged"]))
        try docx("xxe-file.docx", .text(H.documentXML(body: title + H.paragraph("单位名称：&xxe;"),
                 doctype: "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")), .error(["read.limit-exceeded"]))
        try docx("xxe-http.docx", .text(H.documentXML(body: title + H.paragraph("单位名称：&xxe;"),
                 doctype: "<!DOCTYPE w:document [<!ENTITY % remote SYSTEM \"http://127.0.0.1:\(port)/evil.dtd\"> %remote; "
                    + "<!ENTITY xxe SYSTEM \"http://127.0.0.1:\(port)/secret\">]>")), .error(["read.limit-exceeded", "read.damaged"]))
        try docx("xxe-external-dtd.docx", .text(H.documentXML(body: title,
                 doctype: "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:\(port)/document.dtd\">")), .error(["read.limit-exceeded"]))

        // Entry names: path traversal (an extra entry, and the main part's target), duplicates.
        try docx("traversal-entry.docx", plain, extra: [("../../evil.xml", .text("<evil/>")), ("/tmp/evil-absolute.xml", .text("<evil/>"))],
                 .resultOrError)
        try docx("traversal-target.docx", plain, extra: [("../../evil.xml", plain)], mainTarget: "../../evil.xml", .resultOrError)
        let duplicate = folder + "/duplicate-names.docx"
        try H.docx(plain, to: duplicate, extra: [("word/document.xm_", .text(H.documentXML(body: H.paragraph("另一份内容"))))])
        try H.rename("word/document.xm_", to: "word/document.xml", in: duplicate)
        cases.append(HostileCase(file: duplicate, expect: .error(["read.damaged"]), mentions: ["重名"]))

        // Not a (complete) Word document.
        try H.zip([("[Content_Types].xml", .text(H.contentTypes)), ("_rels/.rels", .text(H.packageRels(target: "word/document.xml")))],
                  to: folder + "/missing-document.docx")
        cases.append(HostileCase(file: folder + "/missing-document.docx", expect: .error(["read.not-this-format"]), mentions: ["document.xml"]))
        try raw("not-a-zip.docx", Array("这不是 Word 文件，只是改了扩展名的文本。\n".utf8), .error(["read.not-this-format"]))
        try raw("empty.docx", [], .error(["read.damaged"]), mentions: ["空"])
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: goodBook)))
        try raw("truncated.docx", Array(good.prefix(good.count / 2)), .error(["read.damaged"]))
        try raw("legacy.doc", H.compoundFile(streamName: "WordDocument"), .error(["read.unsupported"]), mentions: ["另存为 .docx"])
        try raw("password.docx", H.compoundFile(streamName: "EncryptionInfo"), .error(["read.unsupported"]), mentions: ["密码", "另存为 .docx"])

        // Pathological structure and sizes.
        let depth = 10_000
        let nested = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth) + "<w:p/>"
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        try docx("nested-tables.docx", .text(H.documentXML(body: title + nested)), .error(["read.limit-exceeded", "read.damaged"]))
        // 82 levels (246 elements) stay under libxml2's own depth limit (256) and pass the reader's (160 steps, two per level).
        let nested82 = String(repeating: "<w:tbl><w:tr><w:tc>", count: 82) + "<w:p/>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 82)
        try docx("nested-tables-82.docx", .text(H.documentXML(body: title + nested82)), .error(["read.limit-exceeded"]), mentions: ["嵌套过深"])
        var rows = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        rows.reserveCapacity(20_000_000)
        for index in 0..<100_000 {
            let label = index % 1_000 == 0 ? "单位名称" : "第\(index)项"
            rows += "<w:tr><w:tc><w:p><w:r><w:t>\(label)</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>值\(index)</w:t></w:r></w:p></w:tc></w:tr>"
        }
        rows += "</w:tbl>"
        try docx("rows-100000.docx", .text(H.documentXML(body: title + rows)), .error(["read.limit-exceeded"]), mentions: ["表格过大"])
        // 50 MiB of text in one paragraph, in 1 MiB runs (one text node of 50 MiB is refused by libxml2 itself),
        // of pseudo-random CJK characters so that it does not compress like a bomb.
        var paragraph = Array((title + "<w:p>").utf8)
        paragraph.reserveCapacity(53 << 20)
        var state: UInt32 = 2026
        for _ in 0..<50 {
            paragraph += Array("<w:r><w:t>".utf8)
            for _ in 0..<((1 << 20) / 3) {
                state = state &* 1_664_525 &+ 1_013_904_223
                let scalar = 0x4E00 + (state >> 8) % 3_000  // CJK unified ideographs: three UTF-8 bytes
                paragraph += [UInt8(0xE0 | (scalar >> 12)), UInt8(0x80 | ((scalar >> 6) & 0x3F)), UInt8(0x80 | (scalar & 0x3F))]
            }
            paragraph += Array("</w:t></w:r>".utf8)
        }
        paragraph += Array("</w:p>".utf8)
        let wrapped = Array(H.documentXML(body: "\u{0}").utf8)
        let hole = wrapped.firstIndex(of: 0)!
        try docx("paragraph-50mb.docx", .bytes(Array(wrapped[..<hole]) + paragraph + Array(wrapped[(hole + 1)...])),
                 .error(["read.limit-exceeded"]), mentions: ["文字过多"])
        var invalid = Array(H.documentXML(body: title + H.paragraph("单位名称：INVALID")).utf8)
        if let at = invalid.firstRange(of: Array("INVALID".utf8)) {
            invalid.replaceSubrange(at, with: [0xE6, 0xB5, 0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80])
        }
        try docx("invalid-utf8.docx", .bytes(invalid), .resultOrError)

        // PDFs.
        let goodPDF = [UInt8](try Data(contentsOf: URL(fileURLWithPath: (goodBook as NSString).deletingPathExtension + ".pdf")))
        try raw("encrypted.pdf", H.pdf(pages: 1, encrypted: true), .error(["read.encrypted"]), mentions: ["密码"])
        try raw("truncated.pdf", Array(goodPDF.prefix(goodPDF.count * 2 / 5)), .resultOrError)
        try raw("broken-xref.pdf", H.breakingXref(goodPDF), .resultOrError)
        try raw("empty.pdf", [], .error(["read.damaged"]))
        try raw("pages-5000.pdf", H.pdf(pages: 5_000), .error(["read.limit-exceeded"]), mentions: ["5000 页"])
        // Decompression bombs (like pdf.js's bomb_giant.pdf): streams of a few bytes that poppler would decode
        // to gigabytes. They are refused from their headers, before poppler opens the file.
        try raw("jbig2-bomb.pdf", H.jbig2BombPDF(), .error(["read.limit-exceeded"]), mentions: ["100000×100000", "解压炸弹"])
        try raw("image-bomb.pdf", H.imageBombPDF(), .error(["read.limit-exceeded"]), mentions: ["200000×150000", "解压炸弹"])
        return cases
    }

    /// Files that are no regular files, for the command line only (no upload can be one): a pipe named `.docx`
    /// (opening it waited for a writer, then the read, until the time limit) and a link to a device that never ends.
    public static func notRegularFiles(in folder: String) throws -> [HostileCase] {
        let pipe = folder + "/pipe.docx"
        guard mkfifo(pipe, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        let device = folder + "/dev-zero.pdf"
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
        return [pipe, device].map { HostileCase(file: $0, expect: .error(["read.unreadable"]), mentions: ["不是普通文件"]) }
    }
}
