/*
 * The lifecycle commands: evidence (hash, verify), release and diff.
 * Thin layers over etsi/evidence.h and etsi/lifecycle.h.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum { OPT_ROOT = 2000, OPT_UPDATE, OPT_QUIET, OPT_DATA_DIR, OPT_DATE, OPT_FORCE };

/* ---- evidence ----------------------------------------------------------- */

void help_evidence(FILE *out)
{
	fprintf(out,
	        "usage: etsi evidence hash FILE --root DIR [OPTIONS]\n"
	        "       etsi evidence verify FILE --root DIR [OPTIONS]\n"
	        "\n"
	        "hash records the SHA-256 and size of every artifact whose ref is a file\n"
	        "under DIR and saves the dossier atomically; verify reports each artifact\n"
	        "as ok, changed, missing, unreadable, refused, without a recorded digest,\n"
	        "or external (a URL, not opened), one line each:\n"
	        "  FILE:LINE: error[artifact-changed] 5.3-9: artifact '...' (...) has changed: ...\n"
	        "References resolve only inside DIR: absolute paths, '..' and symbolic\n"
	        "links leading out of DIR are refused. Files are read in fixed-size chunks\n"
	        "(constant memory); progress is shown on standard error when it is a\n"
	        "terminal. hash keeps a recorded digest that no longer matches (the\n"
	        "artifact is reported changed) unless --update is given.\n"
	        "\n"
	        "Options:\n"
	        "  -r, --root DIR       the directory artifact refs are relative to (required)\n"
	        "      --update         hash: replace digests that no longer match\n"
	        "  -q, --quiet          no progress on standard error\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 every artifact ok, recorded or external; 1 an artifact is\n"
	        "changed, missing, unreadable, refused or (verify) has no digest, or the\n"
	        "dossier is invalid; 2 usage error, or a file or DIR cannot be read or\n"
	        "written.\n");
}

struct progress_state {
	double last;
	int shown;
};

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *human(char *buf, size_t size, unsigned long long n)
{
	if (n >= 1024ULL * 1024 * 1024)
		snprintf(buf, size, "%.1f GiB", (double)n / (1024.0 * 1024.0 * 1024.0));
	else if (n >= 1024ULL * 1024)
		snprintf(buf, size, "%.1f MiB", (double)n / (1024.0 * 1024.0));
	else if (n >= 1024)
		snprintf(buf, size, "%.1f KiB", (double)n / 1024.0);
	else
		snprintf(buf, size, "%llu B", n);
	return buf;
}

/* One line on the terminal, redrawn at most ten times a second. */
static int show_progress(const etsi_evidence_progress *p, void *payload)
{
	struct progress_state *st = payload;
	double t = now_seconds();
	char done[32], total[32];

	if (p->done != 0 && p->done != p->total && t - st->last < 0.1)
		return 0;
	st->last = t;
	st->shown = 1;
	fprintf(stderr, "\r\033[K[%zu/%zu] %s  %s / %s (%d%%)", p->index + 1, p->count,
	        p->artifact, human(done, sizeof(done), p->done),
	        human(total, sizeof(total), p->total),
	        p->total ? (int)(p->done * 100 / p->total) : 100);
	fflush(stderr);
	return 0;
}

/* ROOT joined with the path relative to it, "evidence/" + "a/b" */
static void print_joined(const char *root, const char *rel, size_t rel_len)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '.')
		printf("%.*s", (int)rel_len, rel);
	else
		printf("%.*s/%.*s", (int)n, root, (int)rel_len, rel);
}

/* A message, with the path of "'P' does not exist" (relative to the root)
 * shown resolved: "'ROOT/P' does not exist". */
static void print_message(const char *message, const char *root)
{
	const char *tail = strstr(message, "' does not exist");
	const char *open = tail ? tail : NULL;

	if (tail) {
		while (open > message && open[-1] != '\'')
			open--;
	}
	if (!tail || open == message || open[-1] != '\'') {
		fputs(message, stdout);
		return;
	}
	printf("%.*s", (int)(open - message), message);
	print_joined(root, open, (size_t)(tail - open));
	fputs(tail, stdout);
}

/* The first directory of @p ref, when it is the last one of @p root: the
 * refs already name the root ("--root evidence/" for "evidence/a.pdf"). */
static int ref_repeats_root(const char *root, const char *ref)
{
	size_t n = strlen(root), first = strcspn(ref, "/");
	const char *last;

	while (n > 1 && root[n - 1] == '/')
		n--;
	last = root + n;
	while (last > root && last[-1] != '/')
		last--;
	return ref[first] == '/' && first == (size_t)(root + n - last) &&
	       strncmp(ref, last, first) == 0;
}

static void print_report(const etsi_diagnostics *report, const char *file, const char *root)
{
	int repeated = 0;
	static const char *const order[] = {
		"artifact-ok", "artifact-hashed", "artifact-updated", "artifact-external",
		"artifact-changed", "artifact-missing", "artifact-unreadable", "artifact-refused",
		"artifact-no-digest"
	};
	size_t counts[sizeof(order) / sizeof(order[0])] = { 0 };
	size_t i, j, n = etsi_diagnostics_count(report);
	int first = 1;

	for (i = 0; i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(report, i);

		printf("%s", d->file);
		if (d->line)
			printf(":%d", d->line);
		printf(": %s[%s]", etsi_severity_name(d->severity), d->rule);
		if (d->reference)
			printf(" %s", d->reference);
		printf(": ");
		print_message(d->message, root);
		printf("\n");
		if (d->hint && d->severity != ETSI_SEVERITY_INFO)
			printf("    hint: %s\n", d->hint);
		if (strcmp(d->rule, "artifact-missing") == 0 && !repeated) {
			const char *ref = strchr(d->message, '(');

			if (ref && ref_repeats_root(root, ref + 1)) {
				size_t up = strlen(root);

				while (up > 1 && root[up - 1] == '/')
					up--;
				while (up > 0 && root[up - 1] != '/')
					up--;
				while (up > 1 && root[up - 1] == '/')
					up--;
				printf("    hint: the refs already start with the root's own name; did you "
				       "mean --root %.*s (the directory that contains it)?\n",
				       up ? (int)up : 1, up ? root : ".");
				repeated = 1;
			}
		}
		for (j = 0; j < sizeof(order) / sizeof(order[0]); j++) {
			if (strcmp(order[j], d->rule) == 0)
				counts[j]++;
		}
	}
	printf("%s: %zu artifact%s", file, n, n == 1 ? "" : "s");
	for (j = 0; j < sizeof(order) / sizeof(order[0]); j++) {
		if (!counts[j])
			continue;
		printf("%s %zu %s", first ? ":" : ",", counts[j], order[j] + strlen("artifact-"));
		first = 0;
	}
	printf("\n");
}

int cmd_evidence(int argc, char **argv)
{
	static const struct option options[] = {
		{ "root", required_argument, NULL, 'r' },
		{ "update", no_argument, NULL, OPT_UPDATE },
		{ "quiet", no_argument, NULL, 'q' },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("evidence");
	etsi_evidence_options opts = ETSI_EVIDENCE_OPTIONS_INIT;
	struct progress_state progress = { 0.0, 0 };
	const char *data_dir = NULL, *action, *file;
	etsi_dossier *dossier = NULL;
	etsi_diagnostics *report = NULL;
	int c, quiet = 0, hashing, error, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "r:qh", options, NULL)) != -1) {
		switch (c) {
		case 'r':
			opts.root = optarg;
			break;
		case OPT_UPDATE:
			opts.flags |= ETSI_EVIDENCE_UPDATE;
			break;
		case 'q':
			quiet = 1;
			break;
		case OPT_DATA_DIR:
			data_dir = optarg;
			break;
		case 'h':
			help_evidence(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(self, "say hash or verify, and give a dossier");
	action = argv[optind];
	if (strcmp(action, "hash") != 0 && strcmp(action, "verify") != 0) {
		static const char *const actions[] = { "hash", "verify", NULL };

		return cli_invalid_value(self, "action", action, actions);
	}
	hashing = strcmp(action, "hash") == 0;
	if (optind + 2 != argc)
		return cli_usage_error(self, "give exactly one dossier");
	if (!opts.root)
		return cli_usage_error(self, "--root is required: the directory the artifacts' refs "
		                             "are relative to");
	if (!hashing && (opts.flags & ETSI_EVIDENCE_UPDATE))
		return cli_usage_error(self, "--update is for hash only");
	file = argv[optind + 1];
	{
		struct stat st;

		if (stat(opts.root, &st) != 0 || !S_ISDIR(st.st_mode)) {
			char cwd[4096];
			const char *resolved = getcwd(cwd, sizeof(cwd));

			cli_error("--root %s: %s%s%s %s; give the directory the artifacts' refs are "
			          "relative to", opts.root, opts.root[0] == '/' || !resolved ? "" : resolved,
			          opts.root[0] == '/' || !resolved ? "" : "/", opts.root,
			          stat(opts.root, &st) != 0 ? "does not exist" : "is not a directory");
			return CLI_USAGE;
		}
	}
	/* both need a valid dossier (exit status 1 otherwise, as everywhere):
	 * hash saves it, and verify vouches for the digests it records */
	if ((status = cli_load_dossier(&dossier, file, data_dir, hashing ? ETSI_LOAD_LOCK : 0)) != CLI_OK)
		return status;
	if (!quiet && isatty(STDERR_FILENO)) {
		opts.progress = show_progress;
		opts.payload = &progress;
	}
	error = hashing ? etsi_evidence_hash(&report, dossier, &opts)
	                : etsi_evidence_verify(&report, dossier, &opts);
	if (progress.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	if (error < 0 && error != ETSI_EINTEGRITY) {
		cli_error_last(opts.root);
		status = cli_status_for(error) == CLI_FAILED ? CLI_USAGE : cli_status_for(error);
		goto done;
	}
	print_report(report, etsi_dossier_path(dossier), opts.root);
	status = error == ETSI_EINTEGRITY ? CLI_FAILED : CLI_OK;
	if (hashing) {
		size_t i, recorded = 0;

		for (i = 0; i < etsi_diagnostics_count(report); i++) {
			const char *rule = etsi_diagnostics_at(report, i)->rule;

			recorded += strcmp(rule, "artifact-hashed") == 0 ||
			            strcmp(rule, "artifact-updated") == 0;
		}
		if (recorded && etsi_dossier_save(dossier, NULL) < 0) {
			cli_error_last(file);
			status = CLI_USAGE;
		} else if (recorded) {
			fprintf(stderr, "etsi: recorded %zu digest%s in %s\n", recorded,
			        recorded == 1 ? "" : "s", file);
		}
	}
done:
	etsi_diagnostics_free(report);
	etsi_dossier_free(dossier);
	return status;
}

/* ---- release ------------------------------------------------------------ */

void help_release(FILE *out)
{
	fprintf(out,
	        "usage: etsi release FILE --version NEW -o OUT [OPTIONS]\n"
	        "\n"
	        "Writes the dossier of the next release, NEW, started from FILE (which is\n"
	        "not changed): the header names NEW and, as previous, FILE's release;\n"
	        "every evidence item keeps the release it was produced for and is marked\n"
	        "review=\"needs-review\" with <carried-from release=\"OLD\" evidence=\"ID\"/>;\n"
	        "every ICS entry that states something and every verdict gets\n"
	        "<carried-from release=\"OLD\"/>. 'etsi check' reports each of them until\n"
	        "someone records a review (reviewed-by, reviewed-on). The release-gate\n"
	        "sign-offs and a stored test plan are left behind.\n"
	        "\n"
	        "Options:\n"
	        "  -v, --version NEW    the new release (required)\n"
	        "  -o, --output OUT     where to write it; - for standard output (required)\n"
	        "      --date DATE      the new release's date, YYYY-MM-DD\n"
	        "      --force          replace OUT if it exists\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 written, 1 FILE is not a valid dossier or NEW is not a\n"
	        "new release, 2 usage error or a file could not be read or written.\n");
}

static size_t count_carried(const etsi_dossier *d, etsi_kind kind)
{
	size_t i, n = etsi_dossier_count(d, kind), carried = 0;

	for (i = 0; i < n; i++)
		carried += etsi_record_get(etsi_dossier_at(d, kind, i), "carried-from") != NULL;
	return carried;
}

int cmd_release(int argc, char **argv)
{
	static const struct option options[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "output", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("release");
	const char *version = NULL, *output = NULL, *date = NULL, *data_dir = NULL, *file;
	etsi_dossier *old = NULL, *next = NULL;
	int c, force = 0, status, error;

	optind = 1;
	while ((c = getopt_long(argc, argv, "v:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'v':
			version = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_DATE:
			if (cli_check_date(self, "--date", optarg) != CLI_OK)
				return CLI_USAGE;
			date = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_DATA_DIR:
			data_dir = optarg;
			break;
		case 'h':
			help_release(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one dossier");
	if (!version || !output)
		return cli_usage_error(self, "--version and --output are required");
	file = argv[optind];
	if ((status = cli_check_output(self, output, force, file, NULL)) != CLI_OK)
		return status;
	if ((status = cli_load_dossier(&old, file, data_dir, 0)) != CLI_OK)
		return status;
	error = etsi_dossier_release(&next, old, version, date);
	if (error < 0) {
		cli_error_last(file);
		status = error == ETSI_EINVALID || error == ETSI_EVALIDATION ? CLI_FAILED
		         : cli_status_for(error);
		goto done;
	}
	if ((status = cli_write_dossier(next, output)) != CLI_OK)
		goto done;
	fprintf(stderr, "etsi: wrote %s: release %s carried from %s; to review: %zu evidence "
	        "item%s, %zu ICS entr%s, %zu verdict%s\n", output, version,
	        etsi_record_get(etsi_dossier_find(old, ETSI_KIND_HEADER, NULL), "release"),
	        count_carried(next, ETSI_KIND_EVIDENCE),
	        count_carried(next, ETSI_KIND_EVIDENCE) == 1 ? "" : "s",
	        count_carried(next, ETSI_KIND_ICS_ENTRY),
	        count_carried(next, ETSI_KIND_ICS_ENTRY) == 1 ? "y" : "ies",
	        count_carried(next, ETSI_KIND_VERDICT),
	        count_carried(next, ETSI_KIND_VERDICT) == 1 ? "" : "s");
	{
		const char *sw = etsi_record_get(etsi_dossier_find(next, ETSI_KIND_DUT, NULL),
		                                 "software-version");

		if (sw && strcmp(sw, version) != 0)
			fprintf(stderr, "etsi: the DUT's software version is still '%s'; update it "
			        "for %s\n", sw, version);
	}
	status = CLI_OK;
done:
	etsi_dossier_free(next);
	etsi_dossier_free(old);
	return status;
}

/* ---- diff --------------------------------------------------------------- */

void help_diff(FILE *out)
{
	fprintf(out,
	        "usage: etsi diff [OPTIONS] OLD NEW\n"
	        "\n"
	        "Says what changed between two dossiers, record by record (matched by kind\n"
	        "and key): components, mechanisms, IXIT rows, ICS support and detail,\n"
	        "evidence and artifact digests, verdicts, owners, waivers ... added,\n"
	        "removed or changed with the field and its old and new value; and which\n"
	        "evidence items the changes make stale: an item whose own content did not\n"
	        "change although facts its provision rests on did (docs/lifecycle.md).\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       text (default) or json\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status (as diff(1)): 0 no differences, 1 differences, 2 usage error\n"
	        "or a dossier could not be read.\n");
}

int cmd_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("diff");
	const char *format = "text", *data_dir = NULL;
	etsi_dossier *a = NULL, *b = NULL;
	etsi_diff *diff = NULL;
	char *text = NULL;
	size_t len;
	int c, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case OPT_DATA_DIR:
			data_dir = optarg;
			break;
		case 'h':
			help_diff(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0) {
		static const char *const formats[] = { "text", "json", NULL };

		return cli_invalid_value(self, "--format", format, formats);
	}
	if (optind != argc - 2)
		return cli_usage_error(self, "give two dossiers, OLD and NEW");
	/* a dossier being worked on may be invalid: it is compared all the same */
	if (cli_load_dossier(&a, argv[optind], data_dir, ETSI_LOAD_NO_VALIDATE) != CLI_OK ||
	    cli_load_dossier(&b, argv[optind + 1], data_dir, ETSI_LOAD_NO_VALIDATE) != CLI_OK) {
		status = CLI_USAGE;
		goto done;
	}
	if (etsi_dossier_diff(&diff, a, b) < 0 || etsi_diff_write(&text, &len, diff, format) < 0) {
		cli_error_last("diff");
		status = CLI_USAGE;
		goto done;
	}
	fwrite(text, 1, len, stdout);
	status = etsi_diff_count(diff) ? CLI_FAILED : CLI_OK;
done:
	etsi_free(text);
	etsi_diff_free(diff);
	etsi_dossier_free(b);
	etsi_dossier_free(a);
	return status;
}
