import Foundation
import ShenbaoTestSupport
import Testing

/// A bureau that received only a scan: `extract` shows what OCR read apart from the book's fields, and
/// `summary` lists the scan with those cells marked. The scan is made by Ghostscript from a sample book's PDF.
@Suite(.enabled(if: systemTool("gs") != nil, "needs Ghostscript")) struct ScanAloneTests {
    static let call = "hubei-industrial-model-2026"
    static let book = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02"

    @Test func aScanIsExtractedByOCRAndListedInTheSummaryMarked() throws {
        let folder = try makeTemporaryFolderURL("scan-alone-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scan = try StampedScans.scanned(Self.book + ".pdf", in: folder)

        let extract = try CLIRunner.run(["extract", "--format", "json", scan])
        #expect(extract.exitCode == 0, "\(extract.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any])
        #expect(object["scanned"] as? Bool == true && object["call"] as? String == Self.call)
        #expect((object["fields"] as? [String: Any])?.isEmpty == true, "OCR text is never presented as the book's fields")
        let ocr = try #require(object["ocr"] as? [String: Any])
        let read = try #require(ocr["fields"] as? [String: [String: Any]])
        #expect(read["org.uscc"]?["text"] as? String == "91420500MA0YKY7735", "\(read)")
        #expect((read["org.name"]?["confidence"] as? Int ?? 0) > 0)

        let csv = folder.appendingPathComponent("汇总表.csv").path
        let summary = try CLIRunner.run(["summary", scan, "--call", Self.call, "--out", csv])
        #expect(summary.exitCode == 0, "\(summary.stdout) \(summary.stderr)")
        #expect(summary.stderr.contains("文字识别"), "\(summary.stderr)")
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(table.contains("91420500") == false, "the 汇总表 has no code column: \(table)")
        #expect(table.contains("〔识别〕") && table.contains("宜昌"), "\(table)")
    }
}
