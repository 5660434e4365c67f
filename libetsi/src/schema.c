#include "schema.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "error.h"
#include "resources.h"
#include "runtime.h"
#include "xml.h"

typedef struct cached_schema {
	xmlDocPtr doc;       /* the schema document, kept alive for the schema */
	xmlSchemaPtr schema;
} cached_schema;

static etsi__map cache = ETSI__MAP_INIT; /* "name\ndir" -> cached_schema */

struct compile_state {
	const char *file;
	int have_error;
	int out_of_memory;
	int line;
	char message[512];
};

static void on_compile_error(void *ctx, xmlErrorPtr err)
{
	struct compile_state *state = ctx;

	if (err && err->code == XML_ERR_NO_MEMORY)
		state->out_of_memory = 1;
	if (state->have_error || !err || err->level < XML_ERR_ERROR)
		return;
	state->have_error = 1;
	state->line = err->line;
	snprintf(state->message, sizeof(state->message), "%s",
	         err->message ? err->message : "schema does not compile");
}

/* An override schema must be one self-contained file: nothing it names may
 * be fetched while it is compiled. */
static int refuse_references(xmlNode *root, const char *file)
{
	static const char *const refused[] = { "include", "import", "redefine", "override" };
	xmlNode *n;
	size_t i;

	for (n = root->children; n; n = n->next) {
		for (i = 0; i < ETSI__ARRAY_SIZE(refused); i++) {
			if (etsi__xml_is(n, "http://www.w3.org/2001/XMLSchema", refused[i]))
				return etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_SCHEMA, file,
				                      etsi__xml_line(n), 0,
				                      "xs:%s is refused in an override schema; "
				                      "merge the schema into one file", refused[i]);
		}
	}
	return 0;
}

static int compile(cached_schema **out, const char *name, const char *dir)
{
	etsi__buf path = ETSI__BUF_INIT;
	struct compile_state state;
	xmlSchemaParserCtxtPtr pctxt = NULL;
	cached_schema *entry = NULL;
	const char *file = name;
	const char *bytes;
	char *data = NULL;
	size_t len = 0;
	struct stat st;
	int error;

	memset(&state, 0, sizeof(state));
	if (dir) {
		etsi__buf_printf(&path, "%s/%s", dir, name);
		if (path.failed)
			return etsi__error_oom();
	}
	if (dir && stat(path.ptr, &st) == 0) {
		file = path.ptr;
		error = etsi__read_file(&data, &len, file, ETSI__DEFAULT_MAX_SIZE);
		if (error < 0)
			goto done;
		bytes = data;
	} else {
		const etsi__resource *res = etsi__resource_find(name);

		if (!res) {
			error = etsi__error(ETSI_ENOTFOUND, ETSI_ERROR_CLASS_SCHEMA,
			                    "no schema named %s is built in", name);
			goto done;
		}
		bytes = (const char *)res->data;
		len = res->len;
	}
	entry = etsi__calloc(1, sizeof(*entry));
	if (!entry) {
		error = etsi__error_oom();
		goto done;
	}
	error = etsi__xml_parse(&entry->doc, bytes, len, file, ETSI__DEFAULT_MAX_SIZE,
	                        ETSI__DEFAULT_MAX_DEPTH);
	if (error < 0)
		goto done;
	error = refuse_references(xmlDocGetRootElement(entry->doc), file);
	if (error < 0)
		goto done;
	state.file = file;
	pctxt = xmlSchemaNewDocParserCtxt(entry->doc);
	if (!pctxt) {
		error = etsi__error_oom();
		goto done;
	}
	xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, &state);
	entry->schema = xmlSchemaParse(pctxt);
	if (!entry->schema && (state.out_of_memory || !state.have_error)) {
		/* libxml2 ran out of memory, saying so or (some of its
		 * allocations fail silently) saying nothing */
		error = etsi__error_oom();
		goto done;
	}
	if (!entry->schema) {
		error = etsi__error_at(ETSI_EPARSE, ETSI_ERROR_CLASS_SCHEMA, file, state.line, 0,
		                       "schema does not compile: %s",
		                       state.have_error ? state.message : "unknown reason");
		goto done;
	}
	*out = entry;
	entry = NULL;
done:
	if (pctxt)
		xmlSchemaFreeParserCtxt(pctxt);
	if (entry) {
		xmlFreeDoc(entry->doc);
		etsi__free(entry);
	}
	etsi__free(data);
	etsi__buf_dispose(&path);
	return error;
}

int etsi__schema_get(xmlSchemaPtr *out, const char *name, const char *data_dir)
{
	etsi__buf key = ETSI__BUF_INIT;
	cached_schema *entry;
	int error = 0;

	*out = NULL;
	etsi__runtime_ensure();
	etsi__buf_printf(&key, "%s\n%s", name, data_dir ? data_dir : "");
	if (key.failed)
		return etsi__error_oom();
	etsi__lock();
	entry = etsi__map_get(&cache, key.ptr);
	if (!entry) {
		error = compile(&entry, name, data_dir);
		if (error == 0 && etsi__map_put(&cache, key.ptr, entry) < 0) {
			xmlSchemaFree(entry->schema);
			xmlFreeDoc(entry->doc);
			etsi__free(entry);
			error = etsi__error_oom();
		}
	}
	if (error == 0)
		*out = entry->schema;
	etsi__unlock();
	etsi__buf_dispose(&key);
	return error;
}

void etsi__schema_cache_clear_locked(void)
{
	size_t i;

	for (i = 0; i < cache.cap; i++) {
		cached_schema *entry;

		if (!cache.slots[i].key || !cache.slots[i].value)
			continue;
		entry = cache.slots[i].value;
		xmlSchemaFree(entry->schema);
		xmlFreeDoc(entry->doc);
		etsi__free(entry);
	}
	etsi__map_dispose(&cache);
}

/* ---- validation ------------------------------------------------------ */

struct validate_state {
	const char *file;
	etsi_diagnostics *diags;
	int errors;
	int listed;
	int unlisted;
	int failed;
};

/* A hostile document can hold millions of schema errors (one per
 * attribute not allowed); past this many only the count goes on, so
 * memory stays bounded by the document, not by its errors. */
#define MAX_LISTED 1000

/* Drops the namespace of libxml2's "{urn:libetsi:dossier:1}name" so that
 * messages speak of the element names the user wrote. */
static void strip_namespaces(etsi__buf *out, const char *msg)
{
	static const char *const prefixes[] = {
		"{" ETSI__NS_DOSSIER "}", "{" ETSI__NS_CATALOG "}"
	};

	while (*msg) {
		size_t i, skipped = 0;

		for (i = 0; i < ETSI__ARRAY_SIZE(prefixes); i++) {
			size_t n = strlen(prefixes[i]);

			if (strncmp(msg, prefixes[i], n) == 0) {
				skipped = n;
				break;
			}
		}
		if (skipped) {
			msg += skipped;
			continue;
		}
		etsi__buf_put(out, msg, 1);
		msg++;
	}
	while (out->len && (out->ptr[out->len - 1] == '\n' || out->ptr[out->len - 1] == ' '))
		out->ptr[--out->len] = '\0';
}

static const char *hint_for(const char *msg)
{
	static const struct {
		const char *needle;
		const char *hint;
	} hints[] = {
		{ "No match found for key-sequence",
		  "the referenced id is not defined; define it, or correct the reference" },
		{ "Duplicate key-sequence",
		  "every id (and every ICS provision, verdict test case, confirmation and step) "
		  "may appear only once; rename or merge the duplicate" },
		{ "This element is not expected",
		  "elements must appear in the order docs/dossier-format.md gives, with their "
		  "required siblings first" },
		{ "Missing child element",
		  "add the required element named in the message" },
		{ "attribute is required",
		  "add the required attribute named in the message" },
		{ "is not a valid value of the atomic type",
		  "the value has the wrong form; docs/dossier-format.md gives the allowed "
		  "values and patterns" },
		{ "is not an element of the set",
		  "use one of the allowed values listed in docs/dossier-format.md" },
		{ "No matching global declaration",
		  "the root element must be <dossier xmlns=\"urn:libetsi:dossier:1\">" },
		{ "attribute is not allowed",
		  "remove the attribute, or put custom data in your own namespace" },
	};
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(hints); i++) {
		if (strstr(msg, hints[i].needle))
			return hints[i].hint;
	}
	return NULL;
}

static void on_validate_error(void *ctx, xmlErrorPtr err)
{
	struct validate_state *state = ctx;
	etsi__buf msg = ETSI__BUF_INIT;
	etsi__where where;

	if (!err || state->failed)
		return;
	if (err->code == XML_ERR_NO_MEMORY) {
		state->failed = 1;
		return;
	}
	/* libxml2 follows some errors with consequences that say nothing new */
	if (state->errors && err->message &&
	    (strstr(err->message, "No precomputed value available") ||
	     strstr(err->message, "Not all fields of key identity-constraint")))
		return;
	if (state->listed >= MAX_LISTED) {
		if (err->level >= XML_ERR_ERROR) {
			state->errors++;
			state->unlisted++;
		}
		return;
	}
	state->listed++;
	strip_namespaces(&msg, err->message ? err->message : "invalid");
	if (msg.failed) {
		state->failed = 1;
		return;
	}
	memset(&where, 0, sizeof(where));
	where.file = state->file;
	where.line = err->line;
	where.column = err->int2;
	if (etsi__diagnostics_add(state->diags,
	                          err->level >= XML_ERR_ERROR ? ETSI_SEVERITY_ERROR
	                                                      : ETSI_SEVERITY_WARNING,
	                          &where, hint_for(msg.ptr), "%s", msg.ptr) < 0)
		state->failed = 1;
	if (err->level >= XML_ERR_ERROR)
		state->errors++;
	etsi__buf_dispose(&msg);
}

int etsi__schema_validate(xmlSchemaPtr schema, xmlDoc *doc, const char *file,
                          etsi_diagnostics *diags)
{
	struct validate_state state;
	xmlSchemaValidCtxtPtr vctxt;
	const xmlChar *url;
	int rc;

	memset(&state, 0, sizeof(state));
	state.file = file;
	state.diags = diags;
	vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt)
		return etsi__error_oom();
	xmlSchemaSetValidStructuredErrors(vctxt, on_validate_error, &state);
	/* Without a document URL, libxml2 (2.9) does not walk back through
	 * every preceding sibling of a node to name the file of each error
	 * (looking for XInclude boundaries, which are refused anyway): that
	 * walk made 200 000 errors among 4 000 siblings cost 20 s.  The
	 * diagnostics name the file themselves. */
	url = doc->URL;
	doc->URL = NULL;
	rc = xmlSchemaValidateDoc(vctxt, doc);
	doc->URL = url;
	xmlSchemaFreeValidCtxt(vctxt);
	if (state.failed)
		return etsi__error_oom();
	if (state.unlisted) {
		etsi__where where;

		memset(&where, 0, sizeof(where));
		where.file = file;
		if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, NULL,
		                          "%d more schema errors are not listed; fix the ones "
		                          "above first", state.unlisted) < 0)
			return etsi__error_oom();
	}
	if (rc < 0 && state.errors == 0) {
		/* libxml2 gave up without saying why: some of its allocations
		 * fail silently; its internal errors are reported */
		return etsi__error_oom();
	}
	if (rc != 0 && state.errors == 0) {
		/* libxml2 failed without saying why (an internal error) */
		etsi__where where;

		memset(&where, 0, sizeof(where));
		where.file = file;
		if (etsi__diagnostics_add(diags, ETSI_SEVERITY_ERROR, &where, NULL,
		                          "the schema validator stopped with an internal error") < 0)
			return etsi__error_oom();
		state.errors = 1;
	}
	return state.errors;
}
