/*
 * The JSON form of a dossier (json.c): export, load, and what the SBOM
 * import shares with it.
 */
#ifndef ETSI_SRC_JSON_H
#define ETSI_SRC_JSON_H

#include <stddef.h>

#include "etsi/dossier.h"

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

#endif
