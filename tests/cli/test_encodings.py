"""A dossier in another encoding than UTF-8 is saved in UTF-8, whole.

docs/dossier-format.md: "A file in another encoding than UTF-8 is written
in UTF-8".  The declaration must then say UTF-8 too, and the start tags
must be written from the tree, not copied as the file's bytes: keeping a
declaration that names UTF-7 over UTF-8 content, or Latin-1 bytes of a
start tag inside UTF-8 output, makes a file that no longer loads (found by
fuzz_release: a release writes the dossier and reads it back).

For each encoding: the dossier, with non-ASCII text and an attribute value
written across lines (so that its start tag is "written otherwise"), is
changed in place by `etsi verdict`, started on its next release by `etsi
release`, and each output must be UTF-8, say so, validate and keep the
text.  Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import os
import pathlib
import re
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
CAMERA = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"

# each encoding with text it can carry (Latin-1 has no non-BMP character)
ENCODINGS = {
    "ISO-8859-1": "Überwachungskamera, Größe M, état: ½",
    "UTF-16": "Überwachungskamera \u2014 \U0001d518 \u00e9t\u00e9",
    "UTF-7": "Kamera \u2014 \U0001d518 \u00fc\u00df",
}


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120)


class OtherEncodings(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = pathlib.Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def dossier(self, encoding, title):
        text = CAMERA.read_text(encoding="utf-8")
        text = re.sub(r'^<\?xml[^>]*\?>', f'<?xml version="1.0" encoding="{encoding}"?>', text)
        text = re.sub(r"<title>[^<]*</title>", f"<title>{title}</title>", text, count=1)
        # a start tag written otherwise: its attributes across two lines
        text = text.replace('<party id="tl-meridian" role="TL">',
                            '<party id="tl-meridian"\n        role="TL">', 1)
        self.assertIn(title, text)
        path = self.tmp / f"{encoding}.xml"
        path.write_bytes(text.encode(encoding.lower()))
        return path

    def assert_utf8_dossier(self, path, title):
        data = path.read_bytes()
        text = data.decode("utf-8")  # raises when it is not UTF-8
        first = text.splitlines()[0]
        self.assertRegex(first, r'^<\?xml version="1\.0" encoding="UTF-8"\?>$')
        self.assertIn(f"<title>{title}</title>", text)
        r = etsi("validate", path)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_saved_in_place(self):
        for encoding, title in ENCODINGS.items():
            with self.subTest(encoding=encoding):
                path = self.dossier(encoding, title)
                r = etsi("validate", path)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                r = etsi("verdict", path, "--case", "5.3-13-1", "--result", "PASS",
                         "--by", "tl-meridian", "--date", "2026-06-01")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assert_utf8_dossier(path, title)
                # and from then on it is stable: a second change writes
                # only that change
                before = path.read_text(encoding="utf-8")
                r = etsi("verdict", path, "--case", "5.3-13-1", "--result", "FAIL",
                         "--by", "tl-meridian", "--date", "2026-06-01")
                self.assertEqual(r.returncode, 0, r.stderr)
                after = path.read_text(encoding="utf-8")
                changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines())
                           if a != b]
                self.assertEqual(len(before.splitlines()), len(after.splitlines()))
                self.assertEqual(len(changed), 1, changed)

    def test_next_release(self):
        for encoding, title in ENCODINGS.items():
            with self.subTest(encoding=encoding):
                path = self.dossier(encoding, title)
                out = self.tmp / f"{encoding}-next.xml"
                r = etsi("release", path, "--version", "9.0.0", "-o", out)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assert_utf8_dossier(out, title)


if __name__ == "__main__":
    unittest.main()
