"""An invalid dossier is checked all the same, like a compiler goes on after
its first error: 'etsi check' reports the schema errors and every finding the
rules can compute on the rest of the document; the records with schema errors
are skipped and a finding says how many; 'plan', 'outcomes' and 'gate' print
what they can and exit 1.

The many-problems dossier is built here from the rule fixtures' own edits
(tests/data/rules/make_fixtures.py): the baseline with a layer slip, a schema
error and twenty other fixtures' changes at once.
"""
import importlib.util
import json
import os
import pathlib
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
RULES_DIR = SOURCE / "tests" / "data" / "rules"
AS_OF = "2026-06-01"

# one fail fixture per rule, each an independent problem of the v3 baseline
PROBLEMS = [
    ("layer-mixing", "fail.xml"),
    ("schema", "fail-unknown-provision.xml"),
    ("dut-identification-missing", "fail.xml"),
    ("dut-constraint-unstated", "fail.xml"),
    ("boundary-updateability-undecided", "fail.xml"),
    ("boundary-mechanism-unused", "fail.xml"),
    ("ics-detail-missing", "fail.xml"),
    ("ics-justification-missing", "fail.xml"),
    ("ics-needs-review", "fail.xml"),
    ("evidence-draft", "fail.xml"),
    ("evidence-needs-review", "fail.xml"),
    ("evidence-release-mismatch", "fail.xml"),
    ("artifact-digest-missing", "fail.xml"),
    ("artifact-expired", "fail.xml"),
    ("verdict-indication-missing", "fail.xml"),
    ("verdict-not-by-laboratory", "fail.xml"),
    ("waiver-unknown-rule", "fail.xml"),
    ("waiver-expired", "fail.xml"),
    ("waiver-unused", "fail.xml"),
    ("claim-key-writable", "fail.xml"),
    ("support-period-unstated", "fail.xml"),
    ("boundary-contradiction", "fail.xml"),
    ("ixit-row-missing", "fail.xml"),
    ("mechanism-trust-missing", "fail.xml"),
    ("claim-rollback-unprotected", "fail.xml"),
    ("claim-notice-missing", "fail.xml"),
    ("evidence-category-unfit", "fail.xml"),
    ("ics-support-missing", "fail.xml"),
]


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=60)


def load_fixture_script():
    spec = importlib.util.spec_from_file_location("make_fixtures",
                                                  RULES_DIR / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ManyProblems(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        script = load_fixture_script()
        by_name = {(f[0], f[1]): f for f in script.FIXTURES}
        text = (RULES_DIR / "baseline-v3.xml").read_text()
        cls.applied = []
        for key in PROBLEMS:
            edits = by_name[key][4]
            if by_name[key][5] != "v3" or any(text.count(old) != 1 for old, _ in edits):
                continue
            for old, new in edits:
                text = text.replace(old, new)
            cls.applied.append(key[0])
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = pathlib.Path(cls.tmp.name) / "many-problems.xml"
        cls.path.write_text(text)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_dossier_has_a_layer_slip_and_twenty_other_problems(self):
        self.assertIn("layer-mixing", self.applied)
        self.assertIn("schema", self.applied)
        self.assertGreaterEqual(len(self.applied), 21, self.applied)

    def test_one_check_reports_all_of_them(self):
        r = etsi("check", "--format", "json", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 1, r.stderr)
        got = {f["rule"] for f in json.loads(r.stdout)}
        self.assertEqual(set(self.applied) - got, set())

    def test_text_output_reports_all_of_them_too(self):
        r = etsi("check", "--as-of", AS_OF, self.path)
        for rule in self.applied:
            self.assertIn(f"[{rule}]", r.stdout)

    def test_gate_exits_1_with_the_full_list(self):
        r = etsi("gate", "--as-of", AS_OF, self.path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("NOT READY", r.stdout)
        for rule in ("layer-mixing", "schema", "dut-identification-missing"):
            self.assertIn(f"[{rule}]", r.stdout + r.stderr)

    def test_plan_and_outcomes_print_what_they_can(self):
        for command in ("plan", "outcomes"):
            with self.subTest(command=command):
                r = etsi(command, "--as-of", AS_OF, self.path)
                self.assertEqual(r.returncode, 1)
                self.assertIn("5.3-2-1", r.stdout)
                self.assertIn("[layer-mixing]", r.stderr)

    def test_an_invalid_plan_is_not_stored(self):
        copy = pathlib.Path(self.tmp.name) / "store.xml"
        copy.write_text(self.path.read_text())
        r = etsi("plan", "--store", "--as-of", AS_OF, copy)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(copy.read_text(), self.path.read_text())
        self.assertIn("not stored", r.stderr)


class SkippedRecords(unittest.TestCase):
    def test_the_skipped_records_are_counted(self):
        path = RULES_DIR / "layer-mixing" / "fail-verdict-provision.xml"
        r = etsi("check", "--format", "json", "--as-of", AS_OF, path)
        messages = [f["message"] for f in json.loads(r.stdout) if f["rule"] == "schema"]
        self.assertIn("1 record skipped because of schema errors: the rules did not check it",
                      messages)

    def test_each_invalid_fixture_gets_more_than_its_schema_errors(self):
        for path in sorted((SOURCE / "tests" / "data" / "schema-invalid").glob("*.xml")):
            with self.subTest(fixture=path.name):
                r = etsi("check", "--format", "json", "--as-of", AS_OF, path)
                self.assertIn(r.returncode, (1, 2), r.stderr)
                if r.returncode == 2:
                    continue
                rules = {f["rule"] for f in json.loads(r.stdout)}
                if path.name in ("missing-header.xml", "wrong-namespace.xml"):
                    continue
                self.assertIn("schema", rules)
                self.assertGreater(len(rules), 1, path.name)


class ValidateSaysWhatIsWrong(unittest.TestCase):
    def test_domain_message_instead_of_the_raw_pattern(self):
        path = RULES_DIR / "layer-mixing" / "fail.xml"
        r = etsi("validate", path)
        self.assertEqual(r.returncode, 1)
        out = r.stdout + r.stderr
        self.assertIn("names the TS 103 701 IXIT table 7-UpdMech; it takes an EN 303 645 "
                      "provision such as 5.3-2", out)
        self.assertNotIn("[facet 'pattern']", out)

    def test_a_raw_pattern_error_without_a_domain_message_stays(self):
        path = SOURCE / "tests" / "data" / "schema-invalid" / "id-starts-with-digit.xml"
        r = etsi("validate", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("[facet 'pattern']", r.stdout + r.stderr)


# every rule is safe on missing values now
NOT_YET_NULL_SAFE: set = set()


class MissingValues(unittest.TestCase):
    """The rules run on invalid dossiers now: a required attribute may be
    missing anywhere, and no output may print a missing value as (null)."""

    def test_no_output_prints_a_missing_value(self):
        import re
        base = (RULES_DIR / "baseline-v3.xml").read_text()
        names = sorted(set(re.findall(r' ([a-z-]+)="', base)) - {"schema-version", "xmlns"})
        with tempfile.TemporaryDirectory() as tmp:
            for attr in names:
                path = pathlib.Path(tmp) / f"no-{attr}.xml"
                path.write_text(re.sub(r' %s="[^"]*"' % re.escape(attr), "", base))
                for command in ("check", "plan", "outcomes", "gate"):
                    with self.subTest(attribute=attr, command=command):
                        r = etsi(command, "--as-of", AS_OF, path)
                        self.assertIn(r.returncode, (0, 1), r.stderr)
                        lines = [line for line in (r.stdout + r.stderr).splitlines()
                                 if "(null)" in line and
                                 not any(f"[{rule}]" in line for rule in NOT_YET_NULL_SAFE)]
                        self.assertEqual(lines, [])


if __name__ == "__main__":
    unittest.main()
