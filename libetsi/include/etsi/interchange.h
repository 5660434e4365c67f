/**
 * @file etsi/interchange.h
 * @brief GRC interchange: the JSON form of a dossier, OSCAL assessment
 *        results, and imports of an ICS spreadsheet (CSV) and of SBOMs
 *        (CycloneDX, SPDX).
 * @defgroup etsi_interchange GRC interchange
 *
 * Exports (etsi_dossier_export()):
 *
 * - "json": the whole dossier as JSON (namespace-aware, comments kept),
 *   described by xsd/dossier.schema.json and docs/interchange.md.  It is
 *   lossless: etsi_dossier_load_json() gives back a document that is equal
 *   to the original in canonical form (C14N, with comments).
 * - "oscal-json", "oscal-xml": an OSCAL 1.1.2 assessment-results document
 *   (also valid under OSCAL 1.2.1): one result for the dossier's release,
 *   the TS 103 701 test cases as reviewed objectives of the EN 303 645
 *   provisions, verdicts and provision outcomes as findings, evidence items
 *   as observations whose relevant evidence points at back-matter resources
 *   carrying the artifacts' SHA-256 digests, and the DUT with its software
 *   components and services as subjects.  UUIDs are version 5 UUIDs of
 *   stable names and no clock is read, so re-exporting an unchanged dossier
 *   gives the same bytes.  Its import-ap names the assessment plan by a
 *   relative href (::etsi_export_options ap_href).
 * - "oscal-ap", "oscal-ap-xml": the TS 103 701 test plan as an OSCAL
 *   assessment plan (JSON, XML): one task per planned test case with its
 *   readiness, at-risk flag and unknown facts.
 *
 * OSCAL catalogs and profiles of clause 5.3 (etsi_catalog_export()).
 *
 * Imports into an existing dossier (etsi_dossier_import()):
 *
 * - "ics-csv": the EN 303 645 Annex B table as a spreadsheet exports it
 *   (columns Reference, Status, Support, Detail; comma, semicolon or tab
 *   separated, UTF-8 with or without a byte order mark).
 * - "cyclonedx" (JSON or XML, 1.2 to 1.7) and "spdx" (SPDX 2.2 or 2.3 as
 *   JSON or tag-value, SPDX 3.0 as JSON-LD):
 *   software components become update-boundary components with their
 *   IXIT 6-SoftComp rows, merged by stable identity (package URL, else CPE,
 *   else name and version), their updateability left "undecided" for a
 *   person to decide.
 *
 * Every input is hostile: JSON is parsed by jansson and XML by libetsi's
 * hardened parser, both bounded in size and nesting depth.  An import
 * checks the whole input before it changes anything: on failure the
 * dossier is unchanged and every problem found is reported with its
 * location (a row, a line and column, or a JSON path).
 * @{
 */
#ifndef ETSI_INTERCHANGE_H
#define ETSI_INTERCHANGE_H

#include "common.h"
#include "diagnostic.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/** Options for etsi_dossier_export(). */
typedef struct etsi_export_options {
	unsigned int version;    /**< ETSI_EXPORT_OPTIONS_VERSION */
	/** "json" (default), "oscal-json", "oscal-xml", "oscal-ap" or
	 * "oscal-ap-xml". */
	const char *format;
	/**
	 * OSCAL: the date the evaluation is made for (artifact and waiver
	 * expiry), YYYY-MM-DD.  NULL: the date of @c timestamp.
	 */
	const char *as_of;
	/**
	 * OSCAL: the document's last-modified time, YYYY-MM-DD (midnight UTC)
	 * or an RFC 3339 date-time with a time zone.  NULL: the latest date the
	 * dossier states (verdicts, release, evidence, plan), so that the same
	 * dossier always gives the same document; for a dossier that states no
	 * date, @c as_of, else the evaluation's as-of date (today, UTC).  No
	 * date is invented.
	 */
	const char *timestamp;
	/**
	 * "oscal-json", "oscal-xml": the href of the assessment results'
	 * import-ap, a URI reference (characters outside URIs are
	 * percent-encoded).  NULL: "assessment-plan.json" (oscal-json) or
	 * "assessment-plan.xml" (oscal-xml), the plan ("oscal-ap",
	 * "oscal-ap-xml") exported beside the results.  Since version 2.
	 */
	const char *ap_href;
} etsi_export_options;

/** The current version of ::etsi_export_options (1 is still accepted). */
#define ETSI_EXPORT_OPTIONS_VERSION 2
/** Static initializer for ::etsi_export_options. */
#define ETSI_EXPORT_OPTIONS_INIT { ETSI_EXPORT_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/**
 * Initializes export options to their defaults.
 *
 * @param[out] opts the options
 * @param version ETSI_EXPORT_OPTIONS_VERSION
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_export_options_init(etsi_export_options *opts, unsigned int version);

/**
 * Lists the export formats.
 *
 * @param i index from 0
 * @return format @p i ("json", "oscal-json", "oscal-xml", "oscal-ap",
 *         "oscal-ap-xml"), static; NULL past the last
 */
ETSI_EXTERN const char *etsi_export_format_at(size_t i);

/**
 * Exports a dossier.  The dossier is validated first; an invalid dossier is
 * not exported.  The output is deterministic: the same dossier and options
 * give the same bytes.
 *
 * @param[out] out the document, UTF-8, NUL-terminated; free it with
 *        etsi_free()
 * @param[out] len its length without the terminator; may be NULL
 * @param dossier a valid dossier
 * @param opts options, or NULL for the JSON form
 * @return 0; ETSI_EINVALID for an unknown format or a bad date;
 *         ETSI_EVALIDATION when the dossier is invalid; ETSI_ERROR when
 *         SHA-1 (for UUIDs) is unavailable; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_export(char **out, size_t *len, etsi_dossier *dossier, const etsi_export_options *opts);

/**
 * Lists the formats of etsi_catalog_export().
 *
 * @param i index from 0
 * @return format @p i ("oscal-catalog", "oscal-catalog-xml",
 *         "oscal-profile", "oscal-profile-xml"), static; NULL past the last
 */
ETSI_EXTERN const char *etsi_catalog_export_format_at(size_t i);

/**
 * Writes an edition's clause 5.3 as OSCAL (1.1.2; valid under 1.2.1 too):
 * a catalog whose controls are the provisions (status, conditions,
 * features, the TS 103 701 test cases as parts, fact checks and
 * provenance), or a profile that selects every provision in force from
 * that catalog, imported by the sibling file name
 * "en303645-EDITION-catalog.json" (or ".xml").  The output is
 * deterministic; its last-modified is the first day of the latest month
 * the edition's catalogs declare.
 *
 * @param[out] out the document, UTF-8, NUL-terminated; free it with
 *        etsi_free()
 * @param[out] len its length without the terminator; may be NULL
 * @param catalog the catalog
 * @param format "oscal-catalog" (JSON), "oscal-catalog-xml",
 *        "oscal-profile" (JSON) or "oscal-profile-xml"
 * @return 0; ETSI_EINVALID for an unknown format; ETSI_ERROR when SHA-1
 *         (for UUIDs) is unavailable; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_catalog_export(char **out, size_t *len, const etsi_catalog *catalog, const char *format);

/**
 * Loads a dossier from its JSON form (as etsi_dossier_export() writes it)
 * and validates it as etsi_dossier_load() does.  Problems are reported
 * with the JSON path of the value concerned ("/dossier/header/release"),
 * syntax errors with their line and column.  The new dossier has no path:
 * give one to etsi_dossier_save().
 *
 * @param[out] out the dossier; the caller frees it with etsi_dossier_free()
 * @param data the JSON text, UTF-8; need not be NUL-terminated
 * @param len its length in bytes
 * @param name the name used in diagnostics; NULL for "<memory>"
 * @param opts load options (size and depth limits, validation, data
 *        directory), or NULL for the defaults
 * @return 0; ETSI_ELIMIT when the text is too large or too deep;
 *         ETSI_EPARSE when it is not JSON; ETSI_EUNSUPPORTED for another
 *         format or schema version; ETSI_EVALIDATION when it is not a valid
 *         dossier; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_load_json(etsi_dossier **out, const char *data, size_t len, const char *name, const etsi_load_options *opts);

/** Options for etsi_dossier_import(). */
typedef struct etsi_import_options {
	unsigned int version;    /**< ETSI_IMPORT_OPTIONS_VERSION */
	/** "ics-csv", "cyclonedx" or "spdx" (etsi_import_format_at()). */
	const char *format;
	/** The input's name in diagnostics; NULL for "<memory>". */
	const char *name;
	/**
	 * "ics-csv": the EN 303 645 edition the table was made for; it must be
	 * the dossier's.  NULL: the dossier's edition.
	 */
	const char *edition;
	/** Largest accepted input in bytes; 0 for the default, 64 MiB. */
	size_t max_size;
	/** Deepest accepted nesting (XML elements, JSON values, nested
	 * components); 0 for the default, 64. */
	unsigned int max_depth;
	/**
	 * Most items accepted: elements of an XML input, values (and member
	 * names) of a JSON one, cells of a CSV table, lines of SPDX
	 * tag-value; 0 for the default, 1 000 000.  Each costs memory however
	 * few bytes it takes; with this bound an import's peak memory is a
	 * documented multiple of the input's size plus a constant
	 * (docs/hardening.md).
	 */
	size_t max_elements;
	/**
	 * Most records an import adds or updates: components of an SBOM, rows
	 * of an ICS table; 0 for the default, 10 000.  Each becomes elements
	 * of the dossier (about 9 KiB of memory for a component, however
	 * short its entry in the SBOM).
	 */
	size_t max_records;
} etsi_import_options;

/** The current version of ::etsi_import_options (2 added max_elements and
 * max_records; version 1 is still accepted). */
#define ETSI_IMPORT_OPTIONS_VERSION 2
/** Static initializer for ::etsi_import_options. */
#define ETSI_IMPORT_OPTIONS_INIT { ETSI_IMPORT_OPTIONS_VERSION, NULL, NULL, NULL, 0, 0, 0, 0 }

/**
 * Initializes import options to their defaults.
 *
 * @param[out] opts the options
 * @param version ETSI_IMPORT_OPTIONS_VERSION
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_import_options_init(etsi_import_options *opts, unsigned int version);

/**
 * Lists the formats etsi_dossier_import() reads.
 *
 * @param i index from 0
 * @return format @p i ("ics-csv", "cyclonedx", "spdx"), static; NULL past
 *         the last
 */
ETSI_EXTERN const char *etsi_import_format_at(size_t i);

/**
 * Imports an ICS table or an SBOM into a dossier.  The whole input is
 * parsed and checked, and the changes are tried on a copy of the dossier,
 * before the dossier itself changes; on failure it is unchanged.
 *
 * What each item did is reported as an info diagnostic whose rule is
 * "added", "updated", "unchanged" or "skipped" and whose element is the key
 * of the record concerned (a component id, a provision).  On failure the
 * list holds every problem found (errors, located by row, line or JSON
 * path), and etsi_error_last() names the first.
 *
 * @param[out] out what was done, or what is wrong; the caller frees it with
 *        etsi_diagnostics_free().  Set on success and when the input was
 *        refused (ETSI_EPARSE, ETSI_EVALIDATION, ETSI_EUNSUPPORTED,
 *        ETSI_ELIMIT once it was read); NULL otherwise.  May be NULL.
 * @param dossier a valid dossier
 * @param data the input; need not be NUL-terminated
 * @param len its length in bytes
 * @param opts options; the format is required
 * @return 0; ETSI_EINVALID for an unknown format or an edition that is not
 *         the dossier's; ETSI_ELIMIT when the input is too large or too
 *         deep; ETSI_EPARSE when it is not well-formed CSV, JSON or XML;
 *         ETSI_EUNSUPPORTED for an SBOM format version libetsi does not
 *         read; ETSI_EVALIDATION when its content is wrong (unknown
 *         provisions, status codes that contradict the catalog, duplicate
 *         rows, missing or ill-typed SBOM fields); ETSI_ENOMEM (the dossier
 *         may then hold part of the import: discard it)
 */
ETSI_EXTERN etsi_result etsi_dossier_import(etsi_diagnostics **out, etsi_dossier *dossier, const char *data, size_t len, const etsi_import_options *opts);

ETSI_END_DECL

/** @} */
#endif
