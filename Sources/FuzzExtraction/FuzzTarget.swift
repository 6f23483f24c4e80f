// Fuzz target for extraction on PDF-like text: the input is read as lines of text (a tab separates
// table cells, a blank line ends a table), made into a document the way the PDF reader makes one,
// and every call's extraction and record rules run on it. Built by `fuzz/run` (`--sanitize=fuzzer`),
// libFuzzer drives `LLVMFuzzerTestOneInput`; built normally, it replays the files given as arguments.
import Foundation
import ShenbaoKit

/// Every call's extractor and validator, made once.
let pipelines: [(Extractor, Validator)] = {
    let folder = ProcessInfo.processInfo.environment["SHENBAO_TEMPLATES"] ?? CallSpecLoader.defaultDirectory()
    let specs = (try? CallSpecLoader(directory: folder).loadAll()) ?? []
    return specs.map { (Extractor(spec: $0), Validator(spec: $0, today: "2026-11-23")) }
}()

/// A document from text: paragraphs, and tables from runs of tab-separated lines.
func document(from text: String) -> Document {
    var blocks: [Block] = []
    var rows: [[String]] = []
    func flushTable() {
        guard !rows.isEmpty else { return }
        let columns = rows.map(\.count).max() ?? 1
        var cells: [TableCell] = []
        for (row, values) in rows.enumerated() {
            for (column, value) in values.enumerated() {
                let span = column == values.count - 1 ? columns - column : 1
                cells.append(TableCell(row: row, column: column, columnSpan: max(1, span), text: value))
            }
        }
        blocks.append(.table(Table(cells: cells, rowCount: rows.count, columnCount: columns, page: 1)))
        rows = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(5_000) {
        if line.contains("\t") {
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        } else {
            flushTable()
            if !line.isEmpty { blocks.append(.paragraph(Paragraph(text: String(line), page: 1))) }
        }
    }
    flushTable()
    return Document(path: "fuzz.pdf", format: .pdf, blocks: blocks, pageCount: 1)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func extractOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) }.map(Array.init) ?? []
    let doc = document(from: String(decoding: bytes, as: UTF8.self))
    for (extractor, validator) in pipelines {
        _ = validator.validate(extractor.extract(doc), document: doc)
    }
    return 0
}

#if !FUZZING
/// Replays inputs (regression cases) without libFuzzer.
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            data.withUnsafeBytes { _ = extractOne($0.bindMemory(to: UInt8.self).baseAddress, data.count) }
        }
    }
}
#endif
