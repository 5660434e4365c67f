"""The GRC interchange through the Python binding (docs/interchange.md):
Dossier.export and etsi.loads_json (lossless in canonical form), OSCAL
exports, Dossier.import_ics_csv and Dossier.import_sbom with their reports,
and errors that carry every problem found."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

from support import CAMERA, DATA, MINIMAL_V3, SANITIZED, SENSOR, SOURCE, TempDirTestCase, etsi, \
    example_paths

INTERCHANGE = DATA / "interchange"
SHARED = pathlib.Path(os.environ.get("ETSI_SHARED_DATA") or SOURCE.parent / "shared" / "data")


def canonical(xml_text):
    """C14N 2.0 of a document as libetsi writes it (indented: the white space
    between elements is dropped, text kept)."""
    return ET.canonicalize(xml_text, with_comments=True, strip_text=False)


class JsonForm(TempDirTestCase):
    def test_round_trip(self):
        for path in example_paths() + [INTERCHANGE / "json-edges.xml"]:
            with self.subTest(path.name), etsi.load(path) as dossier:
                text = dossier.export()
                self.assertEqual(json.loads(text)["format"], "urn:libetsi:dossier-json:1")
                with etsi.loads_json(text) as back:
                    self.assertIsNone(back.path)
                    self.assertEqual(canonical(back.to_xml()), canonical(dossier.to_xml()))
                    self.assertEqual(back.export(), text)

    def test_load_json_file_and_bytes(self):
        with etsi.load(CAMERA) as dossier:
            target = self.tmp / "camera.json"
            dossier.write_export(target)
            back = etsi.load_json(target)
            self.assertEqual(back.header["release"], "3.4.0")
            back2 = etsi.Dossier.loads_json(target.read_bytes(), name="bytes.json")
            self.assertEqual(len(back2.components), len(dossier.components))
            # saving needs a path: the JSON is never overwritten
            with self.assertRaises(etsi.InvalidError):
                back.save()
            back.save(self.tmp / "camera.xml")
            self.assertEqual(etsi.load(self.tmp / "camera.xml").header["release"], "3.4.0")

    def test_errors(self):
        with self.assertRaises(etsi.ParseError) as cm:
            etsi.loads_json('{"format": }', name="bad.json")
        self.assertEqual(cm.exception.file, "bad.json")
        self.assertEqual(cm.exception.line, 1)
        with self.assertRaises(etsi.UnsupportedError):
            etsi.loads_json('{"format": "urn:x", "dossier": {}}')
        doc = json.loads(etsi.load(MINIMAL_V3).export())
        doc["dossier"]["dut"]["colour"] = "red"
        with self.assertRaises(etsi.ValidationError) as cm:
            etsi.loads_json(json.dumps(doc))
        self.assertIn("/dossier/dut/colour", str(cm.exception))
        with self.assertRaises(etsi.LimitError):
            etsi.loads_json(json.dumps(doc), max_size=10)
        with self.assertRaises(TypeError):
            etsi.loads_json(42)
        with self.assertRaises(etsi.FileError):
            etsi.load_json(self.tmp / "missing.json")
        self.assertIsNone(etsi.Error("x").diagnostics)

    def test_formats(self):
        self.assertEqual(etsi.export_formats(), ["json", "oscal-json", "oscal-xml", "oscal-ap",
                                               "oscal-ap-xml"])
        self.assertEqual(etsi.import_formats(), ["ics-csv", "cyclonedx", "spdx"])
        with etsi.load(CAMERA) as dossier, self.assertRaises(etsi.InvalidError):
            dossier.export("yaml")


class Oscal(unittest.TestCase):
    def test_json_and_xml(self):
        import datetime
        with etsi.load(SENSOR) as dossier:
            doc = json.loads(dossier.export("oscal-json"))["assessment-results"]
            self.assertEqual(doc["metadata"]["oscal-version"], "1.1.2")
            self.assertEqual(dossier.export("oscal-json"), dossier.export("oscal-json"))
            stamped = json.loads(dossier.export(
                "oscal-json", timestamp=datetime.datetime(2027, 1, 2, 3, 4, 5,
                                                          tzinfo=datetime.timezone.utc)))
            self.assertEqual(stamped["assessment-results"]["metadata"]["last-modified"],
                             "2027-01-02T03:04:05Z")
            dated = json.loads(dossier.export("oscal-json", timestamp=datetime.date(2027, 1, 2),
                                              as_of="2026-11-26"))
            self.assertEqual(dated["assessment-results"]["metadata"]["last-modified"],
                             "2027-01-02T00:00:00Z")
            with self.assertRaises(etsi.InvalidError):
                dossier.export("oscal-json", timestamp=datetime.datetime(2027, 1, 2))
            root = ET.fromstring(dossier.export("oscal-xml").encode("utf-8"))
            self.assertEqual(root.tag, "{http://csrc.nist.gov/ns/oscal/1.0}assessment-results")
            self.assertEqual(root.get("uuid"), doc["uuid"])


class IcsCsv(unittest.TestCase):
    def test_import(self):
        with etsi.load(MINIMAL_V3) as dossier:
            report = dossier.import_ics_csv((INTERCHANGE / "ics-spreadsheet.csv").read_bytes(),
                                            edition="3.1.3", name="sheet.csv")
            self.assertIsInstance(report, etsi.Diagnostics)
            self.assertEqual(len(report.errors), 0)
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 8)
            self.assertEqual(dossier.find("ics-entry", "5.3-4A")["support"], "N/A")
            self.assertEqual(report[0].file, "sheet.csv")

    def test_refused_with_every_problem(self):
        with etsi.load(MINIMAL_V3) as dossier:
            before = dossier.to_xml()
            with self.assertRaises(etsi.ValidationError) as cm:
                dossier.import_ics_csv((INTERCHANGE / "ics-bad.csv").read_text(), name="bad.csv")
            e = cm.exception
            self.assertEqual(e.file, "bad.csv")
            self.assertEqual(e.line, 3)
            self.assertIn("row 3: 5.3-99", str(e))
            self.assertEqual(len(e.diagnostics.errors), 7)
            self.assertEqual(dossier.to_xml(), before)
            with self.assertRaises(etsi.InvalidError):
                dossier.import_ics_csv("Reference,Support\n", edition="2.1.1")


class ImportLimits(unittest.TestCase):
    """max_elements and max_records of etsi_import_options: a limit below
    the input refuses it with LimitError and changes nothing; a higher one
    lets it through."""

    def test_sbom_components(self):
        sbom = (INTERCHANGE / "sbom-small.cdx.json").read_bytes()  # 5 components
        with etsi.load(MINIMAL_V3) as dossier:
            before = dossier.to_xml()
            with self.assertRaises(etsi.LimitError) as cm:
                dossier.import_sbom(sbom, max_records=4)
            self.assertIn("more than 4 components", cm.exception.message)
            self.assertIn("max_records", cm.exception.message)
            self.assertEqual(dossier.to_xml(), before)
            report = dossier.import_sbom(sbom, max_records=100)
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 5)

    def test_sbom_elements(self):
        sbom = (INTERCHANGE / "sbom-small.cdx.json").read_bytes()
        with etsi.load(MINIMAL_V3) as dossier:
            before = dossier.to_xml()
            with self.assertRaises(etsi.LimitError) as cm:
                dossier.import_sbom(sbom, max_elements=10)
            self.assertIn("max_elements", cm.exception.message)
            self.assertEqual(dossier.to_xml(), before)
            dossier.import_sbom(sbom, max_elements=100000)

    def test_ics_rows_and_cells(self):
        table = (INTERCHANGE / "ics-spreadsheet.csv").read_bytes()  # 8 rows
        with etsi.load(MINIMAL_V3) as dossier:
            before = dossier.to_xml()
            with self.assertRaises(etsi.LimitError) as cm:
                dossier.import_ics_csv(table, edition="3.1.3", max_records=3)
            self.assertIn("max_records", cm.exception.message)
            with self.assertRaises(etsi.LimitError) as cm:
                dossier.import_ics_csv(table, edition="3.1.3", max_elements=6)
            self.assertIn("max_elements", cm.exception.message)
            self.assertEqual(dossier.to_xml(), before)
            report = dossier.import_ics_csv(table, edition="3.1.3", max_records=100,
                                            max_elements=100000)
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 8)

    def test_negative(self):
        with etsi.load(MINIMAL_V3) as dossier:
            for kwargs in ({"max_elements": -1}, {"max_records": -1}):
                with self.subTest(**kwargs), self.assertRaises(etsi.InvalidError):
                    dossier.import_sbom(b"{}", **kwargs)
                with self.subTest(**kwargs), self.assertRaises(etsi.InvalidError):
                    dossier.import_ics_csv(b"Reference,Support\n", **kwargs)


class Sbom(unittest.TestCase):
    def test_import_and_merge(self):
        with etsi.load(MINIMAL_V3) as dossier:
            report = dossier.import_sbom((INTERCHANGE / "sbom-small.cdx.json").read_bytes())
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 5)
            report = dossier.import_sbom((INTERCHANGE / "sbom-small.spdx.json").read_text(),
                                         "spdx", name="small.spdx.json")
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 0)
            openssl = [c for c in dossier.components if c.get("purl") == "pkg:generic/openssl@3.0.14"]
            self.assertEqual(len(openssl), 1)
            self.assertEqual(openssl[0]["updateable"], "undecided")
            self.assertIn("boundary-updateability-undecided",
                          {f.rule for f in dossier.check()})

    def test_refused(self):
        with etsi.load(MINIMAL_V3) as dossier:
            before = dossier.to_xml()
            with self.assertRaises(etsi.ValidationError) as cm:
                dossier.import_sbom((INTERCHANGE / "bad-name-type.cdx.json").read_bytes(),
                                    name="bad.json")
            self.assertEqual(len(cm.exception.diagnostics.errors), 2)
            self.assertIn("/components/0/name", str(cm.exception))
            with self.assertRaises(etsi.UnsupportedError):
                dossier.import_sbom((INTERCHANGE / "bad-version-2.1.spdx.json").read_bytes(), "spdx")
            with self.assertRaises(etsi.ParseError) as cm:
                dossier.import_sbom((INTERCHANGE / "bad-xxe.cdx.xml").read_bytes())
            self.assertEqual(cm.exception.line, 2)
            with self.assertRaises(etsi.LimitError):
                dossier.import_sbom((INTERCHANGE / "bad-deep.cdx.json").read_bytes())
            with self.assertRaises(etsi.InvalidError):
                dossier.import_sbom(b"{}", "swid")
            self.assertEqual(dossier.to_xml(), before)

    def test_published_sample(self):
        sample = SHARED / "sbom" / "cyclonedx" / "laravel-7.12.0.cdx-1.4.xml"
        if not sample.is_file():
            self.skipTest(f"test_published_sample: {sample} is absent")
        with etsi.load(CAMERA) as dossier:
            report = dossier.import_sbom(sample.read_bytes(), name=sample.name)
            self.assertEqual(sum(1 for d in report if d.rule == "added"), 63)


class DocExamples(TempDirTestCase):
    """The examples of docs/interchange.md, "From C and Python", run as
    written, in a copy of the files they read."""
    SECTION = (SOURCE / "docs" / "interchange.md").read_text(encoding="utf-8") \
        .split("\n## From C and Python\n", 1)[1].split("\n## ", 1)[0]
    FILES = ("examples/dossiers/smart-camera-v3.xml", "tests/data/valid/minimal-v3.xml",
             "tests/data/interchange/ics-spreadsheet.csv", "tests/data/interchange/ics-bad.csv",
             "tests/data/interchange/sbom-small.cdx.json")

    def setUp(self):
        super().setUp()
        for relative in self.FILES:
            (self.tmp / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SOURCE / relative, self.tmp / relative)

    def blocks(self, language):
        found = re.findall(rf"```{language}\n(.*?)```", self.SECTION, re.S)
        self.assertTrue(found, f"no {language} example in docs/interchange.md")
        return found

    def test_python(self):
        outputs = []
        for block in self.blocks("python"):
            r = subprocess.run([sys.executable, "-c", block], cwd=self.tmp, capture_output=True,
                               text=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            outputs.append(r.stdout)
        self.assertEqual(outputs[0].split(), ["2026-11-26T00:00:00Z", "5", "True"])
        self.assertTrue(outputs[1].startswith("ics-bad.csv 3\n3 row 3: 5.3-99 is not a provision"))
        self.assertEqual(len(outputs[1].splitlines()), 8)
        with etsi.load(self.tmp / "with-sbom.xml") as saved:
            self.assertEqual(sum(1 for c in saved.components if c["updateable"] == "undecided"), 5)
        root = ET.parse(self.tmp / "camera.oscal.xml").getroot()
        self.assertEqual(root.tag, "{http://csrc.nist.gov/ns/oscal/1.0}assessment-results")

    def test_c(self):
        cc = shutil.which("cc") or shutil.which("gcc")
        cli = os.environ.get("ETSI_CLI")
        if not cc or not cli or SANITIZED:
            self.skipTest("test_c: needs a C compiler and an unsanitized build (ETSI_CLI)")
        ldd = subprocess.run(["ldd", cli], capture_output=True, text=True).stdout
        lib = re.search(r"libetsi\.so\S* => (\S+)", ldd)
        self.assertIsNotNone(lib, ldd)
        libdir = str(pathlib.Path(lib.group(1)).parent)
        (self.tmp / "example.c").write_text(self.blocks("c")[0], encoding="utf-8")
        r = subprocess.run([cc, "-std=c11", "-Wall", "-Wextra", "-Werror",
                            f"-I{SOURCE / 'libetsi' / 'include'}", "example.c", f"-L{libdir}",
                            "-letsi", f"-Wl,-rpath,{libdir}", "-o", "example"],
                           cwd=self.tmp, capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = subprocess.run([str(self.tmp / "example")], cwd=self.tmp, capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "added: /components/0: component comp-zlib-1.3.1 (zlib 1.3.1) "
                         "added, updateability undecided\n")


if __name__ == "__main__":
    unittest.main()
