#ifndef SHENBAO_CPOPPLER_SHIM_H
#define SHENBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>
#include <cairo.h>
#include <string.h>

/// Macros and casts that do not import into Swift, as functions.
static inline void shenbao_object_unref(void *object) { if (object) g_object_unref(object); }
static inline GQuark shenbao_poppler_error_quark(void) { return poppler_error_quark(); }

/// Whether a GError is poppler's "document is encrypted" error.
static inline int shenbao_error_is_encrypted(const GError *error) {
    return error != NULL && error->domain == poppler_error_quark() && error->code == POPPLER_ERROR_ENCRYPTED;
}

/// A log handler that drops the message.
static void shenbao_silent_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

/// Routes poppler's and GLib's own warnings to nothing, so reading a broken PDF prints nothing on stderr.
static inline void shenbao_silence_poppler_logs(void) {
    const GLogLevelFlags all = (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION);
    g_log_set_handler("Poppler", all, shenbao_silent_log, NULL);
    g_log_set_handler("GLib", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG), shenbao_silent_log, NULL);
    g_log_set_handler("GLib-GObject", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG), shenbao_silent_log, NULL);
}

/// Renders a page in RGB24 at `scale` pixels per point on a white background: without antialiasing for
/// the seal detector (`smooth` 0: ink comes out as crisp pixels), antialiased for a person to read
/// (`smooth` 1). Returns NULL when the surface cannot be made; release with cairo_surface_destroy.
static inline cairo_surface_t *shenbao_render_page(PopplerPage *page, int width, int height, double scale, int smooth) {
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return NULL;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    if (!smooth) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    return surface;
}

/// A growing buffer for cairo's PNG writer.
typedef struct { unsigned char *data; size_t length; size_t capacity; } shenbao_png_buffer;

static cairo_status_t shenbao_png_append(void *closure, const unsigned char *data, unsigned int length) {
    shenbao_png_buffer *buffer = (shenbao_png_buffer *)closure;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *grown = (unsigned char *)g_try_realloc(buffer->data, capacity);
        if (grown == NULL) return CAIRO_STATUS_NO_MEMORY;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
    return CAIRO_STATUS_SUCCESS;
}

/// The surface as PNG bytes (cairo_surface_write_to_png_stream), or NULL; release with g_free.
static inline unsigned char *shenbao_surface_png(cairo_surface_t *surface, size_t *length) {
    shenbao_png_buffer buffer = { NULL, 0, 0 };
    if (cairo_surface_write_to_png_stream(surface, shenbao_png_append, &buffer) != CAIRO_STATUS_SUCCESS) {
        g_free(buffer.data);
        *length = 0;
        return NULL;
    }
    *length = buffer.length;
    return buffer.data;
}
#endif
