import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao worker TASK`: the child-process side of `IsolatedWorkers` (not for direct use). Reads one input (a
/// file path) per line on stdin, its line breaks and backslashes escaped (`WorkerLine`), and answers each with
/// one JSON line on stdout.
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
