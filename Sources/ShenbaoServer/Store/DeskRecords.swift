import Foundation

/// The role of an account: the administrator sees and manages everything; a bureau (推荐单位) sees
/// only its own inboxes, submissions and files; an applicant (申报单位, registered by its 统一社会信用代码)
/// only its own applications.
public enum AccountRole: String, Sendable, Codable {
    case administrator = "admin"
    case bureau
    case applicant
}

/// A person's or bureau's login.
public struct Account: Sendable, Equatable, Codable {
    public var id: Int64
    /// The login name.
    public var login: String
    /// The bureau's name as printed (武汉市经济和信息化局), or the administrator's name.
    public var displayName: String
    public var role: AccountRole
    /// 市州/地市 of a bureau.
    public var region: String
    public var passwordHash: String
    public var createdAt: Date
    /// An applicant's contact (person and phone).
    public var contact: String = ""

    public var isAdministrator: Bool { role == .administrator }
    public var isApplicant: Bool { role == .applicant }
}

/// What registering an applicant takes: its 统一社会信用代码 is its login name.
public struct NewApplicant: Sendable {
    public var uscc: String
    public var name: String
    public var contact: String
    public var password: String

    public init(uscc: String, name: String, contact: String, password: String) {
        self.uscc = uscc
        self.name = name
        self.contact = contact
        self.password = password
    }
}

/// An applicant's application for one call: the form's data (field id → value, as a data file holds it) and
/// the findings of its last check.
public struct StoredApplication: Sendable, Equatable {
    public var id: Int64
    public var accountID: Int64
    public var callID: String
    /// The data as JSON (an object keyed by field id).
    public var data: String
    public var findings: [StoredFinding]
    public var createdAt: Date
    public var updatedAt: Date
    /// Once submitted: the bureau's inbox, the reading job that took it there, and when.
    public var inboxID: Int64? = nil
    public var jobID: Int64? = nil
    public var submittedAt: Date? = nil

    public var isSubmitted: Bool { submittedAt != nil }
}

/// What creating a bureau account takes.
public struct NewBureau: Sendable {
    public var login: String
    public var displayName: String
    public var region: String
    public var password: String
    /// Call id → the bureau's quota for it (nil: the call sets none).
    public var calls: [String: Int?]

    public init(login: String, displayName: String, region: String, password: String, calls: [String: Int?]) {
        self.login = login
        self.displayName = displayName
        self.region = region
        self.password = password
        self.calls = calls
    }
}

/// A signed-in browser. The cookie carries the token; the store keeps only its SHA-256.
public struct DeskSession: Sendable, Equatable {
    public var tokenHash: String
    public var accountID: Int64
    /// The token every form and every non-GET request must carry.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
}

/// One bureau's inbox for one call.
public struct Inbox: Sendable, Equatable, Codable {
    public var id: Int64
    public var accountID: Int64
    public var callID: String
    /// The bureau's quota for the call, where it has one.
    public var quota: Int?
}

/// One applicant's submission as stored: what the inbox table shows.
public struct StoredSubmission: Sendable, Equatable, Codable {
    public var id: Int64
    public var inboxID: Int64
    public var uploadID: Int64
    /// The submission's folder or file, relative to what was uploaded.
    public var name: String
    public var callID: String?
    public var applicant: String?
    public var projectName: String?
    public var uscc: String?
    public var hasWord: Bool
    public var hasPDF: Bool
    public var errors: Int
    public var warnings: Int
    public var arrivedAt: Date
    /// 推荐 / 不推荐, or nil while undecided.
    public var decision: Decision? = nil
    public var decisionNote: String = ""
    /// What the stamped copy shows: seals found and missing, and whether it agrees with the Word book.
    public var stampedCopy: StampedCopyStatus = .init()
}

/// The stamped copy (盖章件) of a submission at a glance, for the inbox table.
public struct StampedCopyStatus: Sendable, Equatable, Codable {
    /// Whether the stamped copy says the same as the Word book on the call's key fields.
    public enum Agreement: String, Sendable, Codable {
        /// Compared, and every key field read on both sides is the same.
        case agrees
        /// A key field differs (`submission.scan-mismatch`).
        case differs
        /// A scan on which OCR could not find some key fields' labels (`submission.scan-unchecked`).
        case unchecked
    }

    /// Seals found on the PDF (`submission.seal-found`).
    public var sealsFound: Int = 0
    /// Places the call names where no seal was found (`submission.seal-missing`).
    public var sealsMissing: Int = 0
    /// Nil when there was nothing to compare (no PDF, no Word book, or a scan OCR could not read).
    public var agreement: Agreement? = nil

    public init(sealsFound: Int = 0, sealsMissing: Int = 0, agreement: Agreement? = nil) {
        self.sealsFound = sealsFound
        self.sealsMissing = sealsMissing
        self.agreement = agreement
    }
}

/// A bureau's decision on a submission.
public enum Decision: String, Sendable, Codable, CaseIterable {
    case recommended
    case notRecommended = "not-recommended"

    public var chineseName: String { self == .recommended ? "推荐" : "不推荐" }
}

/// One stored file of a submission (the original bytes live in the blob store under `sha256`).
public struct StoredFile: Sendable, Equatable, Codable {
    public var id: Int64
    public var submissionID: Int64
    /// The path as uploaded (inside its folder or zip), shown to the clerk and used as the download name.
    public var name: String
    public var sha256: String
    public var size: Int64
    /// book / attachment / unread
    public var kind: String
    /// Fields extracted from the book, in catalogue order.
    public var fields: [ExtractedField]
    /// Why the file could not be read, if it could not.
    public var readError: String?
    /// When a re-upload replaced this file, and the file that replaced it (the row stays as history).
    public var replacedAt: Date? = nil
    public var replacedBy: Int64? = nil

    public var isCurrent: Bool { replacedAt == nil }
}

/// A field read from a book, with its label as the form prints it.
public struct ExtractedField: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var value: String
}

/// A finding as stored: on a file, or on the submission as a whole (`fileID` nil).
public struct StoredFinding: Sendable, Equatable, Codable {
    public var submissionID: Int64
    public var fileID: Int64?
    /// error / warning / info
    public var severity: String
    public var rule: String
    public var field: String?
    /// The field's label as the form prints it.
    public var label: String?
    public var message: String
}

/// Everything one upload adds to an inbox, stored in one transaction after its files are in the blob store.
public struct NewUpload: Sendable {
    public struct File: Sendable {
        public var name: String
        public var sha256: String
        public var size: Int64
        public var kind: String
        public var fields: [ExtractedField]
        public var readError: String?
        public var findings: [StoredFinding]
        /// The file a re-upload brought (the others of the submission were stored before).
        public var isReplacement: Bool = false
    }

    public struct Submission: Sendable {
        public var name: String
        public var callID: String?
        public var applicant: String?
        public var projectName: String?
        public var uscc: String?
        public var hasWord: Bool
        public var hasPDF: Bool
        public var stampedCopy: StampedCopyStatus
        public var files: [File]
        /// Findings on the submission as a whole.
        public var findings: [StoredFinding]
    }

    public var inboxID: Int64
    public var accountID: Int64
    public var submissions: [Submission]
    /// Files refused or left out, with the reason (stored with the upload for its history).
    public var refused: [String]
}

/// An upload (or the replacement of one file) waiting to be read, or read. Its files wait in their own
/// folder under the data folder until the books are stored, so a restart goes on where a crash stopped.
public struct ReadingJob: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        case waiting, done, failed
    }

    public var id: Int64
    public var inboxID: Int64
    public var accountID: Int64
    /// The folder's name under the data folder's `jobs/`.
    public var folder: String
    /// A re-upload: the file it replaces, and the new file's path in the job's folder.
    public var replacesFileID: Int64?
    public var replacement: String?
    public var state: State
    /// Files refused or left out, with the reason.
    public var refused: [String]
    /// The submissions stored (new ones, or the one whose file was replaced).
    public var submissionIDs: [Int64]
    /// Why the job failed, in Chinese.
    public var error: String?
    public var createdAt: Date
    public var finishedAt: Date?
}
