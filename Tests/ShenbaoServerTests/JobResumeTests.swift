import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

/// Reading happens after the upload's request; a stop in between loses nothing.
@Suite struct JobResumeTests {
    @Test func aJobAStopInterruptedIsReadAtTheNextStartAndStrayFoldersGo() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let account = try #require(try await harness.desk.store.account(login: "bureau-a"))
        // What a stop after an upload leaves: the job's row and its folder, nothing read yet; and a folder no job names.
        let folder = harness.desk.jobFolder("upload-test01")
        try FileManager.default.createDirectory(atPath: folder + "/蓝海", withIntermediateDirectories: true)
        try Data(try sample(InboxTests.book + ".docx").1).write(to: URL(fileURLWithPath: folder + "/蓝海/申报书.docx"))
        let stray = harness.desk.jobFolder("upload-stray1")
        try FileManager.default.createDirectory(atPath: stray, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: stray + "/half.docx", contents: Data([1, 2, 3]))
        let job = try await harness.desk.store.createJob(inboxID: inbox.id, accountID: account.id, folder: "upload-test01", replacing: nil,
                                                         refused: ["x.exe：不是申报材料"], at: Date())
        #expect(try await harness.desk.store.submissions(inboxID: inbox.id).isEmpty)

        // The next start: a desk on the same data folder sweeps, then reads the waiting job.
        let restarted = try Desk(configuration: harness.desk.configuration)
        _ = try await restarted.sweep()
        await restarted.readingQueue.waitUntilIdle()
        let finished = try #require(try await restarted.store.job(id: job.id))
        #expect(finished.state == .done)
        #expect(finished.refused == ["x.exe：不是申报材料"])
        let submissions = try await restarted.store.submissions(inboxID: inbox.id)
        #expect(submissions.map(\.applicant) == ["十堰蓝海信息技术有限公司"])
        #expect(finished.submissionIDs == submissions.map(\.id))
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(!FileManager.default.fileExists(atPath: stray))
        // Started again, nothing is read twice.
        _ = try await Desk(configuration: harness.desk.configuration).sweep()
        #expect(try await restarted.store.submissions(inboxID: inbox.id).count == 1)
    }

    @Test func aJobWhoseFilesAreGoneFailsWithAMessage() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let job = try await harness.desk.store.createJob(inboxID: inbox.id, accountID: inbox.accountID, folder: "upload-gone01", replacing: nil,
                                                         refused: [], at: Date())
        await JobReader(desk: harness.desk).read(job) { _, _ in }
        let failed = try #require(try await harness.desk.store.job(id: job.id))
        #expect(failed.state == .failed)
        #expect(failed.error == "上传的文件已不在服务器上，请重新上传")
    }

    @Test func aFolderImportedOnTheServerIsReadAtStartLikeAnUpload() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let job = try await harness.desk.importFolder(packageRoot() + "/Samples/hubei-industrial-model-2026", bureau: "bureau-a",
                                                      call: DeskHarness.call)
        await #expect(throws: DeskError.self) {
            try await harness.desk.importFolder(packageRoot() + "/Samples", bureau: "admin", call: DeskHarness.call)
        }
        _ = try await harness.desk.sweep()
        await harness.desk.readingQueue.waitUntilIdle()
        #expect(try await harness.desk.store.job(id: job)?.state == .done)
        let applicants = try await harness.desk.store.submissions(inboxID: inbox.id).compactMap(\.applicant).sorted()
        #expect(applicants == ["十堰蓝海信息技术有限公司", "宜昌融智软件股份有限公司", "武汉睿视智能科技有限公司"])
    }
}
