/* Shared helpers for the CMocka unit tests. */
#ifndef ETSI_TEST_HELPERS_H
#define ETSI_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <etsi.h>

/* A path under the source tree (ETSI_SOURCE_DIR), in a static buffer
 * valid until the next call. */
const char *test_source_path(const char *relative);
/* A path under tests/data (ETSI_TEST_DATA). */
const char *test_data_path(const char *name);
/* A fresh, empty temporary directory; removed by test_rmtree(). */
char *test_mkdtemp(void);
void test_rmtree(const char *dir);
/* Reads a whole file; the caller frees the result with free(). */
char *test_read_file(const char *path, size_t *len);
/* Writes a whole file; fails the test on error. */
void test_write_file(const char *path, const char *data, size_t len);

/* Asserts that an etsi call failed with the given code and that
 * etsi_error_last() names it and says something. */
#define assert_etsi_error(expr, expected_code) \
	do { \
		int rc_ = (expr); \
		assert_int_equal(rc_, (expected_code)); \
		assert_int_equal(etsi_error_last()->code, (expected_code)); \
		assert_non_null(etsi_error_last()->message); \
		assert_true(etsi_error_last()->message[0] != '\0'); \
	} while (0)

/* Asserts that a string equals another; NULL is allowed on either side
 * (both must then be NULL). */
#define assert_str(actual, expected) \
	do { \
		const char *a_ = (actual); \
		const char *e_ = (expected); \
		if (!e_) { \
			if (a_) \
				fail_msg("expected NULL, got \"%s\"", a_); \
		} else if (!a_) { \
			fail_msg("expected \"%s\", got NULL", e_); \
		} else { \
			assert_string_equal(a_, e_); \
		} \
	} while (0)

/* Asserts that a string (not NULL) contains, or does not contain, another. */
#define assert_contains(haystack, needle) \
	do { \
		const char *h_ = (haystack); \
		const char *n_ = (needle); \
		if (!h_) \
			fail_msg("expected a string containing \"%s\", got NULL", n_); \
		else if (!strstr(h_, n_)) \
			fail_msg("\"%s\" does not contain \"%s\"", h_, n_); \
	} while (0)
#define assert_not_contains(haystack, needle) \
	do { \
		const char *h_ = (haystack); \
		const char *n_ = (needle); \
		if (h_ && strstr(h_, n_)) \
			fail_msg("\"%s\" contains \"%s\"", h_, n_); \
	} while (0)

/* The 1-based line of the first occurrence of @p needle in @p text; fails
 * the test when it does not occur. */
int test_line_of(const char *text, const char *needle);
/* A copy of @p text with the first occurrence of @p from replaced by @p to;
 * fails the test when @p from does not occur.  Free with free(). */
char *test_replace(const char *text, const char *from, const char *to);
/* The number of entries of a directory, "." and ".." not counted. */
size_t test_dir_count(const char *dir);
/* Joins a directory and a file name into a new string; free with free(). */
char *test_path_join(const char *dir, const char *name);
/* Loads examples/dossiers/NAME with the given options; fails the test
 * unless it loads. */
etsi_dossier *test_load_example(const char *name, const etsi_load_options *opts);
/* etsi_dossier_write() into a malloc'd string; fails the test on error.
 * Free with free(). */
char *test_write(const etsi_dossier *dossier, size_t *len);
/* The fields of a record as an owned string "name=value\n..." over every
 * field and every value of list fields, for comparisons. */
char *test_record_dump(const etsi_record *record);

/* Runs @p fn in a forked child process and fails the test when it returns
 * a message (the failure), crashes, or does not finish within @p timeout_ms
 * (a deadlock).  For code that may hang: a hung call would otherwise stop
 * the whole test program.  @p fn must not use the cmocka assertions; it
 * reports with TEST_CHECK() instead. */
typedef const char *(*test_isolated_fn)(void *arg);
void test_isolated(const char *what, test_isolated_fn fn, void *arg, unsigned timeout_ms);

/* For test_isolated() bodies: returns a failure message when @p cond is
 * false. */
#define TEST_CHECK(cond) \
	do { \
		if (!(cond)) \
			return test_failure(__FILE__, __LINE__, #cond); \
	} while (0)
#define TEST_CHECK_STR(actual, expected) \
	do { \
		const char *ca_ = (actual); \
		const char *ce_ = (expected); \
		if (!ca_ || !ce_ || strcmp(ca_, ce_) != 0) \
			return test_failure_str(__FILE__, __LINE__, #actual, ca_, ce_); \
	} while (0)
const char *test_failure(const char *file, int line, const char *what);
const char *test_failure_str(const char *file, int line, const char *what,
                             const char *actual, const char *expected);

/* Group setup/teardown that call etsi_init() / etsi_shutdown(). */
int test_init(void **state);
int test_shutdown(void **state);

/* How many places findings of @p rule were made at (a grouped finding
 * counts each of its occurrences), about @p reference when not NULL. */
size_t test_count_findings(const etsi_diagnostics *list, const char *rule,
                           const char *reference);

#endif
