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
	/* the finding this one follows from, if the check made it: rule id
	 * (static) and the element it is about */
	const char *cause_rule;
	const char *cause_element;
} etsi__where;

/* Appends a diagnostic; strings are copied.  Returns 0 or ETSI_ENOMEM. */
int etsi__diagnostics_add(etsi_diagnostics *list, etsi_severity severity,
                          const etsi__where *where, const char *hint,
                          const char *fmt, ...) ETSI__PRINTF(5, 6);
/* The same with a va_list, for wrappers that take their own format. */
int etsi__diagnostics_vadd(etsi_diagnostics *list, etsi_severity severity,
                           const etsi__where *where, const char *hint, const char *fmt,
                           va_list ap) ETSI__PRINTF(5, 0);

/* What a check does to its findings once they are sorted: merges those of
 * one rule that differ only in their element, reference and line into one
 * finding with an occurrence each (unless @p merge is 0), links each to the
 * finding it follows from, moves it right under that one, and numbers
 * them F1, F2...  Returns 0 or ETSI_ENOMEM (the list is then unchanged). */
int etsi__diagnostics_group(etsi_diagnostics *list, int merge);

#endif
