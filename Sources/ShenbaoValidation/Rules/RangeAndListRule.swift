import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.range.order`: a 起止时间 whose start is after its end; `list.max-items`: more entries than the
/// form allows (联合体成员单位 at most 3).
package struct RangeAndListRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldRangeOrder, .listMaxItems]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for check in context.checks {
            switch check {
            case .rangeOrder(let id):
                guard let field = context.spec.field(id), case .range(let start, let end)? = record.fields[id],
                      start.prefix(min(start.count, end.count)) > end.prefix(min(start.count, end.count)) else { continue }
                findings.append(Finding(.startAfterEnd(field, start: start, end: end), field: field, record: record))
            case .maxItems(let id, let max):
                // Entries the call does not count (the 牵头单位 named beside its members).
                guard let field = context.spec.field(id), case .strings(let items)? = record.fields[id] else { continue }
                let uncounted = context.spec.listItemsNotCounted[id] ?? []
                let members = items.filter { item in !uncounted.contains { item.contains($0) } }
                guard members.count > max else { continue }
                findings.append(Finding(.tooManyItems(field, max: max, uncounted: uncounted, listed: members.count),
                                        field: field, record: record))
            default:
                continue
            }
        }
        return findings
    }
}

extension RuleCode {
    static let fieldRangeOrder = RuleCode("field.range.order", "a start after its end")
    static let listMaxItems = RuleCode("list.max-items", "more entries than the form allows (联合体 over 3 members)")
}

extension RuleMessage {
    static func startAfterEnd(_ field: FieldSpec, start: String, end: String) -> RuleMessage {
        RuleMessage(.fieldRangeOrder, .error, "\(field.quoted)的开始时间 \(start) 晚于结束时间 \(end)")
    }

    /// `uncounted`: words of the entries the call does not count (the 牵头单位).
    static func tooManyItems(_ field: FieldSpec, max: Int, uncounted: [String], listed: Int) -> RuleMessage {
        let except = uncounted.isEmpty ? "" : "（含「\(uncounted.joined(separator: "」「"))」的一项除外）"
        return RuleMessage(.listMaxItems, .error, "\(field.quoted)最多\(max)项\(except)，实际列出\(listed)项")
    }
}
