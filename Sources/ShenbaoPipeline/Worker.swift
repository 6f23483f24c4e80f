import Foundation

/// One child process speaking the one-line-in, one-line-out protocol: this program started anew in its
/// worker mode (`init(spawning:)`), or a fork of this process that serves an answer already set up in it
/// (`init(forking:)`). Either way the child has its own memory, is killed when it runs out of time and is
/// replaced when it dies.
package final class Worker {
    private let pid: pid_t
    /// The child's standard input (written here) and output (read here); -1 once closed.
    private var input: Int32
    private let output: Int32
    private var buffer = [UInt8]()
    /// Where each read of the output lands (one buffer for the worker's life: a fresh 64 KiB for every read cost
    /// more than the read).
    private var chunk = [UInt8](repeating: 0, count: 65_536)
    /// The child's wait status once it has been reaped.
    private var status: Int32?

    private init(pid: pid_t, input: Int32, output: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
    }

    /// Starts `executable` with `arguments`. `timeout` is passed on as `SHENBAO_WORKER_TIMEOUT`, so what the
    /// worker runs itself (LibreOffice converting a `.doc`) stops before the worker is killed and leaves nothing
    /// running.
    package convenience init?(spawning executable: String, arguments: [String], timeout: Double) {
        guard let pipes = WorkerPipes() else { return nil }
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in Self.environment(timeout: timeout) { environment[name] = value }
        let pid = WorkerProcess.spawn(executable, arguments: arguments, environment: environment,
                                      standardInput: pipes.childInput, standardOutput: pipes.childOutput)
        pipes.closeChildEnds()
        guard let pid else {
            pipes.closeParentEnds()
            return nil
        }
        self.init(pid: pid, input: pipes.parentInput, output: pipes.parentOutput)
    }

    /// Forks this process; the child answers each line with `answer` until its input ends. Only safe while
    /// this process has a single thread (`WorkerProcess.isSingleThreaded`): a thread holding a lock at the
    /// moment of the fork would leave that lock held in the child for ever.
    package convenience init?(forking answer: (String) -> String, timeout: Double) {
        guard let pipes = WorkerPipes() else { return nil }
        fflush(nil)
        let pid = fork()
        if pid == 0 {
            pipes.becomeChildStandardStreams()
            for (name, value) in Self.environment(timeout: timeout) { setenv(name, value, 1) }
            WorkerLoop.serve(answer)
            _exit(0)
        }
        pipes.closeChildEnds()
        guard pid > 0 else {
            pipes.closeParentEnds()
            return nil
        }
        self.init(pid: pid, input: pipes.parentInput, output: pipes.parentOutput)
    }

    deinit {
        closeInput()
        if output >= 0 { WorkerPipes.close(output) }
    }

    /// What every worker runs with: the time limit, and one thread each for Tesseract's OpenMP loops (read
    /// once when libgomp loads, so set before; workers run side by side, and OpenMP threads on top made OCR
    /// 5× slower on 2 cores, see `TextRecognizer`).
    private static func environment(timeout: Double) -> [(String, String)] {
        [("SHENBAO_WORKER_TIMEOUT", String(timeout)), ("OMP_THREAD_LIMIT", "1")]
    }

    package var isRunning: Bool { reaped(waiting: false) == nil }

    package func ask(_ line: String, timeout: Double) -> Result<String, WorkerPool.Failure> {
        guard WorkerPipes.write(Array((line + "\n").utf8), to: input) else {
            return .failure(.crashed("读取进程已退出"))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let answer = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .success(answer)
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .failure(.timedOut(seconds: timeout)) }
            guard let chunk = readOutput(waitingAtMost: Int32(min(remaining, 1) * 1000) + 1) else { continue }
            if chunk.isEmpty {
                // The worker closed its output: it is ending. One that hangs while ending (a library's exit
                // handler stuck) is killed rather than waited for.
                guard exits(within: min(max(remaining, 0), 2)) else {
                    kill()
                    return .failure(.crashed("读取进程关闭了输出却没有退出，已终止"))
                }
                let signal = status.map { $0 & 0x7f } ?? 0
                let reason = signal != 0 && signal != 0x7f ? "读取进程异常终止（信号 \(signal)）" : "读取进程意外退出"
                return .failure(.crashed(reason))
            }
            buffer += chunk
        }
    }

    /// One wait of at most `milliseconds` for the child's output: what it wrote, `[]` once its output has ended, nil
    /// when nothing came (or a signal cut the wait short).
    private func readOutput(waitingAtMost milliseconds: Int32) -> [UInt8]? {
        var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        let count = read(output, &chunk, chunk.count)
        if count < 0 && errno == EINTR { return nil }
        return count > 0 ? Array(chunk[..<count]) : []
    }

    package func kill() {
        if isRunning { Foundation.kill(pid, SIGKILL) }
        _ = reaped(waiting: true)
    }

    /// Closes the worker's input, which ends it; one that has not ended within 2 s is killed.
    package func stop() {
        closeInput()
        if !exits(within: 2) { kill() }
    }

    private func closeInput() {
        if input >= 0 { WorkerPipes.close(input) }
        input = -1
    }

    /// The child's wait status once it has ended (it is reaped then), nil while it runs. One reaped elsewhere
    /// counts as ended.
    private func reaped(waiting: Bool) -> Int32? {
        if let status { return status }
        var value: Int32 = 0
        while true {
            let result = waitpid(pid, &value, waiting ? 0 : WNOHANG)
            if result == pid { status = value; return value }
            if result == 0 { return nil }
            if errno == EINTR { continue }
            status = 0
            return 0
        }
    }

    /// Whether the process has ended within `seconds` (it is never waited for without a limit). Its output ends
    /// as it exits, after its memory is released: that end is waited for, then the exit itself in steps from
    /// 50 µs (a fixed 2 ms step made every batch wait about 2 ms longer than its workers took).
    private func exits(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        waitForEndOfOutput(before: deadline)
        var pause: useconds_t = 50
        while isRunning {
            guard Date() < deadline else { return false }
            usleep(pause)
            pause = min(pause * 2, 2_000)
        }
        return true
    }

    /// Reads and drops the child's output until it ends, the child is gone (a grandchild may hold the output
    /// open) or `deadline` passes.
    private func waitForEndOfOutput(before deadline: Date) {
        guard output >= 0 else { return }
        while isRunning {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return }
            if readOutput(waitingAtMost: Int32(min(remaining * 1000, 5)) + 1)?.isEmpty == true { return }
        }
    }
}
