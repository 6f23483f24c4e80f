import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// Constraints between fields: `cross.equals` (cover equals body), `cross.at-most` (≤ another field),
/// `cross.sum-at-most`, `cross.sum-equals`, `cross.ratio`, `cross.non-decreasing`, `cross.count-of`.
/// Each is only checked when the fields it compares are all present (a missing one is already reported).
package struct CrossFieldRule: RecordRule {
    package static let codes = [
        RuleCode("cross.equals", "cover equals body"),
        RuleCode("cross.at-most", "at most another field"),
        RuleCode("cross.sum-at-most", "parts at most a total"),
        RuleCode("cross.sum-equals", "parts sum to a total"),
        RuleCode("cross.ratio", "a share between two fields"),
        RuleCode("cross.non-decreasing", "cumulative quarters do not fall"),
        RuleCode("cross.count-of", "a count equals the items listed"),
    ]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let spec = context.spec
        func label(_ id: String) -> String { spec.field(id)?.quoted ?? "「\(id)」" }
        func number(_ id: String) -> Double? { record.fields[id]?.number }
        func show(_ value: Double) -> String { FieldValue.number(value).displayText }
        func finding(_ rule: String, _ id: String, _ message: String) -> Finding {
            if let field = spec.field(id) { return Finding(.error, rule: rule, field: field, record: record, message: message) }
            return Finding(.error, rule: rule, field: id, message: message)
        }
        for check in context.checks {
            switch check {
            case .equals(let id, let other):
                guard let a = record.fields[id], let b = record.fields[other], !Self.sameText(a, b) else { continue }
                findings.append(finding("cross.equals", id,
                    "\(label(id))「\(a.displayText)」与\(label(other))「\(b.displayText)」不一致"))
            case .atMost(let id, let limit):
                guard let a = number(id), let b = number(limit), a > b + 1e-9 else { continue }
                findings.append(finding("cross.at-most", id, "\(label(id))（\(show(a))）不应超过\(label(limit))（\(show(b))）"))
            case .sumAtMost(let ids, let limit):
                let values = ids.compactMap(number)
                guard values.count == ids.count, let b = number(limit) else { continue }
                let sum = values.reduce(0, +)
                guard sum > b + 1e-6 else { continue }
                findings.append(finding("cross.sum-at-most", limit,
                    "\(ids.map(label).joined(separator: "+"))合计\(show(sum))，超过\(label(limit))（\(show(b))）"))
            case .sumEquals(let id, let parts):
                let values = parts.compactMap(number)
                guard let total = number(id), !values.isEmpty else { continue }
                let sum = values.reduce(0, +)
                guard abs(sum - total) > 0.01 else { continue }
                findings.append(finding("cross.sum-equals", id, "\(label(id))（\(show(total))）应等于其分项之和（\(show(sum))）"))
            case .ratio(let id, let part, let whole, let tolerance):
                guard let share = number(id), let a = number(part), let b = number(whole), b > 0 else { continue }
                let expected = a / b * 100
                guard abs(share - expected) > tolerance else { continue }
                findings.append(finding("cross.ratio", id,
                    "\(label(id))填写\(show(share))%，按\(label(part))/\(label(whole))计算应为\(String(format: "%.1f", expected))%"))
            case .nonDecreasing(let ids):
                let present = ids.filter { number($0) != nil }
                for (a, b) in zip(present, present.dropFirst()) where number(a)! > number(b)! + 1e-9 {
                    findings.append(finding("cross.non-decreasing", b,
                        "\(label(b))（\(show(number(b)!))）小于\(label(a))（\(show(number(a)!))），累计值不应减少"))
                }
            case .countOf(let id, let list):
                guard let count = number(id), case .strings(let items)? = record.fields[list], Int(count) != items.count else { continue }
                findings.append(finding("cross.count-of", id, "\(label(id))为\(Int(count))，但\(label(list))列出了\(items.count)项"))
            default:
                continue
            }
        }
        return findings
    }

    /// Equal as a clerk would compare them: ignoring spaces and bracket width.
    package static func sameText(_ a: FieldValue, _ b: FieldValue) -> Bool {
        a.displayText.labelKey == b.displayText.labelKey
    }
}
