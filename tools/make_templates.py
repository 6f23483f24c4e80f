#!/usr/bin/env python3
"""Write the Word templates of the application books and declaration letters as Flat-OPC XML.

    python3 tools/make_templates.py            # rewrites Templates/<call>/book.xml and declaration.xml

The XML files are the data (a bureau opens and edits them in Word: 文件 → 打开 → Word XML 文档);
this script is only how they were first laid out, so the two calls share one set of styles.

Conventions (see README, “fill”):
  {{org.name}}                               a field, formatted as the form prints it
  {{#options.org.nature}}{{mark}}{{text}}  {{/options.org.nature}}   every printed option, ☑ or ☐
      (also {{label}}: the option without “（请注明）”, {{note}}: the 其他 note, {{#other}}…{{/other}})
  {{option.org.listing.5.mark}}              the 5th option of a choice, for layouts that put text between options
  {{#paragraphs.org.intro}}…{{text}}…{{/paragraphs.org.intro}}   a long text, one Word paragraph per line
  {{#items.org.consortium}}…{{/items.org.consortium}}            one paragraph per list entry
  {{^filled.org.intro}}hint{{/filled.org.intro}}  the form's grey hint, printed only while the field is blank
  {{call.notice}}, {{call.title}}
"""
import os
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Samples", "tools"))
from bookdata import GD_HINTS, GUANGDONG_GROUPS  # noqa: E402  (the rows the generator lays out too)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')

# GB/T 9704: A4, margins top 37 mm, left 28 mm, type area 156 × 225 mm.
PAGE = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" ' \
       'w:header="851" w:footer="992" w:gutter="0"/>'
TYPE_WIDTH = 11906 - 1587 - 1474  # 8845 twips = 156 mm

FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"


# ---------------------------------------------------------------------------------------------- runs and paragraphs
def run(text, font=None, sz=None, b=False, u=False, color=None):
    props = ""
    if font:
        props += f'<w:rFonts w:hint="eastAsia" w:eastAsia="{font}"/>'
    if b:
        props += "<w:b/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if sz:
        props += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
    if u:
        props += '<w:u w:val="single"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(content="", style=None, jc=None, keep=False, ind=None, before=None, after=None, page_break_before=False,
         line=None):
    """content: a string (one plain run) or run XML (starts with '<')."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="exact"'
        ppr += f"<w:spacing{attrs}/>"
    if ind:
        ppr += ind
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    body = content if content.startswith("<") else (run(content) if content else "")
    return f"<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>"


def heading1(text, **kw):
    return para(text, style="Heading1", **kw)


def heading2(text):
    return para(text, style="Heading2")


def title(text, **kw):
    return para(text, style="Title", **kw)


def body(text):
    return para(text, style="BodyText")


def page_break():
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


# ---------------------------------------------------------------------------------------------- tables
def label(text, jc="center", keep=False):
    return para(text, style="TableLabel", jc=jc, keep=keep)


def value(tag):
    return para("{{" + tag + "}}", style="TableText")


def hint(text):
    return para(text, style="Hint")


def longtext(fid, hint_text=None):
    """A long text: one paragraph per line, or the grey hint while blank."""
    out = para("{{#paragraphs.%s}}" % fid, style="TableText")
    out += para("{{text}}", style="LongText")
    out += para("{{/paragraphs.%s}}" % fid, style="TableText")
    out += para("{{^filled.%s}}" % fid, style="TableText")
    out += hint(hint_text) if hint_text else para("", style="TableText")
    out += para("{{/filled.%s}}" % fid, style="TableText")
    return out


def options(fid, other_style="text", sep="  "):
    """A choice list: every printed option with ☑ or ☐ before it.
    other_style 'text' prints 其他（请注明）：note; 'colon' prints 其他：note as the Guangdong form does."""
    if other_style == "colon":
        inner = "{{mark}}{{label}}{{#other}}：{{note}}{{/other}}" + sep
    else:
        inner = "{{mark}}{{text}}" + sep
    return para("{{#options.%s}}%s{{/options.%s}}" % (fid, inner, fid), style="TableText", jc="both")


class Table:
    def __init__(self, widths):
        assert sum(widths) == TYPE_WIDTH, (sum(widths), TYPE_WIDTH)
        self.widths = widths
        self.rows = []

    def row(self, cells, can_split=False, header=False):
        """cells: list of (span, content, extra) where extra may hold 'vmerge': 'restart'|'continue', 'fill'."""
        trpr = "" if can_split else "<w:cantSplit/>"
        if header:
            trpr += "<w:tblHeader/>"
        xml = f"<w:tr><w:trPr>{trpr}</w:trPr>"
        col = 0
        for cell in cells:
            span, content = cell[0], cell[1]
            extra = cell[2] if len(cell) > 2 else {}
            width = sum(self.widths[col:col + span])
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            if extra.get("vmerge") == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif extra.get("vmerge") == "continue":
                tcpr += "<w:vMerge/>"
            if extra.get("fill"):
                tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{extra["fill"]}"/>'
            tcpr += '<w:vAlign w:val="center"/>'
            xml += f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{content or para('', style='TableText')}</w:tc>"
            col += span
        assert col == len(self.widths), (col, len(self.widths), cells)
        self.rows.append(xml + "</w:tr>")

    def xml(self):
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths)
        return ('<w:tbl><w:tblPr><w:tblStyle w:val="FormTable"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>'
                '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
                'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                % (TYPE_WIDTH, grid, "".join(self.rows)))


GREY = "F2F2F2"


# ---------------------------------------------------------------------------------------------- cover lines
def cover_line(label_text, tag, suffix="", blank_hint=None):
    """申报单位：<underlined value>（加盖公章）."""
    content = run(label_text + "：", font=HEITI)
    content += run("{{" + tag + "}}", u=True)
    if blank_hint:
        content += run("{{^filled.%s}}%s{{/filled.%s}}" % (tag, blank_hint, tag), color="808080", sz=24)
    if suffix:
        content += run(suffix)
    return para(content, style="CoverLine")


# ---------------------------------------------------------------------------------------------- declaration letters
def hubei_declaration(standalone):
    out = title("承诺书", page_break_before=not standalone, after=240)
    out += para(run("申报项目：“{{model.name}}”", font=KAITI), style="Normal", jc="center", after=160)
    for line in ["1.本单位对本申请材料的合法性、真实性、准确性和完整性负责。",
                 "2.本单位自愿提供开展湖北省工业领域专用模型项目申报所需的材料，并为相关工作提供方便。",
                 "3.本单位同意将本申请材料向负责征集评选工作人员和评审专家公开。",
                 "4.本申请材料用于湖北省工业领域专用模型项目申报相关工作，不再要求予以退还。",
                 "特此承诺。"]:
        out += body(line)
    out += para("", style="BodyText")
    out += para("", style="BodyText")
    out += para("申请单位法人代表（签名）：", style="Signature", keep=True)
    out += para("申请单位（盖章）：{{org.name}}", style="Signature", keep=True)
    out += para("{{cover.date}}{{^filled.cover.date}}年　　月　　日{{/filled.cover.date}}", style="Signature",
                jc="right")
    return out


def guangdong_declaration(standalone):
    out = title("申报单位承诺书", page_break_before=not standalone, after=240)
    out += body("根据《{{call.notice}}》要求，本单位提交了“{{scenario.name}}”应用场景参评。现对有关情况承诺如下：")
    for line in ["1. 申报的所有材料均依据申报要求据实提供，申报应用场景典型案例不存在任何知识产权纠纷。",
                 "2. 按照国家相关保密规定，所提交的材料内容未涉及国家秘密、个人信息和其他敏感信息。",
                 "3. 如违背以上承诺，我单位愿意承担相关责任，同意有关主管部门将相关失信信息记入公共信用信息系统。"]:
        out += body(line)
    out += para("", style="BodyText")
    out += para("", style="BodyText")
    out += para("申报单位：{{org.name}}", style="Signature", keep=True)
    out += para("申报责任人（签名）：", style="Signature", keep=True)
    out += para("单位负责人（签名）：　　　　　　（公章）", style="Signature", keep=True)
    out += para("日期：{{cover.date}}{{^filled.cover.date}}　　年　　月　　日{{/filled.cover.date}}", style="Signature")
    return out


# ---------------------------------------------------------------------------------------------- Hubei book
HUBEI_HINTS = {
    "consortium": "（若以联合体形式申报，联合体成员单位数量不超过3家，需明确牵头单位及各成员单位职责分工）",
    "intro": "（包括公司基本情况、主营业务及产品、核心优势、研发团队等，重点突出人工智能研发团队及领军人才、人工智能的技术攻关和产品研发、人工智能应用赋能等情况）",
    "cost": "(2025 年 1 月 1 日至 2025 年 12 月 30 日)",
    "breakdown": "(说明研发资金详细组成, 包括购买服务、购买设备、员工工资等)",
}


def hubei_book():
    out = para("附件1", style="Attachment")
    out += para("", style="BodyText")
    out += title("湖北省工业领域专用模型项目申报书", before=600, after=900)
    out += cover_line("申报单位", "cover.applicant", "（加盖公章）")
    out += cover_line("模型名称", "cover.model_name")
    out += cover_line("模型类别", "cover.model_category", blank_hint="(单模态大模型/多模态大模型/任务型模型)")
    out += cover_line("推荐单位", "cover.recommender", "（加盖公章）")
    out += cover_line("联系人", "cover.contact")
    out += cover_line("联系方式", "cover.contact_phone")
    out += cover_line("申报日期", "cover.date")
    out += para("湖北省经济和信息化厅", style="BodyText", jc="center", before=1400, keep=True)
    out += para("2026 年 3 月", style="BodyText", jc="center")

    # 一、单位基本情况表 — 7 grid columns, as the seed.
    out += heading1("一、单位基本情况表", page_break_before=True)
    t = Table([2100, 1400, 1100, 700, 1100, 700, 1745])
    t.row([(1, label("单位名称")), (6, value("org.name"))])
    t.row([(1, label("统一社会信用代码")), (6, value("org.uscc"))])
    t.row([(1, label("单位地址")), (6, value("org.address"))])
    t.row([(1, label("单位性质")), (6, options("org.nature"))])
    consortium = (para("{{#items.org.consortium}}", style="TableText") + para("{{text}}", style="TableText")
                  + para("{{/items.org.consortium}}", style="TableText")
                  + para("{{^items.org.consortium}}", style="TableText") + hint(HUBEI_HINTS["consortium"])
                  + para("{{/items.org.consortium}}", style="TableText"))
    t.row([(1, label("联合体成员单位（如有）")), (6, consortium)])
    for who, key, vm in (("负责人", "head", "restart"), ("申报人", "filer", "continue")):
        t.row([(1, label("联系人情况") if vm == "restart" else para("", style="TableText"), {"vmerge": vm}),
               (1, label(f"{who}姓名")), (1, value(f"org.{key}.name")),
               (1, label("职务")), (1, value(f"org.{key}.title")),
               (1, label("电话")), (1, value(f"org.{key}.phone"))])
    t.row([(1, label("单位经营情况")), (1, label("2025年营业收入 (万元)")), (1, value("org.revenue_2025")),
           (2, label("2025年人工智能营业收入 (万元)")), (2, value("org.ai_revenue_2025"))])
    t.row([(1, label("单位人才情况")), (1, label("员工总数")), (1, value("org.staff_total")),
           (2, label("研发人员数量")), (2, value("org.rnd_staff"))])
    t.row([(1, label("单位情况介绍")), (6, longtext("org.intro", HUBEI_HINTS["intro"]))], can_split=True)
    out += t.xml()

    # 二、工业模型基本情况表 — 5 grid columns.
    out += heading1("二、工业模型基本情况表", page_break_before=True)
    t = Table([2200, 1700, 1700, 1700, 1545])
    t.row([(1, label("工业模型名称")), (4, value("model.name"))])
    t.row([(1, label("模型服务行业")), (4, options("model.industries"))])
    t.row([(1, label("模型类别")), (4, options("model.category"))])
    t.row([(1, label("模型指标")), (1, label("参数量 (亿)")), (1, value("model.params_100m")),
           (1, label("训练数据量 (TB)")), (1, value("model.train_data_tb"))])
    capability_hint = (
        para(run("技术支持度: ", b=True, sz=21, color="808080")
             + run("感知能力 (工业质量检测、工业安全防护)、对话能力 (对话指令理解、工业知识问答)、分析能力 (故障诊断分析、工业数据分析)、"
                   "生成能力 (工业产品设计、工业文本生成)、决策能力 (生产资源调度、工业运营决策);", sz=21, color="808080"),
             style="Hint")
        + para(run("应用成熟度: ", b=True, sz=21, color="808080")
               + run("通用场景 (包括生产优化场景、分类识别场景、知识管理场景、生产运营场景、节能环保场景等), 服务成熟度 (包括风险控制、"
                     "服务稳定、互联集成、自诊断能力、攻击防范性、输出控制、可追溯性等)。", sz=21, color="808080"),
               style="Hint"))
    capability = (para("{{#paragraphs.model.capability}}", style="TableText") + para("{{text}}", style="LongText")
                  + para("{{/paragraphs.model.capability}}", style="TableText")
                  + para("{{^filled.model.capability}}", style="TableText") + capability_hint
                  + para("{{/filled.model.capability}}", style="TableText"))
    t.row([(1, label("模型能力")), (4, capability)], can_split=True)
    t.row([(1, label("模型底座来源")), (4, value("model.base"))])
    t.row([(1, label("模型服务方式")), (4, options("model.service_modes"))])
    t.row([(1, label("模型研发起止时间")), (4, value("model.dev_period"))])
    t.row([(1, label("2025 年度模型研发成本 (万元)")), (4, hint(HUBEI_HINTS["cost"]) + value("model.rnd_cost_2025"))])
    t.row([(1, label("2025 年度模型研发成本组成 (万元)")),
           (4, longtext("model.rnd_cost_breakdown", HUBEI_HINTS["breakdown"]))], can_split=True)
    out += t.xml()

    # 三、工业模型项目内容 — the materials in their order.
    out += heading1("三、工业模型项目内容", page_break_before=True)
    out += body("申请材料按照以下顺序排列，添加页码、编制目录。")
    for line in ["（一）单位基本情况表；",
                 "（二）申报单位相关证明材料（复印件需加盖公章）",
                 "1.营业执照；", "2.上年度企业纳税证明；", "3.上年度审计报告；",
                 "（三）工业模型基本情况表；",
                 "（四）工业模型相关证明材料（复印件需加盖公章）",
                 "1.针对申报模型的 2025 年度专项审计报告，能披露模型研究开发成本；",
                 "2.企业所得税汇算清缴时向税务部门报送的年度《中华人民共和国企业所得税年度纳税申报表（A类）》（A100000）及《研发费用加计扣除优惠明细表》（A107012）；",
                 "3.其他相关证明材料，包括但不限于模型建设运行证明（包括模型训练与调用情况）、国家网信办模型（算法）备案和省委网信办登记等相关证明、第三方测评报告、专利、软著、获奖等情况，以及应用图片、服务对象体验调研报告等；",
                 "（五）工业模型研发情况报告",
                 "1.项目概述。包括立项的背景、意义、国内外研究现状和发展趋势，本项目进展情况和下一步计划。项目牵头或参与制修订标准情况、参与省部级以上项目情况以及获得荣誉表彰情况。",
                 "2.技术创新。包括采用的基础大模型，使用的架构、数据集、工具箱，产品的关键技术、性能指标和创新性，并与国内外同类模型进行对比分析。算力使用量、使用类型、服务方式、算力供给方情况，模型部署灵活性与兼容性以及安全保障情况。",
                 "3.应用成效。包括工业模型应用案例，介绍投入产出比、可带来的经济效益及社会效益，可与使用技术前进行对比，包括但不限于问题解决情况、效益提升、服务改善、管理优化、产品升级等方面的成效。如有多领域应用请分别描述。可通过销售合同及销售发票进行佐证。",
                 "（六）申报单位是否出现违法违规行为和重大问题的相关证明材料，如申报单位在信用中国上的查询情况报告等。",
                 "（七）承诺书（见模板）"]:
        out += heading2(line) if line.startswith("（") else body(line)
    out += body("所有书面申报材料请采用 A4 纸双面打印，于左侧装订成册（采用普通胶粘装订方式），加盖单位公章。")
    out += hubei_declaration(standalone=False)
    return out


# ---------------------------------------------------------------------------------------------- Guangdong book
GD_LABELS = {
    "org.intro": "单位简介", "org.core_tech": "核心技术及产品介绍", "org.rnd_plan": "关键核心技术研发计划",
    "org.team": "人工智能研发团队及领军人才", "scenario.intro": "应用场景简介", "scenario.key_tech": "人工智能关键技术及产品",
    "scenario.collaboration": "产学研合作情况", "scenario.effect": "应用成效", "scenario.ip": "知识产权",
    "scenario.honors": "资质荣誉", "scenario.media": "附件材料",
}
G_LISTING = ["主板", "创业板", "科创板", "北交所", "新三板挂牌", "尚未上市"]


def guangdong_book():
    out = para("附件2", style="Attachment")
    out += para("", style="BodyText")
    out += title("2023 年广东省人工智能应用场景典型案例", before=1600)
    out += title("申报书", after=2000)
    out += cover_line("应用场景名称", "cover.scenario_name")
    out += cover_line("申报单位", "cover.applicant")
    out += cover_line("申报日期", "cover.date")

    out += heading1("一、申报单位基本情况表", page_break_before=True)
    t = Table([1600, 1350, 1650, 1500, 2745])
    t.row([(5, label("企业基本信息", keep=True), {"fill": GREY})])
    t.row([(1, label("企业名称")), (4, value("org.name"))])
    t.row([(1, label("社会统一信用代码")), (2, value("org.uscc")), (1, label("网 址")), (1, value("org.website"))])
    t.row([(1, label("所在园区")), (4, value("org.park"))])
    t.row([(1, label("详细地址")), (4, value("org.address"))])
    t.row([(1, label("企业类型")), (4, options("org.scale"))])
    listing = ""
    for n, option in enumerate(G_LISTING, 1):
        listing += "{{option.org.listing.%d.mark}}%s  " % (n, option)
        if option == "新三板挂牌":
            listing += "股票代码：{{org.stock_code}}{{^filled.org.stock_code}}______{{/filled.org.stock_code}}  "
    t.row([(1, label("上市情况")), (4, para(listing.rstrip(), style="TableText", jc="both"))])
    t.row([(1, label("单位性质")), (4, options("org.nature"))])
    t.row([(1, label("联系方式", keep=True)), (1, label("姓 名")), (1, label("职 务")), (1, label("手 机")),
           (1, label("电子邮箱"))])
    for role, lab in (("head", "单位负责人"), ("ai_lead", "AI 技术负责人"), ("contact", "申报联系人")):
        t.row([(1, label(lab)), (1, value(f"org.{role}.name")), (1, value(f"org.{role}.title")),
               (1, value(f"org.{role}.mobile")), (1, value(f"org.{role}.email"))])
    t.row([(5, label("企业经营状况", keep=True), {"fill": GREY})])
    t.row([(2, label("年度", keep=True)), (1, label("2020 年度")), (1, label("2021 年度")), (1, label("2022 年度"))])
    for key, lab in (("revenue", "总营收 (万元)"), ("ai_hardware", "其中: AI 硬件收入"), ("ai_software", "AI 软件收入"),
                     ("ai_service", "AI 服务收入"), ("profit", "企业总利润"), ("rnd", "年度研发投入")):
        t.row([(2, label(lab))] + [(1, value(f"fin.{year}.{key}")) for year in (2020, 2021, 2022)])
    groups = GUANGDONG_GROUPS
    for group, items in groups:
        for k, (fid, lab) in enumerate(items):
            first = k == 0
            t.row([(1, label(group) if first else para("", style="TableText"), {"vmerge": "restart" if first else "continue"}),
                   (3, label(lab, jc="left")), (1, value(fid))])
    for fid, lab in (("org.tech_directions", "主要人工智能技术方向（最多选3项）"),
                     ("org.industries", "主要服务行业和领域（最多选3项）")):
        t.row([(5, label(lab, keep=True), {"fill": GREY})])
        t.row([(5, options(fid, other_style="colon"))])
    for fid in ("org.intro", "org.core_tech", "org.rnd_plan", "org.team"):
        t.row([(5, label(GD_LABELS[fid], keep=True), {"fill": GREY})])
        t.row([(5, longtext(fid, GD_HINTS[fid]))], can_split=True)
    out += t.xml()

    out += heading1("二、应用场景申报表", page_break_before=True)
    t = Table([2600, 6245])
    for fid, lab in (("scenario.name", "应用场景名称"), ("scenario.address", "应用场景地址"),
                     ("scenario.period", "项目建设起止时间"), ("scenario.org", "单位名称")):
        t.row([(1, label(lab)), (1, value(fid))])
    t.row([(2, label("应用场景类型（限选 1 项）", keep=True), {"fill": GREY})])
    t.row([(2, options("scenario.type", other_style="colon"))])
    t.row([(2, label("主要采用的人工智能技术（最多选 3 个）", keep=True), {"fill": GREY})])
    t.row([(2, options("scenario.techs", other_style="colon"))])
    for fid in ("scenario.intro", "scenario.key_tech", "scenario.collaboration", "scenario.effect", "scenario.ip",
                "scenario.honors", "scenario.media"):
        t.row([(2, label(GD_LABELS[fid], keep=True), {"fill": GREY})])
        t.row([(2, longtext(fid, GD_HINTS[fid]))], can_split=True)
    out += t.xml()

    out += heading1("三、相关佐证材料", page_break_before=True)
    for line in ["（一）申报单位佐证材料", "1.企业营业执照或组织机构代码证书；",
                 "2.申报单位研发能力、技术水平的相关证明材料（如政府部门或权威机构认定的研发平台、企业资质，以及颁发的荣誉、获奖证书等）；",
                 "3.近三年通过省级以上鉴定或第三方科技成果评价的新技术、新产品证明材料；",
                 "4.申报单位 2020-2022 年度营业收入证明材料（如财务会计报表等）。",
                 "（二）申报应用场景佐证材料", "1.与申报应用场景相关的、具有查新资质单位出具的科技成果查新报告；",
                 "2.与申报应用场景相关的专利受理或授权证书、软件著作权证书、集成电路布局图、技术标准等知识产权证明材料；",
                 "3.该应用场景的获奖证书等；",
                 "4.2020-2022 年度该应用场景主要推广服务用户清单（含客户名称、项目名称、合同签订日期等，涉及商业秘密的可不提供）；",
                 "5.该应用场景推广应用所产生的经济效益、社会效益、环境生态效益证明材料；", "6.提供至少 1 家用户应用证明。"]:
        out += heading2(line) if line.startswith("（") else body(line)
    out += heading1("四、申报单位承诺书")
    out += body("申报单位签署承诺书，对提供的全部申报材料真实性负责，承诺书格式附后。")
    out += guangdong_declaration(standalone=False)
    return out


# ---------------------------------------------------------------------------------------------- package parts
def styles():
    def pstyle(sid, name, ppr, rpr, based="Normal", extra=""):
        return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{based}"/><w:qFormat/>{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')

    def fonts(east, ascii_font="Times New Roman"):
        return f'<w:rFonts w:ascii="{ascii_font}" w:hAnsi="{ascii_font}" w:eastAsia="{east}" w:cs="{ascii_font}"/>'

    size = lambda half: f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    body_line = '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>'
    table_line = '<w:spacing w:before="40" w:after="40" w:line="320" w:lineRule="atLeast"/>'
    return f'''<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr>{fonts(FANGSONG)}<w:kern w:val="2"/>{size(32)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>{body_line}</w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{fonts(XIAOBIAOSONG)}{size(44)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="160" w:line="579" w:lineRule="exact"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{fonts(HEITI)}{size(32)}</w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>{fonts(KAITI)}{size(32)}</w:rPr></w:style>
{pstyle("BodyText", "正文（仿宋三号）", '<w:ind w:firstLine="640"/>', "")}
{pstyle("Attachment", "附件标注", '<w:jc w:val="left"/>', fonts(HEITI))}
{pstyle("CoverLine", "封面栏目", '<w:spacing w:before="160" w:after="160" w:line="579" w:lineRule="exact"/><w:ind w:left="1120"/><w:jc w:val="left"/>', "")}
{pstyle("Signature", "落款", '<w:ind w:left="1920"/><w:jc w:val="left"/>', "")}
{pstyle("TableText", "表格文字", table_line + '<w:jc w:val="left"/>', size(24))}
{pstyle("TableLabel", "表格栏目", table_line + '<w:jc w:val="center"/>', size(24))}
{pstyle("LongText", "表格长文字", table_line + '<w:ind w:firstLine="480"/><w:jc w:val="both"/>', size(24), based="TableText")}
{pstyle("Hint", "填写说明", table_line + '<w:jc w:val="left"/>', '<w:color w:val="808080"/>' + size(21), based="TableText")}
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr>{fonts(SONGTI)}{size(28)}</w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:customStyle="1" w:styleId="FormTable"><w:name w:val="申报表格"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>'''


def font_table():
    # Word finds the Windows fonts by name; a Linux viewer (LibreOffice) uses altName and the family to substitute.
    entries = [(FANGSONG, "仿宋", "roman"), (HEITI, "SimHei", "modern"), (KAITI, "楷体", "roman"),
               (XIAOBIAOSONG, "华文中宋", "roman"), (SONGTI, "SimSun", "roman"), ("Times New Roman", None, "roman")]
    xml = ""
    for name, alt, family in entries:
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        charset = '<w:charset w:val="86"/>' if alt else '<w:charset w:val="00"/>'
        xml += f'<w:font w:name="{name}">{alt_xml}{charset}<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
    return f'<w:fonts {W_NS}>{xml}</w:fonts>'


def footer():
    return (f'<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')


def document(content, numbered):
    sect = "<w:sectPr>"
    if numbered:
        sect += '<w:footerReference w:type="default" r:id="rIdFooter"/>'
    sect += PAGE
    if numbered:
        sect += '<w:pgNumType w:start="0"/><w:titlePg/>'  # the cover carries no number; the body starts at 1
    sect += '<w:docGrid w:linePitch="579"/></w:sectPr>'
    return f"<w:document {W_NS}><w:body>{content}{sect}</w:body></w:document>"


def settings():
    return (f'<w:settings {W_NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')


def flat_opc(content, title_text, numbered):
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    doc_rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
                '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
                + ('<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' if numbered else "")
                + '</Relationships>')
    core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>shenbao</dc:creator>'
            '<dc:language>zh-CN</dc:language></cp:coreProperties>' % escape(title_text))
    parts = [
        ("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml", rels),
        ("/word/_rels/document.xml.rels", "application/vnd.openxmlformats-package.relationships+xml", doc_rels),
        ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
         document(content, numbered)),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml", styles()),
        ("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", settings()),
        ("/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml", font_table()),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", core),
    ]
    if numbered:
        parts.append(("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                      footer()))
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?mso-application progid="Word.Document"?>',
           '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">']
    for name, ctype, xml in parts:
        out.append(f'<pkg:part pkg:name="{name}" pkg:contentType="{ctype}"><pkg:xmlData>')
        # One block-level element per line keeps diffs of the template readable.
        out.append(xml.replace("<w:p>", "\n<w:p>").replace("<w:tbl>", "\n<w:tbl>").replace("<w:tr>", "\n<w:tr>"))
        out.append("</pkg:xmlData></pkg:part>")
    out.append("</pkg:package>")
    return "\n".join(out) + "\n"


def main():
    jobs = {
        "hubei-industrial-model-2026": (hubei_book(), hubei_declaration(True), "湖北省工业领域专用模型项目申报书"),
        "guangdong-ai-scenario-2023": (guangdong_book(), guangdong_declaration(True), "2023年广东省人工智能应用场景典型案例申报书"),
    }
    for call, (book, letter, name) in jobs.items():
        folder = os.path.join(ROOT, "Templates", call)
        with open(os.path.join(folder, "book.xml"), "w", encoding="utf-8") as fh:
            fh.write(flat_opc(book, name, numbered=True))
        with open(os.path.join(folder, "declaration.xml"), "w", encoding="utf-8") as fh:
            fh.write(flat_opc(letter, "承诺书", numbered=False))
        print(os.path.join(folder, "book.xml"), file=sys.stderr)


if __name__ == "__main__":
    main()
