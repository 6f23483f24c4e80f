import Foundation

/// Everything the desk keeps, behind one protocol: SQLite (`SQLiteDeskStore`) is the embedded default;
/// a PostgreSQL store for a province-wide desk implements the same methods. Access checks are not the
/// store's: callers pass the signed-in account to `DeskAccess`, which asks by id.
public protocol DeskStore: Sendable {
    // Accounts
    func account(id: Int64) async throws -> Account?
    func account(login: String) async throws -> Account?
    func accounts() async throws -> [Account]
    func hasAdministrator() async throws -> Bool
    /// Creates an administrator; throws `DeskStoreError.duplicateLogin` when the name is taken.
    func createAdministrator(login: String, displayName: String, passwordHash: String) async throws -> Account
    /// Creates a bureau and its inboxes (one per call).
    func createBureau(_ bureau: NewBureau, passwordHash: String) async throws -> Account
    /// Sets a bureau's calls and quotas (an inbox of a call no longer listed is removed if it is empty;
    /// `DeskStoreError.inboxNotEmpty` otherwise) and, with `passwordHash`, its password, ending its sessions.
    /// One transaction.
    func updateBureau(accountID: Int64, calls: [String: Int?], passwordHash: String?) async throws

    /// Registers an applicant (login = its 统一社会信用代码); `DeskStoreError.duplicateLogin` when registered already.
    func createApplicant(_ applicant: NewApplicant, passwordHash: String) async throws -> Account

    // Applications
    func applications(accountID: Int64) async throws -> [StoredApplication]
    func application(id: Int64) async throws -> StoredApplication?
    func createApplication(accountID: Int64, callID: String, data: String, at: Date) async throws -> StoredApplication
    /// Saves an application's data and the findings of checking it, in one write.
    func saveApplication(id: Int64, data: String, findings: [StoredFinding], at: Date) async throws
    /// Records that the application went to `inboxID` by reading job `jobID`; `DeskStoreError.submittedAlready`
    /// when it had been submitted.
    func markSubmitted(applicationID: Int64, inboxID: Int64, jobID: Int64, at: Date) async throws

    // Sessions
    func createSession(_ session: DeskSession) async throws
    func session(tokenHash: String, now: Date) async throws -> DeskSession?
    func deleteSession(tokenHash: String) async throws

    // Login throttling: failed attempts per key (an account or an address) since a time.
    func recordLoginFailure(keys: [String], at: Date) async throws
    func loginFailures(key: String, since: Date) async throws -> Int
    func clearLoginFailures(key: String) async throws

    // Inboxes, submissions, files, findings
    func inboxes(accountID: Int64?) async throws -> [Inbox]
    func inbox(id: Int64) async throws -> Inbox?
    func submissions(inboxID: Int64) async throws -> [StoredSubmission]
    func submission(id: Int64) async throws -> StoredSubmission?
    func files(submissionID: Int64) async throws -> [StoredFile]
    func file(id: Int64) async throws -> StoredFile?
    func findings(submissionID: Int64) async throws -> [StoredFinding]
    /// Stores an upload's submissions, files and findings in one transaction; returns the new submissions' ids.
    /// With `job`, that job is marked done (with those ids) in the same transaction.
    func store(_ upload: NewUpload, at: Date, job: Int64?) async throws -> [Int64]
    /// Replaces file `fileID` of its submission: the submission takes `replacement`'s files, fields, findings
    /// and status; the old file's row stays as history (`replacedAt`, `replacedBy`), its decision stays.
    /// Marks `job` done in the same transaction.
    func replace(fileID: Int64, with replacement: NewUpload.Submission, at: Date, job: Int64) async throws

    // Reading jobs
    func createJob(inboxID: Int64, accountID: Int64, folder: String, replacing: (fileID: Int64, newFile: String)?, refused: [String],
                   at: Date) async throws -> ReadingJob
    func job(id: Int64) async throws -> ReadingJob?
    /// Jobs not yet done or failed, oldest first (resumed at start).
    func waitingJobs() async throws -> [ReadingJob]
    func failJob(id: Int64, error: String, at: Date) async throws
    /// Records a decision (nil: undecided again). Recommending beyond `quota` recommended submissions in the
    /// inbox throws `DeskStoreError.quotaFull`; the count and the change are one transaction.
    func decide(submissionID: Int64, decision: Decision?, note: String, by accountID: Int64, at: Date, quota: Int?) async throws
    /// Every sha256 some file row names (for sweeping orphan blobs at start).
    func referencedBlobs() async throws -> Set<String>
}

public enum DeskStoreError: Error, Equatable, CustomStringConvertible {
    case duplicateLogin(String)
    case quotaFull(Int)
    case replacedAlready
    case inboxNotEmpty(String)
    case submittedAlready

    public var description: String {
        switch self {
        case .duplicateLogin(let login): return "登录名 \(login) 已被使用"
        case .quotaFull(let quota): return "推荐名额已满（本申报类别最多推荐 \(quota) 个），请先将其他材料改为不推荐"
        case .submittedAlready: return "该申报已提交，不能再修改或重复提交；如需修改请联系推荐单位"
        case .inboxNotEmpty(let call): return "申报类别 \(call) 的收件箱中已有材料，不能取消该类别"
        case .replacedAlready: return "该文件已被另一次上传替换，请在材料页面重新选择要替换的文件"
        }
    }
}
