import CPoppler
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
    /// Share of the page's pixels that are ink outside glyph boxes and rules: text drawn as
    /// outlines, pictures, shading.
    var looseInk = 0.0
}

/// Finds table rules by rendering the page without antialiasing and scanning for long, thin runs
/// of dark pixels. poppler-glib does not expose vector paths, and text geometry alone cannot tell
/// a row boundary from a wrapped line (Word tables have no top/bottom cell padding, so the gap
/// differs by the border width only). Glyph boxes are painted white first, so CJK strokes such as
/// 一 or 丨 never count as rules, and so are form widgets: a check box's drawn square is not a
/// border, and its edges would add grid lines or join a row border they touch.
enum RuleDetector {
    /// Render resolution, pixels per point.
    package static let scale = 2.0
    /// Pages larger than this many pixels at `scale` are rendered smaller.
    static let maximumPixels = 12_000_000.0
    /// A pixel darker than this (0–255 luma) is ink.
    static let darkLuma = 170
    /// Shortest run that counts as a rule, in points.
    static let minimumLength = 6.0
    /// Thickest run that still counts as a rule (thicker is a filled area or image), in points.
    static let maximumThickness = 3.0
    /// Rules this close (points) on the same line are one rule.
    static let joinTolerance = 2.0
    /// Fraction of a glyph box's height left unwhitened at top and bottom (rules may touch the box).
    static let glyphInset = 0.08
    /// A run this many glyph heights long is longer than any stroke of a character: a rule even
    /// where text covers it.
    static let longRuleFactor = 1.6
    /// Characters that draw long lines of their own (fill-in blanks).
    static let fillInCharacters: Set<Unicode.Scalar> = ["_", "＿", "-", "—", "－", "─", "━", "‗", "–", "﹍", "﹏"]

    /// - Parameter widgets: boxes of form widgets (check boxes), cleared before both passes.
    package static func rules(of page: OpaquePointer, width: Double, height: Double, glyphs: [Glyph], widgets: [Box] = []) -> Rules {
        PageRenderer.withImage(of: page, width: width, height: height, scale: scale, maximumPixels: maximumPixels) { image in
            rules(in: image, glyphs: glyphs, widgets: widgets)
        } ?? Rules()
    }

    private static func rules(in image: PageImage, glyphs: [Glyph], widgets: [Box]) -> Rules {
        let pixelsPerPoint = image.pixelsPerPoint
        let pixelWidth = image.width, pixelHeight = image.height
        var ink = InkMap(width: pixelWidth, height: pixelHeight)
        ink.markDark(pixels: image.pixels, stride: image.stride, threshold: darkLuma)
        for box in widgets {
            ink.clear(x0: box.x0 * pixelsPerPoint, y0: box.y0 * pixelsPerPoint,
                      x1: box.x1 * pixelsPerPoint, y1: box.y1 * pixelsPerPoint)
        }
        let thickness = maximumThickness * pixelsPerPoint

        // Pass 1, text left in place: only runs longer than any character's stroke count, so rules
        // that text sits right against (narrow label columns, Word's unpadded rows) survive.
        // Fill-in underscores and dashes are cleared: they are text, not rules.
        var long = ink
        for glyph in glyphs where fillInCharacters.contains(glyph.scalar) {
            long.clear(x0: glyph.box.x0 * pixelsPerPoint, y0: glyph.box.y0 * pixelsPerPoint,
                       x1: glyph.box.x1 * pixelsPerPoint, y1: glyph.box.y1 * pixelsPerPoint)
        }
        let heights = glyphs.map(\.box.height).sorted()
        let glyphHeight = heights.isEmpty ? 12 : heights[heights.count / 2]
        let longMinimum = max(2, Int(max(minimumLength, glyphHeight * longRuleFactor) * pixelsPerPoint))
        var horizontal = long.runs(horizontal: true, minimumLength: longMinimum, maximumThickness: thickness)
        var vertical = long.runs(horizontal: false, minimumLength: longMinimum, maximumThickness: thickness)

        // Pass 2, glyph boxes whitened so CJK strokes such as 一 or 丨 never count: short rules.
        for glyph in glyphs {
            let inset = glyph.box.height * glyphInset
            ink.clear(x0: glyph.box.x0 * pixelsPerPoint, y0: (glyph.box.y0 + inset) * pixelsPerPoint,
                      x1: glyph.box.x1 * pixelsPerPoint, y1: (glyph.box.y1 - inset) * pixelsPerPoint)
        }
        let minimum = max(2, Int(minimumLength * pixelsPerPoint))
        horizontal += ink.runs(horizontal: true, minimumLength: minimum, maximumThickness: thickness)
        vertical += ink.runs(horizontal: false, minimumLength: minimum, maximumThickness: thickness)
        var rules = Rules(horizontal: joined(horizontal.map { $0.scaled(by: 1 / pixelsPerPoint) }),
                          vertical: joined(vertical.map { $0.scaled(by: 1 / pixelsPerPoint) }))
        for rule in horizontal {
            ink.clear(x0: Double(rule.start), y0: rule.position - thickness, x1: Double(rule.end), y1: rule.position + thickness)
        }
        for rule in vertical {
            ink.clear(x0: rule.position - thickness, y0: Double(rule.start), x1: rule.position + thickness, y1: Double(rule.end))
        }
        rules.looseInk = Double(ink.inkCount) / Double(pixelWidth * pixelHeight)
        rules.checkBoxes = DrawnCheckBoxes.extract(from: &rules, ink: long, pixelsPerPoint: pixelsPerPoint, glyphs: glyphs)
        return rules
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

extension Rule {
    package func scaled(by factor: Double) -> Rule {
        Rule(position: position * factor, start: start * factor, end: end * factor)
    }
}

/// A bitmap of ink pixels.
struct InkMap {
    package let width: Int
    package let height: Int
    private var bits: [Bool]

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
        bits = [Bool](repeating: false, count: width * height)
    }

    /// Marks the pixels of an RGB24 cairo image (xRGB words, little-endian: B G R x) darker than `threshold` luma.
    mutating func markDark(pixels: UnsafeMutablePointer<UInt8>, stride: Int, threshold: Int) {
        let width = self.width, height = self.height
        bits.withUnsafeMutableBufferPointer { bits in
            for y in 0..<height {
                let row = pixels + y * stride
                let out = y * width
                for x in 0..<width {
                    let b = Int(row[x &* 4]), g = Int(row[x &* 4 &+ 1]), r = Int(row[x &* 4 &+ 2])
                    bits[out &+ x] = (r &* 299 &+ g &* 587 &+ b &* 114) < threshold &* 1000
                }
            }
        }
    }

    /// The number of ink pixels.
    var inkCount: Int { bits.reduce(0) { $1 ? $0 + 1 : $0 } }

    /// The share of ink pixels in a rectangle given in (fractional) pixels; 0 when it is empty.
    package func inkShare(x0: Double, y0: Double, x1: Double, y1: Double) -> Double {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return 0 }
        let left = max(0, Int(x0.rounded(.up))), right = min(width, Int(x1.rounded(.down)))
        let top = max(0, Int(y0.rounded(.up))), bottom = min(height, Int(y1.rounded(.down)))
        guard left < right, top < bottom else { return 0 }
        var inked = 0
        for y in top..<bottom {
            for x in left..<right where bits[y * width + x] { inked += 1 }
        }
        return Double(inked) / Double((right - left) * (bottom - top))
    }

    /// Clears a rectangle given in (fractional) pixels; out-of-range parts are ignored.
    mutating func clear(x0: Double, y0: Double, x1: Double, y1: Double) {
        guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return }
        let left = max(0, Int(x0.rounded(.down))), right = min(width, Int(x1.rounded(.up)))
        let top = max(0, Int(y0.rounded(.down))), bottom = min(height, Int(y1.rounded(.up)))
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            for x in left..<right { bits[y * width + x] = false }
        }
    }

    /// Runs of ink at least `minimumLength` pixels long along one axis, with runs on adjacent
    /// scanlines merged into one stroke; strokes thicker than `maximumThickness` are dropped.
    /// Positions are stroke centres, in pixels.
    package func runs(horizontal: Bool, minimumLength: Int, maximumThickness: Double) -> [Rule] {
        let lines = horizontal ? height : width
        /// Strokes still growing: first and last scanline, start and end along the axis.
        struct Stroke { var first: Int; var last: Int; var start: Int; var end: Int }
        var open: [Stroke] = []
        var result: [Rule] = []
        func close(_ stroke: Stroke) {
            let thickness = Double(stroke.last - stroke.first + 1)
            guard thickness <= maximumThickness else { return }
            result.append(Rule(position: Double(stroke.first + stroke.last + 1) / 2,
                               start: Double(stroke.start), end: Double(stroke.end)))
        }
        let scanlines = scanlineRuns(horizontal: horizontal, minimumLength: minimumLength)
        for line in 0..<lines {
            var runs = scanlines[line]
            var stillOpen: [Stroke] = []
            for var stroke in open {
                if let match = runs.firstIndex(where: { $0.0 < stroke.end && stroke.start < $0.1 }) {
                    stroke.last = line
                    stroke.start = min(stroke.start, runs[match].0)
                    stroke.end = max(stroke.end, runs[match].1)
                    runs.remove(at: match)
                    stillOpen.append(stroke)
                } else {
                    close(stroke)
                }
            }
            for run in runs { stillOpen.append(Stroke(first: line, last: line, start: run.0, end: run.1)) }
            open = stillOpen
        }
        open.forEach(close)
        return result
    }

    /// The runs of ink at least `minimumLength` long on every scanline (rows, or columns), as
    /// (start, end) pairs in order along the line. The bitmap is walked row by row, eight pixels at a
    /// time where nothing changes (white paper; in columns, a row equal to the one above): pixel by
    /// pixel, this scan was a third of a PDF's reading time.
    private func scanlineRuns(horizontal: Bool, minimumLength: Int) -> [[(Int, Int)]] {
        let width = self.width, height = self.height
        var result = [[(Int, Int)]](repeating: [], count: horizontal ? height : width)
        let allInked: UInt64 = 0x0101_0101_0101_0101  // eight `true` Bools
        bits.withUnsafeBufferPointer { bits in
            guard let base = bits.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            if horizontal {
                for y in 0..<height {
                    let row = y &* width
                    var start = -1
                    var x = 0
                    while x < width {
                        if x &+ 8 <= width {
                            let word = raw.loadUnaligned(fromByteOffset: row &+ x, as: UInt64.self)
                            if start < 0 ? word == 0 : word == allInked {
                                x &+= 8
                                continue
                            }
                        }
                        if bits[row &+ x] {
                            if start < 0 { start = x }
                        } else if start >= 0 {
                            if x &- start >= minimumLength { result[y].append((start, x)) }
                            start = -1
                        }
                        x &+= 1
                    }
                    if start >= 0, width &- start >= minimumLength { result[y].append((start, width)) }
                }
            } else {
                // starts[x] ≥ 0 exactly when pixel (x, y - 1) is ink: a column changes only where a
                // row differs from the row above.
                var starts = [Int](repeating: -1, count: width)
                starts.withUnsafeMutableBufferPointer { starts in
                    for y in 0..<height {
                        let row = y &* width
                        var x = 0
                        while x < width {
                            if x &+ 8 <= width {
                                let word = raw.loadUnaligned(fromByteOffset: row &+ x, as: UInt64.self)
                                let above = y == 0 ? 0 : raw.loadUnaligned(fromByteOffset: row &- width &+ x, as: UInt64.self)
                                if word == above {
                                    x &+= 8
                                    continue
                                }
                            }
                            if bits[row &+ x] {
                                if starts[x] < 0 { starts[x] = y }
                            } else if starts[x] >= 0 {
                                if y &- starts[x] >= minimumLength { result[x].append((starts[x], y)) }
                                starts[x] = -1
                            }
                            x &+= 1
                        }
                    }
                    for x in 0..<width where starts[x] >= 0 && height &- starts[x] >= minimumLength {
                        result[x].append((starts[x], height))
                    }
                }
            }
        }
        return result
    }
}
