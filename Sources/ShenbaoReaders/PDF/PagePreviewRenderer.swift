import CPoppler
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Renders PDF pages for a person to look at: about 900 pixels wide, antialiased, as PNG (cairo), with a
/// blue 3-pixel frame around each seal `SealDetector` finds on the page (seals are red, so blue stands out).
/// Opens files with the same limits as `PDFReader` and `SealDetector`; never traps on a broken file.
public enum PagePreviewRenderer {
    /// Width of a rendered page in pixels (a landscape page is as wide; a tall one is capped by `maximumPixels`).
    public static let width = 900.0
    /// Pages are rendered smaller rather than larger than this many pixels.
    static let maximumPixels = 4_000_000.0
    /// The frame around a seal: colour (red, green, blue in 0–1), line width and gap to the seal's ink, in pixels.
    static let frameColour = (0.0, 0.3, 1.0)
    static let frameWidth = 3.0
    static let frameGap = 4.0

    /// The page count of the PDF at `path`, the sizes of its first `pages` pages and which of those carry a seal.
    public static func outline(path: String, pages: Int) throws(ReadError) -> Preview.Outline {
        let document = try open(path)
        var sizes: [Preview.Size] = []
        var sealPages: [Int] = []
        for index in 0..<min(pages, document.pageCount) {
            let found = document.withPage(index) { page -> (Preview.Size, Bool) in
                var width = 0.0, height = 0.0
                poppler_page_get_size(page, &width, &height)
                return (Preview.Size(width: width, height: height), !SealDetector.seals(of: page, number: index + 1).isEmpty)
            }
            guard let found else { break }
            sizes.append(found.0)
            if found.1 { sealPages.append(index + 1) }
        }
        return Preview.Outline(pageCount: document.pageCount, pageSizes: sizes, sealPages: sealPages)
    }

    /// Page `number` (1-based) of the PDF at `path` as a PNG with its seals outlined.
    /// Throws a `ReadError` with a Chinese message for a page that does not exist or will not render.
    public static func page(_ number: Int, path: String) throws(ReadError) -> Preview.Page {
        let document = try open(path)
        guard number >= 1, number <= document.pageCount else {
            throw ReadError.unreadable("该 PDF 共 \(document.pageCount) 页，没有第 \(number) 页")
        }
        let rendered = document.withPage(number - 1) { page in render(page, number: number, pageCount: document.pageCount) }
        guard let rendered = rendered ?? nil else { throw ReadError.damaged("第 \(number) 页无法显示，文件可能已损坏") }
        return rendered
    }

    /// Opens the PDF with the readers' limits (decompression bombs, page count).
    private static func open(_ path: String) throws(ReadError) -> PopplerDocument {
        try PDFBombCheck.check(path: path)
        let document = try PopplerDocument(path: path)
        guard document.pageCount > 0 else { throw ReadError.damaged("PDF 文件没有任何页面，无法显示") }
        guard document.pageCount <= PDFReader.maxPages else {
            throw ReadError.limitExceeded("PDF 文件共 \(document.pageCount) 页，超过 \(PDFReader.maxPages) 页的上限，疑似恶意构造的文件，不予显示")
        }
        return document
    }

    private static func render(_ page: OpaquePointer, number: Int, pageCount: Int) -> Preview.Page? {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return nil }
        let seals = SealDetector.seals(of: page, number: number)
        let scale = min(Self.width / width, (maximumPixels / (width * height)).squareRoot())
        let pixelWidth = Int((width * scale).rounded()), pixelHeight = Int((height * scale).rounded())
        guard pixelWidth > 0, pixelHeight > 0,
              let surface = shenbao_render_page(page, Int32(pixelWidth), Int32(pixelHeight), scale, 1) else { return nil }
        defer { cairo_surface_destroy(surface) }
        let boxes = seals.map { seal in
            Preview.SealBox(kind: seal.kind, x: Int((seal.bounds.x * scale).rounded()), y: Int((seal.bounds.y * scale).rounded()),
                            width: Int((seal.bounds.width * scale).rounded()), height: Int((seal.bounds.height * scale).rounded()),
                            centreMM: [seal.centreMM.x, seal.centreMM.y], diameterMM: seal.diameterMM)
        }
        frame(boxes, on: surface, width: pixelWidth, height: pixelHeight)
        var length = 0
        guard let bytes = shenbao_surface_png(surface, &length) else { return nil }
        defer { g_free(bytes) }
        return Preview.Page(number: number, pageCount: pageCount, png: Data(bytes: bytes, count: length),
                            width: pixelWidth, height: pixelHeight, seals: boxes)
    }

    /// Draws a crisp frame a little outside each box, kept inside the image.
    private static func frame(_ boxes: [Preview.SealBox], on surface: OpaquePointer, width: Int, height: Int) {
        guard !boxes.isEmpty, let cr = cairo_create(surface) else { return }
        defer { cairo_destroy(cr) }
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        cairo_set_source_rgb(cr, frameColour.0, frameColour.1, frameColour.2)
        cairo_set_line_width(cr, frameWidth)
        let inset = frameWidth / 2
        for box in boxes {
            let x0 = max(inset, Double(box.x) - frameGap - inset), y0 = max(inset, Double(box.y) - frameGap - inset)
            let x1 = min(Double(width) - inset, Double(box.x + box.width) + frameGap + inset)
            let y1 = min(Double(height) - inset, Double(box.y + box.height) + frameGap + inset)
            guard x1 > x0, y1 > y0 else { continue }
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
            cairo_stroke(cr)
        }
        cairo_surface_flush(surface)
    }
}
