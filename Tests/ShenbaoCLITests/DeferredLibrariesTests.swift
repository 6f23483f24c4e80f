import Foundation
import ShenbaoTestSupport
import Testing

/// The PDF and OCR libraries — poppler-glib, and shenbao's own page reader over poppler's core with the twenty-odd
/// libraries it links — are opened by the first call into them (CDeferredLibraries), so a process that
/// reads only Word books never loads them. The dynamic loader's own trace (`LD_DEBUG=files`, on stderr) shows
/// which libraries a process loaded; `dump` reads the file in its own process.
@Suite struct DeferredLibrariesTests {
    static let book = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02"

    @Test func readingAWordBookLoadsNeitherPopplerNorTesseract() throws {
        let result = try CLIRunner.run(["dump", Self.book + ".docx"], environment: ["LD_DEBUG": "files"])
        #expect(result.exitCode == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("湖北省"), "\(result.stdout.prefix(500))")
        #expect(result.stderr.contains("libxml2"), "the trace lists the libraries loaded")
        #expect(!result.stderr.contains("libpoppler"))
        #expect(!result.stderr.contains("libShenbaoPDFPages"))
        #expect(!result.stderr.contains("libtesseract"))
    }

    @Test func readingAPDFOpensPopplerGlibAndThePageReaderOnFirstUse() throws {
        let result = try CLIRunner.run(["dump", Self.book + ".pdf"], environment: ["LD_DEBUG": "files"])
        #expect(result.exitCode == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stdout.contains("湖北省"), "\(result.stdout.prefix(500))")
        #expect(result.stderr.contains("file=libpoppler-glib.so.8 [0];  dynamically loaded"), "\(result.stderr.suffix(2000))")
        #expect(result.stderr.contains("libShenbaoPDFPages.so [0];  dynamically loaded"), "\(result.stderr.suffix(2000))")
    }
}
