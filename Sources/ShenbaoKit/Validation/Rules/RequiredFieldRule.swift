/// `field.required`: a required field is missing or blank (also `required unless …` fields).
struct RequiredFieldRule: RecordRule {
    func check(_ record: Record, in context: RuleContext) -> [Finding] {
        guard !record.scanned else { return [] }
        var exempt: Set<String> = []
        var conditionallyRequired: Set<String> = []
        for case .requiredUnless(let id, let other, let values) in context.checks {
            let otherValue = record.fields[other]?.displayText ?? ""
            if values.contains(where: { otherValue.hasPrefix($0) }) || record.fields[other] == nil { exempt.insert(id) } else { conditionallyRequired.insert(id) }
        }
        return context.spec.fields.compactMap { field in
            guard (field.required || conditionallyRequired.contains(field.id)), !exempt.contains(field.id),
                  record.fields[field.id] == nil, record.unparsed[field.id] == nil else { return nil }
            let reason = conditionallyRequired.contains(field.id) ? "（已上市企业须填写）" : ""
            return Finding(.error, rule: "field.required", field: field, record: record,
                           message: "缺少必填项\(field.quoted)\(reason)")
        }
    }
}
