/*
 * Record kinds: where each record lives in its document and where each
 * named field lives in the record (an attribute, a child element's text,
 * an attribute of a child element, or a list of such).
 *
 * The dossier's kinds, and the schema order of its elements, are generated
 * from xsd/dossier.xsd at build time by scripts/gen-tables.py; the
 * catalog's and the evaluation results' kinds are written in kinds.c.
 */
#ifndef ETSI_SRC_KINDS_H
#define ETSI_SRC_KINDS_H

#include <stddef.h>

#include "etsi/record.h"

/* value types, checked when a field is set */
typedef enum etsi__type {
	ETSI__T_TEXT,        /* any text */
	ETSI__T_LINE,        /* one line, 1..1024 characters */
	ETSI__T_BOOL,        /* true | false */
	ETSI__T_DATE,        /* YYYY-MM-DD */
	ETSI__T_ENUM,        /* one of field.values */
	ETSI__T_ID,          /* a dossier id */
	ETSI__T_REF,         /* the id of a record of kind field.ref */
	ETSI__T_PROVISION,   /* a provision of the catalog, not void */
	ETSI__T_TEST_CASE,   /* a test case of the catalog */
	ETSI__T_TEST_GROUP,  /* a test group of the catalog */
	ETSI__T_IXIT_TABLE,  /* an IXIT table of the catalog */
	ETSI__T_FIELD_NAME,  /* an IXIT field id */
	ETSI__T_SHA256,      /* 64 lowercase hex digits */
	ETSI__T_UINT,        /* a non-negative integer */
	ETSI__T_URI,         /* a URI without spaces */
	ETSI__T_MEDIA_TYPE,  /* type/subtype */
	ETSI__T_HASH,        /* "ALG:VALUE", stored as <hash alg="ALG">VALUE</hash> */
	ETSI__T_EDITION,     /* N.N.N */
	ETSI__T_KEYREF,      /* free key of another layer (a waiver's target) */
	ETSI__T_DURATION,    /* an xs:duration such as P5Y */
	ETSI__T_GIT_OID      /* a git object id, 40 or 64 lowercase hex digits */
} etsi__type;

#define ETSI__F_REQUIRED 0x01 /* the schema requires it */
#define ETSI__F_LIST     0x02 /* several values: one element each */
#define ETSI__F_KEY      0x04 /* the record's key */
#define ETSI__F_ANCHOR   0x08 /* its element exists only while it is set */
#define ETSI__F_COMPUTED 0x10 /* derived when the store is indexed; read-only */
#define ETSI__F_FIXED    0x20 /* set when the dossier is created, never changed */

typedef struct etsi__field {
	const char *name;
	const char *elem;            /* child element, NULL: the record's own */
	const char *elem2;           /* grandchild element, or NULL */
	const char *attr;            /* attribute, NULL: text content */
	unsigned char type;          /* etsi__type */
	unsigned char flags;
	const char *const *values;   /* ETSI__T_ENUM, NULL-terminated */
	etsi_kind ref;               /* ETSI__T_REF */
} etsi__field;

#define ETSI__K_SINGLETON 0x01   /* at most one: header, dut, user-info */
#define ETSI__K_IDSPACE   0x02   /* keyed by @id in the dossier's id space */
#define ETSI__K_LOCALKEY  0x04   /* key unique only among siblings */

typedef struct etsi__kind_def {
	etsi_kind kind;
	const char *name;
	const char *ns;
	const char *container;       /* path from the root (or parent record) */
	const char *element;
	etsi_kind parent;
	const etsi__field *fields;
	size_t nfields;
	unsigned int flags;
} etsi__kind_def;

const etsi__kind_def *etsi__kind_lookup(etsi_kind kind);
/* The schema order of an element's children, NULL-terminated, or NULL. */
const char *const *etsi__element_order(const char *parent);
const etsi__field *etsi__kind_find_field(const etsi__kind_def *def, const char *name);

#endif
