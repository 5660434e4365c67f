/*
 * Evaluation results: the results document read through records, and its
 * writers (text, CSV, JSON, XML).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "engine.h"
#include "error.h"
#include "etsi/results.h"
#include "kinds.h"
#include "record_impl.h"
#include "results_impl.h"
#include "xml.h"

struct etsi_results {
	etsi__store store;          /* docs[0]: the results document */
	etsi_diagnostics *findings;
	char *file;                 /* the dossier's name, for the text writers */
	int status;                 /* what etsi_dossier_evaluate() returned */
};

int etsi_dossier_evaluate(etsi_results **out, etsi_dossier *dossier,
                          const etsi_check_options *opts)
{
	etsi_diagnostics *diags = NULL;
	etsi_results *results;
	xmlDocPtr doc = NULL;
	int error, status;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(dossier);
	status = etsi__evaluate(&diags, &doc, dossier, opts);
	if (status < 0 && status != ETSI_EVALIDATION)
		return status;
	results = etsi__calloc(1, sizeof(*results));
	if (!results) {
		etsi_diagnostics_free(diags);
		xmlFreeDoc(doc);
		return etsi__error_oom();
	}
	results->findings = diags;
	results->status = status;
	results->file = etsi__strdup(etsi_dossier_path(dossier) ? etsi_dossier_path(dossier)
	                                                        : "<new dossier>");
	results->store.ns = ETSI__NS_RESULTS;
	results->store.readonly = 1;
	results->store.self = &results->store;
	results->store.docs[0] = doc;
	results->store.ndocs = 1;
	if (!results->file) {
		etsi_results_free(results);
		return etsi__error_oom();
	}
	if ((error = etsi__store_index(&results->store)) < 0) {
		etsi_results_free(results);
		return error;
	}
	*out = results;
	return status;
}

void etsi_results_free(etsi_results *results)
{
	if (!results)
		return;
	etsi__store_dispose(&results->store);
	etsi_diagnostics_free(results->findings);
	etsi__free(results->file);
	etsi__free(results);
}

int etsi__results_parts(const etsi_results *results, xmlDocPtr *doc,
                        const etsi_diagnostics **findings, const char **file)
{
	*doc = results->store.docs[0];
	*findings = results->findings;
	*file = results->file;
	return results->status;
}

const etsi_diagnostics *etsi_results_findings(const etsi_results *results)
{
	return results ? results->findings : NULL;
}

size_t etsi_results_count(const etsi_results *results, etsi_kind kind)
{
	return results ? etsi__store_count(&results->store, kind) : 0;
}

etsi_record *etsi_results_at(const etsi_results *results, etsi_kind kind, size_t i)
{
	return results ? etsi__store_at(&results->store, kind, i) : NULL;
}

etsi_record *etsi_results_find(const etsi_results *results, etsi_kind kind, const char *key)
{
	return results ? etsi__store_find(&results->store, kind, key) : NULL;
}

static etsi_record *summary(const etsi_results *results)
{
	return etsi_results_find(results, ETSI_KIND_SUMMARY, NULL);
}

etsi_outcome etsi_results_overall(const etsi_results *results)
{
	const char *overall = etsi_record_get(summary(results), "overall");
	int o;

	for (o = ETSI_OUTCOME_PASS; o <= ETSI_OUTCOME_NOT_APPLICABLE; o++) {
		if (etsi__streq(overall, etsi_outcome_name((etsi_outcome)o)))
			return (etsi_outcome)o;
	}
	return ETSI_OUTCOME_NOT_ASSESSED;
}

int etsi_results_ready(const etsi_results *results)
{
	return etsi__streq(etsi_record_get(summary(results), "ready"), "true");
}

/* ---- helpers ---------------------------------------------------------- */

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* A value the dossier did not state (an edition it names wrongly, a
 * release it leaves out): the text says so, never "(null)". */
static const char *or_unknown(const char *s)
{
	return s ? s : "unknown";
}

/* "V3.1.3" into @p buf, or "(edition unknown)" */
static const char *edition_or_unknown(char *buf, size_t size, const char *s)
{
	if (s)
		snprintf(buf, size, "V%s", s);
	else
		snprintf(buf, size, "(edition unknown)");
	return buf;
}

/* RFC 4180: quote fields holding a comma, quote, CR or LF; double quotes.
 * Unless raw, a value a spreadsheet would take for a formula (one that
 * begins with = + - @, a tab or a CR) is quoted and prefixed with a single
 * quote, as common.xsl's csv-field does for the CSV reports. */
static void csv_field(etsi__buf *out, const char *value, int last, int raw)
{
	const char *p;
	int formula;

	value = or_empty(value);
	formula = !raw && *value && strchr("=+-@\t\r", *value);
	if (formula || strpbrk(value, ",\"\r\n")) {
		etsi__buf_puts(out, formula ? "\"'" : "\"");
		for (p = value; *p; p++) {
			if (*p == '"')
				etsi__buf_puts(out, "\"\"");
			else
				etsi__buf_put(out, p, 1);
		}
		etsi__buf_puts(out, "\"");
	} else {
		etsi__buf_puts(out, value);
	}
	etsi__buf_puts(out, last ? "\r\n" : ",");
}

/* The inputs of a planned case, "7-UpdMech description, ..." */
static void inputs_text(etsi__buf *out, const etsi_record *tc, int missing_only)
{
	size_t i, n = etsi_record_child_count(tc), written = 0;

	for (i = 0; i < n; i++) {
		const etsi_record *in = etsi_record_child_at(tc, i);
		const char *present = etsi_record_get(in, "present");

		if (missing_only && !etsi__streq(present, "no"))
			continue;
		etsi__buf_printf(out, "%s%s%s%s", written++ ? "; " : "",
		                 or_empty(etsi_record_get(in, "table")),
		                 etsi_record_get(in, "field") ? " " : "",
		                 or_empty(etsi_record_get(in, "field")));
		if (missing_only && etsi_record_get(in, "missing"))
			etsi__buf_printf(out, " (%s)", or_empty(etsi_record_get(in, "missing")));
		else if (etsi__streq(present, "unchecked"))
			etsi__buf_puts(out, " (not checked)");
	}
}

/* ---- findings --------------------------------------------------------- */

/* The text `etsi check` prints: the one formatter of the library. */
static void findings_text(etsi__buf *out, const etsi_results *results)
{
	char *text = NULL;
	size_t len = 0;

	if (etsi_diagnostics_format(&text, &len, results->findings, results->file, 0) < 0) {
		out->failed = 1;
		return;
	}
	etsi__buf_put(out, text, len);
	etsi_free(text);
}

static int json_set_string(json_t *obj, const char *key, const char *value)
{
	if (!value)
		return 0;
	return json_object_set_new(obj, key, json_string(value));
}

/* Every place a finding stands for, the first being its own. */
static json_t *occurrences_json(const etsi_diagnostic *d)
{
	json_t *array = json_array();
	size_t k;

	for (k = 0; array && k < d->count; k++) {
		const etsi_occurrence *o = &d->occurrences[k];
		json_t *r = json_object();
		int failed = !r;

		if (o->line)
			failed |= json_object_set_new(r, "line", json_integer(o->line)) < 0;
		failed |= json_set_string(r, "element", o->element) < 0;
		failed |= json_set_string(r, "reference", o->reference) < 0;
		failed |= json_set_string(r, "message", o->message) < 0;
		failed |= json_set_string(r, "claim", o->claim) < 0;
		if (failed || json_array_append_new(array, r) < 0) {
			json_decref(r);
			json_decref(array);
			return NULL;
		}
	}
	return array;
}

static json_t *findings_json(const etsi_results *results)
{
	const etsi_diagnostics *list = results->findings;
	json_t *array = json_array();
	size_t i;

	for (i = 0; array && i < etsi_diagnostics_count(list); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);
		const etsi_rule *rule = etsi_rule_find(d->rule);
		json_t *f = json_object();
		int failed = !f;

		failed |= json_set_string(f, "file", d->file) < 0;
		if (d->line)
			failed |= json_object_set_new(f, "line", json_integer(d->line)) < 0;
		failed |= json_set_string(f, "rule", d->rule) < 0;
		failed |= json_set_string(f, "severity", etsi_severity_name(d->severity)) < 0;
		failed |= json_set_string(f, "layer", rule ? rule->layer : NULL) < 0;
		failed |= json_set_string(f, "step", rule ? rule->step : NULL) < 0;
		failed |= json_set_string(f, "element", d->element) < 0;
		failed |= json_set_string(f, "reference", d->reference) < 0;
		failed |= json_set_string(f, "message", d->message) < 0;
		failed |= json_set_string(f, "hint", d->hint) < 0;
		failed |= json_object_set_new(f, "waived", json_boolean(d->waived)) < 0;
		failed |= json_set_string(f, "waiver", d->waiver) < 0;
		failed |= json_set_string(f, "claim", d->claim) < 0;
		failed |= json_set_string(f, "fact", d->fact) < 0;
		if (d->fact_line)
			failed |= json_object_set_new(f, "fact_line", json_integer(d->fact_line)) < 0;
		failed |= json_set_string(f, "id", d->id) < 0;
		failed |= json_set_string(f, "caused_by", d->caused_by) < 0;
		failed |= json_object_set_new(f, "count", json_integer((json_int_t)d->count)) < 0;
		failed |= json_object_set_new(f, "records", occurrences_json(d)) < 0;
		if (failed || json_array_append_new(array, f) < 0) {
			json_decref(array);
			return NULL;
		}
	}
	return array;
}

/* ---- generic record -> JSON ------------------------------------------- */

/* Booleans and counts become JSON booleans and numbers; the rest strings. */
static json_t *scalar_json(const etsi__field *f, const char *value)
{
	if (f->type == ETSI__T_BOOL && (etsi__streq(value, "true") || etsi__streq(value, "false")))
		return json_boolean(etsi__streq(value, "true"));
	if (f->type == ETSI__T_UINT && value[0] && strlen(value) < 16)
		return json_integer((json_int_t)strtoll(value, NULL, 10));
	return json_string(value);
}

static json_t *record_json(const etsi_record *r)
{
	etsi_kind kind = etsi_record_kind(r);
	json_t *obj = json_object();
	const char *field;
	size_t i, j;

	for (i = 0; obj && (field = etsi_kind_field(kind, i)); i++) {
		const etsi__field *f = etsi__kind_find_field(etsi__kind_lookup(kind), field);
		size_t n = etsi_record_value_count(r, field);
		json_t *value;

		/* a text child left empty carries nothing */
		if (!n || (f->type == ETSI__T_TEXT && !(f->flags & ETSI__F_LIST) &&
		           !*etsi_record_get(r, field)))
			continue;
		if (f->flags & ETSI__F_LIST) {
			value = json_array();
			for (j = 0; value && j < n; j++) {
				if (json_array_append_new(value,
				                          json_string(etsi_record_value_at(r, field, j))) < 0) {
					json_decref(value);
					value = NULL;
				}
			}
		} else {
			value = scalar_json(f, etsi_record_get(r, field));
		}
		if (!value || json_object_set_new(obj, field, value) < 0)
			goto fail;
	}
	for (i = 0; obj && i < etsi_record_child_count(r); i++) {
		const etsi_record *child = etsi_record_child_at(r, i);
		const char *name = etsi_kind_name(etsi_record_kind(child));
		json_t *array = json_object_get(obj, name), *c = record_json(child);

		if (!c)
			goto fail;
		if (!array) {
			array = json_array();
			if (!array || json_object_set_new(obj, name, array) < 0) {
				json_decref(c);
				goto fail;
			}
		}
		if (json_array_append_new(array, c) < 0)
			goto fail;
	}
	return obj;
fail:
	json_decref(obj);
	return NULL;
}

static json_t *kind_json(const etsi_results *results, etsi_kind kind)
{
	json_t *array = json_array();
	size_t i, n = etsi_results_count(results, kind);

	for (i = 0; array && i < n; i++) {
		json_t *r = record_json(etsi_results_at(results, kind, i));

		if (!r || json_array_append_new(array, r) < 0) {
			json_decref(array);
			return NULL;
		}
	}
	return array;
}

/* A string, or null for a value the results lack (an invalid dossier has
 * no overall outcome): json_string(NULL) would fail like an allocation. */
static json_t *string_or_null(const char *value)
{
	return value ? json_string(value) : json_null();
}

static json_t *gate_json(const etsi_results *results)
{
	json_t *obj = json_object();
	int failed = !obj;

	failed |= json_object_set_new(obj, "ready", json_boolean(etsi_results_ready(results))) < 0;
	failed |= json_object_set_new(obj, "overall",
	                              string_or_null(etsi_record_get(summary(results),
	                                                             "overall"))) < 0;
	failed |= json_object_set_new(obj, "release",
	                              string_or_null(etsi_record_get(summary(results),
	                                                             "release"))) < 0;
	failed |= json_object_set_new(obj, "steps", kind_json(results, ETSI_KIND_GATE_STEP)) < 0;
	failed |= json_object_set_new(obj, "open_questions",
	                              kind_json(results, ETSI_KIND_OPEN_QUESTION)) < 0;
	if (failed) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

static json_t *all_json(const etsi_results *results)
{
	json_t *obj = json_object();
	int failed = !obj;

	failed |= json_object_set_new(obj, "summary", record_json(summary(results))) < 0;
	failed |= json_object_set_new(obj, "findings", findings_json(results)) < 0;
	failed |= json_object_set_new(obj, "plan", kind_json(results, ETSI_KIND_PLANNED_CASE)) < 0;
	failed |= json_object_set_new(obj, "outcomes", kind_json(results, ETSI_KIND_OUTCOME)) < 0;
	failed |= json_object_set_new(obj, "gate", kind_json(results, ETSI_KIND_GATE_STEP)) < 0;
	failed |= json_object_set_new(obj, "open_questions",
	                              kind_json(results, ETSI_KIND_OPEN_QUESTION)) < 0;
	if (failed) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

static int put_json(etsi__buf *out, json_t *value)
{
	char *text;

	if (!value)
		return ETSI_ENOMEM;
	/* sorted keys and two-space indentation: the same input gives the
	 * same bytes */
	text = json_dumps(value, JSON_INDENT(2) | JSON_SORT_KEYS);
	json_decref(value);
	if (!text)
		return ETSI_ENOMEM;
	etsi__buf_puts(out, text);
	etsi__buf_puts(out, "\n");
	free(text);
	return 0;
}

/* ---- plan ------------------------------------------------------------- */

static void plan_text(etsi__buf *out, const etsi_results *results)
{
	size_t i, j, n = etsi_results_count(results, ETSI_KIND_PLANNED_CASE);
	size_t ready = 0, at_risk = 0, counts[3] = { 0, 0, 0 };

	etsi__buf_printf(out, "%-11s %-10s %-9s %-13s %-5s %s\n", "TEST CASE", "KIND",
	                 "PROVISION", "DISPOSITION", "READY", "MISSING INPUTS");
	for (i = 0; i < n; i++) {
		const etsi_record *tc = etsi_results_at(results, ETSI_KIND_PLANNED_CASE, i);
		const char *disposition = etsi_record_get(tc, "disposition");
		int is_ready = etsi__streq(etsi_record_get(tc, "ready"), "true");

		ready += is_ready;
		counts[etsi__streq(disposition, "test") ? 0
		       : etsi__streq(disposition, "justification") ? 1 : 2]++;
		etsi__buf_printf(out, "%-11s %-10s %-9s %-13s %-5s ", etsi_record_key(tc),
		                 or_empty(etsi_record_get(tc, "kind")),
		                 or_empty(etsi_record_get(tc, "provision")),
		                 disposition, is_ready ? "yes" : "no");
		inputs_text(out, tc, 1);
		/* unknown facts its provision rests on */
		if (etsi__streq(etsi_record_get(tc, "at-risk"), "true")) {
			at_risk++;
			etsi__buf_puts(out, "at risk, unknown:");
			for (j = 0; j < etsi_record_value_count(tc, "unknown"); j++)
				etsi__buf_printf(out, "%s %s", j ? ";" : "",
				                 etsi_record_value_at(tc, "unknown", j));
		}
		etsi__buf_puts(out, "\n");
	}
	etsi__buf_printf(out, "\n%zu test case%s: %zu to test, %zu justification check%s, "
	                 "%zu expected to fail; %zu ready, %zu lack inputs (an INCONCLUSIVE "
	                 "risk)", n, n == 1 ? "" : "s", counts[0], counts[1],
	                 counts[1] == 1 ? "" : "s", counts[2], ready, n - ready);
	if (at_risk)
		etsi__buf_printf(out, "; %zu at risk from unknown facts (etsi gate lists them)",
		                 at_risk);
	etsi__buf_puts(out, "\n");
}

static void plan_csv(etsi__buf *out, const etsi_results *results, int raw)
{
	size_t i, n = etsi_results_count(results, ETSI_KIND_PLANNED_CASE);

	etsi__buf_puts(out, "test_case,group,provision,kind,disposition,ready,inputs,"
	                    "missing_inputs\r\n");
	for (i = 0; i < n; i++) {
		const etsi_record *tc = etsi_results_at(results, ETSI_KIND_PLANNED_CASE, i);
		etsi__buf all = ETSI__BUF_INIT, missing = ETSI__BUF_INIT;

		inputs_text(&all, tc, 0);
		inputs_text(&missing, tc, 1);
		csv_field(out, etsi_record_key(tc), 0, raw);
		csv_field(out, etsi_record_get(tc, "group"), 0, raw);
		csv_field(out, etsi_record_get(tc, "provision"), 0, raw);
		csv_field(out, etsi_record_get(tc, "kind"), 0, raw);
		csv_field(out, etsi_record_get(tc, "disposition"), 0, raw);
		csv_field(out, etsi__streq(etsi_record_get(tc, "ready"), "true") ? "yes" : "no", 0, raw);
		csv_field(out, all.ptr, 0, raw);
		csv_field(out, missing.ptr, 1, raw);
		if (all.failed || missing.failed)
			out->failed = 1;
		etsi__buf_dispose(&all);
		etsi__buf_dispose(&missing);
	}
}

/* The plan as the dossier's test-plan element, built in `doc` with the
 * dossier namespace `ns`; returned unlinked. */
static xmlNodePtr plan_element(const etsi_results *results, xmlDocPtr doc, xmlNsPtr ns,
                               const char *date)
{
	xmlNodePtr root = xmlNewDocNode(doc, ns, (const xmlChar *)"test-plan", NULL);
	size_t i, j, n = etsi_results_count(results, ETSI_KIND_PLANNED_CASE);
	int failed = !root;

	if (!failed && date)
		failed |= !xmlSetProp(root, (const xmlChar *)"generated", (const xmlChar *)date);
	for (i = 0; !failed && i < n; i++) {
		const etsi_record *tc = etsi_results_at(results, ETSI_KIND_PLANNED_CASE, i);
		xmlNodePtr c = xmlNewChild(root, ns, (const xmlChar *)"case", NULL);
		static const char *const attrs[] = { "id", "group", "provision", "kind",
		                                     "disposition", "ready" };
		size_t a;

		failed |= !c;
		for (a = 0; !failed && a < ETSI__ARRAY_SIZE(attrs); a++)
			failed |= !xmlSetProp(c, (const xmlChar *)attrs[a],
			                      (const xmlChar *)etsi_record_get(tc, attrs[a]));
		for (j = 0; !failed && j < etsi_record_child_count(tc); j++) {
			const etsi_record *in = etsi_record_child_at(tc, j);
			const char *present = etsi_record_get(in, "present");
			xmlNodePtr e = xmlNewChild(c, ns, (const xmlChar *)"input", NULL);

			failed |= !e || !xmlSetProp(e, (const xmlChar *)"table",
			                            (const xmlChar *)etsi_record_get(in, "table"));
			if (!failed && etsi_record_get(in, "field"))
				failed |= !xmlSetProp(e, (const xmlChar *)"field",
				                      (const xmlChar *)etsi_record_get(in, "field"));
			if (!failed)
				failed |= !xmlSetProp(e, (const xmlChar *)"present",
				                      (const xmlChar *)(etsi__streq(present, "yes")
				                                            ? "true" : "false"));
			if (!failed && etsi__streq(present, "unchecked"))
				failed |= !xmlSetProp(e, (const xmlChar *)"checked",
				                      (const xmlChar *)"false");
		}
	}
	if (failed) {
		xmlFreeNode(root);
		return NULL;
	}
	return root;
}

/* The plan as a standalone document. */
static xmlDocPtr plan_document(const etsi_results *results, const char *date)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr holder = doc ? xmlNewDocNode(doc, NULL, (const xmlChar *)"holder", NULL) : NULL;
	xmlNsPtr ns = holder ? xmlNewNs(holder, (const xmlChar *)ETSI__NS_DOSSIER, NULL) : NULL;
	xmlNodePtr plan = ns ? plan_element(results, doc, ns, date) : NULL;

	if (!plan) {
		xmlFreeNode(holder);
		xmlFreeDoc(doc);
		return NULL;
	}
	/* the namespace moves from the temporary holder to the plan itself */
	holder->nsDef = NULL;
	ns->next = NULL;
	plan->nsDef = ns;
	xmlFreeNode(holder);
	xmlDocSetRootElement(doc, plan);
	return doc;
}

/* ---- outcomes ---------------------------------------------------------- */

static void case_list(etsi__buf *out, const etsi_record *p)
{
	size_t i, n = etsi_record_child_count(p);

	for (i = 0; i < n; i++) {
		const etsi_record *c = etsi_record_child_at(p, i);

		etsi__buf_printf(out, "%s%s %s", i ? ", " : "", etsi_record_key(c),
		                 or_empty(etsi_record_get(c, "outcome")));
	}
}

static void outcomes_text(etsi__buf *out, const etsi_results *results)
{
	size_t i, n = etsi_results_count(results, ETSI_KIND_OUTCOME);
	char en[64], ts[64];

	etsi__buf_printf(out, "%-9s %-14s %-4s %-15s %-24s %s\n", "PROVISION", "STATUS", "ICS",
	                 "OUTCOME", "BASIS", "TEST CASES");
	for (i = 0; i < n; i++) {
		const etsi_record *p = etsi_results_at(results, ETSI_KIND_OUTCOME, i);

		etsi__buf_printf(out, "%-9s %-14s %-4s %-15s %-24s ", etsi_record_key(p),
		                 or_empty(etsi_record_get(p, "status")),
		                 etsi_record_get(p, "support") ? etsi_record_get(p, "support") : "-",
		                 or_empty(etsi_record_get(p, "outcome")),
		                 or_empty(etsi_record_get(p, "basis")));
		case_list(out, p);
		etsi__buf_puts(out, "\n");
	}
	etsi__buf_printf(out, "\nclause 5.3 (EN 303 645 %s, TS 103 701 %s): %s\n",
	                 edition_or_unknown(en, sizeof(en),
	                                    etsi_record_get(summary(results), "en303645")),
	                 edition_or_unknown(ts, sizeof(ts),
	                                    etsi_record_get(summary(results), "ts103701")),
	                 or_unknown(etsi_record_get(summary(results), "overall")));
}

static void outcomes_csv(etsi__buf *out, const etsi_results *results, int raw)
{
	size_t i, n = etsi_results_count(results, ETSI_KIND_OUTCOME);

	etsi__buf_puts(out, "provision,status,support,applicable,outcome,basis,test_cases\r\n");
	for (i = 0; i < n; i++) {
		const etsi_record *p = etsi_results_at(results, ETSI_KIND_OUTCOME, i);
		etsi__buf cases = ETSI__BUF_INIT;

		case_list(&cases, p);
		csv_field(out, etsi_record_key(p), 0, raw);
		csv_field(out, etsi_record_get(p, "status"), 0, raw);
		csv_field(out, etsi_record_get(p, "support"), 0, raw);
		csv_field(out, etsi_record_get(p, "applicable"), 0, raw);
		csv_field(out, etsi_record_get(p, "outcome"), 0, raw);
		csv_field(out, etsi_record_get(p, "basis"), 0, raw);
		csv_field(out, cases.ptr, 1, raw);
		if (cases.failed)
			out->failed = 1;
		etsi__buf_dispose(&cases);
	}
}

/* ---- gate -------------------------------------------------------------- */

static void gate_text(etsi__buf *out, const etsi_results *results)
{
	size_t i, j, n = etsi_results_count(results, ETSI_KIND_GATE_STEP), complete = 0;

	for (i = 0; i < n; i++)
		complete += etsi__streq(etsi_record_get(etsi_results_at(results, ETSI_KIND_GATE_STEP, i),
		                                        "status"), "complete");
	etsi__buf_printf(out, "release %s: %s (%zu of %zu steps complete; clause 5.3 outcome "
	                 "so far: %s)\n\n",
	                 or_unknown(etsi_record_get(summary(results), "release")),
	                 etsi_results_ready(results) ? "READY" : "NOT READY", complete, n,
	                 or_unknown(etsi_record_get(summary(results), "overall")));
	for (i = 0; i < n; i++) {
		const etsi_record *s = etsi_results_at(results, ETSI_KIND_GATE_STEP, i);
		size_t blockers = etsi_record_child_count(s);

		etsi__buf_printf(out, "%zu. %-10s %-9s %s\n", i + 1, etsi_record_key(s),
		                 or_empty(etsi_record_get(s, "status")),
		                 or_empty(etsi_record_get(s, "title")));
		if (etsi_record_get(s, "owner"))
			etsi__buf_printf(out, "   owner: %s, %s (role wanted: %s)\n",
			                 or_empty(etsi_record_get(s, "owner")),
			                 etsi_record_get(s, "owner-role") ? etsi_record_get(s, "owner-role")
			                                                  : "no role",
			                 or_empty(etsi_record_get(s, "role")));
		else
			etsi__buf_printf(out, "   owner: nobody assigned (role wanted: %s)\n",
			                 or_empty(etsi_record_get(s, "role")));
		etsi__buf_printf(out, "   question: %s\n", or_empty(etsi_record_get(s, "question")));
		if (etsi_record_get(s, "signed-off"))
			etsi__buf_printf(out, "   signed off: %s\n", or_empty(etsi_record_get(s, "signed-off")));
		for (j = 0; j < blockers; j++) {
			const etsi_record *b = etsi_record_child_at(s, j);

			etsi__buf_printf(out, "   - %s", or_empty(etsi_record_get(b, "message")));
			if (etsi_record_get(b, "rule"))
				etsi__buf_printf(out, " [%s]", or_empty(etsi_record_get(b, "rule")));
			etsi__buf_puts(out, "\n");
		}
		etsi__buf_puts(out, "\n");
	}
	n = etsi_results_count(results, ETSI_KIND_OPEN_QUESTION);
	if (!n)
		return;
	etsi__buf_printf(out, "open questions (%zu): facts not stated or unknown that claims rest "
	                 "on; they do not block, but put test cases at risk of INCONCLUSIVE\n", n);
	for (i = 0; i < n; i++) {
		const etsi_record *q = etsi_results_at(results, ETSI_KIND_OPEN_QUESTION, i);

		etsi__buf_printf(out, "- %s:%s: [%s] %s\n", or_empty(etsi_record_get(q, "file")),
		                 etsi_record_get(q, "line") ? etsi_record_get(q, "line") : "-",
		                 or_empty(etsi_record_get(q, "step")),
		                 or_empty(etsi_record_get(q, "message")));
	}
}

/* ---- the writer -------------------------------------------------------- */

int etsi_results_write(char **out, size_t *len, const etsi_results *results, const char *part,
                       const char *format)
{
	etsi__buf buf = ETSI__BUF_INIT;
	int error = 0;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(results);
	ETSI__ASSERT_ARG(part);
	ETSI__ASSERT_ARG(format);
#define IS(p, f) (strcmp(part, p) == 0 && strcmp(format, f) == 0)
	if (IS("findings", "text")) {
		findings_text(&buf, results);
	} else if (IS("findings", "json")) {
		error = put_json(&buf, findings_json(results));
	} else if (IS("plan", "text")) {
		plan_text(&buf, results);
	} else if (IS("plan", "csv") || IS("plan", "csv-raw")) {
		plan_csv(&buf, results, strcmp(format, "csv-raw") == 0);
	} else if (IS("plan", "xml")) {
		xmlDocPtr doc = plan_document(results, NULL);

		if (!doc)
			return etsi__error_oom();
		error = etsi__xml_write(out, len, doc);
		xmlFreeDoc(doc);
		return error;
	} else if (IS("outcomes", "text")) {
		outcomes_text(&buf, results);
	} else if (IS("outcomes", "csv") || IS("outcomes", "csv-raw")) {
		outcomes_csv(&buf, results, strcmp(format, "csv-raw") == 0);
	} else if (IS("gate", "text")) {
		gate_text(&buf, results);
	} else if (IS("gate", "json")) {
		error = put_json(&buf, gate_json(results));
	} else if (IS("all", "json")) {
		error = put_json(&buf, all_json(results));
	} else if (IS("all", "xml")) {
		return etsi__xml_write(out, len, results->store.docs[0]);
	} else {
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "results part '%s' has no format '%s'", part, format);
	}
#undef IS
	if (error < 0 || buf.failed) {
		etsi__buf_dispose(&buf);
		return etsi__error_oom();
	}
	if (len)
		*len = buf.len;
	*out = etsi__buf_detach(&buf);
	return *out ? 0 : etsi__error_oom();
}

int etsi_dossier_store_plan(etsi_dossier *dossier, const etsi_results *results,
                            const char *date)
{
	xmlDocPtr doc;
	xmlNodePtr root, old, plan;

	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(results);
	if (date && !etsi__valid_date(date))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "\"%s\" is not a date YYYY-MM-DD", date);
	doc = dossier->store.docs[0];
	root = xmlDocGetRootElement(doc);
	plan = plan_element(results, doc, root->ns, date);
	if (!plan)
		return etsi__error_oom();
	old = etsi__xml_child(root, ETSI__NS_DOSSIER, "test-plan");
	if (old) {
		etsi__store_detach(&dossier->store, old);
		xmlReplaceNode(old, plan);
		xmlFreeNode(old);
	} else {
		etsi__store_insert(&dossier->store, root, plan);
	}
	dossier->store.dirty = 1;
	return 0;
}
