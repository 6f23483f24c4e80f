import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.too-long`: a text over the length the form allows (`限200字`), counted as Word counts 字数:
/// each Chinese character or full-width mark is one, each run of Latin letters and digits is one word.
package struct LengthRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldTooLong]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        context.checks.compactMap { check in
            guard case .maxLength(let id, let max) = check, let field = context.spec.field(id),
                  case .string(let text)? = record.fields[id] else { return nil }
            let count = Self.wordCount(text)
            guard count > max else { return nil }
            return Finding(.tooLong(field, max: max, count: count), field: field, record: record)
        }
    }

    /// Characters as Word's 字数 counts them: a CJK character or full-width mark is one, a run of other
    /// characters between spaces (`Python3`, `2023.04-2023.07`) is one word.
    package static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if scalar.isCJK || scalar.value > 0x2E7F {
                count += 1
                inWord = false
            } else if !inWord {
                count += 1
                inWord = true
            }
        }
        return count
    }
}

extension RuleCode {
    static let fieldTooLong = RuleCode("field.too-long", "a text over the form's limit (限200字), counted as Word counts 字数")
}

extension RuleMessage {
    static func tooLong(_ field: FieldSpec, max: Int, count: Int) -> RuleMessage {
        RuleMessage(.fieldTooLong, .error, "\(field.quoted)限\(max)字，实际约\(count)字")
    }
}
