import Foundation

/// Work run on a second thread while the calling thread does its own, joined before anything forks. Whoever
/// starts one joins it (a thread dropped unjoined would run on into the next fork).
///
/// Used before a batch forks its workers: once joined, the process has a single thread again, so it may
/// still fork (a fork of a process with other threads could copy a lock one of them holds).
package final class SideThread: @unchecked Sendable {
    private var thread = pthread_t()
    private let work: @Sendable () -> Void
    /// The thread's `/proc/self/task` entry (`/proc/thread-self`, read by the thread itself, names it as
    /// `PID/task/TID`); written before the work, read after the join.
    private var taskEntry: String?
    /// Whether a thread was started and not yet joined.
    private var running = false

    /// Starts `work` on a new thread; when no thread can be started, runs it here.
    package init(_ work: @escaping @Sendable () -> Void) {
        self.work = work
        let context = Unmanaged.passRetained(self)
        if pthread_create(&thread, nil, { context in
            let side = Unmanaged<SideThread>.fromOpaque(context!).takeRetainedValue()
            var link = [CChar](repeating: 0, count: 64)
            if readlink("/proc/thread-self", &link, link.count - 1) > 0 {
                side.taskEntry = "/proc/" + String(cString: link)
            }
            side.work()
            return nil
        }, context.toOpaque()) == 0 {
            running = true
        } else {
            context.release()
            work()
        }
    }

    /// Waits for the work to finish and the thread to leave the process (after the join, 1,000 checks 50 µs apart
    /// at most: a join returns as the thread exits, a moment before the kernel drops it from `/proc/self/task`,
    /// and a fork decided in that moment would count two threads). Joining twice does nothing.
    package func join() {
        guard running else { return }
        running = false
        pthread_join(thread, nil)
        guard let taskEntry else { return }
        var checks = 0
        while checks < 1000, access(taskEntry, F_OK) == 0 {
            usleep(50)
            checks += 1
        }
    }

    /// Runs `side` on a new thread while `main` runs on this one; returns `main`'s result once both are done
    /// and the side thread has left the process.
    package static func run<Result>(_ side: @escaping @Sendable () -> Void, alongside main: () throws -> Result) rethrows -> Result {
        let thread = SideThread(side)
        defer { thread.join() }
        return try main()
    }
}
