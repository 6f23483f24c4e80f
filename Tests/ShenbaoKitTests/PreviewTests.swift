import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoReaders
@testable import ShenbaoValidation
@testable import ShenbaoPipeline

/// What `shenbao worker preview` answers (`FilePreview`, in this process): a sample book's PDF stamped by
/// Ghostscript (the samples themselves carry no seal) rendered as PNG with its seals, the Word book's text,
/// and a clear Chinese error for a page that does not exist or a broken file.
@Suite struct PreviewTests {
    static let book = packageRoot() + "/Samples/hubei-industrial-model-2026/十堰蓝海信息技术有限公司-蓝海智能排产调度模型"

    /// The width and height in a PNG's IHDR chunk, nil when the bytes do not start like a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == Array("IHDR".utf8)[...] else { return nil }
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test(.enabled(if: SealDetectorTests.hasGhostscript, "ghostscript not installed"))
    func aStampedPageIsAPNGWithTheSealsTheInspectionReports() throws {
        let folder = try makeTemporaryFolderURL("preview")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 42 mm seal over 申请单位（盖章） on the 承诺书 (page 5 of 5), a square one beside it.
        let stamped = try StampedScans.stamped([4: "70 205 42 \(StampedScans.red) roundseal 130 205 20 squareseal"], copies: 1,
                                               in: folder, name: "stamped", source: Self.book + ".pdf")
        let preview = FilePreview.answer(PreviewRequest(path: stamped, ask: .page, page: 5))
        let page = try #require(preview.page, "\(preview.error ?? "")")
        #expect(page.number == 5 && page.pageCount == 5)
        let size = try #require(Self.pngSize(page.png))
        #expect(size.width == page.width && size.height == page.height)
        #expect(size.width == 900 && abs(size.height - 1273) <= 1, "A4 at 900 px wide: \(size)")

        let document = try DocumentReader.read(path: stamped)
        let inspected = StampedCopy.inspect(path: stamped, document: document, declarationTitles: ["承诺书"]).seals
        #expect(inspected.count == 2)
        let onPage = inspected.filter { $0.page == 5 }.sorted { $0.x < $1.x }
        let boxes = page.seals.sorted { $0.centreMM[0] < $1.centreMM[0] }
        #expect(boxes.map(\.kind) == onPage.map(\.kind) && boxes.map(\.kind) == [.round, .square])
        let pixelsPerMM = Double(page.width) / 210
        for (box, seal) in zip(boxes, onPage) {
            #expect(abs(box.centreMM[0] - seal.x) < 0.1 && abs(box.centreMM[1] - seal.y) < 0.1)
            #expect(abs(box.diameterMM - seal.diameter) < 0.1)
            // The box on the image is where the seal is on the page.
            #expect(abs(Double(box.x) + Double(box.width) / 2 - seal.x * pixelsPerMM) < 3, "\(box) \(seal)")
            #expect(abs(Double(box.y) + Double(box.height) / 2 - seal.y * pixelsPerMM) < 3, "\(box) \(seal)")
            #expect(abs(Double(box.width + box.height) / 2 - seal.diameter * pixelsPerMM) < 6, "\(box) \(seal)")
        }

        // The outline names the stamped page; an unstamped page has no seal box.
        let outline = try #require(FilePreview.answer(PreviewRequest(path: stamped, ask: .outline)).outline)
        #expect(outline.pageCount == 5 && outline.pageSizes.count == 5 && outline.sealPages == [5])
        let cover = try #require(FilePreview.answer(PreviewRequest(path: stamped, ask: .page, page: 1)).page)
        #expect(cover.seals.isEmpty && Self.pngSize(cover.png) != nil)
    }

    @Test func aPageOutOfRangeGivesAChineseError() {
        let beyond = FilePreview.answer(PreviewRequest(path: Self.book + ".pdf", ask: .page, page: 9))
        #expect(beyond.page == nil && beyond.error == "该 PDF 共 5 页，没有第 9 页")
        let zero = FilePreview.answer(PreviewRequest(path: Self.book + ".pdf", ask: .page, page: 0))
        #expect(zero.error?.contains("没有第 0 页") == true || zero.error?.contains("只能预览") == true)
        let late = FilePreview.answer(PreviewRequest(path: Self.book + ".pdf", ask: .page, page: 31))
        #expect(late.error == "只能预览前 30 页，第 31 页请下载原件查看")
    }

    @Test func aBrokenPDFGivesAnErrorAnswer() throws {
        let folder = try makeTemporaryFolderURL("preview")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.book + ".pdf"))
        for (name, cut) in [("head", 600), ("half", bytes.count / 2)] {
            let path = folder.appendingPathComponent("\(name).pdf").path
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            for ask in [PreviewRequest.Ask.outline, .page] {
                let preview = FilePreview.answer(PreviewRequest(path: path, ask: ask, page: 1))
                // Either a clear error or, where poppler recovers the pages it has, a valid page.
                if let error = preview.error {
                    #expect(error.contains("损坏") || error.contains("无法"), "\(name) \(ask): \(error)")
                } else if let page = preview.page {
                    #expect(Self.pngSize(page.png) != nil)
                }
            }
        }
        let missing = FilePreview.answer(PreviewRequest(path: folder.appendingPathComponent("none.pdf").path, ask: .page, page: 1))
        #expect(missing.error == "文件不存在")
        let word = FilePreview.answer(PreviewRequest(path: Self.book + ".docx", ask: .page, page: 1))
        #expect(word.error == "不是 PDF 文件，没有页面预览")
    }

    @Test(.enabled(if: PDFFixture.corpus != nil, "shared corpus not found"))
    func anEncryptedPDFGivesTheReadersMessage() {
        let preview = FilePreview.answer(PreviewRequest(path: (PDFFixture.corpus ?? "") + "/pdfjs/print_protection.pdf", ask: .page, page: 1))
        #expect(preview.error == "PDF 文件设置了密码，无法读取；请提交未加密的 PDF")
    }

    @Test func theWordTextHasTheBooksParagraphsAndTables() throws {
        let text = try #require(FilePreview.answer(PreviewRequest(path: Self.book + ".docx", ask: .text)).text)
        #expect(!text.truncated)
        #expect(text.blocks.contains { $0.paragraph?.contains("承诺书") == true })
        let cells = text.blocks.compactMap(\.rows).flatMap { $0 }.flatMap { $0 }.map(\.text)
        #expect(cells.contains { $0.contains("91420300NYQM61362U") })
        #expect(cells.contains { $0.contains("十堰蓝海信息技术有限公司") })
        // Merged cells keep their spans (the 单位基本情况表 has a label over two rows or columns).
        #expect(text.blocks.compactMap(\.rows).flatMap { $0 }.flatMap { $0 }.contains { ($0.columns ?? 1) > 1 || ($0.rows ?? 1) > 1 })

        // Cut at the limit: what is kept is whole blocks, and the cut is said.
        let document = try DocumentReader.read(path: Self.book + ".docx")
        let cut = FilePreview.text(of: document, limit: 200)
        #expect(cut.truncated && cut.blocks.count < text.blocks.count)
    }

    @Test func aRequestRoundTripsAsOneLine() throws {
        let request = PreviewRequest(path: "/tmp/a\nb.pdf", ask: .page, page: 3)
        #expect(!request.line.contains("\n"))
        #expect(try JSONDecoder().decode(PreviewRequest.self, from: Data(request.line.utf8)) == request)
        let answer = WorkerTask.Answerer(task: .preview, specs: [], call: nil, format: "json").answer("not json")
        #expect(try JSONDecoder().decode(Preview.self, from: Data(answer.utf8)).error == "预览请求无法解析")
    }
}
