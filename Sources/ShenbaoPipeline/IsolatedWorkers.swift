import Foundation
import ShenbaoModel
import ShenbaoSpec
import ShenbaoExtraction
import ShenbaoValidation

/// Work done in worker processes of this program (`shenbao worker TASK …`, see `WorkerTask`), so that a
/// hostile file can neither hang nor crash a run. What the command line and the web desk both call; the
/// one place a worker's answer is decoded: an answer that cannot be parsed is `read.crashed`, as a worker
/// that died, and one that ran out of time is `read.timeout`.
public struct IsolatedWorkers: Sendable {
    /// Seconds one file may take.
    public var timeout: Double
    /// Files read at once.
    public var jobs: Int
    /// The call folders' directory, passed on to every worker.
    public var templates: String
    /// The program started as a worker: this one.
    public var executable: String
    /// The call specs of `templates`, when this process has loaded them already: the first workers of a run
    /// are then forked from this process with them (while it has one thread), instead of each starting the
    /// program and loading them again.
    public var loaded: [CallSpec]?

    public init(timeout: Double, jobs: Int, templates: String, executable: String = CallSpecLoader.runningExecutable,
                loaded: [CallSpec]? = nil) {
        self.timeout = timeout
        self.jobs = jobs
        self.templates = templates
        self.executable = executable
        self.loaded = loaded
    }

    /// Each input's answer to `task`, in input order, decoded by `decode`; `progress` gets the number done;
    /// `validator`, the command's own, is what forked workers validate with.
    public func run<Answer: Sendable>(_ task: WorkerTask, call: String? = nil, format: String? = nil, inputs: [String],
                                      progress: (@Sendable (Int) -> Void)? = nil, validator: BatchValidator? = nil,
                                      decode: @Sendable (String) -> Answer?) -> [Result<Answer, BookError>] {
        var arguments = ["worker", task.rawValue, "--templates", templates]
        if let call { arguments += ["--call", call] }
        if let format { arguments += ["--format", format] }
        let prepare = loaded.map { specs in
            { () -> (String) -> String in
                let answerer = WorkerTask.Answerer(task: task, specs: specs, call: call, format: format ?? "json", validator: validator)
                return answerer.answer
            }
        }
        let pool = WorkerPool(executable: executable, arguments: arguments, jobs: jobs, timeout: timeout, prepare: prepare)
        return pool.run(inputs, progress: progress) { path, answer in
            switch answer {
            case .success(let line):
                if let decoded = decode(line) { return .success(decoded) }
                return .failure(BookError(file: path, code: "read.crashed", message: "读取进程的回答无法解析"))
            case .failure(.timedOut(let seconds)):
                return .failure(BookError(file: path, code: "read.timeout",
                                          message: "读取超时（超过 \(Int(seconds)) 秒），文件可能过大、已损坏或被恶意构造"))
            case .failure(.crashed(let reason)):
                return .failure(BookError(file: path, code: "read.crashed",
                                          message: "读取时出错终止（\(reason)），文件可能已损坏或被恶意构造"))
            }
        }
    }

    /// Each input's answer to `task` as a JSON value.
    public func run<Answer: Decodable & Sendable>(_ task: WorkerTask, call: String? = nil, format: String? = nil, inputs: [String],
                                       progress: (@Sendable (Int) -> Void)? = nil) -> [Result<Answer, BookError>] {
        run(task, call: call, format: format, inputs: inputs, progress: progress) { line in
            try? JSONDecoder().decode(Answer.self, from: Data(line.utf8))
        }
    }

    /// Each request's preview, a worker (`shenbao worker preview`) answering; a worker that dies or runs out
    /// of time gives a `Preview` with the Chinese `error` of `read.crashed` / `read.timeout`.
    public func previews(_ requests: [PreviewRequest]) -> [Preview] {
        let answers: [Result<Preview, BookError>] = run(.preview, inputs: requests.map(\.line))
        return answers.map { $0.answer { Preview(error: $0.message) } }
    }

    /// Validates the submissions found in `paths` with `validator`, each book read and checked in a worker
    /// (`shenbao worker validate`, whose outcomes come without `Record.locations`); `progress` gets the books
    /// done and their total. `trim` drops, from each outcome as it arrives, what else the caller will not read:
    /// a batch of 10,000 books holds every outcome until the submission and inbox rules have run.
    public func validate(_ paths: [String], with validator: BatchValidator, trim: (@Sendable (inout BookOutcome) -> Void)? = nil,
                         progress: (@Sendable (Int, Int) -> Void)? = nil) -> ValidationReport {
        validator.validate(paths: paths, jobs: jobs, progress: progress) { books, done in
            let answers = run(.validate, call: validator.forcedCall?.id, inputs: books, progress: done, validator: validator) { line in
                var outcome = BookOutcome(wireLine: line, specs: validator.specs)
                if let trim, outcome != nil { trim(&outcome!) }
                return outcome
            }
            return answers.map { answer in
                answer.answer(or: BookOutcome.init(unread:))
            }
        }
    }
}

extension Result where Failure == BookError {
    /// The answer, or what `unread` makes of the error of a file whose worker gave none.
    public func answer(or unread: (BookError) -> Success) -> Success {
        switch self {
        case .success(let answer): return answer
        case .failure(let error): return unread(error)
        }
    }
}
