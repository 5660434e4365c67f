/*
 * Import of software components from SBOMs: CycloneDX 1.2 to 1.7 (JSON and
 * XML), SPDX 2.2 and 2.3 (JSON and tag-value) and SPDX 3.0 (JSON-LD).
 * docs/interchange.md, "Components from an SBOM", gives the mapping.
 *
 * JSON is parsed by jansson, XML by libetsi's hardened parser (no DTD, no
 * entities, no network), both bounded in size and depth.  Every component
 * is checked before anything changes; a problem is reported with its JSON
 * pointer or XML line.  Components are merged by a stable identity (the
 * package URL, else the CPE, else name and version): importing the same
 * SBOM again updates what the SBOM says and adds nothing.  What a person
 * decides (kind, updateability, mechanisms, descriptions) is never
 * overwritten; new components are "undecided" until someone decides.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "dossier_impl.h"
#include "error.h"
#include "json.h"
#include "record_impl.h"
#include "sbom.h"
#include "xml.h"

#define MAX_HASHES 8   /* the dossier schema's limit per component */
#define LINE_MAX_CHARS 1024
#define TEXT_MAX_CHARS 1000000

#define CDX_NS "http://cyclonedx.org/schema/bom/"

/* What is read, named in every refusal of a version. */
static const char *const cdx_versions[] = { "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" };
#define CDX_SUPPORTED "libetsi reads CycloneDX 1.2 to 1.7"
#define SPDX_SUPPORTED \
	"libetsi reads SPDX 2.2 and 2.3 (JSON or tag-value) and SPDX 3.0 (JSON-LD)"

static int cdx_version_known(const char *v)
{
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(cdx_versions); i++) {
		if (strcmp(cdx_versions[i], v) == 0)
			return 1;
	}
	return 0;
}

typedef struct sbom_hash {
	char *alg;
	char *value;
} sbom_hash;

typedef struct sbom_comp {
	char *where;           /* "/components/3" or "line 42" */
	int line;
	char *name, *version, *supplier, *purl, *cpe, *description;
	const char *kind;      /* a dossier component kind */
	sbom_hash hashes[MAX_HASHES];
	size_t nhashes;
	char *identity;        /* "purl:...", "cpe:..." or "name:NAME@VERSION" */
} sbom_comp;

typedef struct sbom_plan {
	char *source;          /* "CycloneDX 1.6 (JSON)" */
	etsi__vec comps;       /* sbom_comp * */
} sbom_plan;

static void free_comp(sbom_comp *c)
{
	size_t i;

	if (!c)
		return;
	etsi__free(c->where);
	etsi__free(c->name);
	etsi__free(c->version);
	etsi__free(c->supplier);
	etsi__free(c->purl);
	etsi__free(c->cpe);
	etsi__free(c->description);
	etsi__free(c->identity);
	for (i = 0; i < c->nhashes; i++) {
		etsi__free(c->hashes[i].alg);
		etsi__free(c->hashes[i].value);
	}
	etsi__free(c);
}

static void free_plan(void *p)
{
	sbom_plan *plan = p;
	size_t i;

	for (i = 0; i < plan->comps.len; i++)
		free_comp(plan->comps.items[i]);
	etsi__vec_dispose(&plan->comps);
	etsi__free(plan->source);
	etsi__free(plan);
}

/* ---- one component, whatever the format ------------------------------------ */

/* What a component is read from: JSON strings or XML texts, before they
 * are checked (every member may be NULL). */
typedef struct raw_comp {
	const char *type;        /* CycloneDX type or SPDX primaryPackagePurpose */
	const char *group, *name, *version, *supplier, *purl, *cpe, *description;
	const char *hash_alg[64];
	const char *hash_value[64];
	size_t nhashes;
	int spdx;
} raw_comp;

static int problem(etsi__import_ctx *ctx, const char *where, int line, const char *fmt, ...)
	ETSI__PRINTF(4, 5);

static int problem(etsi__import_ctx *ctx, const char *where, int line, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = etsi__import_vproblem(ctx, ETSI_EVALIDATION, line, 0, line ? NULL : where, fmt, ap);
	va_end(ap);
	return error == ETSI_ENOMEM ? error : 0;
}

/* The dossier kind of a CycloneDX type or SPDX purpose; NULL: not a
 * software component (hardware, data, cryptographic material). */
static const char *kind_of(const char *type, int spdx)
{
	static const char *const map[][2] = {
		{ "application", "application" }, { "framework", "library" },
		{ "library", "library" }, { "container", "other" }, { "platform", "other" },
		{ "operating-system", "operating-system" }, { "device-driver", "other" },
		{ "firmware", "firmware" }, { "file", "other" },
		{ "machine-learning-model", "other" }, { "source", "other" },
		{ "archive", "other" }, { "install", "other" }, { "other", "other" },
	};
	char lower[64];
	size_t i, k;

	if (!type)
		return "library";
	/* SPDX 2 "OPERATING_SYSTEM", SPDX 3 "operatingSystem": "operating-system" */
	for (i = k = 0; type[i] && k + 2 < sizeof(lower); i++) {
		unsigned char c = (unsigned char)type[i];

		if (spdx && isupper(c) && i && islower((unsigned char)type[i - 1]))
			lower[k++] = '-';
		lower[k++] = spdx && c == '_' ? '-' : (char)tolower(c);
	}
	lower[k] = '\0';
	if (strcmp(lower, "device") == 0 || strcmp(lower, "data") == 0 ||
	    strcmp(lower, "cryptographic-asset") == 0)
		return NULL;
	for (i = 0; i < ETSI__ARRAY_SIZE(map); i++) {
		if (strcmp(map[i][0], lower) == 0)
			return map[i][1];
	}
	return "other";
}

static int no_value(const char *s)
{
	return !s || !*s || strcmp(s, "NOASSERTION") == 0 || strcmp(s, "NONE") == 0;
}

/* A one-line value: checked, white space collapsed; NULL for none.
 * Returns 0, 1 when a problem was recorded, or ETSI_ENOMEM. */
static int line_value(etsi__import_ctx *ctx, const char *where, int line, const char *what,
                      const char *raw, char **out)
{
	int error;

	*out = NULL;
	if (!raw)
		return 0;
	if (!etsi__valid_text(raw)) {
		error = problem(ctx, where, line, "the %s holds a character XML does not allow", what);
		return error < 0 ? error : 1;
	}
	if (!(*out = etsi__one_line(raw)))
		return ETSI_ENOMEM;
	if (no_value(*out)) {
		etsi__free(*out);
		*out = NULL;
		return 0;
	}
	if (strlen(*out) > LINE_MAX_CHARS) {
		etsi__free(*out);
		*out = NULL;
		error = problem(ctx, where, line, "the %s is longer than %d characters", what,
		                LINE_MAX_CHARS);
		return error < 0 ? error : 1;
	}
	return 0;
}

/* The usual spelling of a digest algorithm: "SHA256" (SPDX 2), "sha3_256"
 * (SPDX 3) and "sha-256" are "SHA-256", as in CycloneDX and the dossier
 * examples. */
static char *hash_alg(const char *raw)
{
	static const char *const known[] = {
		"MD2", "MD4", "MD5", "MD6", "SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512",
		"SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384",
		"BLAKE2b-512", "BLAKE3", "ADLER32", "Streebog-256", "Streebog-512",
	};
	char *alg = etsi__one_line(raw);
	size_t i;

	if (!alg)
		return NULL;
	for (i = 0; i < ETSI__ARRAY_SIZE(known); i++) {
		const char *a = alg, *b = known[i];

		/* equal but for case, dashes and underscores */
		for (;;) {
			while (*a == '-' || *a == '_')
				a++;
			while (*b == '-')
				b++;
			if (!*a || !*b || tolower((unsigned char)*a) != tolower((unsigned char)*b))
				break;
			a++;
			b++;
		}
		if (!*a && !*b) {
			etsi__free(alg);
			return etsi__strdup(known[i]);
		}
	}
	return alg;
}

static int check_comp(etsi__import_ctx *ctx, sbom_plan *plan, const raw_comp *raw,
                      const char *where, int line, etsi__map *identities)
{
	sbom_comp *c = NULL;
	etsi__buf id = ETSI__BUF_INIT;
	size_t i;
	int error = 0;

	if (!raw->name)
		return problem(ctx, where, line, "the component has no name");
	if (plan->comps.len >= ctx->max_records)
		return etsi__import_problem(ctx, ETSI_ELIMIT, line, 0, line ? NULL : where,
		                            "more than %zu components; the SBOM is refused, as each "
		                            "becomes records of the dossier (raise max_records in "
		                            "etsi_import_options, or --max-records, if it is "
		                            "genuine)", ctx->max_records);
	if (!kind_of(raw->type, raw->spdx))
		return etsi__import_note(ctx->diags, ctx->name, "skipped", NULL, raw->name,
		                         "%s: '%s' is a %s, not software; skipped", where, raw->name,
		                         raw->type) < 0 ? ETSI_ENOMEM : 0;
	c = etsi__calloc(1, sizeof(*c));
	if (!c || !(c->where = etsi__strdup(where)))
		goto oom;
	c->line = line;
	c->kind = kind_of(raw->type, raw->spdx);
	if (raw->group && *raw->group) {
		etsi__buf full = ETSI__BUF_INIT;

		etsi__buf_printf(&full, "%s/%s", raw->group, raw->name);
		if (full.failed)
			goto oom;
		error = line_value(ctx, where, line, "name", full.ptr, &c->name);
		etsi__buf_dispose(&full);
	} else {
		error = line_value(ctx, where, line, "name", raw->name, &c->name);
	}
	if (error != 0)
		goto reject;
	if (!c->name) {
		error = problem(ctx, where, line, "the component's name is empty");
		goto reject;
	}
	if ((error = line_value(ctx, where, line, "version", raw->version, &c->version)) != 0 ||
	    (error = line_value(ctx, where, line, "supplier", raw->supplier, &c->supplier)) != 0 ||
	    (error = line_value(ctx, where, line, "package URL", raw->purl, &c->purl)) != 0 ||
	    (error = line_value(ctx, where, line, "CPE", raw->cpe, &c->cpe)) != 0)
		goto reject;
	if (c->supplier) {
		/* SPDX: "Organization: ACME Inc." and "Person: Jane Doe (jane@...)" */
		static const char *const prefixes[] = { "Organization:", "Person:", "Tool:" };

		for (i = 0; i < ETSI__ARRAY_SIZE(prefixes); i++) {
			size_t n = strlen(prefixes[i]);

			if (strncmp(c->supplier, prefixes[i], n) == 0) {
				char *rest = etsi__one_line(c->supplier + n);

				if (!rest)
					goto oom;
				etsi__free(c->supplier);
				c->supplier = *rest && !no_value(rest) ? rest : NULL;
				if (!c->supplier)
					etsi__free(rest);
				break;
			}
		}
	}
	if (c->purl && (strncmp(c->purl, "pkg:", 4) != 0 || strchr(c->purl, ' '))) {
		error = problem(ctx, where, line, "'%.80s' is not a package URL "
		                "(pkg:type/namespace/name@version)", c->purl);
		goto reject;
	}
	if (c->cpe && (strncmp(c->cpe, "cpe:", 4) != 0 || strchr(c->cpe, ' '))) {
		error = problem(ctx, where, line, "'%.80s' is not a CPE name (cpe:2.3:... or cpe:/...)",
		                c->cpe);
		goto reject;
	}
	if (raw->description && !etsi__is_blank(raw->description)) {
		if (!etsi__valid_text(raw->description)) {
			error = problem(ctx, where, line, "the description holds a character XML does "
			                "not allow");
			goto reject;
		}
		if (strlen(raw->description) > TEXT_MAX_CHARS) {
			error = problem(ctx, where, line, "the description is longer than %d characters",
			                TEXT_MAX_CHARS);
			goto reject;
		}
		if (!(c->description = etsi__strdup(raw->description)))
			goto oom;
	}
	for (i = 0; i < raw->nhashes; i++) {
		char *alg, *value;
		size_t j;
		int dup = 0;

		if (!raw->hash_alg[i] || !raw->hash_value[i]) {
			error = problem(ctx, where, line, "digest %zu has no algorithm or no value", i + 1);
			goto reject;
		}
		if (!etsi__valid_text(raw->hash_alg[i]) || !etsi__valid_text(raw->hash_value[i])) {
			error = problem(ctx, where, line, "digest %zu holds a character XML does not "
			                "allow", i + 1);
			goto reject;
		}
		alg = hash_alg(raw->hash_alg[i]);
		value = etsi__one_line(raw->hash_value[i]);
		if (!alg || !value) {
			etsi__free(alg);
			etsi__free(value);
			goto oom;
		}
		for (j = 0; value[j]; j++)
			value[j] = (char)tolower((unsigned char)value[j]);
		if (!*alg || strlen(alg) > 64 || strchr(alg, ':') || strchr(alg, ' ') || !*value ||
		    strlen(value) > 1024 || strspn(value, "0123456789abcdef") != strlen(value)) {
			error = problem(ctx, where, line, "digest %zu (%.20s) is not a hexadecimal "
			                "digest with an algorithm name", i + 1, alg);
			etsi__free(alg);
			etsi__free(value);
			goto reject;
		}
		for (j = 0; j < c->nhashes; j++)
			dup |= strcmp(c->hashes[j].alg, alg) == 0;
		if (!dup && c->nhashes == MAX_HASHES) {
			etsi__free(alg);
			etsi__free(value);
			if (etsi__import_note(ctx->diags, ctx->name, "skipped", NULL, c->name,
			                      "%s: %s has more than %d digests; the first %d are kept",
			                      where, c->name, MAX_HASHES, MAX_HASHES) < 0)
				goto oom;
			break;
		}
		if (dup) {
			etsi__free(alg);
			etsi__free(value);
			continue;
		}
		c->hashes[c->nhashes].alg = alg;
		c->hashes[c->nhashes].value = value;
		c->nhashes++;
	}
	if (c->purl)
		etsi__buf_printf(&id, "purl:%s", c->purl);
	else if (c->cpe)
		etsi__buf_printf(&id, "cpe:%s", c->cpe);
	else
		etsi__buf_printf(&id, "name:%s@%s", c->name, c->version ? c->version : "");
	if (id.failed)
		goto oom;
	c->identity = etsi__buf_detach(&id);
	if (!c->identity)
		goto oom;
	if (etsi__map_get(identities, c->identity)) {
		error = etsi__import_note(ctx->diags, ctx->name, "skipped", NULL, c->identity,
		                          "%s: %s is listed twice in the SBOM; the first is kept",
		                          where, c->name) < 0 ? ETSI_ENOMEM : 0;
		free_comp(c);
		return error;
	}
	if (etsi__map_put(identities, c->identity, c) != 0)
		goto oom;
	if (etsi__vec_push(&plan->comps, c) < 0) {
		etsi__map_del(identities, c->identity);
		goto oom;
	}
	return 0;
reject:
	free_comp(c);
	return error == ETSI_ENOMEM ? error : 0;
oom:
	etsi__buf_dispose(&id);
	free_comp(c);
	return ETSI_ENOMEM;
}

/* ---- JSON ------------------------------------------------------------------ */

typedef struct jwalk {
	etsi__import_ctx *ctx;
	sbom_plan *plan;
	etsi__buf path;
	etsi__map identities;
	int spdx;
} jwalk;

/* Member @p key of @p obj as a string: NULL when absent; a problem when it
 * is there but not a string. */
static int jstring(jwalk *w, json_t *obj, const char *key, const char **out)
{
	json_t *v = json_object_get(obj, key);
	size_t mark = w->path.len;
	int error;

	*out = NULL;
	if (!v)
		return 0;
	if (json_is_string(v)) {
		*out = json_string_value(v);
		return 0;
	}
	etsi__pointer_push(&w->path, key);
	error = problem(w->ctx, w->path.ptr, 0, "is %s; it must be a string", etsi__json_type_name(v));
	etsi__pointer_pop(&w->path, mark);
	return error < 0 ? error : 1;
}

static int jarray(jwalk *w, json_t *obj, const char *key, json_t **out)
{
	json_t *v = json_object_get(obj, key);
	size_t mark = w->path.len;
	int error;

	*out = NULL;
	if (!v)
		return 0;
	if (json_is_array(v)) {
		*out = v;
		return 0;
	}
	etsi__pointer_push(&w->path, key);
	error = problem(w->ctx, w->path.ptr, 0, "is %s; it must be an array", etsi__json_type_name(v));
	etsi__pointer_pop(&w->path, mark);
	return error < 0 ? error : 1;
}

static int jobject(jwalk *w, json_t *obj, const char *key, json_t **out)
{
	json_t *v = json_object_get(obj, key);
	size_t mark = w->path.len;
	int error;

	*out = NULL;
	if (!v)
		return 0;
	if (json_is_object(v)) {
		*out = v;
		return 0;
	}
	etsi__pointer_push(&w->path, key);
	error = problem(w->ctx, w->path.ptr, 0, "is %s; it must be an object", etsi__json_type_name(v));
	etsi__pointer_pop(&w->path, mark);
	return error < 0 ? error : 1;
}

/* The "name" member of an object member (CycloneDX supplier, manufacturer). */
static int jnamed(jwalk *w, json_t *obj, const char *key, const char **out)
{
	json_t *o;
	size_t mark = w->path.len;
	int error;

	*out = NULL;
	if ((error = jobject(w, obj, key, &o)) != 0 || !o)
		return error;
	etsi__pointer_push(&w->path, key);
	error = jstring(w, o, "name", out);
	etsi__pointer_pop(&w->path, mark);
	return error;
}

static int json_hashes(jwalk *w, json_t *obj, raw_comp *raw, const char *key,
                       const char *alg_key, const char *value_key)
{
	json_t *list, *h;
	size_t i, mark = w->path.len;
	int error;

	if ((error = jarray(w, obj, key, &list)) != 0 || !list)
		return error;
	etsi__pointer_push(&w->path, key);
	json_array_foreach(list, i, h) {
		size_t item = w->path.len;

		etsi__pointer_push_index(&w->path, i);
		if (!json_is_object(h)) {
			error = problem(w->ctx, w->path.ptr, 0, "a digest is an object, not %s",
			                etsi__json_type_name(h));
			etsi__pointer_pop(&w->path, mark);
			return error < 0 ? error : 1;
		}
		if (raw->nhashes < ETSI__ARRAY_SIZE(raw->hash_alg)) {
			if ((error = jstring(w, h, alg_key, &raw->hash_alg[raw->nhashes])) != 0 ||
			    (error = jstring(w, h, value_key, &raw->hash_value[raw->nhashes])) != 0) {
				etsi__pointer_pop(&w->path, mark);
				return error;
			}
			raw->nhashes++;
		}
		etsi__pointer_pop(&w->path, item);
	}
	etsi__pointer_pop(&w->path, mark);
	return 0;
}

static int cdx_component(jwalk *w, json_t *obj, unsigned int depth)
{
	raw_comp raw;
	json_t *nested;
	size_t i;
	int error;

	if (depth > w->ctx->max_depth)
		return etsi__import_problem(w->ctx, ETSI_ELIMIT, 0, 0, w->path.ptr,
		                            "components nest deeper than %u levels; the SBOM is "
		                            "refused (raise max_depth if it is genuine)",
		                            w->ctx->max_depth);
	if (!json_is_object(obj)) {
		error = problem(w->ctx, w->path.ptr, 0, "a component is an object, not %s", etsi__json_type_name(obj));
		return error;
	}
	memset(&raw, 0, sizeof(raw));
	if ((error = jstring(w, obj, "type", &raw.type)) != 0 ||
	    (error = jstring(w, obj, "group", &raw.group)) != 0 ||
	    (error = jstring(w, obj, "name", &raw.name)) != 0 ||
	    (error = jstring(w, obj, "version", &raw.version)) != 0 ||
	    (error = jstring(w, obj, "purl", &raw.purl)) != 0 ||
	    (error = jstring(w, obj, "cpe", &raw.cpe)) != 0 ||
	    (error = jstring(w, obj, "description", &raw.description)) != 0 ||
	    (error = jnamed(w, obj, "supplier", &raw.supplier)) != 0 ||
	    (!raw.supplier && (error = jnamed(w, obj, "manufacturer", &raw.supplier)) != 0) ||
	    (!raw.supplier && (error = jstring(w, obj, "publisher", &raw.supplier)) != 0) ||
	    (error = json_hashes(w, obj, &raw, "hashes", "alg", "content")) != 0)
		return error < 0 ? error : 0;
	if (!raw.name && !json_object_get(obj, "name")) {
		size_t mark = w->path.len;

		etsi__pointer_push(&w->path, "name");
		error = problem(w->ctx, w->path.ptr, 0, "is missing; every component has a name");
		etsi__pointer_pop(&w->path, mark);
		return error;
	}
	if ((error = check_comp(w->ctx, w->plan, &raw, w->path.ptr, 0, &w->identities)) < 0)
		return error;
	if ((error = jarray(w, obj, "components", &nested)) != 0 || !nested)
		return error < 0 ? error : 0;
	{
		size_t mark = w->path.len;
		json_t *item;

		etsi__pointer_push(&w->path, "components");
		json_array_foreach(nested, i, item) {
			size_t item_mark = w->path.len;

			etsi__pointer_push_index(&w->path, i);
			if ((error = cdx_component(w, item, depth + 1)) < 0)
				return error;
			etsi__pointer_pop(&w->path, item_mark);
		}
		etsi__pointer_pop(&w->path, mark);
	}
	return 0;
}

static int cdx_json(jwalk *w, json_t *top)
{
	json_t *meta, *comp, *list, *item;
	const char *format, *version;
	size_t i;
	int error;

	if ((error = jstring(w, top, "bomFormat", &format)) != 0)
		return error < 0 ? error : 0;
	if (!etsi__streq(format, "CycloneDX"))
		return problem(w->ctx, "/bomFormat", 0, "%s%s%s; a CycloneDX BOM has \"bomFormat\": "
		               "\"CycloneDX\"", format ? "is \"" : "is missing",
		               format ? format : "", format ? "\"" : "");
	if ((error = jstring(w, top, "specVersion", &version)) != 0)
		return error < 0 ? error : 0;
	if (!version)
		return problem(w->ctx, "/specVersion", 0, "is missing; it names the CycloneDX version");
	if (!cdx_version_known(version))
		return etsi__import_problem(w->ctx, ETSI_EUNSUPPORTED, 0, 0, "/specVersion",
		                            "CycloneDX %.20s is not supported; " CDX_SUPPORTED,
		                            version) == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	{
		etsi__buf source = ETSI__BUF_INIT;

		etsi__buf_printf(&source, "CycloneDX %s JSON", version);
		if (!(w->plan->source = etsi__buf_detach(&source)))
			return ETSI_ENOMEM;
	}
	if ((error = jobject(w, top, "metadata", &meta)) != 0)
		return error < 0 ? error : 0;
	if (meta) {
		etsi__pointer_push(&w->path, "metadata");
		error = jobject(w, meta, "component", &comp);
		if (error == 0 && comp) {
			etsi__pointer_push(&w->path, "component");
			error = cdx_component(w, comp, 1);
		}
		etsi__pointer_pop(&w->path, 0);
		if (error < 0)
			return error;
	}
	if ((error = jarray(w, top, "components", &list)) != 0 || !list)
		return error < 0 ? error : 0;
	etsi__pointer_push(&w->path, "components");
	json_array_foreach(list, i, item) {
		size_t mark = w->path.len;

		etsi__pointer_push_index(&w->path, i);
		if ((error = cdx_component(w, item, 1)) < 0)
			return error;
		etsi__pointer_pop(&w->path, mark);
	}
	return 0;
}

static int spdx_package(jwalk *w, json_t *pkg)
{
	raw_comp raw;
	json_t *refs, *ref;
	size_t i;
	int error;

	if (!json_is_object(pkg))
		return problem(w->ctx, w->path.ptr, 0, "a package is an object, not %s", etsi__json_type_name(pkg));
	memset(&raw, 0, sizeof(raw));
	raw.spdx = 1;
	if ((error = jstring(w, pkg, "name", &raw.name)) != 0 ||
	    (error = jstring(w, pkg, "versionInfo", &raw.version)) != 0 ||
	    (error = jstring(w, pkg, "supplier", &raw.supplier)) != 0 ||
	    (error = jstring(w, pkg, "description", &raw.description)) != 0 ||
	    (!raw.description && (error = jstring(w, pkg, "summary", &raw.description)) != 0) ||
	    (error = jstring(w, pkg, "primaryPackagePurpose", &raw.type)) != 0 ||
	    (error = json_hashes(w, pkg, &raw, "checksums", "algorithm", "checksumValue")) != 0 ||
	    (error = jarray(w, pkg, "externalRefs", &refs)) != 0)
		return error < 0 ? error : 0;
	if (!raw.name) {
		size_t mark = w->path.len;

		etsi__pointer_push(&w->path, "name");
		error = problem(w->ctx, w->path.ptr, 0, "is missing; every package has a name");
		etsi__pointer_pop(&w->path, mark);
		return error;
	}
	if (refs) {
		size_t mark = w->path.len;

		etsi__pointer_push(&w->path, "externalRefs");
		json_array_foreach(refs, i, ref) {
			const char *category, *type, *locator;
			size_t item = w->path.len;

			etsi__pointer_push_index(&w->path, i);
			if (!json_is_object(ref)) {
				error = problem(w->ctx, w->path.ptr, 0, "a reference is an object, not %s",
				                etsi__json_type_name(ref));
				return error;
			}
			if ((error = jstring(w, ref, "referenceCategory", &category)) != 0 ||
			    (error = jstring(w, ref, "referenceType", &type)) != 0 ||
			    (error = jstring(w, ref, "referenceLocator", &locator)) != 0)
				return error < 0 ? error : 0;
			/* Yocto writes the type as a URI:
			 * "http://spdx.org/rdf/references/cpe23Type" */
			if (type && (strrchr(type, '/') || strrchr(type, '#'))) {
				const char *slash = strrchr(type, '/'), *hash = strrchr(type, '#');

				type = (hash > slash ? hash : slash) + 1;
			}
			if (etsi__streq(type, "purl") && !raw.purl)
				raw.purl = locator;
			else if ((etsi__streq(type, "cpe23Type") || etsi__streq(type, "cpe22Type")) &&
			         !raw.cpe)
				raw.cpe = locator;
			(void)category;
			etsi__pointer_pop(&w->path, item);
		}
		etsi__pointer_pop(&w->path, mark);
	}
	return check_comp(w->ctx, w->plan, &raw, w->path.ptr, 0, &w->identities);
}

/* The type of an SPDX 3 element: "type" in the SPDX context, "@type" in
 * plain JSON-LD. */
static int spdx3_type(jwalk *w, json_t *elem, const char **type)
{
	int error;

	if ((error = jstring(w, elem, "type", type)) != 0)
		return error;
	if (!*type)
		error = jstring(w, elem, "@type", type);
	return error;
}

/* The name of the agent an SPDX 3 package is "suppliedBy": a reference to
 * an element of the graph, or the element itself.  An agent outside the
 * document gives no name. */
static int spdx3_supplier(jwalk *w, json_t *pkg, const etsi__map *ids, const char **out)
{
	json_t *v = json_object_get(pkg, "suppliedBy"), *agent = NULL;
	size_t mark = w->path.len;
	int error = 0;

	*out = NULL;
	if (!v)
		return 0;
	if (json_is_string(v))
		agent = etsi__map_get(ids, json_string_value(v));
	else if (json_is_object(v))
		agent = v;
	else {
		etsi__pointer_push(&w->path, "suppliedBy");
		error = problem(w->ctx, w->path.ptr, 0, "is %s; it must be the spdxId of an agent",
		                etsi__json_type_name(v));
		etsi__pointer_pop(&w->path, mark);
		return error < 0 ? error : 1;
	}
	if (!agent)
		return 0;
	etsi__pointer_push(&w->path, "suppliedBy");
	error = jstring(w, agent, "name", out);
	etsi__pointer_pop(&w->path, mark);
	return error;
}

static int spdx3_package(jwalk *w, json_t *pkg, const etsi__map *ids)
{
	raw_comp raw;
	json_t *list, *item;
	size_t i, mark = w->path.len;
	int error;

	memset(&raw, 0, sizeof(raw));
	raw.spdx = 1;
	if ((error = jstring(w, pkg, "name", &raw.name)) != 0 ||
	    (error = jstring(w, pkg, "software_packageVersion", &raw.version)) != 0 ||
	    (error = jstring(w, pkg, "software_packageUrl", &raw.purl)) != 0 ||
	    (error = jstring(w, pkg, "description", &raw.description)) != 0 ||
	    (!raw.description && (error = jstring(w, pkg, "summary", &raw.description)) != 0) ||
	    (error = jstring(w, pkg, "software_primaryPurpose", &raw.type)) != 0 ||
	    (error = spdx3_supplier(w, pkg, ids, &raw.supplier)) != 0)
		return error < 0 ? error : 0;
	if (!raw.name) {
		etsi__pointer_push(&w->path, "name");
		error = problem(w->ctx, w->path.ptr, 0, "is missing; every package has a name");
		etsi__pointer_pop(&w->path, mark);
		return error;
	}
	/* digests: verifiedUsing entries of type Hash */
	if ((error = jarray(w, pkg, "verifiedUsing", &list)) != 0)
		return error < 0 ? error : 0;
	etsi__pointer_push(&w->path, "verifiedUsing");
	json_array_foreach(list, i, item) {
		const char *type;
		size_t at = w->path.len;

		etsi__pointer_push_index(&w->path, i);
		if (!json_is_object(item)) {
			error = problem(w->ctx, w->path.ptr, 0, "an integrity method is an object, not %s",
			                etsi__json_type_name(item));
			etsi__pointer_pop(&w->path, mark);
			return error;
		}
		if ((error = spdx3_type(w, item, &type)) != 0) {
			etsi__pointer_pop(&w->path, mark);
			return error < 0 ? error : 0;
		}
		if (etsi__streq(type, "Hash") && raw.nhashes < ETSI__ARRAY_SIZE(raw.hash_alg)) {
			if ((error = jstring(w, item, "algorithm", &raw.hash_alg[raw.nhashes])) != 0 ||
			    (error = jstring(w, item, "hashValue", &raw.hash_value[raw.nhashes])) != 0) {
				etsi__pointer_pop(&w->path, mark);
				return error < 0 ? error : 0;
			}
			raw.nhashes++;
		}
		etsi__pointer_pop(&w->path, at);
	}
	etsi__pointer_pop(&w->path, mark);
	/* CPE (and a package URL) among the external identifiers */
	if ((error = jarray(w, pkg, "externalIdentifier", &list)) != 0)
		return error < 0 ? error : 0;
	etsi__pointer_push(&w->path, "externalIdentifier");
	json_array_foreach(list, i, item) {
		const char *type, *id;
		size_t at = w->path.len;

		etsi__pointer_push_index(&w->path, i);
		if (!json_is_object(item)) {
			error = problem(w->ctx, w->path.ptr, 0, "an external identifier is an object, "
			                "not %s", etsi__json_type_name(item));
			etsi__pointer_pop(&w->path, mark);
			return error;
		}
		if ((error = jstring(w, item, "externalIdentifierType", &type)) != 0 ||
		    (error = jstring(w, item, "identifier", &id)) != 0) {
			etsi__pointer_pop(&w->path, mark);
			return error < 0 ? error : 0;
		}
		if ((etsi__streq(type, "cpe23") || etsi__streq(type, "cpe22")) && !raw.cpe)
			raw.cpe = id;
		else if (etsi__streq(type, "packageUrl") && !raw.purl)
			raw.purl = id;
		etsi__pointer_pop(&w->path, at);
	}
	etsi__pointer_pop(&w->path, mark);
	return check_comp(w->ctx, w->plan, &raw, w->path.ptr, 0, &w->identities);
}

/* The specVersion of the first CreationInfo: an element of the graph or a
 * creationInfo given in place.  NULL when none says. */
static const char *spdx3_version(json_t *graph)
{
	json_t *elem, *ci;
	size_t i;

	json_array_foreach(graph, i, elem) {
		const char *type = json_string_value(json_object_get(elem, "type"));

		ci = etsi__streq(type, "CreationInfo") ? elem : json_object_get(elem, "creationInfo");
		if (json_is_object(ci) && json_is_string(json_object_get(ci, "specVersion")))
			return json_string_value(json_object_get(ci, "specVersion"));
	}
	return NULL;
}

/* SPDX 3.0 JSON-LD: the software_Package elements of the @graph. */
static int spdx3_json(jwalk *w, json_t *top)
{
	json_t *graph, *elem;
	etsi__map ids = ETSI__MAP_INIT;
	const char *version;
	size_t i;
	int error;

	if ((error = jarray(w, top, "@graph", &graph)) != 0)
		return error < 0 ? error : 0;
	if (!graph)
		return problem(w->ctx, "/@graph", 0, "is missing; an SPDX 3.0 document lists its "
		               "elements in \"@graph\"");
	/* every element checked for its shape first, then indexed by spdxId */
	json_array_foreach(graph, i, elem) {
		const char *type, *id;
		size_t mark = w->path.len;

		etsi__pointer_push(&w->path, "@graph");
		etsi__pointer_push_index(&w->path, i);
		if (!json_is_object(elem)) {
			error = problem(w->ctx, w->path.ptr, 0, "an element is an object, not %s",
			                etsi__json_type_name(elem));
			etsi__pointer_pop(&w->path, mark);
			goto done;
		}
		if ((error = spdx3_type(w, elem, &type)) != 0 ||
		    (error = jstring(w, elem, "spdxId", &id)) != 0) {
			etsi__pointer_pop(&w->path, mark);
			goto done;
		}
		if (!type) {
			etsi__pointer_push(&w->path, "type");
			error = problem(w->ctx, w->path.ptr, 0, "is missing; every element has a type");
			etsi__pointer_pop(&w->path, mark);
			goto done;
		}
		etsi__pointer_pop(&w->path, mark);
		if (id && etsi__map_put(&ids, id, elem) < 0) {
			error = ETSI_ENOMEM;
			goto done;
		}
	}
	version = spdx3_version(graph);
	if (!version) {
		error = problem(w->ctx, "/@graph", 0, "no CreationInfo states a specVersion; an "
		                "SPDX 3.0 document has one (\"specVersion\": \"3.0.1\")");
		goto done;
	}
	if (strncmp(version, "3.0.", 4) != 0 || !version[4] ||
	    strspn(version + 4, "0123456789") != strlen(version + 4)) {
		error = etsi__import_problem(w->ctx, ETSI_EUNSUPPORTED, 0, 0, "/@graph",
		                             "SPDX %.20s is not supported; " SPDX_SUPPORTED, version)
		        == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
		goto done;
	}
	{
		etsi__buf source = ETSI__BUF_INIT;

		etsi__buf_printf(&source, "SPDX %s JSON-LD", version);
		if (!(w->plan->source = etsi__buf_detach(&source))) {
			error = ETSI_ENOMEM;
			goto done;
		}
	}
	json_array_foreach(graph, i, elem) {
		const char *type = json_string_value(json_object_get(elem, "type"));
		size_t mark = w->path.len;

		if (!type)
			type = json_string_value(json_object_get(elem, "@type"));
		if (!etsi__streq(type, "software_Package"))
			continue;
		etsi__pointer_push(&w->path, "@graph");
		etsi__pointer_push_index(&w->path, i);
		error = spdx3_package(w, elem, &ids);
		etsi__pointer_pop(&w->path, mark);
		if (error < 0)
			goto done;
	}
	error = 0;
done:
	etsi__map_dispose(&ids);
	return error;
}

static int spdx_json(jwalk *w, json_t *top)
{
	const char *version;
	json_t *packages, *pkg;
	size_t i;
	int error;

	if (json_object_get(top, "@context") || json_object_get(top, "@graph"))
		return spdx3_json(w, top);
	if ((error = jstring(w, top, "spdxVersion", &version)) != 0)
		return error < 0 ? error : 0;
	if (!version)
		return problem(w->ctx, "/spdxVersion", 0, "is missing; an SPDX document names its "
		               "version (SPDX-2.3), or is SPDX 3.0 JSON-LD with \"@context\" and "
		               "\"@graph\"");
	if (strcmp(version, "SPDX-2.2") != 0 && strcmp(version, "SPDX-2.3") != 0)
		return etsi__import_problem(w->ctx, ETSI_EUNSUPPORTED, 0, 0, "/spdxVersion",
		                            "%.20s is not supported; " SPDX_SUPPORTED,
		                            version) == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	if (!(w->plan->source = etsi__strdup(strcmp(version, "SPDX-2.2") == 0 ? "SPDX 2.2 JSON"
	                                                                        : "SPDX 2.3 JSON")))
		return ETSI_ENOMEM;
	if ((error = jarray(w, top, "packages", &packages)) != 0 || !packages)
		return error < 0 ? error : 0;
	etsi__pointer_push(&w->path, "packages");
	json_array_foreach(packages, i, pkg) {
		size_t mark = w->path.len;

		etsi__pointer_push_index(&w->path, i);
		if ((error = spdx_package(w, pkg)) < 0)
			return error;
		etsi__pointer_pop(&w->path, mark);
	}
	return 0;
}

/* Is there anything but a JSON value here?  The first character tells. */
static char first_char(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p < end ? *p : '\0';
}

static int parse_json(void **out, etsi__import_ctx *ctx, int spdx)
{
	const char *data = ctx->data;
	size_t len = ctx->len;
	json_error_t jerr;
	json_t *top;
	jwalk w;
	sbom_plan *plan;
	int error;

	*out = NULL;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	plan = etsi__calloc(1, sizeof(*plan));
	if (!plan)
		return ETSI_ENOMEM;
	*out = plan;
	{
		int line = 0, column = 0;

		if (etsi__json_prescan(data, len, ctx->max_elements, &line, &column))
			return etsi__import_problem(ctx, ETSI_ELIMIT, line, column, NULL,
			                            ETSI__JSON_VALUES_MESSAGE, ctx->max_elements,
			                            "etsi_import_options") == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	}
	top = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!top) {
		if (json_error_code(&jerr) == json_error_out_of_memory)
			return ETSI_ENOMEM;
		return etsi__import_problem(ctx, json_error_code(&jerr) == json_error_stack_overflow
		                            ? ETSI_ELIMIT : ETSI_EPARSE,
		                            jerr.line > 0 ? jerr.line : 0,
		                            jerr.column > 0 ? jerr.column : 0, NULL,
		                            "not valid JSON: %s%s", jerr.text,
		                            etsi__json_where(&jerr)) == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	}
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.plan = plan;
	w.spdx = spdx;
	etsi__buf_puts(&w.path, "");
	if (!json_is_object(top))
		error = problem(ctx, "/", 0, "the document is %s; %s is a JSON object", etsi__json_type_name(top),
		                spdx ? "an SPDX document" : "a CycloneDX BOM");
	else
		error = spdx ? spdx_json(&w, top) : cdx_json(&w, top);
	if (error == 0 && w.path.failed)
		error = ETSI_ENOMEM;
	etsi__buf_dispose(&w.path);
	etsi__map_dispose(&w.identities);
	json_decref(top);
	return error == ETSI_ENOMEM ? error : 0;
}

/* ---- CycloneDX XML ---------------------------------------------------------- */

typedef struct xwalk {
	etsi__import_ctx *ctx;
	sbom_plan *plan;
	const char *ns;
	etsi__map identities;
	etsi__vec texts;       /* xmlChar * to free */
	int oom;
} xwalk;

static const char *xtext(xwalk *w, const xmlNode *parent, const char *name)
{
	xmlNode *n = etsi__xml_child(parent, w->ns, name);
	xmlChar *t;

	if (!n)
		return NULL;
	t = xmlNodeGetContent(n);
	if (!t || etsi__vec_push(&w->texts, t) < 0) {
		xmlFree(t);
		w->oom = 1;
		return NULL;
	}
	return (const char *)t;
}

static int cdx_xml_component(xwalk *w, const xmlNode *node, unsigned int depth)
{
	raw_comp raw;
	xmlNode *n;
	char where[32];
	int line = etsi__xml_line(node), error;

	snprintf(where, sizeof(where), "line %d", line);
	if (depth > w->ctx->max_depth)
		return etsi__import_problem(w->ctx, ETSI_ELIMIT, line, 0, NULL,
		                            "components nest deeper than %u levels; the SBOM is "
		                            "refused (raise max_depth if it is genuine)",
		                            w->ctx->max_depth);
	memset(&raw, 0, sizeof(raw));
	raw.type = etsi__xml_attr(node, "type");
	raw.group = xtext(w, node, "group");
	raw.name = xtext(w, node, "name");
	raw.version = xtext(w, node, "version");
	raw.purl = xtext(w, node, "purl");
	raw.cpe = xtext(w, node, "cpe");
	raw.description = xtext(w, node, "description");
	raw.supplier = xtext(w, etsi__xml_child(node, w->ns, "supplier"), "name");
	if (!raw.supplier)
		raw.supplier = xtext(w, etsi__xml_child(node, w->ns, "manufacturer"), "name");
	if (!raw.supplier)
		raw.supplier = xtext(w, node, "publisher");
	for (n = etsi__xml_child(etsi__xml_child(node, w->ns, "hashes"), w->ns, "hash");
	     n && raw.nhashes < ETSI__ARRAY_SIZE(raw.hash_alg); n = etsi__xml_next(n, w->ns, "hash")) {
		xmlChar *t = xmlNodeGetContent(n);

		if (!t || etsi__vec_push(&w->texts, t) < 0) {
			xmlFree(t);
			return ETSI_ENOMEM;
		}
		raw.hash_alg[raw.nhashes] = etsi__xml_attr(n, "alg");
		raw.hash_value[raw.nhashes] = (const char *)t;
		raw.nhashes++;
	}
	if (w->oom)
		return ETSI_ENOMEM;
	if (!raw.name)
		return problem(w->ctx, where, line, "the component has no <name>");
	if ((error = check_comp(w->ctx, w->plan, &raw, where, line, &w->identities)) < 0)
		return error;
	for (n = etsi__xml_child(etsi__xml_child(node, w->ns, "components"), w->ns, "component");
	     n; n = etsi__xml_next(n, w->ns, "component")) {
		if ((error = cdx_xml_component(w, n, depth + 1)) < 0)
			return error;
	}
	return 0;
}

static int parse_cdx_xml(void **out, etsi__import_ctx *ctx)
{
	xmlDocPtr doc = NULL;
	xmlNode *root, *n;
	sbom_plan *plan;
	xwalk w;
	const char *ns;
	size_t i;
	int error;

	*out = NULL;
	plan = etsi__calloc(1, sizeof(*plan));
	if (!plan)
		return ETSI_ENOMEM;
	*out = plan;
	error = etsi__xml_parse_limited(&doc, ctx->data, ctx->len, ctx->name, ctx->max_size,
	                                ctx->max_depth, ctx->max_elements, 0,
	                                "etsi_import_options");
	if (error < 0) {
		char message[1024];
		const etsi_error *e = etsi_error_last();

		if (error == ETSI_ENOMEM)
			return error;
		snprintf(message, sizeof(message), "%s", e->message);
		return etsi__import_problem(ctx, error, e->line, e->column, NULL, "%s", message)
		       == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	}
	root = xmlDocGetRootElement(doc);
	ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp((const char *)root->name, "bom") != 0 || strncmp(ns, CDX_NS, strlen(CDX_NS)) != 0) {
		problem(ctx, NULL, etsi__xml_line(root), "the root element is <%s>%s%s; a CycloneDX "
		        "BOM is <bom xmlns=\"" CDX_NS "1.7\"> (1.2 to 1.7)", root->name,
		        *ns ? " in namespace " : " without a namespace", ns);
		xmlFreeDoc(doc);
		return 0;
	}
	if (!cdx_version_known(ns + strlen(CDX_NS))) {
		error = etsi__import_problem(ctx, ETSI_EUNSUPPORTED, etsi__xml_line(root), 0, NULL,
		                             "CycloneDX %.20s is not supported; " CDX_SUPPORTED,
		                             ns + strlen(CDX_NS));
		xmlFreeDoc(doc);
		return error == ETSI_ENOMEM ? error : 0;
	}
	{
		etsi__buf source = ETSI__BUF_INIT;

		etsi__buf_printf(&source, "CycloneDX %s XML", ns + strlen(CDX_NS));
		if (!(plan->source = etsi__buf_detach(&source))) {
			xmlFreeDoc(doc);
			return ETSI_ENOMEM;
		}
	}
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.plan = plan;
	w.ns = ns;
	error = 0;
	n = etsi__xml_child(etsi__xml_child(root, ns, "metadata"), ns, "component");
	if (n)
		error = cdx_xml_component(&w, n, 1);
	for (n = etsi__xml_child(etsi__xml_child(root, ns, "components"), ns, "component");
	     n && error >= 0; n = etsi__xml_next(n, ns, "component"))
		error = cdx_xml_component(&w, n, 1);
	for (i = 0; i < w.texts.len; i++)
		xmlFree(w.texts.items[i]);
	etsi__vec_dispose(&w.texts);
	etsi__map_dispose(&w.identities);
	xmlFreeDoc(doc);
	return error == ETSI_ENOMEM ? error : 0;
}

static int parse_cyclonedx(void **out, etsi__import_ctx *ctx)
{
	char c = first_char(ctx->data, ctx->data + ctx->len);

	if (c == '<')
		return parse_cdx_xml(out, ctx);
	return parse_json(out, ctx, 0);
}

/* ---- SPDX 2 tag-value ------------------------------------------------------- */

/* The package being read, its values pointing into a copy of the text
 * (cut at each line's end, or at a </text>); checked when the next package,
 * a file, a snippet or a licence begins, so that only one is held. */
typedef struct tv_package {
	raw_comp raw;
	int line;     /* of its PackageName; 0: none open */
} tv_package;

static int tv_close(etsi__import_ctx *ctx, sbom_plan *plan, tv_package *pkg,
                    etsi__map *identities)
{
	char where[32];
	int error;

	if (!pkg->line)
		return 0;
	snprintf(where, sizeof(where), "line %d", pkg->line);
	error = check_comp(ctx, plan, &pkg->raw, where, pkg->line, identities);
	memset(pkg, 0, sizeof(*pkg));
	return error == ETSI_ENOMEM ? error : 0;
}

/* The line of the first of more than @p max lines that are neither blank
 * nor comments, or 0 when there are no more. */
static int tv_over_limit(const char *p, size_t len, size_t max)
{
	const char *end = p + len;
	size_t tags = 0;
	int line = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));

		if (!eol)
			eol = end;
		line++;
		while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p < eol && *p != '#' && ++tags > max)
			return line;
		p = eol + 1;
	}
	return 0;
}

/* The package fields of SPDX 2.2 and 2.3 tag-value (what Zephyr's west spdx
 * and ESP-IDF write): "Tag: value" lines, <text>...</text> values over
 * several lines, '#' comments.  A package runs from its PackageName to
 * the next one; file, snippet and licence fields are passed over. */
static int parse_spdx_tv(sbom_plan *plan, etsi__import_ctx *ctx)
{
	char *text, *p, *end;
	etsi__map identities = ETSI__MAP_INIT;
	tv_package pkg;
	const char *version = NULL;
	int line = 0, error = 0;

	/* each package costs memory however few bytes its lines take: their
	 * number is bounded before anything is read into memory */
	if ((line = tv_over_limit(ctx->data, ctx->len, ctx->max_elements)) > 0)
		return etsi__import_problem(ctx, ETSI_ELIMIT, line, 0, NULL,
		                            "more than %zu \"Tag: value\" lines; the SBOM is "
		                            "refused, as each package costs memory however small "
		                            "it is (raise max_elements in etsi_import_options, or "
		                            "--max-elements, if it is genuine)",
		                            ctx->max_elements) == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	memset(&pkg, 0, sizeof(pkg));
	/* a copy to cut into values */
	if (!(text = etsi__malloc(ctx->len + 1)))
		return ETSI_ENOMEM;
	memcpy(text, ctx->data, ctx->len);
	text[ctx->len] = '\0';
	p = text;
	end = text + ctx->len;
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && error == 0) {
		char *eol = memchr(p, '\n', (size_t)(end - p)), *tag = p, *value, *colon;
		int at = ++line;

		if (!eol)
			eol = end;
		p = eol < end ? eol + 1 : end;
		*eol = '\0';
		if (eol > tag && eol[-1] == '\r')
			eol[-1] = '\0';
		while (*tag == ' ' || *tag == '\t')
			tag++;
		if (!*tag || *tag == '#')
			continue;
		colon = strchr(tag, ':');
		if (!colon || colon == tag || strcspn(tag, " \t") < (size_t)(colon - tag)) {
			error = problem(ctx, NULL, at, "this is not a \"Tag: value\" line of SPDX "
			                "tag-value") < 0 ? ETSI_ENOMEM : 1;
			break;
		}
		*colon = '\0';
		value = colon + 1;
		while (*value == ' ' || *value == '\t')
			value++;
		if (strncmp(value, "<text>", 6) == 0) {
			/* to the </text>, over as many lines as it takes */
			char *close;

			value += 6;
			if (eol < end)
				*eol = '\n';   /* the value may go on: undo the cut */
			if (eol > value && eol[-1] == '\0')
				eol[-1] = '\r';
			if (!(close = strstr(value, "</text>"))) {
				error = problem(ctx, NULL, at, "the <text> of %s is not closed by </text>",
				                tag) < 0 ? ETSI_ENOMEM : 1;
				break;
			}
			if (close > eol) {
				/* the lines it took, and on after the one it ends on */
				char *q;

				for (q = eol; q < close; q++)
					line += *q == '\n';
				q = memchr(close, '\n', (size_t)(end - close));
				p = q ? q + 1 : end;
			}
			*close = '\0';
		}
		if (strcmp(tag, "SPDXVersion") == 0 && !version) {
			version = value;
			if (strcmp(version, "SPDX-2.2") != 0 && strcmp(version, "SPDX-2.3") != 0) {
				error = etsi__import_problem(ctx, ETSI_EUNSUPPORTED, at, 0, NULL,
				                             "%.20s is not supported; " SPDX_SUPPORTED,
				                             version) == ETSI_ENOMEM ? ETSI_ENOMEM : 1;
				break;
			}
			if (!(plan->source = etsi__strdup(strcmp(version, "SPDX-2.2") == 0
			                                  ? "SPDX 2.2 tag-value" : "SPDX 2.3 tag-value")))
				error = ETSI_ENOMEM;
			continue;
		}
		if (strcmp(tag, "PackageName") == 0) {
			if (!version) {
				error = problem(ctx, NULL, at, "a package before the SPDXVersion; an SPDX "
				                "document begins with it (SPDXVersion: SPDX-2.3)") < 0
				        ? ETSI_ENOMEM : 1;
				break;
			}
			if ((error = tv_close(ctx, plan, &pkg, &identities)) < 0)
				break;
			pkg.raw.spdx = 1;
			pkg.raw.name = value;
			pkg.line = at;
			continue;
		}
		if (strcmp(tag, "FileName") == 0 || strcmp(tag, "SnippetSPDXID") == 0 ||
		    strcmp(tag, "LicenseID") == 0) {
			/* what follows is not the package's */
			if ((error = tv_close(ctx, plan, &pkg, &identities)) < 0)
				break;
			continue;
		}
		if (!pkg.line)
			continue;
		if (strcmp(tag, "PackageVersion") == 0)
			pkg.raw.version = value;
		else if (strcmp(tag, "PackageSupplier") == 0)
			pkg.raw.supplier = value;
		else if (strcmp(tag, "PackageDescription") == 0)
			pkg.raw.description = value;
		else if (strcmp(tag, "PackageSummary") == 0 && !pkg.raw.description)
			pkg.raw.description = value;
		else if (strcmp(tag, "PrimaryPackagePurpose") == 0)
			pkg.raw.type = value;
		else if (strcmp(tag, "PackageChecksum") == 0) {
			/* "SHA256: 9f86..." */
			char *sep = strchr(value, ':');

			if (pkg.raw.nhashes < ETSI__ARRAY_SIZE(pkg.raw.hash_alg)) {
				pkg.raw.hash_alg[pkg.raw.nhashes] = value;
				pkg.raw.hash_value[pkg.raw.nhashes] = NULL;
				if (sep) {
					*sep++ = '\0';
					while (*sep == ' ' || *sep == '\t')
						sep++;
					pkg.raw.hash_value[pkg.raw.nhashes] = sep;
				}
				pkg.raw.nhashes++;
			}
		} else if (strcmp(tag, "ExternalRef") == 0) {
			/* "SECURITY cpe23Type cpe:2.3:..." or "PACKAGE-MANAGER purl pkg:..." */
			char *type = value + strcspn(value, " \t"), *locator;

			type += strspn(type, " \t");
			locator = type + strcspn(type, " \t");
			if (*locator) {
				*locator++ = '\0';
				locator += strspn(locator, " \t");
			}
			if (strcmp(type, "purl") == 0 && !pkg.raw.purl)
				pkg.raw.purl = locator;
			else if ((strcmp(type, "cpe23Type") == 0 || strcmp(type, "cpe22Type") == 0) &&
			         !pkg.raw.cpe)
				pkg.raw.cpe = locator;
		}
	}
	if (error == 0 && !version)
		error = etsi__import_problem(ctx, ETSI_EUNSUPPORTED, 1, 0, NULL,
		                             "no SPDXVersion: this is neither SPDX JSON nor SPDX "
		                             "tag-value; " SPDX_SUPPORTED) == ETSI_ENOMEM ? ETSI_ENOMEM : 1;
	if (error == 0)
		error = tv_close(ctx, plan, &pkg, &identities);
	etsi__map_dispose(&identities);
	etsi__free(text);
	return error == ETSI_ENOMEM ? error : 0;
}

static int parse_spdx(void **out, etsi__import_ctx *ctx)
{
	char c = first_char(ctx->data, ctx->data + ctx->len);

	if (c == '<') {
		sbom_plan *plan = etsi__calloc(1, sizeof(*plan));

		*out = plan;
		if (!plan)
			return ETSI_ENOMEM;
		return etsi__import_problem(ctx, ETSI_EUNSUPPORTED, 1, 0, NULL,
		                            "this is not SPDX JSON; " SPDX_SUPPORTED " (convert "
		                            "RDF or XML documents first)")
		       == ETSI_ENOMEM ? ETSI_ENOMEM : 0;
	}
	if (c && c != '{' && c != '[') {
		sbom_plan *plan = etsi__calloc(1, sizeof(*plan));

		*out = plan;
		if (!plan)
			return ETSI_ENOMEM;
		return parse_spdx_tv(plan, ctx);
	}
	return parse_json(out, ctx, 1);
}

/* ---- applying ---------------------------------------------------------------- */

static const char *identity_of(const etsi_record *r, etsi__buf *buf)
{
	buf->len = 0;
	if (buf->ptr)
		buf->ptr[0] = '\0';
	if (etsi_record_get(r, "purl"))
		etsi__buf_printf(buf, "purl:%s", etsi_record_get(r, "purl"));
	else if (etsi_record_get(r, "cpe"))
		etsi__buf_printf(buf, "cpe:%s", etsi_record_get(r, "cpe"));
	else
		etsi__buf_printf(buf, "name:%s@%s", etsi_record_get(r, "name"),
		                 etsi_record_get(r, "version") ? etsi_record_get(r, "version") : "");
	return buf->failed ? NULL : buf->ptr;
}

static void slug_append(etsi__buf *id, const char *s)
{
	for (; *s && id->len < 100; s++) {
		char c = *s;

		if (!(isalnum((unsigned char)c) || c == '.' || c == '_'))
			c = '-';
		if (c == '-' && id->len && id->ptr[id->len - 1] == '-')
			continue;
		etsi__buf_put(id, &c, 1);
	}
}

/* A prefix ("comp-") and the name and version, made an id that no record
 * of the dossier has. */
static char *new_id(etsi_dossier *d, const char *prefix, const char *name, const char *version)
{
	etsi__buf id = ETSI__BUF_INIT;
	size_t base, min = strlen(prefix) - 1;
	int i;

	etsi__buf_puts(&id, prefix);
	slug_append(&id, name);
	if (version) {
		etsi__buf_puts(&id, "-");
		slug_append(&id, version);
	}
	while (!id.failed && id.len > min && id.ptr[id.len - 1] == '-')
		id.ptr[--id.len] = '\0';
	base = id.len;
	for (i = 2; !id.failed && etsi__map_get(&d->store.ids, id.ptr); i++) {
		id.len = base;
		id.ptr[base] = '\0';
		etsi__buf_printf(&id, "-%d", i);
	}
	return etsi__buf_detach(&id);
}

static int update_field(etsi_record *r, const char *field, const char *value, int *changed)
{
	int error;

	if (!value || etsi__streq(etsi_record_get(r, field), value))
		return 0;
	if ((error = etsi_record_set(r, field, value)) < 0)
		return error;
	*changed = 1;
	return 0;
}

static int has_soft_comp(const etsi_dossier *d, const char *component)
{
	size_t i;

	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_SOFT_COMP); i++) {
		if (etsi__streq(etsi_record_get(etsi_dossier_at(d, ETSI_KIND_SOFT_COMP, i),
		                                "component"), component))
			return 1;
	}
	return 0;
}

static int add_soft_comp(etsi_dossier *d, const sbom_plan *plan, const sbom_comp *c,
                         const char *component, const char *name)
{
	etsi__buf text = ETSI__BUF_INIT;
	char *id = new_id(d, "sc-", component + (strncmp(component, "comp-", 5) == 0 ? 5 : 0), NULL);
	int error;

	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;

	etsi__buf_printf(&text, "%s%s%s, a software component listed in the SBOM %s (%s).",
	                 c->name, c->version ? " " : "", c->version ? c->version : "", base,
	                 plan->source);
	if (!id || text.failed) {
		etsi__free(id);
		etsi__buf_dispose(&text);
		return etsi__error_oom();
	}
	{
		const char *fields[] = { "id", id, "component", component, "description", text.ptr,
		                         NULL };

		error = etsi_dossier_add(NULL, d, NULL, ETSI_KIND_SOFT_COMP, fields);
	}
	etsi__free(id);
	etsi__buf_dispose(&text);
	return error;
}

static int apply(void *p, etsi_dossier *d, etsi_diagnostics *diags, const char *name)
{
	sbom_plan *plan = p;
	etsi__map known = ETSI__MAP_INIT;
	etsi__buf buf = ETSI__BUF_INIT;
	size_t i, j;
	int error = 0;

	for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_COMPONENT); i++) {
		etsi_record *r = etsi_dossier_at(d, ETSI_KIND_COMPONENT, i);
		const char *key = identity_of(r, &buf);

		if (!key || etsi__map_put(&known, key, r) < 0) {
			error = etsi__error_oom();
			goto done;
		}
	}
	for (i = 0; i < plan->comps.len; i++) {
		sbom_comp *c = plan->comps.items[i];
		etsi_record *r = etsi__map_get(&known, c->identity);

		if (r) {
			int changed = 0;
			const char *id = etsi_record_key(r);

			if ((error = update_field(r, "name", c->name, &changed)) < 0 ||
			    (error = update_field(r, "version", c->version, &changed)) < 0 ||
			    (error = update_field(r, "supplier", c->supplier, &changed)) < 0 ||
			    (error = update_field(r, "purl", c->purl, &changed)) < 0 ||
			    (error = update_field(r, "cpe", c->cpe, &changed)) < 0)
				goto done;
			if (c->nhashes) {
				int same = etsi_record_value_count(r, "hash") == c->nhashes;

				for (j = 0; same && j < c->nhashes; j++) {
					buf.len = 0;
					etsi__buf_printf(&buf, "%s:%s", c->hashes[j].alg, c->hashes[j].value);
					same = !buf.failed && etsi__streq(etsi_record_value_at(r, "hash", j), buf.ptr);
				}
				if (!same) {
					for (j = 0; j < c->nhashes; j++) {
						buf.len = 0;
						etsi__buf_printf(&buf, "%s:%s", c->hashes[j].alg, c->hashes[j].value);
						if (buf.failed) {
							error = etsi__error_oom();
							goto done;
						}
						error = j == 0 ? etsi_record_set(r, "hash", buf.ptr)
						               : etsi_record_add_value(r, "hash", buf.ptr);
						if (error < 0)
							goto done;
					}
					changed = 1;
				}
			}
			if (!has_soft_comp(d, id)) {
				if ((error = add_soft_comp(d, plan, c, id, name)) < 0)
					goto done;
				changed = 1;
			}
			error = etsi__import_note(diags, name, changed ? "updated" : "unchanged", id,
			                          c->identity, "%s: component %s (%s%s%s) %s", c->where,
			                          id, c->name, c->version ? " " : "",
			                          c->version ? c->version : "",
			                          changed ? "updated" : "unchanged");
			if (error < 0)
				goto done;
			continue;
		}
		{
			char *id = new_id(d, "comp-", c->name, c->version);
			const char *fields[2 * (10 + MAX_HASHES) + 1];
			char *hashes[MAX_HASHES];
			size_t k = 0;
			etsi_record *added = NULL;

			memset(hashes, 0, sizeof(hashes));
			if (!id) {
				error = etsi__error_oom();
				goto done;
			}
			fields[k++] = "id";
			fields[k++] = id;
			fields[k++] = "kind";
			fields[k++] = c->kind;
			fields[k++] = "updateable";
			fields[k++] = "undecided";
			fields[k++] = "name";
			fields[k++] = c->name;
#define OPTIONAL(f, v) do { if (v) { fields[k++] = f; fields[k++] = v; } } while (0)
			OPTIONAL("version", c->version);
			OPTIONAL("supplier", c->supplier);
			OPTIONAL("purl", c->purl);
			OPTIONAL("cpe", c->cpe);
			for (j = 0; j < c->nhashes; j++) {
				etsi__buf h = ETSI__BUF_INIT;

				etsi__buf_printf(&h, "%s:%s", c->hashes[j].alg, c->hashes[j].value);
				hashes[j] = etsi__buf_detach(&h);
				if (!hashes[j])
					error = ETSI_ENOMEM;
				OPTIONAL("hash", hashes[j]);
			}
			OPTIONAL("description", c->description);
#undef OPTIONAL
			fields[k] = NULL;
			if (error == ETSI_ENOMEM)
				error = etsi__error_oom();
			else
				error = etsi_dossier_add(&added, d, NULL, ETSI_KIND_COMPONENT, fields);
			if (error == 0)
				error = add_soft_comp(d, plan, c, id, name);
			if (error == 0)
				error = etsi__import_note(diags, name, "added", id, c->identity,
				                          "%s: component %s (%s%s%s) added, updateability "
				                          "undecided", c->where, id, c->name,
				                          c->version ? " " : "", c->version ? c->version : "");
			if (error == 0 && etsi__map_put(&known, c->identity, added) < 0)
				error = etsi__error_oom();
			for (j = 0; j < MAX_HASHES; j++)
				etsi__free(hashes[j]);
			etsi__free(id);
			if (error < 0)
				goto done;
		}
	}
	if (!plan->comps.len)
		error = etsi__import_note(diags, name, "unchanged", NULL, NULL,
		                          "the SBOM (%s) lists no software component",
		                          plan->source ? plan->source : "SBOM");
done:
	etsi__buf_dispose(&buf);
	etsi__map_dispose(&known);
	return error;
}

const etsi__importer etsi__import_cyclonedx = { "cyclonedx", parse_cyclonedx, apply, free_plan };
const etsi__importer etsi__import_spdx = { "spdx", parse_spdx, apply, free_plan };
