import HummingbirdBcrypt

/// Passwords hashed with bcrypt. The cost is lower only in tests (each hash at cost 12 takes ~0.25 s).
public struct Passwords: Sendable {
    public var cost: UInt8

    public init(cost: UInt8 = 12) { self.cost = cost }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why a new password is not good enough, or nil.
    public static func weakness(_ password: String) -> String? {
        if password.count < 10 { return "密码至少需要 10 个字符" }
        if password.count > 72 { return "密码不能超过 72 个字符" }
        return nil
    }
}
