/* Unit tests of the hardened XML input (xml.c): etsi__xml_parse(),
 * etsi__read_file(), the atomic writer and the tree helpers.  Hostile inputs
 * are in tests/data/hostile/; large ones are generated here. */
#include "helpers.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "xml.h"

#define MARKER "TOP-SECRET-MARKER-4711"

static char *hostile(const char *name, size_t *len)
{
	char relative[256];

	snprintf(relative, sizeof(relative), "hostile/%s", name);
	return test_read_file(test_data_path(relative), len);
}

/* Parses a hostile fixture from memory; returns the code and frees any
 * document. */
static int parse_fixture(const char *name)
{
	xmlDoc *doc = (xmlDoc *)1;
	size_t len;
	char *data = hostile(name, &len);
	int rc = etsi__xml_parse(&doc, data, len, name, ETSI__DEFAULT_MAX_SIZE,
	                         ETSI__DEFAULT_MAX_DEPTH);

	if (rc < 0)
		assert_null(doc);
	xmlFreeDoc(doc);
	free(data);
	return rc;
}

/* A listening TCP socket on 127.0.0.1 with a free port; nothing must ever
 * connect to it. */
static int listen_local(int *port)
{
	struct sockaddr_in addr;
	socklen_t addrlen = sizeof(addr);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = 0;
	assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof(addr)), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&addr, &addrlen), 0);
	assert_int_equal(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK), 0);
	*port = ntohs(addr.sin_port);
	return fd;
}

static void assert_nothing_connected(int fd)
{
	int client = accept(fd, NULL, NULL);

	if (client >= 0) {
		close(client);
		fail_msg("something connected to the listening socket");
	}
	assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
}

/* ---- accepted input -------------------------------------------------- */

static void test_xml__minimal_document_parses(void **state)
{
	xmlDoc *doc = NULL;
	xmlNode *root, *child, *empty;
	size_t len;
	char *data = hostile("minimal.xml", &len);
	char *out = NULL;
	size_t outlen = 0;

	(void)state;
	assert_int_equal(etsi__xml_parse(&doc, data, len, "minimal.xml", len, 64), 0);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_true(etsi__xml_is(root, "urn:example:minimal", "root"));
	assert_false(etsi__xml_is(root, NULL, "root"));
	assert_false(etsi__xml_is(root, "urn:other", "root"));
	assert_str(etsi__xml_attr(root, "attr"), "value");
	assert_null(etsi__xml_attr(root, "missing"));
	child = etsi__xml_child(root, "urn:example:minimal", "child");
	assert_non_null(child);
	assert_str(etsi__xml_simple_text(child), "text & more");
	assert_int_equal(etsi__xml_line(child), 3);
	empty = etsi__xml_next(child, "urn:example:minimal", "empty");
	assert_non_null(empty);
	assert_str(etsi__xml_simple_text(empty), "");
	assert_int_equal(etsi__xml_line(empty), 5);
	assert_null(etsi__xml_next(empty, "urn:example:minimal", "empty"));
	assert_null(etsi__xml_child(root, NULL, "child"));
	assert_null(etsi__xml_child(NULL, NULL, "child"));
	assert_int_equal(etsi__xml_line(NULL), 0);

	/* serialization keeps the content and escapes it again */
	assert_int_equal(etsi__xml_write(&out, &outlen, doc), 0);
	assert_int_equal(strlen(out), outlen);
	assert_contains(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
	assert_contains(out, "<child>text &amp; more</child>");
	assert_contains(out, "<!-- a comment -->");
	etsi_free(out);
	xmlFreeDoc(doc);
	free(data);
}

static void test_xml__size_limit_is_inclusive(void **state)
{
	static const char doc_text[] = "<r/>";
	xmlDoc *doc = NULL;

	(void)state;
	assert_int_equal(etsi__xml_parse(&doc, doc_text, 4, "r", 4, 64), 0);
	assert_non_null(doc);
	xmlFreeDoc(doc);
}

/* ---- entities and DOCTYPE -------------------------------------------- */

struct secret {
	char *dir;
	char *path;
};

static struct secret make_secret(void)
{
	struct secret s;

	s.dir = test_mkdtemp();
	s.path = test_path_join(s.dir, "secret.txt");
	test_write_file(s.path, MARKER "\n", strlen(MARKER) + 1);
	return s;
}

static void free_secret(struct secret *s)
{
	test_rmtree(s->dir);
	free(s->dir);
	free(s->path);
}

static void check_external_entity(const char *fixture, const struct secret *s)
{
	char *text = hostile(fixture, NULL);
	char *doc_text = test_replace(text, "@SECRET@", s->path);
	char *doc_path = test_path_join(s->dir, fixture);
	etsi_dossier *dossier = NULL;
	xmlDoc *doc = NULL;
	const etsi_error *e;

	assert_non_null(strstr(doc_text, s->path));
	/* the parser alone */
	assert_etsi_error(etsi__xml_parse(&doc, doc_text, strlen(doc_text), fixture,
	                                  ETSI__DEFAULT_MAX_SIZE, 64),
	                  ETSI_EPARSE);
	assert_null(doc);
	e = etsi_error_last();
	assert_not_contains(e->message, MARKER);
	assert_contains(e->message, "DOCTYPE");
	assert_str(e->file, fixture);
	assert_int_equal(e->line, 2);

	/* and through the public loader, from a file */
	test_write_file(doc_path, doc_text, strlen(doc_text));
	assert_etsi_error(etsi_dossier_load(&dossier, doc_path, NULL), ETSI_EPARSE);
	assert_null(dossier);
	assert_not_contains(etsi_error_last()->message, MARKER);
	assert_str(etsi_error_last()->file, doc_path);
	/* not even without validation */
	{
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;

		opts.flags = ETSI_LOAD_NO_VALIDATE;
		assert_etsi_error(etsi_dossier_load_memory(&dossier, doc_text, strlen(doc_text),
		                                           "mem.xml", &opts),
		                  ETSI_EPARSE);
		assert_null(dossier);
		assert_not_contains(etsi_error_last()->message, MARKER);
	}
	unlink(doc_path);
	free(doc_path);
	free(doc_text);
	free(text);
}

static void test_xml__external_entity_refused(void **state)
{
	struct secret s = make_secret();

	(void)state;
	check_external_entity("xxe-file.xml", &s);
	check_external_entity("xxe-parameter.xml", &s);
	check_external_entity("external-dtd.xml", &s);
	free_secret(&s);
}

static void test_xml__billion_laughs_refused(void **state)
{
	etsi_dossier *dossier = NULL;
	size_t len;
	char *data;

	(void)state;
	assert_int_equal(parse_fixture("billion-laughs.xml"), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "DOCTYPE");
	assert_int_equal(etsi_error_last()->line, 2);
	data = hostile("billion-laughs.xml", &len);
	assert_etsi_error(etsi_dossier_load_memory(&dossier, data, len, "lol.xml", NULL),
	                  ETSI_EPARSE);
	assert_null(dossier);
	free(data);
}

static void test_xml__internal_subset_refused(void **state)
{
	(void)state;
	assert_int_equal(parse_fixture("internal-subset.xml"), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "DOCTYPE");
	assert_int_equal(etsi_error_last()->klass, ETSI_ERROR_CLASS_XML);
	/* even a bare DOCTYPE without a subset */
	assert_int_equal(parse_fixture("doctype-only.xml"), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "DOCTYPE");
	assert_int_equal(etsi_error_last()->line, 2);
}

static void test_xml__processing_instructions_refused(void **state)
{
	(void)state;
	assert_int_equal(parse_fixture("stylesheet-pi.xml"), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "processing instruction");
	assert_int_equal(etsi_error_last()->line, 2);
	assert_str(etsi_error_last()->file, "stylesheet-pi.xml");
	/* inside the document too */
	assert_int_equal(parse_fixture("pi-in-body.xml"), ETSI_EPARSE);
	assert_contains(etsi_error_last()->message, "processing instruction");
	assert_int_equal(etsi_error_last()->line, 4);
}

/* ---- limits ---------------------------------------------------------- */

static char *nested(size_t depth, size_t *len)
{
	char *buf = malloc(depth * 7 + 1);
	size_t i, n = 0;

	assert_non_null(buf);
	for (i = 0; i < depth; i++) {
		memcpy(buf + n, "<a>", 3);
		n += 3;
	}
	for (i = 0; i < depth; i++) {
		memcpy(buf + n, "</a>", 4);
		n += 4;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void test_xml__nesting_deeper_than_limit(void **state)
{
	xmlDoc *doc = NULL;
	size_t len;
	char *data = nested(100000, &len);

	(void)state;
	assert_etsi_error(etsi__xml_parse(&doc, data, len, "deep.xml", ETSI__DEFAULT_MAX_SIZE,
	                                  ETSI__DEFAULT_MAX_DEPTH),
	                  ETSI_ELIMIT);
	assert_null(doc);
	assert_contains(etsi_error_last()->message, "64");
	assert_str(etsi_error_last()->file, "deep.xml");
	free(data);

	/* through the public loader with its default limit */
	{
		etsi_dossier *dossier = NULL;

		data = nested(100000, &len);
		assert_etsi_error(etsi_dossier_load_memory(&dossier, data, len, NULL, NULL),
		                  ETSI_ELIMIT);
		assert_null(dossier);
		free(data);
	}
}

static void test_xml__nesting_limit_boundary(void **state)
{
	xmlDoc *doc = NULL;
	size_t len;
	char *data;

	(void)state;
	data = nested(64, &len);
	assert_int_equal(etsi__xml_parse(&doc, data, len, "d", len, 64), 0);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(data);

	data = nested(65, &len);
	assert_etsi_error(etsi__xml_parse(&doc, data, len, "d", len, 64), ETSI_ELIMIT);
	assert_null(doc);
	free(data);

	data = nested(10, &len);
	assert_int_equal(etsi__xml_parse(&doc, data, len, "d", len, 10), 0);
	xmlFreeDoc(doc);
	assert_etsi_error(etsi__xml_parse(&doc, data, len, "d", len, 9), ETSI_ELIMIT);
	free(data);
}

static void test_xml__raised_depth_limit_is_honoured(void **state)
{
	xmlDoc *doc = NULL;
	size_t len;
	char *data = nested(300, &len);
	int rc, code;

	(void)state;
	/* Regression test for a fixed bug: etsi__xml_parse() (libetsi/src/xml.c) documents max_depth as
	 * the deepest accepted nesting and etsi_load_options.max_depth tells
	 * users to raise it for genuine documents, but libxml2 is called
	 * without XML_PARSE_HUGE, so its own limit of 256 levels applies first:
	 * a 300-level document with max_depth 1000 fails with ETSI_EPARSE
	 * ("Excessive depth in document: 256 use XML_PARSE_HUGE option")
	 * instead of parsing. */
	rc = etsi__xml_parse(&doc, data, len, "d300", len, 1000);
	code = etsi_error_last()->code;
	xmlFreeDoc(doc);
	free(data);
	if (rc != 0)
		fail_msg("300 levels with max_depth 1000 gave %d (%s)", code,
		         etsi_error_last()->message);
}

static void test_xml__document_above_max_size(void **state)
{
	static const char garbage[] = "this is not XML at all <<<<";
	xmlDoc *doc = (xmlDoc *)1;

	(void)state;
	/* refused on its size alone: not parsed, so not EPARSE */
	assert_etsi_error(etsi__xml_parse(&doc, garbage, sizeof(garbage) - 1, "big.xml",
	                                  sizeof(garbage) - 2, 64),
	                  ETSI_ELIMIT);
	assert_null(doc);
	assert_str(etsi_error_last()->file, "big.xml");
	assert_contains(etsi_error_last()->message, "max_size");

	/* through the loader, from a file above the option's limit */
	{
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		etsi_dossier *dossier = NULL;
		char *dir = test_mkdtemp();
		char *path = test_path_join(dir, "big.xml");
		size_t n = 5000;
		char *big = malloc(n);

		assert_non_null(big);
		memset(big, '<', n);
		test_write_file(path, big, n);
		opts.max_size = 4096;
		assert_etsi_error(etsi_dossier_load(&dossier, path, &opts), ETSI_ELIMIT);
		assert_null(dossier);
		assert_str(etsi_error_last()->file, path);
		assert_etsi_error(etsi_dossier_load_memory(&dossier, big, n, "m", &opts), ETSI_ELIMIT);
		free(big);
		test_rmtree(dir);
		free(dir);
		free(path);
	}
}

/* ---- malformed input ------------------------------------------------- */

static void test_xml__invalid_utf8_refused(void **state)
{
	(void)state;
	assert_int_equal(parse_fixture("invalid-utf8.xml"), ETSI_EPARSE);
	assert_int_equal(etsi_error_last()->line, 2);
	assert_int_equal(parse_fixture("overlong-utf8.xml"), ETSI_EPARSE);
}

static void test_xml__nul_byte_refused(void **state)
{
	size_t len;
	char *data = hostile("nul-byte.xml", &len);

	(void)state;
	assert_true(memchr(data, '\0', len) != NULL);
	free(data);
	assert_int_equal(parse_fixture("nul-byte.xml"), ETSI_EPARSE);
	assert_int_equal(etsi_error_last()->line, 2);
}

static void test_xml__empty_input_refused(void **state)
{
	xmlDoc *doc = NULL;
	etsi_dossier *dossier = NULL;

	(void)state;
	assert_int_equal(parse_fixture("empty.xml"), ETSI_EPARSE);
	assert_etsi_error(etsi__xml_parse(&doc, "", 0, "e", 10, 64), ETSI_EPARSE);
	assert_null(doc);
	assert_etsi_error(etsi__xml_parse(&doc, "   \n ", 5, "e", 10, 64), ETSI_EPARSE);
	assert_null(doc);
	assert_etsi_error(etsi_dossier_load_memory(&dossier, "", 0, NULL, NULL), ETSI_EPARSE);
	assert_str(etsi_error_last()->file, "<memory>");
	assert_etsi_error(etsi_dossier_load(&dossier, test_data_path("hostile/empty.xml"), NULL),
	                  ETSI_EPARSE);
	assert_null(dossier);
}

static void test_xml__error_file_and_line(void **state)
{
	etsi_dossier *dossier = NULL;
	const char *path;

	(void)state;
	assert_int_equal(parse_fixture("malformed-line3.xml"), ETSI_EPARSE);
	assert_str(etsi_error_last()->file, "malformed-line3.xml");
	assert_int_equal(etsi_error_last()->line, 3);
	assert_int_equal(etsi_error_last()->klass, ETSI_ERROR_CLASS_XML);
	assert_contains(etsi_error_last()->message, "not well-formed");

	path = test_data_path("hostile/malformed-line3.xml");
	assert_etsi_error(etsi_dossier_load(&dossier, path, NULL), ETSI_EPARSE);
	assert_str(etsi_error_last()->file, test_data_path("hostile/malformed-line3.xml"));
	assert_int_equal(etsi_error_last()->line, 3);
}

/* ---- no network ------------------------------------------------------ */

static void test_xml__schema_location_not_fetched(void **state)
{
	char port_text[16];
	xmlDoc *doc = NULL;
	int port, fd;
	char *text, *once, *twice;

	(void)state;
	fd = listen_local(&port);
	snprintf(port_text, sizeof(port_text), "%d", port);
	text = hostile("schema-location.xml", NULL);
	once = test_replace(text, "@PORT@", port_text);
	twice = test_replace(once, "@PORT@", port_text);
	assert_int_equal(etsi__xml_parse(&doc, twice, strlen(twice), "remote.xml",
	                                 ETSI__DEFAULT_MAX_SIZE, 64),
	                 0);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(text);
	free(once);
	free(twice);

	/* a dossier that names a remote schema loads and validates against
	 * the built-in one */
	{
		char *camera = test_read_file(test_source_path("examples/dossiers/smart-camera-v3.xml"),
		                              NULL);
		char attr[256];
		char *remote;
		etsi_dossier *dossier = NULL;

		snprintf(attr, sizeof(attr),
		         "schema-version=\"1.0\" "
		         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
		         "xsi:schemaLocation=\"urn:libetsi:dossier:1 http://127.0.0.1:%d/d.xsd\"",
		         port);
		remote = test_replace(camera, "schema-version=\"1.0\"", attr);
		assert_int_equal(etsi_dossier_load_memory(&dossier, remote, strlen(remote),
		                                          "remote-dossier.xml", NULL),
		                 0);
		assert_int_equal(etsi_dossier_validate(NULL, dossier), 0);
		etsi_dossier_free(dossier);
		free(remote);
		free(camera);
	}

	/* an external DTD on the network is refused without being fetched */
	{
		char doc_text[256];

		snprintf(doc_text, sizeof(doc_text),
		         "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:%d/r.dtd\">\n"
		         "<r/>\n", port);
		assert_etsi_error(etsi__xml_parse(&doc, doc_text, strlen(doc_text), "dtd.xml",
		                                  ETSI__DEFAULT_MAX_SIZE, 64),
		                  ETSI_EPARSE);
		assert_null(doc);
	}
	assert_nothing_connected(fd);
	close(fd);
}

/* ---- files ----------------------------------------------------------- */

static void test_xml__read_file_errors(void **state)
{
	char *dir = test_mkdtemp();
	char *missing = test_path_join(dir, "missing.xml");
	char *file = test_path_join(dir, "file.bin");
	char *data = (char *)1;
	size_t len = 99;
	char content[2000];

	(void)state;
	assert_etsi_error(etsi__read_file(&data, &len, missing, 1024), ETSI_EIO);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_str(etsi_error_last()->file, missing);
	assert_contains(etsi_error_last()->message, "No such file");

	data = (char *)1;
	assert_etsi_error(etsi__read_file(&data, &len, dir, 1024), ETSI_EIO);
	assert_null(data);
	assert_str(etsi_error_last()->file, dir);

	memset(content, 'x', sizeof(content));
	test_write_file(file, content, sizeof(content));
	assert_etsi_error(etsi__read_file(&data, &len, file, sizeof(content) - 1), ETSI_ELIMIT);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_str(etsi_error_last()->file, file);

	/* at the limit exactly: read, NUL-terminated */
	assert_int_equal(etsi__read_file(&data, &len, file, sizeof(content)), 0);
	assert_int_equal(len, sizeof(content));
	assert_int_equal(data[len], '\0');
	assert_memory_equal(data, content, sizeof(content));
	etsi_free(data);

	/* through the public loader */
	{
		etsi_dossier *dossier = NULL;

		assert_etsi_error(etsi_dossier_load(&dossier, missing, NULL), ETSI_EIO);
		assert_etsi_error(etsi_dossier_load(&dossier, dir, NULL), ETSI_EIO);
		assert_null(dossier);
	}
	test_rmtree(dir);
	free(dir);
	free(missing);
	free(file);
}

static void test_xml__write_file_atomic(void **state)
{
	char *dir = test_mkdtemp();
	char *path = test_path_join(dir, "out.txt");
	char *sub = test_path_join(dir, "sub");
	char *inside_missing = test_path_join(dir, "no-such-dir/out.txt");
	struct stat st;
	char *back;
	size_t len;

	(void)state;
	assert_int_equal(etsi__write_file_atomic(path, "first", 5), 0);
	back = test_read_file(path, &len);
	assert_int_equal(len, 5);
	assert_str(back, "first");
	free(back);

	/* replacing keeps the permission bits */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(etsi__write_file_atomic(path, "second!", 7), 0);
	back = test_read_file(path, &len);
	assert_str(back, "second!");
	free(back);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(test_dir_count(dir), 1);

	/* a directory in the way, or a missing directory: EIO, nothing left */
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_etsi_error(etsi__write_file_atomic(sub, "x", 1), ETSI_EIO);
	assert_etsi_error(etsi__write_file_atomic(inside_missing, "x", 1), ETSI_EIO);
	assert_int_equal(test_dir_count(dir), 2);
	assert_int_equal(test_dir_count(sub), 0);

	test_rmtree(dir);
	free(dir);
	free(path);
	free(sub);
	free(inside_missing);
}

/* ---- layout: whitespace kept, insertion and removal by lines ---------- */

static xmlDoc *laid_out(const char *text)
{
	xmlDoc *doc = NULL;

	assert_int_equal(etsi__xml_parse_layout(&doc, text, strlen(text), "t.xml",
	                                        ETSI__DEFAULT_MAX_SIZE, ETSI__DEFAULT_MAX_DEPTH), 0);
	return doc;
}

static char *written(xmlDoc *doc)
{
	char *out = NULL, *copy;
	size_t len;

	assert_int_equal(etsi__xml_write(&out, &len, doc), 0);
	assert_int_equal(strlen(out), len);
	copy = strdup(out);
	etsi_free(out);
	return copy;
}

static xmlNode *element(xmlDoc *doc, const char *path)
{
	xmlNode *n = xmlDocGetRootElement(doc);
	char name[32];

	while (n && *path) {
		size_t k = strcspn(path, "/");

		snprintf(name, sizeof(name), "%.*s", (int)k, path);
		n = etsi__xml_child(n, NULL, name);
		path += k + (path[k] == '/');
	}
	return n;
}

/* Inserts <name/> into the element at path, before its child `before`
 * (NULL: at the end), and checks the text written. */
static void check_insert(const char *text, const char *path, const char *before,
                         const char *name, const char *expect)
{
	xmlDoc *doc = laid_out(text);
	xmlNode *parent = element(doc, path);
	xmlNode *child = xmlNewDocNode(doc, NULL, (const xmlChar *)name, NULL);
	char *out;

	assert_non_null(parent);
	etsi__xml_insert(parent, child, before ? etsi__xml_child(parent, NULL, before) : NULL);
	out = written(doc);
	assert_string_equal(out, expect);
	/* and removed again: the text as it was */
	etsi__xml_remove(child);
	xmlFreeNode(child);
	free(out);
	out = written(doc);
	assert_string_equal(out, text);
	free(out);
	xmlFreeDoc(doc);
}

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static void test_xml__layout_kept(void **state)
{
	const char *text = DECL "<r>\n\n\t<a x=\"1\"   y='2'/>  <!-- c -->\n"
	                   "\t<b><c/></b>\n</r>\n";
	xmlDoc *doc = laid_out(text);
	char *out = written(doc);

	(void)state;
	/* the layout is kept; spacing and quotes inside tags are libxml2's */
	assert_string_equal(out, DECL "<r>\n\n\t<a x=\"1\" y=\"2\"/>  <!-- c -->\n"
	                    "\t<b><c/></b>\n</r>\n");
	assert_true(etsi__xml_has_layout(doc));
	free(out);
	xmlFreeDoc(doc);
	/* the hardened parse drops it, and the writer indents */
	assert_int_equal(etsi__xml_parse(&doc, text, strlen(text), "t.xml",
	                                 ETSI__DEFAULT_MAX_SIZE, ETSI__DEFAULT_MAX_DEPTH), 0);
	assert_false(etsi__xml_has_layout(doc));
	out = written(doc);
	assert_string_equal(out, DECL "<r>\n  <a x=\"1\" y=\"2\"/>\n  <!-- c -->\n"
	                    "  <b>\n    <c/>\n  </b>\n</r>\n");
	free(out);
	xmlFreeDoc(doc);
}

static void test_xml__layout_insert_and_remove(void **state)
{
	(void)state;
	/* after a sibling, set off like it (blank line), indented like it */
	check_insert(DECL "<r>\n    <a/>\n\n    <b/>\n</r>\n", "", NULL, "n",
	             DECL "<r>\n    <a/>\n\n    <b/>\n\n    <n/>\n</r>\n");
	/* between siblings, after the one before it and a comment on its line */
	check_insert(DECL "<r>\n    <a/> <!-- about a -->\n    <!-- about b -->\n    <b/>\n</r>\n",
	             "", "b", "n",
	             DECL "<r>\n    <a/> <!-- about a -->\n    <n/>\n    <!-- about b -->\n"
	             "    <b/>\n</r>\n");
	/* first, before the others */
	check_insert(DECL "<r>\n\t<a>\n\t\t<b/>\n\t</a>\n</r>\n", "a", "b", "n",
	             DECL "<r>\n\t<a>\n\t\t<n/>\n\t\t<b/>\n\t</a>\n</r>\n");
	/* into an empty element: one step deeper, in the file's step */
	check_insert(DECL "<r>\n   <a/>\n   <b>\n      <c/>\n   </b>\n</r>\n", "a", NULL, "n",
	             DECL "<r>\n   <a>\n      <n/>\n   </a>\n   <b>\n      <c/>\n   </b>\n</r>\n");
	check_insert(DECL "<r>\n  <a>\n    <!-- none yet -->\n  </a>\n</r>\n", "a", NULL, "n",
	             DECL "<r>\n  <a>\n    <!-- none yet -->\n    <n/>\n  </a>\n</r>\n");
	/* inline content stays inline */
	check_insert(DECL "<r>\n  <a><b/><c/></a>\n</r>\n", "a", "c", "n",
	             DECL "<r>\n  <a><b/><n/><c/></a>\n</r>\n");
	check_insert(DECL "<r>\n  <a><b/></a>\n</r>\n", "a/b", NULL, "n",
	             DECL "<r>\n  <a><b><n/></b></a>\n</r>\n");
}

static void test_xml__layout_remove_lines(void **state)
{
	const char *text = DECL "<r>\n  <a/>\n\n  <b>\n    <c/>\n  </b>\n  <d/>\n</r>\n";
	xmlDoc *doc = laid_out(text);
	xmlNode *b = element(doc, "b");
	char *out;

	(void)state;
	/* its lines, with the blank line that set it off: nothing left over */
	etsi__xml_remove(b);
	xmlFreeNode(b);
	out = written(doc);
	assert_string_equal(out, DECL "<r>\n  <a/>\n  <d/>\n</r>\n");
	free(out);
	xmlFreeDoc(doc);
	/* an element unlinked by other means leaves no debris in the file */
	doc = laid_out(text);
	b = element(doc, "b");
	xmlUnlinkNode(b);
	xmlFreeNode(b);
	out = written(doc);
	assert_string_equal(out, DECL "<r>\n  <a/>\n  <d/>\n</r>\n");
	free(out);
	xmlFreeDoc(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xml__minimal_document_parses),
		cmocka_unit_test(test_xml__size_limit_is_inclusive),
		cmocka_unit_test(test_xml__external_entity_refused),
		cmocka_unit_test(test_xml__billion_laughs_refused),
		cmocka_unit_test(test_xml__internal_subset_refused),
		cmocka_unit_test(test_xml__processing_instructions_refused),
		cmocka_unit_test(test_xml__nesting_deeper_than_limit),
		cmocka_unit_test(test_xml__nesting_limit_boundary),
		cmocka_unit_test(test_xml__raised_depth_limit_is_honoured),
		cmocka_unit_test(test_xml__document_above_max_size),
		cmocka_unit_test(test_xml__invalid_utf8_refused),
		cmocka_unit_test(test_xml__nul_byte_refused),
		cmocka_unit_test(test_xml__empty_input_refused),
		cmocka_unit_test(test_xml__error_file_and_line),
		cmocka_unit_test(test_xml__schema_location_not_fetched),
		cmocka_unit_test(test_xml__read_file_errors),
		cmocka_unit_test(test_xml__write_file_atomic),
		cmocka_unit_test(test_xml__layout_kept),
		cmocka_unit_test(test_xml__layout_insert_and_remove),
		cmocka_unit_test(test_xml__layout_remove_lines),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
