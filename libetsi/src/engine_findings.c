/*
 * The findings sink of the evaluation engine: the rule table made into
 * etsi_rule rows, the findings and open questions phases report into the
 * context (a finding waived, or skipped on a line with a schema error),
 * and the order findings are sorted in.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diagnostic.h"
#include "engine_impl.h"
#include "error.h"
#include "xml.h"

/* ---- the rule table -------------------------------------------------- */

#define E ETSI_SEVERITY_ERROR
#define W ETSI_SEVERITY_WARNING
#define I ETSI_SEVERITY_INFO

static const etsi_rule rules[R__COUNT] = {
#define ETSI__RULE(name, ...) [R_##name] = { __VA_ARGS__ },
#include "engine_rules.h"
#undef ETSI__RULE
};

#undef E
#undef W
#undef I

const etsi_rule *etsi_rule_at(size_t i)
{
	return i < R__COUNT ? &rules[i] : NULL;
}

const etsi_rule *etsi_rule_find(const char *id)
{
	size_t i;

	for (i = 0; id && i < R__COUNT; i++) {
		if (strcmp(rules[i].id, id) == 0)
			return &rules[i];
	}
	return NULL;
}

/* Records a finding for rule r at record `at`, waived when a waiver names
 * the rule and the element or the reference. */
static void vfinding(eval *ev, int r, int line, const char *element, const char *reference,
                     const char *claim, const char *fact, int fact_line, int cause,
                     const char *cause_element, const char *fmt, va_list ap)
{
	etsi__buf key = ETSI__BUF_INIT;
	etsi_record *waiver = NULL;
	etsi__where where;

	if (ev->invalid && r != R_SCHEMA && r != R_LAYER_MIXING && line) {
		char at[24];

		/* a record with a schema error is skipped: what a rule says of
		 * it rests on values the schema rejected */
		snprintf(at, sizeof(at), "%d", line);
		if (etsi__map_get(&ev->schema_lines, at)) {
			if (etsi__map_put(&ev->skipped_lines, at, ev) < 0)
				OOM(ev);
			return;
		}
	}
	if (element) {
		etsi__buf_printf(&key, "%s\n%s", rules[r].id, element);
		waiver = key.ptr ? etsi__map_get(&ev->waivers, key.ptr) : NULL;
	}
	if (!waiver && reference) {
		etsi__buf_dispose(&key);
		etsi__buf_printf(&key, "%s\n%s", rules[r].id, reference);
		waiver = key.ptr ? etsi__map_get(&ev->waivers, key.ptr) : NULL;
	}
	if (key.failed) {
		OOM(ev);
		goto done;
	}
	if (waiver && etsi__map_put(&ev->waiver_used, etsi_record_key(waiver), waiver) < 0)
		OOM(ev);
	memset(&where, 0, sizeof(where));
	where.file = ev->file;
	where.line = line;
	where.rule = rules[r].id;
	where.element = element;
	where.reference = reference;
	where.waiver = waiver ? etsi_record_key(waiver) : NULL;
	where.claim = claim;
	where.fact = fact;
	where.fact_line = fact_line;
	where.cause_rule = cause_element ? rules[cause].id : NULL;
	where.cause_element = cause_element;
	if (etsi__diagnostics_vadd(ev->diags, rules[r].severity, &where, rules[r].hint, fmt,
	                           ap) < 0)
		OOM(ev);
done:
	etsi__buf_dispose(&key);
}

void etsi__eval_at(eval *ev, int r, const etsi_record *at, const char *element,
                   const char *reference, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, etsi_record_line(at), element, reference, NULL, NULL, 0, 0, NULL, fmt,
	         ap);
	va_end(ap);
}

void etsi__eval_caused(eval *ev, int r, const etsi_record *at, const char *reference,
                       int cause, const char *cause_element, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, etsi_record_line(at), NULL, reference, NULL, NULL, 0, cause,
	         cause_element, fmt, ap);
	va_end(ap);
}

void etsi__eval_finding(eval *ev, int r, int line, const char *element, const char *reference,
                        const char *claim, const char *fact, int fact_line, const char *fmt,
                        ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, line, element, reference, claim, fact, fact_line, 0, NULL, fmt, ap);
	va_end(ap);
}

void etsi__eval_question_free(question *q)
{
	if (!q)
		return;
	etsi__free(q->fact);
	etsi__free(q->element);
	etsi__free(q->provisions);
	etsi__free(q->message);
	etsi__free(q);
}

/* Notes an unknown fact for each provision: their test cases are at risk. */
static void note_unknown(eval *ev, const char *provisions, const char *fact)
{
	const char *p = provisions;

	while (p && *p) {
		size_t len = strcspn(p, " ");
		char id[32];
		etsi__buf *list;

		if (len && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			list = etsi__map_get(&ev->unknowns, id);
			if (!list) {
				list = etsi__calloc(1, sizeof(*list));
				if (!list || etsi__map_put(&ev->unknowns, id, list) < 0) {
					etsi__free(list);
					OOM(ev);
					return;
				}
			}
			etsi__buf_printf(list, "%s%s", list->len ? "\n" : "", fact);
			if (list->failed)
				OOM(ev);
		}
		p += len;
		p += strspn(p, " ");
	}
}

void etsi__eval_question(eval *ev, const char *step, const char *fact, const char *element,
                         int line, const char *provisions, const char *fmt, ...)
{
	question *q = etsi__calloc(1, sizeof(*q));
	etsi__buf message = ETSI__BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	etsi__buf_vprintf(&message, fmt, ap);
	va_end(ap);
	if (q) {
		q->step = step;
		q->fact = etsi__strdup(fact);
		q->element = element ? etsi__strdup(element) : NULL;
		q->line = line;
		q->provisions = etsi__strdup(provisions);
		q->message = etsi__buf_detach(&message);
	}
	if (!q || !q->fact || (element && !q->element) || !q->provisions || !q->message ||
	    etsi__vec_push(&ev->questions, q) < 0) {
		etsi__eval_question_free(q);
		etsi__buf_dispose(&message);
		OOM(ev);
		return;
	}
	note_unknown(ev, provisions, fact);
}

void etsi__eval_in(eval *ev, int r, const char *section, const char *element,
                   const char *reference, const char *fmt, ...)
{
	xmlNodePtr root = xmlDocGetRootElement(ev->ds->docs[0]);
	xmlNodePtr node = etsi__xml_child(root, ETSI__NS_DOSSIER, section);
	va_list ap;

	if (!node) /* a path such as header/public-statement */
		node = etsi__xml_child(etsi__xml_child(root, ETSI__NS_DOSSIER, "header"),
		                       ETSI__NS_DOSSIER, section);
	va_start(ap, fmt);
	vfinding(ev, r, etsi__xml_line(node ? node : root), element, reference, NULL, NULL, 0, 0,
	         NULL, fmt, ap);
	va_end(ap);
}

static int rule_index(const char *id)
{
	const etsi_rule *rule = etsi_rule_find(id);

	return rule ? (int)(rule - rules) : R__COUNT;
}

/* The hint of the summary of records skipped on an invalid dossier. */
static const char SKIPPED_HINT[] =
	"fix the schema errors and check again: the skipped records may have more findings";

static int is_skipped_note(const etsi_diagnostic *d)
{
	return d->hint && strcmp(d->hint, SKIPPED_HINT) == 0;
}

static int finding_order(const etsi_diagnostic *a, const etsi_diagnostic *b)
{
	int ra = rule_index(a->rule), rb = rule_index(b->rule);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	/* the summary of skipped records follows the schema errors it sums up,
	 * so the first error a caller reports is a real one */
	if (is_skipped_note(a) != is_skipped_note(b))
		return is_skipped_note(a) ? 1 : -1;
	return (a->line > b->line) - (a->line < b->line);
}

/* The summary of what the rules skipped on an invalid dossier. */
static void note_skipped(eval *ev)
{
	etsi__where where;
	size_t n = ev->skipped_lines.len;

	memset(&where, 0, sizeof(where));
	where.file = ev->file;
	where.line = etsi__xml_line(xmlDocGetRootElement(ev->ds->docs[0]));
	where.rule = rules[R_SCHEMA].id;
	if (etsi__diagnostics_add(ev->diags, rules[R_SCHEMA].severity, &where, SKIPPED_HINT,
	                          "%zu record%s skipped because of schema errors: the rules "
	                          "did not check %s", n, n == 1 ? "" : "s",
	                          n == 1 ? "it" : "them") < 0)
		OOM(ev);
}

int etsi__eval_finish(eval *ev, int grouped)
{
	if (ev->skipped_lines.len)
		note_skipped(ev);
	if (ev->oom || etsi__diagnostics_sort(ev->diags, finding_order) < 0 ||
	    etsi__diagnostics_group(ev->diags, grouped) < 0)
		return ETSI_ENOMEM;
	return 0;
}
