import Foundation

/// Starting worker processes.
enum WorkerProcess {
    /// Whether this process runs a single thread now, so a fork of it is a whole, consistent process.
    static var isSingleThreaded: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.count ?? 0) == 1
    }

    /// Starts `executable` with its standard input and output on the given descriptors, standard error on
    /// /dev/null and default signal handling; nil if it cannot start. Started under `WorkerPipes.lock`, so it
    /// inherits no pipe end of another worker (see `WorkerPipes`).
    static func spawn(_ executable: String, arguments: [String], environment: [String: String],
                      standardInput: Int32, standardOutput: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let started = WorkerPipes.lock.withLock { posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        guard started == 0 else { return nil }
        return pid
    }
}
