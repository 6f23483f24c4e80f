import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads a scanned book's key fields (`submission.key-fields`: 单位名称, 统一社会信用代码, the project or
/// model name …) from the OCR of its first pages, for a bureau that received only a scan.
///
/// A value is taken only from beside a whole printed label — the field's own, an alias, or the label of a
/// field the catalogue says it must equal (单位名称 = the cover's 申报单位) — bracketed notes left out, and
/// only when OCR shows it twice (the same text, within `TolerantMatch`'s tolerance, elsewhere on the pages
/// read, as a name is on the cover and in the first table) or read the row with confidence ≥ 85. Beside
/// labels read in part, headings passed for labels (工业模型基本情况表 for 工业模型名称) and one scan showed
/// 「证扫中」 for 单位名称: guesses, not readings. A 统一社会信用代码 is taken beside any part of its label
/// when the 18 characters there repair to exactly one code whose check character validates. What
/// cannot be read so is left out (never guessed); what is read stays OCR text (`OCRReading`), not a field value.
enum ScanFieldReader {
    package static func read(_ pages: [ScanPageText], spec: CallSpec) -> OCRReading {
        var fields: [String: OCRReading.Value] = [:]
        let checks = spec.fields.flatMap(RuleTextParser.checks(for:)) + spec.checks
        for id in spec.submission.keyFields {
            guard let field = spec.field(id), ScanEvidence.isVerifiable(field.type) else { continue }
            let candidates = ScanEvidence.besideLabel(labels(of: field, in: spec, checks: checks), on: pages).lazy.compactMap { beside -> OCRReading.Value? in
                var beside = beside
                // A value ends at a comma or full stop (what follows is a seal's remains or a note).
                beside.text = String(beside.text.prefix { !"，,、；;。".contains($0) }).trimmingCharacters(in: .whitespaces)
                let value = field.type == .uscc ? onlyCode(in: beside.text)
                    : (confirmed(beside, type: field.type, on: pages) ? String(beside.text.prefix(80)) : nil)
                return value.map { OCRReading.Value(text: $0, page: beside.page, confidence: beside.confidence) }
            }
            fields[id] = candidates.first
        }
        let confidence = pages.isEmpty ? 0 : pages.map(\.confidence).reduce(0, +) / pages.count
        return OCRReading(fields: fields, confidence: confidence, pages: pages)
    }

    /// The labels a field's value may be printed beside: its own spellings, then those of the fields it must
    /// equal (`must equal …` in the catalogue, among the call's `checks`).
    static func labels(of field: FieldSpec, in spec: CallSpec, checks: [Check]) -> [String] {
        var labels = spec.labelVariants(of: field)
        for check in checks {
            guard case .equals(let a, let b) = check, a == field.id || b == field.id,
                  let other = spec.field(a == field.id ? b : a) else { continue }
            labels += spec.labelVariants(of: other).filter { !labels.contains($0) }
        }
        return labels
    }

    /// Confidence a row must have for a value read once, beside its whole label.
    static let readOnceConfidence = 85

    /// Whether the text beside a label is a reading, not a guess: read again elsewhere on the pages, or read
    /// once beside the whole label with high confidence.
    static func confirmed(_ beside: ScanPageText.Beside, type: FieldType, on pages: [ScanPageText]) -> Bool {
        guard beside.whole, TolerantMatch.normalise(beside.text).count >= 2 else { return false }
        if beside.confidence >= readOnceConfidence { return true }
        let elsewhere = pages.flatMap { page in
            page.rows.enumerated().filter { page.page != beside.page || $0.offset != beside.row }.map(\.element.text)
        }.joined(separator: "\n")
        // Two readings, each within tolerance of the print, may be twice that apart from each other.
        guard let match = ScanEvidence.find(beside.text, type: type, in: elsewhere) else { return false }
        return match.distance <= 2 * match.allowed
    }

    /// The one valid 统一社会信用代码 an OCR reading of 18 letters and digits can be, or nil.
    static func onlyCode(in text: String) -> String? {
        let characters = Array(TolerantMatch.normalise(text).filter { $0.isASCII })
        guard characters.count >= 18 else { return nil }
        let codes = Set(TolerantMatch.repairUSCC(Array(characters.prefix(18))).map { String($0) })
        return codes.count == 1 ? codes.first : nil
    }
}
