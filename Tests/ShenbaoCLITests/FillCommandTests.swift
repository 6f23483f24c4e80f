import Foundation
import Testing

/// `shenbao init`, `fill` and `declaration` as a user runs them: exit codes, messages, what is written
/// and what is refused.
@Suite struct FillCommandTests {
    static let hubei = "hubei-industrial-model-2026"
    static let guangdong = "guangdong-ai-scenario-2023"

    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-cli-fill-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func sample(_ call: String) -> String {
        packageRoot() + "/Samples/data/applicant-\(call).yaml"
    }

    /// A copy of the sample data with one line changed.
    static func edited(_ call: String, in folder: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: sample(call), encoding: .utf8)
        #expect(text.contains(old), "sample lacks \(old)")
        let path = folder + "/data.yaml"
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [hubei, guangdong]) func fillAndDeclarationWriteBooksThatExtractToTheData(call: String) throws {
        let dir = Self.folder()
        let book = dir + "/申报书.docx", letter = dir + "/承诺书.docx"
        let fill = try CLIRunner.run(["fill", "--call", call, Self.sample(call), "--out", book])
        #expect(fill.exitCode == 0, "\(fill.stderr)")
        #expect(fill.stderr.contains("已生成申报书"))
        let declaration = try CLIRunner.run(["declaration", "--call", call, Self.sample(call), "--out", letter])
        #expect(declaration.exitCode == 0, "\(declaration.stderr)")
        #expect(FileManager.default.fileExists(atPath: letter))
        // The book reads back as the data: extract it and compare with the data read the same way.
        let extracted = try CLIRunner.run(["extract", "--call", call, "--format", "json", book])
        let fields = jsonObject(Substring(extracted.stdout.split(separator: "\n").first ?? ""))?["fields"] as? [String: Any]
        let data = try String(contentsOfFile: Self.sample(call), encoding: .utf8)
        #expect((fields?.count ?? 0) >= 30)
        for (id, value) in fields ?? [:] {
            if let text = value as? String { #expect(data.contains(text.replacingOccurrences(of: "\n", with: "\\n")), "\(id)") }
        }
        let validate = try CLIRunner.run(["validate", "--call", call, book])
        #expect(!validate.stdout.contains("structure."), "the generated book has the form's structure: \(validate.stdout)")
    }

    @Test func initWritesASkeletonThatFillReadsAndRefusesToOverwrite() throws {
        let dir = Self.folder()
        let printed = try CLIRunner.run(["init", "--call", Self.hubei])
        #expect(printed.exitCode == 0)
        #expect(printed.stdout.contains("org:\n  name: \"\"  # 单位名称 · 文本 · 必填"))
        #expect(printed.stdout.contains("选项：国有企业 | 合资企业 | 民营企业 | 外资企业 | 事业单位 | 其他：说明"))
        let path = dir + "/data.yaml"
        #expect(try CLIRunner.run(["init", "--call", Self.hubei, "--out", path]).exitCode == 0)
        let again = try CLIRunner.run(["init", "--call", Self.hubei, "--out", path])
        #expect(again.exitCode == 2)
        #expect(again.stderr.contains("已存在"))
        // The blank skeleton is read without complaint about its keys: only required fields are missing.
        let fill = try CLIRunner.run(["fill", "--call", Self.hubei, path, "--out", dir + "/book.docx"])
        #expect(fill.exitCode == 1)
        #expect(fill.stderr.contains("field.required"))
        #expect(!fill.stderr.contains("不是本申报类别的字段"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/book.docx"), "errors stop the write")
        let unknown = try CLIRunner.run(["init", "--call", "no-such-call"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("未知的申报类别"))
    }

    @Test func errorsStopTheWriteAndForceWritesADraft() throws {
        let dir = Self.folder()
        let data = try Self.edited(Self.hubei, in: dir, replacing: "uscc: \"91420300NYQM61362U\"", with: "uscc: \"\"")
        let out = dir + "/申报书.docx"
        let refused = try CLIRunner.run(["fill", "--call", Self.hubei, data, "--out", out])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("错误"))
        #expect(refused.stderr.contains("统一社会信用代码"))
        #expect(refused.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let draft = try CLIRunner.run(["fill", "--call", Self.hubei, data, "--out", out, "--force"])
        #expect(draft.exitCode == 0, "\(draft.stderr)")
        #expect(draft.stderr.contains("草稿"))
        let dump = try CLIRunner.run(["dump", out])
        #expect(dump.stdout.contains("【待补充：统一社会信用代码】"))
        // A check-character typo is an error too, and the draft marks the field.
        let typo = try Self.edited(Self.hubei, in: dir, replacing: "91420300NYQM61362U", with: "91420300NYQM61362A")
        let declaration = try CLIRunner.run(["declaration", "--call", Self.hubei, typo, "--out", dir + "/承诺书.docx"])
        #expect(declaration.exitCode == 1)
        #expect(declaration.stderr.contains("field.uscc.check-digit"))
    }

    @Test func theOutputNeverReplacesAnInput() throws {
        let dir = Self.folder()
        let data = dir + "/data.yaml"
        try FileManager.default.copyItem(atPath: Self.sample(Self.hubei), toPath: data)
        let template = dir + "/mine.docx"
        // The data file itself as --out (with a .docx name through a symlink) is refused.
        let link = dir + "/data.docx"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data)
        let before = try Data(contentsOf: URL(fileURLWithPath: data))
        let overData = try CLIRunner.run(["fill", "--call", Self.hubei, data, "--out", link])
        #expect(overData.exitCode == 2)
        #expect(overData.stderr.contains("拒绝覆盖"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == before)
        // A template given with --template is an input too.
        #expect(try CLIRunner.run(["fill", "--call", Self.hubei, data, "--out", template]).exitCode == 0)
        let overTemplate = try CLIRunner.run(["fill", "--call", Self.hubei, data, "--out", template, "--template", template])
        #expect(overTemplate.exitCode == 2)
        #expect(overTemplate.stderr.contains("拒绝覆盖"))
        // A custom template (a generated book is itself a valid Word document) renders.
        let custom = try CLIRunner.run(["declaration", "--call", Self.hubei, data, "--out", dir + "/x.docx",
                                        "--template", packageRoot() + "/Templates/\(Self.hubei)/declaration.xml"])
        #expect(custom.exitCode == 0, "\(custom.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = Self.folder()
        let missing = try CLIRunner.run(["fill", "--call", Self.hubei, dir + "/nope.yaml", "--out", dir + "/a.docx"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("找不到数据文件"))
        let badOut = try CLIRunner.run(["fill", "--call", Self.hubei, Self.sample(Self.hubei), "--out", dir + "/a.pdf"])
        #expect(badOut.exitCode == 2)
        let noFolder = try CLIRunner.run(["fill", "--call", Self.hubei, Self.sample(Self.hubei), "--out", dir + "/no/such/a.docx"])
        #expect(noFolder.exitCode == 2)
        #expect(noFolder.stderr.contains("不存在"))
        let wrongCall = try CLIRunner.run(["declaration", "--call", "nope", Self.sample(Self.hubei), "--out", dir + "/a.docx"])
        #expect(wrongCall.exitCode == 2)
    }
}
