#!/usr/bin/env python3
"""Builds the PDF fixtures for PDFReaderTests: python-docx writes a filled application-book
form shaped like the seeds' 一、单位基本情况表 / 二、应用场景申报表, LibreOffice exports it to PDF.

Run from this folder:  python3 make_fixtures.py   (needs python-docx and soffice)
"""
import os, subprocess, shutil, tempfile
from docx import Document
from docx.shared import Pt
from docx.oxml.ns import qn

LONG_INTRO = ("本单位成立于二〇一五年，主营工业视觉检测与智能制造软件，拥有研发人员一百二十人，"
              "其中人工智能方向博士八人。公司自主研发的缺陷检测大模型已在汽车零部件、钢铁和电子装配"
              "等行业的四十余条产线落地应用，累计为客户节约质检成本三千余万元，并牵头制定团体标准两项。")
SCENE_INTRO = ("场景面向汽车焊装车间，利用多模态大模型对焊点图像和工艺参数进行联合分析，"
               "实现缺陷实时识别、根因追溯与参数自动优化，检测准确率由百分之九十二提升到百分之九十九点五，"
               "单条产线每年减少返工损失约四百万元。")


def set_font(doc):
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def widths(table, cm):
    from docx.shared import Cm
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, cm):
            cell.width = Cm(w)


def fill(table, r, c, text):
    table.cell(r, c).text = text


def basic_info_table(doc):
    t = doc.add_table(rows=7, cols=7)
    t.style = "Table Grid"
    widths(t, [3.4, 2.4, 1.8, 1.4, 2.2, 1.4, 3.0])
    fill(t, 0, 0, "单位名称")
    t.cell(0, 1).merge(t.cell(0, 6)).text = "武汉智造未来科技有限公司"
    fill(t, 1, 0, "统一社会信用代码")
    t.cell(1, 1).merge(t.cell(1, 6)).text = "91420100MA4K2B3C4D"
    fill(t, 2, 0, "单位地址")
    t.cell(2, 1).merge(t.cell(2, 6)).text = "武汉市洪山区珞喻路1037号A座"
    fill(t, 3, 0, "单位性质")
    t.cell(3, 1).merge(t.cell(3, 6)).text = "☐国有企业 ☐合资企业 ☑民营企业 ☐外资企业 ☐事业单位 ☐其他（请注明）"
    t.cell(4, 0).merge(t.cell(5, 0)).text = "联系人情况"
    for r, (name, duty, phone) in ((4, ("张三", "总经理", "13800001111")), (5, ("李四", "项目经理", "13900002222"))):
        fill(t, r, 1, "负责人姓名" if r == 4 else "申报人姓名")
        fill(t, r, 2, name)
        fill(t, r, 3, "职务")
        fill(t, r, 4, duty)
        fill(t, r, 5, "电话")
        fill(t, r, 6, phone)
    fill(t, 6, 0, "单位情况介绍")
    t.cell(6, 1).merge(t.cell(6, 6)).text = LONG_INTRO


def contact_matrix(doc):
    t = doc.add_table(rows=4, cols=5)
    t.style = "Table Grid"
    widths(t, [3.0, 2.0, 2.6, 3.2, 4.8])
    for c, h in enumerate(["联系方式", "姓 名", "职 务", "手 机", "电子邮箱"]):
        fill(t, 0, c, h)
    rows = [("单位负责人", "王五", "董事长", "13700003333", "wangwu@example.com"),
            ("AI技术负责人", "赵六", "首席科学家", "13600004444", "zhaoliu@example.com"),
            ("申报联系人", "钱七", "项目主管", "13500005555", "qianqi@example.com")]
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            fill(t, r, c, v)


def scene_table(doc):
    t = doc.add_table(rows=7, cols=2)
    t.style = "Table Grid"
    widths(t, [4.6, 11.0])
    fill(t, 0, 0, "应用场景名称")
    fill(t, 0, 1, "焊装车间多模态质检")
    fill(t, 1, 0, "项目建设起止时间")
    fill(t, 1, 1, "2024年3月1日至2026年6月30日")
    t.cell(2, 0).merge(t.cell(2, 1)).text = "应用场景类型（限选1项）"
    t.cell(3, 0).merge(t.cell(3, 1)).text = "☑制造 ☐医疗 ☐交通 ☐教育 ☐其他："
    t.cell(4, 0).merge(t.cell(4, 1)).text = "应用场景简介"
    t.cell(5, 0).merge(t.cell(5, 1)).text = SCENE_INTRO
    fill(t, 6, 0, "应用成效")
    cell = t.cell(6, 1)
    cell.text = "检测效率提升三倍。"
    cell.add_paragraph("年节约成本400万元。")


def main():
    doc = Document()
    set_font(doc)
    doc.add_paragraph("湖北省工业领域专用模型项目申报书")
    doc.add_paragraph("申报单位：武汉智造未来科技有限公司")
    doc.add_paragraph("一、单位基本情况表")
    basic_info_table(doc)
    doc.add_paragraph("二、应用场景申报表")
    contact_matrix(doc)
    doc.add_paragraph("")
    scene_table(doc)
    doc.add_paragraph("申报日期：2026年4月1日")
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "application_form.docx")
        doc.save(src)
        profile = f"file:///tmp/lo-fixtures-{os.getpid()}"
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       env=dict(os.environ, HOME=tmp), stdout=subprocess.DEVNULL)
        out = os.path.join(tmp, "application_form.pdf")
        if not os.path.exists(out):
            raise SystemExit("LibreOffice wrote no PDF")
        shutil.copy(out, os.path.join(here, "application_form.pdf"))
        shutil.copy(src, os.path.join(here, "application_form.docx"))


if __name__ == "__main__":
    main()
