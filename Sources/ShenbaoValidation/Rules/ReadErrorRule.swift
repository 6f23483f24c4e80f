import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A file that could not be read, or not as a book of any call: its error as the one finding of the file
/// (`read.encrypted`, `read.damaged`, … from `ReadError`; `read.timeout` and `read.crashed` from the worker
/// processes; `call.unknown`).
public struct ReadErrorRule: ValidationRule {
    public static let codes = [
        RuleCode("read.unreadable", "the file could not be opened"),
        RuleCode("read.not-this-format", "not a Word or PDF file (an Excel file named .docx …)"),
        RuleCode("read.unsupported", ".doc/.wps without LibreOffice, a format not read"),
        RuleCode("read.damaged", "a damaged file"),
        RuleCode("read.encrypted", "a password-protected .docx/.doc/.pdf"),
        RuleCode("read.limit-exceeded", "a file over a size limit (zip bombs, huge pages)"),
        RuleCode("read.timeout", "a file that took longer than --timeout: reported, and the run goes on"),
        RuleCode("read.crashed", "a file that made the reader die: reported, and the run goes on"),
        RuleCode("call.unknown", "a book of no known call (use --call)"),
    ]

    /// The finding of a file that could not be read.
    public static func finding(for error: BookError) -> Finding {
        Finding(.error, rule: error.code, message: error.message)
    }
}
