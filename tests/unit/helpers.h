/* Shared helpers for the CMocka unit tests. */
#ifndef ETSI_TEST_HELPERS_H
#define ETSI_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

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
#define assert_etsi_error(expr, code) \
	do { \
		int rc_ = (expr); \
		assert_int_equal(rc_, (code)); \
		assert_int_equal(etsi_error_last()->code, (code)); \
		assert_non_null(etsi_error_last()->message); \
		assert_true(etsi_error_last()->message[0] != '\0'); \
	} while (0)

/* Group setup/teardown that call etsi_init() / etsi_shutdown(). */
int test_init(void **state);
int test_shutdown(void **state);

#endif
