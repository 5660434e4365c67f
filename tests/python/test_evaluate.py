"""Checking and evaluating from Python: the findings of the rule fixtures,
the plan, outcomes, gate and summary of the examples, all compared with what
the etsi command prints for the same files; Results.write() in every part
and format; storing the plan."""
import csv
import datetime
import io
import json
import re
import unittest
import xml.etree.ElementTree as ET

from support import (CAMERA, EXAMPLES_AS_OF, PLUG, RULES, RULES_AS_OF, SENSOR, DATA,
                     TempDirTestCase, cli_json, etsi, example_paths, run_cli)

FIXTURES = sorted(RULES.glob("*/*.xml"))
EXPECT = re.compile(r"\n  expect: (.*?)\n(?:  \S|\n)", re.S)


def expected_rules(path):
    """The "expect:" line of a rule fixture's comment (it may wrap):
    {(rule, waived)}."""
    text = " ".join(EXPECT.search(path.read_text(encoding="utf-8")).group(1).split())
    if text == "none":
        return set()
    return {(item.replace("(waived)", "").strip(), item.endswith("(waived)"))
            for item in (part.strip() for part in text.split(","))}


def as_text(value):
    """A JSON value as libetsi's records spell it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class ChecksTest(unittest.TestCase):
    def test_rule_fixture(self):
        path = RULES / "ics-support-missing" / "fail.xml"
        findings = etsi.load(path, validate=False).check(as_of=RULES_AS_OF)
        self.assertEqual(len(findings), 1)
        f = findings[0]
        self.assertEqual((f.rule, f.severity, f.reference, f.waived, f.waiver),
                         ("ics-support-missing", "error", "5.3-12", False, None))
        text = path.read_text(encoding="utf-8").splitlines()
        self.assertIn('provision="5.3-12"', text[f.line - 1])
        self.assertEqual(f.message, "the ICS entry for 5.3-12 states no support")
        self.assertEqual(f.hint, "set support to Y, N or N/A and write the detail")
        self.assertEqual(f.file, str(path))
        self.assertEqual(str(f), f"{path}:{f.line}: error[ics-support-missing] 5.3-12: "
                                 "the ICS entry for 5.3-12 states no support")
        self.assertEqual(findings.errors, [f])
        self.assertEqual((findings.warnings, findings.infos, findings.waived), ([], [], []))
        self.assertEqual(findings.count_severity("error"), 1)
        self.assertEqual(etsi.rule(f.rule).severity, f.severity)
        # the repaired fixture is clean
        self.assertEqual(etsi.load(RULES / "ics-support-missing" / "pass.xml").check(
            as_of=RULES_AS_OF), [])

    def test_every_fixture_fires_its_rules(self):
        self.assertGreater(len(FIXTURES), 80)
        for path in FIXTURES:
            with self.subTest(path.relative_to(RULES).as_posix()):
                findings = etsi.load(path, validate=False).check(as_of=RULES_AS_OF)
                got = {(f.rule, f.waived) for f in findings}
                self.assertEqual(got, expected_rules(path))

    def test_findings_same_as_cli_json(self):
        keys = ("rule", "severity", "line", "element", "reference", "message", "hint",
                "waived", "waiver", "file")
        for path in FIXTURES[::3] + [CAMERA]:
            with self.subTest(path.name):
                expected = cli_json("check", "--format", "json", "--as-of", RULES_AS_OF, path,
                                    statuses=(0, 1))
                findings = etsi.load(path, validate=False).check(as_of=RULES_AS_OF)
                got = [{k: getattr(f, k) for k in keys} for f in findings]
                want = [{k: e.get(k, 0 if k == "line" else None) for k in keys} for e in expected]
                self.assertEqual(got, want)

    def test_waived(self):
        path = RULES / "waiver-unused" / "pass.xml"
        findings = etsi.load(path).check(as_of=RULES_AS_OF)
        self.assertEqual(len(findings), 1)
        self.assertTrue(findings[0].waived)
        self.assertEqual(findings[0].waiver, "wv-conf-5.3-8")
        self.assertEqual(findings.errors, [])
        self.assertEqual(findings.waived, list(findings))
        self.assertEqual(findings.count_severity("error"), 0)
        self.assertTrue(str(findings[0]).endswith("(waived by wv-conf-5.3-8)"))

    def test_as_of(self):
        path = RULES / "artifact-expired" / "fail.xml"
        d = etsi.load(path)
        self.assertEqual([f.rule for f in d.check(as_of="2026-06-01")], ["artifact-expired"])
        self.assertEqual(d.check(as_of=datetime.date(2026, 5, 1)), [])
        with self.assertRaises(etsi.InvalidError):
            d.check(as_of="June 1st")
        with self.assertRaises(etsi.InvalidError):
            d.evaluate(as_of="2026-13-01")

    def test_schema_errors_come_first(self):
        d = etsi.load(DATA / "schema-invalid" / "bad-enum.xml", validate=False)
        findings = d.check(as_of=RULES_AS_OF)
        rules = [f.rule for f in findings]
        # the schema errors first, then what the rules find on the rest
        self.assertIn(("schema", 30), [(f.rule, f.line) for f in findings])
        self.assertEqual(rules[:rules.count("schema")], ["schema"] * rules.count("schema"))
        self.assertGreater(len(set(rules)), 1)
        results = d.evaluate(as_of=RULES_AS_OF)
        self.assertEqual(results.findings, findings)
        # its one ICS entry is the invalid one: nothing to plan
        self.assertEqual(results.plan, [])
        self.assertFalse(results.ready)

    def test_rules(self):
        rules = etsi.rules()
        self.assertEqual(rules[0].id, "schema")
        self.assertEqual(len({r.id for r in rules}), len(rules))
        for r in rules:
            self.assertIn(r.severity, ("error", "warning", "info"))
            self.assertIn(r.step, ("scope", "ics", "mechanisms", "procedures", "user-info",
                                   "handoff", "all"))
            self.assertTrue(r.summary and r.hint)
        self.assertIsNone(etsi.rule("no-such-rule"))
        self.assertEqual(etsi.rule("evidence-missing").layer, "evidence")
        listed = re.findall(r"^(\S+)\s+(error|warning|info)\s", run_cli("rules", check=True)
                            .stdout, re.M)
        self.assertEqual(listed, [(r.id, r.severity) for r in rules])


class ResultsTest(unittest.TestCase):
    """The examples' results agree with `etsi evaluate --format json`."""

    def assertRecordMatches(self, record, obj):
        for key, value in obj.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                children = [c for c in record.children if c.kind == key]
                self.assertEqual(len(children), len(value), key)
                for child, child_obj in zip(children, value):
                    self.assertRecordMatches(child, child_obj)
            elif isinstance(value, list):
                self.assertEqual(record.values(key), [as_text(v) for v in value], key)
            else:
                self.assertEqual(record[key], as_text(value), key)
        for name in record:  # nothing in the record that the JSON leaves out
            self.assertTrue(name in obj or record[name] == "", name)

    def test_examples_same_as_cli(self):
        for path in example_paths():
            with self.subTest(path.name):
                expected = cli_json("evaluate", "--format", "json", "--as-of", EXAMPLES_AS_OF,
                                    path)
                results = etsi.load(path, validate=False).evaluate(as_of=EXAMPLES_AS_OF)
                self.assertEqual(results.overall, expected["summary"]["overall"])
                self.assertEqual(results.ready, expected["summary"]["ready"])
                self.assertRecordMatches(results.summary, expected["summary"])
                for part, records in (("plan", results.plan), ("outcomes", results.outcomes),
                                      ("gate", results.gate)):
                    self.assertEqual(len(records), len(expected[part]), part)
                    for record, obj in zip(records, expected[part]):
                        self.assertRecordMatches(record, obj)
                self.assertEqual(len(results.findings), len(expected["findings"]))
                self.assertEqual(json.loads(results.write("all", "json")), expected)

    def test_hand_worked_facts(self):
        # examples/dossiers/README.md: planned cases, verdicts, outcome, gate
        table = {CAMERA: (26, 10, "INCONCLUSIVE"), SENSOR: (9, 9, "PASS"),
                 PLUG: (24, 11, "FAIL")}
        for path, (planned, verdicts, overall) in table.items():
            with self.subTest(path.name):
                d = etsi.load(path)
                results = d.evaluate(as_of=EXAMPLES_AS_OF)
                self.assertEqual(len(results.plan), planned)
                self.assertEqual(len(d.verdicts), verdicts)
                self.assertEqual(results.overall, overall)
                self.assertEqual(results.summary["overall"], overall)
                self.assertTrue(results.ready)
                # the plug waives the laboratory's FAIL under its 5.3-12 Y
                self.assertEqual([f.rule for f in results.findings if not f.waived], [])
                self.assertEqual([f.rule for f in results.findings],
                                 ["claim-laboratory-fail"] if path == PLUG else [])
                self.assertEqual([s.key for s in results.gate],
                                 ["scope", "ics", "mechanisms", "procedures", "user-info",
                                  "handoff"])
                self.assertTrue(all(s["status"] == "complete" for s in results.gate))

    def test_plan_records(self):
        results = etsi.load(CAMERA).evaluate(as_of=EXAMPLES_AS_OF)
        case = results.find("planned-case", "5.0-1-1")
        self.assertEqual(case["disposition"], "justification")
        dispositions = {c["disposition"] for c in results.plan}
        self.assertEqual(dispositions, {"test", "justification"})
        for c in results.plan:
            self.assertEqual({i.kind for i in c.children} - {"planned-input"}, set())
        self.assertIsNone(results.find("planned-case", "5.3-99-1"))

    def test_outcome_records(self):
        results = etsi.load(PLUG).evaluate(as_of=EXAMPLES_AS_OF)
        failed = [o for o in results.outcomes if o["outcome"] == "FAIL"]
        self.assertEqual(len(failed), 1)
        self.assertIn("FAIL", [c["outcome"] for c in failed[0].children])

    def test_gate_exit_status(self):
        for path in (CAMERA, RULES / "evidence-missing" / "fail.xml"):
            with self.subTest(path.name):
                results = etsi.load(path, validate=False).evaluate(as_of=RULES_AS_OF)
                proc = run_cli("gate", "--as-of", RULES_AS_OF, path)
                self.assertEqual(proc.returncode, 0 if results.ready else 1)
        blocked = etsi.load(RULES / "evidence-missing" / "fail.xml").evaluate(as_of=RULES_AS_OF)
        self.assertFalse(blocked.ready)
        step = blocked.find("gate-step", "handoff")
        self.assertEqual(step["status"], "blocked")
        self.assertIn("evidence-missing", [b["rule"] for b in step.children])

    def test_repr_and_closing(self):
        with etsi.load(SENSOR).evaluate(as_of=EXAMPLES_AS_OF) as results:
            self.assertEqual(repr(results), "<etsi.Results PASS, ready, 0 findings>")
            plan = results.plan
        self.assertEqual(repr(results), "<etsi.Results (closed)>")
        with self.assertRaises(ValueError):
            results.overall
        with self.assertRaises(ValueError):
            plan[0]["id"]

    def test_independent_of_the_dossier(self):
        d = etsi.load(CAMERA)
        results = d.evaluate(as_of=EXAMPLES_AS_OF)
        d.close()
        del d
        self.assertEqual(results.overall, "INCONCLUSIVE")
        self.assertEqual(len(results.plan), 26)


class WriteTest(TempDirTestCase):
    PARTS = {"findings": ("text", "json"), "plan": ("text", "csv", "xml"),
             "outcomes": ("text", "csv"), "gate": ("text", "json"), "all": ("xml", "json")}
    COMMANDS = {"findings": "check", "plan": "plan", "outcomes": "outcomes", "gate": "gate",
                "all": "evaluate"}

    def test_every_part_and_format_same_as_cli(self):
        results = etsi.load(CAMERA, validate=False).evaluate(as_of=EXAMPLES_AS_OF)
        for part, formats in self.PARTS.items():
            for fmt in formats:
                with self.subTest(part=part, format=fmt):
                    text = results.write(part, fmt)
                    proc = run_cli(self.COMMANDS[part], "--format", fmt, "--as-of",
                                   EXAMPLES_AS_OF, CAMERA)
                    self.assertEqual(text, proc.stdout)

    def test_formats_parse(self):
        results = etsi.load(PLUG).evaluate(as_of=EXAMPLES_AS_OF)
        self.assertEqual(results.write(), results.write("all", "json"))
        json.loads(results.write("gate", "json"))
        root = ET.fromstring(results.write("all", "xml").encode("utf-8"))
        self.assertEqual(root.tag.split("}")[0], "{urn:libetsi:results:1")
        plan = ET.fromstring(results.write("plan", "xml").encode("utf-8"))
        self.assertEqual(plan.tag, "{urn:libetsi:dossier:1}test-plan")
        rows = list(csv.reader(io.StringIO(results.write("plan", "csv"))))
        self.assertEqual(len(rows) - 1, len(results.plan))
        rows = list(csv.reader(io.StringIO(results.write("outcomes", "csv"))))
        self.assertGreater(len(rows), len(results.outcomes))

    def test_deterministic(self):
        a = etsi.load(CAMERA).evaluate(as_of=EXAMPLES_AS_OF).write("all", "xml")
        b = etsi.load(CAMERA).evaluate(as_of=EXAMPLES_AS_OF).write("all", "xml")
        self.assertEqual(a, b)

    def test_unknown_part_or_format(self):
        results = etsi.load(CAMERA).evaluate(as_of=EXAMPLES_AS_OF)
        with self.assertRaises(etsi.InvalidError):
            results.write("plan", "json")
        with self.assertRaises(etsi.InvalidError):
            results.write("everything", "json")

    def test_store_plan_same_as_cli(self):
        path = self.copy(CAMERA)
        run_cli("plan", "--store", "--as-of", EXAMPLES_AS_OF, path, check=True)
        d = etsi.load(CAMERA)
        results = d.evaluate(as_of=EXAMPLES_AS_OF)
        d.store_plan(results, datetime.date.fromisoformat(EXAMPLES_AS_OF))
        self.assertEqual(d.to_xml(), path.read_text(encoding="utf-8"))
        stored = d.records("plan-case")
        self.assertEqual([c.key for c in stored], [c.key for c in results.plan])
        self.assertEqual([len(c.children) for c in stored],
                         [len(c.children) for c in results.plan])
        self.assertEqual(d.validate(), [])
        with self.assertRaises(etsi.InvalidError):
            d.store_plan(results, "yesterday")
        with self.assertRaises(TypeError):
            d.store_plan(results.plan)


if __name__ == "__main__":
    unittest.main()
