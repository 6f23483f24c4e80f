import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// Every rule, in report order, and the codes they declare: the one list the validator runs and the
/// README's code table is held against (`RuleRegistryTests`).
public enum RuleRegistry {
    /// Rules over one book's record, run where the book is read.
    package static let recordRules: [any RecordRule] = [
        RequiredFieldRule(), UnreadableValueRule(), AmbiguousFieldRule(), USCCRule(), PhoneRule(), EmailRule(), URLRule(),
        DateRule(), NumberSignRule(), ChoiceRule(), RangeAndListRule(), LengthRule(), CrossFieldRule(), AllowedValuesRule(),
        KeyEnterpriseRule(), StructureRule(), ReaderNoteRule(),
    ]
    /// Rules over one applicant's submission folder.
    package static let submissionRules: [any SubmissionRule] = [
        SubmissionFilesRule(), FileNameRule(), StampedCopyAgreementRule(), EvidenceRule(), MediaRule(), SealRule(),
    ]
    /// Rules across an inbox.
    package static let inboxRules: [any InboxRule] = [DuplicateApplicantRule(), QuotaRule(), DeadlineRule()]
    /// Rules over what reading a file gave: an error, a scan, a data file's columns, a stamped 汇总表.
    package static let readingRules: [any ValidationRule.Type] = [ReadErrorRule.self, OtherCallRule.self, ScanReadingRule.self,
                                                                   DataColumnRule.self, SummarySealRule.self]

    /// Every rule type.
    public static var all: [any ValidationRule.Type] {
        readingRules + recordRules.map { type(of: $0) } + submissionRules.map { type(of: $0) } + inboxRules.map { type(of: $0) }
    }

    /// Every code, in report order.
    public static var codes: [RuleCode] { all.flatMap { $0.codes } }
}
