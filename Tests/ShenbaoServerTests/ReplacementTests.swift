import Foundation
import HummingbirdTesting
import Testing
@testable import ShenbaoServer

/// A file sent again replaces the old one in its submission, which is read again; the old file stays as history.
@Suite struct ReplacementTests {
    @Test func aReuploadReplacesTheFileReadsTheSubmissionAgainAndKeepsTheOldOne() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            let book = InboxTests.book
            _ = try await browser.upload(client, inbox: inbox.id, [("蓝海/\(book).docx", try sample(book + ".docx").1),
                                                                  ("蓝海/\(book).pdf", try sample(book + ".pdf").1)])
            let before = try #require(try await harness.desk.store.submissions(inboxID: inbox.id).first)
            #expect(before.applicant == "十堰蓝海信息技术有限公司")
            #expect(before.stampedCopy.agreement == .agrees)
            let files = try await harness.desk.store.files(submissionID: before.id)
            let word = try #require(files.first { $0.name.hasSuffix(".docx") })

            // The applicant mailed a Word book that is not the stamped one: the stamped copy no longer agrees.
            _ = try await browser.get(client, "/submissions/\(before.id)")
            let page = try await browser.replace(client, file: word.id, with: ("新版申报书.docx", try sample("hubei-s154-02.docx").1))
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("查看该材料"))
            let after = try #require(try await harness.desk.store.submission(id: before.id))
            #expect(after.id == before.id && after.arrivedAt == before.arrivedAt)
            #expect(after.applicant != before.applicant)
            #expect(after.stampedCopy.agreement == .differs)
            let findings = try await harness.desk.store.findings(submissionID: after.id)
            #expect(findings.contains { $0.rule == "submission.scan-mismatch" })

            let now = try await harness.desk.store.files(submissionID: after.id)
            let current = now.filter(\.isCurrent).map(\.name).sorted()
            #expect(current == ["蓝海/\(book).pdf", "蓝海/新版申报书.docx"])
            let old = try #require(now.first { $0.id == word.id })
            #expect(old.replacedAt != nil)
            #expect(old.replacedBy == now.first { $0.name == "蓝海/新版申报书.docx" }?.id)
            // The old version still downloads, and the page lists it as history.
            let download = try await browser.get(client, "/files/\(word.id)")
            #expect(Array(download.body.readableBytesView) == (try sample(book + ".docx")).1)
            let submissionPage = String(buffer: try await browser.get(client, "/submissions/\(after.id)").body)
            #expect(submissionPage.contains("被替换的旧版本") && submissionPage.contains("\(book).docx"))
            #expect(submissionPage.contains("与 Word 不一致"))
            let inboxPage = String(buffer: try await browser.get(client, "/inboxes/\(inbox.id)").body)
            #expect(inboxPage.contains("与 Word 不一致"))

            // The old version cannot be replaced again; another bureau cannot replace at all.
            let again = try await browser.replace(client, file: word.id, with: ("再版.docx", try sample(book + ".docx").1))
            #expect(again.status == .conflict)
            var other = try await harness.signedIn(client, "bureau-b", opening: "/inboxes")
            let foreign = try #require(now.first { $0.isCurrent && $0.name.hasSuffix(".pdf") })
            #expect(try await other.replace(client, file: foreign.id, with: ("x.pdf", [1, 2, 3])).status == .notFound)
            #expect(try await harness.desk.store.files(submissionID: after.id).count == 3)
        }
    }
}
