import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao extract FILE…`: every catalogue field of each book, as JSON lines or a Chinese table.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "读取申报书（DOCX/PDF）中的全部字段",
        discussion: "JSON 格式每个文件一行：{\"call\", \"file\", \"scanned\", \"fields\", \"unmatched\"}；无法读取的文件输出 {\"file\", \"error\"}。"
    )

    @Argument(help: ArgumentHelp("申报书文件（.docx 或 .pdf）或文件夹", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("按此申报类别读取（默认按标题自动识别）", valueName: "ID"))
    var call: String?

    @Option(name: .long, help: "输出格式：text 或 json")
    var format: OutputFormat = .text

    @OptionGroup var specOptions: SpecOptions
    @OptionGroup var isolation: IsolationOptions

    func run() throws {
        let specs: [CallSpec]
        do {
            specs = try specOptions.loadAllForReading()
            _ = try specOptions.spec(call, among: specs)
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }
        let (paths, skipped) = InputFiles.expand(files, extensions: Submission.bookExtensions)
        if paths.isEmpty && skipped.isEmpty { Self.exitWithUsage(.usage("没有找到 .docx、.pdf、.doc 或 .wps 文件")) }
        let progress = ProgressLine(total: paths.count)
        let answers: [Result<WorkerTask.ExtractAnswer, BookError>] = isolation.workers(specOptions, loaded: specs)
            .run(.extract, call: call, format: format.rawValue, inputs: paths, progress: { progress.update($0) },
                 decode: WorkerTask.ExtractAnswer.init(wireLine:))
        progress.finish()
        var failures = 0
        // What the folder walk could not look through is listed after the files read, as files that could not be.
        for (path, answer) in zip(paths, answers) + skipped.map({ ($0.file, .failure($0)) }) {
            let decoded = answer.answer { WorkerTask.ExtractAnswer($0, format: format.rawValue) }
            print(decoded.out)
            if !decoded.ok {
                failures += 1
                FileHandle.standardError.write(Data("shenbao：\(path)：\(decoded.err ?? "")\n".utf8))
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
