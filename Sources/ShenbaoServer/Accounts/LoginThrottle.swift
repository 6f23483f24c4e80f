import Foundation

/// Limits failed logins: after `limit` failures for one login name or from one address within `window`,
/// further attempts are refused (429) until the window has passed. Kept in the store, so a restart does
/// not reset it.
public struct LoginThrottle: Sendable {
    public var limit: Int
    public var window: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    static func keys(login: String, address: String?) -> [String] {
        ["login:" + login.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Whether an attempt now must be refused.
    func blocked(login: String, address: String?, store: any DeskStore, now: Date) async throws -> Bool {
        for key in Self.keys(login: login, address: address) {
            if try await store.loginFailures(key: key, since: now.addingTimeInterval(-window)) >= limit { return true }
        }
        return false
    }

    func failed(login: String, address: String?, store: any DeskStore, now: Date) async throws {
        try await store.recordLoginFailure(keys: Self.keys(login: login, address: address), at: now)
    }

    func succeeded(login: String, store: any DeskStore) async throws {
        try await store.clearLoginFailures(key: "login:" + login.lowercased())
    }

    /// 登录失败次数过多 …, with the minutes to wait.
    var message: String { "登录失败次数过多，请 \(Int(window / 60)) 分钟后再试" }
}
