/*
 * The top of the library: etsi_init() and etsi_shutdown(), which clear the
 * caches of the modules below.  No module includes this header; the low
 * runtime they share is runtime.h.
 */
#ifndef ETSI_SRC_GLOBAL_H
#define ETSI_SRC_GLOBAL_H

/* For the tests: non-zero when every library in `what` is initialized. */
#define ETSI__INIT_XSLT 1u
#define ETSI__INIT_CRYPTO 2u
int etsi__global_initialized(unsigned int what);

#endif
