import Foundation
import ShenbaoModel
import ShenbaoSpec
import ShenbaoExtraction
import ShenbaoValidation
import ShenbaoWriters

/// What a 汇总表 lists, gathered from what a bureau holds (`shenbao summary`, and the web desk from its stored
/// reports): one record per data-file row and per submission, in input order, and what could not be listed.
public struct SummaryRows: Sendable {
    /// The records to list, in input order.
    public var records: [Record] = []
    /// Inputs left out of the table, each a Chinese line naming the file.
    public var problems: [String] = []
    /// Listed submissions whose books have errors.
    public var invalid = 0

    public init() {}

    /// Data files given by name are read as data; books and folders are read and checked in `workers`,
    /// one row per submission. `progress` gets the books done and their total.
    public static func gather(_ inputs: [String], spec: CallSpec, specs: [CallSpec], workers: IsolatedWorkers,
                              progress: (@Sendable (Int, Int) -> Void)? = nil) -> SummaryRows {
        var byInput: [SummaryRows] = Array(repeating: SummaryRows(), count: inputs.count)
        let reader = DataFileReader(spec: spec)
        for (index, path) in inputs.enumerated() where isDataFile(path) {
            do { byInput[index].records = try reader.read(path: path) } catch {
                byInput[index].problems.append("\(path)：\(error.message)")
            }
        }
        let books = inputs.enumerated().filter { !isDataFile($0.element) }
        var loose = SummaryRows()
        if !books.isEmpty {
            let report = workers.validate(books.map(\.element), with: BatchValidator(specs: specs, forcedCall: spec),
                                          trim: trim, progress: progress)
            for submission in report.submissions {
                let owner = books.first { contains($0.element, submission.submission.files.first ?? "") }?.offset
                var rows = SummaryRows()
                rows.add(submission, spec: spec)
                if let owner { byInput[owner].append(rows) } else { loose.append(rows) }
            }
            if report.submissions.isEmpty {
                loose.problems.append("\(books.map(\.element).joined(separator: "、"))：没有找到 .docx 或 .pdf 申报书")
            }
        }
        var all = SummaryRows()
        for rows in byInput + [loose] { all.append(rows) }
        return all
    }

    /// What of a book's findings `add` reads (its record comes without where the fields were found): the
    /// first, the first error, the one saying the book is another call's, and what reading the file said
    /// (`read.*`, all a stamped copy keeps, see `BatchValidator`); in their order. A batch of books read as
    /// the wrong call holds dozens of findings each that no table row shows.
    static let trim: @Sendable (inout BookOutcome) -> Void = { outcome in
        let firstError = outcome.findings.firstIndex { $0.severity == .error }
        outcome.findings = outcome.findings.enumerated().filter { index, finding in
            index == 0 || index == firstError || finding.rule == RuleCode.callOther.code || finding.rule.hasPrefix("read.")
        }.map(\.element)
    }

    /// Lists one submission: its book's record (a scan alone with what OCR read of it, marked in the
    /// table), or a problem saying why not.
    mutating func add(_ submission: SubmissionOutcome, spec: CallSpec) {
        let name = submission.submission.folder ?? submission.books.first?.file ?? submission.submission.name
        let record = submission.primary ?? submission.books.lazy.compactMap(\.record).first { $0.scanned && $0.ocr != nil }
        // Read as this call (the summary's --call, the desk's inbox) but its own title is another call's: its
        // row would be the wrong form's blanks.
        if let other = (submission.findings + submission.books.flatMap(\.findings)).first(where: { $0.rule == RuleCode.callOther.code }) {
            problems.append("\(name)：\(other.message.prefix { $0 != "；" })，未列入")
            return
        }
        if let record, record.call == spec.id || submission.call == nil {
            if record.scanned && record.ocr?.fields.isEmpty != false {
                problems.append("\(name)：扫描件（无文字层），文字识别也未能读出，请另行填写此行")
                return
            }
            records.append(record)
            if (submission.findings + submission.books.flatMap(\.findings)).contains(where: { $0.severity == .error }) { invalid += 1 }
        } else if let other = submission.call, other != spec.id {
            problems.append("\(name)：是 \(other) 的申报书，不属于 \(spec.id)，未列入")
        } else {
            for book in submission.books {
                problems.append("\(book.file)：\(book.error?.message ?? book.findings.first?.message ?? "无法读取")")
            }
        }
    }

    private mutating func append(_ other: SummaryRows) {
        records += other.records
        problems += other.problems
        invalid += other.invalid
    }

    /// A data file named on its own (not a folder): read as rows, not as a book.
    static func isDataFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return !isDirectory.boolValue && DataFileReader.extensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Whether `file` is `input` or lies under the folder `input`.
    static func contains(_ input: String, _ file: String) -> Bool {
        let base = URL(fileURLWithPath: input).standardizedFileURL.path
        let path = URL(fileURLWithPath: file).standardizedFileURL.path
        return path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
