import Foundation
import ShenbaoKit

/// The programs installed side by side: `shenbao` (the command line and the book-reading workers) and
/// `shenbao-desk` (the web desk, which `shenbao serve` hands over to). Kept apart so that a command-line run
/// starts without the desk's HTTP server, database and their runtime metadata.
public enum SiblingProgram: String {
    case commandLine = "shenbao"
    case desk = "shenbao-desk"

    /// This program's path in the running program's folder (symbolic links resolved).
    public var path: String {
        URL(fileURLWithPath: CallSpecLoader.runningExecutable).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(rawValue).path
    }
}
