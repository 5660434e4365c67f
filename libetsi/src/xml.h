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

#define ETSI__DEFAULT_MAX_SIZE ((size_t)64 * 1024 * 1024)
#define ETSI__DEFAULT_MAX_DEPTH 64u
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

/* Reads a regular file of at most max_size bytes.  *out is NUL-terminated
 * and freed with etsi__free(). */
int etsi__read_file(char **out, size_t *len, const char *path, size_t max_size);

/* Parses a document (see above).  @p name is used in messages and as the
 * document URL. */
int etsi__xml_parse(xmlDoc **out, const char *data, size_t len, const char *name,
                    size_t max_size, unsigned int max_depth);

/* Serializes a document as indented UTF-8; *out is freed with etsi__free(). */
int etsi__xml_write(char **out, size_t *len, xmlDoc *doc);

/* Writes data to path atomically: temporary file in the same directory,
 * fsync, rename, fsync of the directory. */
int etsi__write_file_atomic(const char *path, const char *data, size_t len);

/* Tree helpers.  Namespace @p ns may be NULL for "no namespace". */
int etsi__xml_is(const xmlNode *node, const char *ns, const char *name);
xmlNode *etsi__xml_child(const xmlNode *parent, const char *ns, const char *name);
xmlNode *etsi__xml_next(const xmlNode *node, const char *ns, const char *name);
const char *etsi__xml_attr(const xmlNode *node, const char *name);
/* Borrowed text of an element whose content is a single text node; ""
 * when empty; NULL when the content is split (use xmlNodeGetContent). */
const char *etsi__xml_simple_text(const xmlNode *node);
int etsi__xml_line(const xmlNode *node);

#endif
