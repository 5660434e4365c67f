#include "helpers.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *env_or_fail(const char *name)
{
	const char *value = getenv(name);

	if (!value || !*value) {
		fprintf(stderr, "%s is not set; run the tests through ctest\n", name);
		exit(2);
	}
	return value;
}

const char *test_source_path(const char *relative)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", env_or_fail("ETSI_SOURCE_DIR"), relative);
	return path;
}

const char *test_data_path(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", env_or_fail("ETSI_TEST_DATA"), name);
	return path;
}

char *test_mkdtemp(void)
{
	const char *base = getenv("TMPDIR");
	char buf[4096];
	char *dir;

	snprintf(buf, sizeof(buf), "%s/etsi-test-XXXXXX", base && *base ? base : "/tmp");
	dir = mkdtemp(buf);
	assert_non_null(dir);
	dir = strdup(dir);
	assert_non_null(dir);
	return dir;
}

void test_rmtree(const char *dir)
{
	struct dirent *entry;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((entry = readdir(d))) {
		char path[4096];
		struct stat st;

		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, entry->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			test_rmtree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
	data[size] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)size;
	return data;
}

void test_write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

int test_init(void **state)
{
	(void)state;
	return etsi_init() > 0 ? 0 : -1;
}

int test_shutdown(void **state)
{
	(void)state;
	return etsi_shutdown() >= 0 ? 0 : -1;
}
