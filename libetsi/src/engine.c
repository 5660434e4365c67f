/*
 * The evaluation engine's entry points and its driver: one `eval` context,
 * the check phases run over it in the order of etsi__check_phases[], the
 * findings sorted, then, when the caller wants them, the results phases
 * (engine.h says what each file holds and how to add a rule).
 *
 * Everything is computed in one pass over indexes built once: maps from
 * component, mechanism, provision and (table, field) to what the rules
 * need, so the cost grows linearly with the dossier.  The results are
 * built as an XML document in the urn:libetsi:results:1 namespace and read
 * through the record API, the same document the report stylesheets read.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "diagnostic.h"
#include "engine.h"
#include "engine_impl.h"
#include "error.h"

int etsi_check_options_init(etsi_check_options *opts, unsigned int version)
{
	if (version == 1) {
		/* a caller built against version 1: its struct ends before flags */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, offsetof(etsi_check_options, flags));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_CHECK_OPTIONS_VERSION, "etsi_check_options");
}

/* ---- the phases ------------------------------------------------------ */

#define CATALOG ETSI__PHASE_CATALOG

/* In the order they run: a phase reads what the phases above it left in
 * the context.  The layer check reads the document as it is, before
 * validation; the rules after the schema run on an invalid dossier too
 * (they skip the records with schema errors), and need a catalog. */
const etsi__phase etsi__check_phases[] = {
	{ "layers", etsi__check_layers, 0 },
	{ "schema", etsi__check_schema, 0 },
	{ "facts", etsi__gather_facts, CATALOG },
	{ "index", etsi__index_dossier, CATALOG },
	{ "dut", etsi__check_dut, CATALOG },
	{ "boundary", etsi__check_boundary, CATALOG },
	{ "ics", etsi__check_ics, CATALOG },
	{ "specific", etsi__check_specific, CATALOG },
	{ "evidence", etsi__check_evidence, CATALOG },
	{ "claims", etsi__check_claims, CATALOG },
	{ "evidence-depth", etsi__check_evidence_depth, CATALOG },
	{ "plan", etsi__build_plan, CATALOG },
	{ "outcomes", etsi__build_outcomes, CATALOG },
	{ "verdicts", etsi__check_verdicts, CATALOG },
	{ "public-claim", etsi__check_public_claim, CATALOG },
	{ "waivers", etsi__check_waivers, CATALOG },
};
const size_t etsi__check_phase_count = ETSI__ARRAY_SIZE(etsi__check_phases);

/* Once the findings are sorted: the gate lists them as blockers. */
const etsi__phase etsi__results_phases[] = {
	{ "gate", etsi__build_gate, 0 },
	{ "findings", etsi__add_findings, 0 },
	{ "questions", etsi__add_questions, 0 },
	{ "summary", etsi__add_summary, 0 },
};
const size_t etsi__results_phase_count = ETSI__ARRAY_SIZE(etsi__results_phases);

#undef CATALOG

/* ---- driver ---------------------------------------------------------- */

static int set_as_of(eval *ev, const etsi_check_options *opts)
{
	if (opts && opts->as_of) {
		if (!etsi__valid_date(opts->as_of))
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
			                   "as_of \"%s\" is not a date YYYY-MM-DD", opts->as_of);
		snprintf(ev->as_of, sizeof(ev->as_of), "%s", opts->as_of);
	} else {
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(ev->as_of, sizeof(ev->as_of), "%Y-%m-%d", &tm);
	}
	return 0;
}

static void dispose(eval *ev)
{
	size_t i;

	for (i = 0; i < ev->presence.cap; i++) {
		presence *p = ev->presence.slots[i].value;

		if (ev->presence.slots[i].key && p) {
			etsi__free(p->missing);
			etsi__free(p);
		}
	}
	etsi__map_dispose(&ev->presence);
	etsi__map_dispose(&ev->soft_comp);
	etsi__map_dispose(&ev->upd_mech);
	etsi__map_dispose(&ev->used);
	etsi__map_dispose(&ev->evidence);
	etsi__map_dispose(&ev->waivers);
	etsi__map_dispose(&ev->waiver_used);
	etsi__map_dispose(&ev->planned);
	etsi__map_dispose(&ev->mixing_lines);
	etsi__map_dispose(&ev->schema_lines);
	etsi__map_dispose(&ev->skipped_lines);
	for (i = 0; i < ev->questions.len; i++)
		etsi__eval_question_free(ev->questions.items[i]);
	etsi__vec_dispose(&ev->questions);
	for (i = 0; i < ev->unknowns.cap; i++) {
		etsi__buf *b = ev->unknowns.slots[i].value;

		if (ev->unknowns.slots[i].key && b) {
			etsi__buf_dispose(b);
			etsi__free(b);
		}
	}
	etsi__map_dispose(&ev->unknowns);
	xmlFreeDoc(ev->rdoc);
}

int etsi__evaluate_with(etsi_diagnostics **diags_out, xmlDocPtr *doc_out, etsi_dossier *d,
                        const etsi_check_options *opts, const etsi__phase *phases, size_t n)
{
	eval ev;
	int error;
	unsigned int flags;
	size_t i;

	*diags_out = NULL;
	if (doc_out)
		*doc_out = NULL;
	ETSI__ASSERT_ARG(d);
	if (opts && opts->version != ETSI_CHECK_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_check_options version %u is unknown", opts->version);
	flags = opts && opts->version >= 2 ? opts->flags : 0;
	if (flags & ~ETSI_CHECK_UNGROUPED)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "unknown etsi_check_options flags 0x%x", flags);
	memset(&ev, 0, sizeof(ev));
	if ((error = set_as_of(&ev, opts)) < 0)
		return error;
	ev.d = d;
	ev.ds = &d->store;
	ev.cat = etsi_dossier_catalog(d);
	ev.file = etsi_dossier_path(d) ? etsi_dossier_path(d) : "<new dossier>";
	ev.overall = ETSI_OUTCOME_NOT_ASSESSED;
	ev.diags = etsi__diagnostics_new();
	/* a plain check builds no results document: the verdict rules need
	 * only the set of planned cases, and the claim rule the outcomes,
	 * which are built for it alone when the dossier claims conformance */
	if (!ev.diags || (doc_out && etsi__start_results(&ev, 1) < 0))
		goto oom;

	/* an invalid dossier is checked all the same, like a compiler goes on
	 * after the first error: the rules skip the records with schema
	 * errors; without a catalog (an unknown edition) there is nothing to
	 * check against */
	for (i = 0; i < n && !ev.oom; i++) {
		if (!(phases[i].needs & ETSI__PHASE_CATALOG) || ev.cat)
			phases[i].run(&ev);
	}
	if (etsi__eval_finish(&ev, !(flags & ETSI_CHECK_UNGROUPED)) < 0)
		goto oom;
	if (doc_out) {
		for (i = 0; i < etsi__results_phase_count && !ev.oom; i++)
			etsi__results_phases[i].run(&ev);
		if (ev.oom)
			goto oom;
		*doc_out = ev.rdoc;
		ev.rdoc = NULL;
	}
	*diags_out = ev.diags;
	ev.diags = NULL;
	error = ev.invalid ? ETSI_EVALIDATION : 0;
	dispose(&ev);
	return error;
oom:
	etsi_diagnostics_free(ev.diags);
	dispose(&ev);
	return etsi__error_oom();
}

int etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out, etsi_dossier *d,
                   const etsi_check_options *opts)
{
	return etsi__evaluate_with(diags_out, doc_out, d, opts, etsi__check_phases,
	                           etsi__check_phase_count);
}

int etsi_dossier_check(etsi_diagnostics **out, etsi_dossier *dossier,
                       const etsi_check_options *opts)
{
	etsi_diagnostics *diags;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	error = etsi__evaluate(&diags, NULL, dossier, opts);
	if (error < 0 && error != ETSI_EVALIDATION)
		return error;
	*out = diags;
	if (etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR)) {
		const etsi_diagnostic *first = NULL;
		size_t i;

		for (i = 0; i < etsi_diagnostics_count(diags) && !first; i++) {
			const etsi_diagnostic *d = etsi_diagnostics_at(diags, i);

			if (d->severity == ETSI_SEVERITY_ERROR && !d->waived)
				first = d;
		}
		return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER, first->file,
		                      first->line, first->column, "[%s] %s", first->rule,
		                      first->message);
	}
	return 0;
}

