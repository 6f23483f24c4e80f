import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// `validate --format text`: findings grouped by submission, errors first, with counts.
public enum ReportTextWriter {
    public static func render(_ report: ValidationReport, specs: [CallSpec]) -> String {
        var lines: [String] = []
        let documents = ReportRows.documents(of: report)
        for outcome in report.submissions {
            let files = documents.filter { document in
                outcome.books.contains { $0.file == document.file } || document.file == outcome.submission.name
            }
            lines.append("== \(outcome.submission.name)" + (outcome.submission.folder != nil ? "（\(outcome.books.count) 个文件）" : ""))
            var counts = [Finding.Severity.error: 0, .warning: 0, .info: 0]
            for document in files {
                let spec = specs.first { $0.id == document.call }
                lines.append("  \(document.file.lastPathComponent)" + (spec.map { "（\($0.title)）" } ?? ""))
                if document.findings.isEmpty { lines.append("    ✓ 未发现问题") }
                var table = TextTable(header: ["级别", "规则", "字段", "位置", "说明"])
                for finding in document.findings.sorted(by: { $0.severity < $1.severity }) {
                    counts[finding.severity, default: 0] += 1
                    table.rows.append([finding.severity.chineseName, finding.rule, finding.field ?? "",
                                       finding.location?.description ?? "", finding.message])
                }
                if !table.rows.isEmpty {
                    // Each message whole: the expected file name, the GBK reading of a name, what to do.
                    lines += table.render(maxWidth: 90, wholeLastColumn: true).split(separator: "\n").map { "    " + $0 }
                }
            }
            lines.append("  小计：错误 \(counts[.error]!)，警告 \(counts[.warning]!)，提示 \(counts[.info]!)")
            lines.append("")
        }
        let summary = report.summary
        lines.append("总计：\(summary.submissions) 份提交，\(summary.documents) 个文件；错误 \(summary.errors)，警告 \(summary.warnings)，提示 \(summary.infos)"
                     + (summary.unreadable > 0 ? "；无法读取 \(summary.unreadable) 个" : ""))
        return lines.joined(separator: "\n")
    }
}
