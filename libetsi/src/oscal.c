/*
 * OSCAL (1.1.2, valid under 1.2.1 too) as XML or JSON: the assessment
 * results and the assessment plan (the TS 103 701 test plan) of a dossier,
 * and the catalog and profile of an edition's clause 5.3
 * (docs/interchange.md has the mappings).
 *
 * The document is built once as an XML tree in the OSCAL namespace, in the
 * element order the OSCAL XSD requires; the JSON form is derived from that
 * tree (repeated elements grouped under their plural names, markup as
 * Markdown), so both forms always say the same thing.
 *
 * Identifiers: EN 303 645 provisions are controls "en303645-<provision>"
 * with objectives "en303645-<provision>_obj"; TS 103 701 test cases are
 * objectives "ts103701-<test case>" (OSCAL tokens may not start with a
 * digit).  UUIDs are version 5 UUIDs (SHA-1, RFC 4122) of stable names
 * under libetsi's namespace UUID, so an unchanged dossier gives the same
 * document.  No date is invented: the timestamps come from the dossier,
 * else from the as-of date given, else from the evaluation's (which reads
 * the clock only then); a catalog's from the months its files declare.
 *
 * Besides verdicts and outcomes, the document carries the dossier's typed
 * product facts (props of the DUT, component and mechanism components:
 * one per stated fact, none for a fact not stated), the supplier's
 * self-assessment (observations of their own kind, never findings), every
 * error and warning of the evaluation (findings with the rule, severity,
 * and the claim and fact a contradiction names) and, as risks, the
 * contradicted claims, the gate's open questions and FAIL verdicts; each
 * step of the release gate is a finding that names its blockers.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/tree.h>
#include <openssl/evp.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "dossier_impl.h"
#include "error.h"
#include "etsi/interchange.h"
#include "etsi/results.h"
#include "oscal.h"
#include "record_impl.h"
#include "xml.h"

#define NS_OSCAL "http://csrc.nist.gov/ns/oscal/1.0"
/* libetsi's namespace for props: its own vocabulary, docs/interchange.md */
#define NS_PROPS "urn:libetsi:oscal:1"
#define OSCAL_VERSION "1.1.2"
/* the assessment results' import-ap by default: a sibling file */
#define DEFAULT_AP_JSON "assessment-plan.json"
#define DEFAULT_AP_XML "assessment-plan.xml"

/* uuid5(NAMESPACE_URL, "urn:libetsi:oscal:1") */
static const unsigned char ns_uuid[16] = {
	0x61, 0x66, 0x41, 0xca, 0x8a, 0x53, 0x58, 0x61,
	0xbc, 0x4e, 0xd4, 0x4f, 0xc9, 0x55, 0xe0, 0x0a
};

typedef struct uuid_str {
	char s[37];
} uuid_str;

/* A check finding the document carries, with the stable name its UUIDs
 * (finding, and risk for a contradicted claim) are made from. */
typedef struct check_item {
	etsi_record *r;
	char *name;
} check_item;

/* A risk and the provision it concerns, for the provision's finding. */
typedef struct risk_link {
	uuid_str uuid;
	char provision[];
} risk_link;

/* The document an export builds. */
enum oscal_model { OSCAL_AR, OSCAL_AP };

typedef struct oscal {
	etsi_dossier *d;
	int model;               /* enum oscal_model */
	const char *ap_href;     /* AR: the import-ap href */
	const etsi_catalog *cat;
	etsi_results *results;   /* the evaluation, or NULL when... */
	etsi__store *given;      /* ...a results document was given (tests) */
	xmlDocPtr doc;
	xmlNsPtr ns;
	etsi__buf base;          /* the name every UUID name starts with */
	char timestamp[64];      /* last-modified, RFC 3339 */
	char date[11];           /* its date */
	int failed;              /* an error code once something failed */
	etsi__vec provisions;    /* the reviewed provisions, catalog order */
	etsi__map reviewed;      /* provision -> "" when reviewed */
	etsi__map objectives;    /* test case -> "" when reviewed */
	etsi__vec cases;         /* reviewed test cases (records), catalog order */
	etsi__vec checks;        /* check_item: error and warning findings */
	etsi__vec risk_links;    /* risk_link */
	etsi__map names;         /* UUID names given to check findings and open questions */
	int clause_target;       /* a check finding names no reviewed provision */
} oscal;

/* ---- the results ------------------------------------------------------------ */

static size_t rcount(const oscal *o, etsi_kind kind)
{
	return o->given ? etsi__store_count(o->given, kind) : etsi_results_count(o->results, kind);
}

static etsi_record *rat(const oscal *o, etsi_kind kind, size_t i)
{
	return o->given ? etsi__store_at(o->given, kind, i) : etsi_results_at(o->results, kind, i);
}

static etsi_record *rfind(const oscal *o, etsi_kind kind, const char *key)
{
	return o->given ? etsi__store_find(o->given, kind, key)
	                : etsi_results_find(o->results, kind, key);
}

/* ---- UUIDs ---------------------------------------------------------------- */

static int uuid5(uuid_str *out, const char *name)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok;

	ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) &&
	     EVP_DigestUpdate(ctx, ns_uuid, sizeof(ns_uuid)) &&
	     EVP_DigestUpdate(ctx, name, strlen(name)) && EVP_DigestFinal_ex(ctx, md, &mdlen) &&
	     mdlen >= 16;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return etsi__error(ETSI_ERROR, ETSI_ERROR_CLASS_OS,
		                   "SHA-1 is not available from OpenSSL, so no version 5 UUID can "
		                   "be made; enable the default provider");
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50);
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);
	snprintf(out->s, sizeof(out->s),
	         "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	         md[0], md[1], md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9], md[10],
	         md[11], md[12], md[13], md[14], md[15]);
	return 0;
}

int etsi__oscal_uuid5(char out[37], const char *name)
{
	uuid_str u;
	int error = uuid5(&u, name);

	memcpy(out, u.s, sizeof(u.s));
	return error;
}

static const char *uuid_of(oscal *o, uuid_str *out, const char *kind, const char *key)
{
	etsi__buf name = ETSI__BUF_INIT;

	etsi__buf_printf(&name, "%s/%s%s%s", o->base.ptr ? o->base.ptr : "", kind,
	                 key ? "/" : "", key ? key : "");
	if (name.failed) {
		o->failed = ETSI_ENOMEM;
		strcpy(out->s, "00000000-0000-5000-8000-000000000000");
		return out->s;
	}
	if (uuid5(out, name.ptr) < 0) {
		o->failed = ETSI_ERROR;
		strcpy(out->s, "00000000-0000-5000-8000-000000000000");
	}
	etsi__buf_dispose(&name);
	return out->s;
}

/* ---- building the XML tree ---------------------------------------------- */

static xmlNode *el(oscal *o, xmlNode *parent, const char *name)
{
	xmlNode *n;

	if (o->failed || !parent)
		return NULL;
	n = xmlNewChild(parent, o->ns, (const xmlChar *)name, NULL);
	if (!n)
		o->failed = ETSI_ENOMEM;
	return n;
}

static void set(oscal *o, xmlNode *node, const char *name, const char *value)
{
	if (o->failed || !node || !value)
		return;
	if (!xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value))
		o->failed = ETSI_ENOMEM;
}

static xmlNode *text_el(oscal *o, xmlNode *parent, const char *name, const char *text)
{
	xmlNode *n;

	if (o->failed || !parent)
		return NULL;
	n = xmlNewTextChild(parent, o->ns, (const xmlChar *)name, (const xmlChar *)text);
	if (!n)
		o->failed = ETSI_ENOMEM;
	return n;
}

/* A one-line field (title, version, name): white space collapsed. */
static xmlNode *line_el(oscal *o, xmlNode *parent, const char *name, const char *text)
{
	char *line;
	xmlNode *n;

	if (o->failed || !text)
		return NULL;
	line = etsi__one_line(text);
	if (!line) {
		o->failed = ETSI_ENOMEM;
		return NULL;
	}
	n = *line ? text_el(o, parent, name, line) : NULL;
	etsi__free(line);
	return n;
}

/* Paragraphs (<p>) of a text, split at blank lines, each one line; into a
 * new element @p name, or (name NULL) straight into @p parent (prose). */
static void markup(oscal *o, xmlNode *parent, const char *name, const char *text)
{
	xmlNode *holder = parent;
	const char *p = text;
	int any = 0;

	if (o->failed || !parent || !text)
		return;
	if (name && !(holder = el(o, parent, name)))
		return;
	while (*p) {
		const char *end = p, *next;
		char *chunk, *line;

		/* a paragraph ends at a line that holds only white space */
		for (;;) {
			const char *nl = strchr(end, '\n');
			const char *q;

			if (!nl) {
				end += strlen(end);
				next = end;
				break;
			}
			for (q = nl + 1; *q == ' ' || *q == '\t' || *q == '\r'; q++)
				;
			if (*q == '\n') {
				next = q + 1;
				end = nl;
				break;
			}
			end = nl + 1;
		}
		chunk = etsi__strndup(p, (size_t)(end - p));
		line = chunk ? etsi__one_line(chunk) : NULL;
		etsi__free(chunk);
		if (!line) {
			o->failed = ETSI_ENOMEM;
			return;
		}
		if (*line) {
			text_el(o, holder, "p", line);
			any = 1;
		}
		etsi__free(line);
		p = next;
	}
	if (!any)
		text_el(o, holder, "p", "(no text)");
}

static void prop(oscal *o, xmlNode *parent, const char *name, const char *value)
{
	xmlNode *n;
	char *line;

	if (o->failed || !parent || !value)
		return;
	line = etsi__one_line(value);
	if (!line) {
		o->failed = ETSI_ENOMEM;
		return;
	}
	if (*line) {
		n = el(o, parent, "prop");
		set(o, n, "name", name);
		set(o, n, "ns", NS_PROPS);
		set(o, n, "value", line);
	}
	etsi__free(line);
}

/* A prop whose remarks hold a text (a fact's prose). */
static void prop_remarks(oscal *o, xmlNode *parent, const char *name, const char *value,
                         const char *remarks)
{
	xmlNode *last;

	prop(o, parent, name, value);
	last = parent ? xmlGetLastChild(parent) : NULL;
	if (o->failed || !last || !remarks || etsi__is_blank(remarks) ||
	    !etsi__xml_is(last, NS_OSCAL, "prop"))
		return;
	markup(o, last, "remarks", remarks);
}

static void link_el(oscal *o, xmlNode *parent, const char *href, const char *rel)
{
	xmlNode *n = el(o, parent, "link");

	set(o, n, "href", href);
	set(o, n, "rel", rel);
}

/* ---- dates ---------------------------------------------------------------- */

static int oscal_year(const char *date)
{
	int y = atoi(date);

	return y >= 1900 && y <= 2999;
}

/* "YYYY-MM-DDT00:00:00Z" for a valid date OSCAL can carry, else NULL */
static const char *datetime_of(char *buf, size_t size, const char *date)
{
	if (!date || !etsi__valid_date(date) || !oscal_year(date))
		return NULL;
	snprintf(buf, size, "%sT00:00:00Z", date);
	return buf;
}

static int valid_datetime(const char *s)
{
	/* YYYY-MM-DDTHH:MM:SS(.fraction)?(Z|(+|-)HH:MM) */
	char date[11];
	size_t n = strlen(s), i = 19;

	if (n < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!etsi__valid_date(date) || !oscal_year(date))
		return 0;
	if (!isdigit((unsigned char)s[11]) || !isdigit((unsigned char)s[12]) ||
	    !isdigit((unsigned char)s[14]) || !isdigit((unsigned char)s[15]) ||
	    !isdigit((unsigned char)s[17]) || !isdigit((unsigned char)s[18]) ||
	    atoi(s + 11) > 23 || atoi(s + 14) > 59 || atoi(s + 17) > 59)
		return 0;
	if (s[i] == '.') {
		i++;
		if (!isdigit((unsigned char)s[i]))
			return 0;
		while (isdigit((unsigned char)s[i]))
			i++;
	}
	if (s[i] == 'Z')
		return s[i + 1] == '\0';
	if ((s[i] != '+' && s[i] != '-') || n != i + 6 || s[i + 3] != ':' ||
	    !isdigit((unsigned char)s[i + 1]) || !isdigit((unsigned char)s[i + 2]) ||
	    !isdigit((unsigned char)s[i + 4]) || !isdigit((unsigned char)s[i + 5]) ||
	    atoi(s + i + 1) > 23 || atoi(s + i + 4) > 59)
		return 0;
	return 1;
}

static void later(const char **latest, const char *date)
{
	if (date && etsi__valid_date(date) && oscal_year(date) &&
	    (!*latest || strcmp(date, *latest) > 0))
		*latest = date;
}

/* The latest date the dossier states. */
static const char *latest_date(const etsi_dossier *d)
{
	static const struct {
		etsi_kind kind;
		const char *field;
	} dated[] = {
		{ ETSI_KIND_HEADER, "release-date" }, { ETSI_KIND_HEADER, "public-date" },
		{ ETSI_KIND_VERDICT, "date" }, { ETSI_KIND_ARTIFACT, "collected" },
		{ ETSI_KIND_EVIDENCE, "reviewed-on" }, { ETSI_KIND_CONFIRMATION, "date" },
		{ ETSI_KIND_WAIVER, "date" }, { ETSI_KIND_STEP, "signed-off" },
	};
	const char *latest = NULL;
	xmlNode *plan;
	size_t i, j;

	for (i = 0; i < ETSI__ARRAY_SIZE(dated); i++) {
		for (j = 0; j < etsi_dossier_count(d, dated[i].kind); j++)
			later(&latest, etsi_record_get(etsi_dossier_at(d, dated[i].kind, j),
			                               dated[i].field));
	}
	plan = etsi__xml_child(xmlDocGetRootElement(d->store.docs[0]), ETSI__NS_DOSSIER,
	                       "test-plan");
	later(&latest, etsi__xml_attr(plan, "generated"));
	return latest;
}

/* ---- helpers over the dossier --------------------------------------------- */

static const char *get(const etsi_record *r, const char *field)
{
	return etsi_record_get(r, field);
}

/* For printing a value that may be absent. */
static const char *nz(const char *s)
{
	return s ? s : "?";
}

static int mark(oscal *o, etsi__map *map, const char *key)
{
	int rc = etsi__map_put(map, key, (void *)"");

	if (rc < 0)
		o->failed = ETSI_ENOMEM;
	return rc == 0; /* 1: newly marked */
}

/* The provision a test case belongs to. */
static const char *case_provision(const oscal *o, const char *test_case)
{
	etsi_record *tc = etsi_catalog_find(o->cat, ETSI_KIND_TEST_CASE, test_case);

	return tc ? get(etsi_record_parent(tc), "provision") : NULL;
}

/* The provision a reference (a provision or a test case) concerns, or NULL. */
static const char *provision_of(const oscal *o, const char *ref)
{
	etsi_record *p = ref ? etsi_catalog_find(o->cat, ETSI_KIND_PROVISION, ref) : NULL;

	return p ? etsi_record_key(p) : ref ? case_provision(o, ref) : NULL;
}

/* The prop that names a reference: "provision", "test-case" or, for
 * anything else (a value a finding quotes), "reference". */
static const char *reference_prop(const oscal *o, const char *ref)
{
	if (etsi_catalog_find(o->cat, ETSI_KIND_PROVISION, ref))
		return "provision";
	if (etsi_catalog_find(o->cat, ETSI_KIND_TEST_CASE, ref))
		return "test-case";
	return "reference";
}

/* The objective a check finding targets: its test case's when the
 * document defines it, else its provision's, else NULL (the clause's). */
static int objective_of(const oscal *o, const char *ref, char *buf, size_t size)
{
	const char *p = provision_of(o, ref);

	if (ref && etsi__map_get(&o->objectives, ref))
		snprintf(buf, size, "ts103701-%s", ref);
	else if (p && etsi__map_get(&o->reviewed, p))
		snprintf(buf, size, "en303645-%s_obj", p);
	else
		return 0;
	return 1;
}

#define CLAUSE_CONTROL "en303645-5.3"
#define CLAUSE_OBJECTIVE "en303645-5.3_obj"

/* A name no check finding or open question has taken yet, made from
 * @p base and, for a second one, @p detail; etsi__free() it.  NULL when
 * out of memory. */
static char *unique_name(oscal *o, const char *base, const char *detail)
{
	size_t n;

	for (n = 1;; n++) {
		etsi__buf name = ETSI__BUF_INIT;
		int rc;

		etsi__buf_puts(&name, base);
		if (n >= 2)
			etsi__buf_printf(&name, "/%s", detail ? detail : "");
		if (n >= 3)
			etsi__buf_printf(&name, "#%zu", n - 1);
		rc = name.failed ? ETSI_ENOMEM : etsi__map_put(&o->names, name.ptr, (void *)"");
		if (rc == 0)
			return etsi__buf_detach(&name);
		etsi__buf_dispose(&name);
		if (rc < 0)
			break;
	}
	o->failed = ETSI_ENOMEM;
	return NULL;
}

/* The error and warning findings of the evaluation, each with its name. */
static void collect_checks(oscal *o)
{
	size_t i;

	for (i = 0; i < rcount(o, ETSI_KIND_FINDING) && !o->failed; i++) {
		etsi_record *r = rat(o, ETSI_KIND_FINDING, i);
		const char *severity = get(r, "severity");
		etsi__buf base = ETSI__BUF_INIT;
		check_item *c;
		char buf[160];

		if (!etsi__streq(severity, "error") && !etsi__streq(severity, "warning"))
			continue;
		c = etsi__calloc(1, sizeof(*c));
		if (!c || etsi__vec_push(&o->checks, c) < 0) {
			etsi__free(c);
			o->failed = ETSI_ENOMEM;
			return;
		}
		c->r = r;
		etsi__buf_printf(&base, "%s/%s/%s", nz(get(r, "rule")),
		                 get(r, "reference") ? get(r, "reference") : "",
		                 get(r, "element") ? get(r, "element") : "");
		c->name = base.failed ? NULL : unique_name(o, base.ptr, get(r, "message"));
		if (!c->name)
			o->failed = ETSI_ENOMEM;
		etsi__buf_dispose(&base);
		if (!objective_of(o, get(r, "reference"), buf, sizeof(buf)))
			o->clause_target = 1;
	}
}

/* Collects the provisions and test cases the result reviews: every
 * provision evaluated, those of planned test cases and of verdicts. */
static void collect_reviewed(oscal *o)
{
	size_t i, n;

	for (i = 0; i < rcount(o, ETSI_KIND_OUTCOME); i++)
		mark(o, &o->reviewed, etsi_record_key(rat(o, ETSI_KIND_OUTCOME, i)));
	for (i = 0; i < rcount(o, ETSI_KIND_PLANNED_CASE); i++) {
		const char *id = etsi_record_key(rat(o, ETSI_KIND_PLANNED_CASE, i));
		const char *p = case_provision(o, id);

		mark(o, &o->objectives, id);
		if (p)
			mark(o, &o->reviewed, p);
	}
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_VERDICT); i++) {
		const char *id = get(etsi_dossier_at(o->d, ETSI_KIND_VERDICT, i), "case");
		const char *p = case_provision(o, id);

		if (p && id) {
			mark(o, &o->objectives, id);
			mark(o, &o->reviewed, p);
		}
	}
	/* in catalog order */
	n = etsi_catalog_count(o->cat, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(o->cat, ETSI_KIND_PROVISION, i);

		if (etsi__map_get(&o->reviewed, etsi_record_key(p)) &&
		    etsi__vec_push(&o->provisions, p) < 0)
			o->failed = ETSI_ENOMEM;
	}
	n = etsi_catalog_count(o->cat, ETSI_KIND_TEST_CASE);
	for (i = 0; i < n; i++) {
		etsi_record *tc = etsi_catalog_at(o->cat, ETSI_KIND_TEST_CASE, i);

		if (etsi__map_get(&o->objectives, etsi_record_key(tc)) &&
		    etsi__vec_push(&o->cases, tc) < 0)
			o->failed = ETSI_ENOMEM;
	}
}

static void ident(char *buf, size_t size, const char *prefix, const char *id, const char *suffix)
{
	snprintf(buf, size, "%s%s%s", prefix, id, suffix ? suffix : "");
}

/* ---- metadata ------------------------------------------------------------- */

static const char *role_id(const char *party_role)
{
	if (etsi__streq(party_role, "SO"))
		return "supplier-organization";
	if (etsi__streq(party_role, "TL"))
		return "test-laboratory";
	return "other-party";
}

static int plain_email(const char *s)
{
	const char *at = s ? strchr(s, '@') : NULL;
	const char *p;

	if (!at || at == s || !at[1] || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return 0;
	for (p = s; *p; p++) {
		if (p == at)
			continue;
		if (!isalnum((unsigned char)*p) && !strchr(p < at ? ".!#$%&'*+/=?^_`{|}~-" : ".-", *p))
			return 0;
	}
	return at[1] != '.' && at[1] != '-' && p[-1] != '.' && p[-1] != '-';
}

static void build_metadata(oscal *o, xmlNode *root)
{
	etsi_record *header = etsi_dossier_find(o->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(o->d, ETSI_KIND_DUT, NULL);
	xmlNode *md = el(o, root, "metadata"), *n;
	etsi__buf title = ETSI__BUF_INIT;
	static const char *const roles[][2] = {
		{ "supplier-organization", "Supplier organization (TS 103 701 SO)" },
		{ "test-laboratory", "Test laboratory (TS 103 701 TL)" },
		{ "other-party", "Other party named in the dossier" },
	};
	size_t i, j, nparties = etsi_dossier_count(o->d, ETSI_KIND_PARTY);
	uuid_str u;

	if (o->model == OSCAL_AP)
		etsi__buf_printf(&title, "ETSI TS 103 701 V%s test plan for EN 303 645 clause 5.3: "
		                 "%s release %s", get(header, "ts103701"),
		                 get(dut, "model-designation"), get(header, "release"));
	else if (get(header, "title"))
		etsi__buf_puts(&title, get(header, "title"));
	else
		etsi__buf_printf(&title, "EN 303 645 clause 5.3 assessment results: %s release %s",
		                 get(dut, "model-designation"), get(header, "release"));
	if (title.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, md, "title", title.ptr);
	etsi__buf_dispose(&title);
	text_el(o, md, "last-modified", o->timestamp);
	line_el(o, md, "version", get(header, "release"));
	text_el(o, md, "oscal-version", OSCAL_VERSION);
	prop(o, md, "model-designation", get(dut, "model-designation"));
	prop(o, md, "manufacturer", get(dut, "manufacturer"));
	prop(o, md, "release", get(header, "release"));
	prop(o, md, "release-date", get(header, "release-date"));
	prop(o, md, "en303645-edition", get(header, "en303645"));
	prop(o, md, "ts103701-edition", get(header, "ts103701"));
	prop(o, md, "public-conformance", get(header, "public-conformance"));
	prop(o, md, "public-support-end", get(header, "public-support-end"));
	if (get(header, "public-url"))
		link_el(o, md, get(header, "public-url"), "public-statement");
	for (i = 0; i < ETSI__ARRAY_SIZE(roles); i++) {
		int used = 0;

		for (j = 0; j < nparties; j++)
			used |= strcmp(role_id(get(etsi_dossier_at(o->d, ETSI_KIND_PARTY, j), "role")),
			               roles[i][0]) == 0;
		if (!used)
			continue;
		n = el(o, md, "role");
		set(o, n, "id", roles[i][0]);
		text_el(o, n, "title", roles[i][1]);
	}
	for (j = 0; j < nparties; j++) {
		etsi_record *p = etsi_dossier_at(o->d, ETSI_KIND_PARTY, j);

		n = el(o, md, "party");
		set(o, n, "uuid", uuid_of(o, &u, "party", etsi_record_key(p)));
		set(o, n, "type", "organization");
		line_el(o, n, "name", get(p, "name"));
		prop(o, n, "party-id", etsi_record_key(p));
		prop(o, n, "party-role", get(p, "role"));
		prop(o, n, "accreditation", get(p, "accreditation"));
		if (get(p, "contact"))
			markup(o, n, "remarks", get(p, "contact"));
	}
	for (j = 0; j < etsi_dossier_count(o->d, ETSI_KIND_OWNER); j++) {
		etsi_record *p = etsi_dossier_at(o->d, ETSI_KIND_OWNER, j);

		n = el(o, md, "party");
		set(o, n, "uuid", uuid_of(o, &u, "owner", etsi_record_key(p)));
		set(o, n, "type", "person");
		line_el(o, n, "name", get(p, "name"));
		prop(o, n, "owner-id", etsi_record_key(p));
		prop(o, n, "owner-role", get(p, "role"));
		if (plain_email(get(p, "email")))
			text_el(o, n, "email-address", get(p, "email"));
		if (get(p, "party"))
			text_el(o, n, "member-of-organization", uuid_of(o, &u, "party", get(p, "party")));
	}
	for (i = 0; i < ETSI__ARRAY_SIZE(roles); i++) {
		xmlNode *rp = NULL;

		for (j = 0; j < nparties; j++) {
			etsi_record *p = etsi_dossier_at(o->d, ETSI_KIND_PARTY, j);

			if (strcmp(role_id(get(p, "role")), roles[i][0]) != 0)
				continue;
			if (!rp) {
				rp = el(o, md, "responsible-party");
				set(o, rp, "role-id", roles[i][0]);
			}
			text_el(o, rp, "party-uuid", uuid_of(o, &u, "party", etsi_record_key(p)));
		}
	}
}

/* ---- objectives ------------------------------------------------------------ */

/* The objectives of the reviewed provisions and test cases, into a
 * local-definitions element (when there are any: has_objectives()). */
static int has_objectives(const oscal *o)
{
	return o->provisions.len || o->clause_target;
}

static void build_objectives(oscal *o, xmlNode *defs)
{
	size_t i, j;

	for (i = 0; i < o->provisions.len; i++) {
		etsi_record *p = o->provisions.items[i];
		const char *id = etsi_record_key(p);
		etsi_record *group = etsi_catalog_find(o->cat, ETSI_KIND_TEST_GROUP, id);
		char buf[160];
		xmlNode *om = el(o, defs, "objectives-and-methods"), *part;
		etsi__buf title = ETSI__BUF_INIT;

		ident(buf, sizeof(buf), "en303645-", id, NULL);
		set(o, om, "control-id", buf);
		prop(o, om, "provision", id);
		prop(o, om, "status-code", get(p, "status-code"));
		part = el(o, om, "part");
		ident(buf, sizeof(buf), "en303645-", id, "_obj");
		set(o, part, "id", buf);
		set(o, part, "name", "objective");
		etsi__buf_printf(&title, "EN 303 645 provision %s: %s", id, nz(get(p, "title")));
		if (title.failed)
			o->failed = ETSI_ENOMEM;
		line_el(o, part, "title", title.ptr);
		etsi__buf_dispose(&title);
		prop(o, part, "confidence", get(p, "confidence"));
		markup(o, part, NULL, get(p, "summary"));
		for (j = 0; j < o->cases.len; j++) {
			etsi_record *tc = o->cases.items[j];
			xmlNode *sub;

			if (etsi_record_parent(tc) != group)
				continue;
			sub = el(o, part, "part");
			ident(buf, sizeof(buf), "ts103701-", etsi_record_key(tc), NULL);
			set(o, sub, "id", buf);
			set(o, sub, "name", "objective");
			etsi__buf_printf(&title, "TS 103 701 test case %s (%s)", etsi_record_key(tc),
			                 nz(get(tc, "kind")));
			if (title.failed)
				o->failed = ETSI_ENOMEM;
			line_el(o, sub, "title", title.ptr);
			etsi__buf_dispose(&title);
			prop(o, sub, "test-case", etsi_record_key(tc));
			prop(o, sub, "test-case-kind", get(tc, "kind"));
			markup(o, sub, NULL, get(tc, "purpose"));
		}
	}
	if (o->clause_target) {
		/* what check findings that name no provision target */
		xmlNode *om = el(o, defs, "objectives-and-methods"), *part;

		set(o, om, "control-id", CLAUSE_CONTROL);
		part = el(o, om, "part");
		set(o, part, "id", CLAUSE_OBJECTIVE);
		set(o, part, "name", "objective");
		line_el(o, part, "title", "EN 303 645 clause 5.3: the dossier as a whole");
		markup(o, part, NULL, "The dossier that carries the clause 5.3 evidence, for findings "
		       "of libetsi's checks that concern no single provision (the device's "
		       "identification, the update boundary, waivers).");
	}
}

/* ---- the result ----------------------------------------------------------- */

static void component_status(oscal *o, xmlNode *comp)
{
	xmlNode *status = el(o, comp, "status");

	set(o, status, "state", "operational");
}

/* The typed product facts (docs/dossier-format.md, "Product facts"): one
 * prop per stated fact, named after its element and attribute; a fact
 * left out states nothing and gives no prop, "unknown" stays "unknown". */
typedef struct fact_prop {
	const char *field;       /* the record's field */
	const char *prop;        /* the prop's name */
} fact_prop;

static const fact_prop dut_facts[] = {
	{ "support-period-end", "support-period-end" },
	{ "support-period-duration", "support-period-duration" },
	{ "support-period-stated", "support-period-stated" },
};

static const fact_prop component_facts[] = {
	{ "boot-verified", "boot-verification-verified" },
	{ "boot-verified-by", "boot-verification-by" },
	{ "carries-network-stack", "carries-network-stack" },
	{ "carries-operating-system", "carries-operating-system" },
	{ "carries-applications", "carries-applications" },
};

/* before the crypto elements */
static const fact_prop verification_facts[] = {
	{ "verified-where", "verification-where" },
	{ "verified-by", "verification-by" },
};

/* after them */
static const fact_prop mechanism_facts[] = {
	{ "key-location", "verification-key" },
	{ "server-authenticated", "transport-server-authenticated" },
	{ "tls", "transport-tls" },
	{ "source", "update-source" },
	{ "anti-rollback", "anti-rollback" },
	{ "recovery", "recovery" },
	{ "automatic-default", "automation-default" },
	{ "automatic-user-can-disable", "automation-user-can-disable" },
	{ "postpone", "automation-postpone" },
	{ "check-at-boot", "update-check-at-boot" },
	{ "check-after-initialization", "update-check-after-initialization" },
	{ "check-periodic", "update-check-periodic" },
	{ "check-period", "update-check-period" },
	{ "check-by", "update-check-by" },
	{ "notice-security-updates", "notice-security-updates" },
	{ "notice-risks", "notice-risks" },
	{ "notice-disruption", "notice-disruption" },
	{ "notice-channel", "notice-channel" },
	{ "notice-default", "notice-default" },
	{ "notice-user-can-disable", "notice-user-can-disable" },
};

static void fact_props(oscal *o, xmlNode *c, const etsi_record *r, const fact_prop *facts,
                       size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		prop(o, c, facts[i].prop, get(r, facts[i].field));
}

/* "signature ECDSA 256 SHA-256 (authenticated: true)": use, algorithm,
 * key size in bits and hash, as far as they are stated. */
static void crypto_props(oscal *o, xmlNode *c, const etsi_record *mechanism)
{
	size_t i;

	for (i = 0; i < etsi_record_child_count(mechanism); i++) {
		etsi_record *k = etsi_record_child_at(mechanism, i);
		etsi__buf value = ETSI__BUF_INIT;

		if (etsi_record_kind(k) != ETSI_KIND_CRYPTO)
			continue;
		etsi__buf_printf(&value, "%s %s", nz(get(k, "use")), nz(get(k, "alg")));
		if (get(k, "key-bits"))
			etsi__buf_printf(&value, " %s", get(k, "key-bits"));
		if (get(k, "hash"))
			etsi__buf_printf(&value, " %s", get(k, "hash"));
		if (get(k, "authenticated"))
			etsi__buf_printf(&value, " (authenticated: %s)", get(k, "authenticated"));
		if (value.failed)
			o->failed = ETSI_ENOMEM;
		prop(o, c, "crypto", value.ptr);
		etsi__buf_dispose(&value);
	}
}

/* "service-port (verifies: true)", the path's description in remarks. */
static void install_path_props(oscal *o, xmlNode *c, const etsi_record *component)
{
	const xmlNode *n;

	for (n = etsi__xml_child(component->node, ETSI__NS_DOSSIER, "other-install-path"); n;
	     n = etsi__xml_next(n, ETSI__NS_DOSSIER, "other-install-path")) {
		etsi__buf value = ETSI__BUF_INIT;
		xmlChar *text = xmlNodeGetContent(n);

		etsi__buf_printf(&value, "%s (verifies: %s)", nz(etsi__xml_attr(n, "kind")),
		                 nz(etsi__xml_attr(n, "verifies")));
		if (value.failed)
			o->failed = ETSI_ENOMEM;
		prop_remarks(o, c, "other-install-path", value.ptr, (const char *)text);
		etsi__buf_dispose(&value);
		xmlFree(text);
	}
}

/* The DUT, its software components, update mechanisms and services, as
 * components of a local-definitions element. */
static void build_components(oscal *o, xmlNode *defs)
{
	etsi_record *dut = etsi_dossier_find(o->d, ETSI_KIND_DUT, NULL);
	etsi_record *user_info = etsi_dossier_find(o->d, ETSI_KIND_USER_INFO, NULL);
	xmlNode *c;
	etsi__buf title = ETSI__BUF_INIT;
	size_t i, j;
	uuid_str u;

	c = el(o, defs, "component");
	set(o, c, "uuid", uuid_of(o, &u, "dut", NULL));
	set(o, c, "type", "this-system");
	if (get(dut, "manufacturer"))
		etsi__buf_printf(&title, "%s ", get(dut, "manufacturer"));
	etsi__buf_puts(&title, get(dut, "model-designation") ? get(dut, "model-designation") : "DUT");
	if (title.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, c, "title", title.ptr);
	etsi__buf_dispose(&title);
	markup(o, c, "description", get(dut, "description") ? get(dut, "description")
	                            : "The device under test.");
	prop(o, c, "model-designation", get(dut, "model-designation"));
	prop(o, c, "hardware-version", get(dut, "hardware-version"));
	prop(o, c, "software-version", get(dut, "software-version"));
	prop(o, c, "constrained", get(dut, "constrained"));
	prop(o, c, "prevents-update-mechanism", get(dut, "prevents-update-mechanism"));
	fact_props(o, c, user_info, dut_facts, ETSI__ARRAY_SIZE(dut_facts));
	component_status(o, c);

	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_COMPONENT); i++) {
		etsi_record *r = etsi_dossier_at(o->d, ETSI_KIND_COMPONENT, i);

		c = el(o, defs, "component");
		set(o, c, "uuid", uuid_of(o, &u, "component", etsi_record_key(r)));
		set(o, c, "type", "software");
		etsi__buf_puts(&title, get(r, "name"));
		if (get(r, "version"))
			etsi__buf_printf(&title, " %s", get(r, "version"));
		if (title.failed)
			o->failed = ETSI_ENOMEM;
		line_el(o, c, "title", title.ptr);
		etsi__buf_dispose(&title);
		markup(o, c, "description", get(r, "description") ? get(r, "description")
		                            : get(r, "name"));
		prop(o, c, "component-id", etsi_record_key(r));
		prop(o, c, "component-kind", get(r, "kind"));
		prop(o, c, "updateable", get(r, "updateable"));
		prop(o, c, "version", get(r, "version"));
		prop(o, c, "supplier", get(r, "supplier"));
		prop(o, c, "purl", get(r, "purl"));
		prop(o, c, "cpe", get(r, "cpe"));
		for (j = 0; j < etsi_record_value_count(r, "hash"); j++)
			prop(o, c, "hash", etsi_record_value_at(r, "hash", j));
		for (j = 0; j < etsi_record_value_count(r, "mechanism"); j++)
			prop(o, c, "update-mechanism", etsi_record_value_at(r, "mechanism", j));
		prop(o, c, "no-update-reason", get(r, "no-update-reason"));
		fact_props(o, c, r, component_facts, ETSI__ARRAY_SIZE(component_facts));
		install_path_props(o, c, r);
		component_status(o, c);
	}
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_MECHANISM); i++) {
		etsi_record *r = etsi_dossier_at(o->d, ETSI_KIND_MECHANISM, i);

		c = el(o, defs, "component");
		set(o, c, "uuid", uuid_of(o, &u, "mechanism", etsi_record_key(r)));
		set(o, c, "type", "process-procedure");
		line_el(o, c, "title", get(r, "name"));
		markup(o, c, "description", get(r, "description") ? get(r, "description")
		                            : get(r, "name"));
		prop(o, c, "mechanism-id", etsi_record_key(r));
		prop(o, c, "update-path", get(r, "path"));
		prop(o, c, "network", get(r, "network"));
		prop(o, c, "automatic", get(r, "automatic"));
		prop(o, c, "notification", get(r, "notification"));
		prop(o, c, "implemented", get(r, "implemented"));
		prop(o, c, "interface", get(r, "interface"));
		for (j = 0; j < etsi_record_value_count(r, "service"); j++)
			prop(o, c, "uses-service", etsi_record_value_at(r, "service", j));
		prop(o, c, "trust-relationship", get(r, "trust"));
		fact_props(o, c, r, verification_facts, ETSI__ARRAY_SIZE(verification_facts));
		crypto_props(o, c, r);
		fact_props(o, c, r, mechanism_facts, ETSI__ARRAY_SIZE(mechanism_facts));
		component_status(o, c);
	}
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_SERVICE); i++) {
		etsi_record *r = etsi_dossier_at(o->d, ETSI_KIND_SERVICE, i);

		c = el(o, defs, "component");
		set(o, c, "uuid", uuid_of(o, &u, "service", etsi_record_key(r)));
		set(o, c, "type", "service");
		line_el(o, c, "title", get(r, "name"));
		markup(o, c, "description", get(r, "description") ? get(r, "description")
		                            : get(r, "name"));
		prop(o, c, "service-id", etsi_record_key(r));
		prop(o, c, "service-kind", get(r, "kind"));
		component_status(o, c);
	}
}

static void build_reviewed(oscal *o, xmlNode *result)
{
	etsi_record *header = etsi_dossier_find(o->d, ETSI_KIND_HEADER, NULL);
	xmlNode *rc = el(o, result, "reviewed-controls"), *sel;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	size_t i;

	sel = el(o, rc, "control-selection");
	etsi__buf_printf(&text, "The provisions of ETSI EN 303 645 V%s that the assessment "
	                 "evaluates: clause 5.3 and the provisions of the test cases it selects.",
	                 get(header, "en303645"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, sel, "description", text.ptr);
	etsi__buf_dispose(&text);
	for (i = 0; i < o->provisions.len; i++) {
		xmlNode *inc = el(o, sel, "include-control");

		ident(buf, sizeof(buf), "en303645-", etsi_record_key(o->provisions.items[i]), NULL);
		set(o, inc, "control-id", buf);
	}
	if (o->clause_target)
		set(o, el(o, sel, "include-control"), "control-id", CLAUSE_CONTROL);
	if (!o->cases.len)
		return;
	sel = el(o, rc, "control-objective-selection");
	etsi__buf_printf(&text, "The ETSI TS 103 701 V%s test cases of the test plan, and those "
	                 "with a recorded verdict.", get(header, "ts103701"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, sel, "description", text.ptr);
	etsi__buf_dispose(&text);
	for (i = 0; i < o->cases.len; i++) {
		xmlNode *inc = el(o, sel, "include-objective");

		ident(buf, sizeof(buf), "ts103701-", etsi_record_key(o->cases.items[i]), NULL);
		set(o, inc, "objective-id", buf);
	}
}

static const char *method_of(const char *kind)
{
	return etsi__streq(kind, "functional") ? "TEST" : "EXAMINE";
}

static void actor(oscal *o, xmlNode *parent, const char *what, const char *id,
                  const char *role)
{
	xmlNode *origin, *a;
	uuid_str u;

	if (!id)
		return;
	origin = el(o, parent, "origin");
	a = el(o, origin, "actor");
	set(o, a, "type", "party");
	set(o, a, "actor-uuid", uuid_of(o, &u, what, id));
	set(o, a, "role-id", role);
}

static void dut_subject(oscal *o, xmlNode *parent)
{
	xmlNode *s = el(o, parent, "subject");
	uuid_str u;

	set(o, s, "subject-uuid", uuid_of(o, &u, "dut", NULL));
	set(o, s, "type", "component");
}

static const char *when(oscal *o, char *buf, size_t size, const char *date)
{
	const char *dt = datetime_of(buf, size, date);

	return dt ? dt : o->timestamp;
}

static void evidence_observation(oscal *o, xmlNode *result, etsi_record *ev)
{
	xmlNode *obs = el(o, result, "observation"), *re;
	etsi__buf text = ETSI__BUF_INIT;
	const char *collected = NULL, *expires = NULL;
	char buf[64];
	size_t i;
	uuid_str u;

	set(o, obs, "uuid", uuid_of(o, &u, "observation/evidence", etsi_record_key(ev)));
	etsi__buf_printf(&text, "Evidence %s (%s) for EN 303 645 provision %s",
	                 etsi_record_key(ev), get(ev, "category"), get(ev, "provision"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, obs, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_puts(&text, get(ev, "claim") ? get(ev, "claim") : "");
	if (get(ev, "condition"))
		etsi__buf_printf(&text, "\n\nCondition: %s", get(ev, "condition"));
	if (get(ev, "external-scope"))
		etsi__buf_printf(&text, "\n\nExternal evidence scope: %s", get(ev, "external-scope"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, obs, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, obs, "observation-kind", "evidence");
	prop(o, obs, "evidence-id", etsi_record_key(ev));
	prop(o, obs, "provision", get(ev, "provision"));
	prop(o, obs, "evidence-kind", get(ev, "kind"));
	prop(o, obs, "category", get(ev, "category"));
	prop(o, obs, "review", get(ev, "review"));
	prop(o, obs, "release", get(ev, "release"));
	prop(o, obs, "carried-from", get(ev, "carried-from"));
	prop(o, obs, "reviewed-on", get(ev, "reviewed-on"));
	prop(o, obs, "external-assurance", get(ev, "external-assurance"));
	prop(o, obs, "external-issuer", get(ev, "external-issuer"));
	for (i = 0; i < etsi_record_child_count(ev); i++) {
		etsi_record *c = etsi_record_child_at(ev, i);

		if (etsi_record_kind(c) == ETSI_KIND_COVERS) {
			etsi__buf_printf(&text, "%s (%s)", get(c, "test-case"), get(c, "coverage"));
			if (text.failed)
				o->failed = ETSI_ENOMEM;
			prop(o, obs, "covers", text.ptr);
			etsi__buf_dispose(&text);
		}
	}
	text_el(o, obs, "method", method_of(get(ev, "kind")));
	text_el(o, obs, "type", "control-objective");
	actor(o, obs, "owner", get(ev, "owner"), NULL);
	dut_subject(o, obs);
	for (i = 0; i < etsi_record_child_count(ev); i++) {
		etsi_record *a = etsi_record_child_at(ev, i);
		char href[40];

		if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT)
			continue;
		re = el(o, obs, "relevant-evidence");
		snprintf(href, sizeof(href), "#%s",
		         uuid_of(o, &u, "resource/artifact", etsi_record_key(a)));
		set(o, re, "href", href);
		etsi__buf_printf(&text, "%s (%s, %s)", get(a, "title") ? get(a, "title") : get(a, "ref"),
		                 get(a, "ref"), get(a, "media-type"));
		if (text.failed)
			o->failed = ETSI_ENOMEM;
		markup(o, re, "description", text.ptr);
		etsi__buf_dispose(&text);
		if (get(a, "collected") && datetime_of(buf, sizeof(buf), get(a, "collected")) &&
		    (!collected || strcmp(get(a, "collected"), collected) > 0))
			collected = get(a, "collected");
		if (get(a, "expires") && datetime_of(buf, sizeof(buf), get(a, "expires")) &&
		    (!expires || strcmp(get(a, "expires"), expires) < 0))
			expires = get(a, "expires");
	}
	if (!collected && get(ev, "reviewed-on"))
		collected = get(ev, "reviewed-on");
	text_el(o, obs, "collected", when(o, buf, sizeof(buf), collected));
	if (expires && datetime_of(buf, sizeof(buf), expires))
		text_el(o, obs, "expires", buf);
}

static const char *party_role_of(oscal *o, const char *party)
{
	etsi_record *p = etsi_dossier_find(o->d, ETSI_KIND_PARTY, party);

	return p ? role_id(get(p, "role")) : NULL;
}

static void verdict_observation(oscal *o, xmlNode *result, etsi_record *v)
{
	xmlNode *obs = el(o, result, "observation");
	etsi_record *tc = etsi_catalog_find(o->cat, ETSI_KIND_TEST_CASE, get(v, "case"));
	const char *kind = tc ? get(tc, "kind") : NULL;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[64];
	size_t i;
	uuid_str u;

	set(o, obs, "uuid", uuid_of(o, &u, "observation/verdict", get(v, "case")));
	etsi__buf_printf(&text, "TS 103 701 test case %s: %s", get(v, "case"), get(v, "result"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, obs, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "Verdict %s recorded for test case %s on %s.", get(v, "result"),
	                 get(v, "case"), get(v, "date"));
	if (get(v, "note"))
		etsi__buf_printf(&text, "\n\n%s", get(v, "note"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, obs, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, obs, "observation-kind", "verdict");
	prop(o, obs, "test-case", get(v, "case"));
	prop(o, obs, "provision", case_provision(o, get(v, "case")));
	prop(o, obs, "result", get(v, "result"));
	prop(o, obs, "test-case-kind", kind);
	if (etsi__streq(kind, "mixed")) {
		text_el(o, obs, "method", "EXAMINE");
		text_el(o, obs, "method", "TEST");
	} else {
		text_el(o, obs, "method", method_of(kind));
	}
	text_el(o, obs, "type", "control-objective");
	actor(o, obs, "party", get(v, "by"), party_role_of(o, get(v, "by")));
	dut_subject(o, obs);
	text_el(o, obs, "collected", when(o, buf, sizeof(buf), get(v, "date")));
	if (etsi_record_value_count(v, "indication")) {
		for (i = 0; i < etsi_record_value_count(v, "indication"); i++)
			etsi__buf_printf(&text, "%sIndication: %s", i ? "\n\n" : "",
			                 etsi_record_value_at(v, "indication", i));
		if (text.failed)
			o->failed = ETSI_ENOMEM;
		markup(o, obs, "remarks", text.ptr);
		etsi__buf_dispose(&text);
	}
}

static void related(oscal *o, xmlNode *finding, const char *kind, const char *key)
{
	xmlNode *r = el(o, finding, "related-observation");
	uuid_str u;

	set(o, r, "observation-uuid", uuid_of(o, &u, kind, key));
}

static void status(oscal *o, xmlNode *target, const char *state, const char *reason)
{
	xmlNode *s = el(o, target, "status");

	set(o, s, "state", state);
	set(o, s, "reason", reason);
}

static void case_finding(oscal *o, xmlNode *result, etsi_record *v)
{
	const char *result_value = get(v, "result");
	xmlNode *f = el(o, result, "finding"), *target;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	size_t i;
	uuid_str u;

	set(o, f, "uuid", uuid_of(o, &u, "finding/test-case", get(v, "case")));
	etsi__buf_printf(&text, "TS 103 701 test case %s: %s", get(v, "case"), result_value);
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, f, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "The test laboratory's verdict on test case %s of EN 303 645 "
	                 "provision %s is %s.", get(v, "case"),
	                 case_provision(o, get(v, "case")) ? case_provision(o, get(v, "case")) : "?",
	                 result_value);
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, f, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, f, "level", "test-case");
	prop(o, f, "test-case", get(v, "case"));
	prop(o, f, "provision", case_provision(o, get(v, "case")));
	prop(o, f, "result", result_value);
	actor(o, f, "party", get(v, "by"), party_role_of(o, get(v, "by")));
	target = el(o, f, "target");
	set(o, target, "type", "objective-id");
	ident(buf, sizeof(buf), "ts103701-", get(v, "case"), NULL);
	set(o, target, "target-id", buf);
	if (etsi__streq(result_value, "PASS"))
		status(o, target, "satisfied", "pass");
	else if (etsi__streq(result_value, "FAIL"))
		status(o, target, "not-satisfied", "fail");
	else
		status(o, target, "not-satisfied", "other");
	related(o, f, "observation/verdict", get(v, "case"));
	for (i = 0; i < etsi_record_value_count(v, "evidence"); i++)
		related(o, f, "observation/evidence", etsi_record_value_at(v, "evidence", i));
	if (etsi__streq(result_value, "FAIL"))
		set(o, el(o, f, "associated-risk"), "risk-uuid",
		    uuid_of(o, &u, "risk/failed-test-case", get(v, "case")));
}

static void provision_finding(oscal *o, xmlNode *result, etsi_record *out)
{
	const char *id = etsi_record_key(out), *outcome = get(out, "outcome");
	xmlNode *f = el(o, result, "finding"), *target, *impl;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	size_t i;
	uuid_str u;

	set(o, f, "uuid", uuid_of(o, &u, "finding/provision", id));
	etsi__buf_printf(&text, "EN 303 645 provision %s: %s", id, nz(outcome));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, f, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "Provision %s (%s), ICS support %s: %s, aggregated by libetsi "
	                 "from the test cases' verdicts (basis: %s).", id, nz(get(out, "status")),
	                 get(out, "support") ? get(out, "support") : "not stated", nz(outcome),
	                 nz(get(out, "basis")));
	if (get(out, "reason"))
		etsi__buf_printf(&text, "\n\n%s", get(out, "reason"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, f, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, f, "level", "provision");
	prop(o, f, "provision", id);
	prop(o, f, "outcome", outcome);
	prop(o, f, "basis", get(out, "basis"));
	prop(o, f, "support", get(out, "support"));
	prop(o, f, "status-code", get(out, "status"));
	prop(o, f, "applicable", get(out, "applicable"));
	target = el(o, f, "target");
	set(o, target, "type", "objective-id");
	ident(buf, sizeof(buf), "en303645-", id, "_obj");
	set(o, target, "target-id", buf);
	if (etsi__streq(outcome, "PASS"))
		status(o, target, "satisfied", "pass");
	else if (etsi__streq(outcome, "FAIL"))
		status(o, target, "not-satisfied", "fail");
	else if (etsi__streq(outcome, "NOT APPLICABLE"))
		status(o, target, "satisfied", "other");
	else
		status(o, target, "not-satisfied", "other");
	if (etsi__streq(outcome, "NOT APPLICABLE") || etsi__streq(get(out, "support"), "Y")) {
		impl = el(o, target, "implementation-status");
		set(o, impl, "state", etsi__streq(outcome, "NOT APPLICABLE") ? "not-applicable"
		                                                            : "implemented");
	}
	for (i = 0; i < etsi_record_child_count(out); i++) {
		etsi_record *c = etsi_record_child_at(out, i);

		if (etsi_dossier_find(o->d, ETSI_KIND_VERDICT, etsi_record_key(c)))
			related(o, f, "observation/verdict", etsi_record_key(c));
	}
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_EVIDENCE); i++) {
		etsi_record *ev = etsi_dossier_at(o->d, ETSI_KIND_EVIDENCE, i);

		if (etsi__streq(get(ev, "provision"), id))
			related(o, f, "observation/evidence", etsi_record_key(ev));
	}
	/* the contradicted claims and open questions of the provision */
	for (i = 0; i < o->risk_links.len; i++) {
		const risk_link *l = o->risk_links.items[i];

		if (strcmp(l->provision, id) == 0)
			set(o, el(o, f, "associated-risk"), "risk-uuid", l->uuid.s);
	}
}

/* ---- the supplier's self-assessment -------------------------------------- */

/* A result of the supplier's own, kept apart from the laboratory's
 * verdicts: method UNKNOWN (libetsi does not know how it was reached),
 * observation-kind self-assessment, a self-result prop, and no finding. */
static void self_observation(oscal *o, xmlNode *result, etsi_record *r)
{
	const char *ref = get(r, "ref"), *outcome = get(r, "outcome");
	const char *what = reference_prop(o, ref);
	xmlNode *obs = el(o, result, "observation");
	etsi__buf text = ETSI__BUF_INIT;
	char buf[64];
	uuid_str u;

	set(o, obs, "uuid", uuid_of(o, &u, "observation/self-assessment", ref));
	etsi__buf_printf(&text, "Supplier self-assessment of %s%s: %s",
	                 strcmp(what, "provision") == 0 ? "EN 303 645 provision "
	                 : strcmp(what, "test-case") == 0 ? "TS 103 701 test case " : "",
	                 nz(ref), nz(outcome));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, obs, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "The supplier's own result %s for %s, recorded in the dossier's "
	                 "self-assessment", nz(outcome), nz(ref));
	if (get(r, "by")) {
		etsi_record *party = etsi_dossier_find(o->d, ETSI_KIND_PARTY, get(r, "by"));

		if (party && get(party, "name"))
			etsi__buf_printf(&text, " by %s (%s)", get(party, "name"), get(r, "by"));
		else
			etsi__buf_printf(&text, " by %s", get(r, "by"));
	}
	if (get(r, "date"))
		etsi__buf_printf(&text, " on %s", get(r, "date"));
	etsi__buf_puts(&text, ". It is not a laboratory verdict, and no outcome counts it.");
	if (get(r, "note") && !etsi__is_blank(get(r, "note")))
		etsi__buf_printf(&text, "\n\n%s", get(r, "note"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, obs, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, obs, "observation-kind", "self-assessment");
	prop(o, obs, what, ref);
	if (strcmp(what, "test-case") == 0)
		prop(o, obs, "provision", provision_of(o, ref));
	prop(o, obs, "self-result", outcome);
	text_el(o, obs, "method", "UNKNOWN");
	text_el(o, obs, "type", "control-objective");
	actor(o, obs, "party", get(r, "by"), party_role_of(o, get(r, "by")));
	dut_subject(o, obs);
	text_el(o, obs, "collected", when(o, buf, sizeof(buf), get(r, "date")));
}

/* ---- check findings, contradicted claims and open questions -------------- */

static void risk_link_add(oscal *o, const uuid_str *u, const char *provision)
{
	size_t n = provision ? strlen(provision) : 0;
	risk_link *l;

	if (!provision || o->failed)
		return;
	l = etsi__malloc(sizeof(*l) + n + 1);
	if (!l || etsi__vec_push(&o->risk_links, l) < 0) {
		etsi__free(l);
		o->failed = ETSI_ENOMEM;
		return;
	}
	l->uuid = *u;
	memcpy(l->provision, provision, n + 1);
}

/* The evidence a finding's element names (itself, or an artifact's). */
static const char *evidence_of(const oscal *o, const char *element)
{
	etsi_record *a;

	if (!element)
		return NULL;
	if (etsi_dossier_find(o->d, ETSI_KIND_EVIDENCE, element))
		return element;
	a = etsi_dossier_find(o->d, ETSI_KIND_ARTIFACT, element);
	return a && etsi_record_parent(a) ? etsi_record_key(etsi_record_parent(a)) : NULL;
}

/* A finding that names the claim a recorded fact contradicts. */
static int contradiction(const etsi_record *r)
{
	return get(r, "claim") || get(r, "fact");
}

static void check_props(oscal *o, xmlNode *n, const etsi_record *r)
{
	const char *ref = get(r, "reference");

	prop(o, n, "rule", get(r, "rule"));
	prop(o, n, "severity", get(r, "severity"));
	if (ref)
		prop(o, n, reference_prop(o, ref), ref);
	if (ref && strcmp(reference_prop(o, ref), "test-case") == 0)
		prop(o, n, "provision", provision_of(o, ref));
	prop(o, n, "claim", get(r, "claim"));
	prop(o, n, "fact", get(r, "fact"));
	prop(o, n, "fact-line", get(r, "fact-line"));
}

/* "The dossier claims C, but the fact it records, F (line N), contradicts
 * it.", as far as the finding names them. */
static void contradiction_text(etsi__buf *text, const etsi_record *r)
{
	const char *claim = get(r, "claim"), *fact = get(r, "fact");

	if (claim)
		etsi__buf_printf(text, "The dossier claims %s, but ", claim);
	if (fact) {
		etsi__buf_printf(text, "%s fact it records, %s", claim ? "the" : "The", fact);
		if (get(r, "fact-line"))
			etsi__buf_printf(text, " (line %s)", get(r, "fact-line"));
		etsi__buf_puts(text, claim ? ", contradicts it." : ", contradicts a claim it makes.");
	} else {
		etsi__buf_puts(text, "a fact it records contradicts it.");
	}
}

/* Relates a finding or risk to the observations of what it is about: the
 * evidence its element names (or an artifact's evidence), and the
 * supplier's self-assessment result recorded where its fact is. */
static void related_observations(oscal *o, xmlNode *n, const etsi_record *r)
{
	const char *ev = evidence_of(o, get(r, "element"));
	const char *fact_line = get(r, "fact-line");
	size_t i;

	if (ev)
		related(o, n, "observation/evidence", ev);
	for (i = 0; fact_line && i < etsi_dossier_count(o->d, ETSI_KIND_SELF_RESULT); i++) {
		etsi_record *s = etsi_dossier_at(o->d, ETSI_KIND_SELF_RESULT, i);

		if (etsi_record_line(s) > 0 && etsi_record_line(s) == atoi(fact_line))
			related(o, n, "observation/self-assessment", get(s, "ref"));
	}
}

/* A contradicted claim is a risk: open, or deviation-approved when a
 * waiver covers the finding. */
static void contradiction_risk(oscal *o, xmlNode *result, const check_item *c)
{
	const etsi_record *r = c->r;
	xmlNode *risk = el(o, result, "risk");
	etsi__buf text = ETSI__BUF_INIT;
	uuid_str u;

	uuid_of(o, &u, "risk/contradiction", c->name);
	set(o, risk, "uuid", u.s);
	if (get(r, "claim"))
		etsi__buf_printf(&text, "Claim contradicted by a recorded fact: %s", get(r, "claim"));
	else
		etsi__buf_printf(&text, "A recorded fact contradicts a claim: %s", get(r, "fact"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, risk, "title", text.ptr);
	etsi__buf_dispose(&text);
	contradiction_text(&text, r);
	etsi__buf_printf(&text, " Found by libetsi's check %s (%s).", nz(get(r, "rule")),
	                 nz(get(r, "severity")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, risk, "description", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_puts(&text, get(r, "message") ? get(r, "message") : "");
	if (get(r, "hint"))
		etsi__buf_printf(&text, "\n\nHow to fix: %s", get(r, "hint"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, risk, "statement", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, risk, "risk-kind", "contradicted-claim");
	check_props(o, risk, r);
	prop(o, risk, "waiver", get(r, "waiver"));
	text_el(o, risk, "status", etsi__streq(get(r, "waived"), "true") ? "deviation-approved"
	                                                                  : "open");
	related_observations(o, risk, r);
	risk_link_add(o, &u, provision_of(o, get(r, "reference")));
}

/* An unknown fact a claim rests on: not an error, but an open risk that
 * the test cases reading it end INCONCLUSIVE. */
static void question_risk(oscal *o, xmlNode *result, const etsi_record *q)
{
	const char *provisions = get(q, "provisions"), *p;
	xmlNode *risk;
	etsi__buf text = ETSI__BUF_INIT;
	char *name;
	uuid_str u;

	etsi__buf_printf(&text, "question/%s/%s/%s", nz(get(q, "step")), nz(get(q, "fact")),
	                 get(q, "element") ? get(q, "element") : "");
	name = text.failed ? NULL : unique_name(o, text.ptr, get(q, "message"));
	etsi__buf_dispose(&text);
	if (!name) {
		o->failed = ETSI_ENOMEM;
		return;
	}
	uuid_of(o, &u, "risk/open-question", name + strlen("question/"));
	etsi__free(name);
	risk = el(o, result, "risk");
	set(o, risk, "uuid", u.s);
	etsi__buf_printf(&text, "Open question: %s", nz(get(q, "fact")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, risk, "title", text.ptr);
	etsi__buf_dispose(&text);
	markup(o, risk, "description",
	       get(q, "message") && !etsi__is_blank(get(q, "message"))
	       ? get(q, "message") : "The dossier does not state a fact that a claim rests on.");
	etsi__buf_puts(&text, "The dossier does not state this fact, or records it as unknown, ");
	if (provisions && !etsi__is_blank(provisions))
		etsi__buf_printf(&text, "and its claims of %s rest on it.", provisions);
	else
		etsi__buf_puts(&text, "and a claim rests on it.");
	etsi__buf_puts(&text, " An unknown fact is not an error, but until it is stated the test "
	               "cases that read it are at risk of an INCONCLUSIVE verdict.");
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, risk, "statement", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, risk, "risk-kind", "open-question");
	prop(o, risk, "fact", get(q, "fact"));
	prop(o, risk, "step", get(q, "step"));
	prop(o, risk, "element", get(q, "element"));
	prop(o, risk, "line", get(q, "line"));
	for (p = provisions; p && *p;) {
		size_t n = strcspn(p, " ,;\t\n");
		char *one = n ? etsi__strndup(p, n) : NULL;

		if (n && !one)
			o->failed = ETSI_ENOMEM;
		if (one) {
			prop(o, risk, "provision", one);
			risk_link_add(o, &u, one);
		}
		etsi__free(one);
		p += n;
		p += strspn(p, " ,;\t\n");
	}
	text_el(o, risk, "status", "open");
}

/* An error or warning of libetsi's checks: a problem of the dossier, not a
 * test result, so not-satisfied with the reason other; the severity says
 * how grave it is. */
static void check_finding(oscal *o, xmlNode *result, const check_item *c)
{
	const etsi_record *r = c->r;
	const char *ref = get(r, "reference");
	xmlNode *f = el(o, result, "finding"), *target;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	uuid_str u;

	set(o, f, "uuid", uuid_of(o, &u, "finding/check", c->name));
	etsi__buf_printf(&text, "libetsi check %s (%s)", nz(get(r, "rule")), nz(get(r, "severity")));
	if (ref)
		etsi__buf_printf(&text, ": %s", ref);
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, f, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_puts(&text, get(r, "message") ? get(r, "message") : "");
	if (contradiction(r)) {
		etsi__buf_puts(&text, "\n\n");
		contradiction_text(&text, r);
	}
	if (get(r, "hint"))
		etsi__buf_printf(&text, "\n\nHow to fix: %s", get(r, "hint"));
	if (etsi__streq(get(r, "waived"), "true"))
		etsi__buf_printf(&text, "\n\nWaived by %s.", nz(get(r, "waiver")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, f, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, f, "level", "check");
	check_props(o, f, r);
	prop(o, f, "layer", get(r, "layer"));
	prop(o, f, "step", get(r, "step"));
	prop(o, f, "element", get(r, "element"));
	prop(o, f, "line", get(r, "line"));
	prop(o, f, "waived", get(r, "waived"));
	prop(o, f, "waiver", get(r, "waiver"));
	target = el(o, f, "target");
	set(o, target, "type", "objective-id");
	set(o, target, "target-id", objective_of(o, ref, buf, sizeof(buf)) ? buf : CLAUSE_OBJECTIVE);
	status(o, target, "not-satisfied", "other");
	related_observations(o, f, r);
	if (contradiction(r))
		set(o, el(o, f, "associated-risk"), "risk-uuid",
		    uuid_of(o, &u, "risk/contradiction", c->name));
}

/* A FAIL verdict is an open risk: the provision's claim is not supported
 * until the test case passes. */
static void fail_risk(oscal *o, xmlNode *result, etsi_record *v)
{
	const char *tc = get(v, "case"), *p = case_provision(o, tc);
	xmlNode *risk = el(o, result, "risk");
	etsi__buf text = ETSI__BUF_INIT;
	uuid_str u;

	uuid_of(o, &u, "risk/failed-test-case", tc);
	set(o, risk, "uuid", u.s);
	etsi__buf_printf(&text, "TS 103 701 test case %s failed", nz(tc));
	if (p)
		etsi__buf_printf(&text, ": EN 303 645 provision %s not supported", p);
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, risk, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "The verdict recorded for test case %s is FAIL", nz(tc));
	if (get(v, "by"))
		etsi__buf_printf(&text, " (by %s", get(v, "by"));
	if (get(v, "by") && get(v, "date"))
		etsi__buf_printf(&text, ", %s", get(v, "date"));
	etsi__buf_puts(&text, get(v, "by") ? ")." : ".");
	if (get(v, "note") && !etsi__is_blank(get(v, "note")))
		etsi__buf_printf(&text, "\n\n%s", get(v, "note"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, risk, "description", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "Until the failure is fixed and test case %s passes, the "
	                 "device does not meet EN 303 645 provision %s as claimed.", nz(tc), nz(p));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, risk, "statement", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, risk, "risk-kind", "failed-test-case");
	prop(o, risk, "test-case", tc);
	prop(o, risk, "provision", p);
	text_el(o, risk, "status", "open");
	related(o, risk, "observation/verdict", tc);
	risk_link_add(o, &u, p);
}

/* A step of the release gate: satisfied when complete, else not satisfied,
 * with what blocks it (an error finding's rule and message, a missing
 * owner, test cases without their inputs). */
static void gate_finding(oscal *o, xmlNode *result, const etsi_record *step)
{
	const char *name = get(step, "name"), *state = get(step, "status");
	int complete = etsi__streq(state, "complete");
	xmlNode *f = el(o, result, "finding"), *target;
	etsi__buf text = ETSI__BUF_INIT;
	size_t i, blockers = 0;
	uuid_str u;

	set(o, f, "uuid", uuid_of(o, &u, "finding/gate-step", name));
	etsi__buf_printf(&text, "Release gate step %s (%s): %s", nz(name), nz(get(step, "title")),
	                 nz(state));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, f, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "%s", get(step, "question") ? get(step, "question")
	                 : "A step of libetsi's release gate.");
	for (i = 0; i < etsi_record_child_count(step); i++) {
		etsi_record *b = etsi_record_child_at(step, i);

		if (etsi_record_kind(b) != ETSI_KIND_BLOCKER)
			continue;
		etsi__buf_printf(&text, "\n\n%s%s%s%s", blockers++ ? "" : "Blocked: ",
		                 get(b, "rule") ? get(b, "rule") : "",
		                 get(b, "rule") ? ": " : "", nz(get(b, "message")));
	}
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, f, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, f, "level", "gate-step");
	prop(o, f, "gate-step", name);
	prop(o, f, "gate-status", state);
	prop(o, f, "owner", get(step, "owner"));
	prop(o, f, "signed-off", get(step, "signed-off"));
	for (i = 0; i < etsi_record_child_count(step); i++) {
		etsi_record *b = etsi_record_child_at(step, i);

		if (etsi_record_kind(b) != ETSI_KIND_BLOCKER)
			continue;
		if (get(b, "rule"))
			prop(o, f, "blocker-rule", get(b, "rule"));
		else
			prop(o, f, "blocker", get(b, "message"));
	}
	target = el(o, f, "target");
	set(o, target, "type", "objective-id");
	set(o, target, "target-id", CLAUSE_OBJECTIVE);
	if (complete)
		status(o, target, "satisfied", "pass");
	else
		status(o, target, "not-satisfied", "other");
}

static void build_result(oscal *o, xmlNode *root)
{
	etsi_record *header = etsi_dossier_find(o->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(o->d, ETSI_KIND_DUT, NULL);
	etsi_record *summary = rfind(o, ETSI_KIND_SUMMARY, NULL);
	xmlNode *result = el(o, root, "result");
	etsi__buf text = ETSI__BUF_INIT;
	const char *first = NULL, *last = NULL;
	char buf[64];
	size_t i, nverdicts = etsi_dossier_count(o->d, ETSI_KIND_VERDICT);
	uuid_str u;

	set(o, result, "uuid", uuid_of(o, &u, "result", NULL));
	etsi__buf_printf(&text, "EN 303 645 clause 5.3 assessment of %s release %s",
	                 get(dut, "model-designation"), get(header, "release"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, result, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_printf(&text, "The secure-update provisions of ETSI EN 303 645 V%s clause 5.3 "
	                 "for %s release %s, assessed following ETSI TS 103 701 V%s: %zu verdict%s "
	                 "recorded; clause 5.3 outcome %s; release gate %s. Exported by libetsi "
	                 "from the dossier as of %s.", get(header, "en303645"),
	                 get(dut, "model-designation"), get(header, "release"),
	                 get(header, "ts103701"), nverdicts, nverdicts == 1 ? "" : "s",
	                 nz(get(summary, "overall")),
	                 etsi__streq(get(summary, "ready"), "true") ? "ready" : "not ready",
	                 nz(get(summary, "as-of")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, result, "description", text.ptr);
	etsi__buf_dispose(&text);
	for (i = 0; i < nverdicts; i++) {
		const char *date = get(etsi_dossier_at(o->d, ETSI_KIND_VERDICT, i), "date");

		if (!datetime_of(buf, sizeof(buf), date))
			continue;
		if (!first || strcmp(date, first) < 0)
			first = date;
		if (!last || strcmp(date, last) > 0)
			last = date;
	}
	text_el(o, result, "start", when(o, buf, sizeof(buf), first));
	if (last)
		text_el(o, result, "end", when(o, buf, sizeof(buf), last));
	prop(o, result, "overall", get(summary, "overall"));
	prop(o, result, "ready", get(summary, "ready"));
	prop(o, result, "as-of", get(summary, "as-of"));
	snprintf(buf, sizeof(buf), "%zu", rcount(o, ETSI_KIND_PLANNED_CASE));
	prop(o, result, "planned-test-cases", buf);
	build_components(o, el(o, result, "local-definitions"));
	build_reviewed(o, result);
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_EVIDENCE); i++)
		evidence_observation(o, result, etsi_dossier_at(o->d, ETSI_KIND_EVIDENCE, i));
	for (i = 0; i < nverdicts; i++)
		verdict_observation(o, result, etsi_dossier_at(o->d, ETSI_KIND_VERDICT, i));
	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_SELF_RESULT); i++)
		self_observation(o, result, etsi_dossier_at(o->d, ETSI_KIND_SELF_RESULT, i));
	for (i = 0; i < o->checks.len; i++) {
		if (contradiction(((check_item *)o->checks.items[i])->r))
			contradiction_risk(o, result, o->checks.items[i]);
	}
	for (i = 0; i < rcount(o, ETSI_KIND_OPEN_QUESTION); i++)
		question_risk(o, result, rat(o, ETSI_KIND_OPEN_QUESTION, i));
	for (i = 0; i < nverdicts; i++) {
		etsi_record *v = etsi_dossier_at(o->d, ETSI_KIND_VERDICT, i);

		if (etsi__streq(get(v, "result"), "FAIL"))
			fail_risk(o, result, v);
	}
	for (i = 0; i < nverdicts; i++)
		case_finding(o, result, etsi_dossier_at(o->d, ETSI_KIND_VERDICT, i));
	for (i = 0; i < rcount(o, ETSI_KIND_OUTCOME); i++)
		provision_finding(o, result, rat(o, ETSI_KIND_OUTCOME, i));
	for (i = 0; i < o->checks.len; i++)
		check_finding(o, result, o->checks.items[i]);
	for (i = 0; i < rcount(o, ETSI_KIND_GATE_STEP); i++)
		gate_finding(o, result, rat(o, ETSI_KIND_GATE_STEP, i));
}

/* An artifact reference as a URI reference: bytes outside the URI
 * characters are percent-encoded. */
static char *uri_reference(const char *ref)
{
	static const char ok[] = "-._~:/?#[]@!$&'()*+,;=";
	etsi__buf out = ETSI__BUF_INIT;
	const unsigned char *p;

	etsi__buf_puts(&out, "");
	for (p = (const unsigned char *)ref; *p; p++) {
		if (isalnum(*p) || (*p < 0x80 && strchr(ok, *p)) ||
		    (*p == '%' && isxdigit(p[1]) && isxdigit(p[2])))
			etsi__buf_put(&out, (const char *)p, 1);
		else
			etsi__buf_printf(&out, "%%%02X", *p);
	}
	return etsi__buf_detach(&out);
}

/* The artifacts behind the evidence, as back-matter resources; no
 * back-matter when there are none. */
static void build_back_matter(oscal *o, xmlNode *root)
{
	xmlNode *bm = NULL, *res, *rl;
	size_t i, j;
	uuid_str u;

	for (i = 0; i < etsi_dossier_count(o->d, ETSI_KIND_EVIDENCE); i++) {
		etsi_record *ev = etsi_dossier_at(o->d, ETSI_KIND_EVIDENCE, i);

		for (j = 0; j < etsi_record_child_count(ev); j++) {
			etsi_record *a = etsi_record_child_at(ev, j);
			char *href;

			if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT)
				continue;
			if (!bm)
				bm = el(o, root, "back-matter");
			res = el(o, bm, "resource");
			set(o, res, "uuid", uuid_of(o, &u, "resource/artifact", etsi_record_key(a)));
			line_el(o, res, "title", get(a, "title") ? get(a, "title") : get(a, "ref"));
			prop(o, res, "artifact-id", etsi_record_key(a));
			prop(o, res, "evidence-id", etsi_record_key(ev));
			prop(o, res, "visibility", get(a, "visibility"));
			prop(o, res, "size", get(a, "size"));
			prop(o, res, "collected", get(a, "collected"));
			prop(o, res, "expires", get(a, "expires"));
			prop(o, res, "git-oid", get(a, "git-oid"));
			rl = el(o, res, "rlink");
			href = uri_reference(get(a, "ref"));
			if (!href)
				o->failed = ETSI_ENOMEM;
			set(o, rl, "href", href);
			etsi__free(href);
			set(o, rl, "media-type", get(a, "media-type"));
			if (get(a, "sha256")) {
				xmlNode *h = text_el(o, rl, "hash", get(a, "sha256"));

				set(o, h, "algorithm", "SHA-256");
			}
		}
	}
}

/* ---- XML to the OSCAL JSON form ------------------------------------------- */

static const char *const groups[][2] = {
	{ "prop", "props" }, { "link", "links" }, { "role", "roles" }, { "party", "parties" },
	{ "responsible-party", "responsible-parties" }, { "party-uuid", "party-uuids" },
	{ "email-address", "email-addresses" },
	{ "member-of-organization", "member-of-organizations" },
	{ "objectives-and-methods", "objectives-and-methods" }, { "part", "parts" },
	{ "result", "results" }, { "component", "components" },
	{ "control-selection", "control-selections" }, { "include-control", "include-controls" },
	{ "control-objective-selection", "control-objective-selections" },
	{ "include-objective", "include-objectives" }, { "observation", "observations" },
	{ "method", "methods" }, { "type", "types" }, { "origin", "origins" },
	{ "actor", "actors" }, { "subject", "subjects" },
	{ "relevant-evidence", "relevant-evidence" }, { "finding", "findings" },
	{ "related-observation", "related-observations" }, { "resource", "resources" },
	{ "rlink", "rlinks" }, { "hash", "hashes" }, { "risk", "risks" },
	{ "associated-risk", "related-risks" }, { "task", "tasks" },
	{ "assessment-subject", "assessment-subjects" }, { "include-subject", "include-subjects" },
	{ "control", "controls" }, { "group", "groups" }, { "import", "imports" },
	{ "include-controls", "include-controls" }, { "with-id", "with-ids" },
};

static const char *group_of(const char *name)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(groups); i++) {
		if (strcmp(groups[i][0], name) == 0)
			return groups[i][1];
	}
	return NULL;
}

static int is_markup(const char *name)
{
	return strcmp(name, "description") == 0 || strcmp(name, "remarks") == 0 ||
	       strcmp(name, "statement") == 0;
}

/* CommonMark: escapes what could start emphasis, code, links, HTML or
 * entities anywhere, and block markers at the start of a paragraph. */
static void md_escape(etsi__buf *out, const char *text)
{
	const char *p = text;
	size_t digits = 0;

	if (strchr("#>+-=|~", *p) && *p)
		etsi__buf_put(out, "\\", 1);
	while (isdigit((unsigned char)p[digits]))
		digits++;
	for (; *p; p++) {
		if (strchr("\\`*_[]<>&", *p) ||
		    (digits && digits <= 9 && p == text + digits && (*p == '.' || *p == ')') &&
		     (p[1] == ' ' || p[1] == '\0')))
			etsi__buf_put(out, "\\", 1);
		etsi__buf_put(out, p, 1);
	}
}

static json_t *markdown_of(const xmlNode *node, int inline_text)
{
	etsi__buf out = ETSI__BUF_INIT;
	const xmlNode *c;
	json_t *value;

	etsi__buf_puts(&out, "");
	if (inline_text) {
		xmlChar *t = xmlNodeGetContent(node);

		md_escape(&out, t ? (const char *)t : "");
		xmlFree(t);
	} else {
		for (c = node->children; c; c = c->next) {
			xmlChar *t;

			if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "p") != 0)
				continue;
			t = xmlNodeGetContent(c);
			if (out.len)
				etsi__buf_puts(&out, "\n\n");
			md_escape(&out, t ? (const char *)t : "");
			xmlFree(t);
		}
	}
	if (out.failed) {
		etsi__buf_dispose(&out);
		return NULL;
	}
	value = json_string(out.ptr);
	etsi__buf_dispose(&out);
	return value;
}

static json_t *oscal_json(const xmlNode *node)
{
	json_t *obj;
	const xmlAttr *a;
	const xmlNode *c;
	int has_elements = 0;
	etsi__buf prose = ETSI__BUF_INIT;

	for (c = node->children; c; c = c->next)
		has_elements |= c->type == XML_ELEMENT_NODE;
	if (is_markup((const char *)node->name))
		return markdown_of(node, 0);
	if (strcmp((const char *)node->name, "title") == 0)
		return markdown_of(node, 1);
	if (!node->properties && !has_elements) {
		xmlChar *t = xmlNodeGetContent(node);
		json_t *s = node->children ? json_string(t ? (const char *)t : "") : json_object();

		xmlFree(t);
		return s;
	}
	obj = json_object();
	if (!obj)
		return NULL;
	for (a = node->properties; a; a = a->next) {
		xmlChar *v = xmlNodeListGetString(node->doc, a->children, 1);
		int failed = json_object_set_new(obj, (const char *)a->name,
		                                 json_string(v ? (const char *)v : "")) < 0;

		xmlFree(v);
		if (failed)
			goto fail;
	}
	if (!has_elements && !node->children)
		return obj; /* flags only: status, include-control, import-ap */
	if (!has_elements) {
		/* a field with flags: hash */
		xmlChar *t = xmlNodeGetContent(node);
		int failed = json_object_set_new(obj, "value", json_string(t ? (const char *)t : "")) < 0;

		xmlFree(t);
		if (failed)
			goto fail;
		return obj;
	}
	etsi__buf_puts(&prose, "");
	for (c = node->children; c; c = c->next) {
		const char *name = (const char *)c->name, *group;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "p") == 0) {
			xmlChar *t = xmlNodeGetContent(c);

			if (prose.len)
				etsi__buf_puts(&prose, "\n\n");
			md_escape(&prose, t ? (const char *)t : "");
			xmlFree(t);
			continue;
		}
		if (prose.len && !json_object_get(obj, "prose")) {
			if (prose.failed || json_object_set_new(obj, "prose", json_string(prose.ptr)) < 0)
				goto fail;
		}
		group = group_of(name);
		if (group) {
			json_t *array = json_object_get(obj, group);

			if (!array) {
				array = json_array();
				if (json_object_set_new(obj, group, array) < 0)
					goto fail;
			}
			if (json_array_append_new(array, oscal_json(c)) < 0)
				goto fail;
		} else if (json_object_set_new(obj, name, oscal_json(c)) < 0) {
			goto fail;
		}
	}
	if (prose.len && !json_object_get(obj, "prose")) {
		if (prose.failed || json_object_set_new(obj, "prose", json_string(prose.ptr)) < 0)
			goto fail;
	}
	etsi__buf_dispose(&prose);
	return obj;
fail:
	etsi__buf_dispose(&prose);
	json_decref(obj);
	return NULL;
}

static int write_json(char **out, size_t *len, const xmlNode *root)
{
	json_t *top = json_object(), *body = oscal_json(root);
	char *text = NULL;
	size_t n;

	if (top && body && json_object_set_new(top, (const char *)root->name, body) == 0)
		text = json_dumps(top, JSON_INDENT(2));
	else
		json_decref(body);
	json_decref(top);
	if (!text)
		return etsi__error_oom();
	n = strlen(text);
	*out = etsi__malloc(n + 2);
	if (*out) {
		memcpy(*out, text, n);
		(*out)[n] = '\n';
		(*out)[n + 1] = '\0';
		if (len)
			*len = n + 1;
	}
	free(text);
	return *out ? 0 : etsi__error_oom();
}

/* ---- the assessment plan ------------------------------------------------------ */

/* A planned test case as a task: its readiness (are its IXIT inputs
 * there), whether it is at risk of an INCONCLUSIVE verdict and the unknown
 * facts that put it there, the inputs it lacks, and the verdict if one is
 * recorded. */
static void plan_task(oscal *o, xmlNode *tasks_parent, const etsi_record *pc)
{
	const char *id = etsi_record_key(pc);
	etsi_record *tc = etsi_catalog_find(o->cat, ETSI_KIND_TEST_CASE, id);
	etsi_record *v = etsi_dossier_find(o->d, ETSI_KIND_VERDICT, id);
	xmlNode *t = el(o, tasks_parent, "task"), *subj, *inc;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	size_t i;
	uuid_str u;

	set(o, t, "uuid", uuid_of(o, &u, "task/test-case", id));
	set(o, t, "type", "action");
	etsi__buf_printf(&text, "TS 103 701 test case %s (%s) of EN 303 645 provision %s", nz(id),
	                 nz(get(pc, "kind")), nz(get(pc, "provision")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, t, "title", text.ptr);
	etsi__buf_dispose(&text);
	etsi__buf_puts(&text, tc && get(tc, "purpose") ? get(tc, "purpose") : "");
	if (tc && get(tc, "pass"))
		etsi__buf_printf(&text, "\n\nPass criterion: %s", get(tc, "pass"));
	if (etsi__streq(get(pc, "ready"), "false"))
		etsi__buf_puts(&text, "\n\nNot ready: IXIT inputs the test case reads are missing.");
	if (etsi__streq(get(pc, "at-risk"), "true"))
		etsi__buf_puts(&text, "\n\nAt risk of an INCONCLUSIVE verdict: facts it reads are not "
		               "stated or are unknown.");
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, t, "description", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, t, "test-case", id);
	prop(o, t, "provision", get(pc, "provision"));
	prop(o, t, "test-case-kind", get(pc, "kind"));
	prop(o, t, "disposition", get(pc, "disposition"));
	prop(o, t, "ready", get(pc, "ready"));
	prop(o, t, "at-risk", get(pc, "at-risk"));
	for (i = 0; i < etsi_record_value_count(pc, "unknown"); i++)
		prop(o, t, "unknown-fact", etsi_record_value_at(pc, "unknown", i));
	for (i = 0; i < etsi_record_child_count(pc); i++) {
		etsi_record *in = etsi_record_child_at(pc, i);

		/* present: yes, no or unchecked */
		if (etsi_record_kind(in) != ETSI_KIND_PLANNED_INPUT ||
		    !etsi__streq(get(in, "present"), "no"))
			continue;
		etsi__buf_printf(&text, "%s%s%s", nz(get(in, "table")), get(in, "field") ? " " : "",
		                 get(in, "field") ? get(in, "field") : "");
		if (text.failed)
			o->failed = ETSI_ENOMEM;
		prop(o, t, "missing-input", text.ptr);
		etsi__buf_dispose(&text);
	}
	ident(buf, sizeof(buf), "ts103701-", id, NULL);
	prop(o, t, "objective-id", etsi__map_get(&o->objectives, id) ? buf : NULL);
	prop(o, t, "verdict", get(v, "result"));
	subj = el(o, t, "subject");
	set(o, subj, "type", "component");
	inc = el(o, subj, "include-subject");
	set(o, inc, "subject-uuid", uuid_of(o, &u, "dut", NULL));
	set(o, inc, "type", "component");
}

static void build_plan(oscal *o, xmlNode *root)
{
	etsi_record *header = etsi_dossier_find(o->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(o->d, ETSI_KIND_DUT, NULL);
	xmlNode *defs, *subjects, *inc, *bm, *res;
	etsi__buf text = ETSI__BUF_INIT;
	char href[40];
	size_t i;
	uuid_str u;

	/* the dossier stands in for the system security plan, as a resource */
	snprintf(href, sizeof(href), "#%s", uuid_of(o, &u, "resource/system", NULL));
	set(o, el(o, root, "import-ssp"), "href", href);
	defs = el(o, root, "local-definitions");
	build_components(o, defs);
	if (has_objectives(o))
		build_objectives(o, defs);
	build_reviewed(o, root);
	subjects = el(o, root, "assessment-subject");
	set(o, subjects, "type", "component");
	markup(o, subjects, "description", "The device under test.");
	inc = el(o, subjects, "include-subject");
	set(o, inc, "subject-uuid", uuid_of(o, &u, "dut", NULL));
	set(o, inc, "type", "component");
	for (i = 0; i < rcount(o, ETSI_KIND_PLANNED_CASE); i++)
		plan_task(o, root, rat(o, ETSI_KIND_PLANNED_CASE, i));
	bm = el(o, root, "back-matter");
	res = el(o, bm, "resource");
	set(o, res, "uuid", uuid_of(o, &u, "resource/system", NULL));
	etsi__buf_printf(&text, "EN 303 645 clause 5.3 dossier of %s release %s",
	                 get(dut, "model-designation"), get(header, "release"));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, res, "title", text.ptr);
	etsi__buf_dispose(&text);
	markup(o, res, "description", "The libetsi dossier that describes the system in place of "
	       "an OSCAL system security plan: the device under test, its update boundary "
	       "(software components, update mechanisms, associated services; the components of "
	       "this plan's local definitions), its ICS and IXIT. libetsi writes no separate SSP.");
	prop(o, res, "model-designation", get(dut, "model-designation"));
	prop(o, res, "release", get(header, "release"));
	prop(o, res, "en303645-edition", get(header, "en303645"));
	prop(o, res, "ts103701-edition", get(header, "ts103701"));
}

/* ---- the document ----------------------------------------------------------- */

/* Starts an export: the dossier, its catalog, the document's timestamp.
 * No date is invented: the timestamp given, else the latest date the
 * dossier states, else the as-of date given; else it stays empty and the
 * evaluation's as-of date fills it in (from_as_of()). */
static int start(oscal *o, etsi_dossier *dossier, const char *timestamp, const char *as_of)
{
	memset(o, 0, sizeof(*o));
	o->d = dossier;
	o->cat = etsi_dossier_catalog(dossier);
	if (!o->cat)
		return etsi__error(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER,
		                   "the dossier's editions are unknown");
	if (timestamp) {
		if (etsi__valid_date(timestamp) && oscal_year(timestamp))
			snprintf(o->timestamp, sizeof(o->timestamp), "%sT00:00:00Z", timestamp);
		else if (strlen(timestamp) < sizeof(o->timestamp) && valid_datetime(timestamp))
			snprintf(o->timestamp, sizeof(o->timestamp), "%s", timestamp);
		else
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
			                   "timestamp '%s' is not a date YYYY-MM-DD or a date-time "
			                   "YYYY-MM-DDTHH:MM:SSZ (or with +HH:MM) between the years 1900 "
			                   "and 2999", timestamp);
	} else {
		const char *latest = latest_date(dossier);

		if (!latest && as_of && etsi__valid_date(as_of) && oscal_year(as_of))
			latest = as_of;
		if (latest)
			snprintf(o->timestamp, sizeof(o->timestamp), "%sT00:00:00Z", latest);
	}
	memcpy(o->date, o->timestamp, 10);
	o->date[10] = '\0';
	return 0;
}

/* A dossier that states no date, exported with neither a timestamp nor an
 * as-of date: the document is dated by the evaluation's as-of date. */
static int from_as_of(oscal *o)
{
	const char *as_of = get(rfind(o, ETSI_KIND_SUMMARY, NULL), "as-of");

	if (o->timestamp[0])
		return 0;
	if (!as_of || !etsi__valid_date(as_of) || !oscal_year(as_of))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the dossier states no date and the evaluation has no as-of "
		                   "date: give a timestamp");
	snprintf(o->timestamp, sizeof(o->timestamp), "%sT00:00:00Z", as_of);
	memcpy(o->date, o->timestamp, 10);
	o->date[10] = '\0';
	return 0;
}

/* Builds the document from the dossier and its results, and writes it. */
static int build(oscal *o, char **out, size_t *len, int xml)
{
	etsi_record *header = etsi_dossier_find(o->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(o->d, ETSI_KIND_DUT, NULL);
	xmlNode *root;
	uuid_str u;

	etsi__buf_printf(&o->base, "dossier/%s/%s", get(dut, "model-designation"),
	                 get(header, "release"));
	o->doc = xmlNewDoc((const xmlChar *)"1.0");
	root = o->doc ? xmlNewDocNode(o->doc, NULL, (const xmlChar *)(o->model == OSCAL_AP
	                                                             ? "assessment-plan"
	                                                             : "assessment-results"),
	                              NULL)
	              : NULL;
	if (root)
		xmlDocSetRootElement(o->doc, root);  /* freed with the document */
	if (o->base.failed || !root)
		return etsi__error_oom();
	o->ns = xmlNewNs(root, (const xmlChar *)NS_OSCAL, NULL);
	if (!o->ns)
		return etsi__error_oom();
	xmlSetNs(root, o->ns);
	set(o, root, "uuid", uuid_of(o, &u, o->model == OSCAL_AP ? "assessment-plan"
	                                                        : "assessment-results", NULL));

	collect_reviewed(o);
	collect_checks(o);
	if (rcount(o, ETSI_KIND_GATE_STEP))
		o->clause_target = 1;   /* the gate's findings target the clause */
	build_metadata(o, root);
	if (o->model == OSCAL_AP) {
		build_plan(o, root);
	} else {
		char *href = uri_reference(o->ap_href ? o->ap_href : xml ? DEFAULT_AP_XML
		                                                        : DEFAULT_AP_JSON);

		if (!href)
			o->failed = ETSI_ENOMEM;
		set(o, el(o, root, "import-ap"), "href", href);
		etsi__free(href);
		if (has_objectives(o))
			build_objectives(o, el(o, root, "local-definitions"));
		build_result(o, root);
		build_back_matter(o, root);
	}
	if (o->failed)
		return o->failed == ETSI_ENOMEM ? etsi__error_oom() : o->failed;
	return xml ? etsi__xml_write(out, len, o->doc) : write_json(out, len, root);
}

static void dispose(oscal *o)
{
	size_t i;

	for (i = 0; i < o->checks.len; i++) {
		check_item *c = o->checks.items[i];

		etsi__free(c->name);
		etsi__free(c);
	}
	for (i = 0; i < o->risk_links.len; i++)
		etsi__free(o->risk_links.items[i]);
	etsi_results_free(o->results);
	xmlFreeDoc(o->doc);
	etsi__buf_dispose(&o->base);
	etsi__vec_dispose(&o->provisions);
	etsi__vec_dispose(&o->cases);
	etsi__vec_dispose(&o->checks);
	etsi__vec_dispose(&o->risk_links);
	etsi__map_dispose(&o->reviewed);
	etsi__map_dispose(&o->objectives);
	etsi__map_dispose(&o->names);
}

int etsi__oscal_export(char **out, size_t *len, etsi_dossier *dossier, const char *format,
                       const char *as_of, const char *timestamp, const char *ap_href)
{
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	oscal o;
	int error = start(&o, dossier, timestamp, as_of);

	if (error == 0 && ap_href && (!*ap_href || strlen(ap_href) > 4096))
		error = etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                    "the assessment plan's href is empty or too long");
	if (error == 0) {
		o.model = strncmp(format, "oscal-ap", 8) == 0 ? OSCAL_AP : OSCAL_AR;
		o.ap_href = ap_href;
		/* no date of the dossier's: the evaluation's own as-of (today) */
		check.as_of = as_of ? as_of : o.timestamp[0] ? o.date : NULL;
		error = etsi_dossier_evaluate(&o.results, dossier, &check);
	}
	if (error == 0)
		error = from_as_of(&o);
	if (error == 0)
		error = build(&o, out, len, strcmp(format, "oscal-xml") == 0 ||
		                            strcmp(format, "oscal-ap-xml") == 0);
	dispose(&o);
	return error;
}

int etsi__oscal_export_results(char **out, size_t *len, etsi_dossier *dossier, int xml,
                               const char *timestamp, const char *results, size_t results_len)
{
	etsi__store store;
	xmlDoc *doc = NULL;
	oscal o;
	int error;

	memset(&store, 0, sizeof(store));
	error = etsi__xml_parse(&doc, results, results_len, "results.xml", ETSI__DEFAULT_MAX_SIZE,
	                        ETSI__DEFAULT_MAX_DEPTH);
	if (error < 0)
		return error;
	if (!etsi__xml_is(xmlDocGetRootElement(doc), ETSI__NS_RESULTS, "results")) {
		xmlFreeDoc(doc);
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "not a results document (urn:libetsi:results:1)");
	}
	store.ns = ETSI__NS_RESULTS;
	store.readonly = 1;
	store.self = &store;
	store.docs[0] = doc;
	store.ndocs = 1;
	error = etsi__store_index(&store);
	if (error == 0)
		error = start(&o, dossier, timestamp, NULL);
	if (error == 0) {
		o.given = &store;
		error = from_as_of(&o);
		if (error == 0)
			error = build(&o, out, len, xml);
		dispose(&o);
	}
	etsi__store_dispose(&store);
	return error;
}

/* ---- catalogs and profiles of clause 5.3 -------------------------------------- */

static const char *const catalog_formats[] = {
	"oscal-catalog", "oscal-catalog-xml", "oscal-profile", "oscal-profile-xml", NULL
};

const char *etsi_catalog_export_format_at(size_t i)
{
	return i < ETSI__ARRAY_SIZE(catalog_formats) ? catalog_formats[i] : NULL;
}

/* A prop of OSCAL's own vocabulary (no ns): label. */
static void oscal_prop(oscal *o, xmlNode *parent, const char *name, const char *value)
{
	xmlNode *n = el(o, parent, "prop");

	set(o, n, "name", name);
	set(o, n, "value", value);
}

static void list_props(oscal *o, xmlNode *n, const etsi_record *r, const char *field,
                       const char *name)
{
	size_t i;

	for (i = 0; i < etsi_record_value_count(r, field); i++)
		prop(o, n, name, etsi_record_value_at(r, field, i));
}

/* A TS 103 701 test case as an assessment-method part of its provision. */
static void test_case_part(oscal *o, xmlNode *control, const etsi_record *tc)
{
	xmlNode *part = el(o, control, "part"), *sub;
	etsi__buf text = ETSI__BUF_INIT;
	char buf[160];
	size_t i;

	ident(buf, sizeof(buf), "ts103701-", etsi_record_key(tc), "_method");
	set(o, part, "id", buf);
	set(o, part, "name", "assessment-method");
	etsi__buf_printf(&text, "TS 103 701 test case %s (%s)", etsi_record_key(tc),
	                 nz(get(tc, "kind")));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, part, "title", text.ptr);
	etsi__buf_dispose(&text);
	prop(o, part, "test-case", etsi_record_key(tc));
	prop(o, part, "test-case-kind", get(tc, "kind"));
	for (i = 0; i < etsi_record_child_count(tc); i++) {
		etsi_record *in = etsi_record_child_at(tc, i);

		if (etsi_record_kind(in) != ETSI_KIND_TEST_INPUT)
			continue;
		etsi__buf_printf(&text, "%s%s%s%s%s", nz(get(in, "table")), get(in, "field") ? " " : "",
		                 get(in, "field") ? get(in, "field") : "",
		                 get(in, "via") ? " via " : "", get(in, "via") ? get(in, "via") : "");
		if (text.failed)
			o->failed = ETSI_ENOMEM;
		prop(o, part, "ixit-input", text.ptr);
		etsi__buf_dispose(&text);
	}
	prop(o, part, "confidence", get(tc, "confidence"));
	prop(o, part, "provenance", get(tc, "provenance"));
	markup(o, part, NULL, get(tc, "purpose"));
	if (get(tc, "pass")) {
		sub = el(o, part, "part");
		ident(buf, sizeof(buf), "ts103701-", etsi_record_key(tc), "_pass");
		set(o, sub, "id", buf);
		set(o, sub, "name", "assessment-objective");
		line_el(o, sub, "title", "Pass criterion");
		markup(o, sub, NULL, get(tc, "pass"));
	}
}

/* A provision as a control: status, conditions, features, its statement,
 * what changed since the previous edition, notes, fact checks, and its
 * test cases. */
static void provision_control(oscal *o, xmlNode *parent, const etsi_record *p)
{
	const char *id = etsi_record_key(p);
	etsi_record *group = etsi_catalog_find(o->cat, ETSI_KIND_TEST_GROUP, id);
	xmlNode *c = el(o, parent, "control"), *part;
	const xmlNode *n;
	char buf[160];
	size_t i;

	ident(buf, sizeof(buf), "en303645-", id, NULL);
	set(o, c, "id", buf);
	set(o, c, "class", "provision");
	line_el(o, c, "title", get(p, "title"));
	oscal_prop(o, c, "label", id);
	prop(o, c, "status", get(p, "status"));
	prop(o, c, "status-code", get(p, "status-code"));
	prop(o, c, "void", etsi__streq(get(p, "void"), "true") ? "true" : NULL);
	list_props(o, c, p, "condition", "condition");
	list_props(o, c, p, "feature", "feature");
	list_props(o, c, p, "replaced-by", "replaced-by");
	prop(o, c, "change-from", get(p, "change-from"));
	prop(o, c, "was", get(p, "was"));
	list_props(o, c, p, "change-impact", "change-impact");
	prop(o, c, "evidence-categories", get(p, "evidence-categories"));
	prop(o, c, "confidence", get(p, "confidence"));
	prop(o, c, "provenance", get(p, "provenance"));
	part = el(o, c, "part");
	ident(buf, sizeof(buf), "en303645-", id, "_smt");
	set(o, part, "id", buf);
	set(o, part, "name", "statement");
	markup(o, part, NULL, get(p, "summary"));
	if (get(p, "change")) {
		part = el(o, c, "part");
		ident(buf, sizeof(buf), "en303645-", id, "_chg");
		set(o, part, "id", buf);
		set(o, part, "name", "guidance");
		set(o, part, "class", "change");
		prop(o, part, "change-from", get(p, "change-from"));
		markup(o, part, NULL, get(p, "change"));
	}
	for (i = 0; i < etsi_record_value_count(p, "note"); i++) {
		part = el(o, c, "part");
		set(o, part, "name", "guidance");
		set(o, part, "class", "note");
		markup(o, part, NULL, etsi_record_value_at(p, "note", i));
	}
	for (n = etsi__xml_child(p->node, ETSI__NS_CATALOG, "fact-check"); n;
	     n = etsi__xml_next(n, ETSI__NS_CATALOG, "fact-check")) {
		xmlChar *text = xmlNodeGetContent(n);

		part = el(o, c, "part");
		set(o, part, "name", "fact-check");
		set(o, part, "ns", NS_PROPS);
		set(o, part, "class", etsi__xml_attr(n, "side"));
		prop(o, part, "side", etsi__xml_attr(n, "side"));
		prop(o, part, "rule", etsi__xml_attr(n, "rule"));
		prop(o, part, "confidence", etsi__xml_attr(n, "confidence"));
		prop(o, part, "provenance", etsi__xml_attr(n, "provenance"));
		markup(o, part, NULL, (const char *)text);
		xmlFree(text);
	}
	for (i = 0; group && i < etsi_record_child_count(group); i++)
		test_case_part(o, c, etsi_record_child_at(group, i));
}

static void catalog_metadata(oscal *o, xmlNode *root, int profile)
{
	xmlNode *md = el(o, root, "metadata");
	etsi__buf text = ETSI__BUF_INIT;

	etsi__buf_printf(&text, "ETSI EN 303 645 V%s clause 5.3 (Keep software updated) with the "
	                 "ETSI TS 103 701 V%s test cases%s", etsi_catalog_edition(o->cat),
	                 etsi_catalog_ts_edition(o->cat),
	                 profile ? ": every provision in force" : "");
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	line_el(o, md, "title", text.ptr);
	etsi__buf_dispose(&text);
	text_el(o, md, "last-modified", o->timestamp);
	line_el(o, md, "version", etsi_catalog_edition(o->cat));
	text_el(o, md, "oscal-version", OSCAL_VERSION);
	prop(o, md, "en303645-edition", etsi_catalog_edition(o->cat));
	prop(o, md, "ts103701-edition", etsi_catalog_ts_edition(o->cat));
	prop(o, md, "en303645-date", etsi__xml_attr(xmlDocGetRootElement(o->cat->store.docs[0]),
	                                            "date"));
	prop(o, md, "ts103701-date", etsi__xml_attr(xmlDocGetRootElement(o->cat->store.docs[1]),
	                                            "date"));
	markup(o, md, "remarks", "Generated by libetsi from its catalogs (etsi catalog --format "
	       "oscal-catalog or oscal-profile). Identifiers, statuses, condition numbers, feature "
	       "letters, IXIT names and test-case kinds are the standards'; every title, "
	       "statement, test purpose, pass criterion and note is libetsi's own paraphrase. Read "
	       "the ETSI documents for the binding wording.");
}

static void build_catalog(oscal *o, xmlNode *root)
{
	xmlNode *clause, *part, *bm, *res;
	size_t i, n = etsi_catalog_count(o->cat, ETSI_KIND_PROVISION);
	etsi__buf text = ETSI__BUF_INIT;
	uuid_str u;

	catalog_metadata(o, root, 0);
	clause = el(o, root, "control");
	set(o, clause, "id", CLAUSE_CONTROL);
	set(o, clause, "class", "clause");
	line_el(o, clause, "title", "Keep software updated");
	oscal_prop(o, clause, "label", "5.3");
	part = el(o, clause, "part");
	set(o, part, "id", CLAUSE_CONTROL "_smt");
	set(o, part, "name", "statement");
	etsi__buf_printf(&text, "Clause 5.3 of ETSI EN 303 645 V%s: the secure-update provisions, "
	                 "each a control of its own, with the ETSI TS 103 701 V%s test cases that "
	                 "assess it.", etsi_catalog_edition(o->cat), etsi_catalog_ts_edition(o->cat));
	if (text.failed)
		o->failed = ETSI_ENOMEM;
	markup(o, part, NULL, text.ptr);
	etsi__buf_dispose(&text);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(o->cat, ETSI_KIND_PROVISION, i);

		if (strncmp(etsi_record_key(p), "5.3-", 4) == 0)
			provision_control(o, clause, p);
	}
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(o->cat, ETSI_KIND_PROVISION, i);

		if (strncmp(etsi_record_key(p), "5.3-", 4) != 0)
			provision_control(o, root, p);
	}
	bm = el(o, root, "back-matter");
	for (i = 0; i < etsi_catalog_count(o->cat, ETSI_KIND_SOURCE); i++) {
		etsi_record *src = etsi_catalog_at(o->cat, ETSI_KIND_SOURCE, i);

		res = el(o, bm, "resource");
		set(o, res, "uuid", uuid_of(o, &u, "resource/source", etsi_record_key(src)));
		line_el(o, res, "title", etsi_record_key(src));
		markup(o, res, "description", get(src, "summary"));
		prop(o, res, "source-id", etsi_record_key(src));
	}
}

static void build_profile(oscal *o, xmlNode *root, int xml)
{
	xmlNode *imp, *inc;
	size_t i, n = etsi_catalog_count(o->cat, ETSI_KIND_PROVISION);
	char buf[160];

	catalog_metadata(o, root, 1);
	imp = el(o, root, "import");
	snprintf(buf, sizeof(buf), "en303645-%s-catalog.%s", etsi_catalog_edition(o->cat),
	         xml ? "xml" : "json");
	set(o, imp, "href", buf);
	inc = el(o, imp, "include-controls");
	set(o, inc, "with-child-controls", "no");
	text_el(o, inc, "with-id", CLAUSE_CONTROL);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(o->cat, ETSI_KIND_PROVISION, i);

		if (etsi__streq(get(p, "void"), "true"))
			continue;
		ident(buf, sizeof(buf), "en303645-", etsi_record_key(p), NULL);
		text_el(o, inc, "with-id", buf);
	}
}

int etsi_catalog_export(char **out, size_t *len, const etsi_catalog *catalog, const char *format)
{
	const char *dates[2];
	xmlNode *root;
	oscal o;
	int error = 0, profile, xml, i;
	uuid_str u;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(catalog);
	ETSI__ASSERT_ARG(format);
	for (i = 0; catalog_formats[i] && strcmp(catalog_formats[i], format) != 0; i++)
		;
	if (!catalog_formats[i])
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "catalog format '%s' is unknown; use oscal-catalog, "
		                   "oscal-catalog-xml, oscal-profile or oscal-profile-xml", format);
	profile = strncmp(format, "oscal-profile", 13) == 0;
	xml = strstr(format, "-xml") != NULL;
	memset(&o, 0, sizeof(o));
	o.cat = catalog;
	/* the latest month the catalogs declare, from its first day */
	dates[0] = etsi__xml_attr(xmlDocGetRootElement(catalog->store.docs[0]), "date");
	dates[1] = etsi__xml_attr(xmlDocGetRootElement(catalog->store.docs[1]), "date");
	if (!dates[0] || (dates[1] && strcmp(dates[1], dates[0]) > 0))
		dates[0] = dates[1];
	if (!dates[0] || strlen(dates[0]) != 7)
		return etsi__error(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER,
		                   "the catalogs of EN 303 645 V%s declare no date",
		                   etsi_catalog_edition(catalog));
	snprintf(o.timestamp, sizeof(o.timestamp), "%s-01T00:00:00Z", dates[0]);
	etsi__buf_printf(&o.base, "catalog/%s/%s", etsi_catalog_edition(catalog),
	                 etsi_catalog_ts_edition(catalog));
	o.doc = xmlNewDoc((const xmlChar *)"1.0");
	root = o.doc ? xmlNewDocNode(o.doc, NULL, (const xmlChar *)(profile ? "profile" : "catalog"),
	                             NULL)
	             : NULL;
	if (root)
		xmlDocSetRootElement(o.doc, root);  /* freed with the document */
	if (o.base.failed || !root) {
		error = etsi__error_oom();
		goto done;
	}
	o.ns = xmlNewNs(root, (const xmlChar *)NS_OSCAL, NULL);
	if (!o.ns) {
		error = etsi__error_oom();
		goto done;
	}
	xmlSetNs(root, o.ns);
	set(&o, root, "uuid", uuid_of(&o, &u, profile ? "profile" : "catalog", NULL));
	if (profile)
		build_profile(&o, root, xml);
	else
		build_catalog(&o, root);
	if (o.failed)
		error = o.failed == ETSI_ENOMEM ? etsi__error_oom() : o.failed;
	else
		error = xml ? etsi__xml_write(out, len, o.doc) : write_json(out, len, root);
done:
	dispose(&o);
	return error;
}
