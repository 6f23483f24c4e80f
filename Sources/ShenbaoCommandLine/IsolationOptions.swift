import ArgumentParser
import Foundation
import ShenbaoKit

/// Options for reading each file in a separate worker process with a time limit.
public struct IsolationOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: ArgumentHelp("每个文件最长读取时间（秒），超时的文件报告为无法读取", valueName: "SECONDS"))
    public var timeout: Double = 60

    /// The worker processes of a command, reading with the call folders of `specOptions`; `loaded` are those
    /// folders' specs when the command has loaded them (its workers are then forked with them).
    public func workers(_ specOptions: SpecOptions, jobs: Int, loaded: [CallSpec]? = nil) -> IsolatedWorkers {
        IsolatedWorkers(timeout: timeout, jobs: jobs, templates: specOptions.loader.directory, loaded: loaded)
    }
}
