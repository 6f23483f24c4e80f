import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `submission.evidence-missing`: a supporting document the call requires (营业执照, 纳税证明,
/// 审计报告, 用户应用证明 …) is not among the submission's files, matched by file name.
package struct EvidenceRule: SubmissionRule {
    package static let codes: [RuleCode] = [.submissionEvidenceMissing]

    package func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding] {
        guard outcome.submission.folder != nil else { return [] }
        let names = outcome.submission.files.map { $0.lastPathComponent.labelKey }
        return spec.submission.evidence.compactMap { evidence in
            let words = evidence.match.map(\.labelKey)
            guard !names.contains(where: { name in words.contains { name.containsText($0) } }) else { return nil }
            return Finding(.evidenceMissing(evidence.name, searched: evidence.match))
        }
    }
}

extension RuleCode {
    static let submissionEvidenceMissing = RuleCode("submission.evidence-missing", "a 佐证材料 the call asks for, by file name")
}

extension RuleMessage {
    static func evidenceMissing(_ name: String, searched words: [String]) -> RuleMessage {
        RuleMessage(.submissionEvidenceMissing, .error, "未找到佐证材料「\(name)」（按文件名查找：\(words.joined(separator: "、"))）")
    }
}
