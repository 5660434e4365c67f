"""Tests of `etsi export` and `etsi import` (GRC interchange, docs/interchange.md):
the JSON form and its round trip in canonical XML, its JSON Schema, OSCAL
assessment results checked against NIST's schemas, the ICS spreadsheet and
SBOM imports, and that a refused import writes nothing.

External checkers:
- xmllint (libxml2-utils): canonical forms and the OSCAL XSD;
- ajv-cli from npm (`npm ci --prefix tests/json`, scripts/install-deps.sh
  does it): the JSON Schemas.  Without it those tests are skipped by name;
  with ETSI_REQUIRE_JSON_TOOLS=1 (or ETSI_REQUIRE_HTML_TOOLS=1, which
  scripts/test.sh sets once install-deps.sh has run) they fail instead.

The OSCAL schemas and the published SBOM samples are read in place from
../shared/data (ETSI_SHARED_DATA), never copied; where they are absent the
tests that need them are skipped, by name.
"""
import csv as csvlib
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DATA = pathlib.Path(os.environ.get("ETSI_TEST_DATA", SOURCE / "tests" / "data"))
SHARED = pathlib.Path(os.environ.get("ETSI_SHARED_DATA") or SOURCE.parent / "shared" / "data")
EXAMPLES = sorted((SOURCE / "examples" / "dossiers").glob("*.xml"))
INTERCHANGE = DATA / "interchange"
# every typed product fact at least once (mechanisms, components, support
# period, self-assessment, a git-pinned artifact)
FACTS = INTERCHANGE / "facts-full.xml"
# dossiers whose evaluation has error and warning findings, one naming no
# provision
FINDINGS = [DATA / "rules" / "ics-na-contradicts-facts" / "fail.xml",
            DATA / "rules" / "dut-identification-missing" / "fail.xml"]
SCHEMA = SOURCE / "xsd" / "dossier.schema.json"
XMLLINT = shutil.which("xmllint")
NODE = shutil.which("node")
AJV = SOURCE / "tests" / "json" / "node_modules" / "ajv-cli" / "dist" / "index.js"
REQUIRE_TOOLS = (os.environ.get("ETSI_REQUIRE_JSON_TOOLS") == "1" or
                 os.environ.get("ETSI_REQUIRE_HTML_TOOLS") == "1")

OSCAL_XSD = SHARED / "oscal" / "oscal_assessment-results_schema.xsd"
OSCAL_JSON_121 = SHARED / "oscal" / "oscal_assessment-results_schema.json"
OSCAL_JSON_112 = SHARED / "oscal" / "v1.1.2" / "oscal_assessment-results_schema.json"
# the other OSCAL models, 1.2.1 only (no 1.1.2 copy is at hand)
OSCAL_AP_XSD = SHARED / "oscal" / "oscal_assessment-plan_schema.xsd"
OSCAL_AP_JSON = SHARED / "oscal" / "oscal_assessment-plan_schema.json"
OSCAL_MODELS = {m: (SHARED / "oscal" / f"oscal_{m}_schema.json",
                    SHARED / "oscal" / f"oscal_{m}_schema.xsd") for m in ("catalog", "profile")}
# the generated catalogs and profiles, kept in the tree
OSCAL_DIR = SOURCE / "oscal"
SBOMS = [
    ("cyclonedx", "sbom/cyclonedx/hbom-pcie-sata-adapter-board.cdx-1.4.json", 0),
    ("cyclonedx", "sbom/cyclonedx/laravel-7.12.0.cdx-1.4.xml", 63),
    ("cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.5.xml", 4),
    ("cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.6.json", 4),
    ("cyclonedx", "sbom/cyclonedx/valid-bom.cdx-1.6.xml", 4),
    ("spdx", "sbom/spdx/ACME-v2.3.spdx.json", 4),
    ("spdx", "sbom/spdx/SPDXJSONExample-v2.3.spdx.json", 4),
    ("spdx", "sbom/spdx/example11-rust-hello-server.spdx-2.3.json", 4),
]


def etsi(*args, cwd=None, stdin=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          input=stdin, timeout=300)


def c14n(path, exclusive=False):
    """The canonical form (with comments) of a file as libetsi reads it:
    white space between elements dropped."""
    r = subprocess.run([XMLLINT, "--noblanks", "--nonet",
                        "--exc-c14n" if exclusive else "--c14n", str(path)],
                       capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-interchange-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def need(self, condition, what):
        if condition:
            return
        if REQUIRE_TOOLS and "ajv" in what:
            self.fail(f"{what} is missing, and the tools are required here")
        self.skipTest(f"{self.id().rsplit('.', 1)[-1]}: {what} is missing")

    def need_shared(self, *paths):
        for path in paths:
            if not path.is_file():
                self.skipTest(f"{self.id().rsplit('.', 1)[-1]}: {path.relative_to(SHARED)} is "
                              f"not in {SHARED}")

    def ajv(self, schema, files):
        """Validates files against a draft-07 JSON Schema with ajv-cli;
        returns (ok, output)."""
        self.need(NODE and AJV.is_file(), "ajv-cli (npm ci --prefix tests/json)")
        args = [NODE, str(AJV), "validate", "--spec=draft7", "--strict=false", "-c", "ajv-formats",
                "--all-errors", "-s", str(schema)]
        for f in files:
            args += ["-d", str(f)]
        r = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           cwd=SOURCE / "tests" / "json")
        return r.returncode == 0, r.stdout + r.stderr

    def copy(self, path, name=None):
        target = self.tmp / (name or pathlib.Path(path).name)
        shutil.copyfile(path, target)
        return target


# ---- help and usage ------------------------------------------------------------

class Usage(unittest.TestCase):
    def test_help(self):
        for command in ("export", "import"):
            with self.subTest(command):
                a, b = etsi(command, "--help"), etsi("help", command)
                self.assertEqual(a.returncode, 0)
                self.assertEqual(a.stdout, b.stdout)
                self.assertIn(f"usage: etsi {command}", a.stdout)
                self.assertIn("Exit status", a.stdout)
        r = etsi("--help")
        self.assertRegex(r.stdout, r"\n  export ")
        self.assertRegex(r.stdout, r"\n  import ")

    def test_usage_errors(self):
        cases = [
            (("export",), "give exactly one dossier"),
            (("export", EXAMPLES[0], "--format", "yaml"), "--format: 'yaml' is not valid; valid values: json"),
            (("export", EXAMPLES[0], "--as-of", "soon"), "--as-of takes a date"),
            (("import", "x.json"), "--from is required"),
            (("import", "--from", "xlsx", "x"), "--from: 'xlsx' is not valid; valid values: json, ics-csv, cyclonedx"),
            (("import", "--from", "cyclonedx", "x.json"), "give --into FILE"),
            (("import", "--from", "ics-csv", "x.csv"), "give --edition, --model and --release"),
            (("import", "--from", "json", "x.json", "--into", EXAMPLES[0]), "--into is for"),
            (("import", "--from", "json"), "give exactly one input file"),
            (("import", "--from", "json", "x", "--max-size", "-3"), "--max-size takes a positive"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                r = etsi(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(message, r.stderr)

    def test_missing_input(self):
        r = etsi("import", "--from", "json", "/nonexistent/x.json")
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot open", r.stderr)


# ---- the JSON form ---------------------------------------------------------------

class JsonForm(TempDirTest):
    def round_trip(self, source):
        json_file = self.tmp / (source.stem + ".json")
        back = self.tmp / (source.stem + ".back.xml")
        r = etsi("export", source, "--format", "json", "-o", json_file)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = etsi("import", "--from", "json", json_file, "-o", back)
        self.assertEqual(r.returncode, 0, r.stderr)
        for exclusive in (False, True):
            self.assertEqual(c14n(source, exclusive), c14n(back, exclusive),
                             f"{source.name}: canonical forms differ")
        # and once more: the JSON of the imported dossier is the same JSON
        again = etsi("export", back)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(again.stdout, json_file.read_text(encoding="utf-8"))
        return json_file

    def test_round_trip_examples_and_edges(self):
        self.need(XMLLINT, "xmllint")
        for source in EXAMPLES + [INTERCHANGE / "json-edges.xml", FACTS]:
            with self.subTest(source.name):
                self.round_trip(source)

    def test_stdout_and_stdin(self):
        r = etsi("export", EXAMPLES[0])
        self.assertEqual(r.returncode, 0)
        doc = json.loads(r.stdout)
        self.assertEqual(doc["format"], "urn:libetsi:dossier-json:1")
        self.assertIn("header", doc["dossier"])
        back = etsi("import", "--from", "json", "-", stdin=r.stdout)
        self.assertEqual(back.returncode, 0, back.stderr)
        self.assertTrue(back.stdout.startswith("<?xml"))

    def test_deterministic(self):
        a, b = etsi("export", EXAMPLES[1]), etsi("export", EXAMPLES[1])
        self.assertEqual(a.stdout, b.stdout)

    def test_schema_is_generated_from_the_xsd(self):
        r = subprocess.run([sys.executable, str(SOURCE / "tests" / "json" / "make_dossier_schema.py"),
                            "--check"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_exports_follow_the_json_schema(self):
        sources = list(EXAMPLES) + sorted((DATA / "valid").glob("*.xml")) + \
            sorted(DATA.glob("rules/**/*.xml")) + [INTERCHANGE / "json-edges.xml", FACTS]
        files = []
        for i, source in enumerate(sources):
            out = self.tmp / f"{i:03d}-{source.stem}.json"
            r = etsi("export", source, "-o", out)
            if r.returncode == 0:
                files.append(out)
            else:
                self.assertEqual(r.returncode, 1, r.stderr)  # an invalid fixture
        self.assertGreater(len(files), 80)
        ok, output = self.ajv(SCHEMA, files)
        self.assertTrue(ok, output[-3000:])
        # and the schema is not a rubber stamp
        doc = json.loads(files[0].read_text(encoding="utf-8"))
        doc["dossier"]["dut"]["colour"] = "red"
        doc["dossier"]["update-boundary"]["component"][0]["kind"] = "gadget"
        bad = self.tmp / "bad.json"
        bad.write_text(json.dumps(doc), encoding="utf-8")
        ok, output = self.ajv(SCHEMA, [bad])
        self.assertFalse(ok, output)
        # nor for the typed facts
        doc = json.loads(etsi("export", FACTS).stdout)
        ok, output = self.ajv(SCHEMA, [self.write_json("facts.json", doc)])
        self.assertTrue(ok, output[-3000:])
        for path, value in ((("update-boundary", "mechanism", 0, "verification", "where"), "sometimes"),
                            (("update-boundary", "mechanism", 0, "crypto", 0, "use"), "checksum"),
                            (("update-boundary", "component", 2, "other-install-path", 0, "kind"),
                             "jtag"),
                            (("self-assessment", "result", 0, "outcome"), "pass"),
                            # durations and bounded numbers, as the XSD takes them
                            (("update-boundary", "mechanism", 0, "update-check", "period"),
                             "5 years"),
                            (("update-boundary", "mechanism", 0, "update-check", "period"), "PT"),
                            (("update-boundary", "mechanism", 0, "crypto", 0, "key-bits"), "0"),
                            (("update-boundary", "mechanism", 0, "crypto", 0, "key-bits"),
                             "65537")):
            with self.subTest(path=path):
                broken = json.loads(json.dumps(doc))
                target = broken["dossier"]
                for step in path[:-1]:
                    target = target[step]
                target[path[-1]] = value
                ok, output = self.ajv(SCHEMA, [self.write_json("bad-fact.json", broken)])
                self.assertFalse(ok, output)
                self.assertIn("/" + "/".join(map(str, path)), output)

    def write_json(self, name, doc):
        path = self.tmp / name
        path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
        return path

    def test_bad_facts_write_nothing(self):
        """A fact's value the schema refuses, in the JSON form: refused at its
        JSON pointer, and no output written (nor an existing one changed)."""
        doc = json.loads(etsi("export", FACTS).stdout)
        out = self.tmp / "out.xml"
        cases = [
            (("update-boundary", "mechanism", 0, "verification", "where"), "sometimes",
             "/dossier/update-boundary/mechanism/0/verification: Element 'verification', "
             "attribute 'where': [facet 'enumeration'] The value 'sometimes'"),
            (("ixit", "user-info", "support-period", "duration"), "5 years",
             "/dossier/ixit/user-info/support-period: Element 'support-period', attribute "
             "'duration': '5 years' is not a valid value of the atomic type 'xs:duration'"),
            (("update-boundary", "mechanism", 0, "update-check", "period"), "daily",
             "/dossier/update-boundary/mechanism/0/update-check: Element 'update-check', "
             "attribute 'period'"),
            (("update-boundary", "mechanism", 0, "crypto", 1, "use"), "checksum",
             "/dossier/update-boundary/mechanism/0/crypto/1: Element 'crypto', attribute 'use'"),
            (("update-boundary", "component", 1, "boot-verification", "verified"), "maybe",
             "/dossier/update-boundary/component/1/boot-verification:"),
            (("self-assessment", "result", 2, "outcome"), "failed",
             "/dossier/self-assessment/result/2: Element 'result', attribute 'outcome'"),
        ]
        for path, value, message in cases:
            with self.subTest(path=path):
                broken = json.loads(json.dumps(doc))
                target = broken["dossier"]
                for step in path[:-1]:
                    target = target[step]
                target[path[-1]] = value
                bad = self.write_json("bad.json", broken)
                r = etsi("import", "--from", "json", bad, "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(f"bad.json: error: {message}", r.stderr)
                self.assertFalse(out.exists())
                kept = self.tmp / "kept.xml"
                kept.write_text("kept\n", encoding="utf-8")
                r = etsi("import", "--from", "json", bad, "-o", kept, "--force")
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(kept.read_text(encoding="utf-8"), "kept\n")

    def test_bad_json_writes_nothing(self):
        good = json.loads(etsi("export", EXAMPLES[0]).stdout)
        out = self.tmp / "out.xml"
        cases = [
            ("{\n  \"format\": \"urn:libetsi:dossier-json:1\",\n  \"dossier\": [}\n", 1,
             "bad.json:3: error: not valid JSON"),
            (json.dumps({"format": "urn:other", "dossier": {}}), 1, "is not a format this libetsi"),
        ]
        broken = json.loads(json.dumps(good))
        broken["dossier"]["update-boundary"]["component"][1]["kind"] = "gadget"
        cases.append((json.dumps(broken), 1, "/dossier/update-boundary/component/1: Element "
                      "'component', attribute 'kind'"))
        broken = json.loads(json.dumps(good))
        broken["dossier"]["header"]["parties"]["party"][0]["fax"] = "+44"
        cases.append((json.dumps(broken), 1, "/dossier/header/parties/party/0/fax: 'fax' is not"))
        for text, status, message in cases:
            with self.subTest(message):
                bad = self.tmp / "bad.json"
                bad.write_text(text, encoding="utf-8")
                r = etsi("import", "--from", "json", bad, "-o", out)
                self.assertEqual(r.returncode, status, r.stderr)
                self.assertIn(message, r.stderr)
                self.assertFalse(out.exists())
                kept = self.tmp / "kept.xml"
                kept.write_text("kept\n", encoding="utf-8")
                r = etsi("import", "--from", "json", bad, "-o", kept, "--force")
                self.assertEqual(r.returncode, status, r.stderr)
                self.assertEqual(kept.read_text(encoding="utf-8"), "kept\n")

    def test_limits(self):
        json_file = self.tmp / "camera.json"
        etsi("export", EXAMPLES[0], "-o", json_file)
        r = etsi("import", "--from", "json", json_file, "--max-size", "1000")
        self.assertEqual(r.returncode, 1)
        self.assertIn("larger than 1000 bytes", r.stderr)
        r = etsi("import", "--from", "json", json_file, "--max-depth", "3")
        self.assertEqual(r.returncode, 1)
        self.assertIn("deeper than 3 levels", r.stderr)

    def test_invalid_dossier_not_exported(self):
        r = etsi("export", DATA / "invalid" / "dangling-keyref.xml")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("dangling-keyref.xml:21: error:", r.stderr)
        # -o: not created, and an existing file is left as it was
        for fmt in ("json", "oscal-json", "oscal-xml"):
            with self.subTest(fmt):
                out = self.tmp / f"new.{fmt}"
                r = etsi("export", DATA / "invalid" / "dangling-keyref.xml", "--format", fmt,
                         "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertFalse(out.exists())
                kept = self.tmp / f"kept.{fmt}"
                kept.write_text("kept\n", encoding="utf-8")
                r = etsi("export", DATA / "invalid" / "dangling-keyref.xml", "--format", fmt,
                         "-o", kept, "--force")
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(kept.read_text(encoding="utf-8"), "kept\n")


# ---- OSCAL ---------------------------------------------------------------------

class Oscal(TempDirTest):
    def exports(self, fmt):
        files = []
        for source in EXAMPLES + [FACTS] + FINDINGS:
            # ajv-cli picks its parser by the extension
            out = self.tmp / (f"{source.parent.name}-{source.stem}.{fmt}."
                              f"{'xml' if fmt.endswith('xml') else 'json'}")
            r = etsi("export", source, "--format", fmt, "-o", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            files.append(out)
        return files

    def test_xml_valid_under_nist_1_2_1_xsd(self):
        self.need_shared(OSCAL_XSD)
        self.need(XMLLINT, "xmllint")
        for f in self.exports("oscal-xml"):
            with self.subTest(f.name):
                r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", str(OSCAL_XSD),
                                    str(f)], capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr[-2000:])
                self.assertIn("validates", r.stderr)

    def test_json_valid_under_nist_1_1_2_json_schema(self):
        self.need_shared(OSCAL_JSON_112)
        ok, output = self.ajv(OSCAL_JSON_112, self.exports("oscal-json"))
        self.assertTrue(ok, output[-3000:])

    def test_json_valid_under_nist_1_2_1_json_schema(self):
        self.need_shared(OSCAL_JSON_121)
        ok, output = self.ajv(OSCAL_JSON_121, self.exports("oscal-json"))
        self.assertTrue(ok, output[-3000:])

    def test_schemas_are_not_rubber_stamps(self):
        self.need_shared(OSCAL_JSON_112, OSCAL_XSD)
        self.need(XMLLINT, "xmllint")
        f = self.exports("oscal-json")[0]
        doc = json.loads(f.read_text(encoding="utf-8"))
        doc["assessment-results"]["results"][0]["findings"][0]["target"]["target-id"] = "5.3-2"
        bad = self.tmp / "bad.json"
        bad.write_text(json.dumps(doc), encoding="utf-8")
        ok, output = self.ajv(OSCAL_JSON_112, [bad])
        self.assertFalse(ok, output)
        x = self.exports("oscal-xml")[0]
        bad_xml = self.tmp / "bad.xml"
        bad_xml.write_text(x.read_text(encoding="utf-8").replace("<start>", "<begin>", 1)
                           .replace("</start>", "</begin>", 1), encoding="utf-8")
        r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", str(OSCAL_XSD),
                            str(bad_xml)], capture_output=True, text=True, timeout=120)
        self.assertNotEqual(r.returncode, 0)

    def test_deterministic_and_timestamp(self):
        for fmt in ("oscal-json", "oscal-xml"):
            a = etsi("export", EXAMPLES[0], "--format", fmt)
            b = etsi("export", EXAMPLES[0], "--format", fmt)
            self.assertEqual(a.returncode, 0, a.stderr)
            self.assertEqual(a.stdout, b.stdout)
        r = etsi("export", EXAMPLES[0], "--format", "oscal-json", "--timestamp",
                 "2027-03-04T05:06:07Z", "--as-of", "2026-11-26")
        doc = json.loads(r.stdout)["assessment-results"]
        self.assertEqual(doc["metadata"]["last-modified"], "2027-03-04T05:06:07Z")
        self.assertEqual(doc["metadata"]["oscal-version"], "1.1.2")
        r = etsi("export", EXAMPLES[0], "--format", "oscal-json", "--timestamp", "tomorrow")
        self.assertEqual(r.returncode, 2)
        self.assertIn("timestamp 'tomorrow'", r.stderr)

    def test_mapping(self):
        doc = json.loads(etsi("export", SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml",
                              "--format", "oscal-json").stdout)["assessment-results"]
        result = doc["results"][0]

        def props(obj):
            return {p["name"]: p["value"] for p in obj.get("props", [])
                    if p.get("ns") == "urn:libetsi:oscal:1"}

        states = {}
        for f in result["findings"]:
            p = props(f)
            key = (p["level"], p.get("test-case") or p.get("provision"))
            states[key] = (f["target"]["status"]["state"], f["target"]["status"].get("reason"),
                           p.get("result") or p.get("outcome"))
            self.assertFalse(f["target"]["target-id"][0].isdigit())
        self.assertEqual(states[("test-case", "5.3-2-1")], ("satisfied", "pass", "PASS"))
        self.assertEqual(states[("test-case", "5.3-13-2")],
                         ("not-satisfied", "other", "INCONCLUSIVE"))
        self.assertEqual(states[("provision", "5.3-1")],
                         ("not-satisfied", "other", "NOT ASSESSED"))
        # evidence: observations pointing at back matter with the digests
        resources = {r["uuid"]: r for r in doc["back-matter"]["resources"]}
        digests = 0
        for o in result["observations"]:
            for ev in o.get("relevant-evidence", []):
                res = resources[ev["href"][1:]]
                digests += sum(1 for link in res["rlinks"] for h in link.get("hashes", [])
                               if h["algorithm"] == "SHA-256")
        self.assertGreater(digests, 10)
        # the DUT and its components are subjects
        types = [c["type"] for c in result["local-definitions"]["components"]]
        self.assertEqual(types.count("this-system"), 1)
        self.assertGreater(types.count("software"), 3)


    def test_facts_self_assessment_and_findings(self):
        """Typed facts as props (none invented), the supplier's own results as
        observations apart from verdicts, every error and warning of the
        evaluation as a finding, contradicted claims and open questions as
        risks (docs/interchange.md)."""
        doc = json.loads(etsi("export", FACTS, "--format", "oscal-json", "--as-of",
                              "2026-12-14").stdout)["assessment-results"]
        result = doc["results"][0]

        def props(obj):
            out = {}
            for p in obj.get("props", []):
                if p.get("ns") == "urn:libetsi:oscal:1":
                    out.setdefault(p["name"], []).append(p["value"])
            return out

        mechanisms = {props(c)["mechanism-id"][0]: props(c)
                      for c in result["local-definitions"]["components"]
                      if c["type"] == "process-procedure"}
        self.assertEqual(sorted(mechanisms), ["mech-app", "mech-ota", "mech-store"])
        ota = mechanisms["mech-ota"]
        self.assertEqual(ota["verification-where"], ["device-before-install"])
        self.assertEqual(ota["crypto"][0], "signature ECDSA 256 SHA-256 (authenticated: true)")
        self.assertEqual(len(ota["crypto"]), 5)
        self.assertEqual(ota["update-check-period"], ["P1D"])
        self.assertEqual(mechanisms["mech-app"]["verification-key"], ["unknown"])
        store = mechanisms["mech-store"]
        self.assertEqual(store["verification-where"], ["unknown"])
        for absent in ("crypto", "verification-key", "transport-tls", "automation-default",
                       "update-check-periodic", "notice-risks", "recovery"):
            self.assertNotIn(absent, store)
        fw = next(props(c) for c in result["local-definitions"]["components"]
                  if props(c).get("component-id") == ["comp-fw"])
        self.assertEqual(fw["other-install-path"], ["service-port (verifies: true)",
                                                    "recovery-mode (verifies: true)",
                                                    "debug-interface (verifies: unknown)"])
        self.assertEqual(fw["boot-verification-by"], ["comp-bootrom"])

        kinds = [props(o)["observation-kind"][0] for o in result["observations"]]
        self.assertEqual(kinds.count("self-assessment"), 5)
        for o in result["observations"]:
            p = props(o)
            if p["observation-kind"] == ["self-assessment"]:
                self.assertEqual(o["methods"], ["UNKNOWN"])
                self.assertNotIn("result", p)
                self.assertIn(p["self-result"][0], ("PASS", "FAIL", "INCONCLUSIVE", "N/A"))

        # the evaluation, as of the same date: its errors and warnings are findings
        r = etsi("evaluate", FACTS, "--as-of", "2026-12-14")
        self.assertEqual(r.returncode, 0, r.stderr)
        ns = {"r": "urn:libetsi:results:1"}
        root = ET.fromstring(r.stdout)
        expected = [f.attrib for f in root.iterfind("r:findings/r:finding", ns)
                    if f.get("severity") in ("error", "warning")]
        checks = [f for f in result["findings"] if props(f)["level"] == ["check"]]
        self.assertEqual(len(checks), len(expected))
        risks = {k["uuid"]: k for k in result.get("risks", [])}
        for f, want in zip(checks, expected):
            p = props(f)
            self.assertEqual((p["rule"][0], p["severity"][0]), (want["rule"], want["severity"]))
            for name in ("claim", "fact", "fact-line"):
                self.assertEqual(p.get(name, [None])[0], want.get(name))
            if "claim" in want or "fact" in want:
                (link,) = f["related-risks"]
                risk = risks[link["risk-uuid"]]
                self.assertEqual(props(risk)["risk-kind"], ["contradicted-claim"])
                self.assertEqual(risk["status"], "open")
            else:
                self.assertNotIn("related-risks", f)
        questions = root.findall("r:open-questions/r:question", ns)
        self.assertEqual(sum(1 for k in risks.values()
                             if props(k)["risk-kind"] == ["open-question"]), len(questions))
        for k in risks.values():
            if props(k)["risk-kind"] == ["open-question"]:
                self.assertEqual(k["status"], "open")

    def test_check_findings_name_their_target(self):
        doc = json.loads(etsi("export", FINDINGS[1], "--format", "oscal-json").stdout)
        doc = doc["assessment-results"]
        finding = next(f for f in doc["results"][0]["findings"]
                       if {"name": "rule", "ns": "urn:libetsi:oscal:1",
                           "value": "dut-identification-missing"} in f["props"])
        self.assertEqual(finding["target"]["target-id"], "en303645-5.3_obj")
        self.assertEqual(finding["target"]["status"]["state"], "not-satisfied")
        controls = [o["control-id"] for o in doc["local-definitions"]["objectives-and-methods"]]
        self.assertIn("en303645-5.3", controls)

    # ---- the assessment plan ----

    def xsd_ok(self, xsd, files):
        for f in files:
            with self.subTest(f.name):
                r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", str(xsd), str(f)],
                                   capture_output=True, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr[-2000:])
                self.assertIn("validates", r.stderr)

    def test_plan_valid_under_nist_1_2_1_xsd(self):
        self.need_shared(OSCAL_AP_XSD)
        self.need(XMLLINT, "xmllint")
        self.xsd_ok(OSCAL_AP_XSD, self.exports("oscal-ap-xml"))

    def test_plan_valid_under_nist_1_2_1_json_schema(self):
        self.need_shared(OSCAL_AP_JSON)
        ok, output = self.ajv(OSCAL_AP_JSON, self.exports("oscal-ap"))
        self.assertTrue(ok, output[-3000:])

    def test_plan_and_catalog_schemas_are_not_rubber_stamps(self):
        self.need_shared(OSCAL_AP_XSD, OSCAL_MODELS["catalog"][0])
        self.need(XMLLINT, "xmllint")
        plan = self.tmp / "plan.xml"
        r = etsi("export", EXAMPLES[0], "--format", "oscal-ap-xml")
        plan.write_text(r.stdout.replace("<import-ssp ", "<import-sap ", 1), encoding="utf-8")
        r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", str(OSCAL_AP_XSD),
                            str(plan)], capture_output=True, text=True, timeout=120)
        self.assertNotEqual(r.returncode, 0)
        doc = json.loads((OSCAL_DIR / "en303645-3.1.3-catalog.json").read_text(encoding="utf-8"))
        del doc["catalog"]["controls"][0]["title"]
        bad = self.tmp / "catalog.json"
        bad.write_text(json.dumps(doc), encoding="utf-8")
        ok, output = self.ajv(OSCAL_MODELS["catalog"][0], [bad])
        self.assertFalse(ok, output)

    def test_plan_tasks_and_the_results_href(self):
        """Tasks are the planned test cases with their readiness; the
        results' import-ap names the plan's file, by default the sibling
        assessment-plan.json, and the plan is deterministic."""
        source = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"
        a = etsi("export", source, "--format", "oscal-ap")
        self.assertEqual(a.returncode, 0, a.stderr)
        self.assertEqual(a.stdout, etsi("export", source, "--format", "oscal-ap").stdout)
        plan = json.loads(a.stdout)["assessment-plan"]
        ns = {"r": "urn:libetsi:results:1"}
        root = ET.fromstring(etsi("evaluate", source).stdout)
        planned = root.findall("r:plan/r:case", ns)
        self.assertEqual(len(plan["tasks"]), len(planned))
        for task, case in zip(plan["tasks"], planned):
            props = {p["name"]: p["value"] for p in task["props"]}
            self.assertEqual(props["test-case"], case.get("id"))
            self.assertEqual(props["ready"], case.get("ready"))
            self.assertEqual(props.get("at-risk"), case.get("at-risk"))
        ssp = plan["import-ssp"]["href"]
        self.assertIn(ssp[1:], [r["uuid"] for r in plan["back-matter"]["resources"]])

        # the results point at the plan beside them
        out = self.tmp / "camera-ar.json"
        r = etsi("export", source, "--format", "oscal-json", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        results = json.loads(out.read_text(encoding="utf-8"))["assessment-results"]
        self.assertEqual(results["import-ap"]["href"], "assessment-plan.json")
        self.assertEqual(etsi("export", source, "--format", "oscal-xml").stdout.count(
            '<import-ap href="assessment-plan.xml"/>'), 1)
        r = etsi("export", source, "--format", "oscal-json", "--ap-href", "camera-ap.json")
        self.assertEqual(json.loads(r.stdout)["assessment-results"]["import-ap"]["href"],
                         "camera-ap.json")
        r = etsi("export", source, "--format", "oscal-json", "--ap-href", "")
        self.assertEqual(r.returncode, 2, r.stderr)
        # import-ap names no resource of the results' own
        uuids = [res["uuid"] for res in results["back-matter"]["resources"]]
        self.assertNotIn(results["import-ap"]["href"].lstrip("#"), uuids)

    def test_no_invented_date(self):
        """A dossier that states no date exports none of its own invention:
        the as-of date given, else the evaluation's, wherever OSCAL requires
        a timestamp."""
        skeleton = self.tmp / "skeleton.xml"
        r = etsi("init", "--model", "EX-1", "--release", "1.0", "-o", skeleton)
        self.assertEqual(r.returncode, 0, r.stderr)
        for fmt, key in (("oscal-json", "assessment-results"), ("oscal-ap", "assessment-plan")):
            with self.subTest(fmt):
                r = etsi("export", skeleton, "--format", fmt)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotIn("2000-01-01", r.stdout)
                doc = json.loads(r.stdout)[key]
                if key == "assessment-results":
                    result = doc["results"][0]
                    as_of = next(p["value"] for p in result["props"] if p["name"] == "as-of")
                    self.assertEqual(doc["metadata"]["last-modified"], f"{as_of}T00:00:00Z")
                    self.assertEqual(result["start"], f"{as_of}T00:00:00Z")
                r = etsi("export", skeleton, "--format", fmt, "--as-of", "2027-02-03")
                self.assertEqual(json.loads(r.stdout)[key]["metadata"]["last-modified"],
                                 "2027-02-03T00:00:00Z")

    def test_gate_blockers_and_fail_verdicts_in_the_results(self):
        """A not-ready dossier says why: every release-gate step is a
        finding, a blocked one with its blockers; a FAIL verdict is a risk."""
        dossier = self.copy(SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml")
        r = etsi("verdict", dossier, "--case", "5.3-16-1", "--result", "FAIL", "--by",
                 "tl-meridian", "--date", "2026-11-21")
        self.assertEqual(r.returncode, 0, r.stderr)
        result = json.loads(etsi("export", dossier, "--format", "oscal-json").stdout)[
            "assessment-results"]["results"][0]

        def props(obj):
            return {p["name"]: p["value"] for p in obj.get("props", [])}

        gate = [f for f in result["findings"] if props(f)["level"] == "gate-step"]
        self.assertEqual([props(f)["gate-step"] for f in gate],
                         ["scope", "ics", "mechanisms", "procedures", "user-info", "handoff"])
        for f in gate:
            blocked = props(f)["gate-status"] == "blocked"
            self.assertEqual(f["target"]["status"]["state"],
                             "not-satisfied" if blocked else "satisfied")
            self.assertEqual(blocked, "Blocked: " in f["description"])
        fails = [k for k in result["risks"] if props(k)["risk-kind"] == "failed-test-case"]
        self.assertEqual([props(k)["test-case"] for k in fails], ["5.3-16-1"])
        case = next(f for f in result["findings"] if props(f)["level"] == "test-case"
                    and props(f)["test-case"] == "5.3-16-1")
        self.assertEqual(case["related-risks"], [{"risk-uuid": fails[0]["uuid"]}])


class OscalCatalogs(TempDirTest):
    """The OSCAL catalogs and profiles of clause 5.3 under oscal/: what
    `etsi catalog` writes today, and valid under NIST's schemas."""

    FILES = [(ed, model, form) for ed in ("2.1.1", "3.1.3") for model in ("catalog", "profile")
             for form in ("json", "xml")]

    def test_generated_files_are_up_to_date(self):
        for ed, model, form in self.FILES:
            with self.subTest(f"{ed} {model} {form}"):
                fmt = f"oscal-{model}" + ("-xml" if form == "xml" else "")
                r = etsi("catalog", "--edition", ed, "--format", fmt)
                self.assertEqual(r.returncode, 0, r.stderr)
                a = etsi("catalog", "--edition", ed, "--format", fmt)
                self.assertEqual(r.stdout, a.stdout)
                committed = OSCAL_DIR / f"en303645-{ed}-{model}.{form}"
                self.assertEqual(committed.read_text(encoding="utf-8"), r.stdout,
                                 f"{committed} is stale: regenerate it (oscal/README.md)")

    def test_valid_under_nist_1_2_1(self):
        for model, (json_schema, xsd) in OSCAL_MODELS.items():
            with self.subTest(model):
                self.need_shared(json_schema, xsd)
                self.need(XMLLINT, "xmllint")
                files = [OSCAL_DIR / f"en303645-{ed}-{model}" for ed in ("2.1.1", "3.1.3")]
                ok, output = self.ajv(json_schema, [pathlib.Path(f"{f}.json") for f in files])
                self.assertTrue(ok, output[-3000:])
                for f in files:
                    r = subprocess.run([XMLLINT, "--noout", "--nonet", "--schema", str(xsd),
                                        str(f) + ".xml"], capture_output=True, text=True,
                                       timeout=120)
                    self.assertEqual(r.returncode, 0, r.stderr[-2000:])

    def test_profile_resolves_against_its_catalog(self):
        for ed in ("2.1.1", "3.1.3"):
            for form in ("json", "xml"):
                profile = OSCAL_DIR / f"en303645-{ed}-profile.{form}"
                if form == "json":
                    imp = json.loads(profile.read_text(encoding="utf-8"))["profile"]["imports"][0]
                    href, ids = imp["href"], imp["include-controls"][0]["with-ids"]
                    catalog = json.loads((OSCAL_DIR / href).read_text(encoding="utf-8"))
                    text = json.dumps(catalog)
                else:
                    ns = {"o": "http://csrc.nist.gov/ns/oscal/1.0"}
                    imp = ET.parse(profile).getroot().find("o:import", ns)
                    href = imp.get("href")
                    ids = [w.text for w in imp.iterfind("o:include-controls/o:with-id", ns)]
                    root = ET.parse(OSCAL_DIR / href).getroot()
                    text = " ".join(f'"id": "{c.get("id")}"'
                                    for c in root.iter("{http://csrc.nist.gov/ns/oscal/1.0}control"))
                self.assertEqual(href, f"en303645-{ed}-catalog.{form}")
                self.assertIn("en303645-5.3-2", ids)
                for control in ids:
                    self.assertIn(f'"id": "{control}"', text)

    def test_usage(self):
        r = etsi("catalog", "--format", "oscal-ssp")
        self.assertEqual(r.returncode, 2)
        self.assertIn("oscal-catalog", r.stderr)


# ---- ICS from a spreadsheet ------------------------------------------------------------

class IcsCsv(TempDirTest):
    def test_new_skeleton(self):
        out = self.tmp / "new.xml"
        r = etsi("import", "--from", "ics-csv", INTERCHANGE / "ics-spreadsheet.csv",
                 "--edition", "3.1.3", "--model", "EX-100", "--release", "1.0.0", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("imported", r.stderr)
        self.assertEqual(etsi("validate", out).returncode, 0)
        text = out.read_text(encoding="utf-8")
        self.assertIn('<entry provision="5.3-4A" support="N/A">', text)
        self.assertIn("<model-designation>EX-100</model-designation>", text)

    def test_into_a_dossier_and_the_report_round_trip(self):
        csv = self.tmp / "ics.csv"
        r = etsi("report", SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml",
                 "--format", "ics-csv", "-o", csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        target = self.copy(DATA / "valid" / "minimal-v3.xml")
        r = etsi("import", "--from", "ics-csv", csv, "--into", target, "-v")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("info: row 2:", r.stderr)
        back = list(csvlib.reader(io.StringIO(etsi("report", target, "--format",
                                                   "ics-csv").stdout)))
        original = list(csvlib.reader(io.StringIO(csv.read_text(encoding="utf-8"))))
        # reference, status, support and detail are the same
        self.assertEqual([row[:4] for row in back], [row[:4] for row in original])

    def test_problems_with_rows_write_nothing(self):
        target = self.copy(DATA / "valid" / "minimal-v3.xml")
        before = target.read_bytes()
        r = etsi("import", "--from", "ics-csv", INTERCHANGE / "ics-bad.csv", "--into", target)
        self.assertEqual(r.returncode, 1)
        for needle in ("ics-bad.csv:3: error: row 3: 5.3-99 is not a provision",
                       "row 4: status 'R' contradicts", "row 5: 5.3-1 is listed again (first in row 2)",
                       "row 6: support 'maybe'", "row 7: 5.3-2-1 is a TS 103 701 test case",
                       "nothing imported"):
            self.assertIn(needle, r.stderr)
        self.assertIn(f"{target} is unchanged", r.stderr)
        self.assertEqual(target.read_bytes(), before)
        # a new skeleton: the output is not created
        out = self.tmp / "new.xml"
        r = etsi("import", "--from", "ics-csv", INTERCHANGE / "ics-bad.csv", "--edition", "3.1.3",
                 "--model", "EX-100", "--release", "1.0.0", "-o", out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("row 3: 5.3-99 is not a provision", r.stderr)
        self.assertIn("nothing imported; nothing written", r.stderr)
        self.assertFalse(out.exists())

    def test_edition_mismatch(self):
        target = self.copy(DATA / "valid" / "minimal-v3.xml")
        r = etsi("import", "--from", "ics-csv", INTERCHANGE / "ics-spreadsheet.csv",
                 "--into", target, "--edition", "2.1.1")
        self.assertEqual(r.returncode, 2)
        self.assertIn("the table is for EN 303 645 V2.1.1", r.stderr)


# ---- SBOMs -----------------------------------------------------------------------------

class Sbom(TempDirTest):
    def test_small_fixtures_merge(self):
        target = self.copy(DATA / "valid" / "minimal-v3.xml")
        r = etsi("import", "--from", "cyclonedx", INTERCHANGE / "sbom-small.cdx.json",
                 "--into", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("5 added, 0 updated, 0 unchanged, 2 skipped", r.stderr)
        for fmt, name in (("cyclonedx", "sbom-small.cdx.xml"), ("spdx", "sbom-small.spdx.json")):
            r = etsi("import", "--from", fmt, INTERCHANGE / name, "--into", target)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("0 added", r.stderr)
        text = target.read_text(encoding="utf-8")
        self.assertEqual(text.count("<purl>pkg:generic/openssl@3.0.14</purl>"), 1)
        self.assertEqual(text.count('updateable="undecided"'), 5)
        check = etsi("check", "--ungrouped", target)
        self.assertEqual(check.stdout.count("boundary-updateability-undecided"), 5)

    def test_malformed_write_nothing(self):
        target = self.copy(DATA / "valid" / "minimal-v3.xml")
        before = target.read_bytes()
        cases = [
            ("cyclonedx", "bad-syntax.cdx.json", "bad-syntax.cdx.json:5: error: not valid JSON"),
            ("cyclonedx", "bad-version-1.8.cdx.json",
             "CycloneDX 1.8 is not supported; libetsi reads CycloneDX 1.2 to 1.7"),
            ("cyclonedx", "bad-missing-name.cdx.json", "/components/1/name: is missing"),
            ("cyclonedx", "bad-name-type.cdx.json", "/components/0/name: is an integer"),
            ("cyclonedx", "bad-huge-number.cdx.json", "too big integer"),
            ("cyclonedx", "bad-deep.cdx.json", "nest deeper than 64 levels"),
            ("cyclonedx", "bad-xxe.cdx.xml", "bad-xxe.cdx.xml:2: error: DOCTYPE declarations are"),
            ("cyclonedx", "bad-malformed.cdx.xml", "bad-malformed.cdx.xml:4: error: not well-formed"),
            ("spdx", "bad-version-2.1.spdx.json", "SPDX-2.1 is not supported"),
            ("spdx", "bad-control.spdx.json", "/packages/0: the name holds a character"),
        ]
        for fmt, name, needle in cases:
            with self.subTest(name):
                out = self.tmp / "out.xml"
                out.unlink(missing_ok=True)  # -o refuses an existing file without --force
                r = etsi("import", "--from", fmt, INTERCHANGE / name, "--into", target, "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(needle, r.stderr)
                self.assertIn("nothing imported", r.stderr)
                self.assertFalse(out.exists())
                r = etsi("import", "--from", fmt, INTERCHANGE / name, "--into", target)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(target.read_bytes(), before)

    def test_published_samples(self):
        ran = 0
        for fmt, relative, added in SBOMS:
            path = SHARED / relative
            with self.subTest(relative):
                if not path.is_file():
                    print(f"skipped {relative}: not in {SHARED}", file=sys.stderr)
                    continue
                target = self.copy(EXAMPLES[0], "dossier.xml")
                r = etsi("import", "--from", fmt, path, "--into", target)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(f"{added} added, 0 updated, 0 unchanged", r.stderr)
                self.assertEqual(etsi("validate", target).returncode, 0)
                r = etsi("import", "--from", fmt, path, "--into", target)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(f"0 added, 0 updated, {added} unchanged", r.stderr)
                ran += 1
        if not ran:
            self.skipTest(f"test_published_samples: no SBOM sample in {SHARED / 'sbom'}")


if __name__ == "__main__":
    unittest.main()
