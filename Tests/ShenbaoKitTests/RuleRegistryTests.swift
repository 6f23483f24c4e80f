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

/// One registry of rules: codes are unique, every finding code written in `Sources/` is declared by a rule,
/// and the README's table of codes lists exactly the registry's.
@Suite struct RuleRegistryTests {
    static let codes = RuleRegistry.codes.map(\.code)
    static let codePattern = "^(read|call|field|choice|cross|list|structure|submission|summary|inbox|report|data)\\.[a-z0-9.-]+$"

    @Test func codesAreUniqueAndWellFormed() {
        #expect(Set(Self.codes).count == Self.codes.count, "\(Self.codes)")
        for code in Self.codes { #expect(code.range(of: Self.codePattern, options: .regularExpression) != nil, "\(code)") }
        #expect(RuleRegistry.codes.allSatisfy { !$0.checks.isEmpty })
    }

    @Test func everyCodeWrittenInTheSourcesIsDeclared() throws {
        let sources = packageRoot() + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var undeclared: [String] = []
        // Classification outcomes (core.share …) are no findings; they have their own table.
        for file in files where !file.hasPrefix("ShenbaoStatistics/") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: /rule: "([a-z0-9.-]+)"/) where !Self.codes.contains(String(match.1)) {
                undeclared.append("\(file): \(match.1)")
            }
            for match in text.matches(of: /code: "([a-z0-9.-]+)"/) where !Self.codes.contains(String(match.1)) {
                undeclared.append("\(file): \(match.1)")
            }
        }
        #expect(undeclared.isEmpty, "\(undeclared)")
    }

    @Test func theReadmeTableListsExactlyTheRegistry() throws {
        let readme = try String(contentsOfFile: packageRoot() + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "| code | what |"))
        let table = readme[start.upperBound...].split(separator: "\n\n", maxSplits: 1).first.map(String.init) ?? ""
        var listed = Set<String>()
        // The first column of each row holds the codes.
        let firstColumns = table.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { $0.dropFirst(2).prefix { $0 != "|" } }.joined(separator: " ")
        for match in firstColumns.matches(of: /`([a-z][a-z0-9.*-]+)`/) {
            let token = String(match.1)
            if token.range(of: Self.codePattern, options: .regularExpression) != nil { listed.insert(token) }
        }
        let missing = Self.codes.filter { !listed.contains($0) }
        let unknown = listed.subtracting(Self.codes)
        #expect(missing.isEmpty, "codes the README's table does not list: \(missing)")
        #expect(unknown.isEmpty, "codes in the README's table no rule declares: \(unknown.sorted())")
    }
}
