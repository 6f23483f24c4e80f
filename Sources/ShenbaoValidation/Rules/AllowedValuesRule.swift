import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.not-allowed`: a value outside the list the call allows (a district that is not one of the
/// city's); `field.wrong-group`: a value that does not belong to the group another field names
/// (MIIT 2018: a 申报方向 outside its 项目类别).
package struct AllowedValuesRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldNotAllowed, .fieldWrongGroup]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for check in context.checks {
            switch check {
            case .allowedValues(let id, let values):
                guard let field = context.spec.field(id), let value = record.fields[id]?.displayText,
                      !values.contains(where: { $0.labelKey == value.labelKey }) else { continue }
                findings.append(Finding(.notAllowed(field, value: value, allowed: values), field: field, record: record))
            case .memberOfGroup(let id, let groupID, let groups):
                guard let field = context.spec.field(id), let value = record.fields[id]?.displayText,
                      let group = record.fields[groupID]?.displayText, let members = groups[group],
                      !members.contains(value) else { continue }
                let label = context.spec.field(groupID)?.quoted ?? groupID
                findings.append(Finding(.wrongGroup(field, value: value, groupLabel: label, group: group, members: members),
                                        field: field, record: record))
            default:
                continue
            }
        }
        return findings
    }
}

extension RuleCode {
    static let fieldNotAllowed = RuleCode("field.not-allowed", "a value outside its list (区属 not a district of 武汉市)")
    static let fieldWrongGroup = RuleCode("field.wrong-group", "a 申报方向 outside its 项目类别 (MIIT 3 类 9 项)")
}

extension RuleMessage {
    static func notAllowed(_ field: FieldSpec, value: String, allowed: [String]) -> RuleMessage {
        RuleMessage(.fieldNotAllowed, .error, "\(field.quoted)「\(value)」不在允许的范围内（\(allowed.joined(separator: "、"))）")
    }

    static func wrongGroup(_ field: FieldSpec, value: String, groupLabel: String, group: String, members: [String]) -> RuleMessage {
        RuleMessage(.fieldWrongGroup, .error, "\(field.quoted)「\(value)」不属于\(groupLabel)「\(group)」（可选：\(members.joined(separator: "、"))）")
    }
}
