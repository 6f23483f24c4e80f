import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// One problem (or note) the validator reports: a stable rule code, the field id it concerns, where,
/// and a message in Chinese that names the label as the form prints it.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info

        /// 错误 / 警告 / 提示.
        public var chineseName: String {
            switch self {
            case .error: return "错误"
            case .warning: return "警告"
            case .info: return "提示"
            }
        }

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Stable rule code, e.g. `field.uscc.check-digit`.
    public var rule: String
    /// The catalogue field id, when the finding is about one field.
    public var field: String?
    /// The book section the field belongs to.
    public var section: String?
    /// Where in the file (table/row or page), when known.
    public var location: SourceLocation?
    public var message: String

    /// A finding saying `message` (a rule's), about a field id or a section, where known.
    public init(_ message: RuleMessage, field: String? = nil, section: String? = nil, location: SourceLocation? = nil) {
        self.severity = message.severity
        self.rule = message.code.code
        self.field = field
        self.section = section
        self.location = location
        self.message = message.text
    }

    /// A finding about a catalogue field, placed where extraction found it.
    public init(_ message: RuleMessage, field: FieldSpec, record: Record) {
        self.init(message, field: field.id, section: field.section, location: record.locations[field.id])
    }
}

extension FieldSpec {
    /// The label in 「」 as the form prints it, for messages.
    package var quoted: String { "「\(displayLabel)」" }
}
