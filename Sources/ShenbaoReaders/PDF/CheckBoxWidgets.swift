import CPoppler
import ShenbaoModel
import ShenbaoSupport

/// Reads a page's form check boxes as glyphs.
///
/// LibreOffice exports Word's legacy form-field check boxes (and some content controls) as AcroForm
/// check-box widgets, not as text: the page text then holds only the option labels
/// (`国家机关 事业单位 …`) and nothing tells which is chosen. Each check box becomes a synthetic
/// ☑ (checked) or ☐ (unchecked) glyph with the widget's box, so it lands in its cell right before
/// its option, where a printed box would be.
enum CheckBoxWidgets {
    package static let checked: Unicode.Scalar = "☑"
    package static let unchecked: Unicode.Scalar = "☐"

    /// The check boxes of a page as glyphs, in points with origin top-left.
    /// - Parameter height: the page height in points (widget areas have their origin bottom-left).
    package static func glyphs(of page: OpaquePointer, height: Double) -> [Glyph] {
        guard height.isFinite, let mappings = poppler_page_get_form_field_mapping(page) else { return [] }
        defer { poppler_page_free_form_field_mapping(mappings) }
        var glyphs: [Glyph] = []
        var node: UnsafeMutablePointer<GList>? = mappings
        while let current = node {
            node = current.pointee.next
            guard let mapping = current.pointee.data?.assumingMemoryBound(to: PopplerFormFieldMapping.self).pointee,
                  let field = mapping.field,
                  poppler_form_field_get_field_type(field) == POPPLER_FORM_FIELD_BUTTON,
                  poppler_form_field_button_get_button_type(field) == POPPLER_FORM_BUTTON_CHECK
            else { continue }
            let area = mapping.area
            let flipped = PopplerRectangle(x1: area.x1, y1: height - area.y1, x2: area.x2, y2: height - area.y2)
            guard let box = GlyphExtractor.sanitized(flipped) else { continue }
            let scalar = poppler_form_field_button_get_state(field) != 0 ? checked : unchecked
            glyphs.append(Glyph(scalar: scalar, box: box))
        }
        return glyphs
    }
}
