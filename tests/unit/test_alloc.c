/* Allocation failure: for N = 0, 1, 2, ... every libetsi allocation after
 * the first N fails (etsi__alloc_fail_after()), and each operation must
 * then either succeed or fail with ETSI_ENOMEM, never another code and
 * never a crash; run under valgrind or ASan, nothing may leak (under
 * valgrind, every fifth N: see STEP).
 *
 * Only libetsi's own allocations go through the hook.  libxml2 allocates
 * with its own functions, which are not hooked, so out-of-memory inside
 * libxml2 (parsing, schema compilation and validation, tree building and
 * serialization) is not simulated here. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "dossier_impl.h"
#include "xml.h"

#include <valgrind/valgrind.h>

#define CAMERA "examples/dossiers/smart-camera-v3.xml"
#define MAX_ATTEMPTS 20000
/* Every N natively and under ASan (LeakSanitizer checks each run for
 * leaks); every fifth under valgrind, some thirty times slower, which
 * adds its checks of uninitialised reads on a sample. */
#define STEP (RUNNING_ON_VALGRIND ? 5 : 1)

/* The failure budget, so that a test can pause injection (to take a
 * snapshot) and resume it where it was. */
static long budget = -1;

static void inject(long n)
{
	budget = n;
	etsi__alloc_fail_after(n);
}

static void pause_injection(void)
{
	long made = etsi__alloc_fail_after(-1);

	if (budget >= 0)
		budget = made >= budget ? 0 : budget - made;
}

static void resume_injection(void)
{
	etsi__alloc_fail_after(budget);
}

static void stop_injection(void)
{
	budget = -1;
	etsi__alloc_fail_after(-1);
}

/* Clears the library's caches (compiled schemas, opened catalogs). */
static void cold_caches(void)
{
	assert_int_equal(etsi_shutdown(), 0);
	assert_int_equal(etsi_init(), 1);
}

static void check_code(const char *what, long n, int rc)
{
	if (rc != 0 && rc != ETSI_ENOMEM) {
		stop_injection();
		fail_msg("%s with %ld allocations allowed: %d (%s) instead of ETSI_ENOMEM", what, n, rc,
		         etsi_error_last()->message);
	}
	if (rc == ETSI_ENOMEM && etsi_error_last()->code != ETSI_ENOMEM) {
		stop_injection();
		fail_msg("%s with %ld allocations allowed: returned ETSI_ENOMEM but the last error "
		         "is %d (%s)", what, n, etsi_error_last()->code, etsi_error_last()->message);
	}
}

/* ---- (a) load and validate ------------------------------------------- */

static char *reference_write(const char *path)
{
	etsi_dossier *d = NULL;
	char *out;

	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	out = test_write(d, NULL);
	etsi_dossier_free(d);
	return out;
}

static int load_and_validate(long n, const char *path, const char *reference)
{
	etsi_dossier *d = NULL;
	etsi_diagnostics *diags = NULL;
	int rc, loaded;

	inject(n);
	rc = etsi_dossier_load(&d, path, NULL);
	loaded = rc == 0;
	if (rc == 0)
		rc = etsi_dossier_validate(&diags, d);
	stop_injection();
	check_code("load + validate", n, rc);
	if (rc == 0) {
		char *out = test_write(d, NULL);

		/* a success is a complete one */
		assert_int_equal(etsi_diagnostics_count(diags), 0);
		assert_string_equal(out, reference);
		assert_non_null(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp-fw"));
		free(out);
	} else {
		if (!loaded)
			assert_null(d);
		assert_null(diags);
	}
	etsi_diagnostics_free(diags);
	etsi_dossier_free(d);
	return rc;
}

static void test_alloc__load_and_validate(void **state)
{
	const char *path = test_source_path(CAMERA);
	char *copy = strdup(path);
	char *reference = reference_write(copy);
	long n;

	(void)state;
	/* caches warm (the schema and catalog are compiled once): every
	 * allocation of loading, indexing and validating the dossier */
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		if (load_and_validate(n, copy, reference) == 0)
			break;
	}
	assert_true(n > 100);
	assert_true(n < MAX_ATTEMPTS);
	free(reference);
	free(copy);
}

static void test_alloc__load_cold_caches(void **state)
{
	char *copy = strdup(test_source_path(CAMERA));
	char *reference = reference_write(copy);
	long n, total;

	(void)state;
	/* with empty caches, loading compiles the schema and opens the
	 * catalog too: every allocation of the first part (schema cache and
	 * the start of the catalog), then a sample of the rest */
	cold_caches();
	{
		etsi_dossier *d = NULL;

		etsi__alloc_fail_after(-1);
		assert_int_equal(etsi_dossier_load(&d, copy, NULL), 0);
		total = etsi__alloc_fail_after(-1);
		etsi_dossier_free(d);
	}
	for (n = 0; n < total + 10; n += n < 80 ? STEP : 13 * STEP) {
		cold_caches();
		if (load_and_validate(n, copy, reference) == 0 && n >= total)
			break;
	}
	free(reference);
	free(copy);
}

/* ---- catalogs -------------------------------------------------------- */

static void test_alloc__catalog_open_and_write(void **state)
{
	const char *editions[] = { "2.1.1", "3.1.3" };
	size_t e;

	(void)state;
	for (e = 0; e < 2; e++) {
		char *reference = NULL;
		long n;

		{
			etsi_catalog *cat = NULL;

			cold_caches();
			assert_int_equal(etsi_catalog_open(&cat, editions[e], NULL), 0);
			assert_int_equal(etsi_catalog_write(&reference, NULL, cat), 0);
			etsi_catalog_free(cat);
		}
		for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
			etsi_catalog *cat = NULL;
			char *out = NULL;
			int rc;

			cold_caches();
			inject(n);
			rc = etsi_catalog_open(&cat, editions[e], NULL);
			if (rc != 0)
				assert_null(cat);
			if (rc == 0)
				rc = etsi_catalog_write(&out, NULL, cat);
			stop_injection();
			check_code("catalog open + write", n, rc);
			if (rc == 0) {
				etsi_record *p = etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-2");

				assert_string_equal(out, reference);
				assert_non_null(p);
				assert_non_null(etsi_record_get(p, "status-code"));
				assert_non_null(etsi_record_get(p, "title"));
				etsi_free(out);
				etsi_catalog_free(cat);
				break;
			}
			assert_null(out);
			etsi_catalog_free(cat);
		}
		assert_true(n > 100);
		etsi_free(reference);
	}
}

/* ---- (b) new dossiers ------------------------------------------------ */

static void test_alloc__dossier_new(void **state)
{
	const char *editions[] = { "3.1.3", "2.1.1" };
	size_t e;

	(void)state;
	for (e = 0; e < 2; e++) {
		etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
		long n;

		opts.edition = editions[e];
		opts.model = "KIC-300";
		opts.release = "3.4.0";
		opts.manufacturer = "Kestrel";
		for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
			etsi_dossier *d = NULL;
			int rc;

			inject(n);
			rc = etsi_dossier_new(&d, &opts);
			stop_injection();
			check_code("etsi_dossier_new", n, rc);
			if (rc == 0) {
				assert_int_equal(etsi_dossier_validate(NULL, d), 0);
				assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), e ? 16 : 19);
				assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_DUT, NULL),
				                           "model-designation"),
				           "KIC-300");
				etsi_dossier_free(d);
				break;
			}
			assert_null(d);
		}
		assert_true(n > 20);
		assert_true(n < MAX_ATTEMPTS);
	}
}

/* ---- (c) sets and adds ----------------------------------------------- */

struct change {
	const char *what;
	int is_add;   /* documented to leave the dossier unchanged on failure */
	int (*run)(etsi_dossier *d);
};

static etsi_record *rec(etsi_dossier *d, etsi_kind kind, const char *key)
{
	return etsi_dossier_find(d, kind, key);
}

static int c_set_name(etsi_dossier *d)
{
	return etsi_record_set(rec(d, ETSI_KIND_COMPONENT, "comp-fw"), "name", "Main firmware");
}

static int c_set_hash(etsi_dossier *d)
{
	return etsi_record_set(rec(d, ETSI_KIND_COMPONENT, "comp-fw"), "hash", "SHA-1:abcd");
}

static int c_add_mechanism(etsi_dossier *d)
{
	return etsi_record_add_value(rec(d, ETSI_KIND_COMPONENT, "comp-isp"), "mechanism",
	                             "mech-store");
}

static int c_add_hash(etsi_dossier *d)
{
	return etsi_record_add_value(rec(d, ETSI_KIND_COMPONENT, "comp-isp"), "hash", "SHA-512:ff");
}

static int c_set_key(etsi_dossier *d)
{
	etsi_record *r = rec(d, ETSI_KIND_UPD_PROC, "up-routine");

	return r ? etsi_record_set(r, "id", "up-quarterly") : 0;
}

static int c_set_anchor(etsi_dossier *d)
{
	etsi_record *r = rec(d, ETSI_KIND_COMPONENT, "comp-app");
	int rc = etsi_record_set(r, "no-update-reason", "impracticable");

	return rc ? rc : etsi_record_set(r, "no-update-justification", "Store only.");
}

static int c_add_waiver(etsi_dossier *d)
{
	const char *f[] = { "id", "w-1", "rule", "R-1", "target", "comp-fw", "owner", "own-psl",
		            "justification", "Accepted.", NULL };

	return etsi_dossier_add(NULL, d, NULL, ETSI_KIND_WAIVER, f);
}

static int c_add_service(etsi_dossier *d)
{
	const char *f[] = { "id", "svc-new", "kind", "cloud", "name", "Cloud", "description",
		            "A service.", NULL };

	return etsi_dossier_add(NULL, d, NULL, ETSI_KIND_SERVICE, f);
}

static int c_add_evidence(etsi_dossier *d)
{
	const char *f[] = { "id", "ev-new", "provision", "5.3-14", "kind", "conceptual", "category",
		            "other", "owner", "own-psl", "review", "draft", "release", "3.4.0",
		            "claim", "Claim.", "carried-from", "3.3.2", NULL };

	return etsi_dossier_add(NULL, d, NULL, ETSI_KIND_EVIDENCE, f);
}

static int c_add_artifact(etsi_dossier *d)
{
	const char *f[] = { "id", "art-new", "ref", "x.pdf", "media-type", "application/pdf",
		            "visibility", "private", "title", "X", NULL };
	etsi_record *ev = rec(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");

	return etsi_dossier_add(NULL, d, ev, ETSI_KIND_ARTIFACT, f);
}

static int c_add_covers(etsi_dossier *d)
{
	const char *f[] = { "test-case", "5.3-1-1", "coverage", "partial", NULL };
	etsi_record *ev = rec(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");

	return etsi_dossier_add(NULL, d, ev, ETSI_KIND_COVERS, f);
}

static int c_add_plan(etsi_dossier *d)
{
	const char *f[] = { "id", "5.3-2-1", "group", "5.3-2", "kind", "conceptual", "ready", "true",
		            NULL };

	return etsi_dossier_add(NULL, d, NULL, ETSI_KIND_PLAN_CASE, f);
}

static int c_add_plan_input(etsi_dossier *d)
{
	const char *f[] = { "table", "7-UpdMech", "field", "description", "present", "true", NULL };
	etsi_record *pc = rec(d, ETSI_KIND_PLAN_CASE, "5.3-2-1");

	return pc ? etsi_dossier_add(NULL, d, pc, ETSI_KIND_PLAN_INPUT, f) : 0;
}

static int c_remove_value(etsi_dossier *d)
{
	return etsi_record_remove_value(rec(d, ETSI_KIND_VERDICT, "5.3-2-2"), "evidence",
	                                "ev-verification-tests");
}

static int c_set_verdict(etsi_dossier *d)
{
	return etsi_dossier_set_verdict(NULL, d, "5.3-2-1", "FAIL", "tl-meridian", "2026-05-01",
	                                "Again.");
}

static int c_set_ics(etsi_dossier *d)
{
	return etsi_dossier_set_ics(d, "5.3-2", "N", "Not any more.");
}

static int c_remove(etsi_dossier *d)
{
	etsi_record *r = rec(d, ETSI_KIND_UPD_PROC, "up-high");

	return r ? etsi_dossier_remove(d, r) : 0;
}

static const struct change changes[] = {
	{ "set name", 0, c_set_name },
	{ "set hash", 0, c_set_hash },
	{ "add mechanism", 0, c_add_mechanism },
	{ "add hash", 0, c_add_hash },
	{ "set key", 0, c_set_key },
	{ "set anchor", 0, c_set_anchor },
	{ "add waiver", 1, c_add_waiver },
	{ "add service", 1, c_add_service },
	{ "add evidence", 1, c_add_evidence },
	{ "add artifact", 1, c_add_artifact },
	{ "add covers", 1, c_add_covers },
	{ "add plan case", 1, c_add_plan },
	{ "add plan input", 1, c_add_plan_input },
	{ "remove value", 0, c_remove_value },
	{ "set verdict", 0, c_set_verdict },
	{ "set ics", 0, c_set_ics },
	{ "remove", 0, c_remove },
};

#define NCHANGES (sizeof(changes) / sizeof(changes[0]))

/* Runs every change under a budget of @p n allocations; returns the number
 * of changes that failed.  With @p unchanged, records in @p report the
 * adds that failed yet changed the document. */
static size_t run_changes(long n, const char *data, size_t len, char *report, size_t size)
{
	etsi_dossier *d = NULL;
	size_t i, failed = 0;

	assert_int_equal(etsi_dossier_load_memory(&d, data, len, "camera.xml", NULL), 0);
	inject(n);
	for (i = 0; i < NCHANGES; i++) {
		char *before = NULL;
		int rc;

		if (report && changes[i].is_add) {
			pause_injection();
			before = test_write(d, NULL);
			resume_injection();
		}
		rc = changes[i].run(d);
		if (rc != 0 && rc != ETSI_ENOMEM) {
			stop_injection();
			etsi_dossier_free(d);
			free(before);
			fail_msg("%s with %ld allocations allowed: %d (%s)", changes[i].what, n, rc,
			         etsi_error_last()->message);
		}
		if (rc == ETSI_ENOMEM) {
			failed++;
			if (etsi_error_last()->code != ETSI_ENOMEM) {
				stop_injection();
				etsi_dossier_free(d);
				free(before);
				fail_msg("%s: ETSI_ENOMEM but the last error says %s", changes[i].what,
				         etsi_error_last()->message);
			}
		}
		if (report && before) {
			char *after;

			pause_injection();
			after = test_write(d, NULL);
			if (rc == ETSI_ENOMEM && strcmp(before, after) != 0 &&
			    !strstr(report, changes[i].what))
				snprintf(report + strlen(report), size - strlen(report), "%s (N=%ld); ",
				         changes[i].what, n);
			free(after);
			resume_injection();
		}
		free(before);
	}
	stop_injection();
	/* whatever state the failures left, the dossier can still be used */
	{
		char *out = NULL;
		etsi_diagnostics *diags = NULL;
		int rc = etsi_dossier_validate(&diags, d);

		assert_true(rc == 0 || rc == ETSI_EVALIDATION);
		etsi_diagnostics_free(diags);
		assert_int_equal(etsi_dossier_write(&out, NULL, d), 0);
		etsi_free(out);
		if (failed == 0)
			assert_int_equal(rc, 0);
	}
	etsi_dossier_free(d);
	return failed;
}

static void test_alloc__record_changes(void **state)
{
	size_t len;
	char *data = test_read_file(test_source_path(CAMERA), &len);
	long n;

	(void)state;
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		if (run_changes(n, data, len, NULL, 0) == 0)
			break;
	}
	assert_true(n > 10);
	assert_true(n < MAX_ATTEMPTS);
	free(data);
}

static void test_alloc__failed_add_leaves_dossier_unchanged(void **state)
{
	size_t len;
	char *data = test_read_file(test_source_path(CAMERA), &len);
	char report[2048] = "";
	long n;

	(void)state;
	/* Regression test for a fixed bug: etsi_dossier_add() promises "On failure the dossier is
	 * unchanged", but etsi__store_add() (libetsi/src/record.c) creates the
	 * missing containers (ensure_path: <waivers>, <test-plan>,
	 * <external>, ...) before the allocations that can fail (new_record,
	 * register_keys, write_value), and on ETSI_ENOMEM frees only the new
	 * element: an empty container stays behind, which for <waivers>
	 * (at least one <waiver>) even makes the dossier invalid. */
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		if (run_changes(n, data, len, report, sizeof(report)) == 0)
			break;
	}
	free(data);
	if (report[0])
		fail_msg("adds that failed with ETSI_ENOMEM changed the dossier: %s", report);
}

/* A const getter that re-indexes a changed dossier and runs out of memory
 * returns what it can, and the failure is not dropped: the next call with
 * a result code (validate, write, save) reports ETSI_ENOMEM and writes
 * nothing.  When the re-index succeeds, those calls succeed.  The change is
 * one a re-index must allocate for: a field's text split by a comment,
 * whose joined text the index computes so that getters allocate nothing. */
static void test_alloc__const_getter_failure_is_kept(void **state)
{
	size_t len;
	char *data = test_read_file(test_source_path(CAMERA), &len);
	int failures = 0;
	long n;

	(void)state;
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		etsi_dossier *d = NULL;
		etsi_record *header;
		xmlNodePtr title;
		char *out = NULL;
		size_t parties;

		assert_int_equal(etsi_dossier_load_memory(&d, data, len, "camera.xml", NULL), 0);
		parties = etsi_dossier_count(d, ETSI_KIND_PARTY);
		header = etsi_dossier_find(d, ETSI_KIND_HEADER, NULL);
		title = etsi__xml_child(header->node, d->store.ns, "title");
		assert_non_null(title);
		xmlAddChild(title, xmlNewComment(BAD_CAST " split "));
		xmlAddChild(title, xmlNewText(BAD_CAST " (second part)"));
		d->store.dirty = 1;
		inject(n);
		(void)etsi_dossier_count(d, ETSI_KIND_PARTY);
		stop_injection();
		if (!d->store.failed) {
			/* the re-index worked: the joined text is there, nothing is
			 * kept against the dossier */
			assert_int_equal(etsi_dossier_count(d, ETSI_KIND_PARTY), parties);
			assert_non_null(strstr(etsi_record_get(header, "title"), "(second part)"));
			assert_int_equal(etsi_dossier_write(&out, NULL, d), 0);
			etsi_free(out);
			etsi_dossier_free(d);
			break;
		}
		failures++;
		assert_int_equal(etsi_dossier_validate(NULL, d), ETSI_ENOMEM);
		assert_non_null(strstr(etsi_error_last()->message, "ran out of memory"));
		assert_int_equal(etsi_dossier_write(&out, NULL, d), ETSI_ENOMEM);
		assert_null(out);
		etsi_dossier_free(d);
	}
	assert_true(failures > 0);
	assert_true(n < MAX_ATTEMPTS);
	free(data);
}

/* ---- (d) write and save ---------------------------------------------- */

static void test_alloc__write_and_save(void **state)
{
	char *dir = test_mkdtemp();
	char *path = test_path_join(dir, "camera.xml");
	size_t original_len;
	char *original = test_read_file(test_source_path(CAMERA), &original_len);
	etsi_dossier *d = NULL;
	char *reference;
	long n;

	(void)state;
	test_write_file(path, original, original_len);
	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	assert_int_equal(etsi_record_set(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL), "title",
	                                 "Saved under memory pressure"),
	                 0);
	reference = test_write(d, NULL);
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		char *out = NULL;
		size_t out_len = 0;
		int rc;

		inject(n);
		rc = etsi_dossier_write(&out, &out_len, d);
		if (rc == 0)
			rc = etsi_dossier_save(d, NULL);
		stop_injection();
		check_code("write + save", n, rc);
		if (rc == 0) {
			char *saved = test_read_file(path, NULL);

			assert_string_equal(out, reference);
			assert_string_equal(saved, reference);
			free(saved);
			etsi_free(out);
			break;
		}
		/* a failed save left the original file intact, and nothing else */
		{
			size_t now_len;
			char *now = test_read_file(path, &now_len);

			assert_int_equal(now_len, original_len);
			assert_memory_equal(now, original, original_len);
			free(now);
			assert_int_equal(test_dir_count(dir), 1);
		}
		if (out)
			assert_string_equal(out, reference);
		etsi_free(out);
	}
	assert_true(n > 2);
	assert_true(n < MAX_ATTEMPTS);
	assert_int_equal(test_dir_count(dir), 1);

	/* saving to a new path under memory pressure: the dossier's path only
	 * changes on success, and no temporary file is left */
	for (n = 0; n < MAX_ATTEMPTS; n += STEP) {
		char *other = test_path_join(dir, "other.xml");
		int rc;

		inject(n);
		rc = etsi_dossier_save(d, other);
		stop_injection();
		check_code("save to a new path", n, rc);
		if (rc == 0) {
			assert_str(etsi_dossier_path(d), other);
			free(other);
			break;
		}
		assert_str(etsi_dossier_path(d), path);
		assert_int_equal(test_dir_count(dir), 1);
		free(other);
	}
	assert_int_equal(test_dir_count(dir), 2);
	etsi_dossier_free(d);
	free(reference);
	free(original);
	test_rmtree(dir);
	free(dir);
	free(path);
}

static int teardown(void **state)
{
	stop_injection();
	return test_shutdown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc__load_and_validate),
		cmocka_unit_test(test_alloc__load_cold_caches),
		cmocka_unit_test(test_alloc__catalog_open_and_write),
		cmocka_unit_test(test_alloc__dossier_new),
		cmocka_unit_test(test_alloc__record_changes),
		cmocka_unit_test(test_alloc__failed_add_leaves_dossier_unchanged),
		cmocka_unit_test(test_alloc__const_getter_failure_is_kept),
		cmocka_unit_test(test_alloc__write_and_save),
	};

	return cmocka_run_group_tests(tests, test_init, teardown);
}
