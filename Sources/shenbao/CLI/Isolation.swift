import ArgumentParser
import Foundation
import ShenbaoKit

/// Options for reading each file in a separate worker process with a time limit.
struct IsolationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("每个文件最长读取时间（秒），超时的文件报告为无法读取", valueName: "SECONDS"))
    var timeout: Double = 60

    /// The pool running `shenbao worker TASK …` with the given arguments.
    func pool(task: [String], jobs: Int) -> WorkerPool {
        WorkerPool(executable: Self.executable, arguments: ["worker"] + task, jobs: jobs, timeout: timeout)
    }

    /// This program, to start as a worker.
    static var executable: String { CallSpecLoader.runningExecutable }

    /// Validates `paths` with `validator`, each book read and checked in a worker process
    /// (`shenbao worker validate TASK…`), with progress on the terminal. The one place a worker's answer
    /// becomes a `BookOutcome`: an answer that cannot be parsed is `read.crashed`, as a worker that died.
    func validate(_ paths: [String], with validator: BatchValidator, task: [String], specs: [CallSpec], jobs: Int) -> ValidationReport {
        let progress = ProgressLine(total: 0)
        let pool = pool(task: ["validate"] + task, jobs: jobs)
        let report = validator.validate(paths: paths, jobs: jobs, progress: { done, total in progress.update(done, of: total) }) { books, done in
            zip(books, pool.run(books, progress: done)).map { path, answer in
                let error: BookError
                switch answer {
                case .success(let line):
                    if let outcome = BookOutcome(wireLine: line, specs: specs) { return outcome }
                    error = BookError(file: path, code: "read.crashed", message: "读取进程的回答无法解析")
                case .failure(let failure):
                    error = Self.bookError(failure, file: path)
                }
                return BookOutcome(file: path, error: error, findings: [ReadErrorRule.finding(for: error)])
            }
        }
        progress.finish()
        return report
    }

    /// The error a file gets when its worker timed out or died.
    static func bookError(_ failure: WorkerPool.Failure, file: String) -> BookError {
        switch failure {
        case .timedOut(let seconds):
            return BookError(file: file, code: "read.timeout",
                             message: "读取超时（超过 \(Int(seconds)) 秒），文件可能过大、已损坏或被恶意构造")
        case .crashed(let reason):
            return BookError(file: file, code: "read.crashed", message: "读取时出错终止（\(reason)），文件可能已损坏或被恶意构造")
        }
    }
}

/// `shenbao worker`: the child-process side of `WorkerPool` (not for direct use). Reads one file path
/// per line on stdin and answers each with one JSON line on stdout.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "（内部）子进程读取文件", shouldDisplay: false)

    @Argument var task: String
    @Option var call: String?
    @Option var format: String = "json"
    @Option var deadline: String?
    @OptionGroup var specOptions: SpecOptions

    /// One answer of an `extract` worker: the file's output and whether it was read.
    struct ExtractAnswer: Codable {
        var ok: Bool
        var out: String
        var err: String?
    }

    func run() throws {
        let specs = (try? specOptions.loader.loadAll()) ?? []
        let forced = call.flatMap { id in specs.first { $0.id == id } }
        let extractor = BookExtractor(specs: specs, forcedCall: forced)
        let validator = BatchValidator(specs: specs, forcedCall: forced)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        while let path = readLine(strippingNewline: true) {
            let line: String
            if task == "validate" {
                line = validator.validateBook(path: path).wireLine()
            } else if task == "check-stamp" {
                let summary = specs.first { $0.id == call }.flatMap { try? SummarySpec.load(for: $0) }
                let findings = summary.map { SummaryStampCheck.findings(path: path, spec: $0) } ?? []
                line = String(decoding: (try? encoder.encode(findings)) ?? Data(), as: UTF8.self)
            } else if task == "check-call" {
                line = String(decoding: (try? encoder.encode(checkCall(path, specs: specs))) ?? Data(), as: UTF8.self)
            } else {
                let answer: ExtractAnswer
                switch extractor.extract(path: path) {
                case .success(let record):
                    let out = format == "json" ? RecordJSONWriter.line(for: record)
                        : RecordTextWriter.render(record, spec: specs.first { $0.id == record.call }) + "\n"
                    answer = ExtractAnswer(ok: true, out: out)
                case .failure(let error):
                    answer = ExtractAnswer(ok: false, out: ExtractCommand.render(error, format: format), err: error.message)
                }
                line = String(decoding: (try? encoder.encode(answer)) ?? Data(), as: UTF8.self)
            }
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    /// A `check-call` worker's answer for one book: where each field of the call came from.
    private func checkCall(_ path: String, specs: [CallSpec]) -> CallBookReport {
        guard let spec = specs.first(where: { $0.id == call }) else {
            return CallBookReport(file: path, call: call ?? "", scanned: false, fields: [], warnings: [], notes: [],
                                  error: BookError(file: path, code: "call.unknown", message: "申报类别 \(call ?? "") 的模板无法加载"))
        }
        return CallBookCheck.run(spec, path: path)
    }
}
