import ShenbaoModel
import ShenbaoSupport

/// The Adobe Symbol encoding (the `Symbol` font), mapped to Unicode.
///
/// Word stores a Symbol glyph either as its byte (0x20…0xFE, in a run whose font is Symbol) or in the
/// private-use form F020…F0FE (`w:sym w:char="F0A3"`); both mean the same glyph: `≤` is 0xA3, not `£`.
/// Positions follow Adobe's published SYMBOL.TXT (with Microsoft's € at 0xA0); undefined positions
/// (0x7F…0x9F, 0xF0) have no meaning.
enum SymbolEncoding {
    /// The Unicode text of the Symbol glyph `code` (byte or F0xx form), or nil when undefined.
    package static func text(of code: UInt32) -> String? {
        let byte = (0xF000...0xF0FF).contains(code) ? code - 0xF000 : code
        switch byte {
        case 0x20...0x7E:
            return low[Int(byte - 0x20)].map(String.init)
        case 0xA0...0xFE:
            return high[Int(byte - 0xA0)].map(String.init)
        default:
            return nil
        }
    }

    /// 0x20…0x7E: ASCII punctuation and digits, Greek letters in place of Latin ones, a few operators.
    private static let low: [Character?] = Array(
        " !∀#∃%&∋()∗+,−./0123456789:;<=>?"
        + "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_"
        + "‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"
    ).map { $0 }

    /// 0xA0…0xFE: mathematical operators, arrows and bracket pieces (0xF0 undefined).
    private static let high: [Character?] = Array(
        "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵"
        + "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓"
        + "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪"
    ).map { $0 } + [nil] + Array("〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭").map { $0 }
}
