import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.number.negative`: a count or amount below zero (profits, marked `may be negative`, excepted);
/// `field.number.not-positive`: a figure the catalogue says must be > 0 is 0 or less.
package struct NumberSignRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldNumberNegative, .fieldNumberNotPositive]

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
                return Finding(.notPositive(field, value: record.fields[field.id]!), field: field, record: record)
            }
            if number < 0, !mayBeNegative.contains(field.id) {
                return Finding(.negative(field, value: record.fields[field.id]!), field: field, record: record)
            }
            return nil
        }
    }
}

extension RuleCode {
    static let fieldNumberNegative = RuleCode("field.number.negative", "a count or amount below zero")
    static let fieldNumberNotPositive = RuleCode("field.number.not-positive", "a value that must be above zero (参数量 ≤ 0)")
}

extension RuleMessage {
    static func notPositive(_ field: FieldSpec, value: FieldValue) -> RuleMessage {
        RuleMessage(.fieldNumberNotPositive, .error, "\(field.quoted)应大于0，实际为\(value.displayText)")
    }

    static func negative(_ field: FieldSpec, value: FieldValue) -> RuleMessage {
        RuleMessage(.fieldNumberNegative, .error, "\(field.quoted)不能为负数，实际为\(value.displayText)")
    }
}
