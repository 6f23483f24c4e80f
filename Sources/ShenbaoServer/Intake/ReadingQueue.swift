/// The reading jobs of a desk, one after another (each reads its books with the configured number of
/// worker processes), and how far each has come, for the progress bar. Which jobs wait is in the store;
/// this only runs them while the server runs.
actor ReadingQueue {
    /// How far a job has come: books read of all its books; `ahead` jobs wait before it.
    struct Progress: Sendable, Equatable {
        var done = 0
        var total = 0
        var ahead = 0
    }

    typealias Work = @Sendable (_ report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) async -> Void

    private var pending: [(id: Int64, work: Work)] = []
    private var current: (id: Int64, task: Task<Void, Never>)?
    private var progress: [Int64: Progress] = [:]

    /// Queues job `id` unless it is queued or running already.
    func enqueue(_ id: Int64, _ work: @escaping Work) {
        guard progress[id] == nil else { return }
        pending.append((id, work))
        progress[id] = Progress(ahead: pending.count - (current == nil ? 1 : 0))
        if current == nil { startNext() }
    }

    /// Nil when the job is not queued or running (done, failed, or not this server's).
    func progress(of id: Int64) -> Progress? { progress[id] }

    /// Returns when no job is queued or running.
    func waitUntilIdle() async {
        while let running = current { await running.task.value }
    }

    private func startNext() {
        guard !pending.isEmpty else {
            current = nil
            return
        }
        let (id, work) = pending.removeFirst()
        for (index, waiting) in pending.enumerated() { progress[waiting.id]?.ahead = index + 1 }
        progress[id]?.ahead = 0
        current = (id, Task {
            await work { done, total in Task { await self.report(id, done: done, total: total) } }
            await self.finished(id)
        })
    }

    private func report(_ id: Int64, done: Int, total: Int) {
        guard let known = progress[id], done >= known.done else { return }
        progress[id] = Progress(done: done, total: total, ahead: 0)
    }

    private func finished(_ id: Int64) {
        progress[id] = nil
        startNext()
    }
}
