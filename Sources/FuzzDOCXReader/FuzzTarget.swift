// Fuzz target for the DOCX reader (libzip + libxml2 + the body walker).
// Built by `fuzz/run` (`--sanitize=fuzzer`), libFuzzer drives `LLVMFuzzerTestOneInput`; built normally,
// it replays the files given as arguments (regression cases), exiting 0 when every one was handled.
import Foundation
import ShenbaoKit

/// One input: written to a scratch file (the reader opens paths, read-only) and read.
@_cdecl("LLVMFuzzerTestOneInput")
public func readOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = NSTemporaryDirectory() + "shenbao-fuzz-docx-\(getpid()).docx"
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    _ = try? DOCXReader.read(path: path)
    return 0
}

#if !FUZZING
/// Replays inputs (regression cases) without libFuzzer.
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { _ = readOne($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
        }
    }
}
#endif
