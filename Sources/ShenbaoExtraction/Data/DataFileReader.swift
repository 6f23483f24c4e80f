import Foundation
import SwiftCSV
import Yams
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads records from data files — YAML, JSON (an object, an array, JSON lines, or `extract` output)
/// and CSV (one row per record, UTF-8 with or without BOM) — keyed by field ids or by printed labels.
/// Values go through the same parsers as books, so `2026年3月26日` or `1,234万元` work in data too.
/// A key that is no field is listed in `unmatched` and its text kept in `passages` under the key, so a
/// data file can give a book's passage (`项目概述`) or a summary column (`工业模型项目描述`) directly.
public struct DataFileReader: Sendable {
    public let spec: CallSpec
    /// Printed labels (full path, last part, display label) → field id.
    private let labels: [String: String]

    public init(spec: CallSpec) {
        self.spec = spec
        self.labels = Self.labelIndex(spec)
    }

    /// The file extensions read as data.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "jsonl", "csv"]

    /// Every record in the file at `path`.
    public func read(path: String) throws(ReadError) -> [Record] {
        guard let data = FileManager.default.contents(atPath: path) else { throw ReadError.unreadable("无法读取数据文件") }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ReadError.notThisFormat("数据文件不是 UTF-8 编码（Excel 另存为“CSV UTF-8”即可）")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows: [[String: Any]]
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": rows = try csvRows(text)
        case "json", "jsonl": rows = try jsonRows(text)
        default: rows = try yamlRows(text)
        }
        return rows.enumerated().map { index, row in
            spec.derivingTotals(record(from: row, file: rows.count > 1 ? "\(path)#\(index + 1)" : path))
        }
    }

    /// A record from one row of keys (ids, labels, or nested groups) and values.
    public func record(from row: [String: Any], file: String) -> Record {
        var record = Record(call: spec.id, file: file)
        var flat: [String: Any] = [:]
        Self.flatten(row, prefix: "", into: &flat)
        for (key, value) in flat.sorted(by: { $0.key < $1.key }) {
            guard let field = spec.field(key) ?? labels[key.labelKey].flatMap(spec.field) else {
                if !Self.isEmpty(value) {
                    record.unmatched.append(key)
                    // Kept by its key: a passage (项目概述) or a summary column (工业模型项目描述) given as data.
                    if !(value is [Any]) && !(value is [String: Any]) { record.passages[key] = "\(value)".trimmingWhitespace() }
                }
                continue
            }
            switch Self.outcome(of: value, as: field) {
            case .blank: continue
            case .value(let typed): record.fields[field.id] = typed
            case .unparsed(let raw): record.unparsed[field.id] = raw
            }
        }
        return record
    }

    // MARK: - Formats

    private func csvRows(_ text: String) throws(ReadError) -> [[String: Any]] {
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
            let header = csv.header.map { $0.trimmingWhitespace() }
            return csv.rows.filter { !$0.allSatisfy { $0.trimmingWhitespace().isEmpty } }.map { row in
                var object: [String: Any] = [:]
                for (index, key) in header.enumerated() where index < row.count && !key.isEmpty { object[key] = row[index] }
                return object
            }
        } catch {
            throw ReadError.damaged("CSV 格式有误：\(error)")
        }
    }

    private func jsonRows(_ text: String) throws(ReadError) -> [[String: Any]] {
        func rows(_ value: Any) -> [[String: Any]]? {
            if let array = value as? [[String: Any]] { return array.map(unwrapExtract) }
            if let object = value as? [String: Any] {
                if let records = object["records"] as? [[String: Any]] { return records.map(unwrapExtract) }
                return [unwrapExtract(object)]
            }
            return nil
        }
        if let whole = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let result = rows(whole) { return result }
        var result: [[String: Any]] = []
        for line in text.split(whereSeparator: \.isNewline) where !String(line).trimmingWhitespace().isEmpty {
            guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8)), let more = rows(value) else {
                throw ReadError.damaged("JSON 格式有误")
            }
            result += more
        }
        return result
    }

    private func yamlRows(_ text: String) throws(ReadError) -> [[String: Any]] {
        let value: Any?
        do { value = try Yams.load(yaml: text).map(Self.stringKeyed) } catch { throw ReadError.damaged("YAML 格式有误：\(error)") }
        if let array = value as? [[String: Any]] { return array.map(unwrapExtract) }
        if let object = value as? [String: Any] {
            if let records = object["records"] as? [[String: Any]] { return records.map(unwrapExtract) }
            return [unwrapExtract(object)]
        }
        if value == nil { return [] }
        throw ReadError.damaged("数据文件应为字段名到取值的映射，或这样的映射的列表")
    }

    /// `extract --format json` lines carry the values under "fields".
    private func unwrapExtract(_ object: [String: Any]) -> [String: Any] {
        if let fields = object["fields"] as? [String: Any], object["file"] != nil { return fields }
        return object
    }

    // MARK: - Keys and values

    /// YAML mappings with their keys as strings (`2020:` is an integer key to YAML).
    static func stringKeyed(_ value: Any) -> Any {
        if let mapping = value as? [AnyHashable: Any] {
            var result: [String: Any] = [:]
            for (key, item) in mapping { result["\(key.base)"] = stringKeyed(item) }
            return result
        }
        if let array = value as? [Any] { return array.map(stringKeyed) }
        return value
    }

    private static func labelIndex(_ spec: CallSpec) -> [String: String] {
        var index: [String: String] = [:]
        for field in spec.fields.reversed() {
            index[field.label.labelKey] = field.id
            index[field.displayLabel.labelKey] = field.id
        }
        for field in spec.fields.reversed() where index[field.locator.label.labelKey] == nil {
            index[field.locator.label.labelKey] = field.id
        }
        return index
    }

    /// Nested groups (`unit: {name: …}`) become dotted ids (`unit.name`); a daterange stays a mapping.
    static func flatten(_ object: [String: Any], prefix: String, into flat: inout [String: Any]) {
        for (key, value) in object {
            let id = prefix.isEmpty ? "\(key)" : "\(prefix).\(key)"
            if let nested = value as? [String: Any], !(Set(nested.keys).isSubset(of: ["start", "end"]) && !nested.isEmpty) {
                flatten(nested, prefix: id, into: &flat)
            } else {
                flat[id] = value
            }
        }
    }

    package static func isEmpty(_ value: Any) -> Bool {
        if value is NSNull { return true }
        if let text = value as? String { return text.trimmingWhitespace().isEmpty }
        return false
    }

    /// A data value as a typed field value: numbers and lists are taken as they are, text is parsed
    /// as the book's text would be.
    package static func outcome(of value: Any, as field: FieldSpec) -> ValueParser.Outcome {
        if isEmpty(value) { return .blank }
        switch (field.type, value) {
        case (.int, let number as Int): return .value(.int(number))
        case (.int, let number as Double) where number == number.rounded(): return .value(.int(Int(number)))
        case (.money, let number as Double), (.decimal, let number as Double): return .value(.number(number))
        case (.money, let number as Int), (.decimal, let number as Int): return .value(.number(Double(number)))
        case (.daterange, let range as [String: Any]) where range.values.allSatisfy(isEmpty):
            return .blank  // the data skeleton's {start: "", end: ""}
        case (.daterange, let range as [String: Any]):
            guard let start = (range["start"].map { "\($0)" }).flatMap(DateParser.parse),
                  let end = (range["end"].map { "\($0)" }).flatMap(DateParser.parse) else { return .unparsed("\(range)") }
            return .value(.range(start: start, end: end))
        case (.multichoice, let items as [Any]):
            return choices(items.map { "\($0)" }, field: field)
        case (.multichoice, let text as String):
            return choices(text.split(whereSeparator: { "、，,;；|\n".contains($0) }).map(String.init), field: field)
        case (.choice, let text as String):
            return choices([text], field: field)
        case (.list, let items as [Any]):
            let strings = items.map { "\($0)".trimmingWhitespace() }.filter { !$0.isEmpty }
            return strings.isEmpty ? .blank : .value(.strings(strings))
        case (_, let items as [Any]):
            return ValueParser.parse(items.map { "\($0)" }.joined(separator: "\n"), as: field)
        case (.date, let date as Date):
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            formatter.timeZone = TimeZone(identifier: "UTC")
            return .value(.string(formatter.string(from: date)))
        default:
            return ValueParser.parse("\(value)", as: field)
        }
    }

    /// Options named in data: each must be one of the printed options (`其他：说明` keeps its note).
    package static func choices(_ names: [String], field: FieldSpec) -> ValueParser.Outcome {
        var chosen: [String] = []
        for name in names.map({ $0.trimmingWhitespace() }) where !name.isEmpty {
            let parts = name.split(separator: "：", maxSplits: 1).flatMap { $0.split(separator: ":", maxSplits: 1) }.map(String.init)
            guard let option = field.options.first(where: { $0.labelKey == (parts.first ?? name).labelKey }) else {
                return .unparsed(names.joined(separator: "；"))
            }
            let note = parts.count > 1 ? parts[1].trimmingWhitespace() : ""
            chosen.append(ChoiceReader.isOther(option) && !note.isEmpty ? "\(option)：\(note)" : option)
        }
        if chosen.isEmpty { return .blank }
        let ordered = field.options.compactMap { option in chosen.first { $0 == option || $0.hasPrefix(option + "：") } }
        if field.type == .choice {
            return ordered.count == 1 ? .value(.string(ordered[0])) : .unparsed(ordered.joined(separator: "；"))
        }
        return .value(.strings(ordered))
    }
}
