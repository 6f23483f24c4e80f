import Foundation

/// Folders as a run looks through them for its inputs (`SubmissionFinder`, `InputFiles`): each folder's files
/// and sub-folders in sorted order, hidden ones and Word lock files (`~$…`) left out, linked folders followed,
/// and each folder read once, by device and inode, however many paths lead to it — a link back up the tree
/// adds nothing again. At most `maximumDepth` folders deep.
struct FolderWalk {
    static let maximumDepth = 32

    /// A folder as the file system knows it, whichever path or link it is reached by.
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private var visited = Set<Identity>()

    /// What `folder`, `depth` folders below where the walk began, holds; nil when it is too deep, cannot be
    /// reached or was read already.
    mutating func read(_ folder: String, depth: Int) -> (files: [String], folders: [String])? {
        var info = stat()
        guard depth < Self.maximumDepth, stat(folder, &info) == 0,
              visited.insert(Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return nil }
        var files: [String] = []
        var folders: [String] = []
        for (name, isFolder) in Self.entries(of: folder).sorted(by: { $0.name < $1.name })
        where !name.hasPrefix(".") && !name.hasPrefix("~$") {
            let path = folder.utf8.last == UInt8(ascii: "/") ? folder + name : folder + "/" + name
            if isFolder ?? Self.isFolder(path) { folders.append(path) } else { files.append(path) }
        }
        return (files, folders)
    }

    /// The names in `folder` (none when it cannot be opened), each with whether it is a folder as the listing
    /// says; nil where it does not say (a link, or a file system that gives no types), which `isFolder` then asks.
    /// One `readdir` pass: FileManager's listing and a `stat` of every name took most of the time before the
    /// first book of a 10,000-book inbox was read.
    private static func entries(of folder: String) -> [(name: String, isFolder: Bool?)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var entries: [(name: String, isFolder: Bool?)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true))
            case Int32(DT_REG): entries.append((name, false))
            default: entries.append((name, nil))
            }
        }
        return entries
    }

    /// Whether `path` is a folder, or a link to one.
    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every file in `folder` and the folders below it.
    mutating func files(under folder: String, depth: Int = 0) -> [String] {
        guard let (found, folders) = read(folder, depth: depth) else { return [] }
        return found + folders.flatMap { files(under: $0, depth: depth + 1) }
    }
}
