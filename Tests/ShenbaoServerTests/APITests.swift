import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import ShenbaoServer

/// The JSON API does what the pages do, with the same checks.
@Suite struct APITests {
    /// A JSON client: the session cookie and the CSRF token from signing in.
    struct APIClient {
        var cookie = ""
        var csrf = ""

        func headers(json: Bool = false, csrf: Bool = true) -> HTTPFields {
            var fields = HTTPFields()
            if !cookie.isEmpty { fields[.cookie] = cookie }
            if csrf && !self.csrf.isEmpty { fields[.csrfToken] = self.csrf }
            if json { fields[.contentType] = "application/json" }
            return fields
        }

        mutating func signIn(_ client: any TestClientProtocol, _ login: String) async throws -> TestResponse {
            let body = #"{"login":"\#(login)","password":"\#(DeskHarness.password)"}"#
            let response = try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: body))
            if let set = response.headers[.setCookie] { cookie = String(set.split(separator: ";")[0]) }
            if let session = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] {
                csrf = session["csrfToken"] as? String ?? ""
            }
            return response
        }

        func json(_ response: TestResponse) throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: response.body)) }
    }

    @Test func theAPIUploadsReadsAndRecommendsWithThePagesChecks() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var a = APIClient()
            #expect(try await a.signIn(client, "bureau-a").status == .ok)
            #expect(a.csrf.count == 64 && a.cookie.hasPrefix("shenbao_session="))
            let inboxes = try a.json(try await client.execute(uri: "/api/v1/inboxes", method: .get, headers: a.headers())) as? [[String: Any]]
            #expect(inboxes?.map { $0["id"] as? Int } == [Int(inbox.id)])

            // Upload by API: the token in the header, no csrf field; 202 with the job, then its progress to done.
            var body = ByteBuffer()
            let (name, bytes) = try sample(InboxTests.book + ".docx")
            body.writeString("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n--b--\r\n")
            var headers = a.headers()
            headers[.contentType] = "multipart/form-data; boundary=b"
            let upload = try await client.execute(uri: "/api/v1/inboxes/\(inbox.id)/upload", method: .post, headers: headers, body: body)
            #expect(upload.status == .accepted)
            let job = try #require(try a.json(upload) as? [String: Any])
            let jobID = try #require(job["id"] as? Int)
            try await Browser(cookies: ["shenbao_session": String(a.cookie.dropFirst("shenbao_session=".count))]).waitFor(client, job: "/jobs/\(jobID)")
            let done = try #require(try a.json(try await client.execute(uri: "/api/v1/jobs/\(jobID)", method: .get, headers: a.headers())) as? [String: Any])
            #expect(done["state"] as? String == "done")
            let ids = try #require(done["submissionIDs"] as? [Int])
            #expect(ids.count == 1)

            let detail = try #require(try a.json(try await client.execute(uri: "/api/v1/submissions/\(ids[0])", method: .get, headers: a.headers())) as? [String: Any])
            let submission = try #require(detail["submission"] as? [String: Any])
            #expect(submission["uscc"] as? String == "91420300NYQM61362U")
            #expect((detail["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "submission.pdf-missing" } == true)
            #expect((detail["files"] as? [[String: Any]])?.count == 1)

            // A decision by JSON; a wrong one is refused in Chinese; without the token, 403.
            let decide = { (json: String, headers: HTTPFields) in
                try await client.execute(uri: "/api/v1/submissions/\(ids[0])/decision", method: .post, headers: headers, body: ByteBuffer(string: json))
            }
            let recommended = try await decide(#"{"decision":"recommended","note":"材料齐全"}"#, a.headers(json: true))
            #expect(recommended.status == .ok)
            #expect((try a.json(recommended) as? [String: Any])?["decision"] as? String == "recommended")
            let wrong = try await decide(#"{"decision":"maybe"}"#, a.headers(json: true))
            #expect(wrong.status == .badRequest)
            #expect(String(buffer: wrong.body).contains("请选择推荐、不推荐或未定"))
            #expect(try await decide(#"{"decision":"none"}"#, a.headers(json: true, csrf: false)).status == .forbidden)
            #expect(try await decide("decision=none", { var h = a.headers(); h[.contentType] = "text/plain"; return h }()).status == .unsupportedMediaType)
            #expect(try await harness.desk.store.submission(id: Int64(ids[0]))?.decision == .recommended)

            // Another bureau: 404 for every id of bureau A, by API as by page.
            var b = APIClient()
            #expect(try await b.signIn(client, "bureau-b").status == .ok)
            for uri in ["/api/v1/inboxes/\(inbox.id)", "/api/v1/submissions/\(ids[0])", "/api/v1/jobs/\(jobID)",
                        "/api/v1/inboxes/\(inbox.id)/findings.csv", "/api/v1/accounts"] {
                let response = try await client.execute(uri: uri, method: .get, headers: b.headers())
                #expect(response.status == .notFound, "\(uri)")
                #expect(String(buffer: response.body).hasPrefix("{\"error\":"), "\(uri)")
            }
            #expect(try await client.execute(uri: "/api/v1/submissions/\(ids[0])/decision", method: .post, headers: b.headers(json: true),
                                             body: ByteBuffer(string: #"{"decision":"none"}"#)).status == .notFound)
            // A wrong password is refused, not signed in.
            var c = APIClient()
            let refused = try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"login":"bureau-a","password":"wrong-password"}"#))
            #expect(refused.status == .unauthorized && refused.headers[.setCookie] == nil)
            #expect(try await c.signIn(client, "nobody").status == .unauthorized)
        }
    }

    @Test func theOpenAPIDocumentNamesEveryAPIRouteAndEveryPageHasOne() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let routes = DeskServer.router(harness.desk).routes.map { "\($0.method) \($0.path)" }
        let braced = { (route: String) in route.replacingOccurrences(of: #":([a-z]+)"#, with: "{$1}", options: .regularExpression) }
        let api = Set(routes.filter { $0.contains(" /api/v1/") }.map(braced))
        // The document's operations: "  /api/v1/…:" path lines, each followed by its methods.
        var documented = Set<String>()
        var path: String?
        for line in OpenAPIDocument.yaml.split(separator: "\n") {
            if line.hasPrefix("  /api/v1/"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            if !line.hasPrefix("    ") { path = nil }
            if let path, line.count > 4, !line.hasPrefix("     "), let method = ["get", "post", "delete", "put", "patch"].first(where: { line == "    \($0):" }) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(!documented.isEmpty)
        #expect(documented == api, "only in the document: \(documented.subtracting(api)); only in the router: \(api.subtracting(documented))")

        // Every page operation has its API twin.
        let twins = ["POST /login": "POST /api/v1/session", "POST /logout": "DELETE /api/v1/session",
                     "GET /admin/accounts": "GET /api/v1/accounts", "POST /admin/accounts": "POST /api/v1/accounts",
                     "GET /admin/accounts/:id": "GET /api/v1/accounts/:id", "POST /admin/accounts/:id": "POST /api/v1/accounts/:id"]
        for route in routes where !route.contains("/api/v1/") && !route.contains("/assets/") && !route.hasSuffix(" /") && route != "GET /login" && route != "GET /register"
            && !route.hasSuffix("/openapi.yaml") {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            let twin = twins.first { braced($0.key) == braced(route) }?.value ?? "\(parts[0]) /api/v1\(parts[1])"
            #expect(api.contains(braced(twin)), "\(route) has no API twin")
        }

        // Served as is, without a session.
        try await harness.run { client in
            let served = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(served.status == .ok)
            #expect(String(buffer: served.body) == OpenAPIDocument.yaml)
        }
    }
}
