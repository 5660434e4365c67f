#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *env_or_fail(const char *name)
{
	const char *value = getenv(name);

	if (!value || !*value) {
		fprintf(stderr, "%s is not set; run the tests through ctest\n", name);
		exit(2);
	}
	return value;
}

const char *test_source_path(const char *relative)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", env_or_fail("ETSI_SOURCE_DIR"), relative);
	return path;
}

const char *test_data_path(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", env_or_fail("ETSI_TEST_DATA"), name);
	return path;
}

char *test_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char buf[4096];
	char *dir;

	snprintf(buf, sizeof(buf), "%s/etsi-test-XXXXXX", base && *base ? base : "/tmp");
	dir = mkdtemp(buf);
	assert_non_null(dir);
	dir = strdup(dir);
	assert_non_null(dir);
	return dir;
}

void test_rmtree(const char *dir)
{
	struct dirent *entry;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((entry = readdir(d))) {
		char path[4096];
		struct stat st;

		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, entry->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			test_rmtree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	data[size] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)size;
	return data;
}

void test_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

int test_init(void **state)
{
	(void)state;
	return etsi_init() > 0 ? 0 : -1;
}

int test_shutdown(void **state)
{
	(void)state;
	return etsi_shutdown() >= 0 ? 0 : -1;
}

int test_line_of(const char *text, const char *needle)
{
	const char *hit = strstr(text, needle), *p;
	int line = 1;

	if (!hit)
		fail_msg("\"%s\" does not occur in the text", needle);
	for (p = text; p < hit; p++)
		line += *p == '\n';
	return line;
}

char *test_replace(const char *text, const char *from, const char *to)
{
	const char *hit = strstr(text, from);
	size_t before, from_len = strlen(from), to_len = strlen(to), len = strlen(text);
	char *out;

	if (!hit)
		fail_msg("\"%s\" does not occur in the text", from);
	before = (size_t)(hit - text);
	out = malloc(len - from_len + to_len + 1);
	assert_non_null(out);
	memcpy(out, text, before);
	memcpy(out + before, to, to_len);
	memcpy(out + before + to_len, hit + from_len, len - before - from_len + 1);
	return out;
}

size_t test_dir_count(const char *dir)
{
	struct dirent *entry;
	size_t n = 0;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((entry = readdir(d))) {
		if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0)
			n++;
	}
	closedir(d);
	return n;
}

char *test_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);

	assert_non_null(path);
	snprintf(path, n, "%s/%s", dir, name);
	return path;
}

etsi_dossier *test_load_example(const char *name, const etsi_load_options *opts)
{
	char relative[256];
	etsi_dossier *dossier = NULL;
	int rc;

	snprintf(relative, sizeof(relative), "examples/dossiers/%s", name);
	rc = etsi_dossier_load(&dossier, test_source_path(relative), opts);
	if (rc != 0)
		fail_msg("loading %s failed with %d: %s", name, rc, etsi_error_last()->message);
	assert_non_null(dossier);
	return dossier;
}

char *test_write(const etsi_dossier *dossier, size_t *len)
{
	char *data = NULL, *copy;
	size_t n = 0;
	int rc = etsi_dossier_write(&data, &n, dossier);

	if (rc != 0)
		fail_msg("etsi_dossier_write failed with %d: %s", rc, etsi_error_last()->message);
	assert_non_null(data);
	assert_int_equal(strlen(data), n);
	copy = malloc(n + 1);
	assert_non_null(copy);
	memcpy(copy, data, n + 1);
	etsi_free(data);
	if (len)
		*len = n;
	return copy;
}

char *test_record_dump(const etsi_record *record)
{
	etsi_kind kind = etsi_record_kind(record);
	size_t cap = 256, len = 0, i, j;
	char *out = malloc(cap);
	const char *field;

	assert_non_null(out);
	out[0] = '\0';
	for (i = 0; (field = etsi_kind_field(kind, i)); i++) {
		size_t n = etsi_record_value_count(record, field);

		for (j = 0; j < n; j++) {
			const char *value = etsi_record_value_at(record, field, j);
			size_t need = strlen(field) + (value ? strlen(value) : 6) + 3;

			while (len + need >= cap) {
				cap *= 2;
				out = realloc(out, cap);
				assert_non_null(out);
			}
			len += (size_t)snprintf(out + len, cap - len, "%s=%s\n", field,
			                        value ? value : "(null)");
		}
	}
	return out;
}

static char failure_message[1024];

const char *test_failure(const char *file, int line, const char *what)
{
	snprintf(failure_message, sizeof(failure_message), "%s:%d: check failed: %s (last error: %s)",
	         file, line, what, etsi_error_last()->message);
	return failure_message;
}

const char *test_failure_str(const char *file, int line, const char *what,
                             const char *actual, const char *expected)
{
	snprintf(failure_message, sizeof(failure_message),
	         "%s:%d: %s is \"%s\", expected \"%s\" (last error: %s)", file, line, what,
	         actual ? actual : "(null)", expected ? expected : "(null)",
	         etsi_error_last()->message);
	return failure_message;
}

void test_isolated(const char *what, test_isolated_fn fn, void *arg, unsigned timeout_ms)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char message[1024];
	unsigned waited = 0;
	int fds[2], status = 0;
	ssize_t got;
	pid_t pid, done;

	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		const char *failure;

		close(fds[0]);
		failure = fn(arg);
		if (failure && write(fds[1], failure, strlen(failure)) < 0)
			_exit(3);
		close(fds[1]);
		_exit(failure ? 1 : 0);
	}
	close(fds[1]);
	while ((done = waitpid(pid, &status, WNOHANG)) == 0 && waited < timeout_ms) {
		nanosleep(&tick, NULL);
		waited += 10;
	}
	if (done == 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		close(fds[0]);
		fail_msg("%s did not finish within %u ms (deadlock?)", what, timeout_ms);
	}
	got = read(fds[0], message, sizeof(message) - 1);
	close(fds[0]);
	message[got > 0 ? got : 0] = '\0';
	if (WIFSIGNALED(status))
		fail_msg("%s crashed with signal %d", what, WTERMSIG(status));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("%s failed (exit status %d): %s", what,
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1, message);
}

size_t test_count_findings(const etsi_diagnostics *list, const char *rule,
                           const char *reference)
{
	size_t i, k, n = 0;

	for (i = 0; i < etsi_diagnostics_count(list); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);

		if (!d->rule || strcmp(d->rule, rule) != 0)
			continue;
		for (k = 0; k < d->count; k++) {
			const char *ref = d->occurrences[k].reference;

			n += !reference || (ref && strcmp(ref, reference) == 0);
		}
	}
	return n;
}
