import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.number.negative`: a count or amount below zero (profits, marked `may be negative`, excepted);
/// `field.number.not-positive`: a figure the catalogue says must be > 0 is 0 or less.
package struct NumberSignRule: RecordRule {
    package static let codes = [
        RuleCode("field.number.negative", "a count or amount below zero"),
        RuleCode("field.number.not-positive", "a value that must be above zero (参数量 ≤ 0)"),
    ]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var strict: Set<String> = []
        var mayBeNegative: Set<String> = []
        for check in context.checks {
            if case .positive(let id, true) = check { strict.insert(id) }
            if case .mayBeNegative(let id) = check { mayBeNegative.insert(id) }
        }
        return context.spec.fields.compactMap { field in
            guard [.int, .money, .decimal].contains(field.type), let number = record.fields[field.id]?.number else { return nil }
            if strict.contains(field.id), number <= 0 {
                return Finding(.error, rule: "field.number.not-positive", field: field, record: record,
                               message: "\(field.quoted)应大于0，实际为\(record.fields[field.id]!.displayText)")
            }
            if number < 0, !mayBeNegative.contains(field.id) {
                return Finding(.error, rule: "field.number.negative", field: field, record: record,
                               message: "\(field.quoted)不能为负数，实际为\(record.fields[field.id]!.displayText)")
            }
            return nil
        }
    }
}
