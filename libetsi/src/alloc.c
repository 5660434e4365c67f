#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "etsi/common.h"

static long fail_after = -1; /* allocations left before failing; -1: never */
static long counter;
/* Set by the first etsi__alloc_fail_after(): until a test calls it,
 * allocations are not even counted, so that threads allocating at once
 * share no written state here (a counter they all incremented would be
 * a data race, and a contended cache line). */
static int hooked;

static int should_fail(void)
{
	if (!hooked)
		return 0;
	counter++;
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}

long etsi__alloc_fail_after(long n)
{
	long made = counter;

	hooked = 1;
	counter = 0;
	fail_after = n < 0 ? -1 : n;
	return made;
}

void *etsi__malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *etsi__calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *etsi__realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void *etsi__reallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	return etsi__realloc(ptr, count * size);
}

char *etsi__strndup(const char *s, size_t n)
{
	char *copy = etsi__malloc(n + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *etsi__strdup(const char *s)
{
	return s ? etsi__strndup(s, strlen(s)) : NULL;
}

void etsi__free(void *ptr)
{
	free(ptr);
}

void etsi_free(void *ptr)
{
	etsi__free(ptr);
}
