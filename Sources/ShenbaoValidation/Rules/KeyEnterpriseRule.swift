import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `report.key-enterprise` (info): the record is a 重点企业 under the call's threshold
/// (hubei-ai-annual-report-2023: AI业务收入 > 100 万元), so it belongs in the 重点企业报送表.
package struct KeyEnterpriseRule: RecordRule {
    package static let codes: [RuleCode] = [.reportKeyEnterprise]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        guard let threshold = context.spec.keyEnterprise, context.spec.isKeyEnterprise(record),
              let field = context.spec.field(threshold.field), let value = record.fields[threshold.field] else { return [] }
        return [Finding(.keyEnterprise(field, value: value, threshold: threshold.above), field: field, record: record)]
    }
}

extension RuleCode {
    static let reportKeyEnterprise = RuleCode("report.key-enterprise", "a 重点企业 (AI业务收入 above the call's threshold), info")
}

extension RuleMessage {
    static func keyEnterprise(_ field: FieldSpec, value: FieldValue, threshold: Double) -> RuleMessage {
        RuleMessage(.reportKeyEnterprise, .info,
                    "重点企业：\(field.quoted)\(value.displayText) 万元，超过 \(FieldValue.number(threshold).displayText) 万元")
    }
}
