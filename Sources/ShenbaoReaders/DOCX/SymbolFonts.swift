import ShenbaoModel
import ShenbaoSupport

/// What glyphs of the symbol fonts mean (Wingdings, Wingdings 2, Webdings, Symbol), so a box drawn
/// as `w:sym w:font="Wingdings" w:char="F0FE"` or as the letter `R` in Wingdings 2 becomes a checkbox.
///
/// Glyph positions follow the fonts' published Unicode correspondences: boxes become checkboxes;
/// other marks that forms use (✓ ✗ ■ √) become their Unicode text, which extraction interprets like
/// typed glyphs.
enum SymbolFonts {
    private enum Family { case wingdings, wingdings2, webdings, symbol, otherDingbats }

    /// Whether `name` is a symbol font whose glyphs are not the characters they encode.
    static func isSymbolFont(_ name: String) -> Bool {
        family(of: name) != nil
    }

    /// The meaning of the glyph `code` (0x20…0xFF, or the same in the private-use range F020…F0FF
    /// that `w:sym` uses) in the symbol font `font`; nil when it means nothing for forms.
    /// Symbol glyphs follow the Adobe Symbol encoding (`SymbolEncoding`).
    package static func inline(font: String, code: UInt32) -> Inline? {
        guard let family = family(of: font) else { return nil }
        let byte = (0xF000...0xF0FF).contains(code) ? code - 0xF000 : code
        switch family {
        case .wingdings:
            switch byte {
            case 0x78, 0xFD, 0xFE: return .checkbox(checked: true)      // ⌧ ☒ ☑
            case 0x6F, 0x70, 0x71, 0x72, 0xA8: return .checkbox(checked: false) // □ bold □ ❑ ❒ ◻
            case 0xFB: return .text("✗")
            case 0xFC: return .text("✓")
            case 0x6E: return .text("■")
            default: return nil
            }
        case .wingdings2:
            switch byte {
            case 0x51, 0x52, 0x53, 0x54: return .checkbox(checked: true) // 🗵 ☑ ⮽ ☒
            case 0xA3: return .checkbox(checked: false)                   // □
            case 0x4F: return .text("✗")
            case 0x50: return .text("✓")
            case 0xA2: return .text("■")
            default: return nil
            }
        case .webdings:
            return byte == 0x61 ? .text("✓") : nil
        case .symbol:
            return SymbolEncoding.text(of: byte).map(Inline.text)
        case .otherDingbats:
            return nil
        }
    }

    private static func family(of name: String) -> Family? {
        // Most runs name a text font: rule those out before normalising (this runs for every run).
        guard let first = name.utf8.first, "WwSsZzMm".utf8.contains(first) else { return nil }
        let lowered = name.lowercased()
        // Spaces made single and trimmed, when there is anything to do (most names are plain already).
        let plain = lowered.utf8.first != 0x20 && lowered.utf8.last != 0x20 && !lowered.containsBytes("  ")
        switch plain ? lowered : lowered.split(separator: " ").joined(separator: " ") {
        case "wingdings": return .wingdings
        case "wingdings 2": return .wingdings2
        case "wingdings 3", "zapfdingbats", "zapf dingbats", "marlett": return .otherDingbats
        case "webdings": return .webdings
        case "symbol": return .symbol
        default: return nil
        }
    }
}

/// The four font slots of a run's `w:rFonts`, to tell which characters a symbol font draws.
struct RunFonts {
    var ascii: String?
    var hAnsi: String?
    var eastAsia: String?
    var complexScript: String?

    /// The run's fonts when at least one slot names a symbol font, else nil (the common case).
    package init?(runProperties: XMLNode?) {
        guard let fonts = runProperties?.child("rFonts") else { return nil }
        ascii = fonts.attribute("ascii")
        hAnsi = fonts.attribute("hAnsi")
        eastAsia = fonts.attribute("eastAsia")
        complexScript = fonts.attribute("cs")
        guard [ascii, hAnsi, eastAsia, complexScript].contains(where: { $0.map(SymbolFonts.isSymbolFont) ?? false })
        else { return nil }
    }

    /// The symbol font that draws `scalar` in this run, if any: ASCII uses the `ascii` slot; Latin-1
    /// (`£`, `¨`, `þ`, `ý`) may be drawn by `ascii`, `hAnsi` or — with `w:hint="eastAsia"`, as WPS
    /// writes — `eastAsia`; private-use F020…F0FF by any slot.
    func symbolFont(for scalar: Unicode.Scalar) -> String? {
        let slots: [String?]
        switch scalar.value {
        case 0x20..<0x80: slots = [ascii]
        case 0x80...0xFF: slots = [ascii, hAnsi, eastAsia]
        case 0xF020...0xF0FF: slots = [ascii, hAnsi, eastAsia, complexScript]
        default: return nil
        }
        return slots.lazy.compactMap { $0 }.first(where: SymbolFonts.isSymbolFont)
    }
}
