import Foundation
import Testing

/// `extract`, `validate` and `summary` fork their workers from the command's own process, with the call
/// specs loaded (while it has one thread); a worker started anew (`shenbao worker …`, as the web desk and
/// every replacement worker are) must answer the same, line for line.
@Suite struct ForkedWorkersTests {
    /// Two books of each of two calls, Word and PDF, so two forked workers each answer several.
    static let books: [String] = ["guangdong-ai-scenario-2023", "hubei-industrial-model-2026"].flatMap { call -> [String] in
        let folder = packageRoot() + "/Samples/" + call
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return files.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }.prefix(4).map { folder + "/" + $0 }
    }

    /// What `shenbao worker TASK` started on its own answers for `paths`, one line each.
    func startedWorker(_ task: String, _ paths: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["worker", task, "--templates", packageRoot() + "/Templates", "--format", "json"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(paths.map { $0 + "\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func extractAnswersAsAStartedWorkerDoes() throws {
        #expect(Self.books.count == 8)
        let forked = try CLIRunner.run(["extract"] + Self.books + ["--format", "json", "--jobs", "2"])
        #expect(forked.exitCode == 0 && !forked.timedOut)
        let started = try startedWorker("extract", Self.books).map { $0.hasPrefix("=") ? String($0.dropFirst()) : $0 }
        #expect(started.count == Self.books.count)
        #expect(forked.stdout.split(separator: "\n").map(String.init) == started)
    }

    @Test func validateReportsAsWithOneWorkerPerBook() throws {
        // With --jobs 1 one forked worker reads every book; with 2, two do. Either way the same report.
        let one = try CLIRunner.run(["validate"] + Self.books + ["--format", "json", "--jobs", "1"])
        let two = try CLIRunner.run(["validate"] + Self.books + ["--format", "json", "--jobs", "2"])
        #expect(!one.timedOut && !two.timedOut && !one.crashed && !two.crashed)
        #expect(one.exitCode == two.exitCode && one.stdout == two.stdout)
        #expect(one.stdout.contains("\"documents\""))
    }
}
