import ArgumentParser
import Foundation
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

    @Option(name: .long, help: "并行处理的文件数（默认：CPU 核数）")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        let specs: [CallSpec]
        let forced: CallSpec?
        do {
            specs = try specOptions.loadAll()
            forced = try specOptions.spec(call, among: specs)
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }
        let paths = InputFiles.expand(files, extensions: ["docx", "pdf"])
        let extractor = BookExtractor(specs: specs, forcedCall: forced)
        let progress = ProgressLine(total: paths.count)
        let results = Batch.map(paths, jobs: jobs, progress: { progress.update($0) }) { extractor.extract(path: $0) }
        progress.finish()
        var failures = 0
        for result in results {
            switch result {
            case .success(let record):
                switch format {
                case .json: print(RecordJSONWriter.line(for: record))
                case .text: print(RecordTextWriter.render(record, spec: specs.first { $0.id == record.call }) + "\n")
                }
            case .failure(let error):
                failures += 1
                switch format {
                case .json: print(RecordJSONWriter.line(for: error))
                case .text: print("== \(error.file)\n  无法读取：\(error.message)\n")
                }
                FileHandle.standardError.write(Data("shenbao：\(error.file)：\(error.message)\n".utf8))
            }
        }
        if paths.isEmpty { Self.exitWithUsage(.usage("没有找到 .docx 或 .pdf 文件")) }
        if failures > 0 { throw ExitCode(1) }
    }
}
