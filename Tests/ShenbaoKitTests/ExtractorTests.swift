import Testing
@testable import ShenbaoKit
@testable import ShenbaoModel
@testable import ShenbaoSupport
@testable import ShenbaoSpec
@testable import ShenbaoReaders
@testable import ShenbaoExtraction
@testable import ShenbaoStatistics
@testable import ShenbaoValidation
@testable import ShenbaoWriters
@testable import ShenbaoPipeline

/// Extraction on model documents laid out as the seeds print the books (independent of the readers).
@Suite struct ExtractorTests {
    func hubeiBook(quirks: Bool = false) -> Document {
        let table1 = makeTable(columns: 7, [
            ["单位名称", ("光谷智造科技有限公司", 6)],
            [quirks ? "社会统一信用代码" : "统一社会信用代码", ("91420100MA4K2Y3J1P", 6)],
            ["单位地址", ("武汉市东湖新技术开发区光谷大道77号", 6)],
            ["单位性质", ("☐国有企业 ☐合资企业 ☑民营企业 ☐外资企业 ☐事业单位 ☐其他（请注明）", 6)],
            ["联合体成员单位（如有）", ("（若以联合体形式申报，联合体成员单位数量不超过3家，需明确牵头单位及各成员单位职责分工）\n1. 武汉理工大学\n2. 华中数控股份有限公司", 6)],
            ["联系人情况", "负责人姓名", "张伟", quirks ? "职 务" : "职务", "总经理", "电话", "027-85317019"],
            ["^", "申报人姓名", "李娜", "职务", "项目经理", "电话", "138 0000 0000"],
            ["单位经营情况", "2025年营业收入 (万元)", ("12,345.6", 2), "2025年人工智能营业收入（万元）", ("3000万元", 2)],
            ["单位人才情况", "员工总数", ("320", 2), "研发人员数量", ("１２０", 2)],
            ["单位情况介绍", ("第一段介绍。\n第二段介绍。", 6)],
        ])
        let table2 = makeTable(columns: 5, [
            ["工业模型名称", ("光谷工业质检大模型", 4)],
            ["模型服务行业", ("☑原材料 ☑装备制造 ☐消费品 (包括生物医药等) ☐电子信息 ☐软件和信息服务业 ☐其他 (请注明)", 4)],
            ["模型类别", ("☐单模态大模型 ☑多模态大模型 ☐任务型模型 ☐其他 (请注明)", 4)],
            ["模型指标", "参数量 (亿)", "70", "训练数据量 (TB)", "12.5"],
            ["模型能力", ("技术支持度: 感知能力 (工业质量检测、工业安全防护)、对话能力 (对话指令理解、工业知识问答)、分析能力 (故障诊断分析、工业数据分析)、生成能力 (工业产品设计、工业文本生成)、决策能力 (生产资源调度、工业运营决策);\n能识别38类缺陷。", 4)],
            ["模型底座来源", ("自研", 4)],
            ["模型服务方式", ("APP  网页√  API接口√  其他", 4)],
            ["模型研发起止时间", ("2024年1月—2025年12月", 4)],
            ["2025 年度模型研 发成本 (万元)", ("(2025 年 1 月 1 日至 2025 年 12 月 30 日) 850", 4)],
            ["2025 年度模型 研发成本组成 (万元)", ("设备采购400万元，人员工资450万元。", 4)],
        ])
        return Document(path: "hubei.docx", format: .docx, blocks: [
            .paragraph(Paragraph(text: "湖北省工业领域专用模型项目申报书")),
            .paragraph(Paragraph(text: "申报单位 光谷智造科技有限公司 (加盖公章)")),
            .paragraph(Paragraph(text: "模型名称：光谷工业质检大模型")),
            .paragraph(Paragraph(text: "模型类别 多模态大模型 (单模态大模型/多模态大模型/任务型模型)")),
            .paragraph(Paragraph(text: "推荐单位 武汉市经济和信息化局 (加盖公章)")),
            .paragraph(Paragraph(text: "联系人 李娜")),
            .paragraph(Paragraph(text: "联系方式 13800000000")),
            .paragraph(Paragraph(text: "申报日期 2026年3月26日")),
            .paragraph(Paragraph(text: "一、单位基本情况表")),
            .table(table1),
            .paragraph(Paragraph(text: "二、工业模型基本情况表")),
            .table(table2),
            .paragraph(Paragraph(text: "三、工业模型项目内容")),
        ])
    }

    @Test(arguments: [false, true])
    func hubeiBookExtractsEveryField(quirks: Bool) throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let record = Extractor(spec: spec).extract(hubeiBook(quirks: quirks))
        let expected: [String: FieldValue] = [
            "cover.applicant": .string("光谷智造科技有限公司"),
            "cover.model_name": .string("光谷工业质检大模型"),
            "cover.model_category": .string("多模态大模型"),
            "cover.recommender": .string("武汉市经济和信息化局"),
            "cover.contact": .string("李娜"),
            "cover.contact_phone": .string("13800000000"),
            "cover.date": .string("2026-03-26"),
            "org.name": .string("光谷智造科技有限公司"),
            "org.uscc": .string("91420100MA4K2Y3J1P"),
            "org.address": .string("武汉市东湖新技术开发区光谷大道77号"),
            "org.nature": .string("民营企业"),
            "org.consortium": .strings(["武汉理工大学", "华中数控股份有限公司"]),
            "org.head.name": .string("张伟"),
            "org.head.title": .string("总经理"),
            "org.head.phone": .string("027-85317019"),
            "org.filer.name": .string("李娜"),
            "org.filer.title": .string("项目经理"),
            "org.filer.phone": .string("13800000000"),
            "org.revenue_2025": .number(12345.6),
            "org.ai_revenue_2025": .number(3000),
            "org.staff_total": .int(320),
            "org.rnd_staff": .int(120),
            "org.intro": .string("第一段介绍。\n第二段介绍。"),
            "model.name": .string("光谷工业质检大模型"),
            "model.industries": .strings(["原材料", "装备制造"]),
            "model.category": .string("多模态大模型"),
            "model.params_100m": .number(70),
            "model.train_data_tb": .number(12.5),
            "model.capability": .string("能识别38类缺陷。"),
            "model.base": .string("自研"),
            "model.service_modes": .strings(["网页", "API接口"]),
            "model.dev_period": .range(start: "2024-01", end: "2025-12"),
            "model.rnd_cost_2025": .number(850),
            "model.rnd_cost_breakdown": .string("设备采购400万元，人员工资450万元。"),
        ]
        for (id, value) in expected {
            #expect(record.fields[id] == value, "\(id)")
        }
        #expect(record.fields.count == expected.count)
        #expect(record.unmatched.isEmpty, "\(record.unmatched)")
    }

    @Test func guangdongMatrixTablesAndFullWidthRows() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let table = makeTable(columns: 5, [
            [("企业基本信息", 5)],
            ["企业名称", ("粤智科技有限公司", 4)],
            ["社会统一信用代码", "91440101MA5CJQ4N59", "网 址", ("https://yuezhi.example.cn", 2)],
            ["上市情况", ("☐主板 ☐创业板 ☑科创板 ☐北交所 ☐新三板挂牌 股票代码: 688001 ☐尚未上市", 4)],
            ["联系方式", "姓 名", "职 务", "手 机", "电子邮箱"],
            ["单位负责人", "陈刚", "董事长", "13900001111", "chen@yuezhi.cn"],
            ["AI 技术负责人", "王敏", "CTO", "13900002222", "wang@yuezhi.cn"],
            [("企业经营状况", 5)],
            ["年度", "2020 年度", "2021 年度", "2022 年度", ""],
            ["总营收 (万元)", "1000", "2000", "3000", ""],
            ["其中: AI 硬件收入", "100", "200", "300", ""],
            ["人才团队", "从业人员总数 (人)", ("150", 3)],
            ["^", "研发人员总数 (人)", ("60", 3)],
            [("主要人工智能技术方向（最多选3项）", 5)],
            [("☑大模型技术 ☐AI 芯片 ☑计算机视觉 ☐其他：", 5)],
            [("单位简介", 5)],
            [("（单位简介，主要突出人工智能相关内容）", 5)],
            [("粤智科技专注工业视觉。", 5)],
        ])
        let document = Document(path: "gd.docx", format: .docx, blocks: [
            .paragraph(Paragraph(text: "2023 年广东省人工智能应用场景典型案例申报书")),
            .paragraph(Paragraph(text: "应用场景名称: 智能质检")),
            .paragraph(Paragraph(text: "申报单位: 粤智科技有限公司")),
            .paragraph(Paragraph(text: "申报日期: 2023年10月20日")),
            .paragraph(Paragraph(text: "一、申报单位基本情况表")),
            .table(table),
            .paragraph(Paragraph(text: "四、申报单位承诺书")),
        ])
        let record = Extractor(spec: spec).extract(document)
        #expect(record.fields["cover.scenario_name"] == .string("智能质检"))
        #expect(record.fields["cover.applicant"] == .string("粤智科技有限公司"))
        #expect(record.fields["cover.date"] == .string("2023-10-20"))
        #expect(record.fields["org.uscc"] == .string("91440101MA5CJQ4N59"))
        #expect(record.fields["org.website"] == .string("https://yuezhi.example.cn"))
        #expect(record.fields["org.listing"] == .string("科创板"))
        #expect(record.fields["org.stock_code"] == .string("688001"))
        #expect(record.fields["org.head.name"] == .string("陈刚"))
        #expect(record.fields["org.ai_lead.email"] == .string("wang@yuezhi.cn"))
        #expect(record.fields["fin.2021.revenue"] == .number(2000))
        #expect(record.fields["fin.2022.ai_hardware"] == .number(300))
        #expect(record.fields["team.rnd_staff"] == .int(60))
        #expect(record.fields["org.tech_directions"] == .strings(["大模型技术", "计算机视觉"]))
        #expect(record.fields["org.intro"] == .string("粤智科技专注工业视觉。"))
        #expect(record.fields["org.contact.name"] == nil)
    }

    @Test func callIsDetectedFromTheTitle() throws {
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        #expect(CallDetector.detect(hubeiBook(), among: specs)?.id == "hubei-industrial-model-2026")
        #expect(CallDetector.detect(Document(path: "x", format: .docx, blocks: [.paragraph(Paragraph(text: "会议通知"))]), among: specs) == nil)
    }

    @Test func templatesCatalogueIsThePublicContract() throws {
        let shared = try #require(sharedDirectory(), "../shared/forms is missing: the public contract cannot be compared")
        for id in ["hubei-industrial-model-2026", "guangdong-ai-scenario-2023", "wuhan-ai-enterprise-2025"] {
            let contract = try String(contentsOfFile: "\(shared)/forms/\(id).tsv", encoding: .utf8)
            let ours = try String(contentsOfFile: "\(templatesDirectory())/\(id)/catalogue.tsv", encoding: .utf8)
            #expect(ours == contract, "\(id)")
        }
    }
}
