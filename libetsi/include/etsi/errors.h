/**
 * @file etsi/errors.h
 * @brief Error codes and the per-thread description of the last error.
 * @defgroup etsi_errors Errors
 *
 * Every function that can fail returns an ::etsi_result: 0 on success or one
 * of the negative codes below.  The codes, their names and their default
 * messages come from one table, ETSI_ERROR_MAP; codes are never renumbered
 * or reused.  etsi_error_last() tells what went wrong on the calling thread,
 * where (file, line) and, in the message, how to fix it.
 * @{
 */
#ifndef ETSI_ERRORS_H
#define ETSI_ERRORS_H

#include "common.h"

ETSI_BEGIN_DECL

/**
 * The error table: XX(NAME, value, default message).  Appending is allowed;
 * changing a value is not.
 */
#define ETSI_ERROR_MAP(XX) \
	XX(ERROR,        -1, "unclassified error") \
	XX(ENOMEM,       -2, "out of memory") \
	XX(EINVALID,     -3, "invalid argument") \
	XX(ENOTFOUND,    -4, "not found") \
	XX(EEXISTS,      -5, "already exists") \
	XX(EIO,          -6, "input/output error") \
	XX(EPARSE,       -7, "document is not well-formed or uses a refused construct") \
	XX(EVALIDATION,  -8, "document does not conform to its schema") \
	XX(ELIMIT,       -9, "input exceeds a safety limit") \
	XX(EUNSUPPORTED, -10, "unsupported edition or format version") \
	XX(EREADONLY,    -11, "object cannot be modified") \
	XX(ETRANSFORM,   -12, "a report transformation failed") \
	XX(EINTEGRITY,   -13, "a digest or signature does not match") \
	XX(ECONFLICT,    -14, "the file changed since it was loaded") \
	XX(ESTOPPED,     -15, "a callback of the caller's stopped the operation")

/** Error codes.  ETSI_OK is 0; every failure is negative. */
typedef enum etsi_error_code {
	ETSI_OK = 0, /**< Success. */
#define ETSI__ERROR_ENUM(name, value, message) ETSI_##name = (value),
	ETSI_ERROR_MAP(ETSI__ERROR_ENUM)
#undef ETSI__ERROR_ENUM
	ETSI__ERROR_LAST = -16 /**< One below the lowest code; not an error. */
} etsi_error_code;

/** Where an error came from. */
typedef enum etsi_error_class {
	ETSI_ERROR_CLASS_NONE = 0,  /**< No error recorded. */
	ETSI_ERROR_CLASS_OS,        /**< The operating system (files, memory). */
	ETSI_ERROR_CLASS_ARGUMENT,  /**< A caller passed a bad argument. */
	ETSI_ERROR_CLASS_XML,       /**< Parsing or refusing an XML document. */
	ETSI_ERROR_CLASS_SCHEMA,    /**< Schema or cross-reference validation. */
	ETSI_ERROR_CLASS_CATALOG,   /**< Loading or querying a catalog. */
	ETSI_ERROR_CLASS_DOSSIER    /**< Reading or changing a dossier. */
} etsi_error_class;

/** The description of the last error on one thread. */
typedef struct etsi_error {
	int code;                /**< An ETSI_E* code, or ETSI_OK. */
	etsi_error_class klass;  /**< Where it came from. */
	const char *message;     /**< One line: what happened and how to fix it. */
	const char *file;        /**< The document concerned, or NULL. */
	int line;                /**< Line in @c file, or 0 when unknown. */
	int column;              /**< Column in @c file, or 0 when unknown. */
} etsi_error;

/**
 * The last error recorded on the calling thread.  The record stays valid
 * until the next libetsi call on this thread.  It is never NULL: with no
 * error, code is ETSI_OK and message is "no error".
 */
ETSI_EXTERN const etsi_error *etsi_error_last(void);

/** Forgets the last error on the calling thread. */
ETSI_EXTERN void etsi_error_clear(void);

/**
 * @param code an ETSI_E* code
 * @return its default message, static; "unknown error code" for others
 */
ETSI_EXTERN const char *etsi_strerror(int code);

/**
 * @param code an ETSI_E* code
 * @return its symbolic name without the ETSI_ prefix ("ENOTFOUND"), static;
 *         NULL for a code not in the table
 */
ETSI_EXTERN const char *etsi_error_name(int code);

ETSI_END_DECL

/** @} */
#endif
