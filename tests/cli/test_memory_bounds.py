"""Peak memory is bounded by the input, on every input path.

docs/hardening.md ("Memory") documents the bound: at the default limits,
whatever the input, the peak RSS of an `etsi` process that reads it is at
most K times the input's size plus a constant C (K = 16, C = 256 MiB).  An
input of many tiny items (empty elements, attributes, JSON values, CSV
separators, SBOM components) costs far more than its size, so their number
is limited (max_elements, max_records; --max-elements, --max-records), and
floods under the size limit are refused by count before they are parsed.

Each path is fed its worst cases: a flood just under the size limit (64
MiB), refused by count, and the densest input just under the count limits,
which is parsed in full.  The peak RSS of the child (wait4's rusage) must
stay within the bound; the measured multiple is printed.  Each case takes a
second or two.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peak_rss  # noqa: E402  (tests/cli/peak_rss.py)

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
MINIMAL = SOURCE / "tests" / "data" / "valid" / "minimal-v3.xml"
EXAMPLE = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"
MiB = 1024 * 1024
MAX_SIZE = 64 * MiB
MAX_ELEMENTS = 1_000_000
MAX_RECORDS = 10_000
# the documented bound (docs/hardening.md, "Memory")
K = 16
C = 256 * MiB
# under AddressSanitizer RSS measures its shadow memory: bounds are
# asserted on native builds only (messages everywhere)
with open(CLI, "rb") as _binary:
    UNDER_ASAN = b"__asan_init" in _binary.read()
ROOT = '<dossier xmlns="urn:libetsi:dossier:1" schema-version="1.0">'
JSON_HEAD = '{"format":"urn:libetsi:dossier-json:1","dossier":['
CDX_HEAD = '{"bomFormat":"CycloneDX","specVersion":"1.5","components":['
SPDX_HEAD = '{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":['
TV_HEAD = "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n"
CDX_XML_HEAD = '<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>'
CSV_HEAD = "Reference,Status,Support,Detail\n"


def flood(head, unit, tail, size=MAX_SIZE - 64):
    """head, then unit repeated, then tail: at most size bytes."""
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


def counted(head, unit, count, tail, sep=""):
    return head + sep.join([unit] * count) + tail


def peak(cmd, scratch):
    """(exit status, peak RSS in bytes, what it printed) of one run of cmd."""
    output = scratch / "output.txt"
    code, rss = peak_rss.run(cmd, output)
    with open(output, "rb") as f:
        text = f.read().decode(errors="replace")
    output.unlink()
    return code, rss, text


class MemoryBound(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp())
        cls.dossier = cls.tmp / "dossier.xml"
        shutil.copy(EXAMPLE, cls.dossier)
        print(f"\n{'path / case':<44}{'input MiB':>10}{'peak MiB':>10}{'multiple':>9}"
              f"{'bound MiB':>10}", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def check(self, label, name, text, command, expect=None):
        """Writes text to name, runs command (a list, "{}" for the file)
        and asserts the bound; expect: a fragment of the message, or None
        when the input must be accepted."""
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        code, rss, err = peak([CLI] + [str(path) if a == "{}" else a for a in command],
                              self.tmp)
        path.unlink()
        bound = K * size + C
        print(f"{label:<44}{size / MiB:>10.1f}{rss / MiB:>10.1f}{rss / size:>9.1f}"
              f"{bound / MiB:>10.0f}", file=sys.stderr)
        self.assertNotIn("line -1", err)
        self.assertGreaterEqual(code, 0, f"{label}: killed by a signal: {err}")
        if expect is not None:
            self.assertIn(expect, err, f"{label}: {err[-2000:]}")
        if not UNDER_ASAN:
            self.assertLessEqual(rss, bound, f"{label}: peak {rss / MiB:.0f} MiB for "
                                 f"{size / MiB:.1f} MiB, above {K} x size + {C // MiB} MiB")
        return err

    def import_into(self, fmt):
        return ["import", "--from", fmt, "{}", "--into", str(self.dossier),
                "-o", str(self.tmp / "out.xml"), "--force"]

    # ---- XML dossiers (etsi validate; etsi check loads without validating)

    def test_xml_empty_elements(self):
        self.check("xml: <a/> x 64 MiB", "flood.xml", flood(ROOT, "<a/>", "</dossier>"),
                   ["validate", "{}"], "more than 1000000 elements and attributes")
        self.check("xml: <a/> x 1M (check)", "count.xml",
                   counted(ROOT, "<a/>", MAX_ELEMENTS - 10, "</dossier>"),
                   ["check", "--as-of", "2026-06-01", "{}"])

    def test_xml_limit_message(self):
        path = self.tmp / "over.xml"
        path.write_text(ROOT + "\n" + "<a/>\n" * 20 + "</dossier>\n", encoding="utf-8")
        out = subprocess.run([CLI, "validate", "--max-elements", "10", str(path)],
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 1)
        # the root and its two attributes, then <a/> from line 2: the 11th is on line 9
        self.assertIn(f"{path}:9: error: more than 10 elements and attributes", out.stdout)
        self.assertIn("raise max_elements in etsi_load_options, or --max-elements", out.stdout)
        out = subprocess.run([CLI, "validate", "--max-elements", "100", str(path)],
                             capture_output=True, text=True)
        self.assertNotIn("more than", out.stdout)

    def test_xml_records_and_attributes(self):
        minimal = MINIMAL.read_text(encoding="utf-8")
        at = minimal.index("</update-boundary>")
        # two nodes each (the element and its id), indexed by the store
        components = "".join(f'<component id="c{i}"/>' for i in range(MAX_ELEMENTS // 2 - 100))
        self.check("xml: <component id/> x 500k (check)", "records.xml",
                   minimal[:at] + components + minimal[at:],
                   ["check", "--as-of", "2026-06-01", "{}"])
        attributes = "<a " + " ".join(f'b{j}=""' for j in range(60)) + "/>"
        self.check("xml: 60 attributes x 16k", "attributes.xml",
                   counted(ROOT, attributes, MAX_ELEMENTS // 61 - 10, "</dossier>"),
                   ["validate", "{}"])
        self.check("xml: attributes x 64 MiB", "attributes-flood.xml",
                   flood(ROOT, attributes, "</dossier>"), ["validate", "{}"],
                   "more than 1000000 elements and attributes")

    def test_xml_count_is_exact(self):
        """The prescan counts what the parser builds: elements, attributes
        and namespace declarations, nothing in comments, CDATA or values."""
        import xml.etree.ElementTree as ET
        text = EXAMPLE.read_text(encoding="utf-8")
        text = text.replace("</dossier>", "<!-- <a b='c'/> --></dossier>")
        path = self.tmp / "exact.xml"
        path.write_text(text, encoding="utf-8")
        count = 0
        for event, item in ET.iterparse(path, events=("start", "start-ns")):
            count += 1 if event == "start-ns" else 1 + len(item.attrib)
        for limit, refused in ((count, False), (count - 1, True)):
            out = subprocess.run([CLI, "validate", "--max-elements", str(limit), str(path)],
                                 capture_output=True, text=True)
            self.assertEqual("more than" in out.stdout, refused, (limit, out.stdout))
            self.assertEqual(out.returncode, 1 if refused else 0, out.stdout)

    # ---- the JSON form (etsi import --from json)

    def test_json_count_is_exact(self):
        """Values and member names, whatever the strings hold."""
        import json
        path = self.tmp / "exact.json"
        subprocess.run([CLI, "export", "-f", "json", str(EXAMPLE), "-o", str(path), "--force"],
                       check=True, capture_output=True)
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["dossier"]["header"]["release"] = 'r "1", {[\\]}: \u00e9'

        def count(v):
            if isinstance(v, dict):
                return 1 + sum(1 + count(x) for x in v.values())
            if isinstance(v, list):
                return 1 + sum(count(x) for x in v)
            return 1
        path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
        total = count(doc)
        for limit, refused in ((total, False), (total - 1, True)):
            out = subprocess.run([CLI, "import", "--from", "json", "--max-elements", str(limit),
                                  str(path), "-o", str(self.tmp / "o.xml"), "--force"],
                                 capture_output=True, text=True)
            self.assertEqual("JSON values" in out.stderr, refused, (limit, out.stderr))


    def test_json(self):
        command = ["import", "--from", "json", "{}", "-o", str(self.tmp / "out.xml"), "--force"]
        self.check("json: {} x 64 MiB", "flood.json", flood(JSON_HEAD, "{},", "{}]}"), command,
                   "more than 1000000 JSON values")
        self.check("json: {} x 1M", "objects.json",
                   counted(JSON_HEAD, "{}", MAX_ELEMENTS - 10, "]}", ","), command)
        self.check("json: [] x 1M", "arrays.json",
                   counted(JSON_HEAD, "[]", MAX_ELEMENTS - 10, "]}", ","), command)
        self.check("json: \"\" x 1M", "strings.json",
                   counted(JSON_HEAD, '""', MAX_ELEMENTS - 10, "]}", ","), command)
        members = "{" + ",".join(f'"m{i}":0' for i in range(MAX_ELEMENTS // 2 - 10)) + "}"
        self.check("json: members x 500k", "members.json", JSON_HEAD + members + "]}", command)

    def test_json_limit_message(self):
        path = self.tmp / "over.json"
        path.write_text(JSON_HEAD + "\n" + ",\n".join(["{}"] * 20) + "]}", encoding="utf-8")
        out = subprocess.run([CLI, "import", "--from", "json", "--max-elements", "10",
                              str(path), "-o", str(self.tmp / "o.xml"), "--force"],
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 1)
        # five values and names on line 1, then one {} a line: the 11th on line 7
        self.assertIn(f"{path}:7: error: more than 10 JSON values", out.stderr)
        self.assertIn("raise max_elements in etsi_load_options, or --max-elements", out.stderr)

    # ---- ICS CSV (etsi import --from ics-csv)

    def test_csv(self):
        command = self.import_into("ics-csv")
        self.check("csv: separators x 64 MiB", "flood.csv", flood(CSV_HEAD, ",", "\n"),
                   command, "more than 1000000 cells")
        self.check("csv: separators x 1M", "cells.csv",
                   CSV_HEAD + "," * (MAX_ELEMENTS - 100) + "\n", command)
        self.check("csv: bad rows x 250k", "rows.csv",
                   CSV_HEAD + "x,,,\n" * (MAX_ELEMENTS // 4 - 100), command,
                   "more problems are not listed")
        self.check("csv: rows x 64 MiB", "rows-flood.csv", flood(CSV_HEAD, "x\n", ""), command)

    def test_csv_limit_message(self):
        # --max-elements bounds the dossier imported into too: room for it
        path = self.tmp / "over.csv"
        path.write_text(CSV_HEAD + "5.3-1,,Y," + "," * 5000 + "\n", encoding="utf-8")
        out = subprocess.run([CLI] + [str(path) if a == "{}" else a for a in
                                      self.import_into("ics-csv")] + ["--max-elements", "5000"],
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 1)
        self.assertIn(f"{path}:2: error: row 2: more than 5000 cells", out.stderr)
        self.assertIn("raise max_elements in etsi_import_options, or --max-elements",
                      out.stderr)

    # ---- SBOMs (etsi import --from cyclonedx|spdx)

    def test_cyclonedx_json(self):
        command = self.import_into("cyclonedx")
        self.check("cyclonedx json: {} x 64 MiB", "flood.cdx.json",
                   flood(CDX_HEAD, "{},", "{}]}"), command, "more than 1000000 JSON values")
        self.check("cyclonedx json: {} x 1M", "empty.cdx.json",
                   counted(CDX_HEAD, "{}", MAX_ELEMENTS - 10, "]}", ","), command,
                   "more problems are not listed")
        components = ",".join(f'{{"name":"c{i}"}}' for i in range(MAX_RECORDS))
        self.check("cyclonedx json: components x 10k", "components.cdx.json",
                   CDX_HEAD + components + "]}", command)
        components = ",".join(f'{{"name":"c{i}"}}' for i in range(MAX_RECORDS + 1))
        self.check("cyclonedx json: components x 10k + 1", "over.cdx.json",
                   CDX_HEAD + components + "]}", command, "more than 10000 components")

    def test_cyclonedx_xml(self):
        command = self.import_into("cyclonedx")
        self.check("cyclonedx xml: <a/> x 64 MiB", "flood.cdx.xml",
                   flood(CDX_XML_HEAD, "<a/>", "</components></bom>"), command,
                   "more than 1000000 elements and attributes")
        self.check("cyclonedx xml: <component/> x 1M", "empty.cdx.xml",
                   counted(CDX_XML_HEAD, "<component/>", MAX_ELEMENTS - 10,
                           "</components></bom>"), command)
        components = "".join(f"<component><name>c{i}</name></component>"
                             for i in range(MAX_RECORDS))
        self.check("cyclonedx xml: components x 10k", "components.cdx.xml",
                   CDX_XML_HEAD + components + "</components></bom>", command)

    def test_spdx(self):
        command = self.import_into("spdx")
        self.check("spdx json: {} x 64 MiB", "flood.spdx.json",
                   flood(SPDX_HEAD, "{},", "{}]}"), command, "more than 1000000 JSON values")
        self.check("spdx json: {} x 1M", "empty.spdx.json",
                   counted(SPDX_HEAD, "{}", MAX_ELEMENTS - 10, "]}", ","), command)
        self.check("spdx tag-value: lines x 64 MiB", "flood.spdx",
                   flood(TV_HEAD, "PackageName: a\n", ""), command,
                   "more than 1000000 \"Tag: value\" lines")
        self.check("spdx tag-value: packages x 1M", "packages.spdx",
                   TV_HEAD + "PackageName: a\n" * (MAX_ELEMENTS - 10), command)


if __name__ == "__main__":
    unittest.main()
