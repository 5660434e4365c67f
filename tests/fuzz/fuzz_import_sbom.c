/*
 * Fuzz target: importing an SBOM (etsi_dossier_import, formats
 * "cyclonedx", JSON or XML, and "spdx", as `etsi import --from ...`) into
 * a dossier that already holds components from an earlier import, so that
 * merging by package URL, CPE and name is reached as well as adding.  See
 * fuzz_import.h for the invariants.
 */
#include "fuzz_import.h"

/* the earlier import: one component of each identity kind */
static const char earlier[] =
	"{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,"
	"\"components\":["
	"{\"type\":\"library\",\"name\":\"openssl\",\"version\":\"3.0.14\","
	"\"purl\":\"pkg:generic/openssl@3.0.14\"},"
	"{\"type\":\"library\",\"name\":\"zlib\",\"version\":\"1.3.1\","
	"\"cpe\":\"cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*\"},"
	"{\"type\":\"application\",\"name\":\"busybox\",\"version\":\"1.36.1\"}]}";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	etsi_dossier *d;

	(void)argc;
	(void)argv;
	if (etsi_init() < 0)
		abort();
	d = fuzz_new_dossier("3.1.3", earlier);
	fuzz_import_base(d, "cyclonedx");
	fuzz_import_base(d, "spdx");
	etsi_dossier_free(d);
	return 0;
}
