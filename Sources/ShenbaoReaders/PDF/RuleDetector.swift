import ShenbaoModel
import ShenbaoSupport

/// A straight table rule in points: horizontal (`position` is y, `start`/`end` are x) or
/// vertical (`position` is x, `start`/`end` are y).
struct Rule: Sendable, Equatable {
    package var position: Double
    package var start: Double
    package var end: Double
}

/// The horizontal and vertical rules drawn on a page, and the check boxes drawn as small squares
/// (taken out of the rules by `DrawnCheckBoxes`) as ☑/☐ glyphs.
package struct Rules: Sendable, Equatable {
    var horizontal: [Rule] = []
    var vertical: [Rule] = []
    var checkBoxes: [Glyph] = []
    /// Share of the page's area painted outside glyph boxes and rules (bounding boxes of the paint):
    /// text drawn as outlines, pictures, shading. Measured only on pages with fewer glyphs than
    /// `ScanDetector.outlinedGlyphs`, 0 on others.
    var looseInk = 0.0
}

/// Finds table rules in what a page paints (`PageContentDocument`): marks thinner than
/// `maximumThickness` and at least `minimumLength` long — strokes, filled rectangles, a line drawn
/// as a picture — read from the content without rendering. Text geometry alone cannot tell a row
/// boundary from a wrapped line (Word tables have no top/bottom cell padding, so the gap differs by
/// the border width only).
///
/// Rules are cut where text covers them as they would be on the page: a short rule under glyphs (an
/// underline, a character-sized dash) is text, not a border, and only a rule longer than any
/// character's stroke counts where text sits on it (narrow label columns, Word's unpadded rows);
/// fill-in underscores and dashes are text. Form widgets' boxes are cut out too: a check box's
/// square is not a border.
enum RuleDetector {
    /// Shortest mark that counts as a rule, in points.
    static let minimumLength = 6.0
    /// Thickest mark that still counts as a rule (thicker is a filled area or image), in points.
    static let maximumThickness = 3.0
    /// Rules this close (points) on the same line are one rule.
    static let joinTolerance = 2.0
    /// Fraction of a glyph box's height at top and bottom where a rule does not count as under the glyph.
    static let glyphInset = 0.08
    /// A rule this many glyph heights long is longer than any stroke of a character: a rule even
    /// where text covers it.
    static let longRuleFactor = 1.6
    /// More rule-like marks than this on a page is hatching or a drawing, not a form: no rules
    /// (cutting each around every glyph would take long).
    static let maximumCandidates = 20_000
    /// Characters that draw long lines of their own (fill-in blanks).
    static let fillInCharacters: Set<Unicode.Scalar> = ["_", "＿", "-", "—", "－", "─", "━", "‗", "–", "﹍", "﹏"]

    /// The rules among a page's marks.
    /// - Parameters:
    ///   - marks: what the page paints.
    ///   - pageArea: the page's area in square points (for `looseInk`).
    ///   - glyphs: the page's text.
    ///   - widgets: boxes of form widgets (check boxes).
    package static func rules(in marks: [PaintedMark], pageArea: Double, glyphs: [Glyph], widgets: [Box] = []) -> Rules {
        let heights = glyphs.map(\.box.height).sorted()
        let glyphHeight = heights.isEmpty ? 12 : heights[heights.count / 2]
        let longMinimum = max(minimumLength, glyphHeight * longRuleFactor)
        let fillIns = glyphs.filter { fillInCharacters.contains($0.scalar) }.map(\.box)
        let covers = glyphs.map { glyph in
            let inset = glyph.box.height * glyphInset
            return Box(x0: glyph.box.x0, y0: glyph.box.y0 + inset, x1: glyph.box.x1, y1: glyph.box.y1 - inset)
        }

        let longCuts = widgets + fillIns, shortCuts = widgets + covers
        // Loose ink only tells pages with almost no text (`ScanDetector.isOutlined`).
        let countsLooseInk = glyphs.count < ScanDetector.outlinedGlyphs
        var candidates: [(rule: Rule, horizontal: Bool)] = []
        var loose = 0.0
        for mark in marks {
            let box = mark.box
            let isHorizontal = box.height <= maximumThickness && box.width >= minimumLength
            let isVertical = box.width <= maximumThickness && box.height >= minimumLength
            guard isHorizontal || isVertical else {
                if countsLooseInk, !covers.contains(where: { $0.contains(x: box.midX, y: box.midY) }) {
                    loose += box.width * box.height
                }
                continue
            }
            candidates.append((isHorizontal ? Rule(position: box.midY, start: box.x0, end: box.x1)
                                            : Rule(position: box.midX, start: box.y0, end: box.y1), isHorizontal))
        }
        var horizontal: [Rule] = [], vertical: [Rule] = []
        for (rule, isHorizontal) in candidates where candidates.count <= maximumCandidates {
            // With text left in place, only a long stretch is a rule; with glyphs taken out, any stretch.
            let long = pieces(of: rule, horizontal: isHorizontal, without: longCuts).filter { $0.end - $0.start >= longMinimum }
            let short = pieces(of: rule, horizontal: isHorizontal, without: shortCuts).filter { $0.end - $0.start >= minimumLength }
            if isHorizontal { horizontal += long + short } else { vertical += long + short }
        }
        var rules = Rules(horizontal: joined(horizontal), vertical: joined(vertical))
        rules.looseInk = pageArea > 0 ? loose / pageArea : 0
        rules.checkBoxes = DrawnCheckBoxes.extract(from: &rules, marks: marks, glyphs: glyphs)
        return rules
    }

    /// The stretches of `rule` outside the boxes that lie across it.
    static func pieces(of rule: Rule, horizontal: Bool, without boxes: [Box]) -> [Rule] {
        var pieces = [rule]
        for box in boxes {
            let (across0, across1, along0, along1) = horizontal ? (box.y0, box.y1, box.x0, box.x1) : (box.x0, box.x1, box.y0, box.y1)
            guard across0 <= rule.position, rule.position <= across1 else { continue }
            pieces = pieces.flatMap { piece -> [Rule] in
                guard along0 < piece.end, piece.start < along1 else { return [piece] }
                var rest: [Rule] = []
                if piece.start < along0 { rest.append(Rule(position: piece.position, start: piece.start, end: along0)) }
                if along1 < piece.end { rest.append(Rule(position: piece.position, start: along1, end: piece.end)) }
                return rest
            }
            if pieces.isEmpty { break }
        }
        return pieces
    }

    /// Merges rules on the same line that touch or overlap. Rules are taken by position, so a rule
    /// joined to one slightly above it may start further left: the joined rule takes both extents.
    package static func joined(_ rules: [Rule]) -> [Rule] {
        var result: [Rule] = []
        for rule in rules.sorted(by: { ($0.position, $0.start) < ($1.position, $1.start) }) {
            if let index = result.lastIndex(where: { abs($0.position - rule.position) <= joinTolerance }),
               rule.start <= result[index].end + joinTolerance, result[index].start <= rule.end + joinTolerance {
                result[index].start = min(result[index].start, rule.start)
                result[index].end = max(result[index].end, rule.end)
            } else {
                result.append(rule)
            }
        }
        return result
    }
}
