import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders

/// Reads a scanned book's key fields (`submission.key-fields`: 单位名称, 统一社会信用代码, the project or
/// model name …) from the OCR of its first pages, for a bureau that received only a scan.
///
/// A value is taken only from beside its printed label, bracketed notes left out; a 统一社会信用代码 only
/// when the 18 characters there repair to exactly one code whose check character validates. What cannot be
/// read so is left out (never guessed); what is read stays OCR text (`OCRReading`), not a field value.
package enum ScanFieldReader {
    package static func read(_ pages: [ScanPageText], spec: CallSpec) -> OCRReading {
        var fields: [String: OCRReading.Value] = [:]
        for id in spec.submission.keyFields {
            guard let field = spec.field(id), ScanEvidence.isVerifiable(field.type) else { continue }
            let candidates = ScanEvidence.besideLabel(spec.labelVariants(of: field), on: pages).compactMap { beside -> OCRReading.Value? in
                let value = field.type == .uscc ? onlyCode(in: beside.text) : (beside.text.isEmpty ? nil : String(beside.text.prefix(80)))
                return value.map { OCRReading.Value(text: $0, page: beside.page, confidence: beside.confidence) }
            }
            fields[id] = candidates.first
        }
        let confidence = pages.isEmpty ? 0 : pages.map(\.confidence).reduce(0, +) / pages.count
        return OCRReading(fields: fields, confidence: confidence, pages: pages)
    }

    /// The one valid 统一社会信用代码 an OCR reading of 18 letters and digits can be, or nil.
    package static func onlyCode(in text: String) -> String? {
        let characters = Array(TolerantMatch.normalise(text).filter { $0.isASCII })
        guard characters.count >= 18 else { return nil }
        let codes = Set(TolerantMatch.repairUSCC(Array(characters.prefix(18))).map { String($0) })
        return codes.count == 1 ? codes.first : nil
    }
}
