#include "diagnostic.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

/* A diagnostic and what the list keeps beside it, one allocation with its
 * strings after it; the list hands out &item->pub. */
typedef struct item {
	etsi_diagnostic pub;
	etsi_occurrence self;         /* pub.occurrences of a finding alone */
	etsi_occurrence *group;       /* of a grouped one: count occurrences and
	                               * their strings, one allocation */
	const char *cause_rule;       /* static */
	const char *cause_element;
	char id[24];
} item;

etsi_diagnostics *etsi__diagnostics_new(void)
{
	return etsi__calloc(1, sizeof(etsi_diagnostics));
}

static const char *place(char **cursor, const char *s)
{
	char *start = *cursor;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	memcpy(start, s, n);
	*cursor += n;
	return start;
}

int etsi__diagnostics_add(etsi_diagnostics *list, etsi_severity severity,
                          const etsi__where *where, const char *hint,
                          const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = etsi__diagnostics_vadd(list, severity, where, hint, fmt, ap);
	va_end(ap);
	return error;
}

int etsi__diagnostics_vadd(etsi_diagnostics *list, etsi_severity severity,
                           const etsi__where *where, const char *hint, const char *fmt,
                           va_list ap)
{
	etsi__buf message = ETSI__BUF_INIT;
	const char *file = where->file ? where->file : "<memory>";
	etsi_diagnostic *d;
	item *it;
	size_t size;
	char *cursor;

	etsi__buf_vprintf(&message, fmt, ap);
	if (message.failed)
		return etsi__error_oom();
	for (cursor = message.ptr; *cursor; cursor++) {
		if (*cursor == '\n' || *cursor == '\r')
			*cursor = ' ';
	}
	while (message.len && message.ptr[message.len - 1] == ' ')
		message.ptr[--message.len] = '\0';
	/* a record added in memory has no line yet: "(unsaved)", never "(line 0)" */
	if (strstr(message.ptr, "(line 0)")) {
		etsi__buf named = ETSI__BUF_INIT;
		const char *from = message.ptr, *at;

		while ((at = strstr(from, "(line 0)")) != NULL) {
			etsi__buf_put(&named, from, (size_t)(at - from));
			etsi__buf_puts(&named, "(unsaved)");
			from = at + strlen("(line 0)");
		}
		etsi__buf_puts(&named, from);
		etsi__buf_dispose(&message);
		if (named.failed) {
			etsi__buf_dispose(&named);
			return etsi__error_oom();
		}
		message = named;
	}

#define LEN(s) ((s) ? strlen(s) + 1 : 0)
	size = sizeof(*it) + LEN(file) + LEN(where->rule) + LEN(where->element) +
	       LEN(where->reference) + message.len + 1 + LEN(hint) + LEN(where->waiver) +
	       LEN(where->claim) + LEN(where->fact) + LEN(where->cause_element);
#undef LEN
	it = etsi__calloc(1, size);
	if (!it || etsi__vec_push(&list->items, it) < 0) {
		etsi__free(it);
		etsi__buf_dispose(&message);
		return etsi__error_oom();
	}
	d = &it->pub;
	cursor = (char *)(it + 1);
	d->severity = severity;
	d->line = where->line;
	d->column = where->column;
	d->file = place(&cursor, file);
	d->rule = place(&cursor, where->rule);
	d->element = place(&cursor, where->element);
	d->reference = place(&cursor, where->reference);
	d->message = place(&cursor, message.ptr);
	d->hint = place(&cursor, hint);
	d->waiver = place(&cursor, where->waiver);
	d->waived = where->waiver != NULL;
	d->claim = place(&cursor, where->claim);
	d->fact = place(&cursor, where->fact);
	d->fact_line = where->fact_line;
	it->cause_rule = where->cause_element ? where->cause_rule : NULL;
	it->cause_element = place(&cursor, it->cause_rule ? where->cause_element : NULL);
	it->self.line = d->line;
	it->self.element = d->element;
	it->self.reference = d->reference;
	it->self.message = d->message;
	it->self.claim = d->claim;
	d->count = 1;
	d->occurrences = &it->self;
	if ((unsigned)severity < ETSI__ARRAY_SIZE(list->counts) && !d->waived)
		list->counts[severity]++;
	etsi__buf_dispose(&message);
	return 0;
}

static void merge_sort(etsi_diagnostic **items, etsi_diagnostic **tmp, size_t n,
                       int (*compare)(const etsi_diagnostic *, const etsi_diagnostic *))
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	merge_sort(items, tmp, half, compare);
	merge_sort(items + half, tmp, n - half, compare);
	while (i < half && j < n)
		tmp[k++] = compare(items[j], items[i]) < 0 ? items[j++] : items[i++];
	while (i < half)
		tmp[k++] = items[i++];
	while (j < n)
		tmp[k++] = items[j++];
	memcpy(items, tmp, n * sizeof(*items));
}

int etsi__diagnostics_sort(etsi_diagnostics *list,
                           int (*compare)(const etsi_diagnostic *, const etsi_diagnostic *))
{
	etsi_diagnostic **tmp;

	if (list->items.len < 2)
		return 0;
	tmp = etsi__reallocarray(NULL, list->items.len, sizeof(*tmp));
	if (!tmp)
		return etsi__error_oom();
	/* stable: equal keys keep their insertion order */
	merge_sort((etsi_diagnostic **)list->items.items, tmp, list->items.len, compare);
	etsi__free(tmp);
	return 0;
}

static void free_item(item *it)
{
	if (it)
		etsi__free(it->group);
	etsi__free(it);
}

/* ---- grouping --------------------------------------------------------- */

static int is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_';
}

/* @p text with every whole-word occurrence of @p a and @p b (the finding's
 * element and reference), and every line number "(line N)", replaced by
 * one mark: what two findings of one cause have in common. */
static void put_normalized(etsi__buf *out, const char *text, const char *a, const char *b)
{
	const char *p = text;

	if (!text)
		return;
	while (*p) {
		const char *words[2] = { a, b };
		size_t k, len = 0;

		if (p == text || !is_word(p[-1])) {
			for (k = 0; k < 2 && !len; k++) {
				size_t n = words[k] ? strlen(words[k]) : 0;
				const char *after = p + n;

				if (n && strncmp(p, words[k], n) == 0 && !is_word(*after) &&
				    !(*after == '.' && is_word(after[1])))
					len = n;
			}
		}
		if (len) {
			etsi__buf_put(out, "\x01", 1);
			p += len;
		} else if (strncmp(p, "(line ", 6) == 0 && p[6] >= '0' && p[6] <= '9') {
			/* where the element's own claim stands */
			etsi__buf_put(out, "(line \x01)", 8);
			for (p += 6; *p >= '0' && *p <= '9'; p++)
				;
			if (*p == ')')
				p++;
		} else {
			etsi__buf_put(out, p++, 1);
		}
	}
}

static void key_reset(etsi__buf *key)
{
	if (key->ptr) {
		key->len = 0;
		key->ptr[0] = '\0';
	}
}

static void put_field(etsi__buf *key, const char *s)
{
	etsi__buf_puts(key, s ? s : "\x02");
	etsi__buf_put(key, "\n", 1);
}

/* The key under which findings of one rule and cause meet. */
static void group_key(etsi__buf *key, const item *it)
{
	const etsi_diagnostic *d = &it->pub;

	key_reset(key);
	etsi__buf_printf(key, "%d\n", (int)d->severity);
	put_field(key, d->rule);
	put_field(key, d->file);
	put_field(key, d->waiver);
	put_field(key, d->hint);
	put_field(key, d->fact);
	put_field(key, it->cause_rule);
	put_field(key, it->cause_element);
	put_normalized(key, d->claim, d->element, d->reference);
	etsi__buf_put(key, "\n", 1);
	put_normalized(key, d->message, d->element, d->reference);
}

static size_t strsize(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* The occurrences of a group, with copies of their strings. */
static etsi_occurrence *new_group(item **items, const size_t *head, size_t n, size_t h,
                                  size_t count)
{
	etsi_occurrence *occ;
	size_t i, k = 0, size = count * sizeof(*occ);
	char *cursor;

	for (i = h; i < n; i++) {
		if (head[i] == h)
			size += strsize(items[i]->pub.element) + strsize(items[i]->pub.reference) +
			        strsize(items[i]->pub.message) + strsize(items[i]->pub.claim);
	}
	occ = etsi__malloc(size);
	if (!occ)
		return NULL;
	cursor = (char *)(occ + count);
	for (i = h; i < n; i++) {
		if (head[i] != h)
			continue;
		occ[k].line = items[i]->pub.line;
		occ[k].element = place(&cursor, items[i]->pub.element);
		occ[k].reference = place(&cursor, items[i]->pub.reference);
		occ[k].message = place(&cursor, items[i]->pub.message);
		occ[k].claim = place(&cursor, items[i]->pub.claim);
		k++;
	}
	return occ;
}

#define NONE ((size_t)-1)

int etsi__diagnostics_group(etsi_diagnostics *list, int merge)
{
	item **items = (item **)list->items.items;
	size_t n = list->items.len, i, k, kept = 0;
	size_t *head = NULL, *count = NULL, *cause = NULL, *next = NULL, *last = NULL;
	etsi_occurrence **groups = NULL;
	etsi__map keys = ETSI__MAP_INIT, places = ETSI__MAP_INIT;
	etsi__buf key = ETSI__BUF_INIT;
	item **order = NULL;
	int error = 0;

	if (n == 0)
		return 0;
	head = etsi__reallocarray(NULL, n, sizeof(*head));
	count = etsi__calloc(n, sizeof(*count));
	cause = etsi__reallocarray(NULL, n, sizeof(*cause));
	next = etsi__reallocarray(NULL, n, sizeof(*next));
	last = etsi__reallocarray(NULL, n, sizeof(*last));
	groups = etsi__calloc(n, sizeof(*groups));
	order = etsi__reallocarray(NULL, n, sizeof(*order));
	if (!head || !count || !cause || !next || !last || !groups || !order)
		goto oom;

	/* which finding each one joins: the first with its key */
	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = &items[i]->pub;
		size_t *first;

		head[i] = i;
		cause[i] = next[i] = last[i] = NONE;
		/* schema errors stay one a line, as a compiler lists them */
		if (merge && d->rule && strcmp(d->rule, "schema") != 0) {
			group_key(&key, items[i]);
			if (key.failed)
				goto oom;
			first = etsi__map_get(&keys, key.ptr);
			if (first)
				head[i] = *first;
			else if (etsi__map_put(&keys, key.ptr, &head[i]) < 0)
				goto oom;
		}
		count[head[i]]++;
	}
	for (i = 0; i < n; i++) {
		if (head[i] == i && count[i] > 1 &&
		    !(groups[i] = new_group(items, head, n, i, count[i])))
			goto oom;
	}

	/* which finding each one follows from: the one of the cause's rule
	 * about the cause's element, wherever that stands in its group */
	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = &items[i]->pub;

		if (!d->rule || !d->element)
			continue;
		key_reset(&key);
		etsi__buf_printf(&key, "%s\n%s", d->rule, d->element);
		if (key.failed || etsi__map_put(&places, key.ptr, &head[i]) < 0)
			goto oom;
	}
	for (i = 0; i < n; i++) {
		const size_t *c;

		if (head[i] != i || !items[i]->cause_rule)
			continue;
		key_reset(&key);
		etsi__buf_printf(&key, "%s\n%s", items[i]->cause_rule, items[i]->cause_element);
		if (key.failed)
			goto oom;
		c = etsi__map_get(&places, key.ptr);
		if (c && *c != i)
			cause[i] = *c;
	}
	/* shown under the first finding of its chain: the root */
	for (i = 0; i < n; i++) {
		size_t root = cause[i], steps = 0;

		while (root != NONE && cause[root] != NONE && steps++ < n)
			root = cause[root];
		cause[i] = root == i || steps >= n ? NONE : root;
	}
	for (i = 0; i < n; i++) {
		size_t r = cause[i];

		if (head[i] != i || r == NONE)
			continue;
		if (last[r] == NONE)
			next[r] = i;
		else
			next[last[r]] = i;
		last[r] = i;
	}

	/* nothing can fail from here on */
	for (i = 0; i < n; i++) {
		if (head[i] != i || cause[i] != NONE)
			continue;
		order[kept++] = items[i];
		for (k = next[i]; k != NONE; k = next[k])
			order[kept++] = items[k];
	}
	for (i = 0; i < n; i++) {
		if (head[i] != i) {
			free_item(items[i]);
			continue;
		}
		if (groups[i]) {
			items[i]->group = groups[i];
			items[i]->pub.occurrences = groups[i];
			items[i]->pub.count = count[i];
		}
	}
	memset(list->counts, 0, sizeof(list->counts));
	for (i = 0; i < kept; i++) {
		etsi_diagnostic *d = &order[i]->pub;

		snprintf(order[i]->id, sizeof(order[i]->id), "F%zu", i + 1);
		d->id = order[i]->id;
		if ((unsigned)d->severity < ETSI__ARRAY_SIZE(list->counts) && !d->waived)
			list->counts[d->severity]++;
	}
	for (i = 0; i < n; i++) {
		if (head[i] == i)
			items[i]->pub.caused_by = cause[i] != NONE ? items[cause[i]]->id : NULL;
	}
	memcpy(list->items.items, order, kept * sizeof(*order));
	list->items.len = kept;
	goto done;
oom:
	for (i = 0; groups && i < n; i++)
		etsi__free(groups[i]);
	error = etsi__error_oom();
done:
	etsi__free(head);
	etsi__free(count);
	etsi__free(cause);
	etsi__free(next);
	etsi__free(last);
	etsi__free(groups);
	etsi__free(order);
	etsi__map_dispose(&keys);
	etsi__map_dispose(&places);
	etsi__buf_dispose(&key);
	return error;
}

size_t etsi_diagnostics_count(const etsi_diagnostics *list)
{
	return list ? list->items.len : 0;
}

size_t etsi_diagnostics_count_severity(const etsi_diagnostics *list, etsi_severity severity)
{
	if (!list || (unsigned)severity >= ETSI__ARRAY_SIZE(list->counts))
		return 0;
	return list->counts[severity];
}

const etsi_diagnostic *etsi_diagnostics_at(const etsi_diagnostics *list, size_t i)
{
	if (!list || i >= list->items.len)
		return NULL;
	return list->items.items[i];
}

void etsi_diagnostics_free(etsi_diagnostics *list)
{
	size_t i;

	if (!list)
		return;
	for (i = 0; i < list->items.len; i++)
		free_item(list->items.items[i]);
	etsi__vec_dispose(&list->items);
	etsi__free(list);
}

const char *etsi_severity_name(etsi_severity severity)
{
	switch (severity) {
	case ETSI_SEVERITY_INFO:
		return "info";
	case ETSI_SEVERITY_WARNING:
		return "warning";
	case ETSI_SEVERITY_ERROR:
		return "error";
	}
	return NULL;
}

/* ---- the findings formatter ------------------------------------------- */

static const char *severity_color(etsi_severity severity)
{
	switch (severity) {
	case ETSI_SEVERITY_ERROR:
		return "\033[1;31m";
	case ETSI_SEVERITY_WARNING:
		return "\033[33m";
	case ETSI_SEVERITY_INFO:
		return "\033[36m";
	}
	return "";
}

/* "5.3-2", "5.3-2 (line 31)", "art-b/5.3-13 (line 40)", "line 31": what
 * sets occurrence @p o apart from the first, @p first. */
static void put_occurrence(etsi__buf *buf, const etsi_occurrence *first,
                           const etsi_occurrence *o)
{
	int element = o->element && !etsi__streq(o->element, first->element);
	int reference = o->reference && !etsi__streq(o->reference, first->reference);

	if (element && reference)
		etsi__buf_printf(buf, "%s/%s", o->element, o->reference);
	else if (element || reference)
		etsi__buf_puts(buf, element ? o->element : o->reference);
	if ((element || reference) && o->line && o->line != first->line)
		etsi__buf_printf(buf, " (line %d)", o->line);
	else if (!element && !reference && o->line)
		etsi__buf_printf(buf, "line %d", o->line);
	else if (!element && !reference)
		etsi__buf_puts(buf, "the same place");
}

static void put_occurrences(etsi__buf *buf, const etsi_diagnostic *d, unsigned int flags)
{
	size_t k, shown = d->count - 1;

	if (!(flags & ETSI_DIAGNOSTICS_FORMAT_ALL) && shown > ETSI_DIAGNOSTICS_FORMAT_CAP)
		shown = ETSI_DIAGNOSTICS_FORMAT_CAP;
	etsi__buf_printf(buf, "    and %zu more like it: ", d->count - 1);
	for (k = 1; k <= shown; k++) {
		if (k > 1)
			etsi__buf_puts(buf, ", ");
		put_occurrence(buf, &d->occurrences[0], &d->occurrences[k]);
	}
	if (shown < d->count - 1)
		etsi__buf_printf(buf, ", \xe2\x80\xa6 and %zu more", d->count - 1 - shown);
	etsi__buf_puts(buf, "\n");
}

int etsi_diagnostics_format(char **out, size_t *len, const etsi_diagnostics *list,
                            const char *name, unsigned int flags)
{
	etsi__buf buf = ETSI__BUF_INIT;
	int color = (flags & ETSI_DIAGNOSTICS_FORMAT_COLOR) != 0;
	size_t i, n = etsi_diagnostics_count(list), waived = 0, errors, warnings;
	const etsi_diagnostic *root = NULL;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	if (flags & ~(ETSI_DIAGNOSTICS_FORMAT_COLOR | ETSI_DIAGNOSTICS_FORMAT_NO_HINTS |
	              ETSI_DIAGNOSTICS_FORMAT_ALL))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "unknown etsi_diagnostics_format() flags 0x%x", flags);
	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);

		if (!d->caused_by)
			root = d;
		etsi__buf_puts(&buf, d->file);
		if (d->line)
			etsi__buf_printf(&buf, ":%d", d->line);
		else if (d->element)
			/* an element without a line was added in memory */
			etsi__buf_puts(&buf, " (unsaved)");
		etsi__buf_printf(&buf, ": %s%s%s", color ? severity_color(d->severity) : "",
		                 etsi_severity_name(d->severity), color ? "\033[0m" : "");
		if (d->rule)
			etsi__buf_printf(&buf, "[%s]", d->rule);
		if (d->reference)
			etsi__buf_printf(&buf, " %s", d->reference);
		etsi__buf_printf(&buf, ": %s", d->message);
		if (d->waived) {
			etsi__buf_printf(&buf, " (waived by %s)", d->waiver ? d->waiver : "a waiver");
			waived++;
		}
		etsi__buf_puts(&buf, "\n");
		if (d->count > 1)
			put_occurrences(&buf, d, flags);
		if (d->caused_by && root && etsi__streq(root->id, d->caused_by))
			etsi__buf_printf(&buf, "    follows from the %s finding above\n",
			                 root->rule ? root->rule : "schema");
		if (d->hint && !d->waived && !(flags & ETSI_DIAGNOSTICS_FORMAT_NO_HINTS))
			etsi__buf_printf(&buf, "    hint: %s\n", d->hint);
	}
	if (name) {
		errors = etsi_diagnostics_count_severity(list, ETSI_SEVERITY_ERROR);
		warnings = etsi_diagnostics_count_severity(list, ETSI_SEVERITY_WARNING);
		etsi__buf_printf(&buf, "%s: %zu error%s, %zu warning%s, %zu info, %zu waived\n", name,
		                 errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
		                 etsi_diagnostics_count_severity(list, ETSI_SEVERITY_INFO), waived);
	}
	if (buf.failed) {
		etsi__buf_dispose(&buf);
		return etsi__error_oom();
	}
	if (len)
		*len = buf.len;
	*out = etsi__buf_detach(&buf);
	return *out ? 0 : etsi__error_oom();
}
