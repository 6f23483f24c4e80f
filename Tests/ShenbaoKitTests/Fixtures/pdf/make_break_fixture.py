#!/usr/bin/env python3
"""Builds two more PDF fixtures for PDFReaderTests, exported by LibreOffice.

- checkboxes_pagebreak.pdf: after FILLER lines of text, a table with a 单位性质 row of Word
  legacy form-field check boxes (民营企业 checked) and a 单位简介 row cut by the page break.
- form_widgets.pdf: an HTML form whose check boxes LibreOffice exports as AcroForm widgets.

Run from this folder:  python3 make_break_fixture.py   (needs python-docx and soffice)
"""
import os, subprocess, shutil, tempfile
from docx import Document
from docx.shared import Pt, Cm
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FILLER = 16
INTRO = "本单位成立于二〇一五年，专注工业视觉与智能制造软件。" * 14


def legacy_checkbox(paragraph, checked):
    """A FORMCHECKBOX field, as Word writes a legacy form-field check box."""
    def fld(kind):
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            data = OxmlElement("w:ffData")
            box = OxmlElement("w:checkBox")
            size = OxmlElement("w:sizeAuto")
            box.append(size)
            default = OxmlElement("w:default")
            default.set(qn("w:val"), "1" if checked else "0")
            box.append(default)
            data.append(box)
            char.append(data)
        run.append(char)
        paragraph._p.append(run)
    fld("begin")
    instr = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.text = " FORMCHECKBOX "
    instr.append(text)
    paragraph._p.append(instr)
    fld("end")


def build(path):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    for _ in range(FILLER):
        doc.add_paragraph("填报说明：请如实填写。")
    doc.add_paragraph("一、单位基本情况表")
    t = doc.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    t.autofit = False
    for row in t.rows:
        row.cells[0].width, row.cells[1].width = Cm(3.4), Cm(12.2)
    t.cell(0, 0).text = "单位名称"
    t.cell(0, 1).text = "武汉智造未来科技有限公司"
    t.cell(1, 0).text = "单位性质"
    p = t.cell(1, 1).paragraphs[0]
    for option, checked in (("国家机关", False), ("民营企业", True), ("外资企业", False)):
        legacy_checkbox(p, checked)
        p.add_run(option + " ")
    t.cell(2, 0).text = "上市情况"
    t.cell(2, 1).text = "未上市"
    t.cell(3, 0).text = "单位简介"
    t.cell(3, 1).text = INTRO
    doc.save(path)


def export(src, tmp):
    profile = f"file:///tmp/lo-fixtures-{os.getpid()}"
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                   env=dict(os.environ, HOME=tmp), stdout=subprocess.DEVNULL)
    out = os.path.splitext(src)[0] + ".pdf"
    if not os.path.exists(out):
        raise SystemExit("LibreOffice wrote no PDF")
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "checkboxes_pagebreak.docx")
        build(src)
        shutil.copy(export(src, tmp), here)
        html = os.path.join(tmp, "form_widgets.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write('<html><head><meta charset="utf-8"></head><body><p>单位性质</p>'
                    '<p><input type="checkbox"> 国家机关 <input type="checkbox" checked> 民营企业</p></body></html>')
        shutil.copy(export(html, tmp), here)


if __name__ == "__main__":
    main()
