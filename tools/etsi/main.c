/*
 * etsi: ETSI EN 303 645 clause 5.3 secure-update evidence, carried through
 * the ETSI TS 103 701 assessment.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const cli_command cli_commands[] = {
	{ "validate", "check dossiers against the schema and the catalogs", cmd_validate,
	  help_validate },
	{ "catalog", "list the provisions and test cases of an edition", cmd_catalog,
	  help_catalog },
	{ "init", "write a skeleton dossier for a device and an edition", cmd_init, help_init },
	{ "check", "run the rules: what is wrong, where, and how to fix it", cmd_check,
	  help_check },
	{ "rules", "list the rules of 'etsi check'", cmd_rules, help_rules },
	{ "plan", "derive the TS 103 701 test plan and its readiness", cmd_plan, help_plan },
	{ "verdict", "record the verdict of a test case", cmd_verdict, help_verdict },
	{ "outcomes", "aggregate verdicts per provision and for clause 5.3", cmd_outcomes,
	  help_outcomes },
	{ "gate", "the release gate: six steps, their owners and blockers", cmd_gate,
	  help_gate },
	{ "report", "render the HTML report, public summary, CSV or Markdown", cmd_report,
	  help_report },
	{ "evaluate", "everything at once, as XML or JSON for other tools", cmd_evaluate,
	  help_evaluate },
	{ "migrate", "move a dossier to a later EN 303 645 edition, with a report", cmd_migrate,
	  help_migrate },
	{ "sign", "add an XML-DSig signature to a dossier", cmd_sign, help_sign },
	{ "verify", "check a signed dossier against a certificate", cmd_verify, help_verify },
	{ "digest", "SHA-256 of a dossier's canonical form", cmd_digest, help_digest },
	{ "evidence", "record or verify the SHA-256 of the artifacts under a root", cmd_evidence,
	  help_evidence },
	{ "release", "start the next release's dossier, carried items marked for review",
	  cmd_release, help_release },
	{ "diff", "what changed between two dossiers, and which evidence is stale", cmd_diff,
	  help_diff },
	{ "export", "the dossier as JSON, or OSCAL assessment results (JSON, XML)", cmd_export,
	  help_export },
	{ "import", "a dossier from JSON; an ICS spreadsheet or an SBOM into a dossier",
	  cmd_import, help_import },
	{ NULL, NULL, NULL, NULL }
};

const cli_command *cli_find(const char *name)
{
	const cli_command *c;

	for (c = cli_commands; c->name; c++) {
		if (strcmp(c->name, name) == 0)
			return c;
	}
	return NULL;
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("etsi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_error_last(const char *context)
{
	const etsi_error *e = etsi_error_last();

	if (e->file && e->line)
		fprintf(stderr, "%s:%d: error: %s\n", e->file, e->line, e->message);
	else if (e->file)
		fprintf(stderr, "%s: error: %s\n", e->file, e->message);
	else if (context)
		fprintf(stderr, "etsi: %s: %s\n", context, e->message);
	else
		fprintf(stderr, "etsi: %s\n", e->message);
}

void cli_print_diagnostic(FILE *out, const etsi_diagnostic *d)
{
	if (d->line)
		fprintf(out, "%s:%d: %s: %s\n", d->file, d->line, etsi_severity_name(d->severity),
		        d->message);
	else
		fprintf(out, "%s: %s: %s\n", d->file, etsi_severity_name(d->severity), d->message);
	if (d->hint)
		fprintf(out, "    hint: %s\n", d->hint);
}

int cli_status_for(int code)
{
	switch (code) {
	case ETSI_OK:
		return CLI_OK;
	case ETSI_EIO:
	case ETSI_ECONFLICT: /* a file changed under the command: nothing written */
	case ETSI_EINVALID:
	case ETSI_ENOMEM:
		return CLI_USAGE;
	default:
		return CLI_FAILED;
	}
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("etsi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'etsi %s --help'.\n", cmd->name);
	return CLI_USAGE;
}

#define MAX_OPTIONS 48

/* The long options a command's --help lists, "--name", into @p buf. */
static size_t help_options(const cli_command *cmd, char *buf, size_t size, const char **names)
{
	char *text = NULL, *p;
	size_t len = 0, n = 0, used = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return 0;
	cmd->help(f);
	fclose(f);
	for (p = text; p && (p = strstr(p, "--")) && n < MAX_OPTIONS - 1;) {
		size_t k = 2, i;
		int dup = 0;

		while (p[k] && (strchr("abcdefghijklmnopqrstuvwxyz-", p[k])))
			k++;
		if (k > 3 && used + k + 1 <= size && (p == text || p[-1] == ' ' || p[-1] == '[' ||
		                                      p[-1] == '\'' || p[-1] == '(')) {
			memcpy(buf + used, p, k);
			buf[used + k] = '\0';
			for (i = 0; i < n; i++)
				dup |= strcmp(names[i], buf + used) == 0;
			if (!dup) {
				names[n++] = buf + used;
				used += k + 1;
			}
		}
		p += k;
	}
	names[n] = NULL;
	free(text);
	return n;
}

int cli_bad_option(const cli_command *cmd, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	const char *names[MAX_OPTIONS], *near = NULL;
	char buf[2048], word[128];

	if (optopt && arg[0] == '-' && arg[1] != '-' && strchr(arg, optopt))
		return cli_usage_error(cmd, "option '-%c' is unknown or needs a value", optopt);
	if (strncmp(arg, "--", 2) == 0 && help_options(cmd, buf, sizeof(buf), names)) {
		size_t n = strcspn(arg, "=");

		snprintf(word, sizeof(word), "%.*s", (int)(n < sizeof(word) ? n : sizeof(word) - 1),
		         arg);
		near = cli_suggest(word, names);
		if (near && strcmp(near, word) == 0)
			return cli_usage_error(cmd, "option '%s' needs a value", word);
	}
	if (near)
		return cli_usage_error(cmd, "option '%s' is unknown or needs a value; did you mean "
		                       "'%s'?", arg, near);
	return cli_usage_error(cmd, "option '%s' is unknown or needs a value", arg);
}

int cli_check_date(const cli_command *cmd, const char *option, const char *value)
{
	int y, m, d;
	char tail;

	if (!value || sscanf(value, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    strlen(value) != 10 || m < 1 || m > 12 || d < 1 || d > 31 || y < 1)
		return cli_usage_error(cmd, "%s takes a date YYYY-MM-DD, not '%s'", option,
		                       value ? value : "");
	return CLI_OK;
}

int cli_read_input(const char *path, size_t max, const char *size_option, char **out,
                   size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 65536, n = 0;
	int status = CLI_USAGE;
	char *data;

	*out = NULL;
	*len = 0;
	if (!f) {
		cli_error("%s: cannot open: %s", path, strerror(errno));
		return CLI_USAGE;
	}
	data = malloc(cap + 1);
	while (data) {
		size_t got;

		if (n == cap) {
			char *bigger = cap < max + 1 ? realloc(data, cap * 2 + 1) : NULL;

			if (!bigger) {
				free(data);
				data = NULL;
				break;
			}
			data = bigger;
			cap *= 2;
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			if (size_option) {
				cli_error("%s: the input is larger than %zu bytes; raise %s if it is "
				          "genuine", path, max, size_option);
				status = CLI_FAILED;
			} else {
				cli_error("%s: larger than %zu bytes", path, max);
			}
			goto fail;
		}
		if (got == 0)
			break;
	}
	if (!data || ferror(f)) {
		cli_error("%s: cannot read: %s", path, data ? strerror(errno) : "out of memory");
		goto fail;
	}
	if (f != stdin)
		fclose(f);
	data[n] = '\0';
	*out = data;
	*len = n;
	return CLI_OK;
fail:
	free(data);
	if (f != stdin)
		fclose(f);
	return status;
}

int cli_load_dossier(etsi_dossier **out, const char *path, const char *data_dir,
                     unsigned int flags)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	int error;

	opts.flags = flags;
	opts.data_dir = data_dir;
	error = etsi_dossier_load(out, path, &opts);
	if (error < 0) {
		cli_error_last(path);
		return cli_status_for(error);
	}
	return CLI_OK;
}

int cli_refuse_existing(const cli_command *cmd, const char *output, int force)
{
	return cli_check_output(cmd, output, force, NULL, NULL);
}

int cli_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!a || !b || strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
		return 0;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cli_check_output(const cli_command *cmd, const char *output, int force,
                     const char *input, const char *input2)
{
	struct stat st;
	const char *self = cli_same_file(output, input) ? input : cli_same_file(output, input2) ? input2
	                                                                                 : NULL;

	if (!output || strcmp(output, "-") == 0)
		return CLI_OK;
	if (self)
		return cli_usage_error(cmd, "%s is the input itself%s%s%s; write the output to "
		                       "another file (--force never replaces a command's own input)",
		                       output, strcmp(self, output) ? " (" : "",
		                       strcmp(self, output) ? self : "", strcmp(self, output) ? ")" : "");
	if (!force && stat(output, &st) == 0)
		return cli_usage_error(cmd, "%s exists; pass --force to replace it, or choose "
		                       "another -o", output);
	return CLI_OK;
}

const char *cli_plural(size_t n, const char *singular, const char *plural)
{
	return n == 1 ? singular : plural;
}

/* Damerau-Levenshtein (optimal string alignment) distance, capped. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, result;
	size_t *d;

	if (la > 64 || lb > 64)
		return 99;
	d = malloc((la + 1) * (lb + 1) * sizeof(*d));
	if (!d)
		return 99;
#define D(i, j) d[(i) * (lb + 1) + (j)]
	for (i = 0; i <= la; i++)
		D(i, 0) = i;
	for (j = 0; j <= lb; j++)
		D(0, j) = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1])
			              ? 0 : 1;
			size_t best = D(i - 1, j) + 1;

			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (D(i - 1, j - 1) + cost < best)
				best = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) ==
			                      tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == tolower((unsigned char)b[j - 1]) &&
			    D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	result = D(la, lb);
#undef D
	free(d);
	return result;
}

const char *cli_suggest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t best_d = 3, i;

	if (!word || !*word)
		return NULL;
	for (i = 0; candidates[i]; i++) {
		size_t dist = edit_distance(word, candidates[i]);

		/* two edits of a short word reach too much ('yaml' -> 'xml') */
		if (dist < best_d && dist < strlen(candidates[i]) &&
		    (dist <= 1 || strlen(word) >= 6)) {
			best = candidates[i];
			best_d = dist;
		}
	}
	return best;
}

int cli_invalid_value(const cli_command *cmd, const char *option, const char *value,
                      const char *const *valid)
{
	const char *near = cli_suggest(value, valid);
	size_t i;

	fprintf(stderr, "etsi: %s: '%s' is not valid; valid values: ", option, value);
	for (i = 0; valid[i]; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", valid[i]);
	if (near)
		fprintf(stderr, "; did you mean '%s'?", near);
	if (cmd)
		fprintf(stderr, "\nTry 'etsi %s --help'.\n", cmd->name);
	else
		fputc('\n', stderr);
	return CLI_USAGE;
}

int cli_color_mode = CLI_COLOR_AUTO;

int cli_color_for(FILE *stream)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (cli_color_mode == CLI_COLOR_ALWAYS)
		return 1;
	if (cli_color_mode == CLI_COLOR_NEVER)
		return 0;
	if (no_color && *no_color)
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(stream));
}

int cli_write_dossier(etsi_dossier *dossier, const char *output)
{
	char *xml = NULL;
	size_t len = 0;
	int error;

	if (strcmp(output, "-") != 0) {
		error = etsi_dossier_save(dossier, output);
	} else if ((error = etsi_dossier_validate(NULL, dossier)) == 0 &&
	           (error = etsi_dossier_write(&xml, &len, dossier)) == 0) {
		fwrite(xml, 1, len, stdout);
		etsi_free(xml);
	}
	if (error < 0) {
		cli_error_last(strcmp(output, "-") == 0 ? "standard output" : output);
		return error == ETSI_EVALIDATION ? CLI_FAILED : CLI_USAGE;
	}
	return CLI_OK;
}

int cli_write_text(const char *text, size_t len, const char *output, const char *what)
{
	if (!output || strcmp(output, "-") == 0) {
		fwrite(text, 1, len, stdout);
		return CLI_OK;
	}
	if (etsi_file_write(output, text, len) < 0) {
		cli_error_last(output);
		return CLI_USAGE;
	}
	fprintf(stderr, "etsi: wrote %s (%s, %zu %s)\n", output, what, len,
	        cli_plural(len, "byte", "bytes"));
	return CLI_OK;
}

static void help_main(FILE *out)
{
	const cli_command *c;

	fprintf(out,
	        "usage: etsi [--version] [--help] [--color=WHEN] COMMAND [OPTIONS] [ARGS]\n"
	        "\n"
	        "Carries ETSI EN 303 645 clause 5.3 (keep software updated) evidence\n"
	        "through the ETSI TS 103 701 assessment: dossiers, catalogs, checks.\n"
	        "\n"
	        "Commands:\n");
	for (c = cli_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out,
	        "  %-10s %s\n"
	        "\n"
	        "Every command takes --color=never|always|auto (default auto: colour on a\n"
	        "terminal unless NO_COLOR is set).\n"
	        "\n"
	        "Exit status: 0 success, 1 the input is invalid, 2 usage or I/O error.\n"
	        "Run 'etsi COMMAND --help' for a command's options; man etsi for more.\n",
	        "help", "show help for a command");
}

static int unknown_command(const char *name)
{
	const char *names[sizeof(cli_commands) / sizeof(cli_commands[0]) + 1];
	const char *near;
	size_t n = 0;
	const cli_command *c;

	for (c = cli_commands; c->name; c++)
		names[n++] = c->name;
	names[n++] = "help";
	names[n] = NULL;
	near = cli_suggest(name, names);
	if (near)
		cli_error("'%s' is not a command; did you mean '%s'? 'etsi --help' lists them", name,
		          near);
	else
		cli_error("'%s' is not a command; 'etsi --help' lists them", name);
	return CLI_USAGE;
}

/* Takes --color=WHEN (or --color WHEN) out of the arguments, wherever it
 * is before a "--": every command honours it.  Returns -1 on a bad WHEN. */
static int take_color(int *argc, char **argv)
{
	static const char *const whens[] = { "auto", "never", "always", NULL };
	int i, j;

	for (i = 1; i < *argc && strcmp(argv[i], "--") != 0;) {
		const char *when = NULL;
		int used = 0;

		if (strncmp(argv[i], "--color=", 8) == 0 || strncmp(argv[i], "--colour=", 9) == 0) {
			when = strchr(argv[i], '=') + 1;
			used = 1;
		} else if (strcmp(argv[i], "--color") == 0 || strcmp(argv[i], "--colour") == 0) {
			when = i + 1 < *argc ? argv[i + 1] : "";
			used = i + 1 < *argc ? 2 : 1;
		}
		if (!used) {
			i++;
			continue;
		}
		if (strcmp(when, "auto") == 0)
			cli_color_mode = CLI_COLOR_AUTO;
		else if (strcmp(when, "never") == 0)
			cli_color_mode = CLI_COLOR_NEVER;
		else if (strcmp(when, "always") == 0)
			cli_color_mode = CLI_COLOR_ALWAYS;
		else
			return cli_invalid_value(NULL, "--color", when, whens), -1;
		for (j = i; j + used <= *argc; j++)
			argv[j] = argv[j + used];
		*argc -= used;
	}
	return 0;
}

/* An interrupted save leaves no temporary file behind: the handler removes
 * libetsi's temporaries, then the signal ends the process as it would
 * have.  SIGXFSZ is ignored instead, so that a write beyond the file size
 * limit fails (EFBIG) and libetsi removes its temporary and says so. */
static void on_fatal_signal(int sig)
{
	etsi_file_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig); /* delivered once the handler returns */
}

static void clean_up_on_signals(void)
{
	static const int fatal[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		/* a signal ignored by whoever started etsi stays ignored */
		if (sigaction(fatal[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(fatal[i], &sa, NULL);
	}
	signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
	const cli_command *cmd;
	int status;

	opterr = 0; /* the commands report bad options themselves */
	if (take_color(&argc, argv) < 0)
		return CLI_USAGE;
	if (argc < 2) {
		help_main(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("etsi %s (libetsi %s)\n", ETSI_VERSION, etsi_version_string());
		return CLI_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		help_main(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc < 3) {
			help_main(stdout);
			return CLI_OK;
		}
		cmd = cli_find(argv[2]);
		if (!cmd)
			return unknown_command(argv[2]);
		cmd->help(stdout);
		return CLI_OK;
	}
	cmd = cli_find(argv[1]);
	if (!cmd)
		return unknown_command(argv[1]);
	if (etsi_init() < 0) {
		cli_error_last("init");
		return CLI_USAGE;
	}
	clean_up_on_signals();
	status = cmd->run(argc - 1, argv + 1);
	etsi_shutdown();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("cannot write to standard output");
		return CLI_USAGE;
	}
	return status;
}
