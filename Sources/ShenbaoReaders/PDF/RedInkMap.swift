import ShenbaoModel
import ShenbaoSupport

/// The red-ink pixels of a rendered page, and their grouping into regions, for `SealDetector`.
struct RedInkMap {
    package let width: Int
    package let height: Int
    /// 1 where the pixel is red ink.
    private(set) var bits: [UInt8]

    /// Thresholds on 0–255 channels. Red ink: red clearly above green and blue, hue within about
    /// ±30° of red, not too dark. Stamped and scanned seals range from (230, 20, 30) to faded
    /// (225, 130, 140); paper with a yellow or pink cast, grey JPEG fringes round black text and
    /// blue or black ink stay out.
    static let minimumRed = 90
    static let minimumChroma = 60
    static let minimumLead = 40

    static func isRed(r: Int, g: Int, b: Int) -> Bool {
        let high = max(g, b), low = min(g, b)
        let chroma = r - low
        return r >= minimumRed && chroma >= minimumChroma && r - high >= minimumLead && 2 * abs(g - b) <= chroma
    }

    package init(_ image: PageImage) {
        width = image.width
        height = image.height
        bits = [UInt8](repeating: 0, count: width * height)
        let width = self.width
        bits.withUnsafeMutableBufferPointer { bits in
            for y in 0..<image.height {
                let row = image.pixels + y &* image.stride
                let out = y &* width
                for x in 0..<width {
                    let b = Int(row[x &* 4]), g = Int(row[x &* 4 &+ 1]), r = Int(row[x &* 4 &+ 2])
                    if r &- max(g, b) >= Self.minimumLead, Self.isRed(r: r, g: g, b: b) { bits[out &+ x] = 1 }
                }
            }
        }
    }

    /// Clears horizontal and vertical runs of red at least `minimumLength` pixels long: red rules,
    /// underlines and heading bars (no stroke of a round seal is straight that long).
    mutating func clearLongRuns(minimumLength: Int) {
        guard minimumLength > 0 else { return }
        let width = self.width, height = self.height
        var clear: [(Int, Int, Int)] = []  // (start index, count, step)
        bits.withUnsafeBufferPointer { bits in
            for y in 0..<height {
                var x = 0
                while x < width {
                    guard bits[y &* width &+ x] != 0 else { x &+= 1; continue }
                    let start = x
                    while x < width, bits[y &* width &+ x] != 0 { x &+= 1 }
                    if x - start >= minimumLength { clear.append((y * width + start, x - start, 1)) }
                }
            }
            for x in 0..<width {
                var y = 0
                while y < height {
                    guard bits[y &* width &+ x] != 0 else { y &+= 1; continue }
                    let start = y
                    while y < height, bits[y &* width &+ x] != 0 { y &+= 1 }
                    if y - start >= minimumLength { clear.append((start * width + x, y - start, width)) }
                }
            }
        }
        for (start, count, step) in clear {
            for i in 0..<count { bits[start + i * step] = 0 }
        }
    }

    /// A group of red pixels: bounding box in pixels (end-exclusive).
    package struct Region: Equatable {
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    /// Groups red pixels into regions: the page is cut into `cell`-pixel squares, a square with at
    /// least `minimumPixels` red pixels is inked, and inked squares up to `gap` squares apart are
    /// one region (a seal's ring, its text and fragments of a faded stamp join; the star in the
    /// middle stays apart, and is inside the ring's box anyway).
    package func regions(cell: Int, gap: Int, minimumPixels: Int) -> [Region] {
        guard cell > 0, width > 0, height > 0 else { return [] }
        let columns = (width + cell - 1) / cell, rows = (height + cell - 1) / cell
        var counts = [Int32](repeating: 0, count: columns * rows)
        bits.withUnsafeBufferPointer { bits in
            for y in 0..<height {
                let cellRow = (y / cell) &* columns
                for x in 0..<width where bits[y &* width &+ x] != 0 { counts[cellRow &+ x / cell] &+= 1 }
            }
        }
        var label = [Int32](repeating: 0, count: columns * rows)
        var regions: [Region] = []
        var stack: [Int] = []
        for start in 0..<counts.count where counts[start] >= minimumPixels && label[start] == 0 {
            label[start] = 1
            stack.append(start)
            var minX = columns, minY = rows, maxX = -1, maxY = -1
            while let index = stack.popLast() {
                let cx = index % columns, cy = index / columns
                minX = min(minX, cx); maxX = max(maxX, cx); minY = min(minY, cy); maxY = max(maxY, cy)
                for ny in max(0, cy - gap)...min(rows - 1, cy + gap) {
                    for nx in max(0, cx - gap)...min(columns - 1, cx + gap) {
                        let n = ny * columns + nx
                        if label[n] == 0, counts[n] >= minimumPixels {
                            label[n] = 1
                            stack.append(n)
                        }
                    }
                }
            }
            regions.append(tight(Region(x0: minX * cell, y0: minY * cell,
                                        x1: min(width, (maxX + 1) * cell), y1: min(height, (maxY + 1) * cell))))
        }
        return regions
    }

    /// The box shrunk to the red pixels inside it.
    func tight(_ region: Region) -> Region {
        var result = Region(x0: region.x1, y0: region.y1, x1: region.x0, y1: region.y0)
        for y in region.y0..<region.y1 {
            for x in region.x0..<region.x1 where bits[y * width + x] != 0 {
                result.x0 = min(result.x0, x); result.x1 = max(result.x1, x + 1)
                result.y0 = min(result.y0, y); result.y1 = max(result.y1, y + 1)
            }
        }
        return result.x0 < result.x1 ? result : region
    }

    func isRed(x: Int, y: Int) -> Bool { bits[y * width + x] != 0 }
}
