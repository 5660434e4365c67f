/* Crash safety of etsi_dossier_save(): the file on disk is always the old
 * or the new complete document, whatever happens during the save.
 *
 *  - kill points: a child process saves while the system calls of the
 *    save (write, fsync, close, rename) are wrapped (-Wl,--wrap, see
 *    tests/unit/tests.cmake); it kills itself with SIGKILL at the k-th of
 *    them (a write is first done half), for k = 1, 2, ... until a save
 *    gets through;
 *  - random kills: a child saves a larger dossier while the parent sends
 *    SIGKILL after a random delay within the save's duration, many times;
 *  - short writes: write() takes a few bytes at a time, and the save
 *    still writes the whole document;
 *  - a full disk: write() fails with ENOSPC (injected), and, when this
 *    process may mount one (root, in a private mount namespace), a real
 *    tmpfs is filled up; and fsync(), close() and rename() fail: each time
 *    the save fails with ETSI_EIO and a message, the original survives
 *    byte for byte, and no temporary file remains.
 * After every kill, the target must hold the old or the new document
 * exactly.  A kill may leave a temporary file (".NAME.xxxxxx") behind:
 * nothing can remove it once the process is gone; it is never the
 * target, and the count is printed. */
/* unshare(), wait4() */
#define _GNU_SOURCE 1

#include "helpers.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

/* ---- the wrapped system calls ------------------------------------------ */

ssize_t __real_write(int fd, const void *buf, size_t count);
int __real_fsync(int fd);
int __real_close(int fd);
int __real_rename(const char *from, const char *to);
ssize_t __wrap_write(int fd, const void *buf, size_t count);
int __wrap_fsync(int fd);
int __wrap_close(int fd);
int __wrap_rename(const char *from, const char *to);

enum fault {
	FAULT_NONE,
	FAULT_KILL_AT,      /* SIGKILL at the kill_at-th call */
	FAULT_SHORT_WRITES, /* write() takes at most 7 bytes */
	FAULT_ENOSPC,       /* write() fails with ENOSPC after enospc_after bytes */
	FAULT_FSYNC_EIO,    /* the first fsync() fails with EIO */
	FAULT_CLOSE_EIO,    /* the first close() after a write fails with EIO */
	FAULT_RENAME_EACCES /* rename() fails with EACCES */
};

static struct {
	enum fault fault;
	int armed;
	long calls;
	long kill_at;
	size_t written;
	size_t enospc_after;
	int wrote;
} hook;

static void arm(enum fault fault)
{
	memset(&hook, 0, sizeof(hook));
	hook.fault = fault;
	hook.armed = 1;
}

static void disarm(void)
{
	hook.armed = 0;
}

static int kill_now(void)
{
	return hook.armed && hook.fault == FAULT_KILL_AT && ++hook.calls == hook.kill_at;
}

ssize_t __wrap_write(int fd, const void *buf, size_t count)
{
	if (kill_now()) {
		/* die in the middle of the write */
		__real_write(fd, buf, count / 2);
		raise(SIGKILL);
	}
	if (hook.armed && hook.fault == FAULT_SHORT_WRITES && count > 7)
		count = 7;
	if (hook.armed && hook.fault == FAULT_ENOSPC) {
		if (hook.written >= hook.enospc_after) {
			errno = ENOSPC;
			return -1;
		}
		if (count > hook.enospc_after - hook.written)
			count = hook.enospc_after - hook.written;
	}
	{
		ssize_t n = __real_write(fd, buf, count);

		if (n > 0) {
			hook.written += (size_t)n;
			hook.wrote = 1;
		}
		return n;
	}
}

int __wrap_fsync(int fd)
{
	if (kill_now())
		raise(SIGKILL);
	if (hook.armed && hook.fault == FAULT_FSYNC_EIO) {
		hook.fault = FAULT_NONE;
		errno = EIO;
		return -1;
	}
	return __real_fsync(fd);
}

int __wrap_close(int fd)
{
	if (kill_now())
		raise(SIGKILL);
	if (hook.armed && hook.fault == FAULT_CLOSE_EIO && hook.wrote) {
		hook.fault = FAULT_NONE;
		__real_close(fd);
		errno = EIO;
		return -1;
	}
	return __real_close(fd);
}

int __wrap_rename(const char *from, const char *to)
{
	if (kill_now())
		raise(SIGKILL);
	if (hook.armed && hook.fault == FAULT_RENAME_EACCES) {
		errno = EACCES;
		return -1;
	}
	return __real_rename(from, to);
}

/* ---- fixtures ---------------------------------------------------------- */

struct scene {
	char *dir;
	char *path;
	char *old_text;   /* the file before the save */
	size_t old_len;
	char *new_text;   /* what the save writes */
	size_t new_len;
	etsi_dossier *dossier;
};

/* A dossier on disk (old) and the same dossier changed in memory (new). */
static void set_scene(struct scene *s, const char *example, int copies)
{
	size_t i;
	char *text;

	memset(s, 0, sizeof(*s));
	s->dir = test_mkdtemp();
	s->path = test_path_join(s->dir, "dossier.xml");
	text = test_read_file(test_source_path(example), &s->old_len);
	/* a bigger document makes a longer save, more places to die in: a
	 * long comment, which the dossier keeps */
	if (copies > 1) {
		static const char pad[] = "padding so that the save takes a while ....... ";
		char *marker = strstr(text, "<header>");
		size_t head = (size_t)(marker - text), at;
		char *big;

		assert_non_null(marker);
		big = malloc(s->old_len + (size_t)copies * (sizeof(pad) - 1) + 16);
		assert_non_null(big);
		memcpy(big, text, head);
		at = head;
		memcpy(big + at, "<!--", 4);
		at += 4;
		for (i = 0; i < (size_t)copies; i++, at += sizeof(pad) - 1)
			memcpy(big + at, pad, sizeof(pad) - 1);
		memcpy(big + at, "-->", 3);
		at += 3;
		memcpy(big + at, marker, s->old_len - head + 1);
		s->old_len += at - head;
		free(text);
		text = big;
	}
	test_write_file(s->path, text, s->old_len);
	assert_int_equal(etsi_dossier_load(&s->dossier, s->path, NULL), 0);
	/* the old file as libetsi writes it, so that old and new differ only
	 * in the change */
	free(text);
	assert_int_equal(etsi_dossier_save(s->dossier, NULL), 0);
	s->old_text = test_read_file(s->path, &s->old_len);
	assert_int_equal(etsi_record_set(etsi_dossier_find(s->dossier, ETSI_KIND_DUT, NULL),
	                                 "manufacturer", "Changed by the interrupted save"),
	                 0);
	s->new_text = test_write(s->dossier, &s->new_len);
	assert_true(s->new_len != s->old_len || memcmp(s->new_text, s->old_text, s->old_len));
}

static void end_scene(struct scene *s)
{
	etsi_dossier_free(s->dossier);
	test_rmtree(s->dir);
	free(s->dir);
	free(s->path);
	free(s->old_text);
	free(s->new_text);
}

/* 1 when the target holds the old document, 2 the new one; fails the
 * test otherwise */
static int which_document(const struct scene *s)
{
	size_t len;
	char *now = test_read_file(s->path, &len);
	int which = 0;

	if (len == s->old_len && memcmp(now, s->old_text, len) == 0)
		which = 1;
	else if (len == s->new_len && memcmp(now, s->new_text, len) == 0)
		which = 2;
	free(now);
	if (!which)
		fail_msg("%s is neither the old (%zu bytes) nor the new (%zu bytes) document but "
		         "%zu bytes of something else", s->path, s->old_len, s->new_len, len);
	return which;
}

/* Removes temporary files a killed save left; returns how many. */
static size_t remove_leftovers(const struct scene *s)
{
	size_t n = test_dir_count(s->dir) - 1;

	if (n) {
		char *cmd = malloc(strlen(s->dir) + 64);

		sprintf(cmd, "rm -f '%s'/.dossier.xml.*", s->dir);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	}
	assert_int_equal(test_dir_count(s->dir), 1);
	return n;
}

static void restore_old(const struct scene *s)
{
	test_write_file(s->path, s->old_text, s->old_len);
}

/* ---- kill points ------------------------------------------------------- */

static void test_crash__kill_at_every_system_call(void **state)
{
	struct scene s;
	long k;
	int olds = 0, news = 0;
	size_t leftovers = 0;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 1);
	for (k = 1; k < 1000; k++) {
		int status;
		pid_t pid;

		restore_old(&s);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			arm(FAULT_KILL_AT);
			hook.kill_at = k;
			_exit(etsi_dossier_save(s.dossier, NULL) == 0 ? 0 : 1);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (which_document(&s) == 1)
			olds++;
		else
			news++;
		leftovers += remove_leftovers(&s);
		if (WIFEXITED(status)) {
			/* no kill point left: the save went through */
			assert_int_equal(WEXITSTATUS(status), 0);
			assert_int_equal(which_document(&s), 2);
			break;
		}
		assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	}
	print_message("killed at %ld system calls of the save: %d left the old document, %d "
	              "the new one; %zu temporary files left behind\n", k - 1, olds, news - 1,
	              leftovers);
	/* write, fsync, close, rename, and the directory's fsync and close */
	assert_true(k >= 5);
	assert_true(olds >= 4);
	end_scene(&s);
}

/* ---- random kills ------------------------------------------------------ */

static double now_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void test_crash__random_kills(void **state)
{
	int iterations = RUNNING_ON_VALGRIND ? 20 : 200;
	int i, olds = 0, news = 0;
	size_t leftovers = 0;
	double duration = 0;
	struct scene s;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 10000);
	/* how long a save takes here, forked as below */
	for (i = 0; i < 3; i++) {
		double start = now_seconds();
		int status;
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0)
			_exit(etsi_dossier_save(s.dossier, NULL) == 0 ? 0 : 1);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		duration += (now_seconds() - start) / 3;
		restore_old(&s);
	}
	srand(4711);
	for (i = 0; i < iterations; i++) {
		struct timespec delay;
		double d = duration * 1.2 * (double)rand() / (double)RAND_MAX;
		int status, go[2];
		char byte;
		pid_t pid;

		restore_old(&s);
		assert_int_equal(pipe(go), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(go[0]);
			if (__real_write(go[1], "g", 1) != 1)
				_exit(2);
			_exit(etsi_dossier_save(s.dossier, NULL) == 0 ? 0 : 1);
		}
		close(go[1]);
		assert_int_equal(read(go[0], &byte, 1), 1);
		close(go[0]);
		delay.tv_sec = (time_t)d;
		delay.tv_nsec = (long)((d - (double)delay.tv_sec) * 1e9);
		nanosleep(&delay, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (WIFEXITED(status))
			assert_int_equal(WEXITSTATUS(status), 0);
		if (which_document(&s) == 1)
			olds++;
		else
			news++;
		leftovers += remove_leftovers(&s);
	}
	print_message("%d random kills within a %.1f ms save of %zu bytes: %d left the old "
	              "document, %d the new one; %zu temporary files left behind\n", iterations,
	              duration * 1000, s.new_len, olds, news, leftovers);
	end_scene(&s);
}

/* ---- write errors ------------------------------------------------------ */

static void assert_failed_cleanly(const struct scene *s, int rc, const char *fragment)
{
	assert_int_equal(rc, ETSI_EIO);
	assert_int_equal(etsi_error_last()->code, ETSI_EIO);
	assert_contains(etsi_error_last()->message, fragment);
	assert_contains(etsi_error_last()->message, "the original file is unchanged");
	assert_int_equal(which_document(s), 1);
	/* no temporary file remains */
	assert_int_equal(test_dir_count(s->dir), 1);
}

static void test_crash__short_writes(void **state)
{
	struct scene s;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 1);
	arm(FAULT_SHORT_WRITES);
	assert_int_equal(etsi_dossier_save(s.dossier, NULL), 0);
	disarm();
	assert_int_equal(which_document(&s), 2);
	assert_int_equal(test_dir_count(s.dir), 1);
	end_scene(&s);
}

static void test_crash__disk_full_injected(void **state)
{
	static const size_t after[] = { 0, 1, 4096, 10000 };
	struct scene s;
	size_t i;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 1);
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++) {
		int rc;

		arm(FAULT_ENOSPC);
		hook.enospc_after = after[i];
		rc = etsi_dossier_save(s.dossier, NULL);
		disarm();
		assert_failed_cleanly(&s, rc, strerror(ENOSPC));
	}
	end_scene(&s);
}

static void test_crash__fsync_close_rename_fail(void **state)
{
	struct scene s;
	int rc;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 1);
	arm(FAULT_FSYNC_EIO);
	rc = etsi_dossier_save(s.dossier, NULL);
	disarm();
	assert_failed_cleanly(&s, rc, "cannot flush to disk");

	arm(FAULT_CLOSE_EIO);
	rc = etsi_dossier_save(s.dossier, NULL);
	disarm();
	assert_failed_cleanly(&s, rc, "cannot close");

	arm(FAULT_RENAME_EACCES);
	rc = etsi_dossier_save(s.dossier, NULL);
	disarm();
	assert_failed_cleanly(&s, rc, "cannot replace");

	/* and once the disk behaves again, the save goes through */
	assert_int_equal(etsi_dossier_save(s.dossier, NULL), 0);
	assert_int_equal(which_document(&s), 2);
	end_scene(&s);
}

/* A real full disk: a 256 KiB tmpfs in a private mount namespace, filled
 * up but for the original.  Needs the right to mount (root); skipped
 * otherwise. */
static void test_crash__disk_full_tmpfs(void **state)
{
	struct scene s;
	int status;
	pid_t pid;

	(void)state;
	set_scene(&s, "examples/dossiers/smart-camera-v3.xml", 1);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* exit codes: 0 passed, 77 cannot mount, others the failure */
		char *mnt = test_path_join(s.dir, "mnt");
		char *target = test_path_join(mnt, "dossier.xml");
		char *filler = test_path_join(mnt, "filler");
		static char block[4096];
		size_t len;
		char *now;
		int fd, rc;

		if (mkdir(mnt, 0700) != 0)
			_exit(10);
		if (unshare(CLONE_NEWNS) != 0 ||
		    /* source and type are ignored here; named, not NULL, for valgrind */
		    mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
		    mount("tmpfs", mnt, "tmpfs", 0, "size=256k") != 0)
			_exit(77);
		fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || __real_write(fd, s.old_text, s.old_len) != (ssize_t)s.old_len ||
		    __real_close(fd) != 0)
			_exit(11);
		/* fill the rest */
		fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			_exit(12);
		memset(block, 'x', sizeof(block));
		while (__real_write(fd, block, sizeof(block)) > 0)
			;
		while (__real_write(fd, block, 1) > 0)
			;
		if (errno != ENOSPC)
			_exit(13);
		__real_close(fd);
		rc = etsi_dossier_save(s.dossier, target);
		if (rc != ETSI_EIO || !strstr(etsi_error_last()->message, strerror(ENOSPC)))
			_exit(14);
		now = test_read_file(target, &len);
		if (len != s.old_len || memcmp(now, s.old_text, len) != 0)
			_exit(15);
		/* the filler and the original: no temporary file */
		if (test_dir_count(mnt) != 2)
			_exit(16);
		/* room again: the save goes through */
		if (unlink(filler) != 0 || etsi_dossier_save(s.dossier, target) != 0)
			_exit(17);
		free(now);
		now = test_read_file(target, &len);
		if (len != s.new_len || memcmp(now, s.new_text, len) != 0)
			_exit(18);
		umount(mnt);
		/* valgrind checks the child for leaks as it exits */
		free(now);
		free(filler);
		free(target);
		free(mnt);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		print_message("skipped: cannot mount a tmpfs here (not root, or no namespaces)\n");
	else if (WEXITSTATUS(status) != 0)
		fail_msg("the full-tmpfs save failed at check %d (see test_crash.c)",
		         WEXITSTATUS(status));
	end_scene(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crash__kill_at_every_system_call),
		cmocka_unit_test(test_crash__random_kills),
		cmocka_unit_test(test_crash__short_writes),
		cmocka_unit_test(test_crash__disk_full_injected),
		cmocka_unit_test(test_crash__fsync_close_rename_fail),
		cmocka_unit_test(test_crash__disk_full_tmpfs),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
