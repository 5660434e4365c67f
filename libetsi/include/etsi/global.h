/**
 * @file etsi/global.h
 * @brief Library start-up and shut-down.
 * @defgroup etsi_global Initialization
 * @{
 */
#ifndef ETSI_GLOBAL_H
#define ETSI_GLOBAL_H

#include "common.h"

ETSI_BEGIN_DECL

/**
 * Initializes libetsi and the XML libraries under it.  Calls are counted:
 * every etsi_init() needs a matching etsi_shutdown(), and only the last one
 * releases the shared caches (compiled schemas, opened catalogs).  Several
 * independent users in one process may each call it.  libetsi never tears
 * down libxml2's own global state, so other users of libxml2 are safe.
 *
 * Call it before any other function, from one thread, or from several
 * threads: it is thread-safe.
 *
 * @return the number of active initializations (at least 1), or a negative
 *         ETSI_E* code
 */
ETSI_EXTERN etsi_result etsi_init(void);

/**
 * Ends one initialization.  Objects still alive stay usable; caches are
 * released once the count reaches zero and the last object is freed.
 *
 * @return the number of initializations still active (0 when this was the
 *         last), or ETSI_EINVALID without a matching etsi_init()
 */
ETSI_EXTERN etsi_result etsi_shutdown(void);

ETSI_END_DECL

/** @} */
#endif
