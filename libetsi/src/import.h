/*
 * What the importers (csv.c, sbom.c) share: the context an importer sees,
 * the importer's two steps, and how it records problems and notes.  The
 * staging that runs them (on a copy first) is etsi_dossier_import(), in
 * interchange.c, which sits above the importers.
 */
#ifndef ETSI_SRC_IMPORT_H
#define ETSI_SRC_IMPORT_H

#include <stdarg.h>
#include <stddef.h>

#include "diagnostic.h"
#include "etsi/interchange.h"
#include "util.h"

/* What an importer sees while it parses and checks its input. */
typedef struct etsi__import_ctx {
	const char *data;           /* the input, NUL-terminated copy */
	size_t len;
	const char *name;           /* for diagnostics */
	const etsi_import_options *opts;
	size_t max_size;
	unsigned int max_depth;
	size_t max_elements;          /* XML elements, JSON values, CSV cells */
	size_t max_records;           /* components, rows */
	const etsi_dossier *dossier;  /* read only, for the catalog */
	etsi_diagnostics *diags;      /* problems found */
	int code;                     /* the code of the first problem, or 0 */
	size_t listed;                /* problems in diags */
	size_t unlisted;              /* problems past ETSI__IMPORT_MAX_LISTED */
} etsi__import_ctx;

/* An importer: parse() checks the whole input and returns a plan without
 * touching the dossier; apply() carries the plan out and reports what it
 * did as info diagnostics.  apply() runs twice: on a copy of the dossier,
 * then, when the copy came out valid, on the dossier itself. */
typedef struct etsi__importer {
	const char *format;
	int (*parse)(void **plan, etsi__import_ctx *ctx);
	int (*apply)(void *plan, etsi_dossier *dossier, etsi_diagnostics *diags, const char *name);
	void (*free_plan)(void *plan);
} etsi__importer;

/* Problems listed per input: a hostile one can hold millions (a row or a
 * component each), so past this many only their count goes on and memory
 * stays bounded by the input's limits, not by its problems. */
#define ETSI__IMPORT_MAX_LISTED 1000

/* Records a problem of the input (an error diagnostic, located by line and
 * column, or by @p path, a JSON pointer or "row N"); past
 * ETSI__IMPORT_MAX_LISTED of them, only counts it.  The first problem's
 * code is kept in ctx->code.  Returns @p code, or ETSI_ENOMEM. */
int etsi__import_problem(etsi__import_ctx *ctx, int code, int line, int column,
                         const char *path, const char *fmt, ...) ETSI__PRINTF(6, 7);
/* The same with a va_list, for importers' own wrappers. */
int etsi__import_vproblem(etsi__import_ctx *ctx, int code, int line, int column,
                          const char *path, const char *fmt, va_list ap) ETSI__PRINTF(6, 0);

/* Reports what an import did (an info diagnostic).  Returns 0 or
 * ETSI_ENOMEM. */
int etsi__import_note(etsi_diagnostics *diags, const char *name, const char *action,
                      const char *element, const char *reference, const char *fmt, ...)
	ETSI__PRINTF(6, 7);

#endif
