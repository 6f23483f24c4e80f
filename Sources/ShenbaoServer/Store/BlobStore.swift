import Crypto
import Foundation

/// Uploaded originals, stored by content: `DIR/files/<first two hex digits>/<sha256>`. A file is copied to a
/// temporary name in its final folder, flushed to disk and renamed, so a crash leaves either the whole
/// file or none (at most a `.tmp-` file, swept at start). A stored file is never modified or replaced.
public struct BlobStore: Sendable {
    public let root: String

    public init(root: String) throws {
        self.root = root
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Where the blob with this digest lives (nil for anything that is not a SHA-256 in lower-case hex).
    public func path(for sha256: String) -> String? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return "\(root)/\(sha256.prefix(2))/\(sha256)"
    }

    /// Stores the file at `source` (read-only) and returns its digest and size.
    public func store(contentsOf source: String) throws -> (sha256: String, size: Int64) {
        guard let input = FileHandle(forReadingAtPath: source) else { throw BlobError.unreadable(source) }
        defer { try? input.close() }
        // Hash first, so a file already stored is not copied again.
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let final = path(for: digest)!
        if FileManager.default.fileExists(atPath: final) { return (digest, size) }
        let folder = (final as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(folder)/.tmp-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw BlobError.write(temporary, errno) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        try input.seek(toOffset: 0)
        var copied: Int64 = 0
        var check = SHA256()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try chunk.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        close(descriptor)
                        throw BlobError.write(temporary, errno)
                    }
                    offset += written
                }
            }
            check.update(data: chunk)
            copied += Int64(chunk.count)
        }
        guard fsync(descriptor) == 0 else { let code = errno; close(descriptor); throw BlobError.write(temporary, code) }
        close(descriptor)
        // The source changed while it was copied: refuse rather than store bytes under another digest.
        guard copied == size, check.finalize().map({ String(format: "%02x", $0) }).joined() == digest else {
            throw BlobError.changed(source)
        }
        guard rename(temporary, final) == 0 else { throw BlobError.write(final, errno) }
        ok = true
        Self.syncFolder(folder)
        return (digest, size)
    }

    /// Removes temporary files a crash left behind, and blobs no row names (`referenced`).
    @discardableResult
    public func sweep(keeping referenced: Set<String>) -> Int {
        var removed = 0
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for folder in folders where folder.count == 2 {
            let path = "\(root)/\(folder)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                if name.hasPrefix(".tmp-") || (name.count == 64 && !referenced.contains(name)) {
                    if (try? FileManager.default.removeItem(atPath: "\(path)/\(name)")) != nil { removed += 1 }
                }
            }
        }
        return removed
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

public enum BlobError: Error, CustomStringConvertible {
    case unreadable(String)
    case write(String, Int32)
    case changed(String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "无法读取 \(path)"
        case .write(let path, let code): return "无法写入 \(path)：\(String(cString: strerror(code)))"
        case .changed(let path): return "文件 \(path) 在保存过程中被改动"
        }
    }
}
