import Foundation
import Testing

/// `shenbao check-call`: each mistake a person writing a call makes, in a copy of a real call folder
/// broken at test time, is named in Chinese with its file, line and the fix; a broken call folder never
/// stops the other calls; a sample book shows where every field came from.
@Suite struct CheckCallTests {
    static let call = "hubei-industrial-model-2026"
    static let sample = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02.docx"

    /// A copy of every call folder, with `edit` applied to the files of one call.
    static func templates(breaking call: String = call, _ edit: (String) throws -> Void) throws -> String {
        let root = try makeTemporaryFolder("check-call")
        let source = packageRoot() + "/Templates"
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: "\(source)/\(name)", toPath: "\(root)/\(name)")
        }
        try edit("\(root)/\(call)")
        return root
    }

    static func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "\(old) not in \(path)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Changes the catalogue row of `id`: `edit` gets its cells.
    static func editRow(_ id: String, in folder: String, _ edit: (inout [String]) -> Void) throws {
        let path = folder + "/catalogue.tsv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix(id + "\t") })
        var cells = lines[index].components(separatedBy: "\t")
        edit(&cells)
        lines[index] = cells.joined(separator: "\t")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func check(_ templates: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["check-call", call, "--templates", templates] + extra, timeout: 120)
    }

    @Test func everyShippedCallIsClean() throws {
        // Every call folder (a folder with a call.yaml; Templates/lists holds lists calls share).
        let root = packageRoot() + "/Templates"
        let ids = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
            .filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/call.yaml") }
        try #require(ids.count >= 5)
        for id in ids {
            let result = try CLIRunner.run(["check-call", id])
            #expect(result.exitCode == 0, "\(id): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("没有发现问题"), "\(id): \(result.stdout)")
        }
    }

    @Test func unknownKeysNameTheNearestValidKey() throws {
        let templates = try Self.templates { folder in
            try Self.replace("\ndetect:", with: "\ndetcet:", in: folder + "/call.yaml")
            try Self.replace("org.head.title: {row: 负责人姓名, label: 职务}", with: "org.head.title: {row: 负责人姓名, lable: 职务}", in: folder + "/call.yaml")
            try Self.replace("  one-per-applicant: true", with: "  one-per-aplicant: true", in: folder + "/call.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let detect = try #require(lines.first { $0.contains("detcet") }, "\(result.stdout)")
        #expect(detect.contains("call.yaml 第7行第1列"), "\(detect)")
        #expect(detect.contains("未知的键 detcet，你是不是想写 detect？"), "\(detect)")
        let label = try #require(lines.first { $0.contains("lable") }, "\(result.stdout)")
        #expect(label.contains("你是不是想写 label？"), "\(label)")
        #expect(label.contains("locate.org.head.title"), "\(label)")
        // The locate keys come from the loader's own CodingKeys: every key it reads is offered.
        #expect(label.contains("row") && label.contains("label"), "\(label)")
        let inbox = try #require(lines.first { $0.contains("one-per-aplicant") }, "\(result.stdout)")
        #expect(inbox.contains("你是不是想写 one-per-applicant？"), "\(inbox)")
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() throws {
        let templates = try Self.templates { folder in
            try Self.replace("headers: [联系人情况, 单位经营情况, 单位人才情况, 模型指标]",
                             with: "headers: [联系人情况, 单位经营情况, 单位人才情况, 模型指标", in: folder + "/call.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("YAML 语法错误") }, "\(result.stdout)")
        #expect(line.contains("call.yaml 第") && line.contains("列"), "\(line)")
        #expect(line.contains("缺少 , 或 ]"), "\(line)")
    }

    @Test func wrongValueTypeIsPlaced() throws {
        let templates = try Self.templates { folder in
            try Self.replace("    pledges: 4", with: "    pledges: 四条", in: folder + "/call.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("pledges") }, "\(result.stdout)")
        #expect(line.contains("call.yaml 第") && line.contains("值类型不对") && line.contains("整数"), "\(line)")
    }

    @Test func catalogueMistakes() throws {
        let templates = try Self.templates { folder in
            try Self.editRow("org.name", in: folder) { $0[3] = "texts" }
            try Self.editRow("org.uscc", in: folder) { $0[4] = "Y" }
            try Self.editRow("model.category", in: folder) { $0[5] = "" }
            try Self.editRow("org.address", in: folder) { $0[0] = "org.name" }
            try Self.editRow("org.staff_total", in: folder) { $0 = Array($0.prefix(5)) }
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        let out = result.stdout
        #expect(out.contains("catalogue.tsv 第"), "\(out)")
        #expect(out.contains("类型 texts 未知，你是不是想写 text？"), "\(out)")
        #expect(out.contains("可用的类型：text、longtext、uscc"), "\(out)")
        #expect(out.contains("multichoice"), "\(out)")
        #expect(out.contains("required 列应为 yes 或 no，实为 Y"), "\(out)")
        #expect(out.contains("model.category 是单选（choice），但 options 列没有选项"), "\(out)")
        #expect(out.contains("字段 id org.name 重复"), "\(out)")
        #expect(out.contains("应有 7 列（以 Tab 分隔），实有 5 列"), "\(out)")
    }

    @Test func unknownFieldIdsAreNamedWithTheNearestId() throws {
        let templates = try Self.templates { folder in
            let yaml = folder + "/call.yaml"
            try Self.replace("  org.filer.name: {label: 申报人姓名}", with: "  org.filer.nmae: {label: 申报人姓名}", in: yaml)
            try Self.replace("  key-fields: [org.name,", with: "  key-fields: [org.nmae,", in: yaml)
            try Self.replace("  applicant-code: org.uscc", with: "  applicant-code: org.usc", in: yaml)
            try Self.replace("\nstructure:", with: "\nchecks:\n  - {kind: at-most, field: org.ai_revenue_2025, limit: org.revenue_2052}\nstructure:", in: yaml)
            try Self.replace("from: [model.industries]", with: "from: [model.industry]", in: folder + "/summary.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func line(_ id: String) -> String { lines.first { $0.contains("不存在的字段 \(id)") } ?? "" }
        #expect(line("org.filer.nmae").contains("locate") && line("org.filer.nmae").contains("你是不是想写 org.filer.name？"), "\(result.stdout)")
        #expect(line("org.nmae").contains("submission.key-fields") && line("org.nmae").contains("org.name？"), "\(result.stdout)")
        #expect(line("org.usc").contains("inbox.applicant-code") && line("org.usc").contains("org.uscc？"), "\(result.stdout)")
        #expect(line("org.revenue_2052").contains("检查项 at-most") && line("org.revenue_2052").contains("org.revenue_2025？"), "\(result.stdout)")
        #expect(line("model.industry").hasPrefix("  summary.yaml 第") && line("model.industry").contains("model.industries？"), "\(result.stdout)")
        #expect(line("org.usc").contains("call.yaml 第"), "\(result.stdout)")
    }

    @Test func incompleteCheckIsReportedAtItsLine() throws {
        let templates = try Self.templates { folder in
            try Self.replace("\nstructure:", with: "\nchecks:\n  - {kind: at-most, field: org.ai_revenue_2025}\n  - {kind: at-leest, field: org.name}\nstructure:", in: folder + "/call.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates)
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("检查项 at-most 缺少 limit"), "\(result.stdout)")
        #expect(result.stdout.contains("未知的检查项类型 at-leest"), "\(result.stdout)")
    }

    /// One broken call folder is named on stderr and skipped; `calls`, `extract` and `validate` work for the others.
    @Test func brokenCallDoesNotStopTheOthers() throws {
        let templates = try Self.templates { folder in
            try Self.replace("headers: [联系人情况, 单位经营情况, 单位人才情况, 模型指标]",
                             with: "headers: [联系人情况, 单位经营情况", in: folder + "/call.yaml")
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let environment = ["SHENBAO_TEMPLATES": templates]
        let calls = try CLIRunner.run(["calls"], environment: environment)
        #expect(calls.exitCode == 0, "\(calls.stderr)")
        #expect(calls.stdout.contains("guangdong-ai-scenario-2023") && calls.stdout.contains("wuhan-ai-enterprise-2025"))
        #expect(!calls.stdout.contains(Self.call))
        #expect(calls.stderr.contains("警告") && calls.stderr.contains(Self.call) && calls.stderr.contains("已跳过"), "\(calls.stderr)")

        let other = packageRoot() + "/Samples/guangdong-ai-scenario-2023/guangdong-s28-01.docx"
        let extract = try CLIRunner.run(["extract", other, "--format", "json", "--templates", templates], timeout: 120)
        #expect(extract.exitCode == 0, "\(extract.stderr)")
        #expect(extract.stdout.contains("\"call\":\"guangdong-ai-scenario-2023\""), "\(extract.stdout.prefix(300))")
        #expect(extract.stderr.contains(Self.call), "\(extract.stderr)")

        // The default folder (here $SHENBAO_TEMPLATES) is loaded while the arguments are parsed: named once all the same.
        let validate = try CLIRunner.run(["validate", other, "--format", "json"], timeout: 120, environment: environment)
        #expect(validate.exitCode == 0, "\(validate.stdout.prefix(500)) \(validate.stderr)")
        #expect(validate.stdout.contains("guangdong-ai-scenario-2023"))
        #expect(validate.stderr.components(separatedBy: "已跳过").count == 2, "\(validate.stderr)")
        // `--templates` naming another folder than the default is what is read.
        let elsewhere = try CLIRunner.run(["extract", other, "--format", "json", "--templates", packageRoot() + "/Templates"],
                                          timeout: 120, environment: environment)
        #expect(elsewhere.exitCode == 0 && !elsewhere.stderr.contains("已跳过"), "\(elsewhere.stderr)")

        // Asking for the broken call itself is a usage error that points to check-call.
        let broken = try CLIRunner.run(["extract", Self.sample, "--call", Self.call], environment: environment)
        #expect(broken.exitCode == 2)
        #expect(broken.stderr.contains("check-call \(Self.call)"), "\(broken.stderr)")
    }

    @Test func sampleBookShowsWhereEachFieldCameFrom() throws {
        let text = try CLIRunner.run(["check-call", Self.call, Self.sample], timeout: 120)
        #expect(text.exitCode == 0, "\(text.stdout)\(text.stderr)")
        let orgName = try #require(text.stdout.split(separator: "\n").first { $0.contains("org.name ") }, "\(text.stdout)")
        #expect(orgName.contains("一、单位基本情况表 表1 第1行第2列 标签「单位名称」右侧单元格"), "\(orgName)")
        #expect(text.stdout.contains("封面 标签「申报单位」封面行"), "\(text.stdout)")
        #expect(text.stdout.contains("找到了标签，但值为空"), "\(text.stdout)")

        let json = try CLIRunner.run(["check-call", Self.call, Self.sample, "--format", "json"], timeout: 120)
        #expect(json.exitCode == 0)
        let object = try #require(jsonObject(Substring(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines))))
        #expect((object["problems"] as? [Any])?.isEmpty == true)
        let book = try #require((object["books"] as? [[String: Any]])?.first)
        let fields = try #require(book["fields"] as? [[String: Any]])
        #expect(fields.count == 34)
        let uscc = try #require(fields.first { $0["id"] as? String == "org.uscc" })
        #expect(uscc["status"] as? String == "found")
        let source = try #require(uscc["source"] as? [String: Any])
        #expect(source["table"] as? Int == 1 && source["row"] as? Int == 2 && source["column"] as? Int == 2)
        #expect(source["label"] as? String == "统一社会信用代码" && source["how"] as? String == "right")
        #expect(source["section"] as? String == "一、单位基本情况表")
        #expect((book["warnings"] as? [Any])?.isEmpty == true)
    }

    /// A section heading the book does not have, and a short field that takes a whole section.
    @Test func sampleBookWarnsAboutSectionsAndLongValues() throws {
        let templates = try Self.templates { folder in
            try Self.editRow("model.rnd_cost_breakdown", in: folder) { $0[3] = "text" }
            try Self.editRow("model.base", in: folder) { $0[1] = "九、不存在的部分" }
        }
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let result = try Self.check(templates, [Self.sample])
        #expect(result.exitCode == 1, "\(result.stdout)")
        #expect(result.stdout.contains("模板检查：没有发现问题"), "\(result.stdout)")
        #expect(result.stdout.contains("书中没有找到「九、不存在的部分」部分的标题"), "\(result.stdout)")
        #expect(result.stdout.contains("model.rnd_cost_breakdown（2025 年度模型研发成本组成 (万元)，文本）的值有") && result.stdout.contains("像是整段内容"), "\(result.stdout)")
    }

    @Test func usageErrors() throws {
        let unknown = try CLIRunner.run(["check-call", "no-such-call"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("未找到申报类别目录"), "\(unknown.stderr)")
        let missing = try CLIRunner.run(["check-call", Self.call, "/nonexistent/book.docx"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("找不到文件"), "\(missing.stderr)")
    }
}
