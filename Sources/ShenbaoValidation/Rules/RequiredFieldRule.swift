import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.required`: a required field is missing or blank (also `required unless …` fields).
package struct RequiredFieldRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldRequired]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        guard !record.scanned else { return [] }
        var exempt: Set<String> = []
        var conditionallyRequired: [String: String] = [:]
        for case .requiredUnless(let id, let other, let values) in context.checks {
            let otherValue = record.fields[other]?.displayText ?? ""
            if values.contains(where: { otherValue.hasPrefix($0) }) || record.fields[other] == nil {
                exempt.insert(id)
            } else {
                let label = context.spec.field(other)?.quoted ?? other
                conditionallyRequired[id] = "（\(label)为「\(otherValue)」时须填写）"
            }
        }
        return context.spec.fields.compactMap { field in
            guard (field.required || conditionallyRequired[field.id] != nil), !exempt.contains(field.id),
                  record.fields[field.id] == nil, record.unparsed[field.id] == nil else { return nil }
            let reason = conditionallyRequired[field.id] ?? ""
            return Finding(.requiredMissing(field, reason: reason), field: field, record: record)
        }
    }
}

extension RuleCode {
    static let fieldRequired = RuleCode("field.required", "a required field is blank (also required-unless fields)")
}

extension RuleMessage {
    /// `reason`: why a required-unless field is required here (or empty).
    static func requiredMissing(_ field: FieldSpec, reason: String) -> RuleMessage {
        RuleMessage(.fieldRequired, .error, "缺少必填项\(field.quoted)\(reason)")
    }
}
