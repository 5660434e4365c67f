/* Unit tests of the catalogs (catalog.c): opening, pairing, counts and
 * fields computed from the catalog files themselves, lookups, read-only
 * records, the XML export, data-directory overrides and concurrent use. */
#include "helpers.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#define NS_C "urn:libetsi:catalog:1"

/* ---- reading the catalog files directly ------------------------------ */

static xmlDoc *read_catalog_file(const char *name)
{
	char relative[128];
	xmlDoc *doc;

	snprintf(relative, sizeof(relative), "catalogs/%s", name);
	doc = xmlReadFile(test_source_path(relative), NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	assert_non_null(doc);
	return doc;
}

static xmlXPathObject *eval(xmlDoc *doc, xmlNode *node, const char *expr)
{
	xmlXPathContext *ctx = xmlXPathNewContext(doc);
	xmlXPathObject *obj;

	assert_non_null(ctx);
	assert_int_equal(xmlXPathRegisterNs(ctx, (const xmlChar *)"c", (const xmlChar *)NS_C), 0);
	if (node)
		ctx->node = node;
	obj = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlXPathFreeContext(ctx);
	assert_non_null(obj);
	return obj;
}

static size_t count_xpath(xmlDoc *doc, xmlNode *node, const char *expr)
{
	xmlXPathObject *obj = eval(doc, node, expr);
	size_t n = obj->nodesetval ? (size_t)obj->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(obj);
	return n;
}

static const char *attr_of(xmlNode *node, const char *name)
{
	xmlAttr *a;

	for (a = node->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) == 0 && a->children)
			return (const char *)a->children->content;
	}
	return NULL;
}

/* The Annex B notation of a provision, from the catalog file. */
static void expected_status_code(xmlDoc *doc, xmlNode *provision, char *out, size_t size)
{
	xmlXPathObject *conds = eval(doc, provision, "c:applies-if/@condition");
	xmlXPathObject *feats = eval(doc, provision, "c:applies-if/@feature");
	int nc = conds->nodesetval ? conds->nodesetval->nodeNr : 0;
	int nf = feats->nodesetval ? feats->nodesetval->nodeNr : 0;
	const char *v = attr_of(provision, "void");
	size_t len;
	int i;

	if (v && strcmp(v, "true") == 0) {
		snprintf(out, size, "void");
	} else {
		const char *status = attr_of(provision, "status");

		assert_non_null(status);
		snprintf(out, size, "%s%s%s", status, nc ? " C" : "", nf ? " F" : "");
		for (i = 0; i < nc + nf; i++) {
			xmlNode *a = i < nc ? conds->nodesetval->nodeTab[i]
			                    : feats->nodesetval->nodeTab[i - nc];

			len = strlen(out);
			snprintf(out + len, size - len, "%s%s", i ? ", " : " (",
			         (const char *)a->children->content);
		}
		if (nc + nf) {
			len = strlen(out);
			snprintf(out + len, size - len, ")");
		}
	}
	xmlXPathFreeObject(conds);
	xmlXPathFreeObject(feats);
}

static etsi_catalog *open_catalog(const char *edition)
{
	etsi_catalog *cat = NULL;
	int rc = etsi_catalog_open(&cat, edition, NULL);

	if (rc != 0)
		fail_msg("etsi_catalog_open(%s): %d %s", edition ? edition : "NULL", rc,
		         etsi_error_last()->message);
	assert_non_null(cat);
	return cat;
}

/* ---- opening and pairing --------------------------------------------- */

static void test_catalog__open_editions_and_pairing(void **state)
{
	etsi_catalog *v2 = open_catalog("2.1.1");
	etsi_catalog *v3 = open_catalog("3.1.3");
	etsi_catalog *latest = open_catalog(NULL);
	etsi_catalog *again = open_catalog("3.1.3");

	(void)state;
	assert_str(etsi_catalog_edition(v2), "2.1.1");
	assert_str(etsi_catalog_ts_edition(v2), "1.1.1");
	assert_str(etsi_catalog_edition(v3), "3.1.3");
	assert_str(etsi_catalog_ts_edition(v3), "2.1.1");
	/* NULL is the latest built-in edition */
	assert_str(etsi_catalog_edition(latest), "3.1.3");
	assert_str(etsi_catalog_ts_edition(latest), "2.1.1");
	/* catalogs are shared */
	assert_ptr_equal(again, v3);
	assert_str(etsi_catalog_builtin_edition(0), "2.1.1");
	assert_str(etsi_catalog_builtin_edition(1), "3.1.3");
	assert_null(etsi_catalog_builtin_edition(2));
	assert_null(etsi_catalog_builtin_edition((size_t)-1));

	/* an explicit, correct pairing */
	{
		etsi_catalog_options opts;
		etsi_catalog *cat = NULL;

		assert_int_equal(etsi_catalog_options_init(&opts, ETSI_CATALOG_OPTIONS_VERSION), 0);
		assert_null(opts.data_dir);
		assert_null(opts.ts_edition);
		opts.ts_edition = "1.1.1";
		assert_int_equal(etsi_catalog_open(&cat, "2.1.1", &opts), 0);
		assert_str(etsi_catalog_ts_edition(cat), "1.1.1");
		etsi_catalog_free(cat);
	}
	etsi_catalog_free(v2);
	etsi_catalog_free(v3);
	etsi_catalog_free(latest);
	etsi_catalog_free(again);
}

static void test_catalog__unknown_edition(void **state)
{
	etsi_catalog *cat = (etsi_catalog *)1;

	(void)state;
	assert_etsi_error(etsi_catalog_open(&cat, "9.9.9", NULL), ETSI_EUNSUPPORTED);
	assert_null(cat);
	assert_contains(etsi_error_last()->message, "9.9.9");
	/* the message names the known editions */
	assert_contains(etsi_error_last()->message, "2.1.1");
	assert_contains(etsi_error_last()->message, "3.1.3");
	assert_int_equal(etsi_error_last()->klass, ETSI_ERROR_CLASS_CATALOG);
	assert_etsi_error(etsi_catalog_open(&cat, "", NULL), ETSI_EUNSUPPORTED);
	assert_etsi_error(etsi_catalog_open(&cat, "../../etc/passwd", NULL), ETSI_EUNSUPPORTED);
	assert_null(cat);
}

static void test_catalog__wrong_pairing(void **state)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;

	(void)state;
	/* TS 103 701 V1.1.1 was written for EN 303 645 V2.1.1, but published
	 * self-assessments pair it with V3.1.3: the catalog opens, with the
	 * provisions of V3.1.3 and the test cases of V1.1.1 (the rule
	 * edition-pairing-unusual reports the pairing) */
	opts.ts_edition = "1.1.1";
	assert_int_equal(etsi_catalog_open(&cat, "3.1.3", &opts), 0);
	assert_str(etsi_catalog_ts_edition(cat), "1.1.1");
	assert_non_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-4A"));
	assert_non_null(etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, "5.3-4-1"));
	etsi_catalog_free(cat);
	cat = NULL;
	opts.ts_edition = "2.1.1";
	assert_int_equal(etsi_catalog_open(&cat, "2.1.1", &opts), 0);
	etsi_catalog_free(cat);
	cat = NULL;
	/* an unknown TS edition */
	opts.ts_edition = "5.5.5";
	assert_etsi_error(etsi_catalog_open(&cat, "3.1.3", &opts), ETSI_EUNSUPPORTED);
	assert_contains(etsi_error_last()->message, "5.5.5");
	assert_null(cat);
}

static void test_catalog__missing_data_dir(void **state)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;
	char *dir = test_mkdtemp();
	char *file = test_path_join(dir, "a-file");

	(void)state;
	opts.data_dir = "/nonexistent-etsi-data-dir";
	assert_etsi_error(etsi_catalog_open(&cat, "3.1.3", &opts), ETSI_EIO);
	assert_contains(etsi_error_last()->message, "/nonexistent-etsi-data-dir");
	assert_null(cat);
	test_write_file(file, "x", 1);
	opts.data_dir = file;
	assert_etsi_error(etsi_catalog_open(&cat, "3.1.3", &opts), ETSI_EIO);
	assert_null(cat);
	test_rmtree(dir);
	free(dir);
	free(file);
}

static void test_catalog__bad_arguments(void **state)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;

	(void)state;
	assert_etsi_error(etsi_catalog_open(NULL, "3.1.3", NULL), ETSI_EINVALID);
	opts.version = 2;
	assert_etsi_error(etsi_catalog_open(&cat, "3.1.3", &opts), ETSI_EINVALID);
	assert_null(cat);
	assert_etsi_error(etsi_catalog_options_init(&opts, 0), ETSI_EINVALID);
	assert_etsi_error(etsi_catalog_options_init(&opts, 2), ETSI_EINVALID);
	assert_etsi_error(etsi_catalog_options_init(NULL, ETSI_CATALOG_OPTIONS_VERSION),
	                  ETSI_EINVALID);
	assert_null(etsi_catalog_edition(NULL));
	assert_null(etsi_catalog_ts_edition(NULL));
	assert_int_equal(etsi_catalog_count(NULL, ETSI_KIND_PROVISION), 0);
	assert_null(etsi_catalog_at(NULL, ETSI_KIND_PROVISION, 0));
	assert_null(etsi_catalog_find(NULL, ETSI_KIND_PROVISION, "5.3-1"));
	etsi_catalog_free(NULL);
}

/* ---- counts ---------------------------------------------------------- */

struct kind_count {
	etsi_kind kind;
	const char *xpath;
};

static const struct kind_count counted[] = {
	{ ETSI_KIND_SOURCE, "/c:catalog/c:sources/c:source" },
	{ ETSI_KIND_CONDITION, "/c:catalog/c:conditions/c:condition" },
	{ ETSI_KIND_FEATURE, "/c:catalog/c:features/c:feature" },
	{ ETSI_KIND_PROVISION, "/c:catalog/c:provisions/c:provision" },
	{ ETSI_KIND_IXIT_TABLE, "/c:catalog/c:ixit-tables/c:table" },
	{ ETSI_KIND_IXIT_FIELD, "/c:catalog/c:ixit-tables/c:table/c:field" },
	{ ETSI_KIND_TEST_GROUP, "/c:catalog/c:test-groups/c:group" },
	{ ETSI_KIND_TEST_CASE, "/c:catalog/c:test-groups/c:group/c:case" },
	{ ETSI_KIND_TEST_INPUT, "/c:catalog/c:test-groups/c:group/c:case/c:uses" },
	{ ETSI_KIND_ALGORITHM, "/c:policy/c:algorithms/c:algorithm" },
};

static void check_counts(const char *edition, const char *en_file, const char *ts_file)
{
	etsi_catalog *cat = open_catalog(edition);
	xmlDoc *en = read_catalog_file(en_file), *ts = read_catalog_file(ts_file);
	xmlDoc *policy = read_catalog_file("crypto-policy-1.xml");
	size_t i;

	for (i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
		size_t expected = count_xpath(en, NULL, counted[i].xpath) +
		                  count_xpath(ts, NULL, counted[i].xpath);

		/* the crypto policy loaded with every catalog */
		if (counted[i].kind == ETSI_KIND_SOURCE)
			expected += count_xpath(policy, NULL, "/c:policy/c:sources/c:source");
		if (counted[i].kind == ETSI_KIND_ALGORITHM)
			expected = count_xpath(policy, NULL, "/c:policy/c:algorithms/c:algorithm");

		if (etsi_catalog_count(cat, counted[i].kind) != expected)
			fail_msg("%s: %zu %s records, the files hold %zu", edition,
			         etsi_catalog_count(cat, counted[i].kind),
			         etsi_kind_name(counted[i].kind), expected);
		/* at() agrees with count() */
		if (expected)
			assert_non_null(etsi_catalog_at(cat, counted[i].kind, expected - 1));
		assert_null(etsi_catalog_at(cat, counted[i].kind, expected));
	}
	/* kinds that are not catalog kinds */
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_COMPONENT), 0);
	assert_int_equal(etsi_catalog_count(cat, (etsi_kind)0), 0);
	assert_int_equal(etsi_catalog_count(cat, ETSI__KIND_LAST), 0);
	assert_null(etsi_catalog_at(cat, (etsi_kind)-1, 0));
	xmlFreeDoc(en);
	xmlFreeDoc(ts);
	xmlFreeDoc(policy);
	etsi_catalog_free(cat);
}

static void test_catalog__counts_v2(void **state)
{
	etsi_catalog *cat = open_catalog("2.1.1");

	(void)state;
	/* the figures of docs/catalogs.md */
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_PROVISION), 17);
	assert_non_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "4-1"));
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_CONDITION), 13);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_FEATURE), 0);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_IXIT_TABLE), 29);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_TEST_GROUP), 17);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_TEST_CASE), 24);
	etsi_catalog_free(cat);
	check_counts("2.1.1", "en303645-2.1.1.xml", "ts103701-1.1.1.xml");
}

static void test_catalog__counts_v3(void **state)
{
	etsi_catalog *cat = open_catalog("3.1.3");
	size_t i, n, voids = 0;

	(void)state;
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_PROVISION), 23);
	assert_non_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.0-1"));
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_CONDITION), 5);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_FEATURE), 5);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_IXIT_TABLE), 29);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_TEST_GROUP), 20);
	assert_int_equal(etsi_catalog_count(cat, ETSI_KIND_TEST_CASE), 32);
	n = etsi_catalog_count(cat, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(cat, ETSI_KIND_PROVISION, i);

		if (etsi_record_get(p, "void")) {
			const char *key = etsi_record_key(p);

			voids++;
			assert_true(strcmp(key, "5.3-4") == 0 || strcmp(key, "5.3-6") == 0 ||
			            strcmp(key, "5.3-15") == 0);
		}
	}
	assert_int_equal(voids, 3);
	etsi_catalog_free(cat);
	check_counts("3.1.3", "en303645-3.1.3.xml", "ts103701-2.1.1.xml");
}

/* ---- provision fields ------------------------------------------------ */

static void check_status_codes(const char *edition, const char *en_file)
{
	etsi_catalog *cat = open_catalog(edition);
	xmlDoc *en = read_catalog_file(en_file);
	xmlXPathObject *provisions = eval(en, NULL, "/c:catalog/c:provisions/c:provision");
	int i;

	assert_non_null(provisions->nodesetval);
	for (i = 0; i < provisions->nodesetval->nodeNr; i++) {
		xmlNode *node = provisions->nodesetval->nodeTab[i];
		const char *id = attr_of(node, "id");
		etsi_record *p = etsi_catalog_find(cat, ETSI_KIND_PROVISION, id);
		char expected[128];

		assert_non_null(p);
		assert_ptr_equal(p, etsi_catalog_at(cat, ETSI_KIND_PROVISION, (size_t)i));
		expected_status_code(en, node, expected, sizeof(expected));
		if (strcmp(etsi_record_get(p, "status-code"), expected) != 0)
			fail_msg("%s %s: status-code \"%s\", expected \"%s\"", edition, id,
			         etsi_record_get(p, "status-code"), expected);
		assert_str(etsi_record_get(p, "status"), attr_of(node, "status"));
		assert_int_equal(etsi_record_value_count(p, "condition"),
		                 count_xpath(en, node, "c:applies-if[@condition]"));
		assert_int_equal(etsi_record_value_count(p, "feature"),
		                 count_xpath(en, node, "c:applies-if[@feature]"));
		assert_int_equal(etsi_record_value_count(p, "replaced-by"),
		                 count_xpath(en, node, "c:replaced-by"));
		assert_int_equal(etsi_record_value_count(p, "note"), count_xpath(en, node, "c:note"));
		assert_int_equal(etsi_record_line(p), (int)xmlGetLineNo(node));
		assert_null(etsi_record_parent(p));
		assert_int_equal(etsi_record_child_count(p), 0);
	}
	xmlXPathFreeObject(provisions);
	xmlFreeDoc(en);
	etsi_catalog_free(cat);
}

static void test_catalog__status_codes_match_files(void **state)
{
	(void)state;
	check_status_codes("2.1.1", "en303645-2.1.1.xml");
	check_status_codes("3.1.3", "en303645-3.1.3.xml");
}

static void test_catalog__provision_fields(void **state)
{
	etsi_catalog *v3 = open_catalog("3.1.3");
	etsi_catalog *v2 = open_catalog("2.1.1");
	etsi_record *p;

	(void)state;
	p = etsi_catalog_find(v3, ETSI_KIND_PROVISION, "5.3-2");
	assert_non_null(p);
	assert_int_equal(etsi_record_kind(p), ETSI_KIND_PROVISION);
	assert_str(etsi_record_key(p), "5.3-2");
	assert_str(etsi_record_get(p, "id"), "5.3-2");
	assert_str(etsi_record_get(p, "status"), "M");
	assert_str(etsi_record_get(p, "status-code"), "M C (15)");
	assert_null(etsi_record_get(p, "void"));
	assert_int_equal(etsi_record_value_count(p, "condition"), 1);
	assert_str(etsi_record_value_at(p, "condition", 0), "15");
	assert_null(etsi_record_value_at(p, "condition", 1));
	assert_int_equal(etsi_record_value_count(p, "feature"), 0);
	assert_null(etsi_record_get(p, "feature"));
	assert_str(etsi_record_get(p, "title"), "Secure update mechanism");
	assert_contains(etsi_record_get(p, "summary"), "update mechanism that installs updates");
	assert_str(etsi_record_get(p, "confidence"), "P2");
	assert_str(etsi_record_get(p, "provenance"), "FLH-B1 DART");
	assert_str(etsi_record_get(p, "change-from"), "2.1.1");
	assert_contains(etsi_record_get(p, "change"), "condition 15");
	assert_null(etsi_record_get(p, "was"));
	assert_null(etsi_record_get(p, "no-such-field"));
	{
		char *text = test_read_file(test_source_path("catalogs/en303645-3.1.3.xml"), NULL);

		assert_int_equal(etsi_record_line(p), test_line_of(text, "<provision id=\"5.3-2\""));
		free(text);
	}

	p = etsi_catalog_find(v3, ETSI_KIND_PROVISION, "5.3-4");
	assert_null(etsi_record_get(p, "status"));
	assert_str(etsi_record_get(p, "status-code"), "void");
	assert_str(etsi_record_get(p, "void"), "true");
	assert_int_equal(etsi_record_value_count(p, "replaced-by"), 2);
	assert_str(etsi_record_value_at(p, "replaced-by", 0), "5.3-4A");
	assert_str(etsi_record_value_at(p, "replaced-by", 1), "5.3-4B");
	assert_str(etsi_record_get(p, "title"), "Automatic updates (void)");

	p = etsi_catalog_find(v3, ETSI_KIND_PROVISION, "5.3-4B");
	assert_str(etsi_record_get(p, "status-code"), "R F (h)");
	assert_str(etsi_record_value_at(p, "feature", 0), "h");
	assert_int_equal(etsi_record_value_count(p, "note"), 3);
	assert_contains(etsi_record_value_at(p, "note", 2), "R C (16) (h)");

	p = etsi_catalog_find(v3, ETSI_KIND_PROVISION, "5.3-13");
	assert_str(etsi_record_get(p, "status-code"), "M");

	p = etsi_catalog_find(v3, ETSI_KIND_PROVISION, "5.0-1");
	assert_str(etsi_record_get(p, "was"), "4-1");
	assert_str(etsi_record_get(p, "change-from"), "2.1.1");

	p = etsi_catalog_find(v2, ETSI_KIND_PROVISION, "5.3-6");
	assert_str(etsi_record_get(p, "status-code"), "R C (9, 12)");
	assert_int_equal(etsi_record_value_count(p, "condition"), 2);
	assert_str(etsi_record_value_at(p, "condition", 1), "12");
	assert_str(etsi_record_get(p, "confidence"), "P");
	assert_null(etsi_record_get(p, "change"));

	p = etsi_catalog_find(v2, ETSI_KIND_PROVISION, "5.3-10");
	assert_str(etsi_record_get(p, "status-code"), "M C (11, 12)");
	p = etsi_catalog_find(v2, ETSI_KIND_PROVISION, "4-1");
	assert_str(etsi_record_get(p, "status-code"), "M");

	/* conditions and features */
	p = etsi_catalog_find(v3, ETSI_KIND_CONDITION, "15");
	assert_non_null(p);
	assert_contains(etsi_record_get(p, "summary"), "rules out an update mechanism");
	assert_str(etsi_record_get(p, "confidence"), "P2");
	p = etsi_catalog_find(v3, ETSI_KIND_FEATURE, "j");
	assert_non_null(p);
	assert_contains(etsi_record_get(p, "summary"), "network interface");
	assert_null(etsi_catalog_find(v2, ETSI_KIND_FEATURE, "j"));
	etsi_catalog_free(v2);
	etsi_catalog_free(v3);
}

/* ---- assessment layer ------------------------------------------------ */

static void check_groups(const char *edition, const char *ts_file)
{
	etsi_catalog *cat = open_catalog(edition);
	xmlDoc *ts = read_catalog_file(ts_file);
	xmlXPathObject *groups = eval(ts, NULL, "/c:catalog/c:test-groups/c:group");
	size_t case_index = 0;
	int g;

	for (g = 0; g < groups->nodesetval->nodeNr; g++) {
		xmlNode *gnode = groups->nodesetval->nodeTab[g];
		etsi_record *group = etsi_catalog_at(cat, ETSI_KIND_TEST_GROUP, (size_t)g);
		xmlXPathObject *cases = eval(ts, gnode, "c:case");
		int c;

		assert_str(etsi_record_key(group), attr_of(gnode, "id"));
		assert_str(etsi_record_get(group, "provision"), attr_of(gnode, "provision"));
		assert_ptr_equal(etsi_catalog_find(cat, ETSI_KIND_TEST_GROUP, attr_of(gnode, "id")),
		                 group);
		assert_int_equal(etsi_record_child_count(group), (size_t)cases->nodesetval->nodeNr);
		assert_null(etsi_record_child_at(group, (size_t)cases->nodesetval->nodeNr));
		for (c = 0; c < cases->nodesetval->nodeNr; c++) {
			xmlNode *cnode = cases->nodesetval->nodeTab[c];
			etsi_record *tc = etsi_record_child_at(group, (size_t)c);
			xmlXPathObject *uses = eval(ts, cnode, "c:uses");
			int u;

			assert_int_equal(etsi_record_kind(tc), ETSI_KIND_TEST_CASE);
			assert_str(etsi_record_key(tc), attr_of(cnode, "id"));
			assert_str(etsi_record_get(tc, "kind"), attr_of(cnode, "kind"));
			assert_ptr_equal(etsi_record_parent(tc), group);
			/* test cases in document order, every group's */
			assert_ptr_equal(etsi_catalog_at(cat, ETSI_KIND_TEST_CASE, case_index++), tc);
			assert_ptr_equal(etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, attr_of(cnode, "id")),
			                 tc);
			assert_int_equal(etsi_record_child_count(tc), (size_t)uses->nodesetval->nodeNr);
			for (u = 0; u < uses->nodesetval->nodeNr; u++) {
				xmlNode *unode = uses->nodesetval->nodeTab[u];
				etsi_record *in = etsi_record_child_at(tc, (size_t)u);

				assert_int_equal(etsi_record_kind(in), ETSI_KIND_TEST_INPUT);
				assert_ptr_equal(etsi_record_parent(in), tc);
				assert_str(etsi_record_get(in, "table"), attr_of(unode, "table"));
				assert_str(etsi_record_get(in, "field"), attr_of(unode, "field"));
				assert_str(etsi_record_get(in, "via"), attr_of(unode, "via"));
				assert_null(etsi_record_key(in));
				assert_int_equal(etsi_record_line(in), (int)xmlGetLineNo(unode));
			}
			xmlXPathFreeObject(uses);
		}
		xmlXPathFreeObject(cases);
	}
	assert_int_equal(case_index, etsi_catalog_count(cat, ETSI_KIND_TEST_CASE));
	xmlXPathFreeObject(groups);
	xmlFreeDoc(ts);
	etsi_catalog_free(cat);
}

static void test_catalog__groups_cases_inputs(void **state)
{
	etsi_catalog *cat;
	etsi_record *tc, *in;

	(void)state;
	check_groups("2.1.1", "ts103701-1.1.1.xml");
	check_groups("3.1.3", "ts103701-2.1.1.xml");

	cat = open_catalog("3.1.3");
	tc = etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, "5.3-2-1");
	assert_non_null(tc);
	assert_str(etsi_record_get(tc, "kind"), "conceptual");
	assert_contains(etsi_record_get(tc, "purpose"), "Review the design of each update mechanism");
	assert_contains(etsi_record_get(tc, "pass"), "resists misuse by design");
	assert_int_equal(etsi_record_child_count(tc), 4);
	in = etsi_record_child_at(tc, 0);
	assert_str(etsi_record_get(in, "table"), "7-UpdMech");
	assert_str(etsi_record_get(in, "field"), "security-guarantees");
	assert_null(etsi_record_get(in, "via"));
	assert_str(etsi_record_get(etsi_record_parent(tc), "objective"),
	           "Checks that the device has at least one update mechanism that installs "
	           "updates securely.");
	etsi_catalog_free(cat);
}

static void test_catalog__ixit_tables_and_fields(void **state)
{
	static const char *const fields[] = {
		"description", "security-guarantees", "cryptographic-details",
		"initiation-and-interaction", "configuration", "update-checking",
		"user-notification",
	};
	etsi_catalog *cat = open_catalog("3.1.3");
	etsi_record *table, *f;
	size_t i;

	(void)state;
	table = etsi_catalog_find(cat, ETSI_KIND_IXIT_TABLE, "7-UpdMech");
	assert_non_null(table);
	assert_str(etsi_record_get(table, "number"), "7");
	assert_str(etsi_record_get(table, "name"), "Update Mechanisms");
	assert_str(etsi_record_get(table, "summary"), "One row per update mechanism of the device.");
	assert_str(etsi_record_get(table, "confidence"), "S");
	assert_int_equal(etsi_record_child_count(table), 7);
	for (i = 0; i < 7; i++) {
		f = etsi_record_child_at(table, i);
		assert_int_equal(etsi_record_kind(f), ETSI_KIND_IXIT_FIELD);
		assert_str(etsi_record_key(f), fields[i]);
		assert_ptr_equal(etsi_record_parent(f), table);
		assert_non_null(etsi_record_get(f, "name"));
		assert_non_null(etsi_record_get(f, "summary"));
	}
	assert_str(etsi_record_get(etsi_record_child_at(table, 3), "name"),
	           "Initiation and Interaction");
	assert_null(etsi_record_child_at(table, 7));
	/* a table without fields */
	table = etsi_catalog_find(cat, ETSI_KIND_IXIT_TABLE, "1-AuthMech");
	assert_non_null(table);
	assert_int_equal(etsi_record_child_count(table), 0);
	assert_null(etsi_record_get(table, "summary"));
	/* the V2.1.1 renames */
	table = etsi_catalog_find(cat, ETSI_KIND_IXIT_TABLE, "11-SecComMech");
	assert_non_null(table);
	assert_non_null(etsi_record_get(table, "renamed-from"));
	etsi_catalog_free(cat);
}

static void test_catalog__find_each_kind(void **state)
{
	etsi_catalog *cat = open_catalog("3.1.3");
	etsi_record *r;

	(void)state;
	r = etsi_catalog_find(cat, ETSI_KIND_SOURCE, "FLH-B1");
	assert_non_null(r);
	assert_contains(etsi_record_get(r, "summary"), "Table B.1");
	assert_non_null(etsi_catalog_find(cat, ETSI_KIND_SOURCE, "TCSFW-TXT")); /* TS side */
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_CONDITION, "12")), "12");
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_FEATURE, "g")), "g");
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-15B")), "5.3-15B");
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_IXIT_TABLE, "8-UpdProc")),
	           "8-UpdProc");
	r = etsi_catalog_find(cat, ETSI_KIND_IXIT_FIELD, "time-frame");
	assert_non_null(r);
	assert_str(etsi_record_key(etsi_record_parent(r)), "8-UpdProc");
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_TEST_GROUP, "5.3-13")), "5.3-13");
	assert_str(etsi_record_key(etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, "5.3-13-2")),
	           "5.3-13-2");

	/* unknown keys */
	assert_null(etsi_catalog_find(cat, ETSI_KIND_SOURCE, "NOPE"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_CONDITION, "5"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_FEATURE, "a"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-99"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "4-1"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_IXIT_TABLE, "7-updmech"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_IXIT_FIELD, "no-such-field"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_TEST_GROUP, "5.3-4"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, "5.3-4-1"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_TEST_INPUT, "7-UpdMech"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, NULL));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_PROVISION, ""));
	/* dossier kinds are never in a catalog */
	assert_null(etsi_catalog_find(cat, ETSI_KIND_COMPONENT, "comp"));
	assert_null(etsi_catalog_find(cat, ETSI_KIND_HEADER, NULL));
	assert_null(etsi_catalog_find(cat, (etsi_kind)0, "x"));
	assert_null(etsi_catalog_find(cat, ETSI__KIND_LAST, "x"));
	etsi_catalog_free(cat);
}

static void test_catalog__records_are_read_only(void **state)
{
	etsi_catalog *cat = open_catalog("3.1.3");
	etsi_record *p = etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-2");
	etsi_record *tc = etsi_catalog_find(cat, ETSI_KIND_TEST_CASE, "5.3-2-1");

	(void)state;
	assert_etsi_error(etsi_record_set(p, "title", "Changed"), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_set(p, "title", NULL), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_set(p, "status-code", "M"), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_add_value(p, "condition", "12"), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_remove_value(p, "condition", "15"), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_set(tc, "kind", "functional"), ETSI_EREADONLY);
	assert_etsi_error(etsi_record_set(etsi_record_child_at(tc, 0), "table", "8-UpdProc"),
	                  ETSI_EREADONLY);
	/* nothing changed */
	assert_str(etsi_record_get(p, "title"), "Secure update mechanism");
	assert_str(etsi_record_value_at(p, "condition", 0), "15");
	assert_int_equal(etsi_record_value_count(p, "condition"), 1);
	assert_str(etsi_record_get(tc, "kind"), "conceptual");
	etsi_catalog_free(cat);
}

/* ---- export ---------------------------------------------------------- */

static void test_catalog__write_validates_against_schema(void **state)
{
	const char *editions[] = { "2.1.1", "3.1.3" };
	xmlSchemaParserCtxt *pctxt;
	xmlSchema *schema;
	size_t e;

	(void)state;
	pctxt = xmlSchemaNewParserCtxt(test_source_path("xsd/catalog.xsd"));
	assert_non_null(pctxt);
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	assert_non_null(schema);
	for (e = 0; e < 2; e++) {
		etsi_catalog *cat = open_catalog(editions[e]);
		xmlSchemaValidCtxt *vctxt;
		xmlDoc *doc;
		xmlNode *root, *c;
		char *out = NULL, *again = NULL;
		size_t len = 0, len2 = 0, n = 0;

		assert_int_equal(etsi_catalog_write(&out, &len, cat), 0);
		assert_non_null(out);
		assert_int_equal(strlen(out), len);
		doc = xmlReadMemory(out, (int)len, "catalogs.xml", NULL, XML_PARSE_NONET);
		assert_non_null(doc);
		vctxt = xmlSchemaNewValidCtxt(schema);
		assert_non_null(vctxt);
		assert_int_equal(xmlSchemaValidateDoc(vctxt, doc), 0);
		xmlSchemaFreeValidCtxt(vctxt);

		root = xmlDocGetRootElement(doc);
		assert_str((const char *)root->name, "catalogs");
		assert_str((const char *)root->ns->href, NS_C);
		for (c = root->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (n == 2) { /* the crypto policy */
				assert_str((const char *)c->name, "policy");
				n++;
				continue;
			}
			assert_str((const char *)c->name, "catalog");
			assert_str(attr_of(c, "standard"), n == 0 ? "EN 303 645" : "TS 103 701");
			assert_str(attr_of(c, "edition"), n == 0 ? etsi_catalog_edition(cat)
			                                         : etsi_catalog_ts_edition(cat));
			n++;
		}
		assert_int_equal(n, 3);
		assert_int_equal(count_xpath(doc, NULL, "//c:provision"),
		                 etsi_catalog_count(cat, ETSI_KIND_PROVISION));
		assert_int_equal(count_xpath(doc, NULL, "//c:case"),
		                 etsi_catalog_count(cat, ETSI_KIND_TEST_CASE));
		/* deterministic */
		assert_int_equal(etsi_catalog_write(&again, &len2, cat), 0);
		assert_int_equal(len2, len);
		assert_memory_equal(again, out, len);
		/* len may be NULL */
		etsi_free(again);
		assert_int_equal(etsi_catalog_write(&again, NULL, cat), 0);
		assert_str(again, out);
		etsi_free(again);
		xmlFreeDoc(doc);
		etsi_free(out);

		out = (char *)1;
		assert_etsi_error(etsi_catalog_write(&out, &len, NULL), ETSI_EINVALID);
		assert_null(out);
		assert_etsi_error(etsi_catalog_write(NULL, &len, cat), ETSI_EINVALID);
		etsi_catalog_free(cat);
	}
	xmlSchemaFree(schema);
}

/* ---- kinds ----------------------------------------------------------- */

static void test_catalog__kind_names_round_trip(void **state)
{
	int k;

	(void)state;
	for (k = 1; k < ETSI__KIND_LAST; k++) {
		const char *name = etsi_kind_name((etsi_kind)k);
		etsi_kind back = (etsi_kind)0;
		size_t i, j;

		assert_non_null(name);
		assert_int_equal(etsi_kind_from_name(&back, name), 0);
		assert_int_equal(back, k);
		/* at least one field, unique names, NULL past the last */
		assert_non_null(etsi_kind_field((etsi_kind)k, 0));
		for (i = 0; etsi_kind_field((etsi_kind)k, i); i++) {
			for (j = 0; j < i; j++)
				assert_string_not_equal(etsi_kind_field((etsi_kind)k, i),
				                        etsi_kind_field((etsi_kind)k, j));
		}
		assert_null(etsi_kind_field((etsi_kind)k, i));
		assert_null(etsi_kind_field((etsi_kind)k, i + 100));
	}
	assert_str(etsi_kind_name(ETSI_KIND_ICS_ENTRY), "ics-entry");
	assert_str(etsi_kind_name(ETSI_KIND_IXIT_TABLE), "ixit-table");
	assert_str(etsi_kind_name(ETSI_KIND_STEP), "step");
	assert_str(etsi_kind_field(ETSI_KIND_PROVISION, 2), "status-code");
	assert_str(etsi_kind_field(ETSI_KIND_TEST_INPUT, 0), "table");
	assert_null(etsi_kind_name((etsi_kind)0));
	assert_null(etsi_kind_name(ETSI__KIND_LAST));
	assert_null(etsi_kind_name((etsi_kind)-3));
	assert_null(etsi_kind_field((etsi_kind)0, 0));
	assert_null(etsi_kind_field(ETSI__KIND_LAST, 0));
}

static void test_catalog__kind_from_unknown_name(void **state)
{
	etsi_kind k = ETSI_KIND_STEP;

	(void)state;
	etsi_error_clear();
	assert_int_equal(etsi_kind_from_name(&k, "no-such-kind"), ETSI_ENOTFOUND);
	assert_int_equal(k, ETSI_KIND_STEP);
	assert_int_equal(etsi_kind_from_name(&k, "Component"), ETSI_ENOTFOUND);
	assert_int_equal(etsi_kind_from_name(&k, ""), ETSI_ENOTFOUND);
	assert_int_equal(etsi_kind_from_name(NULL, "component"), ETSI_EINVALID);
	assert_int_equal(etsi_kind_from_name(&k, NULL), ETSI_EINVALID);
	assert_int_equal(k, ETSI_KIND_STEP);
}

static void test_catalog__kind_from_name_reports_error(void **state)
{
	etsi_kind k;

	(void)state;
	/* Regression test for a fixed bug: etsi_kind_from_name() (libetsi/src/kinds.c) returns
	 * ETSI_ENOTFOUND / ETSI_EINVALID without recording them, so
	 * etsi_error_last() still says "no error" (or describes an older
	 * failure), although common.h promises that the details of every
	 * failure are in etsi_error_last(). */
	etsi_error_clear();
	assert_etsi_error(etsi_kind_from_name(&k, "no-such-kind"), ETSI_ENOTFOUND);
	etsi_error_clear();
	assert_etsi_error(etsi_kind_from_name(NULL, "component"), ETSI_EINVALID);
}

/* ---- data directories ------------------------------------------------ */

/* Catalog files in a data directory are validated against a cached schema
 * while catalogs are cached too; that once deadlocked (both caches share
 * the library lock).  The bodies below run in a child process so that a
 * regression fails the test instead of hanging the program. */
static unsigned isolation_timeout(void)
{
	const char *preload = getenv("LD_PRELOAD");

	/* valgrind is some 50 times slower */
	return preload && strstr(preload, "vgpreload") ? 60000 : 2000;
}

static char *make_data_dir_with(const char *file, const char *from, const char *to)
{
	char *dir = test_mkdtemp();
	char relative[128];
	char *text, *changed, *path;

	snprintf(relative, sizeof(relative), "catalogs/%s", file);
	text = test_read_file(test_source_path(relative), NULL);
	changed = test_replace(text, from, to);
	path = test_path_join(dir, file);
	test_write_file(path, changed, strlen(changed));
	free(path);
	free(changed);
	free(text);
	return dir;
}

static const char *provision_title(etsi_catalog *cat, const char *id)
{
	return etsi_record_get(etsi_catalog_find(cat, ETSI_KIND_PROVISION, id), "title");
}

static const char *override_body(void *arg)
{
	const char *dir = arg;
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL, *builtin = NULL, *v2 = NULL, *none = NULL;

	TEST_CHECK(etsi_catalog_open(&builtin, "3.1.3", NULL) == 0);
	opts.data_dir = dir;
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", &opts) == 0);
	TEST_CHECK(cat != builtin);
	TEST_CHECK_STR(provision_title(cat, "5.3-2"), "Overridden secure update mechanism");
	/* the TS catalog, not in the directory, is the built-in one */
	TEST_CHECK_STR(etsi_catalog_ts_edition(cat), "2.1.1");
	TEST_CHECK(etsi_catalog_count(cat, ETSI_KIND_TEST_CASE) == 32);
	/* the built-in catalog is unchanged */
	TEST_CHECK_STR(provision_title(builtin, "5.3-2"), "Secure update mechanism");
	/* other editions still come from the built-in data */
	TEST_CHECK(etsi_catalog_open(&v2, "2.1.1", &opts) == 0);
	TEST_CHECK(etsi_catalog_count(v2, ETSI_KIND_PROVISION) == 17);
	/* an unknown edition names the directory it looked in */
	TEST_CHECK(etsi_catalog_open(&none, "8.8.8", &opts) == ETSI_EUNSUPPORTED);
	TEST_CHECK(strstr(etsi_error_last()->message, dir) != NULL);
	etsi_catalog_free(v2);
	etsi_catalog_free(cat);
	etsi_catalog_free(builtin);
	return NULL;
}

static void test_catalog__data_dir_overrides_builtin(void **state)
{
	char *dir = make_data_dir_with("en303645-3.1.3.xml", "<title>Secure update mechanism</title>",
	                               "<title>Overridden secure update mechanism</title>");

	(void)state;
	test_isolated("etsi_catalog_open with an overriding data_dir", override_body, dir,
	              isolation_timeout());
	test_rmtree(dir);
	free(dir);
}

struct invalid_case {
	const char *dir;
	const char *path;
	int line;
};

static const char *invalid_body(void *arg)
{
	const struct invalid_case *c = arg;
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;

	opts.data_dir = c->dir;
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", &opts) == ETSI_EVALIDATION);
	TEST_CHECK(cat == NULL);
	TEST_CHECK(etsi_error_last()->code == ETSI_EVALIDATION);
	TEST_CHECK_STR(etsi_error_last()->file, c->path);
	TEST_CHECK(etsi_error_last()->line == c->line);
	TEST_CHECK(strstr(etsi_error_last()->message, "summary") != NULL);
	return NULL;
}

static void test_catalog__invalid_catalog_in_data_dir(void **state)
{
	/* 5.3-2 loses its required <title>: a schema error at its <summary> */
	char *dir = make_data_dir_with("en303645-3.1.3.xml",
	                               "      <title>Secure update mechanism</title>\n", "");
	char *path = test_path_join(dir, "en303645-3.1.3.xml");
	char *text = test_read_file(path, NULL);
	struct invalid_case c;

	(void)state;
	c.dir = dir;
	c.path = path;
	c.line = test_line_of(strstr(text, "provision id=\"5.3-2\""), "<summary>") +
	         test_line_of(text, "provision id=\"5.3-2\"") - 1;
	test_isolated("etsi_catalog_open with an invalid catalog file", invalid_body, &c,
	              isolation_timeout());
	free(text);

	/* a catalog that is not even well-formed fails before validation */
	{
		etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
		char *dir2 = test_mkdtemp();
		char *path2 = test_path_join(dir2, "en303645-3.1.3.xml");
		etsi_catalog *cat = NULL;

		test_write_file(path2, "<catalog>\n<oops>\n", 17);
		opts.data_dir = dir2;
		assert_etsi_error(etsi_catalog_open(&cat, "3.1.3", &opts), ETSI_EPARSE);
		assert_str(etsi_error_last()->file, path2);
		assert_null(cat);
		test_rmtree(dir2);
		free(dir2);
		free(path2);
	}
	test_rmtree(dir);
	free(dir);
	free(path);
}

static const char *new_edition_body(void *arg)
{
	const char *dir = arg;
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_new_options nopts = ETSI_NEW_OPTIONS_INIT;
	etsi_catalog *cat = NULL;
	etsi_dossier *d = NULL;

	opts.data_dir = dir;
	TEST_CHECK(etsi_catalog_open(&cat, "9.0.0", &opts) == 0);
	TEST_CHECK_STR(etsi_catalog_edition(cat), "9.0.0");
	TEST_CHECK_STR(etsi_catalog_ts_edition(cat), "9.0.0");
	TEST_CHECK(etsi_catalog_count(cat, ETSI_KIND_PROVISION) == 23);
	TEST_CHECK(etsi_catalog_count(cat, ETSI_KIND_TEST_CASE) == 32);
	TEST_CHECK_STR(etsi_record_get(etsi_catalog_find(cat, ETSI_KIND_PROVISION, "5.3-2"),
	                               "status-code"),
	               "M C (15)");
	etsi_catalog_free(cat);

	/* a dossier of the new edition can be created with the same directory */
	nopts.edition = "9.0.0";
	nopts.model = "NEW-1";
	nopts.release = "1.0";
	nopts.data_dir = dir;
	TEST_CHECK(etsi_dossier_new(&d, &nopts) == 0);
	TEST_CHECK_STR(etsi_record_get(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL), "en303645"),
	               "9.0.0");
	TEST_CHECK(etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY) == 19);
	TEST_CHECK(etsi_dossier_validate(NULL, d) == 0);
	etsi_dossier_free(d);
	return NULL;
}

static const char *unpaired_body(void *arg)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;

	opts.data_dir = arg;
	TEST_CHECK(etsi_catalog_open(&cat, "9.0.0", &opts) == ETSI_EUNSUPPORTED);
	TEST_CHECK(strstr(etsi_error_last()->message, "9.0.0") != NULL);
	TEST_CHECK(cat == NULL);
	return NULL;
}

static void test_catalog__new_edition_in_data_dir(void **state)
{
	char *dir = make_data_dir_with("en303645-3.1.3.xml", "edition=\"3.1.3\"", "edition=\"9.0.0\"");
	char *dir2 = test_mkdtemp();
	char *text = test_read_file(test_source_path("catalogs/ts103701-2.1.1.xml"), NULL);
	char *t1 = test_replace(text, "edition=\"2.1.1\"", "edition=\"9.0.0\"");
	char *t2 = test_replace(t1, "assesses=\"3.1.3\"", "assesses=\"9.0.0\"");
	char *ts_path = test_path_join(dir, "ts103701-9.0.0.xml");
	char *en_path = test_path_join(dir, "en303645-9.0.0.xml");
	char *old_path = test_path_join(dir, "en303645-3.1.3.xml");
	char *en2 = test_path_join(dir2, "en303645-9.0.0.xml");
	char *en_text;

	(void)state;
	assert_int_equal(rename(old_path, en_path), 0);
	test_write_file(ts_path, t2, strlen(t2));
	/* without a TS catalog that assesses it, the edition cannot open */
	en_text = test_read_file(en_path, NULL);
	test_write_file(en2, en_text, strlen(en_text));
	free(en_text);

	test_isolated("etsi_catalog_open of a new edition 9.0.0", new_edition_body, dir,
	              isolation_timeout());
	test_isolated("etsi_catalog_open of 9.0.0 without its TS catalog", unpaired_body, dir2,
	              isolation_timeout());
	free(text);
	free(t1);
	free(t2);
	free(ts_path);
	free(en_path);
	free(old_path);
	free(en2);
	test_rmtree(dir);
	test_rmtree(dir2);
	free(dir);
	free(dir2);
}

static const char *environment_body(void *arg)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_catalog *cat = NULL;

	TEST_CHECK(setenv("ETSI_DATA_DIR", arg, 1) == 0);
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", NULL) == 0);
	TEST_CHECK_STR(provision_title(cat, "5.3-2"), "From ETSI_DATA_DIR");
	etsi_catalog_free(cat);
	/* an explicit data_dir wins over the environment */
	opts.data_dir = "/";
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", &opts) == 0);
	TEST_CHECK_STR(provision_title(cat, "5.3-2"), "Secure update mechanism");
	etsi_catalog_free(cat);
	/* an empty variable counts as unset */
	TEST_CHECK(setenv("ETSI_DATA_DIR", "", 1) == 0);
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", NULL) == 0);
	TEST_CHECK_STR(provision_title(cat, "5.3-2"), "Secure update mechanism");
	etsi_catalog_free(cat);
	/* a variable naming a missing directory is an error, not ignored */
	TEST_CHECK(setenv("ETSI_DATA_DIR", "/nonexistent-etsi-data-dir", 1) == 0);
	TEST_CHECK(etsi_catalog_open(&cat, "3.1.3", NULL) == ETSI_EIO);
	TEST_CHECK(strstr(etsi_error_last()->message, "/nonexistent-etsi-data-dir") != NULL);
	TEST_CHECK(cat == NULL);
	return NULL;
}

static void test_catalog__data_dir_from_environment(void **state)
{
	char *dir = make_data_dir_with("en303645-3.1.3.xml", "<title>Secure update mechanism</title>",
	                               "<title>From ETSI_DATA_DIR</title>");

	(void)state;
	test_isolated("etsi_catalog_open with ETSI_DATA_DIR", environment_body, dir,
	              isolation_timeout());
	test_rmtree(dir);
	free(dir);
}

/* ---- threads --------------------------------------------------------- */

struct reader {
	const char *data_dir;
	etsi_catalog *catalog;
	char *digest;
	int rc;
};

static void *read_everything(void *arg)
{
	struct reader *r = arg;
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	size_t cap = 1 << 16, len = 0;
	int k;

	opts.data_dir = r->data_dir;
	r->digest = malloc(cap);
	if (!r->digest)
		return NULL;
	r->digest[0] = '\0';
	r->rc = etsi_catalog_open(&r->catalog, "3.1.3", &opts);
	if (r->rc != 0)
		return NULL;
	for (k = ETSI_KIND_SOURCE; k <= ETSI_KIND_TEST_INPUT; k++) {
		size_t i, n = etsi_catalog_count(r->catalog, (etsi_kind)k);

		for (i = 0; i < n; i++) {
			etsi_record *rec = etsi_catalog_at(r->catalog, (etsi_kind)k, i);
			char *dump = test_record_dump(rec);
			size_t dl = strlen(dump);

			while (len + dl + 64 >= cap) {
				cap *= 2;
				r->digest = realloc(r->digest, cap);
				if (!r->digest) {
					free(dump);
					return NULL;
				}
			}
			len += (size_t)snprintf(r->digest + len, cap - len, "%d/%zu/%zu\n%s", k, i,
			                        etsi_record_child_count(rec), dump);
			free(dump);
		}
	}
	return NULL;
}

static void test_catalog__concurrent_open_and_read(void **state)
{
	/* an empty data directory: a key no earlier test has cached, so both
	 * threads race to load the catalog */
	char *dir = test_mkdtemp();
	struct reader r[4];
	pthread_t threads[4];
	size_t i;

	(void)state;
	memset(r, 0, sizeof(r));
	for (i = 0; i < 4; i++) {
		r[i].data_dir = dir;
		assert_int_equal(pthread_create(&threads[i], NULL, read_everything, &r[i]), 0);
	}
	for (i = 0; i < 4; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(r[i].rc, 0);
		assert_non_null(r[i].digest);
		assert_true(strlen(r[i].digest) > 10000);
		assert_ptr_equal(r[i].catalog, r[0].catalog);
		assert_str(r[i].digest, r[0].digest);
	}
	assert_contains(r[0].digest, "status-code=M C (15)");
	for (i = 0; i < 4; i++) {
		etsi_catalog_free(r[i].catalog);
		free(r[i].digest);
	}
	test_rmtree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog__open_editions_and_pairing),
		cmocka_unit_test(test_catalog__unknown_edition),
		cmocka_unit_test(test_catalog__wrong_pairing),
		cmocka_unit_test(test_catalog__missing_data_dir),
		cmocka_unit_test(test_catalog__bad_arguments),
		cmocka_unit_test(test_catalog__counts_v2),
		cmocka_unit_test(test_catalog__counts_v3),
		cmocka_unit_test(test_catalog__status_codes_match_files),
		cmocka_unit_test(test_catalog__provision_fields),
		cmocka_unit_test(test_catalog__groups_cases_inputs),
		cmocka_unit_test(test_catalog__ixit_tables_and_fields),
		cmocka_unit_test(test_catalog__find_each_kind),
		cmocka_unit_test(test_catalog__records_are_read_only),
		cmocka_unit_test(test_catalog__write_validates_against_schema),
		cmocka_unit_test(test_catalog__kind_names_round_trip),
		cmocka_unit_test(test_catalog__kind_from_unknown_name),
		cmocka_unit_test(test_catalog__kind_from_name_reports_error),
		cmocka_unit_test(test_catalog__data_dir_overrides_builtin),
		cmocka_unit_test(test_catalog__invalid_catalog_in_data_dir),
		cmocka_unit_test(test_catalog__new_edition_in_data_dir),
		cmocka_unit_test(test_catalog__data_dir_from_environment),
		cmocka_unit_test(test_catalog__concurrent_open_and_read),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
