/* The evaluation results (results.c), shared with report.c. */
#ifndef ETSI_SRC_RESULTS_IMPL_H
#define ETSI_SRC_RESULTS_IMPL_H

#include <libxml/tree.h>

#include "etsi/results.h"

/* What etsi_dossier_evaluate() computed (results.c): the results document,
 * the findings and the name of the dossier; returns the status it
 * returned (0 or ETSI_EVALIDATION). */
int etsi__results_parts(const etsi_results *results, xmlDocPtr *doc,
                        const etsi_diagnostics **findings, const char **file);

#endif
