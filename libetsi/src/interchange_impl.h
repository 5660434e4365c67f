/*
 * Internal view of the GRC interchange (etsi/interchange.h): the JSON form
 * (json.c), OSCAL (oscal.c), the ICS CSV import (csv.c) and the SBOM
 * imports (sbom.c), tied together by interchange.c.
 */
#ifndef ETSI_SRC_INTERCHANGE_IMPL_H
#define ETSI_SRC_INTERCHANGE_IMPL_H

#include <stddef.h>

#include "diagnostic.h"
#include "etsi/interchange.h"
#include "util.h"

/* ---- exports ------------------------------------------------------------ */

/* The JSON form of a valid dossier. */
int etsi__json_export(char **out, size_t *len, etsi_dossier *dossier);
/* The JSON form back to a dossier (etsi_dossier_load_json()). */
int etsi__json_load(etsi_dossier **out, const char *data, size_t len, const char *name,
                    const etsi_load_options *opts);
/* For tests: how the JSON form sees a dossier element (content 0 empty, 1
 * text, 2 child elements; attributes and children in schema order).
 * Returns 0, or -1 for an element it does not know. */
struct json_t;
/* "an object", "a string", ... for messages about a JSON value's type. */
const char *etsi__json_type_name(const struct json_t *v);
int etsi__json_element_info(const char *name, int *content, const char *const **attrs,
                            const char *const **children, int *repeated);
/* " (line L, column C)" of a jansson error (json_error_t), or "" when it
 * has no place; thread-local storage, valid until the next call. */
const char *etsi__json_where(const void *jerr);
/* Counts the values of a JSON text (member names too: each costs the
 * parser an allocation however few bytes it takes), before it is parsed.
 * Returns 0, or 1 when there are more than @p max_values, with the line
 * and column of the first value over the limit. */
int etsi__json_prescan(const char *data, size_t len, size_t max_values, int *line,
                       int *column);
/* The message for that refusal: takes the limit and the options' name. */
#define ETSI__JSON_VALUES_MESSAGE \
	"more than %zu JSON values (member names included); the text is refused before " \
	"parsing, as each costs memory however small it is (raise max_elements in %s, " \
	"or --max-elements, if it is genuine)"
/* For tests: the version 5 UUID of a name under libetsi's OSCAL namespace. */
int etsi__oscal_uuid5(char out[37], const char *name);

/* OSCAL of a dossier: @p format "oscal-json" or "oscal-xml" (assessment
 * results, whose import-ap is @p ap_href, NULL for the default sibling
 * file), "oscal-ap" or "oscal-ap-xml" (the assessment plan). */
int etsi__oscal_export(char **out, size_t *len, etsi_dossier *dossier, const char *format,
                       const char *as_of, const char *timestamp, const char *ap_href);
/* For tests: the same from a results document (xsd/results.xsd) given as
 * text instead of the dossier's evaluation, such as one whose findings
 * carry a claim and the fact that contradicts it. */
int etsi__oscal_export_results(char **out, size_t *len, etsi_dossier *dossier, int xml,
                               const char *timestamp, const char *results, size_t results_len);

/* ---- imports ------------------------------------------------------------ */

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

extern const etsi__importer etsi__import_ics_csv;
extern const etsi__importer etsi__import_cyclonedx;
extern const etsi__importer etsi__import_spdx;

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

/* Reports what an import did (an info diagnostic).  Returns 0 or
 * ETSI_ENOMEM. */
int etsi__import_note(etsi_diagnostics *diags, const char *name, const char *action,
                      const char *element, const char *reference, const char *fmt, ...)
	ETSI__PRINTF(6, 7);

/* ---- shared helpers ----------------------------------------------------- */

/* A copy of @p s with runs of white space made one space, trimmed; NULL
 * when out of memory. */
char *etsi__one_line(const char *s);
/* Appends @p s to a JSON pointer, escaped ("~" as "~0", "/" as "~1"). */
void etsi__pointer_push(etsi__buf *path, const char *s);
void etsi__pointer_push_index(etsi__buf *path, size_t i);
/* Cuts a JSON pointer back to @p len. */
void etsi__pointer_pop(etsi__buf *path, size_t len);

/* A dossier that shares @p src's catalog and holds a copy of its
 * document, for trying changes out. */
int etsi__dossier_clone(etsi_dossier **out, const etsi_dossier *src);

#endif
