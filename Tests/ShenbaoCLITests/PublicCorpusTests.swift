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

    @Test(arguments: entries)
    func everyFileReadsOrFailsClearly(entry: Entry) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: entry.path))
        let result = try CLIRunner.run(["extract", "--format", "json", "--call", "hubei-industrial-model-2026", entry.path], timeout: 10)
        #expect(!result.timedOut, "took over 10 s")
        #expect(!result.crashed, "crashed: \(result.stderr.suffix(500))")
        #expect(result.exitCode == 0 || result.exitCode == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        guard let object = lines.first.flatMap(jsonObject) else {
            Issue.record("no JSON line: \(result.stdout.prefix(200))")
            return
        }
        #expect(object["file"] as? String == entry.path)
        if let error = object["error"] as? [String: Any] {
            #expect(result.exitCode == 1)
            let message = error["message"] as? String ?? ""
            #expect(message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "message not in Chinese: \(message)")
            #expect(result.stderr.contains(entry.path), "stderr does not name the file")
            #expect(!(entry.tags.contains("tables") && entry.tags.contains("made-by") && !entry.tags.contains("broken")
                      && !entry.tags.contains("bad-zip") && !entry.tags.contains("encrypted")),
                    "a well-formed file was refused: \(message)")
        } else {
            #expect(result.exitCode == 0)
            #expect(object["fields"] is [String: Any])
        }
        if entry.tags.contains("encrypted-user-password") || entry.tags.contains("ole-cfb-container") {
            let code = (object["error"] as? [String: Any])?["code"] as? String
            #expect(code == "read.encrypted" || code == "read.unsupported", "encrypted file not reported as such")
        }
        if entry.tags.contains("empty-0-bytes") || entry.tags.contains("bad-zip") || entry.tags.contains("office-owner-lockfile") {
            #expect(object["error"] != nil, "a broken file produced a record")
        }
        if entry.tags.contains("image-only(scanned-like)") {
            #expect(object["scanned"] as? Bool == true, "an image-only PDF was not reported as scanned")
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: entry.path))
        #expect(before == after, "the input was modified")
    }
}
