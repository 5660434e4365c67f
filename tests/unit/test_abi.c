/* The options structs keep their ABI: a program built against an older
 * header passes the shorter struct of that version, and libetsi must read
 * none of the fields added since (libgit2's rule).  Each test here builds
 * the struct as version 1 declared it, places it so that it ends exactly
 * at a page the process may not read, and passes it: a library that
 * looked at a later field would crash the test instead of passing it. */
/* MAP_ANONYMOUS */
#define _DEFAULT_SOURCE 1

#include "helpers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define AS_OF "2026-06-01"

/* The version-1 layouts, as the 0.1.0 headers declared them. */
struct check_options_v1 {
	unsigned int version;
	const char *as_of;
};

struct load_options_v1 {
	unsigned int version;
	unsigned int flags;
	size_t max_size;
	unsigned int max_depth;
	const char *data_dir;
};

struct export_options_v1 {
	unsigned int version;
	const char *format;
	const char *as_of;
	const char *timestamp;
};

struct import_options_v1 {
	unsigned int version;
	const char *format;
	const char *name;
	const char *edition;
	size_t max_size;
	unsigned int max_depth;
};

struct report_options_v1 {
	unsigned int version;
	const char *format;
	const char *stylesheet;
	const char *date;
	const char *as_of;
};

/* Two pages, the second unreadable; returns where a struct of @p size must
 * start to end at the boundary. */
static void *guarded(size_t size, void **map, size_t *map_len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	assert_true(p != MAP_FAILED);
	assert_int_equal(mprotect(p + page, page, PROT_NONE), 0);
	*map = p;
	*map_len = 2 * page;
	/* structs of pointers are 8-aligned and their size a multiple of 8 */
	return p + page - size;
}

#define GUARD(type, var) \
	void *map_##var; \
	size_t len_##var; \
	type *var = guarded(sizeof(type), &map_##var, &len_##var); \
	memset(var, 0, sizeof(type))
#define UNGUARD(var) munmap(map_##var, len_##var)

static char *findings_text(const etsi_diagnostics *list)
{
	char *text = NULL;

	assert_int_equal(etsi_diagnostics_format(&text, NULL, list, NULL, 0), 0);
	return text;
}

/* A version-1 check options struct checks as the current defaults do:
 * grouped, as of its date. */
static void test_abi__check_options_v1(void **state)
{
	etsi_dossier *d = test_load_example("home-hub-v3.xml", NULL);
	etsi_check_options now = ETSI_CHECK_OPTIONS_INIT;
	etsi_diagnostics *old_list = NULL, *new_list = NULL;
	char *a, *b;
	GUARD(struct check_options_v1, v1);

	(void)state;
	v1->version = 1;
	v1->as_of = AS_OF;
	now.as_of = AS_OF;
	assert_int_equal(etsi_dossier_check(&old_list, d, (const etsi_check_options *)v1),
	                 ETSI_EVALIDATION);
	assert_int_equal(etsi_dossier_check(&new_list, d, &now), ETSI_EVALIDATION);
	a = findings_text(old_list);
	b = findings_text(new_list);
	assert_string_equal(a, b);
	assert_contains(a, "more like it");
	/* and init fills in version 1 without writing past it */
	memset(v1, 0xff, sizeof(*v1));
	assert_int_equal(etsi_check_options_init((etsi_check_options *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_null(v1->as_of);
	etsi_free(a);
	etsi_free(b);
	etsi_diagnostics_free(old_list);
	etsi_diagnostics_free(new_list);
	etsi_dossier_free(d);
	UNGUARD(v1);
}

static void test_abi__load_options_v1(void **state)
{
	etsi_dossier *d = NULL;
	GUARD(struct load_options_v1, v1);

	(void)state;
	v1->version = 1;
	assert_int_equal(etsi_dossier_load(&d, test_data_path("valid/minimal-v3.xml"),
	                                   (const etsi_load_options *)v1), 0);
	etsi_dossier_free(d);
	memset(v1, 0xff, sizeof(*v1));
	assert_int_equal(etsi_load_options_init((etsi_load_options *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_null(v1->data_dir);
	UNGUARD(v1);
}

static void test_abi__export_options_v1(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	char *out = NULL;
	size_t len = 0;
	GUARD(struct export_options_v1, v1);

	(void)state;
	v1->version = 1;
	v1->format = "oscal-json";
	v1->as_of = AS_OF;
	assert_int_equal(etsi_dossier_export(&out, &len, d, (const etsi_export_options *)v1), 0);
	/* version 1 had no ap_href: the default plan name */
	assert_contains(out, "assessment-plan.json");
	etsi_free(out);
	memset(v1, 0xff, sizeof(*v1));
	assert_int_equal(etsi_export_options_init((etsi_export_options *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_null(v1->format);
	etsi_dossier_free(d);
	UNGUARD(v1);
}

static void test_abi__import_options_v1(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_diagnostics *report = NULL;
	size_t len = 0;
	char *data = test_read_file(test_data_path("interchange/sbom-small.cdx.json"), &len);
	GUARD(struct import_options_v1, v1);

	(void)state;
	v1->version = 1;
	v1->format = "cyclonedx";
	v1->name = "sbom-small.cdx.json";
	assert_int_equal(etsi_dossier_import(&report, d, data, len,
	                                     (const etsi_import_options *)v1), 0);
	assert_true(etsi_diagnostics_count(report) > 0);
	etsi_diagnostics_free(report);
	memset(v1, 0xff, sizeof(*v1));
	assert_int_equal(etsi_import_options_init((etsi_import_options *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	free(data);
	etsi_dossier_free(d);
	UNGUARD(v1);
}

static void test_abi__report_options_v1(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	char *out = NULL;
	size_t len = 0;
	GUARD(struct report_options_v1, v1);

	(void)state;
	v1->version = 1;
	v1->format = "md";
	v1->date = AS_OF;
	assert_int_equal(etsi_dossier_report(&out, &len, d, (const etsi_report_options *)v1), 0);
	assert_contains(out, "## Top findings");
	etsi_free(out);
	memset(v1, 0xff, sizeof(*v1));
	assert_int_equal(etsi_report_options_init((etsi_report_options *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_null(v1->format);
	etsi_dossier_free(d);
	UNGUARD(v1);
}

/* An unknown later version is refused, never read. */
static void test_abi__future_versions_refused(void **state)
{
	etsi_check_options c = ETSI_CHECK_OPTIONS_INIT;
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_diagnostics *list = NULL;

	(void)state;
	c.version = ETSI_CHECK_OPTIONS_VERSION + 1;
	assert_etsi_error(etsi_dossier_check(&list, d, &c), ETSI_EINVALID);
	assert_null(list);
	c.version = 0;
	assert_etsi_error(etsi_dossier_check(&list, d, &c), ETSI_EINVALID);
	assert_etsi_error(etsi_check_options_init(&c, ETSI_CHECK_OPTIONS_VERSION + 1),
	                  ETSI_EINVALID);
	/* a flag no version defines */
	assert_int_equal(etsi_check_options_init(&c, ETSI_CHECK_OPTIONS_VERSION), 0);
	c.flags = 0x80;
	assert_etsi_error(etsi_dossier_check(&list, d, &c), ETSI_EINVALID);
	etsi_dossier_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abi__check_options_v1),
		cmocka_unit_test(test_abi__load_options_v1),
		cmocka_unit_test(test_abi__export_options_v1),
		cmocka_unit_test(test_abi__import_options_v1),
		cmocka_unit_test(test_abi__report_options_v1),
		cmocka_unit_test(test_abi__future_versions_refused),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
