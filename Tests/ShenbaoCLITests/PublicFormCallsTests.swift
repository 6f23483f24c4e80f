import Foundation
import Testing

/// A new call is data only: two real public forms the project did not write — each with shapes the
/// project's own calls do not have (headings sharing a cell with their text, two 联系电话 on a cover, a
/// choice marked by a letter below its options, a team table, money in 元, a `/` inside a label) —
/// described by call folders under `Tests/Fixtures/calls/` (never shipped in `Templates/`) and read
/// through them alone. Each folder's `expected.json` holds what the form says, checked by hand.
@Suite struct PublicFormCallsTests {
    static let callsFolder = packageRoot() + "/Tests/Fixtures/calls"
    static let calls = ((try? FileManager.default.contentsOfDirectory(atPath: callsFolder)) ?? []).sorted()

    @Test func bothPublicFormsHaveACallFolder() {
        #expect(Self.calls == ["dachuang-application", "jiangsu-innovation-training"])
    }

    @Test(arguments: calls)
    func publicFormReadsThroughItsCallFolderAlone(call: String) throws {
        let shared = try #require(sharedDirectory(), "../shared (the public corpus) is missing")
        let expectedPath = "\(Self.callsFolder)/\(call)/expected.json"
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expectedPath))) as? [String: Any] ?? [:]
        let source = try #require(object["source"] as? String).replacingOccurrences(of: "../shared", with: shared)
        let expected = ExpectedFields(call: call, fields: object["fields"] as? [String: Any] ?? [:])
        let catalogue = try String(contentsOfFile: "\(Self.callsFolder)/\(call)/catalogue.tsv", encoding: .utf8)
        let ids = catalogue.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }

        let result = try CLIRunner.run(["extract", "--templates", Self.callsFolder, "--call", call, "--format", "json", source])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first.flatMap(jsonObject))
        let fields = line["fields"] as? [String: Any] ?? [:]
        // Every catalogue field counts: a blank one is right when the form leaves it blank.
        let wrong = ids.filter { !ExpectedFields.same(expected.fields[$0], fields[$0]) }
        let rate = Double(ids.count - wrong.count) / Double(max(1, ids.count))
        let detail = wrong.map { "\($0): expected \(String(describing: expected.fields[$0])) got \(String(describing: fields[$0]))" }
        #expect(rate >= 0.9, "\(call): \(ids.count - wrong.count)/\(ids.count) right\n\(detail.joined(separator: "\n"))")
        #expect(ids.count >= (call == "jiangsu-innovation-training" ? 25 : 15))
        // Where each value came from is reported.
        let sources = line["sources"] as? [String: Any] ?? [:]
        #expect(Set(sources.keys).isSuperset(of: fields.keys))
    }
}

extension ExpectedFields {
    init(call: String, fields: [String: Any]) {
        self.call = call
        self.fields = fields
    }
}
