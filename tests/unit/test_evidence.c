/* Unit tests of artifact digests (evidence.c): recording and verifying
 * SHA-256 and size; tampering; references that escape the root (absolute,
 * '..', symbolic links to files and through directories); missing and
 * unreadable files; URLs; the progress callback and stopping it; options
 * and arguments; allocation failures.  Every test works in its own
 * temporary directory. */
#include "helpers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "util.h"

/* SHA-256 of "hello\n" and of nothing */
#define HELLO_SHA "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
#define EMPTY_SHA "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

typedef struct fixture {
	char *root;      /* the evidence package */
	char *outside;   /* a directory beside it, with a file "secret.txt" */
	char *base;      /* holds both */
} fixture;

static fixture fx;

static void put(const char *relative, const char *text)
{
	char *path = test_path_join(fx.root, relative);

	test_write_file(path, text, strlen(text));
	free(path);
}

static void mkdir_in_root(const char *relative)
{
	char *path = test_path_join(fx.root, relative);

	assert_int_equal(mkdir(path, 0755), 0);
	free(path);
}

static void link_in_root(const char *target, const char *relative)
{
	char *path = test_path_join(fx.root, relative);

	assert_int_equal(symlink(target, path), 0);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	fx.base = test_mkdtemp();
	fx.root = test_path_join(fx.base, "package");
	fx.outside = test_path_join(fx.base, "outside");
	assert_int_equal(mkdir(fx.root, 0755), 0);
	assert_int_equal(mkdir(fx.outside, 0755), 0);
	{
		char *secret = test_path_join(fx.outside, "secret.txt");

		test_write_file(secret, "hello\n", 6);
		free(secret);
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	test_rmtree(fx.base);
	free(fx.base);
	free(fx.root);
	free(fx.outside);
	memset(&fx, 0, sizeof(fx));
	return 0;
}

/* A valid dossier whose one evidence item holds the given artifacts. */
static etsi_dossier *dossier_with(const char *artifacts)
{
	char *text = test_read_file(test_data_path("valid/minimal-v3.xml"), NULL), *out;
	etsi__buf evidence = ETSI__BUF_INIT;
	etsi_dossier *d = NULL;
	int rc;

	etsi__buf_printf(&evidence,
	                 "</ics>\n<evidence-map><evidence id=\"ev-1\" provision=\"5.3-9\" "
	                 "kind=\"functional\" category=\"test-report\" owner=\"psirt\" "
	                 "review=\"accepted\" release=\"1.0.0\"><claim>Tested.</claim>\n%s"
	                 "</evidence></evidence-map>", artifacts);
	out = test_replace(text, "</ics>", evidence.ptr);
	rc = etsi_dossier_load_memory(&d, out, strlen(out), "ev.xml", NULL);
	if (rc != 0)
		fail_msg("the test dossier does not load: %s", etsi_error_last()->message);
	etsi__buf_dispose(&evidence);
	free(text);
	free(out);
	return d;
}

/* <artifact id="ID" ref="REF" .../> with an optional digest and size. */
static char *artifact(const char *id, const char *ref, const char *sha, const char *size)
{
	etsi__buf out = ETSI__BUF_INIT;

	etsi__buf_printf(&out, "<artifact id=\"%s\" ref=\"%s\" media-type=\"text/plain\"", id, ref);
	if (sha)
		etsi__buf_printf(&out, " sha256=\"%s\"", sha);
	if (size)
		etsi__buf_printf(&out, " size=\"%s\"", size);
	etsi__buf_puts(&out, " visibility=\"private\"/>\n");
	return etsi__buf_detach(&out);
}

static etsi_dossier *one_artifact(const char *ref, const char *sha, const char *size)
{
	char *a = artifact("art-1", ref, sha, size);
	etsi_dossier *d = dossier_with(a);

	free(a);
	return d;
}

static etsi_evidence_options options(unsigned int flags)
{
	etsi_evidence_options opts = ETSI_EVIDENCE_OPTIONS_INIT;

	opts.root = fx.root;
	opts.flags = flags;
	return opts;
}

/* The diagnostic of an artifact, failing the test when there is none. */
static const etsi_diagnostic *of(const etsi_diagnostics *report, const char *id)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(report); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);

		if (d->element && strcmp(d->element, id) == 0)
			return d;
	}
	fail_msg("no diagnostic for artifact '%s'", id);
	return NULL;
}

/* Verifies a dossier of one artifact and checks its one status. */
static void expect_verify(etsi_dossier *d, const char *rule, const char *message_part)
{
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;
	int rc = etsi_evidence_verify(&report, d, &opts);
	const etsi_diagnostic *g;

	assert_non_null(report);
	assert_int_equal(etsi_diagnostics_count(report), 1);
	g = etsi_diagnostics_at(report, 0);
	if (strcmp(g->rule, rule) != 0)
		fail_msg("expected %s, got %s: %s", rule, g->rule, g->message);
	if (message_part)
		assert_contains(g->message, message_part);
	assert_str(g->element, "art-1");
	assert_str(g->reference, "5.3-9");
	assert_str(g->file, "ev.xml");
	assert_true(g->line > 0);
	if (g->severity == ETSI_SEVERITY_ERROR) {
		assert_int_equal(rc, ETSI_EINTEGRITY);
		assert_int_equal(etsi_error_last()->code, ETSI_EINTEGRITY);
		assert_non_null(g->hint);
	} else {
		assert_int_equal(rc, 0);
	}
	etsi_diagnostics_free(report);
}

/* ---- options and arguments ------------------------------------------- */

static void test_evidence__options(void **state)
{
	etsi_evidence_options opts;

	(void)state;
	memset(&opts, 0x5a, sizeof(opts));
	assert_int_equal(etsi_evidence_options_init(&opts, ETSI_EVIDENCE_OPTIONS_VERSION), 0);
	assert_int_equal(opts.version, ETSI_EVIDENCE_OPTIONS_VERSION);
	assert_null(opts.root);
	assert_int_equal(opts.flags, 0);
	assert_null(opts.progress);
	assert_null(opts.payload);
	assert_etsi_error(etsi_evidence_options_init(&opts, 99), ETSI_EINVALID);
	assert_etsi_error(etsi_evidence_options_init(NULL, ETSI_EVIDENCE_OPTIONS_VERSION),
	                  ETSI_EINVALID);
}

static void test_evidence__bad_arguments(void **state)
{
	etsi_dossier *d = one_artifact("a.txt", NULL, NULL);
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = (etsi_diagnostics *)&opts; /* garbage: must be reset */
	char *file;

	(void)state;
	assert_etsi_error(etsi_evidence_verify(NULL, d, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_evidence_verify(&report, NULL, &opts), ETSI_EINVALID);
	assert_null(report);
	assert_etsi_error(etsi_evidence_hash(&report, d, NULL), ETSI_EINVALID);
	opts.version = 7;
	assert_etsi_error(etsi_evidence_hash(&report, d, &opts), ETSI_EINVALID);
	opts = options(0);
	opts.root = NULL;
	assert_etsi_error(etsi_evidence_hash(&report, d, &opts), ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "root");
	opts.root = "";
	assert_etsi_error(etsi_evidence_verify(&report, d, &opts), ETSI_EINVALID);
	opts = options(0x80);
	assert_etsi_error(etsi_evidence_hash(&report, d, &opts), ETSI_EINVALID);
	/* a root that is not a directory */
	opts = options(0);
	file = test_path_join(fx.root, "plain.txt");
	test_write_file(file, "x", 1);
	opts.root = file;
	assert_etsi_error(etsi_evidence_verify(&report, d, &opts), ETSI_EIO);
	assert_str(etsi_error_last()->file, file);
	opts.root = "/nonexistent/etsi/root";
	assert_etsi_error(etsi_evidence_hash(&report, d, &opts), ETSI_EIO);
	assert_null(report);
	free(file);
	etsi_dossier_free(d);
}

/* ---- recording and verifying ------------------------------------------ */

static void test_evidence__hash_then_verify(void **state)
{
	char *a = artifact("art-a", "a.txt", NULL, NULL), *b = artifact("art-b", "sub/b.txt", NULL,
	                                                                   NULL);
	char *e = artifact("art-empty", "./sub//empty.txt", NULL, NULL);
	char *u = artifact("art-url", "https://support.example/page", NULL, NULL);
	char all[4096];
	etsi_dossier *d;
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;
	etsi_record *rec;

	(void)state;
	put("a.txt", "hello\n");
	mkdir_in_root("sub");
	put("sub/b.txt", "hello\n");
	put("sub/empty.txt", "");
	snprintf(all, sizeof(all), "%s%s%s%s", a, b, e, u);
	d = dossier_with(all);
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	assert_int_equal(etsi_diagnostics_count(report), 4);
	assert_str(of(report, "art-a")->rule, "artifact-hashed");
	assert_int_equal(of(report, "art-a")->severity, ETSI_SEVERITY_INFO);
	assert_contains(of(report, "art-a")->message, HELLO_SHA);
	assert_str(of(report, "art-b")->rule, "artifact-hashed");
	assert_str(of(report, "art-empty")->rule, "artifact-hashed");
	assert_str(of(report, "art-url")->rule, "artifact-external");
	rec = etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-a");
	assert_str(etsi_record_get(rec, "sha256"), HELLO_SHA);
	assert_str(etsi_record_get(rec, "size"), "6");
	rec = etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-empty");
	assert_str(etsi_record_get(rec, "sha256"), EMPTY_SHA);
	assert_str(etsi_record_get(rec, "size"), "0");
	assert_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-url"), "sha256"));
	etsi_diagnostics_free(report);
	/* the recorded dossier is still valid, and verifies */
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	assert_int_equal(etsi_evidence_verify(&report, d, &opts), 0);
	assert_str(of(report, "art-a")->rule, "artifact-ok");
	assert_str(of(report, "art-b")->rule, "artifact-ok");
	assert_str(of(report, "art-empty")->rule, "artifact-ok");
	assert_str(of(report, "art-url")->rule, "artifact-external");
	etsi_diagnostics_free(report);
	/* hashing again changes nothing */
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	assert_str(of(report, "art-a")->rule, "artifact-ok");
	etsi_diagnostics_free(report);
	free(a);
	free(b);
	free(e);
	free(u);
	etsi_dossier_free(d);
}

static void test_evidence__size_filled_in(void **state)
{
	etsi_dossier *d = one_artifact("a.txt", HELLO_SHA, NULL);
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;

	(void)state;
	put("a.txt", "hello\n");
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	assert_str(of(report, "art-1")->rule, "artifact-hashed");
	assert_contains(of(report, "art-1")->message, "recorded its size");
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-1"), "size"), "6");
	etsi_diagnostics_free(report);
	etsi_dossier_free(d);
}

static void test_evidence__tampering(void **state)
{
	etsi_dossier *d = one_artifact("a.txt", HELLO_SHA, "6");
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;
	etsi_record *rec = etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-1");

	(void)state;
	put("a.txt", "hello\n");
	expect_verify(d, "artifact-ok", "matches");
	/* one byte flipped, same size: only the digest shows it */
	put("a.txt", "hellp\n");
	expect_verify(d, "artifact-changed", "the dossier records " HELLO_SHA);
	assert_contains(etsi_error_last()->message, "1 of 1 artifacts does not match its record");
	/* hash keeps the recorded digest of a changed file ... */
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), ETSI_EINTEGRITY);
	assert_str(of(report, "art-1")->rule, "artifact-changed");
	assert_str(etsi_record_get(rec, "sha256"), HELLO_SHA);
	etsi_diagnostics_free(report);
	/* ... unless told to update it */
	opts.flags = ETSI_EVIDENCE_UPDATE;
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	assert_str(of(report, "art-1")->rule, "artifact-updated");
	assert_int_equal(of(report, "art-1")->severity, ETSI_SEVERITY_WARNING);
	assert_contains(of(report, "art-1")->message, "(it was " HELLO_SHA ")");
	assert_false(strcmp(etsi_record_get(rec, "sha256"), HELLO_SHA) == 0);
	etsi_diagnostics_free(report);
	expect_verify(d, "artifact-ok", NULL);
	etsi_dossier_free(d);
}

static void test_evidence__size_change(void **state)
{
	etsi_dossier *d = one_artifact("a.txt", HELLO_SHA, "6");
	etsi_evidence_options opts = options(ETSI_EVIDENCE_UPDATE);
	etsi_diagnostics *report = NULL;

	(void)state;
	put("a.txt", "hello, world\n");
	expect_verify(d, "artifact-changed", "it is 13 bytes, the dossier records 6");
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	assert_str(of(report, "art-1")->rule, "artifact-updated");
	assert_str(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-1"), "size"), "13");
	etsi_diagnostics_free(report);
	etsi_dossier_free(d);
	/* the digest matches but the recorded size is wrong: changed */
	d = one_artifact("a.txt", HELLO_SHA, "7");
	put("a.txt", "hello\n");
	expect_verify(d, "artifact-changed", "it is 6 bytes");
	etsi_dossier_free(d);
}

static void test_evidence__no_digest_and_urls(void **state)
{
	static const char *const urls[] = {
		"https://support.example/x", "http://a.example", "urn:isbn:0451450523",
		"mailto:psirt@acme.example", "ftp+tls://x.example/f",
	};
	etsi_dossier *d;
	size_t i;

	(void)state;
	put("a.txt", "hello\n");
	d = one_artifact("a.txt", NULL, NULL);
	expect_verify(d, "artifact-no-digest", "has no recorded SHA-256");
	etsi_dossier_free(d);
	for (i = 0; i < ETSI__ARRAY_SIZE(urls); i++) {
		d = one_artifact(urls[i], NULL, NULL);
		expect_verify(d, "artifact-external", urls[i]);
		etsi_dossier_free(d);
	}
	/* a colon after the first slash is part of a file name */
	put("a:b.txt", "hello\n");
	mkdir_in_root("x");
	put("x/c:d.txt", "hello\n");
	d = one_artifact("x/c:d.txt", HELLO_SHA, "6");
	expect_verify(d, "artifact-ok", NULL);
	etsi_dossier_free(d);
}

/* ---- missing and unreadable -------------------------------------------- */

static void test_evidence__missing(void **state)
{
	etsi_dossier *d;

	(void)state;
	put("file.txt", "hello\n");
	d = one_artifact("nothing.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-missing", "'nothing.txt' does not exist");
	etsi_dossier_free(d);
	d = one_artifact("no/such/dir.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-missing", "'no' does not exist");
	etsi_dossier_free(d);
	/* a file where a directory should be */
	d = one_artifact("file.txt/inner.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-missing", "'file.txt' is not a directory");
	etsi_dossier_free(d);
	d = one_artifact("file.txt/", HELLO_SHA, NULL);
	expect_verify(d, "artifact-missing", "'file.txt' is not a directory");
	etsi_dossier_free(d);
}

static void test_evidence__unreadable(void **state)
{
	etsi_dossier *d;
	char *fifo = test_path_join(fx.root, "fifo");

	(void)state;
	mkdir_in_root("dir");
	d = one_artifact("dir", HELLO_SHA, NULL);
	expect_verify(d, "artifact-unreadable", "is a directory");
	etsi_dossier_free(d);
	d = one_artifact("dir/", HELLO_SHA, NULL);
	expect_verify(d, "artifact-unreadable", "is a directory");
	etsi_dossier_free(d);
	/* a FIFO would block a reader: it is never opened for reading */
	assert_int_equal(mkfifo(fifo, 0600), 0);
	d = one_artifact("fifo", HELLO_SHA, NULL);
	expect_verify(d, "artifact-unreadable", "not a regular file");
	etsi_dossier_free(d);
	if (geteuid() != 0) {
		/* root reads anything: the permission case only runs for others */
		put("locked.txt", "hello\n");
		{
			char *locked = test_path_join(fx.root, "locked.txt");

			assert_int_equal(chmod(locked, 0), 0);
			free(locked);
		}
		d = one_artifact("locked.txt", HELLO_SHA, NULL);
		expect_verify(d, "artifact-unreadable", "cannot be opened");
		etsi_dossier_free(d);
	}
	free(fifo);
}

/* ---- path escapes ---------------------------------------------------- */

static void test_evidence__escapes_refused(void **state)
{
	char target[4096];
	etsi_dossier *d;
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;

	(void)state;
	mkdir_in_root("evidence");
	put("evidence/real.txt", "hello\n");
	/* '..' anywhere, even where it would stay inside */
	d = one_artifact("../outside/secret.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "it has a '..' component");
	etsi_dossier_free(d);
	d = one_artifact("evidence/../evidence/real.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "'..'");
	etsi_dossier_free(d);
	/* absolute */
	snprintf(target, sizeof(target), "%s/secret.txt", fx.outside);
	d = one_artifact(target, HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "it is an absolute path");
	etsi_dossier_free(d);
	/* a symbolic link to a file outside: absolute target ... */
	link_in_root(target, "evidence/abs-link.txt");
	d = one_artifact("evidence/abs-link.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused",
	              "symbolic link 'evidence/abs-link.txt' points to an absolute path");
	etsi_dossier_free(d);
	/* ... and relative target climbing out */
	link_in_root("../../outside/secret.txt", "evidence/rel-link.txt");
	d = one_artifact("evidence/rel-link.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused",
	              "symbolic link 'evidence/rel-link.txt' leads out of the root");
	etsi_dossier_free(d);
	/* an intermediate directory that is a link out: absolute ... */
	link_in_root(fx.outside, "evidence/abs-dir");
	d = one_artifact("evidence/abs-dir/secret.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "symbolic link 'evidence/abs-dir' points to an "
	              "absolute path");
	etsi_dossier_free(d);
	/* ... and relative */
	link_in_root("../../outside", "evidence/rel-dir");
	d = one_artifact("evidence/rel-dir/secret.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "symbolic link 'evidence/rel-dir' leads out");
	etsi_dossier_free(d);
	/* a link to the root's parent, then down again: still out */
	link_in_root("..", "up");
	d = one_artifact("up/outside/secret.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "symbolic link 'up' leads out");
	etsi_dossier_free(d);
	/* a loop */
	link_in_root("loop-b", "loop-a");
	link_in_root("loop-a", "loop-b");
	d = one_artifact("loop-a", HELLO_SHA, NULL);
	expect_verify(d, "artifact-refused", "symbolic links (a loop?)");
	etsi_dossier_free(d);
	/* hash refuses the same way and records nothing */
	d = one_artifact("evidence/rel-dir/secret.txt", NULL, NULL);
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), ETSI_EINTEGRITY);
	assert_str(of(report, "art-1")->rule, "artifact-refused");
	assert_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-1"), "sha256"));
	etsi_diagnostics_free(report);
	etsi_dossier_free(d);
}

static void test_evidence__links_inside_followed(void **state)
{
	etsi_dossier *d;

	(void)state;
	mkdir_in_root("builds");
	mkdir_in_root("builds/3.4");
	put("builds/3.4/report.txt", "hello\n");
	mkdir_in_root("evidence");
	/* a directory link and a file link, relative, staying inside */
	link_in_root("../builds/3.4", "evidence/latest");
	link_in_root("latest/report.txt", "evidence/report.txt");
	d = one_artifact("evidence/latest/report.txt", HELLO_SHA, "6");
	expect_verify(d, "artifact-ok", NULL);
	etsi_dossier_free(d);
	d = one_artifact("evidence/report.txt", HELLO_SHA, "6");
	expect_verify(d, "artifact-ok", NULL);
	etsi_dossier_free(d);
	/* a link to the root itself */
	link_in_root(".", "self");
	d = one_artifact("self/self/builds/3.4/report.txt", HELLO_SHA, "6");
	expect_verify(d, "artifact-ok", NULL);
	etsi_dossier_free(d);
	/* a dangling link inside is missing, not refused */
	link_in_root("gone.txt", "evidence/dangling.txt");
	d = one_artifact("evidence/dangling.txt", HELLO_SHA, NULL);
	expect_verify(d, "artifact-missing", "'evidence/gone.txt' does not exist");
	etsi_dossier_free(d);
}

/* ---- progress ---------------------------------------------------------- */

struct calls {
	size_t count, starts, stop_after;
	unsigned long long last_done, last_total;
	size_t last_index, last_count;
	char artifact[64];
};

static int count_progress(const etsi_evidence_progress *p, void *payload)
{
	struct calls *c = payload;

	c->count++;
	if (p->done == 0)
		c->starts++;
	assert_true(p->done <= p->total);
	assert_true(p->index < p->count);
	c->last_done = p->done;
	c->last_total = p->total;
	c->last_index = p->index;
	c->last_count = p->count;
	snprintf(c->artifact, sizeof(c->artifact), "%s", p->artifact);
	return c->stop_after && c->count >= c->stop_after;
}

static void test_evidence__progress(void **state)
{
	const size_t size = 3 * 1024 * 1024 + 17;
	char *data = malloc(size), *path = test_path_join(fx.root, "big.bin");
	char *a = artifact("art-a", "a.txt", NULL, NULL), *b = artifact("art-big", "big.bin", NULL,
	                                                                   NULL);
	char all[1024];
	struct calls calls;
	etsi_dossier *d;
	etsi_evidence_options opts = options(0);
	etsi_diagnostics *report = NULL;

	(void)state;
	assert_non_null(data);
	memset(data, 'x', size);
	test_write_file(path, data, size);
	put("a.txt", "hello\n");
	snprintf(all, sizeof(all), "%s%s", a, b);
	d = dossier_with(all);
	memset(&calls, 0, sizeof(calls));
	opts.progress = count_progress;
	opts.payload = &calls;
	assert_int_equal(etsi_evidence_hash(&report, d, &opts), 0);
	/* a start for each file, four chunks of the big one */
	assert_int_equal(calls.starts, 2);
	assert_true(calls.count >= 2 + 1 + 4);
	assert_int_equal(calls.last_done, size);
	assert_int_equal(calls.last_total, size);
	assert_int_equal(calls.last_index, 1);
	assert_int_equal(calls.last_count, 2);
	assert_string_equal(calls.artifact, "art-big");
	etsi_diagnostics_free(report);
	/* a callback that asks to stop: nothing is reported, the digests
	 * recorded before stay */
	etsi_dossier_free(d);
	d = dossier_with(all);
	memset(&calls, 0, sizeof(calls));
	calls.stop_after = 3; /* a.txt's two calls, then the big file's first */
	assert_etsi_error(etsi_evidence_hash(&report, d, &opts), ETSI_ESTOPPED);
	assert_null(report);
	assert_contains(etsi_error_last()->message, "art-big");
	assert_int_equal(calls.count, 3);
	assert_non_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-a"),
	                                "sha256"));
	assert_null(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-big"),
	                            "sha256"));
	/* and verify stops the same way */
	memset(&calls, 0, sizeof(calls));
	calls.stop_after = 1;
	assert_etsi_error(etsi_evidence_verify(&report, d, &opts), ETSI_ESTOPPED);
	assert_null(report);
	etsi_dossier_free(d);
	free(a);
	free(b);
	free(path);
	free(data);
}

/* ---- allocation failures --------------------------------------------- */

static void test_evidence__out_of_memory(void **state)
{
	char *a = artifact("art-a", "a.txt", NULL, NULL), *b = artifact("art-b", "sub/b.txt",
	                                                                   HELLO_SHA, "6");
	char *c = artifact("art-c", "link.txt", NULL, NULL);
	char all[2048];
	long n;

	(void)state;
	put("a.txt", "hello\n");
	mkdir_in_root("sub");
	put("sub/b.txt", "hello\n");
	link_in_root("sub/b.txt", "link.txt");
	snprintf(all, sizeof(all), "%s%s%s", a, b, c);
	for (n = 0; n < 2000; n++) {
		etsi_dossier *d = dossier_with(all);
		etsi_evidence_options opts = options(0);
		etsi_diagnostics *report = NULL;
		int rc;

		etsi__alloc_fail_after(n);
		rc = etsi_evidence_hash(&report, d, &opts);
		etsi__alloc_fail_after(-1);
		if (rc == 0) {
			assert_int_equal(etsi_diagnostics_count(report), 3);
			assert_str(of(report, "art-c")->rule, "artifact-hashed");
			etsi_diagnostics_free(report);
			etsi_dossier_free(d);
			break;
		}
		assert_int_equal(rc, ETSI_ENOMEM);
		assert_int_equal(etsi_error_last()->code, ETSI_ENOMEM);
		assert_null(report);
		etsi_dossier_free(d);
	}
	assert_true(n > 5);
	assert_true(n < 2000);
	free(a);
	free(b);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_evidence__options, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__bad_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__hash_then_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__size_filled_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__tampering, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__size_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__no_digest_and_urls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__unreadable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__escapes_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__links_inside_followed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__progress, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence__out_of_memory, setup, teardown),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
