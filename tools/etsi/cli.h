/*
 * The etsi command-line tool: a thin layer over the public libetsi API.
 * Each command lives in its own file and is listed in main.c.
 */
#ifndef ETSI_CLI_H
#define ETSI_CLI_H

#include <stdio.h>

#include <etsi.h>

/* Exit statuses shared by every command. */
enum {
	CLI_OK = 0,       /* success; for checks: nothing wrong */
	CLI_FAILED = 1,   /* the input is invalid or not ready */
	CLI_USAGE = 2     /* bad usage, or a file could not be read or written */
};

typedef struct cli_command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
	void (*help)(FILE *out);
} cli_command;

/* Prints libetsi's last error as "etsi: FILE:LINE: error: message". */
void cli_error_last(const char *context);
/* Prints "etsi: message" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a diagnostic as "FILE:LINE: severity: message" plus its hint. */
void cli_print_diagnostic(FILE *out, const etsi_diagnostic *d);
/* Maps a libetsi error code to an exit status: I/O and usage errors give
 * CLI_USAGE, anything wrong with the input gives CLI_FAILED. */
int cli_status_for(int code);
/* For commands given --help or bad options. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* For getopt_long's '?': names the option that is unknown or lacks its
 * value (getopt's own messages are off). */
int cli_bad_option(const cli_command *cmd, char **argv);
/* CLI_OK, or a usage error naming the option, for a value not YYYY-MM-DD. */
int cli_check_date(const cli_command *cmd, const char *option, const char *value);

/* Reads @p path (standard input for "-") whole into a NUL-terminated
 * malloc'd buffer of at most @p max bytes.  Above that: CLI_FAILED with a
 * hint to raise @p size_option when the user sets the limit, else
 * CLI_USAGE; CLI_USAGE when it cannot be read.  The error is printed. */
int cli_read_input(const char *path, size_t max, const char *size_option, char **out,
                   size_t *len);
/* Loads a dossier with ETSI_LOAD_* @p flags; on failure prints the error
 * and returns its exit status (CLI_FAILED or CLI_USAGE). */
int cli_load_dossier(etsi_dossier **out, const char *path, const char *data_dir,
                     unsigned int flags);
/* CLI_OK, or a usage error when @p output ("-": standard output) exists
 * and @p force is not set. */
int cli_refuse_existing(const cli_command *cmd, const char *output, int force);
/* The one check of every -o: CLI_OK, or a usage error (printed, saying what
 * to do) when @p output is @p input or @p input2 (the same file; --force
 * does not override it: only commands that edit in place by design write
 * their input), or exists and @p force is not set.  Inputs may be NULL
 * or "-". */
int cli_check_output(const cli_command *cmd, const char *output, int force,
                     const char *input, const char *input2);

/* 1 when @p a and @p b (either may be NULL or "-") name one existing file. */
int cli_same_file(const char *a, const char *b);

/* "did you mean": the candidate (NULL-terminated list) nearest @p word by
 * Damerau-Levenshtein distance, at most 1 edit away (2 for words of six
 * characters or more); NULL when none. */
const char *cli_suggest(const char *word, const char *const *candidates);
/* The one wording of an invalid value: "OPTION: 'VALUE' is not valid;
 * valid values: a, b, c" plus "; did you mean 'b'?"; a usage error. */
int cli_invalid_value(const cli_command *cmd, const char *option, const char *value,
                      const char *const *valid);
/* The noun for a count: @p singular for 1, else @p plural ("%zu %s"). */
const char *cli_plural(size_t n, const char *singular, const char *plural);

/* Colour: --color=never|always|auto (default auto: a terminal, and
 * NO_COLOR unset or empty, and TERM not dumb). */
enum { CLI_COLOR_AUTO = 0, CLI_COLOR_NEVER, CLI_COLOR_ALWAYS };
extern int cli_color_mode;
/* 1 when output to @p stream is to be coloured. */
int cli_color_for(FILE *stream);
/* Writes a dossier, validated, to @p output: atomically to a file, or to
 * standard output for "-".  Returns CLI_OK, CLI_FAILED (not valid) or
 * CLI_USAGE (not written), the error printed. */
int cli_write_dossier(etsi_dossier *dossier, const char *output);
/* Writes @p text to @p output (atomically), or to standard output when it
 * is NULL or "-"; a file written is announced on stderr as
 * "etsi: wrote OUT (WHAT, N bytes)". */
int cli_write_text(const char *text, size_t len, const char *output, const char *what);

int cmd_validate(int argc, char **argv);
void help_validate(FILE *out);
int cmd_catalog(int argc, char **argv);
void help_catalog(FILE *out);
int cmd_init(int argc, char **argv);
void help_init(FILE *out);

int cmd_check(int argc, char **argv);
void help_check(FILE *out);
int cmd_rules(int argc, char **argv);
void help_rules(FILE *out);
int cmd_plan(int argc, char **argv);
void help_plan(FILE *out);
int cmd_outcomes(int argc, char **argv);
void help_outcomes(FILE *out);
int cmd_gate(int argc, char **argv);
void help_gate(FILE *out);
int cmd_report(int argc, char **argv);
void help_report(FILE *out);
int cmd_evaluate(int argc, char **argv);
void help_evaluate(FILE *out);
int cmd_verdict(int argc, char **argv);
void help_verdict(FILE *out);
/* integrity.c: edition migration, signatures, digests */
int cmd_migrate(int argc, char **argv);
void help_migrate(FILE *out);
int cmd_sign(int argc, char **argv);
void help_sign(FILE *out);
int cmd_verify(int argc, char **argv);
void help_verify(FILE *out);
int cmd_digest(int argc, char **argv);
void help_digest(FILE *out);

/* lifecycle.c: artifact digests, release carry-forward, diff */
int cmd_evidence(int argc, char **argv);
void help_evidence(FILE *out);
int cmd_release(int argc, char **argv);
void help_release(FILE *out);
int cmd_diff(int argc, char **argv);
void help_diff(FILE *out);

/* interchange.c: GRC interchange (JSON form, OSCAL, ICS CSV, SBOM) */
int cmd_export(int argc, char **argv);
void help_export(FILE *out);
int cmd_import(int argc, char **argv);
void help_import(FILE *out);

extern const cli_command cli_commands[];
const cli_command *cli_find(const char *name);

#endif
