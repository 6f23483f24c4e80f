import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao validate PATH…`: check books, submissions (a folder per applicant) and inboxes (a folder
/// of submissions) against the call's rules.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验申报书、申报材料文件夹和整批收件",
        discussion: """
        PATH 可以是文件或文件夹（递归）。直接含有 Word 文件的文件夹视为一家单位的一份提交；含有多份提交的文件夹视为一批收件。
        隐藏的文件和文件夹（以 . 开头）及 Word 临时文件（~$ 开头）不读；链接到的文件夹照读，同一文件夹只读一次。
        名称不是 UTF-8 编码的文件或文件夹（如 Windows 上打包的 zip 解压所得的 GBK 名称）、无权读取或超过 32 层的文件夹，报告为无法读取（read.unreadable）。
        退出码：0 未发现错误；1 发现错误（含无法读取的文件）；2 用法错误或输入输出错误。
        """
    )

    @Argument(help: ArgumentHelp("申报书文件或文件夹", valueName: "PATH"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("按此申报类别校验（默认按标题自动识别）", valueName: "ID"))
    var call: String?

    @Option(name: .long, help: "输出格式：text、json 或 csv")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("截止日期（YYYY-MM-DD）：之后修改过的提交记为逾期", valueName: "DATE"))
    var deadline: String?

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let specs: [CallSpec]
        let forced: CallSpec?
        do {
            specs = try specOptions.loadAllForReading()
            forced = try specOptions.spec(call, among: specs)
            if let deadline, DateParser.parse(deadline)?.count != 10 {
                throw ShenbaoExit.usage("--deadline 应为 YYYY-MM-DD 格式的日期：\(deadline)")
            }
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw ShenbaoExit.usage("找不到 \(path)")
            }
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }
        let validator = BatchValidator(specs: specs, forcedCall: forced,
                                       options: InboxOptions(deadline: deadline.flatMap(DateParser.parse)))
        let progress = ProgressLine(total: 0)
        let report = isolation.workers(specOptions, loaded: specs)
            .validate(paths, with: validator, progress: { progress.update($0, of: $1) })
        progress.finish()
        switch format {
        case .text: print(ReportTextWriter.render(report, specs: specs))
        case .json: print(ReportJSONWriter.render(report, specs: specs))
        case .csv: FileHandle.standardOutput.write(Data(ReportCSVWriter.render(report, specs: specs).utf8))
        }
        if report.summary.documents == 0 { Self.exitWithUsage(.usage("没有找到 .docx 或 .pdf 文件")) }
        if report.hasErrors { throw ExitCode(1) }
    }
}

/// Output formats of `validate`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
