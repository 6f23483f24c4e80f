import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.not-allowed`: a value outside the list the call allows (a district that is not one of the
/// city's); `field.wrong-group`: a value that does not belong to the group another field names
/// (MIIT 2018: a 申报方向 outside its 项目类别).
package struct AllowedValuesRule: RecordRule {
    package static let codes = [
        RuleCode("field.not-allowed", "a value outside its list (区属 not a district of 武汉市)"),
        RuleCode("field.wrong-group", "a 申报方向 outside its 项目类别 (MIIT 3 类 9 项)"),
    ]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for check in context.checks {
            switch check {
            case .allowedValues(let id, let values):
                guard let field = context.spec.field(id), let value = record.fields[id]?.displayText,
                      !values.contains(where: { $0.labelKey == value.labelKey }) else { continue }
                findings.append(Finding(.error, rule: "field.not-allowed", field: field, record: record,
                                        message: "\(field.quoted)「\(value)」不在允许的范围内（\(values.joined(separator: "、"))）"))
            case .memberOfGroup(let id, let groupID, let groups):
                guard let field = context.spec.field(id), let value = record.fields[id]?.displayText,
                      let group = record.fields[groupID]?.displayText, let members = groups[group],
                      !members.contains(value) else { continue }
                let label = context.spec.field(groupID)?.quoted ?? groupID
                findings.append(Finding(.error, rule: "field.wrong-group", field: field, record: record,
                                        message: "\(field.quoted)「\(value)」不属于\(label)「\(group)」（可选：\(members.joined(separator: "、"))）"))
            default:
                continue
            }
        }
        return findings
    }
}
