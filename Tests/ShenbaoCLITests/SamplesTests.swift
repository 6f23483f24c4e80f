import Foundation
import Testing

/// The committed samples (books authored outside this project with python-docx and LibreOffice, and
/// their LibreOffice PDF exports) extract with every catalogue field right, DOCX and PDF alike.
@Suite struct SamplesTests {
    static let books: [String] = {
        let root = packageRoot() + "/Samples"
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return folders.sorted().flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            return files.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }.sorted().map { "\(root)/\(folder)/\($0)" }
        }
    }()

    @Test func samplesExist() {
        #expect(Self.books.filter { $0.hasSuffix(".docx") }.count >= 6)
        #expect(Self.books.filter { $0.hasSuffix(".pdf") }.count >= 6)
    }

    @Test(arguments: books)
    func sampleExtractsEveryField(book: String) throws {
        let expected = try ExpectedFields(path: book.replacingOccurrences(of: #"\.(docx|pdf)$"#, with: ".expected.json", options: .regularExpression))
        let object = try #require(try extractJSON([book])[book])
        #expect(object["call"] as? String == expected.call, "call not detected")
        #expect(object["scanned"] as? Bool == false)
        let fields = object["fields"] as? [String: Any] ?? [:]
        let wrong = expected.mismatches(in: fields)
        #expect(wrong.isEmpty, "wrong fields: \(wrong.map { "\($0)=\(fields[$0] ?? "nil") (expected \(expected.fields[$0]!))" })")
        let extra = Set(fields.keys).subtracting(expected.fields.keys)
        #expect(extra.isEmpty, "fields the book leaves blank were filled: \(extra.sorted())")
        #expect((object["unmatched"] as? [String])?.isEmpty == true, "unmatched labels: \(object["unmatched"] ?? "")")
    }
}

/// Books this project has not seen, generated at test time by an outside tool (python-docx, with
/// random data and a random mix of real-world quirks), extract at ≥ 98 % of fields right from DOCX and
/// ≥ 95 % from their LibreOffice PDF exports.
@Suite(.serialized) struct UnseenBooksTests {
    static let calls = ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023"]

    @Test(arguments: calls)
    func unseenBooksExtract(call: String) throws {
        let folder = try makeTemporaryFolder("unseen")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for seed in TestSeeds.seeds([call.hasPrefix("hubei") ? 4051 : 7127]) {
            try unseenBooksExtract(call: call, seed: String(seed), folder: folder + "/\(seed)")
        }
    }

    func unseenBooksExtract(call: String, seed: String, folder: String) throws {
        let made = try runTool(["python3", packageRoot() + "/Samples/tools/make_books.py", "--call", call,
                                "--seed", seed, "--count", "12", "--out", folder])
        try #require(made, "python-docx generator failed (is python-docx installed? make test-deps)")
        let docx = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".docx") }.sorted().map { "\(folder)/\($0)" }
        try #require(docx.count == 12)
        let docxScore = try score(docx)
        #expect(docxScore.rate >= 0.98, "DOCX seed \(seed): \(docxScore.right)/\(docxScore.total); wrong: \(docxScore.wrong.prefix(12))")

        let pdfs = try convertToPDF(Array(docx.prefix(4)), into: folder)
        try #require(pdfs.count == 4, "LibreOffice did not convert the books")
        let pdfScore = try score(pdfs)
        #expect(pdfScore.rate >= 0.95, "PDF seed \(seed): \(pdfScore.right)/\(pdfScore.total); wrong: \(pdfScore.wrong.prefix(12))")
    }

    func score(_ files: [String]) throws -> (right: Int, total: Int, rate: Double, wrong: [String]) {
        let objects = try extractJSON(files)
        var right = 0, total = 0
        var wrong: [String] = []
        for file in files {
            let expected = try ExpectedFields(path: file.replacingOccurrences(of: #"\.(docx|pdf)$"#, with: ".expected.json", options: .regularExpression))
            let fields = objects[file]?["fields"] as? [String: Any] ?? [:]
            let misses = expected.mismatches(in: fields)
            total += expected.fields.count
            right += expected.fields.count - misses.count
            wrong += misses.map { "\(($0)):\(fields[$0] ?? "nil")" }
        }
        return (right, total, total == 0 ? 0 : Double(right) / Double(total), wrong)
    }
}
