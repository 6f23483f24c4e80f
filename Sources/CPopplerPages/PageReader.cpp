// Reads a page in one pass of poppler's interpreter over its content, with no rasterising: the
// text as poppler-glib extracts it (TextOutputDev, same settings), and the dark marks painted along
// the way — stroked segments, filled rectangles, other paint as bounding boxes — from which the
// table-rule detector takes rules.
#include "ShenbaoPDFPages.h"

#include <Annot.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <Gfx.h>
#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>
#include <Stream.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

struct shenbao_pages_document {
    /// The file's bytes when it was read whole, which the document's stream reads; declared first so
    /// that they outlive the document.
    std::vector<char> bytes;
    std::unique_ptr<PDFDoc> doc;
};

namespace {

/// A colour lighter than this luma (0–1, weights 0.299/0.587/0.114) is paper, not ink: the same
/// threshold the page-rendering rule detector used (170 of 255).
constexpr double darkLuma = 170.0 / 255.0;

/// More marks than this on one page is a drawing or hatching, not a form: the rest are dropped.
constexpr size_t maximumMarks = 200000;

/// A picture at most this many points wide and high, of at most `smallImagePixels` pixels, is read
/// for its ink (a check box drawn as an image); a larger one is a mark as a whole.
constexpr double smallImageSide = 32;
constexpr long smallImagePixels = 250000;
/// A small picture's vertical strokes shorter than this (points) are not recorded on their own.
constexpr double shortestColumnRun = 4;

bool isDark(const GfxRGB &rgb) {
    const double luma = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
    return luma < darkLuma;
}

/// A colour whose channels differ by at most this (0–1) is grey. Painted with normal blending, such colours
/// mix into pixels no further from grey, and red ink (`RedInkMap`: red at least 40 of 255 above green and
/// blue) is far from it.
constexpr double greyTolerance = 2.0 / 255;

bool isGrey(const GfxRGB &rgb) {
    const double r = colToDbl(rgb.r), g = colToDbl(rgb.g), b = colToDbl(rgb.b);
    return std::max({ r, g, b }) - std::min({ r, g, b }) <= greyTolerance;
}

/// Whether an image's pixels are shades of grey whatever they hold: a grey colour space of one component
/// (a palette or a spot colour of one component may be red).
bool isGreyImage(GfxImageColorMap *colorMap) {
    if (colorMap == nullptr || colorMap->getNumPixelComps() != 1) return false;
    GfxColorSpace *space = colorMap->getColorSpace();
    if (space == nullptr) return false;
    switch (space->getMode()) {
    case csDeviceGray:
    case csCalGray:
        return true;
    case csICCBased:
        return space->getNComps() == 1;
    default:
        return false;
    }
}

/// poppler-glib's text extraction (physical layout, no fixed pitch, not raw order) that also
/// records marks. Non-text content is asked for (images, shadings, patterns are marks), but
/// shadings and tiling patterns are taken whole: no pattern cell is interpreted, so no text is
/// added that poppler-glib's extraction would not find.
class PageReader : public TextOutputDev {
public:
    PageReader(double pageWidth, double pageHeight) : TextOutputDev(nullptr, true, 0, false, false), width(pageWidth), height(pageHeight) { }

    std::vector<shenbao_mark> marks;
    /// Whether anything on the page may be painted in a colour other than grey: a fill, stroke or text
    /// colour that is not grey, a picture not in a grey colour space, a shading, a tiling pattern, a Type 3
    /// glyph (its own paint is not interpreted here), a blend mode other than normal or a transfer function.
    /// A page without any of these renders in greys only, and cannot show a red seal.
    bool colour = false;

    bool needNonText() override { return true; }
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }

    void stroke(GfxState *state) override {
        TextOutputDev::stroke(state);
        strokeColour(state);
        strokeMarks(state);
    }

    void fill(GfxState *state) override {
        TextOutputDev::fill(state);
        fillColour(state);
        filled(state);
    }
    void eoFill(GfxState *state) override {
        TextOutputDev::eoFill(state);
        fillColour(state);
        filled(state);
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes,
                  const Unicode *u, int uLen) override {
        TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
        const GfxFont *font = state->getFont().get();
        if (font != nullptr && font->getType() == fontType3) colour = true;
        // Render modes 0–2 and 4–6 fill, stroke or both; 3 and 7 paint nothing.
        const int mode = state->getRender() & 3;
        if (mode == 0 || mode == 2) fillColour(state);
        if (mode == 1 || mode == 2) strokeColour(state);
    }

    void updateBlendMode(GfxState *state) override {
        if (state->getBlendMode() != gfxBlendNormal) colour = true;
    }
    void updateTransfer(GfxState *state) override {
        for (int i = 0; i < 4; ++i) colour = colour || state->getTransfer()[i] != nullptr;
    }

    bool tilingPatternFill(GfxState *state, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int, double, double) override {
        colour = true;
        clipArea(state);
        return true;
    }
    bool functionShadedFill(GfxState *state, GfxFunctionShading *) override { return shaded(state); }
    bool axialShadedFill(GfxState *state, GfxAxialShading *, double, double) override { return shaded(state); }
    bool axialShadedSupportExtend(GfxState *, GfxAxialShading *) override { return true; }
    bool radialShadedFill(GfxState *state, GfxRadialShading *, double, double) override { return shaded(state); }
    bool radialShadedSupportExtend(GfxState *, GfxRadialShading *) override { return true; }
    bool gouraudTriangleShadedFill(GfxState *state, GfxGouraudTriangleShading *) override { return shaded(state); }
    bool patchMeshShadedFill(GfxState *state, GfxPatchMeshShading *) override { return shaded(state); }

    void drawImageMask(GfxState *state, Object *ref, Stream *str, int w, int h, bool invert, bool interpolate, bool inlineImg) override {
        fillColour(state);
        image(state);
        OutputDev::drawImageMask(state, ref, str, w, h, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int w, int h, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override {
        colour = colour || !isGreyImage(colorMap);
        // An inline image's data sits in the content stream, which OutputDev reads past once.
        if (inlineImg || !smallImageInk(state, str, w, h, colorMap, nullptr, 0, 0, nullptr)) image(state);
        OutputDev::drawImage(state, ref, str, w, h, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object *, Stream *, int, int, GfxImageColorMap *colorMap, bool, Stream *, int, int, bool, bool) override {
        colour = colour || !isGreyImage(colorMap);
        image(state);
    }
    void drawSoftMaskedImage(GfxState *state, Object *, Stream *str, int w, int h, GfxImageColorMap *colorMap, bool, Stream *maskStr, int maskW, int maskH,
                             GfxImageColorMap *maskColorMap, bool) override {
        colour = colour || !isGreyImage(colorMap);
        if (!smallImageInk(state, str, w, h, colorMap, maskStr, maskW, maskH, maskColorMap)) image(state);
    }

private:
    double width, height;

    /// Notes a fill that is not grey (a pattern fill included: its paint is not the fill colour).
    void fillColour(GfxState *state) {
        if (colour) return;
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        colour = state->getFillColorSpace()->getMode() == csPattern || !isGrey(rgb);
    }

    void strokeColour(GfxState *state) {
        if (colour) return;
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        colour = state->getStrokeColorSpace()->getMode() == csPattern || !isGrey(rgb);
    }

    /// A shading is taken as colour whatever its colours (shadings are rare in forms), and as one mark.
    bool shaded(GfxState *state) {
        colour = true;
        clipArea(state);
        return true;
    }

    void strokeMarks(GfxState *state) {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (!isDark(rgb)) return;
        const GfxPath *path = state->getPath();
        const double lineWidth = std::max(state->getTransformedLineWidth(), 0.0);
        double dashStart = 0;
        const std::vector<double> &dash = state->getLineDash(&dashStart);
        const double dashScale = state->transformWidth(1.0);
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            const int n = sub->getNumPoints();
            bool curved = false;
            for (int i = 0; i < n; ++i) curved = curved || sub->getCurve(i);
            if (curved) {
                area(state, sub, lineWidth);
                continue;
            }
            for (int i = 0; i + 1 < n; ++i) {
                segment(state, sub->getX(i), sub->getY(i), sub->getX(i + 1), sub->getY(i + 1), lineWidth, dash, dashStart, dashScale);
            }
            if (sub->isClosed() && n > 2) {
                segment(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0), lineWidth, dash, dashStart, dashScale);
            }
        }
    }

    void add(double x0, double y0, double x1, double y1, double lineWidth, shenbao_mark_kind kind) {
        if (marks.size() >= maximumMarks) return;
        if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(lineWidth)) return;
        marks.push_back(shenbao_mark { x0, y0, x1, y1, lineWidth, kind });
    }

    /// The clip in force, intersected with the page, in device points.
    void clipBox(GfxState *state, double *xMin, double *yMin, double *xMax, double *yMax) const {
        state->getClipBBox(xMin, yMin, xMax, yMax);
        *xMin = std::max(*xMin, 0.0);
        *yMin = std::max(*yMin, 0.0);
        *xMax = std::min(*xMax, width);
        *yMax = std::min(*yMax, height);
    }

    /// Adds a box or area clipped to the clip and the page; nothing when none of it is visible.
    void clippedBox(GfxState *state, double x0, double y0, double x1, double y1, shenbao_mark_kind kind) {
        double cx0, cy0, cx1, cy1;
        clipBox(state, &cx0, &cy0, &cx1, &cy1);
        x0 = std::max(x0, cx0), y0 = std::max(y0, cy0), x1 = std::min(x1, cx1), y1 = std::min(y1, cy1);
        if (x0 < x1 && y0 < y1) add(x0, y0, x1, y1, 0, kind);
    }

    void clipArea(GfxState *state) {
        double x0, y0, x1, y1;
        clipBox(state, &x0, &y0, &x1, &y1);
        if (x0 < x1 && y0 < y1) add(x0, y0, x1, y1, 0, SHENBAO_MARK_AREA);
    }

    /// The device bounding box of a subpath (control points included), widened by `grow` each side.
    void area(GfxState *state, const GfxSubpath *sub, double grow) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        for (int i = 0; i < sub->getNumPoints(); ++i) {
            double x, y;
            state->transform(sub->getX(i), sub->getY(i), &x, &y);
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
        clippedBox(state, x0 - grow / 2, y0 - grow / 2, x1 + grow / 2, y1 + grow / 2, SHENBAO_MARK_AREA);
    }

    /// The dark pixels of an image, row by row (top first); empty when it cannot be read.
    static std::vector<bool> darkPixels(Stream *str, int w, int h, GfxImageColorMap *colorMap) {
        std::vector<bool> dark(static_cast<size_t>(w) * h);
        ImageStream pixels(str, w, colorMap->getNumPixelComps(), colorMap->getBits());
        pixels.reset();
        for (int y = 0; y < h; ++y) {
            unsigned char *line = pixels.getLine();
            if (line == nullptr) {
                dark.clear();
                break;
            }
            for (int x = 0; x < w; ++x) {
                GfxRGB rgb;
                colorMap->getRGB(line + x * colorMap->getNumPixelComps(), &rgb);
                dark[static_cast<size_t>(y) * w + x] = isDark(rgb);
            }
        }
        pixels.close();
        return dark;
    }

    /// A small picture, axis-aligned on the page, as the ink it shows: each pixel row's dark runs and
    /// each column's long dark runs become boxes, so a check box drawn as an image has edges as a
    /// drawn one has. Pixels its soft mask leaves mostly transparent are paper. False, with nothing
    /// recorded, for a larger, rotated or unreadable picture.
    bool smallImageInk(GfxState *state, Stream *str, int w, int h, GfxImageColorMap *colorMap, Stream *maskStr, int maskW, int maskH,
                       GfxImageColorMap *maskColorMap) {
        const double *ctm = state->getCTM();
        // Axis-aligned, not flat, small (a NaN fails every comparison).
        const bool small = ctm[1] == 0 && ctm[2] == 0 && std::fabs(ctm[0]) > 0 && std::fabs(ctm[0]) <= smallImageSide
            && std::fabs(ctm[3]) > 0 && std::fabs(ctm[3]) <= smallImageSide;
        if (!small) return false;
        if (colorMap == nullptr || !colorMap->isOk() || w <= 0 || h <= 0 || static_cast<long>(w) * h > smallImagePixels) return false;
        std::vector<bool> dark = darkPixels(str, w, h, colorMap);
        if (dark.empty()) return false;
        if (maskStr != nullptr) {
            if (maskColorMap == nullptr || !maskColorMap->isOk() || maskW <= 0 || maskH <= 0 || static_cast<long>(maskW) * maskH > smallImagePixels) return false;
            ImageStream alpha(maskStr, maskW, maskColorMap->getNumPixelComps(), maskColorMap->getBits());
            alpha.reset();
            std::vector<bool> opaque(static_cast<size_t>(maskW) * maskH);
            for (int y = 0; y < maskH; ++y) {
                unsigned char *line = alpha.getLine();
                if (line == nullptr) break;
                for (int x = 0; x < maskW; ++x) {
                    GfxGray gray;
                    maskColorMap->getGray(line + x * maskColorMap->getNumPixelComps(), &gray);
                    opaque[static_cast<size_t>(y) * maskW + x] = colToDbl(gray) >= 0.5;
                }
            }
            alpha.close();
            for (int y = 0; y < h; ++y) {
                for (int x = 0; x < w; ++x) {
                    const size_t at = static_cast<size_t>(y) * w + x;
                    dark[at] = dark[at] && opaque[static_cast<size_t>(static_cast<long>(y) * maskH / h) * maskW + static_cast<long>(x) * maskW / w];
                }
            }
        }
        // Image space: the unit square, its first row at the top (v = 1).
        auto record = [&](double u0, double v0, double u1, double v1) {
            double x0, y0, x1, y1;
            state->transform(u0, v0, &x0, &y0);
            state->transform(u1, v1, &x1, &y1);
            clippedBox(state, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), SHENBAO_MARK_BOX);
        };
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w;) {
                if (!dark[static_cast<size_t>(y) * w + x]) { ++x; continue; }
                int end = x;
                while (end < w && dark[static_cast<size_t>(y) * w + end]) ++end;
                record(double(x) / w, 1 - double(y) / h, double(end) / w, 1 - double(y + 1) / h);
                x = end;
            }
        }
        const int shortest = std::max(2, static_cast<int>(std::ceil(shortestColumnRun / std::fabs(ctm[3]) * h)));
        for (int x = 0; x < w; ++x) {
            for (int y = 0; y < h;) {
                if (!dark[static_cast<size_t>(y) * w + x]) { ++y; continue; }
                int end = y;
                while (end < h && dark[static_cast<size_t>(end) * w + x]) ++end;
                if (end - y >= shortest) record(double(x) / w, 1 - double(y) / h, double(x + 1) / w, 1 - double(end) / h);
                y = end;
            }
        }
        return true;
    }

    void image(GfxState *state) {
        double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
        const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };
        for (const auto &corner : corners) {
            double x, y;
            state->transform(corner[0], corner[1], &x, &y);
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        }
        clippedBox(state, x0, y0, x1, y1, SHENBAO_MARK_AREA);
    }

    /// A filled path: each subpath that is an axis-aligned rectangle becomes a box, any other an area.
    void filled(GfxState *state) {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (!isDark(rgb)) return;
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *sub = path->getSubpath(s);
            double x0, y0, x1, y1;
            if (rectangle(state, sub, &x0, &y0, &x1, &y1)) {
                clippedBox(state, x0, y0, x1, y1, SHENBAO_MARK_BOX);
            } else if (sub->getNumPoints() > 1) {
                area(state, sub, 0);
            }
        }
    }

    /// Whether a subpath is an axis-aligned rectangle in device space — a polygon of at most
    /// `maximumCorners` points whose every edge (the closing one included) is horizontal or
    /// vertical; a thin one is a rule however its outline was written — and its extent.
    static bool rectangle(GfxState *state, const GfxSubpath *sub, double *x0, double *y0, double *x1, double *y1) {
        constexpr int maximumCorners = 10;
        const int n = sub->getNumPoints();
        if (n < 4 || n > maximumCorners) return false;
        double xs[maximumCorners], ys[maximumCorners];
        for (int i = 0; i < n; ++i) {
            if (sub->getCurve(i)) return false;
            state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
        }
        const double epsilon = 0.01;
        for (int i = 0; i < n; ++i) {
            const int j = (i + 1) % n;
            if (std::fabs(xs[i] - xs[j]) > epsilon && std::fabs(ys[i] - ys[j]) > epsilon) return false;
        }
        *x0 = *std::min_element(xs, xs + n);
        *x1 = *std::max_element(xs, xs + n);
        *y0 = *std::min_element(ys, ys + n);
        *y1 = *std::max_element(ys, ys + n);
        return true;
    }

    /// A straight stroked segment in user space: its dashes (if any), each with its caps, as
    /// lines when axis-aligned in device space, or as areas when slanted.
    void segment(GfxState *state, double ux0, double uy0, double ux1, double uy1, double lineWidth, const std::vector<double> &dash,
                 double dashStart, double dashScale) {
        double x0, y0, x1, y1;
        state->transform(ux0, uy0, &x0, &y0);
        state->transform(ux1, uy1, &x1, &y1);
        const double length = std::hypot(x1 - x0, y1 - y0);
        if (!std::isfinite(length)) return;
        double total = 0;
        for (double d : dash) total += std::max(d, 0.0);
        if (dash.empty() || total * dashScale <= 0.01) {
            piece(state, x0, y0, x1, y1, lineWidth);
            return;
        }
        // Walk the dash pattern along the segment (in device points); "on" intervals are drawn.
        const double period = total * dashScale;
        double phase = std::fmod(std::max(dashStart, 0.0) * dashScale, period);
        size_t index = 0;
        while (phase >= std::max(dash[index], 0.0) * dashScale) {
            phase -= std::max(dash[index], 0.0) * dashScale;
            index = (index + 1) % dash.size();
        }
        double at = 0;
        double left = std::max(dash[index], 0.0) * dashScale - phase;
        int steps = 0;
        while (at < length && steps++ < 10000) {
            const double end = std::min(length, at + left);
            if (index % 2 == 0 && end > at) {
                piece(state, x0 + (x1 - x0) * at / length, y0 + (y1 - y0) * at / length, x0 + (x1 - x0) * end / length,
                      y0 + (y1 - y0) * end / length, lineWidth);
            }
            at = end;
            index = (index + 1) % dash.size();
            left = std::max(dash[index], 0.0) * dashScale;
        }
    }

    /// One drawn piece of a stroke, device points: caps applied, clipped, recorded.
    void piece(GfxState *state, double x0, double y0, double x1, double y1, double lineWidth) {
        const double epsilon = 0.01;
        const bool horizontal = std::fabs(y1 - y0) <= epsilon, vertical = std::fabs(x1 - x0) <= epsilon;
        const double cap = state->getLineCap() == 0 ? 0 : lineWidth / 2;
        if (!horizontal && !vertical) {
            clippedBox(state, std::min(x0, x1) - lineWidth / 2, std::min(y0, y1) - lineWidth / 2, std::max(x0, x1) + lineWidth / 2,
                       std::max(y0, y1) + lineWidth / 2, SHENBAO_MARK_AREA);
            return;
        }
        double cx0, cy0, cx1, cy1;
        clipBox(state, &cx0, &cy0, &cx1, &cy1);
        if (horizontal && !vertical) {
            const double y = (y0 + y1) / 2;
            double a = std::min(x0, x1) - cap, b = std::max(x0, x1) + cap;
            a = std::max(a, cx0), b = std::min(b, cx1);
            if (a < b && y + lineWidth / 2 > cy0 && y - lineWidth / 2 < cy1) add(a, y, b, y, lineWidth, SHENBAO_MARK_LINE);
        } else if (vertical && !horizontal) {
            const double x = (x0 + x1) / 2;
            double a = std::min(y0, y1) - cap, b = std::max(y0, y1) + cap;
            a = std::max(a, cy0), b = std::min(b, cy1);
            if (a < b && x + lineWidth / 2 > cx0 && x - lineWidth / 2 < cx1) add(x, a, x, b, lineWidth, SHENBAO_MARK_LINE);
        } else if (cap > 0) {
            clippedBox(state, x0 - cap, y0 - cap, x0 + cap, y0 + cap, SHENBAO_MARK_AREA);
        }
    }
};

/// The page's characters in poppler-glib's order (lines, words, characters of a word), ending at
/// a NUL character as poppler-glib's text (a C string) does.
std::vector<shenbao_char> characters(TextPage *text, double pageWidth, double pageHeight) {
    std::vector<shenbao_char> chars;
    PDFRectangle selection(0, 0, pageWidth, pageHeight);
    int lineCount = 0;
    std::vector<TextWordSelection *> **lines = text->getSelectionWords(&selection, selectionStyleGlyph, &lineCount);
    if (lines == nullptr) return chars;
    bool ended = false;
    for (int i = 0; i < lineCount; ++i) {
        for (TextWordSelection *selected : *lines[i]) {
            const TextWord *word = selected->getWord();
            for (int k = selected->getBegin(); k < selected->getEnd() && !ended; ++k) {
                const Unicode scalar = *word->getChar(k);
                if (scalar == 0) {
                    ended = true;
                    break;
                }
                shenbao_char c { scalar, 0, 0, 0, 0 };
                word->getCharBBox(k, &c.x1, &c.y1, &c.x2, &c.y2);
                chars.push_back(c);
            }
            delete selected;
        }
        delete lines[i];
    }
    gfree(lines);
    return chars;
}

/// Files up to this size are read whole into memory: poppler's file stream asks the system for 256
/// bytes at a time (about 5,000 reads for a 200 KB book).
constexpr off_t inMemoryLimit = 64 << 20;

/// The whole file at `path`; empty when it is larger than `inMemoryLimit`, empty or cannot be read.
std::vector<char> readWhole(const char *path) {
    std::vector<char> bytes;
    const int file = ::open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) return bytes;
    struct stat info;
    if (::fstat(file, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 && info.st_size <= inMemoryLimit) {
        bytes.resize(info.st_size);
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t got = ::read(file, bytes.data() + done, bytes.size() - done);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            done += got;
        }
        if (done != bytes.size()) bytes.clear();
    }
    ::close(file);
    return bytes;
}

template <typename T> T *copied(const std::vector<T> &items) {
    if (items.empty()) return nullptr;
    auto *result = static_cast<T *>(std::malloc(items.size() * sizeof(T)));
    if (result != nullptr) std::memcpy(result, items.data(), items.size() * sizeof(T));
    return result;
}

} // namespace

extern "C" shenbao_pages_document *shenbao_pages_open(const char *path) {
    if (path == nullptr || globalParams == nullptr) return nullptr;
    auto document = std::make_unique<shenbao_pages_document>();
    document->bytes = readWhole(path);
    // The document owns the stream; the stream reads the bytes the document holds.
    document->doc = document->bytes.empty()
        ? std::make_unique<PDFDoc>(std::make_unique<GooString>(path))
        : std::make_unique<PDFDoc>(new MemStream(document->bytes.data(), 0, document->bytes.size(), Object(objNull)));
    if (!document->doc->isOk()) return nullptr;
    return document.release();
}

extern "C" void shenbao_pages_close(shenbao_pages_document *document) {
    delete document;
}

extern "C" int shenbao_page_read(shenbao_pages_document *document, int index, shenbao_page *page) {
    *page = shenbao_page { nullptr, 0, nullptr, 0, 1 };
    if (document == nullptr || index < 0 || index >= document->doc->getNumPages()) return 0;
    Page *source = document->doc->getPage(index + 1);
    if (source == nullptr) return 0;
    // As poppler-glib: the crop box at 72 dpi, the page's own rotation, no annotations.
    const bool sideways = source->getRotate() % 180 != 0;
    const double width = sideways ? source->getCropHeight() : source->getCropWidth();
    const double height = sideways ? source->getCropWidth() : source->getCropHeight();
    PageReader reader(width, height);
    Gfx *gfx = source->createGfx(&reader, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
    source->display(gfx);
    reader.endPage();
    TextPage *text = reader.takeText();
    delete gfx;
    const std::vector<shenbao_char> chars = characters(text, width, height);
    text->decRefCnt();
    page->chars = copied(chars);
    page->char_count = page->chars ? chars.size() : 0;
    page->marks = copied(reader.marks);
    page->mark_count = page->marks ? reader.marks.size() : 0;
    // Annotations are not read here, but a rendered page shows them (a seal may be a stamp annotation).
    Annots *annotations = source->getAnnots();
    page->colour = reader.colour || (annotations != nullptr && !annotations->getAnnots().empty()) ? 1 : 0;
    return 1;
}

extern "C" void shenbao_page_free(shenbao_page *page) {
    std::free(page->chars);
    std::free(page->marks);
    *page = shenbao_page { nullptr, 0, nullptr, 0, 1 };
}
