/* etsi init: a skeleton dossier, ready to fill in. */
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

void help_init(FILE *out)
{
	fprintf(out,
	        "usage: etsi init --model NAME --release VERSION -o FILE [OPTIONS]\n"
	        "\n"
	        "Writes a schema-valid skeleton dossier for one device at one release:\n"
	        "the header, the DUT's model designation (and its software version, set\n"
	        "to the release), and one ICS entry for each clause 5.3 provision of the\n"
	        "edition, with no support stated yet.\n"
	        "\n"
	        "Options:\n"
	        "  -e, --edition E        EN 303 645 edition: 2.1.1 or 3.1.3 (default: latest)\n"
	        "      --ts-edition T     TS 103 701 edition (default: the one that tests E)\n"
	        "  -m, --model NAME       model designation of the device (required)\n"
	        "  -r, --release VERSION  product release the evidence is for (required)\n"
	        "      --manufacturer M   manufacturer's name\n"
	        "  -o, --output FILE      where to write the dossier; - for standard output\n"
	        "      --force            replace FILE if it exists\n"
	        "      --data-dir DIR     read catalogs from DIR first\n"
	        "  -h, --help             show this help\n"
	        "\n"
	        "Exit status: 0 written, 2 usage error or the file could not be written.\n");
}

int cmd_init(int argc, char **argv)
{
	static const struct option options[] = {
		{ "edition", required_argument, NULL, 'e' },
		{ "ts-edition", required_argument, NULL, 't' },
		{ "model", required_argument, NULL, 'm' },
		{ "release", required_argument, NULL, 'r' },
		{ "manufacturer", required_argument, NULL, 'M' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	const cli_command *self = cli_find("init");
	const char *output = NULL;
	etsi_dossier *dossier = NULL;
	int c, force = 0, error, status = CLI_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "e:m:r:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'e':
			opts.edition = optarg;
			break;
		case 't':
			opts.ts_edition = optarg;
			break;
		case 'm':
			opts.model = optarg;
			break;
		case 'r':
			opts.release = optarg;
			break;
		case 'M':
			opts.manufacturer = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'd':
			opts.data_dir = optarg;
			break;
		case 'h':
			help_init(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (!opts.model || !opts.release || !output)
		return cli_usage_error(self, "--model, --release and --output are required");
	if ((status = cli_refuse_existing(self, output, force)) != CLI_OK)
		return status;

	error = etsi_dossier_new(&dossier, &opts);
	if (error < 0) {
		cli_error_last("init");
		return CLI_USAGE;
	}
	status = cli_write_dossier(dossier, output);
	if (status == CLI_OK && strcmp(output, "-") != 0)
		fprintf(stderr, "etsi: wrote %s: EN 303 645 V%s skeleton with %zu ICS "
		        "entries to fill in\n", output,
		        etsi_catalog_edition(etsi_dossier_catalog(dossier)),
		        etsi_dossier_count(dossier, ETSI_KIND_ICS_ENTRY));
	etsi_dossier_free(dossier);
	return status;
}
