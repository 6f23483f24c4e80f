import Foundation
import ShenbaoTestSupport
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

/// Calls are wholly data: every call folder found under `Templates/` (none listed by hand, so a call
/// added as data is tested too) passes the generic checks, and no Swift source names a field of any call.
@Suite struct CallFoldersTests {
    static let loader = CallSpecLoader(directory: templatesDirectory())

    @Test func everyCallFolderLoadsAndPassesTheGenericChecks() throws {
        let ids = Self.loader.callIDs()
        try #require(ids.count >= 5, "call folders found: \(ids)")
        let (specs, failures) = Self.loader.loadEach()
        #expect(failures.isEmpty, "\(failures.map { "\($0.id): \($0.error)" })")
        for spec in specs {
            let problems = CallFolderChecker.check(folder: spec.directory)
            #expect(problems.isEmpty, "\(spec.id): \(problems.map(\.description))")
            #expect(!spec.fields.isEmpty && spec.fields.count == Set(spec.fields.map(\.id)).count, "\(spec.id): field ids unique")
            #expect(spec.submission.keyFields.allSatisfy { spec.field($0) != nil }, "\(spec.id): key fields")
            if FileManager.default.fileExists(atPath: spec.directory + "/summary.yaml") {
                _ = try SummarySpec.load(for: spec)
            }
            if let rules = try ClassificationRules.load(from: spec.directory) {
                let named = [rules.fields.name, rules.fields.revenue, rules.fields.aiRevenue, rules.fields.softwareRevenue,
                             rules.fields.hardwareRevenue, rules.fields.chainLayers]
                #expect(named.allSatisfy { spec.field($0) != nil }, "\(spec.id): classification fields \(named)")
            }
            // Every field a blank record of the call lacks is reported by its own label: the rules run on any call.
            let findings = Validator(spec: spec, today: "2026-12-02").validate(Record(call: spec.id, file: "blank"))
            let required = spec.fields.filter(\.required).map(\.id)
            #expect(Set(findings.filter { $0.rule == "field.required" }.compactMap(\.field)) == Set(required), "\(spec.id)")
        }
    }

    @Test func noSwiftSourceNamesAFieldOfAnyCall() throws {
        let specs = try Self.loader.loadAll()
        let ids = Set(specs.flatMap { $0.fields.map(\.id) })
        let sources = packageRoot() + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        try #require(files.count > 50)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for id in ids where text.contains(id) {
                // A whole id, not part of a longer word or id.
                let pattern = "(?<![\\w.])" + NSRegularExpression.escapedPattern(for: id) + "(?![\\w])"
                if text.range(of: pattern, options: .regularExpression) != nil { found.append("\(file): \(id)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
