#!/usr/bin/env python3
"""Write Templates/<call>/summary.xml — the Word template (Flat OPC, "Word XML Document") of a call's
汇总表 — from the columns of Templates/<call>/summary.yaml.

    python3 tools/make_summary_template.py Templates/hubei-industrial-model-2026 [--size 21]

The result is data: a bureau may open it in Word, change it and save it again as Word XML. Layout
(GB/T 9704-2012 for an attachment printed landscape): A4 landscape (orient + swapped page size), the
portrait margins turned with the page (top 28 mm, bottom 26 mm, left 37 mm, right 35 mm, so the
type area stays 225 × 156 mm); 附件N in 黑体 三号 at the top left; the title in 方正小标宋简体 二号,
centred; lines in 仿宋_GB2312 三号; the table the full type width, fixed layout, column widths in
proportion to the yaml widths, header row in 黑体 repeated on every page (w:tblHeader), rows never
split across pages (w:cantSplit); page number — N — in 宋体 四号 at the foot.
"""
import argparse
import os
import sys
from xml.sax.saxutils import escape

import yaml

PAGE_W, PAGE_H = 16838, 11906
MARGIN = dict(top=1587, bottom=1474, left=2098, right=1984, header=851, footer=992)
TYPE_W = PAGE_W - MARGIN["left"] - MARGIN["right"]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, style=None):
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, style=None, jc=None):
    ppr = ""
    if style or jc:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:jc w:val="{jc}"/>' if jc else "") + "</w:pPr>"
    return f"<w:p>{ppr}{run(text) if text else ''}</w:p>"


def cell(width, text, style, jc):
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f'{para(text, style, jc)}</w:tc>')


def document(columns, size):
    total = sum(c["width"] for c in columns)
    widths = [round(TYPE_W * c["width"] / total) for c in columns]
    widths[-1] += TYPE_W - sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = "".join(cell(w, c["header"], "SummaryHeader", "center") for w, c in zip(widths, columns))
    cells = []
    for i, (w, c) in enumerate(zip(widths, columns)):
        text = "{{" + c["key"] + "}}"
        if i == 0:
            text = "{{#rows}}" + text
        if i == len(columns) - 1:
            text = text + "{{/rows}}"
        cells.append(cell(w, text, "SummaryCell", "center" if c.get("align") == "center" else "left"))
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table = (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{TYPE_W}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/><w:trHeight w:val="567"/></w:trPr>{header}</w:tr>'
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="454"/></w:trPr>{"".join(cells)}</w:tr>'
        "</w:tbl>"
    )
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}" w:orient="landscape"/>'
        f'<w:pgMar w:top="{MARGIN["top"]}" w:right="{MARGIN["right"]}" w:bottom="{MARGIN["bottom"]}" '
        f'w:left="{MARGIN["left"]}" w:header="{MARGIN["header"]}" w:footer="{MARGIN["footer"]}" w:gutter="0"/>'
        '<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>'
    )
    body = "".join([
        para("{{#label}}"), para("{{line}}", "AttachmentLabel"), para("{{/label}}"),
        para("{{title}}", "SummaryTitle"),
        para("{{#above}}"), para("{{line}}", "SummaryLine"), para("{{/above}}"),
        table,
        para("{{#below}}"), para("{{line}}", "SummaryBelow"), para("{{/below}}"),
        para("", "SummaryEnd"),
    ])
    return f'<w:document {W} {R}><w:body>{body}{sect}</w:body></w:document>'


def fonts(east_asia, latin="Times New Roman"):
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}" w:hint="eastAsia"/>'


def styles(size):
    def style(sid, name, ppr, rpr, based="Normal"):
        return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{based}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    single = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="264" w:lineRule="auto"/>'
    return (
        f'<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr>{fonts("仿宋_GB2312")}'
        '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/></w:pPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + style("AttachmentLabel", "附件标注", '<w:jc w:val="left"/>', f'{fonts("黑体")}<w:sz w:val="32"/><w:szCs w:val="32"/>')
        + style("SummaryTitle", "汇总表标题", '<w:spacing w:before="120" w:after="240" w:line="600" w:lineRule="exact"/><w:jc w:val="center"/>',
                f'{fonts("方正小标宋简体")}<w:sz w:val="44"/><w:szCs w:val="44"/>')
        + style("SummaryLine", "表外文字", '<w:spacing w:before="0" w:after="120" w:line="480" w:lineRule="exact"/><w:jc w:val="left"/>',
                f'{fonts("仿宋_GB2312")}<w:sz w:val="32"/><w:szCs w:val="32"/>')
        + style("SummaryBelow", "表后文字", '<w:spacing w:before="160" w:after="0" w:line="480" w:lineRule="exact"/><w:jc w:val="left"/>',
                f'{fonts("仿宋_GB2312")}<w:sz w:val="32"/><w:szCs w:val="32"/>', based="SummaryLine")
        + style("SummaryHeader", "表头", single + '<w:jc w:val="center"/>',
                f'{fonts("黑体")}<w:b w:val="0"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
        + style("SummaryCell", "表格文字", single,
                f'{fonts("仿宋_GB2312")}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
        + style("SummaryEnd", "表后空行", '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
                '<w:sz w:val="8"/><w:szCs w:val="8"/>')
        + style("Footer", "页脚", '<w:jc w:val="center"/><w:spacing w:line="240" w:lineRule="auto"/>',
                f'{fonts("宋体")}<w:sz w:val="28"/><w:szCs w:val="28"/>')
        + "</w:styles>"
    )


FONT_TABLE = [
    # name, altName (Windows has it), panose, family, pitch
    ("仿宋_GB2312", "仿宋", "02010609030101010101", "modern", "fixed"),
    ("方正小标宋简体", "宋体", "02000000000000000000", "script", "variable"),
    ("黑体", "SimHei", "02010609060101010101", "modern", "fixed"),
    ("宋体", "SimSun", "02010600030101010101", "auto", "variable"),
    ("Times New Roman", None, "02020603050405020304", "roman", "variable"),
]


def font_table():
    out = f"<w:fonts {W}>"
    for name, alt, panose, family, pitch in FONT_TABLE:
        out += f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
        out += f'<w:panose1 w:val="{panose}"/><w:charset w:val="{"00" if alt is None else "86"}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
    return out + "</w:fonts>"


FOOTER = (f'<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
          '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')

SETTINGS = (f'<w:settings {W}><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '</w:settings>')

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def part(name, ctype, xml):
    return f'<pkg:part pkg:name="{name}" pkg:contentType="{ctype}"><pkg:xmlData>{xml}</pkg:xmlData></pkg:part>\n'


def package(columns, size, comment):
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rIdFonts" Type="{REL}/fontTable" Target="fontTable.xml"/>'
                f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>'
                f'<Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/></Relationships>')
    rel_type = "application/vnd.openxmlformats-package.relationships+xml"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        f"<!-- {comment} -->\n"
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">\n'
        + part("/_rels/.rels", rel_type, rels)
        + part("/word/_rels/document.xml.rels", rel_type, doc_rels)
        + part("/word/document.xml", f"{CT}.document.main+xml", document(columns, size))
        + part("/word/styles.xml", f"{CT}.styles+xml", styles(size))
        + part("/word/fontTable.xml", f"{CT}.fontTable+xml", font_table())
        + part("/word/settings.xml", f"{CT}.settings+xml", SETTINGS)
        + part("/word/footer1.xml", f"{CT}.footer+xml", FOOTER)
        + "</pkg:package>\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--size", type=int, default=24, help="table text size in half-points (24 小四, 21 五号)")
    args = parser.parse_args()
    spec = yaml.safe_load(open(os.path.join(args.folder, "summary.yaml"), encoding="utf-8"))
    comment = (f"汇总表 Word template of {os.path.basename(os.path.normpath(args.folder))}, written by tools/make_summary_template.py; "
               "tags: {{title}}, {{#label}}{{line}}{{/label}}, {{#above}}/{{#below}} {{line}}, row {{#rows}}…{{/rows}} with the column keys of summary.yaml")
    with open(os.path.join(args.folder, "summary.xml"), "w", encoding="utf-8") as out:
        out.write(package(spec["columns"], args.size, comment))


if __name__ == "__main__":
    sys.exit(main())
