import Foundation
import HummingbirdTesting
import ShenbaoTestSupport
import Testing
@testable import ShenbaoServer

/// The CLI's hostile suite (`HostileCases`) uploaded to the web desk: every hostile file is refused with a
/// Chinese message naming it, or stored as a file the desk reports as unread with the CLI's `read.*` code;
/// none crashes or times out a worker, the good book beside them is still read, XXE reaches neither a local
/// file nor the network, and the desk still answers. The zip attacks, uploaded as `.zip` parcels the desk
/// unpacks itself, are refused whole and store nothing.
@Suite(.serialized) struct HostileUploadTests {
    /// The per-book limit the desk reads with (the CLI's hostile batch uses the same).
    static let readTimeout = 10.0
    static let applicant = "武汉睿视智能科技有限公司"

    @Test func everyHostileFileIsRefusedOrReportedWithoutHarm() async throws {
        let started = Date()
        let harness = try await DeskHarness { $0.readTimeout = Self.readTimeout; $0.jobs = 2 }
        defer { harness.remove() }
        let folder = try makeTemporaryFolderURL("hostile-upload").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listener = try SilentListener()
        let cases = try HostileCases.make(in: folder, port: listener.port)
        let inbox = try await harness.inbox(of: "bureau-a")

        // Each hostile file in its own folder (its own submission), the good book in another, in one upload.
        var parts: [(String, [UInt8])] = []
        for hostile in cases {
            parts.append(("hostile/\(hostile.name)/\(hostile.name)", [UInt8](try Data(contentsOf: URL(fileURLWithPath: hostile.file)))))
        }
        let good = (HostileCases.goodBook as NSString).lastPathComponent
        parts.append(("hostile/good/\(good)", [UInt8](try Data(contentsOf: URL(fileURLWithPath: HostileCases.goodBook)))))
        let files = parts

        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            let sent = Date()
            let response = try await browser.upload(client, inbox: inbox.id, files)
            let page = String(buffer: response.body)
            if let id = page.firstMatch(of: /data-job="(\d+)"/).flatMap({ Int64($0.1) }), let job = try await harness.desk.store.job(id: id) {
                print("hostile upload: received in \(String(format: "%.1f", job.createdAt.timeIntervalSince(sent))) s, "
                      + "read in \(String(format: "%.1f", (job.finishedAt ?? Date()).timeIntervalSince(job.createdAt))) s")
            }
            #expect(response.status == .ok, "\(page)")
            #expect(page.contains("读取完成"), "the upload was not taken and read: \(page)")

            let submissions = try await harness.desk.store.submissions(inboxID: inbox.id)
            var stored: [String: StoredFile] = [:]
            var findings: [StoredFinding] = []
            for submission in submissions {
                for file in try await harness.desk.store.files(submissionID: submission.id) { stored[file.name] = file }
                findings += try await harness.desk.store.findings(submissionID: submission.id)
            }

            var table: [String] = []
            for hostile in cases {
                let name = hostile.name, path = "hostile/\(name)/\(name)"
                guard let file = stored[path] else {
                    // Not stored: the upload layer must have refused it, in Chinese, by its name.
                    let refusal = page.components(separatedBy: "<li>").dropFirst().first { $0.contains(name) }
                    #expect(refusal?.contains(/\p{Han}/) == true, "\(name): neither stored nor refused with a message naming it")
                    table.append("\(name)\trefused\t\(refusal?.components(separatedBy: "</li>").first ?? "")")
                    continue
                }
                let rules = findings.filter { $0.fileID == file.id }.map(\.rule)
                let readRules = rules.filter { $0.hasPrefix("read.") }
                let message = file.readError ?? ""
                table.append("\(name)\t\(file.kind)\t\(readRules.joined(separator: ","))\t\(message)")
                #expect(!rules.contains("read.crashed") && !rules.contains("read.timeout"), "\(name): \(rules) \(message)")
                if file.readError != nil {
                    #expect(message.contains(/\p{Han}/), "\(name): the reason is not Chinese: \(message)")
                }
                switch hostile.expect {
                case .error(let codes):
                    #expect(file.readError != nil, "\(name): stored as read, without the reason it could not be")
                    #expect(file.kind == "unread", "\(name): stored as \(file.kind)")
                    #expect(readRules.contains(where: codes.contains), "\(name): expected \(codes.sorted()), got \(rules)")
                    for word in hostile.mentions {
                        #expect(message.contains(word), "\(name): the reason should mention \(word): \(message)")
                    }
                case .resultOrError:
                    // A record or a read error with a stable code; either way it is stored and reported.
                    #expect(file.readError == nil || !readRules.isEmpty, "\(name): a read error without a read.* finding")
                }
            }
            print("hostile upload:\n" + table.joined(separator: "\n"))
            #expect(!findings.contains { $0.rule == "read.crashed" || $0.rule == "read.timeout" },
                    "\(findings.filter { $0.rule == "read.crashed" || $0.rule == "read.timeout" })")

            // The good book, in its own submission, is read as ever.
            let goodSubmission = try #require(submissions.first { $0.name == "hostile/good" }, "\(submissions.map(\.name))")
            #expect(goodSubmission.applicant == Self.applicant)
            #expect(stored["hostile/good/\(good)"]?.readError == nil)

            // XXE: nothing fetched, nothing of /etc/passwd stored or shown.
            #expect(!listener.wasContacted, "an external entity or DTD was fetched over the network")
            let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
            let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
            var texts = [page]
            texts += stored.values.flatMap { [$0.name, $0.readError ?? ""] + $0.fields.map(\.value) }
            texts += findings.map(\.message)
            texts += submissions.flatMap { [$0.applicant ?? "", $0.projectName ?? "", $0.uscc ?? ""] }
            #expect(!texts.contains { $0.contains("root:") || $0.contains(firstLine) }, "text from /etc/passwd was stored")

            // Traversal names wrote nothing outside (or inside) the desk's folders.
            #expect(Self.evilFiles(under: harness.folder).isEmpty, "\(Self.evilFiles(under: harness.folder))")
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil-absolute.xml"))

            // The desk still answers.
            #expect(try await browser.get(client, "/inboxes").status == .ok)
        }
        print("hostile upload: \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The zip attacks as `.zip` parcels: each refused whole, in Chinese, naming the zip; nothing stored.
    @Test func hostileZipsAreRefusedWhole() async throws {
        let harness = try await DeskHarness { $0.readTimeout = Self.readTimeout }
        defer { harness.remove() }
        let folder = try makeTemporaryFolderURL("hostile-zips").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listener = try SilentListener()
        let cases = try HostileCases.make(in: folder, port: listener.port).filter { HostileCases.zipAttacks.contains($0.name) }
        try #require(cases.count == HostileCases.zipAttacks.count)
        let inbox = try await harness.inbox(of: "bureau-a")
        try await harness.run { client in
            var browser = Browser()
            _ = try await browser.login(client, "bureau-a")
            _ = try await browser.get(client, "/inboxes/\(inbox.id)")
            for hostile in cases {
                let zip = (hostile.name as NSString).deletingPathExtension + ".zip"
                let response = try await browser.upload(client, inbox: inbox.id, [(zip, [UInt8](try Data(contentsOf: URL(fileURLWithPath: hostile.file))))])
                let body = String(buffer: response.body)
                #expect(response.status == .unprocessableContent, "\(zip): \(response.status) \(body)")
                #expect(!body.contains("读取完成"), "\(zip) was taken")
                let message = body.components(separatedBy: "role=\"alert\">").dropFirst().first?.components(separatedBy: "</p>").first ?? ""
                let refusal = message.components(separatedBy: "；").first { $0.contains(zip) } ?? ""
                #expect(refusal.contains("未接收") && refusal.contains(/\p{Han}/), "\(zip): no Chinese refusal naming it: \(body)")
                print("hostile zip: \(zip)\t\(response.status.code)\t\(refusal)")
                #expect(try await harness.desk.store.submissions(inboxID: inbox.id).isEmpty, "\(zip): something was stored")
            }
            #expect(Self.evilFiles(under: harness.folder).isEmpty, "\(Self.evilFiles(under: harness.folder))")
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil-absolute.xml"))
            #expect(try await browser.get(client, "/inboxes").status == .ok)
        }
    }

    /// Files named like the traversal entries anywhere under `folder`.
    static func evilFiles(under folder: String) -> [String] {
        UploadFolder.files(under: folder).filter { $0.hasSuffix("evil.xml") || $0.hasSuffix("evil-absolute.xml") }
    }
}
