#include "global.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <libxslt/xslt.h>

#include "catalog_impl.h"
#include "error.h"
#include "etsi/global.h"
#include "report_impl.h"
#include "schema.h"
#include "signature_impl.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_count;

static void init_libraries(void)
{
	xmlInitParser();
	xsltInit();
	exsltRegisterAll(); /* idempotent; EXSLT functions for the stylesheets */
	etsi__signature_global_init(); /* libxmlsec1 and OpenSSL, once */
}

void etsi__global_ensure(void)
{
	pthread_once(&once, init_libraries);
}

void etsi__lock(void)
{
	pthread_mutex_lock(&lock);
}

void etsi__unlock(void)
{
	pthread_mutex_unlock(&lock);
}

int etsi_init(void)
{
	int count;

	etsi__global_ensure();
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

const char *etsi__data_dir(const char *option)
{
	const char *env;

	if (option && *option)
		return option;
	env = getenv("ETSI_DATA_DIR");
	return env && *env ? env : NULL;
}

int etsi__check_data_dir(const char *dir)
{
	struct stat st;

	if (!dir)
		return 0;
	if (stat(dir, &st) < 0)
		return etsi__error(ETSI_EIO, ETSI_ERROR_CLASS_OS,
		                   "data directory %s: %s; check the path given as data_dir, "
		                   "--data-dir or ETSI_DATA_DIR", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return etsi__error(ETSI_EIO, ETSI_ERROR_CLASS_OS,
		                   "data directory %s is not a directory", dir);
	return 0;
}
