/*
 * The evaluation engine: a dossier's findings, test plan, outcomes and
 * release gate.  Other modules call etsi__evaluate(); the rest is the
 * engine's own (engine_impl.h).
 *
 * etsi__evaluate() (engine.c) runs the check phases of
 * etsi__check_phases[] in order over one context, `eval`.  Each phase reads
 * the dossier, the catalog and what the phases above it left in the
 * context (facts, indexes, the plan, the outcomes) and reports into it:
 * findings and open questions.  The findings are then sorted and, when the
 * caller wants the results document, the phases of etsi__results_phases[]
 * write it (gate, findings, questions, summary).
 *
 *   engine.c            entry points, the driver, the phase tables
 *   engine_impl.h       the shared context: `eval`, the phases, the helpers
 *   engine_rules.h      the rule table
 *   engine_findings.c   the findings sink: waivers, skipped records, order
 *   engine_facts.c      the product's facts, applicability, indexes, IXIT
 *   engine_structure.c  layer mixing, schema, DUT, boundary, ICS, inputs,
 *                       evidence, verdicts, waivers
 *   engine_claims.c     ICS claims against the product's typed facts
 *   engine_evidence.c   the evidence in depth
 *   engine_plan.c       the TS 103 701 test plan
 *   engine_outcomes.c   verdict aggregation, the public claim
 *   engine_gate.c       the release gate
 *   engine_results.c    the results document
 *
 * Adding a rule touches one table and one function: its row in
 * engine_rules.h (its id R_NAME, severity, layer, step, hint, basis; the
 * row's place is its findings' place in the output), and the function
 * that reports it with finding() or a sibling (engine_impl.h).  That
 * function is a check an existing phase calls (etsi__check_claims() lists
 * its checks), or a phase of its own: a {name, function} row in
 * etsi__check_phases[], after the phases whose part of the context it
 * reads.  Then its fixtures in tests/data/rules/ (docs/rules.md, "Adding a
 * rule").
 */
#ifndef ETSI_SRC_ENGINE_H
#define ETSI_SRC_ENGINE_H

#include <libxml/tree.h>

#include "etsi/check.h"

/* Checks a dossier and, when doc_out is not NULL, builds the results
 * document (urn:libetsi:results:1).  *diags_out is set whenever the return
 * is 0 or ETSI_EVALIDATION (schema errors; the rules did not run). */
int etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out, etsi_dossier *dossier,
                   const etsi_check_options *opts);

#endif
