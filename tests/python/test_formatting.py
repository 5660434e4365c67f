"""Dossiers live in git (docs/dossier-format.md, "Formatting and git"): from
Python, a dossier loaded and saved unchanged is the same file byte for byte,
and an edit changes only its own lines."""
import difflib
import pathlib
import shutil
import tempfile
import unittest

from support import DATA, EXAMPLES, etsi

HAND = sorted((DATA / "formatting").glob("*.xml"))


def changes(before, after):
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True),
                              after.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


class LoadAndSave(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-formatting-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_unchanged_is_byte_for_byte(self):
        for source in [*HAND, *sorted(EXAMPLES.glob("*.xml"))]:
            with self.subTest(source=source.name):
                d = etsi.load(source)
                out = self.tmp / source.name
                d.save(out)
                self.assertEqual(out.read_bytes(), source.read_bytes())
                self.assertEqual(d.to_xml(), source.read_text(encoding="utf-8"))

    def test_set_ics_changes_one_line(self):
        source = DATA / "formatting" / "hand-spaces.xml"
        d = etsi.load(source)
        d.set_ics("5.3-2", "N")
        removed, added = changes(source.read_text(encoding="utf-8"), d.to_xml())
        self.assertEqual(removed, ['        <entry support="Y" provision="5.3-2">\n'])
        self.assertEqual(added, ['        <entry support="N" provision="5.3-2">\n'])

    def test_new_component_indented_like_its_siblings(self):
        source = DATA / "formatting" / "hand-tabs-no-verdicts.xml"
        d = etsi.load(source)
        c = d.add("component", {"id": "comp-new", "kind": "library", "updateable": "true",
                                "name": "New library"})
        removed, added = changes(source.read_text(encoding="utf-8"), d.to_xml())
        self.assertEqual(removed, [])
        self.assertEqual(len(added), 3)
        self.assertIn('\t\t</component>\n'
                      '\t\t<component id="comp-new" kind="library" updateable="true">\n'
                      '\t\t\t<name>New library</name>\n'
                      '\t\t</component>\n', d.to_xml())
        d.remove(c)
        self.assertEqual(d.to_xml(), source.read_text(encoding="utf-8"))


if __name__ == "__main__":
    unittest.main()
