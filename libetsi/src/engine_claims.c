/*
 * Claims against facts: the rules that test each ICS "Y" against the typed
 * facts the dossier records about its product (docs/rules.md, "Claims and
 * facts").
 *
 * For every claimed provision the question is which recorded fact would
 * prove the claim wrong.  A fact that contradicts a claim is a finding that
 * names both, with the fact's line.  A fact that is not stated, or stated
 * as unknown, is never read as "no": it becomes an open question, which
 * marks the provision's test cases at risk of an INCONCLUSIVE verdict and
 * is listed by the release gate.
 *
 * Everything here is one pass over the mechanisms, the components and a
 * few singletons; the only inner loops are over a mechanism's own
 * primitives (at most 16) and the crypto policy (a few dozen entries).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "engine_impl.h"
#include "record_impl.h"
#include "xml.h"

#define NS_D ETSI__NS_DOSSIER

/* A record's id, or "(no id)" for one that lacks it: an invalid dossier
 * is checked too, and a message never says "(null)". */
static const char *id_of(const etsi_record *r)
{
	const char *id = etsi_record_key(r);

	return id ? id : "(no id)";
}

static int is(const etsi_record *r, const char *field, const char *value)
{
	return etsi__streq(get(r, field), value);
}

/* A tristate or enumerated fact: NULL and "unknown" are both unknown. */
static int stated(const char *value)
{
	return value && strcmp(value, "unknown") != 0;
}

static int implemented(const etsi_record *m)
{
	return !is(m, "implemented", "false");
}

/* The ICS entry of a provision claimed Y, or NULL: the provision must be a
 * live provision of the dossier's edition. */
static etsi_record *claim(const eval *ev, const char *provision)
{
	etsi_record *p = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, provision);
	etsi_record *entry;

	if (!p || etsi__streq(get(p, "void"), "true"))
		return NULL;
	entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, provision);
	return is(entry, "support", "Y") ? entry : NULL;
}

static int v2(const eval *ev)
{
	return etsi__streq(etsi_catalog_edition(ev->cat), "2.1.1");
}

/* The line of a fact: its element under the record, else the record. */
static int fact_line(const etsi_record *r, const char *element)
{
	xmlNode *node = element ? etsi__xml_child(r->node, NS_D, element) : NULL;

	return node ? etsi__xml_line(node) : etsi_record_line(r);
}

/* Reports that the fact `fact`, recorded at `line` about record `at`,
 * contradicts the ICS claim of `provision`. */
static void vreport(eval *ev, int rule, const etsi_record *at, int line, const char *provision,
                    const char *fact, const char *fmt, va_list ap)
{
	etsi_record *entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, provision);
	etsi__buf what = ETSI__BUF_INIT;
	char claimed[48];

	etsi__buf_vprintf(&what, fmt, ap);
	snprintf(claimed, sizeof(claimed), "ICS %s: Y", provision);
	if (what.failed) {
		OOM(ev);
		return;
	}
	etsi__eval_finding(ev, rule, line, id_of(at), provision, claimed, fact, line,
	                   "the ICS claims %s Y (line %d), but %s", provision,
	                   etsi_record_line(entry), what.ptr);
	etsi__buf_dispose(&what);
}

/* The same, for a fact kept in `element` under the record. */
static void contradiction(eval *ev, int rule, const etsi_record *at, const char *element,
                          const char *provision, const char *fact, const char *fmt, ...)
	ETSI__PRINTF(7, 8);

static void contradiction(eval *ev, int rule, const etsi_record *at, const char *element,
                          const char *provision, const char *fact, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ev, rule, at, fact_line(at, element), provision, fact, fmt, ap);
	va_end(ap);
}

/* The same, for a fact recorded at a given line. */
static void contradiction_at(eval *ev, int rule, const etsi_record *at, int line,
                             const char *provision, const char *fact, const char *fmt, ...)
	ETSI__PRINTF(7, 8);

static void contradiction_at(eval *ev, int rule, const etsi_record *at, int line,
                             const char *provision, const char *fact, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(ev, rule, at, line, provision, fact, fmt, ap);
	va_end(ap);
}

/* Reports the same contradicting fact once for each provision of `ids`
 * the ICS claims Y. */
static void contradict_each(eval *ev, int rule, const etsi_record *at, const char *element,
                            const char *const *ids, size_t n, const char *fact,
                            const char *fmt, ...) ETSI__PRINTF(8, 9);

static void contradict_each(eval *ev, int rule, const etsi_record *at, const char *element,
                            const char *const *ids, size_t n, const char *fact,
                            const char *fmt, ...)
{
	etsi__buf what = ETSI__BUF_INIT;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	etsi__buf_vprintf(&what, fmt, ap);
	va_end(ap);
	if (what.failed) {
		OOM(ev);
		return;
	}
	for (i = 0; i < n; i++) {
		if (claim(ev, ids[i]))
			contradiction(ev, rule, at, element, ids[i], fact, "%s", what.ptr);
	}
	etsi__buf_dispose(&what);
}

/* The claimed provisions among `ids`, space-separated, in `out`. */
static const char *claimed_list(const eval *ev, char *out, size_t size,
                                const char *const *ids, size_t n)
{
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		if (!claim(ev, ids[i]))
			continue;
		used += (size_t)snprintf(out + used, size - used, "%s%s", used ? " " : "", ids[i]);
	}
	return used && used < size ? out : NULL;
}

/* An open question about one record's fact (kept in `element`), for the
 * provisions claimed: "unknown" when the dossier records it so (`value`
 * is "unknown"), "not stated" when it says nothing. */
static void unknown(eval *ev, const char *step, const etsi_record *at, const char *element,
                    const char *value, const char *provisions, const char *fact,
                    const char *what)
{
	int present = etsi__streq(value, "unknown");
	char full[224];

	snprintf(full, sizeof(full), "%s '%s' %s", etsi_kind_name(etsi_record_kind(at)),
	         id_of(at), fact);
	etsi__eval_question(ev, step, full, id_of(at), fact_line(at, element),
	                    provisions, "%s %s '%s' is %s; %s rest%s on it", what,
	                    etsi_kind_name(etsi_record_kind(at)), id_of(at),
	                    present ? "unknown" : "not stated", provisions,
	                    strchr(provisions, ' ') ? "" : "s");
}

/* ---- the crypto policy ----------------------------------------------- */

/* Upper case without '-', '_', '/' and spaces: "SHA-256" is "SHA256". */
static void normalize(char *out, size_t size, const char *name, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len && o + 1 < size; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '-' || c == '_' || c == '/' || c == ' ')
			continue;
		out[o++] = (char)toupper(c);
	}
	out[o] = '\0';
}

/* The policy entry for an algorithm name in one use, or NULL. */
static etsi_record *policy_find(const eval *ev, const char *use, const char *name)
{
	size_t i, n = etsi_catalog_count(ev->cat, ETSI_KIND_ALGORITHM);
	char want[64];

	if (!name)
		return NULL;
	normalize(want, sizeof(want), name, strlen(name));
	for (i = 0; i < n; i++) {
		etsi_record *a = etsi_catalog_at(ev->cat, ETSI_KIND_ALGORITHM, i);
		const char *names = get(a, "names");

		if (!etsi__streq(get(a, "use"), use))
			continue;
		while (names && *names) {
			size_t len = strcspn(names, " ");
			char have[64];

			normalize(have, sizeof(have), names, len);
			if (strcmp(have, want) == 0)
				return a;
			names += len;
			names += strspn(names, " ");
		}
	}
	return NULL;
}

/* Whether a policy entry rests on libetsi's judgement alone. */
static int judgement_only(const etsi_record *a)
{
	const char *p = get(a, "provenance");

	while (p && *p) {
		size_t len = strcspn(p, " ");

		if (len != 7 || strncmp(p, "LIBETSI", 7) != 0)
			return 0;
		p += len;
		p += strspn(p, " ");
	}
	return 1;
}

/* Judges one primitive: 2 broken or deprecated (or too short), 1 legacy,
 * 0 acceptable, -1 not in the policy.  `why` says which and on what
 * authority. */
static int judge(const eval *ev, const char *use, const char *alg, const char *bits,
                 etsi__buf *why)
{
	etsi_record *a = policy_find(ev, use, alg);
	const char *status, *min;

	if (!a)
		return -1;
	status = get(a, "status");
	min = get(a, "min-bits");
	if (etsi__streq(status, "broken") || etsi__streq(status, "deprecated")) {
		etsi__buf_printf(why, "%s, which is %s (sources: %s)", alg, status,
		                 get(a, "provenance"));
		return judgement_only(a) ? 1 : 2;
	}
	if (min && bits && strtoul(bits, NULL, 10) < strtoul(min, NULL, 10)) {
		etsi__buf_printf(why, "%s with a %s-bit key, below the %s bits the policy "
		                 "allows (sources: %s)", alg, bits, min, get(a, "provenance"));
		return judgement_only(a) ? 1 : 2;
	}
	if (etsi__streq(status, "legacy")) {
		etsi__buf_printf(why, "%s, which is legacy (sources: %s)", alg,
		                 get(a, "provenance"));
		return 1;
	}
	return 0;
}

/* 5.3-7: every primitive of the mechanism's update chain, and its TLS. */
static void check_crypto(eval *ev, const etsi_record *m)
{
	static const char *const p7[] = { "5.3-7" };
	const char *tls = get(m, "tls");
	size_t i, primitives = 0;
	char provisions[16];
	int has_integrity = 0;

	if (!claimed_list(ev, provisions, sizeof(provisions), p7, 1))
		return;
	for (i = 0; i < etsi_record_child_count(m); i++) {
		etsi_record *c = etsi_record_child_at(m, i);

		if (etsi_record_kind(c) == ETSI_KIND_CRYPTO &&
		    (is(c, "use", "signature") || is(c, "use", "mac")))
			has_integrity = 1;
	}
	for (i = 0; i < etsi_record_child_count(m); i++) {
		etsi_record *c = etsi_record_child_at(m, i);
		const char *use = get(c, "use"), *alg = get(c, "alg"), *hash = get(c, "hash");
		etsi__buf why = ETSI__BUF_INIT, fact = ETSI__BUF_INIT;
		int verdict, line;

		if (etsi_record_kind(c) != ETSI_KIND_CRYPTO)
			continue;
		/* a primitive without its use or algorithm is a schema error of
		 * an invalid dossier: nothing to judge */
		if (!use || !alg)
			continue;
		primitives++;
		line = etsi_record_line(c);
		etsi__buf_printf(&fact, "mechanism '%s' crypto use=%s alg=%s%s%s%s%s",
		                 id_of(m), use, alg, get(c, "key-bits") ? " key-bits=" : "",
		                 get(c, "key-bits") ? get(c, "key-bits") : "", hash ? " hash=" : "",
		                 hash ? hash : "");
		verdict = judge(ev, use, alg, get(c, "key-bits"), &why);
		if (verdict < 0)
			etsi__eval_question(ev, "mechanisms", fact.ptr ? fact.ptr : "crypto",
			                    id_of(m), line, provisions,
			                    "libetsi's crypto policy does not list %s for %s (mechanism "
			                    "'%s'); the laboratory judges it for 5.3-7", alg, use,
			                    id_of(m));
		/* the hash inside a signature or MAC is judged as a digest */
		if (verdict <= 0 && hash) {
			etsi__buf hash_why = ETSI__BUF_INIT;
			int h = judge(ev, "digest", hash, NULL, &hash_why);

			if (h > 0) {
				etsi__buf_dispose(&why);
				why = hash_why;
				verdict = h;
			} else {
				etsi__buf_dispose(&hash_why);
			}
		}
		if (verdict <= 0 && is(c, "use", "encryption") && is(c, "authenticated", "false")) {
			etsi__buf_printf(&why, "%s encryption without authentication%s", alg,
			                 has_integrity ? " (integrity rests on the signature alone)"
			                               : ", and no signature or MAC protects integrity");
			verdict = 1;
		}
		if (why.failed || fact.failed)
			OOM(ev);
		else if (verdict > 0)
			etsi__eval_finding(ev, verdict == 2 ? R_CLAIM_CRYPTO_WEAK : R_CLAIM_CRYPTO_LEGACY,
			                   line, id_of(m), "5.3-7", "ICS 5.3-7: Y", fact.ptr,
			                   line, "the ICS claims 5.3-7 Y (line %d), but mechanism '%s' uses %s",
			                   etsi_record_line(claim(ev, "5.3-7")),
			                   id_of(m), why.ptr);
		etsi__buf_dispose(&why);
		etsi__buf_dispose(&fact);
	}
	if (stated(tls) && strcmp(tls, "none") != 0) {
		etsi__buf why = ETSI__BUF_INIT;
		char fact[160];
		int verdict = judge(ev, "transport", tls, NULL, &why);

		snprintf(fact, sizeof(fact), "mechanism '%s' transport tls=%s", id_of(m),
		         tls);
		if (why.failed)
			OOM(ev);
		else if (verdict > 0)
			etsi__eval_finding(ev, verdict == 2 ? R_CLAIM_CRYPTO_WEAK : R_CLAIM_CRYPTO_LEGACY,
			                   fact_line(m, "transport"), id_of(m), "5.3-7",
			                   "ICS 5.3-7: Y", fact, fact_line(m, "transport"),
			                   "the ICS claims 5.3-7 Y (line %d), but mechanism '%s' is "
			                   "delivered over TLS %s",
			                   etsi_record_line(claim(ev, "5.3-7")), id_of(m),
			                   why.ptr);
		etsi__buf_dispose(&why);
	}
	if (!primitives)
		unknown(ev, "mechanisms", m, "crypto", NULL, provisions,
		        "crypto", "the cryptography of");
}

/* ---- per mechanism: verification, rollback, paths -------------------- */

static const char *where_words(const char *where)
{
	if (etsi__streq(where, "none"))
		return "its updates are not verified at all";
	if (etsi__streq(where, "update-client"))
		return "only an update client or app verifies its updates, not the device";
	if (etsi__streq(where, "server-or-transport"))
		return "only the server or the transport verifies its updates, not the device";
	if (etsi__streq(where, "device-at-boot"))
		return "the device verifies its updates only when it boots, after installing them";
	return "";
}

static void check_verification(eval *ev, const etsi_record *m)
{
	static const char *const ids[] = { "5.3-2", "5.3-9", "5.3-10" };
	const char *where = get(m, "verified-where"), *trust = get(m, "trust");
	char fact[160], provisions[40];
	size_t i;
	int network = is(m, "network", "true");

	snprintf(fact, sizeof(fact), "mechanism '%s' verification where=%s", id_of(m),
	         where ? where : "(not stated)");
	for (i = 0; i < ETSI__ARRAY_SIZE(ids); i++) {
		if (!claim(ev, ids[i]) || (i == 2 && !network))
			continue;
		if (etsi__streq(where, "none"))
			contradiction(ev, R_CLAIM_VERIFY_ABSENT, m, "verification", ids[i], fact,
			              "mechanism '%s' records verification where=none: %s",
			              id_of(m), where_words(where));
		else if (etsi__streq(where, "update-client") ||
		         etsi__streq(where, "server-or-transport"))
			contradiction(ev, R_CLAIM_VERIFY_OFF_DEVICE, m, "verification", ids[i], fact,
			              "mechanism '%s' records verification where=%s: %s",
			              id_of(m), where, where_words(where));
		else if (i == 1 && etsi__streq(where, "device-at-boot"))
			contradiction(ev, R_CLAIM_VERIFY_AFTER_INSTALL, m, "verification", ids[i], fact,
			              "mechanism '%s' records verification where=device-at-boot: %s",
			              id_of(m), where_words(where));
	}
	/* a channel proves where an update came from, not who made it */
	if (claim(ev, "5.3-9") && (etsi__streq(trust, "authenticated-channel") ||
	                           etsi__streq(trust, "protected-network")) &&
	    !etsi__streq(where, "none") && !etsi__streq(where, "update-client") &&
	    !etsi__streq(where, "server-or-transport")) {
		int signed_ = 0;

		for (i = 0; i < etsi_record_child_count(m); i++) {
			etsi_record *c = etsi_record_child_at(m, i);

			signed_ |= etsi_record_kind(c) == ETSI_KIND_CRYPTO &&
			           (is(c, "use", "signature") || is(c, "use", "mac"));
		}
		if (!signed_) {
			char trust_fact[160];

			snprintf(trust_fact, sizeof(trust_fact),
			         "mechanism '%s' trust-relationship kind=%s, no signature or MAC",
			         id_of(m), trust);
			contradiction(ev, R_CLAIM_CHANNEL_ONLY, m, "trust-relationship", "5.3-9",
			              trust_fact, "mechanism '%s' rests on an %s and records no signature "
			              "or MAC over its updates", id_of(m),
			              strcmp(trust, "protected-network") == 0 ? "protected network"
			                                                       : "authenticated channel");
		}
	}
	/* 5.3-10's authenticated channel must authenticate the server */
	if (claim(ev, "5.3-10") && network && etsi__streq(trust, "authenticated-channel") &&
	    (is(m, "server-authenticated", "false") || is(m, "tls", "none"))) {
		char transport[160];

		snprintf(transport, sizeof(transport),
		         "mechanism '%s' transport server-authenticated=%s tls=%s", id_of(m),
		         get(m, "server-authenticated") ? get(m, "server-authenticated") : "(not stated)",
		         get(m, "tls") ? get(m, "tls") : "(not stated)");
		contradiction(ev, R_CLAIM_TRANSPORT, m, "transport", "5.3-10", transport,
		              "its trust relationship is an authenticated channel while its transport "
		              "does not authenticate the server (mechanism '%s')", id_of(m));
	}
	if (claim(ev, "5.3-9") && is(m, "key-location", "writable-storage")) {
		char key[160];

		snprintf(key, sizeof(key), "mechanism '%s' verification-key location=writable-storage",
		         id_of(m));
		contradiction(ev, R_CLAIM_KEY_WRITABLE, m, "verification-key", "5.3-9", key,
		              "the key that verifies mechanism '%s' lives in writable storage",
		              id_of(m));
	}
	if (!stated(where) &&
	    claimed_list(ev, provisions, sizeof(provisions), ids, network ? 3 : 2))
		unknown(ev, "mechanisms", m, "verification", where, provisions,
		        "verification", "where the device verifies the updates of");
}

static void check_rollback(eval *ev, const etsi_record *m)
{
	static const char *const p2[] = { "5.3-2" };
	const char *kind = get(m, "anti-rollback");
	char fact[160], provisions[16];

	if (!claimed_list(ev, provisions, sizeof(provisions), p2, 1))
		return;
	if (etsi__streq(kind, "none")) {
		snprintf(fact, sizeof(fact), "mechanism '%s' anti-rollback kind=none",
		         id_of(m));
		contradiction(ev, R_CLAIM_ROLLBACK, m, "anti-rollback", "5.3-2", fact,
		              "mechanism '%s' installs older versions: anti-rollback kind=none",
		              id_of(m));
	} else if (!stated(kind)) {
		unknown(ev, "mechanisms", m, "anti-rollback", kind, provisions,
		        "anti-rollback", "anti-rollback of");
	}
}

/* Another path into a component an implemented mechanism updates that
 * skips the mechanism's verification: once per path, however many
 * mechanisms update the component. */
static void check_paths(eval *ev)
{
	static const char *const ids[] = { "5.3-2", "5.3-9" };
	size_t i, j, k, n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
	char provisions[24];

	if (!claimed_list(ev, provisions, sizeof(provisions), ids, 2))
		return;
	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		etsi_record *m = NULL;

		for (j = 0; !m && j < etsi_record_value_count(c, "mechanism"); j++) {
			m = etsi_dossier_find(ev->d, ETSI_KIND_MECHANISM,
			                      etsi_record_value_at(c, "mechanism", j));
			m = m && implemented(m) ? m : NULL;
		}
		if (!m)
			continue;
		for (j = 0; j < etsi_record_child_count(c); j++) {
			etsi_record *path = etsi_record_child_at(c, j);
			const char *kind = get(path, "kind"), *verifies = get(path, "verifies");
			char fact[192];

			if (etsi_record_kind(path) != ETSI_KIND_INSTALL_PATH)
				continue;
			snprintf(fact, sizeof(fact), "component '%s' other-install-path kind=%s "
			         "verifies=%s", id_of(c), kind, verifies ? verifies : "?");
			if (etsi__streq(verifies, "false")) {
				for (k = 0; k < ETSI__ARRAY_SIZE(ids); k++) {
					if (claim(ev, ids[k]))
						contradiction_at(ev, R_CLAIM_BYPASS, c, etsi_record_line(path),
						                 ids[k], fact, "component '%s', which mechanism "
						                 "'%s' updates, also takes software through its %s "
						                 "without verification", id_of(c),
						                 id_of(m), kind);
				}
			} else if (!stated(verifies)) {
				etsi__eval_question(ev, "mechanisms", fact, id_of(c),
				                    etsi_record_line(path), provisions,
				                    "whether the %s of component '%s' verifies what it "
				                    "installs is unknown; %s rest on it", kind,
				                    id_of(c), provisions);
			}
		}
	}
}

/* ---- automatic updates, defaults, control ----------------------------- */

static void check_automation(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	int any_auto = 0;

	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *def = get(m, "automatic-default");
		int automatic = is(m, "automatic", "true"), notifies = is(m, "notification", "true");
		char fact[192];

		if (!implemented(m))
			continue;
		any_auto |= automatic;
		snprintf(fact, sizeof(fact), "mechanism '%s' automation default=%s",
		         id_of(m), def ? def : "(not stated)");
		if (automatic) {
			/* V2.1.1 5.3-4 b and 5.3-6: on in the initialized state; V3.1.3
			 * 5.3-4B: switched on once the user consents during setup */
			if (etsi__streq(def, "off")) {
				if (claim(ev, "5.3-4"))
					contradiction(ev, R_CLAIM_AUTOMATIC, m, "automation", "5.3-4", fact,
					              "automatic updates of mechanism '%s' are off by default",
					              id_of(m));
				if (claim(ev, "5.3-4B"))
					contradiction(ev, R_CLAIM_AUTOMATIC, m, "automation", "5.3-4B", fact,
					              "automatic updates of mechanism '%s' are off and the user "
					              "is not asked during setup", id_of(m));
				if (claim(ev, "5.3-6"))
					contradiction(ev, R_CLAIM_DEFAULT_OFF, m, "automation", "5.3-6", fact,
					              "automatic updates of mechanism '%s' are off in the "
					              "initialized state", id_of(m));
			} else if (!stated(def)) {
				static const char *const ids[] = { "5.3-4", "5.3-4B", "5.3-6" };
				char provisions[32];

				if (claimed_list(ev, provisions, sizeof(provisions), ids, 3))
					unknown(ev, "mechanisms", m, "automation", def, provisions,
					        "automation default", "the default state of automatic updates of");
			}
			/* 5.3-6 (V3.1.3: 5.3-6A): enable, disable, postpone */
			{
				static const char *const ids[] = { "5.3-6", "5.3-6A" };
				static const char *const controls[] = { "automatic-user-can-disable",
					                                    "postpone" };
				char provisions[24];
				size_t c;

				for (c = 0; c < 2; c++) {
					const char *value = get(m, controls[c]);

					snprintf(fact, sizeof(fact), "mechanism '%s' automation %s=%s",
					         id_of(m), c ? "postpone" : "user-can-disable",
					         value ? value : "(not stated)");
					if (etsi__streq(value, "false")) {
						contradict_each(ev, R_CLAIM_CONTROL, m, "automation", ids, 2, fact,
						                "the user cannot %s automatic updates of mechanism "
						                "'%s'", c ? "postpone" : "switch off",
						                id_of(m));
					} else if (!stated(value) &&
					           claimed_list(ev, provisions, sizeof(provisions), ids, 2)) {
						unknown(ev, "mechanisms", m, "automation", value, provisions,
						        c ? "automation postpone" : "automation user-can-disable",
						        c ? "whether the user can postpone automatic updates of"
						          : "whether the user can switch off automatic updates of");
					}
				}
			}
		}
		if (notifies) {
			const char *ndef = get(m, "notice-default"), *off = get(m, "notice-user-can-disable");

			snprintf(fact, sizeof(fact), "mechanism '%s' notice default=%s",
			         id_of(m), ndef ? ndef : "(not stated)");
			if (etsi__streq(ndef, "off") && claim(ev, "5.3-6"))
				contradiction(ev, R_CLAIM_DEFAULT_OFF, m, "notice", "5.3-6", fact,
				              "update notifications of mechanism '%s' are off in the "
				              "initialized state", id_of(m));
			snprintf(fact, sizeof(fact), "mechanism '%s' notice user-can-disable=%s",
			         id_of(m), off ? off : "(not stated)");
			if (etsi__streq(off, "false")) {
				static const char *const ids[] = { "5.3-6", "5.3-6B" };

				contradict_each(ev, R_CLAIM_CONTROL, m, "notice", ids, 2, fact,
				                "the user cannot switch off update notifications of "
				                "mechanism '%s'", id_of(m));
			}
		}
	}
	/* 5.3-4 / 5.3-4A: some mechanism must update automatically */
	if (!any_auto) {
		static const char *const ids[] = { "5.3-4", "5.3-4A" };
		size_t k;

		for (k = 0; k < 2; k++) {
			etsi_record *entry = claim(ev, ids[k]);

			if (entry)
				etsi__eval_finding(ev, R_CLAIM_AUTOMATIC, etsi_record_line(entry), NULL,
				                   ids[k], NULL, "every implemented mechanism automatic=false",
				                   0, "the ICS claims %s Y (line %d), but no implemented update "
				                   "mechanism updates automatically (every one records "
				                   "automatic=\"false\")", ids[k],
				                   etsi_record_line(entry));
		}
	}
}

/* ---- update checks ---------------------------------------------------- */

/* 1 the mechanism's checks meet 5.3-5, 0 they contradict it, -1 unknown. */
static int check_schedule(const eval *ev, const etsi_record *m)
{
	const char *after = get(m, "check-after-initialization"), *periodic = get(m, "check-periodic");
	const char *boot = get(m, "check-at-boot"), *by = get(m, "check-by");

	if (v2(ev)) {
		/* after initialization and then periodically, triggered by the
		 * device itself (TS 103 701 V1.1.1 5.3-5-1) */
		if (etsi__streq(periodic, "false") || etsi__streq(by, "associated-service"))
			return 0;
		if (etsi__streq(periodic, "true") && stated(by) &&
		    (etsi__streq(after, "true") || etsi__streq(boot, "true")))
			return 1;
		return -1;
	}
	/* V3.1.3: after initialization, by the device or an associated service */
	if (etsi__streq(after, "true") || etsi__streq(periodic, "true") || etsi__streq(boot, "true"))
		return 1;
	if (etsi__streq(after, "false") && etsi__streq(periodic, "false") &&
	    etsi__streq(boot, "false"))
		return 0;
	return -1;
}

/* TS 103 701 5.3-5-1 asks it of every component: some mechanism that
 * updates the component checks for updates when the provision says. */
static void check_update_checks(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
	etsi__map asked = ETSI__MAP_INIT; /* mechanisms already questioned or reported */

	if (!claim(ev, "5.3-5"))
		return;
	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		size_t k = etsi_record_value_count(c, "mechanism");
		int state = 0, mechanisms = 0;

		if (!is(c, "updateable", "true"))
			continue;
		for (j = 0; j < k; j++) {
			etsi_record *m = etsi_dossier_find(ev->d, ETSI_KIND_MECHANISM,
			                                   etsi_record_value_at(c, "mechanism", j));
			int s;

			if (!m || !implemented(m))
				continue;
			mechanisms++;
			s = check_schedule(ev, m);
			state = s == 1 || state == 1 ? 1 : s < 0 ? -1 : state;
		}
		if (!mechanisms || state == 1)
			continue;
		for (j = 0; j < k; j++) {
			etsi_record *m = etsi_dossier_find(ev->d, ETSI_KIND_MECHANISM,
			                                   etsi_record_value_at(c, "mechanism", j));
			char fact[224];
			int put;

			if (!m || !implemented(m) || (state < 0 && check_schedule(ev, m) >= 0))
				continue;
			put = etsi__map_put(&asked, id_of(m), m);
			if (put < 0)
				OOM(ev);
			if (put != 0)
				continue;
			if (state < 0) {
				/* recorded as unknown when any schedule fact says so */
				unknown(ev, "mechanisms", m, "update-check",
				        etsi__streq(get(m, "check-after-initialization"), "unknown") ||
				        etsi__streq(get(m, "check-periodic"), "unknown") ||
				        etsi__streq(get(m, "check-at-boot"), "unknown") ? "unknown" : NULL,
				        "5.3-5", "update-check", "when updates are looked for by");
				continue;
			}
			snprintf(fact, sizeof(fact), "mechanism '%s' update-check after-initialization=%s "
			         "periodic=%s by=%s", id_of(m),
			         get(m, "check-after-initialization") ? get(m, "check-after-initialization")
			                                              : "(not stated)",
			         get(m, "check-periodic") ? get(m, "check-periodic") : "(not stated)",
			         get(m, "check-by") ? get(m, "check-by") : "(not stated)");
			contradiction(ev, R_CLAIM_CHECK, m, "update-check", "5.3-5", fact,
			              "mechanism '%s', the only way component '%s' is updated%s, %s",
			              id_of(m), id_of(c), k > 1 ? " with others" : "",
			              v2(ev) ? "does not have the device check periodically after "
			                       "initialization"
			                     : "never checks for updates after initialization");
		}
	}
	etsi__map_dispose(&asked);
}

/* ---- what the user is told ------------------------------------------- */

/* 1 the mechanism tells users of security updates and their risks, 0 it
 * records that it does not, -1 unknown. */
static int notice_state(const etsi_record *m)
{
	const char *sec = get(m, "notice-security-updates"), *risks = get(m, "notice-risks");

	if (etsi__streq(sec, "true") && etsi__streq(risks, "true"))
		return 1;
	if (etsi__streq(sec, "false") || etsi__streq(risks, "false") ||
	    (is(m, "notification", "false") && !etsi__streq(sec, "true")))
		return 0;
	return -1;
}

static void check_notices(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	int meets = 0, unknowns = 0, mechanisms = 0;

	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *disruption = get(m, "notice-disruption");
		char fact[192];
		int state;

		if (!implemented(m))
			continue;
		mechanisms++;
		state = notice_state(m);
		meets |= state == 1;
		unknowns |= state < 0;
		if (!claim(ev, "5.3-12"))
			continue;
		snprintf(fact, sizeof(fact), "mechanism '%s' notice disruption=%s",
		         id_of(m), disruption ? disruption : "(not stated)");
		if (etsi__streq(disruption, "not-announced"))
			contradiction(ev, R_CLAIM_DISRUPTION, m, "notice", "5.3-12", fact,
			              "mechanism '%s' installs updates that disrupt basic functioning "
			              "without telling the user", id_of(m));
		else if (!stated(disruption))
			unknown(ev, "user-info", m, "notice", disruption, "5.3-12", "notice disruption",
			        "whether disruptive updates are announced by");
	}
	if (!claim(ev, "5.3-11") || meets || !mechanisms)
		return;
	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *sec = get(m, "notice-security-updates"), *risks = get(m, "notice-risks");
		char fact[192];
		int state;

		if (!implemented(m))
			continue;
		state = notice_state(m);
		snprintf(fact, sizeof(fact), "mechanism '%s' notice security-updates=%s risks=%s "
		         "notification=%s", id_of(m), sec ? sec : "(not stated)",
		         risks ? risks : "(not stated)", get(m, "notification"));
		if (state < 0)
			unknown(ev, "user-info", m, "notice",
			        etsi__streq(sec, "unknown") || etsi__streq(risks, "unknown") ? "unknown"
			                                                                     : NULL,
			        "5.3-11", "notice security-updates risks",
			        "whether users are told of security updates and their risks by");
		else if (!unknowns)
			contradiction(ev, R_CLAIM_NOTICE, m, "notice", "5.3-11", fact,
			              "mechanism '%s' %s", id_of(m),
			              etsi__streq(risks, "false")
			                  ? "does not tell users which risks an update mitigates"
			                  : "does not tell users that a security update is needed");
	}
}

/* ---- the support period ----------------------------------------------- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"
};

/* The next date in prose at or after `s` (which lies in `text`), as
 * YYYY-MM-DD: ISO dates and "31 March 2032".  Returns where to continue,
 * or NULL at the end. */
static const char *next_date(const char *text, const char *s, char out[16])
{
	for (; s && *s; s++) {
		int d = 0, m = 0, y = 0, used = 0;
		size_t i;

		if (!isdigit((unsigned char)*s) || (s > text && isdigit((unsigned char)s[-1])))
			continue;
		if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10 &&
		    !isdigit((unsigned char)s[10]) && y >= 1900 && m >= 1 && m <= 12 && d >= 1 &&
		    d <= 31) {
			snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m,
			         (unsigned)d);
			return s + used;
		} else {
			char word[16];

			if (sscanf(s, "%2d %15[A-Za-z] %4d%n", &d, word, &y, &used) != 3 || y < 1900 ||
			    d < 1 || d > 31)
				continue;
			for (i = 0; word[i]; i++)
				word[i] = (char)tolower((unsigned char)word[i]);
			for (i = 0; i < 12; i++) {
				if (strcmp(word, months[i]) == 0) {
					snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u,
					         (unsigned)i + 1u, (unsigned)d);
					return s + used;
				}
			}
		}
	}
	return NULL;
}

static void check_support(eval *ev)
{
	etsi_record *ui = ev->user_info;
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	etsi_record *e13 = claim(ev, "5.3-13");
	const char *end = get(ui, "support-period-end"), *pend = get(header, "public-support-end");
	char fact[160];

	if (ui && e13 && is(ui, "support-period-stated", "not-stated")) {
		contradiction(ev, R_SUPPORT_UNSTATED, ui, "support-period", "5.3-13",
		              "user-info support-period stated=not-stated",
		              "2-UserInfo records that no support period is stated");
	} else if (ui && e13 && !end && !get(ui, "support-period-duration")) {
		etsi__eval_question(ev, "user-info", "user-info support-period end or duration", NULL,
		                    fact_line(ui, "support-period"), "5.3-13",
		                    "the support period has no end date or duration in 2-UserInfo; "
		                    "5.3-13 rests on it");
	}
	if (end && strcmp(end, ev->as_of) < 0) {
		snprintf(fact, sizeof(fact), "user-info support-period end=%s", end);
		etsi__eval_finding(ev, R_SUPPORT_ENDED, fact_line(ui, "support-period"), NULL,
		                   "5.3-13", e13 ? "ICS 5.3-13: Y" : NULL, fact,
		                   fact_line(ui, "support-period"),
		                   "the support period ended on %s (checked as of %s)", end,
		                   ev->as_of);
	}
	if (pend && strcmp(pend, ev->as_of) < 0 && !etsi__streq(pend, end)) {
		snprintf(fact, sizeof(fact), "public-statement support-end=%s", pend);
		etsi__eval_finding(ev, R_SUPPORT_ENDED, etsi_record_line(header), NULL, "5.3-13",
		                   NULL, fact, etsi_record_line(header),
		                   "the public statement's support period ended on %s (checked as "
		                   "of %s)", pend, ev->as_of);
	}
	if (end && pend && strcmp(end, pend) != 0) {
		snprintf(fact, sizeof(fact), "public-statement support-end=%s, user-info end=%s",
		         pend, end);
		etsi__eval_finding(ev, R_SUPPORT_MISMATCH, fact_line(ui, "support-period"), NULL,
		                   "5.3-13", e13 ? "ICS 5.3-13: Y" : NULL, fact,
		                   fact_line(ui, "support-period"),
		                   "2-UserInfo says the support period ends on %s (line %d), the "
		                   "public statement says %s", end, fact_line(ui, "support-period"),
		                   pend);
	}
	/* a date in the ICS detail other than the recorded end */
	if (end && e13 && get(e13, "detail")) {
		const char *detail = get(e13, "detail"), *at = detail;
		char date[16], first[16] = "";
		int matches = 0, dates = 0;

		while ((at = next_date(detail, at, date))) {
			dates++;
			matches |= strcmp(date, end) == 0;
			if (!first[0])
				memcpy(first, date, sizeof(first));
		}
		if (dates && !matches) {
			snprintf(fact, sizeof(fact), "user-info support-period end=%s", end);
			etsi__eval_finding(ev, R_SUPPORT_DETAIL, etsi_record_line(e13), NULL, "5.3-13",
			                   "ICS 5.3-13: Y", fact, fact_line(ui, "support-period"),
			                   "the ICS detail of 5.3-13 names %s, but 2-UserInfo records the "
			                   "support period's end as %s (line %d)", first, end,
			                   fact_line(ui, "support-period"));
		}
	}
}

/* ---- components: reasons for no updates, the boot chain --------------- */

static int carries_something(const etsi_record *c, const char **what)
{
	if (is(c, "carries-network-stack", "true"))
		*what = "a network stack";
	else if (is(c, "carries-operating-system", "true"))
		*what = "an operating system";
	else if (is(c, "carries-applications", "true"))
		*what = "applications";
	else
		return 0;
	return 1;
}

static void check_components(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);

	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		const char *reason = get(c, "no-update-reason"), *what = NULL, *by;
		int immutable = etsi__streq(reason, "immutable-for-security");
		char fact[192];

		if ((immutable || etsi__streq(reason, "constrained")) && carries_something(c, &what)) {
			snprintf(fact, sizeof(fact), "component '%s' carries %s", id_of(c), what);
			etsi__eval_finding(ev, R_NO_UPDATE_CONTRADICTED, fact_line(c, "carries"),
			                   id_of(c), "5.3-1", NULL, fact, fact_line(c, "carries"),
			                   "component '%s' is declared %s (line %d), but it carries %s",
			                   id_of(c), reason, fact_line(c, "no-update"), what);
		} else if (etsi__streq(reason, "constrained") && ev->network.value == 1) {
			snprintf(fact, sizeof(fact), "mechanism '%s' network=true", ev->network.witness);
			etsi__eval_finding(ev, R_NO_UPDATE_CONTRADICTED, fact_line(c, "no-update"),
			                   id_of(c), "5.3-1", NULL, fact, 0,
			                   "component '%s' is declared too constrained to update (line "
			                   "%d), but the device updates other software over a network "
			                   "(mechanism '%s')", id_of(c), fact_line(c, "no-update"),
			                   ev->network.witness);
		}
		by = get(c, "boot-verified-by");
		if (is(c, "boot-verified", "false") && by) {
			etsi_record *stage = etsi_dossier_find(ev->d, ETSI_KIND_COMPONENT, by);

			if (stage && is(stage, "no-update-reason", "immutable-for-security")) {
				snprintf(fact, sizeof(fact), "component '%s' boot-verification verified=false "
				         "by=%s", id_of(c), by);
				etsi__eval_finding(ev, R_IMMUTABLE_SUCCESSOR,
				                   fact_line(c, "boot-verification"), id_of(c),
				                   "5.3-1", NULL, fact, fact_line(c, "boot-verification"),
				                   "immutable component '%s' starts component '%s' without "
				                   "verifying it", by, id_of(c));
			}
		}
	}
}

/* ---- the dossier's own results ---------------------------------------- */

/* The provision a self-assessment ref or a verdict's case belongs to. */
static const char *provision_of(const eval *ev, const char *ref)
{
	etsi_record *tc = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_CASE, ref);

	if (tc)
		return get(etsi_record_parent(tc), "provision");
	return etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, ref) ? ref : NULL;
}

static void check_results(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_SELF_RESULT);
	char fact[160];

	for (i = 0; i < n; i++) {
		etsi_record *r = etsi_dossier_at(ev->d, ETSI_KIND_SELF_RESULT, i);
		const char *provision = provision_of(ev, get(r, "ref"));

		if (!is(r, "outcome", "FAIL") || !provision || !claim(ev, provision))
			continue;
		snprintf(fact, sizeof(fact), "self-assessment result %s: FAIL", get(r, "ref"));
		contradiction(ev, R_CLAIM_SELF_FAIL, r, NULL, provision, fact,
		              "the supplier's own self-assessment records FAIL for %s",
		              get(r, "ref"));
	}
	n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);
	for (i = 0; i < n; i++) {
		etsi_record *v = etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i);
		const char *provision = provision_of(ev, get(v, "case"));
		etsi_record *party = etsi_dossier_find(ev->d, ETSI_KIND_PARTY, get(v, "by"));

		if (!is(v, "result", "FAIL") || !provision || !claim(ev, provision) ||
		    (get(v, "carried-from") && (!get(v, "reviewed-by") || !get(v, "reviewed-on"))))
			continue;
		snprintf(fact, sizeof(fact), "verdict %s: FAIL by %s", get(v, "case"), get(v, "by"));
		contradiction(ev, R_CLAIM_LAB_FAIL, v, NULL, provision, fact,
		              "%s recorded FAIL for test case %s on %s",
		              party && is(party, "role", "TL") ? "the laboratory" : "a party",
		              get(v, "case"), get(v, "date"));
	}
}

/* ---- entry ----------------------------------------------------------- */

void etsi__check_claims(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	const char *assesses = ev->cat->assesses;

	if (assesses && !etsi__streq(assesses, etsi_catalog_edition(ev->cat))) {
		etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);

		etsi__eval_finding(ev, R_EDITION_PAIRING, etsi_record_line(header), NULL, NULL, NULL,
		                   NULL, 0,
		                   "EN 303 645 V%s is assessed with TS 103 701 V%s, which was "
		                   "written for EN 303 645 V%s: test cases of provisions that "
		                   "changed may be missing or not apply", etsi_catalog_edition(ev->cat),
		                   etsi_catalog_ts_edition(ev->cat), assesses);
	}
	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);

		if (!implemented(m))
			continue;
		check_verification(ev, m);
		check_rollback(ev, m);
		check_crypto(ev, m);
	}
	check_paths(ev);
	check_automation(ev);
	check_update_checks(ev);
	check_notices(ev);
	check_support(ev);
	check_components(ev);
	check_results(ev);
}
