#ifndef SHENBAO_CPOPPLER_SHIM_H
#define SHENBAO_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#include <glib-object.h>

/// Macros and casts that do not import into Swift, as functions.
static inline void shenbao_object_unref(void *object) { if (object) g_object_unref(object); }
static inline GQuark shenbao_poppler_error_quark(void) { return poppler_error_quark(); }
#endif
