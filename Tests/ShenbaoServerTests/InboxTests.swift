import Foundation
import HummingbirdTesting
import ShenbaoKit
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

@Suite struct InboxTests {
    static let book = "十堰蓝海信息技术有限公司-蓝海智能排产调度模型"

    @Test func anUploadedBookBecomesASubmissionWithTheCLIsFindings() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let response = try await browser.upload(client, inbox: inbox.id, [try sample(Self.book + ".docx"), try sample(Self.book + ".pdf")])
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("已保存 1 份申报材料"))

            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            try #require(submissions.count == 1)
            let submission = submissions[0]
            #expect(submission.applicant == "十堰蓝海信息技术有限公司")
            #expect(submission.projectName == "蓝海智能排产调度模型")
            #expect(submission.uscc == "91420300NYQM61362U")
            #expect(submission.hasWord && submission.hasPDF)

            // The same findings as the command line's pipeline gives for the same two files in a folder.
            let folder = NSTemporaryDirectory() + "shenbao-desk-cli-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for ext in ["docx", "pdf"] {
                try FileManager.default.copyItem(atPath: packageRoot() + "/Samples/hubei-industrial-model-2026/\(Self.book).\(ext)",
                                                 toPath: folder + "/\(Self.book).\(ext)")
            }
            let report = IsolatedWorkers(timeout: 60, jobs: 1, templates: packageRoot() + "/Templates", executable: DeskHarness.shenbaoBinary)
                .validate([folder], with: BatchValidator(specs: harness.desk.specs, forcedCall: harness.desk.spec(DeskHarness.call)))
            let expected = report.submissions.flatMap { $0.findings + $0.books.flatMap(\.findings) }.map { "\($0.rule) \($0.message)" }.sorted()
            let stored = try await harness.desk.store.findings(submissionID: submission.id).map { "\($0.rule) \($0.message)" }.sorted()
            #expect(!stored.isEmpty)
            #expect(stored == expected)
            #expect(submission.errors == report.summary.errors)
            #expect(submission.warnings == report.summary.warnings)

            // The pages show it; the original downloads byte for byte.
            let inboxPage = String(buffer: try await browser.get(client, "/inboxes/\(inbox.id)").body)
            #expect(inboxPage.contains("十堰蓝海信息技术有限公司") && inboxPage.contains("91420300NYQM61362U"))
            let page = try await browser.get(client, "/submissions/\(submission.id)")
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("submission.evidence-missing"))
            #expect(String(buffer: page.body).contains("统一社会信用代码"))
            let files = try await harness.desk.store.files(submissionID: submission.id)
            #expect(files.map(\.name).sorted() == [Self.book + ".docx", Self.book + ".pdf"])
            let word = try #require(files.first { $0.name.hasSuffix(".docx") })
            let download = try await browser.get(client, "/files/\(word.id)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == (try sample(Self.book + ".docx")).1)
            #expect(FileManager.default.fileExists(atPath: harness.desk.blobs.path(for: word.sha256)!))
        }
    }

    @Test func aBureauCannotReachAnotherBureausInboxSubmissionOrFile() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inboxA = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var a = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inboxA.id)")
            #expect(try await a.upload(client, inbox: inboxA.id, [try sample("hubei-s154-02.docx")]).status == .ok)
            let submission = try #require(try await harness.desk.store.submissions(inboxID: inboxA.id).first)
            let file = try #require(try await harness.desk.store.files(submissionID: submission.id).first)

            var b = Browser()
            #expect(try await b.login(client, "bureau-b").status == .seeOther)
            let inboxB = try await harness.inbox(of: "bureau-b")
            _ = try await b.get(client, "/inboxes/\(inboxB.id)")
            let missing = try await b.get(client, "/submissions/999999")
            for uri in ["/inboxes/\(inboxA.id)", "/submissions/\(submission.id)", "/files/\(file.id)", "/admin/accounts"] {
                let response = try await b.get(client, uri)
                #expect(response.status == .notFound, "\(uri)")
                // Not told apart from an id that does not exist.
                #expect(String(buffer: response.body) == String(buffer: missing.body), "\(uri)")
            }
            let upload = try await b.upload(client, inbox: inboxA.id, [try sample("hubei-s154-02.docx")])
            #expect(upload.status == .notFound)
            #expect(try await harness.desk.store.submissions(inboxID: inboxA.id).count == 1)

            var admin = Browser()
            #expect(try await admin.login(client, "admin").status == .seeOther)
            for uri in ["/inboxes/\(inboxA.id)", "/submissions/\(submission.id)", "/files/\(file.id)"] {
                #expect(try await admin.get(client, uri).status == .ok, "\(uri)")
            }
        }
    }

    @Test func oneApplicantArrivingTwiceIsFlaggedAcrossUploads() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            #expect(try await browser.upload(client, inbox: inbox.id, [try sample("hubei-s154-02.docx")]).status == .ok)
            #expect(!String(buffer: try await browser.get(client, "/inboxes/\(inbox.id)").body).contains("<strong class=\"tag\">重复申报"))
            #expect(try await browser.upload(client, inbox: inbox.id, [("再次/申报书.docx", try sample("hubei-s154-02.docx").1)]).status == .ok)
            let page = String(buffer: try await browser.get(client, "/inboxes/\(inbox.id)").body)
            #expect(page.components(separatedBy: "<strong class=\"tag\">重复申报").count - 1 == 2)
        }
    }

    @Test func aZipWithAParentPathEntryIsRefusedWithAMessage() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let zip = NSTemporaryDirectory() + "shenbao-desk-\(UUID().uuidString).zip"
        defer { try? FileManager.default.removeItem(atPath: zip) }
        try TestZipWriter.write([("甲公司/申报书.docx", .bytes(try sample("hubei-s154-02.docx").1)), ("../evil.docx", .text("x"))], to: zip)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let response = try await browser.upload(client, inbox: inbox.id, [("收件.zip", bytes)])
            let page = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(page.contains("收件.zip") && page.contains("../evil.docx") && page.contains("路径不安全"))
            #expect(try await harness.desk.store.submissions(inboxID: inbox.id).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: harness.folder + "/evil.docx"))
        }
    }

    @Test func aZipOfFoldersIsGroupedAsValidateGroupsAFolder() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let zip = NSTemporaryDirectory() + "shenbao-desk-\(UUID().uuidString).zip"
        defer { try? FileManager.default.removeItem(atPath: zip) }
        try TestZipWriter.write([
            ("收件/十堰蓝海/\(Self.book).docx", .bytes(try sample(Self.book + ".docx").1)),
            ("收件/十堰蓝海/\(Self.book).pdf", .bytes(try sample(Self.book + ".pdf").1)),
            ("收件/宜昌融智/申报书.docx", .bytes(try sample("hubei-s154-02.docx").1)),
            ("__MACOSX/收件/._申报书.docx", .text("resource fork")),
        ], to: zip)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let response = try await browser.upload(client, inbox: inbox.id, [("收件.zip", bytes), ("../outside.docx", [1, 2, 3])])
            #expect(response.status == .ok)
            let page = String(buffer: response.body)
            #expect(page.contains("已保存 2 份申报材料"))
            #expect(page.contains("../outside.docx") && page.contains("文件名不安全"))
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            #expect(submissions.map(\.name).sorted() == ["收件/收件/十堰蓝海", "收件/收件/宜昌融智"])
            #expect(Set(submissions.compactMap(\.applicant)) == ["十堰蓝海信息技术有限公司", "宜昌融智软件股份有限公司"])
        }
    }
}
