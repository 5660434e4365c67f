/* Compiled XML schemas, cached per data directory, and validation. */
#ifndef ETSI_SRC_SCHEMA_H
#define ETSI_SRC_SCHEMA_H

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "diagnostic.h"

/* Returns the compiled schema @p name ("dossier.xsd", "catalog.xsd"),
 * from @p data_dir when it holds that file, else built in.  Borrowed; it
 * lives until the last etsi_shutdown(). */
int etsi__schema_get(xmlSchemaPtr *out, const char *name, const char *data_dir);

/* Validates; appends a diagnostic per problem.  Returns the number of
 * errors found, or ETSI_ENOMEM. */
int etsi__schema_validate(xmlSchemaPtr schema, xmlDoc *doc, const char *file,
                          etsi_diagnostics *diags);

void etsi__schema_cache_clear_locked(void);

#endif
