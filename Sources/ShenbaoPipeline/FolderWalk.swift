import Foundation
import ShenbaoModel
import ShenbaoExtraction

/// Folders as a run looks through them for its inputs (`SubmissionFinder`, `InputFiles`): each folder's files
/// and sub-folders in sorted order, hidden ones and Word lock files (`~$…`) left out, linked folders followed,
/// and each folder read once, by device and inode, however many paths lead to it — a link back up the tree
/// adds nothing again. At most `maximumDepth` folders deep. What it cannot look through — a name that is not
/// UTF-8, a folder it may not read, one too deep — it lists in `skipped`, each with why, for the run to report.
struct FolderWalk {
    static let maximumDepth = 32

    /// A folder as the file system knows it, whichever path or link it is reached by.
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// One name in a folder listing.
    private struct Entry {
        var name: String
        /// Whether it is a folder, as the listing says; nil where it does not say (a link, or a file system that
        /// gives no types).
        var isFolder: Bool?
        /// Its bytes, when they are not UTF-8 (`name` then has U+FFFD in their place).
        var nonUTF8: NonUTF8Name? = nil
    }

    private var visited = Set<Identity>()

    /// What was found and not looked through, with why, in the order met.
    private(set) var skipped: [BookError] = []

    /// What `folder`, `depth` folders below where the walk began, holds; nil when it is too deep, cannot be
    /// reached or read, or was read already (only the last is not `skipped`).
    mutating func read(_ folder: String, depth: Int) -> (files: [String], folders: [String])? {
        var info = stat()
        guard stat(folder, &info) == 0 else { return nil }
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard !visited.contains(identity) else { return nil }
        guard depth < Self.maximumDepth else {
            skip(folder, .unreadable("文件夹层级超过 \(Self.maximumDepth) 层，其中的文件未查看"))
            return nil
        }
        visited.insert(identity)
        guard let entries = Self.entries(of: folder) else {
            let why = errno == EACCES || errno == EPERM ? "没有读取权限" : "无法打开此文件夹"
            skip(folder, .unreadable("\(why)，其中的文件未查看"))
            return nil
        }
        var files: [String] = []
        var folders: [String] = []
        let prefix = folder.utf8.last == UInt8(ascii: "/") ? folder : folder + "/"
        for entry in entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") && !entry.name.hasPrefix("~$") {
            let path = prefix + entry.name
            if let name = entry.nonUTF8 {
                skip(path, .undecodableName(folder: entry.isFolder ?? Self.isFolder(Array(prefix.utf8) + name.bytes), reading: name.gbkReading))
            } else if entry.isFolder ?? Self.isFolder(Array(path.utf8)) {
                folders.append(path)
            } else {
                files.append(path)
            }
        }
        return (files, folders)
    }

    private mutating func skip(_ path: String, _ why: ReadError) {
        skipped.append(BookError(file: path, code: why.code, message: why.message))
    }

    /// The names in `folder`, nil when it cannot be opened (`errno` says why). One `readdir` pass: FileManager's
    /// listing and a `stat` of every name took most of the time before the first book of a 10,000-book inbox was read.
    private static func entries(of folder: String) -> [Entry]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes != [0x2E], bytes != [0x2E, 0x2E] else { continue }
            let isFolder: Bool? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): true
            case Int32(DT_REG): false
            default: nil
            }
            if let name = String(validating: bytes, as: UTF8.self) {
                entries.append(Entry(name: name, isFolder: isFolder))
            } else {
                let name = NonUTF8Name(bytes: bytes)
                entries.append(Entry(name: name.shown, isFolder: isFolder, nonUTF8: name))
            }
        }
        return entries
    }

    /// Whether the path of these bytes (which need not be UTF-8) is a folder, or a link to one.
    private static func isFolder(_ path: [UInt8]) -> Bool {
        var info = stat()
        return (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) }
        } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every file in `folder` and the folders below it.
    mutating func files(under folder: String, depth: Int = 0) -> [String] {
        guard let (found, folders) = read(folder, depth: depth) else { return [] }
        return found + folders.flatMap { files(under: $0, depth: depth + 1) }
    }
}
