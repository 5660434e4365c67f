/*
 * Verdict aggregation: the outcome of every provision of the clause, from
 * the verdicts of its test cases, its support and its applicability (FAIL
 * over INCONCLUSIVE over NOT ASSESSED over PASS); and the public-claim
 * rule, which reads those outcomes.
 */
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "engine_impl.h"
#include "xml.h"

static const char *const outcome_names[] = {
	[ETSI_OUTCOME_PASS] = "PASS",
	[ETSI_OUTCOME_FAIL] = "FAIL",
	[ETSI_OUTCOME_INCONCLUSIVE] = "INCONCLUSIVE",
	[ETSI_OUTCOME_NOT_ASSESSED] = "NOT ASSESSED",
	[ETSI_OUTCOME_NOT_APPLICABLE] = "NOT APPLICABLE",
};

const char *etsi_outcome_name(etsi_outcome outcome)
{
	return (unsigned)outcome < ETSI__ARRAY_SIZE(outcome_names) ? outcome_names[outcome] : NULL;
}

/* The aggregation rule: FAIL over INCONCLUSIVE over NOT ASSESSED over
 * PASS; NOT APPLICABLE takes no part. */
static etsi_outcome combine(etsi_outcome a, etsi_outcome b)
{
	static const int rank[] = {
		[ETSI_OUTCOME_NOT_APPLICABLE] = 0, [ETSI_OUTCOME_PASS] = 1,
		[ETSI_OUTCOME_NOT_ASSESSED] = 2, [ETSI_OUTCOME_INCONCLUSIVE] = 3,
		[ETSI_OUTCOME_FAIL] = 4,
	};

	return rank[b] > rank[a] ? b : a;
}

static etsi_outcome case_outcome(eval *ev, xmlNodePtr parent, const etsi_record *tc)
{
	const char *id = etsi_record_key(tc);
	etsi_record *v = etsi_dossier_find(ev->d, ETSI_KIND_VERDICT, id);
	const char *result = get(v, "result");
	/* a verdict carried from an earlier release counts once confirmed */
	etsi_outcome o = carried_unreviewed(v) ? ETSI_OUTCOME_NOT_ASSESSED
	                 : etsi__streq(result, "PASS") ? ETSI_OUTCOME_PASS
	                 : etsi__streq(result, "FAIL") ? ETSI_OUTCOME_FAIL
	                 : etsi__streq(result, "INCONCLUSIVE") ? ETSI_OUTCOME_INCONCLUSIVE
	                 : ETSI_OUTCOME_NOT_ASSESSED;
	xmlNodePtr node = add(ev, parent, "case");

	attr(ev, node, "id", id);
	attr(ev, node, "outcome", outcome_names[o]);
	attr(ev, node, "result", result);
	attr(ev, node, "by", get(v, "by"));
	attr(ev, node, "date", get(v, "date"));
	if (o == ETSI_OUTCOME_NOT_ASSESSED)
		ev->cases_unverdicted++;
	return o;
}

static etsi_outcome provision_outcomes(eval *ev)
{
	etsi_outcome overall = ETSI_OUTCOME_NOT_APPLICABLE;
	size_t i, j, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);

	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p), *support, *basis, *status = get(p, "status");
		etsi_record *entry, *group;
		etsi_outcome o = ETSI_OUTCOME_NOT_ASSESSED;
		etsi__buf why = ETSI__BUF_INIT;
		xmlNodePtr node;
		int applies;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		support = get(entry, "support");
		applies = etsi__eval_applicability(ev, p, &why);
		node = add(ev, ev->r_outcomes, "provision");
		attr(ev, node, "id", id);
		attr(ev, node, "status", get(p, "status-code"));
		attr(ev, node, "support", support);
		attr(ev, node, "applicable", applies == 1 ? "yes" : applies == 0 ? "no" : "unknown");
		if (!support) {
			basis = "undecided";
		} else if (strcmp(support, "Y") == 0) {
			basis = "tested";
			group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, id);
			o = group && etsi_record_child_count(group) ? ETSI_OUTCOME_PASS
			                                             : ETSI_OUTCOME_NOT_ASSESSED;
			for (j = 0; group && j < etsi_record_child_count(group); j++)
				o = combine(o, case_outcome(ev, node, etsi_record_child_at(group, j)));
		} else if (strcmp(support, "N") == 0 && etsi__streq(status, "M")) {
			basis = "declared-non-conformity";
			o = ETSI_OUTCOME_FAIL;
		} else if (etsi__streq(status, "R")) {
			/* a recommendation not met or not applicable stands or falls
			 * with the justification check */
			etsi_outcome j411 = ev->justification_case
			                    ? case_outcome(ev, node, ev->justification_case)
			                    : ETSI_OUTCOME_NOT_ASSESSED;

			basis = strcmp(support, "N") == 0 ? "justified" : "not-applicable";
			if (j411 != ETSI_OUTCOME_PASS)
				o = j411;
			else if (strcmp(support, "N") == 0)
				o = ETSI_OUTCOME_PASS;
			else
				/* an accepted justification does not outweigh the
				 * dossier's own facts saying the provision applies */
				o = applies == 1 ? ETSI_OUTCOME_NOT_ASSESSED : ETSI_OUTCOME_NOT_APPLICABLE;
		} else {
			/* a mandatory provision marked N/A: not applicable unless the
			 * dossier's own facts say it applies */
			basis = "not-applicable";
			o = applies == 1 || unconditional(p) ? ETSI_OUTCOME_NOT_ASSESSED
			                                      : ETSI_OUTCOME_NOT_APPLICABLE;
		}
		attr(ev, node, "outcome", outcome_names[o]);
		attr(ev, node, "basis", basis);
		text_child(ev, node, "reason", why.len ? why.ptr : NULL);
		etsi__buf_dispose(&why);
		overall = combine(overall, o);
	}
	return overall;
}

void etsi__build_outcomes(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);

	/* a plain check builds no results document: the claim rule reads the
	 * outcomes, built for it alone when the dossier claims conformance */
	if (!ev->rdoc && is_true(header, "public-conformance") && etsi__start_results(ev, 0) < 0) {
		OOM(ev);
		return;
	}
	if (ev->r_outcomes)
		ev->overall = provision_outcomes(ev);
}

/* A public conformance statement needs every selected test case to PASS
 * and no provision to fail on its own account (a declared non-conformity,
 * a refused justification).  Each test case and provision counts once. */
void etsi__check_public_claim(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	etsi__map counted = ETSI__MAP_INIT;
	size_t cases = 0, provisions = 0;
	const char *first = NULL;
	xmlNodePtr p, c;

	if (!is_true(header, "public-conformance"))
		return;
	for (p = ev->r_outcomes ? ev->r_outcomes->children : NULL; p; p = p->next) {
		const char *outcome = etsi__xml_attr(p, "outcome");
		int has_cases = 0;

		if (etsi__streq(outcome, "PASS") || etsi__streq(outcome, "NOT APPLICABLE"))
			continue;
		for (c = p->children; c; c = c->next) {
			const char *id = etsi__xml_attr(c, "id");
			int put;

			if (!etsi__xml_is(c, ETSI__NS_RESULTS, "case"))
				continue;
			has_cases = 1;
			if (etsi__streq(etsi__xml_attr(c, "outcome"), "PASS"))
				continue;
			put = etsi__map_put(&counted, id, c);
			if (put < 0)
				OOM(ev);
			if (put != 0)
				continue; /* the justification case, met again */
			first = first ? first : id;
			cases++;
		}
		/* a provision that fails with no failing case of its own (a
		 * declared non-conformity) or has no cases at all */
		if (!has_cases) {
			first = first ? first : etsi__xml_attr(p, "id");
			provisions++;
		}
	}
	etsi__map_dispose(&counted);
	if (cases || provisions)
		finding_in(ev, R_PUBLIC_CLAIM, "public-statement", NULL, first,
		        "the dossier states conformance publicly, but %zu selected test case%s and "
		        "%zu provision%s lack a PASS (first: %s)", cases, cases == 1 ? "" : "s",
		        provisions, provisions == 1 ? "" : "s", first);
}
