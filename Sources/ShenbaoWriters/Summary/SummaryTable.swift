import Foundation
import Mustache
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// A summary table ready to write: title, lines above and below, header and rows of text, in every
/// format alike. Built from records (books or data-file rows) by a call's `SummarySpec`.
public struct SummaryTable: Sendable {
    public var spec: SummarySpec
    public var title: String
    public var above: [String]
    public var below: [String]
    /// One array of cell texts per row, in column order.
    public var rows: [[String]]
    /// What the clerk should know (a region that could not be told, a row listed twice), in Chinese.
    public var notes: [String]
    /// The values the title and the lines were filled with (region, recommender, contact…).
    public var context: [String: String]

    public var headers: [String] { spec.columns.map(\.header) }
}

/// Builds a `SummaryTable` from records.
public struct SummaryBuilder: Sendable {
    public let call: CallSpec
    public let spec: SummarySpec

    public init(call: CallSpec, spec: SummarySpec) {
        self.call = call
        self.spec = spec
    }

    /// The table for `records` (in input order). `recommender` and `contact` are what the bureau gives
    /// on the command line; without `recommender`, the records' recommending unit is used when they agree.
    public func build(records: [Record], recommender: String? = nil, contact: String? = nil) -> SummaryTable {
        var notes: [String] = []
        for record in records where record.scanned && record.ocr?.fields.isEmpty == false {
            notes.append("\(record.file)：扫描件（无文字层），表中标「\(Self.ocrMark)」的内容由文字识别读出，请与原件核对")
        }
        // Region of each record (its 市州) and its rank in the province's order; the word for it is its column's header.
        let regions = records.map(region(of:))
        let regionWord = spec.columns.first { $0.from.contains("region") }?.header ?? "地区"
        for (record, region) in zip(records, regions) where spec.region != nil && region == nil {
            notes.append("\(record.file)：无法确定所属\(regionWord)（\(regionText(of: record) ?? (record.scanned ? "扫描件，文字识别未能读出" : "未填写"))），「\(regionWord)」一栏留空")
        }
        var order = Array(records.indices)
        if spec.order == .region, let table = spec.regions {
            order.sort { (table.rank(of: regions[$0] ?? ""), $0) < (table.rank(of: regions[$1] ?? ""), $1) }
        }
        var rows: [[String]] = []
        var seen: [[String]: String] = [:]
        for index in order {
            let cells = spec.columns.map { value(of: $0, record: records[index], region: regions[index]) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if let first = seen[cells] {
                notes.append("\(records[index].file) 与 \(first) 内容相同，只列一次")
                continue
            }
            seen[cells] = records[index].file
            rows.append(cells)
        }
        for row in rows.indices {
            for (column, item) in spec.columns.enumerated() where item.from == ["index"] { rows[row][column] = String(row + 1) }
        }

        // The recommending unit and region named above the table.
        let givenRecommender = recommender?.trimmingWhitespace()
        let unit = givenRecommender.flatMap { $0.isEmpty ? nil : $0 } ?? Self.agreed(records.map { text(of: spec.recommender, in: $0) })
        var titleRegion: String?
        if spec.region != nil, let table = spec.regions {
            if let givenRecommender, !givenRecommender.isEmpty {
                titleRegion = table.region(in: givenRecommender)
                if titleRegion == nil { notes.append("无法从推荐单位「\(givenRecommender)」判断\(regionWord)，标题中留空") }
            } else {
                titleRegion = Self.agreed(regions)
            }
        }
        let (name, phone) = Self.splitContact(contact ?? "")
        let context: [String: String] = [
            "region": titleRegion ?? spec.region?.blank ?? "",
            "recommender": unit ?? "",
            "contact": contact?.trimmingWhitespace() ?? "",
            "contact_name": name,
            "contact_phone": phone,
            "count": String(rows.count),
        ]
        return SummaryTable(spec: spec, title: Self.fill(spec.title, context), above: spec.above.map { Self.fill($0, context) },
                            below: spec.below.map { Self.fill($0, context) }, rows: rows, notes: notes, context: context)
    }

    /// The text of one cell.
    package func value(of column: SummarySpec.Column, record: Record, region: String?) -> String {
        // A data-file column named like the header fills the column as given.
        if let given = passage(column.header, in: record) { return given }
        for source in column.from {
            let found: String?
            switch source {
            case "index": found = ""
            case "region": found = region
            case let source where source.hasPrefix("passage:"):
                let name = String(source.dropFirst("passage:".count))
                let parts = name.split(separator: "~", maxSplits: 1).map(String.init)
                found = passage(parts[0], in: record).map { passage in
                    guard parts.count == 2, let target = Int(parts[1]) else { return passage }
                    return PassageCut.cut(passage, near: target)
                }
            default:
                found = text(of: [source], in: record, markingOCR: true)
            }
            if let found, !found.isEmpty { return found }
        }
        return ""
    }

    /// The 市州 of a record: a data column named like the region column's header, else from the rule's fields.
    package func region(of record: Record) -> String? {
        if let column = spec.columns.first(where: { $0.from.contains("region") }), let given = passage(column.header, in: record) {
            return spec.regions?.region(in: given) ?? given
        }
        guard let text = regionText(of: record) else { return nil }
        return spec.regions?.region(in: text)
    }

    private func regionText(of record: Record) -> String? {
        text(of: spec.region?.from ?? [], in: record)
    }

    /// What follows a cell's text read by OCR from a scan (never shown as the book's own text).
    public static let ocrMark = "〔识别〕"

    /// The first of `fields` with a value, printed as the form prints it. For a scan, the text OCR read beside
    /// the field's label (`Record.ocr`), followed by `ocrMark` when `markingOCR`.
    private func text(of fields: [String], in record: Record, markingOCR: Bool = false) -> String? {
        if record.scanned, let ocr = record.ocr {
            return fields.lazy.compactMap { ocr.fields[$0]?.text }.first.map { markingOCR ? $0 + Self.ocrMark : $0 }
        }
        for id in fields {
            guard let value = record.fields[id], let field = call.field(id) else { continue }
            var text = TemplateContext.format(value, type: field.type).trimmingWhitespace()
            // Several phone numbers in one cell go on lines of their own, so none is broken in two.
            if field.type == .phone { text = text.replacingOccurrences(of: "，", with: "\n") }
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// A passage (or a data column that is no catalogue field) by its name, spaces and bracket widths ignored.
    private func passage(_ name: String, in record: Record) -> String? {
        let text = record.passages[name] ?? record.passages.first { $0.key.labelKey == name.labelKey }?.value
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// The one value all non-blank entries share, else nil.
    static func agreed(_ values: [String?]) -> String? {
        let distinct = Set(values.compactMap { $0 }.filter { !$0.isEmpty })
        return distinct.count == 1 ? distinct.first : nil
    }

    /// `沈顺 027-85317019` → (`沈顺`, `027-85317019`).
    static func splitContact(_ text: String) -> (name: String, phone: String) {
        let trimmed = text.trimmingWhitespace()
        guard let range = trimmed.range(of: #"[+＋]?[0-9０-９][0-9０-９\-－—–（）() 转,，、/]{5,}[0-9０-９)）]"#, options: .regularExpression) else {
            return (trimmed, "")
        }
        let phone = String(trimmed[range]).trimmingWhitespace()
        var name = trimmed
        name.removeSubrange(range)
        name = name.replacingOccurrences(of: #"(电话|手机|联系电话|联系方式)?[：:，,]?\s*$"#, with: "", options: .regularExpression)
        return (name.trimmingCharacters(in: CharacterSet(charactersIn: " ，,；;：:")), phone)
    }

    /// Fills a title or line pattern (plain text, nothing escaped).
    package static func fill(_ pattern: String, _ context: [String: String]) -> String {
        _ = PlainTextContentType.registered
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(PlainTextContentType.name)}}" + pattern) else { return pattern }
        // Blank values are left out, so `{{^contact_name}}_____{{/contact_name}}` prints a blank to fill in.
        return template.render(context.filter { !$0.value.isEmpty })
    }
}

/// Mustache output that is plain text: nothing escaped (the writers escape for their own format).
struct PlainTextContentType: MustacheContentType {
    package static let name = "PLAINTEXT"

    func escapeText(_ text: String) -> String { text }

    static let registered: Void = MustacheContentTypes.register(PlainTextContentType(), named: name)
}
