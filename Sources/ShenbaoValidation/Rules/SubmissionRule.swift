import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// A rule over one applicant's submission folder (its files and the records of its books).
package protocol SubmissionRule: ValidationRule {
    func check(_ outcome: SubmissionOutcome, spec: CallSpec) -> [Finding]
}
