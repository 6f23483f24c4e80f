import Foundation
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

@Suite struct DataFileReaderTests {
    func write(_ text: String, ext: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shenbao-data-\(UUID().uuidString).\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func nestedYAMLWithLabelsAndBookStyleValues() throws {
        let spec = try loadSpec("guangdong-ai-scenario-2023")
        let path = try write("""
        org:
          name: 粤智科技有限公司
          uscc: 91440101MA5CJQ4N59
          scale: 规模以上
          nature: 其他：社会服务机构
          tech_directions: [大模型技术, 计算机视觉]
        fin:
          2020:
            revenue: 1,234.5万元
            profit: -12
        scenario.period: {start: 2023-01-01, end: 2024年6月30日}
        申报日期: 2023年10月20日
        not.a.field: x
        """, ext: "yaml")
        let records = try DataFileReader(spec: spec).read(path: path)
        try #require(records.count == 1)
        let fields = records[0].fields
        #expect(fields["org.name"] == .string("粤智科技有限公司"))
        #expect(fields["org.nature"] == .string("其他：社会服务机构"))
        #expect(fields["org.tech_directions"] == .strings(["大模型技术", "计算机视觉"]))
        #expect(fields["fin.2020.revenue"] == .number(1234.5))
        #expect(fields["fin.2020.profit"] == .number(-12))
        #expect(fields["scenario.period"] == .range(start: "2023-01-01", end: "2024-06-30"))
        #expect(fields["cover.date"] == .string("2023-10-20"))
        #expect(records[0].unmatched == ["not.a.field"])
    }

    @Test func csvWithBOMAndLabelHeaders() throws {
        let spec = try loadSpec("wuhan-ai-enterprise-2025")
        let path = try write("\u{FEFF}企业名称,basic.uscc,AI产业链环节,缴纳社保总人数\n甲公司,91350200776049653A,基础层、应用层,120\n乙公司,913502000728319549,技术层,\"1,000\"\n", ext: "csv")
        let records = try DataFileReader(spec: spec).read(path: path)
        #expect(records.count == 2)
        #expect(records[0].fields["basic.name"] == .string("甲公司"))
        #expect(records[0].fields["tech.chain_layers"] == .strings(["基础层", "应用层"]))
        #expect(records[1].fields["tech.insured_total"] == .int(1000))
        #expect(records[1].file.hasSuffix("#2"))
    }

    @Test func unknownOptionIsKeptUnparsed() throws {
        let spec = try loadSpec("hubei-industrial-model-2026")
        let path = try write(#"{"org.nature": "集体企业", "model.category": "多模态大模型"}"#, ext: "json")
        let record = try #require(try DataFileReader(spec: spec).read(path: path).first)
        #expect(record.unparsed["org.nature"] == "集体企业")
        #expect(record.fields["model.category"] == .string("多模态大模型"))
    }
}
