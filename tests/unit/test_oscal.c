/* Unit tests of the OSCAL assessment-results export (oscal.c): version 5
 * UUIDs as RFC 4122 computes them, deterministic bytes, the mapping of
 * verdicts and outcomes to findings (PASS, FAIL, INCONCLUSIVE, NOT
 * APPLICABLE, NOT ASSESSED), evidence to observations with relevant
 * evidence resolving to back-matter resources that carry the artifacts'
 * SHA-256, identifiers that do not start with a digit, the XML and JSON
 * forms saying the same thing, and (where ../shared/data holds it) the XML
 * valid under NIST's OSCAL 1.2.1 XSD.  The typed product facts as props
 * (one per stated fact, none invented), the supplier's self-assessment as
 * observations apart from verdicts, every error and warning of the
 * evaluation as a finding, contradicted claims and open questions as risks
 * (also from a results document whose findings carry a claim and a fact).
 * The JSON Schemas are checked with ajv by tests/cli/test_interchange.py. */
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
#include <valgrind/valgrind.h>

#include "alloc.h"

#include "oscal.h"
#include "record_impl.h"
#include "xml.h"

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

/* A copy of a string with "(line 123)" as "(line N)". */
static json_t *masked_string(const char *s)
{
	char *copy = strdup(s), *p = copy, *q;
	json_t *out;

	while ((p = strstr(p, "(line ")) != NULL) {
		p += 6;
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		if (q > p && *q == ')') {
			*p = 'N';
			memmove(p + 1, q, strlen(q) + 1);
		}
	}
	out = json_string(copy);
	free(copy);
	return out;
}

/* Masks what says where in the dossier file something is (line props,
 * "(line N)" in texts): a saved dossier keeps its content, not its lines. */
static void mask_lines(json_t *v)
{
	const char *key;
	json_t *item;
	size_t i;

	if (json_is_object(v)) {
		const char *name = json_string_value(json_object_get(v, "name"));

		if (name && (strcmp(name, "line") == 0 || strcmp(name, "fact-line") == 0))
			json_object_set_new(v, "value", json_string("N"));
		json_object_foreach(v, key, item) {
			if (json_is_string(item))
				json_object_set_new(v, key, masked_string(json_string_value(item)));
			else
				mask_lines(item);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, item) {
			if (json_is_string(item))
				json_array_set_new(v, i, masked_string(json_string_value(item)));
			else
				mask_lines(item);
		}
	}
}

static char *without_lines(const char *text)
{
	json_error_t jerr;
	json_t *top = json_loads(text, 0, &jerr);
	char *out;

	assert_non_null(top);
	mask_lines(top);
	out = json_dumps(top, JSON_INDENT(1));
	json_decref(top);
	return out;
}

/* The UUIDs of an XML document, in order. */
static char *uuids_of(const char *xml)
{
	size_t n = 0;
	const char *p;
	char *out = malloc(strlen(xml) + 1);

	for (p = strstr(xml, "uuid=\""); p; p = strstr(p + 1, "uuid=\"")) {
		memcpy(out + n, p + 6, 36);
		n += 36;
	}
	out[n] = '\0';
	return out;
}

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
		/* a saved and reloaded dossier gives the same document too, but for
		 * the lines that locate findings and facts in the file */
		xml = test_write(d, &len);
		assert_int_equal(etsi_dossier_load_memory(&again, xml, len, "again.xml", NULL), 0);
		free(b);
		b = export_as(again, "oscal-json", NULL);
		y = export_as(again, "oscal-xml", NULL);
		{
			char *ma = without_lines(a), *mb = without_lines(b);
			char *ux = uuids_of(x), *uy = uuids_of(y);

			assert_string_equal(ma, mb);
			assert_string_equal(ux, uy);
			free(ma);
			free(mb);
			free(ux);
			free(uy);
		}
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
	/* risks: from findings and to observations, all of them there */
	json_array_foreach(json_object_get(result0(top), "findings"), i, r) {
		json_array_foreach(json_object_get(r, "related-risks"), j, o) {
			const char *uuid = json_string_value(json_object_get(o, "risk-uuid"));
			json_t *risk;
			size_t k;
			int found = 0;

			json_array_foreach(json_object_get(result0(top), "risks"), k, risk)
				found |= strcmp(json_string_value(json_object_get(risk, "uuid")), uuid) == 0;
			assert_true(found);
		}
	}
	json_array_foreach(json_object_get(result0(top), "risks"), i, r) {
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
	/* every finding targets an objective the document defines */
	{
		json_t *defs = json_object_get(json_object_get(ar(top), "local-definitions"),
		                               "objectives-and-methods"), *om;
		char *ids = strdup(" ");

		json_array_foreach(defs, i, om) {
			json_t *part = json_array_get(json_object_get(om, "parts"), 0), *sub;
			const char *id = json_string_value(json_object_get(part, "id"));

			ids = realloc(ids, strlen(ids) + strlen(id) + 2);
			strcat(strcat(ids, id), " ");
			json_array_foreach(json_object_get(part, "parts"), j, sub) {
				id = json_string_value(json_object_get(sub, "id"));
				ids = realloc(ids, strlen(ids) + strlen(id) + 2);
				strcat(strcat(ids, id), " ");
			}
		}
		json_array_foreach(json_object_get(result0(top), "findings"), i, r) {
			char needle[200];

			snprintf(needle, sizeof(needle), " %s ",
			         json_string_value(json_object_get(json_object_get(r, "target"),
			                                           "target-id")));
			if (!strstr(ids, needle))
				fail_msg("target%snot defined in local-definitions", needle);
		}
		free(ids);
	}
	/* no UUID twice */
	{
		char *all = json_dumps(top, 0), *seen = strdup(" ");

		for (p = strstr(all, "\"uuid\": \""); p; p = strstr(p + 1, "\"uuid\": \"")) {
			char one[40];

			snprintf(one, sizeof(one), " %.36s ", p + 9);
			if (strstr(seen, one))
				fail_msg("UUID%sappears twice", one);
			seen = realloc(seen, strlen(seen) + 38);
			strcat(seen, one + 1);
		}
		free(seen);
		free(all);
	}
	/* the import-ap points at the assessment plan beside it, not at a
	 * resource of its own */
	assert_string_equal(json_string_value(json_object_get(json_object_get(ar(top), "import-ap"),
	                                                      "href")),
	                    "assessment-plan.json");
	json_array_foreach(res, i, r)
		assert_null(prop(r, "planned-test-cases"));
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
	size_t i, software = 0, services = 0, system = 0, mechanisms = 0, evidence = 0, verdicts = 0;

	(void)state;
	comps = json_object_get(json_object_get(result0(top), "local-definitions"), "components");
	json_array_foreach(comps, i, c) {
		const char *type = json_string_value(json_object_get(c, "type"));

		software += strcmp(type, "software") == 0;
		services += strcmp(type, "service") == 0;
		system += strcmp(type, "this-system") == 0;
		mechanisms += strcmp(type, "process-procedure") == 0;
	}
	assert_int_equal(system, 1);
	assert_int_equal(software, etsi_dossier_count(d, ETSI_KIND_COMPONENT));
	assert_int_equal(services, etsi_dossier_count(d, ETSI_KIND_SERVICE));
	assert_int_equal(mechanisms, etsi_dossier_count(d, ETSI_KIND_MECHANISM));
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
static void xml_and_json_agree(etsi_dossier *d)
{
	char *xml = export_as(d, "oscal-xml", NULL);
	json_t *top = oscal_json(d);
	char *json = json_dumps(top, 0);
	const char *p;
	size_t in_xml = 0, in_json = 0;

	for (p = strstr(xml, "uuid=\""); p; p = strstr(p + 1, "uuid=\"")) {
		char needle[64];

		snprintf(needle, sizeof(needle), "\"%.36s\"", p + 6);
		assert_non_null(strstr(json, needle));
		in_xml++;
	}
	for (p = strstr(json, "uuid\": \""); p; p = strstr(p + 1, "uuid\": \""))
		in_json++;
	assert_int_equal(in_xml, in_json);
	free(json);
	free(xml);
	json_decref(top);
}

static void test_oscal__xml_and_json_agree(void **state)
{
	etsi_dossier *d = test_load_example("smart-plug-usb-v3.xml", NULL);

	(void)state;
	xml_and_json_agree(d);
	etsi_dossier_free(d);
	/* with risks (risk-uuid) and self-assessment observations */
	assert_int_equal(etsi_dossier_load(&d, test_data_path("interchange/facts-full.xml"), NULL), 0);
	xml_and_json_agree(d);
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

/* Validates an OSCAL XML document under one of NIST's 1.2.1 XSDs
 * ("assessment-results", "assessment-plan", "catalog", "profile");
 * returns 0 when the XSD is not in ETSI_SHARED_DATA. */
static int validate_nist_model(const char *xml, const char *what, const char *model)
{
	char name[128];
	char *xsd_path;

	snprintf(name, sizeof(name), "oscal/oscal_%s_schema.xsd", model);
	xsd_path = shared_file(name);
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaValidCtxtPtr vctxt;
	xmlSchemaPtr schema;
	xmlDocPtr doc;

	if (!xsd_path)
		return 0;
	pctxt = xmlSchemaNewParserCtxt(xsd_path);
	schema = xmlSchemaParse(pctxt);
	xmlSchemaFreeParserCtxt(pctxt);
	assert_non_null(schema);
	doc = xmlReadMemory(xml, (int)strlen(xml), "oscal.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (xmlSchemaValidateDoc(vctxt, doc) != 0)
		fail_msg("%s: the OSCAL XML is not valid under the NIST 1.2.1 XSD", what);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlFreeDoc(doc);
	xmlSchemaFree(schema);
	free(xsd_path);
	return 1;
}

static int validate_nist_xsd(const char *xml, const char *what)
{
	return validate_nist_model(xml, what, "assessment-results");
}

static const char *const finding_fixtures[] = {
	"rules/ics-na-contradicts-facts/fail.xml", "rules/dut-identification-missing/fail.xml",
	"rules/waiver-expired/fail.xml", "rules/verdict-not-planned/fail.xml",
	"interchange/facts-full.xml",
};

static void test_oscal__valid_under_nist_xsd(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		char *xml = export_as(d, "oscal-xml", NULL);

		if (!validate_nist_xsd(xml, examples[i])) {
			free(xml);
			etsi_dossier_free(d);
			print_message("SKIPPED test_oscal__valid_under_nist_xsd: "
			              "oscal/oscal_assessment-results_schema.xsd is not in "
			              "ETSI_SHARED_DATA\n");
			skip();
		}
		free(xml);
		etsi_dossier_free(d);
	}
	/* with facts, self-assessment, check findings, risks */
	for (i = 0; i < sizeof(finding_fixtures) / sizeof(finding_fixtures[0]); i++) {
		etsi_dossier *d = NULL;
		char *xml;

		assert_int_equal(etsi_dossier_load(&d, test_data_path(finding_fixtures[i]), NULL), 0);
		xml = export_as(d, "oscal-xml", NULL);
		validate_nist_xsd(xml, finding_fixtures[i]);
		free(xml);
		etsi_dossier_free(d);
	}
}

/* ---- typed product facts ---------------------------------------------------------- */

static etsi_dossier *load_data(const char *name)
{
	etsi_dossier *d = NULL;

	if (etsi_dossier_load(&d, test_data_path(name), NULL) != 0)
		fail_msg("%s: %s", name, etsi_error_last()->message);
	return d;
}

/* The OSCAL JSON of a dossier evaluated as of @p date (also its timestamp). */
static char *export_at(etsi_dossier *d, const char *format, const char *date)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL, *copy;
	int rc;

	opts.format = format;
	opts.timestamp = date;
	opts.as_of = date;
	rc = etsi_dossier_export(&out, NULL, d, &opts);
	if (rc != 0)
		fail_msg("export %s: %d %s", format, rc, etsi_error_last()->message);
	copy = strdup(out);
	etsi_free(out);
	return copy;
}

static json_t *parse_oscal(char *text)
{
	json_error_t jerr;
	json_t *top = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);

	if (!top)
		fail_msg("the OSCAL JSON does not parse: %s", jerr.text);
	free(text);
	return top;
}

static size_t prop_count(json_t *obj, const char *name)
{
	json_t *p;
	size_t i, n = 0;

	json_array_foreach(json_object_get(obj, "props"), i, p)
		n += strcmp(json_string_value(json_object_get(p, "name")), name) == 0;
	return n;
}

/* The @p k-th prop of a name (its object). */
static json_t *prop_obj(json_t *obj, const char *name, size_t k)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(obj, "props"), i, p) {
		if (strcmp(json_string_value(json_object_get(p, "name")), name) == 0 && k-- == 0)
			return p;
	}
	return NULL;
}

static const char *prop_at(json_t *obj, const char *name, size_t k)
{
	return json_string_value(json_object_get(prop_obj(obj, name, k), "value"));
}

static json_t *with_prop(json_t *array, const char *name, const char *value)
{
	json_t *item;
	size_t i;

	json_array_foreach(array, i, item) {
		const char *v = prop(item, name);

		if (v && strcmp(v, value) == 0)
			return item;
	}
	return NULL;
}

static json_t *with_key(json_t *array, const char *key, const char *value)
{
	json_t *item;
	size_t i;

	json_array_foreach(array, i, item) {
		const char *v = json_string_value(json_object_get(item, key));

		if (v && strcmp(v, value) == 0)
			return item;
	}
	return NULL;
}

static json_t *components(json_t *top)
{
	return json_object_get(json_object_get(result0(top), "local-definitions"), "components");
}

static json_t *by_uuid(json_t *array, const char *uuid)
{
	json_t *item;
	size_t i;

	json_array_foreach(array, i, item) {
		if (uuid && strcmp(json_string_value(json_object_get(item, "uuid")), uuid) == 0)
			return item;
	}
	return NULL;
}

/* docs/interchange.md, "Product facts": record field -> prop */
static const char *const mechanism_fact_props[][2] = {
	{ "verified-where", "verification-where" }, { "verified-by", "verification-by" },
	{ "key-location", "verification-key" },
	{ "server-authenticated", "transport-server-authenticated" }, { "tls", "transport-tls" },
	{ "source", "update-source" }, { "anti-rollback", "anti-rollback" },
	{ "recovery", "recovery" }, { "automatic-default", "automation-default" },
	{ "automatic-user-can-disable", "automation-user-can-disable" },
	{ "postpone", "automation-postpone" }, { "check-at-boot", "update-check-at-boot" },
	{ "check-after-initialization", "update-check-after-initialization" },
	{ "check-periodic", "update-check-periodic" }, { "check-period", "update-check-period" },
	{ "check-by", "update-check-by" }, { "notice-security-updates", "notice-security-updates" },
	{ "notice-risks", "notice-risks" }, { "notice-disruption", "notice-disruption" },
	{ "notice-channel", "notice-channel" }, { "notice-default", "notice-default" },
	{ "notice-user-can-disable", "notice-user-can-disable" },
};

static const char *const component_fact_props[][2] = {
	{ "boot-verified", "boot-verification-verified" },
	{ "boot-verified-by", "boot-verification-by" },
	{ "carries-network-stack", "carries-network-stack" },
	{ "carries-operating-system", "carries-operating-system" },
	{ "carries-applications", "carries-applications" },
};

/* One prop per stated fact with the dossier's value; none for a fact the
 * dossier leaves out. */
static size_t check_fact_props(json_t *c, const etsi_record *r, const char *const table[][2],
                               size_t n)
{
	size_t i, stated = 0;

	for (i = 0; i < n; i++) {
		const char *value = etsi_record_get(r, table[i][0]);

		if (!value) {
			if (prop_count(c, table[i][1]))
				fail_msg("%s: prop %s invented", etsi_record_key(r), table[i][1]);
			continue;
		}
		assert_int_equal(prop_count(c, table[i][1]), 1);
		assert_string_equal(prop(c, table[i][1]), value);
		stated++;
	}
	return stated;
}

/* Returns the number of fact props checked. */
static size_t check_facts(json_t *top, etsi_dossier *d)
{
	json_t *comps = components(top), *c;
	size_t i, j, k, checked = 0;

	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_MECHANISM); i++) {
		etsi_record *m = etsi_dossier_at(d, ETSI_KIND_MECHANISM, i);
		size_t crypto = 0;

		c = with_prop(comps, "mechanism-id", etsi_record_key(m));
		assert_non_null(c);
		assert_string_equal(json_string_value(json_object_get(c, "type")), "process-procedure");
		checked += check_fact_props(c, m, mechanism_fact_props,
		                            sizeof(mechanism_fact_props) / sizeof(mechanism_fact_props[0]));
		for (j = 0; j < etsi_record_child_count(m); j++) {
			etsi_record *k_ = etsi_record_child_at(m, j);
			char want[256];

			if (etsi_record_kind(k_) != ETSI_KIND_CRYPTO)
				continue;
			snprintf(want, sizeof(want), "%s %s", etsi_record_get(k_, "use"),
			         etsi_record_get(k_, "alg"));
			assert_true(strncmp(prop_at(c, "crypto", crypto), want, strlen(want)) == 0);
			if (etsi_record_get(k_, "key-bits"))
				assert_non_null(strstr(prop_at(c, "crypto", crypto), etsi_record_get(k_, "key-bits")));
			crypto++;
		}
		assert_int_equal(prop_count(c, "crypto"), crypto);
		checked += crypto;
	}
	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_COMPONENT); i++) {
		etsi_record *r = etsi_dossier_at(d, ETSI_KIND_COMPONENT, i);
		const xmlNode *n;

		c = with_prop(comps, "component-id", etsi_record_key(r));
		assert_non_null(c);
		checked += check_fact_props(c, r, component_fact_props,
		                            sizeof(component_fact_props) / sizeof(component_fact_props[0]));
		/* each other-install-path element, in order */
		k = 0;
		for (n = etsi__xml_child(r->node, ETSI__NS_DOSSIER, "other-install-path"); n;
		     n = etsi__xml_next(n, ETSI__NS_DOSSIER, "other-install-path")) {
			char want[128];

			snprintf(want, sizeof(want), "%s (verifies: %s)", etsi__xml_attr(n, "kind"),
			         etsi__xml_attr(n, "verifies"));
			assert_non_null(prop_at(c, "other-install-path", k));
			assert_string_equal(prop_at(c, "other-install-path", k), want);
			k++;
		}
		assert_int_equal(prop_count(c, "other-install-path"), k);
		checked += k;
	}
	/* the support period on the DUT */
	{
		etsi_record *ui = etsi_dossier_find(d, ETSI_KIND_USER_INFO, NULL);
		static const char *const dut_fact_props[][2] = {
			{ "support-period-end", "support-period-end" },
			{ "support-period-duration", "support-period-duration" },
			{ "support-period-stated", "support-period-stated" },
		};

		c = NULL;
		json_array_foreach(comps, i, c) {
			if (strcmp(json_string_value(json_object_get(c, "type")), "this-system") == 0)
				break;
		}
		assert_non_null(c);
		if (ui)
			checked += check_fact_props(c, ui, dut_fact_props, 3);
	}
	return checked;
}

static void test_oscal__facts_as_props(void **state)
{
	etsi_dossier *d = load_data("interchange/facts-full.xml");
	json_t *top = oscal_json(d), *comps = components(top), *c, *p, *r;
	size_t i;

	(void)state;
	assert_true(check_facts(top, d) >= 60);
	/* the over-the-air mechanism, every fact stated */
	c = with_prop(comps, "mechanism-id", "mech-ota");
	assert_string_equal(prop(c, "verification-where"), "device-before-install");
	assert_string_equal(prop(c, "verification-by"), "comp-se");
	assert_int_equal(prop_count(c, "crypto"), 5);
	assert_string_equal(prop_at(c, "crypto", 0), "signature ECDSA 256 SHA-256 (authenticated: true)");
	assert_string_equal(prop_at(c, "crypto", 1), "digest SHA-256");
	assert_string_equal(prop_at(c, "crypto", 4), "key-exchange X25519 255");
	assert_string_equal(prop(c, "anti-rollback"), "hardware-counter");
	assert_string_equal(prop(c, "update-check-period"), "P1D");
	assert_string_equal(prop(c, "notice-disruption"), "announced");
	assert_string_equal(prop(c, "update-path"), "device-download");
	assert_int_equal(prop_count(c, "uses-service"), 2);
	/* unknown stays unknown */
	c = with_prop(comps, "mechanism-id", "mech-app");
	assert_string_equal(prop(c, "verification-key"), "unknown");
	assert_string_equal(prop(c, "transport-tls"), "unknown");
	assert_string_equal(prop_at(c, "crypto", 1), "signature RSA 3072 SHA-256 (authenticated: unknown)");
	assert_null(prop(c, "update-check-period"));
	/* what is not stated gives no prop */
	c = with_prop(comps, "mechanism-id", "mech-store");
	assert_string_equal(prop(c, "verification-where"), "unknown");
	assert_string_equal(prop(c, "anti-rollback"), "unknown");
	assert_int_equal(prop_count(c, "crypto"), 0);
	assert_null(prop(c, "verification-key"));
	assert_null(prop(c, "transport-server-authenticated"));
	assert_null(prop(c, "automation-default"));
	assert_null(prop(c, "notice-risks"));
	/* components: secure boot, what they carry, other install paths */
	c = with_prop(comps, "component-id", "comp-fw");
	assert_string_equal(prop(c, "boot-verification-verified"), "true");
	assert_string_equal(prop(c, "boot-verification-by"), "comp-bootrom");
	assert_string_equal(prop(c, "carries-network-stack"), "true");
	assert_int_equal(prop_count(c, "other-install-path"), 3);
	assert_string_equal(prop_at(c, "other-install-path", 0), "service-port (verifies: true)");
	assert_string_equal(prop_at(c, "other-install-path", 2), "debug-interface (verifies: unknown)");
	p = prop_obj(c, "other-install-path", 2);
	assert_non_null(strstr(json_string_value(json_object_get(p, "remarks")), "SWD interface"));
	c = with_prop(comps, "component-id", "comp-se");
	assert_string_equal(prop(c, "boot-verification-verified"), "unknown");
	assert_string_equal(prop(c, "carries-applications"), "unknown");
	assert_null(prop(c, "boot-verification-by"));
	c = with_prop(comps, "component-id", "comp-isp");
	assert_null(prop(c, "boot-verification-verified"));
	assert_int_equal(prop_count(c, "other-install-path"), 0);
	/* support period, public support end */
	c = with_prop(comps, "model-designation", "KIC-300");
	assert_string_equal(prop(c, "support-period-duration"), "P5Y");
	assert_string_equal(prop(c, "support-period-stated"), "stated");
	assert_string_equal(prop(json_object_get(ar(top), "metadata"), "public-support-end"),
	                    "2031-12-31");
	/* an artifact pinned by a git object id: a prop, not an OSCAL hash */
	r = with_prop(json_object_get(json_object_get(ar(top), "back-matter"), "resources"),
	              "artifact-id", "art-scheduler-src");
	assert_non_null(r);
	assert_string_equal(prop(r, "git-oid"), "3f786850e387550fdab836ed7e6dc881de23001b");
	assert_null(json_object_get(json_array_get(json_object_get(r, "rlinks"), 0), "hashes"));
	json_decref(top);
	etsi_dossier_free(d);

	/* every example: no fact invented, none lost */
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		d = test_load_example(examples[i], NULL);
		top = oscal_json(d);
		check_facts(top, d);
		json_decref(top);
		etsi_dossier_free(d);
	}
}

/* The supplier's own results are observations of their own kind, never
 * verdicts or findings. */
static void test_oscal__self_assessment(void **state)
{
	etsi_dossier *d = load_data("interchange/facts-full.xml");
	json_t *top = oscal_json(d), *obs, *f;
	size_t i, self = 0, verdicts = 0, case_findings = 0;

	(void)state;
	json_array_foreach(json_object_get(result0(top), "observations"), i, obs) {
		const char *kind = prop(obs, "observation-kind");
		etsi_record *r;

		assert_non_null(kind);
		if (strcmp(kind, "verdict") == 0) {
			verdicts++;
			assert_non_null(prop(obs, "result"));
			assert_null(prop(obs, "self-result"));
		}
		if (strcmp(kind, "self-assessment") != 0)
			continue;
		self++;
		r = etsi_dossier_find(d, ETSI_KIND_SELF_RESULT,
		                      prop(obs, "provision") && !prop(obs, "test-case")
		                      ? prop(obs, "provision") : prop(obs, "test-case"));
		assert_non_null(r);
		assert_null(prop(obs, "result"));
		assert_string_equal(prop(obs, "self-result"), etsi_record_get(r, "outcome"));
		assert_int_equal(json_array_size(json_object_get(obs, "methods")), 1);
		assert_string_equal(json_string_value(json_array_get(json_object_get(obs, "methods"), 0)),
		                    "UNKNOWN");
		assert_non_null(strstr(json_string_value(json_object_get(obs, "description")),
		                       "not a laboratory verdict"));
		if (etsi_record_get(r, "by")) {
			json_t *a = json_array_get(json_object_get(json_array_get(json_object_get(obs,
			                "origins"), 0), "actors"), 0);

			assert_string_equal(json_string_value(json_object_get(a, "role-id")),
			                    "supplier-organization");
		} else {
			assert_null(json_object_get(obs, "origins"));
		}
	}
	assert_int_equal(self, 5);
	assert_int_equal(verdicts, etsi_dossier_count(d, ETSI_KIND_VERDICT));
	/* findings come from verdicts only: the supplier's INCONCLUSIVE on
	 * 5.3-16-1 leaves the laboratory's PASS as it is */
	json_array_foreach(json_object_get(result0(top), "findings"), i, f)
		case_findings += strcmp(prop(f, "level"), "test-case") == 0;
	assert_int_equal(case_findings, etsi_dossier_count(d, ETSI_KIND_VERDICT));
	assert_string_equal(prop(finding(top, "test-case", "5.3-16-1"), "result"), "PASS");
	assert_string_equal(prop(with_prop(json_object_get(result0(top), "observations"),
	                                   "self-result", "FAIL"), "provision"), "5.3-13");
	json_decref(top);
	etsi_dossier_free(d);
}

/* ---- check findings, contradicted claims, open questions ------------------------- */

#define AS_OF "2026-12-01"

/* Every error and warning of the evaluation is a finding with its rule,
 * severity and message; one with a claim or fact also a risk; every open
 * question a risk. */
static void check_mapping(json_t *top, etsi_results *res)
{
	json_t *findings = json_object_get(result0(top), "findings");
	json_t *risks = json_object_get(result0(top), "risks"), *f, *risk;
	size_t i, k = 0, checks = 0, questions = 0;

	json_array_foreach(findings, i, f)
		checks += strcmp(prop(f, "level"), "check") == 0;
	for (i = 0; i < etsi_results_count(res, ETSI_KIND_FINDING); i++) {
		etsi_record *r = etsi_results_at(res, ETSI_KIND_FINDING, i);
		const char *severity = etsi_record_get(r, "severity");
		const char *ref = etsi_record_get(r, "reference");
		const char *target;

		if (strcmp(severity, "error") != 0 && strcmp(severity, "warning") != 0)
			continue;
		/* in the order of the results, after the verdicts' and outcomes' */
		do {
			f = json_array_get(findings, k++);
			assert_non_null(f);
		} while (strcmp(prop(f, "level"), "check") != 0);
		assert_string_equal(prop(f, "rule"), etsi_record_get(r, "rule"));
		assert_string_equal(prop(f, "severity"), severity);
		assert_true(strncmp(json_string_value(json_object_get(f, "description")),
		                    etsi_record_get(r, "message"), 20) == 0);
		assert_str(prop(f, "claim"), etsi_record_get(r, "claim"));
		assert_str(prop(f, "fact"), etsi_record_get(r, "fact"));
		assert_str(prop(f, "fact-line"), etsi_record_get(r, "fact-line"));
		assert_str(prop(f, "waived"), etsi_record_get(r, "waived"));
		assert_string_equal(state_of(f), "not-satisfied");
		target = json_string_value(json_object_get(json_object_get(f, "target"), "target-id"));
		if (!ref)
			assert_string_equal(target, "en303645-5.3_obj");
		if (etsi_record_get(r, "claim") || etsi_record_get(r, "fact")) {
			json_t *rr = json_object_get(f, "related-risks");

			assert_int_equal(json_array_size(rr), 1);
			risk = by_uuid(risks, json_string_value(json_object_get(json_array_get(rr, 0),
			                                                        "risk-uuid")));
			assert_non_null(risk);
			assert_string_equal(prop(risk, "risk-kind"), "contradicted-claim");
			assert_str(prop(risk, "claim"), etsi_record_get(r, "claim"));
			assert_str(prop(risk, "fact"), etsi_record_get(r, "fact"));
			assert_string_equal(json_string_value(json_object_get(risk, "status")),
			                    strcmp(etsi_record_get(r, "waived"), "true") == 0
			                    ? "deviation-approved" : "open");
		} else {
			assert_null(json_object_get(f, "related-risks"));
		}
		checks--;
	}
	assert_int_equal(checks, 0);
	json_array_foreach(risks, i, risk) {
		if (strcmp(prop(risk, "risk-kind"), "open-question") != 0)
			continue;
		assert_string_equal(json_string_value(json_object_get(risk, "status")), "open");
		assert_non_null(prop(risk, "fact"));
		questions++;
	}
	assert_int_equal(questions, etsi_results_count(res, ETSI_KIND_OPEN_QUESTION));
}

static void test_oscal__check_findings(void **state)
{
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	size_t i, clause = 0, total = 0;

	(void)state;
	check.as_of = AS_OF;
	for (i = 0; i < sizeof(finding_fixtures) / sizeof(finding_fixtures[0]); i++) {
		etsi_dossier *d = load_data(finding_fixtures[i]);
		etsi_results *res = NULL;
		char *a = export_at(d, "oscal-json", AS_OF), *b = export_at(d, "oscal-json", AS_OF);
		json_t *top, *f, *defs, *sel;
		size_t j;

		assert_string_equal(a, b);
		free(b);
		top = parse_oscal(a);
		assert_int_equal(etsi_dossier_evaluate(&res, d, &check), 0);
		check_mapping(top, res);
		check_references(top, d);
		/* findings that name no provision target the clause, defined here */
		json_array_foreach(json_object_get(result0(top), "findings"), j, f) {
			const char *target = json_string_value(json_object_get(json_object_get(f, "target"),
			                                                       "target-id"));

			total += strcmp(prop(f, "level"), "check") == 0;
			if (strcmp(target, "en303645-5.3_obj") != 0)
				continue;
			clause++;
			defs = json_object_get(json_object_get(ar(top), "local-definitions"),
			                       "objectives-and-methods");
			assert_non_null(with_key(defs, "control-id", "en303645-5.3"));
			sel = json_array_get(json_object_get(json_object_get(result0(top),
			                                                     "reviewed-controls"),
			                                     "control-selections"), 0);
			assert_non_null(with_key(json_object_get(sel, "include-controls"), "control-id",
			                         "en303645-5.3"));
		}
		if (i == 1 || i == 2) {
			/* the DUT, a waiver: no provision */
			json_t *one = with_prop(json_object_get(result0(top), "findings"), "rule",
			                        i == 1 ? "dut-identification-missing" : "waiver-expired");

			assert_non_null(one);
			assert_string_equal(json_string_value(json_object_get(json_object_get(one, "target"),
			                                                      "target-id")),
			                    "en303645-5.3_obj");
			assert_null(prop(one, "provision"));
			assert_string_equal(prop(one, "element"), i == 1 ? "dut" : "wv-support-capture");
		}
		if (i == 3) {
			/* a test case no plan selects: its provision's objective */
			json_t *one = with_prop(json_object_get(result0(top), "findings"), "rule",
			                        "verdict-not-planned");

			assert_string_equal(prop(one, "test-case"), "5.3-14-1");
			assert_string_equal(prop(one, "provision"), "5.3-14");
			assert_string_equal(prop(one, "severity"), "warning");
		}
		if (i == 4) {
			/* the facts contradict claims (the ICS claims 5.3-13, the
			 * supplier's own result is FAIL) and leave questions open */
			json_t *risks = json_object_get(result0(top), "risks");

			assert_non_null(with_prop(risks, "risk-kind", "contradicted-claim"));
			assert_non_null(with_prop(risks, "risk-kind", "open-question"));
			assert_true(json_array_size(json_object_get(finding(top, "provision", "5.3-13"),
			                                            "related-risks")) >= 1);
		}
		etsi_results_free(res);
		json_decref(top);
		etsi_dossier_free(d);
	}
	assert_true(clause >= 2);
	assert_true(total >= 6);
}

/* A results document (xsd/results.xsd) whose findings carry a claim and the
 * fact that contradicts it, and whose gate lists an open question, as the
 * engine writes them: the claim, the fact and its line are props of the
 * finding, the contradiction a risk related to the finding and to the
 * provision's finding, a waived one deviation-approved, the open question
 * an open risk of each provision it names. */
static xmlNode *results_finding(xmlDocPtr doc, const char *rule)
{
	xmlNode *n = xmlDocGetRootElement(doc)->children;

	for (; n; n = n->next) {
		xmlNode *f;

		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "findings") != 0)
			continue;
		for (f = n->children; f; f = f->next) {
			xmlChar *r = xmlGetProp(f, (const xmlChar *)"rule");
			int match = r && strcmp((const char *)r, rule) == 0;

			xmlFree(r);
			if (match)
				return f;
		}
	}
	fail_msg("no %s finding in the results", rule);
	return NULL;
}

static xmlNode *results_child(xmlDocPtr doc, const char *name)
{
	xmlNode *n;

	for (n = xmlDocGetRootElement(doc)->children; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	}
	fail_msg("no %s in the results", name);
	return NULL;
}

static char *export_results(etsi_dossier *d, const char *format, const char *results)
{
	char *out = NULL, *copy;
	int rc = etsi__oscal_export_results(&out, NULL, d, strcmp(format, "oscal-xml") == 0, AS_OF,
	                                    results, strlen(results));

	if (rc != 0)
		fail_msg("export from results: %d %s", rc, etsi_error_last()->message);
	copy = strdup(out);
	etsi_free(out);
	return copy;
}

static void test_oscal__contradictions_from_results(void **state)
{
	etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
	etsi_dossier *d = load_data("rules/ics-na-contradicts-facts/fail.xml");
	etsi_results *res = NULL;
	char *text = NULL, *xml, *json, *direct, *out = NULL;
	xmlDocPtr doc;
	xmlNode *f, *q;
	xmlChar *dumped = NULL;
	int size = 0;
	json_t *top, *risks, *risk, *pf;
	const char *uuid;
	size_t i, in_provisions = 0;

	(void)state;
	check.as_of = AS_OF;
	assert_int_equal(etsi_dossier_evaluate(&res, d, &check), 0);
	assert_int_equal(etsi_results_write(&text, NULL, res, "all", "xml"), 0);
	etsi_results_free(res);
	/* the engine's own results give the same document as the export */
	json = export_results(d, "oscal-json", text);
	direct = export_at(d, "oscal-json", AS_OF);
	assert_string_equal(json, direct);
	free(json);
	free(direct);

	doc = xmlReadMemory(text, (int)strlen(text), "results.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	etsi_free(text);
	f = results_finding(doc, "ics-na-contradicts-facts");
	xmlSetProp(f, (const xmlChar *)"claim", (const xmlChar *)"ICS 5.3-10: N/A");
	xmlSetProp(f, (const xmlChar *)"fact", (const xmlChar *)"mechanism 'mech-ota' network=true");
	xmlSetProp(f, (const xmlChar *)"fact-line", (const xmlChar *)"88");
	/* a waived one, with a fact only */
	f = results_finding(doc, "evidence-provision-not-claimed");
	xmlSetProp(f, (const xmlChar *)"waived", (const xmlChar *)"true");
	xmlSetProp(f, (const xmlChar *)"waiver", (const xmlChar *)"w-trust");
	xmlSetProp(f, (const xmlChar *)"fact", (const xmlChar *)"evidence 'ev-trust' provision=5.3-10");
	q = xmlNewTextChild(results_child(doc, "open-questions"), NULL, (const xmlChar *)"question",
	                    (const xmlChar *)"anti-rollback of mechanism 'mech-ota' is not stated");
	xmlSetProp(q, (const xmlChar *)"step", (const xmlChar *)"mechanisms");
	xmlSetProp(q, (const xmlChar *)"fact", (const xmlChar *)"mechanism 'mech-ota' anti-rollback");
	xmlSetProp(q, (const xmlChar *)"element", (const xmlChar *)"mech-ota");
	xmlSetProp(q, (const xmlChar *)"line", (const xmlChar *)"88");
	xmlSetProp(q, (const xmlChar *)"provisions", (const xmlChar *)"5.3-2 5.3-9");
	xmlDocDumpMemory(doc, &dumped, &size);
	xmlFreeDoc(doc);
	text = strndup((const char *)dumped, (size_t)size);
	xmlFree(dumped);

	json = export_results(d, "oscal-json", text);
	assert_string_equal(json, direct = export_results(d, "oscal-json", text)); /* deterministic */
	free(direct);
	top = parse_oscal(json);
	check_references(top, d);
	risks = json_object_get(result0(top), "risks");
	assert_int_equal(json_array_size(risks), 3);

	/* the contradicted claim */
	pf = with_prop(json_object_get(result0(top), "findings"), "rule", "ics-na-contradicts-facts");
	assert_non_null(pf);
	assert_string_equal(prop(pf, "level"), "check");
	assert_string_equal(prop(pf, "severity"), "error");
	assert_string_equal(prop(pf, "provision"), "5.3-10");
	assert_string_equal(prop(pf, "claim"), "ICS 5.3-10: N/A");
	assert_string_equal(prop(pf, "fact"), "mechanism 'mech-ota' network=true");
	assert_string_equal(prop(pf, "fact-line"), "88");
	assert_non_null(strstr(json_string_value(json_object_get(pf, "description")),
	                       "The dossier claims ICS 5.3-10: N/A, but the fact it records, mechanism "
	                       "'mech-ota' network=true (line 88), contradicts it."));
	assert_string_equal(json_string_value(json_object_get(json_object_get(pf, "target"),
	                                                      "target-id")), "en303645-5.3-10_obj");
	uuid = json_string_value(json_object_get(json_array_get(json_object_get(pf, "related-risks"),
	                                                        0), "risk-uuid"));
	risk = by_uuid(risks, uuid);
	assert_non_null(risk);
	assert_string_equal(prop(risk, "risk-kind"), "contradicted-claim");
	assert_string_equal(json_string_value(json_object_get(risk, "status")), "open");
	assert_string_equal(prop(risk, "claim"), "ICS 5.3-10: N/A");
	assert_string_equal(prop(risk, "fact-line"), "88");
	assert_string_equal(prop(risk, "rule"), "ics-na-contradicts-facts");
	assert_non_null(strstr(json_string_value(json_object_get(risk, "title")), "ICS 5.3-10: N/A"));
	assert_non_null(json_object_get(risk, "statement"));
	/* ... related to the provision's finding too */
	pf = finding(top, "provision", "5.3-10");
	assert_non_null(with_key(json_object_get(pf, "related-risks"), "risk-uuid", uuid));

	/* the waived one */
	pf = with_prop(json_object_get(result0(top), "findings"), "rule",
	               "evidence-provision-not-claimed");
	assert_string_equal(prop(pf, "waived"), "true");
	assert_string_equal(prop(pf, "waiver"), "w-trust");
	assert_null(prop(pf, "claim"));
	assert_non_null(json_object_get(pf, "related-observations"));
	risk = by_uuid(risks, json_string_value(json_object_get(json_array_get(
	                   json_object_get(pf, "related-risks"), 0), "risk-uuid")));
	assert_non_null(risk);
	assert_string_equal(json_string_value(json_object_get(risk, "status")), "deviation-approved");
	assert_string_equal(prop(risk, "fact"), "evidence 'ev-trust' provision=5.3-10");

	/* the open question */
	risk = with_prop(risks, "risk-kind", "open-question");
	assert_non_null(risk);
	assert_string_equal(json_string_value(json_object_get(risk, "status")), "open");
	assert_string_equal(prop(risk, "fact"), "mechanism 'mech-ota' anti-rollback");
	assert_string_equal(prop(risk, "element"), "mech-ota");
	assert_string_equal(prop(risk, "line"), "88");
	assert_int_equal(prop_count(risk, "provision"), 2);
	assert_string_equal(prop_at(risk, "provision", 1), "5.3-9");
	assert_string_equal(json_string_value(json_object_get(risk, "description")),
	                    "anti-rollback of mechanism 'mech-ota' is not stated");
	uuid = json_string_value(json_object_get(risk, "uuid"));
	json_array_foreach(json_object_get(result0(top), "findings"), i, pf) {
		if (strcmp(prop(pf, "level"), "provision") == 0 &&
		    with_key(json_object_get(pf, "related-risks"), "risk-uuid", uuid))
			in_provisions++;
	}
	assert_int_equal(in_provisions, 2);
	json_decref(top);

	/* the XML form says the same, and is valid OSCAL (checked below) */
	xml = export_results(d, "oscal-xml", text);
	assert_non_null(strstr(xml, "<status>deviation-approved</status>"));
	assert_non_null(strstr(xml, "<associated-risk risk-uuid=\""));
	validate_nist_xsd(xml, "contradictions");
	free(xml);

	/* not a results document */
	assert_etsi_error(etsi__oscal_export_results(&out, NULL, d, 0, AS_OF, "<x/>", 4), ETSI_EINVALID);
	assert_null(out);
	free(text);
	etsi_dossier_free(d);
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
	assert_null(json_object_get(result0(top), "observations"));
	assert_true(json_array_size(json_object_get(result0(top), "findings")) >= 16);
	json_decref(top);
	etsi_dossier_free(d);
}

/* A dossier that states no date (no release date, no verdict, no plan)
 * gets no invented one: the as-of date given, else the evaluation's own
 * (today), wherever OSCAL requires a timestamp. */
static void test_oscal__no_invented_date(void **state)
{
	static const char *const formats[] = { "oscal-json", "oscal-ap" };
	etsi_new_options nopts = ETSI_NEW_OPTIONS_INIT;
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	json_error_t jerr;
	size_t i;

	(void)state;
	nopts.model = "EX-1";
	nopts.release = "1.0";
	assert_int_equal(etsi_dossier_new(&d, &nopts), 0);
	for (i = 0; i < 2; i++) {
		char *text = NULL, *xml;
		json_t *top, *body;
		const char *as_of, *lm;
		char want[32];

		/* nothing given: the evaluation's as-of, which the results state */
		opts.format = formats[i];
		opts.as_of = NULL;
		assert_int_equal(etsi_dossier_export(&text, NULL, d, &opts), 0);
		assert_null(strstr(text, "2000-01-01"));
		top = json_loads(text, 0, &jerr);
		assert_non_null(top);
		body = json_object_get(top, i ? "assessment-plan" : "assessment-results");
		lm = json_string_value(json_object_get(json_object_get(body, "metadata"),
		                                       "last-modified"));
		if (i == 0) {
			as_of = prop(result0(top), "as-of");
			snprintf(want, sizeof(want), "%sT00:00:00Z", as_of);
			assert_string_equal(lm, want);
			assert_string_equal(json_string_value(json_object_get(result0(top), "start")), want);
			assert_null(json_object_get(result0(top), "end"));
		} else {
			assert_int_equal(strlen(lm), 20);
		}
		json_decref(top);
		etsi_free(text);
		/* an as-of date given dates the document */
		opts.as_of = "2027-02-03";
		assert_int_equal(etsi_dossier_export(&text, NULL, d, &opts), 0);
		assert_non_null(strstr(text, "\"last-modified\": \"2027-02-03T00:00:00Z\""));
		assert_null(strstr(text, "2000-01-01"));
		etsi_free(text);
		xml = export_as(d, i ? "oscal-ap-xml" : "oscal-xml", NULL);
		assert_null(strstr(xml, "2000-01-01"));
		validate_nist_model(xml, "skeleton", i ? "assessment-plan" : "assessment-results");
		free(xml);
	}
	etsi_dossier_free(d);
}

/* ---- the assessment plan --------------------------------------------------------- */

static json_t *ap(json_t *top)
{
	return json_object_get(top, "assessment-plan");
}

static void test_oscal__assessment_plan(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++) {
		etsi_dossier *d = test_load_example(examples[i], NULL);
		etsi_results *res = NULL;
		etsi_check_options check = ETSI_CHECK_OPTIONS_INIT;
		char *a = export_as(d, "oscal-ap", NULL), *b = export_as(d, "oscal-ap", NULL);
		char *x = export_as(d, "oscal-ap-xml", NULL), *results = export_as(d, "oscal-json", NULL);
		json_error_t jerr;
		json_t *top = json_loads(a, 0, &jerr), *tasks, *t, *rtop;
		const char *ssp;
		int found = 0;

		assert_string_equal(a, b);  /* deterministic */
		assert_non_null(top);
		if (!validate_nist_model(x, examples[i], "assessment-plan"))
			print_message("oscal_assessment-plan_schema.xsd is not in ETSI_SHARED_DATA\n");
		/* the plan's tasks are the planned test cases, with their readiness */
		rtop = json_loads(results, 0, &jerr);
		check.as_of = prop(result0(rtop), "as-of");
		assert_int_equal(etsi_dossier_evaluate(&res, d, &check), 0);
		tasks = json_object_get(ap(top), "tasks");
		assert_int_equal(json_array_size(tasks), etsi_results_count(res, ETSI_KIND_PLANNED_CASE));
		json_array_foreach(tasks, j, t) {
			etsi_record *pc = etsi_results_at(res, ETSI_KIND_PLANNED_CASE, j);

			assert_string_equal(prop(t, "test-case"), etsi_record_key(pc));
			assert_string_equal(prop(t, "ready"), etsi_record_get(pc, "ready"));
			assert_string_equal(json_string_value(json_object_get(t, "type")), "action");
			assert_int_equal(json_string_value(json_object_get(t, "uuid"))[14], '5');
		}
		/* import-ssp resolves to the resource that stands in for the SSP */
		ssp = json_string_value(json_object_get(json_object_get(ap(top), "import-ssp"), "href"));
		assert_int_equal(ssp[0], '#');
		json_array_foreach(json_object_get(json_object_get(ap(top), "back-matter"), "resources"),
		                   j, t)
			found |= strcmp(json_string_value(json_object_get(t, "uuid")), ssp + 1) == 0;
		assert_true(found);
		/* the results point at the plan; their components are the plan's */
		assert_string_equal(json_string_value(json_object_get(json_object_get(ar(rtop),
		                                                                      "import-ap"),
		                                                      "href")),
		                    "assessment-plan.json");
		assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(
		                        json_object_get(ap(top), "local-definitions"), "components"), 0),
		                                                      "uuid")),
		                    json_string_value(json_object_get(json_array_get(json_object_get(
		                        json_object_get(result0(rtop), "local-definitions"),
		                        "components"), 0), "uuid")));
		json_decref(rtop);
		json_decref(top);
		etsi_results_free(res);
		free(a);
		free(b);
		free(x);
		free(results);
		etsi_dossier_free(d);
	}
}

static void test_oscal__import_ap_href(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL, *xml;

	(void)state;
	xml = export_as(d, "oscal-xml", NULL);
	assert_non_null(strstr(xml, "<import-ap href=\"assessment-plan.xml\"/>"));
	free(xml);
	opts.format = "oscal-json";
	opts.ap_href = "plans/camera plan.json";
	assert_int_equal(etsi_dossier_export(&out, NULL, d, &opts), 0);
	assert_non_null(strstr(out, "\"href\": \"plans/camera%20plan.json\""));
	etsi_free(out);
	opts.ap_href = "";
	assert_etsi_error(etsi_dossier_export(&out, NULL, d, &opts), ETSI_EINVALID);
	assert_null(out);
	/* a caller built against version 1 of the options has no ap_href */
	assert_int_equal(etsi_export_options_init(&opts, 1), 0);
	opts.format = "oscal-json";
	assert_int_equal(etsi_dossier_export(&out, NULL, d, &opts), 0);
	assert_non_null(strstr(out, "\"href\": \"assessment-plan.json\""));
	etsi_free(out);
	etsi_dossier_free(d);
}

/* ---- gate blockers and failed test cases -------------------------------------- */

static void test_oscal__gate_and_failures(void **state)
{
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_record *v;
	json_t *top, *f, *k, *fail_risk = NULL;
	size_t i, steps = 0, blocked = 0;
	char *xml;

	(void)state;
	assert_int_equal(etsi_dossier_set_verdict(&v, d, "5.3-16-1", "FAIL", "tl-meridian",
	                                          "2026-11-21", "Label unreadable."), 0);
	top = oscal_json(d);
	json_array_foreach(json_object_get(result0(top), "risks"), i, k) {
		if (prop(k, "risk-kind") && strcmp(prop(k, "risk-kind"), "failed-test-case") == 0) {
			assert_null(fail_risk);
			fail_risk = k;
		}
	}
	assert_non_null(fail_risk);
	assert_string_equal(prop(fail_risk, "test-case"), "5.3-16-1");
	assert_string_equal(prop(fail_risk, "provision"), "5.3-16");
	assert_string_equal(json_string_value(json_object_get(fail_risk, "status")), "open");
	/* the test case's and the provision's findings name the risk */
	f = finding(top, "test-case", "5.3-16-1");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	                        json_object_get(f, "related-risks"), 0), "risk-uuid")),
	                    json_string_value(json_object_get(fail_risk, "uuid")));
	f = finding(top, "provision", "5.3-16");
	assert_non_null(json_object_get(f, "related-risks"));
	/* every gate step is a finding; a blocked one says what blocks it */
	json_array_foreach(json_object_get(result0(top), "findings"), i, f) {
		if (strcmp(prop(f, "level"), "gate-step") != 0)
			continue;
		steps++;
		assert_string_equal(json_string_value(json_object_get(json_object_get(f, "target"),
		                                                      "target-id")),
		                    "en303645-5.3_obj");
		if (strcmp(prop(f, "gate-status"), "blocked") == 0) {
			blocked++;
			assert_string_equal(state_of(f), "not-satisfied");
			assert_true(prop(f, "blocker") || prop(f, "blocker-rule"));
			assert_non_null(strstr(json_string_value(json_object_get(f, "description")),
			                       "Blocked: "));
		} else {
			assert_string_equal(state_of(f), "satisfied");
		}
	}
	assert_int_equal(steps, 6);
	if (strcmp(prop(result0(top), "ready"), "false") == 0)
		assert_true(blocked > 0);
	json_decref(top);
	xml = export_as(d, "oscal-xml", NULL);
	validate_nist_xsd(xml, "FAIL verdict");
	free(xml);
	etsi_dossier_free(d);
}

/* ---- catalogs and profiles -------------------------------------------------------- */

static void test_oscal__catalogs(void **state)
{
	size_t e, f, i;

	(void)state;
	for (e = 0; etsi_catalog_builtin_edition(e); e++) {
		etsi_catalog *cat = NULL;
		char *out = NULL, *again = NULL;

		assert_int_equal(etsi_catalog_open(&cat, etsi_catalog_builtin_edition(e), NULL), 0);
		for (f = 0; etsi_catalog_export_format_at(f); f++) {
			const char *format = etsi_catalog_export_format_at(f);
			int profile = strstr(format, "profile") != NULL;

			assert_int_equal(etsi_catalog_export(&out, NULL, cat, format), 0);
			assert_int_equal(etsi_catalog_export(&again, NULL, cat, format), 0);
			assert_string_equal(out, again);
			if (strstr(format, "-xml"))
				validate_nist_model(out, format, profile ? "profile" : "catalog");
			else if (!profile) {
				/* every provision is a control; test cases are its parts */
				json_error_t jerr;
				json_t *top = json_loads(out, 0, &jerr);
				char *text = json_dumps(top, 0);

				assert_non_null(top);
				for (i = 0; i < etsi_catalog_count(cat, ETSI_KIND_PROVISION); i++) {
					char id[96];

					snprintf(id, sizeof(id), "\"en303645-%s\"",
					         etsi_record_key(etsi_catalog_at(cat, ETSI_KIND_PROVISION, i)));
					assert_non_null(strstr(text, id));
				}
				for (i = 0; i < etsi_catalog_count(cat, ETSI_KIND_TEST_CASE); i++) {
					char id[96];

					snprintf(id, sizeof(id), "\"ts103701-%s_method\"",
					         etsi_record_key(etsi_catalog_at(cat, ETSI_KIND_TEST_CASE, i)));
					assert_non_null(strstr(text, id));
				}
				assert_non_null(strstr(text, "\"name\": \"fact-check\""));
				assert_null(strstr(text, "2000-01-01"));
				free(text);
				json_decref(top);
			} else {
				char href[64];

				snprintf(href, sizeof(href), "\"href\": \"en303645-%s-catalog.json\"",
				         etsi_catalog_builtin_edition(e));
				assert_non_null(strstr(out, href));
			}
			etsi_free(out);
			etsi_free(again);
			out = again = NULL;
		}
		assert_etsi_error(etsi_catalog_export(&out, NULL, cat, "oscal-ssp"), ETSI_EINVALID);
		assert_null(out);
		etsi_catalog_free(cat);
	}
}

/* ---- allocation failure ------------------------------------------------------------ */

/* Every libetsi allocation after the first N fails: the plan, the results
 * with an href and the catalog exports succeed or fail with ETSI_ENOMEM,
 * never crash and (under valgrind) never leak. */
static int export_failing(etsi_dossier *d, const etsi_catalog *cat, const char *format)
{
	etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
	char *out = NULL;
	int rc;

	opts.format = format;
	opts.ap_href = "plan.json";
	rc = d ? etsi_dossier_export(&out, NULL, d, &opts) : etsi_catalog_export(&out, NULL, cat, format);
	if (rc != 0)
		assert_null(out);
	etsi_free(out);
	return rc;
}

static void test_oscal__allocation_failure(void **state)
{
	static const char *const formats[] = { "oscal-ap", "oscal-ap-xml", "oscal-json",
	                                       "oscal-catalog", "oscal-profile-xml" };
	etsi_dossier *d = test_load_example("smart-camera-v3.xml", NULL);
	etsi_catalog *cat = NULL;
	long every = RUNNING_ON_VALGRIND ? 30 : 300, step = RUNNING_ON_VALGRIND ? 8 : 40;
	size_t f;

	(void)state;
	assert_int_equal(etsi_catalog_open(&cat, "3.1.3", NULL), 0);
	for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		int catalog = strstr(formats[f], "catalog") || strstr(formats[f], "profile");
		int rc = ETSI_ENOMEM, runs = 0;
		long n;

		for (n = 0; rc == ETSI_ENOMEM && runs < 3000; n += n < every ? 1 : 1 + n / step, runs++) {
			etsi__alloc_fail_after(n);
			rc = export_failing(catalog ? NULL : d, cat, formats[f]);
			etsi__alloc_fail_after(-1);
			if (rc != 0 && rc != ETSI_ENOMEM)
				fail_msg("%s with %ld allocations allowed: %d (%s)", formats[f], n, rc,
				         etsi_error_last()->message);
		}
		if (rc != 0)
			fail_msg("%s did not succeed after %d runs", formats[f], runs);
	}
	etsi_catalog_free(cat);
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
		cmocka_unit_test(test_oscal__facts_as_props),
		cmocka_unit_test(test_oscal__self_assessment),
		cmocka_unit_test(test_oscal__check_findings),
		cmocka_unit_test(test_oscal__contradictions_from_results),
		cmocka_unit_test(test_oscal__skeleton),
		cmocka_unit_test(test_oscal__no_invented_date),
		cmocka_unit_test(test_oscal__assessment_plan),
		cmocka_unit_test(test_oscal__import_ap_href),
		cmocka_unit_test(test_oscal__gate_and_failures),
		cmocka_unit_test(test_oscal__catalogs),
		cmocka_unit_test(test_oscal__allocation_failure),
	};

	return cmocka_run_group_tests(tests, test_init, test_shutdown);
}
