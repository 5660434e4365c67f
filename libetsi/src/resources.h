/*
 * Data compiled into the library: the XML schemas and the catalogs (and,
 * later, the stylesheets).  resources.c is generated at build time by
 * cmake/EmbedResources.cmake from the files under xsd/ and catalogs/.
 */
#ifndef ETSI_SRC_RESOURCES_H
#define ETSI_SRC_RESOURCES_H

#include <stddef.h>

typedef struct etsi__resource {
	const char *name;            /* file name, such as "dossier.xsd" */
	const unsigned char *data;
	size_t len;
} etsi__resource;

/* Terminated by an entry whose name is NULL. */
extern const etsi__resource etsi__resources[];

const etsi__resource *etsi__resource_find(const char *name);

#endif
