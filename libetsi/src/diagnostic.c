#include "diagnostic.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

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
	etsi__buf message = ETSI__BUF_INIT;
	const char *file = where->file ? where->file : "<memory>";
	etsi_diagnostic *d;
	size_t size;
	char *cursor;
	va_list ap;

	va_start(ap, fmt);
	etsi__buf_vprintf(&message, fmt, ap);
	va_end(ap);
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
	size = sizeof(*d) + LEN(file) + LEN(where->rule) + LEN(where->element) +
	       LEN(where->reference) + message.len + 1 + LEN(hint) + LEN(where->waiver) +
	       LEN(where->claim) + LEN(where->fact);
#undef LEN
	d = etsi__malloc(size);
	if (!d || etsi__vec_push(&list->items, d) < 0) {
		etsi__free(d);
		etsi__buf_dispose(&message);
		return etsi__error_oom();
	}
	cursor = (char *)(d + 1);
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
		etsi__free(list->items.items[i]);
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

int etsi_diagnostics_format(char **out, size_t *len, const etsi_diagnostics *list,
                            const char *name, unsigned int flags)
{
	etsi__buf buf = ETSI__BUF_INIT;
	int color = (flags & ETSI_DIAGNOSTICS_FORMAT_COLOR) != 0;
	size_t i, n = etsi_diagnostics_count(list), waived = 0, errors, warnings;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	if (flags & ~(ETSI_DIAGNOSTICS_FORMAT_COLOR | ETSI_DIAGNOSTICS_FORMAT_NO_HINTS))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "unknown etsi_diagnostics_format() flags 0x%x", flags);
	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);

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
