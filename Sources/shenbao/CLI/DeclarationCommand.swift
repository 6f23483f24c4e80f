import ArgumentParser

/// `shenbao declaration --call ID DATA --out 承诺书.docx`: the declaration letter alone.
struct DeclarationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declaration",
        abstract: "按数据文件生成承诺书（Word）",
        discussion: "校验与退出码同 fill。"
    )

    @OptionGroup var options: WriteOptions

    func run() throws { try options.run(.declaration) }
}
