import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `inbox.quota`: a recommending unit put forward more projects than the call allows (MIIT 2018:
/// ≤ 15 for a 地方主管部门, ≤ 3 for a 中央企业集团). The unit and its kind are read from the fields the call
/// names (`inbox.quota-fields`); each project of an over-quota unit gets the error.
package struct QuotaRule: InboxRule {
    package static let codes: [RuleCode] = [.inboxQuota]

    package func check(_ outcomes: [SubmissionOutcome], specs: [String: CallSpec], options: InboxOptions) -> [(Int, Finding)] {
        var groups: [String: [Int]] = [:]
        var limits: [String: (kind: String, limit: Int)] = [:]
        for (index, outcome) in outcomes.enumerated() {
            guard let call = outcome.call, let spec = specs[call], !spec.submission.quotas.isEmpty,
                  let record = outcome.primary,
                  let fields = spec.submission.quotaFields,
                  let kind = record.fields[fields.kind]?.displayText, let limit = spec.submission.quotas[kind],
                  let unit = record.fields[fields.unit]?.displayText else { continue }
            let key = "\(call)|\(unit)"
            groups[key, default: []].append(index)
            limits[key] = (kind, limit)
        }
        var findings: [(Int, Finding)] = []
        for (key, indices) in groups {
            guard let (kind, limit) = limits[key], indices.count > limit else { continue }
            let unit = String(key.split(separator: "|").last ?? "")
            for index in indices {
                findings.append((index, Finding(.overQuota(unit: unit, kind: kind, projects: indices.count, limit: limit))))
            }
        }
        return findings.sorted { $0.0 < $1.0 }
    }
}

extension RuleCode {
    static let inboxQuota = RuleCode("inbox.quota", "a recommending unit over its quota")
}

extension RuleMessage {
    static func overQuota(unit: String, kind: String, projects: Int, limit: Int) -> RuleMessage {
        RuleMessage(.inboxQuota, .error, "推荐单位「\(unit)」（\(kind)）推荐了\(projects)个项目，超过上限\(limit)个")
    }
}
