import Foundation
import Testing

/// Hostile inputs, built at test time in a temporary folder, read by `shenbao extract` in one batch
/// beside a good book: every file gets a result or a clear Chinese error with a stable code within the
/// time limit, no worker dies, the good book is still extracted, and the batch stays small in memory.
/// XXE never reads a local file into the output nor contacts the network.
@Suite(.serialized) struct HostileInputTests {
    /// What a case must give.
    enum Expect {
        /// An error with one of these codes.
        case error(Set<String>)
        /// Either a record or an error with a stable code (but never a crash or a timeout).
        case resultOrError
    }

    struct Case {
        var file: String
        var expect: Expect
        /// Words the error message must contain.
        var mentions: [String] = []
    }

    static let goodBook = packageRoot() + "/Samples/hubei-industrial-model-2026/武汉睿视智能科技有限公司-睿视纺织印染智能配色模型.docx"
    /// The per-file limit the batch runs with, and the memory limit of the whole batch.
    static let timeout = 10.0
    static let memoryLimitMB = 512.0
    static let title = HostileFiles.paragraph("湖北省工业领域专用模型项目申报书")

    /// Builds every hostile file in `folder`.
    func makeCases(in folder: String, port: UInt16) throws -> [Case] {
        typealias H = HostileFiles
        var cases: [Case] = []
        func docx(_ name: String, _ xml: H.Content, extra: [(name: String, content: H.Content)] = [],
                  mainTarget: String = "word/document.xml", _ expect: Expect, mentions: [String] = []) throws {
            let path = folder + "/" + name
            try H.docx(xml, to: path, extra: extra, mainTarget: mainTarget)
            cases.append(Case(file: path, expect: expect, mentions: mentions))
        }
        func raw(_ name: String, _ bytes: [UInt8], _ expect: Expect, mentions: [String] = []) throws {
            let path = folder + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            cases.append(Case(file: path, expect: expect, mentions: mentions))
        }
        let plain = H.Content.text(H.documentXML(body: Self.title + H.paragraph("单位名称：测试公司")))

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
        try docx("xxe-file.docx", .text(H.documentXML(body: Self.title + H.paragraph("单位名称：&xxe;"),
                 doctype: "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")), .error(["read.limit-exceeded"]))
        try docx("xxe-http.docx", .text(H.documentXML(body: Self.title + H.paragraph("单位名称：&xxe;"),
                 doctype: "<!DOCTYPE w:document [<!ENTITY % remote SYSTEM \"http://127.0.0.1:\(port)/evil.dtd\"> %remote; "
                    + "<!ENTITY xxe SYSTEM \"http://127.0.0.1:\(port)/secret\">]>")), .error(["read.limit-exceeded", "read.damaged"]))
        try docx("xxe-external-dtd.docx", .text(H.documentXML(body: Self.title,
                 doctype: "<!DOCTYPE w:document SYSTEM \"http://127.0.0.1:\(port)/document.dtd\">")), .error(["read.limit-exceeded"]))

        // Entry names: path traversal (an extra entry, and the main part's target), duplicates.
        try docx("traversal-entry.docx", plain, extra: [("../../evil.xml", .text("<evil/>")), ("/tmp/evil-absolute.xml", .text("<evil/>"))],
                 .resultOrError)
        try docx("traversal-target.docx", plain, extra: [("../../evil.xml", plain)], mainTarget: "../../evil.xml", .resultOrError)
        let duplicate = folder + "/duplicate-names.docx"
        try H.docx(plain, to: duplicate, extra: [("word/document.xm_", .text(H.documentXML(body: H.paragraph("另一份内容"))))])
        try H.rename("word/document.xm_", to: "word/document.xml", in: duplicate)
        cases.append(Case(file: duplicate, expect: .error(["read.damaged"]), mentions: ["重名"]))

        // Not a (complete) Word document.
        try H.zip([("[Content_Types].xml", .text(H.contentTypes)), ("_rels/.rels", .text(H.packageRels(target: "word/document.xml")))],
                  to: folder + "/missing-document.docx")
        cases.append(Case(file: folder + "/missing-document.docx", expect: .error(["read.not-this-format"]), mentions: ["document.xml"]))
        try raw("not-a-zip.docx", Array("这不是 Word 文件，只是改了扩展名的文本。\n".utf8), .error(["read.not-this-format"]))
        try raw("empty.docx", [], .error(["read.damaged"]), mentions: ["空"])
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.goodBook)))
        try raw("truncated.docx", Array(good.prefix(good.count / 2)), .error(["read.damaged"]))
        try raw("legacy.doc", H.compoundFile(streamName: "WordDocument"), .error(["read.unsupported"]), mentions: ["另存为 .docx"])
        try raw("password.docx", H.compoundFile(streamName: "EncryptionInfo"), .error(["read.unsupported"]), mentions: ["密码", "另存为 .docx"])

        // Pathological structure and sizes.
        let depth = 10_000
        let nested = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth) + "<w:p/>"
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        try docx("nested-tables.docx", .text(H.documentXML(body: Self.title + nested)), .error(["read.limit-exceeded", "read.damaged"]))
        // 82 levels (246 elements) stay under libxml2's own depth limit (256) and pass the reader's (160 steps, two per level).
        let nested82 = String(repeating: "<w:tbl><w:tr><w:tc>", count: 82) + "<w:p/>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 82)
        try docx("nested-tables-82.docx", .text(H.documentXML(body: Self.title + nested82)), .error(["read.limit-exceeded"]), mentions: ["嵌套过深"])
        var rows = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        rows.reserveCapacity(20_000_000)
        for index in 0..<100_000 {
            let label = index % 1_000 == 0 ? "单位名称" : "第\(index)项"
            rows += "<w:tr><w:tc><w:p><w:r><w:t>\(label)</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>值\(index)</w:t></w:r></w:p></w:tc></w:tr>"
        }
        rows += "</w:tbl>"
        try docx("rows-100000.docx", .text(H.documentXML(body: Self.title + rows)), .error(["read.limit-exceeded"]), mentions: ["表格过大"])
        // 50 MiB of text in one paragraph, in 1 MiB runs (one text node of 50 MiB is refused by libxml2 itself),
        // of pseudo-random CJK characters so that it does not compress like a bomb.
        var paragraph = Array((Self.title + "<w:p>").utf8)
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
        var invalid = Array(H.documentXML(body: Self.title + H.paragraph("单位名称：INVALID")).utf8)
        if let at = invalid.firstRange(of: Array("INVALID".utf8)) {
            invalid.replaceSubrange(at, with: [0xE6, 0xB5, 0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80])
        }
        try docx("invalid-utf8.docx", .bytes(invalid), .resultOrError)

        // PDFs.
        let goodPDF = [UInt8](try Data(contentsOf: URL(fileURLWithPath: (Self.goodBook as NSString).deletingPathExtension + ".pdf")))
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

    @Test func everyHostileFileGetsAnAnswerInOneBatch() throws {
        let timeTool = "/usr/bin/time"
        try #require(FileManager.default.isExecutableFile(atPath: timeTool), "needs GNU time (Debian package time)")
        let folder = try makeTemporaryFolder("hostile")
        // SHENBAO_KEEP_HOSTILE=1 keeps the files, to time or profile one case by hand.
        let keep = ProcessInfo.processInfo.environment["SHENBAO_KEEP_HOSTILE"] != nil
        defer { if keep { print("hostile files kept in \(folder)") } else { try? FileManager.default.removeItem(atPath: folder) } }
        // Traversal targets would land here if anything extracted entries to disk.
        let inner = folder + "/a/b"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        let listener = try SilentListener()
        let cases = try makeCases(in: inner, port: listener.port)
        let files = cases.map(\.file) + [Self.goodBook]

        let report = folder + "/time.txt"
        let result = try CLIRunner.run(["extract", "--format", "json", "--timeout", String(Self.timeout), "--jobs", "2"] + files,
                                       timeout: 600, wrapper: [timeTool, "-v", "-o", report])
        #expect(!result.timedOut && !result.crashed)
        #expect(result.exitCode == 1, "the batch reports the unreadable files with exit code 1")

        var answers: [String: [String: Any]] = [:]
        for line in result.stdout.split(separator: "\n") {
            if let object = jsonObject(line), let file = object["file"] as? String { answers[file] = object }
        }
        var table: [String] = []
        for hostile in cases {
            let name = (hostile.file as NSString).lastPathComponent
            guard let answer = answers[hostile.file] else {
                Issue.record("\(name): no answer")
                continue
            }
            let error = answer["error"] as? [String: Any]
            let code = error?["code"] as? String
            let message = error?["message"] as? String ?? ""
            table.append("\(name)\t\(code ?? "result")\t\(message)")
            #expect(code != "read.crashed" && code != "read.timeout", "\(name): \(code ?? "") \(message)")
            if let code {
                #expect(code.hasPrefix("read.") || code == "call.unknown", "\(name): unexpected code \(code)")
                #expect(message.contains(/\p{Han}/), "\(name): the message is not Chinese: \(message)")
            }
            switch hostile.expect {
            case .error(let codes):
                #expect(code.map(codes.contains) == true, "\(name): expected \(codes.sorted()), got \(code ?? "a result")")
            case .resultOrError:
                break
            }
            for word in hostile.mentions {
                #expect(message.contains(word), "\(name): the message should mention \(word): \(message)")
            }
        }
        print("hostile batch: \(String(format: "%.1f", result.seconds)) s\n" + table.joined(separator: "\n"))

        // The good book is still read in full.
        let good = try #require(answers[Self.goodBook], "the good book got no answer")
        #expect(good["error"] == nil)
        #expect(good["call"] as? String == "hubei-industrial-model-2026")
        let expected = try ExpectedFields(path: (Self.goodBook as NSString).deletingPathExtension + ".expected.json")
        #expect(expected.mismatches(in: good["fields"] as? [String: Any] ?? [:]).isEmpty)

        // XXE: nothing from /etc/passwd in the output, and no connection to the listener.
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
        #expect(!result.stdout.contains(firstLine) && !result.stderr.contains(firstLine))
        #expect(!result.stdout.contains("root:x:0:0"))
        #expect(!listener.wasContacted, "an external entity or DTD was fetched over the network")

        // Path traversal: nothing written outside (or inside) the folder.
        for escaped in [folder + "/evil.xml", folder + "/a/evil.xml", "/tmp/evil-absolute.xml"] {
            #expect(!FileManager.default.fileExists(atPath: escaped), "\(escaped) was created")
        }

        // Peak memory of the batch: the largest resident set among the program and its workers.
        let time = try String(contentsOfFile: report, encoding: .utf8)
        let peak = try #require(maximumResidentMegabytes(timeReport: time))
        print("hostile batch: peak resident set \(String(format: "%.0f", peak)) MB")
        #expect(peak < Self.memoryLimitMB, "peak memory \(peak) MB")
    }
}
