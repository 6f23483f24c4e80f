import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// One applicant's submission: a folder holding the editable book, its stamped PDF and the
/// supporting files (佐证材料, pictures, video) — or a single book file given on its own. A plain value:
/// what the rules need of its files (sizes, dates) is measured when it is assembled (`SubmissionFinder`).
public struct Submission: Sendable, Equatable {
    /// What was measured of a file when the submission was assembled.
    public struct FileFacts: Sendable, Equatable {
        /// Bytes.
        public var size: Int
        /// Last modified.
        public var modified: Date?

        public init(size: Int, modified: Date?) {
            self.size = size
            self.modified = modified
        }
    }

    /// The folder, or nil for a loose file.
    public var folder: String?
    /// Every file of the submission (books and attachments), sorted.
    public var files: [String]
    /// What the submission is called in reports: its folder, the folder and the book's name when one
    /// folder holds several applicants' books, or the file.
    public var name: String
    /// Each file's facts, by path; a file that could not be measured has none.
    public var facts: [String: FileFacts]

    public init(folder: String?, files: [String], name: String? = nil, facts: [String: FileFacts] = [:]) {
        self.folder = folder
        self.files = files
        self.name = name ?? folder ?? files.first ?? ""
        self.facts = facts
    }

    /// A file's size in bytes (0 when it was not measured).
    public func size(of file: String) -> Int { facts[file]?.size ?? 0 }

    /// The book candidates: Word and PDF files (and legacy .doc/.wps, to be reported).
    public var books: [String] { files.filter { Self.bookExtensions.contains($0.fileExtension) } }

    /// The extensions of files read as books (Word, PDF, legacy Word and WPS through LibreOffice).
    public static let bookExtensions: Set<String> = ["docx", "pdf", "doc", "wps", "docm", "dotx"]
    /// The extensions of editable books (Word, WPS).
    package static let editableExtensions: Set<String> = ["docx", "doc", "wps", "docm"]
}
