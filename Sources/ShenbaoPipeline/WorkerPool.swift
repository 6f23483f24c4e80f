import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// Runs work in child processes so that a hostile file can neither hang nor crash the run: each
/// worker (this program started again in its `worker` mode) takes one input per line on stdin and
/// answers with one line on stdout. A worker that takes longer than the time limit is killed and
/// replaced, one that dies is replaced; either way that input gets a failure and the run goes on.
public final class WorkerPool: @unchecked Sendable {
    /// Why an input got no answer.
    public enum Failure: Error, Sendable, Equatable {
        case timedOut(seconds: Double)
        case crashed(String)
    }

    private let executable: String
    private let arguments: [String]
    private let jobs: Int
    private let timeout: Double

    /// - Parameters:
    ///   - executable: the program to start (this program, `/proc/self/exe`).
    ///   - arguments: its arguments, selecting the worker mode.
    ///   - timeout: seconds one input may take.
    public init(executable: String, arguments: [String], jobs: Int, timeout: Double) {
        self.executable = executable
        self.arguments = arguments
        self.jobs = max(1, jobs)
        self.timeout = timeout
    }

    /// What `use` makes of each input's answer line (or failure), in input order; `progress` gets the number
    /// done. `use` runs as each line comes, so a batch of 10,000 books never holds all their lines at once.
    public func run<Answer: Sendable>(_ inputs: [String], progress: (@Sendable (Int) -> Void)? = nil,
                                      use: @Sendable (String, Result<String, Failure>) -> Answer) -> [Answer] {
        Batch.map(inputs, jobs: jobs, progress: progress, context: { Worker?.none }, finish: { $0?.stop() }) { worker, input in
            use(input, self.answer(input, worker: &worker))
        }
    }

    /// Sends one input to a (re)started worker and waits for its line.
    private func answer(_ input: String, worker: inout Worker?) -> Result<String, Failure> {
        if worker == nil || worker?.isRunning == false {
            worker = Worker(executable: executable, arguments: arguments, timeout: timeout)
        }
        guard let current = worker else { return .failure(.crashed("无法启动读取进程")) }
        let result = current.ask(input.replacingOccurrences(of: "\n", with: " "), timeout: timeout)
        if case .failure = result {
            current.kill()
            worker = nil
        }
        return result
    }
}

/// One child process speaking the one-line-in, one-line-out protocol.
package final class Worker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = [UInt8]()

    /// `timeout` is passed on as `SHENBAO_WORKER_TIMEOUT`, so what the worker runs itself (LibreOffice
    /// converting a `.doc`) stops before the worker is killed and leaves nothing running.
    package init?(executable: String, arguments: [String], timeout: Double) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SHENBAO_WORKER_TIMEOUT"] = String(timeout)
        // One thread each for Tesseract's OpenMP loops: read once when libgomp loads, so set here. Workers
        // run side by side; OpenMP threads on top made OCR 5× slower on 2 cores (TextRecognizer).
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
    }

    package var isRunning: Bool { process.isRunning }

    package func ask(_ line: String, timeout: Double) -> Result<String, WorkerPool.Failure> {
        do {
            try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        } catch {
            return .failure(.crashed("读取进程已退出"))
        }
        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let answer = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .success(answer)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .failure(.timedOut(seconds: timeout)) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 {
                // The worker closed its output: it is ending. One that hangs while ending (a library's exit
                // handler stuck) is killed rather than waited for.
                guard exits(within: min(max(remaining, 0), 2)) else {
                    kill()
                    return .failure(.crashed("读取进程关闭了输出却没有退出，已终止"))
                }
                let reason = process.terminationReason == .uncaughtSignal
                    ? "读取进程异常终止（信号 \(process.terminationStatus)）" : "读取进程意外退出"
                return .failure(.crashed(reason))
            }
            buffer += chunk[..<count]
        }
    }

    package func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    package func stop() {
        try? input.fileHandleForWriting.close()
        if !exits(within: 2) { kill() }
    }

    /// Whether the process has ended within `seconds` (polled; it is never waited for without a limit).
    private func exits(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { return false }
            usleep(5_000)
        }
        return true
    }
}
