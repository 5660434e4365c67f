/**
 * @file etsi/version.h
 * @brief Compile-time and run-time version of libetsi.
 * @defgroup etsi_version Version
 *
 * While libetsi is at 0.x, the ABI is stable only within a minor release:
 * the shared library's SONAME is libetsi.so.MAJOR.MINOR.  From 1.0 the
 * SONAME carries the major number alone.  See docs/api-stability.md.
 * @{
 */
#ifndef ETSI_VERSION_H
#define ETSI_VERSION_H

#include "common.h"

/** Major version: incompatible API changes. */
#define ETSI_VERSION_MAJOR 0
/** Minor version: new API; while at 0.x also ABI changes. */
#define ETSI_VERSION_MINOR 1
/** Patch version: fixes only. */
#define ETSI_VERSION_PATCH 0
/** The version as a string. */
#define ETSI_VERSION "0.1.0"
/** The version as one number, 0xMMmmpp, for comparisons in preprocessor conditions. */
#define ETSI_VERSION_NUMBER \
	((ETSI_VERSION_MAJOR << 16) | (ETSI_VERSION_MINOR << 8) | ETSI_VERSION_PATCH)

ETSI_BEGIN_DECL

/**
 * The version of the library actually loaded, which may differ from the
 * headers a program was compiled with.
 *
 * @param[out] major major version; may be NULL
 * @param[out] minor minor version; may be NULL
 * @param[out] patch patch version; may be NULL
 * @return ETSI_VERSION_NUMBER of the loaded library
 */
ETSI_EXTERN int etsi_version(int *major, int *minor, int *patch);

/**
 * @return the loaded library's version as a static string, such as "0.1.0"
 */
ETSI_EXTERN const char *etsi_version_string(void);

ETSI_END_DECL

/** @} */
#endif
