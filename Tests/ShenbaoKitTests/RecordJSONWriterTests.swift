import Foundation
import Testing
import ShenbaoTestSupport
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSpec
@testable import ShenbaoExtraction
@testable import ShenbaoWriters

/// `RecordJSONWriter` writes a record's line by hand; it must be the very bytes `JSONEncoder` makes of the
/// record's `Codable` form (the public `extract --format json` shape), for real books and for records full
/// of what JSON has to escape.
@Suite struct RecordJSONWriterTests {
    func encoded(_ record: Record) throws -> String {
        String(decoding: try RecordJSONWriter.encoder.encode(record), as: UTF8.self)
    }

    @Test func samplesWriteAsTheEncoderWrites() throws {
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let extractor = BookExtractor(specs: specs)
        let root = packageRoot() + "/Samples"
        var books = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: root).sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
            for file in files.sorted() where file.hasSuffix(".docx") || file.hasSuffix(".pdf") {
                guard case .success(let record) = extractor.extract(path: "\(root)/\(folder)/\(file)") else { continue }
                books += 1
                #expect(RecordJSONWriter.line(for: record) == (try encoded(record)), "\(file)")
            }
        }
        #expect(books >= 12)
    }

    /// Text with every kind of character JSON treats specially, and some it does not.
    func awkwardText(_ random: inout SeededRandom) -> String {
        let pieces = ["\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
                      "申报", "（万元）", "😀", "\u{2028}", " ", "a", "10", "<b>", "&amp;"]
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func awkwardRecordsWriteAsTheEncoderWrites() throws {
        var random = SeededRandom(seed: 20261205)
        for round in 0..<300 {
            var record = Record(call: round % 7 == 0 ? nil : "call-\(round % 3)", file: "/书/\(awkwardText(&random)).docx",
                                scanned: round % 5 == 0)
            for index in 0..<Int.random(in: 0...12, using: &random) {
                let id = ["cover.name", "cover.name_2", "cover.name_10", "Budget", "budget", "项目.金额", "a/b"][index % 7] + awkwardText(&random)
                let values: [FieldValue] = [
                    .string(awkwardText(&random)), .int(Int.random(in: -1_000_000...1_000_000, using: &random)),
                    .number(Double(Int.random(in: -99_999...99_999, using: &random)) / 100), .number(1e15), .number(-0.0), .number(123456789.125),
                    [.int(0), .int(Int.max), .int(Int.min), .int(-9), .number(-999_999_999_999_999)][index % 5],
                    [.number(0.1 + 0.2), .number(1e-7), .number(-0.000_012_5), .number(3.0e20), .number(2.5e15)][index % 5],
                    .range(start: awkwardText(&random), end: awkwardText(&random)),
                    .strings((0..<Int.random(in: 0...3, using: &random)).map { _ in awkwardText(&random) }),
                ]
                record.fields[id] = values.randomElement(using: &random)!
                if Bool.random(using: &random) {
                    record.locations[id] = SourceLocation(
                        section: Bool.random(using: &random) ? awkwardText(&random) : nil, table: Bool.random(using: &random) ? index : nil,
                        row: Bool.random(using: &random) ? index + 1 : nil, column: Bool.random(using: &random) ? 2 : nil,
                        page: Bool.random(using: &random) ? 3 : nil, label: Bool.random(using: &random) ? awkwardText(&random) : nil,
                        how: [nil, .right, .heading, .marked].randomElement(using: &random)!)
                }
            }
            if round % 4 == 0 { record.unmatched = [awkwardText(&random), awkwardText(&random)] }
            if round % 6 == 0 { record.unparsed["cover.x"] = awkwardText(&random) }
            if round % 9 == 0 { record.ambiguous["cover.y"] = awkwardText(&random) }
            if round % 8 == 0 { record.passages["简介"] = awkwardText(&random) }
            if round % 10 == 0 { record.notes = [ReaderNote(.trackedChanges, awkwardText(&random))] }
            #expect(RecordJSONWriter.line(for: record) == (try encoded(record)), "round \(round)")
        }
    }
}
