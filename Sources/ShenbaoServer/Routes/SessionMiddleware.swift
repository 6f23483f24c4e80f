import Foundation
import HTTPTypes
import Hummingbird

/// Finds the signed-in account from the session cookie (an unknown or expired token is no session), and
/// adds the security headers every answer carries.
struct SessionMiddleware: RouterMiddleware {
    let desk: Desk

    func handle(_ request: Request, context: DeskContext, next: (Request, DeskContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = DeskCookies.value(DeskCookies.session, in: request), token.count == 64,
           let session = try await desk.store.session(tokenHash: Tokens.digest(token), now: desk.clock()),
           let account = try await desk.store.account(id: session.accountID) {
            context.session = session
            context.account = account
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as DeskError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.referrerPolicyHeader] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let csrfToken = Self("X-CSRF-Token")!
    static let referrerPolicyHeader = Self("Referrer-Policy")!
}
