"""Dossiers live in git: etsi edits a hand-formatted dossier by adding or
removing only the lines of what changed, and keeps the rest of the file (its
indentation, blank lines, comments and attribute order) byte for byte
(docs/dossier-format.md, "Formatting and git").

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR, or by hand:

    cd tests/cli && ETSI_CLI=/work/main/build/fmt/tools/etsi/etsi \\
        ETSI_SOURCE_DIR=/work/main python3 -m unittest -v test_formatting
"""
import difflib
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DATA = SOURCE / "tests" / "data" / "formatting"
EXAMPLES = SOURCE / "examples" / "dossiers"
OPENSSL = shutil.which("openssl")


def etsi(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def changes(before, after):
    """The lines diff(1) would show: (removed, added)."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True),
                              after.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


class Formatting(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-formatting-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def copy(self, source):
        target = self.tmp / source.name
        shutil.copyfile(source, target)
        return target

    def verdict(self, path, *extra):
        r = etsi("verdict", path, "--case", "5.3-13-1", "--result", "PASS",
                 "--by", "tl-rheintal", "--date", "2026-12-01", *extra)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_verdict_adds_one_line_among_its_siblings(self):
        path = self.copy(DATA / "hand-spaces.xml")
        before = path.read_text(encoding="utf-8")
        self.verdict(path)
        removed, added = changes(before, path.read_text(encoding="utf-8"))
        self.assertEqual(removed, [])
        self.assertEqual(added, ['        <verdict case="5.3-13-1" result="PASS" '
                                 'by="tl-rheintal" date="2026-12-01"/>\n'])

    def test_first_verdict_makes_its_section_in_the_files_indentation(self):
        path = self.copy(DATA / "hand-tabs-no-verdicts.xml")
        before = path.read_text(encoding="utf-8")
        self.verdict(path, "--note", "Seen on the web site.")
        after = path.read_text(encoding="utf-8")
        removed, added = changes(before, after)
        self.assertEqual(removed, [])
        # set off by blank lines as the section before it is; one tab deeper
        # than the root, its content one deeper still
        self.assertEqual([line for line in added if line.strip()], [
            '\t<verdicts>\n',
            '\t\t<verdict case="5.3-13-1" result="PASS" by="tl-rheintal" '
            'date="2026-12-01">\n',
            '\t\t\t<note>Seen on the web site.</note>\n',
            '\t\t</verdict>\n',
            '\t</verdicts>\n',
        ])
        self.assertIn("</evidence-map>\n\n\n\t<verdicts>\n", after)
        r = etsi("validate", path)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_stored_plan_is_laid_out_like_the_file(self):
        path = self.copy(DATA / "hand-spaces.xml")
        before = path.read_text(encoding="utf-8")
        r = etsi("plan", path, "--store", "--as-of", "2026-12-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        stored = path.read_text(encoding="utf-8")
        removed, added = changes(before, stored)
        self.assertEqual(removed, [])
        self.assertIn("    <test-plan generated=\"2026-12-01\">\n"
                      "        <case id=\"5.3-1-1\" ", stored)
        self.assertTrue(all(line.startswith("    ") or not line.strip() for line in added))
        # stored again, over the first: the same file
        r = etsi("plan", path, "--store", "--as-of", "2026-12-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(path.read_text(encoding="utf-8"), stored)
        # the next release leaves the fixed plan behind: its lines go, and
        # no blank or indented lines stay where it was
        nxt = self.tmp / "next.xml"
        r = etsi("release", path, "--version", "2.5.0", "-o", nxt)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = nxt.read_text(encoding="utf-8")
        self.assertNotIn("<test-plan", text)
        self.assertIn("    </evidence-map>\n\n\n    <verdicts>\n", text)
        self.assertNotRegex(text, r"\n[ \t]+\n")

    def test_digest_ignores_the_layout_only(self):
        # the hand-formatted copy of an example differs from it in layout,
        # comments and attribute order only: same digest
        a = etsi("digest", DATA / "hand-spaces.xml")
        b = etsi("digest", EXAMPLES / "smart-plug-usb-v3.xml")
        self.assertEqual(a.returncode, 0, a.stderr)
        self.assertEqual(a.stdout.split()[0], b.stdout.split()[0])
        # a real change is not layout
        path = self.copy(DATA / "hand-spaces.xml")
        self.verdict(path)
        c = etsi("digest", path)
        self.assertNotEqual(c.stdout.split()[0], a.stdout.split()[0])

    @unittest.skipUnless(OPENSSL, "openssl is missing")
    def test_signing_adds_the_signature_lines_only(self):
        key, crt = self.tmp / "k.pem", self.tmp / "c.pem"
        r = subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                            "-keyout", key, "-out", crt, "-days", "2", "-subj", "/CN=lab"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        path = self.copy(DATA / "hand-spaces.xml")
        before = path.read_text(encoding="utf-8")
        signed = self.tmp / "signed.xml"
        r = etsi("sign", path, "--key", key, "--cert", crt, "-o", signed)
        self.assertEqual(r.returncode, 0, r.stderr)
        after = signed.read_text(encoding="utf-8")
        removed, added = changes(before, after)
        self.assertEqual(removed, [])
        added = [line for line in added if line.strip()]
        self.assertTrue(added[0].startswith("    <ds:Signature"), added[0])
        self.assertEqual(added[-1], "    </ds:Signature>\n")
        r = etsi("verify", signed, "--cert", crt)
        self.assertEqual(r.returncode, 0, r.stderr)
        # signed again: the same bytes (RSA signatures are deterministic)
        again = self.tmp / "again.xml"
        r = etsi("sign", signed, "--key", key, "--cert", crt, "-o", again)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(again.read_bytes(), signed.read_bytes())
        # every example, however its start tags are written: the file's
        # lines all stay, the signature's are added
        for source in [*sorted(DATA.glob("*.xml")), *sorted(EXAMPLES.glob("*.xml"))]:
            with self.subTest(source=source.name):
                before = source.read_text(encoding="utf-8")
                r = etsi("sign", source, "--key", key, "--cert", crt, "-o", "-")
                self.assertEqual(r.returncode, 0, r.stderr)
                removed, added = changes(before, r.stdout)
                self.assertEqual(removed, [])
                added = [line for line in added if line.strip()]
                self.assertTrue(added[0].lstrip().startswith("<ds:Signature"), added[0])


if __name__ == "__main__":
    unittest.main()
