/* Pay only for what a call uses (global.c): loading, validating, checking,
 * evaluating, digesting and assembling a report's input leave libxslt and
 * libxmlsec1 uninitialized; the first rendered report initializes libxslt
 * alone, the first signature libxmlsec1 and OpenSSL alone.
 *
 * The order of the tests matters: each runs in this one process after the
 * previous ones.  The last starts several threads at once on a process
 * where neither library is initialized yet, every thread rendering,
 * signing and verifying, so the lazy initializations race; under
 * ThreadSanitizer (the tsan build of CI) that run shows they do not. */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "global.h"

#define CAMERA "smart-camera-v3.xml"
#define NTHREADS 4

static char *dir, *key, *cert, *camera;
static size_t key_len, cert_len;

static int setup(void **state)
{
	char command[1024], *path;

	test_init(state);
	camera = strdup(test_source_path("examples/dossiers/" CAMERA));
	dir = test_mkdtemp();
	snprintf(command, sizeof(command),
	         "cd '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
	         "-keyout ec.key -out ec.crt -days 2 -subj /CN=ec-signer >/dev/null 2>&1", dir);
	if (system(command) != 0)
		return -1;
	path = test_path_join(dir, "ec.key");
	key = test_read_file(path, &key_len);
	free(path);
	path = test_path_join(dir, "ec.crt");
	cert = test_read_file(path, &cert_len);
	free(path);
	return key && cert ? 0 : -1;
}

static int teardown(void **state)
{
	free(camera);
	free(key);
	free(cert);
	test_rmtree(dir);
	free(dir);
	return test_shutdown(state);
}

static void test_global__check_initializes_neither(void **state)
{
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	etsi_report_options input = ETSI_REPORT_OPTIONS_INIT;
	etsi_load_options lax = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = test_load_example(CAMERA, NULL), *unvalidated = NULL;
	etsi_diagnostics *findings = NULL, *valid = NULL;
	etsi_results *results = NULL;
	char *text = NULL;

	(void)state;
	assert_false(etsi__global_initialized(ETSI__INIT_XSLT));
	assert_false(etsi__global_initialized(ETSI__INIT_CRYPTO));
	check.as_of = "2026-06-01";
	lax.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load(&unvalidated, camera, &lax), 0);
	assert_int_equal(etsi_dossier_validate(&valid, d), 0);
	etsi_dossier_check(&findings, unvalidated, &check);
	assert_non_null(findings);
	assert_int_equal(etsi_dossier_evaluate(&results, d, &check), 0);
	assert_int_equal(etsi_dossier_digest(&text, d), 0);
	etsi_free(text);
	text = NULL;
	/* the stylesheets' input is assembled without libxslt */
	input.format = "input";
	input.date = "2026-06-01";
	assert_int_equal(etsi_dossier_report(&text, NULL, d, &input), 0);
	assert_contains(text, "<report");
	assert_false(etsi__global_initialized(ETSI__INIT_XSLT));
	assert_false(etsi__global_initialized(ETSI__INIT_CRYPTO));
	etsi_free(text);
	etsi_results_free(results);
	etsi_diagnostics_free(findings);
	etsi_diagnostics_free(valid);
	etsi_dossier_free(unvalidated);
	etsi_dossier_free(d);
}

struct worker {
	pthread_t thread;
	char failure[512];
};

static pthread_barrier_t start_line;

static void *run_worker(void *arg)
{
	struct worker *w = arg;
	etsi_report_options html = ETSI_REPORT_OPTIONS_INIT;
	etsi_sign_options sign = ETSI_SIGN_OPTIONS_INIT;
	etsi_verify_options verify = ETSI_VERIFY_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	char *text = NULL, *info = NULL, *xml = NULL;
	size_t len = 0;

	if (etsi_dossier_load(&d, camera, NULL) < 0) {
		snprintf(w->failure, sizeof(w->failure), "load: %s", etsi_error_last()->message);
		pthread_barrier_wait(&start_line);
		return NULL;
	}
	pthread_barrier_wait(&start_line);
	html.date = "2026-06-01";
	sign.key = key;
	sign.key_len = key_len;
	sign.cert = cert;
	sign.cert_len = cert_len;
	verify.cert = cert;
	verify.cert_len = cert_len;
	if (etsi_dossier_report(&text, NULL, d, &html) < 0 || !strstr(text, "<html"))
		snprintf(w->failure, sizeof(w->failure), "report: %s", etsi_error_last()->message);
	else if (etsi_dossier_sign(d, &sign) < 0 || etsi_dossier_write(&xml, &len, d) < 0)
		snprintf(w->failure, sizeof(w->failure), "sign: %s", etsi_error_last()->message);
	else if (etsi_signature_verify(&info, xml, len, "signed.xml", &verify) < 0)
		snprintf(w->failure, sizeof(w->failure), "verify: %s", etsi_error_last()->message);
	etsi_free(info);
	etsi_free(xml);
	etsi_free(text);
	etsi_dossier_free(d);
	return NULL;
}

static void test_global__threads_race_to_initialize(void **state)
{
	struct worker workers[NTHREADS];
	size_t t;

	(void)state;
	assert_false(etsi__global_initialized(ETSI__INIT_XSLT));
	assert_false(etsi__global_initialized(ETSI__INIT_CRYPTO));
	memset(workers, 0, sizeof(workers));
	assert_int_equal(pthread_barrier_init(&start_line, NULL, NTHREADS), 0);
	for (t = 0; t < NTHREADS; t++)
		assert_int_equal(pthread_create(&workers[t].thread, NULL, run_worker, &workers[t]), 0);
	for (t = 0; t < NTHREADS; t++)
		assert_int_equal(pthread_join(workers[t].thread, NULL), 0);
	pthread_barrier_destroy(&start_line);
	for (t = 0; t < NTHREADS; t++) {
		if (workers[t].failure[0])
			fail_msg("thread %zu: %s", t, workers[t].failure);
	}
	assert_true(etsi__global_initialized(ETSI__INIT_XSLT | ETSI__INIT_CRYPTO));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_global__check_initializes_neither),
		cmocka_unit_test(test_global__threads_race_to_initialize),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
