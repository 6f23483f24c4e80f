import Foundation
import Hummingbird
import ShenbaoKit

/// The applicant's side: registering by 统一社会信用代码, its applications (one per call), the form generated
/// from the call's catalogue, checked on every save by the validator `shenbao validate` runs, and the
/// 申报书, 承诺书 and data downloads written by `fill` and `declaration`'s sequence. Every id is checked:
/// an applicant reaches only its own applications.
struct ApplicantRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/register") { _, context in registerPage(context, status: .ok, message: nil, typed: FormFields("")) }
        router.post("/register") { _, context in try await register(context) }
        router.get("/applications") { _, context in try await list(context) }
        router.post("/applications") { _, context -> Response in
            .redirect(to: "/applications/\(try await start(call: context.form["call"] ?? "", context).id)", type: .normal)
        }
        router.get("/applications/:id") { _, context in try await page(context, saved: false) }
        router.post("/applications/:id") { _, context -> Response in
            let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
            _ = try await save(ApplicationForm.data(from: context.form, spec: try spec(of: application)), to: application)
            return try await page(context, saved: true)
        }
        router.post("/applications/:id/import") { request, context in try await importBook(request, context) }
        router.post("/applications/:id/submit") { request, context -> Response in
            let application = try await submit(request, context)
            return .redirect(to: "/applications/\(application.id)", type: .normal)
        }
        for prefix in ["", APIRoutes.prefix] {
            for kind in BookWriter.Kind.allCases {
                router.get("\(prefix)/applications/:id/\(kind.rawValue).docx") { _, context in try await document(kind, context) }
            }
            router.get("\(prefix)/applications/:id/data.yaml") { _, context in try await data(context, json: false) }
            router.get("\(prefix)/applications/:id/data.json") { _, context in try await data(context, json: true) }
        }
    }

    func access(_ context: DeskContext) throws -> DeskAccess {
        let account = try context.signedIn()
        guard account.isApplicant else { throw DeskError.notFound }
        return DeskAccess(desk: desk, account: account)
    }

    func spec(of application: StoredApplication) throws -> CallSpec {
        guard let spec = desk.spec(application.callID) else { throw DeskError(.serviceUnavailable, "申报类别 \(application.callID) 的模板无法加载") }
        return spec
    }

    // MARK: Registration

    private func registerPage(_ context: DeskContext, status: HTTPResponse.Status, message: String?, typed: FormFields) -> Response {
        var values = Pages.frame(context, title: "申报单位注册")
        for key in ["uscc", "name", "contact"] { values[key] = typed[key] ?? "" }
        if let message { values["message"] = message }
        return AuthRoutes(desk: desk).anonymousForm(status: status, template: "register", values)
    }

    private func register(_ context: DeskContext) async throws -> Response {
        let form = context.form
        let applicant = NewApplicant(uscc: form["uscc"] ?? "", name: form["name"] ?? "", contact: form["contact"] ?? "",
                                     password: form["password"] ?? "")
        do {
            let (_, cookie, _) = try await register(applicant, address: context.remoteAddress)
            var response = Response.redirect(to: "/applications", type: .normal)
            response.headers[.setCookie] = cookie
            return response
        } catch let error as DeskError {
            return registerPage(context, status: error.status, message: error.message, typed: form)
        }
    }

    /// Registers and signs in (the page and the API): the account, its session cookie and session.
    func register(_ applicant: NewApplicant, address: String?) async throws -> (Account, String, DeskSession) {
        let account = try await desk.registerApplicant(applicant)
        switch try await AuthRoutes(desk: desk).signIn(login: account.login, password: applicant.password, address: address) {
        case .signedIn(let account, let cookie, let session): return (account, cookie, session)
        case .refused(let status, let message): throw DeskError(status, message)
        }
    }

    // MARK: Applications

    private func list(_ context: DeskContext) async throws -> Response {
        let account = try access(context).account
        var values = Pages.frame(context, title: "我的申报")
        values["applicant"] = account.displayName
        values["uscc"] = account.login
        let applications = try await desk.store.applications(accountID: account.id)
        values["count"] = applications.count
        var rows: [[String: Any]] = []
        for application in applications {
            let errors = application.findings.filter { $0.severity == "error" }.count
            let warnings = application.findings.filter { $0.severity == "warning" }.count
            let checked = Self.isChecked(application)
            rows.append(["id": application.id, "callTitle": desk.spec(application.callID)?.title ?? application.callID,
                         "errors": checked ? String(errors) : "未检查", "warnings": checked ? String(warnings) : "—",
                         "hasErrors": errors > 0, "hasWarnings": warnings > 0,
                         "updated": InboxRoutes.time(application.updatedAt), "status": try await Self.status(of: application, desk: desk).text])
        }
        values["applications"] = rows
        // The first call without an application is the one offered.
        let started = Set(applications.map(\.callID))
        let offered = desk.specs.first { !started.contains($0.id) }?.id
        values["calls"] = desk.specs.map { ["id": $0.id, "title": $0.title, "selected": $0.id == offered] }
        return Pages.shared.response(template: "applications", values)
    }

    /// The applicant's application for `call`: the one it has, or a new one with its name and code filled in.
    func start(call: String, _ context: DeskContext) async throws -> StoredApplication {
        let account = try access(context).account
        guard let spec = desk.spec(call) else { throw DeskError(.badRequest, "请选择申报类别") }
        if let existing = try await desk.store.applications(accountID: account.id).first(where: { $0.callID == call }) { return existing }
        var data: [String: Any] = [:]
        if let name = spec.submission.applicantName { data[name] = account.displayName }
        if let code = spec.submission.applicantCode { data[code] = account.login }
        // Not checked yet: a form the applicant has not touched shows no findings (see `isChecked`).
        return try await desk.store.createApplication(accountID: account.id, callID: call, data: Self.json(data), at: desk.clock())
    }

    /// Checks `data` as `shenbao validate` checks an applicant's data file and stores both.
    func save(_ data: [String: Any], to application: StoredApplication) async throws -> StoredApplication {
        let spec = try spec(of: application)
        let findings = Self.findings(data, spec: spec)
        let labels = Dictionary(spec.fields.map { ($0.id, $0.displayLabel) }, uniquingKeysWith: { first, _ in first })
        let stored = findings.map {
            StoredFinding(submissionID: 0, fileID: nil, severity: $0.severity.rawValue, rule: $0.rule, field: $0.field,
                          label: $0.field.flatMap { labels[$0] }, message: $0.message)
        }
        do {
            try await desk.store.saveApplication(id: application.id, data: Self.json(data), findings: stored, at: desk.clock())
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
        return try await desk.store.application(id: application.id) ?? application
    }

    /// Saved (and so checked) at least once by the applicant.
    static func isChecked(_ application: StoredApplication) -> Bool { application.updatedAt > application.createdAt }

    static func record(_ data: [String: Any], spec: CallSpec) -> Record {
        DataFileReader(spec: spec).record(from: data, file: "网上填报")
    }

    static func findings(_ data: [String: Any], spec: CallSpec) -> [Finding] {
        ApplicantData.findings(for: record(data, spec: spec), spec: spec)
    }

    static func json(_ data: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func data(_ application: StoredApplication) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(application.data.utf8))) as? [String: Any] ?? [:]
    }

    /// The applicant's own Word (or PDF) book read into the form — the pre-flight check before mailing it: read
    /// in a worker process as `shenbao validate --call` reads it; the values read replace the form's, and what
    /// the reading could not settle (a value not read, a doubtful place) is listed with the findings.
    private func importBook(_ request: Request, _ context: DeskContext) async throws -> Response {
        let imported = try await readBook(request, context)
        return try await page(context, saved: true, imported: (imported.file, imported.fields, imported.reading))
    }

    /// Reads the uploaded book into the application (pages and API): the application saved, the file's name,
    /// how many fields were read, and the reading's own findings.
    func readBook(_ request: Request, _ context: DeskContext) async throws
        -> (application: StoredApplication, file: String, fields: Int, reading: [Finding]) {
        let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
        guard !application.isSubmitted else { throw DeskError(.conflict, DeskStoreError.submittedAlready.description) }
        let spec = try spec(of: application)
        guard let session = context.session else { throw DeskError.csrf }
        let (folder, refused, _) = try await InboxIntake(desk: desk).layOut(request, csrfToken: session.csrfToken, call: spec.id)
        defer { folder.remove() }
        let files = folder.laidOutFiles()
        guard refused.isEmpty, files.count == 1, let file = files.first, ["docx", "pdf", "doc", "wps"].contains(file.fileExtension) else {
            throw DeskError(.unprocessableContent, (refused + ["请选择一个 Word（.docx）或 PDF 申报书"]).joined(separator: "；"))
        }
        let book = await Self.read(folder.root + "/" + file, spec: spec, desk: desk)
        guard let record = book.record, book.error == nil else {
            throw DeskError(.unprocessableContent, "\(file.lastPathComponentText)：\(book.error?.message ?? "未能读出申报书的内容")")
        }
        guard !book.findings.contains(where: { $0.rule == "call.other" }), !record.scanned else {
            throw DeskError(.unprocessableContent, record.scanned ? "这是扫描件，读不出文字；请上传 Word 文件或可复制文字的 PDF"
                                                                   : "这份申报书不是「\(spec.title)」的申报书")
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(RecordJSONWriter.line(for: record).utf8))) as? [String: Any]
        let data = object?["fields"] as? [String: Any] ?? [:]
        let saved = try await save(data, to: application)
        let reading = book.findings.filter { $0.rule.hasPrefix("read.") || $0.rule == "field.ambiguous" || $0.rule == "field.unreadable" }
        return (saved, file.lastPathComponentText, data.count, reading)
    }

    /// One book read in a worker process, with the call's checks.
    static func read(_ path: String, spec: CallSpec, desk: Desk) async -> BookOutcome {
        let workers = desk.configuration.workers(jobs: 1)
        let specs = desk.specs
        return await offServerThreads {
            let report = workers.validate([path], with: BatchValidator(specs: specs, forcedCall: spec))
            return report.submissions.first?.books.first ?? BookOutcome(file: path)
        }
    }

    /// How many of the fields' findings the list at the top of the form shows (all stand beside their fields).
    static let listedFindings = 12

    private func page(_ context: DeskContext, saved: Bool, imported: (file: String, fields: Int, reading: [Finding])? = nil) async throws -> Response {
        let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
        let spec = try spec(of: application)
        let data = Self.data(application)
        let record = Self.record(data, spec: spec)
        let checked = Self.isChecked(application)
        let findings = checked ? ApplicantData.findings(for: record, spec: spec) : []
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        var values = Pages.frame(context, title: spec.title)
        values["id"] = application.id
        values["updated"] = InboxRoutes.time(application.updatedAt)
        values["saved"] = saved
        values["unchecked"] = !checked
        values["hasErrors"] = errors > 0
        values["summary"] = errors + warnings == 0 ? "没有发现问题。" : "发现错误 \(errors) 项、警告 \(warnings) 项，已标在各栏旁边。"
        let general = findings.filter { $0.field == nil || spec.field($0.field!) == nil }
        values["general"] = general.map { ["severity": $0.severity.rawValue, "rule": $0.rule, "message": $0.message] }
        values["hasGeneral"] = !general.isEmpty
        let form = ApplicationForm(spec: spec)
        values["form"] = form.values(data: data, findings: findings)
        let byField = form.findingsByField(findings)
        values["fieldFindings"] = Array(byField.prefix(Self.listedFindings))
        values["hasFieldFindings"] = !byField.isEmpty
        if byField.count > Self.listedFindings { values["moreFieldFindings"] = byField.count - Self.listedFindings }
        if checked, let rules = try? ClassificationRules.load(from: spec.directory) {
            // An enterprise call (培育库): its class under the statistics rules, as `shenbao classify` decides it.
            if let classification = EnterpriseClassifier(rules: rules).classify(record) {
                values["classification"] = ["class": classification.enterpriseClass.rawValue, "reason": classification.reason,
                                            "rule": classification.rule, "counted": String(format: "%.2f", classification.countedValue),
                                            "percent": String(format: "%g", classification.countedPercent)]
            } else {
                values["classificationPending"] = true
            }
        }
        if let imported {
            // What the reading could not settle, each linked to its field where it names one.
            values["imported"] = ["file": imported.file, "fields": imported.fields,
                                  "reading": imported.reading.map { finding -> [String: Any] in
                                      var item: [String: Any] = ["severity": finding.severity.rawValue, "message": finding.message]
                                      if let id = finding.field, let field = spec.field(id) {
                                          item["anchor"] = ApplicationForm.htmlID(id) + "-box"
                                          item["label"] = ApplicationForm.label(of: field, in: spec)
                                      }
                                      return item
                                  },
                                  "hasReading": !imported.reading.isEmpty]
        }
        let status = try await Self.status(of: application, desk: desk)
        values["submitted"] = application.isSubmitted
        let writer = BookWriter(spec: spec)
        values["hasBook"] = writer.templatePath(.book) != nil
        values["hasDeclaration"] = writer.templatePath(.declaration) != nil
        values["status"] = status.text
        if !application.isSubmitted {
            values["bureaus"] = try await BureauChoice.load(call: spec, desk: desk).values(for: record)
            values["attachments"] = Self.attachmentsAsked(record, spec: spec)
            values["errorCount"] = errors
        }
        return Pages.shared.response(template: "application", values)
    }

    // MARK: Submission

    /// Where a submitted application stands, as the applicant sees it: 已提交 while the bureau reads and
    /// decides, then 推荐 / 不推荐 (never the bureau's notes on other applicants).
    static func status(of application: StoredApplication, desk: Desk) async throws -> (text: String, submissionID: Int64?) {
        guard application.isSubmitted, let jobID = application.jobID, let job = try await desk.store.job(id: jobID) else {
            return ("未提交", nil)
        }
        let bureau = try await application.inboxID.asyncMap { try await desk.store.inbox(id: $0) }?
            .asyncMap { try await desk.store.account(id: $0.accountID) }?.displayName ?? "推荐单位"
        switch job.state {
        case .waiting: return ("已提交给\(bureau)，正在读取", nil)
        case .failed: return ("提交给\(bureau)时出错：\(job.error ?? "")，请联系推荐单位", nil)
        case .done:
            guard let id = job.submissionIDs.first, let submission = try await desk.store.submission(id: id) else {
                return ("已提交给\(bureau)", nil)
            }
            let decision = submission.decision.map { "，推荐意见：\($0.chineseName)" } ?? "，推荐单位尚未给出推荐意见"
            return ("已提交给\(bureau)\(decision)", id)
        }
    }

    /// Sends the application — its 申报书 written from the form, with the files attached (its stamped PDF,
    /// 佐证材料) — to the chosen bureau's inbox: only without errors, and once.
    func submit(_ request: Request, _ context: DeskContext) async throws -> StoredApplication {
        let account = try access(context).account
        let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
        guard !application.isSubmitted else { throw DeskError(.conflict, DeskStoreError.submittedAlready.description) }
        let spec = try spec(of: application)
        guard BookWriter(spec: spec).templatePath(.book) != nil else {
            throw DeskError(.conflict, "「\(spec.title)」在线填报，不生成申报书，也不经本系统提交给推荐单位")
        }
        guard let session = context.session else { throw DeskError.csrf }
        let intake = InboxIntake(desk: desk)
        let (folder, refused, fields) = try await intake.layOut(request, csrfToken: session.csrfToken, call: spec.id)
        defer { folder.remove() }
        guard refused.isEmpty else { throw DeskError(.unprocessableContent, refused.joined(separator: "；")) }
        let choice = try await BureauChoice.load(call: spec, desk: desk)
        guard let chosen = fields["bureau"].flatMap(Int64.init).flatMap(choice.bureau(inbox:)) else {
            throw DeskError(.badRequest, "请选择推荐单位")
        }
        let inbox = chosen.inbox
        let record = Self.record(Self.data(application), spec: spec)
        if let conflict = choice.conflict(sending: record, to: chosen) { throw DeskError(.conflict, conflict) }
        var documents: [(name: String, bytes: Data)] = []
        let scratch = NSTemporaryDirectory() + "shenbao-submit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // The book alone goes as the Word file: its folder then holds one Word book, which the inbox groups with the
        // attached PDFs as one applicant's submission (a second Word file would be taken for a second book).
        let path = scratch + "/book.docx"
        let outcome = try BookFill.run(.book, record: record, spec: spec, to: path, allowDraft: false)
        guard outcome.written else {
            throw DeskError(.conflict, "还有 \(outcome.errors.count) 项错误，改正后才能提交（警告不影响提交）")
        }
        documents.append((Self.bookFileName(record, spec: spec), try Data(contentsOf: URL(fileURLWithPath: path))))
        let attached = folder.laidOutFiles()
        if let word = attached.first(where: { Submission.editableExtensions.contains($0.fileExtension) }) {
            throw DeskError(.unprocessableContent, "\(word)：附件中不能有 Word 文件，申报书由本页填写的内容生成")
        }
        // Without it the bureau's inbox reports submission.pdf-missing: say so before anything is sent.
        guard attached.contains(where: { $0.fileExtension == "pdf" }) else {
            throw DeskError(.unprocessableContent, "缺少加盖公章的 PDF 版申报书：请下载申报书，打印盖章后扫描（或盖电子章另存为 PDF），作为附件一并提交")
        }
        let job = try await intake.submit(folder, documents: documents, applicant: account.displayName, inbox: inbox, account: account)
        do {
            try await desk.store.markSubmitted(applicationID: application.id, inboxID: inbox.id, jobID: job.id, at: desk.clock())
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
        return try await desk.store.application(id: application.id) ?? application
    }

    /// What the submit form asks to attach, from the call folder: the stamped PDF's prescribed name and the 佐证材料
    /// (found by the words in their file names, as the bureau's inbox finds them).
    static func attachmentsAsked(_ record: Record, spec: CallSpec) -> [String: Any] {
        var asked: [String: Any] = ["evidence": spec.submission.evidence.map { ["name": $0.name, "match": $0.match.joined(separator: "、")] },
                                    "hasEvidence": !spec.submission.evidence.isEmpty]
        if let stem = FileNameRule.prescribedStem(for: record, spec: spec) { asked["pdfName"] = stem + ".pdf" }
        return asked
    }

    /// The 申报书's file name: the one the call prescribes (单位名称-应用场景名称.docx), else 申报书.docx.
    static func bookFileName(_ record: Record, spec: CallSpec) -> String {
        (FileNameRule.prescribedStem(for: record, spec: spec) ?? "申报书") + ".docx"
    }

    // MARK: Downloads

    private func document(_ kind: BookWriter.Kind, _ context: DeskContext) async throws -> Response {
        let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
        let spec = try spec(of: application)
        guard BookWriter(spec: spec).templatePath(kind) != nil else {
            throw DeskError(.notFound, "「\(spec.title)」没有\(kind.chineseName)的格式，不生成\(kind.chineseName)；请下载填报数据")
        }
        let folder = NSTemporaryDirectory() + "shenbao-fill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/\(kind.rawValue).docx"
        let record = Self.record(Self.data(application), spec: spec)
        _ = try BookFill.run(kind, record: record, spec: spec, to: path, allowDraft: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let name = kind == .book ? Self.bookFileName(record, spec: spec) : "\(kind.chineseName)-\(application.callID).docx"
        return InboxRoutes.attachment(bytes, name: name,
                                      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    private func data(_ context: DeskContext, json: Bool) async throws -> Response {
        let application = try await access(context).application(context.parameters.get("id", as: Int64.self))
        let spec = try spec(of: application)
        let record = Self.record(Self.data(application), spec: spec)
        let text = json ? RecordJSONWriter.line(for: record) + "\n" : DataSkeleton.yaml(for: spec, record: record)
        return InboxRoutes.attachment(Data(text.utf8), name: "申报数据-\(application.callID).\(json ? "json" : "yaml")",
                                      type: json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8")
    }
}

extension Optional {
    /// `map` with an async throwing transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
