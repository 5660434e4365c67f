/*
 * Fuzz target: etsi_dossier_migrate() to every later edition, on the
 * dossier loaded the way `etsi migrate` loads it (validated) and, through
 * the C API, without validation.  A migration that succeeds gives a valid
 * dossier that serializes.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

static const char *const editions[] = { "3.1.3", "2.1.1", "9.9.9" };

static const int codes[] = { ETSI_EINVALID, ETSI_EUNSUPPORTED, ETSI_ENOMEM, 0 };
static const int invalid_codes[] = { ETSI_EVALIDATION, 0 };

static void migrate(const etsi_dossier *d, int valid)
{
	size_t i, j;

	for (i = 0; i < sizeof(editions) / sizeof(editions[0]); i++) {
		etsi_dossier *out = NULL;
		etsi_diagnostics *report = NULL;
		int rc = etsi_dossier_migrate(&out, &report, d, editions[i]);

		/* a migrated dossier is valid, whatever the old one was */
		if (fuzz_check_made(rc, out, valid, codes, invalid_codes))
			FUZZ_ASSERT(etsi_dossier_validate(NULL, out) == 0);
		for (j = 0; rc == 0 && j < etsi_diagnostics_count(report); j++) {
			const etsi_diagnostic *diag = etsi_diagnostics_at(report, j);

			FUZZ_ASSERT(diag && diag->message && diag->message[0]);
		}
		etsi_diagnostics_free(report);
		etsi_dossier_free(out);
	}
}

FUZZ_ONE_DOSSIER(migrate)
