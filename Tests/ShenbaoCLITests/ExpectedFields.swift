import Foundation

/// Compares `extract` JSON output with a book's `*.expected.json`, field by field.
struct ExpectedFields {
    let call: String
    let fields: [String: Any]

    init(path: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        call = object["call"] as? String ?? ""
        fields = object["fields"] as? [String: Any] ?? [:]
    }

    /// The ids whose extracted value differs from the expected one (whitespace inside text ignored,
    /// since a PDF cannot tell a wrapped line from a space).
    func mismatches(in extracted: [String: Any]) -> [String] {
        fields.keys.sorted().filter { !Self.same(fields[$0], extracted[$0]) }
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x as String, let y as String): return squeezed(x) == squeezed(y)
        case (let x as NSNumber, let y as NSNumber): return abs(x.doubleValue - y.doubleValue) < 1e-6
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { same(x[$0], y[$0]) }
        default: return false
        }
    }

    static func squeezed(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }
}

/// Runs `shenbao extract --format json` on files and returns each file's JSON object.
func extractJSON(_ files: [String], call: String? = nil) throws -> [String: [String: Any]] {
    var arguments = ["extract", "--format", "json"]
    if let call { arguments += ["--call", call] }
    let result = try CLIRunner.run(arguments + files, timeout: 300)
    var objects: [String: [String: Any]] = [:]
    for line in result.stdout.split(separator: "\n") {
        if let object = jsonObject(line), let file = object["file"] as? String { objects[file] = object }
    }
    return objects
}

/// Converts DOCX files to PDF as an applicant prints the final book: LibreOffice headless (its own
/// profile) through `Samples/tools/export_pdfs.sh`, which accepts tracked changes first. Returns the PDFs
/// made, in `folder`.
func convertToPDF(_ files: [String], into folder: String) throws -> [String] {
    let work = try makeTemporaryFolder("export")
    defer { try? FileManager.default.removeItem(atPath: work) }
    for file in files {
        try FileManager.default.copyItem(atPath: file, toPath: work + "/" + (file as NSString).lastPathComponent)
    }
    try runTool(["bash", packageRoot() + "/Samples/tools/export_pdfs.sh", work])
    return try files.compactMap { file in
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        guard FileManager.default.fileExists(atPath: work + "/" + name) else { return nil }
        let target = folder + "/" + name
        if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
        try FileManager.default.moveItem(atPath: work + "/" + name, toPath: target)
        return target
    }
}

/// Runs a program and waits; true when it exited 0.
@discardableResult
func runTool(_ arguments: [String], in directory: String? = nil) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}

/// A fresh temporary folder.
func makeTemporaryFolder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
