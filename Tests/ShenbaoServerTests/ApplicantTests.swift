import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ShenbaoKit
import ShenbaoTestSupport
import Testing
import Yams
@testable import ShenbaoServer

/// The applicant's side: registration by 统一社会信用代码, an application per call checked by the validator,
/// downloads, and no way into another applicant's data.
@Suite struct ApplicantTests {
    static let code = "91420300NYQM61362U"
    static let password = "applicant-password-1"

    /// Registers through the page; the browser is signed in afterwards when it succeeds.
    static func register(_ client: any TestClientProtocol, _ browser: inout Browser, uscc: String, name: String) async throws -> TestResponse {
        _ = try await browser.get(client, "/register")
        let token = try #require(browser.cookies["shenbao_login"])
        browser.csrf = token
        return try await browser.post(client, "/register", [("uscc", uscc), ("name", name), ("contact", "刘然怡 19034493061"),
                                                            ("password", Self.password)])
    }

    /// Starts the signed-in applicant's application for `call` and saves `data` (field id → value) through the API,
    /// as the form's autosave does; returns the application's path.
    static func start(_ client: any TestClientProtocol, _ browser: inout Browser, call: String, saving data: [String: Any]) async throws -> String {
        _ = try await browser.get(client, "/applications")
        let location = try #require(try await browser.post(client, "/applications", [("call", call)]).headers[.location])
        _ = try await browser.get(client, location)
        var json = browser.headers
        json[.csrfToken] = browser.csrf
        json[.contentType] = "application/json"
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["data": data]), as: UTF8.self)
        #expect(try await client.execute(uri: "/api/v1\(location)", method: .post, headers: json, body: ByteBuffer(string: body)).status == .ok)
        return location
    }

    @Test func anApplicantRegistersByItsCodeAndFillsACheckedApplication() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        try await harness.run { client in
            var browser = Browser()
            // A typo in the code: the validator's own message with the check character it should have.
            let typo = try await Self.register(client, &browser, uscc: "91420300NYQM61362X", name: "十堰蓝海信息技术有限公司")
            #expect(typo.status == .badRequest)
            #expect(String(buffer: typo.body).contains("校验位不正确（按前17位应为「U」）"))
            #expect(String(buffer: typo.body).contains("十堰蓝海信息技术有限公司"))  // what was typed stays
            let registered = try await Self.register(client, &browser, uscc: Self.code, name: "十堰蓝海信息技术有限公司")
            #expect(registered.status == .seeOther && registered.headers[.location] == "/applications")
            var again = Browser()
            #expect(try await Self.register(client, &again, uscc: Self.code, name: "别的公司").status == .conflict)

            // Start the Hubei application: name and code are filled in from the registration.
            _ = try await browser.get(client, "/applications")
            let started = try await browser.post(client, "/applications", [("call", DeskHarness.call)])
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/applications/"))
            let page = String(buffer: try await browser.get(client, location).body)
            #expect(page.contains("湖北省工业领域专用模型项目申报书") && page.contains(Self.code))
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            let stored = try #require(try await harness.desk.store.application(id: id))
            // Not yet saved: no finding shouts at an untouched form.
            #expect(stored.findings.isEmpty)
            #expect(page.contains("保存并检查") && !page.contains("field.required"))
            // The same call again opens the same application.
            #expect(try await browser.post(client, "/applications", [("call", DeskHarness.call)]).headers[.location] == location)

            // Saving by API with a wrong code in the form: the finding sits on that field.
            var headers = browser.headers
            headers[.csrfToken] = browser.csrf
            headers[.contentType] = "application/json"
            let body = #"{"data": {"org.uscc": "91420300NYQM61362X", "org.name": "十堰蓝海信息技术有限公司"}}"#
            let saved = try await client.execute(uri: "/api/v1/applications/\(id)", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(saved.status == .ok)
            let findings = try await harness.desk.store.application(id: id)?.findings ?? []
            #expect(findings.contains { $0.rule == "field.uscc.check-digit" && $0.field == "org.uscc" })
            #expect(findings.contains { $0.rule == "field.required" })
            let checkedPage = String(buffer: try await browser.get(client, location).body)
            #expect(checkedPage.contains("校验位不正确") && checkedPage.contains("field.required"))

            // The book downloads as a Word file, a draft marking what is missing.
            let book = try await browser.get(client, "/applications/\(id)/book.docx")
            #expect(book.status == .ok)
            #expect(Array(book.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            let yaml = String(buffer: try await browser.get(client, "/applications/\(id)/data.yaml").body)
            #expect(yaml.contains("91420300NYQM61362X") && yaml.contains("十堰蓝海信息技术有限公司"))

            // Another applicant, a bureau and nobody: 404 / 401 for every route of this application.
            var other = Browser()
            #expect(try await Self.register(client, &other, uscc: "91420500MA0YKY7735", name: "宜昌融智软件股份有限公司").status == .seeOther)
            var bureau = try await harness.signedIn(client, "bureau-a")
            var nobody = Browser()
            for uri in ["/applications/\(id)", "/applications/\(id)/book.docx", "/applications/\(id)/data.json", "/api/v1/applications/\(id)"] {
                #expect(try await other.get(client, uri).status == .notFound, "\(uri)")
                #expect(try await bureau.get(client, uri).status == .notFound, "\(uri)")
                #expect(try await nobody.get(client, uri).status == .unauthorized, "\(uri)")
            }
            _ = try await other.get(client, "/applications")
            #expect(try await other.post(client, "/applications/\(id)", [("org.name", "篡改")]).status == .notFound)
            #expect(try await harness.desk.store.application(id: id)?.data.contains("篡改") == false)
            // An applicant sees no inbox.
            #expect(!String(buffer: try await other.get(client, "/inboxes").body).contains("湖北省工业领域专用模型项目申报书"))
        }
    }

    /// The sample applicant's data (Samples/data), as the form would post it.
    static func sampleData(_ call: String) throws -> String {
        let text = try String(contentsOfFile: packageRoot() + "/Samples/data/applicant-\(call).yaml", encoding: .utf8)
        let object = try #require(try Yams.load(yaml: text) as? [String: Any])
        let data = try JSONSerialization.data(withJSONObject: ["data": object])
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aCheckedApplicationIsSubmittedOnceToABureausInboxAndItsDecisionShows() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        // The book names 十堰市经济和信息化局: bureau A (武汉市) is not its recommending unit.
        _ = try await harness.desk.createBureau(NewBureau(login: "shiyan", displayName: "十堰市经济和信息化局", region: "十堰市",
                                                          password: DeskHarness.password, calls: [DeskHarness.call: 3]))
        let inbox = try await harness.inbox(of: "shiyan")
        let wuhan = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = Browser()
            #expect(try await Self.register(client, &browser, uscc: Self.code, name: "十堰蓝海信息技术有限公司").status == .seeOther)
            _ = try await browser.get(client, "/applications")
            let location = try #require(try await browser.post(client, "/applications", [("call", DeskHarness.call)]).headers[.location])
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            var json = browser.headers
            json[.csrfToken] = browser.csrf
            json[.contentType] = "application/json"

            // With errors it cannot be submitted.
            _ = try await browser.get(client, location)
            let early = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(inbox.id)")], [])
            #expect(early.status == .conflict && String(buffer: early.body).contains("改正后才能提交"))

            // The sample's full data: no error left; the page offers the bureaus of this call.
            let saved = try await client.execute(uri: "/api/v1\(location)", method: .post, headers: json,
                                                 body: ByteBuffer(string: try Self.sampleData(DeskHarness.call)))
            #expect(saved.status == .ok)
            let errors = try await harness.desk.store.application(id: id)?.findings.filter { $0.severity == "error" } ?? []
            #expect(errors.isEmpty, "\(errors.map(\.message))")
            let page = String(buffer: try await browser.get(client, location).body)
            #expect(page.contains("bureau-a 经信局（武汉市）") && page.contains("状态：未提交"))
            // Grouped by 市州 in the province's order (武汉市 first), the book's own 推荐单位 selected, so no 请选择 placeholder.
            #expect(page.contains(#"<optgroup label="武汉市">"#) && page.contains(#"<optgroup label="十堰市">"#))
            #expect(page.range(of: #"<optgroup label="武汉市">"#)!.lowerBound < page.range(of: #"<optgroup label="十堰市">"#)!.lowerBound)
            #expect(page.contains(#"<option value="\#(inbox.id)" data-region="十堰市" selected>十堰市经济和信息化局（十堰市）</option>"#))
            #expect(page.contains(#"<option value="十堰市" selected>十堰市</option>"#) && !page.contains("请选择推荐单位"))
            // A bureau of another 市州 than the book names is refused, saying why.
            let elsewhere = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(wuhan.id)")], [])
            #expect(elsewhere.status == .conflict && String(buffer: elsewhere.body).contains("申报书中的推荐单位是「十堰市经济和信息化局」（十堰市）"))
            #expect(try await harness.desk.store.application(id: id)?.isSubmitted == false)

            // Submitted with an attachment: it is read into bureau A's inbox as one applicant's folder.
            let submitted = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(inbox.id)")],
                                                     [("营业执照.pdf", Array("%PDF-1.4 营业执照".utf8))])
            #expect(submitted.status == .seeOther)
            let job = try #require(try await harness.desk.store.application(id: id)?.jobID)
            try await browser.waitFor(client, job: "/jobs/\(job)", as: try await harness.signedIn(client, "shiyan"))
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            try #require(submissions.count == 1)
            #expect(submissions[0].applicant == "十堰蓝海信息技术有限公司")
            let names = try await harness.desk.store.files(submissionID: submissions[0].id).map(\.name).sorted()
            #expect(names == ["十堰蓝海信息技术有限公司/申报书.docx", "十堰蓝海信息技术有限公司/营业执照.pdf"])
            #expect(String(buffer: try await browser.get(client, location).body).contains("推荐单位尚未给出推荐意见"))

            // Once only; no more changes; the bureau's decision shows to the applicant.
            let twice = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(inbox.id)")], [])
            #expect(twice.status == .conflict)
            let changed = try await client.execute(uri: "/api/v1\(location)", method: .post, headers: json,
                                                   body: ByteBuffer(string: #"{"data": {"org.name": "改名"}}"#))
            #expect(changed.status == .conflict)
            var clerk = try await harness.signedIn(client, "shiyan", opening: "/submissions/\(submissions[0].id)")
            #expect(try await clerk.post(client, "/submissions/\(submissions[0].id)/decision", [("decision", "recommended")]).status == .seeOther)
            #expect(String(buffer: try await browser.get(client, location).body).contains("推荐意见：推荐"))
        }
    }

    /// MIIT 2018 (seed 001): filled online, the 《项目申报书》 printed from it (the call folder's book.xml) goes to
    /// the bureau, whose inbox reads it back without an error; one project per applicant.
    @Test func aMIITProjectIsSubmittedAsTheBookPrintedFromTheForm() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let call = "miit-ai-innovation-2018"
        let bureau = try await harness.desk.createBureau(NewBureau(login: "shenzhen", displayName: "深圳市经济贸易和信息化委员会",
                                                                   region: "深圳市", password: DeskHarness.password, calls: [call: 15]))
        let inbox = try #require(try await harness.desk.store.inboxes(accountID: bureau.id).first)
        let row: [String: String] = [
            "project.recommender": "深圳市经济贸易和信息化委员会", "project.recommender_kind": "地方主管部门",
            "project.applicant": "深圳市智联视觉科技有限公司", "project.uscc": "91420100MA4K00001U",
            "project.name": "面向电子制造的智能视觉检测系统", "project.category": "智能产品类", "project.direction": "智能理解产品",
            "project.contact": "黄晓明", "project.contact_phone": "13912345678"]
        try await harness.run { client in
            var browser = Browser()
            #expect(try await Self.register(client, &browser, uscc: row["project.uscc"]!, name: row["project.applicant"]!).status == .seeOther)
            let location = try await Self.start(client, &browser, call: call, saving: row)
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            let page = String(buffer: try await browser.get(client, location).body)
            #expect(page.contains("\(location)/book.docx") && page.contains("\(location)/submit"))
            // The book the 推荐单位 field names is picked out (exact name; this call has no regions list).
            #expect(page.contains(#"<option value="\#(inbox.id)" data-region="深圳市" selected>"#))
            // Without the stamped PDF it is not sent; with the book as LibreOffice prints it, it is.
            let bare = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(inbox.id)")], [])
            #expect(bare.status == .unprocessableContent && String(buffer: bare.body).contains("缺少加盖公章的 PDF 版申报书"))
            let book = try await browser.get(client, "\(location)/book.docx")
            #expect(book.status == .ok)
            let folder = try makeTemporaryFolderURL("miit-book")
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(buffer: book.body).write(to: folder.appendingPathComponent("book.docx"))
            let soffice = try #require(systemTool("soffice"), "LibreOffice (make test-deps) prints the stamped copy")
            try runQuietly(soffice, ["--headless", "--convert-to", "pdf",
                                     "--outdir", folder.path, folder.appendingPathComponent("book.docx").path], in: folder)
            let pdf = [UInt8](try Data(contentsOf: folder.appendingPathComponent("book.pdf")))
            let submitted = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "\(inbox.id)")],
                                                     [("\(row["project.applicant"]!)-项目申报书（盖章）.pdf", pdf)])
            #expect(submitted.status == .seeOther, "\(String(buffer: submitted.body))")
            let job = try #require(try await harness.desk.store.application(id: id)?.jobID)
            try await browser.waitFor(client, job: "/jobs/\(job)", as: try await harness.signedIn(client, "shenzhen"))
            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            try #require(submissions.count == 1)
            #expect(submissions[0].applicant == row["project.applicant"])
            #expect(submissions[0].uscc == row["project.uscc"])
            let errors = try await harness.desk.store.findings(submissionID: submissions[0].id).filter { $0.severity == "error" }
            #expect(errors.isEmpty, "\(errors.map(\.message))")
        }
    }

    @Test func anApplicantsOwnBookIsReadIntoTheForm() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        try await harness.run { client in
            var browser = Browser()
            #expect(try await Self.register(client, &browser, uscc: Self.code, name: "十堰蓝海信息技术有限公司").status == .seeOther)
            _ = try await browser.get(client, "/applications")
            let location = try #require(try await browser.post(client, "/applications", [("call", DeskHarness.call)]).headers[.location])
            _ = try await browser.get(client, location)
            let book = InboxTests.book
            let page = try await browser.upload(client, path: "\(location)/import", fields: [], [(book + ".docx", try sample(book + ".docx").1)])
            let text = String(buffer: page.body)
            #expect(page.status == .ok)
            #expect(text.contains("已从 \(book).docx 读出"))
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            let data = ApplicantRoutes.data(try #require(try await harness.desk.store.application(id: id)))
            #expect(data["org.uscc"] as? String == Self.code)
            #expect(data["model.name"] as? String == "蓝海智能排产调度模型")
            #expect(text.contains("value=\"91420300NYQM61362U\""))
            // Another call's book is refused with a message; the data stays.
            let guangdong = [UInt8](try Data(contentsOf: URL(fileURLWithPath: packageRoot() + "/Samples/guangdong-ai-scenario-2023/guangdong-s28-01.docx")))
            let wrong = try await browser.upload(client, path: "\(location)/import", fields: [], [("广东.docx", guangdong)])
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains("不是「湖北省工业领域专用模型项目申报书」的申报书"))
            #expect(ApplicantRoutes.data(try #require(try await harness.desk.store.application(id: id)))["org.uscc"] as? String == Self.code)
        }
    }

    @Test func anEnterpriseRecordShowsItsClassificationAsClassifyDecidesIt() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let call = "wuhan-ai-enterprise-2025"
        let spec = try #require(harness.desk.spec(call))
        let csv = packageRoot() + "/Samples/wuhan-ai-enterprise-2025/enterprises.csv"
        let text = try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let row = Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]).filter { !$0.1.isEmpty })
        let rules = try #require(try ClassificationRules.load(from: spec.directory))
        let first = try #require(try DataFileReader(spec: spec).read(path: csv).first)
        let expected = try #require(EnterpriseClassifier(rules: rules).classify(first))
        try await harness.run { client in
            var browser = Browser()
            #expect(try await Self.register(client, &browser, uscc: "91420100MA4K00001U", name: "光谷智算科技有限公司").status == .seeOther)
            let location = try await Self.start(client, &browser, call: call, saving: row)
            let page = String(buffer: try await browser.get(client, location).body)
            #expect(page.contains("企业分类：\(expected.enterpriseClass.rawValue)"))
            #expect(page.contains(String(format: "%.2f 万元", expected.countedValue)))
            #expect(page.contains(expected.rule))
            // Filled online: the call has no book template, so there is no 申报书 to download or submit.
            #expect(!page.contains("/book.docx") && !page.contains("/submit"))
            let book = try await browser.get(client, "\(location)/book.docx")
            #expect(book.status == .notFound && String(buffer: book.body).contains("不生成申报书"))
            let submitted = try await browser.upload(client, path: "\(location)/submit", fields: [("bureau", "1")], [])
            #expect(submitted.status == .conflict)
        }
    }

    @Test func aTotalTheCallChecksShowsItsPartsSumAsTheyAreTyped() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let spec = try #require(harness.desk.spec("hubei-ai-annual-report-2023"))
        let html = Pages.shared.render("applicationFields", ApplicationForm(spec: spec).values(data: [:], findings: []))
        #expect(html.contains(#"data-sum-of="revenue.0101 revenue.0102 revenue.0103 revenue.0104 revenue.0105""#))
        #expect(html.contains(#"data-sum-of="revenue.0100 revenue.0200 revenue.0300""#))
        // A part is no total.
        #expect(html.components(separatedBy: "data-sum-of=").count - 1 == 4)
        // Parts stand indented under their totals: 0000, then 0100, then 0101.
        func classes(_ id: String) -> String? {
            html.range(of: #"id="f-\#(id.replacingOccurrences(of: ".", with: "-"))-box""#)
                .flatMap { html[..<$0.lowerBound].range(of: #"class=""#, options: .backwards) }
                .map { range in String(html[range.upperBound...].prefix { $0 != "\"" }) }
        }
        #expect(classes("revenue.0000").map { $0.contains("appform-total") && !$0.contains("appform-depth") } == true)
        #expect(classes("revenue.0100").map { $0.contains("appform-total") && $0.contains("appform-depth-1") } == true)
        #expect(classes("revenue.0101").map { !$0.contains("appform-total") && $0.contains("appform-depth-2") } == true)
    }
}
