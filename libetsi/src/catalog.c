#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "error.h"
#include "resources.h"
#include "runtime.h"
#include "schema.h"
#include "xml.h"

#define ERR_CATALOG ETSI_ERROR_CLASS_CATALOG

/* The built-in editions, oldest first, with the TS 103 701 edition that
 * tests each. */
static const struct {
	const char *edition;
	const char *ts_edition;
} builtin[] = {
	{ "2.1.1", "1.1.1" },
	{ "3.1.3", "2.1.1" },
};

static etsi__map cache = ETSI__MAP_INIT; /* key -> etsi_catalog */

const char *etsi_catalog_builtin_edition(size_t i)
{
	return i < ETSI__ARRAY_SIZE(builtin) ? builtin[i].edition : NULL;
}

int etsi_catalog_options_init(etsi_catalog_options *opts, unsigned int version)
{
	ETSI__OPTIONS_INIT(opts, version, ETSI_CATALOG_OPTIONS_VERSION, "etsi_catalog_options");
}

static int file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Validates a catalog file from a data directory against catalog.xsd. */
static int validate_override(xmlDocPtr doc, const char *path, const char *dir)
{
	etsi_diagnostics *diags = etsi__diagnostics_new();
	xmlSchemaPtr schema;
	int error;

	if (!diags)
		return etsi__error_oom();
	error = etsi__schema_get(&schema, "catalog.xsd", dir);
	if (error == 0)
		error = etsi__schema_validate(schema, doc, path, diags);
	if (error > 0) {
		const etsi_diagnostic *d = etsi_diagnostics_at(diags, 0);

		error = etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_SCHEMA, d->file, d->line,
		                       d->column, "catalog is not valid: %s", d->message);
	}
	etsi_diagnostics_free(diags);
	return error;
}

/* Loads "<prefix>-<edition>.xml" from dir when present, else built in. */
static int load_doc(xmlDocPtr *out, const char *prefix, const char *edition, const char *dir)
{
	etsi__buf name = ETSI__BUF_INIT, path = ETSI__BUF_INIT;
	const etsi__resource *res;
	char *data = NULL;
	size_t len;
	int error;

	*out = NULL;
	etsi__buf_printf(&name, "%s-%s.xml", prefix, edition);
	if (dir)
		etsi__buf_printf(&path, "%s/%s", dir, name.ptr ? name.ptr : "");
	if (name.failed || path.failed) {
		error = etsi__error_oom();
		goto done;
	}
	if (dir && file_exists(path.ptr)) {
		error = etsi__read_file(&data, &len, path.ptr, ETSI__DEFAULT_MAX_SIZE);
		if (error == 0)
			error = etsi__xml_parse(out, data, len, path.ptr, ETSI__DEFAULT_MAX_SIZE,
			                        ETSI__DEFAULT_MAX_DEPTH);
		if (error == 0 && (error = validate_override(*out, path.ptr, dir)) < 0) {
			xmlFreeDoc(*out);
			*out = NULL;
		}
		goto done;
	}
	res = etsi__resource_find(name.ptr);
	if (!res) {
		error = ETSI_ENOTFOUND;
		goto done;
	}
	/* built-in catalogs are validated by the test suite at build time */
	error = etsi__xml_parse(out, (const char *)res->data, res->len, name.ptr,
	                        ETSI__DEFAULT_MAX_SIZE, ETSI__DEFAULT_MAX_DEPTH);
done:
	etsi__free(data);
	etsi__buf_dispose(&name);
	etsi__buf_dispose(&path);
	return error;
}

static const char *root_attr(xmlDocPtr doc, const char *name)
{
	return etsi__xml_attr(xmlDocGetRootElement(doc), name);
}

/* For an edition only the data directory knows, finds the TS 103 701
 * catalog there that assesses it. */
static char *find_pairing(const char *dir, const char *edition)
{
	char *found = NULL;
	struct dirent *entry;
	DIR *d;

	if (!dir || !(d = opendir(dir)))
		return NULL;
	while (!found && (entry = readdir(d))) {
		const char *n = entry->d_name;
		size_t len = strlen(n);
		xmlDocPtr doc = NULL;
		char *ts;

		if (strncmp(n, "ts103701-", 9) != 0 || len < 14 || strcmp(n + len - 4, ".xml") != 0)
			continue;
		ts = etsi__strndup(n + 9, len - 13);
		if (!ts)
			break;
		if (load_doc(&doc, "ts103701", ts, dir) == 0 &&
		    etsi__streq(root_attr(doc, "assesses"), edition))
			found = ts;
		else
			etsi__free(ts);
		xmlFreeDoc(doc);
	}
	closedir(d);
	return found;
}

/* An edition of @p standard ("EN 303 645" or "TS 103 701") that neither
 * the library nor the data directory has: the message lists the built-in
 * editions of that standard. */
static int describe_missing(const char *standard, const char *edition, const char *dir)
{
	etsi__buf known = ETSI__BUF_INIT;
	int ts = strcmp(standard, "TS 103 701") == 0;
	size_t i;
	int error;

	for (i = 0; i < ETSI__ARRAY_SIZE(builtin); i++)
		etsi__buf_printf(&known, "%s%s", i ? ", " : "",
		                 ts ? builtin[i].ts_edition : builtin[i].edition);
	error = etsi__error(ETSI_EUNSUPPORTED, ERR_CATALOG,
	                    "%s V%s is not known; built-in %s editions are %s%s%s", standard,
	                    edition, standard, known.failed ? "?" : known.ptr,
	                    dir ? ", and none was found in " : "", dir ? dir : "");
	etsi__buf_dispose(&known);
	return error;
}

static int check_docs(etsi_catalog *cat)
{
	xmlDocPtr en = cat->store.docs[0], ts = cat->store.docs[1];

	if (!etsi__streq(root_attr(en, "standard"), "EN 303 645") ||
	    !etsi__streq(root_attr(en, "layer"), "requirement") ||
	    !etsi__streq(root_attr(en, "edition"), cat->edition))
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_CATALOG, (const char *)en->URL, 0, 0,
		                      "not the EN 303 645 V%s requirement catalog (check its "
		                      "standard, layer and edition attributes)", cat->edition);
	if (!etsi__streq(root_attr(ts, "standard"), "TS 103 701") ||
	    !etsi__streq(root_attr(ts, "layer"), "assessment") ||
	    !etsi__streq(root_attr(ts, "edition"), cat->ts_edition))
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_CATALOG, (const char *)ts->URL, 0, 0,
		                      "not the TS 103 701 V%s assessment catalog (check its "
		                      "standard, layer and edition attributes)", cat->ts_edition);
	/* an unusual pairing (EN V3.1.3 assessed with TS V1.1.1, as some
	 * published self-assessments are) is kept; the rule
	 * edition-pairing-unusual reports it */
	if (!root_attr(ts, "assesses"))
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_CATALOG, (const char *)ts->URL, 0, 0,
		                      "the TS 103 701 V%s catalog does not say which EN 303 645 "
		                      "edition it assesses (its assesses attribute)",
		                      cat->ts_edition);
	cat->assesses = etsi__strdup(root_attr(ts, "assesses"));
	if (!cat->assesses)
		return etsi__error_oom();
	if (!etsi__streq(xmlDocGetRootElement(cat->store.docs[2]) ?
	                 (const char *)xmlDocGetRootElement(cat->store.docs[2])->name : NULL,
	                 "policy"))
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_CATALOG,
		                      (const char *)cat->store.docs[2]->URL, 0, 0,
		                      "not a libetsi crypto policy (its root element is not policy)");
	return 0;
}

/* The Annex B status notation of each provision: "M", "R C (3, 4)",
 * "M F (j)", "M C F (14, e)"; "void" for a void provision. */
static int compute_status_codes(etsi_catalog *cat)
{
	size_t i, j, n = etsi__store_count(&cat->store, ETSI_KIND_PROVISION);

	for (i = 0; i < n; i++) {
		etsi_record *p = etsi__store_at(&cat->store, ETSI_KIND_PROVISION, i);
		size_t conditions = etsi_record_value_count(p, "condition");
		size_t features = etsi_record_value_count(p, "feature");
		etsi__buf code = ETSI__BUF_INIT;
		char *value;

		if (etsi__streq(etsi_record_get(p, "void"), "true")) {
			etsi__buf_puts(&code, "void");
		} else {
			const char *status = etsi_record_get(p, "status");

			etsi__buf_puts(&code, status ? status : "?");
			if (conditions)
				etsi__buf_puts(&code, " C");
			if (features)
				etsi__buf_puts(&code, " F");
			for (j = 0; j < conditions + features; j++)
				etsi__buf_printf(&code, "%s%s", j ? ", " : " (",
				                 j < conditions
				                     ? etsi_record_value_at(p, "condition", j)
				                     : etsi_record_value_at(p, "feature", j - conditions));
			if (conditions + features)
				etsi__buf_puts(&code, ")");
		}
		value = etsi__buf_detach(&code);
		if (!value || etsi__store_set_computed(&cat->store, p, value) < 0)
			return etsi__error_oom();
	}
	return 0;
}

static int load(etsi_catalog **out, const char *edition, const char *ts_edition,
                const char *dir, const char *key)
{
	etsi_catalog *cat = etsi__calloc(1, sizeof(*cat));
	char *paired = NULL;
	size_t i;
	int error;

	*out = NULL;
	if (!cat)
		return etsi__error_oom();
	cat->store.ns = ETSI__NS_CATALOG;
	cat->store.self = &cat->store;
	cat->store.readonly = 1;
	cat->refs = 1;
	if (!ts_edition) {
		for (i = 0; i < ETSI__ARRAY_SIZE(builtin); i++) {
			if (strcmp(builtin[i].edition, edition) == 0)
				ts_edition = builtin[i].ts_edition;
		}
	}
	if (!ts_edition)
		ts_edition = paired = find_pairing(dir, edition);
	cat->cache_key = etsi__strdup(key);
	cat->edition = etsi__strdup(edition);
	cat->ts_edition = ts_edition ? etsi__strdup(ts_edition) : NULL;
	if (!cat->cache_key || !cat->edition || (ts_edition && !cat->ts_edition)) {
		error = etsi__error_oom();
		goto fail;
	}
	error = load_doc(&cat->store.docs[0], "en303645", edition, dir);
	if (error == ETSI_ENOTFOUND)
		error = describe_missing("EN 303 645", edition, dir);
	if (error < 0)
		goto fail;
	cat->store.ndocs = 1;
	if (!ts_edition) {
		error = etsi__error(ETSI_EUNSUPPORTED, ERR_CATALOG,
		                    "no TS 103 701 catalog assesses EN 303 645 V%s; add "
		                    "ts103701-EDITION.xml to the data directory", edition);
		goto fail;
	}
	error = load_doc(&cat->store.docs[1], "ts103701", ts_edition, dir);
	if (error == ETSI_ENOTFOUND)
		error = describe_missing("TS 103 701", ts_edition, dir);
	if (error < 0)
		goto fail;
	cat->store.ndocs = 2;
	error = load_doc(&cat->store.docs[2], "crypto-policy", "1", dir);
	if (error == ETSI_ENOTFOUND)
		error = etsi__error(ETSI_ENOTFOUND, ERR_CATALOG, "the crypto policy "
		                    "crypto-policy-1.xml is missing");
	if (error < 0)
		goto fail;
	cat->store.ndocs = 3;
	if ((error = check_docs(cat)) < 0)
		goto fail;
	if ((error = etsi__store_index(&cat->store)) < 0 ||
	    (error = compute_status_codes(cat)) < 0)
		goto fail;
	etsi__free(paired);
	*out = cat;
	return 0;
fail:
	etsi__free(paired);
	etsi__store_dispose(&cat->store);
	etsi__free(cat->cache_key);
	etsi__free(cat->edition);
	etsi__free(cat->ts_edition);
	etsi__free(cat->assesses);
	etsi__free(cat);
	return error;
}

static void destroy(etsi_catalog *cat)
{
	etsi__store_dispose(&cat->store);
	etsi__free(cat->cache_key);
	etsi__free(cat->edition);
	etsi__free(cat->ts_edition);
	etsi__free(cat->assesses);
	etsi__free(cat);
}

int etsi_catalog_open(etsi_catalog **out, const char *edition, const etsi_catalog_options *opts)
{
	etsi__buf key = ETSI__BUF_INIT;
	const char *dir, *ts = NULL;
	etsi_catalog *cat = NULL, *loaded = NULL;
	int error = 0;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (opts && opts->version != ETSI_CATALOG_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_catalog_options version %u is unknown", opts->version);
	etsi__runtime_ensure();
	dir = etsi__data_dir(opts ? opts->data_dir : NULL);
	if (opts)
		ts = opts->ts_edition;
	if (!edition)
		edition = builtin[ETSI__ARRAY_SIZE(builtin) - 1].edition;
	etsi__buf_printf(&key, "%s\n%s\n%s", dir ? dir : "", edition, ts ? ts : "");
	if (key.failed)
		return etsi__error_oom();

	if ((error = etsi__check_data_dir(dir)) < 0)
		goto done;
	etsi__lock();
	cat = etsi__map_get(&cache, key.ptr);
	if (cat)
		cat->refs++;
	etsi__unlock();
	if (cat)
		goto done;

	/* Loading takes the lock itself (an override catalog is validated
	 * against a cached schema), so it runs unlocked; a thread that loaded
	 * the same catalog meanwhile wins and ours is dropped. */
	if ((error = load(&loaded, edition, ts, dir, key.ptr)) < 0)
		goto done;
	etsi__lock();
	cat = etsi__map_get(&cache, key.ptr);
	if (cat) {
		cat->refs++;
	} else {
		cat = loaded;
		loaded = NULL;
		if (etsi__map_put(&cache, key.ptr, cat) == 0)
			cat->refs++; /* the cache's reference */
	}
	etsi__unlock();
	if (loaded)
		destroy(loaded);
done:
	etsi__buf_dispose(&key);
	if (error == 0)
		*out = cat;
	return error;
}

etsi_catalog *etsi__catalog_ref(etsi_catalog *catalog)
{
	if (catalog) {
		etsi__lock();
		catalog->refs++;
		etsi__unlock();
	}
	return catalog;
}

void etsi_catalog_free(etsi_catalog *catalog)
{
	int last;

	if (!catalog)
		return;
	etsi__lock();
	last = --catalog->refs == 0;
	etsi__unlock();
	if (last)
		destroy(catalog);
}

void etsi__catalog_cache_clear_locked(void)
{
	size_t i;

	for (i = 0; i < cache.cap; i++) {
		etsi_catalog *cat;

		if (!cache.slots[i].key || !cache.slots[i].value)
			continue;
		cat = cache.slots[i].value;
		if (--cat->refs == 0)
			destroy(cat);
	}
	etsi__map_dispose(&cache);
}

const char *etsi_catalog_edition(const etsi_catalog *catalog)
{
	return catalog ? catalog->edition : NULL;
}

const char *etsi_catalog_ts_edition(const etsi_catalog *catalog)
{
	return catalog ? catalog->ts_edition : NULL;
}

size_t etsi_catalog_count(const etsi_catalog *catalog, etsi_kind kind)
{
	return catalog ? etsi__store_count(&catalog->store, kind) : 0;
}

etsi_record *etsi_catalog_at(const etsi_catalog *catalog, etsi_kind kind, size_t i)
{
	return catalog ? etsi__store_at(&catalog->store, kind, i) : NULL;
}

etsi_record *etsi_catalog_find(const etsi_catalog *catalog, etsi_kind kind, const char *key)
{
	return catalog ? etsi__store_find(&catalog->store, kind, key) : NULL;
}

int etsi_catalog_write(char **out, size_t *len, const etsi_catalog *catalog)
{
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	xmlNsPtr ns;
	size_t i;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(catalog);
	doc = xmlNewDoc((const xmlChar *)"1.0");
	root = doc ? xmlNewDocNode(doc, NULL, (const xmlChar *)"catalogs", NULL) : NULL;
	if (!root)
		goto oom;
	xmlDocSetRootElement(doc, root);
	ns = xmlNewNs(root, (const xmlChar *)ETSI__NS_CATALOG, NULL);
	if (!ns)
		goto oom;
	xmlSetNs(root, ns);
	for (i = 0; i < catalog->store.ndocs; i++) {
		xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(catalog->store.docs[i]), doc, 1);

		if (!copy || !xmlAddChild(root, copy)) {
			xmlFreeNode(copy);
			goto oom;
		}
	}
	xmlReconciliateNs(doc, root);
	error = etsi__xml_write(out, len, doc);
	xmlFreeDoc(doc);
	return error;
oom:
	xmlFreeDoc(doc);
	return etsi__error_oom();
}

/* ---- the record store's resolver ---------------------------------------- */

static int check_reference(const void *ctx, etsi_kind kind, const char *id)
{
	const etsi_catalog *catalog = ctx;
	const char *en = etsi_catalog_edition(catalog), *ts = etsi_catalog_ts_edition(catalog);
	etsi_record *r = etsi_catalog_find(catalog, kind, id);
	const char *first, *second;

	switch (kind) {
	case ETSI_KIND_PROVISION:
		if (!r)
			return etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER,
			                   "%s is not a provision of EN 303 645 V%s; `etsi catalog "
			                   "--edition %s` lists them", id, en, en);
		if (!etsi__streq(etsi_record_get(r, "void"), "true"))
			return 0;
		first = etsi_record_value_at(r, "replaced-by", 0);
		second = etsi_record_value_at(r, "replaced-by", 1);
		return etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER,
		                   "provision %s is void in EN 303 645 V%s; use %s%s%s", id, en,
		                   first, second ? " or " : "", second ? second : "");
	case ETSI_KIND_TEST_CASE:
		return r ? 0 : etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER,
		                           "%s is not a test case of TS 103 701 V%s", id, ts);
	case ETSI_KIND_TEST_GROUP:
		return r ? 0 : etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER,
		                           "%s is not a test group of TS 103 701 V%s", id, ts);
	case ETSI_KIND_IXIT_TABLE:
		return r ? 0 : etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_DOSSIER,
		                           "%s is not an IXIT table of TS 103 701 V%s", id, ts);
	default:
		return 0;
	}
}

etsi__resolver etsi__catalog_resolver(const etsi_catalog *catalog)
{
	etsi__resolver resolver = { catalog ? check_reference : NULL, catalog };

	return resolver;
}
