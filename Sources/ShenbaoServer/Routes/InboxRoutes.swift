import Foundation
import Hummingbird
import ShenbaoKit

/// Inboxes, uploads, submissions and file downloads; every id checked by `DeskAccess`.
struct InboxRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/inboxes") { _, context in try await inboxes(context) }
        router.get("/inboxes/:id") { request, context in try await inbox(request, context) }
        router.post("/inboxes/:id/upload") { request, context -> Response in
            .redirect(to: "/jobs/\(try await upload(request, context).id)", type: .normal)
        }
        router.post("/files/:id/replace") { request, context -> Response in
            .redirect(to: "/jobs/\(try await replace(request, context).id)", type: .normal)
        }
        router.get("/submissions/:id") { _, context in try await submission(context) }
        router.post("/submissions/:id/decision") { _, context in try await decide(context) }
        // Downloads answer the pages and the API alike.
        for prefix in ["", APIRoutes.prefix] {
            router.get("\(prefix)/files/:id") { _, context in try await download(context) }
            router.get("\(prefix)/inboxes/:id/summary") { request, context in try await summary(request, context) }
            router.get("\(prefix)/inboxes/:id/findings.csv") { _, context in try await findings(context) }
        }
    }

    func access(_ context: DeskContext) throws -> DeskAccess {
        DeskAccess(desk: desk, account: try context.signedIn())
    }

    static func time(_ date: Date) -> String {
        // Without a DateFormatter (made per call it cost more than the rest of a 1,000-row inbox page).
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)) + time_t(beijing.secondsFromGMT(for: date))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    private static let beijing = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    private func inboxes(_ context: DeskContext) async throws -> Response {
        if try context.signedIn().isApplicant { return .redirect(to: AuthRoutes.home(try context.signedIn()), type: .found) }
        let rows = try await InboxSummary.all(desk, for: try context.signedIn()).map { inbox -> [String: Any] in
            ["id": inbox.id, "bureau": inbox.bureau, "region": inbox.region, "callTitle": inbox.callTitle,
             "quota": inbox.quota.map(String.init) ?? "不限", "count": inbox.submissions]
        }
        var values = Pages.frame(context, title: "收件箱")
        values["inboxes"] = rows
        values["hasInboxes"] = !rows.isEmpty
        return Pages.shared.response(template: "inboxes", values)
    }

    private func inbox(_ request: Request, _ context: DeskContext) async throws -> Response {
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        let owner = try await desk.store.account(id: inbox.accountID)
        let submissions = try await desk.store.submissions(inboxID: inbox.id)
        let table = InboxTable(query: Self.query(request), pagedByDefault: true)
        var values = Pages.frame(context, title: desk.spec(inbox.callID)?.title ?? inbox.callID)
        values["id"] = inbox.id
        values["callID"] = inbox.callID
        values["bureau"] = owner?.displayName ?? ""
        if let quota = inbox.quota { values["quota"] = quota }
        values["count"] = submissions.count
        values["recommended"] = submissions.filter { $0.decision == .recommended }.count
        // One applicant (by 统一社会信用代码) submitting more than once, across every upload of the inbox.
        let duplicates = InboxTable.duplicateCodes(submissions)
        let matching = table.rows(submissions)
        let (rows, page, pages) = table.paged(matching)
        values["shown"] = matching.count
        values["filtered"] = matching.count != submissions.count
        if pages > 1 { values["paging"] = Self.paging(table, page: page, pages: pages, shownRows: rows.count) }
        values["search"] = table.search
        values["views"] = InboxTable.View.allCases.map { ["value": $0.rawValue, "name": $0.chineseName, "selected": $0 == table.view] }
        values["columns"] = InboxTable.Column.allCases.map { column -> [String: Any] in
            let active = column == table.column
            return ["link": table.query(sort: column), "name": Self.columnNames[column] ?? column.rawValue,
                    "sort": active ? (table.descending ? "descending" : "ascending") : "none", "arrow": active ? (table.descending ? "▼" : "▲") : ""]
        }
        values["hasSubmissions"] = !rows.isEmpty
        values["rows"] = InboxRowsHTML.render(rows.lazy.map { submission in
            let copy = Self.copyText(submission)
            return InboxRowsHTML.Row(id: submission.id, applicant: submission.applicant ?? submission.name, project: submission.projectName ?? "",
                                     uscc: submission.uscc ?? "", duplicate: submission.uscc.map(duplicates.contains) ?? false,
                                     errors: submission.errors, warnings: submission.warnings, copy: copy.text, copyBad: copy.bad,
                                     decision: submission.decision?.chineseName ?? "未定", arrived: Self.time(submission.arrivedAt),
                                     word: submission.hasWord ? "有" : "无", pdf: submission.hasPDF ? "有" : "无")
        })
        let waiting = try await desk.store.waitingJobs().filter { $0.inboxID == inbox.id }
        values["jobs"] = waiting.map { ["id": $0.id] }
        return Pages.shared.response(template: "inbox", values)
    }

    static let columnNames: [InboxTable.Column: String] = [
        .applicant: "申报单位", .project: "项目名称", .uscc: "统一社会信用代码", .errors: "错误", .warnings: "警告",
        .copy: "盖章件", .decision: "推荐意见", .arrived: "收到时间",
    ]

    /// The inbox page's page links: where this page's rows fall, previous and next, and a few page numbers.
    static func paging(_ table: InboxTable, page: Int, pages: Int, shownRows: Int) -> [String: Any] {
        [
            "page": page, "pages": pages, "first": shownRows == 0 ? 0 : (page - 1) * InboxTable.pageSize + 1,
            "last": (page - 1) * InboxTable.pageSize + shownRows, "all": table.page == nil,
            "previous": page > 1 && table.page != nil ? table.query(page: page - 1) : "",
            "next": page < pages && table.page != nil ? table.query(page: page + 1) : "",
            "numbers": InboxTable.pageNumbers(page: page, pages: pages).map { number -> [String: Any] in
                guard let number else { return ["gap": true] }
                return ["number": number, "link": table.query(page: number), "current": number == page && table.page != nil]
            },
            "everyRow": table.query(page: 0), "firstPage": table.query(page: 1),
        ]
    }

    /// The stamped copy's cell: seals found and missing, and whether it agrees with the Word book.
    static func copyText(_ submission: StoredSubmission) -> (text: String, bad: Bool) {
        guard submission.hasPDF else { return ("无盖章 PDF", true) }
        let status = submission.stampedCopy
        var parts = [status.sealsFound > 0 ? "印章 \(status.sealsFound) 处" : "未见印章"]
        if status.sealsMissing > 0 { parts.append("缺 \(status.sealsMissing) 处") }
        switch status.agreement {
        case .agrees: parts.append("与 Word 一致")
        case .differs: parts.append("与 Word 不一致")
        case .unchecked: parts.append("部分字段未能比对")
        case nil: parts.append(submission.hasWord ? "未能与 Word 比对" : "无 Word 可比对")
        }
        return (parts.joined(separator: "，"), status.sealsMissing > 0 || status.agreement == .differs)
    }

    /// The query of a GET form, decoded as a form is (`+` is a space: what a browser sends for a typed space).
    static func query(_ request: Request) -> [String: String] {
        FormFields(request.uri.query ?? "").values.compactMapValues(\.first)
    }

    /// Takes an upload into the inbox of the route's id and queues its reading (pages and API).
    func upload(_ request: Request, _ context: DeskContext) async throws -> ReadingJob {
        let account = try context.signedIn()
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        guard let session = context.session else { throw DeskError.csrf }
        return try await InboxIntake(desk: desk).receive(request, inbox: inbox, account: account, csrfToken: session.csrfToken)
    }

    /// A new version of one file of a submission; the submission is read again, the old file kept as history.
    func replace(_ request: Request, _ context: DeskContext) async throws -> ReadingJob {
        let account = try context.signedIn()
        let file = try await access(context).file(context.parameters.get("id", as: Int64.self))
        guard file.isCurrent else { throw DeskError(.conflict, DeskStoreError.replacedAlready.description) }
        let (_, inbox) = try await access(context).submission(file.submissionID)
        guard let session = context.session else { throw DeskError.csrf }
        return try await InboxIntake(desk: desk).receive(request, replacing: file, inbox: inbox, account: account, csrfToken: session.csrfToken)
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
        values["hasNote"] = !submission.decisionNote.isEmpty
        (values["copy"], values["copyBad"]) = Self.copyText(submission)
        if let quota = inbox.quota { values["quota"] = quota }
        let general = findings.filter { $0.fileID == nil }.map(row)
        values["general"] = general
        values["hasGeneral"] = !general.isEmpty
        let current = files.filter(\.isCurrent)
        let names = Dictionary(files.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        values["history"] = files.filter { !$0.isCurrent }.map { file -> [String: Any] in
            ["id": file.id, "name": file.name, "sizeText": ByteCountFormatter.string(fromByteCount: file.size, countStyle: .file),
             "replacedAt": file.replacedAt.map(Self.time) ?? "", "replacedBy": file.replacedBy.flatMap { names[$0] } ?? ""]
        }
        values["hasHistory"] = current.count != files.count
        values["files"] = current.map { file -> [String: Any] in
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
        let submission = try await record(decision: context.form["decision"] ?? "", note: context.form["note"] ?? "", context)
        return .redirect(to: "/submissions/\(submission.id)", type: .normal)
    }

    /// Records a decision (`recommended`, `not-recommended` or `none`) on the submission of the route's id;
    /// the page's form and the API both decide here.
    func record(decision choice: String, note: String, _ context: DeskContext) async throws -> StoredSubmission {
        let account = try context.signedIn()
        let (submission, inbox) = try await access(context).submission(context.parameters.get("id", as: Int64.self))
        let decision: Decision?
        switch choice {
        case "none": decision = nil
        default:
            guard let chosen = Decision(rawValue: choice) else { throw DeskError(.badRequest, "请选择推荐、不推荐或未定") }
            decision = chosen
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else { throw DeskError(.badRequest, "说明不能超过 500 字") }
        do {
            try await desk.store.decide(submissionID: submission.id, decision: decision, note: note, by: account.id, at: desk.clock(),
                                        quota: inbox.quota)
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
        return try await desk.store.submission(id: submission.id) ?? submission
    }

    private func summary(_ request: Request, _ context: DeskContext) async throws -> Response {
        let inbox = try await access(context).inbox(context.parameters.get("id", as: Int64.self))
        let query = Self.query(request)
        guard let format = query["format"].flatMap(SummaryFormat.init(rawValue:)) else {
            throw DeskError(.badRequest, "请选择汇总表格式：docx、xlsx 或 csv")
        }
        let contact = query["contact"].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
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
