import Foundation
import ShenbaoTestSupport
import Testing

/// `shenbao check-stamp`: a 汇总表 written by `summary`, printed to PDF by LibreOffice and stamped by
/// Ghostscript beside its 推荐单位 line (summary.yaml `seals: [推荐单位（盖章）]`), and the same unstamped.
@Suite(.enabled(if: systemTool("gs") != nil && systemTool("soffice") != nil, "needs Ghostscript and LibreOffice"))
struct CheckStampTests {
    @Test func aStampedSummaryPassesAndAnUnstampedOneIsReported() throws {
        let folder = try makeTemporaryFolderURL("check-stamp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let call = "hubei-industrial-model-2026"
        let docx = folder.appendingPathComponent("汇总表.docx").path
        let summary = try CLIRunner.run(["summary", packageRoot() + "/Samples/hubei-industrial-model-2026", "--call", call,
                                         "--recommender", "武汉市经济和信息化局", "--out", docx], timeout: 300)
        try #require(summary.exitCode == 0, "\(summary.stdout)\(summary.stderr)")
        let pdf = try #require(try convertToPDF([docx], into: folder.path).first)
        // A round seal over the 推荐单位 line near the top of the page (landscape A4).
        let stamped = try StampedScans.stamped([0: "90 35 42 \(StampedScans.red) roundseal"], copies: 1, in: folder,
                                               name: "stamped", source: pdf)

        let good = try CLIRunner.run(["check-stamp", stamped, "--call", call, "--format", "json"])
        #expect(good.exitCode == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("\"summary.seal-found\"") && !good.stdout.contains("summary.seal-missing"), "\(good.stdout)")

        let bare = try CLIRunner.run(["check-stamp", pdf, "--call", call])
        #expect(bare.exitCode == 1)
        #expect(bare.stdout.contains("summary.seal-missing") && bare.stdout.contains("推荐单位（盖章）"), "\(bare.stdout)")
    }
}
