import Testing
import ShenbaoTestSupport
@testable import ShenbaoPipeline

/// An input crosses to a worker as one line whatever it holds (`WorkerLine`).
@Suite struct WorkerLineTests {
    @Test(arguments: [UInt64(5), 88, 2026])
    func everyInputComesBackAsItWent(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let pieces = ["\\", "\n", "\r", "\r\n", "n", "r", "\\n", "甲", "a", "/", "\"", " ", "é", "\u{301}", "🇨🇳"]
        for _ in 0..<2_000 {
            let input = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let line = WorkerLine.escaped(input)
            #expect(!line.utf8.contains(0x0A) && !line.utf8.contains(0x0D), "\(input.debugDescription) → \(line.debugDescription)")
            #expect(WorkerLine.unescaped(line) == input && WorkerLine.unescaped(line).utf8.elementsEqual(input.utf8),
                    "\(input.debugDescription) → \(line.debugDescription)")
        }
    }

    @Test func aPlainPathIsSentAsItIs() {
        let path = "/收件/甲公司/申报书.docx"
        #expect(WorkerLine.escaped(path) == path)
        #expect(WorkerLine.unescaped(path) == path)
    }
}
