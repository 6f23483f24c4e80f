import ShenbaoModel
import ShenbaoSupport

/// Finds check boxes drawn as small squares and takes them out of the page's rules.
///
/// LibreOffice prints Word's legacy form-field check boxes as vector graphics, not text: an empty
/// square, or a square with a cross when checked. The page text then holds only the option labels
/// (`国家机关 事业单位 …`). Left among the rules, the squares' edges would add grid lines, and a
/// square touching a row border would join it. Each square becomes a ☑ (ink inside) or ☐ glyph
/// with the square's box, so it lands in its cell right before its option.
enum DrawnCheckBoxes {
    /// Side of a check-box square, in points (text sizes from about 5 to 24 pt).
    package static let sides = 4.0...24.0
    /// Points within which edges meet and a square's height equals its width.
    package static let tolerance = 2.0
    /// Share of the inner square's pixels that are ink from which the box is checked (a cross
    /// covers about a tenth; an empty box none).
    static let checkedInk = 0.04

    /// Removes the edges of drawn check boxes from `rules` and returns the boxes as glyphs.
    /// - Parameters:
    ///   - rules: the page's rules in points.
    ///   - ink: the page's ink with text left in place.
    ///   - pixelsPerPoint: the scale of `ink`.
    ///   - glyphs: the page's text; a square with a glyph inside is a tiny table cell, not a box.
    package static func extract(from rules: inout Rules, ink: InkMap, pixelsPerPoint: Double, glyphs: [Glyph]) -> [Glyph] {
        var boxes: [Box] = []
        var usedVertical = Set<Int>()
        let vertical = rules.vertical
        for (leftIndex, left) in vertical.enumerated() where !usedVertical.contains(leftIndex) {
            let height = left.end - left.start
            guard sides.contains(height) else { continue }
            guard let rightIndex = vertical.indices.first(where: { index in
                let right = vertical[index]
                return index != leftIndex && !usedVertical.contains(index)
                    && abs(right.position - left.position - height) <= tolerance
                    && abs(right.start - left.start) <= tolerance && abs(right.end - left.end) <= tolerance
            }) else { continue }
            let box = Box(x0: left.position, y0: left.start, x1: vertical[rightIndex].position, y1: left.end)
            guard edge(of: rules.horizontal, at: box.y0, covers: box), edge(of: rules.horizontal, at: box.y1, covers: box),
                  !glyphs.contains(where: { box.contains(x: $0.box.midX, y: $0.box.midY) })
            else { continue }
            usedVertical.formUnion([leftIndex, rightIndex])
            boxes.append(box)
        }
        guard !boxes.isEmpty else { return [] }
        rules.vertical = vertical.indices.filter { !usedVertical.contains($0) }.map { vertical[$0] }
        // A horizontal edge goes; a longer rule the square merely touches (a row border) stays.
        rules.horizontal.removeAll { rule in
            boxes.contains { box in
                (abs(rule.position - box.y0) <= tolerance || abs(rule.position - box.y1) <= tolerance)
                    && rule.start >= box.x0 - tolerance && rule.end <= box.x1 + tolerance
            }
        }
        return boxes.map { box in
            let inset = 2 / pixelsPerPoint + 1
            let share = ink.inkShare(x0: (box.x0 + inset) * pixelsPerPoint, y0: (box.y0 + inset) * pixelsPerPoint,
                                     x1: (box.x1 - inset) * pixelsPerPoint, y1: (box.y1 - inset) * pixelsPerPoint)
            return Glyph(scalar: share >= checkedInk ? CheckBoxWidgets.checked : CheckBoxWidgets.unchecked, box: box)
        }
    }

    /// Whether horizontal rules at `position` cover the square's width (a box edge, or a border it sits on).
    static func edge(of horizontal: [Rule], at position: Double, covers box: Box) -> Bool {
        horizontal.contains {
            abs($0.position - position) <= tolerance && $0.start <= box.x0 + tolerance && $0.end >= box.x1 - tolerance
        }
    }
}
