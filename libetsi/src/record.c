/*
 * Records: reading and writing fields in the document, and the store that
 * indexes records by kind and key.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "kinds.h"
#include "record_impl.h"
#include "xml.h"

#define ERR_ARG ETSI_ERROR_CLASS_ARGUMENT
#define ERR_DOSSIER ETSI_ERROR_CLASS_DOSSIER

/* ---- value checks ---------------------------------------------------- */

/* Valid UTF-8 made only of characters XML 1.0 allows. */
int etsi__valid_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		uint32_t c;
		int n, i;

		if (*p < 0x80) {
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				return 0;
			p++;
			continue;
		}
		if ((*p & 0xe0) == 0xc0) {
			c = *p & 0x1f;
			n = 1;
		} else if ((*p & 0xf0) == 0xe0) {
			c = *p & 0x0f;
			n = 2;
		} else if ((*p & 0xf8) == 0xf0) {
			c = *p & 0x07;
			n = 3;
		} else {
			return 0;
		}
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			c = (c << 6) | (p[i] & 0x3f);
		}
		/* overlong forms, surrogates, non-characters XML refuses */
		if ((n == 1 && c < 0x80) || (n == 2 && c < 0x800) || (n == 3 && c < 0x10000) ||
		    (c >= 0xd800 && c <= 0xdfff) || c == 0xfffe || c == 0xffff || c > 0x10ffff)
			return 0;
		p += n + 1;
	}
	return 1;
}

static int valid_line(const char *s)
{
	size_t n = strlen(s);
	size_t i;

	if (n == 0 || n > 1024 || !etsi__valid_text(s))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t')
			return 0;
	}
	return !isspace((unsigned char)s[0]) && !isspace((unsigned char)s[n - 1]);
}

static int all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

int etsi__valid_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
	    !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
		return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) /* xs:date has no year 0 */
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

int etsi__valid_id(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 128 || !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!isalnum(c) && c != '.' && c != '_' && c != '-')
			return 0;
	}
	return 1;
}

static int valid_pattern_id(const char *s, int parts)
{
	/* [0-9]+(\.[0-9]+)?-[0-9]+[A-Z]?  then parts-1 times -[0-9]+ */
	const char *p = s;
	int part;

	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
	}
	for (part = 0; part < parts; part++) {
		if (*p++ != '-' || !isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
		if (part == 0 && *p >= 'A' && *p <= 'Z')
			p++;
	}
	return *p == '\0';
}

static int valid_table_id(const char *s);

int etsi__id_shape(const char *s)
{
	if (!s)
		return ETSI__SHAPE_OTHER;
	if (valid_pattern_id(s, 1))
		return ETSI__SHAPE_PROVISION;
	if (valid_pattern_id(s, 2))
		return ETSI__SHAPE_TEST_CASE;
	if (valid_table_id(s))
		return ETSI__SHAPE_TABLE;
	if (etsi__valid_id(s))
		return ETSI__SHAPE_ID;
	return ETSI__SHAPE_OTHER;
}

static int valid_table_id(const char *s)
{
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return 0;
	p++;
	if (isdigit((unsigned char)*p))
		p++;
	if (*p++ != '-' || !isalpha((unsigned char)*p))
		return 0;
	while (isalpha((unsigned char)*p))
		p++;
	return *p == '\0';
}

static int valid_field_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 64 || !islower((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++) {
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '-')
			return 0;
	}
	return 1;
}

static int lower_hex(const char *s, size_t len)
{
	size_t i;

	if (strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
			return 0;
	}
	return 1;
}

static int valid_sha256(const char *s)
{
	return lower_hex(s, 64);
}

/* A git object id: SHA-1 (40 hex digits) or SHA-256 (64). */
static int valid_git_oid(const char *s)
{
	return lower_hex(s, 40) || lower_hex(s, 64);
}

/* An xs:duration as the schema takes it: PnYnMnDTnHnMnS, each part
 * optional but at least one present, T only before a time part. */
static int valid_duration(const char *s)
{
	static const char date_units[] = "YMD", time_units[] = "HMS";
	const char *units = date_units;
	int parts = 0, time = 0;

	if (*s == '-')
		s++;
	if (*s++ != 'P')
		return 0;
	while (*s) {
		const char *digits = s, *unit;

		if (*s == 'T' && !time) {
			time = 1;
			units = time_units;
			s++;
			if (!*s)
				return 0;
			continue;
		}
		while (isdigit((unsigned char)*s))
			s++;
		if (*s == '.' && time) {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
		if (s == digits || !*s || !(unit = strchr(units, *s)))
			return 0;
		units = unit + 1; /* each unit once, in order */
		parts++;
		s++;
	}
	return parts > 0;
}

static int valid_uint(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 20 || !all_digits(s, n))
		return 0;
	return n < 20 || strcmp(s, "18446744073709551615") <= 0;
}

static int valid_uri(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 4096 || !etsi__valid_text(s))
		return 0;
	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

static int media_char(char c)
{
	return islower((unsigned char)c) || isdigit((unsigned char)c) || (c && strchr("!#$&^_.+-", c));
}

static int media_first(char c)
{
	return islower((unsigned char)c) || isdigit((unsigned char)c);
}

static int valid_media_type(const char *s)
{
	const char *slash = strchr(s, '/');
	const char *p;

	if (!slash || slash == s || !slash[1] || strlen(s) > 255)
		return 0;
	for (p = s; *p; p++) {
		if (p != slash && !media_char(*p))
			return 0;
	}
	/* as the schema's pattern: type and subtype start with [a-z0-9] */
	return !strchr(slash + 1, '/') && media_first(s[0]) && media_first(slash[1]);
}

static int valid_edition(const char *s)
{
	int parts = 0;

	while (*s) {
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
		parts++;
		if (*s == '.' && parts < 3)
			s++;
		else if (*s)
			return 0;
	}
	return parts == 3;
}

static int valid_hash(const char *s)
{
	const char *colon = strchr(s, ':');
	char alg[64];
	size_t n;

	if (!colon || colon == s || !colon[1])
		return 0;
	n = (size_t)(colon - s);
	if (n >= sizeof(alg))
		return 0;
	memcpy(alg, s, n);
	alg[n] = '\0';
	return valid_line(alg) && valid_line(colon + 1);
}

static int bad_value(const etsi__kind_def *def, const etsi__field *field, const char *value,
                     const char *expect)
{
	return etsi__error(ETSI_EINVALID, ERR_ARG,
	                   "%s field '%s' cannot be \"%.60s%s\"; it takes %s",
	                   def->name, field->name, value, strlen(value) > 60 ? "..." : "", expect);
}

static int enum_error(const etsi__kind_def *def, const etsi__field *field, const char *value)
{
	etsi__buf list = ETSI__BUF_INIT;
	const char *const *v;
	int error;

	for (v = field->values; *v; v++)
		etsi__buf_printf(&list, "%s%s", v == field->values ? "" : ", ", *v);
	error = bad_value(def, field, value, list.failed ? "one of the listed values" : list.ptr);
	etsi__buf_dispose(&list);
	return error;
}

static int check_catalog_ref(const etsi__kind_def *def, const etsi__field *field,
                             const char *value, const etsi__resolver *resolver)
{
	etsi_kind kind;

	switch (field->type) {
	case ETSI__T_PROVISION:
		if (valid_table_id(value))
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s field '%s' names the TS 103 701 IXIT table %s; it "
			                   "takes an EN 303 645 provision such as 5.3-2",
			                   def->name, field->name, value);
		if (valid_pattern_id(value, 2))
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s field '%s' names the TS 103 701 test case %s; it "
			                   "takes an EN 303 645 provision such as 5.3-2",
			                   def->name, field->name, value);
		if (!valid_pattern_id(value, 1))
			return bad_value(def, field, value, "a provision such as 5.3-2");
		kind = ETSI_KIND_PROVISION;
		break;
	case ETSI__T_TEST_CASE:
		if (!valid_pattern_id(value, 2))
			return bad_value(def, field, value, "a TS 103 701 test case such as 5.3-2-1");
		kind = ETSI_KIND_TEST_CASE;
		break;
	case ETSI__T_TEST_GROUP:
		if (!valid_pattern_id(value, 1))
			return bad_value(def, field, value, "a TS 103 701 test group such as 5.3-2");
		kind = ETSI_KIND_TEST_GROUP;
		break;
	case ETSI__T_IXIT_TABLE:
		if (valid_pattern_id(value, 1))
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s field '%s' names the EN 303 645 provision %s; it takes "
			                   "a TS 103 701 IXIT table such as 7-UpdMech",
			                   def->name, field->name, value);
		if (!valid_table_id(value))
			return bad_value(def, field, value, "an IXIT table such as 7-UpdMech");
		kind = ETSI_KIND_IXIT_TABLE;
		break;
	default:
		return 0;
	}
	return resolver->check ? resolver->check(resolver->ctx, kind, value) : 0;
}

int etsi__check_value(const etsi_record *record, const etsi__kind_def *def,
                      const etsi__field *field, const char *value, etsi__store *store)
{
	const char *const *v;

	(void)record;
	if (!etsi__valid_text(value))
		return bad_value(def, field, "(binary)", "text: valid UTF-8 with no control characters");
	switch (field->type) {
	case ETSI__T_TEXT:
		return 0;
	case ETSI__T_LINE:
	case ETSI__T_KEYREF:
		return valid_line(value) ? 0
		       : bad_value(def, field, value,
		                   "one line of 1 to 1024 characters without surrounding spaces");
	case ETSI__T_BOOL:
		return etsi__streq(value, "true") || etsi__streq(value, "false") ? 0
		       : bad_value(def, field, value, "true or false");
	case ETSI__T_DATE:
		return etsi__valid_date(value) ? 0 : bad_value(def, field, value, "a date YYYY-MM-DD");
	case ETSI__T_ENUM:
		for (v = field->values; *v; v++) {
			if (strcmp(*v, value) == 0)
				return 0;
		}
		return enum_error(def, field, value);
	case ETSI__T_ID:
		return etsi__valid_id(value) ? 0
		       : bad_value(def, field, value,
		                   "an id: a letter, then letters, digits, '.', '_' or '-'");
	case ETSI__T_REF:
		if (!etsi__valid_id(value))
			return bad_value(def, field, value, "the id of a record");
		if (!etsi__store_find(store, field->ref, value))
			return etsi__error(ETSI_ENOTFOUND, ERR_DOSSIER,
			                   "%s field '%s' refers to %s '%s', which is not in the "
			                   "dossier; add it first or correct the reference",
			                   def->name, field->name, etsi_kind_name(field->ref), value);
		return 0;
	case ETSI__T_PROVISION:
	case ETSI__T_TEST_CASE:
	case ETSI__T_TEST_GROUP:
	case ETSI__T_IXIT_TABLE:
		return check_catalog_ref(def, field, value, &store->resolver);
	case ETSI__T_FIELD_NAME:
		return valid_field_name(value) ? 0
		       : bad_value(def, field, value, "an IXIT field id such as time-frame");
	case ETSI__T_SHA256:
		return valid_sha256(value) ? 0
		       : bad_value(def, field, value, "a SHA-256 digest: 64 lowercase hex digits");
	case ETSI__T_UINT:
		return valid_uint(value) ? 0 : bad_value(def, field, value, "a non-negative integer");
	case ETSI__T_URI:
		return valid_uri(value) ? 0 : bad_value(def, field, value, "a URI without spaces");
	case ETSI__T_MEDIA_TYPE:
		return valid_media_type(value) ? 0
		       : bad_value(def, field, value, "a media type such as application/pdf");
	case ETSI__T_HASH:
		return valid_hash(value) ? 0
		       : bad_value(def, field, value, "ALGORITHM:VALUE, such as SHA-256:9f86d0...");
	case ETSI__T_EDITION:
		return valid_edition(value) ? 0 : bad_value(def, field, value, "an edition such as 3.1.3");
	case ETSI__T_DURATION:
		return valid_duration(value) ? 0
		       : bad_value(def, field, value, "a duration such as P5Y, P18M or P1D");
	case ETSI__T_GIT_OID:
		return valid_git_oid(value) ? 0
		       : bad_value(def, field, value,
		                   "a git object id: 40 or 64 lowercase hex digits");
	}
	return 0;
}

/* ---- text of elements ------------------------------------------------ */

static void node_key(char *buf, size_t size, const xmlNode *node, char tag)
{
	snprintf(buf, size, "%c%p", tag, (const void *)node);
}

static void forget_text(etsi__store *store, const xmlNode *node)
{
	char key[40];

	node_key(key, sizeof(key), node, 'c');
	etsi__free(etsi__map_del(&store->text_cache, key));
	node_key(key, sizeof(key), node, 't');
	etsi__free(etsi__map_del(&store->text_cache, key));
	node_key(key, sizeof(key), node, 'h');
	etsi__free(etsi__map_del(&store->text_cache, key));
}

static const char *cache_put(etsi__store *store, const char *key, char *value)
{
	if (value && etsi__map_put(&store->text_cache, key, value) == 0)
		return value;
	etsi__free(value);
	etsi__error_oom();
	return NULL;
}

const char *etsi__store_text(etsi__store *store, xmlNode *node)
{
	const char *text = etsi__xml_simple_text(node);
	xmlChar *joined;
	char key[40];
	char *copy;

	if (text)
		return text;
	node_key(key, sizeof(key), node, 't');
	text = etsi__map_get(&store->text_cache, key);
	if (text || store->readonly)
		return text;
	joined = xmlNodeGetContent(node);
	copy = joined ? etsi__strdup((const char *)joined) : NULL;
	xmlFree(joined);
	return cache_put(store, key, copy);
}

static const char *hash_text(etsi__store *store, xmlNode *node)
{
	const char *alg = etsi__xml_attr(node, "alg");
	const char *value = etsi__store_text(store, node);
	etsi__buf joined = ETSI__BUF_INIT;
	const char *cached;
	char key[40];

	if (!alg || !value)
		return NULL;
	node_key(key, sizeof(key), node, 'h');
	cached = etsi__map_get(&store->text_cache, key);
	if (cached)
		return cached;
	etsi__buf_printf(&joined, "%s:%s", alg, value);
	return cache_put(store, key, etsi__buf_detach(&joined));
}

/* ---- reading fields -------------------------------------------------- */

/* "a" or "an" before a kind name: "an evidence", "an ics-entry", "a verdict",
 * "a user-info" (said "you"). */
static const char *article(const char *noun)
{
	if (!noun || !noun[0] || strncmp(noun, "us", 2) == 0)
		return "a";
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

static const char *store_ns(const etsi_record *record)
{
	return record->store->ns;
}

static xmlNode *field_node(const etsi_record *record, const etsi__field *field)
{
	xmlNode *node = record->node;

	if (field->elem)
		node = etsi__xml_child(node, store_ns(record), field->elem);
	if (node && field->elem2)
		node = etsi__xml_child(node, store_ns(record), field->elem2);
	return node;
}

int etsi__store_set_computed(etsi__store *store, const etsi_record *record, char *value)
{
	char key[40];

	node_key(key, sizeof(key), record->node, 'c');
	etsi__free(etsi__map_del(&store->text_cache, key));
	return cache_put(store, key, value) ? 0 : ETSI_ENOMEM;
}

static const char *value_of(const etsi_record *record, const etsi__field *field, xmlNode *node)
{
	if (field->flags & ETSI__F_COMPUTED) {
		char key[40];

		node_key(key, sizeof(key), node, 'c');
		return etsi__map_get(&record->store->text_cache, key);
	}
	if (field->type == ETSI__T_HASH)
		return hash_text(record->store, node);
	if (field->attr)
		return etsi__xml_attr(node, field->attr);
	return etsi__store_text(record->store, node);
}

/* Value i of a list field, or the count when out is NULL. */
static size_t list_values(const etsi_record *record, const etsi__field *field, size_t want,
                          const char **out)
{
	xmlNode *n;
	size_t i = 0;

	for (n = etsi__xml_child(record->node, store_ns(record), field->elem); n;
	     n = etsi__xml_next(n, store_ns(record), field->elem)) {
		const char *value = value_of(record, field, n);

		if (!value)
			continue;
		if (out && i == want) {
			*out = value;
			return i;
		}
		i++;
	}
	return i;
}

const char *etsi__record_field(const etsi_record *record, const etsi__field *field)
{
	xmlNode *node;

	if (!record || record->removed || !field)
		return NULL;
	if (field->flags & ETSI__F_LIST) {
		const char *value = NULL;

		list_values(record, field, 0, &value);
		return value;
	}
	node = field_node(record, field);
	return node ? value_of(record, field, node) : NULL;
}

static const etsi__field *field_of(const etsi_record *record, const char *name)
{
	if (!record || !name)
		return NULL;
	return etsi__kind_find_field(etsi__kind_lookup(record->kind), name);
}

etsi_kind etsi_record_kind(const etsi_record *record)
{
	return record ? record->kind : (etsi_kind)0;
}

static const etsi__field *key_field(const etsi__kind_def *def)
{
	size_t i;

	for (i = 0; i < def->nfields; i++) {
		if (def->fields[i].flags & ETSI__F_KEY)
			return &def->fields[i];
	}
	return NULL;
}

const char *etsi_record_key(const etsi_record *record)
{
	if (!record || record->removed)
		return NULL;
	return etsi__record_field(record, key_field(etsi__kind_lookup(record->kind)));
}

int etsi_record_line(const etsi_record *record)
{
	if (!record || record->removed)
		return 0;
	return etsi__xml_line(record->node);
}

/* Re-indexes a store changed since its last index, from a const call: a
 * failure is kept in store->failed for the next call that can report it. */
static void store_refresh(const etsi__store *store)
{
	if (store->dirty && store->self && etsi__store_index(store->self) < 0)
		store->self->failed = ETSI_ENOMEM;
}

int etsi__store_failed(const etsi__store *store)
{
	if (!store->failed)
		return 0;
	return etsi__error(ETSI_ENOMEM, ETSI_ERROR_CLASS_OS,
	                   "an earlier call ran out of memory while it read the document, so what "
	                   "it returned may be incomplete; load the file again");
}

etsi_record *etsi_record_parent(const etsi_record *record)
{
	return record ? record->parent : NULL;
}

size_t etsi_record_child_count(const etsi_record *record)
{
	if (!record || record->removed)
		return 0;
	store_refresh(record->store);
	return record->children.len;
}

etsi_record *etsi_record_child_at(const etsi_record *record, size_t i)
{
	if (!record || record->removed)
		return NULL;
	store_refresh(record->store);
	return i < record->children.len ? record->children.items[i] : NULL;
}

const char *etsi_record_get(const etsi_record *record, const char *field)
{
	return etsi__record_field(record, field_of(record, field));
}

size_t etsi_record_value_count(const etsi_record *record, const char *field)
{
	const etsi__field *f = field_of(record, field);

	if (!f || record->removed)
		return 0;
	if (f->flags & ETSI__F_LIST)
		return list_values(record, f, 0, NULL);
	return etsi__record_field(record, f) ? 1 : 0;
}

const char *etsi_record_value_at(const etsi_record *record, const char *field, size_t i)
{
	const etsi__field *f = field_of(record, field);
	const char *value = NULL;

	if (!f || record->removed)
		return NULL;
	if (!(f->flags & ETSI__F_LIST))
		return i == 0 ? etsi__record_field(record, f) : NULL;
	list_values(record, f, i, &value);
	return value;
}

/* ---- the store: indexing --------------------------------------------- */

static int uses_key_map(const etsi__kind_def *def)
{
	return key_field(def) && !(def->flags & ETSI__K_LOCALKEY);
}

static int register_keys(etsi__store *store, etsi_record *record)
{
	const etsi__kind_def *def = etsi__kind_lookup(record->kind);
	const char *key;

	if (!uses_key_map(def))
		return 0;
	key = etsi_record_key(record);
	if (!key)
		return 0;
	/* a duplicate key (possible in a document not yet validated) keeps
	 * the first record; validation reports the duplicate */
	if (etsi__map_put(&store->keys[record->kind], key, record) < 0)
		return ETSI_ENOMEM;
	if ((def->flags & ETSI__K_IDSPACE) && etsi__map_put(&store->ids, key, record) < 0)
		return ETSI_ENOMEM;
	return 0;
}

static void unregister_keys(etsi__store *store, etsi_record *record)
{
	const etsi__kind_def *def = etsi__kind_lookup(record->kind);
	const char *key;

	if (!uses_key_map(def))
		return;
	key = etsi_record_key(record);
	if (!key)
		return;
	if (etsi__map_get(&store->keys[record->kind], key) == record)
		etsi__map_del(&store->keys[record->kind], key);
	if ((def->flags & ETSI__K_IDSPACE) && etsi__map_get(&store->ids, key) == record)
		etsi__map_del(&store->ids, key);
}

static xmlNode *resolve(xmlNode *node, const char *ns, const char *path)
{
	char segment[64];

	while (node && *path) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);

		if (n >= sizeof(segment))
			return NULL;
		memcpy(segment, path, n);
		segment[n] = '\0';
		node = etsi__xml_child(node, ns, segment);
		path += n + (slash ? 1 : 0);
	}
	return node;
}

static etsi_record *new_record(etsi__store *store, etsi_kind kind, xmlNode *node,
                               etsi_record *parent)
{
	etsi_record *record = etsi__calloc(1, sizeof(*record));

	if (!record)
		return NULL;
	if (etsi__vec_push(&store->all, record) < 0) {
		etsi__free(record);
		return NULL;
	}
	record->kind = kind;
	record->node = node;
	record->parent = parent;
	record->store = store;
	node->_private = record;
	return record;
}

static int visit(etsi__store *store, const etsi__kind_def *def, xmlNode *node,
                 etsi_record *parent)
{
	etsi_record *record = node->_private;

	if (!record) {
		record = new_record(store, def->kind, node, parent);
		if (!record || register_keys(store, record) < 0)
			return ETSI_ENOMEM;
	}
	if (etsi__vec_push(&store->by_kind[def->kind], record) < 0)
		return ETSI_ENOMEM;
	if (parent && etsi__vec_push(&parent->children, record) < 0)
		return ETSI_ENOMEM;
	return 0;
}

static int index_under(etsi__store *store, const etsi__kind_def *def, xmlNode *base,
                       etsi_record *parent)
{
	xmlNode *container = resolve(base, store->ns, def->container), *n;
	int error;

	for (n = etsi__xml_child(container, store->ns, def->element); n;
	     n = etsi__xml_next(n, store->ns, def->element)) {
		if ((error = visit(store, def, n, parent)) < 0)
			return error;
	}
	return 0;
}

/* Joined texts are computed once, here, so that reading never writes
 * (catalogs are shared between threads) and a getter never allocates
 * (so it cannot fail) on a store as indexed. */
static int precompute_texts(etsi__store *store, xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!etsi__xml_simple_text(node)) {
			int has_elements = 0;
			xmlNode *c;
			char key[40];

			for (c = node->children; c; c = c->next)
				has_elements |= c->type == XML_ELEMENT_NODE;
			node_key(key, sizeof(key), node, 't');
			if (!has_elements && !etsi__map_get(&store->text_cache, key)) {
				xmlChar *joined = xmlNodeGetContent(node);

				if (!cache_put(store, key, etsi__strdup(joined ? (char *)joined : ""))) {
					xmlFree(joined);
					return ETSI_ENOMEM;
				}
				xmlFree(joined);
			}
		}
		/* a hash list item reads "ALG:VALUE": joined here too */
		if (xmlStrEqual(node->name, (const xmlChar *)"hash") && etsi__xml_attr(node, "alg") &&
		    etsi__store_text(store, node) && !hash_text(store, node))
			return ETSI_ENOMEM;
		if (precompute_texts(store, node->children) < 0)
			return ETSI_ENOMEM;
	}
	return 0;
}

int etsi__store_index(etsi__store *store)
{
	size_t k, i, d;
	int error;

	for (k = 0; k < ETSI__KIND_LAST; k++)
		etsi__vec_clear(&store->by_kind[k]);
	for (i = 0; i < store->all.len; i++)
		etsi__vec_clear(&((etsi_record *)store->all.items[i])->children);

	for (k = 1; k < ETSI__KIND_LAST; k++) {
		const etsi__kind_def *def = etsi__kind_lookup((etsi_kind)k);

		if (!def || strcmp(def->ns, store->ns) != 0)
			continue;
		if (!def->parent) {
			for (d = 0; d < store->ndocs; d++) {
				error = index_under(store, def, xmlDocGetRootElement(store->docs[d]), NULL);
				if (error < 0)
					goto fail;
			}
			continue;
		}
		for (i = 0; i < store->by_kind[def->parent].len; i++) {
			etsi_record *parent = store->by_kind[def->parent].items[i];

			if ((error = index_under(store, def, parent->node, parent)) < 0)
				goto fail;
		}
	}
	/* the joined text of every element whose text is split (by a comment,
	 * say), so that reading it later allocates nothing and cannot fail */
	for (d = 0; d < store->ndocs; d++) {
		if (precompute_texts(store, xmlDocGetRootElement(store->docs[d])) < 0) {
			error = ETSI_ENOMEM;
			goto fail;
		}
	}
	store->dirty = 0;
	return 0;
fail:
	store->dirty = 1;
	return etsi__error_oom();
}

void etsi__store_dispose(etsi__store *store)
{
	size_t i;

	for (i = 0; i < store->all.len; i++) {
		etsi_record *record = store->all.items[i];

		etsi__vec_dispose(&record->children);
		etsi__free(record);
	}
	etsi__vec_dispose(&store->all);
	for (i = 0; i < ETSI__KIND_LAST; i++) {
		etsi__vec_dispose(&store->by_kind[i]);
		etsi__map_dispose(&store->keys[i]);
	}
	etsi__map_dispose(&store->ids);
	for (i = 0; i < store->text_cache.cap; i++) {
		if (store->text_cache.slots[i].key)
			etsi__free(store->text_cache.slots[i].value);
	}
	etsi__map_dispose(&store->text_cache);
	for (i = 0; i < store->ndocs; i++)
		xmlFreeDoc(store->docs[i]);
	store->ndocs = 0;
}

size_t etsi__store_count(const etsi__store *store, etsi_kind kind)
{
	if ((int)kind <= 0 || kind >= ETSI__KIND_LAST)
		return 0;
	store_refresh(store);
	return store->by_kind[kind].len;
}

etsi_record *etsi__store_at(const etsi__store *store, etsi_kind kind, size_t i)
{
	if ((int)kind <= 0 || kind >= ETSI__KIND_LAST)
		return NULL;
	store_refresh(store);
	return i < store->by_kind[kind].len ? store->by_kind[kind].items[i] : NULL;
}

etsi_record *etsi__store_find(const etsi__store *store, etsi_kind kind, const char *key)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);
	size_t i;

	if (!def || strcmp(def->ns, store->ns) != 0)
		return NULL;
	if (def->flags & ETSI__K_SINGLETON)
		return etsi__store_at(store, kind, 0);
	if (!key)
		return NULL;
	if (uses_key_map(def))
		return etsi__map_get(&store->keys[kind], key);
	store_refresh(store);
	for (i = 0; i < store->by_kind[kind].len; i++) {
		etsi_record *record = store->by_kind[kind].items[i];

		if (etsi__streq(etsi_record_key(record), key))
			return record;
	}
	return NULL;
}

/* ---- writing --------------------------------------------------------- */

/* Inserts a new child element at its place in the schema order. */
static xmlNode *insert_child(xmlNode *parent, const char *name)
{
	xmlNode *node = xmlNewDocNode(parent->doc, parent->ns, (const xmlChar *)name, NULL);

	if (node)
		etsi__store_insert(NULL, parent, node);
	return node;
}

/* Same namespace, even where a section declares it again. */
static int same_ns(const xmlNode *a, const xmlNode *b)
{
	if (!a->ns || !b->ns)
		return a->ns == b->ns;
	return a->ns == b->ns || xmlStrEqual(a->ns->href, b->ns->href);
}

/* Where @p n stands in @p order (the schema order of its parent's
 * children), or -1 when it is not there or of another namespace. */
static int order_position(const char *const *order, const xmlNode *n, const xmlNode *parent)
{
	int i, position = -1;

	for (i = 0; order && order[i] && same_ns(n, parent); i++) {
		if (strcmp(order[i], (const char *)n->name) == 0)
			position = i;
	}
	return position;
}

void etsi__store_insert(etsi__store *store, xmlNode *parent, xmlNode *child)
{
	const char *const *order = etsi__element_order((const char *)parent->name);
	xmlNode *n, *later = NULL;
	int index = -1, i;

	for (i = 0; order && order[i]; i++) {
		if (strcmp(order[i], (const char *)child->name) == 0)
			index = i;
	}
	/* from the end first: a new child mostly goes after its last sibling
	 * of the same name, before the few that come later in the order, so
	 * adding n children one by one costs n, not n squared */
	for (n = index >= 0 ? parent->last : NULL; n; n = n->prev) {
		int position;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		position = order_position(order, n, parent);
		if (position < 0)
			break; /* another element: the walk from the start decides */
		if (position > index) {
			later = n;
			continue;
		}
		etsi__xml_insert(parent, child, later);
		if (store)
			store->dirty = 1;
		return;
	}
	for (n = parent->children; n; n = n->next) {
		int position;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		position = order_position(order, n, parent);
		if (position < 0 || (index >= 0 && position > index))
			break;
	}
	/* in a dossier read with its layout, on a line of its own indented
	 * like its siblings */
	etsi__xml_insert(parent, child, n);
	if (store)
		store->dirty = 1;
}

static xmlNode *ensure_child(xmlNode *parent, const char *name)
{
	xmlNode *n = etsi__xml_child(parent, parent->ns ? (const char *)parent->ns->href : NULL,
	                             name);

	return n ? n : insert_child(parent, name);
}

/* Forgets records and cached texts under a node about to be freed. */
static void forget_subtree(etsi__store *store, xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		forget_text(store, node);
		if (node->_private) {
			etsi_record *record = node->_private;

			unregister_keys(store, record);
			record->removed = 1;
			record->node = NULL;
			node->_private = NULL;
		}
		forget_subtree(store, node->children);
	}
}

void etsi__store_detach(etsi__store *store, xmlNode *node)
{
	xmlNode *next = node->next;

	node->next = NULL;
	forget_subtree(store, node);
	node->next = next;
	store->dirty = 1;
}

static void free_element(etsi__store *store, xmlNode *node)
{
	etsi__store_detach(store, node);
	/* with the line break and indentation that were its own */
	etsi__xml_remove(node);
	xmlFreeNode(node);
}

static int set_text(etsi__store *store, xmlNode *node, const char *value)
{
	xmlNode *text = xmlNewDocText(node->doc, (const xmlChar *)value);
	xmlNode *child, *next;

	if (!text)
		return ETSI_ENOMEM;
	for (child = node->children; child; child = next) {
		next = child->next;
		if (child->type == XML_ELEMENT_NODE)
			continue; /* never happens for text fields; keep to be safe */
		xmlUnlinkNode(child);
		xmlFreeNode(child);
	}
	forget_text(store, node);
	xmlAddChild(node, text);
	return 0;
}

/* Writes one value: for a list, appends an element; otherwise replaces. */
static int write_value(etsi__store *store, etsi_record *record, const etsi__field *field,
                       const char *value)
{
	xmlNode *node = record->node;

	if (field->flags & ETSI__F_LIST) {
		xmlNode *item = insert_child(node, field->elem);

		if (!item)
			return ETSI_ENOMEM;
		if (field->type == ETSI__T_HASH) {
			const char *colon = strchr(value, ':');
			char *alg = etsi__strndup(value, (size_t)(colon - value));
			int failed = !alg || !xmlSetProp(item, (const xmlChar *)"alg", (xmlChar *)alg) ||
			             set_text(store, item, colon + 1) < 0;

			etsi__free(alg);
			return failed ? ETSI_ENOMEM : 0;
		}
		if (field->attr)
			return xmlSetProp(item, (const xmlChar *)field->attr, (const xmlChar *)value)
			       ? 0 : ETSI_ENOMEM;
		return set_text(store, item, value);
	}
	if (field->elem && !(node = ensure_child(node, field->elem)))
		return ETSI_ENOMEM;
	if (field->elem2 && !(node = ensure_child(node, field->elem2)))
		return ETSI_ENOMEM;
	if (field->attr) {
		forget_text(store, node);
		return xmlSetProp(node, (const xmlChar *)field->attr, (const xmlChar *)value)
		       ? 0 : ETSI_ENOMEM;
	}
	return set_text(store, node, value);
}

static void remove_value(etsi__store *store, etsi_record *record, const etsi__field *field)
{
	const etsi__kind_def *def = etsi__kind_lookup(record->kind);
	xmlNode *node;
	size_t i;

	if (field->flags & ETSI__F_LIST) {
		xmlNode *n = etsi__xml_child(record->node, store->ns, field->elem), *next;

		for (; n; n = next) {
			next = etsi__xml_next(n, store->ns, field->elem);
			if (!field->attr || etsi__xml_attr(n, field->attr))
				free_element(store, n);
		}
		return;
	}
	/* removing the anchor removes its whole element */
	if (field->flags & ETSI__F_ANCHOR) {
		node = etsi__xml_child(record->node, store->ns, field->elem);
		if (node)
			free_element(store, node);
		return;
	}
	node = field_node(record, field);
	if (!node)
		return;
	if (field->attr) {
		xmlUnsetProp(node, (const xmlChar *)field->attr);
		forget_text(store, node);
	} else if (field->elem && !node->properties) {
		free_element(store, node);
	} else {
		/* the element also carries other fields (attributes): keep it,
		 * without the text */
		set_text(store, node, "");
	}
	(void)def;
	(void)i;
}

/* An element with an anchor field can only be created through it. */
static const etsi__field *missing_anchor(const etsi__kind_def *def, const etsi__field *field,
                                         const etsi_record *record, const char *const *pairs)
{
	size_t i;

	if (!field->elem)
		return NULL;
	for (i = 0; i < def->nfields; i++) {
		const etsi__field *anchor = &def->fields[i];
		size_t p;

		if (!(anchor->flags & ETSI__F_ANCHOR) || anchor == field ||
		    !etsi__streq(anchor->elem, field->elem))
			continue;
		if (record && etsi__record_field(record, anchor))
			return NULL;
		for (p = 0; pairs && pairs[p]; p += 2) {
			if (strcmp(pairs[p], anchor->name) == 0)
				return NULL;
		}
		return anchor;
	}
	return NULL;
}

static int check_writable(const etsi_record *record, const etsi__field *field, const char *name)
{
	if (!record)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "record is NULL");
	if (record->removed)
		return etsi__error(ETSI_EINVALID, ERR_DOSSIER,
		                   "the record was removed from its dossier");
	if (record->store->readonly)
		return etsi__error(ETSI_EREADONLY, ERR_DOSSIER,
		                   "%s records belong to a catalog and cannot be changed",
		                   etsi_kind_name(record->kind));
	if (!field)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "%s has no field '%s'",
		                   etsi_kind_name(record->kind), name ? name : "(null)");
	if (field->flags & ETSI__F_COMPUTED)
		return etsi__error(ETSI_EREADONLY, ERR_ARG, "%s field '%s' is computed",
		                   etsi_kind_name(record->kind), field->name);
	if (field->flags & ETSI__F_FIXED)
		return etsi__error(ETSI_EREADONLY, ERR_ARG,
		                   "%s field '%s' is fixed when the dossier is created; a dossier "
		                   "moves to another edition by migration, not by editing",
		                   etsi_kind_name(record->kind), field->name);
	return 0;
}

static int check_key_free(etsi__store *store, const etsi__kind_def *def, const char *key,
                          const etsi_record *self)
{
	etsi_record *other;

	if (!uses_key_map(def))
		return 0;
	other = etsi__map_get(&store->keys[def->kind], key);
	if (!other && (def->flags & ETSI__K_IDSPACE))
		other = etsi__map_get(&store->ids, key);
	if (other && other != self)
		return etsi__error(ETSI_EEXISTS, ERR_DOSSIER,
		                   "'%s' is already the key of a%s %s; keys are unique in a dossier",
		                   key, strchr("aeiou", etsi_kind_name(other->kind)[0]) ? "n" : "",
		                   etsi_kind_name(other->kind));
	return 0;
}

int etsi_record_set(etsi_record *record, const char *name, const char *value)
{
	const etsi__field *field = field_of(record, name);
	const etsi__kind_def *def;
	const etsi__field *anchor;
	char *old_key = NULL;
	etsi__store *store;
	int error;

	if ((error = check_writable(record, field, name)) < 0)
		return error;
	store = record->store;
	def = etsi__kind_lookup(record->kind);
	if (!value) {
		if (field->flags & (ETSI__F_REQUIRED | ETSI__F_KEY))
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s field '%s' is required and cannot be removed",
			                   def->name, field->name);
		remove_value(store, record, field);
		return 0;
	}
	if ((error = etsi__check_value(record, def, field, value, store)) < 0)
		return error;
	if (!(field->flags & ETSI__F_LIST) && (anchor = missing_anchor(def, field, record, NULL)))
		return etsi__error(ETSI_EINVALID, ERR_ARG,
		                   "set %s field '%s' before '%s'", def->name, anchor->name,
		                   field->name);
	if (field->flags & ETSI__F_KEY) {
		const char *current = etsi_record_key(record);

		if (etsi__streq(current, value))
			return 0;
		if ((error = check_key_free(store, def, value, record)) < 0)
			return error;
		unregister_keys(store, record);
		old_key = current ? etsi__strdup(current) : NULL;
	}
	if (field->flags & ETSI__F_LIST)
		remove_value(store, record, field);
	error = write_value(store, record, field, value);
	if (field->flags & ETSI__F_KEY) {
		if (error < 0 && old_key)
			write_value(store, record, field, old_key);
		if (register_keys(store, record) < 0)
			error = ETSI_ENOMEM;
		store->dirty = 1;
	}
	etsi__free(old_key);
	return error < 0 ? etsi__error_oom() : 0;
}

int etsi_record_add_value(etsi_record *record, const char *name, const char *value)
{
	const etsi__field *field = field_of(record, name);
	const etsi__kind_def *def;
	size_t i, n;
	int error;

	if ((error = check_writable(record, field, name)) < 0)
		return error;
	def = etsi__kind_lookup(record->kind);
	if (!(field->flags & ETSI__F_LIST))
		return etsi__error(ETSI_EINVALID, ERR_ARG,
		                   "%s field '%s' holds one value; use etsi_record_set()",
		                   def->name, field->name);
	if (!value)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "value is NULL");
	if ((error = etsi__check_value(record, def, field, value, record->store)) < 0)
		return error;
	n = list_values(record, field, 0, NULL);
	for (i = 0; i < n; i++) {
		if (etsi__streq(etsi_record_value_at(record, name, i), value))
			return 0;
	}
	return write_value(record->store, record, field, value) < 0 ? etsi__error_oom() : 0;
}

int etsi_record_remove_value(etsi_record *record, const char *name, const char *value)
{
	const etsi__field *field = field_of(record, name);
	etsi__store *store;
	xmlNode *n;
	int error;

	if ((error = check_writable(record, field, name)) < 0)
		return error;
	if (!(field->flags & ETSI__F_LIST))
		return etsi__error(ETSI_EINVALID, ERR_ARG,
		                   "%s field '%s' holds one value; use etsi_record_set() with NULL",
		                   etsi_kind_name(record->kind), field->name);
	if (!value)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "value is NULL");
	store = record->store;
	for (n = etsi__xml_child(record->node, store->ns, field->elem); n;
	     n = etsi__xml_next(n, store->ns, field->elem)) {
		if (etsi__streq(value_of(record, field, n), value)) {
			free_element(store, n);
			return 0;
		}
	}
	return etsi__error(ETSI_ENOTFOUND, ERR_DOSSIER, "%s field '%s' has no value \"%s\"",
	                   etsi_kind_name(record->kind), field->name, value ? value : "(null)");
}

/* ---- adding and removing records ------------------------------------- */

static int check_pairs(etsi__store *store, const etsi__kind_def *def,
                       const char *const *pairs, const char **key_out)
{
	size_t i, p;
	int error;

	*key_out = NULL;
	for (p = 0; pairs && pairs[p]; p += 2) {
		const etsi__field *field = etsi__kind_find_field(def, pairs[p]);
		const etsi__field *anchor;
		size_t q;

		if (!field)
			return etsi__error(ETSI_EINVALID, ERR_ARG, "%s has no field '%s'", def->name,
			                   pairs[p]);
		if (!pairs[p + 1])
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s field '%s' has no value (fields come in name, value "
			                   "pairs ending with NULL)", def->name, pairs[p]);
		if (!(field->flags & ETSI__F_LIST)) {
			for (q = 0; q < p; q += 2) {
				if (strcmp(pairs[q], pairs[p]) == 0)
					return etsi__error(ETSI_EINVALID, ERR_ARG,
					                   "%s field '%s' is given twice", def->name,
					                   pairs[p]);
			}
		}
		if ((error = etsi__check_value(NULL, def, field, pairs[p + 1], store)) < 0)
			return error;
		if ((anchor = missing_anchor(def, field, NULL, pairs)))
			return etsi__error(ETSI_EINVALID, ERR_ARG, "%s field '%s' needs '%s' too",
			                   def->name, field->name, anchor->name);
		if (field->flags & ETSI__F_KEY)
			*key_out = pairs[p + 1];
	}
	for (i = 0; i < def->nfields; i++) {
		const etsi__field *field = &def->fields[i];
		int given = 0;

		if (!(field->flags & ETSI__F_REQUIRED))
			continue;
		for (p = 0; pairs && pairs[p]; p += 2)
			given |= strcmp(pairs[p], field->name) == 0;
		if (!given)
			return etsi__error(ETSI_EINVALID, ERR_ARG,
			                   "%s %s needs the field '%s'", article(def->name), def->name,
			                   field->name);
	}
	if (*key_out)
		return check_key_free(store, def, *key_out, NULL);
	return 0;
}

static xmlNode *ensure_path(xmlNode *base, const char *path)
{
	char segment[64];

	while (base && *path) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);

		if (n >= sizeof(segment))
			return NULL;
		memcpy(segment, path, n);
		segment[n] = '\0';
		base = ensure_child(base, segment);
		path += n + (slash ? 1 : 0);
	}
	return base;
}

/* Where a container path first reaches a missing element: the last
 * existing element (*holder) and the missing one's name (in `missing`).
 * Returns 0 when the whole path exists. */
static int first_missing(xmlNode *base, const char *ns, const char *path, xmlNode **holder,
                         char *missing, size_t size)
{
	while (base && *path) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);
		xmlNode *next;

		if (n >= size)
			return 0;
		memcpy(missing, path, n);
		missing[n] = '\0';
		next = etsi__xml_child(base, ns, missing);
		if (!next) {
			*holder = base;
			return 1;
		}
		base = next;
		path += n + (slash ? 1 : 0);
	}
	return 0;
}

/* Removes the container a failed add created (with what it holds). */
static void undo_container(etsi__store *store, xmlNode *holder, const char *name)
{
	xmlNode *made = etsi__xml_child(holder, store->ns, name);

	if (made)
		free_element(store, made);
}

int etsi__store_add(etsi_record **out, etsi__store *store, etsi_record *parent,
                    etsi_kind kind, const char *const *pairs)
{
	const etsi__kind_def *def = etsi__kind_lookup(kind);
	etsi_record *record = NULL;
	xmlNode *base, *container, *node;
	xmlNode *holder = NULL;
	char missing[64];
	int created;
	const char *key;
	size_t i, p;
	int error;

	if (out)
		*out = NULL;
	if (!def || strcmp(def->ns, store->ns) != 0)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "%s records cannot be added to a dossier",
		                   def ? def->name : "unknown");
	if (store->readonly)
		return etsi__error(ETSI_EREADONLY, ERR_DOSSIER, "the store is read-only");
	if (def->parent) {
		if (!parent || parent->kind != def->parent || parent->store != store ||
		    parent->removed)
			return etsi__error(ETSI_EINVALID, ERR_ARG, "%s %s belongs to %s %s of this "
			                   "dossier; pass that record as the parent", article(def->name),
			                   def->name, article(etsi_kind_name(def->parent)),
			                   etsi_kind_name(def->parent));
	} else if (parent) {
		return etsi__error(ETSI_EINVALID, ERR_ARG, "%s %s has no parent record; pass NULL",
		                   article(def->name), def->name);
	}
	if ((def->flags & ETSI__K_SINGLETON) && etsi__store_find(store, kind, NULL))
		return etsi__error(ETSI_EEXISTS, ERR_DOSSIER, "the dossier already has its %s",
		                   def->name);
	if ((error = check_pairs(store, def, pairs, &key)) < 0)
		return error;

	base = parent ? parent->node : xmlDocGetRootElement(store->docs[0]);
	created = first_missing(base, store->ns, def->container, &holder, missing,
	                        sizeof(missing));
	container = ensure_path(base, def->container);
	node = container ? insert_child(container, def->element) : NULL;
	if (!node) {
		if (created)
			undo_container(store, holder, missing);
		return etsi__error_oom();
	}
	record = new_record(store, kind, node, parent);
	if (!record) {
		etsi__xml_remove(node);
		xmlFreeNode(node);
		if (created)
			undo_container(store, holder, missing);
		return etsi__error_oom();
	}
	/* write in the kind's field order, so elements follow the schema */
	for (i = 0; i < def->nfields; i++) {
		for (p = 0; pairs && pairs[p]; p += 2) {
			if (strcmp(pairs[p], def->fields[i].name) != 0)
				continue;
			if (write_value(store, record, &def->fields[i], pairs[p + 1]) < 0)
				goto oom;
		}
	}
	if (register_keys(store, record) < 0)
		goto oom;
	store->dirty = 1;
	if (out)
		*out = record;
	return 0;
oom:
	free_element(store, node);
	if (created)
		undo_container(store, holder, missing);
	return etsi__error_oom();
}

int etsi__store_remove(etsi__store *store, etsi_record *record)
{
	const etsi__kind_def *def;

	if (!record || record->store != store)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "the record is not one of this dossier's");
	if (record->removed)
		return etsi__error(ETSI_EINVALID, ERR_DOSSIER, "the record was already removed");
	def = etsi__kind_lookup(record->kind);
	if (def->flags & ETSI__K_SINGLETON && record->kind != ETSI_KIND_USER_INFO)
		return etsi__error(ETSI_EINVALID, ERR_ARG, "the %s cannot be removed from a dossier",
		                   def->name);
	free_element(store, record->node);
	return 0;
}
