import Foundation
import Hummingbird

/// Signing in and out. The login form carries the token of its own cookie (there is no session yet);
/// failures are counted per login name and per address (`LoginThrottle`).
struct AuthRoutes {
    let desk: Desk

    func add(to router: Router<DeskContext>) {
        router.get("/") { _, context -> Response in
            .redirect(to: context.account.map(Self.home) ?? "/login", type: .found)
        }
        router.get("/login") { _, context in loginPage(context, status: .ok, message: nil, login: "") }
        router.post("/login") { _, context in try await login(context) }
        router.post("/logout") { request, _ -> Response in
            var response = Response.redirect(to: "/login", type: .normal)
            response.headers[.setCookie] = try await signOut(request)
            return response
        }
    }

    /// Where an account lands after signing in: an applicant's applications, or the inboxes.
    static func home(_ account: Account) -> String { account.isApplicant ? "/applications" : "/inboxes" }

    private func loginPage(_ context: DeskContext, status: HTTPResponse.Status, message: String?, login: String) -> Response {
        var values = Pages.frame(context, title: "登录")
        values["login"] = login
        if let message { values["message"] = message }
        return anonymousForm(status: status, template: "login", values, tokenKey: "loginToken")
    }

    /// A page whose form is sent before there is a session (login, registration): its token is also set as
    /// the `shenbao_login` cookie, which CSRFMiddleware compares with the form's field.
    func anonymousForm(status: HTTPResponse.Status, template: String, _ values: [String: Any], tokenKey: String = "formToken") -> Response {
        let token = Tokens.random()
        var values = values
        values[tokenKey] = token
        var response = Pages.shared.response(status: status, template: template, values)
        response.headers[.setCookie] = DeskCookies.header(DeskCookies.login, token, maxAge: 3600, secure: desk.configuration.secureCookies)
        return response
    }

    private func login(_ context: DeskContext) async throws -> Response {
        let login = (context.form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        switch try await signIn(login: login, password: context.form["password"] ?? "", address: context.remoteAddress) {
        case .refused(let status, let message):
            return loginPage(context, status: status, message: message, login: login)
        case .signedIn(let account, let cookie, _):
            var response = Response.redirect(to: Self.home(account), type: .normal)
            response.headers[.setCookie] = cookie
            return response
        }
    }

    /// A sign-in attempt's outcome: refused with a status and message, or a new session and its cookie.
    enum SignIn {
        case refused(HTTPResponse.Status, String)
        case signedIn(Account, cookie: String, session: DeskSession)
    }

    /// Checks the password (throttled per login name and address) and opens a session; the page and the API both sign in here.
    func signIn(login: String, password: String, address: String?) async throws -> SignIn {
        let now = desk.clock()
        let throttle = desk.configuration.throttle
        if try await throttle.blocked(login: login, address: address, store: desk.store, now: now) {
            return .refused(.tooManyRequests, throttle.message)
        }
        guard !login.isEmpty, password.utf8.count <= 200, let account = try await desk.store.account(login: login),
              desk.configuration.passwords.verify(password, hash: account.passwordHash) else {
            try await throttle.failed(login: login, address: address, store: desk.store, now: now)
            return .refused(.unauthorized, "登录名或密码不正确")
        }
        try await throttle.succeeded(login: login, store: desk.store)
        let token = Tokens.random()
        let session = DeskSession(tokenHash: Tokens.digest(token), accountID: account.id, csrfToken: Tokens.random(),
                                  createdAt: now, expiresAt: now.addingTimeInterval(desk.configuration.sessionLifetime))
        try await desk.store.createSession(session)
        let cookie = DeskCookies.header(DeskCookies.session, token, maxAge: Int(desk.configuration.sessionLifetime),
                                        secure: desk.configuration.secureCookies)
        return .signedIn(account, cookie: cookie, session: session)
    }

    /// Ends the session of the request's cookie; returns the header that clears the cookie.
    func signOut(_ request: Request) async throws -> String {
        if let token = DeskCookies.value(DeskCookies.session, in: request) {
            try await desk.store.deleteSession(tokenHash: Tokens.digest(token))
        }
        return DeskCookies.header(DeskCookies.session, "", maxAge: 0, secure: desk.configuration.secureCookies)
    }
}
