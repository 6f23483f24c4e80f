import Foundation
import Hummingbird

/// The desk's cookies: `shenbao_session` (the session token) and `shenbao_login` (the login form's
/// token before there is a session). HttpOnly, SameSite=Strict, Path=/, and Secure behind https.
enum DeskCookies {
    static let session = "shenbao_session"
    static let login = "shenbao_login"

    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    static func header(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        if secure { cookie += "; Secure" }
        return cookie
    }
}
