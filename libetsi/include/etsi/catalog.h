/**
 * @file etsi/catalog.h
 * @brief The EN 303 645 and TS 103 701 catalogs: provisions, conditions,
 *        features, IXIT tables and fields, test groups and test cases.
 * @defgroup etsi_catalog Catalogs
 *
 * A catalog pairs one edition of EN 303 645 (what is required) with the
 * edition of TS 103 701 that tests it (how a laboratory tests the claims):
 * EN 303 645 V2.1.1 with TS 103 701 V1.1.1, and V3.1.3 with V2.1.1.  The
 * catalogs are compiled into the library; a data directory may add newer
 * editions or replace the built-in ones (see ::etsi_catalog_options).
 *
 * Catalogs are immutable and shared: opening the same edition twice gives
 * the same data, and a catalog may be used from several threads at once.
 *
 * Record kinds and their fields (see etsi/record.h):
 * - provision: id, status ("M", "R"; absent when void), status-code (the
 *   Annex B notation, such as "M C (15)" or "R F (g)"; "void"), void ("true",
 *   "false"), condition (list), feature (list), title, summary,
 *   replaced-by (list), change, change-from, was, note (list),
 *   confidence, provenance
 * - condition, feature: id, summary, confidence, provenance
 * - source: id, summary
 * - ixit-table: id, number, name, renamed-from, summary, confidence,
 *   provenance; children: ixit-field (id, name, summary, confidence,
 *   provenance)
 * - test-group: id, provision, objective, note (list), confidence,
 *   provenance; children: test-case
 * - test-case: id, kind ("conceptual", "functional", "mixed"), purpose,
 *   pass, note (list), confidence, provenance; children: test-input
 *   (table, field, via)
 * @{
 */
#ifndef ETSI_CATALOG_H
#define ETSI_CATALOG_H

#include "common.h"
#include "record.h"

ETSI_BEGIN_DECL

/** An opened pair of requirement and assessment catalogs. */
typedef struct etsi_catalog etsi_catalog;

/** Options for etsi_catalog_open(). */
typedef struct etsi_catalog_options {
	unsigned int version;    /**< ETSI_CATALOG_OPTIONS_VERSION */
	/**
	 * Directory searched first for en303645-EDITION.xml,
	 * ts103701-EDITION.xml and dossier.xsd.  NULL: the ETSI_DATA_DIR
	 * environment variable if set, else only the built-in data.
	 */
	const char *data_dir;
	/**
	 * TS 103 701 edition to pair with; NULL for the one that tests the
	 * requested EN 303 645 edition.
	 */
	const char *ts_edition;
} etsi_catalog_options;

/** The current version of ::etsi_catalog_options. */
#define ETSI_CATALOG_OPTIONS_VERSION 1
/** Static initializer for ::etsi_catalog_options. */
#define ETSI_CATALOG_OPTIONS_INIT { ETSI_CATALOG_OPTIONS_VERSION, NULL, NULL }

/**
 * Initializes options to their defaults.
 *
 * @param[out] opts the options
 * @param version ETSI_CATALOG_OPTIONS_VERSION
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_catalog_options_init(etsi_catalog_options *opts, unsigned int version);

/**
 * Opens the catalogs of an EN 303 645 edition.
 *
 * @param[out] out the catalog; the caller frees it with etsi_catalog_free()
 * @param edition an EN 303 645 edition, such as "3.1.3"; NULL for the
 *        latest built-in edition
 * @param opts options, or NULL for the defaults
 * @return 0; ETSI_EUNSUPPORTED for an unknown edition or pairing;
 *         ETSI_EVALIDATION or ETSI_EPARSE for a bad catalog file in the data
 *         directory; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_catalog_open(etsi_catalog **out, const char *edition, const etsi_catalog_options *opts);

/** Releases a catalog.  NULL is allowed. */
ETSI_EXTERN void etsi_catalog_free(etsi_catalog *catalog);

/**
 * Lists the built-in EN 303 645 editions, oldest first.
 *
 * @param i index from 0
 * @return edition @p i, such as "2.1.1", static; NULL past the last
 */
ETSI_EXTERN const char *etsi_catalog_builtin_edition(size_t i);

/** @return the EN 303 645 edition, such as "3.1.3" */
ETSI_EXTERN const char *etsi_catalog_edition(const etsi_catalog *catalog);

/** @return the TS 103 701 edition paired with it, such as "2.1.1" */
ETSI_EXTERN const char *etsi_catalog_ts_edition(const etsi_catalog *catalog);

/**
 * @return the number of top-level records of a kind: provisions (void ones
 *         included), conditions, features, sources, IXIT tables, test
 *         groups, test cases (every group's, in document order)
 */
ETSI_EXTERN size_t etsi_catalog_count(const etsi_catalog *catalog, etsi_kind kind);

/**
 * @param catalog a catalog
 * @param kind a catalog kind
 * @param i index from 0, in document order
 * @return the record, borrowed from the catalog; NULL out of range
 */
ETSI_EXTERN etsi_record *etsi_catalog_at(const etsi_catalog *catalog, etsi_kind kind, size_t i);

/**
 * Looks a record up by key: "5.3-2" for a provision or test group,
 * "5.3-2-1" for a test case, "7-UpdMech" for an IXIT table, "12" for a
 * condition, "g" for a feature.
 *
 * @return the record, borrowed; NULL when there is none
 */
ETSI_EXTERN etsi_record *etsi_catalog_find(const etsi_catalog *catalog, etsi_kind kind, const char *key);

/**
 * Writes both catalogs as one XML document, a @c catalogs element in the
 * urn:libetsi:catalog:1 namespace holding the EN 303 645 catalog and the
 * TS 103 701 catalog that tests it; valid against xsd/catalog.xsd.
 *
 * @param[out] out the document, NUL-terminated; free it with etsi_free()
 * @param[out] len its length without the terminator; may be NULL
 * @param catalog the catalog
 * @return 0 or ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_catalog_write(char **out, size_t *len, const etsi_catalog *catalog);

ETSI_END_DECL

/** @} */
#endif
