import ShenbaoModel
import ShenbaoSupport

/// Tells real text from the junk poppler returns for fonts without a Unicode map.
///
/// CJK fonts embedded without a ToUnicode CMap come out as private-use code points
/// (U+E000–F8FF), U+FFFD, control characters, or as GBK bytes read as Latin-1 (`Ä¿Â¼`).
/// When at least `junkShare` of a page's glyphs are such junk, the page's text is not used.
enum ScanDetector {
    /// Share of junk glyphs from which a page's text is considered unusable.
    static let junkShare = 0.3

    /// Counts of one page's glyphs.
    struct Tally: Sendable, Equatable {
        package var glyphs = 0
        package var junk = 0

        var isJunk: Bool { glyphs > 0 && Double(junk) >= junkShare * Double(glyphs) }
    }

    /// A page with fewer glyphs than this (a page number, a header) …
    static let outlinedGlyphs = 40
    /// … and at least this share of its area painted outside glyphs and rules has its text drawn as
    /// outlines (`gs -dNoOutputFonts`, "convert text to curves"), or is a picture. Measured on
    /// rendered pages: outlined pages of a book ink 0.13–0.5 % of their pixels, pages with a text
    /// layer less than 0.1 % outside their glyphs and rules; the painted marks' bounding boxes
    /// (`RuleDetector`) cover at least their ink.
    static let outlinedInk = 0.001

    /// Whether a page's text is drawn as outlines (vector glyph shapes without a text layer).
    static func isOutlined(glyphs: Int, looseInk: Double) -> Bool {
        glyphs < outlinedGlyphs && looseInk >= outlinedInk
    }

    static func tally(_ glyphs: [Glyph]) -> Tally {
        var tally = Tally()
        for glyph in glyphs {
            tally.glyphs += 1
            if isJunk(glyph.scalar) { tally.junk += 1 }
        }
        return tally
    }

    /// Private-use, replacement, control and unassigned scalars, and Latin-1 letters and symbols
    /// (in a Chinese form these are almost always GBK bytes misread; a French or German text has
    /// far fewer than `junkShare` of them).
    static func isJunk(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x001F, 0x007F...0x009F, 0xA1...0xFF, 0xE000...0xF8FF, 0xFFFD, 0xF0000...0x10FFFF:
            return true
        default:
            return scalar.properties.generalCategory == .unassigned
        }
    }
}
