#include "runtime.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "error.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* libxml2 is needed by every command; libxslt only by one that renders a
 * report, and libxmlsec1 with OpenSSL only by one that signs or verifies.
 * Each of the last two is initialized on first use, under the library's
 * lock, and is marked ready (release) only once its initialization is
 * complete: a thread that sees the mark (acquire) sees the global tables
 * the initialization filled in (libxmlsec1's I/O callbacks, key data and
 * transform lists, its error callback; libexslt's extension modules).  No
 * parse reads those tables before it asked for them here.  A command that
 * uses neither pays for neither; see "Performance" in docs/hardening.md
 * for what that saves. */
static atomic_int xslt_ready;

static void init_libraries(void)
{
	xmlInitParser();
}

static void init_xslt(void)
{
	xsltInit();
	exsltRegisterAll(); /* EXSLT functions for the stylesheets */
}

void etsi__runtime_once(atomic_int *ready, void (*init)(void))
{
	if (atomic_load_explicit(ready, memory_order_acquire))
		return;
	etsi__runtime_ensure();
	pthread_mutex_lock(&lock);
	if (!atomic_load_explicit(ready, memory_order_relaxed)) {
		init();
		atomic_store_explicit(ready, 1, memory_order_release);
	}
	pthread_mutex_unlock(&lock);
}

void etsi__runtime_ensure(void)
{
	pthread_once(&once, init_libraries);
}

void etsi__runtime_ensure_xslt(void)
{
	etsi__runtime_once(&xslt_ready, init_xslt);
}

int etsi__runtime_xslt_ready(void)
{
	return atomic_load(&xslt_ready) != 0;
}

void etsi__lock(void)
{
	pthread_mutex_lock(&lock);
}

void etsi__unlock(void)
{
	pthread_mutex_unlock(&lock);
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
