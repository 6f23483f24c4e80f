import Foundation
import ShenbaoKit

/// The applicant's form of a call, made from its catalogue alone: every field in the book's sections and
/// order, its label as printed, an input fitting its type, the printed form's hints as help text, and the
/// limits the catalogue states (字数, number of selections, list entries). A new call folder gets its form
/// without a line of Swift or HTML.
///
/// Input names: the field id (`unit.code`); a multichoice sends its id once per ticked option; a 其他
/// option's note is `id.note`; a daterange is `id.start` and `id.end`; list rows are `id[0]`, `id[1]`…,
/// or `id[0][0]`, `id[0][1]`… (row, column) for a list read from a column-headed table.
struct ApplicationForm: Sendable {
    let spec: CallSpec
    /// Field id → the printed form's hints.
    private let hints: [String: [String]]
    /// The checks of the call, as the validator builds them.
    private let checks: [Check]
    /// Field id → how deep it lies under totals the call checks against their parts (a 分类目录's 0000 → 0100 →
    /// 0101): the form indents the parts under their total.
    private let depths: [String: Int]

    init(spec: CallSpec) {
        self.spec = spec
        self.hints = FormHints.of(spec)
        self.checks = RuleContext.checks(of: spec)
        var totalOf: [String: String] = [:]
        for case .sumEquals(let total, let parts) in checks { for part in parts where part != total { totalOf[part] = total } }
        var depths: [String: Int] = [:]
        for part in totalOf.keys {
            var depth = 0, above = totalOf[part]
            while let total = above, depth < totalOf.count { depth += 1; above = totalOf[total] }
            depths[part] = depth
        }
        self.depths = depths
    }

    // MARK: - Rendering

    /// Template values for the partial "applicationFields": sections in book order, each with its fields
    /// (label as printed, input kind, name, current value(s), options, hint, limit, required mark, and the
    /// findings on that field: [(severity, rule, message)]).
    func values(data: [String: Any], findings: [Finding]) -> [String: Any] {
        let given = Self.flatten(data)
        // Data keyed by printed labels rather than ids is read as `fill` reads it.
        let record = DataFileReader(spec: spec).record(from: data, file: "")
        var sections: [[String: Any]] = []
        for (number, section) in spec.sections.enumerated() {
            var fields: [[String: Any]] = []
            var lastGroup = ""
            for field in spec.fields where field.section == section {
                let value: Any? = given[field.id] ?? record.fields[field.id].map(Self.plain) ?? record.unparsed[field.id].map { $0 as Any }
                var values = self.values(of: field, value: value, findings: findings.filter { $0.field == field.id })
                let group = Self.group(of: field, in: spec)
                // A group named like the field before it (上市情况, then 上市情况/股票代码) is that field's: no heading.
                let previous = fields.last?["label"] as? String
                if !group.isEmpty && group != lastGroup && group != previous { values["group"] = group }
                lastGroup = group == previous ? "" : group
                fields.append(values)
            }
            sections.append(["section": section, "sectionID": "s-\(number + 1)", "fields": fields])
        }
        let ids = Set(spec.fields.map(\.id))
        let general = findings.filter { $0.field.map { !ids.contains($0) } ?? true }.map(Self.finding)
        return ["sections": sections, "callID": spec.id, "callTitle": spec.title,
                "generalFindings": general, "hasGeneralFindings": !general.isEmpty]
    }

    /// The id of a field's input on the page (`f-` and the field id, dots as dashes); its container is `…-box`.
    static func htmlID(_ fieldID: String) -> String { "f-" + fieldID.replacingOccurrences(of: ".", with: "-") }

    /// The findings of the form's fields in the form's order, errors first, each with its field's label and a link
    /// to it: the list at the top of the page that takes the applicant to each field to fix.
    func findingsByField(_ findings: [Finding]) -> [[String: Any]] {
        let order = Dictionary(spec.fields.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: [(rank: Int, finding: Finding, field: FieldSpec)] = []
        for finding in findings {
            guard let id = finding.field, let index = order[id], let field = spec.field(id) else { continue }
            placed.append(((finding.severity == .error ? 0 : 1) * order.count + index, finding, field))
        }
        return placed.sorted { $0.rank < $1.rank }.map { item -> [String: Any] in
            ["severity": item.finding.severity.rawValue, "severityName": item.finding.severity == .error ? "错误" : "警告",
             "label": Self.label(of: item.field, in: spec), "anchor": Self.htmlID(item.field.id) + "-box",
             "message": item.finding.message]
        }
    }

    private func values(of field: FieldSpec, value: Any?, findings: [Finding]) -> [String: Any] {
        let html = Self.htmlID(field.id)
        var out: [String: Any] = [
            "id": field.id, "name": field.id, "htmlID": html, "label": Self.label(of: field, in: spec),
            "required": field.required, "type": field.type.rawValue, "typeName": field.type.chineseName,
        ]
        var notes: [String] = []
        var describedBy: [String] = []
        let hint = hints[field.id] ?? []
        let shown = findings.sorted { $0.severity < $1.severity }.map(Self.finding)
        switch field.type {
        case .text, .uscc, .phone, .email, .url, .int, .money, .decimal, .date:
            let text = Self.text(value)
            out["isInput"] = true
            out["value"] = text
            var input: [String: Any] = ["inputType": "text"]
            switch field.type {
            case .uscc:
                input["maxlength"] = "18"; input["autocapitalize"] = "characters"; input["size"] = "22"
                notes.append("18 位，字母大写")
            case .phone: input["inputType"] = "tel"; input["autocomplete"] = "tel"
                if checks.contains(.mobile(field.id)) { notes.append("填写 11 位手机号码") }
            case .email: input["inputType"] = "email"; input["autocomplete"] = "email"
            case .url:
                // A scheme is optional to the validator (`www.example.cn`), so not `type=url`.
                input["inputmode"] = "url"
                input["pattern"] = #"(https?://)?[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+(:\d+)?(/\S*)?"#
                input["placeholder"] = "www.example.cn"
            case .date:
                // Partial dates (`2026-03`) and 2026年3月26日 are valid: a text box, not the date picker.
                input["placeholder"] = "2026-03-26"
                notes.append("如 2026-03-26、2026-03 或 2026年3月26日")
            case .int, .money, .decimal:
                // A value the browser's number box cannot hold (`1,234万元` from a data file) stays in a text box.
                if text.isEmpty || Double(text) != nil {
                    input["inputType"] = "number"
                    input["step"] = field.type == .int ? "1" : field.type == .money ? "0.0001" : "any"
                    input["inputmode"] = field.type == .int ? "numeric" : "decimal"
                }
                if field.type == .money {
                    input["unit"] = "万元"
                    // The book may print another unit (`总经费（元）`); the data, and so the form, are in 万元.
                    let printed = field.locator.unit ?? (field.label.range(of: #"[（(]\s*(亿元|元)\s*[)）]"#, options: .regularExpression)
                        .map { String(field.label[$0]).filter { "亿元".contains($0) } })
                    if let printed, printed != "万元" { notes.append("请按万元填写（原表以\(printed)计）") }
                }
                if checks.contains(.positive(field.id, strict: false)) { notes.append("不小于 0") }
                if checks.contains(.positive(field.id, strict: true)) { notes.append("大于 0") }
            default: break
            }
            out["input"] = input
            // A total the call checks against its parts (cross.sum-equals): the parts' sum shown beside it as they are typed.
            for case .sumEquals(let total, let parts) in checks where total == field.id {
                out["sumOf"] = parts.joined(separator: " ")
                out["isTotal"] = true
            }
            if let depth = depths[field.id] { out["depth"] = min(depth, 3) }
        case .longtext:
            let text = Self.text(value)
            out["isLongtext"] = true
            out["value"] = text
            out["rows"] = max(4, min(16, text.split(separator: "\n", omittingEmptySubsequences: false).count + text.count / 60 + 1))
            out["count"] = LengthRule.wordCount(text)
            if let limit = limit(of: field) {
                out["limit"] = limit
                out["over"] = LengthRule.wordCount(text) > limit
                notes.append("限 \(limit) 字（按 Word 字数计）")
            }
            describedBy.append(html + "-count")
        case .daterange:
            let (start, end) = Self.range(value)
            out["isDaterange"] = true
            out["start"] = start
            out["end"] = end
            notes.append("起止日期，如 2024-03 至 2025-12，或写到日")
        case .choice, .multichoice:
            let chosen = Self.chosen(value, field: field)
            let isMulti = field.type == .multichoice
            out[isMulti ? "isMultichoice" : "isChoice"] = true
            var otherNote = ""
            out["options"] = field.options.enumerated().map { index, option -> [String: Any] in
                let picked = chosen.first { $0.option == option }
                let isOther = ChoiceReader.isOther(option)
                if isOther, let note = picked?.note { otherNote = note }
                return ["option": option, "optionID": "\(html)-\(index + 1)", "checked": picked != nil, "isOther": isOther,
                        "name": field.id, "required": field.required && !isMulti,
                        "noteName": field.id + ".note", "noteID": "\(html)-note"]
            }
            out["note"] = otherNote
            // An option the data names that is none of the printed ones is kept in view, not dropped.
            let unknown = chosen.filter { $0.option == nil }.map(\.text)
            if !unknown.isEmpty { out["unknown"] = unknown.joined(separator: "；") }
            if isMulti, let range = selections(of: field) {
                if range.max < Int.max {
                    out["max"] = range.max
                    notes.append(range.min > 1 ? "选 \(range.min)–\(range.max) 项" : "最多选 \(range.max) 项")
                } else if range.min > 0 {
                    notes.append("至少选 \(range.min) 项")
                }
            }
            if field.options.contains(where: ChoiceReader.isOther) { notes.append("选“其他”请注明") }
        case .list:
            let items = Self.items(value)
            out["isList"] = true
            let columns = field.locator.columns ?? []
            // Three blank rows to fill without the script; with it, 添加一行 adds more.
            let rows = items + Array(repeating: "", count: 3)
            out["hasColumns"] = !columns.isEmpty
            out["columns"] = columns.enumerated().map { ["column": $1.trimmingWhitespace(), "columnIndex": $0] }
            out["rows"] = rows.enumerated().map { index, item -> [String: Any] in
                var row: [String: Any] = ["rowIndex": index, "rowNumber": index + 1, "value": item,
                                          "rowName": "\(field.id)[\(index)]", "rowID": "\(html)-\(index)"]
                if !columns.isEmpty {
                    let cells = Self.cells(item, columns: columns)
                    row["cells"] = columns.indices.map { column -> [String: Any] in
                        ["cellName": "\(field.id)[\(index)][\(column)]", "cellID": "\(html)-\(index)-\(column)",
                         "cellValue": cells[column], "cellLabel": "第 \(index + 1) 行 \(columns[column].trimmingWhitespace())"]
                    }
                }
                return row
            }
            out["nextIndex"] = rows.count
            out["template"] = ["rowName": "\(field.id)[__i__]", "rowID": "\(html)-__i__", "rowNumber": "__n__",
                               "cells": columns.indices.map { column -> [String: Any] in
                                   ["cellName": "\(field.id)[__i__][\(column)]", "cellID": "\(html)-__i__-\(column)",
                                    "cellLabel": "第 __n__ 行 \(columns[column].trimmingWhitespace())"]
                               }]
            if let max = maxItems(of: field) {
                let uncounted = spec.listItemsNotCounted[field.id] ?? []
                notes.append("最多 \(max) 项" + (uncounted.isEmpty ? "" : "（写明“\(uncounted.joined(separator: "”“"))”的一项不计入）"))
            }
            notes.append("每行一项")
        }
        for case .requiredUnless(let id, let other, let values) in checks where id == field.id {
            let otherLabel = spec.field(other).map { Self.label(of: $0, in: spec) } ?? other
            notes.append("「\(otherLabel)」选“\(values.joined(separator: "”或“"))”时可不填")
        }
        if !hint.isEmpty || !notes.isEmpty {
            out["hasHelp"] = true
            out["hints"] = hint
            out["notes"] = notes.joined(separator: "；")
            out["hasNotes"] = !notes.isEmpty
            out["helpID"] = html + "-help"
            describedBy.insert(html + "-help", at: 0)
        }
        if !shown.isEmpty {
            out["hasFindings"] = true
            out["findings"] = shown
            out["findingsID"] = html + "-findings"
            out["hasError"] = findings.contains { $0.severity == .error }
            describedBy.append(html + "-findings")
        }
        out["describedBy"] = describedBy.joined(separator: " ")
        out["hasDescribedBy"] = !describedBy.isEmpty
        return out
    }

    private func limit(of field: FieldSpec) -> Int? {
        checks.compactMap { check -> Int? in
            guard case .maxLength(let id, let max) = check, id == field.id else { return nil }
            return max
        }.min()
    }

    private func selections(of field: FieldSpec) -> (min: Int, max: Int)? {
        var found: (min: Int, max: Int)?
        for case .selections(let id, let low, let high) in checks where id == field.id {
            found = (max(found?.min ?? 0, low), min(found?.max ?? .max, high))
        }
        if found == nil || found?.max == .max, let printed = Self.printedMaximum(field.label) {
            found = (found?.min ?? 0, printed)
        }
        return found
    }

    /// 最多选3项 / 限选 1 项 / 最多选 3 个 in the printed label, for a call whose rule column does not say it.
    private static func printedMaximum(_ label: String) -> Int? {
        guard let match = label.range(of: #"(?:最多|限)选?\s*\d+\s*[项个]"#, options: .regularExpression) else { return nil }
        return Int(label[match].filter(\.isNumber))
    }

    private func maxItems(of field: FieldSpec) -> Int? {
        checks.compactMap { check -> Int? in
            guard case .maxItems(let id, let max) = check, id == field.id else { return nil }
            return max
        }.min()
    }

    private static func finding(_ finding: Finding) -> [String: Any] {
        ["severity": finding.severity.rawValue, "severityName": finding.severity.chineseName, "rule": finding.rule,
         "message": finding.message, "isError": finding.severity == .error]
    }

    /// The label as printed: the path without its group, its row and label side by side (`负责人 职务`). A
    /// `/` that heads no group (no header, no other field under it: `AI产品/服务`) is part of the label.
    static func label(of field: FieldSpec, in spec: CallSpec) -> String {
        let parts = field.label.split(separator: "/").map { String($0).trimmingWhitespace() }
        guard parts.count >= 2 else { return field.label.trimmingWhitespace() }
        guard !group(of: field, in: spec).isEmpty else { return parts.joined(separator: "/") }
        return parts.dropFirst().joined(separator: " ")
    }

    /// The printed group a field sits in (`企业经营状况`): the first part of its label path, when it is a
    /// header of the call or heads other fields too.
    static func group(of field: FieldSpec, in spec: CallSpec) -> String {
        let parts = field.label.split(separator: "/").map { String($0).trimmingWhitespace() }
        guard parts.count >= 2 else { return "" }
        let isGroup = spec.headers.contains { $0.labelKey == parts[0].labelKey }
            || spec.fields.contains { other in
                let path = other.label.split(separator: "/")
                return other.id != field.id && path.count >= 2 && String(path[0]).trimmingWhitespace() == parts[0]
            }
        return isGroup ? parts[0] : ""
    }

    // MARK: - Values in the data

    /// Nested groups (`org: {name: …}`) as dotted ids; a daterange's `{start, end}` stays whole.
    static func flatten(_ data: [String: Any]) -> [String: Any] {
        var flat: [String: Any] = [:]
        func walk(_ object: [String: Any], prefix: String) {
            for (key, value) in object {
                let id = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let nested = value as? [String: Any], !nested.isEmpty, !Set(nested.keys).isSubset(of: ["start", "end"]) {
                    walk(nested, prefix: id)
                } else if let nested = value as? [AnyHashable: Any] {
                    var keyed: [String: Any] = [:]
                    for (key, item) in nested { keyed["\(key.base)"] = item }
                    if Set(keyed.keys).isSubset(of: ["start", "end"]) { flat[id] = keyed } else { walk(keyed, prefix: id) }
                } else {
                    flat[id] = value
                }
            }
        }
        walk(data, prefix: "")
        return flat
    }

    /// A typed value back as data.
    private static func plain(_ value: FieldValue) -> Any {
        switch value {
        case .string(let text): return text
        case .int(let number): return number
        case .number(let number): return number
        case .range(let start, let end): return ["start": start, "end": end]
        case .strings(let items): return items
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let number as Int: return String(number)
        case let number as Double:
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case let items as [Any]: return items.map { text($0) }.joined(separator: "\n")
        case let value?: return "\(value)"
        }
    }

    private static func range(_ value: Any?) -> (String, String) {
        if let range = value as? [String: Any] { return (text(range["start"]), text(range["end"])) }
        let whole = text(value)
        if whole.isEmpty { return ("", "") }
        if let parsed = DateParser.parseRange(whole) { return (parsed.start, parsed.end) }
        return (whole, "")
    }

    private struct Chosen {
        var option: String?
        var note: String
        var text: String
    }

    /// The options a value names (`其他：说明` keeps its note), as DataFileReader reads them.
    private static func chosen(_ value: Any?, field: FieldSpec) -> [Chosen] {
        let names: [String]
        switch value {
        case let items as [Any]: names = items.map { text($0) }
        case let whole as String where field.type == .multichoice:
            names = whole.split(whereSeparator: { "、，,;；|\n".contains($0) }).map(String.init)
        case nil: names = []
        default: names = [text(value)]
        }
        return names.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { name in
            let parts = name.split(separator: "：", maxSplits: 1).flatMap { $0.split(separator: ":", maxSplits: 1) }.map(String.init)
            let option = field.options.first { $0.labelKey == (parts.first ?? name).labelKey }
            let note = parts.count > 1 ? parts[1].trimmingWhitespace() : ""
            return Chosen(option: option, note: note, text: name)
        }
    }

    private static func items(_ value: Any?) -> [String] {
        switch value {
        case let items as [Any]: return items.map { text($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        case nil: return []
        default: return text(value).split(separator: "\n").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
    }

    /// A column-headed list's entry (`研究内容：…；具体时间：…`) as its cells; text naming no column goes in the first.
    private static func cells(_ item: String, columns: [String]) -> [String] {
        var cells = Array(repeating: "", count: columns.count)
        guard !item.isEmpty else { return cells }
        var loose: [String] = []
        for part in item.split(separator: "；").map(String.init) {
            let pieces = part.split(separator: "：", maxSplits: 1).map(String.init)
            if pieces.count == 2, let column = columns.firstIndex(where: { $0.labelKey == pieces[0].labelKey }) {
                cells[column] = pieces[1]
            } else {
                loose.append(part)
            }
        }
        if !loose.isEmpty { cells[0] = ([cells[0]] + loose).filter { !$0.isEmpty }.joined(separator: "；") }
        return cells
    }

    // MARK: - Posted form → data

    /// The posted form back to the applicant's data (field id → value) in the shape DataFileReader.record(from:file:)
    /// reads and `shenbao init` writes; blank inputs left out.
    static func data(from form: FormFields, spec: CallSpec) -> [String: Any] {
        var flat: [(String, Any)] = []
        for field in spec.fields {
            if let value = value(of: field, in: form) { flat.append((field.id, value)) }
        }
        return nested(flat)
    }

    private static func value(of field: FieldSpec, in form: FormFields) -> Any? {
        func trimmed(_ name: String) -> String {
            (form[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        }
        switch field.type {
        case .text, .uscc, .phone, .email, .url, .date:
            let text = trimmed(field.id)
            return text.isEmpty ? nil : text
        case .longtext:
            let text = (form[field.id] ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let kept = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return kept.isEmpty ? nil : kept
        case .int:
            let text = trimmed(field.id)
            if text.isEmpty { return nil }
            return Int(text) ?? text
        case .money, .decimal:
            let text = trimmed(field.id)
            if text.isEmpty { return nil }
            if let number = Double(text), number.isFinite { return number }
            return text
        case .daterange:
            let start = trimmed(field.id + ".start"), end = trimmed(field.id + ".end")
            return start.isEmpty && end.isEmpty ? nil : ["start": start, "end": end]
        case .choice, .multichoice:
            let note = trimmed(field.id + ".note")
            let picked = (form.values[field.id] ?? []).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            var out: [String] = []
            for name in picked where !out.contains(where: { $0 == name || $0.hasPrefix(name + "：") }) {
                let option = field.options.first { $0 == name }
                out.append(option.map(ChoiceReader.isOther) == true && !note.isEmpty ? "\(name)：\(note)" : name)
            }
            if out.isEmpty { return nil }
            return field.type == .choice ? (out.count == 1 ? out[0] : out.joined(separator: "；")) : out
        case .list:
            let prefix = field.id + "["
            var rows: [Int: [Int: String]] = [:]
            for (name, values) in form.values where name.hasPrefix(prefix) {
                let indices = name.dropFirst(prefix.count).split(separator: "[").map { $0.hasSuffix("]") ? $0.dropLast() : $0 }
                guard let row = indices.first.flatMap({ Int($0) }), let text = values.first else { continue }
                let column = indices.count > 1 ? Int(indices[1]) ?? 0 : 0
                rows[row, default: [:]][column] = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
            }
            let columns = field.locator.columns ?? []
            let items = rows.keys.sorted().compactMap { row -> String? in
                let cells = rows[row] ?? [:]
                if columns.isEmpty { return cells[0].flatMap { $0.isEmpty ? nil : $0 } }
                let parts = columns.indices.compactMap { column -> String? in
                    guard let text = cells[column], !text.isEmpty else { return nil }
                    return "\(columns[column].trimmingWhitespace())：\(text)"
                }
                return parts.isEmpty ? nil : parts.joined(separator: "；")
            }
            return items.isEmpty ? nil : items
        }
    }

    /// Dotted ids as nested groups (`org: {name: …}`), as `shenbao init` writes them; an id that would
    /// collide with a group (a field `a.b` beside a field `a.b.c`) stays a dotted key, which reads the same.
    private static func nested(_ flat: [(String, Any)]) -> [String: Any] {
        let groups = Set(flat.flatMap { id, _ -> [String] in
            let parts = id.split(separator: ".")
            return parts.indices.dropLast().map { parts[...$0].joined(separator: ".") }
        })
        var root: [String: Any] = [:]
        func insert(_ parts: ArraySlice<String>, _ value: Any, into object: inout [String: Any]) {
            guard let first = parts.first else { return }
            if parts.count == 1 { object[first] = value; return }
            var child = object[first] as? [String: Any] ?? [:]
            insert(parts.dropFirst(), value, into: &child)
            object[first] = child
        }
        let ids = Set(flat.map(\.0))
        for (id, value) in flat {
            let parts = id.split(separator: ".").map(String.init)
            let clashes = groups.contains(id) || parts.indices.dropLast().contains { end in ids.contains(parts[...end].joined(separator: ".")) }
            if clashes || parts.count == 1 { root[id] = value } else { insert(parts[...], value, into: &root) }
        }
        return root
    }
}
