#!/usr/bin/env python3
"""Seed one defect into an otherwise clean application book (申报书, DOCX) made by make_books.py.

    python3 Samples/tools/seed_defect.py IN.docx OUT.docx --defect uscc-check-digit
    python3 Samples/tools/seed_defect.py --list            # defects, with the rule code and field each must produce
    python3 Samples/tools/seed_defect.py --list --json     # [{"defect", "call", "rule", "field"}, …]

The call is recognised from the book's title (or given with --call). The book may use any quirk mix of
make_books.py (values split over runs, tracked changes, checkbox content controls, legacy form fields,
Wingdings glyphs …): the edited value cell or paragraph is replaced as a whole by plain runs, so no quirk
of the old value survives the edit. Everything else is left as it was. A defect whose target is not
found in the book is an error (exit 3): the tool never writes an unchanged copy.
Each entry of --list is the finding `shenbao validate` must report as an error for the seeded book
(field null: a structure finding that concerns no field).
"""
import argparse
import json
import random
import re
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HUBEI = "hubei-industrial-model-2026"
GD = "guangdong-ai-scenario-2023"
TITLES = {HUBEI: "湖北省工业领域专用模型项目申报书", GD: "广东省人工智能应用场景典型案例申报书"}
W_P, W_TBL, W_TR, W_TC, W_T = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:t")

H_NATURE = ["国有企业", "合资企业", "民营企业", "外资企业", "事业单位", "其他"]
H_CATEGORY = ["单模态大模型", "多模态大模型", "任务型模型", "其他"]
G_LISTING = ["主板", "创业板", "科创板", "北交所", "新三板挂牌", "尚未上市"]
G_TYPE = ["制造", "医疗", "交通", "教育", "文旅", "金融", "家居", "城市治理", "政务", "安全保障", "大模型创新应用", "其他"]
G_TECH = ["大模型技术", "AI 芯片", "智能传感器", "智能计算", "安全可信与隐私计算", "机器人", "无人机（船）", "智能网联汽车",
          "算法与建模", "智能数据挖掘", "计算机视觉", "智能语音", "自然语言处理", "知识工程/知识图谱", "人机交互",
          "生物特征识别", "智能决策与控制", "类脑智能", "AR/VR/MR（元宇宙）", "数字孪生", "其他"]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class DefectError(Exception):
    pass


# ---------------------------------------------------------------------- text and lookup
FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "　": ""})


def norm(text):
    """Label key: no whitespace, half-width brackets and colons, lower case, no trailing colon."""
    return re.sub(r"\s+", "", text).translate(FOLD).lower().rstrip(":")


def text_of(element):
    """The accepted view of an element's text: w:t (inside w:ins too), never w:delText."""
    return "".join(t.text or "" for t in element.iter(W_T))


def paragraphs(doc):
    """Top-level body paragraphs (elements)."""
    return [child for child in doc.element.body if child.tag == W_P]


def tables(doc):
    return [child for child in doc.element.body if child.tag == W_TBL]


def rows(tbl):
    return [child for child in tbl if child.tag == W_TR]


def cells(tr):
    return [child for child in tr if child.tag == W_TC]


def all_rows(doc):
    for tbl in tables(doc):
        for tr in rows(tbl):
            yield tbl, tr


def find_label(doc, test, what):
    """(table, row, cells, index) of the first cell whose label key passes `test`."""
    for tbl, tr in all_rows(doc):
        tcs = cells(tr)
        for i, tc in enumerate(tcs):
            if test(norm(text_of(tc))):
                return tbl, tr, tcs, i
    raise DefectError(f"label not found: {what}")


def value_right_of(doc, labels):
    """The cell right of the label cell (one of `labels`, compared as label keys)."""
    keys = {norm(label) for label in labels}
    _, _, tcs, i = find_label(doc, lambda k: k in keys, "/".join(labels))
    if i + 1 >= len(tcs):
        raise DefectError(f"no value cell right of {labels[0]}")
    return tcs[i + 1]


def value_below(doc, label):
    """The first cell of the row below a full-width label row."""
    key = norm(label)
    tbl, tr, _, _ = find_label(doc, lambda k: k == key, label)
    trs = rows(tbl)
    k = trs.index(tr)
    if k + 1 >= len(trs):
        raise DefectError(f"no row below {label}")
    return cells(trs[k + 1])[0]


def first_paragraph(doc, test, what, last=False):
    found = [p for p in paragraphs(doc) if test(norm(text_of(p)))]
    if not found:
        raise DefectError(f"paragraph not found: {what}")
    return found[-1] if last else found[0]


# ---------------------------------------------------------------------- editing
def plain_run(text):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def set_paragraph(p, text):
    """Replace a paragraph's content (runs, tracked changes, content controls, fields) by one plain run."""
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    if text:
        p.append(plain_run(text))


def set_cell(tc, lines):
    """Replace a table cell's content by plain paragraphs (one per line; [] or "" leaves it blank)."""
    if isinstance(lines, str):
        lines = [lines] if lines else []
    ps = [child for child in tc if child.tag == W_P]
    for child in list(tc):
        if child.tag not in (qn("w:tcPr"),) and child is not ps[0]:
            tc.remove(child)
    first = ps[0]
    set_paragraph(first, lines[0] if lines else "")
    previous = first
    for line in lines[1:]:
        p = OxmlElement("w:p")
        p.append(plain_run(line))
        previous.addnext(p)
        previous = p


def boxes(options, ticked, other_text="其他（请注明）"):
    """A checkbox line with ☑ on the ticked options and ☐ on the others."""
    parts = []
    for option in options:
        printed = other_text if option == "其他" else option
        parts.append(("☑" if option in ticked else "☐") + printed)
    return "  ".join(parts)


def parse_number(text):
    text = text.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "")
    m = re.search(r"-?\d+(\.\d+)?", text)
    if not m:
        raise DefectError(f"no number in {text!r}")
    return float(m.group(0))


def delete(element):
    element.getparent().remove(element)


def cover_line(doc, label, value):
    key = norm(label)
    p = first_paragraph(doc, lambda k: k.startswith(key), f"cover line {label}")
    set_paragraph(p, f"{label}：{value}")


def letter_paragraphs(doc, title):
    """The 承诺书 heading (the last paragraph that is its title) and the paragraphs after it."""
    key = norm(title)
    heading = first_paragraph(doc, lambda k: k == key, title, last=True)
    ps = paragraphs(doc)
    return heading, ps[ps.index(heading) + 1:]


# ---------------------------------------------------------------------- defects
def uscc_check_digit(doc, rng):
    tc = value_right_of(doc, ["统一社会信用代码", "社会统一信用代码", "社会信用代码"])
    code = re.sub(r"\s+", "", text_of(tc)).upper()
    if len(code) != 18:
        raise DefectError(f"USCC {code!r} is not 18 characters")
    wrong = rng.choice([c for c in USCC_ALPHABET if c != code[17]])
    set_cell(tc, code[:17] + wrong)


def uscc_length(doc, rng):
    tc = value_right_of(doc, ["统一社会信用代码", "社会统一信用代码", "社会信用代码"])
    code = re.sub(r"\s+", "", text_of(tc)).upper()
    set_cell(tc, code[:17])


def phone_junk(doc, rng):
    _, _, tcs, i = find_label(doc, lambda k: k in ("负责人姓名", "单位负责人姓名"), "负责人姓名")
    for j in range(i + 1, len(tcs) - 1):
        if norm(text_of(tcs[j])) in ("电话", "联系电话", "联系方式"):
            set_cell(tcs[j + 1], "12345")
            return
    raise DefectError("负责人 电话 cell not found")


def required_blank(doc, rng):
    set_cell(value_right_of(doc, ["单位地址"]), "")


def date_unreadable(doc, rng):
    cover_line(doc, "申报日期", "2026年13月40日")


def nature_two_ticked(doc, rng):
    set_cell(value_right_of(doc, ["单位性质"]), boxes(H_NATURE, {"国有企业", "民营企业"}))


def other_without_note(doc, rng):
    set_cell(value_right_of(doc, ["模型类别"]), boxes(H_CATEGORY, {"其他"}))


def hubei_cover_differs(doc, rng):
    cover_line(doc, "申报单位", "武汉星河引擎智能科技有限公司")


def rnd_over_staff(doc, rng):
    staff = int(parse_number(text_of(value_right_of(doc, ["员工总数"]))))
    set_cell(value_right_of(doc, ["研发人员数量"]), str(staff + 5))


def ai_revenue_over_total(doc, rng):
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("2025年营业收入"), "2025年营业收入")
    revenue = parse_number(text_of(tcs[i + 1]))
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("2025年人工智能营业收入"), "2025年人工智能营业收入")
    set_cell(tcs[i + 1], f"{revenue + 100:g}")


def period_reversed(doc, rng):
    set_cell(value_right_of(doc, ["模型研发起止时间"]), "2025年12月—2024年1月")


def consortium_four(doc, rng):
    lead = text_of(value_right_of(doc, ["单位名称"])).strip()
    set_cell(value_right_of(doc, ["联合体成员单位（如有）"]), [
        f"{lead}（牵头单位）：负责总体方案设计与模型研发",
        "武汉大学（成员单位）：负责算法研究与模型训练",
        "华中科技大学（成员单位）：负责行业知识库构建",
        "武汉理工大学（成员单位）：负责边缘端部署",
        "湖北工业大学（成员单位）：负责测试验证与推广应用",
    ])


def negative_revenue(doc, rng):
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("2025年营业收入"), "2025年营业收入")
    set_cell(tcs[i + 1], "-1200")


def params_zero(doc, rng):
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("参数量"), "参数量 (亿)")
    set_cell(tcs[i + 1], "0")


def declaration_removed(doc, rng):
    heading, after = letter_paragraphs(doc, "承诺书")
    for p in [heading] + after:
        delete(p)


def pledge_removed(doc, rng):
    _, after = letter_paragraphs(doc, "承诺书" if doc_call(doc) == HUBEI else "申报单位承诺书")
    pledge = [p for p in after if re.match(r"^2[.、．]", norm(text_of(p)))]
    if not pledge:
        raise DefectError("pledge 2 not found")
    delete(pledge[0])


def section_missing(doc, rng):
    # 二、工业模型基本情况表 cannot be used: its name is also the material （三）工业模型基本情况表 listed in
    # 三、 (see --list note); the heading of 三 is named nowhere else.
    delete(first_paragraph(doc, lambda k: k == norm("三、工业模型项目内容"), "三、工业模型项目内容"))


def section_two_heading_missing(doc, rng):
    delete(first_paragraph(doc, lambda k: k == norm("二、工业模型基本情况表"), "二、工业模型基本情况表"))


def items_out_of_order(doc, rng):
    p3 = first_paragraph(doc, lambda k: k.startswith("(三)"), "（三）")
    p4 = first_paragraph(doc, lambda k: k.startswith("(四)"), "（四）")
    marker = OxmlElement("w:p")
    p3.addprevious(marker)
    p4.addprevious(p3)
    marker.addprevious(p4)
    delete(marker)


def gd_contact_cell(doc, role, column_labels):
    """The cell of the 联系方式 matrix in the row `role`, column headed by one of `column_labels`."""
    header = None
    for _, tr in all_rows(doc):
        tcs = cells(tr)
        if tcs and norm(text_of(tcs[0])) == "联系方式":
            header = tcs
            break
    if header is None:
        raise DefectError("联系方式 header row not found")
    keys = {norm(x) for x in column_labels}
    column = next((j for j, tc in enumerate(header) if norm(text_of(tc)) in keys), None)
    if column is None:
        raise DefectError(f"column {column_labels[0]} not found")
    _, _, tcs, _ = find_label(doc, lambda k: k == norm(role), role)
    return tcs[column]


def landline_as_mobile(doc, rng):
    set_cell(gd_contact_cell(doc, "单位负责人", ["手机", "手机号码", "联系电话"]), "020-83134288")


def bad_email(doc, rng):
    set_cell(gd_contact_cell(doc, "申报联系人", ["电子邮箱"]), "zhangwei#example.com")


def four_techs(doc, rng):
    set_cell(value_below(doc, "主要采用的人工智能技术（最多选 3 个）"),
             boxes(G_TECH, set(rng.sample(G_TECH[:-1], 4)), other_text="其他："))


def type_two_ticked(doc, rng):
    set_cell(value_below(doc, "应用场景类型（限选 1 项）"), boxes(G_TYPE, set(rng.sample(G_TYPE[:-1], 2)), other_text="其他："))


def listed_no_code(doc, rng):
    line = "  ".join(("☑" if o == "科创板" else "☐") + o + ("  股票代码：" if o == "新三板挂牌" else "") for o in G_LISTING)
    set_cell(value_right_of(doc, ["上市情况"]), line)


def fin_cell(doc, row_test, what, year):
    header = None
    for _, tr in all_rows(doc):
        tcs = cells(tr)
        if tcs and norm(text_of(tcs[0])) == "年度":
            header = tcs
            break
    if header is None:
        raise DefectError("年度 header row not found")
    column = next((j for j, tc in enumerate(header) if norm(text_of(tc)).startswith(str(year))), None)
    if column is None:
        raise DefectError(f"{year} column not found")
    _, _, tcs, _ = find_label(doc, row_test, what)
    return tcs[column]


def ai_income_over_revenue(doc, rng):
    revenue = parse_number(text_of(fin_cell(doc, lambda k: k.startswith("总营收"), "总营收 (万元)", 2021)))
    set_cell(fin_cell(doc, lambda k: "ai硬件收入" in k, "其中: AI 硬件收入", 2021), f"{revenue + 50:g}")


def patents_over(doc, rng):
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("有效专利总数"), "有效专利总数 (个)")
    patents = int(parse_number(text_of(tcs[i + 1])))
    _, _, tcs, i = find_label(doc, lambda k: k.startswith("其中:ai相关发明专利数"), "其中: AI 相关发明专利数 (个)")
    set_cell(tcs[i + 1], str(patents + 3))


def scenario_org_differs(doc, rng):
    # 单位名称 is printed only in 二、应用场景申报表 (the 一、 table says 企业名称).
    set_cell(value_right_of(doc, ["单位名称"]), "广州星河引擎智能科技有限公司")


def gd_cover_differs(doc, rng):
    cover_line(doc, "申报单位", "广州星河引擎智能科技有限公司")


def signature_removed(doc, rng):
    _, after = letter_paragraphs(doc, "申报单位承诺书")
    line = [p for p in after if norm(text_of(p)).startswith(norm("单位负责人（签名）"))]
    if not line:
        raise DefectError("单位负责人（签名） line not found")
    delete(line[0])


# name, call, rule, field (None: a structure finding), function, what it does
DEFECTS = [
    ("uscc-check-digit", HUBEI, "field.uscc.check-digit", "org.uscc", uscc_check_digit, "统一社会信用代码 last character changed"),
    ("uscc-length", HUBEI, "field.uscc.format", "org.uscc", uscc_length, "统一社会信用代码 cut to 17 characters"),
    ("phone-junk", HUBEI, "field.phone.format", "org.head.phone", phone_junk, "负责人 电话 → 12345"),
    ("required-blank", HUBEI, "field.required", "org.address", required_blank, "单位地址 emptied"),
    ("date-unreadable", HUBEI, "field.unreadable", "cover.date", date_unreadable, "cover 申报日期 → 2026年13月40日"),
    ("nature-two-ticked", HUBEI, "choice.multiple", "org.nature", nature_two_ticked, "单位性质: ☑国有企业 and ☑民营企业"),
    ("other-without-note", HUBEI, "choice.other-note", "model.category", other_without_note,
     "模型类别: ☑其他（请注明） with no note"),
    # The catalogue states the rule on org.name ("must equal cover.applicant"), so the finding is on org.name.
    ("cover-differs", HUBEI, "cross.equals", "org.name", hubei_cover_differs, "cover 申报单位 → another company"),
    ("rnd-over-staff", HUBEI, "cross.at-most", "org.rnd_staff", rnd_over_staff, "研发人员数量 = 员工总数 + 5"),
    ("ai-revenue-over-total", HUBEI, "cross.at-most", "org.ai_revenue_2025", ai_revenue_over_total,
     "2025年人工智能营业收入 = 营业收入 + 100"),
    ("period-reversed", HUBEI, "field.range.order", "model.dev_period", period_reversed, "模型研发起止时间 → 2025年12月—2024年1月"),
    ("consortium-four", HUBEI, "list.max-items", "org.consortium", consortium_four,
     "联合体成员单位: the lead unit and 4 member units"),
    ("negative-revenue", HUBEI, "field.number.negative", "org.revenue_2025", negative_revenue, "2025年营业收入 → -1200"),
    ("params-zero", HUBEI, "field.number.not-positive", "model.params_100m", params_zero, "参数量 (亿) → 0"),
    ("declaration-removed", HUBEI, "structure.declaration-missing", None, declaration_removed,
     "承诺书 heading and everything after it deleted"),
    ("pledge-removed", HUBEI, "structure.declaration-pledges", None, pledge_removed, "承诺书 pledge 2 deleted"),
    ("section-missing", HUBEI, "structure.section-missing", None, section_missing, "heading 三、工业模型项目内容 deleted"),
    ("section-two-heading-missing", HUBEI, "structure.section-missing", None, section_two_heading_missing,
     "heading 二、工业模型基本情况表 deleted (its table stays)"),
    ("items-out-of-order", HUBEI, "structure.order", None, items_out_of_order, "（三） and （四） paragraphs swapped"),
    ("landline-as-mobile", GD, "field.phone.mobile", "org.head.mobile", landline_as_mobile, "单位负责人 手机 → 020-83134288"),
    ("bad-email", GD, "field.email", "org.contact.email", bad_email, "申报联系人 电子邮箱 → zhangwei#example.com"),
    ("four-techs", GD, "choice.count", "scenario.techs", four_techs, "主要采用的人工智能技术: 4 ticked"),
    ("type-two-ticked", GD, "choice.multiple", "scenario.type", type_two_ticked, "应用场景类型（限选 1 项）: 2 ticked"),
    ("listed-no-code", GD, "field.required", "org.stock_code", listed_no_code, "上市情况 ☑科创板, 股票代码 blank"),
    ("ai-income-over-revenue", GD, "cross.sum-at-most", "fin.2021.revenue", ai_income_over_revenue,
     "2021 AI 硬件收入 = 总营收 + 50"),
    ("patents-over", GD, "cross.at-most", "tech.ai_invention_patents", patents_over, "AI 相关发明专利数 = 有效专利总数 + 3"),
    ("scenario-org-differs", GD, "cross.equals", "scenario.org", scenario_org_differs, "二、 单位名称 → another company"),
    ("cover-differs", GD, "cross.equals", "cover.applicant", gd_cover_differs, "cover 申报单位 → another company"),
    ("uscc-check-digit", GD, "field.uscc.check-digit", "org.uscc", uscc_check_digit, "社会统一信用代码 last character changed"),
    ("pledge-removed", GD, "structure.declaration-pledges", None, pledge_removed, "承诺书 pledge 2 deleted"),
    ("signature-removed", GD, "structure.signature-missing", None, signature_removed, "单位负责人（签名） line deleted"),
]


def doc_call(doc):
    text = norm("".join(text_of(p) for p in paragraphs(doc)[:12]))
    for call, title in TITLES.items():
        if norm(title) in text:
            return call
    raise DefectError("not a book of a known call (title not found); use --call")


def seed(path_in, path_out, name, call=None):
    doc = Document(path_in)
    call = call or doc_call(doc)
    matches = [d for d in DEFECTS if d[0] == name and d[1] == call]
    if not matches:
        raise DefectError(f"no defect {name!r} for {call}; see --list")
    defect = matches[0]
    rng = random.Random(f"{name}/{path_in.rsplit('/', 1)[-1]}")
    before = doc.element.xml
    defect[4](doc, rng)
    if doc.element.xml == before:
        raise DefectError(f"defect {name!r} changed nothing")
    doc.save(path_out)
    return defect


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?")
    ap.add_argument("output", nargs="?")
    ap.add_argument("--defect")
    ap.add_argument("--call", choices=sorted(TITLES))
    ap.add_argument("--list", action="store_true", help="the defects with the rule and field each must produce")
    ap.add_argument("--json", action="store_true", help="with --list: as JSON")
    a = ap.parse_args()
    if a.list:
        entries = [d for d in DEFECTS if a.call in (None, d[1])]
        if a.json:
            print(json.dumps([{"defect": d[0], "call": d[1], "rule": d[2], "field": d[3]} for d in entries],
                             ensure_ascii=False, indent=1))
        else:
            for d in entries:
                print(f"{d[1]:28} {d[0]:28} {d[2]:32} {d[3] or '-':26} {d[5]}")
        return 0
    if not (a.input and a.output and a.defect):
        ap.error("IN.docx OUT.docx --defect NAME (or --list)")
    try:
        defect = seed(a.input, a.output, a.defect, a.call)
    except DefectError as error:
        print(f"seed_defect: {a.input}: {error}", file=sys.stderr)
        return 3
    print(f"{defect[1]} {defect[0]}: {defect[5]} → expect {defect[2]} @ {defect[3] or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
