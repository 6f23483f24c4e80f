import Foundation
import ShenbaoKit
import ShenbaoTestSupport
import Testing

/// A book read as another call than its own says so first (`call.other`); read as its own call, it does not.
@Suite struct OtherCallTests {
    @Test func aBookReadAsAnotherCallSaysWhichCallItIs() throws {
        let specs = try CallSpecLoader(directory: templatesDirectory()).loadAll()
        let hubei = try #require(specs.first { $0.id == "hubei-industrial-model-2026" })
        let guangdong = try #require(specs.first { $0.id == "guangdong-ai-scenario-2023" })
        let book = packageRoot() + "/Samples/hubei-industrial-model-2026/hubei-s154-02.docx"

        let wrong = BatchValidator(specs: specs, forcedCall: guangdong).validateBook(path: book)
        #expect(wrong.findings.first?.rule == "call.other")
        #expect(wrong.findings.first?.severity == .error)
        #expect(wrong.findings.first?.message.contains("「湖北省工业领域专用模型项目申报书」") == true)
        #expect(wrong.findings.filter { $0.rule == "call.other" }.count == 1)

        let right = BatchValidator(specs: specs, forcedCall: hubei).validateBook(path: book)
        #expect(!right.findings.contains { $0.rule == "call.other" })
        let detected = BatchValidator(specs: specs).validateBook(path: book)
        #expect(!detected.findings.contains { $0.rule == "call.other" })
    }
}
