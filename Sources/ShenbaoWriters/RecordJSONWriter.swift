import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes extraction results as JSON lines: one object per file, as `shenbao extract --format json` prints.
public enum RecordJSONWriter {
    private struct ErrorLine: Encodable {
        struct Detail: Encodable { var code: String; var message: String }
        var file: String
        var error: Detail
    }

    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// One JSON line for a record (its `Codable` form, keys sorted).
    public static func line(for record: Record) -> String {
        String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self)
    }

    /// One JSON line for a file that could not be read.
    public static func line(for error: BookError) -> String {
        let line = ErrorLine(file: error.file, error: .init(code: error.code, message: error.message))
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }
}
