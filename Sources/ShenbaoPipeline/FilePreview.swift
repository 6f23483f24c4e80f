import Foundation
import ShenbaoModel
import ShenbaoReaders

/// Answers a `PreviewRequest` (in the worker process): PDF pages through `PagePreviewRenderer`, a Word
/// book's text through `DocumentReader`. Whatever goes wrong is a `Preview` with a Chinese `error`.
public enum FilePreview {
    public static func answer(_ request: PreviewRequest) -> Preview {
        do throws(ReadError) {
            let head = try FileSniffer.firstBytes(of: request.path, count: 8)
            if request.ask != .text, FileSniffer.kind(of: head) != .pdf {
                return Preview(error: "不是 PDF 文件，没有页面预览")
            }
            switch request.ask {
            case .outline:
                return Preview(outline: try PagePreviewRenderer.outline(path: request.path, pages: Preview.pageLimit))
            case .page:
                let number = request.page ?? 1
                guard number >= 1, number <= Preview.pageLimit else {
                    return Preview(error: "只能预览前 \(Preview.pageLimit) 页，第 \(number) 页请下载原件查看")
                }
                return Preview(page: try PagePreviewRenderer.page(number, path: request.path))
            case .text:
                return Preview(text: text(of: try DocumentReader.read(path: request.path)))
            }
        } catch {
            return Preview(error: error.message)
        }
    }

    /// The document's paragraphs and tables (rows of cells), empty paragraphs left out, cut at
    /// `Preview.textLimit` characters.
    static func text(of document: Document, limit: Int = Preview.textLimit) -> Preview.Text {
        var blocks: [Preview.TextBlock] = []
        var characters = 0
        for block in document.blocks {
            let item: Preview.TextBlock
            switch block {
            case .paragraph(let paragraph):
                let text = paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { continue }
                item = Preview.TextBlock(paragraph: text, headingLevel: paragraph.headingLevel)
            case .table(let table):
                item = Preview.TextBlock(rows: (0..<table.rowCount).map { row in
                    table.cells(inRow: row).map {
                        Preview.TextCell(text: $0.text.trimmingCharacters(in: .whitespacesAndNewlines), columns: $0.columnSpan, rows: $0.rowSpan)
                    }
                })
            }
            let size = item.paragraph?.count ?? item.rows?.reduce(0) { $0 + $1.reduce(0) { $0 + $1.text.count } } ?? 0
            if characters + size > limit { return Preview.Text(blocks: blocks, truncated: true) }
            characters += size
            blocks.append(item)
        }
        return Preview.Text(blocks: blocks, truncated: false)
    }
}
