import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction

/// Checkbox lists: `choice.multiple` (限选1项 but several ticked), `choice.count` (more or fewer
/// selections than the form allows: 最多选3项, at least one), `choice.other-note` (其他 ticked with
/// nothing written after 请注明).
package struct ChoiceRule: RecordRule {
    package static let codes: [RuleCode] = [.choiceMultiple, .choiceCount, .choiceOtherNote]

    package func check(_ record: Record, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var limits: [String: (min: Int, max: Int)] = [:]
        for case .selections(let id, let min, let max) in context.checks { limits[id] = (min, max) }
        for field in context.spec.fields {
            switch field.type {
            case .choice:
                if record.ambiguous[field.id] == nil, let raw = record.unparsed[field.id] {
                    let ticked = Self.tickedOptions(raw, field: field)
                    if ticked.count > 1 {
                        findings.append(Finding(.severalTicked(field, ticked: ticked), field: field, record: record))
                    }
                }
                if case .string(let value)? = record.fields[field.id] { findings += otherNote([value], field: field, record: record) }
            case .multichoice:
                guard case .strings(let values)? = record.fields[field.id] else { continue }
                if let limit = limits[field.id] {
                    if values.count > limit.max {
                        findings.append(Finding(.tooManyChosen(field, max: limit.max, chosen: values.count), field: field, record: record))
                    } else if values.count < limit.min {
                        findings.append(Finding(.tooFewChosen(field, min: limit.min), field: field, record: record))
                    }
                }
                findings += otherNote(values, field: field, record: record)
            default:
                continue
            }
        }
        return findings
    }

    private func otherNote(_ values: [String], field: FieldSpec, record: Record) -> [Finding] {
        guard values.contains(where: { ChoiceReader.isOther($0) && !$0.contains("：") }) else { return [] }
        return [Finding(.otherWithoutNote(field), field: field, record: record)]
    }

    /// The options of a multiply-ticked single choice, as extraction keeps them (`A；B`).
    package static func tickedOptions(_ raw: String, field: FieldSpec) -> [String] {
        let parts = raw.split(separator: "；").map(String.init)
        let options = Set(field.options.map(\.labelKey))
        return parts.allSatisfy({ options.contains(String($0.split(separator: "：").first ?? "").labelKey) }) ? parts : []
    }
}

extension RuleCode {
    static let choiceMultiple = RuleCode("choice.multiple", "限选1项 with several ticked")
    static let choiceCount = RuleCode("choice.count", "最多选3项 exceeded, or none chosen")
    static let choiceOtherNote = RuleCode("choice.other-note", "其他 without its note")
}

extension RuleMessage {
    static func severalTicked(_ field: FieldSpec, ticked: [String]) -> RuleMessage {
        RuleMessage(.choiceMultiple, .error, "\(field.quoted)限选1项，却勾选了\(ticked.count)项：\(ticked.joined(separator: "、"))")
    }

    static func tooManyChosen(_ field: FieldSpec, max: Int, chosen: Int) -> RuleMessage {
        RuleMessage(.choiceCount, .error, "\(field.quoted)最多选\(max)项，却勾选了\(chosen)项")
    }

    static func tooFewChosen(_ field: FieldSpec, min: Int) -> RuleMessage {
        RuleMessage(.choiceCount, .error, "\(field.quoted)至少应选\(min)项")
    }

    static func otherWithoutNote(_ field: FieldSpec) -> RuleMessage {
        RuleMessage(.choiceOtherNote, .error, "\(field.quoted)选择了「其他」，但没有注明具体内容")
    }
}
