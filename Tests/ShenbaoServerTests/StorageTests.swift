import Foundation
import NIOCore
import HummingbirdTesting
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

@Suite struct StorageTests {
    @Test func theDatabaseIsInWALModeAndBlobsAreContentAddressed() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        #expect(try (harness.desk.store as! SQLiteDeskStore).journalMode() == "wal")
        let source = harness.folder + "/source.bin"
        try Data("申报书".utf8).write(to: URL(fileURLWithPath: source))
        let stored = try harness.desk.blobs.store(contentsOf: source)
        #expect(stored.sha256.count == 64 && stored.size == Int64("申报书".utf8.count))
        let path = try #require(harness.desk.blobs.path(for: stored.sha256))
        #expect(path.hasSuffix("/files/\(stored.sha256.prefix(2))/\(stored.sha256)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("申报书".utf8))
        #expect(harness.desk.blobs.path(for: "../../etc/passwd") == nil)
    }

    @Test func aCrashesLeftoversAreSweptAtStartAndStoredFilesKept() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            #expect(try await browser.upload(client, inbox: inbox.id, [try sample("hubei-s154-02.docx")]).status == .ok)
        }
        let file = try #require(try await harness.desk.store.files(submissionID: try await harness.desk.store.submissions(inboxID: inbox.id)[0].id).first)
        // What a crash between writing a blob and committing its row leaves: a temporary file and a blob no row names.
        let orphan = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: harness.folder + "/files/ab", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: harness.folder + "/files/ab/.tmp-123"))
        try Data("orphan".utf8).write(to: URL(fileURLWithPath: harness.folder + "/files/ab/" + orphan))
        #expect(try await harness.desk.sweep() == 2)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/files/ab/" + orphan))
        #expect(FileManager.default.fileExists(atPath: harness.desk.blobs.path(for: file.sha256)!))

        // A new desk on the same folder (a restart) keeps accounts, sessions' table and submissions.
        let reopened = try Desk(configuration: harness.desk.configuration)
        #expect(try await reopened.store.submissions(inboxID: inbox.id).count == 1)
        #expect(try await reopened.store.account(login: "bureau-a") != nil)
    }

    @Test func aZipBombAndAMalformedBodyAreRefusedWithoutHarm() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let zip = NSTemporaryDirectory() + "shenbao-desk-bomb-\(UUID().uuidString).zip"
        defer { try? FileManager.default.removeItem(atPath: zip) }
        try TestZipWriter.write([("甲公司/申报书.docx", .zeros(200 << 20))], to: zip)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: zip)))
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            let response = try await browser.upload(client, inbox: inbox.id, [("炸弹.zip", bytes)])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("炸弹.zip"))
            #expect(String(buffer: response.body).contains("压缩炸弹"))

            var headers = browser.headers
            headers[.contentType] = "multipart/form-data; boundary=xyz"
            let garbage = try await client.execute(uri: "/inboxes/\(inbox.id)/upload", method: .post, headers: headers,
                                                   body: ByteBuffer(string: "--xyz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf)\r\n--xyz\r\nnonsense"))
            #expect(garbage.status.code >= 400 && garbage.status.code < 500)
            #expect(try await harness.desk.store.submissions(inboxID: inbox.id).isEmpty)
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: harness.folder + "/tmp")) ?? []
            #expect(leftovers.isEmpty)
        }
    }
}
