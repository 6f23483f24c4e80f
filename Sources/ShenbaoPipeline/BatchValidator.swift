import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// Validates files, submissions and inboxes: reads every book in parallel (record and structure
/// rules run there, so no document is kept), then checks each submission, then the inbox as a whole.
public struct BatchValidator: Sendable {
    public let specs: [CallSpec]
    public let forcedCall: CallSpec?
    public let options: InboxOptions
    public let today: String
    /// One validator per call, made once: working out a call's checks is not repeated per book.
    private let validators: [String: Validator]
    /// Reads each book's record; made once, with every call's catalogue keys.
    private let extractor: BookExtractor

    public init(specs: [CallSpec], forcedCall: CallSpec? = nil, options: InboxOptions = InboxOptions(),
                today: String = Validator.currentDate()) {
        self.specs = specs
        self.forcedCall = forcedCall
        self.options = options
        self.today = today
        self.validators = Dictionary(specs.map { ($0.id, Validator(spec: $0, today: today)) }, uniquingKeysWith: { first, _ in first })
        self.extractor = BookExtractor(specs: specs, forcedCall: forcedCall)
    }

    /// Reads and checks book files, in order; `progress` gets the number done. The default runs in
    /// this process; the CLI runs them in worker processes (`WorkerPool`) so no file can hang or crash a run.
    public typealias BookRunner = (_ paths: [String], _ progress: @escaping @Sendable (Int) -> Void) -> [BookOutcome]

    /// Validates the submissions found in `paths`. `progress` gets the number of books done and their total.
    public func validate(paths: [String], jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
                         runner: BookRunner? = nil) -> ValidationReport {
        let dataFiles = paths.filter { DataFileReader.extensions.contains($0.fileExtension) }
        let (submissions, skipped) = SubmissionFinder.find(in: paths.filter { !dataFiles.contains($0) })
        let books = submissions.flatMap(\.books)
        let total = books.count
        let report: @Sendable (Int) -> Void = { progress?($0, total) }
        let outcomes = runner?(books, report) ?? Batch.map(books, jobs: jobs, progress: report) { validateBook(path: $0) }
        var byPath: [String: BookOutcome] = [:]
        for outcome in outcomes { byPath[outcome.file] = outcome }
        var results = submissions.map { submission in
            SubmissionOutcome(submission: submission,
                              books: copiesSettled(attachmentsSettled(submission.books.compactMap { byPath[$0] }, in: submission)),
                              findings: [])
        }
        // What the folder walk could not look through is reported as a file that could not be read.
        results += skipped.map { SubmissionOutcome(submission: SubmissionFinder.loose($0.file), books: [BookOutcome(unread: $0)], findings: []) }
        results += dataFiles.flatMap(validateData)
        let specsByID = Dictionary(uniqueKeysWithValues: specs.map { ($0.id, $0) })
        for index in results.indices {
            guard let call = results[index].call, let spec = specsByID[call] else { continue }
            results[index].findings = RuleRegistry.submissionRules.flatMap { $0.check(results[index], spec: spec) }
        }
        if results.count > 1 {
            for rule in RuleRegistry.inboxRules {
                for (index, finding) in rule.check(results, specs: specsByID, options: options) {
                    results[index].findings.append(finding)
                }
            }
        }
        return ValidationReport(submissions: results)
    }

    /// Records of a data file (YAML/JSON/CSV), each checked as its own submission (so one applicant
    /// appearing twice is caught by the inbox rules). The call is `--call`, else the one whose field ids
    /// and labels the file's keys match best.
    package func validateData(path: String) -> [SubmissionOutcome] {
        let candidates = forcedCall.map { [$0] } ?? specs
        var best: (records: [Record], matched: Int)?
        var failure: ReadError?
        for spec in candidates {
            do {
                let records = try DataFileReader(spec: spec).read(path: path)
                let matched = records.map { $0.fields.count + $0.unparsed.count }.reduce(0, +)
                if best == nil || matched > best!.matched { best = (records, matched) }
            } catch {
                failure = error
            }
        }
        guard let records = best?.records, best?.matched ?? 0 > 0 else {
            let message = failure?.message ?? "数据文件中没有任何可识别的字段，请用 --call 指定申报类别"
            let outcome = BookOutcome(unread: BookError(file: path, code: failure?.code ?? "call.unknown", message: message))
            return [SubmissionOutcome(submission: SubmissionFinder.loose(path), books: [outcome], findings: [])]
        }
        guard let call = records.first?.call, let validator = validators[call] else { return [] }
        return records.map { record in
            var findings = validator.validate(record)
            findings += DataColumnRule.findings(for: record)
            return SubmissionOutcome(submission: SubmissionFinder.loose(record.file),
                                     books: [BookOutcome(file: record.file, record: record, findings: findings)], findings: [])
        }
    }

    /// Reads, extracts and checks one book.
    public func validateBook(path: String) -> BookOutcome {
        let document: Document
        do {
            document = try DocumentReader.read(path: path)
        } catch {
            return BookOutcome(unread: BookError(file: path, code: error.code, message: error.message))
        }
        // `--call` decides the call of a book; whether the file is a book at all is decided as without it
        // (by its own title and headings), and recorded so the submission can tell its attachments.
        switch extractor.extract(document) {
        case .failure(let error):
            return BookOutcome(file: path, error: error, findings: [ReadErrorRule.finding(for: error)])
        case .success(let record):
            let detected = forcedCall == nil ? nil : (record.scanned
                ? CallDetector.detect(scanText: record.ocr?.pages.map(\.text).joined(separator: "\n") ?? "", among: specs)
                : CallDetector.detect(document, among: specs))
            let recognised = forcedCall == nil || detected != nil
            // Read as the asked call, but the book says it is another's: said first, before the misplaced field findings.
            let otherCall = detected.flatMap { book in forcedCall.flatMap { book.id == $0.id ? nil : OtherCallRule.finding(book: book, readAs: $0) } }
            guard let call = record.call, let validator = validators[call] else {
                return BookOutcome(file: path, record: record, findings: ScanReadingRule.findings(for: record, spec: nil),
                                   stamped: stampedCopy(path, document: document, call: nil, pagesRead: record.ocr?.pages))
            }
            let findings = (otherCall.map { [$0] } ?? []) + (record.scanned ? ScanReadingRule.findings(for: record, spec: specs.first { $0.id == call })
                : validator.validate(record, document: document))
            return BookOutcome(file: path, record: record, findings: findings, recognised: recognised,
                               stamped: stampedCopy(path, document: document, call: call, pagesRead: record.ocr?.pages))
        }
    }

    /// What a PDF shows as a stamped copy (seals, its 承诺书 page, OCR text of a scan), unless it is no
    /// PDF, its calls ask for no seal, or its name says it is evidence (a scanned 营业执照 is no copy of the book).
    private func stampedCopy(_ path: String, document: Document, call: String?, pagesRead: [ScanPageText]?) -> StampedCopy? {
        guard document.format == .pdf else { return nil }
        let candidates = call.flatMap { id in specs.first { $0.id == id } }.map { [$0] } ?? (forcedCall.map { [$0] } ?? specs)
        let name = path.lastPathComponent.labelKey
        if candidates.flatMap(\.submission.evidence).flatMap(\.match).contains(where: { name.contains($0.labelKey) }) { return nil }
        guard candidates.contains(where: { !$0.submission.seals.isEmpty }) else { return nil }
        return StampedCopy.inspect(path: path, document: document,
                                   declarationTitles: candidates.compactMap { $0.submission.declaration?.title },
                                   sections: candidates.count == 1 ? candidates[0].submission.sections : [], pagesRead: pagesRead)
    }

    /// The outcome a file read under `--call` would have had without it, when its own words name no
    /// call: a scan (a stamped copy or a scanned attachment, settled below) or a file of no call.
    private static func unforced(_ book: BookOutcome) -> BookOutcome {
        guard !book.recognised, let record = book.record else { return book }
        if record.scanned {
            var scan = Record(call: nil, file: record.file, scanned: true)
            scan.ocr = record.ocr
            return BookOutcome(file: book.file, record: scan, findings: ScanReadingRule.findings(for: scan, spec: nil), stamped: book.stamped)
        }
        return BookOutcome(unread: BookError(file: book.file, code: "call.unknown", message: BookExtractor.unknownCallMessage))
    }

    /// Where a submission has a readable Word book, that is the book checked field by field; its PDF is
    /// the stamped copy, compared with it on the key fields (`submission.scan-mismatch`) but not re-checked,
    /// so a glitch in reading the PDF is not reported as a defect of the book.
    private func copiesSettled(_ books: [BookOutcome]) -> [BookOutcome] {
        guard books.contains(where: { $0.isWord && $0.record?.call != nil }) else { return books }
        return books.map { book in
            guard book.isPDF, book.record != nil else { return book }
            return BookOutcome(file: book.file, record: book.record, error: book.error, findings: book.findings.filter {
                $0.rule.hasPrefix("read.") && $0.rule != "read.ocr-field"
            }, stamped: book.stamped)
        }
    }

    /// Inside a submission that has a recognised book, a PDF or Word file that is not a book of any
    /// call (a scanned 营业执照, an 审计报告) is an attachment, not an error. A scanned PDF not named as
    /// evidence is taken for the stamped copy of the book: it belongs to the submission's call.
    ///
    /// `--call` does not change which files are attachments: where the submission has a file whose own
    /// words name a call, the files read under `--call` that name none are settled as they would be without
    /// it. (With no such book — every title reworded — all its files stay read as the call's books.)
    private func attachmentsSettled(_ books: [BookOutcome], in submission: Submission) -> [BookOutcome] {
        guard submission.folder != nil else { return books }
        var books = books
        if forcedCall != nil, books.contains(where: { $0.recognised && $0.record?.call != nil }) {
            books = books.map(Self.unforced)
        }
        guard let call = books.compactMap({ $0.record?.call }).first else { return books }
        let evidenceWords = specs.first { $0.id == call }?.submission.evidence.flatMap(\.match).map(\.labelKey) ?? []
        return books.map { book in
            let scanned = book.record?.call == nil && book.record?.scanned == true
            guard book.error?.code == "call.unknown" || scanned else { return book }
            let namedAsEvidence = evidenceWords.contains { book.file.lastPathComponent.labelKey.contains($0) }
            if scanned && book.isPDF && !namedAsEvidence, var record = book.record {
                record.call = call
                return BookOutcome(file: book.file, record: record, findings: book.findings, stamped: book.stamped)
            }
            return BookOutcome(file: book.file, findings: [SubmissionFilesRule.attachment])
        }
    }
}
