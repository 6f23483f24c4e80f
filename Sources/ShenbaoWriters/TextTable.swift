import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation

/// A plain-text table for terminals, aligned by display width (a CJK character is two columns wide).
public struct TextTable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines; cells longer than `maxWidth` columns are cut with `…`, except, with `wholeLastColumn`,
    /// the last column's (nothing is aligned after it, and a message cut short can lose its point).
    public func render(maxWidth: Int = 60, wholeLastColumn: Bool = false) -> String {
        let all = [header] + rows
        let cut = all.map { row in
            row.enumerated().map { index, cell in
                let line = cell.replacingOccurrences(of: "\n", with: " ⏎ ")
                return wholeLastColumn && index == row.count - 1 ? line : Self.truncate(line, to: maxWidth)
            }
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cut { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.width(of: cell)) } }
        return cut.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - Self.width(of: cell) + 2)
            }.joined()
        }.joined(separator: "\n")
    }

    /// Display width in terminal columns.
    public static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard Self.width(of: text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let characterWidth = Self.width(of: String(character))
            if used + characterWidth > width - 1 { break }
            out.append(character)
            used += characterWidth
        }
        return out + "…"
    }
}

extension Unicode.Scalar {
    /// East-Asian wide or full-width.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
             0x2610...0x2612, 0x25A0...0x25A1:
            return true
        default:
            return false
        }
    }
}
