import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// How one book reads under a call, field by field, for the person writing the call (`shenbao check-call
/// ID BOOK…`): where each value came from, or why it is missing, and values that look like a mistake of the
/// call (a label taken for a value, a whole section taken for a short field, a section heading never found).
public struct CallBookReport: Sendable, Codable, Equatable {
    /// One catalogue field in this book.
    public struct FieldReport: Sendable, Codable, Equatable {
        public enum Status: String, Sendable, Codable {
            /// Read and typed.
            case found
            /// Text found that is not a value of the field's type.
            case unparsed
            /// Left out: two places disagree, or the place is unclear.
            case ambiguous
            /// The label is in the book, its value is blank (or only the form's hint).
            case blank
            /// The label is nowhere in the book.
            case notFound = "not-found"
        }
        public var id: String
        public var label: String
        public var section: String
        public var type: String
        public var status: Status
        /// The value as text (found), or the raw text (unparsed, ambiguous).
        public var value: String?
        public var source: SourceLocation?
        /// Why it is not `found`, in Chinese.
        public var reason: String?
    }

    /// Something that suggests the call does not fit the book.
    public struct Warning: Sendable, Codable, Equatable {
        /// `section-missing`, `label-as-value`, `section-as-value`, `scanned`.
        public var kind: String
        public var field: String?
        public var section: String?
        public var message: String
    }

    public var file: String
    public var call: String
    public var scanned: Bool
    public var fields: [FieldReport]
    public var warnings: [Warning]
    /// Notes of the reader (tracked changes accepted …).
    public var notes: [String]
    /// Set when the file could not be read; then everything else is empty.
    public var error: BookError?

    public init(file: String, call: String, scanned: Bool = false, fields: [FieldReport] = [], warnings: [Warning] = [],
                notes: [String] = [], error: BookError? = nil) {
        self.file = file
        self.call = call
        self.scanned = scanned
        self.fields = fields
        self.warnings = warnings
        self.notes = notes
        self.error = error
    }

    /// Text fields longer than this (or of several lines) look like a whole section.
    public static let sectionLength = 200
}

public enum CallBookCheck {
    /// Reads the book at `path` and reports it under `spec`.
    public static func run(_ spec: CallSpec, path: String) -> CallBookReport {
        let document: Document
        do {
            document = try DocumentReader.read(path: path)
        } catch {
            return CallBookReport(file: path, call: spec.id, scanned: false, fields: [], warnings: [], notes: [],
                                  error: BookError(file: path, code: error.code, message: error.message))
        }
        return check(spec, document: document)
    }

    /// Reports an already-read document under `spec`.
    public static func check(_ spec: CallSpec, document: Document) -> CallBookReport {
        let record = Extractor(spec: spec).extract(document)
        var report = CallBookReport(file: document.path, call: spec.id, scanned: document.scanned, fields: [], warnings: [],
                                    notes: record.notes.map(\.message), error: nil)
        if document.scanned {
            report.warnings.append(.init(kind: "scanned", message: "扫描件（无文字层），无法读取字段"))
            report.fields = spec.fields.map {
                .init(id: $0.id, label: $0.label, section: $0.section, type: $0.type.rawValue, status: .notFound, reason: "扫描件，没有文字")
            }
            return report
        }
        let catalogue = CatalogueKeys(spec: spec)
        let matcher = catalogue.matcher
        let index = BookIndex(document: document, sections: spec.sections, matcher: matcher)
        let finder = FieldFinder(index: index, catalogue: catalogue)

        // Section headings.
        var missing: [String] = []
        for section in spec.sections where section != "封面" && index.range(of: section) == nil {
            missing.append(section)
            report.warnings.append(.init(kind: "section-missing", section: section,
                                         message: "书中没有找到「\(section)」部分的标题（catalogue.tsv 的 section 列），该部分的字段改在全书中查找"))
        }
        let structureMissing = Validator(spec: spec).validate(record, document: document)
            .filter { $0.rule == "structure.section-missing" }.compactMap(\.section)
        for section in structureMissing where !missing.contains(section) {
            missing.append(section)
            report.warnings.append(.init(kind: "section-missing", section: section,
                                         message: "书中没有找到「\(section)」部分的标题（call.yaml 的 structure.sections）"))
        }

        // Every printed label, to tell a label taken for a value.
        var labels: [String: String] = [:]
        for field in spec.fields {
            for part in field.label.split(separator: "/").map(String.init) + [field.locator.label] {
                let key = part.labelKey
                if key.count >= 2, labels[key] == nil { labels[key] = field.id }
            }
        }

        for field in spec.fields {
            var item = CallBookReport.FieldReport(id: field.id, label: field.label, section: field.section,
                                                  type: field.type.rawValue, status: .found)
            var text: String?
            if let value = record.fields[field.id] {
                item.value = value.displayText
                item.source = record.locations[field.id]
                if case .string(let string) = value { text = string }
            } else if let reason = record.ambiguous[field.id] {
                item.status = .ambiguous
                item.value = record.unparsed[field.id]
                item.source = record.locations[field.id]
                item.reason = reason
            } else if let raw = record.unparsed[field.id] {
                item.status = .unparsed
                item.value = raw
                item.source = record.locations[field.id]
                item.reason = "「\(raw.prefix(40))」不是\(field.type.chineseName)"
                text = raw
            } else {
                switch finder.find(field) {
                case .found(let found)?:
                    item.status = .blank
                    item.source = found.location
                    item.reason = "找到了标签，但值为空（或只有填写说明）"
                case .ambiguous(let reason, _, let location)?:
                    item.status = .ambiguous
                    item.source = location
                    item.reason = reason
                case nil:
                    item.status = .notFound
                    var reason = "书中没有找到标签「\(field.locator.label)」"
                    if let row = field.locator.row { reason += "（所在行「\(row)」）" }
                    if missing.contains(field.section) { reason += "；「\(field.section)」部分的标题也没有找到" }
                    item.reason = reason
                }
            }
            if text != nil, field.type != .longtext, field.type != .list, case .found(let found)? = finder.find(field) {
                // The text as it stands in the book, before a text value's lines are joined.
                text = GuidanceText.removing(from: matcher.removingHints(from: found.text))
            }
            if let text {
                let trimmed = text.trimmingWhitespace()
                let key = trimmed.labelKey
                if trimmed.hasSuffix("：") || trimmed.hasSuffix(":") {
                    report.warnings.append(.init(kind: "label-as-value", field: field.id, section: field.section,
                                                 message: "\(field.id)（\(field.displayLabel)）的值「\(trimmed.prefix(40))」以冒号结尾，像是标签"))
                } else if let other = labels[key] {
                    let whose = other == field.id ? "本字段" : "字段 \(other)"
                    report.warnings.append(.init(kind: "label-as-value", field: field.id, section: field.section,
                                                 message: "\(field.id)（\(field.displayLabel)）的值「\(trimmed.prefix(40))」是\(whose)的标签，像是取错了单元格"))
                }
                let lines = trimmed.split(whereSeparator: \.isNewline).filter { !String($0).trimmingWhitespace().isEmpty }
                if field.type != .longtext && field.type != .list && (trimmed.count > CallBookReport.sectionLength || lines.count > 1) {
                    report.warnings.append(.init(kind: "section-as-value", field: field.id, section: field.section,
                                                 message: "\(field.id)（\(field.displayLabel)，\(field.type.chineseName)）的值有 \(trimmed.count) 字、\(lines.count) 行，像是整段内容；若确是长文本，类型应为 longtext"))
                }
            }
            report.fields.append(item)
        }
        return report
    }
}
