/* Library-wide state: the init count and the lock guarding shared caches. */
#ifndef ETSI_SRC_GLOBAL_H
#define ETSI_SRC_GLOBAL_H

/* Makes sure libxml2 is initialized; cheap after the first call. */
void etsi__global_ensure(void);
/* libxslt and libexslt, before the first stylesheet is compiled; takes
 * the lock, so never call it holding the lock.  Cheap after the first. */
void etsi__global_ensure_xslt(void);
/* libxmlsec1 and its OpenSSL backend, before the first signature is made
 * or verified; takes the lock like etsi__global_ensure_xslt(). */
void etsi__global_ensure_crypto(void);
/* For the tests: non-zero when every library in `what` is initialized. */
#define ETSI__INIT_XSLT 1u
#define ETSI__INIT_CRYPTO 2u
int etsi__global_initialized(unsigned int what);
void etsi__lock(void);
void etsi__unlock(void);

/* Directory override: the option if given, else ETSI_DATA_DIR, else NULL. */
const char *etsi__data_dir(const char *option);
/* ETSI_EIO unless dir is NULL or names a directory. */
int etsi__check_data_dir(const char *dir);

#endif
