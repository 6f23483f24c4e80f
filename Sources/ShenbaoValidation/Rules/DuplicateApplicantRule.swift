import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `inbox.duplicate-applicant`: one applicant (same 统一社会信用代码) submitted more than once; each
/// of its submissions gets the error, naming the others.
package struct DuplicateApplicantRule: InboxRule {
    package static let codes: [RuleCode] = [.inboxDuplicateApplicant]

    package func check(_ outcomes: [SubmissionOutcome], specs: [String: CallSpec], options: InboxOptions) -> [(Int, Finding)] {
        var byCode: [String: [Int]] = [:]
        for (index, outcome) in outcomes.enumerated() {
            guard let call = outcome.call, let spec = specs[call], spec.submission.onePerApplicant,
                  let codeField = spec.submission.applicantCode,
                  case .string(let code)? = outcome.primary?.fields[codeField] else { continue }
            byCode["\(call)|\(code)", default: []].append(index)
        }
        var findings: [(Int, Finding)] = []
        for (key, indices) in byCode where indices.count > 1 {
            let code = String(key.split(separator: "|").last ?? "")
            for index in indices {
                let others = indices.filter { $0 != index }.map { outcomes[$0].submission.name.lastPathComponent }
                let spec = outcomes[index].call.flatMap { specs[$0] }
                let field = spec?.submission.applicantCode
                findings.append((index, Finding(.duplicateApplicant(code: code, others: others), field: field,
                                                section: field.flatMap { spec?.field($0)?.section })))
            }
        }
        return findings.sorted { $0.0 < $1.0 }
    }
}

extension RuleCode {
    static let inboxDuplicateApplicant = RuleCode("inbox.duplicate-applicant", "one project per applicant (same 统一社会信用代码: an error on each)")
}

extension RuleMessage {
    static func duplicateApplicant(code: String, others: [String]) -> RuleMessage {
        RuleMessage(.inboxDuplicateApplicant, .error, "同一申报单位（统一社会信用代码 \(code)）重复申报，另见：\(others.joined(separator: "、"))")
    }
}
