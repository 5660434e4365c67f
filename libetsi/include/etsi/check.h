/**
 * @file etsi/check.h
 * @brief The rule engine: what is wrong with a dossier, where, and how to
 *        fix it.
 * @defgroup etsi_check Checks
 *
 * `etsi check` and etsi_dossier_check() run a fixed table of rules over a
 * valid dossier and report findings as diagnostics: the rule's id and
 * severity, file and line, the element and the provision or IXIT entry
 * concerned, a message and a hint.  Every rule belongs to one layer
 * ("requirement" for EN 303 645 and the ICS, "assessment" for TS 103 701
 * and the IXIT, "evidence" for the evidence map, verdicts and claims) and to
 * one of the six release-gate steps it blocks.  Rules are documented one
 * by one, with a failing and a passing example, in docs/rules.md.
 *
 * A dossier may waive a rule for one element (a waiver names the rule, the
 * element id or provision it targets, an owner and a justification).
 * Waived findings are still reported, marked waived, and no longer count
 * as errors.
 *
 * Checking is linear in the size of the dossier: facts and references are
 * indexed once, and no rule walks the document per item.
 * @{
 */
#ifndef ETSI_CHECK_H
#define ETSI_CHECK_H

#include "common.h"
#include "diagnostic.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/** One rule of the engine.  Static data; the table never shrinks. */
typedef struct etsi_rule {
	const char *id;         /**< Stable id, such as "ics-na-contradicts-facts". */
	etsi_severity severity; /**< Severity of its findings. */
	const char *layer;      /**< "requirement", "assessment" or "evidence". */
	const char *step;       /**< Release-gate step it blocks: "scope", "ics",
	                             "mechanisms", "procedures", "user-info",
	                             "handoff"; "all" for schema errors. */
	const char *summary;    /**< One line: what the rule looks for. */
	const char *hint;       /**< How to fix a finding. */
	const char *basis;      /**< What the rule rests on: "standard" (EN 303 645's
	                             text), "test-case" (a TS 103 701 test case),
	                             "consistency" (the dossier contradicts itself),
	                             "format" (the dossier format) or "judgement"
	                             (libetsi's advice; such a rule is never an
	                             error).  Appended after 1.0's first fields. */
	const char *source;     /**< The clause, provision or test case it rests on,
	                             such as "TS 103 701 5.3-9-1 c, d"; NULL when
	                             basis says it all. */
} etsi_rule;

/**
 * Enumerates the rules, in the order docs/rules.md documents them.
 *
 * @param i index from 0
 * @return rule @p i, static; NULL past the last
 */
ETSI_EXTERN const etsi_rule *etsi_rule_at(size_t i);

/**
 * @param id a rule id
 * @return the rule, static; NULL for an unknown id
 */
ETSI_EXTERN const etsi_rule *etsi_rule_find(const char *id);

/** Options for etsi_dossier_check() and etsi_dossier_evaluate(). */
typedef struct etsi_check_options {
	unsigned int version;  /**< ETSI_CHECK_OPTIONS_VERSION */
	/**
	 * The date the check is made for, YYYY-MM-DD: artifacts and waivers
	 * that expire before it count as expired.  NULL for today (UTC).
	 */
	const char *as_of;
	/** Since version 2: 0, or ETSI_CHECK_* flags OR-ed together. */
	unsigned int flags;
} etsi_check_options;

/**
 * etsi_check_options flag: one finding for each place, as before findings
 * were grouped.  By default a check merges the findings of one rule that
 * differ only in the element, reference and line they are about into one
 * finding with etsi_diagnostic.count occurrences.
 */
#define ETSI_CHECK_UNGROUPED 0x1u

/** The current version of ::etsi_check_options; version 1 (without flags)
 *  is accepted too. */
#define ETSI_CHECK_OPTIONS_VERSION 2
/** Static initializer for ::etsi_check_options. */
#define ETSI_CHECK_OPTIONS_INIT { ETSI_CHECK_OPTIONS_VERSION, NULL, 0 }

/**
 * Initializes check options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_check_options_init(etsi_check_options *opts, unsigned int version);

/**
 * Checks a dossier.  Schema and reference errors come first (rule
 * "schema" or "layer-mixing").  The rules run on an invalid dossier too,
 * on the rest of the document: a record with a schema error on its line is
 * skipped, and one more "schema" finding says how many records were
 * skipped.  Without a catalog of its editions no rule runs.
 *
 * @param[out] out the findings in rule-table order, then document order;
 *        the caller frees the list with etsi_diagnostics_free()
 * @param dossier the dossier
 * @param opts options, or NULL for the defaults
 * @return 0 when no unwaived error was found (warnings allowed);
 *         ETSI_EVALIDATION when there is one (*out is still set);
 *         ETSI_EINVALID; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_check(etsi_diagnostics **out, etsi_dossier *dossier, const etsi_check_options *opts);

ETSI_END_DECL

/** @} */
#endif
