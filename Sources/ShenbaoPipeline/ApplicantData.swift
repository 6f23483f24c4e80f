import ShenbaoExtraction
import ShenbaoModel
import ShenbaoSpec
import ShenbaoValidation

/// An applicant's data file, as `fill`, `declaration` and `init` read it: its one record, and the record
/// rules' findings for it (no document: the book's structure is the template's). The writers write; this
/// reads and checks.
public enum ApplicantData {
    /// Why the data gives no record to write.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The data file holds no record, or several.
        case records(String)
        /// The data file could not be read.
        case data(ReadError)

        public var description: String {
            switch self {
            case .records(let message): return message
            case .data(let error): return error.message
            }
        }
    }

    /// The one record of a data file (YAML, JSON or CSV).
    public static func record(at path: String, spec: CallSpec) throws(Failure) -> Record {
        let records: [Record]
        do { records = try DataFileReader(spec: spec).read(path: path) } catch { throw .data(error) }
        guard records.count == 1, let record = records.first else {
            throw .records(records.isEmpty ? "数据文件中没有任何记录" : "数据文件中有 \(records.count) 条记录，一次只能生成一份（请拆分数据文件）")
        }
        return record
    }

    /// The record rules' findings for `record`; `today` is for dates that cannot lie in the future.
    public static func findings(for record: Record, spec: CallSpec, today: String = Validator.currentDate()) -> [Finding] {
        Validator(spec: spec, today: today).validate(record)
    }
}
