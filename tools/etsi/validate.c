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
	        "editions. Problems are printed as FILE:LINE: error: message, each with\n"
	        "a hint on how to fix it.\n"
	        "\n"
	        "Options:\n"
	        "  -q, --quiet          print problems only, not the files that are valid\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "      --max-size N     refuse files above N bytes (default 64 MiB)\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 every file is valid, 1 a file is invalid,\n"
	        "2 usage error or a file could not be read.\n");
}

static int validate_one(const char *path, const etsi_load_options *opts, int quiet)
{
	etsi_diagnostics *diags = NULL;
	etsi_dossier *dossier = NULL;
	etsi_catalog *catalog;
	int error, status;
	size_t i;

	error = etsi_dossier_load(&dossier, path, opts);
	if (error < 0) {
		cli_error_last(path);
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	const cli_command *self = cli_find("validate");
	int quiet = 0, c, i, worst = CLI_OK;
	char *end;

	opts.flags = ETSI_LOAD_NO_VALIDATE; /* validated below, every problem listed */
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
		case 'h':
			help_validate(stdout);
			return CLI_OK;
		default:
			return cli_usage_error(self, "unknown option");
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
