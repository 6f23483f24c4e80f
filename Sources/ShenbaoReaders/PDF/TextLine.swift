import ShenbaoModel
import ShenbaoSupport

/// A line of text rebuilt from glyph geometry: glyphs that share a vertical band, in x order,
/// with spaces where the horizontal gap is word-sized.
struct TextLine: Sendable, Equatable {
    package var box: Box
    package var text: String
    /// Typical glyph height of the line (points), the unit for the spacing heuristics.
    var glyphHeight: Double
    /// Width (points) of the line's first unit that a line break cannot split: an ASCII word, or a
    /// CJK character with the opening brackets before it and the closing punctuation after it.
    /// A line above that leaves less room than this was wrapped, not ended.
    var firstWordWidth: Double = 0
}

/// Groups glyphs into lines by vertical band and orders each line by x.
/// Poppler's own line order is not trusted: a vertically centred table label sits between the
/// lines of its wrapped value and would be glued into them.
enum LineBuilder {
    /// Glyphs whose vertical centres differ by at most this fraction of the glyph height share a line.
    static let bandTolerance = 0.35
    /// A horizontal gap wider than this fraction of the glyph height is a space.
    static let spaceGap = 0.12
    /// A gap wider than this fraction of the glyph height is more than one space or the space
    /// LibreOffice adds between CJK and Latin text (about 0.15): a real separation, such as the
    /// blank between a cover label and its value (`申报日期  2026年3月`).
    static let wideGap = 0.35

    /// - Parameter dividers: vertical rules; a band is cut where one runs between two neighbouring
    ///   glyphs across the height of both (the side of a box beside the text, such as a letter's
    ///   发文日 box), so the text either side is not read as one line.
    package static func lines(from glyphs: [Glyph], dividers: [Rule] = []) -> [TextLine] {
        let sorted = glyphs.sorted { $0.box.midY < $1.box.midY }
        var bands: [[Glyph]] = []
        var bandMid = 0.0
        var bandHeight = 0.0
        for glyph in sorted {
            let height = max(glyph.box.height, 1)
            if var band = bands.last, abs(glyph.box.midY - bandMid) <= bandTolerance * max(bandHeight, height) {
                band.append(glyph)
                bands[bands.count - 1] = band
                bandMid += (glyph.box.midY - bandMid) / Double(band.count)
                bandHeight = max(bandHeight, height)
            } else {
                bands.append([glyph])
                bandMid = glyph.box.midY
                bandHeight = height
            }
        }
        return bands.flatMap { pieces(of: $0, dividers: dividers) }.map(line(from:))
    }

    /// A band's glyphs in x order, cut where a divider runs between neighbours.
    static func pieces(of band: [Glyph], dividers: [Rule]) -> [[Glyph]] {
        let bandTop = band.lazy.map(\.box.y0).min() ?? 0, bandBottom = band.lazy.map(\.box.y1).max() ?? 0
        let crossing = dividers.filter { $0.start <= bandBottom && bandTop <= $0.end }
        guard !crossing.isEmpty else { return [band] }
        let glyphs = band.sorted { $0.box.x0 < $1.box.x0 }
        var pieces = [[glyphs[0]]]
        for (previous, glyph) in zip(glyphs, glyphs.dropFirst()) {
            let top = min(previous.box.y0, glyph.box.y0), bottom = max(previous.box.y1, glyph.box.y1)
            let divided = crossing.contains {
                previous.box.x1 <= $0.position && $0.position <= glyph.box.x0
                    && $0.start <= top + RuleDetector.joinTolerance && bottom - RuleDetector.joinTolerance <= $0.end
            }
            if divided { pieces.append([glyph]) } else { pieces[pieces.count - 1].append(glyph) }
        }
        return pieces
    }

    /// One band of glyphs as a line of text.
    package static func line(from band: [Glyph]) -> TextLine {
        let glyphs = band.sorted { $0.box.x0 < $1.box.x0 }
        let heights = glyphs.map { max($0.box.height, 1) }.sorted()
        let height = heights[heights.count / 2]
        var text = ""
        var box = glyphs[0].box
        var previous: Glyph?
        for glyph in glyphs {
            if let previous, glyph.box.x0 - previous.box.x1 > spaceGap * height {
                // Between CJK and Latin, a gap wider than LibreOffice's spacing is a real blank:
                // two spaces, which `SpacingNormalizer` keeps.
                let wide = glyph.box.x0 - previous.box.x1 > wideGap * height
                    && SpacingNormalizer.isCJK(previous.scalar) != SpacingNormalizer.isCJK(glyph.scalar)
                text += wide ? "  " : " "
            }
            text.unicodeScalars.append(glyph.scalar)
            box = box.union(glyph.box)
            previous = glyph
        }
        return TextLine(box: box, text: SpacingNormalizer.normalize(text), glyphHeight: height,
                        firstWordWidth: firstWordWidth(glyphs, height: height))
    }

    static let openingPunctuation = Set("（【《“‘(「『[〔".unicodeScalars)
    static let closingPunctuation = Set("，。、；：？！）】》”’」』〕,.;:?!)]%".unicodeScalars)

    /// The width of the leading unbreakable unit of a line's glyphs (in x order).
    static func firstWordWidth(_ glyphs: [Glyph], height: Double) -> Double {
        guard let first = glyphs.first else { return 0 }
        var end = 0
        while end + 1 < glyphs.count, openingPunctuation.contains(glyphs[end].scalar) { end += 1 }
        if SpacingNormalizer.isASCIIAlphanumeric(glyphs[end].scalar) {
            while end + 1 < glyphs.count, glyphs[end + 1].scalar.isASCII,
                  glyphs[end + 1].box.x0 - glyphs[end].box.x1 <= spaceGap * height {
                end += 1
            }
        }
        while end + 1 < glyphs.count, closingPunctuation.contains(glyphs[end + 1].scalar),
              glyphs[end + 1].box.x0 - glyphs[end].box.x1 <= spaceGap * height {
            end += 1
        }
        return glyphs[end].box.x1 - first.box.x0
    }
}
