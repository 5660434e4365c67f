/*
 * GRC interchange commands: export (the JSON form, OSCAL assessment
 * results) and import (the JSON form, an ICS spreadsheet, SBOMs).  Thin
 * layers over etsi/interchange.h.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_TIMESTAMP = 3000, OPT_AS_OF, OPT_DATA_DIR, OPT_FROM, OPT_INTO, OPT_EDITION,
       OPT_MODEL, OPT_RELEASE, OPT_MANUFACTURER, OPT_MAX_SIZE, OPT_MAX_DEPTH,
       OPT_FORCE, OPT_MAX_ELEMENTS, OPT_MAX_RECORDS };

#define DEFAULT_MAX_SIZE ((size_t)64 * 1024 * 1024)

/* ---- export ------------------------------------------------------------- */

void help_export(FILE *out)
{
	fprintf(out,
	        "usage: etsi export FILE [--format FORMAT] [-o OUT] [OPTIONS]\n"
	        "\n"
	        "Exports a valid dossier for GRC platforms and other tools. The output is\n"
	        "deterministic: an unchanged dossier gives the same bytes.\n"
	        "\n"
	        "Formats:\n"
	        "  json        the whole dossier as JSON (default), lossless: 'etsi import\n"
	        "              --from json' gives the same document back (canonical XML);\n"
	        "              schema xsd/dossier.schema.json\n"
	        "  oscal-json  OSCAL 1.1.2 assessment results, JSON\n"
	        "  oscal-xml   OSCAL 1.1.2 assessment results, XML\n"
	        "  oscal-ap    OSCAL 1.1.2 assessment plan (the TS 103 701 test plan), JSON\n"
	        "  oscal-ap-xml  the same, XML\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format FORMAT     one of the formats above\n"
	        "  -o, --output OUT        where to write it (default: standard output);\n"
	        "                          written atomically; never over FILE itself\n"
	        "      --force             replace OUT if it exists\n"
	        "      --timestamp T       OSCAL: the document's last-modified time,\n"
	        "                          YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (default: the\n"
	        "                          latest date the dossier states, else the as-of\n"
	        "                          date; never an invented one)\n"
	        "      --as-of DATE        OSCAL: the date expiry is evaluated for (default:\n"
	        "                          the timestamp's date, else today)\n"
	        "      --ap-href HREF      OSCAL results: where import-ap points (default:\n"
	        "                          assessment-plan.json, or .xml for oscal-xml: export\n"
	        "                          the plan beside the results under that name)\n"
	        "      --data-dir DIR      read catalogs and schemas from DIR first\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "docs/interchange.md describes the JSON form and the OSCAL mapping.\n"
	        "\n"
	        "Exit status: 0 written, 1 the dossier is invalid, 2 usage or I/O error.\n");
}

int cmd_export(int argc, char **argv)
{
	enum { OPT_AP_HREF = 3100 };
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "ap-href", required_argument, NULL, OPT_AP_HREF },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "timestamp", required_argument, NULL, OPT_TIMESTAMP },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	etsi_load_options load = ETSI_LOAD_OPTIONS_INIT;
	const cli_command *self = cli_find("export");
	const char *output = NULL, *formats[32];
	etsi_dossier *dossier = NULL;
	char *text = NULL;
	size_t len = 0, i;
	int c, error, known = 0, force = 0, status = CLI_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			opts.format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_TIMESTAMP:
			opts.timestamp = optarg;
			break;
		case OPT_AP_HREF:
			opts.ap_href = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_AS_OF:
			if (cli_check_date(self, "--as-of", optarg) != CLI_OK)
				return CLI_USAGE;
			opts.as_of = optarg;
			break;
		case OPT_DATA_DIR:
			load.data_dir = optarg;
			break;
		case 'h':
			help_export(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one dossier");
	for (i = 0; etsi_export_format_at(i) && i + 1 < sizeof(formats) / sizeof(formats[0]); i++) {
		formats[i] = etsi_export_format_at(i);
		known |= opts.format && strcmp(formats[i], opts.format) == 0;
	}
	formats[i] = NULL;
	if (opts.format && !known)
		return cli_invalid_value(self, "--format", opts.format, formats);
	if ((status = cli_check_output(self, output, force, argv[optind], NULL)) != CLI_OK)
		return status;

	error = etsi_dossier_load(&dossier, argv[optind], &load);
	if (error < 0) {
		cli_error_last(argv[optind]);
		return cli_status_for(error);
	}
	error = etsi_dossier_export(&text, &len, dossier, &opts);
	if (error < 0) {
		cli_error_last(argv[optind]);
		status = cli_status_for(error);
		goto done;
	}
	status = cli_write_text(text, len, output, opts.format ? opts.format : "json");
done:
	etsi_free(text);
	etsi_dossier_free(dossier);
	return status;
}

/* ---- import ------------------------------------------------------------- */

void help_import(FILE *out)
{
	fprintf(out,
	        "usage: etsi import --from FORMAT IN [--into FILE] [-o OUT] [OPTIONS]\n"
	        "\n"
	        "Imports what GRC platforms and product teams already have. IN is a file,\n"
	        "or - for standard input. The whole input is checked first: when anything\n"
	        "is wrong every problem is printed with its row, line or JSON path, and\n"
	        "nothing is written.\n"
	        "\n"
	        "Formats (--from):\n"
	        "  json        the JSON form of a dossier ('etsi export --format json'):\n"
	        "              written as an XML dossier to OUT (default: standard output)\n"
	        "  ics-csv     the EN 303 645 Annex B table as a spreadsheet saves it:\n"
	        "              columns Reference, Status, Support, Detail (comma or semicolon\n"
	        "              separated, UTF-8); sets the ICS of --into FILE, or of a new\n"
	        "              skeleton (--edition, --model and --release)\n"
	        "  cyclonedx   CycloneDX 1.2 to 1.7 SBOM, JSON or XML: software components\n"
	        "              and their 6-SoftComp rows, merged into --into FILE\n"
	        "  spdx        SPDX 2.2 or 2.3 (JSON or tag-value) or SPDX 3.0 (JSON-LD) SBOM:\n"
	        "              the same, from its packages\n"
	        "\n"
	        "Components are merged by package URL, else CPE, else name and version:\n"
	        "importing an SBOM again updates them and adds nothing. New components are\n"
	        "'undecided' about updateability until someone decides (etsi check says so).\n"
	        "\n"
	        "Options:\n"
	        "      --from FORMAT       one of the formats above (required)\n"
	        "      --into FILE         the dossier to import into; saved back to it\n"
	        "                          (validated, atomically) unless -o names another\n"
	        "  -o, --output OUT        where to write the dossier; never over IN\n"
	        "      --force             replace OUT if it exists (not --into's file,\n"
	        "                          which is saved back by design)\n"
	        "      --edition ED        ics-csv: the EN 303 645 edition of the table\n"
	        "      --model M           ics-csv without --into: the model designation\n"
	        "      --release R         ics-csv without --into: the release\n"
	        "      --manufacturer M    ics-csv without --into: the manufacturer\n"
	        "      --max-size BYTES    largest accepted input (default 64 MiB)\n"
	        "      --max-depth N       deepest accepted nesting (default 64)\n"
	        "      --max-elements N    most XML elements, JSON values, CSV cells or\n"
	        "                          tag-value lines accepted (default 1000000)\n"
	        "      --max-records N     most components or ICS rows imported\n"
	        "                          (default 10000)\n"
	        "      --data-dir DIR      read catalogs and schemas from DIR first\n"
	        "  -v, --verbose           print what each row or component did\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "Exit status: 0 imported, 1 the input (or the dossier) is invalid and\n"
	        "nothing was written, 2 usage or I/O error.\n");
}

static int parse_size(const cli_command *self, const char *option, const char *value,
                      unsigned long long max, unsigned long long *out)
{
	char *end;

	errno = 0;
	*out = strtoull(value, &end, 10);
	if (errno || end == value || *end || *out == 0 || *out > max || value[0] == '-')
		return cli_usage_error(self, "%s takes a positive number, not '%s'", option, value);
	return CLI_OK;
}

/* As many problems as `etsi validate` lists schema errors: a broken input
 * of a million rows says what is wrong in its first thousand. */
#define MAX_LISTED 1000

/* Prints the problems (and, verbose, the notes) of an import: the first
 * MAX_LISTED, then a count of the rest.  A list the library capped itself
 * (MAX_LISTED and one diagnostic that counts the rest) is printed whole. */
static void print_report(const etsi_diagnostics *diags, int verbose)
{
	size_t i, shown = 0, listed = 0, notes = 0;

	for (i = 0; i < etsi_diagnostics_count(diags); i++)
		shown += etsi_diagnostics_at(diags, i)->severity != ETSI_SEVERITY_INFO || verbose;
	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(diags, i);

		if (d->severity == ETSI_SEVERITY_INFO && !verbose)
			continue;
		if (shown > MAX_LISTED + 1 && listed == MAX_LISTED) {
			notes += d->severity == ETSI_SEVERITY_INFO;
			continue;
		}
		cli_print_diagnostic(stderr, d);
		listed++;
	}
	if (listed < shown)
		cli_error("%zu more %s not listed; fix the ones above first", shown - listed,
		          notes ? "problems and notes are" : "problems are");
}

static void print_summary(const etsi_diagnostics *diags, const char *in, const char *out)
{
	static const char *const actions[] = { "added", "updated", "unchanged", "skipped" };
	size_t counts[4] = { 0, 0, 0, 0 }, i, j;

	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(diags, i);

		for (j = 0; j < 4; j++) {
			if (d->rule && strcmp(d->rule, actions[j]) == 0 && (d->element || j == 3))
				counts[j]++;
		}
	}
	fprintf(stderr, "etsi: imported %s into %s: %zu added, %zu updated, %zu unchanged, "
	        "%zu skipped\n", in, out, counts[0], counts[1], counts[2], counts[3]);
}


int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		{ "from", required_argument, NULL, OPT_FROM },
		{ "into", required_argument, NULL, OPT_INTO },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "edition", required_argument, NULL, OPT_EDITION },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ "release", required_argument, NULL, OPT_RELEASE },
		{ "manufacturer", required_argument, NULL, OPT_MANUFACTURER },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
		{ "max-elements", required_argument, NULL, OPT_MAX_ELEMENTS },
		{ "max-records", required_argument, NULL, OPT_MAX_RECORDS },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("import");
	etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
	etsi_load_options load = ETSI_LOAD_OPTIONS_INIT;
	etsi_new_options fresh = ETSI_NEW_OPTIONS_INIT;
	const char *from = NULL, *into = NULL, *output = NULL, *in;
	etsi_dossier *dossier = NULL;
	etsi_diagnostics *diags = NULL;
	unsigned long long number;
	char *data = NULL;
	size_t len = 0, i;
	int c, error, verbose = 0, known = 0, force = 0, status = CLI_OK;
	const char *froms[32];

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:vh", options, NULL)) != -1) {
		switch (c) {
		case OPT_FROM:
			from = optarg;
			break;
		case OPT_INTO:
			into = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_EDITION:
			opts.edition = optarg;
			fresh.edition = optarg;
			break;
		case OPT_MODEL:
			fresh.model = optarg;
			break;
		case OPT_RELEASE:
			fresh.release = optarg;
			break;
		case OPT_MANUFACTURER:
			fresh.manufacturer = optarg;
			break;
		case OPT_MAX_SIZE:
			if (parse_size(self, "--max-size", optarg, (unsigned long long)SIZE_MAX,
			               &number) != CLI_OK)
				return CLI_USAGE;
			opts.max_size = load.max_size = (size_t)number;
			break;
		case OPT_MAX_DEPTH:
			if (parse_size(self, "--max-depth", optarg, 100000, &number) != CLI_OK)
				return CLI_USAGE;
			opts.max_depth = load.max_depth = (unsigned int)number;
			break;
		case OPT_MAX_ELEMENTS:
			if (parse_size(self, "--max-elements", optarg, (unsigned long long)SIZE_MAX,
			               &number) != CLI_OK)
				return CLI_USAGE;
			opts.max_elements = load.max_elements = (size_t)number;
			break;
		case OPT_MAX_RECORDS:
			if (parse_size(self, "--max-records", optarg, (unsigned long long)SIZE_MAX,
			               &number) != CLI_OK)
				return CLI_USAGE;
			opts.max_records = (size_t)number;
			break;
		case OPT_DATA_DIR:
			load.data_dir = optarg;
			fresh.data_dir = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			help_import(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (!from)
		return cli_usage_error(self, "--from is required: json, ics-csv, cyclonedx or spdx");
	known = strcmp(from, "json") == 0;
	froms[0] = "json";
	for (i = 0; etsi_import_format_at(i) && i + 2 < sizeof(froms) / sizeof(froms[0]); i++) {
		froms[i + 1] = etsi_import_format_at(i);
		known |= strcmp(froms[i + 1], from) == 0;
	}
	froms[i + 1] = NULL;
	if (!known)
		return cli_invalid_value(self, "--from", from, froms);
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one input file (or - for standard input)");
	in = argv[optind];
	/* --into's file is saved back by design: -o naming it is no overwrite */
	if (output && !cli_same_file(output, into) &&
	    (status = cli_check_output(self, output, force, in, NULL)) != CLI_OK)
		return status;
	if (strcmp(from, "json") == 0) {
		if (into)
			return cli_usage_error(self, "--into is for ics-csv, cyclonedx and spdx; the JSON "
			                       "form is a whole dossier (write it with -o)");
	} else if (strcmp(from, "ics-csv") == 0) {
		if (!into && (!fresh.edition || !fresh.model || !fresh.release))
			return cli_usage_error(self, "without --into, ics-csv starts a new dossier: give "
			                       "--edition, --model and --release");
		if (into && (fresh.model || fresh.release || fresh.manufacturer))
			return cli_usage_error(self, "--model, --release and --manufacturer are for a new "
			                       "dossier, not with --into");
	} else if (!into) {
		return cli_usage_error(self, "--from %s imports into a dossier: give --into FILE", from);
	}

	if ((status = cli_read_input(in, load.max_size ? load.max_size : DEFAULT_MAX_SIZE, "--max-size", &data,
	                         &len)) != CLI_OK)
		return status;

	if (strcmp(from, "json") == 0) {
		error = etsi_dossier_load_json(&dossier, data, len, in, &load);
		if (error < 0) {
			cli_error_last(in);
			status = cli_status_for(error);
			goto done;
		}
		status = cli_write_dossier(dossier, output ? output : "-");
		if (status == CLI_OK && output && strcmp(output, "-") != 0)
			fprintf(stderr, "etsi: wrote %s (from %s)\n", output, in);
		goto done;
	}

	if (into) {
		if (!output || strcmp(output, into) == 0)
			load.flags |= ETSI_LOAD_LOCK; /* changed in place */
		error = etsi_dossier_load(&dossier, into, &load);
		if (error < 0) {
			cli_error_last(into);
			status = cli_status_for(error);
			goto done;
		}
	} else {
		error = etsi_dossier_new(&dossier, &fresh);
		if (error < 0) {
			cli_error_last("import");
			status = cli_status_for(error);
			goto done;
		}
	}
	opts.format = from;
	opts.name = in;
	error = etsi_dossier_import(&diags, dossier, data, len, &opts);
	print_report(diags, verbose || error < 0);
	if (error < 0) {
		if (!diags || etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR) == 0)
			cli_error_last(in);
		if (into)
			fprintf(stderr, "etsi: nothing imported; %s is unchanged\n", into);
		else
			fprintf(stderr, "etsi: nothing imported; nothing written\n");
		status = cli_status_for(error);
		goto done;
	}
	if ((status = cli_write_dossier(dossier, output ? output : into)) != CLI_OK)
		goto done;
	print_summary(diags, in, output ? (strcmp(output, "-") == 0 ? "standard output" : output)
	                                : into ? into : "standard output");
done:
	etsi_diagnostics_free(diags);
	etsi_dossier_free(dossier);
	free(data);
	return status;
}
