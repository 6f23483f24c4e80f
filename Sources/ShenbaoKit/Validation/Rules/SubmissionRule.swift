/// A rule over one applicant's submission folder (its files and the records of its books).
protocol SubmissionRule: Sendable {
    func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding]
}
