/*
 * The evaluation engine: the rule table, the facts a dossier states about
 * its product, the checks, the TS 103 701 test plan, verdict aggregation
 * and the release gate.
 *
 * Everything is computed in one pass over indexes built once: maps from
 * component, mechanism, provision and (table, field) to what the rules
 * need, so the cost grows linearly with the dossier.  The results are
 * built as an XML document in the urn:libetsi:results:1 namespace and read
 * through the record API, the same document the report stylesheets read.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "catalog_impl.h"
#include "diagnostic.h"
#include "dossier_impl.h"
#include "error.h"
#include "etsi/results.h"
#include "evaluate.h"
#include "evaluate_impl.h"
#include "xml.h"

/* ---- the rule table -------------------------------------------------- */

#define E ETSI_SEVERITY_ERROR
#define W ETSI_SEVERITY_WARNING
#define I ETSI_SEVERITY_INFO

static const etsi_rule rules[R__COUNT] = {
	[R_SCHEMA] = { "schema", E, "format", "all",
		"The dossier is valid against xsd/dossier.xsd and names only provisions and "
		"test cases of its editions.",
		"fix the element the message names; docs/dossier-format.md gives each "
		"element's rules",
		"format", NULL },
	[R_LAYER_MIXING] = { "layer-mixing", E, "format", "all",
		"A TS 103 701 identifier (IXIT table or row, test case) stands where an "
		"EN 303 645 provision is expected, or the other way round.",
		"provisions such as 5.3-2 belong in the ICS and the evidence map; IXIT tables "
		"such as 7-UpdMech and test cases such as 5.3-2-1 belong in the test plan and "
		"the verdicts",
		"format", "EN 303 645 and TS 103 701 are separate layers" },
	[R_DUT_IDENTIFICATION] = { "dut-identification-missing", E, "requirement", "scope",
		"The DUT's manufacturer, model designation or software version is missing.",
		"fill in dut/manufacturer, dut/model-designation and dut/software-version",
		"test-case", "TS 103 701: identification of the DUT" },
	[R_DUT_CONSTRAINT_UNSTATED] = { "dut-constraint-unstated", W, "requirement", "scope",
		"The DUT's constrained-device position is not stated, so the conditions that "
		"depend on it cannot be evaluated.",
		"add <resource-constraint constrained=\"true|false\" "
		"prevents-update-mechanism=\"true|false\"> to the dut, with a rationale when "
		"either is true",
		"standard", "EN 303 645 Annex B conditions 4, 5 (V2.1.1) and 15 (V3.1.3)" },
	[R_CONSTRAINED_RATIONALE] = { "constrained-rationale-missing", E, "requirement", "scope",
		"The DUT is declared constrained, or unable to host an update mechanism, "
		"without a rationale.",
		"say in resource-constraint/rationale which resource limit of the use case "
		"rules updates out (cost alone is not such a limit)",
		"standard", "EN 303 645 5.3-2, 5.3-14, 5.3-15 and the V3.1.3 note on resource constraints" },
	[R_BOUNDARY_UNDECIDED] = { "boundary-updateability-undecided", E, "requirement", "scope",
		"A component's updateability is still undecided.",
		"set updateable=\"true\" and name its mechanisms, or \"false\" and justify "
		"the absence of updates",
		"test-case", "TS 103 701 5.3-1-1 (6-SoftComp)" },
	[R_BOUNDARY_UNCOVERED] = { "boundary-component-uncovered", E, "requirement", "scope",
		"An updateable component names no update mechanism.",
		"add <covered-by mechanism=\"...\"/> for each mechanism that updates it",
		"test-case", "TS 103 701 5.3-1-1 (6-SoftComp \"Update Mechanism\")" },
	[R_BOUNDARY_ABSENCE] = { "boundary-absence-unjustified", E, "requirement", "scope",
		"A component that cannot be updated has no justified absence of updates.",
		"add <no-update reason=\"immutable-for-security|impracticable|constrained\">"
		"why</no-update>",
		"test-case", "TS 103 701 5.3-1-1 a" },
	[R_BOUNDARY_CONTRADICTION] = { "boundary-contradiction", W, "requirement", "scope",
		"A component is declared not updateable yet names update mechanisms.",
		"mark it updateable, or remove its covered-by elements",
		"consistency", NULL },
	[R_BOUNDARY_UNUSED] = { "boundary-mechanism-unused", W, "requirement", "mechanisms",
		"An update mechanism updates no component.",
		"name it in the covered-by elements of the components it updates, or remove it",
		"consistency", NULL },
	[R_BOUNDARY_NOT_IMPLEMENTED] = { "boundary-mechanism-not-implemented", W, "requirement",
		"mechanisms",
		"A component relies on an update mechanism marked implemented=\"false\".",
		"implement the mechanism, or cover the component with one that is",
		"consistency", NULL },
	[R_ICS_ENTRY_MISSING] = { "ics-entry-missing", E, "requirement", "ics",
		"A provision of the dossier's edition has no ICS entry.",
		"add <entry provision=\"...\" support=\"Y|N|N/A\"> with its detail (etsi init "
		"writes one entry per provision)",
		"standard", "EN 303 645 Annex B" },
	[R_ICS_SUPPORT_MISSING] = { "ics-support-missing", E, "requirement", "ics",
		"An ICS entry states no support (Y, N or N/A).",
		"set support to Y, N or N/A and write the detail",
		"standard", "EN 303 645 Annex B" },
	[R_ICS_NA_UNCONDITIONAL] = { "ics-na-unconditional", E, "requirement", "ics",
		"An unconditional provision is marked N/A.",
		"unconditional provisions always apply: mark it Y with the measure, or N with "
		"the reason",
		"standard", "EN 303 645 Annex B status" },
	[R_ICS_NA_CONTRADICTS] = { "ics-na-contradicts-facts", E, "requirement", "ics",
		"A provision is marked N/A although the dossier's own facts make it apply.",
		"mark it Y or N, or correct the fact the message names",
		"standard", "EN 303 645 Annex B conditions and features" },
	[R_ICS_MANDATORY_NOT_MET] = { "ics-mandatory-not-met", E, "requirement", "ics",
		"A mandatory provision is marked N: a declared non-conformity.",
		"implement the provision; until then this release does not conform",
		"standard", "EN 303 645 Annex B status M" },
	[R_ICS_JUSTIFICATION_MISSING] = { "ics-justification-missing", E, "requirement", "ics",
		"An entry marked N or N/A gives no justification (for recommendations, "
		"TS 103 701 test case 4-1-1 checks it).",
		"write in the entry's detail why the provision is not met or does not apply",
		"test-case", "TS 103 701 4-1-1 (V2.1.1: 5.0-1-1)" },
	[R_ICS_DETAIL_MISSING] = { "ics-detail-missing", W, "requirement", "ics",
		"An entry marked Y does not describe the measure implemented.",
		"write in the entry's detail how the provision is met",
		"standard", "EN 303 645 Annex B \"Detail\"" },
	[R_ICS_CLAIM_NOT_APPLICABLE] = { "ics-claim-not-applicable", W, "requirement", "ics",
		"A provision is marked Y although the dossier's facts say it does not apply.",
		"check the ICS entry, or the fact the message names",
		"standard", "EN 303 645 Annex B conditions and features" },
	[R_ICS_NEEDS_REVIEW] = { "ics-needs-review", E, "requirement", "ics",
		"An ICS entry carried from an earlier release has not been reviewed for this "
		"one.",
		"check that its support and detail still hold for this release, then record "
		"reviewed-by and reviewed-on on its carried-from element",
		"consistency", "docs/lifecycle.md" },
	[R_IXIT_ROW_MISSING] = { "ixit-row-missing", E, "assessment", "mechanisms",
		"A component has no 6-SoftComp row, or an update mechanism has no 7-UpdMech row.",
		"add <soft-comp id=\"...\" component=\"...\"> or <upd-mech id=\"...\" "
		"mechanism=\"...\"> to the ixit section",
		"test-case", "TS 103 701 IXIT 6-SoftComp and 7-UpdMech" },
	[R_IXIT_MECHANISM_INPUT] = { "ixit-mechanism-input-missing", E, "assessment", "mechanisms",
		"A provision claimed Y lacks a 6-SoftComp or 7-UpdMech field that its test "
		"cases read.",
		"fill in the field for the rows named; without it the laboratory risks an "
		"INCONCLUSIVE verdict",
		"test-case", "the IXIT inputs of the TS 103 701 test cases" },
	[R_MECHANISM_TRUST] = { "mechanism-trust-missing", E, "requirement", "mechanisms",
		"An update mechanism delivered over a network states no trust relationship "
		"(5.3-10).",
		"add <trust-relationship kind=\"signature|authenticated-channel|"
		"protected-network|user-confirmation|other\"> saying what the device's "
		"verification rests on",
		"standard", "EN 303 645 5.3-10" },
	[R_IXIT_PROCEDURE_INPUT] = { "ixit-procedure-input-missing", E, "assessment", "procedures",
		"A provision claimed Y lacks a 4-Conf, 8-UpdProc or 9-ReplSup input that its "
		"test cases read.",
		"fill in the confirmation, procedure or replacement-support field named",
		"test-case", "the IXIT inputs of the TS 103 701 test cases" },
	[R_CONSTRAINED_REPLACEMENT] = { "constrained-replacement-missing", E, "assessment",
		"procedures",
		"Some software cannot be updated, but no 9-ReplSup row describes isolation and "
		"hardware replacement; being constrained is not a blanket exemption.",
		"add an ixit/repl-sup row with isolation and hardware-replacement, or mark "
		"5.3-15 (V3: 15A and 15B) N with a justification",
		"standard", "EN 303 645 5.3-15 (V3.1.3: 5.3-15A, 5.3-15B)" },
	[R_IXIT_USER_INFO] = { "ixit-user-info-missing", E, "assessment", "user-info",
		"A provision claimed Y lacks a 2-UserInfo field that its test cases read.",
		"fill in the named field of ixit/user-info, with the URL where it is published",
		"test-case", "the IXIT inputs of the TS 103 701 test cases" },
	[R_EVIDENCE_MISSING] = { "evidence-missing", E, "evidence", "handoff",
		"A provision claimed Y has fewer evidence items than the evidence policy asks "
		"(a policy, not the standard's; libetsi's default: one item).",
		"add an evidence item for the provision, with at least one artifact, or record "
		"the dossier's own policy in an owned header evidence-policy",
		"policy", "libetsi's default evidence policy, one item per provision claimed Y, "
		"or the dossier's own evidence-policy" },
	[R_EVIDENCE_CATEGORY] = { "evidence-category-unfit", W, "evidence", "handoff",
		"An evidence item's category cannot show the provision it is filed under.",
		"file it under a provision it can show, or add evidence of a fitting category",
		"judgement", "libetsi's evidence-fit lists in the catalogs" },
	[R_EVIDENCE_NOT_CLAIMED] = { "evidence-provision-not-claimed", W, "evidence", "handoff",
		"Evidence is filed under a provision the ICS marks N/A.",
		"move the evidence to the provision it supports, or correct the ICS",
		"consistency", NULL },
	[R_EVIDENCE_RELEASE] = { "evidence-release-mismatch", E, "evidence", "handoff",
		"Evidence was produced for another release and was not carried forward with a "
		"review.",
		"review it for this release and record <carried-from release=\"...\" "
		"reviewed-by=\"...\" reviewed-on=\"...\"/>, or produce new evidence",
		"consistency", NULL },
	[R_EVIDENCE_NEEDS_REVIEW] = { "evidence-needs-review", E, "evidence", "handoff",
		"An evidence item is marked needs-review.",
		"review it and set review to reviewed or accepted; for an item carried from an "
		"earlier release, also record reviewed-by and reviewed-on on its carried-from",
		"consistency", NULL },
	[R_EVIDENCE_DRAFT] = { "evidence-draft", W, "evidence", "handoff",
		"An evidence item is still a draft.",
		"review it and set review to reviewed or accepted",
		"consistency", NULL },
	[R_EVIDENCE_EXTERNAL] = { "evidence-external-incomplete", E, "assessment", "handoff",
		"External evidence lacks its scope, the test cases it covers, or its assurance "
		"depth (TS 103 701 clause 4.7).",
		"give external/scope, one covers element per test case with its coverage, and "
		"external/@assurance",
		"test-case", "TS 103 701 clause 4.7 (external evidence)" },
	[R_ARTIFACT_DIGEST] = { "artifact-digest-missing", W, "evidence", "handoff",
		"An artifact has no SHA-256 digest, so nobody can show it is the file that "
		"was reviewed.",
		"record sha256 and size (sha256sum FILE prints the digest)",
		"judgement", NULL },
	[R_ARTIFACT_EXPIRED] = { "artifact-expired", E, "evidence", "handoff",
		"An artifact expired before the date of the check.",
		"renew the artifact (a new certificate, a new capture) and update expires",
		"consistency", NULL },
	[R_VERDICT_NOT_PLANNED] = { "verdict-not-planned", W, "assessment", "handoff",
		"A verdict is recorded for a test case the test plan does not select.",
		"check the ICS entry of its provision, or remove the verdict",
		"consistency", NULL },
	[R_VERDICT_INDICATION] = { "verdict-indication-missing", W, "assessment", "handoff",
		"A FAIL or INCONCLUSIVE verdict records no indication.",
		"add an <indication> saying what was observed",
		"test-case", "TS 103 701 indications" },
	[R_VERDICT_NOT_LABORATORY] = { "verdict-not-by-laboratory", I, "assessment", "handoff",
		"A verdict was recorded by a party that is not a test laboratory.",
		"self-assessment serves internal use; a public claim usually rests on a test "
		"laboratory's verdicts",
		"judgement", NULL },
	[R_VERDICT_NEEDS_REVIEW] = { "verdict-needs-review", E, "assessment", "handoff",
		"A verdict carried from an earlier release has not been confirmed for this one; "
		"until it is, it counts as not assessed.",
		"have the laboratory confirm it for this release (carried-from reviewed-by and "
		"reviewed-on) or record a new verdict",
		"consistency", "docs/lifecycle.md" },
	[R_PUBLIC_CLAIM] = { "public-claim-unsupported", E, "evidence", "handoff",
		"The dossier states conformance publicly without a PASS (or an accepted "
		"justification) for every selected test case.",
		"record the missing verdicts, or set public-statement/@conformance to false",
		"consistency", NULL },
	[R_WAIVER_UNKNOWN_RULE] = { "waiver-unknown-rule", E, "format", "handoff",
		"A waiver names a rule that does not exist.",
		"use a rule id that `etsi rules` lists",
		"format", NULL },
	[R_WAIVER_EXPIRED] = { "waiver-expired", W, "format", "handoff",
		"A waiver has expired; the findings it covered count again.",
		"renew the waiver with a new expiry date, or fix the findings",
		"format", NULL },
	[R_WAIVER_UNUSED] = { "waiver-unused", I, "format", "handoff",
		"A waiver matches no finding.",
		"remove it, or correct its rule or target",
		"format", NULL },

	/* ---- claims against the product's facts (claims.c) ---- */
	[R_EDITION_PAIRING] = { "edition-pairing-unusual", W, "assessment", "scope",
		"The dossier pairs EN 303 645 with a TS 103 701 edition written for another "
		"edition; test cases may not match the provisions.",
		"confirm the pairing with the laboratory: EN 303 645 V2.1.1 is assessed with "
		"TS 103 701 V1.1.1, V3.1.3 with V2.1.1",
		"test-case", "the edition each TS 103 701 edition states it assesses" },
	[R_CLAIM_VERIFY_ABSENT] = { "claim-verification-absent", E, "requirement", "mechanisms",
		"Authenticity and integrity (or secure installation) are claimed, but an update "
		"mechanism's updates are not verified at all.",
		"verify each update on the device before installing it, or mark the provisions N "
		"with the reason",
		"standard", "EN 303 645 5.3-2, 5.3-9, 5.3-10; TS 103 701 5.3-9-1 a, b" },
	[R_CLAIM_VERIFY_OFF_DEVICE] = { "claim-verification-off-device", E, "requirement",
		"mechanisms",
		"Authenticity and integrity are claimed, but updates are verified only by an "
		"update client, an app, a server or the transport, never by the device.",
		"have the device itself verify each update (a signature checked before "
		"installation), or correct the verification fact",
		"test-case", "TS 103 701 5.3-9-1 c, d; EN 303 645 5.3-10 (the device verifies)" },
	[R_CLAIM_VERIFY_AFTER_INSTALL] = { "claim-verification-after-install", W, "requirement",
		"mechanisms",
		"Authenticity and integrity are claimed, but the device verifies updates only when "
		"it boots, after they are installed.",
		"verify the update before installing it as well, or say in the ICS detail why "
		"verification at boot stops misuse",
		"test-case", "TS 103 701 5.3-9 objective: verified by the DUT before installation" },
	[R_CLAIM_CHANNEL_ONLY] = { "claim-channel-only", E, "requirement", "mechanisms",
		"Authenticity of updates (5.3-9) rests only on an authenticated channel or a "
		"protected network, which proves where an update came from, not that the "
		"manufacturer made it.",
		"sign updates and verify the signature on the device, and record it as <crypto "
		"use=\"signature\" ...>; a channel alone can serve 5.3-10, not 5.3-9",
		"test-case", "TS 103 701 5.3-9-1 a (authenticity includes origin)" },
	[R_CLAIM_BYPASS] = { "claim-verification-bypassed", E, "requirement", "mechanisms",
		"Secure installation or verified updates are claimed, but another path into the "
		"same component installs software without that verification.",
		"close or lock the path (debug interface, service port, recovery mode), make it "
		"verify what it installs, or correct the fact",
		"test-case", "TS 103 701 5.3-2-2 a (misuse of the update path)" },
	[R_CLAIM_TRANSPORT] = { "claim-transport-unauthenticated", E, "requirement", "mechanisms",
		"A network mechanism's trust relationship is an authenticated channel, but its "
		"transport does not authenticate the server.",
		"authenticate the update server (TLS with certificate validation), or base the "
		"trust relationship on a signature",
		"standard", "EN 303 645 5.3-10 (trust relationships)" },
	[R_CLAIM_KEY_WRITABLE] = { "claim-key-writable", W, "requirement", "mechanisms",
		"The key that verifies updates is kept in writable storage, where whoever can "
		"write the device can replace it.",
		"keep the verification key in read-only, one-time-programmable or protected "
		"storage, or a secure element",
		"judgement", NULL },
	[R_CLAIM_CRYPTO_WEAK] = { "claim-crypto-weak", E, "requirement", "mechanisms",
		"Best-practice cryptography (5.3-7) is claimed, but the update chain uses a "
		"broken or deprecated algorithm, or a key shorter than the policy allows.",
		"replace the primitive (the message names it and the source of its status); "
		"catalogs/crypto-policy-1.xml lists what libetsi recognises",
		"test-case", "TS 103 701 5.3-7-1 c, with the status source of each algorithm" },
	[R_CLAIM_CRYPTO_LEGACY] = { "claim-crypto-legacy", W, "requirement", "mechanisms",
		"Best-practice cryptography (5.3-7) is claimed with a legacy primitive or "
		"unauthenticated encryption: allowed, but not what a reviewer calls best "
		"practice.",
		"plan the replacement, or explain in the ICS detail why it suits the use case",
		"judgement", "catalogs/crypto-policy-1.xml, entries of status legacy" },
	[R_CLAIM_ROLLBACK] = { "claim-rollback-unprotected", E, "requirement", "mechanisms",
		"Secure installation (5.3-2) is claimed, but a mechanism installs older versions "
		"without any anti-rollback check.",
		"refuse versions older than the installed one (a version check or a hardware "
		"counter), or correct the fact",
		"test-case", "TS 103 701 5.3-2-2 a (installing an old vulnerable version)" },
	[R_CLAIM_AUTOMATIC] = { "claim-automatic-contradicted", E, "requirement", "mechanisms",
		"Automatic updates are claimed, but no implemented mechanism updates "
		"automatically, or automatic updates stay off without the user being asked.",
		"make a mechanism update automatically (and, for 5.3-4B, ask for consent during "
		"setup), or correct the ICS",
		"standard", "EN 303 645 5.3-4 (V3.1.3: 5.3-4A, 5.3-4B); TS 103 701 5.3-4-1" },
	[R_CLAIM_DEFAULT_OFF] = { "claim-default-off", E, "requirement", "mechanisms",
		"5.3-6 is claimed, but automatic updates or update notifications are off in the "
		"initialized state.",
		"switch them on by default, or mark 5.3-6 N with the reason",
		"standard", "EN 303 645 V2.1.1 5.3-6; TS 103 701 5.3-6-1 c, e" },
	[R_CLAIM_CONTROL] = { "claim-user-control-missing", E, "requirement", "mechanisms",
		"User control of automatic updates or notifications is claimed, but the user "
		"cannot switch them off or postpone installation.",
		"let the user enable, disable and postpone, or correct the ICS",
		"standard", "EN 303 645 5.3-6 (V3.1.3: 5.3-6A, 5.3-6B)" },
	[R_CLAIM_CHECK] = { "claim-check-unscheduled", E, "requirement", "mechanisms",
		"Checking for updates (5.3-5) is claimed, but no mechanism checks when the "
		"provision asks (V2.1.1: by the device, after initialization and then "
		"periodically).",
		"schedule the check (record it in <update-check>), or correct the ICS",
		"standard", "EN 303 645 5.3-5; TS 103 701 V1.1.1 5.3-5-1" },
	[R_CLAIM_NOTICE] = { "claim-notice-missing", E, "requirement", "user-info",
		"Telling users about needed security updates (5.3-11) is claimed, but no "
		"mechanism notifies them, or none says which risks an update mitigates.",
		"notify the user of security updates and the risks they address, or correct "
		"the ICS",
		"standard", "EN 303 645 5.3-11; TS 103 701 5.3-11-1 b" },
	[R_CLAIM_DISRUPTION] = { "claim-disruption-unannounced", E, "requirement", "user-info",
		"Warning users of disruptive updates (5.3-12) is claimed, but a mechanism "
		"installs updates that disrupt basic functioning without notice.",
		"announce disruptive updates on the device, or record that updates never "
		"disrupt basic functioning",
		"test-case", "TS 103 701 5.3-12-1" },
	[R_SUPPORT_UNSTATED] = { "support-period-unstated", E, "requirement", "user-info",
		"Publication of the support period (5.3-13) is claimed, but 2-UserInfo records "
		"that no support period is stated.",
		"define the support period (an end date or a duration) and publish it",
		"standard", "EN 303 645 5.3-13" },
	[R_SUPPORT_ENDED] = { "support-period-ended", E, "requirement", "user-info",
		"The defined support period ended before the date of the check, so no update "
		"claim of this release can hold.",
		"extend the support period and publish it, or stop claiming update provisions",
		"standard", "EN 303 645 5.3-13 (the period during which updates are provided)" },
	[R_SUPPORT_MISMATCH] = { "support-period-mismatch", E, "requirement", "user-info",
		"The support period's end differs between 2-UserInfo and the public statement.",
		"publish one support period and record the same end date in both places",
		"consistency", NULL },
	[R_SUPPORT_DETAIL] = { "support-period-detail-differs", W, "requirement", "user-info",
		"The ICS detail of 5.3-13 names a date other than the recorded end of the "
		"support period.",
		"correct the detail or the support-period end",
		"judgement", "a date read from prose" },
	[R_NO_UPDATE_CONTRADICTED] = { "no-update-reason-contradicted", W, "requirement",
		"scope",
		"A component is declared immutable for security or too constrained to update, "
		"but it carries a network stack, an operating system or applications, or the "
		"device updates other software over a network.",
		"make the component updateable, or explain in no-update why the reason holds "
		"despite what it carries",
		"judgement", "TS 103 701 5.3-1-1 a asks whether the stated reason holds" },
	[R_IMMUTABLE_SUCCESSOR] = { "immutable-successor-unverified", W, "requirement", "scope",
		"An immutable boot stage starts a mutable component without verifying it, so "
		"the immutability protects nothing.",
		"verify the next stage before running it (secure boot), or correct the fact",
		"judgement", "EN 303 645 V3.1.3 5.3-1 (immutable for security reasons)" },
	[R_CLAIM_SELF_FAIL] = { "claim-self-assessed-fail", E, "requirement", "ics",
		"The ICS claims a provision Y, but the supplier's own self-assessment records a "
		"FAIL for it.",
		"fix the product and record a new self-assessment result, or mark the "
		"provision N with the reason",
		"consistency", NULL },
	[R_CLAIM_LAB_FAIL] = { "claim-laboratory-fail", W, "requirement", "ics",
		"The ICS claims a provision Y, but a laboratory verdict for one of its test "
		"cases is FAIL.",
		"fix the product and have the case tested again, or mark the provision N",
		"consistency", NULL },
	[R_EVIDENCE_TOO_BROAD] = { "evidence-too-broad", W, "evidence", "handoff",
		"One artifact (by digest, git object id or reference) is the only evidence for "
		"three or more provisions.",
		"file evidence that shows each provision on its own (a test report, a log, a "
		"section of the document with its own digest), or add it beside the shared one",
		"judgement", NULL },
	[R_EVIDENCE_STALE] = { "evidence-stale", W, "evidence", "handoff",
		"An artifact was collected more than 365 days before the release's date.",
		"collect it again for this release, or carry it forward with a review "
		"(<carried-from release=... reviewed-by=... reviewed-on=...>)",
		"judgement", NULL },
	[R_EVIDENCE_AFTER_VERDICT] = { "evidence-collected-after-verdict", E, "evidence",
		"handoff",
		"A verdict cites evidence whose artifact was collected after the verdict's date, "
		"so it cannot be what the laboratory saw.",
		"correct the artifact's collected date or the verdict's date, or cite the "
		"evidence the laboratory actually assessed",
		"consistency", NULL },
	[R_EXTERNAL_MISSING] = { "evidence-external-missing", E, "assessment", "handoff",
		"A certificate or third-party evaluation is filed without its external block "
		"(issuer, scope, assurance, covered test cases).",
		"add <external assurance=\"...\"> with issuer, scope and one covers element per "
		"test case",
		"test-case", "TS 103 701 clause 4.7 (external evidence)" },
	[R_EXTERNAL_OTHER_PROVISION] = { "external-covers-other-provision", E, "assessment",
		"handoff",
		"External evidence covers a test case of another provision than the one it is "
		"filed under.",
		"file the evidence under the test case's provision (one evidence item per "
		"provision), or correct the covers element",
		"consistency", "TS 103 701 clause 4.7 (external evidence)" },
	[R_EXTERNAL_FULL_BY_DOCUMENT] = { "external-full-by-document", W, "assessment",
		"handoff",
		"External evidence that is a document review claims full coverage of a "
		"functional test case.",
		"set coverage=\"partial\", or file the functional test report that observed "
		"the device",
		"judgement", "TS 103 701: functional test cases observe the DUT" },
	[R_CERTIFICATE_INCOMPLETE] = { "certificate-incomplete", W, "evidence", "handoff",
		"A certificate does not state its issuer, the date it was collected or its "
		"expiry.",
		"give external/issuer, and collected and expires on the certificate's artifact",
		"judgement", NULL },
	[R_PUBLIC_CLAIM_SCOPE] = { "public-claim-scope-exceeds", E, "evidence", "handoff",
		"The public statement claims conformance to EN 303 645 as a whole, but the "
		"dossier assesses clause 5.3 only.",
		"set scope=\"clause-5.3\" and say so in the statement, or assess the other "
		"clauses elsewhere",
		"consistency", "EN 303 645 clause 5.3 is one of its 13 clauses" },
	[R_PUBLIC_CLAIM_MISMATCH] = { "public-claim-mismatch", E, "evidence", "handoff",
		"The public statement names an EN 303 645 edition or a software version other "
		"than the dossier's.",
		"make the statement name the dossier's edition (editions/@en303645) and the "
		"DUT's software version",
		"consistency", NULL },
	[R_VERDICT_CONCEPTUAL_ONLY] = { "verdict-functional-conceptual-only", W, "assessment",
		"handoff",
		"A PASS verdict on a functional test case cites only conceptual evidence "
		"(documents), nothing that observed the device.",
		"cite the evidence of the functional test (a test report, a log, a capture), or "
		"record the verdict on the conceptual test case it really is",
		"test-case", "TS 103 701: a functional test case is assessed on the DUT" },
	[R_EXTERNAL_SCOPE] = { "external-scope-unmatched", W, "evidence", "handoff",
		"External evidence about the device (a third-party evaluation, a test report, or "
		"one that covers a functional test case) has a scope that names neither the "
		"DUT or one of its components, or no software version.",
		"name in external/scope the product or component assessed (its model "
		"designation, or a component's id or name) and the software version",
		"judgement", "TS 103 701 clause 4.7: external evidence applies to the DUT" },
	[R_EVIDENCE_VERSION] = { "evidence-version-mismatch", W, "evidence", "handoff",
		"An artifact records the software version it shows (software-version), and it is "
		"neither the DUT's nor any component's version.",
		"collect the artifact again on this release's software, or carry it forward with "
		"a review that judges the difference",
		"consistency", NULL },
};

#undef E
#undef W
#undef I

const etsi_rule *etsi_rule_at(size_t i)
{
	return i < R__COUNT ? &rules[i] : NULL;
}

const etsi_rule *etsi_rule_find(const char *id)
{
	size_t i;

	for (i = 0; id && i < R__COUNT; i++) {
		if (strcmp(rules[i].id, id) == 0)
			return &rules[i];
	}
	return NULL;
}

int etsi_check_options_init(etsi_check_options *opts, unsigned int version)
{
	if (version == 1) {
		/* a caller built against version 1: its struct ends before flags */
		ETSI__ASSERT_ARG(opts);
		memset(opts, 0, offsetof(etsi_check_options, flags));
		opts->version = version;
		return 0;
	}
	ETSI__OPTIONS_INIT(opts, version, ETSI_CHECK_OPTIONS_VERSION, "etsi_check_options");
}

static const char *get(const etsi_record *r, const char *field)
{
	return etsi_record_get(r, field);
}

static int is_true(const etsi_record *r, const char *field)
{
	return etsi__streq(get(r, field), "true");
}

static int blank(const etsi_record *r, const char *field)
{
	return etsi__is_blank(get(r, field));
}

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

/* An ICS entry or verdict carried from an earlier release (etsi release)
 * that nobody has reviewed for this one yet. */
static int carried_unreviewed(const etsi_record *r)
{
	return get(r, "carried-from") && (!get(r, "reviewed-by") || !get(r, "reviewed-on"));
}

/* Records a finding for rule r at record `at`, waived when a waiver names
 * the rule and the element or the reference. */
static void vfinding(eval *ev, int r, int line, const char *element, const char *reference,
                     const char *claim, const char *fact, int fact_line, int cause,
                     const char *cause_element, const char *fmt, va_list ap)
{
	etsi__buf key = ETSI__BUF_INIT;
	etsi_record *waiver = NULL;
	etsi__where where;

	if (ev->invalid && r != R_SCHEMA && r != R_LAYER_MIXING && line) {
		char at[24];

		/* a record with a schema error is skipped: what a rule says of
		 * it rests on values the schema rejected */
		snprintf(at, sizeof(at), "%d", line);
		if (etsi__map_get(&ev->schema_lines, at)) {
			if (etsi__map_put(&ev->skipped_lines, at, ev) < 0)
				OOM(ev);
			return;
		}
	}
	if (element) {
		etsi__buf_printf(&key, "%s\n%s", rules[r].id, element);
		waiver = key.ptr ? etsi__map_get(&ev->waivers, key.ptr) : NULL;
	}
	if (!waiver && reference) {
		etsi__buf_dispose(&key);
		etsi__buf_printf(&key, "%s\n%s", rules[r].id, reference);
		waiver = key.ptr ? etsi__map_get(&ev->waivers, key.ptr) : NULL;
	}
	if (key.failed) {
		OOM(ev);
		goto done;
	}
	if (waiver && etsi__map_put(&ev->waiver_used, etsi_record_key(waiver), waiver) < 0)
		OOM(ev);
	memset(&where, 0, sizeof(where));
	where.file = ev->file;
	where.line = line;
	where.rule = rules[r].id;
	where.element = element;
	where.reference = reference;
	where.waiver = waiver ? etsi_record_key(waiver) : NULL;
	where.claim = claim;
	where.fact = fact;
	where.fact_line = fact_line;
	where.cause_rule = cause_element ? rules[cause].id : NULL;
	where.cause_element = cause_element;
	if (etsi__diagnostics_vadd(ev->diags, rules[r].severity, &where, rules[r].hint, fmt,
	                           ap) < 0)
		OOM(ev);
done:
	etsi__buf_dispose(&key);
}

static void finding(eval *ev, int r, const etsi_record *at, const char *element,
                    const char *reference, const char *fmt, ...) ETSI__PRINTF(6, 7);

static void finding(eval *ev, int r, const etsi_record *at, const char *element,
                    const char *reference, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, etsi_record_line(at), element, reference, NULL, NULL, 0, 0, NULL, fmt,
	         ap);
	va_end(ap);
}

/* A finding that follows from the finding of rule @p cause about
 * @p cause_element, when there is one (NULL: none). */
static void caused_finding(eval *ev, int r, const etsi_record *at, const char *reference,
                           int cause, const char *cause_element, const char *fmt, ...)
	ETSI__PRINTF(7, 8);

static void caused_finding(eval *ev, int r, const etsi_record *at, const char *reference,
                           int cause, const char *cause_element, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, etsi_record_line(at), NULL, reference, NULL, NULL, 0, cause,
	         cause_element, fmt, ap);
	va_end(ap);
}

void etsi__eval_finding(eval *ev, int r, int line, const char *element, const char *reference,
                        const char *claim, const char *fact, int fact_line, const char *fmt,
                        ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfinding(ev, r, line, element, reference, claim, fact, fact_line, 0, NULL, fmt, ap);
	va_end(ap);
}

static void free_question(question *q)
{
	if (!q)
		return;
	etsi__free(q->fact);
	etsi__free(q->element);
	etsi__free(q->provisions);
	etsi__free(q->message);
	etsi__free(q);
}

/* Notes an unknown fact for each provision: their test cases are at risk. */
static void note_unknown(eval *ev, const char *provisions, const char *fact)
{
	const char *p = provisions;

	while (p && *p) {
		size_t len = strcspn(p, " ");
		char id[32];
		etsi__buf *list;

		if (len && len < sizeof(id)) {
			memcpy(id, p, len);
			id[len] = '\0';
			list = etsi__map_get(&ev->unknowns, id);
			if (!list) {
				list = etsi__calloc(1, sizeof(*list));
				if (!list || etsi__map_put(&ev->unknowns, id, list) < 0) {
					etsi__free(list);
					OOM(ev);
					return;
				}
			}
			etsi__buf_printf(list, "%s%s", list->len ? "\n" : "", fact);
			if (list->failed)
				OOM(ev);
		}
		p += len;
		p += strspn(p, " ");
	}
}

void etsi__eval_question(eval *ev, const char *step, const char *fact, const char *element,
                         int line, const char *provisions, const char *fmt, ...)
{
	question *q = etsi__calloc(1, sizeof(*q));
	etsi__buf message = ETSI__BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	etsi__buf_vprintf(&message, fmt, ap);
	va_end(ap);
	if (q) {
		q->step = step;
		q->fact = etsi__strdup(fact);
		q->element = element ? etsi__strdup(element) : NULL;
		q->line = line;
		q->provisions = etsi__strdup(provisions);
		q->message = etsi__buf_detach(&message);
	}
	if (!q || !q->fact || (element && !q->element) || !q->provisions || !q->message ||
	    etsi__vec_push(&ev->questions, q) < 0) {
		free_question(q);
		etsi__buf_dispose(&message);
		OOM(ev);
		return;
	}
	note_unknown(ev, provisions, fact);
}

/* A finding about a section with no record of its own (the ICS, the
 * public statement): located at the section's element. */
static void finding_in(eval *ev, int r, const char *section, const char *element,
                       const char *reference, const char *fmt, ...) ETSI__PRINTF(6, 7);

static void finding_in(eval *ev, int r, const char *section, const char *element,
                       const char *reference, const char *fmt, ...)
{
	xmlNodePtr root = xmlDocGetRootElement(ev->ds->docs[0]);
	xmlNodePtr node = etsi__xml_child(root, ETSI__NS_DOSSIER, section);
	va_list ap;

	if (!node) /* a path such as header/public-statement */
		node = etsi__xml_child(etsi__xml_child(root, ETSI__NS_DOSSIER, "header"),
		                       ETSI__NS_DOSSIER, section);
	va_start(ap, fmt);
	vfinding(ev, r, etsi__xml_line(node ? node : root), element, reference, NULL, NULL, 0, 0,
	         NULL, fmt, ap);
	va_end(ap);
}

static int rule_index(const char *id)
{
	const etsi_rule *rule = etsi_rule_find(id);

	return rule ? (int)(rule - rules) : R__COUNT;
}

/* The hint of the summary of records skipped on an invalid dossier. */
static const char SKIPPED_HINT[] =
	"fix the schema errors and check again: the skipped records may have more findings";

static int is_skipped_note(const etsi_diagnostic *d)
{
	return d->hint && strcmp(d->hint, SKIPPED_HINT) == 0;
}

static int finding_order(const etsi_diagnostic *a, const etsi_diagnostic *b)
{
	int ra = rule_index(a->rule), rb = rule_index(b->rule);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	/* the summary of skipped records follows the schema errors it sums up,
	 * so the first error a caller reports is a real one */
	if (is_skipped_note(a) != is_skipped_note(b))
		return is_skipped_note(a) ? 1 : -1;
	return (a->line > b->line) - (a->line < b->line);
}

/* ---- facts ----------------------------------------------------------- */

static void set_fact(fact_state *f, int value, const char *witness)
{
	f->value = value;
	f->witness = witness;
}

static void gather_facts(eval *ev)
{
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	size_t i, n;
	int undecided = 0, components = 0;

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

/* 1 when every prerequisite of the provision holds, 0 when one does not,
 * -1 when that cannot be decided.  `why` explains the answer. */
static int applicability(const eval *ev, const etsi_record *p, etsi__buf *why)
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

static int unconditional(const etsi_record *p)
{
	return !etsi_record_value_count(p, "condition") && !etsi_record_value_count(p, "feature");
}

static int is_clause_53(const etsi_record *p)
{
	return strncmp(etsi_record_key(p), "5.3-", 4) == 0 &&
	       !etsi__streq(get(p, "void"), "true");
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

static void index_dossier(eval *ev)
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

/* Whether the dossier provides an IXIT input (a table, or one field of
 * it) for every row the test cases iterate over. */
static const presence *input_presence(eval *ev, const char *table, const char *field)
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

/* ---- check rules ----------------------------------------------------- */

static void check_dut(eval *ev)
{
	etsi_record *dut = etsi_dossier_find(ev->d, ETSI_KIND_DUT, NULL);
	static const char *const fields[] = { "manufacturer", "model-designation",
	                                      "software-version" };
	size_t i;

	for (i = 0; i < ETSI__ARRAY_SIZE(fields); i++) {
		if (blank(dut, fields[i]))
			finding(ev, R_DUT_IDENTIFICATION, dut, "dut", NULL,
			        "the DUT has no %s", fields[i]);
	}
	/* V2.1.1's conditions 4 and 5 read the constrained position; V3.1.3's
	 * condition 15 reads whether a constraint prevents updates */
	if (etsi_catalog_find(ev->cat, ETSI_KIND_CONDITION, "5") ? !get(dut, "constrained")
	    : (!get(dut, "constrained") && !get(dut, "prevents-update-mechanism")))
		finding(ev, R_DUT_CONSTRAINT_UNSTATED, dut, "dut", NULL,
		        "the DUT does not say whether it is a constrained device%s",
		        etsi_catalog_find(ev->cat, ETSI_KIND_CONDITION, "5")
		            ? "" : " or whether a resource constraint prevents an update mechanism");
	if ((is_true(dut, "constrained") || is_true(dut, "prevents-update-mechanism")) &&
	    blank(dut, "rationale"))
		finding(ev, R_CONSTRAINED_RATIONALE, dut, "dut", NULL,
		        "the DUT is declared %s without a rationale",
		        is_true(dut, "prevents-update-mechanism")
		            ? "unable to host an update mechanism" : "constrained");
}

static void check_boundary(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_COMPONENT);

	for (i = 0; i < n; i++) {
		etsi_record *c = etsi_dossier_at(ev->d, ETSI_KIND_COMPONENT, i);
		const char *id = etsi_record_key(c), *u = get(c, "updateable");
		size_t mechanisms = etsi_record_value_count(c, "mechanism");

		if (etsi__streq(u, "undecided"))
			finding(ev, R_BOUNDARY_UNDECIDED, c, id, NULL,
			        "component '%s' has no decision on whether it can be updated", id);
		if (etsi__streq(u, "true") && !mechanisms)
			finding(ev, R_BOUNDARY_UNCOVERED, c, id, NULL,
			        "component '%s' is updateable but names no update mechanism", id);
		if (etsi__streq(u, "false") &&
		    (!get(c, "no-update-reason") || blank(c, "no-update-justification")))
			finding(ev, R_BOUNDARY_ABSENCE, c, id, NULL,
			        "component '%s' cannot be updated and %s", id,
			        get(c, "no-update-reason") ? "its no-update element gives no reason "
			                                     "in words"
			                                   : "has no no-update element");
		if (etsi__streq(u, "false") && mechanisms)
			finding(ev, R_BOUNDARY_CONTRADICTION, c, id, NULL,
			        "component '%s' is declared not updateable but names mechanism '%s'",
			        id, etsi_record_value_at(c, "mechanism", 0));
		for (j = 0; j < mechanisms; j++) {
			const char *mid = etsi_record_value_at(c, "mechanism", j);
			etsi_record *m = etsi_dossier_find(ev->d, ETSI_KIND_MECHANISM, mid);

			if (m && etsi__streq(get(m, "implemented"), "false"))
				finding(ev, R_BOUNDARY_NOT_IMPLEMENTED, c, id, NULL,
				        "component '%s' relies on mechanism '%s', which is not implemented",
				        id, mid);
		}
		if (!etsi__map_get(&ev->soft_comp, id))
			finding(ev, R_IXIT_ROW_MISSING, c, id, NULL,
			        "component '%s' has no 6-SoftComp row", id);
	}
	n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
	for (i = 0; i < n; i++) {
		etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);
		const char *id = etsi_record_key(m);

		if (!etsi__map_get(&ev->used, id))
			finding(ev, R_BOUNDARY_UNUSED, m, id, NULL,
			        "mechanism '%s' updates no component", id);
		if (!etsi__streq(get(m, "implemented"), "false") &&
		    !etsi__map_get(&ev->upd_mech, id))
			finding(ev, R_IXIT_ROW_MISSING, m, id, NULL,
			        "mechanism '%s' has no 7-UpdMech row", id);
	}
}

static int input_rule(const char *table)
{
	switch (atoi(table)) {
	case 2:
		return R_IXIT_USER_INFO;
	case 4:
	case 8:
	case 9:
		return R_IXIT_PROCEDURE_INPUT;
	default:
		return R_IXIT_MECHANISM_INPUT;
	}
}

/* A provision claimed Y needs the IXIT inputs of its test cases. */
static void check_inputs(eval *ev, const etsi_record *entry, const char *provision)
{
	etsi_record *group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, provision);
	etsi__map seen = ETSI__MAP_INIT;
	size_t i, j;

	for (i = 0; group && i < etsi_record_child_count(group); i++) {
		etsi_record *tc = etsi_record_child_at(group, i);

		for (j = 0; j < etsi_record_child_count(tc); j++) {
			etsi_record *input = etsi_record_child_at(tc, j);
			const char *table = get(input, "table"), *field = get(input, "field");
			etsi__buf key = ETSI__BUF_INIT;
			const presence *p;
			int put, whole_row;

			p = input_presence(ev, table, field);
			/* every field of a row that is not there at all: one finding
			 * for the table, which follows from the missing row */
			whole_row = p && p->state == 0 && p->rowless && !p->partial;
			etsi__buf_printf(&key, "%s %s", table, field && !whole_row ? field : "");
			put = key.failed ? ETSI_ENOMEM : etsi__map_put(&seen, key.ptr, input);
			etsi__buf_dispose(&key);
			if (put < 0)
				OOM(ev);
			if (put != 0 || !p || p->state != 0)
				continue; /* asked by several test cases: reported once */
			if (whole_row)
				caused_finding(ev, input_rule(table), entry, provision, R_IXIT_ROW_MISSING,
				               p->rowless, "%s is claimed Y, but its test cases read the "
				               "%s rows: %s", provision, table, p->missing);
			else
				caused_finding(ev, input_rule(table), entry, provision, R_IXIT_ROW_MISSING,
				               p->rowless,
				               "%s is claimed Y, but its test cases read %s%s%s: %s",
				               provision, table, field ? " " : "", field ? field : "",
				               p->missing);
		}
	}
	etsi__map_dispose(&seen);
}

static void check_ics(eval *ev)
{
	size_t i, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);
	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p), *support, *status = get(p, "status");
		etsi_record *entry;
		etsi__buf why = ETSI__BUF_INIT;
		int applies;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		if (!entry) {
			finding_in(ev, R_ICS_ENTRY_MISSING, "ics", NULL, id,
			           "provision %s of EN 303 645 V%s has no ICS entry", id,
			           etsi_catalog_edition(ev->cat));
			continue;
		}
		support = get(entry, "support");
		applies = applicability(ev, p, &why);
		if (why.failed)
			OOM(ev);
		if (carried_unreviewed(entry))
			finding(ev, R_ICS_NEEDS_REVIEW, entry, NULL, id,
			        "the ICS entry for %s was carried from release %s and has not been "
			        "reviewed for %s", id, get(entry, "carried-from"), ev->release);
		if (!support) {
			finding(ev, R_ICS_SUPPORT_MISSING, entry, NULL, id,
			        "the ICS entry for %s states no support", id);
		} else if (strcmp(support, "N/A") == 0) {
			if (unconditional(p))
				finding(ev, R_ICS_NA_UNCONDITIONAL, entry, NULL, id,
				        "%s is unconditional (%s) and cannot be N/A", id,
				        get(p, "status-code"));
			else if (applies == 1)
				finding(ev, R_ICS_NA_CONTRADICTS, entry, NULL, id,
				        "%s (%s) is marked N/A, but it applies: %s%s", id,
				        get(p, "status-code"), why.ptr ? why.ptr : "",
				        ev->constrained.value == 1
				            ? " (being constrained is not a blanket exemption)" : "");
			if (blank(entry, "detail"))
				finding(ev, R_ICS_JUSTIFICATION_MISSING, entry, NULL, id,
				        "%s is marked N/A without a rationale in its detail", id);
		} else if (strcmp(support, "N") == 0) {
			if (etsi__streq(status, "M"))
				finding(ev, R_ICS_MANDATORY_NOT_MET, entry, NULL, id,
				        "%s is mandatory (%s) and is marked N", id, get(p, "status-code"));
			if (blank(entry, "detail"))
				finding(ev, R_ICS_JUSTIFICATION_MISSING, entry, NULL, id,
				        "%s is marked N without saying why in its detail", id);
		} else {
			if (applies == 0)
				finding(ev, R_ICS_CLAIM_NOT_APPLICABLE, entry, NULL, id,
				        "%s (%s) is marked Y, but it does not apply: %s", id,
				        get(p, "status-code"), why.ptr ? why.ptr : "");
			if (blank(entry, "detail"))
				finding(ev, R_ICS_DETAIL_MISSING, entry, NULL, id,
				        "%s is marked Y without describing the measure", id);
			check_inputs(ev, entry, id);
			if (!etsi__map_get(&ev->evidence, id) ||
			    get(etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL), "evidence-policy-owner")) {
				/* policy, not the standard: libetsi's default asks for one
				 * item; the header's evidence-policy (owned and dated) sets
				 * the number, an ICS entry's evidence-items one provision's */
				const etsi_record *hdr = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
				const char *owner = get(hdr, "evidence-policy-owner");
				const char *want = !owner ? NULL
				                   : get(entry, "evidence-items") ? get(entry, "evidence-items")
				                                                  : get(hdr, "evidence-policy-items");
				unsigned long need = want ? strtoul(want, NULL, 10) : 1;
				size_t have = 0, k, items = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

				for (k = 0; k < items && have < need; k++)
					if (etsi__streq(get(etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, k),
					                    "provision"), id))
						have++;
				if (have < need && !owner)
					finding(ev, R_EVIDENCE_MISSING, entry, NULL, id,
					        "%s is claimed Y but no evidence item is filed under it%s", id,
					        get(entry, "evidence-items")
					            ? " (its evidence-items counts only under an owned "
					              "evidence-policy in the header)" : "");
				else if (have < need)
					finding(ev, R_EVIDENCE_MISSING, entry, NULL, id,
					        "%s is claimed Y with %zu evidence item%s; the evidence policy "
					        "of %s (%s) asks for %lu", id, have, have == 1 ? "" : "s",
					        owner, get(hdr, "evidence-policy-date")
					                   ? get(hdr, "evidence-policy-date") : "undated",
					        need);
			}
		}
		etsi__buf_dispose(&why);
	}
}

/* 5.3-10 and the replacement provisions, beyond their IXIT inputs. */
static void check_specific(eval *ev)
{
	etsi_record *e10 = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, "5.3-10");
	etsi_record *p10 = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, "5.3-10");
	static const char *const replacement[] = { "5.3-15", "5.3-15A", "5.3-15B" };
	int relaxed = 1;
	size_t i, n;

	if (p10 && !etsi__streq(get(e10, "support"), "N")) {
		n = etsi_dossier_count(ev->d, ETSI_KIND_MECHANISM);
		for (i = 0; i < n; i++) {
			etsi_record *m = etsi_dossier_at(ev->d, ETSI_KIND_MECHANISM, i);

			if (is_true(m, "network") && !etsi__streq(get(m, "implemented"), "false") &&
			    !get(m, "trust"))
				finding(ev, R_MECHANISM_TRUST, m, etsi_record_key(m), "5.3-10",
				        "mechanism '%s' is delivered over a network but states no trust "
				        "relationship", etsi_record_key(m));
		}
	}
	/* software that cannot be updated needs replacement support where the
	 * replacement provisions apply (V2.1.1: on a constrained device too),
	 * unless the ICS declines them with a reason */
	if (ev->not_updateable.value != 1 || etsi_dossier_count(ev->d, ETSI_KIND_REPL_SUP))
		return;
	for (i = 0; i < ETSI__ARRAY_SIZE(replacement); i++) {
		etsi_record *p = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, replacement[i]);
		etsi_record *e = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, replacement[i]);
		etsi__buf why = ETSI__BUF_INIT;

		if (p && is_clause_53(p) && applicability(ev, p, &why) == 1 &&
		    !etsi__streq(get(e, "support"), "N"))
			relaxed = 0;
		etsi__buf_dispose(&why);
	}
	if (!relaxed)
		finding(ev, R_CONSTRAINED_REPLACEMENT,
		        etsi_dossier_find(ev->d, ETSI_KIND_COMPONENT, ev->not_updateable.witness),
		        ev->not_updateable.witness, NULL,
		        "component '%s' cannot be updated, and no 9-ReplSup row says how the "
		        "device is isolated and its hardware replaced", ev->not_updateable.witness);
}

static void check_evidence(eval *ev)
{
	size_t i, j, n = etsi_dossier_count(ev->d, ETSI_KIND_EVIDENCE);

	for (i = 0; i < n; i++) {
		etsi_record *e = etsi_dossier_at(ev->d, ETSI_KIND_EVIDENCE, i);
		const char *id = etsi_record_key(e), *provision = get(e, "provision");
		const char *category = get(e, "category"), *review = get(e, "review");
		etsi_record *p = etsi_catalog_find(ev->cat, ETSI_KIND_PROVISION, provision);
		etsi_record *entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, provision);
		const char *fit = get(p, "evidence-categories");
		int external = 0;

		if (fit && category && *category && strcmp(category, "other") != 0) {
			size_t len = strlen(category);
			const char *at = fit;
			int found = 0;

			while (!found && (at = strstr(at, category))) {
				found = (at == fit || at[-1] == ' ') && (at[len] == ' ' || !at[len]);
				at += len;
			}
			if (!found)
				finding(ev, R_EVIDENCE_CATEGORY, e, id, provision,
				        "evidence '%s' is a %s, which cannot show %s; fitting categories "
				        "are: %s", id, category, provision, fit);
		}
		if (etsi__streq(get(entry, "support"), "N/A"))
			finding(ev, R_EVIDENCE_NOT_CLAIMED, e, id, provision,
			        "evidence '%s' is filed under %s, which the ICS marks N/A", id,
			        provision);
		/* carried forward and marked needs-review (etsi release): the
		 * needs-review finding says it all, once */
		if (ev->release && !etsi__streq(get(e, "release"), ev->release) &&
		    (!get(e, "carried-from") || !get(e, "reviewed-by") || !get(e, "reviewed-on")) &&
		    !(etsi__streq(review, "needs-review") && carried_unreviewed(e)))
			finding(ev, R_EVIDENCE_RELEASE, e, id, provision,
			        "evidence '%s' was produced for release %s, not %s, and %s", id,
			        get(e, "release"), ev->release,
			        get(e, "carried-from") ? "its carry-forward records no review"
			                               : "was not carried forward");
		if (etsi__streq(review, "needs-review") && carried_unreviewed(e))
			finding(ev, R_EVIDENCE_NEEDS_REVIEW, e, id, provision,
			        "evidence '%s' was carried from release %s and needs review for %s",
			        id, get(e, "carried-from"), ev->release);
		else if (etsi__streq(review, "needs-review"))
			finding(ev, R_EVIDENCE_NEEDS_REVIEW, e, id, provision,
			        "evidence '%s' needs review", id);
		else if (etsi__streq(review, "draft"))
			finding(ev, R_EVIDENCE_DRAFT, e, id, provision,
			        "evidence '%s' is a draft", id);
		for (j = 0; j < etsi_record_child_count(e); j++) {
			etsi_record *a = etsi_record_child_at(e, j);
			const char *expires;

			if (etsi_record_kind(a) == ETSI_KIND_COVERS) {
				external = 1;
				continue;
			}
			/* a git object id pins an artifact as well as a SHA-256 */
			if (!get(a, "sha256") && !get(a, "git-oid"))
				finding(ev, R_ARTIFACT_DIGEST, a, etsi_record_key(a), provision,
				        "artifact '%s' (%s) has no SHA-256 digest", etsi_record_key(a),
				        get(a, "ref"));
			expires = get(a, "expires");
			if (expires && strcmp(expires, ev->as_of) < 0)
				finding(ev, R_ARTIFACT_EXPIRED, a, etsi_record_key(a), provision,
				        "artifact '%s' expired on %s (checked as of %s)",
				        etsi_record_key(a), expires, ev->as_of);
		}
		/* any external element, even an empty one, claims external evidence */
		if (external || etsi__xml_child(e->node, ETSI__NS_DOSSIER, "external")) {
			const char *lacking = blank(e, "external-scope") ? "its scope"
			                      : !external ? "the test cases it covers"
			                      : !get(e, "external-assurance") ? "its assurance depth"
			                      : NULL;

			if (lacking)
				finding(ev, R_EVIDENCE_EXTERNAL, e, id, provision,
				        "external evidence '%s' does not state %s", id, lacking);
		}
	}
}

static void check_verdicts(eval *ev)
{
	size_t i, n = etsi_dossier_count(ev->d, ETSI_KIND_VERDICT);

	for (i = 0; i < n; i++) {
		etsi_record *v = etsi_dossier_at(ev->d, ETSI_KIND_VERDICT, i);
		const char *tc = get(v, "case"), *result = get(v, "result");
		etsi_record *party = etsi_dossier_find(ev->d, ETSI_KIND_PARTY, get(v, "by"));

		if (!etsi__map_get(&ev->planned, tc))
			finding(ev, R_VERDICT_NOT_PLANNED, v, NULL, tc,
			        "a verdict is recorded for %s, which the test plan does not select", tc);
		if (!etsi__streq(result, "PASS") && !etsi_record_value_count(v, "indication"))
			finding(ev, R_VERDICT_INDICATION, v, NULL, tc,
			        "the %s verdict for %s records no indication", result, tc);
		if (party && !etsi__streq(get(party, "role"), "TL"))
			finding(ev, R_VERDICT_NOT_LABORATORY, v, NULL, tc,
			        "the verdict for %s was recorded by '%s' (%s), not a test laboratory",
			        tc, get(v, "by"), get(party, "role") ? get(party, "role") : "no role");
		if (carried_unreviewed(v))
			finding(ev, R_VERDICT_NEEDS_REVIEW, v, NULL, tc,
			        "the %s verdict for %s was carried from release %s and has not been "
			        "confirmed for %s", result, tc, get(v, "carried-from"), ev->release);
	}
}

/* ---- layer mixing (before validation: the document may be invalid) --- */

static int dossier_row_id(const eval *ev, const char *value)
{
	etsi_record *r = etsi_dossier_find(ev->d, ETSI_KIND_SOFT_COMP, value);

	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_UPD_MECH, value);
	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_UPD_PROC, value);
	r = r ? r : etsi_dossier_find(ev->d, ETSI_KIND_REPL_SUP, value);
	return r != NULL;
}

static void mixing(eval *ev, const etsi_record *r, const char *what, const char *value,
                   const char *expected, const char *found)
{
	char line[24];

	snprintf(line, sizeof(line), "%d", etsi_record_line(r));
	if (etsi__map_put(&ev->mixing_lines, line, ev) < 0) /* any non-NULL value */
		OOM(ev);
	finding(ev, R_LAYER_MIXING, r, etsi_record_key(r), value,
	        "%s names %s %s where %s is expected", what, found, value, expected);
}

static void check_layers(eval *ev)
{
	static const struct {
		etsi_kind kind;
		const char *field;
		int expect;   /* ETSI__SHAPE_* */
	} refs[] = {
		{ ETSI_KIND_ICS_ENTRY, "provision", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_EVIDENCE, "provision", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_PLAN_CASE, "group", ETSI__SHAPE_PROVISION },
		{ ETSI_KIND_PLAN_CASE, "id", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_VERDICT, "case", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_COVERS, "test-case", ETSI__SHAPE_TEST_CASE },
		{ ETSI_KIND_PLAN_INPUT, "table", ETSI__SHAPE_TABLE },
	};
	static const char *const names[] = {
		[ETSI__SHAPE_OTHER] = "the value", [ETSI__SHAPE_PROVISION] = "the EN 303 645 provision",
		[ETSI__SHAPE_TEST_CASE] = "the TS 103 701 test case",
		[ETSI__SHAPE_TABLE] = "the TS 103 701 IXIT table",
		[ETSI__SHAPE_ID] = "the dossier id"
	};
	static const char *const expected[] = {
		[ETSI__SHAPE_PROVISION] = "an EN 303 645 provision such as 5.3-2",
		[ETSI__SHAPE_TEST_CASE] = "a TS 103 701 test case such as 5.3-2-1",
		[ETSI__SHAPE_TABLE] = "a TS 103 701 IXIT table such as 7-UpdMech",
	};
	size_t r, i, n;

	for (r = 0; r < ETSI__ARRAY_SIZE(refs); r++) {
		n = etsi_dossier_count(ev->d, refs[r].kind);
		for (i = 0; i < n; i++) {
			etsi_record *rec = etsi_dossier_at(ev->d, refs[r].kind, i);
			const char *value = get(rec, refs[r].field);
			int shape = etsi__id_shape(value);
			char what[96];

			if (!value || shape == refs[r].expect)
				continue;
			snprintf(what, sizeof(what), "%s field '%s'", etsi_kind_name(refs[r].kind),
			         refs[r].field);
			if (shape == ETSI__SHAPE_ID && refs[r].expect != ETSI__SHAPE_TABLE &&
			    dossier_row_id(ev, value))
				mixing(ev, rec, what, value, expected[refs[r].expect],
				       "the TS 103 701 IXIT row");
			else if (shape == ETSI__SHAPE_PROVISION || shape == ETSI__SHAPE_TEST_CASE ||
			         shape == ETSI__SHAPE_TABLE)
				mixing(ev, rec, what, value, expected[refs[r].expect], names[shape]);
		}
	}
}

/* ---- results document ------------------------------------------------ */

static xmlNodePtr add(eval *ev, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewChild(parent, ev->rns, (const xmlChar *)name, NULL);

	if (!n)
		OOM(ev);
	return n;
}

static void attr(eval *ev, xmlNodePtr node, const char *name, const char *value)
{
	if (node && value && !xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)value))
		OOM(ev);
}

static void text_child(eval *ev, xmlNodePtr parent, const char *name, const char *value)
{
	xmlNodePtr n;

	if (!parent || !value)
		return;
	n = add(ev, parent, name);
	if (n && !xmlAddChild(n, xmlNewDocText(ev->rdoc, (const xmlChar *)value)))
		OOM(ev);
}

static void set_text(eval *ev, xmlNodePtr node, const char *value)
{
	if (node && value && !xmlAddChild(node, xmlNewDocText(ev->rdoc, (const xmlChar *)value)))
		OOM(ev);
}

/* The results document; without `full`, only its outcomes, which the
 * public-claim rule reads (a plain check builds nothing else). */
static int start_results(eval *ev, int full)
{
	xmlNodePtr root;

	ev->rdoc = xmlNewDoc((const xmlChar *)"1.0");
	root = ev->rdoc ? xmlNewDocNode(ev->rdoc, NULL, (const xmlChar *)"results", NULL) : NULL;
	if (!root)
		return ETSI_ENOMEM;
	xmlDocSetRootElement(ev->rdoc, root);
	ev->rns = xmlNewNs(root, (const xmlChar *)ETSI__NS_RESULTS, NULL);
	if (!ev->rns)
		return ETSI_ENOMEM;
	xmlSetNs(root, ev->rns);
	if (!full) {
		ev->r_outcomes = add(ev, root, "outcomes");
		return ev->oom ? ETSI_ENOMEM : 0;
	}
	ev->r_summary = add(ev, root, "summary");
	ev->r_findings = add(ev, root, "findings");
	ev->r_plan = add(ev, root, "plan");
	ev->r_outcomes = add(ev, root, "outcomes");
	ev->r_gate = add(ev, root, "gate");
	ev->r_questions = add(ev, root, "open-questions");
	return ev->oom ? ETSI_ENOMEM : 0;
}

/* ---- the test plan --------------------------------------------------- */

static const char DISP_TEST[] = "test";
static const char DISP_JUSTIFY[] = "justification";
static const char DISP_FAIL[] = "expected-fail";

static void plan_case(eval *ev, const etsi_record *tc, const char *provision,
                      const char *disposition)
{
	const char *id = etsi_record_key(tc);
	xmlNodePtr node;
	int ready = 1;
	size_t i;

	if (etsi__map_get(&ev->planned, id))
		return; /* the justification case is planned once */
	if (etsi__map_put(&ev->planned, id, (void *)(uintptr_t)disposition) < 0) {
		OOM(ev);
		return;
	}
	if (!ev->r_plan)
		return; /* a plain check: the verdict rules need only the set */
	node = add(ev, ev->r_plan, "case");
	attr(ev, node, "id", id);
	attr(ev, node, "group", etsi_record_key(etsi_record_parent(tc)));
	/* the justification case belongs to the justification provision (4-1,
	 * V3: 5.0-1), not to the first recommendation that needed it */
	attr(ev, node, "provision", disposition == DISP_JUSTIFY
	                                ? get(etsi_record_parent(tc), "provision") : provision);
	attr(ev, node, "kind", get(tc, "kind"));
	attr(ev, node, "disposition", disposition);
	for (i = 0; i < etsi_record_child_count(tc); i++) {
		etsi_record *input = etsi_record_child_at(tc, i);
		const char *table = get(input, "table"), *field = get(input, "field");
		const presence *p = input_presence(ev, table, field);
		xmlNodePtr in = add(ev, node, "input");

		if (!p)
			continue;
		attr(ev, in, "table", table);
		attr(ev, in, "field", field);
		attr(ev, in, "present", p->state > 0 ? "yes" : p->state == 0 ? "no" : "unchecked");
		set_text(ev, in, p->missing);
		if (p->state == 0)
			ready = 0;
	}
	attr(ev, node, "ready", ready ? "true" : "false");
	/* a fact the case's provision rests on is unknown: the laboratory is
	 * likely to come back with INCONCLUSIVE */
	if (disposition == DISP_TEST) {
		const etsi__buf *unknown = etsi__map_get(&ev->unknowns, provision);
		const char *at = unknown ? unknown->ptr : NULL;

		if (at) {
			attr(ev, node, "at-risk", "true");
			ev->cases_at_risk++;
		}
		while (at && *at) {
			size_t len = strcspn(at, "\n");
			xmlNodePtr u = add(ev, node, "unknown");
			char *text = etsi__strndup(at, len);

			if (!text)
				OOM(ev);
			else
				set_text(ev, u, text);
			etsi__free(text);
			at += len;
			at += *at == '\n';
		}
	}
	ev->cases_planned++;
	if (!ready)
		ev->cases_not_ready++;
}

static void build_plan(eval *ev)
{
	size_t i, j, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);

	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p);
		etsi_record *entry, *group;
		const char *support, *disposition = NULL;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		support = get(entry, "support");
		if (!support)
			continue;
		if (strcmp(support, "Y") == 0)
			disposition = DISP_TEST;
		else if (strcmp(support, "N") == 0 && etsi__streq(get(p, "status"), "M"))
			disposition = DISP_FAIL;
		else if (etsi__streq(get(p, "status"), "R"))
			disposition = DISP_JUSTIFY;
		if (disposition == DISP_JUSTIFY) {
			if (ev->justification_case)
				plan_case(ev, ev->justification_case, id, DISP_JUSTIFY);
			continue;
		}
		if (!disposition)
			continue;
		group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, id);
		for (j = 0; group && j < etsi_record_child_count(group); j++)
			plan_case(ev, etsi_record_child_at(group, j), id, disposition);
	}
}

/* ---- outcomes -------------------------------------------------------- */

static const char *const outcome_names[] = {
	[ETSI_OUTCOME_PASS] = "PASS",
	[ETSI_OUTCOME_FAIL] = "FAIL",
	[ETSI_OUTCOME_INCONCLUSIVE] = "INCONCLUSIVE",
	[ETSI_OUTCOME_NOT_ASSESSED] = "NOT ASSESSED",
	[ETSI_OUTCOME_NOT_APPLICABLE] = "NOT APPLICABLE",
};

const char *etsi_outcome_name(etsi_outcome outcome)
{
	return (unsigned)outcome < ETSI__ARRAY_SIZE(outcome_names) ? outcome_names[outcome] : NULL;
}

/* The aggregation rule: FAIL over INCONCLUSIVE over NOT ASSESSED over
 * PASS; NOT APPLICABLE takes no part. */
static etsi_outcome combine(etsi_outcome a, etsi_outcome b)
{
	static const int rank[] = {
		[ETSI_OUTCOME_NOT_APPLICABLE] = 0, [ETSI_OUTCOME_PASS] = 1,
		[ETSI_OUTCOME_NOT_ASSESSED] = 2, [ETSI_OUTCOME_INCONCLUSIVE] = 3,
		[ETSI_OUTCOME_FAIL] = 4,
	};

	return rank[b] > rank[a] ? b : a;
}

static etsi_outcome case_outcome(eval *ev, xmlNodePtr parent, const etsi_record *tc)
{
	const char *id = etsi_record_key(tc);
	etsi_record *v = etsi_dossier_find(ev->d, ETSI_KIND_VERDICT, id);
	const char *result = get(v, "result");
	/* a verdict carried from an earlier release counts once confirmed */
	etsi_outcome o = carried_unreviewed(v) ? ETSI_OUTCOME_NOT_ASSESSED
	                 : etsi__streq(result, "PASS") ? ETSI_OUTCOME_PASS
	                 : etsi__streq(result, "FAIL") ? ETSI_OUTCOME_FAIL
	                 : etsi__streq(result, "INCONCLUSIVE") ? ETSI_OUTCOME_INCONCLUSIVE
	                 : ETSI_OUTCOME_NOT_ASSESSED;
	xmlNodePtr node = add(ev, parent, "case");

	attr(ev, node, "id", id);
	attr(ev, node, "outcome", outcome_names[o]);
	attr(ev, node, "result", result);
	attr(ev, node, "by", get(v, "by"));
	attr(ev, node, "date", get(v, "date"));
	if (o == ETSI_OUTCOME_NOT_ASSESSED)
		ev->cases_unverdicted++;
	return o;
}

static etsi_outcome build_outcomes(eval *ev)
{
	etsi_outcome overall = ETSI_OUTCOME_NOT_APPLICABLE;
	size_t i, j, n = etsi_catalog_count(ev->cat, ETSI_KIND_PROVISION);

	for (i = 0; i < n; i++) {
		etsi_record *p = etsi_catalog_at(ev->cat, ETSI_KIND_PROVISION, i);
		const char *id = etsi_record_key(p), *support, *basis, *status = get(p, "status");
		etsi_record *entry, *group;
		etsi_outcome o = ETSI_OUTCOME_NOT_ASSESSED;
		etsi__buf why = ETSI__BUF_INIT;
		xmlNodePtr node;
		int applies;

		if (!is_clause_53(p))
			continue;
		entry = etsi_dossier_find(ev->d, ETSI_KIND_ICS_ENTRY, id);
		support = get(entry, "support");
		applies = applicability(ev, p, &why);
		node = add(ev, ev->r_outcomes, "provision");
		attr(ev, node, "id", id);
		attr(ev, node, "status", get(p, "status-code"));
		attr(ev, node, "support", support);
		attr(ev, node, "applicable", applies == 1 ? "yes" : applies == 0 ? "no" : "unknown");
		if (!support) {
			basis = "undecided";
		} else if (strcmp(support, "Y") == 0) {
			basis = "tested";
			group = etsi_catalog_find(ev->cat, ETSI_KIND_TEST_GROUP, id);
			o = group && etsi_record_child_count(group) ? ETSI_OUTCOME_PASS
			                                             : ETSI_OUTCOME_NOT_ASSESSED;
			for (j = 0; group && j < etsi_record_child_count(group); j++)
				o = combine(o, case_outcome(ev, node, etsi_record_child_at(group, j)));
		} else if (strcmp(support, "N") == 0 && etsi__streq(status, "M")) {
			basis = "declared-non-conformity";
			o = ETSI_OUTCOME_FAIL;
		} else if (etsi__streq(status, "R")) {
			/* a recommendation not met or not applicable stands or falls
			 * with the justification check */
			etsi_outcome j411 = ev->justification_case
			                    ? case_outcome(ev, node, ev->justification_case)
			                    : ETSI_OUTCOME_NOT_ASSESSED;

			basis = strcmp(support, "N") == 0 ? "justified" : "not-applicable";
			if (j411 != ETSI_OUTCOME_PASS)
				o = j411;
			else if (strcmp(support, "N") == 0)
				o = ETSI_OUTCOME_PASS;
			else
				/* an accepted justification does not outweigh the
				 * dossier's own facts saying the provision applies */
				o = applies == 1 ? ETSI_OUTCOME_NOT_ASSESSED : ETSI_OUTCOME_NOT_APPLICABLE;
		} else {
			/* a mandatory provision marked N/A: not applicable unless the
			 * dossier's own facts say it applies */
			basis = "not-applicable";
			o = applies == 1 || unconditional(p) ? ETSI_OUTCOME_NOT_ASSESSED
			                                      : ETSI_OUTCOME_NOT_APPLICABLE;
		}
		attr(ev, node, "outcome", outcome_names[o]);
		attr(ev, node, "basis", basis);
		text_child(ev, node, "reason", why.len ? why.ptr : NULL);
		etsi__buf_dispose(&why);
		overall = combine(overall, o);
	}
	return overall;
}

/* A public conformance statement needs every selected test case to PASS
 * and no provision to fail on its own account (a declared non-conformity,
 * a refused justification).  Each test case and provision counts once. */
static void check_public_claim(eval *ev)
{
	etsi_record *header = etsi_dossier_find(ev->d, ETSI_KIND_HEADER, NULL);
	etsi__map counted = ETSI__MAP_INIT;
	size_t cases = 0, provisions = 0;
	const char *first = NULL;
	xmlNodePtr p, c;

	if (!is_true(header, "public-conformance"))
		return;
	for (p = ev->r_outcomes ? ev->r_outcomes->children : NULL; p; p = p->next) {
		const char *outcome = etsi__xml_attr(p, "outcome");
		int has_cases = 0;

		if (etsi__streq(outcome, "PASS") || etsi__streq(outcome, "NOT APPLICABLE"))
			continue;
		for (c = p->children; c; c = c->next) {
			const char *id = etsi__xml_attr(c, "id");
			int put;

			if (!etsi__xml_is(c, ETSI__NS_RESULTS, "case"))
				continue;
			has_cases = 1;
			if (etsi__streq(etsi__xml_attr(c, "outcome"), "PASS"))
				continue;
			put = etsi__map_put(&counted, id, c);
			if (put < 0)
				OOM(ev);
			if (put != 0)
				continue; /* the justification case, met again */
			first = first ? first : id;
			cases++;
		}
		/* a provision that fails with no failing case of its own (a
		 * declared non-conformity) or has no cases at all */
		if (!has_cases) {
			first = first ? first : etsi__xml_attr(p, "id");
			provisions++;
		}
	}
	etsi__map_dispose(&counted);
	if (cases || provisions)
		finding_in(ev, R_PUBLIC_CLAIM, "public-statement", NULL, first,
		        "the dossier states conformance publicly, but %zu selected test case%s and "
		        "%zu provision%s lack a PASS (first: %s)", cases, cases == 1 ? "" : "s",
		        provisions, provisions == 1 ? "" : "s", first);
}

/* ---- the release gate ------------------------------------------------ */

static const struct step_def {
	const char *name;
	const char *title;
	const char *role;
	const char *question;
	const char *outputs[4];
} steps[] = {
	{ "scope", "Scope the DUT and its components", "product security lead",
	  "Is every software component of this release identified, with its updateability "
	  "decided?",
	  { "DUT identification: manufacturer, model designation, software version",
	    "the software components, each updateable or with a justified absence of updates",
	    "the constrained-device position, with its rationale", NULL } },
	{ "ics", "Map support and detail for every provision", "compliance owner",
	  "Does every provision of the edition have a support position, with the measure or "
	  "the reason written down?",
	  { "one ICS entry per provision, support Y, N or N/A",
	    "a justification for every N and N/A", NULL, NULL } },
	{ "mechanisms", "Describe the update mechanisms", "update architect",
	  "Is every update path described well enough for a laboratory to try to misuse it?",
	  { "the update mechanisms with their paths and trust relationships",
	    "7-UpdMech and 6-SoftComp rows with the fields the test cases read", NULL, NULL } },
	{ "procedures", "Procedures and timeliness", "release manager",
	  "Can a security fix reach users in the stated time frame, and is that confirmed?",
	  { "8-UpdProc with its time frame", "the 4-Conf confirmation of update procedures",
	    "9-ReplSup where software cannot be updated", NULL } },
	{ "user-info", "User-facing information", "technical writer",
	  "Can a user find the support period and the model designation, and learn about "
	  "updates?",
	  { "2-UserInfo: the support period and where it is published",
	    "the model designation as users see it",
	    "documentation of non-updatable software and replacement where it applies", NULL } },
	{ "handoff", "Hand the assessment over", "compliance owner",
	  "Can the laboratory test without coming back with questions, and do the verdicts "
	  "support what is claimed publicly?",
	  { "reviewed evidence with digests for every provision claimed Y",
	    "a test plan whose cases have all their inputs",
	    "verdicts for every selected test case before a public conformance claim", NULL } },
};

static void blocker(eval *ev, xmlNodePtr step, const char *rule, const char *element,
                    const char *message)
{
	xmlNodePtr b = add(ev, step, "blocker");

	attr(ev, b, "rule", rule);
	attr(ev, b, "element", element);
	set_text(ev, b, message);
}

static int build_gate(eval *ev)
{
	int all_complete = 1;
	size_t s, i;

	for (s = 0; s < ETSI__ARRAY_SIZE(steps); s++) {
		etsi_record *assigned = etsi_dossier_find(ev->d, ETSI_KIND_STEP, steps[s].name);
		etsi_record *owner = assigned ? etsi_dossier_find(ev->d, ETSI_KIND_OWNER,
		                                                  get(assigned, "owner"))
		                              : NULL;
		xmlNodePtr node = add(ev, ev->r_gate, "step");
		int blocked = 0;

		attr(ev, node, "name", steps[s].name);
		attr(ev, node, "title", steps[s].title);
		attr(ev, node, "role", steps[s].role);
		attr(ev, node, "owner", owner ? get(owner, "name") : NULL);
		attr(ev, node, "owner-role", owner ? get(owner, "role") : NULL);
		attr(ev, node, "signed-off", assigned ? get(assigned, "signed-off") : NULL);
		text_child(ev, node, "question", steps[s].question);
		for (i = 0; i < ETSI__ARRAY_SIZE(steps[s].outputs) && steps[s].outputs[i]; i++)
			text_child(ev, node, "output", steps[s].outputs[i]);
		if (!owner) {
			char message[160];

			snprintf(message, sizeof(message),
			         "no owner: add <step name=\"%s\" owner=\"...\"/> to the workflow",
			         steps[s].name);
			blocker(ev, node, NULL, NULL, message);
			blocked = 1;
		}
		for (i = 0; i < etsi_diagnostics_count(ev->diags); i++) {
			const etsi_diagnostic *d = etsi_diagnostics_at(ev->diags, i);
			const etsi_rule *rule = etsi_rule_find(d->rule);

			if (d->waived || d->severity != ETSI_SEVERITY_ERROR || !rule ||
			    (strcmp(rule->step, steps[s].name) != 0 && strcmp(rule->step, "all") != 0))
				continue;
			blocker(ev, node, d->rule, d->element ? d->element : d->reference, d->message);
			blocked = 1;
		}
		if (strcmp(steps[s].name, "handoff") == 0 && ev->cases_not_ready) {
			char message[160];

			snprintf(message, sizeof(message),
			         "%zu of %zu test cases in the plan lack IXIT inputs", ev->cases_not_ready,
			         ev->cases_planned);
			blocker(ev, node, NULL, NULL, message);
			blocked = 1;
		}
		attr(ev, node, "status", blocked ? "blocked" : "complete");
		all_complete &= !blocked;
	}
	return all_complete;
}

/* ---- findings into the results document ------------------------------ */

static void add_findings(eval *ev)
{
	size_t i, k;

	for (i = 0; i < etsi_diagnostics_count(ev->diags); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(ev->diags, i);
		const etsi_rule *rule = etsi_rule_find(d->rule);
		xmlNodePtr f = add(ev, ev->r_findings, "finding");
		char line[24];

		snprintf(line, sizeof(line), "%d", d->line);
		attr(ev, f, "rule", d->rule);
		attr(ev, f, "severity", etsi_severity_name(d->severity));
		attr(ev, f, "layer", rule ? rule->layer : NULL);
		attr(ev, f, "step", rule ? rule->step : NULL);
		attr(ev, f, "file", d->file);
		attr(ev, f, "line", d->line ? line : NULL);
		attr(ev, f, "element", d->element);
		attr(ev, f, "reference", d->reference);
		attr(ev, f, "waived", d->waived ? "true" : "false");
		attr(ev, f, "waiver", d->waiver);
		attr(ev, f, "claim", d->claim);
		attr(ev, f, "fact", d->fact);
		snprintf(line, sizeof(line), "%d", d->fact_line);
		attr(ev, f, "fact-line", d->fact_line ? line : NULL);
		attr(ev, f, "id", d->id);
		attr(ev, f, "caused-by", d->caused_by);
		snprintf(line, sizeof(line), "%zu", d->count);
		attr(ev, f, "count", d->count > 1 ? line : NULL);
		text_child(ev, f, "message", d->message);
		text_child(ev, f, "hint", d->hint);
		for (k = 0; d->count > 1 && k < d->count; k++) {
			const etsi_occurrence *o = &d->occurrences[k];
			xmlNodePtr occ = add(ev, f, "occurrence");

			snprintf(line, sizeof(line), "%d", o->line);
			attr(ev, occ, "line", o->line ? line : NULL);
			attr(ev, occ, "element", o->element);
			attr(ev, occ, "reference", o->reference);
			attr(ev, occ, "claim", o->claim);
			set_text(ev, occ, o->message);
		}
	}
}

static void add_questions(eval *ev)
{
	size_t i;

	for (i = 0; i < ev->questions.len; i++) {
		const question *q = ev->questions.items[i];
		xmlNodePtr node = add(ev, ev->r_questions, "question");
		char line[24];

		snprintf(line, sizeof(line), "%d", q->line);
		attr(ev, node, "step", q->step);
		attr(ev, node, "fact", q->fact);
		attr(ev, node, "element", q->element);
		attr(ev, node, "file", ev->file);
		attr(ev, node, "line", q->line > 0 ? line : NULL);
		attr(ev, node, "provisions", q->provisions);
		set_text(ev, node, q->message);
	}
}

static void add_summary(eval *ev, etsi_outcome overall, int ready)
{
	char n[4][24];
	size_t i, waived = 0;

	for (i = 0; i < etsi_diagnostics_count(ev->diags); i++)
		waived += etsi_diagnostics_at(ev->diags, i)->waived != 0;
	snprintf(n[0], sizeof(n[0]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_ERROR));
	snprintf(n[1], sizeof(n[1]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_WARNING));
	snprintf(n[2], sizeof(n[2]), "%zu",
	         etsi_diagnostics_count_severity(ev->diags, ETSI_SEVERITY_INFO));
	snprintf(n[3], sizeof(n[3]), "%zu", waived);
	attr(ev, ev->r_summary, "release", ev->release);
	attr(ev, ev->r_summary, "en303645", etsi_catalog_edition(ev->cat));
	attr(ev, ev->r_summary, "ts103701", etsi_catalog_ts_edition(ev->cat));
	attr(ev, ev->r_summary, "as-of", ev->as_of);
	attr(ev, ev->r_summary, "overall", outcome_names[overall]);
	attr(ev, ev->r_summary, "ready", ready ? "true" : "false");
	attr(ev, ev->r_summary, "errors", n[0]);
	attr(ev, ev->r_summary, "warnings", n[1]);
	attr(ev, ev->r_summary, "infos", n[2]);
	attr(ev, ev->r_summary, "waived", n[3]);
}

/* ---- driver ---------------------------------------------------------- */

static int set_as_of(eval *ev, const etsi_check_options *opts)
{
	if (opts && opts->as_of) {
		if (!etsi__valid_date(opts->as_of))
			return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
			                   "as_of \"%s\" is not a date YYYY-MM-DD", opts->as_of);
		snprintf(ev->as_of, sizeof(ev->as_of), "%s", opts->as_of);
	} else {
		time_t now = time(NULL);
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(ev->as_of, sizeof(ev->as_of), "%Y-%m-%d", &tm);
	}
	return 0;
}

static void dispose(eval *ev)
{
	size_t i;

	for (i = 0; i < ev->presence.cap; i++) {
		presence *p = ev->presence.slots[i].value;

		if (ev->presence.slots[i].key && p) {
			etsi__free(p->missing);
			etsi__free(p);
		}
	}
	etsi__map_dispose(&ev->presence);
	etsi__map_dispose(&ev->soft_comp);
	etsi__map_dispose(&ev->upd_mech);
	etsi__map_dispose(&ev->used);
	etsi__map_dispose(&ev->evidence);
	etsi__map_dispose(&ev->waivers);
	etsi__map_dispose(&ev->waiver_used);
	etsi__map_dispose(&ev->planned);
	etsi__map_dispose(&ev->mixing_lines);
	etsi__map_dispose(&ev->schema_lines);
	etsi__map_dispose(&ev->skipped_lines);
	for (i = 0; i < ev->questions.len; i++)
		free_question(ev->questions.items[i]);
	etsi__vec_dispose(&ev->questions);
	for (i = 0; i < ev->unknowns.cap; i++) {
		etsi__buf *b = ev->unknowns.slots[i].value;

		if (ev->unknowns.slots[i].key && b) {
			etsi__buf_dispose(b);
			etsi__free(b);
		}
	}
	etsi__map_dispose(&ev->unknowns);
	xmlFreeDoc(ev->rdoc);
}

/* The summary of what the rules skipped on an invalid dossier. */
static void note_skipped(eval *ev)
{
	etsi__where where;
	size_t n = ev->skipped_lines.len;

	memset(&where, 0, sizeof(where));
	where.file = ev->file;
	where.line = etsi__xml_line(xmlDocGetRootElement(ev->ds->docs[0]));
	where.rule = rules[R_SCHEMA].id;
	if (etsi__diagnostics_add(ev->diags, rules[R_SCHEMA].severity, &where, SKIPPED_HINT,
	                          "%zu record%s skipped because of schema errors: the rules "
	                          "did not check %s", n, n == 1 ? "" : "s",
	                          n == 1 ? "it" : "them") < 0)
		OOM(ev);
}

/* Schema and reference diagnostics become findings of rule "schema",
 * except those on a line layer-mixing already explained. */
static int add_schema_findings(eval *ev, const etsi_diagnostics *valid)
{
	size_t i;

	for (i = 0; i < etsi_diagnostics_count(valid); i++) {
		const etsi_diagnostic *d = etsi_diagnostics_at(valid, i);
		etsi__where where;
		char line[24];

		snprintf(line, sizeof(line), "%d", d->line);
		if (d->line && d->severity == ETSI_SEVERITY_ERROR &&
		    etsi__map_put(&ev->schema_lines, line, ev) < 0)
			return ETSI_ENOMEM;
		if (d->line && etsi__map_get(&ev->mixing_lines, line))
			continue;
		memset(&where, 0, sizeof(where));
		where.file = d->file;
		where.line = d->line;
		where.column = d->column;
		where.rule = rules[R_SCHEMA].id;
		where.element = d->element;
		where.reference = d->reference;
		if (etsi__diagnostics_add(ev->diags, d->severity, &where, d->hint, "%s",
		                          d->message) < 0)
			return ETSI_ENOMEM;
	}
	return 0;
}

int etsi__evaluate(etsi_diagnostics **diags_out, xmlDocPtr *doc_out, etsi_dossier *d,
                   const etsi_check_options *opts)
{
	etsi_diagnostics *valid = NULL;
	etsi_outcome overall = ETSI_OUTCOME_NOT_ASSESSED;
	eval ev;
	int error, invalid, ready = 0;
	unsigned int flags;
	size_t i;

	*diags_out = NULL;
	if (doc_out)
		*doc_out = NULL;
	ETSI__ASSERT_ARG(d);
	if (opts && opts->version != ETSI_CHECK_OPTIONS_VERSION && opts->version != 1)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_check_options version %u is unknown", opts->version);
	flags = opts && opts->version >= 2 ? opts->flags : 0;
	if (flags & ~ETSI_CHECK_UNGROUPED)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "unknown etsi_check_options flags 0x%x", flags);
	memset(&ev, 0, sizeof(ev));
	if ((error = set_as_of(&ev, opts)) < 0)
		return error;
	ev.d = d;
	ev.ds = &d->store;
	ev.file = etsi_dossier_path(d) ? etsi_dossier_path(d) : "<new dossier>";
	ev.diags = etsi__diagnostics_new();
	/* a plain check builds no results document: the verdict rules need
	 * only the set of planned cases, and the claim rule the outcomes,
	 * which are built for it alone when the dossier claims conformance */
	if (!ev.diags || (doc_out && start_results(&ev, 1) < 0))
		goto oom;

	check_layers(&ev);
	error = etsi_dossier_validate(&valid, d);
	if (error == ETSI_ENOMEM || add_schema_findings(&ev, valid) < 0)
		goto oom;
	invalid = error < 0 || etsi_diagnostics_count_severity(ev.diags, ETSI_SEVERITY_ERROR);
	etsi_diagnostics_free(valid);
	valid = NULL;
	ev.invalid = invalid;

	/* an invalid dossier is checked all the same, like a compiler goes on
	 * after the first error: the rules skip the records with schema
	 * errors; without a catalog (an unknown edition) there is nothing to
	 * check against */
	if (etsi_dossier_catalog(d)) {
		etsi_record *header = etsi_dossier_find(d, ETSI_KIND_HEADER, NULL);
		etsi_record *group;

		ev.cat = etsi_dossier_catalog(d);
		ev.release = get(header, "release");
		ev.user_info = etsi_dossier_find(d, ETSI_KIND_USER_INFO, NULL);
		group = etsi_catalog_find(ev.cat, ETSI_KIND_TEST_GROUP, "4-1");
		group = group ? group : etsi_catalog_find(ev.cat, ETSI_KIND_TEST_GROUP, "5.0-1");
		ev.justification_case = etsi_record_child_at(group, 0);

		gather_facts(&ev);
		index_dossier(&ev);
		check_dut(&ev);
		check_boundary(&ev);
		check_ics(&ev);
		check_specific(&ev);
		check_evidence(&ev);
		etsi__check_claims(&ev);
		etsi__check_evidence_depth(&ev);
		build_plan(&ev);
		if (!ev.rdoc && is_true(header, "public-conformance") && start_results(&ev, 0) < 0)
			goto oom;
		if (ev.r_outcomes)
			overall = build_outcomes(&ev);
		check_verdicts(&ev);
		check_public_claim(&ev);
		for (i = 0; i < etsi_dossier_count(d, ETSI_KIND_WAIVER); i++) {
			etsi_record *w = etsi_dossier_at(d, ETSI_KIND_WAIVER, i);
			etsi__buf key = ETSI__BUF_INIT;

			etsi__buf_printf(&key, "%s\n%s", get(w, "rule"), get(w, "target"));
			if (key.ptr && etsi__map_get(&ev.waivers, key.ptr) == w &&
			    !etsi__map_get(&ev.waiver_used, etsi_record_key(w)))
				finding(&ev, R_WAIVER_UNUSED, w, etsi_record_key(w), NULL,
				        "waiver '%s' of rule %s for '%s' matches no finding",
				        etsi_record_key(w), get(w, "rule"), get(w, "target"));
			etsi__buf_dispose(&key);
		}
	}
	if (ev.skipped_lines.len)
		note_skipped(&ev);
	if (ev.oom || etsi__diagnostics_sort(ev.diags, finding_order) < 0 ||
	    etsi__diagnostics_group(ev.diags, !(flags & ETSI_CHECK_UNGROUPED)) < 0)
		goto oom;
	if (doc_out) {
		ready = build_gate(&ev) && !invalid &&
		        etsi_diagnostics_count_severity(ev.diags, ETSI_SEVERITY_ERROR) == 0;
		add_findings(&ev);
		add_questions(&ev);
		add_summary(&ev, invalid ? ETSI_OUTCOME_NOT_ASSESSED : overall, ready);
		if (ev.oom)
			goto oom;
		*doc_out = ev.rdoc;
		ev.rdoc = NULL;
	}
	*diags_out = ev.diags;
	ev.diags = NULL;
	dispose(&ev);
	return invalid ? ETSI_EVALIDATION : 0;
oom:
	etsi_diagnostics_free(valid);
	etsi_diagnostics_free(ev.diags);
	dispose(&ev);
	return etsi__error_oom();
}

int etsi_dossier_check(etsi_diagnostics **out, etsi_dossier *dossier,
                       const etsi_check_options *opts)
{
	etsi_diagnostics *diags;
	int error;

	ETSI__ASSERT_ARG(out);
	*out = NULL;
	error = etsi__evaluate(&diags, NULL, dossier, opts);
	if (error < 0 && error != ETSI_EVALIDATION)
		return error;
	*out = diags;
	if (etsi_diagnostics_count_severity(diags, ETSI_SEVERITY_ERROR)) {
		const etsi_diagnostic *first = NULL;
		size_t i;

		for (i = 0; i < etsi_diagnostics_count(diags) && !first; i++) {
			const etsi_diagnostic *d = etsi_diagnostics_at(diags, i);

			if (d->severity == ETSI_SEVERITY_ERROR && !d->waived)
				first = d;
		}
		return etsi__error_at(ETSI_EVALIDATION, ETSI_ERROR_CLASS_DOSSIER, first->file,
		                      first->line, first->column, "[%s] %s", first->rule,
		                      first->message);
	}
	return 0;
}
