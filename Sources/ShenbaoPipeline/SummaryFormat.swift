import Foundation
import ShenbaoWriters

/// The formats a 汇总表 is written in, told by a file's extension.
public enum SummaryFormat: String, Sendable, CaseIterable {
    case docx, xlsx, csv

    /// The format of `path`, by its extension.
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }

    /// Writes `table` to `path` atomically, never over one of `inputs`; `template` (Word only) replaces the
    /// call's summary.xml.
    public func write(_ table: SummaryTable, to path: String, template: String? = nil, inputs: [String]) throws {
        switch self {
        case .docx: try SummaryDocxWriter.write(table, template: template, to: path, inputs: inputs)
        case .xlsx: try SummaryXLSXWriter.write(table, to: path, inputs: inputs)
        case .csv: try SummaryCSVWriter.write(table, to: path, inputs: inputs)
        }
    }
}
