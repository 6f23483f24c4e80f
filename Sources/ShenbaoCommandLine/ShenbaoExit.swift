import ArgumentParser
import Foundation

/// Errors that end a command with a documented exit code and a Chinese message on stderr.
public enum ShenbaoExit: Error, CustomStringConvertible {
    case usage(String)

    public var description: String {
        switch self {
        case .usage(let message): return "shenbao：\(message)"
        }
    }
}

extension ParsableCommand {
    /// Prints a usage error in Chinese and exits with code 2.
    public static func exitWithUsage(_ error: ShenbaoExit) -> Never {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        Foundation.exit(2)
    }
}
