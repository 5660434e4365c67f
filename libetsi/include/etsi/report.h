/**
 * @file etsi/report.h
 * @brief Reports rendered with XSLT: the HTML evidence report, the redacted
 *        public summary, CSV exports and a Markdown summary.
 * @defgroup etsi_report Reports
 *
 * A report is an XSLT 1.0 (+ EXSLT) transformation of one input document
 * that libetsi assembles: the dossier, its evaluation results (findings,
 * test plan, outcomes, gate; see etsi/results.h) and the catalogs of its
 * editions, under a root element in the urn:libetsi:report:1 namespace
 * (`etsi report --format input` prints it).  Stylesheets only present:
 * everything computed is computed in C.
 *
 * The built-in stylesheets are compiled into the library and compiled
 * once per process.  Every transformation, built-in or the caller's own,
 * runs under security preferences that forbid reading and writing files
 * and network resources; parameters are passed quoted.  The same input and
 * options give the same bytes: the report prints no date unless one is
 * given.  (Expiry checks use the as_of date, which defaults to the report
 * date and then to today: give a date for reports that must not change.)
 *
 * The "public" format is built from a redacted copy of the dossier that
 * holds only what is fit to publish: model designation, support period
 * and where it is published, update paths, editions, the test laboratory
 * and the outcomes.  Private artifacts, local references, owners, IXIT
 * rows, ICS details, notes and extension elements are never in its input.
 * It refuses to state conformance unless every selected test case has a
 * PASS (or an accepted justification).
 * @{
 */
#ifndef ETSI_REPORT_H
#define ETSI_REPORT_H

#include "common.h"
#include "dossier.h"
#include "results.h"

ETSI_BEGIN_DECL

/** Options for etsi_dossier_report(). */
typedef struct etsi_report_options {
	unsigned int version;    /**< ETSI_REPORT_OPTIONS_VERSION */
	/**
	 * "html" (default): the full evidence report, one self-contained file;
	 * "public": the redacted summary fit to publish (HTML);
	 * "ics-csv", "plan-csv", "evidence-csv": tables for spreadsheets and
	 * GRC imports (RFC 4180, UTF-8; columns in docs/reports.md);
	 * "md": a Markdown summary for pull requests and wikis;
	 * "input": the assembled input document itself, as XML.
	 */
	const char *format;
	/**
	 * An XSLT file of the caller's to apply to the same input instead of
	 * the format's stylesheet (branding, custom layouts).  It may include
	 * the built-in stylesheets by their names ("common.xsl"); it may not
	 * include other files.  NULL for the built-in one.
	 */
	const char *stylesheet;
	/** The report's date, YYYY-MM-DD, printed in it; NULL prints none. */
	const char *date;
	/** The date expiry checks use; NULL: the report date, else today. */
	const char *as_of;
	/**
	 * The CSV formats: 0 (default) neutralises every cell that begins with
	 * '=', '+', '-', '@', a tab or a carriage return, which spreadsheets
	 * would read as a formula: the cell is quoted and its value prefixed
	 * with a single quote (OWASP's "CSV injection" advice).  Non-zero
	 * writes every value as it is, for programs that read the CSV (the
	 * caller's own stylesheet receives the parameter csv-raw='yes').
	 * Since version 2.
	 */
	int csv_raw;
	/**
	 * Results already computed by etsi_dossier_evaluate() of this same
	 * dossier, or NULL (default) to evaluate it here.  Given, the report
	 * uses their findings, plan, outcomes and gate instead of evaluating
	 * again, so a caller that shows findings and renders a report pays for
	 * one evaluation; as_of is then not used (the results carry the date
	 * they were evaluated for).  Results of an invalid dossier are refused
	 * like the dossier itself; results of another dossier (another path)
	 * give ETSI_EINVALID.  Since version 3.
	 */
	const etsi_results *results;
} etsi_report_options;

/** The current version of ::etsi_report_options (1 and 2 are still accepted). */
#define ETSI_REPORT_OPTIONS_VERSION 3
/** Static initializer for ::etsi_report_options. */
#define ETSI_REPORT_OPTIONS_INIT { ETSI_REPORT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, NULL }

/**
 * Initializes report options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_report_options_init(etsi_report_options *opts, unsigned int version);

/**
 * Lists the built-in report formats.
 *
 * @param i index from 0
 * @return format @p i ("html", "public", ...), static; NULL past the last
 */
ETSI_EXTERN const char *etsi_report_format_at(size_t i);

/**
 * Renders a report of a dossier.
 *
 * @param[out] out the report, NUL-terminated; free it with etsi_free()
 * @param[out] len its length without the terminator; may be NULL
 * @param dossier a valid dossier
 * @param opts options, or NULL for the HTML report
 * @return 0; ETSI_EINVALID for an unknown format or a bad date;
 *         ETSI_EVALIDATION when the dossier is invalid, or when the public
 *         summary would state conformance that the verdicts do not
 *         support; ETSI_EIO when the stylesheet cannot be read;
 *         ETSI_EPARSE when it does not compile or includes a file;
 *         ETSI_ETRANSFORM when the transformation fails (for example
 *         because it tried to read a file); ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_report(char **out, size_t *len, etsi_dossier *dossier, const etsi_report_options *opts);

ETSI_END_DECL

/** @} */
#endif
