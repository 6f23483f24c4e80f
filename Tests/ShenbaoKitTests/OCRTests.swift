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

/// Tolerant matching of known values against OCR text.
@Suite struct OCRTolerantMatchTests {
    @Test func exactValueIsFoundWithPunctuationAndSpacesAround() throws {
        let match = try #require(TolerantMatch.find("宜昌睿视信息技术有限公司", in: "申报单位：宜昌 睿视信息技术有限公司 (加盖公章)", kind: .organisation))
        #expect(match.accepted && match.distance == 0)
        #expect(match.found == "宜昌 睿视信息技术有限公司")
    }

    @Test func oneWrongCharacterInAFifteenCharacterNameIsAccepted() throws {
        let value = "武汉光谷智能制造科技股份公司" + "一" // 15 characters, no generic ending of the list
        #expect(value.count == 15)
        let read = "申报单位 武汉光谷智能制遣科技股份公司一 (加盖公章)"
        let match = try #require(TolerantMatch.find(value, in: read))
        #expect(match.distance == 1 && match.allowed == 2 && match.accepted)
        // As an organisation name: 宜昌睿视信息技术有限公司 read with 睿 → 蹇 (seen on a 150-dpi scan).
        let company = try #require(TolerantMatch.find("宜昌睿视信息技术有限公司", in: "申报单位 宜昌蹇视信息技术有限公司 (加盖公章)",
                                                      kind: .organisation))
        #expect(company.distance == 1 && company.allowed == 1 && company.accepted)
    }

    @Test func aDifferentCompanyIsRefused() throws {
        let read = "申报单位 武汉光谷智能制造科技有限公司 (加盖公章)"
        let match = try #require(TolerantMatch.find("宜昌睿视信息技术有限公司", in: read, kind: .organisation))
        #expect(!match.accepted)
        #expect(!TolerantMatch.contains("宜昌睿视信息技术有限公司", in: read, kind: .organisation))
        // Two wrong characters in the distinctive part of a 12-character name are too many.
        #expect(!TolerantMatch.contains("宜昌睿视信息技术有限公司", in: "宜昌智慧信息技术有限公司", kind: .organisation))
        // Short values must be exact.
        #expect(TolerantMatch.allowedErrors(for: "钱子") == 0)
        #expect(!TolerantMatch.contains("钱子", in: "联系人：钱于"))
    }

    @Test func fullWidthAndSpacesAreFolded() {
        #expect(TolerantMatch.normalise("ＡＢ１２ 3，中文（测试）") == "AB123中文测试")
        #expect(TolerantMatch.contains("Qwen2.5-72B", in: "基于 qwen2 5 72b 微调"))
    }

    @Test func usccWithLetterDigitConfusionsIsAcceptedWhenTheCheckCharacterValidates() throws {
        let code = "91420500MAA137B50H"
        #expect(UnifiedSocialCreditCode.problem(in: code) == nil)
        // O for 0 (O is never in a code): repaired, validates, equals.
        let match = try #require(TolerantMatch.findUSCC(code, in: "统一社会信用代码：9142O5OOMAA137B5OH"))
        #expect(match.accepted && match.distance == 0 && match.confusions == 4)
        // 8 read for B: B and 8 are both allowed, the check character decides.
        let swapped = try #require(TolerantMatch.findUSCC(code, in: "代码 91420500MAA13 78 50H"))
        #expect(swapped.accepted && swapped.confusions == 1)
        // 1 read for a final L (seen on a scan): the check character picks L.
        #expect(try #require(TolerantMatch.findUSCC("91420200MAG8AP3H6L", in: "代码 91420200mag8ap3h61")).accepted)
        // Spaced out and full-width.
        #expect(try #require(TolerantMatch.findUSCC(code, in: "９１４２０５００ＭＡＡ１３７Ｂ５０Ｈ")).accepted)
    }

    @Test func usccThatDoesNotValidateOrDiffersIsRefused() throws {
        let code = "91420500MAA137B50H"
        // One real substitution (3 → 5): the check character fails, so it is not accepted.
        let typo = try #require(TolerantMatch.findUSCC(code, in: "91420500MAA157B50H"))
        #expect(!typo.accepted && typo.distance >= 1)
        // A different, valid code.
        let first17 = "91420100MA4K2XY2P"
        let valid = first17 + String(try #require(UnifiedSocialCreditCode.checkCharacter(for: first17)))
        #expect(UnifiedSocialCreditCode.problem(in: valid) == nil)
        let different = try #require(TolerantMatch.findUSCC(code, in: "统一社会信用代码 \(valid)"))
        #expect(!different.accepted)
        // The confusion repair cannot turn a different code into the expected one: 5 → S is repaired to 5.
        #expect(try #require(TolerantMatch.findUSCC(code, in: "91420500MAA137BS0H")).accepted)
        #expect(!(try #require(TolerantMatch.findUSCC(code, in: "91420500MAA137B60H")).accepted))
    }

    @Test func datesInTheirSpellings() throws {
        for text in ["申报日期 2026年3月21日", "申报日期：2026 年 3 月 21 日", "申报日期 2026/3/21", "2026-03-21",
                     "日期 2026.03.21", "20260321", "2O26年3月21日"] {
            let match = try #require(TolerantMatch.findDate("2026-03-21", in: text), "\(text)")
            #expect(match.accepted, "\(text)")
        }
        #expect(TolerantMatch.findDate("2026-03-21", in: "2026年3月2日") == nil)
        #expect(TolerantMatch.findDate("2026-03-21", in: "2026年3月27日") == nil)
        #expect(TolerantMatch.findDate("2026-03-21", in: "电话 2026 3 21") == nil)
        #expect(TolerantMatch.findDate("2026年3月", in: "湖北省经济和信息化厅 2026 年 3 月")?.found == "2026 年 3 月")
        #expect(TolerantMatch.findDate("2026-03-21", in: "申报日期：2026 年 3 月 21 日。")?.found == "2026 年 3 月 21 日")
    }
}

/// OCR of a real LibreOffice PDF of a generated book, as a 150-dpi scan.
@Suite(.serialized) struct OCRScanTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var toolsPresent: Bool {
        tool("soffice") != nil && tool("pdftoppm") != nil && tool("python3") != nil && TextRecognizer.dataFolder() != nil
    }

    /// Runs a tool; `home` (for LibreOffice's own files) replaces HOME, else the environment is kept
    /// (python-docx may be installed in the user's site-packages).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], home: URL?, in folder: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let home { process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"] }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: message.suffix(2000), as: UTF8.self)
    }

    struct Book {
        var pdf: String
        var fields: [String: Any]
    }

    /// Generates `count` books of the Hubei call with `seed` and exports them to PDF with LibreOffice.
    static func makeBooks(seed: Int, count: Int, in folder: URL) throws -> [Book] {
        let root = packageRoot()
        // python3 from PATH: the one python-docx is installed for.
        let log = try run("/usr/bin/env", ["python3", root + "/Samples/tools/make_books.py", "--call", "hubei-industrial-model-2026",
                                                 "--seed", "\(seed)", "--count", "\(count)", "--out", folder.path],
                home: nil, in: root)
        let docx = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }.sorted()
        try #require(docx.count == count, "make_books.py wrote \(docx.count) books: \(log)")
        try run(try #require(tool("soffice")), ["--headless", "-env:UserInstallation=file://\(folder.path)/lo-profile",
                                                "--convert-to", "pdf", "--outdir", folder.path] + docx.map { folder.path + "/" + $0 },
                home: folder)
        return try docx.map { name in
            let stem = String(name.dropLast(5))
            let pdf = folder.path + "/" + stem + ".pdf"
            try #require(FileManager.default.fileExists(atPath: pdf), "LibreOffice wrote no PDF for \(name)")
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(stem + ".expected.json")))
            let fields = try #require((expected as? [String: Any])?["fields"] as? [String: Any])
            return Book(pdf: pdf, fields: fields)
        }
    }

    /// Page `page` (1-based) of `pdf` as a colour scan at `dpi` (pdftoppm's PPM), optionally with a red seal
    /// stamped over `sealCentre` (pixels).
    static func scan(_ pdf: String, page: Int, dpi: Int, home: URL) throws -> Data {
        let prefix = home.path + "/scan-\(page)-\(dpi)"
        try run(try #require(tool("pdftoppm")), ["-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf, prefix], home: home)
        return try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm"))
    }

    /// Paints a red seal (a thick ring with a filled star-ish centre and red strokes) onto a P6 PPM.
    static func stampSeal(_ ppm: Data, centreX: Int, centreY: Int, radius: Int) -> Data {
        var bytes = [UInt8](ppm)
        let header = String(decoding: bytes.prefix(40), as: UTF8.self).split(whereSeparator: \.isWhitespace)
        let width = Int(header[1])!, height = Int(header[2])!
        // Offset of the pixels: after the 4th header token and one whitespace.
        var offset = 0, tokens = 0, inToken = false
        while tokens < 4 || inToken {
            let isSpace = [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset])
            if !isSpace && !inToken { inToken = true; tokens += 1 } else if isSpace && inToken { inToken = false; if tokens == 4 { break } }
            offset += 1
        }
        offset += 1
        for y in max(0, centreY - radius)..<min(height, centreY + radius) {
            for x in max(0, centreX - radius)..<min(width, centreX + radius) {
                let dx = Double(x - centreX), dy = Double(y - centreY), r = (dx * dx + dy * dy).squareRoot()
                let ring = r <= Double(radius) && r >= Double(radius) * 0.88
                let strokes = r < Double(radius) * 0.75 && (abs(Int(dy)) % 14 < 4 || abs(Int(dx) + Int(dy)) % 23 < 3)
                guard ring || strokes else { continue }
                let index = offset + (y * width + x) * 3
                // Seal ink multiplies the paper: black text stays black, white becomes red.
                bytes[index] = UInt8(Int(bytes[index]) * 225 / 255)
                bytes[index + 1] = UInt8(Int(bytes[index + 1]) * 35 / 255)
                bytes[index + 2] = UInt8(Int(bytes[index + 2]) * 45 / 255)
            }
        }
        return Data(bytes)
    }

    @Test(.enabled(if: toolsPresent, "needs LibreOffice, poppler-utils, python3 and tesseract-ocr-chi-sim"))
    func coverOfAScannedBookVerifiesApplicantAndDate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try #require(try Self.makeBooks(seed: 5, count: 1, in: folder).first)
        let applicant = try #require(book.fields["cover.applicant"] as? String)
        let date = try #require(book.fields["cover.date"] as? String)
        let recognizer = try TextRecognizer.shared()

        let ppm = try Self.scan(book.pdf, page: 1, dpi: 150, home: folder)
        let image = try OCRPage.readPNM(ppm, dpi: 150)
        let read = recognizer.recognize(image, words: true)
        #expect(read.meanConfidence > 0 && !read.words.isEmpty)
        let name = try #require(TolerantMatch.find(applicant, in: read.text, kind: .organisation), "\(read.text)")
        #expect(name.accepted, "\(applicant) ≠ \(name.found) (\(name.distance) > \(name.allowed)) in \(read.text)")
        let day = TolerantMatch.findDate(date, in: read.text)
        #expect(day?.accepted == true, "\(date) not in \(read.text)")

        // Where the name was read: the words that make it up, within the page.
        let nameWords = read.words.filter { word in
            let text = TolerantMatch.normalise(word.text)
            return !text.isEmpty && TolerantMatch.normalise(applicant).contains(text)
        }
        let box = try #require(nameWords.map(\.box).first)
        #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= image.width && box.y + box.height <= image.height)

        // A red seal stamped over the name: the red channel still reads it.
        let left = nameWords.map(\.box.x).min()!, right = nameWords.map { $0.box.x + $0.box.width }.max()!
        let top = nameWords.map(\.box.y).min()!, bottom = nameWords.map { $0.box.y + $0.box.height }.max()!
        let sealed = Self.stampSeal(ppm, centreX: (left + right) / 2, centreY: (top + bottom) / 2, radius: 150 * 3 / 4)
        let sealedRead = recognizer.recognize(try OCRPage.readPNM(sealed, dpi: 150))
        let underSeal = try #require(TolerantMatch.find(applicant, in: sealedRead.text, kind: .organisation))
        #expect(underSeal.accepted, "under the seal: \(underSeal.found) in \(sealedRead.text)")

        // The PDF page read as a scanned PDF's pages are (rendered, cleaned, rows) gives the same values.
        let rendered = try #require(try ScanReader.firstPages(of: book.pdf).first)
        #expect(TolerantMatch.contains(applicant, in: rendered.text, kind: .organisation), "\(rendered.text)")
        #expect(TolerantMatch.findDate(date, in: rendered.text) != nil, "\(rendered.text)")
        // A region is read alone: the top third holds the title, the bottom half does not.
        let cover = try OCRPage.render(path: book.pdf, page: 0, dpi: OCRPage.headingDPI)
        let heading = recognizer.recognize(cover, region: PixelRect(x: 0, y: 0, width: cover.width, height: cover.height / 3))
        #expect(TolerantMatch.contains("湖北省工业领域专用模型项目申报书", in: heading.text), "\(heading.text)")
        let lowerHalf = recognizer.recognize(cover, region: PixelRect(x: 0, y: cover.height / 2, width: cover.width, height: cover.height / 2))
        #expect(!TolerantMatch.contains("湖北省工业领域专用模型项目申报书", in: lowerHalf.text), "\(lowerHalf.text)")
    }

    @Test func missingRecognitionDataNamesThePackage() {
        #expect(throws: ReadError.self) { try TextRecognizer(dataPath: "/nonexistent") }
        do {
            _ = try TextRecognizer(dataPath: "/nonexistent")
        } catch {
            #expect(error.message.contains("tesseract-ocr-chi-sim"))
            #expect(error.code == "read.unsupported")
        }
    }

    /// Measurement, not a check: `OCR_MEASURE=1 swift test --filter OCRScanTests/measure` prints seconds per page
    /// and, for five books, the edit distance at which each key value was found.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["OCR_MEASURE"] == "1" && toolsPresent))
    func measure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let books = try Self.makeBooks(seed: 5, count: 5, in: folder)
        let clock = ContinuousClock()
        let initStart = clock.now
        let recognizer = try TextRecognizer.shared()
        print("OCR init: \(clock.now - initStart)")
        let keys = ["cover.applicant", "cover.model_name", "cover.recommender", "cover.date", "org.name", "org.uscc",
                    "org.address", "org.head.name", "org.filer.phone"]
        for (number, book) in books.enumerated() {
            var texts: [Int: String] = [:]
            for dpi in [150, 200] {
                for page in 1...3 {
                    let start = clock.now
                    let image = try OCRPage.readPNM(try Self.scan(book.pdf, page: page, dpi: 150, home: folder), dpi: 150)
                    let scaled = dpi == 150 ? image : try OCRPage.render(path: book.pdf, page: page - 1, dpi: dpi)
                    let prepared = clock.now
                    let read = recognizer.recognize(scaled)
                    print("book \(number + 1) page \(page) \(dpi) dpi: image \(prepared - start), OCR \(clock.now - prepared), conf \(read.meanConfidence)")
                    if dpi == 150 { texts[page, default: ""] += read.text + "\n" } else { texts[page + 10, default: ""] += read.text + "\n" }
                }
            }
            for (label, offset) in [("scan150", 0), ("render200", 10)] {
                let all = (1...3).map { texts[$0 + offset] ?? "" }.joined(separator: "\n")
                for key in keys {
                    guard let value = book.fields[key].map({ "\($0)" }) else { continue }
                    let result: TolerantMatch.Match?
                    switch key {
                    case "org.uscc": result = TolerantMatch.findUSCC(value, in: all)
                    case "cover.date": result = TolerantMatch.findDate(value, in: all)
                    case "cover.applicant", "cover.recommender", "org.name":
                        result = TolerantMatch.find(value, in: all, kind: .organisation)
                    default: result = TolerantMatch.find(value, in: all)
                    }
                    print("MEASURE \(label) book \(number + 1) \(key) len \(value.count): distance \(result.map { "\($0.distance)/\($0.allowed) conf \($0.confusions) \($0.accepted ? "ok" : "NO")" } ?? "none") [\(value)] → [\(result?.found ?? "")]")
                }
            }
        }
    }
}

/// The tolerance chosen for OCR (`TolerantMatch`), measured on scans: every key value of three sample books
/// is found in the OCR of their Ghostscript scans (150 dpi, ±1°, specks, JPEG 70), and none of the other
/// books' values is — the other 29 generated books of a seed and the samples of the call. README
/// ("Stamped copies and scans") gives the numbers that chose it.
@Suite(.enabled(if: systemTool("gs") != nil && TextRecognizer.dataFolder() != nil, "needs Ghostscript and tesseract-ocr-chi-sim"))
struct OCRToleranceTests {
    static let keyFields: [String: FieldType] = ["org.name": .text, "org.uscc": .uscc, "model.name": .text, "cover.recommender": .text]

    @Test func keyValuesOfScannedSamplesAreFoundAndOtherBooksValuesAreNot() throws {
        let folder = try makeTemporaryFolderURL("ocr-tolerance")
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = packageRoot() + "/Samples/hubei-industrial-model-2026"
        let books = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".expected.json") }.sorted()
            .map { String($0.dropLast(".expected.json".count)) }
            .filter { FileManager.default.fileExists(atPath: "\(samples)/\($0).pdf") }
        try #require(books.count >= 3)
        var values: [String: [String: String]] = [:]
        for book in books { values[book] = try Self.keyValues(at: "\(samples)/\(book).expected.json") }
        // Other books' values: 30 generated with a fixed seed.
        let generated = folder.appendingPathComponent("generated")
        try OCRScanTests.run("/usr/bin/env", ["python3", packageRoot() + "/Samples/tools/make_books.py", "--call", "hubei-industrial-model-2026",
                                              "--seed", "11", "--count", "30", "--out", generated.path], home: nil, in: packageRoot())
        var others = try FileManager.default.contentsOfDirectory(atPath: generated.path).filter { $0.hasSuffix(".expected.json") }
            .map { try Self.keyValues(at: generated.appendingPathComponent($0).path) }
        others += values.values
        try #require(others.count >= 30)

        var found = 0, total = 0, wrongAccepted: [String] = [], wrongTried = 0
        for book in books {
            let work = folder.appendingPathComponent(book)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let pages = try ScanReader.firstPages(of: try StampedScans.scanned("\(samples)/\(book).pdf", in: work))
            let text = pages.map(\.text).joined(separator: "\n")
            let own = try #require(values[book])
            for (id, type) in Self.keyFields.sorted(by: { $0.key < $1.key }) {
                guard let value = own[id] else { continue }
                total += 1
                let match = ScanEvidence.find(value, type: type, in: text)
                if match?.accepted == true { found += 1 } else { Issue.record("\(book) \(id): \(value) read as \(match?.found ?? "nothing")") }
                for other in Set(others.compactMap { $0[id] }) where other != value && !value.contains(other) && !other.contains(value) {
                    wrongTried += 1
                    if ScanEvidence.find(other, type: type, in: text)?.accepted == true { wrongAccepted.append("\(id) \(other) in \(book)") }
                }
            }
        }
        #expect(found == total && total >= 12)
        #expect(wrongAccepted.isEmpty && wrongTried >= 250, "\(wrongAccepted) of \(wrongTried)")
    }

    static func keyValues(at path: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let fields = try #require((object as? [String: Any])?["fields"] as? [String: Any])
        var values: [String: String] = [:]
        for id in keyFields.keys { if let text = fields[id] as? String { values[id] = id == "org.uscc" ? text.uppercased() : text } }
        return values
    }
}

@Suite struct OCRRepairTests {
    @Test func oneCharacterLeftOutIsAnotherNameNotAMisreading() {
        // A misread character is tolerated; a character left out (another version of the name) is not.
        #expect(TolerantMatch.contains("工业视觉检测大模型", in: "模型名称 工业视觉检测犬模型"))
        #expect(!TolerantMatch.contains("工业视觉检测模型", in: "模型名称 工业视觉检测大模型"))
        #expect(!TolerantMatch.contains("工业视觉检测大模型", in: "模型名称 工业视觉检测模型"))
    }

    @Test func aSpareCharacterInACodeIsDroppedWhereTheRestRepairsToIt() throws {
        // 91420100HH1UM2C42B read with an I after the 1 (seen at 250 dpi).
        #expect(try #require(TolerantMatch.findUSCC("91420100HH1UM2C42B", in: "代码 91420100HH1IUM2C42B")).accepted)
        // A spare character and a real substitution: refused.
        #expect(!(try #require(TolerantMatch.findUSCC("91420100HH1UM2C42B", in: "代码 91420100HH1IUM2C43B")).accepted))
    }
}
