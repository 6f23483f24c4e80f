import Foundation

/// Work run on a second thread while the calling thread does its own, the two joined before `run` returns.
///
/// Used before a batch forks its workers: the process has a single thread again once `run` returns, so it
/// may still fork (a fork of a process with other threads could copy a lock one of them holds).
package enum SideThread {
    /// Runs `side` on a new thread while `main` runs on this one; returns `main`'s result once both are done
    /// and the side thread has left the process. When no thread can be started, `side` runs here first.
    package static func run<Result>(_ side: @escaping @Sendable () -> Void, alongside main: () throws -> Result) rethrows -> Result {
        let work = Unmanaged.passRetained(SideWork(side))
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<SideWork>.fromOpaque(context!).takeUnretainedValue().run()
            return nil
        }, work.toOpaque())
        guard started == 0 else {
            work.release()
            side()
            return try main()
        }
        defer {
            pthread_join(thread, nil)
            work.takeRetainedValue().waitUntilGone()
        }
        return try main()
    }
}

/// The closure a side thread runs (a class, so one reference can pass through `pthread_create`), and where the
/// kernel lists the thread.
private final class SideWork: @unchecked Sendable {
    private let work: @Sendable () -> Void
    /// The thread's `/proc/self/task` entry (`/proc/thread-self`, read by the thread itself, names it as
    /// `PID/task/TID`); written before the work, read after the join.
    private var taskEntry: String?

    init(_ work: @escaping @Sendable () -> Void) { self.work = work }

    func run() {
        var link = [CChar](repeating: 0, count: 64)
        if readlink("/proc/thread-self", &link, link.count - 1) > 0 {
            taskEntry = "/proc/" + String(cString: link)
        }
        work()
    }

    /// Waits (at most about 50 ms) until the joined thread is no longer listed: a join returns as the thread
    /// exits, a moment before the kernel drops it from `/proc/self/task`, and a fork decided in that moment
    /// would count two threads.
    func waitUntilGone() {
        guard let taskEntry else { return }
        var checks = 0
        while checks < 1000, access(taskEntry, F_OK) == 0 {
            usleep(50)
            checks += 1
        }
    }
}
