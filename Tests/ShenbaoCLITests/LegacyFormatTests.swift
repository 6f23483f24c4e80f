import Foundation
import Testing

/// Legacy Word (`.doc`) and WPS (`.wps`) books (issue 9): read through LibreOffice inside the worker
/// when it is installed, with a note saying so; otherwise an error naming the package to install.
/// The books are made at test time: a generated DOCX book (`make_books.py`), saved by LibreOffice as
/// Word 97 (`soffice --convert-to doc:"MS Word 97"`), then named `.doc`, `.wps` and `.docx`.
@Suite(.serialized) struct LegacyFormatTests {
    static let call = "hubei-industrial-model-2026"

    /// A folder with `book.doc`, `book.wps`, `renamed.docx` (all the same Word 97 bytes) and the
    /// book's expected JSON; nil (with the reason) when python-docx or LibreOffice is missing.
    struct Fixture {
        var folder: String
        var doc: String { folder + "/books/book.doc" }
        var wps: String { folder + "/books/book.wps" }
        var renamed: String { folder + "/books/renamed.docx" }
        var expected: ExpectedFields
        var seed: Int
    }

    nonisolated(unsafe) static let fixture: Result<Fixture, FixtureError> = {
        do {
            let seed = TestSeeds.seeds([5]).last ?? 5
            let folder = try makeTemporaryFolder("legacy")
            let made = try runTool(["python3", packageRoot() + "/Samples/tools/make_books.py", "--call", call,
                                    "--seed", String(seed), "--count", "1", "--out", folder + "/made"])
            guard made, let docx = try FileManager.default.contentsOfDirectory(atPath: folder + "/made").first(where: { $0.hasSuffix(".docx") })
            else { return .failure(FixtureError("make_books.py failed (is python-docx installed? make test-deps)")) }
            let base = (docx as NSString).deletingPathExtension
            try runTool(["soffice", "-env:UserInstallation=file://\(folder)/profile", "--headless",
                         "--convert-to", "doc:MS Word 97", "--outdir", folder + "/converted", folder + "/made/" + docx])
            let doc = folder + "/converted/" + base + ".doc"
            guard FileManager.default.fileExists(atPath: doc) else {
                return .failure(FixtureError("soffice did not write \(doc) (is LibreOffice installed? make test-deps)"))
            }
            let fixture = Fixture(folder: folder, expected: try ExpectedFields(path: folder + "/made/" + base + ".expected.json"), seed: seed)
            try FileManager.default.createDirectory(atPath: folder + "/books", withIntermediateDirectories: true)
            for target in [fixture.doc, fixture.wps, fixture.renamed] {
                try FileManager.default.copyItem(atPath: doc, toPath: target)
                // An old, exact modification time, to see that reading leaves it alone.
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: target)
            }
            return .success(fixture)
        } catch {
            return .failure(FixtureError("\(error)"))
        }
    }()

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs `extract --format json` with `environment` and returns the result and each file's object.
    func extract(_ files: [String], environment: [String: String] = [:], extra: [String] = [])
        throws -> (result: CLIRunner.Result, objects: [String: [String: Any]]) {
        let result = try CLIRunner.run(["extract", "--format", "json", "--call", Self.call] + extra + files,
                                       timeout: 300, environment: environment)
        var objects: [String: [String: Any]] = [:]
        for line in result.stdout.split(separator: "\n") {
            if let object = jsonObject(line), let file = object["file"] as? String { objects[file] = object }
        }
        return (result, objects)
    }

    func snapshot(_ path: String) -> (Data?, Date?) {
        (try? Data(contentsOf: URL(fileURLWithPath: path)),
         (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date)
    }

    // MARK: - With LibreOffice

    @Test func docAndWpsReadLikeTheDocxWithANote() throws {
        let fixture = try Self.fixture.get()
        let files = [fixture.doc, fixture.wps, fixture.renamed]
        let before = files.map(snapshot)
        // A private TMPDIR: the conversion's temporary folder must be gone afterwards.
        let tmp = fixture.folder + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let (result, objects) = try extract(files, environment: ["TMPDIR": tmp])
        #expect(result.exitCode == 0 && !result.timedOut && !result.crashed, "seed \(fixture.seed): \(result.stderr)")

        for file in files {
            let object = try #require(objects[file], "seed \(fixture.seed): no answer for \(file): \(result.stdout)")
            #expect(object["error"] == nil, "seed \(fixture.seed): \(file): \(object)")
            let fields = object["fields"] as? [String: Any] ?? [:]
            #expect(fixture.expected.mismatches(in: fields).isEmpty,
                    "seed \(fixture.seed): \(file): \(fixture.expected.mismatches(in: fields).map { "\($0): \(fields[$0] ?? "nil") ≠ \(fixture.expected.fields[$0] ?? "nil")" })")
            let notes = object["notes"] as? [[String: String]] ?? []
            let note = notes.first { $0["code"] == "read.converted" && $0["message"]?.contains("转换为 .docx") == true }?["message"]
            #expect(note != nil, "\(file): no note about the conversion in \(notes)")
            if file == fixture.wps { #expect(note?.contains(".wps") == true, "\(note ?? "")") }
            if file == fixture.doc { #expect(note?.contains(".doc") == true, "\(note ?? "")") }
            // A .docx that is really a .doc says so.
            if file == fixture.renamed { #expect(note?.contains("实为旧版 Word（.doc）") == true, "\(note ?? "")") }
        }

        // The originals: same bytes, same modification time, no lock file or output beside them.
        for (file, old) in zip(files, before) {
            let now = snapshot(file)
            #expect(now.0 != nil && now.0 == old.0, "\(file) was modified")
            #expect(now.1 == old.1, "\(file): modification time changed from \(String(describing: old.1)) to \(String(describing: now.1))")
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: fixture.folder + "/books").sorted()
        #expect(beside == ["book.doc", "book.wps", "renamed.docx"], "files appeared beside the originals: \(beside)")
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.hasPrefix("shenbao-lo-") }
        #expect(left.isEmpty, "temporary folders left behind: \(left)")
    }

    // MARK: - Without LibreOffice

    @Test func withoutLibreOfficeTheMessageNamesThePackage() throws {
        let fixture = try Self.fixture.get()
        let (result, objects) = try extract([fixture.doc, fixture.wps],
                                            environment: ["SHENBAO_SOFFICE": "/nonexistent/soffice", "PATH": "/nonexistent"])
        #expect(result.exitCode == 1, "\(result.stderr)")
        for file in [fixture.doc, fixture.wps] {
            let error = try #require(objects[file]?["error"] as? [String: Any], "\(file): \(String(describing: objects[file]))")
            let message = error["message"] as? String ?? ""
            #expect(error["code"] as? String == "read.unsupported", "\(error)")
            #expect(message.contains("LibreOffice") && message.contains("apt-get install libreoffice-writer-nogui"), "\(message)")
            #expect(message.contains("另存为 .docx"), "\(message)")
            #expect(message.contains(file == fixture.wps ? ".wps" : ".doc"), "\(message)")
            #expect(result.stderr.contains(file), "stderr does not name \(file)")
        }
    }

    // MARK: - Password and hangs

    /// A fake soffice (a shell script, test-only) that records that it ran and then never finishes,
    /// as LibreOffice would when waiting at a password prompt.
    func hangingSoffice(in folder: String) throws -> (program: String, marker: String) {
        let program = folder + "/hanging-soffice", marker = folder + "/hanging-soffice.pid"
        try? FileManager.default.removeItem(atPath: marker)
        let script = "#!/bin/sh\nsleep 1000 &\necho $! > '\(marker)'\nwait\n"
        try script.write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        return (program, marker)
    }

    @Test func encryptedDocIsRefusedBeforeLibreOfficeRuns() throws {
        let fixture = try Self.fixture.get()
        // Set fEncrypted (0x0100) in the FIB flags at 0x0A of the WordDocument stream, which starts at
        // a sector boundary with wIdent 0xA5EC.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.doc)))
        let start = try #require(stride(from: 512, to: bytes.count - 512, by: 512).first { bytes[$0] == 0xEC && bytes[$0 + 1] == 0xA5 })
        bytes[start + 0x0B] |= 0x01
        let encrypted = fixture.folder + "/encrypted.doc"
        try Data(bytes).write(to: URL(fileURLWithPath: encrypted))
        let fake = try hangingSoffice(in: fixture.folder)
        let (_, objects) = try extract([encrypted], environment: ["SHENBAO_SOFFICE": fake.program])
        let error = try #require(objects[encrypted]?["error"] as? [String: Any], "\(String(describing: objects[encrypted]))")
        #expect(error["code"] as? String == "read.encrypted", "\(error)")
        #expect((error["message"] as? String ?? "").contains("密码"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: fake.marker), "soffice was started on an encrypted file")
    }

    @Test func aHangingConversionIsKilledByTheConverter() throws {
        let fixture = try Self.fixture.get()
        let fake = try hangingSoffice(in: fixture.folder)
        let tmp = fixture.folder + "/tmp-hang"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        // The converter's own limit (2 s) is far below the worker's (60 s): the converter answers.
        let (result, objects) = try extract([fixture.doc], environment: ["SHENBAO_SOFFICE": fake.program,
                                                                         "SHENBAO_SOFFICE_TIMEOUT": "2", "TMPDIR": tmp])
        let error = try #require(objects[fixture.doc]?["error"] as? [String: Any], "\(result.stdout) \(result.stderr)")
        #expect(error["code"] as? String == "read.damaged", "\(error)")
        #expect((error["message"] as? String ?? "").contains("超时"), "\(error)")
        // The fake started, and its whole process group (the script and its `sleep`) is gone.
        let pid = try #require(Int32((try? String(contentsOfFile: fake.marker, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""), "the fake soffice did not run")
        // Gone or a zombie waiting for init to reap it (its parent, the script, was killed too).
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init)
        #expect(stat.isEmpty || state == "Z", "soffice's child \(pid) outlived the conversion: \(stat)")
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp).filter { $0.hasPrefix("shenbao-lo-") }
        #expect(left.isEmpty, "temporary folders left behind: \(left)")
    }
}
