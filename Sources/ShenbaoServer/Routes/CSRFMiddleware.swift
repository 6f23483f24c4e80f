import Foundation
import Hummingbird

/// Every request that is not GET or HEAD must carry the session's CSRF token: in the `X-CSRF-Token`
/// header (the JSON API and the page script), or as the `csrf` field of a url-encoded form (read here,
/// at most 1 MiB, and handed on in the context). The login and registration forms, before there is a session,
/// carry the token of their `shenbao_login` cookie. A multipart body is accepted only by the routes that take files, which
/// checks its first field before writing any file. Signing in through the API (a JSON body, which a page
/// of another site cannot send without this server's consent) needs no token. Anything else: 403.
struct CSRFMiddleware: RouterMiddleware {
    /// `/inboxes/N/upload`, `/files/N/replace`, `/applications/N/submit` and `/applications/N/import`: the routes that take files.
    static func isUploadPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, !parts[2].isEmpty, parts[2].allSatisfy(\.isASCII), parts[2].allSatisfy(\.isNumber) else {
            return false
        }
        return (parts[1] == "inboxes" && parts[3] == "upload") || (parts[1] == "files" && parts[3] == "replace")
            || (parts[1] == "applications" && (parts[3] == "submit" || parts[3] == "import"))
    }

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let path = request.uri.path
        if path == APIRoutes.prefix + "/session" || path == APIRoutes.prefix + "/register", request.method == .post,
           request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            return try await next(request, context)  // signing in by API: a JSON body no other site's page can send
        }
        let anonymous = path == "/login" || path == "/register"  // forms sent before there is a session
        let expected: String? = anonymous ? DeskCookies.value(DeskCookies.login, in: request) : context.session?.csrfToken
        if let header = request.headers[.csrfToken] {
            guard let expected, Tokens.equal(header, expected) else { throw DeskError.csrf }
            return try await next(request, context)
        }
        if MultipartUpload.boundary(of: request.headers[.contentType]) != nil, Self.isUploadPath(path) {
            return try await next(request, context)  // checked by the upload as its first field
        }
        guard FormFields.isURLEncoded(request) else { throw DeskError.csrf }
        var request = request
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: 1 << 20) } catch { throw DeskError(.contentTooLarge, "表单内容过大") }
        let form = FormFields(String(buffer: body))
        guard let expected, let token = form["csrf"], Tokens.equal(token, expected) else { throw DeskError.csrf }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
