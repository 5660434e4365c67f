/* etsi catalog: the provisions and test cases of an edition. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

void help_catalog(FILE *out)
{
	fprintf(out,
	        "usage: etsi catalog [OPTIONS]\n"
	        "       etsi catalog --diff FROM TO\n"
	        "\n"
	        "Lists the EN 303 645 provisions of an edition with their Annex B status\n"
	        "(M or R, conditions C (n), features F (x)), and for each provision the\n"
	        "TS 103 701 test cases that assess it, with the IXIT fields they read.\n"
	        "\n"
	        "Options:\n"
	        "  -e, --edition E      EN 303 645 edition: 2.1.1 or 3.1.3 (default: latest)\n"
	        "  -f, --format F       text (default), xml (valid against catalog.xsd),\n"
	        "                       oscal-catalog or oscal-profile (OSCAL 1.1.2 JSON of\n"
	        "                       clause 5.3; the profile imports\n"
	        "                       en303645-EDITION-catalog.json), oscal-catalog-xml or\n"
	        "                       oscal-profile-xml (the same in XML)\n"
	        "      --diff FROM TO   list what changed from edition FROM to edition TO:\n"
	        "                       split, renumbered and void provisions, changes of\n"
	        "                       applicability and wording, conditions, features, test\n"
	        "                       cases and IXIT tables (warning: a person must decide\n"
	        "                       again when a dossier moves across it)\n"
	        "      --data-dir DIR   read catalogs (and catalog.xsd) from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 success, 2 usage error or unknown edition.\n");
}

/* Prints text wrapped at 79 columns; the cursor is at column `start`, and
 * continuation lines are indented to `indent`. */
static void print_wrapped(int start, int indent, const char *text)
{
	const int width = 79;
	int column = start, fresh = 1;
	const char *p = text ? text : "";

	while (*p) {
		const char *word;
		int len;

		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			p++;
		len = (int)(p - word);
		if (!fresh && column + 1 + len > width) {
			column = printf("\n%*s", indent, "") - 1;
		} else if (!fresh) {
			column += printf(" ");
		}
		column += printf("%.*s", len, word);
		fresh = 0;
	}
	printf("\n");
}

static void print_inputs(const etsi_record *test_case)
{
	size_t i, n = etsi_record_child_count(test_case);
	char line[2048] = "";
	const char *table = NULL;
	size_t used = 0;

	if (!n)
		return;
	for (i = 0; i < n && used < sizeof(line); i++) {
		const etsi_record *input = etsi_record_child_at(test_case, i);
		const char *t = etsi_record_get(input, "table");
		const char *f = etsi_record_get(input, "field");
		const char *via = etsi_record_get(input, "via");
		int w;

		if (!table || strcmp(table, t) != 0)
			w = snprintf(line + used, sizeof(line) - used, "%s%s%s%s%s%s",
			             table ? "; " : "", t, f ? " " : "", f ? f : "",
			             via ? " via " : "", via ? via : "");
		else
			w = snprintf(line + used, sizeof(line) - used, ", %s%s%s", f ? f : "",
			             via ? " via " : "", via ? via : "");
		table = t;
		used += w > 0 ? (size_t)w : 0;
	}
	printf("%16s", "IXIT: ");
	print_wrapped(16, 16, line);
}

/* etsi catalog --diff FROM TO */
static int print_diff(const char *from, const char *to, const etsi_catalog_options *opts)
{
	etsi_catalog *a = NULL, *b = NULL;
	etsi_diagnostics *diff = NULL;
	size_t i;
	int error;

	if ((error = etsi_catalog_open(&a, from, opts)) < 0 ||
	    (error = etsi_catalog_open(&b, to, opts)) < 0 ||
	    (error = etsi_catalog_diff(&diff, a, b)) < 0) {
		cli_error_last("catalog");
		etsi_catalog_free(a);
		etsi_catalog_free(b);
		return CLI_USAGE;
	}
	printf("EN 303 645 V%s (TS 103 701 V%s) -> V%s (TS 103 701 V%s): %zu differences, "
	       "%zu of them for a person when a dossier moves across\n",
	       etsi_catalog_edition(a), etsi_catalog_ts_edition(a), etsi_catalog_edition(b),
	       etsi_catalog_ts_edition(b), etsi_diagnostics_count(diff),
	       etsi_diagnostics_count_severity(diff, ETSI_SEVERITY_WARNING));
	for (i = 0; i < etsi_diagnostics_count(diff); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(diff, i);
		int column;

		column = printf("  %-7s %-19s ", d->severity == ETSI_SEVERITY_WARNING ? "warning"
		                                                                       : "info",
		                d->rule);
		print_wrapped(column, 30, d->message);
		if (d->hint) {
			printf("%30s", "");
			print_wrapped(30, 30, d->hint);
		}
	}
	etsi_diagnostics_free(diff);
	etsi_catalog_free(a);
	etsi_catalog_free(b);
	return CLI_OK;
}

static void print_text(const etsi_catalog *cat)
{
	size_t i, j, n;

	printf("EN 303 645 V%s, assessed with TS 103 701 V%s\n\n", etsi_catalog_edition(cat),
	       etsi_catalog_ts_edition(cat));
	n = etsi_catalog_count(cat, ETSI_KIND_CONDITION);
	if (n)
		printf("Conditions (requirement layer)\n");
	for (i = 0; i < n; i++) {
		const etsi_record *c = etsi_catalog_at(cat, ETSI_KIND_CONDITION, i);

		printf("  %3s  ", etsi_record_key(c));
		print_wrapped(7, 7, etsi_record_get(c, "summary"));
	}
	n = etsi_catalog_count(cat, ETSI_KIND_FEATURE);
	if (n)
		printf("\nFeatures (requirement layer)\n");
	for (i = 0; i < n; i++) {
		const etsi_record *f = etsi_catalog_at(cat, ETSI_KIND_FEATURE, i);

		printf("  %3s  ", etsi_record_key(f));
		print_wrapped(7, 7, etsi_record_get(f, "summary"));
	}
	printf("\nProvisions (EN 303 645) and their test cases (TS 103 701)\n");
	n = etsi_catalog_count(cat, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		const etsi_record *p = etsi_catalog_at(cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p);
		const etsi_record *group = etsi_catalog_find(cat, ETSI_KIND_TEST_GROUP, id);

		printf("\n  %-8s %-14s %s  [%s]\n", id, etsi_record_get(p, "status-code"),
		       etsi_record_get(p, "title"), etsi_record_get(p, "confidence"));
		if (etsi_record_value_count(p, "replaced-by")) {
			printf("           replaced by");
			for (j = 0; j < etsi_record_value_count(p, "replaced-by"); j++)
				printf("%s %s", j ? "," : "", etsi_record_value_at(p, "replaced-by", j));
			printf("\n");
		}
		if (!group)
			continue;
		for (j = 0; j < etsi_record_child_count(group); j++) {
			const etsi_record *tc = etsi_record_child_at(group, j);

			printf("    %-10s %-10s ", etsi_record_key(tc), etsi_record_get(tc, "kind"));
			print_wrapped(26, 26, etsi_record_get(tc, "purpose"));
			print_inputs(tc);
		}
	}
}

int cmd_catalog(int argc, char **argv)
{
	static const struct option options[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "diff", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	const cli_command *self = cli_find("catalog");
	const char *edition = NULL, *format = "text", *diff_from = NULL;
	etsi_catalog *cat = NULL;
	int c, error;

	optind = 1;
	while ((c = getopt_long(argc, argv, "e:f:h", options, NULL)) != -1) {
		switch (c) {
		case 'e':
			edition = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'd':
			opts.data_dir = optarg;
			break;
		case 'D':
			diff_from = optarg;
			break;
		case 'h':
			help_catalog(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (diff_from) {
		if (optind + 1 != argc)
			return cli_usage_error(self, "--diff takes two editions: --diff FROM TO");
		if (edition)
			return cli_usage_error(self, "--diff and --edition do not go together");
		return print_diff(diff_from, argv[optind], &opts);
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	{
		const char *formats[32] = { "text", "xml" };
		size_t i, n = 2;
		int known = 0;

		for (i = 0; etsi_catalog_export_format_at(i) && n + 1 < 32; i++)
			formats[n++] = etsi_catalog_export_format_at(i);
		formats[n] = NULL;
		for (i = 0; i < n; i++)
			known |= strcmp(formats[i], format) == 0;
		if (!known)
			return cli_invalid_value(self, "--format", format, formats);
	}
	error = etsi_catalog_open(&cat, edition, &opts);
	if (error < 0) {
		cli_error_last("catalog");
		return CLI_USAGE;
	}
	if (strcmp(format, "xml") == 0 || strncmp(format, "oscal-", 6) == 0) {
		char *xml;
		size_t len;

		error = strcmp(format, "xml") == 0 ? etsi_catalog_write(&xml, &len, cat)
		                                   : etsi_catalog_export(&xml, &len, cat, format);
		if (error == 0) {
			fwrite(xml, 1, len, stdout);
			etsi_free(xml);
		}
	} else {
		print_text(cat);
	}
	etsi_catalog_free(cat);
	if (error < 0) {
		cli_error_last("catalog");
		return CLI_USAGE;
	}
	return CLI_OK;
}
