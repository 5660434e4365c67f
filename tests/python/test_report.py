"""Reports from Python: every built-in format (html, public, the CSV
exports, md, input), your own stylesheet, the redaction of the public
summary, its refusal of an unsupported conformance claim, and the errors of
a bad stylesheet.  Output is compared with `etsi report` where it can be."""
import csv
import io
import os
import re
import unittest
import xml.etree.ElementTree as ET

from support import (CAMERA, EXAMPLES_AS_OF, PLUG, RULES, SENSOR, DATA, TempDirTestCase, etsi,
                     example_paths, run_cli)

DATE = EXAMPLES_AS_OF
REPORT_NS = "{urn:libetsi:report:1}"
DOSSIER_NS = "{urn:libetsi:dossier:1}"
PUBLIC_CLAIM = RULES / "public-claim-unsupported"

IDENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/"><xsl:copy-of select="."/></xsl:template>
</xsl:stylesheet>
"""

MODEL_LINE = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:text>model: </xsl:text>
    <xsl:value-of select="/r:report/d:dossier/d:dut/d:model-designation"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
"""

READS_A_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:value-of select="document('{secret}')"/></xsl:template>
</xsl:stylesheet>
"""

INCLUDES_A_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="{other}"/>
  <xsl:template match="/">x</xsl:template>
</xsl:stylesheet>
"""


CSV_RAW_PARAM = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:param name="csv-raw"/><xsl:output method="text"/>
<xsl:template match="/">[<xsl:value-of select="$csv-raw"/>]</xsl:template></xsl:stylesheet>"""


class ReportTestCase(TempDirTestCase):
    def render(self, dossier, format, **options):
        """A built-in format: every one etsi.report_formats() lists has its
        stylesheet compiled into libetsi."""
        self.assertIn(format, etsi.report_formats())
        return dossier.report(format, **options)

    def assertContains(self, text, part):
        """assertIn without printing a whole report when it fails."""
        if part not in text:
            self.fail(f"{part!r} is not in the {len(text)}-character report "
                      f"beginning {text[:200]!r}")

    def assertLacks(self, text, part):
        if part in text:
            at = text.index(part)
            self.fail(f"{part!r} is in the report: ...{text[max(0, at - 100):at + 100]!r}...")

    def stylesheet(self, text, name="style.xsl"):
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return path


class FormatsTest(ReportTestCase):
    def test_formats(self):
        self.assertEqual(etsi.report_formats(),
                         ["html", "public", "ics-csv", "plan-csv", "evidence-csv", "md", "input"])

    def test_input(self):
        d = etsi.load(CAMERA)
        text = d.report("input", date=DATE)
        root = ET.fromstring(text.encode("utf-8"))
        self.assertEqual(root.tag, REPORT_NS + "report")
        self.assertEqual(root.get("format"), "input")
        self.assertEqual(root.get("date"), DATE)
        dossier = root.find(DOSSIER_NS + "dossier")
        self.assertIsNotNone(dossier)
        self.assertEqual(dossier.find(f"{DOSSIER_NS}dut/{DOSSIER_NS}model-designation").text,
                         "KIC-300")
        self.assertIn("urn:libetsi:results:1", text)
        self.assertIn("urn:libetsi:catalog:1", text)
        self.assertIn("<acme:ticket>PLM-4411</acme:ticket>", text)  # the full report keeps them

    def test_input_same_as_cli(self):
        for path in example_paths():
            with self.subTest(path.name):
                out = run_cli("report", "--format", "input", "--date", DATE, path,
                              check=True).stdout
                self.assertEqual(etsi.load(path).report("input", date=DATE), out)

    def test_results_given(self):
        d = etsi.load(CAMERA)
        results = d.evaluate(as_of="2026-03-01")
        given = d.report("input", date=DATE, as_of=DATE, results=results)
        self.assertIn('as-of="2026-03-01"', given)  # the results', not evaluated again
        self.assertEqual(d.report("html", date=DATE, results=d.evaluate(as_of=DATE)),
                         d.report("html", date=DATE))
        with self.assertRaises(etsi.InvalidError):
            d.report("md", date=DATE, results=etsi.load(SENSOR).evaluate(as_of=DATE))

    def test_no_date_no_clock(self):
        d = etsi.load(SENSOR)
        a = d.report("input", as_of=DATE)
        self.assertNotIn('date="', a.split(">", 2)[1])  # the root carries no date
        self.assertEqual(a, etsi.load(SENSOR).report("input", as_of=DATE))

    def test_html(self):
        d = etsi.load(CAMERA)
        html = self.render(d, "html", date=DATE)
        self.assertRegex(html.lstrip()[:200].lower(), r"^<(!doctype html|html)")
        for part in ("KIC-300", "5.3-2-1", "INCONCLUSIVE", "comp-fw"):
            self.assertContains(html, part)
        # one self-contained file
        self.assertNotRegex(html, r'<(link|script|img)[^>]+(href|src)="https?://')
        self.assertEqual(html, self.render(etsi.load(CAMERA), "html", date=DATE))
        self.assertEqual(d.report(date=DATE), html)  # html is the default

    def test_public(self):
        d = etsi.load(SENSOR)  # all PASS, states conformance publicly
        html = self.render(d, "public", date=DATE)
        self.assertRegex(html.lstrip()[:200].lower(), r"^<(!doctype html|html)")
        self.assertContains(html, "VCS-200")
        # what is fit to publish is there: where the support period is published
        self.assertContains(html, d.user_info["publication-of-support-period-url"])
        self.assert_redacted(d, html)

    def test_ics_csv(self):
        d = etsi.load(PLUG)
        text = self.render(d, "ics-csv", date=DATE)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        self.assertIn("\r\n", text)
        self.assertEqual(len(rows) - 1, len(d.ics))
        provisions = [row[0] for row in rows[1:]]
        self.assertEqual(provisions, [e.key for e in d.ics])

    def test_plan_csv(self):
        d = etsi.load(CAMERA)
        text = self.render(d, "plan-csv", date=DATE)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        plan = d.evaluate(as_of=DATE).plan
        self.assertEqual(len(rows) - 1, len(plan))
        self.assertEqual({c.key for c in plan}, {cell for row in rows[1:] for cell in row}
                         & {c.key for c in plan})

    def test_evidence_csv(self):
        d = etsi.load(CAMERA)
        text = self.render(d, "evidence-csv", date=DATE)
        rows = list(csv.reader(io.StringIO(text, newline="")))
        cells = {cell for row in rows for cell in row}
        for ev in d.evidence:
            self.assertIn(ev.key, cells)
        for artifact in d.records("artifact"):
            if artifact["sha256"]:
                self.assertIn(artifact["sha256"], cells)

    def test_md(self):
        d = etsi.load(PLUG)
        md = self.render(d, "md", date=DATE)
        self.assertTrue(md.lstrip().startswith("#"))
        self.assertIn("FAIL", md)
        self.assertIn(d.dut["model-designation"], md)

    def test_product_facts(self):
        # typed facts, integrity pins and the supplier's self-assessment
        # reach every report that shows them, the same as from the CLI
        path = DATA / "reports" / "product-facts.xml"
        d = etsi.load(path)
        html = self.render(d, "html", date=DATE)
        for part in ('id="s-facts"', "verified by the device before installation",
                     '<span class="fv fv-unknown">? unknown</span>', '<span class="fv fv-none">not stated</span>',
                     "git object pinned", "Supplier’s self-assessment"):
            self.assertContains(html, part)
        self.assertContains(self.render(d, "md", date=DATE), "## Product facts")
        rows = list(csv.reader(io.StringIO(self.render(d, "evidence-csv"), newline="")))
        self.assertEqual(rows[0][-1], "git_oid")
        self.assertIn("3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39", [row[-1] for row in rows])
        for fmt in ("html", "md", "public"):
            with self.subTest(format=fmt):
                proc = run_cli("report", "--format", fmt, "--date", DATE, path)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(self.render(d, fmt, date=DATE), proc.stdout)

    def test_same_as_cli(self):
        for fmt in etsi.report_formats():
            with self.subTest(format=fmt):
                proc = run_cli("report", "--format", fmt, "--date", DATE, PLUG)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertEqual(self.render(etsi.load(PLUG), fmt, date=DATE), proc.stdout)

    def assert_redacted(self, d, text):
        for owner in d.owners:
            self.assertLacks(text, owner["name"])
            if owner["email"]:
                self.assertLacks(text, owner["email"])
        for artifact in d.records("artifact"):
            if artifact["visibility"] == "private":
                self.assertLacks(text, artifact["ref"])
        for entry in d.ics:
            if entry["detail"] and len(entry["detail"]) > 40:
                self.assertLacks(text, entry["detail"])


class PublicTest(ReportTestCase):
    def test_refuses_an_unsupported_claim(self):
        fixtures = sorted(PUBLIC_CLAIM.glob("fail*.xml"))
        self.assertGreaterEqual(len(fixtures), 4)
        for path in fixtures:
            with self.subTest(path.name):
                d = etsi.load(path)
                with self.assertRaises(etsi.ValidationError) as cm:
                    d.report("public", date="2026-06-01")
                e = cm.exception
                self.assertEqual((e.code, e.name), (-8, "EVALIDATION"))
                self.assertEqual(e.file, str(path))
                self.assertGreater(e.line, 0)
                self.assertIn("refusing to publish a conformance statement", e.message)
                # the same with your own stylesheet: the claim is checked first
                with self.assertRaises(etsi.ValidationError):
                    d.report("public", stylesheet=self.stylesheet(MODEL_LINE))
                # the etsi command refuses it too
                proc = run_cli("report", "--format", "public", "--date", "2026-06-01", path)
                self.assertEqual(proc.returncode, 1)
                # the full report is still made
                self.assertTrue(d.report("input", date="2026-06-01"))

    def test_supported_claim(self):
        d = etsi.load(PUBLIC_CLAIM / "pass.xml")
        out = d.report("public", stylesheet=self.stylesheet(MODEL_LINE), date="2026-06-01")
        self.assertEqual(out, "model: HST-400\n")

    def test_public_input_is_redacted(self):
        for path in (SENSOR, CAMERA, PLUG):
            with self.subTest(path.name):
                d = etsi.load(path)
                text = d.report("public", stylesheet=self.stylesheet(IDENTITY), date=DATE)
                root = ET.fromstring(text.encode("utf-8"))
                self.assertEqual(root.get("format"), "public")
                self.assertNotIn("urn:example:acme:plm", text)   # no extension content
                self.assertNotIn("<owner", text)
                self.assertNotIn("<soft-comp", text)              # no IXIT rows
                FormatsTest.assert_redacted(self, d, text)
                self.assertContains(text, d.dut["model-designation"])


class StylesheetTest(ReportTestCase):
    def test_own_stylesheet(self):
        style = self.stylesheet(MODEL_LINE)
        for path, model in ((CAMERA, "KIC-300"), (SENSOR, "VCS-200")):
            self.assertEqual(etsi.load(path).report(stylesheet=style), f"model: {model}\n")
        self.assertEqual(etsi.load(CAMERA).report("md", stylesheet=str(style)), "model: KIC-300\n")
        proc = run_cli("report", "--stylesheet", style, CAMERA, check=True)
        self.assertEqual(proc.stdout, "model: KIC-300\n")

    def test_csv_cells_neutralised_unless_raw(self):
        d = etsi.load(CAMERA)
        d.set_ics("5.3-12", "Y", "=HYPERLINK(\"http://example.invalid\")")
        row = next(r for r in csv.reader(io.StringIO(d.report("ics-csv"), newline=""))
                   if r[0] == "5.3-12")
        self.assertEqual(row[3], "'=HYPERLINK(\"http://example.invalid\")")
        raw = next(r for r in csv.reader(io.StringIO(d.report("ics-csv", csv_raw=True),
                                                     newline="")) if r[0] == "5.3-12")
        self.assertEqual(raw[3], "=HYPERLINK(\"http://example.invalid\")")
        style = self.stylesheet(CSV_RAW_PARAM, "raw.xsl")
        self.assertEqual(d.report(stylesheet=style), "[]")
        self.assertEqual(d.report(stylesheet=style, csv_raw=True), "[yes]")

    def test_stylesheet_may_not_read_files(self):
        secret = self.tmp / "secret.txt"
        secret.write_text("TOP-SECRET-VALUE\n")
        style = self.stylesheet(READS_A_FILE.format(secret=secret))
        with self.assertRaises(etsi.TransformError) as cm:
            etsi.load(CAMERA).report(stylesheet=style)
        self.assertNotIn("TOP-SECRET-VALUE", str(cm.exception))
        self.assertEqual(cm.exception.name, "ETRANSFORM")

    def test_stylesheet_may_not_include_files(self):
        other = self.stylesheet(IDENTITY, "other.xsl")
        style = self.stylesheet(INCLUDES_A_FILE.format(other=other))
        with self.assertRaises(etsi.ParseError) as cm:
            etsi.load(CAMERA).report(stylesheet=style)
        self.assertIn("refused", cm.exception.message)
        self.assertEqual(cm.exception.file, str(style))

    def test_broken_and_missing_stylesheets(self):
        broken = self.stylesheet("<xsl:stylesheet", "broken.xsl")
        with self.assertRaises(etsi.ParseError):
            etsi.load(CAMERA).report(stylesheet=broken)
        with self.assertRaises(etsi.FileError) as cm:
            etsi.load(CAMERA).report(stylesheet=self.tmp / "missing.xsl")
        self.assertEqual(cm.exception.file, str(self.tmp / "missing.xsl"))


class ErrorsTest(ReportTestCase):
    def test_bad_arguments(self):
        d = etsi.load(CAMERA)
        with self.assertRaises(etsi.InvalidError):
            d.report("pdf")
        with self.assertRaises(etsi.InvalidError):
            d.report("input", date="26.11.2026")
        with self.assertRaises(etsi.InvalidError):
            d.report("input", as_of="soon")

    def test_invalid_dossier(self):
        d = etsi.load(DATA / "schema-invalid" / "bad-enum.xml", validate=False)
        with self.assertRaises(etsi.ValidationError) as cm:
            d.report("input")
        self.assertEqual(cm.exception.line, 30)
        self.assertIn("no report is made", cm.exception.message)


class WriteReportTest(ReportTestCase):
    def test_write_report(self):
        d = etsi.load(CAMERA)
        out = self.tmp / "report.xml"
        d.write_report(out, "input", date=DATE)
        self.assertEqual(out.read_text(encoding="utf-8"), d.report("input", date=DATE))
        os.chmod(out, 0o600)
        d.write_report(str(out), "input", stylesheet=self.stylesheet(MODEL_LINE))
        self.assertEqual(out.read_text(encoding="utf-8"), "model: KIC-300\n")
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["report.xml", "style.xsl"])

    def test_failed_report_leaves_the_file(self):
        out = self.tmp / "public.html"
        out.write_text("old\n")
        with self.assertRaises(etsi.ValidationError):
            etsi.load(PUBLIC_CLAIM / "fail.xml").write_report(out, "public")
        self.assertEqual(out.read_text(), "old\n")

    def test_html_file(self):
        d = etsi.load(SENSOR)
        out = self.tmp / "sensor.html"
        d.write_report(out, date=DATE)
        self.assertEqual(out.read_text(encoding="utf-8"), d.report(date=DATE))

    def test_same_as_cli_output_file(self):
        out = self.tmp / "cli.xml"
        run_cli("report", "--format", "input", "--date", DATE, "-o", out, CAMERA, check=True)
        mine = self.tmp / "py.xml"
        etsi.load(CAMERA).write_report(mine, "input", date=DATE)
        self.assertEqual(mine.read_bytes(), out.read_bytes())


if __name__ == "__main__":
    unittest.main()
