import Foundation

/// The two pipes between this process and one worker. Every end is close-on-exec (a started worker closes
/// every descriptor but its own three anyway, see `WorkerProcess.spawn`); the ends this process keeps are also
/// listed, so that a worker forked later (which inherits every descriptor) closes them, and a worker still
/// sees its input end when this process closes it.
struct WorkerPipes {
    /// Written by this process, read by the child as its standard input.
    let parentInput: Int32
    let childInput: Int32
    /// Written by the child as its standard output, read by this process.
    let childOutput: Int32
    let parentOutput: Int32

    private static let lock = NSLock()
    nonisolated(unsafe) private static var parentEnds = Set<Int32>()

    init?() {
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        let made: Bool = Self.lock.withLock {
            guard pipe(&input) == 0 else { return false }
            guard pipe(&output) == 0 else {
                Glibc.close(input[0])
                Glibc.close(input[1])
                return false
            }
            for end in input + output { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            Self.parentEnds.formUnion([input[1], output[0]])
            return true
        }
        guard made else { return nil }
        childInput = input[0]
        parentInput = input[1]
        parentOutput = output[0]
        childOutput = output[1]
    }

    func closeChildEnds() {
        Glibc.close(childInput)
        Glibc.close(childOutput)
    }

    func closeParentEnds() {
        Self.close(parentInput)
        Self.close(parentOutput)
    }

    /// In a forked child: its pipes become standard input and output, standard error goes to /dev/null (as
    /// for a started worker), and every end this process keeps for any worker is closed.
    func becomeChildStandardStreams() {
        dup2(childInput, 0)
        dup2(childOutput, 1)
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, 2)
            Glibc.close(null)
        }
        Glibc.close(childInput)
        Glibc.close(childOutput)
        for end in Self.parentEnds { Glibc.close(end) }
    }

    /// Closes one of this process's ends and forgets it.
    static func close(_ descriptor: Int32) {
        lock.withLock { _ = parentEnds.remove(descriptor) }
        Glibc.close(descriptor)
    }

    /// Writes all of `bytes`; false when the reader has gone. SIGPIPE is blocked on this thread for the
    /// write, and one it raised is taken, so a worker that died makes a failed write, not a killed program.
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return false }
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var now = timespec()
                sigtimedwait(&pipeSignal, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
