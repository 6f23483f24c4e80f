import Foundation
import HummingbirdTesting
import ShenbaoKit
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

/// Previews on the submission page: PDF pages as PNG and the Word book's text, made by the built `shenbao`
/// program's workers, cached by content, and reachable only as the file itself is.
@Suite struct PreviewRoutesTests {
    static let book = "十堰蓝海信息技术有限公司-蓝海智能排产调度模型"

    static func isPNG(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count > 24 && bytes[12..<16] == Array("IHDR".utf8)[...]
    }

    @Test func theSubmissionPageShowsPagesAndTextAndTheRoutesServeThem() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            #expect(try await browser.upload(client, inbox: inbox.id, [try sample(Self.book + ".docx"), try sample(Self.book + ".pdf")]).status == .ok)
            let submission = try #require(try await harness.desk.store.submissions(inboxID: inbox.id).first)
            let files = try await harness.desk.store.files(submissionID: submission.id)
            let pdf = try #require(files.first { $0.name.hasSuffix(".pdf") })
            let word = try #require(files.first { $0.name.hasSuffix(".docx") })

            let page = String(buffer: try await browser.get(client, "/submissions/\(submission.id)").body)
            for number in 1...5 {
                #expect(page.contains(#"<img src="/files/\#(pdf.id)/pages/\#(number).png" loading="lazy""#), "page \(number)")
            }
            #expect(page.contains("alt=\"第 5 页（共 5 页）\""))
            #expect(page.contains("未识别出印章"))
            #expect(page.contains("Word 文档全文") && page.contains("91420300NYQM61362U"))
            // The outline and the text are cached by content.
            let cache = harness.folder + "/previews/\(pdf.sha256.prefix(2))/\(pdf.sha256)-outline.json"
            #expect(FileManager.default.fileExists(atPath: cache))

            let image = try await browser.get(client, "/files/\(pdf.id)/pages/5.png")
            #expect(image.status == .ok && image.headers[.contentType] == "image/png")
            let bytes = Array(image.body.readableBytesView)
            #expect(Self.isPNG(bytes))
            let cached = harness.folder + "/previews/\(pdf.sha256.prefix(2))/\(pdf.sha256)-page-5.png"
            #expect(FileManager.default.contents(atPath: cached).map([UInt8].init) == bytes)
            // A second view is the cached file.
            #expect(Array(try await browser.get(client, "/files/\(pdf.id)/pages/5.png").body.readableBytesView) == bytes)

            let beyond = try await browser.get(client, "/files/\(pdf.id)/pages/9.png")
            #expect(beyond.status == .unprocessableContent && String(buffer: beyond.body).contains("该 PDF 共 5 页，没有第 9 页"))
            let late = try await browser.get(client, "/files/\(pdf.id)/pages/31.png")
            #expect(late.status == .notFound && String(buffer: late.body).contains("只能预览前 30 页"))
            #expect(try await browser.get(client, "/files/\(pdf.id)/pages/x.png").status == .notFound)
            #expect(try await browser.get(client, "/files/\(word.id)/pages/1.png").status == .notFound)

            let text = try await browser.get(client, "/files/\(word.id)/text")
            #expect(text.status == .ok && text.headers[.contentType] == "text/html; charset=utf-8")
            let html = String(buffer: text.body)
            #expect(html.hasPrefix("<div class=\"book-text\">") && html.contains(">91420300NYQM61362U</td>"))
            #expect(html.contains("十堰蓝海信息技术有限公司"))
            #expect(try await browser.get(client, "/files/\(pdf.id)/text").status == .notFound)
        }
    }

    @Test func anotherBureauGets404AndNoOneSignedInGets401() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var a = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            #expect(try await a.upload(client, inbox: inbox.id, [try sample(Self.book + ".docx"), try sample(Self.book + ".pdf")]).status == .ok)
            let submission = try #require(try await harness.desk.store.submissions(inboxID: inbox.id).first)
            let files = try await harness.desk.store.files(submissionID: submission.id)
            let pdf = try #require(files.first { $0.name.hasSuffix(".pdf") })
            let word = try #require(files.first { $0.name.hasSuffix(".docx") })

            var b = Browser()
            #expect(try await b.login(client, "bureau-b").status == .seeOther)
            let missing = try await b.get(client, "/files/999999/pages/1.png")
            var anonymous = Browser()
            for uri in ["/files/\(pdf.id)/pages/1.png", "/files/\(word.id)/text"] {
                let refused = try await b.get(client, uri)
                #expect(refused.status == .notFound, "\(uri)")
                #expect(String(buffer: refused.body) == String(buffer: missing.body), "\(uri)")
                #expect(try await anonymous.get(client, uri).status == .unauthorized, "\(uri)")
            }
            // Nothing was rendered for them.
            let cached = harness.folder + "/previews/\(pdf.sha256.prefix(2))/\(pdf.sha256)-page-1.png"
            #expect(!FileManager.default.fileExists(atPath: cached))
        }
    }

    @Test func aBrokenPDFIsAnErrorAnswerFromTheWorkerNotACrash() throws {
        let folder = NSTemporaryDirectory() + "shenbao-preview-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try sample(Self.book + ".pdf").1
        let broken = folder + "/broken.pdf"
        try Data(bytes.prefix(600)).write(to: URL(fileURLWithPath: broken))
        let workers = IsolatedWorkers(timeout: 60, jobs: 1, templates: packageRoot() + "/Templates", executable: DeskHarness.shenbaoBinary)
        let previews = workers.previews([PreviewRequest(path: broken, ask: .page, page: 1), PreviewRequest(path: broken, ask: .outline),
                                         PreviewRequest(path: packageRoot() + "/Samples/hubei-industrial-model-2026/\(Self.book).pdf", ask: .page, page: 2)])
        #expect(previews[0].error == "PDF 文件已损坏或不完整，无法读取；请重新导出或重新扫描后提交")
        #expect(previews[1].error == previews[0].error)
        // The same worker goes on to the next file.
        #expect(previews[2].page?.number == 2 && previews[2].error == nil)
    }
}
