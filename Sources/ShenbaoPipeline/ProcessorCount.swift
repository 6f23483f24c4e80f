import Foundation

/// How many processors this process may use (cgroup limits included), read once.
///
/// Foundation reads the cgroup files again at every `activeProcessorCount`, and a command's default options are
/// made several times while its arguments are parsed: five reads of them before an `extract` started any work.
public enum ProcessorCount {
    public static let available = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
