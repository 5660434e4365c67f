/*
 * Fuzz target: etsi_evidence_verify() and etsi_evidence_hash(), the
 * artifact checks of `etsi evidence verify|hash`, on a dossier loaded the
 * way verify loads it (not validated), against the evidence package of
 * tests/data/lifecycle/package (ETSI_FUZZ_EVIDENCE_ROOT; only read, the
 * hashed dossier stays in memory).  The report has one diagnostic per
 * artifact, each with a message, and the hashed dossier serializes.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

#ifndef ETSI_FUZZ_EVIDENCE_ROOT
#error "ETSI_FUZZ_EVIDENCE_ROOT: the evidence package the artifacts' refs resolve in"
#endif

static void check_report(int rc, const etsi_diagnostics *report, int null_text)
{
	size_t i, n;

	if (rc != 0 && rc != ETSI_EINTEGRITY) {
		FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(rc == ETSI_ENOMEM || rc == ETSI_EIO || rc == ETSI_ERROR);
		return;
	}
	FUZZ_ASSERT(report);
	n = etsi_diagnostics_count(report);
	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);

		FUZZ_ASSERT(d && d->message && d->message[0] && d->rule);
		/* a missing value is never printed as "(null)" */
		FUZZ_ASSERT(!strstr(d->message, "(null)") || null_text);
	}
	if (rc == ETSI_EINTEGRITY)
		FUZZ_ASSERT(n > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_evidence_options opts = ETSI_EVIDENCE_OPTIONS_INIT;
	etsi_diagnostics *report = NULL;
	etsi_dossier *d = fuzz_load_unvalidated(data, size, "fuzz.xml");
	char *xml = NULL;
	int rc, null_text = fuzz_find(data, size, "(null)") != NULL;

	if (!d)
		return 0;
	opts.root = ETSI_FUZZ_EVIDENCE_ROOT;
	rc = etsi_evidence_verify(&report, d, &opts);
	check_report(rc, report, null_text);
	etsi_diagnostics_free(report);
	report = NULL;

	opts.flags = ETSI_EVIDENCE_UPDATE;
	rc = etsi_evidence_hash(&report, d, &opts);
	check_report(rc, report, null_text);
	etsi_diagnostics_free(report);
	FUZZ_ASSERT(etsi_dossier_write(&xml, NULL, d) == 0 && xml);
	etsi_free(xml);
	etsi_dossier_free(d);
	return 0;
}
