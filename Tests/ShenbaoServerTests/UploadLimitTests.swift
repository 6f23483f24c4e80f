import Foundation
import HummingbirdTesting
import Testing
@testable import ShenbaoServer

/// Uploads are limited as files on the command line are: a file over the size limit and files over the count
/// are refused by name while the rest are taken; a body over the request limit is refused whole (413).
@Suite struct UploadLimitTests {
    @Test func filesOverTheLimitsAreRefusedByNameAndTheRestTaken() async throws {
        let harness = try await DeskHarness { configuration in
            configuration.uploadLimits.maxFileBytes = 1 << 20
            configuration.uploadLimits.maxFiles = 3
            configuration.uploadLimits.maxRequestBytes = 3 << 20
        }
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let big = [UInt8](repeating: 0x41, count: (1 << 20) + 4096)
            let small = [UInt8]("附件".utf8)
            let page = try await browser.upload(client, inbox: inbox.id, [
                ("甲/申报书.docx", try sample("hubei-s154-02.docx").1), ("甲/扫描件过大.pdf", big),
                ("甲/附件1.jpg", small), ("甲/附件2.jpg", small), ("甲/附件3.jpg", small),
            ])
            let text = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(text.contains("扫描件过大.pdf：文件过大（超过 1 MiB），未接收"))
            // Files the form sent count once each, taken or refused: the fourth and fifth are over the count.
            #expect(text.contains("附件2.jpg：一次上传的文件过多（最多 3 个），未接收"))
            #expect(text.contains("附件3.jpg：一次上传的文件过多（最多 3 个），未接收"))
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            try #require(submissions.count == 1)
            let stored = try await harness.desk.store.files(submissionID: submissions[0].id).map(\.name).sorted()
            #expect(stored == ["甲/申报书.docx", "甲/附件1.jpg"])

            // A body over the request limit: refused whole, nothing stored, no folder left behind.
            let huge = [UInt8](repeating: 0x42, count: 4 << 20)
            let refused = try await browser.upload(client, inbox: inbox.id, [("乙/申报书.docx", try sample("hubei-s154-02.docx").1), ("乙/大.pdf", huge)])
            #expect(refused.status == .contentTooLarge)
            #expect(String(buffer: refused.body).contains("上传内容过大"))
            #expect(try await harness.desk.store.submissions(inboxID: inbox.id).count == 1)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: harness.folder + "/tmp")) ?? []).isEmpty)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: harness.folder + "/jobs")) ?? []).isEmpty)
        }
    }

    @Test func aFileOfNoSubmissionIsNamedOnTheJobsPage() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let page = try await browser.upload(client, inbox: inbox.id, [("甲/申报书.docx", try sample("hubei-s154-02.docx").1),
                                                                         ("杂项/说明.jpg", [UInt8]("说明".utf8))])
            let text = String(buffer: page.body)
            #expect(text.contains("已保存 1 份申报材料"))
            #expect(text.contains("杂项/说明.jpg：不属于任何一份申报材料"))
        }
    }
}
