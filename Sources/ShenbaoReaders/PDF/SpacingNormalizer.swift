import ShenbaoModel
import ShenbaoSupport

/// Undoes the spacing LibreOffice adds to its PDFs between CJK text and Latin letters or digits
/// (`大街 1 号` → `大街1号`, `2026 年` → `2026年`), keeping spaces between two ASCII words.
enum SpacingNormalizer {
    package static func normalize(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == " ", index > 0, index + 1 < scalars.count {
                let before = scalars[index - 1]
                let after = scalars[index + 1]
                if (isCJK(before) && isASCIIAlphanumeric(after)) || (isASCIIAlphanumeric(before) && isCJK(after)) {
                    continue
                }
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Han ideographs, CJK symbols and punctuation, kana, and full-width forms.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    package static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
