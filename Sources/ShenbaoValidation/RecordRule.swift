import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A validation rule over one book's record. Each rule lives in its own file under `Rules/`, owns
/// its stable codes, and reports `Finding`s in Chinese naming the label as printed.
public protocol RecordRule: ValidationRule {
    func check(_ record: Record, in context: RuleContext) -> [Finding]
}

/// What a rule may look at besides the record.
public struct RuleContext: Sendable {
    public var spec: CallSpec
    /// The checks of the call: derived from the catalogue's rule column plus the call's `checks:`.
    public var checks: [Check]
    /// The document the record came from, when it came from a book.
    public var document: Document?
    /// "Today" for date plausibility (fixed in tests).
    public var today: String

    public init(spec: CallSpec, checks: [Check], document: Document? = nil, today: String) {
        self.spec = spec
        self.checks = checks
        self.document = document
        self.today = today
    }

    /// The checks of a call: derived from the catalogue's rule column plus the call's `checks:`.
    public static func checks(of spec: CallSpec) -> [Check] {
        spec.fields.flatMap(RuleTextParser.checks(for:)) + spec.checks
    }
}
