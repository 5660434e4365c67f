/**
 * @file etsi/dossier.h
 * @brief Dossiers: one device under test at one release, with its ICS,
 *        IXIT, evidence, test plan and verdicts.
 * @defgroup etsi_dossier Dossiers
 *
 * A dossier is an XML document in the urn:libetsi:dossier:1 namespace
 * (xsd/dossier.xsd, documented in docs/dossier-format.md).  libetsi keeps the
 * parsed document as the single store: reading a record reads the document,
 * changing a record changes it, and saving writes it back, so elements and
 * attributes of other namespaces survive a load and a save unchanged.
 *
 * Every input is treated as hostile.  Loading reads no network resource and
 * no external entity, refuses DOCTYPE declarations and processing
 * instructions, and bounds the input's size and nesting depth.  Saving is
 * atomic: the document is validated, written to a temporary file in the
 * target's directory, flushed to disk and renamed over the target, so the
 * file on disk is always either the old or the new complete document.
 *
 * A dossier handle is not safe for concurrent use from several threads;
 * distinct dossiers may be used on distinct threads at once.
 * @{
 */
#ifndef ETSI_DOSSIER_H
#define ETSI_DOSSIER_H

#include "common.h"
#include "record.h"
#include "catalog.h"
#include "diagnostic.h"

ETSI_BEGIN_DECL

/** A loaded or new dossier. */
typedef struct etsi_dossier etsi_dossier;

/** Flags for ::etsi_load_options. */
typedef enum etsi_load_flags {
	ETSI_LOAD_DEFAULT = 0,      /**< Parse, validate, index. */
	ETSI_LOAD_NO_VALIDATE = 1,  /**< Skip validation; see etsi_dossier_validate(). */
	/**
	 * Lock the file for update: etsi_dossier_load() waits until no other
	 * writer holds the file's lock, and holds it until the dossier is
	 * freed, so that another process's load-change-save of the same file
	 * waits for this one's instead of failing with ETSI_ECONFLICT.  The
	 * lock is an exclusive flock() on the dossier file itself (held on
	 * each new file as it is saved); programs other than libetsi do not
	 * see it.  Loading for update a file this process already holds for
	 * update fails with ETSI_ECONFLICT rather than wait for ever.
	 */
	ETSI_LOAD_LOCK = 2,
	/**
	 * Do not record the file's layout (its indentation, attribute spacing
	 * and quotes, XML declaration), which a save keeps: a dossier loaded
	 * to be read (validated, checked, reported) saves nothing.  Saved all
	 * the same, it is written in libetsi's own layout.  Saves a
	 * serialization of the whole document at load (about a tenth of
	 * `etsi validate`; docs/hardening.md, "Performance").
	 */
	ETSI_LOAD_NO_LAYOUT = 4
} etsi_load_flags;

/** Options for etsi_dossier_load() and etsi_dossier_load_memory(). */
typedef struct etsi_load_options {
	unsigned int version;   /**< ETSI_LOAD_OPTIONS_VERSION */
	unsigned int flags;     /**< ::etsi_load_flags, or-ed */
	/** Largest accepted document in bytes; 0 for the default, 64 MiB. */
	size_t max_size;
	/** Deepest accepted element nesting; 0 for the default, 64. */
	unsigned int max_depth;
	/** Catalog and schema override directory; see ::etsi_catalog_options. */
	const char *data_dir;
	/**
	 * Most elements accepted (values, for etsi_dossier_load_json()); 0 for
	 * the default, 1 000 000.  Each costs memory however few bytes it
	 * takes, so with this bound a load's peak memory is a documented
	 * multiple of the input's size plus a constant (docs/hardening.md).
	 */
	size_t max_elements;
} etsi_load_options;

/** The current version of ::etsi_load_options (2 added max_elements;
 * version 1 is still accepted). */
#define ETSI_LOAD_OPTIONS_VERSION 2
/** Static initializer for ::etsi_load_options. */
#define ETSI_LOAD_OPTIONS_INIT { ETSI_LOAD_OPTIONS_VERSION, 0, 0, 0, NULL, 0 }

/**
 * Initializes load options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_load_options_init(etsi_load_options *opts, unsigned int version);

/**
 * Loads a dossier from a file.  Unless ETSI_LOAD_NO_VALIDATE is set, the
 * dossier is validated (see etsi_dossier_validate()) and the first problem
 * is reported through etsi_error_last() with its file and line.
 *
 * @param[out] out the dossier; the caller frees it with etsi_dossier_free()
 * @param path the file
 * @param opts options, or NULL for the defaults
 * @return 0; ETSI_EIO when the file cannot be read; ETSI_ELIMIT when it is
 *         too large or too deep; ETSI_EPARSE when it is not well-formed or
 *         uses a refused construct; ETSI_EVALIDATION when it is not a valid
 *         dossier; ETSI_EUNSUPPORTED for an unknown schema version or
 *         edition; ETSI_ECONFLICT with ETSI_LOAD_LOCK when this process
 *         already holds the file for update; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_load(etsi_dossier **out, const char *path, const etsi_load_options *opts);

/**
 * Loads a dossier from memory, as etsi_dossier_load() does.
 *
 * @param[out] out the dossier
 * @param data the document; need not be NUL-terminated
 * @param len its length in bytes
 * @param name the name used in diagnostics (a file name or URL); NULL for
 *        "<memory>"
 * @param opts options, or NULL
 * @return as etsi_dossier_load()
 */
ETSI_EXTERN etsi_result etsi_dossier_load_memory(etsi_dossier **out, const char *data, size_t len, const char *name, const etsi_load_options *opts);

/** Options for etsi_dossier_new(). */
typedef struct etsi_new_options {
	unsigned int version;      /**< ETSI_NEW_OPTIONS_VERSION */
	const char *edition;       /**< EN 303 645 edition; NULL for the latest */
	const char *ts_edition;    /**< TS 103 701 edition; NULL to pair */
	const char *model;         /**< Model designation; required */
	const char *release;       /**< Release (product version); required */
	const char *manufacturer;  /**< Manufacturer, or NULL */
	const char *data_dir;      /**< See ::etsi_catalog_options */
} etsi_new_options;

/** The current version of ::etsi_new_options. */
#define ETSI_NEW_OPTIONS_VERSION 1
/** Static initializer for ::etsi_new_options. */
#define ETSI_NEW_OPTIONS_INIT { ETSI_NEW_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL }

/**
 * Initializes new-dossier options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_new_options_init(etsi_new_options *opts, unsigned int version);

/**
 * Creates a skeleton dossier for a DUT and edition: the header, the DUT's
 * model designation and manufacturer, the release (also recorded as the
 * DUT's software version), and one ICS entry per clause 5.3 provision of
 * the edition (void provisions left out) with no support stated yet.  The
 * skeleton is schema-valid.
 *
 * @param[out] out the dossier; the caller frees it with etsi_dossier_free()
 * @param opts options; model and release are required
 * @return 0; ETSI_EINVALID without a model or release;
 *         ETSI_EUNSUPPORTED for an unknown edition; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_new(etsi_dossier **out, const etsi_new_options *opts);

/** Frees a dossier, its records and its document.  NULL is allowed. */
ETSI_EXTERN void etsi_dossier_free(etsi_dossier *dossier);

/**
 * Validates the dossier against xsd/dossier.xsd and checks what the schema
 * cannot: that the editions pair, that every provision and test case named
 * exists in the dossier's catalogs and is not void.
 *
 * @param[out] out every problem found: schema errors in the order the
 *        validator meets them, then catalog reference errors; the caller
 *        frees the list with etsi_diagnostics_free().  May be NULL.
 * @param dossier the dossier
 * @return 0 when valid; ETSI_EVALIDATION when not (etsi_error_last() names
 *         the first problem); ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_validate(etsi_diagnostics **out, etsi_dossier *dossier);

/**
 * Saves the dossier atomically.  It is validated first; an invalid dossier
 * is not written.  The target's mode, owner and group are kept when it
 * exists (owner and group where the process may set them); a symbolic link
 * stays a link and its target is replaced.
 *
 * Saving to the file the dossier was loaded from (or last saved to) first
 * checks, under the file's lock, that the file still holds what was loaded
 * or saved: when another program changed, replaced or removed it since,
 * nothing is written and ETSI_ECONFLICT is returned; load the file again,
 * redo the change and save.  ETSI_LOAD_LOCK makes concurrent writers that
 * use libetsi wait for each other instead.
 *
 * @param dossier the dossier
 * @param path the file to write; NULL for the file it was loaded from
 * @return 0; ETSI_EVALIDATION; ETSI_ECONFLICT (nothing changed on disk);
 *         ETSI_EIO (nothing changed on disk); ETSI_EINVALID when @p path
 *         is NULL and the dossier has no file
 */
ETSI_EXTERN etsi_result etsi_dossier_save(etsi_dossier *dossier, const char *path);

/**
 * Serializes the dossier as UTF-8 XML, indented.  The output is
 * deterministic: the same dossier gives the same bytes.
 *
 * @param[out] out the document, NUL-terminated; free it with etsi_free()
 * @param[out] len its length without the terminator; may be NULL
 * @param dossier the dossier
 * @return 0 or ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_write(char **out, size_t *len, const etsi_dossier *dossier);

/**
 * @return the path the dossier was loaded from or last saved to, or the
 *         name given to etsi_dossier_load_memory(); NULL for a new dossier
 *         not yet saved
 */
ETSI_EXTERN const char *etsi_dossier_path(const etsi_dossier *dossier);

/**
 * @return the catalog of the dossier's editions, borrowed; NULL when the
 *         editions named in the dossier are unknown (a dossier loaded with
 *         ETSI_LOAD_NO_VALIDATE)
 */
ETSI_EXTERN etsi_catalog *etsi_dossier_catalog(const etsi_dossier *dossier);

/**
 * @return the number of records of a dossier kind, including records that
 *         belong to others (every artifact of every evidence item)
 */
ETSI_EXTERN size_t etsi_dossier_count(const etsi_dossier *dossier, etsi_kind kind);

/**
 * @param dossier a dossier
 * @param kind a dossier kind
 * @param i index from 0, in document order
 * @return the record, borrowed from the dossier; NULL out of range
 */
ETSI_EXTERN etsi_record *etsi_dossier_at(const etsi_dossier *dossier, etsi_kind kind, size_t i);

/**
 * Looks a record up by key (see etsi_record_key()): an id, a provision for
 * an ICS entry, a test case for a verdict, a name for a confirmation or a
 * step.  For singletons (header, dut, user-info) the key is ignored.
 *
 * @return the record, borrowed; NULL when there is none
 */
ETSI_EXTERN etsi_record *etsi_dossier_find(const etsi_dossier *dossier, etsi_kind kind, const char *key);

/**
 * Adds a record.  The fields are given as name/value pairs and checked
 * before anything changes: every field the schema requires must be there,
 * values must have the right type and references must resolve.  On
 * failure the dossier is unchanged.
 *
 * @param[out] out the new record, borrowed from the dossier; may be NULL
 * @param dossier the dossier
 * @param parent the evidence item for an artifact or covers record, the
 *        plan case for a plan input; NULL for every other kind
 * @param kind the kind of record
 * @param fields name, value, name, value, ..., NULL
 * @return 0; ETSI_EINVALID for a kind that is not a dossier kind, a
 *         missing required field or a bad value; ETSI_EEXISTS when the key
 *         is taken, or for a singleton (header, dut, user-info) the dossier
 *         already has; ETSI_ENOTFOUND for a dangling reference;
 *         ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_add(etsi_record **out, etsi_dossier *dossier, etsi_record *parent, etsi_kind kind, const char *const *fields);

/**
 * Removes a record and its children from the dossier.  The handle stays
 * allocated until the dossier is freed and reads as empty.  References to
 * the removed record elsewhere are not changed; validation reports them.
 *
 * @return 0; ETSI_EINVALID for a singleton or a record of another dossier
 */
ETSI_EXTERN etsi_result etsi_dossier_remove(etsi_dossier *dossier, etsi_record *record);

/**
 * Sets the ICS support and detail of a provision, creating its entry when
 * needed.
 *
 * @param dossier the dossier
 * @param provision a provision of the dossier's edition, such as "5.3-2"
 * @param support "Y", "N" or "N/A"
 * @param detail the measure, the reason it is not met or not applicable;
 *        NULL leaves the detail as it is
 * @return 0; ETSI_ENOTFOUND for a provision not in the edition or void;
 *         ETSI_EINVALID for a bad support value; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_set_ics(etsi_dossier *dossier, const char *provision, const char *support, const char *detail);

/**
 * Records the verdict of a test case, replacing an earlier one.
 *
 * @param[out] out the verdict record, borrowed; may be NULL
 * @param dossier the dossier
 * @param test_case a test case of the dossier's TS 103 701 edition
 * @param result "PASS", "FAIL" or "INCONCLUSIVE"
 * @param by the id of the party that assessed it
 * @param date the date, YYYY-MM-DD
 * @param note a note, or NULL
 * @return 0; ETSI_ENOTFOUND for an unknown test case or party;
 *         ETSI_EINVALID for a bad result or date; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_set_verdict(etsi_record **out, etsi_dossier *dossier, const char *test_case, const char *result, const char *by, const char *date, const char *note);

ETSI_END_DECL

/** @} */
#endif
