import GRDB

/// The desk's database schema, one migration per version, applied in order at start. A migration once
/// released is never edited: a change is a new migration.
enum DeskMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, sessions, inboxes, submissions, files, findings") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'bureau')),
                    region TEXT NOT NULL DEFAULT '',
                    password_hash TEXT NOT NULL,
                    created_at DOUBLE NOT NULL
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    expires_at DOUBLE NOT NULL
                );
                CREATE INDEX session_expiry ON session(expires_at);
                CREATE TABLE login_failure (
                    key TEXT NOT NULL,
                    at DOUBLE NOT NULL
                );
                CREATE INDEX login_failure_key ON login_failure(key, at);
                CREATE TABLE inbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    call_id TEXT NOT NULL,
                    quota INTEGER,
                    UNIQUE (account_id, call_id)
                );
                CREATE TABLE upload (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    inbox_id INTEGER NOT NULL REFERENCES inbox(id) ON DELETE CASCADE,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    created_at DOUBLE NOT NULL,
                    refused TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    inbox_id INTEGER NOT NULL REFERENCES inbox(id) ON DELETE CASCADE,
                    upload_id INTEGER NOT NULL REFERENCES upload(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    call_id TEXT,
                    applicant TEXT,
                    project_name TEXT,
                    uscc TEXT,
                    has_word BOOLEAN NOT NULL,
                    has_pdf BOOLEAN NOT NULL,
                    errors INTEGER NOT NULL,
                    warnings INTEGER NOT NULL,
                    arrived_at DOUBLE NOT NULL
                );
                CREATE INDEX submission_inbox ON submission(inbox_id);
                CREATE TABLE file (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    fields TEXT NOT NULL DEFAULT '[]',
                    read_error TEXT
                );
                CREATE INDEX file_submission ON file(submission_id);
                CREATE TABLE finding (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submission_id INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
                    file_id INTEGER REFERENCES file(id) ON DELETE CASCADE,
                    severity TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    field TEXT,
                    label TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX finding_submission ON finding(submission_id);
                """)
        }
        migrator.registerMigration("v2: recommendation of submissions") { db in
            try db.execute(sql: """
                ALTER TABLE submission ADD COLUMN decision TEXT CHECK (decision IN ('recommended', 'not-recommended'));
                ALTER TABLE submission ADD COLUMN decision_note TEXT NOT NULL DEFAULT '';
                ALTER TABLE submission ADD COLUMN decided_at DOUBLE;
                ALTER TABLE submission ADD COLUMN decided_by INTEGER REFERENCES account(id);
                """)
        }
        migrator.registerMigration("v3: reading jobs, stamped-copy status, replaced files") { db in
            try db.execute(sql: """
                CREATE TABLE job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    inbox_id INTEGER NOT NULL REFERENCES inbox(id) ON DELETE CASCADE,
                    account_id INTEGER NOT NULL REFERENCES account(id),
                    folder TEXT NOT NULL,
                    replaces_file_id INTEGER REFERENCES file(id),
                    replacement TEXT,
                    state TEXT NOT NULL CHECK (state IN ('waiting', 'done', 'failed')),
                    refused TEXT NOT NULL DEFAULT '[]',
                    submission_ids TEXT NOT NULL DEFAULT '[]',
                    error TEXT,
                    created_at DOUBLE NOT NULL,
                    finished_at DOUBLE
                );
                CREATE INDEX job_state ON job(state);
                ALTER TABLE submission ADD COLUMN seals_found INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE submission ADD COLUMN seals_missing INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE submission ADD COLUMN copy_state TEXT;
                ALTER TABLE file ADD COLUMN replaced_at DOUBLE;
                ALTER TABLE file ADD COLUMN replaced_by INTEGER REFERENCES file(id);
                """)
        }
        migrator.registerMigration("v4: applicants and their applications") { db in
            // The role check gains 'applicant': SQLite rebuilds the table (foreign keys are checked after the migration).
            try db.execute(sql: """
                CREATE TABLE account_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'bureau', 'applicant')),
                    region TEXT NOT NULL DEFAULT '',
                    password_hash TEXT NOT NULL,
                    created_at DOUBLE NOT NULL,
                    contact TEXT NOT NULL DEFAULT ''
                );
                INSERT INTO account_new (id, login, display_name, role, region, password_hash, created_at)
                    SELECT id, login, display_name, role, region, password_hash, created_at FROM account;
                DROP TABLE account;
                ALTER TABLE account_new RENAME TO account;
                CREATE TABLE application (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    call_id TEXT NOT NULL,
                    data TEXT NOT NULL DEFAULT '{}',
                    findings TEXT NOT NULL DEFAULT '[]',
                    created_at DOUBLE NOT NULL,
                    updated_at DOUBLE NOT NULL,
                    inbox_id INTEGER REFERENCES inbox(id),
                    job_id INTEGER REFERENCES job(id),
                    submitted_at DOUBLE,
                    UNIQUE (account_id, call_id)
                );
                CREATE INDEX application_account ON application(account_id);
                """)
        }
        return migrator
    }
}
