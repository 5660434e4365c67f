/* Library-wide state: the init count and the lock guarding shared caches. */
#ifndef ETSI_SRC_GLOBAL_H
#define ETSI_SRC_GLOBAL_H

/* Makes sure libxml2 is initialized; cheap after the first call. */
void etsi__global_ensure(void);
void etsi__lock(void);
void etsi__unlock(void);

/* Directory override: the option if given, else ETSI_DATA_DIR, else NULL. */
const char *etsi__data_dir(const char *option);
/* ETSI_EIO unless dir is NULL or names a directory. */
int etsi__check_data_dir(const char *dir);

#endif
