import Foundation
import HummingbirdTesting
import ShenbaoKit
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

@Suite struct SummaryExportTests {
    @Test func theSummaryOfTheRecommendedEqualsTheCLIsAndFindingsExportAsCSV() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let book = "武汉睿视智能科技有限公司-睿视纺织印染智能配色模型.docx"
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            let early = try await browser.get(client, "/inboxes/\(inbox.id)/summary?format=csv")
            #expect(early.status == .conflict)
            #expect(String(buffer: early.body).contains("尚未推荐"))
            _ = try await browser.upload(client, inbox: inbox.id, [("甲/申报书.docx", try sample(book).1),
                                                                   ("乙/申报书.docx", try sample("hubei-s154-02.docx").1)])
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            try #require(submissions.count == 2)
            let chosen = try #require(submissions.first { $0.name == "甲" })
            #expect(chosen.applicant == "武汉睿视智能科技有限公司")
            _ = try await browser.get(client, "/submissions/\(chosen.id)")
            #expect(try await browser.post(client, "/submissions/\(chosen.id)/decision", [("decision", "recommended")]).status == .seeOther)

            let csv = try await browser.get(client, "/inboxes/\(inbox.id)/summary?format=csv&contact=%E5%BC%A0%E4%B8%89+027-1234")  // a typed space, as a browser sends it
            #expect(csv.status == .ok)

            // The CLI's sequence on the same book, as `shenbao summary 甲/ --recommender … --contact …` runs it.
            let folder = NSTemporaryDirectory() + "shenbao-desk-summary-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder + "/甲", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try Data(try sample(book).1).write(to: URL(fileURLWithPath: folder + "/甲/申报书.docx"))
            let spec = try #require(harness.desk.spec(DeskHarness.call))
            let rows = SummaryRows.gather([folder + "/甲"], spec: spec, specs: harness.desk.specs,
                                          workers: IsolatedWorkers(timeout: 60, jobs: 1, templates: packageRoot() + "/Templates",
                                                                   executable: DeskHarness.shenbaoBinary))
            let table = SummaryBuilder(call: spec, spec: try SummarySpec.load(for: spec))
                .build(records: rows.records, recommender: "bureau-a 经信局", contact: "张三 027-1234")
            try SummaryFormat.csv.write(table, to: folder + "/cli.csv", inputs: [])
            let expected = try Data(contentsOf: URL(fileURLWithPath: folder + "/cli.csv"))
            #expect(Data(csv.body.readableBytesView) == expected)
            #expect(String(buffer: csv.body).contains("武汉睿视智能科技有限公司"))
            #expect(!String(buffer: csv.body).contains("宜昌融智"))

            for format in ["docx", "xlsx"] {
                let file = try await browser.get(client, "/inboxes/\(inbox.id)/summary?format=\(format)")
                #expect(file.status == .ok)
                #expect(Array(file.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            }

            let findings = try await browser.get(client, "/inboxes/\(inbox.id)/findings.csv")
            #expect(findings.status == .ok)
            #expect(Array(findings.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(String(buffer: findings.body).contains("申报单位,统一社会信用代码"))

            var other = Browser()
            _ = try await other.login(client, "bureau-b")
            #expect(try await other.get(client, "/inboxes/\(inbox.id)/summary?format=csv").status == .notFound)
            #expect(try await other.get(client, "/inboxes/\(inbox.id)/findings.csv").status == .notFound)
        }
    }
}
