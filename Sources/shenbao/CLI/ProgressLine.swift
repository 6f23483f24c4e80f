import Foundation

/// A one-line progress counter on stderr, shown only when stderr is a terminal (quiet when piped).
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()

    init(total: Int) {
        self.total = total
        self.enabled = isatty(STDERR_FILENO) == 1 && total > 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r处理中 \(done)/\(total) …".utf8)) }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
