/* Internal construction of diagnostic lists. */
#ifndef ETSI_SRC_DIAGNOSTIC_H
#define ETSI_SRC_DIAGNOSTIC_H

#include "etsi/diagnostic.h"
#include "util.h"

struct etsi_diagnostics {
	etsi__vec items;   /* etsi_diagnostic *, each one allocation */
	size_t counts[3];  /* per severity */
};

etsi_diagnostics *etsi__diagnostics_new(void);

/* Sorts by key, keeping insertion order among equal keys. */
int etsi__diagnostics_sort(etsi_diagnostics *list,
                            int (*compare)(const etsi_diagnostic *, const etsi_diagnostic *));

/* The located, identified fields of a diagnostic, all optional but file. */
typedef struct etsi__where {
	const char *file;
	int line;
	int column;
	const char *rule;
	const char *element;
	const char *reference;
	const char *waiver;      /* id of the waiver that covers it, or NULL */
	const char *claim;       /* the claim a fact contradicts, or NULL */
	const char *fact;        /* that fact, or NULL */
	int fact_line;
} etsi__where;

/* Appends a diagnostic; strings are copied.  Returns 0 or ETSI_ENOMEM. */
int etsi__diagnostics_add(etsi_diagnostics *list, etsi_severity severity,
                          const etsi__where *where, const char *hint,
                          const char *fmt, ...) ETSI__PRINTF(5, 6);

#endif
