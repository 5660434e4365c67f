/**
 * @file etsi/record.h
 * @brief Records: the entries of catalogs and dossiers, read and written by
 *        field name.
 * @defgroup etsi_record Records
 *
 * Everything libetsi models is a record of some ::etsi_kind: a provision or
 * a test case in a catalog; a component, an ICS entry or a verdict in a
 * dossier.  A record has a key (its id, or the provision, test case or name
 * it is keyed by), a line in its source document and named fields.  Field
 * names are the XML names of the dossier and catalog formats, so one
 * vocabulary serves the XML, the C API, the CLI and the bindings; the fields
 * of every kind are listed in docs/dossier-format.md and docs/catalogs.md,
 * and can be enumerated with etsi_kind_field().
 *
 * Records are borrowed: a record belongs to its catalog or dossier and
 * stays valid until that is freed.  A record removed from a dossier stays
 * allocated but reads as empty.  Strings returned by the getters are owned
 * by the record and stay valid until the field is changed or the owner is
 * freed.
 *
 * Getters that take a const record or dossier do not fail and never drop
 * an error.  They allocate nothing on a dossier as loaded (the text of an
 * element split by a comment is joined when the dossier is indexed); after
 * a change, the first getter re-indexes it.  Should that run out of memory,
 * the getter returns 0 or NULL as for nothing there and sets
 * etsi_error_last(), and the dossier keeps the failure: the next call that
 * returns a result code (validation, writing, saving, checking) fails with
 * ETSI_ENOMEM and says so, rather than act on a partial view.
 * @{
 */
#ifndef ETSI_RECORD_H
#define ETSI_RECORD_H

#include "common.h"

ETSI_BEGIN_DECL

/** A catalog or dossier entry. */
typedef struct etsi_record etsi_record;

/** The kinds of record.  Values are never renumbered. */
typedef enum etsi_kind {
	/* requirement layer catalog (EN 303 645) */
	ETSI_KIND_SOURCE = 1,      /**< "source": where a catalog fact comes from. */
	ETSI_KIND_CONDITION,       /**< "condition": a numbered condition. */
	ETSI_KIND_FEATURE,         /**< "feature": a lettered feature (V3). */
	ETSI_KIND_PROVISION,       /**< "provision": a provision such as 5.3-2. */
	/* assessment layer catalog (TS 103 701) */
	ETSI_KIND_IXIT_TABLE,      /**< "ixit-table": an IXIT table such as 7-UpdMech. */
	ETSI_KIND_IXIT_FIELD,      /**< "ixit-field": a field of an IXIT table. */
	ETSI_KIND_TEST_GROUP,      /**< "test-group": the test group of a provision. */
	ETSI_KIND_TEST_CASE,       /**< "test-case": a test case such as 5.3-2-1. */
	ETSI_KIND_TEST_INPUT,      /**< "test-input": an IXIT input a test case reads. */
	/* dossier */
	ETSI_KIND_HEADER,          /**< "header": editions, release, public statement. */
	ETSI_KIND_PARTY,           /**< "party": supplier organization, test laboratory. */
	ETSI_KIND_OWNER,           /**< "owner": a named person with a role. */
	ETSI_KIND_DUT,             /**< "dut": identification of the device under test. */
	ETSI_KIND_SERVICE,         /**< "service": an associated service or app. */
	ETSI_KIND_COMPONENT,       /**< "component": a software component. */
	ETSI_KIND_MECHANISM,       /**< "mechanism": an update mechanism. */
	ETSI_KIND_USER_INFO,       /**< "user-info": IXIT 2-UserInfo. */
	ETSI_KIND_CONFIRMATION,    /**< "confirmation": an IXIT 4-Conf confirmation. */
	ETSI_KIND_SOFT_COMP,       /**< "soft-comp": an IXIT 6-SoftComp row. */
	ETSI_KIND_UPD_MECH,        /**< "upd-mech": an IXIT 7-UpdMech row. */
	ETSI_KIND_UPD_PROC,        /**< "upd-proc": an IXIT 8-UpdProc row. */
	ETSI_KIND_REPL_SUP,        /**< "repl-sup": an IXIT 9-ReplSup row. */
	ETSI_KIND_ICS_ENTRY,       /**< "ics-entry": an Annex B row, keyed by provision. */
	ETSI_KIND_EVIDENCE,        /**< "evidence": an evidence item. */
	ETSI_KIND_ARTIFACT,        /**< "artifact": a file or page behind evidence. */
	ETSI_KIND_COVERS,          /**< "covers": a test case external evidence covers. */
	ETSI_KIND_PLAN_CASE,       /**< "plan-case": a test case of a stored test plan. */
	ETSI_KIND_PLAN_INPUT,      /**< "plan-input": an IXIT input of a plan case. */
	ETSI_KIND_VERDICT,         /**< "verdict": the result of a test case. */
	ETSI_KIND_WAIVER,          /**< "waiver": a justified waiver of a check rule. */
	ETSI_KIND_STEP,            /**< "step": one of the six release-gate steps. */
	/* evaluation results (etsi/results.h) */
	ETSI_KIND_SUMMARY,         /**< "summary": overall outcome and readiness. */
	ETSI_KIND_FINDING,         /**< "finding": a check finding. */
	ETSI_KIND_PLANNED_CASE,    /**< "planned-case": a test case of the derived plan. */
	ETSI_KIND_PLANNED_INPUT,   /**< "planned-input": an IXIT input it needs. */
	ETSI_KIND_OUTCOME,         /**< "outcome": a provision's aggregated outcome. */
	ETSI_KIND_CASE_OUTCOME,    /**< "case-outcome": a test case's outcome. */
	ETSI_KIND_GATE_STEP,       /**< "gate-step": a release-gate step's status. */
	ETSI_KIND_BLOCKER,         /**< "blocker": what blocks a gate step. */
	/* added in schema 1.0's typed product facts; kept last so that the
	 * values above do not change */
	ETSI_KIND_CRYPTO,          /**< "crypto": a primitive in a mechanism's update chain. */
	ETSI_KIND_SELF_RESULT,     /**< "self-result": the supplier's own result for a provision or test case. */
	ETSI_KIND_ALGORITHM,       /**< "algorithm": a catalog entry judging a cryptographic algorithm. */
	ETSI_KIND_OPEN_QUESTION,   /**< "open-question": an unknown fact the gate lists. */
	ETSI_KIND_INSTALL_PATH,    /**< "install-path": another way software reaches a component. */
	ETSI__KIND_LAST            /**< One past the last kind; not a kind. */
} etsi_kind;

/**
 * @param kind a kind
 * @return its name ("component", "ics-entry"), static; NULL for an
 *         unknown kind
 */
ETSI_EXTERN const char *etsi_kind_name(etsi_kind kind);

/**
 * Looks a kind up by name.
 *
 * @param[out] out the kind
 * @param name a name as etsi_kind_name() returns it
 * @return 0, or ETSI_ENOTFOUND for an unknown name
 */
ETSI_EXTERN etsi_result etsi_kind_from_name(etsi_kind *out, const char *name);

/**
 * Enumerates the fields of a kind, in document order.
 *
 * @param kind a kind
 * @param i index from 0
 * @return the name of field @p i, static; NULL past the last field
 */
ETSI_EXTERN const char *etsi_kind_field(etsi_kind kind, size_t i);

/** @return the record's kind; 0 for NULL */
ETSI_EXTERN etsi_kind etsi_record_kind(const etsi_record *record);

/**
 * @return the record's key: its id, or for keyed-by-reference kinds the
 *         provision (ics-entry), test case (verdict, covers, plan-case) or
 *         name (confirmation, step); NULL for singletons (header, dut,
 *         user-info) and removed records
 */
ETSI_EXTERN const char *etsi_record_key(const etsi_record *record);

/**
 * @return the line of the record's element in the document it was loaded
 *         from, 0 when unknown (records added in memory)
 */
ETSI_EXTERN int etsi_record_line(const etsi_record *record);

/**
 * @return the record this one belongs to (the evidence of an artifact, the
 *         test case of a test input), or NULL for a top-level record
 */
ETSI_EXTERN etsi_record *etsi_record_parent(const etsi_record *record);

/** @return the number of records that belong to this one */
ETSI_EXTERN size_t etsi_record_child_count(const etsi_record *record);

/**
 * @param record a record
 * @param i index from 0, in document order
 * @return child @p i, borrowed; NULL out of range
 */
ETSI_EXTERN etsi_record *etsi_record_child_at(const etsi_record *record, size_t i);

/**
 * Reads a field.  For a field with several values this is the first.
 *
 * @param record a record
 * @param field a field name of the record's kind
 * @return the value, borrowed; "" for a present but empty field; NULL when
 *         absent, or when @p field is not a field of this kind
 */
ETSI_EXTERN const char *etsi_record_get(const etsi_record *record, const char *field);

/**
 * @return how many values a field has: 0 when absent, 1 for a present
 *         single-valued field, any number for a list such as a component's
 *         "mechanism" field
 */
ETSI_EXTERN size_t etsi_record_value_count(const etsi_record *record, const char *field);

/**
 * @param record a record
 * @param field a field name
 * @param i index from 0
 * @return value @p i of the field, borrowed; NULL out of range
 */
ETSI_EXTERN const char *etsi_record_value_at(const etsi_record *record, const char *field, size_t i);

/**
 * Sets a field of a dossier record, or removes it.  The value is checked
 * against the field's type (enumerations, booleans, dates, identifiers,
 * digests) and references are checked against the dossier and its catalog
 * (a component's mechanism must exist; an ICS entry's provision must be a
 * provision of the dossier's edition).  For a list field this replaces
 * every value with one.
 *
 * @param record a dossier record
 * @param field a field name of the record's kind
 * @param value the new value, or NULL to remove an optional field
 * @return 0; ETSI_EINVALID for an unknown field, a bad value or removing a
 *         required field; ETSI_ENOTFOUND for a dangling reference;
 *         ETSI_EEXISTS when a new key is taken; ETSI_EREADONLY for a
 *         catalog record, a computed field, or a field fixed when the
 *         dossier was created (the header's editions); ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_record_set(etsi_record *record, const char *field, const char *value);

/**
 * Appends a value to a list field (a component's "mechanism", a verdict's
 * "evidence" or "indication").  Adding a value already present does
 * nothing.
 *
 * @return as etsi_record_set(); ETSI_EINVALID when the field is not a list
 */
ETSI_EXTERN etsi_result etsi_record_add_value(etsi_record *record, const char *field, const char *value);

/**
 * Removes one value from a list field.
 *
 * @return 0, ETSI_ENOTFOUND when the value is not there, or as
 *         etsi_record_set()
 */
ETSI_EXTERN etsi_result etsi_record_remove_value(etsi_record *record, const char *field, const char *value);

ETSI_END_DECL

/** @} */
#endif
