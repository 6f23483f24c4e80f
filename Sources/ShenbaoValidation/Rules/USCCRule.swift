import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.uscc.format` (wrong length or character) and `field.uscc.check-digit` (the 18th character
/// does not match: usually a typo) for 统一社会信用代码 fields.
package struct USCCRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldUSCCFormat, .fieldUSCCCheckDigit]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        context.spec.fields.filter { $0.type == .uscc }.compactMap { field in
            guard case .string(let code)? = record.fields[field.id],
                  let problem = UnifiedSocialCreditCode.problem(in: code) else { return nil }
            return Finding(.uscc(field, code: code, problem: problem), field: field, record: record)
        }
    }

    /// The same check on a code typed outside a book (an applicant registering on the web desk): the
    /// message with the typo hint, or nil when the code is valid.
    package static func message(for code: String) -> String? {
        guard let problem = UnifiedSocialCreditCode.problem(in: code) else { return nil }
        let field = FieldSpec(id: "applicant.uscc", section: "", label: "统一社会信用代码", type: .uscc, required: true)
        return RuleMessage.uscc(field, code: code, problem: problem).text
    }
}

extension RuleCode {
    static let fieldUSCCFormat = RuleCode("field.uscc.format", "统一社会信用代码 length or characters")
    static let fieldUSCCCheckDigit = RuleCode("field.uscc.check-digit", "the GB 32100-2015 check character (a typo hint)")
}

extension RuleMessage {
    static func uscc(_ field: FieldSpec, code: String, problem: UnifiedSocialCreditCode.Problem) -> RuleMessage {
        switch problem {
        case .length(let count):
            return RuleMessage(.fieldUSCCFormat, .error, "\(field.quoted)应为18位，实际为\(count)位：\(code)")
        case .character(let character, let position):
            return RuleMessage(.fieldUSCCFormat, .error, "\(field.quoted)第\(position)位「\(character)」不是允许的字符（不使用 I、O、Z、S、V）：\(code)")
        case .checkCharacter(let expected):
            return RuleMessage(.fieldUSCCCheckDigit, .error, "\(field.quoted)校验位不正确（按前17位应为「\(expected)」），请核对是否有笔误：\(code)")
        }
    }
}
