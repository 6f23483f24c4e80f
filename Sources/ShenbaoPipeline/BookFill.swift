import ShenbaoModel
import ShenbaoSpec
import ShenbaoValidation
import ShenbaoWriters

/// The `fill` and `declaration` sequence, for the command line and the web desk: an applicant's record is
/// checked by the record rules, then written — finished when no error is found; with errors, not at all,
/// or (when asked) as a draft marking what is missing with 【待补充：…】.
public enum BookFill {
    /// What `run` found and did.
    public struct Outcome: Sendable {
        /// The record rules' findings.
        public var findings: [Finding]
        /// Whether the document was written.
        public var written: Bool

        /// The findings that are errors.
        public var errors: [Finding] { findings.filter { $0.severity == .error } }
        /// Written with errors: a draft.
        public var draft: Bool { written && !errors.isEmpty }
    }

    /// Checks `record` and writes the `kind` document for it to `path` (never over one of `inputs`);
    /// with errors it writes only when `draft` allows it.
    public static func run(_ kind: BookWriter.Kind, record: Record, spec: CallSpec, to path: String, template: String? = nil,
                           inputs: [String] = [], allowDraft: Bool, today: String = Validator.currentDate()) throws -> Outcome {
        let findings = ApplicantData.findings(for: record, spec: spec, today: today)
        let hasErrors = findings.contains { $0.severity == .error }
        guard !hasErrors || allowDraft else { return Outcome(findings: findings, written: false) }
        try BookWriter(spec: spec).write(kind, record: record, to: path, template: template, inputs: inputs, draft: hasErrors,
                                         findings: findings)
        return Outcome(findings: findings, written: true)
    }
}
