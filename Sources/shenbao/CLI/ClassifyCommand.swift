import ArgumentParser
import Foundation
import ShenbaoCommandLine
import ShenbaoKit

/// `shenbao classify DATA…`: classify enterprise records (武汉市人工智能企业培育库) and total the revenue
/// counted into statistics.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "按产业统计原则对企业分类（核心/相关软件/相关硬件/不纳入），计算纳入统计的产值",
        discussion: "DATA 为 YAML、JSON 或 CSV 数据文件（每行一家企业，列名为字段编号或标签）。退出码：0 成功；1 有数据无法读取或无法分类；2 用法错误。"
    )

    @Argument(help: ArgumentHelp("企业数据文件", valueName: "DATA"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("申报类别（默认：唯一带有分类规则 classification.yaml 的类别）", valueName: "ID"))
    var call: String?

    @Option(name: .long, help: "输出格式：text、json 或 csv")
    var format: ReportFormat = .text

    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        let spec: CallSpec
        let rules: ClassificationRules
        do {
            let specs = try specOptions.loadAll()
            if let call {
                guard let found = try specOptions.spec(call, among: specs) else { throw ShenbaoExit.usage("缺少 --call") }
                guard let loaded = try ClassificationRules.load(from: found.directory) else {
                    throw ShenbaoExit.usage("申报类别 \(call) 没有分类规则（\(found.directory)/classification.yaml）")
                }
                (spec, rules) = (found, loaded)
            } else {
                let classified = try specs.compactMap { spec in try ClassificationRules.load(from: spec.directory).map { (spec, $0) } }
                guard classified.count == 1, let only = classified.first else {
                    throw ShenbaoExit.usage(classified.isEmpty ? "没有任何申报类别带有分类规则（classification.yaml）"
                        : "请用 --call 指定申报类别：\(classified.map(\.0.id).joined(separator: "、")) 都有分类规则")
                }
                (spec, rules) = only
            }
        } catch let error as ShenbaoExit {
            Self.exitWithUsage(error)
        } catch {
            Self.exitWithUsage(.usage("\(error)"))
        }
        let reader = DataFileReader(spec: spec)
        var records: [Record] = []
        var failed = false
        for file in files {
            do {
                records += try reader.read(path: file)
            } catch {
                failed = true
                FileHandle.standardError.write(Data("shenbao：\(file)：\(error.message)\n".utf8))
            }
        }
        let classifier = EnterpriseClassifier(rules: rules)
        let items = records.compactMap(classifier.classify)
        let totals = ClassificationTotals(items, unclassified: records.count - items.count)
        switch format {
        case .text: print(ClassificationWriter.text(items, totals: totals))
        case .json: print(ClassificationWriter.json(items, totals: totals))
        case .csv: FileHandle.standardOutput.write(Data(ClassificationWriter.csv(items, totals: totals).utf8))
        }
        if failed || totals.unclassified > 0 { throw ExitCode(1) }
    }
}
