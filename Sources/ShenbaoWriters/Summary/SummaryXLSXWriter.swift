import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// Writes a summary table as an Excel workbook (SpreadsheetML, zipped with `ZipWriter`): one sheet
/// 汇总表 with the title merged across the columns, the lines above, a bold bordered header row, the
/// rows with borders and wrapped text, the lines below. The header row is frozen and printed on every
/// page (print titles); the page is A4 landscape, fitted to one page wide. Strings are inline.
public enum SummaryXLSXWriter {
    static let sheetName = "汇总表"

    public static func write(_ table: SummaryTable, to path: String, inputs: [String] = []) throws {
        let entries = self.entries(table)
        try AtomicFile.write(to: path, inputs: inputs) { temporary in try ZipWriter.write(entries, to: temporary) }
    }

    /// The package's parts.
    package static func entries(_ table: SummaryTable) -> [ZipWriter.Entry] {
        let sheet = worksheet(table)
        return [
            .init("[Content_Types].xml", text: contentTypes),
            .init("_rels/.rels", text: rootRelationships),
            .init("docProps/core.xml", text: core(title: table.title)),
            .init("xl/workbook.xml", text: workbook(headerRow: sheet.headerRow, columns: table.spec.columns.count)),
            .init("xl/_rels/workbook.xml.rels", text: workbookRelationships),
            .init("xl/styles.xml", text: styles),
            .init("xl/worksheets/sheet1.xml", text: sheet.xml),
        ]
    }

    // MARK: - Sheet

    private enum Style: Int {
        case title = 1, line, header, body, bodyCentered
    }

    /// Width in Excel units (digits of the default font) for a width in characters.
    static func excelWidth(_ characters: Double) -> Double {
        (characters * 2.1 + 1.2).rounded(toPlaces: 2)
    }

    static func worksheet(_ table: SummaryTable) -> (xml: String, headerRow: Int) {
        let columns = table.spec.columns
        let last = columnName(columns.count - 1)
        var rows = ""
        var merges: [String] = []
        var rowNumber = 0

        func addRow(_ cells: [(String, Style)], height: Double?) {
            rowNumber += 1
            let heightAttributes = height.map { " ht=\"\($0)\" customHeight=\"1\"" } ?? ""
            rows += "<row r=\"\(rowNumber)\"\(heightAttributes)>"
            for (index, cell) in cells.enumerated() {
                let reference = "\(columnName(index))\(rowNumber)"
                if cell.0.isEmpty {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\"/>"
                } else {
                    rows += "<c r=\"\(reference)\" s=\"\(cell.1.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(cell.0.xmlEscaped)</t></is></c>"
                }
            }
            rows += "</row>"
        }
        func addLine(_ text: String, style: Style, height: Double) {
            addRow([(text, style)] + Array(repeating: ("", style), count: columns.count - 1), height: height)
            if columns.count > 1 { merges.append("A\(rowNumber):\(last)\(rowNumber)") }
        }

        addLine(table.title, style: .title, height: 36)
        for line in table.above { addLine(line, style: .line, height: 22) }
        addRow(zip(columns, table.headers).map { ($1, .header) }, height: rowHeight(table.headers, columns: columns))
        let headerRow = rowNumber
        for cells in table.rows {
            addRow(zip(columns, cells).map { ($1, $0.centered ? .bodyCentered : .body) }, height: rowHeight(cells, columns: columns))
        }
        for line in table.below { addLine(line, style: .line, height: 22) }

        let widths = columns.enumerated().map { index, column in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(excelWidth(column.width))\" customWidth=\"1\"/>"
        }.joined()
        let mergeXML = merges.isEmpty ? "" : "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
        <dimension ref="A1:\(last)\(max(rowNumber, 1))"/>\
        <sheetViews><sheetView workbookViewId="0">\
        <pane ySplit="\(headerRow)" topLeftCell="A\(headerRow + 1)" activePane="bottomLeft" state="frozen"/>\
        <selection pane="bottomLeft" activeCell="A\(headerRow + 1)" sqref="A\(headerRow + 1)"/></sheetView></sheetViews>\
        <sheetFormatPr defaultRowHeight="15"/>\
        <cols>\(widths)</cols>\
        <sheetData>\(rows)</sheetData>\
        \(mergeXML)\
        <printOptions horizontalCentered="1"/>\
        <pageMargins left="0.6" right="0.6" top="0.8" bottom="0.8" header="0.3" footer="0.4"/>\
        <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>\
        <headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>\
        </worksheet>
        """
        return (xml, headerRow)
    }

    /// A row tall enough for its wrapped text (Excel does not grow rows on opening a file).
    static func rowHeight(_ cells: [String], columns: [SummarySpec.Column]) -> Double {
        var lines = 1
        for (text, column) in zip(cells, columns) {
            let perLine = max(1, column.width * 1.05)
            let count = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
                total + max(1, Int((displayWidth(line) / perLine).rounded(.up)))
            }
            lines = max(lines, count)
        }
        return Double(lines) * 14.5 + 6
    }

    /// Width of text in CJK characters: Latin letters and digits count about half.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value < 0x2E80 ? 0.55 : 1) }
    }

    /// `0` → `A`, `26` → `AA`.
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    // MARK: - Package parts

    package static func workbook(headerRow: Int, columns: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <bookViews><workbookView/></bookViews>\
        <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets>\
        <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'\(sheetName)'!$\(headerRow):$\(headerRow)</definedName></definedNames>\
        </workbook>
        """
    }

    package static func core(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(title.xmlEscaped)</dc:title><dc:creator>shenbao</dc:creator></cp:coreProperties>
        """
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>
    """

    static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>
    """

    static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

    /// Fonts: body 仿宋_GB2312 11 pt, title 方正小标宋简体 18 pt, header 黑体 11 pt bold (Excel and Calc substitute
    /// a CJK font they have when these are missing). Styles by `Style` raw value.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="4">\
    <font><sz val="11"/><name val="仿宋_GB2312"/><charset val="134"/><family val="3"/></font>\
    <font><sz val="18"/><name val="方正小标宋简体"/><charset val="134"/><family val="3"/></font>\
    <font><b/><sz val="11"/><name val="黑体"/><charset val="134"/><family val="3"/></font>\
    <font><sz val="12"/><name val="仿宋_GB2312"/><charset val="134"/><family val="3"/></font>\
    </fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
    <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
    <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="6">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
    <xf numFmtId="49" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>\
    <xf numFmtId="49" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>\
    <xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
    </cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}
