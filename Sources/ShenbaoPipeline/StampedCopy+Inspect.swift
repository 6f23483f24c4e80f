import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

extension StampedCopy {
    /// Inspects the PDF at `path` (already read as `document`); `declarationTitles` are the titles its
    /// 承诺书 may have (the calls it may belong to); `pagesRead` the OCR of a scan's first pages when its
    /// extraction already read them; `sections` the book's section headings, looked for on a scan's pages.
    package static func inspect(path: String, document: Document, declarationTitles: [String], sections: [String] = [],
                        pagesRead: [ScanPageText]? = nil) -> StampedCopy {
        var copy = StampedCopy(pageCount: document.pageCount ?? 0, seals: [], declarationPage: nil, problems: [])
        do {
            copy.seals = try SealDetector.seals(in: path, greyPages: document.greyPages).map {
                SealMark(page: $0.page, kind: $0.kind, x: ($0.centreMM.x * 10).rounded() / 10,
                         y: ($0.centreMM.y * 10).rounded() / 10, diameter: ($0.diameterMM * 10).rounded() / 10)
            }
        } catch {
            copy.problems.append("未能检查印章：\(error.message)")
        }
        if !document.scanned {
            copy.signatures = (try? PopplerDocument(path: path)).map(DigitalSignature.signatures) ?? []
            let keys = declarationTitles.map(\.labelKey)
            copy.declarationPage = document.blocks.reversed().lazy.compactMap { block -> Int? in
                guard case .paragraph(let paragraph) = block, keys.contains(paragraph.text.labelKey) else { return nil }
                return paragraph.page
            }.first
            return copy
        }
        do {
            if let pagesRead { copy.pagesRead = pagesRead } else { copy.pagesRead = try ScanReader.firstPages(of: path) }
            copy.declarationPage = try ScanReader.pageTitled(declarationTitles, nearTheEndOf: path)
            // Section headings: in the pages read in full, else by a quick pass over every page (a heading the
            // 250-dpi read garbled, 三、工业模型项目内容 on a generated book's page 3, read right at 100 dpi).
            let read = copy.pagesRead.map(\.text).joined(separator: "\n")
            let unseen = sections.filter { !TolerantMatch.contains($0, in: read) }
            if !unseen.isEmpty, copy.pageCount > 0 {
                let found = try ScanReader.titles(unseen, on: 1...copy.pageCount, of: path)
                copy.missingSections = unseen.filter { !found.contains($0) }
            }
        } catch {
            copy.problems.append("未能识别扫描件文字：\(error.message)")
        }
        return copy
    }
}
