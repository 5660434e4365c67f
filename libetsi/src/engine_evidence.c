/*
 * The evidence's own mistakes (docs/rules.md, "Evidence in depth"): one
 * artifact filed as the only evidence for many provisions, artifacts
 * collected long before the release or after the verdict that cites them,
 * external evidence that covers another provision's test cases or claims
 * full coverage of a functional test case by reading a document, and
 * third-party evidence without its external block, external evidence about
 * the device whose scope names neither it nor a version, artifacts that
 * show another software version, and PASS verdicts on functional test
 * cases that cite documents only.
 *
 * The breadth check reads the evidence map once per provision that has
 * evidence (a few dozen); the date checks read each artifact and each
 * verdict's evidence once.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "engine_impl.h"
#include "record_impl.h"
#include "xml.h"

/* How many days before the release an artifact may have been collected
 * before it is reported as stale (libetsi's judgement: one year). */
#define STALE_DAYS 365

/* How many provisions one artifact may back alone before it is too broad
 * (libetsi's judgement). */
#define BROAD_PROVISIONS 3

/* Carried forward from an earlier release with a recorded review: someone
 * judged that it still holds for this one. */
static int carried_and_reviewed(const etsi_record *r)
{
	return get(r, "carried-from") && get(r, "reviewed-by") && get(r, "reviewed-on");
}

/* Days since 1970-01-01 of a YYYY-MM-DD date, or -1. */
static long days(const char *date)
{
	int y, m, d;
	long era, yoe, doy, doe;

	if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return -1;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The identity of an artifact: its digest, its git object id, else its
 * reference. */
static const char *identity(const etsi_record *a)
{
	const char *id = get(a, "sha256");

	id = id ? id : get(a, "git-oid");
	return id ? id : get(a, "ref");
}

/* The single artifact identity behind all of a provision's evidence, or
 * NULL when it has none or several. */
static const char *sole_identity(const eval *ev, const char *provision,
                                 etsi_record **first)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);
	const char *only = NULL;

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);

		if (!etsi__streq(get(e, "provision"), provision))
			continue;
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *id;

			if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT)
				continue;
			id = identity(a);
			if (!id || (only && strcmp(only, id) != 0))
				return NULL;
			if (!only)
				*first = a;
			only = id;
		}
	}
	return only;
}

/* One artifact (by digest, git object id or reference) is the only
 * evidence for BROAD_PROVISIONS or more provisions. */
static void check_broad(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);
	etsi__map seen = ETSI__MAP_INIT;     /* provision -> itself, once judged */
	etsi__map backs = ETSI__MAP_INIT;    /* identity -> etsi__buf of provisions */
	etsi__map firsts = ETSI__MAP_INIT;   /* identity -> first artifact */

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		const char *provision = get(e, "provision"), *id;
		etsi_record *first = NULL;
		etsi__buf *list;
		int put;

		if (!provision)
			continue;
		put = etsi__map_put(&seen, provision, e);
		if (put < 0)
			OOM(ev);
		if (put != 0)
			continue;
		id = sole_identity(ev, provision, &first);
		if (!id)
			continue;
		list = etsi__map_get(&backs, id);
		if (!list) {
			list = etsi__calloc(1, sizeof(*list));
			/* firsts before backs: a list is in backs only with its first
			 * artifact known, which is how it is reported */
			if (!list || etsi__map_put(&firsts, id, first) < 0 ||
			    etsi__map_put(&backs, id, list) < 0) {
				etsi__free(list);
				OOM(ev);
				continue;
			}
		}
		etsi__buf_printf(list, "%s%s", list->len ? ", " : "", provision);
	}
	/* report in evidence-map order, once an identity */
	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		size_t j;

		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *id = etsi_record_kind(a) == ETSI_KIND_ARTIFACT ? identity(a) : NULL;
			etsi__buf *list = id ? etsi__map_get(&backs, id) : NULL;
			size_t count = 1;
			const char *at;

			if (!list || etsi__map_get(&firsts, id) != a)
				continue;
			for (at = list->ptr; at && (at = strstr(at, ", ")); at += 2)
				count++;
			if (list->failed)
				OOM(ev);
			else if (count >= BROAD_PROVISIONS)
				etsi__eval_finding(ev, R_EVIDENCE_TOO_BROAD, etsi_record_line(a),
				                   etsi_record_key(a), get(e, "provision"), NULL, NULL, 0,
				                   "artifact '%s' (%s) is the only evidence for %zu "
				                   "provisions (%s); one document rarely shows each of "
				                   "them", etsi_record_key(a), get(a, "ref"), count,
				                   list->ptr);
		}
	}
	for (i = 0; i < backs.cap; i++) {
		etsi__buf *list = backs.slots[i].key ? backs.slots[i].value : NULL;

		if (list) {
			etsi__buf_dispose(list);
			etsi__free(list);
		}
	}
	etsi__map_dispose(&seen);
	etsi__map_dispose(&backs);
	etsi__map_dispose(&firsts);
}

/* Artifacts collected long before the release, or after a verdict that
 * cites their evidence. */
static void check_dates(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	const char *release_date = get(header, "release-date");
	long release = days(release_date);
	size_t i, j, k, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

	for (i = 0; release >= 0 && i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		int certificate = etsi__streq(get(e, "category"), "certificate");

		/* carried forward with a review: someone judged it still holds */
		if (carried_and_reviewed(e))
			continue;
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *collected = get(a, "collected");
			long c = days(collected);

			/* a certificate's validity is its expiry (artifact-expired) */
			if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT || c < 0 ||
			    (certificate && get(a, "expires")))
				continue;
			if (release - c > STALE_DAYS)
				etsi__eval_finding(ev, R_EVIDENCE_STALE, etsi_record_line(a),
				                   etsi_record_key(a), get(e, "provision"), NULL, NULL, 0,
				                   "artifact '%s' was collected on %s, %ld days before "
				                   "release %s (%s); more than %d days old, it may not "
				                   "show this release", etsi_record_key(a), collected,
				                   release - c, ev->release, release_date, STALE_DAYS);
		}
	}
	n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);
	for (i = 0; i < n; i++) {
		etsi_record *v = etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i);
		const char *date = get(v, "date");
		long given = days(date);

		if (!date)
			continue;
		/* a verdict long before the release it is filed for: of an earlier
		 * build, unless carried forward and confirmed */
		if (release >= 0 && given >= 0 && release - given > STALE_DAYS &&
		    !carried_and_reviewed(v))
			etsi__eval_finding(ev, R_EVIDENCE_STALE, etsi_record_line(v), NULL,
			                   get(v, "case"), NULL, NULL, 0,
			                   "the verdict on %s is dated %s, %ld days before release %s "
			                   "(%s); more than %d days old, it may be of an earlier build",
			                   get(v, "case"), date, release - given, ev->release,
			                   release_date, STALE_DAYS);
		for (j = 0; j < etsi_record_value_count(v, "evidence"); j++) {
			const char *ref = etsi_record_value_at(v, "evidence", j);
			etsi_record *e = etsi_dossier_find(ev->d, ETSI_KIND_EVIDENCE, ref);

			for (k = 0; e && k < etsi_record_child_count(e); k++) {
				etsi_record *a = etsi_record_child_at(e, k);
				const char *collected = get(a, "collected");
				char fact[160];

				if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT || !collected ||
				    strcmp(collected, date) <= 0)
					continue;
				snprintf(fact, sizeof(fact), "artifact '%s' collected %s",
				         etsi_record_key(a), collected);
				etsi__eval_finding(ev, R_EVIDENCE_AFTER_VERDICT, etsi_record_line(a),
				                   etsi_record_key(a), get(v, "case"), NULL, fact,
				                   etsi_record_line(a),
				                   "the verdict on %s (line %d) is dated %s and cites "
				                   "evidence '%s', but its artifact '%s' was collected "
				                   "later, on %s", get(v, "case"), etsi_record_line(v), date,
				                   ref, etsi_record_key(a), collected);
			}
		}
	}
}

/* Categories that are documents a reviewer reads, not observations of the
 * device. */
static int document_review(const char *category)
{
	static const char *const documents[] = {
		"design-document", "architecture-diagram", "source-excerpt",
		"signing-procedure", "crypto-specification", "user-documentation",
		"process-document", "replacement-policy", NULL
	};
	size_t i;

	for (i = 0; category && documents[i]; i++) {
		if (strcmp(category, documents[i]) == 0)
			return 1;
	}
	return 0;
}

/* A certificate names its issuer (in its external block, when it has one:
 * evidence-external-missing reports the block left out) and its artifact
 * says when it was collected and when it expires. */
static void check_certificate(eval *ev, const etsi_record *e, int external)
{
	etsi__buf lacking = ETSI__BUF_INIT;
	size_t j, artifacts = 0, collected = 0, expires = 0;

	for (j = 0; j < etsi_record_child_count(e); j++) {
		etsi_record *a = etsi_record_child_at(e, j);

		if (etsi_record_kind(a) != ETSI_KIND_ARTIFACT)
			continue;
		artifacts++;
		collected += get(a, "collected") != NULL;
		expires += get(a, "expires") != NULL;
	}
	if (external && etsi__is_blank(get(e, "external-issuer")))
		etsi__buf_puts(&lacking, "its issuer");
	if (artifacts && collected < artifacts)
		etsi__buf_printf(&lacking, "%sthe date it was collected (artifact collected)",
		                 lacking.len ? ", " : "");
	if (artifacts && expires < artifacts)
		etsi__buf_printf(&lacking, "%sits expiry (artifact expires)",
		                 lacking.len ? ", " : "");
	if (lacking.failed)
		OOM(ev);
	else if (lacking.len)
		etsi__eval_finding(ev, R_CERTIFICATE_INCOMPLETE, etsi_record_line(e),
		                   etsi_record_key(e), get(e, "provision"), NULL, NULL, 0,
		                   "certificate '%s' does not state %s", etsi_record_key(e),
		                   lacking.ptr);
	etsi__buf_dispose(&lacking);
}

/* External evidence: what it covers, and third-party evidence without it. */
static void check_external(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		const char *id = etsi_record_key(e), *provision = get(e, "provision");
		const char *category = get(e, "category");
		int external = etsi__xml_child(e->node, ETSI__NS_DOSSIER, "external") != NULL;

		/* an invalid dossier is checked too: name what is missing */
		id = id ? id : "(no id)";

		if (!external && (etsi__streq(category, "certificate") ||
		                  etsi__streq(category, "third-party-evaluation")))
			etsi__eval_finding(ev, R_EXTERNAL_MISSING, etsi_record_line(e), id, provision,
			                   NULL, NULL, 0,
			                   "evidence '%s' is a %s from a third party but has no "
			                   "external block stating its issuer, scope, assurance and "
			                   "the test cases it covers", id, category);
		if (etsi__streq(category, "certificate"))
			check_certificate(ev, e, external);
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *c = etsi_record_child_at(e, j);
			const char *tc_id = get(c, "test-case");
			etsi_record *tc, *group;

			if (etsi_record_kind(c) != ETSI_KIND_COVERS || !tc_id)
				continue;
			tc = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_CASE, tc_id);
			group = tc ? etsi_record_parent(tc) : NULL;
			if (group && provision && !etsi__streq(get(group, "provision"), provision))
				etsi__eval_finding(ev, R_EXTERNAL_OTHER_PROVISION, etsi_record_line(c), id,
				                   provision, NULL, NULL, 0,
				                   "external evidence '%s' is filed under %s but covers "
				                   "test case %s, which belongs to %s", id, provision,
				                   tc_id, get(group, "provision"));
			if (tc && etsi__streq(get(tc, "kind"), "functional") &&
			    etsi__streq(get(c, "coverage"), "full") && document_review(category))
				etsi__eval_finding(ev, R_EXTERNAL_FULL_BY_DOCUMENT, etsi_record_line(c),
				                   id, provision, NULL, NULL, 0,
				                   "external evidence '%s' is a %s but claims full "
				                   "coverage of %s, a functional test case: reading a "
				                   "document does not observe the device", id, category,
				                   tc_id);
		}
	}
}

/* The public statement against the dossier: its scope, its edition and
 * the software version it names. */
static void check_public_statement(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	xmlNode *node = header ? etsi__xml_child(header->node, ETSI__NS_DOSSIER,
	                                         "public-statement") : NULL;
	const char *edition, *version, *dut_version;
	int line;

	if (!node)
		return;
	line = etsi__xml_line(node);
	if (etsi__streq(get(header, "public-conformance"), "true") &&
	    etsi__streq(get(header, "public-scope"), "en-303-645"))
		etsi__eval_finding(ev, R_PUBLIC_CLAIM_SCOPE, line, "public-statement", NULL, NULL,
		                   NULL, 0,
		                   "the public statement claims conformance to EN 303 645 as a "
		                   "whole (scope=\"en-303-645\"), but the dossier assesses clause "
		                   "5.3 only");
	edition = get(header, "public-edition");
	if (edition && !etsi__streq(edition, get(header, "en303645")))
		etsi__eval_finding(ev, R_PUBLIC_CLAIM_MISMATCH, line, "public-statement", NULL,
		                   NULL, NULL, 0,
		                   "the public statement names EN 303 645 V%s, but the dossier is "
		                   "assessed against V%s", edition, get(header, "en303645"));
	/* a conformance claim dated before any laboratory verdict existed */
	if (etsi__streq(get(header, "public-conformance"), "true") && get(header, "public-date")) {
		const char *first = NULL;
		size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);

		for (i = 0; i < n; i++) {
			const char *date = get(etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i), "date");

			if (date && (!first || strcmp(date, first) < 0))
				first = date;
		}
		if (first && strcmp(get(header, "public-date"), first) < 0)
			etsi__eval_finding(ev, R_PUBLIC_CLAIM_MISMATCH, line, "public-statement", NULL,
			                   NULL, NULL, 0,
			                   "the public statement claims conformance on %s, before the "
			                   "first verdict it rests on (%s)", get(header, "public-date"),
			                   first);
	}
	version = get(header, "public-software-version");
	dut_version = get(dut, "software-version");
	if (version && dut_version && strcmp(version, dut_version) != 0)
		etsi__eval_finding(ev, R_PUBLIC_CLAIM_MISMATCH, line, "public-statement", NULL,
		                   NULL, NULL, 0,
		                   "the public statement names software version %s, but the DUT "
		                   "runs %s", version, dut_version);
}

/* A PASS on a functional test case that cites only conceptual evidence:
 * nothing cited observed the device (the wrong layer of evidence). */
static void check_verdict_layers(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);

	for (i = 0; i < n; i++) {
		etsi_record *v = etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i);
		const char *tc_id = get(v, "case");
		etsi_record *tc = tc_id ? etsi_catalog_find(ev->cat, ETSI_KIND_TEST_CASE, tc_id) : NULL;
		size_t cited = 0, conceptual = 0;

		if (!tc || !etsi__streq(get(tc, "kind"), "functional") ||
		    !etsi__streq(get(v, "result"), "PASS"))
			continue;
		for (j = 0; j < etsi_record_value_count(v, "evidence"); j++) {
			etsi_record *e = etsi_dossier_find(ev->d, ETSI_KIND_EVIDENCE,
			                                   etsi_record_value_at(v, "evidence", j));

			/* a dangling reference is the schema's to report */
			cited += e != NULL;
			conceptual += e && etsi__streq(get(e, "kind"), "conceptual");
		}
		if (cited && conceptual == cited)
			etsi__eval_finding(ev, R_VERDICT_CONCEPTUAL_ONLY, etsi_record_line(v), NULL,
			                   tc_id, NULL, NULL, 0,
			                   "the PASS verdict on %s, a functional test case, cites "
			                   "only conceptual evidence ('%s'%s)", tc_id,
			                   etsi_record_value_at(v, "evidence", 0),
			                   cited > 1 ? " and others" : "");
	}
}

/* Whether @p text names @p word (case-insensitively, as a whole word). */
static int names(const char *text, const char *word)
{
	size_t n = word ? strlen(word) : 0;
	const char *p;

	if (!text || !n)
		return 0;
	for (p = text; *p; p++) {
		if (strncasecmp(p, word, n) == 0 &&
		    (p == text || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

/* The model designation's first word ("HST-400" of "HST-400, printed on
 * the label...") */
static void first_word(char *out, size_t size, const char *text)
{
	size_t n = 0;

	while (text && *text && isspace((unsigned char)*text))
		text++;
	while (text && text[n] && !isspace((unsigned char)text[n]) && text[n] != ',' &&
	       text[n] != ';' && n + 1 < size)
		n++;
	if (size)
		memcpy(out, text ? text : "", n), out[n] = '\0';
}

/* External evidence about the device names what it assessed: the DUT (or
 * one of its components) and a software version. */
static void check_external_scope(eval *ev)
{
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	size_t i, j, k, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);
	size_t components = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
	char model[128];

	first_word(model, sizeof(model), get(dut, "model-designation"));
	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		const char *category = get(e, "category"), *scope = get(e, "external-scope");
		int about_device = etsi__streq(category, "third-party-evaluation") ||
		                   etsi__streq(category, "penetration-test") ||
		                   etsi__streq(category, "test-report");
		int product, version;

		if (!etsi__xml_child(e->node, ETSI__NS_DOSSIER, "external"))
			continue;
		for (j = 0; !about_device && j < etsi_record_child_count(e); j++) {
			etsi_record *c = etsi_record_child_at(e, j);
			etsi_record *tc = etsi_record_kind(c) == ETSI_KIND_COVERS && get(c, "test-case") ?
				etsi_catalog_find(ev->cat, ETSI_KIND_TEST_CASE, get(c, "test-case")) : NULL;

			about_device = tc && etsi__streq(get(tc, "kind"), "functional");
		}
		if (!about_device)
			continue;
		product = names(scope, model);
		version = names(scope, get(dut, "software-version"));
		for (k = 0; k < components && (!product || !version); k++) {
			etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, k);

			product |= names(scope, etsi_record_key(c)) || names(scope, get(c, "name"));
			version |= names(scope, get(c, "version"));
		}
		if (!product || !version)
			etsi__eval_finding(ev, R_EXTERNAL_SCOPE, etsi_record_line(e), etsi_record_key(e),
			                   get(e, "provision"), NULL, NULL, 0,
			                   "external evidence '%s' is about the device, but its scope "
			                   "%s%s%s", etsi_record_key(e),
			                   etsi__is_blank(scope) ? "is empty" : "names ",
			                   etsi__is_blank(scope) ? "" :
			                   !product && !version ? "neither the DUT nor one of its "
			                   "components, nor a software version of them" :
			                   !product ? "neither the DUT nor one of its components" :
			                   "no software version of the DUT or its components",
			                   "");
	}
}

/* An artifact that shows another software version than this release's. */
static void check_versions(eval *ev)
{
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	const char *dut_version = get(dut, "software-version");
	size_t i, j, k, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);
	size_t components = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);

		/* carried forward with a review: someone judged it still holds */
		if (carried_and_reviewed(e))
			continue;
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *shows = etsi_record_kind(a) == ETSI_KIND_ARTIFACT ?
				get(a, "software-version") : NULL;
			int known = shows && etsi__streq(shows, dut_version);
			char fact[200];

			for (k = 0; shows && !known && k < components; k++)
				known = etsi__streq(shows, get(etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, k),
				                                "version"));
			if (!shows || known)
				continue;
			snprintf(fact, sizeof(fact), "artifact '%s' software-version=%s",
			         etsi_record_key(a), shows);
			etsi__eval_finding(ev, R_EVIDENCE_VERSION, etsi_record_line(a), etsi_record_key(a),
			                   get(e, "provision"), NULL, fact, etsi_record_line(a),
			                   "artifact '%s' shows software version %s, but the DUT runs "
			                   "%s and no component has that version", etsi_record_key(a),
			                   shows, dut_version ? dut_version : "a version not stated");
		}
	}
}

void etsi__check_evidence_depth(eval *ev)
{
	check_public_statement(ev);
	check_broad(ev);
	check_dates(ev);
	check_versions(ev);
	check_external(ev);
	check_external_scope(ev);
	check_verdict_layers(ev);
}
