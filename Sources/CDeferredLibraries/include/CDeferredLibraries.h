#ifndef SHENBAO_CDEFERREDLIBRARIES_H
#define SHENBAO_CDEFERREDLIBRARIES_H

/// The PDF and OCR libraries (poppler-glib with GLib and Cairo, poppler's core, Tesseract) are not linked into the
/// program: this target defines each of their functions shenbao calls, and the first call opens the
/// library (dlopen) and goes on to the real function. A process that reads only Word books never
/// loads them, and starts in a third of the time (binding their symbols was ~25 ms of a 40 ms start).

#include "ShenbaoPDFPages.h"

/// The libraries opened on first use.
typedef enum {
    SHENBAO_LIBRARY_POPPLER_GLIB = 0,
    SHENBAO_LIBRARY_GOBJECT = 1,
    SHENBAO_LIBRARY_GLIB = 2,
    SHENBAO_LIBRARY_CAIRO = 3,
    SHENBAO_LIBRARY_TESSERACT = 4,
    /// shenbao's own reader of PDF pages over poppler's core C++ API (`Sources/CPopplerPages`, built as the
    /// `ShenbaoPDFPages` library beside the program): it links poppler and its twenty-odd libraries.
    SHENBAO_LIBRARY_PDF_PAGES = 5,
} shenbao_library;

/// Whether `library` has been opened in this process (it is opened by the first call of one of its functions).
int shenbao_library_is_open(shenbao_library library);

/// The address of `name` in `library`, opening the library if needed. When the library or the name
/// cannot be found (the Debian package is missing), says which on stderr and ends the process with
/// status 70: no caller could go on without it.
void *shenbao_library_symbol(shenbao_library library, const char *name);

#endif
