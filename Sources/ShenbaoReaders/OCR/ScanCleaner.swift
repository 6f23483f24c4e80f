import ShenbaoModel
import ShenbaoSupport

/// Prepares a scanned page for OCR: ink told from paper, dust specks and table rules taken away.
///
/// Tesseract's layout analysis is thrown by both: on a 150-dpi scan with scanner specks it read
/// 「申拔单位 可多作&的有限司」 for 「申报单位 宜昌融智软件股份有限公司」, and table borders glued label cells
/// to their values (「| 统一社 | 9 1了7」). With specks and rules removed, the same pages read the company
/// name, the 统一社会信用代码 and the address of the first table exactly (measured with Tesseract 5.3,
/// chi_sim, on Ghostscript-made scans: JPEG 70, ±1°, 3000 specks).
enum ScanCleaner {
    /// Ink components this small (in pixels at 150 dpi; scaled by the square of the resolution) and alone
    /// are specks.
    static let speckArea150 = 6
    /// Straight runs of ink at least this long (inches) are rules: longer than any stroke of a 22-pt character.
    static let ruleLengthInches = 0.37

    /// A black-on-white copy of `image` with specks and long horizontal and vertical rules removed.
    package static func cleaned(_ image: GreyImage) -> GreyImage {
        let width = image.width, height = image.height
        guard width > 2, height > 2 else { return image }
        let threshold = inkThreshold(image.pixels)
        var ink = image.pixels.map { $0 < threshold }
        removeSpecks(&ink, width: width, height: height,
                     maxArea: max(2, speckArea150 * image.dpi * image.dpi / (150 * 150)), gap: max(2, image.dpi / 40))
        let length = max(20, Int(ruleLengthInches * Double(image.dpi)))
        let rules = ruleMask(ink, width: width, height: height, minLength: length, horizontal: true)
        let columns = ruleMask(ink, width: width, height: height, minLength: length, horizontal: false)
        var pixels = [UInt8](repeating: 255, count: width * height)
        for index in pixels.indices where ink[index] && !rules[index] && !columns[index] { pixels[index] = 0 }
        return GreyImage(width: width, height: height, pixels: pixels, dpi: image.dpi)
    }

    /// Otsu's threshold of the grey levels, kept between 96 and 200 (a blank page has no second mode).
    static func inkThreshold(_ pixels: [UInt8]) -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        for value in pixels { histogram[Int(value)] += 1 }
        let total = Double(pixels.count)
        let sum = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var background = 0.0, backgroundSum = 0.0, best = 0.0, threshold = 160
        for level in 0..<256 {
            background += Double(histogram[level])
            guard background > 0, background < total else { continue }
            backgroundSum += Double(level * histogram[level])
            let meanDark = backgroundSum / background, meanLight = (sum - backgroundSum) / (total - background)
            let between = background * (total - background) * (meanDark - meanLight) * (meanDark - meanLight)
            if between > best { best = between; threshold = level + 1 }
        }
        return UInt8(min(200, max(96, threshold)))
    }

    /// Clears 8-connected ink components of at most `maxArea` pixels that stand alone: no other ink within
    /// `gap` pixels. The dot of 宜 or 市 is as small as a speck but sits close to its character (removing
    /// it made 宜昌市 read 二昌); dust lies apart.
    static func removeSpecks(_ ink: inout [Bool], width: Int, height: Int, maxArea: Int, gap: Int) {
        var label = [Int32](repeating: 0, count: ink.count)
        var stack: [Int] = [], component: [Int] = []
        var next: Int32 = 0
        for start in ink.indices where ink[start] && label[start] == 0 {
            next += 1
            stack.append(start)
            label[start] = next
            component.removeAll(keepingCapacity: true)
            while let index = stack.popLast() {
                component.append(index)
                let x = index % width, y = index / width
                for row in max(0, y - 1)...min(height - 1, y + 1) {
                    for column in max(0, x - 1)...min(width - 1, x + 1) {
                        let neighbour = row * width + column
                        if ink[neighbour] && label[neighbour] == 0 { label[neighbour] = next; stack.append(neighbour) }
                    }
                }
            }
            guard component.count <= maxArea else { continue }
            let xs = component.map { $0 % width }, ys = component.map { $0 / width }
            let left = max(0, xs.min()! - gap), right = min(width - 1, xs.max()! + gap)
            let top = max(0, ys.min()! - gap), bottom = min(height - 1, ys.max()! + gap)
            var alone = true
            search: for row in top...bottom {
                for column in left...right where ink[row * width + column] && label[row * width + column] != next {
                    alone = false
                    break search
                }
            }
            if alone { for index in component { ink[index] = false } }
        }
    }

    /// The pixels of straight runs at least `minLength` long. A run is followed through a band three
    /// pixels thick, so a rule drawn at a slight angle (a scan turned by 1°) is still one run; the band is cleared.
    static func ruleMask(_ ink: [Bool], width: Int, height: Int, minLength: Int, horizontal: Bool) -> [Bool] {
        var mask = [Bool](repeating: false, count: ink.count)
        let lines = horizontal ? height : width, along = horizontal ? width : height
        func index(_ line: Int, _ position: Int) -> Int { horizontal ? line * width + position : position * width + line }
        func banded(_ line: Int, _ position: Int) -> Bool {
            for offset in -1...1 where line + offset >= 0 && line + offset < lines {
                if ink[index(line + offset, position)] { return true }
            }
            return false
        }
        for line in 0..<lines {
            var start = -1
            for position in 0...along {
                let on = position < along && banded(line, position)
                if on, start < 0 { start = position }
                if !on, start >= 0 {
                    if position - start >= minLength {
                        for offset in -1...1 where line + offset >= 0 && line + offset < lines {
                            for p in start..<position { mask[index(line + offset, p)] = true }
                        }
                    }
                    start = -1
                }
            }
        }
        return mask
    }
}
