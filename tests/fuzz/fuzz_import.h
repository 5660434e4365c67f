/*
 * Shared by the import targets (fuzz_import_csv.c, fuzz_import_sbom.c).
 * A target's LLVMFuzzerInitialize() calls fuzz_import_base() for each
 * (base dossier, format) pair; LLVMFuzzerTestOneInput(), defined here,
 * imports every input into a fresh copy of each base in its format and
 * checks the invariants of etsi_dossier_import(): a refused import leaves
 * the dossier as it was, with the problems reported; an accepted one
 * leaves it valid.
 */
#ifndef ETSI_FUZZ_IMPORT_H
#define ETSI_FUZZ_IMPORT_H

#include <string.h>

#include "fuzz.h"

#define FUZZ_MAX_BASES 4

static struct fuzz_base {
	char *xml; /* a valid dossier, serialized */
	size_t len;
	const char *format;
} fuzz_bases[FUZZ_MAX_BASES];
static size_t fuzz_n_bases;

static void fuzz_free_bases(void)
{
	size_t i;

	for (i = 0; i < fuzz_n_bases; i++)
		etsi_free(fuzz_bases[i].xml);
	fuzz_n_bases = 0;
}

/*
 * A new skeleton dossier of @p edition, loaded without validation, with
 * @p sbom (NULL for none) imported into it as CycloneDX: what a base is
 * made of.  Aborts when it cannot be made.
 */
static etsi_dossier *fuzz_new_dossier(const char *edition, const char *sbom)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	etsi_import_options import = ETSI_IMPORT_OPTIONS_INIT;
	etsi_dossier *d = NULL;

	opts.edition = edition;
	opts.model = "FZ-1";
	opts.release = "1.0.0";
	opts.manufacturer = "Fuzz Devices";
	import.format = "cyclonedx";
	if (etsi_dossier_new(&d, &opts) < 0 ||
	    (sbom && etsi_dossier_import(NULL, d, sbom, strlen(sbom), &import) < 0))
		abort();
	return d;
}

/* Adds the pair (@p base serialized, @p format); the base stays the
 * caller's. */
static void fuzz_import_base(const etsi_dossier *base, const char *format)
{
	struct fuzz_base *b = &fuzz_bases[fuzz_n_bases];

	if (fuzz_n_bases == FUZZ_MAX_BASES || etsi_dossier_write(&b->xml, &b->len, base) < 0)
		abort();
	b->format = format;
	if (fuzz_n_bases++ == 0)
		atexit(fuzz_free_bases);
}

static void fuzz_import(const struct fuzz_base *base, const uint8_t *data, size_t size)
{
	etsi_load_options load = ETSI_LOAD_OPTIONS_INIT;
	etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
	etsi_diagnostics *diags = NULL;
	etsi_dossier *d = NULL;
	char *before = NULL, *after = NULL;
	size_t before_len = 0, after_len = 0;
	int rc;

	load.flags = ETSI_LOAD_NO_VALIDATE;
	rc = etsi_dossier_load_memory(&d, base->xml, base->len, "base.xml", &load);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
	if (rc < 0)
		return;
	if (etsi_dossier_write(&before, &before_len, d) < 0) {
		etsi_dossier_free(d);
		return;
	}
	opts.format = base->format;
	opts.name = "fuzz";
	rc = etsi_dossier_import(&diags, d, (const char *)data, size, &opts);
	if (rc < 0) {
		FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(rc == ETSI_EPARSE || rc == ETSI_ELIMIT || rc == ETSI_EVALIDATION ||
		            rc == ETSI_EUNSUPPORTED || rc == ETSI_ENOMEM);
		if (rc == ETSI_EPARSE || rc == ETSI_EVALIDATION || rc == ETSI_EUNSUPPORTED)
			FUZZ_ASSERT(diags && etsi_diagnostics_count(diags) > 0);
		if (rc != ETSI_ENOMEM) {
			/* refused: the dossier is as it was */
			FUZZ_ASSERT(etsi_dossier_write(&after, &after_len, d) == 0);
			FUZZ_ASSERT(after_len == before_len && memcmp(after, before, before_len) == 0);
		}
	} else {
		/* accepted: the dossier stays valid and serializes */
		FUZZ_ASSERT(diags);
		FUZZ_ASSERT(etsi_dossier_validate(NULL, d) == 0);
		FUZZ_ASSERT(etsi_dossier_write(&after, &after_len, d) == 0);
		FUZZ_ASSERT(after && strlen(after) == after_len);
	}
	etsi_free(after);
	etsi_free(before);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i < fuzz_n_bases; i++)
		fuzz_import(&fuzz_bases[i], data, size);
	return 0;
}

#endif
