import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `data.unknown-column` (warning): a column of a data file that is no field of the call; it is ignored.
package struct DataColumnRule: ValidationRule {
    package static let codes = [RuleCode("data.unknown-column", "a data-file column that is no field of the call (ignored)")]

    package static func findings(for record: Record) -> [Finding] {
        record.unmatched.map { Finding(.warning, rule: "data.unknown-column", message: "未知的列「\($0)」，已忽略") }
    }
}
