/*
 * Fuzz target: report rendering, HTML and the CSV tables, of a dossier
 * that loads (validated).  XSLT is slow next to parsing, so inputs are
 * kept small (run with -max_len=32768; longer ones are skipped).
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

#define MAX_INPUT 32768

static const char *const formats[] = { "html", "ics-csv", "plan-csv", "evidence-csv" };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	size_t i;

	if (size > MAX_INPUT)
		return 0;
	if (etsi_dossier_load_memory(&d, (const char *)data, size, "fuzz.xml", NULL) < 0)
		return 0;
	opts.date = FUZZ_AS_OF;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *out = NULL;
		size_t len = 0;
		int rc;

		opts.format = formats[i];
		rc = etsi_dossier_report(&out, &len, d, &opts);
		/* a valid dossier always renders */
		if (rc < 0)
			FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
		if (rc == 0)
			FUZZ_ASSERT(out && strlen(out) == len && len > 0);
		etsi_free(out);
	}
	etsi_dossier_free(d);
	return 0;
}
