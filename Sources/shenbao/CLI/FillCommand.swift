import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// Options and the common flow of `fill` and `declaration`: read the data, check it, render a template.
struct WriteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("申报类别", valueName: "ID"))
    var call: String

    @Argument(help: ArgumentHelp("数据文件（.yaml/.json/.csv，字段 id 或表上标签为键；shenbao init 可生成）", valueName: "DATA"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("输出的 .docx 文件（不会覆盖输入文件）", valueName: "FILE"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("使用此 Word 模板（.docx 或 Word XML），默认用申报类别自带的模板", valueName: "FILE"))
    var template: String?

    @Flag(name: .long, help: "数据有错误时仍然生成草稿：缺少的内容标为【待补充：栏目】")
    var force = false

    @OptionGroup var specOptions: SpecOptions

    /// Reads, checks and writes; exits 0 (written), 1 (errors in the data, nothing written), 2 (usage or I/O).
    func run(_ kind: BookWriter.Kind) throws {
        let spec: CallSpec
        do {
            guard let found = try specOptions.spec(call, among: try specOptions.loadAll()) else { throw ShenbaoExit.usage("缺少 --call") }
            spec = found
            guard FileManager.default.fileExists(atPath: data) else { throw ShenbaoExit.usage("找不到数据文件 \(data)") }
            if let template, !FileManager.default.fileExists(atPath: template) { throw ShenbaoExit.usage("找不到模板 \(template)") }
            guard (out as NSString).pathExtension.lowercased() == "docx" else {
                throw ShenbaoExit.usage("--out 应为 .docx 文件：\(out)")
            }
        } catch let error as ShenbaoExit {
            FillCommand.exitWithUsage(error)
        }
        let record: Record
        do {
            record = try ApplicantData.record(at: data, spec: spec)
        } catch {
            FillCommand.exitWithUsage(.usage("\(data)：\(error.description)"))
        }
        for key in record.unmatched {
            report("警告  数据中的「\(key)」不是本申报类别的字段，已忽略")
        }
        let outcome: BookFill.Outcome
        do {
            outcome = try BookFill.run(kind, record: record, spec: spec, to: out, template: template, inputs: [data], allowDraft: force)
        } catch let error as WriteError {
            FillCommand.exitWithUsage(.usage(error.description))
        } catch {
            FillCommand.exitWithUsage(.usage("无法生成\(kind.chineseName)：\(error)"))
        }
        for finding in outcome.findings.sorted(by: { $0.severity < $1.severity }) {
            report("\(finding.severity.chineseName)  \(finding.rule)  \(finding.field ?? "")  \(finding.message)")
        }
        if !outcome.written {
            report("数据有 \(outcome.errors.count) 处错误，未生成\(kind.chineseName)。改正后重试，或加 --force 生成草稿。")
            throw ExitCode(1)
        }
        if outcome.draft {
            report("已生成\(kind.chineseName)草稿 \(out)：\(outcome.errors.count) 处错误，缺少的内容标为【待补充】，请补全后重新生成。")
        } else {
            report("已生成\(kind.chineseName) \(out)")
        }
    }

    private func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// `shenbao fill --call ID DATA --out 申报书.docx`: the whole application book in the official layout.
struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "按数据文件生成完整的申报书（Word）",
        discussion: """
        数据先按校验规则检查：有错误时不生成（退出码 1），加 --force 则生成草稿，缺少的内容标为【待补充：栏目】。
        退出码：0 已生成；1 数据有错误，未生成；2 用法错误或输入输出错误（包括 --out 指向输入文件）。
        """
    )

    @OptionGroup var options: WriteOptions

    func run() throws { try options.run(.book) }
}
