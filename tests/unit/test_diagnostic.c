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
		cmocka_unit_test(test_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
