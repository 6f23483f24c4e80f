import Foundation
import ShenbaoModel
import ShenbaoSpec
import ShenbaoExtraction
import ShenbaoValidation
import ShenbaoWriters

/// What a worker process does with each file path it is given: the child side of `IsolatedWorkers`.
/// Every answer is one JSON line.
public enum WorkerTask: String, Sendable, CaseIterable {
    /// `ExtractAnswer`: the book's fields, rendered as `extract` prints them.
    case extract
    /// A `BookOutcome` (its wire line): the book read and checked, without where each field was found
    /// (`BookOutcome.dropSources`: three quarters of the line, and no caller of a worker reads it).
    case validate
    /// `[Finding]`: the seals of a stamped 汇总表.
    case checkStamp = "check-stamp"
    /// `CallBookReport`: where each field of the call came from.
    case checkCall = "check-call"
    /// `Preview`: a PDF's outline or page image, or a Word book's text; each input line is a `PreviewRequest`.
    case preview

    /// One answer of an `extract` worker: the file's output and whether it was read.
    public struct ExtractAnswer: Codable, Sendable {
        public var ok: Bool
        public var out: String
        public var err: String?

        public init(ok: Bool, out: String, err: String? = nil) {
            self.ok = ok
            self.out = out
            self.err = err
        }

        /// The answer for a file whose worker gave none (it died or ran out of time).
        public init(_ error: BookError, format: String) {
            self.init(ok: false, out: Self.render(error, format: format), err: error.message)
        }

        /// How a file that could not be read is shown in each format.
        static func render(_ error: BookError, format: String) -> String {
            format == "json" ? RecordJSONWriter.line(for: error) : "== \(error.file)\n  无法读取：\(error.message)\n"
        }

        /// The answer as one line: a record's JSON line (one line already) as it is after `=`, so it is
        /// neither escaped into a string nor parsed back (a tenth of a book's time); anything else as JSON.
        var wireLine: String {
            if ok, err == nil, !out.containsByte(0x0A) { return "=" + out }
            return Answerer.line(self)
        }

        /// The answer a worker's `wireLine` carries; nil when the line is neither form.
        public init?(wireLine line: String) {
            if line.hasPrefix("=") {
                self.init(ok: true, out: String(line.dropFirst()))
            } else if let answer = try? JSONDecoder().decode(Self.self, from: Data(line.utf8)) {
                self = answer
            } else {
                return nil
            }
        }
    }

    /// Answers for one worker: the call specs, the `--call` it was given and the output format.
    public struct Answerer {
        let task: WorkerTask
        let specs: [CallSpec]
        let call: CallSpec?
        let callID: String?
        let format: String
        /// Built only for the task that uses it (a validator compiles every call's rules).
        private let extractor: BookExtractor?
        private let validator: BatchValidator?
        private let summary: SummarySpec?

        /// `validator`: the command's own, for a forked worker to answer with (none is built again).
        public init(task: WorkerTask, specs: [CallSpec], call: String?, format: String, validator: BatchValidator? = nil) {
            self.task = task
            self.specs = specs
            self.callID = call
            self.call = call.flatMap { id in specs.first { $0.id == id } }
            self.format = format
            self.extractor = task == .extract ? BookExtractor(specs: specs, forcedCall: self.call) : nil
            self.validator = task == .validate ? validator ?? BatchValidator(specs: specs, forcedCall: self.call) : nil
            self.summary = task == .checkStamp ? self.call.flatMap { try? SummarySpec.load(for: $0) } : nil
        }

        /// The one-line answer for the file at `path`.
        public func answer(_ path: String) -> String {
            switch task {
            case .preview:
                guard let request = try? JSONDecoder().decode(PreviewRequest.self, from: Data(path.utf8)) else {
                    return Self.line(Preview(error: "预览请求无法解析"))
                }
                return Self.line(FilePreview.answer(request))
            case .validate:
                var outcome = validator!.validateBook(path: path)
                outcome.dropSources()
                return outcome.wireLine()
            case .checkStamp:
                return Self.line(summary.map { SummaryStampCheck.findings(path: path, spec: $0) } ?? [])
            case .checkCall:
                guard let call else {
                    return Self.line(CallBookReport(file: path, call: callID ?? "", scanned: false, fields: [], warnings: [], notes: [],
                                                    error: BookError(file: path, code: "call.unknown",
                                                                     message: "申报类别 \(callID ?? "") 的模板无法加载")))
                }
                return Self.line(CallBookCheck.run(call, path: path))
            case .extract:
                switch extractor!.extract(path: path) {
                case .success(let record):
                    let out = format == "json" ? RecordJSONWriter.line(for: record)
                        : RecordTextWriter.render(record, spec: specs.first { $0.id == record.call }) + "\n"
                    return ExtractAnswer(ok: true, out: out).wireLine
                case .failure(let error):
                    return ExtractAnswer(error, format: format).wireLine
                }
            }
        }

        fileprivate static func line(_ value: some Encodable) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }
    }
}
