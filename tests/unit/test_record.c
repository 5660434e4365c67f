/* Unit tests of records (record.c, kinds.c): the field tables against
 * xsd/dossier.xsd, and reading and changing records of a loaded dossier.
 * The dossier's tables are generated from the schema at build time
 * (scripts/gen-tables.py): the schema checks below hold by construction and
 * test the generator's output, read against an independent walk of the
 * schema; tests/cli/test_gen_tables.py tests the generator itself.
 * Expected values are read from the example file with XPath, so that the
 * library's answers are checked against an independent reading. */
#include "helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "kinds.h"
#include "record_impl.h"
#include "xml.h"

#define XS "http://www.w3.org/2001/XMLSchema"
#define CAMERA "smart-camera-v3.xml"

/* ---- the schema, read directly --------------------------------------- */

static xmlDoc *xsd;

static const char *prop(const xmlNode *node, const char *name)
{
	const xmlAttr *a;

	for (a = node ? node->properties : NULL; a; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0 && a->children)
			return (const char *)a->children->content;
	}
	return NULL;
}

static int is_xs(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, XS) == 0 && strcmp((const char *)n->name, local) == 0;
}

static xmlNode *xs_child(const xmlNode *parent, const char *local)
{
	xmlNode *n;

	for (n = parent ? parent->children : NULL; n; n = n->next) {
		if (is_xs(n, local))
			return n;
	}
	return NULL;
}

/* A top-level complexType or simpleType by name ("d:party" or "party"). */
static xmlNode *named_type(const char *local, const char *name)
{
	xmlNode *n;

	if (!name)
		return NULL;
	if (strncmp(name, "d:", 2) == 0)
		name += 2;
	else if (strchr(name, ':'))
		return NULL; /* xs:... */
	for (n = xmlDocGetRootElement(xsd)->children; n; n = n->next) {
		if (is_xs(n, local) && prop(n, "name") && strcmp(prop(n, "name"), name) == 0)
			return n;
	}
	return NULL;
}

/* The complex type of an element declaration, or NULL for simple ones. */
static xmlNode *complex_type_of(const xmlNode *decl)
{
	const char *type = prop(decl, "type");

	if (type)
		return named_type("complexType", type);
	return xs_child(decl, "complexType");
}

/* The direct child element declarations of a complex type's sequence. */
static size_t sequence_of(const xmlNode *ctype, xmlNode **out, size_t max)
{
	xmlNode *seq = xs_child(ctype, "sequence"), *n;
	size_t count = 0;

	for (n = seq ? seq->children : NULL; n; n = n->next) {
		if (is_xs(n, "element") && prop(n, "name") && count < max)
			out[count++] = n;
	}
	return count;
}

static xmlNode *child_decl(const xmlNode *ctype, const char *name)
{
	xmlNode *decls[64];
	size_t i, n = sequence_of(ctype, decls, 64);

	for (i = 0; i < n; i++) {
		if (strcmp(prop(decls[i], "name"), name) == 0)
			return decls[i];
	}
	return NULL;
}

/* An attribute declaration of a complex type, also inside simpleContent
 * or complexContent extensions. */
static xmlNode *attr_decl(const xmlNode *ctype, const char *name)
{
	xmlNode *n;

	for (n = ctype ? ctype->children : NULL; n; n = n->next) {
		if (is_xs(n, "attribute") && prop(n, "name") && strcmp(prop(n, "name"), name) == 0)
			return n;
		if (is_xs(n, "simpleContent") || is_xs(n, "complexContent") || is_xs(n, "extension") ||
		    is_xs(n, "restriction")) {
			xmlNode *found = attr_decl(n, name);

			if (found)
				return found;
		}
	}
	return NULL;
}

static size_t attr_decls(const xmlNode *ctype, xmlNode **out, size_t count, size_t max)
{
	xmlNode *n;

	for (n = ctype ? ctype->children : NULL; n; n = n->next) {
		if (is_xs(n, "attribute") && prop(n, "name") && count < max)
			out[count++] = n;
		else if (is_xs(n, "simpleContent") || is_xs(n, "complexContent") ||
		         is_xs(n, "extension"))
			count = attr_decls(n, out, count, max);
	}
	return count;
}

/* The enumeration of an attribute's simple type; 0 when it is none. */
static size_t enumeration_of(const xmlNode *attr, const char **out, size_t max)
{
	xmlNode *st = prop(attr, "type") ? named_type("simpleType", prop(attr, "type"))
	                                 : xs_child(attr, "simpleType");
	xmlNode *restriction = xs_child(st, "restriction"), *n;
	size_t count = 0;

	for (n = restriction ? restriction->children : NULL; n; n = n->next) {
		if (is_xs(n, "enumeration") && count < max)
			out[count++] = prop(n, "value");
	}
	return count;
}

static xmlNode *dossier_decl(void)
{
	xmlNode *n;

	for (n = xmlDocGetRootElement(xsd)->children; n; n = n->next) {
		if (is_xs(n, "element") && strcmp(prop(n, "name"), "dossier") == 0)
			return n;
	}
	return NULL;
}

static int is_dossier_kind(etsi_kind k)
{
	const etsi__kind_def *def = etsi__kind_lookup(k);

	return def && strcmp(def->ns, ETSI__NS_DOSSIER) == 0;
}

/* The declaration of a kind's element, found along its container path;
 * @p path receives "d:a/d:b" as the schema's selectors write it. */
static xmlNode *kind_decl(etsi_kind k, char *path, size_t size)
{
	const etsi__kind_def *def = etsi__kind_lookup(k);
	xmlNode *ctype, *decl;
	char container[128], *segment, *save = NULL;

	if (def->parent) {
		decl = kind_decl(def->parent, path, size);
		if (!decl)
			return NULL;
		ctype = complex_type_of(decl);
	} else {
		path[0] = '\0';
		ctype = complex_type_of(dossier_decl());
	}
	snprintf(container, sizeof(container), "%s", def->container);
	for (segment = strtok_r(container, "/", &save); segment; segment = strtok_r(NULL, "/", &save)) {
		decl = child_decl(ctype, segment);
		if (!decl)
			return NULL;
		snprintf(path + strlen(path), size - strlen(path), "%sd:%s", path[0] ? "/" : "",
		         segment);
		ctype = complex_type_of(decl);
	}
	decl = child_decl(ctype, def->element);
	if (decl)
		snprintf(path + strlen(path), size - strlen(path), "%sd:%s", path[0] ? "/" : "",
		         def->element);
	return decl;
}

/* Collects problems and fails once with all of them. */
struct problems {
	char text[8192];
	size_t len;
	int count;
};

static void problem(struct problems *p, const char *fmt, ...)
{
	va_list ap;

	if (p->len < sizeof(p->text) - 2) {
		va_start(ap, fmt);
		p->len += (size_t)vsnprintf(p->text + p->len, sizeof(p->text) - p->len, fmt, ap);
		va_end(ap);
		if (p->len < sizeof(p->text) - 1)
			p->text[p->len++] = '\n';
		p->text[p->len < sizeof(p->text) ? p->len : sizeof(p->text) - 1] = '\0';
	}
	p->count++;
}

static void check_problems(const struct problems *p)
{
	if (p->count)
		fail_msg("%d disagreement(s) with xsd/dossier.xsd:\n%s", p->count, p->text);
}

/* ---- (a) element order ----------------------------------------------- */

static void collect_decls(xmlNode *node, xmlNode **out, size_t *n, size_t max)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (is_xs(node, "element") && prop(node, "name") && *n < max)
			out[(*n)++] = node;
		collect_decls(node->children, out, n, max);
	}
}

static void test_record__element_order_matches_schema(void **state)
{
	static xmlNode *decls[512];
	struct problems p;
	size_t n = 0, i, j;

	(void)state;
	memset(&p, 0, sizeof(p));
	collect_decls(xmlDocGetRootElement(xsd), decls, &n, 512);
	assert_true(n > 50);
	for (i = 0; i < n; i++) {
		const char *name = prop(decls[i], "name");
		xmlNode *children[64];
		size_t count = sequence_of(complex_type_of(decls[i]), children, 64);
		const char *const *order = etsi__element_order(name);

		if (count == 0) {
			/* no order table unless another declaration of the name has
			 * children */
			int other = 0;

			for (j = 0; j < n; j++) {
				xmlNode *tmp[1];

				if (j != i && strcmp(prop(decls[j], "name"), name) == 0 &&
				    sequence_of(complex_type_of(decls[j]), tmp, 1))
					other = 1;
			}
			if (order && !other)
				problem(&p, "<%s> has no children in the schema but an order table", name);
			continue;
		}
		if (!order) {
			problem(&p, "<%s> (line %ld) has children but no order table", name,
			        xmlGetLineNo(decls[i]));
			continue;
		}
		for (j = 0; j < count || order[j]; j++) {
			const char *want = j < count ? prop(children[j], "name") : NULL;

			if (!want || !order[j] || strcmp(want, order[j]) != 0) {
				problem(&p, "<%s> child %zu: schema has %s, order table has %s", name, j,
				        want ? want : "(end)", order[j] ? order[j] : "(end)");
				break;
			}
		}
	}
	assert_null(etsi__element_order("no-such-element"));
	check_problems(&p);
}

/* ---- (b) field tables ------------------------------------------------ */

static int required_decl(const xmlNode *decl)
{
	const char *min = prop(decl, "minOccurs");

	return !min || strcmp(min, "0") != 0;
}

static int repeated_decl(const xmlNode *decl)
{
	const char *max = prop(decl, "maxOccurs");

	return max && strcmp(max, "1") != 0;
}

static int type_fits(int type, const char *xsd_type, int enumerated)
{
	if (enumerated)
		return type == ETSI__T_ENUM;
	if (!xsd_type)
		return 0;
	if (!strcmp(xsd_type, "d:boolean") || !strcmp(xsd_type, "xs:boolean"))
		return type == ETSI__T_BOOL;
	if (!strcmp(xsd_type, "d:date") || !strcmp(xsd_type, "xs:date"))
		return type == ETSI__T_DATE;
	if (!strcmp(xsd_type, "d:id"))
		return type == ETSI__T_ID || type == ETSI__T_REF;
	if (!strcmp(xsd_type, "d:line"))
		return type == ETSI__T_LINE || type == ETSI__T_KEYREF;
	if (!strcmp(xsd_type, "d:edition"))
		return type == ETSI__T_EDITION;
	if (!strcmp(xsd_type, "d:provision-id"))
		return type == ETSI__T_PROVISION || type == ETSI__T_TEST_GROUP;
	if (!strcmp(xsd_type, "d:test-case-id"))
		return type == ETSI__T_TEST_CASE;
	if (!strcmp(xsd_type, "d:ixit-table-id"))
		return type == ETSI__T_IXIT_TABLE;
	if (!strcmp(xsd_type, "d:field-name"))
		return type == ETSI__T_FIELD_NAME;
	if (!strcmp(xsd_type, "d:sha256"))
		return type == ETSI__T_SHA256;
	if (!strcmp(xsd_type, "d:git-oid"))
		return type == ETSI__T_GIT_OID;
	if (!strcmp(xsd_type, "xs:duration"))
		return type == ETSI__T_DURATION;
	if (!strcmp(xsd_type, "d:key-bits") || !strcmp(xsd_type, "d:evidence-items"))
		return type == ETSI__T_UINT;
	if (!strcmp(xsd_type, "d:media-type"))
		return type == ETSI__T_MEDIA_TYPE;
	if (!strcmp(xsd_type, "xs:unsignedLong"))
		return type == ETSI__T_UINT;
	if (!strcmp(xsd_type, "xs:anyURI"))
		return type == ETSI__T_URI;
	if (!strcmp(xsd_type, "d:hash"))
		return type == ETSI__T_HASH;
	/* text content of d:text, d:text-field, d:published-field ... */
	return type == ETSI__T_TEXT;
}

static void check_field(struct problems *p, const etsi__kind_def *def, const xmlNode *ctype,
                        const etsi__field *f)
{
	const xmlNode *type = ctype, *elem = NULL, *elem2 = NULL, *attr = NULL;
	const char *values[64];
	size_t nvalues = 0, i;
	int required = 1, enumerated;
	const char *xsd_type;

	if (f->elem) {
		elem = child_decl(type, f->elem);
		if (!elem) {
			problem(p, "%s.%s: no child <%s>", def->name, f->name, f->elem);
			return;
		}
		required &= required_decl(elem);
		type = complex_type_of(elem);
	}
	if (f->elem2) {
		elem2 = child_decl(type, f->elem2);
		if (!elem2) {
			problem(p, "%s.%s: no grandchild <%s>", def->name, f->name, f->elem2);
			return;
		}
		required &= required_decl(elem2);
		type = complex_type_of(elem2);
	}
	if (f->attr) {
		attr = attr_decl(type, f->attr);
		if (!attr) {
			problem(p, "%s.%s: no attribute %s", def->name, f->name, f->attr);
			return;
		}
		required &= prop(attr, "use") && strcmp(prop(attr, "use"), "required") == 0;
		xsd_type = prop(attr, "type");
		nvalues = enumeration_of(attr, values, 64);
	} else if (elem2 || elem) {
		xsd_type = prop(elem2 ? elem2 : elem, "type");
	} else {
		/* the record's own text: a simple-content type */
		if (!xs_child(ctype, "simpleContent"))
			problem(p, "%s.%s: the element has no text content", def->name, f->name);
		xsd_type = "d:text";
		required = 0;
	}
	enumerated = nvalues > 0;
	if (!type_fits(f->type, xsd_type, enumerated))
		problem(p, "%s.%s: type %d does not fit the schema's %s%s", def->name, f->name, f->type,
		        xsd_type ? xsd_type : "(inline)", enumerated ? " enumeration" : "");
	if (f->type == ETSI__T_ENUM && enumerated) {
		size_t count;

		for (count = 0; f->values[count]; count++)
			;
		if (count != nvalues)
			problem(p, "%s.%s: %zu values, the schema lists %zu", def->name, f->name, count,
			        nvalues);
		for (i = 0; i < count && i < nvalues; i++) {
			if (strcmp(f->values[i], values[i]) != 0)
				problem(p, "%s.%s: value %zu is %s, the schema has %s", def->name, f->name, i,
				        f->values[i], values[i]);
		}
	}
	if (!!(f->flags & ETSI__F_REQUIRED) != !!required)
		problem(p, "%s.%s: %srequired in the table but %srequired by the schema", def->name,
		        f->name, f->flags & ETSI__F_REQUIRED ? "" : "not ", required ? "" : "not ");
	if ((f->flags & ETSI__F_LIST) && !(elem && repeated_decl(elem) && !elem2))
		problem(p, "%s.%s: a list, but <%s> does not repeat", def->name, f->name,
		        f->elem ? f->elem : "(own)");
	if (!(f->flags & ETSI__F_LIST) && ((elem && repeated_decl(elem)) ||
	                                   (elem2 && repeated_decl(elem2))))
		problem(p, "%s.%s: one value, but its element repeats", def->name, f->name);
	{
		/* an anchor is a required attribute of an optional element */
		int anchor = elem && !elem2 && attr && !required_decl(elem) &&
		             prop(attr, "use") && strcmp(prop(attr, "use"), "required") == 0 &&
		             !(f->flags & ETSI__F_LIST);

		if (!!(f->flags & ETSI__F_ANCHOR) != anchor)
			problem(p, "%s.%s: anchor flag %d, schema says %d", def->name, f->name,
			        !!(f->flags & ETSI__F_ANCHOR), anchor);
	}
}

/* The id-unique selector of the dossier element: "d:a/d:b|d:c|...". */
static const char *id_unique_selector(void)
{
	xmlNode *u, *decl = dossier_decl();

	for (u = decl->children; u; u = u->next) {
		if (is_xs(u, "unique") && strcmp(prop(u, "name"), "id-unique") == 0)
			return prop(xs_child(u, "selector"), "xpath");
	}
	return NULL;
}

static int in_selector(const char *selector, const char *path)
{
	size_t n = strlen(path);
	const char *p = selector;

	while ((p = strstr(p, path))) {
		if ((p == selector || p[-1] == '|') && (p[n] == '\0' || p[n] == '|'))
			return 1;
		p += n;
	}
	return 0;
}

static void test_record__field_tables_match_schema(void **state)
{
	const char *selector = id_unique_selector();
	struct problems p;
	int k, kinds = 0;

	(void)state;
	memset(&p, 0, sizeof(p));
	assert_non_null(selector);
	for (k = 1; k < ETSI__KIND_LAST; k++) {
		const etsi__kind_def *def = etsi__kind_lookup((etsi_kind)k);
		char path[256];
		xmlNode *decl, *ctype, *attrs[64], *children[64];
		size_t i, j, nattrs, nchildren;

		if (!is_dossier_kind((etsi_kind)k))
			continue;
		kinds++;
		decl = kind_decl((etsi_kind)k, path, sizeof(path));
		if (!decl) {
			problem(&p, "%s: <%s> not found under '%s'", def->name, def->element,
			        def->container);
			continue;
		}
		ctype = complex_type_of(decl);
		for (i = 0; i < def->nfields; i++)
			check_field(&p, def, ctype, &def->fields[i]);

		/* every attribute of the element is a field */
		nattrs = attr_decls(ctype, attrs, 0, 64);
		for (i = 0; i < nattrs; i++) {
			int found = 0;

			for (j = 0; j < def->nfields; j++)
				found |= !def->fields[j].elem && def->fields[j].attr &&
				         strcmp(def->fields[j].attr, prop(attrs[i], "name")) == 0;
			if (!found)
				problem(&p, "%s: attribute %s has no field", def->name, prop(attrs[i], "name"));
		}
		/* every child element is a field, or holds records of a kind */
		nchildren = sequence_of(ctype, children, 64);
		for (i = 0; i < nchildren; i++) {
			const char *name = prop(children[i], "name");
			int found = 0, c;

			for (j = 0; j < def->nfields; j++)
				found |= def->fields[j].elem && strcmp(def->fields[j].elem, name) == 0;
			for (c = 1; c < ETSI__KIND_LAST; c++) {
				const etsi__kind_def *cd = etsi__kind_lookup((etsi_kind)c);
				size_t len = strlen(name);

				if (!cd || !is_dossier_kind((etsi_kind)c))
					continue;
				if (cd->parent == def->kind &&
				    ((!cd->container[0] && strcmp(cd->element, name) == 0) ||
				     (strncmp(cd->container, name, len) == 0 &&
				      (cd->container[len] == '\0' || cd->container[len] == '/'))))
					found = 1;
				if (!cd->parent && def->kind == ETSI_KIND_HEADER &&
				    strncmp(cd->container, "header/", 7) == 0 &&
				    strncmp(cd->container + 7, name, len) == 0)
					found = 1;
				if (!cd->parent && def->kind == ETSI_KIND_DUT &&
				    strncmp(cd->container, "dut/", 4) == 0 &&
				    strncmp(cd->container + 4, name, len) == 0)
					found = 1;
			}
			if (!found)
				problem(&p, "%s: child <%s> has no field", def->name, name);
		}
		/* the dossier's one id space is the schema's id-unique */
		if (!!(def->flags & ETSI__K_IDSPACE) != in_selector(selector, path))
			problem(&p, "%s (%s): id-space flag %d, id-unique says %d", def->name, path,
			        !!(def->flags & ETSI__K_IDSPACE), in_selector(selector, path));
	}
	assert_int_equal(kinds, ETSI_KIND_STEP - ETSI_KIND_HEADER + 1 + 3); /* + crypto, self-result, install-path */
	check_problems(&p);
}

/* ---- the example, read directly -------------------------------------- */

static xmlDoc *camera;

static char *xp(const char *fmt, ...)
{
	char expr[512];
	xmlXPathContext *ctx;
	xmlXPathObject *obj;
	xmlChar *s;
	char *copy;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	ctx = xmlXPathNewContext(camera);
	assert_non_null(ctx);
	xmlXPathRegisterNs(ctx, (const xmlChar *)"d", (const xmlChar *)ETSI__NS_DOSSIER);
	obj = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	assert_non_null(obj);
	s = xmlXPathCastToString(obj);
	copy = strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	assert_non_null(copy);
	return copy;
}

static size_t xp_count(const char *fmt, ...)
{
	char expr[512], wrapped[560];
	va_list ap;
	char *s;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	snprintf(wrapped, sizeof(wrapped), "count(%s)", expr);
	s = xp("%s", wrapped);
	n = (size_t)strtoul(s, NULL, 10);
	free(s);
	return n;
}

/* Asserts that a field reads as the XPath string of the example. */
#define assert_field_xp(record, field, ...) \
	do { \
		char *e_ = xp(__VA_ARGS__); \
		const char *g_ = etsi_record_get((record), (field)); \
		if (!g_ || strcmp(g_, e_) != 0) { \
			char m_[256]; \
			snprintf(m_, sizeof(m_), "%s: got \"%.80s\", expected \"%.80s\"", (field), \
			         g_ ? g_ : "(null)", e_); \
			free(e_); \
			fail_msg("%s", m_); \
		} \
		free(e_); \
	} while (0)

static int camera_line(const char *needle)
{
	char *text = test_read_file(test_source_path("examples/dossiers/" CAMERA), NULL);
	int line = test_line_of(text, needle);

	free(text);
	return line;
}

static etsi_record *find(etsi_dossier *d, etsi_kind kind, const char *key)
{
	etsi_record *r = etsi_dossier_find(d, kind, key);

	if (!r)
		fail_msg("no %s '%s' in the dossier", etsi_kind_name(kind), key ? key : "");
	return r;
}

/* ---- reading --------------------------------------------------------- */

static void test_record__get_attribute_and_element_fields(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *r;

	(void)state;
	r = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	assert_int_equal(etsi_record_kind(r), ETSI_KIND_COMPONENT);
	assert_str(etsi_record_get(r, "id"), "comp-fw");
	assert_str(etsi_record_get(r, "kind"), "firmware");
	assert_str(etsi_record_get(r, "updateable"), "true");
	assert_field_xp(r, "name", "string(//d:component[@id='comp-fw']/d:name)");
	assert_field_xp(r, "version", "string(//d:component[@id='comp-fw']/d:version)");
	assert_field_xp(r, "purl", "string(//d:component[@id='comp-fw']/d:purl)");
	assert_field_xp(r, "description", "string(//d:component[@id='comp-fw']/d:description)");
	assert_null(etsi_record_get(r, "cpe"));
	assert_int_equal(etsi_record_value_count(r, "cpe"), 0);
	assert_int_equal(etsi_record_value_count(r, "name"), 1);
	assert_str(etsi_record_value_at(r, "name", 0), etsi_record_get(r, "name"));
	assert_null(etsi_record_value_at(r, "name", 1));
	assert_null(etsi_record_get(r, "no-update-reason"));
	assert_null(etsi_record_get(r, "no-such-field"));
	assert_null(etsi_record_get(r, NULL));

	r = find(d, ETSI_KIND_MECHANISM, "mech-ota");
	assert_str(etsi_record_get(r, "path"), "device-download");
	assert_str(etsi_record_get(r, "network"), "true");
	assert_str(etsi_record_get(r, "trust"), "signature");
	assert_field_xp(r, "trust-detail", "string(//d:mechanism[@id='mech-ota']/d:trust-relationship)");
	/* an attribute with a schema default that the document leaves out */
	assert_null(etsi_record_get(r, "implemented"));

	r = find(d, ETSI_KIND_COMPONENT, "comp-bootrom");
	assert_str(etsi_record_get(r, "no-update-reason"), "immutable-for-security");
	assert_field_xp(r, "no-update-justification",
	                "string(//d:component[@id='comp-bootrom']/d:no-update)");

	r = find(d, ETSI_KIND_HEADER, NULL);
	assert_field_xp(r, "title", "string(/d:dossier/d:header/d:title)");
	assert_str(etsi_record_get(r, "en303645"), "3.1.3");
	assert_str(etsi_record_get(r, "ts103701"), "2.1.1");
	assert_field_xp(r, "release", "string(/d:dossier/d:header/d:release/@version)");
	assert_field_xp(r, "release-date", "string(/d:dossier/d:header/d:release/@date)");
	assert_field_xp(r, "previous-release", "string(/d:dossier/d:header/d:release/@previous)");
	assert_field_xp(r, "public-conformance",
	                "string(/d:dossier/d:header/d:public-statement/@conformance)");
	assert_field_xp(r, "public-url", "string(/d:dossier/d:header/d:public-statement/@url)");
	assert_field_xp(r, "public-statement", "string(/d:dossier/d:header/d:public-statement)");

	r = find(d, ETSI_KIND_CONFIRMATION, "secure-development");
	assert_str(etsi_record_get(r, "confirmed"), "true");
	assert_field_xp(r, "statement",
	                "string(//d:confirmation[@name='secure-development'])");
	assert_field_xp(r, "by", "string(//d:confirmation[@name='secure-development']/@by)");

	r = find(d, ETSI_KIND_USER_INFO, NULL);
	assert_field_xp(r, "support-period-end", "string(//d:user-info/d:support-period/@end)");
	assert_field_xp(r, "publication-of-support-period-url",
	                "string(//d:user-info/d:publication-of-support-period/@url)");
	etsi_dossier_free(d);
}

static void test_record__grandchild_fields(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *dut = find(d, ETSI_KIND_DUT, NULL), *header = find(d, ETSI_KIND_HEADER, NULL);
	etsi_record *ev;

	(void)state;
	assert_field_xp(dut, "rationale", "string(/d:dossier/d:dut/d:resource-constraint/d:rationale)");
	assert_field_xp(dut, "constrained", "string(/d:dossier/d:dut/d:resource-constraint/@constrained)");
	assert_field_xp(dut, "model-designation", "string(/d:dossier/d:dut/d:model-designation)");
	assert_field_xp(header, "scope", "string(/d:dossier/d:header/d:release/d:scope)");
	assert_true(strlen(etsi_record_get(header, "scope")) > 100);
	ev = find(d, ETSI_KIND_EVIDENCE, "ev-se-certificate");
	assert_field_xp(ev, "external-issuer", "string(//d:evidence[@id='ev-se-certificate']/d:external/d:issuer)");
	assert_field_xp(ev, "external-assurance",
	                "string(//d:evidence[@id='ev-se-certificate']/d:external/@assurance)");
	etsi_dossier_free(d);
}

static void test_record__list_fields(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *r;
	size_t i, n;

	(void)state;
	r = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	n = xp_count("//d:component[@id='comp-fw']/d:covered-by");
	assert_int_equal(n, 2);
	assert_int_equal(etsi_record_value_count(r, "mechanism"), n);
	for (i = 0; i < n; i++) {
		char *e = xp("string(//d:component[@id='comp-fw']/d:covered-by[%zu]/@mechanism)", i + 1);

		assert_str(etsi_record_value_at(r, "mechanism", i), e);
		free(e);
	}
	assert_null(etsi_record_value_at(r, "mechanism", n));
	assert_str(etsi_record_get(r, "mechanism"), "mech-ota");

	r = find(d, ETSI_KIND_VERDICT, "5.3-13-2");
	assert_str(etsi_record_get(r, "result"), "INCONCLUSIVE");
	assert_int_equal(etsi_record_value_count(r, "indication"),
	                 xp_count("//d:verdict[@case='5.3-13-2']/d:indication"));
	assert_field_xp(r, "indication", "string(//d:verdict[@case='5.3-13-2']/d:indication[1])");
	assert_int_equal(etsi_record_value_count(r, "evidence"),
	                 xp_count("//d:verdict[@case='5.3-13-2']/d:evidence-ref"));
	assert_field_xp(r, "evidence", "string(//d:verdict[@case='5.3-13-2']/d:evidence-ref[1]/@ref)");

	r = find(d, ETSI_KIND_VERDICT, "5.3-2-2");
	n = xp_count("//d:verdict[@case='5.3-2-2']/d:evidence-ref");
	assert_true(n >= 2);
	assert_int_equal(etsi_record_value_count(r, "evidence"), n);
	assert_int_equal(etsi_record_value_count(r, "indication"), 0);
	assert_null(etsi_record_value_at(r, "indication", 0));

	/* hashes read as ALG:VALUE */
	r = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	{
		char *alg = xp("string(//d:component[@id='comp-fw']/d:hash/@alg)");
		char *value = xp("string(//d:component[@id='comp-fw']/d:hash)");
		char expected[256];

		snprintf(expected, sizeof(expected), "%s:%s", alg, value);
		assert_str(etsi_record_get(r, "hash"), expected);
		assert_int_equal(etsi_record_value_count(r, "hash"), 1);
		assert_int_equal(strncmp(expected, "SHA-256:", 8), 0);
		free(alg);
		free(value);
	}
	assert_int_equal(etsi_record_value_count(find(d, ETSI_KIND_COMPONENT, "comp-app"), "hash"), 0);
	etsi_dossier_free(d);
}

static void test_record__key_line_parent_children(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-architecture");
	etsi_record *art;
	size_t i, n;

	(void)state;
	assert_str(etsi_record_key(ev), "ev-update-architecture");
	assert_int_equal(etsi_record_line(ev), camera_line("id=\"ev-update-architecture\""));
	assert_null(etsi_record_parent(ev));
	n = xp_count("//d:evidence[@id='ev-update-architecture']/d:artifact");
	assert_int_equal(n, 2);
	assert_int_equal(etsi_record_child_count(ev), n);
	for (i = 0; i < n; i++) {
		char *id = xp("string(//d:evidence[@id='ev-update-architecture']/d:artifact[%zu]/@id)",
		              i + 1);
		char needle[128];

		art = etsi_record_child_at(ev, i);
		assert_int_equal(etsi_record_kind(art), ETSI_KIND_ARTIFACT);
		assert_str(etsi_record_key(art), id);
		assert_ptr_equal(etsi_record_parent(art), ev);
		assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, id), art);
		snprintf(needle, sizeof(needle), "id=\"%s\"", id);
		assert_int_equal(etsi_record_line(art), camera_line(needle));
		free(id);
	}
	assert_null(etsi_record_child_at(ev, n));
	art = etsi_record_child_at(ev, 0);
	assert_field_xp(art, "media-type", "string(//d:artifact[@id='%s']/@media-type)",
	                etsi_record_key(art));
	assert_field_xp(art, "sha256", "string(//d:artifact[@id='%s']/@sha256)", etsi_record_key(art));
	assert_field_xp(art, "title", "string(//d:artifact[@id='%s']/d:title)", etsi_record_key(art));

	/* covers belong to their evidence too */
	ev = find(d, ETSI_KIND_EVIDENCE, "ev-se-certificate");
	{
		size_t covers = xp_count("//d:evidence[@id='ev-se-certificate']//d:covers");
		size_t arts = xp_count("//d:evidence[@id='ev-se-certificate']/d:artifact");

		assert_int_equal(etsi_record_child_count(ev), covers + arts);
		for (i = 0; i < covers + arts; i++)
			assert_ptr_equal(etsi_record_parent(etsi_record_child_at(ev, i)), ev);
	}
	/* keys of keyed-by-reference kinds, and singletons without a key */
	assert_str(etsi_record_key(etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, 0)),
	           "5.3-1");
	assert_str(etsi_record_key(find(d, ETSI_KIND_VERDICT, "5.3-2-1")), "5.3-2-1");
	assert_str(etsi_record_key(find(d, ETSI_KIND_STEP, "handoff")), "handoff");
	assert_null(etsi_record_key(find(d, ETSI_KIND_HEADER, NULL)));
	assert_null(etsi_record_key(find(d, ETSI_KIND_DUT, NULL)));
	assert_null(etsi_record_key(find(d, ETSI_KIND_USER_INFO, NULL)));
	assert_int_equal(etsi_record_line(find(d, ETSI_KIND_DUT, NULL)), camera_line("<dut>"));

	/* counts agree with the file */
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ARTIFACT), xp_count("//d:artifact"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_EVIDENCE), xp_count("//d:evidence"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COMPONENT), xp_count("//d:component"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY), xp_count("//d:ics/d:entry"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_VERDICT), xp_count("//d:verdict"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_OWNER), xp_count("//d:owner"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_COVERS), xp_count("//d:covers"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_HEADER), 1);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_WAIVER), 0);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_PROVISION), 0);
	etsi_dossier_free(d);
}

/* ---- setting: type checks -------------------------------------------- */

/* Each call must fail with @p code and leave the document unchanged. */
#define assert_set_fails(d, record, field, value, code) \
	do { \
		char *before_ = test_write((d), NULL); \
		char *after_; \
		assert_etsi_error(etsi_record_set((record), (field), (value)), (code)); \
		after_ = test_write((d), NULL); \
		assert_string_equal(before_, after_); \
		free(before_); \
		free(after_); \
	} while (0)

static void test_record__set_type_checks(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *mech = find(d, ETSI_KIND_MECHANISM, "mech-ota");
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	etsi_record *art = find(d, ETSI_KIND_ARTIFACT, "art-update-arch-pdf");
	etsi_record *party = find(d, ETSI_KIND_PARTY, "so-kestrel");
	const etsi__kind_def *def = etsi__kind_lookup(ETSI_KIND_COMPONENT);
	char allowed[512] = "";
	size_t i;

	(void)state;
	assert_set_fails(d, mech, "network", "yes", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "yes");
	assert_contains(etsi_error_last()->message, "true or false");
	assert_set_fails(d, mech, "automatic", "1", ETSI_EINVALID);
	assert_set_fails(d, mech, "notification", "TRUE", ETSI_EINVALID);

	assert_set_fails(d, art, "collected", "2024-13-01", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "2024-13-01");
	assert_contains(etsi_error_last()->message, "YYYY-MM-DD");
	assert_set_fails(d, art, "expires", "2023-02-29", ETSI_EINVALID);

	/* the message lists the allowed values */
	for (i = 0; def->fields[1].values[i]; i++)
		snprintf(allowed + strlen(allowed), sizeof(allowed) - strlen(allowed), "%s%s",
		         i ? ", " : "", def->fields[1].values[i]);
	assert_str(def->fields[1].name, "kind");
	assert_set_fails(d, comp, "kind", "toaster", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "toaster");
	assert_contains(etsi_error_last()->message, allowed);
	assert_contains(etsi_error_last()->message, "radio-firmware");
	assert_set_fails(d, comp, "updateable", "maybe", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "true, false, undecided");

	assert_set_fails(d, party, "id", "9lives", ETSI_EINVALID);
	assert_set_fails(d, party, "id", "has space", ETSI_EINVALID);
	assert_set_fails(d, party, "role", "XX", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "SO, TL, other");

	assert_set_fails(d, art, "sha256",
	                 "C71A66DE8C247402AF13FEA6C376ED4855B9B9415DEEBF531668A121C7DB539A",
	                 ETSI_EINVALID);
	assert_set_fails(d, art, "sha256", "c71a66de", ETSI_EINVALID);
	assert_set_fails(d, art, "size", "-1", ETSI_EINVALID);
	assert_set_fails(d, art, "size", "18446744073709551616", ETSI_EINVALID);
	assert_set_fails(d, art, "media-type", "pdf", ETSI_EINVALID);
	assert_set_fails(d, art, "media-type", "Application/PDF", ETSI_EINVALID);
	assert_set_fails(d, comp, "hash", "no-colon", ETSI_EINVALID);
	assert_set_fails(d, comp, "hash", ":value", ETSI_EINVALID);
	assert_set_fails(d, comp, "hash", "SHA-256:", ETSI_EINVALID);
	assert_set_fails(d, comp, "no-such-field", "x", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "no-such-field");

	/* good values of the same fields */
	assert_int_equal(etsi_record_set(mech, "network", "false"), 0);
	assert_str(etsi_record_get(mech, "network"), "false");
	assert_int_equal(etsi_record_set(art, "collected", "2024-02-29"), 0);
	assert_str(etsi_record_get(art, "collected"), "2024-02-29");
	assert_int_equal(etsi_record_set(art, "size", "18446744073709551615"), 0);
	assert_int_equal(etsi_record_set(art, "media-type", "application/vnd.example+json"), 0);
	assert_int_equal(etsi_record_set(comp, "kind", "operating-system"), 0);
	assert_str(etsi_record_get(comp, "kind"), "operating-system");
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

static void test_record__set_catalog_references(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");
	etsi_record *entry = find(d, ETSI_KIND_ICS_ENTRY, "5.3-1");
	etsi_record *verdict = find(d, ETSI_KIND_VERDICT, "5.3-9-1");

	(void)state;
	/* a provision the edition does not have */
	assert_set_fails(d, ev, "provision", "5.3-99", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "5.3-99");
	assert_contains(etsi_error_last()->message, "3.1.3");
	/* a V2.1.1 provision that V3.1.3 dropped */
	assert_set_fails(d, ev, "provision", "4-1", ETSI_ENOTFOUND);
	/* a void provision: the message names its replacements */
	assert_set_fails(d, ev, "provision", "5.3-4", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "void");
	assert_contains(etsi_error_last()->message, "5.3-4A");
	assert_contains(etsi_error_last()->message, "5.3-4B");
	assert_set_fails(d, entry, "provision", "5.3-15", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "5.3-15A");
	assert_contains(etsi_error_last()->message, "5.3-15B");
	/* identifiers of the other layer */
	assert_set_fails(d, ev, "provision", "7-UpdMech", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "TS 103 701");
	assert_contains(etsi_error_last()->message, "7-UpdMech");
	assert_set_fails(d, ev, "provision", "5.3-2-1", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "test case");
	assert_set_fails(d, ev, "provision", "five", ETSI_EINVALID);
	/* test cases */
	assert_set_fails(d, verdict, "case", "5.3-99-1", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "5.3-99-1");
	assert_set_fails(d, verdict, "case", "5.3-4-1", ETSI_ENOTFOUND);
	assert_set_fails(d, verdict, "case", "5.3-9", ETSI_EINVALID);
	/* a key taken by another entry */
	assert_set_fails(d, entry, "provision", "5.3-2", ETSI_EEXISTS);
	assert_set_fails(d, verdict, "case", "5.3-9-2", ETSI_EEXISTS);

	/* a good one */
	assert_int_equal(etsi_record_set(ev, "provision", "5.3-4A"), 0);
	assert_str(etsi_record_get(ev, "provision"), "5.3-4A");
	etsi_dossier_free(d);
}

static void test_record__set_references_and_ids(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	etsi_record *verdict = find(d, ETSI_KIND_VERDICT, "5.3-9-1");
	etsi_record *svc = find(d, ETSI_KIND_SERVICE, "svc-update");
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");

	(void)state;
	/* dangling references */
	assert_set_fails(d, comp, "mechanism", "mech-nope", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "mech-nope");
	assert_set_fails(d, verdict, "by", "nobody", ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "nobody");
	/* an id of the wrong kind is dangling too */
	assert_set_fails(d, verdict, "by", "own-psl", ETSI_ENOTFOUND);
	assert_set_fails(d, ev, "owner", "so-kestrel", ETSI_ENOTFOUND);

	/* ids are unique across the dossier's id space */
	assert_set_fails(d, comp, "id", "mech-ota", ETSI_EEXISTS);
	assert_contains(etsi_error_last()->message, "mech-ota");
	assert_set_fails(d, ev, "id", "art-bundle", ETSI_EEXISTS);
	assert_set_fails(d, svc, "id", "comp-isp", ETSI_EEXISTS);

	/* a key change updates the lookups */
	assert_int_equal(etsi_record_set(comp, "id", "comp-main"), 0);
	assert_str(etsi_record_key(comp), "comp-main");
	assert_null(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp-fw"));
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp-main"), comp);
	/* the old id is free again, the new one taken */
	assert_int_equal(etsi_record_set(svc, "id", "comp-fw"), 0);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_SERVICE, "comp-fw"), svc);
	assert_null(etsi_dossier_find(d, ETSI_KIND_SERVICE, "svc-update"));
	assert_set_fails(d, svc, "id", "comp-main", ETSI_EEXISTS);
	/* setting the same key again is a no-op */
	assert_int_equal(etsi_record_set(comp, "id", "comp-main"), 0);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_COMPONENT, "comp-main"), comp);

	/* verdict key */
	assert_int_equal(etsi_record_set(verdict, "case", "5.3-9-2"), ETSI_EEXISTS);
	assert_int_equal(etsi_record_set(verdict, "case", "5.3-3-1"), 0);
	assert_ptr_equal(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-3-1"), verdict);
	assert_null(etsi_dossier_find(d, ETSI_KIND_VERDICT, "5.3-9-1"));
	etsi_dossier_free(d);
}

static void test_record__text_values_checked(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");

	(void)state;
	assert_set_fails(d, ev, "claim", "bad \xff byte", ETSI_EINVALID);
	assert_set_fails(d, ev, "claim", "overlong \xc0\xaf", ETSI_EINVALID);
	assert_set_fails(d, ev, "claim", "bell\x07", ETSI_EINVALID);
	assert_set_fails(d, ev, "claim", "escape \x1b[31m", ETSI_EINVALID);
	/* the bytes are not echoed into the message */
	assert_not_contains(etsi_error_last()->message, "\x1b");
	/* one-line fields refuse line breaks and surrounding blanks */
	assert_set_fails(d, comp, "name", "two\nlines", ETSI_EINVALID);
	assert_set_fails(d, comp, "name", " padded", ETSI_EINVALID);
	assert_set_fails(d, comp, "name", "", ETSI_EINVALID);
	assert_set_fails(d, comp, "version", "tab\there", ETSI_EINVALID);
	/* free text takes them */
	assert_int_equal(etsi_record_set(ev, "claim", "two\nlines\twith tab"), 0);
	assert_str(etsi_record_get(ev, "claim"), "two\nlines\twith tab");
	assert_int_equal(etsi_record_set(ev, "claim", "caf\xc3\xa9 \xf0\x9f\x94\x92"), 0);
	assert_str(etsi_record_get(ev, "claim"), "caf\xc3\xa9 \xf0\x9f\x94\x92");
	etsi_dossier_free(d);
}

static void test_record__accepted_values_validate(void **state)
{
	static const struct {
		etsi_kind kind;
		const char *key, *field, *value;
	} values[] = {
		{ ETSI_KIND_ARTIFACT, "art-bundle", "media-type", "application/octet-stream" },
		{ ETSI_KIND_ARTIFACT, "art-bundle", "media-type", "+x/y" },
		{ ETSI_KIND_ARTIFACT, "art-bundle", "media-type", "a/.b" },
		{ ETSI_KIND_ARTIFACT, "art-bundle", "collected", "0000-01-01" },
	};
	char failures[1024] = "";
	size_t i;

	(void)state;
	/* Regression test for a fixed bug: etsi_record_set() accepts values that xsd/dossier.xsd refuses,
	 * so the dossier can no longer be saved: valid_media_type()
	 * (libetsi/src/record.c) lets a media type start its type or subtype
	 * with one of "!#$&^_.+-" other than '-' (the schema's pattern wants
	 * [a-z0-9] first), and etsi__valid_date() accepts the year 0000, which
	 * xs:date refuses. */
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		etsi_dossier *d = test_load_example(CAMERA, NULL);
		int rc = etsi_record_set(find(d, values[i].kind, values[i].key), values[i].field,
		                         values[i].value);

		if (rc == 0 && etsi_dossier_validate(NULL, d) != 0)
			snprintf(failures + strlen(failures), sizeof(failures) - strlen(failures),
			         "%s %s=\"%s\" is accepted but invalid (%s); ", values[i].key,
			         values[i].field, values[i].value, etsi_error_last()->message);
		etsi_dossier_free(d);
	}
	if (failures[0])
		fail_msg("%s", failures);
}

/* ---- setting: required fields and anchors ---------------------------- */

static void test_record__remove_required_and_optional(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	etsi_record *dut = find(d, ETSI_KIND_DUT, NULL);
	etsi_record *header = find(d, ETSI_KIND_HEADER, NULL);

	(void)state;
	assert_set_fails(d, comp, "name", NULL, ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "required");
	assert_set_fails(d, comp, "id", NULL, ETSI_EINVALID);
	assert_set_fails(d, comp, "kind", NULL, ETSI_EINVALID);
	assert_set_fails(d, dut, "model-designation", NULL, ETSI_EINVALID);
	assert_set_fails(d, header, "release", NULL, ETSI_EINVALID);
	/* the editions are fixed when a dossier is made */
	assert_set_fails(d, header, "en303645", "2.1.1", ETSI_EREADONLY);
	assert_set_fails(d, header, "ts103701", NULL, ETSI_EREADONLY);

	/* optional fields go away, element and attribute alike */
	assert_int_equal(etsi_record_set(comp, "purl", NULL), 0);
	assert_null(etsi_record_get(comp, "purl"));
	assert_int_equal(etsi_record_set(comp, "purl", NULL), 0);
	assert_int_equal(etsi_record_set(header, "release-date", NULL), 0);
	assert_null(etsi_record_get(header, "release-date"));
	assert_str(etsi_record_get(header, "release"), "3.4.0");
	assert_int_equal(etsi_record_set(comp, "mechanism", NULL), 0);
	assert_int_equal(etsi_record_value_count(comp, "mechanism"), 0);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	{
		char *out = test_write(d, NULL);

		assert_not_contains(out, "pkg:generic/kestrel-home/kic300-firmware");
		free(out);
	}
	etsi_dossier_free(d);
}

static void test_record__anchors(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *fw = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	etsi_record *rom = find(d, ETSI_KIND_COMPONENT, "comp-bootrom");
	etsi_record *mech = find(d, ETSI_KIND_MECHANISM, "mech-store");
	char *out;

	(void)state;
	/* the justification needs the reason's element first */
	assert_set_fails(d, fw, "no-update-justification", "because", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "no-update-reason");
	assert_int_equal(etsi_record_set(fw, "no-update-reason", "constrained"), 0);
	assert_int_equal(etsi_record_set(fw, "no-update-justification", "because"), 0);
	assert_str(etsi_record_get(fw, "no-update-reason"), "constrained");
	assert_str(etsi_record_get(fw, "no-update-justification"), "because");
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);

	/* removing the anchor removes the whole element */
	assert_int_equal(etsi_record_set(rom, "no-update-reason", NULL), 0);
	assert_null(etsi_record_get(rom, "no-update-reason"));
	assert_null(etsi_record_get(rom, "no-update-justification"));
	out = test_write(d, NULL);
	assert_int_equal(strstr(out, "immutable-for-security") != NULL,
	                 xp_count("//d:no-update[@reason='immutable-for-security']") > 1);
	free(out);

	/* trust on a mechanism */
	assert_int_equal(etsi_record_set(mech, "trust", NULL), 0);
	assert_null(etsi_record_get(mech, "trust-detail"));
	assert_set_fails(d, mech, "trust-detail", "text", ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "trust");
	assert_int_equal(etsi_record_set(mech, "trust", "authenticated-channel"), 0);
	assert_str(etsi_record_get(mech, "trust-detail"), "");
	assert_int_equal(etsi_record_set(mech, "trust-detail", "TLS"), 0);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

static void test_record__remove_text_keeps_anchor(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *se = find(d, ETSI_KIND_COMPONENT, "comp-se");
	etsi_record *header = find(d, ETSI_KIND_HEADER, NULL);
	etsi_record *info = find(d, ETSI_KIND_USER_INFO, NULL);
	const char *reason, *conformance, *url, *end, *pub_url;
	char report[512];

	(void)state;
	/* Regression test for a fixed bug: etsi_record_set(record, FIELD, NULL) for a text field that lives
	 * in the same element as other fields (remove_value() in
	 * libetsi/src/record.c frees the whole element for any field with an
	 * elem and no attr) also deletes those other fields: removing a
	 * component's no-update-justification deletes its no-update-reason,
	 * removing the header's public-statement text deletes
	 * public-conformance/-url/-date, removing user-info support-period
	 * deletes support-period-end, and removing a published field's text
	 * deletes its -url. */
	assert_int_equal(etsi_record_set(se, "no-update-justification", NULL), 0);
	assert_int_equal(etsi_record_set(header, "public-statement", NULL), 0);
	assert_int_equal(etsi_record_set(info, "support-period", NULL), 0);
	assert_int_equal(etsi_record_set(info, "publication-of-support-period", NULL), 0);
	reason = etsi_record_get(se, "no-update-reason");
	conformance = etsi_record_get(header, "public-conformance");
	url = etsi_record_get(header, "public-url");
	end = etsi_record_get(info, "support-period-end");
	pub_url = etsi_record_get(info, "publication-of-support-period-url");
	snprintf(report, sizeof(report),
	         "no-update-reason=%s public-conformance=%s public-url=%s support-period-end=%s "
	         "publication-of-support-period-url=%s",
	         reason ? reason : "(gone)", conformance ? conformance : "(gone)",
	         url ? url : "(gone)", end ? end : "(gone)", pub_url ? pub_url : "(gone)");
	etsi_dossier_free(d);
	if (!reason || !conformance || !url || !end || !pub_url)
		fail_msg("removing a text field removed other fields: %s", report);
}

/* ---- list values ----------------------------------------------------- */

static void test_record__list_add_and_remove(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *isp = find(d, ETSI_KIND_COMPONENT, "comp-isp");
	etsi_record *verdict = find(d, ETSI_KIND_VERDICT, "5.3-13-2");
	size_t n = xp_count("//d:component[@id='comp-isp']/d:covered-by");
	char *before;

	(void)state;
	assert_int_equal(etsi_record_value_count(isp, "mechanism"), n);
	assert_int_equal(etsi_record_add_value(isp, "mechanism", "mech-store"), 0);
	assert_int_equal(etsi_record_value_count(isp, "mechanism"), n + 1);
	assert_str(etsi_record_value_at(isp, "mechanism", n), "mech-store");
	/* adding a value already there does nothing */
	before = test_write(d, NULL);
	assert_int_equal(etsi_record_add_value(isp, "mechanism", "mech-store"), 0);
	assert_int_equal(etsi_record_value_count(isp, "mechanism"), n + 1);
	{
		char *after = test_write(d, NULL);

		assert_string_equal(before, after);
		free(after);
	}
	free(before);
	/* bad values */
	assert_etsi_error(etsi_record_add_value(isp, "mechanism", "mech-nope"), ETSI_ENOTFOUND);
	assert_etsi_error(etsi_record_add_value(isp, "mechanism", "1bad"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_add_value(isp, "mechanism", NULL), ETSI_EINVALID);
	/* removing */
	assert_etsi_error(etsi_record_remove_value(isp, "mechanism", "mech-nope"), ETSI_ENOTFOUND);
	assert_contains(etsi_error_last()->message, "mech-nope");
	assert_int_equal(etsi_record_remove_value(isp, "mechanism", "mech-ota"), 0);
	assert_int_equal(etsi_record_value_count(isp, "mechanism"), n);
	assert_etsi_error(etsi_record_remove_value(isp, "mechanism", "mech-ota"), ETSI_ENOTFOUND);
	assert_str(etsi_record_value_at(isp, "mechanism", n - 1), "mech-store");
	/* single-valued fields are not lists */
	assert_etsi_error(etsi_record_add_value(isp, "name", "x"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_remove_value(isp, "name", "x"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_add_value(isp, "no-such-field", "x"), ETSI_EINVALID);

	/* hashes */
	assert_int_equal(etsi_record_add_value(isp, "hash", "SHA-512:abcdef"), 0);
	assert_int_equal(etsi_record_value_count(isp, "hash"), 2);
	assert_str(etsi_record_value_at(isp, "hash", 1), "SHA-512:abcdef");
	assert_int_equal(etsi_record_add_value(isp, "hash", "SHA-512:abcdef"), 0);
	assert_int_equal(etsi_record_value_count(isp, "hash"), 2);
	assert_int_equal(etsi_record_remove_value(isp, "hash", "SHA-512:abcdef"), 0);
	assert_int_equal(etsi_record_value_count(isp, "hash"), 1);
	/* set replaces every value with one */
	assert_int_equal(etsi_record_set(isp, "hash", "SHA-1:0123"), 0);
	assert_int_equal(etsi_record_value_count(isp, "hash"), 1);
	assert_str(etsi_record_get(isp, "hash"), "SHA-1:0123");
	assert_int_equal(etsi_record_set(isp, "mechanism", "mech-app"), 0);
	assert_int_equal(etsi_record_value_count(isp, "mechanism"), 1);

	/* a verdict's lists */
	n = etsi_record_value_count(verdict, "indication");
	assert_int_equal(etsi_record_add_value(verdict, "indication", "A second indication."), 0);
	assert_int_equal(etsi_record_value_count(verdict, "indication"), n + 1);
	assert_str(etsi_record_value_at(verdict, "indication", n), "A second indication.");
	n = etsi_record_value_count(verdict, "evidence");
	assert_int_equal(etsi_record_add_value(verdict, "evidence", "ev-update-coverage"), 0);
	assert_int_equal(etsi_record_value_count(verdict, "evidence"), n + 1);
	assert_etsi_error(etsi_record_add_value(verdict, "evidence", "ev-nope"), ETSI_ENOTFOUND);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

/* ---- adding records -------------------------------------------------- */

#define assert_add_fails(d, parent, kind, fields, code) \
	do { \
		char *before_ = test_write((d), NULL); \
		char *after_; \
		etsi_record *out_ = (etsi_record *)1; \
		size_t count_ = etsi_dossier_count((d), (kind)); \
		assert_etsi_error(etsi_dossier_add(&out_, (d), (parent), (kind), (fields)), (code)); \
		assert_null(out_); \
		assert_int_equal(etsi_dossier_count((d), (kind)), count_); \
		after_ = test_write((d), NULL); \
		assert_string_equal(before_, after_); \
		free(before_); \
		free(after_); \
	} while (0)

static void test_record__add_refused(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage");
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");
	const char *missing[] = { "id", "comp-new", "kind", "firmware", "name", "New", NULL };
	const char *unknown[] = { "id", "comp-new", "kind", "firmware", "updateable", "true",
		                  "name", "New", "colour", "red", NULL };
	const char *twice[] = { "id", "comp-new", "kind", "firmware", "updateable", "true",
		                "name", "New", "name", "Again", NULL };
	const char *no_value[] = { "id", "comp-new", "kind", NULL, NULL };
	const char *bad_value[] = { "id", "comp-new", "kind", "toaster", "updateable", "true",
		                    "name", "New", NULL };
	const char *taken[] = { "id", "mech-ota", "kind", "firmware", "updateable", "true",
		                "name", "New", NULL };
	const char *dangling[] = { "id", "comp-new", "kind", "firmware", "updateable", "true",
		                   "name", "New", "mechanism", "mech-nope", NULL };
	const char *orphan[] = { "no-update-justification", "x", "id", "comp-new", "kind",
		                 "firmware", "updateable", "true", "name", "New", NULL };
	const char *artifact[] = { "id", "art-new", "ref", "x.pdf", "media-type", "application/pdf",
		                   "visibility", "private", NULL };
	const char *party[] = { "id", "p-new", "role", "TL", "name", "Lab", NULL };
	const char *entry[] = { "provision", "5.3-2", NULL };
	const char *step[] = { "name", "ics", "owner", "own-psl", NULL };
	const char *confirmation[] = { "name", "secure-development", "confirmed", "true", NULL };
	const char *input[] = { "table", "7-UpdMech", "present", "true", NULL };
	const char *nothing[] = { NULL };

	(void)state;
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, missing, ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "updateable");
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, unknown, ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "colour");
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, twice, ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "twice");
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, no_value, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, bad_value, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, taken, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, dangling, ETSI_ENOTFOUND);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, orphan, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, NULL, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_COMPONENT, nothing, ETSI_EINVALID);

	/* parent rules */
	assert_add_fails(d, NULL, ETSI_KIND_ARTIFACT, artifact, ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "evidence");
	assert_add_fails(d, comp, ETSI_KIND_ARTIFACT, artifact, ETSI_EINVALID);
	assert_add_fails(d, ev, ETSI_KIND_PARTY, party, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_PLAN_INPUT, input, ETSI_EINVALID);
	assert_add_fails(d, ev, ETSI_KIND_PLAN_INPUT, input, ETSI_EINVALID);
	{
		const char *covers[] = { "test-case", "5.3-1-1", "coverage", "full", NULL };

		assert_add_fails(d, NULL, ETSI_KIND_COVERS, covers, ETSI_EINVALID);
		assert_add_fails(d, comp, ETSI_KIND_COVERS, covers, ETSI_EINVALID);
	}
	/* a parent from another dossier */
	{
		etsi_dossier *other = test_load_example(CAMERA, NULL);

		assert_add_fails(d, find(other, ETSI_KIND_EVIDENCE, "ev-update-coverage"),
		                 ETSI_KIND_ARTIFACT, artifact, ETSI_EINVALID);
		etsi_dossier_free(other);
	}

	/* singletons and taken keys */
	assert_add_fails(d, NULL, ETSI_KIND_HEADER, nothing, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_DUT, nothing, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_USER_INFO, nothing, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_ICS_ENTRY, entry, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_STEP, step, ETSI_EEXISTS);
	assert_add_fails(d, NULL, ETSI_KIND_CONFIRMATION, confirmation, ETSI_EEXISTS);

	/* kinds that do not belong in a dossier */
	assert_add_fails(d, NULL, ETSI_KIND_PROVISION, nothing, ETSI_EINVALID);
	assert_add_fails(d, NULL, ETSI_KIND_FINDING, nothing, ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_add(NULL, d, NULL, (etsi_kind)0, nothing), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_add(NULL, d, NULL, ETSI__KIND_LAST, nothing), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_add(NULL, NULL, NULL, ETSI_KIND_COMPONENT, missing),
	                  ETSI_EINVALID);
	assert_int_equal(etsi_dossier_validate(NULL, d), 0);
	etsi_dossier_free(d);
}

static void test_record__add_at_schema_position(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *r = NULL, *ev, *pc;
	char *out;
	etsi_diagnostics *diags = NULL;
	const char *service[] = { "id", "svc-new", "kind", "cloud", "name", "New cloud", NULL };
	const char *mechanism[] = { "id", "mech-new", "path", "physical-interface", "network",
		                    "false", "automatic", "false", "notification", "false",
		                    "name", "USB", "interface", "USB-C", "service", "svc-new",
		                    "trust", "signature", "trust-detail", "Signed images.", NULL };
	const char *component[] = { "id", "comp-new", "kind", "library", "updateable", "true",
		                    "name", "libnew", "hash", "SHA-256:00ff", "mechanism",
		                    "mech-new", "version", "1.0", NULL };
	const char *party[] = { "id", "p-new", "role", "other", "name", "Auditor",
		                "accreditation", "none", NULL };
	const char *owner[] = { "id", "own-new", "role", "Auditor", "party", "p-new", "name",
		                "A. Auditor", NULL };
	const char *soft[] = { "id", "sc-new", "component", "comp-new", "cryptographic-usage",
		               "None.", NULL };
	const char *upd[] = { "id", "um-new", "mechanism", "mech-new", "user-notification", "None.",
		              "description", "USB.", NULL };
	const char *proc[] = { "id", "up-new", "time-frame", "90 days", NULL };
	const char *repl[] = { "id", "rs-new", "isolation", "Unplug it.", NULL };
	const char *evidence[] = { "id", "ev-new", "provision", "5.3-14", "kind", "conceptual",
		                   "category", "other", "owner", "own-new", "review", "draft",
		                   "release", "3.4.0", "claim", "A claim.", "condition", "None.",
		                   "carried-from", "3.3.2", "external-assurance", "basic", NULL };
	const char *artifact[] = { "id", "art-new", "ref", "x.pdf", "media-type",
		                   "application/pdf", "visibility", "public", "title", "X", NULL };
	const char *covers[] = { "test-case", "5.3-14-1", "coverage", "partial", NULL };
	const char *plan[] = { "id", "5.3-2-1", "group", "5.3-2", "kind", "conceptual", "ready",
		               "true", NULL };
	const char *input[] = { "table", "7-UpdMech", "field", "description", "present", "true",
		                NULL };
	const char *verdict[] = { "case", "5.3-14-1", "result", "FAIL", "by", "p-new", "date",
		                  "2026-05-01", "indication", "One.", "indication", "Two.",
		                  "evidence", "ev-new", NULL };
	const char *waiver[] = { "id", "w-new", "rule", "R-1", "target", "comp-new", "owner",
		                 "own-new", "justification", "Accepted.", NULL };

	(void)state;
	assert_int_equal(etsi_dossier_add(&r, d, NULL, ETSI_KIND_SERVICE, service), 0);
	assert_non_null(r);
	assert_int_equal(etsi_record_line(r), 0);
	assert_null(etsi_record_parent(r));
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_MECHANISM, mechanism), 0);
	assert_int_equal(etsi_dossier_add(&r, d, NULL, ETSI_KIND_COMPONENT, component), 0);
	assert_str(etsi_record_get(r, "hash"), "SHA-256:00ff");
	assert_str(etsi_record_get(r, "mechanism"), "mech-new");
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_PARTY, party), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_OWNER, owner), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_SOFT_COMP, soft), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_UPD_MECH, upd), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_UPD_PROC, proc), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_REPL_SUP, repl), 0);
	assert_int_equal(etsi_dossier_add(&ev, d, NULL, ETSI_KIND_EVIDENCE, evidence), 0);
	assert_int_equal(etsi_dossier_add(&r, d, ev, ETSI_KIND_ARTIFACT, artifact), 0);
	assert_ptr_equal(etsi_record_parent(r), ev);
	assert_int_equal(etsi_dossier_add(&r, d, ev, ETSI_KIND_COVERS, covers), 0);
	assert_ptr_equal(etsi_record_parent(r), ev);
	assert_int_equal(etsi_record_child_count(ev), 2);
	/* an artifact for evidence that has an extension element and a
	 * carried-from: between the existing artifact and them */
	assert_int_equal(etsi_dossier_add(NULL, d, find(d, ETSI_KIND_EVIDENCE, "ev-about-screen"),
	                                  ETSI_KIND_ARTIFACT,
	                                  (const char *[]){ "id", "art-new2", "ref", "y.png",
	                                                    "media-type", "image/png",
	                                                    "visibility", "private", NULL }),
	                 0);
	assert_int_equal(etsi_dossier_add(NULL, d, find(d, ETSI_KIND_EVIDENCE, "ev-rating-label"),
	                                  ETSI_KIND_ARTIFACT,
	                                  (const char *[]){ "id", "art-new3", "ref", "z.png",
	                                                    "media-type", "image/png",
	                                                    "visibility", "private", NULL }),
	                 0);
	assert_int_equal(etsi_dossier_add(&pc, d, NULL, ETSI_KIND_PLAN_CASE, plan), 0);
	assert_int_equal(etsi_dossier_add(&r, d, pc, ETSI_KIND_PLAN_INPUT, input), 0);
	assert_ptr_equal(etsi_record_parent(r), pc);
	assert_int_equal(etsi_dossier_add(&r, d, NULL, ETSI_KIND_VERDICT, verdict), 0);
	assert_int_equal(etsi_record_value_count(r, "indication"), 2);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_WAIVER, waiver), 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_ICS_ENTRY,
	                                  (const char *[]){ "provision", "5.0-1", "support", "Y",
	                                                    NULL }),
	                 0);

	/* the document is still valid */
	if (etsi_dossier_validate(&diags, d) != 0) {
		const etsi_diagnostic *first = etsi_diagnostics_at(diags, 0);
		char message[512];

		snprintf(message, sizeof(message), "line %d: %s", first->line, first->message);
		etsi_diagnostics_free(diags);
		etsi_dossier_free(d);
		fail_msg("invalid after adds: %s", message);
	}
	etsi_diagnostics_free(diags);
	/* lookups and counts see the new records */
	assert_non_null(etsi_dossier_find(d, ETSI_KIND_WAIVER, "w-new"));
	assert_non_null(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-new"));
	assert_non_null(etsi_dossier_find(d, ETSI_KIND_PLAN_CASE, "5.3-2-1"));
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_WAIVER), 1);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_PLAN_INPUT), 1);
	/* sections in schema order */
	out = test_write(d, NULL);
	assert_true(strstr(out, "<test-plan>") < strstr(out, "<verdicts>"));
	assert_true(strstr(out, "<verdicts>") < strstr(out, "<waivers>"));
	assert_true(strstr(out, "<waivers>") < strstr(out, "<workflow>"));
	assert_true(strstr(out, "id=\"art-new2\"") < strstr(out, "<acme:ticket>PLM-4417"));
	free(out);
	etsi_dossier_free(d);
}

static void test_record__insert_with_redeclared_namespace(void **state)
{
	char *text = test_read_file(test_source_path("examples/dossiers/" CAMERA), NULL);
	char *redeclared = test_replace(text, "<evidence-map>",
	                                "<evidence-map xmlns=\"urn:libetsi:dossier:1\">");
	const char *waiver[] = { "id", "w-new", "rule", "R-1", "target", "comp-fw", "owner",
		                 "own-psl", "justification", "Accepted.", NULL };
	etsi_dossier *d = NULL;
	int rc;

	(void)state;
	/* the same namespace declared again on a section is the same document */
	assert_int_equal(etsi_dossier_load_memory(&d, redeclared, strlen(redeclared), "redecl.xml",
	                                          NULL),
	                 0);
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_WAIVER, waiver), 0);
	/* Regression test for a fixed bug: etsi__store_insert() (libetsi/src/record.c) compares namespaces
	 * by xmlNs pointer (n->ns == parent->ns), so a sibling whose element
	 * redeclares the dossier namespace counts as an unknown extension
	 * element and the new <waivers> lands before <evidence-map>: the
	 * dossier stops validating ("This element is not expected"). */
	rc = etsi_dossier_validate(NULL, d);
	etsi_dossier_free(d);
	free(redeclared);
	free(text);
	assert_int_equal(rc, 0);
}

/* ---- removing records ------------------------------------------------ */

static void test_record__remove(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_dossier *other = test_load_example(CAMERA, NULL);
	etsi_record *ev = find(d, ETSI_KIND_EVIDENCE, "ev-update-architecture");
	etsi_record *art = etsi_record_child_at(ev, 0);
	size_t evidence = etsi_dossier_count(d, ETSI_KIND_EVIDENCE);
	size_t artifacts = etsi_dossier_count(d, ETSI_KIND_ARTIFACT);
	size_t children = etsi_record_child_count(ev);
	etsi_diagnostics *diags = NULL;
	size_t i;
	int found = 0;

	(void)state;
	assert_int_equal(children, 2);
	assert_int_equal(etsi_dossier_remove(d, ev), 0);
	/* the handles read as empty */
	assert_null(etsi_record_key(ev));
	assert_null(etsi_record_get(ev, "claim"));
	assert_null(etsi_record_get(ev, "id"));
	assert_int_equal(etsi_record_value_count(ev, "id"), 0);
	assert_null(etsi_record_value_at(ev, "id", 0));
	assert_int_equal(etsi_record_child_count(ev), 0);
	assert_null(etsi_record_child_at(ev, 0));
	assert_int_equal(etsi_record_line(ev), 0);
	assert_null(etsi_record_key(art));
	assert_null(etsi_record_get(art, "ref"));
	/* counts and lookups */
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_EVIDENCE), evidence - 1);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_ARTIFACT), artifacts - children);
	assert_null(etsi_dossier_find(d, ETSI_KIND_EVIDENCE, "ev-update-architecture"));
	assert_null(etsi_dossier_find(d, ETSI_KIND_ARTIFACT, "art-update-arch-pdf"));
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_EVIDENCE); i++)
		assert_ptr_not_equal(etsi_dossier_at(d, ETSI_KIND_EVIDENCE, i), ev);
	/* again, or changing it */
	assert_etsi_error(etsi_dossier_remove(d, ev), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_remove(d, art), ETSI_EINVALID);
	assert_etsi_error(etsi_record_set(ev, "claim", "x"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_add_value(ev, "claim", "x"), ETSI_EINVALID);
	/* its id is free again */
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage"), "id",
	                                 "ev-update-architecture"),
	                 0);
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_EVIDENCE, "ev-update-architecture"), "id",
	                                 "ev-update-coverage"),
	                 0);
	/* references to it are left for validation to report */
	assert_int_equal(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
	for (i = 0; i < etsi_diagnostics_count(diags); i++)
		found |= strstr(etsi_diagnostics_at(diags, i)->message, "ev-update-architecture") != NULL;
	assert_true(found);
	etsi_diagnostics_free(diags);

	/* singletons stay, but for user-info */
	assert_etsi_error(etsi_dossier_remove(d, find(d, ETSI_KIND_HEADER, NULL)), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_remove(d, find(d, ETSI_KIND_DUT, NULL)), ETSI_EINVALID);
	assert_non_null(find(d, ETSI_KIND_HEADER, NULL));
	assert_int_equal(etsi_dossier_remove(d, find(d, ETSI_KIND_USER_INFO, NULL)), 0);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_USER_INFO), 0);
	assert_null(etsi_dossier_find(d, ETSI_KIND_USER_INFO, NULL));
	assert_int_equal(etsi_dossier_add(NULL, d, NULL, ETSI_KIND_USER_INFO,
	                                  (const char *[]){ "model-designation", "KIC-300", NULL }),
	                 0);
	assert_int_equal(etsi_dossier_count(d, ETSI_KIND_USER_INFO), 1);
	/* records of another dossier, and NULL */
	assert_etsi_error(etsi_dossier_remove(d, find(other, ETSI_KIND_COMPONENT, "comp-fw")),
	                  ETSI_EINVALID);
	assert_non_null(etsi_dossier_find(other, ETSI_KIND_COMPONENT, "comp-fw"));
	assert_etsi_error(etsi_dossier_remove(d, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_remove(NULL, find(d, ETSI_KIND_COMPONENT, "comp-fw")),
	                  ETSI_EINVALID);
	/* removing a child alone */
	art = find(d, ETSI_KIND_ARTIFACT, "art-about-screen");
	ev = etsi_record_parent(art);
	children = etsi_record_child_count(ev);
	assert_int_equal(etsi_dossier_remove(d, art), 0);
	assert_int_equal(etsi_record_child_count(ev), children - 1);
	etsi_dossier_free(other);
	etsi_dossier_free(d);
}

/* ---- escaping -------------------------------------------------------- */

static void test_record__escaping_round_trip(void **state)
{
	static const char text[] = "Tom & Jerry <script>alert(\"x\")</script> 'q' ]]> &amp; end";
	static const char line[] = "a&b\"c<d>'e &lt;";
	etsi_dossier *d = test_load_example(CAMERA, NULL), *back = NULL;
	char *dir = test_mkdtemp();
	char *path = test_path_join(dir, "escaped.xml");
	char *raw;

	(void)state;
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_EVIDENCE, "ev-update-coverage"), "claim",
	                                 text),
	                 0);
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_ARTIFACT, "art-bundle"), "ref", line), 0);
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_ARTIFACT, "art-bundle"), "title", line), 0);
	assert_int_equal(etsi_record_set(find(d, ETSI_KIND_COMPONENT, "comp-fw"), "hash",
	                                 "SHA<1>:a&b"),
	                 0);
	assert_int_equal(etsi_dossier_save(d, path), 0);
	raw = test_read_file(path, NULL);
	assert_contains(raw, "Tom &amp; Jerry &lt;script&gt;");
	assert_not_contains(raw, "<script>");
	free(raw);
	assert_int_equal(etsi_dossier_load(&back, path, NULL), 0);
	assert_str(etsi_record_get(find(back, ETSI_KIND_EVIDENCE, "ev-update-coverage"), "claim"),
	           text);
	assert_str(etsi_record_get(find(back, ETSI_KIND_ARTIFACT, "art-bundle"), "ref"), line);
	assert_str(etsi_record_get(find(back, ETSI_KIND_ARTIFACT, "art-bundle"), "title"), line);
	assert_str(etsi_record_get(find(back, ETSI_KIND_COMPONENT, "comp-fw"), "hash"),
	           "SHA<1>:a&b");
	etsi_dossier_free(back);
	etsi_dossier_free(d);
	test_rmtree(dir);
	free(dir);
	free(path);
}

/* ---- NULL and odd arguments ------------------------------------------ */

static void test_record__null_arguments(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_record *comp = find(d, ETSI_KIND_COMPONENT, "comp-fw");

	(void)state;
	assert_int_equal(etsi_record_kind(NULL), 0);
	assert_null(etsi_record_key(NULL));
	assert_int_equal(etsi_record_line(NULL), 0);
	assert_null(etsi_record_parent(NULL));
	assert_int_equal(etsi_record_child_count(NULL), 0);
	assert_null(etsi_record_child_at(NULL, 0));
	assert_null(etsi_record_get(NULL, "id"));
	assert_int_equal(etsi_record_value_count(NULL, "id"), 0);
	assert_null(etsi_record_value_at(NULL, "id", 0));
	assert_int_equal(etsi_record_value_count(comp, NULL), 0);
	assert_null(etsi_record_value_at(comp, NULL, 0));
	assert_etsi_error(etsi_record_set(NULL, "id", "x"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_set(comp, NULL, "x"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_add_value(NULL, "mechanism", "mech-ota"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_add_value(comp, NULL, "mech-ota"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_remove_value(NULL, "mechanism", "mech-ota"), ETSI_EINVALID);
	assert_etsi_error(etsi_record_remove_value(comp, NULL, "mech-ota"), ETSI_EINVALID);
	assert_int_equal(etsi_record_value_count(comp, "mechanism"), 2);
	etsi_dossier_free(d);
}

static void test_record__remove_value_null(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	int rc;

	(void)state;
	/* Regression test for a fixed bug: etsi_record_remove_value() (libetsi/src/record.c) with a NULL
	 * value returns ETSI_ENOTFOUND ('has no value "(null)"') where
	 * etsi_record_add_value() and every other function return ETSI_EINVALID
	 * for a NULL argument. */
	rc = etsi_record_remove_value(find(d, ETSI_KIND_COMPONENT, "comp-fw"), "mechanism", NULL);
	etsi_dossier_free(d);
	assert_int_equal(rc, ETSI_EINVALID);
}

static int setup(void **state)
{
	if (test_init(state) != 0)
		return -1;
	xsd = xmlReadFile(test_source_path("xsd/dossier.xsd"), NULL, XML_PARSE_NONET);
	camera = xmlReadFile(test_source_path("examples/dossiers/" CAMERA), NULL, XML_PARSE_NONET);
	return xsd && camera ? 0 : -1;
}

static int teardown(void **state)
{
	xmlFreeDoc(xsd);
	xmlFreeDoc(camera);
	return test_shutdown(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record__element_order_matches_schema),
		cmocka_unit_test(test_record__field_tables_match_schema),
		cmocka_unit_test(test_record__get_attribute_and_element_fields),
		cmocka_unit_test(test_record__grandchild_fields),
		cmocka_unit_test(test_record__list_fields),
		cmocka_unit_test(test_record__key_line_parent_children),
		cmocka_unit_test(test_record__set_type_checks),
		cmocka_unit_test(test_record__set_catalog_references),
		cmocka_unit_test(test_record__set_references_and_ids),
		cmocka_unit_test(test_record__text_values_checked),
		cmocka_unit_test(test_record__accepted_values_validate),
		cmocka_unit_test(test_record__remove_required_and_optional),
		cmocka_unit_test(test_record__anchors),
		cmocka_unit_test(test_record__remove_text_keeps_anchor),
		cmocka_unit_test(test_record__list_add_and_remove),
		cmocka_unit_test(test_record__add_refused),
		cmocka_unit_test(test_record__add_at_schema_position),
		cmocka_unit_test(test_record__insert_with_redeclared_namespace),
		cmocka_unit_test(test_record__remove),
		cmocka_unit_test(test_record__escaping_round_trip),
		cmocka_unit_test(test_record__null_arguments),
		cmocka_unit_test(test_record__remove_value_null),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
