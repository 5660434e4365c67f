/**
 * @file etsi/diagnostic.h
 * @brief Lists of located problems: schema errors, reference errors and,
 *        later, check findings.
 * @defgroup etsi_diagnostic Diagnostics
 * @{
 */
#ifndef ETSI_DIAGNOSTIC_H
#define ETSI_DIAGNOSTIC_H

#include "common.h"

ETSI_BEGIN_DECL

/** How serious a diagnostic is. */
typedef enum etsi_severity {
	ETSI_SEVERITY_INFO = 0,   /**< Worth knowing; nothing to fix. */
	ETSI_SEVERITY_WARNING,    /**< Should be fixed; does not fail validation. */
	ETSI_SEVERITY_ERROR       /**< Must be fixed. */
} etsi_severity;

/**
 * One place a finding was made: a check groups the findings of one rule
 * that differ only in the element or reference they are about (the same
 * missing laboratory for 29 verdicts) into one finding, with one
 * occurrence for each.
 */
typedef struct etsi_occurrence {
	int line;              /**< Line, or 0 when unknown. */
	const char *element;   /**< Id or key of the element concerned, or NULL. */
	const char *reference; /**< Provision, test case or IXIT entry concerned, or NULL. */
	const char *message;   /**< The message as it would read alone; never NULL. */
	const char *claim;     /**< The claim a fact contradicts there, or NULL. */
} etsi_occurrence;

/**
 * One located problem.  Plain values, owned by the list that holds them;
 * libetsi only ever hands out pointers to diagnostics, so fields may be
 * appended in later versions.
 */
typedef struct etsi_diagnostic {
	etsi_severity severity; /**< How serious. */
	const char *file;       /**< Document name or path; never NULL. */
	int line;               /**< Line, or 0 when unknown. */
	int column;             /**< Column, or 0 when unknown. */
	const char *rule;       /**< Rule id, or NULL for schema and parse errors. */
	const char *element;    /**< Id or key of the element concerned, or NULL. */
	const char *reference;  /**< Provision, test case or IXIT entry concerned, or NULL. */
	const char *message;    /**< What is wrong, one line; never NULL. */
	const char *hint;       /**< How to fix it, or NULL. */
	int waived;             /**< 1 when a waiver in the dossier covers it. */
	const char *waiver;     /**< The id of that waiver, or NULL. */
	/* since the typed product facts: a finding that a recorded fact
	 * contradicts a claim names both */
	const char *claim;      /**< The claim contradicted, such as "ICS 5.3-9: Y", or NULL. */
	const char *fact;       /**< The recorded fact that contradicts it, such as
	                             "mechanism 'ota' verification where=server-or-transport",
	                             or NULL. */
	int fact_line;          /**< Line of that fact in file, or 0. */
	/* since findings are grouped */
	const char *id;         /**< "F1", "F2"...: the finding's id within the list of a
	                             check, in list order; NULL in other lists. */
	const char *caused_by;  /**< The id of the finding this one follows from (such as
	                             the missing IXIT row that leaves its fields missing),
	                             which comes earlier in the list; or NULL. */
	size_t count;           /**< How many occurrences this finding stands for: 1, or
	                             more when a check grouped repeated findings. */
	const etsi_occurrence *occurrences; /**< The count occurrences, in document order;
	                             the first is this finding's own line, element,
	                             reference and message. */
} etsi_diagnostic;

/** An owned list of diagnostics. */
typedef struct etsi_diagnostics etsi_diagnostics;

/** @return the number of diagnostics; 0 for NULL */
ETSI_EXTERN size_t etsi_diagnostics_count(const etsi_diagnostics *list);

/**
 * @param list a list
 * @param severity a severity
 * @return the number of diagnostics of exactly that severity that are not
 *         waived
 */
ETSI_EXTERN size_t etsi_diagnostics_count_severity(const etsi_diagnostics *list, etsi_severity severity);

/**
 * @param list a list
 * @param i index from 0, in document order
 * @return diagnostic @p i, borrowed from the list; NULL out of range
 */
ETSI_EXTERN const etsi_diagnostic *etsi_diagnostics_at(const etsi_diagnostics *list, size_t i);

/** Frees a list and its diagnostics.  NULL is allowed. */
ETSI_EXTERN void etsi_diagnostics_free(etsi_diagnostics *list);

/**
 * @param severity a severity
 * @return "info", "warning" or "error", static; NULL otherwise
 */
ETSI_EXTERN const char *etsi_severity_name(etsi_severity severity);

/** etsi_diagnostics_format() flag: colour the severities with ANSI escape
 *  sequences (error red, warning yellow, info cyan), for a terminal. */
#define ETSI_DIAGNOSTICS_FORMAT_COLOR 0x1u
/** etsi_diagnostics_format() flag: no hint lines. */
#define ETSI_DIAGNOSTICS_FORMAT_NO_HINTS 0x2u
/** etsi_diagnostics_format() flag: list every occurrence of a grouped
 *  finding, not the first ::ETSI_DIAGNOSTICS_FORMAT_CAP and a count. */
#define ETSI_DIAGNOSTICS_FORMAT_ALL 0x4u
/** How many further occurrences of a grouped finding the formatter names
 *  before "… and N more". */
#define ETSI_DIAGNOSTICS_FORMAT_CAP 8

/**
 * Formats a list as `etsi check` prints it, one call for the whole text:
 *
 *     FILE:LINE: error[RULE] 5.3-10: message
 *         hint: how to fix it
 *     FILE: 1 error, 2 warnings, 0 info, 0 waived
 *
 * A diagnostic without a line is printed as `FILE: ...`; one about an
 * element that has no line because it was added in memory and not yet
 * saved, as `FILE (unsaved): ...`, never `FILE:0`.  `[RULE]` is left out
 * for diagnostics without a rule (schema and parse errors) and the
 * reference when there is none; a waived diagnostic ends with
 * `(waived by ID)` and shows no hint.  A grouped finding (count above
 * 1) names its further occurrences on one more line, the first
 * ::ETSI_DIAGNOSTICS_FORMAT_CAP of them then "… and N more":
 *
 *         and 18 more like it: 5.3-2, 5.3-3, 5.3-4A (line 31), … and 10 more
 *
 * A finding that follows from another (caused_by) comes right under it
 * with the line `    follows from the RULE finding above`.  The closing
 * count line, with correct plurals, is written when @p name is not NULL;
 * it counts findings, a grouped one once.
 *
 * @param[out] out set to a NUL-terminated malloc'd text, to be freed with
 *             etsi_free(); "" (or the count line alone) for an empty list
 * @param[out] len set to the length of @p out, without the NUL; may be NULL
 * @param list the diagnostics, such as etsi_results_findings(); NULL is an
 *             empty list
 * @param name the name the count line starts with (usually the dossier's
 *             path), or NULL for no count line
 * @param flags 0, or ETSI_DIAGNOSTICS_FORMAT_* flags OR-ed together
 * @return 0, ETSI_EINVALID (@p out NULL or an unknown flag), ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_diagnostics_format(char **out, size_t *len,
                                                const etsi_diagnostics *list,
                                                const char *name, unsigned int flags);

ETSI_END_DECL

/** @} */
#endif
