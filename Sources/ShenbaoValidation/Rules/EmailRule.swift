import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.email`: not an e-mail address.
package struct EmailRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldEmail]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        context.spec.fields.filter { $0.type == .email }.compactMap { field in
            guard case .string(let value)? = record.fields[field.id],
                  value.range(of: #"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$"#, options: .regularExpression) == nil
            else { return nil }
            return Finding(.notEmail(field, value: value), field: field, record: record)
        }
    }
}

extension RuleCode {
    static let fieldEmail = RuleCode("field.email", "not an e-mail address")
}

extension RuleMessage {
    static func notEmail(_ field: FieldSpec, value: String) -> RuleMessage {
        RuleMessage(.fieldEmail, .error, "\(field.quoted)「\(value)」不是有效的电子邮箱地址")
    }
}
