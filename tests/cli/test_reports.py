"""Tests of `etsi report`: the built-in stylesheets (stylesheets/*.xsl) on
the example dossiers, the redaction of the public summary, determinism,
caller stylesheets and the security rules, HTML validity (Nu Html
Checker) and rendering in a real browser (headless Chromium).

Expectations about the examples come from the dossiers themselves (read
with ElementTree) and from examples/dossiers/README.md, not from the
reports under test.

Run through ctest, which sets ETSI_CLI to the built binary and
ETSI_SOURCE_DIR to the source tree.  The Nu Html Checker
(tests/html/node_modules, `npm ci` in tests/html) and Chromium are
optional: their tests are skipped when they are missing, unless
ETSI_REQUIRE_HTML_TOOLS=1 (CI) makes that a failure.
"""
import csv
import datetime
import html.parser
import importlib.util
import io
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DOSSIERS = SOURCE / "examples" / "dossiers"
DATA = SOURCE / "tests" / "data" / "reports"
PRIVATE = DATA / "private-markers.xml"
UNSUPPORTED = DATA / "claim-unsupported.xml"
FACTS = DATA / "product-facts.xml"  # typed product facts: tests/data/reports/make_facts.py
HUB = DOSSIERS / "home-hub-v3.xml"  # an example whose facts contradict its ICS
REQUIRE_TOOLS = os.environ.get("ETSI_REQUIRE_HTML_TOOLS") == "1"
DATE = "2026-11-26"
FORMATS = ("html", "public", "ics-csv", "plan-csv", "evidence-csv", "md")

sys.path.insert(0, str(SOURCE / "tests" / "html"))
import check_html  # noqa: E402  (tests/html/check_html.py)

D = "{urn:libetsi:dossier:1}"

# From examples/dossiers/README.md: what the engine says as of 2026-11-26.
EXAMPLES = {
    "smart-camera-v3": {"provisions": 19, "planned": 26, "verdicts": 10,
                        "overall": "INCONCLUSIVE", "ready": True, "conformance": False,
                        "mechanisms": 3},
    "constrained-sensor-v2": {"provisions": 16, "planned": 9, "verdicts": 9,
                              "overall": "PASS", "ready": True, "conformance": True,
                              "mechanisms": 0},
    "smart-plug-usb-v3": {"provisions": 19, "planned": 24, "verdicts": 11,
                          "overall": "FAIL", "ready": True, "conformance": False,
                          "mechanisms": 2},
}


def load_markers():
    spec = importlib.util.spec_from_file_location("make_private", DATA / "make_private.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MARKERS


def etsi(*args, cwd=None):
    """Runs the CLI; stdout as bytes (CSV line ends matter), stderr as text."""
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, cwd=cwd, timeout=120)
    r.stderr = r.stderr.decode("utf-8", "replace")
    return r


def report(path, fmt, *extra, date=DATE):
    args = ["report", path, "--format", fmt, *extra]
    if date:
        args += ["--date", date]
    return etsi(*args)


def dossier(name):
    return ET.parse(DOSSIERS / f"{name}.xml").getroot()


def parse_csv(data):
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


class Ids(html.parser.HTMLParser):
    """Collects element ids, tags and the text inside one element."""

    def __init__(self, inside=None):
        super().__init__(convert_charrefs=True)
        self.ids, self.tags, self.inside, self.depth, self.text = set(), [], inside, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if self.depth or (self.inside and attrs.get("id") == self.inside):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def parse_html(text, inside=None):
    p = Ids(inside)
    p.feed(text)
    return p


class Base(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-reports-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def render(self, path, fmt, *extra, date=DATE):
        r = report(path, fmt, *extra, date=date)
        self.assertEqual(r.returncode, 0, f"{path} --format {fmt}: {r.stderr}")
        self.assertTrue(r.stdout, f"{path} --format {fmt} wrote nothing")
        return r.stdout

    def need(self, available, reason):
        if available:
            return
        if REQUIRE_TOOLS:
            self.fail(f"{reason}, and ETSI_REQUIRE_HTML_TOOLS=1 requires it")
        self.skipTest(reason)


# ---- every format on every example ---------------------------------------

class Formats(Base):
    def test_every_format_renders_every_example(self):
        for name in EXAMPLES:
            for fmt in FORMATS:
                with self.subTest(example=name, format=fmt):
                    out = self.render(DOSSIERS / f"{name}.xml", fmt)
                    out.decode("utf-8")  # valid UTF-8

    def test_output_file_is_written(self):
        out = self.tmp / "r.html"
        r = report(DOSSIERS / "smart-camera-v3.xml", "html", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"wrote {out}", r.stderr)
        self.assertEqual(out.read_bytes(), self.render(DOSSIERS / "smart-camera-v3.xml", "html"))


class Html(Base):
    def test_structure_and_self_containment(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                self.assertTrue(text.startswith("<!DOCTYPE html>\n<html lang=\"en\">"))
                lower = text.lower()
                for banned in ("<script", "<link", "<iframe", "<img", "@import", "url(", " src="):
                    self.assertNotIn(banned, lower, f"{name}: {banned} makes the report fetch something")
                self.assertIn("@media print", text)
                self.assertIn("break-before: page", text)
                self.assertIn("display: table-header-group", text)
                self.assertIn("break-inside: avoid", text)

    def test_summary_header(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                root = dossier(name)
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                for path in ("dut/manufacturer", "dut/model-designation"):
                    value = root.find(D + path.replace("/", "/" + D)).text.strip()
                    self.assertIn(html_escape(value), text)
                editions = root.find(f"{D}header/{D}editions")
                self.assertIn(f"EN 303 645 V{editions.get('en303645')}", text)
                self.assertIn(f"TS 103 701 V{editions.get('ts103701')}", text)
                self.assertIn(f"release {root.find(f'{D}header/{D}release').get('version')}", text)
                kpis = text[text.index('class="kpis"'):text.index('<nav class="toc"')]
                self.assertIn(want["overall"], kpis)
                self.assertIn("READY" if want["ready"] else "NOT READY", kpis)
                self.assertRegex(kpis, r"<b>0</b> errors")
                self.assertIn(f"{want['verdicts']} / {want['planned']}", kpis)
                self.assertIn(f"Report date<strong>{DATE}</strong>", text.replace("\n", ""))

    def test_every_section_names_its_layer(self):
        text = self.render(DOSSIERS / "smart-camera-v3.xml", "html").decode("utf-8")
        heads = re.findall(r'<div class="sec-h">.*?<span class="layer layer-(\w+)">([^<]+)</span>',
                           text, re.S)
        self.assertEqual(len(heads), 11)
        layers = dict(heads)
        self.assertEqual(layers["requirement"], "EN 303 645 — requirement layer")
        self.assertEqual(layers["assessment"], "TS 103 701 — assessment layer")
        self.assertEqual({layer for layer, _ in heads},
                         {"both", "facts", "requirement", "assessment", "evidence", "process"})

    def test_status_matrix_and_verdict_summary(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                matrix = parse_html(text, inside="status-matrix")
                self.assertIn("status-matrix", matrix.ids)
                self.assertIn("verdict-summary", matrix.ids)
                words = " ".join(matrix.text)
                provisions = [e.get("provision") for e in dossier(name).iter(D + "entry")]
                self.assertEqual(len(provisions), want["provisions"])
                for p in provisions:
                    self.assertRegex(words, rf"(^|\s){re.escape(p)}\s")
                # one row (a <g> with a zebra or not) per provision: count the outcome cells
                self.assertEqual(len(re.findall(r"(PASS|PASS \(justified\)|FAIL|INCONCLUSIVE|NOT ASSESSED"
                                                r"|NOT APPLICABLE)\s*</text>\s*</g>",
                                                matrix_svg(text))),
                                 want["provisions"])
                summary = svg(text, "verdict-summary")
                self.assertIn(f"Provisions by outcome ({want['provisions']}", summary)
                self.assertIn(f"Planned test cases by verdict ({want['planned']}", summary)

    def test_ics_table_lists_every_entry_with_its_support(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                for entry in dossier(name).iter(D + "entry"):
                    row = re.search(rf'<tr id="ics-{re.escape(entry.get("provision"))}">(.*?)</tr>',
                                    text, re.S)
                    self.assertIsNotNone(row, entry.get("provision"))
                    self.assertIn(f">{entry.get('support')}</span>", row.group(1))

    def test_boundary_diagram_draws_components_and_mechanisms(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                boundary = svg(text, "update-boundary")
                root = dossier(name)
                components = root.findall(f"{D}update-boundary/{D}component")
                mechanisms = root.findall(f"{D}update-boundary/{D}mechanism")
                self.assertEqual(len(mechanisms), want["mechanisms"])
                for c in components + mechanisms:
                    self.assertIn(f"<title>{c.get('id')}: ", boundary)
                edges = sum(len(c.findall(D + "covered-by")) for c in components)
                self.assertEqual(boundary.count('class="edge"'), edges)
                for m in mechanisms:
                    self.assertIn("network" if m.get("network") == "true" else "no network", boundary)
                if not mechanisms:
                    self.assertIn("No update mechanism is implemented.", boundary)

    def test_ixit_tables(self):
        text = self.render(DOSSIERS / "smart-camera-v3.xml", "html").decode("utf-8")
        for table in ("2-UserInfo", "4-Conf", "6-SoftComp", "7-UpdMech", "8-UpdProc", "9-ReplSup"):
            self.assertIn(f'id="ixit-{table}"', text)
        self.assertIn("Cryptographic Details", text)  # a catalog field name
        text = self.render(DOSSIERS / "constrained-sensor-v2.xml", "html").decode("utf-8")
        self.assertIn("Hardware Replacement", text)
        self.assertIn("Replacement programme SUP-PRO-021", text)

    def test_evidence_map_has_every_artifact_and_digest(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                for ev in dossier(name).iter(D + "evidence"):
                    self.assertIn(f'id="e-{ev.get("id")}"', text)
                    for art in ev.iter(D + "artifact"):
                        self.assertIn(html_escape(art.get("ref")), text)
                        if art.get("sha256"):
                            self.assertIn(art.get("sha256"), text)
        text = self.render(DOSSIERS / "smart-camera-v3.xml", "html").decode("utf-8")
        self.assertIn("Carried from release </strong>3.3.2", text)
        self.assertIn("assurance <strong>substantial</strong>", text)

    def test_plan_verdicts_findings_and_gate(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                ids = parse_html(text).ids
                plan = etsi("plan", "--format", "csv", DOSSIERS / f"{name}.xml")
                cases = [row[0] for row in parse_csv(plan.stdout)[1:]]
                self.assertEqual(len(cases), want["planned"])
                for case in cases:
                    self.assertIn(f"tc-{case}", ids)
                verdicts = list(dossier(name).iter(D + "verdict"))
                self.assertEqual(len(verdicts), want["verdicts"])
                for v in verdicts:
                    self.assertIn(f"v-{v.get('case')}", ids)
                    for indication in v.findall(D + "indication"):
                        self.assertIn(html_escape(" ".join(indication.text.split())), text)
                for step in ("scope", "ics", "mechanisms", "procedures", "user-info", "handoff"):
                    self.assertIn(f"g-{step}", ids)
                # the examples are clean: no finding, or only waived ones
                findings = section(text, "s-findings", "s-gate")
                if "No findings" not in findings:
                    rows = re.findall(r"<tr( class=\"waived\")?[ >]", findings.split("<tbody>", 1)[1])
                    self.assertTrue(rows)
                    self.assertTrue(all(rows), f"{name}: an unwaived finding")

    def test_findings_with_hints_and_waivers(self):
        text = self.render(PRIVATE, "html").decode("utf-8")
        section = text[text.index('id="s-findings"'):text.index('id="s-gate"')]
        self.assertIn("evidence-draft", section)
        self.assertIn("How to fix", open_css(text))
        self.assertIn('class="hint"', section)
        waived = re.search(r'<tr class="waived">(.*?)</tr>', section, re.S)
        self.assertIsNotNone(waived)
        self.assertIn("artifact-digest-missing", waived.group(1))
        self.assertIn("wv-manual-digest", waived.group(1))

    def test_gate_blockers_and_missing_inputs(self):
        broken = SOURCE / "tests" / "data" / "rules" / "ixit-row-missing" / "fail-mechanism.xml"
        if not broken.is_file():
            self.skipTest(f"{broken} is missing")
        text = self.render(broken, "html").decode("utf-8")
        self.assertIn("NOT READY", text)
        self.assertRegex(text, r'<span class="b b-fail">[^<]*blocked</span>')
        self.assertIn("missing inputs", text)
        self.assertIn("missing for mechanism", text)
        self.assertIn('class="blocker"', text)


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def svg(text, ident):
    start = text.index(f'<svg id="{ident}"')
    return text[start:text.index("</svg>", start)]


def matrix_svg(text):
    return svg(text, "status-matrix")


def open_css(text):
    return text[text.index("<style>"):text.index("</style>")]


# ---- the public summary --------------------------------------------------

class Public(Base):
    def test_content(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                root = dossier(name)
                text = self.render(DOSSIERS / f"{name}.xml", "public").decode("utf-8")
                self.assertTrue(text.startswith("<!DOCTYPE html>\n<html lang=\"en\">"))
                self.assertNotIn("<script", text.lower())
                self.assertIn(root.find(f"{D}dut/{D}model-designation").text, text)
                self.assertIn(root.find(f"{D}dut/{D}manufacturer").text, text)
                tl = [p for p in root.iter(D + "party") if p.get("role") == "TL"][0]
                self.assertIn(html_escape(tl.find(D + "name").text), text)
                period = root.find(f"{D}ixit/{D}user-info/{D}support-period")
                year = period.get("end")[:4]
                self.assertRegex(text, rf"\d+ \w+ {year}")
                self.assertIn(root.find(f"{D}ixit/{D}user-info/{D}publication-of-support-period").get("url"),
                              text)
                if want["conformance"]:
                    self.assertIn("Conformance stated", text)
                    self.assertNotIn("Assessment in progress", text)
                else:
                    self.assertIn("Assessment in progress", text)
                    self.assertNotIn("Conformance stated", text)
                for m in root.iter(D + "mechanism"):
                    self.assertIn(html_escape(m.find(D + "name").text), text)
                if not want["mechanisms"]:
                    self.assertIn("cannot be updated", text)
                self.assertIn(f"As of<strong>{26} November 2026</strong>", text.replace("\n", ""))

    def test_shows_nothing_private_of_the_examples(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                root = dossier(name)
                text = self.render(DOSSIERS / f"{name}.xml", "public").decode("utf-8")
                for owner in root.iter(D + "owner"):
                    self.assertNotIn(owner.find(D + "name").text, text)
                for art in root.iter(D + "artifact"):
                    self.assertNotIn(art.get("ref"), text)
                    if art.get("sha256"):
                        self.assertNotIn(art.get("sha256"), text)
                for entry in root.iter(D + "entry"):
                    detail = entry.find(D + "detail")
                    if detail is not None:
                        self.assertNotIn(html_escape(detail.text[:60]), text)


class Redaction(Base):
    @classmethod
    def setUpClass(cls):
        cls.markers = load_markers()

    def test_test_dossiers_are_valid(self):
        r = etsi("validate", PRIVATE, UNSUPPORTED)
        self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr)

    def test_public_summary_has_no_private_marker(self):
        text = self.render(PRIVATE, "public").decode("utf-8")
        for leak in ("PRIVATE-MARKER", "private-marker", "/home/", "intranet."):
            self.assertNotIn(leak, text)
        # and it still says what it should
        self.assertIn("VSP-20-EU", text)
        self.assertIn("Assessment in progress", text)

    def test_public_input_itself_has_no_private_marker(self):
        dump = self.tmp / "dump.xsl"
        dump.write_text('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                        '<xsl:output method="xml"/><xsl:template match="/"><xsl:copy-of select="/"/>'
                        '</xsl:template></xsl:stylesheet>')
        text = self.render(PRIVATE, "public", "--stylesheet", dump).decode("utf-8")
        self.assertIn("urn:libetsi:dossier:1", text)
        self.assertNotIn("PRIVATE-MARKER", text.upper())
        self.assertNotIn("/home/", text)
        self.assertNotIn("<findings", text)
        self.assertNotIn("<owner", text)
        self.assertNotIn("<artifact", text)

    def test_html_report_shows_the_private_content(self):
        text = self.render(PRIVATE, "html").decode("utf-8")
        for n, (where, shown) in self.markers.items():
            if shown:
                with self.subTest(marker=n, where=where):
                    self.assertRegex(text, rf"PRIVATE-MARKER-{n}\b")
        self.assertIn("private-marker-2@voltaris.example", text)
        self.assertIn("/home/PRIVATE-MARKER-3/", text)

    def test_input_keeps_extensions_that_public_drops(self):
        text = self.render(PRIVATE, "input").decode("utf-8")
        self.assertIn("PRIVATE-MARKER-12", text)
        self.assertIn("PRIVATE-MARKER-13", text)

    def test_csv_and_markdown_are_private_formats(self):
        evidence = self.render(PRIVATE, "evidence-csv").decode("utf-8")
        self.assertIn("/home/PRIVATE-MARKER-3/", evidence)
        ics = self.render(PRIVATE, "ics-csv").decode("utf-8")
        self.assertIn("PRIVATE-MARKER-9", ics)
        md = self.render(PRIVATE, "md").decode("utf-8")
        self.assertIn("PRIVATE-MARKER-11", md)

    def test_unsupported_conformance_claim_is_refused(self):
        out = self.tmp / "public.html"
        r = report(UNSUPPORTED, "public", "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertFalse(out.exists())
        self.assertIn("refusing to publish a conformance statement", r.stderr)
        self.assertEqual(r.stdout, b"")
        # the private report of the same dossier is fine
        self.render(UNSUPPORTED, "html")

    def test_supported_conformance_claim_is_published(self):
        text = self.render(DOSSIERS / "constrained-sensor-v2.xml", "public").decode("utf-8")
        self.assertIn("The manufacturer states that VCS-200 conforms", text)


# ---- typed product facts -----------------------------------------------------

R = "{urn:libetsi:results:1}"
PUBLIC_XSL = SOURCE / "stylesheets" / "public-html.xsl"
BEFORE_INSTALL = "verified by the device before installation"


def facts_variant(*substitutions):
    """product-facts.xml with (pattern, replacement) regex substitutions,
    each of which must match."""
    text = FACTS.read_text()
    for pattern, replacement in substitutions:
        text, n = re.subn(pattern, replacement, text)
        assert n, pattern
    return text


def every_mechanism_verified(where):
    return (r'<verification where="[^"]*"', f'<verification where="{where}"')


def section(text, ident, until):
    return text[text.index(f'id="{ident}"'):text.index(f'id="{until}"')]


def card(text, ident):
    """The HTML of the card or row with this id, up to the next one."""
    start = text.index(f'id="{ident}"')
    ends = [i for i in (text.find('<div class="card" id="', start + 1), text.find("<tr id=", start + 1),
                        text.find("<h3", start + 1)) if i > 0]
    return text[start:min(ends)]


def fact_row(html_text, label):
    """The cell after a row heading <th scope="row">label</th> (which may
    hold a table)."""
    m = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td>(.*?)</td>\s*</tr>\s*(<tr>\s*<th scope="row">|'
                  rf'</tbody>\s*</table>\s*(</div>|<h3|$))', html_text, re.S)
    assert m, label
    return m.group(1)


def sub_fact(html_text, key):
    """(class, words) of one fact in a list of facts: "key: value"."""
    m = re.search(rf'<span class="fk">{re.escape(key)}:</span> <span class="(fv[^"]*)">([^<]*)</span>', html_text)
    assert m, key
    return m.groups()


def xsltproc(sheet, doc):
    r = subprocess.run(["xsltproc", str(SOURCE / "stylesheets" / sheet), str(doc)], capture_output=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def inject_results(input_xml):
    """The report input with known results of the kinds the engine's
    claim-versus-fact rules produce (results.xsd) in place of the ones it
    gave: two findings whose recorded fact contradicts an ICS claim (one
    of them waived), a planned case at risk of INCONCLUSIVE and two open
    questions.  Text with markup characters, to see that it is escaped."""
    for prefix, uri in (("rp", "urn:libetsi:report:1"), ("d", "urn:libetsi:dossier:1"),
                        ("r", "urn:libetsi:results:1"), ("c", "urn:libetsi:catalog:1")):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(input_xml)
    results = root.find(R + "results")
    findings = results.find(R + "findings")
    for f in findings.findall(R + "finding"):
        if f.get("claim"):
            findings.remove(f)
    for case in results.iter(R + "case"):
        case.attrib.pop("at-risk", None)
        for unknown in case.findall(R + "unknown"):
            case.remove(unknown)
    for questions in results.findall(R + "open-questions"):
        questions.clear()
    for ref, line, waived in (("5.3-9", "191", "false"), ("5.3-6A", "175", "true")):
        f = ET.SubElement(findings, R + "finding", {
            "rule": "claim-fact-test", "severity": "error", "layer": "requirement", "step": "ics",
            "file": "product-facts.xml", "line": "300", "element": f"ics/entry[@provision='{ref}']",
            "reference": ref, "waived": waived, "claim": f"ICS {ref}: Y",
            "fact": f"mechanism 'mech-store' <fact {ref}> & more", "fact-line": line})
        ET.SubElement(f, R + "message").text = f"the ICS claims {ref} <Y> & a fact says otherwise"
    case = results.find(f"{R}plan/{R}case[@id='5.3-5-1']")
    case.set("at-risk", "true")
    ET.SubElement(case, R + "unknown").text = "mechanism 'mech-app' update-check <not stated>"
    questions = results.find(R + "open-questions")
    if questions is None:
        questions = ET.SubElement(results, R + "open-questions")
    for fact, provisions, step in (("mechanism 'mech-app' update-check", "5.3-5 5.3-4A", "mechanisms"),
                                   ("component 'comp-se' boot-verification", "5.3-2, 5.3-9", "scope")):
        q = ET.SubElement(questions, R + "question", {"step": step, "fact": fact, "provisions": provisions,
                                                      "file": "product-facts.xml", "line": "170"})
        q.text = f"Is {fact} <known> & stated?"
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


class Facts(Base):
    """The product-facts section, integrity pins and the supplier's
    self-assessment of the HTML report, from tests/data/reports/product-facts.xml."""

    @classmethod
    def setUpClass(cls):
        r = report(FACTS, "html")
        assert r.returncode == 0, r.stderr
        cls.text = r.stdout.decode("utf-8")
        cls.facts = section(cls.text, "s-facts", "s-ixit")

    def test_fixture_is_valid(self):
        r = etsi("validate", FACTS)
        self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr)

    def test_facts_section_is_numbered_with_its_layer(self):
        self.assertRegex(self.facts, r'^id="s-facts">\s*<div class="sec-h">\s*<h2>\s*<span class="n">5</span>'
                                     r'Product facts</h2>\s*<span class="layer layer-facts">')
        self.assertIn('<a href="#s-facts">Product facts</a>', self.text)

    def test_every_mechanism_fact_in_plain_words(self):
        ota = card(self.facts, "fm-mech-ota")
        self.assertIn("verified by the device before installation", fact_row(ota, "Authenticity and integrity"))
        self.assertIn('<a href="#c-comp-se">', fact_row(ota, "Authenticity and integrity"))
        self.assertIn("in a secure element", fact_row(ota, "Verification key"))
        self.assertEqual(sub_fact(ota, "server authenticated"), ("fv-val", "yes"))
        self.assertEqual(sub_fact(ota, "TLS"), ("fv-val", "1.3"))
        self.assertIn("the manufacturer’s update service", fact_row(ota, "Updates come from"))
        self.assertIn("hardware counter", fact_row(ota, "Anti-rollback"))
        self.assertIn("two banks", fact_row(ota, "Recovery from a failed installation"))
        self.assertEqual(sub_fact(ota, "default"), ("fv-val", "chosen at setup, preselected on (opt-out)"))
        self.assertEqual(sub_fact(ota, "user can postpone"), ("fv-val", "yes"))
        self.assertEqual(sub_fact(ota, "at boot"), ("fv-val", "yes"))
        self.assertEqual(sub_fact(ota, "after initialization"), ("fv fv-unknown", "? unknown"))
        self.assertIn("every 1 day", fact_row(ota, "Checks for updates"))
        self.assertEqual(sub_fact(ota, "by"), ("fv-val", "the device"))
        told = fact_row(ota, "What the user is told")
        self.assertEqual(sub_fact(told, "the risks it addresses"), ("fv fv-unknown", "? unknown"))
        self.assertEqual(sub_fact(told, "disruption of basic functions"), ("fv-val", "announced"))
        self.assertEqual(sub_fact(told, "channel"), ("fv-val", "in the companion app"))
        self.assertEqual(sub_fact(told, "user can switch them off"), ("fv-val", "no"))
        store = card(self.facts, "fm-mech-store")
        self.assertIn("verified only by the update client or companion app",
                      fact_row(store, "Authenticity and integrity"))
        self.assertIn("a third-party host", fact_row(store, "Updates come from"))

    def test_crypto_is_a_small_table(self):
        crypto = fact_row(card(self.facts, "fm-mech-ota"), "Cryptography")
        self.assertIn('<table class="t crypto">', crypto)
        rows = re.findall(r"<tr>\s*<td>(\w[^<]*)</td>\s*<td class=\"mono\">([^<]*)</td>\s*"
                          r"<td class=\"num\">([^<]*)(?:<|</td>)", crypto)
        self.assertEqual([r[:2] for r in rows], [("signature", "ECDSA"), ("digest", "SHA-256"),
                                                 ("encryption", "AES-128-GCM")])
        self.assertIn(">256</td>", crypto)
        self.assertIn(">128</td>", crypto)
        self.assertIn('<td class="mono">SHA-256</td>', crypto)
        self.assertIn('<span class="fv-val">yes</span>', crypto)  # AES-GCM authenticated
        self.assertIn('<span class="fv fv-none">not stated</span>',
                      fact_row(card(self.facts, "fm-mech-store"), "Cryptography"))

    def test_not_stated_and_unknown_are_never_no(self):
        app = card(self.facts, "fm-mech-app")
        self.assertEqual(sub_fact(app, "server authenticated"), ("fv fv-unknown", "? unknown"))
        self.assertEqual(sub_fact(app, "TLS"), ("fv fv-none", "not stated"))
        self.assertEqual(sub_fact(app, "user can postpone"), ("fv fv-unknown", "? unknown"))
        self.assertEqual(sub_fact(app, "default"), ("fv fv-none", "not stated"))
        store = card(self.facts, "fm-mech-store")
        for label in ("Verification key", "Anti-rollback", "Recovery from a failed installation"):
            with self.subTest(label=label):
                self.assertEqual(fact_row(store, label).strip(), '<span class="fv fv-none">not stated</span>')
        # the two look different, and the page says what each means
        css = open_css(self.text)
        self.assertRegex(css, r"\.fv-none \{[^}]*dashed")
        self.assertRegex(css, r"\.fv-unknown \{[^}]*background")
        self.assertIn("means the dossier leaves the fact out", self.facts)
        self.assertIn("means it records that the fact is not known", self.facts)
        # no fact in the whole section is a bare "no" unless recorded as false
        facts = re.findall(r"<(?:verification|crypto|verification-key|transport|update-source|anti-rollback|"
                           r"recovery|automation|update-check|notice|boot-verification|carries|"
                           r"other-install-path)\b[^>]*>", FACTS.read_text())
        falses = sum(f.count('="false"') for f in facts)
        self.assertEqual(self.facts.count('<span class="fv-val">no</span>'), falses)

    def test_components(self):
        rows = {c: card(self.facts, f"fcp-{c}") for c in
                ("comp-bootrom", "comp-se", "comp-fw", "comp-isp", "comp-wifi", "comp-app")}
        self.assertIn('<span class="fv fv-none">not stated</span>', rows["comp-bootrom"].split("</td>")[1])
        self.assertIn('<span class="fv fv-unknown">? unknown</span>', rows["comp-se"].split("</td>")[1])
        self.assertIn('<span class="fv-val">yes</span>, by <a href="#c-comp-bootrom">', rows["comp-fw"])
        self.assertIn('<span class="fv-val">no</span>', rows["comp-wifi"].split("</td>")[1])
        self.assertEqual(sub_fact(rows["comp-fw"], "network stack"), ("fv-val", "yes"))
        self.assertEqual(sub_fact(rows["comp-wifi"], "operating system"), ("fv fv-none", "not stated"))
        self.assertEqual(sub_fact(rows["comp-bootrom"], "applications"), ("fv-val", "no"))
        self.assertIn("<strong>recovery mode</strong>: applies the same verification "
                      '<span class="fv-val">yes</span>', rows["comp-fw"])
        self.assertIn("<strong>bootloader console</strong>: applies the same verification "
                      '<span class="fv fv-unknown">? unknown</span>', rows["comp-fw"])
        self.assertIn('<span class="fv fv-none">not stated</span>', rows["comp-app"].split("</td>")[3])

    def test_support_period(self):
        period = self.facts[self.facts.index("<h3>Support period</h3>"):self.facts.index('id="s-questions"')]
        self.assertIn("31 December 2031", fact_row(period, "Security updates until (2-UserInfo)"))
        self.assertIn("5 years", fact_row(period, "Duration"))
        self.assertIn("31 December 2031", fact_row(period, "Support end in the public statement"))
        self.assertEqual(fact_row(period, "Stated by the manufacturer").strip(), "yes")
        variant = self.tmp / "not-stated.xml"
        variant.write_text(facts_variant((r' end="2031-12-31" duration="P5Y" stated="stated"', ' stated="not-stated"'),
                                         (r' support-end="2031-12-31"', "")))
        text = self.render(variant, "html").decode("utf-8")
        period = section(text, "s-facts", "s-ixit")
        period = period[period.index("<h3>Support period</h3>"):]
        self.assertIn('<span class="b b-no">not stated</span>', fact_row(period, "Stated by the manufacturer"))
        self.assertEqual(fact_row(period, "Duration").strip(), '<span class="fv fv-none">not stated</span>')

    def test_examples_render_their_facts(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "html").decode("utf-8")
                facts = section(text, "s-facts", "s-ixit")
                for m in dossier(name).iter(D + "mechanism"):
                    self.assertIn(f'id="fm-{m.get("id")}"', facts)
                    where = m.find(D + "verification")
                    row = fact_row(card(facts, f"fm-{m.get('id')}"), "Authenticity and integrity")
                    if where is None:
                        self.assertIn("not stated", row)
                    elif where.get("where") == "device-before-install":
                        self.assertIn(BEFORE_INSTALL, row)
                    else:
                        self.assertNotIn(BEFORE_INSTALL, row)
                for c in dossier(name).iter(D + "component"):
                    self.assertIn(f'id="fcp-{c.get("id")}"', facts)

    def test_integrity_pins(self):
        evidence = section(self.text, "s-evidence", "s-plan")
        git_only = card(evidence, "e-ev-check-scheduler")
        self.assertIn("git object pinned", git_only)
        self.assertIn("3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39", git_only)
        self.assertNotIn("SHA-256 pinned", git_only)
        both = card(evidence, "e-ev-release-record")
        self.assertIn("SHA-256 pinned", both)
        self.assertIn("git object pinned", both)
        neither = card(evidence, "e-ev-network-scan")
        self.assertIn(">not pinned</span>", neither)
        self.assertNotIn(" pinned</span>", neither.replace(">not pinned</span>", ""))
        sha_only = card(evidence, "e-ev-signed-bundle")
        self.assertIn("SHA-256 pinned", sha_only)
        self.assertNotIn("git object pinned", sha_only)
        self.assertIn("by a git object id", evidence)
        rows = parse_csv(self.render(FACTS, "evidence-csv"))
        by_artifact = {r[8]: r for r in rows[1:]}
        self.assertEqual((by_artifact["art-scheduler-src"][11], by_artifact["art-scheduler-src"][20]),
                         ("", "3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39"))
        self.assertEqual(by_artifact["art-network-scan"][20], "")

    def test_self_assessment_is_the_suppliers_and_apart(self):
        verdicts = section(self.text, "s-verdicts", "s-findings")
        lab = verdicts[:verdicts.index('id="s-self"')]
        own = verdicts[verdicts.index('id="s-self"'):]
        self.assertIn("Supplier’s self-assessment", own)
        self.assertIn("not the test laboratory’s", own)
        self.assertIn('<table class="t fixed self">', own)
        rows = re.findall(r"<tr>\s*<td class=\"id\">([^<]+)<", own)
        self.assertEqual(rows, ["5.3-9", "5.3-13-2", "5.3-12"])
        self.assertIn("The supplier records a FAIL while its ICS claims 5.3-13 (Y).", own)
        self.assertIn("Kestrel Home Devices Ltd. (SO)", own)
        # the laboratory's table is untouched: its FAIL-free verdicts, no supplier result
        self.assertNotIn("sign-in from some EU regions", lab)
        self.assertEqual(lab.count('<tr id="v-'), len(list(ET.parse(FACTS).getroot().iter(D + "verdict"))))
        text = self.render(DOSSIERS / "constrained-sensor-v2.xml", "html").decode("utf-8")
        self.assertIn("The dossier records no self-assessment by the supplier.", text)


class ContradictedClaims(Base):
    """Claims a recorded fact contradicts, at-risk cases and open questions.
    The rules that find them are the engine's; the presentation is tested
    on results injected into the report input (rendered with xsltproc, the
    same XSLT 1.0 engine), and on whatever the engine itself reports."""

    @classmethod
    def setUpClass(cls):
        if not shutil.which("xsltproc"):
            raise unittest.SkipTest("xsltproc is not installed")
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-reports-"))
        try:
            doc = tmp / "input.xml"
            doc.write_bytes(inject_results(report(FACTS, "input").stdout))
            cls.text = xsltproc("report-html.xsl", doc).decode("utf-8")
            cls.md = xsltproc("summary-md.xsl", doc).decode("utf-8")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_ics_row_shows_the_contradiction_beside_the_claim(self):
        row = re.search(r'<tr id="ics-5\.3-9" class="contradicted">(.*?)</tr>', self.text, re.S)
        self.assertIsNotNone(row)
        support, detail = row.group(1).split("</td>")[4:6]
        self.assertIn('<a href="#ics-5.3-9-contra" class="b b-contra">✗\xa0contradicted</a>', support)
        self.assertIn('id="ics-5.3-9-contra"', detail)
        self.assertIn("Contradicted by a recorded fact", detail)
        self.assertIn("mechanism 'mech-store' &lt;fact 5.3-9&gt; &amp; more", detail)
        self.assertIn("(line 191)", detail)
        self.assertIn("Claim: ICS 5.3-9: Y", detail)
        target = re.search(r'href="#(fc-5\.3-9-[^"]+)"', detail).group(1)
        findings = section(self.text, "s-findings", "s-gate")
        finding = re.search(rf'<tr id="{re.escape(target)}">(.*?)</tr>', findings, re.S)
        self.assertIsNotNone(finding, target)
        self.assertIn("the ICS claims 5.3-9 &lt;Y&gt; &amp; a fact says otherwise", finding.group(1))
        self.assertIn('<a href="#ics-5.3-9">ICS 5.3-9: Y</a>', finding.group(1))

    def test_waived_contradiction_is_marked_as_waived(self):
        row = re.search(r'<tr id="ics-5\.3-6A">(.*?)</tr>', self.text, re.S).group(1)
        self.assertIn('class="b b-neutral">✗\xa0contradicted</a>', row)
        self.assertIn("(waived)", row)

    def test_matrix_and_key_figures(self):
        matrix = matrix_svg(self.text)
        self.assertEqual(matrix.count('<g class="cell-contra">'), 1)
        self.assertIn("✗ Y contradicted", matrix)
        kpis = self.text[self.text.index('class="kpis"'):self.text.index('<nav class="toc"')]
        self.assertIn("1 claim contradicted by recorded facts", kpis)
        self.assertIn("2 open questions", kpis)
        self.assertIn("1 at risk of INCONCLUSIVE", kpis)

    def test_at_risk_case(self):
        row = re.search(r'<tr id="tc-5\.3-5-1">(.*?)</tr>', self.text, re.S).group(1)
        self.assertIn('<span class="b b-risk">at risk of INCONCLUSIVE</span>', row)
        self.assertIn("unknown: mechanism 'mech-app' update-check &lt;not stated&gt;", row)
        self.assertNotIn("b-risk", re.search(r'<tr id="tc-5\.3-2-1">(.*?)</tr>', self.text, re.S).group(1))

    def test_open_questions_with_their_provisions(self):
        questions = self.text[self.text.index('id="s-questions"'):self.text.index('id="s-ixit"')]
        self.assertIn("Is mechanism 'mech-app' update-check &lt;known&gt; &amp; stated?", questions)
        for p in ("5.3-5", "5.3-4A", "5.3-2", "5.3-9"):
            self.assertIn(f'<a href="#ics-{p}" class="mono">{p}</a>', questions)
        self.assertIn('<a href="#g-mechanisms">', questions)
        gate = self.text[self.text.index('id="g-scope"'):]
        self.assertIn('<a href="#s-questions" class="b b-risk">1 open question</a>', gate)

    def test_markdown(self):
        self.assertRegex(self.md, r"\| 5\.3-9 \|[^\n]*\| Y ✗ contradicted \|")
        self.assertNotRegex(self.md, r"\| 5\.3-6A \|[^\n]*contradicted")  # waived
        self.assertIn("## Claims the recorded facts contradict", self.md)
        self.assertIn("- **ICS 5.3-9: Y** contradicted by mechanism 'mech-store' &lt;fact 5.3-9&gt; &amp; more "
                      "(line 191)", self.md)  # & escaped: dossier text is never an entity
        self.assertIn("## Open questions", self.md)
        self.assertIn("1 at risk of INCONCLUSIVE", self.md)

    def test_whatever_the_engine_finds_is_marked(self):
        # dossiers whose facts contradict their ICS: the fixture with 5.3-9
        # and 5.3-10 claimed (Y) while every mechanism is verified only by
        # the server or the transport, and the hub example.  Every
        # provision with an unwaived finding that names a claim gets the
        # marker, its fact and fact line beside it and a link to the
        # finding; no other provision does.
        variant = self.tmp / "contradicted.xml"
        variant.write_text(facts_variant(every_mechanism_verified("server-or-transport")))
        dossiers = [variant]
        if HUB.is_file():
            dossiers.append(HUB)
        for path in dossiers:
            with self.subTest(dossier=path.name):
                text = self.render(path, "html").decode("utf-8")
                results = ET.fromstring(self.render(path, "input")).find(R + "results")
                claims = [f for f in results.iter(R + "finding") if f.get("claim") and f.get("waived") != "true"]
                if path == HUB:
                    self.assertTrue(claims, "the hub example's facts contradict its ICS")
                claimed = {f.get("reference") for f in claims}
                rows = {m.group(1): m for m in
                        re.finditer(r'<tr id="ics-([^"]+)"( class="contradicted")?>(.*?)</tr>', text, re.S)}
                for ref, row in rows.items():
                    if ref in claimed:
                        self.assertTrue(row.group(2), ref)
                        self.assertIn("b-contra", row.group(3), ref)
                    else:
                        self.assertNotIn("b-contra", row.group(3), ref)
                ids = parse_html(text).ids
                for f in claims:
                    row = rows[f.get("reference")].group(3)
                    self.assertIn(html_escape(f.get("fact")), row)
                    self.assertIn(f"(line {f.get('fact-line')})", row)
                    for target in re.findall(r'href="#(fc-[^"]+)"', row):
                        self.assertIn(target, ids)


class PublicFacts(Base):
    """The public summary states a security property only when the typed
    facts record it, in their strength.  The stylesheet is tried on the
    full input (--stylesheet public-html.xsl), and --format public on what
    the redaction passes."""

    def public(self, text, fmt="html"):
        path = self.tmp / "dossier.xml"
        path.write_text(text)
        if fmt == "public":
            return self.render(path, "public").decode("utf-8")
        return self.render(path, "html", "--stylesheet", PUBLIC_XSL).decode("utf-8")

    @staticmethod
    def updates(text):
        return text[text.index("<h2>How the product is updated</h2>"):text.index("<h2>Assessment</h2>")]

    def test_verified_before_installation_only_where_recorded(self):
        text = self.updates(self.public(FACTS.read_text()))
        # over-the-air and app: device-before-install; app store: update-client
        self.assertEqual(text.count("Each update is verified by the device before installation."), 2)
        self.assertNotIn("Every update is verified", text)
        store = text[text.index("App-store delivery"):]
        self.assertNotIn("verif", store.lower())
        self.assertIn("The device refuses older software versions, enforced in hardware.", text)
        self.assertIn("Automatic updates are switched on during setup unless you decline.", text)
        self.assertIn("You can postpone an update.", text)
        self.assertIn("Automatic updates are on by default.", store)
        self.assertNotIn("checked with a digital signature before it is installed", text)

    def test_every_path_verified_before_installation(self):
        text = self.updates(self.public(facts_variant(every_mechanism_verified("device-before-install"))))
        self.assertIn("Recorded for every update path", text)
        self.assertIn("Every update is verified by the device before installation.", text)

    def test_nothing_of_verification_for_server_or_transport(self):
        text = self.updates(self.public(facts_variant(every_mechanism_verified("server-or-transport"))))
        self.assertNotIn("verif", text.lower())
        self.assertNotIn("Recorded for every update path", text)

    def test_verified_at_boot(self):
        text = self.updates(self.public(facts_variant(every_mechanism_verified("device-at-boot"))))
        self.assertIn("Updates are verified when the device boots, not before they are installed.", text)
        self.assertNotIn("before installation", text)

    def test_no_fact_no_sentence(self):
        text = self.updates(self.public(facts_variant(
            (r"\n *<(verification|anti-rollback|automation)\b[^>]*/>", ""))))
        for words in ("verif", "older software", "by default", "automatic updates", "postpone"):
            self.assertNotIn(words, text.lower())

    def test_support_period(self):
        text = self.public(FACTS.read_text())
        self.assertIn("Security updates until 31 December 2031 (a support period of 5 years).", text)
        text = self.public(facts_variant((r' end="2031-12-31" duration="P5Y" stated="stated"',
                                          ' stated="not-stated"'), (r' support-end="2031-12-31"', "")))
        kpi = text[text.index("Security updates until</div>"):]
        self.assertRegex(kpi, r'^Security updates until</div>\s*<div class="big">not stated</div>')
        self.assertIn("Support period: not stated.", text)
        text = self.public(facts_variant((r' end="2031-12-31" duration="P5Y"', ' duration="P5Y"')))
        self.assertIn("Security updates until 31 December 2031", text)  # the public statement's support end

    def test_public_format_says_only_what_its_input_carries(self):
        # --format public reads the redacted input: a property is stated only
        # when the facts that support it reach that input
        dump = self.tmp / "dump.xsl"
        dump.write_text('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                        '<xsl:output method="xml"/><xsl:template match="/"><xsl:copy-of select="/"/>'
                        '</xsl:template></xsl:stylesheet>')
        for name, variant in (("facts", FACTS.read_text()),
                              ("all-before-install", facts_variant(every_mechanism_verified("device-before-install"))),
                              ("server-or-transport", facts_variant(every_mechanism_verified("server-or-transport")))):
            with self.subTest(variant=name):
                text = self.public(variant, "public")
                self.assertNotIn("FACT-PRIVATE-TEXT", text)
                path = self.tmp / "dossier.xml"
                root = ET.fromstring(self.render(path, "public", "--stylesheet", dump))
                mechanisms = [m for m in root.iter(D + "mechanism") if m.get("implemented") != "false"]
                before = [m for m in mechanisms
                          if m.find(D + "verification") is not None
                          and m.find(D + "verification").get("where") == "device-before-install"]
                self.assertEqual(self.updates(text).count(f"Each update is {BEFORE_INSTALL}."), len(before))
                self.assertEqual("Every update is verified" in text, bool(mechanisms) and len(before) == len(mechanisms))

    def test_examples_claim_verification_only_from_facts(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                text = self.updates(self.render(DOSSIERS / f"{name}.xml", "public").decode("utf-8"))
                recorded = [m for m in dossier(name).iter(D + "mechanism")
                            if m.get("implemented") != "false" and m.find(D + "verification") is not None
                            and m.find(D + "verification").get("where") == "device-before-install"]
                mechanisms = [m for m in dossier(name).iter(D + "mechanism")
                              if m.get("implemented") != "false"]
                # one sentence per mechanism that records it, and the
                # product-wide one only when every mechanism does
                self.assertEqual(text.count(f"Each update is {BEFORE_INSTALL}."), len(recorded))
                self.assertEqual(f"Every update is {BEFORE_INSTALL}." in text,
                                 bool(mechanisms) and len(recorded) == len(mechanisms))
                self.assertNotIn("checked with a digital signature before it is installed", text)


class MarkdownFacts(Base):
    def test_product_facts(self):
        text = self.render(FACTS, "md").decode("utf-8")
        facts = text[text.index("## Product facts"):]
        self.assertRegex(facts, r"\| Over-the-air firmware update \(download by the camera\) \| verified by the device "
                                r"before installation \| hardware counter \| default chosen at setup, preselected on "
                                r"\(opt-out\) \| at boot yes, periodically yes \(every 1 day\) \| yes \|")
        self.assertRegex(facts, r"\| App-store delivery of the Kestrel Home app \| verified only by the update client "
                                r"or companion app \| \*not stated\* \| default on \|")
        self.assertIn("Support period: until 2031-12-31, 5 years; the public statement says until 2031-12-31", facts)
        self.assertIn("| Supplier's self-assessment | 3 results: 1 PASS, 1 FAIL, 1 INCONCLUSIVE, 0 N/A", text)


# ---- CSV -------------------------------------------------------------------

class Csv(Base):
    def check_rfc4180(self, data):
        self.assertFalse(data.startswith(b"\xef\xbb\xbf"), "no byte-order mark")
        self.assertTrue(data.endswith(b"\r\n"))
        # no bare LF outside quoted fields: every record ends in CRLF
        rows = parse_csv(data)
        self.assertEqual(data.count(b"\r\n"),
                         len(rows) + sum(field.count("\r\n") for row in rows for field in row))
        widths = {len(row) for row in rows}
        self.assertEqual(len(widths), 1, f"rows of different widths: {widths}")
        return rows

    def test_ics_csv(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                data = self.render(DOSSIERS / f"{name}.xml", "ics-csv")
                rows = self.check_rfc4180(data)
                self.assertEqual(rows[0], ["reference", "status", "support", "detail", "title",
                                           "applicable", "outcome"])
                self.assertEqual(len(rows) - 1, want["provisions"])
                by_ref = {row[0]: row for row in rows[1:]}
                for entry in dossier(name).iter(D + "entry"):
                    row = by_ref[entry.get("provision")]
                    self.assertEqual(row[2], entry.get("support") or "")
                    detail = entry.find(D + "detail")
                    self.assertEqual(row[3], detail.text if detail is not None else "")
                # status, applicability and outcome are the engine's
                outcomes = parse_csv(etsi("outcomes", "--format", "csv", "--as-of", DATE,
                                          DOSSIERS / f"{name}.xml").stdout)
                for o in outcomes[1:]:
                    self.assertEqual((by_ref[o[0]][1], by_ref[o[0]][5], by_ref[o[0]][6]),
                                     (o[1], o[3], o[4]))

    def test_plan_csv_is_the_plan(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                data = self.render(DOSSIERS / f"{name}.xml", "plan-csv")
                rows = self.check_rfc4180(data)
                self.assertEqual(rows[0], ["test_case", "group", "provision", "kind", "disposition",
                                           "ready", "inputs", "missing_inputs"])
                self.assertEqual(len(rows) - 1, want["planned"])
                plan = etsi("plan", "--format", "csv", DOSSIERS / f"{name}.xml")
                self.assertEqual(plan.returncode, 0, plan.stderr)
                self.assertEqual([r[0] for r in rows], [r[0] for r in parse_csv(plan.stdout)])
                self.assertEqual(data, plan.stdout)

    def test_plan_csv_with_missing_inputs(self):
        broken = SOURCE / "tests" / "data" / "rules" / "ixit-row-missing" / "fail-mechanism.xml"
        if not broken.is_file():
            self.skipTest(f"{broken} is missing")
        data = self.render(broken, "plan-csv")
        self.assertEqual(data, etsi("plan", "--format", "csv", broken).stdout)
        rows = self.check_rfc4180(data)
        self.assertTrue(any(row[5] == "no" and "missing for mechanism" in row[7] for row in rows))

    def test_evidence_csv(self):
        header = ["evidence_id", "provision", "kind", "category", "claim", "owner", "review",
                  "release", "artifact_id", "ref", "media_type", "sha256", "size", "collected",
                  "expires", "visibility", "external_assurance", "carried_from", "owner_name",
                  "artifact_title", "git_oid"]
        for name in EXAMPLES:
            with self.subTest(example=name):
                rows = self.check_rfc4180(self.render(DOSSIERS / f"{name}.xml", "evidence-csv"))
                self.assertEqual(rows[0], header)
                want = []
                for ev in dossier(name).iter(D + "evidence"):
                    for art in ev.findall(D + "artifact") or [None]:
                        want.append((ev.get("id"), art.get("id") if art is not None else "",
                                     (art.get("sha256") or "") if art is not None else "",
                                     (art.get("size") or "") if art is not None else ""))
                got = [(r[0], r[8], r[11], r[12]) for r in rows[1:]]
                self.assertEqual(got, want)
                self.assertTrue(all(re.fullmatch(r"[0-9a-f]{64}", r[11]) for r in rows[1:]))
        rows = parse_csv(self.render(DOSSIERS / "smart-camera-v3.xml", "evidence-csv"))
        label = [r for r in rows if r[8] == "art-rating-label"][0]
        self.assertEqual((label[7], label[17]), ("3.3.2", "3.3.2"))
        cert = [r for r in rows if r[8] == "art-se-certificate"][0]
        self.assertEqual((cert[14], cert[16]), ("2028-06-30", "substantial"))

    def test_quoting(self):
        rows = parse_csv(self.render(DOSSIERS / "smart-camera-v3.xml", "ics-csv"))
        raw = self.render(DOSSIERS / "smart-camera-v3.xml", "ics-csv").decode("utf-8")
        # a detail with quotes and commas survives the round trip
        detail = [r[3] for r in rows if r[0] == "5.3-4B"][0]
        self.assertIn('"Keep this camera secure automatically"', detail)
        self.assertIn('""Keep this camera secure automatically""', raw)


# ---- Markdown --------------------------------------------------------------

class Markdown(Base):
    def test_summary(self):
        for name, want in EXAMPLES.items():
            with self.subTest(example=name):
                text = self.render(DOSSIERS / f"{name}.xml", "md").decode("utf-8")
                root = dossier(name)
                self.assertTrue(text.startswith("# " + root.find(f"{D}header/{D}title").text))
                self.assertIn(f"| Clause 5.3 outcome | **{want['overall']}** |", text)
                self.assertIn("| Release gate | **READY**: 6 of 6 steps complete |", text)
                self.assertIn(f"report date {DATE}", text)
                rows = [line for line in text.splitlines() if re.match(r"\| 5\.3-\w+ \|", line)]
                self.assertEqual(len(rows), want["provisions"])
                self.assertIn("## Top findings", text)
                self.assertIn("## Release gate", text)
        text = self.render(DOSSIERS / "smart-plug-usb-v3.xml", "md").decode("utf-8")
        self.assertIn("## Verdicts needing attention", text)
        self.assertIn("- **5.3-12-1 FAIL** (2026-11-12)", text)

    def test_findings_are_listed_errors_first(self):
        fixture = SOURCE / "tests" / "data" / "rules" / "ixit-row-missing" / "fail-mechanism.xml"
        if not fixture.is_file():
            self.skipTest(f"{fixture} is missing")
        # every artifact expired on a day of its own: seventeen findings
        # that no grouping merges, beside the missing row's two
        text = re.sub(r'\sexpires="[^"]*"', "", fixture.read_text(encoding="utf-8"))
        days = iter(range(1, 100))
        text = re.sub(r"<artifact ", lambda m: f'<artifact expires="2026-01-{next(days):02d}" ',
                      text)
        with tempfile.TemporaryDirectory() as tmp:
            broken = pathlib.Path(tmp) / "broken.xml"
            broken.write_text(text, encoding="utf-8")
            text = self.render(broken, "md").decode("utf-8")
        findings = text[text.index("## Top findings"):text.index("## Release gate")]
        self.assertEqual(findings.count("\n- **error**"), 10)
        self.assertRegex(findings, r"- … and \d+ more")


# ---- determinism -------------------------------------------------------------

class Determinism(Base):
    def test_two_runs_give_the_same_bytes(self):
        for name in EXAMPLES:
            for fmt in FORMATS:
                with self.subTest(example=name, format=fmt):
                    a = self.render(DOSSIERS / f"{name}.xml", fmt)
                    b = self.render(DOSSIERS / f"{name}.xml", fmt)
                    self.assertEqual(a, b)

    def test_dated_as_of_without_date_option(self):
        # without --date a report is dated: the --as-of date, else today
        for name in EXAMPLES:
            for fmt in ("html", "public", "md"):
                with self.subTest(example=name, format=fmt):
                    a = self.render(DOSSIERS / f"{name}.xml", fmt, "--as-of", "2026-12-03", date=None)
                    self.assertTrue(b"2026-12-03" in a or b"3 December 2026" in a)
        text = self.render(DOSSIERS / "smart-camera-v3.xml", "html", date=None).decode("utf-8")
        self.assertNotIn("Undated report", text)
        self.assertIn(datetime.date.today().isoformat(), text)

    def test_the_date_is_printed_when_given(self):
        for fmt in ("html", "public", "md"):
            with self.subTest(format=fmt):
                text = self.render(DOSSIERS / "smart-plug-usb-v3.xml", fmt, date="2027-01-15")
                self.assertTrue(b"2027-01-15" in text or b"15 January 2027" in text)

    def test_stylesheets_give_the_same_bytes_under_xsltproc(self):
        xsltproc = shutil.which("xsltproc")
        if not xsltproc:
            self.skipTest("xsltproc is not installed")
        for path in (DOSSIERS / "smart-camera-v3.xml", FACTS, HUB):
            if not path.is_file():
                continue
            for fmt, sheet in (("html", "report-html.xsl"), ("md", "summary-md.xsl"),
                               ("ics-csv", "ics-csv.xsl"), ("evidence-csv", "evidence-csv.xsl")):
                with self.subTest(dossier=path.name, format=fmt):
                    doc = self.tmp / "input.xml"
                    doc.write_bytes(self.render(path, "input"))
                    r = subprocess.run([xsltproc, str(SOURCE / "stylesheets" / sheet), str(doc)],
                                       capture_output=True, timeout=120)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual(r.stdout, self.render(path, fmt))


# ---- caller stylesheets and the security rules -----------------------------

CUSTOM = """<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1" xmlns:r="urn:libetsi:results:1">
  <xsl:include href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:text>provision,outcome,cases&#13;&#10;</xsl:text>
    <xsl:for-each select="/rp:report/r:results/r:outcomes/r:provision">
      <xsl:call-template name="csv-field"><xsl:with-param name="value" select="@id"/></xsl:call-template>
      <xsl:call-template name="csv-field"><xsl:with-param name="value" select="key('outcome', @id)/@outcome"/></xsl:call-template>
      <xsl:call-template name="csv-field">
        <xsl:with-param name="value" select="count(key('planned-by-provision', @id))"/>
        <xsl:with-param name="last" select="true()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>date=</xsl:text><xsl:value-of select="$date"/>
  </xsl:template>
</xsl:stylesheet>
"""


class Stylesheets(Base):
    def write(self, name, text):
        path = self.tmp / name
        path.write_text(text)
        return path

    def test_custom_stylesheet_including_common(self):
        sheet = self.write("mine.xsl", CUSTOM)
        out = self.render(DOSSIERS / "smart-plug-usb-v3.xml", "html", "--stylesheet", sheet).decode()
        rows = parse_csv(out.rsplit("date=", 1)[0].encode())
        self.assertEqual(rows[0], ["provision", "outcome", "cases"])
        self.assertEqual(len(rows) - 1, 19)
        self.assertIn(["5.3-12", "FAIL", "1"], rows)
        self.assertTrue(out.endswith(f"date={DATE}"))

    def test_importing_the_html_report_overrides_its_templates(self):
        # import precedence: the importer's template of the same name wins,
        # and the rest of the imported report is kept
        sheet = self.write("brand.xsl", """<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="report-html.xsl"/>
  <xsl:template name="sec-findings"><p id="brand">BRAND-FINDINGS-REPLACED</p></xsl:template>
</xsl:stylesheet>""")
        plain = self.render(DOSSIERS / "smart-plug-usb-v3.xml", "html").decode()
        out = self.render(DOSSIERS / "smart-plug-usb-v3.xml", "html", "--stylesheet",
                          sheet).decode()
        self.assertEqual(out.count("BRAND-FINDINGS-REPLACED"), 1)
        self.assertNotIn("BRAND-FINDINGS-REPLACED", plain)
        self.assertIn("<svg", out)
        self.assertLess(abs(len(out) - len(plain)), len(plain) // 2)

    def test_importing_the_html_report_overrides_one_template_rule(self):
        # one record rule of one section (the gate's list of steps) is
        # redefined; every other byte is the built-in report's (the
        # importer excludes the report's namespaces, as docs/reports.md says)
        sheet = self.write("steps.xsl", """<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:rp="urn:libetsi:report:1" xmlns:d="urn:libetsi:dossier:1"
  xmlns:r="urn:libetsi:results:1" xmlns:c="urn:libetsi:catalog:1"
  xmlns:exsl="http://exslt.org/common" xmlns:str="http://exslt.org/strings"
  exclude-result-prefixes="rp d r c exsl str">
  <xsl:import href="report-html.xsl"/>
  <xsl:template match="r:step" mode="gate-step-item">
    <li class="brand-step"><xsl:value-of select="@name"/></li>
  </xsl:template>
</xsl:stylesheet>""")
        path = DOSSIERS / "smart-plug-usb-v3.xml"
        plain = self.render(path, "html").decode()
        out = self.render(path, "html", "--stylesheet", sheet).decode()
        steps = re.compile(r'<ol class="steps">.*?</ol>', re.S)
        gate = ET.fromstring(self.render(path, "input")).find(f".//{R}gate")
        self.assertEqual(re.findall(r'<li class="brand-step">([^<]+)</li>', steps.search(out).group(0)),
                         [s.get("name") for s in gate.findall(R + "step")])
        self.assertNotIn("brand-step", plain)
        self.assertEqual(steps.sub("", out), steps.sub("", plain))
        # the same rule name in another mode changes nothing
        other = self.write("other.xsl", pathlib.Path(sheet).read_text().replace(
            'mode="gate-step-item"', 'mode="no-such-mode"'))
        self.assertEqual(self.render(path, "html", "--stylesheet", other).decode(), plain)

    def test_html_report_is_a_driver_and_one_stylesheet_per_section(self):
        sheets = SOURCE / "stylesheets"
        driver = (sheets / "report-html.xsl").read_text()
        parts = sorted(s.name for s in sheets.glob("report-html-*.xsl"))
        included = re.findall(r'<xsl:include href="(report-html-[^"]+)"/>', driver)
        self.assertEqual(sorted(included), parts)
        entries = re.findall(r'<xsl:call-template name="(sec-[\w-]+)"/>', driver)
        self.assertEqual(len(entries), 11)
        defined = {}
        for name in parts:
            with self.subTest(stylesheet=name):
                text = (sheets / name).read_text()
                # says what it renders, includes nothing, leaves the output to the driver
                self.assertRegex(text, rf"^<\?xml[^>]*>\s*<!--\s*{re.escape(name)}: ")
                self.assertNotRegex(text, r"<xsl:(include|import|output)\b")
                for entry in re.findall(r'<xsl:template name="(sec-[\w-]+)"', text):
                    if entry in entries:
                        defined.setdefault(entry, []).append(name)
                # records are template rules in modes named after the file
                section = name[len("report-html-"):-len(".xsl")]
                for mode in re.findall(r'<xsl:template match="[^"]+" mode="([^"]+)"', text):
                    self.assertTrue(mode.startswith(section + "-") or name == "report-html-summary.xsl", mode)
        self.assertEqual(sorted(defined), sorted(entries))
        self.assertTrue(all(len(files) == 1 for files in defined.values()), defined)

    def test_document_call_fails_and_reads_nothing(self):
        sheet = self.write("passwd.xsl", """<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:output method="text"/>
  <xsl:template match="/">[<xsl:copy-of select="document('/etc/passwd')"/>]</xsl:template>
</xsl:stylesheet>""")
        out = self.tmp / "out.txt"
        r = report(DOSSIERS / "smart-camera-v3.xml", "html", "--stylesheet", sheet, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertFalse(out.exists())
        self.assertNotIn("root:", r.stderr + r.stdout.decode("utf-8", "replace"))
        self.assertIn("transformation failed", r.stderr)
        r = report(DOSSIERS / "smart-camera-v3.xml", "html", "--stylesheet", sheet)
        self.assertEqual(r.returncode, 2)
        self.assertNotIn(b"root:", r.stdout)

    def test_include_of_a_local_file_is_refused(self):
        self.write("other.xsl", '<xsl:stylesheet version="1.0" '
                                'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                                '<xsl:template name="x">LOCAL</xsl:template></xsl:stylesheet>')
        for href in ("other.xsl", str(self.tmp / "other.xsl"), "../stylesheets/common.xsl"):
            with self.subTest(href=href):
                sheet = self.write("incl.xsl", f"""<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:include href="{href}"/>
  <xsl:output method="text"/><xsl:template match="/">X</xsl:template></xsl:stylesheet>""")
                out = self.tmp / "out.txt"
                r = report(DOSSIERS / "smart-camera-v3.xml", "html", "--stylesheet", sheet, "-o", out)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("is refused", r.stderr)
                self.assertFalse(out.exists())

    def test_exsl_document_writes_nothing(self):
        target = self.tmp / "written.txt"
        sheet = self.write("write.xsl", f"""<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common"
  extension-element-prefixes="exsl"><xsl:output method="text"/>
  <xsl:template match="/"><exsl:document href="{target}" method="text">PWNED</exsl:document>done</xsl:template>
</xsl:stylesheet>""")
        out = self.tmp / "out.txt"
        r = report(DOSSIERS / "smart-camera-v3.xml", "html", "--stylesheet", sheet, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertFalse(target.exists())
        self.assertFalse(out.exists())

    def test_builtin_stylesheets_use_keys_not_scans(self):
        # every lookup by id goes through xsl:key (docs/reports.md)
        for sheet in sorted((SOURCE / "stylesheets").glob("*.xsl")):
            with self.subTest(stylesheet=sheet.name):
                text = sheet.read_text()
                self.assertNotRegex(text, r"//[\w:-]+\[@[\w-]+ *= *current\(\)")
                self.assertNotRegex(text, r"select=\"//")
                self.assertNotIn("document(", text)
                self.assertNotIn("generate-id(", text)  # not stable across runs
                # the HTML report's driver also includes its sections
                allowed = {"common.xsl"}
                if sheet.name == "report-html.xsl":
                    allowed |= {s.name for s in sheet.parent.glob("report-html-*.xsl")}
                for m in re.finditer(r'<xsl:include href="([^"]+)"', text):
                    self.assertIn(m.group(1), allowed)


# ---- HTML validity and a real browser -------------------------------------

class Browser(Base):
    def html_files(self):
        files = []
        for name in EXAMPLES:
            for fmt in ("html", "public"):
                path = self.tmp / f"{name}-{fmt}.html"
                path.write_bytes(self.render(DOSSIERS / f"{name}.xml", fmt))
                files.append(path)
        for fmt in ("html", "public"):
            path = self.tmp / f"private-markers-{fmt}.html"
            path.write_bytes(self.render(PRIVATE, fmt))
            files.append(path)
            path = self.tmp / f"product-facts-{fmt}.html"
            path.write_bytes(self.render(FACTS, fmt))
            files.append(path)
        if HUB.is_file():
            for fmt in ("html", "public"):
                path = self.tmp / f"home-hub-{fmt}.html"
                path.write_bytes(self.render(HUB, fmt))
                files.append(path)
        path = self.tmp / "product-facts-public-unredacted.html"
        path.write_bytes(self.render(FACTS, "html", "--stylesheet", SOURCE / "stylesheets" / "public-html.xsl"))
        files.append(path)
        if shutil.which("xsltproc"):
            # the contradicted claims, at-risk cases and open questions the
            # engine's rules give, whether or not they have landed
            doc = self.tmp / "contradicted-input.xml"
            doc.write_bytes(inject_results(self.render(FACTS, "input")))
            path = self.tmp / "contradicted.html"
            path.write_bytes(xsltproc("report-html.xsl", doc))
            files.append(path)
        return files

    def test_nu_html_checker_finds_no_error(self):
        self.need(check_html.find_vnu(), "the Nu Html Checker (tests/html/node_modules/vnu-jar, "
                                         "`npm ci` in tests/html) or java is missing")
        files = self.html_files()
        code, messages = check_html.run_vnu(files)
        self.assertEqual(code, 0, messages)

    def test_chromium_renders_the_report(self):
        self.need(check_html.find_chromium(), "Chromium is not installed")
        for name in EXAMPLES:
            with self.subTest(example=name):
                page = self.tmp / f"{name}.html"
                page.write_bytes(self.render(DOSSIERS / f"{name}.xml", "html"))
                png = check_html.screenshot(page, self.tmp / f"{name}.png", 1280, 2000)
                stats = check_html.png_stats(png)
                self.assertEqual((stats["width"], stats["height"]), (1280, 2000))
                self.assertGreater(stats["colours"], 200, stats)
                self.assertGreater(stats["non_white"], 0.10, stats)
                self.assertGreater(stats["coloured"], 0.005, stats)
                dom = check_html.dump_dom(page)
                self.assertIn('<svg id="status-matrix"', dom)
                self.assertIn('<svg id="update-boundary"', dom)
                self.assertIn('<svg id="verdict-summary"', dom)

    def test_chromium_renders_the_public_summary(self):
        self.need(check_html.find_chromium(), "Chromium is not installed")
        page = self.tmp / "public.html"
        page.write_bytes(self.render(DOSSIERS / "constrained-sensor-v2.xml", "public"))
        stats = check_html.png_stats(check_html.screenshot(page, self.tmp / "public.png", 1280, 1400))
        self.assertGreater(stats["colours"], 50, stats)
        self.assertGreater(stats["non_white"], 0.10, stats)


if __name__ == "__main__":
    unittest.main()
