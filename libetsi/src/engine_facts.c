/*
 * The facts a dossier states about its product (updateable components,
 * implemented mechanisms, the constrained-device position), what they make
 * of a provision's conditions and features, the indexes the checks read
 * (built once, so every check is linear), and whether the IXIT inputs of
 * the test cases are there.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "engine_impl.h"
#include "error.h"

/* An IXIT value that is missing, or a placeholder typed where a value is
 * required ("n/a", "none", "-", "TBD"...): not a value either. */
static int no_value(const etsi_record *r, const char *field)
{
	static const char *const placeholders[] = {
		"n/a", "na", "not applicable", "none", "-", "--", "tbd", "tba", "todo", "?",
		"unknown", "nil", "null", NULL
	};
	const char *v = get(r, field);
	size_t i, len;

	if (etsi__is_blank(v))
		return 1;
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++;
	len = strlen(v);
	while (len && (v[len - 1] == ' ' || v[len - 1] == '\t' || v[len - 1] == '\n' ||
	               v[len - 1] == '\r' || v[len - 1] == '.'))
		len--;
	for (i = 0; placeholders[i]; i++) {
		size_t k = 0;

		while (k < len && placeholders[i][k] &&
		       tolower((unsigned char)v[k]) == placeholders[i][k])
			k++;
		if (k == len && !placeholders[i][k])
			return 1;
	}
	return 0;
}

/* ---- facts ----------------------------------------------------------- */

static void set_fact(fact_state *f, int value, const char *witness)
{
	f->value = value;
	f->witness = witness;
}

void etsi__gather_facts(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	etsi_record *group;
	size_t i, n;
	int undecided = 0, components = 0;

	ev->release = get(header, "release");
	ev->user_info = etsi_dossier_find(ev->d, ETSI_KIND_USER_INFO, NULL);
	group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, "4-1");
	group = group ? group : etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, "5.0-1");
	ev->justification_case = etsi_record_child_at(group, 0);

	set_fact(&ev->has_mechanism, 0, NULL);
	set_fact(&ev->network, 0, NULL);
	set_fact(&ev->automatic, 0, NULL);
	set_fact(&ev->notification, 0, NULL);
	n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *id = etsi_record_key(m);

		if (etsi__streq(get(m, "implemented"), "false"))
			continue;
		if (!ev->has_mechanism.value)
			set_fact(&ev->has_mechanism, 1, id);
		if (is_true(m, "network") && !ev->network.value)
			set_fact(&ev->network, 1, id);
		if (is_true(m, "automatic") && !ev->automatic.value)
			set_fact(&ev->automatic, 1, id);
		if (is_true(m, "notification") && !ev->notification.value)
			set_fact(&ev->notification, 1, id);
	}

	set_fact(&ev->any_updateable, 0, NULL);
	set_fact(&ev->not_updateable, 0, NULL);
	set_fact(&ev->mutable_component, 0, NULL);
	n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		const char *id = etsi_record_key(c), *u = get(c, "updateable");
		int immutable = etsi__streq(get(c, "no-update-reason"), "immutable-for-security");

		components++;
		if (etsi__streq(u, "true") && !ev->any_updateable.value)
			set_fact(&ev->any_updateable, 1, id);
		if (etsi__streq(u, "undecided"))
			undecided = 1;
		/* condition 3 counts components that cannot be updated, except
		 * those kept immutable on purpose (a boot ROM): libetsi's reading,
		 * consistent with V3.1.3's 5.3-1 */
		if (etsi__streq(u, "false") && !immutable && !ev->not_updateable.value)
			set_fact(&ev->not_updateable, 1, id);
		if (!immutable && !ev->mutable_component.value)
			set_fact(&ev->mutable_component, 1, id);
	}
	if (undecided && !ev->any_updateable.value)
		ev->any_updateable.value = -1;
	if (undecided && !ev->not_updateable.value)
		ev->not_updateable.value = -1;
	if (!components)
		ev->mutable_component.value = -1;

	set_fact(&ev->constrained, -1, NULL);
	set_fact(&ev->prevents, -1, NULL);
	if (dut && get(dut, "constrained"))
		set_fact(&ev->constrained, is_true(dut, "constrained"), NULL);
	if (dut && (get(dut, "constrained") || get(dut, "prevents-update-mechanism")))
		set_fact(&ev->prevents, is_true(dut, "prevents-update-mechanism"), NULL);
}

/* Appends a message template, with its "%s" (if any) replaced by `value`. */
static void put_template(etsi__buf *out, const char *template, const char *value)
{
	const char *mark = strstr(template, "%s");

	if (!mark) {
		etsi__buf_puts(out, template);
		return;
	}
	etsi__buf_put(out, template, (size_t)(mark - template));
	etsi__buf_puts(out, value);
	etsi__buf_puts(out, mark + 2);
}

/* Evaluates a numbered condition or a lettered feature against the facts;
 * `why` says what decides it.  Conditions and features libetsi does not
 * model (passwords, telemetry ...) are unknown. */
static int prerequisite(const eval *ev, const char *kind, const char *id, etsi__buf *why)
{
	const fact_state *f = NULL;
	int negate = 0, value;
	const char *holds = NULL, *fails = NULL;

	if (strcmp(kind, "condition") == 0) {
		if (strcmp(id, "3") == 0) {
			f = &ev->not_updateable;
			holds = "component '%s' cannot be updated";
			fails = "every component can be updated or is immutable for security";
		} else if (strcmp(id, "4") == 0) {
			f = &ev->constrained;
			holds = "the DUT is declared a constrained device";
			fails = "the DUT is declared not constrained";
		} else if (strcmp(id, "5") == 0) {
			f = &ev->constrained;
			negate = 1;
			holds = "the DUT is declared not constrained";
			fails = "the DUT is declared a constrained device";
		} else if (strcmp(id, "9") == 0) {
			value = ev->automatic.value == 1 || ev->notification.value == 1;
			etsi__buf_printf(why, "condition 9 %s: %s", value ? "holds" : "does not hold",
			                 ev->automatic.value == 1
			                     ? "an implemented mechanism updates automatically"
			                 : ev->notification.value == 1
			                     ? "an implemented mechanism notifies the user"
			                     : "no mechanism updates automatically or notifies");
			return value;
		} else if (strcmp(id, "11") == 0) {
			f = &ev->network;
			holds = "mechanism '%s' is delivered over a network interface";
			fails = "no implemented mechanism is delivered over a network";
		} else if (strcmp(id, "12") == 0) {
			f = &ev->has_mechanism;
			holds = "mechanism '%s' is implemented";
			fails = "no update mechanism is implemented";
		} else if (strcmp(id, "15") == 0) {
			f = &ev->prevents;
			negate = 1;
			holds = "no resource constraint is declared to prevent an update mechanism";
			fails = "a resource constraint is declared to prevent an update mechanism";
		}
	} else {
		if (strcmp(id, "f") == 0) {
			f = &ev->mutable_component;
			holds = "component '%s' is not immutable for security";
			fails = "every component is immutable for security";
		} else if (strcmp(id, "g") == 0) {
			value = ev->any_updateable.value == 1 || ev->has_mechanism.value == 1 ? 1
			        : ev->any_updateable.value < 0 ? -1 : 0;
			if (value >= 0)
				etsi__buf_printf(why, "feature g %s: %s", value ? "is present" : "is absent",
				                 value ? "software components can be updated"
				                       : "no component can be updated");
			return value;
		} else if (strcmp(id, "h") == 0) {
			f = &ev->automatic;
			holds = "mechanism '%s' updates automatically";
			fails = "no implemented mechanism updates automatically";
		} else if (strcmp(id, "i") == 0) {
			f = &ev->notification;
			holds = "mechanism '%s' notifies the user of updates";
			fails = "no implemented mechanism notifies the user";
		} else if (strcmp(id, "j") == 0) {
			f = &ev->network;
			holds = "mechanism '%s' is delivered over a network interface";
			fails = "no implemented mechanism is delivered over a network";
		}
	}
	if (!f || f->value < 0)
		return -1;
	value = negate ? !f->value : f->value;
	etsi__buf_printf(why, "%s %s %s: ", kind, id,
	                 value ? (kind[0] == 'c' ? "holds" : "is present")
	                       : (kind[0] == 'c' ? "does not hold" : "is absent"));
	put_template(why, value ? holds : fails, f->witness ? f->witness : "?");
	return value;
}

int etsi__eval_applicability(const eval *ev, const etsi_record *p, etsi__buf *why)
{
	static const char *const kinds[] = { "condition", "feature" };
	int result = 1;
	size_t k, i;

	for (k = 0; k < 2; k++) {
		for (i = 0; i < etsi_record_value_count(p, kinds[k]); i++) {
			etsi__buf one = ETSI__BUF_INIT;
			int v = prerequisite(ev, kinds[k], etsi_record_value_at(p, kinds[k], i), &one);

			if (v == 0) {
				etsi__buf_dispose(why);
				etsi__buf_puts(why, one.ptr ? one.ptr : "");
				etsi__buf_dispose(&one);
				return 0;
			}
			if (v < 0)
				result = -1;
			else if (one.ptr)
				etsi__buf_printf(why, "%s%s", why->len ? "; " : "", one.ptr);
			etsi__buf_dispose(&one);
		}
	}
	return result;
}

/* ---- indexes --------------------------------------------------------- */

static void index_rows(eval *ev, etsi_kind kind, const char *field, etsi__map *map)
{
	size_t i, n = etsi_dossier_count(ev->d, kind);

	for (i = 0; i < n; i++) {
		etsi_record *r = etsi_dossier_at(ev->d, kind, i);
		const char *key = get(r, field);

		if (key && etsi__map_put(map, key, r) < 0)
			OOM(ev);
	}
}

void etsi__index_dossier(eval *ev)
{
	size_t i, j, n;

	index_rows(ev, ETSI_KIND_SOFT_COMP, "component", &ev->soft_comp);
	index_rows(ev, ETSI_KIND_UPD_MECH, "mechanism", &ev->upd_mech);
	index_rows(ev, ETSI_KIND_EVIDENCE, "provision", &ev->evidence);
	n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);

		for (j = 0; j < etsi_record_value_count(c, "mechanism"); j++) {
			if (etsi__map_put(&ev->used, etsi_record_value_at(c, "mechanism", j), c) < 0)
				OOM(ev);
		}
	}
	n = etsi_dossier_count(ev->d, ETSI_KIND_WAIVER);
	for (i = 0; i < n; i++) {
		etsi_record *w = etsi_dossier_at(ev->d, ETSI_KIND_WAIVER, i);
		etsi__buf key = ETSI__BUF_INIT;
		const char *expires = get(w, "expires");
		int put;

		if (!etsi_record_key(w))
			continue; /* invalid (a schema error): nothing can refer to it */
		if (!etsi_rule_find(get(w, "rule"))) {
			finding(ev, R_WAIVER_UNKNOWN_RULE, w, etsi_record_key(w), NULL,
			        "waiver '%s' names rule '%s', which does not exist",
			        etsi_record_key(w), get(w, "rule"));
			continue;
		}
		if (expires && strcmp(expires, ev->as_of) < 0) {
			finding(ev, R_WAIVER_EXPIRED, w, etsi_record_key(w), NULL,
			        "waiver '%s' of rule %s for '%s' expired on %s", etsi_record_key(w),
			        get(w, "rule"), get(w, "target"), expires);
			continue;
		}
		etsi__buf_printf(&key, "%s\n%s", get(w, "rule"), get(w, "target"));
		put = key.failed ? ETSI_ENOMEM : etsi__map_put(&ev->waivers, key.ptr, w);
		if (put < 0)
			OOM(ev);
		else if (put == 1)
			finding(ev, R_WAIVER_UNUSED, w, etsi_record_key(w), NULL,
			        "waiver '%s' repeats waiver '%s' (rule %s for '%s'); remove one",
			        etsi_record_key(w),
			        etsi_record_key(etsi__map_get(&ev->waivers, key.ptr)), get(w, "rule"),
			        get(w, "target"));
		etsi__buf_dispose(&key);
	}
}

/* ---- IXIT presence --------------------------------------------------- */

static void missing_row(etsi__buf *missing, const char *what, const char *id)
{
	/* an invalid dossier's row may have no id */
	etsi__buf_printf(missing, "%s%s '%s'", missing->len ? ", " : "missing for ", what,
	                 id ? id : "(no id)");
}

const presence *etsi__eval_input_presence(eval *ev, const char *table, const char *field)
{
	etsi__buf key = ETSI__BUF_INIT, missing = ETSI__BUF_INIT;
	presence *p;
	size_t i, n;
	int number = table ? atoi(table) : 0;

	etsi__buf_printf(&key, "%s\n%s", table, field ? field : "");
	if (key.failed) {
		OOM(ev);
		return NULL;
	}
	p = etsi__map_get(&ev->presence, key.ptr);
	if (p) {
		etsi__buf_dispose(&key);
		return p;
	}
	p = etsi__calloc(1, sizeof(*p));
	if (!p || etsi__map_put(&ev->presence, key.ptr, p) < 0) {
		etsi__free(p);
		etsi__buf_dispose(&key);
		OOM(ev);
		return NULL;
	}
	etsi__buf_dispose(&key);
	p->state = 1;
	switch (number) {
	case 2: /* 2-UserInfo */
		if (!ev->user_info)
			etsi__buf_puts(&missing, "there is no ixit/user-info");
		else if (field && no_value(ev->user_info, field))
			etsi__buf_printf(&missing, "ixit/user-info has no %s", field);
		break;
	case 4: { /* 4-Conf */
		etsi_record *c = field ? etsi_dossier_find(ev->d, ETSI_KIND_CONFIRMATION, field) : NULL;

		if (field && (!c || !is_true(c, "confirmed")))
			etsi__buf_printf(&missing, "confirmation '%s' is %s", field,
			                 c ? "not confirmed" : "missing");
		break;
	}
	case 6: /* 6-SoftComp: every component */
		n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);
		if (!n)
			etsi__buf_puts(&missing, "no software components are listed");
		for (i = 0; i < n; i++) {
			etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
			etsi_record *row = etsi__map_get(&ev->soft_comp, etsi_record_key(c));

			if (field && strcmp(field, "update-mechanism") == 0) {
				/* the component's covered-by list, or a justified absence */
				if (!etsi_record_value_count(c, "mechanism") &&
				    no_value(c, "no-update-justification") &&
				    (!row || no_value(row, "update-mechanism-justification")))
					missing_row(&missing, "component", etsi_record_key(c));
			} else if (!row || (field && no_value(row, field))) {
				missing_row(&missing, "component", etsi_record_key(c));
				p->partial |= row != NULL;
			}
			if (!row && !p->rowless)
				p->rowless = etsi_record_key(c);
		}
		break;
	case 7: /* 7-UpdMech: every implemented mechanism */
		n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
		if (!ev->has_mechanism.value)
			etsi__buf_puts(&missing, "no update mechanism is implemented");
		for (i = 0; i < n; i++) {
			etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
			etsi_record *row = etsi__map_get(&ev->upd_mech, etsi_record_key(m));

			if (etsi__streq(get(m, "implemented"), "false"))
				continue;
			if (!row || (field && no_value(row, field))) {
				missing_row(&missing, "mechanism", etsi_record_key(m));
				p->partial |= row != NULL;
			}
			if (!row && !p->rowless)
				p->rowless = etsi_record_key(m);
		}
		break;
	case 8:   /* 8-UpdProc: at least one procedure */
	case 9: { /* 9-ReplSup: at least one row */
		etsi_kind kind = number == 8 ? ETSI_KIND_UPD_PROC : ETSI_KIND_REPL_SUP;
		int found = 0;

		n = etsi_dossier_count(ev->d, kind);
		for (i = 0; i < n && !found; i++)
			found = !field || !no_value(etsi_dossier_at(ev->d, kind, i), field);
		if (!found)
			etsi__buf_printf(&missing, "no %s row%s%s", etsi_kind_name(kind),
			                 field ? " gives " : "", field ? field : "");
		break;
	}
	default:
		p->state = -1; /* an IXIT table libetsi does not model */
		break;
	}
	if (missing.failed) {
		OOM(ev);
	} else if (missing.len) {
		p->state = 0;
		p->missing = etsi__buf_detach(&missing);
	}
	etsi__buf_dispose(&missing);
	return p;
}
