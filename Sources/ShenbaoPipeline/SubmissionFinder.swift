import Foundation
import ShenbaoModel
import ShenbaoExtraction
import ShenbaoValidation

/// Assembles submissions from the paths given: groups files into applicants' submissions and measures
/// what the rules need of each file (size, last change), so the rules read no files.
public enum SubmissionFinder {
    /// Groups command-line paths into submissions. A folder that directly holds one Word file is one
    /// applicant's submission; files in its sub-folders without Word files (an 附件 folder of scans)
    /// belong to it. A folder holding several Word files holds several applicants' books side by side:
    /// each Word file is a submission with the files whose names start with its name (its PDF, its
    /// 营业执照 …). A folder of such folders is an inbox. Word lock files (`~$…`) and hidden files are ignored.
    /// A folder is read once, however many links lead to it: a link back up the tree adds no book again.
    /// What the walk could not look through (a name that is not UTF-8, a folder it may not read, one too deep)
    /// comes back in `skipped`, for the run to report as files it could not read.
    public static func find(in paths: [String]) -> (submissions: [Submission], skipped: [BookError]) {
        var submissions: [Submission] = []
        var walk = FolderWalk()
        for given in paths {
            // `收件/` and `收件` are one folder: a trailing slash must not change how its books are grouped.
            var path = given
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                collect(folder: path, into: &submissions, current: nil, depth: 0, walk: &walk)
            } else {
                submissions.append(Submission(folder: nil, files: [path]))
            }
        }
        return (submissions.flatMap(splitByBook).filter { !$0.books.isEmpty }.map(measured), walk.skipped)
    }

    /// A file given on its own (a book, a data file or one of its rows) as its submission.
    public static func loose(_ file: String) -> Submission {
        measured(Submission(folder: nil, files: [file]))
    }

    /// The submission with each of its files measured.
    public static func measured(_ submission: Submission) -> Submission {
        var submission = submission
        for file in submission.files {
            submission.facts[file] = facts(of: file)
        }
        return submission
    }

    /// A file's size and last change, through a link to the file linked (what its reader opens); nil when it
    /// cannot be reached. One `stat`: `FileManager.attributesOfItem` also looks up the owner's and group's
    /// names, most of the time of finding an inbox's 10,000 books.
    private static func facts(of file: String) -> Submission.FileFacts? {
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1_000_000_000)
        return Submission.FileFacts(size: Int(info.st_size), modified: modified)
    }

    /// A folder with several Word books split into one submission per book, by file-name prefix.
    private static func splitByBook(_ submission: Submission) -> [Submission] {
        guard let folder = submission.folder else { return [submission] }
        let words = submission.files.filter { Submission.editableExtensions.contains($0.fileExtension) && isDirectly($0, in: folder) }
        guard words.count > 1 else { return [Submission(folder: folder, files: submission.files.sorted(), name: submission.name)] }
        var groups: [String: [String]] = [:]
        var loose: [String] = []
        let stems = words.map { $0.fileStem }.sorted { $0.count > $1.count }
        for file in submission.files {
            if let stem = stems.first(where: { file.fileStem.hasPrefix($0) }) { groups[stem, default: []].append(file) } else { loose.append(file) }
        }
        let grouped = groups.keys.sorted().map { stem in
            Submission(folder: folder, files: groups[stem]!.sorted(), name: (folder as NSString).appendingPathComponent(stem))
        }
        return grouped + loose.filter { Submission.bookExtensions.contains($0.fileExtension) }.sorted().map { Submission(folder: nil, files: [$0]) }
    }

    /// Whether `file`, a path the folder walk made, names a file of `folder` itself (not of a folder below it).
    private static func isDirectly(_ file: String, in folder: String) -> Bool {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
        let parent = file[..<slash]
        return parent.isEmpty ? folder == "/" : parent == folder
    }

    private static func collect(folder: String, into submissions: inout [Submission], current: Int?, depth: Int,
                                walk: inout FolderWalk) {
        guard let (files, folders) = walk.read(folder, depth: depth) else { return }
        let hasEditable = files.contains { Submission.editableExtensions.contains($0.fileExtension) }
        let hasBook = files.contains { Submission.bookExtensions.contains($0.fileExtension) }
        var owner = current
        if hasEditable || (hasBook && current == nil) {
            submissions.append(Submission(folder: folder, files: files))
            owner = submissions.count - 1
        } else if let current {
            submissions[current].files += files
        }
        for sub in folders { collect(folder: sub, into: &submissions, current: owner, depth: depth + 1, walk: &walk) }
    }
}
