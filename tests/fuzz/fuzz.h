/*
 * Shared by the libFuzzer targets.  Each target defines
 * LLVMFuzzerTestOneInput(); the fuzz build (ETSI_FUZZ, clang,
 * -fsanitize=fuzzer) links it with libFuzzer, the normal build with
 * replay.c, which feeds it the files of tests/fuzz/regressions/<target>/
 * and tests/fuzz/corpus/<target>/ as a ctest test.
 *
 * The targets check invariants as well as memory safety: a call that
 * fails must fail with a code its documentation lists and leave a message
 * in etsi_error_last(); FUZZ_ASSERT() aborts otherwise, which both
 * libFuzzer and the replay test report as a crash.
 */
#ifndef ETSI_FUZZ_H
#define ETSI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <etsi.h>

/* The date every target checks against, so that runs are reproducible. */
#define FUZZ_AS_OF "2026-06-01"

#define FUZZ_ASSERT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s (last error %d: %s)\n", \
			        __FILE__, __LINE__, #cond, etsi_error_last()->code, \
			        etsi_error_last()->message); \
			abort(); \
		} \
	} while (0)

/* A failure with a message, as every failing call must leave. */
#define FUZZ_ASSERT_ERROR(rc) \
	do { \
		FUZZ_ASSERT((rc) < 0); \
		FUZZ_ASSERT(etsi_error_last()->code == (rc)); \
		FUZZ_ASSERT(etsi_error_last()->message && etsi_error_last()->message[0]); \
	} while (0)

/* A load that failed: with a message, no dossier, and a code a load
 * documents. */
#define FUZZ_ASSERT_LOAD_FAILED(rc, dossier) \
	do { \
		FUZZ_ASSERT_ERROR(rc); \
		FUZZ_ASSERT(!(dossier)); \
		FUZZ_ASSERT((rc) == ETSI_EPARSE || (rc) == ETSI_ELIMIT || \
		            (rc) == ETSI_EVALIDATION || (rc) == ETSI_EUNSUPPORTED || \
		            (rc) == ETSI_ENOMEM); \
	} while (0)

/* The first occurrence of the text needle in data, or NULL. */
static inline const uint8_t *fuzz_find(const uint8_t *data, size_t size, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= size; i++)
		if (memcmp(data + i, needle, n) == 0)
			return data + i;
	return NULL;
}

/* The input loaded as `etsi check`, `diff` and `evidence verify` load a
 * dossier, without validation; NULL when it does not load, which must be
 * a documented failure. */
static inline etsi_dossier *fuzz_load_unvalidated(const uint8_t *data, size_t size,
                                                  const char *name)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	etsi_dossier *d = NULL;
	int rc;

	opts.flags = ETSI_LOAD_NO_VALIDATE;
	rc = etsi_dossier_load_memory(&d, (const char *)data, size, name, &opts);
	if (rc < 0)
		FUZZ_ASSERT_LOAD_FAILED(rc, d);
	return d;
}

/* Whether @p rc is one of @p codes (a list ending in 0). */
static inline int fuzz_code_in(int rc, const int *codes)
{
	for (; *codes; codes++)
		if (rc == *codes)
			return 1;
	return 0;
}

/* What a call that makes a new dossier from an old one (migrate, release)
 * must leave: on failure, a message, no dossier, and a documented code:
 * one of @p codes, or of @p invalid_codes when the old dossier is not
 * valid (both lists end in 0); on success, a dossier that serializes and,
 * when the old one was valid, is valid.  Returns 1 when the call
 * succeeded. */
static inline int fuzz_check_made(int rc, etsi_dossier *out, int old_valid,
                                  const int *codes, const int *invalid_codes)
{
	char *xml = NULL;

	if (rc < 0) {
		FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(!out);
		FUZZ_ASSERT(fuzz_code_in(rc, codes) || (!old_valid && fuzz_code_in(rc, invalid_codes)));
		return 0;
	}
	FUZZ_ASSERT(out);
	FUZZ_ASSERT(etsi_dossier_write(&xml, NULL, out) == 0 && xml);
	etsi_free(xml);
	if (old_valid)
		FUZZ_ASSERT(etsi_dossier_validate(NULL, out) == 0);
	return 1;
}

/* The body of a target that works on one dossier, loaded without
 * validation as the C API allows: calls run(dossier, valid) with whether
 * it is valid. */
#define FUZZ_ONE_DOSSIER(run) \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) \
	{ \
		etsi_dossier *d = fuzz_load_unvalidated(data, size, "fuzz.xml"); \
\
		if (d) { \
			run(d, etsi_dossier_validate(NULL, d) == 0); \
			etsi_dossier_free(d); \
		} \
		return 0; \
	}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The one initialization every target needs. */
#define FUZZ_INIT_ONCE() \
	int LLVMFuzzerInitialize(int *argc, char ***argv) \
	{ \
		(void)argc; \
		(void)argv; \
		if (etsi_init() < 0) \
			abort(); \
		return 0; \
	}

#endif
