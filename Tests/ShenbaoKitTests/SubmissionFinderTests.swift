import Foundation
import ShenbaoKit
import ShenbaoTestSupport
import Testing

/// How a folder's files are grouped into applicants' submissions.
@Suite struct SubmissionFinderTests {
    static let flat = packageRoot() + "/Samples/hubei-industrial-model-2026"

    /// The first Word book of `flat`, which the folder tests copy.
    static func sampleBook() throws -> String {
        flat + "/" + (try FileManager.default.contentsOfDirectory(atPath: flat)).sorted().first { $0.hasSuffix(".docx") }!
    }

    /// Each of `folders` made under `root`, with a copy of the sample book as 申报书.docx.
    static func makeFolders(_ folders: [String], under root: String) throws {
        let sample = try sampleBook()
        for folder in folders {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sample, toPath: root + "/" + folder + "/申报书.docx")
        }
    }

    @Test func aFolderOfSeveralBooksSideBySideIsOneSubmissionPerBook() {
        let submissions = SubmissionFinder.find(in: [Self.flat]).submissions
        #expect(submissions.count == 3)
        for submission in submissions {
            let stems = Set(submission.files.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }
                .map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
            #expect(stems.count == 1, "\(submission.files)")
        }
    }

    @Test func aTrailingSlashDoesNotChangeTheGrouping() {
        let plain = SubmissionFinder.find(in: [Self.flat]).submissions.map { $0.files.map { ($0 as NSString).lastPathComponent } }
        #expect(SubmissionFinder.find(in: [Self.flat + "/"]).submissions.map { $0.files.map { ($0 as NSString).lastPathComponent } } == plain)
        #expect(SubmissionFinder.find(in: [Self.flat + "//"]).submissions.map { $0.files.map { ($0 as NSString).lastPathComponent } } == plain)
    }

    /// A link back up the tree, or a second link to a folder already read, adds no book again (each book once,
    /// not once per path a loop makes up to the depth limit).
    @Test func aFolderIsReadOnceWhateverLinksLeadToIt() throws {
        let inbox = try makeTemporaryFolderURL("finder-links").path
        defer { try? FileManager.default.removeItem(atPath: inbox) }
        try Self.makeFolders(["甲", "乙"], under: inbox)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/甲/上级", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/乙的链接", withDestinationPath: inbox + "/乙")
        let found = SubmissionFinder.find(in: [inbox])
        let books = found.submissions.flatMap(\.books).map { String($0.dropFirst(inbox.count)) }
        #expect(books == ["/乙/申报书.docx", "/甲/申报书.docx"], "\(books)")
        #expect(found.skipped.isEmpty, "a folder read already is no problem: \(found.skipped)")
    }

    /// `extract` looks through folders the same way: a linked folder outside is read, a link back up adds
    /// nothing, a hidden folder is left out.
    @Test func inputFilesFollowLinkedFoldersOnceAndSkipHiddenOnes() throws {
        let root = try makeTemporaryFolderURL("input-links").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.makeFolders(["收件/甲", "收件/.缓存", "别处/乙"], under: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/收件/乙", withDestinationPath: root + "/别处/乙")
        try FileManager.default.createSymbolicLink(atPath: root + "/收件/甲/上级", withDestinationPath: "..")
        let expanded = InputFiles.expand([root + "/收件"], extensions: ["docx"])
        let files = expanded.files.map { String($0.dropFirst(root.count)) }
        #expect(files == ["/收件/乙/申报书.docx", "/收件/甲/申报书.docx"], "\(files)")
        #expect(expanded.skipped.isEmpty, "\(expanded.skipped)")
    }

    /// A name that is not UTF-8 (a zip packed on Windows in GBK, unpacked here) cannot be opened by the name a
    /// Swift string holds: the book and the folder are reported, each with its name read as GBK, not dropped.
    @Test func namesThatAreNotUTF8AreReportedNotDropped() throws {
        let inbox = try makeTemporaryFolderURL("finder-gbk").path
        defer { try? FileManager.default.removeItem(atPath: inbox) }
        let sample = try Self.sampleBook()
        try Self.makeFolders(["甲"], under: inbox)
        let book = try makeEntry(named: GBKNames.十堰蓝海申报书, in: inbox + "/甲", copying: sample)
        let folder = try makeEntry(named: GBKNames.乙, in: inbox)
        try makeEntry(named: GBKNames.乙 + Array("/申报书.docx".utf8), in: inbox, copying: sample)

        for found in [SubmissionFinder.find(in: [inbox]).skipped, InputFiles.expand([inbox], extensions: ["docx"]).skipped] {
            #expect(found.map(\.file) == [folder, book], "\(found)")
            #expect(found.allSatisfy { $0.code == "read.unreadable" })
            #expect(found.first?.message.hasPrefix("文件夹名不是 UTF-8 编码，按 GBK 编码读作「乙」") == true, "\(found)")
            #expect(found.last?.message.hasPrefix("文件名不是 UTF-8 编码，按 GBK 编码读作「十堰蓝海申报书.docx」") == true, "\(found)")
        }
        #expect(SubmissionFinder.find(in: [inbox]).submissions.flatMap(\.books) == [inbox + "/甲/申报书.docx"])
        #expect(InputFiles.expand([inbox], extensions: ["docx"]).files == [inbox + "/甲/申报书.docx"])
    }

    /// A folder deeper than the walk goes is reported, not passed over in silence.
    @Test func aFolderTooDeepIsReported() throws {
        let root = try makeTemporaryFolderURL("finder-deep").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let deepest = (1...32).map(String.init).joined(separator: "/")
        try Self.makeFolders([deepest], under: root)
        let found = SubmissionFinder.find(in: [root])
        #expect(found.submissions.isEmpty)
        #expect(found.skipped.map(\.file) == [root + "/" + deepest], "\(found.skipped)")
        #expect(found.skipped.first?.message == "文件夹层级超过 32 层，其中的文件未查看")
    }
}
