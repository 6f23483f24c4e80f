import ArgumentParser
import Foundation
import ShenbaoKit

/// Options for reading files in separate worker processes: how many at once, and how long each may take.
public struct IsolationOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: "并行处理的文件数（默认：CPU 核数）")
    public var jobs: Int = ProcessorCount.available

    @Option(name: .long, help: ArgumentHelp("每个文件最长读取时间（秒），超时的文件报告为无法读取", valueName: "SECONDS"))
    public var timeout: Double = 60

    /// The worker processes of a command, reading with the call folders of `specOptions`; `loaded` are those
    /// folders' specs when the command has loaded them (its workers are then forked with them).
    public func workers(_ specOptions: SpecOptions, loaded: [CallSpec]? = nil) -> IsolatedWorkers {
        IsolatedWorkers(timeout: timeout, jobs: jobs, templates: specOptions.loader.directory, loaded: loaded)
    }
}
