import Foundation

/// Writes extraction results as JSON lines: one object per file, as `shenbao extract --format json` prints.
public enum RecordJSONWriter {
    private struct Line: Encodable {
        var call: String?
        var file: String
        var scanned: Bool
        var fields: [String: FieldValue]
        var unmatched: [String]
        var unparsed: [String: String]?
        var passages: [String: String]?

        enum CodingKeys: String, CodingKey { case call, file, scanned, fields, unmatched, unparsed, passages }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(call, forKey: .call)  // null when unknown, never missing
            try container.encode(file, forKey: .file)
            try container.encode(scanned, forKey: .scanned)
            try container.encode(fields, forKey: .fields)
            try container.encode(unmatched, forKey: .unmatched)
            try container.encodeIfPresent(unparsed, forKey: .unparsed)
            try container.encodeIfPresent(passages, forKey: .passages)
        }
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
        let line = Line(call: record.call, file: record.file, scanned: record.scanned, fields: record.fields,
                        unmatched: record.unmatched, unparsed: record.unparsed.isEmpty ? nil : record.unparsed,
                        passages: record.passages.isEmpty ? nil : record.passages)
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }

    /// One JSON line for a file that could not be read.
    public static func line(for error: BookError) -> String {
        let line = ErrorLine(file: error.file, error: .init(code: error.code, message: error.message))
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }
}
