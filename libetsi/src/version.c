#include "etsi/version.h"

int etsi_version(int *major, int *minor, int *patch)
{
	if (major)
		*major = ETSI_VERSION_MAJOR;
	if (minor)
		*minor = ETSI_VERSION_MINOR;
	if (patch)
		*patch = ETSI_VERSION_PATCH;
	return ETSI_VERSION_NUMBER;
}

const char *etsi_version_string(void)
{
	return ETSI_VERSION;
}
