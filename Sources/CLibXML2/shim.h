#ifndef SHENBAO_CLIBXML2_SHIM_H
#define SHENBAO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 pulls in the system ICU headers, whose UErrorCode clashes with Foundation's copy.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects; call it through this.
static inline void shenbao_xml_free(void *pointer) { xmlFree(pointer); }

/// A structured error handler that drops every message, so libxml2 never prints on its own.
static void shenbao_xml_ignore_error(void *context, xmlErrorPtr error) { (void)context; (void)error; }
static inline void shenbao_xml_silence(void) {
    xmlSetStructuredErrorFunc(NULL, shenbao_xml_ignore_error);
}
#endif
