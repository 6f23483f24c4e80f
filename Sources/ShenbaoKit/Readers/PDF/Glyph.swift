import CPoppler

/// An axis-aligned box in PDF points, origin top-left (poppler's text-layout coordinates).
struct Box: Sendable, Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }

    /// Whether a point lies inside (edges included).
    func contains(x: Double, y: Double) -> Bool { x0 <= x && x <= x1 && y0 <= y && y <= y1 }

    /// The smallest box holding both.
    func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// One Unicode scalar of a page's text with its box.
struct Glyph: Sendable, Equatable {
    var scalar: Unicode.Scalar
    var box: Box

    var isWhitespace: Bool { scalar.properties.isWhitespace }
}

/// Pulls the glyphs of one page out of poppler: `poppler_page_get_text` gives the text and
/// `poppler_page_get_text_layout` one rectangle per Unicode scalar of it (`\n` included).
/// Glyphs with unusable rectangles (NaN, infinite, inverted, absurdly large) are dropped;
/// whitespace and line breaks are dropped too, since lines and spaces are rebuilt from geometry.
enum GlyphExtractor {
    /// Largest glyph box side accepted, in points (a page is at most 14,400 pt).
    static let maximumSide = 2_000.0

    static func glyphs(of page: OpaquePointer) -> [Glyph] {
        guard let textPointer = poppler_page_get_text(page) else { return [] }
        defer { g_free(textPointer) }
        let text = String(cString: textPointer)

        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }

        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(min(Int(count), text.unicodeScalars.count))
        var index = 0
        for scalar in text.unicodeScalars {
            guard index < Int(count) else { break }
            let rectangle = rectangles[index]
            index += 1
            if scalar.properties.isWhitespace { continue }
            if let box = sanitized(rectangle) {
                glyphs.append(Glyph(scalar: scalar, box: box))
            }
        }
        return glyphs
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
