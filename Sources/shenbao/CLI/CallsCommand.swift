import ArgumentParser
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao calls`: the calls this installation knows.
struct CallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calls", abstract: "列出支持的申报类别")

    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        do {
            let specs = try specOptions.loadAll()
            var table = TextTable(header: ["申报类别", "名称", "字段数"])
            for spec in specs { table.rows.append([spec.id, spec.title, String(spec.fields.count)]) }
            print(table.render())
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        }
    }
}
