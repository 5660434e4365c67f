/*
 * Import of the EN 303 645 Annex B ICS table as spreadsheets export it
 * (docs/interchange.md, "ICS from a spreadsheet").
 *
 * Tolerant of what spreadsheet programs write: a UTF-8 byte order mark,
 * comma, semicolon or tab separators, CRLF line ends, quoted cells with embedded
 * line breaks and doubled quotes, "Provision 5.3-2" for 5.3-2, "N/A", "NA"
 * or "n/a", "Yes" and "No", column headings in any case and order, extra
 * columns.  Strict about the rest: every problem (an unknown provision, a
 * status code that contradicts the catalog, a provision listed twice, an
 * unknown support value, malformed quoting) is reported with its row, and
 * nothing is imported unless there is none.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "csv.h"
#include "dossier_impl.h"
#include "error.h"
#include "record_impl.h"

enum { COL_REFERENCE, COL_STATUS, COL_SUPPORT, COL_DETAIL, NCOLS };

typedef struct csv_row {
	int row;            /* the spreadsheet row: 1 is the header */
	int line;           /* the line it starts on */
	char *provision;
	const char *support;  /* "Y", "N", "N/A" or NULL (not stated) */
	char *detail;       /* or NULL (left as it is) */
} csv_row;

typedef struct csv_plan {
	etsi__vec rows;     /* csv_row * */
} csv_plan;

static void free_plan(void *p)
{
	csv_plan *plan = p;
	size_t i;

	for (i = 0; i < plan->rows.len; i++) {
		csv_row *r = plan->rows.items[i];

		etsi__free(r->provision);
		etsi__free(r->detail);
		etsi__free(r);
	}
	etsi__vec_dispose(&plan->rows);
	etsi__free(plan);
}

/* ---- reading records ------------------------------------------------------ */

/* The cells of a record are kept in one buffer, each ended by a NUL, and
 * @p cells points into it once the record is read: a cell costs its text,
 * a NUL and a pointer, so a row of a million empty cells costs 9 MB, not
 * a million allocations.  Cells are counted against max_elements. */
typedef struct reader {
	const char *p, *end;
	char sep;
	int line;
	int row;
	etsi__buf text;     /* the cells of the record, NUL after each */
	size_t cells;       /* read so far, all records */
} reader;

static void free_cells(etsi__vec *cells)
{
	cells->len = 0;
}

static int read_cells(etsi__import_ctx *ctx, reader *r, etsi__vec *cells);

/* Reads one record.  Returns 1 when it read one, 0 at the end of the
 * input, or a negative code (the problem is recorded). */
static int read_record(etsi__import_ctx *ctx, reader *r, etsi__vec *cells, int *start_line)
{
	int more;

	free_cells(cells);
	r->text.len = 0;
	if (r->p >= r->end)
		return 0;
	*start_line = r->line;
	r->row++;
	more = read_cells(ctx, r, cells);
	if (more > 0) {
		/* the offsets become pointers, now that the text has stopped
		 * moving */
		size_t i;

		if (r->text.failed)
			return ETSI_ENOMEM;
		for (i = 0; i < cells->len; i++)
			cells->items[i] = r->text.ptr + (size_t)(uintptr_t)cells->items[i];
	}
	return more;
}

/* read_record()'s work: the cells of one record, as offsets into r->text. */
static int read_cells(etsi__import_ctx *ctx, reader *r, etsi__vec *cells)
{
	for (;;) {
		etsi__buf *cell = &r->text;
		size_t start = r->text.len;

		if (++r->cells > ctx->max_elements)
			return etsi__import_problem(ctx, ETSI_ELIMIT, r->line, 0, NULL,
			                            "row %d: more than %zu cells in the table; it is "
			                            "refused, as each costs memory however small it "
			                            "is (raise max_elements in etsi_import_options, "
			                            "or --max-elements, if it is genuine)", r->row,
			                            ctx->max_elements);
		if (r->p < r->end && *r->p == '"') {
			int quote_line = r->line;

			r->p++;
			for (;;) {
				if (r->p >= r->end) {
					return etsi__import_problem(ctx, ETSI_EPARSE, quote_line, 0, NULL,
					                            "row %d: a quoted cell is not closed; "
					                            "end it with \"", r->row);
				}
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						etsi__buf_put(cell, "\"", 1);
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\r') {
					/* CRLF or a lone CR inside a cell: one line break */
					r->line++;
					etsi__buf_put(cell, "\n", 1);
					r->p += (r->p + 1 < r->end && r->p[1] == '\n') ? 2 : 1;
					continue;
				}
				if (*r->p == '\n')
					r->line++;
				etsi__buf_put(cell, r->p, 1);
				r->p++;
			}
			while (r->p < r->end && (*r->p == ' ' || *r->p == '\t') && *r->p != r->sep)
				r->p++;
			if (r->p < r->end && *r->p != r->sep && *r->p != '\r' && *r->p != '\n') {
				return etsi__import_problem(ctx, ETSI_EPARSE, r->line, 0, NULL,
				                            "row %d: text follows a closing quote; quote the "
				                            "whole cell and double the quotes inside it",
				                            r->row);
			}
		} else {
			while (r->p < r->end && *r->p != r->sep && *r->p != '\r' && *r->p != '\n') {
				if (*r->p == '"') {
					return etsi__import_problem(ctx, ETSI_EPARSE, r->line, 0, NULL,
					                            "row %d: a quote inside a cell that does "
					                            "not start with one; quote the whole cell "
					                            "and double the quotes inside it", r->row);
				}
				etsi__buf_put(cell, r->p, 1);
				r->p++;
			}
		}
		/* the cell's end, and its offset where a pointer will be */
		if (etsi__buf_put(cell, "", 1) < 0 ||
		    etsi__vec_push(cells, (void *)(uintptr_t)start) < 0)
			return ETSI_ENOMEM;
		if (r->p >= r->end)
			return 1;
		if (*r->p == r->sep) {
			r->p++;
			continue;
		}
		/* the end of the record */
		if (*r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		return 1;
	}
}

/* The separator: ';' or a tab when the first line has more of them
 * (outside quotes) than commas, else ','. */
static char detect_separator(const char *p, const char *end)
{
	size_t comma = 0, semicolon = 0, tab = 0;
	int quoted = 0;

	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted && *p == ',')
			comma++;
		else if (!quoted && *p == ';')
			semicolon++;
		else if (!quoted && *p == '\t')
			tab++;
	}
	if (semicolon > comma && semicolon >= tab)
		return ';';
	if (tab > comma && tab > semicolon)
		return '\t';
	return ',';
}

/* ---- cells ---------------------------------------------------------------- */

static char *trimmed(const char *s)
{
	const char *end = s + strlen(s);

	while (*s && isspace((unsigned char)*s))
		s++;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	return etsi__strndup(s, (size_t)(end - s));
}

/* Lowercase, white space collapsed, a parenthesized tail dropped:
 * "Support (Y/N/N/A)" is "support". */
static char *heading(const char *s)
{
	char *line = etsi__one_line(s), *p;

	if (!line)
		return NULL;
	for (p = line; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	p = strchr(line, '(');
	if (p && p > line) {
		*p = '\0';
		while (p > line && p[-1] == ' ')
			*--p = '\0';
	}
	return line;
}

static int column_of(const char *h)
{
	static const struct {
		const char *name;
		int column;
	} names[] = {
		{ "reference", COL_REFERENCE }, { "ref", COL_REFERENCE }, { "ref.", COL_REFERENCE },
		{ "provision", COL_REFERENCE }, { "provision id", COL_REFERENCE },
		{ "provision reference", COL_REFERENCE }, { "status", COL_STATUS },
		{ "status code", COL_STATUS }, { "support", COL_SUPPORT }, { "supported", COL_SUPPORT },
		{ "detail", COL_DETAIL }, { "details", COL_DETAIL }, { "support detail", COL_DETAIL },
		{ "justification", COL_DETAIL }, { "detail/justification", COL_DETAIL },
		{ "detail / justification", COL_DETAIL },
	};
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(names); i++) {
		if (strcmp(names[i].name, h) == 0)
			return names[i].column;
	}
	return -1;
}

static const char *const column_names[NCOLS] = { "Reference", "Status", "Support", "Detail" };

/* Upper case without white space or dots: "M C (15)" is "MC(15)", "n/a" is
 * "N/A", "N.A." is "NA". */
static char *canonical(const char *s)
{
	etsi__buf out = ETSI__BUF_INIT;

	etsi__buf_puts(&out, "");
	for (; *s; s++) {
		char c = (char)toupper((unsigned char)*s);

		if (isspace((unsigned char)*s) || *s == '.')
			continue;
		etsi__buf_put(&out, &c, 1);
	}
	return etsi__buf_detach(&out);
}

static const char *support_value(const char *canon)
{
	if (!*canon)
		return NULL;
	if (strcmp(canon, "Y") == 0 || strcmp(canon, "YES") == 0)
		return "Y";
	if (strcmp(canon, "N") == 0 || strcmp(canon, "NO") == 0)
		return "N";
	if (strcmp(canon, "N/A") == 0 || strcmp(canon, "NA") == 0 ||
	    strcmp(canon, "NOTAPPLICABLE") == 0)
		return "N/A";
	return "";
}

/* "Provision 5.3-2", "provision: 5.3-2" or "5.3-2" */
static const char *reference_of(const char *cell)
{
	const char *p = cell;

	if (strncasecmp(p, "provision", 9) == 0) {
		p += 9;
		if (*p == ':')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	return p;
}

/* ---- the table ------------------------------------------------------------- */

/* Every line is valid UTF-8 with characters XML allows, and no NUL. */
static int check_encoding(etsi__import_ctx *ctx)
{
	const char *p = ctx->data, *end = ctx->data + ctx->len;
	int line = 1;

	if (memchr(ctx->data, '\0', ctx->len)) {
		const char *nul = memchr(ctx->data, '\0', ctx->len), *q;

		for (q = ctx->data; q < nul; q++)
			line += *q == '\n';
		return etsi__import_problem(ctx, ETSI_EPARSE, line, 0, NULL,
		                            "a NUL byte; the file is not a UTF-8 text (save the table "
		                            "as \"CSV UTF-8\")");
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *copy = etsi__strndup(p, n);
		int ok;

		if (!copy)
			return ETSI_ENOMEM;
		ok = etsi__valid_text(copy);
		etsi__free(copy);
		if (!ok)
			return etsi__import_problem(ctx, ETSI_EPARSE, line, 0, NULL,
			                            "line %d is not valid UTF-8, or holds a control "
			                            "character; save the table as \"CSV UTF-8\"", line);
		p += n + (nl ? 1 : 0);
		line++;
	}
	return 0;
}

static const char *cell_at(const etsi__vec *cells, int index)
{
	return index >= 0 && (size_t)index < cells->len ? cells->items[index] : "";
}

static int check_row(etsi__import_ctx *ctx, csv_plan *plan, const etsi__vec *cells,
                     const int *cols, int row, int line, etsi__map *seen)
{
	const etsi_catalog *cat = etsi_dossier_catalog(ctx->dossier);
	char *ref = NULL, *status = NULL, *canon = NULL;
	const char *support;
	csv_row *r = NULL;
	etsi_record *p;
	size_t i;
	int error = 0, blank = 1;

	for (i = 0; i < cells->len; i++) {
		const char *c = cells->items[i];

		while (*c && isspace((unsigned char)*c))
			c++;
		blank &= *c == '\0';
	}
	if (blank)
		return 0;
	ref = trimmed(cell_at(cells, cols[COL_REFERENCE]));
	canon = canonical(cell_at(cells, cols[COL_SUPPORT]));
	if (!ref || !canon) {
		error = ETSI_ENOMEM;
		goto done;
	}
	support = support_value(canon);
	{
		const char *id = reference_of(ref);
		int shape = etsi__id_shape(id);

		if (!*id) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: the Reference cell is empty; name a "
			                             "provision such as 5.3-2", row);
			goto done;
		}
		if (shape == ETSI__SHAPE_TEST_CASE) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: %s is a TS 103 701 test case; the ICS lists "
			                             "EN 303 645 provisions such as 5.3-2", row, id);
			goto done;
		}
		if (shape == ETSI__SHAPE_TABLE) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: %s is a TS 103 701 IXIT table; the ICS lists "
			                             "EN 303 645 provisions such as 5.3-2", row, id);
			goto done;
		}
		if (shape != ETSI__SHAPE_PROVISION) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: '%.80s' is not a provision reference such "
			                             "as 5.3-2 or \"Provision 5.3-2\"", row, id);
			goto done;
		}
		p = etsi_catalog_find(cat, ETSI_KIND_PROVISION, id);
		if (!p) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: %s is not a provision of EN 303 645 V%s; "
			                             "`etsi catalog --edition %s` lists them", row, id,
			                             etsi_catalog_edition(cat), etsi_catalog_edition(cat));
			goto done;
		}
		{
			int *first = etsi__map_get(seen, id);

			if (first) {
				error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
				                             "row %d: %s is listed again (first in row %d); "
				                             "give each provision one row", row, id, *first);
				goto done;
			}
		}
		if (plan->rows.len >= ctx->max_records) {
			error = etsi__import_problem(ctx, ETSI_ELIMIT, line, 0, NULL,
			                             "row %d: more than %zu rows to import; the table "
			                             "is refused (raise max_records in "
			                             "etsi_import_options, or --max-records, if it is "
			                             "genuine)", row, ctx->max_records);
			goto done;
		}
		r = etsi__calloc(1, sizeof(*r));
		if (!r || !(r->provision = etsi__strdup(id))) {
			error = ETSI_ENOMEM;
			goto done;
		}
		r->row = row;
		r->line = line;
		{
			int *first = etsi__malloc(sizeof(int));

			if (!first) {
				error = ETSI_ENOMEM;
				goto done;
			}
			*first = row;
			if (etsi__map_put(seen, id, first) != 0) {
				etsi__free(first);
				error = ETSI_ENOMEM;
				goto done;
			}
		}
	}
	if (support && !*support) {
		error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
		                             "row %d: support '%.40s' is not Y, N or N/A (Yes, No, NA "
		                             "and n/a are read too)", row,
		                             cell_at(cells, cols[COL_SUPPORT]));
		goto done;
	}
	if (etsi__streq(etsi_record_get(p, "void"), "true")) {
		if (support) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: provision %s is void in EN 303 645 V%s; "
			                             "state the support of %s%s%s instead", row,
			                             r->provision, etsi_catalog_edition(cat),
			                             etsi_record_value_at(p, "replaced-by", 0)
			                                 ? etsi_record_value_at(p, "replaced-by", 0) : "its replacements",
			                             etsi_record_value_at(p, "replaced-by", 1) ? " and " : "",
			                             etsi_record_value_at(p, "replaced-by", 1)
			                                 ? etsi_record_value_at(p, "replaced-by", 1) : "");
			goto done;
		}
		/* a void row of the Annex B table, with nothing stated: skipped */
		error = etsi__import_note(ctx->diags, ctx->name, "skipped", r->provision, NULL,
		                          "row %d: provision %s is void in EN 303 645 V%s; its row is "
		                          "skipped", row, r->provision, etsi_catalog_edition(cat));
		goto done;
	}
	if (cols[COL_STATUS] >= 0 && *cell_at(cells, cols[COL_STATUS])) {
		char *expected = canonical(etsi_record_get(p, "status-code") ?
		                           etsi_record_get(p, "status-code") : "");

		status = canonical(cell_at(cells, cols[COL_STATUS]));
		if (!status || !expected) {
			etsi__free(expected);
			error = ETSI_ENOMEM;
			goto done;
		}
		/* the full code, or the bare M or R of it */
		if (strcmp(status, expected) != 0 &&
		    !(strlen(status) == 1 && (*status == 'M' || *status == 'R') &&
		      *status == *expected)) {
			error = etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
			                             "row %d: status '%.40s' contradicts EN 303 645 V%s, "
			                             "where %s is %s", row,
			                             cell_at(cells, cols[COL_STATUS]),
			                             etsi_catalog_edition(cat), r->provision,
			                             etsi_record_get(p, "status-code"));
			etsi__free(expected);
			goto done;
		}
		etsi__free(expected);
	}
	r->support = support;
	if (cols[COL_DETAIL] >= 0) {
		r->detail = trimmed(cell_at(cells, cols[COL_DETAIL]));
		if (!r->detail) {
			error = ETSI_ENOMEM;
			goto done;
		}
		if (!*r->detail) {
			etsi__free(r->detail);
			r->detail = NULL;
		} else if (r->detail[0] == '\'' && r->detail[1] && strchr("=+-@\t\r", r->detail[1])) {
			/* neutralised against CSV injection (the ics-csv report
			 * writes '=x for =x): reads back as the dossier had it */
			memmove(r->detail, r->detail + 1, strlen(r->detail));
		}
	}
	if (etsi__vec_push(&plan->rows, r) < 0) {
		error = ETSI_ENOMEM;
		goto done;
	}
	r = NULL;
done:
	if (r) {
		etsi__free(r->provision);
		etsi__free(r->detail);
		etsi__free(r);
	}
	etsi__free(ref);
	etsi__free(status);
	etsi__free(canon);
	return error == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
}

static int parse(void **out, etsi__import_ctx *ctx)
{
	const etsi_catalog *cat = etsi_dossier_catalog(ctx->dossier);
	csv_plan *plan;
	etsi__vec cells = ETSI__VEC_INIT;
	etsi__map seen = ETSI__MAP_INIT;
	int cols[NCOLS] = { -1, -1, -1, -1 };
	reader r;
	int error = 0, line = 1, have_header = 0;
	size_t i;

	*out = NULL;
	if (ctx->opts->edition && strcmp(ctx->opts->edition, etsi_catalog_edition(cat)) != 0)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the table is for EN 303 645 V%s, but the dossier is for V%s; "
		                   "import it into a dossier of that edition",
		                   ctx->opts->edition, etsi_catalog_edition(cat));
	plan = etsi__calloc(1, sizeof(*plan));
	if (!plan)
		return ETSI_ENOMEM;
	*out = plan;
	if ((error = check_encoding(ctx)) < 0)
		return error == ETSI_ENOMEM ? error : 0;

	memset(&r, 0, sizeof(r));
	r.p = ctx->data;
	r.end = ctx->data + ctx->len;
	r.line = 1;
	if (r.end - r.p >= 3 && memcmp(r.p, "\xEF\xBB\xBF", 3) == 0)
		r.p += 3;
	r.sep = detect_separator(r.p, r.end);

	while ((error = read_record(ctx, &r, &cells, &line)) > 0) {
		int blank = 1;

		for (i = 0; i < cells.len; i++) {
			const char *c = cells.items[i];

			while (*c && isspace((unsigned char)*c))
				c++;
			blank &= *c == '\0';
		}
		if (!have_header) {
			if (blank)
				continue;
			have_header = 1;
			for (i = 0; i < cells.len; i++) {
				char *h = heading(cells.items[i]);
				int col;

				if (!h) {
					error = ETSI_ENOMEM;
					goto done;
				}
				col = column_of(h);
				if (col < 0 && etsi__id_shape(reference_of(h)) == ETSI__SHAPE_PROVISION) {
					etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
					                     "row %d is not a header row: the first row names "
					                     "the columns (Reference, Status, Support, Detail)",
					                     r.row);
					etsi__free(h);
					goto done;
				}
				etsi__free(h);
				if (col < 0)
					continue; /* another column (title, comments): not imported */
				if (cols[col] >= 0) {
					etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
					                     "row %d: two columns are %s (columns %d and %zu); "
					                     "keep one", r.row, column_names[col], cols[col] + 1,
					                     i + 1);
					goto done;
				}
				cols[col] = (int)i;
			}
			if (cols[COL_REFERENCE] < 0 || cols[COL_SUPPORT] < 0) {
				etsi__import_problem(ctx, ETSI_EVALIDATION, line, 0, NULL,
				                     "row %d: the header row has no %s column; the table "
				                     "needs Reference and Support (Status and Detail are "
				                     "optional)", r.row,
				                     cols[COL_REFERENCE] < 0 ? "Reference" : "Support");
				goto done;
			}
			continue;
		}
		if ((error = check_row(ctx, plan, &cells, cols, r.row, line, &seen)) < 0)
			goto done;
	}
	if (error < 0 && error != ETSI_ENOMEM)
		error = 0; /* recorded */
	if (error == 0 && !have_header)
		etsi__import_problem(ctx, ETSI_EVALIDATION, 1, 0, NULL,
		                     "the table is empty; it needs a header row (Reference, Status, "
		                     "Support, Detail) and one row per provision");
done:
	free_cells(&cells);
	etsi__vec_dispose(&cells);
	etsi__buf_dispose(&r.text);
	for (i = 0; i < seen.cap; i++) {
		if (seen.slots[i].key && seen.slots[i].value)
			etsi__free(seen.slots[i].value);
	}
	etsi__map_dispose(&seen);
	return error == ETSI_ENOMEM ? error : 0;
}

static int apply(void *p, etsi_dossier *d, etsi_diagnostics *diags, const char *name)
{
	csv_plan *plan = p;
	size_t i;
	int error;

	for (i = 0; i < plan->rows.len; i++) {
		csv_row *r = plan->rows.items[i];
		etsi_record *entry = etsi_dossier_find(d, ETSI_KIND_ICS_ENTRY, r->provision);
		const char *old_support = entry ? etsi_record_get(entry, "support") : NULL;
		const char *old_detail = entry ? etsi_record_get(entry, "detail") : NULL;
		int detail_changed = r->detail && !etsi__streq(old_detail, r->detail);
		int changed = !entry || (r->support && !etsi__streq(old_support, r->support)) ||
		              detail_changed;
		char was[16];

		snprintf(was, sizeof(was), "%s", old_support ? old_support : "not stated");
		if (r->support) {
			if ((error = etsi_dossier_set_ics(d, r->provision, r->support, r->detail)) < 0)
				return error;
		} else if (!entry) {
			const char *fields[] = { "provision", r->provision,
			                         r->detail ? "detail" : NULL, r->detail, NULL };

			if ((error = etsi_dossier_add(NULL, d, NULL, ETSI_KIND_ICS_ENTRY, fields)) < 0)
				return error;
		} else if (r->detail && (error = etsi_record_set(entry, "detail", r->detail)) < 0) {
			return error;
		}
		if (!entry)
			error = etsi__import_note(diags, name, "added", r->provision, r->provision,
			                          "row %d: ICS entry %s added, support %s", r->row,
			                          r->provision, r->support ? r->support : "not stated");
		else if (changed)
			error = etsi__import_note(diags, name, "updated", r->provision, r->provision,
			                          "row %d: ICS entry %s updated, support %s (was %s)%s",
			                          r->row, r->provision,
			                          r->support ? r->support : was, was,
			                          detail_changed ? ", detail changed" : "");
		else
			error = etsi__import_note(diags, name, "unchanged", r->provision, r->provision,
			                          "row %d: ICS entry %s unchanged", r->row, r->provision);
		if (error < 0)
			return error;
	}
	return 0;
}

const etsi__importer etsi__import_ics_csv = { "ics-csv", parse, apply, free_plan };
