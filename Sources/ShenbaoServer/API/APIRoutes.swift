import Foundation
import Hummingbird

/// The JSON API under `/api/v1`: every operation the pages offer, with the same access checks and the same
/// code underneath (sign-in, upload, replacement, decision and downloads are the pages' own functions).
/// Described by `OpenAPIDocument` (served at `/openapi.yaml`). Requests other than GET carry the session's
/// token in `X-CSRF-Token`; signing in takes a JSON body, which no other site's page can send.
struct APIRoutes {
    static let prefix = "/api/v1"

    let desk: Desk

    func add(to router: Router<DeskContext>) {
        let auth = AuthRoutes(desk: desk)
        let inboxes = InboxRoutes(desk: desk)
        let api = router.group(RouterPath(Self.prefix))
        api.post("/session") { request, context in try await signIn(request, context, auth) }
        api.get("/session") { _, context in try APIResponse.json(try sessionInfo(context)) }
        api.delete("/session") { request, _ -> Response in
            var response = Response(status: .noContent)
            response.headers[.setCookie] = try await auth.signOut(request)
            return response
        }
        api.get("/inboxes") { _, context in try APIResponse.json(try await InboxSummary.all(desk, for: try context.signedIn())) }
        api.get("/inboxes/:id") { request, context in APIResponse.json(bytes: try await inbox(request, context, inboxes).json) }
        api.post("/inboxes/:id/upload") { request, context in
            try APIResponse.json(try await JobRoutes(desk: desk).status(of: try await inboxes.upload(request, context), context), status: .accepted)
        }
        api.get("/submissions/:id") { _, context in try APIResponse.json(try await submission(context, inboxes)) }
        api.post("/submissions/:id/decision") { request, context in
            let body = try await Self.decode(DecisionRequest.self, request)
            return try APIResponse.json(try await inboxes.record(decision: body.decision, note: body.note ?? "", context))
        }
        api.post("/files/:id/replace") { request, context in
            try APIResponse.json(try await JobRoutes(desk: desk).status(of: try await inboxes.replace(request, context), context), status: .accepted)
        }
        let applicants = ApplicantRoutes(desk: desk)
        api.post("/register") { request, context in
            let body = try await Self.decode(RegisterRequest.self, request)
            let (account, cookie, session) = try await applicants.register(
                NewApplicant(uscc: body.uscc, name: body.name, contact: body.contact, password: body.password), address: context.remoteAddress)
            var response = try APIResponse.json(SessionInfo(account: AccountView(account), csrfToken: session.csrfToken), status: .created)
            response.headers[.setCookie] = cookie
            return response
        }
        api.get("/applications") { _, context in
            let account = try applicants.access(context).account
            return try APIResponse.json(try await desk.store.applications(accountID: account.id).map { ApplicationView($0, desk: desk) })
        }
        api.post("/applications") { request, context in
            let body = try await Self.decode(NewApplicationRequest.self, request)
            return try APIResponse.json(try ApplicationDetail(try await applicants.start(call: body.call, context), desk: desk), status: .created)
        }
        api.get("/applications/:id") { _, context in
            let application = try await applicants.access(context).application(context.parameters.get("id", as: Int64.self))
            return try APIResponse.json(try ApplicationDetail(application, desk: desk))
        }
        api.post("/applications/:id") { request, context in
            let application = try await applicants.access(context).application(context.parameters.get("id", as: Int64.self))
            let body = try await Self.decode(ApplicationDataRequest.self, request)
            let saved = try await applicants.save(body.data.mapValues(\.any), to: application)
            return try APIResponse.json(try ApplicationDetail(saved, desk: desk))
        }
        api.post("/applications/:id/import") { request, context in
            try APIResponse.json(try ApplicationDetail(try await applicants.readBook(request, context).application, desk: desk))
        }
        api.post("/applications/:id/submit") { request, context in
            try APIResponse.json(try ApplicationDetail(try await applicants.submit(request, context), desk: desk), status: .accepted)
        }
        api.get("/accounts") { _, context in
            try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
            return try APIResponse.json(try await desk.store.accounts().map(AccountView.init))
        }
        api.post("/accounts") { request, context in
            try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
            let body = try await Self.decode(NewBureauRequest.self, request)
            let account = try await AdminRoutes(desk: desk).create(NewBureau(login: body.login, displayName: body.displayName, region: body.region,
                                                                            password: body.password, calls: body.calls))
            return try APIResponse.json(AccountView(account), status: .created)
        }
        api.get("/accounts/:id") { _, context in
            try APIResponse.json(try await InboxSummary.all(desk, for: try await AdminRoutes(desk: desk).bureau(context)))
        }
        api.post("/accounts/:id") { request, context in
            let account = try await AdminRoutes(desk: desk).bureau(context)
            let body = try await Self.decode(BureauChangeRequest.self, request)
            try await desk.updateBureau(account, calls: body.calls, password: body.password)
            return try APIResponse.json(try await InboxSummary.all(desk, for: account))
        }
    }

    // MARK: Bodies and answers

    struct SignInRequest: Decodable { var login: String; var password: String }
    struct RegisterRequest: Decodable { var uscc: String; var name: String; var contact: String; var password: String }
    struct NewApplicationRequest: Decodable { var call: String }
    struct ApplicationDataRequest: Decodable {
        /// Field id → value, as a data file for `shenbao fill` holds it.
        var data: [String: JSONValue]
    }

    /// One of an applicant's applications, as its list shows it.
    struct ApplicationView: Encodable {
        var id: Int64
        var callID: String
        var callTitle: String
        var errors: Int
        var warnings: Int
        var updatedAt: Date

        init(_ application: StoredApplication, desk: Desk) {
            id = application.id
            callID = application.callID
            callTitle = desk.spec(application.callID)?.title ?? application.callID
            errors = application.findings.filter { $0.severity == "error" }.count
            warnings = application.findings.filter { $0.severity == "warning" }.count
            updatedAt = application.updatedAt
        }
    }

    /// An application: its data and the findings of checking it now.
    struct ApplicationDetail: Encodable {
        var application: ApplicationView
        var data: [String: JSONValue]
        var findings: [StoredFinding]

        init(_ application: StoredApplication, desk: Desk) throws {
            self.application = ApplicationView(application, desk: desk)
            data = ApplicantRoutes.data(application).mapValues(JSONValue.init)
            findings = application.findings
        }
    }
    struct DecisionRequest: Decodable { var decision: String; var note: String? }
    struct NewBureauRequest: Decodable {
        var login: String
        var displayName: String
        var region: String
        var password: String
        /// Call id → quota (null: the call sets none).
        var calls: [String: Int?]
    }

    struct BureauChangeRequest: Decodable {
        /// Call id → quota (null: none); calls not listed lose their (empty) inbox.
        var calls: [String: Int?]
        /// A new password; the bureau's sessions end.
        var password: String?
    }

    /// An account as the API shows it (never its password hash).
    struct AccountView: Encodable {
        var id: Int64
        var login: String
        var displayName: String
        var role: AccountRole
        var region: String

        init(_ account: Account) {
            id = account.id
            login = account.login
            displayName = account.displayName
            role = account.role
            region = account.region
        }
    }

    struct SessionInfo: Encodable {
        var account: AccountView
        /// The token every request other than GET sends in `X-CSRF-Token`.
        var csrfToken: String
    }

    struct SubmissionDetail: Encodable {
        var submission: StoredSubmission
        /// The submission's files now, and the files re-uploads replaced (history).
        var files: [StoredFile]
        var replacedFiles: [StoredFile]
        var findings: [StoredFinding]
    }

    // MARK: Handlers

    private func signIn(_ request: Request, _ context: DeskContext, _ auth: AuthRoutes) async throws -> Response {
        let body = try await Self.decode(SignInRequest.self, request)
        switch try await auth.signIn(login: body.login.trimmingCharacters(in: .whitespaces), password: body.password, address: context.remoteAddress) {
        case .refused(let status, let message):
            throw DeskError(status, message)
        case .signedIn(let account, let cookie, let session):
            var response = try APIResponse.json(SessionInfo(account: AccountView(account), csrfToken: session.csrfToken))
            response.headers[.setCookie] = cookie
            return response
        }
    }

    private func sessionInfo(_ context: DeskContext) throws -> SessionInfo {
        let account = try context.signedIn()
        return SessionInfo(account: AccountView(account), csrfToken: context.session?.csrfToken ?? "")
    }

    private func inbox(_ request: Request, _ context: DeskContext, _ routes: InboxRoutes) async throws -> InboxDetail {
        let inbox = try await routes.access(context).inbox(context.parameters.get("id", as: Int64.self))
        let submissions = try await desk.store.submissions(inboxID: inbox.id)
        let table = InboxTable(query: InboxRoutes.query(request))
        return InboxDetail(inbox: try await InboxSummary.of(inbox, desk: desk, submissions: submissions),
                           submissions: Array(table.paged(table.rows(submissions)).rows),
                           duplicateCodes: InboxTable.duplicateCodes(submissions).sorted())
    }

    private func submission(_ context: DeskContext, _ routes: InboxRoutes) async throws -> SubmissionDetail {
        let (submission, _) = try await routes.access(context).submission(context.parameters.get("id", as: Int64.self))
        let files = try await desk.store.files(submissionID: submission.id)
        let current = Set(files.filter(\.isCurrent).map(\.id))
        return SubmissionDetail(submission: submission, files: files.filter(\.isCurrent), replacedFiles: files.filter { !$0.isCurrent },
                                findings: try await desk.store.findings(submissionID: submission.id).filter { $0.fileID.map(current.contains) ?? true })
    }

    /// A JSON body of at most 1 MiB, or 400 with a Chinese message.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var request = request
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw DeskError(.unsupportedMediaType, "请求内容须为 JSON（Content-Type: application/json）")
        }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: 1 << 20) } catch { throw DeskError(.contentTooLarge, "请求内容过大") }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: body)) } catch {
            throw DeskError(.badRequest, "请求内容不是有效的 JSON，或缺少必填项")
        }
    }
}
