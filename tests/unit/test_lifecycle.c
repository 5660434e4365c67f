/* Unit tests of the release lifecycle (release.c, diff.c and the rules of
 * the engine (engine_*.c) that read carried items): the next release's dossier with
 * its carried evidence, ICS entries and verdicts marked for review, the
 * old dossier untouched; `etsi check` findings until they are reviewed;
 * carried verdicts counting as not assessed; diffs field by field, added
 * and removed records, list values, white space; stale evidence by the
 * rules of docs/lifecycle.md; the writers; arguments; allocation
 * failures.  Fixture: tests/data/lifecycle/evidence.xml. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"

#define FIXTURE "lifecycle/evidence.xml"

static etsi_dossier *load_fixture(void)
{
	etsi_dossier *d = NULL;

	if (etsi_dossier_load(&d, test_data_path(FIXTURE), NULL) != 0)
		fail_msg("%s: %s", FIXTURE, etsi_error_last()->message);
	return d;
}

/* The fixture with one exact text replacement, loaded from memory. */
static etsi_dossier *load_changed(const char *from, const char *to)
{
	char *text = test_read_file(test_data_path(FIXTURE), NULL);
	char *changed = test_replace(text, from, to);
	etsi_dossier *d = NULL;

	if (etsi_dossier_load_memory(&d, changed, strlen(changed), "changed.xml", NULL) != 0)
		fail_msg("changed fixture: %s", etsi_error_last()->message);
	free(text);
	free(changed);
	return d;
}

static etsi_dossier *released(const etsi_dossier *old)
{
	etsi_dossier *d = NULL;

	if (etsi_dossier_release(&d, old, "1.1.0", "2026-06-01") != 0)
		fail_msg("release: %s", etsi_error_last()->message);
	return d;
}

static int has_rule(const etsi_diagnostics *list, const char *rule, const char *reference)
{
	return (int)test_count_findings(list, rule, reference);
}

/* ---- release ------------------------------------------------------------ */

static void test_lifecycle__release_marks(void **state)
{
	etsi_dossier *old = load_fixture(), *d;
	char *before = test_write(old, NULL), *after;
	etsi_record *r;
	size_t i;

	(void)state;
	d = released(old);
	/* the old dossier is untouched */
	after = test_write(old, NULL);
	assert_string_equal(before, after);
	assert_str(etsi_dossier_path(old), test_data_path(FIXTURE));
	/* a new dossier, not yet saved, valid */
	assert_null(etsi_dossier_path(d));
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	r = etsi_dossier_find(d, ETSI_KIND_HEADER, NULL);
	assert_str(etsi_record_get(r, "release"), "1.1.0");
	assert_str(etsi_record_get(r, "previous-release"), "1.0.0");
	assert_str(etsi_record_get(r, "release-date"), "2026-06-01");
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_DUT, NULL), "software-version"),
	           "1.1.0");
	/* every evidence item keeps the release it was produced for */
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_EVIDENCE), 4);
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_EVIDENCE); i++) {
		r = etsi_dossier_at(d, ETSI_KIND_EVIDENCE, i);
		assert_str(etsi_record_get(r, "release"), "1.0.0");
		assert_str(etsi_record_get(r, "review"), "needs-review");
		assert_str(etsi_record_get(r, "carried-from"), "1.0.0");
		assert_str(etsi_record_get(r, "carried-from-evidence"), etsi_record_key(r));
		assert_null(etsi_record_get(r, "reviewed-by"));
		assert_null(etsi_record_get(r, "reviewed-on"));
	}
	/* artifacts keep their digests */
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-log"), "sha256"),
	           "ab85072a552e02c35e65f9c3385be8c3854bcf1906c2e9ca926bcec6421ac41e");
	/* ICS entries that state something are carried; 5.3-16 states nothing */
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-9"),
	                           "carried-from"), "1.0.0");
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-9"),
	                           "detail"),
	           "The boot loader checks the manifest signature and the image digests.");
	assert_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-16"),
	                            "carried-from"));
	/* verdicts are carried, not confirmed */
	r = etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-9-1");
	assert_str(etsi_record_get(r, "carried-from"), "1.0.0");
	assert_str(etsi_record_get(r, "result"), "PASS");
	assert_str(etsi_record_get(r, "evidence"), "ev-verification");
	/* the old release's sign-offs and fixed plan stay behind */
	r = etsi_dossier_find(d, ETSI_KIND_STEP, "scope");
	assert_str(etsi_record_get(r, "owner"), "psirt");
	assert_null(etsi_record_get(r, "signed-off"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_PLAN_CASE), 0);
	free(after);
	after = test_write(d, NULL);
	assert_not_contains(after, "test-plan");
	assert_contains(after, "<carried-from release=\"1.0.0\"/>\n    </verdict>");
	/* a new release without a date has none */
	etsi_dossier_free(d);
	assert_int_equal(etsi_dossier_release(&d, old, "1.1.0", NULL), 0);
	assert_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL), "release-date"));
	etsi_dossier_free(d);
	free(before);
	free(after);
	etsi_dossier_free(old);
}

static void test_lifecycle__release_twice(void **state)
{
	etsi_dossier *old = load_fixture(), *d1 = released(old), *d2 = NULL;
	etsi_record *e;

	(void)state;
	/* reviewed in 1.1.0, then carried again into 1.2.0: the review of the
	 * previous carry goes, the produced-for release stays */
	e = etsi_dossier_find(d1, ETSI_KIND_EVIDENCE, "ev-crypto");
	assert_int_equal(etsi_record_set(e, "reviewed-by", "comp"), 0);
	assert_int_equal(etsi_record_set(e, "reviewed-on", "2026-06-02"), 0);
	assert_int_equal(etsi_record_set(e, "review", "accepted"), 0);
	assert_int_equal(etsi_dossier_release(&d2, d1, "1.2.0", NULL), 0);
	e = etsi_dossier_find(d2, ETSI_KIND_EVIDENCE, "ev-crypto");
	assert_str(etsi_record_get(e, "release"), "1.0.0");
	assert_str(etsi_record_get(e, "carried-from"), "1.1.0");
	assert_null(etsi_record_get(e, "reviewed-by"));
	assert_null(etsi_record_get(e, "reviewed-on"));
	assert_str(etsi_record_get(etsi_dossier_find(d2, ETSI_KIND_HEADER, NULL),
	                           "previous-release"), "1.1.0");
	etsi_dossier_free(d2);
	etsi_dossier_free(d1);
	etsi_dossier_free(old);
}

static void test_lifecycle__release_errors(void **state)
{
	etsi_dossier *old = load_fixture(), *d = (etsi_dossier *)&state;

	(void)state;
	assert_etsi_error(etsi_dossier_release(&d, old, "1.0.0", NULL), ETSI_EINVALID);
	assert_null(d);
	assert_contains(etsi_error_last()->message, "already for release 1.0.0");
	assert_etsi_error(etsi_dossier_release(&d, old, NULL, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_release(&d, old, "  ", NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_release(&d, old, "1.1.0", "2026-02-30"), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_release(&d, old, "1.1.0\n2", NULL), ETSI_EINVALID);
	assert_null(d);
	assert_etsi_error(etsi_dossier_release(&d, NULL, "1.1.0", NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_release(NULL, old, "1.1.0", NULL), ETSI_EINVALID);
	etsi_dossier_free(old);
}

static void test_lifecycle__check_until_reviewed(void **state)
{
	etsi_dossier *old = load_fixture(), *d = released(old);
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_diagnostics *findings = NULL;
	etsi_results *results = NULL;
	const etsi_record *outcome;
	size_t i;

	(void)state;
	opts.as_of = "2026-06-01";
	assert_int_equal(etsi_dossier_check(&findings, d, &opts), ETSI_EVALIDATION);
	assert_int_equal(has_rule(findings, "evidence-needs-review", NULL), 4);
	assert_int_equal(has_rule(findings, "evidence-release-mismatch", NULL), 0);
	assert_int_equal(has_rule(findings, "ics-needs-review", NULL), 5);
	assert_int_equal(has_rule(findings, "ics-needs-review", "5.3-16"), 0);
	assert_int_equal(has_rule(findings, "verdict-needs-review", "5.3-9-1"), 1);
	etsi_diagnostics_free(findings);
	/* a carried verdict counts as not assessed until it is confirmed */
	assert_int_equal(etsi_dossier_evaluate(&results, d, &opts), 0);
	outcome = etsi_results_find(results, ETSI_KIND_OUTCOME, "5.3-9");
	assert_str(etsi_record_get(etsi_record_child_at(outcome, 0), "id"), "5.3-9-1");
	assert_str(etsi_record_get(etsi_record_child_at(outcome, 0), "outcome"), "NOT ASSESSED");
	etsi_results_free(results);

	/* review everything: the findings go */
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_EVIDENCE); i++) {
		etsi_record *e = etsi_dossier_at(d, ETSI_KIND_EVIDENCE, i);

		assert_int_equal(etsi_record_set(e, "reviewed-by", "comp"), 0);
		assert_int_equal(etsi_record_set(e, "reviewed-on", "2026-06-01"), 0);
		assert_int_equal(etsi_record_set(e, "review", "accepted"), 0);
	}
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY); i++) {
		etsi_record *e = etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, i);

		if (!etsi_record_get(e, "carried-from"))
			continue;
		assert_int_equal(etsi_record_set(e, "reviewed-by", "comp"), 0);
		assert_int_equal(etsi_record_set(e, "reviewed-on", "2026-06-01"), 0);
	}
	{
		etsi_record *v = etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-9-1");

		/* a verdict is confirmed by a party, not an owner */
		assert_etsi_error(etsi_record_set(v, "reviewed-by", "comp"), ETSI_ENOTFOUND);
		assert_int_equal(etsi_record_set(v, "reviewed-by", "lab"), 0);
		assert_int_equal(etsi_record_set(v, "reviewed-on", "2026-06-01"), 0);
	}
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_check(&findings, d, &opts);
	assert_int_equal(has_rule(findings, "evidence-needs-review", NULL), 0);
	assert_int_equal(has_rule(findings, "evidence-release-mismatch", NULL), 0);
	assert_int_equal(has_rule(findings, "ics-needs-review", NULL), 0);
	assert_int_equal(has_rule(findings, "verdict-needs-review", NULL), 0);
	etsi_diagnostics_free(findings);
	assert_int_equal(etsi_dossier_evaluate(&results, d, &opts), 0);
	outcome = etsi_results_find(results, ETSI_KIND_OUTCOME, "5.3-9");
	assert_str(etsi_record_get(etsi_record_child_at(outcome, 0), "outcome"), "PASS");
	etsi_results_free(results);
	/* accepted but with no recorded review: the release mismatch shows */
	assert_int_equal(etsi_record_set(etsi_dossier_find(d, ETSI_KIND_EVIDENCE, "ev-crypto"),
	                                 "reviewed-on", NULL), 0);
	etsi_dossier_check(&findings, d, &opts);
	assert_int_equal(has_rule(findings, "evidence-release-mismatch", "5.3-7"), 1);
	etsi_diagnostics_free(findings);
	etsi_dossier_free(d);
	etsi_dossier_free(old);
}

static void test_lifecycle__rules_are_in_the_table(void **state)
{
	const etsi_rule *r;

	(void)state;
	r = etsi_rule_find("ics-needs-review");
	assert_non_null(r);
	assert_int_equal(r->severity, ETSI_SEVERITY_ERROR);
	assert_str(r->layer, "requirement");
	assert_str(r->step, "ics");
	r = etsi_rule_find("verdict-needs-review");
	assert_non_null(r);
	assert_int_equal(r->severity, ETSI_SEVERITY_ERROR);
	assert_str(r->layer, "assessment");
	assert_str(r->step, "handoff");
	/* the artifact statuses are not check rules */
	assert_null(etsi_rule_find("artifact-changed"));
}

/* ---- diff --------------------------------------------------------------- */

static const etsi_change *find_change(const etsi_diff *diff, etsi_change_type type,
                                      const char *kind, const char *key, const char *field)
{
	size_t i;

	for (i = 0; i < etsi_diff_count(diff); i++) {
		const etsi_change *c = etsi_diff_at(diff, i);

		if (c->type == type && strcmp(c->kind, kind) == 0 &&
		    ((!key && !c->key) || (key && c->key && strcmp(key, c->key) == 0)) &&
		    ((!field && !c->field) || (field && c->field && strcmp(field, c->field) == 0)))
			return c;
	}
	fail_msg("no %s change of %s %s %s", etsi_change_type_name(type), kind,
	         key ? key : "", field ? field : "");
	return NULL;
}

static const etsi_stale *find_stale(const etsi_diff *diff, const char *evidence)
{
	size_t i;

	for (i = 0; i < etsi_diff_stale_count(diff); i++) {
		if (strcmp(etsi_diff_stale_at(diff, i)->evidence, evidence) == 0)
			return etsi_diff_stale_at(diff, i);
	}
	return NULL;
}

/* The stale item of an evidence item, which must be there with this first
 * cause (kind, key, field). */
static const etsi_stale *assert_stale(const etsi_diff *diff, const char *evidence,
                                      const char *kind, const char *key, const char *field)
{
	const etsi_stale *s = find_stale(diff, evidence);

	if (!s)
		fail_msg("evidence %s is not stale", evidence);
	assert_str(s->cause_kind, kind);
	if (key)
		assert_str(s->cause_key, key);
	else
		assert_null(s->cause_key);
	if (field)
		assert_str(s->cause_field, field);
	else
		assert_null(s->cause_field);
	return s;
}

static etsi_diff *diff_of(const etsi_dossier *a, const etsi_dossier *b)
{
	etsi_diff *diff = NULL;

	assert_int_equal(etsi_dossier_diff(&diff, a, b), 0);
	assert_non_null(diff);
	return diff;
}

static void test_lifecycle__diff_same(void **state)
{
	etsi_dossier *a = load_fixture(), *b = load_fixture();
	etsi_diff *diff = diff_of(a, b);
	char *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(etsi_diff_count(diff), 0);
	assert_int_equal(etsi_diff_stale_count(diff), 0);
	assert_null(etsi_diff_at(diff, 0));
	assert_null(etsi_diff_stale_at(diff, 0));
	assert_int_equal(etsi_diff_write(&text, &len, diff, "text"), 0);
	assert_contains(text, "no differences\n");
	assert_int_equal(len, strlen(text));
	etsi_free(text);
	etsi_diff_free(diff);
	/* white space inside a text is no change */
	etsi_dossier_free(b);
	b = load_changed("<claim>Tampered, foreign-key,", "<claim>\n        Tampered,   foreign-key,");
	diff = diff_of(a, b);
	assert_int_equal(etsi_diff_count(diff), 0);
	etsi_diff_free(diff);
	etsi_dossier_free(a);
	etsi_dossier_free(b);
}

static void test_lifecycle__diff_changes(void **state)
{
	etsi_dossier *a = load_fixture(), *b;
	etsi_diff *diff;
	const etsi_change *c;
	char *text;
	char *fixture = test_read_file(test_data_path(FIXTURE), NULL);
	int line;

	(void)state;
	/* fw's version, a new component, a verdict gone, an artifact's digest */
	{
		char *t1 = test_replace(fixture, "<version>1.0.0</version>",
		                        "<version>1.0.1</version>");
		char *t2 = test_replace(t1, "    <mechanism id=\"ota\"",
		                        "    <component id=\"ble\" kind=\"radio-firmware\" "
		                        "updateable=\"true\">\n      <name>BLE radio</name>\n"
		                        "      <covered-by mechanism=\"ota\"/>\n    </component>\n"
		                        "    <mechanism id=\"ota\"");
		char *t3 = test_replace(t2, "    <verdict case=\"5.3-9-1\" result=\"PASS\" by=\"lab\" "
		                        "date=\"2026-03-05\">\n      <evidence-ref "
		                        "ref=\"ev-verification\"/>\n    </verdict>\n", "");

		text = test_replace(t3, "sha256=\"ab85072a552e02c35e65f9c3385be8c3854bcf1906c2e9ca926"
		                    "bcec6421ac41e\"", "sha256=\"000000000000000000000000000000000000"
		                    "0000000000000000000000000000\"");
		free(t1);
		free(t2);
		free(t3);
	}
	assert_int_equal(etsi_dossier_load_memory(&b, text, strlen(text), "b.xml", NULL), 0);
	diff = diff_of(a, b);
	c = find_change(diff, ETSI_CHANGE_CHANGED, "component", "fw", "version");
	assert_str(c->old_value, "1.0.0");
	assert_str(c->new_value, "1.0.1");
	line = test_line_of(fixture, "<component id=\"fw\"");
	assert_int_equal(c->old_line, line);
	assert_int_equal(c->new_line, line);
	assert_null(c->parent);
	c = find_change(diff, ETSI_CHANGE_ADDED, "component", "ble", NULL);
	assert_int_equal(c->old_line, 0);
	assert_true(c->new_line > 0);
	assert_null(c->old_value);
	c = find_change(diff, ETSI_CHANGE_REMOVED, "verdict", "5.3-9-1", NULL);
	assert_int_equal(c->new_line, 0);
	assert_int_equal(c->old_line, test_line_of(fixture, "<verdict case=\"5.3-9-1\""));
	c = find_change(diff, ETSI_CHANGE_CHANGED, "artifact", "art-log", "sha256");
	assert_str(c->parent, "ev-verification");
	assert_str(c->new_value, "0000000000000000000000000000000000000000000000000000000000000000");
	/* the order: kinds in table order, components before artifacts */
	assert_str(etsi_diff_at(diff, 0)->kind, "component");
	etsi_diff_free(diff);
	/* the other way round, the added component is removed */
	diff = diff_of(b, a);
	find_change(diff, ETSI_CHANGE_REMOVED, "component", "ble", NULL);
	find_change(diff, ETSI_CHANGE_ADDED, "verdict", "5.3-9-1", NULL);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	free(text);
	free(fixture);
	etsi_dossier_free(a);
}

static void test_lifecycle__diff_list_values(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_dossier *b = load_changed("<evidence-ref ref=\"ev-verification\"/>",
	                               "<indication>Seen on the console.</indication>\n"
	                               "      <evidence-ref ref=\"ev-crypto\"/>");
	etsi_diff *diff = diff_of(a, b);
	const etsi_change *c;

	(void)state;
	c = find_change(diff, ETSI_CHANGE_CHANGED, "verdict", "5.3-9-1", "indication");
	assert_null(c->old_value);
	assert_str(c->new_value, "Seen on the console.");
	c = etsi_diff_at(diff, 1);
	assert_str(c->field, "evidence");
	assert_null(c->old_value);
	assert_str(c->new_value, "ev-crypto");
	c = etsi_diff_at(diff, 2);
	assert_str(c->field, "evidence");
	assert_str(c->old_value, "ev-verification");
	assert_null(c->new_value);
	assert_int_equal(etsi_diff_count(diff), 3);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

/* ICS support, an owner and a mechanism's interaction: each is a change with
 * its field and values, and the ICS entry and the mechanism make the
 * evidence resting on them stale, nothing else */
static void test_lifecycle__diff_ics_owner_mechanism(void **state)
{
	etsi_dossier *a = load_fixture(), *b;
	etsi_diff *diff;
	const etsi_change *c;
	const etsi_stale *s;
	char *text = test_read_file(test_data_path(FIXTURE), NULL);
	char *t1 = test_replace(text, "<entry provision=\"5.3-13\" support=\"Y\">",
	                        "<entry provision=\"5.3-13\" support=\"N\">");
	char *t2 = test_replace(t1, "<name>R. Osei</name>", "<name>R. Osei-Mensah</name>");
	char *t3 = test_replace(t2, "network=\"true\" automatic=\"true\"",
	                        "network=\"true\" automatic=\"false\"");

	(void)state;
	assert_int_equal(etsi_dossier_load_memory(&b, t3, strlen(t3), "b.xml", NULL), 0);
	diff = diff_of(a, b);
	assert_int_equal(etsi_diff_count(diff), 3);
	c = find_change(diff, ETSI_CHANGE_CHANGED, "owner", "psirt", "name");
	assert_str(c->old_value, "R. Osei");
	assert_str(c->new_value, "R. Osei-Mensah");
	c = find_change(diff, ETSI_CHANGE_CHANGED, "mechanism", "ota", "automatic");
	assert_str(c->old_value, "true");
	assert_str(c->new_value, "false");
	c = find_change(diff, ETSI_CHANGE_CHANGED, "ics-entry", "5.3-13", "support");
	assert_str(c->old_value, "Y");
	assert_str(c->new_value, "N");
	assert_int_equal(c->new_line, test_line_of(t3, "<entry provision=\"5.3-13\""));
	/* the owner's name is no fact any provision rests on */
	s = assert_stale(diff, "ev-support", "ics-entry", "5.3-13", "support");
	assert_contains(s->message, "predates a change to its ICS entry");
	s = assert_stale(diff, "ev-settings", "mechanism", "ota", "automatic");
	assert_contains(s->message, "automation and user interaction");
	assert_null(find_stale(diff, "ev-crypto"));
	assert_int_equal(etsi_diff_stale_count(diff), 2);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	free(text);
	free(t1);
	free(t2);
	free(t3);
	etsi_dossier_free(a);
}

/* An invalid dossier is compared all the same: an ICS entry without its
 * provision (the key) is a record of its own, added or removed, and makes
 * no evidence stale itself. */
static void test_lifecycle__diff_entry_without_provision(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *a = load_fixture(), *b = NULL, *c = NULL;
	etsi_diff *diff;
	char *text = test_read_file(test_data_path(FIXTURE), NULL);
	char *t1 = test_replace(text, "<entry provision=\"5.3-13\" support=\"Y\">",
	                        "<entry support=\"Y\">");
	char *t2 = test_replace(text, "<entry provision=\"5.3-13\" support=\"Y\">",
	                        "<entry support=\"N\">");
	char *out = NULL;

	(void)state;
	opts.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load_memory(&b, t1, strlen(t1), "b.xml", &opts), 0);
	assert_int_equal(etsi_dossier_load_memory(&c, t2, strlen(t2), "c.xml", &opts), 0);
	/* added, and the old entry removed */
	diff = diff_of(a, b);
	assert_non_null(find_change(diff, ETSI_CHANGE_ADDED, "ics-entry", NULL, NULL));
	assert_non_null(find_change(diff, ETSI_CHANGE_REMOVED, "ics-entry", "5.3-13", NULL));
	/* stale for the removal of its provision's entry, not the added one */
	assert_stale(diff, "ev-support", "ics-entry", "5.3-13", NULL);
	assert_int_equal(etsi_diff_write(&out, NULL, diff, "text"), 0);
	assert_contains(out, "added ics-entry (line");
	etsi_free(out);
	etsi_diff_free(diff);
	/* the other way round */
	diff = diff_of(b, a);
	assert_non_null(find_change(diff, ETSI_CHANGE_REMOVED, "ics-entry", NULL, NULL));
	assert_non_null(find_change(diff, ETSI_CHANGE_ADDED, "ics-entry", "5.3-13", NULL));
	assert_int_equal(etsi_diff_write(&out, NULL, diff, "json"), 0);
	etsi_free(out);
	etsi_diff_free(diff);
	/* both without: matched, and its support changed */
	diff = diff_of(b, c);
	assert_int_equal(etsi_diff_count(diff), 1);
	assert_non_null(find_change(diff, ETSI_CHANGE_CHANGED, "ics-entry", NULL, "support"));
	assert_int_equal(etsi_diff_stale_count(diff), 0);
	etsi_diff_free(diff);
	etsi_dossier_free(c);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
	free(t2);
	free(t1);
	free(text);
}

static void test_lifecycle__stale_crypto(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_dossier *b = load_changed("ECDSA P-256 over SHA-256 for the manifest",
	                               "ECDSA P-384 over SHA-384 for the manifest");
	etsi_diff *diff = diff_of(a, b);
	const etsi_stale *s;

	(void)state;
	assert_int_equal(etsi_diff_count(diff), 1);
	/* 5.3-9 and 5.3-7 rest on trust and cryptography; 5.3-6A and 5.3-13 do
	 * not */
	s = assert_stale(diff, "ev-verification", "upd-mech", "um-ota", "cryptographic-details");
	assert_str(s->provision, "5.3-9");
	assert_int_equal(s->causes, 1);
	assert_contains(s->message, "evidence 'ev-verification' (5.3-9) predates a change to trust "
	                "and cryptography: upd-mech 'um-ota' cryptographic-details changed");
	assert_true(s->line > 0);
	assert_non_null(find_stale(diff, "ev-crypto"));
	assert_null(find_stale(diff, "ev-settings"));
	assert_null(find_stale(diff, "ev-support"));
	assert_int_equal(etsi_diff_stale_count(diff), 2);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	/* re-produced evidence (a new test report) is not stale */
	{
		char *text = test_read_file(test_data_path(FIXTURE), NULL);
		char *t1 = test_replace(text, "ECDSA P-256 over SHA-256 for the manifest",
		                        "ECDSA P-384 over SHA-384 for the manifest");
		char *t2 = test_replace(t1, "92d3c89741c402cda8ab8e8711f885681dab3da5780def329c537e"
		                        "b222bba13d", "1111111111111111111111111111111111111111111111"
		                        "111111111111111111");

		assert_int_equal(etsi_dossier_load_memory(&b, t2, strlen(t2), "b.xml", NULL), 0);
		diff = diff_of(a, b);
		assert_null(find_stale(diff, "ev-verification"));
		assert_non_null(find_stale(diff, "ev-crypto"));
		etsi_diff_free(diff);
		etsi_dossier_free(b);
		free(text);
		free(t1);
		free(t2);
	}
	/* a record added is a change too: a new update path */
	b = load_changed("  </update-boundary>",
	                 "    <mechanism id=\"usb\" path=\"physical-interface\" network=\"false\" "
	                 "automatic=\"false\" notification=\"false\">\n      <name>USB stick"
	                 "</name>\n    </mechanism>\n  </update-boundary>");
	diff = diff_of(a, b);
	s = assert_stale(diff, "ev-verification", "mechanism", "usb", NULL);
	assert_contains(s->message, "the update mechanisms: mechanism 'usb' was added");
	assert_null(find_stale(diff, "ev-crypto"));
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

static void test_lifecycle__stale_build_functional_only(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_dossier *b = load_changed("<version>1.0.0</version>", "<version>1.1.0</version>");
	etsi_diff *diff = diff_of(a, b);

	(void)state;
	/* a new build: the device's behaviour shown by functional evidence is
	 * stale, a specification (conceptual) is not */
	assert_non_null(find_stale(diff, "ev-verification"));
	assert_non_null(find_stale(diff, "ev-settings"));
	assert_null(find_stale(diff, "ev-crypto"));
	assert_null(find_stale(diff, "ev-support"));
	assert_contains(find_stale(diff, "ev-settings")->message, "the software build");
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	/* the ICS detail of a provision makes its own evidence stale */
	b = load_changed("Support period published on the support site.",
	                 "Support period published on the support site and in the manual.");
	diff = diff_of(a, b);
	assert_int_equal(etsi_diff_stale_count(diff), 1);
	assert_contains(find_stale(diff, "ev-support")->message, "its ICS entry: ics-entry '5.3-13' "
	                "detail changed");
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

static void test_lifecycle__diff_of_release(void **state)
{
	etsi_dossier *a = load_fixture(), *b = released(a);
	etsi_diff *diff = diff_of(a, b);
	const etsi_change *c;

	(void)state;
	c = find_change(diff, ETSI_CHANGE_CHANGED, "header", NULL, "release");
	assert_str(c->old_value, "1.0.0");
	assert_str(c->new_value, "1.1.0");
	find_change(diff, ETSI_CHANGE_CHANGED, "evidence", "ev-crypto", "review");
	find_change(diff, ETSI_CHANGE_CHANGED, "verdict", "5.3-9-1", "carried-from");
	find_change(diff, ETSI_CHANGE_CHANGED, "step", "scope", "signed-off");
	/* the review marks are no facts; the DUT's software version is */
	assert_non_null(find_stale(diff, "ev-verification"));
	assert_null(find_stale(diff, "ev-crypto"));
	assert_str(find_stale(diff, "ev-verification")->cause_field, "software-version");
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

static void test_lifecycle__diff_examples(void **state)
{
	etsi_dossier *camera = test_load_example("smart-camera-v3.xml", NULL);
	etsi_dossier *sensor = test_load_example("constrained-sensor-v2.xml", NULL);
	etsi_diff *diff = diff_of(camera, sensor);
	char *once = NULL, *twice = NULL;

	(void)state;
	/* two products, two editions: the editions differ, components come
	 * and go, V3's 5.3-4A is not in V2 */
	find_change(diff, ETSI_CHANGE_CHANGED, "header", NULL, "en303645");
	find_change(diff, ETSI_CHANGE_REMOVED, "ics-entry", "5.3-4A", NULL);
	find_change(diff, ETSI_CHANGE_ADDED, "ics-entry", "5.3-4", NULL);
	assert_true(etsi_diff_count(diff) > 50);
	/* deterministic */
	assert_int_equal(etsi_diff_write(&once, NULL, diff, "json"), 0);
	etsi_diff_free(diff);
	diff = diff_of(camera, sensor);
	assert_int_equal(etsi_diff_write(&twice, NULL, diff, "json"), 0);
	assert_string_equal(once, twice);
	etsi_free(once);
	etsi_free(twice);
	etsi_diff_free(diff);
	etsi_dossier_free(sensor);
	etsi_dossier_free(camera);
}

static void test_lifecycle__diff_json(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_dossier *b = load_changed("ECDSA P-256 over SHA-256 for the manifest",
	                               "ECDSA P-384 over SHA-384 for the manifest");
	etsi_diff *diff = diff_of(a, b);
	char *text = NULL;
	json_error_t error;
	json_t *root, *change, *stale;

	(void)state;
	assert_int_equal(etsi_diff_write(&text, NULL, diff, "json"), 0);
	root = json_loads(text, 0, &error);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "old"),
	                                                      "release")), "1.0.0");
	assert_string_equal(json_string_value(json_object_get(json_object_get(root, "new"),
	                                                      "file")), "changed.xml");
	assert_int_equal(json_array_size(json_object_get(root, "changes")), 1);
	change = json_array_get(json_object_get(root, "changes"), 0);
	assert_string_equal(json_string_value(json_object_get(change, "change")), "changed");
	assert_string_equal(json_string_value(json_object_get(change, "kind")), "upd-mech");
	assert_string_equal(json_string_value(json_object_get(change, "key")), "um-ota");
	assert_true(json_is_null(json_object_get(change, "parent")));
	assert_string_equal(json_string_value(json_object_get(change, "field")),
	                    "cryptographic-details");
	assert_true(json_is_integer(json_object_get(change, "old-line")));
	stale = json_array_get(json_object_get(root, "stale"), 0);
	assert_string_equal(json_string_value(json_object_get(stale, "evidence")),
	                    "ev-verification");
	assert_string_equal(json_string_value(json_object_get(json_object_get(stale, "cause"),
	                                                      "field")), "cryptographic-details");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(root, "summary"),
	                                                    "stale")), 2);
	json_decref(root);
	etsi_free(text);
	assert_int_equal(etsi_diff_write(&text, NULL, diff, "text"), 0);
	assert_contains(text, "changed upd-mech um-ota: cryptographic-details (line ");
	assert_contains(text, "  - ECDSA P-256 over SHA-256 for the manifest;");
	assert_contains(text, "  + ECDSA P-384 over SHA-384 for the manifest;");
	assert_contains(text, "stale evidence (review it for changed.xml):");
	assert_contains(text, "1 change: 0 added, 0 removed, 1 changed; 2 evidence items stale");
	etsi_free(text);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

static void test_lifecycle__diff_arguments(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_diff *diff = (etsi_diff *)&state;
	char *text = (char *)&state;

	(void)state;
	assert_etsi_error(etsi_dossier_diff(&diff, NULL, a), ETSI_EINVALID);
	assert_null(diff);
	assert_etsi_error(etsi_dossier_diff(&diff, a, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_diff(NULL, a, a), ETSI_EINVALID);
	assert_int_equal(etsi_dossier_diff(&diff, a, a), 0);
	assert_etsi_error(etsi_diff_write(&text, NULL, diff, "csv"), ETSI_EINVALID);
	assert_null(text);
	assert_etsi_error(etsi_diff_write(&text, NULL, NULL, "text"), ETSI_EINVALID);
	assert_etsi_error(etsi_diff_write(&text, NULL, diff, NULL), ETSI_EINVALID);
	assert_int_equal(etsi_diff_count(NULL), 0);
	assert_int_equal(etsi_diff_stale_count(NULL), 0);
	assert_null(etsi_diff_at(NULL, 0));
	assert_null(etsi_diff_stale_at(NULL, 0));
	assert_str(etsi_change_type_name(ETSI_CHANGE_ADDED), "added");
	assert_str(etsi_change_type_name(ETSI_CHANGE_REMOVED), "removed");
	assert_str(etsi_change_type_name(ETSI_CHANGE_CHANGED), "changed");
	assert_null(etsi_change_type_name((etsi_change_type)42));
	etsi_diff_free(NULL);
	etsi_diff_free(diff);
	etsi_dossier_free(a);
}

/* ---- allocation failures --------------------------------------------- */

static void test_lifecycle__out_of_memory(void **state)
{
	etsi_dossier *a = load_fixture();
	etsi_dossier *b = load_changed("ECDSA P-256 over SHA-256 for the manifest",
	                               "ECDSA P-384 over SHA-384 for the manifest");
	long n;
	int done_diff = 0, done_release = 0;

	(void)state;
	for (n = 0; n < 20000 && !(done_diff && done_release); n++) {
		etsi_diff *diff = NULL;
		etsi_dossier *next = NULL;
		char *text = NULL;
		int rc;

		if (!done_diff) {
			etsi__alloc_fail_after(n);
			rc = etsi_dossier_diff(&diff, a, b);
			if (rc == 0)
				rc = etsi_diff_write(&text, NULL, diff, n % 2 ? "json" : "text");
			etsi__alloc_fail_after(-1);
			if (rc == 0) {
				done_diff = 1;
				assert_int_equal(etsi_diff_stale_count(diff), 2);
			} else {
				assert_int_equal(rc, ETSI_ENOMEM);
				assert_int_equal(etsi_error_last()->code, ETSI_ENOMEM);
				assert_null(text);
			}
			etsi_free(text);
			etsi_diff_free(diff);
		}
		if (!done_release) {
			etsi__alloc_fail_after(n);
			rc = etsi_dossier_release(&next, a, "1.1.0", NULL);
			etsi__alloc_fail_after(-1);
			if (rc == 0) {
				done_release = 1;
				assert_int_equal(etsi_dossier_validate(NULL, next), 0);
			} else {
				assert_int_equal(rc, ETSI_ENOMEM);
				assert_null(next);
			}
			etsi_dossier_free(next);
		}
	}
	assert_true(done_diff && done_release);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lifecycle__release_marks),
		cmocka_unit_test(test_lifecycle__release_twice),
		cmocka_unit_test(test_lifecycle__release_errors),
		cmocka_unit_test(test_lifecycle__check_until_reviewed),
		cmocka_unit_test(test_lifecycle__rules_are_in_the_table),
		cmocka_unit_test(test_lifecycle__diff_same),
		cmocka_unit_test(test_lifecycle__diff_changes),
		cmocka_unit_test(test_lifecycle__diff_list_values),
		cmocka_unit_test(test_lifecycle__diff_ics_owner_mechanism),
		cmocka_unit_test(test_lifecycle__diff_entry_without_provision),
		cmocka_unit_test(test_lifecycle__stale_crypto),
		cmocka_unit_test(test_lifecycle__stale_build_functional_only),
		cmocka_unit_test(test_lifecycle__diff_of_release),
		cmocka_unit_test(test_lifecycle__diff_examples),
		cmocka_unit_test(test_lifecycle__diff_json),
		cmocka_unit_test(test_lifecycle__diff_arguments),
		cmocka_unit_test(test_lifecycle__out_of_memory),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
