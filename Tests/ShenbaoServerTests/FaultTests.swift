import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

/// The real program (`shenbao serve`) killed with SIGKILL while an upload is arriving and while it is being
/// read and stored, then started again: nothing stored is lost, an upload whose body had arrived is read at
/// the next start, and no row lacks its file, no temporary file, job folder or half-written blob stays.
@Suite struct FaultTests {
    @Test func killedDuringUploadsTheDeskRestartsWhole() async throws {
        let harness = try await DeskHarness()
        defer { harness.remove() }
        let inbox = try await harness.inbox(of: "bureau-a")
        let book = try sample("hubei-s154-02.docx").1
        // A first upload that is stored before any kill.
        var server = try LiveServer(data: harness.folder)
        var session = try server.login("bureau-a", DeskHarness.password)
        let taken = try server.upload(inbox: inbox.id, session: session, files: [("甲/申报书.docx", book)])
        #expect(taken.hasPrefix("HTTP/1.1 303"))
        let job = try #require(taken.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location: /jobs/") }?.split(separator: "/").last)
        try server.waitFor(job: String(job), session: session)
        // Killed while the body is still arriving.
        try server.uploadAndKill(inbox: inbox.id, session: session, files: [("乙/申报书.docx", book)], sendFraction: 0.5, waitAfter: 0)
        // Killed after the whole body arrived, while the book is read or stored (at a few moments).
        for wait in [0.05, 0.3, 1.0] {
            server = try LiveServer(data: harness.folder)
            session = try server.login("bureau-a", DeskHarness.password)
            try server.uploadAndKill(inbox: inbox.id, session: session, files: [("丙/申报书.docx", book)], sendFraction: 1, waitAfter: wait)
        }
        server = try LiveServer(data: harness.folder)  // the restart sweeps what the kills left and reads the waiting uploads
        let desk = try Desk(configuration: harness.desk.configuration)
        for _ in 0..<1200 where !(try await desk.store.waitingJobs().isEmpty) { try await Task.sleep(for: .milliseconds(100)) }
        server.stop()
        #expect(try await desk.store.waitingJobs().isEmpty)

        let submissions = try await desk.store.submissions(inboxID: inbox.id)
        #expect(submissions.contains { $0.name == "甲" })
        #expect(!submissions.contains { $0.name == "乙" })
        for submission in submissions {
            for file in try await desk.store.files(submissionID: submission.id) {
                let path = try #require(desk.blobs.path(for: file.sha256))
                #expect((try? Data(contentsOf: URL(fileURLWithPath: path))).map(Array.init) == book)
            }
        }
        let leftovers = FileManager.default.enumerator(atPath: harness.folder + "/files")?.compactMap { $0 as? String }
            .filter { $0.contains(".tmp-") } ?? []
        #expect(leftovers.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: harness.folder + "/tmp"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: harness.folder + "/jobs")) ?? []).isEmpty)
        // Whatever of 丙 was taken before a kill was read whole at a later start.
        for submission in submissions where submission.name == "丙" {
            #expect(submission.applicant != nil && submission.hasWord)
        }
    }
}

/// `shenbao serve` in a child process on a free port, spoken to over a plain socket.
struct LiveServer {
    let process = Process()
    let port: Int

    init(data: String) throws {
        // A port the system hands out, not a random one: a run that fails can be run again the same way.
        let (probe, free) = try boundLoopbackSocket()
        close(probe)
        port = Int(free)
        process.executableURL = URL(fileURLWithPath: DeskHarness.shenbaoBinary)
        process.arguments = ["serve", "--data", data, "--port", String(port), "--jobs", "1", "--templates", packageRoot() + "/Templates"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Up to a minute: a loaded CI machine starts it slowly; no timing is asserted.
        for _ in 0..<3000 {
            if let socket = try? Self.connect(port) { close(socket); return }
            usleep(20_000)
        }
        stop()
        throw Failure(description: "收件台没有启动")
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    static func connect(_ port: Int) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw Failure(description: "connect") }
        return socket
    }

    /// Sends a request and reads the answer until the server closes or the headers and body are in.
    func exchange(_ request: [UInt8], readAnswer: Bool = true) throws -> String {
        let socket = try Self.connect(port)
        defer { close(socket) }
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        guard readAnswer else { return "" }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { break }
            answer += chunk[..<count]
            let text = String(decoding: answer, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n"), let lengthLine = text[..<end.lowerBound].split(separator: "\r\n")
                .first(where: { $0.lowercased().hasPrefix("content-length:") }),
               let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
               answer.count >= text[..<end.upperBound].utf8.count + length { break }
        }
        return String(decoding: answer, as: UTF8.self)
    }

    static func cookie(_ name: String, in answer: String) -> String? {
        for line in answer.split(separator: "\r\n") where line.lowercased().hasPrefix("set-cookie: \(name)=") {
            return String(line.dropFirst("set-cookie: \(name)=".count).split(separator: ";")[0])
        }
        return nil
    }

    struct Session { var cookie: String; var csrf: String }

    func login(_ login: String, _ password: String) throws -> Session {
        let page = try exchange(Array("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
        let token = try #require(Self.cookie("shenbao_login", in: page))
        let form = "csrf=\(token)&login=\(login)&password=\(password)"
        let answer = try exchange(Array(("POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: shenbao_login=\(token)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)").utf8))
        let session = try #require(Self.cookie("shenbao_session", in: answer))
        let inboxes = try exchange(Array("GET /inboxes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: shenbao_session=\(session)\r\n\r\n".utf8))
        return Session(cookie: session, csrf: try #require(Browser.csrf(in: inboxes)))
    }

    func uploadRequest(inbox: Int64, session: Session, files: [(String, [UInt8])]) -> [UInt8] {
        let boundary = "----shenbao-fault"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(session.csrf)\r\n".utf8)
        for (name, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(name)\"\r\n\r\n".utf8) + bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let head = "POST /inboxes/\(inbox)/upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: shenbao_session=\(session.cookie)\r\n"
            + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    func upload(inbox: Int64, session: Session, files: [(String, [UInt8])]) throws -> String {
        try exchange(uploadRequest(inbox: inbox, session: session, files: files))
    }

    /// Polls the reading job's JSON until it is no longer waiting (at most two minutes).
    func waitFor(job: String, session: Session) throws {
        for _ in 0..<1200 {
            let answer = try exchange(Array("GET /api/v1/jobs/\(job) HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: shenbao_session=\(session.cookie)\r\n\r\n".utf8))
            if !answer.contains("\"state\":\"waiting\"") { return }
            usleep(100_000)
        }
        throw Failure(description: "读取任务 \(job) 没有完成")
    }

    /// Sends `sendFraction` of the upload, waits `waitAfter` seconds and kills the server with SIGKILL.
    func uploadAndKill(inbox: Int64, session: Session, files: [(String, [UInt8])], sendFraction: Double, waitAfter: Double) throws {
        let request = uploadRequest(inbox: inbox, session: session, files: files)
        let socket = try Self.connect(port)
        defer { close(socket) }
        let count = Int(Double(request.count) * sendFraction)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, count, 0) }
        usleep(useconds_t(waitAfter * 1_000_000) + 50_000)
        stop()
    }
}
