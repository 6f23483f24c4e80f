import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes extraction results as JSON lines: one object per file, as `shenbao extract --format json` prints.
///
/// A record's line is exactly what `JSONEncoder` (keys sorted, slashes unescaped) makes of its `Codable` form,
/// written here byte by byte for its fields, where each was found, reader notes, passages and numbers spelt
/// plainly (through the encoder they were a fifteenth of a book's extraction time); the rarer parts (values left
/// out, OCR, numbers written with an exponent) are still encoded by `JSONEncoder`. `RecordJSONWriterTests` holds
/// the two to the same bytes.
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
        var out = JSONBytes()
        out.reserve(4_096 + record.fields.count * 256)
        out.append("{\"call\":")
        if let call = record.call { out.string(call) } else { out.append("null") }
        out.append(",\"fields\":")
        object(record.fields, to: &out, value: Self.value(_:to:))
        out.append(",\"file\":")
        out.string(record.file)
        if !record.notes.isEmpty {
            out.append(",\"notes\":")
            out.array(record.notes) { note, out in
                out.beginObject()
                out.member("code", note.code)
                out.member("message", note.message)
                out.endObject()
            }
        }
        if let ocr = record.ocr { out.encoded(",\"ocr\":", ocr) }
        if !record.passages.isEmpty {
            out.append(",\"passages\":")
            object(record.passages, to: &out) { text, out in out.string(text) }
        }
        out.append(record.scanned ? ",\"scanned\":true" : ",\"scanned\":false")
        if !record.locations.isEmpty {
            out.append(",\"sources\":")
            object(record.locations, to: &out, value: Self.location(_:to:))
        }
        out.append(",\"unmatched\":")
        out.array(record.unmatched) { label, out in out.string(label) }
        if !record.unparsed.isEmpty || !record.ambiguous.isEmpty {
            out.encoded(",\"unparsed\":", record.leftOut)
        }
        out.append("}")
        return out.text
    }

    /// One JSON line for a file that could not be read.
    public static func line(for error: BookError) -> String {
        let line = ErrorLine(file: error.file, error: .init(code: error.code, message: error.message))
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }

    /// A JSON object of `dictionary`, its keys in `JSONEncoder`'s sorted order (by their UTF-8 bytes), each value
    /// written by `value`.
    private static func object<Value>(_ dictionary: [String: Value], to out: inout JSONBytes,
                                      value: (Value, inout JSONBytes) -> Void) {
        out.append("{")
        for (index, key) in dictionary.keys.sorted(by: { $0.precedesByBytes($1) }).enumerated() {
            if index > 0 { out.append(",") }
            out.string(key)
            out.append(":")
            value(dictionary[key]!, &out)
        }
        out.append("}")
    }

    /// A number with a fraction as `JSONEncoder` writes it, when that is its shortest decimal spelling (`description`)
    /// of digits, a point and perhaps a minus sign; nil for an exponent or anything else, which the encoder writes.
    private static func plainDecimal(_ number: Double) -> String? {
        let text = number.description
        return text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) && !text.hasSuffix(".0") ? text : nil
    }

    /// A field value in its public JSON shape (`FieldValue.encode(to:)`).
    private static func value(_ value: FieldValue, to out: inout JSONBytes) {
        switch value {
        case .string(let text): out.string(text)
        case .int(let number): out.integer(number)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 {
                out.integer(Int(number))
            } else if let plain = plainDecimal(number) {
                out.append(unquoted: plain)
            } else {
                out.encoded("", number)
            }
        case .range(let start, let end):
            out.beginObject()
            out.member("end", end)
            out.member("start", start)
            out.endObject()
        case .strings(let texts):
            out.array(texts) { text, out in out.string(text) }
        }
    }

    /// Where a value was found, its keys sorted and absent ones left out (`SourceLocation`'s `Codable` form).
    private static func location(_ location: SourceLocation, to out: inout JSONBytes) {
        out.beginObject()
        out.member("column", location.column)
        out.member("how", location.how?.rawValue)
        out.member("label", location.label)
        out.member("page", location.page)
        out.member("row", location.row)
        out.member("section", location.section)
        out.member("table", location.table)
        out.endObject()
    }
}

private extension JSONBytes {
    /// `prefix`, then `value` as `RecordJSONWriter.encoder` writes it (the same bytes it would write nested).
    mutating func encoded(_ prefix: StaticString, _ value: some Encodable) {
        append(prefix)
        append(bytes: (try? RecordJSONWriter.encoder.encode(value)) ?? Data("null".utf8))
    }
}
