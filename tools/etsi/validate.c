/* etsi validate FILE...: schema and catalog validation. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_validate(FILE *out)
{
	fprintf(out,
	        "usage: etsi validate [OPTIONS] FILE...\n"
	        "\n"
	        "Checks each dossier: well-formed and hostile-input safe, valid against\n"
	        "the dossier schema, and naming only provisions and test cases of its\n"
	        "editions. Problems are printed to standard output as\n"
	        "FILE:LINE: error: message, each with a hint on how to fix it; files that\n"
	        "cannot be read are reported on standard error. FILE - reads standard\n"
	        "input.\n"
	        "\n"
	        "Options:\n"
	        "  -q, --quiet          print problems only, not the files that are valid\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "      --max-size N     refuse files above N bytes (default 64 MiB)\n"
	        "      --max-depth N    refuse elements nested deeper than N (default 64)\n"
	        "      --max-elements N refuse files of more than N elements (default\n"
	        "                       1000000)\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 every file is valid, 1 a file is invalid,\n"
	        "2 usage error or a file could not be read.\n");
}

/* Standard input, read whole, no larger than the size limit. */
static int load_stdin(etsi_dossier **out, const etsi_load_options *opts)
{
	size_t limit = opts->max_size ? opts->max_size : (size_t)64 * 1024 * 1024;
	size_t len = 0, cap = 65536;
	char *data = malloc(cap);
	int error;

	if (!data) {
		cli_error("out of memory");
		return ETSI_ENOMEM;
	}
	for (;;) {
		size_t n = fread(data + len, 1, cap - len, stdin);

		len += n;
		if (len > limit) {
			free(data);
			printf("-: error: standard input exceeds the %zu-byte limit\n", limit);
			return ETSI_ELIMIT;
		}
		if (n == 0)
			break;
		if (len == cap) {
			char *bigger = realloc(data, cap * 2);

			if (!bigger) {
				free(data);
				cli_error("out of memory");
				return ETSI_ENOMEM;
			}
			data = bigger;
			cap *= 2;
		}
	}
	if (ferror(stdin)) {
		free(data);
		cli_error("cannot read standard input");
		return ETSI_EIO;
	}
	error = etsi_dossier_load_memory(out, data, len, "-", opts);
	free(data);
	return error;
}

static int validate_one(const char *path, const etsi_load_options *opts, int quiet)
{
	etsi_diagnostics *diags = NULL;
	etsi_dossier *dossier = NULL;
	etsi_catalog *catalog;
	int error, status;
	size_t i;

	if (strcmp(path, "-") == 0)
		error = load_stdin(&dossier, opts);
	else
		error = etsi_dossier_load(&dossier, path, opts);
	if (error < 0) {
		/* an unreadable file is an I/O problem; a refused one is a
		 * problem of the file, printed with the others */
		if (cli_status_for(error) == CLI_USAGE) {
			cli_error_last(path);
		} else {
			const etsi_error *e = etsi_error_last();

			if (e->line)
				printf("%s:%d: error: %s\n", e->file ? e->file : path, e->line, e->message);
			else
				printf("%s: error: %s\n", e->file ? e->file : path, e->message);
		}
		return cli_status_for(error);
	}
	error = etsi_dossier_validate(&diags, dossier);
	if (error == ETSI_ENOMEM) {
		cli_error_last(path);
		status = CLI_USAGE;
		goto done;
	}
	for (i = 0; i < etsi_diagnostics_count(diags); i++)
		cli_print_diagnostic(stdout, etsi_diagnostics_at(diags, i));
	status = error < 0 ? CLI_FAILED : CLI_OK;
	if (status == CLI_OK && !quiet) {
		catalog = etsi_dossier_catalog(dossier);
		printf("%s: valid (EN 303 645 V%s, TS 103 701 V%s)\n", path,
		       etsi_catalog_edition(catalog), etsi_catalog_ts_edition(catalog));
	}
done:
	etsi_diagnostics_free(diags);
	etsi_dossier_free(dossier);
	return status;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "max-size", required_argument, NULL, 's' },
		{ "max-depth", required_argument, NULL, 'D' },
		{ "max-elements", required_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	const cli_command *self = cli_find("validate");
	int quiet = 0, c, i, worst = CLI_OK;
	char *end;

	/* validated below, every problem listed; never saved */
	opts.flags = ETSI_LOAD_NO_VALIDATE | ETSI_LOAD_NO_LAYOUT;
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", options, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = 1;
			break;
		case 'd':
			opts.data_dir = optarg;
			break;
		case 's':
			opts.max_size = strtoull(optarg, &end, 10);
			if (*end || !opts.max_size)
				return cli_usage_error(self, "--max-size takes a number of bytes");
			break;
		case 'D': {
			unsigned long depth = strtoul(optarg, &end, 10);

			if (*end || !depth || depth > 100000)
				return cli_usage_error(self, "--max-depth takes a number from 1 to 100000");
			opts.max_depth = (unsigned int)depth;
			break;
		}
		case 'E':
			opts.max_elements = strtoull(optarg, &end, 10);
			if (*end || !opts.max_elements || optarg[0] == '-')
				return cli_usage_error(self, "--max-elements takes a positive number");
			break;
		case 'h':
			help_validate(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(self, "no dossier given");
	for (i = optind; i < argc; i++) {
		int status = validate_one(argv[i], &opts, quiet);

		/* usage and I/O problems outrank invalid files */
		if (status == CLI_USAGE || (status == CLI_FAILED && worst == CLI_OK))
			worst = status;
	}
	return worst;
}
