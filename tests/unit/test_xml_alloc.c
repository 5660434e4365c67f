/* Allocation failure inside libxml2 and libxslt.
 *
 * test_alloc.c makes libetsi's own allocations fail; this program makes
 * the XML libraries' fail.  Before etsi_init() (and so before libxml2
 * allocates anything), main() installs counting allocators with
 * xmlMemSetup(); libxslt and EXSLT allocate through the same functions.
 * The library itself never calls xmlMemSetup(): that is the application's
 * business, and a test's.
 *
 * For each operation -- load (parse, schema validation, indexing),
 * validate, evaluate (check and plan, and the results writers), report
 * (HTML and CSV, on a small dossier) and save -- the test first counts the
 * libxml2 allocations the operation makes, then runs it again and again
 * with the allocations after the first N failing, for N over that range.
 * Each run must succeed completely, or fail with ETSI_ENOMEM and a
 * message, and leave nothing behind: run under LeakSanitizer (preset
 * asan) or valgrind (preset valgrind), any leak fails the suite.  When an
 * operation makes more allocations than MAX_RUNS, N walks with a stride
 * (every allocation for the first STRIDE_FROM, then evenly spaced); the
 * stride is printed.  Both the warm state (schemas, stylesheets and
 * catalogs compiled and cached) and, for load and report, the cold one
 * (the caches built under failure) are walked.
 *
 * It runs in the plain builds only; the asan and valgrind presets leave
 * it out.  libxml2 2.9.14 does not survive every allocation failure: it
 * crashes in some runs (counted and listed here as its crashes), and in
 * others drops blocks it allocated itself -- inside xmlSchemaParse() and
 * xmlSchemaValidateDoc(), under libetsi's call but never handed to it.
 * Under the sanitizers and valgrind those crashes and losses cannot be
 * told apart from libetsi's in the child, so the runs would fail on the
 * library underneath.  What libetsi itself allocates is walked under
 * ASan and valgrind by test_alloc.c. */
/* dladdr() */
#define _GNU_SOURCE 1

#include "helpers.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxslt/xsltutils.h>

#include <valgrind/valgrind.h>

#include "util.h"

#define SMALL "valid/minimal-v3.xml"
#define AS_OF "2026-06-01"
#define STRIDE_FROM (RUNNING_ON_VALGRIND ? 10 : 100)

/* ---- the counting allocator ------------------------------------------ */

static long budget = -1; /* allocations left before failing; -1: never */
static long made;        /* allocations since the last reset */

static int should_fail(void)
{
	made++;
	if (budget < 0)
		return 0;
	if (budget == 0)
		return 1;
	budget--;
	return 0;
}

/* Every block handed out is remembered, so that a free() of a pointer
 * the allocator never gave (libxml2 2.9.14 frees an uninitialised field
 * in xmlSchemaFreeValidCtxt() after some failed allocations) or gave and
 * took back is caught where it happens, and blamed on its caller -- not
 * on whichever later call of the C library's allocator trips over the
 * corrupted heap.  Open addressing; the table lives outside the counted
 * allocations. */
#define TOMBSTONE ((void *)1)
static void **live;
static size_t live_size, live_used; /* slots, slots not empty */

static size_t slot_of(const void *p)
{
	return ((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ull % live_size;
}

static void live_grow(void)
{
	void **old = live;
	size_t i, old_size = live_size;

	live_size = old_size ? old_size * 2 : 1u << 16;
	live = calloc(live_size, sizeof(*live));
	if (!live)
		abort();
	live_used = 0;
	for (i = 0; i < old_size; i++) {
		if (old[i] && old[i] != TOMBSTONE) {
			size_t j = slot_of(old[i]);

			while (live[j])
				j = (j + 1) % live_size;
			live[j] = old[i];
			live_used++;
		}
	}
	free(old);
}

static void live_add(void *p)
{
	size_t j;

	if (!p)
		return;
	if (2 * (live_used + 1) > live_size)
		live_grow();
	j = slot_of(p);
	while (live[j] && live[j] != TOMBSTONE)
		j = (j + 1) % live_size;
	if (!live[j])
		live_used++;
	live[j] = p;
}

enum { RUN_XML_CRASH_ = 3 }; /* RUN_XML_CRASH, below */
static int in_xml_library(void *pc);

/* Forgets @p; a pointer that is not live is a bad free() by @p caller. */
static void live_remove(void *p, void *caller)
{
	size_t j;

	if (!p)
		return;
	if (live_size) {
		for (j = slot_of(p); live[j]; j = (j + 1) % live_size) {
			if (live[j] == p) {
				live[j] = TOMBSTONE;
				return;
			}
		}
	}
	if (in_xml_library(caller))
		_exit(RUN_XML_CRASH_);
	fprintf(stderr, "free() of %p, which the allocator did not hand out or took back, "
	        "called from %p\n", p, caller);
	abort();
}

static void *counting_malloc(size_t size)
{
	void *p = should_fail() ? NULL : malloc(size);

	live_add(p);
	return p;
}

static void *counting_realloc(void *ptr, size_t size)
{
	void *p;

	if (should_fail())
		return NULL;
	live_remove(ptr, __builtin_return_address(0));
	p = realloc(ptr, size);
	live_add(p ? p : ptr);
	return p;
}

static char *counting_strdup(const char *s)
{
	char *p = should_fail() ? NULL : strdup(s);

	live_add(p);
	return p;
}

static void counting_free(void *ptr)
{
	live_remove(ptr, __builtin_return_address(0));
	free(ptr);
}

static void inject(long n)
{
	made = 0;
	budget = n;
}

static long stop_injection(void)
{
	budget = -1;
	return made;
}

static void ignore_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* ---- the walk -------------------------------------------------------- */

/* One operation under test: returns 0 or an etsi code, and writes what it
 * produced (a comparable text) to *out on success. */
typedef int (*operation)(char **out, void *arg);

static long max_runs(void)
{
	/* valgrind is some thirty times slower, and checks every child for
	 * leaks as it exits: fewer, wider-spaced runs */
	return RUNNING_ON_VALGRIND ? 40 : 400;
}

static void cold_caches(void)
{
	assert_int_equal(etsi_shutdown(), 0);
	assert_int_equal(etsi_init(), 1);
}

/* The operations run in child processes, where a cmocka assertion would
 * jump back into the test runner: they report a broken promise through
 * this flag instead, and the child exits RUN_WRONG. */
static int broken;

#define CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: %s does not hold\n", __FILE__, __LINE__, #cond); \
			broken = 1; \
		} \
	} while (0)

/* What one run in a child process came to (its exit status). */
enum {
	RUN_SUCCEEDED = 0,
	RUN_ENOMEM = 1,          /* failed cleanly with ETSI_ENOMEM */
	RUN_WRONG = 2,           /* another code, or a different output */
	RUN_XML_CRASH = RUN_XML_CRASH_ /* crashed inside libxml2 or libxslt */
	/* anything else: a crash elsewhere, or a leak reported at exit by
	 * LeakSanitizer (23) or valgrind (99) */
};

/* In a child: a crash is libxml2's or libxslt's when, walking the stack
 * from the fault outwards past the C library (free() noticing a double
 * free, abort()), the first frame is in one of them; 2.9.14 and 1.1.35 do
 * not survive every allocation failure (a class of bugs fixed upstream
 * in later releases, which nothing in libetsi can avoid).  When the first
 * frame is libetsi's (linked into this program) or the test's, the crash
 * is ours and fails the test. */
static int in_xml_library(void *pc)
{
	Dl_info where;

	return dladdr(pc, &where) && where.dli_fname &&
	       (strstr(where.dli_fname, "libxml2.so") || strstr(where.dli_fname, "libxslt.so") ||
	        strstr(where.dli_fname, "libexslt.so"));
}

/* The C library and the sanitizer runtimes report a bad free() of
 * someone else's; the frame that matters is below them. */
static int in_runtime(void *pc)
{
	Dl_info where;

	return dladdr(pc, &where) && where.dli_fname &&
	       (strstr(where.dli_fname, "libc.so") || strstr(where.dli_fname, "libasan.so") ||
	        strstr(where.dli_fname, "libubsan.so") || strstr(where.dli_fname, "libgcc_s.so"));
}

static void on_crash(int sig, siginfo_t *info, void *context)
{
	void *frames[64];
	int i, n;

	(void)info;
	(void)context;
	n = backtrace(frames, 64);
	/* frames[0] is this handler, frames[1] the signal trampoline */
	for (i = 2; i < n; i++) {
		if (in_runtime(frames[i]))
			continue;
		if (in_xml_library(frames[i]))
			_exit(RUN_XML_CRASH);
		break;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_crashes(void)
{
	struct sigaction sa;
	void *warm[1];

	backtrace(warm, 1); /* loads the unwinder before any crash */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

/* Runs the operation with @p n libxml2 allocations allowed in a child
 * process; returns its exit status (RUN_*), or 128 + a signal. */
static int run_child(long n, operation op, void *arg, int cold, const char *reference,
                     const char *what)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	/* for debugging one run: ETSI_XML_ALLOC_DEBUG=N runs the operation
	 * with N allocations allowed in this process, under a debugger */
	if (getenv("ETSI_XML_ALLOC_DEBUG") && atol(getenv("ETSI_XML_ALLOC_DEBUG")) == n) {
		char *out = NULL;
		int rc;

		inject(n);
		rc = op(&out, arg);
		stop_injection();
		fprintf(stderr, "debug run %ld: %d\n", n, rc);
		free(out);
	}
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char *out = NULL;
		int rc, result;

		catch_crashes();
		if (cold)
			cold_caches();
		inject(n);
		rc = op(&out, arg);
		stop_injection();
		if (rc == 0) {
			result = out && strcmp(out, reference) == 0 ? RUN_SUCCEEDED : RUN_WRONG;
			if (result == RUN_WRONG)
				fprintf(stderr, "%s with %ld allocations allowed: succeeded with different "
				        "output\n", what, n);
		} else if (rc == ETSI_ENOMEM && etsi_error_last()->code == ETSI_ENOMEM) {
			result = RUN_ENOMEM;
		} else {
			fprintf(stderr, "%s with %ld libxml2 allocations allowed: %d %s (%s) instead "
			        "of ETSI_ENOMEM\n", what, n, rc, etsi_error_name(rc),
			        etsi_error_last()->message);
			result = RUN_WRONG;
		}
		if (broken)
			result = RUN_WRONG;
		free(out);
		/* exit(), not _exit(): LeakSanitizer and valgrind check the
		 * child for leaks as it exits */
		exit(result);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static void walk(const char *what, operation op, void *arg, int cold)
{
	char *reference = NULL;
	char crashes[512] = "";
	long total, n, stride, limit, runs = 0, failures = 0, xml_crashes = 0;
	/* ETSI_XML_ALLOC_N=N: only the run with N allocations allowed, to
	 * look at one failure under a debugger or valgrind */
	long only = getenv("ETSI_XML_ALLOC_N") ? atol(getenv("ETSI_XML_ALLOC_N")) : -1;
	int rc;

	/* how many allocations the operation makes, and what it gives */
	if (cold)
		cold_caches();
	inject(-1);
	rc = op(&reference, arg);
	total = stop_injection();
	assert_int_equal(rc, 0);
	assert_true(total > 0);
	/* a cold run compiles every schema and stylesheet again: fewer */
	limit = cold ? max_runs() / 3 : max_runs();
	stride = total > limit ? (total - STRIDE_FROM) / (limit - STRIDE_FROM) + 1 : 1;
	for (n = only >= 0 ? only : 0; n <= total; n += n < STRIDE_FROM ? 1 : stride) {
		int result = run_child(n, op, arg, cold, reference, what);

		runs++;
		switch (result) {
		case RUN_SUCCEEDED:
			break;
		case RUN_ENOMEM:
			failures++;
			break;
		case RUN_XML_CRASH:
			xml_crashes++;
			snprintf(crashes + strlen(crashes), sizeof(crashes) - strlen(crashes), " %ld",
			         n);
			break;
		case RUN_WRONG:
			fail_msg("%s: a wrong result with %ld of %ld allocations allowed (above)",
			         what, n, total);
			break;
		default:
			fail_msg("%s with %ld of %ld libxml2 allocations allowed: the child %s %d "
			         "(a crash outside libxml2, or a leak)", what, n, total,
			         result > 128 ? "died of signal" : "exited with", result > 128 ?
			         result - 128 : result);
		}
	}
	print_message("%-26s %6ld libxml2 allocations, %4ld runs (stride %ld after %d): "
	              "%ld ETSI_ENOMEM, %ld crashes inside libxml2/libxslt%s%s\n", what, total,
	              runs, stride, STRIDE_FROM, failures, xml_crashes,
	              xml_crashes ? " at N =" : "", crashes);
	assert_true(failures > 0 || only >= 0);
	free(reference);
}

/* ---- operations ------------------------------------------------------ */


static char *dup_or_fail(char *etsi_text)
{
	char *copy = strdup(etsi_text ? etsi_text : "");

	etsi_free(etsi_text);
	CHECK(copy);
	return copy;
}

static int op_load(char **out, void *arg)
{
	etsi_dossier *d = NULL;
	char *text = NULL;
	int rc = etsi_dossier_load(&d, arg, NULL);

	if (rc == 0) {
		/* libetsi's own allocations never fail here: a failure to
		 * write is a libxml2 one */
		rc = etsi_dossier_write(&text, NULL, d);
		if (rc == 0)
			*out = dup_or_fail(text);
	} else {
		CHECK(!d);
	}
	etsi_dossier_free(d);
	return rc;
}

static int op_validate(char **out, void *arg)
{
	etsi_diagnostics *diags = NULL;
	int rc = etsi_dossier_validate(&diags, arg);

	if (rc == 0) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%zu", etsi_diagnostics_count(diags));
		*out = strdup(buf);
	} else {
		CHECK(!diags);
	}
	etsi_diagnostics_free(diags);
	return rc;
}

static int op_evaluate(char **out, void *arg)
{
	static const char *const parts[][2] = {
		{ "findings", "json" }, { "plan", "xml" }, { "plan", "csv" },
		{ "outcomes", "text" }, { "gate", "json" }, { "all", "xml" },
	};
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_results *results = NULL;
	etsi__buf all = ETSI__BUF_INIT;
	size_t i;
	int rc;

	opts.as_of = AS_OF;
	rc = etsi_dossier_evaluate(&results, arg, &opts);
	if (rc != 0)
		CHECK(!results);
	for (i = 0; rc == 0 && i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *text = NULL;

		rc = etsi_results_write(&text, NULL, results, parts[i][0], parts[i][1]);
		if (rc == 0) {
			etsi__buf_puts(&all, text);
			etsi_free(text);
		} else {
			CHECK(!text);
		}
	}
	etsi_results_free(results);
	if (rc == 0)
		*out = strdup(all.ptr);
	etsi__buf_dispose(&all);
	return rc;
}

/* An invalid dossier is evaluated all the same: ETSI_EVALIDATION with
 * results is its success. */
static int op_evaluate_invalid(char **out, void *arg)
{
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_results *results = NULL;
	char *text = NULL;
	int rc;

	opts.as_of = AS_OF;
	rc = etsi_dossier_evaluate(&results, arg, &opts);
	if (rc == ETSI_EVALIDATION) {
		CHECK(results);
		rc = etsi_results_write(&text, NULL, results, "all", "xml");
		if (rc == 0) {
			*out = strdup(text);
			etsi_free(text);
		}
	} else {
		CHECK(rc != 0 && !results);
	}
	etsi_results_free(results);
	return rc;
}

static int op_report(char **out, void *arg)
{
	static const char *const formats[] = { "html", "ics-csv" };
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	etsi__buf all = ETSI__BUF_INIT;
	size_t i;
	int rc = 0;

	opts.date = AS_OF;
	for (i = 0; rc == 0 && i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *text = NULL;

		opts.format = formats[i];
		rc = etsi_dossier_report(&text, NULL, arg, &opts);
		if (rc == 0) {
			etsi__buf_puts(&all, text);
			etsi_free(text);
		} else {
			CHECK(!text);
		}
	}
	if (rc == 0)
		*out = strdup(all.ptr);
	etsi__buf_dispose(&all);
	return rc;
}

struct save_arg {
	etsi_dossier *dossier;
	const char *dir;
	char path[4096];
	int runs;
	const char *original;
};

static int op_save(char **out, void *arg)
{
	struct save_arg *s = arg;
	int rc;

	/* a file of its own each run: the dossier remembers the file it last
	 * saved, and a save over that file after someone else rewrote it is
	 * refused as a conflict (ETSI_ECONFLICT), which is not what is tested */
	if (s->path[0])
		unlink(s->path);
	snprintf(s->path, sizeof(s->path), "%s/dossier-%d.xml", s->dir, ++s->runs);
	test_write_file(s->path, s->original, strlen(s->original));
	rc = etsi_dossier_save(s->dossier, s->path);
	if (rc == 0) {
		*out = test_read_file(s->path, NULL);
	} else {
		/* a failed save leaves the original and nothing else */
		char *now = test_read_file(s->path, NULL);

		CHECK(strcmp(now, s->original) == 0);
		CHECK(test_dir_count(s->dir) == 1);
		free(now);
	}
	return rc;
}

/* ---- tests ----------------------------------------------------------- */

static void test_xml_alloc__load_warm(void **state)
{
	char *path = strdup(test_data_path(SMALL));

	(void)state;
	walk("load + validate (warm)", op_load, path, 0);
	free(path);
}

static void test_xml_alloc__load_cold(void **state)
{
	char *path = strdup(test_data_path(SMALL));

	(void)state;
	walk("load + validate (cold)", op_load, path, 1);
	free(path);
}

static etsi_dossier *load_small(void)
{
	etsi_dossier *d = NULL;

	assert_int_equal(etsi_dossier_load(&d, test_data_path(SMALL), NULL), 0);
	return d;
}

static void test_xml_alloc__validate(void **state)
{
	etsi_dossier *d = load_small();

	(void)state;
	walk("validate", op_validate, d, 0);
	etsi_dossier_free(d);
}

static void test_xml_alloc__evaluate(void **state)
{
	etsi_dossier *d = load_small();

	(void)state;
	walk("evaluate (check, plan)", op_evaluate, d, 0);
	etsi_dossier_free(d);
}

static void test_xml_alloc__evaluate_invalid(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;

	(void)state;
	opts.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load(&d, test_data_path("invalid/several-problems.xml"),
	                                   &opts), 0);
	walk("evaluate an invalid dossier", op_evaluate_invalid, d, 0);
	etsi_dossier_free(d);
}

static void test_xml_alloc__report_warm(void **state)
{
	etsi_dossier *d = load_small();
	char *out = NULL;

	(void)state;
	/* compile and cache the stylesheets first */
	assert_int_equal(op_report(&out, d), 0);
	free(out);
	walk("report html + csv (warm)", op_report, d, 0);
	etsi_dossier_free(d);
}

static void test_xml_alloc__report_cold(void **state)
{
	etsi_dossier *d = load_small();

	(void)state;
	walk("report html + csv (cold)", op_report, d, 1);
	etsi_dossier_free(d);
}

static void test_xml_alloc__save(void **state)
{
	struct save_arg s;
	char *dir = test_mkdtemp();
	char *original = test_read_file(test_data_path(SMALL), NULL);

	(void)state;
	memset(&s, 0, sizeof(s));
	s.dossier = load_small();
	s.dir = dir;
	s.original = original;
	assert_int_equal(etsi_record_set(etsi_dossier_find(s.dossier, ETSI_KIND_DUT, NULL),
	                                 "manufacturer", "Saved under memory pressure"),
	                 0);
	walk("save", op_save, &s, 0);
	etsi_dossier_free(s.dossier);
	test_rmtree(dir);
	free(dir);
	free(original);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml_alloc__load_warm),
		cmocka_unit_test(test_xml_alloc__load_cold),
		cmocka_unit_test(test_xml_alloc__validate),
		cmocka_unit_test(test_xml_alloc__evaluate),
		cmocka_unit_test(test_xml_alloc__evaluate_invalid),
		cmocka_unit_test(test_xml_alloc__report_warm),
		cmocka_unit_test(test_xml_alloc__report_cold),
		cmocka_unit_test(test_xml_alloc__save),
	};

	/* libxml2 reports running out of memory on its generic error channel
	 * (stderr), whatever per-context handlers say: thousands of lines
	 * here.  Silencing it is the application's business, as installing
	 * the allocator is. */
	xmlSetGenericErrorFunc(NULL, ignore_generic_error);
	xsltSetGenericErrorFunc(NULL, ignore_generic_error);
	/* before anything allocates through libxml2 */
	if (xmlMemSetup(counting_free, counting_malloc, counting_realloc, counting_strdup) != 0) {
		fprintf(stderr, "xmlMemSetup failed\n");
		return 1;
	}
	/* ETSI_XML_ALLOC_TEST=PATTERN: only the tests whose names match
	 * (cmocka's wildcards), e.g. "*save" to look at one walk */
	if (getenv("ETSI_XML_ALLOC_TEST"))
		cmocka_set_test_filter(getenv("ETSI_XML_ALLOC_TEST"));
	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
