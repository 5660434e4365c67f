/* Saving a dossier among other writers (file.c, dossier.c):
 *
 *  - conflicts: a file changed, replaced or removed by another program
 *    between load and save is not overwritten (ETSI_ECONFLICT, the other
 *    program's bytes stay); a file replaced by the same bytes, or only
 *    touched, is saved; two processes that load the same file and save one
 *    after the other: the second is refused;
 *  - locking: processes that load with ETSI_LOAD_LOCK, change and save
 *    queue: many writers, every change kept; a second lock of one file in
 *    one process is refused instead of waiting for ever;
 *  - symbolic links: the link stays, its target is replaced; mode, owner
 *    and group of the replaced file are kept;
 *  - temporaries: a save interrupted by SIGTERM in a process whose handler
 *    calls etsi_file_remove_temporaries() leaves none; one killed without
 *    it (SIGXFSZ past RLIMIT_FSIZE, SIGKILL) leaves one, which the next
 *    save removes; with SIGXFSZ ignored the save fails cleanly (EFBIG).
 * fsync() is wrapped (tests/unit/tests.cmake) so that a save can be
 * interrupted at a known point. */
#define _GNU_SOURCE 1

#include "helpers.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <valgrind/valgrind.h>

#include "file.h"

/* ---- the wrapped fsync() ------------------------------------------------ */

int __real_fsync(int fd);
int __wrap_fsync(int fd);

static int fsync_signal; /* raised at the first fsync() of a file, 0: none */

int __wrap_fsync(int fd)
{
	struct stat st;

	if (fsync_signal && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		raise(fsync_signal);
	return __real_fsync(fd);
}

/* ---- helpers ------------------------------------------------------------ */

struct scene {
	char *dir;
	char path[512];
	char *original;
	size_t original_len;
};

static void scene_open(struct scene *s)
{
	s->dir = test_mkdtemp();
	snprintf(s->path, sizeof(s->path), "%s/dossier.xml", s->dir);
	s->original = test_read_file(test_data_path("valid/unit-minimal-v3.xml"), &s->original_len);
	test_write_file(s->path, s->original, s->original_len);
}

static void scene_close(struct scene *s)
{
	test_rmtree(s->dir);
	free(s->dir);
	free(s->original);
}

static etsi_dossier *load(const char *path, unsigned int flags)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;

	opts.flags = flags;
	if (etsi_dossier_load(&d, path, &opts) < 0)
		fail_msg("load %s: %s", path, etsi_error_last()->message);
	return d;
}

static int add_party(etsi_dossier *d, const char *id)
{
	const char *fields[] = { "id", id, "role", "TL", "name", "Writer", NULL };

	return etsi_dossier_add(NULL, d, NULL, ETSI_KIND_PARTY, fields);
}

static size_t parties(const char *path)
{
	etsi_dossier *d = load(path, 0);
	size_t n = etsi_dossier_count(d, ETSI_KIND_PARTY);

	etsi_dossier_free(d);
	return n;
}

/* Entries of a directory other than . and .. whose name contains @p part
 * (NULL: all). */
static size_t entries(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    (!part || strstr(e->d_name, part)))
			n++;
	}
	closedir(d);
	return n;
}

static void assert_file_is(const char *path, const char *data, size_t len)
{
	size_t got;
	char *now = test_read_file(path, &got);

	assert_int_equal(got, len);
	assert_memory_equal(now, data, len);
	free(now);
}

/* ---- conflicts ---------------------------------------------------------- */

static void test_save__changed_file_is_refused(void **state)
{
	static const char other[] = "<!-- another program's edit -->\n";
	struct scene s;
	etsi_dossier *d;
	char *edited;
	size_t len;

	(void)state;
	scene_open(&s);
	d = load(s.path, 0);
	assert_int_equal(add_party(d, "tl-mine"), 0);
	/* another program appends to the file in place, same inode */
	{
		int fd = open(s.path, O_WRONLY | O_APPEND);

		assert_true(fd >= 0);
		assert_int_equal(write(fd, other, sizeof(other) - 1), (ssize_t)(sizeof(other) - 1));
		close(fd);
	}
	edited = test_read_file(s.path, &len);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_ECONFLICT);
	assert_contains(etsi_error_last()->message, "changed by another program since it was loaded");
	assert_contains(etsi_error_last()->message, "load it again");
	assert_str(etsi_error_last()->file, s.path);
	assert_file_is(s.path, edited, len);
	assert_int_equal(entries(s.dir, NULL), 1); /* no temporary left */
	/* the same bytes, but not those loaded: still refused */
	assert_etsi_error(etsi_dossier_save(d, s.path), ETSI_ECONFLICT);
	/* saving elsewhere is not a conflict */
	{
		char elsewhere[600];

		snprintf(elsewhere, sizeof(elsewhere), "%s/copy.xml", s.dir);
		assert_int_equal(etsi_dossier_save(d, elsewhere), 0);
		assert_str(etsi_dossier_path(d), elsewhere);
		assert_int_equal(parties(elsewhere), 3);
	}
	free(edited);
	etsi_dossier_free(d);
	scene_close(&s);
}

static void test_save__replaced_or_removed_file_is_refused(void **state)
{
	struct scene s;
	etsi_dossier *d;
	char other[600];

	(void)state;
	scene_open(&s);
	d = load(s.path, 0);
	assert_int_equal(add_party(d, "tl-mine"), 0);
	/* replaced by rename, as editors and libetsi itself do */
	snprintf(other, sizeof(other), "%s/new.xml", s.dir);
	test_write_file(other, s.original, s.original_len - 1);
	assert_int_equal(rename(other, s.path), 0);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_ECONFLICT);
	assert_contains(etsi_error_last()->message, "was replaced by another program");
	assert_file_is(s.path, s.original, s.original_len - 1);
	/* removed */
	assert_int_equal(unlink(s.path), 0);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_ECONFLICT);
	assert_contains(etsi_error_last()->message, "was removed since it was loaded");
	assert_int_equal(access(s.path, F_OK), -1);
	assert_int_equal(entries(s.dir, NULL), 0);
	etsi_dossier_free(d);
	scene_close(&s);
}

static void test_save__same_bytes_are_no_conflict(void **state)
{
	struct scene s;
	etsi_dossier *d;
	char other[600];
	struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

	(void)state;
	scene_open(&s);
	d = load(s.path, 0);
	assert_int_equal(add_party(d, "tl-one"), 0);
	/* touched only: another modification time, the same content */
	assert_int_equal(utimensat(AT_FDCWD, s.path, times, 0), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	/* replaced by a copy of what libetsi wrote: another inode, same bytes */
	{
		size_t len;
		char *saved = test_read_file(s.path, &len);

		snprintf(other, sizeof(other), "%s/copy.xml", s.dir);
		test_write_file(other, saved, len);
		assert_int_equal(rename(other, s.path), 0);
		free(saved);
	}
	assert_int_equal(add_party(d, "tl-two"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	assert_int_equal(parties(s.path), 4);
	/* after a save, the state is the file written: a change after it is
	 * a conflict for the next save */
	{
		int fd = open(s.path, O_WRONLY | O_APPEND);

		assert_true(fd >= 0);
		assert_int_equal(write(fd, "\n", 1), 1);
		close(fd);
	}
	assert_int_equal(add_party(d, "tl-three"), 0);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_ECONFLICT);
	etsi_dossier_free(d);
	scene_close(&s);
}

static void test_save__saved_new_dossier_is_checked_next_time(void **state)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	char *dir = test_mkdtemp(), path[512];
	etsi_dossier *d = NULL;

	(void)state;
	snprintf(path, sizeof(path), "%s/new.xml", dir);
	opts.model = "M-1";
	opts.release = "1.0";
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	assert_int_equal(etsi_dossier_save(d, path), 0);
	test_write_file(path, "<x/>", 4);
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_ECONFLICT);
	assert_file_is(path, "<x/>", 4);
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
}

/* Two processes load the same file, then save one after the other: the
 * first is saved, the second refused; neither change is silently lost. */
static void test_save__second_of_two_processes_is_refused(void **state)
{
	struct scene s;
	int loaded[2], go[2][2], status[2], i;
	pid_t pid[2];

	(void)state;
	scene_open(&s);
	assert_int_equal(pipe(loaded), 0);
	assert_int_equal(pipe(go[0]), 0);
	assert_int_equal(pipe(go[1]), 0);
	for (i = 0; i < 2; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			etsi_dossier *d = load(s.path, 0);
			char id[16], c;
			int rc;

			snprintf(id, sizeof(id), "tl-p%d", i);
			if (add_party(d, id) < 0 || write(loaded[1], "x", 1) != 1)
				_exit(10);
			/* both have loaded; the parent lets them save in turn */
			if (read(go[i][0], &c, 1) != 1)
				_exit(11);
			rc = etsi_dossier_save(d, NULL);
			_exit(rc == 0 ? 0 : rc == ETSI_ECONFLICT ? 1 : 12);
		}
	}
	for (i = 0; i < 2; i++) {
		char c;

		assert_int_equal(read(loaded[0], &c, 1), 1);
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(write(go[i][1], "g", 1), 1);
		assert_int_equal(waitpid(pid[i], &status[i], 0), pid[i]);
		assert_true(WIFEXITED(status[i]));
	}
	assert_int_equal(WEXITSTATUS(status[0]), 0);
	assert_int_equal(WEXITSTATUS(status[1]), 1);
	assert_int_equal(parties(s.path), 3);
	assert_int_equal(entries(s.dir, NULL), 1);
	close(loaded[0]);
	close(loaded[1]);
	for (i = 0; i < 2; i++) {
		close(go[i][0]);
		close(go[i][1]);
	}
	scene_close(&s);
}

/* ---- locking ------------------------------------------------------------ */

/* W processes each make N changes (load for update, add a party, save):
 * every one of the W * N parties is in the file at the end. */
static void test_save__concurrent_writers_lose_nothing(void **state)
{
	const int writers = RUNNING_ON_VALGRIND ? 3 : 8, changes = RUNNING_ON_VALGRIND ? 4 : 25;
	struct scene s;
	struct timespec t0, t1;
	pid_t pid[8];
	int w, j, failures = 0;
	size_t n;

	(void)state;
	scene_open(&s);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (w = 0; w < writers; w++) {
		pid[w] = fork();
		assert_true(pid[w] >= 0);
		if (pid[w] == 0) {
			for (j = 0; j < changes; j++) {
				etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
				etsi_dossier *d = NULL;
				char id[32];

				snprintf(id, sizeof(id), "tl-w%d-c%d", w, j);
				opts.flags = ETSI_LOAD_LOCK;
				if (etsi_dossier_load(&d, s.path, &opts) < 0 || add_party(d, id) < 0 ||
				    etsi_dossier_save(d, NULL) < 0) {
					fprintf(stderr, "writer %d change %d: %s\n", w, j,
					        etsi_error_last()->message);
					_exit(1);
				}
				etsi_dossier_free(d);
			}
			_exit(0);
		}
	}
	for (w = 0; w < writers; w++) {
		int status;

		assert_int_equal(waitpid(pid[w], &status, 0), pid[w]);
		failures += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(failures, 0);
	n = parties(s.path);
	print_message("%d writers x %d changes: %zu of %d parties kept (%.2f s)\n", writers,
	              changes, n - 2, writers * changes,
	              (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	assert_int_equal(n, (size_t)(2 + writers * changes));
	{
		etsi_dossier *d = load(s.path, 0);

		for (w = 0; w < writers; w++) {
			for (j = 0; j < changes; j++) {
				char id[32];

				snprintf(id, sizeof(id), "tl-w%d-c%d", w, j);
				assert_non_null(etsi_dossier_find(d, ETSI_KIND_PARTY, id));
			}
		}
		etsi_dossier_free(d);
	}
	assert_int_equal(entries(s.dir, NULL), 1);
	scene_close(&s);
}

/* The lock is held from the load to the dossier's free, across saves: a
 * writer in another process waits for all of them. */
static void test_save__lock_held_across_saves(void **state)
{
	struct scene s;
	etsi_dossier *d;
	int ready[2], status;
	pid_t pid;
	char c;

	(void)state;
	scene_open(&s);
	d = load(s.path, ETSI_LOAD_LOCK);
	assert_int_equal(pipe(ready), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		etsi_dossier *other;

		if (write(ready[1], "r", 1) != 1)
			_exit(10);
		other = load(s.path, ETSI_LOAD_LOCK); /* waits */
		/* it sees both of the parent's saves */
		_exit(etsi_dossier_find(other, ETSI_KIND_PARTY, "tl-a") &&
		      etsi_dossier_find(other, ETSI_KIND_PARTY, "tl-b") ? 0 : 1);
	}
	assert_int_equal(read(ready[0], &c, 1), 1);
	usleep(100 * 1000);
	assert_int_equal(add_party(d, "tl-a"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	usleep(100 * 1000);
	assert_int_equal(waitpid(pid, &status, WNOHANG), 0); /* still waiting */
	assert_int_equal(add_party(d, "tl-b"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	close(ready[0]);
	close(ready[1]);
	scene_close(&s);
}

static void test_save__second_lock_in_one_process_is_refused(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	struct scene s;
	etsi_dossier *a, *b = NULL, *c;

	(void)state;
	scene_open(&s);
	a = load(s.path, ETSI_LOAD_LOCK);
	opts.flags = ETSI_LOAD_LOCK;
	assert_etsi_error(etsi_dossier_load(&b, s.path, &opts), ETSI_ECONFLICT);
	assert_contains(etsi_error_last()->message, "locked for update by another dossier");
	assert_null(b);
	/* a dossier loaded without the lock may not save over it either */
	c = load(s.path, 0);
	assert_int_equal(add_party(c, "tl-c"), 0);
	assert_etsi_error(etsi_dossier_save(c, NULL), ETSI_ECONFLICT);
	assert_etsi_error(etsi_file_write(s.path, "x", 1), ETSI_ECONFLICT);
	/* the holder saves, and frees: then the others may */
	assert_int_equal(add_party(a, "tl-a"), 0);
	assert_int_equal(etsi_dossier_save(a, NULL), 0);
	etsi_dossier_free(a);
	assert_etsi_error(etsi_dossier_save(c, NULL), ETSI_ECONFLICT); /* a saved meanwhile */
	b = load(s.path, ETSI_LOAD_LOCK);
	assert_int_equal(add_party(b, "tl-b"), 0);
	assert_int_equal(etsi_dossier_save(b, NULL), 0);
	etsi_dossier_free(b);
	etsi_dossier_free(c);
	assert_int_equal(parties(s.path), 4);
	/* a save to another file moves the lock there */
	{
		char other[600];

		snprintf(other, sizeof(other), "%s/other.xml", s.dir);
		a = load(s.path, ETSI_LOAD_LOCK);
		assert_int_equal(etsi_dossier_save(a, other), 0);
		b = load(s.path, ETSI_LOAD_LOCK); /* released */
		etsi_dossier_free(b);
		b = NULL;
		assert_etsi_error(etsi_dossier_load(&b, other, &opts), ETSI_ECONFLICT);
		etsi_dossier_free(a);
		b = load(other, ETSI_LOAD_LOCK);
		etsi_dossier_free(b);
	}
	scene_close(&s);
}

/* ---- symbolic links, mode, owner ---------------------------------------- */

static void test_save__through_a_symlink(void **state)
{
	struct scene s;
	etsi_dossier *d;
	char sub[512], target[600], link[600], link2[600], buf[600];
	struct stat st;
	ssize_t n;

	(void)state;
	scene_open(&s);
	/* link -> link2 -> sub/real.xml, relative, in other directories */
	snprintf(sub, sizeof(sub), "%s/sub", s.dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	snprintf(target, sizeof(target), "%s/real.xml", sub);
	assert_int_equal(rename(s.path, target), 0);
	snprintf(link2, sizeof(link2), "%s/sub/link2.xml", s.dir);
	assert_int_equal(symlink("real.xml", link2), 0);
	snprintf(link, sizeof(link), "%s/link.xml", s.dir);
	assert_int_equal(symlink("sub/link2.xml", link), 0);
	d = load(link, ETSI_LOAD_LOCK);
	assert_int_equal(add_party(d, "tl-link"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	assert_int_equal(add_party(d, "tl-link-2"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	n = readlink(link, buf, sizeof(buf) - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_str(buf, "sub/link2.xml");
	assert_int_equal(lstat(link2, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(target, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(parties(target), 4);
	/* no temporary in either directory */
	assert_int_equal(entries(s.dir, NULL), 2);
	assert_int_equal(entries(sub, NULL), 2);
	scene_close(&s);
}

static void test_save__dangling_symlink_and_loop(void **state)
{
	struct scene s;
	etsi_dossier *d;
	char link[600], target[600], loop[600];
	struct stat st;

	(void)state;
	scene_open(&s);
	d = load(s.path, 0);
	snprintf(link, sizeof(link), "%s/link.xml", s.dir);
	snprintf(target, sizeof(target), "%s/created.xml", s.dir);
	assert_int_equal(symlink("created.xml", link), 0);
	assert_int_equal(etsi_dossier_save(d, link), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(parties(target), 2);
	/* a loop of links is an error, and nothing is written */
	snprintf(loop, sizeof(loop), "%s/loop.xml", s.dir);
	assert_int_equal(symlink("loop.xml", loop), 0);
	assert_etsi_error(etsi_dossier_save(d, loop), ETSI_EIO);
	assert_contains(etsi_error_last()->message, strerror(ELOOP));
	etsi_dossier_free(d);
	scene_close(&s);
}

static void test_save__keeps_mode_owner_and_group(void **state)
{
	struct scene s;
	etsi_dossier *d;
	struct stat st;

	(void)state;
	scene_open(&s);
	assert_int_equal(chmod(s.path, 0640), 0);
	if (geteuid() == 0)
		assert_int_equal(chown(s.path, 1234, 5678), 0);
	d = load(s.path, ETSI_LOAD_LOCK);
	assert_int_equal(add_party(d, "tl-mode"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	assert_int_equal(stat(s.path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	if (geteuid() == 0) {
		assert_int_equal(st.st_uid, 1234);
		assert_int_equal(st.st_gid, 5678);
	} else {
		assert_int_equal(st.st_uid, geteuid());
	}
	/* a read-only file stays read-only (its directory is writable) */
	assert_int_equal(chmod(s.path, 0444), 0);
	d = load(s.path, ETSI_LOAD_LOCK);
	assert_int_equal(add_party(d, "tl-ro"), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	assert_int_equal(stat(s.path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	assert_int_equal(parties(s.path), 4);
	scene_close(&s);
}

/* ---- temporaries -------------------------------------------------------- */

static void on_signal(int sig)
{
	etsi_file_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Runs a save in a child process, interrupted at its fsync() by @p sig;
 * with @p handler, the child's handler is the CLI's.  Returns the child's
 * wait status. */
static int interrupted_save(const char *path, int sig, int handler, int fsize_limit)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		etsi_dossier *d = load(path, ETSI_LOAD_LOCK);

		if (handler)
			signal(sig, on_signal);
		if (fsize_limit) {
			struct rlimit rl = { 512, 512 };

			setrlimit(RLIMIT_FSIZE, &rl);
		} else {
			fsync_signal = sig;
		}
		if (add_party(d, "tl-interrupted") < 0)
			_exit(10);
		_exit(etsi_dossier_save(d, NULL) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_save__interrupted_save_leaves_no_temporary(void **state)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	struct scene s;
	size_t i;

	(void)state;
	scene_open(&s);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		int status = interrupted_save(s.path, sigs[i], 1, 0);

		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		assert_file_is(s.path, s.original, s.original_len);
		assert_int_equal(entries(s.dir, NULL), 1);
	}
	scene_close(&s);
}

static void test_save__file_size_limit(void **state)
{
	struct scene s;
	int status;

	(void)state;
	scene_open(&s);
	/* SIGXFSZ ignored, as the CLI does: the write fails (EFBIG), the
	 * library removes its temporary and says so */
	{
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0) {
			struct rlimit rl = { 512, 512 };
			etsi_dossier *d = load(s.path, 0);
			int rc;

			signal(SIGXFSZ, SIG_IGN);
			setrlimit(RLIMIT_FSIZE, &rl);
			add_party(d, "tl-big");
			rc = etsi_dossier_save(d, NULL);
			_exit(rc == ETSI_EIO && strstr(etsi_error_last()->message, strerror(EFBIG)) &&
			      strstr(etsi_error_last()->message, "the original file is unchanged") ? 0 : 1);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
		assert_int_equal(entries(s.dir, NULL), 1);
	}
	/* SIGXFSZ with its default action, as in an application that does
	 * not ignore it: killed, the temporary stays ... */
	status = interrupted_save(s.path, SIGXFSZ, 0, 1);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGXFSZ);
	assert_file_is(s.path, s.original, s.original_len);
	assert_int_equal(entries(s.dir, ".dossier.xml.etsi-tmp."), 1);
	/* ... until the next save of that file, since its process is gone */
	{
		etsi_dossier *d = load(s.path, 0);

		assert_int_equal(etsi_dossier_save(d, NULL), 0);
		etsi_dossier_free(d);
	}
	assert_int_equal(entries(s.dir, NULL), 1);
	scene_close(&s);
}

static void test_save__stale_temporaries_are_removed(void **state)
{
	struct scene s;
	char name[700];
	struct timespec old[2] = { { 0, 0 }, { 0, 0 } };
	pid_t gone;
	etsi_dossier *d;
	int status;

	(void)state;
	scene_open(&s);
	/* a process that is gone */
	gone = fork();
	assert_true(gone >= 0);
	if (gone == 0)
		_exit(0);
	assert_int_equal(waitpid(gone, &status, 0), gone);
	snprintf(name, sizeof(name), "%s/.dossier.xml.etsi-tmp.%ld.aaaaaa", s.dir, (long)gone);
	test_write_file(name, "x", 1);
	/* a live process (this one's parent), recent: kept */
	snprintf(name, sizeof(name), "%s/.dossier.xml.etsi-tmp.%ld.bbbbbb", s.dir, (long)getppid());
	test_write_file(name, "x", 1);
	/* a live process, but older than an hour: removed */
	snprintf(name, sizeof(name), "%s/.dossier.xml.etsi-tmp.%ld.cccccc", s.dir, (long)getppid());
	test_write_file(name, "x", 1);
	old[0].tv_sec = old[1].tv_sec = time(NULL) - 2 * 60 * 60;
	assert_int_equal(utimensat(AT_FDCWD, name, old, 0), 0);
	/* other names: kept whatever their age */
	snprintf(name, sizeof(name), "%s/.other.xml.etsi-tmp.%ld.dddddd", s.dir, (long)gone);
	test_write_file(name, "x", 1);
	snprintf(name, sizeof(name), "%s/.dossier.xml.etsi-tmp.notapid", s.dir);
	test_write_file(name, "x", 1);
	assert_int_equal(utimensat(AT_FDCWD, name, old, 0), 0);
	assert_int_equal(entries(s.dir, NULL), 6);

	d = load(s.path, 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	assert_int_equal(entries(s.dir, NULL), 4);
	assert_int_equal(entries(s.dir, ".bbbbbb"), 1);
	assert_int_equal(entries(s.dir, ".dddddd"), 1);
	assert_int_equal(entries(s.dir, "notapid"), 1);
	scene_close(&s);
}

static void test_save__long_name(void **state)
{
	char *dir = test_mkdtemp(), path[1024];
	char name[256];
	size_t len;
	char *data = test_read_file(test_data_path("valid/unit-minimal-v3.xml"), &len);

	(void)state;
	/* a name of NAME_MAX bytes: its temporary's name is cut to fit */
	memset(name, 'n', 251);
	memcpy(name + 251, ".xml", 5);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(etsi_file_write(path, data, len), 0);
	assert_int_equal(etsi_file_write(path, data, len), 0);
	assert_file_is(path, data, len);
	assert_int_equal(entries(dir, NULL), 1);
	free(data);
	test_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_save__changed_file_is_refused),
		cmocka_unit_test(test_save__replaced_or_removed_file_is_refused),
		cmocka_unit_test(test_save__same_bytes_are_no_conflict),
		cmocka_unit_test(test_save__saved_new_dossier_is_checked_next_time),
		cmocka_unit_test(test_save__second_of_two_processes_is_refused),
		cmocka_unit_test(test_save__concurrent_writers_lose_nothing),
		cmocka_unit_test(test_save__lock_held_across_saves),
		cmocka_unit_test(test_save__second_lock_in_one_process_is_refused),
		cmocka_unit_test(test_save__through_a_symlink),
		cmocka_unit_test(test_save__dangling_symlink_and_loop),
		cmocka_unit_test(test_save__keeps_mode_owner_and_group),
		cmocka_unit_test(test_save__interrupted_save_leaves_no_temporary),
		cmocka_unit_test(test_save__file_size_limit),
		cmocka_unit_test(test_save__stale_temporaries_are_removed),
		cmocka_unit_test(test_save__long_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
