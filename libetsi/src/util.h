/*
 * Internal containers and string helpers: a growable byte buffer, a vector
 * of pointers and a string-keyed hash map.
 */
#ifndef ETSI_SRC_UTIL_H
#define ETSI_SRC_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
# define ETSI__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define ETSI__PRINTF(f, a)
#endif

#define ETSI__ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A growable NUL-terminated buffer.  Once an allocation fails, the buffer
 * stays in the failed state and every further append is ignored. */
typedef struct etsi__buf {
	char *ptr;
	size_t len;
	size_t cap;
	int failed;
} etsi__buf;

#define ETSI__BUF_INIT { NULL, 0, 0, 0 }

int etsi__buf_grow(etsi__buf *buf, size_t extra);
int etsi__buf_put(etsi__buf *buf, const char *data, size_t len);
int etsi__buf_puts(etsi__buf *buf, const char *s);
int etsi__buf_printf(etsi__buf *buf, const char *fmt, ...) ETSI__PRINTF(2, 3);
int etsi__buf_vprintf(etsi__buf *buf, const char *fmt, va_list ap);
/* Hands the string over to the caller (never NULL unless failed). */
char *etsi__buf_detach(etsi__buf *buf);
void etsi__buf_dispose(etsi__buf *buf);

/* A vector of pointers. */
typedef struct etsi__vec {
	void **items;
	size_t len;
	size_t cap;
} etsi__vec;

#define ETSI__VEC_INIT { NULL, 0, 0 }

int etsi__vec_push(etsi__vec *vec, void *item);
void etsi__vec_clear(etsi__vec *vec);
void etsi__vec_dispose(etsi__vec *vec);

/* A hash map from strings to pointers.  Keys are copied. */
typedef struct etsi__map_slot {
	char *key;      /* NULL: empty; ETSI__MAP_TOMB: deleted */
	void *value;
	size_t hash;
} etsi__map_slot;

typedef struct etsi__map {
	etsi__map_slot *slots;
	size_t cap;     /* power of two, or 0 */
	size_t len;     /* live keys */
	size_t used;    /* live keys and tombstones */
} etsi__map;

#define ETSI__MAP_INIT { NULL, 0, 0, 0 }

/* Returns 0 when inserted, 1 when the key was present (value unchanged),
 * ETSI_ENOMEM. */
int etsi__map_put(etsi__map *map, const char *key, void *value);
void *etsi__map_get(const etsi__map *map, const char *key);
/* Returns the removed value, or NULL. */
void *etsi__map_del(etsi__map *map, const char *key);
void etsi__map_dispose(etsi__map *map);

/* String helpers. */
int etsi__streq(const char *a, const char *b);
int etsi__is_blank(const char *s);
/* A copy of @p s with runs of white space made one space, trimmed; NULL
 * when out of memory. */
char *etsi__one_line(const char *s);
/* Appends @p s to a JSON pointer, escaped ("~" as "~0", "/" as "~1"). */
void etsi__pointer_push(etsi__buf *path, const char *s);
void etsi__pointer_push_index(etsi__buf *path, size_t i);
/* Cuts a JSON pointer back to @p len. */
void etsi__pointer_pop(etsi__buf *path, size_t len);

#endif
