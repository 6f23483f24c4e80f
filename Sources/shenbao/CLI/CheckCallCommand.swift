import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao check-call ID [BOOK…]`: for the person writing a call — the strict checks of its folder, and
/// for each sample book where every field's value came from or why it was not found.
struct CheckCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-call",
        abstract: "检查申报类别模板目录（call.yaml、catalogue.tsv 等），并逐字段显示样本申报书中值的来源",
        discussion: "退出码：0 没有发现问题；1 模板有误、样书中有警告或无法读取；2 用法或输入输出错误。"
    )

    @Argument(help: ArgumentHelp("申报类别 id（模板目录下的文件夹名）", valueName: "ID"))
    var call: String

    @Argument(help: ArgumentHelp("样本申报书（.docx 或 .pdf）或文件夹", valueName: "BOOK"))
    var books: [String] = []

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: OutputFormat = .text

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    /// Everything the command prints in JSON.
    struct Output: Encodable {
        var call: String
        var folder: String
        var problems: [CallFolderProblem]
        var books: [CallBookReport]
    }

    func run() throws {
        let loader = specOptions.loader
        let folder = "\(loader.directory)/\(call)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            let known = loader.callIDs()
            Self.exitWithUsage(.usage("未找到申报类别目录 \(folder)" + (known.isEmpty ? "" : "；可选：\(known.joined(separator: "、"))")))
        }
        let (paths, skipped) = InputFiles.expand(books, extensions: Submission.bookExtensions)
        if !books.isEmpty && paths.isEmpty && skipped.isEmpty { Self.exitWithUsage(.usage("没有找到 .docx 或 .pdf 文件")) }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            Self.exitWithUsage(.usage("找不到文件 \(path)"))
        }

        var problems = CallFolderChecker.check(folder: folder)
        var reports: [CallBookReport] = []
        if !paths.isEmpty {
            do {
                _ = try loader.load(call)
                reports = read(paths)
            } catch {
                let note = CallFolderProblem(file: "call.yaml", message: "模板无法加载，没有读取样本申报书")
                if !problems.contains(note) { problems.append(note) }
            }
        }

        // What the folder walk could not look through is reported as a book that could not be read.
        reports += skipped.map { CallBookReport(file: $0.file, call: call, scanned: false, fields: [], warnings: [], notes: [], error: $0) }

        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let output = Output(call: call, folder: folder, problems: problems, books: reports)
            print(String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self))
        } else {
            print(Self.render(call: call, folder: folder, problems: problems, reports: reports), terminator: "")
        }
        let troubled = !problems.isEmpty || reports.contains { $0.error != nil || !$0.warnings.isEmpty }
        if troubled { throw ExitCode(1) }
    }

    /// Each book read in a worker process (`shenbao worker check-call`), as `extract` does.
    private func read(_ paths: [String]) -> [CallBookReport] {
        let progress = ProgressLine(total: paths.count)
        let answers: [Result<CallBookReport, BookError>] = isolation.workers(specOptions)
            .run(.checkCall, call: call, inputs: paths) { progress.update($0) }
        progress.finish()
        return answers.map { answer in
            answer.answer { CallBookReport(file: $0.file, call: call, scanned: false, fields: [], warnings: [], notes: [], error: $0) }
        }
    }

    // MARK: - text

    static func render(call: String, folder: String, problems: [CallFolderProblem], reports: [CallBookReport]) -> String {
        var out = "== 申报类别 \(call)（\(folder)）\n"
        if problems.isEmpty {
            out += "模板检查：没有发现问题\n"
        } else {
            out += "模板有 \(problems.count) 处问题：\n"
            for problem in problems { out += "  \(problem.description)\n" }
        }
        for report in reports {
            out += "\n== 样书 \(report.file)\n"
            if let error = report.error {
                out += "  无法读取：\(error.message)\n"
                continue
            }
            var table = TextTable(header: ["字段", "标签", "结果", "来源", "值或原因"])
            for field in report.fields {
                let value = field.status == .found ? (field.value ?? "") : [field.reason, field.value.map { "「\($0)」" }].compactMap { $0 }.joined(separator: " ")
                table.rows.append([field.id, field.label, statusName(field.status), field.source.map(describe) ?? "", value])
            }
            out += table.render(maxWidth: 60).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            let found = report.fields.filter { $0.status == .found }.count
            out += "  共 \(report.fields.count) 个字段：找到 \(found) 个，未找到或未采用 \(report.fields.count - found) 个\n"
            for note in report.notes { out += "  说明：\(note)\n" }
            if !report.warnings.isEmpty {
                out += "  警告：\n"
                for warning in report.warnings { out += "    \(warning.message)\n" }
            }
        }
        return out
    }

    static func statusName(_ status: CallBookReport.FieldReport.Status) -> String {
        switch status {
        case .found: return "找到"
        case .unparsed: return "无法识别"
        case .ambiguous: return "有歧义，未采用"
        case .blank: return "空白"
        case .notFound: return "未找到"
        }
    }

    /// `一、单位基本情况表 表2 第3行第2列 标签「单位名称」右侧单元格`.
    static func describe(_ source: SourceLocation) -> String {
        var parts: [String] = []
        if let section = source.section { parts.append(section) }
        if let table = source.table {
            var cell = "表\(table)"
            if let row = source.row { cell += " 第\(row)行" }
            if let column = source.column { cell += (source.row == nil ? " " : "") + "第\(column)列" }
            parts.append(cell)
        }
        if let page = source.page { parts.append("第\(page)页") }
        var how = source.label.map { "标签「\($0)」" } ?? ""
        switch source.how?.rawValue {
        case "right"?: how += "右侧单元格"
        case "below"?: how += "下方的行"
        case "matrix"?: how += "所在行与列的交叉处"
        case "inline"?: how += "同一单元格的冒号后"
        case "cover"?: how += "封面行"
        case "paragraph"?: how += "正文段落的冒号后"
        case "heading"?: how += "标题下的内容"
        case "marked"?: how += "选项下方的勾选"
        case "rows"?: how += "表格各行"
        case let other?: how += "（\(other)）"
        case nil: break
        }
        if !how.isEmpty { parts.append(how) }
        return parts.joined(separator: " ")
    }
}
