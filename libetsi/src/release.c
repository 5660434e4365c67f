/*
 * Release carry-forward: the next release's dossier, started from the
 * current one with everything that was assessed for the old release marked
 * as needing review (docs/lifecycle.md).
 *
 * The copy is made by writing the old dossier and loading the text again,
 * so the new dossier goes through the same parsing, validation and
 * indexing as any other; the marks are then set through the record API,
 * which checks every value and puts new elements at their schema place.
 */
#include <string.h>

#include <libxml/tree.h>

#include "alloc.h"
#include "dossier_impl.h"
#include "error.h"
#include "etsi/lifecycle.h"
#include "record_impl.h"
#include "xml.h"

/* Sets a field, or removes it when value is NULL. */
static int set(etsi_record *r, const char *field, const char *value)
{
	return etsi_record_set(r, field, value);
}

/* Marks a record as carried from `release`, with no review recorded. */
static int mark_carried(etsi_record *r, const char *release)
{
	int error;

	if ((error = set(r, "carried-from", release)) < 0 ||
	    (error = set(r, "reviewed-by", NULL)) < 0 ||
	    (error = set(r, "reviewed-on", NULL)) < 0)
		return error;
	return 0;
}

static int carry(etsi_dossier *d, const char *old_release, const char *version,
                 const char *date)
{
	etsi_record *header = etsi_dossier_find(d, ETSI_KIND_HEADER, NULL);
	etsi_record *dut = etsi_dossier_find(d, ETSI_KIND_DUT, NULL);
	xmlNode *plan;
	size_t i, n;
	int error;

	if ((error = set(header, "release", version)) < 0 ||
	    (error = set(header, "previous-release", old_release)) < 0 ||
	    (error = set(header, "release-date", date)) < 0)
		return error;
	if (etsi__streq(etsi_record_get(dut, "software-version"), old_release) &&
	    (error = set(dut, "software-version", version)) < 0)
		return error;

	n = etsi_dossier_count(d, ETSI_KIND_EVIDENCE);
	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(d, ETSI_KIND_EVIDENCE, i);

		/* evidence/@release stays: the release it was produced for */
		if ((error = set(e, "review", "needs-review")) < 0 ||
		    (error = mark_carried(e, old_release)) < 0 ||
		    (error = set(e, "carried-from-evidence", etsi_record_key(e))) < 0)
			return error;
	}
	n = etsi_dossier_count(d, ETSI_KIND_ICS_ENTRY);
	for (i = 0; i < n; i++) {
		etsi_record *entry = etsi_dossier_at(d, ETSI_KIND_ICS_ENTRY, i);

		/* an entry that states nothing yet has nothing to review */
		if (!etsi_record_get(entry, "support") &&
		    etsi__is_blank(etsi_record_get(entry, "detail")))
			continue;
		if ((error = mark_carried(entry, old_release)) < 0)
			return error;
	}
	n = etsi_dossier_count(d, ETSI_KIND_VERDICT);
	for (i = 0; i < n; i++) {
		if ((error = mark_carried(etsi_dossier_at(d, ETSI_KIND_VERDICT, i), old_release)) < 0)
			return error;
	}
	/* sign-offs and a fixed test plan belong to the old release */
	n = etsi_dossier_count(d, ETSI_KIND_STEP);
	for (i = 0; i < n; i++) {
		if ((error = set(etsi_dossier_at(d, ETSI_KIND_STEP, i), "signed-off", NULL)) < 0)
			return error;
	}
	plan = etsi__xml_child(xmlDocGetRootElement(d->store.docs[0]), ETSI__NS_DOSSIER,
	                       "test-plan");
	if (plan) {
		etsi__store_detach(&d->store, plan);
		xmlUnlinkNode(plan);
		xmlFreeNode(plan);
	}
	return 0;
}

int etsi_dossier_release(etsi_dossier **out, const etsi_dossier *old, const char *version,
                         const char *date)
{
	etsi_load_options opts = ETSI_LOAD_OPTIONS_INIT;
	const char *old_release;
	etsi_dossier *d = NULL;
	char *text = NULL;
	size_t len;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	ETSI__ASSERT_ARG(old);
	old_release = etsi_record_get(etsi_dossier_find(old, ETSI_KIND_HEADER, NULL), "release");
	if (!version || etsi__is_blank(version))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the new release needs a version, such as 3.5.0");
	if (date && !etsi__valid_date(date))
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the release date '%s' is not a date YYYY-MM-DD", date);
	if (!old_release)
		return etsi__error(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER,
		                   "the dossier states no release to carry forward from");
	if (strcmp(version, old_release) == 0)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the dossier is already for release %s; give the next release's "
		                   "version", version);
	if ((error = etsi_dossier_write(&text, &len, old)) < 0)
		return error;
	opts.data_dir = old->data_dir;
	opts.max_size = len + 1;
	/* the old document passed its own limits; the copy is as deep */
	opts.max_depth = 256;
	error = etsi_dossier_load_memory(&d, text, len, etsi_dossier_path(old), &opts);
	etsi__free(text);
	if (error < 0)
		return error;
	/* a new dossier: no file until it is saved */
	etsi__free(d->path);
	d->path = NULL;
	if ((error = carry(d, old_release, version, date)) < 0) {
		etsi_dossier_free(d);
		return error;
	}
	*out = d;
	return 0;
}
