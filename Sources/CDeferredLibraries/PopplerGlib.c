// poppler-glib's functions shenbao calls, opened on first use (see CDeferredLibraries.h).
#include <poppler.h>
#include "Deferred.h"

#define POPPLER SHENBAO_LIBRARY_POPPLER_GLIB

SHENBAO_DEFERRED(POPPLER, GQuark, poppler_error_quark, (void), ())
SHENBAO_DEFERRED(POPPLER, PopplerDocument *, poppler_document_new_from_file, (const char *uri, const char *password, GError **error),
                 (uri, password, error))
SHENBAO_DEFERRED(POPPLER, int, poppler_document_get_n_pages, (PopplerDocument *document), (document))
SHENBAO_DEFERRED(POPPLER, PopplerPage *, poppler_document_get_page, (PopplerDocument *document, int index), (document, index))
SHENBAO_DEFERRED(POPPLER, gint, poppler_document_get_n_signatures, (const PopplerDocument *document), (document))
SHENBAO_DEFERRED(POPPLER, GList *, poppler_document_get_signature_fields, (PopplerDocument *document), (document))
SHENBAO_DEFERRED_VOID(POPPLER, poppler_page_get_size, (PopplerPage *page, double *width, double *height), (page, width, height))
SHENBAO_DEFERRED(POPPLER, char *, poppler_page_get_text, (PopplerPage *page), (page))
SHENBAO_DEFERRED(POPPLER, gboolean, poppler_page_get_text_layout, (PopplerPage *page, PopplerRectangle **rectangles, guint *n_rectangles),
                 (page, rectangles, n_rectangles))
SHENBAO_DEFERRED_VOID(POPPLER, poppler_page_render, (PopplerPage *page, cairo_t *cairo), (page, cairo))
SHENBAO_DEFERRED(POPPLER, GList *, poppler_page_get_form_field_mapping, (PopplerPage *page), (page))
SHENBAO_DEFERRED_VOID(POPPLER, poppler_page_free_form_field_mapping, (GList *list), (list))
SHENBAO_DEFERRED(POPPLER, PopplerFormFieldType, poppler_form_field_get_field_type, (PopplerFormField *field), (field))
SHENBAO_DEFERRED(POPPLER, PopplerFormButtonType, poppler_form_field_button_get_button_type, (PopplerFormField *field), (field))
SHENBAO_DEFERRED(POPPLER, gboolean, poppler_form_field_button_get_state, (PopplerFormField *field), (field))
SHENBAO_DEFERRED(POPPLER, PopplerSignatureInfo *, poppler_form_field_signature_validate_sync,
                 (PopplerFormField *field, PopplerSignatureValidationFlags flags, GCancellable *cancellable, GError **error),
                 (field, flags, cancellable, error))
SHENBAO_DEFERRED_VOID(POPPLER, poppler_signature_info_free, (PopplerSignatureInfo *siginfo), (siginfo))
SHENBAO_DEFERRED(POPPLER, PopplerSignatureStatus, poppler_signature_info_get_signature_status, (const PopplerSignatureInfo *siginfo),
                 (siginfo))
SHENBAO_DEFERRED(POPPLER, const gchar *, poppler_signature_info_get_signer_name, (const PopplerSignatureInfo *siginfo), (siginfo))
SHENBAO_DEFERRED(POPPLER, GDateTime *, poppler_signature_info_get_local_signing_time, (const PopplerSignatureInfo *siginfo), (siginfo))
