/// The Mustache context for a call's templates, built from a record:
/// - every field by its id (`{{org.name}}`, `{{fin.2020.revenue}}`), formatted as the form prints it
///   (dates `2026年3月26日`, ranges `2024年1月至2025年12月`, choices by their option text);
/// - `options.<id>`: each printed option of a choice field as `{text, mark, checked}`, mark ☑ or ☐;
/// - `items.<id>`: each entry of a list field as `{text}`;
/// - `call.title`, `call.notice`.
/// A missing field is empty, or in a draft `【待补充：<label>】`, so nothing blank goes unnoticed.
public enum TemplateContext {
    public static func make(record: Record?, spec: CallSpec, draft: Bool = false) -> [String: Any] {
        var context: [String: Any] = ["call": ["id": spec.id, "title": spec.title, "notice": spec.notice]]
        var options: [String: Any] = [:]
        var items: [String: Any] = [:]
        for field in spec.fields {
            let value = record?.fields[field.id]
            let text = value.map { format($0, type: field.type) } ?? (draft ? missing(field) : "")
            set(&context, path: field.id, value: text)
            if field.type == .choice || field.type == .multichoice {
                let chosen = value.map(chosenValues) ?? []
                set(&options, path: field.id, value: field.options.map { option -> [String: Any] in
                    let match = chosen.first { $0 == option || $0.hasPrefix(option + "：") }
                    var text = ChoiceReader.isOther(option) ? option + "（请注明）" : option
                    if let match, match.hasPrefix(option + "："), ChoiceReader.isOther(option) {
                        text += "：" + match.dropFirst(option.count + 1)
                    }
                    return ["text": text, "mark": match != nil ? CheckMark.checked : CheckMark.unchecked, "checked": match != nil]
                })
            }
            if field.type == .list {
                let entries: [String] = { if case .strings(let list)? = value { return list } else { return [] } }()
                set(&items, path: field.id, value: entries.map { ["text": $0] })
            }
        }
        context["options"] = options
        context["items"] = items
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
    static func set(_ dictionary: inout [String: Any], path: String, value: Any) {
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
