/**
 * @file etsi/lifecycle.h
 * @brief The release lifecycle: carry a dossier forward to the next
 *        release, and say what changed between two dossiers and which
 *        evidence that makes stale.
 * @defgroup etsi_lifecycle Release carry-forward and diff
 *
 * A dossier is for one release.  Evidence, ICS positions and verdicts of
 * one release must never count for the next one silently:
 * etsi_dossier_release() starts the next release's dossier from the
 * current one with every carried evidence item, ICS entry and verdict
 * marked as needing review and linked to the release it came from, and
 * `etsi check` reports them until someone has reviewed them.
 *
 * etsi_dossier_diff() compares two dossiers record by record (matched by
 * kind and key) and lists what was added, removed or changed, field by
 * field, and which evidence items the changes make stale: evidence whose
 * content did not change although facts its provision rests on did (an
 * evidence item for 5.3-9 when a mechanism's cryptographic details
 * changed).  docs/lifecycle.md states the staleness rules per provision.
 * Both dossiers are indexed once, so the cost is linear in their size.
 * @{
 */
#ifndef ETSI_LIFECYCLE_H
#define ETSI_LIFECYCLE_H

#include "common.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/**
 * Starts the dossier of the next release from a dossier of the current
 * one.  The new dossier is a copy of @p old with:
 *
 * - the header's release set to @p version, its previous release to the
 *   old release and its date to @p date (or none);
 * - the DUT's software version set to @p version when it was the old
 *   release exactly;
 * - every evidence item keeping its `release` (the release it was
 *   produced for), marked `review="needs-review"` and given
 *   `<carried-from release="OLD" evidence="ID"/>` without a review;
 * - every ICS entry that states a support or a detail, and every verdict,
 *   given `<carried-from release="OLD"/>` without a review;
 * - the release-gate steps' sign-offs removed and the stored test plan
 *   left out (both belong to the old release).
 *
 * Everything else (the product facts, IXIT, artifacts with their digests,
 * waivers, extension elements) is carried as it is.  @p old is not
 * changed.  The new dossier has no file yet: save it with
 * etsi_dossier_save() and a path.
 *
 * @param[out] out the new dossier; the caller frees it with
 *        etsi_dossier_free()
 * @param old a valid dossier
 * @param version the new release; one line, different from the old one
 * @param date the new release's date, YYYY-MM-DD, or NULL
 * @return 0; ETSI_EINVALID for a missing or bad version or date, or the
 *         old release's own version; ETSI_EVALIDATION when @p old is not
 *         valid; ETSI_EUNSUPPORTED when it names an edition libetsi has no
 *         catalog for (it can only have been loaded without validation);
 *         ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_release(etsi_dossier **out, const etsi_dossier *old, const char *version, const char *date);

/** What happened to a record or a field between two dossiers. */
typedef enum etsi_change_type {
	ETSI_CHANGE_ADDED = 0,   /**< "added": the record is only in the new dossier. */
	ETSI_CHANGE_REMOVED,     /**< "removed": the record is only in the old dossier. */
	ETSI_CHANGE_CHANGED      /**< "changed": a field of a record in both differs. */
} etsi_change_type;

/**
 * One difference.  Plain values owned by the diff; libetsi only hands out
 * pointers to changes, so fields may be appended in later versions.
 *
 * For a list field (a component's mechanisms, a verdict's indications)
 * every value added or removed is one change, with the other side NULL.
 * Text is compared with runs of white space taken as one space, so
 * re-indenting a paragraph is no change.
 */
typedef struct etsi_change {
	etsi_change_type type;  /**< Added, removed or changed. */
	const char *kind;       /**< The record kind: "component", "ics-entry", ... */
	const char *key;        /**< Its key (id, provision, test case, name); NULL for singletons. */
	const char *parent;     /**< For an artifact or covers record, its evidence item; else NULL. */
	const char *field;      /**< For a change, the field; NULL when added or removed. */
	const char *old_value;  /**< The old value; NULL when absent (and when added or removed). */
	const char *new_value;  /**< The new value; NULL when absent (and when added or removed). */
	int old_line;           /**< The record's line in the old dossier; 0 when added. */
	int new_line;           /**< Its line in the new dossier; 0 when removed. */
} etsi_change;

/**
 * An evidence item the changes make stale: it is in both dossiers with
 * the same claim, condition, release and artifacts, but a fact its
 * provision rests on changed.  Plain values owned by the diff.
 */
typedef struct etsi_stale {
	const char *evidence;    /**< The evidence item's id. */
	const char *provision;   /**< The provision it is filed under. */
	int line;                /**< Its line in the new dossier. */
	const char *cause_kind;  /**< The first change that makes it stale: kind, */
	const char *cause_key;   /**< key (NULL for singletons) */
	const char *cause_field; /**< and field (NULL when the record was added or removed). */
	size_t causes;           /**< How many changes make it stale. */
	const char *message;     /**< One line saying why. */
} etsi_stale;

/** The differences between two dossiers. */
typedef struct etsi_diff etsi_diff;

/**
 * Compares two dossiers.  Records are matched by kind and key; singletons
 * (header, DUT, 2-UserInfo) with each other.  Every dossier kind is
 * compared but the stored test plan (derived data) and extension
 * elements.  Changes come in kind order (header, parties, owners, DUT,
 * services, components, mechanisms, IXIT, ICS, evidence, artifacts,
 * covers, verdicts, waivers, steps), then in the new dossier's document
 * order, removed records after the others of their kind.
 *
 * @param[out] out the differences; free them with etsi_diff_free().  They
 *        do not refer to the dossiers.
 * @param old_dossier the earlier dossier
 * @param new_dossier the later one
 * @return 0 (also when there are differences); ETSI_EINVALID; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_diff(etsi_diff **out, const etsi_dossier *old_dossier, const etsi_dossier *new_dossier);

/** Frees a diff.  NULL is allowed. */
ETSI_EXTERN void etsi_diff_free(etsi_diff *diff);

/** @return the number of changes; 0 for NULL (the dossiers are the same) */
ETSI_EXTERN size_t etsi_diff_count(const etsi_diff *diff);

/**
 * @param diff a diff
 * @param i index from 0
 * @return change @p i, borrowed from the diff; NULL out of range
 */
ETSI_EXTERN const etsi_change *etsi_diff_at(const etsi_diff *diff, size_t i);

/** @return the number of stale evidence items; 0 for NULL */
ETSI_EXTERN size_t etsi_diff_stale_count(const etsi_diff *diff);

/**
 * @param diff a diff
 * @param i index from 0, in the new dossier's document order
 * @return stale evidence item @p i, borrowed from the diff; NULL out of
 *         range
 */
ETSI_EXTERN const etsi_stale *etsi_diff_stale_at(const etsi_diff *diff, size_t i);

/**
 * @param type a change type
 * @return "added", "removed" or "changed", static; NULL otherwise
 */
ETSI_EXTERN const char *etsi_change_type_name(etsi_change_type type);

/**
 * Writes the diff as "text" (what `etsi diff` prints) or "json" (an object
 * with "old", "new", "changes", "stale" and "summary"; docs/lifecycle.md).
 * The output is deterministic.
 *
 * @param[out] out the text, NUL-terminated; free it with etsi_free()
 * @param[out] len its length; may be NULL
 * @param diff the diff
 * @param format "text" or "json"
 * @return 0; ETSI_EINVALID for an unknown format; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_diff_write(char **out, size_t *len, const etsi_diff *diff, const char *format);

ETSI_END_DECL

/** @} */
#endif
