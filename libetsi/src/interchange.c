/*
 * GRC interchange: the public entry points of etsi/interchange.h, the
 * staging of imports (checked on a copy before the dossier changes).  It
 * sits above the formats: json.c, oscal.c and the importers of csv.c and
 * sbom.c know nothing of it; what the importers share is import.c.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "csv.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "error.h"
#include "import.h"
#include "json.h"
#include "oscal.h"
#include "runtime.h"
#include "sbom.h"
#include "xml.h"

static const char *const export_formats[] = { "json", "oscal-json", "oscal-xml", "oscal-ap",
	                                             "oscal-ap-xml", NULL };

static const etsi__importer *const importers[] = {
	&etsi__import_ics_csv, &etsi__import_cyclonedx, &etsi__import_spdx, NULL
};

/* ---- options ------------------------------------------------------------ */

int etsi_export_options_init(etsi_export_options *opts, unsigned int version)
{
	if (version == 1) {
		/* a caller built against version 1: its struct ends before ap_href */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, offsetof(etsi_export_options, ap_href));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_EXPORT_OPTIONS_VERSION, "etsi_export_options");
}

int etsi_import_options_init(etsi_import_options *opts, unsigned int version)
{
	if (version == 1) {
		/* a caller built against version 1: its struct ends before max_elements */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, offsetof(etsi_import_options, max_elements));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_IMPORT_OPTIONS_VERSION, "etsi_import_options");
}

const char *etsi_export_format_at(size_t i)
{
	return i < ETSI__ARRAY_SIZE(export_formats) ? export_formats[i] : NULL;
}

const char *etsi_import_format_at(size_t i)
{
	return i < ETSI__ARRAY_SIZE(importers) && importers[i] ? importers[i]->format : NULL;
}

/* ---- exports ------------------------------------------------------------ */

static int check_date_option(const char *what, const char *value)
{
	if (value && !etsi__valid_date(value))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "%s '%s' is not a date YYYY-MM-DD", what, value);
	return 0;
}

int etsi_dossier_export(char **out, size_t *len, etsi_dossier *dossier,
                        const etsi_export_options *opts)
{
	const char *format = opts && opts->format ? opts->format : "json";
	size_t i;
	int error, known = 0;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(dossier);
	if (opts && opts->version != ETSI_EXPORT_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_export_options version %u is unknown", opts->version);
	for (i = 0; export_formats[i]; i++)
		known |= strcmp(format, export_formats[i]) == 0;
	if (!known)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "export format '%s' is unknown; use json, oscal-json, "
		                   "oscal-xml, oscal-ap or oscal-ap-xml", format);
	if (opts && (error = check_date_option("as_of", opts->as_of)) < 0)
		return error;
	if ((error = etsi_dossier_validate(NULL, dossier)) < 0)
		return error;
	if (strcmp(format, "json") == 0)
		return etsi__json_export(out, len, dossier);
	return etsi__oscal_export(out, len, dossier, format, opts ? opts->as_of : NULL,
	                          opts ? opts->timestamp : NULL,
	                          opts && opts->version >= 2 ? opts->ap_href : NULL);
}

int etsi_dossier_load_json(etsi_dossier **out, const char *data, size_t len, const char *name,
                           const etsi_load_options *opts)
{
	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(data || len == 0);
	if (opts && opts->version != ETSI_LOAD_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_load_options version %u is unknown", opts->version);
	etsi__runtime_ensure();
	return etsi__json_load(out, data ? data : "", len, name ? name : "<memory>", opts);
}

/* ---- staging of imports ------------------------------------------------- */

static int first_problem(const etsi_diagnostics *diags, int code, size_t unlisted)
{
	size_t i, n = etsi_diagnostics_count(diags), errors;
	const etsi_diagnostic *first = NULL;

	/* the problems not listed are summed up in one diagnostic, listed */
	errors = etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR) +
	         (unlisted ? unlisted - 1 : 0);
	for (i = 0; i < n && !first; i++) {
		if (etsi_diagnostics_at(diags, i)->severity == ETSI_SEVERITY_ERROR)
			first = etsi_diagnostics_at(diags, i);
	}
	if (!first)
		return etsi__error(code, ETSI_ERROR_CLASS_DOSSIER, "%s", etsi_strerror(code));
	if (errors > 1)
		return etsi__error_at(code, ETSI_ERROR_CLASS_DOSSIER, first->file, first->line,
		                      first->column, "%s (and %zu more problem%s)", first->message,
		                      errors - 1, errors > 2 ? "s" : "");
	return etsi__error_at(code, ETSI_ERROR_CLASS_DOSSIER, first->file, first->line,
	                      first->column, "%s", first->message);
}

int etsi_dossier_import(etsi_diagnostics **out, etsi_dossier *dossier, const char *data,
                        size_t len, const etsi_import_options *opts)
{
	const etsi__importer *im = NULL;
	etsi__import_ctx ctx;
	etsi_diagnostics *diags = NULL, *trial_diags = NULL;
	etsi_dossier *trial = NULL;
	char *copy = NULL;
	void *plan = NULL;
	size_t i;
	int error;

	if (out)
		*out = NULL;
	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(data || len == 0);
	ETSI__ASSERT_ARG(opts);
	if (opts->version != ETSI_IMPORT_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_import_options version %u is unknown", opts->version);
	for (i = 0; importers[i]; i++) {
		if (opts->format && strcmp(opts->format, importers[i]->format) == 0)
			im = importers[i];
	}
	if (!im)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "import format '%s' is unknown; use ics-csv, cyclonedx or spdx",
		                   opts->format ? opts->format : "(none)");
	if (!dossier->catalog)
		return etsi__error(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER,
		                   "the dossier's editions are unknown; validate it before "
		                   "importing into it");
	etsi__runtime_ensure();

	memset(&ctx, 0, sizeof(ctx));
	ctx.name = opts->name ? opts->name : "<memory>";
	ctx.opts = opts;
	ctx.max_size = opts->max_size ? opts->max_size : ETSI__DEFAULT_MAX_SIZE;
	ctx.max_depth = opts->max_depth ? opts->max_depth : ETSI__DEFAULT_MAX_DEPTH;
	ctx.max_elements = ETSI__MAX_ELEMENTS_OF(opts) ? opts->max_elements
	                                               : ETSI__DEFAULT_MAX_ELEMENTS;
	ctx.max_records = opts->version >= 2 && opts->max_records ? opts->max_records
	                                                          : ETSI__DEFAULT_MAX_RECORDS;
	ctx.dossier = dossier;
	if (len > ctx.max_size) {
		char a[32], b[32];

		snprintf(a, sizeof(a), "%zu", len);
		snprintf(b, sizeof(b), "%zu", ctx.max_size);
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_DOSSIER, ctx.name, 0, 0,
		                      "the input is %s bytes, above the %s-byte limit; raise "
		                      "max_size if it is genuine", a, b);
	}
	/* a terminated copy: the parsers may then rely on a NUL at the end */
	copy = etsi__malloc(len + 1);
	diags = etsi__diagnostics_new();
	if (!copy || !diags) {
		error = etsi__error_oom();
		goto done;
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	ctx.data = copy;
	ctx.len = len;
	ctx.diags = diags;

	error = im->parse(&plan, &ctx);
	if (error == ETSI_ENOMEM || (error < 0 && error != ETSI_EPARSE &&
	                             error != ETSI_EVALIDATION && error != ETSI_EUNSUPPORTED &&
	                             error != ETSI_ELIMIT)) {
		if (error == ETSI_ENOMEM)
			etsi__error_at(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS, ctx.name, 0, 0,
			               "out of memory while reading the %s input (%zu bytes); "
			               "max_size and max_elements in etsi_import_options bound what "
			               "it may cost: lower them, or give the process more memory",
			               im->format, len);
		goto done;
	}
	if (error < 0 || ctx.code < 0) {
		if (ctx.unlisted) {
			etsi__where where;

			memset(&where, 0, sizeof(where));
			where.file = ctx.name;
			if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, NULL,
			                          "%zu more problems are not listed; fix the ones "
			                          "above first", ctx.unlisted) < 0) {
				error = etsi__error_oom();
				goto done;
			}
		}
		error = first_problem(diags, ctx.code < 0 ? ctx.code : error, ctx.unlisted);
		goto report;
	}

	/* try it out on a copy: nothing changes unless the result is valid */
	if ((error = etsi__dossier_clone(&trial, dossier)) < 0)
		goto done;
	if (!(trial_diags = etsi__diagnostics_new())) {
		error = etsi__error_oom();
		goto done;
	}
	error = im->apply(plan, trial, trial_diags, ctx.name);
	if (error == 0) {
		etsi_diagnostics *problems = NULL;

		error = etsi_dossier_validate(&problems, trial);
		if (error == ETSI_EVALIDATION) {
			/* the import would make the dossier invalid: say why */
			for (i = 0; i < etsi_diagnostics_count(problems); i++) {
				const etsi_diagnostic *p = etsi_diagnostics_at(problems, i);
				etsi__where where;

				if (p->severity != ETSI_SEVERITY_ERROR)
					continue;
				memset(&where, 0, sizeof(where));
				where.file = ctx.name;
				if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, p->hint,
				                          "the import would make the dossier invalid: %s",
				                          p->message) < 0) {
					etsi_diagnostics_free(problems);
					error = etsi__error_oom();
					goto done;
				}
			}
			etsi_diagnostics_free(problems);
			error = first_problem(diags, ETSI_EVALIDATION, 0);
			goto report;
		}
		etsi_diagnostics_free(problems);
	}
	if (error < 0) {
		if (error != ETSI_ENOMEM) {
			etsi__where where;
			char message[1024];

			snprintf(message, sizeof(message), "%s", etsi_error_last()->message);
			memset(&where, 0, sizeof(where));
			where.file = ctx.name;
			if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, NULL, "%s",
			                          message) < 0) {
				error = etsi__error_oom();
				goto done;
			}
			error = first_problem(diags, ETSI_EVALIDATION, 0);
			goto report;
		}
		goto done;
	}

	/* the real thing; only running out of memory can stop it now */
	error = im->apply(plan, dossier, diags, ctx.name);
	if (error < 0)
		goto done;
report:
	if (out) {
		*out = diags;
		diags = NULL;
	}
done:
	if (plan)
		im->free_plan(plan);
	etsi_diagnostics_free(diags);
	etsi_diagnostics_free(trial_diags);
	etsi_dossier_free(trial);
	etsi__free(copy);
	return error;
}
