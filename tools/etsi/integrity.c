/*
 * etsi migrate, sign, verify, digest: moving a dossier to a later edition,
 * signing it, checking a signature, and the digest of its canonical form.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Key, certificate, passphrase and signed dossiers: read whole, at most
 * 64 MiB. */
#define MAX_READ ((size_t)64 * 1024 * 1024)

/* ---- etsi migrate ----------------------------------------------------- */

void help_migrate(FILE *out)
{
	fprintf(out,
	        "usage: etsi migrate FILE --to EDITION -o OUT [OPTIONS]\n"
	        "\n"
	        "Moves a dossier to a later edition of EN 303 645 (and the TS 103 701\n"
	        "edition that tests it): 2.1.1 -> 3.1.3 moves TS 103 701 1.1.1 -> 2.1.1.\n"
	        "Split provisions (5.3-4, 5.3-6, 5.3-15) become one ICS entry per new\n"
	        "provision with the old support and detail, and their evidence is copied\n"
	        "to each, marked needs-review; provisions whose applicability or wording\n"
	        "changed are marked for review; a fact a new condition needs (5.3-2,\n"
	        "condition 15) is proposed from the DUT's constrained-device position;\n"
	        "verdicts of test cases the new TS edition lacks are left out.  What\n"
	        "moved, what a person must decide again and what was dropped is printed.\n"
	        "FILE is not changed; `etsi check OUT` then lists what is still open.\n"
	        "\n"
	        "Options:\n"
	        "  -t, --to EDITION     the EN 303 645 edition to move to, such as 3.1.3\n"
	        "  -o, --output OUT     where to write the new dossier; - for standard\n"
	        "                       output (the report then goes to standard error)\n"
	        "      --force          replace OUT if it exists\n"
	        "  -q, --quiet          print only what needs a person (warnings)\n"
	        "      --data-dir DIR   read catalogs from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 written, 1 FILE is not a valid dossier, 2 usage or I/O\n"
	        "error (or no later edition given).\n");
}

static void print_section(FILE *out, const etsi_diagnostics *report, const char *title,
                          const char *const *actions, int quiet_ok)
{
	size_t i, n = 0;

	for (i = 0; i < etsi_diagnostics_count(report); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);
		size_t a;

		for (a = 0; actions[a]; a++) {
			if (d->rule && strcmp(d->rule, actions[a]) == 0)
				n++;
		}
	}
	if (!n || !quiet_ok)
		return;
	fprintf(out, "\n%s (%zu):\n", title, n);
	for (i = 0; i < etsi_diagnostics_count(report); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);
		size_t a;

		for (a = 0; actions[a]; a++) {
			if (d->rule && strcmp(d->rule, actions[a]) == 0)
				break;
		}
		if (!actions[a])
			continue;
		if (d->line)
			fprintf(out, "  %s:%d", d->file, d->line);
		else
			fprintf(out, "  %s%s", d->file, d->element ? " (unsaved)" : "");
		fprintf(out, ": %s[%s]%s%s: %s\n",
		        etsi_severity_name(d->severity), d->rule, d->reference ? " " : "",
		        d->reference ? d->reference : "", d->message);
		if (d->hint)
			fprintf(out, "      hint: %s\n", d->hint);
	}
}

int cmd_migrate(int argc, char **argv)
{
	static const struct option options[] = {
		{ "to", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const moved[] = { "carried", "renumbered", NULL };
	static const char *const decide[] = { "split", "re-decide", "review", "proposed",
	                                      "cleared", NULL };
	static const char *const dropped[] = { "dropped", NULL };
	const cli_command *self = cli_find("migrate");
	const char *to = NULL, *output = NULL, *data_dir = NULL, *input;
	etsi_dossier *in = NULL, *out = NULL;
	etsi_diagnostics *report = NULL;
	int c, force = 0, quiet = 0, status, error;
	FILE *rep;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:o:qh", options, NULL)) != -1) {
		switch (c) {
		case 't':
			to = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'd':
			data_dir = optarg;
			break;
		case 'h':
			help_migrate(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(self, "give one dossier FILE");
	input = argv[optind];
	if (!to || !output)
		return cli_usage_error(self, "--to and --output are required");
	if ((status = cli_check_output(self, output, force, input, NULL)) != CLI_OK)
		return status;
	if ((status = cli_load_dossier(&in, input, data_dir, 0)) != CLI_OK)
		return status;
	error = etsi_dossier_migrate(&out, &report, in, to);
	if (error < 0) {
		cli_error_last(input);
		etsi_dossier_free(in);
		return error == ETSI_EVALIDATION ? CLI_FAILED : CLI_USAGE;
	}
	status = cli_write_dossier(out, output);
	rep = strcmp(output, "-") == 0 ? stderr : stdout;
	if (status == CLI_OK) {
		size_t warnings = etsi_diagnostics_count_severity(report, ETSI_SEVERITY_WARNING);
		const etsi_catalog *a = etsi_dossier_catalog(in), *b = etsi_dossier_catalog(out);

		fprintf(rep, "%s: EN 303 645 V%s (TS 103 701 V%s) -> %s: V%s (V%s); %zu item%s "
		        "for a person\n", input, etsi_catalog_edition(a), etsi_catalog_ts_edition(a),
		        output, etsi_catalog_edition(b), etsi_catalog_ts_edition(b), warnings,
		        warnings == 1 ? "" : "s");
		print_section(rep, report, "Moved", moved, !quiet);
		print_section(rep, report, "To decide again or review", decide, 1);
		print_section(rep, report, "Dropped", dropped, 1);
		if (warnings)
			fprintf(rep, "\nMarked in %s with migration:action (namespace %s); "
			        "`etsi check %s` lists what is open.\n", output, ETSI_NS_MIGRATION,
			        output);
	}
	etsi_diagnostics_free(report);
	etsi_dossier_free(out);
	etsi_dossier_free(in);
	return status;
}

/* ---- etsi sign ---------------------------------------------------------- */

void help_sign(FILE *out)
{
	fprintf(out,
	        "usage: etsi sign FILE --key KEY.pem --cert CERT.pem -o OUT [OPTIONS]\n"
	        "\n"
	        "Adds an enveloped XML-DSig signature to a dossier (replacing one it\n"
	        "carries): the whole document by reference URI=\"\", exclusive\n"
	        "canonicalization, SHA-256, RSA-SHA256 or ECDSA-SHA256 chosen from the key,\n"
	        "and the certificate in KeyInfo/X509Data.  `etsi verify` and\n"
	        "`xmlsec1 --verify` check it.  FILE must be a valid dossier.\n"
	        "\n"
	        "Options:\n"
	        "  -k, --key KEY.pem        the private key (RSA 2048 bits or more, or EC), PEM\n"
	        "  -c, --cert CERT.pem      its X.509 certificate, PEM\n"
	        "      --password-file F    the key's passphrase, the first line of F\n"
	        "  -o, --output OUT         where to write the signed dossier; - for\n"
	        "                           standard output\n"
	        "      --force              replace OUT if it exists\n"
	        "      --data-dir DIR       read catalogs from DIR first\n"
	        "  -h, --help               show this help\n"
	        "\n"
	        "Exit status: 0 signed, 1 FILE is not a valid dossier, 2 usage or I/O error,\n"
	        "or a key or certificate that cannot be used.\n");
}

int cmd_sign(int argc, char **argv)
{
	static const struct option options[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "cert", required_argument, NULL, 'c' },
		{ "password-file", required_argument, NULL, 'P' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_sign_options opts = ETSI_SIGN_OPTIONS_INIT;
	const cli_command *self = cli_find("sign");
	const char *keyfile = NULL, *certfile = NULL, *pwfile = NULL, *output = NULL;
	const char *data_dir = NULL;
	char *key = NULL, *cert = NULL, *password = NULL;
	size_t key_len = 0, cert_len = 0, pw_len = 0;
	etsi_dossier *d = NULL;
	int c, force = 0, status, error;

	optind = 1;
	while ((c = getopt_long(argc, argv, "k:c:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'k':
			keyfile = optarg;
			break;
		case 'c':
			certfile = optarg;
			break;
		case 'P':
			pwfile = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'F':
			force = 1;
			break;
		case 'd':
			data_dir = optarg;
			break;
		case 'h':
			help_sign(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(self, "give one dossier FILE");
	if (!keyfile || !certfile || !output)
		return cli_usage_error(self, "--key, --cert and --output are required");
	if ((status = cli_check_output(self, output, force, argv[optind], keyfile)) != CLI_OK ||
	    (status = cli_check_output(self, output, force, certfile, pwfile)) != CLI_OK)
		return status;
	if ((status = cli_read_input(keyfile, MAX_READ, NULL, &key, &key_len)) != CLI_OK ||
	    (status = cli_read_input(certfile, MAX_READ, NULL, &cert, &cert_len)) != CLI_OK ||
	    (pwfile && (status = cli_read_input(pwfile, MAX_READ, NULL, &password,
	                                        &pw_len)) != CLI_OK))
		goto done;
	if (password)
		password[strcspn(password, "\r\n")] = '\0';
	if ((status = cli_load_dossier(&d, argv[optind], data_dir, 0)) != CLI_OK)
		goto done;
	opts.key = key;
	opts.key_len = key_len;
	opts.cert = cert;
	opts.cert_len = cert_len;
	opts.password = password;
	error = etsi_dossier_sign(d, &opts);
	if (error < 0) {
		cli_error_last("sign");
		status = cli_status_for(error);
		goto done;
	}
	status = cli_write_dossier(d, output);
	if (status == CLI_OK && strcmp(output, "-") != 0)
		fprintf(stderr, "etsi: signed %s as %s with the key of %s\n", argv[optind], output,
		        certfile);
done:
	if (password)
		memset(password, 0, pw_len);
	if (key)
		memset(key, 0, key_len);
	free(password);
	free(key);
	free(cert);
	etsi_dossier_free(d);
	return status;
}

/* ---- etsi verify -------------------------------------------------------- */

void help_verify(FILE *out)
{
	fprintf(out,
	        "usage: etsi verify FILE... --cert CERT.pem\n"
	        "\n"
	        "Checks the XML-DSig signature of signed dossiers against a certificate:\n"
	        "the signature must have been made with that certificate's key over the\n"
	        "document exactly as it is.  Only the certificate given is trusted, never\n"
	        "a key the document carries.  Signatures that refer to anything but the\n"
	        "whole document, or use other transforms, are refused without fetching\n"
	        "anything.\n"
	        "\n"
	        "Options:\n"
	        "  -c, --cert CERT.pem   the signer's certificate, PEM\n"
	        "  -q, --quiet           print nothing when the signature is valid\n"
	        "  -h, --help            show this help\n"
	        "\n"
	        "Exit status: 0 every signature is valid; 1 a dossier is not signed, its\n"
	        "signature does not verify (the dossier or the signature changed, or another\n"
	        "key made it) or is refused; 2 usage error or unreadable file.\n");
}

int cmd_verify(int argc, char **argv)
{
	static const struct option options[] = {
		{ "cert", required_argument, NULL, 'c' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	etsi_verify_options opts = ETSI_VERIFY_OPTIONS_INIT;
	const cli_command *self = cli_find("verify");
	const char *certfile = NULL;
	char *cert = NULL;
	size_t cert_len = 0;
	int c, quiet = 0, status = CLI_OK, i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:qh", options, NULL)) != -1) {
		switch (c) {
		case 'c':
			certfile = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			help_verify(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(self, "give at least one dossier FILE");
	if (!certfile)
		return cli_usage_error(self, "--cert is required");
	if (cli_read_input(certfile, MAX_READ, NULL, &cert, &cert_len) != CLI_OK)
		return CLI_USAGE;
	opts.cert = cert;
	opts.cert_len = cert_len;
	for (i = optind; i < argc; i++) {
		char *data, *info = NULL;
		size_t len;
		int error, one;

		if (cli_read_input(argv[i], MAX_READ, NULL, &data, &len) != CLI_OK) {
			status = CLI_USAGE;
			continue;
		}
		error = etsi_signature_verify(&info, data, len, argv[i], &opts);
		free(data);
		if (error == 0) {
			if (!quiet)
				printf("%s: valid: %s\n", argv[i], info);
			etsi_free(info);
			continue;
		}
		cli_error_last(argv[i]);
		one = cli_status_for(error);
		if (one > status)
			status = one;
		if (error == ETSI_EINVALID)
			break; /* the certificate: the same for every file */
	}
	free(cert);
	return status;
}

/* ---- etsi digest -------------------------------------------------------- */

void help_digest(FILE *out)
{
	fprintf(out,
	        "usage: etsi digest FILE... [OPTIONS]\n"
	        "\n"
	        "Prints the SHA-256 of each dossier's canonical form, then its name, as\n"
	        "sha256sum does.  The canonical form is the dossier as libetsi reads it\n"
	        "(whitespace between elements is not part of it), without its XML-DSig\n"
	        "signature, in exclusive XML canonicalization without comments: formatting,\n"
	        "attribute order, comments and signing do not change the digest; any change\n"
	        "of an element, attribute or text does.\n"
	        "\n"
	        "Options:\n"
	        "      --data-dir DIR   read catalogs from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 success, 1 a file is not a valid dossier, 2 usage or I/O\n"
	        "error.\n");
}

int cmd_digest(int argc, char **argv)
{
	static const struct option options[] = {
		{ "data-dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("digest");
	const char *data_dir = NULL;
	int c, status = CLI_OK, i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'd':
			data_dir = optarg;
			break;
		case 'h':
			help_digest(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(self, "give at least one dossier FILE");
	for (i = optind; i < argc; i++) {
		etsi_dossier *d = NULL;
		char *hex = NULL;
		int one = cli_load_dossier(&d, argv[i], data_dir, 0), error;

		if (one != CLI_OK) {
			if (one > status)
				status = one;
			continue;
		}
		error = etsi_dossier_digest(&hex, d);
		if (error == 0)
			printf("%s  %s\n", hex, argv[i]);
		else {
			cli_error_last(argv[i]);
			status = CLI_USAGE;
		}
		etsi_free(hex);
		etsi_dossier_free(d);
	}
	return status;
}
