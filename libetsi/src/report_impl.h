/* Internal view of reports. */
#ifndef ETSI_SRC_REPORT_IMPL_H
#define ETSI_SRC_REPORT_IMPL_H

#include <libxml/tree.h>

#include "etsi/dossier.h"

/* Assembles a report's input document from a dossier and its results
 * document (redacted for the "public" format). */
int etsi__report_input(xmlDocPtr *out, etsi_dossier *dossier, xmlDocPtr results,
                       const char *format, const char *date);

void etsi__report_cache_clear_locked(void);

#endif
