/*
 * Reports: the input document, the stylesheets and the transformation.
 *
 * The input gathers the dossier, its evaluation results and its catalogs
 * under one root (urn:libetsi:report:1), so stylesheets look everything up
 * with xsl:key in one document and compute nothing.  Stylesheets come from
 * the library's resources (or the caller's file), have their xsl:include
 * elements resolved from those resources only, are compiled once and
 * cached, and run under security preferences that forbid every file and
 * network access.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlerror.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "dossier_impl.h"
#include "engine.h"
#include "error.h"
#include "etsi/report.h"
#include "etsi/version.h"
#include "report_impl.h"
#include "resources.h"
#include "results_impl.h"
#include "runtime.h"
#include "xml.h"

#define NS_XSL "http://www.w3.org/1999/XSL/Transform"
#define STYLESHEET_MAX_DEPTH 512u
#define INCLUDE_MAX_DEPTH 8

/* A format is rendered by its stylesheet, or written from the results by
 * etsi_results_write() (its part, in CSV): the plan CSV has one writer,
 * the one `etsi plan --format csv` uses, not a second in XSLT.  A caller's
 * own stylesheet replaces either. */
static const struct format {
	const char *name;
	const char *stylesheet;
	const char *results_part;
} formats[] = {
	{ "html", "report-html.xsl", NULL },
	{ "public", "public-html.xsl", NULL },
	{ "ics-csv", "ics-csv.xsl", NULL },
	{ "plan-csv", NULL, "plan" },
	{ "evidence-csv", "evidence-csv.xsl", NULL },
	{ "md", "summary-md.xsl", NULL },
	{ "input", NULL, NULL },
};

const char *etsi_report_format_at(size_t i)
{
	return i < ETSI__ARRAY_SIZE(formats) ? formats[i].name : NULL;
}

int etsi_report_options_init(etsi_report_options *opts, unsigned int version)
{
	if (version == 1 || version == 2) {
		/* a caller built against an earlier version: its struct ends
		 * before the first field added later (csv_raw, results) */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, version == 1 ? offsetof(etsi_report_options, csv_raw)
		                             : offsetof(etsi_report_options, results));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_REPORT_OPTIONS_VERSION, "etsi_report_options");
}

/* ---- stylesheets -------------------------------------------------------- */

static etsi__map stylesheets = ETSI__MAP_INIT; /* key -> xsltStylesheetPtr */

/* Replaces each xsl:include (and xsl:import) with the top-level elements
 * of the built-in stylesheet it names.  Any other reference is refused:
 * compiling a stylesheet reads nothing from outside. */
/* Declares on `copy` every namespace the included root declared that
 * neither the copy nor the including stylesheet's root declares (the same
 * prefix for the same URI). */
static int copy_namespaces(xmlNodePtr copy, xmlNodePtr from, xmlNodePtr root)
{
	xmlNsPtr ns, mine;

	for (ns = from->nsDef; ns; ns = ns->next) {
		int declared = 0;

		for (mine = copy->nsDef; mine; mine = mine->next)
			declared |= xmlStrEqual(mine->prefix, ns->prefix);
		for (mine = root->nsDef; mine; mine = mine->next)
			declared |= xmlStrEqual(mine->prefix, ns->prefix) &&
			            xmlStrEqual(mine->href, ns->href);
		if (!declared && !xmlNewNs(copy, ns->href, ns->prefix))
			return ETSI_ENOMEM;
	}
	return 0;
}

/* Points @p node and the elements and attributes under it that use
 * @p from at @p to instead. */
static void repoint_ns(xmlNodePtr node, xmlNsPtr from, xmlNsPtr to)
{
	xmlNodePtr c;
	xmlAttrPtr a;

	if (node->type != XML_ELEMENT_NODE)
		return;
	if (node->ns == from)
		node->ns = to;
	for (a = node->properties; a; a = a->next) {
		if (a->ns == from)
			a->ns = to;
	}
	for (c = node->children; c; c = c->next)
		repoint_ns(c, from, to);
}

/* Removes from a copied top-level element the namespace declarations the
 * stylesheet's root makes the same (prefix and URI): libxslt looks up the
 * namespaces in scope for every instruction it compiles, at a cost that
 * grows with their square, and fifteen included stylesheets whose every
 * template re-declared the root's seven namespaces made compiling the HTML
 * report three times as slow. */
static void drop_redundant_ns(xmlNodePtr copy, xmlNodePtr root)
{
	xmlNsPtr *link = &copy->nsDef;

	while (*link) {
		xmlNsPtr ns = *link, same = NULL, r;

		for (r = root->nsDef; r && !same; r = r->next) {
			if (xmlStrEqual(r->prefix, ns->prefix) && xmlStrEqual(r->href, ns->href))
				same = r;
		}
		if (!same) {
			link = &ns->next;
			continue;
		}
		repoint_ns(copy, ns, same);
		*link = ns->next;
		ns->next = NULL;
		xmlFreeNs(ns);
	}
}

static int same_attr(xmlNodePtr a, xmlNodePtr b, const char *name)
{
	const char *x = etsi__xml_attr(a, name), *y = etsi__xml_attr(b, name);

	return x == y || (x && y && strcmp(x, y) == 0);
}

/* Whether the importing stylesheet defines a top-level element that
 * overrides this imported one: a template of the same name, or of the
 * same match and mode; a variable, parameter or key of the same name. */
static int overridden(xmlNodePtr root, xmlNodePtr imported)
{
	xmlNodePtr n;

	for (n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !n->ns || !imported->ns ||
		    !xmlStrEqual(n->name, imported->name) ||
		    !xmlStrEqual(n->ns->href, imported->ns->href))
			continue;
		if (etsi__xml_is(n, NS_XSL, "template")) {
			if (etsi__xml_attr(n, "name") && same_attr(n, imported, "name"))
				return 1;
			if (etsi__xml_attr(n, "match") && same_attr(n, imported, "match") &&
			    same_attr(n, imported, "mode"))
				return 1;
		} else if (etsi__xml_is(n, NS_XSL, "variable") || etsi__xml_is(n, NS_XSL, "param") ||
		           etsi__xml_is(n, NS_XSL, "key")) {
			if (same_attr(n, imported, "name"))
				return 1;
		}
	}
	return 0;
}

static int resolve_includes(xmlDocPtr doc, xmlNodePtr root, const char *file, int depth)
{
	xmlNodePtr n, next;
	int error, resolved = 0;

	for (n = root->children; n; n = next) {
		const etsi__resource *res;
		const char *href;
		xmlDocPtr included;
		xmlNodePtr c, cnext;

		next = n->next;
		if (!etsi__xml_is(n, NS_XSL, "include") && !etsi__xml_is(n, NS_XSL, "import"))
			continue;
		href = etsi__xml_attr(n, "href");
		res = href ? etsi__resource_find(href) : NULL;
		if (!res || !strstr(href, ".xsl"))
			return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, file,
			                      etsi__xml_line(n), 0,
			                      "%s href=\"%s\" is refused: a stylesheet may include only "
			                      "libetsi's own stylesheets (common.xsl, report-html.xsl and its "
			                      "sections report-html-*.xsl); merge anything else into one "
			                      "file", (const char *)n->name,
			                      href ? href : "");
		if (depth >= INCLUDE_MAX_DEPTH)
			return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, file,
			                      etsi__xml_line(n), 0,
			                      "stylesheet includes nest deeper than %d levels",
			                      INCLUDE_MAX_DEPTH);
		error = etsi__xml_parse(&included, (const char *)res->data, res->len, href,
		                        ETSI__DEFAULT_MAX_SIZE, STYLESHEET_MAX_DEPTH);
		if (error < 0)
			return error;
		error = resolve_includes(included, xmlDocGetRootElement(included), href, depth + 1);
		if (error < 0) {
			xmlFreeDoc(included);
			return error;
		}
		/* copy the included top-level elements in place of the include:
		 * copies, not moves, because the included document's names live
		 * in its own dictionary, which goes with it.  Each copy declares
		 * the included stylesheet's namespaces, which its XPath
		 * expressions may use through prefixes.  For an import, what the
		 * importing stylesheet defines itself is left out, so its own
		 * templates, variables and keys win as import precedence wants. */
		for (c = xmlDocGetRootElement(included)->children; c; c = cnext) {
			xmlNodePtr copy;

			cnext = c->next;
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (etsi__xml_is(n, NS_XSL, "import") && overridden(root, c))
				continue;
			copy = xmlDocCopyNode(c, doc, 1);
			if (copy)
				drop_redundant_ns(copy, root);
			if (!copy || copy_namespaces(copy, xmlDocGetRootElement(included), root) < 0 ||
			    !xmlAddPrevSibling(n, copy)) {
				xmlFreeNode(copy);
				xmlFreeDoc(included);
				return etsi__error_oom();
			}
		}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
		xmlFreeDoc(included);
		resolved = 1;
	}
	/* once, over the whole stylesheet, not once an include */
	if (resolved)
		xmlReconciliateNs(doc, root);
	return 0;
}

/* libxslt reports running out of memory as a failed compilation or a
 * "runtime error"; libxml2 under it remembers, per thread, the last error
 * it raised, and says so there. */
static int xml_ran_out_of_memory(const char *message)
{
	const xmlError *last = xmlGetLastError();

	return (last && last->code == XML_ERR_NO_MEMORY) ||
	       (message && (strstr(message, "malloc failed") || strstr(message, "out of memory") ||
	                    strstr(message, "Memory allocation failed")));
}

/* @p builtin: the stylesheet is one compiled into the library, which the
 * test suite compiles on every build; if it fails to compile here, memory
 * ran out, whatever libxslt said (it reports some failed allocations only
 * through its global error handler, which a library must not take over). */
static int compile(xsltStylesheetPtr *out, const char *data, size_t len, const char *file,
                   int builtin)
{
	xsltStylesheetPtr style;
	xmlDocPtr doc;
	int error;

	*out = NULL;
	error = etsi__xml_parse(&doc, data, len, file, ETSI__DEFAULT_MAX_SIZE, STYLESHEET_MAX_DEPTH);
	if (error < 0)
		return error;
	if (!etsi__xml_is(xmlDocGetRootElement(doc), NS_XSL, "stylesheet") &&
	    !etsi__xml_is(xmlDocGetRootElement(doc), NS_XSL, "transform")) {
		xmlFreeDoc(doc);
		return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, file, 1, 0,
		                      "not an XSLT stylesheet: the root element must be "
		                      "xsl:stylesheet");
	}
	if ((error = resolve_includes(doc, xmlDocGetRootElement(doc), file, 0)) < 0) {
		xmlFreeDoc(doc);
		return error;
	}
	xmlResetLastError();
	style = xsltParseStylesheetDoc(doc); /* takes the document */
	if (!style || style->errors) {
		int errors = style ? style->errors : 1;

		if (style)
			xsltFreeStylesheet(style);
		else
			xmlFreeDoc(doc);
		if (builtin || xml_ran_out_of_memory(NULL))
			return etsi__error_oom();
		return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, file, 0, 0,
		                      "stylesheet does not compile (%d error%s); `xsltproc` on it "
		                      "prints the details", errors, errors == 1 ? "" : "s");
	}
	*out = style;
	return 0;
}

/* A compiled stylesheet, cached: built-in ones by name, the caller's by
 * path, size and modification time. */
static int stylesheet_get(xsltStylesheetPtr *out, const char *builtin, const char *path)
{
	etsi__buf key = ETSI__BUF_INIT;
	xsltStylesheetPtr style;
	char *data = NULL;
	size_t len = 0;
	struct stat st;
	int error = 0;

	*out = NULL;
	etsi__runtime_ensure_xslt(); /* only a command that renders pays for libxslt */
	if (path) {
		if (stat(path, &st) < 0)
			return etsi__read_file(&data, &len, path, 0); /* reports the error */
		etsi__buf_printf(&key, "file:%s\n%lld\n%lld", path, (long long)st.st_size,
		                 (long long)st.st_mtime);
	} else {
		etsi__buf_printf(&key, "builtin:%s", builtin);
	}
	if (key.failed)
		return etsi__error_oom();
	etsi__lock();
	style = etsi__map_get(&stylesheets, key.ptr);
	etsi__unlock();
	if (style)
		goto done;

	if (path) {
		if ((error = etsi__read_file(&data, &len, path, ETSI__DEFAULT_MAX_SIZE)) < 0)
			goto done;
		error = compile(&style, data, len, path, 0);
	} else {
		const etsi__resource *res = etsi__resource_find(builtin);

		if (!res) {
			error = etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_ARGUMENT,
			                    "no stylesheet named %s is built in", builtin);
			goto done;
		}
		error = compile(&style, (const char *)res->data, res->len, builtin, 1);
	}
	if (error < 0)
		goto done;
	etsi__lock();
	{
		xsltStylesheetPtr other = etsi__map_get(&stylesheets, key.ptr);

		if (other) {
			xsltFreeStylesheet(style);
			style = other;
		} else if (etsi__map_put(&stylesheets, key.ptr, style) < 0) {
			error = etsi__error_oom();
		}
	}
	etsi__unlock();
	if (error < 0)
		xsltFreeStylesheet(style);
done:
	etsi__free(data);
	etsi__buf_dispose(&key);
	if (error == 0)
		*out = style;
	return error;
}

void etsi__report_cache_clear_locked(void)
{
	size_t i;

	for (i = 0; i < stylesheets.cap; i++) {
		if (stylesheets.slots[i].key && stylesheets.slots[i].value)
			xsltFreeStylesheet(stylesheets.slots[i].value);
	}
	etsi__map_dispose(&stylesheets);
}

/* ---- the input document ------------------------------------------------- */

/* What the public summary may show of a dossier: element paths and, for
 * each, the attributes kept.  Anything not listed is left out. */
static const struct keep {
	const char *path;
	const char *attributes; /* space-separated, with spaces around */
} public_keep[] = {
	{ "dossier", " schema-version " },
	{ "dossier/header", "" },
	{ "dossier/header/title", "" },
	{ "dossier/header/editions", " en303645 ts103701 " },
	{ "dossier/header/release", " version date " },
	{ "dossier/header/parties", "" },
	{ "dossier/header/parties/party", " id role " },
	{ "dossier/header/parties/party/name", "" },
	{ "dossier/header/parties/party/accreditation", "" },
	{ "dossier/header/public-statement", " conformance url date support-end " },
	{ "dossier/dut", "" },
	{ "dossier/dut/manufacturer", "" },
	{ "dossier/dut/model-designation", "" },
	{ "dossier/dut/hardware-version", "" },
	{ "dossier/dut/software-version", "" },
	{ "dossier/update-boundary", "" },
	{ "dossier/update-boundary/mechanism", " id path network automatic notification "
	                                      "implemented " },
	{ "dossier/update-boundary/mechanism/name", "" },
	{ "dossier/update-boundary/mechanism/interface", "" },
	{ "dossier/update-boundary/mechanism/trust-relationship", " kind " },
	/* the facts the public summary may state, in their own strength */
	{ "dossier/update-boundary/mechanism/verification", " where " },
	{ "dossier/update-boundary/mechanism/anti-rollback", " kind " },
	{ "dossier/update-boundary/mechanism/automation", " default user-can-disable postpone " },
	{ "dossier/ixit", "" },
	{ "dossier/ixit/user-info", "" },
	{ "dossier/ixit/user-info/model-designation", "" },
	{ "dossier/ixit/user-info/support-period", " end duration stated " },
	{ "dossier/ixit/user-info/publication-of-support-period", " url " },
	{ "dossier/ixit/user-info/publication-of-non-updatable", " url " },
	{ "dossier/ixit/user-info/documentation-of-replacement", " url " },
	{ "dossier/ixit/user-info/publication-of-vulnerability-disclosure-policy", " url " },
	{ "dossier/ics", "" },
	{ "dossier/ics/entry", " provision support " },
	{ "dossier/verdicts", "" },
	{ "dossier/verdicts/verdict", " case result by date " },
	{ "results", "" },
	{ "results/summary", " release en303645 ts103701 overall " },
	{ "results/outcomes", "" },
	{ "results/outcomes/provision", " id status support applicable outcome basis " },
	{ "results/outcomes/provision/case", " id outcome result date " },
};

static const struct keep *kept(const char *path)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(public_keep); i++) {
		if (strcmp(public_keep[i].path, path) == 0)
			return &public_keep[i];
	}
	return NULL;
}

/* Copies the kept parts of src under dst (a new element of dst's doc). */
static int copy_public(xmlNodePtr src, xmlNodePtr dst, const char *ns, etsi__buf *path)
{
	xmlNodePtr n;
	xmlAttrPtr a;
	size_t mark = path->len;

	for (a = src->properties; a; a = a->next) {
		char needle[96];
		const struct keep *k = kept(path->ptr);

		snprintf(needle, sizeof(needle), " %s ", (const char *)a->name);
		if (a->ns || !k || !strstr(k->attributes, needle))
			continue;
		if (!xmlSetProp(dst, a->name, (const xmlChar *)etsi__xml_attr(src, (const char *)a->name)))
			return ETSI_ENOMEM;
	}
	for (n = src->children; n; n = n->next) {
		xmlNodePtr copy;

		if (n->type == XML_TEXT_NODE) {
			copy = xmlNewDocText(dst->doc, n->content);
			if (!copy || !xmlAddChild(dst, copy))
				return ETSI_ENOMEM;
			continue;
		}
		if (!etsi__xml_is(n, ns, (const char *)n->name))
			continue; /* comments, extension elements: never public */
		etsi__buf_printf(path, "/%s", (const char *)n->name);
		if (path->failed)
			return ETSI_ENOMEM;
		if (kept(path->ptr)) {
			copy = xmlNewChild(dst, dst->ns, n->name, NULL);
			if (!copy || copy_public(n, copy, ns, path) < 0)
				return ETSI_ENOMEM;
		}
		path->len = mark;
		path->ptr[mark] = '\0';
	}
	return 0;
}

static xmlNodePtr public_copy(xmlDocPtr doc, xmlNodePtr parent, xmlNodePtr src, const char *ns)
{
	etsi__buf path = ETSI__BUF_INIT;
	xmlNsPtr nsp;
	xmlNodePtr root = xmlNewDocNode(doc, NULL, src->name, NULL);
	int failed = !root;

	if (root) {
		nsp = xmlNewNs(root, (const xmlChar *)ns, NULL);
		failed = !nsp || !xmlAddChild(parent, root);
		xmlSetNs(root, nsp);
	}
	etsi__buf_puts(&path, (const char *)src->name);
	failed |= path.failed || (!failed && copy_public(src, root, ns, &path) < 0);
	etsi__buf_dispose(&path);
	return failed ? NULL : root;
}

static int append_copy(xmlDocPtr doc, xmlNodePtr parent, xmlNodePtr src)
{
	xmlNodePtr copy = xmlDocCopyNode(src, doc, 1);

	if (!copy || !xmlAddChild(parent, copy)) {
		xmlFreeNode(copy);
		return ETSI_ENOMEM;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;

	return slash ? slash + 1 : path;
}

int etsi__report_input(xmlDocPtr *out, etsi_dossier *dossier, xmlDocPtr results,
                       const char *format, const char *date)
{
	int public = etsi__streq(format, "public");
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = doc ? xmlNewDocNode(doc, NULL, (const xmlChar *)"report", NULL) : NULL;
	xmlNodePtr droot = xmlDocGetRootElement(dossier->store.docs[0]);
	xmlNsPtr ns;
	size_t i;
	int failed = !root;
	char generator[64];

	*out = NULL;
	if (failed)
		goto done;
	xmlDocSetRootElement(doc, root);
	ns = xmlNewNs(root, (const xmlChar *)ETSI__NS_REPORT, NULL);
	failed |= !ns;
	xmlSetNs(root, ns);
	snprintf(generator, sizeof(generator), "libetsi %s", ETSI_VERSION);
	failed |= !xmlSetProp(root, (const xmlChar *)"format", (const xmlChar *)format);
	failed |= !xmlSetProp(root, (const xmlChar *)"generator", (const xmlChar *)generator);
	if (date)
		failed |= !xmlSetProp(root, (const xmlChar *)"date", (const xmlChar *)date);
	if (!public && etsi_dossier_path(dossier))
		failed |= !xmlSetProp(root, (const xmlChar *)"source",
		                      (const xmlChar *)base_name(etsi_dossier_path(dossier)));
	if (failed)
		goto done;
	if (public) {
		failed |= !public_copy(doc, root, droot, ETSI__NS_DOSSIER);
		failed |= !public_copy(doc, root, xmlDocGetRootElement(results), ETSI__NS_RESULTS);
	} else {
		failed |= append_copy(doc, root, droot) < 0;
		failed |= append_copy(doc, root, xmlDocGetRootElement(results)) < 0;
	}
	for (i = 0; !failed && i < dossier->catalog->store.ndocs; i++)
		failed |= append_copy(doc, root,
		                      xmlDocGetRootElement(dossier->catalog->store.docs[i])) < 0;
done:
	if (failed) {
		xmlFreeDoc(doc);
		return etsi__error_oom();
	}
	*out = doc;
	return 0;
}

/* ---- the transformation ------------------------------------------------- */

struct transform_state {
	int have_error;
	char message[512];
};

static void on_transform_error(void *ctx, const char *fmt, ...) ETSI__PRINTF(2, 3);

static void on_transform_error(void *ctx, const char *fmt, ...)
{
	struct transform_state *state = ctx;
	size_t n;
	va_list ap;

	if (state->have_error)
		return; /* the first message says what went wrong; the rest repeat it */
	va_start(ap, fmt);
	vsnprintf(state->message, sizeof(state->message), fmt, ap);
	va_end(ap);
	n = strlen(state->message);
	while (n && (state->message[n - 1] == '\n' || state->message[n - 1] == ' '))
		state->message[--n] = '\0';
	state->have_error = n > 0;
}

/* An XPath string literal for any value: 'v', "v" or concat(...). */
static char *xpath_literal(const char *value)
{
	etsi__buf out = ETSI__BUF_INIT;
	const char *p;

	if (!strchr(value, '\'')) {
		etsi__buf_printf(&out, "'%s'", value);
	} else if (!strchr(value, '"')) {
		etsi__buf_printf(&out, "\"%s\"", value);
	} else {
		etsi__buf_puts(&out, "concat('");
		for (p = value; *p; p++) {
			if (*p == '\'')
				etsi__buf_puts(&out, "', \"'\", '");
			else
				etsi__buf_put(&out, p, 1);
		}
		etsi__buf_puts(&out, "')");
	}
	return etsi__buf_detach(&out);
}

static int transform(char **out, size_t *len, xsltStylesheetPtr style, xmlDocPtr input,
                     const char *name, const char *date, int csv_raw, int builtin)
{
	struct transform_state state;
	xsltSecurityPrefsPtr prefs = xsltNewSecurityPrefs();
	xsltTransformContextPtr ctxt = NULL;
	xmlDocPtr result = NULL;
	const char *params[5] = { NULL, NULL, NULL, NULL, NULL };
	size_t nparams = 0;
	char *date_literal = NULL;
	xmlChar *text = NULL;
	int text_len = 0, error = 0;

	memset(&state, 0, sizeof(state));
	if (!prefs)
		return etsi__error_oom();
	/* no file and no network access, in either direction */
	if (xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) < 0 ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) < 0 ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) < 0 ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) < 0 ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid) < 0) {
		error = etsi__error_oom();
		goto done;
	}
	ctxt = xsltNewTransformContext(style, input);
	if (!ctxt) {
		error = etsi__error_oom();
		goto done;
	}
	if (xsltSetCtxtSecurityPrefs(prefs, ctxt) < 0) {
		error = etsi__error_oom();
		goto done;
	}
	xsltSetTransformErrorFunc(ctxt, &state, on_transform_error);
	if (date) {
		date_literal = xpath_literal(date);
		if (!date_literal) {
			error = etsi__error_oom();
			goto done;
		}
		params[nparams++] = "date";
		params[nparams++] = date_literal;
	}
	if (csv_raw) {
		params[nparams++] = "csv-raw";
		params[nparams++] = "'yes'";
	}
	xmlResetLastError();
	result = xsltApplyStylesheetUser(style, input, params, NULL, NULL, ctxt);
	if (!result || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
		if (xml_ran_out_of_memory(state.have_error ? state.message : NULL)) {
			error = etsi__error_oom();
			goto done;
		}
		if (builtin) {
			/* the built-in stylesheets transform every valid dossier;
			 * when one stops, libxslt ran out of memory, saying so or
			 * (some of its allocations fail with a "runtime error" or
			 * silently) not */
			error = etsi__error(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS,
			                    "out of memory: the built-in stylesheet %s stopped (%s)",
			                    name, state.have_error ? state.message : "no reason given");
			goto done;
		}
		error = etsi__error_at(ETSI_ETRANSFORM, ETSI_ERROR_CLASS_XML, name, 0, 0,
		                       "the transformation failed: %s",
		                       state.have_error ? state.message : "no reason given");
		goto done;
	}
	if (xsltSaveResultToString(&text, &text_len, result, style) < 0) {
		error = etsi__error_oom();
		goto done;
	}
	*out = etsi__strndup(text ? (const char *)text : "", text ? (size_t)text_len : 0);
	if (!*out) {
		error = etsi__error_oom();
		goto done;
	}
	if (len)
		*len = text ? (size_t)text_len : 0;
done:
	xmlFree(text);
	xmlFreeDoc(result);
	if (ctxt)
		xsltFreeTransformContext(ctxt);
	xsltFreeSecurityPrefs(prefs);
	etsi__free(date_literal);
	return error;
}

/* ---- the report --------------------------------------------------------- */

static const struct format *find_format(const char *name)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(formats); i++) {
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	}
	return NULL;
}

/* The public summary states conformance only when the verdicts carry it. */
static int check_public_claim(const etsi_diagnostics *findings)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(findings); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(findings, i);

		if (!d->waived && etsi__streq(d->rule, "public-claim-unsupported"))
			return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER, d->file,
			                      d->line, 0,
			                      "refusing to publish a conformance statement the verdicts "
			                      "do not support: %s", d->message);
	}
	return 0;
}

int etsi_dossier_report(char **out, size_t *len, etsi_dossier *dossier,
                        const etsi_report_options *opts)
{
	etsi_report_options defaults = ETSI_REPORT_OPTIONS_INIT;
	etsi_check_options copts = ETSI_CHECK_OPTIONS_INIT;
	const struct format *format;
	const etsi_results *given;
	etsi_results *owned = NULL;
	const etsi_diagnostics *findings = NULL;
	etsi_diagnostics *evaluated = NULL;
	xmlDocPtr results = NULL, computed = NULL, input = NULL;
	xsltStylesheetPtr style = NULL;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(dossier);
	if (!opts)
		opts = &defaults;
	if (opts->version < 1 || opts->version > ETSI_REPORT_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_report_options version %u is unknown", opts->version);
	given = opts->version >= 3 ? opts->results : NULL;
	format = find_format(opts->format ? opts->format : "html");
	if (!format)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "report format '%s' is unknown; use html, public, ics-csv, "
		                   "plan-csv, evidence-csv, md or input", opts->format);
	if (opts->date && !etsi__valid_date(opts->date))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "report date \"%s\" is not a date YYYY-MM-DD", opts->date);
	etsi__runtime_ensure();

	if (!given && format->results_part && !opts->stylesheet) {
		/* written from the results: evaluate into an etsi_results */
		copts.as_of = opts->as_of ? opts->as_of : opts->date;
		error = etsi_dossier_evaluate(&owned, dossier, &copts);
		if (error < 0 && error != ETSI_EVALIDATION)
			return error;
		given = owned;
	}
	if (given) {
		/* evaluated by the caller: no stage runs twice */
		const char *file, *path = etsi_dossier_path(dossier);

		error = etsi__results_parts(given, &results, &findings, &file);
		if (!etsi__streq(file, path ? path : "<new dossier>"))
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
			                   "the results given are of %s, not of %s", file,
			                   path ? path : "this new dossier");
	} else {
		copts.as_of = opts->as_of ? opts->as_of : opts->date;
		error = etsi__evaluate(&evaluated, &computed, dossier, &copts);
		findings = evaluated;
		results = computed;
	}
	if (error == ETSI_EVALIDATION) {
		const etsi_diagnostic *d = etsi_diagnostics_at(findings, 0);

		error = etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, d->file, d->line, 0,
		                       "the dossier is not valid, so no report is made: %s "
		                       "(`etsi check` lists every problem)", d->message);
		goto done;
	}
	if (error < 0)
		goto done;
	if (etsi__streq(format->name, "public") && (error = check_public_claim(findings)) < 0)
		goto done;
	if (format->results_part && !opts->stylesheet) {
		error = etsi_results_write(out, len, given, format->results_part,
		                           opts->version >= 2 && opts->csv_raw ? "csv-raw" : "csv");
		goto done;
	}
	if ((error = etsi__report_input(&input, dossier, results, format->name, opts->date)) < 0)
		goto done;
	/* the input holds a copy: what this call evaluated need not stay for
	 * the transformation (peak memory) */
	etsi_diagnostics_free(evaluated);
	evaluated = NULL;
	xmlFreeDoc(computed);
	computed = NULL;
	if (!opts->stylesheet && !format->stylesheet) {
		error = etsi__xml_write(out, len, input);
		goto done;
	}
	error = stylesheet_get(&style, format->stylesheet, opts->stylesheet);
	if (error < 0)
		goto done;
	error = transform(out, len, style, input,
	                  opts->stylesheet ? opts->stylesheet : format->stylesheet, opts->date,
	                  opts->version >= 2 && opts->csv_raw, !opts->stylesheet);
done:
	etsi_results_free(owned);
	etsi_diagnostics_free(evaluated);
	xmlFreeDoc(computed);
	xmlFreeDoc(input);
	return error;
}
