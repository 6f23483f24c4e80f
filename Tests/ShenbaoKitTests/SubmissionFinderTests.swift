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
}
