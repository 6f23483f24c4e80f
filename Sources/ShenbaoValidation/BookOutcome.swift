import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// What reading and checking one book file gave: its record (or why it could not be read) and the
/// findings of the record and structure rules.
public struct BookOutcome: Sendable {
    public var file: String
    public var record: Record?
    public var error: BookError?
    public var findings: [Finding]
    /// Whether the file's own title and headings name a call (what decides, without `--call`, that a file
    /// is a book and not an attachment). False only for a file read under `--call` that names no call:
    /// inside a submission whose book does name one, it is an attachment whatever `--call` says.
    public var recognised: Bool
    /// For a PDF: its seals, its 承诺书 page and, for a scan, the OCR text the checks need.
    public var stamped: StampedCopy?

    public init(file: String, record: Record? = nil, error: BookError? = nil, findings: [Finding] = [], recognised: Bool = true,
                stamped: StampedCopy? = nil) {
        self.file = file
        self.record = record
        self.error = error
        self.findings = findings
        self.recognised = recognised
        self.stamped = stamped
    }

    /// A file that could not be read: `error`, and the one finding that reports it (`ReadErrorRule`).
    public init(unread error: BookError) {
        self.init(file: error.file, error: error, findings: [ReadErrorRule.finding(for: error)])
    }

    /// Drops where each field was found (`Record.locations`, most of a record): every finding keeps its
    /// own place, and no submission or inbox rule, report or table reads them.
    public mutating func dropSources() {
        record?.locations = [:]
    }

    public var isWord: Bool { Submission.editableExtensions.contains(file.fileExtension) }
    public var isPDF: Bool { file.fileExtension == "pdf" }
}

/// A submission with its books read and checked.
public struct SubmissionOutcome: Sendable {
    public var submission: Submission
    public var books: [BookOutcome]
    /// Findings about the submission as a whole (and, later, the inbox).
    public var findings: [Finding]

    package init(submission: Submission, books: [BookOutcome], findings: [Finding]) {
        self.submission = submission
        self.books = books
        self.findings = findings
    }

    /// The record the submission is judged by: the Word book's, else a text PDF's.
    public var primary: Record? {
        (books.first { $0.isWord && $0.record != nil } ?? books.first { $0.record != nil && !($0.record?.scanned ?? true) })?.record
    }

    /// The call the submission was read as.
    public var call: String? { primary?.call ?? books.compactMap { $0.record?.call }.first }
}
