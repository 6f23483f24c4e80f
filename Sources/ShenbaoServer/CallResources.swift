import ShenbaoKit

/// What the desk's pages need of one call besides its spec, read from the call folder once when the desk
/// starts (not on every request): its 汇总表 format, its enterprise classification rules and its
/// applicant form (hints placed from the Word template, checks, the 业务指标表's indentation).
struct CallResources: Sendable {
    /// `summary.yaml`; nil when the call has none (or it does not load: the summary is then refused).
    let summary: SummarySpec?
    /// `classification.yaml`; nil for a call that classifies no enterprise.
    let classification: ClassificationRules?
    /// The applicant's form of the call.
    let form: ApplicationForm

    init(spec: CallSpec) {
        summary = try? SummarySpec.load(for: spec)
        classification = try? ClassificationRules.load(from: spec.directory)
        form = ApplicationForm(spec: spec)
    }

    /// The resources of every call, by call id.
    static func of(_ specs: [CallSpec]) -> [String: CallResources] {
        Dictionary(specs.map { ($0.id, CallResources(spec: $0)) }, uniquingKeysWith: { first, _ in first })
    }
}
