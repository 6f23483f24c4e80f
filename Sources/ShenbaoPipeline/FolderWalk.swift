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
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
        var files: [String] = []
        var folders: [String] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { folders.append(path) } else { files.append(path) }
        }
        return (files, folders)
    }

    /// Every file in `folder` and the folders below it.
    mutating func files(under folder: String, depth: Int = 0) -> [String] {
        guard let (found, folders) = read(folder, depth: depth) else { return [] }
        return found + folders.flatMap { files(under: $0, depth: depth + 1) }
    }
}
