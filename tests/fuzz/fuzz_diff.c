/*
 * Fuzz target: etsi_dossier_diff() and its writers, on two dossiers loaded
 * the way `etsi diff` loads them (not validated: diff works on invalid
 * dossiers).  The input holds the old dossier, the separator line
 * FUZZ_DIFF_SEPARATOR and the new one; without the separator both are the
 * whole input.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

#define FUZZ_DIFF_SEPARATOR "\n<!--etsi-diff-->\n"

static void write_both(const etsi_diff *diff, int null_text)
{
	static const char *const formats[] = { "text", "json" };
	size_t i;

	for (i = 0; i < 2; i++) {
		char *text = NULL;
		size_t len = 0;
		int rc = etsi_diff_write(&text, &len, diff, formats[i]);

		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
		if (rc == 0)
			FUZZ_ASSERT(text && strlen(text) == len);
		/* a missing value is never printed as "(null)" */
		FUZZ_ASSERT(rc < 0 || !strstr(text, "(null)") || null_text);
		etsi_free(text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = fuzz_find(data, size, FUZZ_DIFF_SEPARATOR);
	size_t old_size = sep ? (size_t)(sep - data) : size;
	const uint8_t *new_data = sep ? sep + strlen(FUZZ_DIFF_SEPARATOR) : data;
	size_t new_size = sep ? size - old_size - strlen(FUZZ_DIFF_SEPARATOR) : size;
	etsi_dossier *a = fuzz_load_unvalidated(data, old_size, "old.xml"), *b;
	etsi_diff *diff = NULL;
	size_t i, n;
	int rc;

	if (!a)
		return 0;
	b = fuzz_load_unvalidated(new_data, new_size, "new.xml");
	if (!b) {
		etsi_dossier_free(a);
		return 0;
	}
	rc = etsi_dossier_diff(&diff, a, b);
	FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
	if (rc == 0) {
		n = etsi_diff_count(diff);
		for (i = 0; i < n; i++) {
			const etsi_change *c = etsi_diff_at(diff, i);

			FUZZ_ASSERT(c && c->kind && etsi_change_type_name(c->type));
			FUZZ_ASSERT(c->type != ETSI_CHANGE_CHANGED || c->field);
		}
		FUZZ_ASSERT(!etsi_diff_at(diff, n));
		n = etsi_diff_stale_count(diff);
		for (i = 0; i < n; i++) {
			const etsi_stale *s = etsi_diff_stale_at(diff, i);

			FUZZ_ASSERT(s && s->evidence && s->message && s->message[0]);
		}
		write_both(diff, fuzz_find(data, size, "(null)") != NULL);
	}
	etsi_diff_free(diff);
	diff = NULL;

	/* a valid dossier does not differ from itself */
	if (etsi_dossier_validate(NULL, b) == 0) {
		rc = etsi_dossier_diff(&diff, b, b);
		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM);
		FUZZ_ASSERT(rc < 0 || etsi_diff_count(diff) == 0);
		etsi_diff_free(diff);
	}
	etsi_dossier_free(a);
	etsi_dossier_free(b);
	return 0;
}
