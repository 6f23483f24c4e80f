/// `validate --format csv`: one row per finding, UTF-8 with a BOM so Excel opens the Chinese correctly.
public enum ReportCSVWriter {
    public static let header = ["提交", "文件", "申报类别", "级别", "规则", "字段", "标签", "章节", "位置", "说明"]

    public static func render(_ report: ValidationReport, specs: [CallSpec]) -> String {
        var lines = [header.map(escape).joined(separator: ",")]
        for document in ReportRows.documents(of: report) {
            let spec = specs.first { $0.id == document.call }
            for finding in document.findings {
                let row = [document.submission ?? "", document.file, document.call ?? "", finding.severity.chineseName,
                           finding.rule, finding.field ?? "", finding.field.flatMap { spec?.field($0)?.displayLabel } ?? "",
                           finding.section ?? "", finding.location?.description ?? "", finding.message]
                lines.append(row.map(escape).joined(separator: ","))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; a leading = + - @ is prefixed with ' so Excel does not run it as a formula.
    static func escape(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
