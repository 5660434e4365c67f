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

#endif
