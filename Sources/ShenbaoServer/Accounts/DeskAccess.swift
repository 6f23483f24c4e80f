/// Every access check, by id, on the server: the administrator may see everything; a bureau only its
/// own inboxes and what is in them. Anything else is answered 404, as if it did not exist.
struct DeskAccess {
    let desk: Desk
    let account: Account

    func inbox(_ id: Int64?) async throws -> Inbox {
        guard let id, let inbox = try await desk.store.inbox(id: id), account.isAdministrator || inbox.accountID == account.id else {
            throw DeskError.notFound
        }
        return inbox
    }

    func submission(_ id: Int64?) async throws -> (StoredSubmission, Inbox) {
        guard let id, let submission = try await desk.store.submission(id: id) else { throw DeskError.notFound }
        return (submission, try await inbox(submission.inboxID))
    }

    func file(_ id: Int64?) async throws -> StoredFile {
        guard let id, let file = try await desk.store.file(id: id) else { throw DeskError.notFound }
        _ = try await submission(file.submissionID)
        return file
    }

    /// An application of the signed-in applicant (anyone else: 404).
    func application(_ id: Int64?) async throws -> StoredApplication {
        guard let id, let application = try await desk.store.application(id: id), application.accountID == account.id else {
            throw DeskError.notFound
        }
        return application
    }

    func administrator() throws {
        guard account.isAdministrator else { throw DeskError.administratorOnly }
    }
}
