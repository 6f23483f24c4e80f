import Foundation
import ShenbaoTestSupport
import Testing
import Yams
@testable import ShenbaoSpec

/// The loader reads `call.yaml` by hand (`CallFile(node:)`); the call-folder checker and `KeySchema` read it
/// through `Decodable`. Both readings must agree, on every call folder and on the shapes a call may use.
@Suite struct CallFileNodeTests {
    private func byHand(_ text: String) throws -> CallFile {
        try CallFile(node: try #require(try YAMLFields.compose(text)))
    }

    @Test func everyCallFolderReadsTheSameByHandAndByDecodable() throws {
        let loader = CallSpecLoader(directory: templatesDirectory())
        let ids = loader.callIDs()
        try #require(ids.count >= 5)
        for id in ids {
            let text = try String(contentsOfFile: "\(loader.directory)/\(id)/call.yaml", encoding: .utf8)
            #expect(try byHand(text) == YAMLDecoder().decode(CallFile.self, from: text), "\(id)")
        }
    }

    @Test func everyKeyNullsAndLooseScalarsReadTheSame() throws {
        let text = """
        id: x
        title: 2023
        notice: ~
        seed:
        detect: [甲, 乙]
        aliases: [[单位名称, 企业名称]]
        hints: []
        locate:
          a: {label: 名称, row: 行, occurrence: 2, after: 前, heading: yes, from: 起, to: 止, capture: '(\\d+)', marked-below: true, columns: [一, 二], unit: 万元}
          b: {label: ~}
        checks:
          - {kind: ratio, field: f, part: p, whole: w, tolerance: 1}
          - {kind: member-of-group, field: f, other: o, groups-file: g.yaml, values: [1, 2], parts: [x], limit: l, list: li, fields: [a]}
        key-enterprise: {field: revenue, above: 5000}
        list-items-not-counted: {members: [牵头]}
        structure:
          sections: [一、基本情况]
          ordered: [a]
          declaration: {title: 承诺书, pledges: 3, signatures: [法定代表人]}
          overview: 概述
        submission:
          key-fields: [name]
          file-name: [name, code]
          evidence: [{name: 营业执照}, {name: 证明, match: [证明, 说明]}]
          media: {field: m, max-images: 4, min-image-mb: 0.5, max-video-mb: 50, video-extensions: [mp4, mov]}
          pdf: optional
          seals: [{label: 申报单位, page: cover}]
        inbox:
          one-per-applicant: false
          applicant-code: code
          applicant-name: name
          quotas: {region: 2, other: 0}
          quota-fields: {kind: k, unit: u}
        """
        let decoded = try YAMLDecoder().decode(CallFile.self, from: text)
        #expect(try byHand(text) == decoded)
        #expect(decoded.locate?["a"]?.heading == true && decoded.locate?["b"]?.label == nil && decoded.title == "2023")
    }

    @Test func aWrongShapeIsRefusedWithItsPathAndLine() throws {
        for (text, path) in [("id: x\ntitle: t\ndetect: 3\n", "detect"),
                             ("id: x\ntitle: t\nlocate:\n  a: {occurrence: two}\n", "locate.a.occurrence"),
                             ("id: x\ntitle: t\nchecks:\n  - {field: f}\n", "checks[0].kind"),
                             ("title: t\n", "id")] {
            #expect(throws: (any Error).self) { try YAMLDecoder().decode(CallFile.self, from: text) }
            do {
                _ = try byHand(text)
                Issue.record("accepted: \(text)")
            } catch {
                let message = "\(error)"
                #expect(message.contains(path) && message.contains("行"), "\(message)")
            }
        }
    }
}
