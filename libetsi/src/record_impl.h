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
#include "kinds.h"
#include "util.h"

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
	int failed;                           /* ETSI_ENOMEM: a const call's lazy work failed */
};

/* The sticky failure of a const call (a lazy re-index or text join that ran
 * out of memory: the getter returned 0 or NULL, as for nothing there, and
 * set the thread's last error).  The next call that returns a result code
 * reports it through this: 0, or ETSI_ENOMEM with a message that says so.
 * Getters declared const never drop an error: they defer it here. */
int etsi__store_failed(const etsi__store *store);

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
