import ArgumentParser
import ShenbaoKit

@main
struct Shenbao: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shenbao", abstract: "申报书读取、校验与生成工具")
}
