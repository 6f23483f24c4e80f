import Foundation
@_exported import ShenbaoTestSupport

/// Runs the built `shenbao` program with a time limit, as a user or a script would.
struct CLIRunner {
    struct Result {
        var exitCode: Int32
        /// True when the process died from a signal (a crash) rather than exiting.
        var crashed: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
    }

    /// The `shenbao` binary built beside the test bundle.
    static var binary: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideTests, besideTests.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("shenbao").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot() + "/.build/debug/shenbao"
    }

    /// `wrapper` runs the program under another one (`["/usr/bin/time", "-v", "-o", FILE]`); `program`
    /// replaces the built binary (a copy of it somewhere else).
    static func run(_ arguments: [String], timeout: Double = 60, environment: [String: String] = [:],
                    currentDirectory: String? = nil, wrapper: [String] = [], program: String? = nil) throws -> Result {
        let binary = program ?? binary
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrapper.first ?? binary)
        process.arguments = wrapper.isEmpty ? arguments : Array(wrapper.dropFirst()) + [binary] + arguments
        var env = ProcessInfo.processInfo.environment
        env["SHENBAO_TEMPLATES"] = packageRoot() + "/Templates"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        // Drain both pipes while waiting, so a chatty process never blocks on a full pipe.
        let outData = DataCollector(out.fileHandleForReading)
        let errData = DataCollector(err.fileHandleForReading)
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus,
                      crashed: process.terminationReason == .uncaughtSignal && !timedOut,
                      timedOut: timedOut,
                      stdout: String(decoding: outData.finish(), as: UTF8.self),
                      stderr: String(decoding: errData.finish(), as: UTF8.self),
                      seconds: Date().timeIntervalSince(started))
    }
}

/// Reads a pipe to its end on a background thread.
final class DataCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

/// Parses one JSON line into a dictionary.
func jsonObject(_ line: Substring) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

/// Reads `/usr/bin/time -v` output: the largest resident set of the process and its waited-for children.
func maximumResidentMegabytes(timeReport: String) -> Double? {
    guard let match = timeReport.firstMatch(of: /Maximum resident set size \(kbytes\): (\d+)/) else { return nil }
    return Double(match.1).map { $0 / 1024 }
}
