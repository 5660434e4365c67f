/* Unit tests of etsi_dossier_report() given results already computed
 * (etsi_report_options.results, version 3): the same report as when it
 * evaluates, without evaluating again; results of an invalid dossier or of
 * another dossier refused; versions 1 and 2 of the options still read. */
#include "helpers.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define CAMERA "smart-camera-v3.xml"
#define AS_OF "2026-06-01"

static etsi_results *evaluate(etsi_dossier *d, const char *as_of)
{
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	etsi_results *results = NULL;

	check.as_of = as_of;
	etsi_dossier_evaluate(&results, d, &check);
	assert_non_null(results);
	return results;
}

static char *report(etsi_dossier *d, const char *format, const etsi_results *results,
                    const char *as_of)
{
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	char *out = NULL;

	opts.format = format;
	opts.date = AS_OF;
	opts.as_of = as_of;
	opts.results = results;
	assert_int_equal(etsi_dossier_report(&out, NULL, d, &opts), 0);
	assert_non_null(out);
	return out;
}

static void test_report__given_results_give_the_same_report(void **state)
{
	static const char *const formats[] = { "html", "md", "plan-csv", "evidence-csv", "input" };
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_results *results = evaluate(d, AS_OF);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *alone = report(d, formats[i], NULL, AS_OF);
		char *given = report(d, formats[i], results, AS_OF);

		assert_string_equal(given, alone);
		etsi_free(alone);
		etsi_free(given);
	}
	etsi_results_free(results);
	etsi_dossier_free(d);
}

static void test_report__given_results_are_not_evaluated_again(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_results *results = evaluate(d, "2026-03-01");
	char *text = report(d, "input", results, AS_OF);

	(void)state;
	/* the results' date, not the as_of the options name */
	assert_contains(text, "as-of=\"2026-03-01\"");
	assert_not_contains(text, "as-of=\"" AS_OF "\"");
	etsi_free(text);
	text = report(d, "input", NULL, AS_OF);
	assert_contains(text, "as-of=\"" AS_OF "\"");
	etsi_free(text);
	etsi_results_free(results);
	etsi_dossier_free(d);
}

static void test_report__results_of_another_dossier_refused(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_dossier *other = test_load_example("constrained-sensor-v2.xml", NULL);
	etsi_results *results = evaluate(other, AS_OF);
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	char *out = NULL;

	(void)state;
	opts.results = results;
	assert_etsi_error(etsi_dossier_report(&out, NULL, d, &opts), ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "constrained-sensor-v2.xml");
	assert_null(out);
	etsi_results_free(results);
	etsi_dossier_free(other);
	etsi_dossier_free(d);
}

static void test_report__results_of_an_invalid_dossier_refused(void **state)
{
	etsi_load_options lax = ETSI_LOAD_OPTIONS_INIT;
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	etsi_results *results;
	char *out = NULL;

	(void)state;
	lax.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load(&d, test_data_path("rules/schema/fail.xml"), &lax), 0);
	results = evaluate(d, AS_OF);
	opts.results = results;
	assert_etsi_error(etsi_dossier_report(&out, NULL, d, &opts), ETSI_EVALIDATION);
	assert_contains(etsi_error_last()->message, "not valid");
	assert_null(out);
	etsi_results_free(results);
	etsi_dossier_free(d);
}

/* A caller built against version 2 has no results field: never read. */
static void test_report__version_2_reads_no_results(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_report_options opts;
	char *out = NULL;

	(void)state;
	memset(&opts, 0xff, sizeof(opts));
	assert_int_equal(etsi_report_options_init(&opts, 2), 0);
	assert_int_equal(opts.version, 2);
	assert_null(opts.format);
	assert_int_equal(opts.csv_raw, 0);
	/* what lies past the version-2 struct is not the caller's */
	opts.results = (const etsi_results *)(uintptr_t)1;
	opts.format = "md";
	opts.date = AS_OF;
	assert_int_equal(etsi_dossier_report(&out, NULL, d, &opts), 0);
	assert_contains(out, "## Top findings");
	etsi_free(out);
	assert_etsi_error(etsi_report_options_init(&opts, ETSI_REPORT_OPTIONS_VERSION + 1),
	                  ETSI_EINVALID);
	etsi_dossier_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report__given_results_give_the_same_report),
		cmocka_unit_test(test_report__given_results_are_not_evaluated_again),
		cmocka_unit_test(test_report__results_of_another_dossier_refused),
		cmocka_unit_test(test_report__results_of_an_invalid_dossier_refused),
		cmocka_unit_test(test_report__version_2_reads_no_results),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
