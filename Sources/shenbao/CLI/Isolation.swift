import ArgumentParser
import Foundation
import ShenbaoKit

/// Options for reading each file in a separate worker process with a time limit.
struct IsolationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("每个文件最长读取时间（秒），超时的文件报告为无法读取", valueName: "SECONDS"))
    var timeout: Double = 60

    /// The worker processes of a command, reading with the call folders of `specOptions`; `loaded` are those
    /// folders' specs when the command has loaded them (its workers are then forked with them).
    func workers(_ specOptions: SpecOptions, jobs: Int, loaded: [CallSpec]? = nil) -> IsolatedWorkers {
        IsolatedWorkers(timeout: timeout, jobs: jobs, templates: specOptions.loader.directory, loaded: loaded)
    }
}

/// `shenbao worker TASK`: the child-process side of `IsolatedWorkers` (not for direct use). Reads one file
/// path per line on stdin and answers each with one JSON line on stdout.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "（内部）子进程读取文件", shouldDisplay: false)

    @Argument var task: String
    @Option var call: String?
    @Option var format: String = "json"
    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        guard let task = WorkerTask(rawValue: task) else { Self.exitWithUsage(.usage("未知的 worker 任务 \(task)")) }
        // A preview needs no call: the call folders are not loaded.
        let specs = task == .preview ? [] : (try? specOptions.loader.loadAll()) ?? []
        let answerer = WorkerTask.Answerer(task: task, specs: specs, call: call, format: format)
        WorkerLoop.serve(answerer.answer)
    }
}
