import Foundation
import Testing

/// The enterprise calls end to end: a CSV of 10,000 enterprises classifies and validates in one run
/// with correct totals; MIIT quotas and one project per applicant across an inbox of records.
@Suite struct EnterpriseDataTests {
    static func uscc(_ n: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let base = Array("91420100MA" + String(format: "%07d", n))
        let sum = zip(base, weights).map { alphabet.firstIndex(of: $0)! * $1 }.reduce(0, +)
        return String(base) + String(alphabet[(31 - sum % 31) % 31])
    }

    @Test func tenThousandEnterprisesClassifyAndValidateInOneRun() throws {
        let folder = try makeTemporaryFolder("wuhan")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var csv = "basic.name,basic.uscc,basic.reg_address,basic.district,basic.size,basic.op_address,basic.founded,basic.contact.name,basic.contact.phone,basic.contact.email,tech.chain_layers,tech.certified_product,tech.ip_count,tech.algo_staff,tech.app_dev_staff,tech.insured_total,tech.insured_phd,tech.insured_master,tech.insured_bachelor,tech.ai_honors,tech.ai_standards,biz.year,biz.annual.total_revenue,biz.annual.ai_revenue,biz.annual.software_revenue,biz.annual.hardware_revenue\n"
        var expectedCounted = 0.0
        var seededErrors = 0
        for index in 0..<10_000 {
            let total = 1_000 + index % 97 * 37
            let sharePercent = index % 101  // the AI share in whole percent: every threshold is hit exactly
            let aiCents = sharePercent * total  // AI revenue in 万元 cents: exact
            let ai = String(format: "%d.%02d", aiCents / 100, aiCents % 100)
            let hardware = index % 3 == 0
            let related: Double = hardware ? 20 : 50
            let percent: Double = sharePercent > 50 ? 100 : (aiCents > 200_000 ? related : sharePercent > 20 ? related : 0)
            expectedCounted += (Double(total) * percent).rounded() / 100
            // Every 500th enterprise has more AI staff than insured staff: an error to find.
            let staff = index % 500 == 0 ? "90,90,100" : "20,30,100"
            if index % 500 == 0 { seededErrors += 1 }
            csv += "企业\(index),\(Self.uscc(index)),武汉市江汉区\(index)号,江汉区,小微企业,同上,2018-05-01,联系人,13800138000,a\(index)@example.cn,应用层,是,5,\(staff),5,30,40,否,否,2025,\(total),\(ai),\(hardware ? "0" : ai),\(hardware ? ai : "0")\n"
        }
        let path = folder + "/enterprises.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)

        let classified = try CLIRunner.run(["classify", "--format", "json", path], timeout: 300)
        #expect(classified.exitCode == 0, "\(classified.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(classified.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        let all = try #require(totals["all"] as? [String: Any])
        #expect(all["enterprises"] as? Int == 10_000)
        #expect(abs((all["countedValue"] as? Double ?? 0) - expectedCounted) < 0.01)

        let validated = try CLIRunner.run(["validate", "--format", "json", "--call", "wuhan-ai-enterprise-2025", path], timeout: 300)
        #expect(validated.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(validated.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["documents"] as? Int == 10_000)
        #expect(summary["errors"] as? Int == seededErrors)
    }

    @Test func miitQuotaAndOneProjectPerApplicant() throws {
        let folder = try makeTemporaryFolder("miit")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var csv = "申报单位,统一社会信用代码,项目名称,项目类别,申报方向,联系人,联系电话,推荐单位,推荐单位类型\n"
        for index in 0..<16 {  // 16 from one 地方主管部门: one over the quota of 15
            csv += "单位\(index),\(Self.uscc(index)),项目\(index),行业应用类,产业智能升级,张三,13800138000,某省工信厅,地方主管部门\n"
        }
        csv += "单位0,\(Self.uscc(0)),另一个项目,智能产品类,核心基础产品,张三,13800138000,某央企集团,中央企业集团\n"
        let path = folder + "/projects.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["validate", "--format", "json", path], timeout: 120)
        #expect(result.exitCode == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let documents = try #require(report["documents"] as? [[String: Any]])
        let rules = documents.map { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(rules.prefix(16).allSatisfy { $0.contains("inbox.quota") })
        #expect(!rules[16].contains("inbox.quota"), "the 中央企业集团 has one project, within its quota of 3")
        #expect(rules[0].contains("inbox.duplicate-applicant") && rules[16].contains("inbox.duplicate-applicant"))
        #expect(!rules[1].contains("inbox.duplicate-applicant"))
    }
}
