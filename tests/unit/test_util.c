/* Unit tests of the internal containers and value checks (util.c and the
 * validity checks of record.c). */
#include "helpers.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "record_impl.h"
#include "util.h"

/* ---- etsi__buf ------------------------------------------------------- */

static void test_util__buf_put_and_puts(void **state)
{
	etsi__buf buf = ETSI__BUF_INIT;

	(void)state;
	assert_int_equal(etsi__buf_puts(&buf, "abc"), 0);
	assert_int_equal(etsi__buf_put(&buf, "defXYZ", 3), 0);
	assert_int_equal(etsi__buf_put(&buf, NULL, 0), 0);
	assert_int_equal(buf.len, 6);
	assert_str(buf.ptr, "abcdef");
	assert_int_equal(buf.failed, 0);
	/* the first allocation is 64 bytes */
	assert_int_equal(buf.cap, 64);
	etsi__buf_dispose(&buf);
	assert_null(buf.ptr);
	assert_int_equal(buf.len, 0);
	assert_int_equal(buf.cap, 0);
}

static void test_util__buf_printf_grows_past_64(void **state)
{
	etsi__buf buf = ETSI__BUF_INIT;
	char expected[1024];
	char big[300];
	size_t i;

	(void)state;
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(etsi__buf_printf(&buf, "%d-%s", 42, "x"), 0);
	assert_str(buf.ptr, "42-x");
	/* 299 characters do not fit the first 64-byte allocation */
	assert_int_equal(etsi__buf_printf(&buf, "[%s]", big), 0);
	snprintf(expected, sizeof(expected), "42-x[%s]", big);
	assert_str(buf.ptr, expected);
	assert_int_equal(buf.len, strlen(expected));
	assert_true(buf.cap > buf.len);
	assert_int_equal(buf.cap & (buf.cap - 1), 0); /* doubled from 64 */

	/* exactly at the boundaries of the first block */
	etsi__buf_dispose(&buf);
	for (i = 60; i < 70; i++) {
		memset(expected, 'a', i);
		expected[i] = '\0';
		assert_int_equal(etsi__buf_printf(&buf, "%s", expected), 0);
		assert_int_equal(buf.len, i);
		assert_str(buf.ptr, expected);
		etsi__buf_dispose(&buf);
	}

	/* many small appends */
	for (i = 0; i < 1000; i++)
		assert_int_equal(etsi__buf_printf(&buf, "%03zu,", i), 0);
	assert_int_equal(buf.len, 4000);
	assert_int_equal(strncmp(buf.ptr, "000,001,002,", 12), 0);
	assert_int_equal(strcmp(buf.ptr + 3996, "999,"), 0);
	etsi__buf_dispose(&buf);
}

static void test_util__buf_detach(void **state)
{
	etsi__buf buf = ETSI__BUF_INIT;
	char *s;

	(void)state;
	etsi__buf_puts(&buf, "hello");
	s = etsi__buf_detach(&buf);
	assert_str(s, "hello");
	/* the buffer is empty and reusable afterwards */
	assert_null(buf.ptr);
	assert_int_equal(buf.len, 0);
	assert_int_equal(buf.cap, 0);
	etsi__buf_puts(&buf, "again");
	assert_str(buf.ptr, "again");
	assert_str(s, "hello");
	etsi__free(s);
	etsi__buf_dispose(&buf);
}

static void test_util__buf_detach_empty(void **state)
{
	etsi__buf buf = ETSI__BUF_INIT;
	char first;
	char *s;

	/* Regression test for a fixed bug: etsi__buf_detach() (libetsi/src/util.c) on a buffer nothing was
	 * written to allocates 64 bytes with etsi__buf_grow(buf, 0) but never
	 * writes the terminating NUL, so it hands out uninitialized memory
	 * instead of "" (util.h: "Hands the string over to the caller").
	 * M_PERTURB makes the uninitialized bytes non-zero so that the result
	 * does not depend on what the heap held before. */
	(void)state;
#ifdef M_PERTURB
	void *drain[16];
	size_t i;

	/* glibc's per-thread cache bypasses M_PERTURB: empty it for this size */
	for (i = 0; i < 16; i++)
		drain[i] = malloc(64);
	mallopt(M_PERTURB, 0x55);
#endif
	s = etsi__buf_detach(&buf);
#ifdef M_PERTURB
	mallopt(M_PERTURB, 0);
	for (i = 0; i < 16; i++)
		free(drain[i]);
#endif
	assert_non_null(s);
	first = s[0];
	etsi__free(s);
	assert_int_equal(first, '\0');
}

static void test_util__buf_failed_state(void **state)
{
	etsi__buf buf = ETSI__BUF_INIT;

	(void)state;
	etsi__buf_puts(&buf, "kept");
	/* the next growth fails */
	etsi__alloc_fail_after(0);
	assert_int_equal(etsi__buf_printf(&buf, "%0200d", 1), ETSI_ENOMEM);
	etsi__alloc_fail_after(-1);
	assert_int_equal(buf.failed, 1);
	/* once failed, appends are ignored even when memory is back */
	assert_int_equal(etsi__buf_puts(&buf, "x"), ETSI_ENOMEM);
	assert_int_equal(etsi__buf_put(&buf, "y", 1), ETSI_ENOMEM);
	assert_int_equal(etsi__buf_printf(&buf, "%s", "z"), ETSI_ENOMEM);
	assert_int_equal(etsi__buf_grow(&buf, 1), ETSI_ENOMEM);
	assert_str(buf.ptr, "kept");
	/* detaching a failed buffer gives NULL and frees it */
	assert_null(etsi__buf_detach(&buf));
	assert_null(buf.ptr);
	assert_int_equal(buf.failed, 0);

	/* a size overflow fails cleanly */
	etsi__buf_puts(&buf, "ab");
	assert_int_equal(etsi__buf_grow(&buf, SIZE_MAX - 1), ETSI_ENOMEM);
	assert_int_equal(buf.failed, 1);
	etsi__buf_dispose(&buf);
	assert_int_equal(buf.failed, 0);
}

/* ---- etsi__vec ------------------------------------------------------- */

static void test_util__vec(void **state)
{
	etsi__vec vec = ETSI__VEC_INIT;
	static int items[5000];
	size_t i, cap;

	(void)state;
	for (i = 0; i < 5000; i++)
		assert_int_equal(etsi__vec_push(&vec, &items[i]), 0);
	assert_int_equal(vec.len, 5000);
	assert_true(vec.cap >= 5000);
	for (i = 0; i < 5000; i++)
		assert_ptr_equal(vec.items[i], &items[i]);
	cap = vec.cap;
	etsi__vec_clear(&vec);
	assert_int_equal(vec.len, 0);
	assert_int_equal(vec.cap, cap);
	assert_int_equal(etsi__vec_push(&vec, NULL), 0);
	assert_null(vec.items[0]);
	etsi__vec_dispose(&vec);
	assert_null(vec.items);
	assert_int_equal(vec.len, 0);
	assert_int_equal(vec.cap, 0);
}

static void test_util__vec_push_failure(void **state)
{
	etsi__vec vec = ETSI__VEC_INIT;
	int a, b;
	size_t i;

	(void)state;
	etsi__alloc_fail_after(0);
	assert_int_equal(etsi__vec_push(&vec, &a), ETSI_ENOMEM);
	etsi__alloc_fail_after(-1);
	assert_int_equal(vec.len, 0);
	assert_null(vec.items);
	for (i = 0; i < 8; i++)
		assert_int_equal(etsi__vec_push(&vec, &a), 0);
	/* the ninth push needs to grow; it fails and keeps the old items */
	etsi__alloc_fail_after(0);
	assert_int_equal(etsi__vec_push(&vec, &b), ETSI_ENOMEM);
	etsi__alloc_fail_after(-1);
	assert_int_equal(vec.len, 8);
	for (i = 0; i < 8; i++)
		assert_ptr_equal(vec.items[i], &a);
	etsi__vec_dispose(&vec);
}

/* ---- etsi__map ------------------------------------------------------- */

static void test_util__map_put_get_del(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	int a, b, c;

	(void)state;
	/* an empty map answers without allocating */
	assert_null(etsi__map_get(&map, "a"));
	assert_null(etsi__map_del(&map, "a"));
	assert_null(etsi__map_get(&map, NULL));

	assert_int_equal(etsi__map_put(&map, "a", &a), 0);
	assert_int_equal(etsi__map_put(&map, "b", &b), 0);
	assert_int_equal(etsi__map_put(&map, "", &c), 0);
	assert_int_equal(map.len, 3);
	assert_ptr_equal(etsi__map_get(&map, "a"), &a);
	assert_ptr_equal(etsi__map_get(&map, "b"), &b);
	assert_ptr_equal(etsi__map_get(&map, ""), &c);
	assert_null(etsi__map_get(&map, "c"));
	assert_null(etsi__map_get(&map, "A"));
	assert_null(etsi__map_get(&map, NULL));

	assert_ptr_equal(etsi__map_del(&map, "a"), &a);
	assert_int_equal(map.len, 2);
	assert_null(etsi__map_get(&map, "a"));
	assert_null(etsi__map_del(&map, "a"));
	assert_null(etsi__map_del(&map, "zzz"));
	assert_null(etsi__map_del(&map, NULL));
	assert_ptr_equal(etsi__map_get(&map, "b"), &b);
	etsi__map_dispose(&map);
	assert_int_equal(map.len, 0);
	assert_int_equal(map.cap, 0);
	assert_null(map.slots);
}

static void test_util__map_duplicate_keeps_first(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	int first, second;

	(void)state;
	assert_int_equal(etsi__map_put(&map, "key", &first), 0);
	assert_int_equal(etsi__map_put(&map, "key", &second), 1);
	assert_ptr_equal(etsi__map_get(&map, "key"), &first);
	assert_int_equal(map.len, 1);
	/* after deleting, the key can be inserted again */
	assert_ptr_equal(etsi__map_del(&map, "key"), &first);
	assert_int_equal(etsi__map_put(&map, "key", &second), 0);
	assert_ptr_equal(etsi__map_get(&map, "key"), &second);
	assert_int_equal(map.len, 1);
	etsi__map_dispose(&map);
}

static void test_util__map_tombstones_then_reinsert(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	static int values[2000];
	char key[32];
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_int_equal(etsi__map_put(&map, key, &values[i]), 0);
	}
	/* delete every other key: the survivors stay reachable across the
	 * tombstones in their probe sequences */
	for (i = 0; i < 1000; i += 2) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_ptr_equal(etsi__map_del(&map, key), &values[i]);
	}
	assert_int_equal(map.len, 500);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		if (i % 2)
			assert_ptr_equal(etsi__map_get(&map, key), &values[i]);
		else
			assert_null(etsi__map_get(&map, key));
	}
	/* a duplicate put of a survivor is still detected past tombstones */
	for (i = 1; i < 1000; i += 2) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_int_equal(etsi__map_put(&map, key, &values[1000 + i]), 1);
	}
	/* reinsert the deleted keys with new values */
	for (i = 0; i < 1000; i += 2) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_int_equal(etsi__map_put(&map, key, &values[1000 + i]), 0);
	}
	assert_int_equal(map.len, 1000);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		assert_ptr_equal(etsi__map_get(&map, key), &values[i % 2 ? i : 1000 + i]);
	}
	assert_true(map.used <= map.cap);
	etsi__map_dispose(&map);
}

static void test_util__map_churn_terminates(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	int value;
	char key[32];
	size_t i;

	(void)state;
	/* one live key at a time, 50 000 distinct keys: tombstones must be
	 * cleaned up so that probing always finds an empty slot */
	for (i = 0; i < 50000; i++) {
		snprintf(key, sizeof(key), "churn-%zu", i);
		assert_int_equal(etsi__map_put(&map, key, &value), 0);
		assert_ptr_equal(etsi__map_get(&map, key), &value);
		assert_ptr_equal(etsi__map_del(&map, key), &value);
		assert_int_equal(map.len, 0);
		assert_true(map.used * 4 < map.cap * 3 + 4);
	}
	assert_true(map.cap <= 64);
	etsi__map_dispose(&map);
}

static void test_util__map_growth(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	enum { N = 20000 };
	static int values[N];
	char key[32];
	size_t i;

	(void)state;
	for (i = 0; i < N; i++) {
		snprintf(key, sizeof(key), "key-%zu", i);
		assert_int_equal(etsi__map_put(&map, key, &values[i]), 0);
	}
	assert_int_equal(map.len, N);
	assert_true(map.cap >= N);
	assert_int_equal(map.cap & (map.cap - 1), 0);
	for (i = 0; i < N; i++) {
		snprintf(key, sizeof(key), "key-%zu", i);
		assert_ptr_equal(etsi__map_get(&map, key), &values[i]);
	}
	assert_null(etsi__map_get(&map, "key-20000"));
	etsi__map_dispose(&map);
}

static void test_util__map_keys_copied(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	char key[16];
	char *heap;
	int a, b;

	(void)state;
	strcpy(key, "alpha");
	assert_int_equal(etsi__map_put(&map, key, &a), 0);
	strcpy(key, "beta");
	assert_int_equal(etsi__map_put(&map, key, &b), 0);
	memset(key, 'z', sizeof(key) - 1);
	assert_ptr_equal(etsi__map_get(&map, "alpha"), &a);
	assert_ptr_equal(etsi__map_get(&map, "beta"), &b);

	heap = strdup("gamma");
	assert_non_null(heap);
	assert_int_equal(etsi__map_put(&map, heap, &a), 0);
	free(heap);
	assert_ptr_equal(etsi__map_get(&map, "gamma"), &a);
	etsi__map_dispose(&map);
}

static void test_util__map_put_failure(void **state)
{
	etsi__map map = ETSI__MAP_INIT;
	int a;

	(void)state;
	/* the table cannot be allocated */
	etsi__alloc_fail_after(0);
	assert_int_equal(etsi__map_put(&map, "a", &a), ETSI_ENOMEM);
	etsi__alloc_fail_after(-1);
	assert_int_equal(map.len, 0);
	assert_null(etsi__map_get(&map, "a"));
	/* the table is there but the key copy fails */
	etsi__alloc_fail_after(1);
	assert_int_equal(etsi__map_put(&map, "a", &a), ETSI_ENOMEM);
	etsi__alloc_fail_after(-1);
	assert_int_equal(map.len, 0);
	assert_null(etsi__map_get(&map, "a"));
	assert_int_equal(etsi__map_put(&map, "a", &a), 0);
	assert_ptr_equal(etsi__map_get(&map, "a"), &a);
	etsi__map_dispose(&map);
}

/* ---- strings --------------------------------------------------------- */

static void test_util__streq_and_blank(void **state)
{
	(void)state;
	assert_true(etsi__streq("a", "a"));
	assert_false(etsi__streq("a", "b"));
	assert_false(etsi__streq(NULL, "a"));
	assert_false(etsi__streq("a", NULL));
	assert_false(etsi__streq(NULL, NULL));
	assert_true(etsi__is_blank(NULL));
	assert_true(etsi__is_blank(""));
	assert_true(etsi__is_blank(" \t\r\n"));
	assert_false(etsi__is_blank("  x "));
}

/* ---- value checks ---------------------------------------------------- */

static void test_util__valid_text(void **state)
{
	static const char *const valid[] = {
		"", "plain ASCII", "tab\tnewline\ncr\r", "caf\xc3\xa9", /* U+00E9 */
		"\xe2\x82\xac",           /* U+20AC, 3 bytes */
		"\xf0\x9f\x98\x80",       /* U+1F600, 4 bytes */
		"\xf4\x8f\xbf\xbf",       /* U+10FFFF, the last code point */
		"\xef\xbf\xbd",           /* U+FFFD */
		"\xed\x9f\xbf",           /* U+D7FF, just below the surrogates */
		"\xee\x80\x80",           /* U+E000, just above them */
		"\x7f",                   /* DEL is an XML 1.0 character */
		"\xc2\x80",               /* U+0080, the smallest 2-byte form */
		"\xe0\xa0\x80",           /* U+0800, the smallest 3-byte form */
		"\xf0\x90\x80\x80",       /* U+10000, the smallest 4-byte form */
	};
	static const char *const invalid[] = {
		"\x01", "a\x1f", "\x0b", "\x0c", "x\x1b[31m",    /* control characters */
		"\xc0\xaf", "\xc1\xbf",                          /* overlong 2-byte */
		"\xe0\x80\xaf", "\xe0\x9f\xbf",                  /* overlong 3-byte */
		"\xf0\x80\x80\xaf", "\xf0\x8f\xbf\xbf",          /* overlong 4-byte */
		"\xed\xa0\x80", "\xed\xbf\xbf",                  /* surrogates */
		"\xef\xbf\xbe", "\xef\xbf\xbf",                  /* U+FFFE, U+FFFF */
		"\xf4\x90\x80\x80", "\xf7\xbf\xbf\xbf",          /* above U+10FFFF */
		"\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80", "\xfe", "\xff",
		"\x80", "a\xbf", "\xc3", "\xc3(", "\xe2\x82", "\xe2\x28\xa1",
		"\xf0\x9f\x98", "\xf0\x9f\x98(",                 /* truncated or broken */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		if (!etsi__valid_text(valid[i]))
			fail_msg("valid text #%zu refused", i);
	}
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		if (etsi__valid_text(invalid[i]))
			fail_msg("invalid text #%zu accepted", i);
	}
}

static void test_util__valid_date(void **state)
{
	static const char *const valid[] = {
		"2024-02-29", "2000-02-29", "2023-02-28", "2026-12-31", "2026-01-01",
		"1999-04-30", "2024-06-30", "9999-12-31", "1600-02-29",
	};
	static const char *const invalid[] = {
		"2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2024-04-31",
		"2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-1-01",
		"2024-01-1", "24-01-01", "2024/01/01", "2024-01-01T00:00:00", "2024-01-01Z",
		" 2024-01-01", "2024-01-01 ", "", "abcd-ef-gh", "2024--1-01", "+024-01-01",
		"2024-0a-01", "20240101",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		if (!etsi__valid_date(valid[i]))
			fail_msg("valid date %s refused", valid[i]);
	}
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		if (etsi__valid_date(invalid[i]))
			fail_msg("invalid date \"%s\" accepted", invalid[i]);
	}
}

static void test_util__valid_date_year_zero(void **state)
{
	(void)state;
	/* Regression test for a fixed bug: etsi__valid_date() (libetsi/src/record.c) accepts the year 0000,
	 * which xs:date in XSD 1.0 (and libxml2's validator) rejects: a date
	 * field set to "0000-01-01" passes etsi_record_set() but the dossier
	 * then fails validation and cannot be saved. */
	assert_false(etsi__valid_date("0000-01-01"));
}

static void test_util__valid_id(void **state)
{
	static const char *const valid[] = {
		"a", "Z", "comp-fw", "ev.1", "x_y", "A1-b.c_d", "mech-ota",
	};
	static const char *const invalid[] = {
		"", "1abc", "-a", ".a", "_a", "a b", "a/b", "a:b", "\xc3\xa9t\xc3\xa9", "a\n",
		"5.3-2", "5.3-2-1",
	};
	char longest[130];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		if (!etsi__valid_id(valid[i]))
			fail_msg("valid id %s refused", valid[i]);
	}
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		if (etsi__valid_id(invalid[i]))
			fail_msg("invalid id \"%s\" accepted", invalid[i]);
	}
	/* at most 128 characters, as in the schema */
	memset(longest, 'a', 128);
	longest[128] = '\0';
	assert_true(etsi__valid_id(longest));
	longest[128] = 'a';
	longest[129] = '\0';
	assert_false(etsi__valid_id(longest));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util__buf_put_and_puts),
		cmocka_unit_test(test_util__buf_printf_grows_past_64),
		cmocka_unit_test(test_util__buf_detach),
		cmocka_unit_test(test_util__buf_detach_empty),
		cmocka_unit_test(test_util__buf_failed_state),
		cmocka_unit_test(test_util__vec),
		cmocka_unit_test(test_util__vec_push_failure),
		cmocka_unit_test(test_util__map_put_get_del),
		cmocka_unit_test(test_util__map_duplicate_keeps_first),
		cmocka_unit_test(test_util__map_tombstones_then_reinsert),
		cmocka_unit_test(test_util__map_churn_terminates),
		cmocka_unit_test(test_util__map_growth),
		cmocka_unit_test(test_util__map_keys_copied),
		cmocka_unit_test(test_util__map_put_failure),
		cmocka_unit_test(test_util__streq_and_blank),
		cmocka_unit_test(test_util__valid_text),
		cmocka_unit_test(test_util__valid_date),
		cmocka_unit_test(test_util__valid_date_year_zero),
		cmocka_unit_test(test_util__valid_id),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
