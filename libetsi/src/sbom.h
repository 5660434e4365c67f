/* The SBOM imports (sbom.c): CycloneDX (JSON or XML) and SPDX. */
#ifndef ETSI_SRC_SBOM_H
#define ETSI_SRC_SBOM_H

#include "import.h"

extern const etsi__importer etsi__import_cyclonedx;
extern const etsi__importer etsi__import_spdx;

#endif
