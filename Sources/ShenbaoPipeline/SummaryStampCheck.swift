import Foundation
import ShenbaoModel
import ShenbaoSpec
import ShenbaoExtraction
import ShenbaoReaders
import ShenbaoValidation
import ShenbaoWriters

/// Checks a stamped 汇总表 PDF (`shenbao check-stamp`): every place the call's summary spec says must be
/// stamped (`seals:` in summary.yaml) has a round seal on its page. A label's page is the first page whose
/// text shows it (its bracketed part aside: 「推荐单位：某局（盖章）」 shows 推荐单位); a scan, with no text, has
/// its labels on the first page, where the 汇总表 prints them.
package enum SummaryStampCheck {
    package static func findings(path: String, spec: SummarySpec) -> [Finding] {
        let document: Document
        let seals: [Seal]
        do {
            document = try DocumentReader.read(path: path)
            guard document.format == .pdf else {
                return [ReadErrorRule.finding(for: BookError(file: path, code: "read.not-this-format", message: "盖章的汇总表应为 PDF 文件"))]
            }
            seals = try SealDetector.seals(in: path, greyPages: document.greyPages)
        } catch {
            return [ReadErrorRule.finding(for: BookError(file: path, code: error.code, message: error.message))]
        }
        let required = spec.seals.map { label -> (label: String, page: Int) in
            let key = label.replacingOccurrences(of: "[（(][^）)]*[）)]", with: "", options: .regularExpression).labelKey
            let page = document.blocks.lazy.compactMap { block -> Int? in
                guard case .paragraph(let paragraph) = block, !key.isEmpty, paragraph.text.labelKey.contains(key) else { return nil }
                return paragraph.page
            }.first
            return (label, page ?? 1)
        }
        return SummarySealRule.findings(file: (path as NSString).lastPathComponent, seals: seals, required: required)
    }
}
