/// A rule over one applicant's submission folder (its files and the records of its books).
protocol SubmissionRule: ValidationRule {
    func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding]
}
