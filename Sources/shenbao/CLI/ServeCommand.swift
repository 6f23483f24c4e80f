import ArgumentParser
import Foundation
import ShenbaoCommandLine

/// `shenbao serve …`: hands over to the web desk, `shenbao-desk …` beside this program (the same process,
/// replaced by it), which has the options, help and exit codes (`shenbao serve --help`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页收件台（推荐单位在浏览器中上传、查看和校验申报材料；选项见 shenbao serve --help）"
    )

    @Argument(parsing: .captureForPassthrough, help: "收件台的选项")
    var options: [String] = []

    func run() throws {
        let desk = SiblingProgram.desk.path
        let argv = ([desk] + options).map { strdup($0) } + [nil]
        execv(desk, argv)
        Self.exitWithUsage(.usage("无法启动收件台程序 \(desk)：\(String(cString: strerror(errno)))（它应与 shenbao 在同一目录）"))
    }
}
