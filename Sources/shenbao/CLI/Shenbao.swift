import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// The `shenbao` command: read, check and write application books (申报书).
@main
struct Shenbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shenbao",
        abstract: "申报书读取、校验与生成工具",
        discussion: """
        退出码：0 成功；1 有文件无法读取（extract）或发现错误（validate），其余文件照常处理；2 用法错误或输入输出错误。
        """,
        subcommands: [CallsCommand.self, ExtractCommand.self, ValidateCommand.self, SummaryCommand.self, InitCommand.self,
                      FillCommand.self, DeclarationCommand.self, ClassifyCommand.self, DumpCommand.self, CheckCallCommand.self, CheckStampCommand.self, ServeCommand.self, WorkerCommand.self]
    )

    static func main() {
        // Over the file-size limit (ulimit -f) a write then fails with EFBIG and is cleaned up like one
        // on a full disk, instead of the signal killing the program mid-write beside its temporary file.
        signal(SIGXFSZ, SIG_IGN)
        let batches: [any ParsableCommand.Type] = [ExtractCommand.self, ValidateCommand.self, SummaryCommand.self]
        // (The call specs these commands read load while the arguments are parsed.)
        SpecPrefetch.start(for: Array(CommandLine.arguments.dropFirst()), commands: batches.compactMap { $0.configuration.commandName })
        main(nil)
    }
}
