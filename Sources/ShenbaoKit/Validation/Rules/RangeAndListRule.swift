/// `field.range.order`: a 起止时间 whose start is after its end; `list.max-items`: more entries than the
/// form allows (联合体成员单位 at most 3).
struct RangeAndListRule: RecordRule {
    func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for check in context.checks {
            switch check {
            case .rangeOrder(let id):
                guard let field = context.spec.field(id), case .range(let start, let end)? = record.fields[id],
                      start.prefix(min(start.count, end.count)) > end.prefix(min(start.count, end.count)) else { continue }
                findings.append(Finding(.error, rule: "field.range.order", field: field, record: record,
                                        message: "\(field.quoted)的开始时间 \(start) 晚于结束时间 \(end)"))
            case .maxItems(let id, let max):
                // The lead unit (牵头单位) is named besides its members: it does not count as one of them.
                guard let field = context.spec.field(id), case .strings(let items)? = record.fields[id] else { continue }
                let members = items.filter { !$0.contains("牵头") }
                guard members.count > max else { continue }
                findings.append(Finding(.error, rule: "list.max-items", field: field, record: record,
                                        message: "\(field.quoted)最多\(max)家（牵头单位除外），实际列出\(members.count)家"))
            default:
                continue
            }
        }
        return findings
    }
}
