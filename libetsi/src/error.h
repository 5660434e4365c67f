/*
 * Internal error recording.  Each thread has one etsi_error record; these
 * functions fill it and return the code, so a failure is reported as
 *
 *	return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
 *	                   "edition '%s' is unknown; use 2.1.1 or 3.1.3", ed);
 *
 * Messages are one line, impersonal and say how to fix the problem.
 */
#ifndef ETSI_SRC_ERROR_H
#define ETSI_SRC_ERROR_H

#include "etsi/errors.h"
#include "util.h"

int etsi__error(int code, etsi_error_class klass, const char *fmt, ...) ETSI__PRINTF(3, 4);
int etsi__error_at(int code, etsi_error_class klass, const char *file, int line,
                   int column, const char *fmt, ...) ETSI__PRINTF(6, 7);
int etsi__error_oom(void);

/* Argument check that fails gracefully, never aborts. */
#define ETSI__ASSERT_ARG(expr) \
	do { \
		if (!(expr)) \
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT, \
			                   "invalid argument: '%s' does not hold in %s()", \
			                   #expr, __func__); \
	} while (0)

/* The body of an etsi_*_options_init(): checks @p opts, refuses a
 * @p version other than @p expected (a macro, named in the message), and
 * otherwise zeroes *opts and sets its version. */
#define ETSI__OPTIONS_INIT(opts, version, expected, type_name) \
	do { \
		ETSI__ASSERT_ARG(opts); \
		if ((version) != (expected)) \
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT, \
			                   "%s version %u is unknown; use %s", type_name, \
			                   (version), #expected); \
		memset((opts), 0, sizeof(*(opts))); \
		(opts)->version = (version); \
		return 0; \
	} while (0)

#endif
