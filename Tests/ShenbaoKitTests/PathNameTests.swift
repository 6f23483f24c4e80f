import Foundation
import Testing
@testable import ShenbaoValidation

/// File names and extensions cut by bytes are what NSString's path rules give, odd paths included.
@Suite struct PathNameTests {
    static let paths = [
        "", "/", "//", "a", ".", "..", "...", ".hidden", "a/.hidden", "a/b.docx", "a/b.DOCX", "/abs/b.Pdf", "a/b.tar.gz",
        "dir.d/file", "a/b.", "a/..", "a/b/", "a//b.pdf", "a/b.pdf/", "a/b.pdf//", "中文/申报书.docx", "申报书（盖章）.PDF",
        "x.\u{301}", "a/\u{301}b.docx", "x\u{0600}.docx", "a\u{0600}/b.pdf", "é.docx", "..x", "a...b", "a. b", "a .docx", "folder/sub.folder/", "~/file.wps", "a\\b.doc",
        "submissions/湖北-001/武汉睿视智能科技有限公司-睿视纺织印染智能配色模型.docx",
    ]

    @Test(arguments: paths)
    func namesAreNSStringsNames(path: String) {
        #expect(path.fileExtension == (path as NSString).pathExtension.lowercased())
        #expect(path.lastPathComponent == (path as NSString).lastPathComponent)
        #expect(path.fileStem == ((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
}
