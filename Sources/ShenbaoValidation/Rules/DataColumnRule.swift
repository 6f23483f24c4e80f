import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `data.unknown-column` (warning): a column of a data file that is no field of the call; it is ignored.
package struct DataColumnRule: ValidationRule {
    package static let codes: [RuleCode] = [.dataUnknownColumn]

    package static func findings(for record: Record) -> [Finding] {
        record.unmatched.map { Finding(.unknownColumn($0)) }
    }
}

extension RuleCode {
    static let dataUnknownColumn = RuleCode("data.unknown-column", "a data-file column that is no field of the call (ignored)")
}

extension RuleMessage {
    static func unknownColumn(_ column: String) -> RuleMessage {
        RuleMessage(.dataUnknownColumn, .warning, "未知的列「\(column)」，已忽略")
    }
}
