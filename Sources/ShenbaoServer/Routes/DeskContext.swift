import Hummingbird
import NIOCore

/// The request context: who is signed in (set by `SessionMiddleware`), the form already read and
/// checked by `CSRFMiddleware`, and the peer's address for login throttling.
struct DeskContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var account: Account?
    var session: DeskSession?
    /// The url-encoded form of a non-GET request, its CSRF token already checked.
    var form = FormFields("")
    let remoteAddress: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Upload bodies are streamed and limited by `UploadLimits`; other bodies stay small.
    var maxUploadSize: Int { 1 << 20 }

    func signedIn() throws -> Account {
        guard let account else { throw DeskError.signInRequired }
        return account
    }
}
