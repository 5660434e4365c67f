/* Threads: several threads working on separate dossiers at once -- load,
 * validate, check and plan (evaluate), the results writers, the HTML and
 * CSV reports -- give exactly what one thread gives, byte for byte.
 *
 * The work starts with the library's caches empty (compiled schemas,
 * opened catalogs, compiled stylesheets), so the threads also race to
 * build them, and every thread counts its own etsi_init()/etsi_shutdown().
 * Run under ThreadSanitizer (preset "tsan") it also shows that libetsi's
 * own code has no data race; libxml2 and libxslt are not instrumented
 * there, and test_threads.tsan.supp lists, one by one, what is suppressed
 * inside them and why.  Under valgrind and the sanitizers the work is
 * smaller. */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/valgrind.h>

#include "util.h"

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif
#ifndef UNDER_SANITIZER
#define UNDER_SANITIZER 0
#endif

#define AS_OF "2026-06-01"

static const char *const inputs[] = {
	"examples/dossiers/smart-camera-v3.xml",
	"examples/dossiers/constrained-sensor-v2.xml",
	"examples/dossiers/smart-plug-usb-v3.xml",
	"tests/data/valid/minimal-v3.xml",
	"tests/data/rules/ics-na-contradicts-facts/fail.xml",
	"tests/data/rules/evidence-missing/fail.xml",
	"tests/data/rules/verdict-not-planned/fail.xml",
	"tests/data/rules/schema/fail.xml",
};

#define NINPUTS (sizeof(inputs) / sizeof(inputs[0]))

static char *paths[NINPUTS];
static char *expected[NINPUTS];

/* Everything one dossier gives, as one text; NULL on an unexpected error
 * (with the reason in *why). */
static char *work(const char *path, char *why, size_t why_size)
{
	static const char *const parts[][2] = {
		{ "findings", "text" }, { "findings", "json" }, { "plan", "csv" },
		{ "plan", "xml" },      { "outcomes", "text" }, { "gate", "json" },
		{ "all", "xml" },
	};
	static const char *const formats[] = { "html", "ics-csv", "evidence-csv", "md" };
	etsi_load_options lax = ETSI_LOAD_OPTIONS_INIT;
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	etsi_dossier *d = NULL, *strict = NULL;
	etsi_results *results = NULL;
	etsi__buf out = ETSI__BUF_INIT;
	size_t i;
	int rc;

	/* the validating load: its code and message */
	rc = etsi_dossier_load(&strict, path, NULL);
	etsi__buf_printf(&out, "load: %d %s\n", rc, rc ? etsi_error_last()->message : "");
	/* the `etsi check` path */
	lax.flags = ETSI_LOAD_NO_VALIDATE;
	if ((rc = etsi_dossier_load(&d, path, &lax)) < 0) {
		snprintf(why, why_size, "%s: load: %s", path, etsi_error_last()->message);
		goto fail;
	}
	check.as_of = AS_OF;
	rc = etsi_dossier_evaluate(&results, d, &check);
	if (rc < 0 && rc != ETSI_EVALIDATION) {
		snprintf(why, why_size, "%s: evaluate: %s", path, etsi_error_last()->message);
		goto fail;
	}
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *text = NULL;

		if (etsi_results_write(&text, NULL, results, parts[i][0], parts[i][1]) < 0) {
			snprintf(why, why_size, "%s: %s %s: %s", path, parts[i][0], parts[i][1],
			         etsi_error_last()->message);
			goto fail;
		}
		etsi__buf_printf(&out, "== %s %s\n%s\n", parts[i][0], parts[i][1], text);
		etsi_free(text);
	}
	for (i = 0; strict && i < sizeof(formats) / sizeof(formats[0]); i++) {
		etsi_report_options report = ETSI_REPORT_OPTIONS_INIT;
		char *text = NULL;

		report.format = formats[i];
		report.date = AS_OF;
		rc = etsi_dossier_report(&text, NULL, strict, &report);
		etsi__buf_printf(&out, "== report %s: %d\n%s\n", formats[i], rc, rc ? "" : text);
		etsi_free(text);
	}
	etsi_results_free(results);
	etsi_dossier_free(d);
	etsi_dossier_free(strict);
	if (out.failed) {
		snprintf(why, why_size, "out of memory");
		etsi__buf_dispose(&out);
		return NULL;
	}
	return etsi__buf_detach(&out);
fail:
	etsi_results_free(results);
	etsi_dossier_free(d);
	etsi_dossier_free(strict);
	etsi__buf_dispose(&out);
	return NULL;
}

struct worker {
	pthread_t thread;
	unsigned int index;
	unsigned int rounds;
	size_t done;
	char failure[1024];
};

static pthread_barrier_t start_line;

static void *run_worker(void *arg)
{
	struct worker *w = arg;
	unsigned int round;

	if (etsi_init() < 0) {
		snprintf(w->failure, sizeof(w->failure), "etsi_init failed");
		pthread_barrier_wait(&start_line);
		return NULL;
	}
	/* everyone starts at once, on empty caches */
	pthread_barrier_wait(&start_line);
	for (round = 0; round < w->rounds && !w->failure[0]; round++) {
		size_t k;

		for (k = 0; k < NINPUTS && !w->failure[0]; k++) {
			/* each thread takes the inputs in its own order */
			size_t i = (k * 3 + w->index + round) % NINPUTS;
			char *got = work(paths[i], w->failure, sizeof(w->failure));

			if (!got)
				break;
			if (strcmp(got, expected[i]) != 0)
				snprintf(w->failure, sizeof(w->failure),
				         "thread %u, round %u: %s gave other bytes than on one thread",
				         w->index, round, inputs[i]);
			etsi_free(got);
			w->done++;
		}
	}
	etsi_shutdown();
	return NULL;
}

static void run_threads(unsigned int nthreads, unsigned int rounds)
{
	struct worker *workers = calloc(nthreads, sizeof(*workers));
	size_t done = 0;
	unsigned int t;

	assert_non_null(workers);
	/* empty caches: the threads build them together */
	assert_int_equal(etsi_shutdown(), 0);
	assert_int_equal(pthread_barrier_init(&start_line, NULL, nthreads), 0);
	for (t = 0; t < nthreads; t++) {
		workers[t].index = t;
		workers[t].rounds = rounds;
		assert_int_equal(pthread_create(&workers[t].thread, NULL, run_worker, &workers[t]), 0);
	}
	for (t = 0; t < nthreads; t++)
		assert_int_equal(pthread_join(workers[t].thread, NULL), 0);
	pthread_barrier_destroy(&start_line);
	assert_int_equal(etsi_init(), 1);
	for (t = 0; t < nthreads; t++) {
		if (workers[t].failure[0])
			fail_msg("%s", workers[t].failure);
		done += workers[t].done;
	}
	print_message("%u threads x %u rounds: %zu dossiers, each the same as on one thread\n",
	              nthreads, rounds, done);
	assert_int_equal(done, (size_t)nthreads * rounds * NINPUTS);
	free(workers);
}

static int setup(void **state)
{
	char why[1024] = "";
	size_t i;

	test_init(state);
	/* the reference: one thread, every input once */
	for (i = 0; i < NINPUTS; i++) {
		paths[i] = strdup(test_source_path(inputs[i]));
		expected[i] = work(paths[i], why, sizeof(why));
		if (!expected[i]) {
			fprintf(stderr, "reference run: %s\n", why);
			return -1;
		}
	}
	return 0;
}

static int teardown(void **state)
{
	size_t i;

	for (i = 0; i < NINPUTS; i++) {
		free(paths[i]);
		etsi_free(expected[i]);
	}
	return test_shutdown(state);
}

static void test_threads__two_threads(void **state)
{
	(void)state;
	run_threads(2, RUNNING_ON_VALGRIND || UNDER_SANITIZER ? 1 : 3);
}

static void test_threads__four_threads(void **state)
{
	(void)state;
	run_threads(4, RUNNING_ON_VALGRIND || UNDER_SANITIZER ? 1 : 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads__two_threads),
		cmocka_unit_test(test_threads__four_threads),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
