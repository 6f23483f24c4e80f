import Foundation
import ShenbaoTestSupport
import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoSpec
@testable import ShenbaoReaders
@testable import ShenbaoExtraction
@testable import ShenbaoStatistics
@testable import ShenbaoValidation
@testable import ShenbaoWriters
@testable import ShenbaoPipeline

/// The stamped copy beside a Word book: seals drawn by Ghostscript onto a sample book's LibreOffice
/// PDF (an e-seal on a text PDF), and a scan of it (150 dpi JPEG pages, turned ±1°, specks); the
/// submission is validated as `shenbao validate` does, and the call's `submission.seals` decide which
/// pages must carry a seal (hubei: the cover's 申报单位（加盖公章）, the 承诺书's 申请单位（盖章）).
@Suite(.enabled(if: SealDetectorTests.hasGhostscript)) struct StampedCopyTests {
    static let book = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02"
    static let seal = "120 70 42 \(StampedScans.red) roundseal"

    /// A submission folder holding the sample Word book and `pdf` as its stamped copy; its findings.
    func findings(withCopy pdf: String, in folder: URL) throws -> [Finding] {
        let submission = folder.appendingPathComponent("申报材料")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.book + ".docx", toPath: submission.appendingPathComponent("申报书.docx").path)
        try FileManager.default.copyItem(atPath: pdf, toPath: submission.appendingPathComponent("申报书.pdf").path)
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let report = BatchValidator(specs: specs, today: "2026-12-02").validate(paths: [submission.path], jobs: 1)
        return report.submissions.flatMap { $0.findings }
    }

    func lastPage(_ pdf: String) throws -> Int {
        try #require(try DocumentReader.read(path: pdf).pageCount)
    }

    @Test func everyRequiredSealFoundOnATextPDFAndOnItsScan() throws {
        let folder = try makeTemporaryFolderURL("stamped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.book + ".pdf"
        let last = try lastPage(source)
        let stamped = try StampedScans.stamped([0: Self.seal, last - 1: Self.seal], copies: 1, in: folder,
                                                    name: "stamped", source: source)
        let scanFolder = folder.appendingPathComponent("scan")
        try FileManager.default.createDirectory(at: scanFolder, withIntermediateDirectories: true)
        let scan = try StampedScans.scanned(stamped, in: scanFolder)
        for (what, copy) in [("e-seal text PDF", stamped), ("scan", scan)] {
            let runFolder = folder.appendingPathComponent(what)
            let found = try findings(withCopy: copy, in: runFolder)
            let seals = found.filter { $0.rule == "submission.seal-found" }
            #expect(seals.map { $0.location?.page } == [1, last], "\(what): \(found.map(\.message))")
            #expect(!found.contains { $0.rule == "submission.seal-missing" || $0.rule == "submission.scan-pages-missing" },
                    "\(what): \(found.map(\.message))")
        }
    }

    @Test func aCopyWithoutTheDeclarationSealIsReported() throws {
        let folder = try makeTemporaryFolderURL("stamped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.book + ".pdf"
        let last = try lastPage(source)
        let coverOnly = try StampedScans.stamped([0: Self.seal], copies: 1, in: folder, name: "cover", source: source)
        let scanFolder = folder.appendingPathComponent("scan")
        try FileManager.default.createDirectory(at: scanFolder, withIntermediateDirectories: true)
        let scan = try StampedScans.scanned(coverOnly, in: scanFolder)
        for (what, copy) in [("text PDF", coverOnly), ("scan", scan)] {
            let found = try findings(withCopy: copy, in: folder.appendingPathComponent(what))
            let missing = found.filter { $0.rule == "submission.seal-missing" }
            #expect(missing.count == 1, "\(what): \(found.map(\.message))")
            #expect(missing.first?.location?.page == last)
            #expect(missing.first?.message.contains("申请单位（盖章）") == true)
        }
        // An unstamped copy misses both seals.
        let unstamped = try findings(withCopy: source, in: folder.appendingPathComponent("unstamped"))
        #expect(unstamped.filter { $0.rule == "submission.seal-missing" }.compactMap { $0.location?.page } == [1, last])
    }

    @Test func aScanWithoutItsDeclarationPageIsReported() throws {
        let folder = try makeTemporaryFolderURL("stamped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.book + ".pdf"
        let last = try lastPage(source)
        // The 承诺书 page dropped: Ghostscript prints every page but the last.
        let shortened = folder.appendingPathComponent("short.pdf").path
        try runQuietly(try #require(systemTool("gs")),
                                  ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-dFirstPage=1",
                                   "-dLastPage=\(last - 1)", "-o", shortened, source], in: folder)
        let stamped = try StampedScans.stamped([0: Self.seal], copies: 1, in: folder, name: "stamped", source: shortened)
        let scan = try StampedScans.scanned(stamped, in: folder)
        let found = try findings(withCopy: scan, in: folder.appendingPathComponent("run"))
        #expect(found.contains { $0.rule == "submission.scan-pages-missing" && $0.message.contains("承诺书") }, "\(found.map(\.message))")
    }

    @Test func aScanWithoutASectionsPageIsReported() throws {
        let folder = try makeTemporaryFolderURL("stamped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.book + ".pdf"
        let last = try lastPage(source)
        // Page 3 (三、工业模型项目内容) left out; the seals stay on the cover and the 承诺书.
        let shortened = folder.appendingPathComponent("short.pdf").path
        let pages = (1...last).filter { $0 != 3 }.map(String.init).joined(separator: ",")
        try runQuietly(try #require(systemTool("gs")),
                       ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-sPageList=\(pages)", "-o", shortened, source], in: folder)
        let stamped = try StampedScans.stamped([0: Self.seal, last - 2: Self.seal], copies: 1, in: folder, name: "stamped", source: shortened)
        let scan = try StampedScans.scanned(stamped, in: folder)
        let found = try findings(withCopy: scan, in: folder.appendingPathComponent("run"))
        let missing = found.filter { $0.rule == "submission.scan-pages-missing" }
        #expect(missing.map(\.message).contains { $0.contains("三、工业模型项目内容") }, "\(found.map(\.message))")
        #expect(!missing.contains { $0.message.contains("一、单位基本情况表") || $0.message.contains("承诺书") }, "\(missing.map(\.message))")
    }
}

/// Digital signatures made by pyHanko (`Fixtures/pdf/make_signed_fixture.py`), read through poppler offline.
@Suite struct DigitalSignatureTests {
    @Test func aSignedPDFReportsItsSignerAndAChangedOneIsCaught() throws {
        let signed = DigitalSignature.signatures(in: try PopplerDocument(path: PDFFixture.path("signed.pdf")))
        #expect(signed.count == 1)
        #expect(signed.first?.signer == "宜昌融智软件股份有限公司" && signed.first?.status == .valid, "\(signed)")
        #expect(signed.first?.signedAt?.hasPrefix("2026-") == true)
        let changed = DigitalSignature.signatures(in: try PopplerDocument(path: PDFFixture.path("signed-changed.pdf")))
        #expect(changed.map(\.status) == [.changedAfterSigning])
        #expect(DigitalSignature.signatures(in: try PopplerDocument(path: PDFFixture.path("application_form.pdf"))).isEmpty)
    }

    @Test func signaturesBecomeFindingsOfTheStampedCopy() throws {
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let spec = try #require(specs.first { $0.id == "hubei-industrial-model-2026" })
        func findings(_ fixture: String) throws -> [Finding] {
            let path = PDFFixture.path(fixture)
            let copy = StampedCopy.inspect(path: path, document: try DocumentReader.read(path: path), declarationTitles: ["承诺书"])
            let outcome = SubmissionOutcome(submission: Submission(folder: "/x", files: [path]),
                                            books: [BookOutcome(file: path, record: Record(call: spec.id, file: path), stamped: copy)],
                                            findings: [])
            return SealRule().check(outcome, spec: spec)
        }
        let valid = try findings("signed.pdf").filter { $0.rule.hasPrefix("submission.signature") }
        #expect(valid.map(\.rule) == ["submission.signature"] && valid.first?.message.contains("宜昌融智软件股份有限公司") == true)
        let changed = try findings("signed-changed.pdf").filter { $0.rule.hasPrefix("submission.signature") }
        #expect(changed.map(\.rule) == ["submission.signature-invalid"] && changed.first?.severity == .warning)
        #expect(changed.first?.message.contains("签名后被修改") == true)
    }
}
