/*
 * Fuzz target: importing an EN 303 645 Annex B table from a spreadsheet
 * (etsi_dossier_import, format "ics-csv", as `etsi import --from ics-csv`)
 * into new dossiers of both editions.  See fuzz_import.h for the
 * invariants.
 */
#include "fuzz_import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const editions[] = { "3.1.3", "2.1.1" };
	size_t i;

	(void)argc;
	(void)argv;
	if (etsi_init() < 0)
		abort();
	for (i = 0; i < sizeof(editions) / sizeof(editions[0]); i++) {
		etsi_dossier *d = fuzz_new_dossier(editions[i], NULL);

		fuzz_import_base(d, "ics-csv");
		etsi_dossier_free(d);
	}
	return 0;
}
