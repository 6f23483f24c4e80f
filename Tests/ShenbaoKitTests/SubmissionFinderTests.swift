import Foundation
import ShenbaoKit
import ShenbaoTestSupport
import Testing

/// How a folder's files are grouped into applicants' submissions.
@Suite struct SubmissionFinderTests {
    static let flat = packageRoot() + "/Samples/hubei-industrial-model-2026"

    @Test func aFolderOfSeveralBooksSideBySideIsOneSubmissionPerBook() {
        let submissions = SubmissionFinder.find(in: [Self.flat])
        #expect(submissions.count == 3)
        for submission in submissions {
            let stems = Set(submission.files.filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }
                .map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
            #expect(stems.count == 1, "\(submission.files)")
        }
    }

    @Test func aTrailingSlashDoesNotChangeTheGrouping() {
        let plain = SubmissionFinder.find(in: [Self.flat]).map { $0.files.map { ($0 as NSString).lastPathComponent } }
        #expect(SubmissionFinder.find(in: [Self.flat + "/"]).map { $0.files.map { ($0 as NSString).lastPathComponent } } == plain)
        #expect(SubmissionFinder.find(in: [Self.flat + "//"]).map { $0.files.map { ($0 as NSString).lastPathComponent } } == plain)
    }

    /// A link back up the tree, or a second link to a folder already read, adds no book again (each book once,
    /// not once per path a loop makes up to the depth limit).
    @Test func aFolderIsReadOnceWhateverLinksLeadToIt() throws {
        let inbox = try makeTemporaryFolderURL("finder-links").path
        defer { try? FileManager.default.removeItem(atPath: inbox) }
        let sample = Self.flat + "/" + (try FileManager.default.contentsOfDirectory(atPath: Self.flat)).sorted().first { $0.hasSuffix(".docx") }!
        for name in ["甲", "乙"] {
            try FileManager.default.createDirectory(atPath: inbox + "/" + name, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sample, toPath: inbox + "/" + name + "/申报书.docx")
        }
        try FileManager.default.createSymbolicLink(atPath: inbox + "/甲/上级", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/乙的链接", withDestinationPath: inbox + "/乙")
        let books = SubmissionFinder.find(in: [inbox]).flatMap(\.books).map { String($0.dropFirst(inbox.count)) }
        #expect(books == ["/乙/申报书.docx", "/甲/申报书.docx"], "\(books)")
    }

    /// `extract` looks through folders the same way: a linked folder outside is read, a link back up adds
    /// nothing, a hidden folder is left out.
    @Test func inputFilesFollowLinkedFoldersOnceAndSkipHiddenOnes() throws {
        let root = try makeTemporaryFolderURL("input-links").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sample = Self.flat + "/" + (try FileManager.default.contentsOfDirectory(atPath: Self.flat)).sorted().first { $0.hasSuffix(".docx") }!
        for folder in ["收件/甲", "收件/.缓存", "别处/乙"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: sample, toPath: root + "/" + folder + "/申报书.docx")
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/收件/乙", withDestinationPath: root + "/别处/乙")
        try FileManager.default.createSymbolicLink(atPath: root + "/收件/甲/上级", withDestinationPath: "..")
        let files = InputFiles.expand([root + "/收件"], extensions: ["docx"]).map { String($0.dropFirst(root.count)) }
        #expect(files == ["/收件/乙/申报书.docx", "/收件/甲/申报书.docx"], "\(files)")
    }
}
