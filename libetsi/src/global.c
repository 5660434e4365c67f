#include "global.h"

#include "catalog_impl.h"
#include "error.h"
#include "etsi/global.h"
#include "report_impl.h"
#include "runtime.h"
#include "schema.h"
#include "signature_impl.h"

static int init_count; /* under the runtime's lock */

int etsi__global_initialized(unsigned int what)
{
	return ((what & ETSI__INIT_XSLT) ? etsi__runtime_xslt_ready() : 1) &&
	       ((what & ETSI__INIT_CRYPTO) ? etsi__signature_ready() : 1);
}

int etsi_init(void)
{
	int count;

	etsi__runtime_ensure();
	etsi__lock();
	count = ++init_count;
	etsi__unlock();
	return count;
}

int etsi_shutdown(void)
{
	int count;

	etsi__lock();
	if (init_count == 0) {
		etsi__unlock();
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_shutdown() without a matching etsi_init()");
	}
	count = --init_count;
	if (count == 0) {
		etsi__catalog_cache_clear_locked();
		etsi__schema_cache_clear_locked();
		etsi__report_cache_clear_locked();
	}
	etsi__unlock();
	return count;
}
