import Foundation
import ShenbaoTestSupport
import Testing

/// Hostile inputs, built at test time in a temporary folder, read by `shenbao extract` in one batch
/// beside a good book: every file gets a result or a clear Chinese error with a stable code within the
/// time limit, no worker dies, the good book is still extracted, and the batch stays small in memory.
/// XXE never reads a local file into the output nor contacts the network.
@Suite(.serialized) struct HostileInputTests {
    static let goodBook = HostileCases.goodBook
    /// The per-file limit the batch runs with, and the memory limit of the whole batch.
    static let timeout = 10.0
    static let memoryLimitMB = 512.0

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
        let cases = try HostileCases.make(in: inner, port: listener.port) + HostileCases.notRegularFiles(in: inner)
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
