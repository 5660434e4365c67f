/* Unit tests of edition migration and catalog differences (migrate.c):
 * the constrained-sensor example and a V2.1.1 fixture with every split
 * provision move to V3.1.3 as valid dossiers, with the report and the
 * marks the rules in docs/integrity.md promise; the input is unchanged;
 * bad arguments fail cleanly; the catalog diff lists the splits. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SENSOR "constrained-sensor-v2.xml"
#define EVERY_SPLIT "migrate/every-split-v2.xml"

static etsi_dossier *load_data(const char *name)
{
	etsi_dossier *d = NULL;

	assert_int_equal(etsi_dossier_load(&d, test_data_path(name), NULL), 0);
	return d;
}

/* The report entry with an action and a reference (and element, if not
 * NULL), or NULL. */
static const etsi_diagnostic *entry(const etsi_diagnostics *report, const char *action,
                                    const char *reference, const char *element)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(report); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);

		if (d->rule && strcmp(d->rule, action) == 0 &&
		    (!reference || (d->reference && strcmp(d->reference, reference) == 0)) &&
		    (!element || (d->element && strcmp(d->element, element) == 0)))
			return d;
	}
	return NULL;
}

static size_t count_action(const etsi_diagnostics *report, const char *action)
{
	size_t i, n = 0;

	for (i = 0; i < etsi_diagnostics_count(report); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);

		n += d->rule && strcmp(d->rule, action) == 0;
	}
	return n;
}

static void test_migrate__constrained_sensor(void **state)
{
	etsi_dossier *in = test_load_example(SENSOR, NULL), *out = NULL;
	etsi_diagnostics *report = NULL, *diags = NULL;
	char *before = test_write(in, NULL), *after;
	const etsi_record *header, *e;
	char *xml;

	(void)state;
	assert_int_equal(etsi_dossier_migrate(&out, &report, in, "3.1.3"), 0);
	/* the input is unchanged */
	after = test_write(in, NULL);
	assert_string_equal(before, after);
	/* a valid V3.1.3 dossier with no file yet */
	assert_null(etsi_dossier_path(out));
	assert_int_equal(etsi_dossier_validate(&diags, out), 0);
	etsi_diagnostics_free(diags);
	header = etsi_dossier_find(out, ETSI_KIND_HEADER, NULL);
	assert_str(etsi_record_get(header, "en303645"), "3.1.3");
	assert_str(etsi_record_get(header, "ts103701"), "2.1.1");
	/* splits: 5.3-15 Y -> 15A and 15B with the support and the detail */
	assert_null(etsi_dossier_find(out, ETSI_KIND_ICS_ENTRY, "5.3-15"));
	e = etsi_dossier_find(out, ETSI_KIND_ICS_ENTRY, "5.3-15A");
	assert_str(etsi_record_get(e, "support"), "Y");
	assert_contains(etsi_record_get(e, "detail"), "Isolable");
	assert_str(etsi_record_get(e, "carried-from"), "1.2.7");
	e = etsi_dossier_find(out, ETSI_KIND_ICS_ENTRY, "5.3-4B");
	assert_str(etsi_record_get(e, "support"), "N/A");
	assert_non_null(entry(report, "split", "5.3-4", "5.3-4A"));
	assert_non_null(entry(report, "split", "5.3-6", "5.3-6B"));
	/* evidence under 5.3-15 copied to both, needs review */
	assert_null(etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-isolation-test"));
	e = etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-isolation-test-15A");
	assert_str(etsi_record_get(e, "provision"), "5.3-15A");
	assert_str(etsi_record_get(e, "review"), "needs-review");
	e = etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-isolation-test-15B");
	assert_str(etsi_record_get(e, "review"), "needs-review");
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_ARTIFACT, "art-hub-log-15B"));
	/* 5.3-2: the fact is stated already; 5.3-16: wording, reviewed */
	assert_non_null(entry(report, "carried", "5.3-2", NULL));
	assert_non_null(entry(report, "re-decide", "5.3-2", NULL));
	assert_non_null(entry(report, "review", "5.3-16", NULL));
	/* verdicts of test cases V2.1.1 lacks are left out, with successors */
	assert_null(etsi_dossier_find(out, ETSI_KIND_VERDICT, "5.3-15-1"));
	assert_null(etsi_dossier_find(out, ETSI_KIND_VERDICT, "4-1-1"));
	assert_contains(entry(report, "dropped", "4-1-1", NULL)->hint, "5.0-1-1");
	assert_contains(entry(report, "dropped", "5.3-15-2", NULL)->hint, "5.3-15B-2");
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_VERDICT, "5.3-13-1"));
	/* the same test case id in another TS edition is not the same test: the
	 * verdict waits for the laboratory's confirmation */
	assert_str(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_VERDICT, "5.3-13-1"),
	                           "carried-from"), "1.2.7");
	assert_non_null(entry(report, "review", "5.3-13-1", NULL));
	assert_null(entry(report, "carried", "5.3-13-1", NULL));
	assert_non_null(entry(report, "review", "5.3-16-2", NULL));
	/* the public statement speaks of V2.1.1: left out */
	assert_null(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_HEADER, NULL),
	                            "public-conformance"));
	/* sign-offs of what changed are cleared */
	assert_null(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_STEP, "ics"), "signed-off"));
	assert_non_null(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_STEP, "user-info"),
	                                "signed-off"));
	/* the marks are in the document */
	xml = test_write(out, NULL);
	assert_contains(xml, "xmlns:migration=\"urn:libetsi:migration:1\"");
	assert_contains(xml, "migration:action=\"re-decide\" migration:was=\"5.3-15\"");
	/* and a check reports what is open */
	assert_int_equal(etsi_dossier_check(&diags, out, NULL), ETSI_EVALIDATION);
	assert_true(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR) > 0);
	etsi_diagnostics_free(diags);
	free(xml);
	free(before);
	free(after);
	etsi_diagnostics_free(report);
	etsi_dossier_free(out);
	etsi_dossier_free(in);
}

static void test_migrate__every_split(void **state)
{
	etsi_dossier *in = load_data(EVERY_SPLIT), *out = NULL;
	etsi_diagnostics *report = NULL;
	const etsi_record *r;
	char *path, *dir = test_mkdtemp(), *xml;
	size_t i, refs = 0;

	(void)state;
	assert_int_equal(etsi_dossier_migrate(&out, &report, in, "3.1.3"), 0);
	/* 4-1 renumbered 5.0-1 */
	assert_null(etsi_dossier_find(out, ETSI_KIND_ICS_ENTRY, "4-1"));
	assert_str(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_ICS_ENTRY, "5.0-1"), "support"),
	           "Y");
	assert_non_null(entry(report, "renumbered", "4-1", "5.0-1"));
	/* every split, in ICS and evidence */
	assert_int_equal(count_action(report, "split"), 6 + 12);
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-consent-4B"));
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-notification-settings-6A"));
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-rma-certificate-15B"));
	/* the external covers of a gone test case are removed, others kept */
	r = etsi_dossier_find(out, ETSI_KIND_EVIDENCE, "ev-rma-certificate-15A");
	assert_int_equal(etsi_record_child_count(r), 2); /* artifact + covers 5.3-13-1 */
	assert_non_null(entry(report, "dropped", "5.3-15-1", "ev-rma-certificate-15A"));
	/* 5.3-2: prevents-update-mechanism proposed from constrained="false" */
	assert_str(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_DUT, NULL),
	                           "prevents-update-mechanism"), "false");
	assert_contains(etsi_record_get(etsi_dossier_find(out, ETSI_KIND_DUT, NULL), "rationale"),
	                "Proposed by etsi migrate");
	assert_non_null(entry(report, "proposed", "5.3-2", NULL));
	/* a kept verdict refers to both copies of split evidence */
	r = etsi_dossier_find(out, ETSI_KIND_VERDICT, "5.3-2-1");
	for (i = 0; i < etsi_record_value_count(r, "evidence"); i++) {
		const char *v = etsi_record_value_at(r, "evidence", i);

		refs += strcmp(v, "ev-auto-log-4A") == 0 || strcmp(v, "ev-auto-log-4B") == 0;
		assert_string_not_equal(v, "ev-auto-log");
	}
	assert_int_equal(refs, 2);
	/* verdicts of gone test cases */
	for (i = 0; i < 6; i++) {
		static const char *const gone[] = { "4-1-1", "5.3-4-1", "5.3-6-1", "5.3-6-2",
		                                    "5.3-15-1", "5.3-15-2" };

		assert_null(etsi_dossier_find(out, ETSI_KIND_VERDICT, gone[i]));
		assert_non_null(entry(report, "dropped", gone[i], NULL));
	}
	/* waivers: of a split provision and of split evidence dropped, the
	 * one-to-one kept */
	assert_null(etsi_dossier_find(out, ETSI_KIND_WAIVER, "wv-auto"));
	assert_null(etsi_dossier_find(out, ETSI_KIND_WAIVER, "wv-consent"));
	assert_non_null(etsi_dossier_find(out, ETSI_KIND_WAIVER, "wv-label"));
	/* saves, and reloads valid */
	path = test_path_join(dir, "migrated.xml");
	assert_int_equal(etsi_dossier_save(out, path), 0);
	etsi_dossier_free(out);
	assert_int_equal(etsi_dossier_load(&out, path, NULL), 0);
	xml = test_write(out, NULL);
	assert_contains(xml, "migration:edition=\"2.1.1\"");
	free(xml);
	free(path);
	test_rmtree(dir);
	free(dir);
	etsi_diagnostics_free(report);
	etsi_dossier_free(out);
	etsi_dossier_free(in);
}

static void test_migrate__bad_arguments(void **state)
{
	etsi_dossier *v2 = test_load_example(SENSOR, NULL);
	etsi_dossier *v3 = test_load_example("smart-camera-v3.xml", NULL), *out = (void *)1;
	etsi_diagnostics *report = (void *)1;

	(void)state;
	assert_etsi_error(etsi_dossier_migrate(NULL, NULL, v2, "3.1.3"), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_migrate(&out, &report, NULL, "3.1.3"), ETSI_EINVALID);
	assert_null(out);
	assert_null(report);
	assert_etsi_error(etsi_dossier_migrate(&out, NULL, v2, NULL), ETSI_EINVALID);
	/* not forward */
	assert_etsi_error(etsi_dossier_migrate(&out, NULL, v3, "3.1.3"), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_migrate(&out, NULL, v3, "2.1.1"), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_migrate(&out, NULL, v2, "2.1.1"), ETSI_EINVALID);
	/* unknown edition */
	assert_etsi_error(etsi_dossier_migrate(&out, NULL, v2, "9.9.9"), ETSI_EUNSUPPORTED);
	assert_null(out);
	etsi_dossier_free(v2);
	etsi_dossier_free(v3);
}

static void test_migrate__catalog_diff(void **state)
{
	etsi_catalog *a = NULL, *b = NULL;
	etsi_diagnostics *diff = NULL;

	(void)state;
	assert_int_equal(etsi_catalog_open(&a, "2.1.1", NULL), 0);
	assert_int_equal(etsi_catalog_open(&b, "3.1.3", NULL), 0);
	assert_int_equal(etsi_catalog_diff(&diff, a, b), 0);
	assert_str(entry(diff, "split", "5.3-4", NULL)->element, "5.3-4A 5.3-4B");
	assert_str(entry(diff, "split", "5.3-15", NULL)->element, "5.3-15A 5.3-15B");
	assert_non_null(entry(diff, "split", "5.3-6", "5.3-6A 5.3-6B"));
	assert_int_equal(entry(diff, "renumbered", "4-1", "5.0-1")->severity, ETSI_SEVERITY_INFO);
	assert_int_equal(entry(diff, "applicability", "5.3-2", NULL)->severity,
	                 ETSI_SEVERITY_WARNING);
	assert_contains(entry(diff, "applicability", "5.3-2", NULL)->message, "M C (15)");
	assert_contains(entry(diff, "wording", "5.3-16", NULL)->hint, "user interface");
	assert_non_null(entry(diff, "unchanged", "5.3-8", NULL));
	assert_non_null(entry(diff, "notation", "5.3-3", NULL));
	assert_non_null(entry(diff, "condition-added", "15", NULL));
	assert_non_null(entry(diff, "condition-removed", "5", NULL));
	assert_non_null(entry(diff, "feature-added", "g", NULL));
	assert_non_null(entry(diff, "test-case-removed", "5.3-6-2", NULL));
	assert_non_null(entry(diff, "test-case-added", "5.3-9-2", NULL));
	assert_non_null(entry(diff, "ixit-table-renamed", "11-ComMech", "11-SecComMech"));
	assert_null(entry(diff, "added", NULL, NULL));
	etsi_diagnostics_free(diff);
	/* the other way: the V2.1.1 catalog records no change, so every V3.1.3
	 * provision the earlier one lacks is reported missing or added */
	assert_int_equal(etsi_catalog_diff(&diff, b, a), 0);
	assert_non_null(entry(diff, "added", "4-1", NULL));
	etsi_diagnostics_free(diff);
	assert_etsi_error(etsi_catalog_diff(&diff, NULL, b), ETSI_EINVALID);
	assert_null(diff);
	etsi_catalog_free(a);
	etsi_catalog_free(b);
}

static void test_migrate__catalog_field(void **state)
{
	etsi_catalog *b = NULL;
	const etsi_record *p;

	(void)state;
	assert_int_equal(etsi_catalog_open(&b, "3.1.3", NULL), 0);
	p = etsi_catalog_find(b, ETSI_KIND_PROVISION, "5.3-14");
	assert_int_equal(etsi_record_value_count(p, "change-impact"), 2);
	assert_str(etsi_record_value_at(p, "change-impact", 0), "applicability");
	assert_str(etsi_record_value_at(p, "change-impact", 1), "wording");
	assert_str(etsi_record_get(etsi_catalog_find(b, ETSI_KIND_PROVISION, "5.3-4A"),
	                           "change-impact"), "split");
	etsi_catalog_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate__constrained_sensor),
		cmocka_unit_test(test_migrate__every_split),
		cmocka_unit_test(test_migrate__bad_arguments),
		cmocka_unit_test(test_migrate__catalog_diff),
		cmocka_unit_test(test_migrate__catalog_field),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
