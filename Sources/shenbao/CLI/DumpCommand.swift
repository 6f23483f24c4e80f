import ArgumentParser
import Foundation
import ShenbaoKit

/// `shenbao dump FILE`: the document as the readers see it (paragraphs, table grid, checkboxes).
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "显示读取到的文档结构（段落、表格网格、勾选框），用于排查难读的文件")

    @Argument(help: ArgumentHelp("DOCX 或 PDF 文件", valueName: "FILE"))
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                print(DocumentTextWriter.render(try DocumentReader.read(path: file)))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("shenbao：\(file)：\(error.message)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
