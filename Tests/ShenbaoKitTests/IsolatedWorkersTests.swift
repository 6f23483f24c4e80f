import Foundation
import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoExtraction
@testable import ShenbaoValidation
@testable import ShenbaoPipeline

/// The one place a worker's answer is decoded: what a worker that answers nonsense, dies or hangs gives.
@Suite struct IsolatedWorkersTests {
    /// A stand-in worker: a shell script speaking the one-line-in, one-line-out protocol.
    func worker(_ body: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("worker.sh")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    @Test func anAnswerThatDoesNotParseIsReadCrashedNamingTheFile() throws {
        let workers = IsolatedWorkers(timeout: 30, jobs: 1, templates: "/nonexistent", executable: try worker("while read l; do echo '{garbage'; done"))
        let answers: [Result<[Finding], BookError>] = workers.run(.checkStamp, inputs: ["a.pdf", "b.pdf"])
        #expect(answers.map { $0.answer { [ReadErrorRule.finding(for: $0)] }.map(\.rule) } == [["read.crashed"], ["read.crashed"]])
        for (file, answer) in zip(["a.pdf", "b.pdf"], answers) {
            guard case .failure(let error) = answer else { Issue.record("\(file) decoded"); continue }
            #expect(error.file == file && error.code == "read.crashed" && error.message.contains("无法解析"))
        }
    }

    @Test func aWorkerThatDiesOrHangsGivesCrashedOrTimeoutAndTheRunGoesOn() throws {
        // The first file kills its worker, the second hangs it; the third is answered by a new worker.
        let script = try worker("""
        while read l; do
          case "$l" in *die*) exit 3;; *hang*) exec sleep 60;; *) echo '[]';; esac
        done
        """)
        let workers = IsolatedWorkers(timeout: 1, jobs: 1, templates: "/nonexistent", executable: script)
        let answers: [Result<[Finding], BookError>] = workers.run(.checkStamp, inputs: ["die.pdf", "hang.pdf", "ok.pdf"])
        #expect((try? answers[2].get()) == [])
        guard case .failure(let died) = answers[0], case .failure(let hung) = answers[1] else {
            Issue.record("\(answers)")
            return
        }
        #expect(died.code == "read.crashed" && died.file == "die.pdf")
        #expect(hung.code == "read.timeout" && hung.file == "hang.pdf" && hung.message.contains("超过 1 秒"))
    }

    @Test func aWorkerThatClosesItsOutputAndHangsWhileEndingIsKilledAndTheRunGoesOn() throws {
        // The first file makes the worker close stdout and then never exit (as a library stuck in an exit
        // handler would): the run must not wait for it.
        let script = try worker("""
        while read l; do
          case "$l" in *stuck*) exec 1>&-; exec sleep 60;; *) echo '[]';; esac
        done
        """)
        let workers = IsolatedWorkers(timeout: 30, jobs: 1, templates: "/nonexistent", executable: script)
        let answers: [Result<[Finding], BookError>] = workers.run(.checkStamp, inputs: ["stuck.pdf", "ok.pdf"])
        #expect((try? answers[1].get()) == [])
        guard case .failure(let stuck) = answers[0] else { Issue.record("\(answers)"); return }
        // Waited for, the worker would have ended after its 60 s sleep as 读取进程意外退出; killed, it says why.
        #expect(stuck.code == "read.crashed" && stuck.file == "stuck.pdf" && stuck.message.contains("没有退出"))
    }
}
