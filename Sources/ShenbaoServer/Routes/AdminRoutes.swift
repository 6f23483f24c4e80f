import Foundation
import Hummingbird

/// The administrator's pages: the accounts, and creating a bureau (推荐单位) with its calls and quotas.
struct AdminRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/admin/accounts") { _, context in try await page(context, message: nil, kind: "ok", status: .ok) }
        router.post("/admin/accounts") { _, context in try await create(context) }
        router.get("/admin/accounts/:id") { _, context in try await editPage(context, message: nil, kind: "ok", status: .ok) }
        router.post("/admin/accounts/:id") { _, context in try await update(context) }
    }

    private func page(_ context: DeskContext, message: String?, kind: String, status: HTTPResponse.Status) async throws -> Response {
        try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
        var values = Pages.frame(context, title: "账户管理")
        values["accounts"] = try await desk.store.accounts().map {
            ["id": $0.id, "login": $0.login, "name": $0.displayName, "role": [.administrator: "管理员", .bureau: "推荐单位", .applicant: "申报单位"][$0.role] ?? "",
             "region": $0.region, "bureau": $0.role == .bureau]
        }
        values["calls"] = desk.specs.map { ["id": $0.id, "title": $0.title] }
        if let message { values["message"] = message; values["kind"] = kind }
        return Pages.shared.response(status: status, template: "accounts", values)
    }

    private func create(_ context: DeskContext) async throws -> Response {
        try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
        let form = context.form
        let calls = Self.calls(in: form)
        let bureau = NewBureau(login: form["login"] ?? "", displayName: form["displayName"] ?? "", region: form["region"] ?? "",
                               password: form["password"] ?? "", calls: calls)
        do {
            let account = try await create(bureau)
            return try await page(context, message: "已创建推荐单位账户 \(account.login)（\(calls.count) 个收件箱）", kind: "ok", status: .ok)
        } catch let error as DeskError {
            return try await page(context, message: error.message, kind: "error", status: error.status)
        }
    }

    /// A bureau's calls, quotas and password, for the administrator to change.
    private func editPage(_ context: DeskContext, message: String?, kind: String, status: HTTPResponse.Status) async throws -> Response {
        let account = try await bureau(context)
        let inboxes = Dictionary(try await desk.store.inboxes(accountID: account.id).map { ($0.callID, $0) }, uniquingKeysWith: { a, _ in a })
        var values = Pages.frame(context, title: "推荐单位账户：\(account.displayName)")
        values["id"] = account.id
        values["login"] = account.login
        values["region"] = account.region
        values["calls"] = desk.specs.map { spec -> [String: Any] in
            ["id": spec.id, "title": spec.title, "checked": inboxes[spec.id] != nil, "quota": inboxes[spec.id]?.quota.map(String.init) ?? ""]
        }
        if let message { values["message"] = message; values["kind"] = kind }
        return Pages.shared.response(status: status, template: "account", values)
    }

    private func update(_ context: DeskContext) async throws -> Response {
        let account = try await bureau(context)
        let form = context.form
        let calls = Self.calls(in: form)
        let password = (form["password"] ?? "").isEmpty ? nil : form["password"]
        do {
            try await desk.updateBureau(account, calls: calls, password: password)
        } catch let error as DeskError {
            return try await editPage(context, message: error.message, kind: "error", status: error.status)
        }
        return try await editPage(context, message: password == nil ? "已保存" : "已保存，新密码生效，该账户已登录的浏览器须重新登录",
                                  kind: "ok", status: .ok)
    }

    /// The ticked calls of the form, each with its quota field (empty: none).
    static func calls(in form: FormFields) -> [String: Int?] {
        var calls: [String: Int?] = [:]
        for call in form.values["call"] ?? [] {
            // updateValue: a call without a quota is kept (assigning nil would remove it).
            calls.updateValue(form["quota-\(call)"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, forKey: call)
        }
        return calls
    }

    /// The bureau account of the route's id (the administrator only; 404 for anything else).
    func bureau(_ context: DeskContext) async throws -> Account {
        try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
        guard let id = context.parameters.get("id", as: Int64.self), let account = try await desk.store.account(id: id),
              account.role == .bureau else { throw DeskError.notFound }
        return account
    }

    /// Creates a bureau account after checking its login name, names and quotas; the page and the API both create here.
    func create(_ bureau: NewBureau) async throws -> Account {
        var bureau = bureau
        bureau.login = bureau.login.trimmingCharacters(in: .whitespaces)
        bureau.displayName = bureau.displayName.trimmingCharacters(in: .whitespaces)
        bureau.region = bureau.region.trimmingCharacters(in: .whitespaces)
        let login = bureau.login
        guard login.count >= 2, login.count <= 40, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else {
            throw DeskError(.badRequest, "登录名须为 2–40 个字母、数字、下划线、点或连字符")
        }
        guard !bureau.displayName.isEmpty, !bureau.region.isEmpty, bureau.displayName.count <= 100, bureau.region.count <= 50 else {
            throw DeskError(.badRequest, "请填写推荐单位名称和市州")
        }
        for quota in bureau.calls.values { if let quota, quota < 0 || quota > 9999 { throw DeskError(.badRequest, "名额须为 0–9999 的整数") } }
        do {
            return try await desk.createBureau(bureau)
        } catch let error as DeskStoreError {
            throw DeskError(.conflict, error.description)
        }
    }
}
