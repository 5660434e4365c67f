/*
 * The rule table: one row a rule,
 *
 *   ETSI__RULE(NAME, id, severity, layer, step, summary, hint, basis, source)
 *
 * with the fields of etsi_rule (etsi/check.h) after NAME, severity written
 * E, W or I.  The order of the rows is the order `etsi rules` lists the
 * rules in and the order findings are sorted in (docs/rules.md).  A row
 * gives the rule its id R_NAME (engine.h) and its etsi_rule
 * (engine_findings.c): adding a rule is a row here and the function that
 * reports it (engine.h says how).
 *
 * No include guard: each includer defines ETSI__RULE to take what it needs.
 */
ETSI__RULE(SCHEMA, "schema", E, "format", "all",
	"The dossier is valid against xsd/dossier.xsd and names only provisions and "
	"test cases of its editions.",
	"fix the element the message names; docs/dossier-format.md gives each "
	"element's rules",
	"format", NULL)
ETSI__RULE(LAYER_MIXING, "layer-mixing", E, "format", "all",
	"A TS 103 701 identifier (IXIT table or row, test case) stands where an "
	"EN 303 645 provision is expected, or the other way round.",
	"provisions such as 5.3-2 belong in the ICS and the evidence map; IXIT tables "
	"such as 7-UpdMech and test cases such as 5.3-2-1 belong in the test plan and "
	"the verdicts",
	"format", "EN 303 645 and TS 103 701 are separate layers")
ETSI__RULE(DUT_IDENTIFICATION, "dut-identification-missing", E, "requirement", "scope",
	"The DUT's manufacturer, model designation or software version is missing.",
	"fill in dut/manufacturer, dut/model-designation and dut/software-version",
	"test-case", "TS 103 701: identification of the DUT")
ETSI__RULE(DUT_CONSTRAINT_UNSTATED, "dut-constraint-unstated", W, "requirement", "scope",
	"The DUT's constrained-device position is not stated, so the conditions that "
	"depend on it cannot be evaluated.",
	"add <resource-constraint constrained=\"true|false\" "
	"prevents-update-mechanism=\"true|false\"> to the dut, with a rationale when "
	"either is true",
	"standard", "EN 303 645 Annex B conditions 4, 5 (V2.1.1) and 15 (V3.1.3)")
ETSI__RULE(CONSTRAINED_RATIONALE, "constrained-rationale-missing", E, "requirement", "scope",
	"The DUT is declared constrained, or unable to host an update mechanism, "
	"without a rationale.",
	"say in resource-constraint/rationale which resource limit of the use case "
	"rules updates out (cost alone is not such a limit)",
	"standard", "EN 303 645 5.3-2, 5.3-14, 5.3-15 and the V3.1.3 note on resource constraints")
ETSI__RULE(BOUNDARY_UNDECIDED, "boundary-updateability-undecided", E, "requirement", "scope",
	"A component's updateability is still undecided.",
	"set updateable=\"true\" and name its mechanisms, or \"false\" and justify "
	"the absence of updates",
	"test-case", "TS 103 701 5.3-1-1 (6-SoftComp)")
ETSI__RULE(BOUNDARY_UNCOVERED, "boundary-component-uncovered", E, "requirement", "scope",
	"An updateable component names no update mechanism.",
	"add <covered-by mechanism=\"...\"/> for each mechanism that updates it",
	"test-case", "TS 103 701 5.3-1-1 (6-SoftComp \"Update Mechanism\")")
ETSI__RULE(BOUNDARY_ABSENCE, "boundary-absence-unjustified", E, "requirement", "scope",
	"A component that cannot be updated has no justified absence of updates.",
	"add <no-update reason=\"immutable-for-security|impracticable|constrained\">"
	"why</no-update>",
	"test-case", "TS 103 701 5.3-1-1 a")
ETSI__RULE(BOUNDARY_CONTRADICTION, "boundary-contradiction", W, "requirement", "scope",
	"A component is declared not updateable yet names update mechanisms.",
	"mark it updateable, or remove its covered-by elements",
	"consistency", NULL)
ETSI__RULE(BOUNDARY_UNUSED, "boundary-mechanism-unused", W, "requirement", "mechanisms",
	"An update mechanism updates no component.",
	"name it in the covered-by elements of the components it updates, or remove it",
	"consistency", NULL)
ETSI__RULE(BOUNDARY_NOT_IMPLEMENTED, "boundary-mechanism-not-implemented", W, "requirement",
	"mechanisms",
	"A component relies on an update mechanism marked implemented=\"false\".",
	"implement the mechanism, or cover the component with one that is",
	"consistency", NULL)
ETSI__RULE(ICS_ENTRY_MISSING, "ics-entry-missing", E, "requirement", "ics",
	"A provision of the dossier's edition has no ICS entry.",
	"add <entry provision=\"...\" support=\"Y|N|N/A\"> with its detail (etsi init "
	"writes one entry per provision)",
	"standard", "EN 303 645 Annex B")
ETSI__RULE(ICS_SUPPORT_MISSING, "ics-support-missing", E, "requirement", "ics",
	"An ICS entry states no support (Y, N or N/A).",
	"set support to Y, N or N/A and write the detail",
	"standard", "EN 303 645 Annex B")
ETSI__RULE(ICS_NA_UNCONDITIONAL, "ics-na-unconditional", E, "requirement", "ics",
	"An unconditional provision is marked N/A.",
	"unconditional provisions always apply: mark it Y with the measure, or N with "
	"the reason",
	"standard", "EN 303 645 Annex B status")
ETSI__RULE(ICS_NA_CONTRADICTS, "ics-na-contradicts-facts", E, "requirement", "ics",
	"A provision is marked N/A although the dossier's own facts make it apply.",
	"mark it Y or N, or correct the fact the message names",
	"standard", "EN 303 645 Annex B conditions and features")
ETSI__RULE(ICS_MANDATORY_NOT_MET, "ics-mandatory-not-met", E, "requirement", "ics",
	"A mandatory provision is marked N: a declared non-conformity.",
	"implement the provision; until then this release does not conform",
	"standard", "EN 303 645 Annex B status M")
ETSI__RULE(ICS_JUSTIFICATION_MISSING, "ics-justification-missing", E, "requirement", "ics",
	"An entry marked N or N/A gives no justification (for recommendations, "
	"TS 103 701 test case 4-1-1 checks it).",
	"write in the entry's detail why the provision is not met or does not apply",
	"test-case", "TS 103 701 4-1-1 (V2.1.1: 5.0-1-1)")
ETSI__RULE(ICS_DETAIL_MISSING, "ics-detail-missing", W, "requirement", "ics",
	"An entry marked Y does not describe the measure implemented.",
	"write in the entry's detail how the provision is met",
	"standard", "EN 303 645 Annex B \"Detail\"")
ETSI__RULE(ICS_CLAIM_NOT_APPLICABLE, "ics-claim-not-applicable", W, "requirement", "ics",
	"A provision is marked Y although the dossier's facts say it does not apply.",
	"check the ICS entry, or the fact the message names",
	"standard", "EN 303 645 Annex B conditions and features")
ETSI__RULE(ICS_NEEDS_REVIEW, "ics-needs-review", E, "requirement", "ics",
	"An ICS entry carried from an earlier release has not been reviewed for this "
	"one.",
	"check that its support and detail still hold for this release, then record "
	"reviewed-by and reviewed-on on its carried-from element",
	"consistency", "docs/lifecycle.md")
ETSI__RULE(IXIT_ROW_MISSING, "ixit-row-missing", E, "assessment", "mechanisms",
	"A component has no 6-SoftComp row, or an update mechanism has no 7-UpdMech row.",
	"add <soft-comp id=\"...\" component=\"...\"> or <upd-mech id=\"...\" "
	"mechanism=\"...\"> to the ixit section",
	"test-case", "TS 103 701 IXIT 6-SoftComp and 7-UpdMech")
ETSI__RULE(IXIT_MECHANISM_INPUT, "ixit-mechanism-input-missing", E, "assessment", "mechanisms",
	"A provision claimed Y lacks a 6-SoftComp or 7-UpdMech field that its test "
	"cases read.",
	"fill in the field for the rows named; without it the laboratory risks an "
	"INCONCLUSIVE verdict",
	"test-case", "the IXIT inputs of the TS 103 701 test cases")
ETSI__RULE(MECHANISM_TRUST, "mechanism-trust-missing", E, "requirement", "mechanisms",
	"An update mechanism delivered over a network states no trust relationship "
	"(5.3-10).",
	"add <trust-relationship kind=\"signature|authenticated-channel|"
	"protected-network|user-confirmation|other\"> saying what the device's "
	"verification rests on",
	"standard", "EN 303 645 5.3-10")
ETSI__RULE(IXIT_PROCEDURE_INPUT, "ixit-procedure-input-missing", E, "assessment", "procedures",
	"A provision claimed Y lacks a 4-Conf, 8-UpdProc or 9-ReplSup input that its "
	"test cases read.",
	"fill in the confirmation, procedure or replacement-support field named",
	"test-case", "the IXIT inputs of the TS 103 701 test cases")
ETSI__RULE(CONSTRAINED_REPLACEMENT, "constrained-replacement-missing", E, "assessment",
	"procedures",
	"Some software cannot be updated, but no 9-ReplSup row describes isolation and "
	"hardware replacement; being constrained is not a blanket exemption.",
	"add an ixit/repl-sup row with isolation and hardware-replacement, or mark "
	"5.3-15 (V3: 15A and 15B) N with a justification",
	"standard", "EN 303 645 5.3-15 (V3.1.3: 5.3-15A, 5.3-15B)")
ETSI__RULE(IXIT_USER_INFO, "ixit-user-info-missing", E, "assessment", "user-info",
	"A provision claimed Y lacks a 2-UserInfo field that its test cases read.",
	"fill in the named field of ixit/user-info, with the URL where it is published",
	"test-case", "the IXIT inputs of the TS 103 701 test cases")
ETSI__RULE(EVIDENCE_MISSING, "evidence-missing", E, "evidence", "handoff",
	"A provision claimed Y has fewer evidence items than the evidence policy asks "
	"(a policy, not the standard's; libetsi's default: one item).",
	"add an evidence item for the provision, with at least one artifact, or record "
	"the dossier's own policy in an owned header evidence-policy",
	"policy", "libetsi's default evidence policy, one item per provision claimed Y, "
	"or the dossier's own evidence-policy")
ETSI__RULE(EVIDENCE_CATEGORY, "evidence-category-unfit", W, "evidence", "handoff",
	"An evidence item's category cannot show the provision it is filed under.",
	"file it under a provision it can show, or add evidence of a fitting category",
	"judgement", "libetsi's evidence-fit lists in the catalogs")
ETSI__RULE(EVIDENCE_NOT_CLAIMED, "evidence-provision-not-claimed", W, "evidence", "handoff",
	"Evidence is filed under a provision the ICS marks N/A.",
	"move the evidence to the provision it supports, or correct the ICS",
	"consistency", NULL)
ETSI__RULE(EVIDENCE_RELEASE, "evidence-release-mismatch", E, "evidence", "handoff",
	"Evidence was produced for another release and was not carried forward with a "
	"review.",
	"review it for this release and record <carried-from release=\"...\" "
	"reviewed-by=\"...\" reviewed-on=\"...\"/>, or produce new evidence",
	"consistency", NULL)
ETSI__RULE(EVIDENCE_NEEDS_REVIEW, "evidence-needs-review", E, "evidence", "handoff",
	"An evidence item is marked needs-review.",
	"review it and set review to reviewed or accepted; for an item carried from an "
	"earlier release, also record reviewed-by and reviewed-on on its carried-from",
	"consistency", NULL)
ETSI__RULE(EVIDENCE_DRAFT, "evidence-draft", W, "evidence", "handoff",
	"An evidence item is still a draft.",
	"review it and set review to reviewed or accepted",
	"consistency", NULL)
ETSI__RULE(EVIDENCE_EXTERNAL, "evidence-external-incomplete", E, "assessment", "handoff",
	"External evidence lacks its scope, the test cases it covers, or its assurance "
	"depth (TS 103 701 clause 4.7).",
	"give external/scope, one covers element per test case with its coverage, and "
	"external/@assurance",
	"test-case", "TS 103 701 clause 4.7 (external evidence)")
ETSI__RULE(ARTIFACT_DIGEST, "artifact-digest-missing", W, "evidence", "handoff",
	"An artifact has no SHA-256 digest, so nobody can show it is the file that "
	"was reviewed.",
	"record sha256 and size (sha256sum FILE prints the digest)",
	"judgement", NULL)
ETSI__RULE(ARTIFACT_EXPIRED, "artifact-expired", E, "evidence", "handoff",
	"An artifact expired before the date of the check.",
	"renew the artifact (a new certificate, a new capture) and update expires",
	"consistency", NULL)
ETSI__RULE(VERDICT_NOT_PLANNED, "verdict-not-planned", W, "assessment", "handoff",
	"A verdict is recorded for a test case the test plan does not select.",
	"check the ICS entry of its provision, or remove the verdict",
	"consistency", NULL)
ETSI__RULE(VERDICT_INDICATION, "verdict-indication-missing", W, "assessment", "handoff",
	"A FAIL or INCONCLUSIVE verdict records no indication.",
	"add an <indication> saying what was observed",
	"test-case", "TS 103 701 indications")
ETSI__RULE(VERDICT_NOT_LABORATORY, "verdict-not-by-laboratory", I, "assessment", "handoff",
	"A verdict was recorded by a party that is not a test laboratory.",
	"self-assessment serves internal use; a public claim usually rests on a test "
	"laboratory's verdicts",
	"judgement", NULL)
ETSI__RULE(VERDICT_NEEDS_REVIEW, "verdict-needs-review", E, "assessment", "handoff",
	"A verdict carried from an earlier release has not been confirmed for this one; "
	"until it is, it counts as not assessed.",
	"have the laboratory confirm it for this release (carried-from reviewed-by and "
	"reviewed-on) or record a new verdict",
	"consistency", "docs/lifecycle.md")
ETSI__RULE(PUBLIC_CLAIM, "public-claim-unsupported", E, "evidence", "handoff",
	"The dossier states conformance publicly without a PASS (or an accepted "
	"justification) for every selected test case.",
	"record the missing verdicts, or set public-statement/@conformance to false",
	"consistency", NULL)
ETSI__RULE(WAIVER_UNKNOWN_RULE, "waiver-unknown-rule", E, "format", "handoff",
	"A waiver names a rule that does not exist.",
	"use a rule id that `etsi rules` lists",
	"format", NULL)
ETSI__RULE(WAIVER_EXPIRED, "waiver-expired", W, "format", "handoff",
	"A waiver has expired; the findings it covered count again.",
	"renew the waiver with a new expiry date, or fix the findings",
	"format", NULL)
ETSI__RULE(WAIVER_UNUSED, "waiver-unused", I, "format", "handoff",
	"A waiver matches no finding.",
	"remove it, or correct its rule or target",
	"format", NULL)

/* ---- claims against the product's facts (engine_claims.c) ---- */
ETSI__RULE(EDITION_PAIRING, "edition-pairing-unusual", W, "assessment", "scope",
	"The dossier pairs EN 303 645 with a TS 103 701 edition written for another "
	"edition; test cases may not match the provisions.",
	"confirm the pairing with the laboratory: EN 303 645 V2.1.1 is assessed with "
	"TS 103 701 V1.1.1, V3.1.3 with V2.1.1",
	"test-case", "the edition each TS 103 701 edition states it assesses")
ETSI__RULE(CLAIM_VERIFY_ABSENT, "claim-verification-absent", E, "requirement", "mechanisms",
	"Authenticity and integrity (or secure installation) are claimed, but an update "
	"mechanism's updates are not verified at all.",
	"verify each update on the device before installing it, or mark the provisions N "
	"with the reason",
	"standard", "EN 303 645 5.3-2, 5.3-9, 5.3-10; TS 103 701 5.3-9-1 a, b")
ETSI__RULE(CLAIM_VERIFY_OFF_DEVICE, "claim-verification-off-device", E, "requirement",
	"mechanisms",
	"Authenticity and integrity are claimed, but updates are verified only by an "
	"update client, an app, a server or the transport, never by the device.",
	"have the device itself verify each update (a signature checked before "
	"installation), or correct the verification fact",
	"test-case", "TS 103 701 5.3-9-1 c, d; EN 303 645 5.3-10 (the device verifies)")
ETSI__RULE(CLAIM_VERIFY_AFTER_INSTALL, "claim-verification-after-install", W, "requirement",
	"mechanisms",
	"Authenticity and integrity are claimed, but the device verifies updates only when "
	"it boots, after they are installed.",
	"verify the update before installing it as well, or say in the ICS detail why "
	"verification at boot stops misuse",
	"test-case", "TS 103 701 5.3-9 objective: verified by the DUT before installation")
ETSI__RULE(CLAIM_CHANNEL_ONLY, "claim-channel-only", E, "requirement", "mechanisms",
	"Authenticity of updates (5.3-9) rests only on an authenticated channel or a "
	"protected network, which proves where an update came from, not that the "
	"manufacturer made it.",
	"sign updates and verify the signature on the device, and record it as <crypto "
	"use=\"signature\" ...>; a channel alone can serve 5.3-10, not 5.3-9",
	"test-case", "TS 103 701 5.3-9-1 a (authenticity includes origin)")
ETSI__RULE(CLAIM_BYPASS, "claim-verification-bypassed", E, "requirement", "mechanisms",
	"Secure installation or verified updates are claimed, but another path into the "
	"same component installs software without that verification.",
	"close or lock the path (debug interface, service port, recovery mode), make it "
	"verify what it installs, or correct the fact",
	"test-case", "TS 103 701 5.3-2-2 a (misuse of the update path)")
ETSI__RULE(CLAIM_TRANSPORT, "claim-transport-unauthenticated", E, "requirement", "mechanisms",
	"A network mechanism's trust relationship is an authenticated channel, but its "
	"transport does not authenticate the server.",
	"authenticate the update server (TLS with certificate validation), or base the "
	"trust relationship on a signature",
	"standard", "EN 303 645 5.3-10 (trust relationships)")
ETSI__RULE(CLAIM_KEY_WRITABLE, "claim-key-writable", W, "requirement", "mechanisms",
	"The key that verifies updates is kept in writable storage, where whoever can "
	"write the device can replace it.",
	"keep the verification key in read-only, one-time-programmable or protected "
	"storage, or a secure element",
	"judgement", NULL)
ETSI__RULE(CLAIM_CRYPTO_WEAK, "claim-crypto-weak", E, "requirement", "mechanisms",
	"Best-practice cryptography (5.3-7) is claimed, but the update chain uses a "
	"broken or deprecated algorithm, or a key shorter than the policy allows.",
	"replace the primitive (the message names it and the source of its status); "
	"catalogs/crypto-policy-1.xml lists what libetsi recognises",
	"test-case", "TS 103 701 5.3-7-1 c, with the status source of each algorithm")
ETSI__RULE(CLAIM_CRYPTO_LEGACY, "claim-crypto-legacy", W, "requirement", "mechanisms",
	"Best-practice cryptography (5.3-7) is claimed with a legacy primitive or "
	"unauthenticated encryption: allowed, but not what a reviewer calls best "
	"practice.",
	"plan the replacement, or explain in the ICS detail why it suits the use case",
	"judgement", "catalogs/crypto-policy-1.xml, entries of status legacy")
ETSI__RULE(CLAIM_ROLLBACK, "claim-rollback-unprotected", E, "requirement", "mechanisms",
	"Secure installation (5.3-2) is claimed, but a mechanism installs older versions "
	"without any anti-rollback check.",
	"refuse versions older than the installed one (a version check or a hardware "
	"counter), or correct the fact",
	"test-case", "TS 103 701 5.3-2-2 a (installing an old vulnerable version)")
ETSI__RULE(CLAIM_AUTOMATIC, "claim-automatic-contradicted", E, "requirement", "mechanisms",
	"Automatic updates are claimed, but no implemented mechanism updates "
	"automatically, or automatic updates stay off without the user being asked.",
	"make a mechanism update automatically (and, for 5.3-4B, ask for consent during "
	"setup), or correct the ICS",
	"standard", "EN 303 645 5.3-4 (V3.1.3: 5.3-4A, 5.3-4B); TS 103 701 5.3-4-1")
ETSI__RULE(CLAIM_DEFAULT_OFF, "claim-default-off", E, "requirement", "mechanisms",
	"5.3-6 is claimed, but automatic updates or update notifications are off in the "
	"initialized state.",
	"switch them on by default, or mark 5.3-6 N with the reason",
	"standard", "EN 303 645 V2.1.1 5.3-6; TS 103 701 5.3-6-1 c, e")
ETSI__RULE(CLAIM_CONTROL, "claim-user-control-missing", E, "requirement", "mechanisms",
	"User control of automatic updates or notifications is claimed, but the user "
	"cannot switch them off or postpone installation.",
	"let the user enable, disable and postpone, or correct the ICS",
	"standard", "EN 303 645 5.3-6 (V3.1.3: 5.3-6A, 5.3-6B)")
ETSI__RULE(CLAIM_CHECK, "claim-check-unscheduled", E, "requirement", "mechanisms",
	"Checking for updates (5.3-5) is claimed, but no mechanism checks when the "
	"provision asks (V2.1.1: by the device, after initialization and then "
	"periodically).",
	"schedule the check (record it in <update-check>), or correct the ICS",
	"standard", "EN 303 645 5.3-5; TS 103 701 V1.1.1 5.3-5-1")
ETSI__RULE(CLAIM_NOTICE, "claim-notice-missing", E, "requirement", "user-info",
	"Telling users about needed security updates (5.3-11) is claimed, but no "
	"mechanism notifies them, or none says which risks an update mitigates.",
	"notify the user of security updates and the risks they address, or correct "
	"the ICS",
	"standard", "EN 303 645 5.3-11; TS 103 701 5.3-11-1 b")
ETSI__RULE(CLAIM_DISRUPTION, "claim-disruption-unannounced", E, "requirement", "user-info",
	"Warning users of disruptive updates (5.3-12) is claimed, but a mechanism "
	"installs updates that disrupt basic functioning without notice.",
	"announce disruptive updates on the device, or record that updates never "
	"disrupt basic functioning",
	"test-case", "TS 103 701 5.3-12-1")
ETSI__RULE(SUPPORT_UNSTATED, "support-period-unstated", E, "requirement", "user-info",
	"Publication of the support period (5.3-13) is claimed, but 2-UserInfo records "
	"that no support period is stated.",
	"define the support period (an end date or a duration) and publish it",
	"standard", "EN 303 645 5.3-13")
ETSI__RULE(SUPPORT_ENDED, "support-period-ended", E, "requirement", "user-info",
	"The defined support period ended before the date of the check, so no update "
	"claim of this release can hold.",
	"extend the support period and publish it, or stop claiming update provisions",
	"standard", "EN 303 645 5.3-13 (the period during which updates are provided)")
ETSI__RULE(SUPPORT_MISMATCH, "support-period-mismatch", E, "requirement", "user-info",
	"The support period's end differs between 2-UserInfo and the public statement.",
	"publish one support period and record the same end date in both places",
	"consistency", NULL)
ETSI__RULE(SUPPORT_DETAIL, "support-period-detail-differs", W, "requirement", "user-info",
	"The ICS detail of 5.3-13 names a date other than the recorded end of the "
	"support period.",
	"correct the detail or the support-period end",
	"judgement", "a date read from prose")
ETSI__RULE(NO_UPDATE_CONTRADICTED, "no-update-reason-contradicted", W, "requirement",
	"scope",
	"A component is declared immutable for security or too constrained to update, "
	"but it carries a network stack, an operating system or applications, or the "
	"device updates other software over a network.",
	"make the component updateable, or explain in no-update why the reason holds "
	"despite what it carries",
	"judgement", "TS 103 701 5.3-1-1 a asks whether the stated reason holds")
ETSI__RULE(IMMUTABLE_SUCCESSOR, "immutable-successor-unverified", W, "requirement", "scope",
	"An immutable boot stage starts a mutable component without verifying it, so "
	"the immutability protects nothing.",
	"verify the next stage before running it (secure boot), or correct the fact",
	"judgement", "EN 303 645 V3.1.3 5.3-1 (immutable for security reasons)")
ETSI__RULE(CLAIM_SELF_FAIL, "claim-self-assessed-fail", E, "requirement", "ics",
	"The ICS claims a provision Y, but the supplier's own self-assessment records a "
	"FAIL for it.",
	"fix the product and record a new self-assessment result, or mark the "
	"provision N with the reason",
	"consistency", NULL)
ETSI__RULE(CLAIM_LAB_FAIL, "claim-laboratory-fail", W, "requirement", "ics",
	"The ICS claims a provision Y, but a laboratory verdict for one of its test "
	"cases is FAIL.",
	"fix the product and have the case tested again, or mark the provision N",
	"consistency", NULL)

/* ---- the evidence in depth (engine_evidence.c) ---- */
ETSI__RULE(EVIDENCE_TOO_BROAD, "evidence-too-broad", W, "evidence", "handoff",
	"One artifact (by digest, git object id or reference) is the only evidence for "
	"three or more provisions.",
	"file evidence that shows each provision on its own (a test report, a log, a "
	"section of the document with its own digest), or add it beside the shared one",
	"judgement", NULL)
ETSI__RULE(EVIDENCE_STALE, "evidence-stale", W, "evidence", "handoff",
	"An artifact was collected more than 365 days before the release's date.",
	"collect it again for this release, or carry it forward with a review "
	"(<carried-from release=... reviewed-by=... reviewed-on=...>)",
	"judgement", NULL)
ETSI__RULE(EVIDENCE_AFTER_VERDICT, "evidence-collected-after-verdict", E, "evidence",
	"handoff",
	"A verdict cites evidence whose artifact was collected after the verdict's date, "
	"so it cannot be what the laboratory saw.",
	"correct the artifact's collected date or the verdict's date, or cite the "
	"evidence the laboratory actually assessed",
	"consistency", NULL)
ETSI__RULE(EXTERNAL_MISSING, "evidence-external-missing", E, "assessment", "handoff",
	"A certificate or third-party evaluation is filed without its external block "
	"(issuer, scope, assurance, covered test cases).",
	"add <external assurance=\"...\"> with issuer, scope and one covers element per "
	"test case",
	"test-case", "TS 103 701 clause 4.7 (external evidence)")
ETSI__RULE(EXTERNAL_OTHER_PROVISION, "external-covers-other-provision", E, "assessment",
	"handoff",
	"External evidence covers a test case of another provision than the one it is "
	"filed under.",
	"file the evidence under the test case's provision (one evidence item per "
	"provision), or correct the covers element",
	"consistency", "TS 103 701 clause 4.7 (external evidence)")
ETSI__RULE(EXTERNAL_FULL_BY_DOCUMENT, "external-full-by-document", W, "assessment",
	"handoff",
	"External evidence that is a document review claims full coverage of a "
	"functional test case.",
	"set coverage=\"partial\", or file the functional test report that observed "
	"the device",
	"judgement", "TS 103 701: functional test cases observe the DUT")
ETSI__RULE(CERTIFICATE_INCOMPLETE, "certificate-incomplete", W, "evidence", "handoff",
	"A certificate does not state its issuer, the date it was collected or its "
	"expiry.",
	"give external/issuer, and collected and expires on the certificate's artifact",
	"judgement", NULL)
ETSI__RULE(PUBLIC_CLAIM_SCOPE, "public-claim-scope-exceeds", E, "evidence", "handoff",
	"The public statement claims conformance to EN 303 645 as a whole, but the "
	"dossier assesses clause 5.3 only.",
	"set scope=\"clause-5.3\" and say so in the statement, or assess the other "
	"clauses elsewhere",
	"consistency", "EN 303 645 clause 5.3 is one of its 13 clauses")
ETSI__RULE(PUBLIC_CLAIM_MISMATCH, "public-claim-mismatch", E, "evidence", "handoff",
	"The public statement names an EN 303 645 edition or a software version other "
	"than the dossier's.",
	"make the statement name the dossier's edition (editions/@en303645) and the "
	"DUT's software version",
	"consistency", NULL)
ETSI__RULE(VERDICT_CONCEPTUAL_ONLY, "verdict-functional-conceptual-only", W, "assessment",
	"handoff",
	"A PASS verdict on a functional test case cites only conceptual evidence "
	"(documents), nothing that observed the device.",
	"cite the evidence of the functional test (a test report, a log, a capture), or "
	"record the verdict on the conceptual test case it really is",
	"test-case", "TS 103 701: a functional test case is assessed on the DUT")
ETSI__RULE(EXTERNAL_SCOPE, "external-scope-unmatched", W, "evidence", "handoff",
	"External evidence about the device (a third-party evaluation, a test report, or "
	"one that covers a functional test case) has a scope that names neither the "
	"DUT or one of its components, or no software version.",
	"name in external/scope the product or component assessed (its model "
	"designation, or a component's id or name) and the software version",
	"judgement", "TS 103 701 clause 4.7: external evidence applies to the DUT")
ETSI__RULE(EVIDENCE_VERSION, "evidence-version-mismatch", W, "evidence", "handoff",
	"An artifact records the software version it shows (software-version), and it is "
	"neither the DUT's nor any component's version.",
	"collect the artifact again on this release's software, or carry it forward with "
	"a review that judges the difference",
	"consistency", NULL)
