#!/usr/bin/env python3
"""Generate filled application books (申报书, DOCX) with real-world quirks and their expected extraction JSON.

    python3 Samples/tools/make_books.py --call hubei-industrial-model-2026 --seed 7 --count 20 --out /tmp/books

Writes DIR/<name>.docx, DIR/<name>.expected.json for each book and DIR/manifest.json (quirks used per book).
Deterministic: the same --call/--seed/--count give byte-identical JSON and identical document XML.
"""
import argparse
import copy
import io
import json
import os
import random
import sys
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bookdata as B  # noqa: E402

CALLS = ("hubei-industrial-model-2026", "guangdong-ai-scenario-2023")
CB_STYLES = ["glyph_☑", "glyph_☒", "glyph_■", "check_before", "check_after", "sdt", "legacy", "wingdings",
             "wingdings2", "deleted"]
GLYPHS = {"glyph_☑": ("☑", "☐"), "glyph_☒": ("☒", "☐"), "glyph_■": ("■", "□")}
RPR_ORDER = ["w:rFonts", "w:b", "w:noProof", "w:color", "w:kern", "w:sz", "w:szCs", "w:u", "w:lang"]


def el(tag, attrs=None, children=()):
    e = OxmlElement(tag)
    for k, v in (attrs or {}).items():
        e.set(qn(k), v)
    for c in children:
        e.append(c)
    return e


def rpr(props):
    """props: dict tag -> attrs dict; emitted in schema order."""
    r = el("w:rPr")
    for tag in RPR_ORDER:
        if tag in props:
            r.append(el(tag, props[tag]))
    return r


def run(text, props=None, deleted=False):
    r = el("w:r")
    if props:
        r.append(rpr(props))
    t = el("w:delText" if deleted else "w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


# rPr variants that do not change the look, so consecutive runs cannot be merged by a reader that
# compares formatting (Word splits runs the same way for proofing, language and rsid changes).
VARIANTS = [{}, {"w:lang": {"w:eastAsia": "zh-CN"}}, {"w:noProof": {}}, {"w:kern": {"w:val": "0"}},
            {"w:color": {"w:val": "000000"}}, {"w:lang": {"w:val": "en-US", "w:eastAsia": "zh-CN"}},
            {"w:sz": {"w:val": "24"}, "w:szCs": {"w:val": "24"}}]


class Book:
    def __init__(self, call, seed, index, q):
        self.call = call
        self.q = q
        self.rng = random.Random(f"{call}/{seed}/{index}")
        self.ids = 100
        self.doc = Document()
        self.tracked = set()
        self._setup()

    # ------------------------------------------------------------------ document setup
    def _setup(self):
        d = self.doc
        sec = d.sections[0]
        sec.page_width, sec.page_height = Twips(11906), Twips(16838)
        sec.top_margin, sec.left_margin = Twips(2098), Twips(1587)
        sec.right_margin, sec.bottom_margin = Twips(1474), Twips(1984)
        st = d.styles["Normal"]
        st.font.size = Pt(12)
        st.font.name = "Times New Roman"
        rf = st.element.get_or_add_rPr().get_or_add_rFonts()
        rf.set(qn("w:eastAsia"), "仿宋_GB2312")
        rpr_default = d.styles.element.find(qn("w:docDefaults"))
        if rpr_default is not None:
            rp = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
            if rp is not None and rp.find(qn("w:lang")) is None:
                rp.append(el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN"}))
        root = d.element
        assert "w14" in root.nsmap and "w14" in root.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable")

    def nid(self):
        self.ids += 1
        return str(self.ids)

    # ------------------------------------------------------------------ text
    def runs(self, parent, text, base=None, mode=None):
        """Append `text` to paragraph element `parent` as one or many runs."""
        if mode is None:
            mode = self.q.pick("runs", ["single", "chunks", "chars", "single"])
        base = dict(base or {})
        if mode == "single" or len(text) < 2:
            parent.append(run(text, base or None))
            return
        pieces = []
        if mode == "chars":
            pieces = list(text)
            self.q.note("quirk:runs_per_char")
        else:
            i = 0
            while i < len(text):
                n = self.rng.randint(1, 4)
                pieces.append(text[i:i + n])
                i += n
            self.q.note("quirk:runs_chunks")
        for k, piece in enumerate(pieces):
            props = dict(base)
            props.update(VARIANTS[k % len(VARIANTS)])
            parent.append(run(piece, props or None))

    def value(self, p, text, fid=None, base=None):
        """A field value in paragraph p, possibly as a tracked change."""
        pe = p._p if hasattr(p, "_p") else p
        if fid and fid in self.tracked:
            self.tracked_change(pe, text)
        else:
            self.runs(pe, text, base)

    def tracked_change(self, pe, new):
        style = self.q.pick("tracked_style", ["full", "tail", "extra_del"])
        self.q.note("quirk:tracked_change")
        date = "2026-03-20T09:30:00Z" if self.call.startswith("hubei") else "2023-10-18T15:12:00Z"
        author = B.person(self.rng)

        def ins(t):
            return el("w:ins", {"w:id": self.nid(), "w:author": author, "w:date": date}, [run(t)])

        def dele(t):
            return el("w:del", {"w:id": self.nid(), "w:author": author, "w:date": date}, [run(t, deleted=True)])

        if style == "extra_del":
            self.runs(pe, new, mode="single")
            pe.append(dele(self.rng.choice(["（暂定）", "（待确认）", "待补充"])))
            return
        old = self.mutate(new)
        if style == "full":
            pe.append(dele(old))
            pe.append(ins(new))
            return
        k = 0
        while k < min(len(old), len(new)) and old[k] == new[k]:
            k += 1
        if k:
            pe.append(run(new[:k]))
        if old[k:]:
            pe.append(dele(old[k:]))
        pe.append(ins(new[k:]))

    def mutate(self, s):
        digits = [i for i, c in enumerate(s) if c.isdigit() and c.isascii()]
        if digits:
            i = digits[-1] if len(digits) < 3 else digits[-3]
            c = str((int(s[i]) + self.rng.randint(1, 8)) % 10)
            return s[:i] + c + s[i + 1:]
        return s[:-2] + "待定" if len(s) > 3 else "待定"

    # ------------------------------------------------------------------ paragraphs
    def para(self, text="", size=None, bold=False, font=None, align=None, mode="single"):
        p = self.doc.add_paragraph()
        if align:
            p.alignment = align
        base = {}
        if font:
            base["w:rFonts"] = {"w:eastAsia": font, "w:hint": "eastAsia"}
        if bold:
            base["w:b"] = {}
        if size:
            base["w:sz"] = {"w:val": str(size * 2)}
            base["w:szCs"] = {"w:val": str(size * 2)}
        if text:
            self.runs(p._p, text, base, mode=mode)
        return p

    def heading(self, text, level=1):
        if level == 0:
            return self.para(text, size=22, font="方正小标宋简体", align=WD_ALIGN_PARAGRAPH.CENTER)
        if level == 1:
            return self.para(text, size=16, font="黑体")
        return self.para(text, size=16, font="楷体_GB2312")

    def cover_line(self, label, value, fid, suffix=None):
        p = self.doc.add_paragraph()
        p.paragraph_format.space_before = Pt(12)
        base = {"w:sz": {"w:val": "32"}, "w:szCs": {"w:val": "32"}}
        sep = self.q.pick("cover_sep", ["：", ":", " ", "  ", "：underline", " underline"])
        under = sep.endswith("underline")
        sep = sep.replace("underline", "")
        self.runs(p._p, label + sep, base, mode="single")
        vbase = dict(base)
        if under:
            vbase["w:u"] = {"w:val": "single"}
            self.q.note("quirk:cover_underlined")
            p._p.append(run("  ", vbase))
        if fid in self.tracked:
            self.tracked_change(p._p, value)
        else:
            self.runs(p._p, value, vbase)
        if under:
            p._p.append(run("  ", vbase))
        if suffix:
            p._p.append(run(" " + suffix, base))
        return p

    # ------------------------------------------------------------------ tables
    def table(self, widths):
        t = self.doc.add_table(rows=0, cols=len(widths))
        t.style = "Table Grid"
        grid = t._tbl.tblGrid
        for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(w))
        self._widths = widths
        return t

    def row(self, t, spans):
        """Add a row whose cells span the given numbers of grid columns; return the merged cells."""
        r = t.add_row()
        cells = r.cells
        out = []
        i = 0
        for s in spans:
            c = cells[i]
            if s > 1:
                c = c.merge(cells[i + s - 1])
            out.append(c)
            i += s
        for c, s, start in zip(out, spans, [sum(spans[:k]) for k in range(len(spans))]):
            c.width = Twips(sum(self._widths[start:start + s]))
        return out

    def vmerge(self, t, col, r0, r1, label):
        c = t.cell(r0, col).merge(t.cell(r1, col))
        self.label(c, label)
        self.q.note("quirk:vmerge")

    def label(self, cell, text):
        p = cell.paragraphs[0]
        self.runs(p._p, text, mode=self.q.pick("label_runs", ["single", "single", "chunks"]))

    def cell_value(self, cell, text, fid=None):
        if text is None or text == "":
            return
        self.value(cell.paragraphs[0], text, fid)

    def hint(self, cell, text, first=True):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        self.runs(p._p, text, {"w:color": {"w:val": "808080"}, "w:sz": {"w:val": "21"}, "w:szCs": {"w:val": "21"}},
                  mode="single")

    def longtext(self, cell, paras, hint_text, fid):
        """Value paragraphs in a cell, the template's grey hint kept above them in some books."""
        keep = self.q.pick("hint_kept", [True, False]) if paras else self.rng.random() < 0.5
        used_first = False
        if keep and hint_text:
            self.hint(cell, hint_text)
            used_first = True
        for k, ptxt in enumerate(paras or []):
            p = cell.paragraphs[0] if not used_first else cell.add_paragraph()
            used_first = True
            self.value(p, ptxt, fid if k == 0 else None)

    # ------------------------------------------------------------------ checkboxes
    def choices(self, cell, opts, chosen, style=None, after=None, p=None):
        """opts: list of (canonical, printed_unchosen, printed_chosen). chosen: set of canonical option texts.
        after: {canonical: text} printed right after that option (e.g. 股票代码)."""
        style = style or self.q.pick("checkbox", CB_STYLES)
        if style == "deleted" and all(o[0] in chosen for o in opts):
            # Every option kept and none marked reads like the blank form: no applicant's edit looks so.
            style = "glyph_☑"
        self.q.note(f"checkbox:{style}")
        p = p or cell.paragraphs[0]
        pe = p._p
        sep = self.rng.choice(["  ", " ", "   "])
        after = after or {}
        if style == "deleted":
            texts = [pc for c, pu, pc in opts if c in chosen]
            j = self.rng.choice(["、", "  ", "，"])
            for k, (c, pu, pc) in enumerate([o for o in opts if o[0] in chosen]):
                if k:
                    pe.append(run(j))
                self.runs(pe, pc)
                if c in after:
                    pe.append(run(sep + after[c]))
            return
        first = True
        for c, pu, pc in opts:
            on = c in chosen
            text = pc if on else pu
            if not first:
                pe.append(run(sep))
            first = False
            gap = self.rng.choice(["", "", " "])
            if style in GLYPHS:
                mark = GLYPHS[style][0 if on else 1]
                if self.rng.random() < 0.5:
                    pe.append(run(mark + gap + text))
                else:
                    pe.append(run(mark + gap))
                    self.runs(pe, text)
            elif style in ("check_before", "check_after"):
                if on and style == "check_before":
                    pe.append(run("√"))
                self.runs(pe, text)
                if on and style == "check_after":
                    pe.append(run("√"))
            elif style == "sdt":
                pe.append(self.sdt_checkbox(on))
                self.runs(pe, " " + text if gap else text)
            elif style == "legacy":
                for r in self.legacy_checkbox(on):
                    pe.append(r)
                self.runs(pe, " " + text)
            elif style == "wingdings":
                pe.append(el("w:r", {}, [el("w:sym", {"w:font": "Wingdings", "w:char": "F0FE" if on else "F0A8"})]))
                self.runs(pe, text)
            elif style == "wingdings2":
                pe.append(run("R" if on else "£", {"w:rFonts": {"w:ascii": "Wingdings 2", "w:hAnsi": "Wingdings 2",
                                                                 "w:eastAsia": "Wingdings 2"}}))
                self.runs(pe, text)
            else:
                raise ValueError(style)
            if c in after:
                pe.append(run(sep + after[c]))

    def sdt_checkbox(self, on):
        w14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
        if on:
            v = self.q.pick("sdt_val", ["1", "true", None])
        else:
            v = self.q.pick("sdt_val_off", ["0", "false"])
        self.q.note(f"quirk:sdt_val_{v}")
        checked = OxmlElement("w14:checked")
        if v is not None:
            checked.set(w14 + "val", v)
        cb = OxmlElement("w14:checkbox")
        cb.append(checked)
        for tag, val in (("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
            e = OxmlElement(tag)
            e.set(w14 + "val", val)
            e.set(w14 + "font", "MS Gothic")
            cb.append(e)
        pr = el("w:sdtPr", {}, [el("w:id", {"w:val": str(-(10 ** 8) + int(self.nid()))}), cb])
        glyph = run("☒" if on else "☐", {"w:rFonts": {"w:ascii": "MS Gothic", "w:hAnsi": "MS Gothic",
                                                        "w:eastAsia": "MS Gothic", "w:hint": "eastAsia"}})
        return el("w:sdt", {}, [pr, el("w:sdtContent", {}, [glyph])])

    def legacy_checkbox(self, on):
        v = self.q.pick("legacy_on" if on else "legacy_off",
                        ["default1", "checked_bare", "checked_1"] if on else ["default0", "checked_0"])
        self.q.note(f"quirk:legacy_{v}")
        kids = [el("w:sizeAuto")]
        if v == "default1":
            kids.append(el("w:default", {"w:val": "1"}))
        elif v == "checked_bare":
            kids += [el("w:default", {"w:val": "0"}), el("w:checked")]
        elif v == "checked_1":
            kids += [el("w:default", {"w:val": "0"}), el("w:checked", {"w:val": "1"})]
        elif v == "default0":
            kids.append(el("w:default", {"w:val": "0"}))
        else:
            kids += [el("w:default", {"w:val": "1"}), el("w:checked", {"w:val": "0"})]
        ff = el("w:ffData", {}, [el("w:name", {"w:val": f"Check{self.nid()}"}), el("w:enabled"),
                                 el("w:calcOnExit", {"w:val": "0"}), el("w:checkBox", {}, kids)])
        begin = el("w:r", {}, [el("w:fldChar", {"w:fldCharType": "begin"}, [ff])])
        it = el("w:instrText")
        it.text = " FORMCHECKBOX "
        it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return [begin, el("w:r", {}, [it]), el("w:r", {}, [el("w:fldChar", {"w:fldCharType": "end"})])]

    # ------------------------------------------------------------------ helpers for both calls
    def alias(self, plain, *alts):
        v = self.q.pick("alias", [False, True])
        if v and alts:
            self.q.note("quirk:label_alias")
            return self.rng.choice(alts)
        return plain

    def br(self, label):
        """Label brackets: as printed in the seed, or full-width, or half-width without space."""
        v = self.q.pick("brackets", ["seed", "full", "half"])
        if v == "seed":
            return label
        self.q.note("quirk:label_alias")
        if v == "full":
            return label.replace(" (", "（").replace("(", "（").replace(")", "）")
        return label.replace(" (", "(").replace("（", "(").replace("）", ")")

    def opts(self, options, other_unchosen, other_chosen_prefix, notes, printed=None):
        out = []
        for o in options:
            if o == "其他":
                out.append((o, other_unchosen, other_chosen_prefix + (notes or "")))
            else:
                pr = (printed or {}).get(o, o)
                out.append((o, pr, pr))
        return out


def chosen_set(values):
    return {v if not v.startswith("其他：") else "其他" for v in ([values] if isinstance(values, str) else values)}


def finish(book, exp, path_docx):
    book.doc.save(path_docx)
    return exp


# ====================================================================== Hubei
def build_hubei(book, f):
    q, rng = book.q, book.rng
    exp = {k: ("\n".join(v) if isinstance(v, list) and k not in ("org.consortium", "model.industries",
                                                                  "model.service_modes") else v)
           for k, v in f.items() if not k.startswith("_")}
    s = f["_strings"]
    cands = ["org.address", "org.head.title", "model.base", "org.filer.phone", "org.revenue_2025", "cover.recommender"]
    book.tracked = {q.pick("tracked", cands)}
    if rng.random() < 0.5:
        book.tracked.add(q.pick("tracked", cands))
    if rng.random() < 0.4:
        book.para("附件1", size=16, font="黑体")
    book.para()
    book.heading("湖北省工业领域专用模型项目申报书", 0)
    book.para()
    book.cover_line("申报单位", f["cover.applicant"], "cover.applicant",
                    rng.choice(["(加盖公章)", "（加盖公章）"]))
    book.cover_line("模型名称", f["cover.model_name"], "cover.model_name")
    keep_hint = q.pick("category_hint", [True, False])
    book.cover_line("模型类别", f["cover.model_category"], "cover.model_category",
                    "(单模态大模型/多模态大模型/任务型模型)" if keep_hint else None)
    book.cover_line("推荐单位", f["cover.recommender"], "cover.recommender", rng.choice(["(加盖公章)", "（加盖公章）"]))
    book.cover_line("联系人", f["cover.contact"], "cover.contact")
    book.cover_line("联系方式", B.fmt_phone(q, f["cover.contact_phone"]), "cover.contact_phone")
    y, m, d = f["_cover_date"]
    dtxt, dcanon = B.fmt_date(q, y, m, d)
    exp["cover.date"] = dcanon
    book.cover_line("申报日期", dtxt, "cover.date")
    book.para()
    book.para("湖北省经济和信息化厅", size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    book.para("2026 年 3 月", size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    book.doc.add_page_break()

    # 一、单位基本情况表 (7 grid columns)
    book.heading("一、单位基本情况表")
    t = book.table([1100, 1500, 1300, 800, 1400, 800, 1945])
    c = book.row(t, [1, 6])
    book.label(c[0], "单位名称")
    book.cell_value(c[1], f["org.name"], "org.name")
    c = book.row(t, [1, 6])
    book.label(c[0], book.alias("统一社会信用代码", "社会统一信用代码"))
    uscc = f["org.uscc"]
    if q.pick("uscc_case", ["upper", "upper", "lower"]) == "lower":
        uscc = uscc.lower()
        q.note("quirk:uscc_lowercase")
    book.cell_value(c[1], uscc)
    c = book.row(t, [1, 6])
    book.label(c[0], "单位地址")
    book.cell_value(c[1], f["org.address"], "org.address")
    c = book.row(t, [1, 6])
    book.label(c[0], "单位性质")
    note = f["_other"].get("org.nature")
    book.choices(c[1], book.opts(B.H_NATURE, "其他（请注明）", "其他（请注明）：", note), chosen_set(f["org.nature"]))
    c = book.row(t, [1, 6])
    book.label(c[0], "联合体成员单位（如有）")
    hint = "（若以联合体形式申报，联合体成员单位数量不超过3家，需明确牵头单位及各成员单位职责分工）"
    book.longtext(c[1], f.get("org.consortium"), hint, None)
    r0 = len(t.rows)
    phones = {}
    for who, key in (("负责人", "head"), ("申报人", "filer")):
        c = book.row(t, [1, 1, 1, 1, 1, 1, 1])
        book.label(c[1], book.alias(f"{who}姓名", f"{who}姓 名"))
        book.cell_value(c[2], f[f"org.{key}.name"])
        book.label(c[3], book.alias("职务", "职 务"))
        book.cell_value(c[4], f[f"org.{key}.title"], f"org.{key}.title")
        book.label(c[5], book.alias("电话", "电 话"))
        book.cell_value(c[6], B.fmt_phone(q, f[f"org.{key}.phone"]), f"org.{key}.phone")
        if "-" in f[f"org.{key}.phone"]:
            q.note("quirk:landline")
    book.vmerge(t, 0, r0, r0 + 1, "联系人情况")
    c = book.row(t, [1, 1, 1, 2, 2])
    book.label(c[0], "单位经营情况")
    book.label(c[1], book.br("2025年营业收入 (万元)"))
    book.cell_value(c[2], B.fmt_money(q, s["org.revenue_2025"]), "org.revenue_2025")
    book.label(c[3], book.br("2025年人工智能营业收入 (万元)"))
    book.cell_value(c[4], B.fmt_money(q, s["org.ai_revenue_2025"]))
    c = book.row(t, [1, 1, 1, 2, 2])
    book.label(c[0], "单位人才情况")
    book.label(c[1], "员工总数")
    book.cell_value(c[2], B.fmt_int(q, f["org.staff_total"]))
    book.label(c[3], "研发人员数量")
    book.cell_value(c[4], B.fmt_int(q, f["org.rnd_staff"]))
    c = book.row(t, [1, 6])
    book.label(c[0], "单位情况介绍")
    book.longtext(c[1], f["org.intro"], "（包括公司基本情况、主营业务及产品、核心优势、研发团队等，重点突出人工智能研发团队及领军人才、"
                                        "人工智能的技术攻关和产品研发、人工智能应用赋能等情况）", "org.intro")
    book.para()

    # 二、工业模型基本情况表 (5 grid columns)
    book.heading("二、工业模型基本情况表")
    t = book.table([1900, 1800, 1800, 1800, 1545])
    c = book.row(t, [1, 4])
    book.label(c[0], "工业模型名称")
    book.cell_value(c[1], f["model.name"])
    c = book.row(t, [1, 4])
    book.label(c[0], "模型服务行业")
    cons = "消费品(包括生物医药等)"
    printed = {cons: rng.choice([cons, "消费品 (包括生物医药等)"])}
    book.choices(c[1], book.opts(B.H_INDUSTRIES, "其他 (请注明)", "其他（请注明）：", f["_other"].get("model.industries"),
                                 printed), chosen_set(f["model.industries"]))
    c = book.row(t, [1, 4])
    book.label(c[0], "模型类别")
    book.choices(c[1], book.opts(B.H_CATEGORY, "其他 (请注明)", "其他（请注明）：", None), {f["model.category"]})
    c = book.row(t, [1, 1, 1, 1, 1])
    book.label(c[0], "模型指标")
    book.label(c[1], book.br("参数量 (亿)"))
    book.cell_value(c[2], B.fmt_decimal(q, s["model.params_100m"]))
    book.label(c[3], book.br("训练数据量 (TB)"))
    book.cell_value(c[4], B.fmt_decimal(q, s["model.train_data_tb"]))
    c = book.row(t, [1, 4])
    book.label(c[0], "模型能力")
    book.longtext(c[1], f["model.capability"], None, "model.capability")
    c = book.row(t, [1, 4])
    book.label(c[0], "模型底座来源")
    book.cell_value(c[1], f["model.base"], "model.base")
    c = book.row(t, [1, 4])
    book.label(c[0], "模型服务方式")
    book.choices(c[1], book.opts(B.H_MODES, "其他 (请注明)", "其他（请注明）：", f["_other"].get("model.service_modes")),
                 chosen_set(f["model.service_modes"]))
    c = book.row(t, [1, 4])
    book.label(c[0], "模型研发起止时间")
    rtxt, rcanon = B.fmt_range(q, *f["_range"])
    exp["model.dev_period"] = rcanon
    book.cell_value(c[1], rtxt)
    c = book.row(t, [1, 4])
    book.label(c[0], book.br("2025 年度模型研发成本 (万元)"))
    ctxt = B.fmt_money(q, s["model.rnd_cost_2025"])
    hint_mode = q.pick("cost_hint", ["same_para", "below", "none"])
    if hint_mode == "below":
        book.hint(c[1], "(2025 年 1 月 1 日至 2025 年 12 月 30 日)")
        book.value(c[1].add_paragraph(), ctxt)
    else:
        book.value(c[1].paragraphs[0], ctxt)
        if hint_mode == "same_para":
            c[1].paragraphs[0]._p.append(run(" (2025 年 1 月 1 日至 2025 年 12 月 30 日)",
                                             {"w:color": {"w:val": "808080"}}))
    c = book.row(t, [1, 4])
    book.label(c[0], book.br("2025 年度模型研发成本组成 (万元)"))
    book.longtext(c[1], f["model.rnd_cost_breakdown"], "(说明研发资金详细组成, 包括购买服务、购买设备、员工工资等)",
                  "model.rnd_cost_breakdown")
    book.para()

    # 三、工业模型项目内容
    book.heading("三、工业模型项目内容")
    for line in HUBEI_SECTION3(f, rng):
        lvl = 2 if line.startswith("（") else None
        if lvl:
            book.heading(line, 2)
        else:
            book.para(line, mode=None)
    book.doc.add_page_break()
    book.heading("承诺书", 0)
    for line in ["1.本单位对本申请材料的合法性、真实性、准确性和完整性负责。",
                 "2.本单位自愿提供开展湖北省工业领域专用模型项目申报所需的材料，并为相关工作提供方便。",
                 "3.本单位同意将本申请材料向负责征集评选工作人员和评审专家公开。",
                 "4.本申请材料用于湖北省工业领域专用模型项目申报相关工作，不再要求予以退还。", "特此承诺。", "",
                 "申请单位法人代表（签名）：", "申请单位（盖章）：", "年 月 日"]:
        book.para(line, size=16)
    return exp


def HUBEI_SECTION3(f, rng):
    org, model = f["org.name"], f["model.name"]
    return [
        "申请材料按照以下顺序排列，添加页码、编制目录。",
        "（一）单位基本情况表；",
        "（二）申报单位相关证明材料（复印件需加盖公章）",
        "1.营业执照；", "2.上年度企业纳税证明；", "3.上年度审计报告；",
        "（三）工业模型基本情况表；",
        "（四）工业模型相关证明材料（复印件需加盖公章）",
        "1.针对申报模型的2025年度专项审计报告，能披露模型研究开发成本；",
        "2.企业所得税汇算清缴时向税务部门报送的年度《中华人民共和国企业所得税年度纳税申报表（A类）》（A100000）及《研发费用加计扣除优惠明细表》（A107012）；",
        "3.其他相关证明材料，包括但不限于模型建设运行证明、国家网信办模型（算法）备案和省委网信办登记等相关证明、第三方测评报告、专利、软著、获奖等情况；",
        "（五）工业模型研发情况报告",
        f"1.项目概述。{model}由{org}自主研发，立项于{f['_range'][0][0]}年，旨在解决制造企业生产过程中质量波动大、"
        f"人工经验依赖强等痛点问题。国内外同类模型多以通用大模型为主，行业适配不足。"
        f"目前本项目已完成模型训练与试点验证，下一步将在{rng.randint(5, 30)}家企业推广应用。",
        "2.技术创新。模型采用行业知识增强的预训练与指令微调相结合的技术路线，支持私有化部署，兼容国产算力平台。",
        f"3.应用成效。模型在试点企业应用后，检测效率提升{rng.randint(30, 80)}%，年节约成本约{rng.randint(100, 900)}万元。",
        "（六）申报单位是否出现违法违规行为和重大问题的相关证明材料，如申报单位在信用中国上的查询情况报告等。",
        "（七）承诺书（见模板）",
        "所有书面申报材料请采用A4纸双面打印，于左侧装订成册（采用普通胶粘装订方式），加盖单位公章。",
    ]


# ====================================================================== Guangdong
GD_HINTS = B.GD_HINTS
GD_LABELS = {
    "org.intro": "单位简介", "org.core_tech": "核心技术及产品介绍", "org.rnd_plan": "关键核心技术研发计划",
    "org.team": "人工智能研发团队及领军人才", "scenario.intro": "应用场景简介", "scenario.key_tech": "人工智能关键技术及产品",
    "scenario.collaboration": "产学研合作情况", "scenario.effect": "应用成效", "scenario.ip": "知识产权",
    "scenario.honors": "资质荣誉", "scenario.media": "附件材料",
}


def build_gd(book, f):
    q, rng = book.q, book.rng
    multis = ("org.tech_directions", "org.industries", "scenario.techs")
    exp = {k: ("\n".join(v) if isinstance(v, list) and k not in multis else v)
           for k, v in f.items() if not k.startswith("_")}
    s = f["_strings"]
    cands = [c for c in ["org.address", "scenario.address", "org.contact.title", "fin.2022.rnd", "org.head.mobile",
                         "org.park"] if c in f]
    book.tracked = {q.pick("tracked", cands)}
    if rng.random() < 0.5:
        book.tracked.add(q.pick("tracked", cands))
    book.para("附件2", size=16, font="黑体")
    book.para()
    book.heading("2023 年广东省人工智能应用场景典型案例申报书", 0)
    book.para()
    book.cover_line("应用场景名称", f["cover.scenario_name"], "cover.scenario_name")
    book.cover_line("申报单位", f["cover.applicant"], "cover.applicant")
    y, m, d = f["_cover_date"]
    dtxt, dcanon = B.fmt_date(q, y, m, d)
    exp["cover.date"] = dcanon
    book.cover_line("申报日期", dtxt, "cover.date")
    book.doc.add_page_break()

    book.heading("一、申报单位基本情况表")
    W = [1600, 1100, 1450, 1900, 2795]
    t = book.table(W)
    c = book.row(t, [5])
    book.label(c[0], "企业基本信息")
    c = book.row(t, [1, 4])
    book.label(c[0], "企业名称")
    book.cell_value(c[1], f["org.name"])
    c = book.row(t, [1, 1, 1, 2])
    book.label(c[0], book.alias("社会统一信用代码", "统一社会信用代码"))
    uscc = f["org.uscc"]
    if q.pick("uscc_case", ["upper", "upper", "lower"]) == "lower":
        uscc = uscc.lower()
        q.note("quirk:uscc_lowercase")
    book.cell_value(c[1], uscc)
    book.label(c[2], book.alias("网 址", "网址"))
    book.cell_value(c[3], f.get("org.website"))
    c = book.row(t, [1, 4])
    book.label(c[0], "所在园区")
    book.cell_value(c[1], f.get("org.park"), "org.park")
    c = book.row(t, [1, 4])
    book.label(c[0], "详细地址")
    book.cell_value(c[1], f["org.address"], "org.address")
    c = book.row(t, [1, 4])
    book.label(c[0], "企业类型")
    book.choices(c[1], book.opts(B.G_SCALE, "", "", None), {f["org.scale"]})
    c = book.row(t, [1, 4])
    book.label(c[0], "上市情况")
    code = f.get("org.stock_code")
    if code:
        after = {"新三板挂牌": rng.choice(["股票代码：", "股票代码: "]) + code}
    else:
        after = {"新三板挂牌": rng.choice(["股票代码：", "股票代码: _____", "股票代码：______"])}
    style = q.pick("checkbox", CB_STYLES)
    if style == "deleted":
        after = {f["org.listing"]: after["新三板挂牌"]} if code else {}
    book.choices(c[1], book.opts(B.G_LISTING, "", "", None), {f["org.listing"]}, style=style, after=after)
    c = book.row(t, [1, 4])
    book.label(c[0], "单位性质")
    book.choices(c[1], book.opts(B.G_NATURE, rng.choice(["其他 (请注明):", "其他（请注明）："]), "其他（请注明）：",
                                 f["_other"].get("org.nature")), chosen_set(f["org.nature"]))
    # 联系方式 matrix
    c = book.row(t, [1, 1, 1, 1, 1])
    book.label(c[0], "联系方式")
    for cell, lab in zip(c[1:], [book.alias("姓 名", "姓名"), book.alias("职 务", "职务"), book.alias("手 机", "手机"),
                                 "电子邮箱"]):
        book.label(cell, lab)
    for role, lab in (("head", "单位负责人"), ("ai_lead", book.alias("AI 技术负责人", "AI技术负责人")),
                      ("contact", "申报联系人")):
        c = book.row(t, [1, 1, 1, 1, 1])
        book.label(c[0], lab)
        book.cell_value(c[1], f[f"org.{role}.name"])
        book.cell_value(c[2], f[f"org.{role}.title"], f"org.{role}.title")
        book.cell_value(c[3], B.fmt_phone(q, f[f"org.{role}.mobile"]), f"org.{role}.mobile")
        book.cell_value(c[4], f[f"org.{role}.email"])
    c = book.row(t, [5])
    book.label(c[0], "企业经营状况")
    c = book.row(t, [2, 1, 1, 1])
    book.label(c[0], "年度")
    sp = book.q.pick("year_label", ["2020 年度", "2020年度"])
    for cell, yr in zip(c[1:], (2020, 2021, 2022)):
        book.label(cell, sp.replace("2020", str(yr)))
    for key, lab in (("revenue", book.br("总营收 (万元)")), ("ai_hardware", book.alias("其中: AI 硬件收入", "其中：AI硬件收入")),
                     ("ai_software", "AI 软件收入"), ("ai_service", "AI 服务收入"), ("profit", "企业总利润"),
                     ("rnd", "年度研发投入")):
        c = book.row(t, [2, 1, 1, 1])
        book.label(c[0], lab)
        for cell, yr in zip(c[1:], (2020, 2021, 2022)):
            fid = f"fin.{yr}.{key}"
            book.cell_value(cell, B.fmt_money(q, s[fid]), fid)
    groups = B.GUANGDONG_GROUPS
    for glab, items in groups:
        r0 = len(t.rows)
        for fid, lab in items:
            c = book.row(t, [1, 3, 1])
            book.label(c[1], book.br(lab))
            book.cell_value(c[2], B.fmt_int(q, f[fid]))
        book.vmerge(t, 0, r0, len(t.rows) - 1, glab)
    for fid, lab, notes_key, other_txt, opts in (
            ("org.tech_directions", "主要人工智能技术方向（最多选3项）", "org.tech_directions", "其他：", B.G_TECH),
            ("org.industries", "主要服务行业和领域（最多选3项）", "org.industries", "其他：", B.G_IND)):
        c = book.row(t, [5])
        book.label(c[0], lab)
        c = book.row(t, [5])
        book.choices(c[0], book.opts(opts, "其他：", "其他：", f["_other"].get(notes_key)), chosen_set(f[fid]))
    for fid in ("org.intro", "org.core_tech", "org.rnd_plan", "org.team"):
        c = book.row(t, [5])
        book.label(c[0], GD_LABELS[fid])
        c = book.row(t, [5])
        book.longtext(c[0], f.get(fid), GD_HINTS[fid], fid)
    book.para()

    book.heading("二、应用场景申报表")
    t = book.table([2600, 6245])
    for fid, lab in (("scenario.name", "应用场景名称"), ("scenario.address", "应用场景地址"),
                     ("scenario.period", "项目建设起止时间"), ("scenario.org", "单位名称")):
        c = book.row(t, [1, 1])
        book.label(c[0], lab)
        if fid == "scenario.period":
            rtxt, rcanon = B.fmt_range(q, *f["_range"])
            exp[fid] = rcanon
            book.cell_value(c[1], rtxt)
        else:
            book.cell_value(c[1], f[fid], fid)
    c = book.row(t, [2])
    book.label(c[0], "应用场景类型（限选 1 项）")
    c = book.row(t, [2])
    book.choices(c[0], book.opts(B.G_TYPE, "其他：", "其他：", f["_other"].get("scenario.type")),
                 chosen_set(f["scenario.type"]))
    c = book.row(t, [2])
    book.label(c[0], "主要采用的人工智能技术（最多选 3 个）")
    c = book.row(t, [2])
    book.choices(c[0], book.opts(B.G_TECH, "其他：", "其他：", None), chosen_set(f["scenario.techs"]))
    for fid in ("scenario.intro", "scenario.key_tech", "scenario.collaboration", "scenario.effect", "scenario.ip",
                "scenario.honors", "scenario.media"):
        c = book.row(t, [2])
        book.label(c[0], GD_LABELS[fid])
        c = book.row(t, [2])
        book.longtext(c[0], f.get(fid), GD_HINTS[fid], fid)
    book.para()
    book.heading("三、相关佐证材料")
    for line in ["（一）申报单位佐证材料", "1.企业营业执照或组织机构代码证书；",
                 "2.申报单位研发能力、技术水平的相关证明材料（如政府部门或权威机构认定的研发平台、企业资质，以及颁发的荣誉、获奖证书等）；",
                 "3.近三年通过省级以上鉴定或第三方科技成果评价的新技术、新产品证明材料；",
                 "4.申报单位2020-2022年度营业收入证明材料（如财务会计报表等）。",
                 "（二）申报应用场景佐证材料", "1.与申报应用场景相关的、具有查新资质单位出具的科技成果查新报告；",
                 "2.与申报应用场景相关的专利受理或授权证书、软件著作权证书、集成电路布局图、技术标准等知识产权证明材料；",
                 "3.该应用场景的获奖证书等；",
                 "4.2020-2022年度该应用场景主要推广服务用户清单（含客户名称、项目名称、合同签订日期等，涉及商业秘密的可不提供）；",
                 "5.该应用场景推广应用所产生的经济效益、社会效益、环境生态效益证明材料；", "6.提供至少1家用户应用证明。"]:
        if line.startswith("（"):
            book.heading(line, 2)
        else:
            book.para(line)
    book.heading("四、申报单位承诺书")
    book.para("申报单位签署承诺书，对提供的全部申报材料真实性负责，承诺书格式附后。")
    book.doc.add_page_break()
    book.heading("申报单位承诺书", 0)
    for line in [f"根据《广东省工业和信息化厅关于组织开展2023年广东省人工智能应用场景典型案例征集工作的通知》要求，"
                 f"本单位提交了“{f['scenario.name']}”应用场景参评。现对有关情况承诺如下：",
                 "1. 申报的所有材料均依据申报要求据实提供，申报应用场景典型案例不存在任何知识产权纠纷。",
                 "2. 按照国家相关保密规定，所提交的材料内容未涉及国家秘密、个人信息和其他敏感信息。",
                 "3. 如违背以上承诺，我单位愿意承担相关责任，同意有关主管部门将相关失信信息记入公共信用信息系统。", "",
                 "申报责任人（签名）：", "单位负责人（签名）：          （公章）", "日期：    年  月  日"]:
        book.para(line, size=16)
    return exp


def clean_expected(exp):
    out = {}
    for k, v in exp.items():
        if v is None or v == "" or v == []:
            continue
        out[k] = v
    return out


def generate(call, seed, count, out):
    os.makedirs(out, exist_ok=True)
    q = B.Quirks(f"{call}/{seed}")
    manifest = {}
    names = []
    for i in range(count):
        q.start_book()
        book = Book(call, seed, i, q)
        if call.startswith("hubei"):
            f = B.hubei_data(book.rng, q)
            exp = build_hubei(book, f)
            cn = f"{f['org.name']}-{f['model.name']}"
        else:
            f = B.gd_data(book.rng, q)
            exp = build_gd(book, f)
            cn = f"{f['org.name']}-{f['scenario.name']}"
        short = "hubei" if call.startswith("hubei") else "guangdong"
        name = cn if q.pick("filename", [True, False]) else f"{short}-s{seed}-{i + 1:02d}"
        if name in names:
            name = f"{name}-{i + 1}"
        names.append(name)
        path = os.path.join(out, name + ".docx")
        book.doc.save(path)
        fields = clean_expected(exp)
        with open(os.path.join(out, name + ".expected.json"), "w", encoding="utf-8") as fh:
            json.dump({"call": call, "fields": fields}, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        manifest[name] = sorted(q.used)
    return write_manifest(out, call, seed, count, manifest)


def write_manifest(out, call, seed, count, manifest):
    """DIR/manifest.json: what each generated book carries."""
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump({"call": call, "seed": seed, "count": count, "books": manifest}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return manifest


def arguments(description, count, extra=()):
    """The generators' command line: --call --seed --count --out (and `extra` (flag, help) switches)."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--call", required=True, choices=CALLS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=count)
    ap.add_argument("--out", required=True)
    for flag, text in extra:
        ap.add_argument(flag, action="store_true", help=text)
    return ap.parse_args()


def main():
    a = arguments(__doc__, 1)
    m = generate(a.call, a.seed, a.count, a.out)
    for name in m:
        print(os.path.join(a.out, name + ".docx"))


if __name__ == "__main__":
    main()
