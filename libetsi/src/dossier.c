#include <stdio.h>
#include <string.h>


#include "alloc.h"
#include "catalog_impl.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "error.h"
#include "kinds.h"
#include "record_impl.h"
#include "runtime.h"
#include "schema.h"
#include "xml.h"

#define ERR_DOSSIER ETSI_ERROR_CLASS_DOSSIER
#define ERR_SCHEMA ETSI_ERROR_CLASS_SCHEMA

#define SCHEMA_VERSION "1.0"

int etsi_load_options_init(etsi_load_options *opts, unsigned int version)
{
	if (version == 1) {
		/* a caller built against version 1: its struct ends before max_elements */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, offsetof(etsi_load_options, max_elements));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_LOAD_OPTIONS_VERSION, "etsi_load_options");
}

int etsi_new_options_init(etsi_new_options *opts, unsigned int version)
{
	ETSI__OPTIONS_INIT(opts, version, ETSI_NEW_OPTIONS_VERSION, "etsi_new_options");
}

etsi_dossier *etsi__dossier_alloc(const char *path, const char *data_dir)
{
	etsi_dossier *d = etsi__calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->store.ns = ETSI__NS_DOSSIER;
	d->store.self = &d->store;
	d->file.lock_fd = -1;
	if ((path && !(d->path = etsi__strdup(path))) ||
	    (data_dir && !(d->data_dir = etsi__strdup(data_dir)))) {
		etsi__free(d->path);
		etsi__free(d);
		return NULL;
	}
	return d;
}

void etsi_dossier_free(etsi_dossier *dossier)
{
	if (!dossier)
		return;
	etsi__file_state_release(&dossier->file);
	etsi__store_dispose(&dossier->store);
	etsi__xml_source_dispose(&dossier->source);
	etsi_catalog_free(dossier->catalog);
	etsi__free(dossier->path);
	etsi__free(dossier->data_dir);
	etsi__free(dossier);
}

static xmlNode *root_of(const etsi_dossier *d)
{
	return xmlDocGetRootElement(d->store.docs[0]);
}

static const char *name_of(const etsi_dossier *d)
{
	return d->path ? d->path : "<new dossier>";
}

/* ---- structural refusals --------------------------------------------- */

static int check_root(xmlNode *root, const char *name)
{
	const char *version;

	if (!etsi__xml_is(root, ETSI__NS_DOSSIER, "dossier")) {
		const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : NULL;

		return etsi__error_at(ETSI_EVALIDATION, ERR_SCHEMA, name, etsi__xml_line(root), 0,
		                      "the root element is <%s>%s%s%s; a libetsi dossier is "
		                      "<dossier xmlns=\"" ETSI__NS_DOSSIER "\">",
		                      root->name, ns ? " in namespace " : " without a namespace",
		                      ns ? ns : "", "");
	}
	version = etsi__xml_attr(root, "schema-version");
	if (version && strncmp(version, "1.", 2) != 0)
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_SCHEMA, name, etsi__xml_line(root), 0,
		                      "schema version %s is not supported; this libetsi reads "
		                      "version 1.x dossiers", version);
	return 0;
}

static int refuse_xinclude(const xmlNode *node, const char *name)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (node->ns && node->ns->href &&
		    (strcmp((const char *)node->ns->href, "http://www.w3.org/2001/XInclude") == 0 ||
		     strcmp((const char *)node->ns->href, "http://www.w3.org/2003/XInclude") == 0))
			return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_XML, name,
			                      etsi__xml_line(node), 0,
			                      "XInclude elements are refused (a dossier is one "
			                      "self-contained file); inline the included content");
		if (refuse_xinclude(node->children, name) < 0)
			return ETSI_EPARSE;
	}
	return 0;
}

/* ---- catalog of the dossier's editions ------------------------------- */

static int open_catalog(etsi_dossier *d)
{
	etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
	xmlNode *header = etsi__xml_child(root_of(d), ETSI__NS_DOSSIER, "header");
	xmlNode *editions = etsi__xml_child(header, ETSI__NS_DOSSIER, "editions");
	const char *en = etsi__xml_attr(editions, "en303645");
	const char *ts = etsi__xml_attr(editions, "ts103701");
	int error;

	etsi_catalog_free(d->catalog);
	d->catalog = NULL;
	d->store.resolver = etsi__catalog_resolver(NULL);
	if (!en || !ts)
		return etsi__error_at(ETSI_EVALIDATION, ERR_SCHEMA, name_of(d),
		                      etsi__xml_line(editions ? editions : header), 0,
		                      "the header names no EN 303 645 and TS 103 701 editions; add "
		                      "<editions en303645=\"3.1.3\" ts103701=\"2.1.1\"/>");
	opts.data_dir = d->data_dir;
	opts.ts_edition = ts;
	error = etsi_catalog_open(&d->catalog, en, &opts);
	if (error < 0) {
		/* restate the catalog's message at the dossier's editions */
		char message[1024];

		snprintf(message, sizeof(message), "%s", etsi_error_last()->message);
		return etsi__error_at(error, ERR_SCHEMA, name_of(d), etsi__xml_line(editions), 0,
		                      "%s", message);
	}
	d->store.resolver = etsi__catalog_resolver(d->catalog);
	return 0;
}

/* ---- validation ------------------------------------------------------ */

static int diag(etsi_diagnostics *diags, const etsi_dossier *d, const etsi_record *r,
                const char *reference, const char *hint, const char *message)
{
	etsi__where where;

	memset(&where, 0, sizeof(where));
	where.file = name_of(d);
	where.line = etsi_record_line(r);
	where.element = etsi_record_key(r);
	where.reference = reference;
	return etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, hint, "%s", message);
}

/* What XSD cannot check: that provisions and test cases named in the
 * dossier exist in the catalogs of its editions. */
static int check_references(etsi_dossier *d, etsi_diagnostics *diags)
{
	static const struct {
		etsi_kind kind;
		const char *field;
	} refs[] = {
		{ ETSI_KIND_ICS_ENTRY, "provision" },
		{ ETSI_KIND_EVIDENCE, "provision" },
		{ ETSI_KIND_VERDICT, "case" },
		{ ETSI_KIND_COVERS, "test-case" },
		{ ETSI_KIND_PLAN_CASE, "id" },
		{ ETSI_KIND_PLAN_CASE, "group" },
		{ ETSI_KIND_PLAN_INPUT, "table" },
	};
	const etsi_catalog *cat = d->catalog;
	size_t r, i, n;

	for (r = 0; r < ETSI__ARRAY_SIZE(refs); r++) {
		const etsi__kind_def *def = etsi__kind_lookup(refs[r].kind);
		const etsi__field *field = etsi__kind_find_field(def, refs[r].field);

		n = etsi__store_count(&d->store, refs[r].kind);
		for (i = 0; i < n; i++) {
			etsi_record *rec = etsi__store_at(&d->store, refs[r].kind, i);
			const char *value = etsi__record_field(rec, field);

			if (!value)
				continue;
			if (etsi__check_value(rec, def, field, value, &d->store) < 0 &&
			    diag(diags, d, rec, value,
			         "use the identifiers of the dossier's editions; `etsi catalog` "
			         "lists them", etsi_error_last()->message) < 0)
				return ETSI_ENOMEM;
		}
	}
	/* a plan case's group must be the group of its test case */
	n = etsi__store_count(&d->store, ETSI_KIND_PLAN_CASE);
	for (i = 0; i < n; i++) {
		etsi_record *rec = etsi__store_at(&d->store, ETSI_KIND_PLAN_CASE, i);
		etsi_record *tc = etsi_catalog_find(cat, ETSI_KIND_TEST_CASE,
		                                    etsi_record_get(rec, "id"));
		const char *group = etsi_record_get(etsi_record_parent(tc), "id");

		if (tc && group && !etsi__streq(group, etsi_record_get(rec, "group"))) {
			char message[256];

			snprintf(message, sizeof(message), "test case %s belongs to test group %s",
			         etsi_record_get(rec, "id"), group);
			if (diag(diags, d, rec, etsi_record_get(rec, "id"),
			         "set group to the test group the catalog gives for the test case",
			         message) < 0)
				return ETSI_ENOMEM;
		}
	}
	return 0;
}

static int first_error(const etsi_diagnostics *diags)
{
	const etsi_diagnostic *d = NULL;
	size_t i, errors = etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR);

	for (i = 0; i < etsi_diagnostics_count(diags); i++) {
		d = etsi_diagnostics_at(diags, i);
		if (d->severity == ETSI_SEVERITY_ERROR)
			break;
	}
	if (!d)
		return 0;
	if (errors > 1)
		return etsi__error_at(ETSI_EVALIDATION, ERR_SCHEMA, d->file, d->line, d->column,
		                      "%s (and %zu more problem%s; `etsi validate` lists them)",
		                      d->message, errors - 1, errors > 2 ? "s" : "");
	return etsi__error_at(ETSI_EVALIDATION, ERR_SCHEMA, d->file, d->line, d->column, "%s",
	                      d->message);
}

/* Schema validation alone, before the dossier is indexed. */
static int validate_schema(etsi_dossier *d, etsi_diagnostics *diags)
{
	xmlSchemaPtr schema;
	int error = etsi__schema_get(&schema, "dossier.xsd", d->data_dir);

	if (error < 0)
		return error;
	return etsi__schema_validate(schema, d->store.docs[0], name_of(d), diags);
}

/* What validation checks beyond the schema: the catalog of the dossier's
 * editions and the references into it.  Returns the number of errors in
 * @p diags, or ETSI_ENOMEM. */
static int validate_references(etsi_dossier *d, etsi_diagnostics *diags)
{
	if (!d->catalog && open_catalog(d) < 0) {
		const etsi_error *e = etsi_error_last();
		etsi__where where;

		if (e->code == ETSI_ENOMEM)
			return ETSI_ENOMEM;
		memset(&where, 0, sizeof(where));
		where.file = name_of(d);
		where.line = e->line;
		if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where,
		                          "name editions libetsi knows (`etsi catalog` lists them), "
		                          "or point ETSI_DATA_DIR at catalogs of newer editions",
		                          "%s", e->message) < 0)
			return ETSI_ENOMEM;
		return (int)etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR);
	}
	if (check_references(d, diags) < 0)
		return ETSI_ENOMEM;
	return (int)etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR);
}

/* Drops libxml2's raw pattern errors (diagnostics [0, nschema)) on a line
 * where the reference check said in the dossier's own terms what is wrong
 * with the value (an IXIT table where a provision belongs, say). */
static void prefer_domain_messages(etsi_diagnostics *diags, size_t nschema)
{
	size_t i, j, kept = 0;

	for (i = 0; i < diags->items.len; i++) {
		etsi_diagnostic *raw = diags->items.items[i];
		int explained = 0;

		for (j = nschema; i < nschema && j < diags->items.len && !explained; j++) {
			const etsi_diagnostic *domain = diags->items.items[j];

			explained = raw->line && domain->line == raw->line &&
			            strstr(raw->message, "[facet 'pattern']") != NULL;
		}
		if (explained) {
			diags->counts[raw->severity]--;
			etsi__free(raw);
		} else {
			diags->items.items[kept++] = raw;
		}
	}
	diags->items.len = kept;
}

static int validate(etsi_dossier *d, etsi_diagnostics *diags)
{
	int errors = validate_schema(d, diags);
	size_t nschema = etsi_diagnostics_count(diags);

	if (errors < 0)
		return errors;
	errors = validate_references(d, diags);
	if (errors > 0) {
		prefer_domain_messages(diags, nschema);
		errors = (int)etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR);
	}
	return errors;
}

/* Runs @p check and reports as etsi_dossier_validate() does. */
static int run_validation(etsi_diagnostics **out, etsi_dossier *dossier,
                          int (*check)(etsi_dossier *, etsi_diagnostics *))
{
	etsi_diagnostics *diags;
	int errors;

	if (out)
		*out = NULL;
	if ((errors = etsi__store_failed(&dossier->store)) < 0)
		return errors;
	diags = etsi__diagnostics_new();
	if (!diags)
		return etsi__error_oom();
	errors = check(dossier, diags);
	if (errors < 0) {
		etsi_diagnostics_free(diags);
		return etsi__error_oom();
	}
	if (errors > 0)
		first_error(diags);
	if (out)
		*out = diags;
	else
		etsi_diagnostics_free(diags);
	return errors > 0 ? ETSI_EVALIDATION : 0;
}

int etsi_dossier_validate(etsi_diagnostics **out, etsi_dossier *dossier)
{
	if (out)
		*out = NULL;
	ETSI__ASSERT_ARG(dossier);
	return run_validation(out, dossier, validate);
}

/* ---- loading --------------------------------------------------------- */

static int load(etsi_dossier **out, const char *data, size_t len, const char *name,
                const etsi_load_options *opts)
{
	size_t max_size = opts && opts->max_size ? opts->max_size : ETSI__DEFAULT_MAX_SIZE;
	unsigned int max_depth = opts && opts->max_depth ? opts->max_depth : ETSI__DEFAULT_MAX_DEPTH;
	int validate_it = !(opts && (opts->flags & ETSI_LOAD_NO_VALIDATE));
	const char *dir = etsi__data_dir(opts ? opts->data_dir : NULL);
	etsi_dossier *d;
	xmlDocPtr doc;
	int error;

	if ((error = etsi__check_data_dir(dir)) < 0)
		return error;
	d = etsi__dossier_alloc(name, dir);
	if (!d)
		return etsi__error_oom();
	error = etsi__xml_parse_limited(&doc, data, len, name, max_size, max_depth,
	                                ETSI__MAX_ELEMENTS_OF(opts), 1, "etsi_load_options");
	if (error < 0)
		goto fail;
	d->store.docs[0] = doc;
	d->store.ndocs = 1;
	if (!(opts && (opts->flags & ETSI_LOAD_NO_LAYOUT)) &&
	    (error = etsi__xml_source_record(&d->source, doc, data, len)) < 0)
		goto fail;
	if ((error = check_root(xmlDocGetRootElement(doc), name)) < 0 ||
	    (error = refuse_xinclude(xmlDocGetRootElement(doc), name)) < 0)
		goto fail;
	if (validate_it) {
		etsi_diagnostics *diags = etsi__diagnostics_new();
		int errors;

		if (!diags) {
			error = etsi__error_oom();
			goto fail;
		}
		errors = validate_schema(d, diags);
		if (errors > 0)
			first_error(diags);
		etsi_diagnostics_free(diags);
		if (errors != 0) {
			error = errors < 0 ? errors : ETSI_EVALIDATION;
			goto fail;
		}
		if ((error = open_catalog(d)) < 0)
			goto fail;
	} else if (open_catalog(d) < 0 && etsi_error_last()->code == ETSI_ENOMEM) {
		error = ETSI_ENOMEM;
		goto fail;
	}
	if ((error = etsi__store_index(&d->store)) < 0)
		goto fail;
	/* the schema was validated above, before indexing: what is left are
	 * the references into the catalog */
	if (validate_it && (error = run_validation(NULL, d, validate_references)) < 0)
		goto fail;
	*out = d;
	return 0;
fail:
	etsi_dossier_free(d);
	return error;
}

int etsi_dossier_load_memory(etsi_dossier **out, const char *data, size_t len,
                             const char *name, const etsi_load_options *opts)
{
	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(data || len == 0);
	if (opts && opts->version != ETSI_LOAD_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_load_options version %u is unknown", opts->version);
	etsi__runtime_ensure();
	return load(out, data ? data : "", len, name ? name : "<memory>", opts);
}

int etsi_dossier_load(etsi_dossier **out, const char *path, const etsi_load_options *opts)
{
	size_t max_size = opts && opts->max_size ? opts->max_size : ETSI__DEFAULT_MAX_SIZE;
	etsi__file_state file = ETSI__FILE_STATE_INIT;
	char *data;
	size_t len;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(path);
	if (opts && opts->version != ETSI_LOAD_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_load_options version %u is unknown", opts->version);
	etsi__runtime_ensure();
	if ((error = etsi__read_file_state(&data, &len, path, max_size,
	                                   opts && (opts->flags & ETSI_LOAD_LOCK), &file)) < 0)
		return error;
	error = load(out, data, len, path, opts);
	etsi__free(data);
	if (error < 0) {
		etsi__file_state_release(&file);
		return error;
	}
	/* the lock stays with the dossier: the state moves under the list
	 * of held locks' mutex (etsi__file_state_move) */
	etsi__file_state_move(&(*out)->file, &file);
	return 0;
}

/* ---- new dossiers ---------------------------------------------------- */

static int build_skeleton(etsi_dossier *d, const etsi_new_options *opts)
{
	etsi_record *header, *dut, *user_info;
	xmlNodePtr root, header_node, editions;
	xmlNsPtr ns;
	size_t i, n;
	int error;

	d->store.docs[0] = xmlNewDoc((const xmlChar *)"1.0");
	if (!d->store.docs[0])
		return ETSI_ENOMEM;
	d->store.ndocs = 1;
	root = xmlNewDocNode(d->store.docs[0], NULL, (const xmlChar *)"dossier", NULL);
	if (!root)
		return ETSI_ENOMEM;
	xmlDocSetRootElement(d->store.docs[0], root);
	ns = xmlNewNs(root, (const xmlChar *)ETSI__NS_DOSSIER, NULL);
	if (!ns || !xmlSetProp(root, (const xmlChar *)"schema-version",
	                       (const xmlChar *)SCHEMA_VERSION))
		return ETSI_ENOMEM;
	xmlSetNs(root, ns);
	/* the required sections, empty but for the fixed editions, in schema
	 * order */
	header_node = xmlNewChild(root, ns, (const xmlChar *)"header", NULL);
	editions = header_node ? xmlNewChild(header_node, ns, (const xmlChar *)"editions", NULL)
	                       : NULL;
	if (!editions ||
	    !xmlSetProp(editions, (const xmlChar *)"en303645",
	                (const xmlChar *)etsi_catalog_edition(d->catalog)) ||
	    !xmlSetProp(editions, (const xmlChar *)"ts103701",
	                (const xmlChar *)etsi_catalog_ts_edition(d->catalog)) ||
	    !xmlNewChild(root, ns, (const xmlChar *)"dut", NULL) ||
	    !xmlNewChild(root, ns, (const xmlChar *)"update-boundary", NULL) ||
	    !xmlNewChild(root, ns, (const xmlChar *)"ixit", NULL) ||
	    !xmlNewChild(root, ns, (const xmlChar *)"ics", NULL))
		return ETSI_ENOMEM;
	if ((error = etsi__store_index(&d->store)) < 0)
		return error;

	header = etsi__store_find(&d->store, ETSI_KIND_HEADER, NULL);
	dut = etsi__store_find(&d->store, ETSI_KIND_DUT, NULL);
	if ((error = etsi_record_set(header, "release", opts->release)) < 0 ||
	    (opts->manufacturer &&
	     (error = etsi_record_set(dut, "manufacturer", opts->manufacturer)) < 0) ||
	    (error = etsi_record_set(dut, "model-designation", opts->model)) < 0 ||
	    (error = etsi_record_set(dut, "software-version", opts->release)) < 0)
		return error;
	{
		const char *fields[] = { "model-designation", opts->model, NULL };

		if ((error = etsi__store_add(&user_info, &d->store, NULL, ETSI_KIND_USER_INFO,
		                             fields)) < 0)
			return error;
	}
	n = etsi_catalog_count(d->catalog, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(d->catalog, ETSI_KIND_PROVISION, i);
		const char *fields[] = { "provision", etsi_record_key(p), NULL };

		/* clause 5.3 only: the skeleton is for the update evidence */
		if (etsi__streq(etsi_record_get(p, "void"), "true") ||
		    strncmp(etsi_record_key(p), "5.3-", 4) != 0)
			continue;
		if ((error = etsi__store_add(NULL, &d->store, NULL, ETSI_KIND_ICS_ENTRY, fields)) < 0)
			return error;
	}
	return 0;
}

int etsi_dossier_new(etsi_dossier **out, const etsi_new_options *opts)
{
	etsi_catalog_options copts = ETSI_CATALOG_OPTIONS_INIT;
	etsi_dossier *d;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(opts);
	if (opts->version != ETSI_NEW_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_new_options version %u is unknown", opts->version);
	if (!opts->model || !*opts->model || !opts->release || !*opts->release)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "a new dossier needs a model designation and a release");
	etsi__runtime_ensure();
	d = etsi__dossier_alloc(NULL, etsi__data_dir(opts->data_dir));
	if (!d)
		return etsi__error_oom();
	copts.data_dir = d->data_dir;
	copts.ts_edition = opts->ts_edition;
	if ((error = etsi_catalog_open(&d->catalog, opts->edition, &copts)) < 0)
		goto fail;
	d->store.resolver = etsi__catalog_resolver(d->catalog);
	if ((error = build_skeleton(d, opts)) < 0) {
		if (error == ETSI_ENOMEM)
			etsi__error_oom();
		goto fail;
	}
	*out = d;
	return 0;
fail:
	etsi_dossier_free(d);
	return error;
}

/* ---- writing --------------------------------------------------------- */

int etsi_dossier_write(char **out, size_t *len, const etsi_dossier *dossier)
{
	size_t n;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(dossier);
	if ((error = etsi__store_failed(&dossier->store)) < 0)
		return error;
	/* as the file was written: its layout is in the tree, and what the
	 * tree cannot hold (spacing inside start tags, the declaration) is
	 * put back */
	if ((error = etsi__xml_write(out, &n, dossier->store.docs[0])) < 0)
		return error;
	if ((error = etsi__xml_source_apply(&dossier->source, dossier->store.docs[0], out,
	                                    &n)) < 0) {
		etsi__free(*out);
		*out = NULL;
		return error;
	}
	if (len)
		*len = n;
	return 0;
}

int etsi_dossier_save(etsi_dossier *dossier, const char *path)
{
	char *data, *copy = NULL;
	size_t len;
	int error;

	ETSI__ASSERT_ARG(dossier);
	if (!path)
		path = dossier->path;
	if (!path)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the dossier has no file yet; give a path to save it to");
	if (path != dossier->path && !(copy = etsi__strdup(path)))
		return etsi__error_oom();
	if ((error = etsi_dossier_validate(NULL, dossier)) < 0)
		goto done;
	if ((error = etsi_dossier_write(&data, &len, dossier)) < 0)
		goto done;
	/* the file it was loaded from, or last saved to, must still be as it
	 * was then */
	error = etsi__write_file_state(path, data, len, &dossier->file,
	                               !copy || (dossier->path && strcmp(path, dossier->path) == 0));
	etsi__free(data);
	if (error == 0 && copy) {
		etsi__free(dossier->path);
		dossier->path = copy;
		copy = NULL;
	}
done:
	etsi__free(copy);
	return error;
}

/* ---- access ---------------------------------------------------------- */

const char *etsi_dossier_path(const etsi_dossier *dossier)
{
	return dossier ? dossier->path : NULL;
}

etsi_catalog *etsi_dossier_catalog(const etsi_dossier *dossier)
{
	return dossier ? dossier->catalog : NULL;
}

size_t etsi_dossier_count(const etsi_dossier *dossier, etsi_kind kind)
{
	return dossier ? etsi__store_count(&dossier->store, kind) : 0;
}

etsi_record *etsi_dossier_at(const etsi_dossier *dossier, etsi_kind kind, size_t i)
{
	return dossier ? etsi__store_at(&dossier->store, kind, i) : NULL;
}

etsi_record *etsi_dossier_find(const etsi_dossier *dossier, etsi_kind kind, const char *key)
{
	return dossier ? etsi__store_find(&dossier->store, kind, key) : NULL;
}

int etsi_dossier_add(etsi_record **out, etsi_dossier *dossier, etsi_record *parent,
                     etsi_kind kind, const char *const *fields)
{
	if (out)
		*out = NULL;
	ETSI__ASSERT_ARG(dossier);
	return etsi__store_add(out, &dossier->store, parent, kind, fields);
}

int etsi_dossier_remove(etsi_dossier *dossier, etsi_record *record)
{
	ETSI__ASSERT_ARG(dossier);
	return etsi__store_remove(&dossier->store, record);
}

int etsi_dossier_set_ics(etsi_dossier *dossier, const char *provision, const char *support,
                         const char *detail)
{
	etsi_record *entry;
	int error;

	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(provision);
	ETSI__ASSERT_ARG(support);
	entry = etsi_dossier_find(dossier, ETSI_KIND_ICS_ENTRY, provision);
	if (!entry) {
		const char *fields[] = { "provision", provision, "support", support,
		                         detail ? "detail" : NULL, detail, NULL };

		return etsi__store_add(NULL, &dossier->store, NULL, ETSI_KIND_ICS_ENTRY, fields);
	}
	if ((error = etsi_record_set(entry, "support", support)) < 0)
		return error;
	return detail ? etsi_record_set(entry, "detail", detail) : 0;
}

int etsi_dossier_set_verdict(etsi_record **out, etsi_dossier *dossier, const char *test_case,
                             const char *result, const char *by, const char *date,
                             const char *note)
{
	const char *fields[] = { "case", test_case, "result", result, "by", by, "date", date,
	                         note ? "note" : NULL, note, NULL };
	etsi_record *old, *added = NULL;
	xmlNode *anchor = NULL;
	int error;

	if (out)
		*out = NULL;
	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(test_case);
	old = etsi_dossier_find(dossier, ETSI_KIND_VERDICT, test_case);
	if (old) {
		/* check the new values before the old verdict goes */
		const etsi__kind_def *def = etsi__kind_lookup(ETSI_KIND_VERDICT);
		size_t i;

		for (i = 2; fields[i]; i += 2) {
			const etsi__field *f = etsi__kind_find_field(def, fields[i]);

			if (!fields[i + 1])
				return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
				                   "verdict field '%s' is required", fields[i]);
			if ((error = etsi__check_value(old, def, f, fields[i + 1], &dossier->store)) < 0)
				return error;
		}
		/* the new verdict takes the old one's place, so that a diff
		 * shows the verdict changed rather than moved */
		for (anchor = old->node->next; anchor; anchor = anchor->next) {
			if (anchor->type == XML_ELEMENT_NODE)
				break;
		}
		if ((error = etsi__store_remove(&dossier->store, old)) < 0)
			return error;
	}
	if ((error = etsi__store_add(&added, &dossier->store, NULL, ETSI_KIND_VERDICT, fields)) < 0)
		return error;
	if (anchor && anchor->parent == added->node->parent) {
		etsi__xml_remove(added->node);
		etsi__xml_insert(anchor->parent, added->node, anchor);
		dossier->store.dirty = 1;
	}
	if (out)
		*out = added;
	return 0;
}

/* ---- a copy for trying changes out -------------------------------------- */

int etsi__dossier_clone(etsi_dossier **out, const etsi_dossier *src)
{
	etsi_dossier *d = etsi__dossier_alloc(src->path, src->data_dir);
	int error;

	*out = NULL;
	if (!d)
		return etsi__error_oom();
	if (!(d->store.docs[0] = xmlCopyDoc(src->store.docs[0], 1))) {
		etsi_dossier_free(d);
		return etsi__error_oom();
	}
	d->store.ndocs = 1;
	if (src->catalog) {
		d->catalog = etsi__catalog_ref(src->catalog);
		d->store.resolver = etsi__catalog_resolver(d->catalog);
	}
	if ((error = etsi__store_index(&d->store)) < 0) {
		etsi_dossier_free(d);
		return error;
	}
	*out = d;
	return 0;
}

/* Restates the first error of a list as the thread's last error. */
