import Foundation

/// The child side of a worker: one answer line on standard output for each line on standard input.
public enum WorkerLoop {
    /// Answers each input line with `answer` until standard input ends or standard output is closed.
    public static func serve(_ answer: (String) -> String) {
        WorkerHeap.keepBetweenBooks()
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            while let newline = pending.firstIndex(of: 10) {
                var line = pending[..<newline]
                if line.last == 13 { line = line.dropLast() }
                let text = WorkerLine.unescaped(String(decoding: line, as: UTF8.self))
                pending.removeSubrange(...newline)
                guard WorkerPipes.write(Array((answer(text) + "\n").utf8), to: 1) else { return }
            }
            let count = read(0, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pending += chunk[..<count]
        }
        if !pending.isEmpty {
            _ = WorkerPipes.write(Array((answer(WorkerLine.unescaped(String(decoding: pending, as: UTF8.self))) + "\n").utf8), to: 1)
        }
    }
}
