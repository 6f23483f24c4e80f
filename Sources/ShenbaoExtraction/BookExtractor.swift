import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// The reading half of the pipeline for one file: read it (DOCX or PDF), decide its call, extract.
public struct BookExtractor: Sendable {
    public let specs: [CallSpec]
    /// The call every book is read as (`--call`), or nil to detect each book's call.
    public let forcedCall: CallSpec?
    /// One extractor per call, made on the call's first book and kept: a call's catalogue keys are not worked out
    /// again for each book, nor before the first (a batch of one call's books never works out the others').
    private let extractors = ExtractorCache()

    public init(specs: [CallSpec], forcedCall: CallSpec? = nil) {
        self.specs = specs
        self.forcedCall = forcedCall
    }

    /// The record of the book at `path`, or why it could not be read.
    public func extract(path: String) -> Result<Record, BookError> {
        let document: Document
        do {
            document = try DocumentReader.read(path: path)
        } catch {
            return .failure(BookError(file: path, code: error.code, message: error.message))
        }
        return extract(document)
    }

    /// The record of an already-read document.
    public func extract(_ document: Document) -> Result<Record, BookError> {
        if document.scanned {
            return .success(readScan(document))
        }
        if let spec = forcedCall ?? CallDetector.detect(document, among: specs) {
            return .success(extractors.extractor(for: spec).extract(document))
        }
        return .failure(BookError(file: document.path, code: "call.unknown", message: Self.unknownCallMessage))
    }

    /// A scan has no text to extract: its first pages are read by OCR, its call told from them (unless
    /// `--call` says), and the key fields read beside their labels kept as OCR text (`Record.ocr`).
    private func readScan(_ document: Document) -> Record {
        var record = Record(call: forcedCall?.id, file: document.path, scanned: true)
        let pages: [ScanPageText]
        do {
            pages = try ScanReader.firstPages(of: document.path)
        } catch {
            record.ocr = OCRReading(fields: [:], confidence: 0, pages: [], problem: "未能识别扫描件文字：\(error.message)")
            return record
        }
        guard let spec = forcedCall ?? CallDetector.detect(scanText: pages.map(\.text).joined(separator: "\n"), among: specs) else {
            record.ocr = OCRReading(fields: [:], confidence: 0, pages: pages)
            return record
        }
        record.call = spec.id
        record.ocr = ScanFieldReader.read(pages, spec: spec)
        return record
    }

    package static let unknownCallMessage = "无法判断这份申报书属于哪个申报类别，请用 --call 指定（可用 shenbao calls 查看）"
    package static let scannedMessage = "扫描件（无文字层），无法读取和校验字段"
}

/// A file that could not be turned into a record: which file, a stable code, a Chinese message.
public struct BookError: Error, Sendable, Equatable, Codable {
    public var file: String
    public var code: String
    public var message: String

    public init(file: String, code: String, message: String) {
        self.file = file
        self.code = code
        self.message = message
    }
}
