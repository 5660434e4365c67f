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

static void migrate(const etsi_dossier *d, int valid)
{
	size_t i;

	for (i = 0; i < sizeof(editions) / sizeof(editions[0]); i++) {
		etsi_dossier *out = NULL;
		etsi_diagnostics *report = NULL;
		int rc = etsi_dossier_migrate(&out, &report, d, editions[i]);

		if (rc < 0) {
			FUZZ_ASSERT_ERROR(rc);
			FUZZ_ASSERT(!out);
			FUZZ_ASSERT(rc == ETSI_EINVALID || rc == ETSI_EUNSUPPORTED ||
			            rc == ETSI_ENOMEM || (!valid && rc == ETSI_EVALIDATION));
		} else {
			char *xml = NULL;
			size_t n = etsi_diagnostics_count(report), j;

			FUZZ_ASSERT(out);
			FUZZ_ASSERT(etsi_dossier_validate(NULL, out) == 0);
			FUZZ_ASSERT(etsi_dossier_write(&xml, NULL, out) == 0 && xml);
			for (j = 0; j < n; j++) {
				const etsi_diagnostic *diag = etsi_diagnostics_at(report, j);

				FUZZ_ASSERT(diag && diag->message && diag->message[0]);
			}
			etsi_free(xml);
		}
		etsi_diagnostics_free(report);
		etsi_dossier_free(out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_dossier *d = fuzz_load_unvalidated(data, size, "fuzz.xml");
	int valid;

	if (!d)
		return 0;
	valid = etsi_dossier_validate(NULL, d) == 0;
	migrate(d, valid);
	etsi_dossier_free(d);
	return 0;
}
