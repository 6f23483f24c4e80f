"""Random but valid, realistic data for the two application books (申报书).

Shared by make_books.py (python-docx) and make_html_book.py (HTML -> LibreOffice).
Every value is produced twice: the canonical value that goes into the expected
JSON, and the *printed* text that goes into the book. Quirk variants (number,
date, phone formats, label aliases, ...) are drawn through a `Quirks` object so
that a run of books rotates through every variant.
"""
import random

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(body17):
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    v = 31 - s % 31
    return USCC_CHARS[0 if v == 31 else v]


def make_uscc(rng, region):
    kind = "91"  # 工商 / 企业
    org = "".join(rng.choice(USCC_CHARS) for _ in range(8)) + rng.choice("0123456789")
    # GB 11714 organisation codes of newer companies start with MA (after 2015)
    if rng.random() < 0.5:
        org = "MA" + "".join(rng.choice(USCC_CHARS) for _ in range(6)) + rng.choice("0123456789")
    body = kind + region + org
    assert len(body) == 17
    return body + uscc_check(body)


assert uscc_check("91350200776049653") == "A"
assert uscc_check("91440101MA5CJQ4N5") == "9"
assert uscc_check("91350200072831954") == "9"


class Quirks:
    """Rotates through the variants of each quirk family over a run of books.

    The order of the variants is a per-run shuffle (seeded), and a run-level
    counter per family walks through it, so every variant is used about equally
    often and two consecutive books use different ones.
    """

    def __init__(self, seed):
        self.seed = seed
        self.counters = {}
        self.orders = {}
        self.used = None  # set per book

    def start_book(self):
        self.used = set()

    def pick(self, family, variants):
        key = (family, tuple(variants))
        if key not in self.orders:
            order = list(variants)
            random.Random(f"{self.seed}/{family}").shuffle(order)
            self.orders[key] = order
        n = self.counters.get(key, 0)
        self.counters[key] = n + 1
        v = self.orders[key][n % len(variants)]
        if self.used is not None:
            self.used.add(f"{family}:{v}")
        return v

    def note(self, tag):
        if self.used is not None:
            self.used.add(tag)


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强文博浩然子涵欣怡宇轩梓萱晨阳思远雨桐一鸣嘉怡俊杰晓东海燕春梅立新卫东红梅振华建军永刚玉兰"
PINYIN_SYL = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
              "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "wei", "jun", "hao", "yu", "xin", "jie",
              "ming", "hua", "qiang", "ting", "lei", "bo", "fang", "ying", "tao", "chao", "peng", "yan"]


def person(rng):
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))
    return name


def mobile(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(8))


def email(rng, domain):
    user = rng.choice(PINYIN_SYL) + rng.choice(PINYIN_SYL) + rng.choice(["", "", str(rng.randint(1, 99))])
    return f"{user}@{domain}"


def money(rng, lo, hi, decimals=None):
    """Return (canonical number, canonical string) for an amount in 万元."""
    if decimals is None:
        decimals = rng.choice([0, 1, 2, 2])
    cents = rng.randint(int(lo * 100), int(hi * 100))
    if decimals == 0:
        cents -= cents % 100
    elif decimals == 1:
        cents -= cents % 10
    return cents_to(cents)


def cents_to(cents):
    neg = cents < 0
    c = abs(cents)
    s = str(c // 100)
    if c % 100:
        s += "." + f"{c % 100:02d}".rstrip("0")
    if neg:
        s = "-" + s
    num = int(s) if "." not in s else float(s)
    return num, s


FW = str.maketrans("0123456789", "０１２３４５６７８９")


def thousands(s):
    neg = s.startswith("-")
    s = s.lstrip("-")
    ip, _, fp = s.partition(".")
    out = f"{int(ip):,}"
    if fp:
        out += "." + fp
    return ("-" if neg else "") + out


def fmt_money(q, s, allow_wan=True):
    variants = ["plain", "thousands", "fullwidth", "wan"] if allow_wan else ["plain", "thousands", "fullwidth"]
    v = q.pick("number", variants)
    if v == "plain":
        return s
    if v == "thousands":
        return thousands(s)
    if v == "fullwidth":
        if s.startswith("-"):
            return s  # keep negatives ASCII
        return s.translate(FW)
    return s + "万元"


def fmt_int(q, n):
    v = q.pick("int", ["plain", "plain", "fullwidth", "thousands"])
    s = str(n)
    if v == "fullwidth":
        return s.translate(FW)
    if v == "thousands":
        return f"{n:,}"
    return s


def fmt_decimal(q, s):
    v = q.pick("int", ["plain", "plain", "fullwidth", "thousands"])
    if v == "fullwidth":
        return s.translate(FW)
    if v == "thousands":
        return thousands(s)
    return s


def fmt_date(q, y, m, d, allow_partial=True):
    """Return (printed, canonical)."""
    variants = ["cn", "dot", "slash", "iso", "partial"] if allow_partial else ["cn", "dot", "slash", "iso"]
    v = q.pick("date", variants)
    if v == "cn":
        return f"{y}年{m}月{d}日", f"{y:04d}-{m:02d}-{d:02d}"
    if v == "dot":
        return f"{y}.{m:02d}.{d:02d}", f"{y:04d}-{m:02d}-{d:02d}"
    if v == "slash":
        return f"{y}/{m}/{d}", f"{y:04d}-{m:02d}-{d:02d}"
    if v == "iso":
        return f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}-{d:02d}"
    return f"{y}年{m}月", f"{y:04d}-{m:02d}"


def fmt_range(q, a, b):
    """a, b = (y, m, d). Return (printed, canonical dict)."""
    v = q.pick("daterange", ["cn_month", "cn_day", "dot_month", "slash_day"])
    (y1, m1, d1), (y2, m2, d2) = a, b
    if v == "cn_month":
        return f"{y1}年{m1}月—{y2}年{m2}月", {"start": f"{y1:04d}-{m1:02d}", "end": f"{y2:04d}-{m2:02d}"}
    if v == "dot_month":
        return f"{y1}.{m1:02d}-{y2}.{m2:02d}", {"start": f"{y1:04d}-{m1:02d}", "end": f"{y2:04d}-{m2:02d}"}
    full = {"start": f"{y1:04d}-{m1:02d}-{d1:02d}", "end": f"{y2:04d}-{m2:02d}-{d2:02d}"}
    if v == "cn_day":
        return f"{y1}年{m1}月{d1}日至{y2}年{m2}月{d2}日", full
    return f"{y1}/{m1:02d}/{d1:02d} ~ {y2}/{m2:02d}/{d2:02d}", full


def fmt_phone(q, num):
    if "-" in num:
        return num
    v = q.pick("phone", ["plain", "spaced", "plus86"])
    if v == "spaced":
        return f"{num[:3]} {num[3:7]} {num[7:]}"
    if v == "plus86":
        return f"+86 {num}"
    return num


def rand_date(rng, y, m_lo, m_hi):
    m = rng.randint(m_lo, m_hi)
    d = rng.randint(1, 28)
    return y, m, d


def month_end(y, m):
    return [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def rand_range(rng, y_lo, y_hi, end_max_year):
    y1 = rng.randint(y_lo, y_hi)
    m1 = rng.randint(1, 12)
    d1 = rng.choice([1, 1, rng.randint(2, 28)])
    y2 = rng.randint(y1 + 1, end_max_year)
    m2 = rng.randint(1, 12)
    d2 = rng.choice([month_end(y2, m2), rng.randint(1, 28)])
    return (y1, m1, d1), (y2, m2, d2)


ZIHAO = ["智造", "云图", "数联", "华芯", "睿视", "智联", "慧眼", "天擎", "星河", "融智", "博思", "精测", "鸿图", "未来",
         "新锐", "灵犀", "深瞳", "卓越", "启明", "擎天", "长江", "楚天", "九州", "蓝海", "极光"]
CO_SUFFIX = ["科技有限公司", "智能科技有限公司", "信息技术有限公司", "数字科技股份有限公司", "智能装备有限公司",
             "软件股份有限公司"]
PARTNERS = ["华中科技大学", "武汉大学", "武汉理工大学", "湖北工业大学", "中国地质大学（武汉）", "武汉科技大学",
            "湖北省工业技术研究院", "华中师范大学"]
DUTIES = ["工业数据集构建与模型评测", "算法研究与模型训练", "应用场景验证与推广", "算力平台建设与运维",
          "行业知识库构建", "边缘端部署与系统集成"]
TITLES_HEAD = ["董事长", "总经理", "首席执行官", "执行董事", "董事长兼总经理"]
TITLES_STAFF = ["项目经理", "研发总监", "技术总监", "综合部经理", "市场部经理", "战略发展部主管", "首席技术官",
                "算法工程师", "产品经理"]

HUBEI_CITIES = [
    ("武汉", "420100", ["东湖新技术开发区", "江汉区", "洪山区", "武汉经济技术开发区", "东西湖区"],
     ["光谷大道", "高新大道", "关山大道", "珞喻路", "东湖路", "金融港一路", "车城大道"]),
    ("襄阳", "420600", ["高新区", "樊城区", "襄城区"], ["长虹北路", "春园西路", "航天路"]),
    ("宜昌", "420500", ["西陵区", "伍家岗区", "高新区"], ["发展大道", "城东大道", "沿江大道"]),
    ("黄石", "420200", ["下陆区", "黄石港区", "经济技术开发区"], ["团城山路", "磁湖路", "金山大道"]),
    ("十堰", "420300", ["张湾区", "茅箭区"], ["东风大道", "人民北路"]),
    ("荆州", "421000", ["沙市区", "荆州开发区"], ["北京西路", "江津东路"]),
]
GD_CITIES = [
    ("广州", "440100", ["天河区", "黄埔区", "番禺区", "海珠区"], ["科学大道", "天河北路", "开创大道", "新港东路"],
     ["广州科学城", "天河软件园", "琶洲人工智能与数字经济试验区"]),
    ("深圳", "440300", ["南山区", "宝安区", "龙岗区", "福田区"], ["科技南十二路", "深南大道", "宝安大道", "坂田街道雅宝路"],
     ["深圳湾科技生态园", "南山智园", "天安云谷"]),
    ("佛山", "440600", ["南海区", "顺德区", "禅城区"], ["桂澜北路", "季华五路", "佛山大道"], ["佛山高新区", "三龙湾科技城"]),
    ("东莞", "441900", ["松山湖", "南城街道", "长安镇"], ["工业北路", "莞太路", "宏图路"], ["松山湖高新区", "东莞滨海湾新区"]),
    ("珠海", "440400", ["香洲区", "横琴", "高新区"], ["唐家湾大道", "情侣中路", "环岛东路"], ["珠海高新区", "横琴粤澳深度合作区"]),
]


def company(rng, city, zihao):
    prefix = rng.choice([city, city, "光谷"]) if city == "武汉" else city
    return prefix + zihao + rng.choice(CO_SUFFIX)


def address(rng, city, districts, roads):
    s = f"{city}市{rng.choice(districts)}{rng.choice(roads)}{rng.randint(1, 999)}号"
    if rng.random() < 0.6:
        s += rng.choice(["A座", "B栋", "2号楼", "创新中心", "研发楼"]) + f"{rng.randint(1, 28)}{rng.randint(1, 20):02d}室"
    return s


def domain_for(rng, zihao_py):
    return f"{zihao_py}{rng.choice(['tech', 'ai', 'zn', 'soft', ''])}.{rng.choice(['com', 'com.cn', 'cn'])}"


ZIHAO_PY = {"智造": "zhizao", "云图": "yuntu", "数联": "shulian", "华芯": "huaxin", "睿视": "ruishi", "智联": "zhilian",
            "慧眼": "huiyan", "天擎": "tianqing", "星河": "xinghe", "融智": "rongzhi", "博思": "bosi", "精测": "jingce",
            "鸿图": "hongtu", "未来": "weilai", "新锐": "xinrui", "灵犀": "lingxi", "深瞳": "shentong",
            "卓越": "zhuoyue", "启明": "qiming", "擎天": "qingtian", "长江": "changjiang", "楚天": "chutian",
            "九州": "jiuzhou", "蓝海": "lanhai", "极光": "jiguang"}

# ---------------------------------------------------------------- Hubei

H_NATURE = ["国有企业", "合资企业", "民营企业", "外资企业", "事业单位", "其他"]
H_INDUSTRIES = ["原材料", "装备制造", "消费品(包括生物医药等)", "电子信息", "软件和信息服务业", "其他"]
H_CATEGORY = ["单模态大模型", "多模态大模型", "任务型模型", "其他"]
H_MODES = ["APP", "网页", "API接口", "其他"]
H_MODELS = [
    ("工业质检大模型", "缺陷检测", ["电子信息", "装备制造"]),
    ("钢铁冶炼工艺优化大模型", "工艺参数优化", ["原材料"]),
    ("汽车零部件缺陷检测模型", "表面缺陷识别", ["装备制造"]),
    ("化工安全生产大模型", "安全风险预警", ["原材料"]),
    ("光纤预制棒工艺大模型", "工艺优化", ["电子信息", "原材料"]),
    ("设备故障诊断大模型", "故障诊断", ["装备制造", "软件和信息服务业"]),
    ("纺织印染智能配色模型", "配色优化", ["消费品(包括生物医药等)"]),
    ("生物医药研发知识大模型", "知识问答", ["消费品(包括生物医药等)", "软件和信息服务业"]),
    ("工业视觉检测大模型", "视觉检测", ["电子信息", "装备制造", "原材料"]),
    ("智能排产调度模型", "生产调度", ["装备制造", "软件和信息服务业"]),
]
BASES = ["DeepSeek-V3", "Qwen2.5-72B", "Qwen2.5-7B", "GLM-4-9B", "Llama-3.1-70B", "文心大模型4.0", "自研Transformer架构",
         "YOLOv8", "盘古大模型3.0"]


def hubei_data(rng, q):
    city, region, districts, roads = rng.choice(HUBEI_CITIES)
    zihao = rng.choice(ZIHAO)
    org = company(rng, city, zihao)
    dom = domain_for(rng, ZIHAO_PY[zihao])
    mname, task, inds = rng.choice(H_MODELS)
    if rng.random() < 0.5:
        mname = zihao + mname
    category = rng.choice(["单模态大模型", "多模态大模型", "任务型模型"])
    if category == "任务型模型" and mname.endswith("大模型"):
        mname = mname[:-3] + "模型"
    f = {}
    f["cover.applicant"] = org
    f["cover.model_name"] = mname
    f["cover.model_category"] = category
    f["cover.recommender"] = f"{city}市经济和信息化局"
    f["org.name"] = org
    f["org.uscc"] = make_uscc(rng, region)
    f["org.address"] = address(rng, city, districts, roads)
    nat = q.pick("nature", ["民营企业", "民营企业", "国有企业", "其他", "合资企业"])
    other = {}
    if nat == "其他":
        other["org.nature"] = rng.choice(["混合所有制企业", "股份合作制企业", "民办非企业单位"])
        f["org.nature"] = "其他：" + other["org.nature"]
    else:
        f["org.nature"] = nat
    if q.pick("consortium", [True, False]):
        n = rng.randint(1, 3)
        partners = rng.sample(PARTNERS, n)
        duties = rng.sample(DUTIES, n + 1)
        lines = [f"{org}（牵头单位）：负责总体方案设计与{task}模型研发"]
        for p, d in zip(partners, duties):
            lines.append(f"{p}（成员单位）：负责{d}")
        f["org.consortium"] = lines
    f["org.head.name"] = person(rng)
    f["org.head.title"] = rng.choice(TITLES_HEAD)
    landline = q.pick("head_phone", ["landline", "mobile"]) == "landline"
    area = {"武汉": "027", "襄阳": "0710", "宜昌": "0717", "黄石": "0714", "十堰": "0719", "荆州": "0716"}[city]
    f["org.head.phone"] = (f"{area}-{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}" if area == "027"
                           else f"{area}-{rng.randint(2, 8)}{rng.randint(0, 999999):06d}") if landline else mobile(rng)
    f["org.filer.name"] = person(rng)
    f["org.filer.title"] = rng.choice(TITLES_STAFF)
    f["org.filer.phone"] = mobile(rng)
    f["cover.contact"] = f["org.filer.name"]
    f["cover.contact_phone"] = f["org.filer.phone"]
    rev_n, rev_s = money(rng, 800, 90000)
    ai_n, ai_s = money(rng, rev_n * 0.1, rev_n * 0.9)
    f["org.revenue_2025"] = rev_n
    f["org.ai_revenue_2025"] = ai_n
    staff = rng.randint(40, 3000)
    f["org.staff_total"] = staff
    f["org.rnd_staff"] = rng.randint(staff // 5, staff * 3 // 5)
    years = rng.randint(2008, 2019)
    f["org.intro"] = [
        f"{org}成立于{years}年，是一家专注于工业人工智能的国家高新技术企业，主营工业视觉检测系统、工业数据平台及行业大模型产品，"
        f"现有员工{staff}人，其中研发人员{f['org.rnd_staff']}人。",
        f"公司组建了由博士领衔的人工智能研发团队，围绕{task}等方向开展技术攻关，累计获得发明专利{rng.randint(5, 60)}项、"
        f"软件著作权{rng.randint(10, 120)}项。",
        rng.choice([f"公司产品已在{rng.randint(20, 300)}家制造企业落地应用，人工智能赋能效果显著。",
                    "公司牵头承担省级科技重大专项1项，参与制定团体标准2项。"]),
    ]
    # model
    f["model.name"] = mname
    chosen = set(inds[: rng.randint(1, len(inds))])
    if q.pick("other_ind", [False, False, True]):
        chosen.add("其他")
        other["model.industries"] = rng.choice(["能源电力", "节能环保", "建材"])
    f["model.industries"] = [o if o != "其他" else "其他：" + other["model.industries"] for o in H_INDUSTRIES if o in chosen]
    f["model.category"] = category
    if category == "任务型模型":
        p_n, p_s = money(rng, 0.1, 9, 1)
    else:
        p_n, p_s = money(rng, 7, 700, rng.choice([0, 1]))
    f["model.params_100m"] = p_n
    t_n, t_s = money(rng, 0.2, 60, rng.choice([0, 1, 2]))
    if t_n == 0:
        t_n, t_s = 1, "1"
    f["model.train_data_tb"] = t_n
    f["model.capability"] = [
        f"技术支持度：具备感知能力（工业质量检测）、分析能力（故障诊断分析、工业数据分析）和对话能力（工业知识问答），"
        f"{task}准确率达到{rng.randint(90, 99)}.{rng.randint(0, 9)}%。",
        f"应用成熟度：已覆盖生产优化、分类识别、知识管理等通用场景，服务稳定性达到{rng.choice(['99.9%', '99.95%', '99.5%'])}，"
        f"具备输出控制与可追溯能力。",
    ]
    base = rng.choice(BASES)
    f["model.base"] = base if base.startswith("自研") else rng.choice([f"基于{base}微调", base, f"{base}开源模型"])
    modes = set(rng.sample(["APP", "网页", "API接口"], rng.randint(1, 3)))
    if q.pick("other_mode", [False, True, False]):
        modes.add("其他")
        other["model.service_modes"] = rng.choice(["私有化部署", "边缘一体机"])
    f["model.service_modes"] = [o if o != "其他" else "其他：" + other["model.service_modes"] for o in H_MODES if o in modes]
    a, b = rand_range(rng, 2023, 2024, 2026)
    f["_range"] = (a, b)
    c_n, c_s = money(rng, 100, min(5000, max(150, rev_n * 0.5)), rng.choice([0, 1, 2]))
    f["model.rnd_cost_2025"] = c_n
    cents = int(round(c_n * 100))
    parts = [cents * k // 100 for k in (rng.randint(15, 30), rng.randint(20, 35))]
    parts.append(cents - sum(parts) - (cents // 20 if rng.random() < 0.5 else 0))
    ps = [cents_to(p - p % 100)[1] for p in parts]
    f["model.rnd_cost_breakdown"] = [
        f"购买服务{ps[0]}万元，主要用于算力租赁和数据标注；",
        f"购买设备{ps[1]}万元，主要用于GPU服务器及工业相机采购；",
        f"员工工资{ps[2]}万元，为模型研发团队人员薪酬。",
    ]
    y, m, d = 2026, rng.randint(3, 4), rng.randint(1, 28)
    if m == 4:
        d = rng.randint(1, 2)
    f["_cover_date"] = (y, m, d)
    f["_strings"] = {"org.revenue_2025": rev_s, "org.ai_revenue_2025": ai_s, "model.params_100m": p_s,
                     "model.train_data_tb": t_s, "model.rnd_cost_2025": c_s}
    f["_other"] = other
    f["_city"] = city
    f["_dom"] = dom
    return f


# ---------------------------------------------------------------- Guangdong

G_SCALE = ["规模以上", "规模以下"]
G_LISTING = ["主板", "创业板", "科创板", "北交所", "新三板挂牌", "尚未上市"]
G_NATURE = ["国家机关", "事业单位", "社会团体", "国有企业", "民营企业", "外资企业", "高校", "科研院所", "其他"]
G_TECH = ["大模型技术", "AI 芯片", "智能传感器", "智能计算", "安全可信与隐私计算", "机器人", "无人机（船）", "智能网联汽车",
          "算法与建模", "智能数据挖掘", "计算机视觉", "智能语音", "自然语言处理", "知识工程/知识图谱", "人机交互", "生物特征识别",
          "智能决策与控制", "类脑智能", "AR/VR/MR（元宇宙）", "数字孪生", "其他"]
G_IND = ["行业通用", "农林牧渔", "采矿", "制造", "能源", "建筑", "批发零售", "交通运输", "物流仓储", "邮政", "住宿餐饮", "电信",
         "广电", "互联网", "软件和信息技术", "金融保险", "房地产", "商业服务", "科学研究和技术服务", "水利", "环保", "生活服务",
         "教育", "卫生", "文化", "体育", "娱乐", "政务与公共管理", "社会保障", "其他"]
G_TYPE = ["制造", "医疗", "交通", "教育", "文旅", "金融", "家居", "城市治理", "政务", "安全保障", "大模型创新应用", "其他"]
G_SCENARIOS = [
    ("制造", "AI视觉质检在精密模具生产中的应用", ["计算机视觉", "算法与建模", "智能传感器"], ["制造"]),
    ("医疗", "基于医学影像的肺结节辅助诊断系统", ["计算机视觉", "大模型技术"], ["卫生"]),
    ("交通", "智慧公交客流预测与智能调度平台", ["智能决策与控制", "智能数据挖掘"], ["交通运输"]),
    ("教育", "大模型驱动的个性化学习助手", ["大模型技术", "自然语言处理", "智能语音"], ["教育"]),
    ("文旅", "数字孪生智慧景区导览平台", ["数字孪生", "AR/VR/MR（元宇宙）"], ["文化", "生活服务"]),
    ("金融", "智能信贷风控决策平台", ["算法与建模", "知识工程/知识图谱"], ["金融保险"]),
    ("家居", "全屋智能语音交互控制系统", ["智能语音", "人机交互"], ["生活服务", "制造"]),
    ("城市治理", "城市内涝智能预警与处置平台", ["数字孪生", "智能计算"], ["政务与公共管理", "水利"]),
    ("政务", "政务热线智能工单分派系统", ["大模型技术", "自然语言处理"], ["政务与公共管理"]),
    ("安全保障", "大模型内容安全检测平台", ["安全可信与隐私计算", "大模型技术"], ["互联网", "软件和信息技术"]),
    ("大模型创新应用", "行业知识大模型智能客服", ["大模型技术", "自然语言处理", "知识工程/知识图谱"], ["行业通用"]),
    ("其他", "智慧果园病虫害识别与精准施药", ["计算机视觉", "无人机（船）"], ["农林牧渔"]),
]


def gd_data(rng, q):
    city, region, districts, roads, parks = rng.choice(GD_CITIES)
    zihao = rng.choice(ZIHAO)
    org = city + zihao + rng.choice(CO_SUFFIX)
    dom = domain_for(rng, ZIHAO_PY[zihao])
    stype, sname, techs, inds = rng.choice(G_SCENARIOS)
    f = {}
    other = {}
    f["cover.scenario_name"] = sname
    f["cover.applicant"] = org
    f["org.name"] = org
    f["org.uscc"] = make_uscc(rng, region)
    if q.pick("optional", [True, True, False]):
        f["org.website"] = rng.choice([f"https://www.{dom}", f"www.{dom}", f"http://www.{dom}"])
    if q.pick("optional", [True, True, False]):
        f["org.park"] = rng.choice(parks)
    f["org.address"] = address(rng, city, districts, roads)
    f["org.scale"] = rng.choice(G_SCALE)
    listing = q.pick("listing", ["尚未上市", "创业板", "尚未上市", "科创板", "新三板挂牌", "主板", "北交所"])
    f["org.listing"] = listing
    if listing != "尚未上市":
        pre = {"主板": rng.choice(["600", "601", "603", "000", "002"]), "创业板": "300", "科创板": "688",
               "北交所": rng.choice(["830", "831", "920"]), "新三板挂牌": rng.choice(["430", "870", "873"])}[listing]
        f["org.stock_code"] = pre + f"{rng.randint(0, 999):03d}"
    nat = q.pick("nature", ["民营企业", "民营企业", "国有企业", "其他", "科研院所", "外资企业"])
    if nat == "其他":
        other["org.nature"] = rng.choice(["混合所有制企业", "民办非企业单位", "新型研发机构"])
        f["org.nature"] = "其他：" + other["org.nature"]
    else:
        f["org.nature"] = nat
    for role, titles in (("head", TITLES_HEAD), ("ai_lead", ["首席技术官", "技术总监", "AI研究院院长", "算法负责人"]),
                         ("contact", TITLES_STAFF)):
        f[f"org.{role}.name"] = person(rng)
        f[f"org.{role}.title"] = rng.choice(titles)
        f[f"org.{role}.mobile"] = mobile(rng)
        f[f"org.{role}.email"] = email(rng, dom)
    strings = {}
    base = rng.uniform(1500, 60000)
    for yi, yr in enumerate((2020, 2021, 2022)):
        rev_n, rev_s = money(rng, base * (1 + 0.2 * yi) * 0.9, base * (1 + 0.2 * yi) * 1.1)
        hw_n, hw_s = money(rng, 0, rev_n * 0.2)
        sw_n, sw_s = money(rng, 0, rev_n * 0.3)
        sv_n, sv_s = money(rng, 0, rev_n * 0.3)
        pr_n, pr_s = money(rng, -rev_n * 0.15, rev_n * 0.2)
        rd_n, rd_s = money(rng, rev_n * 0.05, rev_n * 0.25)
        for k, (n, s) in {"revenue": (rev_n, rev_s), "ai_hardware": (hw_n, hw_s), "ai_software": (sw_n, sw_s),
                          "ai_service": (sv_n, sv_s), "profit": (pr_n, pr_s), "rnd": (rd_n, rd_s)}.items():
            f[f"fin.{yr}.{k}"] = n
            strings[f"fin.{yr}.{k}"] = s
    staff = rng.randint(30, 4000)
    rnd = rng.randint(staff // 5, staff * 3 // 5)
    f["team.staff_total"] = staff
    f["team.rnd_staff"] = rnd
    f["team.ai_rnd_staff"] = rng.randint(rnd // 3, rnd)
    f["team.masters_plus"] = rng.randint(staff // 10, staff // 2)
    f["team.mid_title_plus"] = rng.randint(staff // 20, staff // 3)
    pat = rng.randint(5, 400)
    f["tech.patents"] = pat
    f["tech.ai_invention_patents"] = rng.randint(0, pat // 2)
    f["tech.software_copyrights"] = rng.randint(3, 300)
    f["tech.evaluated_products"] = rng.randint(0, 15)
    f["tech.national_platforms"] = rng.choice([0, 0, 1, 2])
    f["tech.provincial_platforms"] = rng.randint(0, 5)
    f["tech.standards"] = rng.randint(0, 20)
    f["awards.national"] = rng.choice([0, 0, 1, 3])
    f["awards.provincial"] = rng.randint(0, 8)

    def multi(opts, base_list, fam, notes):
        chosen = list(dict.fromkeys(base_list))[:3]
        extra = [o for o in opts if o not in chosen and o != "其他"]
        while len(chosen) < rng.randint(1, 3):
            chosen.append(rng.choice(extra))
        key = None
        if q.pick(fam, [False, False, True]) and len(chosen) <= 3:
            if len(chosen) == 3:
                chosen = chosen[:2]
            chosen.append("其他")
            key = rng.choice(notes)
        return [o if o != "其他" else "其他：" + key for o in opts if o in chosen], key

    f["org.tech_directions"], other["org.tech_directions"] = multi(G_TECH, techs, "other_tech", ["遥感影像解译", "量子机器学习"])
    f["org.industries"], other["org.industries"] = multi(G_IND, inds, "other_ind", ["海洋经济", "低空经济"])
    yrs = rng.randint(2005, 2019)
    f["org.intro"] = [
        f"{org}成立于{yrs}年，是国家高新技术企业和广东省专精特新中小企业，专注于人工智能技术研发与行业应用。",
        f"公司现有从业人员{staff}人，其中研发人员{rnd}人，拥有有效专利{pat}项。",
    ]
    f["org.core_tech"] = [
        f"公司已掌握{techs[0]}、{rng.choice(['多模态融合', '小样本学习', '模型压缩与端侧部署', '知识增强'])}等核心技术，"
        f"自主研发的{sname.replace('的应用', '')}相关产品已在{rng.randint(10, 200)}家客户落地。",
    ]
    f["org.rnd_plan"] = [
        f"未来三年计划投入研发资金{rng.randint(2, 30) * 100}万元，重点攻关{rng.choice(['行业大模型高效微调', '多模态感知融合', '端边云协同推理'])}技术。",
        "同步推进产品标准化与国产化适配，形成可复制推广的解决方案。",
    ]
    f["org.team"] = [
        f"公司人工智能研发团队共{f['team.ai_rnd_staff']}人，由首席科学家{person(rng)}博士领衔，核心成员来自国内外知名高校和科研院所。",
    ]
    f["scenario.name"] = sname
    f["scenario.address"] = address(rng, city, districts, roads)
    a, b = rand_range(rng, 2021, 2023, 2025)
    f["_range"] = (a, b)
    f["scenario.org"] = org
    if stype == "其他":
        other["scenario.type"] = "农业"
        f["scenario.type"] = "其他：农业"
    else:
        f["scenario.type"] = stype
    st = list(techs[:3])
    if rng.random() < 0.3 and len(st) > 1:
        st = st[:-1]
    f["scenario.techs"] = [o for o in G_TECH if o in st]
    f["scenario.intro"] = [
        f"本场景面向{rng.choice(['企业生产现场', '城市管理部门', '医疗机构', '行业客户'])}的实际需求，采用人工智能技术解决人工效率低、误判率高等问题。",
        f"项目总投资{rng.randint(3, 50) * 100}万元，已完成建设并投入运行。",
    ]
    f["scenario.key_tech"] = [
        f"采用{techs[0]}与{rng.choice(['边缘计算', '云边协同', '知识图谱', '大数据分析'])}相结合的技术路线，核心算法准确率达到{rng.randint(90, 99)}%。",
    ]
    if q.pick("optional", [True, True, False]):
        f["scenario.collaboration"] = [
            f"与{rng.choice(['华南理工大学', '中山大学', '南方科技大学', '广东工业大学', '鹏城实验室'])}开展产学研合作，共建联合实验室，"
            f"合作团队负责人为{person(rng)}教授。"]
    f["scenario.effect"] = [
        f"场景上线后效率提升{rng.randint(20, 80)}%，年节约成本约{rng.randint(50, 2000)}万元。",
        "具备在同类行业推广复制的良好前景。",
    ]
    if q.pick("optional", [True, True, False]):
        f["scenario.ip"] = [f"已获授权发明专利{rng.randint(1, 20)}项、软件著作权{rng.randint(2, 40)}项。"]
    if q.pick("optional", [True, False]):
        f["scenario.honors"] = [f"获评{rng.choice(['2022年广东省人工智能优秀案例', '第五届数字中国建设峰会优秀案例', '2022年度广东省科技进步奖二等奖'])}。"]
    if q.pick("optional", [True, False]):
        f["scenario.media"] = [f"展示图片3张（系统首页、应用现场、数据看板），演示视频1段（mp4格式，{rng.randint(20, 99)}M）。"]
    f["_cover_date"] = (2023, 10, rng.randint(9, 28))
    f["_strings"] = strings
    f["_other"] = other
    f["_city"] = city
    f["_dom"] = dom
    return f


# Guangdong 一、申报单位基本情况表: the vertically merged group labels and their rows (field id, printed label).
GUANGDONG_GROUPS = [
    ("人才团队", [("team.staff_total", "从业人员总数 (人)"), ("team.rnd_staff", "研发人员总数 (人)"),
              ("team.ai_rnd_staff", "其中: AI 研发人员数"), ("team.masters_plus", "硕士及以上人员数"),
              ("team.mid_title_plus", "中级及以上职称人员数")]),
    ("技术水平", [("tech.patents", "有效专利总数 (个)"), ("tech.ai_invention_patents", "其中: AI 相关发明专利数 (个)"),
              ("tech.software_copyrights", "软件著作权数 (个)"),
              ("tech.evaluated_products", "近三年通过省级以上鉴定或第三方科技成果评价的新技术、新产品数 (个)"),
              ("tech.national_platforms", "获得国家（部）级认定的相关研发平台数（个）"),
              ("tech.provincial_platforms", "获得省级认定的相关研发平台数（个）"),
              ("tech.standards", "主持或参与制定的国家、地方、行业、团体标准总数（个）")]),
    ("奖励荣誉", [("awards.national", "获得国家（部）级奖励数（个）"), ("awards.provincial", "获得省级奖励数（个）")]),
]

# Guangdong: the grey hint the blank form prints in each long-text cell.
GD_HINTS = {
    "org.intro": "（单位简介，主要突出人工智能相关内容）",
    "org.core_tech": "（目前已掌握的 AI 核心技术及产品信息、能力与水平情况以及产品介绍）",
    "org.rnd_plan": "（下一步计划开展的 AI 关键核心技术攻关、产品研发情况）",
    "org.team": "（单位人工智能领军人才简介、研发团队整体情况）",
    "scenario.intro": "（介绍场景功能、投融资等概况，说明拟解决的问题和实施路径，总结亮点、特色、比较优势等）",
    "scenario.key_tech": "（应用场景中主要采用的人工智能关键技术和产品及其水平，建设过程中人工智能技术具体解决方案）",
    "scenario.collaboration": "（本应用场景若有产学研合作，请简述合作单位、合作团队技术实力、负责人情况）",
    "scenario.effect": "（理论可实现的效果、当前取得的经济效益或社会效益，包括但不限于成本节约、流程再造、效率提升、模式创新、"
                       "技术功能创新等；推广的行业前景和价值空间，以及未来前景预测等）",
    "scenario.ip": "(列出本应用场景中采用的人工智能技术或产品相关专利、软著等知识产权情况)",
    "scenario.honors": "(列出本应用场景相关的获奖情况等)",
    "scenario.media": "(展示图片最多可提交三张，每张图片质量保证 2M 以上，视频不超过 100M-mp4 格式，可标注项目名称单独打包，"
                      "随电子版材料一同报送)",
}
