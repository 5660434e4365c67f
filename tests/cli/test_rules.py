"""Tests of the rules of 'etsi check': one failing and one passing fixture per
rule under tests/data/rules/<rule>/, and how findings are reported (text and
JSON, exit statuses, --strict, waivers, order).

Every fixture starts with a comment whose "expect:" line lists the rules it
makes fire ("rule (waived)" for a waived finding, "none" for none);
tests/data/rules/make_fixtures.py writes the fixtures from the two
baselines.  Checks run as of 2026-06-01 so that expiry dates are
deterministic.

Run through ctest, which sets ETSI_CLI to the built binary and
ETSI_SOURCE_DIR to the source tree, or by hand:

    cd tests/cli && ETSI_CLI=/tmp/rb/tools/etsi/etsi ETSI_SOURCE_DIR=/work/main \\
        python3 -m unittest -v test_rules
"""
import json
import xml.etree.ElementTree as ET
import os
import pathlib
import re
import subprocess
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
RULES_DIR = SOURCE / "tests" / "data" / "rules"
BASELINES = [RULES_DIR / "baseline-v3.xml", RULES_DIR / "baseline-v2.xml"]
FIXTURES = sorted(RULES_DIR.glob("*/*.xml"))
AS_OF = "2026-06-01"
FINDING_KEYS = {"file", "rule", "severity", "layer", "step", "message", "waived", "id", "count",
                "records"}
OPTIONAL_KEYS = {"line", "element", "reference", "waiver", "hint", "claim", "fact", "fact_line",
                 "caused_by"}
RECORD_KEYS = {"message"}
OPTIONAL_RECORD_KEYS = {"line", "element", "reference", "claim"}

# Fixtures whose "expect:" line states what the engine should do but does not
# do yet, and which generic checks they are kept out of.  Each has its own
# @unittest.expectedFailure test in EngineBugs below; when a bug is fixed,
# remove its entries here and the decorator there.
# Fixtures that show an engine bug not fixed yet: which of their tests to
# expect to fail ("exact": the exact rule set; "fires": the rule fires;
# "quiet": the rule stays quiet).  Empty: every fixture behaves.
KNOWN_BUGS: dict = {}

# A finding of the fixture's rule must have these element / reference values
# and contain these message parts (real output of the engine).
KEY_FACTS = {
    "schema/fail.xml": dict(message=["attribute 'support'", "'yes'"]),
    "schema/fail-unknown-provision.xml": dict(
        reference="5.3-17", message=["5.3-17 is not a provision of EN 303 645 V3.1.3"]),
    "schema/fail-void-provision.xml": dict(
        reference="5.3-4",
        message=["provision 5.3-4 is void in EN 303 645 V3.1.3; use 5.3-4A or 5.3-4B"]),
    "layer-mixing/fail.xml": dict(
        reference="7-UpdMech",
        message=["ics-entry field 'provision' names the TS 103 701 IXIT table 7-UpdMech where "
                 "an EN 303 645 provision such as 5.3-2 is expected"]),
    "layer-mixing/fail-ixit-row.xml": dict(
        reference="um-ota", message=["names the TS 103 701 IXIT row um-ota where an EN 303 645 "
                                     "provision"]),
    "layer-mixing/fail-test-case.xml": dict(
        reference="5.3-9-2", message=["names the TS 103 701 test case 5.3-9-2 where an "
                                      "EN 303 645 provision"]),
    "layer-mixing/fail-verdict-provision.xml": dict(
        reference="5.3-16", message=["verdict field 'case' names the EN 303 645 provision "
                                     "5.3-16 where a TS 103 701 test case"]),
    "dut-identification-missing/fail.xml": dict(message=["the DUT has no software-version"]),
    "dut-identification-missing/fail-manufacturer.xml": dict(
        message=["the DUT has no manufacturer"]),
    "dut-constraint-unstated/fail.xml": dict(
        message=["does not say whether it is a constrained device"]),
    "constrained-rationale-missing/fail.xml": dict(
        message=["declared constrained without a rationale"]),
    "constrained-rationale-missing/fail-prevents.xml": dict(
        message=["declared unable to host an update mechanism without a rationale"]),
    "boundary-updateability-undecided/fail.xml": dict(element="comp-wifi"),
    "boundary-component-uncovered/fail.xml": dict(
        element="comp-wifi", message=["is updateable but names no update mechanism"]),
    "boundary-absence-unjustified/fail.xml": dict(
        element="comp-rom", message=["gives no reason in words"]),
    "boundary-absence-unjustified/fail-no-element.xml": dict(
        element="comp-rom", message=["has no no-update element"]),
    "boundary-contradiction/fail.xml": dict(element="comp-rom", message=["mechanism 'mech-ota'"]),
    "boundary-mechanism-unused/fail.xml": dict(element="mech-usb"),
    "boundary-mechanism-not-implemented/fail.xml": dict(
        element="comp-fw", message=["mechanism 'mech-usb', which is not implemented"]),
    "ics-entry-missing/fail.xml": dict(
        reference="5.3-12", message=["provision 5.3-12 of EN 303 645 V3.1.3 has no ICS entry"]),
    "ics-support-missing/fail.xml": dict(reference="5.3-12"),
    "ics-na-unconditional/fail.xml": dict(reference="5.3-13", message=["unconditional (M)"]),
    "ics-na-unconditional/fail-v2-recommendation.xml": dict(
        reference="5.3-1", message=["unconditional (R)"]),
    "ics-na-contradicts-facts/fail.xml": dict(
        reference="5.3-10", message=["feature j is present: mechanism 'mech-ota' is delivered "
                                     "over a network interface"]),
    "ics-na-contradicts-facts/fail-5.3-6A.xml": dict(
        reference="5.3-6A", message=["feature h is present"]),
    "ics-na-contradicts-facts/fail-v2-5.3-2.xml": dict(
        reference="5.3-2", message=["condition 5 holds: the DUT is declared not constrained"]),
    "ics-na-contradicts-facts/fail-v2-5.3-6.xml": dict(
        reference="5.3-6", message=["condition 9 holds", "condition 12 holds"]),
    "ics-na-contradicts-facts/fail-v2-5.3-10.xml": dict(
        reference="5.3-10", message=["condition 11 holds", "condition 12 holds"]),
    "ics-na-contradicts-facts/fail-v2-constrained.xml": dict(
        reference="5.3-15", message=["condition 4 holds",
                                     "(being constrained is not a blanket exemption)"]),
    "ics-mandatory-not-met/fail.xml": dict(reference="5.3-13", message=["mandatory (M)"]),
    "ics-justification-missing/fail.xml": dict(reference="5.3-14", message=["N/A"]),
    "ics-justification-missing/fail-n.xml": dict(
        reference="5.3-12", message=["marked N without saying why"]),
    "ics-detail-missing/fail.xml": dict(reference="5.3-12"),
    "ics-claim-not-applicable/fail.xml": dict(
        reference="5.3-6B", message=["feature i is absent"]),
    "ics-claim-not-applicable/fail-v2-constrained.xml": dict(
        reference="5.3-2", message=["condition 5 does not hold"]),
    "ics-needs-review/fail.xml": dict(
        reference="5.3-10", message=["the ICS entry for 5.3-10 was carried from release 2.5.3 "
                                     "and has not been reviewed for 2.6.0"]),
    "ics-needs-review/fail-half-reviewed.xml": dict(reference="5.3-10"),
    "ixit-row-missing/fail.xml": dict(element="comp-rom", message=["6-SoftComp"]),
    "ixit-row-missing/fail-mechanism.xml": dict(element="mech-ota", message=["7-UpdMech"]),
    "ixit-mechanism-input-missing/fail.xml": dict(
        reference="5.3-7", message=["7-UpdMech cryptographic-details",
                                    "missing for mechanism 'mech-ota'"]),
    "ixit-mechanism-input-missing/fail-soft-comp.xml": dict(
        reference="5.3-1", message=["6-SoftComp update-mechanism",
                                    "missing for component 'comp-wifi'"]),
    "mechanism-trust-missing/fail.xml": dict(element="mech-ota", reference="5.3-10"),
    "ixit-procedure-input-missing/fail.xml": dict(
        reference="5.3-8", message=["confirmation 'update-procedures' is not confirmed"]),
    "ixit-procedure-input-missing/fail-time-frame.xml": dict(
        reference="5.3-8", message=["no upd-proc row gives time-frame"]),
    "ixit-procedure-input-missing/fail-repl-sup.xml": dict(
        reference="5.3-15A", message=["9-ReplSup isolation"]),
    "constrained-replacement-missing/fail.xml": dict(element="comp-receiver"),
    "ixit-user-info-missing/fail.xml": dict(
        reference="5.3-13", message=["ixit/user-info has no publication-of-support-period"]),
    "ixit-user-info-missing/fail-no-user-info.xml": dict(
        reference="5.3-16", message=["there is no ixit/user-info"]),
    "evidence-missing/fail.xml": dict(reference="5.3-12"),
    "evidence-missing/fail-policy.xml": dict(
        reference="5.3-12",
        message=["5.3-12 is claimed Y with 1 evidence item; the evidence policy of own-comp "
                 "(2026-05-01) asks for 2"]),
    "evidence-missing/fail-unowned-policy.xml": dict(
        reference="5.3-12",
        message=["its evidence-items counts only under an owned evidence-policy"]),
    "evidence-category-unfit/fail.xml": dict(
        element="ev-trust", reference="5.3-10", message=["user-documentation"]),
    "evidence-provision-not-claimed/fail.xml": dict(
        element="ev-rom-statement", reference="5.3-14"),
    "evidence-release-mismatch/fail.xml": dict(
        element="ev-rating-label", message=["release 2.5.3, not 2.6.0", "not carried forward"]),
    "evidence-release-mismatch/fail-unreviewed.xml": dict(
        element="ev-rating-label", message=["its carry-forward records no review"]),
    "evidence-needs-review/fail.xml": dict(element="ev-verification-tests", reference="5.3-9"),
    "evidence-needs-review/fail-carried.xml": dict(
        element="ev-rating-label", reference="5.3-16",
        message=["was carried from release 2.5.3 and needs review for 2.6.0"]),
    "evidence-draft/fail.xml": dict(element="ev-restart-warning", reference="5.3-12"),
    "evidence-external-incomplete/fail.xml": dict(
        element="ev-hsm-certificate", message=["does not state its scope"]),
    "evidence-external-incomplete/fail-no-covers.xml": dict(
        element="ev-hsm-certificate", message=["does not state the test cases it covers"]),
    "evidence-external-incomplete/fail-no-assurance.xml": dict(
        element="ev-hsm-certificate", message=["does not state its assurance depth"]),
    "artifact-digest-missing/fail.xml": dict(element="art-auto-log", reference="5.3-4A"),
    "artifact-expired/fail.xml": dict(
        element="art-support-page", reference="5.3-13",
        message=["expired on 2026-05-04 (checked as of 2026-06-01)"]),
    "verdict-not-planned/fail.xml": dict(reference="5.3-14-1"),
    "verdict-indication-missing/fail.xml": dict(
        reference="5.3-13-2", message=["the INCONCLUSIVE verdict"]),
    "verdict-indication-missing/fail-fail.xml": dict(
        reference="5.3-12-1", message=["the FAIL verdict"]),
    "verdict-not-by-laboratory/fail.xml": dict(
        reference="5.3-8-1", message=["'so-halden' (SO)"]),
    "verdict-needs-review/fail.xml": dict(
        reference="5.3-8-1", message=["the PASS verdict for 5.3-8-1 was carried from release "
                                      "2.5.3 and has not been confirmed for 2.6.0"]),
    # each test case counts once, also the justification case shared by
    # several recommendations (5.3-14, 5.3-15A, 5.3-15B)
    "public-claim-unsupported/fail.xml": dict(
        reference="5.3-1-1", message=["states conformance publicly, but 22 selected test "
                                      "cases and 0 provisions lack a PASS (first: 5.3-1-1)"]),
    "public-claim-unsupported/fail-one-fail.xml": dict(
        reference="5.3-12-1", message=["but 1 selected test case and 0 provisions lack a PASS "
                                       "(first: 5.3-12-1)"]),
    "public-claim-unsupported/fail-justification.xml": dict(
        reference="5.0-1-1", message=["but 1 selected test case and 0 provisions lack a PASS "
                                      "(first: 5.0-1-1)"]),
    "public-claim-unsupported/fail-non-conformity.xml": dict(
        reference="5.3-13", message=["but 0 selected test cases and 1 provision lack a PASS "
                                     "(first: 5.3-13)"]),
    "waiver-unknown-rule/fail.xml": dict(
        element="wv-support-capture", message=["names rule 'artifact-expiry'"]),
    "waiver-expired/fail.xml": dict(
        element="wv-support-capture", message=["expired on 2026-05-31"]),
    "waiver-unused/fail.xml": dict(element="wv-conf-5.3-8", message=["matches no finding"]),
    # claims against facts: the claim, the fact and the fact's line
    "edition-pairing-unusual/fail.xml": dict(
        message=["EN 303 645 V3.1.3 is assessed with TS 103 701 V1.1.1, which was written for "
                 "EN 303 645 V2.1.1"]),
    "claim-verification-absent/fail.xml": dict(
        element="mech-ota", reference="5.3-9", claim="ICS 5.3-9: Y",
        fact="mechanism 'mech-ota' verification where=none", fact_line=93,
        message=["the ICS claims 5.3-9 Y (line 175)", "its updates are not verified at all"]),
    "claim-verification-off-device/fail.xml": dict(
        element="mech-ota", reference="5.3-10", claim="ICS 5.3-10: Y",
        fact="mechanism 'mech-ota' verification where=server-or-transport",
        message=["only the server or the transport verifies its updates, not the device"]),
    "claim-verification-off-device/fail-update-client.xml": dict(
        element="mech-ota", reference="5.3-9",
        message=["only an update client or app verifies its updates"]),
    "claim-verification-after-install/fail.xml": dict(
        element="mech-ota", reference="5.3-9", fact_line=93,
        message=["only when it boots, after installing them"]),
    "claim-channel-only/fail.xml": dict(
        element="mech-ota", reference="5.3-9",
        fact="mechanism 'mech-ota' trust-relationship kind=authenticated-channel, no "
             "signature or MAC",
        message=["rests on an authenticated channel and records no signature or MAC"]),
    "claim-verification-bypassed/fail.xml": dict(
        element="comp-fw", reference="5.3-2", fact_line=80,
        fact="component 'comp-fw' other-install-path kind=debug-interface verifies=false",
        message=["also takes software through its debug-interface without verification"]),
    "claim-transport-unauthenticated/fail.xml": dict(
        element="mech-ota", reference="5.3-10",
        fact="mechanism 'mech-ota' transport server-authenticated=false tls=1.3",
        message=["does not authenticate the server"]),
    "claim-key-writable/fail.xml": dict(
        element="mech-ota", reference="5.3-9", message=["lives in writable storage"]),
    "claim-crypto-weak/fail.xml": dict(
        element="mech-ota", reference="5.3-7", fact_line=93,
        fact="mechanism 'mech-ota' crypto use=signature alg=RSA key-bits=1024 hash=SHA-256",
        message=["RSA with a 1024-bit key, below the 2048 bits the policy allows "
                 "(sources: SP800-131A)"]),
    "claim-crypto-weak/fail-md5.xml": dict(
        reference="5.3-7", message=["MD5, which is broken (sources: RFC6151"]),
    "claim-crypto-weak/fail-sha1-signature.xml": dict(
        reference="5.3-7", message=["SHA-1, which is deprecated (sources: TS-5.3-7-1"]),
    "claim-crypto-weak/fail-tls.xml": dict(
        reference="5.3-7", fact="mechanism 'mech-ota' transport tls=1.1",
        message=["TLS 1.1, which is deprecated (sources: RFC8996)"]),
    "claim-crypto-legacy/fail.xml": dict(
        reference="5.3-7", message=["AES-128-CBC encryption without authentication"]),
    "claim-rollback-unprotected/fail.xml": dict(
        element="mech-ota", reference="5.3-2", fact="mechanism 'mech-ota' anti-rollback kind=none",
        message=["installs older versions"]),
    "claim-automatic-contradicted/fail.xml": dict(
        element="mech-ota", reference="5.3-4B", claim="ICS 5.3-4B: Y",
        message=["are off and the user is not asked during setup"]),
    "claim-automatic-contradicted/fail-v2.xml": dict(
        element="mech-ota", reference="5.3-4", message=["are off by default"]),
    "claim-default-off/fail.xml": dict(
        element="mech-ota", reference="5.3-6", fact="mechanism 'mech-ota' notice default=off",
        message=["update notifications of mechanism 'mech-ota' are off in the initialized "
                 "state"]),
    "claim-user-control-missing/fail.xml": dict(
        element="mech-ota", reference="5.3-6A", message=["cannot postpone automatic updates"]),
    "claim-user-control-missing/fail-notice.xml": dict(
        element="mech-ota", reference="5.3-6B", message=["cannot switch off update notifications"]),
    "claim-check-unscheduled/fail.xml": dict(
        element="mech-ota", reference="5.3-5",
        message=["the only way component 'comp-fw' is updated",
                 "never checks for updates after initialization"]),
    "claim-check-unscheduled/fail-v2.xml": dict(
        element="mech-ota", reference="5.3-5",
        message=["does not have the device check periodically after initialization"]),
    "claim-notice-missing/fail.xml": dict(
        element="mech-ota", reference="5.3-11",
        message=["does not tell users which risks an update mitigates"]),
    "claim-disruption-unannounced/fail.xml": dict(
        element="mech-ota", reference="5.3-12",
        fact="mechanism 'mech-ota' notice disruption=not-announced",
        message=["without telling the user"]),
    "support-period-unstated/fail.xml": dict(
        reference="5.3-13", claim="ICS 5.3-13: Y",
        fact="user-info support-period stated=not-stated",
        message=["2-UserInfo records that no support period is stated"]),
    "support-period-ended/fail.xml": dict(
        reference="5.3-13", fact="user-info support-period end=2026-03-31",
        message=["the support period ended on 2026-03-31 (checked as of 2026-06-01)"]),
    "support-period-mismatch/fail.xml": dict(
        reference="5.3-13",
        message=["ends on 2032-03-31 (line 110), the public statement says 2031-12-31"]),
    "support-period-detail-differs/fail.xml": dict(
        reference="5.3-13", message=["names 2031-03-31", "as 2032-03-31"]),
    "no-update-reason-contradicted/fail.xml": dict(
        element="comp-rom", fact="component 'comp-rom' carries a network stack",
        message=["is declared immutable-for-security (line 71), but it carries a network "
                 "stack"]),
    "immutable-successor-unverified/fail.xml": dict(
        element="comp-fw", message=["immutable component 'comp-rom' starts component 'comp-fw' "
                                    "without verifying it"]),
    "claim-self-assessed-fail/fail.xml": dict(
        reference="5.3-9", fact="self-assessment result 5.3-9: FAIL",
        message=["the supplier's own self-assessment records FAIL for 5.3-9"]),
    "claim-self-assessed-fail/fail-case.xml": dict(
        reference="5.3-9", message=["records FAIL for 5.3-9-1"]),
    "claim-laboratory-fail/fail.xml": dict(
        reference="5.3-7", fact="verdict 5.3-7-1: FAIL by tl-aurora",
        message=["the laboratory recorded FAIL for test case 5.3-7-1 on 2026-05-19"]),
    "evidence-too-broad/fail.xml": dict(
        element="art-coverage", reference="5.3-1",
        message=["is the only evidence for 3 provisions (5.3-1, 5.3-2, 5.3-10)"]),
    "evidence-stale/fail.xml": dict(
        element="art-support-page", reference="5.3-13",
        message=["collected on 2025-04-04, 403 days before release 2.6.0 (2026-05-12)"]),
    "evidence-collected-after-verdict/fail.xml": dict(
        element="art-crypto-spec", reference="5.3-7-1",
        fact="artifact 'art-crypto-spec' collected 2026-05-25",
        message=["is dated 2026-05-19 and cites evidence 'ev-crypto-spec'",
                 "collected later, on 2026-05-25"]),
    "evidence-external-missing/fail.xml": dict(
        element="ev-hsm-certificate", reference="5.3-7",
        message=["is a certificate from a third party but has no external block"]),
    "external-covers-other-provision/fail.xml": dict(
        element="ev-hsm-certificate", reference="5.3-7",
        message=["covers test case 5.3-9-1, which belongs to 5.3-9"]),
    "external-full-by-document/fail.xml": dict(
        element="ev-update-design", reference="5.3-2",
        message=["claims full coverage of 5.3-2-2, a functional test case"]),
    "certificate-incomplete/fail.xml": dict(
        element="ev-hsm-certificate", reference="5.3-7",
        message=["does not state the date it was collected"]),
    "certificate-incomplete/fail-issuer-expiry.xml": dict(
        element="ev-hsm-certificate", message=["does not state its issuer, its expiry"]),
    "public-claim-scope-exceeds/fail.xml": dict(
        message=["claims conformance to EN 303 645 as a whole", "clause 5.3 only"]),
    "public-claim-mismatch/fail.xml": dict(
        message=["names EN 303 645 V2.1.1, but the dossier is assessed against V3.1.3"]),
    "public-claim-mismatch/fail-date.xml": dict(
        message=["claims conformance on 2026-05-01, before the first verdict it rests on "
                 "(2026-05-19)"]),
    "evidence-stale/fail-verdict.xml": dict(
        reference="5.3-16-1", message=["dated 2025-04-20, 387 days before release 2.6.0"]),
    "public-claim-mismatch/fail-version.xml": dict(
        message=["names software version 2.5.3, but the DUT runs 2.6.0"]),
    "verdict-functional-conceptual-only/fail.xml": dict(
        reference="5.3-2-2", message=["cites only conceptual evidence ('ev-update-design')"]),
    "external-scope-unmatched/fail.xml": dict(
        element="ev-verification-tests", reference="5.3-9",
        message=["names neither the DUT nor one of its components, nor a software version"]),
    "external-scope-unmatched/fail-no-version.xml": dict(
        element="ev-verification-tests",
        message=["names no software version of the DUT or its components"]),
    "evidence-version-mismatch/fail.xml": dict(
        element="art-verification-tests", fact="artifact 'art-verification-tests' "
        "software-version=2.5.3", message=["shows software version 2.5.3, but the DUT runs "
                                           "2.6.0"]),
    "ixit-mechanism-input-missing/fail-placeholder.xml": dict(
        reference="5.3-7", message=["7-UpdMech cryptographic-details: missing for mechanism "
                                    "'mech-ota'"]),
}

_cache = {}


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=60)


def check(path, *extra):
    """(exit status, findings) of 'etsi check --format json' as of AS_OF."""
    key = (str(path), extra)
    if key not in _cache:
        r = etsi("check", "--format", "json", "--as-of", AS_OF, *extra, path)
        _cache[key] = (r.returncode, json.loads(r.stdout), r.stderr)
    return _cache[key][:2]


def rule_table():
    """[(id, severity, layer, step)] in the order 'etsi rules' lists them."""
    r = etsi("rules")
    assert r.returncode == 0, r.stderr
    return [tuple(line.split()) for line in r.stdout.splitlines()
            if line and not line.startswith(" ")]


RULES = rule_table()
RULE_IDS = [r[0] for r in RULES]
SEVERITY = {r[0]: r[1] for r in RULES}


def name(path):
    return f"{path.parent.name}/{path.name}"


def expectation(path):
    """The set of (rule, waived) the fixture's comment promises."""
    m = re.search(r"\n  expect: (.*?)\n(?:  \S|\n)", path.read_text(), re.S)
    assert m, f"{name(path)} has no expect: line"
    text = " ".join(m.group(1).split())
    if text == "none":
        return set()
    return {(item.replace("(waived)", "").strip(), item.endswith("(waived)"))
            for item in (part.strip() for part in text.split(","))}


def kind(path):
    """'fail' or 'pass', from the file name."""
    return path.name.split("-")[0].split(".")[0]


def fixtures(which, skip_bug=None):
    return [p for p in FIXTURES if kind(p) == which and
            not (skip_bug and skip_bug in KNOWN_BUGS.get(name(p), ()))]


class Layout(unittest.TestCase):
    def test_every_rule_has_a_fixture_directory(self):
        self.assertGreaterEqual(len(RULE_IDS), 40)
        for rule in RULE_IDS:
            with self.subTest(rule=rule):
                self.assertTrue((RULES_DIR / rule / "fail.xml").is_file())
                self.assertTrue((RULES_DIR / rule / "pass.xml").is_file())

    def test_no_directory_for_an_unknown_rule(self):
        directories = {p.name for p in RULES_DIR.iterdir() if p.is_dir()} - {"__pycache__"}
        self.assertEqual(directories - set(RULE_IDS), set())

    def test_fixture_files_are_named_fail_or_pass(self):
        for path in FIXTURES:
            with self.subTest(fixture=name(path)):
                self.assertRegex(path.name, r"^(fail|pass)(-[A-Za-z0-9.-]+)?\.xml$")

    def test_comments_name_the_rule_and_the_expected_findings(self):
        for path in FIXTURES:
            with self.subTest(fixture=name(path)):
                text = path.read_text()
                self.assertIn(f"Fixture for the rule {path.parent.name} ", text)
                expected = expectation(path)
                self.assertLessEqual({rule for rule, _ in expected}, set(RULE_IDS))
                rule = path.parent.name
                if kind(path) == "fail":
                    self.assertIn((rule, False), expected)
                else:
                    self.assertNotIn((rule, False), expected)

    def test_every_known_bug_fixture_exists(self):
        for fixture in KNOWN_BUGS:
            self.assertTrue((RULES_DIR / fixture).is_file(), fixture)
        for fixture in KEY_FACTS:
            self.assertTrue((RULES_DIR / fixture).is_file(), fixture)


class Fixtures(unittest.TestCase):
    def test_fail_fixtures_fire_their_rule(self):
        for path in fixtures("fail", skip_bug="fires"):
            with self.subTest(fixture=name(path)):
                _, findings = check(path)
                rule = path.parent.name
                self.assertTrue([f for f in findings if f["rule"] == rule and not f["waived"]],
                                f"{rule} did not fire: {[f['rule'] for f in findings]}")

    def test_pass_fixtures_do_not_fire_their_rule(self):
        for path in fixtures("pass", skip_bug="quiet"):
            with self.subTest(fixture=name(path)):
                _, findings = check(path)
                rule = path.parent.name
                self.assertEqual([f["message"] for f in findings if f["rule"] == rule], [])

    def test_fixtures_give_exactly_the_expected_findings(self):
        for path in FIXTURES:
            if "exact" in KNOWN_BUGS.get(name(path), ()):
                continue
            with self.subTest(fixture=name(path)):
                _, findings = check(path)
                got = {(f["rule"], f["waived"]) for f in findings}
                self.assertEqual(got, expectation(path),
                                 [f"{f['rule']}: {f['message']}" for f in findings])

    def test_key_facts_of_the_findings(self):
        for fixture, facts in KEY_FACTS.items():
            with self.subTest(fixture=fixture):
                path = RULES_DIR / fixture
                _, findings = check(path)
                mine = [f for f in findings if f["rule"] == path.parent.name]
                # a grouped finding matches by any of its places: the place's
                # element, reference, claim and message, the finding's fact
                matching = [r for f in mine for r in f["records"]
                            if all(r.get(k) == facts[k] for k in ("element", "reference", "claim")
                                   if k in facts)
                            and all(f.get(k) == facts[k] for k in ("fact", "fact_line")
                                    if k in facts)
                            and all(part in r["message"] for part in facts.get("message", []))]
                seen = [(r.get("element"), r.get("reference"), r["message"])
                        for f in mine for r in f["records"]]
                self.assertTrue(matching, f"no finding with {facts}: {seen}")

    def test_every_fail_fixture_has_key_facts(self):
        # every rule's fail.xml pins down what it found (element, reference or
        # message), so a rule that fires for the wrong reason is noticed
        for rule in RULE_IDS:
            self.assertIn(f"{rule}/fail.xml", KEY_FACTS)

    def test_exit_status_follows_the_unwaived_errors(self):
        for path in FIXTURES:
            with self.subTest(fixture=name(path)):
                status, findings = check(path)
                errors = [f for f in findings if f["severity"] == "error" and not f["waived"]]
                self.assertEqual(status, 1 if errors else 0)

    def test_error_rules_fail_the_check(self):
        for rule in RULE_IDS:
            with self.subTest(rule=rule):
                status, _ = check(RULES_DIR / rule / "fail.xml")
                if SEVERITY[rule] == "error":
                    self.assertEqual(status, 1)

    def test_warning_rules_fail_only_with_strict(self):
        for rule in RULE_IDS:
            path = RULES_DIR / rule / "fail.xml"
            expected = expectation(path)
            if SEVERITY[rule] != "warning" or any(SEVERITY[r] == "error" for r, _ in expected):
                continue
            with self.subTest(rule=rule):
                self.assertEqual(check(path)[0], 0)
                self.assertEqual(check(path, "--strict")[0], 1)

    def test_findings_carry_the_rule_table_metadata(self):
        table = {r[0]: r[1:] for r in RULES}
        for path in FIXTURES:
            _, findings = check(path)
            for f in findings:
                with self.subTest(fixture=name(path), rule=f["rule"]):
                    self.assertEqual((f["severity"], f["layer"], f["step"]), table[f["rule"]])

    def test_findings_are_ordered_by_rule_table_then_line(self):
        # the findings that follow from none are in rule-table order, then
        # document order; each of the others comes right under its cause
        for path in FIXTURES:
            with self.subTest(fixture=name(path)):
                _, findings = check(path)
                roots = [f for f in findings if "caused_by" not in f]
                keys = [(RULE_IDS.index(f["rule"]), f.get("line", 0)) for f in roots]
                self.assertEqual(keys, sorted(keys))
                root = None
                for f in findings:
                    if "caused_by" not in f:
                        root = f
                    else:
                        self.assertEqual(f["caused_by"], root["id"])
                self.assertEqual([f["id"] for f in findings],
                                 [f"F{i}" for i in range(1, len(findings) + 1)])

    def test_multi_rule_order(self):
        _, findings = check(RULES_DIR / "boundary-absence-unjustified" / "fail-no-element.xml")
        self.assertEqual([f["rule"] for f in findings],
                         ["boundary-absence-unjustified", "ics-na-contradicts-facts",
                          "constrained-replacement-missing"])
        # one fact (the component cannot be updated), three provisions:
        # one finding, its places in document order
        records = findings[1]["records"]
        self.assertEqual(findings[1]["count"], 3)
        self.assertEqual([r.get("reference") for r in records], ["5.3-14", "5.3-15A", "5.3-15B"])
        lines = [r["line"] for r in records]
        self.assertEqual(lines, sorted(lines))
        self.assertEqual(findings[1]["line"], lines[0])
        # --ungrouped: one finding for each place
        _, each = check(RULES_DIR / "boundary-absence-unjustified" / "fail-no-element.xml",
                        "--ungrouped")
        self.assertEqual([f["rule"] for f in each],
                         ["boundary-absence-unjustified", "ics-na-contradicts-facts",
                          "ics-na-contradicts-facts", "ics-na-contradicts-facts",
                          "constrained-replacement-missing"])
        self.assertEqual([f["count"] for f in each], [1] * 5)
        self.assertEqual([r["message"] for r in records], [f["message"] for f in each[1:4]])


class Reporting(unittest.TestCase):
    def test_baselines_are_clean(self):
        for path in BASELINES:
            with self.subTest(baseline=path.name):
                self.assertEqual(check(path), (0, []))
                self.assertEqual(check(path, "--strict"), (0, []))
                r = etsi("check", "--as-of", AS_OF, path)
                self.assertEqual(r.returncode, 0)
                self.assertEqual(r.stdout, f"{path}: 0 errors, 0 warnings, 0 info, 0 waived\n")

    def test_baselines_are_schema_valid(self):
        r = etsi("validate", *BASELINES)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_strict_fails_a_warning_only_fixture(self):
        path = RULES_DIR / "ics-detail-missing" / "fail.xml"
        self.assertEqual(check(path)[0], 0)
        self.assertEqual(check(path, "--strict")[0], 1)
        r = etsi("check", "--strict", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 1)

    def test_strict_ignores_infos(self):
        path = RULES_DIR / "verdict-not-by-laboratory" / "fail.xml"
        status, findings = check(path, "--strict")
        self.assertEqual([f["severity"] for f in findings], ["info"])
        self.assertEqual(status, 0)

    def test_json_has_the_documented_keys(self):
        for path in FIXTURES:
            _, findings = check(path)
            self.assertIsInstance(findings, list)
            for f in findings:
                with self.subTest(fixture=name(path), rule=f.get("rule")):
                    self.assertLessEqual(FINDING_KEYS, set(f))
                    self.assertLessEqual(set(f), FINDING_KEYS | OPTIONAL_KEYS)
                    self.assertEqual(len(f["records"]), f["count"])
                    for r in f["records"]:
                        self.assertLessEqual(RECORD_KEYS, set(r))
                        self.assertLessEqual(set(r), RECORD_KEYS | OPTIONAL_RECORD_KEYS)
                    self.assertEqual(f["file"], str(path))
                    self.assertIn(f["severity"], ("error", "warning", "info"))
                    self.assertIsInstance(f["waived"], bool)
                    self.assertEqual("waiver" in f, f["waived"])
                    if "line" in f:
                        self.assertIsInstance(f["line"], int)
                        self.assertGreater(f["line"], 0)
                    self.assertTrue(f["message"])
                    if f["rule"] != "schema":  # some libxml2 messages come without one
                        self.assertTrue(f["hint"])

    def test_text_output_format(self):
        path = RULES_DIR / "ics-detail-missing" / "fail.xml"
        r = etsi("check", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 0)
        self.assertRegex(
            r.stdout,
            rf"^{re.escape(str(path))}:\d+: warning\[ics-detail-missing\] 5\.3-12: "
            r"5\.3-12 is marked Y without describing the measure\n"
            r"    hint: write in the entry's detail how the provision is met\n"
            rf"{re.escape(str(path))}: 0 errors, 1 warning, 0 info, 0 waived\n$")

    def test_text_output_without_reference(self):
        path = RULES_DIR / "boundary-component-uncovered" / "fail.xml"
        r = etsi("check", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, rf"^{re.escape(str(path))}:\d+: "
                                   r"error\[boundary-component-uncovered\]: component 'comp-wifi'")

    def test_grouped_text_is_capped(self):
        # 19 provisions without an ICS entry: one finding, eight places
        # named, the rest counted; --all names them all
        path = RULES_DIR.parent / "invalid" / "several-problems.xml"
        r = etsi("check", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.count("error[ics-entry-missing]"), 1)
        self.assertIn(
            "error[ics-entry-missing] 5.3-1: provision 5.3-1 of EN 303 645 V3.1.3 has no ICS "
            "entry\n    and 18 more like it: 5.3-2, 5.3-3, 5.3-4A, 5.3-4B, 5.3-5, 5.3-6A, "
            "5.3-6B, 5.3-7, \u2026 and 10 more\n", r.stdout)
        every = etsi("check", "--all", "--as-of", AS_OF, path)
        self.assertIn("5.3-15A, 5.3-15B, 5.3-16\n", every.stdout)
        self.assertNotIn("\u2026", every.stdout)
        each = etsi("check", "--ungrouped", "--as-of", AS_OF, path)
        self.assertEqual(each.stdout.count("error[ics-entry-missing]"), 19)
        self.assertNotIn("more like it", each.stdout)
        # the summary counts findings: a grouped one once
        self.assertRegex(r.stdout, r": 10 errors, 2 warnings, 0 info, 0 waived\n$")
        self.assertRegex(each.stdout, r": 28 errors, 2 warnings, 0 info, 0 waived\n$")

    def test_a_finding_that_follows_from_another_is_shown_under_it(self):
        path = RULES_DIR / "ixit-row-missing" / "fail-mechanism.xml"
        status, findings = check(path)
        self.assertEqual(status, 1)
        self.assertEqual([(f["id"], f["rule"], f.get("caused_by")) for f in findings],
                         [("F1", "ixit-row-missing", None),
                          ("F2", "ixit-mechanism-input-missing", "F1")])
        # every claimed provision that reads the missing row, once
        self.assertEqual(findings[1]["count"], 13)
        self.assertIn("read the 7-UpdMech rows: missing for mechanism 'mech-ota'",
                      findings[1]["message"])
        r = etsi("check", "--as-of", AS_OF, path)
        self.assertIn("    follows from the ixit-row-missing finding above\n", r.stdout)
        # ungrouped, the link stays: every input finding names the row's
        _, each = check(path, "--ungrouped")
        self.assertEqual({f.get("caused_by") for f in each[1:]}, {"F1"})
        self.assertEqual(len(each), 14)

    def test_text_and_json_agree(self):
        path = RULES_DIR / "ixit-mechanism-input-missing" / "fail.xml"
        _, findings = check(path)
        r = etsi("check", "--as-of", AS_OF, path)
        lines = [line for line in r.stdout.splitlines()
                 if not line.startswith("    ") and "[" in line]
        self.assertEqual(len(lines), len(findings))
        self.assertEqual(r.stdout.count("more like it"),
                         len([f for f in findings if f["count"] > 1]))
        for line, f in zip(lines, findings):
            self.assertIn(f"{f['severity']}[{f['rule']}] {f['reference']}: {f['message']}", line)

    def test_waived_finding_is_reported_and_does_not_count(self):
        path = RULES_DIR / "waiver-expired" / "pass.xml"
        status, findings = check(path)
        self.assertEqual(status, 0)
        self.assertEqual(len(findings), 1)
        f = findings[0]
        self.assertEqual((f["rule"], f["severity"], f["waived"], f["waiver"], f["element"]),
                         ("artifact-expired", "error", True, "wv-support-capture",
                          "art-support-page"))
        r = etsi("check", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 0)
        self.assertIn("(waived by wv-support-capture)\n", r.stdout)
        self.assertNotIn("hint:", r.stdout)
        self.assertTrue(r.stdout.endswith(": 0 errors, 0 warnings, 0 info, 1 waived\n"))
        self.assertEqual(etsi("check", "--strict", "--as-of", AS_OF, path).returncode, 0)

    def test_waiver_matches_the_provision_of_a_finding_without_element(self):
        status, findings = check(RULES_DIR / "waiver-unused" / "pass.xml")
        self.assertEqual(status, 0)
        self.assertEqual([(f["rule"], f.get("element"), f["reference"], f["waived"],
                           f["waiver"]) for f in findings],
                         [("ixit-procedure-input-missing", None, "5.3-8", True,
                           "wv-conf-5.3-8")])

    def test_expired_waiver_lets_the_finding_count_again(self):
        status, findings = check(RULES_DIR / "waiver-expired" / "fail.xml")
        self.assertEqual(status, 1)
        self.assertEqual([(f["rule"], f["waived"]) for f in findings],
                         [("artifact-expired", False), ("waiver-expired", False)])

    def test_as_of_decides_expiry(self):
        # the same dossier, checked later: the waiver has expired
        status, findings = check(RULES_DIR / "waiver-expired" / "pass.xml", "--as-of",
                                 "2026-08-01")
        self.assertEqual(status, 1)
        self.assertEqual({f["rule"] for f in findings}, {"artifact-expired", "waiver-expired"})
        # an artifact expires the day after its expiry date, not on it
        same_day = RULES_DIR / "artifact-expired" / "pass-same-day.xml"
        self.assertEqual(check(same_day), (0, []))
        status, findings = check(same_day, "--as-of", "2026-06-02")
        self.assertEqual([f["rule"] for f in findings], ["artifact-expired"])

    def test_bad_as_of_is_a_usage_error(self):
        r = etsi("check", "--as-of", "2026-13-01", BASELINES[0])
        self.assertEqual(r.returncode, 2)

    def test_rules_markdown_lists_every_rule(self):
        r = etsi("rules", "--format", "markdown")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(re.findall(r"^\| `([a-z-]+)` \|", r.stdout, re.M), RULE_IDS)

    def test_docs_document_every_rule_in_table_order(self):
        text = (SOURCE / "docs" / "rules.md").read_text()
        self.assertEqual(re.findall(r"^### `([a-z-]+)`$", text, re.M), RULE_IDS)
        for rule, severity, layer, step in RULES:
            with self.subTest(rule=rule):
                section = text.split(f"### `{rule}`\n", 1)[1].split("\n### ", 1)[0]
                self.assertIn(f"**Severity:** {severity}", section)
                self.assertIn(f"**Layer:** {layer}", section)
                self.assertIn(f"**Blocks:** {step}", section)


    def test_docs_quote_real_messages(self):
        # every "FILE:LINE: severity[rule] ..." line of docs/rules.md is the
        # output of 'etsi check' run in the directory of the section's rule
        text = (SOURCE / "docs" / "rules.md").read_text()
        quoted = 0
        for section in text.split("\n### `")[1:]:
            rule = section.split("`", 1)[0]
            for m in re.finditer(r"^((?:fail|pass)[\w.-]*\.xml)(:\d+)?: .*$", section, re.M):
                with self.subTest(rule=rule, line=m.group(0)[:60]):
                    r = subprocess.run([CLI, "check", "--as-of", AS_OF, m.group(1)],
                                       capture_output=True, text=True, timeout=60,
                                       cwd=RULES_DIR / rule)
                    self.assertIn(m.group(0) + "\n", r.stdout)
                    quoted += 1
        self.assertGreater(quoted, 60)


class Provenance(unittest.TestCase):
    """Every rule says what it rests on; libetsi's judgement never blocks."""

    BASES = {"standard", "test-case", "consistency", "format", "policy", "judgement"}

    def test_every_rule_has_a_basis_and_judgement_is_at_most_a_warning(self):
        r = etsi("rules")
        bases = re.findall(r"^(\S+) +(error|warning|info) .*\n.*\n.*\n    basis: ([a-z-]+)",
                           r.stdout, re.M)
        self.assertEqual([b[0] for b in bases], RULE_IDS)
        for rule, severity, basis in bases:
            with self.subTest(rule=rule):
                self.assertIn(basis, self.BASES)
                if basis == "judgement":
                    self.assertNotEqual(severity, "error")


class CatalogFactChecks(unittest.TestCase):
    """The EN 303 645 catalogs say, per provision, which facts support a Y,
    which contradict it (and the rule that reports it) and which make an N/A
    wrong, each with its provenance (docs/rules.md has the same map)."""

    C = "{urn:libetsi:catalog:1}"
    CLAIM_RULES = [r for r in RULE_IDS
                   if r.startswith(("claim-", "support-period-", "no-update-reason",
                                    "immutable-successor"))
                   and r not in ("claim-self-assessed-fail", "claim-laboratory-fail")]

    def catalogs(self):
        for edition in ("2.1.1", "3.1.3"):
            yield edition, ET.parse(SOURCE / "catalogs" / f"en303645-{edition}.xml").getroot()

    def test_entries_name_real_rules_and_sources(self):
        basis = dict(re.findall(r"^(\S+) .*\n.*\n.*\n    basis: ([a-z-]+)",
                                etsi("rules").stdout, re.M))
        for edition, root in self.catalogs():
            sources = {s.get("id") for s in root.iter(self.C + "source")}
            for p in root.iter(self.C + "provision"):
                for fc in p.findall(self.C + "fact-check"):
                    with self.subTest(edition=edition, provision=p.get("id"), rule=fc.get("rule")):
                        self.assertTrue(fc.text and fc.text.strip())
                        self.assertLessEqual(set(fc.get("provenance").split()), sources)
                        if fc.get("rule"):
                            self.assertIn(fc.get("rule"), RULE_IDS)
                            # libetsi's judgement is tagged as such, and only
                            # judgement rules are
                            judged = basis[fc.get("rule")] == "judgement"
                            self.assertEqual(fc.get("provenance") == "LIBETSI", judged)
                            if judged:
                                self.assertNotEqual(SEVERITY[fc.get("rule")], "error")
                        else:
                            self.assertEqual(fc.get("side"), "supports")

    def test_every_claim_rule_is_mapped_to_a_provision(self):
        mapped = {fc.get("rule") for _, root in self.catalogs()
                  for fc in root.iter(self.C + "fact-check")}
        self.assertEqual([r for r in self.CLAIM_RULES if r not in mapped], [])

    def test_every_provision_with_a_claim_rule_says_what_supports_it(self):
        for edition, root in self.catalogs():
            for p in root.iter(self.C + "provision"):
                sides = {fc.get("side") for fc in p.findall(self.C + "fact-check")}
                if "contradicts" in sides and p.get("id") != "5.3-8":
                    with self.subTest(edition=edition, provision=p.get("id")):
                        self.assertIn("supports", sides)


class OpenQuestions(unittest.TestCase):
    """An unknown fact never gives an error: it is an open question that the
    gate lists, and the test cases of the claims resting on it are at risk."""

    CASES = {
        "claim-verification-absent/pass.xml": ("mechanism 'mech-ota' verification",
                                               "5.3-2 5.3-9 5.3-10"),
        "claim-verification-bypassed/pass-unknown.xml": (
            "component 'comp-fw' other-install-path kind=debug-interface verifies=unknown",
            "5.3-2 5.3-9"),
        "claim-check-unscheduled/pass-unknown.xml": ("mechanism 'mech-ota' update-check",
                                                     "5.3-5"),
        "claim-user-control-missing/pass.xml": (
            "mechanism 'mech-ota' automation postpone",
            "5.3-6A"),
        "claim-notice-missing/pass.xml": (
            "mechanism 'mech-ota' notice security-updates risks", "5.3-11"),
        "claim-crypto-weak/pass-unlisted.xml": (
            "mechanism 'mech-ota' crypto use=signature alg=SM2 key-bits=256 hash=SM3", "5.3-7"),
    }

    def evaluate(self, path):
        r = etsi("evaluate", "--format", "json", "--as-of", AS_OF, path)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout)

    def test_unknown_facts_are_questions_and_put_cases_at_risk(self):
        for fixture, (fact, provisions) in self.CASES.items():
            with self.subTest(fixture=fixture):
                results = self.evaluate(RULES_DIR / fixture)
                self.assertEqual([(q["fact"], q["provisions"]) for q in results["open_questions"]],
                                 [(fact, provisions)])
                risky = {c["provision"] for c in results["plan"] if c.get("at-risk")}
                self.assertEqual(risky, set(provisions.split()))
                self.assertTrue(results["summary"]["ready"])

    def test_the_baselines_leave_nothing_open(self):
        for base in BASELINES:
            with self.subTest(base=base.name):
                results = self.evaluate(base)
                self.assertEqual(results["open_questions"], [])
                self.assertFalse([c for c in results["plan"] if c.get("at-risk")])

    def test_gate_lists_the_questions(self):
        r = etsi("gate", "--as-of", AS_OF, RULES_DIR / "claim-check-unscheduled" /
                 "pass-unknown.xml")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("open questions (1):", r.stdout)
        self.assertIn("[mechanisms] when updates are looked for by mechanism 'mech-ota' is not "
                      "stated; 5.3-5 rests on it", r.stdout)


class EngineFixes(unittest.TestCase):
    """Behaviour that was once wrong: each test keeps it right."""

    def test_layer_mixing_replaces_the_schema_errors_on_its_line(self):
        for path in sorted((RULES_DIR / "layer-mixing").glob("fail*.xml")):
            with self.subTest(fixture=name(path)):
                _, findings = check(path)
                lines = {f["line"] for f in findings if f["rule"] == "layer-mixing"}
                self.assertTrue(lines)
                self.assertEqual([f["message"] for f in findings
                                  if f["rule"] == "schema" and f.get("line") in lines], [])
                self.assertEqual({(f["rule"], f["waived"]) for f in findings},
                                 expectation(path))

    def test_empty_external_element_is_incomplete(self):
        path = RULES_DIR / "evidence-external-incomplete" / "fail-empty.xml"
        status, findings = check(path)
        self.assertIn(("evidence-external-incomplete", "ev-hsm-certificate"),
                      [(f["rule"], f.get("element")) for f in findings])
        self.assertEqual(status, 1)

    def test_no_replacement_support_where_5_3_15_does_not_apply(self):
        path = RULES_DIR / "constrained-replacement-missing" / "pass-v2-not-constrained.xml"
        self.assertEqual(check(path), (0, []))


if __name__ == "__main__":
    unittest.main()
