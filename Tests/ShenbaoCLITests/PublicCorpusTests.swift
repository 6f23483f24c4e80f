import Foundation
import Testing

/// Every file of the public corpus (`../shared/corpus/public`, real Word/WPS/LibreOffice/PDF files,
/// broken, encrypted, fuzzed and scanned ones among them) goes through the readers: no crash, no hang,
/// and a clear error naming the file where it cannot be read.
@Suite struct PublicCorpusTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var path: String
        var tags: Set<String>
        var testDescription: String { path }
    }

    static let entries: [Entry] = {
        guard let shared = sharedDirectory(),
              let manifest = try? String(contentsOfFile: shared + "/corpus/public/manifest.tsv", encoding: .utf8) else { return [] }
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 5 else { return nil }
            let tags = Set(columns[4].split(separator: ",").map { String($0.split(separator: ":").first ?? "") })
            return Entry(path: shared + "/corpus/public/" + columns[0], tags: tags)
        }
    }()

    @Test func corpusIsPresent() {
        #expect(Self.entries.count > 250, "../shared/corpus/public/manifest.tsv not found or short")
    }

    /// The whole corpus in one run, as a bureau would feed a folder: every file must get exactly one
    /// answer, and the run must finish. The product gives each file at most `--timeout` seconds.
    nonisolated(unsafe) static let batch: (result: CLIRunner.Result, lines: [String: [String: Any]], hashes: [String: Int])? = {
        guard !entries.isEmpty else { return nil }
        let hashes = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, (try? Data(contentsOf: URL(fileURLWithPath: $0.path)))?.hashValue ?? 0) })
        guard let result = try? CLIRunner.run(["extract", "--format", "json", "--timeout", "60", "--call", "hubei-industrial-model-2026"]
                                              + entries.map(\.path), timeout: 1_500) else { return nil }
        var lines: [String: [String: Any]] = [:]
        for line in result.stdout.split(separator: "\n") {
            if let object = jsonObject(line), let file = object["file"] as? String { lines[file] = object }
        }
        return (result, lines, hashes)
    }()

    @Test func batchFinishesWithoutCrashing() throws {
        let batch = try #require(Self.batch)
        #expect(!batch.result.timedOut && !batch.result.crashed)
        #expect(batch.result.exitCode == 1, "the corpus has unreadable files, so the exit code is 1")
        #expect(batch.lines.count == Self.entries.count)
    }

    @Test(arguments: entries)
    func everyFileReadsOrFailsClearly(entry: Entry) throws {
        let batch = try #require(Self.batch)
        guard let object = batch.lines[entry.path] else {
            Issue.record("no answer for the file")
            return
        }
        if let error = object["error"] as? [String: Any] {
            let code = error["code"] as? String ?? ""
            let message = error["message"] as? String ?? ""
            #expect(message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "message not in Chinese: \(message)")
            #expect(batch.result.stderr.contains(entry.path), "stderr does not name the file")
            #expect(code != "read.crashed", "the reader crashed on it: \(message)")
            #expect(code != "read.timeout" || entry.tags.contains("decompression-bomb") || entry.tags.contains("pdftools-timeout"),
                    "took longer than the time limit: \(message)")
            #expect(!(entry.tags.contains("tables") && entry.tags.contains("made-by") && !entry.tags.contains("broken")
                      && !entry.tags.contains("bad-zip") && !entry.tags.contains("encrypted")),
                    "a well-formed file was refused: \(message)")
        } else {
            #expect(object["fields"] is [String: Any])
        }
        if entry.tags.contains("encrypted-user-password") || entry.tags.contains("ole-cfb-container") {
            let code = (object["error"] as? [String: Any])?["code"] as? String
            #expect(code == "read.encrypted" || code == "read.unsupported", "encrypted file not reported as such")
        }
        if entry.tags.contains("ole-cfb-container") && entry.tags.contains("encrypted") {
            // A password-protected .docx in its OLE wrapper is told from a legacy .doc by its streams and
            // refused as encrypted; it is never handed to LibreOffice (which would wait for a password).
            let error = object["error"] as? [String: Any]
            #expect(error?["code"] as? String == "read.encrypted", "\(String(describing: error))")
            #expect((error?["message"] as? String ?? "").contains("密码"), "\(String(describing: error))")
        }
        if entry.tags.contains("empty-0-bytes") || entry.tags.contains("bad-zip") || entry.tags.contains("office-owner-lockfile") {
            #expect(object["error"] != nil, "a broken file produced a record")
        }
        if entry.tags.contains("decompression-bomb") {
            // Refused from its stream headers (a JBIG2 page of 100000 × 100000), not left to the time limit.
            let code = (object["error"] as? [String: Any])?["code"] as? String
            #expect(code == "read.limit-exceeded", "a decompression bomb was not refused as such: \(object)")
        }
        if entry.tags.contains("image-only(scanned-like)") {
            #expect(object["scanned"] as? Bool == true, "an image-only PDF was not reported as scanned")
        }
        let after = (try? Data(contentsOf: URL(fileURLWithPath: entry.path)))?.hashValue ?? 0
        #expect(batch.hashes[entry.path] == after, "the input was modified")
    }
}
