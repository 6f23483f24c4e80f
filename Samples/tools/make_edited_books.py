#!/usr/bin/env python3
"""Generate application books (申报书, DOCX) carrying the edits applicants really make, with their expected JSON.

    python3 Samples/tools/make_edited_books.py --call guangdong-ai-scenario-2023 --seed 3 --count 8 --out DIR [--pdf]

Each book is a plain make_books.py book (same sections, fields and data generator; none of make_books.py's
formatting quirks: one run per value, ☑/☐ boxes, no tracked changes, printed labels as in the seed) plus 2–4
applicant edits, chosen per book by a seeded rotation so a run covers every kind:

  label_reword     a printed label reworded or annotated (统一社会信用代码（18位）, 单位名称：, 企业名称, 员工总数（人）, 手机号码 …)
  value_in_label   the value typed into the label cell after a colon (单位地址：武汉市…), the value cell left empty
  unit_cell        the value and its unit in separate cells (42636.1 | 万元, 356 | 人)
  cn_date          the cover date in Chinese numerals (二〇二六年三月二十六日, 二零二六年三月) or partial (2026年3月)
  nested_contacts  the contact block as a small table nested inside one cell of the main table
  hint_in_answer   template guidance left in the answer: before/after it, same paragraph or own line
  rows_inserted    联合体成员 one per row under a row-spanned label (hubei), or a second contact row
  phone_format     027-87654321转8001, (027)87654321, +86 138 0000 0000, 138-0000-0000
  fin_page_split   (guangdong) 企业经营状况 as its own table, broken across a page with its year header repeated (w:tblHeader)
  fin_two_tables   (guangdong) 企业经营状况 split into two tables, each with the year header row
  fin_year_order   (guangdong) year columns printed 2022, 2021, 2020
  cover_wrap       a cover line long enough to wrap onto a second line
  cover_two_items  two cover items on one line (申报单位：X  模型名称：Y)

Writes DIR/<name>.docx, DIR/<name>.expected.json (the truth, in the contract's JSON shapes) and DIR/manifest.json
({"books": {name: {"edits": [...], "details": [...], "html": bool}}}). With --pdf, also runs make_edited_pdfs.sh DIR
(LibreOffice PDF in DIR/lo/, Ghostscript re-distilled in DIR/gs/, Chromium print of an HTML version in DIR/chrome/
for the books whose manifest entry has "html": true).
Deterministic: the same --call/--seed/--count give the same books and byte-identical JSON.
"""
import copy
import json
import os
import random
import subprocess
import sys

from docx.oxml.ns import qn
from docx.shared import Pt, Twips

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bookdata as B  # noqa: E402
import make_books as M  # noqa: E402
from make_books import el, run  # noqa: E402

COMMON_EDITS = ["label_reword", "value_in_label", "unit_cell", "cn_date", "nested_contacts", "hint_in_answer",
                "rows_inserted", "phone_format", "cover_wrap", "cover_two_items"]
GD_FIN_EDITS = ["fin_page_split", "fin_two_tables", "fin_year_order"]

# Every make_books.py formatting quirk pinned to its plain variant: the only difficulty is the edits.
PLAIN = {"runs": "single", "label_runs": "single", "checkbox": "glyph_☑", "cover_sep": "：", "hint_kept": False,
         "alias": False, "brackets": "seed", "number": "plain", "int": "plain", "date": "cn", "daterange": "cn_month",
         "phone": "plain", "uscc_case": "upper", "category_hint": False, "cost_hint": "none", "year_label": "2020 年度",
         "tracked_style": "full", "filename": False}

CN_DIGITS = {"〇": "〇一二三四五六七八九", "零": "零一二三四五六七八九"}


class PlainQuirks(B.Quirks):
    def pick(self, family, variants):
        if family in PLAIN and PLAIN[family] in variants:
            return PLAIN[family]
        return super().pick(family, variants)


def cn_number(n):
    """1..31 in Chinese numerals as dates print them (十, 十二, 二十六, 三十一)."""
    d = "〇一二三四五六七八九"
    if n < 10:
        return d[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else d[t]) + "十" + ("" if u == 0 else d[u])


def cn_year(y, zero):
    return "".join(CN_DIGITS[zero][int(c)] for c in str(y))


# Label rewordings: printed label -> choices. Keys are the labels make_books.py prints (plain variant).
REWORD = {
    "hubei": {
        "统一社会信用代码": ["统一社会信用代码（18位）", "统一社会信用代码："],
        "单位名称": ["单位名称：", "企业名称", "单位名称（全称）"],
        "员工总数": ["员工总数（人）", "员工总数（人）："],
        "研发人员数量": ["研发人员数量（人）"],
        "单位地址": ["单位地址：", "单位地址（详细地址）"],
        "电话": ["联系人手机", "手机号码", "联系电话："],
        "工业模型名称": ["工业模型名称：", "模型名称"],
    },
    "guangdong": {
        "社会统一信用代码": ["统一社会信用代码（18位）", "社会统一信用代码："],
        "企业名称": ["企业名称：", "单位名称（全称）", "企业名称（全称）"],
        "详细地址": ["详细地址：", "单位地址"],
        "手 机": ["手机号码", "联系人手机", "手机："],
        "应用场景地址": ["应用场景地址：", "场景地址"],
        "从业人员总数 (人)": ["从业人员总数（人）：", "员工总数（人）"],
    },
}
# Labels whose value cell is a single value in the same row (label text -> field id), per call.
SINGLE = {
    "hubei": {"单位名称": "org.name", "统一社会信用代码": "org.uscc", "单位地址": "org.address",
              "2025年营业收入 (万元)": "org.revenue_2025", "2025年人工智能营业收入 (万元)": "org.ai_revenue_2025",
              "员工总数": "org.staff_total", "研发人员数量": "org.rnd_staff", "工业模型名称": "model.name",
              "模型底座来源": "model.base", "参数量 (亿)": "model.params_100m", "训练数据量 (TB)": "model.train_data_tb"},
    "guangdong": {"企业名称": "org.name", "社会统一信用代码": "org.uscc", "所在园区": "org.park", "详细地址": "org.address",
                  "应用场景名称": "scenario.name", "应用场景地址": "scenario.address", "单位名称": "scenario.org",
                  **{lab: fid for _, items in B.GUANGDONG_GROUPS for fid, lab in items}},
}
VALUE_IN_LABEL = {"hubei": ["org.address", "org.name", "model.base", "model.name"],
                  "guangdong": ["org.address", "scenario.address", "org.name", "org.park"]}
UNIT_CELL = {"hubei": {"org.revenue_2025": "万元", "org.ai_revenue_2025": "万元", "org.staff_total": "人",
                       "org.rnd_staff": "人"},
             "guangdong": {"team.staff_total": "人", "team.rnd_staff": "人", "team.ai_rnd_staff": "人",
                           "team.masters_plus": "人", "tech.patents": "个", "tech.software_copyrights": "个",
                           "tech.standards": "个"}}
SHORT_HINTS = {"org.address": ["（详细到门牌号）", "（请填写详细地址）"], "scenario.address": ["（详细到门牌号）"],
               "model.base": ["（如基于开源模型，请注明名称及版本）"], "org.name": ["（与营业执照一致）"]}
LONG_EXTRA_HINTS = ["（不超过500字）", "（限1000字以内）"]


class EditedBook(M.Book):
    def __init__(self, call, seed, index, q, edits, erng):
        super().__init__(call, seed, index, q)
        self.short = "hubei" if call.startswith("hubei") else "guangdong"
        self.edits = set(edits)
        self.erng = erng
        self.details = []
        self.exp_over = {}
        self.plan = {}
        self._last_label = None
        self._cover_pending = None
        self.fields = {}

    # make_books.py's tracked changes are a quirk of its own: plain text here.
    def tracked_change(self, pe, new):
        self.runs(pe, new, mode="single")

    def note(self, s):
        self.details.append(s)

    def touch(self, kind, *fids):
        """Record that edit `kind` changed how field(s) `fids` are printed (the scorer groups misses by it)."""
        for fid in fids:
            kinds = self.fields.setdefault(fid, [])
            if kind not in kinds:
                kinds.append(kind)

    # ------------------------------------------------------------------ plan (which fields each edit touches)
    def make_plan(self, f):
        r, s = self.erng, self.short
        touched = set()

        def take(cands, k):
            cands = [c for c in cands if c not in touched and (c in f or c.startswith("label:"))]
            out = r.sample(cands, min(k, len(cands)))
            touched.update(out)
            return out

        if "phone_format" in self.edits:
            ph = (["org.head.phone", "org.filer.phone", "cover.contact_phone"] if s == "hubei"
                  else ["org.head.mobile", "org.ai_lead.mobile", "org.contact.mobile"])
            self.plan["phones"] = take(ph, r.randint(1, 3))
        if "value_in_label" in self.edits:
            self.plan["vil"] = take(VALUE_IN_LABEL[s], r.randint(1, 2))
        if "unit_cell" in self.edits:
            self.plan["unit"] = take(list(UNIT_CELL[s]), r.randint(1, 3))
        if "hint_in_answer" in self.edits:
            longs = (["org.intro", "model.capability", "model.rnd_cost_breakdown", "org.consortium"] if s == "hubei"
                     else ["org.intro", "org.core_tech", "org.rnd_plan", "org.team", "scenario.intro",
                           "scenario.key_tech", "scenario.effect"])
            if "rows_inserted" in self.edits:
                longs = [x for x in longs if x != "org.consortium"]
            self.plan["hint_long"] = {fid: r.choice(["before_para", "after_para", "same_before", "same_after"])
                                      for fid in take(longs, r.randint(1, 3))}
            self.plan["hint_short"] = take([k for k in SHORT_HINTS if k in SINGLE[s].values()], 1)
        if "label_reword" in self.edits:
            labs = list(REWORD[s])
            self.plan["reword"] = {lab: r.choice(REWORD[s][lab]) for lab in r.sample(labs, r.randint(2, 4))}
        if "rows_inserted" in self.edits:
            kinds = []
            if s == "hubei" and f.get("org.consortium"):
                kinds.append("consortium_rows")
            if not kinds or r.random() < 0.5:
                kinds.append("second_contact")
            self.plan["rows"] = kinds
        if "cn_date" in self.edits:
            self.plan["date"] = r.choice(["cn_full_〇", "cn_full_零", "cn_month_零", "cn_month_〇", "partial"])

    # ------------------------------------------------------------------ hooks on make_books.py's builders
    def label(self, cell, text):
        self._last_label = (cell, text)
        rw = self.plan.get("reword", {})
        if text in rw:
            if not any(d.startswith(f"label_reword:{text}→") for d in self.details):
                self.note(f"label_reword:{text}→{rw[text]}")
            self.touch("label_reword", *LABEL_FIELDS[self.short].get(text, [SINGLE[self.short].get(text, text)]))
            text = rw[text]
        super().label(cell, text)

    def current_fid(self):
        if not self._last_label:
            return None
        return SINGLE[self.short].get(self._last_label[1])

    def cell_value(self, cell, text, fid=None):
        if text is None or text == "":
            return
        if fid is None:
            fid = self.current_fid()
        phones = self.plan.get("phones", [])
        if fid in phones:
            text = self.phone(fid, text)
        if fid in self.plan.get("vil", []) and self._last_label and self._last_label[0] is not cell:
            lcell = self._last_label[0]
            shown = "".join(t.text or "" for t in lcell._tc.iter(qn("w:t")))
            sep = "" if shown.endswith(("：", ":")) else self.erng.choice(["：", ":", "："])
            lcell.paragraphs[0]._p.append(run(sep + text))
            self.note(f"value_in_label:{fid}")
            self.touch("value_in_label", fid)
            return
        p = cell.paragraphs[0]
        hint = None
        if fid in self.plan.get("hint_short", []):
            hint = self.erng.choice(SHORT_HINTS[fid])
            pos = self.erng.choice(["same_after", "same_before", "after_para"])
            self.note(f"hint_in_answer:{fid}:{pos}:{hint}")
            self.touch("hint_in_answer", fid)
            grey = self.erng.random() < 0.5
            props = {"w:color": {"w:val": "808080"}} if grey else None
            if pos == "same_before":
                p._p.append(run(hint, props))
                self.value(p, text)
            else:
                self.value(p, text)
                if pos == "same_after":
                    p._p.append(run(hint, props))
                else:
                    cell.add_paragraph()._p.append(run(hint, props))
        else:
            self.value(p, text, fid)
        if fid in self.plan.get("unit", []):
            self.unit_cell(cell, UNIT_CELL[self.short][fid])
            self.note(f"unit_cell:{fid}|{UNIT_CELL[self.short][fid]}")
            self.touch("unit_cell", fid)

    def phone(self, fid, text):
        digits = text
        if "-" in digits:  # landline 027-87654321
            area, num = digits.split("-", 1)
            v = self.erng.choice(["ext", "paren", "paren_ext"])
            ext = str(self.erng.randint(8001, 8999))
            if v == "ext":
                out, exp = f"{area}-{num}转{ext}", f"{area}-{num}-{ext}"
            elif v == "paren":
                out, exp = f"({area}){num}", f"{area}-{num}"
            else:
                out, exp = f"（{area}）{num}转{ext}", f"{area}-{num}-{ext}"
        else:
            v = self.erng.choice(["plus86_spaced", "dashed", "plus86_dashed"])
            if v == "plus86_spaced":
                out = f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
            elif v == "dashed":
                out = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
            else:
                out = f"+86-{digits}"
            exp = digits
        self.exp_over[fid] = exp
        self.note(f"phone_format:{fid}:{out}")
        self.touch("phone_format", fid)
        return out

    def unit_cell(self, cell, unit):
        """Insert a cell holding `unit` right after `cell`, taking one grid column from a neighbour."""
        tc = cell._tc
        tr = tc.getparent()
        tcs = tr.findall(qn("w:tc"))
        i = tcs.index(tc)

        def span(x):
            g = x.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
            return int(g.get(qn("w:val"))) if g is not None else 1

        def set_span(x, n):
            pr = x.find(qn("w:tcPr"))
            g = pr.find(qn("w:gridSpan"))
            if n == 1:
                if g is not None:
                    pr.remove(g)
            else:
                g.set(qn("w:val"), str(n))
            w = pr.find(qn("w:tcW"))
            if w is not None and w.get(qn("w:type")) == "dxa":
                w.set(qn("w:w"), str(max(600, int(w.get(qn("w:w"))) - 700)))

        if span(tc) > 1:
            set_span(tc, span(tc) - 1)
        elif i + 1 < len(tcs) and span(tcs[i + 1]) > 1:
            set_span(tcs[i + 1], span(tcs[i + 1]) - 1)
        elif i > 0 and span(tcs[i - 1]) > 1:
            set_span(tcs[i - 1], span(tcs[i - 1]) - 1)
        new = el("w:tc", {}, [el("w:tcPr", {}, [el("w:tcW", {"w:w": "700", "w:type": "dxa"})]),
                              el("w:p", {}, [run(unit)])])
        tc.addnext(new)

    def longtext(self, cell, paras, hint_text, fid):
        if fid is None and hint_text and "联合体" in hint_text:
            fid = "org.consortium"
        hl = self.plan.get("hint_long", {})
        if fid not in hl or not paras:
            return super().longtext(cell, paras, hint_text, fid)
        pos = hl[fid]
        if fid == "model.capability":
            hints = [h for h in CALL_HINTS["hubei"] if h.startswith(("技术支持度", "应用成熟度"))]
        else:
            hints = [hint_text or self.erng.choice(LONG_EXTRA_HINTS)]
            if self.erng.random() < 0.3:
                hints = [self.erng.choice(LONG_EXTRA_HINTS)]
        grey = self.erng.random() < 0.6
        props = {"w:color": {"w:val": "808080"}} if grey else None
        self.note(f"hint_in_answer:{fid}:{pos}:{'|'.join(h[:12] for h in hints)}")
        self.touch("hint_in_answer", fid)
        paras = list(paras)
        ps = []
        first = [True]

        def newp():
            p = cell.paragraphs[0] if first[0] else cell.add_paragraph()
            first[0] = False
            return p._p

        if pos == "before_para":
            for h in hints:
                newp().append(run(h, props))
        for k, t in enumerate(paras):
            pe = newp()
            ps.append(pe)
            if pos == "same_before" and k == 0:
                pe.append(run("".join(hints), props))
            pe.append(run(t))
            if pos == "same_after" and k == len(paras) - 1:
                pe.append(run("".join(hints), props))
        if pos == "after_para":
            for h in hints:
                newp().append(run(h, props))

    def cover_line(self, label, value, fid, suffix=None):
        if fid == "cover.date" and "date" in self.plan:
            value = self.cn_date(value)
        if fid in self.plan.get("phones", []):
            value = self.phone(fid, value)
        pair = COVER_PAIRS[self.short]
        if "cover_two_items" in self.edits and self._cover_pending is not None and label == pair[1]:
            p = self._cover_pending
            self._cover_pending = None
            base = {"w:sz": {"w:val": "32"}, "w:szCs": {"w:val": "32"}}
            p._p.append(run(self.erng.choice(["  ", "    ", "\u3000\u3000"]) + label + "：", base))
            p._p.append(run(value, base))
            if suffix:
                p._p.append(run(" " + suffix, base))
            self.note(f"cover_two_items:{pair[0]}+{pair[1]}")
            self.touch("cover_two_items", *COVER_FIDS[self.short])
            return p
        p = super().cover_line(label, value, fid, suffix)
        if "cover_two_items" in self.edits and label == pair[0]:
            self._cover_pending = p
        if "cover_wrap" in self.edits and label == COVER_WRAP[self.short]:
            p.paragraph_format.left_indent = Twips(3200)
            p.paragraph_format.right_indent = Twips(600)
            self.note(f"cover_wrap:{fid}")
            self.touch("cover_wrap", fid)
        return p

    def cn_date(self, printed):
        y, m, d = self.cover_ymd
        v = self.plan["date"]
        if v.startswith("cn_full"):
            z = v[-1]
            out, exp = f"{cn_year(y, z)}年{cn_number(m)}月{cn_number(d)}日", f"{y:04d}-{m:02d}-{d:02d}"
        elif v.startswith("cn_month"):
            z = v[-1]
            out, exp = f"{cn_year(y, z)}年{cn_number(m)}月", f"{y:04d}-{m:02d}"
        else:
            out, exp = f"{y}年{m}月", f"{y:04d}-{m:02d}"
        self.exp_over["cover.date"] = exp
        self.note(f"cn_date:{out}")
        self.touch("cn_date", "cover.date")
        return out


COVER_PAIRS = {"hubei": ("申报单位", "模型名称"), "guangdong": ("应用场景名称", "申报单位")}
COVER_WRAP = {"hubei": "推荐单位", "guangdong": "申报单位"}
COVER_FIDS = {"hubei": ("cover.applicant", "cover.model_name"), "guangdong": ("cover.scenario_name", "cover.applicant")}
CONTACT_FIDS = {"hubei": [f"org.{w}.{k}" for w in ("head", "filer") for k in ("name", "title", "phone")],
                "guangdong": [f"org.{w}.{k}" for w in ("head", "ai_lead", "contact")
                              for k in ("name", "title", "mobile", "email")]}
# Labels that name more than one field (column headers, repeated row labels).
LABEL_FIELDS = {"hubei": {"电话": ["org.head.phone", "org.filer.phone"]},
                "guangdong": {"手 机": ["org.head.mobile", "org.ai_lead.mobile", "org.contact.mobile"]}}


def load_hints(call):
    """The `hints:` list of Templates/<call>/call.yaml (a tiny reader: one `  - item` per line)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out, inside = [], False
    with open(os.path.join(root, "Templates", call, "call.yaml"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("hints:"):
                inside = True
                continue
            if inside:
                if line.startswith("  - "):
                    item = line[4:].strip()
                    if item.startswith('"') and item.endswith('"'):
                        item = item[1:-1]
                    out.append(item)
                elif line.strip() and not line.startswith(" "):
                    break
    return out


CALL_HINTS = {"hubei": load_hints("hubei-industrial-model-2026"), "guangdong": load_hints("guangdong-ai-scenario-2023")}


# ---------------------------------------------------------------------- XML helpers for structural edits
def tc_text(tc):
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def row_first_text(tr):
    tcs = tr.findall(qn("w:tc"))
    return tc_text(tcs[0]) if tcs else ""


def tc_span(tc):
    g = tc.find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
    return int(g.get(qn("w:val"))) if g is not None else 1


def make_tc(text_or_children, span=1, width=None, vmerge=None):
    pr = el("w:tcPr")
    if width:
        pr.append(el("w:tcW", {"w:w": str(width), "w:type": "dxa"}))
    if span > 1:
        pr.append(el("w:gridSpan", {"w:val": str(span)}))
    if vmerge is not None:
        pr.append(el("w:vMerge", {"w:val": vmerge} if vmerge else {}))
    tc = el("w:tc", {}, [pr])
    if isinstance(text_or_children, str):
        tc.append(el("w:p", {}, [run(text_or_children)] if text_or_children else []))
    else:
        for c in text_or_children:
            tc.append(c)
        if not len(tc) or tc[-1].tag != qn("w:p"):
            tc.append(el("w:p"))
    return tc


def make_tr(tcs, header=False):
    tr = el("w:tr")
    if header:
        tr.append(el("w:trPr", {}, [el("w:tblHeader")]))
    for tc in tcs:
        tr.append(tc)
    return tr


def new_table_like(tbl, rows, grid=None):
    """A table with `tbl`'s properties (and grid unless given) holding `rows`."""
    t = el("w:tbl")
    t.append(copy.deepcopy(tbl.find(qn("w:tblPr"))))
    if grid is None:
        t.append(copy.deepcopy(tbl.find(qn("w:tblGrid"))))
    else:
        t.append(el("w:tblGrid", {}, [el("w:gridCol", {"w:w": str(w)}) for w in grid]))
    for r in rows:
        t.append(r)
    return t


def nested_table(rows_of_tcs, widths):
    """A small bordered table (for inside a cell)."""
    borders = el("w:tblBorders", {}, [el(f"w:{s}", {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"})
                                       for s in ("top", "left", "bottom", "right", "insideH", "insideV")])
    t = el("w:tbl", {}, [el("w:tblPr", {}, [el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}), borders,
                                             el("w:tblLayout", {"w:type": "fixed"})]),
                         el("w:tblGrid", {}, [el("w:gridCol", {"w:w": str(w)}) for w in widths])])
    for tcs in rows_of_tcs:
        t.append(make_tr(tcs))
    return t


def strip_tc(tc, width):
    """Copy of a cell's paragraphs in a fresh single-span cell of `width`."""
    return make_tc([copy.deepcopy(p) for p in tc.findall(qn("w:p"))], width=width)


def body_tables(doc):
    return doc.element.body.findall(qn("w:tbl"))


# ---------------------------------------------------------------------- structural edits (after building)
def post_hubei(book, f):
    tbl = body_tables(book.doc)[0]
    rows = tbl.findall(qn("w:tr"))
    idx = next(i for i, r in enumerate(rows) if "负责人姓名" in "".join(tc_text(tc) for tc in r.findall(qn("w:tc")))
               or "负责人姓 名" in "".join(tc_text(tc) for tc in r.findall(qn("w:tc"))))
    head_row, filer_row = rows[idx], rows[idx + 1]
    kinds = book.plan.get("rows", [])
    if "second_contact" in kinds:
        name, title, mob = B.person(book.erng), book.erng.choice(B.TITLES_STAFF), B.mobile(book.erng)
        lab = book.erng.choice(["联系人姓名", "其他联系人姓名"])
        new = make_tr([make_tc("", vmerge="")] + [make_tc(t) for t in (lab, name, "职务", title, "手机", mob)])
        filer_row.addnext(new)
        book.note(f"rows_inserted:second_contact:{lab}")
        book.touch("rows_inserted", *CONTACT_FIDS["hubei"])
        contact_rows = [head_row, filer_row, new]
    else:
        contact_rows = [head_row, filer_row]
    if "nested_contacts" in book.edits:
        widths = [1100, 1100, 800, 1300, 700, 1600]
        inner = nested_table([[strip_tc(tc, w) for tc, w in zip(r.findall(qn("w:tc"))[1:], widths)]
                              for r in contact_rows], widths)
        label = copy.deepcopy(head_row.findall(qn("w:tc"))[0])
        vm = label.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
        if vm is not None:
            vm.getparent().remove(vm)
        cell = make_tc([inner], span=6, width=7745)
        tr = make_tr([label, cell])
        head_row.addprevious(tr)
        for r in contact_rows:
            tbl.remove(r)
        book.note("nested_contacts:联系人情况")
        book.touch("nested_contacts", *CONTACT_FIDS["hubei"])
    if "consortium_rows" in kinds:
        rows = tbl.findall(qn("w:tr"))
        crow = next(r for r in rows if row_first_text(r).startswith("联合体成员单位"))
        tcs = crow.findall(qn("w:tc"))
        label = tcs[0]
        pr = label.find(qn("w:tcPr"))
        pr.append(el("w:vMerge", {"w:val": "restart"}))
        lines = f["org.consortium"]
        value = tcs[1]
        for p in value.findall(qn("w:p")):
            value.remove(p)
        value.append(el("w:p", {}, [run(lines[0])]))
        prev = crow
        for line in lines[1:]:
            tr = make_tr([make_tc("", vmerge=""), make_tc(line, span=6)])
            prev.addnext(tr)
            prev = tr
        book.note(f"rows_inserted:consortium_rows:{len(lines)}")
        book.touch("rows_inserted", "org.consortium")


def post_gd(book, f):
    body = book.doc.element.body
    tbl = body_tables(book.doc)[0]
    rows = tbl.findall(qn("w:tr"))
    kinds = book.plan.get("rows", [])
    crow = next(i for i, r in enumerate(rows) if row_first_text(r) == "联系方式")
    contact_rows = rows[crow:crow + 4]
    if "second_contact" in kinds:
        lab = book.erng.choice(["备用联系人", "联系人（二）"])
        dom = f["_dom"]
        vals = [B.person(book.erng), book.erng.choice(B.TITLES_STAFF), B.mobile(book.erng), B.email(book.erng, dom)]
        new = make_tr([make_tc(lab)] + [make_tc(v) for v in vals])
        contact_rows[-1].addnext(new)
        contact_rows.append(new)
        book.note(f"rows_inserted:second_contact:{lab}")
        book.touch("rows_inserted", *CONTACT_FIDS["guangdong"])
    if "nested_contacts" in book.edits:
        widths = [1300, 1000, 1200, 1500, 2100]
        inner_rows = []
        for k, r in enumerate(contact_rows):
            tcs = r.findall(qn("w:tc"))
            cells = [strip_tc(tc, w) for tc, w in zip(tcs, widths)]
            if k == 0:
                cells[0] = make_tc(book.erng.choice(["", "角色", "人员"]), width=widths[0])
            inner_rows.append(cells)
        inner = nested_table(inner_rows, widths)
        tr = make_tr([make_tc("联系方式", width=1600), make_tc([inner], span=4, width=7245)])
        contact_rows[0].addprevious(tr)
        for r in contact_rows:
            tbl.remove(r)
        book.note("nested_contacts:联系方式")
        book.touch("nested_contacts", *CONTACT_FIDS["guangdong"])
    rows = tbl.findall(qn("w:tr"))
    yi = next(i for i, r in enumerate(rows) if row_first_text(r) == "年度")
    fin = rows[yi:yi + 7]
    if "fin_year_order" in book.edits:
        for r in fin:
            tcs = r.findall(qn("w:tc"))
            for tc in tcs[1:]:
                r.remove(tc)
            for tc in reversed(tcs[1:]):
                r.append(tc)
        book.note("fin_year_order:2022,2021,2020")
        book.touch("fin_year_order", *[k for k in f if k.startswith("fin.")])
    split = [e for e in ("fin_page_split", "fin_two_tables") if e in book.edits]
    if split:
        book.touch(split[0], *[k for k in f if k.startswith("fin.")])
        rest = rows[yi + 7:]
        for r in fin + rest:
            tbl.remove(r)
        after = [tbl]

        def add(e):
            after[-1].addnext(e)
            after.append(e)

        def para(text="", space_after=None, size=None):
            p = el("w:p")
            if space_after is not None:
                p.append(el("w:pPr", {}, [el("w:spacing", {"w:before": "0", "w:after": str(space_after)})]))
            if text:
                p.append(run(text, {"w:sz": {"w:val": str(size)}, "w:szCs": {"w:val": str(size)}} if size else None))
            return p

        header = fin[0]
        if split[0] == "fin_page_split":
            trpr = el("w:trPr", {}, [el("w:tblHeader")])
            header.insert(0, trpr)
            for r in fin[1:]:
                r.insert(0, el("w:trPr", {}, [el("w:cantSplit"),
                                              el("w:trHeight", {"w:val": "1300", "w:hRule": "atLeast"})]))
            # Page break, a caption, then enough space that the table starts low on the page and breaks.
            add(el("w:p", {}, [el("w:r", {}, [el("w:br", {"w:type": "page"})])]))
            add(para("企业经营状况（单位：万元）", space_after=5200))
            add(new_table_like(tbl, fin))
            book.note("fin_page_split:tblHeader+page break")
        else:
            add(para())
            add(new_table_like(tbl, fin[:4]))
            add(para(book.erng.choice(["（续表）", "续表", ""])))
            h2 = copy.deepcopy(header)
            add(new_table_like(tbl, [h2] + fin[4:]))
            book.note("fin_two_tables:3+3 rows")
        if rest:
            add(para())
            add(new_table_like(tbl, rest))
            moved = [fid for _, items in B.GUANGDONG_GROUPS for fid, _ in items]
            moved += ["org.tech_directions", "org.industries", "org.intro", "org.core_tech", "org.rnd_plan", "org.team"]
            book.touch(split[0] + "(rest of table moved)", *[k for k in moved if f.get(k) not in (None, "", [])])


# ---------------------------------------------------------------------- choosing the edits
def edit_plan(call, seed, count):
    """Per book, 2–4 distinct edit kinds; a seeded rotation over all kinds so every kind is used about as often."""
    kinds = COMMON_EDITS + (GD_FIN_EDITS if call.startswith("guangdong") else [])
    r = random.Random(f"edits/{call}/{seed}")
    order = kinds[:]
    r.shuffle(order)
    pos = 0
    plans = []
    for _ in range(count):
        k = r.randint(2, 4)
        chosen = []
        guard = 0
        while len(chosen) < k and guard < 100:
            guard += 1
            e = order[pos % len(order)]
            pos += 1
            if pos % len(order) == 0:
                r.shuffle(order)
            if e in chosen:
                continue
            if e in GD_FIN_EDITS and any(c in GD_FIN_EDITS and c != "fin_year_order" for c in chosen) \
                    and e != "fin_year_order":
                continue
            chosen.append(e)
        plans.append(sorted(chosen))
    return plans


def generate(call, seed, count, out):
    os.makedirs(out, exist_ok=True)
    q = PlainQuirks(f"{call}/{seed}")
    short = "hubei" if call.startswith("hubei") else "guangdong"
    plans = edit_plan(call, seed, count)
    manifest = {}
    for i in range(count):
        q.start_book()
        erng = random.Random(f"edit-values/{call}/{seed}/{i}")
        book = EditedBook(call, seed, i, q, plans[i], erng)
        if short == "hubei":
            f = B.hubei_data(book.rng, q)
        else:
            f = B.gd_data(book.rng, q)
        book.cover_ymd = f["_cover_date"]
        book.make_plan(f)
        exp = M.build_hubei(book, f) if short == "hubei" else M.build_gd(book, f)
        (post_hubei if short == "hubei" else post_gd)(book, f)
        exp.update(book.exp_over)
        name = f"{short}-edited-s{seed}-{i + 1:02d}"
        book.doc.save(os.path.join(out, name + ".docx"))
        fields = M.clean_expected(exp)
        with open(os.path.join(out, name + ".expected.json"), "w", encoding="utf-8") as fh:
            json.dump({"call": call, "fields": fields}, fh, ensure_ascii=False, indent=2, sort_keys=True)
            fh.write("\n")
        manifest[name] = {"edits": plans[i], "details": book.details, "html": i % 2 == 0,
                          "fields": {k: book.fields[k] for k in sorted(book.fields)}}
    return M.write_manifest(out, call, seed, count, manifest)


def main():
    a = M.arguments(__doc__, 8, extra=[("--pdf", "also make the PDFs (make_edited_pdfs.sh)")])
    m = generate(a.call, a.seed, a.count, a.out)
    for name in m:
        print(os.path.join(a.out, name + ".docx"))
    if a.pdf:
        here = os.path.dirname(os.path.abspath(__file__))
        sys.exit(subprocess.call(["bash", os.path.join(here, "make_edited_pdfs.sh"), a.out]))


if __name__ == "__main__":
    main()
