import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Whether a known value of a given field type is in OCR text — the one place that decides which
/// tolerant match applies: a 统一社会信用代码 by its check character, a date digit for digit, names and
/// other short text with one misread character per six (`TolerantMatch`).
package enum ScanEvidence {
    /// Types whose values are short enough to be looked for on a page (not long texts, numbers or lists).
    package static func isVerifiable(_ type: FieldType) -> Bool {
        switch type {
        case .text, .uscc, .date, .choice, .phone: return true
        default: return false
        }
    }

    /// The best place `value` was found in `text`, judged by its field type.
    package static func find(_ value: String, type: FieldType, in text: String) -> TolerantMatch.Match? {
        switch type {
        case .uscc:
            return TolerantMatch.findUSCC(value, in: text)
        case .date:
            return TolerantMatch.findDate(value, in: text)
        default:
            let organisation = TolerantMatch.genericEndings.contains { value.hasSuffix($0) }
            return TolerantMatch.find(value, in: text, kind: organisation ? .organisation : .text)
        }
    }

    /// The rows of `pages` beside one of `labels`, best first: the field's own label before its aliases, a
    /// label read whole before one read in part, then the row read with more confidence.
    package static func besideLabel(_ labels: [String], on pages: [ScanPageText]) -> [ScanPageText.Beside] {
        pages.flatMap { $0.rows(besideLabel: labels) }.sorted {
            ($0.label, $0.whole ? 0 : 1, -$0.confidence) < ($1.label, $1.whole ? 0 : 1, -$1.confidence)
        }
    }
}
