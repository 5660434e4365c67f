/**
 * @file etsi/migrate.h
 * @brief Edition migration: a dossier moved from one EN 303 645 edition to
 *        a later one, and the differences between two editions' catalogs.
 * @defgroup etsi_migrate Edition migration
 *
 * A dossier is assessed against one edition, fixed when it is created.
 * Migration builds a new dossier for a later edition (EN 303 645 V2.1.1 to
 * V3.1.3, with TS 103 701 V1.1.1 to V2.1.1) from an existing one, driven by
 * what the target catalog records about each provision: the void
 * provisions' @c replaced-by lists, each change's @c was (the provision it
 * came from) and @c impact, and the applicability conditions of both
 * editions.  What a person must decide again is marked in the new dossier
 * and listed in the migration report; nothing is dropped silently.  The
 * rules are in docs/integrity.md.
 *
 * The report is a list of diagnostics (etsi/diagnostic.h): @c rule is the
 * action (@c renumbered, @c carried, @c split, @c re-decide, @c review,
 * @c proposed, @c dropped, @c cleared), @c reference the provision or test
 * case, @c element the identifier in the new dossier, @c file and @c line
 * the place in the input.  Severity info means migrated with nothing to
 * do; warning means a person must decide, review or redo something.
 * @{
 */
#ifndef ETSI_MIGRATE_H
#define ETSI_MIGRATE_H

#include "common.h"
#include "catalog.h"
#include "diagnostic.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/** The namespace of the migration marks libetsi puts in a migrated
 *  dossier (attributes such as migration:action="re-decide"). */
#define ETSI_NS_MIGRATION "urn:libetsi:migration:1"

/**
 * Migrates a dossier to a later EN 303 645 edition, paired with the
 * TS 103 701 edition that tests it.  The input is not changed.  The new
 * dossier is valid and has no file yet: save it with etsi_dossier_save().
 *
 * @param[out] out the new dossier; the caller frees it with
 *        etsi_dossier_free()
 * @param[out] report what moved, what a person must decide again and what
 *        was dropped; the caller frees it with etsi_diagnostics_free().
 *        May be NULL.
 * @param in the dossier to migrate (loaded and valid)
 * @param edition the target EN 303 645 edition, such as "3.1.3"
 * @return 0; ETSI_EINVALID for missing arguments or a target that is not
 *         later than the dossier's edition; ETSI_EUNSUPPORTED for an
 *         unknown edition, or when the input's catalogs are unknown;
 *         ETSI_EVALIDATION when the result is not valid (a bug, reported
 *         with the first problem); ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_migrate(etsi_dossier **out, etsi_diagnostics **report,
                                             const etsi_dossier *in, const char *edition);

/**
 * Lists the differences between two editions' catalogs, as diagnostics:
 * @c rule is the kind of difference (@c renumbered, @c split, @c void,
 * @c added, @c applicability, @c wording, @c notation, @c unchanged,
 * @c condition-added, @c condition-removed, @c feature-added,
 * @c test-case-added, @c test-case-removed, @c ixit-table-renamed,
 * @c ixit-field-added), @c reference the provision, condition, feature,
 * test case or IXIT table of the earlier edition (of the later one when it
 * is new), @c element the later edition's identifier(s), @c message what
 * changed and @c hint the later catalog's own description of the change.
 * Severity warning marks a difference that makes a person decide again
 * when a dossier moves across it; info marks the others.
 *
 * @param[out] out the differences, in catalog order; the caller frees the
 *        list with etsi_diagnostics_free()
 * @param from the earlier edition's catalog
 * @param to the later edition's catalog
 * @return 0; ETSI_EINVALID for missing arguments; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_catalog_diff(etsi_diagnostics **out, const etsi_catalog *from,
                                          const etsi_catalog *to);

ETSI_END_DECL

/** @} */
#endif
