/* Internal view of catalogs. */
#ifndef ETSI_SRC_CATALOG_IMPL_H
#define ETSI_SRC_CATALOG_IMPL_H

#include "etsi/catalog.h"
#include "record_impl.h"

struct etsi_catalog {
	int refs;               /* guarded by the global lock */
	char *cache_key;
	char *edition;          /* EN 303 645 */
	char *ts_edition;       /* TS 103 701 */
	char *assesses;         /* the EN 303 645 edition the TS catalog was written for */
	etsi__store store;      /* docs[0]: requirement, docs[1]: assessment,
	                           docs[2]: crypto policy */
};

/* Adds a reference to a catalog (for a dossier that uses it). */
etsi_catalog *etsi__catalog_ref(etsi_catalog *catalog);

/* The resolver a dossier's record store checks its references with: a
 * provision that is void, or a test case, test group or IXIT table the
 * catalog lacks, is refused with a message that says what to use.  With
 * @p catalog NULL (the editions are unknown), the resolver checks nothing. */
etsi__resolver etsi__catalog_resolver(const etsi_catalog *catalog);

void etsi__catalog_cache_clear_locked(void);

#endif
