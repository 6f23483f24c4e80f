import CPoppler
import CDeferredLibraries
import ShenbaoModel
import ShenbaoSupport

/// A dark mark a page paints, in points with origin top-left (the glyphs' coordinates): the box a
/// stroke, a filled shape, a picture or a shading covers. A thin one is drawn as a line on the page,
/// whatever drew it.
struct PaintedMark: Sendable, Equatable {
    package var box: Box
}

/// What one page holds, read in one pass over its content without rendering: its glyphs (as
/// `GlyphExtractor` makes them from poppler's text) and the dark marks it paints.
struct PageContent {
    package var glyphs: [Glyph]
    package var marks: [PaintedMark]
    /// Whether the page may paint anything in a colour other than grey (annotations included); false only
    /// when everything it paints is a shade of grey.
    package var paintsColour = true

    /// The thickness a zero-width stroke is drawn with, in points (one device pixel at 144 dpi).
    static let hairline = 0.5
}

/// A PDF opened a second time, by poppler's core, to read each page's text and painted marks in one
/// pass (`CPopplerPages`). Used only while the `PopplerDocument` of the same file is open (that one
/// owns poppler's global parameters and silences its messages).
final class PageContentDocument {
    private let handle: OpaquePointer

    /// Opens the PDF at `path`; nil when poppler's core cannot open it.
    init?(path: String) {
        guard let handle = shenbao_pages_open(path) else { return nil }
        self.handle = handle
    }

    deinit { shenbao_pages_close(handle) }

    /// Page `index` (0-based); nil when poppler cannot read it.
    func page(_ index: Int) -> PageContent? {
        guard index >= 0, index < Int(Int32.max) else { return nil }
        var page = shenbao_page()
        page.colour = 1  // what a reader that does not tell leaves: the page is rendered for seals
        guard shenbao_page_read(handle, Int32(index), &page) != 0 else { return nil }
        defer { shenbao_page_free(&page) }
        let characters = UnsafeBufferPointer(start: page.chars, count: page.chars == nil ? 0 : page.char_count)
        let glyphs = GlyphExtractor.glyphs(characters.lazy.map { character in
            (Unicode.Scalar(character.scalar) ?? "\u{FFFD}",
             PopplerRectangle(x1: character.x1, y1: character.y1, x2: character.x2, y2: character.y2))
        })
        var marks: [PaintedMark] = []
        marks.reserveCapacity(page.mark_count)
        for mark in UnsafeBufferPointer(start: page.marks, count: page.marks == nil ? 0 : page.mark_count) {
            if mark.kind == SHENBAO_MARK_LINE {
                // A stroke covers half its width each side of its centre line; a hairline still inks a pixel.
                let half = max(mark.width, PageContent.hairline) / 2
                let horizontal = mark.y0 == mark.y1
                marks.append(PaintedMark(box: Box(x0: mark.x0 - (horizontal ? 0 : half), y0: mark.y0 - (horizontal ? half : 0),
                                                  x1: mark.x1 + (horizontal ? 0 : half), y1: mark.y1 + (horizontal ? half : 0))))
            } else {
                marks.append(PaintedMark(box: Box(x0: mark.x0, y0: mark.y0, x1: mark.x1, y1: mark.y1)))
            }
        }
        return PageContent(glyphs: glyphs, marks: marks, paintsColour: page.colour != 0)
    }
}
