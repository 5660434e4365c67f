/*
 * The release gate: the six steps from scoping the DUT to handing the
 * assessment over, each with its owner from the dossier's workflow and the
 * unwaived errors of its rules as blockers.
 */
#include <stdio.h>
#include <string.h>

#include "engine_impl.h"

static const struct step_def {
	const char *name;
	const char *title;
	const char *role;
	const char *question;
	const char *outputs[4];
} steps[] = {
	{ "scope", "Scope the DUT and its components", "product security lead",
	  "Is every software component of this release identified, with its updateability "
	  "decided?",
	  { "DUT identification: manufacturer, model designation, software version",
	    "the software components, each updateable or with a justified absence of updates",
	    "the constrained-device position, with its rationale", NULL } },
	{ "ics", "Map support and detail for every provision", "compliance owner",
	  "Does every provision of the edition have a support position, with the measure or "
	  "the reason written down?",
	  { "one ICS entry per provision, support Y, N or N/A",
	    "a justification for every N and N/A", NULL, NULL } },
	{ "mechanisms", "Describe the update mechanisms", "update architect",
	  "Is every update path described well enough for a laboratory to try to misuse it?",
	  { "the update mechanisms with their paths and trust relationships",
	    "7-UpdMech and 6-SoftComp rows with the fields the test cases read", NULL, NULL } },
	{ "procedures", "Procedures and timeliness", "release manager",
	  "Can a security fix reach users in the stated time frame, and is that confirmed?",
	  { "8-UpdProc with its time frame", "the 4-Conf confirmation of update procedures",
	    "9-ReplSup where software cannot be updated", NULL } },
	{ "user-info", "User-facing information", "technical writer",
	  "Can a user find the support period and the model designation, and learn about "
	  "updates?",
	  { "2-UserInfo: the support period and where it is published",
	    "the model designation as users see it",
	    "documentation of non-updatable software and replacement where it applies", NULL } },
	{ "handoff", "Hand the assessment over", "compliance owner",
	  "Can the laboratory test without coming back with questions, and do the verdicts "
	  "support what is claimed publicly?",
	  { "reviewed evidence with digests for every provision claimed Y",
	    "a test plan whose cases have all their inputs",
	    "verdicts for every selected test case before a public conformance claim", NULL } },
};

static void blocker(eval *ev, xmlNodePtr step, const char *rule, const char *element,
                    const char *message)
{
	xmlNodePtr b = add(ev, step, "blocker");

	attr(ev, b, "rule", rule);
	attr(ev, b, "element", element);
	set_text(ev, b, message);
}

static int gate_steps(eval *ev)
{
	int all_complete = 1;
	size_t s, i;

	for (s = 0; s < ETSI__ARRAY_SIZE(steps); s++) {
		etsi_record *assigned = etsi_dossier_find(ev->d, ETSI_KIND_STEP, steps[s].name);
		etsi_record *owner = assigned ? etsi_dossier_find(ev->d, ETSI_KIND_OWNER,
		                                                  get(assigned, "owner"))
		                              : NULL;
		xmlNodePtr node = add(ev, ev->r_gate, "step");
		int blocked = 0;

		attr(ev, node, "name", steps[s].name);
		attr(ev, node, "title", steps[s].title);
		attr(ev, node, "role", steps[s].role);
		attr(ev, node, "owner", owner ? get(owner, "name") : NULL);
		attr(ev, node, "owner-role", owner ? get(owner, "role") : NULL);
		attr(ev, node, "signed-off", assigned ? get(assigned, "signed-off") : NULL);
		text_child(ev, node, "question", steps[s].question);
		for (i = 0; i < ETSI__ARRAY_SIZE(steps[s].outputs) && steps[s].outputs[i]; i++)
			text_child(ev, node, "output", steps[s].outputs[i]);
		if (!owner) {
			char message[160];

			snprintf(message, sizeof(message),
			         "no owner: add <step name=\"%s\" owner=\"...\"/> to the workflow",
			         steps[s].name);
			blocker(ev, node, NULL, NULL, message);
			blocked = 1;
		}
		for (i = 0; i < etsi_diagnostics_count(ev->diags); i++) {
			const etsi_diagnostic *d = etsi_diagnostics_at(ev->diags, i);
			const etsi_rule *rule = etsi_rule_find(d->rule);

			if (d->waived || d->severity != ETSI_SEVERITY_ERROR || !rule ||
			    (strcmp(rule->step, steps[s].name) != 0 && strcmp(rule->step, "all") != 0))
				continue;
			blocker(ev, node, d->rule, d->element ? d->element : d->reference, d->message);
			blocked = 1;
		}
		if (strcmp(steps[s].name, "handoff") == 0 && ev->cases_not_ready) {
			char message[160];

			snprintf(message, sizeof(message),
			         "%zu of %zu test cases in the plan lack IXIT inputs", ev->cases_not_ready,
			         ev->cases_planned);
			blocker(ev, node, NULL, NULL, message);
			blocked = 1;
		}
		attr(ev, node, "status", blocked ? "blocked" : "complete");
		all_complete &= !blocked;
	}
	return all_complete;
}

/* Ready for release: every step complete, and nothing wrong. */
void etsi__build_gate(eval *ev)
{
	ev->ready = gate_steps(ev) && !ev->invalid &&
	            etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_ERROR) == 0;
}
