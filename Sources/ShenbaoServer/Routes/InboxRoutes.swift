import Foundation
import Hummingbird
import ShenbaoKit

/// Inboxes, uploads, submissions and file downloads; every id checked by `DeskAccess`.
struct InboxRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/inboxes") { _, context in try await inboxes(context) }
        router.get("/inboxes/:id") { _, context in try await inbox(context) }
        router.post("/inboxes/:id/upload") { request, context in try await upload(request, context) }
        router.get("/submissions/:id") { _, context in try await submission(context) }
        router.get("/files/:id") { _, context in try await download(context) }
        router.post("/submissions/:id/decision") { _, context in try await decide(context) }
        router.get("/inboxes/:id/summary") { request, context in try await summary(request, context) }
        router.get("/inboxes/:id/findings.csv") { _, context in try await findings(context) }
    }

    private func access(_ context: DeskContext) throws -> DeskAccess {
        DeskAccess(desk: desk, account: try context.signedIn())
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "zh_CN")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private func inboxes(_ context: DeskContext) async throws -> Response {
        let account = try context.signedIn()
        let accounts = Dictionary(try await desk.store.accounts().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[String: Any]] = []
        for inbox in try await desk.store.inboxes(accountID: account.isAdministrator ? nil : account.id) {
            rows.append(["id": inbox.id, "bureau": accounts[inbox.accountID]?.displayName ?? "", "region": accounts[inbox.accountID]?.region ?? "",
                         "callTitle": desk.spec(inbox.callID)?.title ?? inbox.callID, "quota": inbox.quota.map(String.init) ?? "不限",
                         "count": try await desk.store.submissions(inboxID: inbox.id).count])
        }
        var values = Pages.frame(context, title: "收件箱")
        values["inboxes"] = rows
        values["hasInboxes"] = !rows.isEmpty
        return Pages.shared.response(template: "inboxes", values)
    }

    private func inbox(_ context: DeskContext) async throws -> Response {
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        let owner = try await desk.store.account(id: inbox.accountID)
        let submissions = try await desk.store.submissions(inboxID: inbox.id)
        var values = Pages.frame(context, title: desk.spec(inbox.callID)?.title ?? inbox.callID)
        values["id"] = inbox.id
        values["callID"] = inbox.callID
        values["bureau"] = owner?.displayName ?? ""
        if let quota = inbox.quota { values["quota"] = quota }
        values["count"] = submissions.count
        values["recommended"] = submissions.filter { $0.decision == .recommended }.count
        // One applicant (by 统一社会信用代码) submitting more than once, across every upload of the inbox.
        let codes = submissions.compactMap(\.uscc).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        values["submissions"] = submissions.map { submission -> [String: Any] in
            ["id": submission.id, "applicant": submission.applicant ?? submission.name, "project": submission.projectName ?? "",
             "uscc": submission.uscc ?? "", "word": submission.hasWord ? "有" : "无", "pdf": submission.hasPDF ? "有" : "无",
             "errors": submission.errors, "warnings": submission.warnings, "arrived": Self.time(submission.arrivedAt),
             "decision": submission.decision?.chineseName ?? "未定",
             "duplicate": submission.uscc.map { codes[$0, default: 0] > 1 } ?? false]
        }
        return Pages.shared.response(template: "inbox", values)
    }

    private func upload(_ request: Request, _ context: DeskContext) async throws -> Response {
        let account = try context.signedIn()
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        guard let session = context.session else { throw DeskError.csrf }
        let outcome = try await InboxIntake(desk: desk).receive(request, inbox: inbox, account: account, csrfToken: session.csrfToken)
        var values = Pages.frame(context, title: "上传结果")
        values["count"] = outcome.submissionIDs.count
        values["refused"] = outcome.refused
        values["hasRefused"] = !outcome.refused.isEmpty
        values["inboxID"] = inbox.id
        return Pages.shared.response(status: outcome.submissionIDs.isEmpty ? .unprocessableContent : .ok, template: "uploaded", values)
    }

    private func submission(_ context: DeskContext) async throws -> Response {
        let (submission, inbox) = try await access(context).submission(context.parameters.get("id", as: Int64.self))
        let files = try await desk.store.files(submissionID: submission.id)
        let findings = try await desk.store.findings(submissionID: submission.id)
        let previews = await desk.previews.overviews(of: files.filter { $0.kind != "unread" })
        let row = { (finding: StoredFinding) -> [String: Any] in
            ["severity": finding.severity, "severityName": Finding.Severity(rawValue: finding.severity)?.chineseName ?? finding.severity,
             "rule": finding.rule, "label": finding.label ?? "", "message": finding.message]
        }
        var values = Pages.frame(context, title: submission.applicant ?? submission.name)
        values["inboxID"] = inbox.id
        values["applicant"] = submission.applicant ?? "（未读出）"
        values["project"] = submission.projectName ?? "（未读出）"
        values["uscc"] = submission.uscc ?? "（未读出）"
        values["name"] = submission.name
        values["arrived"] = Self.time(submission.arrivedAt)
        values["errors"] = submission.errors
        values["warnings"] = submission.warnings
        values["id"] = submission.id
        values["decisionName"] = submission.decision?.chineseName ?? "未定"
        values["isRecommended"] = submission.decision == .recommended
        values["isNotRecommended"] = submission.decision == .notRecommended
        values["isUndecided"] = submission.decision == nil
        values["note"] = submission.decisionNote
        if let quota = inbox.quota { values["quota"] = quota }
        let general = findings.filter { $0.fileID == nil }.map(row)
        values["general"] = general
        values["hasGeneral"] = !general.isEmpty
        values["files"] = files.map { file -> [String: Any] in
            let mine = findings.filter { $0.fileID == file.id }.map(row)
            var item: [String: Any] = [
                "id": file.id, "name": file.name, "sizeText": ByteCountFormatter.string(fromByteCount: file.size, countStyle: .file),
                "kindName": ["book": "申报书", "attachment": "附件", "unread": "无法读取的文件"][file.kind] ?? file.kind,
                "findings": mine, "hasFindings": !mine.isEmpty,
                "fields": file.fields.map { ["label": $0.label, "value": $0.value] }, "hasFields": !file.fields.isEmpty,
                "fieldCount": file.fields.count,
            ]
            if let error = file.readError { item["readError"] = error }
            if let preview = previews[file.id] { item["preview"] = PreviewSection.values(preview, fileID: file.id) }
            return item
        }
        return Pages.shared.response(template: "submission", values)
    }

    /// 推荐 / 不推荐 / 未定 with a note; recommending beyond the inbox's quota is refused with a message.
    private func decide(_ context: DeskContext) async throws -> Response {
        let account = try context.signedIn()
        let (submission, inbox) = try await access(context).submission(context.parameters.get("id", as: Int64.self))
        let choice = context.form["decision"] ?? ""
        let decision: Decision?
        switch choice {
        case "none": decision = nil
        default:
            guard let chosen = Decision(rawValue: choice) else { throw DeskError(.badRequest, "请选择推荐、不推荐或未定") }
            decision = chosen
        }
        let note = (context.form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else { throw DeskError(.badRequest, "说明不能超过 500 字") }
        do {
            try await desk.store.decide(submissionID: submission.id, decision: decision, note: note, by: account.id, at: desk.clock(),
                                        quota: inbox.quota)
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
        return .redirect(to: "/submissions/\(submission.id)", type: .normal)
    }

    private func summary(_ request: Request, _ context: DeskContext) async throws -> Response {
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        guard let format = request.uri.queryParameters["format"].flatMap({ SummaryFormat(rawValue: String($0)) }) else {
            throw DeskError(.badRequest, "请选择汇总表格式：docx、xlsx 或 csv")
        }
        let contact = request.uri.queryParameters["contact"].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        guard (contact?.count ?? 0) <= 100 else { throw DeskError(.badRequest, "联系人及电话不能超过 100 字") }
        let data = try await SummaryExport(desk: desk).table(inbox, format: format, contact: contact)
        let types: [SummaryFormat: String] = [
            .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .csv: "text/csv; charset=utf-8",
        ]
        return Self.attachment(data, name: "汇总表-\(inbox.callID).\(format.rawValue)", type: types[format]!)
    }

    private func findings(_ context: DeskContext) async throws -> Response {
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        return Self.attachment(try await SummaryExport(desk: desk).findingsCSV(inbox), name: "问题清单-\(inbox.callID).csv",
                               type: "text/csv; charset=utf-8")
    }

    static func attachment(_ data: Data, name: String, type: String) -> Response {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func download(_ context: DeskContext) async throws -> Response {
        let file = try await access(context).file(context.parameters.get("id", as: Int64.self))
        guard let path = desk.blobs.path(for: file.sha256), let handle = FileHandle(forReadingAtPath: path) else { throw DeskError.notFound }
        defer { try? handle.close() }
        return Self.attachment(try handle.readToEnd() ?? Data(), name: file.name.lastPathComponentText, type: "application/octet-stream")
    }
}
