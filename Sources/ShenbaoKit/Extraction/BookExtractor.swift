/// The reading half of the pipeline for one file: read it (DOCX or PDF), decide its call, extract.
public struct BookExtractor: Sendable {
    public let specs: [CallSpec]
    /// The call every book is read as (`--call`), or nil to detect each book's call.
    public let forcedCall: CallSpec?

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
        if let spec = forcedCall ?? CallDetector.detect(document, among: specs) {
            return .success(Extractor(spec: spec).extract(document))
        }
        if document.scanned {
            return .success(Record(call: nil, file: document.path, scanned: true))
        }
        return .failure(BookError(file: document.path, code: "call.unknown", message: Self.unknownCallMessage))
    }

    static let unknownCallMessage = "无法判断这份申报书属于哪个申报类别，请用 --call 指定（可用 shenbao calls 查看）"
    static let scannedMessage = "扫描件（无文字层），无法读取和校验字段"
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
