import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes a summary table as a Word document through the call's Word template (`summary.xml`, or the
/// bureau's own `--template`). The template sees `{{title}}`, `{{#label}}{{line}}{{/label}}` (附件2), `{{#above}}{{line}}{{/above}}`,
/// `{{#below}}{{line}}{{/below}}`, `{{region}}`, `{{recommender}}`, `{{contact}}`, `{{count}}`, and
/// `{{#rows}}…{{/rows}}` whose items carry each column by its key (`{{index}}`, `{{applicant}}`…).
public enum SummaryDocxWriter {
    public static func context(_ table: SummaryTable) -> [String: Any] {
        var context: [String: Any] = table.context
        context["title"] = table.title
        context["label"] = table.spec.label.isEmpty ? [] : [["line": table.spec.label]]
        context["above"] = table.above.map { ["line": $0] }
        context["below"] = table.below.map { ["line": $0] }
        context["rows"] = table.rows.map { cells -> [String: Any] in
            var row: [String: Any] = [:]
            for (column, cell) in zip(table.spec.columns, cells) { row[column.key] = cell }
            return row
        }
        return context
    }

    /// Renders the table into `path` (atomically, never over one of `inputs`).
    public static func write(_ table: SummaryTable, template: String? = nil, to path: String, inputs: [String] = []) throws {
        let document = try DocxTemplate(path: template ?? table.spec.template)
        try document.render(context(table), to: path, inputs: inputs)
    }
}
