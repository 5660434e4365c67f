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

void etsi__catalog_cache_clear_locked(void);

#endif
