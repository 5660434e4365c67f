/*
 * Fuzz target: loading a dossier from its JSON form
 * (etsi_dossier_load_json), as `etsi validate`/`check` do for a .json
 * file and the GRC import path does.  A document that loads and is valid
 * exports to JSON again, and that export loads back to the same export
 * (the JSON form is lossless).
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL, *again = NULL;
	char *json = NULL, *json2 = NULL;
	size_t len = 0, len2 = 0;
	int rc;

	opts.flags = ETSI_LOAD_NO_VALIDATE;
	rc = etsi_dossier_load_json(&d, (const char *)data, size, "fuzz.json", &opts);
	if (rc < 0) {
		FUZZ_ASSERT_LOAD_FAILED(rc, d);
		return 0;
	}
	/* what was read serializes as XML whatever its validity */
	FUZZ_ASSERT(etsi_dossier_write(&json, &len, d) == 0);
	FUZZ_ASSERT(json && strlen(json) == len);
	etsi_free(json);
	json = NULL;

	rc = etsi_dossier_validate(NULL, d);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_EVALIDATION || rc == ETSI_ENOMEM);
	if (rc == 0) {
		rc = etsi_dossier_export(&json, &len, d, NULL);
		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
		if (rc == 0) {
			FUZZ_ASSERT(json && strlen(json) == len);
			/* the export of a valid dossier loads back, validating */
			rc = etsi_dossier_load_json(&again, json, len, "export.json", NULL);
			if (rc < 0)
				FUZZ_ASSERT_ERROR(rc);
			FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
			if (rc == 0) {
				FUZZ_ASSERT(etsi_dossier_export(&json2, &len2, again, NULL) == 0);
				FUZZ_ASSERT(len2 == len && memcmp(json, json2, len) == 0);
			}
		}
	}
	etsi_free(json2);
	etsi_free(json);
	etsi_dossier_free(again);
	etsi_dossier_free(d);
	return 0;
}
