import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.url`: not a web address (a scheme is optional: `www.example.cn` is accepted).
package struct URLRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldURL]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        context.spec.fields.filter { $0.type == .url }.compactMap { field in
            guard case .string(let value)? = record.fields[field.id],
                  value.range(of: #"^(https?://)?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(:\d+)?(/\S*)?$"#, options: .regularExpression) == nil
            else { return nil }
            return Finding(.notURL(field, value: value), field: field, record: record)
        }
    }
}

extension RuleCode {
    static let fieldURL = RuleCode("field.url", "not a web address")
}

extension RuleMessage {
    static func notURL(_ field: FieldSpec, value: String) -> RuleMessage {
        RuleMessage(.fieldURL, .error, "\(field.quoted)「\(value)」不是有效的网址")
    }
}
