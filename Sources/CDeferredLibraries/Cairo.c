// Cairo's functions shenbao calls (page images for seals, OCR and previews), opened on first use (see CDeferredLibraries.h).
#include <cairo.h>
#include "Deferred.h"

#define CAIRO SHENBAO_LIBRARY_CAIRO

SHENBAO_DEFERRED(CAIRO, cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height))
SHENBAO_DEFERRED(CAIRO, unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface))
SHENBAO_DEFERRED(CAIRO, int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface))
SHENBAO_DEFERRED(CAIRO, cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_surface_flush, (cairo_surface_t *surface), (surface))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_surface_destroy, (cairo_surface_t *surface), (surface))
SHENBAO_DEFERRED(CAIRO, cairo_status_t, cairo_surface_write_to_png_stream, (cairo_surface_t *surface, cairo_write_func_t write_func, void *closure),
                 (surface, write_func, closure))
SHENBAO_DEFERRED(CAIRO, cairo_t *, cairo_create, (cairo_surface_t *target), (target))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_destroy, (cairo_t *cr), (cr))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_paint, (cairo_t *cr), (cr))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_scale, (cairo_t *cr, double sx, double sy), (cr, sx, sy))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_set_antialias, (cairo_t *cr, cairo_antialias_t antialias), (cr, antialias))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_set_line_width, (cairo_t *cr, double width), (cr, width))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height))
SHENBAO_DEFERRED_VOID(CAIRO, cairo_stroke, (cairo_t *cr), (cr))
