import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.ambiguous`: a field left out because its place in the book is ambiguous (two places that
/// disagree, a column header that does not name it). A warning: the value is there, but a person must
/// read it — shenbao does not guess.
package struct AmbiguousFieldRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldAmbiguous]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        record.ambiguous.keys.sorted().compactMap { id in
            guard let field = context.spec.field(id), let reason = record.ambiguous[id] else { return nil }
            return Finding(.ambiguous(field, reason: reason), field: field, record: record)
        }
    }
}

extension RuleCode {
    static let fieldAmbiguous = RuleCode("field.ambiguous", "a value whose place is doubtful (two places disagree, a header that does not name the column): left out, never guessed")
}

extension RuleMessage {
    static func ambiguous(_ field: FieldSpec, reason: String) -> RuleMessage {
        RuleMessage(.fieldAmbiguous, .warning, "\(field.quoted)未读取：\(reason)。请人工核对")
    }
}
