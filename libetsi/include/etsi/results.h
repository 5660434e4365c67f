/**
 * @file etsi/results.h
 * @brief Evaluation of a dossier: findings, the TS 103 701 test plan,
 *        verdicts aggregated per provision, and the release gate.
 * @defgroup etsi_results Evaluation results
 *
 * etsi_dossier_evaluate() computes everything a dossier implies in one
 * linear pass and returns it as an ::etsi_results object whose entries are
 * read-only records (see etsi/record.h):
 *
 * - "planned-case" (key: test case): field id, group, provision, kind
 *   (conceptual, functional, mixed), disposition ("test": the provision is
 *   claimed Y; "justification": a recommendation marked N or N/A, checked
 *   by test case 4-1-1 (V3: 5.0-1-1); "expected-fail": a mandatory
 *   provision marked N), ready ("true" when every input is present);
 *   children "planned-input": table, field, present ("yes", "no", or
 *   "unchecked" for IXIT tables libetsi does not model), missing (which
 *   rows lack it).
 * - "outcome" (key: provision): id, status, support, applicable ("yes",
 *   "no", "unknown" from the dossier's facts), outcome, basis ("tested",
 *   "justified", "not-applicable", "declared-non-conformity", "undecided");
 *   children "case-outcome": id, outcome, result, by, date.
 * - "gate-step" (key: step name): name, title, role, owner, owner-role,
 *   signed-off (the owner's sign-off date, shown, not counted), status
 *   ("complete", "blocked"), question, output (list); children "blocker":
 *   rule, element, message.
 * - "finding": the findings of etsi_dossier_check() as records: rule,
 *   severity, layer, step, file, line, element, reference, waived, waiver,
 *   message, hint.
 * - "summary" (singleton): release, en303645, ts103701, as-of, overall
 *   (clause 5.3 outcome), ready ("true" when every gate step is complete),
 *   errors, warnings, infos, waived.
 *
 * Outcomes are PASS, FAIL, INCONCLUSIVE, NOT ASSESSED and NOT APPLICABLE,
 * aggregated test case -> test group -> provision -> clause 5.3: any FAIL
 * gives FAIL; otherwise any INCONCLUSIVE gives INCONCLUSIVE; otherwise any
 * case without a verdict gives NOT ASSESSED; otherwise PASS.  A provision
 * marked N/A whose non-applicability holds (for a recommendation: accepted
 * by test case 4-1-1) is NOT APPLICABLE.  docs/verdicts.md states these
 * rules, and where TS 103 701 is silent and they are libetsi's own.
 * @{
 */
#ifndef ETSI_RESULTS_H
#define ETSI_RESULTS_H

#include "check.h"
#include "common.h"
#include "dossier.h"
#include "record.h"

ETSI_BEGIN_DECL

/** The evaluation of one dossier. */
typedef struct etsi_results etsi_results;

/**
 * Evaluates a dossier: checks it, derives its test plan, aggregates its
 * verdicts and computes the release gate.
 *
 * @param[out] out the results; free them with etsi_results_free()
 * @param dossier a dossier, valid or not (loaded with ETSI_LOAD_NO_VALIDATE)
 * @param opts options, or NULL for the defaults
 * @return 0 (also when findings are errors: they are part of the results);
 *         ETSI_EVALIDATION when the dossier is not valid: *out is still
 *         set, with the schema errors and every finding the rules compute
 *         on the rest of the dossier (see etsi_dossier_check()), and the
 *         plan, outcomes and gate of what could be read; the gate is then
 *         never ready and the overall outcome NOT ASSESSED;
 *         ETSI_EINVALID; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_evaluate(etsi_results **out, etsi_dossier *dossier, const etsi_check_options *opts);

/** Frees results.  NULL is allowed. */
ETSI_EXTERN void etsi_results_free(etsi_results *results);

/** @return the findings, borrowed from the results */
ETSI_EXTERN const etsi_diagnostics *etsi_results_findings(const etsi_results *results);

/** @return the number of records of a result kind */
ETSI_EXTERN size_t etsi_results_count(const etsi_results *results, etsi_kind kind);

/**
 * @param results results
 * @param kind a result kind
 * @param i index from 0
 * @return the record, borrowed from the results; NULL out of range
 */
ETSI_EXTERN etsi_record *etsi_results_at(const etsi_results *results, etsi_kind kind, size_t i);

/**
 * @return the record of a kind with a key (a test case, a provision, a
 *         step name), borrowed; the summary for ETSI_KIND_SUMMARY; NULL
 *         when there is none
 */
ETSI_EXTERN etsi_record *etsi_results_find(const etsi_results *results, etsi_kind kind, const char *key);

/** Outcomes of test cases, test groups, provisions and clause 5.3. */
typedef enum etsi_outcome {
	ETSI_OUTCOME_PASS = 0,        /**< "PASS" */
	ETSI_OUTCOME_FAIL,            /**< "FAIL" */
	ETSI_OUTCOME_INCONCLUSIVE,    /**< "INCONCLUSIVE" */
	ETSI_OUTCOME_NOT_ASSESSED,    /**< "NOT ASSESSED" */
	ETSI_OUTCOME_NOT_APPLICABLE   /**< "NOT APPLICABLE" */
} etsi_outcome;

/** @return the outcome's name as reports print it, static; NULL otherwise */
ETSI_EXTERN const char *etsi_outcome_name(etsi_outcome outcome);

/** @return the clause 5.3 outcome of the evaluated dossier */
ETSI_EXTERN etsi_outcome etsi_results_overall(const etsi_results *results);

/**
 * @return 1 when every release-gate step is complete and no unwaived error
 *         remains, 0 otherwise
 */
ETSI_EXTERN int etsi_results_ready(const etsi_results *results);

/**
 * Writes part of the results in a format.
 *
 * | part       | formats                    |
 * |------------|----------------------------|
 * | "findings" | "text", "json"             |
 * | "plan"     | "text", "csv", "csv-raw", "xml" |
 * | "outcomes" | "text", "csv", "csv-raw"   |
 * | "gate"     | "text", "json" (an object: ready, overall, release, steps) |
 * | "all"      | "xml", "json"              |
 *
 * "csv" is RFC 4180 (UTF-8, a header row, CRLF) with every cell that
 * begins with '=', '+', '-', '@', a tab or a carriage return neutralised
 * for spreadsheets: quoted, its value prefixed with a single quote (the
 * plan's "csv" is the same bytes as the "plan-csv" report); "csv-raw" is
 * the same table with every value as it is, for programs that read it.
 * "xml" for "plan" is a test-plan element of the dossier namespace, as
 * etsi_dossier_store_plan() stores it; "xml" for "all" is the results
 * document (namespace urn:libetsi:results:1, xsd/results.xsd).  Output is
 * deterministic: the same dossier and options give the same bytes.
 *
 * @param[out] out the text, NUL-terminated; free it with etsi_free()
 * @param[out] len its length; may be NULL
 * @param results results
 * @param part which part
 * @param format which format
 * @return 0; ETSI_EINVALID for an unknown part or format; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_results_write(char **out, size_t *len, const etsi_results *results, const char *part, const char *format);

/**
 * Stores the evaluated test plan in the dossier (its test-plan element,
 * replacing an earlier one), so a laboratory can fix the plan it works to.
 *
 * @param dossier the dossier the results were computed from
 * @param results its results
 * @param date the date the plan was fixed, YYYY-MM-DD, or NULL
 * @return 0; ETSI_EINVALID for a bad date; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_store_plan(etsi_dossier *dossier, const etsi_results *results, const char *date);

ETSI_END_DECL

/** @} */
#endif
