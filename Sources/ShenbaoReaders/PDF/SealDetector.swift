import CPoppler
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Finds red seals (公章, 法人章) on every page of a PDF: stamped and scanned books, or text PDFs
/// with an electronic seal image.
///
/// Each page is rendered at `scale` (100 dpi) by `PageRenderer`; red-ink pixels (`RedInkMap`) have
/// long straight red runs (rules, underlines, heading bars) removed and are grouped into regions.
/// A region is a round seal when its box is 30–55 mm across at the page's scale with an aspect of at
/// most 1.25 (an oval up to 1.6), red ink on the ellipse inscribed in the box all round, and that
/// ring band clearly denser than the seal's inner zone (a block of red text fills both alike);
/// it is a square seal when it is 12–35 mm, square, and its four sides are red along their length.
/// Black or blue ink, red headings (too flat), small red logos and filled red discs do not count.
public enum SealDetector {
    /// Render resolution, pixels per point (100 dpi).
    package static let scale = 100.0 / 72
    /// Pages larger than this many pixels at `scale` are rendered smaller.
    static let maximumPixels = 6_000_000.0
    /// A page whose shorter side is longer than this (mm) is not paper at 72 points per inch: a scan
    /// wrapped at one point per pixel. Its shorter side is taken as A4's 210 mm.
    static let largestPaperSide = 500.0

    /// Round seals: mean diameter, and shorter side of an oval (mm).
    static let roundDiameter = 30.0...55.0
    static let ovalMinorMinimum = 22.0
    static let roundAspect = 1.25
    static let ovalAspect = 1.6
    /// Share of the 36 angular sectors that must have red ink on the ring band.
    static let minimumRingCoverage = 0.75
    /// The ring band must be this much denser in red than the inner zone.
    static let ringContrast = 1.5
    static let minimumRingDensity = 0.1
    /// Square seals: mean side (mm), and each side's red coverage.
    static let squareSide = 12.0...35.0
    static let minimumSideCoverage = 0.85
    /// Share of the box that is red: a ring with text, not a filled disc, not a wisp.
    package static let inkShare = 0.04...0.6
    /// Red runs at least this long (mm) are rules, not seal strokes.
    static let longRun = 40.0

    /// The seals on every page of the PDF at `path`, page by page, but for `greyPages` (from 1), which the
    /// PDF reader found paint nothing but greys (`Document.greyPages`): they are not rendered.
    /// Throws like `PDFReader.read` for files that cannot be opened or are over the limits.
    public static func seals(in path: String, greyPages: Set<Int> = []) throws(ReadError) -> [Seal] {
        try PDFBombCheck.check(path: path)
        let document = try PopplerDocument(path: path)
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw ReadError.damaged("PDF 文件没有任何页面，无法读取") }
        guard pageCount <= PDFReader.maxPages else {
            throw ReadError.limitExceeded("PDF 文件共 \(pageCount) 页，超过 \(PDFReader.maxPages) 页的上限，疑似恶意构造的文件；请只提交申报书本身")
        }
        var seals: [Seal] = []
        for index in 0..<pageCount where !greyPages.contains(index + 1) {
            seals += document.withPage(index) { page in self.seals(of: page, number: index + 1) } ?? []
        }
        return seals
    }

    /// The seals on one page.
    package static func seals(of page: OpaquePointer, number: Int) -> [Seal] {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return [] }
        let shorterMM = min(width, height) * 25.4 / 72
        let mmPerPoint = shorterMM > largestPaperSide ? 210 / min(width, height) : 25.4 / 72
        return PageRenderer.withImage(of: page, width: width, height: height, scale: scale,
                                      maximumPixels: maximumPixels) { image in
            seals(in: image, mmPerPoint: mmPerPoint, page: number)
        } ?? []
    }

    static func seals(in image: PageImage, mmPerPoint: Double, page: Int) -> [Seal] {
        let mmPerPixel = mmPerPoint / image.pixelsPerPoint
        guard mmPerPixel.isFinite, mmPerPixel > 0 else { return [] }
        var ink = RedInkMap(image)
        ink.clearLongRuns(minimumLength: Int(longRun / mmPerPixel))
        // Squares of about 0.75 mm, joined across gaps up to about 1.5 mm.
        let cell = max(1, Int((0.75 / mmPerPixel).rounded()))
        var seals: [Seal] = []
        for region in ink.regions(cell: cell, gap: 2, minimumPixels: cell > 1 ? 2 : 1) {
            guard let seal = classify(region, in: ink, mmPerPixel: mmPerPixel, pixelsPerPoint: image.pixelsPerPoint, page: page)
            else { continue }
            // A region inside a seal found already (its star) is part of it.
            if seals.contains(where: { $0.bounds.x <= seal.bounds.midX && seal.bounds.midX <= $0.bounds.x + $0.bounds.width
                && $0.bounds.y <= seal.bounds.midY && seal.bounds.midY <= $0.bounds.y + $0.bounds.height }) { continue }
            seals.append(seal)
        }
        return seals
    }

    /// Measures a region and returns it as a seal when it has the shape of one.
    static func classify(_ region: RedInkMap.Region, in ink: RedInkMap, mmPerPixel: Double,
                         pixelsPerPoint: Double, page: Int) -> Seal? {
        let pixelWidth = region.x1 - region.x0, pixelHeight = region.y1 - region.y0
        guard pixelWidth >= 4, pixelHeight >= 4 else { return nil }
        let widthMM = Double(pixelWidth) * mmPerPixel, heightMM = Double(pixelHeight) * mmPerPixel
        let meanMM = (widthMM + heightMM) / 2
        let aspect = max(widthMM, heightMM) / min(widthMM, heightMM)
        guard meanMM >= squareSide.lowerBound, meanMM <= roundDiameter.upperBound * 1.2, aspect <= ovalAspect else { return nil }

        var red = 0
        for y in region.y0..<region.y1 {
            for x in region.x0..<region.x1 where ink.isRed(x: x, y: y) { red += 1 }
        }
        let share = Double(red) / Double(pixelWidth * pixelHeight)
        guard inkShare.contains(share) else { return nil }

        func seal(_ kind: Seal.Kind, coverage: Double, confidence: Double) -> Seal {
            let points = Seal.Rect(x: Double(region.x0) / pixelsPerPoint, y: Double(region.y0) / pixelsPerPoint,
                                   width: Double(pixelWidth) / pixelsPerPoint, height: Double(pixelHeight) / pixelsPerPoint)
            let millimetres = Seal.Rect(x: Double(region.x0) * mmPerPixel, y: Double(region.y0) * mmPerPixel,
                                        width: widthMM, height: heightMM)
            return Seal(page: page, kind: kind, bounds: points, boundsMM: millimetres, diameterMM: meanMM,
                        outlineCoverage: coverage, inkShare: share, confidence: min(1, max(0, confidence)))
        }

        if aspect <= roundAspect, squareSide.contains(meanMM) {
            let sides = sideCoverage(region, in: ink)
            if sides.min() ?? 0 >= minimumSideCoverage {
                let mean = sides.reduce(0, +) / 4
                return seal(.square, coverage: mean, confidence: 0.6 * mean + 0.4 * (2 - aspect))
            }
        }
        let isRound = aspect <= roundAspect && roundDiameter.contains(meanMM)
        let isOval = aspect > roundAspect && max(widthMM, heightMM) >= 35 && max(widthMM, heightMM) <= roundDiameter.upperBound
            && min(widthMM, heightMM) >= ovalMinorMinimum
        guard isRound || isOval else { return nil }
        let ring = ringFeatures(region, in: ink)
        guard ring.coverage >= minimumRingCoverage, ring.band >= minimumRingDensity,
              ring.band >= ringContrast * ring.inner else { return nil }
        let contrast = ring.inner > 0 ? min(1, ring.band / ring.inner / 4) : 1
        return seal(.round, coverage: ring.coverage,
                    confidence: 0.5 * ring.coverage + 0.3 * contrast + 0.2 * (1 - min(1, abs(aspect - 1))))
    }

    /// For the ellipse inscribed in the region's box: the share of 36 angular sectors with red ink in
    /// the ring band (0.82–1.02 of the radius), the red density of that band, and of the inner zone
    /// between the star and the text (0.35–0.6).
    static func ringFeatures(_ region: RedInkMap.Region, in ink: RedInkMap) -> (coverage: Double, band: Double, inner: Double) {
        let a = Double(region.x1 - region.x0) / 2, b = Double(region.y1 - region.y0) / 2
        let cx = Double(region.x0) + a, cy = Double(region.y0) + b
        var sectors = [Int](repeating: 0, count: 36)
        var bandRed = 0, bandAll = 0, innerRed = 0, innerAll = 0
        for y in region.y0..<region.y1 {
            let dy = (Double(y) + 0.5 - cy) / b
            for x in region.x0..<region.x1 {
                let dx = (Double(x) + 0.5 - cx) / a
                let rho = (dx * dx + dy * dy).squareRoot()
                let red = ink.isRed(x: x, y: y)
                if rho >= 0.82, rho <= 1.02 {
                    bandAll += 1
                    if red {
                        bandRed += 1
                        let angle = atan2(dy, dx) + .pi
                        sectors[min(35, Int(angle / (2 * .pi) * 36))] += 1
                    }
                } else if rho >= 0.35, rho <= 0.6 {
                    innerAll += 1
                    if red { innerRed += 1 }
                }
            }
        }
        let covered = sectors.filter { $0 >= 2 }.count
        return (Double(covered) / 36, bandAll > 0 ? Double(bandRed) / Double(bandAll) : 0,
                innerAll > 0 ? Double(innerRed) / Double(innerAll) : 0)
    }

    /// For each side of the region's box (top, bottom, left, right), the share of its length with
    /// red ink within the outer tenth of the box.
    static func sideCoverage(_ region: RedInkMap.Region, in ink: RedInkMap) -> [Double] {
        let width = region.x1 - region.x0, height = region.y1 - region.y0
        let bandX = max(2, width / 10), bandY = max(2, height / 10)
        func rows(_ y0: Int, _ y1: Int) -> Double {
            var hit = 0
            for x in region.x0..<region.x1 where (y0..<y1).contains(where: { ink.isRed(x: x, y: $0) }) { hit += 1 }
            return Double(hit) / Double(width)
        }
        func columns(_ x0: Int, _ x1: Int) -> Double {
            var hit = 0
            for y in region.y0..<region.y1 where (x0..<x1).contains(where: { ink.isRed(x: $0, y: y) }) { hit += 1 }
            return Double(hit) / Double(height)
        }
        return [rows(region.y0, region.y0 + bandY), rows(region.y1 - bandY, region.y1),
                columns(region.x0, region.x0 + bandX), columns(region.x1 - bandX, region.x1)]
    }
}
