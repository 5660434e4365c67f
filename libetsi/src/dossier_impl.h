/* Internal view of dossiers, for the evaluation engine. */
#ifndef ETSI_SRC_DOSSIER_IMPL_H
#define ETSI_SRC_DOSSIER_IMPL_H

#include "etsi/dossier.h"
#include "record_impl.h"
#include "xml.h"

struct etsi_dossier {
	etsi__store store;       /* docs[0]: the dossier */
	etsi_catalog *catalog;   /* NULL when the editions are unknown */
	char *path;
	char *data_dir;
	etsi__xml_source source; /* how the file wrote what it did (xml.h) */
	etsi__file_state file;   /* the file as loaded or last saved (file.h) */
};

/* A new, empty dossier named @p path (may be NULL) reading catalogs from
 * @p data_dir (may be NULL): the one place a dossier struct is made, so
 * that every field starts valid (no file, no lock held).  NULL when out
 * of memory. */
etsi_dossier *etsi__dossier_alloc(const char *path, const char *data_dir);

/* A dossier that shares @p src's catalog and holds a copy of its
 * document, for trying changes out. */
int etsi__dossier_clone(etsi_dossier **out, const etsi_dossier *src);

#endif
