/*
 * The shared context of the evaluation engine: the rule ids, the state one
 * evaluation carries, and the helpers every phase uses to report.
 * evaluate.c owns the rule table, the indexes, the structural checks, the
 * plan, outcomes and gate; claims.c tests ICS claims against the product's
 * typed facts.
 */
#ifndef ETSI_SRC_EVALUATE_IMPL_H
#define ETSI_SRC_EVALUATE_IMPL_H

#include <libxml/tree.h>

#include "dossier_impl.h"
#include "etsi/check.h"
#include "util.h"

/* The rules, in the order docs/rules.md documents them. */
enum {
	R_SCHEMA,
	R_LAYER_MIXING,
	R_DUT_IDENTIFICATION,
	R_DUT_CONSTRAINT_UNSTATED,
	R_CONSTRAINED_RATIONALE,
	R_BOUNDARY_UNDECIDED,
	R_BOUNDARY_UNCOVERED,
	R_BOUNDARY_ABSENCE,
	R_BOUNDARY_CONTRADICTION,
	R_BOUNDARY_UNUSED,
	R_BOUNDARY_NOT_IMPLEMENTED,
	R_ICS_ENTRY_MISSING,
	R_ICS_SUPPORT_MISSING,
	R_ICS_NA_UNCONDITIONAL,
	R_ICS_NA_CONTRADICTS,
	R_ICS_MANDATORY_NOT_MET,
	R_ICS_JUSTIFICATION_MISSING,
	R_ICS_DETAIL_MISSING,
	R_ICS_CLAIM_NOT_APPLICABLE,
	R_ICS_NEEDS_REVIEW,
	R_IXIT_ROW_MISSING,
	R_IXIT_MECHANISM_INPUT,
	R_MECHANISM_TRUST,
	R_IXIT_PROCEDURE_INPUT,
	R_CONSTRAINED_REPLACEMENT,
	R_IXIT_USER_INFO,
	R_EVIDENCE_MISSING,
	R_EVIDENCE_CATEGORY,
	R_EVIDENCE_NOT_CLAIMED,
	R_EVIDENCE_RELEASE,
	R_EVIDENCE_NEEDS_REVIEW,
	R_EVIDENCE_DRAFT,
	R_EVIDENCE_EXTERNAL,
	R_ARTIFACT_DIGEST,
	R_ARTIFACT_EXPIRED,
	R_VERDICT_NOT_PLANNED,
	R_VERDICT_INDICATION,
	R_VERDICT_NOT_LABORATORY,
	R_VERDICT_NEEDS_REVIEW,
	R_PUBLIC_CLAIM,
	R_WAIVER_UNKNOWN_RULE,
	R_WAIVER_EXPIRED,
	R_WAIVER_UNUSED,
	/* claims against the product's facts (claims.c) */
	R_EDITION_PAIRING,
	R_CLAIM_VERIFY_ABSENT,
	R_CLAIM_VERIFY_OFF_DEVICE,
	R_CLAIM_VERIFY_AFTER_INSTALL,
	R_CLAIM_CHANNEL_ONLY,
	R_CLAIM_BYPASS,
	R_CLAIM_TRANSPORT,
	R_CLAIM_KEY_WRITABLE,
	R_CLAIM_CRYPTO_WEAK,
	R_CLAIM_CRYPTO_LEGACY,
	R_CLAIM_ROLLBACK,
	R_CLAIM_AUTOMATIC,
	R_CLAIM_DEFAULT_OFF,
	R_CLAIM_CONTROL,
	R_CLAIM_CHECK,
	R_CLAIM_NOTICE,
	R_CLAIM_DISRUPTION,
	R_SUPPORT_UNSTATED,
	R_SUPPORT_ENDED,
	R_SUPPORT_MISMATCH,
	R_SUPPORT_DETAIL,
	R_NO_UPDATE_CONTRADICTED,
	R_IMMUTABLE_SUCCESSOR,
	R_CLAIM_SELF_FAIL,
	R_CLAIM_LAB_FAIL,
	/* the evidence in depth (evidence_rules.c) */
	R_EVIDENCE_TOO_BROAD,
	R_EVIDENCE_STALE,
	R_EVIDENCE_AFTER_VERDICT,
	R_EXTERNAL_MISSING,
	R_EXTERNAL_OTHER_PROVISION,
	R_EXTERNAL_FULL_BY_DOCUMENT,
	R_CERTIFICATE_INCOMPLETE,
	R_PUBLIC_CLAIM_SCOPE,
	R_PUBLIC_CLAIM_MISMATCH,
	R_VERDICT_CONCEPTUAL_ONLY,
	R_EXTERNAL_SCOPE,
	R_EVIDENCE_VERSION,
	R__COUNT
};


/* A fact of the product: 1 holds, 0 does not, -1 unknown; with the id of
 * the element that makes it so. */
typedef struct fact_state {
	int value;
	const char *witness;
} fact_state;

typedef struct presence {
	int state;        /* 1 present, 0 missing, -1 not checked */
	char *missing;    /* which rows lack it */
	const char *rowless; /* the first component or mechanism that lacks the
	                      * whole IXIT row: the ixit-row-missing finding
	                      * about it is the cause */
	int partial;         /* a row that is there lacks the field */
} presence;

/* An unknown fact a claimed provision rests on: never an error, it marks
 * the provisions' test cases at risk and is listed by the gate. */
typedef struct question {
	const char *step;      /* static */
	char *fact;
	char *element;
	int line;
	char *provisions;      /* space-separated */
	char *message;
} question;

typedef struct eval {
	etsi_dossier *d;
	etsi__store *ds;
	const etsi_catalog *cat;
	const char *file;
	char as_of[16];
	etsi_diagnostics *diags;
	int oom;

	const char *release;
	etsi_record *user_info;
	etsi_record *justification_case;   /* 4-1-1 or 5.0-1-1 */

	fact_state has_mechanism, network, automatic, notification;
	fact_state any_updateable, not_updateable, mutable_component;
	fact_state constrained, prevents;

	etsi__map soft_comp;     /* component id -> soft-comp row */
	etsi__map upd_mech;      /* mechanism id -> upd-mech row */
	etsi__map used;          /* mechanism id -> first component using it */
	etsi__map evidence;      /* provision -> first evidence item */
	etsi__map presence;      /* "table\nfield" -> presence */
	etsi__map waivers;       /* "rule\ntarget" -> waiver */
	etsi__map waiver_used;   /* waiver id -> itself, once matched */
	etsi__map planned;       /* test case -> disposition (static string) */
	etsi__map mixing_lines;  /* "line" of layer-mixing findings */
	etsi__vec questions;     /* question *, in the order found */
	etsi__map unknowns;      /* provision -> etsi__buf of unknown facts, one a line */

	xmlDocPtr rdoc;          /* the results document */
	xmlNsPtr rns;
	xmlNodePtr r_summary, r_findings, r_plan, r_outcomes, r_gate, r_questions;
	size_t cases_not_ready;
	size_t cases_planned;
	size_t cases_unverdicted;
	size_t cases_at_risk;

	/* an invalid dossier is checked all the same (a compiler's way): the
	 * records on a line with a schema error are skipped by the rules */
	int invalid;
	etsi__map schema_lines;  /* "line" of schema errors */
	etsi__map skipped_lines; /* "line" of records a rule skipped */
} eval;

#define OOM(ev) ((ev)->oom = 1)

/* Records a finding of rule r at a line; element and reference as in
 * etsi_diagnostic, and, for a claim a fact contradicts, the claim, the
 * fact and the fact's line. */
void etsi__eval_finding(eval *ev, int r, int line, const char *element, const char *reference,
                        const char *claim, const char *fact, int fact_line, const char *fmt,
                        ...) ETSI__PRINTF(9, 10);

/* Records an open question about `fact` (at element/line) for the
 * space-separated provisions, under gate step `step`. */
void etsi__eval_question(eval *ev, const char *step, const char *fact, const char *element,
                         int line, const char *provisions, const char *fmt, ...)
	ETSI__PRINTF(7, 8);

/* Tests the ICS claims against the product's typed facts (claims.c). */
void etsi__check_claims(eval *ev);

/* Tests the evidence itself: breadth, dates, external blocks
 * (evidence_rules.c). */
void etsi__check_evidence_depth(eval *ev);

#endif
