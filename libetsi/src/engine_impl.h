/*
 * The context the phases of the evaluation engine share (engine.h says
 * which file holds which phase, and how to add a rule): the rule ids, the
 * state one evaluation carries, the phase tables, and the helpers every
 * phase reports and reads with.
 */
#ifndef ETSI_SRC_ENGINE_IMPL_H
#define ETSI_SRC_ENGINE_IMPL_H

#include <stddef.h>
#include <string.h>

#include <libxml/tree.h>

#include "dossier_impl.h"
#include "engine.h"
#include "etsi/check.h"
#include "etsi/results.h"
#include "util.h"

/* The rules, R_NAME in the order of engine_rules.h. */
enum {
#define ETSI__RULE(name, ...) R_##name,
#include "engine_rules.h"
#undef ETSI__RULE
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
	const etsi_catalog *cat; /* NULL for an unknown edition: only the
	                          * phases that need no catalog run */
	const char *file;
	char as_of[16];
	etsi_diagnostics *diags;
	int oom;

	/* the facts (engine_facts.c) */
	const char *release;
	etsi_record *user_info;
	etsi_record *justification_case;   /* 4-1-1 or 5.0-1-1 */

	fact_state has_mechanism, network, automatic, notification;
	fact_state any_updateable, not_updateable, mutable_component;
	fact_state constrained, prevents;

	/* the indexes (engine_facts.c) */
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

	/* the results document (engine_results.c); without one (a plain
	 * check) the plan is only the set `planned` and the outcomes are
	 * built only for the public-claim rule */
	xmlDocPtr rdoc;
	xmlNsPtr rns;
	xmlNodePtr r_summary, r_findings, r_plan, r_outcomes, r_gate, r_questions;
	size_t cases_not_ready;
	size_t cases_planned;
	size_t cases_unverdicted;
	size_t cases_at_risk;
	etsi_outcome overall;    /* of the provisions (engine_outcomes.c) */
	int ready;               /* the gate is complete and nothing is wrong */

	/* an invalid dossier is checked all the same (a compiler's way): the
	 * records on a line with a schema error are skipped by the rules */
	int invalid;
	etsi__map schema_lines;  /* "line" of schema errors */
	etsi__map skipped_lines; /* "line" of records a rule skipped */
} eval;

#define OOM(ev) ((ev)->oom = 1)

/* ---- the phases ------------------------------------------------------- */

/* A phase: its name (for tests and readers) and the function that runs it
 * over the context.  ETSI__PHASE_CATALOG: it reads the catalog, so it does
 * not run without one. */
#define ETSI__PHASE_CATALOG 1u

typedef struct etsi__phase {
	const char *name;
	void (*run)(eval *ev);
	unsigned int needs;
} etsi__phase;

/* The check phases and the results phases, in the order they run. */
extern const etsi__phase etsi__check_phases[];
extern const size_t etsi__check_phase_count;
extern const etsi__phase etsi__results_phases[];
extern const size_t etsi__results_phase_count;

/* etsi__evaluate() with the check phases `phases` (n of them) in place of
 * etsi__check_phases[]: for the tests. */
int etsi__evaluate_with(etsi_diagnostics **diags_out, xmlDocPtr *doc_out,
                        etsi_dossier *dossier, const etsi_check_options *opts,
                        const etsi__phase *phases, size_t n);

/* engine_structure.c */
void etsi__check_layers(eval *ev);  /* before validation: may be invalid */
void etsi__check_schema(eval *ev);  /* sets ev->invalid */
void etsi__check_dut(eval *ev);
void etsi__check_boundary(eval *ev);
void etsi__check_ics(eval *ev);
void etsi__check_specific(eval *ev);
void etsi__check_evidence(eval *ev);
void etsi__check_verdicts(eval *ev); /* after the plan */
void etsi__check_waivers(eval *ev);  /* last: which waivers matched */
/* engine_facts.c */
void etsi__gather_facts(eval *ev);
void etsi__index_dossier(eval *ev);
/* engine_claims.c: the ICS claims against the product's typed facts */
void etsi__check_claims(eval *ev);
/* engine_evidence.c: the evidence itself, breadth, dates, external blocks */
void etsi__check_evidence_depth(eval *ev);
/* engine_plan.c */
void etsi__build_plan(eval *ev);
/* engine_outcomes.c: the outcomes, when there is a results document or the
 * dossier claims conformance publicly; then the claim rule reads them */
void etsi__build_outcomes(eval *ev);
void etsi__check_public_claim(eval *ev);
/* engine_gate.c, engine_results.c: the results phases */
void etsi__build_gate(eval *ev);
void etsi__add_findings(eval *ev);
void etsi__add_questions(eval *ev);
void etsi__add_summary(eval *ev);

/* ---- reporting into the context (engine_findings.c) ------------------- */

/* Records a finding of rule r at a line; element and reference as in
 * etsi_diagnostic, and, for a claim a fact contradicts, the claim, the
 * fact and the fact's line.  Waived when a waiver names the rule and the
 * element or the reference; skipped on a line with a schema error. */
void etsi__eval_finding(eval *ev, int r, int line, const char *element, const char *reference,
                        const char *claim, const char *fact, int fact_line, const char *fmt,
                        ...) ETSI__PRINTF(9, 10);

/* A finding of rule r about record `at`, at its line. */
void etsi__eval_at(eval *ev, int r, const etsi_record *at, const char *element,
                   const char *reference, const char *fmt, ...) ETSI__PRINTF(6, 7);

/* A finding that follows from the finding of rule `cause` about
 * `cause_element`, when there is one (NULL: none). */
void etsi__eval_caused(eval *ev, int r, const etsi_record *at, const char *reference,
                       int cause, const char *cause_element, const char *fmt, ...)
	ETSI__PRINTF(7, 8);

/* A finding about a section with no record of its own (the ICS, the
 * public statement): located at the section's element. */
void etsi__eval_in(eval *ev, int r, const char *section, const char *element,
                   const char *reference, const char *fmt, ...) ETSI__PRINTF(6, 7);

/* The shorthands the structural checks report with. */
#define finding(...) etsi__eval_at(__VA_ARGS__)
#define caused_finding(...) etsi__eval_caused(__VA_ARGS__)
#define finding_in(...) etsi__eval_in(__VA_ARGS__)

/* Records an open question about `fact` (at element/line) for the
 * space-separated provisions, under gate step `step`. */
void etsi__eval_question(eval *ev, const char *step, const char *fact, const char *element,
                         int line, const char *provisions, const char *fmt, ...)
	ETSI__PRINTF(7, 8);
void etsi__eval_question_free(question *q);

/* After the check phases: the note of skipped records, then the findings
 * sorted in the order of the rule table and, when `grouped`, grouped. */
int etsi__eval_finish(eval *ev, int grouped);

/* ---- what phases read (engine_facts.c, engine_results.c) -------------- */

/* 1 when every prerequisite of the provision holds, 0 when one does not,
 * -1 when that cannot be decided.  `why` explains the answer. */
int etsi__eval_applicability(const eval *ev, const etsi_record *p, etsi__buf *why);

/* Whether the dossier provides an IXIT input (a table, or one field of
 * it) for every row the test cases iterate over; NULL when out of memory. */
const presence *etsi__eval_input_presence(eval *ev, const char *table, const char *field);

/* The results document; without `full`, only its outcomes. */
int etsi__start_results(eval *ev, int full);

static inline const char *get(const etsi_record *r, const char *field)
{
	return etsi_record_get(r, field);
}

static inline int is_true(const etsi_record *r, const char *field)
{
	const char *value = get(r, field);

	return value && strcmp(value, "true") == 0;
}

/* An ICS entry or verdict carried from an earlier release (etsi release)
 * that nobody has reviewed for this one yet. */
static inline int carried_unreviewed(const etsi_record *r)
{
	return get(r, "carried-from") && (!get(r, "reviewed-by") || !get(r, "reviewed-on"));
}

static inline int unconditional(const etsi_record *p)
{
	return !etsi_record_value_count(p, "condition") && !etsi_record_value_count(p, "feature");
}

static inline int is_clause_53(const etsi_record *p)
{
	return strncmp(etsi_record_key(p), "5.3-", 4) == 0 && !is_true(p, "void");
}

/* Results-document nodes, out of memory noted in the context. */
static inline xmlNodePtr add(eval *ev, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewChild(parent, ev->rns, (const xmlChar *)name, NULL);

	if (!n)
		OOM(ev);
	return n;
}

static inline void attr(eval *ev, xmlNodePtr node, const char *name, const char *value)
{
	if (node && value && !xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value))
		OOM(ev);
}

static inline void set_text(eval *ev, xmlNodePtr node, const char *value)
{
	if (node && value && !xmlAddChild(node, xmlNewDocText(ev->rdoc, (const xmlChar *)value)))
		OOM(ev);
}

static inline void text_child(eval *ev, xmlNodePtr parent, const char *name, const char *value)
{
	xmlNodePtr n;

	if (!parent || !value)
		return;
	n = add(ev, parent, name);
	if (n && !xmlAddChild(n, xmlNewDocText(ev->rdoc, (const xmlChar *)value)))
		OOM(ev);
}

#endif
