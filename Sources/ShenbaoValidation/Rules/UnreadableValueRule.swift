import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// `field.unreadable`: something is written but it is not a value of the field's type
/// (a date that is no date, a number with words, two boxes ticked on a single choice).
package struct UnreadableValueRule: RecordRule {
    package static let codes: [RuleCode] = [.fieldUnreadable]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        record.unparsed.keys.sorted().compactMap { id in
            guard record.ambiguous[id] == nil, let field = context.spec.field(id), let raw = record.unparsed[id] else { return nil }
            if field.type == .choice, ChoiceRule.tickedOptions(raw, field: field).count > 1 { return nil }  // ChoiceRule reports it
            return Finding(.unreadable(field, raw: raw), field: field, record: record)
        }
    }
}

extension RuleCode {
    static let fieldUnreadable = RuleCode("field.unreadable", "written text that is not a value of the field's type")
}

extension RuleMessage {
    static func unreadable(_ field: FieldSpec, raw: String) -> RuleMessage {
        RuleMessage(.fieldUnreadable, .error, "\(field.quoted)的内容「\(raw.prefix(40))」不是有效的\(field.type.chineseName)")
    }
}
