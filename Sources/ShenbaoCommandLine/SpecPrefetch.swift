import Foundation
import ShenbaoKit

/// The call specs of the default templates folder, loaded on a side thread from the moment the program starts,
/// while its arguments are parsed (2–4 ms each here). A batch command whose `--templates` names no other folder
/// takes them (`SpecOptions`); either way the thread is joined before anything forks, and at exit.
public enum SpecPrefetch {
    private struct Loaded: Sendable {
        var specs: [CallSpec]
        var failures: [(id: String, error: CallSpecLoader.LoadError)]
    }

    /// The thread, the folder and what it loads: `thread` and `directory` are set and read on the main thread only;
    /// the thread writes `loaded` before it ends, and the main thread reads it only after the join.
    nonisolated(unsafe) private static var thread: SideThread?
    nonisolated(unsafe) private static var directory: String?
    nonisolated(unsafe) private static var loaded: Loaded?

    /// Starts loading when `arguments` (without the program name) run one of `commands`.
    public static func start(for arguments: [String], commands: [String]) {
        guard thread == nil, let command = arguments.first, commands.contains(command) else { return }
        let directory = CallSpecLoader.defaultDirectory()
        self.directory = directory
        thread = SideThread {
            let (specs, failures) = CallSpecLoader(directory: directory).loadEach()
            loaded = Loaded(specs: specs, failures: failures)
        }
        atexit { SpecPrefetch.finish() }
    }

    /// Whether the specs of `directory` are being (or were) loaded.
    static func isLoading(from directory: String) -> Bool {
        thread != nil && self.directory == directory
    }

    /// Waits for the thread (see `SideThread.join`).
    public static func finish() {
        thread?.join()
    }

    /// What was loaded from `directory`, once, waited for; nil when nothing was, or from another folder.
    static func take(directory: String) -> (specs: [CallSpec], failures: [(id: String, error: CallSpecLoader.LoadError)])? {
        finish()
        defer { loaded = nil }
        guard self.directory == directory, let loaded else { return nil }
        return (loaded.specs, loaded.failures)
    }
}
