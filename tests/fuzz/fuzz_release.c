/*
 * Fuzz target: etsi_dossier_release(), on the dossier loaded the way
 * `etsi release` loads it (validated) and, through the C API, without
 * validation.  A release that succeeds gives a dossier that serializes,
 * valid when the old one was, and a second release of its own version is
 * refused.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

static void release(const etsi_dossier *d, int valid, const char *version, const char *date)
{
	etsi_dossier *out = NULL;
	int rc = etsi_dossier_release(&out, d, version, date);

	if (rc < 0) {
		FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(!out);
		FUZZ_ASSERT(rc == ETSI_EINVALID || rc == ETSI_EVALIDATION ||
		            rc == ETSI_EUNSUPPORTED || rc == ETSI_ENOMEM);
		/* an invalid dossier, or one of an edition without a catalog
		 * (loaded without validation), is refused as such */
		FUZZ_ASSERT((rc != ETSI_EVALIDATION && rc != ETSI_EUNSUPPORTED) || !valid);
	} else {
		etsi_dossier *again = NULL;
		char *xml = NULL;

		FUZZ_ASSERT(out);
		FUZZ_ASSERT(etsi_dossier_write(&xml, NULL, out) == 0 && xml);
		if (valid) {
			FUZZ_ASSERT(etsi_dossier_validate(NULL, out) == 0);
			/* the new release's own version is not a new release */
			rc = etsi_dossier_release(&again, out, version, NULL);
			FUZZ_ASSERT(rc == ETSI_EINVALID || rc == ETSI_ENOMEM);
			FUZZ_ASSERT(!again);
		}
		etsi_free(xml);
	}
	etsi_dossier_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_dossier *d = fuzz_load_unvalidated(data, size, "fuzz.xml");
	int valid;

	if (!d)
		return 0;
	valid = etsi_dossier_validate(NULL, d) == 0;
	release(d, valid, "99.0.0", "2026-12-01");
	release(d, valid, "99.0.1", NULL);
	etsi_dossier_free(d);
	return 0;
}
