"""The example dossiers under the assessment engine, against results worked
out by hand.

Every expectation below was derived from the example's ICS and facts, the
catalogs (catalogs/*.xml: test groups, test cases and their kinds, status
codes) and the rules of docs/verdicts.md, not copied from the tool's output:

- plan (verdicts.md section 1): a provision claimed Y selects every test case
  of its group (disposition test); a mandatory provision marked N selects its
  group as expected-fail; a recommendation marked N or N/A selects the
  justification case (TS 103 701 V1.1.1: 4-1-1, V2.1.1: 5.0-1-1) once; a
  mandatory provision marked N/A selects nothing;
- outcomes (section 3): test cases combine FAIL > INCONCLUSIVE > NOT ASSESSED
  > PASS; N/M is FAIL, N/R takes the justification case's outcome, N/A/R is
  NOT APPLICABLE when that case PASSes (else its outcome), N/A/M is NOT
  APPLICABLE unless the facts make it apply; clause 5.3 combines the
  provisions in the same order, leaving NOT APPLICABLE out;
- applicability (section 4) from the dossier's facts: components, mechanisms,
  resource constraint;
- gate (section 5): a step is complete when it has an owner and none of its
  rules reports an unwaived error; ready when every step is complete.

Run through ctest, which sets ETSI_CLI to the built binary and
ETSI_SOURCE_DIR to the source tree.
"""
import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DOSSIERS = SOURCE / "examples" / "dossiers"
XMLLINT = shutil.which("xmllint")
AS_OF = "2026-11-26"
D = "{urn:libetsi:dossier:1}"
R = "{urn:libetsi:results:1}"

STEPS = ("scope", "ics", "mechanisms", "procedures", "user-info", "handoff")

# outcome names, short
P, F, I, NA, NAP = "PASS", "FAIL", "INCONCLUSIVE", "NOT ASSESSED", "NOT APPLICABLE"


def etsi(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


def xmllint_schema(schema, path):
    return subprocess.run([XMLLINT, "--noout", "--schema", str(SOURCE / "xsd" / schema),
                           str(path)], capture_output=True, text=True, timeout=60)


def tested(status, applicable, outcome, cases):
    """A provision claimed Y: its test cases with their outcomes."""
    return (status, "Y", applicable, outcome, "tested", cases)


def plan_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def parse_cases(column):
    """'5.3-1-1 NOT ASSESSED, 5.3-1-2 PASS' -> [('5.3-1-1', 'NOT ASSESSED'), ...]"""
    if not column:
        return []
    out = []
    for item in column.split(", "):
        m = re.fullmatch(r"(\S+) (PASS|FAIL|INCONCLUSIVE|NOT ASSESSED)", item)
        assert m, item
        out.append((m.group(1), m.group(2)))
    return out


class Example:
    """Mixin: one example dossier and its hand-worked expectations.

    PLAN: the test cases the rules of verdicts.md section 1 select, in catalog
    order, without the justification case: (id, group, kind, disposition).
    JUSTIFICATION: the justification case (id, group = provision, kind), or None.
    OUTCOMES: provision -> (status code, ICS support, applicable, outcome,
    basis, [(test case, outcome), ...]) for every active clause 5.3 provision.
    """
    FILE = None
    # rules whose findings the example waives on purpose (with an owner,
    # a justification and an expiry)
    WAIVED = ()
    PLAN = []
    JUSTIFICATION = None
    OUTCOMES = {}
    CLAUSE = None
    LABEL = None           # "EN 303 645 V3.1.3, TS 103 701 V2.1.1"
    GATE_READY = True
    GATE = {step: "complete" for step in STEPS}
    NOT_PLANNED = None     # a test case of the edition the plan does not select
    PARTY = None           # the test laboratory
    EVIDENCE = None        # an evidence id of the dossier

    def setUp(self):
        self.path = DOSSIERS / self.FILE
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-examples-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def copy(self):
        dst = self.tmp / self.FILE
        shutil.copyfile(self.path, dst)
        return dst

    # ---- derived from the hand-worked tables ----------------------------

    def expected_plan(self):
        """Every planned case as (id, group, provision, kind, disposition)."""
        rows = [(c, g, g, k, disp) for c, g, k, disp in self.PLAN]
        if self.JUSTIFICATION:
            c, g, k = self.JUSTIFICATION
            rows.append((c, g, g, k, "justification"))
        return rows

    def outcomes(self, path=None):
        r = etsi("outcomes", "--format", "csv", path or self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        got = {}
        for row in csv.DictReader(io.StringIO(r.stdout)):
            got[row["provision"]] = (row["status"], row["support"], row["applicable"],
                                     row["outcome"], row["basis"],
                                     parse_cases(row["test_cases"]))
        return got

    def clause(self, path=None):
        r = etsi("outcomes", path or self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        m = re.search(r"^clause 5\.3 \((.*)\): (.*)$", r.stdout, re.M)
        self.assertIsNotNone(m, r.stdout)
        self.assertEqual(m.group(1), self.LABEL)
        return m.group(2)

    def gate(self, path=None):
        r = etsi("gate", "--format", "json", "--as-of", AS_OF, path or self.path)
        gate = json.loads(r.stdout)
        self.assertEqual(gate["ready"], r.returncode == 0)
        return r.returncode, gate["steps"]

    # ---- the dossier as it is --------------------------------------------

    def test_valid(self):
        r = etsi("validate", self.path)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        if XMLLINT:
            lint = xmllint_schema("dossier.xsd", self.path)
            self.assertEqual(lint.returncode, 0, lint.stderr)

    def test_check_is_clean(self):
        r = etsi("check", "--strict", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn(f": 0 errors, 0 warnings, 0 info, {len(self.WAIVED)} waived", r.stdout)
        r = etsi("check", "--format", "json", "--as-of", AS_OF, self.path)
        findings = json.loads(r.stdout)
        self.assertEqual(r.returncode, 0)
        self.assertEqual([f["rule"] for f in findings if not f["waived"]], [])
        self.assertEqual(tuple(f["rule"] for f in findings), self.WAIVED)

    def test_nothing_expires_before_2027(self):
        # web captures and certificates are current for an autumn 2026
        # assessment: the check is clean until the end of 2026
        r = etsi("check", "--strict", "--as-of", "2026-12-31", self.path)
        self.assertEqual(r.returncode, 0, r.stdout)
        for date in re.findall(r'expires="([0-9-]+)"', self.path.read_text()):
            self.assertGreaterEqual(date, "2027-01-01")

    def test_plan(self):
        r = etsi("plan", "--format", "csv", self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = plan_rows(r.stdout)
        got = [(row["test_case"], row["group"], row["provision"], row["kind"],
                row["disposition"]) for row in rows]
        # the cases of the provisions, in catalog order
        self.assertEqual([g for g in got if g[4] != "justification"],
                         [e for e in self.expected_plan() if e[4] != "justification"])
        # the justification case once, whatever the number of N and N/A
        self.assertEqual([g for g in got if g[4] == "justification"],
                         [e for e in self.expected_plan() if e[4] == "justification"])
        # every IXIT input the cases read is in the dossier
        for row in rows:
            with self.subTest(case=row["test_case"]):
                self.assertEqual((row["ready"], row["missing_inputs"]), ("yes", ""))

    def test_plan_summary_line(self):
        r = etsi("plan", self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        n = len(self.expected_plan())
        test = sum(1 for e in self.expected_plan() if e[4] == "test")
        just = sum(1 for e in self.expected_plan() if e[4] == "justification")
        fail = sum(1 for e in self.expected_plan() if e[4] == "expected-fail")
        self.assertIn(f"{n} test cases: {test} to test, {just} justification check, "
                      f"{fail} expected to fail; {n} ready, 0 lack inputs", r.stdout)

    def test_outcomes(self):
        got = self.outcomes()
        self.assertEqual(list(got), list(self.OUTCOMES))
        for provision, expected in self.OUTCOMES.items():
            with self.subTest(provision=provision):
                self.assertEqual(got[provision], expected)

    def test_clause_outcome(self):
        self.assertEqual(self.clause(), self.CLAUSE)

    def test_gate(self):
        rc, steps = self.gate()
        self.assertEqual(rc, 0 if self.GATE_READY else 1)
        self.assertEqual([s["name"] for s in steps], list(STEPS))
        for s in steps:
            with self.subTest(step=s["name"]):
                self.assertEqual(s["status"], self.GATE[s["name"]])
                self.assertTrue(s.get("owner"), "every step has an owner")
                if s["status"] == "complete":
                    self.assertNotIn("blocker", s)
        r = etsi("gate", "--as-of", AS_OF, self.path)
        word = "READY" if self.GATE_READY else "NOT READY"
        self.assertRegex(r.stdout, rf"^release \S+: {word} \(6 of 6 steps complete; "
                                   rf"clause 5\.3 outcome so far: {self.CLAUSE}\)")

    @unittest.skipUnless(XMLLINT, "xmllint not installed")
    def test_evaluate_is_valid_results_xml(self):
        r = etsi("evaluate", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = self.tmp / "results.xml"
        out.write_text(r.stdout)
        lint = xmllint_schema("results.xsd", out)
        self.assertEqual(lint.returncode, 0, lint.stderr)
        root = ET.fromstring(r.stdout.encode())
        self.assertEqual(root.tag, R + "results")
        summary = root.find(R + "summary")
        self.assertEqual((summary.get("as-of"), summary.get("overall"), summary.get("ready"),
                          summary.get("errors"), summary.get("warnings")),
                         (AS_OF, self.CLAUSE, "true" if self.GATE_READY else "false",
                          "0", "0"))
        self.assertEqual([(c.get("id"), c.get("group"), c.get("provision"), c.get("kind"),
                           c.get("disposition"))
                          for c in root.find(R + "plan").findall(R + "case")
                          if c.get("disposition") != "justification"],
                         [e for e in self.expected_plan() if e[4] != "justification"])
        self.assertEqual({p.get("id"): p.get("outcome")
                          for p in root.find(R + "outcomes").findall(R + "provision")},
                         {k: v[3] for k, v in self.OUTCOMES.items()})
        self.assertEqual({s.get("name"): s.get("status")
                          for s in root.find(R + "gate").findall(R + "step")}, self.GATE)

    def test_plan_xml_stores_into_a_valid_dossier(self):
        r = etsi("plan", "--format", "xml", self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        element = ET.fromstring(r.stdout.encode())
        self.assertEqual(element.tag, D + "test-plan")
        printed = [(c.get("id"), c.get("group"), c.get("provision"), c.get("kind"),
                    c.get("disposition"), c.get("ready")) for c in element.findall(D + "case")]
        self.assertEqual(sorted(printed), sorted(e + ("true",) for e in self.expected_plan()))

        copy = self.copy()
        r = etsi("plan", "--format", "xml", "--store", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("stored the test plan", r.stderr)
        v = etsi("validate", copy)
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        if XMLLINT:
            lint = xmllint_schema("dossier.xsd", copy)
            self.assertEqual(lint.returncode, 0, lint.stderr)
        stored = ET.parse(copy).getroot().find(D + "test-plan")
        self.assertIsNotNone(stored)
        self.assertEqual(stored.get("generated"), AS_OF)
        self.assertEqual([(c.get("id"), c.get("group"), c.get("provision"), c.get("kind"),
                           c.get("disposition"), c.get("ready"))
                          for c in stored.findall(D + "case")], printed)
        # a stored plan changes nothing the engine derives
        self.assertEqual(etsi("check", "--strict", "--as-of", AS_OF, copy).returncode, 0)
        self.assertEqual(self.outcomes(copy), self.outcomes())

    # ---- etsi verdict on a copy ----------------------------------------

    def refused(self, *args):
        copy = self.copy()
        before = copy.read_bytes()
        r = etsi("verdict", copy, "--date", AS_OF, *args)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(copy.read_bytes(), before, "the file is unchanged byte for byte")
        self.assertEqual([p.name for p in self.tmp.iterdir()], [self.FILE],
                         "no temporary file is left behind")
        return r.stderr

    def test_verdict_refuses_a_case_not_in_the_plan(self):
        err = self.refused("--case", self.NOT_PLANNED, "--result", "PASS", "--by", self.PARTY)
        self.assertIn(f"{self.NOT_PLANNED} is not in the test plan", err)

    def test_verdict_refuses_an_unknown_case(self):
        err = self.refused("--case", "5.3-99-1", "--result", "PASS", "--by", self.PARTY)
        self.assertIn("5.3-99-1 is not a test case of TS 103 701", err)

    def test_verdict_refuses_an_unknown_party(self):
        case = self.PLAN[0][0]
        err = self.refused("--case", case, "--result", "PASS", "--by", "tl-nobody")
        self.assertIn("'tl-nobody'", err)

    def test_verdict_refuses_an_unknown_evidence_id(self):
        case = self.PLAN[0][0]
        err = self.refused("--case", case, "--result", "PASS", "--by", self.PARTY,
                           "--evidence", self.EVIDENCE, "--evidence", "ev-no-such-item")
        self.assertIn("'ev-no-such-item'", err)

    def record(self, copy, case, result, *extra):
        r = etsi("verdict", copy, "--case", case, "--result", result, "--by", self.PARTY,
                 "--date", AS_OF, *extra)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"recorded {case} {result} by {self.PARTY} on {AS_OF}", r.stderr)
        verdicts = ET.parse(copy).getroot().find(D + "verdicts")
        mine = [v for v in verdicts.findall(D + "verdict") if v.get("case") == case]
        self.assertEqual(len(mine), 1, "one verdict per test case")
        self.assertEqual((mine[0].get("result"), mine[0].get("by"), mine[0].get("date")),
                         (result, self.PARTY, AS_OF))
        self.assertEqual(etsi("validate", copy).returncode, 0)
        return mine[0]

    def expect_after(self, copy, changes, clause):
        """The hand-worked outcomes with `changes` applied: provision ->
        (outcome, {test case: outcome})."""
        want = {}
        for provision, row in self.OUTCOMES.items():
            status, support, applicable, outcome, basis, cases = row
            if provision in changes:
                outcome, new = changes[provision]
                cases = [(c, new.get(c, o)) for c, o in cases]
            want[provision] = (status, support, applicable, outcome, basis, cases)
        self.assertEqual(self.outcomes(copy), want)
        self.assertEqual(self.clause(copy), clause)


# ---------------------------------------------------------------------------

class SmartCamera(Example, unittest.TestCase):
    """V3.1.3 / V2.1.1.  Facts: boot ROM and secure element not updateable,
    both immutable-for-security; firmware, ISP, radio and app updateable;
    three implemented mechanisms, all network delivered, OTA and app store
    automatic, all notify; not constrained, no constraint prevents updates.
    So condition 3 does not hold (only immutable components are not
    updateable), feature f, g, h, i, j and conditions 12, 15 hold.
    ICS: Y everywhere except 5.3-14, 5.3-15A, 5.3-15B N/A (R).
    Verdicts: 5.0-1-1, 5.3-2-1, 5.3-2-2, 5.3-7-1, 5.3-9-1, 5.3-9-2, 5.3-10-1,
    5.3-13-1, 5.3-16-1 PASS; 5.3-13-2 INCONCLUSIVE."""
    FILE = "smart-camera-v3.xml"
    LABEL = "EN 303 645 V3.1.3, TS 103 701 V2.1.1"
    PLAN = [
        ("5.3-1-1", "5.3-1", "conceptual", "test"),
        ("5.3-1-2", "5.3-1", "functional", "test"),
        ("5.3-2-1", "5.3-2", "conceptual", "test"),
        ("5.3-2-2", "5.3-2", "functional", "test"),
        ("5.3-3-1", "5.3-3", "conceptual", "test"),
        ("5.3-4A-1", "5.3-4A", "conceptual", "test"),
        ("5.3-4A-2", "5.3-4A", "functional", "test"),
        ("5.3-4B-1", "5.3-4B", "conceptual", "test"),
        ("5.3-4B-2", "5.3-4B", "functional", "test"),
        ("5.3-5-1", "5.3-5", "conceptual", "test"),
        ("5.3-6A-1", "5.3-6A", "conceptual", "test"),
        ("5.3-6A-2", "5.3-6A", "functional", "test"),
        ("5.3-6B-1", "5.3-6B", "conceptual", "test"),
        ("5.3-6B-2", "5.3-6B", "functional", "test"),
        ("5.3-7-1", "5.3-7", "conceptual", "test"),
        ("5.3-8-1", "5.3-8", "conceptual", "test"),
        ("5.3-9-1", "5.3-9", "conceptual", "test"),
        ("5.3-9-2", "5.3-9", "functional", "test"),
        ("5.3-10-1", "5.3-10", "mixed", "test"),
        ("5.3-11-1", "5.3-11", "conceptual", "test"),
        ("5.3-12-1", "5.3-12", "conceptual", "test"),
        ("5.3-13-1", "5.3-13", "conceptual", "test"),
        ("5.3-13-2", "5.3-13", "functional", "test"),
        # 5.3-14, 5.3-15A, 5.3-15B: N/A recommendations -> 5.0-1-1 only
        ("5.3-16-1", "5.3-16", "conceptual", "test"),
        ("5.3-16-2", "5.3-16", "functional", "test"),
    ]
    JUSTIFICATION = ("5.0-1-1", "5.0-1", "conceptual")
    J = [("5.0-1-1", P)]
    OUTCOMES = {
        "5.3-1": tested("R F (f)", "yes", NA, [("5.3-1-1", NA), ("5.3-1-2", NA)]),
        "5.3-2": tested("M C (15)", "yes", P, [("5.3-2-1", P), ("5.3-2-2", P)]),
        "5.3-3": tested("M F (g)", "yes", NA, [("5.3-3-1", NA)]),
        "5.3-4A": tested("R F (g)", "yes", NA, [("5.3-4A-1", NA), ("5.3-4A-2", NA)]),
        "5.3-4B": tested("R F (h)", "yes", NA, [("5.3-4B-1", NA), ("5.3-4B-2", NA)]),
        "5.3-5": tested("R F (g)", "yes", NA, [("5.3-5-1", NA)]),
        "5.3-6A": tested("R F (h)", "yes", NA, [("5.3-6A-1", NA), ("5.3-6A-2", NA)]),
        "5.3-6B": tested("R F (i)", "yes", NA, [("5.3-6B-1", NA), ("5.3-6B-2", NA)]),
        "5.3-7": tested("M F (g)", "yes", P, [("5.3-7-1", P)]),
        "5.3-8": tested("M C (12)", "yes", NA, [("5.3-8-1", NA)]),
        "5.3-9": tested("R F (g)", "yes", P, [("5.3-9-1", P), ("5.3-9-2", P)]),
        "5.3-10": tested("M F (j)", "yes", P, [("5.3-10-1", P)]),
        "5.3-11": tested("R C (12)", "yes", NA, [("5.3-11-1", NA)]),
        "5.3-12": tested("R C (12)", "yes", NA, [("5.3-12-1", NA)]),
        # any INCONCLUSIVE (and no FAIL) -> INCONCLUSIVE
        "5.3-13": tested("M", "yes", I, [("5.3-13-1", P), ("5.3-13-2", I)]),
        # N/A recommendation, 5.0-1-1 PASS -> NOT APPLICABLE
        "5.3-14": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-15A": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-15B": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        # one PASS, one without verdict -> NOT ASSESSED
        "5.3-16": tested("M", "yes", NA, [("5.3-16-1", P), ("5.3-16-2", NA)]),
    }
    CLAUSE = I            # 5.3-13 INCONCLUSIVE, nothing FAILs
    NOT_PLANNED = "5.3-14-1"
    PARTY = "tl-meridian"
    EVIDENCE = "ev-support-period-page"

    def test_carried_forward_evidence_names_the_release_it_was_produced_for(self):
        root = ET.parse(self.path).getroot()
        release = root.find(f"{D}header/{D}release")
        self.assertEqual((release.get("version"), release.get("previous")), ("3.4.0", "3.3.2"))
        carried = [e for e in root.iter(D + "evidence") if e.find(D + "carried-from") is not None]
        self.assertEqual([e.get("id") for e in carried], ["ev-rating-label"])
        item = carried[0]
        cf = item.find(D + "carried-from")
        self.assertEqual(item.get("release"), "3.3.2")
        self.assertEqual(cf.get("release"), "3.3.2")
        self.assertTrue(cf.get("reviewed-by") and cf.get("reviewed-on"))
        for other in root.iter(D + "evidence"):
            if other is not item:
                self.assertEqual(other.get("release"), "3.4.0", other.get("id"))

    def test_carried_evidence_without_its_review_does_not_count(self):
        copy = self.copy()
        text = copy.read_text()
        copy.write_text(re.sub(r' reviewed-by="own-comp" reviewed-on="[0-9-]+"', "", text))
        r = etsi("check", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 1)
        self.assertIn("error[evidence-release-mismatch] 5.3-16: evidence 'ev-rating-label' "
                      "was produced for release 3.3.2, not 3.4.0", r.stdout)
        rc, steps = self.gate(copy)
        self.assertEqual(rc, 1)
        self.assertEqual({s["name"]: s["status"] for s in steps},
                         dict(self.GATE, handoff="blocked"))

    def test_web_captures_expire_in_april_2027(self):
        # the two captures taken on 2026-10-05 expire on 2027-04-05; nothing
        # else expires before 2028.  Expired artifacts block the handoff only
        r = etsi("check", "--as-of", "2027-05-01", self.path)
        self.assertEqual(r.returncode, 1)
        # one fact, the same expiry: one finding naming both
        self.assertEqual(re.findall(r"error\[artifact-expired\] \S+: artifact '([^']+)'",
                                    r.stdout), ["art-help-updates"])
        self.assertRegex(r.stdout, r"\n    and 1 more like it: art-support-page/5\.3-13 \(line \d+\)\n")
        self.assertIn(": 1 error, 0 warnings", r.stdout)
        r = etsi("check", "--ungrouped", "--as-of", "2027-05-01", self.path)
        self.assertEqual(sorted(re.findall(r"error\[artifact-expired\] \S+: artifact '([^']+)'",
                                           r.stdout)),
                         ["art-help-updates", "art-support-page"])
        self.assertIn(": 2 errors, 0 warnings", r.stdout)
        r = etsi("gate", "--format", "json", "--as-of", "2027-05-01", self.path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual({s["name"]: s["status"] for s in json.loads(r.stdout)["steps"]},
                         dict(self.GATE, handoff="blocked"))

    def test_public_statement_claims_nothing(self):
        statement = ET.parse(self.path).getroot().find(f"{D}header/{D}public-statement")
        self.assertEqual(statement.get("conformance"), "false")

    def test_repeated_5_3_13_2_passes(self):
        # the laboratory repeats 5.3-13-2 once the regional redirect is gone:
        # 5.3-13 PASS; no INCONCLUSIVE or FAIL is left, so clause 5.3 is NOT
        # ASSESSED (5.3-1, 5.3-3 ... still have no verdicts)
        copy = self.copy()
        v = self.record(copy, "5.3-13-2", "PASS", "--evidence", "ev-support-period-page",
                        "--note", "Repeated from the German test location; no sign-in asked.")
        self.assertEqual(v.findall(D + "indication"), [], "the old indication is replaced")
        self.assertNotEqual(copy.read_bytes(), self.path.read_bytes())
        self.expect_after(copy, {"5.3-13": (P, {"5.3-13-2": P})}, NA)
        self.assertEqual(etsi("check", "--strict", "--as-of", AS_OF, copy).returncode, 0)

    def test_inconclusive_justification_check(self):
        # N/A recommendations take the justification case's outcome when it
        # is not PASS (verdicts.md section 3)
        copy = self.copy()
        self.record(copy, "5.0-1-1", "INCONCLUSIVE", "--indication",
                    "The reason given for 5.3-15B could not be related to a component.")
        j = {"5.0-1-1": I}
        self.expect_after(copy, {"5.3-14": (I, j), "5.3-15A": (I, j), "5.3-15B": (I, j)}, I)


class ConstrainedSensor(Example, unittest.TestCase):
    """V2.1.1 / V1.1.1.  Facts: boot ROM immutable-for-security, application
    firmware and radio patch not updateable (reason constrained); no
    mechanism; constrained="true", prevents-update-mechanism="true".
    So condition 3 holds (firmware not updateable), 4 holds, 5 does not,
    9, 11 and 12 do not.
    ICS: 5.3-1 N (R); 5.3-2, 3, 7, 8, 10 N/A (M); 5.3-4, 5, 6, 9, 11, 12 N/A
    (R); 5.3-13 to 5.3-16 Y.  Every planned case has a PASS verdict."""
    FILE = "constrained-sensor-v2.xml"
    LABEL = "EN 303 645 V2.1.1, TS 103 701 V1.1.1"
    PLAN = [
        # 5.3-1 N (R): 4-1-1; 5.3-2..5.3-12 N/A: 4-1-1 for the R ones, nothing
        # for the M ones
        ("5.3-13-1", "5.3-13", "conceptual", "test"),
        ("5.3-13-2", "5.3-13", "functional", "test"),
        ("5.3-14-1", "5.3-14", "conceptual", "test"),
        ("5.3-14-2", "5.3-14", "functional", "test"),
        ("5.3-15-1", "5.3-15", "conceptual", "test"),
        ("5.3-15-2", "5.3-15", "functional", "test"),
        ("5.3-16-1", "5.3-16", "conceptual", "test"),
        ("5.3-16-2", "5.3-16", "functional", "test"),
    ]
    JUSTIFICATION = ("4-1-1", "4-1", "conceptual")
    J = [("4-1-1", P)]
    OUTCOMES = {
        "5.3-1": ("R", "N", "yes", P, "justified", J),
        "5.3-2": ("M C (5)", "N/A", "no", NAP, "not-applicable", []),
        "5.3-3": ("M C (12)", "N/A", "no", NAP, "not-applicable", []),
        "5.3-4": ("R C (12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-5": ("R C (12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-6": ("R C (9, 12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-7": ("M C (12)", "N/A", "no", NAP, "not-applicable", []),
        "5.3-8": ("M C (12)", "N/A", "no", NAP, "not-applicable", []),
        "5.3-9": ("R C (12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-10": ("M C (11, 12)", "N/A", "no", NAP, "not-applicable", []),
        "5.3-11": ("R C (12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-12": ("R C (12)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-13": tested("M", "yes", P, [("5.3-13-1", P), ("5.3-13-2", P)]),
        "5.3-14": tested("R C (3, 4)", "yes", P, [("5.3-14-1", P), ("5.3-14-2", P)]),
        "5.3-15": tested("R C (3, 4)", "yes", P, [("5.3-15-1", P), ("5.3-15-2", P)]),
        "5.3-16": tested("M", "yes", P, [("5.3-16-1", P), ("5.3-16-2", P)]),
    }
    CLAUSE = P
    NOT_PLANNED = "5.3-2-1"     # N/A mandatory: the rule engine decides, no test
    PARTY = "tl-nordlys"
    EVIDENCE = "ev-battery-label"

    def test_every_planned_case_has_a_pass_verdict(self):
        verdicts = {v.get("case"): v.get("result")
                    for v in ET.parse(self.path).getroot().iter(D + "verdict")}
        self.assertEqual(verdicts, {c[0]: "PASS" for c in self.expected_plan()})

    def test_public_conformance_claim_is_supported(self):
        statement = ET.parse(self.path).getroot().find(f"{D}header/{D}public-statement")
        self.assertEqual(statement.get("conformance"), "true")
        self.assertTrue(statement.get("url") and statement.get("date"))
        r = etsi("check", "--as-of", AS_OF, self.path)
        self.assertNotIn("public-claim-unsupported", r.stdout)

    def test_a_test_case_of_the_other_edition_is_unknown(self):
        err = self.refused("--case", "5.0-1-1", "--result", "PASS", "--by", self.PARTY)
        self.assertIn("5.0-1-1 is not a test case of TS 103 701 V1.1.1", err)

    def test_a_fail_breaks_the_public_claim(self):
        # 5.3-16-2 FAIL: 5.3-16 FAIL, clause FAIL; the public claim now lacks a
        # PASS, an error of the handoff step, so the gate is NOT READY
        copy = self.copy()
        self.record(copy, "5.3-16-2", "FAIL", "--indication",
                    "The label inside the battery cover of a Rev. C unit from lot 2640 "
                    "reads VCS-20O.", "--evidence", "ev-battery-label")
        self.expect_after(copy, {"5.3-16": (F, {"5.3-16-2": F})}, F)
        r = etsi("check", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"error\[public-claim-unsupported\]")
        # and the ICS still claims 5.3-16 Y against the laboratory's FAIL
        self.assertRegex(r.stdout, r"warning\[claim-laboratory-fail\] 5\.3-16: ")
        self.assertIn(": 1 error, 1 warning", r.stdout)
        rc, steps = self.gate(copy)
        self.assertEqual(rc, 1)
        self.assertEqual({s["name"]: s["status"] for s in steps},
                         dict(self.GATE, handoff="blocked"))

    # The claim needs a PASS for every selected test case; each case that
    # lacks one is counted once, however many provisions it stands for.
    def test_public_claim_counts_each_test_case_lacking_a_pass_once(self):
        copy = self.copy()
        self.record(copy, "5.3-16-2", "FAIL", "--indication", "Label unreadable.")
        r = etsi("check", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"error\[public-claim-unsupported\] 5\.3-16-2: .* but 1 "
                                   r"selected test case\b")

    def test_a_failed_justification_check(self):
        # 4-1-1 FAIL: the N recommendation and the N/A recommendations take
        # its outcome; N/A mandatory provisions stay NOT APPLICABLE
        copy = self.copy()
        self.record(copy, "4-1-1", "FAIL", "--indication", "No reason is given for 5.3-6.")
        j = {"4-1-1": F}
        changes = {p: (F, j) for p in ("5.3-1", "5.3-4", "5.3-5", "5.3-6", "5.3-9",
                                       "5.3-11", "5.3-12")}
        self.expect_after(copy, changes, F)


class SmartPlug(Example, unittest.TestCase):
    """V3.1.3 / V2.1.1.  Facts: all five components updateable; mech-ota
    network, automatic, notifies; mech-usb none of these; not constrained.
    So condition 3 does not hold; f, g, h, i, j, 12 and 15 hold.
    ICS: 5.3-4B N (R); 5.3-14, 5.3-15A, 5.3-15B N/A (R); the rest Y,
    including 5.3-12.
    Verdicts: 5.0-1-1, 5.3-2-1, 5.3-2-2, 5.3-7-1, 5.3-9-1, 5.3-9-2,
    5.3-10-1, 5.3-11-1, 5.3-16-1, 5.3-16-2 PASS; 5.3-12-1 FAIL."""
    FILE = "smart-plug-usb-v3.xml"
    # the ICS keeps 5.3-12 at Y while the laboratory's FAIL stands; the
    # team waives the warning until 2.4.1 is tested again
    WAIVED = ("claim-laboratory-fail",)
    LABEL = "EN 303 645 V3.1.3, TS 103 701 V2.1.1"
    PLAN = [
        ("5.3-1-1", "5.3-1", "conceptual", "test"),
        ("5.3-1-2", "5.3-1", "functional", "test"),
        ("5.3-2-1", "5.3-2", "conceptual", "test"),
        ("5.3-2-2", "5.3-2", "functional", "test"),
        ("5.3-3-1", "5.3-3", "conceptual", "test"),
        ("5.3-4A-1", "5.3-4A", "conceptual", "test"),
        ("5.3-4A-2", "5.3-4A", "functional", "test"),
        # 5.3-4B N (R): not tested, its justification goes to 5.0-1-1
        ("5.3-5-1", "5.3-5", "conceptual", "test"),
        ("5.3-6A-1", "5.3-6A", "conceptual", "test"),
        ("5.3-6A-2", "5.3-6A", "functional", "test"),
        ("5.3-6B-1", "5.3-6B", "conceptual", "test"),
        ("5.3-6B-2", "5.3-6B", "functional", "test"),
        ("5.3-7-1", "5.3-7", "conceptual", "test"),
        ("5.3-8-1", "5.3-8", "conceptual", "test"),
        ("5.3-9-1", "5.3-9", "conceptual", "test"),
        ("5.3-9-2", "5.3-9", "functional", "test"),
        ("5.3-10-1", "5.3-10", "mixed", "test"),
        ("5.3-11-1", "5.3-11", "conceptual", "test"),
        ("5.3-12-1", "5.3-12", "conceptual", "test"),
        ("5.3-13-1", "5.3-13", "conceptual", "test"),
        ("5.3-13-2", "5.3-13", "functional", "test"),
        ("5.3-16-1", "5.3-16", "conceptual", "test"),
        ("5.3-16-2", "5.3-16", "functional", "test"),
    ]
    JUSTIFICATION = ("5.0-1-1", "5.0-1", "conceptual")
    J = [("5.0-1-1", P)]
    OUTCOMES = {
        "5.3-1": tested("R F (f)", "yes", NA, [("5.3-1-1", NA), ("5.3-1-2", NA)]),
        "5.3-2": tested("M C (15)", "yes", P, [("5.3-2-1", P), ("5.3-2-2", P)]),
        "5.3-3": tested("M F (g)", "yes", NA, [("5.3-3-1", NA)]),
        "5.3-4A": tested("R F (g)", "yes", NA, [("5.3-4A-1", NA), ("5.3-4A-2", NA)]),
        # N recommendation, justification accepted -> PASS
        "5.3-4B": ("R F (h)", "N", "yes", P, "justified", J),
        "5.3-5": tested("R F (g)", "yes", NA, [("5.3-5-1", NA)]),
        "5.3-6A": tested("R F (h)", "yes", NA, [("5.3-6A-1", NA), ("5.3-6A-2", NA)]),
        "5.3-6B": tested("R F (i)", "yes", NA, [("5.3-6B-1", NA), ("5.3-6B-2", NA)]),
        "5.3-7": tested("M F (g)", "yes", P, [("5.3-7-1", P)]),
        "5.3-8": tested("M C (12)", "yes", NA, [("5.3-8-1", NA)]),
        "5.3-9": tested("R F (g)", "yes", P, [("5.3-9-1", P), ("5.3-9-2", P)]),
        "5.3-10": tested("M F (j)", "yes", P, [("5.3-10-1", P)]),
        "5.3-11": tested("R C (12)", "yes", P, [("5.3-11-1", P)]),
        "5.3-12": tested("R C (12)", "yes", F, [("5.3-12-1", F)]),
        "5.3-13": tested("M", "yes", NA, [("5.3-13-1", NA), ("5.3-13-2", NA)]),
        "5.3-14": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-15A": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-15B": ("R C (3)", "N/A", "no", NAP, "not-applicable", J),
        "5.3-16": tested("M", "yes", P, [("5.3-16-1", P), ("5.3-16-2", P)]),
    }
    CLAUSE = F            # 5.3-12 FAIL outranks everything
    NOT_PLANNED = "5.3-4B-1"    # a recommendation marked N is not tested
    PARTY = "tl-rheintal"
    EVIDENCE = "ev-restart-warning"

    def test_the_fail_has_indications(self):
        verdict = [v for v in ET.parse(self.path).getroot().iter(D + "verdict")
                   if v.get("case") == "5.3-12-1"]
        self.assertEqual(len(verdict), 1)
        self.assertEqual((verdict[0].get("result"), verdict[0].get("by")),
                         ("FAIL", "tl-rheintal"))
        indications = [i.text for i in verdict[0].findall(D + "indication")]
        self.assertGreaterEqual(len(indications), 1)
        self.assertTrue(any("metering" in i for i in indications))

    def test_no_public_statement(self):
        header = ET.parse(self.path).getroot().find(D + "header")
        self.assertIsNone(header.find(D + "public-statement"))

    def test_fixed_warning_passes_on_retest(self):
        # a PASS replaces the FAIL: 5.3-12 PASS, nothing FAILs or is
        # INCONCLUSIVE any more, clause 5.3 NOT ASSESSED (5.3-1 ... open)
        copy = self.copy()
        before = len(list(ET.parse(copy).getroot().iter(D + "verdict")))
        v = self.record(copy, "5.3-12-1", "PASS", "--evidence", "ev-restart-warning")
        self.assertEqual(v.findall(D + "indication"), [])
        self.assertEqual(len(list(ET.parse(copy).getroot().iter(D + "verdict"))), before)
        self.expect_after(copy, {"5.3-12": (P, {"5.3-12-1": P})}, NA)

    def test_5_3_12_marked_n_would_leave_the_fail_unplanned(self):
        # the example's earlier form: 5.3-12 N with the 5.3-12-1 FAIL kept.
        # An N recommendation is not tested: 5.3-12-1 leaves the plan, the
        # verdict is reported as not planned, and 5.3-12 takes the outcome of
        # 5.0-1-1 (PASS), so the FAIL no longer counts and clause 5.3 is NOT
        # ASSESSED
        copy = self.copy()
        text = copy.read_text()
        self.assertEqual(text.count('<entry provision="5.3-12" support="Y">'), 1)
        copy.write_text(text.replace('<entry provision="5.3-12" support="Y">',
                                     '<entry provision="5.3-12" support="N">'))
        r = etsi("plan", "--format", "csv", copy)
        self.assertNotIn("5.3-12-1", [row["test_case"] for row in plan_rows(r.stdout)])
        r = etsi("check", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("warning[verdict-not-planned] 5.3-12-1:", r.stdout)
        self.assertEqual(self.outcomes(copy)["5.3-12"],
                         ("R C (12)", "N", "yes", P, "justified", self.J))
        self.assertEqual(self.clause(copy), NA)

    def test_a_recommendation_marked_n_has_no_verdict_of_its_own(self):
        verdicts = {v.get("case") for v in ET.parse(self.path).getroot().iter(D + "verdict")}
        self.assertFalse({c for c in verdicts if c.startswith("5.3-4B-")})
        self.assertIn("5.0-1-1", verdicts)


class HomeHub(unittest.TestCase):
    """home-hub-v3.xml: a dossier whose typed facts contradict its ICS.  It
    must give exactly the findings its README table lists (the planted
    contradictions a to g, one finding per contradicted claim) and the one
    open question (h), never more."""

    path = DOSSIERS / "home-hub-v3.xml"

    FINDINGS = [
        # (rule, provision, element, line of the fact)
        ("claim-verification-off-device", "5.3-2", "mech-zigbee", 195),   # a
        ("claim-verification-off-device", "5.3-9", "mech-zigbee", 195),
        ("claim-verification-off-device", "5.3-10", "mech-zigbee", 195),
        ("claim-verification-bypassed", "5.3-2", "comp-linux", 147),      # d
        ("claim-verification-bypassed", "5.3-9", "comp-linux", 147),
        ("claim-crypto-weak", "5.3-7", "mech-ota", 175),                  # b: RSA-1024
        ("claim-crypto-weak", "5.3-7", "mech-zigbee", 196),               # b: MD5
        ("claim-rollback-unprotected", "5.3-2", "mech-ota", 182),         # c
        ("claim-user-control-missing", "5.3-6A", "mech-ota", 184),        # g
        ("support-period-mismatch", "5.3-13", None, 230),                 # e
        ("claim-self-assessed-fail", "5.3-12", "5.3-12", 523),            # f
    ]

    def test_valid(self):
        lint = xmllint_schema("dossier.xsd", self.path)
        self.assertEqual(lint.returncode, 0, lint.stderr)

    def test_exactly_the_planted_contradictions(self):
        r = etsi("check", "--format", "json", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 1)
        findings = json.loads(r.stdout)
        # one finding a fact; each claim it contradicts is one of its places
        self.assertEqual([(f["rule"], r.get("reference"), f.get("element"), f.get("fact_line"))
                          for f in findings for r in f["records"]], self.FINDINGS)
        self.assertEqual(len(findings), 8)
        for f in findings:
            with self.subTest(rule=f["rule"], reference=f["reference"]):
                self.assertEqual(f["severity"], "error")
                self.assertEqual(f["line"], f["fact_line"])
                for r in f["records"]:
                    if f["rule"] != "support-period-mismatch":
                        self.assertEqual(r["claim"], f"ICS {r['reference']}: Y")
                self.assertTrue(f["fact"])

    def test_the_unknown_schedule_is_an_open_question(self):
        r = etsi("evaluate", "--format", "json", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        results = json.loads(r.stdout)
        self.assertEqual([(q["fact"], q["provisions"], q["line"])
                          for q in results["open_questions"]],
                         [("mechanism 'mech-integrations' update-check", "5.3-5", 207)])
        self.assertEqual([c["id"] for c in results["plan"] if c.get("at-risk")], ["5.3-5-1"])
        self.assertFalse(results["summary"]["ready"])

    def test_gate_is_not_ready(self):
        r = etsi("gate", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("NOT READY", r.stdout)
        self.assertIn("open questions (1):", r.stdout)


if __name__ == "__main__":
    unittest.main()
