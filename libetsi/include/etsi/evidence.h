/**
 * @file etsi/evidence.h
 * @brief Artifact digests: record and verify the SHA-256 and size of the
 *        files behind a dossier's evidence.
 * @defgroup etsi_evidence Artifact digests
 *
 * An artifact's `ref` is a path relative to an evidence package, or a URL.
 * etsi_evidence_hash() records the SHA-256 and size of every artifact
 * found under a root directory the caller names; etsi_evidence_verify()
 * reports, artifact by artifact, whether the files are still the ones
 * recorded.  Evidence is only worth something if it is provably the file
 * that was reviewed.
 *
 * References resolve only inside the root.  A reference that is absolute
 * or has a `..` component is refused, and so is a symbolic link, anywhere
 * on the path, that leads out of the root (an absolute target, or one
 * whose `..` climbs above the root).  Symbolic links that stay inside the
 * root are followed.  Every component is opened relative to the directory
 * before it without following links (openat(2) with O_NOFOLLOW), links
 * are resolved by libetsi itself, and only regular files are read, so a
 * file system that changes under the walk cannot make it leave the root.
 * URL references (anything with a scheme, such as https:) are never
 * opened; they are reported as external.
 *
 * Files are read in fixed-size chunks and digested with OpenSSL's
 * libcrypto (EVP, SHA-256), so a multi-gigabyte firmware image is hashed
 * in constant memory.  A progress callback sees every chunk.
 *
 * Each artifact gets one diagnostic (etsi/diagnostic.h) whose rule is its
 * status, whose element is the artifact's id and whose reference is the
 * provision of its evidence item, at the artifact's line:
 *
 * | rule                  | severity | meaning                                         |
 * |-----------------------|----------|-------------------------------------------------|
 * | `artifact-ok`         | info     | the file matches the recorded SHA-256 and size  |
 * | `artifact-hashed`     | info     | (hash) the digest or size was recorded now      |
 * | `artifact-updated`    | warning  | (hash, ETSI_EVIDENCE_UPDATE) a digest that no longer matched was replaced |
 * | `artifact-external`   | info     | a URL; not opened                               |
 * | `artifact-changed`    | error    | the file's SHA-256 or size differs from the record |
 * | `artifact-missing`    | error    | no such file under the root                     |
 * | `artifact-unreadable` | error    | it exists but cannot be read, or is not a regular file |
 * | `artifact-refused`    | error    | the reference leads out of the root             |
 * | `artifact-no-digest`  | error    | (verify) no SHA-256 is recorded to compare with |
 *
 * These are statuses, not rules of `etsi check` (etsi_rule_find() does not
 * know them); docs/lifecycle.md describes them.
 * @{
 */
#ifndef ETSI_EVIDENCE_H
#define ETSI_EVIDENCE_H

#include "common.h"
#include "diagnostic.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/** Flags for ::etsi_evidence_options. */
typedef enum etsi_evidence_flags {
	ETSI_EVIDENCE_DEFAULT = 0,   /**< Record missing digests, keep recorded ones. */
	/**
	 * etsi_evidence_hash(): replace a recorded digest that no longer
	 * matches the file (status `artifact-updated`).  Without it the
	 * recorded digest is kept and the artifact is reported as
	 * `artifact-changed`: a file that changed after its review is not
	 * re-recorded silently.
	 */
	ETSI_EVIDENCE_UPDATE = 1
} etsi_evidence_flags;

/**
 * Where hashing stands, handed to the progress callback.  Plain values,
 * valid during the call only; fields may be appended in later versions
 * (libetsi only hands out pointers to it).
 */
typedef struct etsi_evidence_progress {
	const char *artifact;     /**< The artifact's id. */
	const char *ref;          /**< Its reference, relative to the root. */
	size_t index;             /**< Its index among the artifacts, from 0. */
	size_t count;             /**< How many artifacts the dossier has. */
	unsigned long long done;  /**< Bytes of this artifact digested so far. */
	unsigned long long total; /**< Its size in bytes. */
} etsi_evidence_progress;

/**
 * A progress callback: called when an artifact's file is opened (done 0),
 * after every chunk read, and when it is finished (done == total).
 *
 * @param progress where hashing stands
 * @param payload the options' payload
 * @return 0 to go on; any other value stops the operation, which then
 *         returns ETSI_ESTOPPED (before 0.1 of this header: ETSI_ERROR)
 */
typedef int (*etsi_evidence_progress_cb)(const etsi_evidence_progress *progress, void *payload);

/** Options for etsi_evidence_hash() and etsi_evidence_verify(). */
typedef struct etsi_evidence_options {
	unsigned int version;                /**< ETSI_EVIDENCE_OPTIONS_VERSION */
	/** The directory artifact references are relative to; required. */
	const char *root;
	unsigned int flags;                  /**< ::etsi_evidence_flags, or-ed */
	etsi_evidence_progress_cb progress;  /**< Progress callback, or NULL. */
	void *payload;                       /**< Passed to the callback. */
} etsi_evidence_options;

/** The current version of ::etsi_evidence_options. */
#define ETSI_EVIDENCE_OPTIONS_VERSION 1
/** Static initializer for ::etsi_evidence_options. */
#define ETSI_EVIDENCE_OPTIONS_INIT { ETSI_EVIDENCE_OPTIONS_VERSION, NULL, 0, NULL, NULL }

/**
 * Initializes evidence options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_evidence_options_init(etsi_evidence_options *opts, unsigned int version);

/**
 * Records the SHA-256 and size of every artifact whose reference is a
 * file under the root, in the dossier in memory (save it with
 * etsi_dossier_save()).  An artifact with a digest that still matches is
 * `artifact-ok` (its size is filled in if missing); one whose file changed
 * keeps its digest and is `artifact-changed`, unless ETSI_EVIDENCE_UPDATE
 * is set.  Artifacts that cannot be hashed (missing, unreadable, refused)
 * are left as they were; the others are recorded all the same.
 *
 * @param[out] report one diagnostic per artifact, in document order; the
 *        caller frees it with etsi_diagnostics_free().  Set whenever the
 *        return is 0 or ETSI_EINTEGRITY.
 * @param dossier the dossier
 * @param opts options; the root is required
 * @return 0 when every artifact was hashed, matched or is external;
 *         ETSI_EINTEGRITY when any is changed, missing, unreadable or
 *         refused (the report says which); ETSI_EINVALID for bad options;
 *         ETSI_EIO when the root is not a directory that can be opened;
 *         ETSI_ESTOPPED when the progress callback stopped it (the dossier
 *         keeps the digests recorded before); ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_evidence_hash(etsi_diagnostics **report, etsi_dossier *dossier, const etsi_evidence_options *opts);

/**
 * Checks every artifact against its recorded SHA-256 and size.  The
 * dossier is not changed.  A file whose size differs from the recorded
 * size is reported changed without being read.
 *
 * @param[out] report one diagnostic per artifact, in document order; the
 *        caller frees it with etsi_diagnostics_free().  Set whenever the
 *        return is 0 or ETSI_EINTEGRITY.
 * @param dossier the dossier
 * @param opts options; the root is required, flags are ignored
 * @return 0 when every artifact is `artifact-ok` or `artifact-external`;
 *         ETSI_EINTEGRITY otherwise; ETSI_EINVALID; ETSI_EIO when the root
 *         cannot be opened; ETSI_ESTOPPED when the progress callback stopped
 *         it; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_evidence_verify(etsi_diagnostics **report, const etsi_dossier *dossier, const etsi_evidence_options *opts);

ETSI_END_DECL

/** @} */
#endif
