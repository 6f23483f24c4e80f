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
    package static let codes: [RuleCode] = [
        .crossEquals, .crossAtMost, .crossSumAtMost, .crossSumEquals, .crossRatio, .crossNonDecreasing, .crossCountOf,
    ]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        let spec = context.spec
        func label(_ id: String) -> String { spec.field(id)?.quoted ?? "「\(id)」" }
        func number(_ id: String) -> Double? { record.fields[id]?.number }
        func show(_ value: Double) -> String { FieldValue.number(value).displayText }
        func finding(_ message: RuleMessage, _ id: String) -> Finding {
            if let field = spec.field(id) { return Finding(message, field: field, record: record) }
            return Finding(message, field: id)
        }
        for check in context.checks {
            switch check {
            case .equals(let id, let other):
                guard let a = record.fields[id], let b = record.fields[other], !Self.sameText(a, b) else { continue }
                findings.append(finding(.notEqual(label(id), a.displayText, label(other), b.displayText), id))
            case .atMost(let id, let limit):
                guard let a = number(id), let b = number(limit), a > b + 1e-9 else { continue }
                findings.append(finding(.overLimit(label(id), show(a), limit: label(limit), show(b)), id))
            case .sumAtMost(let ids, let limit):
                let values = ids.compactMap(number)
                guard values.count == ids.count, let b = number(limit) else { continue }
                let sum = values.reduce(0, +)
                guard sum > b + 1e-6 else { continue }
                findings.append(finding(.sumOverLimit(ids.map(label), sum: show(sum), limit: label(limit), show(b)), limit))
            case .sumEquals(let id, let parts):
                let values = parts.compactMap(number)
                guard let total = number(id), !values.isEmpty else { continue }
                let sum = values.reduce(0, +)
                guard abs(sum - total) > 0.01 else { continue }
                findings.append(finding(.totalNotSum(label(id), total: show(total), sum: show(sum)), id))
            case .ratio(let id, let part, let whole, let tolerance):
                guard let share = number(id), let a = number(part), let b = number(whole), b > 0 else { continue }
                let expected = a / b * 100
                guard abs(share - expected) > tolerance else { continue }
                findings.append(finding(.wrongRatio(label(id), share: show(share), part: label(part), whole: label(whole), expected: expected), id))
            case .nonDecreasing(let ids):
                let present = ids.filter { number($0) != nil }
                for (a, b) in zip(present, present.dropFirst()) where number(a)! > number(b)! + 1e-9 {
                    findings.append(finding(.cumulativeFalls(label(b), show(number(b)!), before: label(a), show(number(a)!)), b))
                }
            case .countOf(let id, let list):
                guard let count = number(id), case .strings(let items)? = record.fields[list], Int(count) != items.count else { continue }
                findings.append(finding(.countNotListed(label(id), count: Int(count), list: label(list), listed: items.count), id))
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

extension RuleCode {
    static let crossEquals = RuleCode("cross.equals", "cover equals body")
    static let crossAtMost = RuleCode("cross.at-most", "at most another field")
    static let crossSumAtMost = RuleCode("cross.sum-at-most", "parts at most a total")
    static let crossSumEquals = RuleCode("cross.sum-equals", "parts sum to a total")
    static let crossRatio = RuleCode("cross.ratio", "a share between two fields")
    static let crossNonDecreasing = RuleCode("cross.non-decreasing", "cumulative quarters do not fall")
    static let crossCountOf = RuleCode("cross.count-of", "a count equals the items listed")
}

/// Labels come quoted (「…」) and numbers as shown.
extension RuleMessage {
    static func notEqual(_ label: String, _ value: String, _ otherLabel: String, _ other: String) -> RuleMessage {
        RuleMessage(.crossEquals, .error, "\(label)「\(value)」与\(otherLabel)「\(other)」不一致")
    }

    static func overLimit(_ label: String, _ value: String, limit: String, _ limitValue: String) -> RuleMessage {
        RuleMessage(.crossAtMost, .error, "\(label)（\(value)）不应超过\(limit)（\(limitValue)）")
    }

    static func sumOverLimit(_ labels: [String], sum: String, limit: String, _ limitValue: String) -> RuleMessage {
        RuleMessage(.crossSumAtMost, .error, "\(labels.joined(separator: "+"))合计\(sum)，超过\(limit)（\(limitValue)）")
    }

    static func totalNotSum(_ label: String, total: String, sum: String) -> RuleMessage {
        RuleMessage(.crossSumEquals, .error, "\(label)（\(total)）应等于其分项之和（\(sum)）")
    }

    static func wrongRatio(_ label: String, share: String, part: String, whole: String, expected: Double) -> RuleMessage {
        RuleMessage(.crossRatio, .error, "\(label)填写\(share)%，按\(part)/\(whole)计算应为\(String(format: "%.1f", expected))%")
    }

    static func cumulativeFalls(_ label: String, _ value: String, before: String, _ beforeValue: String) -> RuleMessage {
        RuleMessage(.crossNonDecreasing, .error, "\(label)（\(value)）小于\(before)（\(beforeValue)），累计值不应减少")
    }

    static func countNotListed(_ label: String, count: Int, list: String, listed: Int) -> RuleMessage {
        RuleMessage(.crossCountOf, .error, "\(label)为\(count)，但\(list)列出了\(listed)项")
    }
}
