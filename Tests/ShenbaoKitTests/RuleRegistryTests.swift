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

/// One registry of rules: codes are unique, every code a rule declares (`RuleCode("…"`) is in the registry,
/// every finding is made from a rule's typed message (no `Finding(` with a loose `rule:`), each rule's
/// messages use its own codes, and the README's table of codes lists exactly the registry's.
@Suite struct RuleRegistryTests {
    static let codes = RuleRegistry.codes.map(\.code)
    static let codePattern = "^(read|call|field|choice|cross|list|structure|submission|summary|inbox|report|data)\\.[a-z0-9.-]+$"

    /// The Swift files under `Sources/`, relative paths and text.
    static func sources() throws -> [(path: String, text: String)] {
        let sources = packageRoot() + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ($0, try String(contentsOfFile: sources + "/" + $0, encoding: .utf8)) }
    }

    @Test func codesAreUniqueAndWellFormed() {
        #expect(Set(Self.codes).count == Self.codes.count, "\(Self.codes)")
        for code in Self.codes { #expect(code.range(of: Self.codePattern, options: .regularExpression) != nil, "\(code)") }
        #expect(RuleRegistry.codes.allSatisfy { !$0.checks.isEmpty })
    }

    @Test func everyCodeDeclaredInTheSourcesIsInTheRegistry() throws {
        var unregistered: [String] = []
        var declared = 0
        for (file, text) in try Self.sources() {
            for match in text.matches(of: /RuleCode\("([^"]*)"/) {
                declared += 1
                if !Self.codes.contains(String(match.1)) { unregistered.append("\(file): \(match.1)") }
            }
            // A read error's code becomes its finding's (`ReadErrorRule`): it must be one the rule declares.
            for match in text.matches(of: /code: "([a-z0-9.-]+)"/) where !file.hasPrefix("ShenbaoStatistics/") {
                if !ReadErrorRule.codes.map(\.code).contains(String(match.1)) { unregistered.append("\(file): \(match.1)") }
            }
        }
        #expect(declared > 50)
        #expect(unregistered.isEmpty, "\(unregistered)")
    }

    @Test func everyFindingIsMadeFromARuleMessage() throws {
        var loose: [String] = []
        var calls = 0
        for (file, text) in try Self.sources() {
            for match in text.matches(of: /\bFinding\(/) {
                calls += 1
                // The call's arguments, up to its closing parenthesis.
                var depth = 0
                var end = match.range.upperBound
                for index in text[match.range.lowerBound...].indices {
                    if text[index] == "(" { depth += 1 }
                    if text[index] == ")" { depth -= 1; if depth == 0 { end = index; break } }
                }
                let call = text[match.range.lowerBound..<end]
                if call.contains("rule:") || call.contains("message:") { loose.append("\(file): \(call.prefix(80))") }
            }
        }
        #expect(calls > 50)
        #expect(loose.isEmpty, "\(loose)")
    }

    @Test func eachRuleFileMessagesUseItsOwnCodes() throws {
        var foreign: [String] = []
        for (file, text) in try Self.sources() where file.hasPrefix("ShenbaoValidation/Rules/") {
            let declared = Set(text.matches(of: /static let (\w+) = RuleCode\(/).map { String($0.1) })
            for match in text.matches(of: /RuleMessage\(\.(\w+)/) where !declared.contains(String(match.1)) {
                foreign.append("\(file): .\(match.1)")
            }
        }
        #expect(foreign.isEmpty, "\(foreign)")
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
