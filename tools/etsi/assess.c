/*
 * The assessment commands: check, rules, plan, outcomes, gate, verdict.
 * Each is a thin layer over etsi_dossier_evaluate() and its writers.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Loads a dossier without stopping at schema errors: the evaluation
 * reports them as findings of rule "schema". */
static int load(etsi_dossier **out, const char *path, const char *data_dir, int for_update)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	int error;

	opts.flags = ETSI_LOAD_NO_VALIDATE | (for_update ? ETSI_LOAD_LOCK : 0);
	opts.data_dir = data_dir;
	error = etsi_dossier_load(out, path, &opts);
	if (error < 0)
		cli_error_last(path);
	return error;
}

static int write_part(const etsi_results *results, const char *part, const char *format,
                      FILE *to)
{
	char *text;
	size_t len;

	if (etsi_results_write(&text, &len, results, part, format) < 0) {
		cli_error_last(part);
		return CLI_USAGE;
	}
	fwrite(text, 1, len, to);
	etsi_free(text);
	return CLI_OK;
}

static int evaluate(etsi_results **out, etsi_dossier *dossier, const char *as_of)
{
	etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
	int error;

	opts.as_of = as_of;
	error = etsi_dossier_evaluate(out, dossier, &opts);
	if (error < 0 && error != ETSI_EVALIDATION)
		cli_error_last(etsi_dossier_path(dossier));
	return error;
}

/* Options every assessment command shares. */
struct common {
	const char *format;
	const char *data_dir;
	const char *as_of;
};

enum { OPT_DATA_DIR = 1000, OPT_AS_OF, OPT_STRICT, OPT_STORE, OPT_DATE, OPT_NOTE,
       OPT_INDICATION, OPT_CSV_RAW, OPT_UNGROUPED, OPT_ALL };

/* ---- check -------------------------------------------------------------- */

/* libetsi's last error, as cli_error_last() prints it, into a stream. */
static void error_last_to(FILE *to, const char *context)
{
	const etsi_error *e = etsi_error_last();

	if (e->file && e->line)
		fprintf(to, "%s:%d: error: %s\n", e->file, e->line, e->message);
	else if (e->file)
		fprintf(to, "%s: error: %s\n", e->file, e->message);
	else
		fprintf(to, "etsi: %s: %s\n", context, e->message);
}

/* One dossier of a check: what it prints, in order, and what it came to.
 * Workers fill these in any order; they are printed in the order given. */
struct check_job {
	const char *path;
	char *out;          /* stdout: findings text, or the JSON items */
	size_t out_len;
	char *err;          /* stderr: why it could not be checked */
	size_t err_len;
	int status;         /* CLI_OK, CLI_FAILED or CLI_USAGE */
	int stop;           /* evaluation failed outright: stop there */
	int checked;        /* loaded and evaluated */
	size_t errors;
	size_t warnings;
	int done;
};

struct check_batch {
	const struct common *o;
	int strict;
	int json;
	int color;          /* colour the severities */
	int ungrouped;      /* one finding for each place */
	int all;            /* every occurrence of a grouped finding */
	struct check_job *jobs;
	size_t n;
	size_t next;        /* the next job a worker takes */
	size_t printed;     /* the jobs before this one are printed */
	size_t window;      /* how far workers may run ahead of the printer */
	int stop;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

/* The JSON items of one file's findings: the inside of the array that
 * etsi_results_write() gives, trimmed; "" when there are none. */
static void json_items_to(FILE *to, const char *text)
{
	const char *open = strchr(text, '['), *close = strrchr(text, ']');

	if (open && close && close > open) {
		const char *p = open + 1;

		while (p < close && (*p == '\n' || *p == ' '))
			p++;
		while (close > p && (close[-1] == '\n' || close[-1] == ' '))
			close--;
		if (close > p)
			fwrite(p, 1, (size_t)(close - p), to);
	}
}

/* Loads and evaluates one dossier (without stopping at schema errors: the
 * evaluation reports them as findings of rule "schema").  Thread-safe:
 * libetsi's errors are per thread, and everything goes to the job. */
static void check_one(const struct check_batch *b, struct check_job *job)
{
	etsi_load_options load_opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_check_options check_opts = ETSI_CHECK_OPTIONS_INIT;
	etsi_dossier *dossier = NULL;
	etsi_results *results = NULL;
	etsi_diagnostics *checked = NULL;
	FILE *out = open_memstream(&job->out, &job->out_len);
	FILE *err = open_memstream(&job->err, &job->err_len);
	int error;

	if (!out || !err) {
		job->status = CLI_USAGE;
		job->stop = 1;
		goto done;
	}
	load_opts.flags = ETSI_LOAD_NO_VALIDATE | ETSI_LOAD_NO_LAYOUT; /* read, never saved */
	load_opts.data_dir = b->o->data_dir;
	error = etsi_dossier_load(&dossier, job->path, &load_opts);
	if (error < 0) {
		/* unreadable: 2; not a dossier one can check: 1 */
		error_last_to(err, job->path);
		job->status = cli_status_for(error);
		goto done;
	}
	check_opts.as_of = b->o->as_of;
	check_opts.flags = b->ungrouped ? ETSI_CHECK_UNGROUPED : 0;
	/* the text needs only the findings: no plan, outcomes or gate; the
	 * JSON writer takes them from the results */
	if (b->json)
		error = etsi_dossier_evaluate(&results, dossier, &check_opts);
	else
		error = etsi_dossier_check(&checked, dossier, &check_opts);
	if (error < 0 && error != ETSI_EVALIDATION)
		error_last_to(err, etsi_dossier_path(dossier));
	if (error < 0 && !results && !checked) {
		job->status = CLI_USAGE;
		job->stop = 1;
		goto done;
	}
	{
		const etsi_diagnostics *findings = b->json ? etsi_results_findings(results) : checked;
		char *text;
		size_t len;

		if ((b->json ? etsi_results_write(&text, &len, results, "findings", "json")
		             : etsi_diagnostics_format(&text, &len, findings,
		                                       etsi_dossier_path(dossier),
		                                       (b->color ? ETSI_DIAGNOSTICS_FORMAT_COLOR : 0) |
		                                       (b->all ? ETSI_DIAGNOSTICS_FORMAT_ALL : 0)))
		    < 0) {
			error_last_to(err, "check");
			job->status = CLI_USAGE;
			goto done;
		}
		if (b->json)
			json_items_to(out, text);
		else
			fwrite(text, 1, len, out);
		etsi_free(text);
		job->checked = 1;
		job->errors = etsi_diagnostics_count_severity(findings, ETSI_SEVERITY_ERROR);
		job->warnings = etsi_diagnostics_count_severity(findings, ETSI_SEVERITY_WARNING);
		job->status = job->errors || (b->strict && job->warnings) ? CLI_FAILED : CLI_OK;
	}
done:
	if (out)
		fclose(out);
	if (err)
		fclose(err);
	etsi_results_free(results);
	etsi_diagnostics_free(checked);
	etsi_dossier_free(dossier);
}

static void *check_worker(void *arg)
{
	struct check_batch *b = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&b->lock);
		while (!b->stop && b->next < b->n && b->next >= b->printed + b->window)
			pthread_cond_wait(&b->cond, &b->lock);
		if (b->stop || b->next >= b->n) {
			pthread_mutex_unlock(&b->lock);
			return NULL;
		}
		i = b->next++;
		pthread_mutex_unlock(&b->lock);

		check_one(b, &b->jobs[i]);

		pthread_mutex_lock(&b->lock);
		b->jobs[i].done = 1;
		pthread_cond_broadcast(&b->cond);
		pthread_mutex_unlock(&b->lock);
	}
}

static double seconds_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Checks the files with @p jobs threads (one dossier per thread at a time)
 * and prints the results in the order of the files. */
static int check_files(struct check_batch *b, char **files, size_t jobs)
{
	pthread_t *threads = NULL;
	size_t i, started = 0, json_items = 0, checked = 0, failed = 0, unreadable = 0;
	size_t errors = 0, warnings = 0;
	int worst = CLI_OK, progress = b->n > 1 && isatty(STDERR_FILENO);
	double start = seconds_now();

	b->jobs = calloc(b->n, sizeof(*b->jobs));
	if (!b->jobs) {
		cli_error("out of memory");
		return CLI_USAGE;
	}
	for (i = 0; i < b->n; i++)
		b->jobs[i].path = files[i];
	if (jobs > b->n)
		jobs = b->n;
	if (jobs > 1) {
		b->window = jobs * 4;
		pthread_mutex_init(&b->lock, NULL);
		pthread_cond_init(&b->cond, NULL);
		threads = calloc(jobs, sizeof(*threads));
		for (i = 0; threads && i < jobs; i++) {
			if (pthread_create(&threads[i], NULL, check_worker, b) != 0)
				break;
			started++;
		}
		if (!started) {
			/* no thread to be had: check here, one by one */
			free(threads);
			threads = NULL;
			pthread_mutex_destroy(&b->lock);
			pthread_cond_destroy(&b->cond);
		}
	}
	if (b->json)
		fputs("[", stdout);
	for (i = 0; i < b->n; i++) {
		struct check_job *job = &b->jobs[i];

		if (started) {
			pthread_mutex_lock(&b->lock);
			while (!job->done)
				pthread_cond_wait(&b->cond, &b->lock);
			pthread_mutex_unlock(&b->lock);
		} else {
			check_one(b, job);
		}
		if (progress)
			fputs("\r\033[K", stderr);
		if (job->err_len)
			fwrite(job->err, 1, job->err_len, stderr);
		if (b->json && job->out_len) {
			printf("%s\n  ", json_items ? "," : "");
			fwrite(job->out, 1, job->out_len, stdout);
			json_items++;
		} else if (!b->json && job->out_len) {
			fwrite(job->out, 1, job->out_len, stdout);
		}
		if (job->status == CLI_USAGE || (job->status == CLI_FAILED && worst == CLI_OK))
			worst = job->status;
		checked += job->checked;
		failed += job->checked && job->status != CLI_OK;
		unreadable += !job->checked;
		errors += job->errors;
		warnings += job->warnings;
		free(job->out);
		free(job->err);
		job->out = job->err = NULL;
		if (progress) {
			fflush(stdout);
			fprintf(stderr, "checked %zu of %zu", i + 1, b->n);
		}
		if (started) {
			pthread_mutex_lock(&b->lock);
			b->printed = i + 1;
			b->stop |= job->stop;
			pthread_cond_broadcast(&b->cond);
			pthread_mutex_unlock(&b->lock);
		}
		if (job->stop) {
			worst = CLI_USAGE;
			break;
		}
	}
	if (progress)
		fputs("\r\033[K", stderr);
	if (b->json)
		fputs(json_items ? "\n]\n" : "]\n", stdout);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	if (started) {
		pthread_mutex_destroy(&b->lock);
		pthread_cond_destroy(&b->cond);
	}
	free(threads);
	free(b->jobs);
	if (b->n > 1) {
		fflush(stdout);
		fprintf(stderr,
		        "etsi: checked %zu of %zu dossiers in %.2f s with %zu %s: %zu passed, "
		        "%zu failed, %zu could not be checked (%zu %s, %zu %s)\n",
		        checked, b->n, seconds_now() - start, started ? started : 1,
		        cli_plural(started ? started : 1, "thread", "threads"), checked - failed,
		        failed, unreadable, errors, cli_plural(errors, "error", "errors"), warnings,
		        cli_plural(warnings, "warning", "warnings"));
	}
	return worst;
}

void help_check(FILE *out)
{
	fprintf(out,
	        "usage: etsi check [OPTIONS] FILE...\n"
	        "\n"
	        "Runs the rule engine over each dossier: schema and references, ICS\n"
	        "completeness and conditions against the dossier's own facts, IXIT\n"
	        "inputs of claimed provisions, the update boundary, constrained-device\n"
	        "obligations, evidence quality, layer mixing and public claims. Each\n"
	        "finding is printed as\n"
	        "  FILE:LINE: error[RULE] 5.3-10: message\n"
	        "      hint: how to fix it\n"
	        "Findings a waiver in the dossier covers are printed as waived and do not\n"
	        "count. 'etsi rules' lists the rules; docs/rules.md explains each.\n"
	        "\n"
	        "Many files are checked as a batch: with --jobs, several at once, one\n"
	        "dossier per thread, the results still printed in the order of the files.\n"
	        "A batch shows its progress on standard error when that is a terminal,\n"
	        "and ends with a summary line there.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       text (default) or json\n"
	        "      --strict         warnings fail the check too\n"
	        "      --as-of DATE     check expiry dates against DATE (default: today)\n"
	        "      --ungrouped      one finding for each place; by default the\n"
	        "                       findings of one rule and cause are one, with\n"
	        "                       its further places on a line 'and N more like it'\n"
	        "      --all            name every place of a grouped finding (text),\n"
	        "                       not the first 8 and '... and N more'\n"
	        "  -j, --jobs N         check N files at once (0: one per processor;\n"
	        "                       default 1)\n"
	        "      --color WHEN     colour the severities: never, always or auto\n"
	        "                       (default: on a terminal, unless NO_COLOR is set)\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 no errors (and, with --strict, no warnings), 1 errors,\n"
	        "2 usage error or a file could not be read.\n");
}

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "ungrouped", no_argument, NULL, OPT_UNGROUPED },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "jobs", required_argument, NULL, 'j' },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const text_json[] = { "text", "json", NULL };
	const cli_command *self = cli_find("check");
	struct common o = { "text", NULL, NULL };
	struct check_batch batch;
	long jobs = 1;
	char *end;
	int c;

	memset(&batch, 0, sizeof(batch));
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:j:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.format = optarg;
			break;
		case OPT_STRICT:
			batch.strict = 1;
			break;
		case OPT_UNGROUPED:
			batch.ungrouped = 1;
			break;
		case OPT_ALL:
			batch.all = 1;
			break;
		case OPT_AS_OF:
			if (cli_check_date(self, "--as-of", optarg) != CLI_OK)
				return CLI_USAGE;
			o.as_of = optarg;
			break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (!*optarg || *end || jobs < 0 || jobs > 1024)
				return cli_usage_error(self, "--jobs takes a number from 0 to 1024, not "
				                       "'%s'", optarg);
			if (jobs == 0) {
				jobs = sysconf(_SC_NPROCESSORS_ONLN);
				if (jobs < 1)
					jobs = 1;
			}
			break;
		case OPT_DATA_DIR:
			o.data_dir = optarg;
			break;
		case 'h':
			help_check(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
		return cli_invalid_value(self, "--format", o.format, text_json);
	if (optind >= argc)
		return cli_usage_error(self, "no dossier given");
	batch.o = &o;
	batch.json = strcmp(o.format, "json") == 0;
	batch.color = !batch.json && cli_color_for(stdout);
	batch.n = (size_t)(argc - optind);
	return check_files(&batch, argv + optind, (size_t)jobs);
}

/* ---- rules -------------------------------------------------------------- */

void help_rules(FILE *out)
{
	fprintf(out,
	        "usage: etsi rules [--format text|md]\n"
	        "\n"
	        "Lists the rules of 'etsi check': id, severity, layer, the release-gate\n"
	        "step it blocks, what it looks for and how to fix a finding.\n"
	        "\n"
	        "Exit status: 0, or 2 on a usage error.\n");
}

int cmd_rules(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("rules");
	const char *format = "text";
	const etsi_rule *r;
	size_t i;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'h':
			help_rules(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(self, "unexpected argument '%s'", argv[optind]);
	if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0) {
		printf("| rule | severity | layer | step | basis | looks for |\n"
		       "|---|---|---|---|---|---|\n");
		for (i = 0; (r = etsi_rule_at(i)); i++)
			printf("| `%s` | %s | %s | %s | %s | %s |\n", r->id,
			       etsi_severity_name(r->severity), r->layer, r->step, r->basis,
			       r->summary);
		return CLI_OK;
	}
	if (strcmp(format, "text") != 0) {
		static const char *const formats[] = { "text", "md", NULL };

		return cli_invalid_value(self, "--format", format, formats);
	}
	for (i = 0; (r = etsi_rule_at(i)); i++) {
		printf("%-36s %-7s %-11s %s\n", r->id, etsi_severity_name(r->severity), r->layer,
		       r->step);
		printf("    %s\n    fix: %s\n    basis: %s%s%s\n", r->summary, r->hint, r->basis,
		       r->source ? ": " : "", r->source ? r->source : "");
	}
	return CLI_OK;
}

/* ---- plan, outcomes, gate ----------------------------------------------- */

/* The findings as `etsi check` prints them, coloured on a terminal. */
static void print_findings(const etsi_results *results, const etsi_dossier *dossier, FILE *to)
{
	char *text;
	size_t len;

	if (etsi_diagnostics_format(&text, &len, etsi_results_findings(results),
	                            etsi_dossier_path(dossier),
	                            cli_color_for(to) ? ETSI_DIAGNOSTICS_FORMAT_COLOR : 0) < 0) {
		cli_error_last("findings");
		return;
	}
	fwrite(text, 1, len, to);
	etsi_free(text);
}

/* The gate's text with NOT READY in red and READY in green. */
static int write_gate_colored(const etsi_results *results)
{
	char *text, *p;
	size_t len;

	if (etsi_results_write(&text, &len, results, "gate", "text") < 0) {
		cli_error_last("gate");
		return CLI_USAGE;
	}
	for (p = text; *p;) {
		if (strncmp(p, "NOT READY", 9) == 0) {
			fputs("\033[1;31mNOT READY\033[0m", stdout);
			p += 9;
		} else if (strncmp(p, "READY", 5) == 0 && (p == text || p[-1] < 'A' || p[-1] > 'Z')) {
			fputs("\033[1;32mREADY\033[0m", stdout);
			p += 5;
		} else {
			fputc(*p++, stdout);
		}
	}
	etsi_free(text);
	return CLI_OK;
}

/* Shared by the commands that print one part of the results for one file. */
static int one_part(int argc, char **argv, const cli_command *self, const char *part,
                    const char *const *formats, int store)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "store", no_argument, NULL, OPT_STORE },
		{ "csv-raw", no_argument, NULL, OPT_CSV_RAW },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct common o = { formats[0], NULL, NULL };
	etsi_dossier *dossier = NULL;
	etsi_results *results = NULL;
	int c, status, store_it = 0, known = 0, invalid, csv = 0, csv_raw = 0;
	size_t i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			o.format = optarg;
			break;
		case OPT_AS_OF:
			if (cli_check_date(self, "--as-of", optarg) != CLI_OK)
				return CLI_USAGE;
			o.as_of = optarg;
			break;
		case OPT_DATA_DIR:
			o.data_dir = optarg;
			break;
		case OPT_STORE:
			if (!store)
				return cli_bad_option(self, argv);
			store_it = 1;
			break;
		case OPT_CSV_RAW:
			csv_raw = 1;
			break;
		case 'h':
			self->help(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	for (i = 0; formats[i]; i++) {
		known |= strcmp(formats[i], o.format) == 0;
		csv |= strcmp(formats[i], "csv") == 0;
	}
	if (csv_raw && !csv)
		return cli_usage_error(self, "--csv-raw is for CSV output; etsi %s writes none",
		                       self->name);
	if (!known)
		return cli_invalid_value(self, "--format", o.format, formats);
	if (csv_raw && strcmp(o.format, "csv") != 0)
		return cli_usage_error(self, "--csv-raw is for --format csv");
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one dossier");
	if ((status = load(&dossier, argv[optind], o.data_dir, store_it)) < 0)
		return cli_status_for(status);
	status = evaluate(&results, dossier, o.as_of);
	invalid = status == ETSI_EVALIDATION;
	if (status < 0 && !invalid) {
		status = CLI_USAGE;
		goto done;
	}
	/* an invalid dossier gets what can be computed on the rest of it,
	 * after its findings, and exit status 1; it is never stored */
	if (invalid)
		print_findings(results, dossier, stderr);
	if (invalid && store_it) {
		fprintf(stderr, "etsi: %s is invalid: the test plan is not stored\n",
		        argv[optind]);
		store_it = 0;
	}
	if (strcmp(part, "gate") == 0 && strcmp(o.format, "text") == 0 && cli_color_for(stdout))
		status = write_gate_colored(results);
	else
		status = write_part(results, part, csv_raw ? "csv-raw" : o.format, stdout);
	if (status == CLI_OK && invalid)
		status = CLI_FAILED;
	if (status == CLI_OK && store_it) {
		char today[16];
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		if (etsi_dossier_store_plan(dossier, results, o.as_of ? o.as_of : today) < 0 ||
		    etsi_dossier_save(dossier, NULL) < 0) {
			cli_error_last(argv[optind]);
			status = CLI_USAGE;
		} else {
			fprintf(stderr, "etsi: stored the test plan in %s\n", argv[optind]);
		}
	}
	if (status == CLI_OK && strcmp(part, "gate") == 0 && !etsi_results_ready(results))
		status = CLI_FAILED;
done:
	etsi_results_free(results);
	etsi_dossier_free(dossier);
	return status;
}

void help_plan(FILE *out)
{
	fprintf(out,
	        "usage: etsi plan [OPTIONS] FILE\n"
	        "\n"
	        "Derives the TS 103 701 test plan from the ICS, the IXIT and the catalog:\n"
	        "for each provision claimed Y, the test cases of its test group with the\n"
	        "IXIT tables and fields each reads and whether they are present (a case\n"
	        "missing inputs risks an INCONCLUSIVE verdict); recommendations marked N\n"
	        "or N/A go to the justification check (test case 4-1-1, V3: 5.0-1-1); a\n"
	        "mandatory provision marked N is an expected FAIL.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       text (default), csv or xml (a test-plan element)\n"
	        "      --csv-raw        csv: every value as it is, for programs (by default a\n"
	        "                       value that begins with = + - @, a tab or a CR is\n"
	        "                       quoted and prefixed with ' against CSV injection)\n"
	        "      --store          also store the plan in the dossier (atomic save),\n"
	        "                       dated --as-of or today\n"
	        "      --as-of DATE     check expiry dates against DATE (default: today)\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 success, 1 the dossier is invalid, 2 usage or I/O error.\n");
}

int cmd_plan(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", "xml", NULL };

	return one_part(argc, argv, cli_find("plan"), "plan", formats, 1);
}

void help_outcomes(FILE *out)
{
	fprintf(out,
	        "usage: etsi outcomes [OPTIONS] FILE\n"
	        "\n"
	        "Aggregates the recorded verdicts: test case -> test group -> provision ->\n"
	        "clause 5.3. Any FAIL gives FAIL; otherwise any INCONCLUSIVE gives\n"
	        "INCONCLUSIVE; otherwise any case without a verdict gives NOT ASSESSED;\n"
	        "otherwise PASS. A provision marked N/A whose non-applicability holds is\n"
	        "NOT APPLICABLE. docs/verdicts.md gives every rule.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       text (default) or csv\n"
	        "      --csv-raw        csv: every value as it is, for programs (by default a\n"
	        "                       value that begins with = + - @, a tab or a CR is\n"
	        "                       quoted and prefixed with ' against CSV injection)\n"
	        "      --as-of DATE     check expiry dates against DATE (default: today)\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 success, 1 the dossier is invalid, 2 usage or I/O error.\n");
}

int cmd_outcomes(int argc, char **argv)
{
	static const char *const formats[] = { "text", "csv", NULL };

	return one_part(argc, argv, cli_find("outcomes"), "outcomes", formats, 0);
}

void help_gate(FILE *out)
{
	fprintf(out,
	        "usage: etsi gate [OPTIONS] FILE\n"
	        "\n"
	        "The release gate: six workflow steps (scope the DUT and components; ICS\n"
	        "support and detail; update mechanisms; procedures and timeliness;\n"
	        "user-facing information; assessment handoff), each with its owner, the\n"
	        "outputs it needs, its gate question and a status computed from the\n"
	        "dossier, and what blocks it. Usable as a CI release gate.\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       text (default) or json\n"
	        "      --as-of DATE     check expiry dates against DATE (default: today)\n"
	        "      --color WHEN     colour READY / NOT READY: never, always or auto\n"
	        "                       (default: on a terminal, unless NO_COLOR is set)\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 every step is complete and no check error remains,\n"
	        "1 otherwise, 2 usage or I/O error.\n");
}

int cmd_gate(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };

	return one_part(argc, argv, cli_find("gate"), "gate", formats, 0);
}

void help_evaluate(FILE *out)
{
	fprintf(out,
	        "usage: etsi evaluate [OPTIONS] FILE\n"
	        "\n"
	        "Writes everything the dossier implies in one document: the summary, the\n"
	        "check findings, the test plan, the aggregated outcomes and the release\n"
	        "gate (xml: namespace urn:libetsi:results:1, valid against\n"
	        "xsd/results.xsd).\n"
	        "\n"
	        "Options:\n"
	        "  -f, --format F       xml (default) or json\n"
	        "      --as-of DATE     check expiry dates against DATE (default: today)\n"
	        "      --data-dir DIR   read catalogs and schemas from DIR first\n"
	        "  -h, --help           show this help\n"
	        "\n"
	        "Exit status: 0 success, 1 the dossier is invalid, 2 usage or I/O error.\n");
}

int cmd_evaluate(int argc, char **argv)
{
	static const char *const formats[] = { "xml", "json", NULL };

	return one_part(argc, argv, cli_find("evaluate"), "all", formats, 0);
}

/* ---- verdict ------------------------------------------------------------ */

void help_verdict(FILE *out)
{
	fprintf(out,
	        "usage: etsi verdict FILE --case ID --result RESULT --by PARTY [OPTIONS]\n"
	        "\n"
	        "Records the verdict of a TS 103 701 test case in the dossier (replacing an\n"
	        "earlier one) and saves it atomically. Test cases the test plan does not\n"
	        "select, or that the dossier's edition does not know, are refused.\n"
	        "\n"
	        "Options:\n"
	        "  -c, --case ID          test case, such as 5.3-2-1 (required)\n"
	        "      --result RESULT    PASS, FAIL or INCONCLUSIVE (required)\n"
	        "  -b, --by PARTY         id of the party that assessed it (required)\n"
	        "      --date DATE        YYYY-MM-DD (default: today)\n"
	        "      --note TEXT        a note\n"
	        "      --indication TEXT  what was observed (repeatable)\n"
	        "      --evidence ID      an evidence item the verdict rests on (repeatable)\n"
	        "      --data-dir DIR     read catalogs and schemas from DIR first\n"
	        "  -h, --help             show this help\n"
	        "\n"
	        "Exit status: 0 recorded, 1 refused (not in the plan; unknown party or\n"
	        "evidence; a bad result or date), 2 usage or I/O error. A refused verdict\n"
	        "leaves the file unchanged.\n");
}

#define MAX_LIST 64

int cmd_verdict(int argc, char **argv)
{
	static const struct option options[] = {
		{ "case", required_argument, NULL, 'c' },
		{ "result", required_argument, NULL, 'R' },
		{ "by", required_argument, NULL, 'b' },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "indication", required_argument, NULL, OPT_INDICATION },
		{ "evidence", required_argument, NULL, 'E' },
		{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const cli_command *self = cli_find("verdict");
	const char *test_case = NULL, *result = NULL, *by = NULL, *date = NULL, *note = NULL;
	const char *data_dir = NULL, *evidence[MAX_LIST], *indications[MAX_LIST];
	size_t n_evidence = 0, n_indications = 0, i;
	etsi_dossier *dossier = NULL;
	etsi_results *results = NULL;
	etsi_record *verdict = NULL;
	etsi_load_options load_opts = ETSI_LOAD_OPTIONS_INIT;
	const etsi_record *planned;
	char today[16];
	int c, status = CLI_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:b:h", options, NULL)) != -1) {
		switch (c) {
		case 'c':
			test_case = optarg;
			break;
		case 'R':
			result = optarg;
			break;
		case 'b':
			by = optarg;
			break;
		case OPT_DATE:
			if (cli_check_date(self, "--date", optarg) != CLI_OK)
				return CLI_USAGE;
			date = optarg;
			break;
		case OPT_NOTE:
			note = optarg;
			break;
		case OPT_INDICATION:
			if (n_indications == MAX_LIST)
				return cli_usage_error(self, "at most %d indications", MAX_LIST);
			indications[n_indications++] = optarg;
			break;
		case 'E':
			if (n_evidence == MAX_LIST)
				return cli_usage_error(self, "at most %d evidence items", MAX_LIST);
			evidence[n_evidence++] = optarg;
			break;
		case OPT_DATA_DIR:
			data_dir = optarg;
			break;
		case 'h':
			help_verdict(stdout);
			return CLI_OK;
		default:
			return cli_bad_option(self, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(self, "give exactly one dossier");
	if (!test_case || !result || !by)
		return cli_usage_error(self, "--case, --result and --by are required");
	if (strcmp(result, "PASS") != 0 && strcmp(result, "FAIL") != 0 &&
	    strcmp(result, "INCONCLUSIVE") != 0) {
		static const char *const verdicts[] = { "PASS", "FAIL", "INCONCLUSIVE", NULL };

		/* a bad result is a refused verdict: exit 1, the file unchanged */
		cli_invalid_value(self, "--result", result, verdicts);
		return CLI_FAILED;
	}
	if (!date) {
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	}
	/* a verdict is recorded into a valid dossier only */
	load_opts.data_dir = data_dir;
	load_opts.flags = ETSI_LOAD_LOCK; /* concurrent verdicts wait, none is lost */
	if (etsi_dossier_load(&dossier, argv[optind], &load_opts) < 0) {
		cli_error_last(argv[optind]);
		return cli_status_for(etsi_error_last()->code);
	}
	if (!etsi_catalog_find(etsi_dossier_catalog(dossier), ETSI_KIND_TEST_CASE, test_case)) {
		cli_error("%s is not a test case of TS 103 701 V%s; 'etsi plan %s' lists the "
		          "selected ones", test_case,
		          etsi_catalog_ts_edition(etsi_dossier_catalog(dossier)), argv[optind]);
		status = CLI_FAILED;
		goto done;
	}
	if (evaluate(&results, dossier, NULL) < 0) {
		status = CLI_USAGE;
		goto done;
	}
	planned = etsi_results_find(results, ETSI_KIND_PLANNED_CASE, test_case);
	if (!planned) {
		cli_error("%s is not in the test plan of %s (the plan selects the test cases of "
		          "provisions claimed Y or mandatory ones marked N, and the justification "
		          "check for recommendations marked N or N/A); 'etsi plan %s' lists them",
		          test_case, argv[optind], argv[optind]);
		status = CLI_FAILED;
		goto done;
	}
	if (etsi_dossier_set_verdict(&verdict, dossier, test_case, result, by, date, note) < 0) {
		cli_error_last(argv[optind]);
		status = etsi_error_last()->code == ETSI_ENOMEM ? CLI_USAGE : CLI_FAILED;
		goto done;
	}
	for (i = 0; i < n_indications && status == CLI_OK; i++) {
		if (etsi_record_add_value(verdict, "indication", indications[i]) < 0) {
			cli_error_last(argv[optind]);
			status = CLI_FAILED;
		}
	}
	for (i = 0; i < n_evidence && status == CLI_OK; i++) {
		if (etsi_record_add_value(verdict, "evidence", evidence[i]) < 0) {
			cli_error_last(argv[optind]);
			status = CLI_FAILED;
		}
	}
	if (status == CLI_OK && etsi_dossier_save(dossier, NULL) < 0) {
		cli_error_last(argv[optind]);
		status = CLI_USAGE;
	}
	if (status == CLI_OK)
		fprintf(stderr, "etsi: recorded %s %s by %s on %s in %s\n", test_case, result, by,
		        date, argv[optind]);
done:
	etsi_results_free(results);
	etsi_dossier_free(dossier);
	return status;
}
