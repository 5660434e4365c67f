/*
 * File input and output: bounded reads of regular files and atomic
 * replacement of a file (temporary file in the same directory, fsync,
 * rename, fsync of the directory).
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "error.h"
#include "etsi/common.h"

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

int etsi__read_file(char **out, size_t *len, const char *path, size_t max_size)
{
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	char a[32], b[32];
	int fd, error = 0;

	*out = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO would otherwise wait for a writer, for
	 * ever; it is refused below as not a regular file, and has no effect
	 * on reading a regular file */
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
	if ((unsigned long long)st.st_size > (unsigned long long)max_size) {
		error = etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, path, 0, 0,
		                       "file is %s, above the %s limit; raise max_size in "
		                       "etsi_load_options (or --max-size) if the file is genuine",
		                       etsi__human_size(a, sizeof(a), (size_t)st.st_size),
		                       etsi__human_size(b, sizeof(b), max_size));
		goto done;
	}
	data = etsi__malloc((size_t)st.st_size + 1);
	if (!data) {
		error = etsi__error_oom();
		goto done;
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "cannot read: %s", strerror(errno));
			goto done;
		}
		if (n == 0)
			break; /* the file shrank while reading: take what is there */
		got += (size_t)n;
	}
	data[got] = '\0';
	*out = data;
	*len = got;
	data = NULL;
done:
	etsi__free(data);
	close(fd);
	return error;
}

int etsi_file_write(const char *path, const char *data, size_t len)
{
	ETSI__ASSERT_ARG(path && *path);
	ETSI__ASSERT_ARG(data || len == 0);
	return etsi__write_file_atomic(path, data ? data : "", len);
}

/* Creates "<prefix>XXXXXX" exclusively.  Unlike mkstemp(), the mode is
 * given, so a new file gets the process's umask like any other file it
 * creates; an existing file's mode is copied over it later. */
static int create_temporary(etsi__buf *name, mode_t mode)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t prefix = name->len;
	unsigned long long seed;
	int attempt, fd = -1;

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
		fd = open(name->ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	return fd;
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

int etsi__write_file_atomic(const char *path, const char *data, size_t len)
{
	const char *slash = strrchr(path, '/');
	etsi__buf dir = ETSI__BUF_INIT, tmp = ETSI__BUF_INIT;
	struct stat st;
	mode_t mode = 0;
	size_t done = 0;
	int fd = -1, error = 0, have_old;

	if (slash)
		etsi__buf_put(&dir, path, (size_t)(slash - path) + (slash == path));
	else
		etsi__buf_puts(&dir, ".");
	etsi__buf_printf(&tmp, "%s/.%s.", dir.ptr ? dir.ptr : ".", slash ? slash + 1 : path);
	if (dir.failed || tmp.failed) {
		error = etsi__error_oom();
		goto done;
	}
	have_old = stat(path, &st) == 0;
	if (have_old) {
		if (!S_ISREG(st.st_mode)) {
			error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
			                       "not a regular file; choose another output path");
			goto done;
		}
		mode = st.st_mode & 07777;
	}
	fd = create_temporary(&tmp, have_old ? 0600 : 0666);
	if (fd < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot create a temporary file in %s: %s",
		                       dir.ptr, strerror(errno));
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
	if ((have_old && fchmod(fd, mode) < 0) || fsync(fd) < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot flush to disk: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot close: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp.ptr, path) < 0) {
		error = etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, path, 0, 0,
		                       "cannot replace: %s; the original file is unchanged",
		                       strerror(errno));
		goto fail;
	}
	/* The rename is durable only once the directory is on disk too; a
	 * failure here leaves a complete new file, so it is not an error. */
	fsync_dir(dir.ptr);
	goto done;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.ptr);
done:
	etsi__buf_dispose(&dir);
	etsi__buf_dispose(&tmp);
	return error;
}
