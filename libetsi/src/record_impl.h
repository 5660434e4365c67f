/*
 * Records and the store that indexes them.
 *
 * A store owns one or two XML documents (a dossier, or a catalog pair) and a
 * record for every element of a known kind.  The document is the only copy
 * of the data: a record is its element plus the kind's field table, which
 * says where each named field lives (an attribute, a child element's text,
 * an attribute of a child element, or a list of such).  Records are
 * attached to their elements through xmlNode._private.
 */
#ifndef ETSI_SRC_RECORD_IMPL_H
#define ETSI_SRC_RECORD_IMPL_H

#include <libxml/tree.h>

#include "etsi/catalog.h"
#include "etsi/record.h"
#include "util.h"

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

typedef struct etsi__store etsi__store;

struct etsi_record {
	etsi_kind kind;
	int removed;
	xmlNode *node;
	etsi_record *parent;
	etsi__store *store;
	etsi__vec children;
};

/* How a store checks that a reference names a record of the catalog (a
 * provision, test case, test group or IXIT table).  The store knows no
 * catalog: whoever gives it one hands in this resolver (the dossier, from
 * etsi__catalog_resolver()).  check() returns 0, or an error, with the
 * message set, that says what the catalog holds instead. */
typedef struct etsi__resolver {
	int (*check)(const void *ctx, etsi_kind kind, const char *id);
	const void *ctx;
} etsi__resolver;

struct etsi__store {
	xmlDocPtr docs[3];
	size_t ndocs;
	const char *ns;
	int readonly;
	int dirty;                            /* by_kind needs rebuilding */
	etsi__vec all;                        /* every record, for freeing */
	etsi__vec by_kind[ETSI__KIND_LAST];
	etsi__map keys[ETSI__KIND_LAST];
	etsi__map ids;                        /* the dossier's id space */
	etsi__map text_cache;                 /* node address -> joined text */
	etsi__resolver resolver;              /* for reference checks; check NULL for none */
	etsi__store *self;                    /* for lazy refreshes from const calls */
};

const etsi__kind_def *etsi__kind_lookup(etsi_kind kind);
/* The schema order of an element's children, NULL-terminated, or NULL. */
const char *const *etsi__element_order(const char *parent);
const etsi__field *etsi__kind_find_field(const etsi__kind_def *def, const char *name);

/* Indexes the store's documents.  Called once after loading. */
int etsi__store_index(etsi__store *store);
/* Frees records, maps and documents (the store struct itself is the
 * caller's). */
void etsi__store_dispose(etsi__store *store);

size_t etsi__store_count(const etsi__store *store, etsi_kind kind);
etsi_record *etsi__store_at(const etsi__store *store, etsi_kind kind, size_t i);
etsi_record *etsi__store_find(const etsi__store *store, etsi_kind kind, const char *key);

int etsi__store_add(etsi_record **out, etsi__store *store, etsi_record *parent,
                    etsi_kind kind, const char *const *fields);
int etsi__store_remove(etsi__store *store, etsi_record *record);
/* Forgets the records and cached texts under a node the caller is about to
 * unlink and free. */
void etsi__store_detach(etsi__store *store, xmlNode *node);
/* Inserts a new child element at its schema position. */
void etsi__store_insert(etsi__store *store, xmlNode *parent, xmlNode *child);

/* Stores the value of a computed field of a record (catalogs only). */
int etsi__store_set_computed(etsi__store *store, const etsi_record *record, char *value);

/* The text of an element, joined when it is split by comments. */
const char *etsi__store_text(etsi__store *store, xmlNode *node);

/* Fast internal field read by table entry. */
const char *etsi__record_field(const etsi_record *record, const etsi__field *field);

/* The value check used by set and add; reports through etsi_error. */
int etsi__check_value(const etsi_record *record, const etsi__kind_def *def,
                      const etsi__field *field, const char *value, etsi__store *store);

/* What an identifier looks like: a provision (5.3-2), a test case
 * (5.3-2-1), an IXIT table (7-UpdMech), a dossier id, or none of them. */
enum {
	ETSI__SHAPE_OTHER,
	ETSI__SHAPE_PROVISION,
	ETSI__SHAPE_TEST_CASE,
	ETSI__SHAPE_TABLE,
	ETSI__SHAPE_ID
};
int etsi__id_shape(const char *s);

/* Validity checks shared with the parsers of other inputs. */
int etsi__valid_text(const char *s);
int etsi__valid_date(const char *s);
int etsi__valid_id(const char *s);

#endif
