import Foundation

/// A one-line progress counter on stderr, shown only when stderr is a terminal (quiet when piped).
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()

    /// `total` may be 0 when it is only known later (then pass it to `update(_:of:)`).
    init(total: Int) {
        self.total = total
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        update(done, of: total)
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 1 else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r处理中 \(done)/\(total) …".utf8)) }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
