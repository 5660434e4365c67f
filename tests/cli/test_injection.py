"""No injection through dossier text into any output of `etsi report`.

One payload dossier, made here from the camera example: every free-text
field the schema has (elements and attributes typed d:text-field,
d:published-field, d:line, and the url attributes) holds hostile text
that begins with a spreadsheet formula character and carries Markdown,
HTML and autolink constructs, and the dossier's file name has backticks.
Each field name is kept only when the dossier stays valid with it (ids and
references are not free text).  Every format `etsi report` lists is
rendered from it and checked by the rules of its kind:

- CSV: RFC 4180 parses, no cell begins with = + - @ tab or CR, every
  payload cell is the field's text behind a single quote; with --csv-raw
  the cells are the text itself; plan-csv is byte for byte `etsi plan
  --format csv`, both ways;
- Markdown: with backslash escapes removed, no payload holds a Markdown or
  HTML metacharacter, an autolink or a mention; headings are ours; the
  file name's code span is fenced longer than its longest backtick run;
- HTML (html, public): no element, attribute, script or link comes from
  the payload, only text;
- input: well-formed XML that carries the payload unchanged.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import copy
import csv
import html.parser
import io
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
CAMERA = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"
XSD = SOURCE / "xsd" / "dossier.xsd"
NS = "urn:libetsi:dossier:1"
XS = "{http://www.w3.org/2001/XMLSchema}"
DATE = "2026-11-26"

# The leading characters a spreadsheet reads as a formula (OWASP).
FORMULA = "=+-@\t\r"
CR = "\ue000"  # stands for a carriage return until serialised as &#13;
# Hostile text after the marker; ENDP closes it.  Markdown: links, images,
# raw HTML, comments, entities, emphasis, strikethrough, table pipes, code
# spans, headings, lists, quotes, mentions, autolinks; HTML: tags,
# attributes; CSV: quotes and commas.
HOSTILE = ("1+2 [link](http://evil.example/a) ![img](http://evil.example/i.png) "
           "<script>alert(1)</script> <img src=x onerror=alert(1)> "
           "\" onmouseover=\"alert(2) 'sq' , &amp; &#60;b&#62; @octocat a@evil.example "
           "*em* _em_ ~~del~~ | pipe | `tick` ``x`` # nohead www.evil.example "
           "https://evil.example/p <https://evil.example/q>\n# Heading\n- item\n"
           "> quote\n1. one\n<!-- c --> \\ ENDP")
HOSTILE_URL = "javascript:alert(1)"
FILE_NAME = "hostile `a``b` [l](u) @x.xml"


def etsi(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, cwd=cwd, timeout=120)


def free_text_names():
    """(element names, attribute names) the schema types as free text."""
    types = {"d:text-field", "d:published-field", "d:line", "d:text"}
    elements, attributes = set(), set()
    for node in ET.parse(XSD).iter():
        if node.get("type") in types and node.get("name"):
            (elements if node.tag == XS + "element" else attributes).add(node.get("name"))
    return sorted(elements), sorted(attributes)


def payload(field, i):
    lead = FORMULA[i % len(FORMULA)]
    return (CR if lead == "\r" else lead) + "\u27e6" + field + "\u27e7 " + HOSTILE


def serialise(tree):
    ET.register_namespace("", NS)
    text = ET.tostring(tree.getroot(), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text.replace(CR, "&#13;")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def apply(tree, field, i):
    """Puts the payload in every element @p field ("name"), or attribute
    ("artifact@ref"); returns how many it changed."""
    n = 0
    element, _, attribute = field.partition("@")
    for node in tree.iter():
        if local(node.tag) != element:
            continue
        if not attribute and len(node) == 0:
            node.text = payload(field, i)
            n += 1
        elif attribute in node.attrib:
            node.set(attribute, HOSTILE_URL if attribute == "url" else payload(field, i))
            n += 1
    return n


class HtmlShape(html.parser.HTMLParser):
    """Records what HTML markup a document has."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.script = [], [], []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.script.append(data)


class Injection(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-injection-"))
        cls.path = cls.tmp / FILE_NAME
        elements, attributes = free_text_names()
        cls.fields, cls.skipped = [], []
        tree = ET.parse(CAMERA)
        pairs = sorted({f"{local(n.tag)}@{a}" for n in tree.iter() for a in n.attrib
                        if a in attributes or a == "url"})
        for i, field in enumerate(elements + pairs):
            trial = copy.deepcopy(tree)
            if not apply(trial, field, i):
                continue
            cls.path.write_text(serialise(trial), encoding="utf-8")
            if etsi("validate", "-q", cls.path).returncode == 0:
                tree = trial
                cls.fields.append(field)
            else:
                cls.skipped.append(field)
        cls.path.write_text(serialise(tree), encoding="utf-8")
        cls.source = serialise(tree)
        cls.formats = re.findall(r"^  ([a-z-]+)  ", etsi("report", "--help").stdout.decode(),
                                 re.M)
        cls.out = {}
        for f in cls.formats:
            r = etsi("report", cls.path, "--format", f, "--date", DATE)
            assert r.returncode == 0, (f, r.stderr.decode())
            cls.out[f] = r.stdout.decode("utf-8")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_sweep_size(self):
        # every format of `etsi report` is checked below, on many fields
        self.assertEqual(sorted(self.formats), sorted(
            ["html", "public", "ics-csv", "plan-csv", "evidence-csv", "md", "input"]))
        self.assertGreaterEqual(len(self.fields), 40, self.skipped)
        for name in ("title", "description", "detail", "claim", "note", "indication",
                     "name", "artifact@ref", "model-designation", "manufacturer"):
            self.assertIn(name, self.fields)
        print(f"\ninjection sweep: {len(self.fields)} free-text fields x "
              f"{len(self.formats)} formats (kept out as the schema refuses them: "
              f"{', '.join(self.skipped) or 'none'})")

    def markers(self, text):
        return set(re.findall("\u27e6([a-z@-]+)\u27e7", text))

    def test_csv_cells_are_neutralised(self):
        for f in ("ics-csv", "plan-csv", "evidence-csv"):
            with self.subTest(format=f):
                rows = list(csv.reader(io.StringIO(self.out[f], newline="")))
                self.assertGreater(len(rows), 1)
                self.assertTrue(all(len(r) == len(rows[0]) for r in rows))
                for row in rows:
                    for cell in row:
                        self.assertFalse(cell[:1] and cell[0] in FORMULA, (f, cell[:40]))
                        if "\u27e6" in cell:
                            self.assertEqual(cell[0], "'", cell[:40])
                raw = etsi("report", self.path, "--format", f, "--date", DATE, "--csv-raw")
                self.assertEqual(raw.returncode, 0, raw.stderr)
                raw_rows = list(csv.reader(io.StringIO(raw.stdout.decode(), newline="")))
                self.assertEqual(len(raw_rows), len(rows))
                for a, b in zip(rows, raw_rows):
                    for x, y in zip(a, b):
                        # neutralised: the same text behind a quote
                        self.assertIn(x, (y, "'" + y))
        ics = self.out["ics-csv"]
        evidence = self.out["evidence-csv"]
        self.assertIn("detail", self.markers(ics))
        self.assertTrue({"claim", "title", "name", "artifact@ref"} <= self.markers(evidence),
                        self.markers(evidence))
        leads = {c[0] for f in ("ics-csv", "evidence-csv") for r in csv.reader(io.StringIO(
            etsi("report", self.path, "-f", f, "--csv-raw").stdout.decode(), newline=""))
            for c in r if "\u27e6" in c}
        self.assertTrue(leads <= set(FORMULA) and len(leads) >= 4, leads)

    def test_ics_csv_reads_back(self):
        # etsi import takes the quote of a neutralised cell off again
        table = self.tmp / "ics.csv"
        table.write_bytes(self.out["ics-csv"].encode())
        back = self.tmp / "back.xml"
        r = etsi("import", "--from", "ics-csv", "--edition", "3.1.3", "--model", "M",
                 "--release", "1", "-o", back, "--force", table)
        self.assertEqual(r.returncode, 0, r.stderr)

        def details(path):
            text = etsi("report", path, "-f", "ics-csv", "--csv-raw").stdout.decode()
            return {row[0]: row[3].strip() for row in csv.reader(io.StringIO(text, newline=""))}

        mine, theirs = details(self.path), details(back)
        self.assertTrue(any(d[:1] in "=+-@" and d for d in mine.values()), mine)
        self.assertEqual(theirs, mine)

    def test_plan_csv_is_the_same_in_c_and_xslt(self):
        for dossier in [self.path, *sorted((SOURCE / "examples" / "dossiers").glob("*.xml"))]:
            for raw in ((), ("--csv-raw",)):
                with self.subTest(dossier=dossier.name, raw=raw):
                    a = etsi("report", dossier, "-f", "plan-csv", "--as-of", DATE, *raw)
                    b = etsi("plan", dossier, "-f", "csv", "--as-of", DATE, *raw)
                    self.assertEqual((a.returncode, b.returncode), (0, 0), b.stderr)
                    self.assertEqual(a.stdout, b.stdout)

    def test_markdown_text_stays_text(self):
        md = self.out["md"]
        found = re.findall("\u27e6([a-z@-]+)\u27e7(.*?)ENDP", md)
        self.assertGreaterEqual(len(found), 10, md[:2000])
        for field, text in found:
            plain = re.sub(r"\\.", "", text)
            plain = re.sub(r"&(amp|lt|gt|#\d+);", "", plain)
            with self.subTest(field=field):
                self.assertIsNone(re.search(r"[`*_\[\]|<>~#&\\]", plain), text)
                self.assertNotIn("://", plain)
                self.assertNotIn("www.", plain)
                self.assertIsNone(re.search(r"@[A-Za-z0-9]", plain), text)
                self.assertNotIn("\n", text)
        # no raw HTML, link or image anywhere; headings and lists are ours
        body = md[:md.rindex("\nGenerated by")]  # the file name's code span follows
        self.assertIsNone(re.search(r"<[A-Za-z!/?]", body))
        self.assertIsNone(re.search(r"(?<!\\)\[", body))
        headings = [l for l in md.splitlines() if l.lstrip().startswith("#")]
        self.assertEqual(len(headings), len(set(headings)))
        self.assertTrue(headings[0].startswith("# \u27e6") or headings[0].startswith("# ="))
        self.assertTrue(all(re.match(r"## [A-Z][a-z ]+$", h) for h in headings[1:]), headings)
        for line in md.splitlines():
            self.assertIsNone(re.match(r"\s*[-*+] +([-+>]|\d+[.)] )", line), line)
        # the file name in a code span that it cannot close
        m = re.search(r"from (`+)( ?)(.*?)\2\1\.$", md, re.M)
        self.assertIsNotNone(m, md[-300:])
        self.assertEqual(m.group(3), FILE_NAME)
        longest = max(len(run) for run in re.findall("`+", FILE_NAME))
        self.assertGreater(len(m.group(1)), longest)

    def test_markdown_neutralises_each_construct(self):
        md = self.out["md"]
        for escaped in (r"\[link\](http", r"!\[img\]", "&lt;script&gt;", r"\*em\*", r"\_em\_",
                        r"\~\~del\~\~", r"\| pipe \|", r"\`tick\`", r"\# nohead",
                        "@\u2060octocat", "www\u2060.evil", "https:\u2060//evil",
                        "&amp;amp;", r"&amp;\#60;b"):
            self.assertIn(escaped, md)

    def test_html_has_no_markup_from_the_dossier(self):
        for f in ("html", "public"):
            with self.subTest(format=f):
                shape = HtmlShape()
                shape.feed(self.out[f])
                self.assertNotIn("alert(", "".join(shape.script))
                for tag, name, value in shape.attrs:
                    self.assertFalse(name.startswith("on"), (tag, name, value))
                    self.assertNotIn("evil.example", value, (tag, name))
                    if name in ("href", "src"):
                        self.assertRegex(value, r"^(#|https?://|data:image/)", (tag, name))
                self.assertNotIn("<script>alert", self.out[f])
                self.assertNotIn("<img src=x", self.out[f])
                self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", self.out[f])
        self.assertGreaterEqual(len(self.markers(self.out["html"])), 30,
                                self.markers(self.out["html"]))
        self.assertGreaterEqual(len(self.markers(self.out["public"])), 1)

    def test_input_carries_the_payload_unchanged(self):
        root = ET.fromstring(self.out["input"].encode())
        dossier = root.find(f"{{{NS}}}dossier")
        self.assertIsNotNone(dossier)
        texts = [n.text for n in dossier.iter() if n.text and "\u27e6" in n.text]
        self.assertTrue(texts)
        self.assertTrue(all(t.endswith(HOSTILE) for t in texts))
        self.assertTrue(any(t.startswith("\r") for t in texts))


if __name__ == "__main__":
    unittest.main()
