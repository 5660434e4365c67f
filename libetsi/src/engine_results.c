/*
 * The results document (urn:libetsi:results:1): its sections, which the
 * plan, outcomes and gate phases fill, then the findings, the open
 * questions and the summary.  It is read through the record API and by
 * the report stylesheets.
 */
#include <stdio.h>

#include "catalog_impl.h"
#include "engine_impl.h"
#include "error.h"
#include "xml.h"

/* The results document; without `full`, only its outcomes, which the
 * public-claim rule reads (a plain check builds nothing else). */
int etsi__start_results(eval *ev, int full)
{
	xmlNodePtr root;

	ev->rdoc = xmlNewDoc((const xmlChar *)"1.0");
	root = ev->rdoc ? xmlNewDocNode(ev->rdoc, NULL, (const xmlChar *)"results", NULL) : NULL;
	if (!root)
		return ETSI_ENOMEM;
	xmlDocSetRootElement(ev->rdoc, root);
	ev->rns = xmlNewNs(root, (const xmlChar *)ETSI__NS_RESULTS, NULL);
	if (!ev->rns)
		return ETSI_ENOMEM;
	xmlSetNs(root, ev->rns);
	if (!full) {
		ev->r_outcomes = add(ev, root, "outcomes");
		return ev->oom ? ETSI_ENOMEM : 0;
	}
	ev->r_summary = add(ev, root, "summary");
	ev->r_findings = add(ev, root, "findings");
	ev->r_plan = add(ev, root, "plan");
	ev->r_outcomes = add(ev, root, "outcomes");
	ev->r_gate = add(ev, root, "gate");
	ev->r_questions = add(ev, root, "open-questions");
	return ev->oom ? ETSI_ENOMEM : 0;
}

void etsi__add_findings(eval *ev)
{
	size_t i, k;

	for (i = 0; i < etsi_diagnostics_count(ev->diags); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(ev->diags, i);
		const etsi_rule *rule = etsi_rule_find(d->rule);
		xmlNodePtr f = add(ev, ev->r_findings, "finding");
		char line[24];

		snprintf(line, sizeof(line), "%d", d->line);
		attr(ev, f, "rule", d->rule);
		attr(ev, f, "severity", etsi_severity_name(d->severity));
		attr(ev, f, "layer", rule ? rule->layer : NULL);
		attr(ev, f, "step", rule ? rule->step : NULL);
		attr(ev, f, "file", d->file);
		attr(ev, f, "line", d->line ? line : NULL);
		attr(ev, f, "element", d->element);
		attr(ev, f, "reference", d->reference);
		attr(ev, f, "waived", d->waived ? "true" : "false");
		attr(ev, f, "waiver", d->waiver);
		attr(ev, f, "claim", d->claim);
		attr(ev, f, "fact", d->fact);
		snprintf(line, sizeof(line), "%d", d->fact_line);
		attr(ev, f, "fact-line", d->fact_line ? line : NULL);
		attr(ev, f, "id", d->id);
		attr(ev, f, "caused-by", d->caused_by);
		snprintf(line, sizeof(line), "%zu", d->count);
		attr(ev, f, "count", d->count > 1 ? line : NULL);
		text_child(ev, f, "message", d->message);
		text_child(ev, f, "hint", d->hint);
		for (k = 0; d->count > 1 && k < d->count; k++) {
			const etsi_occurrence *o = &d->occurrences[k];
			xmlNodePtr occ = add(ev, f, "occurrence");

			snprintf(line, sizeof(line), "%d", o->line);
			attr(ev, occ, "line", o->line ? line : NULL);
			attr(ev, occ, "element", o->element);
			attr(ev, occ, "reference", o->reference);
			attr(ev, occ, "claim", o->claim);
			set_text(ev, occ, o->message);
		}
	}
}

void etsi__add_questions(eval *ev)
{
	size_t i;

	for (i = 0; i < ev->questions.len; i++) {
		const question *q = ev->questions.items[i];
		xmlNodePtr node = add(ev, ev->r_questions, "question");
		char line[24];

		snprintf(line, sizeof(line), "%d", q->line);
		attr(ev, node, "step", q->step);
		attr(ev, node, "fact", q->fact);
		attr(ev, node, "element", q->element);
		attr(ev, node, "file", ev->file);
		attr(ev, node, "line", q->line > 0 ? line : NULL);
		attr(ev, node, "provisions", q->provisions);
		set_text(ev, node, q->message);
	}
}

/* The summary; an invalid dossier's outcome is NOT ASSESSED. */
void etsi__add_summary(eval *ev)
{
	etsi_outcome overall = ev->invalid ? ETSI_OUTCOME_NOT_ASSESSED : ev->overall;
	char n[4][24];
	size_t i, waived = 0;

	for (i = 0; i < etsi_diagnostics_count(ev->diags); i++)
		waived += etsi_diagnostics_at(ev->diags, i)->waived != 0;
	snprintf(n[0], sizeof(n[0]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_ERROR));
	snprintf(n[1], sizeof(n[1]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_WARNING));
	snprintf(n[2], sizeof(n[2]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_INFO));
	snprintf(n[3], sizeof(n[3]), "%zu", waived);
	attr(ev, ev->r_summary, "release", ev->release);
	attr(ev, ev->r_summary, "en303645", etsi_catalog_edition(ev->cat));
	attr(ev, ev->r_summary, "ts103701", etsi_catalog_ts_edition(ev->cat));
	attr(ev, ev->r_summary, "as-of", ev->as_of);
	attr(ev, ev->r_summary, "overall", etsi_outcome_name(overall));
	attr(ev, ev->r_summary, "ready", ev->ready ? "true" : "false");
	attr(ev, ev->r_summary, "errors", n[0]);
	attr(ev, ev->r_summary, "warnings", n[1]);
	attr(ev, ev->r_summary, "infos", n[2]);
	attr(ev, ev->r_summary, "waived", n[3]);
}
