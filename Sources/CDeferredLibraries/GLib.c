// The GLib and GObject functions shenbao calls, opened on first use (see CDeferredLibraries.h).
#include <glib.h>
#include <glib-object.h>
#include "Deferred.h"

#define GLIB SHENBAO_LIBRARY_GLIB

SHENBAO_DEFERRED_VOID(GLIB, g_free, (gpointer mem), (mem))
SHENBAO_DEFERRED(GLIB, gpointer, g_try_realloc, (gpointer mem, gsize n_bytes), (mem, n_bytes))
SHENBAO_DEFERRED_VOID(GLIB, g_clear_error, (GError **err), (err))
SHENBAO_DEFERRED_VOID(GLIB, g_list_free_full, (GList *list, GDestroyNotify free_func), (list, free_func))
SHENBAO_DEFERRED(GLIB, guint, g_log_set_handler, (const gchar *log_domain, GLogLevelFlags log_levels, GLogFunc log_func, gpointer user_data),
                 (log_domain, log_levels, log_func, user_data))
SHENBAO_DEFERRED(GLIB, gchar *, g_filename_to_uri, (const gchar *filename, const gchar *hostname, GError **error), (filename, hostname, error))
SHENBAO_DEFERRED(GLIB, gchar *, g_date_time_format, (GDateTime *datetime, const gchar *format), (datetime, format))
SHENBAO_DEFERRED_VOID(SHENBAO_LIBRARY_GOBJECT, g_object_unref, (gpointer object), (object))
