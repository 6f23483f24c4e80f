import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes an extraction result as a readable Chinese table: 字段 · 标签 · 值.
public enum RecordTextWriter {
    public static func render(_ record: Record, spec: CallSpec?) -> String {
        var lines = ["== \(record.file)" + (spec.map { "（\($0.title)）" } ?? "")]
        if record.scanned {
            lines.append("  这是扫描件（没有可用的文字层），无法读取字段；请同时提交可编辑的 Word 版本。")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(header: ["字段", "标签", "值"])
        for field in spec?.fields ?? [] {
            if let value = record.fields[field.id] {
                table.rows.append([field.id, field.displayLabel, value.displayText])
            } else if let reason = record.ambiguous[field.id] {
                table.rows.append([field.id, field.displayLabel, "⚠ 未读取（位置不确定）：\(reason)"])
            } else if let raw = record.unparsed[field.id] {
                table.rows.append([field.id, field.displayLabel, "⚠ 无法识别：\(raw)"])
            }
        }
        let total = spec?.fields.count ?? 0
        let unreadable = record.unparsed.count - record.ambiguous.count
        lines.append(table.render())
        lines.append("共读取 \(record.fields.count)/\(total) 个字段" + (unreadable <= 0 ? "" : "，\(unreadable) 个无法识别")
                     + (record.ambiguous.isEmpty ? "" : "，\(record.ambiguous.count) 个位置不确定未读取"))
        if !record.unmatched.isEmpty {
            lines.append("未识别的标签：" + record.unmatched.joined(separator: "、"))
        }
        for note in record.notes { lines.append("说明：" + note.message) }
        return lines.joined(separator: "\n")
    }
}
