#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "etsi/errors.h"

/* ---- buffer ---------------------------------------------------------- */

int etsi__buf_grow(etsi__buf *buf, size_t extra)
{
	size_t need, cap;
	char *ptr;

	if (buf->failed)
		return ETSI_ENOMEM;
	if (extra > SIZE_MAX - buf->len - 1)
		goto fail;
	need = buf->len + extra + 1;
	if (need <= buf->cap)
		return 0;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	ptr = etsi__realloc(buf->ptr, cap);
	if (!ptr)
		goto fail;
	buf->ptr = ptr;
	buf->cap = cap;
	return 0;
fail:
	buf->failed = 1;
	return ETSI_ENOMEM;
}

int etsi__buf_put(etsi__buf *buf, const char *data, size_t len)
{
	if (etsi__buf_grow(buf, len) < 0)
		return ETSI_ENOMEM;
	if (len)
		memcpy(buf->ptr + buf->len, data, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
	return 0;
}

int etsi__buf_puts(etsi__buf *buf, const char *s)
{
	return etsi__buf_put(buf, s, strlen(s));
}

int etsi__buf_vprintf(etsi__buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	if (etsi__buf_grow(buf, 64) < 0)
		return ETSI_ENOMEM;
	va_copy(copy, ap);
	n = vsnprintf(buf->ptr + buf->len, buf->cap - buf->len, fmt, copy);
	va_end(copy);
	if (n < 0) {
		buf->failed = 1;
		return ETSI_ENOMEM;
	}
	if ((size_t)n >= buf->cap - buf->len) {
		if (etsi__buf_grow(buf, (size_t)n) < 0)
			return ETSI_ENOMEM;
		va_copy(copy, ap);
		n = vsnprintf(buf->ptr + buf->len, buf->cap - buf->len, fmt, copy);
		va_end(copy);
		if (n < 0) {
			buf->failed = 1;
			return ETSI_ENOMEM;
		}
	}
	buf->len += (size_t)n;
	return 0;
}

int etsi__buf_printf(etsi__buf *buf, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = etsi__buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return error;
}

char *etsi__buf_detach(etsi__buf *buf)
{
	char *ptr;

	if (buf->failed) {
		etsi__buf_dispose(buf);
		return NULL;
	}
	if (!buf->ptr) {
		if (etsi__buf_grow(buf, 0) < 0)
			return NULL;
		buf->ptr[0] = '\0';
	}
	ptr = buf->ptr;
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
	return ptr;
}

void etsi__buf_dispose(etsi__buf *buf)
{
	etsi__free(buf->ptr);
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
	buf->failed = 0;
}

/* ---- vector ---------------------------------------------------------- */

int etsi__vec_push(etsi__vec *vec, void *item)
{
	if (vec->len == vec->cap) {
		size_t cap = vec->cap ? vec->cap * 2 : 8;
		void **items = etsi__reallocarray(vec->items, cap, sizeof(*items));

		if (!items)
			return ETSI_ENOMEM;
		vec->items = items;
		vec->cap = cap;
	}
	vec->items[vec->len++] = item;
	return 0;
}

void etsi__vec_clear(etsi__vec *vec)
{
	vec->len = 0;
}

void etsi__vec_dispose(etsi__vec *vec)
{
	etsi__free(vec->items);
	vec->items = NULL;
	vec->len = vec->cap = 0;
}

/* ---- map ------------------------------------------------------------- */

static char tomb_marker;
#define ETSI__MAP_TOMB (&tomb_marker)

static size_t hash_string(const char *s)
{
	/* FNV-1a */
	uint64_t h = 14695981039346656037ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

static etsi__map_slot *find_slot(const etsi__map *map, const char *key, size_t hash)
{
	size_t mask = map->cap - 1, i = hash & mask;
	etsi__map_slot *tomb = NULL;

	for (;;) {
		etsi__map_slot *slot = &map->slots[i];

		if (!slot->key)
			return tomb ? tomb : slot;
		if (slot->key == ETSI__MAP_TOMB) {
			if (!tomb)
				tomb = slot;
		} else if (slot->hash == hash && strcmp(slot->key, key) == 0) {
			return slot;
		}
		i = (i + 1) & mask;
	}
}

static int rehash(etsi__map *map, size_t cap)
{
	etsi__map_slot *old = map->slots;
	size_t old_cap = map->cap, i;

	map->slots = etsi__calloc(cap, sizeof(*map->slots));
	if (!map->slots) {
		map->slots = old;
		return ETSI_ENOMEM;
	}
	map->cap = cap;
	map->used = map->len;
	for (i = 0; i < old_cap; i++) {
		if (old[i].key && old[i].key != ETSI__MAP_TOMB)
			*find_slot(map, old[i].key, old[i].hash) = old[i];
	}
	etsi__free(old);
	return 0;
}

int etsi__map_put(etsi__map *map, const char *key, void *value)
{
	size_t hash = hash_string(key);
	etsi__map_slot *slot;
	char *copy;

	if ((map->used + 1) * 4 >= map->cap * 3) {
		size_t cap = map->cap ? map->cap : 16;

		while ((map->len + 1) * 2 >= cap)
			cap *= 2;
		if (rehash(map, cap) < 0)
			return ETSI_ENOMEM;
	}
	slot = find_slot(map, key, hash);
	if (slot->key && slot->key != ETSI__MAP_TOMB)
		return 1;
	copy = etsi__strdup(key);
	if (!copy)
		return ETSI_ENOMEM;
	if (!slot->key)
		map->used++;
	slot->key = copy;
	slot->value = value;
	slot->hash = hash;
	map->len++;
	return 0;
}

void *etsi__map_get(const etsi__map *map, const char *key)
{
	etsi__map_slot *slot;

	if (!map->cap || !key)
		return NULL;
	slot = find_slot(map, key, hash_string(key));
	return slot->key && slot->key != ETSI__MAP_TOMB ? slot->value : NULL;
}

void *etsi__map_del(etsi__map *map, const char *key)
{
	etsi__map_slot *slot;
	void *value;

	if (!map->cap || !key)
		return NULL;
	slot = find_slot(map, key, hash_string(key));
	if (!slot->key || slot->key == ETSI__MAP_TOMB)
		return NULL;
	value = slot->value;
	etsi__free(slot->key);
	slot->key = ETSI__MAP_TOMB;
	slot->value = NULL;
	map->len--;
	return value;
}

void etsi__map_dispose(etsi__map *map)
{
	size_t i;

	for (i = 0; i < map->cap; i++) {
		if (map->slots[i].key && map->slots[i].key != ETSI__MAP_TOMB)
			etsi__free(map->slots[i].key);
	}
	etsi__free(map->slots);
	map->slots = NULL;
	map->cap = map->len = map->used = 0;
}

/* ---- strings --------------------------------------------------------- */

int etsi__streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

int etsi__is_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	}
	return 1;
}

/* ---- text helpers ------------------------------------------------------- */

char *etsi__one_line(const char *s)
{
	etsi__buf out = ETSI__BUF_INIT;
	int space = 0;

	etsi__buf_grow(&out, strlen(s) + 1);
	etsi__buf_puts(&out, "");
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			etsi__buf_put(&out, " ", 1);
		space = 0;
		etsi__buf_put(&out, s, 1);
	}
	return etsi__buf_detach(&out);
}

void etsi__pointer_push(etsi__buf *path, const char *s)
{
	etsi__buf_put(path, "/", 1);
	for (; *s; s++) {
		if (*s == '~')
			etsi__buf_puts(path, "~0");
		else if (*s == '/')
			etsi__buf_puts(path, "~1");
		else
			etsi__buf_put(path, s, 1);
	}
}

void etsi__pointer_push_index(etsi__buf *path, size_t i)
{
	etsi__buf_printf(path, "/%zu", i);
}

void etsi__pointer_pop(etsi__buf *path, size_t len)
{
	if (path->ptr && len <= path->len) {
		path->len = len;
		path->ptr[len] = '\0';
	}
}
