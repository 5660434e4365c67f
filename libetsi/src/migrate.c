/*
 * Edition migration and catalog differences.
 *
 * Everything a migration does to a provision comes from the target
 * catalog: a provision with a change whose `was` names an earlier
 * provision replaces it (4-1 -> 5.0-1, 5.3-4 -> 5.3-4A and 5.3-4B); a
 * provision whose id exists in both editions continues it; a void
 * provision's replaced-by list is the fallback for splits the `was`
 * attributes do not spell out.  Each change's `impact` says what a person
 * must do (nothing, review the detail, decide the support again).  The
 * only fact table here says which DUT attribute decides a condition that
 * is new in the target edition (condition 15: prevents-update-mechanism),
 * because that is where the dossier keeps it.
 *
 * The new dossier is built on a copy of the input document: the editions
 * are set there (they are fixed once a dossier exists), the sections are
 * rewritten, and the result is serialized and loaded like any other file,
 * so it is validated against the schema and the new catalogs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "error.h"
#include "etsi/migrate.h"
#include "etsi/signature.h"
#include "record_impl.h"
#include "runtime.h"
#include "xml.h"

#define NS_D ETSI__NS_DOSSIER
#define NS_M ETSI_NS_MIGRATION
#define MAX_TARGETS 8

/* ---- provision mapping from the catalogs ------------------------------ */

enum impact { I_NONE, I_NOTATION, I_RENUMBERED, I_WORDING, I_APPLICABILITY, I_SPLIT };

static const char *const impact_names[] = {
	"none", "notation", "renumbered", "wording", "applicability", "split"
};

static enum impact impact_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < ETSI__ARRAY_SIZE(impact_names); i++) {
		if (strcmp(name, impact_names[i]) == 0)
			return (enum impact)i;
	}
	return I_WORDING; /* a change libetsi cannot classify is reviewed */
}

typedef struct target {
	const etsi_record *provision;    /* in the new catalog */
	enum impact impact;
	const char *change;              /* the catalog's description, or NULL */
} target;

typedef struct mapping {
	const etsi_record *old;          /* in the old catalog */
	target targets[MAX_TARGETS];
	size_t ntargets;
} mapping;

typedef struct mapper {
	const etsi_catalog *from, *to;
	etsi__map by_old;                /* old provision id -> mapping */
	etsi__vec all;                   /* mappings, in old catalog order */
} mapper;

/* The strongest impact of the provision's changes from an edition, and
 * the text of the first such change. */
static enum impact provision_impact(const etsi_record *p, const char *from, const char **text,
                                    const char **was)
{
	enum impact best = I_NONE;
	int any = 0;
	xmlNode *n;

	*text = NULL;
	*was = NULL;
	for (n = etsi__xml_child(p->node, ETSI__NS_CATALOG, "change"); n;
	     n = etsi__xml_next(n, ETSI__NS_CATALOG, "change")) {
		enum impact i;

		if (!etsi__streq(etsi__xml_attr(n, "from"), from))
			continue;
		i = impact_of(etsi__xml_attr(n, "impact"));
		if (!any || i > best)
			best = i;
		if (!*text)
			*text = etsi__store_text(p->store, n);
		if (!*was)
			*was = etsi__xml_attr(n, "was");
		any = 1;
	}
	return any ? best : I_WORDING;
}

static int is_void(const etsi_record *p)
{
	return etsi__streq(etsi_record_get(p, "void"), "true");
}

static int add_target(mapping *m, const etsi_record *q, enum impact impact, const char *text)
{
	size_t i;

	for (i = 0; i < m->ntargets; i++) {
		if (m->targets[i].provision == q)
			return 0;
	}
	if (m->ntargets == MAX_TARGETS)
		return 0;
	m->targets[m->ntargets].provision = q;
	m->targets[m->ntargets].impact = impact;
	m->targets[m->ntargets].change = text;
	m->ntargets++;
	return 0;
}

static void mapper_dispose(mapper *mp)
{
	size_t i;

	for (i = 0; i < mp->all.len; i++)
		etsi__free(mp->all.items[i]);
	etsi__vec_dispose(&mp->all);
	etsi__map_dispose(&mp->by_old);
}

static int mapper_build(mapper *mp, const etsi_catalog *from, const etsi_catalog *to)
{
	const char *edition = etsi_catalog_edition(from);
	size_t i, j, n;

	memset(mp, 0, sizeof(*mp));
	mp->from = from;
	mp->to = to;
	n = etsi_catalog_count(from, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		const etsi_record *p = etsi_catalog_at(from, ETSI_KIND_PROVISION, i);
		mapping *m = etsi__calloc(1, sizeof(*m));

		if (!m || etsi__vec_push(&mp->all, m) < 0) {
			etsi__free(m);
			return etsi__error_oom();
		}
		m->old = p;
		if (etsi__map_put(&mp->by_old, etsi_record_key(p), m) < 0)
			return etsi__error_oom();
	}
	/* the later edition says where each provision came from */
	n = etsi_catalog_count(to, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		const etsi_record *q = etsi_catalog_at(to, ETSI_KIND_PROVISION, i);
		const char *text, *was;
		enum impact impact;
		mapping *m;

		if (is_void(q))
			continue;
		impact = provision_impact(q, edition, &text, &was);
		m = etsi__map_get(&mp->by_old, was ? was : etsi_record_key(q));
		if (m)
			add_target(m, q, impact, text);
	}
	/* a void provision's replacements, where no `was` names them */
	for (i = 0; i < mp->all.len; i++) {
		mapping *m = mp->all.items[i];
		const etsi_record *v = etsi_catalog_find(to, ETSI_KIND_PROVISION,
		                                         etsi_record_key(m->old));

		if (!v || !is_void(v))
			continue;
		for (j = 0; j < etsi_record_value_count(v, "replaced-by"); j++) {
			const etsi_record *q = etsi_catalog_find(to, ETSI_KIND_PROVISION,
			                                         etsi_record_value_at(v, "replaced-by", j));
			const char *text, *was;
			enum impact impact;

			if (!q || is_void(q))
				continue;
			impact = provision_impact(q, edition, &text, &was);
			add_target(m, q, impact, text);
		}
	}
	/* a provision split in several is a split, whatever each part says */
	for (i = 0; i < mp->all.len; i++) {
		mapping *m = mp->all.items[i];

		for (j = 0; m->ntargets > 1 && j < m->ntargets; j++)
			m->targets[j].impact = I_SPLIT;
	}
	return 0;
}

static const mapping *mapping_of(const mapper *mp, const char *provision)
{
	return provision ? etsi__map_get(&mp->by_old, provision) : NULL;
}

/* Is the new provision the target of some old one? */
static int has_source(const mapper *mp, const etsi_record *q)
{
	size_t i, j;

	for (i = 0; i < mp->all.len; i++) {
		const mapping *m = mp->all.items[i];

		for (j = 0; j < m->ntargets; j++) {
			if (m->targets[j].provision == q)
				return 1;
		}
	}
	return 0;
}

/* "5.3-4A" -> "4A": what tells split copies apart in their ids. */
static const char *id_tail(const char *provision)
{
	const char *dash = strrchr(provision, '-');

	return dash ? dash + 1 : provision;
}

/* Compares editions N.N.N numerically. */
static int edition_cmp(const char *a, const char *b)
{
	unsigned long x[3] = { 0, 0, 0 }, y[3] = { 0, 0, 0 };
	size_t i;

	sscanf(a, "%lu.%lu.%lu", &x[0], &x[1], &x[2]);
	sscanf(b, "%lu.%lu.%lu", &y[0], &y[1], &y[2]);
	for (i = 0; i < 3; i++) {
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	}
	return 0;
}

/* ---- the migration context -------------------------------------------- */

typedef struct migration {
	const etsi_dossier *in;
	const char *file;
	mapper map;
	etsi_diagnostics *report;
	xmlDoc *doc;                 /* the copy being rewritten */
	xmlNode *root;
	xmlNs *mns;                  /* the migration namespace, once used */
	etsi__map ids;               /* every id in the copy */
	etsi__map renamed;           /* old evidence/artifact id -> "new1 new2" */
	etsi__map removed;           /* ids of removed evidence and artifacts */
	int ics_flagged, facts_flagged, evidence_flagged;
	int oom;
} migration;

static void note(migration *mg, etsi_severity severity, const char *action, int line,
                 const char *element, const char *reference, const char *hint,
                 const char *fmt, ...) ETSI__PRINTF(8, 9);

/* Adds a diagnostic whose message is fmt with ap; sets *oom on failure.
 * Used by the migration report and the catalog diff alike. */
static void add_note(etsi_diagnostics *list, int *oom, etsi_severity severity,
                     const etsi__where *where, const char *hint, const char *fmt, va_list ap)
{
	if (etsi__diagnostics_vadd(list, severity, where, hint, fmt, ap) < 0)
		*oom = 1;
}

static void note(migration *mg, etsi_severity severity, const char *action, int line,
                 const char *element, const char *reference, const char *hint,
                 const char *fmt, ...)
{
	etsi__where where;
	va_list ap;

	memset(&where, 0, sizeof(where));
	where.file = mg->file;
	where.line = line;
	where.rule = action;
	where.element = element;
	where.reference = reference;
	va_start(ap, fmt);
	add_note(mg->report, &mg->oom, severity, &where, hint, fmt, ap);
	va_end(ap);
}

static xmlNode *child(xmlNode *parent, const char *name)
{
	return etsi__xml_child(parent, NS_D, name);
}

static xmlNode *next(xmlNode *node, const char *name)
{
	return etsi__xml_next(node, NS_D, name);
}

static const char *attr(xmlNode *node, const char *name)
{
	return etsi__xml_attr(node, name);
}

static void set_attr(migration *mg, xmlNode *node, const char *name, const char *value)
{
	if (!xmlSetProp(node, BAD_CAST name, BAD_CAST value))
		mg->oom = 1;
}

/* Marks an element for a person: migration:action and migration:was. */
static void mark(migration *mg, xmlNode *node, const char *action, const char *was)
{
	if (!mg->mns) {
		mg->mns = xmlNewNs(mg->root, BAD_CAST NS_M, BAD_CAST "migration");
		if (!mg->mns) {
			mg->oom = 1;
			return;
		}
	}
	if (!xmlSetNsProp(node, mg->mns, BAD_CAST "action", BAD_CAST action) ||
	    (was && !xmlSetNsProp(node, mg->mns, BAD_CAST "was", BAD_CAST was)))
		mg->oom = 1;
}

/* Gives an ICS entry or a verdict <carried-from release="R"/> (the
 * dossier's own release, from the earlier edition's dossier), which
 * `etsi check` reports until someone records a review; an element carried
 * already keeps its own. */
static void carry(migration *mg, xmlNode *node)
{
	xmlNode *release = child(child(mg->root, "header"), "release");
	xmlNode *c, *at = NULL, *carried;

	if (child(node, "carried-from"))
		return;
	for (c = node->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && !etsi__xml_is(c, NS_D, (const char *)c->name)) {
			at = c; /* the first extension element */
			break;
		}
	}
	carried = xmlNewDocNode(mg->doc, node->ns, BAD_CAST "carried-from", NULL);
	if (!carried || !(at ? xmlAddPrevSibling(at, carried) : xmlAddChild(node, carried))) {
		xmlFreeNode(carried);
		mg->oom = 1;
		return;
	}
	set_attr(mg, carried, "release", attr(release, "version") ? attr(release, "version") : "?");
	if (mg->mns && !xmlSetNsProp(carried, mg->mns, BAD_CAST "edition",
	                             BAD_CAST etsi_catalog_edition(mg->map.from)))
		mg->oom = 1;
}

static void remove_node(xmlNode *node)
{
	xmlUnlinkNode(node);
	xmlFreeNode(node);
}

static const char *status_code(const etsi_record *p)
{
	const char *code = etsi_record_get(p, "status-code");

	return code ? code : "?";
}

/* ---- ids ---------------------------------------------------------------- */

static void collect_ids(migration *mg, xmlNode *node)
{
	for (; node; node = node->next) {
		const char *id;

		if (node->type != XML_ELEMENT_NODE)
			continue;
		id = attr(node, "id");
		if (id && etsi__map_put(&mg->ids, id, node) < 0)
			mg->oom = 1;
		collect_ids(mg, node->children);
	}
}

/* base-tail, or base-tail-2, -3 ... when taken; owned by mg->ids. */
static const char *fresh_id(migration *mg, const char *base, const char *tail, xmlNode *node)
{
	char id[160];
	int n;

	snprintf(id, sizeof(id), "%.120s-%s", base, tail);
	for (n = 2; etsi__map_get(&mg->ids, id) && n < 1000; n++)
		snprintf(id, sizeof(id), "%.120s-%s-%d", base, tail, n);
	if (etsi__map_put(&mg->ids, id, node) < 0) {
		mg->oom = 1;
		return NULL;
	}
	/* the map copied the key; return that copy */
	{
		size_t i;

		for (i = 0; i < mg->ids.cap; i++) {
			if (mg->ids.slots[i].value == node && mg->ids.slots[i].key &&
			    strcmp(mg->ids.slots[i].key, id) == 0)
				return mg->ids.slots[i].key;
		}
	}
	return NULL;
}

static void remember_rename(migration *mg, const char *old, const char *new_id)
{
	char *prev = etsi__map_get(&mg->renamed, old), *joined;
	etsi__buf b = ETSI__BUF_INIT;

	etsi__buf_printf(&b, "%s%s%s", prev ? prev : "", prev ? " " : "", new_id);
	joined = etsi__buf_detach(&b);
	if (!joined) {
		mg->oom = 1;
		return;
	}
	if (prev) {
		etsi__map_del(&mg->renamed, old);
		etsi__free(prev);
	}
	if (etsi__map_put(&mg->renamed, old, joined) < 0) {
		etsi__free(joined);
		mg->oom = 1;
	}
}

static void free_values(etsi__map *map)
{
	size_t i;

	for (i = 0; i < map->cap; i++) {
		if (map->slots[i].key && map->slots[i].value)
			etsi__free(map->slots[i].value);
	}
	etsi__map_dispose(map);
}

/* ---- the DUT fact a new condition needs ---------------------------------- */

/* Conditions that are new in the target edition and the DUT attribute
 * that decides each, as the check engine reads it. */
static const struct {
	const char *condition;
	const char *attribute;
} condition_facts[] = {
	{ "15", "prevents-update-mechanism" },
};

static int has_implemented_mechanism(migration *mg, const char **which)
{
	xmlNode *ub = child(mg->root, "update-boundary"), *m;

	for (m = child(ub, "mechanism"); m; m = next(m, "mechanism")) {
		if (!etsi__streq(attr(m, "implemented"), "false")) {
			*which = attr(m, "id");
			return 1;
		}
	}
	return 0;
}

/* Marks a proposed DUT fact: resource-constraint takes no foreign
 * attributes, so the mark goes on its rationale, which is written with the
 * reason when there is none. */
static void mark_proposal(migration *mg, xmlNode *rc, const char *reason)
{
	xmlNode *rationale = child(rc, "rationale");

	if (!rationale) {
		char text[600];

		snprintf(text, sizeof(text), "Proposed by etsi migrate (EN 303 645 V%s to V%s): %s. "
		         "Confirm or correct.", etsi_catalog_edition(mg->map.from),
		         etsi_catalog_edition(mg->map.to), reason);
		rationale = xmlNewTextChild(rc, rc->ns, BAD_CAST "rationale", BAD_CAST text);
		if (!rationale) {
			mg->oom = 1;
			return;
		}
	}
	mark(mg, rationale, "proposed", NULL);
}

static void state_fact(migration *mg, const char *condition, const char *provision)
{
	xmlNode *dut = child(mg->root, "dut");
	xmlNode *rc = child(dut, "resource-constraint");
	const char *attribute = NULL, *constrained, *mech = NULL;
	char hint[512];
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(condition_facts); i++) {
		if (strcmp(condition_facts[i].condition, condition) == 0)
			attribute = condition_facts[i].attribute;
	}
	if (!attribute) {
		note(mg, ETSI_SEVERITY_WARNING, "re-decide", etsi__xml_line(dut), NULL, provision,
		     "condition decided by the dossier's own facts",
		     "%s now depends on condition %s, which V%s does not have; libetsi cannot tell "
		     "from the dossier whether it holds", provision, condition,
		     etsi_catalog_edition(mg->map.from));
		mg->ics_flagged = 1;
		return;
	}
	snprintf(hint, sizeof(hint),
	         "confirm or correct <resource-constraint %s=\"...\"> with its rationale; a "
	         "use-case resource constraint counts, cost alone does not", attribute);
	if (rc && attr(rc, attribute)) {
		note(mg, ETSI_SEVERITY_INFO, "carried", etsi__xml_line(rc), NULL, provision,
		     NULL, "condition %s of %s reads the DUT's %s, which the dossier states already "
		     "(%s)", condition, provision, attribute, attr(rc, attribute));
		return;
	}
	constrained = rc ? attr(rc, "constrained") : NULL;
	if (!constrained) {
		note(mg, ETSI_SEVERITY_WARNING, "re-decide", etsi__xml_line(rc ? rc : dut), NULL,
		     provision, hint,
		     "%s now applies unless a resource constraint prevents an update mechanism "
		     "(condition %s); the dossier states neither whether the DUT is constrained nor "
		     "that, so state %s", provision, condition, attribute);
		mg->facts_flagged = 1;
		return;
	}
	if (etsi__streq(constrained, "false")) {
		set_attr(mg, rc, attribute, "false");
		mark_proposal(mg, rc, "the DUT is declared not constrained, so no resource "
		              "constraint prevents an update mechanism");
		note(mg, ETSI_SEVERITY_WARNING, "proposed", etsi__xml_line(rc), NULL, provision, hint,
		     "%s=\"false\" proposed for condition %s of %s: the DUT is declared not "
		     "constrained, so no resource constraint prevents an update mechanism",
		     attribute, condition, provision);
	} else if (has_implemented_mechanism(mg, &mech)) {
		set_attr(mg, rc, attribute, "false");
		mark_proposal(mg, rc, "the DUT is declared constrained but hosts an update "
		              "mechanism, so the constraint does not prevent one");
		note(mg, ETSI_SEVERITY_WARNING, "proposed", etsi__xml_line(rc), NULL, provision, hint,
		     "%s=\"false\" proposed for condition %s of %s: the DUT is declared constrained "
		     "but hosts update mechanism '%s', so the constraint does not prevent one",
		     attribute, condition, provision, mech ? mech : "?");
	} else {
		set_attr(mg, rc, attribute, "true");
		mark_proposal(mg, rc, "the DUT is declared constrained and has no update "
		              "mechanism, so the constraint is taken to prevent one");
		note(mg, ETSI_SEVERITY_WARNING, "proposed", etsi__xml_line(rc), NULL, provision, hint,
		     "%s=\"true\" proposed for condition %s of %s: the DUT is declared constrained "
		     "and has no update mechanism; confirm that the constraint is what prevents one",
		     attribute, condition, provision);
	}
	mg->facts_flagged = 1;
}

/* New conditions of the provisions the ICS now names. */
static void check_conditions(migration *mg)
{
	xmlNode *ics = child(mg->root, "ics"), *e;
	etsi__map done = ETSI__MAP_INIT;

	for (e = child(ics, "entry"); e; e = next(e, "entry")) {
		const etsi_record *q = etsi_catalog_find(mg->map.to, ETSI_KIND_PROVISION,
		                                         attr(e, "provision"));
		size_t i;

		for (i = 0; q && i < etsi_record_value_count(q, "condition"); i++) {
			const char *c = etsi_record_value_at(q, "condition", i);

			if (etsi_catalog_find(mg->map.from, ETSI_KIND_CONDITION, c) ||
			    etsi__map_get(&done, c))
				continue;
			if (etsi__map_put(&done, c, &done) < 0)
				mg->oom = 1;
			state_fact(mg, c, etsi_record_key(q));
		}
	}
	etsi__map_dispose(&done);
}

/* ---- ICS ----------------------------------------------------------------- */

static const char *change_hint(const target *t)
{
	return t->change;
}

static void migrate_ics(migration *mg)
{
	xmlNode *ics = child(mg->root, "ics"), *e, *following;
	const char *from = etsi_catalog_edition(mg->map.from);
	const char *to = etsi_catalog_edition(mg->map.to);
	etsi__map present = ETSI__MAP_INIT;
	size_t i, n;

	for (e = child(ics, "entry"); e; e = following) {
		const char *p = attr(e, "provision");
		const mapping *m = mapping_of(&mg->map, p);
		const char *support = attr(e, "support");
		int line = etsi__xml_line(e);
		char old[64];

		following = next(e, "entry");
		snprintf(old, sizeof(old), "%s", p ? p : "?");
		if (!m || m->ntargets == 0) {
			note(mg, ETSI_SEVERITY_WARNING, "dropped", line, NULL, old,
			     "the input file keeps it",
			     "ICS entry %s left out: the provision has no counterpart in V%s", old, to);
			remove_node(e);
			continue;
		}
		if (m->ntargets == 1) {
			const target *t = &m->targets[0];
			const char *q = etsi_record_key(t->provision);

			if (etsi__map_get(&present, q)) {
				note(mg, ETSI_SEVERITY_WARNING, "dropped", line, q, old, NULL,
				     "ICS entry %s left out: %s has an entry already", old, q);
				remove_node(e);
				continue;
			}
			if (etsi__map_put(&present, q, e) < 0)
				mg->oom = 1;
			if (strcmp(q, old) != 0) {
				set_attr(mg, e, "provision", q);
				mark(mg, e, "renumbered", old);
			}
			switch (t->impact) {
			case I_NONE:
			case I_NOTATION:
			case I_RENUMBERED:
				note(mg, ETSI_SEVERITY_INFO, strcmp(q, old) ? "renumbered" : "carried", line,
				     q, old, change_hint(t), "ICS entry %s%s%s (support %s) carried: %s -> %s",
				     old, strcmp(q, old) ? " -> " : "", strcmp(q, old) ? q : "",
				     support ? support : "not stated", status_code(m->old),
				     status_code(t->provision));
				break;
			case I_WORDING:
				mark(mg, e, "review", strcmp(q, old) ? old : NULL);
				carry(mg, e);
				mg->ics_flagged = 1;
				note(mg, ETSI_SEVERITY_WARNING, "review", line, q, old, change_hint(t),
				     "ICS entry %s carried; the provision's requirement changed in V%s: "
				     "review the detail", q, to);
				break;
			case I_APPLICABILITY:
			case I_SPLIT:
				mark(mg, e, "re-decide", strcmp(q, old) ? old : NULL);
				carry(mg, e);
				mg->ics_flagged = 1;
				note(mg, ETSI_SEVERITY_WARNING, "re-decide", line, q, old, change_hint(t),
				     "ICS entry %s carried; when the provision applies changed (%s -> %s): "
				     "decide its support (%s) again", q, status_code(m->old),
				     status_code(t->provision), support ? support : "not stated");
				break;
			}
			continue;
		}
		/* split: one entry per new provision, each with the support and the
		 * detail of the old one, to be decided again */
		for (i = 0; i < m->ntargets; i++) {
			const char *q = etsi_record_key(m->targets[i].provision);
			xmlNode *copy;

			if (etsi__map_get(&present, q)) {
				note(mg, ETSI_SEVERITY_WARNING, "dropped", line, q, old, NULL,
				     "ICS entry %s not split into %s: %s has an entry already", old, q, q);
				continue;
			}
			copy = xmlDocCopyNode(e, mg->doc, 1);
			if (!copy || !xmlAddPrevSibling(e, copy)) {
				xmlFreeNode(copy);
				mg->oom = 1;
				break;
			}
			if (etsi__map_put(&present, q, copy) < 0)
				mg->oom = 1;
			set_attr(mg, copy, "provision", q);
			mark(mg, copy, "re-decide", old);
			carry(mg, copy);
			mg->ics_flagged = 1;
			note(mg, ETSI_SEVERITY_WARNING, "split", line, q, old, change_hint(&m->targets[i]),
			     "ICS entry %s (%s, support %s) split: %s (%s) has its support and detail; "
			     "decide them again for what %s asks", old, status_code(m->old),
			     support ? support : "not stated", q, status_code(m->targets[i].provision), q);
		}
		remove_node(e);
	}
	/* provisions new in the target edition, from nothing earlier */
	n = etsi_catalog_count(mg->map.to, ETSI_KIND_PROVISION);
	for (i = 0; ics && i < n; i++) {
		const etsi_record *q = etsi_catalog_at(mg->map.to, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(q);
		xmlNode *entry;

		if (is_void(q) || strncmp(id, "5.3-", 4) != 0 || etsi__map_get(&present, id) ||
		    has_source(&mg->map, q))
			continue;
		entry = xmlNewChild(ics, ics->ns, BAD_CAST "entry", NULL);
		if (!entry) {
			mg->oom = 1;
			break;
		}
		set_attr(mg, entry, "provision", id);
		mark(mg, entry, "re-decide", NULL);
		mg->ics_flagged = 1;
		note(mg, ETSI_SEVERITY_WARNING, "re-decide", 0, id, id, NULL,
		     "%s (%s) is new in V%s and was not in V%s: state its support and detail", id,
		     status_code(q), to, from);
	}
	etsi__map_dispose(&present);
}

/* ---- evidence -------------------------------------------------------------- */

/* Removes covers of test cases the new TS edition does not have. */
static void migrate_covers(migration *mg, xmlNode *evidence)
{
	xmlNode *ext = child(evidence, "external"), *c, *following;

	for (c = child(ext, "covers"); c; c = following) {
		const char *tc = attr(c, "test-case");

		following = next(c, "covers");
		if (etsi_catalog_find(mg->map.to, ETSI_KIND_TEST_CASE, tc))
			continue;
		note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(c), attr(evidence, "id"), tc,
		     "state which test cases of the new edition the external evidence covers, if any",
		     "external evidence '%s' no longer claims to cover %s: TS 103 701 V%s has no such "
		     "test case", attr(evidence, "id"), tc ? tc : "?",
		     etsi_catalog_ts_edition(mg->map.to));
		remove_node(c);
	}
}

/* Copies evidence filed under a split provision, once per new provision,
 * with fresh ids for it and its artifacts. */
static void split_evidence(migration *mg, xmlNode *ev, const mapping *m)
{
	const char *id = attr(ev, "id");
	char old_id[160], old_p[64];
	size_t i;

	snprintf(old_id, sizeof(old_id), "%s", id ? id : "?");
	snprintf(old_p, sizeof(old_p), "%s", attr(ev, "provision"));
	for (i = 0; i < m->ntargets; i++) {
		const char *q = etsi_record_key(m->targets[i].provision);
		const char *tail = id_tail(q), *new_id;
		xmlNode *copy = xmlDocCopyNode(ev, mg->doc, 1), *a;

		if (!copy || !xmlAddPrevSibling(ev, copy)) {
			xmlFreeNode(copy);
			mg->oom = 1;
			return;
		}
		new_id = fresh_id(mg, old_id, tail, copy);
		if (!new_id)
			return;
		set_attr(mg, copy, "id", new_id);
		set_attr(mg, copy, "provision", q);
		set_attr(mg, copy, "review", "needs-review");
		mark(mg, copy, "review", old_id);
		remember_rename(mg, old_id, new_id);
		for (a = child(copy, "artifact"); a; a = next(a, "artifact")) {
			char art[160];
			const char *new_art;

			snprintf(art, sizeof(art), "%s", attr(a, "id") ? attr(a, "id") : "art");
			new_art = fresh_id(mg, art, tail, a);
			if (!new_art)
				return;
			set_attr(mg, a, "id", new_art);
			mark(mg, a, "review", art);
			remember_rename(mg, art, new_art);
		}
		migrate_covers(mg, copy);
		mg->evidence_flagged = 1;
		note(mg, ETSI_SEVERITY_WARNING, "split", etsi__xml_line(ev), new_id, old_p,
		     "review it and set review=\"reviewed\" (or remove the copy that shows nothing "
		     "for its provision)",
		     "evidence '%s' (filed under %s) copied to '%s' for %s, with its artifacts and "
		     "digests, marked needs-review: check that it shows what %s asks", old_id, old_p,
		     new_id, q, q);
	}
	remove_node(ev);
}

static void remember_removed(migration *mg, xmlNode *ev)
{
	xmlNode *a;

	if (attr(ev, "id") && etsi__map_put(&mg->removed, attr(ev, "id"), ev) < 0)
		mg->oom = 1;
	for (a = child(ev, "artifact"); a; a = next(a, "artifact")) {
		if (attr(a, "id") && etsi__map_put(&mg->removed, attr(a, "id"), ev) < 0)
			mg->oom = 1;
	}
}

static void migrate_evidence(migration *mg, xmlNode **garbage)
{
	xmlNode *map = child(mg->root, "evidence-map"), *ev, *following;

	for (ev = child(map, "evidence"); ev; ev = following) {
		const char *p = attr(ev, "provision");
		const mapping *m = mapping_of(&mg->map, p);

		following = next(ev, "evidence");
		if (!m || m->ntargets == 0) {
			note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(ev), attr(ev, "id"), p,
			     "the input file keeps it; file it under a provision of the new edition if it "
			     "still shows something", "evidence '%s' left out: provision %s has no counterpart in V%s",
			     attr(ev, "id") ? attr(ev, "id") : "?", p ? p : "?",
			     etsi_catalog_edition(mg->map.to));
			remember_removed(mg, ev);
			/* freed at the end: references to it are resolved first */
			xmlUnlinkNode(ev);
			ev->next = *garbage;
			*garbage = ev;
			continue;
		}
		if (m->ntargets > 1) {
			split_evidence(mg, ev, m);
			continue;
		}
		if (strcmp(etsi_record_key(m->targets[0].provision), p) != 0) {
			note(mg, ETSI_SEVERITY_INFO, "renumbered", etsi__xml_line(ev), attr(ev, "id"), p,
			     NULL, "evidence '%s' re-filed from %s under %s", attr(ev, "id"), p,
			     etsi_record_key(m->targets[0].provision));
			set_attr(mg, ev, "provision", etsi_record_key(m->targets[0].provision));
			mark(mg, ev, "renumbered", p);
		}
		migrate_covers(mg, ev);
	}
}

/* ---- verdicts ---------------------------------------------------------------- */

/* The new test cases that take over from an old one: those of the test
 * groups of the provisions its provision maps to. */
static void successors(migration *mg, const char *test_case, etsi__buf *out)
{
	const etsi_record *tc = etsi_catalog_find(mg->map.from, ETSI_KIND_TEST_CASE, test_case);
	const etsi_record *group = etsi_record_parent(tc);
	const mapping *m = mapping_of(&mg->map, etsi_record_get(group, "provision"));
	size_t i, j;

	for (i = 0; m && i < m->ntargets; i++) {
		const etsi_record *g = etsi_catalog_find(mg->map.to, ETSI_KIND_TEST_GROUP,
		                                         etsi_record_key(m->targets[i].provision));

		for (j = 0; g && j < etsi_record_child_count(g); j++)
			etsi__buf_printf(out, "%s%s", out->len ? ", " : "",
			                 etsi_record_key(etsi_record_child_at(g, j)));
	}
}

static void rewrite_refs(migration *mg, xmlNode *verdict)
{
	xmlNode *r, *following;

	for (r = child(verdict, "evidence-ref"); r; r = following) {
		const char *ref = attr(r, "ref");
		const char *renamed = ref ? etsi__map_get(&mg->renamed, ref) : NULL;

		following = next(r, "evidence-ref");
		if (renamed) {
			/* one reference per copy */
			char *list = etsi__strdup(renamed), *tok, *save = NULL;

			if (!list) {
				mg->oom = 1;
				return;
			}
			for (tok = strtok_r(list, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
				xmlNode *copy = xmlDocCopyNode(r, mg->doc, 1);

				if (!copy || !xmlAddPrevSibling(r, copy)) {
					xmlFreeNode(copy);
					mg->oom = 1;
					break;
				}
				set_attr(mg, copy, "ref", tok);
			}
			etsi__free(list);
			remove_node(r);
		} else if (ref && etsi__map_get(&mg->removed, ref)) {
			note(mg, ETSI_SEVERITY_INFO, "dropped", etsi__xml_line(r), ref,
			     attr(verdict, "case"), NULL,
			     "the verdict of %s no longer refers to evidence '%s', which was left out",
			     attr(verdict, "case"), ref);
			remove_node(r);
		}
	}
}

static void migrate_verdicts(migration *mg)
{
	xmlNode *verdicts = child(mg->root, "verdicts"), *v, *following;
	const char *ts_from = etsi_catalog_ts_edition(mg->map.from);
	const char *ts_to = etsi_catalog_ts_edition(mg->map.to);

	for (v = child(verdicts, "verdict"); v; v = following) {
		const char *tc = attr(v, "case");
		const etsi_record *newcase = etsi_catalog_find(mg->map.to, ETSI_KIND_TEST_CASE, tc);
		int line = etsi__xml_line(v);

		following = next(v, "verdict");
		if (!newcase) {
			etsi__buf succ = ETSI__BUF_INIT;
			char hint[512];

			successors(mg, tc, &succ);
			snprintf(hint, sizeof(hint), "%s%s%s", succ.len ? "the laboratory tests " : "",
			         succ.len ? succ.ptr : "the input file keeps the verdict",
			         succ.len ? " instead" : "");
			if (succ.failed)
				mg->oom = 1;
			note(mg, ETSI_SEVERITY_WARNING, "dropped", line, NULL, tc, hint,
			     "verdict %s of %s (by %s, %s) left out: TS 103 701 V%s has no test case %s",
			     attr(v, "result"), tc, attr(v, "by"), attr(v, "date"), ts_to, tc);
			etsi__buf_dispose(&succ);
			remove_node(v);
			mg->evidence_flagged = 1;
			continue;
		}
		rewrite_refs(mg, v);
		{
			const etsi_record *group = etsi_record_parent(newcase);
			const etsi_record *q = etsi_catalog_find(mg->map.to, ETSI_KIND_PROVISION,
			                                         etsi_record_get(group, "provision"));
			const char *text = NULL, *was = NULL;
			enum impact impact = q ? provision_impact(q, etsi_catalog_edition(mg->map.from),
			                                          &text, &was) : I_NONE;

			if (impact >= I_WORDING) {
				mark(mg, v, "review", NULL);
				carry(mg, v);
				note(mg, ETSI_SEVERITY_WARNING, "review", line, NULL, tc, text,
				     "verdict %s of %s kept, given under TS 103 701 V%s; provision %s changed "
				     "in V%s (%s): the laboratory confirms the verdict still holds",
				     attr(v, "result"), tc, ts_from, etsi_record_key(q),
				     etsi_catalog_edition(mg->map.to), impact_names[impact]);
			} else if (!ts_from || !ts_to || strcmp(ts_from, ts_to) != 0) {
				/* The same id in another TS edition is not known to be the
				 * same test: its purpose, inputs or pass rule may differ. */
				mark(mg, v, "review", NULL);
				carry(mg, v);
				note(mg, ETSI_SEVERITY_WARNING, "review", line, NULL, tc,
				     "until a review is recorded the verdict counts as not assessed",
				     "verdict %s of %s kept, given under TS 103 701 V%s: test case %s of "
				     "V%s may differ, so the laboratory confirms the verdict still holds",
				     attr(v, "result"), tc, ts_from ? ts_from : "?", tc,
				     ts_to ? ts_to : "?");
			} else {
				note(mg, ETSI_SEVERITY_INFO, "carried", line, NULL, tc, NULL,
				     "verdict %s of %s kept: the test case is the same in TS 103 701 V%s",
				     attr(v, "result"), tc, ts_to);
			}
		}
	}
}

/* ---- waivers, plan, public statement, workflow ---------------------------- */

static void migrate_waivers(migration *mg)
{
	xmlNode *waivers = child(mg->root, "waivers"), *w, *following;

	for (w = child(waivers, "waiver"); w; w = following) {
		const char *aim = attr(w, "target");
		const char *why = NULL;
		char buf[256];

		following = next(w, "waiver");
		if (!aim)
			continue;
		switch (etsi__id_shape(aim)) {
		case ETSI__SHAPE_PROVISION: {
			const mapping *m = mapping_of(&mg->map, aim);

			if (!m || m->ntargets == 0) {
				why = "its provision has no counterpart";
			} else if (m->ntargets > 1) {
				why = "its provision was split";
			} else if (strcmp(etsi_record_key(m->targets[0].provision), aim) != 0) {
				note(mg, ETSI_SEVERITY_INFO, "renumbered", etsi__xml_line(w), attr(w, "id"),
				     aim, NULL, "waiver '%s' now targets %s", attr(w, "id"),
				     etsi_record_key(m->targets[0].provision));
				set_attr(mg, w, "target", etsi_record_key(m->targets[0].provision));
			}
			break;
		}
		case ETSI__SHAPE_TEST_CASE:
			if (!etsi_catalog_find(mg->map.to, ETSI_KIND_TEST_CASE, aim))
				why = "its test case does not exist in the new TS 103 701 edition";
			break;
		default:
			if (etsi__map_get(&mg->renamed, aim))
				why = "the evidence it targets was split into copies";
			else if (etsi__map_get(&mg->removed, aim))
				why = "the evidence it targets was left out";
			break;
		}
		if (!why)
			continue;
		snprintf(buf, sizeof(buf), "%s", aim);
		note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(w), attr(w, "id"), buf,
		     "grant it again for the new provisions or evidence if it is still justified",
		     "waiver '%s' of rule %s for %s left out: %s", attr(w, "id"), attr(w, "rule"), buf,
		     why);
		remove_node(w);
	}
	if (waivers && !child(waivers, "waiver"))
		remove_node(waivers); /* the schema wants at least one waiver */
}

static void migrate_rest(migration *mg)
{
	xmlNode *header = child(mg->root, "header");
	xmlNode *plan = child(mg->root, "test-plan");
	xmlNode *statement = child(header, "public-statement");
	xmlNode *workflow = child(mg->root, "workflow"), *s;

	if (plan) {
		note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(plan), NULL, NULL,
		     "derive it again with `etsi plan` (and store it if you keep one)",
		     "stored test plan left out: it was derived for TS 103 701 V%s",
		     etsi_catalog_ts_edition(mg->map.from));
		remove_node(plan);
	}
	if (statement) {
		note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(statement), NULL, NULL,
		     "publish a statement for the new edition once it is assessed",
		     "public statement left out: it speaks of the EN 303 645 V%s assessment, which "
		     "does not carry over to V%s", etsi_catalog_edition(mg->map.from),
		     etsi_catalog_edition(mg->map.to));
		remove_node(statement);
		mg->evidence_flagged = 1;
	}
	for (s = child(workflow, "step"); s; s = next(s, "step")) {
		const char *name = attr(s, "name");
		int affected = (etsi__streq(name, "ics") && mg->ics_flagged) ||
		               (etsi__streq(name, "scope") && mg->facts_flagged) ||
		               (etsi__streq(name, "handoff") && (mg->evidence_flagged ||
		                                                 mg->ics_flagged));

		if (!affected || !attr(s, "signed-off"))
			continue;
		note(mg, ETSI_SEVERITY_WARNING, "cleared", etsi__xml_line(s), name, NULL,
		     "its owner signs it off again once the marked items are done",
		     "sign-off of step '%s' (%s) removed: what it covers changed in the migration",
		     name, attr(s, "signed-off"));
		xmlUnsetProp(s, BAD_CAST "signed-off");
		mark(mg, s, "review", NULL);
	}
}

static void drop_signature(migration *mg)
{
	xmlNode *c, *following;

	for (c = mg->root->children; c; c = following) {
		following = c->next;
		if (!etsi__xml_is(c, ETSI_NS_XMLDSIG, "Signature"))
			continue;
		note(mg, ETSI_SEVERITY_WARNING, "dropped", etsi__xml_line(c), NULL, NULL,
		     "sign the migrated dossier with `etsi sign` once it is reviewed",
		     "signature left out: it was made over the V%s dossier",
		     etsi_catalog_edition(mg->map.from));
		remove_node(c);
	}
}

static void set_editions(migration *mg)
{
	xmlNode *editions = child(child(mg->root, "header"), "editions");

	if (!editions) {
		mg->oom = 1; /* a valid dossier has them; nothing else can be wrong */
		return;
	}
	set_attr(mg, editions, "en303645", etsi_catalog_edition(mg->map.to));
	set_attr(mg, editions, "ts103701", etsi_catalog_ts_edition(mg->map.to));
	note(mg, ETSI_SEVERITY_INFO, "carried", etsi__xml_line(editions), NULL, NULL, NULL,
	     "editions: EN 303 645 V%s with TS 103 701 V%s -> EN 303 645 V%s with TS 103 701 V%s",
	     etsi_catalog_edition(mg->map.from), etsi_catalog_ts_edition(mg->map.from),
	     etsi_catalog_edition(mg->map.to), etsi_catalog_ts_edition(mg->map.to));
}

int etsi_dossier_migrate(etsi_dossier **out, etsi_diagnostics **report, const etsi_dossier *in,
                         const char *edition)
{
	etsi_catalog_options copts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_load_options lopts = ETSI_LOAD_OPTIONS_INIT;
	etsi_catalog *to = NULL;
	xmlNode *garbage = NULL;
	migration mg;
	char *text = NULL;
	size_t len;
	int error = 0;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (report)
		*report = NULL;
	ETSI__ASSERT_ARG(in);
	ETSI__ASSERT_ARG(edition);
	etsi__runtime_ensure();
	if (!in->catalog)
		return etsi__error(ETSI_EUNSUPPORTED, ETSI_ERROR_CLASS_DOSSIER,
		                   "the dossier's editions are not known, so it cannot be migrated; "
		                   "load it with validation");
	if (edition_cmp(edition, etsi_catalog_edition(in->catalog)) <= 0)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the dossier is for EN 303 645 V%s; migration goes to a later "
		                   "edition, not to V%s", etsi_catalog_edition(in->catalog), edition);
	copts.data_dir = in->data_dir;
	if ((error = etsi_catalog_open(&to, edition, &copts)) < 0)
		return error;

	memset(&mg, 0, sizeof(mg));
	mg.in = in;
	mg.file = in->path ? in->path : "<dossier>";
	mg.report = etsi__diagnostics_new();
	if (!mg.report || mapper_build(&mg.map, in->catalog, to) < 0) {
		error = etsi__error_oom();
		goto done;
	}
	mg.doc = xmlCopyDoc(in->store.docs[0], 1);
	if (!mg.doc) {
		error = etsi__error_oom();
		goto done;
	}
	mg.root = xmlDocGetRootElement(mg.doc);
	collect_ids(&mg, mg.root);

	set_editions(&mg);
	drop_signature(&mg);
	migrate_ics(&mg);
	check_conditions(&mg);
	migrate_evidence(&mg, &garbage);
	migrate_verdicts(&mg);
	migrate_waivers(&mg);
	migrate_rest(&mg);
	if (mg.oom) {
		error = etsi__error_oom();
		goto done;
	}

	/* the result, built like any dossier read from a file */
	if ((error = etsi__xml_write(&text, &len, mg.doc)) < 0)
		goto done;
	lopts.data_dir = in->data_dir;
	error = etsi_dossier_load_memory(out, text, len, "<migrated dossier>", &lopts);
	if (error < 0) {
		if (error != ETSI_ENOMEM) {
			char message[768];

			snprintf(message, sizeof(message), "%s", etsi_error_last()->message);
			error = etsi__error(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER,
			                    "the migrated dossier is not valid (%s); please report this "
			                    "with the input dossier", message);
		}
		goto done;
	}
	/* a new dossier: no file yet */
	etsi__free((*out)->path);
	(*out)->path = NULL;
	if (report) {
		*report = mg.report;
		mg.report = NULL;
	}
done:
	while (garbage) {
		xmlNode *n = garbage->next;

		garbage->next = NULL;
		xmlFreeNode(garbage);
		garbage = n;
	}
	etsi__free(text);
	xmlFreeDoc(mg.doc);
	etsi__map_dispose(&mg.ids);
	free_values(&mg.renamed);
	etsi__map_dispose(&mg.removed);
	mapper_dispose(&mg.map);
	etsi_diagnostics_free(mg.report);
	etsi_catalog_free(to);
	return error;
}

/* ---- catalog differences --------------------------------------------------- */

typedef struct differ {
	etsi_diagnostics *out;
	const etsi_catalog *from, *to;
	const char *file_from, *file_to;
	int oom;
} differ;

static void diff_note(differ *df, etsi_severity severity, const char *kind, int from_side,
                      const etsi_record *at, const char *reference, const char *element,
                      const char *hint, const char *fmt, ...) ETSI__PRINTF(9, 10);

static void diff_note(differ *df, etsi_severity severity, const char *kind, int from_side,
                      const etsi_record *at, const char *reference, const char *element,
                      const char *hint, const char *fmt, ...)
{
	etsi__where where;
	va_list ap;

	memset(&where, 0, sizeof(where));
	where.file = from_side ? df->file_from : df->file_to;
	where.line = etsi_record_line(at);
	where.rule = kind;
	where.reference = reference;
	where.element = element;
	va_start(ap, fmt);
	add_note(df->out, &df->oom, severity, &where, hint, fmt, ap);
	va_end(ap);
}

static const char *doc_name(const etsi_catalog *cat, size_t i)
{
	const xmlDoc *doc = cat->store.docs[i];

	if (doc && doc->URL) {
		const char *slash = strrchr((const char *)doc->URL, '/');

		return slash ? slash + 1 : (const char *)doc->URL;
	}
	return "catalog";
}

static void diff_provisions(differ *df, const mapper *mp)
{
	const char *to = etsi_catalog_edition(df->to);
	size_t i, j, n;

	for (i = 0; i < mp->all.len; i++) {
		const mapping *m = mp->all.items[i];
		const char *p = etsi_record_key(m->old);
		const etsi_record *v = etsi_catalog_find(df->to, ETSI_KIND_PROVISION, p);

		if (m->ntargets == 0) {
			diff_note(df, ETSI_SEVERITY_WARNING, "void", 1, m->old, p, NULL,
			          v ? etsi_record_get(v, "change") : NULL,
			          "%s (%s) has no counterpart in V%s%s", p, status_code(m->old), to,
			          v && is_void(v) ? " (void)" : "");
		} else if (m->ntargets > 1) {
			etsi__buf list = ETSI__BUF_INIT, ids = ETSI__BUF_INIT;

			for (j = 0; j < m->ntargets; j++) {
				const etsi_record *q = m->targets[j].provision;

				etsi__buf_printf(&list, "%s%s (%s)", j ? (j + 1 == m->ntargets ? " and " : ", ")
				                                       : "", etsi_record_key(q), status_code(q));
				etsi__buf_printf(&ids, "%s%s", j ? " " : "", etsi_record_key(q));
			}
			if (list.failed || ids.failed)
				df->oom = 1;
			else
				diff_note(df, ETSI_SEVERITY_WARNING, "split", 0,
				          v ? v : m->targets[0].provision, p, ids.ptr,
				          v ? etsi_record_get(v, "change") : m->targets[0].change,
				          "%s (%s) is %s in V%s, split into %s", p, status_code(m->old),
				          v && is_void(v) ? "void" : "replaced", to, list.ptr);
			etsi__buf_dispose(&list);
			etsi__buf_dispose(&ids);
		} else {
			const target *t = &m->targets[0];
			const char *q = etsi_record_key(t->provision);
			int renumbered = strcmp(q, p) != 0;
			const char *kind = renumbered ? "renumbered"
			                   : t->impact == I_NONE ? "unchanged" : impact_names[t->impact];

			diff_note(df, t->impact >= I_WORDING ? ETSI_SEVERITY_WARNING : ETSI_SEVERITY_INFO,
			          kind, 0, t->provision, p, q, t->change, "%s%s%s: %s -> %s (%s)", p,
			          renumbered ? " -> " : "", renumbered ? q : "", status_code(m->old),
			          status_code(t->provision), impact_names[t->impact]);
		}
	}
	n = etsi_catalog_count(df->to, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		const etsi_record *q = etsi_catalog_at(df->to, ETSI_KIND_PROVISION, i);

		if (is_void(q) || has_source(mp, q))
			continue;
		diff_note(df, ETSI_SEVERITY_WARNING, "added", 0, q, etsi_record_key(q),
		          etsi_record_key(q), NULL, "%s (%s) is new in V%s", etsi_record_key(q),
		          status_code(q), to);
	}
}

static void diff_keys(differ *df, etsi_kind kind, const char *what, const char *added,
                      const char *removed)
{
	size_t i, n;

	n = etsi_catalog_count(df->from, kind);
	for (i = 0; removed && i < n; i++) {
		const etsi_record *r = etsi_catalog_at(df->from, kind, i);

		if (!etsi_catalog_find(df->to, kind, etsi_record_key(r)))
			diff_note(df, kind == ETSI_KIND_TEST_CASE ? ETSI_SEVERITY_WARNING
			                                          : ETSI_SEVERITY_INFO,
			          removed, 1, r, etsi_record_key(r), NULL, etsi_record_get(r, "summary"),
			          "%s %s of V%s is not in V%s", what, etsi_record_key(r),
			          kind == ETSI_KIND_TEST_CASE ? etsi_catalog_ts_edition(df->from)
			                                      : etsi_catalog_edition(df->from),
			          kind == ETSI_KIND_TEST_CASE ? etsi_catalog_ts_edition(df->to)
			                                      : etsi_catalog_edition(df->to));
	}
	n = etsi_catalog_count(df->to, kind);
	for (i = 0; added && i < n; i++) {
		const etsi_record *r = etsi_catalog_at(df->to, kind, i);

		if (!etsi_catalog_find(df->from, kind, etsi_record_key(r)))
			diff_note(df, ETSI_SEVERITY_INFO, added, 0, r, etsi_record_key(r),
			          etsi_record_key(r), etsi_record_get(r, "summary"), "%s %s is new in V%s",
			          what, etsi_record_key(r),
			          kind == ETSI_KIND_TEST_CASE ? etsi_catalog_ts_edition(df->to)
			                                      : etsi_catalog_edition(df->to));
	}
}

static void diff_ixit(differ *df)
{
	size_t i, j, n = etsi_catalog_count(df->to, ETSI_KIND_IXIT_TABLE);

	for (i = 0; i < n; i++) {
		const etsi_record *t = etsi_catalog_at(df->to, ETSI_KIND_IXIT_TABLE, i);
		const char *was = etsi_record_get(t, "renamed-from");
		const etsi_record *old = etsi_catalog_find(df->from, ETSI_KIND_IXIT_TABLE,
		                                           was ? was : etsi_record_key(t));

		if (was)
			diff_note(df, ETSI_SEVERITY_INFO, "ixit-table-renamed", 0, t, was,
			          etsi_record_key(t), NULL, "IXIT table %s is %s (%s) in TS 103 701 V%s",
			          was, etsi_record_key(t), etsi_record_get(t, "name"),
			          etsi_catalog_ts_edition(df->to));
		if (!old)
			continue;
		for (j = 0; j < etsi_record_child_count(t); j++) {
			const etsi_record *f = etsi_record_child_at(t, j);
			size_t k;
			int found = 0;

			for (k = 0; k < etsi_record_child_count(old); k++)
				found |= etsi__streq(etsi_record_key(etsi_record_child_at(old, k)),
				                     etsi_record_key(f));
			if (!found)
				diff_note(df, ETSI_SEVERITY_INFO, "ixit-field-added", 0, f,
				          etsi_record_key(t), etsi_record_key(f), etsi_record_get(f, "summary"),
				          "IXIT %s has a new field %s (%s)", etsi_record_key(t),
				          etsi_record_key(f), etsi_record_get(f, "name"));
		}
	}
}

int etsi_catalog_diff(etsi_diagnostics **out, const etsi_catalog *from, const etsi_catalog *to)
{
	differ df;
	mapper mp;
	int error = 0;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(from);
	ETSI__ASSERT_ARG(to);
	memset(&df, 0, sizeof(df));
	df.from = from;
	df.to = to;
	df.file_from = doc_name(from, 0);
	df.file_to = doc_name(to, 0);
	df.out = etsi__diagnostics_new();
	if (!df.out || mapper_build(&mp, from, to) < 0) {
		if (df.out)
			mapper_dispose(&mp);
		etsi_diagnostics_free(df.out);
		return etsi__error_oom();
	}
	diff_provisions(&df, &mp);
	diff_keys(&df, ETSI_KIND_CONDITION, "condition", "condition-added", "condition-removed");
	diff_keys(&df, ETSI_KIND_FEATURE, "feature", "feature-added", NULL);
	df.file_from = doc_name(from, 1);
	df.file_to = doc_name(to, 1);
	diff_ixit(&df);
	diff_keys(&df, ETSI_KIND_TEST_CASE, "test case", "test-case-added", "test-case-removed");
	mapper_dispose(&mp);
	if (df.oom) {
		etsi_diagnostics_free(df.out);
		return etsi__error_oom();
	}
	*out = df.out;
	return error;
}
