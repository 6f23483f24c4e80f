import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao summary INPUT… --call ID --out FILE…`: the bureau's recommendation summary table (汇总表)
/// of a batch — from books (read in worker processes, one row per submission) and data files — as a
/// Word document, an Excel workbook and/or CSV.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "生成推荐汇总表（Word、Excel、CSV）",
        discussion: """
        INPUT 可以是申报书（.docx/.pdf）、申报材料文件夹或收件文件夹（递归查找申报书，每份提交列一行），\
        也可以是数据文件（.yaml/.yml/.json/.jsonl/.csv，每条记录列一行，键为字段编号或表中标签）。
        --out 的扩展名决定格式：.docx、.xlsx 或 .csv，可给多次。
        退出码：0 成功；1 有输入无法读取（其余输入照常列入汇总表）；2 用法错误或输入输出错误。
        """
    )

    @Argument(help: ArgumentHelp("申报书、文件夹或数据文件", valueName: "INPUT"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("申报类别（汇总表格式按类别而定）", valueName: "ID"))
    var call: String

    @Option(name: .long, help: ArgumentHelp("输出文件（.docx、.xlsx 或 .csv），可给多次", valueName: "FILE"))
    var out: [String] = []

    @Option(name: .long, help: ArgumentHelp("推荐单位名称（默认取自申报书，各份一致时）", valueName: "TEXT"))
    var recommender: String?

    @Option(name: .long, help: ArgumentHelp("推荐单位联系人及联系方式，如“沈顺 027-85317019”", valueName: "TEXT"))
    var contact: String?

    @Option(name: .long, help: ArgumentHelp("自定义 Word 模板（.docx 或 Word XML），默认用申报类别的 summary.xml", valueName: "FILE"))
    var template: String?

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let specs: [CallSpec]
        let spec: CallSpec
        let summary: SummarySpec
        let outputs: [(path: String, format: SummaryFormat)]
        do {
            specs = try specOptions.loadAllForReading()
            guard let found = try specOptions.spec(call, among: specs) else { throw ShenbaoExit.usage("缺少 --call") }
            spec = found
            do { summary = try SummarySpec.load(for: spec) } catch { throw ShenbaoExit.usage(error.description) }
            guard !out.isEmpty else { throw ShenbaoExit.usage("请用 --out 指定输出文件（.docx、.xlsx 或 .csv）") }
            outputs = try out.map { path in
                guard let format = SummaryFormat(path: path) else {
                    throw ShenbaoExit.usage("无法按扩展名确定输出格式：\(path)（应为 .docx、.xlsx 或 .csv）")
                }
                return (path, format)
            }
            for path in inputs where !FileManager.default.fileExists(atPath: path) {
                throw ShenbaoExit.usage("找不到 \(path)")
            }
            if let template, !FileManager.default.fileExists(atPath: template) {
                throw ShenbaoExit.usage("找不到模板 \(template)")
            }
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }

        let progress = ProgressLine(total: 0)
        let rows = SummaryRows.gather(inputs, spec: spec, specs: specs, workers: isolation.workers(specOptions, loaded: specs)) {
            progress.update($0, of: $1)
        }
        progress.finish()
        let table = SummaryBuilder(call: spec, spec: summary).build(records: rows.records, recommender: recommender, contact: contact)

        // Never write over what was read: the paths given, the books found in folders, the template.
        let protected = inputs + InputFiles.expand(inputs, extensions: Submission.bookExtensions).files + (template.map { [$0] } ?? [])
        for output in outputs {
            do { try output.format.write(table, to: output.path, template: template, inputs: protected) } catch {
                Self.exitWithUsage(.usage("\(error)"))
            }
        }
        let stderr = FileHandle.standardError
        for note in table.notes { stderr.write(Data("提示：\(note)\n".utf8)) }
        for problem in rows.problems { stderr.write(Data("无法列入：\(problem)\n".utf8)) }
        if rows.invalid > 0 {
            stderr.write(Data("提示：\(rows.invalid) 份申报书校验发现错误，可用 shenbao validate 查看\n".utf8))
        }
        print("汇总表「\(table.title)」共 \(table.rows.count) 行，已写入 \(outputs.map(\.path).joined(separator: "、"))")
        if !rows.problems.isEmpty {
            print("\(rows.problems.count) 项输入无法读取，未列入汇总表（见上方说明）")
            throw ExitCode(1)
        }
    }
}
