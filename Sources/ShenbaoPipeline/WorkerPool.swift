import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// Runs work in child processes so that a hostile file can neither hang nor crash the run: each
/// worker (this program started again in its `worker` mode, or forked from this process, see `Worker`)
/// takes one input per line on stdin and answers with one line on stdout. A worker that takes longer than the time limit is killed and
/// replaced, one that dies is replaced; either way that input gets a failure and the run goes on.
public final class WorkerPool: @unchecked Sendable {
    /// Why an input got no answer.
    public enum Failure: Error, Sendable, Equatable {
        case timedOut(seconds: Double)
        case crashed(String)
    }

    private let executable: String
    private let arguments: [String]
    private let jobs: Int
    private let timeout: Double
    private let prepare: (() -> (String) -> String)?

    /// - Parameters:
    ///   - executable: the program to start (this program, `/proc/self/exe`).
    ///   - arguments: its arguments, selecting the worker mode.
    ///   - timeout: seconds one input may take.
    ///   - prepare: sets up the worker's answer in this process (call specs loaded, extractor built). When given
    ///     and this process still has a single thread, it is called once and the first workers are forked from
    ///     this process with everything set up, instead of starting the program anew and loading it all again
    ///     in each one.
    public init(executable: String, arguments: [String], jobs: Int, timeout: Double,
                prepare: (() -> (String) -> String)? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.prepare = prepare
    }

    /// What `use` makes of each input's answer line (or failure), in input order; `progress` gets the number
    /// done. `use` runs as each line comes, so a batch of 10,000 books never holds all their lines at once.
    public func run<Answer: Sendable>(_ inputs: [String], progress: (@Sendable (Int) -> Void)? = nil,
                                      use: @Sendable (String, Result<String, Failure>) -> Answer) -> [Answer] {
        let forked = ForkedWorkers(count: min(jobs, inputs.count), prepare: prepare, timeout: timeout)
        return Batch.map(inputs, jobs: jobs, progress: progress, context: { forked.take() }, finish: { $0?.stop() }) { worker, input in
            use(input, self.answer(input, worker: &worker))
        }
    }

    /// Sends one input to a (re)started worker and waits for its line.
    private func answer(_ input: String, worker: inout Worker?) -> Result<String, Failure> {
        if worker == nil || worker?.isRunning == false {
            worker = Worker(spawning: executable, arguments: arguments, timeout: timeout)
        }
        guard let current = worker else { return .failure(.crashed("无法启动读取进程")) }
        let result = current.ask(WorkerLine.escaped(input), timeout: timeout)
        if case .failure = result {
            current.kill()
            worker = nil
        }
        return result
    }
}

/// Workers forked before the batch starts its threads, handed out one to each thread.
private final class ForkedWorkers: @unchecked Sendable {
    private let lock = NSLock()
    private var workers: [Worker]

    init(count: Int, prepare: (() -> (String) -> String)?, timeout: Double) {
        guard count > 0, let prepare, WorkerProcess.isSingleThreaded else {
            workers = []
            return
        }
        let answer = prepare()
        workers = (0..<count).compactMap { _ in Worker(forking: answer, timeout: timeout) }
    }

    /// A forked worker, or nil (the thread then starts its own).
    func take() -> Worker? {
        lock.withLock { workers.popLast() }
    }
}
