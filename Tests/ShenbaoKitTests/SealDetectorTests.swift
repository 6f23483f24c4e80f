import CPoppler
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

/// Seals drawn at test time with Ghostscript (PostScript) onto the LibreOffice export of
/// `Fixtures/pdf/application_form.docx`, as a stamped text PDF and as a scan of it.
@Suite struct SealDetectorTests {
    static let hasGhostscript = systemTool("gs") != nil

    func expectSeal(_ seal: Seal, kind: Seal.Kind, x: Double, y: Double, diameter: Double, tolerance: Double) {
        #expect(seal.kind == kind)
        #expect(abs(seal.centreMM.x - x) <= tolerance, "centre x \(seal.centreMM.x) mm, drawn at \(x)")
        #expect(abs(seal.centreMM.y - y) <= tolerance, "centre y \(seal.centreMM.y) mm, drawn at \(y)")
        #expect(abs(seal.diameterMM - diameter) <= tolerance, "diameter \(seal.diameterMM) mm, drawn \(diameter)")
        // Points and millimetres describe the same box.
        #expect(abs(seal.bounds.midX * 25.4 / 72 - seal.centreMM.x) < 0.01)
    }

    @Test(.enabled(if: hasGhostscript, "ghostscript not installed"))
    func roundSealOnATextPDFAndOnItsScan() throws {
        let folder = try makeTemporaryFolderURL("seal")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 42 mm seal over the applicant's name on page 1 of three.
        let pdf = try StampedScans.stamped([0: "75 40 42 \(StampedScans.red) roundseal"], copies: 3, in: folder, name: "round", source: PDFFixture.path("application_form.pdf"))
        let seals = try SealDetector.seals(in: pdf)
        #expect(seals.count == 1, "\(seals)")
        let seal = try #require(seals.first)
        #expect(seal.page == 1)
        expectSeal(seal, kind: .round, x: 75, y: 40, diameter: 42, tolerance: 2)
        #expect(seal.outlineCoverage > 0.9)
        // The stamped page paints red; the two others only greys, and are not rendered for the same seals.
        let read = try PDFReader.read(path: pdf)
        #expect(read.greyPages == [2, 3])
        #expect(try SealDetector.seals(in: pdf, greyPages: read.greyPages) == seals)

        let scan = try StampedScans.scanned(pdf, in: folder)
        let document = try PDFReader.read(path: scan)
        #expect(document.scanned && document.pageCount == 3)
        let scannedSeals = try SealDetector.seals(in: scan)
        #expect(scannedSeals.count == 1, "\(scannedSeals)")
        let scannedSeal = try #require(scannedSeals.first)
        #expect(scannedSeal.page == 1)
        // Turned by 1° about the page centre: the seal moves by up to about 2.5 mm.
        expectSeal(scannedSeal, kind: .round, x: 75, y: 40, diameter: 42, tolerance: 4)
    }

    @Test(.enabled(if: hasGhostscript, "ghostscript not installed"))
    func squareSealBesideARoundOne() throws {
        let folder = try makeTemporaryFolderURL("seal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try StampedScans.stamped([0: "60 235 42 \(StampedScans.red) roundseal 150 235 20 squareseal"], copies: 1, in: folder, name: "square", source: PDFFixture.path("application_form.pdf"))
        let seals = try SealDetector.seals(in: pdf).sorted { $0.centreMM.x < $1.centreMM.x }
        #expect(seals.map(\.kind) == [.round, .square], "\(seals)")
        guard seals.count == 2 else { return }
        expectSeal(seals[0], kind: .round, x: 60, y: 235, diameter: 42, tolerance: 2)
        expectSeal(seals[1], kind: .square, x: 150, y: 235, diameter: 20, tolerance: 2)
    }

    @Test func unstampedBookHasNoSeal() throws {
        #expect(try SealDetector.seals(in: PDFFixture.path("application_form.pdf")).isEmpty)
        #expect(try SealDetector.seals(in: PDFFixture.path("checkboxes_pagebreak.pdf")).isEmpty)
    }

    @Test(.enabled(if: hasGhostscript, "ghostscript not installed"))
    func redHeadingsRulesAndOtherRingsAreNoSeals() throws {
        let folder = try makeTemporaryFolderURL("seal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let heading = """
            gsave \(StampedScans.red) setrgbcolor /NimbusSans-Bold findfont 30 scalefont setfont
            40 mm pageh 20 mm sub moveto (SHENBAO BUREAU) show
            2 setlinewidth 20 mm pageh 27 mm sub moveto 175 mm 0 rlineto stroke
            /NimbusSans-Bold findfont 40 scalefont setfont 70 mm pageh 250 mm sub moveto (NOTICE) show
            /NimbusSans-Regular findfont 12 scalefont setfont 30 mm pageh 200 mm sub moveto (Submit the stamped scan by 30 June) show
            0.8 setlinewidth 30 mm pageh 201.5 mm sub moveto 75 mm 0 rlineto stroke grestore
            """
        let rings = """
            60 80 42 0 0 0 roundseal 150 80 42 0.1 0.2 0.75 roundseal
            60 160 12 \(StampedScans.red) roundseal 150 160 42 reddisc
            gsave \(StampedScans.red) setrgbcolor 0.5 setlinewidth 100 mm pageh 220 mm sub 4 mm 4 mm rectstroke grestore
            """
        let pdf = try StampedScans.stamped([0: heading, 1: rings], copies: 2, in: folder, name: "decoys", source: PDFFixture.path("application_form.pdf"))
        #expect(try SealDetector.seals(in: pdf).isEmpty)
    }

    /// Every PDF of the public corpus, the fixtures and the samples: a page the reader finds grey has no red pixel
    /// when rendered as the seal detector renders it, and there are such pages (the check is not empty).
    @Test func greyPagesRenderWithoutRedInk() throws {
        let folders = [PDFFixture.folder.path, packageRoot() + "/Samples"] + (Corpus.root.map { [$0] } ?? [])
        let paths = folders.flatMap { folder in
            (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { $0.lowercased().hasSuffix(".pdf") }.map { folder + "/" + $0 }
        }.sorted()
        var grey = 0, coloured = 0
        for path in paths {
            guard let document = try? PDFReader.read(path: path), let pdf = try? PopplerDocument(path: path) else { continue }
            coloured += (document.pageCount ?? 0) - document.greyPages.count
            for number in document.greyPages.sorted() {
                grey += 1
                let red = pdf.withPage(number - 1) { page -> Int in
                    var width = 0.0, height = 0.0
                    poppler_page_get_size(page, &width, &height)
                    return PageRenderer.withImage(of: page, width: width, height: height, scale: SealDetector.scale,
                                                  maximumPixels: SealDetector.maximumPixels) { image in
                        RedInkMap(image).bits.reduce(0) { $0 + Int($1) }
                    } ?? 0
                }
                #expect(red == 0, "\(path) page \(number): \(red ?? -1) red pixels on a page read as grey")
            }
        }
        #expect(grey >= 50 && coloured >= 10, "\(grey) grey and \(coloured) other pages in \(paths.count) PDFs")
    }

    @Test func badInputThrowsInsteadOfTrapping() throws {
        let folder = try makeTemporaryFolderURL("seal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let junk = folder.appendingPathComponent("junk.pdf").path
        FileManager.default.createFile(atPath: junk, contents: Data("%PDF-1.4\nnot really".utf8))
        #expect(throws: ReadError.self) { try SealDetector.seals(in: junk) }
        #expect(throws: ReadError.self) { try SealDetector.seals(in: folder.appendingPathComponent("missing.pdf").path) }
    }
}
