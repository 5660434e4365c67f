/* etsi report: HTML evidence report, public summary, CSV and Markdown. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

enum { OPT_STYLESHEET = 2000, OPT_DATE, OPT_AS_OF, OPT_DATA_DIR, OPT_FORCE, OPT_CSV_RAW };

void help_report(FILE *out)
{
	fprintf(out,
	        "usage: etsi report FILE [--format FORMAT] [-o OUT] [OPTIONS]\n"
	        "\n"
	        "Renders a report of a dossier with the built-in XSLT stylesheets (or your\n"
	        "own): everything computed (findings, test plan, outcomes, gate) comes\n"
	        "from the library, the stylesheet only presents it. Transformations may\n"
	        "not read or write files or the network.\n"
	        "\n"
	        "Formats:\n"
	        "  html          the evidence report, one self-contained HTML file (default)\n"
	        "  public        a redacted summary fit to publish; refuses to state\n"
	        "                conformance the verdicts do not support\n"
	        "  ics-csv       the Annex B ICS table (RFC 4180, UTF-8)\n"
	        "  plan-csv      the test plan with readiness\n"
	        "  evidence-csv  the evidence map with artifacts and digests\n"
	        "  md            a Markdown summary for pull requests and wikis\n"
	        "  input         the stylesheets' input document (XML), for your own\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format FORMAT     one of the formats above\n"
	        "  -o, --output OUT        where to write it (default: standard output);\n"
	        "                          written atomically; never over FILE itself\n"
	        "      --force             replace OUT if it exists\n"
	        "      --stylesheet FILE   apply your own XSLT to the same input\n"
	        "      --date DATE         the report date printed in it (YYYY-MM-DD;\n"
	        "                          default: --as-of, else today); the date used is\n"
	        "                          named on standard error\n"
	        "      --as-of DATE        the date expiry checks use (default: --date,\n"
	        "                          else today)\n"
	        "      --csv-raw           the CSV formats: every value as it is, for\n"
	        "                          programs (by default a value that begins with\n"
	        "                          = + - @, a tab or a CR is quoted and prefixed\n"
	        "                          with ' against CSV injection)\n"
	        "      --data-dir DIR      read catalogs and schemas from DIR first\n"
	        "  -h, --help              show this help\n"
	        "\n"
	        "Exit status: 0 written, 1 the dossier is invalid or the public summary\n"
	        "would overstate conformance, 2 usage, I/O or stylesheet error.\n");
}

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "stylesheet", required_argument, NULL, OPT_STYLESHEET },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "csv-raw", no_argument, NULL, OPT_CSV_RAW },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
	etsi_load_options load = ETSI_LOAD_OPTIONS_INIT;
	const cli_command *self = cli_find("report");
	const char *output = NULL;
	etsi_dossier *dossier = NULL;
	char *text = NULL, today[16], what[128];
	const char *formats[32];
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
		case OPT_STYLESHEET:
			opts.stylesheet = optarg;
			break;
		case OPT_DATE:
			if (cli_check_date(self, "--date", optarg) != CLI_OK)
				return CLI_USAGE;
			opts.date = optarg;
			break;
		case OPT_AS_OF:
			if (cli_check_date(self, "--as-of", optarg) != CLI_OK)
				return CLI_USAGE;
			opts.as_of = optarg;
			break;
		case OPT_DATA_DIR:
			load.data_dir = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_CSV_RAW:
			opts.csv_raw = 1;
			break;
		case 'h':
			help_report(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one dossier");
	for (i = 0; etsi_report_format_at(i) && i + 1 < sizeof(formats) / sizeof(formats[0]); i++) {
		formats[i] = etsi_report_format_at(i);
		known |= opts.format && strcmp(formats[i], opts.format) == 0;
	}
	formats[i] = NULL;
	if (opts.format && !known)
		return cli_invalid_value(self, "--format", opts.format, formats);
	if (opts.csv_raw && !opts.stylesheet && !(opts.format && strstr(opts.format, "-csv")))
		return cli_usage_error(self, "--csv-raw is for the CSV formats (ics-csv, plan-csv, "
		                       "evidence-csv) and your own stylesheets");
	if ((status = cli_check_output(self, output, force, argv[optind], opts.stylesheet)) !=
	    CLI_OK)
		return status;
	if (!opts.date) {
		/* a report is dated: the as-of date, else today */
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		opts.date = opts.as_of ? opts.as_of : today;
	}

	/* etsi_dossier_report() validates the dossier and refuses an invalid
	 * one with its first error; validating at load too would cost a
	 * second schema pass */
	load.flags = ETSI_LOAD_NO_VALIDATE | ETSI_LOAD_NO_LAYOUT; /* and never saved */
	error = etsi_dossier_load(&dossier, argv[optind], &load);
	if (error < 0) {
		cli_error_last(argv[optind]);
		return cli_status_for(error);
	}
	error = etsi_dossier_report(&text, &len, dossier, &opts);
	if (error < 0) {
		cli_error_last(argv[optind]);
		status = error == ETSI_EVALIDATION ? CLI_FAILED : CLI_USAGE;
		goto done;
	}
	snprintf(what, sizeof(what), "%s, dated %s",
	         opts.stylesheet ? opts.stylesheet : opts.format ? opts.format : "html", opts.date);
	status = cli_write_text(text, len, output, what);
	if (status == CLI_OK && (!output || strcmp(output, "-") == 0))
		fprintf(stderr, "etsi: report dated %s\n", opts.date);
done:
	etsi_free(text);
	etsi_dossier_free(dossier);
	return status;
}
