/* Unit tests of the evaluation engine through its internal API (engine.h,
 * engine_impl.h): the phase tables and the driver that runs them over one
 * context, each phase reporting into that context, the findings sink
 * reporting every rule as its row of the rule table; and the report stage,
 * which renders results already computed without evaluating again
 * (etsi__evaluate is wrapped at link time and counted). */
#include "helpers.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "engine.h"
#include "engine_impl.h"

#define AS_OF "2026-06-01"

/* ---- etsi__evaluate, counted ----------------------------------------- */

static size_t evaluations;

int __real_etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out,
                          etsi_dossier *dossier, const etsi_check_options *opts);
int __wrap_etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out,
                          etsi_dossier *dossier, const etsi_check_options *opts);

int __wrap_etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out,
                          etsi_dossier *dossier, const etsi_check_options *opts)
{
	evaluations++;
	return __real_etsi__evaluate(diags_out, doc_out, dossier, opts);
}

/* ---- helpers ----------------------------------------------------------- */

static etsi_dossier *load_fixture(const char *name)
{
	etsi_load_options lax = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;

	/* the schema fixtures are invalid: loaded all the same */
	lax.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load(&d, test_data_path(name), &lax), 0);
	assert_non_null(d);
	return d;
}

static const etsi__phase *phase_named(const char *name)
{
	size_t i;

	for (i = 0; i < etsi__check_phase_count; i++) {
		if (strcmp(etsi__check_phases[i].name, name) == 0)
			return &etsi__check_phases[i];
	}
	fail_msg("no check phase '%s'", name);
	return NULL;
}

/* The check phases without the one named `left_out` (NULL: all of them),
 * in `out`; returns how many. */
static size_t phases_without(etsi__phase *out, const char *left_out)
{
	size_t i, n = 0;

	for (i = 0; i < etsi__check_phase_count; i++) {
		if (!left_out || strcmp(etsi__check_phases[i].name, left_out) != 0)
			out[n++] = etsi__check_phases[i];
	}
	return n;
}

/* Evaluates `d` with the given phases as of AS_OF, with no grouping; the
 * status in *status. */
static etsi_diagnostics *run(etsi_dossier *d, const etsi__phase *phases, size_t n,
                             xmlDocPtr *doc, int *status)
{
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_diagnostics *diags = NULL;
	int rc;

	opts.as_of = AS_OF;
	opts.flags = ETSI_CHECK_UNGROUPED;
	rc = etsi__evaluate_with(&diags, doc, d, &opts, phases, n);
	assert_true(rc == 0 || rc == ETSI_EVALIDATION);
	assert_non_null(diags);
	if (status)
		*status = rc;
	return diags;
}

/* ---- the phase tables -------------------------------------------------- */

static void test_engine__phase_tables(void **state)
{
	static const char *const checks[] = {
		"layers", "schema", "facts", "index", "dut", "boundary", "ics", "specific",
		"evidence", "claims", "evidence-depth", "plan", "outcomes", "verdicts",
		"public-claim", "waivers",
	};
	static const char *const results[] = { "gate", "findings", "questions", "summary" };
	size_t i;

	(void)state;
	assert_int_equal(etsi__check_phase_count, sizeof(checks) / sizeof(checks[0]));
	for (i = 0; i < etsi__check_phase_count; i++) {
		assert_string_equal(etsi__check_phases[i].name, checks[i]);
		assert_non_null(etsi__check_phases[i].run);
		/* only the document's own checks run without a catalog */
		assert_int_equal(!(etsi__check_phases[i].needs & ETSI__PHASE_CATALOG), i < 2);
	}
	assert_int_equal(etsi__results_phase_count, sizeof(results) / sizeof(results[0]));
	for (i = 0; i < etsi__results_phase_count; i++) {
		assert_string_equal(etsi__results_phases[i].name, results[i]);
		assert_non_null(etsi__results_phases[i].run);
	}
}

/* ---- the driver runs every phase, in order, over one context ---------- */

static struct {
	char names[8][16];
	size_t count;
	const eval *context;
	const etsi_catalog *catalog;
	char as_of[16];
} seen;

static void record_phase(eval *ev, const char *name)
{
	assert_true(seen.count < 8);
	snprintf(seen.names[seen.count++], sizeof(seen.names[0]), "%s", name);
	/* one context for every phase */
	if (seen.context)
		assert_ptr_equal(ev, seen.context);
	seen.context = ev;
	seen.catalog = ev->cat;
	snprintf(seen.as_of, sizeof(seen.as_of), "%s", ev->as_of);
	assert_non_null(ev->diags);
	assert_non_null(ev->d);
}

static void phase_a(eval *ev)
{
	record_phase(ev, "a");
}

static void phase_b(eval *ev)
{
	record_phase(ev, "b");
}

static void phase_c(eval *ev)
{
	record_phase(ev, "c");
}

static void test_engine__driver_runs_every_phase_in_order(void **state)
{
	static const etsi__phase phases[] = {
		{ "c", phase_c, 0 }, { "a", phase_a, ETSI__PHASE_CATALOG }, { "b", phase_b, 0 },
		{ "a", phase_a, 0 },
	};
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_diagnostics *diags;

	(void)state;
	memset(&seen, 0, sizeof(seen));
	diags = run(d, phases, 4, NULL, NULL);
	assert_int_equal(seen.count, 4);
	assert_string_equal(seen.names[0], "c");
	assert_string_equal(seen.names[1], "a");
	assert_string_equal(seen.names[2], "b");
	assert_string_equal(seen.names[3], "a");
	assert_ptr_equal(seen.catalog, etsi_dossier_catalog(d));
	assert_string_equal(seen.as_of, AS_OF);
	/* phases that report nothing: no finding from anywhere else */
	assert_int_equal(etsi_diagnostics_count(diags), 0);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_engine__no_catalog_runs_only_document_phases(void **state)
{
	static const etsi__phase phases[] = {
		{ "a", phase_a, ETSI__PHASE_CATALOG }, { "b", phase_b, 0 },
		{ "c", phase_c, ETSI__PHASE_CATALOG },
	};
	etsi_dossier *d = load_fixture("invalid/unknown-edition.xml");
	etsi_diagnostics *diags;

	(void)state;
	assert_null(etsi_dossier_catalog(d));
	memset(&seen, 0, sizeof(seen));
	diags = run(d, phases, 3, NULL, NULL);
	assert_int_equal(seen.count, 1);
	assert_string_equal(seen.names[0], "b");
	assert_null(seen.catalog);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

/* ---- each phase reports into the context ------------------------------- */

/* A check phase, a fixture that makes one of its rules fire, that rule. */
static const struct {
	const char *phase;
	const char *fixture;
	int rule;
} reporters[] = {
	{ "layers", "rules/layer-mixing/fail.xml", R_LAYER_MIXING },
	{ "schema", "rules/schema/fail.xml", R_SCHEMA },
	{ "index", "rules/waiver-unknown-rule/fail.xml", R_WAIVER_UNKNOWN_RULE },
	{ "dut", "rules/dut-identification-missing/fail.xml", R_DUT_IDENTIFICATION },
	{ "boundary", "rules/boundary-updateability-undecided/fail.xml", R_BOUNDARY_UNDECIDED },
	{ "ics", "rules/ics-entry-missing/fail.xml", R_ICS_ENTRY_MISSING },
	{ "specific", "rules/mechanism-trust-missing/fail.xml", R_MECHANISM_TRUST },
	{ "evidence", "rules/evidence-category-unfit/fail.xml", R_EVIDENCE_CATEGORY },
	{ "claims", "rules/claim-verification-absent/fail.xml", R_CLAIM_VERIFY_ABSENT },
	{ "evidence-depth", "rules/evidence-stale/fail.xml", R_EVIDENCE_STALE },
	{ "verdicts", "rules/verdict-indication-missing/fail.xml", R_VERDICT_INDICATION },
	{ "public-claim", "rules/public-claim-unsupported/fail.xml", R_PUBLIC_CLAIM },
	{ "waivers", "rules/waiver-unused/fail.xml", R_WAIVER_UNUSED },
};

static void test_engine__each_phase_reports_its_rules(void **state)
{
	etsi__phase phases[32];
	size_t i, n;

	(void)state;
	assert_true(etsi__check_phase_count <= 32);
	for (i = 0; i < sizeof(reporters) / sizeof(reporters[0]); i++) {
		etsi_dossier *d = load_fixture(reporters[i].fixture);
		const char *rule = etsi_rule_at((size_t)reporters[i].rule)->id;
		etsi_diagnostics *all, *without;

		assert_non_null(phase_named(reporters[i].phase));
		n = phases_without(phases, NULL);
		all = run(d, phases, n, NULL, NULL);
		if (!test_count_findings(all, rule, NULL))
			fail_msg("%s: no %s finding", reporters[i].fixture, rule);
		n = phases_without(phases, reporters[i].phase);
		assert_int_equal(n, etsi__check_phase_count - 1);
		without = run(d, phases, n, NULL, NULL);
		if (test_count_findings(without, rule, NULL))
			fail_msg("%s: %s reported without phase %s", reporters[i].fixture, rule,
			         reporters[i].phase);
		etsi_diagnostics_free(without);
		etsi_diagnostics_free(all);
		etsi_dossier_free(d);
	}
}

/* The verdict rules read the plan the plan phase left in the context:
 * without it, no verdict is of a planned case. */
static void test_engine__phases_read_what_earlier_phases_left(void **state)
{
	etsi_dossier *d = load_fixture("rules/baseline-v3.xml");
	size_t verdicts = etsi_dossier_count(d, ETSI_KIND_VERDICT);
	const char *rule = etsi_rule_at(R_VERDICT_NOT_PLANNED)->id;
	etsi__phase phases[32];
	etsi_diagnostics *diags;
	xmlDocPtr doc = NULL;

	(void)state;
	assert_true(verdicts > 0);
	diags = run(d, phases, phases_without(phases, NULL), &doc, NULL);
	assert_int_equal(etsi_diagnostics_count(diags), 0);
	etsi_diagnostics_free(diags);
	xmlFreeDoc(doc);
	diags = run(d, phases, phases_without(phases, "plan"), NULL, NULL);
	assert_int_equal(test_count_findings(diags, rule, NULL), verdicts);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

/* ---- the findings sink: every rule as its row -------------------------- */

static void report_every_rule(eval *ev)
{
	size_t r;

	for (r = 0; r < R__COUNT; r++) {
		char element[32];

		snprintf(element, sizeof(element), "element-%zu", r);
		/* from the last rule to the first: the sink sorts them */
		etsi__eval_finding(ev, (int)(R__COUNT - 1 - r), (int)(r + 1), element, NULL, NULL,
		                   NULL, 0, "finding of rule %zu", R__COUNT - 1 - r);
	}
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	xmlNodePtr c;

	for (c = parent ? parent->children : NULL; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	}
	return NULL;
}

static void assert_attr(xmlNodePtr node, const char *name, const char *expected)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);

	assert_str((const char *)value, expected);
	xmlFree(value);
}

static void test_engine__every_rule_reported_as_its_row(void **state)
{
	static const etsi__phase phases[] = { { "every-rule", report_every_rule, 0 } };
	etsi_dossier *d = load_fixture("rules/baseline-v3.xml");
	xmlDocPtr doc = NULL;
	etsi_diagnostics *diags = run(d, phases, 1, &doc, NULL);
	xmlNodePtr finding;
	size_t r;

	(void)state;
	assert_int_equal(etsi_diagnostics_count(diags), R__COUNT);
	assert_non_null(doc);
	finding = child(child(xmlDocGetRootElement(doc), "findings"), "finding");
	for (r = 0; r < R__COUNT; r++, finding = finding ? finding->next : NULL) {
		const etsi_rule *rule = etsi_rule_at(r);
		const etsi_diagnostic *f = etsi_diagnostics_at(diags, r);
		char message[48];

		while (finding && finding->type != XML_ELEMENT_NODE)
			finding = finding->next;
		snprintf(message, sizeof(message), "finding of rule %zu", r);
		/* in the order of the rule table, with the row's severity and hint */
		assert_string_equal(f->rule, rule->id);
		assert_int_equal(f->severity, rule->severity);
		assert_str(f->hint, rule->hint);
		assert_string_equal(f->message, message);
		assert_int_equal(f->line, (int)(R__COUNT - r));
		assert_false(f->waived);
		/* and in the results document with its layer and step */
		assert_non_null(finding);
		assert_attr(finding, "rule", rule->id);
		assert_attr(finding, "severity", etsi_severity_name(rule->severity));
		assert_attr(finding, "layer", rule->layer);
		assert_attr(finding, "step", rule->step);
	}
	xmlFreeDoc(doc);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_engine__rule_table_rows(void **state)
{
	size_t r, k;

	(void)state;
	for (r = 0; r < R__COUNT; r++) {
		const etsi_rule *rule = etsi_rule_at(r);

		assert_non_null(rule);
		assert_non_null(rule->id);
		assert_non_null(rule->summary);
		assert_non_null(rule->hint);
		assert_non_null(rule->layer);
		assert_non_null(rule->step);
		assert_non_null(rule->basis);
		assert_ptr_equal(etsi_rule_find(rule->id), rule);
		/* libetsi's advice is never an error */
		if (strcmp(rule->basis, "judgement") == 0)
			assert_int_not_equal(rule->severity, ETSI_SEVERITY_ERROR);
		for (k = 0; k < r; k++)
			assert_string_not_equal(etsi_rule_at(k)->id, rule->id);
	}
	assert_null(etsi_rule_at(R__COUNT));
	assert_string_equal(etsi_rule_at(R_SCHEMA)->id, "schema");
	assert_string_equal(etsi_rule_at(R_LAYER_MIXING)->id, "layer-mixing");
	assert_string_equal(etsi_rule_at(R__COUNT - 1)->id, "evidence-version-mismatch");
}

/* A finding a phase reports is waived by the waiver the index phase
 * found for its rule and reference; without that phase, by none. */
static void report_waivable(eval *ev)
{
	etsi__eval_finding(ev, R_IXIT_PROCEDURE_INPUT, 1, NULL, "5.3-8", NULL, NULL, 0,
	                   "a finding the fixture waives");
}

static void test_engine__sink_applies_the_indexed_waivers(void **state)
{
	etsi_dossier *d = load_fixture("rules/waiver-unused/pass.xml");
	etsi__phase phases[2];
	etsi_diagnostics *diags;

	(void)state;
	phases[0] = *phase_named("index");
	phases[1].name = "waivable";
	phases[1].run = report_waivable;
	phases[1].needs = 0;
	diags = run(d, phases, 2, NULL, NULL);
	assert_int_equal(etsi_diagnostics_count(diags), 1);
	assert_true(etsi_diagnostics_at(diags, 0)->waived);
	assert_str(etsi_diagnostics_at(diags, 0)->waiver, "wv-conf-5.3-8");
	etsi_diagnostics_free(diags);
	diags = run(d, phases + 1, 1, NULL, NULL);
	assert_int_equal(etsi_diagnostics_count(diags), 1);
	assert_false(etsi_diagnostics_at(diags, 0)->waived);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

/* ---- the results phases ----------------------------------------------- */

static void test_engine__results_document_only_when_asked(void **state)
{
	static const char *const sections[] = { "summary", "findings", "plan", "outcomes",
	                                        "gate", "open-questions" };
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi__phase phases[32];
	size_t n = phases_without(phases, NULL), i;
	etsi_diagnostics *plain, *full;
	xmlDocPtr doc = NULL;
	xmlNodePtr c;

	(void)state;
	plain = run(d, phases, n, NULL, NULL);
	full = run(d, phases, n, &doc, NULL);
	assert_non_null(doc);
	/* the same findings either way */
	assert_int_equal(etsi_diagnostics_count(plain), etsi_diagnostics_count(full));
	for (i = 0; i < etsi_diagnostics_count(plain); i++)
		assert_string_equal(etsi_diagnostics_at(plain, i)->message,
		                    etsi_diagnostics_at(full, i)->message);
	for (i = 0, c = xmlDocGetRootElement(doc)->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		assert_true(i < sizeof(sections) / sizeof(sections[0]));
		assert_string_equal((const char *)c->name, sections[i++]);
		/* the phases wrote their sections (findings and questions
		 * may have none) */
		if (strcmp((const char *)c->name, "summary") == 0)
			assert_attr(c, "as-of", AS_OF);
		else if (strcmp((const char *)c->name, "plan") == 0 ||
		         strcmp((const char *)c->name, "outcomes") == 0 ||
		         strcmp((const char *)c->name, "gate") == 0)
			assert_non_null(c->children);
	}
	assert_int_equal(i, sizeof(sections) / sizeof(sections[0]));
	xmlFreeDoc(doc);
	etsi_diagnostics_free(full);
	etsi_diagnostics_free(plain);
	etsi_dossier_free(d);
}

/* ---- the report stage ------------------------------------------------- */

static const char *const examples[] = { "smart-camera-v3.xml", "constrained-sensor-v2.xml",
                                        "home-hub-v3.xml", "smart-plug-usb-v3.xml" };
static const char *const formats[] = { "html", "public", "ics-csv", "plan-csv",
                                       "evidence-csv", "md", "input" };

static int report(char **out, size_t *len, etsi_dossier *d, const char *format,
                  const etsi_results *results)
{
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;

	opts.format = format;
	opts.date = AS_OF;
	opts.as_of = AS_OF;
	opts.results = results;
	*out = NULL;
	return etsi_dossier_report(out, len, d, &opts);
}

/* Every format, from results computed once, is the same bytes as from the
 * dossier, and evaluates nothing. */
static void test_engine__report_stage_renders_given_results(void **state)
{
	size_t e, f;

	(void)state;
	for (e = 0; e < sizeof(examples) / sizeof(examples[0]); e++) {
		etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
		etsi_dossier *d = test_load_example(examples[e], NULL);
		etsi_results *results = NULL;
		size_t before;

		check.as_of = AS_OF;
		before = evaluations;
		assert_int_equal(etsi_dossier_evaluate(&results, d, &check), 0);
		assert_non_null(results);
		assert_int_equal(evaluations, before + 1);
		for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
			char *alone, *given;
			size_t alone_len = 0, given_len = 0;
			int alone_rc, given_rc;

			before = evaluations;
			given_rc = report(&given, &given_len, d, formats[f], results);
			assert_int_equal(evaluations, before);
			alone_rc = report(&alone, &alone_len, d, formats[f], NULL);
			assert_int_equal(evaluations, before + 1);
			if (given_rc != alone_rc)
				fail_msg("%s -f %s: %d given results, %d alone", examples[e], formats[f],
				         given_rc, alone_rc);
			if (alone_rc == 0) {
				assert_int_equal(given_len, alone_len);
				assert_memory_equal(given, alone, alone_len);
			} else {
				assert_null(given);
				assert_null(alone);
			}
			etsi_free(alone);
			etsi_free(given);
		}
		etsi_results_free(results);
		etsi_dossier_free(d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine__phase_tables),
		cmocka_unit_test(test_engine__driver_runs_every_phase_in_order),
		cmocka_unit_test(test_engine__no_catalog_runs_only_document_phases),
		cmocka_unit_test(test_engine__each_phase_reports_its_rules),
		cmocka_unit_test(test_engine__phases_read_what_earlier_phases_left),
		cmocka_unit_test(test_engine__every_rule_reported_as_its_row),
		cmocka_unit_test(test_engine__rule_table_rows),
		cmocka_unit_test(test_engine__sink_applies_the_indexed_waivers),
		cmocka_unit_test(test_engine__results_document_only_when_asked),
		cmocka_unit_test(test_engine__report_stage_renders_given_results),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
