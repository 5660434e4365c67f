#include "xml.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlsave.h>

#include "alloc.h"
#include "error.h"
#include "etsi/common.h"
#include "file.h"

/* ---- parsing --------------------------------------------------------- */

enum refusal { ACCEPTED, REFUSED_DOCTYPE, REFUSED_ENTITY, REFUSED_PI, REFUSED_DEPTH };

struct parse_state {
	unsigned int max_depth;
	enum refusal refused;
	int refused_line;
	int have_error;
	int out_of_memory;
	int error_line;
	int error_column;
	char error_message[512];
};

static struct parse_state *state_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

static void refuse(void *ctx, enum refusal why)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *state = state_of(ctx);

	if (state->refused == ACCEPTED) {
		state->refused = why;
		state->refused_line = xmlSAX2GetLineNumber(ctx);
	}
	xmlStopParser(ctxt);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
	(void)name;
	(void)external_id;
	(void)system_id;
	refuse(ctx, REFUSED_DOCTYPE);
}

static void on_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                      const xmlChar *system_id, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	refuse(ctx, REFUSED_ENTITY);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	refuse(ctx, REFUSED_PI);
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *state = state_of(ctx);

	if ((unsigned int)ctxt->nameNr + 1 > state->max_depth) {
		refuse(ctx, REFUSED_DEPTH);
		return;
	}
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces,
	                      nb_attributes, nb_defaulted, attributes);
}

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct parse_state *state = state_of(ctx);
	size_t n;

	if (err && err->code == XML_ERR_NO_MEMORY)
		state->out_of_memory = 1;
	if (state->have_error || !err || err->level < XML_ERR_ERROR)
		return;
	state->have_error = 1;
	state->error_line = err->line;
	state->error_column = err->int2;
	snprintf(state->error_message, sizeof(state->error_message), "%s",
	         err->message ? err->message : "malformed document");
	n = strlen(state->error_message);
	while (n && (state->error_message[n - 1] == '\n' || state->error_message[n - 1] == ' '))
		state->error_message[--n] = '\0';
}

static int report_refusal(const struct parse_state *state, const char *name)
{
	switch (state->refused) {
	case REFUSED_DOCTYPE:
	case REFUSED_ENTITY:
		return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name,
		                      state->refused_line, 0,
		                      "DOCTYPE declarations are refused (they can declare "
		                      "entities that read files or grow without bound); "
		                      "remove the <!DOCTYPE ...> declaration");
	case REFUSED_PI:
		return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name,
		                      state->refused_line, 0,
		                      "processing instructions are refused (a dossier needs "
		                      "none, and some are aimed at stylesheets); remove the "
		                      "<?...?> instruction");
	case REFUSED_DEPTH:
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name,
		                      state->refused_line, 0,
		                      "elements nest deeper than %u levels; a dossier needs "
		                      "far fewer, so the document is refused (raise max_depth "
		                      "in etsi_load_options if it is genuine)",
		                      state->max_depth);
	case ACCEPTED:
		break;
	}
	return 0;
}

/* ---- bounds libxml2 does not keep ------------------------------------ */

/* libxml2 (2.9) compares each attribute of an element with every earlier
 * one, and looks each prefix up through every namespace declaration in
 * scope, inside xmlParseStartTag2(), before any callback could stop it: an
 * element with 100 000 attributes, or thousands of namespace declarations
 * in scope, takes minutes.  Its schema validator joins the pieces of a
 * text split by comments one by one, copying what it has each time: a
 * text split by 400 000 comments takes seconds, by millions, hours.  One
 * linear pass over the bytes bounds all three before the parser sees
 * them.  It only has to be exact for well-formed
 * documents; on others it may count loosely, and the parser refuses them. */

static int line_at(const char *data, const char *at)
{
	int line = 1;

	for (; data < at; data++)
		line += *data == '\n';
	return line;
}

static const char *skip_past(const char *p, const char *end, const char *token)
{
	size_t n = strlen(token);

	for (; (size_t)(end - p) >= n; p++) {
		p = memchr(p, token[0], (size_t)(end - p));
		if (!p || (size_t)(end - p) < n)
			return end;
		if (memcmp(p, token, n) == 0)
			return p + n;
	}
	return end;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int limit_error(const char *data, const char *at, const char *name, const char *tag,
                       const char *what, unsigned int limit)
{
	char element[48] = "";
	size_t n = 0;

	/* the element's name, when it is a plain one worth quoting */
	while (tag + n < at && n < sizeof(element) - 3 &&
	       ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z') ||
	        (tag[n] >= '0' && tag[n] <= '9') || tag[n] == '-' || tag[n] == '_' ||
	        tag[n] == ':' || tag[n] == '.'))
		n++;
	if (n && (tag + n == at || is_space(tag[n]) || tag[n] == '/' || tag[n] == '>'))
		snprintf(element, sizeof(element), "<%.*s> ", (int)n, tag);
	return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, line_at(data, at), 0,
	                      "element %shas more than %u %s; a dossier needs far fewer, so "
	                      "the document is refused before parsing (the XML parser's cost "
	                      "grows with their square)", element, limit, what);
}

/* Refuses the element or attribute that is one too many.  Each costs the
 * parser a node or two (130 to 400 bytes with its text, the schema
 * validator's tables and the record store's index) however few bytes it
 * takes: "<a/>" 4 bytes, ' a=""' 5, so a flood of them under the size
 * limit would cost 35 to 80 times its size. */
static int too_many_elements(const char *data, const char *at, const char *name,
                             size_t max_elements, const char *options)
{
	return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, line_at(data, at), 0,
	                      "more than %zu elements and attributes; the document is "
	                      "refused before "
	                      "parsing, as each costs memory however small it is (raise "
	                      "max_elements in %s, or --max-elements, if it is genuine)",
	                      max_elements, options);
}

static int prescan(const char *data, size_t len, const char *name, size_t max_elements,
                   const char *options)
{
	/* elements with namespace declarations on the open path: their depth
	 * and how many they declare (each declares one at least, so the stack
	 * is never deeper than the limit) */
	struct {
		size_t depth;
		unsigned int count;
	} ns[ETSI__MAX_NAMESPACES];
	const char *p = data, *end = data + len;
	size_t depth = 0, nns = 0, elements = 0;
	unsigned int in_scope = 0, comments = 0;

	while (p < end) {
		const char *tag;
		const char *token = NULL;
		unsigned int attributes = 0, declared = 0;

		p = memchr(p, '<', (size_t)(end - p));
		if (!p || ++p >= end)
			break;
		if (*p == '!') {
			if ((size_t)(end - p) >= 3 && memcmp(p, "!--", 3) == 0) {
				/* comments split the text around them into pieces
				 * that the schema validator joins one by one */
				if (++comments > ETSI__MAX_COMMENT_RUN)
					return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name,
					                      line_at(data, p), 0,
					                      "more than %u comments in a row; a dossier "
					                      "needs far fewer, so the document is refused "
					                      "before parsing (the schema validator's cost "
					                      "grows with their square)",
					                      ETSI__MAX_COMMENT_RUN);
				p = skip_past(p + 3, end, "-->");
			} else if ((size_t)(end - p) >= 8 && memcmp(p, "![CDATA[", 8) == 0)
				p = skip_past(p + 8, end, "]]>");
			else
				p = skip_past(p, end, ">");
			continue;
		}
		if (*p == '?') {
			p = skip_past(p, end, "?>");
			continue;
		}
		comments = 0;
		if (*p == '/') {
			p = skip_past(p, end, ">");
			if (depth) {
				if (nns && ns[nns - 1].depth == depth)
					in_scope -= ns[--nns].count;
				depth--;
			}
			continue;
		}
		/* a start tag: count it, and its attributes outside quoted values
		 * (each costs a node too, against the same limit) */
		if (++elements > max_elements)
			return too_many_elements(data, p, name, max_elements, options);
		tag = p;
		while (p < end && *p != '>') {
			char c = *p;

			if (c == '"' || c == '\'') {
				const char *close = memchr(p + 1, c, (size_t)(end - p - 1));

				p = close ? close + 1 : end;
				token = NULL;
				continue;
			}
			if (is_space(c)) {
				p++;
				continue;
			}
			if (c == '=') {
				if (++attributes > ETSI__MAX_ATTRIBUTES)
					return limit_error(data, p, name, tag, "attributes",
					                   ETSI__MAX_ATTRIBUTES);
				if (++elements > max_elements)
					return too_many_elements(data, p, name, max_elements, options);
				if (token && (size_t)(p - token) >= 5 && memcmp(token, "xmlns", 5) == 0 &&
				    (is_space(token[5]) || token[5] == '=' || token[5] == ':'))
					declared++;
				token = NULL;
				p++;
				continue;
			}
			if (!token || p[-1] == '"' || p[-1] == '\'' || is_space(p[-1]))
				token = p;
			p++;
		}
		if (declared && in_scope + declared > ETSI__MAX_NAMESPACES)
			return limit_error(data, p, name, tag, "namespace declarations in scope",
			                   ETSI__MAX_NAMESPACES);
		if (p < end && p[-1] == '/')
			continue; /* empty element: nothing stays in scope */
		depth++;
		if (declared) {
			ns[nns].depth = depth;
			ns[nns].count = declared;
			nns++;
			in_scope += declared;
		}
	}
	return 0;
}

static int parse(xmlDoc **out, const char *data, size_t len, const char *name,
                 size_t max_size, unsigned int max_depth, size_t max_elements,
                 int keep_blanks, const char *options)
{
	struct parse_state state;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	char a[32], b[32];
	int error = 0;

	*out = NULL;
	if (len > max_size)
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, 0, 0,
		                      "document is %s, above the %s limit; raise max_size in "
		                      "%s (or --max-size) if it is genuine",
		                      etsi__human_size(a, sizeof(a), len),
		                      etsi__human_size(b, sizeof(b), max_size), options);
	if (len > INT_MAX)
		return etsi__error_at(ETSI_ELIMIT, ETSI_ERROR_CLASS_XML, name, 0, 0,
		                      "document is larger than 2 GiB, which the XML parser "
		                      "cannot read");
	if ((error = prescan(data, len, name, max_elements ? max_elements
	                                                 : ETSI__DEFAULT_MAX_ELEMENTS,
	                     options)) < 0)
		return error;
	memset(&state, 0, sizeof(state));
	state.max_depth = max_depth;

	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return etsi__error_oom();
	ctxt->_private = &state;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	ctxt->sax->entityDecl = on_entity;
	ctxt->sax->processingInstruction = on_pi;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->serror = on_error;
	ctxt->sax->warning = NULL;
	ctxt->sax->error = NULL;
	ctxt->sax->fatalError = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;

	/* libxml2 stops at 256 levels unless told otherwise; a caller who asks
	 * for more gets it, with our own size limit still in force (entities,
	 * the other thing XML_PARSE_HUGE unbounds, are refused anyway) */
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
	                        XML_PARSE_NONET | (keep_blanks ? 0 : XML_PARSE_NOBLANKS) |
	                        XML_PARSE_NOCDATA |
	                        XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING |
	                        (max_depth > 256 ? XML_PARSE_HUGE : 0));
	/* libxml2 does not always say that it ran out of memory (some of its
	 * allocations fail silently, leaving no document and no error): a
	 * parse that stops without an error ran out too */
	if (ctxt->errNo == XML_ERR_NO_MEMORY || state.out_of_memory ||
	    (state.refused == ACCEPTED && !doc && !state.have_error)) {
		/* whatever else went wrong, the tree may lack what did not fit;
		 * say where, and which limits bound what a document costs */
		int line = ctxt->input && ctxt->input->line > 0 ? ctxt->input->line : 0;

		error = etsi__error_at(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS, name, line, 0,
		                       "out of memory while parsing the document (%s, at most "
		                       "%zu elements); max_size and max_elements in %s bound "
		                       "what it may cost: lower them, or give the process more "
		                       "memory", etsi__human_size(a, sizeof(a), len),
		                       max_elements ? max_elements : ETSI__DEFAULT_MAX_ELEMENTS,
		                       options);
	} else if (state.refused != ACCEPTED) {
		error = report_refusal(&state, name);
	} else if (!doc || !ctxt->wellFormed) {
		error = etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name,
		                       state.have_error ? state.error_line : 0,
		                       state.have_error ? state.error_column : 0,
		                       "not well-formed XML: %s",
		                       state.have_error ? state.error_message : "the parser gave up");
	} else if (!xmlDocGetRootElement(doc)) {
		error = etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name, 0, 0,
		                       "document has no root element");
	}
	if (error < 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	ctxt->_private = NULL;
	xmlFreeParserCtxt(ctxt);
	*out = doc;
	return error;
}

int etsi__xml_parse(xmlDoc **out, const char *data, size_t len, const char *name,
                    size_t max_size, unsigned int max_depth)
{
	return parse(out, data, len, name, max_size, max_depth, 0, 0, "etsi_load_options");
}

int etsi__xml_parse_layout(xmlDoc **out, const char *data, size_t len, const char *name,
                           size_t max_size, unsigned int max_depth)
{
	return parse(out, data, len, name, max_size, max_depth, 0, 1, "etsi_load_options");
}

int etsi__xml_parse_limited(xmlDoc **out, const char *data, size_t len, const char *name,
                            size_t max_size, unsigned int max_depth, size_t max_elements,
                            int keep_layout, const char *options)
{
	return parse(out, data, len, name, max_size, max_depth, max_elements, keep_layout,
	             options);
}

/* ---- tree helpers ---------------------------------------------------- */

int etsi__xml_is(const xmlNode *node, const char *ns, const char *name)
{
	if (!node || node->type != XML_ELEMENT_NODE)
		return 0;
	if (strcmp((const char *)node->name, name) != 0)
		return 0;
	if (!ns)
		return node->ns == NULL;
	return node->ns && node->ns->href && strcmp((const char *)node->ns->href, ns) == 0;
}

xmlNode *etsi__xml_child(const xmlNode *parent, const char *ns, const char *name)
{
	xmlNode *n;

	if (!parent)
		return NULL;
	for (n = parent->children; n; n = n->next) {
		if (etsi__xml_is(n, ns, name))
			return n;
	}
	return NULL;
}

xmlNode *etsi__xml_next(const xmlNode *node, const char *ns, const char *name)
{
	xmlNode *n;

	for (n = node ? node->next : NULL; n; n = n->next) {
		if (etsi__xml_is(n, ns, name))
			return n;
	}
	return NULL;
}

const char *etsi__xml_attr(const xmlNode *node, const char *name)
{
	xmlAttr *attr;

	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (attr = node->properties; attr; attr = attr->next) {
		if (attr->ns == NULL && strcmp((const char *)attr->name, name) == 0) {
			if (!attr->children)
				return "";
			if (attr->children->type == XML_TEXT_NODE && !attr->children->next)
				return (const char *)attr->children->content;
			return NULL; /* cannot happen without entities, which are refused */
		}
	}
	return NULL;
}

const char *etsi__xml_simple_text(const xmlNode *node)
{
	const xmlNode *child = node->children;

	if (!child)
		return "";
	if (!child->next && child->type == XML_TEXT_NODE)
		return child->content ? (const char *)child->content : "";
	return NULL;
}

int etsi__xml_line(const xmlNode *node)
{
	xmlNode *mutable_node;
	long line;

	/* xmlGetLineNo() does not modify the node but is declared without const */
	memcpy(&mutable_node, &node, sizeof(mutable_node));
	line = node ? xmlGetLineNo(mutable_node) : 0;

	return line > 0 && line < INT_MAX ? (int)line : 0;
}

int etsi__xml_is_blank(const xmlNode *node)
{
	const xmlChar *p;

	if (!node || node->type != XML_TEXT_NODE)
		return 0;
	for (p = node->content; p && *p; p++) {
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	}
	return 1;
}

int etsi__xml_has_layout(const xmlDoc *doc)
{
	const xmlNode *root, *n;

	for (root = doc ? doc->children : NULL; root; root = root->next) {
		if (root->type == XML_ELEMENT_NODE)
			break;
	}
	for (n = root ? root->children : NULL; n; n = n->next) {
		if (etsi__xml_is_blank(n))
			return 1;
	}
	return 0;
}

static int laid_out_copy(xmlDoc **out, xmlDoc *doc);

int etsi__xml_write(char **out, size_t *len, xmlDoc *doc)
{
	xmlBufferPtr buffer;
	xmlSaveCtxtPtr save;
	xmlDoc *copy = NULL;
	int failed, layout = etsi__xml_has_layout(doc);

	*out = NULL;
	if (len)
		*len = 0;
	/* subtrees made in memory and linked without whitespace (a stored
	 * test plan replacing the old one) are indented like the rest */
	if (layout && laid_out_copy(&copy, doc) < 0)
		return ETSI_ENOMEM;
	if (copy)
		doc = copy;
	buffer = xmlBufferCreate();
	if (!buffer) {
		xmlFreeDoc(copy);
		return etsi__error_oom();
	}
	/* libxml2's default grows a buffer by what is added: a document of
	 * n bytes written in 4 KiB chunks would cost n squared over 8 KiB
	 * bytes of reallocation (every load records its source this way) */
	xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT);
	save = xmlSaveToBuffer(buffer, "UTF-8", layout ? 0 : XML_SAVE_FORMAT);
	if (!save) {
		xmlBufferFree(buffer);
		xmlFreeDoc(copy);
		return etsi__error_oom();
	}
	failed = xmlSaveDoc(save, doc) < 0;
	failed |= xmlSaveClose(save) < 0;
	if (!failed) {
		*out = etsi__strndup((const char *)xmlBufferContent(buffer),
		                     (size_t)xmlBufferLength(buffer));
		failed = !*out;
	}
	if (!failed && len)
		*len = (size_t)xmlBufferLength(buffer);
	xmlBufferFree(buffer);
	xmlFreeDoc(copy);
	return failed ? etsi__error_oom() : 0;
}

/* ---- layout: the whitespace between elements ------------------------- */

/* A document parsed with its layout keeps the whitespace between elements
 * as text nodes.  Inserting and removing elements keeps it looking as if
 * a person had edited the file: a new element goes on a line of its own,
 * indented like its siblings, and a removed one takes its lines with it.
 * Whitespace is best effort: when memory runs out for it, the element is
 * still inserted or removed, only without the whitespace.  Text nodes are
 * never left side by side, so the tree is the one a parser would make of
 * the written file. */

typedef struct span {
	const char *p;
	size_t n;
} span;

/* The blank text that starts node's line, from its first line break, or
 * NULL when node does not start a line. */
static const char *lead_of(const xmlNode *node)
{
	const xmlNode *t = node->prev;

	if (!etsi__xml_is_blank(t) || !t->content)
		return NULL;
	return strchr((const char *)t->content, '\n');
}

/* The indentation of a node that starts a line (the root starts one). */
static int indent_of(const xmlNode *node, span *out)
{
	const char *lead, *nl;

	if (!node->parent || node->parent->type != XML_ELEMENT_NODE) {
		out->p = "";
		out->n = 0;
		return 1;
	}
	if (!(lead = lead_of(node)))
		return 0;
	nl = strrchr(lead, '\n');
	out->p = nl + 1;
	out->n = strlen(nl + 1);
	return 1;
}

/* The node after n in document order within root, descending into the
 * children of elements only; NULL after the last. */
static xmlNode *next_in_order(xmlNode *n, const xmlNode *root)
{
	if (n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return !n || n == root ? NULL : n->next;
}

/* The document's indentation unit: the first step, in document order, from
 * an element that starts a line to a child element that starts one deeper;
 * two spaces when there is none. */
static span indent_unit(xmlNode *root)
{
	xmlNode *n = root;
	span unit = { "  ", 2 };

	for (; n; n = next_in_order(n, root)) {
		span mine, parents;

		if (n != root && n->type == XML_ELEMENT_NODE && indent_of(n, &mine) &&
		    indent_of(n->parent, &parents) && mine.n > parents.n &&
		    memcmp(mine.p, parents.p, parents.n) == 0) {
			unit.p = mine.p + parents.n;
			unit.n = mine.n - parents.n;
			return unit;
		}
	}
	return unit;
}

/* "\n" and the indentation of parent's children: that of a child element
 * that starts a line, or the parent's own and one unit.  0 when parent is
 * not laid out on lines. */
static int child_line(etsi__buf *out, const xmlNode *parent, const xmlNode *except)
{
	const xmlNode *n;
	span ind, unit;

	for (n = parent->children; n; n = n->next) {
		if (n != except && n->type == XML_ELEMENT_NODE && indent_of(n, &ind)) {
			etsi__buf_puts(out, "\n");
			etsi__buf_put(out, ind.p, ind.n);
			return 1;
		}
	}
	if (!indent_of(parent, &ind))
		return 0;
	unit = indent_unit(xmlDocGetRootElement(parent->doc));
	etsi__buf_puts(out, "\n");
	etsi__buf_put(out, ind.p, ind.n);
	etsi__buf_put(out, unit.p, unit.n);
	return 1;
}

/* Links node before ref (NULL: at the end of parent), as it is: unlike
 * libxml2's functions, never merging text nodes. */
static void link_before(xmlNode *parent, xmlNode *ref, xmlNode *node)
{
	node->parent = parent;
	node->next = ref;
	node->prev = ref ? ref->prev : parent->last;
	if (node->prev)
		node->prev->next = node;
	else
		parent->children = node;
	if (ref)
		ref->prev = node;
	else
		parent->last = node;
}

/* A text node of content a and b joined; NULL when it is empty (or memory
 * ran out: *failed is set). */
static xmlNode *join_text(xmlDoc *doc, const char *a, size_t an, const char *b, size_t bn,
                          int *failed)
{
	etsi__buf all = ETSI__BUF_INIT;
	xmlNode *text = NULL;

	if (an + bn == 0)
		return NULL;
	if (an)
		etsi__buf_put(&all, a, an);
	if (bn)
		etsi__buf_put(&all, b, bn);
	if (!all.failed)
		text = xmlNewDocTextLen(doc, (const xmlChar *)all.ptr, (int)all.len);
	if (!text)
		*failed = 1;
	etsi__buf_dispose(&all);
	return text;
}

static int has_text_child(const xmlNode *node)
{
	const xmlNode *c;

	for (c = node->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			return 1;
	}
	return 0;
}

/* Indents a subtree built without whitespace (elements only) whose root
 * starts a line indented by `indent`. */
static void lay_out_subtree(xmlNode *node, const char *indent, size_t indent_len, span unit)
{
	etsi__buf deeper = ETSI__BUF_INIT;
	xmlNode *c, *next, *ws;
	int failed = 0;

	if (!node->children || has_text_child(node))
		return;
	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			return; /* comments: left as built */
	}
	etsi__buf_puts(&deeper, "\n");
	etsi__buf_put(&deeper, indent, indent_len);
	etsi__buf_put(&deeper, unit.p, unit.n);
	if (deeper.failed)
		goto done;
	for (c = node->children; c; c = next) {
		next = c->next;
		if (!(ws = join_text(node->doc, deeper.ptr, deeper.len, NULL, 0, &failed)))
			goto done;
		link_before(node, c, ws);
		lay_out_subtree(c, deeper.ptr + 1, deeper.len - 1, unit);
	}
	if ((ws = join_text(node->doc, "\n", 1, indent, indent_len, &failed)))
		link_before(node, NULL, ws);
done:
	etsi__buf_dispose(&deeper);
}

void etsi__xml_insert(xmlNode *parent, xmlNode *child, xmlNode *before)
{
	etsi__buf sep = ETSI__BUF_INIT, post = ETSI__BUF_INIT;
	xmlNode *prev, *n = before, *text = NULL, *a = NULL, *b = NULL;
	const char *content = "";
	size_t k = 0, len = 0;
	int failed = 0;
	span ind;

	if (!etsi__xml_has_layout(parent->doc))
		goto plain;
	for (prev = before ? before->prev : parent->last; prev; prev = prev->prev) {
		if (prev->type == XML_ELEMENT_NODE)
			break;
	}
	if (prev) {
		/* on a line of its own after prev's line, set off from prev as
		 * prev is from what comes before it */
		for (n = prev->next; n && n->type != XML_ELEMENT_NODE; n = n->next) {
			const char *nl;

			if (n->type == XML_TEXT_NODE && n->content &&
			    (nl = strchr((const char *)n->content, '\n'))) {
				text = n;
				k = (size_t)(nl - (const char *)n->content);
				break;
			}
		}
		if (text) {
			const char *lead = lead_of(prev);

			if (lead && prev->prev->prev)
				etsi__buf_puts(&sep, lead);
			else
				child_line(&sep, parent, NULL);
		}
	} else if (before) {
		/* the first element: on the line after the parent's start tag */
		n = parent->children;
		if (n->type == XML_TEXT_NODE && n->content && strchr((const char *)n->content, '\n')) {
			text = n;
			k = (size_t)(strchr((const char *)n->content, '\n') - (const char *)n->content);
			child_line(&sep, parent, NULL);
		}
	} else if (indent_of(parent, &ind) && child_line(&sep, parent, NULL)) {
		/* the first element of a parent on a line of its own: one level
		 * deeper, and the end tag on a line of its own */
		n = parent->last;
		if (n && n->type == XML_TEXT_NODE && n->content &&
		    strchr((const char *)n->content, '\n')) {
			text = n;
			k = (size_t)(strchr((const char *)n->content, '\n') - (const char *)n->content);
		} else {
			etsi__buf_puts(&post, "\n");
			etsi__buf_put(&post, ind.p, ind.n);
			n = NULL;
		}
	} else {
		n = NULL;
	}
	/* text never stands beside text: insert into a neighbouring one */
	if (!text) {
		xmlNode *left = n ? n->prev : parent->last;

		if (left && left->type == XML_TEXT_NODE) {
			text = left;
			k = strlen(left->content ? (const char *)left->content : "");
		}
	}
	if (sep.failed || post.failed)
		goto plain;
	if (text) {
		content = text->content ? (const char *)text->content : "";
		len = strlen(content);
	}
	a = join_text(parent->doc, content, k, sep.ptr, sep.len, &failed);
	b = join_text(parent->doc, post.ptr, post.len, content + k, len - k, &failed);
	if (failed)
		goto plain;
	if (text) {
		link_before(parent, text, child);
		xmlUnlinkNode(text);
		xmlFreeNode(text);
	} else {
		link_before(parent, n, child);
	}
	if (a)
		link_before(parent, child, a);
	if (b)
		link_before(parent, child->next, b);
	if (sep.len && indent_of(child, &ind))
		lay_out_subtree(child, ind.p, ind.n, indent_unit(xmlDocGetRootElement(parent->doc)));
	etsi__buf_dispose(&sep);
	etsi__buf_dispose(&post);
	return;
plain:
	xmlFreeNode(a);
	xmlFreeNode(b);
	etsi__buf_dispose(&sep);
	etsi__buf_dispose(&post);
	if (before)
		xmlAddPrevSibling(before, child);
	else
		xmlAddChild(parent, child);
}

void etsi__xml_remove(xmlNode *node)
{
	xmlNode *parent = node->parent, *p = node->prev, *f = node->next, *joined;
	const char *pc, *fc, *cut, *from;
	int failed = 0;

	if (!parent || !etsi__xml_has_layout(node->doc) || !p || !f ||
	    p->type != XML_TEXT_NODE || f->type != XML_TEXT_NODE) {
		xmlUnlinkNode(node);
		return;
	}
	pc = p->content ? (const char *)p->content : "";
	fc = f->content ? (const char *)f->content : "";
	cut = pc + strlen(pc);
	from = fc;
	if (etsi__xml_is_blank(p) && etsi__xml_is_blank(f) && strchr(pc, '\n') &&
	    strchr(fc, '\n')) {
		/* the element's own lines go, with the blank lines that set it
		 * off from the element before it (an inserted element copies
		 * them from its neighbour): from the first line break before it
		 * to the line break after it */
		cut = strchr(pc, '\n');
		from = strchr(fc, '\n');
	}
	xmlUnlinkNode(node);
	if (cut == pc && from == fc) {
		/* the common case, and undoing an insertion: what follows the
		 * element is what stays, and needs no memory */
		joined = f;
	} else {
		joined = join_text(node->doc, pc, (size_t)(cut - pc), from, strlen(from), &failed);
		if (failed)
			return;
		if (joined)
			link_before(parent, p, joined);
		xmlUnlinkNode(f);
		xmlFreeNode(f);
	}
	xmlUnlinkNode(p);
	xmlFreeNode(p);
	/* an element left with nothing but its end tag's indentation is
	 * empty, as it was before its first child came */
	if (joined && parent->children == joined && !joined->next && etsi__xml_is_blank(joined)) {
		xmlUnlinkNode(joined);
		xmlFreeNode(joined);
	}
}

void etsi__xml_strip_layout(xmlNode *node)
{
	xmlNode *c, *next;
	int structured = 0;

	if (!node || node->type != XML_ELEMENT_NODE)
		return;
	for (c = node->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE || c->type == XML_COMMENT_NODE)
			structured = 1;
		else if ((c->type == XML_TEXT_NODE && !etsi__xml_is_blank(c)) ||
		         c->type == XML_CDATA_SECTION_NODE)
			return; /* mixed content: every character counts */
	}
	for (c = node->children; c; c = next) {
		next = c->next;
		if (structured && c->type == XML_TEXT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE) {
			etsi__xml_strip_layout(c);
		}
	}
}

/* ---- start tags as the file wrote them ------------------------------- */

/* The start tags of a serialized document, in order (which is the order
 * of the elements in the tree): pairs of offsets, start and end. */
static int scan_tags(etsi__buf *out, const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p)))) {
		const char *start = p;
		size_t span_[2];

		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = skip_past(p + 4, end, "-->");
			continue;
		}
		if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
			p = skip_past(p + 9, end, "]]>");
			continue;
		}
		if (end - p >= 2 && p[1] == '?') {
			p = skip_past(p + 2, end, "?>");
			continue;
		}
		if (end - p >= 2 && (p[1] == '!' || p[1] == '/')) {
			p = skip_past(p + 2, end, ">");
			continue;
		}
		for (p++; p < end && *p != '>'; p++) {
			if (*p == '"' || *p == '\'') {
				const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));

				if (!close)
					return -1;
				p = close;
			}
		}
		if (p >= end)
			return -1;
		p++;
		span_[0] = (size_t)(start - text);
		span_[1] = (size_t)(p - text);
		if (etsi__buf_put(out, (const char *)span_, sizeof(span_)) < 0)
			return ETSI_ENOMEM;
	}
	return 0;
}

/* The elements of a document in document order. */
static int element_list(etsi__vec *out, xmlNode *root)
{
	xmlNode *n;

	for (n = root; n; n = next_in_order(n, root)) {
		if (n->type == XML_ELEMENT_NODE && etsi__vec_push(out, n) < 0)
			return ETSI_ENOMEM;
	}
	return 0;
}

static int self_closing(const char *tag, size_t n)
{
	return n >= 2 && tag[n - 2] == '/';
}

static void tag_key(char *key, size_t size, const void *node)
{
	snprintf(key, size, "%p", node);
}

void etsi__xml_source_dispose(etsi__xml_source *src)
{
	size_t i;

	for (i = 0; i < src->tags.cap; i++) {
		if (src->tags.slots[i].key)
			etsi__free(src->tags.slots[i].value);
	}
	etsi__map_dispose(&src->tags);
	etsi__free(src->decl);
	src->decl = NULL;
}

/* Whether a file may be written otherwise than libetsi writes it, in its
 * declaration or its start tags; when not, nothing needs recording, and the
 * document is not serialized to find out. */
static int maybe_written_otherwise(const char *data, size_t len)
{
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
	etsi__buf tags = ETSI__BUF_INIT;
	const size_t *t;
	size_t i, n;
	int otherwise = 0;

	if (len < sizeof(decl) - 1 || memcmp(data, decl, sizeof(decl) - 1) != 0)
		return 1;
	if (scan_tags(&tags, data, len) < 0) {
		etsi__buf_dispose(&tags);
		return 1;
	}
	t = (const size_t *)(void *)tags.ptr;
	n = tags.len / (2 * sizeof(size_t));
	for (i = 0; !otherwise && i < n; i++) {
		const char *p = data + t[2 * i], *end = data + t[2 * i + 1];
		int quoted = 0;

		for (; p < end; p++) {
			char c = *p;

			if (c == '"')
				quoted = !quoted;
			else if (c == '\n' || c == '\r' || c == '\t' || c == '\'' || c == '&' ||
			         (quoted && (c == '>' || c == '<')) ||
			         (!quoted && c == ' ' && (p[1] == ' ' || p[1] == '=' || p[1] == '>' ||
			                                  p[1] == '/' || p[-1] == '=')))
				otherwise = 1;
		}
	}
	etsi__buf_dispose(&tags);
	return otherwise;
}

int etsi__xml_source_record(etsi__xml_source *src, xmlDoc *doc, const char *data, size_t len)
{
	etsi__buf was = ETSI__BUF_INIT, now = ETSI__BUF_INIT;
	etsi__vec elements = ETSI__VEC_INIT;
	char *text = NULL;
	size_t tlen, i, n;
	const size_t *a, *b;
	int error;

	if (!etsi__xml_has_layout(doc) || !maybe_written_otherwise(data, len))
		return 0;
	/* a file in another encoding is written in UTF-8 with libetsi's own
	 * declaration and start tags: its declaration would name the wrong
	 * encoding, and its start tags' bytes are not UTF-8 */
	if (doc->encoding && xmlStrcasecmp(doc->encoding, (const xmlChar *)"UTF-8") != 0)
		return 0;
	if ((error = etsi__xml_write(&text, &tlen, doc)) < 0)
		return error;
	if (tlen == len && memcmp(text, data, len) == 0)
		goto done; /* written as libetsi writes it */
	/* the XML declaration, when the file's differs */
	if (strncmp(text, "<?xml", 5) == 0) {
		const char *mine = strstr(text, "?>");
		const char *theirs = len >= 5 && strncmp(data, "<?xml", 5) == 0
		                     ? skip_past(data, data + len, "?>") : NULL;

		int differs = !theirs || !mine ||
		              (size_t)(theirs - data) != (size_t)(mine + 2 - text) ||
		              memcmp(data, text, (size_t)(theirs - data)) != 0;

		if (differs && !(src->decl = theirs ? etsi__strndup(data, (size_t)(theirs - data))
		                                    : etsi__strdup(""))) {
			error = etsi__error_oom();
			goto done;
		}
	}
	/* start tags written otherwise (attributes on several lines, other
	 * spacing or quotes): the file's text, while the element keeps the
	 * attributes it had */
	if ((error = scan_tags(&was, data, len)) < 0 || (error = scan_tags(&now, text, tlen)) < 0 ||
	    (error = element_list(&elements, xmlDocGetRootElement(doc))) < 0) {
		if (error == ETSI_ENOMEM)
			error = etsi__error_oom();
		else
			error = 0; /* cannot happen for a parsed document: keep none */
		goto done;
	}
	n = elements.len;
	if (was.len != n * 2 * sizeof(size_t) || now.len != was.len)
		goto done;
	a = (const size_t *)(void *)was.ptr;
	b = (const size_t *)(void *)now.ptr;
	for (i = 0; i < n; i++) {
		size_t alen = a[2 * i + 1] - a[2 * i], blen = b[2 * i + 1] - b[2 * i];
		const char *raw = data + a[2 * i], *norm = text + b[2 * i];
		etsi__buf pair = ETSI__BUF_INIT;
		char key[32];

		if ((alen == blen && memcmp(raw, norm, alen) == 0) ||
		    self_closing(raw, alen) != self_closing(norm, blen))
			continue;
		/* "norm\0raw" */
		etsi__buf_put(&pair, norm, blen);
		etsi__buf_put(&pair, "", 1);
		etsi__buf_put(&pair, raw, alen);
		tag_key(key, sizeof(key), elements.items[i]);
		if (pair.failed || etsi__map_put(&src->tags, key, pair.ptr) != 0) {
			etsi__buf_dispose(&pair);
			error = etsi__error_oom();
			goto done;
		}
	}
done:
	if (error < 0)
		etsi__xml_source_dispose(src);
	etsi__vec_dispose(&elements);
	etsi__buf_dispose(&was);
	etsi__buf_dispose(&now);
	etsi__free(text);
	return error;
}

int etsi__xml_source_apply(const etsi__xml_source *src, xmlDoc *doc, char **text, size_t *len)
{
	etsi__buf tags = ETSI__BUF_INIT, out = ETSI__BUF_INIT;
	etsi__vec elements = ETSI__VEC_INIT;
	const char *t = *text, *from = *text;
	size_t i, n, tlen = *len;
	const size_t *b;
	int error = 0;

	if (src->tags.len == 0 && !src->decl)
		return 0;
	if (src->decl && strncmp(t, "<?xml", 5) == 0) {
		const char *decl_end = strstr(t, "?>");

		if (decl_end) {
			etsi__buf_puts(&out, src->decl);
			from = decl_end + 2;
			if (!*src->decl && *from == '\n')
				from++;
		}
	}
	if (src->tags.len &&
	    ((error = scan_tags(&tags, t, tlen)) < 0 ||
	     (error = element_list(&elements, xmlDocGetRootElement(doc))) < 0)) {
		error = error == ETSI_ENOMEM ? etsi__error_oom() : 0;
		goto done;
	}
	n = elements.len;
	b = (const size_t *)(void *)tags.ptr;
	if (tags.len != n * 2 * sizeof(size_t))
		n = 0;
	for (i = 0; i < n; i++) {
		const char *norm, *tag = t + b[2 * i];
		size_t blen = b[2 * i + 1] - b[2 * i];
		char key[32];

		tag_key(key, sizeof(key), elements.items[i]);
		norm = etsi__map_get(&src->tags, key);
		if (!norm || strlen(norm) != blen || memcmp(norm, tag, blen) != 0)
			continue; /* new, or changed since it was read */
		etsi__buf_put(&out, from, (size_t)(tag - from));
		etsi__buf_puts(&out, norm + blen + 1);
		from = tag + blen;
	}
	etsi__buf_put(&out, from, (size_t)(t + tlen - from));
	if (out.failed) {
		error = etsi__error_oom();
		goto done;
	}
	etsi__free(*text);
	*len = out.len;
	*text = etsi__buf_detach(&out);
done:
	etsi__buf_dispose(&out);
	etsi__vec_dispose(&elements);
	etsi__buf_dispose(&tags);
	return error;
}

/* An element made in memory (the parser numbers the lines of the elements
 * it makes) inside one the parser made, that starts a line and holds
 * elements only, none of them set on lines of their own. */
static int unlaid(const xmlNode *node)
{
	const xmlNode *c;
	span ind;

	if (node->type != XML_ELEMENT_NODE || node->line != 0 || !node->children ||
	    !node->parent || node->parent->type != XML_ELEMENT_NODE ||
	    node->parent->line == 0 || !indent_of(node, &ind))
		return 0; /* a document made in memory (an import) is as made */
	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			return 0;
	}
	return 1;
}

/* Two blank texts side by side: an element between them was unlinked
 * without its line (the parser never leaves two texts side by side). */
static int debris(const xmlNode *node)
{
	return etsi__xml_is_blank(node) && etsi__xml_is_blank(node->next) &&
	       strchr((const char *)node->content, '\n') &&
	       strchr((const char *)node->next->content, '\n');
}

/* Joins each such pair as removing the element with its line would have
 * (etsi__xml_remove()). */
static void clear_debris(xmlNode *node)
{
	xmlNode *c, *next;

	for (c = node->children; c; c = next) {
		next = c->next;
		if (debris(c)) {
			const char *pc = (const char *)c->content, *fc = (const char *)next->content;
			const char *cut = strchr(pc, '\n'), *from = strchr(fc, '\n');
			int failed = 0;
			xmlNode *joined = join_text(node->doc, pc, (size_t)(cut - pc), from,
			                            strlen(from), &failed);

			if (failed)
				continue;
			if (joined)
				link_before(node, c, joined);
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			c = next;
			next = c->next;
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			if (joined)
				next = joined; /* it may meet another */
			continue;
		}
		if (c->type == XML_ELEMENT_NODE)
			clear_debris(c);
	}
}

static int any_unlaid(const xmlNode *node)
{
	for (; node; node = node->next) {
		if (debris(node))
			return 1;
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (unlaid(node) || any_unlaid(node->children))
			return 1;
	}
	return 0;
}

/* Lays out the unlaid subtrees of `copy`, found where they are in the
 * original (the copy has the same shape, debris included). */
static void lay_out_like(const xmlNode *orig, xmlNode *copy, span unit)
{
	for (; orig && copy; orig = orig->next, copy = copy->next) {
		span ind;

		if (orig->type != XML_ELEMENT_NODE)
			continue;
		if (unlaid(orig) && indent_of(copy, &ind))
			lay_out_subtree(copy, ind.p, ind.n, unit);
		else
			lay_out_like(orig->children, copy->children, unit);
	}
}

/* *out: a copy of a laid out document with its unlaid subtrees laid out,
 * or NULL when it has none. */
static int laid_out_copy(xmlDoc **out, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	*out = NULL;
	if (!root || !any_unlaid(root->children))
		return 0;
	*out = xmlCopyDoc(doc, 1);
	if (!*out)
		return etsi__error_oom();
	lay_out_like(root->children, xmlDocGetRootElement(*out)->children, indent_unit(root));
	clear_debris(xmlDocGetRootElement(*out));
	return 0;
}
