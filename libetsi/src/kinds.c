/*
 * The kind and field tables: where each record lives in its document and
 * where each named field lives in the record.  They follow xsd/dossier.xsd
 * and xsd/catalog.xsd; tests/unit/test_record.c checks them against the
 * schemas, so a change to either side that is not made to the other fails
 * the build's tests.
 */
#include <string.h>

#include "error.h"
#include "etsi/errors.h"
#include "record_impl.h"
#include "xml.h"

#define NS_D ETSI__NS_DOSSIER
#define NS_C ETSI__NS_CATALOG

/* Field constructors: an attribute of the record's element, the text of a
 * child element, an attribute of a child element. */
#define A(n, a, t, f) { n, NULL, NULL, a, t, f, NULL, 0 }
#define E(n, e, t, f) { n, e, NULL, NULL, t, f, NULL, 0 }
#define EA(n, e, a, t, f) { n, e, NULL, a, t, f, NULL, 0 }
#define SELF(n, t, f) { n, NULL, NULL, NULL, t, f, NULL, 0 }
#define ENUM_A(n, a, v, f) { n, NULL, NULL, a, ETSI__T_ENUM, f, v, 0 }
#define ENUM_EA(n, e, a, v, f) { n, e, NULL, a, ETSI__T_ENUM, f, v, 0 }
#define REF_A(n, a, k, f) { n, NULL, NULL, a, ETSI__T_REF, f, NULL, k }
#define REF_EA(n, e, a, k, f) { n, e, NULL, a, ETSI__T_REF, f, NULL, k }

#define REQ ETSI__F_REQUIRED
#define LIST ETSI__F_LIST
#define KEY ETSI__F_KEY
#define ANCHOR ETSI__F_ANCHOR

#define T_TEXT ETSI__T_TEXT
#define T_LINE ETSI__T_LINE
#define T_BOOL ETSI__T_BOOL
#define T_DATE ETSI__T_DATE
#define T_ID ETSI__T_ID
#define T_URI ETSI__T_URI

/* ---- enumerations (as in xsd/dossier.xsd) ---------------------------- */

static const char *const party_roles[] = { "SO", "TL", "other", NULL };
static const char *const supports[] = { "Y", "N", "N/A", NULL };
static const char *const updateables[] = { "true", "false", "undecided", NULL };
static const char *const component_kinds[] = {
	"bootloader", "firmware", "operating-system", "application", "library",
	"configuration", "radio-firmware", "secure-element", "companion-app", "other", NULL
};
static const char *const no_update_reasons[] = {
	"immutable-for-security", "impracticable", "constrained", NULL
};
static const char *const update_paths[] = {
	"device-download", "companion-app", "physical-interface", "associated-service", NULL
};
static const char *const service_kinds[] = {
	"cloud", "update-server", "companion-app", "web-portal", "other", NULL
};
static const char *const trust_kinds[] = {
	"signature", "authenticated-channel", "protected-network", "user-confirmation",
	"other", NULL
};
static const char *const tristates[] = { "true", "false", "unknown", NULL };
static const char *const verification_places[] = {
	"device-before-install", "device-at-boot", "update-client", "server-or-transport",
	"none", "unknown", NULL
};
static const char *const crypto_uses[] = {
	"signature", "digest", "encryption", "mac", "key-exchange", NULL
};
static const char *const key_locations[] = {
	"secure-element", "one-time-programmable", "read-only-memory", "protected-flash",
	"writable-storage", "unknown", NULL
};
static const char *const tls_versions[] = { "none", "1.0", "1.1", "1.2", "1.3", "unknown", NULL };
static const char *const update_sources[] = {
	"vendor-service", "third-party-host", "user-configurable", "unknown", NULL
};
static const char *const anti_rollbacks[] = {
	"none", "version-check", "hardware-counter", "unknown", NULL
};
static const char *const recoveries[] = {
	"none", "dual-bank", "recovery-image", "retry", "unknown", NULL
};
static const char *const automatic_defaults[] = {
	"on", "off", "opt-out-at-setup", "opt-in-at-setup", "unknown", NULL
};
static const char *const on_offs[] = { "on", "off", "unknown", NULL };
static const char *const check_actors[] = { "device", "associated-service", "unknown", NULL };
static const char *const disruption_notices[] = {
	"announced", "not-announced", "never-disrupts", "unknown", NULL
};
static const char *const notice_channels[] = {
	"device", "companion-app", "email", "web", "other", "unknown", NULL
};
static const char *const install_path_kinds[] = {
	"service-port", "debug-interface", "recovery-mode", "bootloader-console", "other", NULL
};
static const char *const stateds[] = { "stated", "not-stated", NULL };
static const char *const self_outcomes[] = { "PASS", "FAIL", "INCONCLUSIVE", "N/A", NULL };
static const char *const confirmation_names[] = {
	"vulnerability-actions", "vulnerability-monitoring", "update-procedures",
	"secure-management", "secure-development", NULL
};
static const char *const evidence_kinds[] = { "conceptual", "functional", NULL };
static const char *const evidence_categories[] = {
	"design-document", "architecture-diagram", "source-excerpt", "signed-package",
	"signing-procedure", "crypto-specification", "test-report", "penetration-test",
	"device-log", "screenshot", "user-documentation", "support-period-publication",
	"replacement-policy", "process-document", "release-record", "label-photo",
	"certificate", "third-party-evaluation", "other", NULL
};
static const char *const review_statuses[] = {
	"draft", "reviewed", "accepted", "needs-review", NULL
};
static const char *const visibilities[] = { "private", "public", NULL };
static const char *const claim_scopes[] = { "clause-5.3", "en-303-645", NULL };
static const char *const assurances[] = {
	"self-declared", "basic", "substantial", "high", NULL
};
static const char *const coverages[] = { "full", "partial", NULL };
static const char *const results[] = { "PASS", "FAIL", "INCONCLUSIVE", NULL };
static const char *const test_kinds[] = { "conceptual", "functional", "mixed", NULL };
static const char *const step_names[] = {
	"scope", "ics", "mechanisms", "procedures", "user-info", "handoff", NULL
};

/* ---- catalog kinds --------------------------------------------------- */

static const etsi__field source_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	SELF("summary", T_TEXT, REQ),
};

#define PROVENANCE \
	A("confidence", "confidence", T_LINE, REQ), \
	A("provenance", "provenance", T_LINE, REQ)

static const etsi__field condition_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field provision_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("status", "status", T_LINE, 0),
	{ "status-code", NULL, NULL, NULL, T_LINE, ETSI__F_COMPUTED, NULL, 0 },
	A("void", "void", T_BOOL, 0),
	EA("condition", "applies-if", "condition", T_LINE, LIST),
	EA("feature", "applies-if", "feature", T_LINE, LIST),
	E("title", "title", T_TEXT, REQ),
	E("summary", "summary", T_TEXT, REQ),
	EA("replaced-by", "replaced-by", "ref", T_LINE, LIST),
	E("change", "change", T_TEXT, 0),
	EA("change-from", "change", "from", T_LINE, 0),
	EA("was", "change", "was", T_LINE, 0),
	EA("change-impact", "change", "impact", T_LINE, LIST),
	E("note", "note", T_TEXT, LIST),
	EA("evidence-categories", "evidence-fit", "categories", T_LINE, 0),
	/* the typed facts that bear on a claim (docs/rules.md), in parallel
	 * lists: every fact-check has a side, a text and a provenance */
	E("fact-check", "fact-check", T_TEXT, LIST),
	EA("fact-check-side", "fact-check", "side", T_LINE, LIST),
	EA("fact-check-provenance", "fact-check", "provenance", T_LINE, LIST),
	PROVENANCE,
};

static const etsi__field ixit_table_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("number", "number", T_LINE, REQ),
	A("name", "name", T_LINE, REQ),
	A("renamed-from", "renamed-from", T_LINE, 0),
	E("summary", "summary", T_TEXT, 0),
	PROVENANCE,
};

static const etsi__field ixit_field_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("name", "name", T_LINE, REQ),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field test_group_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("provision", "provision", T_LINE, REQ),
	E("objective", "objective", T_TEXT, REQ),
	E("note", "note", T_TEXT, LIST),
	PROVENANCE,
};

static const etsi__field test_case_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("kind", "kind", T_LINE, REQ),
	E("purpose", "purpose", T_TEXT, REQ),
	E("pass", "pass", T_TEXT, REQ),
	E("note", "note", T_TEXT, LIST),
	PROVENANCE,
};

static const etsi__field algorithm_fields[] = {
	A("id", "id", T_LINE, KEY | REQ),
	A("use", "use", T_LINE, REQ),
	A("names", "names", T_LINE, REQ),
	A("status", "status", T_LINE, REQ),
	A("min-bits", "min-bits", ETSI__T_UINT, 0),
	SELF("summary", T_TEXT, REQ),
	PROVENANCE,
};

static const etsi__field test_input_fields[] = {
	A("table", "table", T_LINE, REQ),
	A("field", "field", T_LINE, 0),
	A("via", "via", T_LINE, 0),
};

/* ---- dossier kinds --------------------------------------------------- */

static const etsi__field header_fields[] = {
	E("title", "title", T_LINE, 0),
	EA("en303645", "editions", "en303645", ETSI__T_EDITION, REQ | ETSI__F_FIXED),
	EA("ts103701", "editions", "ts103701", ETSI__T_EDITION, REQ | ETSI__F_FIXED),
	EA("release", "release", "version", T_LINE, REQ),
	EA("release-date", "release", "date", T_DATE, 0),
	EA("previous-release", "release", "previous", T_LINE, 0),
	{ "scope", "release", "scope", NULL, T_TEXT, 0, NULL, 0 },
	EA("public-conformance", "public-statement", "conformance", T_BOOL, ANCHOR),
	EA("public-url", "public-statement", "url", T_URI, 0),
	EA("public-date", "public-statement", "date", T_DATE, 0),
	EA("public-support-end", "public-statement", "support-end", T_DATE, 0),
	ENUM_EA("public-scope", "public-statement", "scope", claim_scopes, 0),
	EA("public-edition", "public-statement", "edition", ETSI__T_EDITION, 0),
	EA("public-software-version", "public-statement", "software-version", T_LINE, 0),
	E("public-statement", "public-statement", T_TEXT, 0),
	/* the dossier's evidence policy (evidence-missing); owned and dated */
	REF_EA("evidence-policy-owner", "evidence-policy", "owner", ETSI_KIND_OWNER, ANCHOR),
	EA("evidence-policy-date", "evidence-policy", "date", T_DATE, ANCHOR),
	EA("evidence-policy-items", "evidence-policy", "items", ETSI__T_UINT, 0),
	E("evidence-policy", "evidence-policy", T_TEXT, 0),
};

static const etsi__field party_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	ENUM_A("role", "role", party_roles, REQ),
	E("name", "name", T_LINE, REQ),
	E("contact", "contact", T_LINE, 0),
	E("accreditation", "accreditation", T_LINE, 0),
};

static const etsi__field owner_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	A("role", "role", T_LINE, REQ),
	REF_A("party", "party", ETSI_KIND_PARTY, 0),
	E("name", "name", T_LINE, REQ),
	E("email", "email", T_LINE, 0),
};

static const etsi__field dut_fields[] = {
	E("manufacturer", "manufacturer", T_LINE, 0),
	E("model-designation", "model-designation", T_LINE, REQ),
	E("hardware-version", "hardware-version", T_LINE, 0),
	E("software-version", "software-version", T_LINE, 0),
	E("description", "description", T_TEXT, 0),
	EA("constrained", "resource-constraint", "constrained", T_BOOL, 0),
	EA("prevents-update-mechanism", "resource-constraint", "prevents-update-mechanism",
	   T_BOOL, 0),
	{ "rationale", "resource-constraint", "rationale", NULL, T_TEXT, 0, NULL, 0 },
};

static const etsi__field service_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	ENUM_A("kind", "kind", service_kinds, REQ),
	E("name", "name", T_LINE, REQ),
	E("description", "description", T_TEXT, 0),
};

static const etsi__field component_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	ENUM_A("kind", "kind", component_kinds, REQ),
	ENUM_A("updateable", "updateable", updateables, REQ),
	E("name", "name", T_LINE, REQ),
	E("version", "version", T_LINE, 0),
	E("supplier", "supplier", T_LINE, 0),
	E("purl", "purl", T_LINE, 0),
	E("cpe", "cpe", T_LINE, 0),
	E("hash", "hash", ETSI__T_HASH, LIST),
	E("description", "description", T_TEXT, 0),
	REF_EA("mechanism", "covered-by", "mechanism", ETSI_KIND_MECHANISM, LIST),
	ENUM_EA("no-update-reason", "no-update", "reason", no_update_reasons, ANCHOR),
	E("no-update-justification", "no-update", T_TEXT, 0),
	/* typed facts (docs/dossier-format.md, "Product facts") */
	ENUM_EA("boot-verified", "boot-verification", "verified", tristates, ANCHOR),
	REF_EA("boot-verified-by", "boot-verification", "by", ETSI_KIND_COMPONENT, 0),
	ENUM_EA("carries-network-stack", "carries", "network-stack", tristates, 0),
	ENUM_EA("carries-operating-system", "carries", "operating-system", tristates, 0),
	ENUM_EA("carries-applications", "carries", "applications", tristates, 0),
	/* other install paths are child records of kind install-path */
};

static const etsi__field install_path_fields[] = {
	ENUM_A("kind", "kind", install_path_kinds, REQ),
	ENUM_A("verifies", "verifies", tristates, REQ),
	SELF("description", T_TEXT, 0),
};

static const etsi__field mechanism_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	ENUM_A("path", "path", update_paths, REQ),
	A("network", "network", T_BOOL, REQ),
	A("automatic", "automatic", T_BOOL, REQ),
	A("notification", "notification", T_BOOL, REQ),
	A("implemented", "implemented", T_BOOL, 0),
	E("name", "name", T_LINE, REQ),
	E("interface", "interface", T_LINE, 0),
	REF_EA("service", "uses-service", "ref", ETSI_KIND_SERVICE, LIST),
	ENUM_EA("trust", "trust-relationship", "kind", trust_kinds, ANCHOR),
	E("trust-detail", "trust-relationship", T_TEXT, 0),
	E("description", "description", T_TEXT, 0),
	/* typed facts (docs/dossier-format.md, "Product facts"); the
	 * primitives of the update chain are child records of kind crypto */
	ENUM_EA("verified-where", "verification", "where", verification_places, ANCHOR),
	REF_EA("verified-by", "verification", "by", ETSI_KIND_COMPONENT, 0),
	ENUM_EA("key-location", "verification-key", "location", key_locations, ANCHOR),
	ENUM_EA("server-authenticated", "transport", "server-authenticated", tristates, 0),
	ENUM_EA("tls", "transport", "tls", tls_versions, 0),
	ENUM_EA("source", "update-source", "kind", update_sources, ANCHOR),
	ENUM_EA("anti-rollback", "anti-rollback", "kind", anti_rollbacks, ANCHOR),
	ENUM_EA("recovery", "recovery", "kind", recoveries, ANCHOR),
	ENUM_EA("automatic-default", "automation", "default", automatic_defaults, 0),
	ENUM_EA("automatic-user-can-disable", "automation", "user-can-disable", tristates, 0),
	ENUM_EA("postpone", "automation", "postpone", tristates, 0),
	ENUM_EA("check-at-boot", "update-check", "at-boot", tristates, 0),
	ENUM_EA("check-after-initialization", "update-check", "after-initialization", tristates,
	        0),
	ENUM_EA("check-periodic", "update-check", "periodic", tristates, 0),
	EA("check-period", "update-check", "period", ETSI__T_DURATION, 0),
	ENUM_EA("check-by", "update-check", "by", check_actors, 0),
	ENUM_EA("notice-security-updates", "notice", "security-updates", tristates, 0),
	ENUM_EA("notice-risks", "notice", "risks", tristates, 0),
	ENUM_EA("notice-disruption", "notice", "disruption", disruption_notices, 0),
	ENUM_EA("notice-channel", "notice", "channel", notice_channels, 0),
	ENUM_EA("notice-default", "notice", "default", on_offs, 0),
	ENUM_EA("notice-user-can-disable", "notice", "user-can-disable", tristates, 0),
};

static const etsi__field crypto_fields[] = {
	ENUM_A("use", "use", crypto_uses, REQ),
	A("alg", "alg", T_LINE, REQ),
	A("key-bits", "key-bits", ETSI__T_UINT, 0),
	A("hash", "hash", T_LINE, 0),
	ENUM_A("authenticated", "authenticated", tristates, 0),
};

static const etsi__field self_result_fields[] = {
	A("ref", "ref", T_LINE, KEY | REQ),
	ENUM_A("outcome", "outcome", self_outcomes, REQ),
	REF_A("by", "by", ETSI_KIND_PARTY, 0),
	A("date", "date", T_DATE, 0),
	SELF("note", T_TEXT, 0),
};

#define PUBLISHED(n) E(n, n, T_TEXT, 0), EA(n "-url", n, "url", T_URI, 0)

static const etsi__field user_info_fields[] = {
	E("model-designation", "model-designation", T_TEXT, 0),
	E("support-period", "support-period", T_TEXT, 0),
	EA("support-period-end", "support-period", "end", T_DATE, 0),
	EA("support-period-duration", "support-period", "duration", ETSI__T_DURATION, 0),
	ENUM_EA("support-period-stated", "support-period", "stated", stateds, 0),
	PUBLISHED("publication-of-support-period"),
	PUBLISHED("publication-of-non-updatable"),
	PUBLISHED("documentation-of-replacement"),
	PUBLISHED("publication-of-vulnerability-disclosure-policy"),
	PUBLISHED("documentation-of-change-mechanisms"),
	PUBLISHED("documentation-of-secure-setup"),
	PUBLISHED("documentation-of-setup-check"),
	PUBLISHED("documentation-of-sensors"),
	PUBLISHED("documentation-of-personal-data"),
	PUBLISHED("documentation-of-telemetry-data"),
	PUBLISHED("documentation-of-deletion"),
	PUBLISHED("documentation-of-maintenance-check"),
};

static const etsi__field confirmation_fields[] = {
	ENUM_A("name", "name", confirmation_names, KEY | REQ),
	A("confirmed", "confirmed", T_BOOL, REQ),
	REF_A("by", "by", ETSI_KIND_OWNER, 0),
	A("date", "date", T_DATE, 0),
	SELF("statement", T_TEXT, 0),
};

static const etsi__field soft_comp_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	REF_A("component", "component", ETSI_KIND_COMPONENT, REQ),
	E("description", "description", T_TEXT, 0),
	E("update-mechanism-justification", "update-mechanism-justification", T_TEXT, 0),
	E("cryptographic-usage", "cryptographic-usage", T_TEXT, 0),
};

static const etsi__field upd_mech_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	REF_A("mechanism", "mechanism", ETSI_KIND_MECHANISM, REQ),
	E("description", "description", T_TEXT, 0),
	E("security-guarantees", "security-guarantees", T_TEXT, 0),
	E("cryptographic-details", "cryptographic-details", T_TEXT, 0),
	E("initiation-and-interaction", "initiation-and-interaction", T_TEXT, 0),
	E("configuration", "configuration", T_TEXT, 0),
	E("update-checking", "update-checking", T_TEXT, 0),
	E("user-notification", "user-notification", T_TEXT, 0),
};

static const etsi__field upd_proc_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	E("description", "description", T_TEXT, 0),
	E("time-frame", "time-frame", T_TEXT, 0),
};

static const etsi__field repl_sup_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	E("isolation", "isolation", T_TEXT, 0),
	E("hardware-replacement", "hardware-replacement", T_TEXT, 0),
};

static const etsi__field ics_entry_fields[] = {
	A("provision", "provision", ETSI__T_PROVISION, KEY | REQ),
	ENUM_A("support", "support", supports, 0),
	A("evidence-items", "evidence-items", ETSI__T_UINT, 0),
	E("detail", "detail", T_TEXT, 0),
	/* carried from an earlier release (etsi release); reviewed once both
	 * reviewed-by and reviewed-on are set (docs/lifecycle.md) */
	EA("carried-from", "carried-from", "release", T_LINE, ANCHOR),
	REF_EA("reviewed-by", "carried-from", "reviewed-by", ETSI_KIND_OWNER, 0),
	EA("reviewed-on", "carried-from", "reviewed-on", T_DATE, 0),
};

static const etsi__field evidence_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	A("provision", "provision", ETSI__T_PROVISION, REQ),
	ENUM_A("kind", "kind", evidence_kinds, REQ),
	ENUM_A("category", "category", evidence_categories, REQ),
	REF_A("owner", "owner", ETSI_KIND_OWNER, REQ),
	ENUM_A("review", "review", review_statuses, REQ),
	A("release", "release", T_LINE, REQ),
	E("claim", "claim", T_TEXT, REQ),
	E("condition", "condition", T_TEXT, 0),
	ENUM_EA("external-assurance", "external", "assurance", assurances, 0),
	{ "external-issuer", "external", "issuer", NULL, T_LINE, 0, NULL, 0 },
	{ "external-scope", "external", "scope", NULL, T_TEXT, 0, NULL, 0 },
	EA("carried-from", "carried-from", "release", T_LINE, ANCHOR),
	EA("carried-from-evidence", "carried-from", "evidence", T_ID, 0),
	REF_EA("reviewed-by", "carried-from", "reviewed-by", ETSI_KIND_OWNER, 0),
	EA("reviewed-on", "carried-from", "reviewed-on", T_DATE, 0),
};

static const etsi__field artifact_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	A("ref", "ref", T_LINE, REQ),
	A("media-type", "media-type", ETSI__T_MEDIA_TYPE, REQ),
	A("sha256", "sha256", ETSI__T_SHA256, 0),
	A("git-oid", "git-oid", ETSI__T_GIT_OID, 0),
	A("size", "size", ETSI__T_UINT, 0),
	A("collected", "collected", T_DATE, 0),
	A("expires", "expires", T_DATE, 0),
	A("software-version", "software-version", T_LINE, 0),
	ENUM_A("visibility", "visibility", visibilities, REQ),
	E("title", "title", T_LINE, 0),
};

static const etsi__field covers_fields[] = {
	A("test-case", "test-case", ETSI__T_TEST_CASE, KEY | REQ),
	ENUM_A("coverage", "coverage", coverages, REQ),
};

static const char *const dispositions[] = { "test", "justification", "expected-fail", NULL };

static const etsi__field plan_case_fields[] = {
	A("id", "id", ETSI__T_TEST_CASE, KEY | REQ),
	A("group", "group", ETSI__T_TEST_GROUP, REQ),
	A("provision", "provision", ETSI__T_PROVISION, 0),
	ENUM_A("kind", "kind", test_kinds, REQ),
	ENUM_A("disposition", "disposition", dispositions, 0),
	A("ready", "ready", T_BOOL, REQ),
};

static const etsi__field plan_input_fields[] = {
	A("table", "table", ETSI__T_IXIT_TABLE, REQ),
	A("field", "field", ETSI__T_FIELD_NAME, 0),
	A("present", "present", T_BOOL, REQ),
	A("checked", "checked", T_BOOL, 0),
};

static const etsi__field verdict_fields[] = {
	A("case", "case", ETSI__T_TEST_CASE, KEY | REQ),
	ENUM_A("result", "result", results, REQ),
	REF_A("by", "by", ETSI_KIND_PARTY, REQ),
	A("date", "date", T_DATE, REQ),
	E("note", "note", T_TEXT, 0),
	E("indication", "indication", T_TEXT, LIST),
	REF_EA("evidence", "evidence-ref", "ref", ETSI_KIND_EVIDENCE, LIST),
	/* carried from an earlier release (etsi release); confirmed for this
	 * one once reviewed-by (a party) and reviewed-on are set */
	EA("carried-from", "carried-from", "release", T_LINE, ANCHOR),
	REF_EA("reviewed-by", "carried-from", "reviewed-by", ETSI_KIND_PARTY, 0),
	EA("reviewed-on", "carried-from", "reviewed-on", T_DATE, 0),
};

static const etsi__field waiver_fields[] = {
	A("id", "id", T_ID, KEY | REQ),
	A("rule", "rule", T_LINE, REQ),
	A("target", "target", ETSI__T_KEYREF, REQ),
	REF_A("owner", "owner", ETSI_KIND_OWNER, REQ),
	A("date", "date", T_DATE, 0),
	A("expires", "expires", T_DATE, 0),
	E("justification", "justification", T_TEXT, REQ),
};

static const etsi__field step_fields[] = {
	ENUM_A("name", "name", step_names, KEY | REQ),
	REF_A("owner", "owner", ETSI_KIND_OWNER, REQ),
	A("signed-off", "signed-off", T_DATE, 0),
	E("note", "note", T_TEXT, 0),
};

/* ---- evaluation results (read-only; built by evaluate.c) -------------- */

#define NS_R ETSI__NS_RESULTS

static const etsi__field summary_fields[] = {
	A("release", "release", T_LINE, 0),
	A("en303645", "en303645", T_LINE, 0),
	A("ts103701", "ts103701", T_LINE, 0),
	A("as-of", "as-of", T_DATE, 0),
	A("overall", "overall", T_LINE, 0),
	A("ready", "ready", T_BOOL, 0),
	A("errors", "errors", ETSI__T_UINT, 0),
	A("warnings", "warnings", ETSI__T_UINT, 0),
	A("infos", "infos", ETSI__T_UINT, 0),
	A("waived", "waived", ETSI__T_UINT, 0),
};

static const etsi__field finding_fields[] = {
	A("rule", "rule", T_LINE, 0),
	A("severity", "severity", T_LINE, 0),
	A("layer", "layer", T_LINE, 0),
	A("step", "step", T_LINE, 0),
	A("file", "file", T_LINE, 0),
	A("line", "line", ETSI__T_UINT, 0),
	A("element", "element", T_LINE, 0),
	A("reference", "reference", T_LINE, 0),
	A("waived", "waived", T_BOOL, 0),
	A("waiver", "waiver", T_LINE, 0),
	A("claim", "claim", T_LINE, 0),
	A("fact", "fact", T_LINE, 0),
	A("fact-line", "fact-line", ETSI__T_UINT, 0),
	A("id", "id", T_LINE, 0),
	A("caused-by", "caused-by", T_LINE, 0),
	A("count", "count", ETSI__T_UINT, 0),
	E("message", "message", T_TEXT, 0),
	E("hint", "hint", T_TEXT, 0),
	E("occurrence", "occurrence", T_TEXT, LIST),
};

static const etsi__field planned_case_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("group", "group", T_LINE, 0),
	A("provision", "provision", T_LINE, 0),
	A("kind", "kind", T_LINE, 0),
	A("disposition", "disposition", T_LINE, 0),
	A("ready", "ready", T_BOOL, 0),
	A("at-risk", "at-risk", T_BOOL, 0),
	E("unknown", "unknown", T_TEXT, LIST),
};

static const etsi__field planned_input_fields[] = {
	A("table", "table", T_LINE, 0),
	A("field", "field", T_LINE, 0),
	A("present", "present", T_LINE, 0),
	SELF("missing", T_TEXT, 0),
};

static const etsi__field outcome_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("status", "status", T_LINE, 0),
	A("support", "support", T_LINE, 0),
	A("applicable", "applicable", T_LINE, 0),
	A("outcome", "outcome", T_LINE, 0),
	A("basis", "basis", T_LINE, 0),
	E("reason", "reason", T_TEXT, 0),
};

static const etsi__field case_outcome_fields[] = {
	A("id", "id", T_LINE, KEY),
	A("outcome", "outcome", T_LINE, 0),
	A("result", "result", T_LINE, 0),
	A("by", "by", T_LINE, 0),
	A("date", "date", T_DATE, 0),
};

static const etsi__field gate_step_fields[] = {
	A("name", "name", T_LINE, KEY),
	A("title", "title", T_LINE, 0),
	A("role", "role", T_LINE, 0),
	A("owner", "owner", T_LINE, 0),
	A("owner-role", "owner-role", T_LINE, 0),
	A("signed-off", "signed-off", T_DATE, 0),
	A("status", "status", T_LINE, 0),
	E("question", "question", T_TEXT, 0),
	E("output", "output", T_TEXT, LIST),
};

static const etsi__field open_question_fields[] = {
	A("step", "step", T_LINE, 0),
	A("fact", "fact", T_LINE, 0),
	A("element", "element", T_LINE, 0),
	A("file", "file", T_LINE, 0),
	A("line", "line", ETSI__T_UINT, 0),
	A("provisions", "provisions", T_LINE, 0),
	SELF("message", T_TEXT, 0),
};

static const etsi__field blocker_fields[] = {
	A("rule", "rule", T_LINE, 0),
	A("element", "element", T_LINE, 0),
	SELF("message", T_TEXT, 0),
};

/* ---- the kind table -------------------------------------------------- */

#define KIND(k, name, ns, container, element, parent, fields, flags) \
	[k] = { k, name, ns, container, element, parent, fields, ETSI__ARRAY_SIZE(fields), flags }

static const etsi__kind_def kinds[ETSI__KIND_LAST] = {
	KIND(ETSI_KIND_SOURCE, "source", NS_C, "sources", "source", 0, source_fields, 0),
	KIND(ETSI_KIND_CONDITION, "condition", NS_C, "conditions", "condition", 0,
	     condition_fields, 0),
	KIND(ETSI_KIND_FEATURE, "feature", NS_C, "features", "feature", 0, condition_fields, 0),
	KIND(ETSI_KIND_PROVISION, "provision", NS_C, "provisions", "provision", 0,
	     provision_fields, 0),
	KIND(ETSI_KIND_IXIT_TABLE, "ixit-table", NS_C, "ixit-tables", "table", 0,
	     ixit_table_fields, 0),
	KIND(ETSI_KIND_IXIT_FIELD, "ixit-field", NS_C, "", "field", ETSI_KIND_IXIT_TABLE,
	     ixit_field_fields, ETSI__K_LOCALKEY),
	KIND(ETSI_KIND_TEST_GROUP, "test-group", NS_C, "test-groups", "group", 0,
	     test_group_fields, 0),
	KIND(ETSI_KIND_TEST_CASE, "test-case", NS_C, "", "case", ETSI_KIND_TEST_GROUP,
	     test_case_fields, 0),
	KIND(ETSI_KIND_TEST_INPUT, "test-input", NS_C, "", "uses", ETSI_KIND_TEST_CASE,
	     test_input_fields, 0),

	KIND(ETSI_KIND_HEADER, "header", NS_D, "", "header", 0, header_fields,
	     ETSI__K_SINGLETON),
	KIND(ETSI_KIND_PARTY, "party", NS_D, "header/parties", "party", 0, party_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_OWNER, "owner", NS_D, "header/owners", "owner", 0, owner_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_DUT, "dut", NS_D, "", "dut", 0, dut_fields, ETSI__K_SINGLETON),
	KIND(ETSI_KIND_SERVICE, "service", NS_D, "dut/services", "service", 0, service_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_COMPONENT, "component", NS_D, "update-boundary", "component", 0,
	     component_fields, ETSI__K_IDSPACE),
	KIND(ETSI_KIND_MECHANISM, "mechanism", NS_D, "update-boundary", "mechanism", 0,
	     mechanism_fields, ETSI__K_IDSPACE),
	KIND(ETSI_KIND_USER_INFO, "user-info", NS_D, "ixit", "user-info", 0, user_info_fields,
	     ETSI__K_SINGLETON),
	KIND(ETSI_KIND_CONFIRMATION, "confirmation", NS_D, "ixit/conf", "confirmation", 0,
	     confirmation_fields, 0),
	KIND(ETSI_KIND_SOFT_COMP, "soft-comp", NS_D, "ixit", "soft-comp", 0, soft_comp_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_UPD_MECH, "upd-mech", NS_D, "ixit", "upd-mech", 0, upd_mech_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_UPD_PROC, "upd-proc", NS_D, "ixit", "upd-proc", 0, upd_proc_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_REPL_SUP, "repl-sup", NS_D, "ixit", "repl-sup", 0, repl_sup_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_ICS_ENTRY, "ics-entry", NS_D, "ics", "entry", 0, ics_entry_fields, 0),
	KIND(ETSI_KIND_EVIDENCE, "evidence", NS_D, "evidence-map", "evidence", 0,
	     evidence_fields, ETSI__K_IDSPACE),
	KIND(ETSI_KIND_ARTIFACT, "artifact", NS_D, "", "artifact", ETSI_KIND_EVIDENCE,
	     artifact_fields, ETSI__K_IDSPACE),
	KIND(ETSI_KIND_COVERS, "covers", NS_D, "external", "covers", ETSI_KIND_EVIDENCE,
	     covers_fields, ETSI__K_LOCALKEY),
	KIND(ETSI_KIND_PLAN_CASE, "plan-case", NS_D, "test-plan", "case", 0, plan_case_fields,
	     0),
	KIND(ETSI_KIND_PLAN_INPUT, "plan-input", NS_D, "", "input", ETSI_KIND_PLAN_CASE,
	     plan_input_fields, 0),
	KIND(ETSI_KIND_VERDICT, "verdict", NS_D, "verdicts", "verdict", 0, verdict_fields, 0),
	KIND(ETSI_KIND_WAIVER, "waiver", NS_D, "waivers", "waiver", 0, waiver_fields,
	     ETSI__K_IDSPACE),
	KIND(ETSI_KIND_STEP, "step", NS_D, "workflow", "step", 0, step_fields, 0),

	KIND(ETSI_KIND_SUMMARY, "summary", NS_R, "", "summary", 0, summary_fields,
	     ETSI__K_SINGLETON),
	KIND(ETSI_KIND_FINDING, "finding", NS_R, "findings", "finding", 0, finding_fields, 0),
	KIND(ETSI_KIND_PLANNED_CASE, "planned-case", NS_R, "plan", "case", 0,
	     planned_case_fields, 0),
	KIND(ETSI_KIND_PLANNED_INPUT, "planned-input", NS_R, "", "input", ETSI_KIND_PLANNED_CASE,
	     planned_input_fields, 0),
	KIND(ETSI_KIND_OUTCOME, "outcome", NS_R, "outcomes", "provision", 0, outcome_fields, 0),
	KIND(ETSI_KIND_CASE_OUTCOME, "case-outcome", NS_R, "", "case", ETSI_KIND_OUTCOME,
	     case_outcome_fields, ETSI__K_LOCALKEY),
	KIND(ETSI_KIND_GATE_STEP, "gate-step", NS_R, "gate", "step", 0, gate_step_fields, 0),
	KIND(ETSI_KIND_BLOCKER, "blocker", NS_R, "", "blocker", ETSI_KIND_GATE_STEP,
	     blocker_fields, 0),

	KIND(ETSI_KIND_CRYPTO, "crypto", NS_D, "", "crypto", ETSI_KIND_MECHANISM, crypto_fields,
	     0),
	KIND(ETSI_KIND_SELF_RESULT, "self-result", NS_D, "self-assessment", "result", 0,
	     self_result_fields, 0),
	KIND(ETSI_KIND_ALGORITHM, "algorithm", NS_C, "algorithms", "algorithm", 0,
	     algorithm_fields, 0),
	KIND(ETSI_KIND_OPEN_QUESTION, "open-question", NS_R, "open-questions", "question", 0,
	     open_question_fields, 0),
	KIND(ETSI_KIND_INSTALL_PATH, "install-path", NS_D, "", "other-install-path",
	     ETSI_KIND_COMPONENT, install_path_fields, 0),
};

const etsi__kind_def *etsi__kind_lookup(etsi_kind kind)
{
	if ((int)kind <= 0 || kind >= ETSI__KIND_LAST || !kinds[kind].name)
		return NULL;
	return &kinds[kind];
}

const etsi__field *etsi__kind_find_field(const etsi__kind_def *def, const char *name)
{
	size_t i;

	if (!def || !name)
		return NULL;
	for (i = 0; i < def->nfields; i++) {
		if (strcmp(def->fields[i].name, name) == 0)
			return &def->fields[i];
	}
	return NULL;
}

const char *etsi_kind_name(etsi_kind kind)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);

	return def ? def->name : NULL;
}

int etsi_kind_from_name(etsi_kind *out, const char *name)
{
	int k;

	if (!out || !name)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_kind_from_name() needs a name and an output");
	for (k = 1; k < ETSI__KIND_LAST; k++) {
		if (kinds[k].name && strcmp(kinds[k].name, name) == 0) {
			*out = (etsi_kind)k;
			return 0;
		}
	}
	return etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_ARGUMENT,
	                   "'%s' is not a record kind", name);
}

const char *etsi_kind_field(etsi_kind kind, size_t i)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);

	return def && i < def->nfields ? def->fields[i].name : NULL;
}

/* ---- element order (as in xsd/dossier.xsd) --------------------------- */

typedef struct order_def {
	const char *parent;
	const char *const *children;
} order_def;

#define ORDER(p, ...) { p, (const char *const[]){ __VA_ARGS__, NULL } }

static const order_def orders[] = {
	ORDER("dossier", "header", "dut", "update-boundary", "ixit", "ics", "evidence-map",
	      "test-plan", "verdicts", "self-assessment", "waivers", "workflow"),
	ORDER("header", "title", "editions", "release", "parties", "owners", "public-statement",
	      "evidence-policy"),
	ORDER("release", "scope"),
	ORDER("parties", "party"),
	ORDER("party", "name", "contact", "accreditation"),
	ORDER("owners", "owner"),
	ORDER("owner", "name", "email"),
	ORDER("dut", "manufacturer", "model-designation", "hardware-version", "software-version",
	      "description", "resource-constraint", "services"),
	ORDER("resource-constraint", "rationale"),
	ORDER("services", "service"),
	ORDER("service", "name", "description"),
	ORDER("update-boundary", "component", "mechanism"),
	ORDER("component", "name", "version", "supplier", "purl", "cpe", "hash", "description",
	      "covered-by", "no-update", "boot-verification", "carries", "other-install-path"),
	ORDER("mechanism", "name", "interface", "uses-service", "trust-relationship",
	      "description", "verification", "crypto", "verification-key", "transport",
	      "update-source", "anti-rollback", "recovery", "automation", "update-check",
	      "notice"),
	ORDER("ixit", "user-info", "conf", "soft-comp", "upd-mech", "upd-proc", "repl-sup"),
	ORDER("user-info", "model-designation", "support-period", "publication-of-support-period",
	      "publication-of-non-updatable", "documentation-of-replacement",
	      "publication-of-vulnerability-disclosure-policy",
	      "documentation-of-change-mechanisms", "documentation-of-secure-setup",
	      "documentation-of-setup-check", "documentation-of-sensors",
	      "documentation-of-personal-data", "documentation-of-telemetry-data",
	      "documentation-of-deletion", "documentation-of-maintenance-check"),
	ORDER("conf", "confirmation"),
	ORDER("soft-comp", "description", "update-mechanism-justification", "cryptographic-usage"),
	ORDER("upd-mech", "description", "security-guarantees", "cryptographic-details",
	      "initiation-and-interaction", "configuration", "update-checking",
	      "user-notification"),
	ORDER("upd-proc", "description", "time-frame"),
	ORDER("repl-sup", "isolation", "hardware-replacement"),
	ORDER("ics", "entry"),
	ORDER("entry", "detail", "carried-from"),
	ORDER("evidence-map", "evidence"),
	ORDER("evidence", "claim", "condition", "artifact", "external", "carried-from"),
	ORDER("artifact", "title"),
	ORDER("external", "issuer", "scope", "covers"),
	ORDER("test-plan", "case"),
	ORDER("case", "input"),
	ORDER("verdicts", "verdict"),
	ORDER("self-assessment", "result"),
	ORDER("verdict", "note", "indication", "evidence-ref", "carried-from"),
	ORDER("waivers", "waiver"),
	ORDER("waiver", "justification"),
	ORDER("workflow", "step"),
	ORDER("step", "note"),
};

const char *const *etsi__element_order(const char *parent)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(orders); i++) {
		if (strcmp(orders[i].parent, parent) == 0)
			return orders[i].children;
	}
	return NULL;
}
