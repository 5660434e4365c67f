/*
 * The structural checks: the dossier as a document (layer mixing, the
 * schema), the DUT and its update boundary, the ICS and the IXIT inputs of
 * the provisions claimed Y, 5.3-10 and the replacement provisions, the
 * evidence items and their artifacts, the verdicts, and the waivers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "diagnostic.h"
#include "engine_impl.h"
#include "error.h"
#include "xml.h"

/* ---- check rules ----------------------------------------------------- */

static int blank(const etsi_record *r, const char *field)
{
	return etsi__is_blank(get(r, field));
}

void etsi__check_dut(eval *ev)
{
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	static const char *const fields[] = { "manufacturer", "model-designation",
	                                      "software-version" };
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(fields); i++) {
		if (blank(dut, fields[i]))
			finding(ev, R_DUT_IDENTIFICATION, dut, "dut", NULL,
			        "the DUT has no %s", fields[i]);
	}
	/* V2.1.1's conditions 4 and 5 read the constrained position; V3.1.3's
	 * condition 15 reads whether a constraint prevents updates */
	if (etsi_catalog_find(ev->cat, ETSI_KIND_CONDITION, "5") ? !get(dut, "constrained")
	    : (!get(dut, "constrained") && !get(dut, "prevents-update-mechanism")))
		finding(ev, R_DUT_CONSTRAINT_UNSTATED, dut, "dut", NULL,
		        "the DUT does not say whether it is a constrained device%s",
		        etsi_catalog_find(ev->cat, ETSI_KIND_CONDITION, "5")
		            ? "" : " or whether a resource constraint prevents an update mechanism");
	if ((is_true(dut, "constrained") || is_true(dut, "prevents-update-mechanism")) &&
	    blank(dut, "rationale"))
		finding(ev, R_CONSTRAINED_RATIONALE, dut, "dut", NULL,
		        "the DUT is declared %s without a rationale",
		        is_true(dut, "prevents-update-mechanism")
		            ? "unable to host an update mechanism" : "constrained");
}

void etsi__check_boundary(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);

	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		const char *id = etsi_record_key(c), *u = get(c, "updateable");
		size_t mechanisms = etsi_record_value_count(c, "mechanism");

		if (etsi__streq(u, "undecided"))
			finding(ev, R_BOUNDARY_UNDECIDED, c, id, NULL,
			        "component '%s' has no decision on whether it can be updated", id);
		if (etsi__streq(u, "true") && !mechanisms)
			finding(ev, R_BOUNDARY_UNCOVERED, c, id, NULL,
			        "component '%s' is updateable but names no update mechanism", id);
		if (etsi__streq(u, "false") &&
		    (!get(c, "no-update-reason") || blank(c, "no-update-justification")))
			finding(ev, R_BOUNDARY_ABSENCE, c, id, NULL,
			        "component '%s' cannot be updated and %s", id,
			        get(c, "no-update-reason") ? "its no-update element gives no reason "
			                                     "in words"
			                                   : "has no no-update element");
		if (etsi__streq(u, "false") && mechanisms)
			finding(ev, R_BOUNDARY_CONTRADICTION, c, id, NULL,
			        "component '%s' is declared not updateable but names mechanism '%s'",
			        id, etsi_record_value_at(c, "mechanism", 0));
		for (j = 0; j < mechanisms; j++) {
			const char *mid = etsi_record_value_at(c, "mechanism", j);
			etsi_record *m = etsi_dossier_find(ev->d, ETSI_KIND_MECHANISM, mid);

			if (m && etsi__streq(get(m, "implemented"), "false"))
				finding(ev, R_BOUNDARY_NOT_IMPLEMENTED, c, id, NULL,
				        "component '%s' relies on mechanism '%s', which is not implemented",
				        id, mid);
		}
		if (!etsi__map_get(&ev->soft_comp, id))
			finding(ev, R_IXIT_ROW_MISSING, c, id, NULL,
			        "component '%s' has no 6-SoftComp row", id);
	}
	n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *id = etsi_record_key(m);

		if (!etsi__map_get(&ev->used, id))
			finding(ev, R_BOUNDARY_UNUSED, m, id, NULL,
			        "mechanism '%s' updates no component", id);
		if (!etsi__streq(get(m, "implemented"), "false") &&
		    !etsi__map_get(&ev->upd_mech, id))
			finding(ev, R_IXIT_ROW_MISSING, m, id, NULL,
			        "mechanism '%s' has no 7-UpdMech row", id);
	}
}

static int input_rule(const char *table)
{
	switch (atoi(table)) {
	case 2:
		return R_IXIT_USER_INFO;
	case 4:
	case 8:
	case 9:
		return R_IXIT_PROCEDURE_INPUT;
	default:
		return R_IXIT_MECHANISM_INPUT;
	}
}

/* A provision claimed Y needs the IXIT inputs of its test cases. */
static void check_inputs(eval *ev, const etsi_record *entry, const char *provision)
{
	etsi_record *group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, provision);
	etsi__map seen = ETSI__MAP_INIT;
	size_t i, j;

	for (i = 0; group && i < etsi_record_child_count(group); i++) {
		etsi_record *tc = etsi_record_child_at(group, i);

		for (j = 0; j < etsi_record_child_count(tc); j++) {
			etsi_record *input = etsi_record_child_at(tc, j);
			const char *table = get(input, "table"), *field = get(input, "field");
			etsi__buf key = ETSI__BUF_INIT;
			const presence *p;
			int put, whole_row;

			p = etsi__eval_input_presence(ev, table, field);
			/* every field of a row that is not there at all: one finding
			 * for the table, which follows from the missing row */
			whole_row = p && p->state == 0 && p->rowless && !p->partial;
			etsi__buf_printf(&key, "%s %s", table, field && !whole_row ? field : "");
			put = key.failed ? ETSI_ENOMEM : etsi__map_put(&seen, key.ptr, input);
			etsi__buf_dispose(&key);
			if (put < 0)
				OOM(ev);
			if (put != 0 || !p || p->state != 0)
				continue; /* asked by several test cases: reported once */
			if (whole_row)
				caused_finding(ev, input_rule(table), entry, provision, R_IXIT_ROW_MISSING,
				               p->rowless, "%s is claimed Y, but its test cases read the "
				               "%s rows: %s", provision, table, p->missing);
			else
				caused_finding(ev, input_rule(table), entry, provision, R_IXIT_ROW_MISSING,
				               p->rowless,
				               "%s is claimed Y, but its test cases read %s%s%s: %s",
				               provision, table, field ? " " : "", field ? field : "",
				               p->missing);
		}
	}
	etsi__map_dispose(&seen);
}

void etsi__check_ics(eval *ev)
{
	size_t i, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p), *support, *status = get(p, "status");
		etsi_record *entry;
		etsi__buf why = ETSI__BUF_INIT;
		int applies;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		if (!entry) {
			finding_in(ev, R_ICS_ENTRY_MISSING, "ics", NULL, id,
			           "provision %s of EN 303 645 V%s has no ICS entry", id,
			           etsi_catalog_edition(ev->cat));
			continue;
		}
		support = get(entry, "support");
		applies = etsi__eval_applicability(ev, p, &why);
		if (why.failed)
			OOM(ev);
		if (carried_unreviewed(entry))
			finding(ev, R_ICS_NEEDS_REVIEW, entry, NULL, id,
			        "the ICS entry for %s was carried from release %s and has not been "
			        "reviewed for %s", id, get(entry, "carried-from"), ev->release);
		if (!support) {
			finding(ev, R_ICS_SUPPORT_MISSING, entry, NULL, id,
			        "the ICS entry for %s states no support", id);
		} else if (strcmp(support, "N/A") == 0) {
			if (unconditional(p))
				finding(ev, R_ICS_NA_UNCONDITIONAL, entry, NULL, id,
				        "%s is unconditional (%s) and cannot be N/A", id,
				        get(p, "status-code"));
			else if (applies == 1)
				finding(ev, R_ICS_NA_CONTRADICTS, entry, NULL, id,
				        "%s (%s) is marked N/A, but it applies: %s%s", id,
				        get(p, "status-code"), why.ptr ? why.ptr : "",
				        ev->constrained.value == 1
				            ? " (being constrained is not a blanket exemption)" : "");
			if (blank(entry, "detail"))
				finding(ev, R_ICS_JUSTIFICATION_MISSING, entry, NULL, id,
				        "%s is marked N/A without a rationale in its detail", id);
		} else if (strcmp(support, "N") == 0) {
			if (etsi__streq(status, "M"))
				finding(ev, R_ICS_MANDATORY_NOT_MET, entry, NULL, id,
				        "%s is mandatory (%s) and is marked N", id, get(p, "status-code"));
			if (blank(entry, "detail"))
				finding(ev, R_ICS_JUSTIFICATION_MISSING, entry, NULL, id,
				        "%s is marked N without saying why in its detail", id);
		} else {
			if (applies == 0)
				finding(ev, R_ICS_CLAIM_NOT_APPLICABLE, entry, NULL, id,
				        "%s (%s) is marked Y, but it does not apply: %s", id,
				        get(p, "status-code"), why.ptr ? why.ptr : "");
			if (blank(entry, "detail"))
				finding(ev, R_ICS_DETAIL_MISSING, entry, NULL, id,
				        "%s is marked Y without describing the measure", id);
			check_inputs(ev, entry, id);
			if (!etsi__map_get(&ev->evidence, id) ||
			    get(etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL), "evidence-policy-owner")) {
				/* policy, not the standard: libetsi's default asks for one
				 * item; the header's evidence-policy (owned and dated) sets
				 * the number, an ICS entry's evidence-items one provision's */
				const etsi_record *hdr = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
				const char *owner = get(hdr, "evidence-policy-owner");
				const char *want = !owner ? NULL
				                   : get(entry, "evidence-items") ? get(entry, "evidence-items")
				                                                  : get(hdr, "evidence-policy-items");
				unsigned long need = want ? strtoul(want, NULL, 10) : 1;
				size_t have = 0, k, items = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

				for (k = 0; k < items && have < need; k++)
					if (etsi__streq(get(etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, k),
					                    "provision"), id))
						have++;
				if (have < need && !owner)
					finding(ev, R_EVIDENCE_MISSING, entry, NULL, id,
					        "%s is claimed Y but no evidence item is filed under it%s", id,
					        get(entry, "evidence-items")
					            ? " (its evidence-items counts only under an owned "
					              "evidence-policy in the header)" : "");
				else if (have < need)
					finding(ev, R_EVIDENCE_MISSING, entry, NULL, id,
					        "%s is claimed Y with %zu evidence item%s; the evidence policy "
					        "of %s (%s) asks for %lu", id, have, have == 1 ? "" : "s",
					        owner, get(hdr, "evidence-policy-date")
					                   ? get(hdr, "evidence-policy-date") : "undated",
					        need);
			}
		}
		etsi__buf_dispose(&why);
	}
}

/* 5.3-10 and the replacement provisions, beyond their IXIT inputs. */
void etsi__check_specific(eval *ev)
{
	etsi_record *e10 = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, "5.3-10");
	etsi_record *p10 = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, "5.3-10");
	static const char *const replacement[] = { "5.3-15", "5.3-15A", "5.3-15B" };
	int relaxed = 1;
	size_t i, n;

	if (p10 && !etsi__streq(get(e10, "support"), "N")) {
		n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
		for (i = 0; i < n; i++) {
			etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);

			if (is_true(m, "network") && !etsi__streq(get(m, "implemented"), "false") &&
			    !get(m, "trust"))
				finding(ev, R_MECHANISM_TRUST, m, etsi_record_key(m), "5.3-10",
				        "mechanism '%s' is delivered over a network but states no trust "
				        "relationship", etsi_record_key(m));
		}
	}
	/* software that cannot be updated needs replacement support where the
	 * replacement provisions apply (V2.1.1: on a constrained device too),
	 * unless the ICS declines them with a reason */
	if (ev->not_updateable.value != 1 || etsi_dossier_count(ev->d, ETSI_KIND_REPL_SUP))
		return;
	for (i = 0; i < ETSI__ARRAY_SIZE(replacement); i++) {
		etsi_record *p = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, replacement[i]);
		etsi_record *e = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, replacement[i]);
		etsi__buf why = ETSI__BUF_INIT;

		if (p && is_clause_53(p) && etsi__eval_applicability(ev, p, &why) == 1 &&
		    !etsi__streq(get(e, "support"), "N"))
			relaxed = 0;
		etsi__buf_dispose(&why);
	}
	if (!relaxed)
		finding(ev, R_CONSTRAINED_REPLACEMENT,
		        etsi_dossier_find(ev->d, ETSI_KIND_COMPONENT, ev->not_updateable.witness),
		        ev->not_updateable.witness, NULL,
		        "component '%s' cannot be updated, and no 9-ReplSup row says how the "
		        "device is isolated and its hardware replaced", ev->not_updateable.witness);
}

void etsi__check_evidence(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		const char *id = etsi_record_key(e), *provision = get(e, "provision");
		const char *category = get(e, "category"), *review = get(e, "review");
		etsi_record *p = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, provision);
		etsi_record *entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, provision);
		const char *fit = get(p, "evidence-categories");
		int external = 0;

		if (fit && category && *category && strcmp(category, "other") != 0) {
			size_t len = strlen(category);
			const char *at = fit;
			int found = 0;

			while (!found && (at = strstr(at, category))) {
				found = (at == fit || at[-1] == ' ') && (at[len] == ' ' || !at[len]);
				at += len;
			}
			if (!found)
				finding(ev, R_EVIDENCE_CATEGORY, e, id, provision,
				        "evidence '%s' is a %s, which cannot show %s; fitting categories "
				        "are: %s", id, category, provision, fit);
		}
		if (etsi__streq(get(entry, "support"), "N/A"))
			finding(ev, R_EVIDENCE_NOT_CLAIMED, e, id, provision,
			        "evidence '%s' is filed under %s, which the ICS marks N/A", id,
			        provision);
		/* carried forward and marked needs-review (etsi release): the
		 * needs-review finding says it all, once */
		if (ev->release && !etsi__streq(get(e, "release"), ev->release) &&
		    (!get(e, "carried-from") || !get(e, "reviewed-by") || !get(e, "reviewed-on")) &&
		    !(etsi__streq(review, "needs-review") && carried_unreviewed(e)))
			finding(ev, R_EVIDENCE_RELEASE, e, id, provision,
			        "evidence '%s' was produced for release %s, not %s, and %s", id,
			        get(e, "release"), ev->release,
			        get(e, "carried-from") ? "its carry-forward records no review"
			                               : "was not carried forward");
		if (etsi__streq(review, "needs-review") && carried_unreviewed(e))
			finding(ev, R_EVIDENCE_NEEDS_REVIEW, e, id, provision,
			        "evidence '%s' was carried from release %s and needs review for %s",
			        id, get(e, "carried-from"), ev->release);
		else if (etsi__streq(review, "needs-review"))
			finding(ev, R_EVIDENCE_NEEDS_REVIEW, e, id, provision,
			        "evidence '%s' needs review", id);
		else if (etsi__streq(review, "draft"))
			finding(ev, R_EVIDENCE_DRAFT, e, id, provision,
			        "evidence '%s' is a draft", id);
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *expires;

			if (etsi_record_kind(a) == ETSI_KIND_COVERS) {
				external = 1;
				continue;
			}
			/* a git object id pins an artifact as well as a SHA-256 */
			if (!get(a, "sha256") && !get(a, "git-oid"))
				finding(ev, R_ARTIFACT_DIGEST, a, etsi_record_key(a), provision,
				        "artifact '%s' (%s) has no SHA-256 digest", etsi_record_key(a),
				        get(a, "ref"));
			expires = get(a, "expires");
			if (expires && strcmp(expires, ev->as_of) < 0)
				finding(ev, R_ARTIFACT_EXPIRED, a, etsi_record_key(a), provision,
				        "artifact '%s' expired on %s (checked as of %s)",
				        etsi_record_key(a), expires, ev->as_of);
		}
		/* any external element, even an empty one, claims external evidence */
		if (external || etsi__xml_child(e->node, ETSI__NS_DOSSIER, "external")) {
			const char *lacking = blank(e, "external-scope") ? "its scope"
			                      : !external ? "the test cases it covers"
			                      : !get(e, "external-assurance") ? "its assurance depth"
			                      : NULL;

			if (lacking)
				finding(ev, R_EVIDENCE_EXTERNAL, e, id, provision,
				        "external evidence '%s' does not state %s", id, lacking);
		}
	}
}

void etsi__check_verdicts(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);

	for (i = 0; i < n; i++) {
		etsi_record *v = etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i);
		const char *tc = get(v, "case"), *result = get(v, "result");
		etsi_record *party = etsi_dossier_find(ev->d, ETSI_KIND_PARTY, get(v, "by"));

		if (!etsi__map_get(&ev->planned, tc))
			finding(ev, R_VERDICT_NOT_PLANNED, v, NULL, tc,
			        "a verdict is recorded for %s, which the test plan does not select", tc);
		if (!etsi__streq(result, "PASS") && !etsi_record_value_count(v, "indication"))
			finding(ev, R_VERDICT_INDICATION, v, NULL, tc,
			        "the %s verdict for %s records no indication", result, tc);
		if (party && !etsi__streq(get(party, "role"), "TL"))
			finding(ev, R_VERDICT_NOT_LABORATORY, v, NULL, tc,
			        "the verdict for %s was recorded by '%s' (%s), not a test laboratory",
			        tc, get(v, "by"), get(party, "role") ? get(party, "role") : "no role");
		if (carried_unreviewed(v))
			finding(ev, R_VERDICT_NEEDS_REVIEW, v, NULL, tc,
			        "the %s verdict for %s was carried from release %s and has not been "
			        "confirmed for %s", result, tc, get(v, "carried-from"), ev->release);
	}
}

/* ---- layer mixing (before validation: the document may be invalid) --- */

static int dossier_row_id(const eval *ev, const char *value)
{
	etsi_record *r = etsi_dossier_find(ev->d, ETSI_KIND_SOFT_COMP, value);

	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_UPD_MECH, value);
	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_UPD_PROC, value);
	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_REPL_SUP, value);
	return r != NULL;
}

static void mixing(eval *ev, const etsi_record *r, const char *what, const char *value,
                   const char *expected, const char *found)
{
	char line[24];

	snprintf(line, sizeof(line), "%d", etsi_record_line(r));
	if (etsi__map_put(&ev->mixing_lines, line, ev) < 0) /* any non-NULL value */
		OOM(ev);
	finding(ev, R_LAYER_MIXING, r, etsi_record_key(r), value,
	        "%s names %s %s where %s is expected", what, found, value, expected);
}

void etsi__check_layers(eval *ev)
{
	static const struct {
		etsi_kind kind;
		const char *field;
		int expect;   /* ETSI__SHAPE_* */
	} refs[] = {
		{ ETSI_KIND_ICS_ENTRY, "provision", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_EVIDENCE, "provision", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_PLAN_CASE, "group", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_PLAN_CASE, "id", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_VERDICT, "case", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_COVERS, "test-case", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_PLAN_INPUT, "table", ETSI__SHAPE_TABLE },
	};
	static const char *const names[] = {
		[ETSI__SHAPE_OTHER] = "the value", [ETSI__SHAPE_PROVISION] = "the EN 303 645 provision",
		[ETSI__SHAPE_TEST_CASE] = "the TS 103 701 test case",
		[ETSI__SHAPE_TABLE] = "the TS 103 701 IXIT table",
		[ETSI__SHAPE_ID] = "the dossier id"
	};
	static const char *const expected[] = {
		[ETSI__SHAPE_PROVISION] = "an EN 303 645 provision such as 5.3-2",
		[ETSI__SHAPE_TEST_CASE] = "a TS 103 701 test case such as 5.3-2-1",
		[ETSI__SHAPE_TABLE] = "a TS 103 701 IXIT table such as 7-UpdMech",
	};
	size_t r, i, n;

	for (r = 0; r < ETSI__ARRAY_SIZE(refs); r++) {
		n = etsi_dossier_count(ev->d, refs[r].kind);
		for (i = 0; i < n; i++) {
			etsi_record *rec = etsi_dossier_at(ev->d, refs[r].kind, i);
			const char *value = get(rec, refs[r].field);
			int shape = etsi__id_shape(value);
			char what[96];

			if (!value || shape == refs[r].expect)
				continue;
			snprintf(what, sizeof(what), "%s field '%s'", etsi_kind_name(refs[r].kind),
			         refs[r].field);
			if (shape == ETSI__SHAPE_ID && refs[r].expect != ETSI__SHAPE_TABLE &&
			    dossier_row_id(ev, value))
				mixing(ev, rec, what, value, expected[refs[r].expect],
				       "the TS 103 701 IXIT row");
			else if (shape == ETSI__SHAPE_PROVISION || shape == ETSI__SHAPE_TEST_CASE ||
			         shape == ETSI__SHAPE_TABLE)
				mixing(ev, rec, what, value, expected[refs[r].expect], names[shape]);
		}
	}
}

/* Schema and reference diagnostics become findings of rule "schema",
 * except those on a line layer-mixing already explained. */
static int add_schema_findings(eval *ev, const etsi_diagnostics *valid)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(valid); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(valid, i);
		etsi__where where;
		char line[24];

		snprintf(line, sizeof(line), "%d", d->line);
		if (d->line && d->severity == ETSI_SEVERITY_ERROR &&
		    etsi__map_put(&ev->schema_lines, line, ev) < 0)
			return ETSI_ENOMEM;
		if (d->line && etsi__map_get(&ev->mixing_lines, line))
			continue;
		memset(&where, 0, sizeof(where));
		where.file = d->file;
		where.line = d->line;
		where.column = d->column;
		where.rule = etsi_rule_at(R_SCHEMA)->id;
		where.element = d->element;
		where.reference = d->reference;
		if (etsi__diagnostics_add(ev->diags, d->severity, &where, d->hint, "%s",
		                          d->message) < 0)
			return ETSI_ENOMEM;
	}
	return 0;
}

void etsi__check_schema(eval *ev)
{
	etsi_diagnostics *valid = NULL;
	int error = etsi_dossier_validate(&valid, ev->d);

	if (error == ETSI_ENOMEM || add_schema_findings(ev, valid) < 0)
		OOM(ev);
	else
		ev->invalid = error < 0 ||
		              etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_ERROR);
	etsi_diagnostics_free(valid);
}

/* ---- waivers: last, when every finding is made ----------------------- */

void etsi__check_waivers(eval *ev)
{
	size_t i;

	for (i = 0; i < etsi_dossier_count(ev->d, ETSI_KIND_WAIVER); i++) {
		etsi_record *w = etsi_dossier_at(ev->d, ETSI_KIND_WAIVER, i);
		etsi__buf key = ETSI__BUF_INIT;

		etsi__buf_printf(&key, "%s\n%s", get(w, "rule"), get(w, "target"));
		if (key.ptr && etsi__map_get(&ev->waivers, key.ptr) == w &&
		    !etsi__map_get(&ev->waiver_used, etsi_record_key(w)))
			finding(ev, R_WAIVER_UNUSED, w, etsi_record_key(w), NULL,
			        "waiver '%s' of rule %s for '%s' matches no finding",
			        etsi_record_key(w), get(w, "rule"), get(w, "target"));
		etsi__buf_dispose(&key);
	}
}
