import CLibZip
import Foundation
import ShenbaoModel

/// Writes a zip archive (an OOXML package) with libzip. Used through `AtomicFile`, so a failed
/// write never leaves a partial file behind.
package enum ZipWriter {
    /// One entry: its name inside the archive and its bytes.
    package struct Entry {
        package var name: String
        package var bytes: [UInt8]

        package init(_ name: String, _ bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }

        package init(_ name: String, text: String) {
            self.init(name, Array(text.utf8))
        }
    }

    /// Writes `entries`, in order, to a new archive at `path` (which must not exist yet).
    package static func write(_ entries: [Entry], to path: String) throws(WriteError) {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_EXCL, &code) else {
            throw WriteError.failed(path, "无法创建压缩包（libzip 错误 \(code)）")
        }
        for entry in entries {
            // libzip reads the buffer only at zip_close: give it a malloc'd copy that it frees (freep = 1).
            let buffer = malloc(max(entry.bytes.count, 1))
            entry.bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { buffer?.copyMemory(from: base, byteCount: entry.bytes.count) }
            }
            guard let source = zip_source_buffer(archive, buffer, UInt64(entry.bytes.count), 1) else {
                free(buffer)
                zip_discard(archive)
                throw WriteError.failed(path, "无法写入 \(entry.name)")
            }
            let index = zip_file_add(archive, entry.name, source, UInt32(ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                zip_discard(archive)
                throw WriteError.failed(path, "无法写入 \(entry.name)")
            }
            zip_set_file_compression(archive, UInt64(index), ZIP_CM_DEFLATE, 6)
        }
        guard zip_close(archive) == 0 else {
            let error = zip_get_error(archive)
            let system = zip_error_code_system(error)
            let message = system != 0 && zip_error_system_type(error) == ZIP_ET_SYS
                ? WriteError.reason(errno: system) : "写入失败：" + String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw WriteError.failed(path, message)
        }
    }
}
