import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// `validate --format csv`: one row per finding, UTF-8 with a BOM so Excel opens the Chinese correctly.
public enum ReportCSVWriter {
    public static let header = ["提交", "文件", "申报类别", "级别", "规则", "字段", "标签", "章节", "位置", "说明"]

    public static func render(_ report: ValidationReport, specs: [CallSpec]) -> String {
        var rows = [header]
        for document in ReportRows.documents(of: report) {
            let spec = specs.first { $0.id == document.call }
            for finding in document.findings {
                rows.append([document.submission ?? "", document.file, document.call ?? "", finding.severity.chineseName,
                             finding.rule, finding.field ?? "", finding.field.flatMap { spec?.field($0)?.displayLabel } ?? "",
                             finding.section ?? "", finding.location?.description ?? "", finding.message])
            }
        }
        return CSVText.document(rows)
    }
}
