import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao check-stamp 汇总表.pdf… --call ID`: whether a stamped 汇总表 carries the recommending unit's
/// seal where the call's summary.yaml says (`seals:`), for a bureau receiving the tables of the units below it.
struct CheckStampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-stamp",
        abstract: "检查盖章的汇总表（PDF）：推荐单位（盖章）处是否有公章",
        discussion: "退出码：0 应盖章处都有公章；1 有缺少公章或无法读取的文件；2 用法错误。"
    )

    @Argument(help: ArgumentHelp("盖章的汇总表（.pdf）", valueName: "PDF"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("申报类别", valueName: "ID"))
    var call: String

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: OutputFormat = .text

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        do {
            guard let spec = try specOptions.spec(call, among: try specOptions.loadAll()) else { throw ShenbaoExit.usage("缺少 --call") }
            let summary = try SummarySpec.load(for: spec)
            if summary.seals.isEmpty { throw ShenbaoExit.usage("申报类别 \(call) 的汇总表没有规定盖章处（summary.yaml 的 seals）") }
            for file in files where !FileManager.default.fileExists(atPath: file) { throw ShenbaoExit.usage("找不到 \(file)") }
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        } catch {
            Self.exitWithUsage(.usage("\(error)"))
        }
        let progress = ProgressLine(total: files.count)
        let answers: [Result<[Finding], BookError>] = isolation.workers(specOptions)
            .run(.checkStamp, call: call, inputs: files) { progress.update($0) }
        progress.finish()
        let results = zip(files, answers).map { file, answer in
            (file: file, findings: answer.answer { [ReadErrorRule.finding(for: $0)] })
        }
        if format == .json {
            struct Entry: Encodable { var file: String; var findings: [Finding] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results.map { Entry(file: $0.file, findings: $0.findings) }), as: UTF8.self))
        } else {
            for (file, findings) in results {
                print("== \(file)")
                for finding in findings { print("  \(finding.severity.chineseName)  \(finding.rule)  \(finding.message)") }
            }
        }
        if results.contains(where: { $0.findings.contains { $0.severity != .info } }) { throw ExitCode(1) }
    }
}
