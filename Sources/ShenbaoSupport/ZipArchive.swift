import CLibDeflate
import CLibZip
import Foundation
import ShenbaoModel

/// A zip archive opened read-only through libzip, with limits against zip bombs.
///
/// Entry sizes in the central directory are never trusted: every read is a bounded loop that stops
/// at the per-entry cap and at the remaining total budget. The file on disk is never modified.
/// A deflated entry whose stored data inflates to exactly its declared size with its declared CRC is
/// inflated by libdeflate in one call; any other entry, or one that fails there, is read through libzip.
package final class ZipArchive {
    /// Safety limits for reading an archive.
    package struct Limits: Sendable {
        /// Largest uncompressed size of one entry.
        var maxEntrySize: Int = 128 << 20
        /// Largest number of uncompressed bytes read from the archive in total.
        var maxTotalSize: Int = 256 << 20
        /// Largest number of entries in the central directory.
        var maxEntries: Int = 10_000
        /// Entries at least this large (uncompressed) must not exceed `maxRatio`.
        var ratioCheckThreshold: Int = 16 << 20
        /// Largest uncompressed/compressed ratio for a big entry (deflate tops out near 1030).
        var maxRatio: Int = 200

        package static let standard = Limits()
    }

    private let handle: OpaquePointer
    private let limits: Limits
    private var bytesRead = 0
    /// libdeflate's decompressor, made at the first entry inflated whole (one per archive: it is not shared
    /// between threads).
    private var decompressor: OpaquePointer?
    /// How many entries libdeflate inflated whole (the others went through libzip).
    package private(set) var entriesInflatedWhole = 0

    /// Opens the archive at `path` read-only.
    package init(path: String, limits: Limits = .standard) throws(ReadError) {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            throw Self.openError(code, path: path)
        }
        // Checked before the properties are set: once they are, a throw would run deinit as well.
        let count = zip_get_num_entries(handle, 0)
        guard count >= 0, count <= Int64(limits.maxEntries) else {
            zip_discard(handle)
            throw ReadError.limitExceeded("压缩包条目过多（超过 \(limits.maxEntries) 个），疑似恶意构造的文件")
        }
        // Two entries with one name (OPC names are case-insensitive) make the content ambiguous: one
        // program would show the first, another the second. Word refuses such files; so do we.
        var seen = Set<String>()
        for index in 0..<UInt64(count) {
            guard let name = zip_get_name(handle, index, 0) else { continue }
            let text = String(cString: name)
            if !text.hasSuffix("/"), !seen.insert(text.lowercased()).inserted {
                zip_discard(handle)
                throw ReadError.damaged("压缩包中有重名的条目（\(text)），文件可能被篡改，无法确定应读取哪一个；请重新保存后提交")
            }
        }
        self.handle = handle
        self.limits = limits
    }

    deinit {
        zip_discard(handle)
        if let decompressor { libdeflate_free_decompressor(decompressor) }
    }

    /// The names of every entry, in archive order (directories excluded).
    package var entryNames: [String] {
        let count = zip_get_num_entries(handle, 0)
        guard count > 0 else { return [] }
        return (0..<UInt64(count)).compactMap { index in
            guard let name = zip_get_name(handle, index, 0) else { return nil }
            let text = String(cString: name)
            return text.hasSuffix("/") ? nil : text
        }
    }

    /// Every entry (directories excluded) with its index, for unpacking a zip of folders: the name as UTF-8 where
    /// its bytes are UTF-8, else as GB18030 — zips made on Chinese Windows store names in the local code page
    /// without the UTF-8 flag, which libzip would otherwise read as CP437. Read them with `read(index:)`.
    package var entriesForUnpacking: [(index: UInt64, name: String)] {
        let count = zip_get_num_entries(handle, 0)
        guard count > 0 else { return [] }
        return (0..<UInt64(count)).compactMap { index in
            guard let raw = zip_get_name(handle, index, zip_flags_t(ZIP_FL_ENC_RAW)) else { return nil }
            let bytes = Data(bytes: raw, count: strlen(raw))
            let name = String(data: bytes, encoding: .utf8) ?? String(gb18030: bytes)
                ?? String(cString: zip_get_name(handle, index, 0))
            return name.hasSuffix("/") ? nil : (index, name)
        }
    }

    /// The uncompressed bytes of the entry at `index`, under the same limits as `read(_:)`.
    package func read(index: UInt64) throws(ReadError) -> [UInt8] {
        let name = zip_get_name(handle, index, 0).map { String(cString: $0) } ?? "#\(index)"
        return try read(index: index, name: name)
    }

    /// Whether an entry with this name exists (case-insensitively, as OPC part names are).
    package func contains(_ name: String) -> Bool {
        zip_name_locate(handle, name, ZIP_FL_NOCASE) >= 0
    }

    /// The uncompressed bytes of the entry named `name`, or nil when there is no such entry.
    package func read(_ name: String) throws(ReadError) -> [UInt8]? {
        let index = zip_name_locate(handle, name, ZIP_FL_NOCASE)
        guard index >= 0 else { return nil }
        return try read(index: UInt64(index), name: name)
    }

    /// The entry named `name` exactly as stored — its compression method, CRC and sizes, then its compressed
    /// bytes — for telling whether two archives hold the same part without inflating either; nil when there is
    /// no such entry, it is larger than `maxStoredCompare` or cannot be read raw.
    package func storedEntry(_ name: String) -> [UInt8]? {
        let index = zip_name_locate(handle, name, ZIP_FL_NOCASE)
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        let needed = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC)
        guard zip_stat_index(handle, UInt64(index), 0, &stat) == 0, stat.valid & needed == needed,
              stat.comp_size <= UInt64(Self.maxStoredCompare),
              let stored = storedData(index: UInt64(index), size: Int(stat.comp_size)) else { return nil }
        var entry: [UInt8] = []
        withUnsafeBytes(of: stat.comp_method.littleEndian) { entry += $0 }
        withUnsafeBytes(of: stat.crc.littleEndian) { entry += $0 }
        withUnsafeBytes(of: stat.size.littleEndian) { entry += $0 }
        withUnsafeBytes(of: stat.comp_size.littleEndian) { entry += $0 }
        return entry + stored
    }

    /// The `size` bytes an entry stores (compressed, as they are in the file); nil when it cannot be read raw or
    /// does not hold exactly that many.
    private func storedData(index: UInt64, size: Int) -> [UInt8]? {
        guard let file = zip_fopen_index(handle, index, zip_flags_t(ZIP_FL_COMPRESSED)) else { return nil }
        defer { zip_fclose(file) }
        // One byte more than expected, to notice data longer than `size`.
        var filled = 0
        let stored = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
            while filled <= size {
                let count = zip_fread(file, buffer.baseAddress! + filled, UInt64(size + 1 - filled))
                guard count > 0 else { break }
                filled += Int(count)
            }
            initialized = min(filled, size)
        }
        return filled == size ? stored : nil
    }

    /// Largest compressed entry `storedEntry` reads.
    private static let maxStoredCompare = 4 << 20

    private func read(index: UInt64, name: String) throws(ReadError) -> [UInt8] {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(handle, index, 0, &stat) == 0 else {
            throw ReadError.damaged("文件不是有效的 Word 文档（zip 结构损坏：无法读取 \(name)）")
        }
        let declared = (stat.valid & UInt64(ZIP_STAT_SIZE)) != 0 ? stat.size : 0
        let compressed = (stat.valid & UInt64(ZIP_STAT_COMP_SIZE)) != 0 ? stat.comp_size : 0
        if declared > UInt64(limits.maxEntrySize) {
            throw ReadError.limitExceeded("压缩包条目过大，疑似压缩炸弹（\(name) 解压后 \(declared >> 20) MiB）")
        }
        if declared >= UInt64(limits.ratioCheckThreshold),
           compressed == 0 || declared / compressed > UInt64(limits.maxRatio) {
            throw ReadError.limitExceeded("压缩包条目压缩比异常，疑似压缩炸弹（\(name)）")
        }
        // Never trust `declared`: allow at most the cap (and the remaining total budget), plus one
        // byte to notice an entry that is longer than its cap.
        let budget = min(limits.maxEntrySize, limits.maxTotalSize - bytesRead)
        if let bytes = inflatedWhole(index: index, stat: stat, budget: budget) {
            entriesInflatedWhole += 1
            bytesRead += bytes.count
            return bytes
        }
        guard let file = zip_fopen_index(handle, index, 0) else {
            throw entryError(zip_get_error(handle).pointee.zip_err, name: name)
        }
        defer { zip_fclose(file) }

        // Inflated straight into an array of the declared size and one byte more (no zeroing, no copy); an entry
        // that is longer than it declares is read on in chunks.
        let expected = Int(min(declared, UInt64(budget)))
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            while initialized < buffer.count {
                let count = zip_fread(file, buffer.baseAddress! + initialized, UInt64(buffer.count - initialized))
                if count < 0 { failed = true }
                if count <= 0 { break }
                initialized += Int(count)
            }
        }
        var chunk: [UInt8] = []
        while !failed, bytes.count > expected, bytes.count <= budget {
            if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 64 << 10) }
            let count = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, UInt64($0.count)) }
            if count < 0 { failed = true }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        if failed {
            throw entryError(zip_file_get_error(file).pointee.zip_err, name: name)
        }
        if bytes.count > budget {
            throw ReadError.limitExceeded(bytes.count > limits.maxEntrySize
                ? "压缩包条目过大，疑似压缩炸弹（\(name)）"
                : "压缩包解压总量过大（超过 \(limits.maxTotalSize >> 20) MiB），疑似压缩炸弹")
        }
        bytesRead += bytes.count
        return bytes
    }

    /// The entry at `index` inflated by libdeflate from its stored bytes in one call, when it is deflated, not
    /// encrypted, declares a size within `budget`, and its data inflates to exactly that size with the CRC it
    /// declares; nil otherwise (the caller then reads it through libzip, which reports what is wrong).
    private func inflatedWhole(index: UInt64, stat: zip_stat_t, budget: Int) -> [UInt8]? {
        let needed = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD)
        guard stat.valid & needed == needed, stat.comp_method == ZIP_CM_DEFLATE, stat.encryption_method == ZIP_EM_NONE,
              stat.size > 0, stat.size <= UInt64(budget), stat.comp_size > 0,
              // (Deflate adds at most 5 bytes a 64 KiB block to what it cannot compress: more is not read here.)
              stat.comp_size <= stat.size + stat.size / 4096 + 64,
              let stored = storedData(index: index, size: Int(stat.comp_size)) else { return nil }
        if decompressor == nil { decompressor = libdeflate_alloc_decompressor() }
        guard let decompressor else { return nil }
        let size = Int(stat.size)
        var inflated = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let result = stored.withUnsafeBytes {
                libdeflate_deflate_decompress(decompressor, $0.baseAddress, stored.count, buffer.baseAddress, size, nil)
            }
            guard result == LIBDEFLATE_SUCCESS, libdeflate_crc32(0, buffer.baseAddress, size) == stat.crc else { return }
            initialized = size
            inflated = true
        }
        return inflated ? bytes : nil
    }

    private static func openError(_ code: Int32, path: String) -> ReadError {
        switch code {
        case ZIP_ER_NOZIP where startsLikeZip(path):
            return .damaged("文件不是有效的 Word 文档（zip 结构损坏或文件不完整）")
        case ZIP_ER_NOZIP:
            return .notThisFormat("文件不是有效的 Word 文档（不是 zip 压缩包）")
        case ZIP_ER_OPEN, ZIP_ER_READ, ZIP_ER_SEEK:
            return .unreadable("无法读取文件")
        case ZIP_ER_MEMORY:
            return .limitExceeded("内存不足，无法打开文件")
        default:
            return .damaged("文件不是有效的 Word 文档（zip 结构损坏）")
        }
    }

    /// Whether the file begins with a zip local-header signature (a truncated zip rather than no zip).
    private static func startsLikeZip(_ path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var head: [UInt8] = [0, 0, 0, 0]
        return fread(&head, 1, 4, file) == 4 && head == [0x50, 0x4B, 0x03, 0x04]
    }

    private func entryError(_ code: Int32, name: String) -> ReadError {
        switch code {
        case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
            return .encrypted("压缩包条目 \(name) 已加密，无法读取")
        case ZIP_ER_MEMORY:
            return .limitExceeded("内存不足，无法读取 \(name)")
        default:
            return .damaged("文件不是有效的 Word 文档（zip 结构损坏：\(name) 无法解压）")
        }
    }
}
