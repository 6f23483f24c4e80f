import Foundation
import Testing

/// The layout `make install PREFIX=…` makes: `PREFIX/bin/shenbao` finds `PREFIX/lib/shenbao/libShenbaoPDFPages.so` and `PREFIX/share/shenbao/Templates`
/// with no `$SHENBAO_TEMPLATES` and from any working folder, and its worker processes run from there too.
@Suite struct InstallLayoutTests {
    @Test func anInstalledProgramFindsItsCallFolders() throws {
        let prefix = try makeTemporaryFolderURL("install")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/shenbao")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let program = bin.appendingPathComponent("shenbao").path
        try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: program)
        let lib = prefix.appendingPathComponent("lib/shenbao")
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        let pageReader = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().appendingPathComponent("libShenbaoPDFPages.so")
        try FileManager.default.copyItem(at: pageReader, to: lib.appendingPathComponent("libShenbaoPDFPages.so"))
        try FileManager.default.copyItem(atPath: packageRoot() + "/Templates", toPath: share.appendingPathComponent("Templates").path)

        let calls = try CLIRunner.run(["calls"], environment: ["SHENBAO_TEMPLATES": ""], currentDirectory: "/", program: program)
        #expect(calls.exitCode == 0, "\(calls.stderr)")
        for id in ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023", "miit-ai-innovation-2018"] {
            #expect(calls.stdout.contains(id), "\(calls.stdout)")
        }
        let book = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02.docx"
        let extract = try CLIRunner.run(["extract", "--format", "json", book], environment: ["SHENBAO_TEMPLATES": ""],
                                        currentDirectory: "/", program: program)
        #expect(extract.exitCode == 0 && extract.stdout.contains("\"call\":\"hubei-industrial-model-2026\""), "\(extract.stderr)")
        // A PDF opens the page reader from PREFIX/lib/shenbao.
        let pdf = try CLIRunner.run(["dump", book.replacingOccurrences(of: ".docx", with: ".pdf")], environment: ["SHENBAO_TEMPLATES": ""],
                                    currentDirectory: "/", program: program)
        #expect(pdf.exitCode == 0 && pdf.stdout.contains("湖北省"), "\(pdf.stderr)")
    }

    /// `shenbao serve` hands over to `shenbao-desk` in its own folder (the same process, the desk's options and
    /// help); without it, a Chinese message naming where it should be, and the usage exit code.
    @Test func serveHandsOverToTheDeskBesideIt() throws {
        let bin = try makeTemporaryFolderURL("serve")
        defer { try? FileManager.default.removeItem(at: bin) }
        let program = bin.appendingPathComponent("shenbao").path
        try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: program)

        let missing = try CLIRunner.run(["serve", "--help"], program: program)
        #expect(missing.exitCode == 2, "\(missing.stdout)\(missing.stderr)")
        #expect(missing.stderr.contains("无法启动收件台程序 \(bin.appendingPathComponent("shenbao-desk").path)"), "\(missing.stderr)")

        let desk = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().appendingPathComponent("shenbao-desk").path
        try FileManager.default.copyItem(atPath: desk, toPath: bin.appendingPathComponent("shenbao-desk").path)
        let help = try CLIRunner.run(["serve", "--help"], program: program)
        #expect(help.exitCode == 0, "\(help.stderr)")
        #expect(help.stdout.contains("USAGE: shenbao serve") && help.stdout.contains("--create-admin"), "\(help.stdout)")
        let unknown = try CLIRunner.run(["serve", "--no-such-option"], program: program)
        #expect(unknown.exitCode != 0 && unknown.stderr.contains("--no-such-option"), "\(unknown.stderr)")

        // The desk reads books with the `shenbao` beside it: started alone, it says so before opening anything.
        let alone = try makeTemporaryFolderURL("desk-alone")
        defer { try? FileManager.default.removeItem(at: alone) }
        let lonelyDesk = alone.appendingPathComponent("shenbao-desk").path
        try FileManager.default.copyItem(atPath: desk, toPath: lonelyDesk)
        let data = alone.appendingPathComponent("data").path
        let started = try CLIRunner.run(["--data", data, "--port", "0"], timeout: 30, program: lonelyDesk)
        #expect(started.exitCode == 2, "\(started.stdout)\(started.stderr)")
        #expect(started.stderr.contains("找不到读取申报材料的程序 \(alone.appendingPathComponent("shenbao").path)"), "\(started.stderr)")
        #expect(!FileManager.default.fileExists(atPath: data), "nothing is created before the check")
    }
}
