import Foundation

/// Writes extraction results as JSON lines: one object per file, as `shenbao extract --format json` prints.
public enum RecordJSONWriter {
    private struct Line: Encodable {
        var call: String?
        var file: String
        var scanned: Bool
        var fields: [String: FieldValue]
        var unmatched: [String]
        var unparsed: [String: LeftOut]?
        var sources: [String: SourceLocation]?
        var notes: [ReaderNote]?
        var passages: [String: String]?
        var ocr: OCRLine?

        enum CodingKeys: String, CodingKey { case call, file, scanned, fields, unmatched, unparsed, sources, notes, passages, ocr }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(call, forKey: .call)  // null when unknown, never missing
            try container.encode(file, forKey: .file)
            try container.encode(scanned, forKey: .scanned)
            try container.encode(fields, forKey: .fields)
            try container.encode(unmatched, forKey: .unmatched)
            try container.encodeIfPresent(unparsed, forKey: .unparsed)
            try container.encodeIfPresent(sources, forKey: .sources)
            try container.encodeIfPresent(notes, forKey: .notes)
            try container.encodeIfPresent(passages, forKey: .passages)
            try container.encodeIfPresent(ocr, forKey: .ocr)
        }
    }

    /// A scan's OCR reading as `extract` shows it: the key fields read (text, page, confidence), the mean
    /// confidence and the pages read — apart from `fields`, which stay the book's own text only.
    private struct OCRLine: Encodable {
        var fields: [String: OCRReading.Value]
        var confidence: Int
        var pages: [Int]
        var problem: String?
    }

    /// A field left out: the text found (candidates joined by `；` when ambiguous) and why.
    private struct LeftOut: Encodable {
        var text: String
        var reason: String
        var ambiguous: Bool
    }

    private struct ErrorLine: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var file: String
        var error: Detail
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One JSON line for a record.
    public static func line(for record: Record) -> String {
        var leftOut: [String: LeftOut] = [:]
        for (id, text) in record.unparsed {
            let reason = record.ambiguous[id] ?? "「\(text.prefix(40))」无法识别为该字段的类型"
            leftOut[id] = LeftOut(text: text, reason: reason, ambiguous: record.ambiguous[id] != nil)
        }
        for (id, reason) in record.ambiguous where leftOut[id] == nil {
            leftOut[id] = LeftOut(text: "", reason: reason, ambiguous: true)
        }
        let line = Line(call: record.call, file: record.file, scanned: record.scanned, fields: record.fields,
                        unmatched: record.unmatched, unparsed: leftOut.isEmpty ? nil : leftOut,
                        sources: record.locations.isEmpty ? nil : record.locations,
                        notes: record.notes.isEmpty ? nil : record.notes,
                        passages: record.passages.isEmpty ? nil : record.passages,
                        ocr: record.ocr.map { OCRLine(fields: $0.fields, confidence: $0.confidence, pages: $0.pages.map(\.page), problem: $0.problem) })
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }

    /// One JSON line for a file that could not be read.
    public static func line(for error: BookError) -> String {
        let line = ErrorLine(file: error.file, error: .init(code: error.code, message: error.message))
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }
}
