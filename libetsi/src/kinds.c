/*
 * The kind and field tables: where each record lives in its document and
 * where each named field lives in the record.
 *
 * The dossier's kinds and the schema order of its elements come from
 * xsd/dossier.xsd: scripts/gen-tables.py writes them into kinds_table.h
 * in the build directory (the schema's xs:appinfo annotations say what
 * the schema itself cannot: which elements are records, field names).
 * The catalog's kinds (xsd/catalog.xsd) and the evaluation results' kinds
 * (xsd/results.xsd) are written here; tests/unit/test_record.c checks the
 * tables against the schemas.
 */
#include <string.h>

#include "error.h"
#include "etsi/errors.h"
#include "kinds.h"
#include "util.h"
#include "xml.h"

/* the dossier's kinds (ETSI__GEN_DOSSIER_KINDS) and element order
 * (gen_orders), generated from xsd/dossier.xsd */
#include "kinds_table.h"

#define NS_C ETSI__NS_CATALOG

/* Field constructors: an attribute of the record's element, the text of a
 * child element, an attribute of a child element. */
#define A(n, a, t, f) { n, NULL, NULL, a, t, f, NULL, 0 }
#define E(n, e, t, f) { n, e, NULL, NULL, t, f, NULL, 0 }
#define EA(n, e, a, t, f) { n, e, NULL, a, t, f, NULL, 0 }
#define SELF(n, t, f) { n, NULL, NULL, NULL, t, f, NULL, 0 }

#define REQ ETSI__F_REQUIRED
#define LIST ETSI__F_LIST
#define KEY ETSI__F_KEY

#define T_TEXT ETSI__T_TEXT
#define T_LINE ETSI__T_LINE
#define T_BOOL ETSI__T_BOOL
#define T_DATE ETSI__T_DATE

/* ---- catalog kinds --------------------------------------------------- */

static const etsi__field source_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	SELF("summary", T_TEXT, REQ),
};

#define PROVENANCE \
	A("confidence", "confidence", T_LINE, REQ), \
	A("provenance", "provenance", T_LINE, REQ)

static const etsi__field condition_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field provision_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("status", "status", T_LINE, 0),
	{ "status-code", NULL, NULL, NULL, T_LINE, ETSI__F_COMPUTED, NULL, 0 },
	A("void", "void", T_BOOL, 0),
	EA("condition", "applies-if", "condition", T_LINE, LIST),
	EA("feature", "applies-if", "feature", T_LINE, LIST),
	E("title", "title", T_TEXT, REQ),
	E("summary", "summary", T_TEXT, REQ),
	EA("replaced-by", "replaced-by", "ref", T_LINE, LIST),
	E("change", "change", T_TEXT, 0),
	EA("change-from", "change", "from", T_LINE, 0),
	EA("was", "change", "was", T_LINE, 0),
	EA("change-impact", "change", "impact", T_LINE, LIST),
	E("note", "note", T_TEXT, LIST),
	EA("evidence-categories", "evidence-fit", "categories", T_LINE, 0),
	/* the typed facts that bear on a claim (docs/rules.md), in parallel
	 * lists: every fact-check has a side, a text and a provenance */
	E("fact-check", "fact-check", T_TEXT, LIST),
	EA("fact-check-side", "fact-check", "side", T_LINE, LIST),
	EA("fact-check-provenance", "fact-check", "provenance", T_LINE, LIST),
	PROVENANCE,
};

static const etsi__field ixit_table_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("number", "number", T_LINE, REQ),
	A("name", "name", T_LINE, REQ),
	A("renamed-from", "renamed-from", T_LINE, 0),
	E("summary", "summary", T_TEXT, 0),
	PROVENANCE,
};

static const etsi__field ixit_field_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("name", "name", T_LINE, REQ),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field test_group_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("provision", "provision", T_LINE, REQ),
	E("objective", "objective", T_TEXT, REQ),
	E("note", "note", T_TEXT, LIST),
	PROVENANCE,
};

static const etsi__field test_case_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("kind", "kind", T_LINE, REQ),
	E("purpose", "purpose", T_TEXT, REQ),
	E("pass", "pass", T_TEXT, REQ),
	E("note", "note", T_TEXT, LIST),
	PROVENANCE,
};

static const etsi__field algorithm_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("use", "use", T_LINE, REQ),
	A("names", "names", T_LINE, REQ),
	A("status", "status", T_LINE, REQ),
	A("min-bits", "min-bits", ETSI__T_UINT, 0),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field test_input_fields[] = {
	A("table", "table", T_LINE, REQ),
	A("field", "field", T_LINE, 0),
	A("via", "via", T_LINE, 0),
};

/* ---- evaluation results (read-only; built by engine_results.c) -------------- */

#define NS_R ETSI__NS_RESULTS

static const etsi__field summary_fields[] = {
	A("release", "release", T_LINE, 0),
	A("en303645", "en303645", T_LINE, 0),
	A("ts103701", "ts103701", T_LINE, 0),
	A("as-of", "as-of", T_DATE, 0),
	A("overall", "overall", T_LINE, 0),
	A("ready", "ready", T_BOOL, 0),
	A("errors", "errors", ETSI__T_UINT, 0),
	A("warnings", "warnings", ETSI__T_UINT, 0),
	A("infos", "infos", ETSI__T_UINT, 0),
	A("waived", "waived", ETSI__T_UINT, 0),
};

static const etsi__field finding_fields[] = {
	A("rule", "rule", T_LINE, 0),
	A("severity", "severity", T_LINE, 0),
	A("layer", "layer", T_LINE, 0),
	A("step", "step", T_LINE, 0),
	A("file", "file", T_LINE, 0),
	A("line", "line", ETSI__T_UINT, 0),
	A("element", "element", T_LINE, 0),
	A("reference", "reference", T_LINE, 0),
	A("waived", "waived", T_BOOL, 0),
	A("waiver", "waiver", T_LINE, 0),
	A("claim", "claim", T_LINE, 0),
	A("fact", "fact", T_LINE, 0),
	A("fact-line", "fact-line", ETSI__T_UINT, 0),
	A("id", "id", T_LINE, 0),
	A("caused-by", "caused-by", T_LINE, 0),
	A("count", "count", ETSI__T_UINT, 0),
	E("message", "message", T_TEXT, 0),
	E("hint", "hint", T_TEXT, 0),
	E("occurrence", "occurrence", T_TEXT, LIST),
};

static const etsi__field planned_case_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("group", "group", T_LINE, 0),
	A("provision", "provision", T_LINE, 0),
	A("kind", "kind", T_LINE, 0),
	A("disposition", "disposition", T_LINE, 0),
	A("ready", "ready", T_BOOL, 0),
	A("at-risk", "at-risk", T_BOOL, 0),
	E("unknown", "unknown", T_TEXT, LIST),
};

static const etsi__field planned_input_fields[] = {
	A("table", "table", T_LINE, 0),
	A("field", "field", T_LINE, 0),
	A("present", "present", T_LINE, 0),
	SELF("missing", T_TEXT, 0),
};

static const etsi__field outcome_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("status", "status", T_LINE, 0),
	A("support", "support", T_LINE, 0),
	A("applicable", "applicable", T_LINE, 0),
	A("outcome", "outcome", T_LINE, 0),
	A("basis", "basis", T_LINE, 0),
	E("reason", "reason", T_TEXT, 0),
};

static const etsi__field case_outcome_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("outcome", "outcome", T_LINE, 0),
	A("result", "result", T_LINE, 0),
	A("by", "by", T_LINE, 0),
	A("date", "date", T_DATE, 0),
};

static const etsi__field gate_step_fields[] = {
	A("name", "name", T_LINE, KEY),
	A("title", "title", T_LINE, 0),
	A("role", "role", T_LINE, 0),
	A("owner", "owner", T_LINE, 0),
	A("owner-role", "owner-role", T_LINE, 0),
	A("signed-off", "signed-off", T_DATE, 0),
	A("status", "status", T_LINE, 0),
	E("question", "question", T_TEXT, 0),
	E("output", "output", T_TEXT, LIST),
};

static const etsi__field open_question_fields[] = {
	A("step", "step", T_LINE, 0),
	A("fact", "fact", T_LINE, 0),
	A("element", "element", T_LINE, 0),
	A("file", "file", T_LINE, 0),
	A("line", "line", ETSI__T_UINT, 0),
	A("provisions", "provisions", T_LINE, 0),
	SELF("message", T_TEXT, 0),
};

static const etsi__field blocker_fields[] = {
	A("rule", "rule", T_LINE, 0),
	A("element", "element", T_LINE, 0),
	SELF("message", T_TEXT, 0),
};

/* ---- the kind table -------------------------------------------------- */

#define KIND(k, name, ns, container, element, parent, fields, flags) \
	[k] = { k, name, ns, container, element, parent, fields, ETSI__ARRAY_SIZE(fields), flags }

static const etsi__kind_def kinds[ETSI__KIND_LAST] = {
	KIND(ETSI_KIND_SOURCE, "source", NS_C, "sources", "source", 0, source_fields, 0),
	KIND(ETSI_KIND_CONDITION, "condition", NS_C, "conditions", "condition", 0,
	     condition_fields, 0),
	KIND(ETSI_KIND_FEATURE, "feature", NS_C, "features", "feature", 0, condition_fields, 0),
	KIND(ETSI_KIND_PROVISION, "provision", NS_C, "provisions", "provision", 0,
	     provision_fields, 0),
	KIND(ETSI_KIND_IXIT_TABLE, "ixit-table", NS_C, "ixit-tables", "table", 0,
	     ixit_table_fields, 0),
	KIND(ETSI_KIND_IXIT_FIELD, "ixit-field", NS_C, "", "field", ETSI_KIND_IXIT_TABLE,
	     ixit_field_fields, ETSI__K_LOCALKEY),
	KIND(ETSI_KIND_TEST_GROUP, "test-group", NS_C, "test-groups", "group", 0,
	     test_group_fields, 0),
	KIND(ETSI_KIND_TEST_CASE, "test-case", NS_C, "", "case", ETSI_KIND_TEST_GROUP,
	     test_case_fields, 0),
	KIND(ETSI_KIND_TEST_INPUT, "test-input", NS_C, "", "uses", ETSI_KIND_TEST_CASE,
	     test_input_fields, 0),

	ETSI__GEN_DOSSIER_KINDS

	KIND(ETSI_KIND_SUMMARY, "summary", NS_R, "", "summary", 0, summary_fields,
	     ETSI__K_SINGLETON),
	KIND(ETSI_KIND_FINDING, "finding", NS_R, "findings", "finding", 0, finding_fields, 0),
	KIND(ETSI_KIND_PLANNED_CASE, "planned-case", NS_R, "plan", "case", 0,
	     planned_case_fields, 0),
	KIND(ETSI_KIND_PLANNED_INPUT, "planned-input", NS_R, "", "input", ETSI_KIND_PLANNED_CASE,
	     planned_input_fields, 0),
	KIND(ETSI_KIND_OUTCOME, "outcome", NS_R, "outcomes", "provision", 0, outcome_fields, 0),
	KIND(ETSI_KIND_CASE_OUTCOME, "case-outcome", NS_R, "", "case", ETSI_KIND_OUTCOME,
	     case_outcome_fields, ETSI__K_LOCALKEY),
	KIND(ETSI_KIND_GATE_STEP, "gate-step", NS_R, "gate", "step", 0, gate_step_fields, 0),
	KIND(ETSI_KIND_BLOCKER, "blocker", NS_R, "", "blocker", ETSI_KIND_GATE_STEP,
	     blocker_fields, 0),

	KIND(ETSI_KIND_ALGORITHM, "algorithm", NS_C, "algorithms", "algorithm", 0,
	     algorithm_fields, 0),
	KIND(ETSI_KIND_OPEN_QUESTION, "open-question", NS_R, "open-questions", "question", 0,
	     open_question_fields, 0),
};

const etsi__kind_def *etsi__kind_lookup(etsi_kind kind)
{
	if ((int)kind <= 0 || kind >= ETSI__KIND_LAST || !kinds[kind].name)
		return NULL;
	return &kinds[kind];
}

const etsi__field *etsi__kind_find_field(const etsi__kind_def *def, const char *name)
{
	size_t i;

	if (!def || !name)
		return NULL;
	for (i = 0; i < def->nfields; i++) {
		if (strcmp(def->fields[i].name, name) == 0)
			return &def->fields[i];
	}
	return NULL;
}

const char *etsi_kind_name(etsi_kind kind)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);

	return def ? def->name : NULL;
}

int etsi_kind_from_name(etsi_kind *out, const char *name)
{
	int k;

	if (!out || !name)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_kind_from_name() needs a name and an output");
	for (k = 1; k < ETSI__KIND_LAST; k++) {
		if (kinds[k].name && strcmp(kinds[k].name, name) == 0) {
			*out = (etsi_kind)k;
			return 0;
		}
	}
	return etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_ARGUMENT,
	                   "'%s' is not a record kind", name);
}

const char *etsi_kind_field(etsi_kind kind, size_t i)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);

	return def && i < def->nfields ? def->fields[i].name : NULL;
}

/* ---- element order (generated from xsd/dossier.xsd) ------------------ */

const char *const *etsi__element_order(const char *parent)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(gen_orders); i++) {
		if (strcmp(gen_orders[i].parent, parent) == 0)
			return gen_orders[i].children;
	}
	return NULL;
}
