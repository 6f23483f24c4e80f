#ifndef SHENBAO_PDFPAGES_H
#define SHENBAO_PDFPAGES_H
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a painted mark is: a straight stroked segment, a filled axis-aligned rectangle, or the
/// bounding box of any other dark paint (curves, slanted lines, images, shadings, patterns).
typedef enum {
    SHENBAO_MARK_LINE = 0,
    SHENBAO_MARK_BOX = 1,
    SHENBAO_MARK_AREA = 2,
} shenbao_mark_kind;

/// One dark mark painted on a page, in points with the origin at the page's top left, clipped to
/// the page and to the clip in force. A line runs from (x0, y0) to (x1, y1), horizontal or vertical,
/// and is `width` thick (its caps already applied); a box and an area span x0…x1, y0…y1.
typedef struct {
    double x0, y0, x1, y1;
    double width;
    shenbao_mark_kind kind;
} shenbao_mark;

/// One character of a page's text with its box, in points with the origin at the page's top left:
/// the characters and boxes poppler-glib's `poppler_page_get_text` and `poppler_page_get_text_layout`
/// give, in the same order, without the spaces and line ends between words.
typedef struct {
    uint32_t scalar;
    double x1, y1, x2, y2;
} shenbao_char;

/// What one page holds: its characters and its dark marks, and whether it may paint anything in a colour
/// other than grey. Release with `shenbao_page_free`.
typedef struct {
    shenbao_char *chars;
    size_t char_count;
    shenbao_mark *marks;
    size_t mark_count;
    /// 0 when everything the page paints (annotations included) is a shade of grey, else 1.
    int colour;
} shenbao_page;

/// A PDF opened by poppler's core.
typedef struct shenbao_pages_document shenbao_pages_document;

/// Opens the PDF at `path` (no password); NULL when poppler cannot open it.
/// Use only while a poppler-glib document is open (it owns poppler's global parameters and its
/// silent error handler).
shenbao_pages_document *shenbao_pages_open(const char *path);

/// Closes a document from `shenbao_pages_open`.
void shenbao_pages_close(shenbao_pages_document *document);

/// Interprets page `index` (0-based) once, without rendering: the text as poppler's text
/// extraction finds it (no annotations, as poppler-glib) and the dark marks painted along the way
/// (light paint such as white cell backgrounds ignored). Returns 0 when the page cannot be read.
int shenbao_page_read(shenbao_pages_document *document, int index, shenbao_page *page);

/// Releases what `shenbao_page_read` filled in.
void shenbao_page_free(shenbao_page *page);

#ifdef __cplusplus
}
#endif
#endif
