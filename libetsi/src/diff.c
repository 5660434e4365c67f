/*
 * Differences between two dossiers, and the evidence they make stale.
 *
 * Each kind is compared in one pass: the old dossier's records are put in
 * a map by key, the new dossier's records are looked up in it, and what is
 * left over was removed.  Every change of a product fact is also noted
 * against the groups of facts it belongs to (the update boundary, the
 * trust and cryptography of the mechanisms, ...); an evidence item whose
 * own content did not change is stale when a group its provision rests on
 * has a change (the table `rests_on`, documented in docs/lifecycle.md).
 * Everything is linear in the size of the two dossiers.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "alloc.h"
#include "error.h"
#include "etsi/lifecycle.h"
#include "kinds.h"
#include "record_impl.h"
#include "util.h"

struct etsi_diff {
	etsi__vec changes;   /* etsi_change *, each one allocation with its strings */
	etsi__vec stale;     /* etsi_stale *, likewise */
	char *names[4];      /* old file, new file, old release, new release */
	size_t counts[3];    /* per change type */
};

/* The kinds compared, in the order changes are listed.  The stored test
 * plan (plan-case, plan-input) is derived data and left out. */
static const etsi_kind compared[] = {
	ETSI_KIND_HEADER, ETSI_KIND_PARTY, ETSI_KIND_OWNER, ETSI_KIND_DUT, ETSI_KIND_SERVICE,
	ETSI_KIND_COMPONENT, ETSI_KIND_MECHANISM, ETSI_KIND_USER_INFO, ETSI_KIND_CONFIRMATION,
	ETSI_KIND_SOFT_COMP, ETSI_KIND_UPD_MECH, ETSI_KIND_UPD_PROC, ETSI_KIND_REPL_SUP,
	ETSI_KIND_ICS_ENTRY, ETSI_KIND_EVIDENCE, ETSI_KIND_ARTIFACT, ETSI_KIND_COVERS,
	ETSI_KIND_VERDICT, ETSI_KIND_WAIVER, ETSI_KIND_STEP,
};

/* ---- staleness: groups of facts and the provisions resting on them --- */

enum {
	G_NONE,
	G_BOUNDARY,     /* which components there are and how each is updated */
	G_BUILD,        /* the software build: component versions and hashes */
	G_PATH,         /* the update mechanisms and their paths */
	G_TRUST,        /* trust relationships and cryptography */
	G_INTERACTION,  /* automation, checking, notification, user interaction */
	G_PROCESS,      /* update procedures and their time frame */
	G_SUPPORT,      /* the support period and its publication */
	G_REPLACEMENT,  /* non-updatable software: isolation, replacement, constraint */
	G_IDENTITY,     /* the model designation and hardware version */
	G__COUNT
};

static const char *const group_names[G__COUNT] = {
	[G_BOUNDARY] = "the update boundary",
	[G_BUILD] = "the software build",
	[G_PATH] = "the update mechanisms",
	[G_TRUST] = "trust and cryptography",
	[G_INTERACTION] = "automation and user interaction",
	[G_PROCESS] = "update procedures",
	[G_SUPPORT] = "the support period",
	[G_REPLACEMENT] = "isolation and replacement",
	[G_IDENTITY] = "the model designation",
};

#define B(g) (1u << (g))

/* Which changes are facts, and of which groups.  field NULL: the record
 * was added or removed. */
static const struct {
	etsi_kind kind;
	const char *field;
	unsigned int groups;
} facts[] = {
	{ ETSI_KIND_DUT, "software-version", B(G_BUILD) },
	{ ETSI_KIND_DUT, "hardware-version", B(G_IDENTITY) },
	{ ETSI_KIND_DUT, "model-designation", B(G_IDENTITY) },
	{ ETSI_KIND_DUT, "constrained", B(G_REPLACEMENT) },
	{ ETSI_KIND_DUT, "prevents-update-mechanism", B(G_REPLACEMENT) },
	{ ETSI_KIND_DUT, "rationale", B(G_REPLACEMENT) },
	{ ETSI_KIND_COMPONENT, NULL, B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "kind", B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "updateable", B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "mechanism", B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "no-update-reason", B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "no-update-justification", B(G_BOUNDARY) },
	{ ETSI_KIND_COMPONENT, "version", B(G_BUILD) },
	{ ETSI_KIND_COMPONENT, "hash", B(G_BUILD) },
	{ ETSI_KIND_COMPONENT, "purl", B(G_BUILD) },
	{ ETSI_KIND_COMPONENT, "cpe", B(G_BUILD) },
	{ ETSI_KIND_MECHANISM, NULL, B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "path", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "network", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "implemented", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "interface", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "service", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "description", B(G_PATH) },
	{ ETSI_KIND_MECHANISM, "trust", B(G_TRUST) },
	{ ETSI_KIND_MECHANISM, "trust-detail", B(G_TRUST) },
	{ ETSI_KIND_MECHANISM, "automatic", B(G_INTERACTION) },
	{ ETSI_KIND_MECHANISM, "notification", B(G_INTERACTION) },
	{ ETSI_KIND_USER_INFO, NULL, B(G_SUPPORT) | B(G_REPLACEMENT) | B(G_IDENTITY) },
	{ ETSI_KIND_USER_INFO, "model-designation", B(G_IDENTITY) },
	{ ETSI_KIND_USER_INFO, "support-period", B(G_SUPPORT) },
	{ ETSI_KIND_USER_INFO, "support-period-end", B(G_SUPPORT) },
	{ ETSI_KIND_USER_INFO, "publication-of-support-period", B(G_SUPPORT) },
	{ ETSI_KIND_USER_INFO, "publication-of-support-period-url", B(G_SUPPORT) },
	{ ETSI_KIND_USER_INFO, "publication-of-non-updatable", B(G_REPLACEMENT) },
	{ ETSI_KIND_USER_INFO, "publication-of-non-updatable-url", B(G_REPLACEMENT) },
	{ ETSI_KIND_USER_INFO, "documentation-of-replacement", B(G_REPLACEMENT) },
	{ ETSI_KIND_USER_INFO, "documentation-of-replacement-url", B(G_REPLACEMENT) },
	{ ETSI_KIND_SOFT_COMP, NULL, B(G_BOUNDARY) },
	{ ETSI_KIND_SOFT_COMP, "component", B(G_BOUNDARY) },
	{ ETSI_KIND_SOFT_COMP, "description", B(G_BOUNDARY) },
	{ ETSI_KIND_SOFT_COMP, "update-mechanism-justification", B(G_BOUNDARY) },
	{ ETSI_KIND_SOFT_COMP, "cryptographic-usage", B(G_TRUST) },
	{ ETSI_KIND_UPD_MECH, NULL, B(G_PATH) },
	{ ETSI_KIND_UPD_MECH, "mechanism", B(G_PATH) },
	{ ETSI_KIND_UPD_MECH, "description", B(G_PATH) },
	{ ETSI_KIND_UPD_MECH, "security-guarantees", B(G_TRUST) },
	{ ETSI_KIND_UPD_MECH, "cryptographic-details", B(G_TRUST) },
	{ ETSI_KIND_UPD_MECH, "initiation-and-interaction", B(G_INTERACTION) },
	{ ETSI_KIND_UPD_MECH, "configuration", B(G_INTERACTION) },
	{ ETSI_KIND_UPD_MECH, "update-checking", B(G_INTERACTION) },
	{ ETSI_KIND_UPD_MECH, "user-notification", B(G_INTERACTION) },
	{ ETSI_KIND_UPD_PROC, NULL, B(G_PROCESS) },
	{ ETSI_KIND_UPD_PROC, "description", B(G_PROCESS) },
	{ ETSI_KIND_UPD_PROC, "time-frame", B(G_PROCESS) },
	{ ETSI_KIND_REPL_SUP, NULL, B(G_REPLACEMENT) },
	{ ETSI_KIND_REPL_SUP, "isolation", B(G_REPLACEMENT) },
	{ ETSI_KIND_REPL_SUP, "hardware-replacement", B(G_REPLACEMENT) },
};

/* The groups each clause 5.3 provision rests on, most specific first.
 * V3.1.3's 4A/4B, 6A/6B and 15A/15B rest on what 4, 6 and 15 rest on.
 * G_BUILD counts for functional evidence only: a new build changes what
 * the device does, not what a design document says. */
static const struct {
	const char *provision;
	unsigned char groups[4];
} rests_on[] = {
	{ "5.3-1", { G_BOUNDARY, G_PATH } },
	{ "5.3-2", { G_TRUST, G_PATH, G_BOUNDARY, G_BUILD } },
	{ "5.3-3", { G_INTERACTION, G_PATH, G_BUILD } },
	{ "5.3-4", { G_INTERACTION, G_PATH, G_BUILD } },
	{ "5.3-5", { G_INTERACTION, G_PATH, G_BUILD } },
	{ "5.3-6", { G_INTERACTION, G_BUILD } },
	{ "5.3-7", { G_TRUST, G_BUILD } },
	{ "5.3-8", { G_PROCESS } },
	{ "5.3-9", { G_TRUST, G_PATH, G_BUILD } },
	{ "5.3-10", { G_TRUST, G_PATH, G_BUILD } },
	{ "5.3-11", { G_INTERACTION, G_BUILD } },
	{ "5.3-12", { G_INTERACTION, G_BUILD } },
	{ "5.3-13", { G_SUPPORT } },
	{ "5.3-14", { G_REPLACEMENT, G_BOUNDARY } },
	{ "5.3-15", { G_REPLACEMENT, G_BOUNDARY } },
	{ "5.3-16", { G_IDENTITY } },
};

/* The first change of a group (or of a provision's ICS entry) and how
 * many there are. */
typedef struct cause {
	const etsi_change *first;
	size_t count;
} cause;

typedef struct state {
	etsi_diff *diff;
	cause groups[G__COUNT];
	etsi__map ics;        /* provision -> cause * */
	etsi__vec causes;     /* the causes of ics, for freeing */
	int oom;
} state;

/* Equal strings, or both absent. */
static int eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static const unsigned char *groups_of(const char *provision)
{
	char base[32];
	size_t i, n;

	if (!provision)
		return NULL;
	n = strlen(provision);
	if (n == 0 || n >= sizeof(base))
		return NULL;
	memcpy(base, provision, n + 1);
	if (isupper((unsigned char)base[n - 1]))
		base[n - 1] = '\0'; /* 5.3-4A rests on what 5.3-4 rests on */
	for (i = 0; i < ETSI__ARRAY_SIZE(rests_on); i++) {
		if (strcmp(rests_on[i].provision, base) == 0)
			return rests_on[i].groups;
	}
	return NULL;
}

static void count_cause(cause *c, const etsi_change *change)
{
	if (!c->count++)
		c->first = change;
}

/* Notes a change against the groups it belongs to. */
static void note_fact(state *st, etsi_kind kind, const etsi_record *r, const char *field,
                      const etsi_change *change)
{
	size_t i, g;

	if (kind == ETSI_KIND_ICS_ENTRY) {
		const char *provision = etsi_record_key(r);
		cause *c;

		if (field && strcmp(field, "support") != 0 && strcmp(field, "detail") != 0)
			return; /* the review marks are not facts */
		if (!provision)
			return; /* an invalid entry without one: no evidence rests on it */
		c = etsi__map_get(&st->ics, provision);
		if (!c) {
			c = etsi__calloc(1, sizeof(*c));
			if (!c || etsi__vec_push(&st->causes, c) < 0) {
				etsi__free(c);
				st->oom = 1;
				return;
			}
			if (etsi__map_put(&st->ics, provision, c) < 0) {
				st->oom = 1;
				return;
			}
		}
		count_cause(c, change);
		return;
	}
	if (kind == ETSI_KIND_CONFIRMATION) {
		/* 4-Conf: only the update procedures are about clause 5.3 */
		if (etsi__streq(etsi_record_key(r), "update-procedures"))
			count_cause(&st->groups[G_PROCESS], change);
		return;
	}
	for (i = 0; i < ETSI__ARRAY_SIZE(facts); i++) {
		if (facts[i].kind != kind || !eq(facts[i].field, field))
			continue;
		for (g = 1; g < G__COUNT; g++) {
			if (facts[i].groups & B(g))
				count_cause(&st->groups[g], change);
		}
		return;
	}
}

/* ---- text ------------------------------------------------------------ */

/* The next character of a text read with runs of white space as one
 * space and none at the end; 0 at the end. */
static int next_char(const char **p)
{
	const char *s = *p;

	if (isspace((unsigned char)*s)) {
		while (isspace((unsigned char)*s))
			s++;
		*p = s;
		return *s ? ' ' : 0;
	}
	if (!*s)
		return 0;
	*p = s + 1;
	return (unsigned char)*s;
}

static const char *skip_space(const char *s)
{
	while (s && isspace((unsigned char)*s))
		s++;
	return s;
}

static int same_text(const char *a, const char *b)
{
	int ca, cb;

	if (!a || !b)
		return a == b;
	a = skip_space(a);
	b = skip_space(b);
	do {
		ca = next_char(&a);
		cb = next_char(&b);
		if (ca != cb)
			return 0;
	} while (ca);
	return 1;
}

/* A copy with runs of white space as one space; NULL when out of memory. */
static char *normalized(const char *s)
{
	etsi__buf out = ETSI__BUF_INIT;
	int c;

	s = skip_space(s ? s : "");
	etsi__buf_puts(&out, "");
	while ((c = next_char(&s))) {
		char ch = (char)c;

		etsi__buf_put(&out, &ch, 1);
	}
	return etsi__buf_detach(&out);
}

/* ---- building the diff ----------------------------------------------- */

/* One allocation: a struct of `head` bytes followed by copies of the n
 * strings src[i], the struct's string field at offset at[i] pointing at
 * each copy (NULL for a NULL string).  Records of a diff so own their
 * strings and do not refer to the dossiers. */
static void *pack(size_t head, size_t n, const char *const src[], const size_t at[])
{
	size_t i, size = head;
	char *block, *cursor;

	for (i = 0; i < n; i++)
		size += src[i] ? strlen(src[i]) + 1 : 0;
	if (!(block = etsi__malloc(size)))
		return NULL;
	cursor = block + head;
	for (i = 0; i < n; i++) {
		const char *copy = NULL;

		if (src[i]) {
			size_t len = strlen(src[i]) + 1;

			memcpy(cursor, src[i], len);
			copy = cursor;
			cursor += len;
		}
		memcpy(block + at[i], &copy, sizeof(copy));
	}
	return block;
}

static const etsi_change *add_change(state *st, etsi_change_type type, etsi_kind kind,
                                     const etsi_record *r, const char *field,
                                     const char *old_value, const char *new_value,
                                     int old_line, int new_line)
{
	static const size_t at[] = {
		offsetof(etsi_change, kind), offsetof(etsi_change, key),
		offsetof(etsi_change, parent), offsetof(etsi_change, field),
		offsetof(etsi_change, old_value), offsetof(etsi_change, new_value),
	};
	const etsi_record *parent = etsi_record_parent(r);
	const char *src[] = { etsi_kind_name(kind), etsi_record_key(r),
	                      parent ? etsi_record_key(parent) : NULL, field, old_value,
	                      new_value };
	etsi_change *c = pack(sizeof(*c), ETSI__ARRAY_SIZE(at), src, at);

	if (!c || etsi__vec_push(&st->diff->changes, c) < 0) {
		etsi__free(c);
		st->oom = 1;
		return NULL;
	}
	c->type = type;
	c->old_line = old_line;
	c->new_line = new_line;
	st->diff->counts[type]++;
	return c;
}

static void field_change(state *st, etsi_kind kind, const etsi_record *o, const etsi_record *n,
                         const char *field, const char *old_value, const char *new_value)
{
	const etsi_change *c = add_change(st, ETSI_CHANGE_CHANGED, kind, n, field, old_value,
	                                  new_value, etsi_record_line(o), etsi_record_line(n));

	if (c)
		note_fact(st, kind, n, field, c);
}

/* A list field: each value added or removed is one change. */
static void compare_list(state *st, etsi_kind kind, const etsi_record *o, const etsi_record *n,
                         const char *field)
{
	etsi__map old_values = ETSI__MAP_INIT, seen = ETSI__MAP_INIT;
	size_t i, no = etsi_record_value_count(o, field), nn = etsi_record_value_count(n, field);

	for (i = 0; i < no && !st->oom; i++) {
		char *key = normalized(etsi_record_value_at(o, field, i));

		/* the value is the index + 1 of the first old value with the key */
		if (!key || etsi__map_put(&old_values, key, (void *)(uintptr_t)(i + 1)) < 0)
			st->oom = 1;
		etsi__free(key);
	}
	for (i = 0; i < nn && !st->oom; i++) {
		const char *value = etsi_record_value_at(n, field, i);
		char *key = normalized(value);

		if (!key) {
			st->oom = 1;
			break;
		}
		if (etsi__map_get(&old_values, key)) {
			if (etsi__map_put(&seen, key, (void *)(uintptr_t)1) < 0)
				st->oom = 1;
		} else {
			field_change(st, kind, o, n, field, NULL, value);
		}
		etsi__free(key);
	}
	for (i = 0; i < no && !st->oom; i++) {
		const char *value = etsi_record_value_at(o, field, i);
		char *key = normalized(value);

		if (!key) {
			st->oom = 1;
			break;
		}
		if (!etsi__map_get(&seen, key) &&
		    etsi__map_get(&old_values, key) == (void *)(uintptr_t)(i + 1))
			field_change(st, kind, o, n, field, value, NULL);
		etsi__free(key);
	}
	etsi__map_dispose(&old_values);
	etsi__map_dispose(&seen);
}

static void compare_fields(state *st, etsi_kind kind, const etsi_record *o, const etsi_record *n)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);
	size_t i;

	for (i = 0; def && i < def->nfields && !st->oom; i++) {
		const etsi__field *f = &def->fields[i];
		const char *a, *b;

		if (f->flags & ETSI__F_KEY)
			continue; /* matched by it */
		if (f->flags & ETSI__F_LIST) {
			compare_list(st, kind, o, n, f->name);
			continue;
		}
		a = etsi_record_get(o, f->name);
		b = etsi_record_get(n, f->name);
		if (!same_text(a, b))
			field_change(st, kind, o, n, f->name, a, b);
	}
}

/* The key records are matched by: the parent's key too for artifacts and
 * covers, "" for singletons. */
static char *match_key(const etsi_record *r)
{
	const etsi_record *parent = etsi_record_parent(r);
	const char *key = etsi_record_key(r);
	etsi__buf out = ETSI__BUF_INIT;

	etsi__buf_printf(&out, "%s\n%s", parent ? etsi_record_key(parent) : "", key ? key : "");
	return etsi__buf_detach(&out);
}

static void compare_kind(state *st, const etsi_dossier *a, const etsi_dossier *b,
                         etsi_kind kind)
{
	etsi__map index = ETSI__MAP_INIT;
	size_t i, na = etsi_dossier_count(a, kind), nb = etsi_dossier_count(b, kind);

	for (i = 0; i < na && !st->oom; i++) {
		etsi_record *r = etsi_dossier_at(a, kind, i);
		char *key = match_key(r);

		/* a repeated key (in an invalid dossier) keeps its first record */
		if (!key || etsi__map_put(&index, key, r) < 0)
			st->oom = 1;
		etsi__free(key);
	}
	for (i = 0; i < nb && !st->oom; i++) {
		etsi_record *r = etsi_dossier_at(b, kind, i), *o;
		char *key = match_key(r);

		if (!key) {
			st->oom = 1;
			break;
		}
		o = etsi__map_del(&index, key);
		etsi__free(key);
		if (o) {
			compare_fields(st, kind, o, r);
		} else {
			const etsi_change *c = add_change(st, ETSI_CHANGE_ADDED, kind, r, NULL, NULL,
			                                  NULL, 0, etsi_record_line(r));

			if (c)
				note_fact(st, kind, r, NULL, c);
		}
	}
	for (i = 0; i < na && !st->oom; i++) {
		etsi_record *r = etsi_dossier_at(a, kind, i);
		char *key = match_key(r);

		if (!key) {
			st->oom = 1;
			break;
		}
		if (etsi__map_get(&index, key) == r) {
			const etsi_change *c = add_change(st, ETSI_CHANGE_REMOVED, kind, r, NULL, NULL,
			                                  NULL, etsi_record_line(r), 0);

			if (c)
				note_fact(st, kind, r, NULL, c);
		}
		etsi__free(key);
	}
	etsi__map_dispose(&index);
}

/* ---- stale evidence -------------------------------------------------- */

/* Same claim, condition, release and artifacts (id, ref, digest). */
static int same_content(const etsi_record *o, const etsi_record *n)
{
	static const char *const fields[] = { "provision", "kind", "category", "release",
	                                      "claim", "condition" };
	size_t i, j = 0, k = 0, no = etsi_record_child_count(o), nn = etsi_record_child_count(n);

	for (i = 0; i < ETSI__ARRAY_SIZE(fields); i++) {
		if (!same_text(etsi_record_get(o, fields[i]), etsi_record_get(n, fields[i])))
			return 0;
	}
	for (;;) {
		const etsi_record *a, *b;

		/* artifacts in order; covers records are not content */
		while (j < no && etsi_record_kind(etsi_record_child_at(o, j)) != ETSI_KIND_ARTIFACT)
			j++;
		while (k < nn && etsi_record_kind(etsi_record_child_at(n, k)) != ETSI_KIND_ARTIFACT)
			k++;
		if (j >= no || k >= nn)
			return j >= no && k >= nn;
		a = etsi_record_child_at(o, j);
		b = etsi_record_child_at(n, k);
		if (!eq(etsi_record_key(a), etsi_record_key(b)) ||
		    !eq(etsi_record_get(a, "ref"), etsi_record_get(b, "ref")) ||
		    !eq(etsi_record_get(a, "sha256"), etsi_record_get(b, "sha256")))
			return 0;
		j++;
		k++;
	}
}

static void describe(etsi__buf *out, const etsi_change *c)
{
	etsi__buf_puts(out, c->kind);
	if (c->key)
		etsi__buf_printf(out, " '%s'", c->key);
	if (c->type == ETSI_CHANGE_CHANGED)
		etsi__buf_printf(out, " %s changed", c->field);
	else
		etsi__buf_puts(out, c->type == ETSI_CHANGE_ADDED ? " was added" : " was removed");
}

static int add_stale(state *st, const etsi_record *e, const etsi_change *first, size_t causes,
                     const char *about)
{
	static const size_t at[] = {
		offsetof(etsi_stale, evidence), offsetof(etsi_stale, provision),
		offsetof(etsi_stale, cause_kind), offsetof(etsi_stale, cause_key),
		offsetof(etsi_stale, cause_field), offsetof(etsi_stale, message),
	};
	const char *id = etsi_record_key(e), *provision = etsi_record_get(e, "provision");
	etsi__buf message = ETSI__BUF_INIT;
	etsi_stale *s = NULL;

	etsi__buf_printf(&message, "evidence '%s' (%s) predates a change to %s: ", id,
	                 provision, about);
	describe(&message, first);
	if (causes > 1)
		etsi__buf_printf(&message, " (and %zu more change%s %s rests on)", causes - 1,
		                 causes == 2 ? "" : "s", provision);
	if (!message.failed) {
		const char *src[] = { id, provision, first->kind, first->key, first->field,
		                      message.ptr };

		s = pack(sizeof(*s), ETSI__ARRAY_SIZE(at), src, at);
	}
	etsi__buf_dispose(&message);
	if (!s || etsi__vec_push(&st->diff->stale, s) < 0) {
		etsi__free(s);
		return ETSI_ENOMEM;
	}
	s->line = etsi_record_line(e);
	s->causes = causes;
	return 0;
}

static void find_stale(state *st, const etsi_dossier *a, const etsi_dossier *b)
{
	etsi__map old = ETSI__MAP_INIT;
	size_t i, g, n = etsi_dossier_count(a, ETSI_KIND_EVIDENCE);

	for (i = 0; i < n && !st->oom; i++) {
		etsi_record *e = etsi_dossier_at(a, ETSI_KIND_EVIDENCE, i);

		if (etsi_record_key(e) && etsi__map_put(&old, etsi_record_key(e), e) < 0)
			st->oom = 1;
	}
	n = etsi_dossier_count(b, ETSI_KIND_EVIDENCE);
	for (i = 0; i < n && !st->oom; i++) {
		etsi_record *e = etsi_dossier_at(b, ETSI_KIND_EVIDENCE, i);
		const etsi_record *o = etsi_record_key(e) ? etsi__map_get(&old, etsi_record_key(e))
		                                          : NULL;
		const char *provision = etsi_record_get(e, "provision");
		const unsigned char *groups = groups_of(provision);
		const cause *own = provision ? etsi__map_get(&st->ics, provision) : NULL;
		int functional = etsi__streq(etsi_record_get(e, "kind"), "functional");
		const etsi_change *first = NULL;
		const char *about = NULL;
		size_t causes = 0;

		if (!o || !same_content(o, e))
			continue; /* new or re-produced evidence is not stale */
		if (own) {
			first = own->first;
			causes = own->count;
			about = "its ICS entry";
		}
		for (g = 0; groups && g < sizeof(rests_on[0].groups) && groups[g]; g++) {
			const cause *c = &st->groups[groups[g]];

			if (!c->count || (groups[g] == G_BUILD && !functional))
				continue;
			if (!first) {
				first = c->first;
				about = group_names[groups[g]];
			}
			causes += c->count;
		}
		if (first && add_stale(st, e, first, causes, about) < 0)
			st->oom = 1;
	}
	etsi__map_dispose(&old);
}

/* ---- the API --------------------------------------------------------- */

void etsi_diff_free(etsi_diff *diff)
{
	size_t i;

	if (!diff)
		return;
	for (i = 0; i < diff->changes.len; i++)
		etsi__free(diff->changes.items[i]);
	for (i = 0; i < diff->stale.len; i++)
		etsi__free(diff->stale.items[i]);
	etsi__vec_dispose(&diff->changes);
	etsi__vec_dispose(&diff->stale);
	for (i = 0; i < ETSI__ARRAY_SIZE(diff->names); i++)
		etsi__free(diff->names[i]);
	etsi__free(diff);
}

static char *name_of(const etsi_dossier *d)
{
	return etsi__strdup(etsi_dossier_path(d) ? etsi_dossier_path(d) : "<new dossier>");
}

static char *release_of(const etsi_dossier *d)
{
	const char *release = etsi_record_get(etsi_dossier_find(d, ETSI_KIND_HEADER, NULL),
	                                      "release");

	return etsi__strdup(release ? release : "");
}

int etsi_dossier_diff(etsi_diff **out, const etsi_dossier *old_dossier,
                      const etsi_dossier *new_dossier)
{
	state st;
	size_t i;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(old_dossier);
	ETSI__ASSERT_ARG(new_dossier);
	memset(&st, 0, sizeof(st));
	st.diff = etsi__calloc(1, sizeof(*st.diff));
	if (!st.diff)
		return etsi__error_oom();
	st.diff->names[0] = name_of(old_dossier);
	st.diff->names[1] = name_of(new_dossier);
	st.diff->names[2] = release_of(old_dossier);
	st.diff->names[3] = release_of(new_dossier);
	for (i = 0; i < ETSI__ARRAY_SIZE(st.diff->names); i++)
		st.oom |= !st.diff->names[i];
	for (i = 0; i < ETSI__ARRAY_SIZE(compared) && !st.oom; i++)
		compare_kind(&st, old_dossier, new_dossier, compared[i]);
	if (!st.oom)
		find_stale(&st, old_dossier, new_dossier);
	for (i = 0; i < st.causes.len; i++)
		etsi__free(st.causes.items[i]);
	etsi__vec_dispose(&st.causes);
	etsi__map_dispose(&st.ics);
	if (st.oom) {
		etsi_diff_free(st.diff);
		return etsi__error_oom();
	}
	*out = st.diff;
	return 0;
}

size_t etsi_diff_count(const etsi_diff *diff)
{
	return diff ? diff->changes.len : 0;
}

const etsi_change *etsi_diff_at(const etsi_diff *diff, size_t i)
{
	return diff && i < diff->changes.len ? diff->changes.items[i] : NULL;
}

size_t etsi_diff_stale_count(const etsi_diff *diff)
{
	return diff ? diff->stale.len : 0;
}

const etsi_stale *etsi_diff_stale_at(const etsi_diff *diff, size_t i)
{
	return diff && i < diff->stale.len ? diff->stale.items[i] : NULL;
}

const char *etsi_change_type_name(etsi_change_type type)
{
	switch (type) {
	case ETSI_CHANGE_ADDED:
		return "added";
	case ETSI_CHANGE_REMOVED:
		return "removed";
	case ETSI_CHANGE_CHANGED:
		return "changed";
	}
	return NULL;
}

/* ---- writers --------------------------------------------------------- */

/* A value on one line: white space runs as one space. */
static void put_value(etsi__buf *out, const char *value)
{
	char *one = normalized(value);

	if (!one) {
		out->failed = 1;
		return;
	}
	etsi__buf_puts(out, one);
	etsi__free(one);
}

static void write_text(etsi__buf *out, const etsi_diff *diff)
{
	size_t i;

	etsi__buf_printf(out, "--- %s (release %s)\n+++ %s (release %s)\n", diff->names[0],
	                 diff->names[2], diff->names[1], diff->names[3]);
	for (i = 0; i < diff->changes.len; i++) {
		const etsi_change *c = diff->changes.items[i];

		etsi__buf_printf(out, "%s %s", etsi_change_type_name(c->type), c->kind);
		if (c->key)
			etsi__buf_printf(out, " %s", c->key);
		if (c->parent)
			etsi__buf_printf(out, " of evidence %s", c->parent);
		if (c->field)
			etsi__buf_printf(out, ": %s", c->field);
		if (c->type == ETSI_CHANGE_REMOVED)
			etsi__buf_printf(out, " (old line %d)\n", c->old_line);
		else
			etsi__buf_printf(out, " (line %d)\n", c->new_line);
		if (c->type != ETSI_CHANGE_CHANGED)
			continue;
		if (c->old_value) {
			etsi__buf_puts(out, "  - ");
			put_value(out, c->old_value);
			etsi__buf_puts(out, "\n");
		}
		if (c->new_value) {
			etsi__buf_puts(out, "  + ");
			put_value(out, c->new_value);
			etsi__buf_puts(out, "\n");
		}
	}
	if (diff->stale.len) {
		etsi__buf_printf(out, "\nstale evidence (review it for %s):\n", diff->names[1]);
		for (i = 0; i < diff->stale.len; i++) {
			const etsi_stale *s = diff->stale.items[i];

			etsi__buf_printf(out, "  %s:%d: %s\n", diff->names[1], s->line, s->message);
		}
	}
	if (!diff->changes.len)
		etsi__buf_puts(out, "no differences\n");
	else
		etsi__buf_printf(out, "\n%zu change%s: %zu added, %zu removed, %zu changed; %zu "
		                 "evidence item%s stale\n", diff->changes.len,
		                 diff->changes.len == 1 ? "" : "s", diff->counts[ETSI_CHANGE_ADDED],
		                 diff->counts[ETSI_CHANGE_REMOVED], diff->counts[ETSI_CHANGE_CHANGED],
		                 diff->stale.len, diff->stale.len == 1 ? "" : "s");
}

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int set(json_t *obj, const char *key, json_t *value)
{
	return json_object_set_new(obj, key, value) < 0 ? -1 : 0;
}

static json_t *write_json(const etsi_diff *diff)
{
	json_t *root = json_object(), *changes = json_array(), *stale = json_array();
	json_t *old_side = json_object(), *new_side = json_object(), *summary = json_object();
	int failed = !root || !changes || !stale || !old_side || !new_side || !summary;
	size_t i;

	if (failed)
		goto fail;
	failed |= set(old_side, "file", json_string(diff->names[0]));
	failed |= set(old_side, "release", json_string(diff->names[2]));
	failed |= set(new_side, "file", json_string(diff->names[1]));
	failed |= set(new_side, "release", json_string(diff->names[3]));
	for (i = 0; !failed && i < diff->changes.len; i++) {
		const etsi_change *c = diff->changes.items[i];
		json_t *item = json_object();

		if (!item) {
			failed = 1;
			break;
		}
		failed |= set(item, "change", json_string(etsi_change_type_name(c->type)));
		failed |= set(item, "kind", json_string(c->kind));
		failed |= set(item, "key", string_or_null(c->key));
		failed |= set(item, "parent", string_or_null(c->parent));
		failed |= set(item, "field", string_or_null(c->field));
		failed |= set(item, "old", string_or_null(c->old_value));
		failed |= set(item, "new", string_or_null(c->new_value));
		failed |= set(item, "old-line", c->old_line ? json_integer(c->old_line) : json_null());
		failed |= set(item, "new-line", c->new_line ? json_integer(c->new_line) : json_null());
		if (json_array_append_new(changes, item) < 0)
			failed = 1;
	}
	for (i = 0; !failed && i < diff->stale.len; i++) {
		const etsi_stale *s = diff->stale.items[i];
		json_t *item = json_object(), *because = json_object();

		if (!item || !because) {
			json_decref(item);
			json_decref(because);
			failed = 1;
			break;
		}
		failed |= set(because, "kind", json_string(s->cause_kind));
		failed |= set(because, "key", string_or_null(s->cause_key));
		failed |= set(because, "field", string_or_null(s->cause_field));
		failed |= set(item, "evidence", json_string(s->evidence));
		failed |= set(item, "provision", string_or_null(s->provision));
		failed |= set(item, "line", json_integer(s->line));
		failed |= set(item, "cause", because);
		failed |= set(item, "causes", json_integer((json_int_t)s->causes));
		failed |= set(item, "message", json_string(s->message));
		if (json_array_append_new(stale, item) < 0)
			failed = 1;
	}
	failed |= set(summary, "changes", json_integer((json_int_t)diff->changes.len));
	failed |= set(summary, "added", json_integer((json_int_t)diff->counts[ETSI_CHANGE_ADDED]));
	failed |= set(summary, "removed",
	              json_integer((json_int_t)diff->counts[ETSI_CHANGE_REMOVED]));
	failed |= set(summary, "changed",
	              json_integer((json_int_t)diff->counts[ETSI_CHANGE_CHANGED]));
	failed |= set(summary, "stale", json_integer((json_int_t)diff->stale.len));
	failed |= set(root, "old", old_side);
	old_side = NULL;
	failed |= set(root, "new", new_side);
	new_side = NULL;
	failed |= set(root, "changes", changes);
	changes = NULL;
	failed |= set(root, "stale", stale);
	stale = NULL;
	failed |= set(root, "summary", summary);
	summary = NULL;
	if (!failed)
		return root;
fail:
	json_decref(root);
	json_decref(changes);
	json_decref(stale);
	json_decref(old_side);
	json_decref(new_side);
	json_decref(summary);
	return NULL;
}

int etsi_diff_write(char **out, size_t *len, const etsi_diff *diff, const char *format)
{
	etsi__buf buf = ETSI__BUF_INIT;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	if (len)
		*len = 0;
	ETSI__ASSERT_ARG(diff);
	ETSI__ASSERT_ARG(format);
	if (strcmp(format, "text") == 0) {
		write_text(&buf, diff);
	} else if (strcmp(format, "json") == 0) {
		json_t *value = write_json(diff);
		char *text = value ? json_dumps(value, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;

		json_decref(value);
		if (!text)
			return etsi__error_oom();
		etsi__buf_puts(&buf, text);
		etsi__buf_puts(&buf, "\n");
		free(text);
	} else {
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "diff format '%s' is unknown; use text or json", format);
	}
	if (buf.failed) {
		etsi__buf_dispose(&buf);
		return etsi__error_oom();
	}
	if (len)
		*len = buf.len;
	*out = etsi__buf_detach(&buf);
	return 0;
}
