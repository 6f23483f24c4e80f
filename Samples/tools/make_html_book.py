#!/usr/bin/env python3
"""One application book authored as HTML (tables with rowspan/colspan, checkbox glyphs) and converted to DOCX by
LibreOffice — a different authoring tool than python-docx — with its expected extraction JSON.

    python3 Samples/tools/make_html_book.py --call guangdong-ai-scenario-2023 --seed 3 --out DIR [--name NAME] [--keep-html]

Writes DIR/NAME.docx and DIR/NAME.expected.json (NAME defaults to <单位名称>-<模型/场景名称>).
"""
import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bookdata as B  # noqa: E402

CB = {"glyph_☑": ("☑", "☐"), "glyph_■": ("■", "□"), "glyph_☒": ("☒", "☐")}


class H:
    def __init__(self, q, rng):
        self.q, self.rng = q, rng
        self.out = []

    def add(self, s):
        self.out.append(s)

    def p(self, text, cls=None):
        self.add(f'<p{" class=%s" % cls if cls else ""}>{html.escape(text)}</p>')

    def choices(self, opts, chosen, after=None):
        style = self.q.pick("checkbox", ["glyph_☑", "glyph_■", "check_before", "check_after", "glyph_☒"])
        self.q.note(f"checkbox:{style}")
        parts = []
        for canon, pu, pc in opts:
            on = canon in chosen
            t = html.escape(pc if on else pu)
            if style in CB:
                parts.append(f"{CB[style][0 if on else 1]}{t}")
            elif on:
                parts.append(f"√{t}" if style == "check_before" else f"{t}√")
            else:
                parts.append(t)
            if after and canon in after:
                parts.append(html.escape(after[canon]))
        return "&nbsp;&nbsp;".join(parts)

    def longtext(self, paras, hint):
        keep = self.q.pick("hint_kept", [True, False]) if paras else True
        out = []
        if keep and hint:
            out.append(f'<p><font color="#808080">{html.escape(hint)}</font></p>')
        for t in paras or []:
            out.append(f"<p>{html.escape(t)}</p>")
        return "".join(out) or "<p></p>"


def opts(options, other_u, other_c, note, printed=None):
    return [(o, other_u, other_c + (note or "")) if o == "其他" else (o, (printed or {}).get(o, o), (printed or {}).get(o, o))
            for o in options]


def cs(v):
    return {x if not x.startswith("其他：") else "其他" for x in ([v] if isinstance(v, str) else v)}


def td(content, colspan=1, rowspan=1, raw=False, width=None):
    a = ""
    if colspan > 1:
        a += f' colspan="{colspan}"'
    if rowspan > 1:
        a += f' rowspan="{rowspan}"'
    if width:
        a += f' width="{width}"'
    return f"<td{a}>{content if raw else html.escape(content)}</td>"


def hubei(h, f):
    q, rng = h.q, h.rng
    exp = {k: ("\n".join(v) if isinstance(v, list) and k not in ("org.consortium", "model.industries",
                                                                  "model.service_modes") else v)
           for k, v in f.items() if not k.startswith("_")}
    s = f["_strings"]
    h.add('<p align="center"><font size="6"><b>湖北省工业领域专用模型项目申报书</b></font></p><p>&nbsp;</p>')
    sep = q.pick("cover_sep", ["：", " ", ":"])

    def cover(label, value, suffix=""):
        h.add(f"<p><font size=\"4\">{label}{sep}<u>{html.escape(value)}</u>{suffix}</font></p>")

    cover("申报单位", f["cover.applicant"], " (加盖公章)")
    cover("模型名称", f["cover.model_name"])
    cover("模型类别", f["cover.model_category"], " (单模态大模型/多模态大模型/任务型模型)" if rng.random() < 0.5 else "")
    cover("推荐单位", f["cover.recommender"], "（加盖公章）")
    cover("联系人", f["cover.contact"])
    cover("联系方式", B.fmt_phone(q, f["cover.contact_phone"]))
    dt, dc = B.fmt_date(q, *f["_cover_date"], allow_partial=False)
    exp["cover.date"] = dc
    cover("申报日期", dt)
    h.add('<p align="center">湖北省经济和信息化厅</p><p align="center">2026 年 3 月</p>')
    h.add('<h2 style="page-break-before: always">一、单位基本情况表</h2>')
    h.add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    h.add("<tr>" + td("单位名称", width="16%") + td(f["org.name"], 6) + "</tr>")
    h.add("<tr>" + td("统一社会信用代码") + td(f["org.uscc"], 6) + "</tr>")
    h.add("<tr>" + td("单位地址") + td(f["org.address"], 6) + "</tr>")
    h.add("<tr>" + td("单位性质") + td(h.choices(opts(B.H_NATURE, "其他（请注明）", "其他（请注明）：",
                                                   f["_other"].get("org.nature")), cs(f["org.nature"])), 6, raw=True) + "</tr>")
    cons = f.get("org.consortium")
    h.add("<tr>" + td("联合体成员单位（如有）") + td(h.longtext(cons, "（若以联合体形式申报，联合体成员单位数量不超过3家，"
                                                               "需明确牵头单位及各成员单位职责分工）"), 6, raw=True) + "</tr>")
    for k, (who, key) in enumerate((("负责人", "head"), ("申报人", "filer"))):
        first = td("联系人情况", rowspan=2) if k == 0 else ""
        h.add("<tr>" + first + td(f"{who}姓名") + td(f[f"org.{key}.name"]) + td("职务") + td(f[f"org.{key}.title"])
              + td("电话") + td(B.fmt_phone(q, f[f"org.{key}.phone"])) + "</tr>")
    h.add("<tr>" + td("单位经营情况") + td("2025年营业收入（万元）") + td(B.fmt_money(q, s["org.revenue_2025"]))
          + td("2025年人工智能营业收入（万元）", 2) + td(B.fmt_money(q, s["org.ai_revenue_2025"]), 2) + "</tr>")
    h.add("<tr>" + td("单位人才情况") + td("员工总数") + td(B.fmt_int(q, f["org.staff_total"])) + td("研发人员数量", 2)
          + td(B.fmt_int(q, f["org.rnd_staff"]), 2) + "</tr>")
    h.add("<tr>" + td("单位情况介绍") + td(h.longtext(f["org.intro"], "（包括公司基本情况、主营业务及产品、核心优势、研发团队等，"
                                                      "重点突出人工智能研发团队及领军人才、人工智能的技术攻关和产品研发、人工智能应用赋能等情况）"),
                                           6, raw=True) + "</tr></table>")
    h.add("<h2>二、工业模型基本情况表</h2>")
    h.add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    h.add("<tr>" + td("工业模型名称", width="20%") + td(f["model.name"], 4) + "</tr>")
    h.add("<tr>" + td("模型服务行业") + td(h.choices(opts(B.H_INDUSTRIES, "其他 (请注明)", "其他（请注明）：",
                                                      f["_other"].get("model.industries"),
                                                      {"消费品(包括生物医药等)": "消费品 (包括生物医药等)"}),
                                                 cs(f["model.industries"])), 4, raw=True) + "</tr>")
    h.add("<tr>" + td("模型类别") + td(h.choices(opts(B.H_CATEGORY, "其他 (请注明)", "其他（请注明）：", None),
                                              {f["model.category"]}), 4, raw=True) + "</tr>")
    h.add("<tr>" + td("模型指标") + td("参数量 (亿)") + td(B.fmt_decimal(q, s["model.params_100m"])) + td("训练数据量 (TB)")
          + td(B.fmt_decimal(q, s["model.train_data_tb"])) + "</tr>")
    h.add("<tr>" + td("模型能力") + td(h.longtext(f["model.capability"], None), 4, raw=True) + "</tr>")
    h.add("<tr>" + td("模型底座来源") + td(f["model.base"], 4) + "</tr>")
    h.add("<tr>" + td("模型服务方式") + td(h.choices(opts(B.H_MODES, "其他 (请注明)", "其他（请注明）：",
                                                      f["_other"].get("model.service_modes")),
                                                 cs(f["model.service_modes"])), 4, raw=True) + "</tr>")
    rt, rc = B.fmt_range(q, *f["_range"])
    exp["model.dev_period"] = rc
    h.add("<tr>" + td("模型研发起止时间") + td(rt, 4) + "</tr>")
    h.add("<tr>" + td("2025 年度模型研发成本 (万元)") + td(B.fmt_money(q, s["model.rnd_cost_2025"])
                                                     + " (2025 年 1 月 1 日至 2025 年 12 月 30 日)", 4) + "</tr>")
    h.add("<tr>" + td("2025 年度模型研发成本组成 (万元)") + td(h.longtext(f["model.rnd_cost_breakdown"],
                                                                "(说明研发资金详细组成, 包括购买服务、购买设备、员工工资等)"),
                                                     4, raw=True) + "</tr></table>")
    h.add("<h2>三、工业模型项目内容</h2>")
    from make_books import HUBEI_SECTION3  # same wording as the python-docx books
    for line in HUBEI_SECTION3(f, rng):
        h.p(line)
    h.add('<h1 align="center" style="page-break-before: always">承诺书</h1>')
    for line in ["1.本单位对本申请材料的合法性、真实性、准确性和完整性负责。",
                 "2.本单位自愿提供开展湖北省工业领域专用模型项目申报所需的材料，并为相关工作提供方便。",
                 "3.本单位同意将本申请材料向负责征集评选工作人员和评审专家公开。",
                 "4.本申请材料用于湖北省工业领域专用模型项目申报相关工作，不再要求予以退还。", "特此承诺。",
                 "申请单位法人代表（签名）：", "申请单位（盖章）：", "年 月 日"]:
        h.p(line)
    return exp


def guangdong(h, f):
    from make_books import GD_HINTS, GD_LABELS
    q, rng = h.q, h.rng
    multis = ("org.tech_directions", "org.industries", "scenario.techs")
    exp = {k: ("\n".join(v) if isinstance(v, list) and k not in multis else v)
           for k, v in f.items() if not k.startswith("_")}
    s = f["_strings"]
    h.add("<p>附件2</p>")
    h.add('<p align="center"><font size="6"><b>2023 年广东省人工智能应用场景典型案例申报书</b></font></p><p>&nbsp;</p>')
    sep = q.pick("cover_sep", ["：", ":", " "])
    dt, dc = B.fmt_date(q, *f["_cover_date"], allow_partial=False)
    exp["cover.date"] = dc
    for lab, v in (("应用场景名称", f["cover.scenario_name"]), ("申报单位", f["cover.applicant"]), ("申报日期", dt)):
        h.add(f'<p><font size="4">{lab}{sep}{html.escape(v)}</font></p>')
    h.add('<h2 style="page-break-before: always">一、申报单位基本情况表</h2>')
    h.add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    h.add("<tr>" + td("企业基本信息", 5) + "</tr>")
    h.add("<tr>" + td("企业名称", width="22%") + td(f["org.name"], 4) + "</tr>")
    h.add("<tr>" + td("统一社会信用代码") + td(f["org.uscc"]) + td("网址") + td(f.get("org.website", ""), 2) + "</tr>")
    h.add("<tr>" + td("所在园区") + td(f.get("org.park", ""), 4) + "</tr>")
    h.add("<tr>" + td("详细地址") + td(f["org.address"], 4) + "</tr>")
    h.add("<tr>" + td("企业类型") + td(h.choices(opts(B.G_SCALE, "", "", None), {f["org.scale"]}), 4, raw=True) + "</tr>")
    code = f.get("org.stock_code")
    h.add("<tr>" + td("上市情况") + td(h.choices(opts(B.G_LISTING, "", "", None), {f["org.listing"]},
                                             {"新三板挂牌": "股票代码：" + (code or "______")}), 4, raw=True) + "</tr>")
    h.add("<tr>" + td("单位性质") + td(h.choices(opts(B.G_NATURE, "其他 (请注明):", "其他（请注明）：",
                                                   f["_other"].get("org.nature")), cs(f["org.nature"])), 4, raw=True) + "</tr>")
    h.add("<tr>" + td("联系方式") + td("姓 名") + td("职 务") + td("手 机") + td("电子邮箱") + "</tr>")
    for role, lab in (("head", "单位负责人"), ("ai_lead", "AI 技术负责人"), ("contact", "申报联系人")):
        h.add("<tr>" + td(lab) + td(f[f"org.{role}.name"]) + td(f[f"org.{role}.title"])
              + td(B.fmt_phone(q, f[f"org.{role}.mobile"])) + td(f[f"org.{role}.email"]) + "</tr>")
    h.add("<tr>" + td("企业经营状况", 5) + "</tr>")
    h.add("<tr>" + td("年度", 2) + td("2020 年度") + td("2021 年度") + td("2022 年度") + "</tr>")
    for key, lab in (("revenue", "总营收（万元）"), ("ai_hardware", "其中: AI 硬件收入"), ("ai_software", "AI 软件收入"),
                     ("ai_service", "AI 服务收入"), ("profit", "企业总利润"), ("rnd", "年度研发投入")):
        h.add("<tr>" + td(lab, 2) + "".join(td(B.fmt_money(q, s[f"fin.{y}.{key}"])) for y in (2020, 2021, 2022)) + "</tr>")
    groups = B.GUANGDONG_GROUPS
    for g, items in groups:
        for k, (fid, lab) in enumerate(items):
            h.add("<tr>" + (td(g, rowspan=len(items)) if k == 0 else "") + td(lab, 3) + td(B.fmt_int(q, f[fid])) + "</tr>")
    for fid, lab, o in (("org.tech_directions", "主要人工智能技术方向（最多选3项）", B.G_TECH),
                        ("org.industries", "主要服务行业和领域（最多选3项）", B.G_IND)):
        h.add("<tr>" + td(lab, 5) + "</tr>")
        h.add("<tr>" + td(h.choices(opts(o, "其他：", "其他：", f["_other"].get(fid)), cs(f[fid])), 5, raw=True) + "</tr>")
    for fid in ("org.intro", "org.core_tech", "org.rnd_plan", "org.team"):
        h.add("<tr>" + td(GD_LABELS[fid], 5) + "</tr>")
        h.add("<tr>" + td(h.longtext(f.get(fid), GD_HINTS[fid]), 5, raw=True) + "</tr>")
    h.add("</table><h2>二、应用场景申报表</h2>")
    h.add('<table border="1" cellspacing="0" cellpadding="4" width="100%">')
    rt, rc = B.fmt_range(q, *f["_range"])
    exp["scenario.period"] = rc
    for lab, v in (("应用场景名称", f["scenario.name"]), ("应用场景地址", f["scenario.address"]), ("项目建设起止时间", rt),
                   ("单位名称", f["scenario.org"])):
        h.add("<tr>" + td(lab, width="28%") + td(v) + "</tr>")
    h.add("<tr>" + td("应用场景类型（限选 1 项）", 2) + "</tr>")
    h.add("<tr>" + td(h.choices(opts(B.G_TYPE, "其他：", "其他：", f["_other"].get("scenario.type")),
                                cs(f["scenario.type"])), 2, raw=True) + "</tr>")
    h.add("<tr>" + td("主要采用的人工智能技术（最多选 3 个）", 2) + "</tr>")
    h.add("<tr>" + td(h.choices(opts(B.G_TECH, "其他：", "其他：", None), cs(f["scenario.techs"])), 2, raw=True) + "</tr>")
    for fid in ("scenario.intro", "scenario.key_tech", "scenario.collaboration", "scenario.effect", "scenario.ip",
                "scenario.honors", "scenario.media"):
        h.add("<tr>" + td(GD_LABELS[fid], 2) + "</tr>")
        h.add("<tr>" + td(h.longtext(f.get(fid), GD_HINTS[fid]), 2, raw=True) + "</tr>")
    h.add("</table><h2>三、相关佐证材料</h2>")
    for line in ["（一）申报单位佐证材料", "1.企业营业执照或组织机构代码证书；",
                 "2.申报单位研发能力、技术水平的相关证明材料（如政府部门或权威机构认定的研发平台、企业资质，以及颁发的荣誉、获奖证书等）；",
                 "3.近三年通过省级以上鉴定或第三方科技成果评价的新技术、新产品证明材料；",
                 "4.申报单位2020-2022年度营业收入证明材料（如财务会计报表等）。", "（二）申报应用场景佐证材料",
                 "1.与申报应用场景相关的、具有查新资质单位出具的科技成果查新报告；",
                 "2.与申报应用场景相关的专利受理或授权证书、软件著作权证书、集成电路布局图、技术标准等知识产权证明材料；",
                 "3.该应用场景的获奖证书等；",
                 "4.2020-2022年度该应用场景主要推广服务用户清单（含客户名称、项目名称、合同签订日期等，涉及商业秘密的可不提供）；",
                 "5.该应用场景推广应用所产生的经济效益、社会效益、环境生态效益证明材料；", "6.提供至少1家用户应用证明。"]:
        h.p(line)
    h.add("<h2>四、申报单位承诺书</h2>")
    h.p("申报单位签署承诺书，对提供的全部申报材料真实性负责，承诺书格式附后。")
    h.add('<h1 align="center" style="page-break-before: always">申报单位承诺书</h1>')
    for line in [f"根据《广东省工业和信息化厅关于组织开展2023年广东省人工智能应用场景典型案例征集工作的通知》要求，"
                 f"本单位提交了“{f['scenario.name']}”应用场景参评。现对有关情况承诺如下：",
                 "1. 申报的所有材料均依据申报要求据实提供，申报应用场景典型案例不存在任何知识产权纠纷。",
                 "2. 按照国家相关保密规定，所提交的材料内容未涉及国家秘密、个人信息和其他敏感信息。",
                 "3. 如违背以上承诺，我单位愿意承担相关责任，同意有关主管部门将相关失信信息记入公共信用信息系统。",
                 "申报责任人（签名）：", "单位负责人（签名）：          （公章）", "日期：    年  月  日"]:
        h.p(line)
    return exp


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--call", required=True, choices=("hubei-industrial-model-2026", "guangdong-ai-scenario-2023"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--name")
    ap.add_argument("--keep-html", action="store_true")
    a = ap.parse_args()
    q = B.Quirks(f"html/{a.call}/{a.seed}")
    q.start_book()
    rng = random.Random(f"html/{a.call}/{a.seed}")
    h = H(q, rng)
    h.add('<!DOCTYPE html><html><head><meta charset="utf-8"><title>申报书</title>'
          '<style>body{font-family:"仿宋_GB2312","FangSong",serif;font-size:12pt} td{vertical-align:middle}</style>'
          '</head><body>')
    if a.call.startswith("hubei"):
        f = B.hubei_data(rng, q)
        exp = hubei(h, f)
        name = a.name or f"{f['org.name']}-{f['model.name']}"
    else:
        f = B.gd_data(rng, q)
        exp = guangdong(h, f)
        name = a.name or f"{f['org.name']}-{f['scenario.name']}"
    h.add("</body></html>")
    os.makedirs(a.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="lo-html.")
    try:
        src = os.path.join(tmp, "book.html")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write("\n".join(h.out))
        env = dict(os.environ, HOME=os.path.join(tmp, "home"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", tmp, src], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=180)
        out_docx = os.path.join(tmp, "book.docx")
        if not os.path.exists(out_docx) or os.path.getsize(out_docx) == 0:
            sys.exit("LibreOffice did not write book.docx (HTML -> DOCX conversion failed)")
        shutil.copy(out_docx, os.path.join(a.out, name + ".docx"))
        if a.keep_html:
            shutil.copy(src, os.path.join(a.out, name + ".html"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    fields = {k: v for k, v in exp.items() if v not in (None, "", [])}
    with open(os.path.join(a.out, name + ".expected.json"), "w", encoding="utf-8") as fh:
        json.dump({"call": a.call, "fields": fields}, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(os.path.join(a.out, name + ".docx"))
    print("quirks:", ", ".join(sorted(q.used)), file=sys.stderr)


if __name__ == "__main__":
    main()
