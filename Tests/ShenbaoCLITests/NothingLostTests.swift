import Foundation
import ShenbaoTestSupport
import Testing

/// Nothing is lost: inputs are never modified, `--out` never replaces an input, and an output is
/// written whole or not at all — a failed write (read-only folder, file-size limit, full disk) leaves
/// neither a partial file nor a temporary file, and an existing output survives a failed replacement.
@Suite(.serialized) struct NothingLostTests {
    static let call = "hubei-industrial-model-2026"
    static let samples = packageRoot() + "/Samples/" + call
    static let data = packageRoot() + "/Samples/data/applicant-\(call).yaml"

    /// Every file under `folder` with its bytes and modification time.
    func snapshot(_ folder: String) throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date ?? .distantPast
            files[relative] = (try Data(contentsOf: URL(fileURLWithPath: path)), date)
        }
        return files
    }

    func expectUnchanged(_ before: [String: (Data, Date)], _ after: [String: (Data, Date)], _ what: String) {
        #expect(Set(before.keys) == Set(after.keys), "\(what): files appeared or vanished: \(Set(before.keys).symmetricDifference(after.keys).sorted())")
        for (name, (bytes, date)) in before {
            #expect(after[name]?.0 == bytes, "\(what): \(name) was modified")
            #expect(after[name]?.1 == date, "\(what): \(name) has a new modification time")
        }
    }

    /// A copy of the sample books and the applicant's data in a fresh folder.
    func copyOfSamples() throws -> (folder: String, inbox: String, data: String) {
        let folder = try makeTemporaryFolder("nothing-lost")
        let inbox = folder + "/收件"
        try FileManager.default.copyItem(atPath: Self.samples, toPath: inbox)
        let data = folder + "/data.yaml"
        try FileManager.default.copyItem(atPath: Self.data, toPath: data)
        return (folder, inbox, data)
    }

    /// Files whose names mark them as temporaries (`AtomicFile`'s `.NAME.PID.ID.tmp`, libzip's `NAME.XXXXXX`).
    func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") || $0.hasSuffix(".tmp") || $0.contains(".docx.") || $0.contains(".xlsx.") }
    }

    // MARK: - Inputs are read-only

    @Test func everyCommandLeavesItsInputsUntouched() throws {
        let (folder, inbox, data) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let before = try snapshot(inbox)
        let dataBefore = try snapshot(folder).filter { $0.key == "data.yaml" }
        let books = try FileManager.default.contentsOfDirectory(atPath: inbox).filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }.sorted().map { inbox + "/" + $0 }
        Thread.sleep(forTimeInterval: 0.01)  // so a rewrite would show in the modification time

        let runs: [[String]] = [
            ["extract", "--format", "json"] + books,
            ["extract", "--format", "text", inbox],
            ["validate", "--format", "json", inbox],
            ["validate", "--format", "csv", inbox] + books,
            ["summary", inbox, "--call", Self.call, "--out", out + "/汇总表.docx", "--out", out + "/汇总表.xlsx", "--out", out + "/汇总表.csv"],
            ["fill", "--call", Self.call, data, "--out", out + "/申报书.docx"],
            ["declaration", "--call", Self.call, data, "--out", out + "/承诺书.docx"],
            ["init", "--call", Self.call, "--from", data, "--out", out + "/数据.yaml"],
            ["dump", books[0]],
        ]
        for arguments in runs {
            let result = try CLIRunner.run(arguments, timeout: 300)
            #expect(!result.crashed && !result.timedOut && [0, 1].contains(result.exitCode),
                    "\(arguments.prefix(3).joined(separator: " ")): exit \(result.exitCode) \(result.stderr.prefix(300))")
        }
        for name in ["汇总表.docx", "汇总表.xlsx", "汇总表.csv", "申报书.docx", "承诺书.docx", "数据.yaml"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) was not written")
        }
        let left = try leftovers(in: out)
        #expect(left.isEmpty, "temporary files left: \(left)")
        expectUnchanged(before, try snapshot(inbox), "inbox")
        expectUnchanged(dataBefore, try snapshot(folder).filter { $0.key == "data.yaml" }, "data file")
    }

    // MARK: - Names that are not UTF-8

    /// An inbox unpacked from a zip packed on Windows holds names in GBK: a Swift string cannot hold them, so
    /// such a book or folder cannot be opened by its name. Each is reported — by `validate` and `extract`, in a
    /// folder or given on the command line — with its name read as GBK; none is dropped in silence.
    @Test func namesThatAreNotUTF8AreReportedNotDropped() throws {
        let (folder, inbox, _) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted().first { $0.hasSuffix(".docx") }.map { inbox + "/" + $0 }!
        let gbkFolder = try makeEntry(named: GBKNames.乙, in: inbox)
        try makeEntry(named: GBKNames.乙 + Array("/申报书.docx".utf8), in: inbox, copying: book)
        let gbkBook = try makeEntry(named: GBKNames.十堰蓝海申报书, in: inbox, copying: book)

        let validate = try CLIRunner.run(["validate", "--format", "json", inbox], timeout: 300)
        #expect(validate.exitCode == 1 && !validate.crashed)
        let report = try #require(jsonObject(Substring(validate.stdout)))
        let documents = try #require(report["documents"] as? [[String: Any]])
        for (path, message) in [(gbkFolder, "文件夹名不是 UTF-8 编码，按 GBK 编码读作「乙」"), (gbkBook, "文件名不是 UTF-8 编码，按 GBK 编码读作「十堰蓝海申报书.docx」")] {
            let findings = documents.first { $0["file"] as? String == path }?["findings"] as? [[String: Any]] ?? []
            #expect(findings.contains { $0["rule"] as? String == "read.unreadable" && ($0["message"] as? String)?.hasPrefix(message) == true },
                    "\(path): \(findings)")
        }
        #expect((report["summary"] as? [String: Any])?["unreadable"] as? Int == 2, "\(report["summary"] ?? "")")

        let extract = try CLIRunner.run(["extract", "--format", "json", inbox], timeout: 300)
        #expect(extract.exitCode == 1)
        let errors = extract.stdout.split(separator: "\n").compactMap { jsonObject($0) }.filter { $0["error"] != nil }.compactMap { $0["file"] as? String }
        #expect(errors == [gbkBook, gbkFolder], "\(errors)")
        #expect(extract.stderr.contains("按 GBK 编码读作「乙」"), "\(extract.stderr)")

        // Given on the command line, the name reaches the program with U+FFFD for its bytes: said so, not "文件不存在".
        let given = try CLIRunner.run(["extract", "--format", "json"], timeout: 120, environment: ["INBOX": inbox],
                                      wrapper: ["/bin/sh", "-c", #"exec "$0" "$@" "$INBOX/$(printf '\312\256\321\337\300\266\272\243\311\352\261\250\312\351').docx""#])
        #expect(given.exitCode == 1)
        #expect(given.stderr.contains("文件名不是 UTF-8 编码"), "\(given.stderr)")
    }

    /// A file name may hold a line break or a backslash: the book is read under its own name (a line break had
    /// split the name in the worker's input, and the book was reported as 文件不存在 under another name).
    @Test func namesWithLineBreaksAndBackslashesAreRead() throws {
        let (folder, inbox, _) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted().first { $0.hasSuffix(".docx") }.map { inbox + "/" + $0 }!
        let odd = folder + "/奇怪的名字"
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        let names = [odd + "/甲\n乙.docx", odd + "/丙\\n丁.docx", odd + "/戊\r.docx"]
        for name in names { try FileManager.default.copyItem(atPath: book, toPath: name) }
        let extract = try CLIRunner.run(["extract", "--format", "json", odd], timeout: 300)
        #expect(extract.exitCode == 0, "\(extract.stderr)")
        let answers = extract.stdout.split(separator: "\n").compactMap { jsonObject($0) }
        #expect(answers.compactMap { $0["file"] as? String }.sorted() == names.sorted(), "\(answers.map { $0["file"] ?? "" })")
        #expect(answers.allSatisfy { $0["error"] == nil && $0["fields"] != nil }, "\(extract.stdout.prefix(400))")
    }

    // MARK: - --out never names an input

    @Test func outNeverReplacesAnInput() throws {
        let (folder, inbox, data) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try #require(try FileManager.default.contentsOfDirectory(atPath: inbox).first { $0.hasSuffix(".docx") })
        let template = folder + "/模板.docx"
        #expect(try CLIRunner.run(["fill", "--call", Self.call, data, "--out", template]).exitCode == 0)
        let csv = folder + "/records.csv"
        try FileManager.default.copyItem(atPath: packageRoot() + "/Samples/data/hubei-ai-annual-report-2023.csv", toPath: csv)
        let before = try snapshot(folder)

        let attempts: [(String, [String])] = [
            ("summary over a book named on the command line", ["summary", inbox + "/" + book, "--call", Self.call, "--out", inbox + "/" + book]),
            ("summary over a book inside an input folder", ["summary", inbox, "--call", Self.call, "--out", inbox + "/" + book]),
            ("summary over a book, spelled another way", ["summary", inbox, "--call", Self.call, "--out", inbox + "/../收件/./" + book]),
            ("summary over its data file", ["summary", csv, "--call", "hubei-ai-annual-report-2023", "--out", csv]),
            ("summary over its template", ["summary", inbox, "--call", Self.call, "--template", template, "--out", template]),
            ("fill over its template", ["fill", "--call", Self.call, data, "--template", template, "--out", template]),
            ("declaration over its template", ["declaration", "--call", Self.call, data, "--template", template, "--out", template]),
        ]
        for (what, arguments) in attempts {
            let result = try CLIRunner.run(arguments, timeout: 300)
            #expect(result.exitCode == 2, "\(what): exit \(result.exitCode)")
            #expect(result.stderr.contains("拒绝覆盖"), "\(what): \(result.stderr.prefix(300))")
        }
        expectUnchanged(before, try snapshot(folder), "inputs")
    }

    // MARK: - Failed writes leave nothing behind

    /// `summary` of the sample inbox into `out`, optionally under a wrapper program, with another copy of
    /// the program and its call folders.
    func summary(_ inbox: String, to out: String, wrapper: [String] = [], program: String? = nil,
                 templates: String? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(["summary", inbox, "--call", Self.call, "--out", out], timeout: 300,
                          environment: templates.map { ["SHENBAO_TEMPLATES": $0] } ?? [:], wrapper: wrapper, program: program)
    }

    @Test func aReadOnlyFolderGetsAClearErrorAndNoFile() throws {
        let (folder, inbox, _) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let locked = folder + "/只读"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
        // root writes into any folder: run the program as nobody then, from copies of the program and its
        // call folders in this world-readable folder (the checkout may sit in a private 0700 folder).
        var wrapper: [String] = []
        var program: String?
        var templates: String?
        if getuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            wrapper = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            program = folder + "/shenbao"
            templates = folder + "/Templates"
            try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: folder + "/shenbao")
            try FileManager.default.copyItem(atPath: packageRoot() + "/Templates", toPath: folder + "/Templates")
            try runTool(["chmod", "-R", "a+rX", folder])
        }
        for name in ["汇总表.docx", "汇总表.xlsx", "汇总表.csv"] {
            let result = try summary(inbox, to: locked + "/" + name, wrapper: wrapper, program: program, templates: templates)
            #expect(result.exitCode == 2, "\(name): exit \(result.exitCode) \(result.stderr.prefix(300))")
            #expect(result.stderr.contains("无法写入") && result.stderr.contains(name), "\(name): \(result.stderr.prefix(300))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
    }

    /// A write cut short by the file-size limit (`prlimit --fsize`): the program gets EFBIG, as it
    /// would ENOSPC on a full disk.
    @Test func aWriteCutShortLeavesNoPartialFileAndKeepsTheOldOne() throws {
        let (folder, inbox, _) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for name in ["汇总表.docx", "汇总表.xlsx", "汇总表.csv"] {
            let path = out + "/" + name
            let old = Data("an older complete output".utf8)
            try old.write(to: URL(fileURLWithPath: path))
            let result = try summary(inbox, to: path, wrapper: ["/usr/bin/prlimit", "--fsize=300"])
            #expect(result.exitCode == 2 && !result.crashed, "\(name): exit \(result.exitCode) crashed \(result.crashed) \(result.stderr.suffix(300))")
            #expect(result.stderr.contains("无法写入"), "\(name): \(result.stderr.suffix(300))")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old, "\(name): the old output was replaced by a partial one")
            let left = try leftovers(in: out)
            #expect(left.isEmpty, "\(name): temporary files left: \(left)")

            // Without the limit the old output is replaced by the complete new one.
            let done = try summary(inbox, to: path)
            #expect(done.exitCode == 0 || done.exitCode == 1)
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(written != old && written.count > 300)
            #expect(try leftovers(in: out).isEmpty)
        }
    }

    /// A really full disk: a 256 KiB tmpfs filled up but for a few KiB (only where mounting is allowed,
    /// as for root in this project's containers; otherwise the file-size test above stands in).
    @Test func aFullDiskLeavesNoPartialFileAndKeepsTheOldOne() throws {
        let (folder, inbox, _) = try copyOfSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = folder + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard getuid() == 0, try runTool(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk]) else {
            print("full disk: cannot mount a tmpfs here; covered by the file-size-limit test")
            return
        }
        defer { _ = try? runTool(["umount", disk]) }
        let path = disk + "/汇总表.xlsx"
        let old = Data("an older complete output".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        // Fill the disk but for about 4 KiB.
        let filler = FileHandle(forWritingAtPath: disk + "/filler") ?? {
            FileManager.default.createFile(atPath: disk + "/filler", contents: nil)
            return FileHandle(forWritingAtPath: disk + "/filler")!
        }()
        try? filler.write(contentsOf: Data(count: 256 << 10))
        try? filler.close()
        let filled = try FileManager.default.attributesOfItem(atPath: disk + "/filler")[.size] as? Int ?? 0
        try FileHandle(forWritingAtPath: disk + "/filler")?.truncate(atOffset: UInt64(max(0, filled - (4 << 10))))

        let result = try summary(inbox, to: path)
        #expect(result.exitCode == 2, "exit \(result.exitCode) \(result.stderr.suffix(300))")
        #expect(result.stderr.contains("无法写入") && result.stderr.contains("磁盘空间不足"), "\(result.stderr.suffix(300))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk).sorted() == ["filler", "汇总表.xlsx"])
    }
}
