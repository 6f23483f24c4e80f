import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// The data file an applicant fills for `shenbao fill`: YAML nested by field id, one field a line, each
/// commented with its printed label, type, whether it is required, its options and rule —
/// `org:\n  name: ""  # 单位名称 · 文本 · 必填`. `DataFileReader` reads it back: the blank skeleton as an
/// empty record, a filled one (or one written from a record) as that record.
public enum DataSkeleton {
    /// The YAML text; with a record, its values are written in (the record as a data file).
    public static func yaml(for spec: CallSpec, record: Record? = nil) -> String {
        var out = """
        # \(spec.title) — 数据文件（shenbao init --call \(spec.id)）
        # 在每个冒号后填写取值，注释（# 之后）不必删除。填好后：
        #   shenbao fill --call \(spec.id) 本文件.yaml --out 申报书.docx
        #   shenbao declaration --call \(spec.id) 本文件.yaml --out 承诺书.docx
        # 写法：文字加英文双引号，换行写作 \\n；日期 "2026-03-26"（或 "2026-03"）；起止日期 {start: "2024-01", end: "2025-12"}；
        # 金额以万元计，数字不加引号；单选写选项原文，“其他”写作 "其他：说明"；多选和列表写作 ["甲", "乙"]，不选留空 []。

        """
        var emitted: Set<String> = []
        var lastSection = ""
        // Groups in order of first appearance, so a group the catalogue interleaves stays one mapping.
        func emit(prefix: [String], depth: Int) {
            let fields = spec.fields.filter { $0.idParts.starts(with: prefix) && !emitted.contains($0.id) }
            var seenChildren: [String] = []
            for field in fields where field.idParts.count > prefix.count {
                let child = field.idParts[prefix.count]
                if seenChildren.contains(child) { continue }
                seenChildren.append(child)
                let path = prefix + [child]
                let indent = String(repeating: "  ", count: depth)
                if field.idParts == path {
                    if field.section != lastSection {
                        out += "\(indent)# —— \(field.section)\n"
                        lastSection = field.section
                    }
                    out += "\(indent)\(key(child)): \(value(record?.fields[field.id], field))  # \(comment(field))\n"
                    emitted.insert(field.id)
                } else {
                    if depth == 0, let first = fields.first(where: { $0.idParts.starts(with: path) }), first.section != lastSection {
                        out += "\n# —— \(first.section)\n"
                        lastSection = first.section
                    }
                    out += "\(indent)\(key(child)):\n"
                    emit(prefix: path, depth: depth + 1)
                }
            }
        }
        emit(prefix: [], depth: 0)
        return out
    }

    /// `# 单位名称 · 文本 · 必填 · 选项：… · 规则：…`.
    package static func comment(_ field: FieldSpec) -> String {
        var parts = [field.label.replacingOccurrences(of: "/", with: " / "), typeHint(field.type), field.required ? "必填" : "选填"]
        if !field.options.isEmpty {
            parts.append("选项：" + field.options.map { ChoiceReader.isOther($0) ? "\($0)：说明" : $0 }.joined(separator: " | "))
        }
        if !field.rule.isEmpty { parts.append("规则：" + field.rule) }
        return parts.joined(separator: " · ")
    }

    static func typeHint(_ type: FieldType) -> String {
        switch type {
        case .date: return "日期 YYYY-MM-DD"
        case .daterange: return "起止日期"
        case .longtext: return "长文本（分段用 \\n）"
        case .choice: return "单选"
        case .multichoice: return "多选"
        default: return type.chineseName
        }
    }

    private static func key(_ part: String) -> String {
        part.allSatisfy(\.isNumber) ? "\"\(part)\"" : part
    }

    /// A value as YAML: strings double-quoted, numbers bare, ranges and lists in flow style.
    package static func value(_ value: FieldValue?, _ field: FieldSpec) -> String {
        switch value {
        case .none:
            switch field.type {
            case .multichoice, .list: return "[]"
            case .daterange: return "{start: \"\", end: \"\"}"
            default: return "\"\""
            }
        case .string(let text)?: return quoted(text)
        case .int(let number)?: return String(number)
        case .number?: return value!.displayText
        case .range(let start, let end)?: return "{start: \(quoted(start)), end: \(quoted(end))}"
        case .strings(let items)?: return "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    /// A YAML double-quoted scalar.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension FieldSpec {
    /// The dotted id's parts (`unit.head.name` → unit, head, name).
    var idParts: [String] { id.split(separator: ".").map(String.init) }
}
