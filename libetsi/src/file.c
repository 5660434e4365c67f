/*
 * File input and output: bounded reads of regular files and atomic,
 * checked replacement of a file.
 *
 * Replacing a file: its symbolic links are followed, so the link stays
 * and its target is replaced; the data goes to a temporary file next to
 * the target, named ".<name>.etsi-tmp.<pid>.<random>", which takes the
 * replaced file's owner, group and mode, is flushed to disk and renamed
 * over the target, and the directory is flushed.  Writers of one file
 * serialise on an exclusive flock() on the file itself (see open_locked()
 * for why not a lock file); a file kept for update holds that lock from
 * the read to the last write, and each write moves the lock onto the new
 * file before renaming it into place.  A write that checks the file's
 * state refuses with ETSI_ECONFLICT when the content differs from what was
 * read or last written.
 */
#define _DEFAULT_SOURCE  /* flock(), on top of POSIX.1-2008 */
#define _DARWIN_C_SOURCE /* the same on macOS */

#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "etsi/common.h"

/* A temporary file older than this, or whose process is gone, is stale:
 * the next write of the same file removes it. */
#define STALE_SECONDS (60 * 60)
/* At most this much of a file's name goes into its temporary's name, which
 * adds ".etsi-tmp.<pid>.<random>" and must stay within NAME_MAX. */
#define TMP_NAME_MAX 200
#define TMP_TAG ".etsi-tmp."
/* Symbolic links followed to the file a path names. */
#define MAX_LINKS 40

#if defined(__APPLE__)
# define MTIME_OF(st) ((st)->st_mtimespec)
#else
# define MTIME_OF(st) ((st)->st_mtim)
#endif

const char *etsi__human_size(char *buf, size_t bufsize, size_t n)
{
	if (n >= 1024 * 1024)
		snprintf(buf, bufsize, "%.1f MiB", (double)n / (1024.0 * 1024.0));
	else if (n >= 1024)
		snprintf(buf, bufsize, "%.1f KiB", (double)n / 1024.0);
	else
		snprintf(buf, bufsize, "%zu bytes", n);
	return buf;
}

/* 64-bit FNV-1a: tells whether a file still holds what was read, not a
 * defence against someone who forges a collision (who could as well write
 * the file while it is locked). */
static uint64_t content_hash(const char *data, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* ---- temporaries alive, for signal handlers -------------------------- */

/* The temporaries this process is writing, in fixed slots that a signal
 * handler can read: a slot is FREE, FILLING (claimed, path being copied)
 * or LIVE.  A temporary that finds no free slot is not covered; a later
 * write of the same file removes it once its process is gone. */
enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };
#define LIVE_SLOTS 16

static struct {
	atomic_int state;
	char path[PATH_MAX];
} live[LIVE_SLOTS];

#if ATOMIC_INT_LOCK_FREE != 2
# error "the temporaries' slots need lock-free atomic int for signal handlers"
#endif

static int live_add(const char *path)
{
	size_t len = strlen(path);
	int i;

	if (len >= PATH_MAX)
		return -1;
	for (i = 0; i < LIVE_SLOTS; i++) {
		int expected = SLOT_FREE;

		if (atomic_compare_exchange_strong(&live[i].state, &expected, SLOT_FILLING)) {
			memcpy(live[i].path, path, len + 1);
			atomic_store(&live[i].state, SLOT_LIVE);
			return i;
		}
	}
	return -1;
}

static void live_remove(int slot)
{
	if (slot >= 0)
		atomic_store(&live[slot].state, SLOT_FREE);
}

void etsi_file_remove_temporaries(void)
{
	int i;

	/* async-signal-safe: atomic loads and unlink() only */
	for (i = 0; i < LIVE_SLOTS; i++) {
		if (atomic_load(&live[i].state) == SLOT_LIVE)
			unlink(live[i].path);
	}
}

/* ---- locks held for update ------------------------------------------- */

/* The states of this process that hold a file's lock from a read to the
 * writes that follow.  A second lock of the same file from this process
 * would wait for ever (flock() locks of two open files conflict even in
 * one process), so it is refused instead. */
static pthread_mutex_t held_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t held_once = PTHREAD_ONCE_INIT;
static etsi__file_state *held;

/* A child process made by fork() does not hold its parent's locks: it
 * closes its copies of the descriptors (the lock would otherwise last until
 * both processes close them, and a lock the child takes itself would wait
 * for ever on the one it inherited).  Its copies of the dossiers save as
 * dossiers loaded without the lock do. */
static void held_prepare(void)
{
	pthread_mutex_lock(&held_mutex);
}

static void held_parent(void)
{
	pthread_mutex_unlock(&held_mutex);
}

static void held_child(void)
{
	etsi__file_state *s, *next;

	for (s = held; s; s = next) {
		next = s->next;
		close(s->lock_fd);
		s->lock_fd = -1;
		s->next = NULL;
	}
	held = NULL;
	pthread_mutex_unlock(&held_mutex);
}

static void held_init(void)
{
	pthread_atfork(held_prepare, held_parent, held_child);
}

static etsi__file_state *held_find(dev_t dev, ino_t ino, const etsi__file_state *self)
{
	etsi__file_state *s;

	for (s = held; s; s = s->next) {
		if (s != self && s->dev == (unsigned long long)dev &&
		    s->ino == (unsigned long long)ino)
			return s;
	}
	return NULL;
}

static void held_add(etsi__file_state *state)
{
	state->next = held;
	held = state;
}

static void held_remove(etsi__file_state *state)
{
	etsi__file_state **p;

	for (p = &held; *p; p = &(*p)->next) {
		if (*p == state) {
			*p = state->next;
			break;
		}
	}
	state->next = NULL;
}

static int held_elsewhere(const char *path)
{
	return etsi__error_at(ETSI_ECONFLICT, ETSI_ERROR_CLASS_OS, path, 0, 0,
	                      "is locked for update by another dossier of this process; "
	                      "free that dossier first, or load this one without the lock");
}

/* Opens the file @p path names and locks it exclusively, waiting while
 * another process holds the lock.  The lock is on the file itself, not on
 * a "<name>.lock" beside it: a lock file would stay behind in the user's
 * directory (it cannot be removed without a race) and would need the right
 * to create files where only the dossier may be writable; flock() rather
 * than fcntl() because an fcntl() lock belongs to the process and goes
 * when the process closes any descriptor of the file, which the
 * application may do behind libetsi's back.  Since writes replace the file,
 * the lock obtained may be on a file renamed away meanwhile: then the file
 * there now is locked instead.  On a file system without locks (flock()
 * fails with ENOLCK or EOPNOTSUPP) the file is used unlocked.
 *
 * @return 0 with *fd and *st set; 1 when there is no file; 2 when it
 *         cannot be read (*st set, *fd -1); < 0 */
static int open_locked(int *fd, struct stat *st, const char *path, const etsi__file_state *self)
{
	for (;;) {
		struct stat now;
		int rc;

		*fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (*fd < 0 && errno == ENOENT)
			return 1;
		/* a file one may replace but not read (mode 0200): unlocked */
		if (*fd < 0 && errno == EACCES && stat(path, st) == 0 && S_ISREG(st->st_mode))
			return 2;
		if (*fd < 0)
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot open: %s", strerror(errno));
		if (fstat(*fd, st) < 0) {
			rc = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                    "cannot stat: %s", strerror(errno));
			goto fail;
		}
		if (!S_ISREG(st->st_mode)) {
			rc = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                    "not a regular file; give the path of a dossier file");
			goto fail;
		}
		pthread_mutex_lock(&held_mutex);
		rc = held_find(st->st_dev, st->st_ino, self) != NULL;
		pthread_mutex_unlock(&held_mutex);
		if (rc) {
			rc = held_elsewhere(path);
			goto fail;
		}
		while ((rc = flock(*fd, LOCK_EX)) < 0 && errno == EINTR)
			;
		if (rc < 0 && errno != ENOLCK && errno != EOPNOTSUPP && errno != EINVAL) {
			rc = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                    "cannot lock: %s", strerror(errno));
			goto fail;
		}
		if (stat(path, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino)
			return 0;
		close(*fd); /* replaced while waiting: lock the file there now */
		continue;
fail:
		close(*fd);
		*fd = -1;
		return rc;
	}
}

/* ---- reading --------------------------------------------------------- */

static int read_open_file(char **out, size_t *len, int fd, const struct stat *st,
                          const char *path, size_t max_size)
{
	char *data;
	size_t got = 0;
	char a[32], b[32];

	if ((unsigned long long)st->st_size > (unsigned long long)max_size)
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, path, 0, 0,
		                      "file is %s, above the %s limit; raise max_size in "
		                      "etsi_load_options (or --max-size) if the file is genuine",
		                      etsi__human_size(a, sizeof(a), (size_t)st->st_size),
		                      etsi__human_size(b, sizeof(b), max_size));
	data = etsi__malloc((size_t)st->st_size + 1);
	if (!data)
		return etsi__error_oom();
	while (got < (size_t)st->st_size) {
		ssize_t n = pread(fd, data + got, (size_t)st->st_size - got, (off_t)got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			etsi__free(data);
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot read: %s", strerror(errno));
		}
		if (n == 0)
			break; /* the file shrank while reading: take what is there */
		got += (size_t)n;
	}
	data[got] = '\0';
	*out = data;
	*len = got;
	return 0;
}

static void state_set(etsi__file_state *state, const struct stat *st, const char *data,
                      size_t len)
{
	state->known = 1;
	state->dev = (unsigned long long)st->st_dev;
	state->ino = (unsigned long long)st->st_ino;
	state->size = (unsigned long long)len;
	state->mtime_sec = (long long)MTIME_OF(st).tv_sec;
	state->mtime_nsec = (long)MTIME_OF(st).tv_nsec;
	state->hash = content_hash(data, len);
}

int etsi__read_file_state(char **out, size_t *len, const char *path, size_t max_size,
                          int lock, etsi__file_state *state)
{
	struct stat st;
	int fd, error;

	*out = NULL;
	*len = 0;
	if (lock) {
		error = open_locked(&fd, &st, path, state);
		if (error > 0)
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot open: %s",
			                      strerror(error == 1 ? ENOENT : EACCES));
		if (error < 0)
			return error;
	} else {
		/* O_NONBLOCK: opening a FIFO would otherwise wait for a writer,
		 * for ever; it is refused below as not a regular file, and has
		 * no effect on reading a regular file */
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		if (fd < 0)
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot open: %s", strerror(errno));
		if (fstat(fd, &st) < 0) {
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "cannot stat: %s", strerror(errno));
			goto done;
		}
		if (!S_ISREG(st.st_mode)) {
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "not a regular file; give the path of a dossier file");
			goto done;
		}
	}
	if ((error = read_open_file(out, len, fd, &st, path, max_size)) < 0)
		goto done;
	if (state) {
		etsi__file_state_release(state);
		state_set(state, &st, *out, *len);
		if (lock) {
			pthread_once(&held_once, held_init);
			pthread_mutex_lock(&held_mutex);
			state->lock_fd = fd;
			held_add(state);
			pthread_mutex_unlock(&held_mutex);
			fd = -1;
		}
	}
done:
	if (fd >= 0)
		close(fd);
	return error;
}

int etsi__read_file(char **out, size_t *len, const char *path, size_t max_size)
{
	return etsi__read_file_state(out, len, path, max_size, 0, NULL);
}

void etsi__file_state_release(etsi__file_state *state)
{
	if (!state || state->lock_fd < 0)
		return;
	pthread_mutex_lock(&held_mutex);
	held_remove(state);
	pthread_mutex_unlock(&held_mutex);
	close(state->lock_fd);
	state->lock_fd = -1;
}

void etsi__file_state_move(etsi__file_state *to, etsi__file_state *from)
{
	pthread_mutex_lock(&held_mutex);
	*to = *from;
	to->next = NULL;
	if (from->lock_fd >= 0) {
		held_remove(from);
		held_add(to);
	}
	from->lock_fd = -1;
	pthread_mutex_unlock(&held_mutex);
}

/* ---- writing --------------------------------------------------------- */

int etsi_file_write(const char *path, const char *data, size_t len)
{
	ETSI__ASSERT_ARG(path && *path);
	ETSI__ASSERT_ARG(data || len == 0);
	return etsi__write_file_atomic(path, data ? data : "", len);
}

/* The file @p path names once its symbolic links are followed, so that a
 * write replaces the link's target and keeps the link; a dangling link
 * names the file the write creates. */
static int resolve_links(etsi__buf *out, const char *path)
{
	int hops;

	etsi__buf_puts(out, path);
	for (hops = 0;; hops++) {
		char link[PATH_MAX];
		struct stat st;
		ssize_t n;

		if (out->failed)
			return etsi__error_oom();
		if (lstat(out->ptr, &st) < 0 || !S_ISLNK(st.st_mode))
			return 0;
		if (hops == MAX_LINKS)
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot follow: %s", strerror(ELOOP));
		n = readlink(out->ptr, link, sizeof(link) - 1);
		if (n < 0)
			return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                      "cannot follow the symbolic link %s: %s", out->ptr,
			                      strerror(errno));
		link[n] = '\0';
		if (link[0] == '/') {
			out->len = 0;
		} else {
			char *slash = strrchr(out->ptr, '/');

			out->len = slash ? (size_t)(slash - out->ptr) + 1 : 0;
		}
		out->ptr[out->len] = '\0';
		etsi__buf_puts(out, link);
	}
}

/* Creates "<prefix><pid>.XXXXXX" exclusively.  Unlike mkstemp(), the mode
 * is given, so a new file gets the process's umask like any other file it
 * creates; an existing file's mode is copied over it later.  The name is
 * among the live temporaries (*slot) before the file exists, so that a
 * signal handler finds every file created. */
static int create_temporary(etsi__buf *name, mode_t mode, int *slot)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t prefix;
	unsigned long long seed;
	int attempt, fd = -1;

	if (etsi__buf_printf(name, "%ld.", (long)getpid()) < 0)
		return -1;
	prefix = name->len;
	seed = (unsigned long long)getpid() * 2654435761ULL ^ (unsigned long long)time(NULL) ^
	       (unsigned long long)(uintptr_t)name;
	for (attempt = 0; attempt < 100; attempt++) {
		char suffix[7];
		int i;

		for (i = 0; i < 6; i++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			suffix[i] = chars[(seed >> 33) % (sizeof(chars) - 1)];
		}
		suffix[6] = '\0';
		name->len = prefix;
		name->ptr[prefix] = '\0';
		if (etsi__buf_puts(name, suffix) < 0)
			return -1;
		*slot = live_add(name->ptr);
		fd = open(name->ptr, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0)
			break;
		live_remove(*slot);
		*slot = -1;
		if (errno != EEXIST)
			break;
	}
	return fd;
}

/* Removes the temporaries of earlier writes of one file that did not
 * finish: those "<prefix><pid>.<random>" whose process is gone, or older
 * than STALE_SECONDS.  Best effort: a failure changes nothing else. */
static void remove_stale(const char *dir, const char *prefix)
{
	size_t plen = strlen(prefix);
	time_t now = time(NULL);
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		struct stat st;
		char *end;
		long pid;

		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		pid = strtol(e->d_name + plen, &end, 10);
		if (end == e->d_name + plen || *end != '.' || pid <= 0 ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		if (now - st.st_mtime > STALE_SECONDS ||
		    (pid != (long)getpid() && kill((pid_t)pid, 0) < 0 && errno == ESRCH))
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int conflict(const char *path, const char *what)
{
	return etsi__error_at(ETSI_ECONFLICT, ETSI_ERROR_CLASS_OS, path, 0, 0,
	                      "%s since it was loaded; nothing was written: load it again, "
	                      "make the change again and save", what);
}

/* Whether the file open as @p fd (described by @p st) still holds what
 * @p state recorded: a conflict error otherwise. */
static int check_unchanged(int fd, const struct stat *st, const char *path,
                           const etsi__file_state *state)
{
	char *data = NULL;
	size_t len;
	int same, error;

	if ((unsigned long long)st->st_size != state->size)
		return conflict(path, st->st_ino == state->ino && st->st_dev == state->dev
		                      ? "was changed by another program"
		                      : "was replaced by another program");
	if ((error = read_open_file(&data, &len, fd, st, path, (size_t)st->st_size)) < 0)
		return error;
	same = len == state->size && content_hash(data, len) == state->hash;
	etsi__free(data);
	if (!same)
		return conflict(path, st->st_ino == state->ino && st->st_dev == state->dev
		                      ? "was changed by another program"
		                      : "was replaced by another program");
	return 0;
}

int etsi__write_file_state(const char *path, const char *data, size_t len,
                           etsi__file_state *state, int check)
{
	etsi__buf target = ETSI__BUF_INIT, dir = ETSI__BUF_INIT, tmp = ETSI__BUF_INIT;
	const char *slash, *base;
	struct stat st, written;
	int keep_lock = state && state->lock_fd >= 0;
	int fd = -1, lock_fd = -1, slot = -1, error, have_old, is_held;
	size_t done = 0;

	if ((error = resolve_links(&target, path)) < 0)
		goto done;
	slash = strrchr(target.ptr, '/');
	base = slash ? slash + 1 : target.ptr;
	if (slash)
		etsi__buf_put(&dir, target.ptr, (size_t)(slash - target.ptr) + (slash == target.ptr));
	else
		etsi__buf_puts(&dir, ".");
	etsi__buf_printf(&tmp, "%s/.%.*s" TMP_TAG, dir.ptr ? dir.ptr : ".", TMP_NAME_MAX, base);
	if (dir.failed || tmp.failed) {
		error = etsi__error_oom();
		goto done;
	}
	remove_stale(dir.ptr, tmp.ptr + dir.len + 1);

	/* the lock of the file replaced: the one held, when it is still the
	 * file there, or else that file's, taken for this write */
	is_held = keep_lock && fstat(state->lock_fd, &st) == 0 && stat(target.ptr, &written) == 0 &&
	          st.st_dev == written.st_dev && st.st_ino == written.st_ino;
	if (is_held) {
		have_old = 1;
	} else {
		error = open_locked(&lock_fd, &st, target.ptr, state);
		if (error < 0 && etsi_error_last()->code == ETSI_EIO &&
		    lstat(target.ptr, &written) == 0 && !S_ISREG(written.st_mode))
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "not a regular file; choose another output path");
		if (error < 0)
			goto done;
		have_old = error != 1;
		error = 0;
	}
	/* another name of the file the state describes is the same file */
	if (state && state->known && have_old && (unsigned long long)st.st_dev == state->dev &&
	    (unsigned long long)st.st_ino == state->ino)
		check = 1;
	if (check && state && state->known) {
		if (!have_old)
			error = conflict(path, "was removed");
		else if (!is_held && lock_fd < 0)
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "cannot open: %s", strerror(EACCES));
		else
			error = check_unchanged(is_held ? state->lock_fd : lock_fd, &st, path, state);
		if (error < 0)
			goto done;
	}

	fd = create_temporary(&tmp, have_old ? 0600 : 0666, &slot);
	if (fd < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot create a temporary file in %s: %s",
		                       dir.ptr, tmp.failed ? strerror(ENOMEM) : strerror(errno));
		goto done;
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "cannot write: %s; the original file is unchanged",
			                       strerror(errno));
			goto fail;
		}
		done += (size_t)n;
	}
	/* the replaced file's owner and group where permitted (only root may
	 * give a file away; an owner may change its group to one of its own),
	 * before its mode, which a change of owner would clear setuid bits of */
	if (have_old && fchown(fd, st.st_uid, st.st_gid) < 0 && errno == EPERM)
		(void)!fchown(fd, (uid_t)-1, st.st_gid);
	if ((have_old && fchmod(fd, st.st_mode & 07777) < 0) || fsync(fd) < 0 ||
	    fstat(fd, &written) < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot flush to disk: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	/* a file kept for update is locked before it takes the old one's
	 * place, so that no other writer slips in between */
	if (keep_lock)
		flock(fd, LOCK_EX | LOCK_NB);
	else if (close(fd) < 0) {
		fd = -1;
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot close: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	if (!keep_lock)
		fd = -1;
	if (rename(tmp.ptr, target.ptr) < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot replace: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	live_remove(slot);
	/* The rename is durable only once the directory is on disk too; a
	 * failure here leaves a complete new file, so it is not an error. */
	fsync_dir(dir.ptr);
	if (state) {
		pthread_mutex_lock(&held_mutex);
		state_set(state, &written, data, len);
		if (keep_lock) {
			close(state->lock_fd);
			state->lock_fd = fd;
			fd = -1;
		}
		pthread_mutex_unlock(&held_mutex);
	}
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	fd = -1;
	unlink(tmp.ptr);
	live_remove(slot);
done:
	if (lock_fd >= 0)
		close(lock_fd);
	etsi__buf_dispose(&target);
	etsi__buf_dispose(&dir);
	etsi__buf_dispose(&tmp);
	return error;
}

int etsi__write_file_atomic(const char *path, const char *data, size_t len)
{
	return etsi__write_file_state(path, data, len, NULL, 0);
}
