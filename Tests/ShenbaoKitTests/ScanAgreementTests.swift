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

/// The programs the stamped-scan tests run.
let scanToolsPresent = ["soffice", "gs", "convert", "python3"].allSatisfy { systemTool($0) != nil } && TextRecognizer.dataFolder() != nil

/// Stamped scans compared with their Word book by OCR (`submission.scan-mismatch`), and a scan read on its
/// own (`extract`'s `ocr`). The books are generated (`make_books.py`, seed 7), altered with python-docx into
/// other versions (another 单位名称, 统一社会信用代码 or 模型名称), printed to PDF by LibreOffice, then stamped
/// and scanned by two tool chains: Ghostscript (the seals and scan of `SealDetectorTests`) and ImageMagick
/// (a seal image with real type, set over the applicant's name, pages rendered at 200 dpi, turned 0.7°,
/// Gaussian noise, blurred, JPEG 60 — settings not tuned on); the same image also as an electronic seal
/// painted onto the text PDF.
@Suite(.serialized, .enabled(if: scanToolsPresent, "needs LibreOffice, Ghostscript, ImageMagick, python-docx and tesseract-ocr-chi-sim"))
struct ScanAgreementTests {
    static let call = "hubei-industrial-model-2026"

    /// A generated book and other versions of it, each printed to PDF.
    struct Books {
        var folder: URL
        var word: String
        var fields: [String: Any]
        /// Version name → its LibreOffice PDF.
        var pdfs: [String: String]
        /// Version name → the key field it changes.
        static let changes = ["other-name": "org.name", "other-uscc": "org.uscc", "other-model": "model.name"]
    }

    /// Replaces text in every paragraph and table cell of a .docx (python-docx), whatever its runs.
    static let replaceScript = """
        import sys, docx
        source, target = sys.argv[1], sys.argv[2]
        pairs = list(zip(sys.argv[3::2], sys.argv[4::2]))
        document = docx.Document(source)
        def paragraphs(container):
            for paragraph in container.paragraphs:
                yield paragraph
            for table in container.tables:
                for row in table.rows:
                    for cell in row.cells:
                        yield from paragraphs(cell)
        for paragraph in paragraphs(document):
            text = paragraph.text
            for old, new in pairs:
                text = text.replace(old, new).replace(old.lower(), new)
            if text != paragraph.text and paragraph.runs:
                paragraph.runs[0].text = text
                for run in paragraph.runs[1:]:
                    run.text = ""
        document.save(target)
        """

    static func makeBooks(in folder: URL) throws -> Books {
        let root = packageRoot()
        try OCRScanTests.run("/usr/bin/env", ["python3", root + "/Samples/tools/make_books.py", "--call", call, "--seed", "7",
                                              "--count", "1", "--out", folder.path], home: nil, in: root)
        let docx = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".docx") })
        let stem = String(docx.dropLast(5))
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(stem + ".expected.json")))
        let fields = try #require((expected as? [String: Any])?["fields"] as? [String: Any])
        let word = folder.appendingPathComponent("book.docx").path
        try FileManager.default.moveItem(atPath: folder.appendingPathComponent(docx).path, toPath: word)

        // Another valid code: one digit of the organisation code changed, the check character recomputed.
        let uscc = try #require(fields["org.uscc"] as? String).uppercased()
        var first17 = Array(uscc.prefix(17))
        first17[12] = first17[12] == "3" ? "4" : "3"
        let otherCode = String(first17) + String(try #require(UnifiedSocialCreditCode.checkCharacter(for: String(first17))))
        let replacements = [
            "other-name": [try #require(fields["org.name"] as? String), "荆州楚天数控科技有限公司"],
            "other-uscc": [uscc, otherCode],
            "other-model": [try #require(fields["model.name"] as? String), "设备故障预测模型"],
        ]
        let script = folder.appendingPathComponent("replace.py").path
        try replaceScript.write(toFile: script, atomically: true, encoding: .utf8)
        for (version, pair) in replacements {
            try OCRScanTests.run("/usr/bin/env", ["python3", script, word, folder.appendingPathComponent(version + ".docx").path] + pair,
                                 home: nil, in: folder.path)
        }
        let versions = ["book"] + replacements.keys.sorted()
        try OCRScanTests.run(try #require(systemTool("soffice")),
                             ["--headless", "-env:UserInstallation=file://\(folder.path)/lo-profile", "--convert-to", "pdf",
                              "--outdir", folder.path] + versions.map { folder.appendingPathComponent($0 + ".docx").path },
                             home: folder)
        var pdfs: [String: String] = [:]
        for version in versions {
            let pdf = folder.appendingPathComponent(version + ".pdf").path
            try #require(FileManager.default.fileExists(atPath: pdf), "LibreOffice wrote no PDF for \(version)")
            pdfs[version] = pdf
        }
        return Books(folder: folder, word: word, fields: fields, pdfs: pdfs)
    }

    /// The Ghostscript chain: seals drawn on the cover and the last page, then a 150-dpi JPEG scan.
    static func ghostscriptScan(_ pdf: String, name: String, in folder: URL) throws -> String {
        let work = folder.appendingPathComponent("gs-" + name)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let pages = try #require(try DocumentReader.read(path: pdf).pageCount)
        let stamped = try StampedScans.stamped([0: StampedCopyTests.seal, pages - 1: StampedCopyTests.seal], copies: 1,
                                                    in: work, name: "stamped", source: pdf)
        return try StampedScans.scanned(stamped, in: work)
    }

    /// The ImageMagick chain: a seal image (ring, star, the company's name set in Noto Sans CJK along the
    /// ring) over the applicant's name on the cover and on the last page; pages rendered by Ghostscript at
    /// 200 dpi; each turned 0.7°, noised, blurred and saved as JPEG 60; wrapped into a PDF.
    static func imageMagickScan(_ pdf: String, company: String, in folder: URL) throws -> String {
        let work = folder.appendingPathComponent("im-" + ((pdf as NSString).lastPathComponent as NSString).deletingPathExtension)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let convert = try #require(systemTool("convert")), gs = try #require(systemTool("gs"))
        try makeSealImage(company: company, in: work)
        try runQuietly(gs, ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=png16m", "-r200", "-o", "page-%d.png", pdf], in: work)
        var jpegs: [Data] = []
        var page = 1
        while FileManager.default.fileExists(atPath: work.appendingPathComponent("page-\(page).png").path) { page += 1 }
        let count = page - 1
        try #require(count > 1, "Ghostscript rendered no pages")
        for page in 1...count {
            var arguments = ["page-\(page).png"]
            if page == 1 || page == count { arguments += ["seal.png", "-gravity", "northwest", "-geometry", "+700+480", "-composite"] }
            arguments += ["-background", "white", "-rotate", "0.7", "-attenuate", "0.5", "+noise", "Gaussian", "-blur", "0x0.5",
                          "-gravity", "center", "-crop", "1654x2339+0+0", "+repage", "-quality", "60", "scan-\(page).jpg"]
            try runQuietly(convert, arguments, in: work)
            jpegs.append(try Data(contentsOf: work.appendingPathComponent("scan-\(page).jpg")))
        }
        let output = work.appendingPathComponent("scan.pdf").path
        try #require(FileManager.default.createFile(atPath: output, contents: try TestPDF.images(jpegs, dpi: 200)))
        return output
    }

    /// A seal image drawn by ImageMagick into `seal.png` (340 px square, transparent outside the ink): a ring,
    /// a star and `company` set in Noto Sans CJK along the ring.
    static func makeSealImage(company: String, in work: URL) throws {
        let convert = try #require(systemTool("convert"))
        let font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
        let red = "rgb(220,30,40)"
        try runQuietly(convert, ["-background", "none", "-fill", red, "-font", font, "-pointsize", "40", "label:" + company,
                                 "-distort", "Arc", "250 0 120", "-resize", "250x", "arc.png"], in: work)
        try runQuietly(convert, ["-size", "340x340", "xc:none", "-fill", "none", "-stroke", red, "-strokewidth", "10",
                                 "-draw", "circle 170,170 170,8", "-fill", red, "-stroke", "none",
                                 "-draw", "polygon 170,120 181,153 216,153 188,173 198,206 170,186 142,206 152,173 124,153 159,153",
                                 "arc.png", "-gravity", "north", "-geometry", "+0+28", "-composite", "seal.png"], in: work)
        try #require(FileManager.default.fileExists(atPath: work.appendingPathComponent("seal.png").path), "ImageMagick drew no seal")
    }

    /// PostScript that paints the ImageMagick seal image as an electronic seal does: its ink only (a mask
    /// from the image's alpha, made by ImageMagick as PBM), in red, `diameter` mm wide, centred at x, y mm.
    static func electronicSeal(in work: URL, x: Double, y: Double, diameter: Double) throws -> String {
        let convert = try #require(systemTool("convert"))
        try runQuietly(convert, ["seal.png", "-alpha", "extract", "-threshold", "50%", "-negate", "seal.pbm"], in: work)
        let pbm = try Data(contentsOf: work.appendingPathComponent("seal.pbm"))
        // P4 header: magic, width, height, one whitespace, then rows of bits padded to bytes (as imagemask reads them).
        let header = String(decoding: pbm.prefix(32), as: UTF8.self).split(whereSeparator: \.isWhitespace).prefix(3).map(String.init)
        let width = try #require(Int(header[1])), height = try #require(Int(header[2]))
        let bits = pbm.suffix(((width + 7) / 8) * height)
        let hex = bits.map { String(format: "%02x", $0) }.joined()
        return "gsave \(x) \(y) at \(StampedScans.red) setrgbcolor \(diameter) -2 div mm \(diameter) -2 div mm translate "
            + "\(diameter) mm \(diameter) mm scale \(width) \(height) true [\(width) 0 0 -\(height) 0 \(height)] <\(hex)> imagemask grestore"
    }

    /// The findings of a submission holding `word` and `copy` as its stamped PDF.
    static func findings(word: String, copy: String, in folder: URL) throws -> [Finding] {
        let submission = folder.appendingPathComponent("申报材料")
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: word, toPath: submission.appendingPathComponent("申报书.docx").path)
        try FileManager.default.copyItem(atPath: copy, toPath: submission.appendingPathComponent("申报书.pdf").path)
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let report = BatchValidator(specs: specs, today: "2026-12-02").validate(paths: [submission.path], jobs: 1)
        return report.submissions.flatMap { $0.findings }
    }

    static let stampRules: Set<String> = ["submission.seal-missing", "submission.scan-pages-missing", "submission.scan-mismatch",
                                          "submission.stamp-unchecked", "submission.scan-unchecked"]

    @Test func aScanOfTheSameBookPassesAndScansOfOtherVersionsNameTheChangedField() throws {
        let folder = try makeTemporaryFolderURL("scan-versions")
        defer { try? FileManager.default.removeItem(at: folder) }
        let books = try Self.makeBooks(in: folder)
        for (version, pdf) in books.pdfs.sorted(by: { $0.key < $1.key }) {
            let scan = try Self.ghostscriptScan(pdf, name: version, in: folder)
            let found = try Self.findings(word: books.word, copy: scan, in: folder.appendingPathComponent("run-" + version))
            let stamp = found.filter { Self.stampRules.contains($0.rule) }
            #expect(found.filter { $0.rule == "submission.seal-found" }.count == 2, "\(version): \(found.map(\.message))")
            guard let changed = Books.changes[version] else {
                #expect(stamp.isEmpty, "the book's own scan: \(stamp.map(\.message))")
                continue
            }
            let mismatches = stamp.filter { $0.rule == "submission.scan-mismatch" }
            #expect(mismatches.map(\.field) == [changed], "\(version): \(stamp.map(\.message))")
            #expect(mismatches.first?.message.contains("「\(books.fields[changed] as? String ?? "?")」") == true)
            #expect(!stamp.contains { $0.rule != "submission.scan-mismatch" }, "\(version): \(stamp.map(\.message))")
        }
        // The text PDF of another version is compared on its own text, by the same rule, as an error.
        let textCopy = try Self.findings(word: books.word, copy: try #require(books.pdfs["other-uscc"]),
                                         in: folder.appendingPathComponent("run-text"))
        let textMismatch = textCopy.filter { $0.rule == "submission.scan-mismatch" }
        #expect(textMismatch.map(\.field) == ["org.uscc"] && textMismatch.first?.severity == .error, "\(textCopy.map(\.message))")
    }

    @Test func stampedCopiesMadeWithImageMagickAreCheckedTheSameWay() throws {
        let folder = try makeTemporaryFolderURL("scan-imagemagick")
        defer { try? FileManager.default.removeItem(at: folder) }
        let books = try Self.makeBooks(in: folder)
        let company = try #require(books.fields["org.name"] as? String)
        let own = try Self.imageMagickScan(try #require(books.pdfs["book"]), company: company, in: folder)
        let found = try Self.findings(word: books.word, copy: own, in: folder.appendingPathComponent("run-own"))
        let pages = try #require(try DocumentReader.read(path: own).pageCount)
        #expect(found.filter { $0.rule == "submission.seal-found" }.compactMap { $0.location?.page } == [1, pages],
                "\(found.map(\.message))")
        #expect(!found.contains { Self.stampRules.contains($0.rule) }, "\(found.map(\.message))")

        let other = try Self.imageMagickScan(try #require(books.pdfs["other-name"]), company: "荆州楚天数控科技有限公司", in: folder)
        let otherFound = try Self.findings(word: books.word, copy: other, in: folder.appendingPathComponent("run-other"))
        #expect(otherFound.filter { $0.rule == "submission.scan-mismatch" }.map(\.field) == ["org.name"], "\(otherFound.map(\.message))")
    }

    @Test func anElectronicSealImageOnATextPDFIsFound() throws {
        let folder = try makeTemporaryFolderURL("scan-eseal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let books = try Self.makeBooks(in: folder)
        let pdf = try #require(books.pdfs["book"])
        try Self.makeSealImage(company: try #require(books.fields["org.name"] as? String), in: folder)
        let seal = try Self.electronicSeal(in: folder, x: 120, y: 70, diameter: 42)
        let pages = try #require(try DocumentReader.read(path: pdf).pageCount)
        let stamped = try StampedScans.stamped([0: seal, pages - 1: seal], copies: 1, in: folder, name: "e-sealed", source: pdf)
        let found = try Self.findings(word: books.word, copy: stamped, in: folder.appendingPathComponent("run"))
        #expect(found.filter { $0.rule == "submission.seal-found" }.compactMap { $0.location?.page } == [1, pages], "\(found.map(\.message))")
        #expect(!found.contains { Self.stampRules.contains($0.rule) }, "\(found.map(\.message))")
    }

    @Test func aScanOnItsOwnIsReadByOCRAndMarkedSo() throws {
        let folder = try makeTemporaryFolderURL("scan-alone")
        defer { try? FileManager.default.removeItem(at: folder) }
        let books = try Self.makeBooks(in: folder)
        let scan = try Self.ghostscriptScan(try #require(books.pdfs["book"]), name: "alone", in: folder)
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let record = try BookExtractor(specs: specs).extract(path: scan).get()
        #expect(record.scanned && record.call == Self.call && record.fields.isEmpty)
        let ocr = try #require(record.ocr)
        #expect(ocr.pages.map(\.page) == [1, 2, 3] && ocr.confidence > 50)
        // What it read is the book's: the code exactly (taken only when its check character validates), names
        // within OCR's tolerance; what it could not confirm it left out. On this scan the seal covers the name.
        #expect(ocr.fields["org.uscc"]?.text == (books.fields["org.uscc"] as? String)?.uppercased(), "\(ocr.fields)")
        #expect(ocr.fields["cover.recommender"] != nil, "\(ocr.fields)")
        for (id, read) in ocr.fields where id != "org.uscc" {
            let expected = try #require(books.fields[id] as? String)
            #expect(TolerantMatch.contains(expected, in: read.text), "\(id): \(read.text) ≠ \(expected)")
        }
        let line = RecordJSONWriter.line(for: record)
        #expect(line.contains("\"scanned\":true") && line.contains("\"ocr\":{") && line.contains("\"fields\":{}"))
        let outcome = BatchValidator(specs: specs, today: "2026-12-02").validateBook(path: scan)
        #expect(outcome.findings.filter { $0.rule == "read.ocr-field" }.count == ocr.fields.count, "\(outcome.findings.map(\.message))")
        #expect(outcome.findings.contains { $0.rule == "read.scanned" && $0.severity == .warning })

        // Listed in the 汇总表 with what OCR read, each such cell marked, and a note saying so.
        let spec = try #require(specs.first { $0.id == Self.call })
        let summary = try SummarySpec.load(for: spec)
        let table = SummaryBuilder(call: spec, spec: summary).build(records: [record])
        try #require(table.rows.count == 1, "\(table.rows)")
        #expect(table.rows[0][try #require(table.headers.firstIndex(of: "市州"))] == "宜昌市", "\(table.rows)")
        for (header, cell) in zip(table.headers, table.rows[0]) where !["序号", "市州"].contains(header) && !cell.isEmpty {
            #expect(cell.hasSuffix(SummaryBuilder.ocrMark), "\(header): \(cell)")
        }
        #expect(table.notes.contains { $0.contains("文字识别") })
    }
}
