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
    /// Share of the inner square covered by marks from which the box is checked (a cross covers
    /// it; an empty box nothing).
    static let checkedInk = 0.04
    /// Points the inner square keeps from the edges, so the square's own edges are not its content.
    static let inset = 2.0

    /// Removes the edges of drawn check boxes from `rules` and returns the boxes as glyphs.
    /// - Parameters:
    ///   - rules: the page's rules in points.
    ///   - marks: what the page paints (a tick or cross inside a square checks it).
    ///   - glyphs: the page's text; a square with a glyph inside is a tiny table cell, not a box.
    package static func extract(from rules: inout Rules, marks: [PaintedMark], glyphs: [Glyph]) -> [Glyph] {
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
            let inner = Box(x0: box.x0 + inset, y0: box.y0 + inset, x1: box.x1 - inset, y1: box.y1 - inset)
            let checked = inner.width > 0 && inner.height > 0 && covered(inner, by: marks) >= checkedInk
            return Glyph(scalar: checked ? CheckBoxWidgets.checked : CheckBoxWidgets.unchecked, box: box)
        }
    }

    /// The share of `box` under the marks' boxes (overlaps counted once per mark, at most 1).
    static func covered(_ box: Box, by marks: [PaintedMark]) -> Double {
        var area = 0.0
        for mark in marks {
            let width = min(box.x1, mark.box.x1) - max(box.x0, mark.box.x0)
            let height = min(box.y1, mark.box.y1) - max(box.y0, mark.box.y0)
            if width > 0, height > 0 { area += width * height }
        }
        return min(1, area / (box.width * box.height))
    }

    /// Whether horizontal rules at `position` cover the square's width (a box edge, or a border it sits on).
    static func edge(of horizontal: [Rule], at position: Double, covers box: Box) -> Bool {
        horizontal.contains {
            abs($0.position - position) <= tolerance && $0.start <= box.x0 + tolerance && $0.end >= box.x1 - tolerance
        }
    }
}
