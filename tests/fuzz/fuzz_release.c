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

/* an invalid dossier, or one of an edition without a catalog (loaded
 * without validation), is refused as such */
static const int codes[] = { ETSI_EINVALID, ETSI_ENOMEM, 0 };
static const int invalid_codes[] = { ETSI_EVALIDATION, ETSI_EUNSUPPORTED, 0 };

static void release_to(const etsi_dossier *d, int valid, const char *version, const char *date)
{
	etsi_dossier *out = NULL, *again = NULL;
	int rc = etsi_dossier_release(&out, d, version, date);

	if (fuzz_check_made(rc, out, valid, codes, invalid_codes) && valid) {
		/* the new release's own version is not a new release */
		rc = etsi_dossier_release(&again, out, version, NULL);
		FUZZ_ASSERT(rc == ETSI_EINVALID || rc == ETSI_ENOMEM);
		FUZZ_ASSERT(!again);
	}
	etsi_dossier_free(out);
}

static void release(const etsi_dossier *d, int valid)
{
	release_to(d, valid, "99.0.0", "2026-12-01");
	release_to(d, valid, "99.0.1", NULL);
}

FUZZ_ONE_DOSSIER(release)
