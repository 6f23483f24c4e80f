import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// `shenbao classify` output: each enterprise's class, counted value and deciding rule, then totals —
/// as a Chinese text table, JSON, or CSV (UTF-8 with BOM).
public enum ClassificationWriter {
    public static func text(_ items: [Classification], totals: ClassificationTotals) -> String {
        var table = TextTable(header: ["企业名称", "分类", "总收入(万元)", "AI收入(万元)", "占比", "计入(万元)", "依据"])
        for item in items {
            table.rows.append([item.name, item.enterpriseClass.rawValue, show(item.revenue), show(item.aiRevenue),
                               String(format: "%.2f%%", item.share), show(item.countedValue), item.reason])
        }
        var totalsTable = TextTable(header: ["分类", "企业数", "营业收入(万元)", "纳入统计(万元)"])
        for enterpriseClass in EnterpriseClass.allCases {
            let line = totals.byClass[enterpriseClass.rawValue]!
            totalsTable.rows.append([enterpriseClass.rawValue, String(line.enterprises), show(line.revenue), show(line.countedValue)])
        }
        totalsTable.rows.append(["合计", String(totals.all.enterprises), show(totals.all.revenue), show(totals.all.countedValue)])
        var lines = [table.render(maxWidth: 110), "", totalsTable.render()]
        if totals.unclassified > 0 { lines.append("另有 \(totals.unclassified) 家企业缺少全年总收入或AI业务收入，未能分类") }
        return lines.joined(separator: "\n")
    }

    public static func json(_ items: [Classification], totals: ClassificationTotals) -> String {
        struct Item: Encodable {
            var file: String, name: String, `class`: String, revenue: Double, aiRevenue: Double, share: Double
            var countedPercent: Double, countedValue: Double, rule: String, reason: String
        }
        struct Output: Encodable { var enterprises: [Item]; var totals: ClassificationTotals }
        let output = Output(enterprises: items.map {
            Item(file: $0.file, name: $0.name, class: $0.enterpriseClass.rawValue, revenue: $0.revenue, aiRevenue: $0.aiRevenue,
                 share: ($0.share * 100).rounded() / 100, countedPercent: $0.countedPercent, countedValue: $0.countedValue,
                 rule: $0.rule, reason: $0.reason)
        }, totals: totals)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }

    public static func csv(_ items: [Classification], totals: ClassificationTotals) -> String {
        var rows = [["企业名称", "分类", "总收入(万元)", "AI收入(万元)", "占比(%)", "计入比例(%)", "计入统计(万元)", "规则", "依据"]]
        for item in items {
            rows.append([item.name, item.enterpriseClass.rawValue, show(item.revenue), show(item.aiRevenue),
                         String(format: "%.2f", item.share), show(item.countedPercent), show(item.countedValue), item.rule, item.reason])
        }
        rows.append(["合计", "", show(totals.all.revenue), "", "", "", show(totals.all.countedValue), "", ""])
        return CSVText.document(rows)
    }

    package static func show(_ value: Double) -> String { FieldValue.number(value).displayText }
}
