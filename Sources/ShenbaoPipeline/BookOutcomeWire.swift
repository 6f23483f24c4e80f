import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// The one-line JSON form of a `BookOutcome`, passed from a worker process to the main one.
/// Field values use their public JSON shapes and are typed back through the call's catalogue.
extension BookOutcome {
    private struct Wire: Codable {
        var file: String
        var record: Record?
        var error: BookError?
        var findings: [Finding]
        /// Absent (true) for every book read without `--call`.
        var recognised: Bool?
        var stamped: StampedCopy?
    }

    /// The outcome as one JSON line.
    public func wireLine() -> String {
        let wire = Wire(file: file, record: record, error: error, findings: findings, recognised: recognised ? nil : false, stamped: stamped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(wire)) ?? Data(), as: UTF8.self)
    }

    /// An outcome read back from `wireLine()`, its values typed by the call's catalogue.
    public init?(wireLine line: String, specs: [CallSpec]) {
        guard let wire = try? JSONDecoder().decode(Wire.self, from: Data(line.utf8)) else { return nil }
        self.init(file: wire.file, error: wire.error, findings: wire.findings, recognised: wire.recognised ?? true,
                  stamped: wire.stamped)
        if var record = wire.record {
            let spec = specs.first { $0.id == record.call }
            // Keyed by the catalogue's own id strings, shared by every record, not one copy per book.
            var fields: [String: FieldValue] = [:]
            fields.reserveCapacity(record.fields.count)
            for (id, value) in record.fields {
                if let field = spec?.field(id) { fields[field.id] = value.typed(as: field.type) } else { fields[id] = value }
            }
            record.fields = fields
            self.record = record
        }
    }
}

extension FieldValue {
    /// The value with the shape its field type asks for (`.int(5)` of a money field is `.number(5)`).
    package func typed(as type: FieldType) -> FieldValue {
        switch (type, self) {
        case (.money, .int(let value)), (.decimal, .int(let value)): return .number(Double(value))
        default: return self
        }
    }
}
