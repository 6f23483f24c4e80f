import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.phone.format`: not a Chinese mobile or landline number; `field.phone.mobile`: the form asks
/// for a 手机 and a landline (or junk) was given.
package struct PhoneRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldPhoneFormat, .fieldPhoneMobile]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var mobileOnly: Set<String> = []
        for case .mobile(let id) in context.checks { mobileOnly.insert(id) }
        var findings: [Finding] = []
        for field in context.spec.fields where field.type == .phone {
            guard case .string(let value)? = record.fields[field.id] else { continue }
            for number in PhoneNumber.numbers(in: value) {
                let kind = PhoneNumber.kind(of: number)
                if kind == nil {
                    findings.append(Finding(.notPhone(field, number: number), field: field, record: record))
                } else if mobileOnly.contains(field.id), kind != .mobile {
                    findings.append(Finding(.notMobile(field, number: number), field: field, record: record))
                }
            }
        }
        return findings
    }
}

extension RuleCode {
    static let fieldPhoneFormat = RuleCode("field.phone.format", "not a phone number")
    static let fieldPhoneMobile = RuleCode("field.phone.mobile", "a landline where the form asks for 手机")
}

extension RuleMessage {
    static func notPhone(_ field: FieldSpec, number: String) -> RuleMessage {
        RuleMessage(.fieldPhoneFormat, .error, "\(field.quoted)「\(number)」不是有效的手机或固定电话号码")
    }

    static func notMobile(_ field: FieldSpec, number: String) -> RuleMessage {
        RuleMessage(.fieldPhoneMobile, .error, "\(field.quoted)应填写11位手机号码，「\(number)」不是手机号码")
    }
}
