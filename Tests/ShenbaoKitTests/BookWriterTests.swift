import Foundation
import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoSpec
@testable import ShenbaoReaders
@testable import ShenbaoExtraction
@testable import ShenbaoStatistics
@testable import ShenbaoValidation
@testable import ShenbaoWriters
@testable import ShenbaoPipeline

/// `fill` and `declaration`: the generated books read back to the record they were written from, and
/// the real clients (LibreOffice, python-docx) open them.
@Suite struct BookWriterTests {
    static let calls = ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023"]
    /// Every call with a book template (the round trip); the MIIT call's generated records may break its
    /// 申报方向-in-项目类别 check, so the validity test keeps to `calls`.
    static let books = calls + ["miit-ai-innovation-2018"]
    static let recordsPerCall = 32

    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-fill-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// Field ids whose values differ between two records, with both values.
    static func differences(_ expected: Record, _ actual: Record) -> [String] {
        Set(expected.fields.keys).union(actual.fields.keys).sorted().compactMap { id in
            expected.fields[id] == actual.fields[id] ? nil : "\(id): \(String(describing: expected.fields[id])) ≠ \(String(describing: actual.fields[id]))"
        }
    }

    @Test(arguments: calls) func generatedRecordsAreValid(call: String) throws {
        let spec = try loadSpec(call)
        var generator = RecordGenerator(spec: spec, seed: 7)
        for index in 0..<Self.recordsPerCall {
            let record = generator.record()
            let errors = Validator(spec: spec, today: "2026-06-30").validate(record).filter { $0.severity == .error }
            #expect(errors.isEmpty, "record \(index): \(errors.map(\.message))")
        }
    }

    /// The property: for every generated record, fill → DOCX reader → Extractor gives the record back.
    @Test(arguments: books) func filledBooksExtractToTheirRecords(call: String) throws {
        let spec = try loadSpec(call)
        let writer = BookWriter(spec: spec)
        var generator = RecordGenerator(spec: spec, seed: 2026)
        var compared = 0
        for index in 0..<Self.recordsPerCall {
            let record = generator.record()
            let path = Self.temporary("book-\(index).docx")
            try writer.write(.book, record: record, to: path)
            let extracted = Extractor(spec: spec).extract(try DOCXReader.read(path: path))
            let differences = Self.differences(record, extracted)
            #expect(differences.isEmpty, "record \(index) of \(call): \(differences)")
            #expect(extracted.unparsed.isEmpty, "record \(index): unparsed \(extracted.unparsed)")
            compared += record.fields.count
        }
        print("round trip \(call): \(Self.recordsPerCall) records, \(compared) field values, DOCX")
    }

    /// The data skeleton: blank, it reads as an empty record; written from a record, it reads as that record.
    @Test(arguments: calls) func dataSkeletonReadsBackUnchanged(call: String) throws {
        let spec = try loadSpec(call)
        let reader = DataFileReader(spec: spec)
        let blank = Self.temporary("skeleton.yaml")
        try DataSkeleton.yaml(for: spec).write(toFile: blank, atomically: true, encoding: .utf8)
        let empty = try reader.read(path: blank)
        #expect(empty.count == 1)
        #expect(empty.first?.fields.isEmpty == true, "\(empty.first?.fields ?? [:])")
        #expect(empty.first?.unmatched.isEmpty == true && empty.first?.unparsed.isEmpty == true)
        let yaml = DataSkeleton.yaml(for: spec)
        for field in spec.fields {
            let key = field.id.split(separator: ".").last!
            #expect(yaml.contains("\(key.allSatisfy(\.isNumber) ? "\"\(key)\"" : String(key)):"), "\(field.id) missing")
        }
        #expect(yaml.contains("name: \"\"  # 单位名称 · 文本 · 必填") || yaml.contains("name: \"\"  # 企业基本信息 / 企业名称 · 文本 · 必填"))

        var generator = RecordGenerator(spec: spec, seed: 99)
        for index in 0..<Self.recordsPerCall {
            let record = generator.record()
            let path = Self.temporary("data-\(index).yaml")
            try DataSkeleton.yaml(for: spec, record: record).write(toFile: path, atomically: true, encoding: .utf8)
            let read = try reader.read(path: path)
            #expect(read.count == 1)
            #expect(Self.differences(record, read[0]).isEmpty, "record \(index): \(Self.differences(record, read[0]))")
        }
    }

    @Test func draftMarksWhatIsMissingAndErrors() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        var generator = RecordGenerator(spec: spec, seed: 5)
        var record = generator.record()
        record.fields["org.uscc"] = nil
        record.fields["org.consortium"] = nil
        let path = Self.temporary("draft.docx")
        try BookWriter(spec: spec).write(.book, record: record, to: path, draft: true)
        let text = try DOCXReader.read(path: path).blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("【待补充：统一社会信用代码】"))
        #expect(!text.contains("【待补充：联合体成员单位（如有）】"), "an optional blank is not marked")
        #expect(text.contains("若以联合体形式申报"), "the form's hint stays while the list is blank")
    }

    // MARK: - Real clients

    static func run(_ executable: String, _ arguments: [String], timeout: Double = 240) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        // Output to a file: nothing to drain while waiting.
        let log = temporary("run.log")
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let started = Date()
        while process.isRunning && Date().timeIntervalSince(started) < timeout { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? handle?.close()
        let data = FileManager.default.contents(atPath: log) ?? Data()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var haveLibreOffice: Bool {
        (try? run("sh", ["-c", "command -v soffice && command -v pdftotext"]).0) == 0
    }

    /// Books, letters and a `--force` draft of both calls, opened by LibreOffice (PDF export, then
    /// pdftotext) and by python-docx; the exported PDF of each book extracts to its record.
    @Test(.enabled(if: haveLibreOffice))
    func libreOfficeAndPythonDocxOpenTheDocuments() throws {
        let folder = (Self.temporary("x") as NSString).deletingLastPathComponent
        var expectations: [(file: String, texts: [String])] = []
        var records: [String: (CallSpec, Record)] = [:]
        for call in Self.calls {
            let spec = try loadSpec(call)
            let writer = BookWriter(spec: spec)
            var generator = RecordGenerator(spec: spec, seed: 31)
            let record = generator.record()
            let name = record.fields["org.name"]!.displayText
            let project = (record.fields["model.name"] ?? record.fields["scenario.name"])!.displayText
            let uscc = record.fields["org.uscc"]!.displayText
            try writer.write(.book, record: record, to: folder + "/\(call)-book.docx")
            try writer.write(.declaration, record: record, to: folder + "/\(call)-letter.docx")
            var broken = record
            broken.fields["org.uscc"] = nil
            try writer.write(.book, record: broken, to: folder + "/\(call)-draft.docx", draft: true)
            records[call] = (spec, record)
            let sections = spec.sections.filter { $0 != "封面" }
            expectations.append(("\(call)-book", sections + [name, project, uscc, "☑"]))
            let letterTitle = call.hasPrefix("hubei") ? "承诺书" : "申报单位承诺书"
            let signatures = call.hasPrefix("hubei") ? ["申请单位法人代表（签名）", "申请单位（盖章）", "特此承诺"]
                : ["申报责任人（签名）", "单位负责人（签名）", "（公章）", "广东省工业和信息化厅关于组织开展", "“\(project)”"]
            expectations.append(("\(call)-letter", [letterTitle, name] + signatures))
            expectations.append(("\(call)-draft", [TemplateContext.missing(spec.field("org.uscc")!), name]))
        }
        let profile = "file://" + folder + "/lo-profile"
        let files = expectations.map { folder + "/\($0.file).docx" }
        let (status, output) = try Self.run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf",
                                                       "--outdir", folder] + files)
        #expect(status == 0, "\(output)")
        for (file, texts) in expectations {
            let (_, text) = try Self.run("pdftotext", [folder + "/\(file).pdf", "-"])
            let squeezed = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
            let lacking = texts.filter { !squeezed.contains($0.replacingOccurrences(of: " ", with: "")) }
            #expect(lacking.isEmpty, "\(file).pdf lacks \(lacking)")
        }
        let (pythonStatus, pythonOutput) = try Self.run("python3", ["-c", """
            import sys, docx
            for path in sys.argv[1:]:
                d = docx.Document(path)
                assert d.paragraphs or d.tables, path
                s = d.sections[0]
                assert (s.page_width, s.page_height) == (11906 * 635, 16838 * 635), path
                assert (s.top_margin, s.left_margin, s.right_margin, s.bottom_margin) == (2098 * 635, 1587 * 635, 1474 * 635, 1984 * 635), path
            print(len(sys.argv) - 1, "opened")
            """] + files)
        #expect(pythonStatus == 0, "\(pythonOutput)")
        // The PDF LibreOffice exports reads back too (the PDF reader is improved in parallel: ≥ 95 %).
        for (call, (spec, record)) in records.sorted(by: { $0.key < $1.key }) {
            let extracted = Extractor(spec: spec).extract(try PDFReader.read(path: folder + "/\(call)-book.pdf"))
            let same = record.fields.filter { extracted.fields[$0.key] == $0.value }.count
            let share = Double(same) / Double(record.fields.count)
            print("PDF round trip \(call): \(same)/\(record.fields.count) fields; differ: \(Self.differences(record, extracted))")
            #expect(share >= 0.95, "\(call): \(same)/\(record.fields.count) — \(Self.differences(record, extracted))")
        }
    }
}
