import Foundation
import HummingbirdTesting
import Testing
@testable import ShenbaoServer

@Suite struct AccountsTests {
    @Test func loginSucceedsWithTheRightPasswordOnly() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        try await harness.run { client in
            var browser = Browser()
            let wrong = try await browser.login(client, "bureau-a", password: "not-the-password")
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("登录名或密码不正确"))
            #expect(browser.cookies["shenbao_session"] == nil)

            let right = try await browser.login(client, "bureau-a")
            #expect(right.status == .seeOther)
            let cookie = right.headers[values: .setCookie].first { $0.hasPrefix("shenbao_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let inboxes = try await browser.get(client, "/inboxes")
            #expect(inboxes.status == .ok)
            #expect(String(buffer: inboxes.body).contains("湖北省工业领域专用模型项目申报书"))
            #expect(String(buffer: inboxes.body).contains("bureau-a 经信局"))
            #expect(!String(buffer: inboxes.body).contains("bureau-b 经信局"))
        }
    }

    @Test func pagesNeedASession() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        try await harness.run { client in
            var browser = Browser()
            for uri in ["/inboxes", "/inboxes/1", "/submissions/1", "/files/1", "/admin/accounts"] {
                let response = try await browser.get(client, uri)
                #expect(response.status == .unauthorized, "\(uri)")
            }
        }
    }

    @Test func failedLoginsAreRateLimited() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        try await harness.run { client in
            var browser = Browser()
            for _ in 0..<5 {
                #expect(try await browser.login(client, "bureau-a", password: "wrong-password").status == .unauthorized)
            }
            // The sixth attempt is refused, even with the right password.
            let blocked = try await browser.login(client, "bureau-a")
            #expect(blocked.status == .tooManyRequests)
            #expect(String(buffer: blocked.body).contains("登录失败次数过多"))
            #expect(browser.cookies["shenbao_session"] == nil)
            // Another account is not blocked by them.
            #expect(try await browser.login(client, "bureau-b").status == .seeOther)
        }
    }

    @Test func requestsWithoutTheCSRFTokenAreRefused() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = Browser()
            // The login form itself needs its token.
            _ = try await browser.get(client, "/login")
            let bareLogin = try await browser.post(client, "/login", [("login", "admin"), ("password", DeskHarness.password)], csrf: false)
            #expect(bareLogin.status == .forbidden)
            #expect(String(buffer: bareLogin.body).contains("安全令牌"))

            #expect(try await browser.login(client, "admin").status == .seeOther)
            _ = try await browser.get(client, "/admin/accounts")
            let create = [("login", "bureau-c"), ("displayName", "丙局"), ("region", "宜昌市"), ("password", "long-enough-password"),
                          ("call", DeskHarness.call)]
            let refused = try await browser.post(client, "/admin/accounts", create, csrf: false)
            #expect(refused.status == .forbidden)
            #expect(try await harness.desk.store.account(login: "bureau-c") == nil)

            var wrongHeader = browser.headers
            wrongHeader[.init("X-CSRF-Token")!] = String(repeating: "0", count: 64)
            #expect(try await client.execute(uri: "/logout", method: .post, headers: wrongHeader).status == .forbidden)

            let upload = try await browser.upload(client, inbox: inbox.id, [try sample("hubei-s154-02.docx")], csrf: false)
            #expect(upload.status == .forbidden)
            #expect(try await harness.desk.store.submissions(inboxID: inbox.id).isEmpty)

            // With the token, the same form works.
            #expect(try await browser.post(client, "/admin/accounts", create).status == .ok)
            #expect(try await harness.desk.store.account(login: "bureau-c") != nil)
        }
    }

    @Test func theAdministratorChangesABureausCallsQuotasAndPassword() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let bureau = try #require(try await harness.desk.store.account(login: "bureau-a"))
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var clerk = try await harness.signedIn(client, "bureau-a", opening: "/inboxes/\(inbox.id)")
            #expect(try await clerk.upload(client, inbox: inbox.id, [try sample("hubei-s154-02.docx")]).status == .ok)
            // A bureau cannot open the page.
            #expect(try await clerk.get(client, "/admin/accounts/\(bureau.id)").status == .notFound)

            var admin = Browser()
            #expect(try await admin.login(client, "admin").status == .seeOther)
            let page = try await admin.get(client, "/admin/accounts/\(bureau.id)")
            #expect(page.status == .ok && String(buffer: page.body).contains("value=\"3\""))
            // Quota 3 → 1 and a second call; the hubei inbox keeps its submission.
            let changed = try await admin.post(client, "/admin/accounts/\(bureau.id)", [
                ("call", DeskHarness.call), ("quota-\(DeskHarness.call)", "1"), ("call", "guangdong-ai-scenario-2023"),
            ])
            #expect(changed.status == .ok && String(buffer: changed.body).contains("已保存"))
            let inboxes = try await harness.desk.store.inboxes(accountID: bureau.id)
            #expect(inboxes.map(\.callID).sorted() == ["guangdong-ai-scenario-2023", DeskHarness.call])
            #expect(inboxes.first { $0.callID == DeskHarness.call }?.quota == 1)
            #expect(inboxes.first { $0.callID == DeskHarness.call }?.id == inbox.id)
            // Dropping the call whose inbox holds a submission is refused, and nothing changes.
            let refused = try await admin.post(client, "/admin/accounts/\(bureau.id)", [("call", "guangdong-ai-scenario-2023")])
            #expect(refused.status == .conflict && String(buffer: refused.body).contains("已有材料"))
            #expect(try await harness.desk.store.inboxes(accountID: bureau.id).count == 2)
            // A new password ends the bureau's sessions; the new one signs in, the old one does not.
            #expect(try await admin.post(client, "/admin/accounts/\(bureau.id)", [("call", DeskHarness.call), ("call", "guangdong-ai-scenario-2023"),
                                                                                 ("password", "another-long-password")]).status == .ok)
            #expect(try await clerk.get(client, "/inboxes").status == .unauthorized)
            var again = Browser()
            #expect(try await again.login(client, "bureau-a").status == .unauthorized)
            #expect(try await again.login(client, "bureau-a", password: "another-long-password").status == .seeOther)
            // A bureau created with a call and no quota has that inbox, without a quota.
            #expect(try await admin.post(client, "/admin/accounts", [("login", "bureau-c"), ("displayName", "丙局"), ("region", "宜昌市"),
                                                                     ("password", "long-enough-password"), ("call", DeskHarness.call)]).status == .ok)
            let created = try #require(try await harness.desk.store.account(login: "bureau-c"))
            #expect(try await harness.desk.store.inboxes(accountID: created.id).map { "\($0.callID) \($0.quota.map(String.init) ?? "不限")" }
                    == ["\(DeskHarness.call) 不限"])
            // The administrator's own account is no bureau to edit.
            let own = try #require(try await harness.desk.store.account(login: "admin"))
            #expect(try await admin.get(client, "/admin/accounts/\(own.id)").status == .notFound)
        }
    }
}
