import Foundation
import GRDB
import Synchronization

/// The embedded store: one SQLite file (`desk.sqlite`) in WAL mode through a GRDB `DatabasePool`, so
/// pages read while an upload is being written. Migrations run at open (`DeskMigrations`).
public final class SQLiteDeskStore: DeskStore {
    private let pool: DatabasePool
    /// Bumped after every write this store commits (the desk's process is the only writer of submissions).
    private let generation = Atomic<UInt64>(0)
    /// Each inbox's submissions with the generation they were read at: the inbox page reads them on every request.
    private let inboxRows = Mutex<[Int64: (generation: UInt64, rows: [StoredSubmission])]>([:])

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)  // WAL is the pool's journal mode
        try DeskMigrations.migrator.migrate(pool)
    }

    /// The journal mode in use (`wal`), for tests and the start-up log.
    public func journalMode() throws -> String {
        try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }

    // MARK: Accounts

    public func account(id: Int64) async throws -> Account? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM account WHERE id = ?", arguments: [id]).map(Self.account) }
    }

    public func account(login: String) async throws -> Account? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM account WHERE login = ?", arguments: [login]).map(Self.account) }
    }

    public func accounts() async throws -> [Account] {
        try await pool.read { try Row.fetchAll($0, sql: "SELECT * FROM account ORDER BY role, region, display_name").map(Self.account) }
    }

    public func hasAdministrator() async throws -> Bool {
        try await pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM account WHERE role = 'admin'") ?? 0 > 0 }
    }

    public func createAdministrator(login: String, displayName: String, passwordHash: String) async throws -> Account {
        try await write { db in
            try Self.insertAccount(db, login: login, displayName: displayName, role: .administrator, region: "", passwordHash: passwordHash)
        }
    }

    public func createBureau(_ bureau: NewBureau, passwordHash: String) async throws -> Account {
        try await write { db in
            let account = try Self.insertAccount(db, login: bureau.login, displayName: bureau.displayName, role: .bureau,
                                                 region: bureau.region, passwordHash: passwordHash)
            for (call, quota) in bureau.calls.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO inbox (account_id, call_id, quota) VALUES (?, ?, ?)",
                               arguments: [account.id, call, quota ?? nil])
            }
            return account
        }
    }

    public func updateBureau(accountID: Int64, calls: [String: Int?], passwordHash: String?) async throws {
        try await write { db in
            let existing = try Row.fetchAll(db, sql: "SELECT id, call_id FROM inbox WHERE account_id = ?", arguments: [accountID])
            for row in existing {
                let id: Int64 = row["id"], call: String = row["call_id"]
                if let quota = calls[call] {
                    try db.execute(sql: "UPDATE inbox SET quota = ? WHERE id = ?", arguments: [quota, id])
                } else {
                    let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE inbox_id = ?", arguments: [id]) ?? 0
                        + (Int.fetchOne(db, sql: "SELECT COUNT(*) FROM job WHERE inbox_id = ? AND state = 'waiting'", arguments: [id]) ?? 0)
                    if held > 0 { throw DeskStoreError.inboxNotEmpty(call) }
                    try db.execute(sql: "DELETE FROM inbox WHERE id = ?", arguments: [id])
                }
            }
            let known = Set(existing.map { $0["call_id"] as String })
            for (call, quota) in calls.sorted(by: { $0.key < $1.key }) where !known.contains(call) {
                try db.execute(sql: "INSERT INTO inbox (account_id, call_id, quota) VALUES (?, ?, ?)", arguments: [accountID, call, quota ?? nil])
            }
            if let passwordHash {
                try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [passwordHash, accountID])
                try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [accountID])
            }
        }
    }

    public func createApplicant(_ applicant: NewApplicant, passwordHash: String) async throws -> Account {
        try await write { db in
            var account = try Self.insertAccount(db, login: applicant.uscc, displayName: applicant.name, role: .applicant, region: "",
                                                 passwordHash: passwordHash)
            try db.execute(sql: "UPDATE account SET contact = ? WHERE id = ?", arguments: [applicant.contact, account.id])
            account.contact = applicant.contact
            return account
        }
    }

    // MARK: Applications

    public func applications(accountID: Int64) async throws -> [StoredApplication] {
        try await pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM application WHERE account_id = ? ORDER BY updated_at DESC, id", arguments: [accountID])
                .map(Self.application)
        }
    }

    public func application(id: Int64) async throws -> StoredApplication? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM application WHERE id = ?", arguments: [id]).map(Self.application) }
    }

    public func createApplication(accountID: Int64, callID: String, data: String, at: Date) async throws -> StoredApplication {
        try await write { db in
            try db.execute(sql: "INSERT INTO application (account_id, call_id, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [accountID, callID, data, at.timeIntervalSince1970, at.timeIntervalSince1970])
            return StoredApplication(id: db.lastInsertedRowID, accountID: accountID, callID: callID, data: data, findings: [],
                                     createdAt: at, updatedAt: at)
        }
    }

    public func saveApplication(id: Int64, data: String, findings: [StoredFinding], at: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE application SET data = ?, findings = ?, updated_at = ? WHERE id = ? AND submitted_at IS NULL",
                           arguments: [data, Self.json(findings), at.timeIntervalSince1970, id])
            if db.changesCount == 0 { throw DeskStoreError.submittedAlready }
        }
    }

    public func markSubmitted(applicationID: Int64, inboxID: Int64, jobID: Int64, at: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE application SET inbox_id = ?, job_id = ?, submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
                           arguments: [inboxID, jobID, at.timeIntervalSince1970, applicationID])
            if db.changesCount == 0 { throw DeskStoreError.submittedAlready }
        }
    }

    private static func application(_ row: Row) -> StoredApplication {
        let findings = (try? JSONDecoder().decode([StoredFinding].self, from: Data((row["findings"] as String).utf8))) ?? []
        return StoredApplication(id: row["id"], accountID: row["account_id"], callID: row["call_id"], data: row["data"], findings: findings,
                                 createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: Date(timeIntervalSince1970: row["updated_at"]),
                                 inboxID: row["inbox_id"], jobID: row["job_id"],
                                 submittedAt: (row["submitted_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    private static func insertAccount(_ db: Database, login: String, displayName: String, role: AccountRole, region: String,
                                      passwordHash: String) throws -> Account {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM account WHERE login = ?", arguments: [login]) ?? 0 > 0 {
            throw DeskStoreError.duplicateLogin(login)
        }
        let now = Date()
        try db.execute(sql: """
            INSERT INTO account (login, display_name, role, region, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [login, displayName, role.rawValue, region, passwordHash, now.timeIntervalSince1970])
        return Account(id: db.lastInsertedRowID, login: login, displayName: displayName, role: role, region: region,
                       passwordHash: passwordHash, createdAt: now)
    }

    private static func account(_ row: Row) -> Account {
        Account(id: row["id"], login: row["login"], displayName: row["display_name"],
                role: AccountRole(rawValue: row["role"]) ?? .bureau, region: row["region"],
                passwordHash: row["password_hash"], createdAt: Date(timeIntervalSince1970: row["created_at"]), contact: row["contact"] ?? "")
    }

    // MARK: Sessions

    public func createSession(_ session: DeskSession) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [session.createdAt.timeIntervalSince1970])
            try db.execute(sql: """
                INSERT INTO session (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [session.tokenHash, session.accountID, session.csrfToken,
                                 session.createdAt.timeIntervalSince1970, session.expiresAt.timeIntervalSince1970])
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> DeskSession? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE token_hash = ? AND expires_at > ?",
                             arguments: [tokenHash, now.timeIntervalSince1970]).map { row in
                DeskSession(tokenHash: row["token_hash"], accountID: row["account_id"], csrfToken: row["csrf_token"],
                            createdAt: Date(timeIntervalSince1970: row["created_at"]),
                            expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
            }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write { try $0.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    // MARK: Login throttling

    public func recordLoginFailure(keys: [String], at: Date) async throws {
        try await write { db in
            // Old attempts no longer count toward any limit.
            try db.execute(sql: "DELETE FROM login_failure WHERE at < ?", arguments: [at.timeIntervalSince1970 - 86_400])
            for key in keys {
                try db.execute(sql: "INSERT INTO login_failure (key, at) VALUES (?, ?)", arguments: [key, at.timeIntervalSince1970])
            }
        }
    }

    public func loginFailures(key: String, since: Date) async throws -> Int {
        try await pool.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM login_failure WHERE key = ? AND at >= ?",
                             arguments: [key, since.timeIntervalSince1970]) ?? 0
        }
    }

    public func clearLoginFailures(key: String) async throws {
        try await write { try $0.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [key]) }
    }

    // MARK: Inboxes and submissions

    public func inboxes(accountID: Int64?) async throws -> [Inbox] {
        try await pool.read { db in
            let rows = if let accountID {
                try Row.fetchAll(db, sql: "SELECT * FROM inbox WHERE account_id = ? ORDER BY call_id", arguments: [accountID])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM inbox ORDER BY account_id, call_id")
            }
            return rows.map(Self.inbox)
        }
    }

    public func inbox(id: Int64) async throws -> Inbox? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM inbox WHERE id = ?", arguments: [id]).map(Self.inbox) }
    }

    private static func inbox(_ row: Row) -> Inbox {
        Inbox(id: row["id"], accountID: row["account_id"], callID: row["call_id"], quota: row["quota"])
    }

    public func submissions(inboxID: Int64) async throws -> [StoredSubmission] {
        let seen = generation.load(ordering: .sequentiallyConsistent)
        if let kept = inboxRows.withLock({ $0[inboxID] }), kept.generation == seen { return kept.rows }
        let rows = try await pool.read {
            try Row.fetchAll($0, sql: "SELECT \(Self.submissionColumns) FROM submission WHERE inbox_id = ? ORDER BY arrived_at DESC, id",
                             arguments: [inboxID]).map(Self.submission)
        }
        // Read at `seen` or later: a write committed meanwhile has bumped the generation, so this is read again.
        inboxRows.withLock { $0[inboxID] = (seen, rows) }
        return rows
    }

    /// `pool.write`, then a new generation (also after a failed write: reading again is harmless).
    private func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        defer { generation.add(1, ordering: .sequentiallyConsistent) }
        return try await pool.write(updates)
    }

    public func submission(id: Int64) async throws -> StoredSubmission? {
        try await pool.read {
            try Row.fetchOne($0, sql: "SELECT \(Self.submissionColumns) FROM submission WHERE id = ?", arguments: [id]).map(Self.submission)
        }
    }

    /// The submission columns in the order `submission(_:)` reads them, by position: a value read by column name
    /// costs a case-insensitive search of the names, which was most of the time of a 1,000-row inbox.
    private static let submissionColumns = """
        id, inbox_id, upload_id, name, call_id, applicant, project_name, uscc, has_word, has_pdf, errors, warnings, arrived_at, \
        decision, decision_note, seals_found, seals_missing, copy_state
        """

    private static func submission(_ row: Row) -> StoredSubmission {
        StoredSubmission(id: row[0], inboxID: row[1], uploadID: row[2], name: row[3], callID: row[4],
                         applicant: row[5], projectName: row[6], uscc: row[7],
                         hasWord: row[8], hasPDF: row[9], errors: row[10], warnings: row[11],
                         arrivedAt: Date(timeIntervalSince1970: row[12]),
                         decision: (row[13] as String?).flatMap(Decision.init(rawValue:)), decisionNote: row[14] ?? "",
                         stampedCopy: StampedCopyStatus(sealsFound: row[15], sealsMissing: row[16],
                                                        agreement: (row[17] as String?).flatMap(StampedCopyStatus.Agreement.init(rawValue:))))
    }

    public func files(submissionID: Int64) async throws -> [StoredFile] {
        try await pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM file WHERE submission_id = ? ORDER BY id", arguments: [submissionID]).map(Self.file)
        }
    }

    public func file(id: Int64) async throws -> StoredFile? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM file WHERE id = ?", arguments: [id]).map(Self.file) }
    }

    private static func file(_ row: Row) -> StoredFile {
        let fieldsJSON: String = row["fields"]
        let fields = (try? JSONDecoder().decode([ExtractedField].self, from: Data(fieldsJSON.utf8))) ?? []
        return StoredFile(id: row["id"], submissionID: row["submission_id"], name: row["name"], sha256: row["sha256"],
                          size: row["size"], kind: row["kind"], fields: fields, readError: row["read_error"],
                          replacedAt: (row["replaced_at"] as Double?).map(Date.init(timeIntervalSince1970:)), replacedBy: row["replaced_by"])
    }

    public func findings(submissionID: Int64) async throws -> [StoredFinding] {
        try await pool.read {
            try Row.fetchAll($0, sql: "SELECT * FROM finding WHERE submission_id = ? ORDER BY id", arguments: [submissionID]).map { row in
                StoredFinding(submissionID: row["submission_id"], fileID: row["file_id"], severity: row["severity"], rule: row["rule"],
                              field: row["field"], label: row["label"], message: row["message"])
            }
        }
    }

    public func store(_ upload: NewUpload, at: Date, job: Int64?) async throws -> [Int64] {
        try await write { db in
            try db.execute(sql: "INSERT INTO upload (inbox_id, account_id, created_at, refused) VALUES (?, ?, ?, ?)",
                           arguments: [upload.inboxID, upload.accountID, at.timeIntervalSince1970, Self.json(upload.refused)])
            let uploadID = db.lastInsertedRowID
            var ids: [Int64] = []
            for submission in upload.submissions {
                try db.execute(sql: """
                    INSERT INTO submission (inbox_id, upload_id, name, call_id, has_word, has_pdf, errors, warnings, arrived_at)
                    VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?)
                    """, arguments: [upload.inboxID, uploadID, submission.name, submission.callID, at.timeIntervalSince1970])
                let submissionID = db.lastInsertedRowID
                try Self.fill(submissionID, with: submission, db)
                ids.append(submissionID)
            }
            if let job {  // the refusals of reading (files of no submission) join those of the upload, for the job's page
                try db.execute(sql: "UPDATE job SET state = 'done', submission_ids = ?, refused = ?, finished_at = ? WHERE id = ?",
                               arguments: [Self.json(ids), Self.json(upload.refused), at.timeIntervalSince1970, job])
            }
            return ids
        }
    }

    public func replace(fileID: Int64, with replacement: NewUpload.Submission, at: Date, job: Int64) async throws {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT submission_id, replaced_at FROM file WHERE id = ?", arguments: [fileID]),
                  (row["replaced_at"] as Double?) == nil else { throw DeskStoreError.replacedAlready }
            let submissionID: Int64 = row["submission_id"]
            // The old file stays as history; the other current files and every current finding are stored anew.
            try db.execute(sql: "UPDATE file SET replaced_at = ? WHERE id = ?", arguments: [at.timeIntervalSince1970, fileID])
            try db.execute(sql: "DELETE FROM finding WHERE submission_id = ? AND (file_id IS NULL OR file_id IN (SELECT id FROM file WHERE replaced_at IS NULL))",
                           arguments: [submissionID])
            try db.execute(sql: "DELETE FROM file WHERE submission_id = ? AND replaced_at IS NULL", arguments: [submissionID])
            let newFiles = try Self.fill(submissionID, with: replacement, db)
            let successor = newFiles.first { $0.isNew }
            try db.execute(sql: "UPDATE file SET replaced_by = ? WHERE id = ?", arguments: [successor?.id, fileID])
            try db.execute(sql: "UPDATE job SET state = 'done', submission_ids = ?, finished_at = ? WHERE id = ?",
                           arguments: [Self.json([submissionID]), at.timeIntervalSince1970, job])
        }
    }

    /// Writes a submission's facts, files and findings; returns the files' ids and names.
    @discardableResult
    private static func fill(_ submissionID: Int64, with submission: NewUpload.Submission, _ db: Database) throws -> [(id: Int64, name: String, isNew: Bool)] {
        let all = submission.findings + submission.files.flatMap(\.findings)
        try db.execute(sql: """
            UPDATE submission SET applicant = ?, project_name = ?, uscc = ?, has_word = ?, has_pdf = ?, errors = ?, warnings = ?,
                                  seals_found = ?, seals_missing = ?, copy_state = ? WHERE id = ?
            """, arguments: [submission.applicant, submission.projectName, submission.uscc, submission.hasWord, submission.hasPDF,
                             all.filter { $0.severity == "error" }.count, all.filter { $0.severity == "warning" }.count,
                             submission.stampedCopy.sealsFound, submission.stampedCopy.sealsMissing,
                             submission.stampedCopy.agreement?.rawValue, submissionID])
        for finding in submission.findings {
            try insert(finding, submissionID: submissionID, fileID: nil, db)
        }
        var stored: [(id: Int64, name: String, isNew: Bool)] = []
        for file in submission.files {
            try db.execute(sql: """
                INSERT INTO file (submission_id, name, sha256, size, kind, fields, read_error) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [submissionID, file.name, file.sha256, file.size, file.kind, json(file.fields), file.readError])
            let fileID = db.lastInsertedRowID
            stored.append((fileID, file.name, file.isReplacement))
            for finding in file.findings {
                try insert(finding, submissionID: submissionID, fileID: fileID, db)
            }
        }
        return stored
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private static func insert(_ finding: StoredFinding, submissionID: Int64, fileID: Int64?, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO finding (submission_id, file_id, severity, rule, field, label, message) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [submissionID, fileID, finding.severity, finding.rule, finding.field, finding.label, finding.message])
    }

    public func decide(submissionID: Int64, decision: Decision?, note: String, by accountID: Int64, at: Date, quota: Int?) async throws {
        try await write { db in
            if decision == .recommended, let quota {
                let others = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM submission WHERE decision = 'recommended' AND id != ?
                      AND inbox_id = (SELECT inbox_id FROM submission WHERE id = ?)
                    """, arguments: [submissionID, submissionID]) ?? 0
                if others >= quota { throw DeskStoreError.quotaFull(quota) }
            }
            try db.execute(sql: "UPDATE submission SET decision = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?",
                           arguments: [decision?.rawValue, note, at.timeIntervalSince1970, accountID, submissionID])
        }
    }

    // MARK: Reading jobs

    public func createJob(inboxID: Int64, accountID: Int64, folder: String, replacing: (fileID: Int64, newFile: String)?, refused: [String],
                          at: Date) async throws -> ReadingJob {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO job (inbox_id, account_id, folder, replaces_file_id, replacement, state, refused, created_at)
                VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)
                """, arguments: [inboxID, accountID, folder, replacing?.fileID, replacing?.newFile, Self.json(refused), at.timeIntervalSince1970])
            return ReadingJob(id: db.lastInsertedRowID, inboxID: inboxID, accountID: accountID, folder: folder,
                              replacesFileID: replacing?.fileID, replacement: replacing?.newFile,
                              state: .waiting, refused: refused, submissionIDs: [], error: nil, createdAt: at, finishedAt: nil)
        }
    }

    public func job(id: Int64) async throws -> ReadingJob? {
        try await pool.read { try Row.fetchOne($0, sql: "SELECT * FROM job WHERE id = ?", arguments: [id]).map(Self.job) }
    }

    public func waitingJobs() async throws -> [ReadingJob] {
        try await pool.read { try Row.fetchAll($0, sql: "SELECT * FROM job WHERE state = 'waiting' ORDER BY id").map(Self.job) }
    }

    public func failJob(id: Int64, error: String, at: Date) async throws {
        try await write {
            try $0.execute(sql: "UPDATE job SET state = 'failed', error = ?, finished_at = ? WHERE id = ?",
                           arguments: [error, at.timeIntervalSince1970, id])
        }
    }

    private static func job(_ row: Row) -> ReadingJob {
        let decode = { (text: String) in (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [] }
        let ids = (try? JSONDecoder().decode([Int64].self, from: Data((row["submission_ids"] as String).utf8))) ?? []
        return ReadingJob(id: row["id"], inboxID: row["inbox_id"], accountID: row["account_id"], folder: row["folder"],
                          replacesFileID: row["replaces_file_id"], replacement: row["replacement"], state: ReadingJob.State(rawValue: row["state"]) ?? .failed,
                          refused: decode(row["refused"]), submissionIDs: ids, error: row["error"],
                          createdAt: Date(timeIntervalSince1970: row["created_at"]),
                          finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    public func referencedBlobs() async throws -> Set<String> {
        try await pool.read { Set(try String.fetchAll($0, sql: "SELECT DISTINCT sha256 FROM file")) }
    }
}
