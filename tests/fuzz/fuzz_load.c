/*
 * Fuzz target: loading and validating a dossier.
 *
 * The input is parsed as the CLI's `check` parses it (no validation at
 * load), validated (schema, catalog references), serialized, and loaded
 * again the validating way, as `etsi validate` and the bindings do.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

static void walk_diagnostics(const etsi_diagnostics *diags)
{
	size_t i, n = etsi_diagnostics_count(diags);

	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(diags, i);

		FUZZ_ASSERT(d && d->message && d->message[0]);
		FUZZ_ASSERT(etsi_severity_name(d->severity));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL, *again = NULL;
	etsi_diagnostics *diags = NULL;
	char *xml = NULL;
	size_t len = 0;
	int rc;

	opts.flags = ETSI_LOAD_NO_VALIDATE;
	rc = etsi_dossier_load_memory(&d, (const char *)data, size, "fuzz.xml", &opts);
	if (rc < 0) {
		FUZZ_ASSERT_LOAD_FAILED(rc, d);
		return 0;
	}
	rc = etsi_dossier_validate(&diags, d);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_EVALIDATION || rc == ETSI_ENOMEM);
	if (rc == ETSI_EVALIDATION)
		FUZZ_ASSERT(etsi_diagnostics_count(diags) > 0);
	walk_diagnostics(diags);
	etsi_diagnostics_free(diags);

	/* what was parsed serializes, and the validating load agrees with
	 * the validation above on whether the document is valid */
	FUZZ_ASSERT(etsi_dossier_write(&xml, &len, d) == 0);
	FUZZ_ASSERT(xml && strlen(xml) == len);
	{
		int valid = rc == 0;

		rc = etsi_dossier_load_memory(&again, (const char *)data, size, "fuzz.xml", NULL);
		if (rc < 0)
			FUZZ_ASSERT_ERROR(rc);
		if (valid)
			FUZZ_ASSERT(rc == 0);
		else
			FUZZ_ASSERT(rc == ETSI_EVALIDATION || rc == ETSI_EUNSUPPORTED);
	}
	etsi_dossier_free(again);
	etsi_free(xml);
	etsi_dossier_free(d);
	return 0;
}
