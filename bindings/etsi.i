/*
 * libetsi's SWIG interface: one file for every language.
 *
 * The C API is wrapped as classes that own what the C API hands over and
 * borrow what it lends:
 *
 *   Dossier, Catalog, Results    own their C object (freed by the proxy)
 *   Record                       borrowed from its owner; the proxy keeps the
 *                                owner alive, so dropping the Dossier first
 *                                never leaves a dangling record
 *   Diagnostic                   plain values, copied out of the C list
 *
 * Every C failure becomes an exception of the class that matches its
 * ETSI_E* code (Python: etsi.Error and subclasses; Java:
 * org.libetsi.EtsiException and subclasses).  Long calls (load, validate,
 * check, evaluate, report, save) run without the Python GIL.
 *
 * Language sugar lives in the language sections at the end, and in
 * bindings/python/etsi/__init__.py for Python.
 */
%module(package="etsi", docstring="libetsi: EN 303 645 clause 5.3 evidence through the TS 103 701 assessment") core

%feature("autodoc", "2");

%{
#include <stdbool.h>
#include <string.h>
#include <etsi.h>

/* The names SWIG sees: its helper functions are named after them
 * (Dossier_save), so they never collide with the C API (etsi_dossier_save). */
typedef struct etsi_record Record;
typedef struct etsi_dossier Dossier;
typedef struct etsi_catalog Catalog;
typedef struct etsi_results Results;
%}

/* ---- pending errors ---------------------------------------------------
 * A wrapped method records a failure here; the exception handler below
 * turns it into the language's exception after the call returns, with the
 * details of etsi_error_last().
 */
%{
static _Thread_local int etsi_binding_pending;

static void etsi_binding_clear(void) { etsi_binding_pending = 0; }
static int etsi_binding_failed(int code) { etsi_binding_pending = code; return code; }
%}

/* ---- the record kinds as constants (ETSI_KIND_COMPONENT, ...) ---------
 * record.h's functions are reached through the classes below. */
%ignore etsi_kind_name;
%ignore etsi_kind_from_name;
%ignore etsi_kind_field;
%ignore etsi_record_kind;
%ignore etsi_record_key;
%ignore etsi_record_line;
%ignore etsi_record_parent;
%ignore etsi_record_child_count;
%ignore etsi_record_child_at;
%ignore etsi_record_get;
%ignore etsi_record_value_count;
%ignore etsi_record_value_at;
%ignore etsi_record_set;
%ignore etsi_record_add_value;
%ignore etsi_record_remove_value;
%ignore etsi_record;
#define ETSI_EXTERN extern
#define ETSI_BEGIN_DECL
#define ETSI_END_DECL
%include "etsi/record.h"

/* ===================================================================== */
/* Python                                                                */
/* ===================================================================== */
#if defined(SWIGPYTHON)

%{
#define ETSI_NERRORS 13
static PyObject *etsi_error_classes[ETSI_NERRORS];

static const char *etsi_class_name(int code)
{
	switch (code) {
	case ETSI_ENOMEM: return "NoMemoryError";
	case ETSI_EINVALID: return "InvalidError";
	case ETSI_ENOTFOUND: return "NotFoundError";
	case ETSI_EEXISTS: return "ExistsError";
	case ETSI_EIO: return "FileError";
	case ETSI_EPARSE: return "ParseError";
	case ETSI_EVALIDATION: return "ValidationError";
	case ETSI_ELIMIT: return "LimitError";
	case ETSI_EUNSUPPORTED: return "UnsupportedError";
	case ETSI_EREADONLY: return "ReadOnlyError";
	case ETSI_ETRANSFORM: return "TransformError";
	default: return "Error";
	}
}

/* Raises the exception of a code with etsi_error_last()'s details as
 * attributes: code, name, file, line, column. */
static void etsi_py_raise(int code)
{
	const etsi_error *e = etsi_error_last();
	int index = -code;
	PyObject *cls, *exc, *args;

	if (index < 0 || index >= ETSI_NERRORS || !etsi_error_classes[index])
		index = 0;
	cls = etsi_error_classes[index] ? etsi_error_classes[index] : PyExc_RuntimeError;
	if (code == ETSI_ENOMEM && !etsi_error_classes[index]) {
		PyErr_NoMemory();
		return;
	}
	args = Py_BuildValue("(s)", e->code == code ? e->message : etsi_strerror(code));
	exc = args ? PyObject_Call(cls, args, NULL) : NULL;
	Py_XDECREF(args);
	if (!exc)
		return;
	PyObject_SetAttrString(exc, "code", PyLong_FromLong(code));
	PyObject_SetAttrString(exc, "name", PyUnicode_FromString(etsi_error_name(code)
	                                                         ? etsi_error_name(code) : "ERROR"));
	if (e->code == code && e->file)
		PyObject_SetAttrString(exc, "file", PyUnicode_FromString(e->file));
	else
		PyObject_SetAttrString(exc, "file", Py_None);
	PyObject_SetAttrString(exc, "line", PyLong_FromLong(e->code == code ? e->line : 0));
	PyErr_SetObject(cls, exc);
	Py_DECREF(exc);
}
%}

/* Diagnostics of a check, of validation, or of results: a list of tuples
 * (severity, file, line, column, rule, element, reference, message, hint,
 * waived, waiver) built here, so Python holds no pointer into C memory. */
%{
static PyObject *etsi_py_diagnostics(const etsi_diagnostics *list)
{
	PyObject *out = PyList_New(0);
	size_t i;

	for (i = 0; out && i < etsi_diagnostics_count(list); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);
		PyObject *t = Py_BuildValue("(ssiizzzszOz)", etsi_severity_name(d->severity),
		                            d->file, d->line, d->column, d->rule, d->element,
		                            d->reference, d->message, d->hint,
		                            d->waived ? Py_True : Py_False, d->waiver);

		if (!t || PyList_Append(out, t) < 0) {
			Py_XDECREF(t);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(t);
	}
	return out;
}
%}

%init %{
	{
		/* etsi.Error and one subclass per code, also deriving from the
		 * built-in exception Python code expects */
		static const struct { int code; const char *doc; PyObject **base; } table[] = {
			{ ETSI_ENOMEM, "libetsi ran out of memory.", &PyExc_MemoryError },
			{ ETSI_EINVALID, "An argument or a value is invalid.", &PyExc_ValueError },
			{ ETSI_ENOTFOUND, "Something named does not exist.", &PyExc_LookupError },
			{ ETSI_EEXISTS, "A key is already taken.", &PyExc_ValueError },
			{ ETSI_EIO, "A file could not be read or written.", &PyExc_OSError },
			{ ETSI_EPARSE, "A document is not well-formed or uses a refused construct.", NULL },
			{ ETSI_EVALIDATION, "A document does not conform to its schema.", NULL },
			{ ETSI_ELIMIT, "An input exceeds a safety limit.", NULL },
			{ ETSI_EUNSUPPORTED, "An edition or format version is not supported.", NULL },
			{ ETSI_EREADONLY, "An object cannot be modified.", NULL },
			{ ETSI_ETRANSFORM, "A report transformation failed.", NULL },
		};
		PyObject *base = PyErr_NewExceptionWithDoc("etsi.core.Error",
			"Base class of libetsi's errors: code, name, file and line say what and where.",
			NULL, NULL);
		size_t i;

		if (base) {
			etsi_error_classes[0] = base;
			etsi_error_classes[1] = base;
			PyModule_AddObject(m, "Error", base);
			Py_INCREF(base);
		}
		for (i = 0; base && i < sizeof(table) / sizeof(table[0]); i++) {
			char qualified[64];
			const char *name = etsi_class_name(table[i].code);
			PyObject *bases = table[i].base
			                  ? PyTuple_Pack(2, base, *table[i].base)
			                  : PyTuple_Pack(1, base);
			PyObject *cls;

			snprintf(qualified, sizeof(qualified), "etsi.core.%s", name);
			cls = bases ? PyErr_NewExceptionWithDoc(qualified, table[i].doc, bases, NULL) : NULL;
			Py_XDECREF(bases);
			if (!cls)
				continue;
			etsi_error_classes[-table[i].code] = cls;
			Py_INCREF(cls);
			PyModule_AddObject(m, name, cls);
		}
	}
	etsi_init();
%}

%exception {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending) {
		etsi_py_raise(etsi_binding_pending);
		SWIG_fail;
	}
}

/* The long calls run without the GIL: they touch no Python object. */
%define ETSI_NOGIL(name)
%exception name {
	etsi_binding_clear();
	Py_BEGIN_ALLOW_THREADS
	$action
	Py_END_ALLOW_THREADS
	if (etsi_binding_pending) {
		etsi_py_raise(etsi_binding_pending);
		SWIG_fail;
	}
}
%enddef
ETSI_NOGIL(Dossier::load)
ETSI_NOGIL(Dossier::load_memory)
ETSI_NOGIL(Dossier::evaluate)
ETSI_NOGIL(Dossier::report)
ETSI_NOGIL(Dossier::save)

/* Owned strings (char *) are returned as str and freed. */
%typemap(newfree) char * "etsi_free($1);";

#endif /* SWIGPYTHON */

/* ===================================================================== */
/* Java                                                                  */
/* ===================================================================== */
#if defined(SWIGJAVA)

%{
static void etsi_java_throw(JNIEnv *jenv, int code)
{
	const etsi_error *e = etsi_error_last();
	const char *name = etsi_error_name(code);
	char cls[96];
	jclass c;

	snprintf(cls, sizeof(cls), "org/libetsi/EtsiException$%s",
	         code == ETSI_ENOMEM ? "NoMemory" : code == ETSI_EINVALID ? "Invalid"
	         : code == ETSI_ENOTFOUND ? "NotFound" : code == ETSI_EEXISTS ? "Exists"
	         : code == ETSI_EIO ? "IO" : code == ETSI_EPARSE ? "Parse"
	         : code == ETSI_EVALIDATION ? "Validation" : code == ETSI_ELIMIT ? "Limit"
	         : code == ETSI_EUNSUPPORTED ? "Unsupported" : code == ETSI_EREADONLY ? "ReadOnly"
	         : code == ETSI_ETRANSFORM ? "Transform" : "Other");
	(void)name;
	c = (*jenv)->FindClass(jenv, cls);
	if (!c) {
		(*jenv)->ExceptionClear(jenv);
		c = (*jenv)->FindClass(jenv, "java/lang/RuntimeException");
	}
	if (c) {
		char message[1200];

		if (e->code == code && e->file && e->line)
			snprintf(message, sizeof(message), "%s:%d: %s", e->file, e->line, e->message);
		else if (e->code == code && e->file)
			snprintf(message, sizeof(message), "%s: %s", e->file, e->message);
		else
			snprintf(message, sizeof(message), "%s",
			         e->code == code ? e->message : etsi_strerror(code));
		(*jenv)->ThrowNew(jenv, c, message);
	}
}
%}

%exception {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending) {
		etsi_java_throw(jenv, etsi_binding_pending);
		return $null;
	}
}

%typemap(newfree) char * "etsi_free($1);";

#endif /* SWIGJAVA */

/* ===================================================================== */
/* The classes                                                           */
/* ===================================================================== */

%newobject Dossier::load;
%newobject Dossier::load_memory;
%newobject Dossier::create;
%newobject Dossier::to_xml;
%newobject Dossier::report;
%newobject Dossier::evaluate;
%newobject Catalog::open;
%newobject Catalog::to_xml;
%newobject Results::write;

/* The C structs are opaque to SWIG: it sees them only through %extend,
 * and only libetsi creates them. */
%nodefaultctor Record;
%nodefaultdtor Record;
%nodefaultctor Dossier;
%nodefaultctor Catalog;
%nodefaultctor Results;
typedef struct {} Record;
typedef struct {} Dossier;
typedef struct {} Catalog;
typedef struct {} Results;

/* ---- Record: borrowed from its owner ---------------------------------- */

%extend Record {
	/** The record's kind, an ETSI_KIND_* value. */
	int kind_id() { return (int)etsi_record_kind($self); }
	/** The record's kind name ("component", "ics-entry", ...). */
	const char *kind_name() { return etsi_kind_name(etsi_record_kind($self)); }
	/** The record's key (id, provision, test case or name), or None. */
	const char *key() { return etsi_record_key($self); }
	/** The line of the record's element in its document, or 0. */
	int line() { return etsi_record_line($self); }
	/** The record this one belongs to, or None. */
	Record *parent() { return etsi_record_parent($self); }
	/** How many records belong to this one. */
	size_t child_count() { return etsi_record_child_count($self); }
	/** Child i, or None. */
	Record *child_at(size_t i) { return etsi_record_child_at($self, i); }
	/** A field's (first) value, or None when absent. */
	const char *get(const char *field) { return etsi_record_get($self, field); }
	/** How many values a field has. */
	size_t value_count(const char *field) { return etsi_record_value_count($self, field); }
	/** Value i of a field, or None. */
	const char *value_at(const char *field, size_t i) { return etsi_record_value_at($self, field, i); }
	/** Sets a field (None removes it); checks type and references. */
	void set(const char *field, const char *value) {
		int rc = etsi_record_set($self, field, value);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** Appends a value to a list field. */
	void add_value(const char *field, const char *value) {
		int rc = etsi_record_add_value($self, field, value);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** Removes a value from a list field. */
	void remove_value(const char *field, const char *value) {
		int rc = etsi_record_remove_value($self, field, value);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** Identity of the underlying record, for equality and hashing. */
	size_t address() { return (size_t)$self; }
}

/* ---- Catalog ---------------------------------------------------------- */

%extend Catalog {
	/** Opens the catalogs of an EN 303 645 edition (None: the latest). */
	static Catalog *open(const char *edition = NULL, const char *data_dir = NULL,
	                          const char *ts_edition = NULL) {
		etsi_catalog_options opts = ETSI_CATALOG_OPTIONS_INIT;
		Catalog *cat = NULL;
		int rc;

		opts.data_dir = data_dir;
		opts.ts_edition = ts_edition;
		rc = etsi_catalog_open(&cat, edition, &opts);
		if (rc < 0)
			etsi_binding_failed(rc);
		return cat;
	}
	~Catalog() { etsi_catalog_free($self); }
	/** The EN 303 645 edition. */
	const char *edition() { return etsi_catalog_edition($self); }
	/** The TS 103 701 edition paired with it. */
	const char *ts_edition() { return etsi_catalog_ts_edition($self); }
	/** How many records of a kind. */
	size_t count(int kind) { return etsi_catalog_count($self, (etsi_kind)kind); }
	/** Record i of a kind, or None. */
	Record *at(int kind, size_t i) { return etsi_catalog_at($self, (etsi_kind)kind, i); }
	/** The record of a kind with a key, or None. */
	Record *find(int kind, const char *key) {
		return etsi_catalog_find($self, (etsi_kind)kind, key);
	}
	/** Both catalogs as one XML document. */
	char *to_xml() {
		char *out = NULL;
		int rc = etsi_catalog_write(&out, NULL, $self);
		if (rc < 0)
			etsi_binding_failed(rc);
		return out;
	}
}

/* ---- Results ---------------------------------------------------------- */

%extend Results {
	~Results() { etsi_results_free($self); }
	/** How many records of a result kind. */
	size_t count(int kind) { return etsi_results_count($self, (etsi_kind)kind); }
	/** Record i of a result kind, or None. */
	Record *at(int kind, size_t i) { return etsi_results_at($self, (etsi_kind)kind, i); }
	/** The record of a result kind with a key (the summary: any key). */
	Record *find(int kind, const char *key) {
		return etsi_results_find($self, (etsi_kind)kind, key);
	}
	/** The clause 5.3 outcome: "PASS", "FAIL", "INCONCLUSIVE", ... */
	const char *overall() { return etsi_outcome_name(etsi_results_overall($self)); }
	/** True when every release-gate step is complete. */
	bool ready() { return etsi_results_ready($self) != 0; }
	/** Number of findings. */
	size_t finding_count() { return etsi_diagnostics_count(etsi_results_findings($self)); }
	/** Writes a part ("findings", "plan", "outcomes", "gate", "all") in a format. */
	char *write(const char *part, const char *format) {
		char *out = NULL;
		int rc = etsi_results_write(&out, NULL, $self, part, format);
		if (rc < 0)
			etsi_binding_failed(rc);
		return out;
	}
}

/* ---- Dossier ---------------------------------------------------------- */

%extend Dossier {
	/** Loads a dossier from a file (validated unless validate is false). */
	static Dossier *load(const char *path, bool validate = true, size_t max_size = 0,
	                          unsigned int max_depth = 0, const char *data_dir = NULL) {
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		Dossier *d = NULL;
		int rc;

		opts.flags = validate ? 0 : ETSI_LOAD_NO_VALIDATE;
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.data_dir = data_dir;
		rc = etsi_dossier_load(&d, path, &opts);
		if (rc < 0)
			etsi_binding_failed(rc);
		return d;
	}
	/** Loads a dossier from a string. */
	static Dossier *load_memory(const char *data, size_t len, const char *name = NULL,
	                                 bool validate = true, const char *data_dir = NULL) {
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		Dossier *d = NULL;
		int rc;

		opts.flags = validate ? 0 : ETSI_LOAD_NO_VALIDATE;
		opts.data_dir = data_dir;
		rc = etsi_dossier_load_memory(&d, data, len, name, &opts);
		if (rc < 0)
			etsi_binding_failed(rc);
		return d;
	}
	/** Creates a skeleton dossier for a model, a release and an edition. */
	static Dossier *create(const char *model, const char *release,
	                            const char *edition = NULL, const char *manufacturer = NULL,
	                            const char *ts_edition = NULL, const char *data_dir = NULL) {
		etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
		Dossier *d = NULL;
		int rc;

		opts.model = model;
		opts.release = release;
		opts.edition = edition;
		opts.manufacturer = manufacturer;
		opts.ts_edition = ts_edition;
		opts.data_dir = data_dir;
		rc = etsi_dossier_new(&d, &opts);
		if (rc < 0)
			etsi_binding_failed(rc);
		return d;
	}
	~Dossier() { etsi_dossier_free($self); }
	/** The file the dossier was loaded from or saved to, or None. */
	const char *path() { return etsi_dossier_path($self); }
	/** The catalog of the dossier's editions (borrowed). */
	Catalog *_catalog() { return etsi_dossier_catalog($self); }
	/** How many records of a kind. */
	size_t count(int kind) { return etsi_dossier_count($self, (etsi_kind)kind); }
	/** Record i of a kind, or None. */
	Record *at(int kind, size_t i) { return etsi_dossier_at($self, (etsi_kind)kind, i); }
	/** The record of a kind with a key, or None. */
	Record *find(int kind, const char *key) {
		return etsi_dossier_find($self, (etsi_kind)kind, key);
	}
	/** Removes a record. */
	void remove(Record *record) {
		int rc = etsi_dossier_remove($self, record);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** Sets the ICS support and detail of a provision. */
	void set_ics(const char *provision, const char *support, const char *detail = NULL) {
		int rc = etsi_dossier_set_ics($self, provision, support, detail);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** Records the verdict of a test case (replacing an earlier one). */
	Record *set_verdict(const char *test_case, const char *result, const char *by,
	                         const char *date, const char *note = NULL) {
		Record *r = NULL;
		int rc = etsi_dossier_set_verdict(&r, $self, test_case, result, by, date, note);
		if (rc < 0)
			etsi_binding_failed(rc);
		return r;
	}
	/** Saves atomically (None: the file it came from). */
	void save(const char *path = NULL) {
		int rc = etsi_dossier_save($self, path);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
	/** The dossier as indented UTF-8 XML. */
	char *to_xml() {
		char *out = NULL;
		int rc = etsi_dossier_write(&out, NULL, $self);
		if (rc < 0)
			etsi_binding_failed(rc);
		return out;
	}
	/** Evaluates: findings, plan, outcomes and gate. */
	Results *evaluate(const char *as_of = NULL) {
		etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
		Results *r = NULL;
		int rc;

		opts.as_of = as_of;
		rc = etsi_dossier_evaluate(&r, $self, &opts);
		if (rc < 0 && rc != ETSI_EVALIDATION)
			etsi_binding_failed(rc);
		return r;
	}
	/** Renders a report (format html, public, ics-csv, plan-csv, evidence-csv, md, input). */
	char *report(const char *format = NULL, const char *stylesheet = NULL,
	             const char *date = NULL, const char *as_of = NULL) {
		etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
		char *out = NULL;
		int rc;

		opts.format = format;
		opts.stylesheet = stylesheet;
		opts.date = date;
		opts.as_of = as_of;
		rc = etsi_dossier_report(&out, NULL, $self, &opts);
		if (rc < 0)
			etsi_binding_failed(rc);
		return out;
	}
	/** Stores the evaluated test plan in the dossier. */
	void store_plan(Results *results, const char *date = NULL) {
		int rc = etsi_dossier_store_plan($self, results, date);
		if (rc < 0)
			etsi_binding_failed(rc);
	}
}

/* ---- adding records: fields as a flat list name, value, ... ----------- */

%{
static Record *etsi_binding_add(Dossier *d, Record *parent, int kind,
                                     const char *const *pairs)
{
	Record *r = NULL;
	int rc = etsi_dossier_add(&r, d, parent, (etsi_kind)kind, pairs);

	if (rc < 0)
		etsi_binding_failed(rc);
	return r;
}

%}

#if defined(SWIGPYTHON)

/* A Python list of str becomes a NULL-terminated const char *const *. */
%typemap(in) const char *const *pairs (PyObject *seq = NULL, const char **array = NULL) {
	Py_ssize_t n, i;

	seq = PySequence_Fast($input, "fields must be a sequence of strings");
	if (!seq)
		SWIG_fail;
	n = PySequence_Fast_GET_SIZE(seq);
	array = (const char **)calloc((size_t)n + 1, sizeof(*array));
	if (!array) {
		PyErr_NoMemory();
		SWIG_fail;
	}
	for (i = 0; i < n; i++) {
		PyObject *item = PySequence_Fast_GET_ITEM(seq, i);

		if (!PyUnicode_Check(item)) {
			PyErr_SetString(PyExc_TypeError, "field names and values must be str");
			SWIG_fail;
		}
		array[i] = PyUnicode_AsUTF8(item);
		if (!array[i])
			SWIG_fail;
	}
	$1 = ($1_ltype)array;
}
%typemap(freearg) const char *const *pairs {
	free((void *)array$argnum);
	Py_XDECREF(seq$argnum);
}

%inline %{
Record *_dossier_add(Dossier *d, Record *parent, int kind,
                          const char *const *pairs)
{
	return etsi_binding_add(d, parent, kind, pairs);
}
%}

%extend Dossier {
	/* validation: (valid, diagnostics) */
	PyObject *_validate() {
		etsi_diagnostics *list = NULL;
		int rc;
		PyObject *result;

		Py_BEGIN_ALLOW_THREADS
		rc = etsi_dossier_validate(&list, $self);
		Py_END_ALLOW_THREADS
		if (rc < 0 && rc != ETSI_EVALIDATION) {
			etsi_binding_failed(rc);
			return NULL;
		}
		result = etsi_py_diagnostics(list);
		etsi_diagnostics_free(list);
		return result;
	}
	PyObject *_check(const char *as_of = NULL) {
		etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
		etsi_diagnostics *list = NULL;
		int rc;
		PyObject *result;

		opts.as_of = as_of;
		Py_BEGIN_ALLOW_THREADS
		rc = etsi_dossier_check(&list, $self, &opts);
		Py_END_ALLOW_THREADS
		if (rc < 0 && rc != ETSI_EVALIDATION) {
			etsi_binding_failed(rc);
			return NULL;
		}
		result = etsi_py_diagnostics(list);
		etsi_diagnostics_free(list);
		return result;
	}
}
/* these two release the GIL themselves, around the C call only */
%exception Dossier::_validate {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending) {
		etsi_py_raise(etsi_binding_pending);
		SWIG_fail;
	}
	if (!result)
		SWIG_fail;
}
%exception Dossier::_check {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending) {
		etsi_py_raise(etsi_binding_pending);
		SWIG_fail;
	}
	if (!result)
		SWIG_fail;
}

%extend Results {
	PyObject *_findings() { return etsi_py_diagnostics(etsi_results_findings($self)); }
}

%inline %{
/** The rules of the check engine, as tuples (id, severity, layer, step, summary, hint). */
PyObject *rules()
{
	PyObject *out = PyList_New(0);
	const etsi_rule *r;
	size_t i;

	for (i = 0; out && (r = etsi_rule_at(i)); i++) {
		PyObject *t = Py_BuildValue("(ssssss)", r->id, etsi_severity_name(r->severity),
		                            r->layer, r->step, r->summary, r->hint);

		if (!t || PyList_Append(out, t) < 0) {
			Py_XDECREF(t);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(t);
	}
	return out;
}

/** Field names of a kind, in document order. */
PyObject *kind_fields(int kind)
{
	PyObject *out = PyList_New(0);
	const char *f;
	size_t i;

	for (i = 0; out && (f = etsi_kind_field((etsi_kind)kind, i)); i++) {
		PyObject *s = PyUnicode_FromString(f);

		if (!s || PyList_Append(out, s) < 0) {
			Py_XDECREF(s);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(s);
	}
	return out;
}

/** The kind with a name, or -1. */
int kind_from_name(const char *name)
{
	etsi_kind k;

	return etsi_kind_from_name(&k, name) == 0 ? (int)k : -1;
}

/** The name of a kind, or None. */
const char *kind_name(int kind) { return etsi_kind_name((etsi_kind)kind); }

/** The library's version string. */
const char *version() { return etsi_version_string(); }

/** The built-in EN 303 645 editions. */
PyObject *builtin_editions()
{
	PyObject *out = PyList_New(0);
	const char *e;
	size_t i;

	for (i = 0; out && (e = etsi_catalog_builtin_edition(i)); i++) {
		PyObject *s = PyUnicode_FromString(e);

		if (!s || PyList_Append(out, s) < 0) {
			Py_XDECREF(s);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(s);
	}
	return out;
}

/** The built-in report formats. */
PyObject *report_formats()
{
	PyObject *out = PyList_New(0);
	const char *f;
	size_t i;

	for (i = 0; out && (f = etsi_report_format_at(i)); i++) {
		PyObject *s = PyUnicode_FromString(f);

		if (!s || PyList_Append(out, s) < 0) {
			Py_XDECREF(s);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(s);
	}
	return out;
}

/** Writes a file atomically. */
void write_file(const char *path, const char *data, size_t len)
{
	int rc = etsi_file_write(path, data, len);

	if (rc < 0)
		etsi_binding_failed(rc);
}
%}

#endif /* SWIGPYTHON */
