/*
 * What the importers share (import.h): problems of the input, capped at
 * ETSI__IMPORT_MAX_LISTED with a count of the rest, and notes of what an
 * import did.
 */
#include "import.h"

#include <stdarg.h>
#include <string.h>

#include "error.h"

int etsi__import_problem(etsi__import_ctx *ctx, int code, int line, int column,
                         const char *path, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = etsi__import_vproblem(ctx, code, line, column, path, fmt, ap);
	va_end(ap);
	return error;
}

int etsi__import_vproblem(etsi__import_ctx *ctx, int code, int line, int column,
                          const char *path, const char *fmt, va_list ap)
{
	etsi__buf msg = ETSI__BUF_INIT;
	etsi__where where;
	int error;

	if (ctx->code == 0)
		ctx->code = code;
	if (ctx->listed >= ETSI__IMPORT_MAX_LISTED) {
		ctx->unlisted++;
		return code;
	}
	if (path && *path)
		etsi__buf_printf(&msg, "%s: ", path);
	etsi__buf_vprintf(&msg, fmt, ap);
	if (msg.failed) {
		etsi__buf_dispose(&msg);
		return ETSI_ENOMEM;
	}
	memset(&where, 0, sizeof(where));
	where.file = ctx->name;
	where.line = line;
	where.column = column;
	error = etsi__diagnostics_add(ctx->diags, ETSI_SEVERITY_ERROR, &where, NULL, "%s", msg.ptr);
	etsi__buf_dispose(&msg);
	if (error < 0)
		return ETSI_ENOMEM;
	ctx->listed++;
	return code;
}

int etsi__import_note(etsi_diagnostics *diags, const char *name, const char *action,
                      const char *element, const char *reference, const char *fmt, ...)
{
	etsi__where where;
	va_list ap;
	int error;

	memset(&where, 0, sizeof(where));
	where.file = name;
	where.rule = action;
	where.element = element;
	where.reference = reference;
	va_start(ap, fmt);
	error = etsi__diagnostics_vadd(diags, ETSI_SEVERITY_INFO, &where, NULL, fmt, ap);
	va_end(ap);
	return error < 0 ? etsi__error_oom() : 0;
}
