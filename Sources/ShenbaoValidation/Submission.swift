import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// One applicant's submission: a folder holding the editable book, its stamped PDF and the
/// supporting files (佐证材料, pictures, video) — or a single book file given on its own.
public struct Submission: Sendable, Equatable {
    /// The folder, or nil for a loose file.
    public var folder: String?
    /// Every file of the submission (books and attachments), sorted.
    public var files: [String]
    /// What the submission is called in reports: its folder, the folder and the book's name when one
    /// folder holds several applicants' books, or the file.
    public var name: String

    public init(folder: String?, files: [String], name: String? = nil) {
        self.folder = folder
        self.files = files
        self.name = name ?? folder ?? files.first ?? ""
    }

    /// The book candidates: Word and PDF files (and legacy .doc/.wps, to be reported).
    public var books: [String] { files.filter { Self.bookExtensions.contains($0.fileExtension) } }

    /// The extensions of files read as books (Word, PDF, legacy Word and WPS through LibreOffice).
    public static let bookExtensions: Set<String> = ["docx", "pdf", "doc", "wps", "docm", "dotx"]
    package static let editableExtensions: Set<String> = ["docx", "doc", "wps", "docm"]

    /// Groups command-line paths into submissions. A folder that directly holds one Word file is one
    /// applicant's submission; files in its sub-folders without Word files (an 附件 folder of scans)
    /// belong to it. A folder holding several Word files holds several applicants' books side by side:
    /// each Word file is a submission with the files whose names start with its name (its PDF, its
    /// 营业执照 …). A folder of such folders is an inbox. Word lock files (`~$…`) and hidden files are ignored.
    public static func find(in paths: [String]) -> [Submission] {
        var submissions: [Submission] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                collect(folder: path, into: &submissions, current: nil, depth: 0)
            } else {
                submissions.append(Submission(folder: nil, files: [path]))
            }
        }
        return submissions.flatMap(splitByBook).filter { !$0.books.isEmpty }
    }

    /// A folder with several Word books split into one submission per book, by file-name prefix.
    private static func splitByBook(_ submission: Submission) -> [Submission] {
        guard let folder = submission.folder else { return [submission] }
        let words = submission.files.filter { editableExtensions.contains($0.fileExtension) && ($0 as NSString).deletingLastPathComponent == folder }
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
        return grouped + loose.filter { bookExtensions.contains($0.fileExtension) }.sorted().map { Submission(folder: nil, files: [$0]) }
    }

    private static func collect(folder: String, into submissions: inout [Submission], current: Int?, depth: Int) {
        guard depth < 32 else { return }
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
        let hasEditable = files.contains { editableExtensions.contains($0.fileExtension) }
        let hasBook = files.contains { bookExtensions.contains($0.fileExtension) }
        var owner = current
        if hasEditable || (hasBook && current == nil) {
            submissions.append(Submission(folder: folder, files: files))
            owner = submissions.count - 1
        } else if let current {
            submissions[current].files += files
        }
        for sub in folders { collect(folder: sub, into: &submissions, current: owner, depth: depth + 1) }
    }
}

extension String {
    /// The lower-cased extension of a path.
    package var fileExtension: String { (self as NSString).pathExtension.lowercased() }
    /// The file name with its extension.
    package var lastPathComponent: String { (self as NSString).lastPathComponent }
    /// The file name without folder and extension.
    package var fileStem: String { ((self as NSString).lastPathComponent as NSString).deletingPathExtension }
}
