/**
 * @file etsi/common.h
 * @brief Export macros, the result type and memory release shared by every
 *        libetsi header.
 * @defgroup etsi_common Common definitions
 * @{
 */
#ifndef ETSI_COMMON_H
#define ETSI_COMMON_H

#include <stddef.h>

#if defined(ETSI_BUILDING_SHARED) && defined(ETSI_STATIC)
# error "Define either ETSI_BUILDING_SHARED or ETSI_STATIC, not both."
#endif

/**
 * Marks a symbol as part of libetsi's public ABI.  The library is built with
 * hidden visibility, so only declarations carrying this macro are exported.
 * Define ETSI_STATIC when linking libetsi statically.
 */
#ifndef ETSI_EXTERN
# if defined(ETSI_STATIC)
#  define ETSI_EXTERN extern
# elif defined(_WIN32)
#  if defined(ETSI_BUILDING_SHARED)
#   define ETSI_EXTERN __declspec(dllexport)
#  else
#   define ETSI_EXTERN __declspec(dllimport)
#  endif
# elif defined(__GNUC__) && __GNUC__ >= 4
#  define ETSI_EXTERN extern __attribute__((visibility("default")))
# else
#  define ETSI_EXTERN extern
# endif
#endif

/** @def ETSI_BEGIN_DECL
 * Opens an extern "C" block in C++; empty in C. */
/** @def ETSI_END_DECL
 * Closes the block ETSI_BEGIN_DECL opened. */
#ifdef __cplusplus
# define ETSI_BEGIN_DECL extern "C" {
# define ETSI_END_DECL }
#else
# define ETSI_BEGIN_DECL
# define ETSI_END_DECL
#endif

ETSI_BEGIN_DECL

/**
 * The return type of every libetsi function that can fail: 0 on success or
 * a negative ETSI_E* code from etsi/errors.h.  Details of the last failure
 * on the calling thread are in etsi_error_last().
 */
typedef int etsi_result;

/**
 * Releases memory that libetsi handed to the caller as a plain pointer
 * (for example the buffer filled by etsi_dossier_write()).
 *
 * @param ptr memory returned by libetsi; NULL is allowed and ignored.
 */
ETSI_EXTERN void etsi_free(void *ptr);

/**
 * Writes a file atomically: the data goes to a temporary file in the same
 * directory, is flushed to disk and renamed over @p path, so readers see
 * either the old or the new complete file and a failure leaves the old one
 * untouched.  An existing file's mode, and its owner and group where the
 * process may set them, are kept; a symbolic link stays a link and its
 * target is replaced.  The temporary file, ".<name>.etsi-tmp.<pid>.<random>",
 * is removed on failure; those of earlier writes of the same file whose
 * process is gone, or older than an hour, are removed too (see
 * etsi_file_remove_temporaries() for signals).  libetsi saves dossiers this
 * way; this function offers the same to reports and exports.
 *
 * @param path the file to write
 * @param data the bytes
 * @param len their number
 * @return 0; ETSI_EIO (the original file is unchanged); ETSI_ECONFLICT when
 *         a dossier of this process holds @p path for update
 *         (ETSI_LOAD_LOCK); ETSI_EINVALID; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_file_write(const char *path, const char *data, size_t len);

/**
 * Removes the temporary files of the writes under way in this process
 * (etsi_file_write(), etsi_dossier_save()), for a signal handler that ends
 * the process: an interrupted write otherwise leaves its temporary,
 * ".<name>.etsi-tmp.<pid>.<random>", beside the file until a later write
 * of the same file removes it.  libetsi installs no signal handler itself;
 * an application that wants this calls the function from its own handler
 * of SIGINT, SIGTERM, SIGHUP and the like, then ends as the signal would
 * (see docs/hardening.md).
 *
 * Async-signal-safe: it reads fixed slots and calls unlink() only.  A
 * temporary named by a relative path is looked for from the current
 * directory of the moment.
 */
ETSI_EXTERN void etsi_file_remove_temporaries(void);

ETSI_END_DECL

/** @} */
#endif
