/*
 * Artifact digests: the SHA-256 and size of the files behind evidence,
 * recorded (etsi_evidence_hash) and verified (etsi_evidence_verify).
 *
 * A reference is resolved inside the root one component at a time: each
 * directory is opened relative to the one before with O_NOFOLLOW, and a
 * symbolic link is never followed by the kernel but read (readlinkat) and
 * its target walked the same way, on a stack of directory descriptors, so
 * a `..` in a link pops the stack and cannot climb above the root.  The
 * file itself is opened with O_NOFOLLOW | O_NONBLOCK and must be a regular
 * file.  Files are read in CHUNK-sized pieces into one buffer and digested
 * with OpenSSL's EVP interface: memory does not grow with the file.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "alloc.h"
#include "diagnostic.h"
#include "error.h"
#include "etsi/evidence.h"
#include "util.h"

#define CHUNK ((size_t)1024 * 1024)
#define MAX_DEPTH 256     /* directories on the walk */
#define MAX_LINKS 40      /* symbolic links followed for one reference */

enum status {
	ST_OK,
	ST_HASHED,
	ST_UPDATED,
	ST_EXTERNAL,
	ST_CHANGED,
	ST_MISSING,
	ST_UNREADABLE,
	ST_REFUSED,
	ST_NO_DIGEST
};

static const struct {
	const char *rule;
	etsi_severity severity;
	const char *hint;
} statuses[] = {
	[ST_OK] = { "artifact-ok", ETSI_SEVERITY_INFO, NULL },
	[ST_HASHED] = { "artifact-hashed", ETSI_SEVERITY_INFO, NULL },
	[ST_UPDATED] = { "artifact-updated", ETSI_SEVERITY_WARNING,
		"the file changed after its digest was recorded; make sure the new file is the "
		"one that was reviewed" },
	[ST_EXTERNAL] = { "artifact-external", ETSI_SEVERITY_INFO,
		"a URL is not checked; keep a capture of the page as a file under the root to "
		"make it verifiable" },
	[ST_CHANGED] = { "artifact-changed", ETSI_SEVERITY_ERROR,
		"restore the file that was reviewed, or review the new one and record it with "
		"`etsi evidence hash --update`" },
	[ST_MISSING] = { "artifact-missing", ETSI_SEVERITY_ERROR,
		"put the file at this path under the root, or correct the artifact's ref" },
	[ST_UNREADABLE] = { "artifact-unreadable", ETSI_SEVERITY_ERROR,
		"make it a regular file the user running the check can read, or correct the "
		"artifact's ref" },
	[ST_REFUSED] = { "artifact-refused", ETSI_SEVERITY_ERROR,
		"copy the file into the evidence package and refer to it by a relative path "
		"without '..'" },
	[ST_NO_DIGEST] = { "artifact-no-digest", ETSI_SEVERITY_ERROR,
		"record its digest with `etsi evidence hash FILE --root DIR`" },
};

int etsi_evidence_options_init(etsi_evidence_options *opts, unsigned int version)
{
	ETSI__OPTIONS_INIT(opts, version, ETSI_EVIDENCE_OPTIONS_VERSION, "etsi_evidence_options");
}

/* ---- references ------------------------------------------------------ */

/* A reference with a URI scheme (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" /
 * "-" / "." ) ":") is a URL; a relative path has none before its first
 * '/'. */
static int is_url(const char *ref)
{
	const char *p = ref;

	if (!isalpha((unsigned char)*p))
		return 0;
	for (p++; *p; p++) {
		if (*p == ':')
			return 1;
		if (!isalnum((unsigned char)*p) && *p != '+' && *p != '-' && *p != '.')
			return 0;
	}
	return 0;
}

static int has_dotdot(const char *ref)
{
	const char *p = ref;

	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += len;
		while (*p == '/')
			p++;
	}
	return 0;
}

/* What resolving a reference gave: an open regular file, or why not. */
typedef struct found {
	int fd;             /* the file, or -1 */
	int status;         /* when fd < 0: ST_MISSING, ST_UNREADABLE, ST_REFUSED */
	struct stat st;
	etsi__buf why;      /* when fd < 0: a phrase saying what went wrong */
} found;

typedef struct walk {
	int root;
	int fds[MAX_DEPTH];        /* directories below the root */
	size_t marks[MAX_DEPTH];   /* shown.len before each of them */
	size_t depth;
	etsi__buf shown;           /* the path walked so far, for messages */
	etsi__buf link;            /* the last symbolic link followed */
} walk;

static int walk_dir(const walk *w)
{
	return w->depth ? w->fds[w->depth - 1] : w->root;
}

static void fail(found *f, int status, const char *fmt, ...) ETSI__PRINTF(3, 4);

static void fail(found *f, int status, const char *fmt, ...)
{
	va_list ap;

	f->status = status;
	va_start(ap, fmt);
	etsi__buf_vprintf(&f->why, fmt, ap);
	va_end(ap);
}

/* A failed open or stat of `name`: missing, or unreadable. */
static void fail_errno(found *f, const walk *w, int err)
{
	const char *at = w->shown.len ? w->shown.ptr : ".";

	if (err == ENOENT)
		fail(f, ST_MISSING, "'%s' does not exist", at);
	else if (err == ENOTDIR || err == ENAMETOOLONG)
		fail(f, ST_MISSING, "'%s': %s", at, strerror(err));
	else if (err == ELOOP)
		fail(f, ST_REFUSED, "'%s' turned into a symbolic link while it was opened", at);
	else
		fail(f, ST_UNREADABLE, "'%s' cannot be opened: %s", at, strerror(err));
}

static void walk_dispose(walk *w)
{
	while (w->depth)
		close(w->fds[--w->depth]);
	etsi__buf_dispose(&w->shown);
	etsi__buf_dispose(&w->link);
}

/* Opens `ref` below the directory `root` (see the top of the file).
 * Returns 0 with f->fd >= 0, or with f->fd == -1 and f->status and f->why
 * saying why; ETSI_ENOMEM. */
static int open_beneath(found *f, int root, const char *ref)
{
	walk w;
	char *pending = NULL, *cursor, target[PATH_MAX + 1];
	int links = 0, error = 0;

	memset(&w, 0, sizeof(w));
	w.root = root;
	f->fd = -1;
	if (!*ref) {
		fail(f, ST_MISSING, "the reference is empty");
		goto done;
	}
	if (ref[0] == '/') {
		fail(f, ST_REFUSED, "it is an absolute path");
		goto done;
	}
	if (has_dotdot(ref)) {
		fail(f, ST_REFUSED, "it has a '..' component");
		goto done;
	}
	if (!(pending = etsi__strdup(ref))) {
		error = ETSI_ENOMEM;
		goto done;
	}
	cursor = pending;
	for (;;) {
		char name[NAME_MAX + 1], *end, *rest;
		size_t len, mark = w.shown.len;
		int dir = walk_dir(&w), last, slash, fd;
		struct stat st;

		while (*cursor == '/')
			cursor++;
		if (!*cursor) {
			/* the reference (or a link) ends at a directory */
			fail(f, ST_UNREADABLE, "'%s' is a directory, not a file",
			     w.shown.len ? w.shown.ptr : ".");
			goto done;
		}
		end = strchr(cursor, '/');
		len = end ? (size_t)(end - cursor) : strlen(cursor);
		rest = cursor + len;
		slash = *rest == '/'; /* "name/" names a directory */
		while (*rest == '/')
			rest++;
		last = !*rest;
		if (len > NAME_MAX) {
			fail(f, ST_MISSING, "a name in it is longer than %d bytes", NAME_MAX);
			goto done;
		}
		memcpy(name, cursor, len);
		name[len] = '\0';
		cursor = rest;
		if (strcmp(name, ".") == 0) {
			if (last) {
				fail(f, ST_UNREADABLE, "'%s' is a directory, not a file",
				     w.shown.len ? w.shown.ptr : ".");
				goto done;
			}
			continue;
		}
		if (strcmp(name, "..") == 0) {
			/* only a link's target gets here: the reference has none */
			if (!w.depth) {
				fail(f, ST_REFUSED, "symbolic link '%s' leads out of the root",
				     w.link.ptr ? w.link.ptr : "?");
				goto done;
			}
			close(w.fds[--w.depth]);
			w.shown.len = w.marks[w.depth];
			if (w.shown.ptr)
				w.shown.ptr[w.shown.len] = '\0';
			if (last) {
				fail(f, ST_UNREADABLE, "'%s' is a directory, not a file",
				     w.shown.len ? w.shown.ptr : ".");
				goto done;
			}
			continue;
		}
		etsi__buf_printf(&w.shown, "%s%s", w.shown.len ? "/" : "", name);
		if (w.shown.failed) {
			error = ETSI_ENOMEM;
			goto done;
		}
		if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			fail_errno(f, &w, errno);
			goto done;
		}
		if (S_ISLNK(st.st_mode)) {
			ssize_t n;
			etsi__buf next = ETSI__BUF_INIT;

			if (++links > MAX_LINKS) {
				fail(f, ST_REFUSED, "more than %d symbolic links (a loop?) at '%s'",
				     MAX_LINKS, w.shown.ptr);
				goto done;
			}
			n = readlinkat(dir, name, target, sizeof(target) - 1);
			if (n < 0) {
				fail_errno(f, &w, errno);
				goto done;
			}
			target[n] = '\0';
			if (target[0] == '/') {
				fail(f, ST_REFUSED, "symbolic link '%s' points to an absolute path",
				     w.shown.ptr);
				goto done;
			}
			etsi__buf_dispose(&w.link);
			etsi__buf_puts(&w.link, w.shown.ptr);
			/* the link's target replaces its name on the path */
			etsi__buf_printf(&next, "%s%s%s", target, slash ? "/" : "", cursor);
			if (next.failed || w.link.failed) {
				etsi__buf_dispose(&next);
				error = ETSI_ENOMEM;
				goto done;
			}
			etsi__free(pending);
			pending = etsi__buf_detach(&next);
			cursor = pending;
			w.shown.len = mark;
			w.shown.ptr[mark] = '\0';
			continue;
		}
		if (!last) {
			if (!S_ISDIR(st.st_mode)) {
				fail(f, ST_MISSING, "'%s' is not a directory", w.shown.ptr);
				goto done;
			}
			if (w.depth == MAX_DEPTH) {
				fail(f, ST_REFUSED, "it is nested more than %d directories deep", MAX_DEPTH);
				goto done;
			}
			fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (fd < 0) {
				fail_errno(f, &w, errno);
				goto done;
			}
			w.marks[w.depth] = mark;
			w.fds[w.depth++] = fd;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			fail(f, ST_UNREADABLE, "'%s' is a directory, not a file", w.shown.ptr);
			goto done;
		}
		if (slash) {
			fail(f, ST_MISSING, "'%s' is not a directory", w.shown.ptr);
			goto done;
		}
		if (!S_ISREG(st.st_mode)) {
			fail(f, ST_UNREADABLE, "'%s' is not a regular file", w.shown.ptr);
			goto done;
		}
		/* O_NONBLOCK: should it have become a FIFO meanwhile, the open
		 * does not hang; fstat below refuses it */
		fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			fail_errno(f, &w, errno);
			goto done;
		}
		if (fstat(fd, &f->st) < 0 || !S_ISREG(f->st.st_mode)) {
			close(fd);
			fail(f, ST_UNREADABLE, "'%s' is not a regular file", w.shown.ptr);
			goto done;
		}
		f->fd = fd;
		goto done;
	}
done:
	if (f->why.failed)
		error = ETSI_ENOMEM;
	etsi__free(pending);
	walk_dispose(&w);
	return error;
}

/* ---- digests --------------------------------------------------------- */

typedef struct run {
	const etsi_evidence_options *opts;
	etsi_evidence_progress progress;
	unsigned char *buffer;
	int stopped;        /* the callback asked to stop */
} run;

static int report_progress(run *r)
{
	if (!r->opts->progress || r->stopped)
		return r->stopped;
	if (r->opts->progress(&r->progress, r->opts->payload) != 0)
		r->stopped = 1;
	return r->stopped;
}

/* Digests an open file.  Returns 0 with hex and *size set; 1 when it
 * cannot be read (f->why says why); ETSI_ESTOPPED when the callback
 * stopped it, ETSI_ERROR when libcrypto failed (etsi_error_last() says which). */
static int digest(run *r, found *f, char hex[65], unsigned long long *size)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned long long total = 0;
	int result = 0;

	if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
		result = etsi__error(ETSI_ERROR, ETSI_ERROR_CLASS_OS,
		                     "OpenSSL's libcrypto cannot compute SHA-256 here; check the "
		                     "OpenSSL installation and its configuration");
		goto done;
	}
#ifdef POSIX_FADV_SEQUENTIAL
	(void)posix_fadvise(f->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	r->progress.done = 0;
	r->progress.total = (unsigned long long)f->st.st_size;
	if (report_progress(r))
		goto stopped;
	for (;;) {
		ssize_t n = read(f->fd, r->buffer, CHUNK);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fail(f, ST_UNREADABLE, "reading it failed after %llu bytes: %s", total,
			     strerror(errno));
			result = 1;
			goto done;
		}
		if (n == 0)
			break;
		if (EVP_DigestUpdate(ctx, r->buffer, (size_t)n) != 1) {
			result = etsi__error(ETSI_ERROR, ETSI_ERROR_CLASS_OS,
			                     "OpenSSL's libcrypto failed while computing SHA-256");
			goto done;
		}
		total += (unsigned long long)n;
		r->progress.done = total;
		if (total > r->progress.total)
			r->progress.total = total; /* the file grew while it was read */
		if (report_progress(r))
			goto stopped;
	}
	if (EVP_DigestFinal_ex(ctx, md, &mdlen) != 1 || mdlen != 32) {
		result = etsi__error(ETSI_ERROR, ETSI_ERROR_CLASS_OS,
		                     "OpenSSL's libcrypto failed while computing SHA-256");
		goto done;
	}
	for (i = 0; i < mdlen; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
	*size = total;
	/* the last call says done == total, also for an empty file */
	r->progress.total = total;
	if (total == 0 && report_progress(r))
		goto stopped;
	goto done;
stopped:
	result = etsi__error(ETSI_ESTOPPED, ETSI_ERROR_CLASS_ARGUMENT,
	                     "the progress callback stopped the operation at artifact '%s'",
	                     r->progress.artifact);
done:
	EVP_MD_CTX_free(ctx);
	if (f->why.failed)
		result = etsi__error_oom();
	return result;
}

/* ---- the walk over the artifacts ------------------------------------- */

static int add(etsi_diagnostics *report, const char *file, const etsi_record *a, int status,
               const char *fmt, ...) ETSI__PRINTF(5, 6);

static int add(etsi_diagnostics *report, const char *file, const etsi_record *a, int status,
               const char *fmt, ...)
{
	etsi__buf message = ETSI__BUF_INIT;
	etsi__where where;
	va_list ap;
	int error;

	va_start(ap, fmt);
	etsi__buf_vprintf(&message, fmt, ap);
	va_end(ap);
	if (message.failed) {
		etsi__buf_dispose(&message);
		return etsi__error_oom();
	}
	memset(&where, 0, sizeof(where));
	where.file = file;
	where.line = etsi_record_line(a);
	where.rule = statuses[status].rule;
	where.element = etsi_record_key(a);
	where.reference = etsi_record_get(etsi_record_parent(a), "provision");
	error = etsi__diagnostics_add(report, statuses[status].severity, &where,
	                              statuses[status].hint, "%s", message.ptr);
	etsi__buf_dispose(&message);
	return error;
}

/* Parses a recorded size; 0 when there is none or it is not a number. */
static int recorded_size(const char *text, unsigned long long *out)
{
	char *end;

	if (!text || !*text)
		return 0;
	errno = 0;
	*out = strtoull(text, &end, 10);
	return !*end && errno == 0;
}

/* One artifact: resolve, compare, digest, record.  Returns its status, or
 * a negative error. */
static int one(run *r, etsi_diagnostics *report, const char *file, int root,
               etsi_record *a, int hashing)
{
	const char *id = etsi_record_key(a), *ref = etsi_record_get(a, "ref");
	const char *sha = etsi_record_get(a, "sha256");
	const char *root_name = r->opts->root;
	unsigned long long want = 0, size = 0;
	int have_size = recorded_size(etsi_record_get(a, "size"), &want);
	found f;
	char hex[65], number[32];
	int status, error;

	memset(&f, 0, sizeof(f));
	f.fd = -1;
	/* an invalid dossier (verify does not validate) may lack either */
	if (!id)
		id = "";
	if (!ref)
		ref = "";
	if (is_url(ref))
		return add(report, file, a, ST_EXTERNAL,
		           "artifact '%s' is a URL (%s) and is not checked", id, ref) < 0
		       ? ETSI_ENOMEM : ST_EXTERNAL;
	if ((error = open_beneath(&f, root, ref)) < 0) {
		etsi__buf_dispose(&f.why);
		return etsi__error_oom();
	}
	if (f.fd < 0) {
		status = f.status;
		error = status == ST_REFUSED
		        ? add(report, file, a, status, "artifact '%s' (%s) is refused: %s; references "
		              "resolve only inside %s", id, ref, f.why.ptr, root_name)
		        : status == ST_MISSING
		        ? add(report, file, a, status, "artifact '%s' (%s) is not under %s: %s", id,
		              ref, root_name, f.why.ptr)
		        : add(report, file, a, status, "artifact '%s' (%s) cannot be read: %s", id,
		              ref, f.why.ptr);
		goto done;
	}
	if (!hashing && !sha) {
		status = ST_NO_DIGEST;
		error = add(report, file, a, status,
		            "artifact '%s' (%s) has no recorded SHA-256 to verify against", id, ref);
		goto done;
	}
	/* a different size proves a change without reading the file */
	if (sha && have_size && want != (unsigned long long)f.st.st_size &&
	    !(hashing && (r->opts->flags & ETSI_EVIDENCE_UPDATE))) {
		status = ST_CHANGED;
		error = add(report, file, a, status, "artifact '%s' (%s) has changed: it is %llu "
		            "bytes, the dossier records %llu", id, ref,
		            (unsigned long long)f.st.st_size, want);
		goto done;
	}
	error = digest(r, &f, hex, &size);
	if (error < 0)
		goto done;
	if (error == 1) {
		status = ST_UNREADABLE;
		error = add(report, file, a, status, "artifact '%s' (%s) cannot be read: %s", id,
		            ref, f.why.ptr);
		goto done;
	}
	snprintf(number, sizeof(number), "%llu", size);
	if (sha && strcmp(sha, hex) == 0) {
		if (!hashing && have_size && want != size) {
			status = ST_CHANGED;
			error = add(report, file, a, status, "artifact '%s' (%s) has changed: its "
			            "SHA-256 matches but it is %llu bytes, the dossier records %llu", id,
			            ref, size, want);
		} else if (hashing && (!have_size || want != size)) {
			status = ST_HASHED;
			error = etsi_record_set(a, "size", number);
			if (error == 0)
				error = add(report, file, a, status, "artifact '%s' (%s): its SHA-256 "
				            "matches; recorded its size, %llu bytes", id, ref, size);
		} else {
			status = ST_OK;
			error = add(report, file, a, status, "artifact '%s' (%s) matches its "
			            "recorded SHA-256 and size", id, ref);
		}
		goto done;
	}
	if (!hashing || (sha && !(r->opts->flags & ETSI_EVIDENCE_UPDATE))) {
		status = ST_CHANGED;
		error = add(report, file, a, status, "artifact '%s' (%s) has changed: its SHA-256 "
		            "is %s, the dossier records %s", id, ref, hex, sha);
		goto done;
	}
	status = sha ? ST_UPDATED : ST_HASHED;
	if (sha) {
		char was[65];

		/* the record's strings change with it: keep the old digest */
		snprintf(was, sizeof(was), "%s", sha);
		if ((error = etsi_record_set(a, "sha256", hex)) < 0 ||
		    (error = etsi_record_set(a, "size", number)) < 0)
			goto done;
		error = add(report, file, a, status, "artifact '%s' (%s) had changed; recorded its "
		            "new SHA-256 %s and size %llu bytes (it was %s)", id, ref, hex, size,
		            was);
		goto done;
	}
	if ((error = etsi_record_set(a, "sha256", hex)) < 0 ||
	    (error = etsi_record_set(a, "size", number)) < 0)
		goto done;
	error = add(report, file, a, status, "artifact '%s' (%s): recorded SHA-256 %s and size "
	            "%llu bytes", id, ref, hex, size);
done:
	if (f.fd >= 0)
		close(f.fd);
	etsi__buf_dispose(&f.why);
	return error < 0 ? error : status;
}

static int evidence_run(etsi_diagnostics **report, const etsi_dossier *dossier,
                        const etsi_evidence_options *opts, int hashing)
{
	const char *file;
	etsi_diagnostics *list = NULL;
	const etsi_diagnostic *first = NULL;
	size_t i, n, bad = 0;
	run r;
	int root = -1, error = 0;

	if (report)
		*report = NULL;
	ETSI__ASSERT_ARG(report);
	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(opts);
	if (opts->version != ETSI_EVIDENCE_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_evidence_options version %u is unknown", opts->version);
	if (!opts->root || !*opts->root)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "no root directory: artifact references are resolved inside the "
		                   "directory given as the root");
	if (opts->flags & ~(unsigned int)ETSI_EVIDENCE_UPDATE)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "unknown etsi_evidence_flags 0x%x", opts->flags);
	memset(&r, 0, sizeof(r));
	r.opts = opts;
	root = open(opts->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		return etsi__error_at(ETSI_EIO, ETSI_ERROR_CLASS_OS, opts->root, 0, 0,
		                      "the root cannot be opened as a directory: %s",
		                      strerror(errno));
	file = etsi_dossier_path(dossier) ? etsi_dossier_path(dossier) : "<new dossier>";
	list = etsi__diagnostics_new();
	r.buffer = etsi__malloc(CHUNK);
	if (!list || !r.buffer) {
		error = etsi__error_oom();
		goto done;
	}
	n = etsi_dossier_count(dossier, ETSI_KIND_ARTIFACT);
	r.progress.count = n;
	for (i = 0; i < n; i++) {
		etsi_record *a = etsi_dossier_at(dossier, ETSI_KIND_ARTIFACT, i);
		int status;

		r.progress.index = i;
		r.progress.artifact = etsi_record_key(a) ? etsi_record_key(a) : "";
		r.progress.ref = etsi_record_get(a, "ref") ? etsi_record_get(a, "ref") : "";
		status = one(&r, list, file, root, a, hashing);
		if (status < 0) {
			error = status;
			goto done;
		}
		if (statuses[status].severity == ETSI_SEVERITY_ERROR && !bad++)
			first = etsi_diagnostics_at(list, etsi_diagnostics_count(list) - 1);
	}
	if (bad)
		error = etsi__error_at(ETSI_EINTEGRITY, ETSI_ERROR_CLASS_DOSSIER, first->file,
		                       first->line, 0, "%zu of %zu artifacts %s; first: %s", bad, n,
		                       hashing ? (bad == 1 ? "was not recorded" : "were not recorded")
		                       : bad == 1 ? "does not match its record"
		                                  : "do not match their record",
		                       first->message);
done:
	close(root);
	etsi__free(r.buffer);
	if (error == 0 || error == ETSI_EINTEGRITY)
		*report = list;
	else
		etsi_diagnostics_free(list);
	return error;
}

int etsi_evidence_hash(etsi_diagnostics **report, etsi_dossier *dossier,
                       const etsi_evidence_options *opts)
{
	return evidence_run(report, dossier, opts, 1);
}

int etsi_evidence_verify(etsi_diagnostics **report, const etsi_dossier *dossier,
                         const etsi_evidence_options *opts)
{
	return evidence_run(report, dossier, opts, 0);
}
