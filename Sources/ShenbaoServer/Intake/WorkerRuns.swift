import Dispatch
import ShenbaoKit

extension DeskConfiguration {
    /// The isolated reading workers of this desk (the configured program, read timeout and call folders).
    func workers(jobs: Int? = nil) -> IsolatedWorkers {
        IsolatedWorkers(timeout: readTimeout, jobs: max(1, jobs ?? self.jobs), templates: templates, executable: workerExecutable)
    }
}

/// Runs blocking work — worker processes waited for — on a global queue, off the server's own threads.
func offServerThreads<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

/// Runs blocking work that cannot fail on a global queue, off the server's own threads.
func offServerThreads<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
