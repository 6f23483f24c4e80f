import Foundation
import ShenbaoKit

/// How a desk runs: where its data lives, where it listens, and how books are read.
public struct DeskConfiguration: Sendable {
    /// The data folder: `desk.sqlite`, `files/` (the originals), `tmp/` (uploads being read).
    public var dataDirectory: String
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Mark cookies `Secure` (the desk is behind https).
    public var secureCookies = false
    /// The call folders (Templates/).
    public var templates: String = CallSpecLoader.defaultDirectory()
    /// The program started as a reading worker: this one (`shenbao worker validate`).
    public var workerExecutable: String = CallSpecLoader.runningExecutable
    /// Books read at once, and seconds one may take.
    public var jobs: Int = ProcessorCount.available
    public var readTimeout: Double = 60
    public var passwords = Passwords()
    public var sessionLifetime: TimeInterval = 8 * 3600
    public var throttle = LoginThrottle()
    public var uploadLimits = UploadLimits()

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }
}
