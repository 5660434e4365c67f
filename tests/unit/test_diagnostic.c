/* Unit tests of the findings formatter, etsi_diagnostics_format(): it
 * gives the text `etsi check` prints (the same bytes as the results'
 * "findings" text), colours severities on request, counts with correct
 * plurals and names records added in memory "(unsaved)", never FILE:0. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagnostic.h"

#define AS_OF "2026-11-26"

static etsi_results *evaluate(etsi_dossier *d)
{
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_results *results = NULL;
	int rc;

	opts.as_of = AS_OF;
	rc = etsi_dossier_evaluate(&results, d, &opts);
	assert_true(rc == 0 || rc == ETSI_EVALIDATION);
	assert_non_null(results);
	return results;
}

/* The same bytes as etsi_results_write(findings, text), for each example. */
static void test_same_text_as_check(void **state)
{
	static const char *const examples[] = { "home-hub-v3.xml", "smart-camera-v3.xml",
		                                     "smart-plug-usb-v3.xml",
		                                     "constrained-sensor-v2.xml" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		etsi_results *results = evaluate(d);
		char *expected = NULL, *text = NULL;
		size_t expected_len = 0, len = 0;

		assert_int_equal(etsi_results_write(&expected, &expected_len, results, "findings",
		                                    "text"), 0);
		assert_int_equal(etsi_diagnostics_format(&text, &len, etsi_results_findings(results),
		                                         etsi_dossier_path(d), 0), 0);
		assert_int_equal(len, strlen(text));
		assert_str(text, expected);
		assert_int_equal(len, expected_len);
		etsi_free(text);
		etsi_free(expected);
		etsi_results_free(results);
		etsi_dossier_free(d);
	}
}

/* Colour wraps each severity word, and only that. */
static void test_color(void **state)
{
	etsi_dossier *d = test_load_example("home-hub-v3.xml", NULL);
	etsi_results *results = evaluate(d);
	char *plain = NULL, *color = NULL;

	(void)state;
	assert_int_equal(etsi_diagnostics_format(&plain, NULL, etsi_results_findings(results),
	                                         NULL, 0), 0);
	assert_int_equal(etsi_diagnostics_format(&color, NULL, etsi_results_findings(results),
	                                         NULL, ETSI_DIAGNOSTICS_FORMAT_COLOR), 0);
	assert_null(strchr(plain, '\033'));
	assert_non_null(strstr(color, ": \033[1;31merror\033[0m["));
	{
		const char *p;
		size_t resets = 0;

		for (p = color; (p = strstr(p, "\033[0m")); p++)
			resets++;
		assert_int_equal(resets, etsi_diagnostics_count(etsi_results_findings(results)));
	}
	etsi_free(plain);
	etsi_free(color);
	etsi_results_free(results);
	etsi_dossier_free(d);
}

/* An empty list: nothing, or the count line alone, plural words. */
static void test_empty_and_plurals(void **state)
{
	char *text = NULL;
	size_t len = 99;

	(void)state;
	assert_int_equal(etsi_diagnostics_format(&text, &len, NULL, NULL, 0), 0);
	assert_str(text, "");
	assert_int_equal(len, 0);
	etsi_free(text);
	assert_int_equal(etsi_diagnostics_format(&text, &len, NULL, "x.xml", 0), 0);
	assert_str(text, "x.xml: 0 errors, 0 warnings, 0 info, 0 waived\n");
	etsi_free(text);
}

/* A record added in memory has no line: "(unsaved)", never FILE:0. */
static void test_unsaved(void **state)
{
	static const char *const fields[] = { "id", "c-new", "name", "libfoo", "version", "1.0",
		                               "kind", "library", "updateable", "undecided", NULL };
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_results *results;
	char *text = NULL, expect[4096];

	(void)state;
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_COMPONENT, fields), 0);
	results = evaluate(d);
	assert_int_equal(etsi_diagnostics_format(&text, NULL, etsi_results_findings(results),
	                                         etsi_dossier_path(d), 0), 0);
	snprintf(expect, sizeof(expect), "%s (unsaved): error[boundary-updateability-undecided]: "
	         "component 'c-new'", etsi_dossier_path(d));
	if (!strstr(text, expect))
		fail_msg("no \"%s\" in:\n%s", expect, text);
	snprintf(expect, sizeof(expect), "%s:0", etsi_dossier_path(d));
	assert_null(strstr(text, expect));
	etsi_free(text);
	etsi_results_free(results);
	etsi_dossier_free(d);
}

/* A message naming the line of a record added in memory says "(unsaved)". */
static void test_unsaved_in_messages(void **state)
{
	etsi_diagnostics *list = etsi__diagnostics_new();
	etsi__where where;
	char *text = NULL;

	(void)state;
	assert_non_null(list);
	memset(&where, 0, sizeof(where));
	where.file = "d.xml";
	where.rule = "claim-x";
	where.element = "mech-new";
	assert_int_equal(etsi__diagnostics_add(list, ETSI_SEVERITY_ERROR, &where, NULL,
	                                       "the ICS claims %s Y (line %d), but (line %d) %s",
	                                       "5.3-2", 0, 0, "(line 12)"), 0);
	assert_str(etsi_diagnostics_at(list, 0)->message,
	           "the ICS claims 5.3-2 Y (unsaved), but (unsaved) (line 12)");
	assert_int_equal(etsi_diagnostics_format(&text, NULL, list, "d.xml", 0), 0);
	assert_str(text, "d.xml (unsaved): error[claim-x]: the ICS claims 5.3-2 Y (unsaved), but "
	                 "(unsaved) (line 12)\nd.xml: 1 error, 0 warnings, 0 info, 0 waived\n");
	etsi_free(text);
	etsi_diagnostics_free(list);
}

/* Adds a finding of @p rule about @p element / @p reference at @p line. */
static void add(etsi_diagnostics *list, etsi_severity severity, const char *rule, int line,
                const char *element, const char *reference, const char *waiver,
                const char *cause_rule, const char *cause_element, const char *message)
{
	etsi__where where;

	memset(&where, 0, sizeof(where));
	where.file = "d.xml";
	where.rule = rule;
	where.line = line;
	where.element = element;
	where.reference = reference;
	where.waiver = waiver;
	where.cause_rule = cause_rule;
	where.cause_element = cause_element;
	assert_int_equal(etsi__diagnostics_add(list, severity, &where, "do this", "%s", message),
	                 0);
}

/* Findings of one rule that differ only in their element, reference and
 * line become one with an occurrence each; anything else keeps them apart. */
static void test_grouping(void **state)
{
	etsi_diagnostics *list = etsi__diagnostics_new();
	const etsi_diagnostic *d;
	char *text = NULL;
	char message[64];
	int i;

	(void)state;
	for (i = 1; i <= 12; i++) {
		char ref[16];

		snprintf(ref, sizeof(ref), "5.3-%d", i);
		snprintf(message, sizeof(message), "provision %s has no ICS entry", ref);
		add(list, ETSI_SEVERITY_ERROR, "ics-entry-missing", 28 + (i > 10), NULL, ref, NULL,
		    NULL, NULL, message);
	}
	/* same words, another rule; same rule, other words; waived */
	add(list, ETSI_SEVERITY_ERROR, "other-rule", 30, NULL, "5.3-1", NULL, NULL, NULL,
	    "provision 5.3-1 has no ICS entry");
	add(list, ETSI_SEVERITY_ERROR, "ics-entry-missing", 31, NULL, "5.3-13", NULL, NULL, NULL,
	    "provision 5.3-13 has no ICS entry at all");
	add(list, ETSI_SEVERITY_ERROR, "ics-entry-missing", 32, NULL, "5.3-14", "w1", NULL, NULL,
	    "provision 5.3-14 has no ICS entry");
	/* "5.3-1" inside "5.3-10" is not the element: the two differ only in
	 * their element, and group */
	add(list, ETSI_SEVERITY_WARNING, "w-rule", 40, "a", NULL, NULL, NULL, NULL,
	    "'a' is like 5.3-10");
	add(list, ETSI_SEVERITY_WARNING, "w-rule", 41, "5.3-1", NULL, NULL, NULL, NULL,
	    "'5.3-1' is like 5.3-10");
	assert_int_equal(etsi__diagnostics_group(list, 1), 0);

	assert_int_equal(etsi_diagnostics_count(list), 5);
	assert_int_equal(etsi_diagnostics_count_severity(list, ETSI_SEVERITY_ERROR), 3);
	assert_int_equal(etsi_diagnostics_count_severity(list, ETSI_SEVERITY_WARNING), 1);
	d = etsi_diagnostics_at(list, 0);
	assert_str(d->id, "F1");
	assert_null(d->caused_by);
	assert_int_equal(d->count, 12);
	assert_str(d->message, "provision 5.3-1 has no ICS entry");
	assert_int_equal(d->occurrences[0].line, 28);
	assert_str(d->occurrences[0].reference, "5.3-1");
	assert_str(d->occurrences[11].reference, "5.3-12");
	assert_int_equal(d->occurrences[11].line, 29);
	assert_str(d->occurrences[11].message, "provision 5.3-12 has no ICS entry");
	assert_int_equal(etsi_diagnostics_at(list, 1)->count, 1);
	assert_str(etsi_diagnostics_at(list, 1)->rule, "other-rule");
	assert_str(etsi_diagnostics_at(list, 2)->reference, "5.3-13");
	assert_str(etsi_diagnostics_at(list, 3)->waiver, "w1");
	assert_int_equal(etsi_diagnostics_at(list, 4)->count, 2);
	assert_str(etsi_diagnostics_at(list, 4)->occurrences[1].element, "5.3-1");
	assert_str(etsi_diagnostics_at(list, 4)->occurrences[1].message, "'5.3-1' is like 5.3-10");
	assert_str(etsi_diagnostics_at(list, 4)->id, "F5");

	/* text: the further places on one line, capped */
	assert_int_equal(etsi_diagnostics_format(&text, NULL, list, NULL,
	                                         ETSI_DIAGNOSTICS_FORMAT_NO_HINTS), 0);
	assert_contains(text, "d.xml:28: error[ics-entry-missing] 5.3-1: provision 5.3-1 has no "
	                "ICS entry\n    and 11 more like it: 5.3-2, 5.3-3, 5.3-4, 5.3-5, 5.3-6, "
	                "5.3-7, 5.3-8, 5.3-9, \xe2\x80\xa6 and 3 more\n");
	etsi_free(text);
	assert_int_equal(etsi_diagnostics_format(&text, NULL, list, NULL,
	                                         ETSI_DIAGNOSTICS_FORMAT_NO_HINTS |
	                                         ETSI_DIAGNOSTICS_FORMAT_ALL), 0);
	assert_contains(text, "5.3-9, 5.3-10, 5.3-11 (line 29), 5.3-12 (line 29)\n");
	etsi_free(text);
	etsi_diagnostics_free(list);
}

/* Without merging, every place stays a finding of its own, numbered. */
static void test_grouping_off(void **state)
{
	etsi_diagnostics *list = etsi__diagnostics_new();

	(void)state;
	add(list, ETSI_SEVERITY_ERROR, "r", 1, NULL, "5.3-1", NULL, NULL, NULL, "5.3-1 is bad");
	add(list, ETSI_SEVERITY_ERROR, "r", 2, NULL, "5.3-2", NULL, NULL, NULL, "5.3-2 is bad");
	assert_int_equal(etsi__diagnostics_group(list, 0), 0);
	assert_int_equal(etsi_diagnostics_count(list), 2);
	assert_str(etsi_diagnostics_at(list, 1)->id, "F2");
	assert_int_equal(etsi_diagnostics_at(list, 1)->count, 1);
	assert_ptr_equal(etsi_diagnostics_at(list, 1)->occurrences[0].message,
	                 etsi_diagnostics_at(list, 1)->message);
	etsi_diagnostics_free(list);
}

/* A finding that follows from another moves right under it and names it;
 * a cause that is not there, or one that would close a circle, links
 * nothing. */
static void test_caused_by(void **state)
{
	etsi_diagnostics *list = etsi__diagnostics_new();
	char *text = NULL;

	(void)state;
	add(list, ETSI_SEVERITY_ERROR, "ixit-row-missing", 10, "mech-a", NULL, NULL, NULL, NULL,
	    "mechanism 'mech-a' has no row");
	add(list, ETSI_SEVERITY_ERROR, "ixit-row-missing", 12, "mech-b", NULL, NULL, NULL, NULL,
	    "mechanism 'mech-b' has no row");
	add(list, ETSI_SEVERITY_ERROR, "input-missing", 20, NULL, "5.3-1", NULL,
	    "ixit-row-missing", "mech-b", "5.3-1 reads the row: missing for 'mech-b'");
	add(list, ETSI_SEVERITY_ERROR, "input-missing", 21, NULL, "5.3-2", NULL,
	    "ixit-row-missing", "mech-b", "5.3-2 reads the row: missing for 'mech-b'");
	add(list, ETSI_SEVERITY_ERROR, "input-missing", 22, NULL, "5.3-3", NULL,
	    "ixit-row-missing", "mech-z", "5.3-3 reads the row: missing for 'mech-z'");
	/* two that name each other */
	add(list, ETSI_SEVERITY_WARNING, "loop-a", 30, "x", NULL, NULL, "loop-b", "y", "x");
	add(list, ETSI_SEVERITY_WARNING, "loop-b", 31, "y", NULL, NULL, "loop-a", "x", "y");
	assert_int_equal(etsi__diagnostics_group(list, 1), 0);

	/* the two rows are one finding (they differ only in the element);
	 * what follows from mech-b's comes under it, grouped; mech-z has no
	 * finding of its own, so 5.3-3 follows from nothing */
	assert_int_equal(etsi_diagnostics_count(list), 5);
	assert_str(etsi_diagnostics_at(list, 0)->rule, "ixit-row-missing");
	assert_int_equal(etsi_diagnostics_at(list, 0)->count, 2);
	assert_null(etsi_diagnostics_at(list, 0)->caused_by);
	assert_str(etsi_diagnostics_at(list, 1)->caused_by, "F1");
	assert_int_equal(etsi_diagnostics_at(list, 1)->count, 2);
	assert_str(etsi_diagnostics_at(list, 1)->id, "F2");
	assert_null(etsi_diagnostics_at(list, 2)->caused_by);
	assert_str(etsi_diagnostics_at(list, 2)->reference, "5.3-3");
	assert_int_equal(etsi_diagnostics_format(&text, NULL, list, NULL,
	                                         ETSI_DIAGNOSTICS_FORMAT_NO_HINTS), 0);
	assert_contains(text, "d.xml:10: error[ixit-row-missing]: mechanism 'mech-a' has no row\n"
	                "    and 1 more like it: mech-b (line 12)\n"
	                "d.xml:20: error[input-missing] 5.3-1: 5.3-1 reads the row: missing for "
	                "'mech-b'\n    and 1 more like it: 5.3-2 (line 21)\n"
	                "    follows from the ixit-row-missing finding above\n");
	/* the circle is cut: one of the two stands first, the other under it */
	assert_str(etsi_diagnostics_at(list, 3)->rule, "loop-a");
	assert_null(etsi_diagnostics_at(list, 3)->caused_by);
	assert_str(etsi_diagnostics_at(list, 4)->caused_by, etsi_diagnostics_at(list, 3)->id);
	etsi_free(text);
	etsi_diagnostics_free(list);
}

static void test_arguments(void **state)
{
	char *text = (char *)"untouched";

	(void)state;
	assert_etsi_error(etsi_diagnostics_format(NULL, NULL, NULL, NULL, 0), ETSI_EINVALID);
	assert_etsi_error(etsi_diagnostics_format(&text, NULL, NULL, NULL, 0x80u), ETSI_EINVALID);
	assert_null(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_text_as_check),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_empty_and_plurals),
		cmocka_unit_test(test_unsaved),
		cmocka_unit_test(test_unsaved_in_messages),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_grouping_off),
		cmocka_unit_test(test_caused_by),
		cmocka_unit_test(test_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
