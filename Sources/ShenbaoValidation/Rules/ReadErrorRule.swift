import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A file that could not be read, or not as a book of any call: its error as the one finding of the file
/// (`read.encrypted`, `read.damaged`, … from `ReadError`; `read.timeout` and `read.crashed` from the worker
/// processes; `call.unknown`).
public struct ReadErrorRule: ValidationRule {
    public static let codes: [RuleCode] = [
        .readUnreadable, .readNotThisFormat, .readUnsupported, .readDamaged, .readEncrypted, .readLimitExceeded,
        .readTimeout, .readCrashed, .callUnknown,
    ]

    /// The finding of a file that could not be read.
    public static func finding(for error: BookError) -> Finding {
        Finding(.readError(error))
    }
}

extension RuleCode {
    static let readUnreadable = RuleCode("read.unreadable", "the file could not be opened")
    static let readNotThisFormat = RuleCode("read.not-this-format", "not a Word or PDF file (an Excel file named .docx …)")
    static let readUnsupported = RuleCode("read.unsupported", ".doc/.wps without LibreOffice, a format not read")
    static let readDamaged = RuleCode("read.damaged", "a damaged file")
    static let readEncrypted = RuleCode("read.encrypted", "a password-protected .docx/.doc/.pdf")
    static let readLimitExceeded = RuleCode("read.limit-exceeded", "a file over a size limit (zip bombs, huge pages)")
    static let readTimeout = RuleCode("read.timeout", "a file that took longer than --timeout: reported, and the run goes on")
    static let readCrashed = RuleCode("read.crashed", "a file that made the reader die: reported, and the run goes on")
    static let callUnknown = RuleCode("call.unknown", "a book of no known call (use --call)")
}

extension RuleMessage {
    /// The error's own message, under its code (`ReadError.code`, the workers' and `call.unknown`);
    /// a code no reader gives is reported as `read.unreadable`.
    static func readError(_ error: BookError) -> RuleMessage {
        let code = ReadErrorRule.codes.first { $0.code == error.code }
        assert(code != nil, "a read error of an undeclared code: \(error.code)")
        return RuleMessage(code ?? .readUnreadable, .error, error.message)
    }
}
