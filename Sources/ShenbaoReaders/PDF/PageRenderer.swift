import CPoppler
import ShenbaoModel
import ShenbaoSupport

/// A page rendered by poppler into an RGB24 cairo image: xRGB words, little-endian (B G R x per
/// pixel), white background, no antialiasing. Valid only inside `PageRenderer.withImage`.
struct PageImage {
    package let pixels: UnsafeMutablePointer<UInt8>
    package let stride: Int
    package let width: Int
    package let height: Int
    let pixelsPerPoint: Double
}

/// Renders pages with poppler + cairo for the detector that looks at ink (`SealDetector`), and
/// releases the image afterwards. Table rules are read from the page's paths instead (`RuleDetector`).
enum PageRenderer {
    /// Renders `page` (`width` × `height` points) at `scale` pixels per point, or smaller when that
    /// would exceed `maximumPixels`, and runs `body` on the image. Nil when the page size is unusable
    /// or the surface cannot be made.
    static func withImage<T>(of page: OpaquePointer, width: Double, height: Double, scale: Double,
                             maximumPixels: Double, _ body: (PageImage) -> T) -> T? {
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return nil }
        let pixelsPerPoint = min(scale, (maximumPixels / (width * height)).squareRoot())
        let pixelWidth = Int((width * pixelsPerPoint).rounded(.up))
        let pixelHeight = Int((height * pixelsPerPoint).rounded(.up))
        guard pixelWidth > 0, pixelHeight > 0, pixelWidth < Int(Int32.max), pixelHeight < Int(Int32.max),
              let surface = shenbao_render_page(page, Int32(pixelWidth), Int32(pixelHeight), pixelsPerPoint, 0)
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let image = PageImage(pixels: data, stride: Int(cairo_image_surface_get_stride(surface)),
                              width: pixelWidth, height: pixelHeight, pixelsPerPoint: pixelsPerPoint)
        return body(image)
    }
}
