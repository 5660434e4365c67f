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
 * org.libetsi.EtsiException and subclasses), generated from the C error
 * table by scripts/gen-binding-errors.py.  Long calls (load, validate,
 * check, evaluate, report, save) run without the Python GIL.
 *
 * The layout (docs/bindings.md, "Adding a C function"):
 *
 *   1. what both languages share: the pending error, the helpers
 *   2. each language's conversions, as one typemap per kind of value:
 *        etsi_status             a result code: nothing, or the exception
 *        char *, Dossier *, ...  an owned result (%newobject): freed, or
 *                                owned by the proxy
 *        etsi_diagnostics *      a diagnostic list, converted and freed
 *                                (const: borrowed, converted only)
 *        etsi_strings            a list of strings
 *   3. the classes and functions, written once for both languages
 *      (ETSI_RECORDS makes the count/at/find triple of an owner)
 *   4. what only one language has (callbacks, tuples, Java arrays)
 *
 * Language sugar lives in bindings/python/etsi/__init__.py and in the
 * handwritten classes of bindings/java.
 */
%module(package="etsi", docstring="libetsi: EN 303 645 clause 5.3 evidence through the TS 103 701 assessment") core

%feature("autodoc", "2");

%{
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <etsi.h>

/* The names SWIG sees: its helper functions are named after them
 * (Dossier_save), so they never collide with the C API (etsi_dossier_save). */
typedef struct etsi_record Record;
typedef struct etsi_dossier Dossier;
typedef struct etsi_catalog Catalog;
typedef struct etsi_results Results;
%}

/* ===================================================================== */
/* 1. Shared                                                             */
/* ===================================================================== */

/* ---- pending errors ---------------------------------------------------
 * A wrapped function that returns something else than its result code
 * records a failure here; the exception handler of each language turns it
 * into the language's exception after the call returns, with the details
 * of etsi_error_last().
 */
%{
static _Thread_local int etsi_binding_pending;

static void etsi_binding_clear(void) { etsi_binding_pending = 0; }

/* Records a failure: a negative code (0 and above are success). */
static int etsi_binding_failed(int code)
{
	if (code < 0)
		etsi_binding_pending = code;
	return code;
}

/* A result code, turned into the exception of its class by the etsi_status
 * typemap of each language. */
typedef int etsi_status;

/* The diagnostic list a call made (*list: read after the call, whatever
 * the order C evaluates the arguments in), or NULL with its failure
 * recorded; tolerated: a failure that still gives the list
 * (ETSI_EVALIDATION), or 0. */
static etsi_diagnostics *etsi_binding_list(int rc, etsi_diagnostics **list, int tolerated)
{
	if (rc < 0 && rc != tolerated) {
		etsi_diagnostics_free(*list);
		etsi_binding_failed(rc);
		return NULL;
	}
	return *list;
}

/* A list of strings, borrowed from libetsi, that the etsi_strings typemap
 * of each language copies at once and frees (items only). */
typedef struct etsi_strings {
	const char **items;
	size_t count;
} etsi_strings;

/* The values nth(ctx, 0), nth(ctx, 1), ... up to the first NULL. */
typedef const char *(*etsi_binding_nth)(const void *ctx, size_t i);

static etsi_strings etsi_binding_strings(etsi_binding_nth nth, const void *ctx)
{
	etsi_strings out = { NULL, 0 };
	size_t n = 0, i;

	while (nth(ctx, n))
		n++;
	out.items = (const char **)malloc((n ? n : 1) * sizeof(*out.items));
	if (!out.items) {
		etsi_binding_failed(ETSI_ENOMEM);
		return out;
	}
	for (i = 0; i < n; i++)
		out.items[i] = nth(ctx, i);
	out.count = n;
	return out;
}

static const char *etsi_binding_nth_edition(const void *ctx, size_t i)
{
	(void)ctx;
	return etsi_catalog_builtin_edition(i);
}

static const char *etsi_binding_nth_format(const void *ctx, size_t i)
{
	(void)ctx;
	return etsi_report_format_at(i);
}

static const char *etsi_binding_nth_export(const void *ctx, size_t i)
{
	(void)ctx;
	return etsi_export_format_at(i);
}

static const char *etsi_binding_nth_import(const void *ctx, size_t i)
{
	(void)ctx;
	return etsi_import_format_at(i);
}

static const char *etsi_binding_nth_field(const void *ctx, size_t i)
{
	return etsi_kind_field(*(const etsi_kind *)ctx, i);
}

struct etsi_binding_values {
	const Record *record;
	const char *field;
};

static const char *etsi_binding_nth_value(const void *ctx, size_t i)
{
	const struct etsi_binding_values *v = (const struct etsi_binding_values *)ctx;

	return etsi_record_value_at(v->record, v->field, i);
}
%}
typedef int etsi_status;

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
#if defined(SWIGJAVA)
/* Java names kinds by their strings ("component"), as Python does. */
%ignore etsi_kind;
#endif
#define ETSI_EXTERN extern
#define ETSI_BEGIN_DECL
#define ETSI_END_DECL
%include "etsi/record.h"

/* ===================================================================== */
/* 2. Python: the exceptions, the conversions, one typemap a kind         */
/* ===================================================================== */
#if defined(SWIGPYTHON)

%{
#include <errno.h>
#include <unistd.h>   /* access(): Python.h, included first, asks for POSIX */

/* the classes of the codes (ETSI_BINDING_ERRORS), generated from the C
 * error table by scripts/gen-binding-errors.py; one slot a code, index -code */
#include "etsi_binding_errors.h"
#define ETSI_NERRORS (-ETSI__ERROR_LAST)
static PyObject *etsi_error_classes[ETSI_NERRORS];
/* etsi.MissingFileError: a FileError that is also FileNotFoundError */
static PyObject *etsi_missing_file_class;

/* Makes the class of a code, etsi.core.NAME, deriving from etsi.Error and
 * the built-in exception Python code expects (base, or none), adds it to
 * the module and appends (class, code, name) to errors; NULL on failure. */
static PyObject *etsi_py_error_class(PyObject *m, PyObject *errors, int code,
                                     const char *name, const char *doc, PyObject *base)
{
	char qualified[64];
	PyObject *bases = base ? PyTuple_Pack(2, etsi_error_classes[1], base)
	                       : PyTuple_Pack(1, etsi_error_classes[1]);
	PyObject *cls, *entry;

	snprintf(qualified, sizeof(qualified), "etsi.core.%s", name);
	cls = bases ? PyErr_NewExceptionWithDoc(qualified, doc, bases, NULL) : NULL;
	Py_XDECREF(bases);
	if (!cls)
		return NULL;
	entry = Py_BuildValue("(Ois)", cls, code, etsi_error_name(code) ? etsi_error_name(code) : "ERROR");
	if (!entry || PyList_Append(errors, entry) < 0 || PyModule_AddObjectRef(m, name, cls) < 0) {
		Py_XDECREF(entry);
		Py_DECREF(cls);
		return NULL;
	}
	Py_DECREF(entry);
	return cls;
}

static void etsi_py_set(PyObject *obj, const char *name, PyObject *value)
{
	if (value) {
		PyObject_SetAttrString(obj, name, value);
		Py_DECREF(value);
	}
}

/* Raises the exception of a code with etsi_error_last()'s details as
 * attributes: code, name, file, line, column. */
static void etsi_py_raise(int code)
{
	const etsi_error *e = etsi_error_last();
	int index = -code;
	PyObject *cls, *exc, *args;
	int missing;

	if (index < 0 || index >= ETSI_NERRORS || !etsi_error_classes[index])
		index = 0;
	cls = etsi_error_classes[index] ? etsi_error_classes[index] : PyExc_RuntimeError;
	if (code == ETSI_ENOMEM && !etsi_error_classes[index]) {
		PyErr_NoMemory();
		return;
	}
	/* a file that does not exist: FileNotFoundError too, with errno and
	 * filename, as Python's own open() raises it */
	missing = code == ETSI_EIO && e->code == code && e->file && etsi_missing_file_class &&
	          access(e->file, F_OK) != 0 && errno == ENOENT;
	if (missing)
		cls = etsi_missing_file_class;
	args = Py_BuildValue("(s)", e->code == code ? e->message : etsi_strerror(code));
	exc = args ? PyObject_Call(cls, args, NULL) : NULL;
	Py_XDECREF(args);
	if (!exc)
		return;
	/* each attribute value is a new reference, released once set */
	etsi_py_set(exc, "code", PyLong_FromLong(code));
	etsi_py_set(exc, "name", PyUnicode_FromString(etsi_error_name(code)
	                                              ? etsi_error_name(code) : "ERROR"));
	if (e->code == code && e->file)
		etsi_py_set(exc, "file", PyUnicode_FromString(e->file));
	else
		etsi_py_set(exc, "file", Py_NewRef(Py_None));
	etsi_py_set(exc, "line", PyLong_FromLong(e->code == code ? e->line : 0));
	etsi_py_set(exc, "column", PyLong_FromLong(e->code == code ? e->column : 0));
	if (missing) {
		etsi_py_set(exc, "errno", PyLong_FromLong(ENOENT));
		etsi_py_set(exc, "strerror", PyUnicode_FromString(strerror(ENOENT)));
		etsi_py_set(exc, "filename", PyUnicode_DecodeFSDefault(e->file));
	}
	PyErr_SetObject(cls, exc);
	Py_DECREF(exc);
}
%}

/* Diagnostics of a check, of validation, or of results: a list of tuples
 * (severity, file, line, column, rule, element, reference, message, hint,
 * waived, waiver, claim, fact, fact_line, id, caused_by, occurrences)
 * built here, so Python holds no pointer into C memory; the occurrences a
 * list of (line, element, reference, message, claim), as many as count.  The
 * order is etsi.Diagnostic's. */
%{
static PyObject *etsi_py_occurrences(const etsi_diagnostic *d)
{
	PyObject *out = PyList_New(0);
	size_t k;

	for (k = 0; out && k < d->count; k++) {
		const etsi_occurrence *o = &d->occurrences[k];
		PyObject *t = Py_BuildValue("(izzsz)", o->line, o->element, o->reference, o->message,
		                            o->claim);

		if (!t || PyList_Append(out, t) < 0) {
			Py_XDECREF(t);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(t);
	}
	return out;
}

static PyObject *etsi_py_diagnostics(const etsi_diagnostics *list)
{
	PyObject *out = PyList_New(0);
	size_t i;

	for (i = 0; out && i < etsi_diagnostics_count(list); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);
		PyObject *occurrences = etsi_py_occurrences(d);
		PyObject *t = occurrences ?
			Py_BuildValue("(ssiizzzszOzzzizzN)", etsi_severity_name(d->severity),
			              d->file, d->line, d->column, d->rule, d->element,
			              d->reference, d->message, d->hint,
			              d->waived ? Py_True : Py_False, d->waiver, d->claim,
			              d->fact, d->fact_line, d->id, d->caused_by, occurrences) : NULL;

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
		/* etsi.Error and one subclass per code; _ERRORS lists them with
		 * their codes and names for etsi/__init__.py */
		PyObject *errors = PyList_New(0);
		PyObject *base = errors ? PyErr_NewExceptionWithDoc("etsi.core.Error",
			ETSI_BINDING_BASE_DOC, NULL, NULL) : NULL;
		PyObject *entry = base ? Py_BuildValue("(Ois)", base, ETSI_ERROR, "ERROR") : NULL;

		if (entry && PyList_Append(errors, entry) == 0 &&
		    PyModule_AddObjectRef(m, "Error", base) == 0) {
			etsi_error_classes[0] = base;
			etsi_error_classes[1] = base;
#define ETSI_BINDING_ERROR(code, name, doc, builtin) \
			if (-(code) < ETSI_NERRORS) \
				etsi_error_classes[-(code)] = etsi_py_error_class(m, errors, code, name, doc, \
				                                                  builtin);
			ETSI_BINDING_ERRORS(ETSI_BINDING_ERROR)
#undef ETSI_BINDING_ERROR
		}
		Py_XDECREF(entry);
		if (base && etsi_error_classes[-ETSI_EIO]) {
			PyObject *bases = PyTuple_Pack(2, etsi_error_classes[-ETSI_EIO],
			                               PyExc_FileNotFoundError);
			PyObject *cls = bases ? PyErr_NewExceptionWithDoc("etsi.core.MissingFileError",
				"A file or directory does not exist (errno ENOENT, filename).",
				bases, NULL) : NULL;

			Py_XDECREF(bases);
			entry = cls ? Py_BuildValue("(Ois)", cls, ETSI_EIO, "EIO") : NULL;
			if (entry && PyList_Append(errors, entry) == 0 &&
			    PyModule_AddObjectRef(m, "MissingFileError", cls) == 0)
				etsi_missing_file_class = cls;
			Py_XDECREF(entry);
		}
		if (errors) {
			PyObject *t = PyList_AsTuple(errors);

			if (t)
				PyModule_AddObject(m, "_ERRORS", t);
			Py_DECREF(errors);
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

/* A document or file content: bytes (any encoding the XML declares), or
 * str (sent as UTF-8); the length travels with it. */
%typemap(in) (const char *data, size_t len) (Py_buffer view, int have_view = 0) {
	if (PyUnicode_Check($input)) {
		Py_ssize_t n;

		$1 = (char *)PyUnicode_AsUTF8AndSize($input, &n);
		if (!$1)
			SWIG_fail;
		$2 = (size_t)n;
	} else if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) == 0) {
		have_view = 1;
		$1 = (char *)view.buf;
		$2 = (size_t)view.len;
	} else {
		SWIG_fail;
	}
}
%typemap(freearg) (const char *data, size_t len) {
	if (have_view$argnum)
		PyBuffer_Release(&view$argnum);
}
%typemap(typecheck) (const char *data, size_t len) {
	$1 = PyUnicode_Check($input) || PyObject_CheckBuffer($input);
}


/* ---- one typemap a kind of value --------------------------------------- */

%{
/* A list of str from a list of strings; NULL with the exception set. */
static PyObject *etsi_py_strings(const etsi_strings *s)
{
	PyObject *out = PyList_New((Py_ssize_t)s->count);
	size_t i;

	for (i = 0; out && i < s->count; i++) {
		PyObject *item = PyUnicode_FromString(s->items[i]);

		if (!item) {
			Py_CLEAR(out);
			break;
		}
		PyList_SET_ITEM(out, (Py_ssize_t)i, item);
	}
	return out;
}
%}

/* A result code: None, or the exception of its class. */
%typemap(out) etsi_status {
	if ($1 < 0) {
		etsi_py_raise($1);
		SWIG_fail;
	}
	$result = SWIG_Py_Void();
}

/* A diagnostic list: a list of tuples (etsi_py_diagnostics); the C list is
 * freed, unless it is borrowed (const). */
%typemap(out) etsi_diagnostics * {
	$result = etsi_py_diagnostics($1);
	etsi_diagnostics_free($1);
	if (!$result)
		SWIG_fail;
}
%typemap(out) const etsi_diagnostics * {
	$result = etsi_py_diagnostics($1);
	if (!$result)
		SWIG_fail;
}

/* A list of strings: a list of str. */
%typemap(out) etsi_strings {
	$result = etsi_py_strings(&$1);
	free((void *)$1.items);
	if (!$result)
		SWIG_fail;
}


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

#endif /* SWIGPYTHON */

/* ===================================================================== */
/* 2. Java: the exceptions, the conversions, one typemap a kind           */
/* ===================================================================== */
#if defined(SWIGJAVA)

/* The generated classes are the binding's internals: package-private,
 * named Native*, so that Dossier, Catalog, Results and Record are the
 * handwritten public classes of bindings/java (org.libetsi), which add the
 * Java idioms as bindings/python/etsi/__init__.py adds Python's.  The module
 * class keeps SWIG's name (core, coreJNI): UseSWIG declares those outputs. */
%rename(NativeRecord) Record;
%rename(NativeDossier) Dossier;
%rename(NativeCatalog) Catalog;
%rename(NativeResults) Results;
%typemap(javaclassmodifiers) SWIGTYPE "final class"
%pragma(java) moduleclassmodifiers="final class"
%pragma(java) jniclassclassmodifiers="final class"
%pragma(java) jniclasscode=%{
  static {
    NativeLibrary.load();
    int rc = java_init();
    if (rc < 0)
      throw new ExceptionInInitializerError("etsi_init() failed with code " + rc);
  }
%}

/* No finalize(): the public classes free owned objects with a
 * java.lang.ref.Cleaner registered on the proxy (see RecordOwner.java).
 * A borrowed proxy (a record, a dossier's catalog) holds its owner's proxy
 * in swigOwner, and SWIG passes a proxy to every native call it makes, so
 * an owner is never freed while a call on one of its records runs. */
%typemap(javafinalize) SWIGTYPE ""
%typemap(javacode) Record %{
  /** The proxy of the Dossier, Catalog or Results this record belongs to. */
  Object swigOwner;
%}
%typemap(javacode) Catalog %{
  /** The proxy of the dossier a borrowed catalog belongs to, or null. */
  Object swigOwner;
%}

/* ---- strings: UTF-8 both ways ----------------------------------------
 * JNI's NewStringUTF and GetStringUTFChars speak "modified UTF-8", which
 * differs from UTF-8 for NUL and for every character outside the BMP: an
 * emoji or a CJK Extension B name in a dossier would be mangled.  These
 * convert real UTF-8 (libetsi's and libxml2's encoding) to and from the
 * UTF-16 of java.lang.String. */
%{
#include <stdlib.h>

static void etsi_java_throw_details(JNIEnv *jenv, int code, const char *name,
                                    const char *message, const char *file, int line,
                                    int column);

/* A Java string from UTF-8; NULL gives null.  Malformed bytes (libetsi
 * never hands any out) become U+FFFD. */
static jstring etsi_java_string(JNIEnv *jenv, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	size_t n;
	jchar *buf;
	jsize k = 0;
	jstring out;

	if (!s)
		return NULL;
	n = strlen(s);
	end = p + n;
	while (p < end && *p < 0x80)
		p++;
	if (p == end)          /* ASCII: modified UTF-8 and UTF-8 agree */
		return (*jenv)->NewStringUTF(jenv, s);
	if (n > 0x7ffffffe) {
		etsi_java_throw_details(jenv, ETSI_ELIMIT, "ELIMIT",
		                        "a string from libetsi is too long for Java", NULL, 0, 0);
		return NULL;
	}
	/* one UTF-16 unit per byte at most */
	buf = (jchar *)malloc((n + 1) * sizeof(*buf));
	if (!buf) {
		etsi_java_throw_details(jenv, ETSI_ENOMEM, "ENOMEM", "out of memory", NULL, 0, 0);
		return NULL;
	}
	for (p = (const unsigned char *)s; p < end && *p < 0x80; p++)
		buf[k++] = *p;
	while (p < end) {
		unsigned int c = *p, cp, min;
		int len, j;

		if (c < 0x80) {
			buf[k++] = (jchar)c;
			p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			buf[k++] = 0xFFFD;
			p++;
			continue;
		}
		for (j = 1; j < len && p + j < end && (p[j] & 0xC0) == 0x80; j++)
			cp = (cp << 6) | (p[j] & 0x3F);
		if (j < len || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
			buf[k++] = 0xFFFD;
			p++;
			continue;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			buf[k++] = (jchar)(0xD800 | (cp >> 10));
			buf[k++] = (jchar)(0xDC00 | (cp & 0x3FF));
		} else {
			buf[k++] = (jchar)cp;
		}
		p += len;
	}
	out = (*jenv)->NewString(jenv, buf, k);
	free(buf);
	return out;
}

/* UTF-8 from a Java string, to free(); NULL with a Java exception pending
 * when the string holds a NUL (C would cut it there) or memory runs out.
 * An unpaired surrogate becomes U+FFFD. */
static char *etsi_java_utf8(JNIEnv *jenv, jstring s)
{
	jsize n = (*jenv)->GetStringLength(jenv, s), i;
	const jchar *u;
	char *out;
	size_t k = 0;

	out = (char *)malloc((size_t)n * 3 + 1);
	if (!out) {
		etsi_java_throw_details(jenv, ETSI_ENOMEM, "ENOMEM", "out of memory", NULL, 0, 0);
		return NULL;
	}
	u = (*jenv)->GetStringCritical(jenv, s, NULL);
	if (!u) {
		free(out);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		unsigned int c = u[i];

		if (c == 0) {
			(*jenv)->ReleaseStringCritical(jenv, s, u);
			free(out);
			etsi_java_throw_details(jenv, ETSI_EINVALID, "EINVALID",
			                        "a string passed to libetsi contains a NUL character",
			                        NULL, 0, 0);
			return NULL;
		}
		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00u);
			i++;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		if (c < 0x80) {
			out[k++] = (char)c;
		} else if (c < 0x800) {
			out[k++] = (char)(0xC0 | (c >> 6));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			out[k++] = (char)(0xE0 | (c >> 12));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (c & 0x3F));
		} else {
			out[k++] = (char)(0xF0 | (c >> 18));
			out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (c & 0x3F));
		}
	}
	(*jenv)->ReleaseStringCritical(jenv, s, u);
	out[k] = '\0';
	return out;
}
%}

/* Every char * in and out goes through the converters above.  An input
 * that cannot be converted returns at once with its exception pending, as
 * SWIG's own typemaps do. */
%typemap(in, noblock=1) char * {
	$1 = NULL;
	if ($input) {
		$1 = ($1_ltype)etsi_java_utf8(jenv, $input);
		if (!$1)
			return $null;
	}
}
%typemap(freearg, noblock=1) char * { free((void *)$1); }
%typemap(out, noblock=1) char * { $result = etsi_java_string(jenv, (const char *)$1); }

/* A document or any bytes: a Java byte[] (not NUL-terminated, not copied
 * back). */
%typemap(jni) (const char *data, size_t len) "jbyteArray"
%typemap(jtype) (const char *data, size_t len) "byte[]"
%typemap(jstype) (const char *data, size_t len) "byte[]"
%typemap(javain) (const char *data, size_t len) "$javainput"
%typemap(in, noblock=1) (const char *data, size_t len) (jbyte *bytes = NULL) {
	if (!$input) {
		etsi_java_throw_details(jenv, ETSI_EINVALID, "EINVALID", "no data (null)", NULL, 0, 0);
		return $null;
	}
	bytes = (*jenv)->GetByteArrayElements(jenv, $input, NULL);
	if (!bytes)
		return $null;
	$1 = ($1_ltype)bytes;
	$2 = (size_t)(*jenv)->GetArrayLength(jenv, $input);
}
%typemap(freearg, noblock=1) (const char *data, size_t len) {
	if (bytes$argnum)
		(*jenv)->ReleaseByteArrayElements(jenv, $input, bytes$argnum, JNI_ABORT);
}

/* A function that needs the JNIEnv declares a JNIEnv *jenv parameter,
 * which Java does not see. */
%typemap(in, numinputs=0) JNIEnv *jenv "$1 = jenv;"

/* The rules come back as a Rule[] built in C (java_rules). */
%typemap(jni) etsi_jrules "jobjectArray"
%typemap(jtype) etsi_jrules "Rule[]"
%typemap(jstype) etsi_jrules "Rule[]"
%typemap(out) etsi_jrules "$result = $1;"
%typemap(javaout) etsi_jrules { return $jnicall; }
%{
typedef jobjectArray etsi_jrules;
%}

/* Fields to add: String[] { name, value, name, value, ... }, converted
 * like every other string and NULL-terminated for etsi_dossier_add(). */
%typemap(jni) const char *const *pairs "jobjectArray"
%typemap(jtype) const char *const *pairs "String[]"
%typemap(jstype) const char *const *pairs "String[]"
%typemap(javain) const char *const *pairs "$javainput"
%typemap(in) const char *const *pairs (char **array = NULL, jsize count = 0) {
	jsize i;

	if (!$input) {
		etsi_java_throw_details(jenv, ETSI_EINVALID, "EINVALID", "no fields (null)", NULL, 0, 0);
		return $null;
	}
	count = (*jenv)->GetArrayLength(jenv, $input);
	array = (char **)calloc((size_t)count + 1, sizeof(*array));
	if (!array) {
		etsi_java_throw_details(jenv, ETSI_ENOMEM, "ENOMEM", "out of memory", NULL, 0, 0);
		return $null;
	}
	for (i = 0; i < count; i++) {
		jstring s = (jstring)(*jenv)->GetObjectArrayElement(jenv, $input, i);

		if (!s) {
			if (!(*jenv)->ExceptionCheck(jenv))
				etsi_java_throw_details(jenv, ETSI_EINVALID, "EINVALID",
				                        "a field name or value is null", NULL, 0, 0);
			break;
		}
		array[i] = etsi_java_utf8(jenv, s);
		(*jenv)->DeleteLocalRef(jenv, s);
		if (!array[i])
			break;
	}
	if (i < count) {
		for (i = 0; i < count; i++)
			free(array[i]);
		free(array);
		return $null;
	}
	$1 = ($1_ltype)array;
}
%typemap(freearg) const char *const *pairs {
	if (array$argnum) {
		jsize i;

		for (i = 0; i < count$argnum; i++)
			free(array$argnum[i]);
		free(array$argnum);
	}
}

/* ---- errors -----------------------------------------------------------
 * A failure becomes the EtsiException subclass of its code, made by
 * EtsiException.fromNative (the one table from codes to classes is there)
 * with etsi_error_last()'s message, file, line and column. */
%{
static void etsi_java_throw_details(JNIEnv *jenv, int code, const char *name,
                                    const char *message, const char *file, int line,
                                    int column)
{
	jclass cls;
	jmethodID make;
	jstring jname = NULL, jmessage = NULL, jfile = NULL;
	jobject exc = NULL;

	if ((*jenv)->ExceptionCheck(jenv))
		return;     /* one is already on its way */
	cls = (*jenv)->FindClass(jenv, "org/libetsi/EtsiException");
	if (!cls)
		return;     /* NoClassDefFoundError is pending */
	make = (*jenv)->GetStaticMethodID(jenv, cls, "fromNative",
		"(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;II)Lorg/libetsi/EtsiException;");
	if (make)
		jname = etsi_java_string(jenv, name);
	if (make && !(*jenv)->ExceptionCheck(jenv))
		jmessage = etsi_java_string(jenv, message);
	if (make && !(*jenv)->ExceptionCheck(jenv))
		jfile = etsi_java_string(jenv, file);
	if (make && !(*jenv)->ExceptionCheck(jenv))
		exc = (*jenv)->CallStaticObjectMethod(jenv, cls, make, (jint)code, jname, jmessage,
		                                      jfile, (jint)line, (jint)column);
	if (exc && !(*jenv)->ExceptionCheck(jenv))
		(*jenv)->Throw(jenv, (jthrowable)exc);
	if (exc)
		(*jenv)->DeleteLocalRef(jenv, exc);
	if (jfile)
		(*jenv)->DeleteLocalRef(jenv, jfile);
	if (jmessage)
		(*jenv)->DeleteLocalRef(jenv, jmessage);
	if (jname)
		(*jenv)->DeleteLocalRef(jenv, jname);
	(*jenv)->DeleteLocalRef(jenv, cls);
}

static void etsi_java_throw(JNIEnv *jenv, int code)
{
	const char *name = etsi_error_name(code);
	const char *fallback = etsi_strerror(code);
	const etsi_error *e = etsi_error_last();

	if (e->code == code)
		etsi_java_throw_details(jenv, code, name, e->message, e->file, e->line, e->column);
	else
		etsi_java_throw_details(jenv, code, name, fallback, NULL, 0, 0);
}
%}

%{
/* Occurrence[] of a diagnostic; NULL with a Java exception pending on failure. */
static jobjectArray etsi_java_occurrences(JNIEnv *jenv, const etsi_diagnostic *d)
{
	jclass cls = (*jenv)->FindClass(jenv, "org/libetsi/Occurrence");
	jmethodID init = cls ? (*jenv)->GetMethodID(jenv, cls, "<init>",
		"(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V") : NULL;
	jobjectArray out = init ? (*jenv)->NewObjectArray(jenv, (jsize)d->count, cls, NULL) : NULL;
	size_t k;

	for (k = 0; out && k < d->count; k++) {
		const etsi_occurrence *o = &d->occurrences[k];
		jobject item = NULL;

		if ((*jenv)->PushLocalFrame(jenv, 5) < 0)
			break;
		{
			jstring element = etsi_java_string(jenv, o->element);
			jstring reference = etsi_java_string(jenv, o->reference);
			jstring message = etsi_java_string(jenv, o->message);
			jstring claim = etsi_java_string(jenv, o->claim);

			if (!(*jenv)->ExceptionCheck(jenv))
				item = (*jenv)->NewObject(jenv, cls, init, (jint)o->line, element,
				                          reference, message, claim);
		}
		item = (*jenv)->PopLocalFrame(jenv, item);
		if (!item)
			break;
		(*jenv)->SetObjectArrayElement(jenv, out, (jsize)k, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	if (cls)
		(*jenv)->DeleteLocalRef(jenv, cls);
	if ((*jenv)->ExceptionCheck(jenv)) {
		if (out)
			(*jenv)->DeleteLocalRef(jenv, out);
		return NULL;
	}
	return out;
}

/* Diagnostic[] from a list; NULL with a Java exception pending on failure. */
static jobjectArray etsi_java_diagnostics(JNIEnv *jenv, const etsi_diagnostics *list)
{
	size_t n = etsi_diagnostics_count(list), i;
	jclass cls;
	jmethodID init;
	jobjectArray out = NULL;

	cls = (*jenv)->FindClass(jenv, "org/libetsi/Diagnostic");
	if (!cls)
		return NULL;
	init = (*jenv)->GetMethodID(jenv, cls, "<init>",
		"(Ljava/lang/String;Ljava/lang/String;IILjava/lang/String;Ljava/lang/String;"
		"Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;ZLjava/lang/String;"
		"Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;Ljava/lang/String;I"
		"[Lorg/libetsi/Occurrence;)V");
	if (init)
		out = (*jenv)->NewObjectArray(jenv, (jsize)n, cls, NULL);
	for (i = 0; out && i < n; i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(list, i);
		jobject item = NULL;

		if ((*jenv)->PushLocalFrame(jenv, 18) < 0)
			break;
		{
			jstring severity = etsi_java_string(jenv, etsi_severity_name(d->severity));
			jstring file = etsi_java_string(jenv, d->file);
			jstring rule = etsi_java_string(jenv, d->rule);
			jstring element = etsi_java_string(jenv, d->element);
			jstring reference = etsi_java_string(jenv, d->reference);
			jstring message = etsi_java_string(jenv, d->message);
			jstring hint = etsi_java_string(jenv, d->hint);
			jstring waiver = etsi_java_string(jenv, d->waiver);
			jstring claim = etsi_java_string(jenv, d->claim);
			jstring fact = etsi_java_string(jenv, d->fact);
			jstring id = etsi_java_string(jenv, d->id);
			jstring caused_by = etsi_java_string(jenv, d->caused_by);
			jobjectArray occurrences = (*jenv)->ExceptionCheck(jenv) ? NULL :
				etsi_java_occurrences(jenv, d);

			if (!(*jenv)->ExceptionCheck(jenv) && occurrences)
				item = (*jenv)->NewObject(jenv, cls, init, severity, file, (jint)d->line,
				                          (jint)d->column, rule, element, reference, message,
				                          hint, (jboolean)(d->waived ? JNI_TRUE : JNI_FALSE),
				                          waiver, claim, fact, (jint)d->fact_line, id,
				                          caused_by, (jint)d->count, occurrences);
		}
		item = (*jenv)->PopLocalFrame(jenv, item);
		if (!item)
			break;
		(*jenv)->SetObjectArrayElement(jenv, out, (jsize)i, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	(*jenv)->DeleteLocalRef(jenv, cls);
	if ((*jenv)->ExceptionCheck(jenv)) {
		if (out)
			(*jenv)->DeleteLocalRef(jenv, out);
		return NULL;
	}
	return out;
}

/* String[] of a list of strings; NULL with a Java exception pending on failure. */
static jobjectArray etsi_java_strings(JNIEnv *jenv, const etsi_strings *s)
{
	jclass cls = (*jenv)->FindClass(jenv, "java/lang/String");
	jobjectArray out = cls ? (*jenv)->NewObjectArray(jenv, (jsize)s->count, cls, NULL) : NULL;
	size_t i;

	if (cls)
		(*jenv)->DeleteLocalRef(jenv, cls);
	for (i = 0; out && i < s->count; i++) {
		jstring item = etsi_java_string(jenv, s->items[i]);

		if (!item) {
			(*jenv)->DeleteLocalRef(jenv, out);
			return NULL;
		}
		(*jenv)->SetObjectArrayElement(jenv, out, (jsize)i, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	return out;
}
%}

/* The exception is thrown after the call, and the wrapper goes on to free
 * its arguments: the caller sees it when the native method returns. */
%exception {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending)
		etsi_java_throw(jenv, etsi_binding_pending);
}

/* Java holds the GIL of no interpreter. */
%define ETSI_NOGIL(name)
%enddef

/* ---- one typemap a kind of value --------------------------------------- */

/* A result code: nothing (the Java method is void), or the exception of
 * its class. */
%typemap(jni) etsi_status "jint"
%typemap(jtype) etsi_status "int"
%typemap(jstype) etsi_status "void"
%typemap(out) etsi_status {
	if ($1 < 0)
		etsi_java_throw(jenv, $1);
	$result = (jint)$1;
}
%typemap(javaout) etsi_status { $jnicall; }

/* A diagnostic list: Diagnostic[] (etsi_java_diagnostics); the C list is
 * freed, unless it is borrowed (const).  Nothing is converted while an
 * exception is on its way. */
%typemap(jni) etsi_diagnostics *, const etsi_diagnostics * "jobjectArray"
%typemap(jtype) etsi_diagnostics *, const etsi_diagnostics * "Diagnostic[]"
%typemap(jstype) etsi_diagnostics *, const etsi_diagnostics * "Diagnostic[]"
%typemap(javaout) etsi_diagnostics *, const etsi_diagnostics * { return $jnicall; }
%typemap(out) etsi_diagnostics * {
	if (!(*jenv)->ExceptionCheck(jenv))
		$result = etsi_java_diagnostics(jenv, $1);
	etsi_diagnostics_free($1);
}
%typemap(out) const etsi_diagnostics * {
	if (!(*jenv)->ExceptionCheck(jenv))
		$result = etsi_java_diagnostics(jenv, $1);
}

/* A list of strings: String[]. */
%typemap(jni) etsi_strings "jobjectArray"
%typemap(jtype) etsi_strings "String[]"
%typemap(jstype) etsi_strings "String[]"
%typemap(javaout) etsi_strings { return $jnicall; }
%typemap(out) etsi_strings {
	if (!(*jenv)->ExceptionCheck(jenv))
		$result = etsi_java_strings(jenv, &$1);
	free((void *)$1.items);
}

#endif /* SWIGJAVA */

/* ===================================================================== */
/* 3. The classes and functions, for both languages                      */
/* ===================================================================== */

/* Owned results: a string is copied and freed with etsi_free(), an object
 * is owned by its proxy (%newobject) */
%typemap(newfree) char * "etsi_free($1);";

%newobject Dossier::load;
%newobject Dossier::load_memory;
%newobject Dossier::load_json;
%newobject Dossier::create;
%newobject Dossier::to_xml;
%newobject Dossier::report;
%newobject Dossier::evaluate;
%newobject Dossier::export_as;
%newobject Dossier::_digest;
%newobject Catalog::open;
%newobject Catalog::to_xml;
%newobject Results::write;
%newobject Results::format_findings;
%newobject _dossier_release;
%newobject _verify;

/* the long calls, without the Python GIL */
ETSI_NOGIL(Dossier::load)
ETSI_NOGIL(Dossier::load_memory)
ETSI_NOGIL(Dossier::load_json)
ETSI_NOGIL(Dossier::evaluate)
ETSI_NOGIL(Dossier::report)
ETSI_NOGIL(Dossier::save)
ETSI_NOGIL(Dossier::export_as)
ETSI_NOGIL(Dossier::_validate)
ETSI_NOGIL(Dossier::_check)
ETSI_NOGIL(_dossier_sign)
ETSI_NOGIL(_verify)
ETSI_NOGIL(_dossier_release)

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

/* The records of an owner by kind: count(kind), at(kind, i) (None past
 * the end) and find(kind, key) (None when absent), from PREFIX_count,
 * PREFIX_at and PREFIX_find of the C API; each language makes sequences
 * and look-ups of them. */
%define ETSI_RECORDS(TYPE, PREFIX)
%extend TYPE {
	size_t count(int kind) { return PREFIX##_count($self, (etsi_kind)kind); }
	Record *at(int kind, size_t i) { return PREFIX##_at($self, (etsi_kind)kind, i); }
	Record *find(int kind, const char *key) {
		return PREFIX##_find($self, (etsi_kind)kind, key);
	}
}
%enddef
ETSI_RECORDS(Catalog, etsi_catalog)
ETSI_RECORDS(Results, etsi_results)
ETSI_RECORDS(Dossier, etsi_dossier)

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
	/** Every value of a field, in one call. */
	etsi_strings values(const char *field) {
		struct etsi_binding_values v;

		v.record = $self;
		v.field = field;
		return etsi_binding_strings(etsi_binding_nth_value, &v);
	}
	/** Sets a field (None removes it); checks type and references. */
	etsi_status set(const char *field, const char *value) {
		return etsi_record_set($self, field, value);
	}
	/** Appends a value to a list field. */
	etsi_status add_value(const char *field, const char *value) {
		return etsi_record_add_value($self, field, value);
	}
	/** Removes a value from a list field. */
	etsi_status remove_value(const char *field, const char *value) {
		return etsi_record_remove_value($self, field, value);
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

		opts.data_dir = data_dir;
		opts.ts_edition = ts_edition;
		etsi_binding_failed(etsi_catalog_open(&cat, edition, &opts));
		return cat;
	}
	~Catalog() { etsi_catalog_free($self); }
	/** The EN 303 645 edition. */
	const char *edition() { return etsi_catalog_edition($self); }
	/** The TS 103 701 edition paired with it. */
	const char *ts_edition() { return etsi_catalog_ts_edition($self); }
	/** Both catalogs as one XML document. */
	char *to_xml() {
		char *out = NULL;

		etsi_binding_failed(etsi_catalog_write(&out, NULL, $self));
		return out;
	}
	/** The differences from this catalog to a later one. */
	etsi_diagnostics *_diff(Catalog *to) {
		etsi_diagnostics *list = NULL;

		return etsi_binding_list(etsi_catalog_diff(&list, $self, to), &list, 0);
	}
}

/* ---- Results ---------------------------------------------------------- */

%extend Results {
	~Results() { etsi_results_free($self); }
	/** The clause 5.3 outcome: "PASS", "FAIL", "INCONCLUSIVE", ... */
	const char *overall() { return etsi_outcome_name(etsi_results_overall($self)); }
	/** True when every release-gate step is complete. */
	bool ready() { return etsi_results_ready($self) != 0; }
	/** Number of findings. */
	size_t finding_count() { return etsi_diagnostics_count(etsi_results_findings($self)); }
	/** The findings of the evaluation (borrowed from the results). */
	const etsi_diagnostics *_findings() { return etsi_results_findings($self); }
	/** Writes a part ("findings", "plan", "outcomes", "gate", "all") in a format. */
	char *write(const char *part, const char *format) {
		char *out = NULL;

		etsi_binding_failed(etsi_results_write(&out, NULL, $self, part, format));
		return out;
	}
	/** The findings as etsi check prints them (etsi_diagnostics_format). */
	char *format_findings(const char *name, bool color) {
		char *out = NULL;

		etsi_binding_failed(etsi_diagnostics_format(&out, NULL, etsi_results_findings($self),
		                                            name, color ? ETSI_DIAGNOSTICS_FORMAT_COLOR
		                                                        : 0));
		return out;
	}
}

/* ---- Dossier ---------------------------------------------------------- */

%extend Dossier {
	/** Loads a dossier from a file (validated unless validate is false). */
	static Dossier *load(const char *path, bool validate = true, size_t max_size = 0,
	                     unsigned int max_depth = 0, const char *data_dir = NULL,
	                     bool lock = false, size_t max_elements = 0) {
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		Dossier *d = NULL;

		opts.flags = (validate ? 0 : ETSI_LOAD_NO_VALIDATE) | (lock ? ETSI_LOAD_LOCK : 0);
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.max_elements = max_elements;
		opts.data_dir = data_dir;
		etsi_binding_failed(etsi_dossier_load(&d, path, &opts));
		return d;
	}
	/** Loads a dossier from a string (Java: bytes). */
	static Dossier *load_memory(const char *data, size_t len, const char *name = NULL,
	                            bool validate = true, const char *data_dir = NULL,
	                            size_t max_size = 0, unsigned int max_depth = 0,
	                            size_t max_elements = 0) {
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		Dossier *d = NULL;

		opts.flags = validate ? 0 : ETSI_LOAD_NO_VALIDATE;
		opts.data_dir = data_dir;
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.max_elements = max_elements;
		etsi_binding_failed(etsi_dossier_load_memory(&d, data, len, name, &opts));
		return d;
	}
	/** Loads a dossier from its JSON form. */
	static Dossier *load_json(const char *data, size_t len, const char *name = NULL,
	                          bool validate = true, const char *data_dir = NULL,
	                          size_t max_size = 0, unsigned int max_depth = 0,
	                          size_t max_elements = 0) {
		etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
		Dossier *d = NULL;

		opts.flags = validate ? 0 : ETSI_LOAD_NO_VALIDATE;
		opts.data_dir = data_dir;
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.max_elements = max_elements;
		etsi_binding_failed(etsi_dossier_load_json(&d, data, len, name, &opts));
		return d;
	}
	/** Creates a skeleton dossier for a model, a release and an edition. */
	static Dossier *create(const char *model, const char *release,
	                       const char *edition = NULL, const char *manufacturer = NULL,
	                       const char *ts_edition = NULL, const char *data_dir = NULL) {
		etsi_new_options opts = ETSI_NEW_OPTIONS_INIT;
		Dossier *d = NULL;

		opts.model = model;
		opts.release = release;
		opts.edition = edition;
		opts.manufacturer = manufacturer;
		opts.ts_edition = ts_edition;
		opts.data_dir = data_dir;
		etsi_binding_failed(etsi_dossier_new(&d, &opts));
		return d;
	}
	~Dossier() { etsi_dossier_free($self); }
	/** The file the dossier was loaded from or saved to, or None. */
	const char *path() { return etsi_dossier_path($self); }
	/** The catalog of the dossier's editions (borrowed). */
	Catalog *_catalog() { return etsi_dossier_catalog($self); }
	/** Removes a record. */
	etsi_status remove(Record *record) { return etsi_dossier_remove($self, record); }
	/** Sets the ICS support and detail of a provision. */
	etsi_status set_ics(const char *provision, const char *support, const char *detail = NULL) {
		return etsi_dossier_set_ics($self, provision, support, detail);
	}
	/** Records the verdict of a test case (replacing an earlier one). */
	Record *set_verdict(const char *test_case, const char *result, const char *by,
	                    const char *date, const char *note = NULL) {
		Record *r = NULL;

		etsi_binding_failed(etsi_dossier_set_verdict(&r, $self, test_case, result, by, date,
		                                             note));
		return r;
	}
	/** Saves atomically (None: the file it came from). */
	etsi_status save(const char *path = NULL) { return etsi_dossier_save($self, path); }
	/** The dossier as indented UTF-8 XML. */
	char *to_xml() {
		char *out = NULL;

		etsi_binding_failed(etsi_dossier_write(&out, NULL, $self));
		return out;
	}
	/** Schema and catalog problems: an empty list when valid. */
	etsi_diagnostics *_validate() {
		etsi_diagnostics *list = NULL;

		return etsi_binding_list(etsi_dossier_validate(&list, $self), &list, ETSI_EVALIDATION);
	}
	/** The rule engine's findings. */
	etsi_diagnostics *_check(const char *as_of = NULL, bool ungrouped = false) {
		etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
		etsi_diagnostics *list = NULL;

		opts.as_of = as_of;
		opts.flags = ungrouped ? ETSI_CHECK_UNGROUPED : 0;
		return etsi_binding_list(etsi_dossier_check(&list, $self, &opts), &list,
		                         ETSI_EVALIDATION);
	}
	/** Evaluates: findings, plan, outcomes and gate. */
	Results *evaluate(const char *as_of = NULL) {
		etsi_check_options opts = ETSI_CHECK_OPTIONS_INIT;
		Results *r = NULL;
		int rc;

		opts.as_of = as_of;
		rc = etsi_dossier_evaluate(&r, $self, &opts);
		etsi_binding_failed(rc == ETSI_EVALIDATION ? 0 : rc);
		return r;
	}
	/** Renders a report (format html, public, ics-csv, plan-csv, evidence-csv, md, input);
	 *  results: this dossier's evaluate() results, used instead of evaluating again. */
	char *report(const char *format = NULL, const char *stylesheet = NULL,
	             const char *date = NULL, const char *as_of = NULL, int csv_raw = 0,
	             const Results *results = NULL) {
		etsi_report_options opts = ETSI_REPORT_OPTIONS_INIT;
		char *out = NULL;

		opts.format = format;
		opts.stylesheet = stylesheet;
		opts.date = date;
		opts.as_of = as_of;
		opts.csv_raw = csv_raw;
		opts.results = results;
		etsi_binding_failed(etsi_dossier_report(&out, NULL, $self, &opts));
		return out;
	}
	/** Stores the evaluated test plan in the dossier. */
	etsi_status store_plan(Results *results, const char *date = NULL) {
		return etsi_dossier_store_plan($self, results, date);
	}
	/** Whether the dossier carries a signature. */
	bool _signed() { return etsi_dossier_signed($self) != 0; }
	/** SHA-256 of the canonical form, in hex. */
	char *_digest() {
		char *hex = NULL;

		etsi_binding_failed(etsi_dossier_digest(&hex, $self));
		return hex;
	}
	/** Exports the dossier: "json", "oscal-json" or "oscal-xml". */
	char *export_as(const char *format = NULL, const char *as_of = NULL,
	                const char *timestamp = NULL) {
		etsi_export_options opts = ETSI_EXPORT_OPTIONS_INIT;
		char *out = NULL;

		opts.format = format;
		opts.as_of = as_of;
		opts.timestamp = timestamp;
		etsi_binding_failed(etsi_dossier_export(&out, NULL, $self, &opts));
		return out;
	}
}

/* key and certificate bytes travel like a document */
%apply (const char *data, size_t len) { (const char *key, size_t key_len) };
%apply (const char *data, size_t len) { (const char *cert, size_t cert_len) };

/* Functions, not %extend methods: a method's body is emitted where the
 * class is first declared, before what follows. */
%inline %{
/** Adds a record to a dossier (parent: None but for artifacts, covers, plan inputs);
 *  fields: name, value, name, value, ... */
Record *_dossier_add(Dossier *d, Record *parent, int kind, const char *const *pairs)
{
	Record *r = NULL;

	etsi_binding_failed(etsi_dossier_add(&r, d, parent, (etsi_kind)kind, pairs));
	return r;
}

/** Signs a dossier (XML-DSig, enveloped); key and certificate are PEM bytes. */
etsi_status _dossier_sign(Dossier *d, const char *key, size_t key_len, const char *cert,
                          size_t cert_len, const char *password)
{
	etsi_sign_options opts = ETSI_SIGN_OPTIONS_INIT;

	opts.key = key;
	opts.key_len = key_len;
	opts.cert = cert;
	opts.cert_len = cert_len;
	opts.password = password;
	return etsi_dossier_sign(d, &opts);
}

/** Verifies a signed dossier's bytes against a certificate; its description. */
char *_verify(const char *data, size_t len, const char *name, const char *cert,
              size_t cert_len)
{
	etsi_verify_options opts = ETSI_VERIFY_OPTIONS_INIT;
	char *info = NULL;

	opts.cert = cert;
	opts.cert_len = cert_len;
	etsi_binding_failed(etsi_signature_verify(&info, data, len, name, &opts));
	return info;
}

/** The next release's dossier (etsi_dossier_release). */
Dossier *_dossier_release(Dossier *d, const char *version, const char *date)
{
	Dossier *out = NULL;

	etsi_binding_failed(etsi_dossier_release(&out, d, version, date));
	return out;
}

/** Writes a file atomically. */
etsi_status write_file(const char *path, const char *data, size_t len)
{
	return etsi_file_write(path, data, len);
}

/** Field names of a kind, in document order. */
etsi_strings kind_fields(int kind)
{
	etsi_kind k = (etsi_kind)kind;

	return etsi_binding_strings(etsi_binding_nth_field, &k);
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
const char *version(void) { return etsi_version_string(); }

/** The built-in EN 303 645 editions, oldest first. */
etsi_strings builtin_editions(void)
{
	return etsi_binding_strings(etsi_binding_nth_edition, NULL);
}

/** The built-in report formats. */
etsi_strings report_formats(void)
{
	return etsi_binding_strings(etsi_binding_nth_format, NULL);
}

/** The export formats. */
etsi_strings export_formats(void)
{
	return etsi_binding_strings(etsi_binding_nth_export, NULL);
}

/** The formats Dossier imports read. */
etsi_strings import_formats(void)
{
	return etsi_binding_strings(etsi_binding_nth_import, NULL);
}
%}

/* ===================================================================== */
/* 4. What only one language has                                         */
/* ===================================================================== */

#if defined(SWIGPYTHON)

/* A function that returns a Python object it built: NULL is a Python
 * exception already set. */
%define ETSI_PY_OBJECT_RESULT(name)
%exception name {
	etsi_binding_clear();
	$action
	if (etsi_binding_pending) {
		etsi_py_raise(etsi_binding_pending);
		SWIG_fail;
	}
	if (!result)
		SWIG_fail;
}
%enddef
ETSI_PY_OBJECT_RESULT(rules)
ETSI_PY_OBJECT_RESULT(Dossier::_migrate)
ETSI_PY_OBJECT_RESULT(Dossier::_import)
ETSI_PY_OBJECT_RESULT(_dossier_hash_artifacts)
ETSI_PY_OBJECT_RESULT(_dossier_verify_artifacts)
ETSI_PY_OBJECT_RESULT(_dossier_diff)

%extend Dossier {
	/* (the new dossier, its report as diagnostic tuples) */
	PyObject *_migrate(const char *edition) {
		etsi_dossier *out = NULL;
		etsi_diagnostics *report = NULL;
		PyObject *d, *r, *t;
		int rc;

		Py_BEGIN_ALLOW_THREADS
		rc = etsi_dossier_migrate(&out, &report, $self, edition);
		Py_END_ALLOW_THREADS
		if (rc < 0) {
			etsi_binding_failed(rc);
			return NULL;
		}
		r = etsi_py_diagnostics(report);
		etsi_diagnostics_free(report);
		d = r ? SWIG_NewPointerObj(SWIG_as_voidptr(out), SWIGTYPE_p_Dossier, SWIG_POINTER_OWN)
		      : NULL;
		if (!d) {
			Py_XDECREF(r);
			etsi_dossier_free(out);
			return NULL;
		}
		t = PyTuple_Pack(2, d, r);
		Py_DECREF(d);
		Py_DECREF(r);
		return t;
	}
	/* (code, message, file, line, column, diagnostics): the import's
	 * report, also when the input was refused; raises for the rest */
	PyObject *_import(const char *data, size_t len, const char *format, const char *name,
	                  const char *edition, size_t max_size, unsigned int max_depth,
	                  size_t max_elements, size_t max_records) {
		etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
		etsi_diagnostics *list = NULL;
		const etsi_error *e;
		PyObject *diags, *result;
		int rc;

		opts.format = format;
		opts.name = name;
		opts.edition = edition;
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.max_elements = max_elements;
		opts.max_records = max_records;
		Py_BEGIN_ALLOW_THREADS
		rc = etsi_dossier_import(&list, $self, data, len, &opts);
		Py_END_ALLOW_THREADS
		if (rc < 0 && !list) {
			etsi_binding_failed(rc);
			return NULL;
		}
		e = etsi_error_last();
		diags = etsi_py_diagnostics(list);
		etsi_diagnostics_free(list);
		if (!diags)
			return NULL;
		result = Py_BuildValue("(isziiO)", rc, rc < 0 ? e->message : "",
		                       rc < 0 ? e->file : NULL, rc < 0 ? e->line : 0,
		                       rc < 0 ? e->column : 0, diags);
		Py_DECREF(diags);
		return result;
	}
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
%}

%{
/* The progress callback of hash and verify: the payload is a Python
 * callable, called with the GIL held.  An exception it raises stops the
 * operation and the wrapper re-raises it; returning False stops it with
 * etsi.StoppedError. */
static int etsi_py_evidence_progress(const etsi_evidence_progress *p, void *payload)
{
	PyGILState_STATE gil = PyGILState_Ensure();
	PyObject *result = PyObject_CallFunction((PyObject *)payload, "(ssnnKK)", p->artifact,
	                                         p->ref ? p->ref : "", (Py_ssize_t)p->index,
	                                         (Py_ssize_t)p->count, p->done, p->total);
	int stop = result == NULL || result == Py_False;

	Py_XDECREF(result);
	PyGILState_Release(gil);
	return stop;
}

/* hash or verify; the report as diagnostic tuples */
static PyObject *etsi_py_evidence(Dossier *d, const char *root, int update, PyObject *progress,
                                  int hashing)
{
	etsi_evidence_options opts = ETSI_EVIDENCE_OPTIONS_INIT;
	etsi_diagnostics *report = NULL;
	PyObject *result;
	int rc;

	opts.root = root;
	opts.flags = update ? ETSI_EVIDENCE_UPDATE : 0;
	if (progress && progress != Py_None) {
		if (!PyCallable_Check(progress)) {
			PyErr_SetString(PyExc_TypeError, "progress must be a callable or None");
			return NULL;
		}
		opts.progress = etsi_py_evidence_progress;
		opts.payload = progress;
	}
	Py_BEGIN_ALLOW_THREADS
	rc = hashing ? etsi_evidence_hash(&report, d, &opts) : etsi_evidence_verify(&report, d, &opts);
	Py_END_ALLOW_THREADS
	if (PyErr_Occurred()) {
		/* the progress callback raised: that is the exception */
		etsi_diagnostics_free(report);
		return NULL;
	}
	if (rc < 0 && rc != ETSI_EINTEGRITY) {
		etsi_binding_failed(rc);
		return NULL;
	}
	result = etsi_py_diagnostics(report);
	etsi_diagnostics_free(report);
	return result;
}

/* (changes, stale, text, json): tuples and the two writings of a diff */
static PyObject *etsi_py_diff(const etsi_diff *diff)
{
	PyObject *changes = PyList_New(0), *stale = PyList_New(0), *text = NULL, *json = NULL;
	PyObject *out = NULL;
	char *written = NULL;
	size_t i, len;
	int rc;

	for (i = 0; changes && i < etsi_diff_count(diff); i++) {
		const etsi_change *c = etsi_diff_at(diff, i);
		PyObject *t = Py_BuildValue("(sszzzzzii)", etsi_change_type_name(c->type), c->kind,
		                            c->key, c->parent, c->field, c->old_value, c->new_value,
		                            c->old_line, c->new_line);

		if (!t || PyList_Append(changes, t) < 0)
			Py_CLEAR(changes);
		Py_XDECREF(t);
	}
	for (i = 0; stale && i < etsi_diff_stale_count(diff); i++) {
		const etsi_stale *s = etsi_diff_stale_at(diff, i);
		PyObject *t = Py_BuildValue("(szizzzns)", s->evidence, s->provision, s->line,
		                            s->cause_kind, s->cause_key, s->cause_field,
		                            (Py_ssize_t)s->causes, s->message);

		if (!t || PyList_Append(stale, t) < 0)
			Py_CLEAR(stale);
		Py_XDECREF(t);
	}
	if (changes && stale) {
		if ((rc = etsi_diff_write(&written, &len, diff, "text")) < 0) {
			etsi_binding_failed(rc);
		} else {
			text = PyUnicode_FromStringAndSize(written, (Py_ssize_t)len);
			etsi_free(written);
			if (text && (rc = etsi_diff_write(&written, &len, diff, "json")) < 0) {
				etsi_binding_failed(rc);
			} else if (text) {
				json = PyUnicode_FromStringAndSize(written, (Py_ssize_t)len);
				etsi_free(written);
			}
		}
	}
	if (changes && stale && text && json)
		out = PyTuple_Pack(4, changes, stale, text, json);
	Py_XDECREF(changes);
	Py_XDECREF(stale);
	Py_XDECREF(text);
	Py_XDECREF(json);
	return out;
}
%}

/* Functions, not %extend methods: a method's body is emitted where the
 * class is first declared, before the helpers above. */
%inline %{
/* hash and verify release the GIL themselves, around the C call */
PyObject *_dossier_hash_artifacts(Dossier *d, const char *root, bool update, PyObject *progress)
{
	return etsi_py_evidence(d, root, update, progress, 1);
}

PyObject *_dossier_verify_artifacts(Dossier *d, const char *root, PyObject *progress)
{
	return etsi_py_evidence(d, root, 0, progress, 0);
}

/* (changes, stale, text, json) from one dossier to another */
PyObject *_dossier_diff(Dossier *old_dossier, Dossier *new_dossier)
{
	etsi_diff *diff = NULL;
	PyObject *result;
	int rc;

	Py_BEGIN_ALLOW_THREADS
	rc = etsi_dossier_diff(&diff, old_dossier, new_dossier);
	Py_END_ALLOW_THREADS
	if (rc < 0) {
		etsi_binding_failed(rc);
		return NULL;
	}
	result = etsi_py_diff(diff);
	etsi_diff_free(diff);
	return result;
}
%}

#endif /* SWIGPYTHON */

#if defined(SWIGJAVA)

/* an Object[1] the native code fills (the migration report) */
%typemap(jni) jobjectArray report "jobjectArray"
%typemap(jtype) jobjectArray report "Object[]"
%typemap(jstype) jobjectArray report "Object[]"
%typemap(javain) jobjectArray report "$javainput"
%typemap(in) jobjectArray report "$1 = $input;"

%newobject Dossier::java_migrate;

%extend Dossier {
	/** Migrates to a later edition; report[0] receives the report. */
	Dossier *java_migrate(JNIEnv *jenv, const char *edition, jobjectArray report) {
		etsi_dossier *out = NULL;
		etsi_diagnostics *list = NULL;
		jobjectArray diags;
		int rc = etsi_dossier_migrate(&out, &list, $self, edition);

		if (rc < 0) {
			etsi_binding_failed(rc);
			return NULL;
		}
		diags = etsi_java_diagnostics(jenv, list);
		etsi_diagnostics_free(list);
		if (!diags) {
			etsi_dossier_free(out);
			return NULL;
		}
		(*jenv)->SetObjectArrayElement(jenv, report, 0, diags);
		(*jenv)->DeleteLocalRef(jenv, diags);
		if ((*jenv)->ExceptionCheck(jenv)) {
			etsi_dossier_free(out);
			return NULL;
		}
		return out;
	}
	/** Imports an ICS table or an SBOM; what each item did. */
	etsi_diagnostics *java_import(const char *data, size_t len, const char *format,
	                              const char *name, const char *edition, size_t max_size,
	                              unsigned int max_depth, size_t max_elements,
	                              size_t max_records) {
		etsi_import_options opts = ETSI_IMPORT_OPTIONS_INIT;
		etsi_diagnostics *list = NULL;

		opts.format = format;
		opts.name = name;
		opts.edition = edition;
		opts.max_size = max_size;
		opts.max_depth = max_depth;
		opts.max_elements = max_elements;
		opts.max_records = max_records;
		return etsi_binding_list(etsi_dossier_import(&list, $self, data, len, &opts), &list, 0);
	}
}

%inline %{
/** The rules of the check engine. */
etsi_jrules java_rules(JNIEnv *jenv)
{
	size_t n = 0, i;
	jclass cls;
	jmethodID init;
	jobjectArray out = NULL;

	while (etsi_rule_at(n))
		n++;
	cls = (*jenv)->FindClass(jenv, "org/libetsi/Rule");
	if (!cls)
		return NULL;
	init = (*jenv)->GetMethodID(jenv, cls, "<init>",
		"(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
		"Ljava/lang/String;Ljava/lang/String;)V");
	if (init)
		out = (*jenv)->NewObjectArray(jenv, (jsize)n, cls, NULL);
	for (i = 0; out && i < n; i++) {
		const etsi_rule *r = etsi_rule_at(i);
		jobject item = NULL;

		if ((*jenv)->PushLocalFrame(jenv, 8) < 0)
			break;
		{
			jstring id = etsi_java_string(jenv, r->id);
			jstring severity = etsi_java_string(jenv, etsi_severity_name(r->severity));
			jstring layer = etsi_java_string(jenv, r->layer);
			jstring step = etsi_java_string(jenv, r->step);
			jstring summary = etsi_java_string(jenv, r->summary);
			jstring hint = etsi_java_string(jenv, r->hint);

			if (!(*jenv)->ExceptionCheck(jenv))
				item = (*jenv)->NewObject(jenv, cls, init, id, severity, layer, step,
				                          summary, hint);
		}
		item = (*jenv)->PopLocalFrame(jenv, item);
		if (!item)
			break;
		(*jenv)->SetObjectArrayElement(jenv, out, (jsize)i, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	(*jenv)->DeleteLocalRef(jenv, cls);
	if ((*jenv)->ExceptionCheck(jenv)) {
		if (out)
			(*jenv)->DeleteLocalRef(jenv, out);
		return NULL;
	}
	return out;
}


/** Initializes libetsi once per loading of the JNI library. */
int java_init(void) { return etsi_init(); }
%}

/* org.libetsi.ArtifactProgress, passed through as a jobject */
%typemap(jni) jobject progress "jobject"
%typemap(jtype) jobject progress "ArtifactProgress"
%typemap(jstype) jobject progress "ArtifactProgress"
%typemap(javain) jobject progress "$javainput"
%typemap(in) jobject progress "$1 = $input;"

/* a Diff built in C, in one native call */
%typemap(jni) etsi_jdiff "jobject"
%typemap(jtype) etsi_jdiff "Diff"
%typemap(jstype) etsi_jdiff "Diff"
%typemap(out) etsi_jdiff "$result = $1;"
%typemap(javaout) etsi_jdiff { return $jnicall; }

%{
typedef jobject etsi_jdiff;

struct etsi_java_progress {
	JNIEnv *jenv;
	jobject target;
	jmethodID method;
};

/* Calls ArtifactProgress.onProgress in the calling thread; an exception
 * it throws stops the operation and reaches the caller. */
static int etsi_java_evidence_progress(const etsi_evidence_progress *p, void *payload)
{
	struct etsi_java_progress *j = payload;
	JNIEnv *jenv = j->jenv;
	jstring artifact, ref;

	if ((*jenv)->PushLocalFrame(jenv, 4) < 0)
		return 1;
	artifact = etsi_java_string(jenv, p->artifact);
	ref = (*jenv)->ExceptionCheck(jenv) ? NULL : etsi_java_string(jenv, p->ref ? p->ref : "");
	if (!(*jenv)->ExceptionCheck(jenv))
		(*jenv)->CallVoidMethod(jenv, j->target, j->method, artifact, ref, (jlong)p->index,
		                        (jlong)p->count, (jlong)p->done, (jlong)p->total);
	(*jenv)->PopLocalFrame(jenv, NULL);
	return (*jenv)->ExceptionCheck(jenv) ? 1 : 0;
}

/* The report of hash or verify (a digest that does not match is in it);
 * NULL with a Java exception pending or the failure recorded. */
static etsi_diagnostics *etsi_java_evidence(JNIEnv *jenv, Dossier *d, const char *root,
                                            int update, jobject progress, int hashing)
{
	etsi_evidence_options opts = ETSI_EVIDENCE_OPTIONS_INIT;
	etsi_diagnostics *report = NULL;
	struct etsi_java_progress j;
	int rc;

	opts.root = root;
	opts.flags = update ? ETSI_EVIDENCE_UPDATE : 0;
	if (progress) {
		jclass cls = (*jenv)->GetObjectClass(jenv, progress);

		j.jenv = jenv;
		j.target = progress;
		j.method = (*jenv)->GetMethodID(jenv, cls, "onProgress",
		                                "(Ljava/lang/String;Ljava/lang/String;JJJJ)V");
		(*jenv)->DeleteLocalRef(jenv, cls);
		if (!j.method)
			return NULL; /* NoSuchMethodError is pending */
		opts.progress = etsi_java_evidence_progress;
		opts.payload = &j;
	}
	rc = hashing ? etsi_evidence_hash(&report, d, &opts) : etsi_evidence_verify(&report, d, &opts);
	if ((*jenv)->ExceptionCheck(jenv)) {
		/* the progress callback threw: that is the exception */
		etsi_diagnostics_free(report);
		return NULL;
	}
	return etsi_binding_list(rc, &report, ETSI_EINTEGRITY);
}

/* org.libetsi.Diff from a diff: Change[] and Stale[] and both writings */
static jobject etsi_java_diff(JNIEnv *jenv, const etsi_diff *diff)
{
	jclass change_cls = NULL, stale_cls = NULL, diff_cls = NULL;
	jmethodID change_init = NULL, stale_init = NULL, diff_init = NULL;
	jobjectArray changes = NULL, stale = NULL;
	jstring text = NULL, json = NULL;
	jobject out = NULL;
	char *written = NULL;
	size_t i, n;
	int rc;

	change_cls = (*jenv)->FindClass(jenv, "org/libetsi/Change");
	stale_cls = change_cls ? (*jenv)->FindClass(jenv, "org/libetsi/Stale") : NULL;
	diff_cls = stale_cls ? (*jenv)->FindClass(jenv, "org/libetsi/Diff") : NULL;
	if (diff_cls) {
		change_init = (*jenv)->GetMethodID(jenv, change_cls, "<init>",
			"(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;"
			"Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;II)V");
		stale_init = change_init ? (*jenv)->GetMethodID(jenv, stale_cls, "<init>",
			"(Ljava/lang/String;Ljava/lang/String;ILjava/lang/String;Ljava/lang/String;"
			"Ljava/lang/String;JLjava/lang/String;)V") : NULL;
		diff_init = stale_init ? (*jenv)->GetMethodID(jenv, diff_cls, "<init>",
			"([Lorg/libetsi/Change;[Lorg/libetsi/Stale;Ljava/lang/String;Ljava/lang/String;)V")
			: NULL;
	}
	if (!diff_init)
		goto done;
	n = etsi_diff_count(diff);
	changes = (*jenv)->NewObjectArray(jenv, (jsize)n, change_cls, NULL);
	for (i = 0; changes && i < n; i++) {
		const etsi_change *c = etsi_diff_at(diff, i);
		jobject item = NULL;

		if ((*jenv)->PushLocalFrame(jenv, 10) < 0)
			goto done;
		{
			jstring type = etsi_java_string(jenv, etsi_change_type_name(c->type));
			jstring kind = etsi_java_string(jenv, c->kind);
			jstring key = etsi_java_string(jenv, c->key);
			jstring parent = etsi_java_string(jenv, c->parent);
			jstring field = etsi_java_string(jenv, c->field);
			jstring old_value = etsi_java_string(jenv, c->old_value);
			jstring new_value = etsi_java_string(jenv, c->new_value);

			if (!(*jenv)->ExceptionCheck(jenv))
				item = (*jenv)->NewObject(jenv, change_cls, change_init, type, kind, key, parent,
				                          field, old_value, new_value, (jint)c->old_line,
				                          (jint)c->new_line);
		}
		item = (*jenv)->PopLocalFrame(jenv, item);
		if (!item)
			goto done;
		(*jenv)->SetObjectArrayElement(jenv, changes, (jsize)i, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	if (!changes)
		goto done;
	n = etsi_diff_stale_count(diff);
	stale = (*jenv)->NewObjectArray(jenv, (jsize)n, stale_cls, NULL);
	for (i = 0; stale && i < n; i++) {
		const etsi_stale *s = etsi_diff_stale_at(diff, i);
		jobject item = NULL;

		if ((*jenv)->PushLocalFrame(jenv, 10) < 0)
			goto done;
		{
			jstring evidence = etsi_java_string(jenv, s->evidence);
			jstring provision = etsi_java_string(jenv, s->provision);
			jstring kind = etsi_java_string(jenv, s->cause_kind);
			jstring key = etsi_java_string(jenv, s->cause_key);
			jstring field = etsi_java_string(jenv, s->cause_field);
			jstring message = etsi_java_string(jenv, s->message);

			if (!(*jenv)->ExceptionCheck(jenv))
				item = (*jenv)->NewObject(jenv, stale_cls, stale_init, evidence, provision,
				                          (jint)s->line, kind, key, field, (jlong)s->causes,
				                          message);
		}
		item = (*jenv)->PopLocalFrame(jenv, item);
		if (!item)
			goto done;
		(*jenv)->SetObjectArrayElement(jenv, stale, (jsize)i, item);
		(*jenv)->DeleteLocalRef(jenv, item);
	}
	if (!stale)
		goto done;
	if ((rc = etsi_diff_write(&written, NULL, diff, "text")) < 0) {
		etsi_binding_failed(rc);
		goto done;
	}
	text = etsi_java_string(jenv, written);
	etsi_free(written);
	if (!text)
		goto done;
	if ((rc = etsi_diff_write(&written, NULL, diff, "json")) < 0) {
		etsi_binding_failed(rc);
		goto done;
	}
	json = etsi_java_string(jenv, written);
	etsi_free(written);
	if (json)
		out = (*jenv)->NewObject(jenv, diff_cls, diff_init, changes, stale, text, json);
done:
	if (json)
		(*jenv)->DeleteLocalRef(jenv, json);
	if (text)
		(*jenv)->DeleteLocalRef(jenv, text);
	if (stale)
		(*jenv)->DeleteLocalRef(jenv, stale);
	if (changes)
		(*jenv)->DeleteLocalRef(jenv, changes);
	if (diff_cls)
		(*jenv)->DeleteLocalRef(jenv, diff_cls);
	if (stale_cls)
		(*jenv)->DeleteLocalRef(jenv, stale_cls);
	if (change_cls)
		(*jenv)->DeleteLocalRef(jenv, change_cls);
	return out;
}
%}

/* Functions, not %extend methods: a method's body is emitted where the
 * class is first declared, before the helpers above. */
%inline %{
/** Records the artifacts' digests (etsi_evidence_hash). */
etsi_diagnostics *java_dossier_hash_artifacts(JNIEnv *jenv, Dossier *d, const char *root,
                                              bool update, jobject progress)
{
	return etsi_java_evidence(jenv, d, root, update, progress, 1);
}

/** Verifies the artifacts' digests (etsi_evidence_verify). */
etsi_diagnostics *java_dossier_verify_artifacts(JNIEnv *jenv, Dossier *d, const char *root,
                                                jobject progress)
{
	return etsi_java_evidence(jenv, d, root, 0, progress, 0);
}

/** What changed from one dossier to another (etsi_dossier_diff). */
etsi_jdiff java_dossier_diff(JNIEnv *jenv, Dossier *old_dossier, Dossier *new_dossier)
{
	etsi_diff *diff = NULL;
	jobject out;
	int rc = etsi_dossier_diff(&diff, old_dossier, new_dossier);

	if (rc < 0) {
		etsi_binding_failed(rc);
		return NULL;
	}
	out = etsi_java_diff(jenv, diff);
	etsi_diff_free(diff);
	return out;
}
%}

#endif /* SWIGJAVA */
