/* Unit tests of the imports (csv.c, sbom.c, interchange.c): the ICS table
 * from a spreadsheet (tolerant of what spreadsheets write, strict about
 * the rest, row numbers in every problem), software components from
 * CycloneDX 1.2 to 1.7 (JSON and XML), SPDX 2.2 and 2.3 (JSON and tag-value)
 * and SPDX 3.0 (JSON-LD) (merged by stable identity, never
 * duplicated, person-decided fields kept), malformed inputs refused with a
 * location, and a refused import changing nothing.  Fixtures:
 * tests/data/interchange/; real SBOMs of firmware and embedded builds in
 * tests/data/sbom-public/ (sources in tests/data/README.md); the published
 * samples of ../shared/data/sbom are used in place and skipped by name when
 * absent. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include "alloc.h"

static etsi_dossier *minimal(void)
{
	etsi_dossier *d = NULL;
	int rc = etsi_dossier_load(&d, test_data_path("valid/minimal-v3.xml"), NULL);

	if (rc != 0)
		fail_msg("minimal-v3.xml: %s", etsi_error_last()->message);
	return d;
}

static int run_import(etsi_diagnostics **out, etsi_dossier *d, const char *format,
                      const char *data, size_t len, const char *name)
{
	etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;

	opts.format = format;
	opts.name = name;
	return etsi_dossier_import(out, d, data, len, &opts);
}

static etsi_diagnostics *import_file(etsi_dossier *d, const char *format, const char *path,
                                     int expect)
{
	etsi_diagnostics *diags = NULL;
	size_t len;
	char *data = test_read_file(path, &len);
	int rc = run_import(&diags, d, format, data, len, path);

	if (rc != expect)
		fail_msg("%s: expected %d, got %d: %s", path, expect, rc, etsi_error_last()->message);
	free(data);
	return diags;
}

static size_t count_rule(const etsi_diagnostics *diags, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		const etsi_diagnostic *g = etsi_diagnostics_at(diags, i);

		n += g->rule && strcmp(g->rule, rule) == 0 && g->element;
	}
	return n;
}

static const etsi_diagnostic *problem_with(const etsi_diagnostics *diags, const char *needle)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		const etsi_diagnostic *g = etsi_diagnostics_at(diags, i);

		if (g->severity == ETSI_SEVERITY_ERROR && strstr(g->message, needle))
			return g;
	}
	fail_msg("no problem mentions \"%s\"", needle);
	return NULL;
}

/* ---- ICS from a spreadsheet ------------------------------------------------- */

static const char *support_of(etsi_dossier *d, const char *provision)
{
	return etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, provision), "support");
}

static const char *detail_of(etsi_dossier *d, const char *provision)
{
	return etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, provision), "detail");
}

static void test_import__csv_spreadsheet(void **state)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags;

	(void)state;
	/* BOM, semicolons, CRLF, a quoted cell over two lines, "Provision 5.3-1",
	 * yes/no, N/A spelled four ways, status with and without its
	 * conditions, a blank row, a void row, an extra column */
	diags = import_file(d, "ics-csv", test_data_path("interchange/ics-spreadsheet.csv"), 0);
	assert_str(support_of(d, "5.3-1"), "Y");
	assert_str(detail_of(d, "5.3-1"),
	           "Every component is updateable;\nthe boot ROM is immutable for security.");
	assert_str(detail_of(d, "5.3-2"), "Signed images, \"verified\" before install.");
	assert_str(support_of(d, "5.3-4A"), "N/A");
	assert_str(support_of(d, "5.3-4B"), "N/A");
	assert_str(support_of(d, "5.3-5"), "N/A");
	assert_str(support_of(d, "5.3-6A"), "N/A");
	assert_str(support_of(d, "5.3-7"), "N");
	assert_null(support_of(d, "5.3-8"));
	assert_str(detail_of(d, "5.3-8"), "Detail only, support left as it is.");
	assert_null(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-4"));
	assert_int_equal(count_rule(diags, "updated"), 1);   /* 5.3-2 was there */
	assert_int_equal(count_rule(diags, "added"), 8);
	assert_int_equal(count_rule(diags, "skipped"), 1);   /* the void row */
	assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR), 0);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_diagnostics_free(diags);
	/* the same table again changes nothing */
	diags = import_file(d, "ics-csv", test_data_path("interchange/ics-spreadsheet.csv"), 0);
	assert_int_equal(count_rule(diags, "unchanged"), 9);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_import__csv_problems_with_rows(void **state)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags;
	size_t before_len, after_len;
	char *before = test_write(d, &before_len), *after;
	const etsi_diagnostic *g;

	(void)state;
	diags = import_file(d, "ics-csv", test_data_path("interchange/ics-bad.csv"), ETSI_EVALIDATION);
	g = problem_with(diags, "row 3: 5.3-99 is not a provision of EN 303 645 V3.1.3");
	assert_int_equal(g->line, 3);
	problem_with(diags, "row 4: status 'R' contradicts EN 303 645 V3.1.3, where 5.3-2 is M C (15)");
	problem_with(diags, "row 5: 5.3-1 is listed again (first in row 2)");
	problem_with(diags, "row 6: support 'maybe' is not Y, N or N/A");
	problem_with(diags, "row 7: 5.3-2-1 is a TS 103 701 test case");
	problem_with(diags, "row 8: 7-UpdMech is a TS 103 701 IXIT table");
	problem_with(diags, "row 9: provision 5.3-4 is void in EN 303 645 V3.1.3; state the support "
	             "of 5.3-4A and 5.3-4B instead");
	assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR), 7);
	/* the thread's error names the first problem and counts the others */
	assert_contains(etsi_error_last()->message, "row 3:");
	assert_contains(etsi_error_last()->message, "(and 6 more problems)");
	/* nothing changed */
	after = test_write(d, &after_len);
	assert_string_equal(before, after);
	free(before);
	free(after);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void expect_csv(const char *csv, int code, const char *needle, int line)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags = NULL;
	int rc = run_import(&diags, d, "ics-csv", csv, strlen(csv), "t.csv");

	if (rc != code)
		fail_msg("expected %d, got %d (%s) for %s", code, rc, etsi_error_last()->message, csv);
	if (code < 0) {
		const etsi_diagnostic *g = problem_with(diags, needle);

		if (line)
			assert_int_equal(g->line, line);
		assert_str(g->file, "t.csv");
	}
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_import__csv_strict(void **state)
{
	(void)state;
	expect_csv("", ETSI_EVALIDATION, "the table is empty", 1);
	expect_csv("5.3-1,R,Y,x\n", ETSI_EVALIDATION, "row 1 is not a header row", 1);
	expect_csv("Reference,Status,Detail\n5.3-1,R,x\n", ETSI_EVALIDATION,
	           "the header row has no Support column", 1);
	expect_csv("Reference,Support,Supported\n", ETSI_EVALIDATION, "two columns are Support", 1);
	expect_csv("Reference,Support\n5.3-1,\"Y\n", ETSI_EPARSE, "a quoted cell is not closed", 2);
	expect_csv("Reference,Support\n5.3-1,\"Y\"x\n", ETSI_EPARSE, "text follows a closing quote", 2);
	expect_csv("Reference,Support\n5.3-1,Y\"\n", ETSI_EPARSE, "a quote inside a cell", 2);
	expect_csv("Reference,Support\n5.3-1,Y\n\xff\xfe\n", ETSI_EPARSE, "line 3 is not valid UTF-8",
	           3);
	expect_csv("Reference,Support\n,Y\n", ETSI_EVALIDATION, "row 2: the Reference cell is empty", 2);
	expect_csv("Reference,Support\nclause five,Y\n", ETSI_EVALIDATION,
	           "'clause five' is not a provision reference", 2);
	/* tolerated */
	expect_csv("reference,support\r\nprovision: 5.3-2,y\r\n", 0, NULL, 0);
	expect_csv("Ref\tStatus\tSupport\n5.3-2\tM C (15)\tYES\n", 0, NULL, 0);
	{
		etsi_dossier *d = minimal();
		const char nul[] = "Reference,Support\n5.3-1,Y\0\n";
		etsi_diagnostics *diags = NULL;

		assert_int_equal(run_import(&diags, d, "ics-csv", nul, sizeof(nul) - 1, "nul.csv"),
		                 ETSI_EPARSE);
		problem_with(diags, "a NUL byte");
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
	}
}

static void test_import__csv_edition(void **state)
{
	etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags = (etsi_diagnostics *)1;
	const char csv[] = "Reference,Support\n5.3-2,Y\n";

	(void)state;
	opts.format = "ics-csv";
	opts.edition = "2.1.1";
	assert_etsi_error(etsi_dossier_import(&diags, d, csv, strlen(csv), &opts), ETSI_EINVALID);
	assert_null(diags);
	assert_contains(etsi_error_last()->message, "the table is for EN 303 645 V2.1.1");
	opts.edition = "3.1.3";
	assert_int_equal(etsi_dossier_import(NULL, d, csv, strlen(csv), &opts), 0);
	etsi_dossier_free(d);
}

/* The ics-csv report reads back: export a dossier's ICS, import it into a
 * new skeleton of the same edition, and the ICS is the same. */
static void test_import__csv_report_round_trip(void **state)
{
	etsi_report_options ro = ETSI_REPORT_OPTIONS_INIT;
	etsi_new_options no = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL), *fresh = NULL;
	char *csv = NULL;
	size_t len, i;

	(void)state;
	ro.format = "ics-csv";
	assert_int_equal(etsi_dossier_report(&csv, &len, d, &ro), 0);
	no.edition = "3.1.3";
	no.model = "KIC-300";
	no.release = "3.4.0";
	assert_int_equal(etsi_dossier_new(&fresh, &no), 0);
	assert_int_equal(run_import(NULL, fresh, "ics-csv", csv, len, "ics.csv"), 0);
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY); i++) {
		etsi_record *e = etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, i);
		const char *p = etsi_record_key(e);

		assert_str(support_of(fresh, p), etsi_record_get(e, "support"));
		assert_str(detail_of(fresh, p), etsi_record_get(e, "detail"));
	}
	etsi_free(csv);
	etsi_dossier_free(fresh);
	etsi_dossier_free(d);
}

/* A detail a spreadsheet would take for a formula is neutralised in the
 * ics-csv report ("'=..." in quotes) unless csv_raw, which a version-1
 * options struct does not have; the import takes the quote off again. */
static void test_import__csv_report_formula_cells(void **state)
{
	etsi_report_options ro = ETSI_REPORT_OPTIONS_INIT;
	etsi_new_options no = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL), *fresh = NULL;
	char *csv = NULL;
	size_t len;

	(void)state;
	assert_int_equal(etsi_dossier_set_ics(d, "5.3-12", "Y", "=HYPERLINK(\"x\")"), 0);
	ro.format = "ics-csv";
	assert_int_equal(etsi_dossier_report(&csv, &len, d, &ro), 0);
	assert_non_null(strstr(csv, ",\"'=HYPERLINK(\"\"x\"\")\","));
	no.edition = "3.1.3";
	no.model = "KIC-300";
	no.release = "3.4.0";
	assert_int_equal(etsi_dossier_new(&fresh, &no), 0);
	assert_int_equal(run_import(NULL, fresh, "ics-csv", csv, len, "ics.csv"), 0);
	assert_str(detail_of(fresh, "5.3-12"), "=HYPERLINK(\"x\")");
	etsi_free(csv);
	ro.csv_raw = 1;
	assert_int_equal(etsi_dossier_report(&csv, NULL, d, &ro), 0);
	assert_non_null(strstr(csv, ",\"=HYPERLINK(\"\"x\"\")\","));
	assert_null(strstr(csv, "'="));
	etsi_free(csv);
	/* version 1: csv_raw is past the caller's struct, never read */
	assert_int_equal(etsi_report_options_init(&ro, 1), 0);
	assert_null(ro.format);
	ro.format = "ics-csv";
	ro.csv_raw = 1;
	assert_int_equal(etsi_dossier_report(&csv, NULL, d, &ro), 0);
	assert_non_null(strstr(csv, ",\"'=HYPERLINK("));
	etsi_free(csv);
	assert_int_equal(etsi_report_options_init(&ro, 2), 0);
	assert_etsi_error(etsi_report_options_init(&ro, ETSI_REPORT_OPTIONS_VERSION + 1), ETSI_EINVALID);
	etsi_dossier_free(fresh);
	etsi_dossier_free(d);
}

/* ---- SBOMs ---------------------------------------------------------------------- */

static etsi_record *component_by(etsi_dossier *d, const char *field, const char *value)
{
	size_t i;

	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_COMPONENT); i++) {
		etsi_record *c = etsi_dossier_at(d, ETSI_KIND_COMPONENT, i);

		if (etsi_record_get(c, field) && strcmp(etsi_record_get(c, field), value) == 0)
			return c;
	}
	return NULL;
}

static int has_soft_comp(etsi_dossier *d, const char *component)
{
	size_t i;

	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_SOFT_COMP); i++) {
		const char *c = etsi_record_get(etsi_dossier_at(d, ETSI_KIND_SOFT_COMP, i), "component");

		if (c && strcmp(c, component) == 0)
			return 1;
	}
	return 0;
}

/* cyclonedx: 1 CycloneDX, 0 SPDX, 2 SPDX 2.2 (no package purposes) */
static void check_small(etsi_dossier *d, int cyclonedx)
{
	etsi_record *ssl = component_by(d, "purl", "pkg:generic/openssl@3.0.14");
	etsi_record *zlib = component_by(d, "cpe", "cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*");
	etsi_record *bb = component_by(d, "name", "busybox");

	assert_non_null(ssl);
	assert_str(etsi_record_get(ssl, "name"), "openssl/openssl");
	assert_str(etsi_record_get(ssl, "version"), "3.0.14");
	assert_str(etsi_record_get(ssl, "supplier"), "OpenSSL Software Foundation");
	assert_str(etsi_record_get(ssl, "updateable"), "undecided");
	assert_str(etsi_record_get(ssl, "kind"), "library");
	assert_int_equal(etsi_record_value_count(ssl, "hash"), 2);
	assert_str(etsi_record_value_at(ssl, "hash", 0),
	           "SHA-256:f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b");
	assert_str(etsi_record_value_at(ssl, "hash", 1), "SHA-1:e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a");
	assert_true(has_soft_comp(d, etsi_record_key(ssl)));
	assert_non_null(zlib);
	assert_null(etsi_record_get(zlib, "purl"));
	assert_non_null(bb);
	/* SPDX 2.2 has no primaryPackagePurpose: a package is a library */
	assert_str(etsi_record_get(bb, "kind"), cyclonedx == 2 ? "library" : "application");
	assert_str(etsi_record_get(bb, "version"), "1.36.1");
	assert_true(has_soft_comp(d, etsi_record_key(bb)));
	/* hardware is not software: not imported; its firmware is */
	assert_null(component_by(d, "name", "Wi-Fi module WM-7"));
	assert_null(component_by(d, "name", "EX-100 main board"));
	if (cyclonedx == 1) {
		assert_str(etsi_record_get(zlib, "supplier"), "zlib authors");
		assert_non_null(component_by(d, "purl", "pkg:generic/example/wm7-radio-firmware@7.35"));
		assert_str(etsi_record_get(component_by(d, "name", "wm7-radio-firmware"), "kind"),
		           "firmware");
	} else {
		assert_null(etsi_record_get(zlib, "supplier"));  /* NOASSERTION */
		assert_str(etsi_record_get(bb, "supplier"), "BusyBox Project");
	}
}

static void test_import__sbom_small(void **state)
{
	static const struct {
		const char *format, *file;
		size_t added;
		int cyclonedx;
	} cases[] = {
		{ "cyclonedx", "interchange/sbom-small.cdx.json", 5, 1 },
		{ "cyclonedx", "interchange/sbom-small.cdx.xml", 5, 1 },
		{ "spdx", "interchange/sbom-small.spdx.json", 3, 0 },
		{ "spdx", "interchange/sbom-small.spdx-2.2.json", 3, 2 },
		{ "spdx", "interchange/sbom-small.spdx3.json", 3, 0 },
		{ "spdx", "interchange/sbom-small.spdx.tag", 3, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		etsi_dossier *d = minimal();
		size_t before = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
		etsi_diagnostics *diags = import_file(d, cases[i].format, test_data_path(cases[i].file), 0);

		assert_int_equal(count_rule(diags, "added"), cases[i].added);
		assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), before + cases[i].added);
		check_small(d, cases[i].cyclonedx);
		assert_int_equal(etsi_dossier_validate(NULL, d), 0);
		etsi_diagnostics_free(diags);
		/* again: everything unchanged, nothing added */
		diags = import_file(d, cases[i].format, test_data_path(cases[i].file), 0);
		assert_int_equal(count_rule(diags, "added"), 0);
		assert_int_equal(count_rule(diags, "unchanged"), cases[i].added);
		assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), before + cases[i].added);
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
	}
}

/* JSON and XML of one BOM, and SPDX after CycloneDX: merged, not doubled. */
static void test_import__sbom_merge(void **state)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags;
	etsi_record *ssl;
	size_t n;

	(void)state;
	etsi_diagnostics_free(import_file(d, "cyclonedx",
	                                  test_data_path("interchange/sbom-small.cdx.json"), 0));
	n = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
	/* a person decides: these stay as they are */
	ssl = component_by(d, "purl", "pkg:generic/openssl@3.0.14");
	assert_int_equal(etsi_record_set(ssl, "updateable", "true"), 0);
	assert_int_equal(etsi_record_add_value(ssl, "mechanism", "ota"), 0);
	assert_int_equal(etsi_record_set(ssl, "description", "Ours."), 0);
	diags = import_file(d, "cyclonedx", test_data_path("interchange/sbom-small.cdx.xml"), 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	etsi_diagnostics_free(diags);
	diags = import_file(d, "spdx", test_data_path("interchange/sbom-small.spdx.json"), 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	assert_int_equal(count_rule(diags, "unchanged") + count_rule(diags, "updated"), 3);
	etsi_diagnostics_free(diags);
	/* the same software in SPDX 3.0 and in tag-value */
	diags = import_file(d, "spdx", test_data_path("interchange/sbom-small.spdx3.json"), 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	assert_int_equal(count_rule(diags, "unchanged") + count_rule(diags, "updated"), 3);
	etsi_diagnostics_free(diags);
	diags = import_file(d, "spdx", test_data_path("interchange/sbom-small.spdx.tag"), 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	assert_int_equal(count_rule(diags, "unchanged") + count_rule(diags, "updated"), 3);
	etsi_diagnostics_free(diags);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), n);
	assert_str(etsi_record_get(ssl, "updateable"), "true");
	assert_str(etsi_record_get(ssl, "mechanism"), "ota");
	assert_str(etsi_record_get(ssl, "description"), "Ours.");
	etsi_dossier_free(d);
}

/* An SBOM's new version of a component updates it in place. */
static void test_import__sbom_update(void **state)
{
	etsi_dossier *d = minimal();
	const char v1[] = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": ["
	                  "{\"type\": \"library\", \"name\": \"zlib\", \"version\": \"1.3\", "
	                  "\"purl\": \"pkg:generic/zlib\", \"hashes\": [{\"alg\": \"SHA-256\", "
	                  "\"content\": \"aa\"}]}]}";
	const char v2[] = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": ["
	                  "{\"type\": \"library\", \"name\": \"zlib\", \"version\": \"1.3.1\", "
	                  "\"purl\": \"pkg:generic/zlib\", \"supplier\": {\"name\": \"zlib\"}, "
	                  "\"hashes\": [{\"alg\": \"SHA-256\", \"content\": \"bb\"}]}]}";
	etsi_diagnostics *diags = NULL;
	etsi_record *z;

	(void)state;
	assert_int_equal(run_import(NULL, d, "cyclonedx", v1, strlen(v1), "v1.json"), 0);
	z = component_by(d, "purl", "pkg:generic/zlib");
	assert_str(etsi_record_key(z), "comp-zlib-1.3");
	assert_int_equal(run_import(&diags, d, "cyclonedx", v2, strlen(v2), "v2.json"), 0);
	assert_int_equal(count_rule(diags, "updated"), 1);
	assert_str(etsi_record_get(z, "version"), "1.3.1");
	assert_str(etsi_record_get(z, "supplier"), "zlib");
	assert_int_equal(etsi_record_value_count(z, "hash"), 1);
	assert_str(etsi_record_value_at(z, "hash", 0), "SHA-256:bb");
	assert_str(etsi_record_key(z), "comp-zlib-1.3");  /* the id stays */
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void expect_sbom(const char *format, const char *file, int code, const char *needle,
                        int line)
{
	etsi_dossier *d = minimal();
	size_t before_len, after_len;
	char *before = test_write(d, &before_len), *after;
	etsi_diagnostics *diags = import_file(d, format, test_data_path(file), code);
	const etsi_diagnostic *g = problem_with(diags, needle);

	if (line)
		assert_int_equal(g->line, line);
	after = test_write(d, &after_len);
	assert_string_equal(before, after);
	free(before);
	free(after);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_import__sbom_malformed(void **state)
{
	(void)state;
	expect_sbom("cyclonedx", "interchange/bad-syntax.cdx.json", ETSI_EPARSE, "not valid JSON", 5);
	expect_sbom("cyclonedx", "interchange/bad-version-1.8.cdx.json", ETSI_EUNSUPPORTED,
	            "/specVersion: CycloneDX 1.8 is not supported; libetsi reads CycloneDX 1.2 to "
	            "1.7", 0);
	expect_sbom("cyclonedx", "interchange/bad-format.cdx.json", ETSI_EVALIDATION,
	            "/bomFormat: is \"SPDX\"", 0);
	expect_sbom("cyclonedx", "interchange/bad-missing-name.cdx.json", ETSI_EVALIDATION,
	            "/components/1/name: is missing", 0);
	expect_sbom("cyclonedx", "interchange/bad-name-type.cdx.json", ETSI_EVALIDATION,
	            "/components/0/name: is an integer; it must be a string", 0);
	expect_sbom("cyclonedx", "interchange/bad-name-type.cdx.json", ETSI_EVALIDATION,
	            "/components/1/version: is an array", 0);
	expect_sbom("cyclonedx", "interchange/bad-huge-number.cdx.json", ETSI_EPARSE, "too big integer",
	            1);
	expect_sbom("cyclonedx", "interchange/bad-huge-real.cdx.json", ETSI_EPARSE,
	            "real number overflow", 1);
	expect_sbom("cyclonedx", "interchange/bad-deep.cdx.json", ETSI_ELIMIT,
	            "components nest deeper than 64 levels", 0);
	expect_sbom("cyclonedx", "interchange/bad-hash.cdx.json", ETSI_EVALIDATION,
	            "/components/0: digest 1 (SHA-256) is not a hexadecimal digest", 0);
	expect_sbom("cyclonedx", "interchange/bad-purl.cdx.json", ETSI_EVALIDATION,
	            "'zlib 1.3.1' is not a package URL", 0);
	expect_sbom("cyclonedx", "interchange/bad-xxe.cdx.xml", ETSI_EPARSE,
	            "DOCTYPE declarations are refused", 2);
	expect_sbom("cyclonedx", "interchange/bad-version-1.1.cdx.xml", ETSI_EUNSUPPORTED,
	            "CycloneDX 1.1 is not supported; libetsi reads CycloneDX 1.2 to 1.7", 2);
	expect_sbom("cyclonedx", "interchange/bad-malformed.cdx.xml", ETSI_EPARSE,
	            "not well-formed XML", 4);
	expect_sbom("cyclonedx", "interchange/bad-no-name.cdx.xml", ETSI_EVALIDATION,
	            "the component has no <name>", 4);
	expect_sbom("spdx", "interchange/bad-version-2.1.spdx.json", ETSI_EUNSUPPORTED,
	            "/spdxVersion: SPDX-2.1 is not supported; libetsi reads SPDX 2.2 and 2.3 (JSON or "
	            "tag-value) and SPDX 3.0 (JSON-LD)", 0);
	/* tag-value: a line that is not "Tag: value", a <text> never closed, an
	 * unknown version, a package before the version */
	expect_sbom("spdx", "interchange/bad-line.spdx.tag", ETSI_EVALIDATION,
	            "this is not a \"Tag: value\" line", 5);
	expect_sbom("spdx", "interchange/bad-text.spdx.tag", ETSI_EVALIDATION,
	            "the <text> of PackageDescription is not closed by </text>", 6);
	expect_sbom("spdx", "interchange/bad-version-2.1.spdx.tag", ETSI_EUNSUPPORTED,
	            "SPDX-2.1 is not supported; libetsi reads SPDX 2.2 and 2.3 (JSON or tag-value)", 2);
	expect_sbom("spdx", "interchange/bad-no-version.spdx.tag", ETSI_EVALIDATION,
	            "a package before the SPDXVersion", 2);
	expect_sbom("spdx", "interchange/ics-spreadsheet.csv", ETSI_EVALIDATION,
	            "this is not a \"Tag: value\" line", 0);
	/* SPDX 3: an unknown version, a malformed graph, a package without a name */
	expect_sbom("spdx", "interchange/bad-version.spdx3.json", ETSI_EUNSUPPORTED,
	            "/@graph: SPDX 3.1 is not supported; libetsi reads SPDX 2.2 and 2.3", 0);
	expect_sbom("spdx", "interchange/bad-graph.spdx3.json", ETSI_EVALIDATION,
	            "/@graph/1: an element is an object, not a string", 0);
	expect_sbom("spdx", "interchange/bad-package.spdx3.json", ETSI_EVALIDATION,
	            "/@graph/1/name: is missing; every package has a name", 0);
	expect_sbom("spdx", "interchange/bad-package.spdx3.json", ETSI_EVALIDATION,
	            "/@graph/2/suppliedBy: is an integer; it must be the spdxId of an agent", 0);
	expect_sbom("spdx", "interchange/bad-control.spdx.json", ETSI_EVALIDATION,
	            "/packages/0: the name holds a character XML does not allow", 0);
	expect_sbom("spdx", "interchange/bad-control.spdx.json", ETSI_EVALIDATION,
	            "/packages/1: digest 1 has no algorithm or no value", 0);
	/* SPDX as XML, a CycloneDX BOM given as SPDX */
	expect_sbom("spdx", "interchange/sbom-small.cdx.xml", ETSI_EUNSUPPORTED,
	            "this is not SPDX JSON", 1);
	expect_sbom("spdx", "interchange/sbom-small.cdx.json", ETSI_EVALIDATION,
	            "/spdxVersion: is missing", 0);
}

/* SPDX 3.0 documents that are not what they should be, given in memory. */
static void test_import__spdx3_shapes(void **state)
{
	static const struct {
		const char *text;
		int code;
		const char *needle;
	} cases[] = {
		{ "{\"@context\": \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"}", ETSI_EVALIDATION,
		  "/@graph: is missing" },
		{ "{\"@context\": \"x\", \"@graph\": {}}", ETSI_EVALIDATION,
		  "/@graph: is an object; it must be an array" },
		{ "{\"@graph\": [{\"type\": \"software_Package\", \"name\": \"a\"}]}", ETSI_EVALIDATION,
		  "no CreationInfo states a specVersion" },
		{ "{\"@graph\": [{\"type\": \"CreationInfo\", \"specVersion\": \"3.0.\"}]}",
		  ETSI_EUNSUPPORTED, "SPDX 3.0. is not supported" },
		{ "{\"@graph\": [{\"type\": 7}]}", ETSI_EVALIDATION,
		  "/@graph/0/type: is an integer; it must be a string" },
		{ "{\"@graph\": [{\"type\": \"CreationInfo\", \"specVersion\": \"3.0.0\"}, "
		  "{\"type\": \"software_Package\", \"name\": \"a\", \"verifiedUsing\": [3]}]}",
		  ETSI_EVALIDATION, "/@graph/1/verifiedUsing/0: an integrity method is an object" },
		{ "{\"@graph\": [{\"type\": \"CreationInfo\", \"specVersion\": \"3.0.0\"}, "
		  "{\"type\": \"software_Package\", \"name\": \"a\", \"verifiedUsing\": "
		  "[{\"type\": \"Hash\", \"algorithm\": \"sha256\", \"hashValue\": \"xyz\"}]}]}",
		  ETSI_EVALIDATION, "/@graph/1: digest 1 (SHA-256) is not a hexadecimal digest" },
		{ "{\"@graph\": [{\"type\": \"CreationInfo\", \"specVersion\": \"3.0.0\"}, "
		  "{\"type\": \"software_Package\", \"name\": \"a\", \"externalIdentifier\": "
		  "[{\"externalIdentifierType\": \"cpe23\", \"identifier\": \"a b\"}]}]}",
		  ETSI_EVALIDATION, "'a b' is not a CPE name" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		etsi_dossier *d = minimal();
		size_t before_len, after_len;
		char *before = test_write(d, &before_len), *after;
		etsi_diagnostics *diags = NULL;
		int rc = run_import(&diags, d, "spdx", cases[i].text, strlen(cases[i].text), "x.json");

		if (rc != cases[i].code)
			fail_msg("case %zu: %d instead of %d", i, rc, cases[i].code);
		problem_with(diags, cases[i].needle);
		after = test_write(d, &after_len);
		assert_string_equal(before, after);
		free(before);
		free(after);
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
	}
}

/* The files of earlier refusals are readable now: CycloneDX 1.2 in JSON
 * and XML, SPDX 2.2. */
static void test_import__older_versions(void **state)
{
	etsi_dossier *d = minimal();
	size_t before = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
	etsi_diagnostics *diags;

	(void)state;
	diags = import_file(d, "cyclonedx", test_data_path("interchange/old-1.2.cdx.json"), 0);
	assert_int_equal(count_rule(diags, "added"), 1);
	etsi_diagnostics_free(diags);
	diags = import_file(d, "cyclonedx", test_data_path("interchange/old-1.2-empty.cdx.xml"), 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	etsi_diagnostics_free(diags);
	diags = import_file(d, "spdx", test_data_path("interchange/old-2.2.spdx.json"), 0);
	assert_int_equal(count_rule(diags, "added"), 3);
	etsi_diagnostics_free(diags);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), before + 4);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

/* Every CycloneDX version libetsi reads, in both encodings, and the ones
 * around them refused as unsupported. */
static void test_import__cyclonedx_versions(void **state)
{
	static const char *const versions[] = { "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7",
	                                        "1.8", "2.0" };
	char json[512], xml[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		int readable = i >= 1 && i <= 6, enc;

		snprintf(json, sizeof(json),
		         "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"%s\", \"components\": "
		         "[{\"type\": \"library\", \"name\": \"zlib\", \"version\": \"1.3.1\", "
		         "\"purl\": \"pkg:generic/zlib@1.3.1\"}]}", versions[i]);
		snprintf(xml, sizeof(xml),
		         "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/%s\" "
		         "version=\"1\"><components><component type=\"library\"><name>zlib</name>"
		         "<version>1.3.1</version><purl>pkg:generic/zlib@1.3.1</purl></component>"
		         "</components></bom>", versions[i]);
		for (enc = 0; enc < 2; enc++) {
			const char *text = enc ? xml : json;
			etsi_dossier *d = minimal();
			size_t before = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
			etsi_diagnostics *diags = NULL;
			int rc = run_import(&diags, d, "cyclonedx", text, strlen(text), "v.cdx");

			if (rc != (readable ? 0 : ETSI_EUNSUPPORTED))
				fail_msg("CycloneDX %s %s: %d (%s)", versions[i], enc ? "XML" : "JSON", rc,
				         etsi_error_last()->message);
			if (readable) {
				assert_int_equal(count_rule(diags, "added"), 1);
				assert_non_null(component_by(d, "purl", "pkg:generic/zlib@1.3.1"));
			} else {
				problem_with(diags, "is not supported; libetsi reads CycloneDX 1.2 to 1.7");
			}
			assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT),
			                 before + (readable ? 1 : 0));
			etsi_diagnostics_free(diags);
			etsi_dossier_free(d);
		}
	}
}

static void test_import__limits(void **state)
{
	etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags = NULL;
	size_t len;
	char *data = test_read_file(test_data_path("interchange/sbom-small.cdx.xml"), &len);

	(void)state;
	opts.format = "cyclonedx";
	opts.max_size = 100;
	assert_etsi_error(etsi_dossier_import(&diags, d, data, len, &opts), ETSI_ELIMIT);
	opts.max_size = 0;
	opts.max_depth = 2;
	assert_etsi_error(etsi_dossier_import(&diags, d, data, len, &opts), ETSI_ELIMIT);
	etsi_diagnostics_free(diags);
	free(data);
	etsi_dossier_free(d);
}

/* After an import, etsi check asks a person to decide updateability. */
static void test_import__check_flags_undecided(void **state)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *findings = NULL;
	size_t undecided;

	(void)state;
	etsi_diagnostics_free(import_file(d, "spdx", test_data_path("interchange/sbom-small.spdx.json"),
	                                  0));
	assert_int_equal(etsi_dossier_check(&findings, d, NULL), ETSI_EVALIDATION);
	undecided = test_count_findings(findings, "boundary-updateability-undecided", NULL);
	assert_int_equal(undecided, 3);
	etsi_diagnostics_free(findings);
	etsi_dossier_free(d);
}

static void test_import__arguments(void **state)
{
	etsi_import_options opts;
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags = (etsi_diagnostics *)1;

	(void)state;
	assert_etsi_error(etsi_import_options_init(&opts, 0), ETSI_EINVALID);
	assert_int_equal(etsi_import_options_init(&opts, ETSI_IMPORT_OPTIONS_VERSION), 0);
	assert_etsi_error(etsi_dossier_import(&diags, d, "x", 1, &opts), ETSI_EINVALID);
	assert_null(diags);
	opts.format = "xlsx";
	assert_etsi_error(etsi_dossier_import(&diags, d, "x", 1, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_import(&diags, NULL, "x", 1, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_import(&diags, d, "x", 1, NULL), ETSI_EINVALID);
	assert_str(etsi_import_format_at(0), "ics-csv");
	assert_str(etsi_import_format_at(1), "cyclonedx");
	assert_str(etsi_import_format_at(2), "spdx");
	assert_null(etsi_import_format_at(3));
	etsi_dossier_free(d);
}

/* ---- the published samples (../shared/data/sbom), used in place ------------------- */

static char *shared_file(const char *relative)
{
	const char *base = getenv("ETSI_SHARED_DATA");
	char path[4096];

	if (base && *base)
		snprintf(path, sizeof(path), "%s/%s", base, relative);
	else
		snprintf(path, sizeof(path), "%s/%s", test_source_path("../shared/data"), relative);
	return access(path, R_OK) == 0 ? strdup(path) : NULL;
}

static const struct {
	const char *format, *file;
	size_t added;
} samples[] = {
	{ "cyclonedx", "sbom/cyclonedx/hbom-pcie-sata-adapter-board.cdx-1.4.json", 0 },
	{ "cyclonedx", "sbom/cyclonedx/laravel-7.12.0.cdx-1.4.xml", 63 },
	{ "cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.5.xml", 4 },
	{ "cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.6.json", 4 },
	{ "cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.6.xml", 4 },
	{ "spdx", "sbom/spdx/ACME-v2.3.spdx.json", 4 },
	{ "spdx", "sbom/spdx/SPDXJSONExample-v2.3.spdx.json", 4 },
	{ "spdx", "sbom/spdx/example11-rust-hello-server.spdx-2.3.json", 4 },
};

static void test_import__published_samples(void **state)
{
	size_t i, skipped = 0;

	(void)state;
	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char *path = shared_file(samples[i].file);
		etsi_dossier *d;
		etsi_diagnostics *diags;
		size_t before;

		if (!path) {
			print_message("SKIPPED %s: not in ETSI_SHARED_DATA\n", samples[i].file);
			skipped++;
			continue;
		}
		d = test_load_example("smart-camera-v3.xml", NULL);
		before = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
		diags = import_file(d, samples[i].format, path, 0);
		if (count_rule(diags, "added") != samples[i].added)
			fail_msg("%s: %zu added, expected %zu", samples[i].file,
			         count_rule(diags, "added"), samples[i].added);
		assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), before + samples[i].added);
		assert_int_equal(etsi_dossier_validate(NULL, d), 0);
		etsi_diagnostics_free(diags);
		diags = import_file(d, samples[i].format, path, 0);
		assert_int_equal(count_rule(diags, "added"), 0);
		assert_int_equal(count_rule(diags, "updated"), 0);
		assert_int_equal(count_rule(diags, "unchanged"), samples[i].added);
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
		free(path);
	}
	if (skipped == sizeof(samples) / sizeof(samples[0]))
		skip();
}

/* The 1.6 JSON and XML twins give the same components. */
static void test_import__published_twins(void **state)
{
	char *json = shared_file("sbom/cyclonedx/valid-bom.cdx-1.6.json");
	char *xml = shared_file("sbom/cyclonedx/valid-bom.cdx-1.6.xml");
	etsi_dossier *d;
	etsi_diagnostics *diags;

	(void)state;
	if (!json || !xml) {
		print_message("SKIPPED test_import__published_twins: "
		              "sbom/cyclonedx/valid-bom.cdx-1.6.{json,xml} are not in ETSI_SHARED_DATA\n");
		free(json);
		free(xml);
		skip();
	}
	d = minimal();
	etsi_diagnostics_free(import_file(d, "cyclonedx", json, 0));
	diags = import_file(d, "cyclonedx", xml, 0);
	assert_int_equal(count_rule(diags, "added"), 0);
	assert_int_equal(count_rule(diags, "updated"), 0);
	assert_int_equal(count_rule(diags, "unchanged"), 4);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
	free(json);
	free(xml);
}

/* ---- real SBOMs of firmware and embedded builds (tests/data/sbom-public) ---------- */

static const struct {
	const char *format, *file;
	size_t added;
	int code;
	const char *needle;
} public_sboms[] = {
	/* Yocto/OpenEmbedded create-spdx, SPDX 2.2: a runtime package and its
	 * recipe (a CPE given as a URI-typed reference) */
	{ "spdx", "sbom-public/yocto-time-1.9.spdx-2.2.json", 1, 0, NULL },
	{ "spdx", "sbom-public/yocto-recipe-time-1.9.spdx-2.2.json", 1, 0, NULL },
	/* Zephyr's west spdx, tag-value: the sources, and the build's CMake
	 * targets */
	{ "spdx", "sbom-public/zephyr-west-zephyr-sources.spdx-2.2.tag", 1, 0, NULL },
	{ "spdx", "sbom-public/zephyr-west-build.spdx-2.2.tag", 53, 0, NULL },
	/* SPDX 3.0.1 JSON-LD */
	{ "spdx", "sbom-public/spdx-example11-rust-hello-server.spdx-3.0.1.json", 4, 0, NULL },
	/* CycloneDX's own full BOMs of 1.2 and 1.7 */
	{ "cyclonedx", "sbom-public/cdx-spec-valid-bom-1.2.xml", 4, 0, NULL },
	{ "cyclonedx", "sbom-public/cdx-spec-valid-bom-1.7.json", 4, 0, NULL },
	{ "cyclonedx", "sbom-public/cdx-spec-valid-bom-1.7.xml", 4, 0, NULL },
};

static void test_import__public_sboms(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(public_sboms) / sizeof(public_sboms[0]); i++) {
		etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
		size_t before = etsi_dossier_count(d, ETSI_KIND_COMPONENT);
		const char *path = test_data_path(public_sboms[i].file);
		etsi_diagnostics *diags = import_file(d, public_sboms[i].format, path,
		                                      public_sboms[i].code);

		if (public_sboms[i].needle)
			problem_with(diags, public_sboms[i].needle);
		if (count_rule(diags, "added") != public_sboms[i].added)
			fail_msg("%s: %zu added, expected %zu", public_sboms[i].file,
			         count_rule(diags, "added"), public_sboms[i].added);
		assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT),
		                 before + public_sboms[i].added);
		assert_int_equal(etsi_dossier_validate(NULL, d), 0);
		etsi_diagnostics_free(diags);
		if (public_sboms[i].code == 0) {
			diags = import_file(d, public_sboms[i].format, path, 0);
			assert_int_equal(count_rule(diags, "added"), 0);
			assert_int_equal(count_rule(diags, "unchanged"), public_sboms[i].added);
			etsi_diagnostics_free(diags);
		}
		etsi_dossier_free(d);
	}
}

/* What the real SBOMs say arrives in the dossier. */
static void test_import__public_sbom_fields(void **state)
{
	etsi_dossier *d = minimal();
	etsi_diagnostics *diags;
	etsi_record *c;

	(void)state;
	etsi_diagnostics_free(import_file(d, "spdx",
	                                  test_data_path("sbom-public/yocto-recipe-time-1.9.spdx-2.2.json"),
	                                  0));
	c = component_by(d, "cpe", "cpe:2.3:a:*:time:1.9:*:*:*:*:*:*:*");
	assert_non_null(c);
	assert_str(etsi_record_get(c, "name"), "time");
	assert_str(etsi_record_get(c, "version"), "1.9");
	/* the package of the same recipe: no CPE, so a component of its own */
	diags = import_file(d, "spdx", test_data_path("sbom-public/yocto-time-1.9.spdx-2.2.json"), 0);
	assert_int_equal(count_rule(diags, "added"), 1);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);

	/* SPDX 3.0 and 2.3 of one SBOM: one set of components */
	d = minimal();
	etsi_diagnostics_free(import_file(d, "spdx", test_data_path(
	        "sbom-public/spdx-example11-rust-hello-server.spdx-3.0.1.json"), 0));
	c = component_by(d, "purl", "pkg:cargo/tokio@1.19.2");
	assert_non_null(c);
	assert_str(etsi_record_get(c, "name"), "tokio");
	assert_str(etsi_record_get(c, "version"), "1.19.2");
	{
		char *twin = shared_file("sbom/spdx/example11-rust-hello-server.spdx-2.3.json");

		if (twin) {
			diags = import_file(d, "spdx", twin, 0);
			assert_int_equal(count_rule(diags, "added"), 0);
			/* 2.3 adds the digests 3.0 does not give */
			assert_int_equal(count_rule(diags, "unchanged") + count_rule(diags, "updated"), 4);
			etsi_diagnostics_free(diags);
			free(twin);
		} else {
			print_message("SKIPPED the SPDX 2.3 twin: not in ETSI_SHARED_DATA\n");
		}
	}
	etsi_dossier_free(d);
}

/* ---- allocation failure ----------------------------------------------------------- */

/* For N = 0, 1, 2, ... (then in growing strides) every libetsi allocation
 * after the first N fails: each interchange operation must succeed or fail
 * with ETSI_ENOMEM, never crash and (under valgrind or ASan) never leak.
 * Allocations inside libxml2 and jansson are not hooked. */
typedef int (*alloc_op)(etsi_dossier *fresh, const char *input, size_t len);

static int op_export_json(etsi_dossier *d, const char *input, size_t len)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	int rc;

	(void)input;
	(void)len;
	rc = etsi_dossier_export(&out, NULL, d, &opts);
	etsi_free(out);
	return rc;
}

static int op_export_oscal(etsi_dossier *d, const char *input, size_t len)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	int rc;

	(void)input;
	opts.format = len ? "oscal-xml" : "oscal-json";
	rc = etsi_dossier_export(&out, NULL, d, &opts);
	etsi_free(out);
	return rc;
}

static int op_load_json(etsi_dossier *d, const char *input, size_t len)
{
	etsi_dossier *back = NULL;
	int rc = etsi_dossier_load_json(&back, input, len, "x.json", NULL);

	(void)d;
	etsi_dossier_free(back);
	return rc;
}

static const char *op_format;

static int op_import(etsi_dossier *d, const char *input, size_t len)
{
	etsi_diagnostics *diags = NULL;
	int rc = run_import(&diags, d, op_format, input, len, "x");

	etsi_diagnostics_free(diags);
	return rc;
}

static void under_failing_allocations(const char *what, alloc_op op, const char *input,
                                      size_t len)
{
	long n;
	int rc = ETSI_ENOMEM, runs = 0;
	/* every allocation for the first `every`, then steps of 2.5 %
	 * (12.5 % under valgrind, some thirty times slower: each run loads a
	 * dossier) */
	long every = RUNNING_ON_VALGRIND ? 30 : 300, step = RUNNING_ON_VALGRIND ? 8 : 40;

	/* the example is loaded without validating it again for every run (the
	 * operations validate what they produce); loading JSON needs none */
	etsi_load_options load = ETSI_LOAD_OPTIONS_INIT;

	load.flags = ETSI_LOAD_NO_VALIDATE;
	for (n = 0; rc == ETSI_ENOMEM && runs < 3000; n += n < every ? 1 : 1 + n / step, runs++) {
		etsi_dossier *d = op == op_load_json ? NULL
		                  : test_load_example("smart-camera-v3.xml", &load);

		etsi__alloc_fail_after(n);
		rc = op(d, input, len);
		etsi__alloc_fail_after(-1);
		if (rc != 0 && rc != ETSI_ENOMEM)
			fail_msg("%s with %ld allocations allowed: %d (%s) instead of ETSI_ENOMEM", what, n,
			         rc, etsi_error_last()->message);
		if (rc == ETSI_ENOMEM && etsi_error_last()->code != ETSI_ENOMEM)
			fail_msg("%s with %ld allocations allowed: ETSI_ENOMEM, but the last error is %s",
			         what, n, etsi_error_last()->message);
		etsi_dossier_free(d);
	}
	if (rc != 0)
		fail_msg("%s did not succeed after %d runs", what, runs);
}

static void test_import__allocation_failure(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *json = NULL, *data;
	size_t len;

	(void)state;
	assert_int_equal(etsi_dossier_export(&json, &len, d, &opts), 0);
	under_failing_allocations("export json", op_export_json, NULL, 0);
	under_failing_allocations("export oscal-json", op_export_oscal, NULL, 0);
	under_failing_allocations("export oscal-xml", op_export_oscal, NULL, 1);
	under_failing_allocations("load json", op_load_json, json, len);
	op_format = "ics-csv";
	data = test_read_file(test_data_path("interchange/ics-spreadsheet.csv"), &len);
	under_failing_allocations("import ics-csv", op_import, data, len);
	free(data);
	op_format = "cyclonedx";
	data = test_read_file(test_data_path("interchange/sbom-small.cdx.json"), &len);
	under_failing_allocations("import cyclonedx json", op_import, data, len);
	free(data);
	data = test_read_file(test_data_path("interchange/sbom-small.cdx.xml"), &len);
	under_failing_allocations("import cyclonedx xml", op_import, data, len);
	free(data);
	op_format = "spdx";
	data = test_read_file(test_data_path("interchange/sbom-small.spdx.json"), &len);
	under_failing_allocations("import spdx", op_import, data, len);
	free(data);
	data = test_read_file(test_data_path("interchange/sbom-small.spdx3.json"), &len);
	under_failing_allocations("import spdx 3.0", op_import, data, len);
	free(data);
	data = test_read_file(test_data_path("interchange/sbom-small.spdx.tag"), &len);
	under_failing_allocations("import spdx tag-value", op_import, data, len);
	free(data);
	etsi_free(json);
	etsi_dossier_free(d);
}

/* No dossier the library makes for itself (the staging copy of an import,
 * one loaded from JSON) closes a descriptor it does not own when freed:
 * with standard input closed, the caller's next file takes descriptor 0,
 * and a staged copy whose lock descriptor started at 0 closed it. */
static void test_import__descriptors_stay_the_callers(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL), *j = NULL;
	size_t len = 0;
	char *json = NULL;
	int saved = dup(0), fd;

	(void)state;
	assert_true(saved >= 0);
	assert_int_equal(close(0), 0);
	fd = open(test_data_path("interchange/sbom-small.cdx.json"), O_RDONLY);
	assert_int_equal(fd, 0);
	etsi_diagnostics_free(import_file(d, "cyclonedx",
	                                  test_data_path("interchange/sbom-small.cdx.json"), 0));
	etsi_diagnostics_free(import_file(d, "ics-csv",
	                                  test_data_path("interchange/ics-spreadsheet.csv"), 0));
	assert_int_equal(etsi_dossier_export(&json, &len, d, NULL), 0);
	assert_int_equal(etsi_dossier_load_json(&j, json, len, "d.json", NULL), 0);
	etsi_dossier_free(j);
	etsi_dossier_free(d);
	/* descriptor 0 is still the caller's file */
	assert_true(fcntl(0, F_GETFD) >= 0);
	assert_int_equal(close(0), 0);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	etsi_free(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import__descriptors_stay_the_callers),
		cmocka_unit_test(test_import__csv_spreadsheet),
		cmocka_unit_test(test_import__csv_problems_with_rows),
		cmocka_unit_test(test_import__csv_strict),
		cmocka_unit_test(test_import__csv_edition),
		cmocka_unit_test(test_import__csv_report_round_trip),
		cmocka_unit_test(test_import__csv_report_formula_cells),
		cmocka_unit_test(test_import__sbom_small),
		cmocka_unit_test(test_import__sbom_merge),
		cmocka_unit_test(test_import__sbom_update),
		cmocka_unit_test(test_import__sbom_malformed),
		cmocka_unit_test(test_import__spdx3_shapes),
		cmocka_unit_test(test_import__older_versions),
		cmocka_unit_test(test_import__cyclonedx_versions),
		cmocka_unit_test(test_import__limits),
		cmocka_unit_test(test_import__check_flags_undecided),
		cmocka_unit_test(test_import__arguments),
		cmocka_unit_test(test_import__published_samples),
		cmocka_unit_test(test_import__published_twins),
		cmocka_unit_test(test_import__public_sboms),
		cmocka_unit_test(test_import__public_sbom_fields),
		cmocka_unit_test(test_import__allocation_failure),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
