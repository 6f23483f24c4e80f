import Foundation
import Testing

/// Inputs kept from fuzzing (`fuzz/run`) and hand-made edge cases, replayed through the fuzz targets
/// built normally: each target must handle every one and exit 0.
@Suite struct FuzzRegressionTests {
    @Test(arguments: ["FuzzDOCXReader", "FuzzExtraction"])
    func regressionInputsAreHandled(target: String) throws {
        let folder = packageRoot() + "/Tests/Fixtures/fuzz-regressions/" + target
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        try #require(!inputs.isEmpty)
        let binary = (CLIRunner.binary as NSString).deletingLastPathComponent + "/" + target
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = inputs
        process.environment = ["SHENBAO_TEMPLATES": packageRoot() + "/Templates"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(target) failed on a regression input")
    }
}
