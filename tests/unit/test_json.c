/* Unit tests of the JSON form of a dossier (json.c): XML -> JSON -> XML is
 * lossless in canonical form (C14N 1.0 inclusive and exclusive, with
 * comments) for every example and every file under tests/data that is a
 * valid dossier (json-edges.xml and facts-full.xml among them); every typed
 * product fact has its place in the form; the export is deterministic; bad
 * JSON (a fact's value among them) is refused with its JSON path or line and
 * column; the element table follows xsd/dossier.xsd. */
#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <valgrind/valgrind.h>

#include "dossier_impl.h"
#include "json.h"

/* ---- helpers ------------------------------------------------------------- */

static char *c14n(xmlDocPtr doc, int mode)
{
	xmlChar *out = NULL;
	int n = xmlC14NDocDumpMemory(doc, NULL, mode, NULL, 1, &out);
	char *copy;

	assert_true(n >= 0);
	copy = strndup((const char *)out, (size_t)n);
	xmlFree(out);
	return copy;
}

static char *export_json(etsi_dossier *d)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL, *copy;
	size_t len = 0;
	int rc;

	opts.format = "json";
	rc = etsi_dossier_export(&out, &len, d, &opts);
	if (rc != 0)
		fail_msg("export: %d %s", rc, etsi_error_last()->message);
	assert_int_equal(strlen(out), len);
	copy = strdup(out);
	etsi_free(out);
	return copy;
}

static etsi_dossier *import_json(const char *json)
{
	etsi_dossier *d = NULL;
	int rc = etsi_dossier_load_json(&d, json, strlen(json), "test.json", NULL);

	if (rc != 0)
		fail_msg("load_json: %d %s", rc, etsi_error_last()->message);
	return d;
}

/* XML -> JSON -> XML, compared in canonical form, and JSON -> XML -> JSON
 * compared byte for byte.  Returns 1 when the file was a valid dossier. */
static int round_trip(const char *path)
{
	etsi_dossier *d = NULL, *back;
	char *json, *again;
	int mode;

	if (etsi_dossier_load(&d, path, NULL) != 0)
		return 0;
	json = export_json(d);
	back = import_json(json);
	for (mode = 0; mode < 2; mode++) {
		int how = mode ? XML_C14N_EXCLUSIVE_1_0 : XML_C14N_1_0;
		char *a = c14n(d->store.docs[0], how);
		char *b = c14n(back->store.docs[0], how);

		if (strcmp(a, b) != 0) {
			size_t i = 0;

			while (a[i] && a[i] == b[i])
				i++;
			fail_msg("%s: canonical forms differ (%s) at byte %zu: ...%.80s... vs ...%.80s...",
			         path, mode ? "exclusive" : "inclusive", i, a + (i > 20 ? i - 20 : 0),
			         b + (i > 20 ? i - 20 : 0));
		}
		free(a);
		free(b);
	}
	again = export_json(back);
	if (strcmp(json, again) != 0)
		fail_msg("%s: the JSON of the imported dossier differs from the first export", path);
	free(again);
	free(json);
	etsi_dossier_free(back);
	etsi_dossier_free(d);
	return 1;
}

/* Under valgrind, some fifty times slower, the whole-tree pass round-trips
 * every fourth file (the files it skips are the native runs' and ASan's);
 * every other pass takes them all. */
static size_t seen_files, stride = 1;

static size_t round_trip_dir(const char *dir, int recurse)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t count = 0;

	assert_non_null(dp);
	while ((e = readdir(dp))) {
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = test_path_join(dir, e->d_name);
		assert_int_equal(stat(path, &st), 0);
		if (S_ISDIR(st.st_mode) && recurse)
			count += round_trip_dir(path, recurse);
		else if (S_ISREG(st.st_mode) && strlen(e->d_name) > 4 &&
		         strcmp(e->d_name + strlen(e->d_name) - 4, ".xml") == 0 &&
		         seen_files++ % stride == 0)
			count += (size_t)round_trip(path);
		free(path);
	}
	closedir(dp);
	return count;
}

static size_t xml_count(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);

		n += e->d_name[0] != '.' && len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0;
	}
	closedir(dp);
	return n;
}

/* ---- round trips ----------------------------------------------------------- */

static void test_json__round_trip_examples(void **state)
{
	(void)state;
	/* every example, each a valid dossier */
	assert_int_equal(round_trip_dir(test_source_path("examples/dossiers"), 0),
	                 xml_count(test_source_path("examples/dossiers")));
}

/* Every file under tests/data that loads as a valid dossier, wherever it
 * is: valid, rules (all but the schema rule's), reports, lifecycle, migrate,
 * interchange and the hostile files libetsi accepts (CDATA, comments
 * everywhere, UTF-16, Latin-1, redeclared namespaces, XML 1.1). */
static void test_json__round_trip_test_dossiers(void **state)
{
	size_t n;

	(void)state;
	assert_true(round_trip_dir(test_data_path("valid"), 0) >= 2);
	assert_true(round_trip_dir(test_data_path("hostile"), 0) >= 15);
	assert_true(round_trip_dir(test_data_path("lifecycle"), 1) >= 1);
	assert_true(round_trip_dir(test_data_path("migrate"), 1) >= 1);
	stride = RUNNING_ON_VALGRIND ? 4 : 1;
	n = round_trip_dir(test_data_path("."), 1);
	stride = 1;
	print_message("%zu test dossiers round-tripped\n", n);
	/* 143 when this was written; about a quarter under valgrind */
	assert_true(n >= (RUNNING_ON_VALGRIND ? 35u : 140u));
}

static void test_json__round_trip_edges(void **state)
{
	(void)state;
	assert_true(round_trip(test_data_path("interchange/json-edges.xml")));
}

/* A dossier changed through the API (no line numbers, new elements) round
 * trips too, and so does a new skeleton. */
static void test_json__round_trip_changed(void **state)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	char *json;
	etsi_dossier *back;
	char *a, *b;

	(void)state;
	opts.model = "EX-1";
	opts.release = "1.0";
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	assert_int_equal(etsi_dossier_set_ics(d, "5.3-2", "Y", "Line one\n\n\tindented  line two "), 0);
	json = export_json(d);
	back = import_json(json);
	a = c14n(d->store.docs[0], XML_C14N_1_0);
	b = c14n(back->store.docs[0], XML_C14N_1_0);
	assert_string_equal(a, b);
	assert_str(etsi_record_get(etsi_dossier_find(back, ETSI_KIND_ICS_ENTRY, "5.3-2"), "detail"),
	           "Line one\n\n\tindented  line two ");
	free(a);
	free(b);
	free(json);
	etsi_dossier_free(back);
	etsi_dossier_free(d);
}

/* ---- the form ------------------------------------------------------------------ */

static json_t *edges_json(void)
{
	etsi_dossier *d = NULL;
	json_error_t jerr;
	json_t *top;
	char *text;

	assert_int_equal(etsi_dossier_load(&d, test_data_path("interchange/json-edges.xml"), NULL), 0);
	text = export_json(d);
	top = json_loads(text, 0, &jerr);
	assert_non_null(top);
	free(text);
	etsi_dossier_free(d);
	return top;
}

static const char *str_at(json_t *root, const char *pointer)
{
	json_t *v = root;
	char buf[512], *p, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", pointer);
	for (p = strtok_r(buf, "/", &save); p && v; p = strtok_r(NULL, "/", &save)) {
		if (json_is_array(v))
			v = json_array_get(v, (size_t)atoi(p));
		else
			v = json_object_get(v, p);
	}
	if (!json_is_string(v))
		fail_msg("%s is not a string", pointer);
	return json_string_value(v);
}

static void test_json__form(void **state)
{
	json_t *top = edges_json(), *v;

	(void)state;
	assert_string_equal(str_at(top, "format"), "urn:libetsi:dossier-json:1");
	/* the namespaces, the prefix of the dossier's elements */
	assert_string_equal(str_at(top, "dossier/#prefix"), "d");
	assert_string_equal(str_at(top, "dossier/#xmlns/d"), "urn:libetsi:dossier:1");
	assert_string_equal(str_at(top, "dossier/#xmlns/acme"), "urn:example:acme:plm");
	/* attributes by name, extension attributes by qualified name */
	assert_string_equal(str_at(top, "dossier/schema-version"), "1.0");
	assert_string_equal(str_at(top, "dossier/acme:workspace"), "EX-100/1.0");
	assert_string_equal(str_at(top, "dossier/xml:lang"), "en");
	/* a text element with nothing else is its text, exactly */
	assert_string_equal(str_at(top, "dossier/header/release/scope"),
	                    "  Leading spaces, a tab\there,\ntwo lines and trailing spaces  ");
	assert_string_equal(str_at(top, "dossier/header/title"),
	                    "Example Plug EX-100 \xe2\x80\x94 JSON edge cases \xf0\x9f\x94\x8c");
	/* with an attribute it is an object with #text */
	assert_string_equal(str_at(top, "dossier/dut/description/acme:revision"), "3");
	assert_string_equal(str_at(top, "dossier/dut/description/#text"),
	                    "First paragraph with <angle> brackets & ampersands.\n\n"
	                    "Second paragraph after a blank line.");
	/* repeated elements are arrays, even of one */
	v = json_object_get(json_object_get(json_object_get(top, "dossier"), "update-boundary"),
	                    "component");
	assert_true(json_is_array(v));
	assert_int_equal(json_array_size(v), 1);
	assert_string_equal(str_at(top, "dossier/update-boundary/component/0/hash/0/alg"), "SHA-256");
	/* a comment inside a text: #content keeps where it was */
	assert_string_equal(str_at(top, "dossier/update-boundary/component/0/description/#content/0"),
	                    "Firmware ");
	assert_string_equal(str_at(top, "dossier/update-boundary/component/0/description/#content/1/comment"),
	                    " an inline comment ");
	/* CDATA is text */
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/trust-relationship/#text"),
	                    "ECDSA P-256 signature <verified> before install.");
	/* a comment between elements: #misc, after the 5 elements before it
	 * (among the file's line breaks and indentation, kept there too) */
	{
		json_t *misc = json_object_get(json_object_get(json_object_get(top, "dossier"),
		                                               "header"), "#misc");
		size_t i;

		v = NULL;
		for (i = 0; !v && i < json_array_size(misc); i++) {
			if (json_object_get(json_array_get(misc, i), "comment"))
				v = json_array_get(misc, i);
		}
		assert_non_null(v);
		assert_int_equal(json_integer_value(json_object_get(v, "at")), 5);
		v = json_array_get(misc, 0);
		assert_string_equal(json_string_value(json_object_get(v, "text")), "\n    ");
	}
	/* extension elements, generic */
	assert_string_equal(str_at(top, "dossier/header/#extensions/0/#name"), "acme:ticket");
	v = json_object_get(json_array_get(json_object_get(json_array_get(json_object_get(
	        json_object_get(json_object_get(top, "dossier"), "header"), "#extensions"), 1),
	        "#content"), 1), "#xmlns");
	assert_string_equal(json_string_value(json_object_get(v, "")), "");
	assert_string_equal(str_at(top, "dossier/#extensions/0/#name"), "acme:trailer");
	/* comments around the root */
	assert_non_null(strstr(str_at(top, "prolog/0/comment"), "Edge cases"));
	assert_string_equal(str_at(top, "epilog/0/comment"), " a comment after the root ");
	/* empty and white-space-only text fields */
	assert_string_equal(str_at(top, "dossier/ixit/soft-comp/0/description"), "");
	assert_string_equal(str_at(top, "dossier/ixit/upd-mech/0/description"), "   ");
	json_decref(top);
}

static void test_json__deterministic(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	char *a = export_json(d), *b = export_json(d);
	size_t n = strlen(a);

	(void)state;
	assert_string_equal(a, b);
	assert_true(n > 1000 && a[n - 1] == '\n');
	/* fixed key order: the header comes before the DUT, as in the XML */
	assert_true(strstr(a, "\"header\"") < strstr(a, "\"dut\""));
	free(a);
	free(b);
	etsi_dossier_free(d);
}

/* The rank of a key in the documented order: #prefix, #xmlns, the
 * attributes in schema order, attributes of other namespaces, #text or
 * #content, the children in schema order, #extensions, #misc. */
static int key_rank(const char *key, const char *const *attrs, const char *const *children)
{
	size_t i;

	if (strcmp(key, "#prefix") == 0)
		return 0;
	if (strcmp(key, "#xmlns") == 0)
		return 1;
	for (i = 0; attrs && attrs[i]; i++) {
		if (strcmp(key, attrs[i]) == 0)
			return 100 + (int)i;
	}
	if (strchr(key, ':'))
		return 1000;
	if (strcmp(key, "#text") == 0 || strcmp(key, "#content") == 0)
		return 2000;
	for (i = 0; children && children[i]; i++) {
		if (strcmp(key, children[i]) == 0)
			return 3000 + (int)i;
	}
	if (strcmp(key, "#extensions") == 0)
		return 10000;
	if (strcmp(key, "#misc") == 0)
		return 10001;
	fail_msg("key '%s' has no place in the documented order", key);
	return -1;
}

/* Walks an element's object (keys in the order jansson read them) and
 * checks every key is where docs/interchange.md says; returns the number
 * of elements checked. */
static size_t check_key_order(json_t *obj, const char *name)
{
	const char *const *attrs, *const *children;
	int content, repeated, rank, last = -1;
	size_t checked = 1, i;
	const char *key;
	json_t *v, *item;

	if (!json_is_object(obj))
		return 0;
	if (etsi__json_element_info(name, &content, &attrs, &children, &repeated) != 0)
		fail_msg("'%s' is not an element of the dossier namespace", name);
	json_object_foreach(obj, key, v) {
		rank = key_rank(key, attrs, children);
		if (rank < last || (rank == last && rank != 1000))
			fail_msg("<%s>: key '%s' is out of the documented order", name, key);
		last = rank;
		if (rank < 3000 || rank >= 10000)
			continue;
		if (json_is_array(v)) {
			json_array_foreach(v, i, item)
				checked += check_key_order(item, key);
		} else {
			checked += check_key_order(v, key);
		}
	}
	return checked;
}

/* Keys come in schema order, whatever the order of the XML's attributes:
 * two documents that differ only in attribute order and namespace
 * declaration order give the same bytes. */
static void test_json__key_order(void **state)
{
	static const char *const examples[] = { "smart-camera-v3.xml", "smart-plug-usb-v3.xml",
	                                        "constrained-sensor-v2.xml" };
	etsi_dossier *d, *shuffled = NULL;
	json_error_t jerr;
	json_t *top;
	char *xml, *swapped, *again, *a, *b;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		d = test_load_example(examples[i], NULL);
		a = export_json(d);
		top = json_loads(a, 0, &jerr);
		assert_non_null(top);
		assert_true(check_key_order(json_object_get(top, "dossier"), "dossier") > 100);
		json_decref(top);
		free(a);
		etsi_dossier_free(d);
	}
	top = edges_json();
	assert_true(check_key_order(json_object_get(top, "dossier"), "dossier") > 10);
	json_decref(top);

	xml = test_read_file(test_data_path("valid/minimal-v3.xml"), &len);
	swapped = test_replace(xml, "<component id=\"fw\" kind=\"firmware\" updateable=\"true\">",
	                       "<component updateable=\"true\" kind=\"firmware\" id=\"fw\">");
	again = test_replace(swapped, "<mechanism id=\"ota\" path=\"device-download\" "
	                     "network=\"true\" automatic=\"true\" notification=\"true\">",
	                     "<mechanism notification=\"true\" automatic=\"true\" network=\"true\" "
	                     "path=\"device-download\" id=\"ota\">");
	assert_int_equal(etsi_dossier_load(&d, test_data_path("valid/minimal-v3.xml"), NULL), 0);
	assert_int_equal(etsi_dossier_load_memory(&shuffled, again, strlen(again), "shuffled.xml",
	                                          NULL), 0);
	a = export_json(d);
	b = export_json(shuffled);
	assert_string_equal(a, b);
	assert_true(strstr(a, "\"id\": \"ota\"") < strstr(a, "\"path\": \"device-download\""));
	free(a);
	free(b);
	free(again);
	free(swapped);
	free(xml);
	etsi_dossier_free(shuffled);
	etsi_dossier_free(d);
}

/* Every typed product fact (tests/data/interchange/facts-full.xml uses each
 * element and attribute at least once, unknown values, repeated crypto and
 * other-install-path elements, a self-assessment, a git-pinned artifact)
 * round-trips, and has its place in the form. */
static void test_json__round_trip_facts(void **state)
{
	etsi_dossier *d = NULL;
	json_error_t jerr;
	json_t *top, *v;
	char *text;

	(void)state;
	assert_true(round_trip(test_data_path("interchange/facts-full.xml")));
	assert_int_equal(etsi_dossier_load(&d, test_data_path("interchange/facts-full.xml"), NULL), 0);
	text = export_json(d);
	top = json_loads(text, 0, &jerr);
	assert_non_null(top);
	assert_true(check_key_order(json_object_get(top, "dossier"), "dossier") > 100);
	/* mechanism facts: one object per element, crypto an array */
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/verification/where"),
	                    "device-before-install");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/verification/by"),
	                    "comp-se");
	v = json_object_get(json_array_get(json_object_get(json_object_get(json_object_get(top,
	        "dossier"), "update-boundary"), "mechanism"), 0), "crypto");
	assert_true(json_is_array(v));
	assert_int_equal(json_array_size(v), 5);
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/crypto/0/use"),
	                    "signature");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/crypto/0/key-bits"),
	                    "256");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/crypto/0/authenticated"),
	                    "true");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/verification-key/location"),
	                    "secure-element");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/transport/tls"), "1.3");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/update-source/kind"),
	                    "vendor-service");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/anti-rollback/kind"),
	                    "hardware-counter");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/recovery/kind"),
	                    "dual-bank");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/automation/default"),
	                    "opt-out-at-setup");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/update-check/period"),
	                    "P1D");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/0/notice/disruption"),
	                    "announced");
	/* unknown is a value, kept as it is */
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/1/verification-key/location"),
	                    "unknown");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/1/transport/server-authenticated"),
	                    "unknown");
	assert_string_equal(str_at(top, "dossier/update-boundary/mechanism/2/verification/where"),
	                    "unknown");
	/* not stated: no key at all */
	v = json_array_get(json_object_get(json_object_get(json_object_get(top, "dossier"),
	                                                   "update-boundary"), "mechanism"), 2);
	assert_null(json_object_get(v, "crypto"));
	assert_null(json_object_get(v, "transport"));
	/* component facts: other-install-path an array, with its text */
	assert_string_equal(str_at(top, "dossier/update-boundary/component/2/boot-verification/verified"),
	                    "true");
	assert_string_equal(str_at(top, "dossier/update-boundary/component/1/boot-verification/verified"),
	                    "unknown");
	assert_string_equal(str_at(top, "dossier/update-boundary/component/2/carries/network-stack"),
	                    "true");
	v = json_object_get(json_array_get(json_object_get(json_object_get(json_object_get(top,
	        "dossier"), "update-boundary"), "component"), 2), "other-install-path");
	assert_int_equal(json_array_size(v), 3);
	assert_string_equal(str_at(top, "dossier/update-boundary/component/2/other-install-path/2/kind"),
	                    "debug-interface");
	assert_string_equal(str_at(top, "dossier/update-boundary/component/2/other-install-path/2/verifies"),
	                    "unknown");
	assert_contains(str_at(top, "dossier/update-boundary/component/2/other-install-path/0/#text"),
	                "USB-C service mode");
	/* support period, public support end, git-pinned artifact */
	assert_string_equal(str_at(top, "dossier/ixit/user-info/support-period/duration"), "P5Y");
	assert_string_equal(str_at(top, "dossier/ixit/user-info/support-period/stated"), "stated");
	assert_string_equal(str_at(top, "dossier/header/public-statement/support-end"), "2031-12-31");
	assert_non_null(strstr(text, "\"git-oid\": \"3f786850e387550fdab836ed7e6dc881de23001b\""));
	/* the supplier's self-assessment, after the verdicts */
	v = json_object_get(json_object_get(json_object_get(top, "dossier"), "self-assessment"),
	                    "result");
	assert_int_equal(json_array_size(v), 5);
	assert_string_equal(str_at(top, "dossier/self-assessment/result/2/outcome"), "FAIL");
	assert_string_equal(str_at(top, "dossier/self-assessment/result/3/outcome"), "N/A");
	assert_true(strstr(text, "\"verdicts\"") < strstr(text, "\"self-assessment\""));
	json_decref(top);
	free(text);
	etsi_dossier_free(d);
}

/* ---- refused JSON ---------------------------------------------------------------- */

static char *minimal_json(void)
{
	etsi_dossier *d = NULL;
	char *json;

	assert_int_equal(etsi_dossier_load(&d, test_data_path("valid/minimal-v3.xml"), NULL), 0);
	json = export_json(d);
	etsi_dossier_free(d);
	return json;
}

static void expect_refused(const char *json, int code, const char *needle)
{
	etsi_dossier *d = (etsi_dossier *)1;
	int rc = etsi_dossier_load_json(&d, json, strlen(json), "bad.json", NULL);

	if (rc != code)
		fail_msg("expected %d, got %d (%s) for %.200s", code, rc, etsi_error_last()->message,
		         json);
	assert_null(d);
	assert_int_equal(etsi_error_last()->code, code);
	assert_str(etsi_error_last()->file, "bad.json");
	assert_contains(etsi_error_last()->message, needle);
}

static void expect_refused_edit(const char *from, const char *to, int code, const char *needle)
{
	char *json = minimal_json(), *bad = test_replace(json, from, to);

	expect_refused(bad, code, needle);
	free(bad);
	free(json);
}

static void test_json__refused_syntax(void **state)
{
	(void)state;
	expect_refused("{\"format\": \"urn:libetsi:dossier-json:1\",\n  \"dossier\": {,}}", ETSI_EPARSE,
	               "line 2");
	assert_int_equal(etsi_error_last()->line, 2);
	assert_true(etsi_error_last()->column > 0);
	expect_refused("", ETSI_EPARSE, "not valid JSON");
	expect_refused("{\"format\": 1, \"format\": 2}", ETSI_EPARSE, "duplicate");
	expect_refused("{} trailing", ETSI_EPARSE, "not valid JSON");
	expect_refused("{\"a\": \"\\u0000\"}", ETSI_EPARSE, "not valid JSON");
	expect_refused("{\"a\": 123456789012345678901234567890}", ETSI_EPARSE, "too big");
}

static void test_json__refused_structure(void **state)
{
	(void)state;
	expect_refused("[]", ETSI_EVALIDATION, "an object with \"format\"");
	expect_refused("{\"dossier\": {}}", ETSI_EUNSUPPORTED, "no \"format\"");
	expect_refused("{\"format\": \"urn:other\", \"dossier\": {}}", ETSI_EUNSUPPORTED,
	               "\"urn:other\" is not a format");
	expect_refused("{\"format\": \"urn:libetsi:dossier-json:1\"}", ETSI_EVALIDATION,
	               "no \"dossier\"");
	expect_refused("{\"format\": \"urn:libetsi:dossier-json:1\", \"dossier\": {}, \"x\": 1}",
	               ETSI_EVALIDATION, "/x: 'x' is not a key");
	expect_refused("{\"format\": \"urn:libetsi:dossier-json:1\", \"dossier\": {}}",
	               ETSI_EVALIDATION, "/dossier: the dossier namespace is not declared");
	/* an unknown key, named with its path and the keys that are known */
	expect_refused_edit("\"model-designation\": \"AD-10\"",
	                    "\"model-designation\": \"AD-10\", \"colour\": \"red\"",
	                    ETSI_EVALIDATION, "/dossier/dut/colour: 'colour' is not an attribute "
	                    "or child element of 'dut'");
	/* wrong types */
	expect_refused_edit("\"version\": \"1.0.0\"", "\"version\": 100", ETSI_EVALIDATION,
	                    "/dossier/header/release/version: an attribute value is a string, "
	                    "not an integer");
	{
		char *json = minimal_json(), *a = test_replace(json, "\"component\": [",
		                                                 "\"component\": {\"a\": [");
		char *b = test_replace(a, "\"mechanism\": [", "\"x\": 0}, \"mechanism\": [");

		expect_refused(b, ETSI_EVALIDATION, "/dossier/update-boundary/component: 'component' "
		               "may repeat, so it is an array");
		free(b);
		free(a);
		free(json);
	}
	expect_refused_edit("\"name\": \"Main firmware\"", "\"name\": [\"Main firmware\"]",
	                    ETSI_EVALIDATION, "/dossier/update-boundary/component/0/name");
	/* characters XML cannot carry, comments it cannot either */
	expect_refused_edit("\"name\": \"Main firmware\"", "\"name\": \"Main \\u0001firmware\"",
	                    ETSI_EVALIDATION, "character XML does not allow");
	expect_refused_edit("\"ixit\": {}", "\"ixit\": {\"#misc\": [{\"at\": 0, \"comment\": \"a--b\"}]}",
	                    ETSI_EVALIDATION, "/dossier/ixit/#misc/0: an XML comment cannot contain");
	expect_refused_edit("\"ixit\": {}", "\"ixit\": {\"#misc\": [{\"at\": 9, \"text\": \" \"}]}",
	                    ETSI_EVALIDATION, "\"at\" is 9");
	/* undeclared prefixes; the dossier's elements in another namespace */
	expect_refused_edit("\"ixit\": {}", "\"ixit\": {\"nope:x\": \"1\"}", ETSI_EVALIDATION,
	                    "the prefix 'nope' is not declared");
	expect_refused_edit("\"ixit\": {}", "\"ixit\": {\"#xmlns\": {\"\": \"urn:other\"}}",
	                    ETSI_EVALIDATION, "/dossier/ixit: 'ixit' is an element of the dossier "
	                    "namespace");
	expect_refused_edit("\"ixit\": {}",
	                    "\"ixit\": {\"#xmlns\": {\"xi\": \"http://www.w3.org/2001/XInclude\"}, "
	                    "\"#extensions\": [{\"#name\": \"xi:include\"}]}",
	                    ETSI_EPARSE, "XInclude elements are refused");
	/* a schema version this libetsi does not read */
	expect_refused_edit("\"schema-version\": \"1.0\"", "\"schema-version\": \"2.0\"",
	                    ETSI_EUNSUPPORTED, "schema version 2.0 is not supported");
}

/* Schema and catalog problems name the JSON path of their element. */
static void test_json__refused_invalid(void **state)
{
	(void)state;
	expect_refused_edit("\"kind\": \"firmware\"", "\"kind\": \"firmwar\"", ETSI_EVALIDATION,
	                    "/dossier/update-boundary/component/0: Element 'component', attribute "
	                    "'kind'");
	expect_refused_edit("\"mechanism\": \"ota\"", "\"mechanism\": \"nowhere\"", ETSI_EVALIDATION,
	                    "/dossier/update-boundary/component/0/covered-by/0:");
	expect_refused_edit("\"provision\": \"5.3-2\"", "\"provision\": \"5.3-4\"", ETSI_EVALIDATION,
	                    "/dossier/ics/entry/0: provision 5.3-4 is void");
	expect_refused_edit("\"release\": {", "\"releasex\": {", ETSI_EVALIDATION,
	                    "/dossier/header/releasex");
}

/* A fact's value the schema does not allow is refused where it is, and
 * nothing is loaded. */
static void expect_fact_refused(const char *json, const char *from, const char *to,
                                const char *pointer, const char *detail)
{
	char *bad = test_replace(json, from, to);

	expect_refused(bad, ETSI_EVALIDATION, pointer);
	assert_contains(etsi_error_last()->message, detail);
	free(bad);
}

static void test_json__refused_facts(void **state)
{
	etsi_dossier *d = NULL;
	char *json;

	(void)state;
	assert_int_equal(etsi_dossier_load(&d, test_data_path("interchange/facts-full.xml"), NULL), 0);
	json = export_json(d);
	etsi_dossier_free(d);
	/* enumerations */
	expect_fact_refused(json, "\"where\": \"device-before-install\"", "\"where\": \"sometimes\"",
	                    "/dossier/update-boundary/mechanism/0/verification: Element 'verification', "
	                    "attribute 'where'", "'sometimes'");
	expect_fact_refused(json, "\"location\": \"secure-element\"", "\"location\": \"cloud\"",
	                    "/dossier/update-boundary/mechanism/0/verification-key:", "'cloud'");
	expect_fact_refused(json, "\"tls\": \"1.3\"", "\"tls\": \"TLS 1.3\"",
	                    "/dossier/update-boundary/mechanism/0/transport:", "'TLS 1.3'");
	expect_fact_refused(json, "\"verified\": \"unknown\"", "\"verified\": \"maybe\"",
	                    "/dossier/update-boundary/component/1/boot-verification:", "'maybe'");
	expect_fact_refused(json, "\"outcome\": \"FAIL\"", "\"outcome\": \"fail\"",
	                    "/dossier/self-assessment/result/2:", "'fail'");
	/* durations, key sizes, git object ids */
	expect_fact_refused(json, "\"duration\": \"P5Y\"", "\"duration\": \"5 years\"",
	                    "/dossier/ixit/user-info/support-period: Element 'support-period', "
	                    "attribute 'duration'", "xs:duration");
	expect_fact_refused(json, "\"period\": \"P1D\"", "\"period\": \"daily\"",
	                    "/dossier/update-boundary/mechanism/0/update-check:", "xs:duration");
	expect_fact_refused(json, "\"key-bits\": \"256\"", "\"key-bits\": \"0\"",
	                    "/dossier/update-boundary/mechanism/0/crypto/0:", "key-bits");
	expect_fact_refused(json, "\"git-oid\": \"3f786850e387550fdab836ed7e6dc881de23001b\"",
	                    "\"git-oid\": \"3F786850E387550FDAB836ED7E6DC881DE23001B\"",
	                    "/dossier/evidence-map/evidence/", "git-oid");
	/* the form itself: a repeated fact is an array, attributes are known */
	{
		json_error_t jerr;
		json_t *top = json_loads(json, 0, &jerr), *m;
		char *bad;

		assert_non_null(top);
		m = json_array_get(json_object_get(json_object_get(json_object_get(top, "dossier"),
		                                                   "update-boundary"), "mechanism"), 0);
		assert_int_equal(json_object_set(m, "crypto",
		                                 json_array_get(json_object_get(m, "crypto"), 0)), 0);
		bad = json_dumps(top, 0);
		expect_refused(bad, ETSI_EVALIDATION,
		               "/dossier/update-boundary/mechanism/0/crypto: 'crypto' may repeat, so it "
		               "is an array");
		free(bad);
		json_decref(top);
	}
	expect_fact_refused(json, "\"where\": \"device-before-install\"",
	                    "\"where\": \"device-before-install\", \"how\": \"RSA\"",
	                    "/dossier/update-boundary/mechanism/0/verification/how: 'how' is not an "
	                    "attribute or child element of 'verification'", "where by");
	free(json);
}

static void test_json__limits(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	char *json = minimal_json(), *deep;
	size_t i, n = 100000;

	(void)state;
	opts.max_size = 100;
	assert_etsi_error(etsi_dossier_load_json(&d, json, strlen(json), "big.json", &opts),
	                  ETSI_ELIMIT);
	opts.max_size = 0;
	opts.max_depth = 3;
	assert_etsi_error(etsi_dossier_load_json(&d, json, strlen(json), "deep.json", &opts),
	                  ETSI_ELIMIT);
	assert_contains(etsi_error_last()->message, "deeper than 3 levels");
	/* a JSON bomb of nested arrays: refused by the parser's own bound */
	deep = malloc(2 * n + 1);
	for (i = 0; i < n; i++) {
		deep[i] = '[';
		deep[2 * n - 1 - i] = ']';
	}
	deep[2 * n] = '\0';
	assert_etsi_error(etsi_dossier_load_json(&d, deep, 2 * n, "bomb.json", NULL), ETSI_ELIMIT);
	/* nested extension elements past the depth limit */
	free(deep);
	{
		etsi__buf b = ETSI__BUF_INIT;

		etsi__buf_puts(&b, "{\"format\": \"urn:libetsi:dossier-json:1\", \"dossier\": {\"#xmlns\": "
		               "{\"\": \"urn:libetsi:dossier:1\", \"x\": \"urn:x\"}, \"#extensions\": [");
		for (i = 0; i < 200; i++)
			etsi__buf_puts(&b, "{\"#name\": \"x:e\", \"#content\": [");
		for (i = 0; i < 200; i++)
			etsi__buf_puts(&b, "]}");
		etsi__buf_puts(&b, "]}}");
		assert_etsi_error(etsi_dossier_load_json(&d, b.ptr, b.len, "nest.json", NULL),
		                  ETSI_ELIMIT);
		etsi__buf_dispose(&b);
	}
	assert_null(d);
	free(json);
}

static void test_json__no_validate_and_path(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	char *json = minimal_json(), *bad = test_replace(json, "\"kind\": \"firmware\"",
	                                                 "\"kind\": \"firmwar\"");
	etsi_dossier *d = NULL;
	etsi_diagnostics *diags = NULL;

	(void)state;
	opts.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load_json(&d, bad, strlen(bad), "x.json", &opts), 0);
	assert_int_equal(etsi_dossier_validate(&diags, d), ETSI_EVALIDATION);
	assert_true(etsi_diagnostics_count(diags) >= 1);
	etsi_diagnostics_free(diags);
	/* a JSON-loaded dossier has no file: saving needs a path */
	assert_null(etsi_dossier_path(d));
	assert_etsi_error(etsi_dossier_save(d, NULL), ETSI_EINVALID);
	etsi_dossier_free(d);
	free(bad);
	free(json);
}

static void test_json__arguments(void **state)
{
	etsi_export_options eo;
	etsi_dossier *d = NULL;
	char *out = (char *)1;

	(void)state;
	assert_etsi_error(etsi_dossier_load_json(NULL, "{}", 2, NULL, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_load_json(&d, NULL, 2, NULL, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_export(&out, NULL, NULL, NULL), ETSI_EINVALID);
	assert_null(out);
	assert_etsi_error(etsi_export_options_init(&eo, 99), ETSI_EINVALID);
	assert_int_equal(etsi_export_options_init(&eo, ETSI_EXPORT_OPTIONS_VERSION), 0);
	assert_str(etsi_export_format_at(0), "json");
	assert_str(etsi_export_format_at(1), "oscal-json");
	assert_str(etsi_export_format_at(2), "oscal-xml");
	assert_str(etsi_export_format_at(3), "oscal-ap");
	assert_str(etsi_export_format_at(4), "oscal-ap-xml");
	assert_null(etsi_export_format_at(5));
	d = test_load_example("smart-plug-usb-v3.xml", NULL);
	eo.format = "yaml";
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &eo), ETSI_EINVALID);
	eo.format = "json";
	eo.version = 7;
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &eo), ETSI_EINVALID);
	etsi_dossier_free(d);
}

/* An invalid dossier is not exported. */
static void test_json__invalid_not_exported(void **state)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	char *out = NULL;

	(void)state;
	opts.flags = ETSI_LOAD_NO_VALIDATE;
	assert_int_equal(etsi_dossier_load(&d, test_data_path("invalid/dangling-keyref.xml"), &opts), 0);
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, NULL), ETSI_EVALIDATION);
	assert_null(out);
	etsi_dossier_free(d);
}

/* ---- the element table follows xsd/dossier.xsd ------------------------------------- */

/* The table is generated from the schema (scripts/gen-tables.py), so this
 * holds by construction: it checks the generator's output as the library
 * was built with it, read against an independent walk of the schema.  The
 * generator's refusals and determinism are tested in
 * tests/cli/test_gen_tables.py. */

typedef struct xsd_seen {
	char name[64];
	int content;
	char attrs[512];       /* " a b c " in order, from one context */
	char children[1024];
	int repeated;
} xsd_seen;

static xmlNode *xs_child(xmlNode *n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	}
	return NULL;
}

static xmlNode *named_type(xmlDocPtr xsd, const char *name)
{
	xmlNode *n;
	const char *local = strchr(name, ':') ? strchr(name, ':') + 1 : name;

	for (n = xmlDocGetRootElement(xsd)->children; n; n = n->next) {
		xmlChar *nm;
		int match;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		nm = xmlGetProp(n, (const xmlChar *)"name");
		match = nm && strcmp((const char *)nm, local) == 0;
		xmlFree(nm);
		if (match)
			return n;
	}
	return NULL;
}

static void collect_attrs(xmlNode *n, char *out, size_t size)
{
	for (n = n ? n->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "attribute") == 0) {
			xmlChar *nm = xmlGetProp(n, (const xmlChar *)"name");

			strncat(out, (const char *)nm, size - strlen(out) - 2);
			strncat(out, " ", size - strlen(out) - 1);
			xmlFree(nm);
		} else if (strcmp((const char *)n->name, "simpleContent") == 0 ||
		           strcmp((const char *)n->name, "extension") == 0) {
			collect_attrs(n, out, size);
		}
	}
}

static void check_element(xmlDocPtr xsd, xmlNode *decl, int depth);

static void check_type(xmlDocPtr xsd, const char *name, xmlNode *type, int depth)
{
	int content, repeated;
	const char *const *attrs, *const *children, *const *p;
	char want[512] = " ", want_children[1024] = " ", have[512] = " ", have_children[1024] = " ";
	xmlNode *seq, *n;

	if (etsi__json_element_info(name, &content, &attrs, &children, &repeated) != 0)
		fail_msg("element '%s' of xsd/dossier.xsd is not in json.c's element table", name);
	if (!type || strcmp((const char *)type->name, "simpleType") == 0) {
		if (content != 1)
			fail_msg("'%s' is a simple element in the schema", name);
		return;
	}
	seq = xs_child(type, "sequence");
	if (xs_child(type, "simpleContent")) {
		if (content != 1)
			fail_msg("'%s' has text (simpleContent) in the schema", name);
	} else if (content != (seq && xs_child(seq, "element") ? 2 : 0)) {
		fail_msg("'%s' has %s in the schema", name,
		         seq && xs_child(seq, "element") ? "child elements" : "no content");
	}
	collect_attrs(type, want, sizeof(want));
	for (p = attrs; p && *p; p++) {
		strcat(have, *p);
		strcat(have, " ");
	}
	/* each context's attributes, in order, among the table's */
	{
		const char *h = have, *w = want + 1;

		while (*w) {
			const char *sp = strchr(w, ' ');
			char one[80];

			snprintf(one, sizeof(one), " %.*s ", (int)(sp - w), w);
			h = strstr(h, one);
			if (!h)
				fail_msg("'%s': attribute%s is not in the table (in order) [%s] [%s]", name,
				         one, have, want);
			h += strlen(one) - 1;
			w = sp + 1;
		}
	}
	for (n = seq ? seq->children : NULL; n; n = n->next) {
		xmlChar *nm, *max;

		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "element") != 0)
			continue;
		nm = xmlGetProp(n, (const xmlChar *)"name");
		max = xmlGetProp(n, (const xmlChar *)"maxOccurs");
		strcat(want_children, (const char *)nm);
		strcat(want_children, " ");
		if (etsi__json_element_info((const char *)nm, &content, &attrs, &children,
		                            &repeated) == 0 &&
		    repeated != (max && strcmp((const char *)max, "1") != 0))
			fail_msg("'%s' %s in the schema", nm, repeated ? "does not repeat" : "repeats");
		xmlFree(nm);
		xmlFree(max);
		check_element(xsd, n, depth + 1);
	}
	etsi__json_element_info(name, &content, &attrs, &children, &repeated);
	for (p = children; p && *p; p++) {
		strcat(have_children, *p);
		strcat(have_children, " ");
	}
	if (strcmp(want_children, have_children) != 0)
		fail_msg("'%s': children [%s] in the schema, [%s] in the table", name, want_children,
		         have_children);
}

static void check_element(xmlDocPtr xsd, xmlNode *decl, int depth)
{
	xmlChar *name = xmlGetProp(decl, (const xmlChar *)"name");
	xmlChar *type = xmlGetProp(decl, (const xmlChar *)"type");
	xmlNode *t;

	assert_true(depth < 20);
	if (type && strncmp((const char *)type, "d:", 2) == 0)
		t = named_type(xsd, (const char *)type);
	else if (type)
		t = NULL; /* an xs: type */
	else
		t = xs_child(decl, "complexType") ? xs_child(decl, "complexType")
		                                  : xs_child(decl, "simpleType");
	check_type(xsd, (const char *)name, t, depth);
	xmlFree(name);
	xmlFree(type);
}

static void test_json__table_follows_schema(void **state)
{
	xmlDocPtr xsd = xmlReadFile(test_source_path("xsd/dossier.xsd"), NULL, XML_PARSE_NONET);
	xmlNode *n;

	(void)state;
	assert_non_null(xsd);
	for (n = xmlDocGetRootElement(xsd)->children; n; n = n->next) {
		xmlChar *name;

		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "element") != 0)
			continue;
		name = xmlGetProp(n, (const xmlChar *)"name");
		assert_string_equal((const char *)name, "dossier");
		xmlFree(name);
		check_element(xsd, n, 0);
	}
	xmlFreeDoc(xsd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json__round_trip_examples),
		cmocka_unit_test(test_json__round_trip_test_dossiers),
		cmocka_unit_test(test_json__round_trip_edges),
		cmocka_unit_test(test_json__round_trip_facts),
		cmocka_unit_test(test_json__round_trip_changed),
		cmocka_unit_test(test_json__form),
		cmocka_unit_test(test_json__deterministic),
		cmocka_unit_test(test_json__key_order),
		cmocka_unit_test(test_json__refused_syntax),
		cmocka_unit_test(test_json__refused_structure),
		cmocka_unit_test(test_json__refused_invalid),
		cmocka_unit_test(test_json__refused_facts),
		cmocka_unit_test(test_json__limits),
		cmocka_unit_test(test_json__no_validate_and_path),
		cmocka_unit_test(test_json__arguments),
		cmocka_unit_test(test_json__invalid_not_exported),
		cmocka_unit_test(test_json__table_follows_schema),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
