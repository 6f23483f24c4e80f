import Foundation
import ShenbaoKit

/// A file's preview as the submission page's `filepreview` template shows it: a PDF's pages (those with a
/// seal first, at most `Preview.pageLimit`) as lazily loaded images, or a Word book's text.
enum PreviewSection {
    static func values(_ preview: Preview, fileID: Int64) -> [String: Any] {
        if let error = preview.error { return ["previewError": error] }
        if let outline = preview.outline { return values(outline, fileID: fileID) }
        if let text = preview.text { return ["isWord": true, "textBlocks": blocks(text), "truncated": text.truncated] }
        return [:]
    }

    private static func values(_ outline: Preview.Outline, fileID: Int64) -> [String: Any] {
        let shown = outline.pageSizes.count
        let sealed = Set(outline.sealPages)
        let order = outline.sealPages + (1...max(1, shown)).filter { !sealed.contains($0) && $0 <= shown }
        let pages = order.map { number -> [String: Any] in
            let size = outline.pageSizes[number - 1]
            let width = Int(PagePreviewRenderer.width)
            let height = size.width > 0 ? Int((PagePreviewRenderer.width * size.height / size.width).rounded()) : width
            let hasSeal = sealed.contains(number)
            return ["fileID": fileID, "number": number, "width": width, "height": height, "hasSeal": hasSeal,
                    "alt": "第 \(number) 页（共 \(outline.pageCount) 页）" + (hasSeal ? "，蓝框为识别出的印章" : "")]
        }
        var values: [String: Any] = ["isPDF": true, "pages": pages, "pageCount": outline.pageCount]
        values["sealNote"] = outline.sealPages.isEmpty ? "未识别出印章" :
            "第 " + outline.sealPages.map(String.init).joined(separator: "、") + " 页有印章（蓝框标出），排在最前"
        if outline.pageCount > shown {
            values["limitNote"] = "共 \(outline.pageCount) 页，只预览前 \(shown) 页；其余各页请下载原件查看"
        }
        return values
    }

    private static func blocks(_ text: Preview.Text) -> [[String: Any]] {
        text.blocks.map { block in
            ["textPara": block.paragraph ?? "", "textHeading": block.headingLevel != nil,
             "textRows": (block.rows ?? []).map { row in
                 ["textCells": row.map { ["cellText": $0.text, "colspan": $0.columns ?? 1, "rowspan": $0.rows ?? 1] }]
             }, "isTable": block.rows != nil]
        }
    }
}
