import CPoppler
import Foundation
import ShenbaoModel
import ShenbaoSupport

/// An 8-bit grey page image for OCR: one byte a pixel, 0 = black, 255 = white, rows top to bottom.
///
/// Made from the **red channel** of the colour page, not from luma: a red seal (印章) stamped over
/// the applicant's name is near-white in red (R ≈ 255) and vanishes, while black and blue ink stay
/// dark. In luma the seal hid the name completely; in red the name was read (platform notes).
///
/// For now this file renders PDF pages itself (poppler + cairo, **antialiased**, as a scanner would
/// see them); `PageRenderer` (Readers/PDF, for the seal detector) renders without antialiasing,
/// which suits ink regions, not glyphs. The two could share one renderer with an antialias switch.
public struct GreyImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height` bytes, row-major.
    public var pixels: [UInt8]
    /// Resolution of the image (pixels per inch); Tesseract uses it to judge character sizes.
    public var dpi: Int

    public init(width: Int, height: Int, pixels: [UInt8], dpi: Int) {
        precondition(pixels.count == width * height, "GreyImage: \(pixels.count) bytes for \(width)×\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.dpi = dpi
    }

    /// The part of the image inside `rect` (clipped to the image), for OCR of a region.
    public func cropped(to rect: PixelRect) -> GreyImage {
        let x0 = max(0, min(width, rect.x)), y0 = max(0, min(height, rect.y))
        let x1 = max(x0, min(width, rect.x + rect.width)), y1 = max(y0, min(height, rect.y + rect.height))
        var out = [UInt8](repeating: 255, count: (x1 - x0) * (y1 - y0))
        for row in y0..<y1 {
            let source = row * width + x0, target = (row - y0) * (x1 - x0)
            out[target..<(target + x1 - x0)] = pixels[source..<(source + x1 - x0)]
        }
        return GreyImage(width: x1 - x0, height: y1 - y0, pixels: out, dpi: dpi)
    }
}

/// A rectangle in image pixels, origin top-left.
public struct PixelRect: Sendable, Equatable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Rendering PDF pages (and reading scanner images) into `GreyImage`s for OCR.
public enum OCRPage {
    /// Resolution for the pages where names and codes are verified. On five test scans (150-dpi JPEG, 20 key
    /// values) 250 dpi read 20 within tolerance, 200 dpi 18, 300 dpi 18, 150 dpi 15.
    public static let verifyDPI = 250
    /// Resolution for a pass over the top of a page for its title (at 100 dpi 承诺书 was read 承诺节).
    public static let headingDPI = 150
    /// Pages larger than this many pixels are refused (a PDF can declare a page of 200 × 200 inches).
    static let maxPixels = 40_000_000

    /// Renders page `index` (0-based) of the PDF at `path` at `dpi`, as the red channel.
    public static func render(path: String, page index: Int, dpi: Int = verifyDPI) throws(ReadError) -> GreyImage {
        let document = try PopplerDocument(path: path)
        return try render(document, page: index, dpi: dpi)
    }

    /// Renders every page of the PDF at `path` whose 0-based index is in `pages` (all when nil).
    public static func renderPages(path: String, pages: Range<Int>? = nil, dpi: Int) throws(ReadError) -> [GreyImage] {
        let document = try PopplerDocument(path: path)
        let range = (pages ?? 0..<document.pageCount).clamped(to: 0..<document.pageCount)
        var images: [GreyImage] = []
        for index in range { images.append(try render(document, page: index, dpi: dpi)) }
        return images
    }

    package static func render(_ document: PopplerDocument, page index: Int, dpi: Int) throws(ReadError) -> GreyImage {
        guard (0..<document.pageCount).contains(index) else {
            throw ReadError.unreadable("PDF 没有第 \(index + 1) 页")
        }
        let result: GreyImage?? = document.withPage(index) { page -> GreyImage? in
            var widthPoints = 0.0, heightPoints = 0.0
            poppler_page_get_size(page, &widthPoints, &heightPoints)
            let scale = Double(max(1, dpi)) / 72
            let width = Int((widthPoints * scale).rounded(.up)), height = Int((heightPoints * scale).rounded(.up))
            guard width > 0, height > 0, width * height <= maxPixels else { return nil }
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else { return nil }
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            poppler_page_render(page, cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface))
            var pixels = [UInt8](repeating: 255, count: width * height)
            pixels.withUnsafeMutableBufferPointer { out in
                for row in 0..<height {
                    // RGB24 is one native-endian 32-bit xRGB word a pixel: bytes B G R x on little-endian.
                    let line = data + row * stride
                    for column in 0..<width { out[row * width + column] = line[column * 4 + redByte] }
                }
            }
            return GreyImage(width: width, height: height, pixels: pixels, dpi: dpi)
        }
        guard let rendered = result else { throw ReadError.damaged("PDF 第 \(index + 1) 页无法读取") }
        guard let image = rendered else {
            throw ReadError.limitExceeded("PDF 第 \(index + 1) 页尺寸异常，无法按 \(dpi) dpi 渲染")
        }
        return image
    }

    /// Offset of the red byte in a cairo RGB24 pixel.
    private static let redByte: Int = 1.littleEndian == 1 ? 2 : 1

    /// Reads a binary PPM (P6, 8-bit; what `pdftoppm` and many scanner tools write) or PGM (P5) image,
    /// keeping the red channel of a PPM.
    public static func readPNM(_ data: Data, dpi: Int) throws(ReadError) -> GreyImage {
        let bytes = [UInt8](data)
        var position = 0
        func token() -> String? {
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count, bytes[position] != 0x0A { position += 1 }
                } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
                    position += 1
                } else { break }
            }
            let start = position
            while position < bytes.count, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
            return start < position ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
        }
        guard let magic = token(), magic == "P6" || magic == "P5",
              let width = token().flatMap({ Int($0) }), let height = token().flatMap({ Int($0) }),
              let maxValue = token().flatMap({ Int($0) }), maxValue == 255,
              width > 0, height > 0, width * height <= maxPixels else {
            throw ReadError.notThisFormat("图像不是 8 位的 PPM/PGM 文件")
        }
        position += 1 // the single whitespace after the header
        let channels = magic == "P6" ? 3 : 1
        guard bytes.count - position >= width * height * channels else {
            throw ReadError.damaged("图像文件不完整")
        }
        var pixels = [UInt8](repeating: 255, count: width * height)
        for index in 0..<(width * height) { pixels[index] = bytes[position + index * channels] }
        return GreyImage(width: width, height: height, pixels: pixels, dpi: dpi)
    }
}
