// The functions of shenbao's PDF page reader (libShenbaoPDFPages.so, over poppler's core), opened on first use.
#include "ShenbaoPDFPages.h"
#include "Deferred.h"

#define PAGES SHENBAO_LIBRARY_PDF_PAGES

SHENBAO_DEFERRED(PAGES, shenbao_pages_document *, shenbao_pages_open, (const char *path), (path))
SHENBAO_DEFERRED_VOID(PAGES, shenbao_pages_close, (shenbao_pages_document *document), (document))
SHENBAO_DEFERRED(PAGES, int, shenbao_page_read, (shenbao_pages_document *document, int index, shenbao_page *page),
                 (document, index, page))
SHENBAO_DEFERRED_VOID(PAGES, shenbao_page_free, (shenbao_page *page), (page))
