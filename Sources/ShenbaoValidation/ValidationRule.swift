import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A finding's stable code, declared by the one rule that reports it, with what it checks (one line, for
/// the README's code table, which a test holds against the registry).
public struct RuleCode: Sendable, Hashable {
    public let code: String
    public let checks: String

    public init(_ code: String, _ checks: String) {
        self.code = code
        self.checks = checks
    }
}

/// What a finding says: its code (one of a rule's), its severity and its text in Chinese. Like swift-format's
/// findings, each rule declares its messages beside its codes, in an `extension RuleMessage` in its own file;
/// a `Finding` is made only from one, so no code or text is written anywhere else.
public struct RuleMessage: Sendable, Equatable {
    public let code: RuleCode
    public let severity: Finding.Severity
    public let text: String

    init(_ code: RuleCode, _ severity: Finding.Severity, _ text: String) {
        self.code = code
        self.severity = severity
        self.text = text
    }
}

/// A validation rule of any shape — over one record (`RecordRule`), a submission (`SubmissionRule`), an
/// inbox (`InboxRule`) or what reading a file gave (read errors, scans, reader notes). Like swift-format's
/// rules, each declares the codes it reports; `RuleRegistry` lists every rule, and no finding is made
/// outside one.
public protocol ValidationRule: Sendable {
    static var codes: [RuleCode] { get }
}
