/*
 * dossier-summary: load a libetsi dossier, validate it, and print what a
 * compliance owner looks at first: the device, the release, the editions,
 * and the Annex B support position of every provision.
 *
 * Build against an installed libetsi with either
 *   cc dossier-summary.c $(pkg-config --cflags --libs libetsi) -o dossier-summary
 * or CMake (see CMakeLists.txt beside this file: find_package(etsi)).
 *
 *   ./dossier-summary examples/dossiers/smart-camera-v3.xml
 */
#include <stdio.h>

#include <etsi.h>

static int fail(const char *what)
{
	const etsi_error *e = etsi_error_last();

	if (e->file && e->line)
		fprintf(stderr, "%s:%d: %s: %s\n", e->file, e->line, what, e->message);
	else
		fprintf(stderr, "%s: %s\n", what, e->message);
	return 1;
}

int main(int argc, char **argv)
{
	etsi_dossier *dossier = NULL;
	const etsi_record *header, *dut;
	etsi_catalog *catalog;
	size_t i, n, supported = 0;
	int status = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DOSSIER.xml\n", argv[0]);
		return 2;
	}
	if (etsi_init() < 0)
		return fail("init");

	/* Loading validates the dossier; the first problem is reported. */
	if (etsi_dossier_load(&dossier, argv[1], NULL) < 0) {
		fail("load");
		goto done;
	}
	catalog = etsi_dossier_catalog(dossier);
	header = etsi_dossier_find(dossier, ETSI_KIND_HEADER, NULL);
	dut = etsi_dossier_find(dossier, ETSI_KIND_DUT, NULL);

	printf("%s %s, release %s\n", etsi_record_get(dut, "manufacturer"),
	       etsi_record_get(dut, "model-designation"), etsi_record_get(header, "release"));
	printf("EN 303 645 V%s, assessed with TS 103 701 V%s\n\n",
	       etsi_catalog_edition(catalog), etsi_catalog_ts_edition(catalog));

	/* The requirement layer: one ICS row per provision. */
	n = etsi_dossier_count(dossier, ETSI_KIND_ICS_ENTRY);
	for (i = 0; i < n; i++) {
		const etsi_record *entry = etsi_dossier_at(dossier, ETSI_KIND_ICS_ENTRY, i);
		const char *provision = etsi_record_get(entry, "provision");
		const char *support = etsi_record_get(entry, "support");
		const etsi_record *p = etsi_catalog_find(catalog, ETSI_KIND_PROVISION, provision);

		printf("  %-8s %-12s %-4s %s\n", provision, etsi_record_get(p, "status-code"),
		       support ? support : "?", etsi_record_get(p, "title"));
		if (support && support[0] == 'Y')
			supported++;
	}
	printf("\n%zu of %zu provisions supported; %zu components, %zu update mechanisms, "
	       "%zu evidence items, %zu verdicts\n", supported, n,
	       etsi_dossier_count(dossier, ETSI_KIND_COMPONENT),
	       etsi_dossier_count(dossier, ETSI_KIND_MECHANISM),
	       etsi_dossier_count(dossier, ETSI_KIND_EVIDENCE),
	       etsi_dossier_count(dossier, ETSI_KIND_VERDICT));
	status = 0;
done:
	etsi_dossier_free(dossier);
	etsi_shutdown();
	return status;
}
