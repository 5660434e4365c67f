/* Unit tests of the OSCAL assessment-results export (oscal.c): version 5
 * UUIDs as RFC 4122 computes them, deterministic bytes, the mapping of
 * verdicts and outcomes to findings (PASS, FAIL, INCONCLUSIVE, NOT
 * APPLICABLE, NOT ASSESSED), evidence to observations with relevant
 * evidence resolving to back-matter resources that carry the artifacts'
 * SHA-256, identifiers that do not start with a digit, the XML and JSON
 * forms saying the same thing, and (where ../shared/data holds it) the XML
 * valid under NIST's OSCAL 1.2.1 XSD.  The JSON Schemas are checked with
 * ajv by tests/cli/test_interchange.py. */
#include "helpers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "interchange_impl.h"

static const char *const examples[] = {
	"smart-camera-v3.xml", "constrained-sensor-v2.xml", "smart-plug-usb-v3.xml",
};

static char *export_as(etsi_dossier *d, const char *format, const char *timestamp)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL, *copy;
	int rc;

	opts.format = format;
	opts.timestamp = timestamp;
	rc = etsi_dossier_export(&out, NULL, d, &opts);
	if (rc != 0)
		fail_msg("export %s: %d %s", format, rc, etsi_error_last()->message);
	copy = strdup(out);
	etsi_free(out);
	return copy;
}

static json_t *oscal_json(etsi_dossier *d)
{
	char *text = export_as(d, "oscal-json", NULL);
	json_error_t jerr;
	json_t *top = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);

	if (!top)
		fail_msg("the OSCAL JSON does not parse: %s", jerr.text);
	free(text);
	return top;
}

static json_t *ar(json_t *top)
{
	return json_object_get(top, "assessment-results");
}

static json_t *result0(json_t *top)
{
	return json_array_get(json_object_get(ar(top), "results"), 0);
}

static const char *prop(json_t *obj, const char *name)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(obj, "props"), i, p) {
		if (strcmp(json_string_value(json_object_get(p, "name")), name) == 0) {
			assert_string_equal(json_string_value(json_object_get(p, "ns")),
			                    "urn:libetsi:oscal:1");
			return json_string_value(json_object_get(p, "value"));
		}
	}
	return NULL;
}

static json_t *finding(json_t *top, const char *level, const char *key)
{
	json_t *f;
	size_t i;

	json_array_foreach(json_object_get(result0(top), "findings"), i, f) {
		const char *id = prop(f, strcmp(level, "provision") == 0 ? "provision" : "test-case");

		if (strcmp(prop(f, "level"), level) == 0 && id && strcmp(id, key) == 0)
			return f;
	}
	fail_msg("no %s finding for %s", level, key);
	return NULL;
}

static const char *state_of(json_t *f)
{
	return json_string_value(json_object_get(json_object_get(json_object_get(f, "target"),
	                                                         "status"), "state"));
}

static const char *reason_of(json_t *f)
{
	return json_string_value(json_object_get(json_object_get(json_object_get(f, "target"),
	                                                         "status"), "reason"));
}

/* ---- UUIDs ------------------------------------------------------------------ */

static void test_oscal__uuid5(void **state)
{
	char u[37];

	(void)state;
	/* Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "urn:libetsi:oscal:1"), "test") */
	assert_int_equal(etsi__oscal_uuid5(u, "test"), 0);
	assert_string_equal(u, "13f6b378-66bb-52a6-9668-43cb5d665f8d");
	assert_int_equal(etsi__oscal_uuid5(u, ""), 0);
	assert_int_equal(u[14], '5');
	assert_true(strchr("89ab", u[19]) != NULL);
}

/* ---- determinism ----------------------------------------------------------- */

static void test_oscal__deterministic(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL), *again;
		char *a = export_as(d, "oscal-json", NULL), *b = export_as(d, "oscal-json", NULL);
		char *x = export_as(d, "oscal-xml", NULL), *y, *xml;
		size_t len;

		assert_string_equal(a, b);
		/* a saved and reloaded dossier gives the same bytes too */
		xml = test_write(d, &len);
		assert_int_equal(etsi_dossier_load_memory(&again, xml, len, "again.xml", NULL), 0);
		free(b);
		b = export_as(again, "oscal-json", NULL);
		y = export_as(again, "oscal-xml", NULL);
		assert_string_equal(a, b);
		assert_string_equal(x, y);
		assert_non_null(strstr(x, "<assessment-results xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\""));
		free(a);
		free(b);
		free(x);
		free(y);
		free(xml);
		etsi_dossier_free(again);
		etsi_dossier_free(d);
	}
}

static void test_oscal__timestamp(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL, *text;
	json_t *top;

	(void)state;
	/* by default, the latest date the dossier states */
	top = oscal_json(d);
	assert_string_equal(json_string_value(json_object_get(json_object_get(ar(top), "metadata"),
	                                                      "last-modified")),
	                    "2026-12-14T00:00:00Z");
	assert_string_equal(prop(result0(top), "as-of"), "2026-12-14");
	json_decref(top);
	text = export_as(d, "oscal-json", "2027-01-02T03:04:05+01:00");
	assert_non_null(strstr(text, "\"last-modified\": \"2027-01-02T03:04:05+01:00\""));
	free(text);
	text = export_as(d, "oscal-xml", "2027-01-02");
	assert_non_null(strstr(text, "<last-modified>2027-01-02T00:00:00Z</last-modified>"));
	free(text);
	opts.format = "oscal-json";
	opts.timestamp = "yesterday";
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &opts), ETSI_EINVALID);
	opts.timestamp = "2027-01-02T03:04:05";  /* no zone */
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &opts), ETSI_EINVALID);
	opts.timestamp = "1800-01-01";
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &opts), ETSI_EINVALID);
	opts.timestamp = NULL;
	opts.as_of = "2026-02-30";
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &opts), ETSI_EINVALID);
	assert_null(out);
	etsi_dossier_free(d);
}

/* ---- the mapping ------------------------------------------------------------- */

static void test_oscal__findings(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	json_t *top, *f, *impl;
	etsi_record *v;

	(void)state;
	/* record a FAIL too, so that every verdict appears */
	assert_int_equal(etsi_dossier_set_verdict(&v, d, "5.3-16-1", "FAIL", "tl-meridian",
	                                          "2026-11-21", "Label unreadable."), 0);
	top = oscal_json(d);

	f = finding(top, "test-case", "5.3-2-1");
	assert_string_equal(state_of(f), "satisfied");
	assert_string_equal(reason_of(f), "pass");
	assert_string_equal(prop(f, "result"), "PASS");
	assert_string_equal(json_string_value(json_object_get(json_object_get(f, "target"),
	                                                      "target-id")), "ts103701-5.3-2-1");
	assert_string_equal(json_string_value(json_object_get(json_object_get(f, "target"), "type")),
	                    "objective-id");

	f = finding(top, "test-case", "5.3-16-1");
	assert_string_equal(state_of(f), "not-satisfied");
	assert_string_equal(reason_of(f), "fail");

	f = finding(top, "test-case", "5.3-13-2");
	assert_string_equal(prop(f, "result"), "INCONCLUSIVE");
	assert_string_equal(state_of(f), "not-satisfied");
	assert_string_equal(reason_of(f), "other");

	/* provisions: libetsi's outcome in its own vocabulary */
	f = finding(top, "provision", "5.3-2");
	assert_string_equal(prop(f, "outcome"), "PASS");
	assert_string_equal(state_of(f), "satisfied");
	assert_string_equal(json_string_value(json_object_get(json_object_get(f, "target"),
	                                                      "target-id")), "en303645-5.3-2_obj");
	impl = json_object_get(json_object_get(f, "target"), "implementation-status");
	assert_string_equal(json_string_value(json_object_get(impl, "state")), "implemented");
	f = finding(top, "provision", "5.3-16");
	assert_string_equal(prop(f, "outcome"), "FAIL");
	assert_string_equal(state_of(f), "not-satisfied");
	f = finding(top, "provision", "5.3-13");
	assert_string_equal(prop(f, "outcome"), "INCONCLUSIVE");
	assert_string_equal(reason_of(f), "other");
	f = finding(top, "provision", "5.3-1");
	assert_string_equal(prop(f, "outcome"), "NOT ASSESSED");
	assert_string_equal(state_of(f), "not-satisfied");
	assert_string_equal(reason_of(f), "other");
	json_decref(top);
	etsi_dossier_free(d);

	/* NOT APPLICABLE: satisfied, not-applicable, said in the prop */
	d = test_load_example("constrained-sensor-v2.xml", NULL);
	top = oscal_json(d);
	{
		json_t *item;
		size_t i, na = 0;

		json_array_foreach(json_object_get(result0(top), "findings"), i, item) {
			if (!prop(item, "outcome") || strcmp(prop(item, "outcome"), "NOT APPLICABLE") != 0)
				continue;
			na++;
			assert_string_equal(state_of(item), "satisfied");
			assert_string_equal(reason_of(item), "other");
			impl = json_object_get(json_object_get(item, "target"), "implementation-status");
			assert_string_equal(json_string_value(json_object_get(impl, "state")),
			                    "not-applicable");
		}
		assert_true(na >= 1);
	}
	json_decref(top);
	etsi_dossier_free(d);
}

/* Every UUID is a version 5 UUID, every reference resolves, no token starts
 * with a digit, and the artifacts' digests are in the back matter. */
static void check_references(json_t *top, etsi_dossier *d)
{
	json_t *res = json_object_get(json_object_get(ar(top), "back-matter"), "resources"), *r, *o;
	size_t i, j, artifacts = 0;
	char *text = json_dumps(top, 0);
	const char *p;

	/* UUIDs */
	for (p = strstr(text, "uuid\": \""); p; p = strstr(p + 1, "uuid\": \"")) {
		const char *u = p + 8;

		assert_true(strlen(u) > 36);
		assert_int_equal(u[14], '5');
		assert_true(strchr("89ab", u[19]) != NULL);
	}
	/* tokens */
	for (p = strstr(text, "-id\": \""); p; p = strstr(p + 1, "-id\": \"")) {
		assert_false(isdigit((unsigned char)p[7]));
	}
	free(text);
	/* relevant evidence -> resources with the artifact's digest */
	json_array_foreach(json_object_get(result0(top), "observations"), i, o) {
		json_t *re;

		json_array_foreach(json_object_get(o, "relevant-evidence"), j, re) {
			const char *href = json_string_value(json_object_get(re, "href"));
			int found = 0;
			size_t k;

			assert_int_equal(href[0], '#');
			json_array_foreach(res, k, r) {
				if (strcmp(json_string_value(json_object_get(r, "uuid")), href + 1) != 0)
					continue;
				found = 1;
				{
					const char *art = prop(r, "artifact-id");
					etsi_record *a = etsi_dossier_find(d, ETSI_KIND_ARTIFACT, art);
					json_t *hashes = json_object_get(json_array_get(json_object_get(r, "rlinks"),
					                                                0), "hashes");

					assert_non_null(a);
					if (etsi_record_get(a, "sha256")) {
						json_t *h = json_array_get(hashes, 0);

						assert_string_equal(json_string_value(json_object_get(h, "algorithm")),
						                    "SHA-256");
						assert_string_equal(json_string_value(json_object_get(h, "value")),
						                    etsi_record_get(a, "sha256"));
					}
					artifacts++;
				}
			}
			assert_true(found);
		}
	}
	assert_int_equal(artifacts, etsi_dossier_count(d, ETSI_KIND_ARTIFACT));
	/* findings relate to observations that exist */
	json_array_foreach(json_object_get(result0(top), "findings"), i, r) {
		json_array_foreach(json_object_get(r, "related-observations"), j, o) {
			const char *uuid = json_string_value(json_object_get(o, "observation-uuid"));
			json_t *obs;
			size_t k;
			int found = 0;

			json_array_foreach(json_object_get(result0(top), "observations"), k, obs)
				found |= strcmp(json_string_value(json_object_get(obs, "uuid")), uuid) == 0;
			assert_true(found);
		}
	}
	/* the import-ap points at the test plan resource */
	{
		const char *href = json_string_value(json_object_get(json_object_get(ar(top), "import-ap"),
		                                                     "href"));
		int found = 0;

		json_array_foreach(res, i, r)
			found |= strcmp(json_string_value(json_object_get(r, "uuid")), href + 1) == 0;
		assert_true(found);
	}
}

static void test_oscal__references(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		json_t *top = oscal_json(d);

		check_references(top, d);
		json_decref(top);
		etsi_dossier_free(d);
	}
}

static void test_oscal__subjects_and_observations(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	json_t *top = oscal_json(d), *comps, *c, *obs;
	size_t i, software = 0, services = 0, system = 0, evidence = 0, verdicts = 0;

	(void)state;
	comps = json_object_get(json_object_get(result0(top), "local-definitions"), "components");
	json_array_foreach(comps, i, c) {
		const char *type = json_string_value(json_object_get(c, "type"));

		software += strcmp(type, "software") == 0;
		services += strcmp(type, "service") == 0;
		system += strcmp(type, "this-system") == 0;
	}
	assert_int_equal(system, 1);
	assert_int_equal(software, etsi_dossier_count(d, ETSI_KIND_COMPONENT));
	assert_int_equal(services, etsi_dossier_count(d, ETSI_KIND_SERVICE));
	json_array_foreach(json_object_get(result0(top), "observations"), i, obs) {
		if (prop(obs, "evidence-id"))
			evidence++;
		if (prop(obs, "result"))
			verdicts++;
		assert_non_null(json_object_get(obs, "collected"));
		assert_true(json_array_size(json_object_get(obs, "methods")) >= 1);
		assert_int_equal(json_array_size(json_object_get(obs, "subjects")), 1);
	}
	assert_int_equal(evidence, etsi_dossier_count(d, ETSI_KIND_EVIDENCE));
	assert_int_equal(verdicts, etsi_dossier_count(d, ETSI_KIND_VERDICT));
	/* the reviewed objectives are defined locally */
	assert_true(json_array_size(json_object_get(json_object_get(ar(top), "local-definitions"),
	                                            "objectives-and-methods")) >= 16);
	json_decref(top);
	etsi_dossier_free(d);
}

/* XML and JSON say the same thing: as many findings, observations and
 * resources, with the same UUIDs. */
static void test_oscal__xml_and_json_agree(void **state)
{
	etsi_dossier *d = test_load_example("smart-plug-usb-v3.xml", NULL);
	char *xml = export_as(d, "oscal-xml", NULL);
	json_t *top = oscal_json(d);
	char *json = json_dumps(top, 0);
	const char *p;
	size_t in_xml = 0, in_json = 0;

	(void)state;
	for (p = strstr(xml, " uuid=\""); p; p = strstr(p + 1, " uuid=\"")) {
		char needle[64];

		snprintf(needle, sizeof(needle), "\"%.36s\"", p + 7);
		assert_non_null(strstr(json, needle));
		in_xml++;
	}
	for (p = strstr(json, "\"uuid\": \""); p; p = strstr(p + 1, "\"uuid\": \""))
		in_json++;
	assert_int_equal(in_xml, in_json);
	free(json);
	free(xml);
	json_decref(top);
	etsi_dossier_free(d);
}

/* ---- NIST's XSD --------------------------------------------------------------- */

static char *shared_file(const char *relative)
{
	const char *base = getenv("ETSI_SHARED_DATA");
	char path[4096];

	/* ../shared/data beside the source tree when the variable is not set */
	if (base && *base)
		snprintf(path, sizeof(path), "%s/%s", base, relative);
	else
		snprintf(path, sizeof(path), "%s", test_source_path("../shared/data"));
	if (!(base && *base))
		snprintf(path + strlen(path), sizeof(path) - strlen(path), "/%s", relative);
	return access(path, R_OK) == 0 ? strdup(path) : NULL;
}

static void test_oscal__valid_under_nist_xsd(void **state)
{
	char *xsd_path = shared_file("oscal/oscal_assessment-results_schema.xsd");
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	size_t i;

	(void)state;
	if (!xsd_path) {
		print_message("SKIPPED test_oscal__valid_under_nist_xsd: "
		              "oscal/oscal_assessment-results_schema.xsd is not in ETSI_SHARED_DATA\n");
		skip();
	}
	pctxt = xmlSchemaNewParserCtxt(xsd_path);
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	assert_non_null(schema);
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		char *xml = export_as(d, "oscal-xml", NULL);
		xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "oscal.xml", NULL, XML_PARSE_NONET);
		xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
		int rc;

		assert_non_null(doc);
		rc = xmlSchemaValidateDoc(vctxt, doc);
		if (rc != 0)
			fail_msg("%s: the OSCAL XML is not valid under the NIST 1.2.1 XSD", examples[i]);
		xmlSchemaFreeValidCtxt(vctxt);
		xmlFreeDoc(doc);
		free(xml);
		etsi_dossier_free(d);
	}
	xmlSchemaFree(schema);
	free(xsd_path);
}

/* A skeleton (no verdict, no evidence, no date) exports too. */
static void test_oscal__skeleton(void **state)
{
	etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	json_t *top;

	(void)state;
	opts.model = "EX-1";
	opts.release = "1.0";
	assert_int_equal(etsi_dossier_new(&d, &opts), 0);
	top = oscal_json(d);
	assert_string_equal(json_string_value(json_object_get(json_object_get(ar(top), "metadata"),
	                                                      "last-modified")),
	                    "2000-01-01T00:00:00Z");
	assert_null(json_object_get(result0(top), "observations"));
	assert_true(json_array_size(json_object_get(result0(top), "findings")) >= 16);
	json_decref(top);
	etsi_dossier_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oscal__uuid5),
		cmocka_unit_test(test_oscal__deterministic),
		cmocka_unit_test(test_oscal__timestamp),
		cmocka_unit_test(test_oscal__findings),
		cmocka_unit_test(test_oscal__references),
		cmocka_unit_test(test_oscal__subjects_and_observations),
		cmocka_unit_test(test_oscal__xml_and_json_agree),
		cmocka_unit_test(test_oscal__valid_under_nist_xsd),
		cmocka_unit_test(test_oscal__skeleton),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
