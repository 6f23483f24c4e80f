import ShenbaoModel

/// A stamped 汇总表 (the table a recommending bureau stamps and sends on): `summary.seal-found` (info) for
/// each seal on it, `summary.seal-missing` (warning) for a place the call's `summary.yaml` `seals:` names
/// (`推荐单位（盖章）`) without a round seal on its page.
package struct SummarySealRule: ValidationRule {
    package static let codes: [RuleCode] = [.summarySealFound, .summarySealMissing]

    /// Findings for the PDF named `file`: `seals` found on it, and the page each required label is on.
    package static func findings(file: String, seals: [Seal], required: [(label: String, page: Int)]) -> [Finding] {
        var findings = seals.map { seal in
            Finding(.summarySealFound(file, seal), location: SourceLocation(page: seal.page))
        }
        for (label, page) in required where !seals.contains(where: { $0.page == page && $0.kind == .round }) {
            findings.append(Finding(.summarySealMissing(file, page: page, label: label), location: SourceLocation(page: page)))
        }
        return findings
    }
}

extension RuleCode {
    static let summarySealFound = RuleCode("summary.seal-found", "a seal on a stamped 汇总表 (page, size, place), info")
    static let summarySealMissing = RuleCode("summary.seal-missing", "a place of the 汇总表 that summary.yaml's seals names, without a seal on its page")
}

extension RuleMessage {
    static func summarySealFound(_ file: String, _ seal: Seal) -> RuleMessage {
        RuleMessage(.summarySealFound, .info,
                    "\(file) 第\(seal.page)页有\(seal.kind == .square ? "方形印章" : "圆形公章")（直径约\(Int(seal.diameterMM.rounded()))毫米）")
    }

    static func summarySealMissing(_ file: String, page: Int, label: String) -> RuleMessage {
        RuleMessage(.summarySealMissing, .warning, "\(file) 第\(page)页「\(label)」处没有找到公章")
    }
}
