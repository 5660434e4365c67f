/*
 * The low runtime every module stands on: libxml2's start-up, the
 * library's one lock, the start-up on first use of the libraries only some
 * commands need, and the data directory.  It depends on nothing of libetsi
 * but the error helpers, so any module may include it; what must sit above
 * the modules (etsi_init() and etsi_shutdown(), which clear their caches)
 * is in global.c, which no module includes.
 */
#ifndef ETSI_SRC_RUNTIME_H
#define ETSI_SRC_RUNTIME_H

#include <stdatomic.h>

/* Makes sure libxml2 is initialized; cheap after the first call. */
void etsi__runtime_ensure(void);
/* libxslt and libexslt, before the first stylesheet is compiled; takes
 * the lock, so never call it holding the lock.  Cheap after the first. */
void etsi__runtime_ensure_xslt(void);
/* For the tests: non-zero once libxslt is initialized. */
int etsi__runtime_xslt_ready(void);

/* Runs @p init once per process, under the lock, after libxml2's start-up,
 * and marks @p ready (release) only when @p init has returned: a thread
 * that sees the mark (acquire) sees every global table @p init filled in.
 * For the modules that start a library on first use (signature.c starts
 * libxmlsec1 and OpenSSL so).  Cheap once @p ready is set; never call it
 * holding the lock. */
void etsi__runtime_once(atomic_int *ready, void (*init)(void));

void etsi__lock(void);
void etsi__unlock(void);

/* Directory override: the option if given, else ETSI_DATA_DIR, else NULL. */
const char *etsi__data_dir(const char *option);
/* ETSI_EIO unless dir is NULL or names a directory. */
int etsi__check_data_dir(const char *dir);

#endif
