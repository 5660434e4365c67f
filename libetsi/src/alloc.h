/*
 * Internal allocation.  Every allocation of libetsi goes through these
 * functions so that tests can make the Nth one fail (see
 * etsi__alloc_fail_after()) and check that each error path returns
 * ETSI_ENOMEM cleanly and leaks nothing.
 */
#ifndef ETSI_SRC_ALLOC_H
#define ETSI_SRC_ALLOC_H

#include <stddef.h>

void *etsi__malloc(size_t size);
void *etsi__calloc(size_t count, size_t size);
void *etsi__realloc(void *ptr, size_t size);
void *etsi__reallocarray(void *ptr, size_t count, size_t size);
char *etsi__strdup(const char *s);
char *etsi__strndup(const char *s, size_t n);
void etsi__free(void *ptr);

/*
 * Test hook: from now on, let @p n allocations succeed and fail every one
 * after them; a negative @p n switches failure injection off.  Returns the
 * number of allocations made since the previous call (allocations are
 * counted from the first call on).  Not thread-safe; for single-threaded
 * tests only.
 */
long etsi__alloc_fail_after(long n);

#endif
