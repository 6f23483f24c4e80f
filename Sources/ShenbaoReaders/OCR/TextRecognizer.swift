import CTesseract
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// One word (for Chinese: usually one character or a run of characters) Tesseract read, with where.
public struct RecognizedWord: Sendable, Equatable {
    public var text: String
    /// Tesseract's confidence, 0–100.
    public var confidence: Double
    /// Its box in the pixels of the image that was read (the full page image, also when a region was read).
    public var box: PixelRect
}

/// What OCR read on a page or a region of it.
public struct RecognizedText: Sendable, Equatable {
    /// UTF-8 text, lines separated by `\n`.
    public var text: String
    /// Tesseract's mean text confidence, 0–100 (0 when nothing was read).
    public var meanConfidence: Int
    /// The words with their boxes, when asked for.
    public var words: [RecognizedWord]
}

/// OCR with Tesseract (chi_sim), to **verify** known values on scanned pages (cover, 承诺书), not to
/// transcribe unknown ones: on a 150-dpi scan, a 15-character name came back with one wrong character.
/// Match what it reads with `TolerantMatch`.
///
/// Language: `chi_sim` alone. `chi_sim+eng` was measured slower (2.2 s vs 1.6 s a cover page) and worse:
/// it read a Chinese model name as English words. chi_sim reads digits and Latin letters well enough.
///
/// Threads: a `TessBaseAPI` is not thread-safe and costs ≈ 0.3 s and ~80 MB to initialise, so the process
/// has one (`shared()`), created on first use and reused for every page. Calls to `recognize` are
/// serialised by a lock: concurrent callers wait their turn (OCR is CPU-bound; on 2 cores one engine is
/// the right number). Make another `TextRecognizer()` for real parallelism — each has its own engine.
/// Tesseract's own OpenMP threads are worse than none on 2 cores (a table page: 7.9 s with them, 1.6 s
/// with `OMP_THREAD_LIMIT=1`); the worker processes are started with that limit (`Worker`).
public final class TextRecognizer: @unchecked Sendable {
    /// The Debian package that holds the recognition data.
    public static let dataPackage = "tesseract-ocr-chi-sim"
    public static let language = "chi_sim"

    private let handle: OpaquePointer
    private let lock = NSLock()

    /// Opens a Tesseract engine for `chi_sim`. Throws a Chinese `.unsupported` error naming the package
    /// when the recognition data is not installed.
    public init(dataPath: String? = nil) throws(ReadError) {
        guard let folder = dataPath ?? Self.dataFolder(),
              FileManager.default.isReadableFile(atPath: folder + "/\(Self.language).traineddata") else {
            throw ReadError.unsupported(
                "未找到中文文字识别数据（\(Self.language).traineddata），无法识别扫描件；请安装 \(Self.dataPackage)（apt-get install \(Self.dataPackage)）")
        }
        guard let api = TessBaseAPICreate() else {
            throw ReadError.unsupported("无法启动文字识别引擎（Tesseract）")
        }
        // Silence Tesseract's own messages (it prints to stderr otherwise).
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(api, folder, Self.language) == 0 else {
            TessBaseAPIDelete(api)
            throw ReadError.unsupported(
                "文字识别数据无法加载（\(folder)/\(Self.language).traineddata）；请重新安装 \(Self.dataPackage)")
        }
        _ = TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        // Chinese text has no spaces between characters; keep Tesseract from inserting them.
        _ = TessBaseAPISetVariable(api, "preserve_interword_spaces", "1")
        handle = api
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The process-wide engine, created on first use (the error is remembered, so a missing package is
    /// reported each time without retrying).
    public static func shared() throws(ReadError) -> TextRecognizer {
        try sharedResult.get()
    }

    private static let sharedResult: Result<TextRecognizer, ReadError> = {
        do throws(ReadError) { return .success(try TextRecognizer()) } catch { return .failure(error) }
    }()

    /// Where the data is: `$TESSDATA_PREFIX`, then Debian's folders for Tesseract 5 and 4.
    static func dataFolder() -> String? {
        var candidates: [String] = []
        if let prefix = ProcessInfo.processInfo.environment["TESSDATA_PREFIX"], !prefix.isEmpty {
            candidates += [prefix, prefix + "/tessdata"]
        }
        candidates += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                       "/usr/share/tessdata", "/usr/local/share/tessdata"]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0 + "/\(language).traineddata") }
    }

    /// How the page is laid out, for Tesseract's page segmentation.
    public enum Layout: Sendable {
        /// A whole page: find the blocks and lines (PSM_AUTO).
        case page
        /// One block of text, e.g. a cropped table cell or a few lines (PSM_SINGLE_BLOCK).
        case block
        /// One line (PSM_SINGLE_LINE), e.g. a heading.
        case line
    }

    /// Reads `image`, or only `region` of it, and returns the text and confidence (and the words with
    /// their boxes in `image`'s pixels when `words` is true).
    public func recognize(_ image: GreyImage, region: PixelRect? = nil, layout: Layout = .page,
                          words wantWords: Bool = false) -> RecognizedText {
        // A region is read from a crop of the image (Tesseract's own rectangle gave no text on scans).
        if let region {
            let x = max(0, min(image.width, region.x)), y = max(0, min(image.height, region.y))
            let width = max(0, min(image.width - x, region.width)), height = max(0, min(image.height - y, region.height))
            guard width > 0, height > 0 else { return RecognizedText(text: "", meanConfidence: 0, words: []) }
            var read = recognize(image.cropped(to: PixelRect(x: x, y: y, width: width, height: height)), layout: layout, words: wantWords)
            read.words = read.words.map { word in
                var word = word
                word.box.x += x
                word.box.y += y
                return word
            }
            return read
        }
        lock.lock()
        defer { lock.unlock() }
        defer { TessBaseAPIClear(handle) }
        switch layout {
        case .page: TessBaseAPISetPageSegMode(handle, PSM_AUTO)
        case .block: TessBaseAPISetPageSegMode(handle, PSM_SINGLE_BLOCK)
        case .line: TessBaseAPISetPageSegMode(handle, PSM_SINGLE_LINE)
        }
        return image.pixels.withUnsafeBufferPointer { buffer -> RecognizedText in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(handle, Int32(image.dpi))
            guard TessBaseAPIRecognize(handle, nil) == 0 else {
                return RecognizedText(text: "", meanConfidence: 0, words: [])
            }
            var text = ""
            if let raw = TessBaseAPIGetUTF8Text(handle) {
                text = String(cString: raw)
                TessDeleteText(raw)
            }
            let confidence = Int(TessBaseAPIMeanTextConf(handle))
            var words: [RecognizedWord] = []
            if wantWords, let iterator = TessBaseAPIGetIterator(handle) {
                defer { TessResultIteratorDelete(iterator) }
                let page = TessResultIteratorGetPageIteratorConst(iterator)
                repeat {
                    guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
                    let word = String(cString: raw)
                    TessDeleteText(raw)
                    var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
                    guard TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
                    words.append(RecognizedWord(
                        text: word, confidence: Double(TessResultIteratorConfidence(iterator, RIL_WORD)),
                        box: PixelRect(x: Int(left), y: Int(top), width: Int(right - left), height: Int(bottom - top))))
                } while TessResultIteratorNext(iterator, RIL_WORD) != 0
            }
            return RecognizedText(text: Self.tidy(text), meanConfidence: max(0, confidence), words: words)
        }
    }

    /// Reads a scanned page to verify values on it: cleaned first (`ScanCleaner`: specks and table rules
    /// away), laid out by Tesseract as a page, its words gathered into rows (`ScanPageText`).
    public func readScan(_ image: GreyImage, page: Int) -> ScanPageText {
        let read = recognize(ScanCleaner.cleaned(image), layout: .page, words: true)
        return ScanPageText(page: page, words: read.words, confidence: read.meanConfidence)
    }

    /// Drops the blank lines Tesseract puts between blocks and trailing spaces.
    static func tidy(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
