/*
 * Fuzz target: check and plan (etsi_dossier_evaluate) and every writer of
 * the results, on a dossier loaded the way `etsi check` loads it (schema
 * errors become findings of rule "schema", and the rules run on the rest of
 * an invalid dossier); then the plan is stored in the
 * dossier and the dossier serialized, as `etsi plan --store` does.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

static const char *const parts[][2] = {
	{ "findings", "text" }, { "findings", "json" },
	{ "plan", "text" },     { "plan", "csv" },     { "plan", "xml" },
	{ "outcomes", "text" }, { "outcomes", "csv" },
	{ "gate", "text" },     { "gate", "json" },
	{ "all", "xml" },       { "all", "json" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	etsi_results *results = NULL;
	etsi_diagnostics *findings = NULL;
	size_t i;
	int rc;

	opts.flags = ETSI_LOAD_NO_VALIDATE;
	if (etsi_dossier_load_memory(&d, (const char *)data, size, "fuzz.xml", &opts) < 0)
		return 0;
	check.as_of = FUZZ_AS_OF;
	rc = etsi_dossier_evaluate(&results, d, &check);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_EVALIDATION || rc == ETSI_ENOMEM);
	if (rc == 0 || rc == ETSI_EVALIDATION)
		FUZZ_ASSERT(results);
	/* an invalid dossier is evaluated all the same (the rules skip the
	 * records with schema errors): its results have an error finding */
	if (rc == ETSI_EVALIDATION)
		FUZZ_ASSERT(etsi_diagnostics_count_severity(etsi_results_findings(results),
		                                            ETSI_SEVERITY_ERROR) > 0);
	for (i = 0; results && i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *text = NULL;
		size_t len = 0;

		FUZZ_ASSERT(etsi_results_write(&text, &len, results, parts[i][0], parts[i][1]) == 0);
		FUZZ_ASSERT(text && strlen(text) == len);
		/* a missing value is never printed as "(null)" */
		FUZZ_ASSERT(!strstr(text, "(null)") || fuzz_find(data, size, "(null)") != NULL);
		etsi_free(text);
	}
	if (results) {
		size_t n = etsi_results_count(results, ETSI_KIND_FINDING);

		FUZZ_ASSERT(n == etsi_diagnostics_count(etsi_results_findings(results)));
		(void)etsi_results_overall(results);
		(void)etsi_results_ready(results);
	}

	/* check alone agrees with the evaluation */
	rc = etsi_dossier_check(&findings, d, &check);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_EVALIDATION || rc == ETSI_ENOMEM);
	if (results && findings)
		FUZZ_ASSERT(etsi_diagnostics_count(findings) ==
		            etsi_diagnostics_count(etsi_results_findings(results)));
	etsi_diagnostics_free(findings);

	if (results && etsi_dossier_validate(NULL, d) == 0) {
		char *xml = NULL;

		rc = etsi_dossier_store_plan(d, results, FUZZ_AS_OF);
		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
		FUZZ_ASSERT(etsi_dossier_write(&xml, NULL, d) == 0);
		/* a stored plan keeps a valid dossier valid */
		if (rc == 0)
			FUZZ_ASSERT(etsi_dossier_validate(NULL, d) == 0);
		etsi_free(xml);
	}
	etsi_results_free(results);
	etsi_dossier_free(d);
	return 0;
}
