/* The evaluation engine (evaluate.c), shared with results.c. */
#ifndef ETSI_SRC_EVALUATE_H
#define ETSI_SRC_EVALUATE_H

#include <libxml/tree.h>

#include "etsi/check.h"
#include "etsi/results.h"

/* Checks a dossier and, when doc_out is not NULL, builds the results
 * document (urn:libetsi:results:1).  *diags_out is set whenever the return
 * is 0 or ETSI_EVALIDATION (schema errors; the rules did not run). */
int etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out, etsi_dossier *dossier,
                   const etsi_check_options *opts);

/* What etsi_dossier_evaluate() computed (results.c): the results document,
 * the findings and the name of the dossier; returns the status it
 * returned (0 or ETSI_EVALIDATION). */
int etsi__results_parts(const etsi_results *results, xmlDocPtr *doc,
                        const etsi_diagnostics **findings, const char **file);

#endif
