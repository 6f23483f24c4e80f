import Foundation
import HummingbirdTesting
import Testing
@testable import ShenbaoServer

@Suite struct RecommendationTests {
    @Test func recommendationsStopAtTheQuotaWithAMessage() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        _ = try await harness.desk.createBureau(NewBureau(login: "bureau-c", displayName: "丙局", region: "宜昌市",
                                                          password: DeskHarness.password, calls: [DeskHarness.call: 1]))
        let inbox = try await harness.inbox(of: "bureau-c")
        try await harness.run { client in
            var browser = try await harness.signedIn(client, "bureau-c", opening: "/inboxes/\(inbox.id)")
            let upload = try await browser.upload(client, inbox: inbox.id, [
                ("甲/申报书.docx", try sample("hubei-s154-02.docx").1),
                ("乙/申报书.docx", try sample("武汉睿视智能科技有限公司-睿视纺织印染智能配色模型.docx").1),
            ])
            #expect(String(buffer: upload.body).contains("已保存 2 份申报材料"))
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id).sorted { $0.name < $1.name }
            try #require(submissions.count == 2)

            _ = try await browser.get(client, "/submissions/\(submissions[0].id)")
            let first = try await browser.post(client, "/submissions/\(submissions[0].id)/decision", [("decision", "recommended"), ("note", "材料齐全")])
            #expect(first.status == .seeOther)
            let second = try await browser.post(client, "/submissions/\(submissions[1].id)/decision", [("decision", "recommended"), ("note", "")])
            #expect(second.status == .conflict)
            #expect(String(buffer: second.body).contains("推荐名额已满"))
            #expect(try await browser.post(client, "/submissions/\(submissions[1].id)/decision", [("decision", "not-recommended"), ("note", "缺营业执照")]).status == .seeOther)
            // Re-saving the recommended one does not count it twice.
            #expect(try await browser.post(client, "/submissions/\(submissions[0].id)/decision", [("decision", "recommended"), ("note", "已复核")]).status == .seeOther)

            let stored = try await harness.desk.store.submissions(inboxID: inbox.id).sorted { $0.name < $1.name }
            #expect(stored.map(\.decision) == [.recommended, .notRecommended])
            #expect(stored.map(\.decisionNote) == ["已复核", "缺营业执照"])
            let page = String(buffer: try await browser.get(client, "/inboxes/\(inbox.id)").body)
            #expect(page.contains("已推荐 1 个（名额 1 个）"))

            // Another bureau cannot decide on them.
            var other = Browser()
            _ = try await other.login(client, "bureau-a")
            _ = try await other.get(client, "/inboxes")
            let inboxA = try await harness.inbox(of: "bureau-a")
            _ = try await other.get(client, "/inboxes/\(inboxA.id)")
            #expect(try await other.post(client, "/submissions/\(submissions[1].id)/decision", [("decision", "recommended")]).status == .notFound)
        }
    }
}
