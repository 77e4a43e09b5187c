#ifndef RAPPORT_CLIBXML2_SHIM_H
#define RAPPORT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's headers pull in the system ICU, which clashes with Foundation's own copy.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>

/// Swift 6 rejects touching the global `xmlFree` function pointer directly.
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
