import CPoppler
import ShenbaoModel
import ShenbaoSupport

/// An axis-aligned box in PDF points, origin top-left (poppler's text-layout coordinates).
struct Box: Sendable, Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    package var width: Double { x1 - x0 }
    package var height: Double { y1 - y0 }
    package var midX: Double { (x0 + x1) / 2 }
    package var midY: Double { (y0 + y1) / 2 }

    /// Whether a point lies inside (edges included).
    package func contains(x: Double, y: Double) -> Bool { x0 <= x && x <= x1 && y0 <= y && y <= y1 }

    /// The smallest box holding both.
    package func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// One Unicode scalar of a page's text with its box.
struct Glyph: Sendable, Equatable {
    package var scalar: Unicode.Scalar
    package var box: Box

    package var isWhitespace: Bool { scalar.properties.isWhitespace }
}

/// Makes the glyphs of one page from poppler's text extraction: its characters, each with its
/// rectangle, in the order of `poppler_page_get_text` and `poppler_page_get_text_layout`
/// (`PageContentDocument` reads them in one pass with the page's marks).
/// Glyphs with unusable rectangles (NaN, infinite, inverted, absurdly large) are dropped;
/// whitespace and line breaks are dropped too, since lines and spaces are rebuilt from geometry.
enum GlyphExtractor {
    /// Largest glyph box side accepted, in points (a page is at most 14,400 pt).
    static let maximumSide = 2_000.0

    package static func glyphs(_ characters: some Sequence<(Unicode.Scalar, PopplerRectangle)>) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(characters.underestimatedCount)
        for (scalar, rectangle) in characters {
            if scalar.properties.isWhitespace { continue }
            if let box = sanitized(rectangle) {
                glyphs.append(Glyph(scalar: scalar, box: box))
            }
        }
        return tightened(glyphs)
    }

    /// A CJK ideograph whose box is more than this many times as tall as it is wide has a box from
    /// poppler's default font metrics on a guessed size (LibreOffice's CJK boxes are 1.3 times as tall).
    static let tallIdeograph = 1.8
    /// Where poppler puts the baseline in a box built from its default metrics (ascent 0.95,
    /// descent 0.35 of the font size): this fraction of the box height from the top.
    static let defaultBaseline = 0.95 / 1.3
    /// An ideograph's em box, from the baseline: 0.88 em above, 0.12 em below.
    static let emAscent = 0.88

    /// Glyphs of Type 3 fonts without metrics have boxes about 2.6 em tall: Chromium (Skia) embeds
    /// CJK fonts so, and poppler, guessing the size of a Type 3 font from a glyph's width, doubles
    /// it. The boxes overlap the lines above and below and cover table rules, so each run of such
    /// glyphs (consecutive glyphs with the same box top and bottom: one font, size and baseline)
    /// gets the em box of its ideographs and full-width signs, whose width is one em, on the baseline
    /// poppler used. A run without such a glyph (`）。` wrapped alone) whose height is that of a
    /// tightened run takes that run's em.
    static func tightened(_ glyphs: [Glyph]) -> [Glyph] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < glyphs.count {
            var end = start + 1
            let top = glyphs[start].box.y0, bottom = glyphs[start].box.y1
            while end < glyphs.count, abs(glyphs[end].box.y0 - top) < 0.01, abs(glyphs[end].box.y1 - bottom) < 0.01 {
                end += 1
            }
            runs.append(start..<end)
            start = end
        }
        /// Em sizes of tall runs by box height.
        var ems: [(height: Double, em: Double)] = []
        var runEms = [Double?](repeating: nil, count: runs.count)
        for (index, run) in runs.enumerated() {
            let widths = glyphs[run].filter { isEmWide($0.scalar) }.map(\.box.width).sorted()
            guard !widths.isEmpty else { continue }
            let em = widths[widths.count / 2]
            if em > 0, glyphs[run.lowerBound].box.height > tallIdeograph * em {
                runEms[index] = em
                ems.append((glyphs[run.lowerBound].box.height, em))
            }
        }
        guard !ems.isEmpty else { return glyphs }
        var result = glyphs
        for (index, run) in runs.enumerated() {
            let top = glyphs[run.lowerBound].box.y0, height = glyphs[run.lowerBound].box.height
            guard let em = runEms[index] ?? ems.first(where: { abs($0.height - height) < 0.01 })?.em else { continue }
            let baseline = top + height * defaultBaseline
            let y0 = max(top, baseline - emAscent * em), y1 = min(top + height, baseline + (1 - emAscent) * em)
            for glyph in run {
                result[glyph].box.y0 = y0
                result[glyph].box.y1 = y1
            }
        }
        return result
    }

    /// Ideographs, CJK punctuation and full-width forms: one em wide in CJK fonts.
    static func isEmWide(_ scalar: Unicode.Scalar) -> Bool {
        isIdeograph(scalar) || (0x3001...0x303F).contains(scalar.value) || (0xFF01...0xFF60).contains(scalar.value)
    }

    /// Han ideographs (unified, extension A and beyond, compatibility).
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// The rectangle as a box with x0 ≤ x1 and y0 ≤ y1, or nil when it is not finite or too large.
    static func sanitized(_ rectangle: PopplerRectangle) -> Box? {
        let values = [rectangle.x1, rectangle.y1, rectangle.x2, rectangle.y2]
        guard values.allSatisfy({ $0.isFinite && abs($0) < 1_000_000 }) else { return nil }
        let box = Box(x0: min(rectangle.x1, rectangle.x2), y0: min(rectangle.y1, rectangle.y2),
                      x1: max(rectangle.x1, rectangle.x2), y1: max(rectangle.y1, rectangle.y2))
        guard box.width <= maximumSide, box.height <= maximumSide else { return nil }
        return box
    }
}
