/// A typed field value, shaped as `../shared/forms/README.md` says for JSON.
public enum FieldValue: Sendable, Equatable, Encodable {
    /// text, longtext, uscc, phone, email, url, choice, and dates ("YYYY-MM-DD" or partial "YYYY-MM").
    case string(String)
    case int(Int)
    /// money (万元) and decimal.
    case number(Double)
    /// daterange.
    case range(start: String, end: String)
    /// multichoice and list.
    case strings([String])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .range(let start, let end): try container.encode(["start": start, "end": end])
        case .strings(let values): try container.encode(values)
        }
    }

    /// The value as one line of text, for tables and reports.
    public var displayText: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .range(let start, let end): return "\(start) 至 \(end)"
        case .strings(let values): return values.joined(separator: "；")
        }
    }

    /// The numeric value of an int, money or decimal field.
    public var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }
}

extension FieldValue: Decodable {
    /// Decodes the public JSON shape; a whole number comes back as `.int` and is retyped by `typed(as:)`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) { self = .int(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([String].self) { self = .strings(value); return }
        let range = try container.decode([String: String].self)
        self = .range(start: range["start"] ?? "", end: range["end"] ?? "")
    }
}
