import Foundation

/// Why an output could not be written, in Chinese, naming the file.
public enum WriteError: Error, Sendable, Equatable, CustomStringConvertible {
    case failed(String, String)
    /// `--out` names one of the inputs.
    case wouldOverwriteInput(String)

    public var description: String {
        switch self {
        case .failed(let path, let reason): return "无法写入 \(path)：\(reason)"
        case .wouldOverwriteInput(let path): return "输出文件 \(path) 是输入文件之一，拒绝覆盖"
        }
    }

    /// The reason for a failed system call, in Chinese where it is one a user can act on.
    package static func reason(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "磁盘空间不足"
        case EACCES, EPERM: return "没有写入权限"
        case EROFS: return "文件夹所在的磁盘是只读的"
        case EFBIG: return "文件超过了系统允许的大小"
        default: return String(cString: strerror(code))
        }
    }
}

/// Writes outputs atomically: into a temporary file beside the destination, renamed over it only
/// when complete. A failed write (no space, no permission) leaves no partial file.
public enum AtomicFile {
    /// Writes the file at `path` through `body`, which writes to the temporary path it is given.
    /// `inputs` are files the output must never replace.
    public static func write(to path: String, inputs: [String] = [], _ body: (String) throws -> Void) throws {
        let destination = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == destination {
            throw WriteError.wouldOverwriteInput(path)
        }
        let folder = destination.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError.failed(path, "文件夹 \(folder) 不存在")
        }
        let temporary = folder + "/." + destination.lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        do {
            try body(temporary)
            guard rename(temporary, destination.path) == 0 else {
                throw WriteError.failed(path, String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            switch error as? WriteError {
            case .failed(_, let reason)?: throw WriteError.failed(path, reason)  // name the output, not the temporary
            case let error?: throw error
            case nil: throw WriteError.failed(path, "\(error)")
            }
        }
    }

    /// Writes bytes atomically.
    public static func write(_ data: Data, to path: String, inputs: [String] = []) throws {
        try write(to: path, inputs: inputs) { temporary in
            do {
                try data.write(to: URL(fileURLWithPath: temporary))
            } catch {
                let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
                throw WriteError.failed(path, code.map { WriteError.reason(errno: Int32($0)) } ?? error.localizedDescription)
            }
        }
    }
}
