/*
 * The JSON form of a dossier (docs/interchange.md, xsd/dossier.schema.json):
 * export, and import back to an XML dossier that is equal to the original in
 * canonical form (C14N with comments).
 *
 * A dossier element is a JSON object: its attributes by name, its child
 * elements by name (an array for the elements the schema lets repeat), its
 * text under "#text".  An element with text only and nothing else is the
 * text itself, a string.  What the structure cannot place is kept under
 * keys that start with "#": the namespace declarations ("#xmlns"), a
 * prefix that differs from the parent's ("#prefix"), comments and white
 * space between child elements ("#misc", positioned by the number of child
 * elements before them), text mixed with comments ("#content"), elements of
 * other namespaces ("#extensions", as generic objects with "#name").
 * Attributes of other namespaces are written by their qualified name
 * ("acme:part-number"), resolved through the namespace declarations in scope.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "error.h"
#include "json.h"
#include "record_impl.h"
#include "runtime.h"
#include "schema.h"
#include "xml.h"

#define FORMAT_ID "urn:libetsi:dossier-json:1"

#define ERR_DOSSIER ETSI_ERROR_CLASS_DOSSIER
#define ERR_XML ETSI_ERROR_CLASS_XML

/* ---- the element table (generated from xsd/dossier.xsd) ---------------- */

enum { J_EMPTY, J_SIMPLE, J_COMPLEX };

typedef struct jelem {
	const char *name;
	unsigned char content;
	const char *const *attrs;     /* own attributes, schema order */
	const char *const *children;  /* child elements, schema order */
} jelem;

/* elements[] and repeated[] (the elements the schema lets repeat: always a
 * JSON array), written by scripts/gen-tables.py into the build directory */
#include "json_table.h"

static const jelem *find_elem(const char *name)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(elements); i++) {
		if (strcmp(elements[i].name, name) == 0)
			return &elements[i];
	}
	return NULL;
}

static int is_repeated(const char *name)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(repeated); i++) {
		if (strcmp(repeated[i], name) == 0)
			return 1;
	}
	return 0;
}

static int in_list(const char *const *list, const char *name)
{
	for (; list && *list; list++) {
		if (strcmp(*list, name) == 0)
			return 1;
	}
	return 0;
}

static int is_dossier_element(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
	       strcmp((const char *)node->ns->href, ETSI__NS_DOSSIER) == 0 &&
	       find_elem((const char *)node->name);
}

int etsi__json_element_info(const char *name, int *content, const char *const **attrs,
                            const char *const **children, int *repeated_out)
{
	const jelem *def = find_elem(name);

	if (!def)
		return -1;
	*content = def->content;
	*attrs = def->attrs;
	*children = def->children;
	*repeated_out = is_repeated(name);
	return 0;
}

/* ====================================================================== */
/* export                                                                  */
/* ====================================================================== */

static int put(json_t *obj, const char *key, json_t *value)
{
	return value ? json_object_set_new(obj, key, value) : -1;
}

static int append(json_t *array, json_t *value)
{
	return value ? json_array_append_new(array, value) : -1;
}

static const char *text_of(const xmlNode *node)
{
	return node->content ? (const char *)node->content : "";
}

static int is_text(const xmlNode *node)
{
	return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

/* "prefix:name" of an attribute or element */
static char *qname(const xmlNs *ns, const xmlChar *name)
{
	etsi__buf out = ETSI__BUF_INIT;

	if (ns && ns->prefix)
		etsi__buf_printf(&out, "%s:", (const char *)ns->prefix);
	etsi__buf_puts(&out, (const char *)name);
	return etsi__buf_detach(&out);
}

static json_t *xmlns_json(const xmlNode *node)
{
	json_t *obj = json_object();
	const xmlNs *ns;

	for (ns = node->nsDef; obj && ns; ns = ns->next) {
		if (put(obj, ns->prefix ? (const char *)ns->prefix : "",
		        json_string(ns->href ? (const char *)ns->href : "")) < 0) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

static int put_foreign_attrs(json_t *obj, const xmlNode *node)
{
	const xmlAttr *a;

	for (a = node->properties; a; a = a->next) {
		xmlChar *value;
		char *key;
		int failed;

		if (!a->ns)
			continue;
		key = qname(a->ns, a->name);
		value = xmlNodeListGetString(node->doc, a->children, 1);
		failed = !key || put(obj, key, json_string(value ? (const char *)value : "")) < 0;
		xmlFree(value);
		etsi__free(key);
		if (failed)
			return -1;
	}
	return 0;
}

static json_t *comment_json(const xmlNode *node)
{
	json_t *obj = json_object();

	if (obj && put(obj, "comment", json_string(text_of(node))) < 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

static json_t *generic_json(const xmlNode *node);

/* The ordered content of a generic element, or of a text element that
 * holds comments. */
static json_t *content_json(const xmlNode *node)
{
	json_t *array = json_array();
	const xmlNode *c;

	for (c = node->children; array && c; c = c->next) {
		json_t *item = NULL;

		if (is_text(c))
			item = json_string(text_of(c));
		else if (c->type == XML_COMMENT_NODE)
			item = comment_json(c);
		else if (c->type == XML_ELEMENT_NODE)
			item = generic_json(c);
		else
			continue; /* nothing else survives the hardened parser */
		if (append(array, item) < 0) {
			json_decref(array);
			return NULL;
		}
	}
	return array;
}

static json_t *generic_json(const xmlNode *node)
{
	json_t *obj = json_object();
	const xmlAttr *a;
	char *name;

	if (!obj)
		return NULL;
	name = qname(node->ns, node->name);
	if (!name || put(obj, "#name", json_string(name)) < 0)
		goto fail;
	etsi__free(name);
	name = NULL;
	if (node->nsDef && put(obj, "#xmlns", xmlns_json(node)) < 0)
		goto fail;
	for (a = node->properties; a; a = a->next) {
		xmlChar *value = xmlNodeListGetString(node->doc, a->children, 1);
		char *key = qname(a->ns, a->name);
		int failed = !key || put(obj, key, json_string(value ? (const char *)value : "")) < 0;

		xmlFree(value);
		etsi__free(key);
		if (failed)
			goto fail;
	}
	if (node->children && put(obj, "#content", content_json(node)) < 0)
		goto fail;
	return obj;
fail:
	etsi__free(name);
	json_decref(obj);
	return NULL;
}

static int same_prefix(const xmlChar *a, const xmlChar *b)
{
	if (!a || !b)
		return a == b;
	return strcmp((const char *)a, (const char *)b) == 0;
}

static json_t *element_json(const xmlNode *node, const xmlChar *parent_prefix);

/* A text element: a string when nothing but its text is there.  Takes
 * @p obj (the element's attributes so far): returns it, the string that
 * replaces it, or NULL, having freed it, when out of memory. */
static json_t *simple_json(const xmlNode *node, json_t *obj)
{
	const xmlNode *c;
	int comments = 0, others = 0;
	etsi__buf text = ETSI__BUF_INIT;
	json_t *value;

	for (c = node->children; c; c = c->next) {
		if (c->type == XML_COMMENT_NODE)
			comments = 1;
		else if (!is_text(c))
			others = 1;
	}
	if (comments || others) {
		value = content_json(node);
		if (put(obj, "#content", value) < 0)
			goto fail;
		return obj;
	}
	etsi__buf_puts(&text, "");
	for (c = node->children; c; c = c->next)
		etsi__buf_puts(&text, text_of(c));
	value = text.failed ? NULL : json_string(text.ptr);
	etsi__buf_dispose(&text);
	if (!value)
		goto fail;
	if (json_object_size(obj) == 0) {
		json_decref(obj);
		return value;
	}
	if (put(obj, "#text", value) < 0)
		goto fail;
	return obj;
fail:
	json_decref(obj);
	return NULL;
}

static json_t *misc_json(const xmlNode *node, size_t at)
{
	json_t *obj = json_object();

	if (!obj || put(obj, "at", json_integer((json_int_t)at)) < 0 ||
	    put(obj, node->type == XML_COMMENT_NODE ? "comment" : "text",
	        json_string(text_of(node))) < 0) {
		json_decref(obj);
		return NULL;
	}
	return obj;
}

static json_t *complex_json(const xmlNode *node, const jelem *def, json_t *obj)
{
	json_t *misc = NULL, *ext = NULL;
	const char *const *child;
	const xmlNode *c;
	size_t elements_seen = 0;

	/* children in schema order (a valid dossier has them in that order) */
	for (child = def->children; child && *child; child++) {
		json_t *many = is_repeated(*child) ? json_array() : NULL;
		json_t *one = NULL;

		if (is_repeated(*child) && !many)
			return NULL;
		for (c = node->children; c; c = c->next) {
			json_t *item;

			if (!is_dossier_element(c) || strcmp((const char *)c->name, *child) != 0)
				continue;
			item = element_json(c, node->ns ? node->ns->prefix : NULL);
			if (!item) {
				json_decref(many);
				json_decref(one);
				return NULL;
			}
			if (many) {
				if (append(many, item) < 0) {
					json_decref(many);
					return NULL;
				}
			} else {
				json_decref(one); /* a second one: the schema forbids it */
				one = item;
			}
		}
		if (many && json_array_size(many) == 0) {
			json_decref(many);
			continue;
		}
		if ((many || one) && put(obj, *child, many ? many : one) < 0)
			return NULL;
	}
	for (c = node->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (!is_dossier_element(c) || !in_list(def->children, (const char *)c->name)) {
				if (!ext && !(ext = json_array()))
					goto fail;
				if (append(ext, generic_json(c)) < 0)
					goto fail;
			}
			elements_seen++;
		} else if (is_text(c) || c->type == XML_COMMENT_NODE) {
			if (!misc && !(misc = json_array()))
				goto fail;
			if (append(misc, misc_json(c, elements_seen)) < 0)
				goto fail;
		}
	}
	if (ext && put(obj, "#extensions", ext) < 0) {
		ext = NULL;
		goto fail;
	}
	ext = NULL;
	if (misc && put(obj, "#misc", misc) < 0) {
		misc = NULL;
		goto fail;
	}
	return obj;
fail:
	json_decref(ext);
	json_decref(misc);
	return NULL;
}

static json_t *element_json(const xmlNode *node, const xmlChar *parent_prefix)
{
	const jelem *def = find_elem((const char *)node->name);
	const xmlChar *prefix = node->ns ? node->ns->prefix : NULL;
	const char *const *attr;
	json_t *obj;
	const xmlAttr *a;

	if (!def)
		return generic_json(node);
	obj = json_object();
	if (!obj)
		return NULL;
	if (!same_prefix(prefix, parent_prefix) &&
	    put(obj, "#prefix", json_string(prefix ? (const char *)prefix : "")) < 0)
		goto fail;
	if (node->nsDef && put(obj, "#xmlns", xmlns_json(node)) < 0)
		goto fail;
	for (attr = def->attrs; attr && *attr; attr++) {
		for (a = node->properties; a; a = a->next) {
			xmlChar *value;
			int failed;

			if (a->ns || strcmp((const char *)a->name, *attr) != 0)
				continue;
			value = xmlNodeListGetString(node->doc, a->children, 1);
			failed = put(obj, *attr, json_string(value ? (const char *)value : "")) < 0;
			xmlFree(value);
			if (failed)
				goto fail;
		}
	}
	/* an attribute the schema does not know (the dossier was valid, so
	 * there is none) is kept, for the import to refuse rather than lose */
	for (a = node->properties; a; a = a->next) {
		xmlChar *value;
		int failed;

		if (a->ns || in_list(def->attrs, (const char *)a->name))
			continue;
		value = xmlNodeListGetString(node->doc, a->children, 1);
		failed = put(obj, (const char *)a->name,
		             json_string(value ? (const char *)value : "")) < 0;
		xmlFree(value);
		if (failed)
			goto fail;
	}
	if (put_foreign_attrs(obj, node) < 0)
		goto fail;
	if (def->content == J_SIMPLE)
		return simple_json(node, obj);
	if (complex_json(node, def, obj))
		return obj;
fail:
	json_decref(obj);
	return NULL;
}

static json_t *comments_json(const xmlNode *first, int before_root)
{
	json_t *array = json_array();
	const xmlNode *n;

	for (n = first; array && n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			if (before_root)
				break;
			continue;
		}
		if (n->type == XML_COMMENT_NODE && append(array, comment_json(n)) < 0) {
			json_decref(array);
			return NULL;
		}
	}
	return array;
}

int etsi__json_export(char **out, size_t *len, etsi_dossier *dossier)
{
	xmlDocPtr doc = dossier->store.docs[0];
	xmlNode *root = xmlDocGetRootElement(doc);
	json_t *top = json_object(), *prolog, *epilog, *body;
	char *text;
	int failed;

	*out = NULL;
	if (!top)
		return etsi__error_oom();
	prolog = comments_json(doc->children, 1);
	body = element_json(root, NULL);
	epilog = comments_json(root->next, 0);
	failed = put(top, "format", json_string(FORMAT_ID)) < 0;
	if (prolog && json_array_size(prolog)) {
		failed |= put(top, "prolog", prolog) < 0;
		prolog = NULL;
	}
	failed |= put(top, "dossier", body) < 0;
	body = NULL;
	if (epilog && json_array_size(epilog)) {
		failed |= put(top, "epilog", epilog) < 0;
		epilog = NULL;
	}
	json_decref(prolog);
	json_decref(epilog);
	json_decref(body);
	text = failed ? NULL : json_dumps(top, JSON_INDENT(2));
	json_decref(top);
	if (!text)
		return etsi__error_oom();
	{
		size_t n = strlen(text);

		*out = etsi__malloc(n + 2);
		if (*out) {
			memcpy(*out, text, n);
			(*out)[n] = '\n';
			(*out)[n + 1] = '\0';
			if (len)
				*len = n + 1;
		}
	}
	free(text);
	return *out ? 0 : etsi__error_oom();
}

/* ====================================================================== */
/* import                                                                  */
/* ====================================================================== */

/* " (line L, column C)" of a jansson error, or "" for one that has no
 * place (out of memory, too deep), which jansson gives as line -1. */
const char *etsi__json_where(const void *error)
{
	static _Thread_local char where[48];
	const json_error_t *jerr = error;

	if (jerr->line <= 0)
		return "";
	snprintf(where, sizeof(where), " (line %d, column %d)", jerr->line,
	         jerr->column > 0 ? jerr->column : 0);
	return where;
}

/* Counts the values of a JSON text, member names included, in one pass
 * over its bytes and without allocating; see json.h. */
int etsi__json_prescan(const char *data, size_t len, size_t max_values, int *line,
                       int *column)
{
	const char *p = data, *end = data + len, *line_start = data;
	size_t values = 0;
	int lines = 1;

	while (p < end) {
		char c = *p;

		if (c == '\n') {
			lines++;
			line_start = ++p;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == ',' || c == ':' || c == ']' ||
		    c == '}') {
			p++;
			continue;
		}
		/* a value or a member name starts here */
		if (++values > max_values) {
			*line = lines;
			*column = (int)(p - line_start) + 1;
			return 1;
		}
		if (c == '"') {
			/* to its closing quote; a line break in a string is not JSON,
			 * which the parser says */
			for (p++; p < end && *p != '"'; p++) {
				if (*p == '\\' && p + 1 < end)
					p++;
			}
			p++;
		} else if (c == '{' || c == '[') {
			p++;
		} else {
			/* a number or a literal, or what the parser refuses */
			do
				p++;
			while (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ':' &&
			       *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != '"' &&
			       *p != '{' && *p != '[');
		}
	}
	return 0;
}

typedef struct jin {
	const char *name;
	xmlDocPtr doc;
	etsi__buf path;          /* JSON pointer of the value at hand */
	etsi__vec paths;         /* element index -> its JSON pointer */
	unsigned int depth;
	unsigned int max_depth;
} jin;

static int fail_at(jin *in, int code, const char *fmt, ...) ETSI__PRINTF(3, 4);

static int fail_at(jin *in, int code, const char *fmt, ...)
{
	etsi__buf msg = ETSI__BUF_INIT;
	va_list ap;
	int error;

	va_start(ap, fmt);
	etsi__buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (in->path.failed || msg.failed) {
		etsi__buf_dispose(&msg);
		return etsi__error_oom();
	}
	error = etsi__error_at(code, code == ETSI_ELIMIT ? ETSI_ERROR_CLASS_XML : ERR_DOSSIER,
	                       in->name, 0, 0, "%s: %s",
	                       in->path.ptr && in->path.len ? in->path.ptr : "/", msg.ptr);
	etsi__buf_dispose(&msg);
	return error;
}

const char *etsi__json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

static int check_text(jin *in, const char *s, const char *what)
{
	if (!etsi__valid_text(s))
		return fail_at(in, ETSI_EVALIDATION,
		               "%s holds a character XML does not allow (a control character, "
		               "U+FFFE or U+FFFF)", what);
	return 0;
}

static int check_comment(jin *in, const char *s)
{
	size_t n = strlen(s);

	if (check_text(in, s, "the comment") < 0)
		return ETSI_EVALIDATION;
	if (strstr(s, "--") || (n && s[n - 1] == '-'))
		return fail_at(in, ETSI_EVALIDATION,
		               "an XML comment cannot contain \"--\" or end with \"-\"");
	return 0;
}

static int check_ncname(jin *in, const char *s, const char *what)
{
	if (xmlValidateNCName((const xmlChar *)s, 0) != 0)
		return fail_at(in, ETSI_EVALIDATION, "'%s' is not a valid %s", s, what);
	return 0;
}

/* Looks a prefix up in the declarations in scope of @p node; NULL prefix:
 * the default namespace.  *ns_out is NULL for no namespace. */
static int resolve(jin *in, xmlNode *node, const char *prefix, xmlNs **ns_out)
{
	xmlNs *ns = xmlSearchNs(in->doc, node, (const xmlChar *)prefix);

	*ns_out = NULL;
	if (!prefix) {
		if (ns && ns->href && ns->href[0])
			*ns_out = ns;
		return 0;
	}
	if (!ns || !ns->href || !ns->href[0])
		return fail_at(in, ETSI_EVALIDATION,
		               "the prefix '%s' is not declared; declare it in \"#xmlns\" here or "
		               "on an enclosing element", prefix);
	*ns_out = ns;
	return 0;
}

static int track(jin *in, xmlNode *node)
{
	char *copy = etsi__strdup(in->path.ptr ? in->path.ptr : "");

	if (!copy || etsi__vec_push(&in->paths, copy) < 0) {
		etsi__free(copy);
		return etsi__error_oom();
	}
	/* element lines index the paths, so that schema errors can name them */
	node->line = in->paths.len < 65535 ? (unsigned short)in->paths.len : 0;
	return 0;
}

static int add_xmlns(jin *in, xmlNode *node, json_t *decls)
{
	const char *prefix;
	json_t *uri;
	size_t mark = in->path.len;

	if (!json_is_object(decls))
		return fail_at(in, ETSI_EVALIDATION,
		               "\"#xmlns\" is %s; it maps prefixes to namespace URIs, \"\" for the "
		               "default namespace", etsi__json_type_name(decls));
	json_object_foreach(decls, prefix, uri) {
		etsi__pointer_push(&in->path, "#xmlns");
		etsi__pointer_push(&in->path, prefix);
		if (!json_is_string(uri))
			return fail_at(in, ETSI_EVALIDATION, "a namespace URI is a string, not %s",
			               etsi__json_type_name(uri));
		if (*prefix && check_ncname(in, prefix, "namespace prefix") < 0)
			return ETSI_EVALIDATION;
		if (strcmp(prefix, "xml") == 0 || strcmp(prefix, "xmlns") == 0)
			return fail_at(in, ETSI_EVALIDATION, "the prefix '%s' is reserved", prefix);
		if (check_text(in, json_string_value(uri), "the namespace URI") < 0)
			return ETSI_EVALIDATION;
		if (*prefix && !json_string_value(uri)[0])
			return fail_at(in, ETSI_EVALIDATION,
			               "a prefix cannot be bound to the empty namespace");
		if (!xmlNewNs(node, (const xmlChar *)json_string_value(uri),
		              *prefix ? (const xmlChar *)prefix : NULL))
			return etsi__error_oom();
		etsi__pointer_pop(&in->path, mark);
	}
	return 0;
}

static int add_text(jin *in, xmlNode *node, const char *text)
{
	xmlNode *t;

	if (check_text(in, text, "the text") < 0)
		return ETSI_EVALIDATION;
	if (!*text)
		return 0;
	t = xmlNewDocText(in->doc, (const xmlChar *)text);
	if (!t)
		return etsi__error_oom();
	xmlAddChild(node, t); /* may merge t into a text node before it */
	return 0;
}

static int add_comment(jin *in, xmlNode *parent, xmlNode *before, const char *text)
{
	xmlNode *c;

	if (check_comment(in, text) < 0)
		return ETSI_EVALIDATION;
	c = xmlNewDocComment(in->doc, (const xmlChar *)text);
	if (!c)
		return etsi__error_oom();
	if (before)
		xmlAddPrevSibling(before, c);
	else if (parent)
		xmlAddChild(parent, c);
	else
		xmlAddChild((xmlNode *)in->doc, c);
	return 0;
}

static int build_generic(jin *in, xmlNode *parent, json_t *obj);

/* "#content": text, comments and (in generic elements) elements, in order */
static int build_content(jin *in, xmlNode *node, json_t *items, int elements_allowed)
{
	size_t mark = in->path.len, i;
	json_t *item;
	int error;

	etsi__pointer_push(&in->path, "#content");
	if (!json_is_array(items))
		return fail_at(in, ETSI_EVALIDATION, "\"#content\" is %s; it is an array of "
		               "strings, {\"comment\": ...}%s", etsi__json_type_name(items),
		               elements_allowed ? " and elements" : "");
	json_array_foreach(items, i, item) {
		size_t item_mark = in->path.len;

		etsi__pointer_push_index(&in->path, i);
		if (json_is_string(item)) {
			if ((error = add_text(in, node, json_string_value(item))) < 0)
				return error;
		} else if (json_is_object(item) && json_object_get(item, "comment")) {
			json_t *text = json_object_get(item, "comment");

			if (json_object_size(item) != 1 || !json_is_string(text))
				return fail_at(in, ETSI_EVALIDATION,
				               "a comment is {\"comment\": \"text\"} and nothing else");
			if ((error = add_comment(in, node, NULL, json_string_value(text))) < 0)
				return error;
		} else if (elements_allowed && json_is_object(item)) {
			if ((error = build_generic(in, node, item)) < 0)
				return error;
		} else {
			return fail_at(in, ETSI_EVALIDATION, "a content item is a string or "
			               "{\"comment\": ...}%s, not %s",
			               elements_allowed ? " or an element with \"#name\"" : "",
			               etsi__json_type_name(item));
		}
		etsi__pointer_pop(&in->path, item_mark);
	}
	etsi__pointer_pop(&in->path, mark);
	return 0;
}

static int enter(jin *in)
{
	if (++in->depth > in->max_depth)
		return fail_at(in, ETSI_ELIMIT,
		               "elements nest deeper than %u levels; a dossier needs far fewer, so "
		               "the document is refused (raise max_depth if it is genuine)",
		               in->max_depth);
	return 0;
}

static int split_qname(jin *in, const char *qn, char **prefix, const char **local)
{
	const char *colon = strchr(qn, ':');

	*prefix = NULL;
	*local = qn;
	if (colon) {
		*prefix = etsi__strndup(qn, (size_t)(colon - qn));
		if (!*prefix)
			return etsi__error_oom();
		*local = colon + 1;
		if (check_ncname(in, *prefix, "prefix") < 0)
			return ETSI_EVALIDATION;
	}
	return check_ncname(in, *local, "name");
}

static int refuse_xinclude(jin *in, const xmlNs *ns)
{
	if (ns && ns->href &&
	    (strcmp((const char *)ns->href, "http://www.w3.org/2001/XInclude") == 0 ||
	     strcmp((const char *)ns->href, "http://www.w3.org/2003/XInclude") == 0))
		return fail_at(in, ETSI_EPARSE, "XInclude elements are refused (a dossier is one "
		               "self-contained file); inline the included content");
	return 0;
}

static int add_attribute(jin *in, xmlNode *node, const char *key, json_t *value)
{
	char *prefix = NULL;
	const char *local;
	xmlNs *ns = NULL;
	int error;

	if (!json_is_string(value))
		return fail_at(in, ETSI_EVALIDATION, "an attribute value is a string, not %s",
		               etsi__json_type_name(value));
	if ((error = split_qname(in, key, &prefix, &local)) < 0)
		goto done;
	if ((error = check_text(in, json_string_value(value), "the value")) < 0)
		goto done;
	if (prefix && (error = resolve(in, node, prefix, &ns)) < 0)
		goto done;
	if (xmlHasNsProp(node, (const xmlChar *)local, ns ? ns->href : NULL)) {
		error = fail_at(in, ETSI_EVALIDATION, "the attribute '%s' is given twice (through "
		                "two prefixes of one namespace)", local);
		goto done;
	}
	if (!xmlNewNsProp(node, ns, (const xmlChar *)local,
	                  (const xmlChar *)json_string_value(value)))
		error = etsi__error_oom();
done:
	etsi__free(prefix);
	return error;
}

static int build_generic(jin *in, xmlNode *parent, json_t *obj)
{
	json_t *name = json_object_get(obj, "#name"), *value;
	char *prefix = NULL;
	const char *local, *key;
	xmlNode *node;
	xmlNs *ns = NULL;
	int error;

	if (!json_is_object(obj))
		return fail_at(in, ETSI_EVALIDATION, "an element of another namespace is an "
		               "object with \"#name\", not %s", etsi__json_type_name(obj));
	if (!json_is_string(name))
		return fail_at(in, ETSI_EVALIDATION, "an element of another namespace needs "
		               "\"#name\", its qualified name");
	if ((error = enter(in)) < 0)
		return error;
	node = xmlNewDocNode(in->doc, NULL, (const xmlChar *)"x", NULL);
	if (!node)
		return etsi__error_oom();
	xmlAddChild(parent, node);
	if ((error = track(in, node)) < 0)
		return error;
	if ((value = json_object_get(obj, "#xmlns")) && (error = add_xmlns(in, node, value)) < 0)
		return error;
	{
		size_t mark = in->path.len;

		etsi__pointer_push(&in->path, "#name");
		error = split_qname(in, json_string_value(name), &prefix, &local);
		if (error == 0)
			error = resolve(in, node, prefix, &ns);
		if (error == 0)
			error = refuse_xinclude(in, ns);
		if (error == 0)
			xmlNodeSetName(node, (const xmlChar *)local);
		etsi__free(prefix);
		if (error < 0)
			return error;
		etsi__pointer_pop(&in->path, mark);
	}
	xmlSetNs(node, ns);
	json_object_foreach(obj, key, value) {
		size_t mark = in->path.len;

		if (strcmp(key, "#name") == 0 || strcmp(key, "#xmlns") == 0 ||
		    strcmp(key, "#content") == 0)
			continue;
		etsi__pointer_push(&in->path, key);
		if (key[0] == '#')
			return fail_at(in, ETSI_EVALIDATION, "'%s' is not a key of an element of "
			               "another namespace (\"#name\", \"#xmlns\", \"#content\" and "
			               "attributes)", key);
		if ((error = add_attribute(in, node, key, value)) < 0)
			return error;
		etsi__pointer_pop(&in->path, mark);
	}
	if ((value = json_object_get(obj, "#content")) &&
	    (error = build_content(in, node, value, 1)) < 0)
		return error;
	in->depth--;
	return 0;
}

static int build_element(jin *in, xmlNode *parent, const char *name, json_t *value,
                         const xmlChar *parent_prefix);

static int describe_keys(etsi__buf *out, const jelem *def)
{
	const char *const *p;

	etsi__buf_puts(out, "its keys are");
	for (p = def->attrs; p && *p; p++)
		etsi__buf_printf(out, " %s", *p);
	for (p = def->children; p && *p; p++)
		etsi__buf_printf(out, " %s", *p);
	etsi__buf_puts(out, def->content == J_SIMPLE ? " #text #content" : " #extensions #misc");
	etsi__buf_puts(out, " #xmlns #prefix and prefixed attributes of other namespaces");
	return out->failed ? ETSI_ENOMEM : 0;
}

static int build_children(jin *in, xmlNode *node, const jelem *def, json_t *obj)
{
	const char *const *child;
	json_t *value;
	int error;

	for (child = def->children; child && *child; child++) {
		size_t mark = in->path.len;

		value = json_object_get(obj, *child);
		if (!value)
			continue;
		etsi__pointer_push(&in->path, *child);
		if (is_repeated(*child)) {
			size_t i;
			json_t *item;

			if (!json_is_array(value))
				return fail_at(in, ETSI_EVALIDATION, "'%s' may repeat, so it is an "
				               "array (of one item, if need be), not %s", *child,
				               etsi__json_type_name(value));
			json_array_foreach(value, i, item) {
				size_t item_mark = in->path.len;

				etsi__pointer_push_index(&in->path, i);
				if ((error = build_element(in, node, *child, item,
				                           node->ns ? node->ns->prefix : NULL)) < 0)
					return error;
				etsi__pointer_pop(&in->path, item_mark);
			}
		} else if ((error = build_element(in, node, *child, value,
		                                  node->ns ? node->ns->prefix : NULL)) < 0) {
			return error;
		}
		etsi__pointer_pop(&in->path, mark);
	}
	if ((value = json_object_get(obj, "#extensions"))) {
		size_t mark = in->path.len, i;
		json_t *item;

		etsi__pointer_push(&in->path, "#extensions");
		if (!json_is_array(value))
			return fail_at(in, ETSI_EVALIDATION, "\"#extensions\" is an array of elements "
			               "of other namespaces, not %s", etsi__json_type_name(value));
		json_array_foreach(value, i, item) {
			size_t item_mark = in->path.len;

			etsi__pointer_push_index(&in->path, i);
			if ((error = build_generic(in, node, item)) < 0)
				return error;
			etsi__pointer_pop(&in->path, item_mark);
		}
		etsi__pointer_pop(&in->path, mark);
	}
	if ((value = json_object_get(obj, "#misc"))) {
		size_t mark = in->path.len, i, count = 0;
		json_t *item;
		xmlNode *c;

		etsi__pointer_push(&in->path, "#misc");
		if (!json_is_array(value))
			return fail_at(in, ETSI_EVALIDATION, "\"#misc\" is an array of {\"at\": N, "
			               "\"comment\" or \"text\": ...}, not %s", etsi__json_type_name(value));
		for (c = node->children; c; c = c->next)
			count += c->type == XML_ELEMENT_NODE;
		json_array_foreach(value, i, item) {
			size_t item_mark = in->path.len;
			json_t *at = json_object_get(item, "at");
			json_t *comment = json_object_get(item, "comment");
			json_t *text = json_object_get(item, "text");
			xmlNode *before = NULL;
			json_int_t k;

			etsi__pointer_push_index(&in->path, i);
			if (!json_is_object(item) || !json_is_integer(at) ||
			    json_object_size(item) != 2 || (!json_is_string(comment) == !json_is_string(text)))
				return fail_at(in, ETSI_EVALIDATION, "a \"#misc\" item is {\"at\": N, "
				               "\"comment\": \"...\"} or {\"at\": N, \"text\": \"...\"}");
			k = json_integer_value(at);
			if (k < 0 || (uint64_t)k > count)
				return fail_at(in, ETSI_EVALIDATION, "\"at\" is %lld; this element has %zu "
				               "child elements, so it is 0 to %zu", (long long)k, count, count);
			for (c = node->children; c; c = c->next) {
				if (c->type == XML_ELEMENT_NODE && k-- == 0) {
					before = c;
					break;
				}
			}
			if (comment) {
				if ((error = add_comment(in, node, before, json_string_value(comment))) < 0)
					return error;
			} else {
				xmlNode *t;

				if ((error = check_text(in, json_string_value(text), "the text")) < 0)
					return error;
				t = xmlNewDocText(in->doc, (const xmlChar *)json_string_value(text));
				if (!t)
					return etsi__error_oom();
				if (before)
					xmlAddPrevSibling(before, t);
				else
					xmlAddChild(node, t);
			}
			etsi__pointer_pop(&in->path, item_mark);
		}
		etsi__pointer_pop(&in->path, mark);
	}
	return 0;
}

static int build_element(jin *in, xmlNode *parent, const char *name, json_t *value,
                         const xmlChar *parent_prefix)
{
	const jelem *def = find_elem(name);
	json_t *v;
	const char *key, *const *attr;
	const char *prefix = (const char *)parent_prefix;
	xmlNode *node;
	xmlNs *ns = NULL;
	int error;

	if (json_is_string(value)) {
		if (def->content != J_SIMPLE)
			return fail_at(in, ETSI_EVALIDATION, "'%s' is an element with attributes or "
			               "child elements, so it is an object, not a string", name);
	} else if (!json_is_object(value)) {
		return fail_at(in, ETSI_EVALIDATION, "'%s' is %s, not %s", name,
		               def->content == J_SIMPLE ? "a string or an object" : "an object",
		               etsi__json_type_name(value));
	}
	if ((error = enter(in)) < 0)
		return error;
	node = xmlNewDocNode(in->doc, NULL, (const xmlChar *)name, NULL);
	if (!node)
		return etsi__error_oom();
	if (parent)
		xmlAddChild(parent, node);
	else
		xmlDocSetRootElement(in->doc, node);
	if ((error = track(in, node)) < 0)
		return error;

	if (json_is_object(value)) {
		if ((v = json_object_get(value, "#xmlns")) && (error = add_xmlns(in, node, v)) < 0)
			return error;
		if ((v = json_object_get(value, "#prefix"))) {
			size_t mark = in->path.len;

			etsi__pointer_push(&in->path, "#prefix");
			if (!json_is_string(v))
				return fail_at(in, ETSI_EVALIDATION, "\"#prefix\" is a string (\"\" for "
				               "the default namespace), not %s", etsi__json_type_name(v));
			prefix = json_string_value(v)[0] ? json_string_value(v) : NULL;
			if (prefix && check_ncname(in, prefix, "prefix") < 0)
				return ETSI_EVALIDATION;
			etsi__pointer_pop(&in->path, mark);
		}
	}
	if ((error = resolve(in, node, prefix, &ns)) < 0)
		return error;
	if (!ns || strcmp((const char *)ns->href, ETSI__NS_DOSSIER) != 0) {
		if (!parent && !ns)
			return fail_at(in, ETSI_EVALIDATION,
			               "the dossier namespace is not declared; add \"#xmlns\": "
			               "{\"\": \"" ETSI__NS_DOSSIER "\"}");
		return fail_at(in, ETSI_EVALIDATION, "'%s' is an element of the dossier namespace "
		               ETSI__NS_DOSSIER ", but its prefix %s%s%s binds %s%s", name,
		               prefix ? "'" : "", prefix ? prefix : "(none)", prefix ? "'" : "",
		               ns ? "namespace " : "no namespace", ns ? (const char *)ns->href : "");
	}
	xmlSetNs(node, ns);

	if (json_is_string(value)) {
		error = add_text(in, node, json_string_value(value));
		in->depth--;
		return error;
	}

	/* keys: attributes in schema order, then the others in their order */
	for (attr = def->attrs; attr && *attr; attr++) {
		size_t mark = in->path.len;

		if (!(v = json_object_get(value, *attr)))
			continue;
		etsi__pointer_push(&in->path, *attr);
		if ((error = add_attribute(in, node, *attr, v)) < 0)
			return error;
		etsi__pointer_pop(&in->path, mark);
	}
	json_object_foreach(value, key, v) {
		size_t mark = in->path.len;

		etsi__pointer_push(&in->path, key);
		if (key[0] == '#') {
			int known = strcmp(key, "#xmlns") == 0 || strcmp(key, "#prefix") == 0;

			if (def->content == J_SIMPLE)
				known |= strcmp(key, "#text") == 0 || strcmp(key, "#content") == 0;
			else
				known |= strcmp(key, "#extensions") == 0 || strcmp(key, "#misc") == 0;
			if (!known) {
				etsi__buf keys = ETSI__BUF_INIT;

				describe_keys(&keys, def);
				error = fail_at(in, ETSI_EVALIDATION, "'%s' is not a key of '%s'; %s", key,
				                name, keys.failed ? "see docs/interchange.md" : keys.ptr);
				etsi__buf_dispose(&keys);
				return error;
			}
		} else if (strchr(key, ':')) {
			if ((error = add_attribute(in, node, key, v)) < 0)
				return error;
		} else if (!in_list(def->attrs, key) && !in_list(def->children, key)) {
			etsi__buf keys = ETSI__BUF_INIT;

			describe_keys(&keys, def);
			error = fail_at(in, ETSI_EVALIDATION, "'%s' is not an attribute or child element "
			                "of '%s'; %s", key, name,
			                keys.failed ? "see docs/interchange.md" : keys.ptr);
			etsi__buf_dispose(&keys);
			return error;
		}
		etsi__pointer_pop(&in->path, mark);
	}

	if (def->content == J_SIMPLE) {
		json_t *text = json_object_get(value, "#text");
		json_t *content = json_object_get(value, "#content");

		if (text && content)
			return fail_at(in, ETSI_EVALIDATION, "'%s' has \"#text\" and \"#content\"; give "
			               "one of them", name);
		if (text) {
			size_t mark = in->path.len;

			etsi__pointer_push(&in->path, "#text");
			if (!json_is_string(text))
				return fail_at(in, ETSI_EVALIDATION, "\"#text\" is a string, not %s",
				               etsi__json_type_name(text));
			if ((error = add_text(in, node, json_string_value(text))) < 0)
				return error;
			etsi__pointer_pop(&in->path, mark);
		} else if (content && (error = build_content(in, node, content, 0)) < 0) {
			return error;
		}
	} else if ((error = build_children(in, node, def, value)) < 0) {
		return error;
	}
	in->depth--;
	return 0;
}

static int build_comments(jin *in, json_t *list, const char *key, xmlNode *before)
{
	size_t mark = in->path.len, i;
	json_t *item;
	int error;

	etsi__pointer_push(&in->path, key);
	if (!json_is_array(list))
		return fail_at(in, ETSI_EVALIDATION, "\"%s\" is an array of {\"comment\": ...}, not "
		               "%s", key, etsi__json_type_name(list));
	json_array_foreach(list, i, item) {
		size_t item_mark = in->path.len;
		json_t *text = json_object_get(item, "comment");

		etsi__pointer_push_index(&in->path, i);
		if (!json_is_object(item) || json_object_size(item) != 1 || !json_is_string(text))
			return fail_at(in, ETSI_EVALIDATION, "a comment is {\"comment\": \"text\"}");
		if ((error = add_comment(in, NULL, before, json_string_value(text))) < 0)
			return error;
		etsi__pointer_pop(&in->path, item_mark);
	}
	etsi__pointer_pop(&in->path, mark);
	return 0;
}

static int build_document(jin *in, json_t *top)
{
	json_t *format = json_object_get(top, "format");
	json_t *body = json_object_get(top, "dossier");
	json_t *v;
	const char *key;
	xmlNode *root;
	int error;

	if (!json_is_object(top))
		return fail_at(in, ETSI_EVALIDATION, "the document is %s; the JSON form of a dossier "
		               "is an object with \"format\" and \"dossier\"", etsi__json_type_name(top));
	json_object_foreach(top, key, v) {
		if (strcmp(key, "format") != 0 && strcmp(key, "dossier") != 0 &&
		    strcmp(key, "prolog") != 0 && strcmp(key, "epilog") != 0 &&
		    strcmp(key, "$schema") != 0) {
			etsi__pointer_push(&in->path, key);
			return fail_at(in, ETSI_EVALIDATION, "'%s' is not a key of the JSON form of a "
			               "dossier (format, prolog, dossier, epilog, $schema)", key);
		}
	}
	if (!json_is_string(format) || strcmp(json_string_value(format), FORMAT_ID) != 0) {
		etsi__pointer_push(&in->path, "format");
		if (!format)
			return fail_at(in, ETSI_EUNSUPPORTED, "there is no \"format\"; a libetsi dossier "
			               "in JSON has \"format\": \"" FORMAT_ID "\"");
		return fail_at(in, ETSI_EUNSUPPORTED, "%s%s%s is not a format this libetsi reads; it "
		               "reads \"" FORMAT_ID "\"", json_is_string(format) ? "\"" : "",
		               json_is_string(format) ? json_string_value(format) : etsi__json_type_name(format),
		               json_is_string(format) ? "\"" : "");
	}
	if (!body) {
		return fail_at(in, ETSI_EVALIDATION, "there is no \"dossier\"; it holds the root "
		               "element");
	}
	etsi__pointer_push(&in->path, "dossier");
	if ((error = build_element(in, NULL, "dossier", body, NULL)) < 0)
		return error;
	etsi__pointer_pop(&in->path, 0);
	root = xmlDocGetRootElement(in->doc);
	if ((v = json_object_get(top, "prolog")) && (error = build_comments(in, v, "prolog", root)) < 0)
		return error;
	if ((v = json_object_get(top, "epilog")) && (error = build_comments(in, v, "epilog", NULL)) < 0)
		return error;
	{
		const char *version = etsi__xml_attr(root, "schema-version");

		if (version && strncmp(version, "1.", 2) != 0) {
			etsi__pointer_push(&in->path, "dossier");
			etsi__pointer_push(&in->path, "schema-version");
			return fail_at(in, ETSI_EUNSUPPORTED, "schema version %s is not supported; this "
			               "libetsi reads version 1.x dossiers", version);
		}
	}
	return 0;
}

/* The editions' catalog, as dossier.c opens it for a loaded file. */
static int open_catalog(etsi_dossier *d, const char *name)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	xmlNode *header = etsi__xml_child(xmlDocGetRootElement(d->store.docs[0]), ETSI__NS_DOSSIER,
	                                  "header");
	xmlNode *editions = etsi__xml_child(header, ETSI__NS_DOSSIER, "editions");
	const char *en = etsi__xml_attr(editions, "en303645");
	const char *ts = etsi__xml_attr(editions, "ts103701");
	int error;

	if (!en || !ts)
		return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, name, 0, 0,
		                      "/dossier/header/editions: the header names no EN 303 645 and "
		                      "TS 103 701 editions");
	opts.data_dir = d->data_dir;
	opts.ts_edition = ts;
	if ((error = etsi_catalog_open(&d->catalog, en, &opts)) < 0) {
		char message[1024];

		snprintf(message, sizeof(message), "%s", etsi_error_last()->message);
		return etsi__error_at(error, ETSI_ERROR_CLASS_SCHEMA, name, 0, 0,
		                      "/dossier/header/editions: %s", message);
	}
	d->store.resolver = etsi__catalog_resolver(d->catalog);
	return 0;
}

/* Restates validation problems at the JSON paths of their elements, and
 * makes the first one the thread's error; @p total counts them when the
 * list holds fewer (0: the list's errors). */
static int report_problems(jin *in, const etsi_diagnostics *diags, size_t total)
{
	size_t i, n = etsi_diagnostics_count(diags), errors = 0;
	const etsi_diagnostic *first = NULL;
	const char *first_path = NULL;

	for (i = 0; i < n; i++) {
		const etsi_diagnostic *g = etsi_diagnostics_at(diags, i);

		if (g->severity != ETSI_SEVERITY_ERROR)
			continue;
		if (!first) {
			first = g;
			if (g->line > 0 && (size_t)g->line <= in->paths.len)
				first_path = in->paths.items[g->line - 1];
		}
		errors++;
	}
	if (!first)
		return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, in->name, 0, 0,
		                      "the dossier is not valid");
	if (total > errors)
		errors = total;
	if (errors > 1)
		return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, in->name, 0, 0,
		                      "%s%s%s (and %zu more problem%s)", first_path ? first_path : "",
		                      first_path ? ": " : "", first->message, errors - 1,
		                      errors > 2 ? "s" : "");
	return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, in->name, 0, 0,
	                      "%s%s%s", first_path ? first_path : "",
	                      first_path ? ": " : "", first->message);
}

static void reset_lines(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE) {
			node->line = 0;
			reset_lines(node->children);
		}
	}
}

int etsi__json_load(etsi_dossier **out, const char *data, size_t len, const char *name,
                    const etsi_load_options *opts)
{
	size_t max_size = opts && opts->max_size ? opts->max_size : ETSI__DEFAULT_MAX_SIZE;
	unsigned int max_depth = opts && opts->max_depth ? opts->max_depth : ETSI__DEFAULT_MAX_DEPTH;
	int validate = !(opts && (opts->flags & ETSI_LOAD_NO_VALIDATE));
	const char *dir = etsi__data_dir(opts ? opts->data_dir : NULL);
	json_error_t jerr;
	json_t *top = NULL;
	etsi_dossier *d = NULL;
	jin in;
	size_t i;
	int error;

	memset(&in, 0, sizeof(in));
	in.name = name;
	in.max_depth = max_depth;
	if ((error = etsi__check_data_dir(dir)) < 0)
		return error;
	if (len > max_size)
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, 0, 0,
		                      "the JSON text is %zu bytes, above the %zu-byte limit; raise "
		                      "max_size in etsi_load_options if it is genuine", len, max_size);
	{
		size_t max_values = ETSI__MAX_ELEMENTS_OF(opts) ? opts->max_elements
		                                                : ETSI__DEFAULT_MAX_ELEMENTS;
		int line = 0, column = 0;

		if (etsi__json_prescan(data, len, max_values, &line, &column))
			return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, line, column,
			                      ETSI__JSON_VALUES_MESSAGE, max_values,
			                      "etsi_load_options");
	}
	top = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!top) {
		if (json_error_code(&jerr) == json_error_out_of_memory)
			return etsi__error_at(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS, name, 0, 0,
			                      "out of memory while parsing the JSON text (%zu bytes); "
			                      "max_size and max_elements in etsi_load_options bound "
			                      "what it may cost: lower them, or give the process "
			                      "more memory", len);
		return etsi__error_at(json_error_code(&jerr) == json_error_stack_overflow
		                      ? ETSI_ELIMIT : ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name,
		                      jerr.line > 0 ? jerr.line : 0, jerr.column > 0 ? jerr.column : 0,
		                      "not valid JSON: %s%s", jerr.text, etsi__json_where(&jerr));
	}
	in.doc = xmlNewDoc((const xmlChar *)"1.0");
	if (!in.doc) {
		error = etsi__error_oom();
		goto done;
	}
	if ((error = build_document(&in, top)) < 0)
		goto done;

	d = etsi__dossier_alloc(name, dir);
	if (!d) {
		error = etsi__error_oom();
		goto done;
	}
	d->store.docs[0] = in.doc;
	d->store.ndocs = 1;
	in.doc = NULL;
	if (validate) {
		etsi_diagnostics *diags = etsi__diagnostics_new();
		xmlSchemaPtr schema;
		int errors;

		if (!diags) {
			error = etsi__error_oom();
			goto done;
		}
		error = etsi__schema_get(&schema, "dossier.xsd", d->data_dir);
		errors = error < 0 ? error : etsi__schema_validate(schema, d->store.docs[0], name, diags);
		if (errors > 0)
			report_problems(&in, diags, (size_t)errors);
		etsi_diagnostics_free(diags);
		if (errors != 0) {
			error = errors < 0 ? errors : ETSI_EVALIDATION;
			goto done;
		}
		if ((error = open_catalog(d, name)) < 0)
			goto done;
	} else if (open_catalog(d, name) < 0 && etsi_error_last()->code == ETSI_ENOMEM) {
		error = ETSI_ENOMEM;
		goto done;
	}
	if ((error = etsi__store_index(&d->store)) < 0)
		goto done;
	if (validate) {
		etsi_diagnostics *diags = NULL;

		error = etsi_dossier_validate(&diags, d);
		if (error == ETSI_EVALIDATION)
			report_problems(&in, diags, 0);
		etsi_diagnostics_free(diags);
		if (error < 0)
			goto done;
	}
	reset_lines(xmlDocGetRootElement(d->store.docs[0]));
	/* no file yet: saving needs a path, so the JSON is never overwritten */
	etsi__free(d->path);
	d->path = NULL;
	*out = d;
	d = NULL;
	error = 0;
done:
	for (i = 0; i < in.paths.len; i++)
		etsi__free(in.paths.items[i]);
	etsi__vec_dispose(&in.paths);
	etsi__buf_dispose(&in.path);
	if (in.doc)
		xmlFreeDoc(in.doc);
	etsi_dossier_free(d);
	json_decref(top);
	return error;
}
