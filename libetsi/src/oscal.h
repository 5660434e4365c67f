/* OSCAL of a dossier (oscal.c): assessment results and assessment plan. */
#ifndef ETSI_SRC_OSCAL_H
#define ETSI_SRC_OSCAL_H

#include <stddef.h>

#include "etsi/dossier.h"

/* For tests: the version 5 UUID of a name under libetsi's OSCAL namespace. */
int etsi__oscal_uuid5(char out[37], const char *name);

/* OSCAL of a dossier: @p format "oscal-json" or "oscal-xml" (assessment
 * results, whose import-ap is @p ap_href, NULL for the default sibling
 * file), "oscal-ap" or "oscal-ap-xml" (the assessment plan). */
int etsi__oscal_export(char **out, size_t *len, etsi_dossier *dossier, const char *format,
                       const char *as_of, const char *timestamp, const char *ap_href);
/* For tests: the same from a results document (xsd/results.xsd) given as
 * text instead of the dossier's evaluation, such as one whose findings
 * carry a claim and the fact that contradicts it. */
int etsi__oscal_export_results(char **out, size_t *len, etsi_dossier *dossier, int xml,
                               const char *timestamp, const char *results, size_t results_len);

#endif
