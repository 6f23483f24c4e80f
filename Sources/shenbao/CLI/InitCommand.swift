import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao init --call ID [--out FILE.yaml]`: the data skeleton an applicant fills for `fill`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "生成某申报类别的数据文件模板（YAML，逐字段带注释）",
        discussion: "不给 --out 时输出到标准输出。退出码：0 成功；2 用法错误或无法写入。"
    )

    @Option(name: .long, help: ArgumentHelp("申报类别", valueName: "ID"))
    var call: String

    @Option(name: .long, help: ArgumentHelp("写入此 YAML 文件（已存在时需 --force）", valueName: "FILE"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("用此数据文件或 extract --format json 的输出预先填好取值", valueName: "FILE"))
    var from: String?

    @Flag(name: .long, help: "覆盖已存在的 --out 文件")
    var force = false

    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        let spec: CallSpec
        do {
            guard let found = try specOptions.spec(call, among: try specOptions.loadAll()) else { throw ShenbaoExit.usage("缺少 --call") }
            spec = found
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }
        var record: Record?
        if let from {
            do {
                record = try ApplicantData.record(at: from, spec: spec)
            } catch {
                Self.exitWithUsage(.usage("\(from)：\(error.description)"))
            }
        }
        let text = DataSkeleton.yaml(for: spec, record: record)
        guard let out else {
            print(text, terminator: "")
            return
        }
        if FileManager.default.fileExists(atPath: out) && !force {
            Self.exitWithUsage(.usage("\(out) 已存在，未覆盖（确需覆盖请加 --force）"))
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: out, inputs: from.map { [$0] } ?? [])
        } catch {
            Self.exitWithUsage(.usage("\(error)"))
        }
        FileHandle.standardError.write(Data("已生成数据文件 \(out)（\(spec.fields.count) 个字段）\n".utf8))
    }
}
