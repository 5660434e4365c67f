/*
 * The TS 103 701 test plan: the test cases of every provision claimed Y,
 * the justification case of the recommendations not met, the expected
 * failures of the mandatory provisions marked N; each case with the IXIT
 * inputs it reads and whether they are there.  Without a results document
 * (a plain check) the plan is only the set of planned cases, which the
 * verdict rules read.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "engine_impl.h"

static const char DISP_TEST[] = "test";
static const char DISP_JUSTIFY[] = "justification";
static const char DISP_FAIL[] = "expected-fail";

static void plan_case(eval *ev, const etsi_record *tc, const char *provision,
                      const char *disposition)
{
	const char *id = etsi_record_key(tc);
	xmlNodePtr node;
	int ready = 1;
	size_t i;

	if (etsi__map_get(&ev->planned, id))
		return; /* the justification case is planned once */
	if (etsi__map_put(&ev->planned, id, (void *)(uintptr_t)disposition) < 0) {
		OOM(ev);
		return;
	}
	if (!ev->r_plan)
		return; /* a plain check: the verdict rules need only the set */
	node = add(ev, ev->r_plan, "case");
	attr(ev, node, "id", id);
	attr(ev, node, "group", etsi_record_key(etsi_record_parent(tc)));
	/* the justification case belongs to the justification provision (4-1,
	 * V3: 5.0-1), not to the first recommendation that needed it */
	attr(ev, node, "provision", disposition == DISP_JUSTIFY
	                                ? get(etsi_record_parent(tc), "provision") : provision);
	attr(ev, node, "kind", get(tc, "kind"));
	attr(ev, node, "disposition", disposition);
	for (i = 0; i < etsi_record_child_count(tc); i++) {
		etsi_record *input = etsi_record_child_at(tc, i);
		const char *table = get(input, "table"), *field = get(input, "field");
		const presence *p = etsi__eval_input_presence(ev, table, field);
		xmlNodePtr in = add(ev, node, "input");

		if (!p)
			continue;
		attr(ev, in, "table", table);
		attr(ev, in, "field", field);
		attr(ev, in, "present", p->state > 0 ? "yes" : p->state == 0 ? "no" : "unchecked");
		set_text(ev, in, p->missing);
		if (p->state == 0)
			ready = 0;
	}
	attr(ev, node, "ready", ready ? "true" : "false");
	/* a fact the case's provision rests on is unknown: the laboratory is
	 * likely to come back with INCONCLUSIVE */
	if (disposition == DISP_TEST) {
		const etsi__buf *unknown = etsi__map_get(&ev->unknowns, provision);
		const char *at = unknown ? unknown->ptr : NULL;

		if (at) {
			attr(ev, node, "at-risk", "true");
			ev->cases_at_risk++;
		}
		while (at && *at) {
			size_t len = strcspn(at, "\n");
			xmlNodePtr u = add(ev, node, "unknown");
			char *text = etsi__strndup(at, len);

			if (!text)
				OOM(ev);
			else
				set_text(ev, u, text);
			etsi__free(text);
			at += len;
			at += *at == '\n';
		}
	}
	ev->cases_planned++;
	if (!ready)
		ev->cases_not_ready++;
}

void etsi__build_plan(eval *ev)
{
	size_t i, j, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);

	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p);
		etsi_record *entry, *group;
		const char *support, *disposition = NULL;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		support = get(entry, "support");
		if (!support)
			continue;
		if (strcmp(support, "Y") == 0)
			disposition = DISP_TEST;
		else if (strcmp(support, "N") == 0 && etsi__streq(get(p, "status"), "M"))
			disposition = DISP_FAIL;
		else if (etsi__streq(get(p, "status"), "R"))
			disposition = DISP_JUSTIFY;
		if (disposition == DISP_JUSTIFY) {
			if (ev->justification_case)
				plan_case(ev, ev->justification_case, id, DISP_JUSTIFY);
			continue;
		}
		if (!disposition)
			continue;
		group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, id);
		for (j = 0; group && j < etsi_record_child_count(group); j++)
			plan_case(ev, etsi_record_child_at(group, j), id, disposition);
	}
}
