import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// The Mustache context for a call's templates, built from a record:
/// - every field by its id (`{{unit.name}}`, `{{finance.2020.revenue}}`), formatted as the form prints it
///   (dates `2026年3月26日`, ranges `2024年1月至2025年12月`, choices by their option text);
/// - `options.<id>`: each printed option of a choice field as `{text, mark, checked}`, mark ☑ or ☐;
///   with `label` (the option without “（请注明）”), `note` (the 其他 note) and `other` (true for 其他);
/// - `option.<id>.<n>`: the same for the n-th option (from 1), for layouts that print text between options;
/// - `items.<id>`: each entry of a list field as `{text}`;
/// - `paragraphs.<id>`: each line of a field's text as `{text}` (a long text as Word paragraphs);
/// - `filled.<id>`: true when the field prints something (for the form's hints, shown while blank);
/// - `call.title`, `call.notice`.
/// A missing field is empty, or in a draft `【待补充：<label>】` (the required fields, and those in
/// `alsoMark`), so nothing blank goes unnoticed.
public enum TemplateContext {
    public static func make(record: Record?, spec: CallSpec, draft: Bool = false, alsoMark: Set<String> = []) -> [String: Any] {
        var context: [String: Any] = ["call": ["id": spec.id, "title": spec.title, "notice": spec.notice]]
        var options: [String: Any] = [:]
        var numbered: [String: Any] = [:]
        var items: [String: Any] = [:]
        var paragraphs: [String: Any] = [:]
        var filled: [String: Any] = [:]
        for field in spec.fields {
            let value = record?.fields[field.id]
            let marked = draft && (field.required || alsoMark.contains(field.id))
            let text = value.map { format($0, type: field.type) } ?? (marked ? missing(field) : "")
            set(&context, path: field.id, value: text)
            set(&filled, path: field.id, value: !text.isEmpty)
            set(&paragraphs, path: field.id, value: text.split(separator: "\n", omittingEmptySubsequences: true)
                .map { ["text": String($0)] })
            if field.type == .choice || field.type == .multichoice {
                let chosen = value.map(chosenValues) ?? []
                let list = field.options.map { option -> [String: Any] in
                    let match = chosen.first { $0 == option || $0.hasPrefix(option + "：") }
                    let other = ChoiceReader.isOther(option)
                    var text = other ? option + "（请注明）" : option
                    var note = ""
                    if let match, match.hasPrefix(option + "："), other {
                        note = String(match.dropFirst(option.count + 1))
                        text += "：" + note
                    }
                    return ["text": text, "label": option, "note": note, "other": other,
                            "mark": match != nil ? CheckMark.checked : CheckMark.unchecked, "checked": match != nil]
                }
                set(&options, path: field.id, value: list)
                var byNumber: [String: Any] = [:]
                for (index, entry) in list.enumerated() { byNumber["\(index + 1)"] = entry }
                set(&numbered, path: field.id, value: byNumber)
            }
            if field.type == .list {
                let entries: [String] = { if case .strings(let list)? = value { return list } else { return [] } }()
                set(&items, path: field.id, value: entries.map { ["text": $0] })
            }
        }
        context["options"] = options
        context["option"] = numbered
        context["items"] = items
        context["paragraphs"] = paragraphs
        context["filled"] = filled
        return context
    }

    /// How the form prints a value.
    public static func format(_ value: FieldValue, type: FieldType) -> String {
        switch value {
        case .string(let text) where type == .date: return chineseDate(text)
        case .range(let start, let end): return "\(chineseDate(start))至\(chineseDate(end))"
        case .strings(let values): return values.joined(separator: type == .list ? "\n" : "、")
        default: return value.displayText
        }
    }

    /// `2026-03-26` → `2026年3月26日`; `2026-03` → `2026年3月`.
    public static func chineseDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        switch parts.count {
        case 3: return "\(parts[0])年\(parts[1])月\(parts[2])日"
        case 2: return "\(parts[0])年\(parts[1])月"
        default: return iso
        }
    }

    /// The draft marker for a field with no value.
    public static func missing(_ field: FieldSpec) -> String {
        "【待补充：\(field.displayLabel)】"
    }

    private static func chosenValues(_ value: FieldValue) -> [String] {
        switch value {
        case .string(let text): return [text]
        case .strings(let texts): return texts
        default: return []
        }
    }

    /// Sets a value at a dotted path, creating nested dictionaries.
    package static func set(_ dictionary: inout [String: Any], path: String, value: Any) {
        let parts = path.split(separator: ".").map(String.init)
        guard let first = parts.first else { return }
        if parts.count == 1 {
            dictionary[first] = value
            return
        }
        var nested = dictionary[first] as? [String: Any] ?? [:]
        set(&nested, path: parts.dropFirst().joined(separator: "."), value: value)
        dictionary[first] = nested
    }
}
