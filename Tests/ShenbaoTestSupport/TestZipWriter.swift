import CLibZip
import Foundation

/// Writes zip files for tests with libzip (so tests need no `zip` tool).
public enum TestZipWriter {
    /// The content of one entry.
    public enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        /// `count` zero bytes (calloc'd, so untouched pages cost no memory): a zip-bomb-like entry that
        /// deflates about a thousandfold.
        case zeros(Int)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Writes `entries` (in order) to a new zip file at `path`.
    public static func write(_ entries: [(name: String, content: Content)], to path: String) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw Failure(description: "zip_open failed: \(code)")
        }
        for (name, content) in entries {
            // libzip reads the buffer only at zip_close: hand it memory it owns and frees (freep = 1).
            let count: Int
            let buffer: UnsafeMutableRawPointer?
            switch content {
            case .text(let text):
                (buffer, count) = copy(Array(text.utf8))
            case .bytes(let bytes):
                (buffer, count) = copy(bytes)
            case .zeros(let zeros):
                (buffer, count) = (calloc(zeros, 1), zeros)
            }
            guard let source = zip_source_buffer(archive, buffer, UInt64(count), 1) else {
                free(buffer)
                zip_discard(archive)
                throw Failure(description: "zip_source_buffer failed for \(name)")
            }
            guard zip_file_add(archive, name, source, UInt32(ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8)) >= 0 else {
                zip_source_free(source)
                zip_discard(archive)
                throw Failure(description: "zip_file_add failed for \(name)")
            }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw Failure(description: "zip_close failed: \(message)")
        }
    }

    private static func copy(_ bytes: [UInt8]) -> (UnsafeMutableRawPointer?, Int) {
        let buffer = malloc(max(bytes.count, 1))
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer?.copyMemory(from: base, byteCount: bytes.count) }
        }
        return (buffer, bytes.count)
    }
}
