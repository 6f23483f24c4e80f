import Foundation
import Hummingbird

/// The administrator's pages: the accounts, and creating a bureau (推荐单位) with its calls and quotas.
struct AdminRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/admin/accounts") { _, context in try await page(context, message: nil, kind: "ok", status: .ok) }
        router.post("/admin/accounts") { _, context in try await create(context) }
    }

    private func page(_ context: DeskContext, message: String?, kind: String, status: HTTPResponse.Status) async throws -> Response {
        try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
        var values = Pages.frame(context, title: "账户管理")
        values["accounts"] = try await desk.store.accounts().map {
            ["login": $0.login, "name": $0.displayName, "role": $0.isAdministrator ? "管理员" : "推荐单位", "region": $0.region]
        }
        values["calls"] = desk.specs.map { ["id": $0.id, "title": $0.title] }
        if let message { values["message"] = message; values["kind"] = kind }
        return Pages.shared.response(status: status, template: "accounts", values)
    }

    private func create(_ context: DeskContext) async throws -> Response {
        try DeskAccess(desk: desk, account: try context.signedIn()).administrator()
        let form = context.form
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        guard login.count >= 2, login.count <= 40, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) else {
            return try await page(context, message: "登录名须为 2–40 个字母、数字、下划线、点或连字符", kind: "error", status: .badRequest)
        }
        var calls: [String: Int?] = [:]
        for call in form.values["call"] ?? [] {
            let quota = form["quota-\(call)"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            calls[call] = quota
        }
        let bureau = NewBureau(login: login, displayName: (form["displayName"] ?? "").trimmingCharacters(in: .whitespaces),
                               region: (form["region"] ?? "").trimmingCharacters(in: .whitespaces), password: form["password"] ?? "", calls: calls)
        guard !bureau.displayName.isEmpty, !bureau.region.isEmpty else {
            return try await page(context, message: "请填写推荐单位名称和市州", kind: "error", status: .badRequest)
        }
        do {
            _ = try await desk.createBureau(bureau)
        } catch let error as DeskError {
            return try await page(context, message: error.message, kind: "error", status: .badRequest)
        } catch let error as DeskStoreError {
            return try await page(context, message: error.description, kind: "error", status: .conflict)
        }
        return try await page(context, message: "已创建推荐单位账户 \(login)（\(calls.count) 个收件箱）", kind: "ok", status: .ok)
    }
}
