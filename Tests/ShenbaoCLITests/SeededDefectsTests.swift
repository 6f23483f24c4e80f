import Foundation
import Testing

/// Every defect `Samples/tools/seed_defect.py` knows, seeded one at a time into books generated at test
/// time by `make_books.py` (random data, random quirk mix; fixed seeds from `TestSeeds`), is reported by
/// `shenbao validate` as an error on the rule and field the tool names — and the clean twin raises no error.
/// Failure messages carry the seed and the commands that reproduce them.
@Suite(.serialized) struct SeededDefectsTests {
    static let calls = ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023"]
    static let tools = packageRoot() + "/Samples/tools"
    /// Books generated per call; the defects are spread over them so the quirk mixes vary.
    static let booksPerCall = 4

    struct Defect: Decodable {
        var defect: String
        var call: String
        var rule: String
        var field: String?
    }

    @Test func listNamesDefectsForBothCalls() throws {
        let defects = try Self.defects()
        for call in Self.calls {
            #expect(defects.filter { $0.call == call }.count >= 10, "\(call): too few defects")
        }
        let keys = defects.map { "\($0.call)/\($0.defect)" }
        #expect(Set(keys).count == keys.count, "duplicate defect names within a call")
        let text = try capture(["python3", Self.tools + "/seed_defect.py", "--list"])
        #expect(text.status == 0 && text.stdout.contains("field.uscc.check-digit"))
    }

    @Test(arguments: calls)
    func seededDefectsAreReported(call: String) throws {
        for seed in TestSeeds.seeds([call.hasPrefix("hubei") ? 1789 : 2468]) { try seededDefectsAreReported(call: call, seed: seed) }
    }

    func seededDefectsAreReported(call: String, seed: Int) throws {
        let folder = try makeTemporaryFolder("defects")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let books = try generateBooks(call: call, seed: seed, count: Self.booksPerCall, into: folder + "/books")
        let regenerate = "python3 Samples/tools/make_books.py --call \(call) --seed \(seed) --count \(Self.booksPerCall) --out /tmp/books"

        // The clean twins.
        for book in books {
            let result = try validate(book)
            let errors = result.findings.filter { $0.severity == "error" }
            #expect(errors.isEmpty, "clean book \(book.lastPathComponent) (seed \(seed): \(regenerate)) has errors: \(errors)")
            #expect(result.exitCode == 0, "clean book \(book.lastPathComponent) (seed \(seed)): exit \(result.exitCode)")
        }

        // One defect at a time, spread over the books.
        let defects = try Self.defects().filter { $0.call == call }
        try #require(!defects.isEmpty)
        for (index, defect) in defects.enumerated() {
            let book = books[index % books.count]
            let target = folder + "/\(defect.defect)/" + book.lastPathComponent
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let reproduce = "\(regenerate); python3 Samples/tools/seed_defect.py '/tmp/books/\(book.lastPathComponent)' /tmp/out.docx --defect \(defect.defect); shenbao validate --format json /tmp/out.docx"
            let seeded = try capture(["python3", Self.tools + "/seed_defect.py", book, target, "--defect", defect.defect])
            try #require(seeded.status == 0, "seed_defect.py failed (seed \(seed)): \(seeded.stderr) — \(reproduce)")
            let result = try validate(target)
            let caught = result.findings.contains { $0.severity == "error" && $0.rule == defect.rule && $0.field == defect.field }
            let message = "\(call) \(defect.defect): expected error \(defect.rule) @ \(defect.field ?? "-"), got exit \(result.exitCode) \(result.findings) — seed \(seed): \(reproduce)"
            #expect(caught, Comment(rawValue: message))
            #expect(result.exitCode == 1, Comment(rawValue: message))
        }
    }

    static func defects() throws -> [Defect] {
        let listed = try capture(["python3", tools + "/seed_defect.py", "--list", "--json"])
        try #require(listed.status == 0, "seed_defect.py --list --json failed: \(listed.stderr)")
        return try JSONDecoder().decode([Defect].self, from: Data(listed.stdout.utf8))
    }
}

/// One finding of `validate --format json`.
struct ReportFinding: CustomStringConvertible {
    var severity: String
    var rule: String
    var field: String?
    var message: String
    var file: String
    /// The submission folder the document belongs to (nil for a book given on its own).
    var submission: String?

    var description: String { "\(severity) \(rule)@\(field ?? "-")" }
}

/// The exit code and every finding (document and submission level) of `shenbao validate --format json`.
struct ValidateResult {
    var exitCode: Int32
    var findings: [ReportFinding]
    var documents: [[String: Any]]
    var stdout: String
    var stderr: String

    func findings(in file: String) -> [ReportFinding] { findings.filter { $0.file == file } }
}

func validate(_ paths: [String], options: [String] = []) throws -> ValidateResult {
    let result = try CLIRunner.run(["validate", "--format", "json"] + options + paths, timeout: 300)
    #expect(!result.crashed && !result.timedOut, "shenbao validate crashed or timed out on \(paths): \(result.stderr)")
    let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
    let documents = object["documents"] as? [[String: Any]] ?? []
    var findings: [ReportFinding] = []
    for document in documents {
        let file = document["file"] as? String ?? ""
        let submission = document["submission"] as? String
        for finding in document["findings"] as? [[String: Any]] ?? [] {
            findings.append(ReportFinding(severity: finding["severity"] as? String ?? "", rule: finding["rule"] as? String ?? "",
                                          field: finding["field"] as? String, message: finding["message"] as? String ?? "",
                                          file: file, submission: submission))
        }
    }
    return ValidateResult(exitCode: result.exitCode, findings: findings, documents: documents,
                          stdout: result.stdout, stderr: result.stderr)
}

func validate(_ path: String, options: [String] = []) throws -> ValidateResult {
    try validate([path], options: options)
}

/// Generates books with make_books.py; returns the .docx paths, sorted.
func generateBooks(call: String, seed: Int, count: Int, into folder: String) throws -> [String] {
    let made = try capture(["python3", packageRoot() + "/Samples/tools/make_books.py", "--call", call,
                            "--seed", String(seed), "--count", String(count), "--out", folder])
    try #require(made.status == 0, "make_books.py failed (is python-docx installed? make test-deps): \(made.stderr)")
    let books = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".docx") }.sorted()
        .map { "\(folder)/\($0)" }
    try #require(books.count == count)
    return books
}

/// Runs a program to its end and returns its exit status and output.
func capture(_ arguments: [String], in directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = DataCollector(out.fileHandleForReading)
    let errData = DataCollector(err.fileHandleForReading)
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData.finish(), as: UTF8.self),
            String(decoding: errData.finish(), as: UTF8.self))
}

extension String {
    var lastPathComponent: String { (self as NSString).lastPathComponent }
}
