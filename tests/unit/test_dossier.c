/* Unit tests of dossiers (dossier.c): loading and validation with located
 * problems, refused documents, saving (round trips, atomicity,
 * permissions), new skeletons, ICS and verdict helpers, option structs and
 * NULL arguments.  Fixtures: tests/data/valid/ and tests/data/invalid/. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const examples[] = {
	"smart-camera-v3.xml", "constrained-sensor-v2.xml", "smart-plug-usb-v3.xml",
};

static char *fixture_path(const char *name)
{
	return strdup(test_data_path(name));
}

static int fixture_line(const char *name, const char *needle)
{
	char *text = test_read_file(test_data_path(name), NULL);
	int line = test_line_of(text, needle);

	free(text);
	return line;
}

static etsi_dossier *load_no_validate(const char *name)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	int rc;

	opts.flags = ETSI_LOAD_NO_VALIDATE;
	rc = etsi_dossier_load(&d, test_data_path(name), &opts);
	if (rc != 0)
		fail_msg("%s without validation: %d %s", name, rc, etsi_error_last()->message);
	return d;
}

static int has_diag(const etsi_diagnostics *diags, int line, const char *needle)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		const etsi_diagnostic *g = etsi_diagnostics_at(diags, i);

		if (g->line == line && strstr(g->message, needle))
			return 1;
	}
	return 0;
}

static char *copy_to(const char *dir, const char *source, const char *name)
{
	size_t len;
	char *data = test_read_file(source, &len);
	char *path = test_path_join(dir, name);

	test_write_file(path, data, len);
	free(data);
	return path;
}

/* ---- loading --------------------------------------------------------- */

static void test_dossier__load_every_example(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		etsi_diagnostics *diags = (etsi_diagnostics *)1;
		char relative[128];

		snprintf(relative, sizeof(relative), "examples/dossiers/%s", examples[i]);
		assert_str(etsi_dossier_path(d), test_source_path(relative));
		assert_int_equal(etsi_dossier_validate(&diags, d), 0);
		assert_non_null(diags);
		assert_int_equal(etsi_diagnostics_count(diags), 0);
		assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR), 0);
		etsi_diagnostics_free(diags);
		assert_int_equal(etsi_dossier_validate(NULL, d), 0);
		assert_non_null(etsi_dossier_catalog(d));
		assert_str(etsi_catalog_edition(etsi_dossier_catalog(d)),
		           strstr(examples[i], "-v2") ? "2.1.1" : "3.1.3");
		assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL), "en303645"),
		           etsi_catalog_edition(etsi_dossier_catalog(d)));
		etsi_dossier_free(d);
	}
	/* the minimal fixture too */
	{
		etsi_dossier *d = NULL;

		assert_int_equal(etsi_dossier_load(&d, test_data_path("valid/unit-minimal-v3.xml"), NULL), 0);
		assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), 1);
		etsi_dossier_free(d);
	}
}

static void test_dossier__load_memory(void **state)
{
	size_t len;
	char *data = test_read_file(test_data_path("valid/unit-minimal-v3.xml"), &len);
	char *padded = malloc(len + 16);
	etsi_dossier *d = NULL;

	(void)state;
	/* need not be NUL-terminated: garbage after len is not read */
	assert_non_null(padded);
	memcpy(padded, data, len);
	memcpy(padded + len, "<<<garbage>>>!!", 16);
	assert_int_equal(etsi_dossier_load_memory(&d, padded, len, "named.xml", NULL), 0);
	assert_str(etsi_dossier_path(d), "named.xml");
	assert_str(etsi_record_key(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp")), "comp");
	assert_str(etsi_catalog_edition(etsi_dossier_catalog(d)), "3.1.3");
	etsi_dossier_free(d);

	assert_int_equal(etsi_dossier_load_memory(&d, data, len, NULL, NULL), 0);
	assert_str(etsi_dossier_path(d), "<memory>");
	etsi_dossier_free(d);

	/* one byte short is not well-formed */
	assert_etsi_error(etsi_dossier_load_memory(&d, data, len - 12, "cut.xml", NULL), ETSI_EPARSE);
	assert_null(d);
	assert_str(etsi_error_last()->file, "cut.xml");
	free(padded);
	free(data);
}

static void test_dossier__missing_data_dir(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;

	(void)state;
	opts.data_dir = "/nonexistent-etsi-data-dir";
	assert_etsi_error(etsi_dossier_load(&d, test_data_path("valid/unit-minimal-v3.xml"), &opts),
	                  ETSI_EIO);
	assert_null(d);
	assert_contains(etsi_error_last()->message, "/nonexistent-etsi-data-dir");
}

struct invalid_fixture {
	const char *name;
	const char *needle;   /* on the line of the problem */
	const char *message;  /* in the diagnostic's message */
};

static const struct invalid_fixture invalid[] = {
	{ "invalid/missing-required.xml", "<hardware-version>", "hardware-version" },
	{ "invalid/duplicate-ids.xml", "<mechanism id=\"mech\"", "mech" },
	{ "invalid/dangling-keyref.xml", "mechanism=\"mech-missing\"", "mech-missing" },
	{ "invalid/unknown-provision.xml", "provision=\"5.3-99\"", "5.3-99" },
	{ "invalid/void-provision.xml", "provision=\"5.3-4\"", "5.3-4A" },
	{ "invalid/unknown-test-case.xml", "case=\"5.3-4-1\"", "5.3-4-1" },
};

static void test_dossier__invalid_fixtures_located(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		char *path = fixture_path(invalid[i].name);
		int line = fixture_line(invalid[i].name, invalid[i].needle);
		etsi_dossier *d = NULL;
		etsi_diagnostics *diags = NULL;
		const etsi_diagnostic *g;

		/* refused by default, with the first problem located */
		assert_etsi_error(etsi_dossier_load(&d, path, NULL), ETSI_EVALIDATION);
		assert_null(d);
		assert_str(etsi_error_last()->file, path);
		if (etsi_error_last()->line != line)
			fail_msg("%s: error at line %d, the problem is on line %d", invalid[i].name,
			         etsi_error_last()->line, line);
		assert_contains(etsi_error_last()->message, invalid[i].message);

		/* loaded without validation; validation lists the problem */
		d = load_no_validate(invalid[i].name);
		assert_etsi_error(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
		assert_int_equal(etsi_diagnostics_count(diags), 1);
		assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR), 1);
		g = etsi_diagnostics_at(diags, 0);
		assert_int_equal(g->severity, ETSI_SEVERITY_ERROR);
		assert_str(g->file, path);
		assert_int_equal(g->line, line);
		assert_contains(g->message, invalid[i].message);
		assert_true(!strchr(g->message, '\n'));
		assert_null(etsi_diagnostics_at(diags, 1));
		/* etsi_error_last() names the first problem */
		assert_str(etsi_error_last()->file, path);
		assert_int_equal(etsi_error_last()->line, line);
		assert_str(etsi_error_last()->message, g->message);
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
		free(path);
	}
}

static void test_dossier__several_problems_listed(void **state)
{
	static const char name[] = "invalid/several-problems.xml";
	etsi_dossier *d = load_no_validate(name);
	etsi_diagnostics *diags = NULL;
	int dup = fixture_line(name, "<mechanism id=\"mech\"");
	int keyref = fixture_line(name, "mechanism=\"mech-missing\"");
	int provision = fixture_line(name, "provision=\"5.3-99\"");
	int verdict = fixture_line(name, "case=\"5.3-4-1\"");
	size_t i;

	(void)state;
	assert_etsi_error(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
	/* every problem, with its line */
	assert_int_equal(etsi_diagnostics_count(diags), 5);
	assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR), 5);
	assert_int_equal(etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_WARNING), 0);
	assert_true(has_diag(diags, dup, "mech"));
	assert_true(has_diag(diags, keyref, "mech-missing"));
	assert_true(has_diag(diags, verdict, "nobody"));
	assert_true(has_diag(diags, provision, "5.3-99"));
	assert_true(has_diag(diags, verdict, "5.3-4-1"));
	/* schema errors first, then catalog references; the latter name the
	 * element and the reference */
	for (i = 0; i < 3; i++)
		assert_null(etsi_diagnostics_at(diags, i)->reference);
	assert_str(etsi_diagnostics_at(diags, 3)->reference, "5.3-99");
	assert_str(etsi_diagnostics_at(diags, 3)->element, "5.3-99");
	assert_str(etsi_diagnostics_at(diags, 4)->reference, "5.3-4-1");
	assert_non_null(etsi_diagnostics_at(diags, 4)->hint);
	/* the summary in etsi_error_last() counts the others */
	assert_contains(etsi_error_last()->message, "4 more problems");
	assert_int_equal(etsi_error_last()->line, etsi_diagnostics_at(diags, 0)->line);
	etsi_diagnostics_free(diags);
	/* validate can run again and gives the same answer */
	assert_int_equal(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
	assert_int_equal(etsi_diagnostics_count(diags), 5);
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
}

static void test_dossier__refused_documents(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	char *path;

	(void)state;
	opts.flags = ETSI_LOAD_NO_VALIDATE;

	/* another namespace is no dossier, validated or not */
	path = fixture_path("invalid/wrong-namespace.xml");
	assert_etsi_error(etsi_dossier_load(&d, path, NULL), ETSI_EVALIDATION);
	assert_etsi_error(etsi_dossier_load(&d, path, &opts), ETSI_EVALIDATION);
	assert_null(d);
	assert_str(etsi_error_last()->file, path);
	assert_int_equal(etsi_error_last()->line,
	                 fixture_line("invalid/wrong-namespace.xml", "<dossier"));
	assert_contains(etsi_error_last()->message, "urn:libetsi:dossier:2");
	free(path);

	/* a later schema version */
	path = fixture_path("invalid/schema-version-2.xml");
	assert_etsi_error(etsi_dossier_load(&d, path, NULL), ETSI_EUNSUPPORTED);
	assert_contains(etsi_error_last()->message, "2.0");
	assert_etsi_error(etsi_dossier_load(&d, path, &opts), ETSI_EUNSUPPORTED);
	assert_null(d);
	free(path);

	/* XInclude is refused, not processed */
	path = fixture_path("invalid/xinclude.xml");
	assert_etsi_error(etsi_dossier_load(&d, path, NULL), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "XInclude");
	assert_int_equal(etsi_error_last()->line, fixture_line("invalid/xinclude.xml", "xi:include"));
	assert_etsi_error(etsi_dossier_load(&d, path, &opts), ETSI_EPARSE);
	assert_null(d);
	free(path);
}

static void test_dossier__unknown_edition(void **state)
{
	static const char name[] = "invalid/unknown-edition.xml";
	char *path = fixture_path(name);
	int line = fixture_line(name, "<editions");
	etsi_diagnostics *diags = NULL;
	etsi_dossier *d = NULL;

	(void)state;
	assert_etsi_error(etsi_dossier_load(&d, path, NULL), ETSI_EUNSUPPORTED);
	assert_null(d);
	assert_str(etsi_error_last()->file, path);
	assert_int_equal(etsi_error_last()->line, line);
	assert_contains(etsi_error_last()->message, "9.9.9");

	/* without validation it loads, with no catalog */
	d = load_no_validate(name);
	assert_null(etsi_dossier_catalog(d));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), 1);
	assert_etsi_error(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
	assert_int_equal(etsi_diagnostics_count(diags), 1);
	assert_int_equal(etsi_diagnostics_at(diags, 0)->line, line);
	assert_contains(etsi_diagnostics_at(diags, 0)->message, "9.9.9");
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
	free(path);
}

/* ---- writing and saving ---------------------------------------------- */

static void test_dossier__extensions_round_trip(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL), *again = NULL;
	char *dir = test_mkdtemp();
	char *first = test_path_join(dir, "first.xml"), *second = test_path_join(dir, "second.xml");
	char *a, *b, *fa, *fb;
	size_t alen, blen, falen, fblen;

	(void)state;
	a = test_write(d, &alen);
	assert_contains(a, "xmlns:acme=\"urn:example:acme:plm\"");
	assert_contains(a, "acme:workspace=");
	assert_contains(a, "acme:part-number=\"FW-KIC300-0340\"");
	assert_contains(a, "<acme:ticket>PLM-4417</acme:ticket>");
	assert_contains(a, "acme:ticket=\"PLM-4417\"");
	assert_int_equal(etsi_dossier_load_memory(&again, a, alen, "again.xml", NULL), 0);
	b = test_write(again, &blen);
	assert_int_equal(alen, blen);
	assert_string_equal(a, b);
	etsi_dossier_free(again);

	/* through files: save, load, save again: byte-identical */
	assert_int_equal(etsi_dossier_save(d, first), 0);
	assert_int_equal(etsi_dossier_load(&again, first, NULL), 0);
	assert_int_equal(etsi_dossier_save(again, second), 0);
	fa = test_read_file(first, &falen);
	fb = test_read_file(second, &fblen);
	assert_int_equal(falen, fblen);
	assert_memory_equal(fa, fb, falen);
	assert_string_equal(fa, a);
	assert_str(etsi_dossier_path(again), second);
	etsi_dossier_free(again);
	free(fa);
	free(fb);
	free(a);
	free(b);
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
	free(first);
	free(second);
}

static void test_dossier__write_is_deterministic(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d1 = test_load_example(examples[i], NULL);
		etsi_dossier *d2 = test_load_example(examples[i], NULL);
		char *a = test_write(d1, NULL), *b = test_write(d1, NULL), *c = test_write(d2, NULL);
		char *raw = NULL;

		assert_string_equal(a, b);
		assert_string_equal(a, c);
		assert_int_equal(strncmp(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39), 0);
		/* len may be NULL */
		assert_int_equal(etsi_dossier_write(&raw, NULL, d1), 0);
		assert_str(raw, a);
		etsi_free(raw);
		free(a);
		free(b);
		free(c);
		etsi_dossier_free(d1);
		etsi_dossier_free(d2);
	}
}

static void test_dossier__save_refuses_invalid(void **state)
{
	char *dir = test_mkdtemp();
	char *path = copy_to(dir, test_source_path("examples/dossiers/smart-camera-v3.xml"),
	                     "camera.xml");
	size_t before_len, after_len;
	char *before = test_read_file(path, &before_len), *after;
	etsi_dossier *d = NULL;

	(void)state;
	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	/* removing a mechanism that components name makes the dossier invalid */
	assert_int_equal(etsi_dossier_remove(d, etsi_dossier_find(d, ETSI_KIND_MECHANISM,
	                                                          "mech-store")),
	                 0);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_EVALIDATION);
	assert_contains(etsi_error_last()->message, "mech-store");
	assert_etsi_error(etsi_dossier_save(d, path), ETSI_EVALIDATION);
	after = test_read_file(path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	/* nothing else was written */
	assert_int_equal(test_dir_count(dir), 1);
	{
		char *other = test_path_join(dir, "other.xml");

		assert_etsi_error(etsi_dossier_save(d, other), ETSI_EVALIDATION);
		assert_int_equal(access(other, F_OK), -1);
		assert_int_equal(test_dir_count(dir), 1);
		/* the path of the dossier did not change either */
		assert_str(etsi_dossier_path(d), path);
		free(other);
	}
	etsi_dossier_free(d);
	free(before);
	free(after);
	test_rmtree(dir);
	free(dir);
	free(path);
}

static void test_dossier__save_io_errors(void **state)
{
	char *dir = test_mkdtemp();
	char *missing = test_path_join(dir, "no-such-dir/out.xml");
	char *sub = test_path_join(dir, "a-directory");
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);

	(void)state;
	assert_etsi_error(etsi_dossier_save(d, missing), ETSI_EIO);
	assert_str(etsi_error_last()->file, missing);
	assert_int_equal(test_dir_count(dir), 0);
	/* a directory in the way */
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_etsi_error(etsi_dossier_save(d, sub), ETSI_EIO);
	assert_int_equal(test_dir_count(dir), 1);
	assert_int_equal(test_dir_count(sub), 0);
	/* the dossier keeps its own path */
	assert_str(etsi_dossier_path(d), test_source_path("examples/dossiers/smart-camera-v3.xml"));
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
	free(missing);
	free(sub);
}

static void test_dossier__save_keeps_permissions(void **state)
{
	char *dir = test_mkdtemp();
	char *path = copy_to(dir, test_source_path("examples/dossiers/smart-camera-v3.xml"),
	                     "camera.xml");
	etsi_dossier *d = NULL;
	struct stat st;

	(void)state;
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	assert_int_equal(etsi_record_set(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL), "title",
	                                 "Changed title"),
	                 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(test_dir_count(dir), 1);
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(etsi_dossier_save(d, path), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
	free(path);
}

static void test_dossier__save_to_loaded_path(void **state)
{
	char *dir = test_mkdtemp();
	char *path = copy_to(dir, test_data_path("valid/unit-minimal-v3.xml"), "minimal.xml");
	char *elsewhere = test_path_join(dir, "elsewhere.xml");
	etsi_dossier *d = NULL, *back = NULL;
	etsi_new_options nopts = ETSI_NEW_OPTIONS_INIT;

	(void)state;
	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	assert_int_equal(etsi_record_set(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp"), "name",
	                                 "Renamed firmware"),
	                 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	assert_int_equal(etsi_dossier_load(&back, path, NULL), 0);
	assert_str(etsi_record_get(etsi_dossier_find(back, ETSI_KIND_COMPONENT, "comp"), "name"),
	           "Renamed firmware");
	etsi_dossier_free(back);
	/* saving elsewhere moves the dossier's path */
	assert_int_equal(etsi_dossier_save(d, elsewhere), 0);
	assert_str(etsi_dossier_path(d), elsewhere);
	etsi_dossier_free(d);

	/* a new dossier has no path until saved */
	nopts.model = "M-2";
	nopts.release = "2.0";
	assert_int_equal(etsi_dossier_new(&d, &nopts), 0);
	assert_null(etsi_dossier_path(d));
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_EINVALID);
	assert_int_equal(test_dir_count(dir), 2);
	free(elsewhere);
	elsewhere = test_path_join(dir, "new.xml");
	assert_int_equal(etsi_dossier_save(d, elsewhere), 0);
	assert_str(etsi_dossier_path(d), elsewhere);
	assert_int_equal(etsi_dossier_load(&back, elsewhere, NULL), 0);
	assert_str(etsi_record_get(etsi_dossier_find(back, ETSI_KIND_DUT, NULL), "model-designation"),
	           "M-2");
	etsi_dossier_free(back);
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
	free(path);
	free(elsewhere);
}

/* ---- new dossiers ---------------------------------------------------- */

static void check_skeleton(const char *edition, const char *ts, size_t entries)
{
	etsi_new_options opts;
	etsi_dossier *d = NULL;
	etsi_record *header, *dut, *info;
	etsi_catalog *cat;
	size_t i, active = 0;

	assert_int_equal(etsi_new_options_init(&opts, ETSI_NEW_OPTIONS_VERSION), 0);
	opts.edition = edition;
	opts.model = "KIC-300";
	opts.release = "3.4.0";
	opts.manufacturer = "Kestrel Home Devices Ltd.";
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	assert_non_null(d);
	cat = etsi_dossier_catalog(d);
	assert_str(etsi_catalog_edition(cat), edition);
	assert_str(etsi_catalog_ts_edition(cat), ts);
	header = etsi_dossier_find(d, ETSI_KIND_HEADER, NULL);
	dut = etsi_dossier_find(d, ETSI_KIND_DUT, NULL);
	info = etsi_dossier_find(d, ETSI_KIND_USER_INFO, NULL);
	assert_str(etsi_record_get(header, "en303645"), edition);
	assert_str(etsi_record_get(header, "ts103701"), ts);
	assert_str(etsi_record_get(header, "release"), "3.4.0");
	assert_str(etsi_record_get(dut, "model-designation"), "KIC-300");
	assert_str(etsi_record_get(dut, "manufacturer"), "Kestrel Home Devices Ltd.");
	assert_str(etsi_record_get(dut, "software-version"), "3.4.0");
	assert_str(etsi_record_get(info, "model-designation"), "KIC-300");

	/* one entry per active clause 5.3 provision, no support stated */
	for (i = 0; i < etsi_catalog_count(cat, ETSI_KIND_PROVISION); i++) {
		etsi_record *p = etsi_catalog_at(cat, ETSI_KIND_PROVISION, i);
		const char *key = etsi_record_key(p);
		etsi_record *entry = etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, key);

		if (strncmp(key, "5.3-", 4) == 0 && !etsi_record_get(p, "void")) {
			active++;
			assert_non_null(entry);
			assert_null(etsi_record_get(entry, "support"));
			assert_null(etsi_record_get(entry, "detail"));
		} else {
			assert_null(entry);
		}
	}
	assert_int_equal(active, entries);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), entries);
	/* in catalog order */
	assert_str(etsi_record_key(etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, 0)), "5.3-1");
	assert_str(etsi_record_key(etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, entries - 1)), "5.3-16");
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), 0);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_EVIDENCE), 0);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	/* deterministic too */
	{
		etsi_dossier *d2 = NULL;
		char *a, *b;

		assert_int_equal(etsi_dossier_new(&d2, &opts), 0);
		a = test_write(d, NULL);
		b = test_write(d2, NULL);
		assert_string_equal(a, b);
		assert_contains(a, "<model-designation>KIC-300</model-designation>");
		free(a);
		free(b);
		etsi_dossier_free(d2);
	}
	etsi_dossier_free(d);
}

static void test_dossier__new_skeletons(void **state)
{
	(void)state;
	check_skeleton("3.1.3", "2.1.1", 19);
	check_skeleton("2.1.1", "1.1.1", 16);
}

static void test_dossier__new_refused(void **state)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = (etsi_dossier *)1;

	(void)state;
	opts.release = "1.0";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	assert_null(d);
	assert_contains(etsi_error_last()->message, "model");
	opts.model = "";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	opts.model = "M";
	opts.release = NULL;
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	opts.release = "";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	opts.release = "1.0";
	opts.model = " padded";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	assert_null(d);
	opts.model = "M";
	opts.edition = "9.9.9";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EUNSUPPORTED);
	assert_null(d);
	/* an unknown TS 103 701 edition (an unusual but known pairing opens,
	 * reported by the rule edition-pairing-unusual) */
	opts.edition = "3.1.3";
	opts.ts_edition = "5.5.5";
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EUNSUPPORTED);
	opts.ts_edition = NULL;
	opts.version = 99;
	assert_etsi_error(etsi_dossier_new(&d, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_new(&d, NULL), ETSI_EINVALID);
	opts.version = ETSI_NEW_OPTIONS_VERSION;
	assert_etsi_error(etsi_dossier_new(NULL, &opts), ETSI_EINVALID);
	/* and the defaults work: the latest edition */
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	opts.edition = NULL;
	etsi_dossier_free(d);
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	assert_str(etsi_catalog_edition(etsi_dossier_catalog(d)), "3.1.3");
	etsi_dossier_free(d);
}

/* ---- ICS and verdicts ------------------------------------------------ */

static void test_dossier__set_ics(void **state)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	etsi_record *entry;
	size_t n;

	(void)state;
	opts.model = "M";
	opts.release = "1.0";
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	n = etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY);

	/* update an entry of the skeleton */
	assert_int_equal(etsi_dossier_set_ics(d, "5.3-2", "Y", "Signed images."), 0);
	entry = etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-2");
	assert_str(etsi_record_get(entry, "support"), "Y");
	assert_str(etsi_record_get(entry, "detail"), "Signed images.");
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), n);
	/* NULL detail keeps the detail */
	assert_int_equal(etsi_dossier_set_ics(d, "5.3-2", "N", NULL), 0);
	assert_str(etsi_record_get(entry, "support"), "N");
	assert_str(etsi_record_get(entry, "detail"), "Signed images.");
	/* create an entry: 5.0-1 is not in the clause 5.3 skeleton */
	assert_null(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.0-1"));
	assert_etsi_error(etsi_dossier_set_ics(d, "5.0-1", "Bad", NULL), ETSI_EINVALID);
	assert_null(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.0-1"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), n);
	assert_int_equal(etsi_dossier_set_ics(d, "5.0-1", "Y", "In the ICS."), 0);
	entry = etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.0-1");
	assert_non_null(entry);
	assert_str(etsi_record_get(entry, "support"), "Y");
	assert_str(etsi_record_get(entry, "detail"), "In the ICS.");
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), n + 1);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);

	/* refused */
	assert_etsi_error(etsi_dossier_set_ics(d, "5.3-2", "Maybe", NULL), ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "Y, N, N/A");
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, "5.3-2"), "support"),
	           "N");
	assert_etsi_error(etsi_dossier_set_ics(d, "5.3-99", "Y", NULL), ETSI_ENOTFOUND);
	assert_etsi_error(etsi_dossier_set_ics(d, "5.3-4", "Y", NULL), ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "5.3-4A");
	assert_etsi_error(etsi_dossier_set_ics(d, "4-1", "Y", NULL), ETSI_ENOTFOUND);
	assert_etsi_error(etsi_dossier_set_ics(d, "7-UpdMech", "Y", NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_ics(d, "5.3-1", "Y", "bad\x01"), ETSI_EINVALID);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), n + 1);
	assert_etsi_error(etsi_dossier_set_ics(NULL, "5.3-1", "Y", NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_ics(d, NULL, "Y", NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_ics(d, "5.3-1", NULL, NULL), ETSI_EINVALID);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

static void test_dossier__set_verdict(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	size_t n = etsi_dossier_count(d, ETSI_KIND_VERDICT);
	etsi_record *v = NULL, *old;

	(void)state;
	/* a new verdict */
	assert_null(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-3-1"));
	assert_int_equal(etsi_dossier_set_verdict(&v, d, "5.3-3-1", "PASS", "tl-meridian",
	                                          "2026-05-02", NULL),
	                 0);
	assert_non_null(v);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-3-1"), v);
	assert_str(etsi_record_get(v, "result"), "PASS");
	assert_str(etsi_record_get(v, "by"), "tl-meridian");
	assert_str(etsi_record_get(v, "date"), "2026-05-02");
	assert_null(etsi_record_get(v, "note"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_VERDICT), n + 1);

	/* replacing the verdict of the same case */
	old = etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-2-1");
	assert_non_null(old);
	assert_int_equal(etsi_dossier_set_verdict(&v, d, "5.3-2-1", "FAIL", "so-kestrel",
	                                          "2026-05-03", "Rolled back."),
	                 0);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_VERDICT), n + 1);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-2-1"), v);
	assert_str(etsi_record_get(v, "result"), "FAIL");
	assert_str(etsi_record_get(v, "by"), "so-kestrel");
	assert_str(etsi_record_get(v, "note"), "Rolled back.");
	assert_int_equal(etsi_record_value_count(v, "evidence"), 0);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);

	/* refused, the old verdict kept */
	old = v;
	assert_etsi_error(etsi_dossier_set_verdict(&v, d, "5.3-2-1", "MAYBE", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_EINVALID);
	assert_null(v);
	assert_contains(etsi_error_last()->message, "PASS, FAIL, INCONCLUSIVE");
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-2-1", "PASS", "nobody",
	                                           "2026-05-04", NULL),
	                  ETSI_ENOTFOUND);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-2-1", "PASS", "tl-meridian",
	                                           "2026-02-30", NULL),
	                  ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-2-1", "PASS", NULL, "2026-05-04",
	                                           NULL),
	                  ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-2-1", NULL, "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_EINVALID);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-2-1"), old);
	assert_str(etsi_record_get(old, "result"), "FAIL");
	assert_str(etsi_record_get(old, "date"), "2026-05-03");
	/* unknown cases */
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-99-1", "PASS", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_ENOTFOUND);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-4-1", "PASS", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_ENOTFOUND);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, "5.3-2", "PASS", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, d, NULL, "PASS", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, NULL, "5.3-2-1", "PASS", "tl-meridian",
	                                           "2026-05-04", NULL),
	                  ETSI_EINVALID);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_VERDICT), n + 1);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

/* ---- options and arguments ------------------------------------------- */

static void test_dossier__options_init(void **state)
{
	etsi_load_options lo;
	etsi_new_options no;
	etsi_catalog_options co;

	(void)state;
	memset(&lo, 0xff, sizeof(lo));
	assert_int_equal(etsi_load_options_init(&lo, ETSI_LOAD_OPTIONS_VERSION), 0);
	assert_int_equal(lo.version, ETSI_LOAD_OPTIONS_VERSION);
	assert_int_equal(lo.flags, 0);
	assert_int_equal(lo.max_size, 0);
	assert_int_equal(lo.max_depth, 0);
	assert_null(lo.data_dir);
	assert_int_equal(lo.max_elements, 0);
	/* a caller built against version 1 has no max_elements: it is not touched */
	memset(&lo, 0xff, sizeof(lo));
	assert_int_equal(etsi_load_options_init(&lo, 1), 0);
	assert_int_equal(lo.version, 1);
	assert_null(lo.data_dir);
	assert_int_equal(lo.max_elements, (size_t)-1);
	memset(&no, 0xff, sizeof(no));
	assert_int_equal(etsi_new_options_init(&no, ETSI_NEW_OPTIONS_VERSION), 0);
	assert_int_equal(no.version, ETSI_NEW_OPTIONS_VERSION);
	assert_null(no.edition);
	assert_null(no.model);
	assert_null(no.data_dir);
	memset(&co, 0xff, sizeof(co));
	assert_int_equal(etsi_catalog_options_init(&co, ETSI_CATALOG_OPTIONS_VERSION), 0);
	assert_null(co.data_dir);

	assert_etsi_error(etsi_load_options_init(&lo, 0), ETSI_EINVALID);
	assert_etsi_error(etsi_load_options_init(&lo, ETSI_LOAD_OPTIONS_VERSION + 1), ETSI_EINVALID);
	assert_etsi_error(etsi_new_options_init(&no, 0), ETSI_EINVALID);
	assert_etsi_error(etsi_new_options_init(&no, ETSI_NEW_OPTIONS_VERSION + 1), ETSI_EINVALID);
	assert_etsi_error(etsi_catalog_options_init(&co, 77), ETSI_EINVALID);
	assert_etsi_error(etsi_load_options_init(NULL, ETSI_LOAD_OPTIONS_VERSION), ETSI_EINVALID);
	assert_etsi_error(etsi_new_options_init(NULL, ETSI_NEW_OPTIONS_VERSION), ETSI_EINVALID);

	/* a load with an unknown options version */
	{
		etsi_dossier *d = NULL;
		size_t len;
		char *data = test_read_file(test_data_path("valid/unit-minimal-v3.xml"), &len);

		lo.version = ETSI_LOAD_OPTIONS_VERSION + 1;
		assert_etsi_error(etsi_dossier_load(&d, test_data_path("valid/unit-minimal-v3.xml"), &lo),
		                  ETSI_EINVALID);
		assert_etsi_error(etsi_dossier_load_memory(&d, data, len, NULL, &lo), ETSI_EINVALID);
		assert_null(d);
		free(data);
	}
}

static void test_dossier__null_arguments(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_dossier *out = (etsi_dossier *)1;
	char *text = (char *)1;
	size_t len = 5;

	(void)state;
	assert_etsi_error(etsi_dossier_load(NULL, test_data_path("valid/unit-minimal-v3.xml"), NULL),
	                  ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_load(&out, NULL, NULL), ETSI_EINVALID);
	assert_null(out);
	assert_etsi_error(etsi_dossier_load_memory(NULL, "<x/>", 4, NULL, NULL), ETSI_EINVALID);
	out = (etsi_dossier *)1;
	assert_etsi_error(etsi_dossier_load_memory(&out, NULL, 10, NULL, NULL), ETSI_EINVALID);
	assert_null(out);
	assert_etsi_error(etsi_dossier_load_memory(&out, NULL, 0, NULL, NULL), ETSI_EPARSE);
	assert_etsi_error(etsi_dossier_validate(NULL, NULL), ETSI_EINVALID);
	{
		etsi_diagnostics *diags = (etsi_diagnostics *)1;

		assert_etsi_error(etsi_dossier_validate(&diags, NULL), ETSI_EINVALID);
		assert_null(diags);
	}
	assert_etsi_error(etsi_dossier_save(NULL, "/tmp/x.xml"), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_write(NULL, &len, d), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_write(&text, &len, NULL), ETSI_EINVALID);
	assert_null(text);
	assert_int_equal(len, 0);
	assert_null(etsi_dossier_path(NULL));
	assert_null(etsi_dossier_catalog(NULL));
	assert_int_equal(etsi_dossier_count(NULL, ETSI_KIND_COMPONENT), 0);
	assert_null(etsi_dossier_at(NULL, ETSI_KIND_COMPONENT, 0));
	assert_null(etsi_dossier_find(NULL, ETSI_KIND_COMPONENT, "comp-fw"));
	assert_null(etsi_dossier_find(d, ETSI_KIND_COMPONENT, NULL));
	assert_null(etsi_dossier_find(d, ETSI_KIND_PROVISION, "5.3-1"));
	assert_null(etsi_dossier_at(d, ETSI_KIND_COMPONENT, 1000));
	assert_null(etsi_dossier_at(d, (etsi_kind)0, 0));
	assert_int_equal(etsi_dossier_count(d, ETSI__KIND_LAST), 0);
	/* singletons ignore the key */
	assert_non_null(etsi_dossier_find(d, ETSI_KIND_HEADER, "anything"));
	assert_etsi_error(etsi_dossier_add(NULL, NULL, NULL, ETSI_KIND_WAIVER, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_remove(NULL, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_ics(NULL, NULL, NULL, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_set_verdict(NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	                  ETSI_EINVALID);
	assert_int_equal(etsi_diagnostics_count(NULL), 0);
	assert_int_equal(etsi_diagnostics_count_severity(NULL, ETSI_SEVERITY_ERROR), 0);
	assert_null(etsi_diagnostics_at(NULL, 0));
	assert_str(etsi_severity_name(ETSI_SEVERITY_ERROR), "error");
	assert_str(etsi_severity_name(ETSI_SEVERITY_WARNING), "warning");
	assert_str(etsi_severity_name(ETSI_SEVERITY_INFO), "info");
	assert_null(etsi_severity_name((etsi_severity)42));
	/* frees of NULL are no-ops */
	etsi_dossier_free(NULL);
	etsi_catalog_free(NULL);
	etsi_diagnostics_free(NULL);
	etsi_free(NULL);
	etsi_dossier_free(d);
}

/* ---- formatting kept (dossiers live in git) --------------------------- */

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const hand_formatted[] = {
	"formatting/hand-spaces.xml", "formatting/hand-tabs-no-verdicts.xml",
};

static size_t count_lines(const char *text)
{
	size_t n = 0;

	for (; *text; text++)
		n += *text == '\n';
	return n;
}

/* Whether every line of `sub`, in order, is a line of `text` (`text` is
 * `sub` with lines added). */
static int lines_kept(const char *sub, const char *text)
{
	while (*sub) {
		const char *eol = strchr(sub, '\n');
		size_t n = eol ? (size_t)(eol - sub) + 1 : strlen(sub);

		for (;;) {
			const char *teol = strchr(text, '\n');
			size_t tn = teol ? (size_t)(teol - text) + 1 : strlen(text);

			if (!*text)
				return 0;
			text += tn;
			if (tn == n && memcmp(text - tn, sub, n) == 0)
				break;
		}
		sub += n;
	}
	return 1;
}

/* How many lines differ between two texts of as many lines. */
static size_t lines_changed(const char *a, const char *b)
{
	size_t n = 0;

	while (*a && *b) {
		const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		size_t la = ea ? (size_t)(ea - a) + 1 : strlen(a);
		size_t lb = eb ? (size_t)(eb - b) + 1 : strlen(b);

		n += la != lb || memcmp(a, b, la) != 0;
		a += la;
		b += lb;
	}
	return n + (*a != '\0') + (*b != '\0');
}

static etsi_dossier *load_fixture(const char *name, char **text)
{
	etsi_dossier *d = NULL;

	*text = test_read_file(test_data_path(name), NULL);
	if (etsi_dossier_load(&d, test_data_path(name), NULL) != 0)
		fail_msg("%s: %s", name, etsi_error_last()->message);
	return d;
}

static void test_dossier__layout_round_trip(void **state)
{
	char *dir = test_mkdtemp();
	size_t i;

	(void)state;
	for (i = 0; i < N_OF(hand_formatted) + N_OF(examples); i++) {
		int hand = i < N_OF(hand_formatted);
		const char *name = hand ? hand_formatted[i]
		                        : examples[i - N_OF(hand_formatted)];
		char *path = strdup(hand ? test_data_path(name)
		                         : test_source_path("examples/dossiers/") );
		char *full = hand ? strdup(path) : test_path_join(path, name);
		char *text = test_read_file(full, NULL), *out, *saved, *copy;
		etsi_dossier *d = NULL;

		assert_int_equal(etsi_dossier_load(&d, full, NULL), 0);
		out = test_write(d, NULL);
		if (strcmp(out, text) != 0)
			fail_msg("%s: written differently from the file", name);
		copy = test_path_join(dir, "copy.xml");
		assert_int_equal(etsi_dossier_save(d, copy), 0);
		saved = test_read_file(copy, NULL);
		assert_string_equal(saved, text);
		etsi_dossier_free(d);
		free(saved);
		free(copy);
		free(out);
		free(text);
		free(full);
		free(path);
	}
	test_rmtree(dir);
	free(dir);
}

/* ETSI_LOAD_NO_LAYOUT: the same records, written in libetsi's own layout;
 * the file's layout is kept without it (test above). */
static void test_dossier__layout_not_recorded(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL, *canonical = NULL, *again = NULL;
	char *text = test_read_file(test_data_path(hand_formatted[0]), NULL), *out, *plain;
	char *quotes = strstr(text, "<dossier ");

	(void)state;
	/* a start tag written otherwise: single quotes, attributes on lines */
	assert_non_null(quotes);
	for (; *quotes != '>'; quotes++)
		*quotes = *quotes == '"' ? '\'' : *quotes == ' ' ? '\n' : *quotes;
	assert_int_equal(etsi_dossier_load_memory(&canonical, text, strlen(text), "x.xml", NULL), 0);
	out = test_write(canonical, NULL);
	assert_string_equal(out, text); /* kept without the flag */
	free(out);
	etsi_dossier_free(canonical);
	opts.flags = ETSI_LOAD_NO_LAYOUT;
	assert_int_equal(etsi_dossier_load_memory(&d, text, strlen(text), "x.xml", &opts), 0);
	out = test_write(d, NULL);
	assert_true(strcmp(out, text) != 0); /* with it, libetsi's layout */
	assert_non_null(strstr(out, "<dossier xmlns=\""));
	/* libetsi's layout: what a load of it writes back unchanged */
	assert_int_equal(etsi_dossier_load_memory(&again, out, strlen(out), "y.xml", NULL), 0);
	plain = test_write(again, NULL);
	assert_string_equal(plain, out);
	free(plain);
	free(out);
	free(text);
	etsi_dossier_free(again);
	etsi_dossier_free(d);
}

static void test_dossier__layout_new_verdict(void **state)
{
	char *before, *after;
	etsi_dossier *d = load_fixture(hand_formatted[0], &before);

	(void)state;
	/* among sibling verdicts: one line, indented like them */
	assert_int_equal(etsi_dossier_set_verdict(NULL, d, "5.3-13-1", "PASS", "tl-rheintal",
	                                          "2026-12-01", NULL), 0);
	after = test_write(d, NULL);
	assert_true(lines_kept(before, after));
	assert_int_equal(count_lines(after), count_lines(before) + 1);
	assert_non_null(strstr(after, "\n        <verdict case=\"5.3-13-1\" result=\"PASS\" "
	                       "by=\"tl-rheintal\" date=\"2026-12-01\"/>\n"));
	free(before);
	before = after;
	/* a verdict recorded again stays where it is: one line changes */
	assert_int_equal(etsi_dossier_set_verdict(NULL, d, "5.0-1-1", "PASS", "tl-rheintal",
	                                          "2026-12-02", NULL), 0);
	after = test_write(d, NULL);
	assert_int_equal(count_lines(after), count_lines(before) - 3);
	assert_true(test_line_of(after, "case=\"5.0-1-1\"") ==
	            test_line_of(before, "case=\"5.0-1-1\""));
	assert_int_equal(etsi_dossier_set_verdict(NULL, d, "5.3-13-1", "FAIL", "tl-rheintal",
	                                          "2026-12-01", NULL), 0);
	free(before);
	before = after;
	after = test_write(d, NULL);
	assert_int_equal(lines_changed(before, after), 1);
	assert_non_null(strstr(after, "\n        <verdict case=\"5.3-13-1\" result=\"FAIL\" "));
	free(after);
	etsi_dossier_free(d);
	free(before);

	/* no <verdicts> yet: a new section one level below the root, in the
	 * file's unit (a tab), its content one deeper */
	d = load_fixture(hand_formatted[1], &before);
	assert_null(strstr(before, "<verdicts"));
	assert_int_equal(etsi_dossier_set_verdict(NULL, d, "5.3-13-1", "PASS", "tl-rheintal",
	                                          "2026-12-01", "Seen on the web site."), 0);
	after = test_write(d, NULL);
	assert_true(lines_kept(before, after));
	assert_non_null(strstr(after, "\n\t<verdicts>\n"
	                       "\t\t<verdict case=\"5.3-13-1\" result=\"PASS\" by=\"tl-rheintal\" "
	                       "date=\"2026-12-01\">\n"
	                       "\t\t\t<note>Seen on the web site.</note>\n"
	                       "\t\t</verdict>\n"
	                       "\t</verdicts>\n"));
	free(after);
	etsi_dossier_free(d);
	free(before);
}

static void test_dossier__layout_one_attribute(void **state)
{
	char *before, *after;
	etsi_dossier *d = load_fixture(hand_formatted[0], &before);

	(void)state;
	assert_int_equal(etsi_dossier_set_ics(d, "5.3-2", "N", NULL), 0);
	after = test_write(d, NULL);
	assert_int_equal(count_lines(after), count_lines(before));
	assert_int_equal(lines_changed(before, after), 1);
	assert_non_null(strstr(after, "\n        <entry support=\"N\" provision=\"5.3-2\">\n"));
	free(after);
	etsi_dossier_free(d);
	free(before);
}

static void test_dossier__layout_new_records(void **state)
{
	const char *ev[] = { "id", "ev-new", "provision", "5.3-14", "kind", "conceptual",
		             "category", "other", "owner", "own-psl", "review", "draft",
		             "release", "2.4.0", "claim", "A new claim.", NULL };
	const char *comp[] = { "id", "comp-new", "kind", "library", "updateable", "true",
		               "name", "New library", "version", "1.0", NULL };
	char *before, *after;
	etsi_dossier *d = load_fixture(hand_formatted[0], &before);
	etsi_record *r;

	(void)state;
	assert_int_equal(etsi_dossier_add(&r, d, NULL, ETSI_KIND_EVIDENCE, ev), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_COMPONENT, comp), 0);
	after = test_write(d, NULL);
	assert_true(lines_kept(before, after));
	assert_int_equal(count_lines(after), count_lines(before) + 3 + 4);
	assert_non_null(strstr(after,
	                       "\n        <evidence id=\"ev-new\" provision=\"5.3-14\" kind=\"conceptual\" "
	                       "category=\"other\" owner=\"own-psl\" review=\"draft\" release=\"2.4.0\">\n"
	                       "            <claim>A new claim.</claim>\n"
	                       "        </evidence>\n"));
	assert_non_null(strstr(after,
	                       "\n        <component id=\"comp-new\" kind=\"library\" updateable=\"true\">\n"
	                       "            <name>New library</name>\n"
	                       "            <version>1.0</version>\n"
	                       "        </component>\n"));
	/* removing what was added gives the file back, byte for byte */
	assert_int_equal(etsi_dossier_remove(d, r), 0);
	assert_int_equal(etsi_dossier_remove(d, etsi_dossier_find(d, ETSI_KIND_COMPONENT,
	                                                          "comp-new")), 0);
	free(after);
	after = test_write(d, NULL);
	assert_string_equal(after, before);
	free(after);
	etsi_dossier_free(d);
	free(before);
}

static void test_dossier__layout_removed_record(void **state)
{
	char *before, *after, *expected;
	etsi_dossier *d = load_fixture(hand_formatted[0], &before);
	const char *start, *end;

	(void)state;
	/* the verdict's own lines go, nothing else */
	start = strstr(before, "        <verdict case=\"5.3-7-1\"");
	assert_non_null(start);
	end = strstr(start, "</verdict>\n") + strlen("</verdict>\n");
	expected = malloc(strlen(before) + 1);
	assert_non_null(expected);
	memcpy(expected, before, (size_t)(start - before));
	strcpy(expected + (start - before), end);
	assert_int_equal(etsi_dossier_remove(d, etsi_dossier_find(d, ETSI_KIND_VERDICT,
	                                                          "5.3-7-1")), 0);
	after = test_write(d, NULL);
	assert_string_equal(after, expected);
	free(after);
	free(expected);
	etsi_dossier_free(d);
	free(before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dossier__load_every_example),
		cmocka_unit_test(test_dossier__load_memory),
		cmocka_unit_test(test_dossier__missing_data_dir),
		cmocka_unit_test(test_dossier__invalid_fixtures_located),
		cmocka_unit_test(test_dossier__several_problems_listed),
		cmocka_unit_test(test_dossier__refused_documents),
		cmocka_unit_test(test_dossier__unknown_edition),
		cmocka_unit_test(test_dossier__extensions_round_trip),
		cmocka_unit_test(test_dossier__write_is_deterministic),
		cmocka_unit_test(test_dossier__save_refuses_invalid),
		cmocka_unit_test(test_dossier__save_io_errors),
		cmocka_unit_test(test_dossier__save_keeps_permissions),
		cmocka_unit_test(test_dossier__save_to_loaded_path),
		cmocka_unit_test(test_dossier__new_skeletons),
		cmocka_unit_test(test_dossier__new_refused),
		cmocka_unit_test(test_dossier__set_ics),
		cmocka_unit_test(test_dossier__set_verdict),
		cmocka_unit_test(test_dossier__options_init),
		cmocka_unit_test(test_dossier__null_arguments),
		cmocka_unit_test(test_dossier__layout_round_trip),
		cmocka_unit_test(test_dossier__layout_not_recorded),
		cmocka_unit_test(test_dossier__layout_new_verdict),
		cmocka_unit_test(test_dossier__layout_one_attribute),
		cmocka_unit_test(test_dossier__layout_new_records),
		cmocka_unit_test(test_dossier__layout_removed_record),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
