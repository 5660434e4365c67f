/*
 * Hardened XML input and small tree helpers.
 *
 * Documents are parsed without network access, without loading or
 * expanding external or internal entities, with DOCTYPE declarations and
 * processing instructions refused, and with bounds on size and nesting
 * depth.  Errors are captured per parser context, never through libxml2's
 * global handlers.
 */
#ifndef ETSI_SRC_XML_H
#define ETSI_SRC_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "file.h"
#include "util.h"

#define ETSI__DEFAULT_MAX_SIZE ((size_t)64 * 1024 * 1024)
#define ETSI__DEFAULT_MAX_DEPTH 64u
/* Elements of an XML document, values of a JSON one, cells of a CSV
 * table (etsi_load_options.max_elements, etsi_import_options.max_elements):
 * each costs a fixed amount of memory however few bytes it takes, so
 * their number is bounded before parsing (docs/hardening.md, "Memory"). */
#define ETSI__DEFAULT_MAX_ELEMENTS ((size_t)1000000)
/* Components of an SBOM, rows of an ICS table an import adds
 * (etsi_import_options.max_records). */
#define ETSI__DEFAULT_MAX_RECORDS ((size_t)10000)
/* The max_elements of load or import options, which version 2 added; 0
 * (the default) without options or from a version 1 caller. */
#define ETSI__MAX_ELEMENTS_OF(opts) \
	((opts) && (opts)->version >= 2 ? (opts)->max_elements : 0)
/* Bounds checked before parsing (see prescan() in xml.c): attributes of
 * one element, namespace declarations included, and namespace
 * declarations in scope at once. */
#define ETSI__MAX_ATTRIBUTES 64u
#define ETSI__MAX_NAMESPACES 64u
/* Comments in a row (with only text between them), checked likewise. */
#define ETSI__MAX_COMMENT_RUN 1000u

#define ETSI__NS_DOSSIER "urn:libetsi:dossier:1"
#define ETSI__NS_CATALOG "urn:libetsi:catalog:1"
#define ETSI__NS_RESULTS "urn:libetsi:results:1"
#define ETSI__NS_REPORT "urn:libetsi:report:1"

/* Parses a document (see above).  @p name is used in messages and as the
 * document URL. */
int etsi__xml_parse(xmlDoc **out, const char *data, size_t len, const char *name,
                    size_t max_size, unsigned int max_depth);
/* The same, keeping the whitespace between elements as text nodes, so that
 * etsi__xml_write() gives the document back as it was written (dossiers,
 * which users keep in version control). */
int etsi__xml_parse_layout(xmlDoc **out, const char *data, size_t len, const char *name,
                           size_t max_size, unsigned int max_depth);
/* Either of the above (@p keep_layout) with a bound on the number of
 * elements too (0: ETSI__DEFAULT_MAX_ELEMENTS, which the two above
 * apply); @p options names where a caller raises the limits in messages
 * ("etsi_load_options", "etsi_import_options"). */
int etsi__xml_parse_limited(xmlDoc **out, const char *data, size_t len, const char *name,
                            size_t max_size, unsigned int max_depth, size_t max_elements,
                            int keep_layout, const char *options);

/* Serializes a document as UTF-8; *out is freed with etsi__free().  A
 * document that carries its own layout (whitespace between the root's
 * children, as etsi__xml_parse_layout() keeps it) is written as it is;
 * any other is indented by two spaces a level. */
int etsi__xml_write(char **out, size_t *len, xmlDoc *doc);

/* Tree helpers.  Namespace @p ns may be NULL for "no namespace". */
int etsi__xml_is(const xmlNode *node, const char *ns, const char *name);
xmlNode *etsi__xml_child(const xmlNode *parent, const char *ns, const char *name);
xmlNode *etsi__xml_next(const xmlNode *node, const char *ns, const char *name);
const char *etsi__xml_attr(const xmlNode *node, const char *name);
/* Borrowed text of an element whose content is a single text node; ""
 * when empty; NULL when the content is split (use xmlNodeGetContent). */
const char *etsi__xml_simple_text(const xmlNode *node);
int etsi__xml_line(const xmlNode *node);

/* Whether a document carries its own layout (see etsi__xml_write()). */
int etsi__xml_has_layout(const xmlDoc *doc);
/* Whether a node is a text node of whitespace only. */
int etsi__xml_is_blank(const xmlNode *node);
/* Links child into parent before `before` (NULL: at the end) and, in a
 * document with a layout, on a line of its own indented like its siblings
 * (a subtree built without whitespace is indented too). */
void etsi__xml_insert(xmlNode *parent, xmlNode *child, xmlNode *before);
/* Unlinks node (the caller frees it) and, in a document with a layout,
 * the line break and indentation that were its own. */
void etsi__xml_remove(xmlNode *node);
/* Frees the whitespace-only text nodes between the elements under node
 * (those of an element that holds elements or comments and no other
 * text): what a parse without the layout leaves out. */
void etsi__xml_strip_layout(xmlNode *node);

/* What a parsed file wrote otherwise than libetsi writes it, so that
 * writing the document again gives the file's text back: the start tags
 * written otherwise (attributes on several lines, other spacing or
 * quotes), by element, and the XML declaration. */
typedef struct etsi__xml_source {
	etsi__map tags;   /* element address -> "libetsi's tag\0the file's tag" */
	char *decl;       /* the file's declaration ("" none), NULL: libetsi's */
} etsi__xml_source;

/* Records what @p data, parsed into @p doc with its layout, wrote
 * otherwise than etsi__xml_write() would. */
int etsi__xml_source_record(etsi__xml_source *src, xmlDoc *doc, const char *data, size_t len);
/* Puts the file's start tags back into a serialization of @p doc, for the
 * elements whose attributes did not change since, and its declaration. */
int etsi__xml_source_apply(const etsi__xml_source *src, xmlDoc *doc, char **text, size_t *len);
void etsi__xml_source_dispose(etsi__xml_source *src);

#endif
