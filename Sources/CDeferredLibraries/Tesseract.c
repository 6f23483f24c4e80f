// Tesseract's C API functions shenbao calls, opened on first use (see CDeferredLibraries.h).
#include <tesseract/capi.h>
#include "Deferred.h"

#define TESSERACT SHENBAO_LIBRARY_TESSERACT

SHENBAO_DEFERRED(TESSERACT, TessBaseAPI *, TessBaseAPICreate, (void), ())
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPIDelete, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPIClear, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPIEnd, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED(TESSERACT, int, TessBaseAPIInit3, (TessBaseAPI *handle, const char *datapath, const char *language),
                 (handle, datapath, language))
SHENBAO_DEFERRED(TESSERACT, BOOL, TessBaseAPISetVariable, (TessBaseAPI *handle, const char *name, const char *value),
                 (handle, name, value))
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPISetPageSegMode, (TessBaseAPI *handle, TessPageSegMode mode), (handle, mode))
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPISetSourceResolution, (TessBaseAPI *handle, int ppi), (handle, ppi))
SHENBAO_DEFERRED_VOID(TESSERACT, TessBaseAPISetImage,
                      (TessBaseAPI *handle, const unsigned char *imagedata, int width, int height, int bytes_per_pixel, int bytes_per_line),
                      (handle, imagedata, width, height, bytes_per_pixel, bytes_per_line))
SHENBAO_DEFERRED(TESSERACT, int, TessBaseAPIRecognize, (TessBaseAPI *handle, ETEXT_DESC *monitor), (handle, monitor))
SHENBAO_DEFERRED(TESSERACT, char *, TessBaseAPIGetUTF8Text, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED(TESSERACT, int, TessBaseAPIMeanTextConf, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED(TESSERACT, TessResultIterator *, TessBaseAPIGetIterator, (TessBaseAPI *handle), (handle))
SHENBAO_DEFERRED_VOID(TESSERACT, TessDeleteText, (const char *text), (text))
SHENBAO_DEFERRED(TESSERACT, BOOL, TessPageIteratorBoundingBox,
                 (const TessPageIterator *handle, TessPageIteratorLevel level, int *left, int *top, int *right, int *bottom),
                 (handle, level, left, top, right, bottom))
SHENBAO_DEFERRED(TESSERACT, float, TessResultIteratorConfidence, (const TessResultIterator *handle, TessPageIteratorLevel level),
                 (handle, level))
SHENBAO_DEFERRED_VOID(TESSERACT, TessResultIteratorDelete, (TessResultIterator *handle), (handle))
SHENBAO_DEFERRED(TESSERACT, const TessPageIterator *, TessResultIteratorGetPageIteratorConst, (const TessResultIterator *handle),
                 (handle))
SHENBAO_DEFERRED(TESSERACT, char *, TessResultIteratorGetUTF8Text, (const TessResultIterator *handle, TessPageIteratorLevel level),
                 (handle, level))
SHENBAO_DEFERRED(TESSERACT, BOOL, TessResultIteratorNext, (TessResultIterator *handle, TessPageIteratorLevel level), (handle, level))
