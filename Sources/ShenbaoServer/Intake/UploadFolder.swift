import Foundation

/// A private temporary folder (mode 0700) where one upload is laid out as the clerk's folders were, so the
/// pipeline groups it exactly as `shenbao validate` groups a folder. Removed when the upload is stored.
final class UploadFolder {
    /// The folder the files are laid out in.
    let root: String
    /// Uploaded zips, kept apart until they are unpacked into `root`.
    let staging: String
    private let base: String
    private(set) var fileCount = 0

    init(parent: String) throws {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        var template = Array("\(parent)/upload-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw UploadRefusal("无法创建临时文件夹") }
        base = String(cString: made)
        root = base + "/files"
        staging = base + "/zips"
        for folder in [root, staging] { mkdir(folder, 0o700) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: base) }

    /// The folder's unique name (`upload-XXXXXX`), which its reading job's folder takes.
    var name: String { base.lastPathComponentText }

    /// Moves the laid-out files (the `root` folder) to `destination`, on the same file system, at once.
    func moveFiles(to destination: String) throws {
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard rename(root, destination) == 0 else { throw UploadRefusal("无法保存上传的文件（\(String(cString: strerror(errno)))）") }
    }

    /// Moves a laid-out file to another relative path (already safe).
    func move(_ relative: String, to newRelative: String) throws {
        guard relative != newRelative else { return }
        let descriptor = try create(newRelative)
        close(descriptor)
        guard rename(root + "/" + relative, root + "/" + newRelative) == 0 else { throw UploadRefusal("\(relative)：无法保存") }
    }

    /// Writes `bytes` as a new file at a relative path (already safe).
    func write(_ bytes: Data, to relative: String) throws {
        let descriptor = try create(relative)
        defer { close(descriptor) }
        guard bytes.withUnsafeBytes({ Self.write(descriptor, $0) }) else { throw UploadRefusal("\(relative)：无法保存") }
    }

    /// Copies `source` (a stored original) to a relative path (already safe).
    func copy(_ source: String, to relative: String) throws {
        let descriptor = try create(relative)
        close(descriptor)
        unlink(root + "/" + relative)
        try FileManager.default.copyItem(atPath: source, toPath: root + "/" + relative)
    }

    /// The path as a relative path of at most `maxDepth` plain names, or nil when it is absolute, names a
    /// parent (`..`), a drive (`C:`), holds control characters or is empty. Backslashes count as separators.
    static func safeRelativePath(_ raw: String, maxDepth: Int) -> String? {
        let path = raw.replacingOccurrences(of: "\\", with: "/")
        guard !path.isEmpty, !path.hasPrefix("/"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, parts.count <= maxDepth else { return nil }
        if let first = parts.first, first.count == 2, first.last == ":" { return nil }
        for part in parts where part == "." || part == ".." || part.utf8.count > 255 {
            return nil
        }
        return parts.joined(separator: "/")
    }

    /// Creates `relative` (already safe) under `root` for writing, with its folders; never follows a link
    /// and never replaces a file already there.
    func create(_ relative: String) throws -> Int32 {
        let path = root + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw UploadRefusal("\(relative)：无法建立其所在文件夹（与另一个同名文件冲突）")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw UploadRefusal(errno == EEXIST ? "\(relative)：与已上传的文件同名，未接收" : "\(relative)：无法保存")
        }
        fileCount += 1
        return descriptor
    }

    /// Writes all of `bytes` to `descriptor`.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Every file laid out, relative to `root`, sorted.
    func laidOutFiles() -> [String] { Self.files(under: root) }

    /// Every file under `folder`, relative to it, sorted.
    static func files(under folder: String) -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }
}

/// A file (or the whole upload) refused, with the Chinese message shown to the clerk.
struct UploadRefusal: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
