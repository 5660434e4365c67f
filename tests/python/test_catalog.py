"""Catalogs from Python: opening editions, listing and finding records, the
XML export, read-only records, and agreement with `etsi catalog`."""
import re
import shutil
import subprocess
import unittest
import xml.etree.ElementTree as ET

from support import SOURCE, TempDirTestCase, etsi, run_cli

CATALOG_NS = "{urn:libetsi:catalog:1}"


class OpeningTest(unittest.TestCase):
    def test_builtin_editions(self):
        self.assertEqual(etsi.editions(), ["2.1.1", "3.1.3"])

    def test_pairing(self):
        for edition, ts in (("2.1.1", "1.1.1"), ("3.1.3", "2.1.1")):
            with self.subTest(edition=edition):
                with etsi.catalog(edition) as cat:
                    self.assertEqual(cat.edition, edition)
                    self.assertEqual(cat.ts_edition, ts)
                    self.assertEqual(repr(cat),
                                     f"<etsi.Catalog EN 303 645 V{edition} / TS 103 701 V{ts}>")

    def test_default_is_latest(self):
        self.assertEqual(etsi.catalog().edition, etsi.editions()[-1])
        self.assertEqual(etsi.Catalog.open().edition, etsi.editions()[-1])

    def test_explicit_ts_edition(self):
        self.assertEqual(etsi.catalog("3.1.3", ts_edition="2.1.1").ts_edition, "2.1.1")

    def test_unknown_edition(self):
        with self.assertRaises(etsi.UnsupportedError) as cm:
            etsi.catalog("9.9.9")
        self.assertIn("9.9.9", str(cm.exception))
        self.assertEqual(cm.exception.name, "EUNSUPPORTED")

    def test_unusual_pairing_opens(self):
        # published self-assessments pair EN V3.1.3 with TS V1.1.1; the
        # catalog opens and the rule edition-pairing-unusual reports it
        cat = etsi.catalog("3.1.3", ts_edition="1.1.1")
        self.assertIsNotNone(cat.find("provision", "5.3-4A"))
        self.assertIsNotNone(cat.find("test-case", "5.3-4-1"))
        cat.close()

    def test_unknown_ts_edition(self):
        with self.assertRaises(etsi.UnsupportedError):
            etsi.catalog("3.1.3", ts_edition="5.5.5")

    def test_bad_data_dir(self):
        with self.assertRaises(etsi.Error):
            etsi.catalog("3.1.3", data_dir="/nonexistent/etsi-data")

    def test_closed(self):
        cat = etsi.catalog("3.1.3")
        provision = cat.find("provision", "5.3-2")
        cat.close()
        cat.close()  # twice is fine
        self.assertTrue(cat.closed)
        self.assertEqual(repr(cat), "<etsi.Catalog (closed)>")
        with self.assertRaises(ValueError):
            cat.provisions
        with self.assertRaises(ValueError):
            provision["title"]


class RecordsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.v3 = etsi.catalog("3.1.3")
        cls.v2 = etsi.catalog("2.1.1")

    def test_provisions(self):
        ids = [p.key for p in self.v3.provisions]
        self.assertIn("5.3-1", ids)
        self.assertIn("5.3-16", ids)
        for replaced in ("5.3-4A", "5.3-4B", "5.3-6A", "5.3-6B", "5.3-15A", "5.3-15B"):
            self.assertIn(replaced, ids)
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(self.v3.count("provision"), len(ids))
        self.assertNotIn("5.3-4A", [p.key for p in self.v2.provisions])

    def test_void_provision(self):
        p = self.v3.find("provision", "5.3-4")
        self.assertEqual(p["void"], "true")
        self.assertEqual(p["status-code"], "void")
        self.assertIsNone(p["status"])
        self.assertEqual(p.values("replaced-by"), ["5.3-4A", "5.3-4B"])
        self.assertEqual(p.to_dict()["replaced-by"], ["5.3-4A", "5.3-4B"])

    def test_mandatory_and_recommended(self):
        self.assertEqual(self.v3.find("provision", "5.3-2")["status"], "M")
        self.assertEqual(self.v3.find("provision", "5.3-1")["status"], "R")
        self.assertEqual(self.v3.find("provision", "5.3-1")["status-code"], "R F (f)")

    def test_conditions_and_features(self):
        self.assertEqual([c.key for c in self.v3.conditions], ["3", "12", "14", "15", "16"])
        self.assertEqual([f.key for f in self.v3.features], ["f", "g", "h", "i", "j"])
        self.assertEqual(self.v2.features, [])
        self.assertTrue(self.v3.find("condition", "3")["summary"])
        self.assertTrue(all(s.key for s in self.v3.sources))

    def test_test_groups_and_cases(self):
        group = self.v3.find("test-group", "5.3-2")
        cases = group.children
        self.assertEqual([c.kind for c in cases], ["test-case"] * len(cases))
        self.assertIn("5.3-2-1", [c.key for c in cases])
        case = self.v3.find("test-case", "5.3-2-1")
        self.assertEqual(case.parent, group)
        self.assertIn(case["kind"], ("conceptual", "functional", "mixed"))
        inputs = case.children
        self.assertTrue(inputs)
        self.assertEqual({i.kind for i in inputs}, {"test-input"})
        self.assertIn(("7-UpdMech", "security-guarantees"),
                      [(i["table"], i["field"]) for i in inputs])
        # every group's cases, in document order
        flat = [c.key for g in self.v3.test_groups for c in g.children]
        self.assertEqual(flat, [c.key for c in self.v3.test_cases])
        self.assertEqual(self.v2.find("test-case", "4-1-1")["kind"], "conceptual")
        self.assertIsNotNone(self.v3.find("test-case", "5.0-1-1"))

    def test_ixit_tables(self):
        table = self.v3.find("ixit-table", "7-UpdMech")
        self.assertEqual(table["number"], "7")
        self.assertEqual(table["name"], "Update Mechanisms")
        fields = [f["id"] for f in table.children]
        self.assertIn("security-guarantees", fields)
        self.assertEqual({f.kind for f in table.children}, {"ixit-field"})
        self.assertEqual([t.key for t in self.v3.ixit_tables][:1], ["1-AuthMech"])

    def test_find_missing(self):
        self.assertIsNone(self.v3.find("provision", "5.3-99"))
        self.assertIsNone(self.v3.find("test-case", "5.3-2"))

    def test_kind_names_and_numbers(self):
        by_number = self.v3.records(etsi.core.ETSI_KIND_PROVISION)
        self.assertEqual(by_number, self.v3.provisions)
        with self.assertRaises(etsi.InvalidError):
            self.v3.records("no-such-kind")
        with self.assertRaises(etsi.InvalidError):
            self.v3.count(0)
        with self.assertRaises(TypeError):
            self.v3.find(None, "5.3-2")

    def test_dossier_kinds_are_empty(self):
        self.assertEqual(self.v3.count("component"), 0)
        self.assertIsNone(self.v3.find("component", "comp-fw"))

    def test_shared(self):
        # opening an edition twice gives the same data
        again = etsi.catalog("3.1.3")
        self.assertEqual(again.find("provision", "5.3-2"), self.v3.find("provision", "5.3-2"))
        self.assertEqual(len({*again.provisions, *self.v3.provisions}),
                         len(self.v3.provisions))

    def test_read_only(self):
        p = self.v3.find("provision", "5.3-2")
        title = p["title"]
        for change in (lambda: p.__setitem__("title", "x"),
                       lambda: p.__delitem__("summary"),
                       lambda: p.add_value("note", "x"),
                       lambda: p.remove_value("note", "x")):
            with self.assertRaises(etsi.ReadOnlyError) as cm:
                change()
            self.assertEqual(cm.exception.code, -11)
        self.assertEqual(p["title"], title)


class XmlTest(TempDirTestCase):
    def test_to_xml(self):
        for edition in etsi.editions():
            with self.subTest(edition=edition):
                cat = etsi.catalog(edition)
                root = ET.fromstring(cat.to_xml().encode("utf-8"))
                self.assertEqual(root.tag, CATALOG_NS + "catalogs")
                ids = {e.get("id") for e in root.iter(CATALOG_NS + "provision")}
                self.assertEqual(ids, {p.key for p in cat.provisions})
                cases = {e.get("id") for e in root.iter(CATALOG_NS + "case")}
                self.assertEqual(cases, {c.key for c in cat.test_cases})

    def test_same_as_cli(self):
        for edition in etsi.editions():
            with self.subTest(edition=edition):
                out = run_cli("catalog", "--edition", edition, "--format", "xml",
                              check=True).stdout
                self.assertEqual(etsi.catalog(edition).to_xml(), out)

    def test_cli_text_lists_the_same_cases(self):
        out = run_cli("catalog", "--edition", "3.1.3", check=True).stdout
        listed = set(re.findall(r"^    (\d[\d.]*-\d+[AB]?-\d+)\s", out, re.M))
        self.assertEqual(listed, {c.key for c in etsi.catalog("3.1.3").test_cases})

    @unittest.skipUnless(shutil.which("xmllint"), "xmllint is not installed")
    def test_valid_against_schema(self):
        path = self.tmp / "catalog.xml"
        etsi.write_file(path, etsi.catalog("3.1.3").to_xml())
        proc = subprocess.run(["xmllint", "--noout", "--schema",
                               str(SOURCE / "xsd" / "catalog.xsd"), str(path)],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)


if __name__ == "__main__":
    unittest.main()
