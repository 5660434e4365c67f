/* Unit tests of the error table and the per-thread last error (error.c). */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

struct entry {
	const char *name;
	int value;
	const char *message;
};

static const struct entry table[] = {
#define ENTRY(name, value, message) { #name, value, message },
	ETSI_ERROR_MAP(ENTRY)
#undef ENTRY
};

#define NENTRIES (sizeof(table) / sizeof(table[0]))

static int one_line(const char *s)
{
	return s && *s && !strchr(s, '\n') && !strchr(s, '\r');
}

static void test_errors__every_code_has_name_and_message(void **state)
{
	size_t i;

	(void)state;
	assert_true(NENTRIES >= 11);
	for (i = 0; i < NENTRIES; i++) {
		/* codes are -1, -2, ... in table order, never reused */
		assert_int_equal(table[i].value, -(int)(i + 1));
		assert_str(etsi_error_name(table[i].value), table[i].name);
		assert_str(etsi_strerror(table[i].value), table[i].message);
		assert_true(one_line(etsi_strerror(table[i].value)));
		assert_string_not_equal(etsi_strerror(table[i].value), "unknown error code");
	}
	/* the enumerators agree with the table */
	assert_int_equal(ETSI_ENOMEM, -2);
	assert_int_equal(ETSI_EREADONLY, -11);
	assert_str(etsi_error_name(ETSI_ENOTFOUND), "ENOTFOUND");
	assert_str(etsi_strerror(ETSI_ELIMIT), "input exceeds a safety limit");
	/* one below the lowest code is not an error */
	assert_int_equal(ETSI__ERROR_LAST, table[NENTRIES - 1].value - 1);
}

static void test_errors__names_are_unique(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < NENTRIES; i++) {
		for (j = i + 1; j < NENTRIES; j++) {
			assert_string_not_equal(table[i].name, table[j].name);
			assert_string_not_equal(table[i].message, table[j].message);
		}
	}
}

static void test_errors__ok_code(void **state)
{
	(void)state;
	assert_str(etsi_error_name(ETSI_OK), "OK");
	assert_str(etsi_strerror(ETSI_OK), "no error");
}

static void test_errors__unknown_codes(void **state)
{
	const int unknown[] = { 1, 42, ETSI__ERROR_LAST, ETSI__ERROR_LAST - 1, -100, -1000000 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		assert_null(etsi_error_name(unknown[i]));
		assert_str(etsi_strerror(unknown[i]), "unknown error code");
	}
	assert_null(etsi_error_name(ETSI__ERROR_LAST));
}

static void test_errors__last_is_never_null(void **state)
{
	const etsi_error *e;

	(void)state;
	etsi_error_clear();
	e = etsi_error_last();
	assert_non_null(e);
	assert_int_equal(e->code, ETSI_OK);
	assert_int_equal(e->klass, ETSI_ERROR_CLASS_NONE);
	assert_str(e->message, "no error");
	assert_null(e->file);
	assert_int_equal(e->line, 0);
	assert_int_equal(e->column, 0);
}

static void *initial_state_thread(void *arg)
{
	const etsi_error *e = etsi_error_last();
	int *ok = arg;

	/* a thread that never called libetsi starts with "no error" */
	*ok = e && e->code == ETSI_OK && e->message && strcmp(e->message, "no error") == 0 &&
	      e->file == NULL;
	return NULL;
}

static void test_errors__initially_no_error(void **state)
{
	pthread_t thread;
	int ok = 0;

	(void)state;
	assert_int_equal(pthread_create(&thread, NULL, initial_state_thread, &ok), 0);
	assert_int_equal(pthread_join(thread, NULL), 0);
	assert_true(ok);
}

static void test_errors__record_and_clear(void **state)
{
	const etsi_error *e;
	etsi_catalog *cat = NULL;

	(void)state;
	etsi_error_clear();
	/* a public function reports through etsi_error_last() */
	assert_etsi_error(etsi_catalog_open(&cat, "0.0.0", NULL), ETSI_EUNSUPPORTED);
	assert_null(cat);
	e = etsi_error_last();
	assert_int_equal(e->klass, ETSI_ERROR_CLASS_CATALOG);
	assert_contains(e->message, "0.0.0");
	assert_true(one_line(e->message));

	etsi_error_clear();
	e = etsi_error_last();
	assert_int_equal(e->code, ETSI_OK);
	assert_str(e->message, "no error");
	assert_null(e->file);

	/* internal recording with a location */
	assert_int_equal(etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, "doc.xml", 12, 7,
	                                "bad %s", "thing"),
	                 ETSI_EPARSE);
	e = etsi_error_last();
	assert_int_equal(e->code, ETSI_EPARSE);
	assert_int_equal(e->klass, ETSI_ERROR_CLASS_XML);
	assert_str(e->message, "bad thing");
	assert_str(e->file, "doc.xml");
	assert_int_equal(e->line, 12);
	assert_int_equal(e->column, 7);

	/* a later error without a location forgets the earlier location */
	assert_int_equal(etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT, "x"), ETSI_EINVALID);
	e = etsi_error_last();
	assert_null(e->file);
	assert_int_equal(e->line, 0);
	assert_int_equal(e->column, 0);

	assert_int_equal(etsi__error_oom(), ETSI_ENOMEM);
	assert_int_equal(etsi_error_last()->code, ETSI_ENOMEM);
	assert_int_equal(etsi_error_last()->klass, ETSI_ERROR_CLASS_OS);
	etsi_error_clear();
}

static void test_errors__messages_are_one_line(void **state)
{
	const etsi_error *e;

	(void)state;
	/* newlines from libxml2 or a caller are folded, trailing blanks cut */
	etsi__error(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, "first\nsecond\r\nthird\n \n");
	e = etsi_error_last();
	assert_true(one_line(e->message));
	assert_str(e->message, "first second  third");

	/* a real parse error from libxml2 (whose messages end in "\n") */
	{
		etsi_dossier *d = NULL;
		static const char doc[] = "<dossier>\n<a>\n</b>\n</dossier>\n";

		assert_etsi_error(etsi_dossier_load_memory(&d, doc, sizeof(doc) - 1, "m.xml", NULL),
		                  ETSI_EPARSE);
		assert_true(one_line(etsi_error_last()->message));
		assert_int_equal(etsi_error_last()->line, 3);
		assert_str(etsi_error_last()->file, "m.xml");
	}
	etsi_error_clear();
}

static void test_errors__long_message_and_file_are_truncated(void **state)
{
	char big[4000];
	const etsi_error *e;

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, big, 1, 1, "%s", big);
	e = etsi_error_last();
	assert_int_equal(e->code, ETSI_EIO);
	assert_true(strlen(e->message) > 500);
	assert_true(strlen(e->message) < sizeof(big) - 1);
	assert_true(strlen(e->file) > 100);
	assert_true(strlen(e->file) < sizeof(big) - 1);
	assert_true(strspn(e->message, "x") == strlen(e->message));
	etsi_error_clear();
}

struct thread_result {
	int saw_no_error;
	int own_code;
	char own_message[128];
};

static void *worker(void *arg)
{
	struct thread_result *r = arg;
	etsi_catalog *cat = NULL;

	r->saw_no_error = etsi_error_last()->code == ETSI_OK &&
	                  strcmp(etsi_error_last()->message, "no error") == 0;
	/* an error on this thread */
	etsi_catalog_open(&cat, "7.7.7", NULL);
	r->own_code = etsi_error_last()->code;
	snprintf(r->own_message, sizeof(r->own_message), "%s", etsi_error_last()->message);
	return NULL;
}

static void test_errors__thread_local(void **state)
{
	struct thread_result r;
	pthread_t thread;
	const etsi_error *e;

	(void)state;
	memset(&r, 0, sizeof(r));
	etsi__error_at(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER, "main.xml", 5, 0, "main thread");
	assert_int_equal(pthread_create(&thread, NULL, worker, &r), 0);
	assert_int_equal(pthread_join(thread, NULL), 0);

	/* the second thread did not see the first thread's error */
	assert_true(r.saw_no_error);
	assert_int_equal(r.own_code, ETSI_EUNSUPPORTED);
	assert_contains(r.own_message, "7.7.7");
	/* and its error did not overwrite the first thread's */
	e = etsi_error_last();
	assert_int_equal(e->code, ETSI_ENOTFOUND);
	assert_str(e->message, "main thread");
	assert_str(e->file, "main.xml");
	assert_int_equal(e->line, 5);
	etsi_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors__every_code_has_name_and_message),
		cmocka_unit_test(test_errors__names_are_unique),
		cmocka_unit_test(test_errors__ok_code),
		cmocka_unit_test(test_errors__unknown_codes),
		cmocka_unit_test(test_errors__initially_no_error),
		cmocka_unit_test(test_errors__last_is_never_null),
		cmocka_unit_test(test_errors__record_and_clear),
		cmocka_unit_test(test_errors__messages_are_one_line),
		cmocka_unit_test(test_errors__long_message_and_file_are_truncated),
		cmocka_unit_test(test_errors__thread_local),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
