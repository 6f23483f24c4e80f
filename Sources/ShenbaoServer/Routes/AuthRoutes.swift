import Foundation
import Hummingbird

/// Signing in and out. The login form carries the token of its own cookie (there is no session yet);
/// failures are counted per login name and per address (`LoginThrottle`).
struct AuthRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/") { _, context -> Response in
            .redirect(to: context.account == nil ? "/login" : "/inboxes", type: .found)
        }
        router.get("/login") { _, context in loginPage(context, status: .ok, message: nil, login: "") }
        router.post("/login") { _, context in try await login(context) }
        router.post("/logout") { request, context -> Response in
            if let token = DeskCookies.value(DeskCookies.session, in: request) {
                try await desk.store.deleteSession(tokenHash: Tokens.digest(token))
            }
            var response = Response.redirect(to: "/login", type: .normal)
            response.headers[.setCookie] = DeskCookies.header(DeskCookies.session, "", maxAge: 0, secure: desk.configuration.secureCookies)
            return response
        }
    }

    private func loginPage(_ context: DeskContext, status: HTTPResponse.Status, message: String?, login: String) -> Response {
        let token = Tokens.random()
        var values = Pages.frame(context, title: "登录")
        values["loginToken"] = token
        values["login"] = login
        if let message { values["message"] = message }
        var response = Pages.shared.response(status: status, template: "login", values)
        response.headers[.setCookie] = DeskCookies.header(DeskCookies.login, token, maxAge: 3600, secure: desk.configuration.secureCookies)
        return response
    }

    private func login(_ context: DeskContext) async throws -> Response {
        let login = (context.form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = context.form["password"] ?? ""
        let now = desk.clock()
        let throttle = desk.configuration.throttle
        if try await throttle.blocked(login: login, address: context.remoteAddress, store: desk.store, now: now) {
            return loginPage(context, status: .tooManyRequests, message: throttle.message, login: login)
        }
        guard !login.isEmpty, password.utf8.count <= 200, let account = try await desk.store.account(login: login),
              desk.configuration.passwords.verify(password, hash: account.passwordHash) else {
            try await throttle.failed(login: login, address: context.remoteAddress, store: desk.store, now: now)
            return loginPage(context, status: .unauthorized, message: "登录名或密码不正确", login: login)
        }
        try await throttle.succeeded(login: login, store: desk.store)
        let token = Tokens.random()
        try await desk.store.createSession(DeskSession(tokenHash: Tokens.digest(token), accountID: account.id, csrfToken: Tokens.random(),
                                                       createdAt: now, expiresAt: now.addingTimeInterval(desk.configuration.sessionLifetime)))
        var response = Response.redirect(to: "/inboxes", type: .normal)
        response.headers[.setCookie] = DeskCookies.header(DeskCookies.session, token, maxAge: Int(desk.configuration.sessionLifetime),
                                                          secure: desk.configuration.secureCookies)
        return response
    }
}
