import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes the neutral document model as indented text — what the readers saw, for checking a
/// difficult file (`shenbao dump`).
public enum DocumentTextWriter {
    public static func render(_ document: Document) -> String {
        var lines = ["# \(document.path) [\(document.format.rawValue)]" + (document.scanned ? " 扫描件" : "")
                     + (document.pageCount.map { " \($0) 页" } ?? "")]
        for note in document.notes { lines.append("# 注：\(note.message)") }
        render(document.blocks, indent: "", into: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private static func render(_ blocks: [Block], indent: String, into lines: inout [String], depth: Int) {
        guard depth < 16 else { return }
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                let heading = paragraph.headingLevel.map { "H\($0) " } ?? ""
                let page = paragraph.page.map { "p\($0) " } ?? ""
                lines.append(indent + page + heading + paragraph.text.debugEscaped)
            case .table(let table):
                lines.append(indent + "[表 \(table.rowCount)×\(table.columnCount)]" + (table.page.map { " p\($0)" } ?? ""))
                for cell in table.cells {
                    let span = (cell.rowSpan > 1 || cell.columnSpan > 1) ? " span \(cell.rowSpan)×\(cell.columnSpan)" : ""
                    let nested = cell.blocks.contains { if case .table = $0 { return true } else { return false } }
                    if nested {
                        lines.append(indent + "  (\(cell.row),\(cell.column))\(span):")
                        render(cell.blocks, indent: indent + "    ", into: &lines, depth: depth + 1)
                    } else {
                        lines.append(indent + "  (\(cell.row),\(cell.column))\(span) " + cell.text.debugEscaped)
                    }
                }
            }
        }
    }
}

private extension String {
    /// Line breaks and tabs shown as ⏎ and ⇥, so one paragraph stays one line.
    var debugEscaped: String {
        replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "⇥")
    }
}
