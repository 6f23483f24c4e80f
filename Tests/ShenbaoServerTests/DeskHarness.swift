import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

/// A desk in a fresh data folder with an administrator and two bureaus (A and B, each with an inbox for the
/// hubei call), reading books with the built `shenbao` program's workers, as `shenbao serve` does.
struct DeskHarness {
    static let call = "hubei-industrial-model-2026"
    static let password = "correct-horse-42"

    let desk: Desk
    let folder: String

    /// `configure` changes the configuration before the desk opens (limits, timeouts).
    init(configure: (inout DeskConfiguration) -> Void = { _ in }) async throws {
        folder = NSTemporaryDirectory() + "shenbao-desk-\(UUID().uuidString)"
        var configuration = DeskConfiguration(dataDirectory: folder)
        configuration.templates = packageRoot() + "/Templates"
        configuration.workerExecutable = Self.shenbaoBinary
        configuration.jobs = 1
        configuration.passwords = Passwords(cost: 4)
        configure(&configuration)
        desk = try Desk(configuration: configuration)
        _ = try await desk.createAdministrator(login: "admin", password: Self.password)
        for login in ["bureau-a", "bureau-b"] {
            _ = try await desk.createBureau(NewBureau(login: login, displayName: "\(login) 经信局", region: "武汉市",
                                                      password: Self.password, calls: [Self.call: 3]))
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The `shenbao` program built beside the test bundle (the worker the desk starts).
    static var shenbaoBinary: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideTests, besideTests.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("shenbao").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot() + "/.build/debug/shenbao"
    }

    func inbox(of login: String) async throws -> Inbox {
        let account = try await desk.store.account(login: login)!
        return try await desk.store.inboxes(accountID: account.id).first { $0.callID == Self.call }!
    }

    /// A browser signed in as `login`, with `page` open (its forms' CSRF token kept).
    func signedIn(_ client: any TestClientProtocol, _ login: String, opening page: String = "/inboxes") async throws -> Browser {
        var browser = Browser()
        let status = try await browser.login(client, login).status
        try #require(status == .seeOther, "\(login) could not sign in: \(status)")
        _ = try await browser.get(client, page)
        return browser
    }

    /// Runs `body` with a client of the desk's router.
    func run<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await DeskServer.application(desk).test(.router, body)
    }
}

/// A browser's cookies and the page's CSRF token, for one signed-in client.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf = ""

    var headers: HTTPFields {
        var fields = HTTPFields()
        if !cookies.isEmpty { fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return fields
    }

    mutating func keep(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) } else if pair.count == 1 { cookies[String(pair[0])] = nil }
        }
        if let token = Self.csrf(in: String(buffer: response.body)) { csrf = token }
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    mutating func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        keep(response)
        return response
    }

    /// Posts a url-encoded form (with the CSRF token unless `csrf` is false).
    mutating func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var fields = fields
        if csrf { fields.insert(("csrf", self.csrf), at: 0) }
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return response
    }

    /// Signs in through the login page; returns the login POST's response.
    mutating func login(_ client: any TestClientProtocol, _ login: String, password: String = DeskHarness.password) async throws -> TestResponse {
        _ = try await get(client, "/login")
        return try await post(client, "/login", [("login", login), ("password", password)])
    }

    /// Uploads files (name, bytes) as the inbox page's form does; the CSRF field first unless `csrf` is false.
    /// When the upload is taken (303 to its reading job), waits for the job through its JSON, as the page's
    /// script does, and returns the job's page.
    mutating func upload(_ client: any TestClientProtocol, inbox: Int64, _ files: [(String, [UInt8])], csrf: Bool = true) async throws -> TestResponse {
        try await send(client, "/inboxes/\(inbox)/upload", files, csrf: csrf)
    }

    /// Posts a multipart form with plain `fields` and `files` to `path` (the CSRF field first), as a page's file form does.
    mutating func upload(_ client: any TestClientProtocol, path: String, fields: [(String, String)], _ files: [(String, [UInt8])]) async throws -> TestResponse {
        try await send(client, path, files, csrf: true, fields: fields)
    }

    /// Replaces file `file` of a submission with `replacement`, as the submission page's form does.
    mutating func replace(_ client: any TestClientProtocol, file: Int64, with replacement: (String, [UInt8])) async throws -> TestResponse {
        try await send(client, "/files/\(file)/replace", [replacement], csrf: true)
    }

    private mutating func send(_ client: any TestClientProtocol, _ uri: String, _ files: [(String, [UInt8])], csrf: Bool,
                               fields: [(String, String)] = []) async throws -> TestResponse {
        let boundary = "----shenbao-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        if csrf {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(self.csrf)\r\n")
        }
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (name, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = self.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        keep(response)
        guard response.status == .seeOther, let job = response.headers[.location], job.hasPrefix("/jobs/") else { return response }
        try await waitFor(client, job: job)
        return try await get(client, job)
    }

    /// Polls the job's JSON until it is no longer waiting (at most five minutes: books are read by workers),
    /// as this browser or as `viewer` (an applicant cannot see the bureau's job).
    func waitFor(_ client: any TestClientProtocol, job: String, as viewer: Browser? = nil) async throws {
        let headers = (viewer ?? self).headers
        for _ in 0..<3000 {
            let status = try await client.execute(uri: "/api/v1" + job, method: .get, headers: headers)
            if !String(buffer: status.body).contains("\"state\":\"waiting\"") { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CancellationError()
    }
}

func sample(_ name: String) throws -> (String, [UInt8]) {
    let path = packageRoot() + "/Samples/hubei-industrial-model-2026/" + name
    return (name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
}
